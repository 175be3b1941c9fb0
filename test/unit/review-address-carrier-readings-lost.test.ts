/**
 * Planted service-address differences the review asked as looks on bad-scan dev ports (TUNE, fresh
 * wordings, heavy scans), each because one carrier document's reading was lost while its words were not:
 * - the invoice's reader took a heading for the street ("Registration (E911)", no house number): that is
 *   its reading lost as much as none, and the invoice writing the CSR's address in full, the LOA's street
 *   written on neither, makes the difference stand though the CSR was read unsurely;
 * - the CSR's reader lost the house number of a record's tagged parts ("SA House No: 27240" / "Svc Addr
 *   Street: Kingsley Way"): the invoice, read apart, gives the LOA's number and the CSR writes it, so the
 *   CSR does not lack it — and the unit only the LOA gives stands;
 * - the CSR's reading lost altogether while its page writes the invoice's address in full, without the
 *   unit only the LOA gives (an LOA grid whose captions the review does not know): both carrier pages
 *   say that address, and the unit written on neither is the difference.
 */
import { describe, expect, it } from 'vitest';
import { addr, codes, fv, run } from '../helpers/compare.js';
import { pageOfLines as page } from '../helpers/pages.js';

const addressChecks = (r: ReturnType<typeof run>) => r.checks.filter((c) => c.field === 'service_address');

describe("an invoice reading a heading as its street, its words the CSR's address", () => {
  const ny = (street: string) => addr(street, 'Saratoga Springs', 'NY', '12866', 'Suite 30');
  const csrPage = page(
    [
      [40, 40, 'ACCOUNT SUMMARY'],
      [40, 60, 'Customer Lakeview Dental Group LLC'],
      [40, 80, 'Office 16339 Magnolia Lane, Suite 30,'],
      [40, 92, 'Saratoga Springs, NY 12866'],
    ],
    'ocr',
  );
  const INVOICE_BLOCKS = [
    ['Registration (E911)', '16339 Magnolia Lane, Suite 30', 'Saratoga Springs NY 12866'],
    ['Emergency (911) Location', '16339 Magnolia Lane Suite 30', 'Saratoga Springs, NY 12866'],
    ['Site (E-911) Registration', '16339 MAGNOLIA LANE, SUITE 30', 'SARATOGA SPRINGS NY 12866'],
  ] as const;
  const ports = (heading: string, line1: string, line2: string, loaStreet: string) => ({
    loa: { service_address: fv(ny(loaStreet), 0.92) },
    invoice: { service_address: fv(addr(heading, 'Saratoga Springs', 'NY', '12866'), 0.59) },
    csr: { service_address: fv(ny('16339 Magnolia Lane'), 0.45) },
    pages: {
      csr: csrPage,
      invoice: page(
        [
          [40, 40, 'INVOICE'],
          [40, 70, heading],
          [40, 84, line1],
          [40, 96, line2],
          [40, 130, 'Monthly charges  $212.40'],
        ],
        'ocr',
      ),
    },
  });

  for (const [heading, line1, line2] of INVOICE_BLOCKS)
    it(`invoice "${heading}": the LOA's street, written on neither, is a predicted LOCATION_MISMATCH`, () => {
      const r = run(ports(heading, line1, line2, '16339 West Forest Avenue'));
      expect(codes(r)).toContain('LOCATION_MISMATCH');
      expect(addressChecks(r)).toEqual([]);
      expect(r.fields.service_address.reason).toMatch(/invoice writes the CSR's address too/);
      // a heading read as the invoice's street is no address of its own to set against the CSR's
      expect(r.fields.service_address.reason).not.toMatch(/differs from the CSR's/);
    });

  it("…and the invoice writing the LOA's street as well settles nothing: a look, no rejection", () => {
    const [heading, line1, line2] = INVOICE_BLOCKS[0];
    const r = run(ports(heading, `${line1} (was 16339 West Forest Avenue)`, line2, '16339 West Forest Avenue'));
    expect(codes(r)).not.toContain('LOCATION_MISMATCH');
    expect(r.fields.service_address.verdict).toBe('check');
  });
});

describe("a CSR reading that lost the house number of a record's tagged parts", () => {
  const ia = (street: string, unit = '') => addr(street, 'Cedar Rapids', 'IA', '52407', unit);
  const RECORDS = [
    ['SA House No: 27240', 'Svc Addr Street: Kingsley Way', 'Svc City: Cedar Rapids  State: IA  Svc Zip: 52407'],
    ['SANO 27240', 'SASN KINGSLEY WAY', 'CITY CEDAR RAPIDS STATE IA ZIP 52407'],
    ['HOUSE# 27240', 'STREET KINGSLEY WAY', 'CTY CEDAR RAPIDS ST IA ZIP 52407'],
  ] as const;
  const ports = (record: readonly string[], loaUnit: string) => ({
    loa: { service_address: fv(ia('27240 Kingsley Way', loaUnit), 0.54) },
    invoice: { service_address: fv(ia('27240 Kingsley Way'), 0.75) },
    csr: { service_address: fv(ia('Kingsley'), 0.5) },
    pages: {
      loa: page([
        [40, 40, 'LETTER OF AGENCY'],
        [40, 70, 'Street / Number            Ste        City Name      St.  Postcode'],
        [40, 84, `27240 Kingsley Way         ${loaUnit || '-'}    Cedar Rapids   IA   52407`],
      ]),
      csr: page(
        [
          [40, 40, 'CSR INQUIRY RESPONSE'],
          [40, 60, '--- SVC LOCATION ---'],
          ...record.map((line, i): [number, number, string] => [40, 76 + 14 * i, line]),
          [40, 140, 'TN 319 539 0211 1FB BUSINESS LINE'],
        ],
        'ocr',
      ),
    },
  });

  for (const record of RECORDS)
    it(`"${record[0]}": the unit only the LOA gives is a predicted LOCATION_MISMATCH, no look`, () => {
      const r = run(ports(record, 'Rm 1557'));
      expect(codes(r)).toContain('LOCATION_MISMATCH');
      expect(addressChecks(r)).toEqual([]);
    });

  it('…and the LOA without a unit is no difference', () => {
    const r = run(ports(RECORDS[0], ''));
    expect(codes(r)).not.toContain('LOCATION_MISMATCH');
  });

  it("…but a CSR that does not write the invoice's number keeps the look (its reading has no house number)", () => {
    const r = run(ports(['SA House No: 27204', ...RECORDS[0].slice(1)], 'Rm 1557'));
    expect(codes(r)).not.toContain('LOCATION_MISMATCH');
    expect(r.fields.service_address.reason).toMatch(/has no house number/);
  });
});

describe("a unit only the LOA gives, the invoice's reading lost", () => {
  // TUNE bad 31486 (standins 0): an LOA grid read at 62% gives Suite 845; the CSR, read at 85% under its
  // label, gives none and writes none; the invoice's reader found no service address
  const fl = (unit = '') => addr('13890 Forest Terrace', 'Boca Raton', 'FL', '33464', unit);
  // (the street wraps in its cell, one word a line, as a grid form prints a long street)
  const LOA_GRIDS = [
    ['Street Addr', 'Bldg/Suite', 'City Name   St.   Post Code'],
    ['No. & Street', 'Suite/Unit', 'Town   State   Zip'],
    ['Premises street', 'Room/Ste', 'City   ST   ZIP code'],
  ] as const;
  const loaPage = ([street, unit, place]: readonly [string, string, string]) =>
    page([
      [40, 40, 'NUMBER TRANSFER AUTHORIZATION FORM'],
      [40, 70, street],
      [160, 70, unit],
      [260, 70, place],
      [40, 84, '13890'],
      [160, 84, 'Suite 845'],
      [260, 84, 'Boca Raton   FL   33464'],
      [40, 96, 'Forest'],
      [40, 108, 'Terrace'],
      [40, 140, 'Lines to Port'],
    ]);
  const csrPage = (extra: string) =>
    page(
      [
        [40, 40, 'CUSTOMER SERVICE RECORD'],
        [40, 60, 'Service Address: 13890 Forest Terrace, Boca Raton, FL 33464'],
        [40, 80, extra],
      ],
      'ocr',
    );
  const ports = (grid: readonly [string, string, string], csrConf: number, extra = 'TN 561 555 0142 WKG') => ({
    loa: { service_address: fv(fl('Suite 845'), 0.62) },
    csr: { service_address: fv(fl(), csrConf) },
    pages: { loa: loaPage(grid), csr: csrPage(extra) },
  });

  for (const grid of LOA_GRIDS)
    it(`LOA "${grid[0]} | ${grid[1]}": a predicted LOCATION_MISMATCH, no look`, () => {
      const r = run(ports(grid, 0.85));
      expect(codes(r)).toContain('LOCATION_MISMATCH');
      expect(addressChecks(r)).toEqual([]);
    });

  it('…but a CSR read below what a contrary reading needs keeps the look', () => {
    const r = run(ports(LOA_GRIDS[0], 0.5));
    expect(codes(r)).not.toContain('LOCATION_MISMATCH');
  });

  it('…and a CSR that writes the unit elsewhere keeps the look', () => {
    const r = run(ports(LOA_GRIDS[0], 0.85, 'Suite 845 (per work order)'));
    expect(codes(r)).not.toContain('LOCATION_MISMATCH');
  });
});

describe("a CSR reading lost while its page writes the invoice's address, a unit only the LOA gives", () => {
  const or = (unit = '') => addr('29837 NE Lincoln Pkwy', 'Portland', 'OR', '97281', unit);
  const CSR_BLOCKS = [
    ['Service Location', '29837 NE Lincoln Pkwy.', 'Portland, OR 97281-9602'],
    ['Site address', '29837 NE LINCOLN PKWY', 'PORTLAND OR 97281'],
    ['Where service is installed', '29837 Northeast Lincoln Parkway', 'Portland, OR 97281'],
  ] as const;
  // a grid of caption cells over value cells, the street wrapped in its cell: no service-address label
  const loaPage = page([
    [168, 40, 'PORT REQUEST AUTHORIZATION'],
    [51, 84, 'Subscriber Name'],
    [53, 92, 'Lakeview Dental Group LLC'],
    [51, 152, 'Street / Number'],
    [131, 152, 'Bldg/Suite'],
    [211, 152, 'City Name'],
    [291, 152, 'State Abbr.'],
    [371, 152, 'Zip/Postal'],
    [53, 160, '29837 NE'],
    [133, 160, 'STE 1680'],
    [213, 160, 'Portland'],
    [293, 160, 'OR'],
    [373, 160, '97281-9602'],
    [53, 172, 'Lincoln Pkwy.'],
  ]);
  const ports = (caption: string, line1: string, line2: string) => ({
    loa: { service_address: fv(or('STE 1680'), 0.54) },
    invoice: { service_address: fv(or(), 0.42) },
    pages: {
      loa: loaPage,
      csr: page(
        [
          [40, 40, 'CUSTOMER RECORD'],
          [40, 70, caption],
          [40, 84, line1],
          [40, 98, line2],
        ],
        'ocr',
      ),
      invoice: page(
        [
          [40, 40, 'INVOICE'],
          [40, 70, 'Service address'],
          [40, 84, '29837 NE LINCOLN PKWY'],
          [40, 98, 'PORTLAND, OR 97281-9602'],
        ],
        'ocr',
      ),
    },
  });

  for (const [caption, line1, line2] of CSR_BLOCKS)
    it(`CSR "${caption}": the LOA's unit, written on neither carrier page, is a predicted LOCATION_MISMATCH`, () => {
      const r = run(ports(caption, line1, line2));
      expect(codes(r)).toContain('LOCATION_MISMATCH');
      expect(addressChecks(r)).toEqual([]);
    });

  it("…and a CSR page that writes the LOA's unit settles nothing: no rejection", () => {
    const [caption, line1, line2] = CSR_BLOCKS[0];
    const r = run(ports(caption, `${line1} Ste 1680`, line2));
    expect(codes(r)).not.toContain('LOCATION_MISMATCH');
  });

  it('…and an unread CSR page that does not write the address keeps the look', () => {
    const r = run(ports('Notes', 'Account opened 2021', 'Autopay enrolled'));
    expect(codes(r)).not.toContain('LOCATION_MISMATCH');
  });
});
