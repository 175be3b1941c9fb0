/**
 * Field extraction speed on words already read (the reader's cost is benchmarked separately):
 * every generated layout, text-layer words and OCR-like perturbed words. Target: well under
 * 50 ms a document so re-extraction after a kind change feels instant.
 */
import { extractFields } from '../../electron/core/extract/index.js';
import { generateDocuments } from '../fixtures/generator/index.js';
import { perturb } from '../fixtures/generator/noise.js';
import { summarize, time } from './stats.js';

export async function bench(): Promise<object> {
  const docs = generateDocuments({ seed: 123_000, count: 200 });
  const text: number[] = [];
  const ocr: number[] = [];
  const perPage: number[] = [];
  for (const f of docs) {
    const ms = await time(() => extractFields(f.pages));
    text.push(ms);
    perPage.push(ms / f.pages.length);
    const noisy = perturb(f.pages, f.seed);
    ocr.push(await time(() => extractFields(noisy)));
  }
  return { documents: docs.length, text_words: summarize(text), ocr_like_words: summarize(ocr), per_page: summarize(perPage) };
}
