/** Whether two address readings are the same address as written, OCR's glued and split words allowed. */
import { type AddressPartName, type AddressParts, compareAddresses } from '../../../shared/normalize/address.js';
import { ocrKey } from './evidence.js';

export const goodAddress = (r: { verdict: string }) => r.verdict === 'match' || r.verdict === 'equivalent';

/** The street line's parts: OCR glues and splits their words across one another ('NHill Ave'), so they go together. */
export const GLUE_PARTS: ReadonlySet<AddressPartName> = new Set<AddressPartName>([
  'house_number',
  'predirectional',
  'street_name',
  'suffix',
  'postdirectional',
]);

/**
 * What guided verification found, compared as the document writes it. Words OCR glued or split
 * ("NHill Ave") may parse into a different street though they are the same letters: such a
 * difference in the street alone is no difference; a unit, city or ZIP that differs still is.
 */
export function foundComparison(ref: AddressParts, candidate: AddressParts): ReturnType<typeof compareAddresses> {
  const r = compareAddresses(ref, candidate);
  if (goodAddress(r)) return r;
  const differing = differingParts(r);
  // a city OCR split ("TRAVERSE C ITY") is the same letters too
  return differing.every((p) => GLUE_PARTS.has(p.part) || sameLetters(p)) ? compareAddresses(ref, ref) : r;
}

/** The parts that differ between two addresses: another value, or given on one side only. */
export const differingParts = (r: ReturnType<typeof compareAddresses>) =>
  r.parts.filter((p) => p.verdict === 'mismatch' || p.verdict === 'missing');

export const sameLetters = (p: { reference: string; candidate: string }) =>
  !!p.reference && ocrKey(p.reference) === ocrKey(p.candidate);
export const streetKey = (a: AddressParts) =>
  ocrKey([a.house_number, a.predirectional, a.street_name, a.suffix, a.postdirectional].join(''));

/**
 * Whether a parsed text is the address as given, OCR's glued and split words allowed: the street's
 * letters (house number to suffix) the same, every other part equal or the same letters.
 */
export function sameWritten(text: AddressParts, value: AddressParts): boolean {
  const r = compareAddresses(value, text);
  if (goodAddress(r)) return true;
  const glueSame = streetKey(text) === streetKey(value);
  // a unit OCR glued to the street ("PKWYBLDG 7") is the same letters as the street and unit
  const withUnitSame = streetKey(text) + ocrKey(text.unit) === streetKey(value) + ocrKey(value.unit);
  return differingParts(r).every((p) =>
    GLUE_PARTS.has(p.part)
      ? glueSame || withUnitSame
      : p.part === 'unit'
        ? withUnitSame || sameLetters(p)
        : sameLetters(p),
  );
}

/**
 * The same words split elsewhere between the street, the unit and the city ("2097 5TH LN PALM" |
 * "BEACHGARDENS" for "2097 5TH LN" | "PALM BEACH GARDENS"): a reader's cut, not another address. The
 * comparison as if the two were one reading; `r` unchanged when any other part differs.
 */
export function splitElsewhere(
  ref: AddressParts,
  v: AddressParts,
  r: ReturnType<typeof compareAddresses>,
): ReturnType<typeof compareAddresses> {
  if (goodAddress(r)) return r;
  const line = (a: AddressParts) => streetKey(a) + ocrKey(a.unit) + ocrKey(a.city);
  const cut = differingParts(r).every((p) => GLUE_PARTS.has(p.part) || p.part === 'unit' || p.part === 'city');
  return cut && differingParts(r).some((p) => p.part === 'city') && line(ref) === line(v)
    ? compareAddresses(ref, ref)
    : r;
}
