import type { PageText, Word } from '../../../shared/domain/document.js';

/**
 * A page's words as printed lines, top to bottom, each left to right, before any layout: a word joins
 * the line whose first word's middle is within half that word's height of its own. For the checks that
 * run before a page is laid out (a fax cover, a data record, a comparison table's headings).
 */
export function printedWordLines(page: PageText): Word[][] {
  const mid = (w: Word) => (w.bbox[1] + w.bbox[3]) / 2;
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
