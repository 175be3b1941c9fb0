/** Character-level normalisation for matching labels and reading values from noisy OCR. */

import { DIGIT_LOOKALIKES, LETTER_LOOKALIKES } from '../../../shared/normalize/ocr-confusions.js';

export function fold(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[\u2018\u2019\u201b`´]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/[\u2010-\u2015\u2212]/g, '-');
}

/**
 * The comparison key of a label word: lower case, letters/digits/#/&/+ only; in a word that is
 * mostly letters, digits that look like letters are read as letters ("Acc0unt" → "account").
 */
export function labelKey(s: string): string {
  const t = fold(s).toLowerCase();
  const letters = (t.match(/[a-z]/g) ?? []).length;
  const digits = (t.match(/[0-9]/g) ?? []).length;
  const mapped = letters >= 2 && digits <= letters / 2 ? t.replace(/[0158|$]/g, (c) => LETTER_LOOKALIKES[c] ?? c) : t;
  return mapped.replace(/[^a-z0-9#&+]/g, '');
}

/** Letters OCR confuses with digits, read as digits; only for text that is supposed to be a number. */
export function fixDigits(s: string): string {
  return s.replace(/[OoQDUIl|i!LTSs$BZzGbgqA]/g, (c) => DIGIT_LOOKALIKES[c] ?? c);
}

/** A token that is a number with some OCR confusions ("3l2-555-O147"): mostly digits already. */
export function numericish(s: string, minDigitShare = 0.6): boolean {
  const core = s.replace(/[\s().\-+/#:,]/g, '');
  if (!core) return false;
  const digits = (core.match(/\d/g) ?? []).length;
  return digits >= 2 && digits / core.length >= minDigitShare;
}

/** Levenshtein distance with an early exit above `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(
        (prev[j] as number) + 1,
        (cur[j - 1] as number) + 1,
        (prev[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
      cur.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    prev = cur;
  }
  return prev[b.length] as number;
}

/**
 * A lower-case key with the letter pairs OCR reads as one letter (and back) written as that letter:
 * "rn"/"m", "ri"/"n", "cl"/"d", "vv"/"w". Both sides of a near-match go through it, so "Secunty" and
 * "Security", "Nurnber" and "Number" are the same word here, and a real "m" still matches "m".
 */
export function letterShapes(key: string): string {
  return key.replace(/rn/g, 'm').replace(/ri/g, 'n').replace(/cl/g, 'd').replace(/vv/g, 'w');
}

export function squash(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/**
 * Strip leading/trailing separators a value picks up from its label or cell ("…: ", "| x |", "_____"),
 * and the specks OCR reads off a scanned rule or dust before or after it as a word of symbols
 * ("=~ Red Rock Storage", "Levy, Corp =~").
 */
export function trimValue(s: string): string {
  return squash(s)
    .replace(/^[\s:;|,.\-_=>»·•*]+/, '')
    .replace(/^(?:[=~^`°¬]+\s+)+/, '')
    .replace(/(?:\s+[=~^`'"°¬]+)+$/, '')
    .replace(/[\s:;|,_=<«·•*~]+$/, '')
    .replace(/\s+[-–—]+$/, '')
    .trim();
}

/** Below this OCR confidence a word's letters are open to repair (lookalike digits, a cleaner reading elsewhere). */
export const UNSURE_WORD_CONF = 0.6;

const START_LETTER: Record<string, string> = { '0': 'O', '1': 'I', '5': 'S' };
const INNER_LETTER: Record<string, string> = { '0': 'o', '1': 'l', '5': 's' };

/**
 * An unsure OCR word that is a word once its letter-like digits are read as letters ("01d" → "Old",
 * "Mi11er" → "Miller", "1ndustrial" → "Industrial"); null when it is not that shape. Only words with a
 * lower-case letter qualify, so codes, units and numbers ("1FB", "4B", "21st", "10am") stay as read.
 */
export function lettersFromLookalikes(word: string): string | null {
  const m = /^([("'[]*)(.*?)([.,;:)"'\]]*)$/.exec(word);
  const core = m?.[2] ?? '';
  if (core.length < 3 || !/[015]/.test(core) || !/^[A-Za-z015]+$/.test(core) || !/[a-z]/.test(core)) return null;
  if (/^\d+(?:st|nd|rd|th|am|pm|s)$/i.test(core)) return null;
  // a number with a letter is a unit or a house number ("10b"); no number starts with 0 ("01d")
  if (/^\d+[a-z]$/i.test(core) && !core.startsWith('0')) return null;
  const read = core.replace(/[015]/g, (d, i: number) => (i === 0 ? START_LETTER[d]! : INNER_LETTER[d]!));
  // a word: capitalised or lower case, never digits between capitals ("B1G" is a code)
  if (!/^[A-Za-z][a-z]+$/.test(read)) return null;
  return `${m![1]}${read}${m![3]}`;
}

/**
 * A cleaner reading of an unsure OCR word from elsewhere on the page: a sure word one or two letters
 * away whose neighbour is the same word ("Market P1l.," beside "Market Pl." read cleanly further up).
 * `sure` holds the page's confidently read words with their left and right neighbours' keys.
 */
export function cleanerReading(
  word: string,
  left: string | undefined,
  right: string | undefined,
  sure: { text: string; left?: string; right?: string }[],
): string | null {
  const m = /^(.*?)([.,;:]*)$/.exec(word)!;
  const core = m[1]!;
  const key = core.toLowerCase();
  if ((key.match(/[a-z]/g) ?? []).length < 2) return null;
  const max = key.length >= 7 ? 2 : 1;
  let best: string | null = null;
  for (const s of sure) {
    const sCore = s.text.replace(/[.,;:]+$/, '');
    const sKey = sCore.toLowerCase();
    if (sKey === key || !/^[a-z]/.test(sKey) || (!!left && s.left !== left && (!right || s.right !== right))) continue;
    if (!left && (!right || s.right !== right)) continue;
    // a plural is another word, not a misreading ("Number" / "Numbers")
    if (sKey === `${key}s` || key === `${sKey}s` || editDistance(sKey, key, max) > max) continue;
    if (best !== null && best !== sCore) return null; // two different cleaner readings: keep OCR's
    best = sCore;
  }
  return best === null ? null : `${best}${m[2]}`;
}

/** Month names and their abbreviations, with their numbers (dates are read with them; a month is never a label tag). */
export const MONTHS: Record<string, number> = {
  jan: 1,
  january: 1,
  feb: 2,
  february: 2,
  mar: 3,
  march: 3,
  apr: 4,
  april: 4,
  may: 5,
  jun: 6,
  june: 6,
  jul: 7,
  july: 7,
  aug: 8,
  august: 8,
  sep: 9,
  sept: 9,
  september: 9,
  oct: 10,
  october: 10,
  nov: 11,
  november: 11,
  dec: 12,
  december: 12,
};
