import { describe, expect, it } from 'vitest';
import type { CandidateWhy, PageText, ServiceAddress } from '../../shared/domain/document.js';
import { addr, codes, fv as boxedField, run } from '../helpers/compare.js';
import { pageOfLines as page } from '../helpers/pages.js';

/*
 * The service address on bad scans: a difference is a predicted rejection only when the carrier's page
 * leaves no doubt about its own reading. A reading whose label also gives the LOA's address (two columns
 * run into one region), or one put together from two cells while the page writes the LOA's address in
 * full, is a check; a unit run into the city or a house number read with a digit's lookalike is the same
 * address; a real difference the page confirms stays a rejection.
 */

const fv = <T>(value: T, confidence = 0.95) => boxedField(value, confidence, null);
/** A reading with the reader's ranked candidates, each with why it was proposed. */
const withCands = (
  value: ServiceAddress,
  confidence: number,
  rivals: [ServiceAddress, number, CandidateWhy][],
  why: CandidateWhy,
) => ({
  ...fv(value, confidence),
  candidates: [
    { value, confidence, page: 1, bbox: null, why },
    ...rivals.map(([v, c, w]) => ({ value: v, confidence: c, page: 1, bbox: null, why: w })),
  ],
});
const scan = (lines: [number, number, string][]): PageText[] => page(lines, 'ocr');
const LOCATION = 'LOCATION_MISMATCH';
const POSTAL = 'POSTAL_CODE_MISMATCH';

describe("the carrier's label gives the LOA's address too (two columns run into one region)", () => {
  const shapes: { caption: string; other: string; service: ServiceAddress; billing: ServiceAddress }[] = [
    {
      caption: 'Where Service Is Located',
      other: 'Address for Bills',
      service: addr('8766 Sandpiper Pl', 'Sioux Falls', 'SD', '57107'),
      billing: addr('7813 Fifth Dr', 'Sioux Falls', 'SD', '57197', '', '3677'),
    },
    {
      caption: 'Premises',
      other: 'Remit To',
      service: addr('412 Orchard Way', 'Boise', 'ID', '83702', 'Suite 5'),
      billing: addr('PO Box 2210', 'Boise', 'ID', '83701'),
    },
  ];
  for (const { caption, other, service, billing } of shapes) {
    const line = (a: ServiceAddress) =>
      `${a.street_line}${a.unit ? ` ${a.unit}` : ''}, ${a.city}, ${a.state} ${a.zip5}`;
    const invoicePage = scan([
      [40, 60, 'Frontier Communications'],
      [40, 180, `${caption}     ${other}`],
      [40, 194, `${line(service)}   ${line(billing)}`],
    ]);
    const why: CandidateWhy = { source: 'label', label: caption };
    it(`under "${caption}", beside "${other}": the invoice's unsure reading of the other block is a check, not a rejection`, () => {
      const r = run({
        loa: { service_address: fv(service, 0.95) },
        invoice: { service_address: withCands(billing, 0.74, [[service, 0.59, why]], why) },
        pages: { invoice: invoicePage },
      });
      expect(codes(r)).not.toContain(LOCATION);
      expect(codes(r)).not.toContain(POSTAL);
      expect(r.fields.service_address.verdict).toBe('check');
      expect(r.checks.find((c) => c.field === 'service_address')?.why).toMatch(/two addresses under one label/);
    });
    it(`under "${caption}": the reading read surely (a text layer) is what the label gives`, () => {
      const r = run({
        loa: { service_address: fv(billing, 0.95) },
        invoice: { service_address: withCands(service, 1, [[billing, 0.6, why]], why) },
      });
      expect(codes(r)).toContain(LOCATION);
    });
  }
});

describe('a carrier reading put together from two cells, the page writing the LOA’s address in full', () => {
  const shapes: [string, string, string, string, string][] = [
    // [LOA street, street cell on the CSR, the CSR's reading, city, state ZIP]
    ['8419 Main Lane', '8419 Main Ln', '8419 Santa Fe', 'Santa Fe', 'NM 87506'],
    ['52 Birch Street', '52 BIRCH ST', '52 Grand Rapids', 'Grand Rapids', 'MI 49503'],
  ];
  for (const [loaStreet, cell, read, city, stateZip] of shapes) {
    const [state, zip] = stateZip.split(' ') as [string, string];
    const csrPage = (street: string) =>
      scan([
        [40, 60, 'CUSTOMER SERVICE RECORD'],
        [40, 170, 'ADDRESS, SERVICE'],
        [40, 190, 'STREET ADDR        CITY NAME     STATE  ZIP'],
        [40, 214, street],
        [40, 226, `${city} ${state} ${zip}`],
      ]);
    it(`"${read}" read at 68% where the CSR writes "${cell}": a check`, () => {
      const r = run({
        loa: { service_address: fv(addr(loaStreet, city, state, zip), 0.54) },
        csr: {
          service_address: withCands(addr(read, city, state, zip), 0.68, [], {
            source: 'label',
            label: 'ADDRESS, SERVICE',
          }),
        },
        pages: { csr: csrPage(cell) },
      });
      expect(codes(r)).not.toContain(LOCATION);
      expect(r.fields.service_address.verdict).toBe('check');
    });
    it(`the CSR writing another street ("${cell.replace(/^\d+ \S+/, (m) => `${m.split(' ')[0]} Cedar`)}") as read: the difference stands`, () => {
      const other = cell.replace(/^(\d+) \S+/, '$1 Cedar');
      const r = run({
        loa: { service_address: fv(addr(loaStreet, city, state, zip), 0.95) },
        csr: { service_address: fv(addr(other, city, state, zip), 0.95) },
        pages: { csr: csrPage(other) },
      });
      expect(codes(r)).toContain(LOCATION);
    });
  }
});

describe('a unit run into the city, a house number read with a lookalike: the same address', () => {
  const shapes: [string, ServiceAddress, ServiceAddress][] = [
    [
      "'Apt lA Cape Coral'",
      addr('11502 Canal Circle', 'Cape Coral', 'FL', '33990', 'Apt 1A'),
      addr('11502 Canal Circle', 'Apt lA Cape Coral', 'FL', '33990'),
    ],
    [
      "'Ste 210 Reno'",
      addr('77 Harbor Avenue', 'Reno', 'NV', '89502', 'Suite 210'),
      addr('77 Harbor Ave', 'Ste 210 Reno', 'NV', '89502'),
    ],
    [
      "'l5 Main Rd'",
      addr('15 Main Road', 'Corpus Christi', 'TX', '78407'),
      addr('l5 Main Rd', 'Corpus Christi', 'TX', '78407'),
    ],
    ["'1O5 Elm St'", addr('105 Elm Street', 'Dayton', 'OH', '45402'), addr('1O5 Elm St', 'Dayton', 'OH', '45402')],
    [
      "'B9 OakPl'",
      addr('89 Oak Place', 'Oklahoma City', 'OK', '73123'),
      addr('B9 OakPl', 'Oklahoma City', 'OK', '73123'),
    ],
    ["'B47 Elm St'", addr('847 Elm Street', 'Dayton', 'OH', '45402'), addr('B47 Elm St', 'Dayton', 'OH', '45402')],
  ];
  for (const [what, loa, read] of shapes) {
    it(`the invoice's ${what} agrees with the LOA`, () => {
      const r = run({
        loa: { service_address: fv(loa, 0.95) },
        invoice: { service_address: fv(read, 0.69) },
        pages: {
          invoice: scan([
            [40, 60, 'Statement'],
            [40, 194, read.street_line],
          ]),
        },
      });
      expect(codes(r)).not.toContain(LOCATION);
      expect(['match', 'equivalent']).toContain(r.fields.service_address.verdict);
    });
  }
  it('a unit of another value run into the city is still another unit', () => {
    const r = run({
      loa: { service_address: fv(addr('11502 Canal Circle', 'Cape Coral', 'FL', '33990', 'Apt 7C'), 0.97) },
      csr: { service_address: fv(addr('11502 CANAL CIR', 'APT 2B CAPE CORAL', 'FL', '33990'), 0.97) },
    });
    expect(codes(r)).toContain(LOCATION);
  });
  it('a house number one lookalike away on an unsure reading is not taken for another street', () => {
    const r = run({
      loa: { service_address: fv(addr('15 Main Road', 'Corpus Christi', 'TX', '78407'), 0.95) },
      csr: { service_address: fv(addr('16 Main Rd', 'Corpus Christi', 'TX', '78407'), 0.52) },
      pages: {
        csr: scan([
          [40, 60, 'CSR'],
          [40, 194, '16 Main Rd Corpus Christi TX 78407'],
        ]),
      },
    });
    expect(codes(r)).not.toContain(LOCATION);
  });
});

describe("a house number OCR opened with a B for its 8 (TUNE bad 31227: the LOA's 91 passed as the same address)", () => {
  // (a house number's own letter follows its digits, "12B"; none opens with B)
  for (const [read, printed, loaNumber, rest] of [
    ['B9', '89', '91', 'Oak Pl'],
    ['B47', '847', '874', 'Elm St'],
    ['B120', '8120', '8210', 'W Main St'],
  ] as const)
    it(`the CSR's "${read} ${rest}", the invoice's ${printed}, against the LOA's ${loaNumber}: a rejection`, () => {
      const r = run({
        loa: { service_address: fv(addr(`${loaNumber} ${rest}`, 'Oklahoma City', 'OK', '73123'), 0.95) },
        invoice: { service_address: fv(addr(`${printed} ${rest}`, 'Oklahoma City', 'OK', '73123'), 0.84) },
        csr: { service_address: fv(addr(`${read} ${rest}`, 'Oklahoma City', 'OK', '73123'), 0.55) },
        pages: {
          csr: scan([
            [40, 60, 'CSR'],
            [40, 194, `${read} ${rest} Oklahoma City OK 73123`],
          ]),
        },
      });
      expect(codes(r)).toContain(LOCATION);
    });
  it("a house number's own letter after its digits ('12B Elm St') is not read as an 8", () => {
    const r = run({
      loa: { service_address: fv(addr('128 Elm Street', 'Dayton', 'OH', '45402'), 0.95) },
      invoice: { service_address: fv(addr('12B Elm St', 'Dayton', 'OH', '45402'), 0.9) },
      pages: {
        invoice: scan([
          [40, 60, 'Statement'],
          [40, 194, '12B Elm St Dayton OH 45402'],
        ]),
      },
    });
    expect(r.fields.service_address.normalized.invoice).toMatch(/^12B /);
  });
});

describe('a house number that differs beyond one slip is another building', () => {
  const page16 = (n: string) =>
    scan([
      [40, 60, 'CSR'],
      [40, 194, `${n} Main Rd Corpus Christi TX 78407`],
    ]);
  for (const [read, conf] of [
    ['47', 0.62],
    ['16', 0.97],
  ] as const) {
    it(`the CSR's ${read} against the LOA's 15, read at ${Math.round(conf * 100)}%: a rejection`, () => {
      const r = run({
        loa: { service_address: fv(addr('15 Main Road', 'Corpus Christi', 'TX', '78407'), 0.95) },
        csr: { service_address: fv(addr(`${read} Main Rd`, 'Corpus Christi', 'TX', '78407'), conf) },
        pages: { csr: page16(read) },
      });
      expect(codes(r)).toContain(LOCATION);
    });
  }
});

describe("a unit found on the carrier's page stands as words of its own", () => {
  it("'15A' run across a PIN's end and a name ('590012l1 Sandhill') is no unit the CSR writes", () => {
    const loa = addr('11377 Park Circle', 'Las Vegas', 'NV', '89158', 'Unit 15A');
    const carrier = addr('11377 Park Circle', 'Las Vegas', 'NV', '89158');
    const r = run({
      loa: { service_address: fv(loa, 0.97) },
      invoice: { service_address: fv(carrier, 0.77) },
      csr: { service_address: fv(carrier, 0.48) },
      pages: {
        csr: scan([
          [40, 60, 'CUSTOMER RECORD'],
          [40, 140, 'PIN#'],
          [40, 150, '590012l1 Sandhill Veterinary'],
          [40, 190, 'Street Line   City Name   St.  Postcode'],
          [40, 204, '11377 Park Circle'],
          [40, 216, 'Las Vegas NV 89158'],
        ]),
      },
    });
    expect(codes(r)).toContain(LOCATION);
  });
});

describe("an unsure CSR reading its own page confirms part by part (the reader's label kept, the ZIP the city's, written in full)", () => {
  const shapes: {
    caption: string;
    carrier: ServiceAddress;
    written: string;
    loa: ServiceAddress;
    slip: ServiceAddress;
  }[] = [
    {
      caption: 'Street / Number',
      carrier: addr('9376 Harbor Parkway', 'El Paso', 'TX', '79901', 'Unit 1143'),
      written: '9376 Harbor Parkway, Unit l143, El Paso, TX 79901',
      loa: addr('9376 Harbor Parkway', 'El Paso', 'TX', '79901'),
      slip: addr('9376 Harbor Parkway', 'El Paso', 'TX', '79901', 'Unit 1148'),
    },
    {
      caption: 'SVC1',
      carrier: addr('1 OAK LN', 'NEWPORT NEWS', 'VA', '23607', 'ROOM 15'),
      written: 'SVC1 1 OAK LN ROOM 15 NEWPORT NEWS VA Z36O7',
      loa: addr('1 Oak Ln.', 'Newport News', 'VA', '23607'),
      slip: addr('1 Oak Ln.', 'Newport News', 'VA', '23607', 'Room 16'),
    },
  ];
  for (const { caption, carrier, written, loa, slip } of shapes) {
    const why: CandidateWhy = { source: 'label', label: caption };
    const csrPage = scan([
      [40, 60, 'CUSTOMER SERVICE RECORD'],
      [40, 180, caption],
      [40, 194, written],
    ]);
    const review = (loaAddress: ServiceAddress, csr = carrier, pages = csrPage) =>
      run({
        loa: { service_address: fv(loaAddress, 0.97) },
        csr: { service_address: withCands(csr, 0.49, [], why) },
        pages: { csr: pages },
      });
    it(`under "${caption}": the unit the LOA lacks is a rejection though the CSR was read at 49%`, () => {
      expect(codes(review(loa))).toContain(LOCATION);
    });
    it(`under "${caption}": the LOA's unit one lookalike away stays a check`, () => {
      const r = review(slip);
      expect(codes(r)).not.toContain(LOCATION);
      expect(r.fields.service_address.verdict).toBe('check');
    });
    it(`under "${caption}": a ZIP the ZIP database does not give the city leaves the reading in doubt`, () => {
      const wrongZip = { ...carrier, zip5: '10001' };
      const r = review(
        loa,
        wrongZip,
        scan([
          [40, 60, 'CUSTOMER SERVICE RECORD'],
          [40, 180, caption],
          [40, 194, written.replace(/\S+$/, '10001')],
        ]),
      );
      expect(codes(r)).not.toContain(LOCATION);
    });
    it(`under "${caption}": the LOA giving the same unit is a match`, () => {
      const r = review({ ...loa, unit: carrier.unit });
      expect(codes(r)).not.toContain(LOCATION);
      expect(['match', 'equivalent']).toContain(r.fields.service_address.verdict);
    });
  }
});
