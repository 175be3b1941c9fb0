import { describe, expect, it } from 'vitest';
import type { TextStyle } from '../fixtures/generator/layout.js';
import { generateRandom } from '../fixtures/generator/random.js';
import { readGenerated } from '../helpers/generated.js';
import { readRows, type TextRow } from '../helpers/text-rows.js';

/*
 * A service record's "COS" row (class of service: "Hosted Voice Seat", "ISDN PRI", "1FB Business Flat") names a
 * line's product. Read as the plural of "Co." it was an account-name tag, its product a person's name the
 * record never gave. Pages written here and generator documents (csr-transposed, dev fresh-tune seeds), each
 * rendered to a real text PDF and read back.
 */

const SANS: TextStyle = { font: 'sans', size: 9 };

const record = (product: string): TextRow[] => [
  [40, 40, 'Customer Service Record', { font: 'sans-bold', size: 12 }],
  [40, 70, 'Cust. Name: Old Town Eye Care Corporation'],
  [360, 70, 'Acct No.: 472-834-7132-92'],
  [40, 84, 'Billed Telephone No.: 1-509-555-0120'],
  [40, 120, 'Svc Address'],
  [140, 120, '10549 W Spring Rd Apt 40'],
  [40, 136, 'City, St, ZIP'],
  [140, 136, 'Spokane, WA 99223'],
  [40, 152, 'COS'],
  [140, 152, product],
  [40, 168, 'Lines'],
  [140, 168, '1-509-555-0120'],
];

describe("a record's class of service is no one's name", () => {
  for (const product of ['Hosted Voice Seat', 'ISDN PRI', 'Business Flat Rate'])
    it(`"COS | ${product}"`, async () => {
      const f = await readRows(record(product), 'csr', { style: SANS });
      expect(f.authorized_person?.value).not.toBe(product);
      expect(f.account_name?.value).toBe('Old Town Eye Care Corporation');
    });

  for (const seed of [39106, 39249])
    it(`csr-transposed-${seed}: no authorized person where the record names none`, async () => {
      const r = await readGenerated(generateRandom(seed, { family: 'csr-transposed', fresh: 'tune' }));
      expect(r.truth.authorized_person ?? null).toBeNull();
      expect(r.got.authorized_person).toBeUndefined();
    });
});
