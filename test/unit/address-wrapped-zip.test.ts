import { describe, expect, it } from 'vitest';
import { readAddress } from '../../electron/core/extract/address.js';
import { extractFields } from '../../electron/core/extract/index.js';
import { buildLayout } from '../../electron/core/extract/layout.js';
import { pageOf } from '../fixtures/generator/handmade.js';

/* Addresses whose ZIP wrapped onto a line of its own, and city/state/ZIP lines under slash-joined record tags. */

function read(lines: string[]) {
  const doc = buildLayout([pageOf(lines.map((t, i) => [72, 100 + i * 12, t] as [number, number, string]))], 'csr');
  return readAddress(doc.lines.map((l) => l.toks));
}

describe('a ZIP wrapped onto its own line', () => {
  it('a long one-line address keeps its multi-word city when the ZIP wrapped', () => {
    const r = read(['1697 Kingsley Pkwy., Colorado Springs, CO', '80949']);
    expect(r?.value).toMatchObject({
      street_line: '1697 Kingsley Pkwy.',
      city: 'Colorado Springs',
      state: 'CO',
      zip5: '80949',
    });
  });

  it('a city line without a comma ("Fort Lauderdale FL") over its ZIP', () => {
    const r = read(['5864 Commerce Blvd', 'Fort Lauderdale FL', '33315']);
    expect(r?.value).toMatchObject({
      street_line: '5864 Commerce Blvd',
      city: 'Fort Lauderdale',
      state: 'FL',
      zip5: '33315',
    });
  });

  it('a name line above stays a name line', () => {
    const r = read(['Riverside Insurance Agency Corporation', '12 Main St, Springfield, IL', '62701']);
    expect(r?.value).toMatchObject({ street_line: '12 Main St', city: 'Springfield', state: 'IL', zip5: '62701' });
    expect(r?.nameLines.length).toBe(1);
  });
});

describe('a record line tagged CTY/ ST/ ZIP', () => {
  it('is the service address city line under SA', () => {
    const page = pageOf([
      [72, 100, 'CUST'],
      [140, 100, 'BAYSIDE HARDWARE & LUMBER INC.'],
      [72, 112, 'SA'],
      [140, 112, '25535 EAST LAKE DRIVE'],
      [72, 124, 'CTY/ ST/ ZIP BOCA RATON FL 33464-8980'],
    ]);
    const sa = extractFields([page], 'csr').fields.service_address?.value;
    expect(sa).toMatchObject({
      street_line: '25535 EAST LAKE DRIVE',
      city: 'BOCA RATON',
      state: 'FL',
      zip5: '33464',
      zip4: '8980',
    });
  });
});

describe('a mainframe record whose city line is tagged CTY ST ZIP, the last tag word in the value column', () => {
  // printed in fixed pitch, the tag's last word ("ZIP") stands where the other lines' values start: the
  // record read "CTY ST" as the tag and kept "ZIP" in the city ("ZIP TRAVERSE CITY", a city no ZIP names)
  const record = (cityLine: string) =>
    pageOf(
      [
        'DT     10/04/24     ACT   231-390-1860-666',
        'MTN    231 390-1860',
        'NAME   COPPER CANYON PHYSICAL THERAPY PLLC',
        'SA ADDR1 6518 WASHINGTON TER',
        cityLine,
        'CONTACT DEREK JOHNSON',
        'PIN#   4836',
      ].map((t, i) => [36, 100 + i * 11, t, { font: 'mono', size: 8.5 }] as const),
    );
  for (const cityLine of [
    'CTY ST ZIP TRAVERSE CITY MI 49686',
    'CTY ST ZIP  TRAVERSE CITY MI 49686',
    'CITY ST ZIP TRAVERSE CITY MI 49686',
    'CSZ ZIP TRAVERSE CITY MI 49686',
  ])
    it(`"${cityLine}": the city is the town's name only`, () => {
      const sa = extractFields([record(cityLine)], 'csr').fields.service_address;
      expect(sa?.value).toMatchObject({
        street_line: '6518 WASHINGTON TER',
        city: 'TRAVERSE CITY',
        state: 'MI',
        zip5: '49686',
      });
    });
  it('a city whose first word is a tag word stays whole ("STATE COLLEGE")', () => {
    const sa = extractFields([record('CTY ST ZIP STATE COLLEGE PA 16801')], 'csr').fields.service_address;
    expect(sa?.value.city).toBe('STATE COLLEGE');
  });
});

describe('the ZIP database objection reaches the review', () => {
  it("a service address whose ZIP is not the city's carries the note and the likely ZIP in its candidate's why", () => {
    const page = pageOf([
      [72, 100, 'Account Name:'],
      [180, 100, 'Harbor Light Dental LLC'],
      [72, 112, 'Service Address:'],
      [180, 112, '120 Harbor Dr'],
      [180, 124, 'Tampa, FL 38602'],
    ]);
    const sa = extractFields([page], 'loa').fields.service_address;
    expect(sa?.value.zip5).toBe('38602');
    expect(sa!.confidence).toBeLessThan(0.9);
    const why = sa!.candidates?.[0]?.why;
    expect(why?.zip_check?.note).toMatch(/38602/);
    expect(
      sa!.candidates?.some((c) => c.value.zip5 === why?.zip_check?.suggested_zip && c.value.zip5 !== '38602'),
    ).toBe(true);
  });

  it('an address that agrees with the database carries no note', () => {
    const page = pageOf([
      [72, 112, 'Service Address:'],
      [180, 112, '120 Harbor Dr'],
      [180, 124, 'Tampa, FL 33602'],
    ]);
    expect(extractFields([page], 'loa').fields.service_address?.candidates?.[0]?.why.zip_check).toBeUndefined();
  });
});

describe('the final address guard', () => {
  it("an address in part cells whose state cell was not read takes the ZIP's state when the ZIP's city is the printed city", () => {
    const page = pageOf([
      [72, 100, 'ADDRESS:'],
      [180, 100, '27711 Kingsley Rd'],
      [72, 112, 'TOWN/ CITY: Knoxville'],
      [72, 124, 'ZIP:'],
      [180, 124, '37929'],
    ]);
    expect(extractFields([page], 'loa').fields.service_address?.value).toMatchObject({
      city: 'Knoxville',
      state: 'TN',
      zip5: '37929',
    });
  });

  it('a city the ZIP does not name is never reported as near-certain', () => {
    const page = pageOf([
      [72, 112, 'Service Address:'],
      [180, 112, '37 Canal Rd'],
      [180, 124, 'Beach, FL 32122'],
    ]);
    const sa = extractFields([page], 'loa').fields.service_address;
    expect(sa).toBeDefined();
    expect(sa!.confidence).toBeLessThan(0.9);
  });

  it('a street line with no street words is doubtful', () => {
    const page = pageOf([
      [72, 112, 'Service Address:'],
      [180, 112, '1548, Bismarck, ND 58504'],
    ]);
    const sa = extractFields([page], 'loa').fields.service_address;
    if (sa) expect(sa.confidence).toBeLessThanOrEqual(0.6);
  });
});

describe('a label that wraps in its cell without a colon', () => {
  it('"Premises" / "Address" is one service-address label with its value beside and under it', () => {
    const page = pageOf([
      [72, 100, 'Acct. Nbr'],
      [160, 100, '881076064'],
      [72, 112, 'Premises'],
      [160, 112, '5901 SW Park Ter.'],
      [72, 124, 'Address'],
      [160, 124, 'Floor 3'],
      [160, 136, 'San Antonio, TX'],
      [160, 148, '78295-1810'],
    ]);
    expect(extractFields([page], 'invoice').fields.service_address?.value).toMatchObject({
      street_line: '5901 SW Park Ter.',
      unit: 'Floor 3',
      city: 'San Antonio',
      state: 'TX',
      zip5: '78295',
    });
  });

  it('a full label over another full label stays two labels ("Record Date" / "Company Name")', () => {
    const page = pageOf([
      [72, 100, 'Record Date'],
      [160, 100, 'October 16, 2026'],
      [72, 112, 'Company Name'],
      [160, 112, 'Berg & Schmidt LLP'],
    ]);
    expect(extractFields([page], 'csr').fields.account_name?.value).toBe('Berg & Schmidt LLP');
  });
});
