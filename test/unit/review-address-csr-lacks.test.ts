import { describe, expect, it } from 'vitest';
import type { PageText, ServiceAddress } from '../../shared/domain/document.js';
import { addr, codes, fv as boxedField, run } from '../helpers/compare.js';
import { pageOfLines as page } from '../helpers/pages.js';

/*
 * A bad scan's CSR reading that differs from the LOA only by what it lacks — its unit, its street, or a
 * street line with no house number (a date or a record's tag read as the street) — its ZIP the LOA's,
 * while the invoice, read apart, gives the LOA's address: the carrier's documents name no other address,
 * so the review asks no look and predicts no rejection. A CSR reading that gives another ZIP, unit or
 * street still does; without an invoice agreeing, nothing changes.
 */

const fv = <T>(value: T, confidence = 0.95) => boxedField(value, confidence, null);
const scan = (lines: [number, number, string][]): PageText[] => page(lines, 'ocr');
const LOCATION = 'LOCATION_MISMATCH';

const LOA = addr('25642 Cypress Blvd', 'Kansas City', 'MO', '64148', 'Rm 29A');

const csrPage = (lines: string[]) =>
  scan([
    [40, 40, 'CUSTOMER SERVICE RECORD'],
    [40, 80, 'Account: 5512098834'],
    ...lines.map((l, i): [number, number, string] => [40, 120 + 14 * i, l]),
  ]);

const invoicePage = scan([
  [40, 40, 'Monthly Statement'],
  [40, 80, 'Service Location:'],
  [40, 94, '25642 Cypress Blvd Rm 29A'],
  [40, 108, 'Kansas City, MO 64148'],
]);

const review = (csrRead: ServiceAddress, csr: PageText[], invoice: ServiceAddress | null = LOA) =>
  run({
    loa: { service_address: fv(LOA, 0.95) },
    csr: { service_address: fv(csrRead, 0.45) },
    ...(invoice ? { invoice: { service_address: fv(invoice, 0.8) } } : {}),
    pages: { csr, ...(invoice ? { invoice: invoicePage } : {}) },
  });

const lacking: [name: string, read: ServiceAddress, lines: string[]][] = [
  [
    'its street not read (a record whose street tag OCR lost)',
    addr('', 'Kansas City', 'MO', '64148', 'Rm 29A'),
    ['SVC LOC', 'RM 29A', 'KANSAS CITY MO 64148'],
  ],
  [
    'a date read as its street',
    addr('EST==> 1l/01/2020', 'Kansas City', 'MO', '64148'),
    ['SERVICE ADDR', 'EST==> 1l/01/2020', 'KANSAS CITY MO 64148'],
  ],
  [
    'its unit dropped',
    addr('25642 Cypress Blvd', 'Kansas City', 'MO', '64148'),
    ['Service Address:', '25642 Cypress Blvd', 'Kansas City, MO 64148'],
  ],
];

describe("a bad scan's CSR reading that only lacks parts of the address the invoice gives", () => {
  it.each(lacking)('%s: no look, no rejection', (_name, read, lines) => {
    const r = review(read, csrPage(lines));
    expect(codes(r)).not.toContain(LOCATION);
    expect(r.checks.filter((c) => c.field === 'service_address')).toEqual([]);
    expect(['match', 'equivalent']).toContain(r.fields.service_address.verdict);
    expect(r.fields.service_address.reason).toMatch(/lacks the LOA's/);
  });

  it.each(lacking)('%s, but without an invoice: still not settled as a match', (_name, read, lines) => {
    const r = review(read, csrPage(lines), null);
    expect(['match', 'equivalent']).not.toContain(r.fields.service_address.verdict);
  });

  it.each([
    ['another ZIP', addr('', 'Kansas City', 'MO', '64152', 'Rm 29A')],
    ['another unit', addr('', 'Kansas City', 'MO', '64148', 'Rm 31')],
    ['another street with its number', addr('8377 Pearl Dr', 'Kansas City', 'MO', '64148', 'Rm 29A')],
  ])('a CSR reading giving %s is no mere lack: not settled as a match', (_name, read) => {
    const r = review(read, csrPage(['Service Address:', read.street_line, `${read.city} ${read.state} ${read.zip5}`]));
    expect(['match', 'equivalent']).not.toContain(r.fields.service_address.verdict);
  });
});
