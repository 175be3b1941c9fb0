/**
 * Service address: each reading against the reference, part by part, OCR lookalikes and glued words
 * weighed.
 */
import { serviceAddressOnCase } from '../../../shared/domain/case.js';
import { type BBox, type FieldValue, type ServiceAddress } from '../../../shared/domain/document.js';
import {
  type AddressPartComparison,
  type CheckCandidate,
  type FieldComparison,
  type ReviewCheck,
  type Verdict,
  worstVerdict,
} from '../../../shared/domain/comparison.js';
import { reviewedRejection } from '../../../shared/domain/fields.js';
import { DIRECTIONALS, STREET_SUFFIXES, UNIT_DESIGNATORS } from '../../../shared/normalize/usps.js';
import { confusableDigits, ocrSlips } from '../../../shared/normalize/ocr-confusions.js';
import {
  type AddressParts,
  compareAddresses,
  formatAddress,
  isEmptyAddress,
  normalizeState,
  parseAddress,
} from '../../../shared/normalize/address.js';
import { type Found, ocrKey } from './evidence.js';
import { conceptInSentence } from '../extract/address-blocks.js';
import { looksLikeLabelText } from '../extract/labels.js';
import { editDistance, fixDigits } from '../extract/text.js';
import { checkCityStateZip, isKnownCity, zipPlace } from '../extract/zip.js';
import { anotherRealCity, cityProblem, implausibleCity, withoutTrailingState } from './plausible.js';
import {
  type CaseData,
  Collector,
  type DocSrc,
  type Docs,
  SOURCE_LABEL,
  type Src,
  type Val,
  candidate,
  ev,
  evidenceOf,
  fromDoc,
  sayOnce,
} from './run.js';
import {
  GLUE_PARTS,
  differingParts,
  foundComparison,
  goodAddress,
  sameLetters,
  sameWritten,
  splitElsewhere,
  streetKey,
} from './address-match.js';
import { type Finder } from './finder.js';
import { CONTRARY_MIN } from './scalar.js';

function addressFromDoc(read: ServiceAddress, ocr = false): AddressParts {
  // a stray mark OCR put at a city's edge ("|Carson City", a rule or a speck) is no part of its name
  const cityRead = read.city.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}.]+$/gu, '');
  const split = read.unit.trim() ? null : unitBeforeCity(cityRead);
  const city = split ? split.city : cityRead;
  const street = withoutTrailingLabel(withoutLeadingLabel(withoutColumnRules(read.street_line)));
  const street_line = ocr ? withHouseNumberAsDigits(street) : street;
  const unit = split ? split.unit : withoutColumnRules(read.unit);
  const v =
    (city === read.city || !city) && street_line === read.street_line && unit === read.unit
      ? read
      : { ...read, city: city || read.city, street_line, unit };
  const parsed = parseAddress(withoutTrailingState(v));
  return withCitySplitOff(v, parsed);
}

/** Letters OCR reads in a short number's place on an address ("lA" for 1A, "1O5" for 105). */
const NUMBER_LOOKALIKES = 'lI|OoSZ';
const NUMBER_LOOKALIKE = new RegExp(`[${NUMBER_LOOKALIKES}]`);
/** A street line's first word of digits and those letters, then the street's words. */
const HOUSE_NUMBER_AS_READ = new RegExp(`^([0-9${NUMBER_LOOKALIKES}]{2,6})(\\s+\\p{L}.*)$`, 'u');

/** A street line opening with a B and digits, then the street's words ("B9 OakPl"). */
const OPENING_B = /^B(\d{1,5})(\s+\p{L}.*)$/u;

/**
 * A unit read at the head of the city ("Apt lA Cape Coral": the unit's line ran into the city's): a city
 * never opens with a unit designator and its value, so they are the address's unit and the rest its city.
 * The value must read as one (a digit, a single letter: "Apt B", or a short word with a digit's lookalike).
 */
function unitBeforeCity(city: string): { unit: string; city: string } | null {
  const m = /^(#|[A-Za-z]+\.?)\s*(#?[\w-]+)\s+(\p{L}.*)$/u.exec(city.trim());
  // (a value OCR read with a lookalike letter for its digit, "lA" for 1A, is short and holds one)
  const value = m?.[2] ?? '';
  const valueLike = /\d/.test(value) || /^[A-Za-z]$/.test(value) || (value.length <= 3 && NUMBER_LOOKALIKE.test(value));
  if (!m || !valueLike) return null;
  const designator = UNIT_DESIGNATORS.get(m[1]!.toUpperCase().replace(/\.$/, ''));
  if (!designator?.range) return null;
  return { unit: `${m[1]} ${m[2]}`, city: m[3]! };
}

/**
 * An OCR'd street line whose house number holds a letter OCR reads for a digit ("l5 Main Rd", "1O5 Elm St"):
 * a street line opens with its number, so a first word of digits and such lookalikes, a word after it, is
 * that number. A letter a house number may carry ("12B") stays; "I5"-like words without a digit stay.
 */
function withHouseNumberAsDigits(street: string): string {
  // (a house number's own letter follows its digits, "12B": one opening with a B before its digits is an 8
  // OCR read as B, "B9 Oak Pl" for 89)
  const openingB = OPENING_B.exec(street.trim());
  if (openingB) return `8${openingB[1]!}${openingB[2]!}`;
  const m = HOUSE_NUMBER_AS_READ.exec(street.trim());
  if (!m || !/\d/.test(m[1]!) || /^\d+$/.test(m[1]!)) return street;
  return fixDigits(m[1]!) + m[2]!;
}

/**
 * A street line the reader began with its label's words ("Addr 2959 Spring Way", "Street: 12 Elm St"): a
 * street line opens with its house number, and label words before it are no part of the address. A unit
 * before the house number ("Suite 200 1234 Main St") is the address's own and stays.
 */
function withoutLeadingLabel(text: string): string {
  const m = /^([A-Za-z][A-Za-z.\s:#/-]*?)[\s:]+(\d+[A-Za-z]?\s+[A-Za-z].*)$/.exec(text.trim());
  if (!m) return text;
  const words = m[1]!.split(/\s+/).filter(Boolean);
  if (words.some((w) => UNIT_DESIGNATORS.has(w.toUpperCase().replace(/[.,:#]/g, '')))) return text;
  return looksLikeLabelText(m[1]!.replace(/[:\s]+$/, '')) ? m[2]! : text;
}

/**
 * A street line the reader ran on past its street type into the next heading's words ("3279 NW Lincoln Pl
 * Number Details", a table's section title beside the address): one to three words after the last street
 * type that are label text, no number among them (nor a unit designator alone), are no part of the address.
 */
function withoutTrailingLabel(text: string): string {
  const words = text.trim().split(/\s+/);
  const key = (w: string) => w.toUpperCase().replace(/[.,;:]+$/g, '');
  let last = -1;
  for (let i = 1; i < words.length; i++) if (STREET_SUFFIXES.has(key(words[i]!))) last = i;
  const tail = words.slice(last + 1);
  if (last < 1 || !tail.length || tail.length > 3) return text;
  // (a designator alone, its number on the next line, is the unit's start: "… Main St Suite" over "200")
  if (tail.some((w) => /\d/.test(w)) || (tail.length === 1 && UNIT_DESIGNATORS.has(key(tail[0]!)))) return text;
  return looksLikeLabelText(tail.join(' ').replace(/[:\s]+$/, '')) ? words.slice(0, last + 1).join(' ') : text;
}

/**
 * A table's column rule OCR read as a bar ("9017 PINE VALLEY|PKWY", "4153 OLD MILL RD|FLOOR 30"): no part
 * of the address. A bar standing apart or at an end is a rule; one between two words is a rule when a
 * street type or a unit designator stands on either side of it (the grammar of a street line: the bar
 * parts the street from its type or its unit). Any other bar may be a misread letter ("Mi|l") and stays.
 */
function withoutColumnRules(text: string): string {
  if (!text.includes('|')) return text;
  const kept = text.replace(/^[\s|]+|[\s|]+$/g, '').replace(/\s+\|\s*|\s*\|\s+/g, ' ');
  const word = (w: string) => w.toUpperCase().replace(/[.,]/g, '');
  const addressWord = (w: string) => STREET_SUFFIXES.has(word(w)) || UNIT_DESIGNATORS.has(word(w));
  return kept.replace(/(\S+)\|(?=(\S+))/g, (all, before: string, after: string) =>
    addressWord(before) || addressWord(after) ? `${before} ` : all,
  );
}

/**
 * An address read without its city, the city left on the end of the street line ("456 W Oak Ave
 * Springfield"): the ZIP database names the ZIP's city, and a street line ending in it is split there.
 */
function withCitySplitOff(v: ServiceAddress, parsed: AddressParts): AddressParts {
  const place = parsed.zip5 ? zipPlace(parsed.zip5) : null;
  if (!place || (parsed.state && parsed.state !== place.state)) return parsed;
  if (parsed.city) {
    // the city's first words left on the street line ("… Hwy FL 19 Saratoga" / "Springs"): the ZIP's city, whole
    const full = place.city.toUpperCase();
    const city = parsed.city.toUpperCase();
    const head = full.endsWith(` ${city}`) ? full.slice(0, -city.length).trim() : '';
    const street = v.street_line.trim();
    if (!head || !street.toUpperCase().endsWith(head)) return parsed;
    return parseAddress({ ...v, street_line: street.slice(0, -head.length).trim(), city: place.city });
  }
  const m = new RegExp(
    String.raw`^(.*\S)[\s,]+${place.city.replace(/[^A-Za-z ]/g, '.').replace(/ /g, '\\s+')}$`,
    'i',
  ).exec(v.street_line.trim());
  if (!m) return parsed;
  return parseAddress({ ...v, street_line: m[1]!, city: place.city, state: v.state || place.state });
}

/**
 * The lowest confidence at which a reference reading written on its page, the checked address nowhere
 * on it (writtenApart), settles a difference: below it OCR read the block as barely letters (dev bad
 * scans: wrong blocks read at 0.29 and 0.44 asserted differences; right ones at 0.56–0.59 were rejections).
 */
const WRITTEN_APART_MIN = 0.5;

/**
 * A document without a service-address label whose reading is unsure still settles the question
 * when its own reading is written on it in full and the other side's address (its city, unit and
 * ZIP) is nowhere on it: whichever block the reading came from, the other address is not there.
 */
function writtenApart(find: Finder, on: DocSrc, own: AddressParts, other: AddressParts): boolean {
  // a reading without its house number or street is no reading in full (a street cell lost)
  if (!own.house_number || !own.street_name || !(own.city || own.zip5)) return false;
  if (!find.known(on)) return false;
  const mine = find.address(own, on, 'exact');
  if (!mine) return false;
  if (find.address(other, on, 'prefix')) return false;
  // the other differing in its ZIP alone, written on this carrier document as a number of its own ("Location
  // ZIP 62704" below the block): which ZIP the block's reading holds is what a person must look at (the LOA's
  // other blocks are the customer's billing or mailing address: the carrier's ZIP there proves nothing)
  if (on !== 'loa' && onlyZipDiffers(own, other) && find.written(on, other.zip5, { digits: true })) return false;
  const theirs = find.address(other, on, 'exact');
  if (!theirs) return true;
  // the same words read as both: the same address, unless the other lacks the unit this one has
  // (its words then match the block loosely, without the unit)
  return (
    theirs.page === mine.page &&
    theirs.text === mine.text &&
    !!own.unit &&
    !other.unit &&
    !streetKey(other).endsWith(ocrKey(own.unit))
  );
}

/** Two readings the same but for their ZIPs. */
function onlyZipDiffers(a: AddressParts, b: AddressParts): boolean {
  const r = compareAddresses(a, b);
  const differing = differingParts(r);
  return !!b.zip5 && differing.length > 0 && differing.every((p) => p.part === 'zip5' || p.part === 'zip4');
}

/**
 * The LOA's service-address candidates when the LOA is a letter in the sense of statedOverBlock and
 * statedLoaAddress: read from its text layer, no candidate standing under a label. null otherwise.
 */
function letterAddressCandidates(
  find: Finder,
  reading: FieldValue<ServiceAddress> | undefined,
): NonNullable<FieldValue<ServiceAddress>['candidates']> | null {
  const cands = reading?.candidates;
  if (!cands?.length || cands.some((c) => c.why.source === 'label') || !find.known('loa') || find.ocr('loa'))
    return null;
  return cands;
}

/**
 * A letter (read from its text layer) that states its service address in a sentence ("the lines
 * serve our office at …") and gives the carrier's address only in a block no label names (its
 * letterhead, the sender's address): as a billing address, that block proves nothing about the
 * service address, so the sentence's address is what the LOA says however low the reader scored it.
 * Never when any candidate stands under a label: a labelled address is what the letter says.
 */
function statedOverBlock(
  find: Finder,
  reading: FieldValue<ServiceAddress> | undefined,
  ref: Val<AddressParts>,
): boolean {
  const cands = letterAddressCandidates(find, reading);
  // the sentence's address, whether or not the reader ranked it first (statedLoaAddress takes it over an
  // unlabelled block either way), and never one stated as another block's ("please bill us at …")
  const stated =
    cands?.[0]?.why.source === 'prose'
      ? cands[0]
      : cands?.find((c) => c.why.source === 'prose' && !namedOtherBlock(find, c));
  if (!cands || !stated) return false;
  return cands.some((c) => {
    if (c === stated) return false;
    // a letterhead's column rule read into its street ("8334 North Mill Parkway |") is no part of the address
    const value = { ...c.value, street_line: c.value.street_line.replace(/\s*\|\s*/g, ' ').trim() };
    // the carrier's reading by OCR may glue or split its words ("GreenBay"): the same letters are the same block
    return c.why.source === 'layout' && sameWritten(addressFromDoc(value), ref.value);
  });
}

/**
 * The two readings as [side, other] pairs, the reference's first: each side a doubt may be about, with the
 * other beside it. Never the case's value (a person typed it, no reader misread it), nor a side `unsure`
 * passes over (read surely, a text layer…). The one walk over both sides the address doubts share.
 */
function readSides(
  ref: Val<AddressParts>,
  v: Val<AddressParts>,
  unsure: (side: Val<AddressParts>) => boolean = () => true,
): [side: Val<AddressParts>, other: Val<AddressParts>][] {
  const pairs: [Val<AddressParts>, Val<AddressParts>][] = [
    [ref, v],
    [v, ref],
  ];
  return pairs.filter(([side]) => side.src !== 'case' && unsure(side));
}

/**
 * A city that cannot be one (a label read into it) or that its own ZIP contradicts, when the city is all
 * that differs, is a reading to doubt; a street that differs too is a difference whatever the city says.
 */
function cityDoubts(
  find: Finder,
  ref: Val<AddressParts>,
  v: Val<AddressParts>,
  r: ReturnType<typeof compareAddresses>,
): string[] {
  const out: string[] = [];
  if (r.parts.every((p) => (p.verdict !== 'mismatch' && p.verdict !== 'missing') || p.part === 'city')) {
    for (const [side, other] of readSides(ref, v)) {
      if (ocrKey(side.value.city) === ocrKey(other.value.city)) continue;
      const why = implausibleCity(side.value, other.value);
      // a city read surely that the ZIP contradicts is what the document says (a customer's mistake the carrier rejects),
      // not a misreading; a heading or label word is never a city however surely read
      // the checked side's city (the LOA's) is a misreading only when a few letters make it the other's
      const misreadable =
        !!cityProblem(side.value.city, side.value.state) ||
        editDistance(ocrKey(side.value.city), ocrKey(other.value.city), 2) <= 2 ||
        (side === ref && !find.sure(side.src, side.conf));
      if (why && misreadable) out.push(`the ${SOURCE_LABEL[side.src]}'s ${why}`);
    }
  }
  return out;
}

/**
 * The reader was unsure of an address and its alternatives hold another address read under the same
 * label: that label's region holds two addresses (see extract/fields.ts AMBIGUOUS_LABEL_CAP).
 */
function twoUnderOneLabel(find: Finder, reading: FieldValue<ServiceAddress> | undefined): boolean {
  const [own, ...others] = reading?.candidates ?? [];
  if (!reading || !own || own.why.source !== 'label' || find.sure('loa', reading.confidence)) return false;
  return others.some((o) => o.why.source === 'label' && o.why.label === own.why.label);
}

/** The carrier documents' readings with the reader's candidates (where each was found). */
type CarrierReadings = Partial<Record<'invoice' | 'csr', FieldValue<ServiceAddress>>>;

/**
 * An unsure carrier reading that is its reader's own first reading under a caption (not one the review put in
 * its place): how the caption was found, and the other addresses the reader read under the same caption, parsed.
 */
function ownUnderLabel(
  find: Finder,
  ref: Val<AddressParts>,
  readings: CarrierReadings,
): { on: 'invoice' | 'csr'; source: string; rivals: AddressParts[] } | null {
  if ((ref.src !== 'invoice' && ref.src !== 'csr') || ref.conf >= 1) return null;
  const [own, ...others] = readings[ref.src]?.candidates ?? [];
  if (!own?.why.label || ref.found?.label !== own.why.label) return null;
  const ocr = find.ocr(ref.src);
  const rivals = others.filter((o) => o.why.label === own.why.label).map((o) => addressFromDoc(o.value, ocr));
  return { on: ref.src, source: own.why.source, rivals };
}

/**
 * The reference reading's label gives the checked address as well: the carrier document's reader, unsure,
 * read another address under the same caption (two columns side by side, "Service Location" beside "Bill To",
 * run into one region) and that rival is the checked address, OCR's glue and lookalikes allowed. Which of the
 * two the label gives is a guess: the rival's text as formatted, or null.
 */
function refLabelGivesChecked(
  find: Finder,
  ref: Val<AddressParts>,
  v: Val<AddressParts>,
  readings: CarrierReadings,
): string | null {
  const read = ownUnderLabel(find, ref, readings);
  if (!read || find.sure(ref.src, ref.conf) || (read.source !== 'label' && read.source !== 'shape')) return null;
  const rival = read.rivals.find(
    (parts) =>
      sameWritten(parts, v.value) ||
      goodAddress(withoutOcrLookalikes(v.value, parts, compareAddresses(v.value, parts))),
  );
  return rival ? formatAddress(rival) : null;
}

/**
 * An unsure carrier reading its own page confirms part by part, so a difference against it is no misreading:
 * its reader took it under a caption its vocabulary knows, with no other address under that caption (the
 * reading's kept why: extract/fields.ts whyOf); the ZIP database gives its ZIP to its city and state; the
 * review's own index of the page finds it written in full outside any billing block (a second reading of each
 * part, its words read at least CONTRARY_MIN surely); and the checked address differs in parts no OCR slip
 * explains (a unit the carrier's reading gives and the checked address lacks, a street or ZIP of another
 * value written nowhere on the page) — never a part the carrier's reading lacks (its reader may have dropped it).
 */
function confirmedCarrierReading(
  find: Finder,
  ref: Val<AddressParts>,
  v: Val<AddressParts>,
  r: AddressComparison,
  readings: CarrierReadings,
): boolean {
  const read = ownUnderLabel(find, ref, readings);
  if (!read || read.source !== 'label' || !find.known(read.on)) return false;
  if (read.rivals.some((parts) => !sameWritten(parts, ref.value))) return false;
  const a = ref.value;
  if (!a.house_number || !a.street_name || checkCityStateZip(a.city, a.state, a.zip5).verdict !== 'ok') return false;
  const written = find.address(a, read.on, 'exact', true);
  if (!written || written.conf < CONTRARY_MIN) return false;
  const differing = differingParts(r);
  if (!differing.length) return false;
  // (a part the carrier's reading lacks, or one a slip makes of the other, is no confirmed difference)
  if (differing.some((p) => p.verdict === 'mismatch' && (!p.reference || ocrExplains(p.reference, p.candidate))))
    return false;
  const searched = r.parts.filter((p) => p.verdict === 'mismatch' && SEARCHABLE_PARTS.has(p.part));
  return !searched.length || !!differingPartsNowhere(find, read.on, v.value, a, { ...r, parts: searched });
}

/**
 * Doubts the reference document's own page raises about its unsure reading: its label gives the checked
 * address too (refLabelGivesChecked), or the page writes the checked address in full while the reading
 * itself is written nowhere as read (the reader put it together from two blocks: "8419 Santa Fe" of a
 * street cell "8419 Main Ln" over a city cell "Santa Fe"), where the two differ in parts the checked
 * address gives (written in what was found). A reading written as read, read surely, or given by the
 * invoice as well raises none.
 */
function carrierPageDoubts(
  find: Finder,
  ref: Val<AddressParts>,
  v: Val<AddressParts>,
  r: AddressComparison,
  refRival: string | null,
  /** the invoice gives the reference's address too: two carrier documents read apart agree */
  refBacked: boolean,
): string[] {
  if (ref.src === 'case' || ref.conf >= 1 || find.sure(ref.src, ref.conf)) return [];
  const on = ref.src as DocSrc;
  if (refRival)
    return [
      `the ${SOURCE_LABEL[on]}'s service address label also gives ${refRival}, like the ${SOURCE_LABEL[v.src]} (two addresses under one label)`,
    ];
  if (refBacked || !find.known(on) || find.address(ref.value, on, 'exact')) return [];
  // (only a part the checked address gives otherwise: a part it lacks is not shown by finding the rest of it)
  const differing = differingParts(r);
  if (
    !differing.length ||
    differing.some((p) => p.verdict === 'missing' || (!SEARCHABLE_PARTS.has(p.part) && !GLUE_PARTS.has(p.part)))
  )
    return [];
  const checkedThere = find.address(v.value, on, 'exact');
  const shows = (t: string) =>
    differing.filter((p) => SEARCHABLE_PARTS.has(p.part)).every((p) => ocrKey(t).includes(ocrKey(p.candidate)));
  return checkedThere && shows(checkedThere.text)
    ? [
        `the ${SOURCE_LABEL[on]} writes ${checkedThere.text}, the ${SOURCE_LABEL[v.src]}'s address, and its own reading is written nowhere as read`,
      ]
    : [];
}

/**
 * An address found on a document; `backed`: outside its label, the invoice and the LOA agreeing on it
 * (csrWritesAgreed); `billingRead`: the LOA's reading that was its billing block (loaBillingBlockRead).
 */
interface AddressFound {
  src: Src;
  found: Found;
  parts: AddressParts;
  r: ReturnType<typeof compareAddresses>;
  backed?: boolean;
  billingRead?: AddressParts;
}

/**
 * The LOA's reading written in full only inside the LOA's own billing-address block, while the carrier's
 * address is written in full outside it (a form whose captions stand under its boxes, "Billing address (only
 * if different …)" between two address blocks): the reader took the billing block for the service address,
 * and the LOA writes the carrier's as the other. An LOA whose service address really differs writes the
 * carrier's nowhere outside its billing block.
 */
function loaBillingBlockRead(find: Finder, ref: Val<AddressParts>, v: Val<AddressParts>): AddressFound | null {
  if (v.src !== 'loa' || ref.src === 'case' || !find.known('loa')) return null;
  if (!ref.value.house_number || !ref.value.street_name || !ref.value.zip5) return null;
  if (!find.address(v.value, 'loa', 'exact') || find.address(v.value, 'loa', 'exact', true)) return null;
  const found = find.address(ref.value, 'loa', 'exact', true);
  if (!found) return null;
  return { src: 'loa', found, parts: ref.value, r: compareAddresses(ref.value, ref.value), billingRead: v.value };
}

/**
 * An address that seems to differ: is the checked address written under the reference's "Service
 * Address" label (or the reference's under the LOA's)? If not, which doubts keep the difference
 * from being asserted? Never the billing block: an LOA that gives the billing address proves nothing.
 */
function settleAddress(
  find: Finder,
  ref: Val<AddressParts>,
  v: Val<AddressParts>,
  invoice: Val<AddressParts> | null,
  r: ReturnType<typeof compareAddresses>,
  /** the LOA states its address in a sentence and the carrier's only in an unlabelled block (statedOverBlock) */
  loaStated = false,
  /** the LOA's reader found another address under the same label (twoUnderOneLabel) */
  loaTwoUnderLabel = false,
  /** the reference's label gives the checked address too, as its reader's rival reading (refLabelGivesChecked) */
  refRival: string | null = null,
  /** the reference's unsure reading is confirmed by its page, part by part (confirmedCarrierReading) */
  refConfirmed = false,
): {
  found?: AddressFound;
  doubts: AddressDoubt[];
  /** why the difference stands although the reference was not read with certainty */
  note?: string;
} {
  // what is found must show the parts that seemed to differ: a street line without its ZIP proves nothing about the ZIP
  const showsDiffering = (parts: AddressParts) =>
    r.parts
      .filter((p) => p.verdict === 'mismatch' && SEARCHABLE_PARTS.has(p.part))
      .every((p) => !!parts[p.part as keyof AddressParts]);
  if (ref.src !== 'case' && ref.conf < 1) {
    const f = find.address(v.value, ref.src as DocSrc);
    const parts = f ? parseAddress(f.block ?? f.text) : null;
    const r = parts ? foundComparison(parts, v.value) : null;
    if (f && parts && r && goodAddress(r) && showsDiffering(parts) && !writesUnitOnlyRefGives(f, ref.value, v.value))
      return { found: { src: ref.src, found: f, parts, r }, doubts: [] };
  }
  const onCsr = csrPageGivesChecked(find, ref, v, showsDiffering);
  if (onCsr) return { found: onCsr, doubts: [] };
  const billingRead = loaBillingBlockRead(find, ref, v);
  if (billingRead) return { found: billingRead, doubts: [] };
  if (v.src === 'loa' && v.conf < 1) {
    const f = find.address(ref.value, 'loa');
    const parts = f ? parseAddress(f.block ?? f.text) : null;
    const r = parts ? foundComparison(ref.value, parts) : null;
    if (f && parts && r && goodAddress(r) && showsDiffering(parts))
      return { found: { src: 'loa', found: f, parts, r }, doubts: [] };
  }
  const doubts: AddressDoubt[] = [];
  // the invoice agrees with the CSR, in form or letter for letter once OCR's lookalikes and spaces are folded
  // ("38 PE ARL CT, GREEN BAY" / "38 PEARL CT, GREENBAY"): two carrier documents saying the same is no
  // misreading of the words, though the CSR's may still be cut into parts wrongly ("8925S BAY VIEWDR")
  const parsedBack = !!invoice && ref.src === 'csr' && goodAddress(compareAddresses(ref.value, invoice.value));
  // (…or letter for letter as written, a street type OCR glued on one side kept whole: "16 OakTerrace")
  const invoiceBacksRef =
    parsedBack ||
    (!!invoice &&
      ref.src === 'csr' &&
      (ocrKey(formatAddress(ref.value)) === ocrKey(formatAddress(invoice.value)) ||
        ocrKey(ref.value.raw) === ocrKey(invoice.value.raw)));
  if (
    invoice &&
    ref.src === 'csr' &&
    ref.conf < 1 &&
    !parsedBack &&
    // OCR's glued words on the invoice ("VirginiaBeach") are the same letters as the LOA's
    sameWritten(invoice.value, v.value)
  ) {
    doubts.push({
      text: `the invoice's service address is ${formatAddress(invoice.value)} like the ${SOURCE_LABEL[v.src]}'s`,
    });
  }
  // doubts about how surely the reference was read: a strong contrary reading may outweigh them
  const { refDoubts, refUnderLabel } =
    invoiceBacksRef || refConfirmed ? { refDoubts: [], refUnderLabel: false } : refReadingDoubts(find, ref, v);
  doubts.push(...csrRegionGivesChecked(find, ref, v, r).map((text) => ({ text })));
  doubts.push(...cityDoubts(find, ref, v, r).map((text) => ({ text })));
  doubts.push(...carrierPageDoubts(find, ref, v, r, refRival, invoiceBacksRef).map((text) => ({ text })));
  doubts.push(...addressReadingDoubts(find, ref, v, r, loaStated, invoiceBacksRef, invoice?.value));
  doubts.push(...numberSlipDoubt(find, ref, v, r, invoice, invoiceBacksRef).map((text) => ({ text })));
  doubts.push(...trailingCharacterDoubts(find, ref, v, r));
  // …or by the carrier's value of each part that differs being written nowhere on the LOA: whatever block
  // the LOA's reading came from, the LOA does not say the carrier's address
  // (an unsure reading whose label also gave another address, while the LOA writes the carrier's, settles
  // nothing by that label: the label's region holds two addresses — a neighbouring block whose own label
  // was not recognised ran into it — and which one it gives is what a person must look at)
  // (the carrier's address written in full in the LOA's billing block and nowhere else, the LOA's own
  // reading written outside it, is the billing address the LOA gives as well: it says nothing against
  // the service address the LOA states — on a text layer, where what is written is read as written)
  const carrierOnLoa =
    !!find.address(ref.value, 'loa', true) &&
    !(
      v.src === 'loa' &&
      !find.ocr('loa') &&
      !!find.address(v.value, 'loa', 'exact', true) &&
      !!find.address(ref.value, 'loa', 'exact') &&
      !find.address(ref.value, 'loa', 'exact', true)
    );
  const ambiguous = loaTwoUnderLabel && carrierOnLoa;
  const loaSettled =
    v.src === 'loa' &&
    find.known('loa') &&
    (!carrierOnLoa ||
      !!differingPartsNowhere(find, 'loa', ref.value, v.value, r, true) ||
      (!ambiguous &&
        (find.labelled('loa', 'service_address') ||
          writtenApart(find, 'loa', v.value, ref.value) ||
          unitOnlyOnLoa(find, ref, v, invoice, r) ||
          loaStated)));
  if (!find.sure(v.src, v.conf) && !loaSettled)
    doubts.push({
      text: `the ${SOURCE_LABEL[v.src]}'s service address was read with low confidence (${Math.round(v.conf * 100)}%)`,
    });
  if (!refDoubts.length || doubts.length) return { doubts: [...doubts, ...refDoubts] };
  // (the ZIP database's objection to the CSR's reading is one reader's slip: the invoice, read apart, agrees)
  const agreed = carriersAgreeNowhere(find, ref, v, invoice, r, refUnderLabel);
  if (agreed)
    return {
      doubts,
      note: `The CSR and the invoice give the same ${agreed.join(', ')}, and the ${SOURCE_LABEL[v.src]}'s is written on neither, so the difference stands although the CSR's address was not read with certainty.`,
    };
  if (zipObjectionStands(ref, v, r)) return { doubts: [...doubts, ...refDoubts] };
  const note = contraryNote(find, ref, v, invoice, r, refUnderLabel);
  return note ? { doubts, note } : { doubts: [...doubts, ...refDoubts] };
}

/**
 * Whether a block found on the reference's page writes, as a word of its own, the unit its reading gives and
 * the checked address lacks ("996 OLD MILLTERRACE 871 SAN ANTONIO" where OCR lost the designator of "UNIT
 * 871"): the block holds that unit, unparsed, so it shows no address without it.
 */
function writesUnitOnlyRefGives(f: Found, ref: AddressParts, checked: AddressParts): boolean {
  if (!ref.unit || checked.unit) return false;
  const id = ocrKey(ref.unit);
  return id.length >= 2 && (f.block ?? f.text).split(/[\s,]+/).some((w) => ocrKey(w) === id);
}

/**
 * The CSR's reading lost (the invoice is the reference) while the CSR's page — the carrier's record — writes
 * the checked address under its service-address label: the CSR gives it, whatever the invoice shows.
 */
function csrPageGivesChecked(
  find: Finder,
  ref: Val<AddressParts>,
  v: Val<AddressParts>,
  showsDiffering: (parts: AddressParts) => boolean,
): AddressFound | null {
  if (ref.src !== 'invoice' || v.src === 'case' || v.src === 'csr' || !find.known('csr')) return null;
  const f = find.address(v.value, 'csr');
  const parts = f ? parseAddress(f.block ?? f.text) : null;
  const r = parts ? foundComparison(parts, v.value) : null;
  return f && parts && r && goodAddress(r) && showsDiffering(parts) ? { src: 'csr', found: f, parts, r } : null;
}

/**
 * The CSR's reading lost (the invoice is the reference) while the CSR's service-address region writes a part
 * in which the checked address differs from the invoice's, as the checked address gives it (the LOA's unit):
 * the invoice alone may not say what the carrier's record does — a look, not an asserted difference.
 */
function csrRegionGivesChecked(
  find: Finder,
  ref: Val<AddressParts>,
  v: Val<AddressParts>,
  r: AddressComparison,
): string[] {
  if (ref.src !== 'invoice' || v.src === 'case' || v.src === 'csr' || !find.known('csr')) return [];
  const differing = differingParts(r).filter((p) => p.verdict === 'mismatch' && SEARCHABLE_PARTS.has(p.part));
  const inRegion = (x: PartWant) =>
    !!find.scalar('service_address', 'csr', (text) => ocrKey(text) === ocrKey(x.text), x.text.split(/\s+/).length);
  const given = differing.filter((p) => (partToFind(p.part, v.value) ?? []).some(inRegion));
  if (!given.length) return [];
  const names = [...new Set(given.map((p) => PART_NAME[p.part] ?? p.part))].join(', ');
  return [
    `the CSR's service address was not read, and its service address label gives the ${SOURCE_LABEL[v.src]}'s ${names} (the invoice alone may not be the carrier's record)`,
  ];
}

/**
 * Doubts about how surely the reference reading was read (a strong contrary reading may outweigh them): not
 * under the reference's service-address label, or read with low confidence where its page does not settle it.
 * `refUnderLabel`: whether it stands under its label (the review's index, or the reader's own label).
 */
function refReadingDoubts(
  find: Finder,
  ref: Val<AddressParts>,
  v: Val<AddressParts>,
): { refDoubts: AddressDoubt[]; refUnderLabel: boolean } {
  const refDoubts: AddressDoubt[] = [];
  if (ref.conf >= 1 || ref.src === 'case') return { refDoubts, refUnderLabel: false };
  const labelled = find.labelled(ref.src as DocSrc, 'service_address');
  // (a document where no service-address label is recognised: the reader's own label, an unlisted wording)
  const underLabel = labelled ? !!find.address(ref.value, ref.src as DocSrc) : !!ref.byLabel;
  if (labelled && !underLabel)
    refDoubts.push({
      text: `${formatAddress(ref.value)} is not under the ${SOURCE_LABEL[ref.src]}'s service address label (it may come from another block)`,
    });
  else if (
    (!underLabel || ref.conf < CONTRARY_MIN) &&
    !find.sure(ref.src, ref.conf) &&
    // (a reading read less than half surely is barely letters: that it is written on its page and the
    // checked address is not proves nothing — on a bad scan the real block may be what OCR garbled)
    (ref.conf < WRITTEN_APART_MIN || !writtenApart(find, ref.src as DocSrc, ref.value, v.value))
  )
    refDoubts.push({
      text: `the ${SOURCE_LABEL[ref.src]}'s service address was read with low confidence (${Math.round(ref.conf * 100)}%)`,
    });
  return { refDoubts, refUnderLabel: underLabel };
}

/**
 * The address the invoice and the LOA agree on, written on the CSR whose own unsure reading differs
 * ("28411 Parkk Road", a street cut short, "Little Rock" of "North Little Rock", a mailing block's PO box):
 * two documents read apart give one address, and the CSR writes its house number, street and ZIP too —
 * the CSR's reading is the misread one. Its parts as found when they parse to the same address, else the
 * invoice's. Never a CSR read surely, and never when the invoice differs from the LOA (a real difference).
 */
function csrWritesAgreed(
  find: Finder,
  ref: Val<AddressParts>,
  v: Val<AddressParts>,
  invoice: Val<AddressParts> | null,
): (AddressFound & { backed: true }) | null {
  if (!invoice || ref.src !== 'csr' || ref.conf >= 1 || find.sure('csr', ref.conf) || !find.known('csr')) return null;
  if (!sameWritten(invoice.value, v.value) || goodAddress(compareAddresses(ref.value, invoice.value))) return null;
  const exact = find.address(v.value, 'csr', 'exact');
  const f = exact ?? find.address(v.value, 'csr', true);
  if (!f) return null;
  const parsed = parseAddress(f.text);
  const asFound = foundComparison(parsed, v.value);
  // a loose find (house number, street and ZIP) is a reason for doubt only: the block it found must
  // itself parse to the agreed address — "1200 W Madison St Ste 210" is not "… Suite 200"
  const byInvoice = compareAddresses(invoice.value, v.value);
  // (an invoice reading one OCR slip from the checked address — "405B" for 4058, the same letters as written —
  // while the CSR writes that address in full outside its billing blocks: the address found is the checked one)
  const [parts, r] =
    goodAddress(asFound) || !exact
      ? [parsed, asFound]
      : goodAddress(byInvoice) || !find.address(v.value, 'csr', 'exact', true)
        ? [invoice.value, byInvoice]
        : [v.value, compareAddresses(v.value, v.value)];
  return goodAddress(r) ? { src: 'csr', found: f, parts, r, backed: true } : null;
}

/**
 * Why a difference stands although the reference reading is unsure (its only doubts), or null: each part
 * in which the checked address differs is written nowhere on the reference document (read under its
 * label or surely enough), or the invoice gives the CSR's value of those parts, or the other carrier
 * document writes the reference's address in full — whichever block the reading came from, the carrier
 * does not say the checked address. The ZIP database must not object to the reference's reading.
 */
function contraryNote(
  find: Finder,
  ref: Val<AddressParts>,
  v: Val<AddressParts>,
  invoice: Val<AddressParts> | null,
  r: AddressComparison,
  refUnderLabel: boolean,
): string | null {
  const nowhere =
    refUnderLabel || ref.conf >= CONTRARY_MIN
      ? differingPartsNowhere(find, ref.src as DocSrc, v.value, ref.value, r)
      : null;
  if (nowhere)
    return `The ${SOURCE_LABEL[v.src]}'s ${nowhere.join(', ')} ${nowhere.length > 1 ? 'are' : 'is'} written nowhere on the ${SOURCE_LABEL[ref.src]}, so the difference stands although its address was not read with certainty.`;
  const backed = invoiceBackedNowhere(find, ref, v, invoice, r);
  if (backed)
    return `The invoice gives the CSR's ${backed.join(', ')}, and the ${SOURCE_LABEL[v.src]}'s is written nowhere on the CSR, so the difference stands although the CSR's address was not read with certainty.`;
  // (an invoice reading of no house number — a heading read as its street, "Registration (E911)" — is its
  // reading lost as much as none: the invoice's words may still give the CSR's address)
  const invoiceLost = !invoice || noStreetAddress(invoice.value);
  const both = invoiceLost ? writtenOnOtherNowhere(find, ref, v, r) : null;
  if (!both) return null;
  return `The ${ref.src === 'csr' ? 'invoice' : 'CSR'} writes the ${SOURCE_LABEL[ref.src]}'s address too, and the ${SOURCE_LABEL[v.src]}'s ${both.join(', ')} ${both.length > 1 ? 'are' : 'is'} written on neither, so the difference stands although the ${SOURCE_LABEL[ref.src]}'s address was not read with certainty.`;
}

/**
 * An unsure reading of one carrier document (the CSR, or the invoice when no CSR reading stands), the
 * other's own reading lost, that the other writes in full as well (two carrier documents give it,
 * whichever block it came from), while each part in which the checked address differs is written on
 * neither: the carrier's documents do not say the checked address. Else null.
 */
function writtenOnOtherNowhere(
  find: Finder,
  ref: Val<AddressParts>,
  v: Val<AddressParts>,
  r: AddressComparison,
): string[] | null {
  const a = ref.value;
  const other: DocSrc | null = ref.src === 'csr' ? 'invoice' : ref.src === 'invoice' ? 'csr' : null;
  if (!other || !a.house_number || !a.street_name || !(a.city && a.zip5)) return null;
  if (!find.known(other) || !find.address(a, other, 'exact')) return null;
  const onRef = differingPartsNowhere(find, ref.src as DocSrc, v.value, a, r);
  return onRef && differingPartsNowhere(find, other, v.value, a, r) ? onRef : null;
}

/**
 * The parts in which the checked address differs from an unsure CSR reading while the invoice gives the
 * CSR's value of them (two carrier documents agree, whichever was read by OCR; an invoice read unsurely
 * only where both readings give it alike and no misreading explains the checked value), when the checked
 * value of each is written nowhere on the CSR: the carrier's documents do not say the checked address.
 * Parts the invoice gives like the checked address are the CSR reading's loss (a unit dropped), not
 * a difference; without such agreement, null.
 */
function invoiceBackedNowhere(
  find: Finder,
  ref: Val<AddressParts>,
  v: Val<AddressParts>,
  invoice: Val<AddressParts> | null,
  r: AddressComparison,
): string[] | null {
  if (!invoice || ref.src !== 'csr' || !find.known('csr')) return null;
  const readInvoice = compareAddresses(ref.value, invoice.value);
  const byInvoice =
    find.ocr('invoice') || find.ocr('csr') ? withoutOcrLookalikes(ref.value, invoice.value, readInvoice) : readInvoice;
  const agreeIn = (r: AddressComparison, part: string) => {
    const p = r.parts.find((x) => x.part === part);
    return !!p && (p.verdict === 'match' || p.verdict === 'equivalent');
  };
  const differing = r.parts.filter((p) => p.verdict === 'mismatch' && SEARCHABLE_PARTS.has(p.part));
  // an invoice read unsurely backs a part only where its reading and the CSR's give it alike, lookalikes
  // unfolded, and the checked value differs from it in characters no OCR slip explains ("22403" / "22401"):
  // two readings made apart do not err alike, and no misreading made the checked value out of the carrier's
  const sure = invoice.conf >= CONTRARY_MIN;
  const backed = differing.filter((p) =>
    sure ? agreeIn(byInvoice, p.part) : agreeIn(readInvoice, p.part) && !ocrExplains(p.reference, p.candidate),
  );
  if (!backed.length) return null;
  const parts = new Set(backed.map((p) => p.part));
  return differingPartsNowhere(find, 'csr', v.value, ref.value, {
    ...r,
    parts: r.parts.filter((p) => parts.has(p.part)),
  });
}

/**
 * The parts in which the checked address differs from an unsure CSR reading that the invoice, read
 * apart, gives as the CSR does — two readers do not misread alike — when neither reading's value of the
 * part is one OCR slip from the checked value and the checked value is written nowhere on either
 * carrier document: the carrier's documents say another address. One of the two readings must stand
 * under its document's service-address label (two readings of one billing block agree as well). The
 * street is compared as its letters run (house number to street type, the unit after it): OCR glues and
 * splits its words differently on each document ("17357 S MapleWay Apt" / "17357 SMaple Way, Apt 672").
 */
function carriersAgreeNowhere(
  find: Finder,
  ref: Val<AddressParts>,
  v: Val<AddressParts>,
  invoice: Val<AddressParts> | null,
  r: AddressComparison,
  refUnderLabel: boolean,
): string[] | null {
  if (!invoice || ref.src !== 'csr' || !find.known('csr') || !find.known('invoice')) return null;
  const [csr, inv] = [ref.value, invoice.value];
  if (!csr.house_number || !inv.house_number || !csr.street_name || !inv.street_name) return null;
  if (!refUnderLabel && !find.address(inv, 'invoice')) return null;
  const streetLine = (a: AddressParts) => streetKey(a) + ocrKey(a.unit);
  const sameStreet = streetLine(csr).startsWith(streetKey(inv)) || streetLine(inv).startsWith(streetKey(csr));
  const byInvoice = withoutOcrLookalikes(inv, v.value, compareAddresses(inv, v.value));
  const agreed = differingParts(r).filter((p) => {
    if (p.verdict !== 'mismatch' || !SEARCHABLE_PARTS.has(p.part) || p.part === 'unit') return false;
    const onInvoice = byInvoice.parts.find((q) => q.part === p.part);
    if (onInvoice?.verdict !== 'mismatch') return false;
    const same = GLUE_PARTS.has(p.part)
      ? sameStreet
      : !!p.reference && ocrKey(p.reference) === ocrKey(onInvoice.reference);
    return same && !ocrExplains(p.reference, p.candidate) && !ocrExplains(onInvoice.reference, onInvoice.candidate);
  });
  if (!agreed.length) return null;
  const only = (x: AddressComparison) => ({
    ...x,
    parts: x.parts.filter((p) => agreed.some((a) => a.part === p.part)),
  });
  const onCsr = differingPartsNowhere(find, 'csr', v.value, csr, only(r));
  return onCsr && differingPartsNowhere(find, 'invoice', v.value, inv, only(byInvoice)) ? onCsr : null;
}

/** Whether a misread could have made one reading of a part out of the other (ocr-confusions.ts ocrSlips). */
function ocrExplains(a: string, b: string): boolean {
  const [x, y] = [a, b].map((t) => t.toUpperCase().replace(/[^A-Z0-9]/g, '')) as [string, string];
  if (ocrSlips(x, y).explained) return true;
  // …or a character the reader dropped ("2240" for 22403): the one is the other less a character
  const [short, long] = x.length < y.length ? [x, y] : [y, x];
  if (long.length - short.length !== 1) return false;
  return [...long].some((_, i) => long.slice(0, i) + long.slice(i + 1) === short);
}

/**
 * How a part of an address is looked for on a document: long enough that finding it elsewhere by
 * chance is unlikely (a two-digit house number is on every page), numbers standing on their own.
 */
/** A form of an address part to look for (written wholeWords: only as words of its own, never inside others). */
interface PartWant {
  text: string;
  digits: boolean;
  maxEdits: number;
  wholeWords?: boolean;
}

/** Whether the document writes a form of a part (partToFind), as that form must be written. */
function writtenPart(find: Finder, on: DocSrc, x: PartWant): boolean {
  return !!find.written(on, x.text, { digits: x.digits, maxEdits: x.maxEdits, wholeWords: !!x.wholeWords });
}

function partToFind(part: string, a: AddressParts): PartWant[] | null {
  const text =
    part === 'house_number'
      ? a.house_number
      : part === 'street_name'
        ? a.street_name
        : part === 'city'
          ? a.city
          : part === 'zip5'
            ? a.zip5
            : part === 'unit'
              ? // a short unit ("6") is found anywhere: with its designator ("BLDG 6") it is not
                a.unit.length < 3
                ? `${a.unit_designator} ${a.unit}`
                : a.unit
              : '';
  const key = ocrKey(text);
  if (key.length < 3) return null;
  // (a unit with a digit stands as a number does: "26A" is not written in "1226 ANN")
  const digits = /^\d+$/.test(text) || (part === 'unit' && /\d/.test(text));
  const own: PartWant = { text, digits, maxEdits: digits || key.length < 6 ? 0 : 1 };
  if (part === 'unit' && a.unit.length < 3) {
    // the designator in each of its written forms ("FL 6", "FLOOR 6"): a document writes one of them, as
    // words of their own ("STE 1" is not in "TDS TELECOM")
    const d = UNIT_DESIGNATORS.get(a.unit_designator);
    const forms = d ? [...new Set([d.name, d.abbr].filter((f) => f !== '#' && f !== a.unit_designator))] : [];
    return [text, ...forms.map((f) => `${f} ${a.unit}`)].map((t) => ({
      text: t,
      digits: false,
      maxEdits: 0,
      wholeWords: true,
    }));
  }
  if (part !== 'street_name') return [own];
  // the street as written ("East Fifth Terrace"), not only as normalised ("5TH")
  const written = (a.raw.split(',')[0] ?? '').replace(/^\s*\d+\S*\s+/, '').trim();
  const asWritten = ocrKey(written).length >= 3 ? [{ text: written, digits: false, maxEdits: 1 }] : [];
  // a short street name ("Hill", "Oak") is a word of many addresses (the carrier's own letterhead: "3929 N
  // Hill St"): it is this street only with its street type after it, in either of its forms
  const type = a.suffix ? STREET_SUFFIXES.get(a.suffix) : undefined;
  if (key.length < 6 && type) {
    const forms = [...new Set([a.suffix, type.abbr, type.primary])];
    // (as words of their own: "HILL CT" is not in "CHURCHILL CT")
    const typed = forms.map((f) => ({ text: `${a.street_name} ${f}`, digits: false, maxEdits: 0, wholeWords: true }));
    return [...typed, ...asWritten];
  }
  return [own, ...asWritten];
}

/** The parts that can be looked for on a document; a directional, a suffix or a state is a letter or two found anywhere. */
const SEARCHABLE_PARTS = new Set(['house_number', 'street_name', 'unit', 'city', 'zip5']);

/**
 * Every part in which the checked address differs is written nowhere on the document (a lacking
 * part cannot be shown absent; the directional or suffix that differs with the street goes with it).
 */
function differingPartsNowhere(
  find: Finder,
  on: DocSrc,
  checked: AddressParts,
  reference: AddressParts,
  r: AddressComparison,
  /** whether `checked` is the comparison's reference: a part its candidate lacks is then looked for too */
  checkedIsReference = false,
): string[] | null {
  if (!find.known(on)) return null;
  const differing = differingParts(r).filter((p) => SEARCHABLE_PARTS.has(p.part));
  if (!differing.length || (!checkedIsReference && differing.some((p) => p.verdict === 'missing'))) return null;
  // a part the reference's own reading holds, cut elsewhere by its parser ("KINGSLEY BLVD STE 10 42"), differs in form only
  const refKey = ocrKey(reference.raw);
  const real = differing
    .map((p) => ({ part: p.part, wants: partToFind(p.part, checked) }))
    .filter(({ wants }) => !wants || !refKey.includes(ocrKey(wants[0]!.text)));
  const nowhere = real.every(({ wants }) => !!wants && wants.every((x) => !writtenPart(find, on, x)));
  return real.length && nowhere ? real.map((x) => PART_NAME[x.part] ?? x.part) : null;
}

const PART_NAME: Record<string, string> = {
  house_number: 'house number',
  street_name: 'street',
  unit: 'unit',
  city: 'city',
  zip5: 'ZIP',
};

/**
 * Whether the ZIP database's objection to the reference's reading keeps a difference from standing: it is
 * about the ZIP, city and state only — where both readings give the same ZIP and place and differ in the
 * street or unit, a misread ZIP explains no part that differs (fake or real, the carrier's ZIP is the LOA's).
 */
function zipObjectionStands(ref: Val<AddressParts>, v: Val<AddressParts>, r: AddressComparison): boolean {
  const placeShared =
    !!ref.value.zip5 &&
    ref.value.zip5 === v.value.zip5 &&
    !differingParts(r).some((p) => p.part === 'zip5' || p.part === 'city' || p.part === 'state');
  return !placeShared && !!zipDoubt(ref.value);
}

/**
 * The ZIP database's objection to an address reading (a ZIP that is not the city's or the state's),
 * as the extractor words it; stored readings keep no candidates, so the review asks again.
 */
function zipDoubt(a: AddressParts): string | undefined {
  if (!a.zip5 || !a.state) return undefined;
  const check = checkCityStateZip(a.city, a.state, a.zip5);
  // the ZIP's own city with its words glued or split by OCR ("TRAVERSECITY") is no objection
  // …nor is its city cut short by the reading ("PALM BEACH" for the ZIP's Palm Beach Gardens): the same place read short
  const zipCity = check.zipPlace?.state === a.state ? check.zipPlace.city : '';
  if (zipCity && (ocrKey(zipCity) === ocrKey(a.city) || leadingWords(a.city, zipCity))) return undefined;
  return check.note || undefined;
}

/** An address reading offered in a check, with the ZIP database's objection to it (asked only here: it costs). */
function addressCandidate(v: Val<AddressParts>): CheckCandidate {
  const doubt = v.doubt ?? zipDoubt(v.value);
  return candidate({ ...v, ...(doubt ? { doubt } : {}) }, formatAddress);
}

/** What the service-address comparison gathers while each checked source is weighed against the reference. */
interface AddressRun {
  values: FieldComparison['values'];
  normalized: FieldComparison['normalized'];
  evidence: FieldComparison['evidence'];
  verdicts: Verdict[];
  reasons: string[];
  parts: AddressPartComparison[];
  missingOn: Src[];
  /** the LOA's reading with the reader's candidates (where each was found) */
  loaReading: FieldValue<ServiceAddress> | undefined;
  /** the carrier documents' readings with the reader's candidates (refLabelGivesChecked) */
  carrierReadings: CarrierReadings;
  /** the CSR's reading only lacks parts the invoice gives (csrReadingOnlyLacks): the invoice differs from no address of the CSR's */
  csrOnlyLacks?: boolean;
  /** the billing addresses the carrier's documents were read to give (loaReadCarrierBilling) */
  carrierBilling: { src: DocSrc; parts: AddressParts }[];
}

type AddressComparison = ReturnType<typeof compareAddresses>;

const showAddress = (v: unknown) => formatAddress(v as AddressParts);

/**
 * An LOA candidate read as running text whose own line names it another block ("Billing address: 8341
 * East Lake Terrace, …", "BILLING ADDRESS (IF DIFFERENT): …", "Mail invoices to …"): a fact line, not a
 * sentence stating where the lines are.
 */
function namedOtherBlock(find: Finder, c: { page: number | null; bbox: BBox | null }): boolean {
  if (find.labelledInFront('loa', 'billing_address', c) || find.labelledInFront('loa', 'remit', c)) return true;
  const concept = conceptInSentence(find.wordsInFront('loa', c, 6));
  return concept === 'billing' || concept === 'remit';
}

/**
 * The LOA's service address: the one its sentence states ("the service is located at …") when its
 * reader preferred a block no label names (a letterhead, the sender's address) on a letter read from
 * its text layer — the letter names only the sentence's as where the lines are, and the block is as
 * often the billing address. Otherwise the reader's own choice.
 */
function statedLoaAddress(docs: Docs, find: Finder): Val<ServiceAddress> | null {
  const v = fromDoc(docs, 'loa', 'service_address');
  const cands = letterAddressCandidates(find, docs.loa?.service_address);
  if (!v || cands?.[0]?.why.source !== 'layout') return v;
  const stated = cands.find((c) => c.why.source === 'prose' && !namedOtherBlock(find, c));
  if (!stated) return v;
  const doubt = stated.why.zip_check?.note;
  return {
    src: 'loa',
    value: stated.value,
    page: stated.page,
    bbox: stated.bbox,
    conf: stated.confidence,
    ...(doubt ? { doubt } : {}),
  };
}

/**
 * The CSR's service address when its reader took another block: an unsure CSR reading, under no
 * service-address label of the CSR, that disagrees with the invoice's surer service address — read under the
 * invoice's own label and written in full on the CSR too, where the LOA's address (unless it is the
 * invoice's) is not. Both carrier documents then write the invoice's address: it is the carrier's.
 */
function invoiceAddressOnCsr(
  docs: Docs,
  vals: Partial<Record<Src, Val<AddressParts>>>,
  find: Finder,
): { ref: Val<AddressParts>; read: Val<AddressParts>; found: Found } | null {
  const { csr, invoice, loa } = vals;
  if (!csr || !invoice || csr.conf >= 1 || find.sure('csr', csr.conf) || !find.known('csr')) return null;
  if (invoice.conf <= csr.conf) return null;
  const inv = invoice.value;
  if (!inv.house_number || !inv.street_name || !(inv.city || inv.zip5)) return null;
  if (docs.invoice?.service_address?.candidates?.[0]?.why.source !== 'label' && !find.address(inv, 'invoice'))
    return null;
  // the same address however OCR glued or split its words ("BoulevardBldg3", "TraverseCity") is no disagreement
  if (
    goodAddress(withoutOcrLookalikes(csr.value, inv, compareAddresses(csr.value, inv))) ||
    sameWritten(inv, csr.value) ||
    ocrKey(inv.raw) === ocrKey(csr.value.raw) ||
    lacksOnly(csr.value, inv) ||
    // (…nor is an invoice reading that cut the CSR's street short before its street type: "19503 West" of
    // "19503 West Bay View Parkway")
    (!inv.suffix && leadingWords(streetLineOf(inv), streetLineOf(csr.value)))
  )
    return null;
  if (find.labelled('csr', 'service_address') && find.address(csr.value, 'csr')) return null;
  // a CSR writing the LOA's address too, where that is not the invoice's, holds two addresses: which is which is a look
  if (loa && !goodAddress(compareAddresses(inv, loa.value)) && find.address(loa.value, 'csr', 'exact')) return null;
  const found = find.address(inv, 'csr', 'exact');
  if (!found) return null;
  return {
    ref: { src: 'csr', value: inv, page: found.page, bbox: found.bbox, conf: Math.max(csr.conf, invoice.conf) },
    read: csr,
    found,
  };
}

/** An address's street line as its reading writes it (before the first comma). */
const streetLineOf = (a: AddressParts) => (a.raw.split(',')[0] ?? '').trim();

/**
 * Whether `shorter` is `fuller` less some of its parts (a unit or a city its reader dropped), every part it
 * does give the same: no other address, only a poorer reading of this one.
 */
function lacksOnly(fuller: AddressParts, shorter: AddressParts): boolean {
  const r = withoutOcrLookalikes(fuller, shorter, compareAddresses(fuller, shorter));
  const differing = differingParts(r);
  return differing.length > 0 && differing.every((p) => p.verdict === 'missing');
}

/**
 * The invoice's service address as the carrier's, when the CSR's reading is in doubt (unsure, and under
 * no service-address label of the CSR, without a house number or with a street of no word) while the invoice's reading, under its
 * own label, differs from a surely read LOA in parts the CSR writes as the invoice does ("6Z64" for 6264,
 * a street name in a record print's own row) and the LOA's values of those parts are written on neither
 * carrier document. Two carrier documents agree where it matters; the CSR's reading was taken apart
 * wrongly. Each differing part must be long enough to be found by chance nowhere (partToFind).
 */
function invoicePartsOnCsr(
  docs: Docs,
  vals: Partial<Record<Src, Val<AddressParts>>>,
  find: Finder,
): { ref: Val<AddressParts>; reason: string } | null {
  const { csr, invoice, loa } = vals;
  if (!csr || !invoice || !loa || csr.conf >= 1 || find.sure('csr', csr.conf)) return null;
  if (!find.known('csr') || !find.known('invoice') || !find.known('loa') || invoice.conf < CONTRARY_MIN) return null;
  const inv = invoice.value;
  if (!inv.house_number || !inv.street_name || !(inv.city || inv.zip5)) return null;
  // (the readings compared first: most invoices agree with the LOA, and the words are then never looked in)
  const r = withoutOcrLookalikes(inv, loa.value, compareAddresses(inv, loa.value));
  const differing = r.parts.filter((p) => p.verdict !== 'match' && p.verdict !== 'equivalent');
  // (a directional or street type that differs with the street name goes with it: "SW MILL CT" / "LAKE BLVD")
  const withStreet = (p: (typeof differing)[number]) =>
    GLUE_PARTS.has(p.part) && differing.some((q) => q.part === 'street_name' && q.verdict === 'mismatch');
  if (
    !differing.length ||
    differing.some((p) => !(p.verdict === 'mismatch' && SEARCHABLE_PARTS.has(p.part)) && !withStreet(p))
  )
    return null;
  // (a CSR reading like the LOA's but for the house number it lacks says nothing of that number)
  if (csr.value.house_number && goodAddress(compareAddresses(csr.value, loa.value))) return null;
  // the LOA read surely, or under its own service-address label, or nowhere writing the invoice's address:
  // whichever block its reading came from, the LOA does not give the carrier's address
  const loaStands = find.sure('loa', loa.conf) || !!find.address(loa.value, 'loa') || !find.address(inv, 'loa', true);
  if (!loaStands) return null;
  // (…or a street of no word: a phone number's groups read as a street line, "719 S55 0185")
  const csrDoubtful =
    !csr.value.house_number ||
    !/[A-Z]{2}/i.test(`${csr.value.street_name} ${csr.value.suffix}`) ||
    (find.labelled('csr', 'service_address') && !find.address(csr.value, 'csr'));
  if (!csrDoubtful) return null;
  if (docs.invoice?.service_address?.candidates?.[0]?.why.source !== 'label' && !find.address(inv, 'invoice'))
    return null;
  // (a CSR reading with its house number that gives the invoice's value of each differing part is the
  // carrier's own word already: the comparison with it settles that, invoiceBackedNowhere)
  const byCsr = withoutOcrLookalikes(inv, csr.value, compareAddresses(inv, csr.value));
  const csrGives = (part: string) =>
    byCsr.parts.some((p) => p.part === part && (p.verdict === 'match' || p.verdict === 'equivalent'));
  if (csr.value.house_number && differing.every((p) => csrGives(p.part))) return null;
  const onCsr = differing
    .filter((p) => SEARCHABLE_PARTS.has(p.part))
    .every((p) => (partToFind(p.part, inv) ?? []).some((x) => writtenPart(find, 'csr', x)));
  const nowhere =
    onCsr &&
    differingPartsNowhere(find, 'csr', loa.value, inv, r) &&
    differingPartsNowhere(find, 'invoice', loa.value, inv, r);
  if (!nowhere) return null;
  return {
    ref: { src: 'csr', value: inv, page: invoice.page, bbox: invoice.bbox, conf: Math.max(csr.conf, invoice.conf) },
    reason: `The CSR's own reading (${formatAddress(csr.value)}) is in doubt; the invoice's service address ${formatAddress(inv)} is held against the LOA: the CSR writes its ${nowhere.join(', ')} too, and the LOA's is written on neither.`,
  };
}

/** The parts of an address a reader may drop while reading the rest right (a ZIP OCR garbled, "89l14"). */
const DROPPABLE_PARTS = ['city', 'state', 'unit', 'zip5'] as const;

/**
 * The CSR's service address when its reader dropped a part (its city, its unit, its ZIP) that the invoice's
 * reading gives, all else the same: completed from the invoice when the completed address stands under
 * the CSR's own service-address label ("SVC CITY.....: FRESNO" unread), or a lost ZIP is written on the
 * CSR's page. Two carrier documents then say it; without it the CSR's gap would let any city, unit or ZIP
 * on the LOA pass as "nothing to compare".
 */
function csrPartsFromInvoice(
  docs: Docs,
  vals: Partial<Record<Src, Val<AddressParts>>>,
  find: Finder,
): Val<AddressParts> | null {
  const { csr, invoice } = vals;
  const read = docs.csr?.service_address?.value;
  if (!csr || !invoice || !read || csr.conf >= 1 || !find.known('csr')) return null;
  const lost = DROPPABLE_PARTS.filter((part) => !csr.value[part] && !!invoice.value[part]);
  if (!lost.length || !csr.value.house_number || !csr.value.street_name) return null;
  // (a ZIP and a city both lost leave too little of the place to say the invoice's is the same)
  if (!csr.value.zip5 && !(csr.value.city && !lost.includes('city'))) return null;
  // (a city the invoice's reader cut short, "wport News", is given whole as its own ZIP names it)
  const inv = withCityRestored(invoice.value);
  const completed = addressFromDoc({
    ...read,
    ...(lost.includes('zip5') ? { zip5: inv.zip5, zip4: read.zip4 || inv.zip4 } : {}),
    ...(lost.includes('city') ? { city: inv.city } : {}),
    ...(lost.includes('state') ? { state: inv.state } : {}),
    ...(lost.includes('unit') ? { unit: [inv.unit_designator, inv.unit].filter(Boolean).join(' ') } : {}),
  });
  if (lost.some((part) => !completed[part])) return null;
  // the invoice says the same address, once the parts are in (OCR's lookalikes and glued words aside)
  const same = withoutOcrLookalikes(completed, inv, compareAddresses(completed, inv));
  if (!goodAddress(same) && !sameWritten(inv, completed)) return null;
  const found = find.address(completed, 'csr');
  if (found) return { ...csr, value: completed, page: found.page, bbox: found.bbox };
  // (a ZIP alone lost, which the CSR's page writes — OCR's lookalikes allowed, "89l14" — where its record's
  // fields stand apart and no block reads as the address: the CSR gives it, whatever its reader made of it)
  const zipOnPage = lost.length === 1 && lost[0] === 'zip5' && !!find.written('csr', inv.zip5, { digits: true });
  return zipOnPage ? { ...csr, value: completed } : null;
}

/**
 * An address whose city reading is no city of its state while its own ZIP names a city whose name ends with
 * it ("wport News" with 23608, Newport News): the reader lost the city's first letters, and the ZIP's city is
 * the one the document writes. Any other reading as it is.
 */
function withCityRestored(a: AddressParts): AddressParts {
  if (!a.city || !a.state || isKnownCity(a.city, a.state)) return a;
  const place = zipPlace(a.zip5);
  if (!place || place.state !== normalizeState(a.state)) return a;
  const [whole, part] = [ocrKey(place.city), ocrKey(a.city)];
  return part.length >= 3 && whole.length > part.length && whole.endsWith(part) ? { ...a, city: place.city } : a;
}

/** Each document's service address, and the case's, when it names a street or a PO box. */
function addressValues(
  docs: Docs,
  caseAddr: AddressParts | null,
  find: Finder,
): Partial<Record<Src, Val<AddressParts>>> {
  const vals: Partial<Record<Src, Val<AddressParts>>> = {};
  for (const src of ['loa', 'invoice', 'csr'] as const) {
    const v = src === 'loa' ? statedLoaAddress(docs, find) : fromDoc(docs, src, 'service_address');
    if (v) {
      const parsed = addressFromDoc(v.value, find.ocr(src));
      // a reading with no street and no place ("---", a lone unit) is no address to compare with
      if (!isEmptyAddress(parsed) && (parsed.street_name || parsed.po_box !== null)) {
        vals[src] = { ...v, value: parsed };
      }
    }
  }
  if (caseAddr && !isEmptyAddress(caseAddr))
    vals.case = { src: 'case', value: caseAddr, page: null, bbox: null, conf: 1 };
  return vals;
}

/** The billing addresses the CSR and the invoice were read to give. */
const carrierBillingOf = (docs: Docs): AddressRun['carrierBilling'] =>
  (['csr', 'invoice'] as const).flatMap((src) => {
    const b = fromDoc(docs, src, 'billing_address');
    return b ? [{ src, parts: parseAddress(b.value) }] : [];
  });

export function compareServiceAddress(
  c: Collector,
  docs: Docs,
  caseAddr: AddressParts | null,
  present: Set<Src>,
  find: Finder,
): FieldComparison {
  const vals = addressValues(docs, caseAddr, find);
  const values: FieldComparison['values'] = {};
  const normalized: FieldComparison['normalized'] = {};
  for (const [src, v] of Object.entries(vals) as [Src, Val<AddressParts>][]) {
    values[src] = v.value.raw;
    normalized[src] = formatAddress(v.value);
  }
  const csrCompleted = csrPartsFromInvoice(docs, vals, find);
  if (csrCompleted) vals.csr = csrCompleted;
  const csrByInvoice = invoiceAddressOnCsr(docs, vals, find);
  if (csrByInvoice) {
    values.csr = csrByInvoice.found.text;
    normalized.csr = formatAddress(csrByInvoice.ref.value);
    vals.csr = csrByInvoice.ref;
  }
  const csrParts = csrByInvoice ? null : invoicePartsOnCsr(docs, vals, find);
  if (csrParts) vals.csr = csrParts.ref;
  const evidence = ev(Object.values(vals));
  const ref = vals.csr ?? vals.invoice ?? null;
  const billing = fromDoc(docs, 'invoice', 'billing_address');
  const billingParts = billing ? parseAddress(billing.value) : null;

  // a PO box is never a service address, whatever the carrier shows
  for (const src of ['loa', 'case'] as Src[]) {
    const v = vals[src];
    // an unsure LOA reading of a PO box where the LOA also writes the carrier's street address is a mailing block read
    // as the service address: the comparison below makes it a check
    const mailingBlock =
      !!v && !!ref && src === 'loa' && !find.sure('loa', v.conf) && !!find.address(ref.value, 'loa', true);
    if (v && v.value.po_box !== null && (!ref || ref.value.po_box === null) && !mailingBlock) {
      c.predict(
        reviewedRejection('service_address'),
        'blocker',
        `The ${SOURCE_LABEL[src]} gives PO Box ${v.value.po_box} as the service address; a PO box is never a service address.`,
        evidenceOf([v, ref], showAddress),
      );
    }
  }
  if (!ref) return addressWithoutReference(c, vals, { values, normalized, evidence }, !!billing);

  const checked = (['loa', 'case'] as Src[]).filter((s) => present.has(s));
  const invoiceOnly = checked.length === 0 && ref.src === 'csr' && !!vals.invoice;
  if (invoiceOnly) checked.push('invoice');
  const run: AddressRun = {
    values,
    normalized,
    evidence,
    verdicts: [],
    reasons: [],
    parts: [],
    missingOn: [],
    loaReading: docs.loa?.service_address,
    carrierReadings: { invoice: docs.invoice?.service_address, csr: docs.csr?.service_address },
    carrierBilling: carrierBillingOf(docs),
  };
  const invoice = ref.src === 'csr' ? (vals.invoice ?? null) : null;
  if (csrByInvoice)
    run.reasons.push(
      `The CSR's own reading (${formatAddress(csrByInvoice.read.value)}) seems to come from another block: the CSR writes the invoice's service address ${formatAddress(ref.value)} in full, and that is what the LOA is held against.`,
    );
  if (csrParts) run.reasons.push(csrParts.reason);
  for (const src of checked) {
    const v = vals[src];
    const prefix = checked.length > 1 || src !== 'loa' ? `${SOURCE_LABEL[src]}: ` : '';
    // an empty case field is not entered yet; only the LOA must carry the address
    if (!v) {
      if (src === 'loa') addressMissingOnLoa(c, find, run, ref);
    } else {
      const read = splitElsewhere(ref.value, v.value, compareAddresses(ref.value, v.value));
      const r = find.ocr(ref.src) || find.ocr(v.src) ? withoutOcrLookalikes(ref.value, v.value, read) : read;
      if (!addressDoubtSettled(c, find, run, ref, v, r, invoice, prefix))
        addressDifference(c, run, ref, v, withoutCsrLosses(find, ref, v, invoice, r), billingParts, prefix);
    }
  }
  const { verdicts, reasons } = run;
  const invoiceBeside = ref.src === 'csr' && !invoiceOnly && !run.csrOnlyLacks ? vals.invoice : undefined;
  if (invoiceBeside && invoiceDiffersFromCsr(ref.value, invoiceBeside.value))
    reasons.push(
      `Note: the invoice's service address (${formatAddress(invoiceBeside.value)}) differs from the CSR's; the CSR is the carrier's record.`,
    );
  if (ref.value.po_box !== null)
    reasons.push(`The ${SOURCE_LABEL[ref.src]} shows a PO box; ask the carrier for the street address of the lines.`);
  if (!checked.length) {
    return c.field({
      field: 'service_address',
      verdict: 'info',
      values,
      normalized,
      reference: ref.src,
      evidence,
      reason: `The ${SOURCE_LABEL[ref.src]} shows ${formatAddress(ref.value)}; there is no LOA or case address to check against it.`,
    });
  }
  const verdict = verdicts.length ? worstVerdict(verdicts) : 'info';
  if (!verdicts.length)
    reasons.push(
      `The ${SOURCE_LABEL[ref.src]} shows ${formatAddress(ref.value)}; the case has no service address yet.`,
    );
  return c.field({
    field: 'service_address',
    verdict,
    values,
    normalized,
    reference: ref.src,
    evidence,
    parts: run.parts,
    reason: sayOnce(reasons),
    ...(verdict !== 'match' ? { proposed: formatAddress(ref.value) } : {}),
    ...(run.missingOn.length ? { missing_on: run.missingOn } : {}),
  });
}

/**
 * A part the checked reading lacks while its document writes the reference's value of it, in any of its
 * forms ("Floor 14" for the CSR's FL 14): the reader dropped it, and a person looks at the whole address.
 */
function droppedPartDoubts(
  find: Finder,
  ref: Val<AddressParts>,
  v: Val<AddressParts>,
  r: AddressComparison,
): AddressDoubt[] {
  if (v.src === 'case' || v.conf >= 1 || !find.known(v.src as DocSrc)) return [];
  const dropped = r.parts
    .filter((p) => p.verdict === 'missing' && SEARCHABLE_PARTS.has(p.part))
    .map((p) => ({
      part: p.part,
      want: partToFind(p.part, ref.value)?.find((x) => writtenPart(find, v.src as DocSrc, { ...x, maxEdits: 0 })),
    }))
    .flatMap((d) => (d.want ? [{ part: d.part, want: d.want }] : []));
  if (!dropped.length) return [];
  return [
    {
      text: `the ${SOURCE_LABEL[v.src]}'s reading lacks its ${dropped.map((d) => PART_NAME[d.part] ?? d.part).join(', ')}, but the ${SOURCE_LABEL[v.src]} writes ${dropped.map((d) => d.want.text).join(', ')}`,
    },
  ];
}

/**
 * The invoice's service address is another than the CSR's: not the same letters OCR glued or split
 * ("38 PE ARL CT" / "38 PEARL CT"), and not a heading read as its street ("Registration (E911)"), which is
 * no address of its own.
 */
function invoiceDiffersFromCsr(csr: AddressParts, invoice: AddressParts): boolean {
  return (
    compareAddresses(csr, invoice).verdict === 'mismatch' && !sameWritten(invoice, csr) && !noStreetAddress(invoice)
  );
}

/**
 * A reading whose street line opens with no number (a house number misparsed, "-4 Oak Terrace", opens
 * with one) and gives no PO box: a heading or a caption read as the street ("Registration (E911)").
 */
function noStreetAddress(a: AddressParts): boolean {
  return !a.house_number && a.po_box === null && !/^\W*\d/.test(a.raw.split(',')[0] ?? '');
}

/**
 * A unit one side gives that the other's reading lacks, while that reading's street line ends with a unit
 * designator alone ("8098 SWStone Creek Ave Ste" against "Ste 5"): the reader kept the designator and lost
 * its number (a scan's speck, the next cell), so the carrier's record is not shown without that unit — a
 * doubt whose unit is given back (beyondCutShort): a ZIP that differs as well still stands, and another
 * street or city beside it raises no such doubt. A text layer, read as written, is spared: there a
 * designator alone is what the document prints.
 */
const UNIT_PARTS = new Set(['unit', 'unit_designator', 'extra_units']);

function unitNumberLostDoubts(
  find: Finder,
  ref: Val<AddressParts>,
  v: Val<AddressParts>,
  r: AddressComparison,
): AddressDoubt[] {
  if (!r.parts.some((p) => p.part === 'unit' && (p.verdict === 'missing' || p.verdict === 'mismatch'))) return [];
  for (const [side, other] of readSides(ref, v, (s) => find.ocr(s.src))) {
    if (side.value.unit || !other.value.unit) continue;
    const words = streetLineOf(side.value).split(/\s+/);
    const last = words.at(-1) ?? '';
    if (!UNIT_DESIGNATORS.has(last.toUpperCase().replace(/[.,:#]/g, ''))) continue;
    const text = `the ${SOURCE_LABEL[side.src]}'s street line ends with "${last}" and no unit after it, where the ${SOURCE_LABEL[other.src]} gives ${[other.value.unit_designator, other.value.unit].filter(Boolean).join(' ')} (its reading may have lost the unit's number)`;
    // (the designator parsed into the street, "SWSTONE CREEK AVE STE": without it, the same street's letters)
    const streetWithout = ocrKey(words.slice(0, -1).join(' ')) === streetKey(other.value);
    // only where nothing else of the place differs but what the lost number explains (a ZIP stands apart):
    // another street or city beside it is another address, whatever became of the unit
    const explained = (part: string) =>
      UNIT_PARTS.has(part) || part === 'zip5' || part === 'zip4' || (streetWithout && STREET_PARTS.has(part));
    if (!differingParts(r).every((p) => explained(p.part))) continue;
    return [
      { text, cutShort: 'unit' },
      ...(streetWithout && r.parts.some((p) => STREET_PARTS.has(p.part) && p.verdict === 'mismatch')
        ? [{ text, cutShort: 'street' as const }]
        : []),
    ];
  }
  return [];
}

/**
 * An unsure reading with no house number whose street holds the other side's house number after a word of
 * letters ("DR 857B BAY VIEWWAY" for "8578 Bay View Way": a record's tag "SADR" OCR split, read into the
 * street): the house number is there, behind a tag — a reading to look at, not another street.
 */
function taggedHouseNumberDoubts(find: Finder, ref: Val<AddressParts>, v: Val<AddressParts>): AddressDoubt[] {
  const out: AddressDoubt[] = [];
  for (const [side, other] of readSides(ref, v, (s) => !find.sure(s.src, s.conf))) {
    if (side.value.house_number) continue;
    const house = ocrKey(other.value.house_number);
    const words = streetLineOf(side.value).split(/\s+/);
    const at = words.findIndex((w) => ocrKey(w) === house);
    if (house.length < 2 || at < 1 || !words.slice(0, at).every((w) => /^[A-Za-z]{1,5}$/.test(w))) continue;
    out.push({
      text: `the ${SOURCE_LABEL[side.src]}'s street "${words.join(' ')}" holds the house number ${other.value.house_number} after "${words.slice(0, at).join(' ')}" (a tag read into the street?)`,
    });
  }
  return out;
}

/**
 * A street whose name is only a direction ("28 W" of "28 W Main Ter"), read unsurely: the words after the
 * direction were lost, on whichever side — a reading cut short, not another street.
 */
function directionOnlyDoubts(find: Finder, ref: Val<AddressParts>, v: Val<AddressParts>): AddressDoubt[] {
  const out: AddressDoubt[] = [];
  for (const [side, other] of readSides(ref, v, (s) => !find.sure(s.src, s.conf))) {
    if (side.value.suffix) continue;
    if (!DIRECTIONALS.has(side.value.street_name.toUpperCase()) || !other.value.street_name) continue;
    if (DIRECTIONALS.has(other.value.street_name.toUpperCase())) continue;
    if (leadingWords(streetLineOf(side.value), streetLineOf(other.value)))
      out.push({
        text: `the ${SOURCE_LABEL[side.src]}'s street "${streetLineOf(side.value)}" ends at a direction, no street name after it (its reading may have cut the street short)`,
      });
  }
  return out;
}

/**
 * Doubts about the address readings themselves: a reading without a house number where the other has
 * one (a heading read as the street: "SECTION B"), or a part the checked reading lacks while the
 * document writes the reference's value of it (the reader dropped it: "ZIP (none)" with 72292 on the page).
 */
function addressReadingDoubts(
  find: Finder,
  ref: Val<AddressParts>,
  v: Val<AddressParts>,
  r: AddressComparison,
  /** the LOA states its address in a sentence, the carrier's only in an unlabelled block (statedOverBlock) */
  loaStated = false,
  /** the invoice gives the CSR's address as well (two documents read apart say the same) */
  refBacked = false,
  /** the invoice's reading, when the reference is the CSR's */
  invoice?: AddressParts,
): AddressDoubt[] {
  const doubts: AddressDoubt[] = [];
  const invoiceZip = invoice?.zip5 ?? '';
  for (const [side, other] of readSides(ref, v, (s) => s.conf < 1)) {
    // no digit at all before the city: not a house number misparsed ("-4 Oak Terrace"), none written
    const noNumber = !side.value.house_number && !/\d/.test(side.value.raw.split(',')[0] ?? '');
    if (
      noNumber &&
      side.value.po_box === null &&
      other.value.house_number &&
      !numberLostOnCsr(find, side, other, invoice)
    )
      doubts.push({
        text: `the ${SOURCE_LABEL[side.src]}'s reading "${formatAddress(side.value)}" has no house number (a heading read as the street?)`,
      });
  }
  doubts.push(...unitNumberLostDoubts(find, ref, v, r));
  // the reading's street differs, but its document writes the carrier's street in full ("6251 Pine Valley Ln"
  // read as "6251 Pine Valley"), or the unsure reading is the carrier's street less its last words (the
  // document may abbreviate them otherwise): a reading cut short, not another street
  if (
    v.src !== 'case' &&
    !find.sure(v.src, v.conf) &&
    r.parts.some((p) => p.part === 'street_name' && p.verdict === 'mismatch') &&
    ocrKey(streetLineOf(ref.value)).length >= 6 &&
    // cut short: the reading's street is the start of the carrier's, words lost at its end
    ocrKey(streetLineOf(ref.value)).startsWith(ocrKey(streetLineOf(v.value))) &&
    ocrKey(streetLineOf(ref.value)).length > ocrKey(streetLineOf(v.value)).length &&
    (leadingWords(streetLineOf(v.value), streetLineOf(ref.value)) ||
      find.written(v.src as DocSrc, streetLineOf(ref.value)))
  )
    doubts.push({
      text: `the ${SOURCE_LABEL[v.src]} writes "${streetLineOf(ref.value)}" like the ${SOURCE_LABEL[ref.src]} (its reading may have cut the street short)`,
      cutShort: 'street',
    });
  doubts.push(...directionOnlyDoubts(find, ref, v), ...taggedHouseNumberDoubts(find, ref, v));
  // …and so is an unsure city that is the carrier's less its last words ("Palm Beach" for "Palm Beach Gardens")
  if (
    v.src !== 'case' &&
    !find.sure(v.src, v.conf) &&
    r.parts.some((p) => p.part === 'city' && p.verdict === 'mismatch') &&
    leadingWords(v.value.city, ref.value.city)
  )
    doubts.push({
      text: `the ${SOURCE_LABEL[v.src]}'s city "${v.value.city}" is the start of the ${SOURCE_LABEL[ref.src]}'s "${ref.value.city}" (its reading may have cut the city short)`,
      cutShort: 'city',
    });
  // a ZIP one lookalike digit off ("62784" for 62704), all else the same, on a side not read with certainty:
  // the reader's slip is as likely as another ZIP, so a person looks before a rejection is predicted —
  // unless OCR read the ZIP's own word surely (the address's confidence is its words' mean), or the
  // reference's ZIP is the invoice's too: two documents read apart do not slip on the same digit
  const differing = differingParts(r);
  const zipReadSurely = (s: Val<AddressParts>) => {
    if (s === ref && (refBacked || invoiceGivesCsrZip(find, ref, v, invoiceZip))) return true;
    const word = s.src === 'case' ? null : find.written(s.src, s.value.zip5, { digits: true });
    return !!word && find.sure(s.src, word.conf);
  };
  const unsure = [v, ref].find((s) => s.src !== 'case' && s.conf < 1 && !find.sure(s.src, s.conf) && !zipReadSurely(s));
  if (
    unsure &&
    differing.length === 1 &&
    differing[0]!.part === 'zip5' &&
    oneLookalikeDigitApart(ref.value.zip5, v.value.zip5)
  ) {
    const other = unsure === v ? ref : v;
    doubts.push({
      text: `the ${SOURCE_LABEL[unsure.src]}'s ZIP ${unsure.value.zip5} is one lookalike digit from the ${SOURCE_LABEL[other.src]}'s ${other.value.zip5} and was read with low confidence (${Math.round(unsure.conf * 100)}%)`,
    });
  }
  // (a letter whose sentence gives no unit while its letterhead — the carrier's address — does: the sentence
  // is what the letter says of where the lines are, and the letterhead is why the unit is on the page)
  if (!(v.src === 'loa' && loaStated)) doubts.push(...droppedPartDoubts(find, ref, v, r));
  // …and the same of an unsure reference reading: a unit it lacks that the checked address has, written on
  // the reference document ("#507" on the CSR, its reading without a unit), was dropped by the reader —
  // unless the reading holds it already, left in the street by its parser ("KINGSLEY BLVD STE 10 42");
  // only when the unit is all that differs (a street that differs too still does)
  const onlyUnit = !differingParts(r).some((p) => p.part !== 'unit' && SEARCHABLE_PARTS.has(p.part));
  const unitWant =
    onlyUnit &&
    v.value.unit &&
    !ref.value.unit &&
    ref.src !== 'case' &&
    ref.conf < 1 &&
    !find.sure(ref.src, ref.conf) &&
    find.known(ref.src as DocSrc)
      ? partToFind('unit', v.value)?.find(
          (x) =>
            !ocrKey(ref.value.raw).includes(ocrKey(x.text)) &&
            // (as words of its own: "15A" is not in "590012l1 Sandhill", a number's end run into a name)
            writtenPart(find, ref.src as DocSrc, { ...x, maxEdits: 0, wholeWords: true }),
        )
      : undefined;
  if (unitWant)
    doubts.push({
      text: `the ${SOURCE_LABEL[ref.src]}'s reading lacks its unit, but the ${SOURCE_LABEL[ref.src]} writes ${unitWant.text}`,
    });
  return doubts;
}

/**
 * A CSR reading without a house number ("Kingsley" of a record's "SA House No: 27240" / "Svc Addr Street:
 * Kingsley Way") beside an address that has one, when the invoice, read apart, gives that same number
 * and the CSR writes it as a number of its own: the CSR's reader lost it, the CSR does not lack it — the
 * parts the invoice gives like the checked address are then the CSR reading's loss (withoutCsrLosses).
 */
function numberLostOnCsr(
  find: Finder,
  side: Val<AddressParts>,
  other: Val<AddressParts>,
  invoice: AddressParts | undefined,
): boolean {
  const number = other.value.house_number;
  if (side.src !== 'csr' || !invoice || invoice.house_number !== number || number.length < 3) return false;
  return find.known('csr') && !!find.written('csr', number, { digits: true, wholeWords: true });
}

/**
 * The invoice gives the CSR's ZIP, whatever else its reading lost: its reading's ZIP is the CSR's, or its
 * page writes the CSR's ZIP and not the checked one (a reading that found no street keeps no ZIP). Two
 * documents read apart do not slip on the same digit.
 */
function invoiceGivesCsrZip(find: Finder, ref: Val<AddressParts>, v: Val<AddressParts>, invoiceZip: string): boolean {
  const zip = ref.value.zip5;
  if (ref.src !== 'csr' || !zip || !v.value.zip5) return false;
  if (invoiceZip) return invoiceZip === zip;
  return (
    find.known('invoice') &&
    !!find.written('invoice', zip, { digits: true }) &&
    !find.written('invoice', v.value.zip5, { digits: true })
  );
}

/**
 * A house number or unit one lookalike character off ("16" for 15, "1148" for 1143), all else the same, on
 * a side read barely (below CONTRARY_MIN) whose part OCR did not read surely either: the reader's slip is as
 * likely as another building or suite, so a person looks (dev bad scans: readings at 0.77–0.82 one digit off
 * were real differences). Not a reference whose value of the part the invoice gives too (two
 * documents read apart do not slip on the same character).
 */
function numberSlipDoubt(
  find: Finder,
  ref: Val<AddressParts>,
  v: Val<AddressParts>,
  r: AddressComparison,
  invoice: Val<AddressParts> | null,
  /** the invoice gives the reference's address (invoiceBacksRef) */
  refBacked: boolean,
): string[] {
  const differing = differingParts(r);
  const part = differing[0]?.part;
  if (differing.length !== 1 || differing[0]!.verdict !== 'mismatch' || (part !== 'house_number' && part !== 'unit'))
    return [];
  // (the parts as compared: a reading re-read against the other's words, "80673RD" as 8067 3RD, gives its own)
  const asCompared = { ref: differing[0]!.reference, v: differing[0]!.candidate };
  const [a, b] = [asCompared.ref, asCompared.v].map((t) => t.toUpperCase().replace(/[^A-Z0-9]/g, '')) as [
    string,
    string,
  ];
  const slip = ocrSlips(a, b);
  if (!a || !/\d/.test(a + b) || slip.slips !== 1 || !slip.explained) return [];
  const backed = refBacked || (!!invoice && invoice.value[part] === ref.value[part]);
  const readSurely = (s: Val<AddressParts>) => {
    // (a reading at CONTRARY_MIN or above stands on its own: two readings made apart slip alike too rarely)
    if (s.src === 'case' || s.conf >= CONTRARY_MIN || (s === ref && backed)) return true;
    const word = find.written(s.src, s === ref ? asCompared.ref : asCompared.v, { digits: true });
    return !!word && find.sure(s.src, word.conf);
  };
  const unsure = [v, ref].find((s) => !readSurely(s));
  if (!unsure) return [];
  const other = unsure === v ? ref : v;
  const noun = part === 'unit' ? 'unit' : 'house number';
  const [mine, theirs] = unsure === v ? [asCompared.v, asCompared.ref] : [asCompared.ref, asCompared.v];
  return [
    `the ${SOURCE_LABEL[unsure.src]}'s ${noun} ${mine} is one lookalike from the ${SOURCE_LABEL[other.src]}'s ${theirs} and was read with low confidence (${Math.round(unsure.conf * 100)}%)`,
  ];
}

/**
 * A unit or house number one side writes with a last letter or digit more than the other ("38A" / "38",
 * "12" / "12B"), where either side was read by OCR: a scan loses a short word's last character to a speck
 * or the next line ("Suite 38" over "A Corpus Christi") and gains one from a mark beside it as easily as a
 * building writes another suite, so a person looks — at any confidence (OCR reads the characters it does
 * see surely). Two text layers write what they write. Each such part is a doubt of its own whose part is
 * given back (beyondCutShort): a ZIP or street that differs as well still stands.
 */
function trailingCharacterDoubts(
  find: Finder,
  ref: Val<AddressParts>,
  v: Val<AddressParts>,
  r: AddressComparison,
): AddressDoubt[] {
  if (!find.ocr(ref.src) && !find.ocr(v.src)) return [];
  const scanned = [v, ref].find((s) => find.ocr(s.src))!;
  const other = scanned === v ? ref : v;
  return differingParts(r).flatMap((p) => {
    if (p.verdict !== 'mismatch' || (p.part !== 'house_number' && p.part !== 'unit')) return [];
    const [a, b] = [p.reference, p.candidate].map((t) => t.toUpperCase().replace(/[^A-Z0-9]/g, '')) as [string, string];
    const [short, long] = a.length < b.length ? [a, b] : [b, a];
    if (!/\d/.test(short) || long.length !== short.length + 1 || !long.startsWith(short)) return [];
    const noun = p.part === 'unit' ? 'unit' : 'house number';
    const [mine, theirs] = scanned === ref ? [p.reference, p.candidate] : [p.candidate, p.reference];
    return [
      {
        text: `the ${SOURCE_LABEL[scanned.src]}'s ${noun} ${mine} and the ${SOURCE_LABEL[other.src]}'s ${theirs} differ only by a last character, which a scan loses or gains easily`,
        cutShort: p.part,
      },
    ];
  });
}

/** Two five-digit ZIPs that differ in one place, by digits OCR confuses (0/8, 3/8, 5/6, 1/7…). */
function oneLookalikeDigitApart(a: string, b: string): boolean {
  if (!/^\d{5}$/.test(a) || !/^\d{5}$/.test(b)) return false;
  const at = [...a].flatMap((ch, i) => (ch === b[i] ? [] : [i]));
  return at.length === 1 && confusableDigits(a[at[0]!]!, b[at[0]!]!);
}

/**
 * One reason a difference is not asserted. `cutShort` names the part a reading may have lost the end of:
 * the rest of the address can still be held against the carrier's (beyondCutShort).
 */
interface AddressDoubt {
  text: string;
  cutShort?: 'street' | 'city' | 'unit' | 'house_number';
}

/**
 * The differences that stand once a reading cut short is given the carrier's street and city back
 * (a unit or ZIP of its own): null when nothing else differs or another doubt remains.
 */
function beyondCutShort(ref: AddressParts, v: AddressParts, doubts: AddressDoubt[]): AddressComparison | null {
  if (!doubts.length || !doubts.every((d) => d.cutShort)) return null;
  // only what a doubt says was cut short is given back: a city cut short says nothing of another street
  const street = doubts.some((d) => d.cutShort === 'street');
  const city = doubts.some((d) => d.cutShort === 'city');
  const unit = doubts.some((d) => d.cutShort === 'unit');
  const repaired: AddressParts = {
    ...v,
    ...(doubts.some((d) => d.cutShort === 'house_number') ? { house_number: ref.house_number } : {}),
    ...(unit ? { unit_designator: ref.unit_designator, unit: ref.unit, extra_units: ref.extra_units } : {}),
    ...(street
      ? {
          house_number: ref.house_number,
          predirectional: ref.predirectional,
          street_name: ref.street_name,
          suffix: ref.suffix,
          postdirectional: ref.postdirectional,
        }
      : {}),
    ...(city ? { city: ref.city } : {}),
  };
  // (the carrier's city glued or split by OCR, "GRANDRAPIDS", is the same city: only what differs in letters stands)
  const r = withoutOcrLookalikes(ref, repaired, compareAddresses(ref, repaired));
  return r.location_mismatch || r.postal_code_mismatch ? r : null;
}

/**
 * Whether `part` is `whole`'s first words, fewer of them (OCR's lookalikes folded, and its glued or split
 * words: "9893 Pine Valley" is the start of "9893 Pi ne Valley Highway", cut where a word of it ends).
 */
function leadingWords(part: string, whole: string): boolean {
  const [p, w] = [part, whole].map((t) =>
    t
      .split(/[\s,.]+/)
      .map(ocrKey)
      .filter(Boolean),
  ) as [string[], string[]];
  const [pk, wk] = [p.join(''), w.join('')];
  if (!pk || pk.length >= wk.length || !wk.startsWith(pk)) return false;
  let end = 0;
  return w.some((x) => (end += x.length) === pk.length);
}

const LOOKALIKE_PARTS = new Set(['house_number', 'street_name', 'unit', 'city', 'zip5', 'zip4']);

/**
 * A part that differs only by OCR's lookalikes or spacing on a scanned side ("STE 118B" for 1188) is
 * the same part: the address compared again with it taken as the reference writes it.
 */
function withoutOcrLookalikes(
  ref: AddressParts,
  v: AddressParts,
  r: AddressComparison,
  /** the readings were re-read already (rereadWith): no second re-reading */
  reread = false,
): AddressComparison {
  if (goodAddress(r)) return r;
  // (a unit's value alone: "#95S" is Suite 955 misread, whichever designator each side writes)
  const sameUnit = !!ref.unit && ocrKey(ref.unit) === ocrKey(v.unit);
  const same = r.parts.filter(
    (p) =>
      p.verdict === 'mismatch' && LOOKALIKE_PARTS.has(p.part) && (sameLetters(p) || (p.part === 'unit' && sameUnit)),
  );
  const fixed: AddressParts = { ...v };
  for (const p of same)
    (fixed as unknown as Record<string, string>)[p.part] = ref[p.part as keyof AddressParts] as string;
  // words glued or split across the street and the unit ("FOREST HIGHWAYBLDG 6", "289 BO Fifth Dr"): the same
  // characters up to the city are the same street and unit, however the parser cut them
  const streetAndUnit = (a: AddressParts) => {
    const raw = a.raw.toUpperCase();
    const at = a.city ? raw.lastIndexOf(a.city.toUpperCase()) : -1;
    return ocrKey(at > 0 ? raw.slice(0, at) : '');
  };
  const glued = streetAndUnit(v);
  const streetDiffers = differingParts(r).some((p) => GLUE_PARTS.has(p.part) || p.part === 'unit');
  const copy = (keys: string[]) => {
    for (const k of keys as (keyof AddressParts)[]) (fixed as unknown as Record<string, unknown>)[k] = ref[k];
  };
  if (streetDiffers && glued.length >= 6 && glued === streetAndUnit(ref))
    copy([...GLUE_PARTS, 'unit', 'unit_designator', 'extra_units']);
  // the street's words glued or split ("MARTINLUTHER KING", "403 1 3RD", "FIFTHCIRCLE"): the same street once its
  // parts are read together, or once a glued word is cut where the other side's word ends
  else if (streetDiffers && streetKey(v) === streetKey(ref)) copy([...GLUE_PARTS]);
  else if (!same.length) {
    // glue and splits undone against the other side's words: the same address, or the difference stands
    // (a lookalike left in the re-read words, "FLOOR l8" for 18, folded as in any reading)
    const again = (
      [
        [ref, rereadWith(v, ref)],
        [rereadWith(ref, v), v],
      ] as const
    ).map(([a, b]) => {
      const x = compareAddresses(a, b);
      return reread || goodAddress(x) ? x : withoutOcrLookalikes(a, b, x, true);
    });
    // (a re-read that shows the same address settles it; a reading re-read once is not re-read again)
    const good = again.find(goodAddress);
    if (good || reread) return good ?? r;
    // (…or a house number glued to a numbered street undone: what differs after it is real — "80673RD AVE"
    // is 8067 3RD AVE, a house number against the other's 8069)
    const [a, b] = [withHouseNumberUnglued(ref, v), withHouseNumberUnglued(v, ref)];
    return a !== ref || b !== v ? withoutOcrLookalikes(a, b, compareAddresses(a, b), true) : r;
  }
  return compareAddresses(ref, fixed);
}

/**
 * An address re-read with OCR's glue and splits undone against the other side's words: two
 * neighbouring words joined where together they are a word the other side writes ("Fift h" →
 * "Fifth", "190 5" → "1905"), a glued word cut after one ("FIFTHCIRCLE" → "FIFTH CIRCLE").
 */
function rereadWith(a: AddressParts, other: AddressParts): AddressParts {
  const keyOf = (t: string) => t.toUpperCase().replace(/[^A-Z0-9]/g, '');
  const words = new Set(
    other.raw
      .toUpperCase()
      .split(/[^A-Z0-9]+/)
      .filter((w) => w.length >= 2),
  );
  const toks = a.raw.split(/\s+/).filter(Boolean);
  const out: string[] = [];
  for (let i = 0; i < toks.length; i++) {
    const tok = toks[i]!;
    const next = toks[i + 1];
    // a split word: never across a comma
    if (next && !/,$/.test(tok) && words.has(keyOf(tok + next)) && !(words.has(keyOf(tok)) && words.has(keyOf(next)))) {
      out.push(tok + next);
      i++;
      continue;
    }
    const up = keyOf(tok);
    const head = words.has(up)
      ? undefined
      : ([...words].find((w) => up.startsWith(w) && up.length - w.length >= 2) ?? suffixGluedToUnit(up, next));
    out.push(head ? `${tok.slice(0, head.length)} ${tok.slice(head.length)}` : tok);
  }
  const raw = out.join(' ');
  return raw === toks.join(' ') ? a : parseAddress(raw);
}

/**
 * An address read without a house number whose street opens with one glued to a numbered street the other
 * side writes ("80673rd Avenue" for 8067 3rd Avenue against the other's 3RD): re-read with the cut where
 * the other side's street word starts (a street line opens with its house number). `a` itself otherwise.
 */
function withHouseNumberUnglued(a: AddressParts, other: AddressParts): AddressParts {
  if (a.house_number || !other.house_number || !other.street_name) return a;
  const [first = '', ...rest] = a.raw.split(/\s+/);
  const m = /^(\d+)(\d+(?:ST|ND|RD|TH))([,.;]?)$/i.exec(first);
  if (!m) return a;
  const glued = m[1]! + m[2]!;
  for (let cut = 1; cut < glued.length - 2; cut++) {
    const street = glued.slice(cut).toUpperCase();
    if (street === other.street_name.split(' ')[0] && !/^0/.test(street))
      return parseAddress([`${glued.slice(0, cut)} ${glued.slice(cut)}${m[3]}`, ...rest].join(' '));
  }
  return a;
}

/**
 * A street type OCR glued to the unit designator after it ("BOULEVARDFLOOR l8", "AVESTE 200"): the
 * street type, when the rest is a designator that takes a value and the next word is one. The other
 * side may write the type in another form (BLVD), so its words alone would not find the cut.
 */
function suffixGluedToUnit(up: string, next: string | undefined): string | undefined {
  const value = next?.replace(/[,.;]+$/, '');
  if (!value || !/^#?\w*\d\w*$|^[A-Z]$/i.test(value) || STREET_SUFFIXES.has(up) || UNIT_DESIGNATORS.has(up))
    return undefined;
  for (let at = up.length - 2; at >= 2; at--) {
    const unit = UNIT_DESIGNATORS.get(up.slice(at));
    if (unit?.range && STREET_SUFFIXES.has(up.slice(0, at))) return up.slice(0, at);
  }
  return undefined;
}

/** No CSR or invoice service address: only a PO box or an LOA/case difference can be said. */
function addressWithoutReference(
  c: Collector,
  vals: Partial<Record<Src, Val<AddressParts>>>,
  shown: Pick<FieldComparison, 'values' | 'normalized' | 'evidence'>,
  hasBilling: boolean,
): FieldComparison {
  const loa = vals.loa;
  const kase = vals.case;
  const poBox = [loa, kase].find((v) => v && v.value.po_box !== null);
  if (poBox) {
    return c.field({
      field: 'service_address',
      verdict: 'mismatch',
      values: shown.values,
      normalized: shown.normalized,
      reference: null,
      evidence: shown.evidence,
      reason: `The ${SOURCE_LABEL[poBox.src]} gives PO Box ${poBox.value.po_box}; a PO box is never a service address. No CSR or invoice service address to compare with.`,
    });
  }
  if (loa && kase) {
    const r = compareAddresses(loa.value, kase.value);
    if (r.verdict === 'mismatch' || r.verdict === 'missing') {
      return c.field({
        field: 'service_address',
        verdict: 'mismatch',
        values: shown.values,
        normalized: shown.normalized,
        reference: null,
        evidence: shown.evidence,
        reason: `No CSR or invoice service address to check against, and the case differs from the LOA: ${r.reasons.join(' ')}`,
        parts: r.parts.map((p) => ({ ...p, source: 'case' as const })),
      });
    }
  }
  const billingNote = hasBilling ? ' The invoice shows only a billing address, which is not the service address.' : '';
  return c.field({
    field: 'service_address',
    verdict: 'not_checked',
    values: shown.values,
    normalized: shown.normalized,
    reference: null,
    evidence: shown.evidence,
    reason: `No CSR (or invoice "service address" section) shows where the lines are, so the service address cannot be checked.${billingNote}`,
  });
}

/** The LOA has no service address reading: found under its label, a check for a person, or missing. */
function addressMissingOnLoa(c: Collector, find: Finder, run: AddressRun, ref: Val<AddressParts>): void {
  const onLoa = find.address(ref.value, 'loa');
  if (onLoa) {
    const r = compareAddresses(ref.value, parseAddress(onLoa.text));
    run.values.loa = onLoa.text;
    run.evidence.loa = { page: onLoa.page, bbox: onLoa.bbox };
    run.verdicts.push(r.verdict === 'missing' ? 'mismatch' : r.verdict);
    run.reasons.push(`The LOA shows ${onLoa.text} under its service address label.`);
    return;
  }
  // guided verification where the LOA's reader took no address: the carrier's address written in full on
  // the LOA, outside its billing blocks (a hand-print form's boxes, a row of a site list), is the LOA's
  const written = find.known('loa') ? find.address(ref.value, 'loa', 'exact', true) : null;
  if (written) {
    run.values.loa = formatAddress(ref.value);
    run.normalized.loa = formatAddress(ref.value);
    run.evidence.loa = { page: written.page, bbox: written.bbox };
    run.verdicts.push('match');
    run.reasons.push(
      `No service address was read on the LOA, but it writes ${formatAddress(ref.value)}, the ${SOURCE_LABEL[ref.src]}'s address, in full outside its billing-address block.`,
    );
    return;
  }
  run.missingOn.push('loa');
  const refShaky =
    ref.src !== 'case' && ref.conf < 1 && !find.sure(ref.src, ref.conf) && !find.address(ref.value, ref.src as DocSrc);
  if (find.known('loa') && (refShaky || find.address(ref.value, 'loa', true))) {
    run.verdicts.push('check');
    run.reasons.push(
      `No service address was found on the LOA; look whether it is written somewhere (the ${SOURCE_LABEL[ref.src]} has ${formatAddress(ref.value)}).`,
    );
    c.check(
      'service_address',
      reviewedRejection('service_address'),
      refShaky
        ? `No service address was read on the LOA, and the ${SOURCE_LABEL[ref.src]}'s ${formatAddress(ref.value)} was read with low confidence.`
        : `No service address was read on the LOA, but ${formatAddress(ref.value)} appears on it.`,
      ['loa'],
      ref.src,
      { [ref.src]: [addressCandidate(ref)] },
    );
    return;
  }
  run.verdicts.push('missing');
  run.reasons.push(
    `${SOURCE_LABEL.loa} gives no service address; the ${SOURCE_LABEL[ref.src]} has ${formatAddress(ref.value)}.`,
  );
  c.predict(
    reviewedRejection('service_address'),
    'blocker',
    `The ${SOURCE_LABEL.loa} has no service address; the carrier has ${formatAddress(ref.value)}.`,
    evidenceOf([ref], showAddress),
    'service_address',
    ['loa'],
  );
}

/**
 * A checked address that seems to differ: guided verification may find the right one under the
 * label, or doubts make it a check. Returns whether it was settled so (else it is a plain difference).
 */
function addressDoubtSettled(
  c: Collector,
  find: Finder,
  run: AddressRun,
  ref: Val<AddressParts>,
  v: Val<AddressParts>,
  compared: AddressComparison,
  invoice: Val<AddressParts> | null,
  prefix: string,
): boolean {
  const src = v.src;
  let r = compared;
  if (r.verdict !== 'mismatch' && r.verdict !== 'missing') return false;
  const lacking = csrReadingOnlyLacks(find, ref, v, invoice, r);
  if (lacking) {
    run.parts.push(...lacking.parts.map((p) => ({ ...p, source: src })));
    run.verdicts.push(lacking.verdict === 'missing' ? 'mismatch' : lacking.verdict);
    run.csrOnlyLacks = true;
    run.reasons.push(
      `${prefix}The CSR's reading ${formatAddress(ref.value)} (read with low confidence) lacks the ${SOURCE_LABEL[src]}'s ${lacking.lacks.join(', ')} and says nothing else; the invoice, read apart, gives the ${SOURCE_LABEL[src]}'s address ${formatAddress(invoice!.value)}. ${lacking.reasons.join(' ')}`.trim(),
    );
    return true;
  }
  const agreed = csrWritesAgreed(find, ref, v, invoice);
  const settled = agreed
    ? { found: agreed, doubts: [] as AddressDoubt[], note: undefined }
    : settleAddress(
        find,
        ref,
        v,
        invoice,
        r,
        src === 'loa' && statedOverBlock(find, run.loaReading, ref),
        src === 'loa' && twoUnderOneLabel(find, run.loaReading),
        refLabelGivesChecked(find, ref, v, run.carrierReadings),
        confirmedCarrierReading(find, ref, v, r, run.carrierReadings),
      );
  if (settled.found) {
    const { src: on, found, parts: foundParts } = settled.found;
    // (an address found beside the LOA's billing block is shown as the carrier's: the words found there run
    // through the form's captions)
    run.values[on] = settled.found.billingRead ? formatAddress(foundParts) : found.text;
    run.normalized[on] = formatAddress(foundParts);
    run.evidence[on] = { page: found.page, bbox: found.bbox };
    r = settled.found.r;
    run.parts.push(...r.parts.map((p) => ({ ...p, source: src })));
    run.verdicts.push(r.verdict === 'missing' ? 'mismatch' : r.verdict);
    const billingRead = settled.found.billingRead;
    run.reasons.push(
      (settled.found.backed
        ? `${prefix}The ${SOURCE_LABEL[on]} writes ${found.text}, the address the invoice and the LOA give (its own reading ${formatAddress(ref.value)} was misread or taken from another block). ${r.reasons.join(' ')}`
        : billingRead
          ? `${prefix}The ${SOURCE_LABEL[on]} writes ${formatAddress(foundParts)}, the ${SOURCE_LABEL[ref.src]}'s address, outside its billing-address block; its reading ${formatAddress(billingRead)} is written only in that block (the LOA's billing address). ${r.reasons.join(' ')}`
          : `${prefix}The ${SOURCE_LABEL[on]} shows ${found.text} under its service address label. ${r.reasons.join(' ')}`
      ).trim(),
    );
    return true;
  }
  const billingRead = src === 'loa' ? loaReadCarrierBilling(find, run.carrierBilling, ref, v) : null;
  if (billingRead) settled.doubts.push({ text: billingRead });
  if (settled.note && !settled.doubts.length) run.reasons.push(`${prefix}${settled.note}`);
  // another real city settles the doubt unless the other reading's address is written in full on this document too
  const realCity =
    anotherRealCity(ref.value, v.value, r) &&
    !(v.src !== 'case' && find.address(ref.value, v.src as DocSrc, 'exact')) &&
    !(ref.src !== 'case' && find.address(v.value, ref.src as DocSrc, 'exact'));
  if (!settled.doubts.length || realCity) return false;
  run.parts.push(...r.parts.map((p) => ({ ...p, source: src })));
  run.verdicts.push('check');
  // (one doubt may give back two parts, each its own entry: said once)
  run.reasons.push(
    `${prefix}Could not be confirmed — look at both: ${[...new Set(settled.doubts.map((d) => d.text))].join('; ')}.`,
  );
  const cands: ReviewCheck['candidates'] = {
    [ref.src]: [addressCandidate(ref)],
    [src]: [addressCandidate(v)],
  };
  if (invoice) cands.invoice = [addressCandidate(invoice)];
  c.check(
    'service_address',
    r.location_mismatch ? reviewedRejection('service_address') : 'POSTAL_CODE_MISMATCH',
    `${settled.doubts[0]!.text[0]!.toUpperCase()}${settled.doubts[0]!.text.slice(1)}.`,
    [src],
    ref.src,
    cands,
  );
  // a unit or ZIP of the LOA's own beside a street or city cut short: that difference stands
  const beyond = beyondCutShort(ref.value, v.value, settled.doubts);
  if (beyond?.location_mismatch)
    c.predict(
      reviewedRejection('service_address'),
      'blocker',
      `${SOURCE_LABEL[src]} ${formatAddress(v.value)} vs ${SOURCE_LABEL[ref.src]} ${formatAddress(ref.value)}: ${beyond.reasons.filter((x) => !/ZIP \d/.test(x)).join(' ')}`.trim(),
      evidenceOf([ref, v], showAddress),
      'service_address',
      [src],
    );
  const zipStands = r.location_mismatch && zipDifferenceStands(find, ref, v, invoice);
  if (beyond?.postal_code_mismatch || zipStands)
    c.predict(
      'POSTAL_CODE_MISMATCH',
      'blocker',
      `${SOURCE_LABEL[src]} ZIP ${v.value.zip5 || '(none)'} vs ${SOURCE_LABEL[ref.src]} ZIP ${ref.value.zip5}${zipStands ? " (the invoice's too; the LOA writes the CSR's ZIP nowhere)" : ''}.`,
      evidenceOf([ref, v], showAddress),
      'service_address',
      [src],
    );
  return true;
}

/**
 * An unsure LOA reading that is the address a carrier document gives as the account's BILLING address, while
 * the LOA also writes the carrier's service address's house number and ZIP: the LOA's reader may have taken
 * its billing block for the service address (a form whose captions stand under its boxes), so a person
 * looks. An LOA that gives the billing address where the service address belongs, and the carrier's service
 * address nowhere, still comes out as a difference (addressDifference names the billing address).
 */
function loaReadCarrierBilling(
  find: Finder,
  billing: AddressRun['carrierBilling'],
  ref: Val<AddressParts>,
  v: Val<AddressParts>,
): string | null {
  if (v.src !== 'loa' || ref.src === 'case' || find.sure('loa', v.conf) || !find.known('loa')) return null;
  if (!ref.value.house_number || !ref.value.zip5) return null;
  const same = (a: AddressParts, b: AddressParts) => goodAddress(compareAddresses(a, b)) || sameWritten(b, a);
  const b = billing.find((x) => !isEmptyAddress(x.parts) && same(x.parts, v.value) && !same(x.parts, ref.value));
  if (!b) return null;
  const writes = (t: string) => !!find.written('loa', t, { digits: true });
  if (!writes(ref.value.house_number) || !writes(ref.value.zip5)) return null;
  return `the LOA's reading ${formatAddress(v.value)} is the ${SOURCE_LABEL[b.src]}'s billing address, and the LOA also writes the ${SOURCE_LABEL[ref.src]}'s house number ${ref.value.house_number} and ZIP ${ref.value.zip5} (its billing block read as the service address?)`;
}

/** The parts of a street line: what a reading without a house number (a heading, a date read as the street) does not give. */
const STREET_PARTS = new Set(['house_number', 'predirectional', 'street_name', 'suffix', 'postdirectional']);

/**
 * An unsure CSR reading that differs from the checked address only by what it lacks — a unit, a street it
 * did not read, or a street line with no house number (a date or a record's tag read as the street:
 * "EST==> 1l/01/2020") — its ZIP the checked address's, while the invoice, read apart, gives the checked
 * address: nothing the carrier's documents say is another address, so no difference stands and no look is
 * asked. A CSR reading that gives another value of any part (another ZIP, another city, a street with a
 * house number) is no such reading. The comparison returned is the invoice's with the checked address.
 */
function csrReadingOnlyLacks(
  find: Finder,
  ref: Val<AddressParts>,
  v: Val<AddressParts>,
  invoice: Val<AddressParts> | null,
  r: AddressComparison,
): (AddressComparison & { lacks: string[] }) | null {
  if (ref.src !== 'csr' || !invoice || ref.conf >= 1 || find.sure('csr', ref.conf)) return null;
  if (!ref.value.zip5 || ref.value.zip5 !== v.value.zip5 || ref.value.po_box !== null) return null;
  const byInvoice = withoutOcrLookalikes(invoice.value, v.value, compareAddresses(invoice.value, v.value));
  if (!goodAddress(byInvoice) && !sameWritten(invoice.value, v.value)) return null;
  // (a unit read as the street line, "RM 31", gives a unit: it must be the checked address's)
  const line = streetLineOf(ref.value);
  const unitInLine = line.split(/\s+/).some((w) => UNIT_DESIGNATORS.has(w.toUpperCase().replace(/[.,:#]/g, '')));
  const noStreet =
    noStreetAddress(ref.value) && (!unitInLine || (!!v.value.unit && ocrKey(line).includes(ocrKey(v.value.unit))));
  const differing = differingParts(r);
  const lacked = (p: (typeof differing)[number]) => !p.reference || (noStreet && STREET_PARTS.has(p.part));
  if (!differing.length || !differing.every(lacked)) return null;
  const lacks = [
    ...new Set(differing.map((p) => PART_NAME[STREET_PARTS.has(p.part) ? 'street_name' : p.part] ?? p.part)),
  ];
  const agreed = goodAddress(byInvoice) ? byInvoice : compareAddresses(v.value, v.value);
  return { ...agreed, lacks };
}

/**
 * An unsure CSR reading held against the checked address: the parts in which it differs while the
 * invoice gives them like the checked address ("1 OF" for the street both others write "19 North Fifth
 * Boulevard") are the CSR reading's loss, not a difference; the comparison without them says what the
 * carrier's documents do say against it (their ZIP, say). Other comparisons as they are.
 */
function withoutCsrLosses(
  find: Finder,
  ref: Val<AddressParts>,
  v: Val<AddressParts>,
  invoice: Val<AddressParts> | null,
  r: AddressComparison,
): AddressComparison {
  if (!invoice || ref.src !== 'csr' || ref.conf >= 1 || find.sure('csr', ref.conf) || goodAddress(r)) return r;
  const read = compareAddresses(invoice.value, v.value);
  const byInvoice = find.ocr('invoice') ? withoutOcrLookalikes(invoice.value, v.value, read) : read;
  const agrees = new Set(
    byInvoice.parts.filter((p) => p.verdict === 'match' || p.verdict === 'equivalent').map((p) => p.part),
  );
  const lost = differingParts(r).filter((p) => agrees.has(p.part));
  if (!lost.length) return r;
  // a street name part lost takes the street's words with it (they are cut together) — never the house
  // number, which is lost only when the invoice gives the LOA's number too
  const keys = new Set<keyof AddressParts>(lost.map((p) => p.part));
  if (lost.some((p) => GLUE_PARTS.has(p.part) && p.part !== 'house_number'))
    for (const k of GLUE_PARTS) if (k !== 'house_number') keys.add(k);
  if (keys.has('unit')) for (const k of ['unit_designator', 'extra_units'] as const) keys.add(k);
  const repaired: AddressParts = { ...ref.value };
  for (const k of keys) takePart(repaired, v.value, k);
  // (the parts kept from the CSR are held as they were: OCR's lookalikes folded, "RM L168" is RM 1168)
  const again = compareAddresses(repaired, v.value);
  return find.ocr('csr') || find.ocr(v.src) ? withoutOcrLookalikes(repaired, v.value, again) : again;
}

function takePart<K extends keyof AddressParts>(to: AddressParts, from: AddressParts, k: K): void {
  to[k] = from[k];
}

/**
 * A unit that only the LOA gives: the LOA's text layer writes it, the CSR and the invoice (which
 * agree with each other) write it nowhere — or, the invoice's reading lost, the CSR's reading stands
 * under its label at a confidence a contrary reading needs and neither carrier page writes the unit —
 * or, the CSR's reading lost, the CSR's page writes the invoice's address in full and neither carrier
 * page writes the unit.
 * However its reading was assembled, the LOA asks for a unit the carrier's record does not have.
 */
function unitOnlyOnLoa(
  find: Finder,
  ref: Val<AddressParts>,
  v: Val<AddressParts>,
  invoice: Val<AddressParts> | null,
  r: AddressComparison,
): boolean {
  const differing = differingParts(r);
  if (v.src !== 'loa' || (ref.src !== 'csr' && ref.src !== 'invoice') || find.ocr('loa')) return false;
  // (no invoice reading: the CSR's own, read under its label and surely enough to stand against a contrary one;
  // no CSR reading: the CSR's page writes the invoice's address in full, without a unit)
  const carrierAgrees =
    ref.src === 'invoice'
      ? find.known('csr') && !!find.address(ref.value, 'csr', 'exact')
      : invoice
        ? sameWritten(invoice.value, ref.value) && !invoice.value.unit
        : ref.conf >= CONTRARY_MIN && !!find.address(ref.value, 'csr');
  if (!differing.length || differing.some((p) => p.part !== 'unit') || ref.value.unit || !carrierAgrees) return false;
  if (!v.value.unit || !v.value.unit_designator) return false;
  // (the unit in any written form of its designator: "Suite 35B" is read as STE 35B)
  const unit = partToFind('unit', v.value) ?? [
    { text: `${v.value.unit_designator} ${v.value.unit}`, digits: false, maxEdits: 0 },
  ];
  return (
    unit.some((x) => writtenPart(find, 'loa', x)) &&
    !!differingPartsNowhere(find, 'csr', v.value, ref.value, r) &&
    // (an invoice that was not read may still write the unit: its page, when known, must not)
    ((!invoice && ref.src !== 'invoice' && !find.known('invoice')) ||
      !!differingPartsNowhere(find, 'invoice', v.value, ref.value, r))
  );
}

/**
 * A doubt about the street or unit says nothing about the ZIP: an LOA ZIP that differs from the
 * CSR's, whose ZIP the invoice gives too and the LOA writes nowhere (nor one digit off when the LOA
 * was scanned), while it does write its own, is the difference the carrier rejects.
 */
function zipDifferenceStands(
  find: Finder,
  ref: Val<AddressParts>,
  v: Val<AddressParts>,
  invoice: Val<AddressParts> | null,
): boolean {
  const mine = v.value.zip5;
  if (v.src !== 'loa' || ref.src !== 'csr' || !invoice || !mine) return false;
  const theirs = ref.value.zip5 || csrWritesInvoiceZip(find, invoice.value.zip5, mine);
  if (!theirs || mine === theirs || invoice.value.zip5 !== theirs || !find.known('loa')) return false;
  const maxEdits = find.ocr('loa') ? 1 : 0;
  return !!find.written('loa', mine, { digits: true }) && !find.written('loa', theirs, { digits: true, maxEdits });
}

/**
 * A CSR reading that lost its ZIP ("3698 PARK, CT", cut short) says nothing of it, but the CSR's page may:
 * the invoice's ZIP written on it while the LOA's ZIP is written on neither carrier document (nor a slip
 * from it, on a scan) is the ZIP both carrier documents give. That ZIP, or ''.
 */
function csrWritesInvoiceZip(find: Finder, invoiceZip: string, loaZip: string): string {
  if (!invoiceZip || !find.known('csr') || !find.written('csr', invoiceZip, { digits: true })) return '';
  const loaZipOn = (on: DocSrc) => find.written(on, loaZip, { digits: true, maxEdits: find.ocr(on) ? 1 : 0 });
  return loaZipOn('csr') || loaZipOn('invoice') ? '' : invoiceZip;
}

/** A checked address as it stands against the reference: its parts, and the rejections a difference brings. */
function addressDifference(
  c: Collector,
  run: AddressRun,
  ref: Val<AddressParts>,
  v: Val<AddressParts>,
  r: AddressComparison,
  billingParts: AddressParts | null,
  prefix: string,
): void {
  const src = v.src;
  run.parts.push(...r.parts.map((p) => ({ ...p, source: src })));
  run.verdicts.push(r.verdict === 'missing' ? 'mismatch' : r.verdict);
  let why = r.reasons.join(' ');
  if (r.verdict === 'mismatch' || r.verdict === 'missing') {
    if (
      billingParts &&
      !isEmptyAddress(billingParts) &&
      compareAddresses(billingParts, v.value).verdict !== 'mismatch' &&
      compareAddresses(billingParts, v.value).verdict !== 'missing'
    ) {
      // a PO box's sentence already says to give the street address and names the carrier's: say so once
      const onFile = formatAddress(ref.value);
      why += why.includes(onFile)
        ? ` The ${SOURCE_LABEL[src]} shows the invoice's BILLING address.`
        : ` The ${SOURCE_LABEL[src]} shows the invoice's BILLING address; carriers need the service address on file (${onFile}).`;
    }
    if (r.location_mismatch)
      c.predict(
        reviewedRejection('service_address'),
        'blocker',
        `${SOURCE_LABEL[src]} ${formatAddress(v.value)} vs ${SOURCE_LABEL[ref.src]} ${formatAddress(ref.value)}: ${r.reasons.filter((x) => !/ZIP \d/.test(x) || /PO box/i.test(x)).join(' ')}`.trim(),
        evidenceOf([ref, v], showAddress),
        'service_address',
        [src],
      );
    if (r.postal_code_mismatch)
      c.predict(
        'POSTAL_CODE_MISMATCH',
        'blocker',
        `${SOURCE_LABEL[src]} ZIP ${v.value.zip5 || '(none)'} vs ${SOURCE_LABEL[ref.src]} ZIP ${ref.value.zip5}.`,
        evidenceOf([ref, v], showAddress),
        'service_address',
        [src],
      );
  }
  run.reasons.push(prefix + why);
}

export function caseServiceAddress(cd: CaseData): AddressParts | null {
  const onCase = cd ? serviceAddressOnCase(cd) : null;
  return onCase ? parseAddress(onCase) : null;
}
