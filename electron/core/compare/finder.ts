/**
 * Guided verification over the documents' words (when the caller has them): where a value is written,
 * under which label.
 */
import { type BBox, type PageText } from '../../../shared/domain/document.js';
import { turnBox, unturnBox, uprightPage } from '../../../shared/domain/orientation.js';
import { type ComparePages, type ComparedField } from '../../../shared/domain/comparison.js';
import { STREET_SUFFIXES, UNIT_DESIGNATORS } from '../../../shared/normalize/usps.js';
import {
  type AddressParts,
  addressLineZip,
  compareAddresses,
  parseAddress,
} from '../../../shared/normalize/address.js';
import {
  type CellBounds,
  type Found,
  findAddressInField,
  findAnywhere,
  findInField,
  findNumberInLists,
  hasLabel,
  captionOver,
  labelledInFront,
  underRecordHeading,
  managingRowName,
  wordsFromOnLine,
  namedAfterInSentence,
  ocrKey,
  outsideBillingBlocks,
  readByOcr,
  timesWrittenExactly,
  timesWrittenOn,
  wordsAfterOnLine,
  writtenOn,
  wordsInFront,
} from './evidence.js';
import { statedPages } from '../extract/compared.js';
import { type LabelField } from '../extract/labels.js';
import { CERTAIN, CERTAIN_OCR, type DocSrc, type Src, toE164 } from './run.js';
import { goodAddress, sameWritten, streetKey } from './address-match.js';
import { type PrintedRow, printedRowAt } from './printed-row.js';

export interface Finder {
  known(on: Src): boolean;
  ocr(on: Src): boolean;
  /** whether a value read from this source with this confidence counts as read with certainty */
  sure(on: Src, conf: number): boolean;
  labelled(on: DocSrc, field: ComparedField): boolean;
  /** whether the words before a reading on its line name the field (evidence.ts labelledInFront) */
  labelledInFront(on: DocSrc, field: LabelField, at: { page: number | null; bbox: BBox | null }): boolean;
  /** whether a data record's nested key names the field over a reading's member line (evidence.ts underRecordHeading) */
  underRecordHeading(on: DocSrc, field: LabelField, at: { page: number | null; bbox: BBox | null }): boolean;
  /** the caption over a reading's column, '' when none (evidence.ts captionOver) */
  captionOver(on: DocSrc, at: { page: number | null; bbox: BBox | null }): string;
  /** whether a letter's sentence names the field right after a reading (evidence.ts namedAfterInSentence) */
  namedAfter(on: DocSrc, field: LabelField, at: { page: number | null; bbox: BBox | null }): boolean;
  /** the words after a reading on its line (evidence.ts wordsAfterOnLine) */
  afterOnLine(on: DocSrc, at: { page: number | null; bbox: BBox | null }): string[];
  /** the words of a reading's line from its first word on (evidence.ts wordsFromOnLine) */
  fromOnLine(on: DocSrc, at: { page: number | null; bbox: BBox | null }): string[];
  /** the one name a roster gives a managing role (evidence.ts managingRowName) */
  managingRow(on: DocSrc, roles: readonly string[], accept: (text: string) => boolean): Found | null;
  /** the printed row around a reading, the scan's skew corrected (printed-row.ts) */
  printedRow(on: DocSrc, at: { page: number | null; bbox: BBox | null }): PrintedRow | null;
  /** the words before a reading on its line, up to `max` (evidence.ts wordsInFront) */
  wordsInFront(on: DocSrc, at: { page: number | null; bbox: BBox | null }, max: number): string;
  scalar(
    field: ComparedField,
    on: DocSrc,
    accept: Parameters<typeof findInField>[3],
    maxWords: number,
    opts?: Parameters<typeof findInField>[5],
  ): Found | null;
  /**
   * The address under the document's service-address label; `anywhere: true` loosely anywhere (the
   * house number, street and ZIP: a reason for doubt only); 'exact': anywhere, written in full
   * (street, unit, city and ZIP as given), so a block that gives another city or unit is not it.
   */
  address(
    value: AddressParts,
    on: DocSrc,
    anywhere?: boolean | 'exact' | 'prefix',
    /** look only outside the document's billing-address blocks */
    outsideBilling?: boolean,
  ): Found | null;
  anywhere: typeof findAnywhere extends (pages: never, kind: never, ...rest: infer R) => infer O
    ? (on: DocSrc, ...rest: R) => O
    : never;
  number(e164: string, on: DocSrc): Found | null;
  /** the value written anywhere on the document, OCR's damage allowed (see evidence.ts writtenOn) */
  written(
    on: DocSrc,
    value: string,
    opts?: { maxEdits?: number; digits?: boolean; wordStart?: boolean; wholeWords?: boolean; bounded?: CellBounds },
  ): Found | null;
  /** how many times the value is written on the document exactly (evidence.ts timesWrittenExactly) */
  writtenTimes(on: DocSrc, value: string, digits?: boolean): number;
  /** number ranges written on the document ("907.693.3950 through 907.693.3956"), as E.164 ends */
  ranges(on: DocSrc): [string, string][];
  /** every digit on the document's pages, in reading order (a number written in any form is in it) */
  digitsOn(on: DocSrc): string;
  /** how many times a ten-digit number is written on the document as a number of its own */
  timesWritten(on: DocSrc, tenDigits: string): number;
}

const PHONE_TEXT = String.raw`(?:\+?1[\s.-]?)?\(?\d{3}\)?[\s.-]?\d{3}[\s.-]?\d{4}`;
const RANGE_TEXT = new RegExp(String.raw`(${PHONE_TEXT})\s+(?:through|thru|to)\s+(${PHONE_TEXT}|\d{4}\b)`, 'gi');
/**
 * A block written with a dash and only the last four digits of its end ("909 .421 4500 - 4507"): a
 * list's bullet stands before a whole number, never before four digits alone. OCR may double or
 * stray a separator between the groups, or part the four digits ("4310 - 43 17"); a date or a time after
 * the number ("- 0824/2026") is not an end.
 */
const DASH_RANGE_TEXT = new RegExp(
  String.raw`((?:\+?1[\s.-]{0,2})?\(?\d{3}\)?[\s.-]{0,3}\d{3}[\s.-]{0,3}\d{4})\s*[-–]\s*(\d{2} ?\d{2})(?![\d/:]|[.-]\d)`,
  'g',
);
/**
 * The most numbers one written range may stand for: a block of a hundred is a DID block; more is a
 * misread. Between two whole numbers only words join a range: a dash there is as often a list's bullet.
 */
const MAX_RANGE = 100;

/**
 * Ranges of numbers a document writes as "first through last" (a DID block): the reader lists the two
 * ends, and the numbers between would otherwise look left out of the port.
 */
function numberRanges(pages: PageText[] | undefined): [string, string][] {
  const out: [string, string][] = [];
  for (const page of pages ?? []) {
    const text = page.words.map((w) => w.text).join(' ');
    for (const m of [...text.matchAll(RANGE_TEXT), ...text.matchAll(DASH_RANGE_TEXT)]) {
      const first = toE164(m[1]!);
      const lastRaw = m[2]!.replace(/\D/g, '');
      const last = lastRaw.length === 4 && first ? `${first.slice(0, -4)}${lastRaw}` : toE164(m[2]!);
      if (!first || !last || first.slice(0, -4) !== last.slice(0, -4)) continue;
      const span = Number(last.slice(-4)) - Number(first.slice(-4));
      if (span > 1 && span <= MAX_RANGE) out.push([first, last]);
    }
  }
  return out;
}

/** A list read with only the ends of a written range gets the numbers between (in order, after the first end). */
export function withRanges(list: { ok: string[]; invalid: string[] }, ranges: [string, string][]): typeof list {
  let ok = list.ok;
  for (const [first, last] of ranges) {
    const at = ok.indexOf(first);
    if (at < 0 || !ok.includes(last)) continue;
    const head = first.slice(0, -4);
    const from = Number(first.slice(-4));
    const between: string[] = [];
    for (let n = from + 1; n < Number(last.slice(-4)); n++) {
      const e = `${head}${String(n).padStart(4, '0')}`;
      if (!ok.includes(e)) between.push(e);
    }
    ok = [...ok.slice(0, at + 1), ...between, ...ok.slice(at + 1)];
  }
  return { ok, invalid: list.invalid };
}

/**
 * A document's pages as their text reads. Labels, lines and the regions under them only mean something
 * upright: a page fed sideways keeps its word boxes on the scanned image (PageText.orientation), where
 * one line of text stands as a column. Remembered per page list, as the search index is.
 */
const UPRIGHT = new WeakMap<PageText[], PageText[]>();
function upright(pages: PageText[] | undefined): PageText[] | undefined {
  if (!pages?.some((p) => p.orientation)) return pages;
  let turned = UPRIGHT.get(pages);
  if (!turned) UPRIGHT.set(pages, (turned = pages.map(uprightPage)));
  return turned;
}

/** A reading's place, its box turned upright: a reading's box is on the page image; lines and labels are looked at upright. */
function uprightAt(
  pages: PageText[] | undefined,
  at: { page: number | null; bbox: BBox | null },
): { page: number | null; bbox: BBox | null } {
  const p = pages?.find((x) => x.page === at.page);
  const bbox = at.bbox && p?.orientation ? turnBox(at.bbox, p.orientation, p.width, p.height) : at.bbox;
  return { page: at.page, bbox };
}

/** Where a value was found, on the page image as scanned (where the review draws its evidence boxes). */
function ontoImage(f: Found | null, pages: PageText[] | undefined): Found | null {
  const p = f && pages?.find((x) => x.page === f.page);
  if (!f || !p?.orientation) return f;
  return { ...f, bbox: unturnBox(f.bbox, p.orientation, p.width, p.height) };
}

/**
 * Where a street key (house number first) starts in a text's key, a house number that only ends a longer
 * number aside: "-15 East Ridge St" does not write "5 East Ridge St" (a one-digit house-number change
 * would otherwise find the other address inside its own). -1 when nowhere.
 */
function streetAt(text: string, k: string, st: string): number {
  const up = text.toUpperCase();
  for (let at = k.indexOf(st); at >= 0; at = k.indexOf(st, at + 1)) {
    if (at === 0 || !/^\d/.test(st)) return at;
    // the text's character right before the match (ocrKey keeps A–Z and 0–9 only): a digit glued to it
    let seen = 0;
    let i = 0;
    for (; i < up.length; i++) if (/[A-Z0-9]/.test(up[i]!) && seen++ === at) break;
    if (!/\d/.test(up[i - 1] ?? '')) return at;
  }
  return -1;
}

/** Unit designators as ocrKey folds them ("STE" → "5TE", "BLDG" → "8106"). */
const UNIT_DESIGNATOR_KEYS = ['STE', 'SUITE', 'APT', 'UNIT', 'RM', 'ROOM', 'FLOOR', 'BLDG', 'BUILDING'].map(ocrKey);

/**
 * Whether the text between a street and its city (key indices `from`–`to`, ocrKey folding) holds a unit: a
 * designator, then its number — a digit the text writes as a digit, right after it or after one short word
 * a neighbouring column put between ("STE TX 1255"). A form's empty "Ste:" cell before "Postcode: 52240" is
 * no unit (folding makes digits of letters: "POSTCODE" is "P05TC0DE", so the raw characters decide).
 */
function unitWrittenIn(text: string, k: string, from: number, to: number): boolean {
  const between = k.slice(from, to);
  const rawDigitAt = (keyIndex: number) => /\d/.test(text[rawAt(text, keyIndex)] ?? '');
  const rawLetterAt = (keyIndex: number) => /[A-Za-z]/.test(text[rawAt(text, keyIndex)] ?? '');
  return UNIT_DESIGNATOR_KEYS.some((d) => {
    for (let at = between.indexOf(d); at >= 0; at = between.indexOf(d, at + 1)) {
      let next = from + at + d.length;
      for (let skipped = 0; skipped < 2 && next < to && rawLetterAt(next); skipped++) next++;
      if (next < to && rawDigitAt(next)) return true;
    }
    return false;
  });
}

/**
 * Whether a text writes the address as given, word for word once OCR's glue and splits are folded: the
 * street (as normalised or as the value writes it), then its unit, city and ZIP.
 */
function verbatimMatcher(value: AddressParts): (text: string) => boolean {
  // OCR glues and splits words ("NHill Ave"): the same characters in the same order, with the ZIP, count as written
  const street = ocrKey(
    [value.house_number, value.predirectional, value.street_name, value.suffix, value.postdirectional].join(''),
  );
  const unit = ocrKey(value.unit);
  const zip = ocrKey(value.zip5);
  const city = ocrKey(value.city);
  // the street as the value writes it too ("38 Pearl Court", normalised "38 PEARL CT"): a document
  // that writes the street type in full holds the one, not the other
  const rawSegments = value.raw.split(',').map((x) => x.trim());
  const rawStreet = /^\d/.test(rawSegments[0] ?? '') ? ocrKey(rawSegments[0]!) : '';
  const streets = [street, ...(rawStreet && rawStreet !== street ? [rawStreet] : [])].filter((s) => s.length >= 6);
  // a unit with its designator, as normalised and as written ("BLDG 4", "Floor 6"): what may stand
  // apart from the street, with a form's own label words ("Addr Line 2:") between
  const unitWritten = rawSegments.slice(1).find((x) => value.unit && ocrKey(x).endsWith(unit));
  const unitKeys = unit
    ? [ocrKey(`${value.unit_designator}${value.unit}`), ocrKey(unitWritten ?? '')].filter((x) => x.length >= 3)
    : [];
  return (text: string) => {
    const k = ocrKey(text);
    return streets.some((st) => {
      const at = streetAt(text, k, st);
      if (at < 0) return false;
      // the unit and ZIP come after the street (the house number "1200" holds "200", a suite)
      const rest = k.slice(at + st.length);
      const cityAt = city ? rest.indexOf(city) : rest.length;
      // the unit right after it (its designator between), or with its designator before the city;
      // the city and ZIP anywhere after
      // (a one-character unit right after the street may be any folded letter: "6" in "GREEN")
      // (a value without a unit is not the text that writes one before its city: "… Drive, STE 1255, Corpus Christi")
      if (!unit && city && cityAt > 0 && unitWrittenIn(text, k, at + st.length, at + st.length + cityAt)) return false;
      const unitThere =
        !unit ||
        (unit.length >= 2 && rest.slice(0, unit.length + 9).includes(unit)) ||
        unitKeys.some((u) => {
          const ua = rest.indexOf(u);
          return ua >= 0 && ua < cityAt;
        });
      if (!unitThere || cityAt < 0) return false;
      // the city and ZIP are this street's when no other street line stands between (a column beside it:
      // "156 Broadway Ter  Postal Address 13017 Harbor Lane, Dayton") and the ZIP is the first after the
      // street or after the city (a column beside it may put its own ZIP between: "… 79932-7559 … Reno, NV 89595")
      const from = at + st.length;
      if (city && otherStreetLine(text.slice(rawAt(text, from), rawAt(text, from + cityAt)), value.house_number))
        return false;
      return !zip || zipFirstAfter(text, k, from, zip) || (!!city && zipFirstAfter(text, k, from + cityAt, zip));
    });
  };
}

/** A text giving the house number, the street's main word and the place (ZIP or city) near each other. */
function looseMatcher(value: AddressParts, anchorKey: string, place: string): (text: string) => boolean {
  const longest = (t: string) => ocrKey(t.split(/\s+/).reduce((a, b) => (b.length > a.length ? b : a), ''));
  const core = longest(value.street_name);
  // the street as written ("Fifth"), not only as normalised ("5TH")
  const writtenCore = longest((value.raw.split(',')[0] ?? '').replace(/^\s*\d+\S*\s+/, ''));
  return (text) => {
    const k = ocrKey(text);
    return (
      k.includes(anchorKey) &&
      (!core || k.includes(core) || (writtenCore.length >= 3 && k.includes(writtenCore))) &&
      (!place || k.includes(place)) &&
      houseNumberBeforeStreet(text, value.house_number, anchorKey, [core, writtenCore])
    );
  };
}

/**
 * A house number of a digit or two is in every block (a page number, a date, a phone number's digits):
 * it counts as written only as a number of its own with the street's main word a few words after it
 * ("-18 Southwest Magnolia" does not write 2 Southwest Magnolia Court). Longer numbers as they are.
 */
function houseNumberBeforeStreet(text: string, houseNumber: string, anchorKey: string, cores: string[]): boolean {
  const streetWords = cores.filter((c) => c.length >= 3);
  if (!houseNumber || anchorKey.length >= 3 || !streetWords.length) return true;
  const words = text.split(/\s+/);
  return words.some((word, i) => {
    // the number as its own word, or glued to the street's first word ("2Southwest")
    const glued = /^[^A-Za-z0-9]*(\d+)(\D.*)?$/.exec(word);
    const own = glued ? glued[1] === anchorKey : ocrKey(word) === anchorKey;
    if (!own) return false;
    const after = ocrKey([glued?.[2] ?? '', ...words.slice(i + 1, i + 5)].join(''));
    return streetWords.some((c) => after.includes(c));
  });
}

/** Where the character at a key index (ocrKey: letters and digits only) stands in the text. */
function rawAt(text: string, keyIndex: number): number {
  let seen = 0;
  for (let i = 0; i < text.length; i++) if (/[A-Za-z0-9]/.test(text[i]!) && seen++ === keyIndex) return i;
  return text.length;
}

/**
 * Whether a text holds a street line of another address: a number standing alone (not this address's
 * house number, not after a unit designator) with a street type among the next three words after its name.
 */
function otherStreetLine(text: string, houseNumber: string): boolean {
  const words = text.split(/[\s,]+/).filter(Boolean);
  return words.some((w, i) => {
    if (!/^\d{1,6}$/.test(w) || w === houseNumber) return false;
    const before = (words[i - 1] ?? '').toUpperCase().replace(/[.:#]/g, '');
    if (UNIT_DESIGNATORS.has(before) || words[i - 1]?.endsWith('#')) return false;
    return words.slice(i + 2, i + 5).some((x) => STREET_SUFFIXES.has(x.toUpperCase().replace(/\./g, '')));
  });
}

/**
 * Whether the ZIP is the first ZIP written after `from` (a key index, ocrKey folding: the street's end): a
 * text that runs on into the next block or column ("SVC: 4373 MARKET ROAD KNOXVILLE TN 37909-S331 BILL: …
 * KNOXVILLE TN 37940") holds that block's ZIP too, and it is not this address's. Another ZIP is five digits
 * the text writes as digits, standing alone (a word's lookalike letters, a phone or an account number are none).
 */
function zipFirstAfter(text: string, k: string, from: number, zip: string): boolean {
  const at = k.indexOf(zip, from);
  if (at < 0) return false;
  const up = text.toUpperCase();
  let seen = 0;
  let run = 0;
  for (let i = 0; i < up.length; i++) {
    const ch = up[i]!;
    const idx = /[A-Z0-9]/.test(ch) ? seen++ : -1;
    if (idx >= at) break;
    if (idx >= from && /\d/.test(ch)) run++;
    else if (run === 5) return false;
    else run = 0;
  }
  return true;
}

/**
 * parseAddress over one compare's address blocks, each text parsed once: the rules look for several
 * addresses (the LOA's, the CSR's, the invoice's…) in the same blocks, and parsing is most of a search.
 * Per compare (per finder), as the pages are: a parse is a pure function of its text.
 */
function blockParser(): (text: string) => AddressParts {
  const parsed = new Map<string, AddressParts>();
  return (text) => {
    let p = parsed.get(text);
    if (!p) parsed.set(text, (p = parseAddress(text)));
    return p;
  };
}

/**
 * A search made once per compare: the rules ask for the same address on the same document again and
 * again (each rule settles its own doubt). Keyed by the arguments' content, never their identity, so
 * a value built afresh or changed between two asks is looked for again. The result is handed out as a
 * copy: a caller may keep and change what it was given.
 */
function searchedOnce<A extends unknown[]>(search: (...args: A) => Found | null): (...args: A) => Found | null {
  const done = new Map<string, Found | null>();
  return (...args) => {
    const key = JSON.stringify(args);
    let f = done.get(key);
    if (f === undefined) done.set(key, (f = search(...args)));
    return f && { ...f, bbox: [...f.bbox] as BBox };
  };
}

export function finder(pages: ComparePages | undefined): Finder {
  const scanned = (on: Src) => (on === 'case' ? undefined : pages?.[on]);
  // what a document states: a verification response's request column (the other side's values printed
  // back beside the record's) is not what it says (extract/compared.ts)
  const of = (on: Src) => {
    const shown = upright(scanned(on));
    return shown && on !== 'case' ? statedPages(shown, on) : shown;
  };
  const onto = (on: Src, f: Found | null) => ontoImage(f, scanned(on));
  const parseBlock = blockParser();
  const findAddress = (
    value: AddressParts,
    on: DocSrc,
    anywhere: boolean | 'exact' | 'prefix',
    outsideBilling: boolean,
  ): Found | null => {
    const shown = of(on);
    const pagesOf = outsideBilling && shown ? outsideBillingBlocks(shown, on) : shown;
    // parsing is the cost: only text that carries the house number (or the ZIP) is worth parsing
    const anchor = value.house_number || value.po_box || value.zip5;
    if (!anchor) return null;
    const zip = ocrKey(value.zip5);
    const city = ocrKey(value.city);
    // a street line alone proves nothing about the city and ZIP the value also gives
    const parsedHasPlace = (p: AddressParts) => !!(p.city || p.zip5) || !(value.city || value.zip5);
    const verbatim = verbatimMatcher(value);
    const anchorKey = ocrKey(anchor);
    // parsing is the cost: a block that ends with another ZIP is another address whatever its other parts
    // (every comparison below holds a different 5-digit ZIP against the value's as a difference)
    const otherZip = (text: string) => {
      const z = value.zip5 ? addressLineZip(text) : null;
      return z !== null && z !== value.zip5;
    };
    const sameAddress = (text: string) =>
      verbatim(text) ||
      (!otherZip(text) && ((p) => parsedHasPlace(p) && goodAddress(compareAddresses(p, value)))(parseBlock(text)));
    if (anywhere === 'prefix') {
      // the street, unit and ZIP as given and a city that starts like it: words read into the city ("PHOENIX SECTIONC") allowed
      const cityKey = ocrKey(value.city);
      return findAddressInField(
        pagesOf,
        on,
        (text) => {
          const k = ocrKey(text);
          if (!k.includes(anchorKey) || !k.includes(zip) || otherZip(text)) return false;
          const p = parseBlock(text);
          return (
            streetKey(p) === streetKey(value) &&
            ocrKey(p.unit) === ocrKey(value.unit) &&
            (!value.zip5 || p.zip5 === value.zip5) &&
            ocrKey(p.city).startsWith(cityKey)
          );
        },
        true,
        [anchorKey, zip],
      );
    }
    if (anywhere === 'exact')
      return findAddressInField(
        pagesOf,
        on,
        (text) =>
          ocrKey(text).includes(anchorKey) &&
          ocrKey(text).includes(zip) &&
          (verbatim(text) ||
            (!otherZip(text) && ((p) => parsedHasPlace(p) && sameWritten(p, value))(parseBlock(text)))),
        true,
        [anchorKey, zip],
      );
    // anywhere is only ever a reason for doubt: the house number, the street's main word and the ZIP (or city) near each other will do
    if (anywhere)
      return findAddressInField(pagesOf, on, looseMatcher(value, anchorKey, zip || city), true, [
        anchorKey,
        zip || city,
      ]);
    return findAddressInField(pagesOf, on, (text) => ocrKey(text).includes(anchorKey) && sameAddress(text), false, [
      anchorKey,
    ]);
  };
  const addressSearch = searchedOnce(findAddress);
  return {
    known: (on) => !!of(on)?.length,
    ocr: (on) => readByOcr(of(on)),
    sure: (on, conf) => conf >= (readByOcr(of(on)) ? CERTAIN_OCR : CERTAIN),
    labelled: (on, field) => hasLabel(of(on), on, field),
    labelledInFront: (on, field, at) => labelledInFront(of(on), on, field, uprightAt(scanned(on), at)),
    underRecordHeading: (on, field, at) => underRecordHeading(of(on), on, field, uprightAt(scanned(on), at)),
    captionOver: (on, at) => captionOver(of(on), on, uprightAt(scanned(on), at)),
    namedAfter: (on, field, at) => namedAfterInSentence(of(on), on, field, uprightAt(scanned(on), at)),
    afterOnLine: (on, at) => wordsAfterOnLine(of(on), on, uprightAt(scanned(on), at))?.after ?? [],
    fromOnLine: (on, at) => wordsFromOnLine(of(on), on, uprightAt(scanned(on), at)),
    managingRow: (on, roles, accept) => onto(on, managingRowName(of(on), on, roles, accept)),
    wordsInFront: (on, at, max) => wordsInFront(of(on), on, uprightAt(scanned(on), at), max),
    printedRow: (on, at) => printedRowAt(of(on), uprightAt(scanned(on), at)),
    scalar: (field, on, accept, maxWords, opts) => onto(on, findInField(of(on), on, field, accept, maxWords, opts)),
    address: (value, on, anywhere = false, outsideBilling = false) =>
      onto(on, addressSearch(value, on, anywhere, outsideBilling)),
    anywhere: (on, accept, maxWords, wrapped) => onto(on, findAnywhere(of(on), on, accept, maxWords, wrapped)),
    number: (e164, on) => onto(on, findNumberInLists(of(on), on, e164.replace(/^\+1/, ''))),
    written: (on, value, opts) => onto(on, writtenOn(of(on), on, value, opts)),
    writtenTimes: (on, value, digits) => timesWrittenExactly(of(on), on, value, digits),
    ranges: (on) => numberRanges(of(on)),
    timesWritten: (on, tenDigits) => timesWrittenOn(of(on), on, tenDigits),
    digitsOn: (on) => (of(on) ?? []).map((p) => p.words.map((w) => w.text.replace(/\D/g, '')).join('')).join('|'),
  };
}

export const wordCount = (s: string) => s.trim().split(/\s+/).length;
