/**
 * Which characters OCR (and typing) confuse. One table for the extractor (reading a number through
 * lookalike letters), the ZIP check (a slip between digits) and the review (is a difference one a
 * misread could explain, or a real one?).
 */

/** Digits read as letters, for text that is supposed to be words. */
export const LETTER_LOOKALIKES: Readonly<Record<string, string>> = {
  '0': 'o',
  '1': 'l',
  '5': 's',
  '8': 'b',
  '|': 'l',
  $: 's',
};

/** Letters and marks read as digits, for text that is supposed to be a number. */
export const DIGIT_LOOKALIKES: Readonly<Record<string, string>> = {
  O: '0',
  o: '0',
  Q: '0',
  D: '0',
  U: '0',
  I: '1',
  l: '1',
  '|': '1',
  i: '1',
  '!': '1',
  L: '1',
  T: '7',
  S: '5',
  s: '5',
  $: '5',
  B: '8',
  Z: '2',
  z: '2',
  G: '6',
  b: '6',
  g: '9',
  q: '9',
  A: '4',
};

/**
 * The capitals (and bar) the review folds to digits in EVERY word it matches on a page, names as well as
 * numbers (compare/evidence.ts ocrKey; a number's lookalikes in compare/numbers.ts phoneText), so a
 * misread word compares equal to the value: a subset of DIGIT_LOOKALIKES, and it cannot be that whole
 * table. The review upper-cases a word before folding it, so the small letters that are lookalikes of
 * another digit than their capital (b 6 / B 8, g 9 / G 6, q 9 / Q 0) cannot be told apart there; and
 * T 7, A 4, U 0 fold too many names into each other ("TATE", "AUSTIN") where the extractor only reads
 * them inside a word it already takes for a number.
 */
export const CAPITAL_DIGIT_LOOKALIKES: Readonly<Record<string, string>> = {
  O: '0',
  Q: '0',
  D: '0',
  I: '1',
  L: '1',
  '|': '1',
  S: '5',
  B: '8',
  Z: '2',
  G: '6',
};

/**
 * Marks read for the punctuation a number is printed with, in faces whose hyphen or parentheses are
 * drawn otherwise than tesseract learned them: a hyphen with a tilt read "~" ("2738~71"), a parenthesis
 * with a serif or a thin stroke read as a brace or a bracket ("{937)").
 */
export const NUMBER_MARK_LOOKALIKES: Readonly<Record<string, string>> = {
  '~': '-',
  '{': '(',
  '[': '(',
  '}': ')',
  ']': ')',
};

/**
 * Letters whose small form is the capital drawn smaller (c o s u v w x z): OCR reading a line of
 * capitals often sets one of them in lower case ("ouT" for OUT on a screen print), as no other letter's
 * case is mistaken (a small d, e, t is a shape of its own).
 */
const CASE_LOOKALIKES = new Set(['c', 'o', 's', 'u', 'v', 'w', 'x', 'z']);

/**
 * A word of capitals as OCR may have read it: when its only small letters are ones whose shape is the
 * capital's, it is the word in capitals ("ouT" -> "OUT", "Ww" -> "WW"); any other word is returned
 * as it is ("out", "Disc").
 */
export function capitalsAsRead(word: string): string {
  const small = word.match(/\p{Ll}/gu) ?? [];
  if (small.length === 0 || !small.every((c) => CASE_LOOKALIKES.has(c))) return word;
  // (a capital among them says the word is set in capitals: "ou" alone is a word of small letters)
  if (!/\p{Lu}/u.test(word)) return word;
  return word.toUpperCase();
}

/** Pairs of digits OCR and typing confuse most; a slip between them is likelier than any other. */
const CONFUSABLE_DIGITS = new Set([
  '0-8',
  '0-6',
  '0-9',
  '1-7',
  '1-4',
  '3-8',
  '5-6',
  '5-8',
  '6-8',
  '8-9',
  '2-7',
  '3-5',
  '4-9',
]);

/** Two digits a misread or a typing slip turns into each other. */
export function confusableDigits(a: string, b: string): boolean {
  return CONFUSABLE_DIGITS.has(a < b ? `${a}-${b}` : `${b}-${a}`);
}

/** Two characters a misread could turn into each other: confusable digits, or a digit and its lookalike. */
export function confusableChars(a: string, b: string): boolean {
  if (a === b) return true;
  if (/\d/.test(a) && /\d/.test(b)) return confusableDigits(a, b);
  const da = DIGIT_LOOKALIKES[a] ?? a;
  const db = DIGIT_LOOKALIKES[b] ?? b;
  if (da === db) return true;
  return a.toLowerCase() === b.toLowerCase();
}

/**
 * How two readings of one value differ, position by position: `slips` places differ, `explained`
 * when they have the same length and every differing place is a pair OCR confuses. A difference that
 * is not explained is no misread: it is another value.
 */
export function ocrSlips(a: string, b: string): { slips: number; explained: boolean } {
  if (a.length !== b.length) return { slips: Math.max(a.length, b.length), explained: false };
  let slips = 0;
  let explained = true;
  for (let i = 0; i < a.length; i++) {
    if (a[i] === b[i]) continue;
    slips++;
    if (!confusableChars(a[i]!, b[i]!)) explained = false;
  }
  return { slips, explained };
}
