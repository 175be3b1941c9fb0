import { describe, expect, it } from 'vitest';
import { extractFields } from '../../electron/core/extract/index.js';
import { pageOf } from '../fixtures/generator/handmade.js';

/* Account numbers under abbreviated or bare number labels. */

function accountOf(rows: [number, number, string][], kind: 'invoice' | 'csr' | 'loa' = 'invoice') {
  return extractFields([pageOf(rows)], kind).fields.account_number;
}

describe('account number under a short label', () => {
  for (const label of ['A/C No.:', 'ACNT:', 'Acct. ID:', 'A/C #']) {
    it(`"${label}" names the account number`, () => {
      const f = accountOf([
        [72, 100, 'Customer: Harbor Light Dental LLC'],
        [72, 112, label],
        [160, 112, '8831-22904'],
      ]);
      expect(f?.value).toBe('8831-22904');
    });
  }

  for (const label of ['#', 'No.:', 'Nbr:']) {
    it(`a bare "${label}" gives a low-confidence account number when nothing better is labelled`, () => {
      const f = accountOf([
        [72, 100, 'Customer: Harbor Light Dental LLC'],
        [72, 112, label],
        [160, 112, 'LMN559070960'],
      ]);
      expect(f?.value).toBe('LMN559070960');
      expect(f!.confidence).toBeLessThan(0.9);
    });
  }

  it('a named account label beats a bare "#"', () => {
    const f = accountOf([
      [72, 100, 'Account Number:'],
      [180, 100, '77120-4410'],
      [72, 112, '#'],
      [180, 112, 'S01665645'],
    ]);
    expect(f?.value).toBe('77120-4410');
  });
});
