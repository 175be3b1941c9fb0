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
 * How far past the print's own rows, in the print's heights, the ink must run above and below to be a
 * rule: a printed 1, l, I or | ends with the print; a bracket a little past it (less than a tenth).
 */
const PAST_PRINT = 0.25;

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
  // a rule is two or three pixels wide, its edge columns gray in places (JPEG, a scanner's blur): its
  // ink in a row is in the column or the next
  const inkAt = (x: number, y: number) => data[y * W + x]! < t || (x + 1 < W && data[y * W + x + 1]! < t);
  const run = (x: number) => {
    if (x < 0 || x >= W || data[mid * W + x]! >= t) return null;
    let a = mid,
      b = mid;
    while (a > 0 && mid - a <= h + reach && inkAt(x, a - 1)) a--;
    while (b < H - 1 && b - mid <= h + reach && inkAt(x, b + 1)) b++;
    return { a, b };
  };
  // the first column of ink, a little into the box: a rule is the word's first ink
  let x = x0 - 2;
  const limit = Math.min(W - 1, x0 + Math.round(0.4 * h));
  // tesseract boxes the word over the edge it read as a character, so in a tight box (the rule running
  // on only a little past the print) the word's box is as tall as the rule: the print's own rows, in
  // the word's columns past the edge, measure how far a rule must run on
  const print = printRows(page, limit + 1, Math.min(W - 1, Math.round(w.bbox.x1)), y0, y1, t);
  const printReach = print ? Math.round(PAST_PRINT * (print.bottom - print.top + 1)) : reach;
  const isRule = (x: number) => {
    const r = run(x);
    if (!r) return false;
    if (r.a <= y0 - reach && r.b >= y1 + reach) return true;
    // (only when tesseract's box does run past the print: it read the edge as a character; a word boxed
    // from the edge but as tall as its print read no edge, and its first character is print)
    return (
      !!print &&
      print.top - y0 + (y1 - print.bottom) >= printReach &&
      r.a <= print.top - printReach &&
      r.b >= print.bottom + printReach
    );
  };
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

/**
 * The first and last rows of print in columns x0..x1 between rows y0 and y1: the band of rows around
 * the one with the most print whose ink stands in short stretches, as letters' strokes do. A box's top
 * or bottom rule inside the word's box runs on across the word (tilted a little or not), a speck of
 * grain is a pixel or two: neither is print.
 */
function printRows(
  page: Gray,
  x0: number,
  x1: number,
  y0: number,
  y1: number,
  t: number,
): { top: number; bottom: number } | null {
  const { width: W, data } = page;
  if (x1 - x0 < 4 || y1 - y0 < 5) return null;
  const longest = Math.max(4, Math.round(0.6 * (y1 - y0 + 1)));
  const print: number[] = [];
  for (let y = y0; y <= y1; y++) {
    let n = 0,
      run = 0;
    for (let x = x0; x <= x1 + 1; x++) {
      if (x <= x1 && data[y * W + x]! < t) run++;
      else {
        if (run < longest) n += run;
        run = 0;
      }
    }
    print.push(n);
  }
  const most = Math.max(...print);
  if (most < 4) return null;
  let top = print.indexOf(most),
    bottom = top;
  while (top > 0 && print[top - 1]! >= 0.1 * most) top--;
  while (bottom < print.length - 1 && print[bottom + 1]! >= 0.1 * most) bottom++;
  return bottom - top < 5 ? null : { top: y0 + top, bottom: y0 + bottom };
}
