import { describe, expect, it } from 'vitest';
import type { PageText } from '../../shared/domain/document.js';
import { addr, codes, fv as boxedField, run } from '../helpers/compare.js';
import { pageOfLines as page } from '../helpers/pages.js';

/*
 * An LOA whose reader took no service address while the LOA writes the carrier's address in full outside
 * its billing block — a hand-print form's boxes (one letter a box, captions under them), a row of a site
 * list, a caption no wording names: the LOA writes the carrier's address, so no look is asked. Written
 * only in the LOA's billing block, or not in full, it settles nothing.
 */

const fv = <T>(value: T, confidence = 0.9) => boxedField(value, confidence, null);
const CARRIER = addr('5962 Forest Ct', 'Bowling Green', 'KY', '42104', 'Bldg 2');
const spaced = (s: string) => s.split('').join(' ');

const shapes: [name: string, loa: PageText[]][] = [
  [
    'letter boxes with their captions under them',
    page([
      [42, 60, 'Number Transfer Request'],
      [42, 100, spaced('5962 FOREST CT').replace(/ {3}/g, '   ')],
      [42, 112, 'Number    Road / avenue'],
      [42, 130, spaced('BLDG 2')],
      [42, 142, 'Unit'],
      [42, 160, `${spaced('BOWLING GREEN')}   ${spaced('KY')}   ${spaced('42104')}`],
      [42, 172, 'City    State    ZIP'],
    ]),
  ],
  [
    'a row of a site list',
    page([
      [42, 60, 'Port Authorization - Locations'],
      [42, 100, '#   Site                                   Main line'],
      [42, 114, '1   5962 Forest Ct Bldg 2 Bowling Green KY 42104   270 555 0142'],
    ]),
  ],
  [
    'a caption no wording names',
    page([
      [42, 60, 'Letter of Agency'],
      [42, 100, 'Where the phones ring:'],
      [42, 114, '5962 Forest Ct, Bldg 2'],
      [42, 128, 'Bowling Green, KY 42104'],
    ]),
  ],
];

const review = (loa: PageText[]) =>
  run({
    loa: { account_name: fv('Alder Brook Pottery LLC') },
    csr: { service_address: fv(CARRIER, 0.5) },
    invoice: { service_address: fv(CARRIER, 0.8) },
    pages: { loa },
  });

const addressChecks = (r: ReturnType<typeof run>) => r.checks.filter((c) => c.field === 'service_address');

describe("an LOA whose reader took no address, writing the carrier's in full", () => {
  it.each(shapes)('%s: the LOA writes it, no look', (_name, loa) => {
    const r = review(loa);
    expect(codes(r)).not.toContain('LOCATION_MISMATCH');
    expect(addressChecks(r)).toEqual([]);
    expect(r.fields.service_address.verdict).toBe('match');
  });

  it('written only in its billing block, it settles nothing: a look', () => {
    const r = review(
      page([
        [42, 60, 'Letter of Agency'],
        [42, 100, 'Billing address:'],
        [42, 114, '5962 Forest Ct, Bldg 2'],
        [42, 128, 'Bowling Green, KY 42104'],
      ]),
    );
    expect(r.fields.service_address.verdict).not.toBe('match');
  });

  it('written without its city and ZIP, it settles nothing', () => {
    const r = review(
      page([
        [42, 60, 'Letter of Agency'],
        [42, 100, 'Where the phones ring: 5962 Forest Ct, Bldg 2'],
      ]),
    );
    expect(r.fields.service_address.verdict).not.toBe('match');
  });

  it('another address written there is no match', () => {
    const r = review(
      page([
        [42, 60, 'Letter of Agency'],
        [42, 100, 'Where the phones ring:'],
        [42, 114, '5926 Forest Ct, Bldg 2'],
        [42, 128, 'Bowling Green, KY 42104'],
      ]),
    );
    expect(r.fields.service_address.verdict).not.toBe('match');
  });
});
