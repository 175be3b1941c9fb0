import { describe, expect, it } from 'vitest';
import { codes, fv, run } from '../helpers/compare.js';
import { pageOfLines as page } from '../helpers/pages.js';

/*
 * An LOA form's footer names your own company (the gaining carrier the settings name) with its porting
 * desk's number ("Telnyx LLC Porting desk (800) 326-4934"). A reader that took that number into the
 * numbers to port must not make it a predicted PHONE_NUMBER_MISMATCH ("not on the account"): the LOA
 * writes it on its own company's line, outside its list of numbers — a look at most. A number added to
 * the list is still not on the account.
 */

const LISTED = ['+12608517311', '+12604046891'];

const loaPages = (footer: string, listed: string[] = ['260-851-7311', '260-404-6891']) =>
  page([
    [48, 40, 'LETTER OF AGENCY'],
    [48, 70, 'Telephone numbers to port:'],
    ...listed.map((n, i): [number, number, string] => [60, 86 + i * 14, n]),
    [48, 160, 'Authorized signature: Joseph Hughes'],
    [48, 200, footer],
  ]);

const review = (loaRead: string[], footer: string, gainingCarrier?: string, listed?: string[]) =>
  run({
    loa: { phone_numbers: fv(loaRead, 0.85) },
    csr: { phone_numbers: fv(LISTED, 0.97) },
    pages: { loa: loaPages(footer, listed) },
    ...(gainingCarrier ? { gainingCarrier } : {}),
  });

describe("a number on the LOA's line that names your own company", () => {
  const wordings: [footer: string, gaining: string, number: string][] = [
    ['Telnyx LLC Porting desk (800) 326-4934', 'Telnyx LLC', '+18003264934'],
    ['Questions? Meridian Cloud Voice porting team 888-555-0142', 'Meridian Cloud Voice, Inc.', '+18885550142'],
    ['Return this form to CLEARLINE COMMUNICATIONS fax 866.745.5626', 'Clearline Communications', '+18667455626'],
  ];
  for (const [footer, gaining, number] of wordings) {
    it(`"${footer}": read as a number to port, no PHONE_NUMBER_MISMATCH (a look)`, () => {
      const r = review([...LISTED, number], footer, gaining);
      expect(codes(r)).not.toContain('PHONE_NUMBER_MISMATCH');
      expect(r.checks.find((c) => c.field === 'phone_numbers')?.why).toMatch(/only after a label of its own/);
    });
  }

  it('a foreign number added to the list itself is still not on the account', () => {
    const r = review([...LISTED, '+12605550199'], 'Telnyx LLC Porting desk (800) 326-4934', 'Telnyx LLC', [
      '260-851-7311',
      '260-404-6891',
      '260-555-0199',
    ]);
    expect(codes(r)).toContain('PHONE_NUMBER_MISMATCH');
  });
});
