import { describe, expect, it } from 'vitest';
import type { PageText } from '../../shared/domain/document.js';
import { addr, codes, fv as boxedField, run } from '../helpers/compare.js';
import { ocrWords, pageOfLines as page } from '../helpers/pages.js';

/*
 * A carrier's service-address caption wrapped over two lines of its cell ("Service" over "Premises:"),
 * the address beside it starting on the caption's first line ("63 Church" beside "Service", "Road,
 * Winston" beside "Premises:"): guided verification finds the carrier's reading under its label, so a
 * scanned invoice's unsure reading that differs from the LOA is a predicted rejection, not a look for
 * "not under its label". Words over the label that do not name the field with it are no caption.
 */

const fv = <T>(value: T, confidence = 0.95) => boxedField(value, confidence, null);
const LOCATION = 'LOCATION_MISMATCH';

const invoicePage = (top: string, label: string, method: PageText['method'] = 'ocr'): PageText[] =>
  page(
    [
      [40, 50, 'Harbor Digital Networks'],
      [520, 60, 'Statement'],
      [40, 84, 'Subscriber: Palmetto Eye Care'],
      [338, 84, 'Pay By: 7/27/2026'],
      [40, 96, 'Inv. Date: 7/24/26'],
      [338, 96, top],
      [405, 97, '63 Church'],
      [40, 109, 'Account No: 2861979926682'],
      [338, 109, label],
      [405, 109, 'Road, Winston'],
      [405, 121, 'Salem, NC'],
      [405, 133, '27157'],
      [40, 160, 'Charges by Line'],
    ],
    method,
  );

const carrier = addr('63 Church Road', 'Winston Salem', 'NC', '27157');
const review = (loaStreet: string, pages: PageText[]) =>
  run({
    loa: { service_address: fv(addr(loaStreet, 'Winston Salem', 'NC', '27157'), 0.95) },
    invoice: { service_address: fv(carrier, 0.73) },
    pages: { invoice: pages },
  });

describe('a service-address caption wrapped over two lines, the address beside its first', () => {
  for (const [top, label] of [
    ['Service', 'Premises:'],
    ['Service', 'Location:'],
    ['Site', 'Location:'],
  ] as const) {
    it(`"${top}" over "${label}": the invoice's address is under its label, another house number a rejection`, () => {
      const r = review('47 Church Road', invoicePage(top, label));
      expect(codes(r)).toContain(LOCATION);
      expect(r.fields.service_address.verdict).toBe('mismatch');
      expect(r.checks.filter((c) => c.field === 'service_address')).toEqual([]);
    });
    it(`"${top}" over "${label}": the LOA giving the invoice's address matches`, () => {
      const r = review('63 Church Road', invoicePage(top, label));
      expect(codes(r)).not.toContain(LOCATION);
      expect(r.checks.filter((c) => c.field === 'service_address')).toEqual([]);
    });
  }
  it('a word over the label that names no service address with it ("Remarks") starts no caption: a look', () => {
    const r = review('47 Church Road', invoicePage('Remarks', 'Premises:'));
    expect(codes(r)).not.toContain(LOCATION);
    expect(r.checks.find((c) => c.field === 'service_address')?.why).toMatch(
      /not under the Invoice's service address label/,
    );
  });
});

describe("a tilted scan's address row beside its label, cut by the line grouping", () => {
  // the row climbs and jitters left to right: "Paso," and "79908" fall on a line of their own, "TX" stays
  const csrPage = (label: string): PageText[] =>
    ocrWords([
      [40, 40, 'Account Summary', 90],
      [55, 100, label, 6 * label.length],
      [207, 101, '67', 12],
      [222, 102, 'Fifth', 28],
      [252, 103, 'Ave,', 22],
      [276, 104, '#1374,', 34],
      [312, 105, 'El', 12],
      [326, 106, 'Paso,', 30],
      [358, 105, 'TX', 14],
      [376, 106, '79908', 30],
      [55, 130, 'Main # (BTN)', 70],
      [207, 130, '915.555.0169', 70],
    ]);
  const csrReading = addr('67 Fifth Ave', 'El Paso', 'TX', '79908', '#1374');
  const review = (loaStreet: string, label: string) =>
    run({
      loa: { service_address: fv(addr(loaStreet, 'El Paso', 'TX', '79908', '#1374'), 0.95) },
      csr: { service_address: fv(csrReading, 0.84) },
      pages: { csr: csrPage(label) },
    });
  for (const label of ['Svc Addr', 'Service Address', 'Service Location'])
    it(`beside "${label}": the CSR's address is under its label, another house number a rejection`, () => {
      const r = review('65 Fifth Ave', label);
      expect(codes(r)).toContain(LOCATION);
      expect(r.checks.filter((c) => c.field === 'service_address')).toEqual([]);
    });
  it('…and the LOA giving the CSR’s address matches', () => {
    const r = review('67 Fifth Ave', 'Svc Addr');
    expect(codes(r)).not.toContain(LOCATION);
    expect(r.checks.filter((c) => c.field === 'service_address')).toEqual([]);
  });
});
