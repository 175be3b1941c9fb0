import { describe, expect, it } from 'vitest';
import { extractFields } from '../../electron/core/extract/index.js';
import { ocrPageOf } from '../helpers/pages.js';

/*
 * Issue 9, OCR misreads that look valid. A bill prints the service address at the top and again in the
 * block on its remittance stub (and a summary line may repeat it); a scan may read one printing's ZIP a
 * digit off ("58108" for "58109", 8 and 9 look alike), and the ZIP database cannot tell when both are
 * ZIPs of the city. The printings beside the city and state are compared (candidate.ts settleZip), as an
 * account number's are: the reading printed more often wins, a tie leaves the address unsure.
 */

type W = [number, number, string, number];

/** Words of a run of text from x on line y, one word space apart. */
function run(x: number, y: number, s: string, conf = 0.96): W[] {
  const out: W[] = [];
  for (const w of s.split(' ')) {
    out.push([x, y, w, conf]);
    x += (w.length + 1) * 5.5;
  }
  return out;
}

const page = (top: string, stub: string, summary: string | null, account = '7015-5501-33'): W[] => [
  ...run(72, 60, 'Dakota Plains Telephone'),
  ...run(72, 90, 'Bill Date: 01/23/2025'),
  ...run(72, 105, `Account Number: ${account}`),
  ...run(72, 130, 'Service Address:'),
  ...run(72, 145, '4567 Industrial St'),
  ...run(72, 160, `Fargo, ND ${top}`),
  ...(summary ? run(72, 250, `Service at 4567 Industrial St, Fargo, ND ${summary} since 2019`) : []),
  ...run(72, 600, 'RETURN THIS COUPON WITH YOUR PAYMENT'),
  ...run(330, 630, 'Evergreen Auto Body Inc'),
  ...run(330, 645, '4567 Industrial St'),
  ...run(330, 660, `Fargo, ND ${stub}`),
  ...run(330, 690, 'Amount Due: $130.02'),
];

describe('a ZIP printed more than once and read two ways', () => {
  it('takes the reading the page prints more often (top "58108", stub and summary "58109")', () => {
    const got = extractFields([ocrPageOf(page('58108', '58109', '58109'))], 'invoice').fields;
    expect(got.service_address?.value.zip5).toBe('58109');
  });

  it('with one printing each way, reports the address as unsure', () => {
    const got = extractFields([ocrPageOf(page('58108', '58109', null))], 'invoice').fields;
    expect(got.service_address?.value.street_line).toBe('4567 Industrial St');
    expect(got.service_address?.confidence).toBeLessThanOrEqual(0.6);
  });

  it('counts no ZIP-like digits away from the city and state, nor ZIPs of other digits', () => {
    // (an account of the misread's digits is no printing of the ZIP)
    const acct = extractFields([ocrPageOf(page('58109', '58108', null, '58108'))], 'invoice').fields;
    expect(acct.service_address?.value.zip5).toBe('58109');
    expect(acct.service_address?.confidence).toBeLessThanOrEqual(0.6);
    const same = extractFields([ocrPageOf(page('58109', '58109', null))], 'invoice').fields;
    expect(same.service_address?.value.zip5).toBe('58109');
    expect(same.service_address?.confidence).toBeGreaterThan(0.6);
    // (2 and 0 are no pair OCR confuses: another ZIP, not a misread)
    const other = extractFields([ocrPageOf(page('58102', '58100', '58100'))], 'invoice').fields;
    expect(other.service_address?.value.zip5).toBe('58102');
    expect(other.service_address?.confidence).toBeGreaterThan(0.6);
  });

  it('counts no printing of another address in the same town (the stub mails the bill elsewhere)', () => {
    const words = page('58103', '58108', null).map(([x, y, t, c]): W => [x, y, y > 600 && t === '4567' ? '210' : t, c]);
    words.push(...run(72, 250, 'Mail to 210 Broadway N, Fargo, ND 58108'));
    const got = extractFields([ocrPageOf(words)], 'invoice').fields;
    expect(got.service_address?.value.zip5).toBe('58103');
    expect(got.service_address?.confidence).toBeGreaterThan(0.6);
  });
});
