import fs from 'node:fs';
import { createRequire } from 'node:module';
import { cityKey, ZIP_WORD } from '../../../shared/normalize/address.js';
import { confusableDigits } from '../../../shared/normalize/ocr-confusions.js';

/**
 * The offline US ZIP database (npm `zipcodes`: ~42k ZIPs with their primary city and state). Only
 * the US table is read (the package's index also loads Canada). It is 5 MB and takes a few hundred
 * ms to parse, so it is loaded once, on the first question, never at import; each state's city
 * index is built when that state is first asked about.
 *
 * The database knows one city per ZIP (the USPS "primary" name); a ZIP printed with another city of
 * the same state is often right (a vanity or neighbouring name), so that only lowers confidence.
 */

interface ZipRow {
  zip: string;
  city: string;
  state: string;
  country: string;
}
interface ZipIndex {
  byZip: Readonly<Record<string, ZipRow>>;
  /** ZIPs of each state; its city index is built on the first question about that state */
  zipsByState: Map<string, string[]>;
  cities: Map<string, Map<string, string[]>>;
  loadMs: number;
}

let index: ZipIndex | null = null;

/**
 * The table is a 5 MB object literal; read as JSON it parses about three times faster than
 * `require` compiles it. Should the package's file ever change shape, `require` still works.
 */
function readCodes(): Record<string, ZipRow> {
  const require = createRequire(import.meta.url);
  const file = require.resolve('zipcodes/lib/codes.js');
  try {
    const text = fs.readFileSync(file, 'utf8');
    const start = text.indexOf('{');
    const end = text.indexOf('};', start);
    return JSON.parse(text.slice(start, end + 1)) as Record<string, ZipRow>;
  } catch {
    return (require(file) as { codes: Record<string, ZipRow> }).codes;
  }
}

function load(): ZipIndex {
  if (index) return index;
  const started = performance.now();
  const byZip = readCodes();
  const zipsByState = new Map<string, string[]>();
  for (const zip in byZip) {
    const row = byZip[zip]!;
    if (row.country !== 'US' || !/^\d{5}$/.test(zip)) continue;
    const list = zipsByState.get(row.state);
    if (list) list.push(zip);
    else zipsByState.set(row.state, [zip]);
  }
  index = { byZip, zipsByState, cities: new Map(), loadMs: performance.now() - started };
  return index;
}

function citiesOf(state: string): Map<string, string[]> | undefined {
  const db = load();
  let inState = db.cities.get(state);
  if (inState) return inState;
  const zips = db.zipsByState.get(state);
  if (!zips) return undefined;
  inState = new Map();
  const keyOf = new Map<string, string>();
  for (const zip of zips) {
    const city = db.byZip[zip]!.city;
    let key = keyOf.get(city);
    if (key === undefined) keyOf.set(city, (key = cityKey(city)));
    const list = inState.get(key);
    if (list) list.push(zip);
    else inState.set(key, [zip]);
  }
  db.cities.set(state, inState);
  return inState;
}

/** How long the first load took (ms), for the bench; loads the database if needed. */
export function zipDatabaseLoadMs(): number {
  return load().loadMs;
}

export function zipPlace(zip5: string): { city: string; state: string } | null {
  const row = /^\d{5}$/.test(zip5) ? load().byZip[zip5] : undefined;
  return row && row.country === 'US' ? { city: row.city, state: row.state } : null;
}

/** ZIPs whose primary city is `city` in `state` (empty when the city is unknown there). */
export function zipsOfCity(city: string, state: string): string[] {
  return citiesOf(state)?.get(cityKey(city)) ?? [];
}

export function isKnownCity(city: string, state: string): boolean {
  return zipsOfCity(city, state).length > 0;
}

/** Whether a city of this name exists in any state ("Billings" is in MT, NY, OK and MO). */
export function isCityOfSomeState(city: string): boolean {
  return [...load().zipsByState.keys()].some((state) => isKnownCity(city, state));
}

/**
 * Words that are a known city, a state code and a ZIP of that state ("SANTA FE NM
 * 87502", "SALT LAKE CITY UT 84105"): a city/state/ZIP line as printed, with no tag in front.
 */
export function isCityLineOfWords(words: string[]): boolean {
  if (words.length < 3) return false;
  const zip = ZIP_WORD.exec(words[words.length - 1]!);
  const state = words[words.length - 2]!.replace(/[.,]/g, '').toUpperCase();
  if (!zip || !/^[A-Z]{2}$/.test(state) || zipPlace(zip[1]!)?.state !== state) return false;
  return isKnownCity(words.slice(0, -2).join(' ').replace(/,$/, ''), state);
}

/** The database's spelling of a city ("Saint Louis" for "ST LOUIS"), or null. */
export function knownCityName(city: string, state: string): string | null {
  const zip = zipsOfCity(city, state)[0];
  return zip ? load().byZip[zip]!.city : null;
}

/** Every ZIP one substitution or one adjacent transposition away, with how plausible the slip is. */
function neighbours(zip5: string): { zip: string; likely: boolean }[] {
  const out: { zip: string; likely: boolean }[] = [];
  for (let i = 0; i < 5; i++) {
    for (let d = 0; d <= 9; d++) {
      const c = String(d);
      if (c === zip5[i]) continue;
      out.push({ zip: zip5.slice(0, i) + c + zip5.slice(i + 1), likely: confusableDigits(c, zip5[i]!) });
    }
  }
  for (let i = 0; i < 4; i++) {
    if (zip5[i] === zip5[i + 1]) continue;
    out.push({ zip: zip5.slice(0, i) + zip5[i + 1] + zip5[i] + zip5.slice(i + 2), likely: true });
  }
  return out;
}

export type ZipVerdict =
  /** ZIP, city and state agree */
  | 'ok'
  /** no ZIP printed; the city is a known city of the state */
  | 'no-zip'
  /** the ZIP belongs to the state but names another city (often a legitimate alternate name) */
  | 'other-city'
  /** one digit away there is a ZIP of the printed city and state: probably a slip */
  | 'zip-slip'
  /** the ZIP belongs to another state */
  | 'other-state'
  /** the printed city is the ZIP's own city with one letter slipped ("Sprinfield" for Springfield) */
  | 'city-slip'
  /** the ZIP does not exist */
  | 'unknown-zip'
  /** nothing to check against (no state, or city and ZIP both unknown) */
  | 'unchecked';

export interface ZipCheck {
  verdict: ZipVerdict;
  /** what the database says the printed ZIP is */
  zipPlace: { city: string; state: string } | null;
  /** the ZIP one slip away that fits the printed city/state (only when exactly one fits best) */
  suggestedZip: string | null;
  /** the ZIP's own city, when the printed one is a one-letter slip of it (the reading takes it) */
  suggestedCity?: string;
  /** multiply the reading's confidence by this */
  factor: number;
  /** one sentence for the specialist; empty when all agrees */
  note: string;
}

/** ZIPs one slip away that fit the printed city and state: the single likeliest one (or null) and how many fit. */
function slipFor(zip5: string, city: string, state: string): { zip: string | null; fits: number } {
  const cityZips = new Set(zipsOfCity(city, state));
  if (!cityZips.size) return { zip: null, fits: 0 };
  const fits = neighbours(zip5).filter((n) => cityZips.has(n.zip));
  const likely = fits.filter((n) => n.likely);
  const pick = likely.length ? likely : fits;
  return { zip: pick.length === 1 ? pick[0]!.zip : null, fits: fits.length };
}

/**
 * A city's letters alone, compared letter by letter: the city key abbreviates words ("BEACH" to BCH), which
 * would hide a slip or a lost space in them.
 */
const cityLetters = (c: string) => c.toUpperCase().replace(/[^A-Z]/g, '');

/**
 * The ZIP's own city with a word space OCR lost ("CAPECORAL", "SaltLake City" for ZIP 33915, 84101): its
 * letters, all of them, in order, in the ZIP's state.
 */
export function isZipCityRunTogether(city: string, zip5: string, state: string): boolean {
  const place = zipPlace(zip5);
  return !!place && place.state === state && /[A-Za-z]{4}/.test(city) && cityLetters(city) === cityLetters(place.city);
}

/**
 * Check a printed city / state / ZIP against the database. Never changes the printed values: the
 * result says how far to trust them and, for a probable digit slip, which ZIP was likely meant.
 */
export function checkCityStateZip(city: string, state: string, zip5: string): ZipCheck {
  const ok = (verdict: ZipVerdict, place: ZipCheck['zipPlace'] = null): ZipCheck => ({
    verdict,
    zipPlace: place,
    suggestedZip: null,
    factor: 1,
    note: '',
  });
  if (!/^\d{5}$/.test(zip5)) {
    if (city && state && isKnownCity(city, state)) return ok('no-zip');
    return { ...ok('unchecked'), factor: city && state ? 0.9 : 1 };
  }
  const place = zipPlace(zip5);
  const cityFits = !!city && !!place && cityKey(place.city) === cityKey(city);
  if (place && (!state || place.state === state) && (cityFits || !city)) return ok('ok', place);
  const near = city && state ? slipFor(zip5, city, state) : { zip: null, fits: 0 };
  const slip = near.zip;
  const printed = [city, state].filter(Boolean).join(', ');
  const several = near.fits > 1 && !slip ? ` (${near.fits} ZIPs of ${printed} are one digit away)` : '';
  if (slip) {
    return {
      verdict: 'zip-slip',
      zipPlace: place,
      suggestedZip: slip,
      factor: place && place.state === state ? 0.75 : 0.6,
      note: `ZIP ${zip5} ${place ? `is ${place.city}, ${place.state}` : 'does not exist'}; ${slip} is ${printed} — check the document (a digit may be misread)`,
    };
  }
  if (!place)
    return {
      verdict: 'unknown-zip',
      zipPlace: null,
      suggestedZip: null,
      factor: 0.7,
      note: `ZIP ${zip5} does not exist${several} — check the document`,
    };
  if (state && place.state !== state) {
    return {
      verdict: 'other-state',
      zipPlace: place,
      suggestedZip: null,
      factor: 0.6,
      note: `ZIP ${zip5} is in ${place.state} (${place.city}), not ${state}${several} — check the document`,
    };
  }
  // same state, another city: a neighbouring or vanity name is common, an unknown city less so
  const known = isKnownCity(city, state);
  // the ZIP's own city with a word space OCR lost: the database confirms it as surely as the spaced name,
  // and it is spelt as the database does
  if (!known && isZipCityRunTogether(city, zip5, state))
    return {
      verdict: 'city-slip',
      zipPlace: place,
      suggestedZip: null,
      suggestedCity: place.city,
      factor: 0.97,
      note: `the document prints "${city}"; ZIP ${zip5} is ${place.city}, ${place.state} — read as ${place.city}`,
    };
  if (!known && oneEditApart(cityLetters(city), cityLetters(place.city))) {
    return {
      verdict: 'city-slip',
      zipPlace: place,
      suggestedZip: null,
      suggestedCity: place.city,
      factor: 0.85,
      note: `the document prints "${city}"; ZIP ${zip5} is ${place.city}, ${place.state} — read as ${place.city}`,
    };
  }
  return {
    verdict: 'other-city',
    zipPlace: place,
    suggestedZip: null,
    factor: known ? 0.92 : 0.8,
    note: `ZIP ${zip5} is ${place.city}, ${place.state}; the document says ${printed}${several}`,
  };
}

/**
 * One letter inserted, dropped, changed or two swapped ("SPRINFIELD" / "SPRINGFIELD"): an OCR or
 * typing slip in a city name. Short names are left alone (one letter makes another real town).
 */
function oneEditApart(a: string, b: string): boolean {
  if (a === b || Math.min(a.length, b.length) < 5 || Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}
