import { describe, expect, it } from 'vitest';
import type { PageText, ServiceAddress } from '../../shared/domain/document.js';
import { addr, codes, fv, run } from '../helpers/compare.js';
import { pageOfLines } from '../helpers/pages.js';

/*
 * The service address where a scan slipped on the carrier's side: a unit or house number that lost or
 * gained its last character is a check (the ZIP that differs as well still stands), two text layers
 * assert it; a house number glued to a numbered street ("80673rd Avenue") is compared as 8067 3rd
 * Avenue, so a house number no slip explains stands as a difference and a lone lookalike stays a check.
 */

const LOCATION = 'LOCATION_MISMATCH';
const POSTAL = 'POSTAL_CODE_MISMATCH';
const scan = (lines: [number, number, string][]): PageText[] => pageOfLines(lines, 'ocr');
/** The same page with every word read at one confidence. */
const readAt = (pages: PageText[], conf: number): PageText[] =>
  pages.map((p) => ({ ...p, words: p.words.map((w) => ({ ...w, conf })) }));
const line = (a: ServiceAddress) => `${a.street_line}${a.unit ? ` ${a.unit}` : ''}, ${a.city}, ${a.state} ${a.zip5}`;
const csrPage = (caption: string, a: ServiceAddress) =>
  scan([
    [40, 60, 'CUSTOMER SERVICE RECORD'],
    [40, 150, `${caption} ${line(a)}`],
  ]);

describe('a unit or house number that lost or gained its last character on a scan', () => {
  const shapes: { caption: string; loa: ServiceAddress; csr: ServiceAddress }[] = [
    {
      caption: 'SERVICED ADDRESS',
      loa: addr('11146 Washington Ct.', 'Corpus Christi', 'TX', '78404', 'Suite 38A'),
      csr: addr('11146 Washington Ct.', 'Corpus Christi', 'TX', '78404', 'Suite 38'),
    },
    {
      caption: 'Location of Service:',
      loa: addr('12 Harbor Rd', 'Boise', 'ID', '83702'),
      csr: addr('12B Harbor Rd', 'Boise', 'ID', '83702'),
    },
    {
      caption: 'SVC ADDR',
      loa: addr('902 Elm St', 'Fargo', 'ND', '58102', 'Apt 4'),
      csr: addr('902 Elm St', 'Fargo', 'ND', '58102', 'Apt 41'),
    },
  ];
  for (const { caption, loa, csr } of shapes) {
    it(`"${line(csr)}" read on a scanned CSR at 62% against the LOA's "${line(loa)}": a check, not a rejection`, () => {
      const r = run({
        loa: { service_address: fv(loa, 0.95, null) },
        csr: { service_address: fv(csr, 0.62, null) },
        pages: { csr: csrPage(caption, csr) },
      });
      expect(codes(r)).not.toContain(LOCATION);
      expect(r.fields.service_address.verdict).toBe('check');
      expect(r.checks.find((c) => c.field === 'service_address')?.why).toMatch(/last character/);
    });
    it(`the same difference between two text layers ("${line(csr)}" / "${line(loa)}"): a rejection`, () => {
      const r = run({
        loa: { service_address: fv(loa, 0.95, null) },
        csr: { service_address: fv(csr, 1, null) },
        pages: { csr: pageOfLines([[40, 150, `${caption} ${line(csr)}`]]) },
      });
      expect(codes(r)).toContain(LOCATION);
    });
  }
  it('a ZIP that differs as well still stands: the unit is a check, the ZIP a rejection', () => {
    const loa = addr('11146 Washington Ct.', 'Corpus Christi', 'TX', '78404', 'Suite 38A');
    const csr = addr('11146 Washington Ct.', 'Corpus Christi', 'TX', '78480', 'Suite 38');
    const r = run({
      loa: { service_address: fv(loa, 0.95, null) },
      csr: { service_address: fv(csr, 0.62, null) },
      pages: { csr: csrPage('SERVICED ADDRESS', csr) },
    });
    expect(codes(r)).not.toContain(LOCATION);
    expect(codes(r)).toContain(POSTAL);
  });
  it('a unit of another number altogether on the same scan still stands ("Suite 38A" / "Suite 52")', () => {
    const loa = addr('11146 Washington Ct.', 'Corpus Christi', 'TX', '78404', 'Suite 38A');
    const csr = addr('11146 Washington Ct.', 'Corpus Christi', 'TX', '78404', 'Suite 52');
    const r = run({
      loa: { service_address: fv(loa, 0.95, null) },
      csr: { service_address: fv(csr, 0.62, null) },
      pages: { csr: csrPage('SERVICED ADDRESS', csr) },
    });
    expect(codes(r)).toContain(LOCATION);
  });
});

describe('a house number glued to a numbered street on a scanned CSR ("80673rd Avenue")', () => {
  const shapes: [read: string, written: string, city: string, state: string, zip: string][] = [
    ['80673rd Avenue', '8067 3rd Avenue', 'Newport News', 'VA', '23603'],
    ['41521st Street', '415 21st Street', 'Billings', 'MT', '59101'],
  ];
  for (const [read, written, city, state, zip] of shapes) {
    const page = csrPage('SERVICE ADDRESS', addr(written, city, state, zip));
    const house = written.split(' ')[0]!;
    const street = written.slice(house.length + 1);
    const csr = { service_address: fv(addr(read, city, state, zip), 0.51, null) };
    it(`"${read}" read at 51%, the LOA's house number another one written nowhere on the CSR: a rejection`, () => {
      // (the last digit changed by 2: no slip OCR makes)
      const other = `${house.slice(0, -1)}${(Number(house.at(-1)) + 2) % 10} ${street}`;
      const r = run({
        loa: { service_address: fv(addr(other, city, state, zip), 0.95, null) },
        csr,
        pages: { csr: page },
      });
      expect(codes(r)).toContain(LOCATION);
    });
    it(`"${read}" against the LOA's "${written}": the same address`, () => {
      const r = run({
        loa: { service_address: fv(addr(written, city, state, zip), 0.95, null) },
        csr,
        pages: { csr: page },
      });
      expect(codes(r)).not.toContain(LOCATION);
      expect(r.fields.service_address.verdict).toBe('match');
    });
    it(`"${read}" against a house number one lookalike off, its words read unsurely: a check`, () => {
      // (7 and 1, 5 and 6 are digits OCR confuses)
      const slip = `${house.slice(0, -1)}${house.endsWith('7') ? '1' : '6'} ${street}`;
      const r = run({
        loa: { service_address: fv(addr(slip, city, state, zip), 0.95, null) },
        csr,
        pages: { csr: readAt(page, 0.5) },
      });
      expect(codes(r)).not.toContain(LOCATION);
      expect(r.fields.service_address.verdict).toBe('check');
    });
  }
});

describe("a record's numbered address tags ('SERV ADDR1:', 'SVC2:', 'SA CSZ:') on a scanned CSR", () => {
  const record = (street: string, unit: string, cityLine: string) =>
    scan([
      [40, 30, 'CSR INQUIRY'],
      [40, 62, 'BTN#: 406 435-8417'],
      [40, 74, 'NAME: RED ROCK BAKERY & CAFE'],
      [40, 86, `SERV ADDR1: ${street}`],
      [40, 98, `SVC2: ${unit}`],
      [40, 110, `SA CSZ: ${cityLine}`],
      [40, 122, 'BILLADR: PO BOX 2210'],
      [40, 134, 'BILLINGS MT 59103'],
    ]);
  const shapes: [street: string, unit: string, cityLine: string, loa: ServiceAddress, read: ServiceAddress][] = [
    [
      '73 21ST .AVE',
      'BLDG, 7',
      'BILLINGS, MT 59114',
      addr('73 21st Ave', 'Billings', 'MT', '59114', 'Bldg 7'),
      addr('73 21ST AVE', 'BILLINGS', 'MT', '59114', 'BLDG'),
    ],
    [
      '5120 OAK HOLLOW DR',
      'STE, 210',
      'BOISE, ID 83702',
      addr('5120 Oak Hollow Drive', 'Boise', 'ID', '83702', 'Suite 210'),
      addr('5120 OAK HOLLOW DR', 'BOISE', 'ID', '83702', 'STE'),
    ],
  ];
  for (const [street, unit, cityLine, loa, read] of shapes) {
    it(`the LOA's address written under "SERV ADDR1:" / "SVC2: ${unit}" settles a reading that lost the unit's value`, () => {
      const r = run({
        loa: { service_address: fv(loa, 0.95, null) },
        csr: { service_address: fv(read, 0.81, null) },
        pages: { csr: record(street, unit, cityLine) },
      });
      expect(codes(r)).not.toContain(LOCATION);
      expect(r.fields.service_address.verdict).toBe('match');
      expect(r.checks.filter((c) => c.field === 'service_address')).toEqual([]);
    });
    it(`another unit under the same tags ("SVC2: ${unit.replace(/\d+/, '9')}"): not the LOA's address`, () => {
      const other = unit.replace(/\d+/, '9');
      const r = run({
        loa: { service_address: fv(loa, 0.95, null) },
        csr: { service_address: fv({ ...read, unit: other.replace(',', '') }, 0.81, null) },
        pages: { csr: record(street, other, cityLine) },
      });
      expect(r.fields.service_address.verdict).not.toBe('match');
    });
  }
});

describe('a street type that is also an address caption ("Street") inside the address under its label', () => {
  const shapes: [caption: string, service: ServiceAddress, billing: ServiceAddress][] = [
    [
      'Service Address:',
      addr('415 21st Street', 'Billings', 'MT', '59101'),
      addr('9 Oak Street', 'Billings', 'MT', '59103'),
    ],
    [
      'SVC LOCATION',
      addr('2200 Lake Street', 'Boise', 'ID', '83702', 'Suite 5'),
      addr('PO Box 2210', 'Boise', 'ID', '83701'),
    ],
  ];
  for (const [caption, service, billing] of shapes) {
    for (const method of ['text', 'ocr'] as const) {
      it(`the CSR's unsure reading of its billing block, "${line(service)}" under "${caption}" (${method}): the LOA's address is what the label gives`, () => {
        const page = pageOfLines(
          [
            [40, 60, 'CUSTOMER SERVICE RECORD'],
            [40, 150, `${caption} ${line(service)}`],
            [40, 190, `Billing Address: ${line(billing)}`],
          ],
          method,
        );
        const r = run({
          loa: { service_address: fv(service, 0.95, null) },
          csr: { service_address: fv(billing, 0.55, null) },
          pages: { csr: page },
        });
        expect(codes(r)).not.toContain(LOCATION);
        expect(r.fields.service_address.verdict).toBe('match');
      });
    }
  }
});
