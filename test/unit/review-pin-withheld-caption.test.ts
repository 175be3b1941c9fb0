import { describe, expect, it } from 'vitest';
import { extractFields } from '../../electron/core/extract/index.js';
import { codes } from '../helpers/compare.js';
import { pageOfLines as page } from '../helpers/pages.js';
import { loaWithPin, reviewPages } from '../helpers/review-pages.js';

/*
 * A carrier record whose PIN caption says the PIN is kept back ("PIN on file (hidden)", "Passcode
 * (withheld)") gives none of its digits: a number the reader took beside that caption (a billing
 * address's house number in the next column, a date) is no PIN, and no PASSCODE_PIN_INVALID is predicted
 * from it. A caption that gives the PIN is still compared.
 */

const csr = (caption: string, beside: string) =>
  page([
    [44, 40, 'Account Summary'],
    [44, 60, 'Administrator Rebecca Schmidt'],
    [44, 80, 'Security PIN ····'],
    [300, 80, 'Billing address'],
    [44, 100, caption],
    [420, 100, beside],
    [44, 120, 'Service locations'],
  ]);

describe('a CSR PIN caption that says the PIN is withheld', () => {
  for (const caption of ['PIN on file (hidden)', 'Passcode (withheld)', 'Account PIN - masked'])
    it(`"${caption}": the number beside it is no PIN to hold against the LOA's`, () => {
      const pages = csr(caption, '5850');
      // (the reader takes the number beside the caption: what the review must not hold as the PIN)
      expect(extractFields(pages, 'csr').fields.pin?.value).toBe('5850');
      const r = reviewPages(loaWithPin('342310'), pages);
      expect(codes(r)).not.toContain('PASSCODE_PIN_INVALID');
      expect(r.fields.pin.verdict).not.toBe('mismatch');
    });

  it('a caption that gives the PIN is still compared: another PIN on the LOA is a rejection', () => {
    const r = reviewPages(loaWithPin('342310'), csr('PIN on file', '5850'));
    expect(codes(r)).toContain('PASSCODE_PIN_INVALID');
  });
});
