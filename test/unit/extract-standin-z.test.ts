import { expect, it } from 'vitest';
import { testOnlyWordingsPrinted } from '../helpers/generated.js';

/*
 * The stand-ins of standin-z.ts (a phone app's bill printed to PDF, an LOA whose numbers table marks per row
 * whether to port) draw their captions from the dev pools and their own lists: none may print a test-only
 * wording, or tuning on them would tune on the test seeds' wordings. (The rules met on their first sight are
 * tested apart: extract-tick-columns, extract-fax-line-in-list, extract-clause-address-heading,
 * extract-bill-issued-captions.)
 */

it('the new stand-ins print no test-only label wording', () => {
  for (const family of ['inv-appshot', 'loa-tickgrid'])
    for (const seed of [1, 2, 3, 8, 10, 21, 34, 55]) expect(testOnlyWordingsPrinted(family, seed)).toBe(0);
});
