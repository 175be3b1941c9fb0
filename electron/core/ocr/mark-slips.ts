import { ZIP_WORD } from '../../../shared/normalize/address.js';
import { NUMBER_MARK_LOOKALIKES } from '../../../shared/normalize/ocr-confusions.js';
import { STATE_CODES, STREET_SUFFIXES } from '../../../shared/normalize/usps.js';
import { zipPlace } from '../extract/zip.js';
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
 *   its lookalikes are read as capitals is that code; an unsure word of capitals there that is no state
 *   code is the state its ZIP lies in when it is that code with one letter read twice ("SIOUX FALLS, SDD
 *   57107") or one letter misread ("SO 57107");
 * - the "+1" before a phone number printed in groups read as "41" ("41 907 555 0137"): a plus is read as a
 *   4 when its bar runs thin, and a phone number's country code is "+1"; the number after it is whole;
 * - an ordinal street's suffix read as digits ("65 2187 LANE" for "65 21ST LANE"): a number between a
 *   house number and a street suffix is the street's name, and a street named by a number is its
 *   ordinal, so a number whose last two characters are the lookalikes of the ordinal suffix its
 *   number takes ("21" + "87" → "21ST") is that ordinal;
 * - a number's hyphen or parenthesis read as another mark in a face tesseract was not trained on
 *   ("668-152-2738~71", "{937) 555-0182"): the number no longer has its shape, so the account number
 *   loses its last group and the phone number drops out of its list. A mark that is a lookalike of a
 *   number's punctuation (ocr-confusions.ts NUMBER_MARK_LOOKALIKES) is that punctuation when the word
 *   then is a whole phone number or date, an area code in parentheses, or groups of digits joined by
 *   hyphens with the mark between two digits;
 * - a Y read as a yen sign ("¥." in a "Port?" column of Y and N): a yen sign stands before an amount,
 *   never alone, so one alone (no amount after it) is the letter it looks like.
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
    const marks = numberMarksAsRead(w.text);
    if (marks) return { ...w, text: marks };
    const yen = LONE_YEN.exec(w.text);
    if (yen && !/^[\d.,]/.test(nextOnLine(words, i, 1)?.text ?? '')) return { ...w, text: `Y${yen[1]}` };
    // (a form's State and ZIP columns stand apart: the ZIP is the next word however far)
    const zip = nextOnLine(words, i, COLUMN_GAP)?.text ?? '';
    // (a sentence mark may follow the ZIP)
    if (ZIP_WORD.test(zip.replace(/[.,;]$/, ''))) {
      const state = stateBeforeZip(w.text) ?? stateOfZipMisread(w, zip);
      if (state) return { ...w, text: state };
    }
    if (PLUS_ONE_MISREAD.test(w.text) && w.conf < UNSURE_STATE_CONF && phoneAfter(words, i))
      return { ...w, text: '+1' };
    const ordinal = ordinalStreet(words, i);
    return ordinal ? { ...w, text: ordinal } : w;
  });
}

/** A yen sign alone, maybe with a sentence mark after it. */
const LONE_YEN = /^¥([.,]?)$/;

/** An area code in parentheses, maybe the rest of its number glued after it. */
const AREA_CODE = /^\(\d{3}\)(?:\d{3}-\d{4})?$/;
/** Groups of digits joined by hyphens (an account number printed in groups). */
const DASHED_GROUPS = /^\d{2,}(?:-\d+)+$/;

/**
 * The word with the marks read for a number's punctuation read as that punctuation ("668-152-2738~71"
 * → "668-152-2738-71", "{937)" → "(937)"), when it then has a number's shape and had none; else null.
 * A tilde is a hyphen only between two digits (before a number it is a speck: SPECKS_BEFORE).
 */
function numberMarksAsRead(text: string): string | null {
  const m = /^(.*?)([.,;]?)$/.exec(text)!;
  const body = m[1]!;
  if (!/^[\d()~{}[\]./-]+$/.test(body) || !/[~{}[\]]/.test(body)) return null;
  if (/~/.test(body) && !/\d~\d/.test(body)) return null;
  const read = [...body].map((c) => NUMBER_MARK_LOOKALIKES[c] ?? c).join('');
  const whole = numberShape(read) === WHOLE_NUMBER && numberShape(body) < WHOLE_NUMBER;
  return whole || AREA_CODE.test(read) || DASHED_GROUPS.test(read) ? read + m[2]! : null;
}

/** "+1" with its plus read as a 4 (or a 4 and a mark). */
const PLUS_ONE_MISREAD = /^[4#]\+?1$/;

/**
 * Whether the words after word i, each a word space or less from the last, are a whole phone number
 * (in one word or in its groups: "907 555 0137", "(907) 555-0137").
 */
function phoneAfter(words: RawWord[], i: number): boolean {
  let text = '';
  for (let j = i; j < i + 3; j++) {
    const next = nextOnLine(words, j, 1);
    if (!next || !/^[\d().-]+$/.test(next.text)) return false;
    text += (text ? ' ' : '') + next.text;
    if (/^\(?[2-9]\d{2}\)?[ .-]?[2-9]\d{2}[ .-]?\d{4}$/.test(text)) return true;
  }
  return false;
}

/** Under this confidence (0..100) a word before a ZIP may be its state misread. */
const UNSURE_STATE_CONF = 90;

/**
 * The state the ZIP lies in, when the unsure word before it is no state code but that code with one
 * letter read twice ("SDD") or one letter read as another ("SO", "5D"): two or three capitals (or
 * their lookalikes), maybe a sentence mark after them; null otherwise.
 */
function stateOfZipMisread(w: RawWord, zip: string): string | null {
  const m = /^([A-Z0-9|!]{2,3})([.,]?)$/.exec(w.text);
  if (!m || w.conf >= UNSURE_STATE_CONF || !/[A-Z]/.test(m[1]!)) return null;
  const read = [...m[1]!].map((c) => STATE_LOOKALIKES[c] ?? c).join('');
  if (STATE_CODES.has(read)) return null;
  const state = zipPlace(zip.slice(0, 5))?.state;
  if (!state) return null;
  const twice = read.length === 3 && (read === state[0] + state || read === state + state[1]);
  const slip = read.length === 2 && (read[0] === state[0] || read[1] === state[1]);
  return twice || slip ? state + m[2]! : null;
}

/** The ordinal suffix of a number: 1ST, 2ND, 3RD, 4TH, 11TH, 21ST… */
function ordinalSuffix(n: number): string {
  const teen = n % 100 >= 11 && n % 100 <= 13;
  return teen ? 'TH' : (['TH', 'ST', 'ND', 'RD'][n % 10] ?? 'TH');
}

/** Digits OCR reads the letters of an ordinal's suffix as. */
const SUFFIX_LOOKALIKES: Readonly<Record<string, string>> = { '8': 'S', '5': 'S', '7': 'T', '0': 'D' };

/**
 * Word i as the ordinal street name it was printed as ("2187" → "21ST", "3R0" → "3RD"), when it
 * stands between a house number (maybe a directional between them) and a street suffix and ends in
 * the lookalikes of its number's ordinal suffix; null otherwise. The suffix takes the case of a letter
 * read in it, else of the street suffix after it ("2187 Lane" → "21st").
 */
function ordinalStreet(words: RawWord[], i: number): string | null {
  const w = words[i]!;
  const m = /^(\d{1,3})([0-9A-Za-z]{2})$/.exec(w.text);
  if (!m || w.conf >= UNSURE_STATE_CONF || /^[A-Za-z]{2}$/.test(m[2]!)) return null;
  const suffix = ordinalSuffix(Number(m[1]));
  const read = [...m[2]!.toUpperCase()].map((c) => SUFFIX_LOOKALIKES[c] ?? c).join('');
  if (read !== suffix) return null;
  const next = nextOnLine(words, i)?.text.replace(/[.,]+$/, '');
  if (!next || !STREET_SUFFIXES.has(next.toUpperCase())) return null;
  // the house number before it, or a directional between them ("1200 W 2187 ST")
  const before = i > 0 && nextOnLine(words, i - 1) === w ? words[i - 1]! : undefined;
  const house = (o: RawWord | undefined) => !!o && /^\d+[A-Z]?$/.test(o.text);
  const dir = before && /^[NSEW]{1,2}\.?$/.test(before.text);
  const beforeDir = dir && i > 1 && nextOnLine(words, i - 2) === before ? words[i - 2] : undefined;
  if (!house(before) && !house(beforeDir)) return null;
  // (in the case of a letter read in it, else of the street suffix)
  const lower = /[A-Za-z]/.test(m[2]!) ? /[a-z]/.test(m[2]!) : /[a-z]/.test(next);
  return m[1]! + (lower ? suffix.toLowerCase() : suffix);
}

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
