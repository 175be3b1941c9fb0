/**
 * A CSR printed as a report, one row per telephone number, each row with its premises: the service
 * address is the one most rows print (the account's main location, its BTN's), not the first row's when
 * that one line is at another site (dev fresh-tune seed 28433, csr-rowsheet: a false LOCATION
 * difference). Generator documents (dev seeds, fresh-tune wordings) rendered to real text PDFs.
 */
import { describe, expect, it } from 'vitest';
import type { ServiceAddress } from '../../shared/domain/document.js';
import { generateRandom } from '../fixtures/generator/random.js';
import { readGenerated } from '../helpers/generated.js';

describe('rows of lines, each at its premises', () => {
  // (26036: the first row is the other site, 2 rows against 1; 26061: 4 rows against 1, over two pages)
  for (const seed of [26036, 26061])
    it(`csr-rowsheet ${seed}: the address most rows print, not the first row's`, async () => {
      const r = await readGenerated(generateRandom(seed, { family: 'csr-rowsheet', fresh: 'tune' }));
      const got = r.got.service_address?.value;
      const truth = r.truth.service_address as ServiceAddress;
      expect(got?.street_line).toBe(truth.street_line);
      expect(got?.zip5).toBe(truth.zip5);
    });
});
