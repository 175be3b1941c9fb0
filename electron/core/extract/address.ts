import type { ServiceAddress } from '../../../shared/domain/document.js';
import { isPoBox, parseAddress } from '../../../shared/normalize/address.js';
import { STATE_BY_FORM, UNIT_DESIGNATORS } from '../../../shared/normalize/usps.js';
import type { Tok } from './layout.js';
import { fixDigits, squash } from './text.js';
import { digitFixToken, tokText } from './values.js';

/**
 * Reading a printed address (the lines under or beside an address label) into the parts carriers
 * exchange, keeping each part as printed. Recognition of states and unit designators comes from the
 * USPS tables in shared/normalize; the split into street / unit / city is done here because the
 * extractor must keep the document's own spelling (the comparison normalises later).
 */
export interface AddrLine { toks: Tok[] }

export interface AddrResult {
  value: ServiceAddress;
  toks: Tok[];
  quality: number;
  /** lines above the street line (a name, "Attn: …") */
  nameLines: Tok[][];
  /** index of the city/state/ZIP line in the input */
  lastLine: number;
}

const RANGE_UNITS = [...UNIT_DESIGNATORS.entries()].filter(([k, d]) => d.range && k !== '#' && !['NO', 'NUM', 'NUMBER', 'KEY', 'STOP', 'PIER', 'SLIP', 'LOT'].includes(k)).map(([k]) => k);
const UNIT_WORDS = `(?:${RANGE_UNITS.sort((a, b) => b.length - a.length).join('|')})`;
const UNIT_VALUE = '#?\\s?(?=[A-Za-z0-9-]*\\d|[A-Za-z](?![A-Za-z]))[A-Za-z0-9][A-Za-z0-9-]*';
const UNIT_TEXT = `(?:\\b${UNIT_WORDS}\\.?\\s?${UNIT_VALUE}|#\\s?[A-Za-z0-9][A-Za-z0-9-]*|\\b\\d{1,3}(?:st|nd|rd|th)\\s(?:floor|fl)\\.?)`;
const TRAILING_UNIT = new RegExp(`^(.*?[^\\s,])\\s*,?\\s+(${UNIT_TEXT})\\s*$`, 'i');
const UNIT_ONLY = new RegExp(`^(${UNIT_TEXT})$`, 'i');
const HOUSE_START = /^(\d+[A-Za-z]?(-\d+)?|one|two|three|four|five|six|seven|eight|nine|ten)\b/i;

const STATE_OCR: Record<string, string> = { '1': 'I', '0': 'O', '5': 'S', '8': 'B', '4': 'A', '|': 'I', '6': 'G', '2': 'Z' };

function stateCode(words: string[]): string | null {
  const form = words.join(' ').toUpperCase().replace(/[.,]/g, '').trim();
  if (!form) return null;
  const code = STATE_BY_FORM.get(form);
  if (code) return code;
  if (words.length === 1 && form.length === 2 && /[0-9|]/.test(form)) return STATE_BY_FORM.get(form.replace(/[0-9|]/g, (c) => STATE_OCR[c] ?? c)) ?? null;
  return null;
}

const UNIT_LOOKALIKE = new RegExp(`(\\b${UNIT_WORDS}\\.?\\s?#?\\s?)([il|])(?=[0-9]|[A-Z]\\b)`, 'i');

/** OCR lookalikes at the edges of a house number or box number ("857O", "B120", "S97"). */
function fixNumberEdges(s: string): string {
  return s.replace(/^([OoIlSB|]?)(\d{2,})([OoIl|]?)(?=\s|,|$)/, (m, a: string, d: string, b: string) => (a || b ? digitFixToken(m) : m))
    .replace(/\b(BOX\s+)([OoIlSB|])(\d{2,})\b/i, (_m, box: string, a: string, d: string) => box + digitFixToken(a + d));
}

export function splitUnit(street: string): { street: string; unit: string } {
  // "APT iC" (OCR for "APT 1C"); "PI" is OCR for the suffix "Pl" (Place), never a suffix itself
  const s = fixNumberEdges(squash(street).replace(/,\s*$/, '').replace(UNIT_LOOKALIKE, '$11')).replace(/(?<=\s)P[I|]\.?(?=,|\s|$)/, (m) => m.replace(/[I|]/, 'l'));
  const m = TRAILING_UNIT.exec(s);
  // the street must keep more than a house number ("123 #4" is not a street and a unit)
  if (m && /[A-Za-z]{2}/.test(m[1]!)) return { street: m[1]!.replace(/,\s*$/, ''), unit: fixUnitValue(m[2]!) };
  return { street: s, unit: '' };
}

/** OCR reads "1C" as "iC", "10B" as "lOB": lookalikes at the start of a unit value next to digits/capitals. */
function fixUnitValue(unit: string): string {
  return unit.replace(/(\s#?|#)([il|I])(?=[0-9]|[A-Z](?![a-z]))/, '$11').replace(/(?<=\d)O|O(?=\d)/g, '0')
    .replace(/(\s#?|#)([SBZ])(?=\d{2})/, (_m, pre: string, c: string) => pre + (c === 'S' ? '5' : c === 'B' ? '8' : '2'));
}

export function isUnitOnly(text: string): boolean {
  return UNIT_ONLY.test(squash(text).replace(/,$/, ''));
}

interface CityStateZip { cityPart: string; state: string; zip5: string; zip4: string; quality: number }

/** "Springfield, IL 62704-1234" at the end of a line (the city part may hold the whole address). */
export function cityStateZip(text: string): CityStateZip | null {
  const t = squash(text).replace(/[\s,]*\b(USA|U\.S\.A\.?|United States( of America)?)\.?$/i, '')
    // OCR: "Rochester,NY", a ZIP split in two ("4028 1", "14682-834 5")
    .replace(/,(?=[A-Za-z])/g, ', ')
    // "LAKEWOOD / OH / 44107": a table cell with slashes between city, state and ZIP
    .replace(/^([^/]*[A-Za-z][^/]*?)\s*\/\s*([A-Za-z][A-Za-z .]{1,20}?)\s*\/\s*(\d{5}(?:-\d{4})?)$/, '$1, $2 $3')
    .replace(/\b(\d{5}-\d{1,3}) (\d{1,3})$/, (m, a: string, b: string) => (a.length + b.length === 10 ? a + b : m))
    .replace(/(?<=[A-Za-z.,]\s)(\d{1,4}) (\d{1,4})$/, (m, a: string, b: string) => (a.length + b.length === 5 ? a + b : m));
  const zm = /^(.*?)[\s,.]*\b(\d{5})(?:\s?-\s?(\d{4})|\s(\d{4}))?\s*$/.exec(t);
  const before = zm ? zm[1]! : t;
  const words = before.split(/\s+/).filter(Boolean);
  let best: { n: number; code: string; comma: boolean } | null = null;
  for (let n = 1; n <= 3 && n <= words.length; n++) {
    const code = stateCode(words.slice(words.length - n));
    if (!code) continue;
    const prev = words[words.length - n - 1] ?? '';
    const comma = /,$/.test(prev) || (n === 1 && /^[A-Z]{2}$/.test(words[words.length - 1]!.replace(/[.,]/g, '')));
    if (!best || (comma && !best.comma)) best = { n, code, comma };
  }
  if (!best) return null;
  const cityPart = words.slice(0, words.length - best.n).join(' ').replace(/[\s,]+$/, '');
  if (!zm) {
    // without a ZIP only "City, ST" is trusted (not "Acme Repair, Co.")
    const stateWord = words[words.length - 1]!;
    if (!/,/.test(before) || !cityPart || best.n !== 1 || !/^[A-Z]{2}$/.test(stateWord) || cityPart.split(/\s+/).length > 3) return null;
    return { cityPart, state: best.code, zip5: '', zip4: '', quality: 0.6 };
  }
  return { cityPart, state: best.code, zip5: zm[2]!, zip4: zm[3] ?? zm[4] ?? '', quality: 1 };
}

/** Lookalikes are fixed inside digit runs only ("l420" stays a question, "17B" stays 17B); the ZIP gets a full fix. */
function lineText(toks: Tok[]): string {
  const words = tokText(toks, 'inner').text.split(' ');
  for (let i = Math.max(0, words.length - 2); i < words.length; i++) {
    const w = words[i]!;
    if (/^[\dOoIlSB|Z]{5}(-?[\dOoIlSB|Z]{4})?$/.test(w) && (w.match(/\d/g) ?? []).length >= 2) words[i] = fixDigits(w);
  }
  return words.join(' ');
}

function stripTrailing(s: string): string {
  return s.replace(/[\s,;]+$/, '').trim();
}

/** Split a one-line "123 Main St Ste 4 Springfield" (no commas) into street and city. */
function splitStreetCity(cityPart: string, state: string, zip: string): { street: string; city: string } {
  const parsed = parseAddress(`${cityPart} ${state} ${zip}`);
  const words = cityPart.split(/\s+/);
  if (parsed.city) {
    const target = parsed.city.replace(/[^A-Z0-9]/g, '');
    for (let k = 1; k <= Math.min(4, words.length - 1); k++) {
      const tail = words.slice(words.length - k).join('').toUpperCase().replace(/[^A-Z0-9]/g, '');
      if (tail === target) return { street: words.slice(0, words.length - k).join(' '), city: words.slice(words.length - k).join(' ') };
    }
  }
  return { street: words.slice(0, -1).join(' '), city: words.at(-1) ?? '' };
}

/**
 * Read an address from consecutive lines: finds the city/state/ZIP line among the first few,
 * the street (and a unit line) above it, and keeps what is above that as name lines.
 */
export function readAddress(lines: Tok[][], opts: { maxLines?: number } = {}): AddrResult | null {
  const max = Math.min(lines.length, opts.maxLines ?? 6);
  const found = Array.from({ length: max }, (_, i) => cityStateZip(lineText(lines[i]!)));
  // a line with a ZIP beats a "City, ST" line without one
  const order = [...found.keys()].filter((i) => found[i]?.zip5).concat([...found.keys()].filter((i) => found[i] && !found[i]!.zip5));
  for (const i of order) {
    const csz = found[i]!;
    let street = '';
    let unit = '';
    let city = csz.cityPart;
    let first = i;
    if (city.includes(',')) {
      const pieces = city.split(',').map((p) => p.trim()).filter(Boolean);
      city = pieces.pop() ?? '';
      // "123 Main St, Suite 4" or "123 Main St Suite 4"
      const rest = pieces;
      const unitPiece = rest.length > 1 && isUnitOnly(rest[rest.length - 1]!) ? rest.pop()! : '';
      const s = splitUnit(rest.join(', '));
      street = s.street;
      unit = unitPiece || s.unit;
      if (!street && i > 0) ({ street, unit, first } = streetAbove(lines, i, unit));
    } else if (HOUSE_START.test(city) && /\s/.test(city) && /\d/.test(city.split(/\s+/)[0]!)) {
      const sc = splitStreetCity(city, csz.state, csz.zip5);
      const s = splitUnit(sc.street);
      street = s.street;
      unit = s.unit;
      city = sc.city;
    } else if (i > 0) {
      ({ street, unit, first } = streetAbove(lines, i, ''));
    }
    city = stripTrailing(city).replace(/^[,.\s]+/, '');
    if (!city && !street) continue;
    const used = lines.slice(first, i + 1).flat();
    let quality = 0.3 + 0.25 * csz.quality + (city ? 0.1 : 0);
    if (street && (HOUSE_START.test(street) || isPoBox(street))) quality += 0.3;
    else if (street) quality += 0.1;
    return {
      value: { street_line: stripTrailing(street), unit: stripTrailing(unit), city, state: csz.state, zip5: csz.zip5, zip4: csz.zip4 },
      toks: used, quality: Math.min(1, quality), nameLines: lines.slice(0, first), lastLine: i,
    };
  }
  return null;
}

function streetAbove(lines: Tok[][], i: number, unitIn: string): { street: string; unit: string; first: number } {
  let j = i - 1;
  let unit = unitIn;
  const text = (k: number) => stripTrailing(lineText(lines[k]!));
  if (j >= 0 && isUnitOnly(text(j)) && j - 1 >= 0) {
    unit = text(j);
    j--;
  }
  if (j < 0) return { street: '', unit, first: i };
  const t = text(j);
  if (HOUSE_START.test(t) || isPoBox(t) || /\b(st|street|ave|avenue|rd|road|blvd|dr|drive|ln|lane|way|hwy|pkwy|ct|pl|sq|cir)\.?\b/i.test(t)) {
    // the street line may also carry a name before it on one line? no: keep it whole
    const s = splitUnit(t);
    return { street: s.street, unit: unit || s.unit, first: j };
  }
  return { street: '', unit, first: i };
}
