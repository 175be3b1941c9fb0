import { describe, expect, it } from 'vitest';
import { ExtractionResult } from '../../shared/domain/document.js';
import { extractFields } from '../../electron/core/extract/index.js';
import { perturb } from '../fixtures/generator/noise.js';
import { generateDocument, generateDocuments, LAYOUT_NAMES } from '../fixtures/generator/index.js';
import {
  accuracy,
  addToTable,
  emptyTable,
  fieldCorrect,
  formatTable,
  SCORED_FIELDS,
} from '../fixtures/generator/score.js';

/*
 * Extraction on the generator's word layouts (what a perfect text-layer reader returns): every
 * layout of every kind, many label wordings, values beside/below/above labels, tables, page breaks,
 * billing vs service addresses, partial ports.
 */
describe('every generated layout', () => {
  for (const layout of LAYOUT_NAMES) {
    it(`${layout}: every field of four documents`, () => {
      for (const seed of [101, 202, 303, 404]) {
        const f = generateDocument(seed, layout);
        const got = extractFields(f.pages, f.kind).fields;
        // an unlabelled BTN is proposed from the first number at low confidence (the domain's "often the first number")
        if (!f.truth.btn && got.btn && got.btn.confidence <= 0.35) delete got.btn;
        const wrong = SCORED_FIELDS.filter((k) => !fieldCorrect(k, f.truth, got)).map(
          (k) => `${f.id} ${k}: expected ${JSON.stringify(f.truth[k])}, got ${JSON.stringify(got[k]?.value)}`,
        );
        expect(wrong).toEqual([]);
      }
    });
  }
});

describe('a corpus of 240 documents', () => {
  it('keeps every field at 97% or better', () => {
    const table = emptyTable();
    for (const f of generateDocuments({ seed: 50_000, count: 240 }))
      addToTable(table, f.truth, extractFields(f.pages, f.kind).fields);
    const low = SCORED_FIELDS.filter((k) => table[k].scored && accuracy(table[k]) < 0.97);
    expect(low, formatTable(table)).toEqual([]);
  });

  it('returns results the shared schema accepts (what the document store validates)', () => {
    for (const f of generateDocuments({ seed: 61_000, count: 60 })) {
      expect(() => ExtractionResult.parse(extractFields(f.pages)), f.id).not.toThrow();
      expect(() => ExtractionResult.parse(extractFields(perturb(f.pages, f.seed, { rotate: 1 }))), f.id).not.toThrow();
    }
  });

  it('puts evidence on the words the value came from', () => {
    for (const f of generateDocuments({ seed: 60_000, count: 40 })) {
      const got = extractFields(f.pages, f.kind).fields;
      const acct = got.account_number!;
      const page = f.pages[acct.page! - 1]!;
      const [x0, y0, x1, y1] = acct.bbox!;
      const inside = page.words.filter(
        (w) => w.bbox[0] >= x0 - 0.5 && w.bbox[2] <= x1 + 0.5 && w.bbox[1] >= y0 - 0.5 && w.bbox[3] <= y1 + 0.5,
      );
      expect(inside.map((w) => w.text).join(' '), f.id).toContain(String(f.truth.account_number).split(' ')[0]);
    }
  });
});
