import type { ServiceAddress } from '../../../shared/domain/document.js';
import {
  ADDRESS_LINE_TAGS,
  CITY_LINE_TAGS,
  cityKey,
  isPoBox,
  parseAddress,
  ZIP_WORD,
} from '../../../shared/normalize/address.js';
import { DIRECTIONALS, STATE_BY_FORM, STREET_SUFFIXES, UNIT_DESIGNATORS } from '../../../shared/normalize/usps.js';
import { segText, type Tok } from './layout.js';
import { fixDigits, squash } from './text.js';
import { digitFixToken, parseDate, tokText } from './values.js';
import { checkCityStateZip, isKnownCity, zipPlace, type ZipCheck } from './zip.js';

/**
 * Reading a printed address (the lines under or beside an address label) into the parts carriers
 * exchange, keeping each part as printed. Recognition of states and unit designators comes from the
 * USPS tables in shared/normalize; the split into street / unit / city is done here because the
 * extractor must keep the document's own spelling (the comparison normalises later). The offline
 * ZIP database (zip.ts) tells a multi-word city from street words, labels and record tags, fills
 * a state left out, and turns disagreement between city, state and ZIP into lower quality and a
 * `check` — it never rewrites what the document prints.
 */
export interface AddrLine {
  toks: Tok[];
}

export interface AddrResult {
  value: ServiceAddress;
  toks: Tok[];
  quality: number;
  /** lines above the street line (a name, "Attn: …") */
  nameLines: Tok[][];
  /** index of the city/state/ZIP line in the input */
  lastLine: number;
  /** the street line is a PO box (never a service address) */
  poBox: boolean;
  /** city / state / ZIP against the ZIP database (already folded into `quality`) */
  check: ZipCheck;
}

const RANGE_UNITS = [...UNIT_DESIGNATORS.entries()]
  .filter(([k, d]) => d.range && k !== '#' && !['NO', 'NUM', 'NUMBER', 'KEY', 'STOP', 'PIER', 'SLIP'].includes(k))
  .map(([k]) => k);
/**
 * Spanish unit words of Puerto Rico's addresses ("Apto 12", "Apartamento 3B", "Local 4": a shop in a
 * mall or a strip): units as "Apt" and "Suite" are, though the USPS table lists only the English ones.
 */
const SPANISH_UNITS = ['APARTAMENTO', 'APTO', 'LOCAL'];
const UNIT_WORDS = `(?:${[...RANGE_UNITS, ...SPANISH_UNITS].sort((a, b) => b.length - a.length).join('|')})`;
/**
 * A Puerto Rico premises line over the street — the urbanization (a named neighbourhood the ZIP does
 * not tell apart: "Urb. Las Gladiolas") or the condominium / building and maybe its apartment ("Cond.
 * Torre del Mar Apt 1502") — is part of the address, kept as its unit line (an address has no
 * urbanization part), never a name line.
 */
const PREMISES_LINE = /^(urb|urbanizaci[oó]n|cond|condominio|edif|edificio|res|residencial)\.?\s+[A-Za-zÀ-ÿ]/i;
const UNIT_VALUE = '#?\\s?(?=[A-Za-z0-9-]*\\d|[A-Za-z](?![A-Za-z]))[A-Za-z0-9][A-Za-z0-9-]*';
const UNIT_TEXT = `(?:\\b${UNIT_WORDS}\\.?\\s?${UNIT_VALUE}|#\\s?[A-Za-z0-9][A-Za-z0-9-]*|\\b\\d{1,3}(?:st|nd|rd|th)\\s(?:floor|fl)\\.?)`;
/** A unit as a sentence may write it before its street ("Suite 410, 2000 Peachtree Rd"), for prose patterns. */
export const UNIT_BEFORE_STREET = `(?:${UNIT_TEXT}\\s*,?\\s+)`;
const TRAILING_UNIT = new RegExp(`^(.*?[^\\s,])\\s*,?\\s+(${UNIT_TEXT})\\s*$`, 'i');
const UNIT_ONLY = new RegExp(`^(${UNIT_TEXT})$`, 'i');
const UNIT_WORD_END = new RegExp(`\\b${UNIT_WORDS}\\.?,?$`, 'i');
const HOUSE_START = /^(\d+[A-Za-z]?(-\d+)?|one|two|three|four|five|six|seven|eight|nine|ten)\b/i;

/** OCR reads letters of a state code as digits ("F1" for FL, "0H" for OH, "5C" for SC): each digit's letter readings. */
const STATE_OCR: Record<string, string[]> = {
  '1': ['I', 'L'],
  '0': ['O', 'D'],
  '5': ['S'],
  '8': ['B'],
  '4': ['A'],
  '|': ['I', 'L'],
  '6': ['G'],
  '2': ['Z'],
  '7': ['T'],
};

function stateCode(words: string[]): string | null {
  const form = words.join(' ').toUpperCase().replace(/[.,]/g, '').trim();
  if (!form) return null;
  const code = STATE_BY_FORM.get(form);
  if (code) return code;
  if (words.length !== 1 || form.length !== 2 || !/[0-9|]/.test(form)) return null;
  const readings = [...form].map((c) => STATE_OCR[c] ?? [c]);
  for (const a of readings[0]!) for (const b of readings[1]!) if (STATE_BY_FORM.get(a + b) === a + b) return a + b;
  return null;
}

const UNIT_LOOKALIKE = new RegExp(`(\\b${UNIT_WORDS}\\.?\\s?#?\\s?)([il|])(?=[0-9]|[A-Z]\\b)`, 'i');

/** OCR lookalikes at the edges of a house number or box number ("857O", "B120", "S97"). */
function fixNumberEdges(s: string): string {
  return s
    .replace(/^([OoIlSBZ|]?)(\d{2,})([OoIl|]?)(?=\s|,|$)/, (m, a: string, d: string, b: string) =>
      a || b ? digitFixToken(m) : m,
    )
    .replace(/\b(BOX\s+)([OoIlSB|])(\d{2,})\b/i, (_m, box: string, a: string, d: string) => box + digitFixToken(a + d));
}

const LEADING_UNIT = new RegExp(`^(${UNIT_TEXT})\\s*,?\\s+(.*[A-Za-z].*)$`, 'i');

/** Letters OCR reads as digits inside words ("01d Mill St" for "Old", "Cedar 5t" for "St", "8lvd"). */
const LETTER_READINGS: Record<string, string[]> = {
  '0': ['O'],
  '1': ['l', 'I'],
  '|': ['l', 'I'],
  '5': ['S'],
  '8': ['B'],
};

/**
 * A word of a street name with a digit OCR put for a letter: a word starting with "0" and going on
 * in lower case ("01d", "0ak": no number starts with 0), or one that reads as a street type or
 * directional once its lookalike digits are letters ("5t", "8lvd", "R0ad"). The house number, ordinals
 * ("21st") and a unit's value are left alone.
 */
function fixStreetWordSlips(street: string): string {
  const words = street.split(' ');
  return words
    .map((w, i) => {
      if (i === 0 || !/[0158|]/.test(w) || !/[A-Za-z]/.test(w)) return w;
      if (UNIT_DESIGNATORS.has(words[i - 1]!.toUpperCase().replace(/\.$/, ''))) return w;
      const core = w.replace(/[.,]+$/, '');
      const tail = w.slice(core.length);
      if (/^\d+(st|nd|rd|th)$/i.test(core)) return w;
      const readings = (pick: number) =>
        core.replace(/[0158|]/g, (c) => LETTER_READINGS[c]![Math.min(pick, LETTER_READINGS[c]!.length - 1)]!);
      for (const pick of [0, 1]) {
        const r = readings(pick);
        if (/[0-9|]/.test(r)) continue;
        if (STREET_SUFFIXES.has(r.toUpperCase()) || DIRECTIONALS.has(r.toUpperCase())) return r + tail;
        if (pick === 0 && /^0[0-9|]*[a-z]+$/.test(core)) return r + tail;
      }
      return w;
    })
    .join(' ');
}

export function splitUnit(street: string): { street: string; unit: string } {
  // "APT iC" (OCR for "APT 1C"); "PI" is OCR for the suffix "Pl" (Place), never a suffix itself
  const s = repairStreetStart(stripLineTag(squash(street)).replace(/,\s*$/, '').replace(UNIT_LOOKALIKE, '$11')).replace(
    /(?<=\s)P[I|]\.?(?=,|\s|$)/,
    (m) => m.replace(/[I|]/, 'l'),
  );
  // "APT 831" alone is a unit line, not a street
  if (UNIT_ONLY.test(s)) return { street: '', unit: fixUnitValue(s) };
  return splitUnitOf(fixStreetWordSlips(unglueSuffixUnit(s)));
}

const UNIT_WORD_ALONE = new RegExp(`^${UNIT_WORDS}\\.?$`, 'i');
const UNIT_VALUE_WORD = new RegExp(`^${UNIT_VALUE}$`);

/**
 * A street type OCR glued to the designator of the unit after it ("101 Elm DriveApt 17C", "9 OAK
 * STSTE 4"): a word that is a street type (USPS) followed by a designator, with a unit's value after
 * it, is the street's end and the unit's start. Only the line's last two words, so a street's own word
 * is never cut.
 */
function unglueSuffixUnit(s: string): string {
  const words = s.split(' ');
  const n = words.length;
  if (n < 4 || !UNIT_VALUE_WORD.test(words[n - 1]!)) return s;
  const glued = words[n - 2]!;
  for (let cut = 2; cut < glued.length - 1; cut++) {
    const head = glued.slice(0, cut);
    const tail = glued.slice(cut).replace(/^\./, '');
    if (!STREET_SUFFIXES.has(head.replace(/\.$/, '').toUpperCase()) || !UNIT_WORD_ALONE.test(tail)) continue;
    return [...words.slice(0, n - 2), head, tail, words[n - 1]!].join(' ');
  }
  return s;
}

function splitUnitOf(s: string): { street: string; unit: string } {
  // a unit written before the street: "Room 12, 88 Pine St"
  const lead = LEADING_UNIT.exec(s);
  if (lead && HOUSE_START.test(lead[2]!) && /\d/.test(lead[2]!.split(/\s+/)[0]!))
    return { street: splitUnit(lead[2]!).street, unit: fixUnitValue(lead[1]!) };
  const m = TRAILING_UNIT.exec(s);
  // the street must keep more than a house number ("123 #4" is not a street and a unit)
  if (m && /[A-Za-z]{2}/.test(m[1]!)) return { street: m[1]!.replace(/,\s*$/, ''), unit: fixUnitValue(m[2]!) };
  return { street: s, unit: '' };
}

/** OCR reads "1C" as "iC", "10B" as "lOB": lookalikes at the start of a unit value next to digits/capitals. */
function fixUnitValue(unit: string): string {
  const spaced = unit.replace(new RegExp(`^(${UNIT_WORDS})\\.?(?=[0-9#])`, 'i'), '$1 ');
  const fixed = spaced
    .replace(/(\s#?|#)([il|I])(?=[0-9]|[A-Z](?![a-z]))/, '$11')
    .replace(/(?<=\d)O|O(?=\d)/g, '0')
    .replace(
      /(\s#?|#)([SBZ])(?=\d{2})/,
      (_m, pre: string, c: string) => pre + (c === 'S' ? '5' : c === 'B' ? '8' : '2'),
    )
    // inside a digit run: "1S3" → "153", "2l0" → "210"
    .replace(/(?<=\d)[Sl|I](?=\d)/g, (c) => (c === 'S' ? '5' : '1'));
  // a floor is a number: "Floor B" is "Floor 8"
  return /^(floor|flr|fl)\.?\s/i.test(fixed)
    ? fixed.replace(/(?<=\s)[A-Za-z0-9|]{1,3}$/, (v) => (/\d/.test(v) || v.length === 1 ? fixDigits(v) : v))
    : fixed;
}

export function isUnitOnly(text: string): boolean {
  return UNIT_ONLY.test(squash(text).replace(/,$/, ''));
}

// --- labels and record tags ---

/** Words that label a city/state/ZIP part; dropped from the front of a city only when what remains is a known city. */
const CITY_LABEL_WORDS = new Set([
  'CITY',
  'TOWN',
  'STATE',
  'ST',
  'LOCATION',
  'SERVICE',
  'ADDRESS',
  'MUNICIPALITY',
  ...ADDRESS_LINE_TAGS,
  ...CITY_LINE_TAGS,
]);
/** Of those, the ones that can never begin a city name (no DB needed to drop them). */
const NEVER_CITY_WORDS = new Set([
  ...CITY_LINE_TAGS,
  'SADR',
  'SADDR',
  'SLA',
  'LOC',
  'LOCN',
  'ADDR',
  'ADR',
  'SVC',
  'SVCADDR',
  'SRVADDR',
  'BADR',
  'BADDR',
]);

/** "SA  120 HARBOR DR" → "120 HARBOR DR"; "Street: 120 Harbor Dr" → "120 Harbor Dr". */
function stripLineTag(text: string): string {
  const labelled = /^[A-Za-z][A-Za-z0-9 ./#]{0,28}:\s*(?=\S)/.exec(text);
  if (labelled && !/^(attn|attention|c\/o)\b/i.test(text) && !startsWithKnownCity(text))
    return text.slice(labelled[0].length);
  // "SA1", "SVC ADDR2", "SADR": one to three tag words, maybe numbered
  const m = /^((?:[A-Z]{2,7}\d?\s+){1,3})(?=\S)/.exec(text);
  if (!m) return text;
  const words = m[1]!.trim().split(/\s+/);
  let n = 0;
  while (
    n < words.length &&
    (ADDRESS_LINE_TAGS.has(words[n]!.replace(/\d$/, '')) || (n < words.length - 1 && TAG_QUALIFIERS.has(words[n]!)))
  )
    n++;
  if (!n) return text;
  const rest = text.replace(new RegExp(`^(?:\\S+\\s+){${n}}`), '');
  // "LA CROSSE WI" is a city line: a tag is dropped only before a number, a unit or a box
  if (
    /^(\d|#)/.test(rest) ||
    // (a house number OCR began with a lookalike letter, "S977 MAIN TER")
    /^[OIlSBZ|]\d{2,}\s/.test(rest) ||
    isUnitOnly(rest) ||
    LEADING_UNIT.test(rest) ||
    isPoBox(rest) ||
    /^(CTY|CITY)\b/.test(rest)
  )
    return rest;
  return text;
}

/** "Salt Lake City State: UT ZIP: 84105": the words before the first colon begin with the line's (known) city. */
function startsWithKnownCity(text: string): boolean {
  const csz = cityStateZip(text);
  return !!csz?.cityPart && isKnownCity(csz.cityPart, csz.state) && text.startsWith(csz.cityPart);
}

/** Words that qualify a tag ("SVC ADDR2", "BILL ADDR", "MAIL ADDR"): dropped only together with the tag after them. */
const TAG_QUALIFIERS = new Set([
  'SVC',
  'SERVICE',
  'SRV',
  'BILL',
  'BILLING',
  'MAIL',
  'MAILING',
  'LSTD',
  'LISTED',
  'INSTL',
  'INSTALL',
]);

/**
 * Labels inside a city/state/ZIP line ("City: Tampa  State: FL  Zip: 33602", "CTY TAMPA ST FL ZIP
 * 33602", "ZIP Code 33602"): removed, so the state and ZIP are found where they are.
 */
function dropCszLabels(text: string): string {
  let tagged = false;
  let t = text
    .replace(
      /\b(?:city\s*[,/]\s*st(?:ate)?\s*[,/]\s*zip(?:\s*code)?|zip\s*\+\s*4|zip\s*code|postal\s*code|zip|zc|city|town|state|st|county|cnty)\s*[:=]\s*/gi,
      (m) => {
        tagged = true;
        return m.startsWith(',') ? ', ' : ' ';
      },
    )
    .replace(/\b(?:zip(?:\s*\+\s*4)?(?:\s*code)?|postal\s*code|ZC)\s*#?\s*(?=\d{5})/gi, () => {
      tagged = true;
      return ' ';
    })
    // "CTY/ ST/ ZIP BOCA RATON FL 33464": a record's slash-joined part tags without a colon
    .replace(/(^|\s)(?:CTY|CITY)\s*\/\s*(?:ST|STATE)\s*\/\s*(?:ZIP|ZC)\b/gi, () => {
      tagged = true;
      return ' ';
    })
    .replace(/(^|\s)(?:CTY|CSZ)(?=\s)/g, () => {
      tagged = true;
      return ' ';
    });
  // "CTY TAMPA ST FL 33602": in a tagged line, ST / STATE before the state code is a tag
  if (tagged) t = t.replace(/(^|\s)(?:ST|STATE)\s+(?=[A-Z]{2}\s+\d{5})/g, (_m, pre: string) => (pre ? ', ' : ''));
  return squash(t.replace(/\s+,/g, ','));
}

interface CityStateZip {
  cityPart: string;
  state: string;
  zip5: string;
  zip4: string;
  quality: number;
}

/**
 * A ZIP at the end of a city line read with OCR lookalikes ("NY 12B66", "Dayton,OH 454S8", "KS 66Z51"):
 * the last token after a word, five characters (plus four) of which most are digits already and the
 * rest lookalikes, read as digits. Fewer than three digits is a word, not a damaged ZIP.
 */
function zipLookalikes(t: string): { text: string; changed: boolean } {
  const m = /(?<=[A-Za-z.,]\s?)([0-9OoIlSBZ|]{5})((?:-[0-9OoIlSBZ|]{4})?)$/.exec(t);
  if (!m || /^\d{5}$/.test(m[1]!) || (m[1]!.match(/\d/g) ?? []).length < 3) return { text: t, changed: false };
  const zip = fixDigits(m[1]!) + fixDigits(m[2]!);
  return { text: `${t.slice(0, m.index).replace(/\s*$/, '')} ${zip}`, changed: true };
}

/** "Springfield, IL 62704-1234" at the end of a line (the city part may hold the whole address). */
export function cityStateZip(text: string): CityStateZip | null {
  const t = dropCszLabels(squash(text))
    .replace(/[\s,]*\b(USA|U\.S\.A\.?|United States( of America)?)\.?$/i, '')
    // OCR: "Rochester,NY", a ZIP split in two ("4028 1", "14682-834 5"), no space before the ZIP ("FL33602")
    .replace(/,(?=[A-Za-z])/g, ', ')
    .replace(/(?<=\b[A-Z]{2}\.?)(\d{5}(?:-\d{4})?)$/, ' $1')
    // (…or a speck between them: "GA'31405-0417", "TX|78217")
    .replace(/(?<=\b[A-Z]{2})['’`|]+(?=\d{5}(?:-\d{4})?$)/, ' ')
    // "LAKEWOOD / OH / 44107": a table cell with slashes between city, state and ZIP
    .replace(/^([^/]*[A-Za-z][^/]*?)\s*\/\s*([A-Za-z][A-Za-z .]{1,20}?)\s*\/\s*(\d{5}(?:-\d{4})?)$/, '$1, $2 $3')
    .replace(/\b(\d{5}-\d{1,3}) (\d{1,3})$/, (m, a: string, b: string) => (a.length + b.length === 10 ? a + b : m))
    .replace(/(?<=[A-Za-z.,]\s)(\d{1,4}) (\d{1,4})((?:-\d{4})?)$/, (m, a: string, b: string, plus4: string) =>
      a.length + b.length === 5 ? a + b + plus4 : m,
    );
  const fixed = zipLookalikes(t);
  const zm = /^(.*?)[\s,.]*\b(\d{5})(?:\s?-\s?(\d{4})|\s(\d{4}))?\s*$/.exec(fixed.text);
  const before = zm ? zm[1]! : fixed.text;
  const words = before.split(/\s+/).filter(Boolean);
  let best: { n: number; code: string; comma: boolean } | null = null;
  // "Charleston West Virginia 25301": the ZIP's own state decides between VIRGINIA and WEST VIRGINIA
  const zipState = zm ? zipPlace(zm[2]!)?.state : undefined;
  for (let n = 1; n <= 3 && n <= words.length; n++) {
    const code = stateCode(words.slice(words.length - n));
    if (!code) continue;
    const prev = words[words.length - n - 1] ?? '';
    const comma = /,$/.test(prev) || (n === 1 && /^[A-Z]{2}$/.test(words[words.length - 1]!.replace(/[.,]/g, '')));
    const fitsZip = !!zipState && code === zipState && best?.code !== zipState;
    if (!best || fitsZip || (comma && !best.comma && best.code !== zipState)) best = { n, code, comma };
  }
  if (!best) return zm ? stateFromZip(words, zm) : null;
  const cityPart = words
    .slice(0, words.length - best.n)
    .join(' ')
    .replace(/[\s,]+$/, '');
  if (!zm) {
    // without a ZIP only "City, ST" is trusted (not "Acme Repair, Co.")
    const stateWord = words[words.length - 1]!;
    if (
      !/,/.test(before) ||
      !cityPart ||
      best.n !== 1 ||
      !/^[A-Z]{2}$/.test(stateWord) ||
      cityPart.split(/\s+/).length > 3
    )
      return null;
    return { cityPart, state: best.code, zip5: '', zip4: '', quality: 0.6 };
  }
  // a ZIP read through OCR lookalikes is less sure than one printed as digits
  return { cityPart, state: best.code, zip5: zm[2]!, zip4: zm[3] ?? zm[4] ?? '', quality: fixed.changed ? 0.9 : 1 };
}

/** "Tampa 33602" (the state left out): the ZIP's state, when the words before end with the ZIP's city. */
function stateFromZip(words: string[], zm: RegExpExecArray): CityStateZip | null {
  const place = zipPlace(zm[2]!);
  if (!place || !words.length) return null;
  const want = cityKey(place.city);
  const found = (ws: string[], quality: number): CityStateZip | null => {
    for (let k = 1; k <= Math.min(5, ws.length); k++) {
      if (cityKey(ws.slice(ws.length - k).join(' ')) !== want) continue;
      return {
        cityPart: ws.join(' ').replace(/[\s,]+$/, ''),
        state: place.state,
        zip5: zm[2]!,
        zip4: zm[3] ?? zm[4] ?? '',
        quality,
      };
    }
    return null;
  };
  // "SALT LAKE CITYUT 84105": OCR glued the state code to the city
  const last = words.at(-1)!.replace(/[.,]$/, '');
  const glued =
    last.length > 3 && last.toUpperCase().endsWith(place.state)
      ? found([...words.slice(0, -1), last.slice(0, -2)], 0.9)
      : null;
  return glued ?? found(words, 0.7);
}

/** Lookalikes are fixed inside digit runs only ("l420" stays a question, "17B" stays 17B); the ZIP gets a full fix. */
function lineText(toks: Tok[]): string {
  const words = tokText(joinSplitWords(toks), 'inner').text.split(' ');
  for (let i = Math.max(0, words.length - 2); i < words.length; i++) {
    const w = words[i]!;
    if (/^[\dOoIlSB|Z]{5}(-?[\dOoIlSB|Z]{4})?$/.test(w) && (w.match(/\d/g) ?? []).length >= 2) words[i] = fixDigits(w);
  }
  return repairStreetStart(dropSiteName(stripLineTag(dropUnopenedTail(words.join(' ')))));
}

/**
 * "1. Main Office - 3031 Washington Pl, Room 33B, …", "Store #2 - 66 Maple Ave", "HEADQUARTERS – 12 Elm St":
 * a location list names the site (after an item number, perhaps) and a dash before its street. The name is
 * no part of the street; it is dropped when what follows the dash is a street with a house number and the
 * name is a few words that are no street or box themselves ("12 - 14 Elm St" is a house-number range). A
 * unit written first the same way ("Suite 200 - 120 Main St") is the street's unit: it goes after the street.
 */
function dropSiteName(text: string): string {
  const m = /^(.{2,48}?)\s+[-–—]\s+(?=\d)/.exec(text);
  if (!m) return text;
  const rest = text.slice(m[0].length);
  const street = rest.split(',')[0]!.trim();
  if (!isStreetish(street)) return text;
  const name = m[1]!.replace(/^(?:\d{1,3}[.)]|#\d{1,3})\s+/, '').trim();
  if (isUnitOnly(name)) return `${street} ${name}${rest.slice(rest.indexOf(street) + street.length)}`;
  if (
    !/[A-Za-z]{2}/.test(name) ||
    name.split(/\s+/).length > 5 ||
    /:$/.test(name) ||
    isStreetish(name) ||
    HOUSE_START.test(name) ||
    LEADING_UNIT.test(name) ||
    isPoBox(name) ||
    isRuralBox(name)
  )
    return text;
  return rest;
}

/**
 * "26510 N Mill Pl DIFFERENT)": the end of a neighbouring label's wrapped qualifier ("(IF" /
 * "DIFFERENT)") set on the value's line; a word closing a parenthesis the line never opened is not
 * the address's.
 */
function dropUnopenedTail(text: string): string {
  if (/\(/.test(text)) return text;
  return text.replace(/\s+[^\s()]*\):?$/, '');
}

/** OCR split one word in two with almost no gap ("Po rtland", "1 0197"): joined again. Text layers are left alone. */
function joinSplitWords(toks: Tok[]): Tok[] {
  const out: Tok[] = [];
  for (const t of toks) {
    const prev = out.at(-1);
    const gap = prev ? t.x0 - prev.x1 : Infinity;
    if (
      prev &&
      prev.line === t.line &&
      prev.conf < 0.99 &&
      t.conf < 0.99 &&
      gap > -0.15 * Math.min(prev.h, t.h) &&
      gap < 0.15 * Math.min(prev.h, t.h) &&
      /[\p{L}\p{N}]$/u.test(prev.text) &&
      /^[\p{L}\p{N}]/u.test(t.text)
    ) {
      out[out.length - 1] = { ...prev, text: prev.text + t.text, x1: t.x1 };
    } else out.push(t);
  }
  return out;
}

/**
 * OCR damage at the start of a street line: a lookalike in the house number ("Z471", "l20"), the
 * number glued to the next word ("9183West Elm", "4086Union Sq"), a unit glued to the suffix
 * ("Lake St.Ste 1189"). Ordinals ("21st Century Blvd") stay as they are.
 */
function repairStreetStart(text: string): string {
  if (!/^[OoIlSBZ|]?\d/.test(text)) return text;
  return fixNumberEdges(text)
    .replace(/^(\d{1,6})(?!st\b|nd\b|rd\b|th\b)([A-Za-z]{2,})/i, '$1 $2')
    .replace(new RegExp(`\\.(?=${UNIT_WORDS}\\b)`, 'i'), '. ');
}

function stripTrailing(s: string): string {
  return s.replace(/[\s,;]+$/, '').trim();
}

/**
 * The city at the end of `words`: the ZIP's own city first, then the longest known city of the
 * state; `minLeft` words must stay in front (a street keeps its house number and name).
 */
function knownCityTail(words: string[], state: string, zip5: string, minLeft: number): number {
  const place = zip5 ? zipPlace(zip5) : null;
  const want = place && place.state === state ? cityKey(place.city) : '';
  const maxK = Math.min(5, words.length - minLeft);
  if (want) for (let k = maxK; k >= 1; k--) if (cityKey(words.slice(words.length - k).join(' ')) === want) return k;
  for (let k = maxK; k >= 1; k--) if (isKnownCity(words.slice(words.length - k).join(' '), state)) return k;
  return 0;
}

/** Split a one-line "123 Main St Ste 4 Salt Lake City" (no commas) into street and city. */
function splitStreetCity(cityPart: string, state: string, zip: string): { street: string; city: string } {
  const words = cityPart.split(/\s+/);
  const k = state ? knownCityTail(words, state, zip, 2) : 0;
  if (k) return { street: words.slice(0, words.length - k).join(' '), city: words.slice(words.length - k).join(' ') };
  const parsed = parseAddress(`${cityPart} ${state} ${zip}`);
  if (parsed.city) {
    const target = parsed.city.replace(/[^A-Z0-9]/g, '');
    for (let n = 1; n <= Math.min(4, words.length - 1); n++) {
      const tail = words
        .slice(words.length - n)
        .join('')
        .toUpperCase()
        .replace(/[^A-Z0-9]/g, '');
      if (tail === target)
        return { street: words.slice(0, words.length - n).join(' '), city: words.slice(words.length - n).join(' ') };
    }
  }
  // "120 Harbor Dr, FL 33602": no city was printed; a street type is not one
  const last = (words.at(-1) ?? '').toUpperCase().replace(/[.,]/g, '');
  if (STREET_SUFFIXES.has(last) || DIRECTIONALS.has(last)) return { street: words.join(' '), city: '' };
  return { street: words.slice(0, -1).join(' '), city: words.at(-1) ?? '' };
}

/**
 * The city from a city piece that may start with a label or a record tag ("ZIP Code Boise",
 * "CTY TAMPA", "LA TAMPA"): label words are dropped when what remains is a known city of the
 * state, or when they can never begin a city name. A city is never cut otherwise.
 */
export function cleanCity(piece: string, state: string, zip5: string): { city: string; known: boolean } {
  const words = piece
    .replace(/^[,.:\s]+/, '')
    .split(/\s+/)
    .filter(Boolean);
  const isLabel = (w: string) => CITY_LABEL_WORDS.has(w.toUpperCase().replace(/[:.]$/, '')) || /:$/.test(w);
  let lead = 0;
  while (lead < words.length - 1 && isLabel(words[lead]!)) lead++;
  for (let k = 0; k <= lead; k++) {
    const tail = words.slice(k).join(' ');
    if (state && knownCityTail(words.slice(k), state, zip5, 0) === words.length - k) return { city: tail, known: true };
  }
  let k = 0;
  while (k < words.length - 1 && NEVER_CITY_WORDS.has(words[k]!.toUpperCase().replace(/[:.]$/, ''))) k++;
  // a city-line tag OCR glued to the city's first word ("ZIPANN ARBOR"): the city the ZIP names, when the
  // rest of the words are it
  const glued = /^(?:CTY|CSZ|ZIP|CITY)(?=[A-Z]{2})/i.exec(words[k] ?? '');
  if (glued && state) {
    const rest = [words[k]!.slice(glued[0].length), ...words.slice(k + 1)];
    if (knownCityTail(rest, state, zip5, 0) === rest.length) return { city: rest.join(' '), known: true };
  }
  return { city: words.slice(k).join(' '), known: false };
}

interface Parts {
  street: string;
  unit: string;
  city: string;
  first: number;
}

/** Street, unit and city from the pieces of the city/state/ZIP line (and the lines above when needed). */
function partsOf(lines: Tok[][], i: number, csz: CityStateZip): Parts {
  const pieces = csz.cityPart
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
  let cityPiece = pieces.pop() ?? '';
  // "120 Harbor Dr Suite 2B Tampa": the street shares the piece with the city
  if (HOUSE_START.test(cityPiece) && /\s/.test(cityPiece) && /\d/.test(cityPiece.split(/\s+/)[0]!)) {
    const sc = splitStreetCity(cityPiece, csz.state, csz.zip5);
    pieces.push(sc.street);
    cityPiece = sc.city;
  }
  // "Suite 2B Tampa": a unit in front of the city
  let unit = '';
  const lead = LEADING_UNIT.exec(cityPiece);
  if (lead && !isUnitOnly(cityPiece)) {
    unit = fixUnitValue(lead[1]!);
    cityPiece = lead[2]!;
  }
  // "Floor, 18": a stray comma between a unit word and its value
  for (let k = pieces.length - 2; k >= 0; k--) {
    if (
      UNIT_DESIGNATORS.get(pieces[k]!.toUpperCase().replace(/\.$/, ''))?.range &&
      /^#?[A-Za-z0-9-]{1,6}$/.test(pieces[k + 1]!) &&
      /\d/.test(pieces[k + 1]!)
    )
      pieces.splice(k, 2, `${pieces[k]} ${pieces[k + 1]}`);
  }
  const unitPieces = pieces.filter((p) => isUnitOnly(p));
  const streetAt = pieces.findLastIndex(
    (p) => !isUnitOnly(p) && ((HOUSE_START.test(p) && /\s\S*[A-Za-z]/.test(p)) || isPoBox(p) || LEADING_UNIT.test(p)),
  );
  const rest = streetAt >= 0 ? pieces.slice(streetAt, streetAt + 1) : pieces.filter((p) => !isUnitOnly(p));
  unit = unitPieces[0] ? fixUnitValue(unitPieces[0]) : unit;
  if (rest.length) {
    const s = splitUnit(rest.join(', '));
    return { street: s.street, unit: unit || s.unit, city: cityPiece, first: i };
  }
  // "TAMPA" on its own line above "FL 33602" (a fixed-width record's CITY and STATE/ZIP lines)
  const cityAbove = !cityPiece && i > 0 ? cityLineOf(lines[i - 1]!, csz) : null;
  if (cityAbove) {
    const above = i > 1 ? streetAbove(lines, i - 1, unit) : { street: '', unit, first: i - 1 };
    // an unknown city needs a street above it ("Attn Bob" over "FL 33602" is not an address)
    if (cityAbove.known || above.street) return { ...above, city: cityAbove.text, first: Math.min(above.first, i - 1) };
  }
  if (i > 0) return { ...streetAbove(lines, i, unit), city: cityPiece };
  return { street: '', unit, city: cityPiece, first: i };
}

/**
 * The city line above a state/ZIP line; a section banner or another column's cell set on the same
 * line after a wide gap ("COLLEGE STATION    REMARKS") is left out when the city's own cell is a
 * city the database knows in that state.
 */
function cityLineOf(toks: Tok[], csz: CityStateZip): { text: string; known: boolean } | null {
  const whole = cityLine(stripTrailing(lineText(toks)), csz);
  if (whole?.known || !toks.length) return whole;
  const own = toks.filter((t) => t.seg === toks[0]!.seg);
  const first = own.length < toks.length ? cityLine(stripTrailing(lineText(own)), csz) : null;
  return first?.known ? first : whole;
}

/** A line that can be a city alone: a few words, no digits, not a street or unit. */
function cityLine(text: string, csz: CityStateZip): { text: string; known: boolean } | null {
  if (!text || /\d/.test(text) || text.split(/\s+/).length > 4 || isUnitOnly(text) || isPoBox(text)) return null;
  const city = cleanCity(text, csz.state, csz.zip5);
  return city.known || /^[A-Za-z][A-Za-z .'-]+$/.test(city.city) ? { text, known: city.known } : null;
}

/**
 * Read an address from consecutive lines: finds the city/state/ZIP line among the first few,
 * the street (and a unit line) above it, and keeps what is above that as name lines. City, state
 * and ZIP are checked against the ZIP database; disagreement lowers the quality and is described
 * in `check`, but the printed values are kept.
 */
const ROUTE = String.raw`(?:R\.?\s?R\.?|RURAL\s+(?:ROUTE|RTE)|H\.?\s?C\.?|HIGHWAY\s+CONTRACT(?:\s+ROUTE)?|STAR\s+ROUTE)\s*#?\s*\d+[A-Z]?`;
/** A rural route or highway contract route alone, its box number on the next line ("Rural Route 2" / "Box 73"). */
const RURAL_ROUTE = new RegExp(`^${ROUTE},?$`, 'i');
const RURAL_BOX = new RegExp(`^${ROUTE},?\\s+BOX\\s+\\d+`, 'i');

/** A rural route's box ("RR 2 Box 14", "Rural Route 3 Box 112", "HC 63 Box 5"): a street line of the premises. */
export function isRuralBox(s: string): boolean {
  return RURAL_BOX.test(s.trim());
}

/**
 * A route's box is the delivery point of the premises, one street line with its route ("RR 2 Box 14"):
 * a narrow cell that wrapped it before "Box" is read as that one line, not as a P.O. box under a name.
 */
function joinRuralRoutes(lines: Tok[][]): { lines: Tok[][]; last: number[] } {
  const out: Tok[][] = [];
  // for each joined line, the index of its last given line (callers count the given lines)
  const last: number[] = [];
  for (let i = 0; i < lines.length; i++) {
    const next = lines[i + 1];
    if (next && RURAL_ROUTE.test(lineText(lines[i]!).trim()) && /^box\b/i.test(lineText(next).trim())) {
      out.push([...lines[i]!, ...next]);
      i++;
    } else out.push(lines[i]!);
    last.push(i);
  }
  return { lines: out, last };
}

export function readAddress(given: Tok[][], opts: { maxLines?: number } = {}): AddrResult | null {
  const { lines, last } = joinRuralRoutes(given);
  const max = Math.min(lines.length, opts.maxLines ?? 6);
  const found = Array.from({ length: max }, (_, i) => cityStateZip(lineText(lines[i]!)));
  // "Ann Arbor, MI" / "48106-4282": the ZIP alone on the next line
  const zipBelow = new Set<number>();
  for (let i = 0; i + 1 < max; i++) {
    const z = ZIP_WORD.exec(lineText(lines[i + 1]!).trim());
    if (!z || found[i]?.zip5) continue;
    // read with the ZIP appended, so a long one-line address ("1697 Kingsley Pkwy., Colorado Springs, CO")
    // or a city line without a comma ("Fort Lauderdale FL") is judged like the same text on one line
    const withZip = cityStateZip(`${lineText(lines[i]!)} ${z[0]}`);
    if (withZip?.zip5 && withZip.cityPart) found[i] = withZip;
    else if (found[i]) found[i] = { ...found[i]!, zip5: z[1]!, zip4: z[2] ?? '', quality: 1 };
    else continue;
    zipBelow.add(i);
  }
  // a line with a ZIP beats a "City, ST" line without one
  const order = [...found.keys()]
    .filter((i) => found[i]?.zip5)
    .concat([...found.keys()].filter((i) => found[i] && !found[i]!.zip5));
  for (const i of order) {
    const csz = found[i]!;
    const reading = unwrapped(lines, i, csz);
    if (!reading.city && !reading.street) continue;
    const { street, city, parts } = reading;
    const check = checkCityStateZip(city, reading.csz.state, reading.csz.zip5);
    let quality = 0.3 + 0.25 * reading.csz.quality + (city ? 0.1 : 0);
    if (street && (HOUSE_START.test(street) || isPoBox(street) || isRuralBox(street))) quality += 0.3;
    else if (street) quality += 0.1;
    return {
      value: withCitySpelling(
        {
          street_line: street,
          unit: stripTrailing(parts.unit),
          city,
          state: reading.csz.state,
          zip5: reading.csz.zip5,
          zip4: reading.csz.zip4,
        },
        check,
      ),
      toks: lines.slice(parts.first, i + 1 + (zipBelow.has(i) ? 1 : 0)).flat(),
      quality: Math.min(1, quality) * check.factor,
      nameLines: lines.slice(0, parts.first),
      lastLine: last[i + (zipBelow.has(i) ? 1 : 0)]!,
      poBox: isPoBox(street),
      check,
    };
  }
  return null;
}

/**
 * A narrow cell wraps an address wherever its width runs out ("11 Martin Luther" / "King Jr Hwy, North"
 * / "Little Rock, AR" / "72124"): its lines through the first with a ZIP, read as the one line they
 * were before wrapping.
 */
export function readCellAsOneLine(lines: Tok[][]): AddrResult | null {
  const end = lines.findIndex((l) => /\b\d{5}(?:-\d{4})?$/.test(segText(l).replace(/[.,;]$/, '')));
  if (end < 1) return null;
  const r = readAddress([lines.slice(0, end + 1).flat()]);
  // a one-line reading is only worth having with a house number (or PO box) and a city
  return r && r.value.city && (r.poBox || /^\d/.test(r.value.street_line)) ? r : null;
}

/** Of the line-by-line and the one-line reading, the one the ZIP database agrees with and that keeps the house number. */
export function betterReading(lines: AddrResult | null, oneLine: AddrResult | null): AddrResult | null {
  if (!oneLine) return lines;
  if (!lines) return oneLine;
  const rank = (r: AddrResult) =>
    2 * r.check.factor +
    (isStreetish(r.value.street_line) ? 1 : /^\d/.test(r.value.street_line) ? 0.5 : 0) +
    r.quality / 10;
  return rank(oneLine) > rank(lines) + 0.05 ? oneLine : lines;
}

/** A street line: house number and a word ("120 Harbor Dr"), a PO box or a rural route's box; "1544" alone is not one. */
export function isStreetish(s: string): boolean {
  return (/^\d+[A-Za-z]?(?:-\d+)?\s+\S*[A-Za-z]/.test(s) && !isDateText(s)) || isPoBox(s) || isRuralBox(s);
}

/** "23 Mar 2023", "9 June 2024": a date in a cell near an address reads like a house number and a word, but is no street. */
export function isDateText(s: string): boolean {
  const t = s.trim().replace(/[.,;]+$/, '');
  const d = parseDate(t);
  return !!d && d.start === 0 && d.end === t.length;
}

interface Reading {
  street: string;
  city: string;
  known: boolean;
  parts: Parts;
  csz: CityStateZip;
}

function readingAt(lines: Tok[][], i: number, csz: CityStateZip): Reading {
  const parts = partsOf(lines, i, csz);
  const cleaned = cleanCity(stripTrailing(parts.city), csz.state, csz.zip5);
  return { street: stripTrailing(parts.street), city: cleaned.city, known: cleaned.known, parts, csz };
}

/**
 * The reading at line i, or — for a one-line address wrapped in a narrow cell: "37 Canal Rd.,
 * Daytona" / "Beach, FL 32122", "12 Martin Luther King" / "Jr Lane, Room 5, Saratoga Springs, NY
 * 12866" — the two lines read as one, when that gives a street with a house number the last line
 * lacks, or a longer known city.
 */
function unwrapped(lines: Tok[][], i: number, csz: CityStateZip): Reading {
  const single = readingAt(lines, i, csz);
  if (i === 0 || !lines[i - 1]!.length) return single;
  const prevText = lineText(lines[i - 1]!);
  const singleHasHouse = /^\d/.test(single.street) && single.parts.first < i;
  if ((singleHasHouse && single.known && !/,/.test(prevText)) || cityStateZip(prevText)?.zip5) return single;
  const lineI = lineText(lines[i]!);
  // the ZIP may sit alone on the line below (csz already has it)
  const zipBelow = csz.zip5 && !cityStateZip(lineI)?.zip5 ? ` ${csz.zip5}${csz.zip4 ? `-${csz.zip4}` : ''}` : '';
  const joinedText = cityStateZip(`${prevText} ${lineI}${zipBelow}`);
  if (!joinedText || joinedText.state !== csz.state || (joinedText.zip5 && joinedText.zip5 !== csz.zip5)) return single;
  const joinedCsz = {
    ...joinedText,
    zip5: csz.zip5,
    zip4: csz.zip4,
    quality: Math.max(joinedText.quality, csz.quality),
  };
  const joined = readingAt([...lines.slice(0, i - 1), [...lines[i - 1]!, ...lines[i]!]], i - 1, joinedCsz);
  joined.parts.first = Math.min(joined.parts.first, i - 1);
  const streetContinues =
    !singleHasHouse && single.street !== '' && isStreetish(joined.street) && !isStreetish(single.street);
  const cityContinues =
    /,/.test(prevText) &&
    joined.known &&
    cityKey(joined.city).length > cityKey(single.city).length &&
    cityKey(joined.city).endsWith(cityKey(single.city));
  // "11177 Martin Luther King Jr" / "Ct. Corpus Christi, TX 78460": the street type went to the city line
  const cityFound =
    !single.known && joined.known && /^\d/.test(joined.street) && joined.street.length > single.street.length;
  return streetContinues || cityContinues || cityFound ? joined : single;
}

function streetAbove(lines: Tok[][], i: number, unitIn: string): { street: string; unit: string; first: number } {
  let j = i - 1;
  let unit = unitIn;
  const text = (k: number) => stripTrailing(lineText(lines[k]!));
  if (j >= 0 && isUnitOnly(text(j)) && j - 1 >= 0) {
    unit = fixUnitValue(text(j));
    j--;
  }
  if (j < 0) return { street: '', unit, first: i };
  let t = text(j);
  // "1738 Kings Hwy, STE" / "38A": the unit's value wrapped onto its own line
  if (j - 1 >= 0 && /^#?[A-Za-z0-9-]{1,6}$/.test(t) && /\d/.test(t) && UNIT_WORD_END.test(text(j - 1))) {
    t = `${text(j - 1)} ${t}`;
    j--;
  }
  if (
    HOUSE_START.test(t) ||
    isPoBox(t) ||
    isRuralBox(t) ||
    LEADING_UNIT.test(t) ||
    /\b(st|street|ave|avenue|rd|road|blvd|dr|drive|ln|lane|way|hwy|pkwy|parkway|ct|court|pl|place|sq|square|cir|circle|ter|terrace|trl|trail)\.?\b/i.test(
      t,
    )
  ) {
    let first = j;
    let streetText = t;
    // "11177 Martin Luther King Jr" / "Ct.", "4050 Southwest" / "Martin Luther King" / "Jr Lane": a street wrapped over lines
    if (!HOUSE_START.test(t) && !isPoBox(t) && !isRuralBox(t) && !LEADING_UNIT.test(t)) {
      for (let k = j - 1; k >= 0 && k >= j - 2; k--) {
        const above = text(k);
        if (cityStateZip(above) || /:$/.test(above)) break;
        if (!/^\d+[A-Za-z]?\s+[A-Za-z]/.test(above)) continue;
        streetText = [...Array.from({ length: j - k }, (_, n) => text(k + n)), t].join(' ');
        first = k;
        break;
      }
    }
    const s = splitUnit(streetText);
    // "ROOM 12" on its own line above the street, or a PR urbanization / condominium line
    if (!unit && !s.unit && first - 1 >= 0 && isUnitOnly(text(first - 1))) {
      unit = fixUnitValue(text(first - 1));
      first -= 1;
    } else if (!unit && !s.unit && first - 1 >= 0 && PREMISES_LINE.test(text(first - 1))) {
      unit = text(first - 1);
      first -= 1;
    }
    return { street: s.street, unit: unit || s.unit, first };
  }
  return { street: '', unit, first: i };
}

/**
 * The city as the ZIP database spells it when the printed one is a one-letter slip of the ZIP's own
 * city ("Sprinfield", "SALT LAKE CIY"), in the printed case; the check's note keeps what was printed.
 */
export function withCitySpelling(value: ServiceAddress, check: ZipCheck): ServiceAddress {
  const c = check.suggestedCity;
  if (!c) return value;
  return { ...value, city: value.city === value.city.toUpperCase() ? c.toUpperCase() : c };
}

/** The ZIP-database check of an address read from separate cells (Street / City / State / ZIP). */
export function checkAddress(value: ServiceAddress): ZipCheck {
  return checkCityStateZip(value.city, value.state, value.zip5);
}
