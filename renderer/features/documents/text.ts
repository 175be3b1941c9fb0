import type { Word } from '../../../shared/domain/document.js';

/**
 * Words of a page in reading order, grouped into lines: a word joins the line whose vertical span
 * holds its centre. Good enough for copying text out of a scan; it is not a layout analysis.
 */
export function lines(words: readonly Word[]): Word[][] {
  const sorted = [...words].sort((a, b) => a.bbox[1] + a.bbox[3] - (b.bbox[1] + b.bbox[3]));
  const out: { top: number; bottom: number; words: Word[] }[] = [];
  for (const w of sorted) {
    const mid = (w.bbox[1] + w.bbox[3]) / 2;
    const line = out.find((l) => mid >= l.top && mid <= l.bottom);
    if (line) {
      line.words.push(w);
      line.top = Math.min(line.top, w.bbox[1]);
      line.bottom = Math.max(line.bottom, w.bbox[3]);
    } else {
      out.push({ top: w.bbox[1], bottom: w.bbox[3], words: [w] });
    }
  }
  return out.sort((a, b) => a.top - b.top).map((l) => l.words.sort((a, b) => a.bbox[0] - b.bbox[0]));
}

export function pageText(words: readonly Word[]): string {
  return lines(words)
    .map((l) => l.map((w) => w.text).join(' '))
    .join('\n');
}
