import { numberShape, type RawWord } from './digit-reread.js';

/*
 * Marks tesseract reads where the grammar of what follows says what they are:
 * - a speck of grain or a smudge just before a number, read as a mark glued to it ("~.559.555.0120",
 *   "'03/14/2025"): the number no longer has a number's shape and drops out of its list. The mark is cut
 *   off when what is left is a whole phone number or a real date (digit-reread.ts numberShape);
 * - a capital S alone read as a section sign ("1366 § MILL CIR", "§ Main St"): a section sign stands
 *   before a section's number, never before a word, so one alone before a word is that word's S.
 */

/** Marks a speck or smudge reads as, glued before a word. */
const SPECKS_BEFORE = /^[~`'‘’^°*,.:;_«»·•]{1,2}(?=[\d(])/u;

/** The shape numberShape gives a whole phone number or a real date. */
const WHOLE_NUMBER = 3;

/** The words with specks read before a number cut off, and a section sign alone before a word read as the S it is. */
export function repairMarkSlips(words: RawWord[]): RawWord[] {
  return words.map((w, i) => {
    const speck = SPECKS_BEFORE.exec(w.text)?.[0];
    if (speck && numberShape(w.text.slice(speck.length)) === WHOLE_NUMBER && numberShape(w.text) < WHOLE_NUMBER) {
      // the box starts after the mark, in proportion to the characters cut
      const cut = ((w.bbox.x1 - w.bbox.x0) * speck.length) / w.text.length;
      return { ...w, text: w.text.slice(speck.length), bbox: { ...w.bbox, x0: w.bbox.x0 + cut } };
    }
    if (w.text === '§' && /^\p{L}/u.test(nextOnLine(words, i)?.text ?? '')) return { ...w, text: 'S' };
    return w;
  });
}

/** The word after word i on its line (the words are in reading order, a line's words left to right). */
function nextOnLine(words: RawWord[], i: number): RawWord | undefined {
  const w = words[i]!,
    next = words[i + 1];
  if (!next) return undefined;
  const h = w.bbox.y1 - w.bbox.y0;
  const overlap = Math.min(w.bbox.y1, next.bbox.y1) - Math.max(w.bbox.y0, next.bbox.y0);
  const gap = next.bbox.x0 - w.bbox.x1;
  return overlap > 0.3 * Math.min(h, next.bbox.y1 - next.bbox.y0) && gap >= -1 && gap < 3 * Math.max(h, 1)
    ? next
    : undefined;
}
