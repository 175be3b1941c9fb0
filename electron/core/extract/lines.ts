import type { BBox, PageText, Word } from '../../../shared/domain/document.js';

/** tan 10°: the largest skew the OCR straightens before it reads (ocr/options.ts maxSkewDeg). */
const MAX_SLOPE = 0.18;

/**
 * The box of characters [from, to) of a word `of` characters long, in proportion to its box: where a word
 * OCR glued together is cut apart, each part keeps its share of the width.
 */
export function spanBox(bbox: BBox, from: number, to: number, of: number): BBox {
  const n = Math.max(1, of);
  const [x0, y0, x1, y1] = bbox;
  // (a part at either end keeps that end's edge exactly)
  const at = (i: number) => (i <= 0 ? x0 : i >= n ? x1 : x0 + ((x1 - x0) * i) / n);
  return [at(from), y0, at(to), y1];
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
}

/**
 * Page skew as a slope (dy/dx), from neighbouring words that overlap vertically. OCR boxes of a skewed
 * page are the envelopes of turned words: their centres still step along the line's slope, but a
 * word's box grows taller with its width (by width × slope), so heights are compared with that growth
 * taken off, and skews up to the OCR's own straightening range (10°) are measured, not dropped.
 */
export function estimateSlope(words: { bbox: BBox }[]): number {
  const ws = [...words].sort((a, b) => a.bbox[0] - b.bbox[0]);
  const slopes: number[] = [];
  for (let i = 0; i < ws.length; i++) {
    const a = ws[i]!.bbox;
    const ha = a[3] - a[1];
    if (ha <= 0) continue;
    for (let j = i + 1; j < ws.length && j < i + 60; j++) {
      const b = ws[j]!.bbox;
      const gap = b[0] - a[2];
      if (gap > 3 * ha) break;
      if (gap < 0) continue;
      const hb = b[3] - b[1];
      const overlap = Math.min(a[3], b[3]) - Math.max(a[1], b[1]);
      const dx = (b[0] + b[2]) / 2 - (a[0] + a[2]) / 2;
      const s = ((b[1] + b[3]) / 2 - (a[1] + a[3]) / 2) / Math.max(dx, 1e-6);
      // each box's height less what the slant added to it: the letters' own height
      const ca = Math.max(0.3 * ha, ha - (a[2] - a[0]) * Math.abs(s)),
        cb = Math.max(0.3 * hb, hb - (b[2] - b[0]) * Math.abs(s));
      if (overlap < 0.6 * Math.min(ha, hb) || Math.abs(ca - cb) > 0.4 * Math.max(ca, cb)) continue;
      if (dx < 2 * Math.min(ca, cb)) continue;
      if (Math.abs(s) < MAX_SLOPE) slopes.push(s);
      break;
    }
  }
  if (slopes.length < 8) return 0;
  const s = median(slopes);
  return Math.abs(s) < 0.0015 ? 0 : s;
}

/**
 * A page's words as printed lines, top to bottom, each left to right, before any layout: a word joins
 * the line whose first word's middle is within half that word's height of its own. On a scan the middles
 * are taken square to the page's skew (a degree of tilt moves a line's last word half a line from its
 * first). For the checks that run before a page is laid out (a fax cover, a data record, a comparison
 * table's headings).
 */
export function printedWordLines(page: PageText): Word[][] {
  const slope = page.method === 'ocr' ? estimateSlope(page.words) : 0;
  const mid = (w: Word) => (w.bbox[1] + w.bbox[3]) / 2 - (slope * (w.bbox[0] + w.bbox[2])) / 2;
  const words = [...page.words].sort((a, b) => mid(a) - mid(b));
  const out: Word[][] = [];
  for (let i = 0; i < words.length; ) {
    const h = Math.max(2, words[i]!.bbox[3] - words[i]!.bbox[1]);
    let j = i + 1;
    while (j < words.length && mid(words[j]!) - mid(words[i]!) < 0.5 * h) j++;
    out.push(words.slice(i, j).sort((a, b) => a.bbox[0] - b.bbox[0]));
    i = j;
  }
  return out;
}
