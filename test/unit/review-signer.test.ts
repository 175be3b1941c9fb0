import { describe, expect, it } from 'vitest';
import { codes, fv, run } from '../helpers/compare.js';
import { pageOfLines as page } from '../helpers/pages.js';

/*
 * The authorized person the carrier has on file, when its CSR reader found none or its reading only
 * looks like the LOA's name: read under the CSR's own label, and never "also written elsewhere" when
 * the place found is the reading itself.
 */

describe("a signer the CSR's reader did not read", () => {
  const wordings: [string, string][] = [
    ['AUTHORIZED PERSON: OlgaLevy', 'Elizabeth Levy'],
    ['Authorized Contact: Dmitri Tanaka', 'Rebecca Morales'],
    ['AUTH USR BRIDGET FITZGERALD', 'Luis Garcia'],
  ];
  for (const [line, loaName] of wordings) {
    it(`"${line}" against an LOA signed by ${loaName} is AUTH_PERSON_MISMATCH`, () => {
      const csr = page(
        [
          [40, 40, 'CUSTOMER SERVICE RECORD'],
          [40, 60, 'ACCOUNT NUMBER: 389708042'],
          [40, 80, line],
          [40, 100, 'STATUS: Active'],
        ],
        'ocr',
      );
      const r = run({ loa: { authorized_person: fv(loaName, 0.97) }, csr: {}, pages: { csr } });
      expect(codes(r)).toContain('AUTH_PERSON_MISMATCH');
    });
  }

  it('the same signer under the label is a match', () => {
    const csr = page([[40, 80, 'Authorized Contact: REBECCA MORALES']], 'ocr');
    const r = run({ loa: { authorized_person: fv('Rebecca Morales', 0.97) }, csr: {}, pages: { csr } });
    expect(codes(r)).not.toContain('AUTH_PERSON_MISMATCH');
    expect(['match', 'equivalent']).toContain(r.fields.authorized_person.verdict);
  });

  it('on a text layer, where every word is as written, a contact line the reader took for no signer stays quiet', () => {
    for (const line of [
      'CONT /NAME FRONT DESK /TEL 312 555-0147',
      'Contact: Billing Office   Phone: 614 555-0110',
      'CNTCT: RECEPTION DESK',
    ]) {
      const csr = page([
        [40, 40, 'CUSTOMER SERVICE RECORD'],
        [40, 80, line],
      ]);
      const r = run({ loa: { authorized_person: fv('Rebecca Morales', 0.97) }, csr: {}, pages: { csr } });
      expect(codes(r), line).not.toContain('AUTH_PERSON_MISMATCH');
    }
  });

  it('a label holding no name (a label, a number, nothing) gives nothing to hold against the LOA', () => {
    for (const line of ['Authorized Contact: ON FILE', 'AUTHORIZED PERSON: 555-0142', 'Authorized Contact:']) {
      const csr = page([[40, 80, line]], 'ocr');
      const r = run({ loa: { authorized_person: fv('Rebecca Morales', 0.97) }, csr: {}, pages: { csr } });
      expect(codes(r), line).not.toContain('AUTH_PERSON_MISMATCH');
    }
  });
});

describe('the LOA\'s name "also written" on the CSR where the CSR\'s own reading stands', () => {
  it('"KAREN JOHANSSON" read under the label is not "Wei Johansson" written elsewhere: a difference', () => {
    const csr = page(
      [
        [40, 40, 'CUSTOMER SERVICE RECORD'],
        [40, 80, 'AUTHORIZED PERSON: KAREN JOHANSSON'],
      ],
      'ocr',
    );
    const r = run({
      loa: { authorized_person: fv('Wei Johansson', 0.97) },
      csr: { authorized_person: fv('KAREN JOHANSSON', 0.63) },
      pages: { csr },
    });
    expect(codes(r)).toContain('AUTH_PERSON_MISMATCH');
  });

  it('a reading one OCR slip from the LOA\'s name ("MARlA LOPFZ") stays a check', () => {
    const csr = page([[40, 80, 'AUTHORIZED PERSON: MARlA LOPFZ']], 'ocr');
    const r = run({
      loa: { authorized_person: fv('Maria Lopez', 0.97) },
      csr: { authorized_person: fv('MARlA LOPFZ', 0.63) },
      pages: { csr },
    });
    expect(codes(r)).not.toContain('AUTH_PERSON_MISMATCH');
  });
});

describe("an unsure reading that is only the start of the carrier's name", () => {
  it('"Magnolia" read at 56% on the LOA against "MAGN OLIA CONSTRUCTION CORPORATION" is a check, not a difference', () => {
    const loa = page([
      [48, 141, 'BUSINESS / Magnolia'],
      [48, 154, 'ORGANIZATION Construction DIRECTORY MCC Shop'],
      [48, 166, 'NAME Corporation LISTING'],
    ]);
    const r = run({
      loa: { account_name: fv('Magnolia', 0.56) },
      csr: { account_name: fv('MAGN OLIA CONSTRUCTION CORPORATION', 0.85) },
      pages: { loa },
    });
    expect(codes(r)).not.toContain('ENTITY_NAME_MISMATCH');
    expect(r.fields.account_name.verdict).toBe('check');
  });
});
