import { cityKey, ZIP_WORD } from '../../../shared/normalize/address.js';
import { zipPlace } from '../extract/zip.js';

/*
 * Digit slips on scans: a phone group, a date or a ZIP read with one character wrong ("@115" for
 * "0115", "914/555" for "914-555", "63/03/2624" for "03/03/2024"), so the value is wrong or no longer
 * parses and drops out of a number list. Such a word is read once more on its own, twice its size, as
 * one line and with only digits and the punctuation numbers are printed with allowed; the second
 * reading is taken only where it has the shape of a number the first lacks, or, for a ZIP, agrees
 * better with the city and state printed before it. Two readings that both fit are read a third time
 * at another size: the re-read is taken where the third agrees with it, else the first read stays;
 * either way its confidence is lowered, so the field built on it is a "check", not a sure value.
 */

/** A word as tesseract gives it: box in the read image's pixels, confidence 0..100. */
export interface RawWord {
  text: string;
  bbox: { x0: number; y0: number; x1: number; y1: number };
  conf: number;
}

/** What a digit re-read may return: digits and the punctuation phone numbers, dates and ZIPs use. */
export const DIGIT_WHITELIST = '0123456789-()./';

/**
 * A word read under this confidence (0..100) with the shape of a number is read again (85 until dev
 * scans 35001–35040 showed a phone number's digit slip read at 85: "520-530-4476", read again
 * "520-590-4476" at both sizes).
 */
const UNSURE_BELOW = 90;
/** The least confidence (0..100) of a re-read that is sure enough to vouch for itself or question the first read. */
const MIN_REREAD_CONF = 50;
/** Confidence (0..100) a word keeps at most when two readings of it both fit. */
const TWO_READINGS_CONF = 65;

const PHONE = /^(?:1[-.])?\(?[2-9]\d{2}\)?[-.]?[2-9]\d{2}[-.]\d{4}$/;
const PHONE_DIGITS = /^1?[2-9]\d{2}[2-9]\d{6}$/;
/** a phone number's piece: "(225)", "914-555", "555-0182", "0115" */
const PIECE = /^(?:\(?\d{3}\)?(?:[-.]?\d{3})?|\d{3}[-.]\d{4}|\d{4})$/;
const DATE = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The word without the sentence punctuation that may trail it ("0182.", "336,"). */
const core = (text: string) => text.replace(/[.,;:]+$/, '');

function validDate(text: string): boolean {
  const iso = ISO_DATE.exec(text);
  if (iso) return validParts(Number(iso[2]), Number(iso[3]), iso[1]!);
  const m = DATE.exec(text);
  return !!m && validParts(Number(m[1]), Number(m[2]), m[3]!);
}

function validParts(month: number, day: number, year: string): boolean {
  if (month < 1 || month > 12 || day < 1 || day > 31) return false;
  return year.length === 2 || /^(19|20)\d{2}$/.test(year);
}

/** The line's words before the ZIP: a state code and the city before it. */
export interface ZipContext {
  state: string;
  /** up to three words before the state, nearest last */
  cityWords: string[];
}

/**
 * How well a reading fits as a number: 0 junk, 1 a run of digits, 2 a phone group or a ZIP, 3 a
 * whole phone number or a real date; a ZIP gains a point for existing, one for its state and one for
 * its city matching the line.
 */
export function numberShape(text: string, zipCtx: ZipContext | null = null): number {
  const t = core(text);
  if (PHONE.test(t) || PHONE_DIGITS.test(t.replace(/[-.()]/g, '')) || validDate(t)) return 3;
  if (ZIP_WORD.test(t) && zipCtx) return 2 + zipAgreement(t.slice(0, 5), zipCtx);
  if (PIECE.test(t) || ZIP_WORD.test(t)) return 2;
  return /^\d+$/.test(t) ? 1 : 0;
}

/** numberShape of a ZIP that exists and belongs to the city and state before it. */
const ZIP_OF_CITY = 5;

function zipAgreement(zip5: string, ctx: ZipContext): number {
  const place = zipPlace(zip5);
  if (!place) return 0;
  if (place.state !== ctx.state) return 1;
  const city = cityKey(place.city);
  for (let n = 1; n <= ctx.cityWords.length; n++)
    if (cityKey(ctx.cityWords.slice(-n).join(' ').replace(/,$/, '')) === city) return 3;
  return 2;
}

/** Letters OCR makes of digits; a word of digits with one of these among them is a probable slip. */
const LOOKALIKE = /[OoQDIl|SsBZzgq@&$]/;

/** A word that looks meant as a number: at least three digits, and digits most of its letters. */
function numberLike(text: string): boolean {
  // amounts do not matter here, and a time of day ("15:41") is no number a whitelist re-read can return
  if (/^[$€£]/.test(text) || /\d,\d{3}/.test(text) || /\d:\d/.test(text)) return false;
  const digits = text.match(/\d/g)?.length ?? 0;
  const others = text.match(/[^\d\-()./,;:]/g)?.length ?? 0;
  return digits >= 3 && others <= 1 && (others === 0 || LOOKALIKE.test(text));
}

/**
 * The words worth a digit re-read, unsurest first, at most `max`: number-like words the first read
 * was unsure of, or that do not have the shape of a number although they look meant as one ("@115").
 */
export function digitSuspects(words: readonly RawWord[], max: number): number[] {
  const out: number[] = [];
  for (const [i, w] of words.entries()) {
    if (!numberLike(w.text)) continue;
    const shape = numberShape(w.text);
    // a ZIP after a state code: read again when not quite sure, or when it is no ZIP of the city and
    // state before it (a sure-looking slip is still a slip: "70862" beside "Baton Rouge, LA")
    const ctx = ZIP_WORD.test(core(w.text)) ? zipContext(words, i) : null;
    const zipDoubt = !!ctx && (w.conf < 93 || numberShape(w.text, ctx) < ZIP_OF_CITY);
    if ((w.conf < UNSURE_BELOW || shape === 0 || zipDoubt) && slipCouldChange(w, ctx)) out.push(i);
  }
  return out.sort((a, b) => words[a]!.conf - words[b]!.conf).slice(0, max);
}

/**
 * Whether a re-read could change the word at all. A second reading of the same print differs from
 * the first by a slip, a character; when the word is already made of the whitelist's characters
 * and no reading one character away (replaced, added or dropped) would be taken by
 * chooseDigitReading or settled against it by a third, the re-read costs a read (~15 ms of a page's CPU) and cannot change the word:
 * an account number such as "386-944-3862-769" is no phone number, date or ZIP one slip away. A word
 * with a character the whitelist cannot return ("@115") is always worth it: the re-read replaces it.
 */
export function slipCouldChange(w: RawWord, zipCtx: ZipContext | null): boolean {
  const base = core(w.text);
  if ([...base].some((ch) => !DIGIT_WHITELIST.includes(ch))) return true;
  const changes = (text: string) => {
    const got = chooseDigitReading(w, { text, conf: 100 }, zipCtx);
    // (two readings that both fit are settled by a third, which may take the re-read)
    return got.text !== w.text || got.conf !== w.conf || bothFit(w, { text, conf: 100 }, zipCtx);
  };
  for (let i = 0; i <= base.length; i++) {
    const head = base.slice(0, i);
    if (i < base.length && changes(head + base.slice(i + 1))) return true;
    for (const ch of DIGIT_WHITELIST) {
      if (changes(head + ch + base.slice(i))) return true;
      if (i < base.length && ch !== base[i] && changes(head + ch + base.slice(i + 1))) return true;
    }
  }
  return false;
}

/** The state code and city words before word `i` on its line, when the word follows a state code. */
export function zipContext(words: readonly RawWord[], i: number): ZipContext | null {
  const w = words[i]!;
  const sameLine = (o: RawWord) => Math.min(o.bbox.y1, w.bbox.y1) - Math.max(o.bbox.y0, w.bbox.y0) > 0;
  const before: string[] = [];
  for (let j = i - 1; j >= 0 && before.length < 4; j--) {
    const o = words[j]!;
    if (!sameLine(o) || o.bbox.x1 > w.bbox.x0 + 2) break;
    before.unshift(o.text);
  }
  const state = before.pop()?.replace(/[.,]/g, '').toUpperCase();
  if (!state || !/^[A-Z]{2}$/.test(state)) return null;
  return { state, cityWords: before };
}

/**
 * The word as it stands after its digit re-read (`again`: the re-read's text and confidence, null
 * when it returned nothing): the re-read when it fits clearly better, the first read with its
 * confidence lowered when both fit equally and differ, else the first read as it was.
 */
export function chooseDigitReading(
  first: RawWord,
  again: { text: string; conf: number } | null,
  zipCtx: ZipContext | null,
): RawWord {
  const text = again && secondReading(first, again);
  if (!again || !text) return first;
  const a = numberShape(first.text, zipCtx),
    b = numberShape(text, zipCtx);
  const sure = again.conf >= MIN_REREAD_CONF;
  // a number where the first read had none, or a ZIP of the line's city: taken, but only as sure
  // as the re-read itself ("914/555" read again as "914555" at 0%: the number, left for a check)
  if (b > a)
    return { ...first, text, conf: sure ? Math.max(first.conf, again.conf) : Math.min(first.conf, TWO_READINGS_CONF) };
  // the same shape, other digits: two readings fit, so neither is sure
  if (bothFit(first, again, zipCtx)) return { ...first, conf: Math.min(first.conf, TWO_READINGS_CONF) };
  return first;
}

/**
 * The re-read as the first read's word (the whitelist drops sentence punctuation: what trailed the
 * first reading trails the second), or null when it is the first read or another word: one that
 * lost or gained characters is not the same word read right (a slip changes a character; it does not drop one).
 */
function secondReading(first: RawWord, again: { text: string }): string | null {
  const text = core(again.text) + (/[.,;:]+$/.exec(first.text)?.[0] ?? '');
  return text === first.text || Math.abs(text.length - first.text.length) > 1 ? null : text;
}

/** A sure re-read with the first read's shape of a number, phone group or ZIP, and other digits: two readings fit. */
function bothFit(first: RawWord, again: { text: string; conf: number }, zipCtx: ZipContext | null): boolean {
  const text = secondReading(first, again);
  if (!text || again.conf < MIN_REREAD_CONF) return false;
  const a = numberShape(first.text, zipCtx);
  return a >= 2 && numberShape(text, zipCtx) === a && !sameDigits(first.text, text);
}

const digitsOf = (text: string) => (text.match(/\d/g) ?? []).join('');
const sameDigits = (a: string, b: string) => digitsOf(a) === digitsOf(b);

/**
 * Two readings that both fit (chooseDigitReading: the same shape, other digits) settled by a third
 * (`third`: the word read once more at another size): where it has the re-read's digits, two readings
 * of three say the re-read, which is taken, still no surer than a check ("315 555 0185" at 65%, read
 * again twice as "0135" at 94% and 95%); else the first read stays as chooseDigitReading left it.
 */
export function settleTwoReadings(
  first: RawWord,
  again: { text: string; conf: number },
  third: { text: string; conf: number } | null,
  zipCtx: ZipContext | null,
): RawWord {
  const chosen = chooseDigitReading(first, again, zipCtx);
  if (!third || !slipApart(first, again, zipCtx) || !bothFit(first, third, zipCtx)) return chosen;
  return sameDigits(third.text, again.text) ? { ...chosen, text: secondReading(first, again)! } : chosen;
}

/**
 * Two readings that both fit with as many digits: a digit read as another, which a third reading can
 * settle. A re-read with a digit more or less has read something else (a box's edge beside a ZIP,
 * "80527" read again "180527", a group of six digits): that stays the first read's.
 */
function slipApart(first: RawWord, again: { text: string; conf: number }, zipCtx: ZipContext | null): boolean {
  return bothFit(first, again, zipCtx) && digitsOf(first.text).length === digitsOf(again.text).length;
}

/**
 * The page's words with the digit suspects (digitSuspects) read again through `reread` (the word's
 * box in the page image; the re-read's text and confidence back, null for nothing) and each settled
 * by chooseDigitReading; where two readings both fit, `tiebreak` reads it a third time (settleTwoReadings).
 */
export async function rereadDigits(
  words: RawWord[],
  reread: (box: RawWord['bbox']) => Promise<{ text: string; conf: number } | null>,
  max: number,
  tiebreak?: (box: RawWord['bbox']) => Promise<{ text: string; conf: number } | null>,
): Promise<RawWord[]> {
  const suspects = digitSuspects(words, max);
  if (!suspects.length) return words;
  const out = [...words];
  for (const i of suspects) {
    const first = words[i]!,
      ctx = zipContext(words, i);
    const again = await reread(first.bbox);
    // two readings that fit: a third, at another size, settles them (a read more, rarely needed)
    out[i] =
      tiebreak && again && slipApart(first, again, ctx)
        ? settleTwoReadings(first, again, await tiebreak(first.bbox), ctx)
        : chooseDigitReading(first, again, ctx);
  }
  return out;
}
