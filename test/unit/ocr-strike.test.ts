/**
 * A typed LOA corrected by hand, then SCANNED (dev stand-in loa-corrected, standin-ae.ts): the customer drew
 * a line through a wrong typed value and wrote the right one beside it or just above it. On a text PDF the
 * line is in the drawing (documents/drawing.ts); on a scan it is ink, found on the bitmap before the read
 * (ocr/struck-rules.ts findStrikeLines) and given to the same rule (drawing.ts withoutStruck): the struck
 * value is not read, the correction above it is read in its place. Read with real OCR; generator seeds.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { extractFields } from '../../electron/core/extract/index.js';
import { DEFAULT_PREPROCESS, OcrEngine } from '../../electron/core/ocr/engine.js';
import type { PageText } from '../../shared/domain/document.js';
import { randomScanOptions, renderScan } from '../fixtures/generator/image.js';
import { generateRandom, type RandomFixture } from '../fixtures/generator/random.js';
import { wrongFields } from '../helpers/generated.js';

const engine = new OcrEngine(DEFAULT_PREPROCESS);
const blind = new OcrEngine({ ...DEFAULT_PREPROCESS, struckWords: false });
afterAll(async () => {
  await engine.close();
  await blind.close();
});

/** A dev seed's corrected LOA, scanned, read by an engine page by page as the reader gives it to extraction. */
async function scanned(seed: number, e: OcrEngine): Promise<{ f: RandomFixture; pages: PageText[] }> {
  const f = generateRandom(seed, { family: 'loa-corrected' });
  const { pdf } = await renderScan(f.model, f.seed, randomScanOptions(f.seed));
  const pages: PageText[] = [];
  for (let p = 1; p <= f.model.pages.length; p++) {
    const r = await e.run({ kind: 'pdf-page', bytes: pdf, page: p, docKey: `strike-${seed}` });
    pages.push({ page: p, width: r.width, height: r.height, method: 'ocr', words: r.words });
  }
  return { f, pages };
}

describe('a scanned LOA corrected by hand', () => {
  it('46200: the account number struck out is not read, the one written beside it is', async () => {
    const { f, pages } = await scanned(46200, engine);
    const fields = extractFields(pages, 'loa').fields;
    expect(fields.account_number?.value).toBe(f.truth.account_number);
    // the typed value on the line the account number is written by hand on: the struck one
    const items = f.model.pages[0]!.items.flatMap((i) => (i.kind === 'text' ? [i] : []));
    const hand = items.find((i) => i.font === 'hand' && i.text === f.truth.account_number)!;
    const typed = items.find((i) => i.font !== 'hand' && Math.abs(i.y - hand.y) < 4 && /\d{3}/.test(i.text))!;
    expect(typed.text).not.toBe(f.truth.account_number);
    // what is read where the typed value is printed (its line, left of the handwriting)
    const atTyped = (ps: PageText[]) =>
      ps[0]!.words.filter(
        (w) => w.bbox[2] > typed.x + 4 && w.bbox[0] < hand.x - 4 && w.bbox[3] > typed.y - 8 && w.bbox[1] < typed.y,
      );
    expect(atTyped(pages)).toEqual([]);
    // read blind to the line, the struck number is read there (and taken for the account number)
    expect(atTyped((await scanned(46200, blind)).pages).length).toBeGreaterThan(0);
  }, 300_000);

  it('46201: a ZIP struck out and corrected above it reads as the correction', async () => {
    const { f, pages } = await scanned(46201, engine);
    expect(wrongFields(f, extractFields(pages, 'loa').fields)).toEqual([]);
    const address = extractFields(pages, 'loa').fields.service_address?.value;
    expect(address?.zip5).toBe((f.truth.service_address as { zip5: string }).zip5);
  }, 300_000);
});
