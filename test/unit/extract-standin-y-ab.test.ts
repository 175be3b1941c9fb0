import { describe, expect, it } from 'vitest';
import { readGenerated } from '../helpers/generated.js';
import type { CORE_FIELDS } from '../fixtures/generator/evaluate.js';
import { generateRandom } from '../fixtures/generator/random.js';
import { fieldCorrect } from '../fixtures/generator/score.js';

/*
 * Rules checked on the rendered PDFs of three stand-ins, dev seeds their reading got wrong before: a statement
 * of record set "caption ..... value" with the values right-aligned (csr-dotleader, standin-y.ts) — a leader
 * run on under its value, a statement in two columns; a master account's stacked locations (csr-multiloc) —
 * an address set close after its caption, a "Primary Location: Yes" answer in its caption's cell; a payment
 * receipt (inv-receipt, standin-ab.ts) — a receipt's own numbers, an account captioned "#". The handmade
 * pages in extract-csr-leaders, extract-csr-sites and extract-set-right check the same rules in other wordings.
 */

type Field = (typeof CORE_FIELDS)[number];

async function wrongOf(family: string, seed: number, fields: readonly Field[]): Promise<Field[]> {
  const { got, truth } = await readGenerated(generateRandom(seed, { family }));
  return fields.filter((k) => !fieldCorrect(k, truth, got));
}

describe('stand-in statements and receipts read right', () => {
  it.each([
    // a leader's dots printed over the value's words
    [41912, ['account_name', 'service_address', 'authorized_person', 'pin']],
    [41919, ['account_name', 'authorized_person']],
    [41940, ['account_number', 'authorized_person', 'pin']],
    // two columns, each on its own right edge
    [41957, ['account_number', 'phone_numbers']],
    // a leader run on past its value to the line's end
    [41958, ['pin', 'account_number']],
  ] as const)('csr-dotleader seed %i', async (seed, fields) => {
    expect(await wrongOf('csr-dotleader', seed, fields)).toEqual([]);
  });

  it.each([
    [41993, ['service_address', 'account_number', 'pin']],
    [41909, ['service_address', 'account_number']],
  ] as const)("csr-multiloc seed %i: the marked location's address", async (seed, fields) => {
    expect(await wrongOf('csr-multiloc', seed, fields)).toEqual([]);
  });

  it('inv-receipt: the account captioned "#" under its heading; never a receipt number for the account', async () => {
    expect(await wrongOf('inv-receipt', 42018, ['account_number', 'account_name'])).toEqual([]);
    const { got } = await readGenerated(generateRandom(41944, { family: 'inv-receipt' }));
    expect(got.account_number?.value).not.toBe('R457506154203');
  });
});
