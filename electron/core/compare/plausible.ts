/**
 * Whether a reading can be what it claims to be, before the review asserts a difference from it or
 * copies it into a case: a heading or label read into the city ("Section C", "Telephone Numbers"),
 * a postcode-like city ("BN1"), a city with its state read onto its end ("Manchester NH").
 */
import type { ServiceAddress } from '../../../shared/domain/document.js';
import {
  cityKey,
  normalizeState,
  type AddressComparison,
  type AddressParts,
} from '../../../shared/normalize/address.js';
import { editDistance } from '../extract/text.js';
import { isKnownCity, zipPlace } from '../extract/zip.js';

/** Words a heading or label puts where a city should be: no US city is named by them. */
const NOT_A_CITY =
  /\b(?:SECTION|PAGE|PART|ACCOUNT|CUSTOMER|SERVICE|BILLING|ADDRESS|LOCATION|CITY|STATE|ZIP|CODE|TOTAL|INVOICE|NUMBERS?|TELEPHONE|PHONE|DATE|SIGNATURE|AUTHORIZED|NAME)\b/i;

/** Why a read city cannot be one, or null when it may be. */
export function cityProblem(city: string): string | null {
  if (/\d/.test(city)) return 'a city name has no digits (a misread postcode or line?)';
  if ((city.match(/[A-Za-z]/g) ?? []).length < 2) return 'too short to be a city name';
  if (NOT_A_CITY.test(city)) return 'a heading or label word, not a city name';
  return null;
}

/** "Manchester NH" with state NH is Manchester: the state read twice, once onto the city's end. */
export function withoutTrailingState(a: ServiceAddress): ServiceAddress {
  const state = normalizeState(a.state);
  const m = /^(.*\S)[\s,]+([A-Za-z]{2})\.?$/.exec(a.city.trim());
  if (!state || !m || normalizeState(m[2]!) !== state) return a;
  // a known city whose last word is a state code stays whole
  if (isKnownCity(a.city.trim(), state)) return a;
  return { ...a, city: m[1]! };
}

/**
 * Why the city of an address reading is doubtful, or null: a heading or label word, digits, or a
 * name that is no city of the state while the reading's own ZIP names the other reading's city.
 */
export function implausibleCity(a: AddressParts, other: AddressParts): string | null {
  if (!a.city) return null;
  const problem = cityProblem(a.city);
  if (problem) return `city "${a.city}" is ${problem}`;
  if (!a.state || isKnownCity(a.city, a.state)) return null;
  const place = zipPlace(a.zip5);
  if (place && other.city && cityKey(place.city) === cityKey(other.city) && place.state === a.state)
    return `city "${a.city}" is no city of ${a.state}, and its ZIP ${a.zip5} is ${place.city}'s`;
  return null;
}

/**
 * The two readings differ in the city alone, and each names a real city of the state that no
 * misreading turns into the other (Bismarck / Fargo): the document says another city, however
 * unsure the reader was of the block (its ZIP check lowers the confidence of exactly this case).
 */
export function anotherRealCity(a: AddressParts, b: AddressParts, r: AddressComparison): boolean {
  const differing = r.parts.filter((p) => p.verdict === 'mismatch' || p.verdict === 'missing').map((p) => p.part);
  if (differing.length !== 1 || differing[0] !== 'city') return false;
  if (!a.state || a.state !== b.state || !isKnownCity(a.city, a.state) || !isKnownCity(b.city, b.state)) return false;
  const ka = cityKey(a.city);
  const kb = cityKey(b.city);
  return editDistance(ka, kb, 3) > 2 && !ka.includes(kb) && !kb.includes(ka);
}
