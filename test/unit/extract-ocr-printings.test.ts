import { describe, expect, it } from 'vitest';
import { extractFields } from '../../electron/core/extract/index.js';
import { ocrPageOf } from '../helpers/pages.js';

/*
 * Issue 9, OCR misreads that look valid. An invoice prints its account number in the header and again on
 * the remittance stub (and in the stub's scan line); a scan may read one printing a digit off ("5015…"
 * for "5915…", 9 and 0 look alike). The printings are compared (candidate.ts settlePrintings): the
 * reading the page prints more often wins, and when nothing settles it the value is not reported as
 * read surely.
 */

const header = (account: string, conf: number): [number, number, string, number][] => [
  [72, 60, 'Lumen', 0.96],
  [108, 60, 'Technologies', 0.96],
  [72, 90, 'Bill', 0.96],
  [95, 90, 'Date:', 0.96],
  [130, 90, '01/23/2025', 0.96],
  [72, 110, 'Account', conf],
  [118, 110, 'Number:', conf],
  [170, 110, account, conf],
  [72, 140, 'Amount', 0.96],
  [112, 140, 'Due:', 0.96],
  [140, 140, '$130.02', 0.96],
];
const stub = (account: string, conf: number, scanLine: boolean): [number, number, string, number][] =>
  [
    [72, 600, 'RETURN', 0.96],
    [112, 600, 'THIS', 0.96],
    [140, 600, 'COUPON', 0.96],
    [330, 630, 'Account', conf],
    [376, 630, 'No.', conf],
    [400, 630, account, conf],
    [330, 650, 'Total', 0.96],
    [360, 650, 'Due', 0.96],
    [390, 650, '$130.02', 0.96],
    ...(scanLine
      ? ([
          [72, 720, account.replace(/-/g, ''), conf],
          [160, 720, '00013002', conf],
        ] as const)
      : []),
  ] as [number, number, string, number][];

describe('an account number printed twice and read two ways', () => {
  it('takes the reading the page prints more often (header "5015…", stub and scan line "5915…")', () => {
    const got = extractFields(
      [ocrPageOf([...header('5015-2290-1177', 0.97), ...stub('5915-2290-1177', 0.97, true)])],
      'invoice',
    ).fields;
    expect(got.account_number?.value).toBe('5915-2290-1177');
  });

  it('with one printing each way, reports the account number as unsure', () => {
    const got = extractFields(
      [ocrPageOf([...header('5015-2290-1177', 0.99), ...stub('5915-2290-1177', 0.99, false)])],
      'invoice',
    ).fields;
    expect(got.account_number?.confidence).toBeLessThanOrEqual(0.6);
  });

  it('leaves two printings that agree, and two accounts of other digits, as they were read', () => {
    const same = extractFields(
      [ocrPageOf([...header('5915-2290-1177', 0.99), ...stub('5915-2290-1177', 0.99, false)])],
      'invoice',
    ).fields;
    expect(same.account_number?.value).toBe('5915-2290-1177');
    expect(same.account_number?.confidence).toBeGreaterThan(0.6);
    // (2 and 4 are no pair OCR confuses: another account, not a misread)
    const other = extractFields(
      [ocrPageOf([...header('5215-2290-1177', 0.99), ...stub('5415-2290-1177', 0.99, true)])],
      'invoice',
    ).fields;
    expect(other.account_number?.confidence).toBeGreaterThan(0.6);
  });
});
