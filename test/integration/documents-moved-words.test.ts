import { describe, expect, it } from 'vitest';
import { extractFields } from '../../electron/core/extract/index.js';
import type { BBox, PageText, Word } from '../../shared/domain/document.js';
import { storedAndReadBack } from '../helpers/stored-pages.js';

/*
 * An OCR page whose comb values were read packed (the reader sets a comb's characters side by side):
 * stored and read back, its moved words keep where they are printed, and the evidence lands there.
 */
const word = (text: string, x0: number, y0: number, x1: number): Word => ({
  text,
  bbox: [x0, y0, x1, y0 + 7],
  conf: 0.9,
});

/** A name comb read packed from x = 42: each word where it was read, and the boxes it was printed in (12 pt a box). */
function combPage(): PageText {
  const read = [word('Customer', 42, 80, 80), word('name:', 82, 80, 104)];
  const moved: { at: BBox; printed: BBox }[] = [];
  let at = 110,
    box = 110;
  for (const w of ['HARBOR', 'LANE', 'BAKERY']) {
    const packed = word(w, at, 80, at + w.length * 6);
    read.push(packed);
    moved.push({ at: packed.bbox, printed: [box, 80, box + w.length * 12, 87] });
    at += w.length * 6 + 3;
    box += (w.length + 1) * 12;
  }
  return { page: 1, width: 612, height: 792, method: 'ocr', words: read, moved };
}

describe('words an OCR read moved', () => {
  it('keeps where they are printed when the page is stored and read back', async () => {
    const page = combPage();
    const plain: PageText = { page: 2, width: 612, height: 792, method: 'ocr', words: page.words };
    const back = await storedAndReadBack([page, plain]);
    expect(back[0]!.moved).toEqual(page.moved);
    expect(back[1]!.moved).toBeUndefined();
    expect(back[0]!.words).toEqual(page.words);
    const f = extractFields(back.slice(0, 1), 'loa').fields.account_name;
    expect(f?.value).toBe('HARBOR LANE BAKERY');
    // shown over the boxes: from the first box to the last letter's box, not the packed words
    expect(f?.bbox?.[0]).toBeCloseTo(110, 0);
    expect(f?.bbox?.[2]).toBeCloseTo(110 + (7 + 5 + 6) * 12, 0);
  });
});
