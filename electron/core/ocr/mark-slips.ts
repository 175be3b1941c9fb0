import { STATE_CODES } from '../../../shared/normalize/usps.js';
import { numberShape, type RawWord } from './digit-reread.js';

/*
 * Marks tesseract reads where the grammar of what follows says what they are:
 * - a speck of grain or a smudge just before a number, read as a mark glued to it ("~.559.555.0120",
 *   "'03/14/2025"): the number no longer has a number's shape and drops out of its list. The mark is cut
 *   off when what is left is a whole phone number or a real date (digit-reread.ts numberShape);
 * - a capital S alone read as a section sign ("1366 § MILL CIR", "§ Main St"): a section sign stands
 *   before a section's number, never before a word, so one alone before a word is that word's S;
 * - a state code before its ZIP read with a lookalike ("ANN ARBOR Ml 48109", "Eau Claire, W1 54703",
 *   "C0 80936"): what stands between a city and a ZIP is a state, so a word that is a state code once
 *   its lookalikes are read as capitals is that code.
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
    const state = stateBeforeZip(w.text);
    // (a form's State and ZIP columns stand apart: the ZIP is the next word however far)
    if (state && ZIP_WORD.test(nextOnLine(words, i, COLUMN_GAP)?.text ?? '')) return { ...w, text: state };
    return w;
  });
}

/** A ZIP as a word: five digits, maybe four more, maybe a sentence mark after it. */
const ZIP_WORD = /^\d{5}(?:-\d{4})?[.,;]?$/;

/** Lookalikes of the capitals a state code is written with: I (l, 1, |, !), O (0), S (5). */
const STATE_LOOKALIKES: Readonly<Record<string, string>> = { l: 'I', '1': 'I', '|': 'I', '!': 'I', '0': 'O', '5': 'S' };

/**
 * The state code a two-character word with a capital reads as with its lookalikes as capitals ("Ml"
 * → "MI", "W1," → "WI,"), or null: a word without a lookalike, or no state code once read so.
 */
function stateBeforeZip(text: string): string | null {
  const m = /^([A-Za-z0-9|!]{2})([.,]?)$/.exec(text);
  if (!m || !/[A-Z]/.test(m[1]!) || ![...m[1]!].some((c) => c in STATE_LOOKALIKES)) return null;
  const read = [...m[1]!].map((c) => STATE_LOOKALIKES[c] ?? c).join('');
  return STATE_CODES.has(read) ? read + m[2]! : null;
}

/** How far (in word heights) a form's next column may stand: "ANN ARBOR   Ml   48109" under "CITY STATE ZIP". */
const COLUMN_GAP = 12;

/**
 * The word after word i on its line, at most `maxGap` word heights after it (the words are in reading
 * order, a line's words left to right).
 */
function nextOnLine(words: RawWord[], i: number, maxGap = 3): RawWord | undefined {
  const w = words[i]!,
    next = words[i + 1];
  if (!next) return undefined;
  const h = w.bbox.y1 - w.bbox.y0;
  const overlap = Math.min(w.bbox.y1, next.bbox.y1) - Math.max(w.bbox.y0, next.bbox.y0);
  const gap = next.bbox.x0 - w.bbox.x1;
  return overlap > 0.3 * Math.min(h, next.bbox.y1 - next.bbox.y0) && gap >= -1 && gap < maxGap * Math.max(h, 1)
    ? next
    : undefined;
}
