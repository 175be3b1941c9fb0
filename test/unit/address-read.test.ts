import { describe, expect, it } from 'vitest';
import { readAddress } from '../../electron/core/extract/address.js';
import { extractFields } from '../../electron/core/extract/index.js';
import { buildLayout } from '../../electron/core/extract/layout.js';
import { compareAddresses, parseAddress } from '../../shared/normalize/address.js';
import { pageOf } from '../fixtures/generator/handmade.js';

/*
 * The address reader on the shapes carriers print: one line or several, with or without commas,
 * ALL CAPS, units in every spelling, multi-word cities, labels and mainframe record tags beside the
 * parts, OCR slips. Each line below is a printed line of a text page (12 pt apart).
 */

function read(lines: string[]) {
  const doc = buildLayout([pageOf(lines.map((t, i) => [72, 100 + i * 12, t] as [number, number, string]))], 'csr');
  return readAddress(doc.lines.map((l) => l.toks));
}

type Want = { street_line: string; unit: string; city: string; state: string; zip5: string; zip4?: string };

/** The reading keeps the document's spelling; it must be the same address as `want` and exactly its city. */
function expectAddress(lines: string[], want: Want) {
  const r = read(lines);
  expect(r, lines.join(' / ')).not.toBeNull();
  const got = r!.value;
  expect({ city: got.city.toUpperCase(), state: got.state, zip5: got.zip5 }).toEqual({
    city: want.city.toUpperCase(),
    state: want.state,
    zip5: want.zip5,
  });
  const verdict = compareAddresses(parseAddress({ ...want, zip4: want.zip4 ?? '' }), parseAddress(got));
  expect(verdict.verdict, `${lines.join(' / ')} → ${JSON.stringify(got)}: ${verdict.reasons.join(' ')}`).not.toBe(
    'mismatch',
  );
  expect(got.street_line.toUpperCase()).toBe(want.street_line.toUpperCase());
  expect(got.unit.toUpperCase().replace(/\s+/g, ' ')).toBe(want.unit.toUpperCase());
  return r!;
}

describe('one-line addresses are split into street, unit, city, state and ZIP', () => {
  it.each([
    [
      ['120 Harbor Dr., Suite 2B, Tampa, FL 33602'],
      { street_line: '120 Harbor Dr.', unit: 'Suite 2B', city: 'Tampa', state: 'FL', zip5: '33602' },
    ],
    [
      ['120 Harbor Dr Suite 2B Tampa FL 33602'],
      { street_line: '120 Harbor Dr', unit: 'Suite 2B', city: 'Tampa', state: 'FL', zip5: '33602' },
    ],
    [
      ['120 HARBOR DR STE 2B TAMPA FL 33602-4410'],
      { street_line: '120 HARBOR DR', unit: 'STE 2B', city: 'TAMPA', state: 'FL', zip5: '33602', zip4: '4410' },
    ],
    [
      ['120 Harbor Dr, Suite 2B Tampa, FL 33602'],
      { street_line: '120 Harbor Dr', unit: 'Suite 2B', city: 'Tampa', state: 'FL', zip5: '33602' },
    ],
    [
      ['120 Harbor Drive #2B, Tampa, Florida 33602'],
      { street_line: '120 Harbor Drive', unit: '#2B', city: 'Tampa', state: 'FL', zip5: '33602' },
    ],
    [
      ['Suite 2B, 120 Harbor Dr, Tampa, FL 33602'],
      { street_line: '120 Harbor Dr', unit: 'Suite 2B', city: 'Tampa', state: 'FL', zip5: '33602' },
    ],
  ])('%j', (lines, want) => {
    expectAddress(lines, want);
  });
});

describe('multi-word cities are kept whole (the ZIP database knows the cities of each state)', () => {
  it.each([
    [
      ['455 W Temple St Salt Lake City UT 84101'],
      { street_line: '455 W Temple St', unit: '', city: 'Salt Lake City', state: 'UT', zip5: '84101' },
    ],
    [
      ['455 W TEMPLE ST', 'SALT LAKE CITY UT 84101'],
      { street_line: '455 W TEMPLE ST', unit: '', city: 'SALT LAKE CITY', state: 'UT', zip5: '84101' },
    ],
    [
      ['455 W Temple St Ste 300 Salt Lake City, Utah 84101'],
      { street_line: '455 W Temple St', unit: 'Ste 300', city: 'Salt Lake City', state: 'UT', zip5: '84101' },
    ],
    [
      ['12 N Broadway St Louis MO 63102'],
      { street_line: '12 N Broadway', unit: '', city: 'St Louis', state: 'MO', zip5: '63102' },
    ],
    [
      ['12 N Broadway, St. Louis, MO 63102'],
      { street_line: '12 N Broadway', unit: '', city: 'St. Louis', state: 'MO', zip5: '63102' },
    ],
    [
      ['1 E Las Olas Blvd Fort Lauderdale FL 33301'],
      { street_line: '1 E Las Olas Blvd', unit: '', city: 'Fort Lauderdale', state: 'FL', zip5: '33301' },
    ],
    [
      ['200 W 4th St Winston-Salem NC 27101'],
      { street_line: '200 W 4th St', unit: '', city: 'Winston-Salem', state: 'NC', zip5: '27101' },
    ],
    [
      ["300 Sherman Ave Coeur d'Alene ID 83814"],
      { street_line: '300 Sherman Ave', unit: '', city: "Coeur d'Alene", state: 'ID', zip5: '83814' },
    ],
    [
      ['9 Ocean Ave Long Beach CA 90802'],
      { street_line: '9 Ocean Ave', unit: '', city: 'Long Beach', state: 'CA', zip5: '90802' },
    ],
    [
      ['77 Clematis St West Palm Beach FL 33401'],
      { street_line: '77 Clematis St', unit: '', city: 'West Palm Beach', state: 'FL', zip5: '33401' },
    ],
    [
      ['5 Main St', 'La Crosse WI 54601'],
      { street_line: '5 Main St', unit: '', city: 'La Crosse', state: 'WI', zip5: '54601' },
    ],
    [
      ['1 Main St Charleston West Virginia 25301'],
      { street_line: '1 Main St', unit: '', city: 'Charleston', state: 'WV', zip5: '25301' },
    ],
    [
      ['350 5th Ave New York New York 10118'],
      { street_line: '350 5th Ave', unit: '', city: 'New York', state: 'NY', zip5: '10118' },
    ],
    [
      ['1 Main St Kansas City Kansas 66101'],
      { street_line: '1 Main St', unit: '', city: 'Kansas City', state: 'KS', zip5: '66101' },
    ],
    [
      ['8 Elm Rd Rm 4 New York NY 10001'],
      { street_line: '8 Elm Rd', unit: 'Rm 4', city: 'New York', state: 'NY', zip5: '10001' },
    ],
  ])('%j', (lines, want) => {
    expectAddress(lines, want);
  });
});

describe('units in every spelling and position stay units', () => {
  it.each([
    [['ROOM 12', '88 Pine St', 'Boise, ID 83702'], 'ROOM 12'],
    [['88 Pine St', 'ROOM 12', 'Boise, ID 83702'], 'ROOM 12'],
    [['88 Pine St', 'ROOM 12 Boise, ID 83702'], 'ROOM 12'],
    [['88 PINE ST RM 12', 'BOISE ID 83702'], 'RM 12'],
    [['ROOM 12 88 PINE ST', 'BOISE ID 83702'], 'ROOM 12'],
    [['Room 12, 88 Pine St, Boise, ID 83702'], 'Room 12'],
    [['88 Pine St Floor 3', 'Boise ID 83702'], 'Floor 3'],
    [['88 Pine St, 3rd Floor, Boise, ID 83702'], '3rd Floor'],
    [['88 Pine St FL 3 Boise ID 83702'], 'FL 3'],
    [['88 Pine St Unit 7', 'Boise ID 83702'], 'Unit 7'],
    [['88 Pine St Apt. 7-B', 'Boise ID 83702'], 'Apt. 7-B'],
    [['88 Pine St Bldg 2', 'Boise ID 83702'], 'Bldg 2'],
    [['88 Pine St # 12', 'Boise ID 83702'], '# 12'],
    [['88 Pine St, Floor, 12, Boise, ID 83702'], 'Floor 12'],
  ])('%j → %s', (lines, unit) => {
    expectAddress(lines, { street_line: '88 Pine St', unit, city: 'Boise', state: 'ID', zip5: '83702' });
  });
});

describe('labels and record tags beside the parts are never parts', () => {
  it.each([
    [['SA 88 PINE ST', 'CTY BOISE ID 83702'], { street_line: '88 PINE ST', unit: '' }],
    [['SA   88 PINE ST', 'CTY  BOISE   ST ID   ZIP 83702'], { street_line: '88 PINE ST', unit: '' }],
    [['SA 88 PINE ST', 'LA RM 12', 'CTY BOISE, ID 83702'], { street_line: '88 PINE ST', unit: 'RM 12' }],
    [['SADR 88 PINE ST RM 12', 'CSZ BOISE ID 83702'], { street_line: '88 PINE ST', unit: 'RM 12' }],
    [['88 Pine St', 'ZIP Code Boise ID 83702'], { street_line: '88 Pine St', unit: '' }],
    [['88 Pine St', 'City: Boise  State: ID  Zip: 83702'], { street_line: '88 Pine St', unit: '' }],
    [['Street: 88 Pine St', 'City/State/ZIP: Boise, ID 83702'], { street_line: '88 Pine St', unit: '' }],
    [['LOC 88 PINE ST', 'BOISE ID ZIP 83702'], { street_line: '88 PINE ST', unit: '' }],
    [['SA1 88 PINE ST', 'SVC ADDR2 RM 12', 'CSZ BOISE ID 83702'], { street_line: '88 PINE ST', unit: 'RM 12' }],
    [
      ['SADR1: 88 PINE ST', 'SVC ADDR2: RM 12', 'CTY/ST/ZIP: BOISE ID 83702'],
      { street_line: '88 PINE ST', unit: 'RM 12' },
    ],
  ])('%j', (lines, want) => {
    expectAddress(lines, { ...want, city: 'Boise', state: 'ID', zip5: '83702' });
  });

  it('keeps a city that begins with a tag-like word when it is a known city ("LA CROSSE")', () => {
    expectAddress(['LA 5 MAIN ST', 'LA CROSSE WI 54601'], {
      street_line: '5 MAIN ST',
      unit: '',
      city: 'LA CROSSE',
      state: 'WI',
      zip5: '54601',
    });
  });
});

describe('two- and three-line addresses', () => {
  it.each([
    [
      ['120 Harbor Dr', 'Suite 2B', 'Tampa, FL 33602'],
      { street_line: '120 Harbor Dr', unit: 'Suite 2B', city: 'Tampa' },
    ],
    [
      ['Acme Marine LLC', 'Attn: Accounts', '120 Harbor Dr', 'Tampa FL 33602'],
      { street_line: '120 Harbor Dr', unit: '', city: 'Tampa' },
    ],
    [['120 HARBOR DR', 'TAMPA', 'FL 33602'], { street_line: '120 HARBOR DR', unit: '', city: 'TAMPA' }],
    [['SA 120 HARBOR DR', 'CTY TAMPA', 'ST FL ZIP 33602'], { street_line: '120 HARBOR DR', unit: '', city: 'TAMPA' }],
    [
      ['120 Harbor Dr', 'Fort Lauderdale', 'FL 33602'],
      { street_line: '120 Harbor Dr', unit: '', city: 'Fort Lauderdale' },
    ],
  ])('%j', (lines, want) => {
    const r = read(lines)!;
    expect(r.value).toMatchObject({ ...want, state: 'FL', zip5: '33602' });
  });

  it.each([
    [
      ['37 Canal Rd., Daytona', 'Beach, FL 32122'],
      { street_line: '37 Canal Rd.', unit: '', city: 'Daytona Beach', state: 'FL', zip5: '32122' },
    ],
    [
      ['9059 Maple Drive, STE 1220, North', 'Little Rock, AR 72124'],
      { street_line: '9059 Maple Drive', unit: 'STE 1220', city: 'North Little Rock', state: 'AR', zip5: '72124' },
    ],
    [
      ['28204 Harbor Ave., Apt 173, Lake Havasu', 'City, AZ 86405-2634'],
      { street_line: '28204 Harbor Ave.', unit: 'Apt 173', city: 'Lake Havasu City', state: 'AZ', zip5: '86405' },
    ],
    [
      ['12 Martin Luther King', 'Jr Lane, Room 573, Saratoga Springs, NY 12866'],
      {
        street_line: '12 Martin Luther King Jr Lane',
        unit: 'Room 573',
        city: 'Saratoga Springs',
        state: 'NY',
        zip5: '12866',
      },
    ],
    [
      ['11177 Martin Luther King Jr', 'Ct. Corpus Christi, TX 78460'],
      { street_line: '11177 Martin Luther King Jr Ct.', unit: '', city: 'Corpus Christi', state: 'TX', zip5: '78460' },
    ],
  ])('a one-line address wrapped in a narrow cell: %j', (lines, want) => {
    expect(read(lines)?.value).toMatchObject(want);
  });

  it.each([
    [
      ['11177 Martin Luther King Jr', 'Ct.', 'Corpus Christi, TX 78460'],
      { street_line: '11177 Martin Luther King Jr Ct.', unit: '', city: 'Corpus Christi', zip5: '78460' },
    ],
    [
      ['14168 Mill Highway, ROOM', '1544, Juneau, AK 99803'],
      { street_line: '14168 Mill Highway', unit: 'ROOM 1544', city: 'Juneau', zip5: '99803' },
    ],
    [
      ['8120 Commerce St,', 'Ann Arbor, MI', '48106-4282'],
      { street_line: '8120 Commerce St', unit: '', city: 'Ann Arbor', state: 'MI', zip5: '48106', zip4: '4282' },
    ],
    [
      ['4050 Southwest', 'Martin Luther King', 'Jr Lane, Room 573,', 'Saratoga Springs,', 'NY 12866'],
      {
        street_line: '4050 Southwest Martin Luther King Jr Lane',
        unit: 'Room 573',
        city: 'Saratoga Springs',
        state: 'NY',
        zip5: '12866',
      },
    ],
    [
      ['225 River St, Suite', '1189, Saint Paul, MN', '55103-5556'],
      { street_line: '225 River St', unit: 'Suite 1189', city: 'Saint Paul', state: 'MN', zip5: '55103' },
    ],
    [
      ['1738 Kings Highway Boulevard, STE', '38A', 'Palm Beach Gardens, FL 33410-6030'],
      { street_line: '1738 Kings Highway Boulevard', unit: 'STE 38A', city: 'Palm Beach Gardens', zip5: '33410' },
    ],
  ])('a street, unit or ZIP continued on the next line: %j', (lines, want) => {
    expect(read(lines)?.value).toMatchObject(want);
  });

  it('does not join a complete street line to the city below it', () => {
    expect(read(['100 Main St West', 'Palm Beach FL 33480'])?.value).toMatchObject({
      street_line: '100 Main St West',
      city: 'Palm Beach',
    });
  });

  it('leaves the city empty when none is printed (a street type is not a city)', () => {
    expect(read(['120 Harbor Dr, FL 33602'])?.value).toMatchObject({
      street_line: '120 Harbor Dr',
      city: '',
      state: 'FL',
      zip5: '33602',
    });
    expect(read(['120 Harbor Dr', 'FL 33602'])?.value).toMatchObject({
      street_line: '120 Harbor Dr',
      city: '',
      state: 'FL',
    });
  });

  it('does not make a name line a city', () => {
    expect(read(['Acme Inc', 'Attn Bob', 'FL 33602'])).toBeNull();
  });
});

describe('city, state and ZIP on one line keep the state', () => {
  it.each([
    ['Tampa, FL 33602', 'Tampa'],
    ['Tampa FL 33602', 'Tampa'],
    ['TAMPA, FL. 33602', 'TAMPA'],
    ['Tampa,FL 33602', 'Tampa'],
    ['Tampa FL33602', 'Tampa'],
    ['Tampa  Florida  33602-1234', 'Tampa'],
    ['Tampa / FL / 33602', 'Tampa'],
    ['CTY TAMPA ST FL ZIP 33602', 'TAMPA'],
    ['Tampa 33602', 'Tampa'],
    ['Tampa, F1 33602', 'Tampa'],
  ])('%s', (line, city) => {
    const r = read(['120 Harbor Dr', line]);
    expect(r?.value).toMatchObject({ street_line: '120 Harbor Dr', city, state: 'FL', zip5: '33602' });
  });
});

describe('OCR slips', () => {
  it('reads lookalike digits in house numbers, ZIPs and unit values', () => {
    expect(read(['Z471 Franklin Pkwy', 'Spokane WA 99Z28'])?.value).toMatchObject({
      street_line: '2471 Franklin Pkwy',
      zip5: '99228',
    });
    expect(read(['l20 Harbor Dr Ste l2', 'Tampa FL 336O2'])?.value).toMatchObject({
      street_line: '120 Harbor Dr',
      unit: 'Ste 12',
      zip5: '33602',
    });
    expect(read(['9183West Elm Blvd Floor B', 'Fort Worth TX 76102'])?.value).toMatchObject({
      street_line: '9183 West Elm Blvd',
      unit: 'Floor 8',
    });
    expect(read(['50 Lake St.Ste 1189', 'St. Petersburg FL 33701'])?.value).toMatchObject({
      street_line: '50 Lake St.',
      unit: 'Ste 1189',
    });
    expect(read(['1095 N Wabash Sq', 'SALT LAKE CITYUT 84105'])?.value).toMatchObject({
      city: 'SALT LAKE CITY',
      state: 'UT',
      zip5: '84105',
    });
  });

  it.each([
    // printed ZIP, the city/state beside it, the ZIP the database says was meant
    ['Tampa, FL 38602', '33602'],
    ['Tampa, FL 33620', null],
    ['Boise, ID 83707', null],
    ['Boise, ID 88702', '83702'],
    ['Salt Lake City, UT 84110', null],
    ['Salt Lake City, UT 84l01', null],
    ['Fort Lauderdale, FL 33031', '33301'],
  ])('%s: keeps the printed ZIP and proposes %s', (line, suggested) => {
    const r = read(['120 Harbor Dr', line])!;
    const printed = /(\d{5})$/.exec(line.replace(/l/g, '1'))![1];
    expect(r.value.zip5).toBe(printed);
    if (suggested) {
      expect(r.check).toMatchObject({ verdict: 'zip-slip', suggestedZip: suggested });
      expect(r.check.note).toContain(suggested);
      expect(r.quality).toBeLessThan(0.8);
    } else expect(r.check.suggestedZip).toBeNull();
  });

  it('lowers confidence when the ZIP belongs to another state, without changing what is printed', () => {
    const r = read(['120 Harbor Dr', 'Tampa, FL 84101'])!;
    expect(r.value).toMatchObject({ city: 'Tampa', state: 'FL', zip5: '84101' });
    expect(r.check.verdict).toBe('other-state');
    expect(r.quality).toBeLessThan(0.7);
    const good = read(['120 Harbor Dr', 'Tampa, FL 33602'])!;
    expect(good.check.verdict).toBe('ok');
    expect(good.quality).toBeGreaterThan(0.9);
  });

  it('a ZIP that does not exist is a doubt, not a fact', () => {
    const r = read(['120 Harbor Dr', 'Tampa, FL 00000'])!;
    expect(r.value.zip5).toBe('00000');
    expect(['unknown-zip', 'zip-slip']).toContain(r.check.verdict);
    expect(r.quality).toBeLessThan(0.75);
  });
});

describe('PO boxes', () => {
  it.each([
    ['PO Box 44', 'Tampa FL 33602'],
    ['P.O. BOX 44', 'TAMPA, FL 33602'],
    ['Post Office Box 44', 'Tampa, Florida 33602'],
    ['POB 44', 'Tampa FL 33602'],
  ])('%s is read and marked as a PO box', (street, csz) => {
    const r = read([street, csz])!;
    expect(r.value.street_line).toBe(street);
    expect(r.poBox).toBe(true);
  });

  it('a street address is not a PO box', () => {
    expect(read(['120 Box Elder Rd', 'Tampa FL 33602'])!.poBox).toBe(false);
  });
});

describe('extraction keeps the printed ZIP and carries the doubt', () => {
  const csr = (zip: string) => [
    pageOf([
      [72, 80, 'Customer Service Record'],
      [72, 110, 'Account Number:'],
      [200, 110, '4401-229-7781'],
      [72, 130, 'Service Address:'],
      [200, 130, '120 Harbor Dr, Suite 2B'],
      [200, 142, `Tampa, FL ${zip}`],
    ]),
  ];

  it('a ZIP slip: printed value first with lowered confidence, the database ZIP as a lower candidate', () => {
    const slipped = extractFields(csr('38602'), 'csr').fields.service_address!;
    expect(slipped.value).toMatchObject({
      street_line: '120 Harbor Dr',
      unit: 'Suite 2B',
      city: 'Tampa',
      state: 'FL',
      zip5: '38602',
    });
    expect(slipped.confidence).toBeLessThan(0.9);
    const alt = slipped.candidates?.find((c) => c.value.zip5 === '33602');
    expect(alt).toBeDefined();
    expect(alt!.confidence).toBeLessThanOrEqual(slipped.confidence);

    const clean = extractFields(csr('33602'), 'csr').fields.service_address!;
    expect(clean.value.zip5).toBe('33602');
    expect(clean.confidence).toBeGreaterThan(slipped.confidence);
    expect(clean.candidates?.some((c) => c.value.zip5 !== '33602') ?? false).toBe(false);
  });
});
