/**
 * Service addresses as carriers exchange them: parts, standardised per USPS Publication 28.
 * `parseAddress` accepts free text (one or several lines), the extractor's `ServiceAddress` or the
 * case's street/unit/city/state/zip columns; `compareAddresses` says which differences are only of
 * form (Street/ST, North/N, Suite/STE/#, state name/code, ZIP+4 on one side) and which would make the
 * losing carrier reject the port (house number, street name, unit, city, 5-digit ZIP…).
 */
import { foldAscii, ordinalKey, ordinalWordsToNumbers, cardinalWordValue, squashSpaces } from './text.js';
import {
  COMMON_SUFFIX_ABBRS,
  DIRECTIONALS,
  MAX_STATE_WORDS,
  STATE_BY_FORM,
  STATE_CODES,
  STREET_SUFFIXES,
  UNIT_DESIGNATORS,
} from './usps.js';

export interface AddressUnit {
  /** C2 standard abbreviation ("STE", "APT", "FL") or "#" when none was written */
  designator: string;
  value: string;
}

export interface AddressParts {
  house_number: string;
  predirectional: string;
  street_name: string;
  /** Pub 28 standard abbreviation, e.g. "ST" */
  suffix: string;
  postdirectional: string;
  /** the most specific unit ("STE 200" of "BLDG 2 STE 200") */
  unit_designator: string;
  unit: string;
  /** further units, outermost first ("BLDG 2") */
  extra_units: AddressUnit[];
  city: string;
  /** two-letter code when recognised, else the cleaned text */
  state: string;
  zip5: string;
  zip4: string;
  /** box number when the street line is a PO box (never a valid service address) */
  po_box: string | null;
  /** the input as one squashed line, for display */
  raw: string;
  /** things the parser had to assume, shown to the specialist */
  notes: string[];
}

/** Case columns or the extractor's ServiceAddress; any part may be missing or empty. */
export interface AddressInput {
  street_line?: string;
  street?: string;
  unit?: string;
  city?: string;
  state?: string;
  zip?: string;
  zip5?: string;
  zip4?: string;
}

/**
 * Short upper-case tags that start the address lines of fixed-width (mainframe) CSRs: SA service
 * address, LA listed/location address, SLA, LOC, ADDR, BA billing address… They label a line and
 * are never a part of the address. One list for the extractor and the comparison.
 */
export const ADDRESS_LINE_TAGS: ReadonlySet<string> = new Set([
  'SA',
  'SAD',
  'SADR',
  'SADDR',
  'SLA',
  'LA',
  'LOC',
  'LOCN',
  'ADDR',
  'ADR',
  'SVC',
  'SVCADDR',
  'SRVADDR',
  'PREM',
  'BA',
  'BADR',
  'BADDR',
  'BLA',
  'STR',
  'STREET',
  'ADDRESS',
]);
/** A ZIP code as one word: five digits, or ZIP+4 with its hyphen ("94107", "94107-1234"); groups: the five, the four. */
export const ZIP_WORD = /^(\d{5})(?:-(\d{4}))?$/;
/**
 * The same with the +4's hyphen lost or left dangling ("941071234", "94107-"), as a form's ZIP box or an
 * OCR'd cell prints it; groups: the five, the four.
 */
export const ZIP_WORD_LOOSE = /^(\d{5})-?(\d{4})?$/;

/** Tags and labels that can start a city/state/ZIP line: CTY, CSZ, "ZIP Code". */
export const CITY_LINE_TAGS: ReadonlySet<string> = new Set(['CTY', 'CSZ', 'ZIP', 'ZIPCODE', 'CODE', 'POSTAL']);

/**
 * Second words of "Saint …" cities: "… BROADWAY ST LOUIS" ends with the city St. Louis, not with
 * the street type ST and a city "Louis".
 */
const SAINT_CITY_WORDS: ReadonlySet<string> = new Set([
  'LOUIS',
  'PAUL',
  'PETERSBURG',
  'CHARLES',
  'CLOUD',
  'AUGUSTINE',
  'GEORGE',
  'JOSEPH',
  'JOHNS',
  'JOHNSBURY',
  'CLAIR',
  'ALBANS',
  'MARYS',
  'HELENA',
  'JAMES',
  'MARTINVILLE',
  'MATTHEWS',
  'ANTHONY',
  'SIMONS',
  'IGNACE',
  'CROIX',
  'ROSE',
  'LUCIE',
  'HELENS',
  'PETERS',
  'LEONARD',
  'FRANCIS',
  'MICHAEL',
  'BERNARD',
  'ANN',
  'JOHN',
  'MARTIN',
  'ROBERT',
]);

const COUNTRY_WORDS = new Set(['USA', 'US', 'U S A', 'UNITED STATES', 'UNITED STATES OF AMERICA', 'AMERICA']);

/** Upper case, no accents, dots and apostrophes dropped (kept between digits), "#" split off. */
function cleanText(raw: string): string {
  return foldAscii(raw)
    .toUpperCase()
    .replace(/(\d)\.(\d)/g, '$1\u0000$2')
    .replace(/[.']/g, '')
    .replace(/\u0000/g, '.')
    .replace(/#/g, ' # ')
    .replace(/[;:]/g, ' ')
    .replace(/[ \t]+/g, ' ');
}

function tokens(text: string): string[] {
  return text.split(/[\s,]+/).filter(Boolean);
}

export function emptyAddress(raw = ''): AddressParts {
  return {
    house_number: '',
    predirectional: '',
    street_name: '',
    suffix: '',
    postdirectional: '',
    unit_designator: '',
    unit: '',
    extra_units: [],
    city: '',
    state: '',
    zip5: '',
    zip4: '',
    po_box: null,
    raw,
    notes: [],
  };
}

/** A ZIP+4's tail whose last four are not four digits (OCR's lookalikes, a digit lost): at least one digit left. */
const DAMAGED_PLUS4_TAIL = String.raw`\s*-\s*(?=[A-Z|]*\d)[0-9A-Z|]{1,4}$`;
const DAMAGED_PLUS4 = new RegExp(String.raw`^(\d{5})${DAMAGED_PLUS4_TAIL}`, 'i');
/** …at the end of a free-text address ("Springfield IL 62704-l234"). */
const LINE_END_DAMAGED_PLUS4 = new RegExp(String.raw`(?:^|\s)(\d{5})${DAMAGED_PLUS4_TAIL}`, 'i');

/** "62704", "62704-1234", "627041234", "2134" (a spreadsheet ate the leading zero). */
export function normalizeZip(raw: string): { zip5: string; zip4: string; note?: string } {
  const t = raw.trim();
  const m = /^(\d{5})(?:\s*-\s*(\d{4})|(\d{4}))?$/.exec(t.replace(/\s+(?=\d{4}$)/, '-'));
  if (m) return { zip5: m[1]!, zip4: m[2] ?? m[3] ?? '' };
  if (/^\d{4}$/.test(t)) return { zip5: `0${t}`, zip4: '', note: `ZIP ${t} read as 0${t} (leading zero restored)` };
  const m2 = /^(\d{4})-(\d{4})$/.exec(t);
  if (m2)
    return { zip5: `0${m2[1]}`, zip4: m2[2]!, note: `ZIP ${t} read as 0${m2[1]}-${m2[2]} (leading zero restored)` };
  // carriers match the five digits: a +4 OCR damaged or cut short ("62704-l234", "62704-12") leaves them the ZIP
  const m3 = DAMAGED_PLUS4.exec(t);
  if (m3) return { zip5: m3[1]!, zip4: '', note: `ZIP+4 ${t} read as ${m3[1]} (its last four unreadable)` };
  return { zip5: t.replace(/\s+/g, ''), zip4: '' };
}

/** State name, traditional abbreviation or code ("Illinois", "Ill.", "IL", "D.C.") → code; null if unknown. */
export function normalizeState(raw: string): string | null {
  const t = squashSpaces(cleanText(raw).replace(/[,-]/g, ' '));
  if (!t) return null;
  return STATE_BY_FORM.get(t) ?? STATE_BY_FORM.get(t.replace(/^THE /, '')) ?? null;
}

const PO_BOX =
  /^(?:(?:P\s?O|POST\s+OFFICE|POST|P\s?0)\s*(?:BOX|BX|DRAWER|DRWR)|POB|BOX|BX|POST\s+OFFICE\s+DRAWER|LOCK\s?BOX|LOCKBOX|PMB|PRIVATE\s+MAILBOX)\s*(?:#|NO|NUMBER)?\s*([A-Z0-9-]+)/;

/** "P.O. Box 12", "PO BOX 12", "Post Office Box 12", "POB 12", "Box 12", "PMB 12" → "12"; else null. */
export function poBoxNumber(streetLine: string): string | null {
  const m = PO_BOX.exec(squashSpaces(cleanText(streetLine)));
  return m ? m[1]!.replace(/^#/, '') : null;
}

export function isPoBox(streetLine: string): boolean {
  return poBoxNumber(streetLine) !== null;
}

const HOUSE_NUMBER = /^(?:\d+[A-Z]?|\d+-\d+[A-Z]?|\d+[A-Z]?-[A-Z0-9]+|[NSEW]\d+[NSEW]\d+|\d+\.\d+)$/;
const FRACTION = /^\d\/\d$/;
const ORDINAL_NUMBER = /^\d+(ST|ND|RD|TH)$/;

/** A unit value must look like one ("200", "4B", "B", "2-A"), so "W KEY ST" keeps KEY in the name. */
function looksLikeUnitValue(tok: string | undefined): tok is string {
  if (!tok) return false;
  if (/^[A-Z]$/.test(tok)) return true;
  return /\d/.test(tok) && /^[A-Z0-9][A-Z0-9/-]{0,9}$/.test(tok);
}

/** Suffixes that come before a number ("Route 9", "County Road 5"): a number after them is the name, not a unit. */
const NUMBERED_ROAD = new Set([
  'HWY',
  'RTE',
  'RD',
  'FWY',
  'EXPY',
  'TPKE',
  'PIKE',
  'BYP',
  'SKWY',
  'PKWY',
  'HWY',
  'CIR',
  'WAY',
]);

interface UnitScan {
  units: AddressUnit[];
  start: number;
}

/** Units from `start` to the end: designator [#] value, non-range designators, ordinal floors. */
function scanUnits(t: string[], start: number): AddressUnit[] | null {
  const units: AddressUnit[] = [];
  let i = start;
  while (i < t.length) {
    const tok = t[i]!;
    const next = t[i + 1];
    if ((ORDINAL_NUMBER.test(tok) || ordinalKey(tok) !== tok) && next && UNIT_DESIGNATORS.get(next)?.abbr === 'FL') {
      units.push({ designator: 'FL', value: ordinalKey(tok) });
      i += 2;
      continue;
    }
    const d = UNIT_DESIGNATORS.get(tok);
    if (!d) return null;
    if (!d.range) {
      // "REAR", "BSMT", but "OFFICE 12" is used as a ranged designator too
      if (looksLikeUnitValue(next) && (i + 2 >= t.length || UNIT_DESIGNATORS.has(t[i + 2]!))) {
        units.push({ designator: d.abbr, value: next });
        i += 2;
      } else {
        units.push({ designator: d.abbr, value: '' });
        i += 1;
      }
      continue;
    }
    let j = i + 1;
    // "STE # 200", "SUITE NO 200", "UNIT NUMBER 4"
    if (d.abbr !== '#' && (t[j] === '#' || t[j] === 'NO' || t[j] === 'NUM' || t[j] === 'NUMBER')) j++;
    let value = t[j];
    if (value && ORDINAL_NUMBER.test(value)) value = ordinalKey(value);
    if (!looksLikeUnitValue(value)) return null;
    // "UNIT 4 B" rarely; "STE 200 A" → "200A"
    units.push({ designator: d.abbr, value });
    i = j + 1;
  }
  return units;
}

function findUnits(t: string[]): UnitScan {
  for (let i = 1; i < t.length; i++) {
    const units = scanUnits(t, i);
    if (units && units.length) return { units, start: i };
  }
  // a bare trailing number after the suffix is a unit: "123 MAIN ST 200"
  if (t.length >= 3) {
    const last = t[t.length - 1]!;
    const prev = t[t.length - 2]!;
    const prevSuffix = STREET_SUFFIXES.get(prev)?.abbr;
    if (
      /\d/.test(last) &&
      looksLikeUnitValue(last) &&
      ((prevSuffix && !NUMBERED_ROAD.has(prevSuffix)) || DIRECTIONALS.has(prev))
    ) {
      return { units: [{ designator: '#', value: last }], start: t.length - 1 };
    }
  }
  return { units: [], start: t.length };
}

/** Phrases with a standard short form, applied to street names before tokens are compared. */
const NAME_PHRASES: ReadonlyArray<[RegExp, string]> = [
  [/\b(?:COUNTY (?:ROAD|RD)|CO (?:ROAD|RD))\b/g, 'CR'],
  [/\b(?:STATE (?:ROUTE|RTE)|ST (?:ROUTE|RTE))\b/g, 'SR'],
  [/\b(?:STATE (?:HIGHWAY|HWY)|ST (?:HIGHWAY|HWY))\b/g, 'STATE HWY'],
  [/\b(?:US|U S|UNITED STATES) (?:HIGHWAY|HWY|HIWAY|ROUTE|RTE)\b/g, 'US HWY'],
  [/\b(?:INTERSTATE|INTERSTATE HIGHWAY|INTERSTATE HWY)\b/g, 'I'],
  [/\bFARM TO MARKET(?: ROAD| RD)?\b/g, 'FM'],
  [/\bRANCH TO MARKET(?: ROAD| RD)?\b/g, 'RM'],
  [/\bRURAL ROUTE\b/g, 'RR'],
  [/\bHIGHWAY CONTRACT\b/g, 'HC'],
  [/\bMARTIN LUTHER KING(?: JR)?\b/g, 'MLK'],
];

/** Words that are spelled out or abbreviated inside names (not suffixes): Saint/St, Mount/Mt, Fort/Ft. */
const NAME_WORDS: ReadonlyMap<string, string> = new Map([
  ['SAINT', 'ST'],
  ['STE', 'ST'],
  ['SAINTE', 'ST'],
  ['MOUNT', 'MT'],
  ['MOUNTAIN', 'MTN'],
  ['FORT', 'FT'],
  ['POINT', 'PT'],
  ['PORT', 'PRT'],
  ['DOCTOR', 'DR'],
  ['CAPTAIN', 'CAPT'],
  ['GENERAL', 'GEN'],
  ['PRESIDENT', 'PRES'],
  ['REVEREND', 'REV'],
  ['JUNIOR', 'JR'],
  ['SENIOR', 'SR'],
  ['AND', '&'],
  ['RT', 'RTE'],
  ['HY', 'HWY'],
]);

function canonicalNameTokens(name: string): string[] {
  let text = name.replace(/-/g, ' ');
  for (const [re, to] of NAME_PHRASES) text = text.replace(re, to);
  return ordinalWordsToNumbers(tokens(text));
}

/** Comparison key of a street name: ordinals as numbers, Pub 28 abbreviations, no spaces. */
export function streetNameKey(name: string): { mapped: string; plain: string } {
  const toks = canonicalNameTokens(name);
  const plain = toks.map(ordinalKey).join('');
  const mapped = toks
    .map((t) => {
      const o = ordinalKey(t);
      if (o !== t) return o;
      return NAME_WORDS.get(t) ?? STREET_SUFFIXES.get(t)?.abbr ?? t;
    })
    .join('');
  return { mapped, plain };
}

/** City key: "St. Louis" = "Saint Louis", "N Las Vegas" = "North Las Vegas", "Mc Allen" = "McAllen". */
export function cityKey(city: string): string {
  return ordinalWordsToNumbers(tokens(cleanText(city).replace(/-/g, ' ')))
    .map((t) => NAME_WORDS.get(t) ?? DIRECTIONALS.get(t) ?? STREET_SUFFIXES.get(t)?.abbr ?? CITY_WORDS.get(t) ?? t)
    .join('');
}

const CITY_WORDS: ReadonlyMap<string, string> = new Map([
  ['TOWNSHIP', 'TWP'],
  ['TWNSHP', 'TWP'],
  ['CITY', 'CY'],
  ['CTY', 'CY'],
  ['JUNCTION', 'JCT'],
]);

/** Parse the street line (may carry units) into parts. */
function parseStreetLine(line: string, into: AddressParts): void {
  const text = squashSpaces(cleanText(line));
  if (!text) return;
  const box = poBoxNumber(text);
  if (box !== null) {
    into.po_box = box;
    return;
  }
  let t = tokens(text).filter((x) => x !== ',');
  // a unit written before the street: "Suite 200 123 Main St"
  const leadUnit = UNIT_DESIGNATORS.get(t[0] ?? '');
  if (leadUnit && leadUnit.range && looksLikeUnitValue(t[1]) && t[2] && HOUSE_NUMBER.test(t[2])) {
    into.extra_units.push({ designator: leadUnit.abbr, value: t[1]! });
    t = t.slice(2);
  }
  const first = t[0];
  if (first && HOUSE_NUMBER.test(first)) {
    into.house_number = first;
    t = t.slice(1);
    if (t[0] && FRACTION.test(t[0])) {
      into.house_number += ` ${t[0]}`;
      t = t.slice(1);
    }
  } else if (first && cardinalWordValue(first) !== undefined && t.length >= 2) {
    into.house_number = String(cardinalWordValue(first));
    into.notes.push(`house number "${first}" read as ${into.house_number}`);
    t = t.slice(1);
  }
  const { units, start } = findUnits(t);
  const unitsAll = [...into.extra_units, ...units];
  const main = unitsAll.pop();
  into.extra_units = unitsAll;
  if (main) {
    into.unit_designator = main.designator;
    into.unit = main.value;
  }
  let rest = t.slice(0, start);
  if (rest.length >= 2 && DIRECTIONALS.has(rest[rest.length - 1]!)) {
    const beforeDir = rest[rest.length - 2]!;
    // "AVENUE N" in Brooklyn keeps N as the name when nothing else is left
    if (rest.length >= 3 || !STREET_SUFFIXES.has(beforeDir)) {
      into.postdirectional = DIRECTIONALS.get(rest[rest.length - 1]!)!;
      rest = rest.slice(0, -1);
    }
  }
  if (rest.length >= 2 && STREET_SUFFIXES.has(rest[rest.length - 1]!)) {
    const last = rest[rest.length - 1]!;
    into.suffix = STREET_SUFFIXES.get(last)!.abbr;
    rest = rest.slice(0, -1);
  }
  if (rest.length >= 2 && DIRECTIONALS.has(rest[0]!)) {
    into.predirectional = DIRECTIONALS.get(rest[0]!)!;
    rest = rest.slice(1);
  }
  into.street_name = ordinalWordsToNumbers(rest).join(' ');
}

/** Split "… MAIN ST SPRINGFIELD" (no comma) into street and city at the end of the street part. */
function splitStreetAndCity(words: string[]): { street: string[]; city: string[] } {
  if (words.length < 3) return { street: words, city: [] };
  const { units, start } = findUnitsAnywhere(words);
  if (units) return units;
  // the first common suffix after at least one name word ends the street; else any C1 suffix
  for (const pick of [
    (w: string) => COMMON_SUFFIX_ABBRS.has(STREET_SUFFIXES.get(w)?.abbr ?? ''),
    (w: string) => STREET_SUFFIXES.has(w),
  ]) {
    for (let i = start + 1; i < words.length - 1; i++) {
      if (pick(words[i]!)) {
        // "… BROADWAY ST LOUIS": ST starts the city when a Saint-city word follows and a name is left
        if ((words[i] === 'ST' || words[i] === 'STE') && SAINT_CITY_WORDS.has(words[i + 1]!) && i > start)
          return { street: words.slice(0, i), city: words.slice(i) };
        let end = i + 1;
        if (DIRECTIONALS.has(words[end]!) && end < words.length - 1) end++;
        return { street: words.slice(0, end), city: words.slice(end) };
      }
    }
  }
  return { street: words, city: [] };
}

/** A unit designator with a value ends the street part: "123 MAIN ST STE 200 SPRINGFIELD". */
function findUnitsAnywhere(words: string[]): { units: { street: string[]; city: string[] } | null; start: number } {
  const start = words[0] && HOUSE_NUMBER.test(words[0]) ? 1 : 0;
  for (let i = start + 1; i < words.length - 1; i++) {
    const d = UNIT_DESIGNATORS.get(words[i]!);
    if (!d || !d.range) continue;
    let j = i + 1;
    if (words[j] === '#') j++;
    if (looksLikeUnitValue(words[j]) && j < words.length - 1)
      return { units: { street: words.slice(0, j + 1), city: words.slice(j + 1) }, start };
  }
  return { units: null, start };
}

function takeStateFromEnd(words: string[]): { code: string; rest: string[] } | null {
  for (let n = Math.min(MAX_STATE_WORDS, words.length); n >= 1; n--) {
    const form = words.slice(words.length - n).join(' ');
    const code = STATE_BY_FORM.get(form);
    if (code) return { code, rest: words.slice(0, words.length - n) };
  }
  return null;
}

/** "SA 88 PINE ST" → "88 PINE ST", "CTY BOISE ID 83702" → "BOISE ID 83702", "ZIP CODE 83702" → "83702". */
function stripSegmentTag(seg: string): string {
  const t = tokens(seg);
  if (
    t.length >= 2 &&
    ADDRESS_LINE_TAGS.has(t[0]!) &&
    (/^\d/.test(t[1]!) || UNIT_DESIGNATORS.has(t[1]!) || t[1] === 'CTY')
  )
    return stripSegmentTag(t.slice(1).join(' '));
  let k = 0;
  while (k < t.length - 1 && CITY_LINE_TAGS.has(t[k]!)) k++;
  return k ? t.slice(k).join(' ') : seg;
}

/** Free text, one line or several: "123 N Main St Ste 200\nSpringfield, IL 62704-1234". */
function parseFreeText(raw: string): AddressParts {
  const out = emptyAddress(squashSpaces(raw.replace(/\n/g, ', ')));
  let segments = cleanText(raw)
    .split(/[\n,]+/)
    .map((s) => stripSegmentTag(squashSpaces(s.replace(/-+$/, ''))))
    .filter(Boolean);
  while (segments.length && COUNTRY_WORDS.has(segments[segments.length - 1]!)) segments.pop();
  if (!segments.length) return out;

  // ZIP at the very end
  let last = segments[segments.length - 1]!;
  // …its +4 damaged by OCR ("62704-l234") still gives the five digits carriers match
  const zm = /(?:^|\s)(\d{5})(?:\s*-\s*(\d{4})|(\d{4}))?$/.exec(last) ?? LINE_END_DAMAGED_PLUS4.exec(last);
  // a ZIP that lost its leading zero in a spreadsheet ("BOSTON MA 2108") counts only right after a state
  const z4 = zm ? null : /(?:^|\s)(\d{4})(?:\s*-\s*(\d{4}))?$/.exec(last);
  const before = z4 ? tokens(last.slice(0, z4.index)) : [];
  if (zm) {
    out.zip5 = zm[1]!;
    out.zip4 = zm[2] ?? zm[3] ?? '';
    last = last.slice(0, zm.index).trim();
    if (last) segments[segments.length - 1] = last;
    else segments.pop();
  } else if (z4 && before.length && STATE_BY_FORM.has(before[before.length - 1]!)) {
    out.zip5 = `0${z4[1]}`;
    out.zip4 = z4[2] ?? '';
    out.notes.push(`ZIP ${z4[1]} read as 0${z4[1]} (leading zero restored)`);
    last = last.slice(0, z4.index).trim();
    segments[segments.length - 1] = last;
  }

  // State: prefer a match that leaves a city in the same segment ("WASHINGTON DC" → city WASHINGTON)
  let cityWords: string[] | null = null;
  if (segments.length) {
    const words = tokens(segments[segments.length - 1]!);
    let found: { code: string; rest: string[] } | null = null;
    for (let n = Math.min(MAX_STATE_WORDS, words.length - 1); n >= 1; n--) {
      const code = STATE_BY_FORM.get(words.slice(words.length - n).join(' '));
      if (code) {
        found = { code, rest: words.slice(0, words.length - n) };
        break;
      }
    }
    if (!found && segments.length > 1) {
      const whole = takeStateFromEnd(words);
      if (whole && whole.rest.length === 0) found = whole;
    }
    if (found) {
      out.state = found.code;
      segments.pop();
      if (found.rest.length) cityWords = found.rest;
    }
  }

  // Recipient lines before the street ("ACME LLC", "ATTN …") are not part of the address
  const streetIdx = segments.findIndex(
    (s) =>
      /^\d/.test(s) ||
      isPoBox(s) ||
      /^[NSEW]\d+[NSEW]\d+/.test(s) ||
      /^(?:ONE|TWO|THREE|FOUR|FIVE|SIX|SEVEN|EIGHT|NINE|TEN) /.test(s),
  );
  if (streetIdx > 0) {
    // a unit line above the street ("Suite 200\n123 Main St") is kept; names and "Attn" lines are not
    const unitLines = segments.slice(0, streetIdx).filter((seg) => {
      const t = tokens(seg);
      return UNIT_DESIGNATORS.has(t[0] ?? '') && scanUnits(t, 0) !== null;
    });
    segments = [segments[streetIdx]!, ...unitLines, ...segments.slice(streetIdx + 1)];
  }

  if (cityWords === null) {
    if (segments.length >= 2) cityWords = tokens(segments.pop()!);
    else if (segments.length === 1) {
      const split = splitStreetAndCity(tokens(segments[0]!));
      segments[0] = split.street.join(' ');
      cityWords = split.city;
    }
  } else if (segments.length === 0) {
    // only "CITY STATE ZIP" was given
  } else if (
    segments.length >= 1 &&
    !out.city &&
    segments.length === 1 &&
    cityWords.length &&
    /^\d/.test(cityWords[0]!)
  ) {
    // "123 Main St Springfield IL 62704": the street shares the segment with the city
    const split = splitStreetAndCity(cityWords);
    segments.push(split.street.join(' '));
    cityWords = split.city;
  }
  if (
    segments.length === 0 &&
    cityWords &&
    cityWords.length &&
    (/^\d/.test(cityWords[0]!) || isPoBox(cityWords.join(' ')))
  ) {
    const split = splitStreetAndCity(cityWords);
    segments.push(split.street.join(' '));
    cityWords = split.city;
  }
  out.city = (cityWords ?? []).join(' ');
  parseStreetLine(segments.join(' '), out);
  return out;
}

/** Structured input: the street line may still carry the unit, city/state/zip are separate. */
function parseStructured(a: AddressInput): AddressParts {
  const street = a.street_line ?? a.street ?? '';
  const unitRaw = squashSpaces(a.unit ?? '');
  const zipRaw = a.zip5 ?? a.zip ?? '';
  const hasSeparateParts = !!(a.city || a.state || zipRaw);
  if (!hasSeparateParts) return parseFreeText(unitRaw ? `${street}, ${unitRaw}` : street);
  // "Springfield, IL 62704" left whole in the city field: read the whole thing as text
  if (!a.state && !zipRaw && a.city)
    return parseFreeText([street, unitRaw, a.city].filter((x) => x && x.trim()).join(', '));
  const display = [
    street,
    unitRaw,
    a.city,
    [a.state, [zipRaw, a.zip4].filter(Boolean).join('-')].filter(Boolean).join(' '),
  ]
    .map((s) => squashSpaces(s ?? ''))
    .filter(Boolean)
    .join(', ');
  const out = emptyAddress(display);
  let unitText = unitRaw;
  // a bare unit value ("200") gets the "#" designator so the street parser sees it as a unit
  if (
    unitText &&
    !UNIT_DESIGNATORS.has(tokens(cleanText(unitText))[0] ?? '') &&
    !/^\d+(?:ST|ND|RD|TH)\s+FL/i.test(unitText)
  )
    unitText = `# ${unitText}`;
  parseStreetLine(unitText ? `${street} ${unitText}` : street, out);
  out.city = squashSpaces(cleanText(a.city ?? '').replace(/,/g, ' '));
  const stateText = a.state ?? '';
  out.state = normalizeState(stateText) ?? squashSpaces(cleanText(stateText));
  if (zipRaw) {
    const z = normalizeZip(a.zip4 ? `${zipRaw.replace(/-.*$/, '')}-${a.zip4}` : zipRaw);
    out.zip5 = z.zip5;
    out.zip4 = z.zip4;
    if (z.note) out.notes.push(z.note);
  }
  return out;
}

/**
 * The 5-digit ZIP a free-text address ends with, as `parseAddress` reads it, without parsing the
 * rest: null when the end is anything else (a +4 glued or damaged, a country, a trailing dash). A
 * search for one address among many blocks skips the blocks that end with another ZIP unparsed.
 */
export function addressLineZip(text: string): string | null {
  return /(?:^|[\s,])(\d{5})(?:-\d{4})?$/.exec(text.trimEnd())?.[1] ?? null;
}

export function parseAddress(input: string | AddressInput | null | undefined): AddressParts {
  if (input === null || input === undefined) return emptyAddress();
  if (typeof input === 'string') return parseFreeText(input);
  return parseStructured(input);
}

/** USPS-style one line: "123 N MAIN ST STE 200, SPRINGFIELD IL 62704-1234". */
export function formatAddress(p: AddressParts): string {
  const units = [
    ...p.extra_units,
    ...(p.unit || p.unit_designator ? [{ designator: p.unit_designator, value: p.unit }] : []),
  ].map((u) => (u.designator === '#' ? `# ${u.value}` : `${u.designator} ${u.value}`.trim()));
  const street =
    p.po_box !== null
      ? `PO BOX ${p.po_box}`
      : [p.house_number, p.predirectional, p.street_name, p.suffix, p.postdirectional, ...units]
          .filter(Boolean)
          .join(' ');
  const zip = p.zip4 ? `${p.zip5}-${p.zip4}` : p.zip5;
  const tail = [p.state, zip].filter(Boolean).join(' ');
  return [street, p.city, tail].filter(Boolean).join(', ');
}

export function isEmptyAddress(p: AddressParts): boolean {
  return !p.house_number && !p.street_name && !p.city && !p.zip5 && p.po_box === null && !p.unit;
}

// ---------------------------------------------------------------------------------------------
// Comparison

export type PartVerdict = 'match' | 'equivalent' | 'mismatch' | 'missing' | 'info';

/** The parts of a street address, the ones a PO box stands in for. */
const STREET_PART_NAMES = [
  'house_number',
  'predirectional',
  'street_name',
  'suffix',
  'postdirectional',
  'unit',
] as const;
export const ADDRESS_PART_NAMES = [...STREET_PART_NAMES, 'city', 'state', 'zip5', 'zip4'] as const;
export type AddressPartName = (typeof ADDRESS_PART_NAMES)[number];

export interface AddressPartResult {
  part: AddressPartName;
  verdict: PartVerdict;
  reference: string;
  candidate: string;
  reason: string;
}

export interface AddressComparison {
  verdict: 'match' | 'equivalent' | 'mismatch' | 'missing';
  parts: AddressPartResult[];
  /** readable sentences, most important first */
  reasons: string[];
  /** which rejection the carrier would return: location (street/city/unit…) and/or ZIP */
  location_mismatch: boolean;
  postal_code_mismatch: boolean;
}

const PART_LABEL: Record<AddressPartName, string> = {
  house_number: 'house number',
  predirectional: 'directional',
  street_name: 'street name',
  suffix: 'street type',
  postdirectional: 'directional',
  unit: 'unit',
  city: 'city',
  state: 'state',
  zip5: 'ZIP',
  zip4: 'ZIP+4',
};

function unitList(p: AddressParts): AddressUnit[] {
  const all = [...p.extra_units];
  if (p.unit || p.unit_designator) all.push({ designator: p.unit_designator, value: p.unit });
  return all;
}

function unitValueKey(v: string): string {
  return v.replace(/[^A-Z0-9]/g, '').replace(/^0+(?=\d)/, '');
}

/**
 * A floor and a building are places of their own: "Floor 12" is not "Room 12". Suite, apartment,
 * unit, room, office and "#" are used interchangeably for the same door, so only their value counts.
 */
function unitClass(designator: string): string {
  return designator === 'FL' || designator === 'BLDG' ? designator : '';
}

function sameUnits(a: AddressUnit[], b: AddressUnit[]): boolean {
  if (a.length !== b.length) return false;
  const left = [...b];
  for (const u of a) {
    const at = left.findIndex(
      (v) =>
        unitValueKey(v.value) === unitValueKey(u.value) &&
        (unitClass(v.designator) === unitClass(u.designator) || v.designator === '#' || u.designator === '#'),
    );
    if (at < 0) return false;
    left.splice(at, 1);
  }
  return true;
}

function unitText(units: AddressUnit[]): string {
  return units.map((u) => (u.designator === '#' ? `#${u.value}` : `${u.designator} ${u.value}`.trim())).join(' ');
}

function houseKey(h: string): string {
  return h.replace(/[\s-]/g, '');
}

function streetKeys(p: AddressParts): {
  name: { mapped: string; plain: string };
  whole: { mapped: string; plain: string };
} {
  const name = streetNameKey(p.street_name);
  const suffixEntry = p.suffix ? STREET_SUFFIXES.get(p.suffix) : undefined;
  const wholePlain = streetNameKey(`${p.street_name} ${suffixEntry?.primary ?? ''}`).plain;
  const wholeMapped = name.mapped + (p.suffix || '');
  return { name, whole: { mapped: wholeMapped, plain: wholePlain } };
}

const DIRECTION_WORDS: Readonly<Record<string, string>> = {
  N: 'NORTH',
  S: 'SOUTH',
  E: 'EAST',
  W: 'WEST',
  NE: 'NORTHEAST',
  NW: 'NORTHWEST',
  SE: 'SOUTHEAST',
  SW: 'SOUTHWEST',
};

/** The whole street without spaces, directionals abbreviated and spelled out: "SEMILLBLVD", "SOUTHEASTMILLBLVD". */
function joinedStreetKeys(p: AddressParts): Set<string> {
  const key = streetNameKey(p.street_name);
  if (!key.plain) return new Set();
  const spelled = (d: string) => DIRECTION_WORDS[d] ?? d;
  return new Set(
    [key.mapped, key.plain].flatMap((name) => [
      p.predirectional + name + p.suffix + p.postdirectional,
      spelled(p.predirectional) + name + p.suffix + spelled(p.postdirectional),
    ]),
  );
}

/** What the part comparisons of two addresses collect: the rows, the sentences, which rejection. */
interface PartSink {
  push(part: AddressPartName, verdict: PartVerdict, ref: string, cand: string, reason: string): void;
  parts: AddressPartResult[];
  reasons: string[];
  /** a difference of place (street, unit, city…): LOCATION_MISMATCH */
  location: boolean;
  /** a different 5-digit ZIP: POSTAL_CODE_MISMATCH */
  postal: boolean;
}

function partSink(): PartSink {
  const sink: PartSink = {
    parts: [],
    reasons: [],
    location: false,
    postal: false,
    push: (part, verdict, ref, cand, reason) =>
      sink.parts.push({ part, verdict, reference: ref, candidate: cand, reason }),
  };
  return sink;
}

type Pair = { reference: AddressParts; candidate: AddressParts };

function comparePoBoxes({ reference, candidate }: Pair, sink: PartSink): void {
  if (candidate.po_box !== null && reference.po_box !== null) {
    // both are boxes (comparing against a billing address): same box or not
    if (unitValueKey(candidate.po_box) !== unitValueKey(reference.po_box)) {
      sink.push(
        'street_name',
        'mismatch',
        `PO BOX ${reference.po_box}`,
        `PO BOX ${candidate.po_box}`,
        `PO Box ${candidate.po_box} differs from PO Box ${reference.po_box}`,
      );
      sink.location = true;
    } else sink.push('street_name', 'match', `PO BOX ${reference.po_box}`, `PO BOX ${candidate.po_box}`, 'same PO box');
  } else if (candidate.po_box !== null) {
    sink.reasons.push(
      `The address given is PO Box ${candidate.po_box}; a PO box is never a service address — use the street address where the lines are installed${reference.po_box === null && reference.street_name ? ` (the carrier has ${formatAddress(reference)})` : ''}.`,
    );
    sink.location = true;
  }
}

function compareHouseNumbers({ reference, candidate }: Pair, sink: PartSink): void {
  // house number
  const rh = houseKey(reference.house_number);
  const ch = houseKey(candidate.house_number);
  if (rh && ch) {
    if (rh === ch)
      sink.push(
        'house_number',
        reference.house_number === candidate.house_number ? 'match' : 'equivalent',
        reference.house_number,
        candidate.house_number,
        'same house number',
      );
    else {
      sink.push(
        'house_number',
        'mismatch',
        reference.house_number,
        candidate.house_number,
        `house number ${candidate.house_number} differs from ${reference.house_number}`,
      );
      sink.location = true;
    }
  } else if (rh || ch) {
    if (candidate.po_box === null && reference.po_box === null) {
      sink.push(
        'house_number',
        rh ? 'missing' : 'info',
        reference.house_number,
        candidate.house_number,
        rh
          ? `house number ${reference.house_number} is missing`
          : `house number ${candidate.house_number} is not on the carrier record`,
      );
      if (rh) sink.location = true;
    }
  }
}

/** The street name; says how the two streets were found the same (the street type and directionals depend on it). */
function compareStreetNames(
  { reference, candidate }: Pair,
  sink: PartSink,
): { nameSame: boolean; wholeSame: boolean; joinedSame: boolean } {
  // street name (+ suffix as a fallback when the two sides split "Lake View" / "Lakeview" differently)
  const rk = streetKeys(reference);
  const ck = streetKeys(candidate);
  const nameSame = rk.name.mapped === ck.name.mapped || rk.name.plain === ck.name.plain;
  const wholeSame = rk.whole.mapped === ck.whole.mapped || rk.whole.plain === ck.whole.plain;
  // "SOUTHEASTMILL BLVD" / "SE MILL BLVD", "RIDGESQ" / "RIDGE SQ": the same letters, only the spaces differ
  const joinedSame =
    !nameSame && !wholeSame && [...joinedStreetKeys(reference)].some((k) => joinedStreetKeys(candidate).has(k));
  if (reference.street_name || candidate.street_name) {
    if (joinedSame) {
      sink.push(
        'street_name',
        'equivalent',
        reference.street_name,
        candidate.street_name,
        'same street, written with words joined or split differently',
      );
    } else if (nameSame) {
      sink.push(
        'street_name',
        reference.street_name === candidate.street_name ? 'match' : 'equivalent',
        reference.street_name,
        candidate.street_name,
        'same street name',
      );
    } else if (wholeSame) {
      sink.push(
        'street_name',
        'equivalent',
        reference.street_name,
        candidate.street_name,
        'same street, written with the street type joined or split',
      );
    } else if (!candidate.street_name && candidate.po_box !== null) {
      sink.push('street_name', 'mismatch', reference.street_name, '', 'a PO box instead of a street');
    } else if (!candidate.street_name) {
      sink.push('street_name', 'missing', reference.street_name, '', `street name ${reference.street_name} is missing`);
      sink.location = true;
    } else if (!reference.street_name) {
      sink.push(
        'street_name',
        'info',
        '',
        candidate.street_name,
        'the carrier record has no street name to compare with',
      );
    } else {
      sink.push(
        'street_name',
        'mismatch',
        reference.street_name,
        candidate.street_name,
        `street ${candidate.street_name} differs from ${reference.street_name}`,
      );
      sink.location = true;
    }
  }

  return { nameSame, wholeSame, joinedSame };
}

function compareSuffixes(
  { reference, candidate }: Pair,
  sink: PartSink,
  { nameSame, wholeSame }: { nameSame: boolean; wholeSame: boolean },
): void {
  // street type
  if (!wholeSame || !nameSame) {
    if (reference.suffix && candidate.suffix) {
      if (reference.suffix === candidate.suffix)
        sink.push('suffix', 'equivalent', reference.suffix, candidate.suffix, 'same street type (Pub 28 abbreviation)');
      else if (nameSame) {
        sink.push(
          'suffix',
          'mismatch',
          reference.suffix,
          candidate.suffix,
          `street type ${candidate.suffix} differs from ${reference.suffix} (a different street)`,
        );
        sink.location = true;
      }
    } else if (reference.suffix || candidate.suffix) {
      if (nameSame)
        sink.push(
          'suffix',
          'equivalent',
          reference.suffix,
          candidate.suffix,
          `street type ${reference.suffix || candidate.suffix} is written on one side only; use the carrier's form`,
        );
    }
  } else if (reference.suffix || candidate.suffix) {
    sink.push(
      'suffix',
      reference.suffix === candidate.suffix ? 'match' : 'equivalent',
      reference.suffix,
      candidate.suffix,
      'same street type (Pub 28 abbreviation)',
    );
  }
}

function compareDirectionals({ reference, candidate }: Pair, sink: PartSink, joinedSame: boolean): void {
  // directionals: the same direction before or after the name is one street; one missing is not
  const rDirs = [reference.predirectional, reference.postdirectional].filter(Boolean);
  const cDirs = [candidate.predirectional, candidate.postdirectional].filter(Boolean);
  if (joinedSame) {
    // the directional is inside the joined street words on one side
  } else if (rDirs.length || cDirs.length) {
    const same = rDirs.length === cDirs.length && rDirs.every((d) => cDirs.includes(d));
    const rText = rDirs.join('/');
    const cText = cDirs.join('/');
    if (same) {
      const samePlace =
        reference.predirectional === candidate.predirectional &&
        reference.postdirectional === candidate.postdirectional;
      sink.push(
        reference.predirectional || candidate.predirectional ? 'predirectional' : 'postdirectional',
        samePlace ? 'match' : 'equivalent',
        rText,
        cText,
        samePlace ? 'same directional' : 'same directional, written before/after the street name',
      );
    } else {
      const missingSide = !cDirs.length ? 'the carrier record has' : !rDirs.length ? 'only this document has' : '';
      sink.push(
        reference.predirectional || candidate.predirectional ? 'predirectional' : 'postdirectional',
        'mismatch',
        rText,
        cText,
        missingSide
          ? `directional ${rText || cText}: ${missingSide} it (North Main St and Main St can be different streets)`
          : `directional ${cText} differs from ${rText}`,
      );
      sink.location = true;
    }
  }
}

function compareUnits({ reference, candidate }: Pair, sink: PartSink): void {
  // units: compared by value; "Suite 200", "Ste. 200", "#200" and "Unit 200" are one unit
  const rUnits = unitList(reference);
  const cUnits = unitList(candidate);
  if (rUnits.length || cUnits.length) {
    const valuesSame = sameUnits(rUnits, cUnits);
    const rText = unitText(rUnits);
    const cText = unitText(cUnits);
    if (valuesSame) {
      sink.push(
        'unit',
        rText === cText ? 'match' : 'equivalent',
        rText,
        cText,
        rText === cText ? 'same unit' : 'same unit, written with a different designator',
      );
    } else if (!cUnits.length) {
      sink.push('unit', 'missing', rText, '', `unit ${rText} is missing`);
      sink.location = true;
    } else if (!rUnits.length) {
      sink.push('unit', 'mismatch', '', cText, `unit ${cText} is not on the carrier record`);
      sink.location = true;
    } else {
      sink.push('unit', 'mismatch', rText, cText, `unit ${cText} differs from ${rText}`);
      sink.location = true;
    }
  }
}

function compareCities({ reference, candidate }: Pair, sink: PartSink): void {
  // city
  if (reference.city || candidate.city) {
    const rc = cityKey(reference.city);
    const cc = cityKey(candidate.city);
    if (rc && cc && rc === cc)
      sink.push(
        'city',
        reference.city === candidate.city ? 'match' : 'equivalent',
        reference.city,
        candidate.city,
        'same city',
      );
    else if (!cc) {
      sink.push('city', 'missing', reference.city, '', `city ${reference.city} is missing`);
      sink.location = true;
    } else if (!rc) sink.push('city', 'info', '', candidate.city, 'the carrier record has no city to compare with');
    else {
      sink.push(
        'city',
        'mismatch',
        reference.city,
        candidate.city,
        `city ${candidate.city} differs from ${reference.city}`,
      );
      sink.location = true;
    }
  }
}

function compareStates({ reference, candidate }: Pair, sink: PartSink): void {
  // state
  if (reference.state || candidate.state) {
    if (reference.state && candidate.state) {
      if (reference.state === candidate.state)
        sink.push('state', 'match', reference.state, candidate.state, 'same state');
      else {
        sink.push(
          'state',
          'mismatch',
          reference.state,
          candidate.state,
          `state ${candidate.state} differs from ${reference.state}`,
        );
        sink.location = true;
      }
    } else if (reference.state && reference.zip5 && reference.zip5 === candidate.zip5) {
      // the ZIP names the state: a document that leaves the state out still points at the same place
      sink.push(
        'state',
        'info',
        reference.state,
        '',
        `state ${reference.state} is not written (the ZIP ${reference.zip5} implies it)`,
      );
    } else if (reference.state) {
      sink.push('state', 'missing', reference.state, '', `state ${reference.state} is missing`);
      sink.location = true;
    }
  }
}

function compareZips({ reference, candidate }: Pair, sink: PartSink): void {
  // ZIP: five digits decide; ZIP+4 is information
  if (reference.zip5 || candidate.zip5) {
    if (reference.zip5 && candidate.zip5) {
      if (reference.zip5 === candidate.zip5) sink.push('zip5', 'match', reference.zip5, candidate.zip5, 'same ZIP');
      else {
        sink.push(
          'zip5',
          'mismatch',
          reference.zip5,
          candidate.zip5,
          `ZIP ${candidate.zip5} differs from ${reference.zip5}`,
        );
        sink.postal = true;
      }
    } else if (reference.zip5) {
      sink.push('zip5', 'missing', reference.zip5, '', `ZIP ${reference.zip5} is missing`);
      sink.postal = true;
    }
  }
  if (reference.zip4 || candidate.zip4) {
    if (reference.zip4 === candidate.zip4) sink.push('zip4', 'match', reference.zip4, candidate.zip4, 'same ZIP+4');
    else if (reference.zip4 && candidate.zip4)
      sink.push(
        'zip4',
        'info',
        reference.zip4,
        candidate.zip4,
        `ZIP+4 ${candidate.zip4} differs from ${reference.zip4}; carriers match the 5-digit ZIP`,
      );
    else
      sink.push(
        'zip4',
        'info',
        reference.zip4,
        candidate.zip4,
        `ZIP+4 ${reference.zip4 || candidate.zip4} is given on one side only (information)`,
      );
  }
}

/** The whole address's verdict from its parts, with one sentence saying why. */
function addressVerdict({ reference, candidate }: Pair, sink: PartSink): AddressComparison {
  const { parts, reasons } = sink;
  const bad = parts.filter((p) => p.verdict === 'mismatch');
  const missing = parts.filter((p) => p.verdict === 'missing');
  // a PO box given for a street: its own sentence (comparePoBoxes) already names the carrier's street
  // address, so the street parts it replaces are not listed again one by one
  const saidByPoBox = (part: AddressPartName) =>
    candidate.po_box !== null && reference.po_box === null && STREET_PARTS.has(part);
  for (const p of [...bad, ...missing]) if (!saidByPoBox(p.part)) reasons.push(sentence(p.reason));
  let verdict: AddressComparison['verdict'];
  if (sink.location && candidate.po_box !== null) verdict = 'mismatch';
  else if (isEmptyAddress(candidate) && candidate.po_box === null) verdict = 'missing';
  // a part the carrier has and the document lacks (the suite, the ZIP) makes a different address
  else if (bad.length || missing.length) verdict = 'mismatch';
  else if (parts.every((p) => p.verdict === 'match') && reference.raw === candidate.raw) verdict = 'match';
  else if (parts.every((p) => p.verdict === 'match') && formatAddress(reference) === formatAddress(candidate))
    verdict = 'match';
  else verdict = 'equivalent';
  if (verdict === 'match') reasons.push('Same address.');
  if (verdict === 'equivalent') {
    const forms = parts.filter((p) => p.verdict === 'equivalent').map((p) => PART_LABEL[p.part]);
    const info = parts.filter((p) => p.verdict === 'info').map((p) => p.reason);
    reasons.push(
      `Same address${forms.length ? `; only the form of the ${[...new Set(forms)].join(', ')} differs` : ''}${info.length ? `; ${info.join('; ')}` : ''}.`,
    );
  }
  return { verdict, parts, reasons, location_mismatch: sink.location, postal_code_mismatch: sink.postal };
}

/**
 * Compare a candidate address (the LOA, the case) with the reference (the CSR, else the invoice's
 * service address). Only differences that change the place are mismatches.
 */
export function compareAddresses(reference: AddressParts, candidate: AddressParts): AddressComparison {
  const pair = { reference, candidate };
  const sink = partSink();
  comparePoBoxes(pair, sink);
  compareHouseNumbers(pair, sink);
  const street = compareStreetNames(pair, sink);
  compareSuffixes(pair, sink, street);
  compareDirectionals(pair, sink, street.joinedSame);
  compareUnits(pair, sink);
  compareCities(pair, sink);
  compareStates(pair, sink);
  compareZips(pair, sink);
  return addressVerdict(pair, sink);
}

function capitalise(s: string): string {
  return s ? s[0]!.toUpperCase() + s.slice(1) : s;
}

/** A part's reason as a sentence of its own: the reasons are read one after another. */
function sentence(s: string): string {
  const t = capitalise(s.trim());
  return !t || /[.!?)]$/.test(t) ? t : `${t}.`;
}

const STREET_PARTS: ReadonlySet<AddressPartName> = new Set(STREET_PART_NAMES);

export { STATE_CODES };
