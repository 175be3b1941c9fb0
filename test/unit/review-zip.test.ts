import { describe, expect, it } from 'vitest';
import type { ServiceAddress } from '../../shared/domain/document.js';
import { codes, fv, run } from '../helpers/compare.js';
import { pageOfLines as page } from '../helpers/pages.js';

/*
 * The ZIP of a scanned document: a +4 that OCR damaged is no other ZIP (carriers match the five
 * digits), and a ZIP one lookalike digit off on an unsure reading is a slip to look at before a
 * POSTAL_CODE_MISMATCH is predicted. Read surely, or off by digits OCR does not confuse, the
 * difference stands.
 */

const addr = (zip5: string, zip4 = ''): ServiceAddress => ({
  street_line: '4120 Harbor View Rd',
  unit: '',
  city: 'Springfield',
  state: 'IL',
  zip5,
  zip4,
});
// the LOA as a scan: its service-address label over the address it gives
const loaScan = (zip: string) =>
  page(
    [
      [51, 190, 'LETTER OF AUTHORIZATION'],
      [51, 202, 'Service Address:'],
      [53, 216, '4120 Harbor View Rd'],
      [53, 230, `Springfield, IL ${zip}`],
    ],
    'ocr',
  );
const csrText = page([
  [51, 202, 'Service Address'],
  [53, 216, '4120 Harbor View Rd'],
  [53, 230, 'Springfield, IL 62704-1234'],
]);
const port = (zip5: string, zip4: string, written: string, conf: number) =>
  run({
    loa: { service_address: fv(addr(zip5, zip4), conf) },
    csr: { service_address: fv(addr('62704', '1234'), 0.97) },
    pages: { loa: loaScan(written), csr: csrText },
  });

describe('a ZIP+4 whose last four OCR damaged is the same ZIP', () => {
  for (const written of ['62704-l234', '62704-12']) {
    it(`LOA "${written}" read at 74% against the CSR's 62704-1234: no ZIP difference, no check`, () => {
      const r = port(written, '', written, 0.74);
      expect(codes(r)).not.toContain('POSTAL_CODE_MISMATCH');
      expect(r.checks.map((c) => c.field)).not.toContain('service_address');
      expect(['match', 'equivalent']).toContain(r.fields.service_address!.verdict);
    });
  }
});

describe('a ZIP one lookalike digit off', () => {
  it('on a scan read at 74% is a check, not a predicted POSTAL_CODE_MISMATCH', () => {
    const r = port('62784', '1234', '62784-1234', 0.74);
    expect(codes(r)).not.toContain('POSTAL_CODE_MISMATCH');
    const check = r.checks.find((c) => c.field === 'service_address');
    expect(check?.code).toBe('POSTAL_CODE_MISMATCH');
    expect(check?.why).toMatch(/lookalike digit/);
    expect(r.fields.service_address!.verdict).toBe('check');
  });

  it('on a scan whose ZIP word OCR read surely (96%) is a POSTAL_CODE_MISMATCH, the address read at 74%', () => {
    const loa = loaScan('62784-1234');
    for (const w of loa[0]!.words) if (w.text.startsWith('62784')) w.conf = 0.96;
    const r = run({
      loa: { service_address: fv(addr('62784', '1234'), 0.74) },
      csr: { service_address: fv(addr('62704', '1234'), 0.97) },
      pages: { loa, csr: csrText },
    });
    expect(codes(r)).toContain('POSTAL_CODE_MISMATCH');
  });

  it('read surely is a POSTAL_CODE_MISMATCH', () => {
    const r = port('62784', '1234', '62784-1234', 0.97);
    expect(codes(r)).toContain('POSTAL_CODE_MISMATCH');
  });

  it('by digits OCR does not confuse (0 and 2) is a POSTAL_CODE_MISMATCH even on an unsure scan', () => {
    const r = port('62724', '1234', '62724-1234', 0.74);
    expect(codes(r)).toContain('POSTAL_CODE_MISMATCH');
  });
});
