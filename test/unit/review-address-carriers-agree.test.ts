import { describe, expect, it } from 'vitest';
import type { PageText, ServiceAddress } from '../../shared/domain/document.js';
import { addr, codes, fv as boxedField, run } from '../helpers/compare.js';
import { pageOfLines as page } from '../helpers/pages.js';

/*
 * The service address on bad scans, where the LOA's address differs from the carrier's: the CSR's own
 * reading unsure, and the invoice, read apart by its own reader, giving the same street or house number.
 * Two readers do not misread alike: when the LOA's value of that part is written on neither carrier
 * document and no OCR slip makes it out of theirs, the difference is a predicted rejection. Where the LOA's
 * value is written on a carrier document, or the invoice gives another street than the CSR, a person looks.
 */

const fv = <T>(value: T, confidence = 0.95) => boxedField(value, confidence, null);
const scan = (lines: [number, number, string][]): PageText[] => page(lines, 'ocr');
const LOCATION = 'LOCATION_MISMATCH';

/** A carrier document giving the address under its own caption, in two lines, as a scan reads it. */
const carrierPage = (heading: string, caption: string, street: string, place: string, extra: string[] = []) =>
  scan([
    [40, 50, heading],
    [40, 90, 'Account Number: 5512098834'],
    [40, 120, caption],
    [40, 134, street],
    [40, 148, place],
    ...extra.map((x, i): [number, number, string] => [40, 200 + 14 * i, x]),
  ]);

interface Shape {
  name: string;
  loa: ServiceAddress;
  /** the carrier's address as the documents print it */
  street: string;
  place: string;
  /** the carrier's address as a sure reader would give it */
  carrier: ServiceAddress;
  /** each reader's own unsure reading of it */
  csrRead: ServiceAddress;
  invoiceRead: ServiceAddress;
  captions: [csr: string, invoice: string];
}

const shapes: Shape[] = [
  {
    name: 'another street, each reading glued or split otherwise',
    loa: addr('17357 E Forest Ter', 'Hartford', 'CT', '06151', 'Apt 672'),
    street: '17357 S Maple Way Apt 672',
    place: 'Hartford, CT 06151',
    carrier: addr('17357 S Maple Way', 'Hartford', 'CT', '06151', 'Apt 672'),
    csrRead: addr('17357 S MapleWay Apt', 'Hartford', 'CT', '06151'),
    invoiceRead: addr('17357 SMaple Way', 'Hartford', 'CT', '06151', 'Apt 672'),
    captions: ['Service Address:', 'Service Location:'],
  },
  {
    name: 'another house number, the CSR reading its city short (the ZIP database objects)',
    loa: addr('25327 Oak Dr', 'San Luis Obispo', 'CA', '93410', 'Ste 211'),
    street: '25227 Oak Dr Ste 211',
    place: 'San Luis Obispo, CA 93410',
    carrier: addr('25227 Oak Dr', 'San Luis Obispo', 'CA', '93410', 'Ste 211'),
    csrRead: addr('25227 OakDr', 'Luis Obispo', 'CA', '93410', 'STE 211'),
    invoiceRead: addr('25227 Oak Dr', 'San LuisObispo', 'CA', '93410'),
    captions: ['SVC ADDR:', 'Premises:'],
  },
];

const review = (s: Shape, csrExtra: string[] = [], invoiceRead = s.invoiceRead, loa = s.loa) =>
  run({
    loa: { service_address: fv(loa, 0.95) },
    csr: { service_address: fv(s.csrRead, 0.4) },
    invoice: { service_address: fv(invoiceRead, 0.52) },
    pages: {
      csr: carrierPage('Customer Service Record', s.captions[0], s.street, s.place, csrExtra),
      invoice: carrierPage('Monthly Statement', s.captions[1], s.street, s.place),
    },
  });

describe('the CSR and the invoice, each read unsurely, agree on a part the LOA gives otherwise', () => {
  for (const s of shapes) {
    it(`${s.name}: a predicted rejection`, () => {
      const r = review(s);
      expect(codes(r)).toContain(LOCATION);
      expect(r.fields.service_address.verdict).toBe('mismatch');
      expect(r.checks.filter((c) => c.field === 'service_address')).toEqual([]);
    });
    it(`${s.name}: the LOA's value written on the CSR as well is a look, not a rejection`, () => {
      const loaStreet = `${s.loa.street_line}${s.loa.unit ? ` ${s.loa.unit}` : ''}`;
      const r = review(s, ['Previous Service Location', loaStreet, `${s.loa.city}, ${s.loa.state} ${s.loa.zip5}`]);
      expect(codes(r)).not.toContain(LOCATION);
    });
    it(`${s.name}: the LOA giving the carrier's address is no difference`, () => {
      const r = review(s, [], s.invoiceRead, s.carrier);
      expect(codes(r)).not.toContain(LOCATION);
      expect(r.checks.filter((c) => c.field === 'service_address')).toEqual([]);
    });
  }
  it('an invoice giving another street than the CSR backs nothing: a look', () => {
    const s = shapes[0]!;
    const r = review(s, [], addr('17357 N Cedar Ct', 'Hartford', 'CT', '06151', 'Apt 672'));
    expect(codes(r)).not.toContain(LOCATION);
  });
});
