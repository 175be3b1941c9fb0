import type { RawWord } from './digit-reread.js';
import { inkThreshold, type Gray } from './preprocess.js';

/*
 * A form's value printed close to its box's left edge ("Zip: |80527", "State: |CO"): tesseract reads the
 * edge as the value's first character, "180527" or "|CO", and the ZIP is then "18052", in another
 * state. A character is the box's edge, not print, when its ink runs on straight up and down well past
 * the word's letters (a digit 1, an l or an I is as tall as the print); it is cut off the word, and the
 * word's box starts after it.
 */

/** Characters OCR makes of a vertical rule. */
const RULE_LIKE = /^[|1lI![\]]/;

/** How far past the word's box, in its heights, the ink must run above and below to be a rule. */
const PAST = 0.4;

/**
 * A word that is a rule's mark alone ("|", "[", "]"): tesseract's reading of a table's or box's
 * vertical rule between two cells of one line, which joins the cells' words into one run of text
 * ("White Plains, | Send Bills To:"). A letter I or l alone is prose, and stays unless its ink is a rule.
 */
const RULE_MARK = /^[|[\]!lI]$/;

/**
 * The words with a box edge read as their first character cut off it, and a box edge read as a word
 * of its own left out.
 */
export function stripGluedRules(page: Gray, words: RawWord[]): RawWord[] {
  let t = -1;
  const ink = () => (t < 0 ? (t = inkThreshold(page.data)) : t);
  return words.flatMap((w) => {
    if (RULE_MARK.test(w.text)) return loneRule(page, w, ink()) ? [] : [w];
    if (!RULE_LIKE.test(w.text) || !/[\p{L}\p{N}]/u.test(w.text.slice(1))) return [w];
    const at = ruleAtStart(page, w, ink());
    if (at === null) return [w];
    return [{ ...w, text: w.text.slice(1), bbox: { ...w.bbox, x0: at } }];
  });
}

/**
 * Whether a word of one mark is a rule: a column of its ink runs on straight past its box, up or down,
 * by more than the box is tall. A cell's rule beside the first line of a wrapped cell ends a little above
 * the line and runs on down the cell, so one side is enough; a printed "|", "l" or "I" ends with its box.
 */
function loneRule(page: Gray, w: RawWord, t: number): boolean {
  const { width: W, height: H, data } = page;
  const y0 = Math.max(0, Math.round(w.bbox.y0)),
    y1 = Math.min(H - 1, Math.round(w.bbox.y1));
  const h = y1 - y0 + 1;
  if (h < 6) return false;
  const mid = (y0 + y1) >> 1;
  for (let x = Math.max(0, Math.round(w.bbox.x0) - 1); x <= Math.min(W - 1, Math.round(w.bbox.x1) + 1); x++) {
    if (data[mid * W + x]! >= t) continue;
    let a = mid,
      b = mid;
    while (a > 0 && mid - a <= 2 * h && data[(a - 1) * W + x]! < t) a--;
    while (b < H - 1 && b - mid <= 2 * h && data[(b + 1) * W + x]! < t) b++;
    if (b - a + 1 >= 2 * h) return true;
  }
  return false;
}

/**
 * Where the word's print starts after a rule at its left end (the first column past the rule's ink),
 * or null when its first ink is no rule.
 */
function ruleAtStart(page: Gray, w: RawWord, t: number): number | null {
  const { width: W, height: H, data } = page;
  const x0 = Math.max(0, Math.round(w.bbox.x0)),
    y0 = Math.max(0, Math.round(w.bbox.y0)),
    y1 = Math.min(H - 1, Math.round(w.bbox.y1));
  const h = y1 - y0 + 1;
  if (h < 6) return null;
  const mid = (y0 + y1) >> 1;
  const reach = Math.round(PAST * h);
  /** how far the ink in column x runs up and down from the word's middle row */
  const run = (x: number) => {
    if (x < 0 || x >= W || data[mid * W + x]! >= t) return null;
    let a = mid,
      b = mid;
    while (a > 0 && mid - a <= h + reach && data[(a - 1) * W + x]! < t) a--;
    while (b < H - 1 && b - mid <= h + reach && data[(b + 1) * W + x]! < t) b++;
    return { a, b };
  };
  const isRule = (x: number) => {
    const r = run(x);
    return !!r && r.a <= y0 - reach && r.b >= y1 + reach;
  };
  // the first column of ink, a little into the box: a rule is the word's first ink
  let x = x0 - 2;
  const limit = Math.min(W - 1, x0 + Math.round(0.4 * h));
  while (x <= limit && !isRule(x)) {
    // ink that is no rule comes first: the word starts with print
    const r = run(x);
    if (r && r.b - r.a >= 2) return null;
    x++;
  }
  if (x > limit) return null;
  while (x < W && isRule(x)) x++;
  // the rule's gray edge, then paper before the print
  return x + 1;
}
