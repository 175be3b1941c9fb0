import { describe, expect, it } from 'vitest';
import { readDocument } from '../../electron/core/documents/read.js';
import { extractFields } from '../../electron/core/extract/index.js';
import { renderTextPdf } from '../fixtures/generator/pdf.js';
import { generateRandom } from '../fixtures/generator/random.js';
import { SEED_RANGES, seedsOf } from '../fixtures/generator/seeds.js';

/*
 * `cli.ts score --accents`: dev documents whose authorised person has an accented name ("Tomás Ortíz"). The
 * draw is opt-in and takes no random number from the document's own draw, so the documents existing tests pin
 * stay as they are; with it on, only the person differs.
 */
const truthOf = (f: ReturnType<typeof generateRandom>) => f.truth as Record<string, unknown>;
const NOT_ASCII = /[^\u0020-\u007e]/;

describe('accented authorised persons (opt-in draw)', () => {
  const seeds = seedsOf('dev', 40, 9000);

  it('renames about one person in two and leaves every other fact of the document as drawn', () => {
    let renamed = 0;
    for (const seed of seeds) {
      const plain = generateRandom(seed, { standins: 44 });
      const accented = generateRandom(seed, { standins: 44, accents: true });
      expect(accented.family).toBe(plain.family);
      const { authorized_person: before, ...rest } = truthOf(plain);
      const { authorized_person: after, ...restAccented } = truthOf(accented);
      expect(restAccented).toEqual(rest);
      if (after !== before) {
        renamed++;
        expect(String(after)).toMatch(NOT_ASCII);
        // a seed whose person keeps the name is the very document it always was
      } else expect(accented.pages).toEqual(plain.pages);
    }
    expect(renamed).toBeGreaterThanOrEqual(10);
    expect(renamed).toBeLessThanOrEqual(30);
  });

  it('is refused on test seeds', () => {
    expect(() => generateRandom(SEED_RANGES.test.first, { accents: true })).toThrow(/dev seeds only/);
  });

  it('the reader reads the accented names as printed', async () => {
    const docs = seeds
      .map((seed) => generateRandom(seed, { standins: 44, accents: true }))
      .filter((f) => NOT_ASCII.test(String(truthOf(f).authorized_person ?? '')))
      .slice(0, 6);
    expect(docs.length).toBe(6);
    for (const f of docs) {
      const doc = await readDocument(await renderTextPdf(f.model), { name: `${f.id}.pdf` });
      const got = extractFields(doc.pages, f.kind).fields.authorized_person?.value;
      // (some forms print the name in capitals: "INÉS BRONTË")
      const upper = (v: unknown) => String(v).toLocaleUpperCase('en-US');
      expect({ id: f.id, got: upper(got) }).toEqual({ id: f.id, got: upper(truthOf(f).authorized_person) });
    }
  });
});
