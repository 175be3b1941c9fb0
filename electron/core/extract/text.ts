/** Character-level normalisation for matching labels and reading values from noisy OCR. */

const LETTER_LOOKALIKES: Record<string, string> = { '0': 'o', '1': 'l', '5': 's', '8': 'b', '|': 'l', $: 's' };
const DIGIT_LOOKALIKES: Record<string, string> = {
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

export function squash(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/**
 * Strip leading/trailing separators a value picks up from its label or cell ("…: ", "| x |", "_____"),
 * and the specks OCR reads off a scanned rule or dust after it as a word of symbols ("Levy, Corp =~").
 */
export function trimValue(s: string): string {
  return squash(s)
    .replace(/^[\s:;|,.\-_=>»·•*]+/, '')
    .replace(/(?:\s+[=~^`'"°¬]+)+$/, '')
    .replace(/[\s:;|,_=<«·•*~]+$/, '')
    .replace(/\s+[-–—]+$/, '')
    .trim();
}
