import type { PageText, Word } from '../../shared/domain/document.js';

/** A word's box at 6 pt per character, 10 pt high. */
const wordBox = (x: number, y: number, text: string): [number, number, number, number] => [
  x,
  y,
  x + text.length * 6,
  y + 10,
];

/** A one-page document from lines of [x, y, text]: one word per run of non-spaces, 6 pt per character. */
export function pageOfLines(lines: [number, number, string][], method: PageText['method'] = 'text'): PageText[] {
  const words: Word[] = [];
  for (const [x, y, text] of lines) {
    for (const m of text.matchAll(/\S+/g))
      words.push({ text: m[0], bbox: wordBox(x + m.index * 6, y, m[0]), conf: method === 'text' ? 1 : 0.8 });
  }
  return [{ page: 1, width: 612, height: 792, method, words }];
}

/** An OCR'd page of words placed one by one: [x0, y0, text, width, height (10 when left out)]. */
export function ocrWords(words: [number, number, string, number, number?][]): PageText[] {
  const out: Word[] = words.map(([x, y, text, w, h]) => ({ text, bbox: [x, y, x + w, y + (h ?? 10)], conf: 0.7 }));
  return [{ page: 1, width: 612, height: 792, method: 'ocr', words: out }];
}

/** How big OCR boxes a scan's words: points a character, and above and below the baseline. */
export interface OcrGlyph {
  width: number;
  above: number;
  below: number;
}

/**
 * An OCR'd page of words each [x, baseline y, text, confidence 0..1]; by default 5.5 pt a character,
 * 8 pt above the baseline and 2 below, as tesseract boxes 10-pt type.
 */
export function ocrPageOf(
  words: [number, number, string, number][],
  glyph: OcrGlyph = { width: 5.5, above: 8, below: 2 },
): PageText {
  return {
    page: 1,
    width: 612,
    height: 792,
    method: 'ocr',
    words: words.map(([x, y, text, conf]) => ({
      text,
      bbox: [x, y - glyph.above, x + text.length * glyph.width, y + glyph.below],
      conf,
    })),
  };
}

/** The pages with every run of words reading `from` written as `to` instead (in the same place). */
export function rewrite(pages: PageText[], from: string[], to: string[]): PageText[] {
  let n = 0;
  const out = pages.map((page) => {
    const words = [...page.words];
    for (let at = 0; at + from.length <= words.length; at++) {
      if (!from.every((t, k) => words[at + k]!.text === t)) continue;
      const run = words.slice(at, at + from.length);
      const [x0, y0, , y1] = run[0]!.bbox;
      const step = (run[run.length - 1]!.bbox[2] - x0) / Math.max(1, to.length);
      const written = to.map((text, k) => ({
        ...run[0]!,
        text,
        bbox: [x0 + k * step, y0, x0 + (k + 1) * step - 2, y1] as [number, number, number, number],
      }));
      words.splice(at, from.length, ...written);
      at += written.length - 1;
      n++;
    }
    return { ...page, words };
  });
  if (!n) throw new Error(`"${from.join(' ')}" is not on the pages`);
  return out;
}
