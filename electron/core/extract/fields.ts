import type {
  BBox,
  CandidateWhy,
  DocumentKind,
  ExtractedFields,
  FieldValue,
  ServiceAddress,
} from '../../../shared/domain/document.js';
import { documentTitle, monthOfYear, signingBlockHeading } from './classify.js';
import { inHolderSection, inOtherAccountSection, numbersHolder } from './holder.js';
import { FIELD_REGISTRY, LABEL_FILLERS, labelStems, MANAGING_ROLE_WORDS } from '../../../shared/domain/fields.js';
import {
  betterReading,
  checkAddress,
  cityStateZip,
  cleanCity,
  isDateText,
  isStreetish,
  isUnitOnly,
  readAddress,
  readCellAsOneLine,
  splitUnit,
  withCitySpelling,
  type AddrResult,
} from './address.js';
import { addressBlocks, type AddressBlock, siteOfLines, withoutCaptionTail } from './address-blocks.js';
import {
  type AddrCand,
  type Cand,
  capConfidence,
  settlePrintings,
  settleZip,
  UNSETTLED_PRINTINGS_CAP,
  zipCheckOf,
} from './candidate.js';
import { isCarrierName, knownCarrierIn } from './carriers.js';
import {
  BUSINESS_SUFFIXES,
  CARRIER_WORDS,
  authorizingWeight,
  conceptOf,
  KNOWN_CARRIERS,
  LEGAL_FORM_END,
  LEGAL_FORM_WORD,
  isLabelWord,
  labelShaped,
  looksLikeLabelText,
  TITLE_WORDS,
  withoutLabelPrefix,
  type LabelConcept,
  type LabelField,
} from './labels.js';
import {
  BAND_SEPARATOR,
  cellHit,
  gluedNameSplit,
  itemNumber,
  segsAboveInColumn,
  segText,
  unionBox,
  wordsBeforeNumberCaption,
  type DocLayout,
  type Hit,
  type Line,
  type Seg,
  type Tok,
} from './layout.js';
import { addressPartPrompt, billDatePrompt, screenServiceAddresses } from './screen-address.js';
import { taggedServiceAddresses } from './tagged-address.js';
import { carrierBlockAbove, inInactiveCard, phoneOccurrences, type PhoneOccurrence } from './phones.js';
import {
  CLOSING,
  type NameCands,
  accountPickerCands,
  addRoleSentencePersons,
  btnSaidAfterListLabel,
  numberRole,
  paragraphs,
  proseAccountCands,
  proseAddresses,
  proseAfter,
  proseCarrierCands,
  proseNames,
  prosePins,
  proseServiceAddresses,
  isAuthorisedParty,
  isLetterheadName,
  typicalHeight,
  writtenAsLetter,
} from './prose.js';
import { isCityOfSomeState, isKnownCity, zipPlace } from './zip.js';
import { cityKey, normalizeState, ZIP_WORD } from '../../../shared/normalize/address.js';
import { STATE_CODES, STREET_SUFFIXES, UNIT_DESIGNATORS } from '../../../shared/normalize/usps.js';
import { questionAddress, shapeFallbacks, shapeNames } from './shape.js';
import {
  captionRowOfValuesAbove,
  captionsUnderValues,
  columnTolerance,
  continuesBelow,
  hitAt,
  linesAfter,
  spansFor,
  startsWithLabelShape,
  type Span,
} from './spans.js';
import { labelKey, squash, trimValue } from './text.js';
import {
  digitFixToken,
  findPhones,
  NAME_PARTICLES,
  NO_VALUE,
  parseAccount,
  parseBusiness,
  parseDate,
  parsePerson,
  parsePhone,
  parsePin,
  readsAsDate,
  tokText,
  toksIn,
  withoutContactAfter,
} from './values.js';

/**
 * Candidate generation and scoring per field. Each labelled field: every label hit × every place
 * its value can be (inline, right, below) × the field's validator; the best score wins. Fallbacks
 * without labels (prose, header, unlabelled address blocks) score lower than any labelled value;
 * values inside running text are read in prose.ts.
 */
const MODE_WEIGHT: Record<Span['mode'], number> = { inline: 1, right: 0.97, below: 0.88, above: 0.72 };

/**
 * The confidence of a value read under its caption at full strength (MODE_WEIGHT.below undiscounted: a caption
 * named whole, on the first page) from the text layer. The mode's weight ranks it under a value beside its
 * caption, yet it is as often right (stop 49 calibration: 1145 of 1147 on guard, CHECK70, 70 stand-ins,
 * csr-handoff and loa-onerow, every set 99.6% or better; values beside a caption at >= 0.9: 99.6%), so it is
 * reported as sure. Scanned words keep their OCR caps: below-caption values on scans were not measured.
 */
const SURE_BELOW = 0.9;

/**
 * A value that is label text: a name that reads as a label, or an address whose street or unit does,
 * or whose city does and is no city of its state (Billings MT, Mobile AL and New City NY are places) nor,
 * unless it is a street's type, of any other: a letter's "Billings, MA 01608" names a real town in the
 * wrong state, a difference the review must see, not a caption.
 */
function isLabelValue(value: unknown): boolean {
  if (typeof value === 'string') return looksLikeLabelText(value);
  if (!value || typeof value !== 'object') return false;
  const a = value as Partial<Record<'street_line' | 'city' | 'unit' | 'state', unknown>>;
  if ([a.street_line, a.unit].some((p) => typeof p === 'string' && looksLikeLabelText(p))) return true;
  const city = typeof a.city === 'string' ? a.city : '';
  return (
    looksLikeLabelText(city) &&
    !isKnownCity(city, typeof a.state === 'string' ? a.state : '') &&
    (STREET_SUFFIXES.has(city.toUpperCase()) || !isCityOfSomeState(city))
  );
}

/** The best-scoring candidate whose value is not label text (the final guard, see looksLikeLabelText). */
function best<C extends { score: number; value?: unknown }>(cands: C[]): C | undefined {
  let b: C | undefined;
  for (const c of cands) if ((!b || c.score > b.score) && !isLabelValue(c.value)) b = c;
  return b;
}

function meanConf(toks: Tok[]): number {
  return toks.length ? toks.reduce((s, t) => s + t.conf, 0) / toks.length : 1;
}

function toField<T>(c: Cand<T>): FieldValue<T> {
  const page = c.toks[0]?.page ?? null;
  const onPage = c.toks.filter((t) => t.page === page);
  const conf = Math.max(0, Math.min(1, c.score * (0.6 + 0.4 * meanConf(c.toks))));
  return { value: c.value, confidence: Math.round(conf * 100) / 100, page, bbox: unionBox(onPage) as BBox | null };
}

function whyOf(c: Cand<unknown>): CandidateWhy {
  const zip = c.zipCheck ? { zip_check: c.zipCheck } : {};
  if (c.prose) return { source: 'prose', ...zip };
  if (!c.hit) return { source: 'layout', ...zip };
  const captionToks = c.hit.seg.toks.slice(c.hit.start, c.hit.end);
  const label = trimValue(text(captionToks));
  // (the caption's box only on the value's own page: the box is drawn on the page the value is shown on)
  const box = c.hit.page === c.toks[0]?.page ? (unionBox(captionToks) as BBox | null) : null;
  return {
    source: c.hit.byShape ? 'shape' : 'label',
    label,
    ...(box ? { label_bbox: box } : {}),
    ...(c.mode ? { mode: c.mode } : {}),
    ...zip,
  };
}

/**
 * A name read from one line of a cell whose column holds more unlabelled words on the line just
 * above or below ("Harbor Light Animal Clinic" over "PLLC", "Evergreen Law Offices" over
 * "Corporation"): the cell may have wrapped and the value be cut, so it is not reported as
 * near-certain.
 */
function capIfCellContinues<T>(doc: DocLayout, chosen: Cand<T>, f: FieldValue<T>): FieldValue<T> {
  if (f.confidence <= 0.85 || !chosen.toks.length || !chosen.hit) return f;
  const first = chosen.toks[0]!;
  const lineIds = chosen.toks.map((t) => t.line);
  const top = Math.min(...lineIds);
  const bottom = Math.max(...lineIds);
  const own = new Set(chosen.toks);
  for (const id of [top - 1, bottom + 1]) {
    const l = doc.lines[id];
    const ref = doc.lines[id === top - 1 ? top : bottom];
    if (!l || !ref || l.page !== first.page || Math.abs(l.cy - ref.cy) > 1.8 * Math.max(l.h, ref.h)) continue;
    const seg = l.segs.find(
      (sg) => Math.abs(sg.x0 - first.x0) <= Math.max(4, 0.9 * first.h) && !sg.toks.some((t) => own.has(t)),
    );
    if (!seg || /\d/.test(text(seg.toks)) || hitAt(doc, seg.toks[0]!)) continue;
    // the row's own label (ending with a colon) makes the words beside it that row's value, not a wrap
    const rowLabel = l.segs.find((sg) => sg.x1 <= seg.x0 && sg.x0 >= chosen.hit!.x0 - 4);
    if (rowLabel && /:$/.test(text(rowLabel.toks))) continue;
    return {
      ...f,
      confidence: Math.min(f.confidence, 0.8),
      ...(f.candidates
        ? { candidates: f.candidates.map((c, i) => (i === 0 ? { ...c, confidence: Math.min(c.confidence, 0.8) } : c)) }
        : {}),
    };
  }
  return f;
}

/**
 * The final guard over an address: one whose city, state and ZIP the ZIP database does not confirm
 * (another city, a slip, another state, no state to check) is never near-certain, and one whose
 * street line is not a street (no words: "1548", or missing) is doubtful.
 */
function addressGuard(f: FieldValue<ServiceAddress>): FieldValue<ServiceAddress> {
  const v = f.value;
  let cap = 1;
  if (!/[A-Za-z]{2}/.test(v.street_line)) cap = 0.6;
  else if (checkAddress(v).verdict !== 'ok') cap = 0.85;
  if (f.confidence <= cap) return f;
  return {
    ...f,
    confidence: cap,
    ...(f.candidates
      ? { candidates: f.candidates.map((c) => ({ ...c, confidence: Math.min(c.confidence, cap) })) }
      : {}),
  };
}

/**
 * Name candidates that start with label words (see withoutLabelPrefix) lose them, and some confidence.
 * A value in a cell of its own beside its label keeps capitalised words that read like a label ("New City Pediatrics", "The State Street Grill"): only lower-case hint words run into it.
 */
function stripLabelPrefixes(cands: Cand<string>[], kind: DocumentKind): void {
  for (const c of cands) {
    const cut = withoutLabelPrefix(c.value, kind);
    if (!cut) continue;
    if (c.hit && c.mode === 'right' && !/^[a-z]/.test(c.value.trim())) continue;
    c.value = cut.value;
    c.score *= 0.85;
    const label = cut.dropped;
    if (c.toks.length > label) c.toks = c.toks.slice(label);
  }
}

const MAX_ALTERNATIVES = 3;

/**
 * The confidence of a value whose label also gives a close rival of another value: under the review's
 * certainty (compare/run.ts CERTAIN, 0.8), so a difference it shows is a look, not a predicted rejection.
 */
export const AMBIGUOUS_LABEL_CAP = 0.75;

/** Two candidates read for the same label occurrence. */
function sameLabel(a: Cand<unknown>, b: Cand<unknown>): boolean {
  return !!a.hit && !!b.hit && a.hit.seg === b.hit.seg && a.hit.start === b.hit.start;
}

/**
 * The chosen candidate as a field, with the ranked alternatives and a calibrated confidence: a value
 * found without a label, one with a close rival of another value, or one read from unsure OCR words
 * is never reported as near-certain.
 */
function fieldOf<T>(
  chosen: Cand<T>,
  cands: Cand<T>[],
  opts: { alternatives?: boolean; unlabelledCap?: boolean } = {},
): FieldValue<T> {
  const f = toField(chosen);
  const key = (v: unknown) => (typeof v === 'string' ? labelKey(v) : JSON.stringify(v));
  const seen = new Set([key(chosen.value)]);
  const others: Cand<T>[] = [];
  for (const c of [...cands].sort((a, b) => b.score - a.score)) {
    if (isLabelValue(c.value)) continue;
    const k = key(c.value);
    if (seen.has(k)) continue;
    seen.add(k);
    others.push(c);
    if (others.length >= MAX_ALTERNATIVES) break;
  }
  let conf = f.confidence;
  if (chosen.mode === 'below' && chosen.score >= MODE_WEIGHT.below && chosen.toks.every((t) => t.conf === 1))
    conf = Math.max(conf, SURE_BELOW);
  if (!chosen.hit && opts.unlabelledCap !== false) conf = Math.min(conf, 0.85);
  const rival = others[0];
  if (rival && rival.score >= 0.85 * chosen.score) {
    conf *= 0.85;
    // …and when the rival was read for the same label, that label's region holds two values of the field's
    // grammar (a neighbouring cell whose own label was not recognised, its value run on into this one):
    // which one the label gives is a guess, below what the review treats as read with certainty
    if (sameLabel(chosen, rival)) conf = Math.min(conf, AMBIGUOUS_LABEL_CAP);
  }
  // OCR'd words (text-layer words have confidence 1): a letter or digit slip reads as confidently as
  // the right one, so an OCR value is near-certain only when every word was read very surely
  if (chosen.toks.some((t) => t.conf < 0.7)) conf = Math.min(conf, 0.85);
  else if (chosen.toks.some((t) => t.conf < 1))
    conf = Math.min(conf, chosen.toks.every((t) => t.conf >= 0.97) ? 0.93 : 0.89);
  f.confidence = Math.round(conf * 100) / 100;
  const { candidates: _none, ...own } = f;
  // (without alternatives — a secret's rivals are not kept — the value itself stays the one candidate: how it
  // was found, under which caption, tells the review a labelled reading from a guess)
  // (a secret keeps no rivals, so its why says whether a caption of its field held one — its own caption's area
  // or another caption of the field elsewhere on the document: the review can tell a value alone under its
  // caption from a guess between two)
  const rivalUnderCaption =
    opts.alternatives === false && chosen.hit
      ? { rival_under_caption: cands.some((c) => !!c.hit && key(c.value) !== key(chosen.value)) }
      : {};
  f.candidates = [{ ...own, why: { ...whyOf(chosen), ...rivalUnderCaption } }];
  if (opts.alternatives !== false) {
    f.candidates.push(
      ...others.map((c) => {
        const o = toField(c);
        return {
          value: o.value,
          confidence: Math.min(o.confidence, f.confidence),
          page: o.page,
          bbox: o.bbox,
          why: whyOf(c),
        };
      }),
    );
  }
  return f;
}

function text(toks: Tok[]): string {
  return segText(toks);
}

function pageFactor(page: number): number {
  return page === 1 ? 1 : 0.96;
}

/** A fixed-width record's tag: upper case, first on its line of a CSR ("CUS NM", "LST NM"). */
function isRecordTag(doc: DocLayout, hit: Hit): boolean {
  if (doc.kind !== 'csr' || hit.start !== 0 || doc.lines[hit.line]?.segs[0] !== hit.seg) return false;
  return hit.seg.toks.slice(hit.start, hit.end).every((t) => !/[a-z]/.test(t.text));
}

function labelled<T>(
  doc: DocLayout,
  field: LabelField,
  maxLines: number,
  parse: (span: Span) => { value: T; toks: Tok[]; quality: number } | null,
): Cand<T>[] {
  const out: Cand<T>[] = [];
  for (const hit of doc.hits) {
    if (hit.field !== field) continue;
    // (a label that wraps in its own cell stands in a grid, a record's upper-case tag in a record:
    // not in running text)
    const spans =
      hit.wrapSegs || isRecordTag(doc, hit)
        ? spansFor(doc, hit, maxLines)
        : withWrappedValue(doc, hit, spansFor(doc, hit, maxLines));
    for (const span of spans) {
      const r = parse(span);
      if (!r || !r.toks.length) continue;
      out.push({
        value: r.value,
        toks: r.toks,
        score: hit.strength * MODE_WEIGHT[span.mode] * (span.farther ? 0.75 : 1) * r.quality * pageFactor(hit.page),
        hit,
        mode: span.mode,
      });
    }
  }
  return out;
}

/** Single-line text parsers applied to a span's first line, mapped back to the tokens they used. */
function firstLine<T>(parse: (s: string) => { value: T; start: number; end: number; quality?: number } | null) {
  return (span: Span) => {
    const toks = span.lines[0];
    if (!toks) return null;
    const tt = tokText(toks);
    const r = parse(tt.text);
    if (!r) return null;
    return { value: r.value, toks: toksIn(tt, r.start, r.end), quality: r.quality ?? 1 };
  };
}

function wholeLine<T>(parse: (s: string) => { value: T; quality: number } | null) {
  return (span: Span) => {
    const toks = span.lines[0];
    if (!toks) return null;
    const r = parse(text(toks));
    return r ? { value: r.value, toks, quality: r.quality } : null;
  };
}

/** The lines a name may wrap over in its cell; one more only for its legal form (wrappedName). */
const NAME_LINES = 3;

/**
 * A business name whose cell wraps ("Harbor Light Marine" / "Supply LLC"): the value's next lines in
 * its own column (the span's continuation lines, which stop at the next label or row) belong to it
 * while they read as the rest of a name — no digits, a few words, and either a business word or
 * legal form of their own or a first line that ends mid-name ("… &", "… of").
 */
function wrappedName(span: Span): { value: string; toks: Tok[]; quality: number } | null {
  const first = span.lines[0];
  // a first line shaped like a caption, ending on a label's head noun ("Brand Name" over "HMMSL
  // Group"), is another row's label, not the start of this name ("New City" / "Pediatrics P.A." is one)
  if (!first || labelShaped(text(first))) return null;
  // a first line without a letter is another caption's value ("PLEASE PAY | $1,347.24" over "PATRON
  // NAME | Kowalski & Schmidt"): the name under it is that other caption's, not the rest of this one
  if (!/\p{L}/u.test(text(first))) return null;
  // an attention line routes a bill to someone ("ATTN A/P", "ATTN DANA ROSS"): a name line running on
  // into one ends before it ("BILL NM: ACME LLC ATTN A/P"), and one that is an attention line names no business
  const attention = first.findIndex((_, i) =>
    ATTENTION_LINE.test(
      first
        .slice(i)
        .map((x) => x.text)
        .join(' '),
    ),
  );
  if (attention === 0) return null;
  const toks = attention > 0 ? first.slice(0, attention) : [...first];
  // the lines that could be the rest of a name: a few words, no digits, not an attention line
  const rest: Tok[][] = [];
  let prevText = text(first);
  for (const [k, line] of span.lines.slice(1).entries()) {
    const t = text(line);
    // a name that already ends with a legal form goes on only with more legal forms ("… Brewing Company" / "LLP")
    if ((LEGAL_FORM_END.test(trimValue(prevText)) && !onlyLegalForms(t)) || /\d|[:@(]/.test(t) || line.length > 4)
      break;
    // a fourth line only as the legal form a narrow cell wrapped off ("Copper Canyon" / "Chiropractic" /
    // "Center," / "Corporation")
    if (k >= NAME_LINES - 1 && !onlyLegalForms(t)) break;
    if (ATTENTION_LINE.test(t) || ALIAS_LINE.test(t)) break;
    // the same case as the line above: an all-capitals record does not go on in mixed case
    if ((prevText === prevText.toUpperCase()) !== (t === t.toUpperCase()) && !BUSINESS_SUFFIXES.test(t)) break;
    rest.push(line);
    prevText = t;
  }
  // they belong to the name through the last one that ends it (a business word or legal form), or
  // one by one while the line above ends mid-name ("… &", "… of")
  const lastEnd = rest.findLastIndex((l) => BUSINESS_SUFFIXES.test(text(l)));
  prevText = text(first);
  for (const [i, line] of rest.entries()) {
    if (i > lastEnd && !/(&|\band|\bof|\bthe|-|,)$/i.test(prevText.trim())) break;
    toks.push(...line);
    prevText = text(line);
  }
  const r = parseBusiness(text(toks));
  return r ? { value: r.value, toks, quality: r.quality } : null;
}

/**
 * A business name wrapped over the lines of a narrow cell up to its legal form alone ("High Desert
 * Print" / "Services Sign" / "L.L.C."): a line in between that reads like a caption ("… Sign") ends the
 * value's lines, but no caption has a lone legal form for its value, and a legal form ends a name — so
 * the lines in the value's own column through that legal form are the name's. Never past a line with
 * words in the label's column left of the value (the next row) or a line too long, or with figures, to
 * be part of a name.
 */
function throughLegalFormLine(doc: DocLayout, span: Span): Span {
  const first = span.lines[0];
  const last = span.lines[span.lines.length - 1];
  if (span.mode === 'above' || !first?.length || !last?.length || span.lines.length >= NAME_LINES) return span;
  const x = doc.segs[first[0]!.seg]!.x0;
  let prev = doc.lines[last[0]!.line]!;
  const between: Tok[][] = [];
  for (const l of linesAfter(doc, prev)) {
    // (through a fourth line only for the legal form, as wrappedName takes it)
    if (span.lines.length + between.length > NAME_LINES || !continuesBelow(prev, l)) break;
    const tol = columnTolerance(l);
    const seg = l.segs.find((s) => Math.abs(s.x0 - x) <= tol);
    if (!seg || l.segs.some((s) => s.x1 < x - 2 && s.x0 >= span.hit.x0 - 4 && !span.hit.wrapSegs?.includes(s.id)))
      break;
    const t = segText(seg.toks);
    if (onlyLegalForms(t)) return between.length ? { ...span, lines: [...span.lines, ...between, seg.toks] } : span;
    if (seg.toks.length > 4 || /\d|[:@(]/.test(t) || span.lines.length + between.length === NAME_LINES) break;
    between.push(seg.toks);
    prev = l;
  }
  return span;
}

/**
 * A name's first line cut mid-name at a column edge ("Timberline Print &" | "Sign Main Account" over
 * "Corporation" | "Number (BTN):"): the words after it across a word space, up to the next cell's
 * caption, are the rest of the name's line. A cell's text ends at the border or the next caption,
 * not where other rows start a column.
 */
function nameRunOn(doc: DocLayout, span: Span): Span {
  const first = span.lines[0];
  const last = first?.[first.length - 1];
  if (!first || !last || !/(?:&|\band|\bof|\bthe)$/i.test(text(first).trim())) return span;
  const line = doc.lines[last.line]!;
  const next = line.segs[line.segs.indexOf(doc.segs[last.seg]!) + 1];
  const space = next ? next.toks[0]!.x0 - last.x1 : Infinity;
  if (!next || space > 0.6 * line.h) return span;
  // the caption starts at a label's first word, or after a gap wider than the run-on's word space
  // inside a label the vocabulary read from the run-on word ("Sign Main Account")
  const hits = doc.hitsBySeg.get(next.id) ?? [];
  const capIdx = next.toks.findIndex(
    (t, k) =>
      k > 0 &&
      hits.some(
        (h) =>
          h.start === k ||
          (h.start < k && k < h.end && t.x0 - next.toks[k - 1]!.x1 > Math.max(2 * space, 0.5 * line.h)),
      ),
  );
  const words = next.toks.slice(0, capIdx);
  if (capIdx <= 0 || words.some((t) => !/^\p{L}[\p{L}'’.-]*$/u.test(t.text))) return span;
  return { ...span, lines: [[...first, ...words], ...span.lines.slice(1)] };
}

/** A job title alone on a line (under a person's name in a form), never the rest of the name. */
const TITLE_LINE =
  /^(owner|president|ceo|cfo|coo|cto|vp|manager|director|officer|member|partner|principal|administrator|admin|secretary|treasurer|controller|chair\w*|founder|agent|mgr|dir)\b/i;

/**
 * A person's name whose cell wraps ("SUSAN K." / "DUBOIS", "ELIZABETH" / "OKAFOR", "Jennifer Van der" /
 * "Berg"): only a first line that cannot end a name goes on — one word or ending in an initial (in a
 * value below its label), or ending on a surname particle (in any column: a particle never ends a
 * name) — with a next line of one or two words in the same case that is no job title and no label.
 */
function wrappedPerson(given: Span): { value: string; toks: Tok[]; quality: number } | null {
  const opening = given.lines[0];
  // (a name holds no digits: a number and its caption run on after it are not the name's)
  const span = opening
    ? {
        ...given,
        lines: [opening.slice(0, wordsBeforeNumberCaption(opening.map((t) => t.text))), ...given.lines.slice(1)],
      }
    : given;
  const one = wholeLine(parsePerson)(span);
  const first = span.lines[0];
  const second = span.lines[1];
  if (!first || !second) return one;
  const t1 = text(first).trim();
  const endsOnParticle = NAME_PARTICLES.test((first[first.length - 1]?.text ?? '').toLowerCase());
  // (beside a caption that wraps too, "AUTHORIZED" / "CONTACT" beside "Yolanda J." / "Fitzgerald", the
  // value's cell wraps with it: its second line goes on the name as a value's below its label does)
  // (and a value run on after its caption whose next line stands under it, the caption's column empty:
  // "Authorized User: Marisol A." / "Delgado" in a band of captioned cells)
  const cellWraps =
    span.mode === 'below' || span.mode === 'inline' || (span.mode === 'right' && !!span.hit.wrapSegs?.length);
  const unfinished = endsOnParticle || (cellWraps && (first.length === 1 || /(?:^|\s)[A-Z]\.?$/.test(t1)));
  // (the name's end may carry the signer's title after a comma, "Berg, CFO": the title is no part of it)
  const comma = second.findIndex((t) => /,$/.test(t.text));
  const titled = comma >= 0 && TITLE_LINE.test(text(second.slice(comma + 1)).trim());
  const end = titled ? second.slice(0, comma + 1) : second;
  const t2 = text(end).trim().replace(/,$/, '');
  const tail =
    end.length <= 2 &&
    /^[A-Za-z][A-Za-z'’.-]+(?:\s+[A-Za-z][A-Za-z'’.-]+)?$/.test(t2) &&
    (t1 === t1.toUpperCase()) === (t2 === t2.toUpperCase()) &&
    !TITLE_LINE.test(t2);
  if (!unfinished || !tail) return one;
  const r = parsePerson(`${t1} ${t2}`);
  return r ? { value: r.value, toks: [...first, ...end], quality: r.quality } : one;
}

/** Text made only of legal-form words ("Incorporated", "LLP", ", Corp."): the end of a wrapped name, never a name. */
function onlyLegalForms(t: string): boolean {
  const words = t
    .replace(/^[,;]\s*/, '')
    .split(/\s+/)
    .filter(Boolean);
  return words.length > 0 && words.every((w) => LEGAL_FORM_WORD.test(w.replace(/[,;]$/, '')));
}

/**
 * The name over an address block, from its name lines (attention lines left out): the last line, with
 * the lines above it while they wrap one name — the lower line is only its end (legal forms, a
 * business word and its legal form: "Services Incorporated", "Center P.A.", "L.L.C.") or the upper
 * one ends mid-name ("… Plumbing &"), and the upper one does not already end with a legal form.
 */
function blockName(nameLines: Tok[][]): Tok[] | null {
  const lines = nameLines.filter(
    (n) =>
      !ATTENTION_LINE.test(text(n)) &&
      !ALIAS_LINE.test(text(n)) &&
      !SITE_ORDINAL_LINE.test(text(n).trim()) &&
      !mailLine(text(n)),
  );
  const end = lines.length - 1;
  if (end < 0) return null;
  let start = end;
  while (start > 0) {
    const upper = trimValue(text(lines[start - 1]!));
    const lower = text(lines[start]!);
    const lowerIsEnd =
      onlyLegalForms(lower) ||
      (lines[start]!.length <= 3 && LEGAL_FORM_END.test(trimValue(lower)) && /^[A-Z]/.test(lower));
    const upperOpen = /(&|\band|\bof|\bthe|-|,)$/i.test(upper);
    if (LEGAL_FORM_END.test(upper) && !onlyLegalForms(lower)) break;
    // (a heading over the name, a caption's words or closed by a colon, is none of it: "Corporate Billing" /
    // "Riverside Roofing, PA", "Remitter of record:" / …)
    if (looksLikeLabelText(upper) || /:$/.test(text(lines[start - 1]!).trim())) break;
    if (!lowerIsEnd && !upperOpen) break;
    if (/\d/.test(upper) || lines[start - 1]!.length > 6) break;
    start--;
  }
  return lines.slice(start, end + 1).flat();
}

// --- addresses ---

function addressCands(doc: DocLayout, field: 'service_address' | 'billing_address' | 'remit'): AddrCand[] {
  const out: AddrCand[] = [];
  for (const hit of doc.hits) {
    if (hit.field !== field) continue;
    for (const span0 of withWrappedValue(doc, hit, spansFor(doc, hit, 6), 30)) {
      const span = withoutCaptionTails(withStateZipCells(doc, span0));
      const read = betterReading(readAddress(joinWrappedStreet(span.lines)), readCellAsOneLine(span.lines));
      if (!read) continue;
      const beside = unitBeside(doc, read, hit);
      const r0 = beside
        ? { ...read, value: { ...read.value, unit: beside.unit }, toks: [...read.toks, ...beside.toks] }
        : read;
      const r = withStreetName(doc, r0);
      // a PO box is never a service address: kept (the review says so) but any street reading wins
      const poBox = field === 'service_address' && r.poBox ? 0.5 : 1;
      // a street line without a house number is the address's second line ("SVC ADDR2 APT 831"), not its start
      const streetless = !r.poBox && !/\d/.test(r.value.street_line) ? 0.7 : 1;
      const zipCheck = zipCheckOf(r.check);
      const cand: AddrCand = {
        value: r.value,
        toks: r.toks,
        score:
          hit.strength *
          MODE_WEIGHT[span.mode] *
          (span.farther ? 0.75 : 1) *
          r.quality *
          pageFactor(hit.page) *
          (r.nameLines.length > 2 ? 0.8 : 1) *
          poBox *
          streetless,
        hit,
        mode: span.mode,
        names: r.nameLines,
        ...(zipCheck ? { zipCheck } : {}),
      };
      out.push(cand);
      // a probable ZIP digit slip: the ZIP the database expects is proposed below the printed reading, never instead of it
      if (r.check.suggestedZip) {
        const { zipCheck: _printed, ...slip } = cand;
        out.push({ ...slip, value: { ...r.value, zip5: r.check.suggestedZip, zip4: '' }, score: cand.score * 0.9 });
      }
    }
    const found = partsAfter(doc, hit);
    const partUnit = found ? unitBeside(doc, found, hit) : null;
    const parts =
      found && partUnit
        ? { ...found, value: { ...found.value, unit: partUnit.unit }, toks: [...found.toks, ...partUnit.toks] }
        : found;
    if (parts)
      out.push({
        ...parts,
        score:
          parts.score * (/\d/.test(parts.value.street_line) ? 1 : 0.7) * (ownWholeAddress(out, hit, parts) ? 0.6 : 1),
        hit,
      });
  }
  for (const c of out) dropStreetCaption(c);
  return out;
}

/**
 * A street line run together with the cell before it in a table's row ("HEADQUARTERS 40 NORTH PINE VALLEY
 * ROAD, …" under "Site name | Street Address | TNs"): the house number starts where the street's column
 * heading starts on the line above, the words before it stand under another heading — that column's value,
 * no part of the street.
 */
function dropOtherColumnWords(doc: DocLayout, c: AddrCand): void {
  const first = c.toks[0];
  if (!first) return;
  const row = c.toks.filter((t) => t.line === first.line);
  const k = row.findIndex((t) => /^\d/.test(t.text));
  if (k < 1 || row.slice(0, k).some((t) => /\d/.test(t.text))) return;
  const heads = doc.lines[first.line - 1];
  const line = doc.lines[first.line]!;
  if (!heads || heads.page !== line.page || line.top - heads.bottom > 2.5 * Math.max(line.h, heads.h)) return;
  const tol = Math.max(3, 0.5 * line.h);
  // a heading naming the street itself ("Street Address", "Service Address"), not a site ("Site", "Site name")
  const streetCaption = (sg: Seg) =>
    (doc.hitsBySeg.get(sg.id) ?? []).some(
      (h) => h.start === 0 && (h.field === 'addr_street' || h.field === 'service_address'),
    ) && labelStems(segText(sg.toks)).some((w) => w === 'street' || w === 'address');
  // (the street's heading further right, the row's first words under another heading: the row ran two cells together)
  const streetHead = heads.segs.find((sg) => streetCaption(sg) && sg.x0 > first.x0 + tol);
  const otherHead = heads.segs.find((sg) => Math.abs(sg.x0 - first.x0) <= tol && !streetCaption(sg));
  if (!streetHead || !otherHead || otherHead.x1 >= streetHead.x0 || /\d/.test(segText(heads.toks))) return;
  // (the reading may have dropped some of those words already, read as a caption's: "MAIN OFFICE 4202 …")
  const words = c.value.street_line.split(/\s+/);
  const m = words.findIndex((w) => /^\d/.test(w));
  const before = row.slice(0, k).map((t) => t.text);
  if (m < 1 || m > k || words.slice(0, m).join(' ') !== before.slice(k - m).join(' ')) return;
  c.value = { ...c.value, street_line: words.slice(m).join(' ') };
  const dropped = new Set(row.slice(0, k));
  c.toks = c.toks.filter((t) => !dropped.has(t));
}

/**
 * The label's own value, read whole, already gives a city and ZIP other than the part cells beside it
 * ("SERVICE SITE 8542 Church Ter, FL 14, Saratoga" / "Springs, NY 12866-7058" with "CITY NAME |
 * POST CODE" cells of an unheaded second address in the next column): the part cells are that other
 * address's, and an assembly taking the label's first line as its street is no reading of this one.
 */
function ownWholeAddress(cands: AddrCand[], hit: Hit, parts: Cand<ServiceAddress>): boolean {
  return cands.some(
    (c) =>
      c.hit === hit &&
      !!c.value.city &&
      !!c.value.zip5 &&
      parts.toks.some((t) => c.toks.includes(t)) &&
      (cityKey(c.value.city) !== cityKey(parts.value.city) ||
        c.value.zip5 !== parts.value.zip5 ||
        (!!c.value.zip4 && !!parts.value.zip4 && c.value.zip4 !== parts.value.zip4) ||
        // (the assembly's street is the label's whole first line: street, unit and the city's first word)
        (parts.value.street_line.length > c.value.street_line.length &&
          parts.value.street_line.startsWith(`${c.value.street_line},`))),
  );
}

/**
 * A reading whose street is a house number alone, the street's name in the field beside it ("HSE: 1207 |
 * ST NAME: LINCOLN AVENUE" over "CITY/ ST/ ZIP: …" under a heading): the number and the name are the street.
 */
function withStreetName<R extends { value: ServiceAddress; toks: Tok[] }>(doc: DocLayout, r: R): R {
  // (its prompt may still open it: "HSE: 1207")
  const house = /^(?:[A-Za-z.]+:\s+)?(\d+[A-Za-z]?)$/.exec(r.value.street_line)?.[1];
  const num = house ? r.toks.find((t) => t.text === house) : undefined;
  const whole = num ? houseAndStreet(doc, [num]) : null;
  if (!whole) return r;
  const su = splitUnit(trimValue(text(whole)));
  const value = { ...r.value, street_line: su.street, unit: r.value.unit || su.unit };
  return { ...r, value, toks: [...r.toks, ...whole.slice(1)] };
}

/**
 * A service-address column of a table whose rows all print one street (a bill's lines, each "at 12 Main
 * St"), its city line once under the last row: that street over that city is the address. The column is
 * read down its rows, further than a cell's value is; the repeats are one line.
 */
function repeatedColumnAddresses(doc: DocLayout, serviceCands: AddrCand[]): void {
  for (const hit of doc.hits) {
    if (hit.field !== 'service_address') continue;
    for (const span of spansFor(doc, hit, 40)) {
      if (span.mode !== 'below' || span.lines.length < 3) continue;
      const texts = span.lines.map((l) => text(l));
      let rows = 1;
      while (rows < texts.length && texts[rows] === texts[0]) rows++;
      // (two rows at least, then one to three lines that finish the address, and nothing after them)
      if (rows < 2 || texts.length - rows > 3) continue;
      const r = readAddress([span.lines[rows - 1]!, ...span.lines.slice(rows)]);
      if (!r || r.poBox || r.nameLines.length || !/\d/.test(r.value.street_line)) continue;
      serviceCands.push({
        value: r.value,
        toks: r.toks,
        score: hit.strength * MODE_WEIGHT.below * r.quality * pageFactor(hit.page) * 0.9,
        hit,
        mode: 'below',
        names: [],
      });
    }
  }
}

/** A P.O. box's own words, which read as label vocabulary but start its street line. */
const PO_BOX_WORD = /^(p\.?o\.?|post|office|box|drawer)$/i;

/**
 * A street line that opens with label words before its house number ("ADDRESS LINE 50 MAGNOLIA
 * ROAD", a caption with no colon run into its value): the words are the caption, the street starts
 * at the number. A U.S. street line starts with its number, so nothing of the street is lost.
 */
function dropStreetCaption(c: AddrCand): void {
  dropUnitCaption(c);
  // (a caption set tight against its value reads as one word with the house number: "ADDRESS2918")
  const words = c.value.street_line.split(/\s+/).flatMap((w) => {
    const glued = /^([A-Za-z]{4,})(\d+[A-Za-z]?)$/.exec(w);
    return glued && labelStems(glued[1]!).every(isLabelWord) ? [glued[1]!, glued[2]!] : [w];
  });
  let n = 0;
  while (n < words.length - 1 && !/\d/.test(words[n]!) && !PO_BOX_WORD.test(words[n]!)) {
    const stems = labelStems(words[n]!);
    if (!stems.length || !stems.every(isLabelWord)) break;
    n++;
  }
  if (!n || !/^\d/.test(words[n]!)) return;
  const dropped = new Set(words.slice(0, n));
  c.value = { ...c.value, street_line: words.slice(n).join(' ') };
  let k = 0;
  c.toks = c.toks.filter((t) => !(k < n && dropped.has(t.text) && ++k));
}

/**
 * A unit opening with a second designator ("floor UNIT 1683", "FLOOR Room 27"): the first is the
 * end of a caption wrapped into the value's row ("Apt / suite /" over "floor"); a unit names one
 * designator and its number.
 */
function dropUnitCaption(c: AddrCand): void {
  const designator = (w: string | undefined) => !!w && UNIT_DESIGNATORS.has(w.toUpperCase().replace(/\.$/, ''));
  const m = /^([A-Za-z]+)\s*(\.?\s*#?\s*\d+[A-Za-z]?)$/.exec(c.value.unit.replace(/\s+(?=[A-Za-z])/, ''));
  if (!m) return;
  // (the two words may stand apart or run together: "floor Rm 523", "floorRm 39C")
  const letters = m[1]!;
  const spaced = c.value.unit.split(/\s+/);
  for (let i = 2; i < letters.length; i++) {
    if (!designator(letters.slice(0, i)) || !designator(letters.slice(i))) continue;
    const unit = spaced.length >= 3 ? spaced.slice(1).join(' ') : `${letters.slice(i)} ${m[2]!.trim()}`;
    c.value = { ...c.value, unit };
    return;
  }
}

/**
 * A caption made of unit designators alone, closed by its colon ("Ste / Fl / Rm:", "Apt/Suite #:"):
 * a unit's caption whatever designators a form lists. Where it ends (0: no such caption).
 */
function designatorCaptionEnd(toks: Tok[]): number {
  for (const [i, t] of toks.slice(0, 6).entries()) {
    const words = t.text.replace(/:$/, '').split('/').filter(Boolean);
    if (!words.every((w) => UNIT_DESIGNATORS.has(w.toUpperCase().replace(/\.$/, '')))) return 0;
    if (t.text.endsWith(':')) return i > 0 || words.length > 1 ? i + 1 : 0;
  }
  return 0;
}

/**
 * A unit under its own tag or label further along the street's line ("/SADR 4410 RIVERSIDE DR
 * /LOC RM 12", "Street: 12 Main St   Suite: 4"): the unit of the address read under the street's
 * label, when that reading found none.
 */
function unitBeside(
  doc: DocLayout,
  r: { value: ServiceAddress; toks: Tok[] },
  hit: Hit,
): { unit: string; toks: Tok[] } | null {
  if (r.value.unit || !r.value.street_line) return null;
  const onLine = r.toks.filter((t) => t.line === hit.line);
  if (!onLine.length) return null;
  const end = Math.max(...onLine.map((t) => t.x1));
  const after = doc.lines[hit.line]!.segs.filter((sg) => sg.x0 >= end);
  const label = after[0];
  const h = label
    ? (doc.hitsBySeg.get(label.id) ?? []).find(
        (x) => x.start === 0 && (x.field === 'addr_unit' || x.field === 'service_address'),
      )
    : undefined;
  const end2 = h?.end ?? (label ? designatorCaptionEnd(label.toks) : 0);
  if (!label || !end2) return null;
  const toks = end2 < label.toks.length ? label.toks.slice(end2) : (after[1]?.toks ?? []);
  const unit = trimValue(text(toks));
  return toks.length && isUnitOnly(unit) ? { unit, toks } : null;
}

/**
 * A street line that wrapped in its cell ("11177 Martin Luther King Jr" / "Ct." / "Corpus Christi, TX
 * 78460"): a short line without digits between a house-number line and the city line is the end of
 * the street, not a name or a city.
 */
function joinWrappedStreet(lines: Tok[][]): Tok[][] {
  const out: Tok[][] = [];
  for (const [i, line] of lines.entries()) {
    const prev = out[out.length - 1];
    const t = text(line);
    const next = lines[i + 1];
    const wrapsStreet =
      prev &&
      /^\d+[A-Za-z]?\s/.test(text(prev)) &&
      !cityStateZip(text(prev)) &&
      line.length <= 3 &&
      !/\d/.test(t) &&
      !/^(suite|ste|unit|apt|room|rm|floor|fl|bldg|building|#)\b/i.test(t) &&
      next &&
      !!cityStateZip(text(next)) &&
      // "COLLEGE STATION" over "TX 77840": a known city over a state/ZIP line without one is the city
      !(!cityStateZip(text(next))!.cityPart && isKnownCity(t.replace(/,$/, ''), cityStateZip(text(next))!.state));
    if (wrapsStreet) out[out.length - 1] = [...prev, ...line];
    else out.push(line);
  }
  return out;
}

/**
 * A cell's second line that ends a wrapped street or city ("4325 Kings" / "Highway Drive"): a few
 * words without digits, set as close under the first as lines of one cell are (a heading after a
 * blank line, "Lines and Numbers", is the next section), and no label.
 */
function wrapsInCell(doc: DocLayout, first: Tok[] | undefined, second: Tok[]): boolean {
  const t = text(second);
  // a lone street type under the street ("36 Southwest Sandpiper" / "Street") ends it, though it reads like a label
  const streetEnd = second.length === 1 && STREET_SUFFIXES.has(t.toUpperCase().replace(/[.,]/g, ''));
  if (!first?.length || second.length > 3 || /\d/.test(t) || /:$/.test(t) || (hitAt(doc, second[0]!) && !streetEnd))
    return false;
  const a = doc.lines[first[0]!.line]!;
  const b = doc.lines[second[0]!.line]!;
  // a line that fills the row's first column again is the table's next row ("1 | … | Spokane" over
  // "2 | … | Boise"), not this cell's wrapped end
  const [a0, b0] = [a.segs[0], b.segs[0]];
  if (
    a0 &&
    b0 &&
    a0.id !== first[0]!.seg &&
    b0.id !== second[0]!.seg &&
    Math.abs(a0.x0 - b0.x0) <= Math.max(3, 0.35 * b.h)
  )
    return false;
  // the same left edge and size as the cell's first line (a heading under a row starts elsewhere or is bigger)
  if (Math.abs(second[0]!.x0 - first[0]!.x0) > Math.max(3, 0.35 * b.h)) return false;
  if (Math.max(a.h, b.h) > 1.25 * Math.min(a.h, b.h)) return false;
  return b.top - a.bottom <= 0.8 * Math.max(a.h, b.h);
}

/**
 * A street cell's second line that ends the street and gives its unit ("7415 Southwest Coral Reef" /
 * "Parkway Apt 577", "737 Market" / "Boulevard, Room 13A"): the street's last words wrap in the cell
 * as wrapsInCell has them, the unit after them (a next row's street starts with its house number).
 */
function wrapsWithUnit(doc: DocLayout, first: Tok[], second: Tok[]): boolean {
  const su = splitUnit(text(second));
  if (!su.unit || !su.street || /\d/.test(su.street)) return false;
  const n = su.street.split(/\s+/).length;
  return n < second.length && wrapsInCell(doc, first, second.slice(0, n));
}

type PartCells = Map<LabelField, { text: string; toks: Tok[] }>;

/** The part cells (street, unit, city, state, ZIP) labelled after an address label, each its value. */
function partCells(doc: DocLayout, hit: Hit): PartCells {
  const line = doc.lines[hit.line]!;
  const parts: PartCells = new Map();
  // where another address's label opened a column right of this one: part cells from there
  // rightwards are that address's, those in this label's column go on ("TOWN/CITY | Bismarck" under
  // "SUITE | Ste 1637 | BILLING ADDRESS | 2043 Maple Blvd…" in a two-column record)
  let fence = Infinity;
  // and where another address's label stands left of this one on its line ("Billing address |
  // Service address" heading two cards side by side), the part cells left of this label's column are
  // that address's
  // (a heading no wording lists, "Where bills go | Service address", heads its own card as well: a
  // cell of words alone left of this label, which is alone in its own cell)
  // (not in a row of part captions under their values: "No. | Street" under "1456 | 3RD WAY")
  const cardLeft =
    !captionsUnderValues(doc, hit.line) &&
    hit.start === 0 &&
    hit.end === hit.seg.toks.length &&
    line.segs.some((sg) => sg.x1 < hit.x0 && sg.toks.length <= 7 && !/\d/.test(text(sg.toks)));
  const leftFence =
    cardLeft || doc.hits.some((h) => h !== hit && h.line === hit.line && h.x1 < hit.x0 && ADDRESS_HEADS.has(h.field))
      ? hit.x0 - line.h
      : -Infinity;
  // in reading order (labels found late, a label wrapped over two lines, are listed after the others),
  // part labels in the address label's own column first ("Location of Service:" over Address /
  // Suite / City… with another address's Address Line 1 / Suite / City… in a column to its right);
  // a part found only further right (State / ZIP in a second column) is still this address's
  const inColumn = (h: Hit) => h.x0 <= hit.x1;
  const ordered = doc.hits
    .filter((h) => h.page === hit.page && h.line >= hit.line)
    .sort((a, b) => a.line - b.line || a.x0 - b.x0);
  // the parts run on while each is near the one before ("No. | Street", "Unit", "Town | St. | ZIP" under a
  // form's combs, rows far apart): the reach counts from the last part read, not from the label
  const read = new Set<Hit>();
  for (const firstPass of [true, false]) {
    let reach = line.cy;
    for (const h of ordered) {
      if (firstPass && !inColumn(h)) continue;
      if (h.line === hit.line && h.x0 < hit.x0) continue;
      const hl = doc.lines[h.line]!;
      if (hl.cy - reach > 110) break;
      if (read.has(h)) reach = Math.max(reach, hl.cy);
      // the label's own address ended above (a city/state/ZIP line): part cells below it are another address
      if (h.line > hit.line && ownAddressEndsBefore(doc, hit, h.line)) break;
      if (h.line > hit.line && headingBetween(doc, hit, h.line)) break;
      if (h !== hit && (h.field === 'service_address' || h.field === 'billing_address' || h.field === 'remit')) {
        // (another address's heading beside this one on its line fences its column off too: "Service
        // location | Billing address" over two cards whose part rows need not line up)
        // (a heading, with no value beside it: "/SADR 12 MAIN ST /LOC RM 4" names a unit there)
        if (h.line === hit.line) {
          if (h.x0 > hit.x1 + hl.h && headsCard(doc, h)) fence = Math.min(fence, h.x0 - hl.h);
          continue;
        }
        if (h.x0 > hit.x1 + hl.h) {
          fence = Math.min(fence, h.x0 - hl.h);
          continue;
        }
        break;
      }
      if (h.x0 >= fence || h.x0 < leftFence) continue;
      if (!['addr_street', 'addr_unit', 'addr_city', 'addr_state', 'addr_zip'].includes(h.field) || parts.has(h.field))
        continue;
      // (this address has its street in its own column: a part under another street's caption further
      // right is that street's address — "Addr Line 2 | Apt 25B" under "Street Line | 5298 Commerce Hwy")
      if (!firstPass && parts.has('addr_street') && underOtherStreet(ordered, read, h, hl.h)) continue;
      // in a row of labels (a form or table header) the value is below, not the next label's neighbour
      // (labels each followed by their own value cell, "City: X  State: Y", are not a header row)
      const rowSegs = doc.lines[h.line]!.segs;
      const isLabelSeg = (sg: Seg | undefined) => !!sg && !!doc.hitsBySeg.get(sg.id)?.some((x) => x.start === 0);
      const labelSegs = rowSegs.filter(isLabelSeg).length;
      // (a label with its value in the cell beside it, "Town/City: | Salt Lake City | Bill-To Address: | …", heads no column)
      const next = rowSegs[rowSegs.indexOf(h.seg) + 1];
      // (or one that reads like a label after a colon: "TOWN/CITY: | Mobile")
      const valueBeside =
        h.end === h.seg.toks.length && !!next && (!isLabelSeg(next) || (h.colon && !/:$/.test(text(next.toks))));
      const headerRow = labelSegs >= 2 && labelSegs * 2 > rowSegs.length && !valueBeside;
      // a street or city cell may wrap onto a second line in its column ("4325 Kings" / "Highway Drive")
      const wraps = h.field === 'addr_street' || h.field === 'addr_city';
      const spans = spansFor(
        doc,
        h,
        wraps ? 4 : 1,
        h.field === 'addr_state' || h.field === 'addr_zip' || h.field === 'addr_city',
      ).filter((sp) => !sp.farther);
      // a caption in print much smaller than the line above it is that line's caption ("CHICAGO" over
      // "City" in tiny print on a form filled in by hand): the value is above, not the next caption beside it
      const above = spans.find((sp) => sp.mode === 'above')?.lines[0]?.[0];
      const captionUnder = !!above && doc.lines[above.line]!.h > 1.3 * hl.h;
      // (in a row of captions under their boxes, a part's value is in its box right above, or there is none)
      const underBoxes = headerRow && captionRowOfValuesAbove(doc, doc.lines[h.line]!);
      if (underBoxes)
        spans.splice(
          0,
          spans.length,
          ...spans.filter((sp) => sp.mode === 'above' && sp.lines[0]?.[0]?.line === h.line - 1),
        );
      spans.sort((a, b) =>
        headerRow
          ? Number(b.mode === 'below') - Number(a.mode === 'below')
          : captionUnder
            ? Number(b.mode === 'above') - Number(a.mode === 'above')
            : 0,
      );
      for (const span of spans) {
        // (a narrow street column wraps a long street more than once: "18649" / "Northeast" / "Pine
        // Valley" / "Parkway")
        const toks = [...(span.lines[0] ?? [])];
        for (let k = 1; k < span.lines.length && wrapsInCell(doc, span.lines[k - 1], span.lines[k]!); k++)
          toks.push(...span.lines[k]!);
        const v = trimValue(tokText(toks, h.field === 'addr_zip' ? true : 'inner').text);
        // (the next caption in a row of captions under their values is no value: "City | State code")
        if (!partValid(h.field, v) || (span.mode === 'right' && toks[0] && hitAt(doc, toks[0]))) continue;
        parts.set(h.field, { text: v, toks });
        read.add(h);
        reach = Math.max(reach, hl.cy);
        break;
      }
    }
  }
  return parts;
}

/** A street caption no part reading took, over `h` in its column (at or above its line): `h` is that street's part. */
function underOtherStreet(ordered: Hit[], read: Set<Hit>, h: Hit, lineH: number): boolean {
  return ordered.some(
    (s) =>
      s !== h &&
      s.field === 'addr_street' &&
      !read.has(s) &&
      s.line <= h.line &&
      s.atStart &&
      Math.abs(s.x0 - h.x0) <= 2 * lineH,
  );
}

/** An address label that heads a card: its cell holds nothing else, and the next cell on its line is another heading or none. */
function headsCard(doc: DocLayout, h: Hit): boolean {
  if (h.end !== h.seg.toks.length) return false;
  const segs = doc.lines[h.line]!.segs;
  const next = segs[segs.indexOf(h.seg) + 1];
  return !next || !!doc.hitsBySeg.get(next.id)?.some((o) => o.start === 0 && ADDRESS_HEADS.has(o.field));
}

/** The cell right of a caption on its row, when it holds a house number (a street's value, not another caption). */
function valueBeside(doc: DocLayout, caption: Tok[]): Tok[] | null {
  const last = caption[caption.length - 1];
  if (!last) return null;
  const segs = doc.lines[last.line]!.segs;
  const next = segs[segs.findIndex((sg) => sg.id === last.seg) + 1];
  return next && /^\d/.test(next.toks[0]?.text ?? '') && !doc.hitsBySeg.get(next.id)?.length ? next.toks : null;
}

const HOUSE_ONLY = /^\d+[A-Za-z]?$/;
const ORDINAL = /^\d+(?:st|nd|rd|th)$/i;

/**
 * A street printed as two fields side by side, the house number and the street's name ("HOUSE: 1456 |
 * STREET: 3RD WAY" on a terminal screen, a form's "No." and "Street name" boxes): the street cell that
 * holds only one of them takes the other from the cell beside it on its line — a house number alone
 * takes the name from the next cell (after that cell's own caption, if it has one), a name without a
 * number takes the number ending the cell before its caption. Null when the street is whole.
 */
function houseAndStreet(doc: DocLayout, given: Tok[]): Tok[] | null {
  const captionEnd = (toks: Tok[]) => toks.slice(0, 4).findLastIndex((t) => /:$/.test(t.text)) + 1;
  // (a cell read under an address heading may still open with its own caption: "HSE: 9541")
  const street = given.slice(captionEnd(given));
  const first = street[0];
  const last = street[street.length - 1];
  if (!first || !last) return null;
  const segs = doc.lines[last.line]!.segs;
  const captionOnly = (sg: Seg | undefined) =>
    !!sg && sg.toks.length <= 3 && /:$/.test(sg.toks[sg.toks.length - 1]!.text);
  if (street.length === 1 && HOUSE_ONLY.test(first.text)) {
    const at = segs.findIndex((sg) => sg.id === last.seg) + 1;
    const next = segs[at];
    if (!next) return null;
    const hit = doc.hitsBySeg.get(next.id)?.find((h) => h.start === 0);
    // (a caption of another address part is another part's value: "HOUSE 12 | CITY …")
    if (hit && hit.field !== 'addr_street' && (ADDRESS_HEADS.has(hit.field) || hit.field.startsWith('addr_')))
      return null;
    // (the name's caption may stand in a cell of its own: "HOUSE NO: | 4410 | STREET: | GRANITE BLUFF RD")
    const name = captionOnly(next)
      ? (segs[at + 1]?.toks ?? [])
      : next.toks.slice(Math.max(hit?.end ?? 0, captionEnd(next.toks)));
    const t = text(name);
    // (a street of its own beside a row's ordinal, "1 | 6894 W Magnolia Cir", is no street name)
    if (!/[A-Za-z]{2}/.test(t) || /\d{5}/.test(t) || cityStateZip(t) || /^\d+\b/.test(t)) return null;
    return [...street, ...name];
  }
  // (a street named by an ordinal starts with a digit but is no house number: "3RD WAY", "21ST AVE")
  if ((/^\d/.test(first.text) && !ORDINAL.test(first.text)) || !/[A-Za-z]{2}/.test(text(street))) return null;
  // the number before the street's caption: in its cell before the caption's words, or ending the cell before
  const own = segs.find((sg) => sg.id === first.seg);
  if (!own) return null;
  let k = first.idx - 1;
  while (k >= 0 && first.idx - k <= 3 && !/\d/.test(own.toks[k]!.text)) k--;
  // (the cell before may be the street's caption alone: "HOUSE NO: | 5755 | STREET: | LINCOLN AVE")
  const at0 = segs.indexOf(own) - 1;
  const prevSeg = captionOnly(segs[at0]) && k < 0 ? segs[at0 - 1] : segs[at0];
  const cell = k >= 0 ? own.toks : (prevSeg?.toks ?? []);
  const at = k >= 0 ? k : cell.length - 1;
  const num = cell[at];
  // (caption words between the number and the street; the number after its own caption, or alone)
  if (!num || !HOUSE_ONLY.test(num.text) || (k >= 0 && first.idx - k < 2)) return null;
  if (at > 0 && !/:$/.test(cell[at - 1]!.text)) return null;
  return [num, ...street];
}

/**
 * The street's row over an address's part values on a form captioned under its values: going up from
 * the first part's row (not above the label's), past caption rows and a unit's row, the first row
 * that reads as a street whole (its house number and name in separate boxes).
 */
function streetRowAbove(doc: DocLayout, hit: Hit, parts: PartCells): Tok[] | null {
  const partToks = ['addr_unit', 'addr_city', 'addr_zip'].flatMap((f) => parts.get(f as LabelField)?.toks ?? []);
  if (!partToks.length) return null;
  const from = Math.min(...partToks.map((t) => t.line));
  if (!captionsUnderValues(doc, from + 1)) return null;
  // (from a part's own caption, a few rows up at most)
  const stop = ADDRESS_HEADS.has(hit.field) ? hit.line : Math.max(0, from - 6);
  for (let k = from - 1; k >= stop; k--) {
    const l = doc.lines[k]!;
    if (l.page !== doc.lines[from]!.page) return null;
    const t = trimValue(text(l.toks));
    // (a caption row, or a caption alone under a box left empty: "Unit")
    if (captionsUnderValues(doc, k) || (l.h <= 1.05 * doc.lines[from + 1]!.h && !/\d/.test(t))) continue;
    if (isUnitOnly(t)) continue;
    return isStreetish(t) && !cityStateZip(t) && !l.toks.some((tk) => hitAt(doc, tk)) ? l.toks : null;
  }
  return null;
}

/**
 * A unit on the street cell's next line ("8330 Southwest Kingsley Lane" / "ROOM 336" in a record's
 * address column, the city in a column of its own): a line between street and city that is a unit
 * alone belongs to the address.
 */
function unitWrapped(doc: DocLayout, street: Tok[]): { text: string; toks: Tok[] } | undefined {
  const last = street[street.length - 1];
  if (!street[0] || !last) return undefined;
  let a = doc.lines[last.line]!;
  // (on a form captioned under its values, the unit's row comes after the street's captions, a row's
  // spacing apart: "8349 | EAST MARKET PARKWAY" / "No. | Street" / "FLOOR 19" / "Ste / Fl")
  const captioned = captionsUnderValues(doc, a.id + 1) && !/\d/.test(text(doc.lines[a.id + 1]!.toks));
  if (captioned) a = doc.lines[a.id + 1]!;
  const b = doc.lines[a.id + 1];
  if (!b || b.page !== a.page || b.top - a.bottom > (captioned ? 2 : 0.8) * Math.max(a.h, b.h)) return undefined;
  const seg = b.segs.find((sg) => Math.abs(sg.x0 - street[0]!.x0) <= Math.max(3, 0.35 * b.h));
  const t = seg ? trimValue(text(seg.toks)) : '';
  // (a state and ZIP wrapped under the street is no floor: "FL 33908")
  if (seg && isUnitOnly(t) && !/\b\d{5}$/.test(t) && !hitAt(doc, seg.toks[0]!)) return { text: t, toks: seg.toks };
  return unitUnderPrompt(doc, street, b);
}

/**
 * A unit under a prompt of its own on the line under the street's, the prompts in one column ("HSE: 6494 |
 * STREET: CANAL ST" over "SUPP: FLOOR 17" on a terminal screen): whatever the prompt's word, a value that
 * is a unit alone is the street's unit.
 */
function unitUnderPrompt(doc: DocLayout, street: Tok[], b: Line): { text: string; toks: Tok[] } | undefined {
  const own = doc.segs[street[0]!.seg];
  const seg = own && b.segs.find((sg) => Math.abs(sg.x0 - own.x0) <= Math.max(3, 0.35 * b.h));
  if (!own || !seg || seg === own || own.toks[0] === street[0]) return undefined;
  // (the street's own cell opens with its prompt too: "HSE:")
  const prompt = (toks: Tok[]) => toks.slice(0, 2).findIndex((t) => /:$/.test(t.text)) + 1;
  const at = prompt(seg.toks);
  if (!at || !prompt(own.toks)) return undefined;
  const value = seg.toks.slice(at);
  const t = trimValue(text(value));
  return value.length && isUnitOnly(t) && !/\b\d{5}$/.test(t) ? { text: t, toks: value } : undefined;
}

/** A ZIP cell whose label OCR lost: the 5-digit number right of the state (or city) value. */
function zipBesideState(doc: DocLayout, parts: ReturnType<typeof partCells>): void {
  const ref = (parts.get('addr_state') ?? parts.get('addr_city'))?.toks;
  if (parts.get('addr_zip') || !ref) return;
  const refLine = ref[0] ? doc.lines[ref[0].line] : undefined;
  const right = refLine?.toks.filter(
    (t) => t.x0 > ref[ref.length - 1]!.x1 && /^\d{5}(-?\d{4})?$/.test(digitFixToken(t.text)),
  );
  if (right?.length) parts.set('addr_zip', { text: digitFixToken(right[0]!.text), toks: [right[0]!] });
}

/**
 * The address label's own value (beside, under or over it) — but not the line over a heading whose part rows
 * give the street themselves ("Street | 6039 Cypress Lane" under "Service Location"): that line is the block
 * before it, "as at 5 August 2026", not its street.
 */
function ownPartsSpan(doc: DocLayout, hit: Hit, parts: PartCells): Span | undefined {
  const street = parts.get('addr_street');
  const streetRowBelow = !!street && /\d/.test(street.text) && (street.toks[0]?.line ?? -1) > hit.line;
  return spansFor(doc, hit, 1).filter((sp) => !sp.farther && !(sp.mode === 'above' && streetRowBelow))[0];
}

/**
 * A label's own value that is no street where a street cell gives one: nothing, no figure (a street has a
 * name and a number: a number alone beside a state code read as a street tag, "LA | 70827", is a ZIP), a
 * date (the cell above a heading, "Produced | 09-06-2026" over "Service Premises") or a telephone number
 * (beside a caption naming where the lines are, "Lines at this location: (509) 555-0149").
 */
function noStreet(t: string): boolean {
  return !t || !/\d/.test(t) || isDateText(t) || (!/[A-Za-z]/.test(t) && !!parsePhone(t));
}

/** An address in separate labelled cells (Street / Suite / City / State / ZIP) after an address label. */
function partsAfter(doc: DocLayout, hit: Hit): Cand<ServiceAddress> | null {
  const parts = partCells(doc, hit);
  zipBesideState(doc, parts);
  const city = parts.get('addr_city');
  const zip = parts.get('addr_zip');
  if (!city && !zip) return null;
  let streetText = '';
  let streetToks: Tok[] = [];
  const own = ownPartsSpan(doc, hit, parts);
  if (own && own.mode !== 'below' && own.lines[0]) {
    streetToks = own.lines[0];
    // a street beside its label may wrap in its cell ("ADDRESS: 28080 South Park" / "Lane")
    // (not the next row's value: "City | Norfolk" under "Street Address | 77 Waterfront Street")
    const second = spansFor(doc, hit, 2).find((sp) => sp.mode === own.mode)?.lines[1];
    const ownRow =
      second?.[0] && !doc.lines[second[0].line]!.segs.some((sg) => sg.x1 < second[0]!.x0 && sg.x0 >= hit.x0 - 4);
    if (second && ownRow && wrapsInCell(doc, streetToks, second)) streetToks = [...streetToks, ...second];
    streetText = trimValue(text(streetToks));
  } else if (own && own.mode === 'below' && own.lines[0] && !hitAt(doc, own.lines[0][0]!)) {
    streetToks = own.lines[0];
    // the street cell under a street label may wrap onto a second line ("4325 Kings" / "Highway Drive")
    // (more than once in a narrow column: "18649" / "Northeast" / "Pine Valley" / "Parkway")
    const lines =
      hit.field === 'addr_street' ? (spansFor(doc, hit, 4).find((sp) => sp.mode === 'below')?.lines ?? []) : [];
    for (let k = 1; k < lines.length && wrapsInCell(doc, lines[k - 1], lines[k]!); k++)
      streetToks = [...streetToks, ...lines[k]!];
    // (so may a table's street column under its address header, the unit after the street's end)
    if (streetToks === own.lines[0] && hit.field !== 'addr_street') {
      const next = spansFor(doc, hit, 2).find((sp) => sp.mode === 'below')?.lines[1];
      if (next && wrapsWithUnit(doc, streetToks, next)) streetToks = [...streetToks, ...next];
    }
    streetText = trimValue(text(streetToks));
    // a caption no wording lists opening the card's row ("Address line | 91 Harbor Ln."): the street is beside it
    const beside =
      !/\d/.test(streetText) && labelStems(streetText).every(isLabelWord) ? valueBeside(doc, streetToks) : null;
    if (beside) {
      streetToks = beside;
      streetText = trimValue(text(beside));
    }
  }
  // a caption under its value, the next caption beside it in a wording no list knows ("Street no. | Road /
  // avenue" under "6494 | CANAL ST"): the street is above the caption, not that caption
  if (hit.field === 'addr_street' && !/\d/.test(streetText)) {
    const above = spansFor(doc, hit, 1).find((sp) => sp.mode === 'above' && !sp.farther)?.lines[0];
    if (above?.[0] && /^\d/.test(above[0].text)) {
      streetToks = above;
      streetText = trimValue(text(above));
    }
  }
  // a street row whose captions no wording lists, over the unit's or city's row on a form captioned under
  // its values ("2225 | RIDGE HWY" over "Number | Street name", then "Unit", "Town | State | ZIP")
  const row = !/\d/.test(streetText) && !parts.get('addr_street') ? streetRowAbove(doc, hit, parts) : null;
  if (row) [streetToks, streetText] = [row, trimValue(text(row))];
  const st = parts.get('addr_street');
  if (noStreet(streetText) && st && /[A-Za-z]/.test(st.text)) {
    streetText = st.text;
    streetToks = st.toks;
  }
  // (…nor with no street cell read: the date is still no street)
  if (isDateText(streetText)) {
    streetText = '';
    streetToks = [];
  }
  // (a house number alone in its part cell, the street's name in the cell beside it)
  if (!streetText && st && HOUSE_ONLY.test(st.text)) streetToks = st.toks;
  const house = houseAndStreet(doc, streetToks);
  if (house) {
    streetToks = house;
    streetText = trimValue(text(house));
  }
  const su = splitUnit(streetText);
  const unitPart = parts.get('addr_unit') ?? (su.unit ? undefined : unitWrapped(doc, streetToks));
  const unit = unitPart?.text && !/^[_\-\s]*$/.test(unitPart.text) ? unitPart.text : su.unit;
  let cityText = city?.text ?? '';
  let state = '';
  let zip5 = '';
  let zip4 = '';
  const stateText = parts.get('addr_state')?.text ?? '';
  const zm = /(\d{5})(?:\s?-\s?(\d{4}))?/.exec(
    digitFixToken((zip?.text ?? '').replace(/\s/g, '')).replace(/(\d{5})(\d{4})/, '$1-$2'),
  );
  if (zm) {
    zip5 = zm[1]!;
    zip4 = zm[2] ?? '';
  }
  // "City/State/ZIP" in one cell
  const csz = cityStateZip(zip?.text ?? '') ?? (cityText ? cityStateZip(cityText) : null);
  if (csz && (!cityText || cityStateZip(cityText))) {
    // a tag word the part's cell began with ("CTY ST" | "ZIP TRAVERSE CITY MI 49686") is no part of the city
    cityText = (csz.cityPart && cleanCity(csz.cityPart, csz.state, csz.zip5).city) || cityText;
    state = csz.state;
    zip5 = zip5 || csz.zip5;
    zip4 = zip4 || csz.zip4;
  }
  if (!state && stateText) state = cityStateZip(`X, ${stateText} 00000`)?.state ?? stateText.toUpperCase();
  // a state cell the layout missed: the ZIP's own state, when the ZIP's city is the printed city
  const place = !state && zip5 && cityText ? zipPlace(zip5) : null;
  if (place && cityKey(place.city) === cityKey(cityText.replace(/,$/, ''))) state = place.state;
  const toks = [
    ...streetToks,
    ...(unitPart?.toks ?? []),
    ...(city?.toks ?? []),
    ...(parts.get('addr_state')?.toks ?? []),
    ...(zip?.toks ?? []),
  ];
  const quality = (su.street ? 0.3 : 0) + (cityText ? 0.2 : 0) + (state ? 0.2 : 0) + (zip5 ? 0.25 : 0);
  const printed = { street_line: su.street, unit, city: cityText.replace(/,$/, ''), state, zip5, zip4 };
  const check = checkAddress(printed);
  const value = withCitySpelling(printed, check);
  const zipCheck = zipCheckOf(check);
  return { value, toks, score: hit.strength * 0.9 * quality * check.factor, ...(zipCheck ? { zipCheck } : {}) };
}

/**
 * The label's own value beside it (inline or right, running down its column) ends with a complete
 * city/state/ZIP line (a city and a ZIP) above line `end`: part cells from there on are another address.
 */
function ownAddressEndsBefore(doc: DocLayout, hit: Hit, end: number): boolean {
  for (const span of spansFor(doc, hit, 6)) {
    if (span.mode !== 'inline' && span.mode !== 'right') continue;
    for (const l of span.lines) {
      if (!l.length || l[0]!.line >= end) break;
      const csz = cityStateZip(text(l));
      if (csz?.zip5 && csz.cityPart && !/:/.test(csz.cityPart)) return true;
    }
  }
  return false;
}

/**
 * A heading between the address label (itself a card's heading) and line `end`: a line alone in its
 * row, set as large as the label's line and larger than the rows under the label ("Service address"
 * … "Send bills to" over the next card, in a wording no list knows). Part cells below it are the
 * next card's.
 */
function headingBetween(doc: DocLayout, hit: Hit, end: number): boolean {
  const head = doc.lines[hit.line]!;
  if (head.segs.length !== 1) return false;
  for (let k = hit.line + 2; k < end; k++) {
    const l = doc.lines[k]!;
    if (l.page !== head.page) return false;
    const rows = doc.lines.slice(hit.line + 1, k);
    if (
      l.segs.length === 1 &&
      !/\d/.test(segText(l.segs[0]!.toks)) &&
      l.h >= 0.95 * head.h &&
      rows.every((r) => l.h > 1.1 * r.h)
    )
      return true;
  }
  return false;
}

function partValid(field: LabelField, v: string): boolean {
  if (!v || /^[_\-\s./|\\]*$/.test(v)) return false;
  switch (field) {
    case 'addr_zip':
      return /\d{5}/.test(v);
    case 'addr_state':
      return !!cityStateZip(`X, ${v} 00000`);
    case 'addr_city':
      return /[A-Za-z]{2}/.test(v) && !/\d{3}/.test(v);
    // (a date in the cell over a row of captions, "Produced | 09-06-2026" over "Street / Number", is no street)
    case 'addr_street':
      return !isDateText(v);
    // (a designator whose number is missing is a caption's word, not a unit: "Ste | Fl" under "SUITE 31",
    // the caption's slash lost on a scan)
    case 'addr_unit':
      return !designatorsOnly(v);
    default:
      return true;
  }
}

/** Only unit designators that need a number after them ("Fl", "Ste / Fl", "Apt #"), and no number. */
function designatorsOnly(v: string): boolean {
  const words = v
    .toUpperCase()
    .split(/[\s/,.]+/)
    .filter(Boolean);
  return words.length > 0 && words.every((w) => UNIT_DESIGNATORS.get(w)?.range);
}

/** Labels whose block of lines is read as that address by the labelled candidates. */
const ADDRESS_HEADS: ReadonlySet<LabelField> = new Set(['service_address', 'billing_address', 'remit']);

/** Address blocks without a label (a bill's window-envelope address), with the name line above. */
function unlabelledBlocks(doc: DocLayout, pages: number[]): { addr: AddrResult; name: Tok[] | null }[] {
  const out: { addr: AddrResult; name: Tok[] | null }[] = [];
  for (const line of doc.lines) {
    if (!pages.includes(line.page)) continue;
    for (const seg of line.segs) {
      const csz = cityStateZip(tokText(seg.toks).text);
      if (!csz || !csz.zip5) continue;
      // collect the block upwards: lines with a segment starting at the same x
      const block: Tok[][] = [seg.toks];
      // (a line ending another block — its city, state and ZIP — is where this one starts: the carrier's
      // letterhead right over the customer's window block is not the customer's)
      for (const s of segsAboveInColumn(doc, line, seg, 5)) {
        if (cityStateZip(tokText(s.toks).text)?.zip5) break;
        block.unshift(s.toks);
      }
      // a heading that names the customer ("Prepared for", "Customer") starts the block; an address
      // label's block is handled by the labelled candidates; the customer's trade name ("DBA …") is
      // a line of the block
      const headAt = block.findIndex((l) => hitAt(doc, l[0]!) && !ALIAS_LINE.test(text(l)));
      if (headAt >= 0) {
        const head = hitAt(doc, block[headAt]![0]!)!;
        if (head.field === 'account_name') block.splice(0, headAt + 1);
        else if (ADDRESS_HEADS.has(head.field)) continue;
        else {
          // another field's label over its value ("Account" / "8961 10 256"): the block starts under
          // that value, or under the label where the value shares its cell or stands beside it
          // ("Account # (on your bill)" | "A4232431")
          const headLine = doc.lines[head.line]!;
          const beside = headLine.segs[headLine.segs.indexOf(head.seg) + 1];
          const alone = head.end >= block[headAt]!.length && !beside;
          // (a caption of no field's over a business's name heads the mailing block, the name its first
          // line: "Billing Contact:" / "Statement For:" over "Northgate Marine Supply, PA" / "Attn: …" / street)
          const under = block[headAt + 1];
          const addressee = head.field === 'other' && !!under && LEGAL_FORM_END.test(trimValue(text(under)));
          block.splice(0, headAt + 1 + (alone && !addressee ? 1 : 0));
        }
      }
      if (!block.length) continue;
      const r = readAddress(block, { maxLines: block.length });
      if (!r || r.lastLine !== block.length - 1) continue;
      const nameLine = blockName(r.nameLines);
      const topLine = doc.lines[block[0]![0]?.line ?? 0]!;
      // (a label is the block's only right over it: one in the header well above, with the window
      // block after a gap, names its own value there — "Service address: 77 Quarry Rd, …")
      const prevLine = doc.lines[topLine.id - 1];
      const above =
        prevLine && prevLine.page === topLine.page && topLine.top - prevLine.bottom < 1.5 * topLine.h
          ? prevLine
          : undefined;
      const labelAbove = above?.segs.some(
        (s) =>
          Math.abs(s.x0 - seg.x0) < 30 &&
          (doc.hitsBySeg.get(s.id) ?? []).some(
            (h) => h.start === 0 && ['remit', 'service_address', 'billing_address'].includes(h.field),
          ),
      );
      if (labelAbove) continue;
      out.push({ addr: r, name: nameLine });
    }
  }
  return out;
}

/** A span whose lines end in a neighbouring caption set close after the value's last comma (see withoutCaptionTail). */
function withoutCaptionTails(span: Span): Span {
  const lines = span.lines.map(withoutCaptionTail);
  return lines.every((l, i) => l === span.lines[i]) ? span : { ...span, lines };
}

/** A state (code or name) then a ZIP, or a ZIP alone: what may stand in cells after a one-line address. */
const STATE_ZIP_CELLS = /^(?:[A-Za-z][A-Za-z .]{1,20}\s+)?\d{5}(?:-\d{4})?$/;

/**
 * A one-line value whose state and ZIP stand in cells of their own further along its line ("Service
 * Address: 4471 W 5th St, Salt Lake City    UT    84104", a form's columns): the line's later cells,
 * when they are only a state and a ZIP, end the address; otherwise the span is left as it is.
 */
function withStateZipCells(doc: DocLayout, span: Span): Span {
  if (span.lines.length !== 1 || (span.mode !== 'inline' && span.mode !== 'right')) return span;
  const own = span.lines[0]!;
  const last = own[own.length - 1];
  if (!last || /\d{5}(?:-\d{4})?[.,;]?$/.test(last.text)) return span;
  const line = doc.lines[last.line];
  if (!line) return span;
  const later = line.segs.filter((sg) => sg.x0 > last.x1 && sg.page === last.page);
  const cells = later.slice(0, 2).flatMap((sg) => sg.toks);
  if (!later.length || later.length > 2 || !STATE_ZIP_CELLS.test(segText(cells))) return span;
  if (!normalizeState(segText(cells).replace(/\s*\d{5}(?:-\d{4})?$/, '')) && !/^\d/.test(cells[0]!.text)) return span;
  return { ...span, lines: [[...own.slice(0, -1), { ...last, text: last.text.replace(/,?$/, ',') }, ...cells]] };
}

/**
 * In running text a value wraps onto the next line ("Your account number is" / "8310 0123."): the
 * words after the label through the paragraph replace the one-line inline value.
 */
function withWrappedValue(doc: DocLayout, hit: Hit, spans: Span[], limit = 12): Span[] {
  // only where the value starts right after the label in a sentence that goes on below
  if (!hit.prose && !spans.some((sp) => sp.mode === 'inline')) return spans;
  const after = proseAfter(doc, hit, limit);
  if (!after.length || after[0]!.line !== hit.line || !after.some((t) => t.line !== hit.line)) return spans;
  // a line in capitals under a value in mixed case, or in larger print, is a heading, not the
  // sentence going on ("ORGANIZATION: Gulf Breeze Plumbing & Heating PC" over "INVOICE SUMMARY")
  const onLine = after.filter((t) => t.line === hit.line);
  const next = after.filter((t) => t.line === after.find((u) => u.line !== hit.line)!.line);
  if (/\p{Ll}/u.test(text(onLine)) && next.every((t) => /^[\p{Lu}&'’.-]{2,}$/u.test(t.text))) return spans;
  if (typicalHeight(next) >= 1.1 * typicalHeight(onLine)) return spans;
  // a next line opening with a caption of its own, where this one's caption starts, is the next item of a
  // list of captioned values, not the sentence going on ("Customer name on file  Blue Fern Studio LLC" over
  // "Listed as  Fern Shop"): a label the vocabulary knows, a trade-name line, or — in a list whose captions
  // stand apart from their values by a gap wider than a word space — a few words set apart the same way
  const nextStart = next[0]!;
  const capStart = hit.seg.toks[hit.start]!;
  // a next line opening on an item's number where this one opens on one is the form's next item, not the
  // sentence going on ("3. Account No. (from your bill) ... 784180817" over "4. Billing Phone ... 505 555 0179")
  const lineStart = doc.lines[hit.line]!.toks[0]!;
  if (itemNumber(nextStart.text) && itemNumber(lineStart.text) && Math.abs(nextStart.x0 - lineStart.x0) < 3)
    return spans;
  if (Math.abs(nextStart.x0 - capStart.x0) < 3) {
    const nextLabel = (doc.hitsBySeg.get(nextStart.seg) ?? []).some((h) => h.start === nextStart.idx);
    const capEnd = hit.seg.toks[hit.end - 1]!;
    const valueStart = onLine.find((t) => t.x0 > capEnd.x1);
    const setApart = (a: Tok, b: Tok) => b.x0 - a.x1 > 0.55 * Math.max(a.h, b.h);
    const pairs =
      !!valueStart &&
      setApart(capEnd, valueStart) &&
      // (a caption of up to six words: "Known in directory as  Fern Shop")
      next.slice(0, 7).some((t, k) => k > 0 && setApart(next[k - 1]!, t));
    // (or a business name that ended with its legal form: "Registered name Blue Fern Studio LLC" over
    // "Listed as Fern Shop", the next item's caption run into its value with one space as this one's is)
    const ended =
      hit.field === 'account_name' &&
      !!valueStart &&
      LEGAL_FORM_END.test(text(onLine.filter((t) => t.x0 >= valueStart.x0)));
    if (nextLabel || ALIAS_LINE.test(text(next)) || pairs || ended) return spans;
  }
  return [
    { mode: 'inline', hit, lines: [after], gap: 0, farther: false },
    ...spans.filter((sp) => sp.mode !== 'inline'),
  ];
}

// --- carrier ---

function carrierFromHeader(doc: DocLayout, exclude: string[]): Cand<string> | undefined {
  const cands: Cand<string>[] = [];
  const lines1 = doc.lines.filter((l) => l.page === 1);
  if (!lines1.length) return undefined;
  const pageH = doc.pages.find((p) => p.page === 1)?.height ?? 792;
  const medianH = [...lines1.map((l) => l.h)].sort((a, b) => a - b)[Math.floor(lines1.length / 2)] ?? 10;
  const excluded = exclude.map((e) => labelKey(e)).filter(Boolean);
  for (const line of doc.lines) {
    const top = line.cy / (doc.pages.find((p) => p.page === line.page)?.height ?? pageH);
    for (const seg of line.segs) {
      // a label ("BUSINESS NAME") is never the carrier
      const segLabels = doc.hitsBySeg.get(seg.id) ?? [];
      if (
        segLabels.length &&
        seg.toks.every((t) => segLabels.some((h) => t.idx >= h.start && t.idx < h.end) || /^[:#|-]+$/.test(t.text))
      )
        continue;
      let raw = trimValue(text(seg.toks));
      // "ACME TELECOM - CUSTOMER RECORD", "ACME TELECOM  CUSTOMER SERVICE RECORD": the carrier is the part that is not the title
      const parts = raw
        .split(/\s+[-–|:]\s+/)
        .map(trimValue)
        .filter((x) => /[A-Za-z]{2}/.test(x));
      if (parts.length > 1 && !knownCarrierIn(raw)) raw = parts.find((x) => !TITLE_WORDS.test(x)) ?? raw;
      const titleAt = raw.search(TITLE_WORDS);
      if (titleAt > 2 && !knownCarrierIn(raw)) raw = trimValue(raw.slice(0, titleAt));
      if (!/[A-Za-z]{2}/.test(raw) || raw.length > 60) continue;
      const key = labelKey(raw);
      if (excluded.some((e) => e && (key.includes(e) || e.includes(key)))) continue;
      // "Requested by: Telnyx" names who asked for the record, not whose record it is
      const segHits = doc.hitsBySeg.get(seg.id) ?? [];
      let known =
        /\b(requested|prepared|submitted|ordered|generated|sent|printed)\s+(by|for)\b|\bagent\b|\bgaining\b|\bnew (carrier|provider)\b/i.test(
          raw,
        ) || segHits.some((h) => h.field === 'other')
          ? null
          : knownCarrierIn(raw);
      // OCR can space a logo's words into separate cells ("TDS" "Telecom"): prefer the longer name the line holds
      const lineKnown = known ? knownCarrierIn(text(line.toks)) : null;
      if (
        known &&
        lineKnown &&
        lineKnown.length > known.length &&
        lineKnown.toLowerCase().includes(known.toLowerCase())
      ) {
        known = lineKnown;
        raw = trimValue(text(line.toks));
      }
      const onFirst = line.page === 1;
      const ratio = line.h / medianH;
      let score = 0;
      if (known)
        score = 0.55 + (onFirst ? 0.15 : 0) + (top < 0.2 ? 0.15 : 0) + Math.max(0, Math.min(0.15, (ratio - 1) * 0.1));
      else if (
        onFirst &&
        top < 0.22 &&
        !TITLE_WORDS.test(raw) &&
        !/\d{3}/.test(raw) &&
        raw.split(/\s+/).length <= 6 &&
        !/[:@]/.test(raw)
      ) {
        const firstLines = line.id <= (lines1[0]?.id ?? 0) + 1;
        score =
          0.3 +
          Math.max(0, Math.min(0.25, (ratio - 1) * 0.3)) +
          (CARRIER_WORDS.test(raw) ? 0.2 : 0) +
          (firstLines ? 0.1 : 0);
        if (score < 0.45) score = 0;
      }
      if (!score) continue;
      let value = known ?? raw;
      // a header line "ACME TELECOM  CUSTOMER SERVICE RECORD" keeps the carrier part only
      if (!known && TITLE_WORDS.test(value)) continue;
      if (known && raw.toLowerCase() !== known.toLowerCase()) {
        // keep the document's spelling of the known name
        const idx = raw.toLowerCase().indexOf(known.toLowerCase());
        if (idx >= 0) value = raw.slice(idx, idx + known.length);
      }
      cands.push({ value: squash(value), toks: seg.toks, score });
    }
  }
  // "Thank you for choosing X", "© 2025 X"
  for (const line of doc.lines) {
    const t = text(line.toks);
    const m =
      /(?:thank you for choosing|©|\(c\)|copyright)\s*(?:\d{4}\s+)?([A-Z][\w&'.-]*(?:\s+[A-Z][\w&'.-]*){0,4})/.exec(t);
    if (m)
      cands.push({
        value: trimValue(m[1]!.replace(/\s*(All rights reserved|Inc\.?|LLC)\.?$/i, '')),
        toks: line.toks,
        score: 0.5,
      });
  }
  const top = best(cands);
  // the header's logo OCR'd badly ("TDS Te ecom") but the full known name printed elsewhere ("TDS Telecom")
  const fuller =
    top &&
    cands
      .filter(
        (c) =>
          c.value.length > top.value.length &&
          c.value.toLowerCase().startsWith(top.value.toLowerCase()) &&
          knownCarrierIn(c.value),
      )
      .sort((a, b) => b.score - a.score)[0];
  return fuller ? { ...top, value: fuller.value } : top;
}

// --- signature ---

const SIGN_MARK = /docusign|electronically signed|e-?signed|digitally signed|\/s\//i;

/**
 * Hand-drawn ink on a scan: OCR reads a signature as a few unsure marks as tall as a line of text
 * ("TN", "—~"), where specks are a point or two. Marks in the band that together run wider than a
 * short word are a signature. On a text page the reader's drawn marks (a signature path or image,
 * never a straight rule) are the same ink.
 */
function inkIn(doc: DocLayout, page: number, top: number, bottom: number, x0: number, x1: number): Tok[] {
  // a drawn signature image carries its own margins, so it may stand out of the band: its middle counts
  const inBand = (t: Tok) =>
    t.drawn ? t.cy >= top && t.cy <= bottom && t.h <= 80 : t.y0 >= top - 4 && t.y1 <= bottom + 4;
  const marks = doc.noise.filter((t) => t.page === page && inBand(t) && t.x1 > x0 && t.x0 < x1 && t.h >= 6);
  if (!marks.length) return [];
  const width = Math.max(...marks.map((t) => t.x1)) - Math.min(...marks.map((t) => t.x0));
  return width >= 40 ? marks : [];
}

function signature(doc: DocLayout, person: string | undefined): Cand<boolean> | undefined {
  for (const line of doc.lines) {
    if (SIGN_MARK.test(text(line.toks))) return { value: true, toks: line.toks, score: 0.9 };
  }
  const isNoise = (t: Tok) => /^[_\-.xX|:]*$/.test(t.text) || !!parseDate(t.text);
  const cands: Cand<boolean>[] = [];
  // lines of running text (the authorisation paragraph) are never a signature
  const prose = new Set<number>();
  for (const p of paragraphs(doc)) {
    const segIds = [...new Set(p.tt.spans.map((x) => x.tok.seg))];
    if (segIds.length >= 2 && segIds.some((id) => doc.segs[id]!.toks.length >= 10))
      for (const id of segIds) prose.add(id);
  }
  for (const hit of doc.hits) {
    if (hit.field !== 'signature') continue;
    const line = doc.lines[hit.line]!;
    const found: Tok[] = [];
    // right of the label on its line, up to the next label
    const after = line.toks.filter((t) => t.x0 >= hit.x1 - 1 && !(t.seg === hit.seg.id && t.idx < hit.end));
    for (const t of after) {
      if (hitAt(doc, t)) break;
      if (!isNoise(t) && !parseDate(tokText(doc.segs[t.seg]!.toks).text)) found.push(t);
    }
    // above (signature over a line with the caption below) or below (label at the top of a box)
    const x0 = hit.x0 - 10,
      x1 = hit.x0 + 260;
    for (const l of doc.lines) {
      if (l.page !== line.page || l === line) continue;
      const dy = l.cy - line.cy;
      if (dy < -34 || dy > 40) continue;
      for (const seg of l.segs) {
        if (prose.has(seg.id)) continue;
        // paragraphs (the authorisation text) are not signatures; neither are labels or dates
        if (seg.toks.length > 8 || seg.x1 - seg.x0 > 320 || seg.x0 > x1 || seg.x1 < x0) continue;
        if (doc.hitsBySeg.get(seg.id)?.length) continue;
        const segTxt = tokText(seg.toks).text;
        if (parseDate(segTxt)) continue;
        for (const t of seg.toks) if (!isNoise(t)) found.push(t);
      }
    }
    // on a scan the ink itself may be all there is: above the caption, beside it or in its box
    if (!found.length) found.push(...inkIn(doc, line.page, line.top - 34, line.bottom + 40, hit.x0 - 10, hit.x0 + 260));
    cands.push(
      found.length
        ? { value: true, toks: found, score: 0.8 }
        : { value: false, toks: hit.seg.toks.slice(hit.start, hit.end), score: 0.7 },
    );
  }
  if (cands.length) return cands.find((c) => c.value) ?? cands[0];
  // a letter: something between the closing and the printed name
  for (const line of doc.lines) {
    if (!CLOSING.test(text(line.toks).trim())) continue;
    const next = doc.lines.slice(line.id + 1, line.id + 4).filter((l) => l.page === line.page);
    const nameIdx = next.findIndex((l) => person && labelKey(text(l.toks)) === labelKey(person));
    const between = nameIdx > 0 ? next.slice(0, nameIdx) : nameIdx === 0 ? [] : next.slice(0, 1);
    const toks = between.flatMap((l) => l.toks).filter((t) => !/^[_\-]*$/.test(t.text));
    if (nameIdx === 0) {
      // the signature may be drawn as the same name just above the printed one: two copies
      const copies = next.filter((l) => person && labelKey(text(l.toks)).includes(labelKey(person))).length;
      // or as ink between the closing and the printed name (a scan)
      const ink = inkIn(doc, line.page, line.bottom, next[0]!.top, line.toks[0]!.x0 - 20, line.toks[0]!.x0 + 320);
      return { value: copies >= 2 || ink.length > 0, toks: ink.length ? ink : next[0]!.toks, score: 0.6 };
    }
    return { value: toks.length > 0, toks: toks.length ? toks : line.toks, score: 0.6 };
  }
  return undefined;
}

// --- the extractor: one reader per field (or per fields read together) ---

/** The stems of the label a candidate was read under ("Acct. Nbr" → account, number). */
function labelStemsOf(c: Cand<unknown>): string[] {
  return c.hit ? labelStems(tokText(c.hit.seg.toks.slice(c.hit.start, c.hit.end), false).text) : [];
}

/**
 * A bill that numbers both the customer and the account ("Customer No. 42879" beside "Account #
 * A5893…") gives the account number under the label that says account: the customer number is the
 * carrier's other key, read only when no label says account.
 */
function withoutCustomerNumbers(cands: Cand<string>[]): Cand<string>[] {
  const says = cands.map(labelStemsOf);
  // (a bare "Account" may be the first line of another label: "Account" / "passcode (if one is set)";
  // one closed by its colon, "Account: BAN4290140", is a whole label)
  // (nor is a bare "Account" caption over a value with an account number's own build, digit groups or
  // nine digits and more, "260-555-0183-205": no passcode or PIN is written so)
  const whole = (st: string[], c: Cand<string>) => st.length >= 2 || !!c.hit?.colon || accountBuilt(c.value);
  if (!says.some((st, i) => st.includes('account') && whole(st, cands[i]!))) return cands;
  return cands.filter((_, i) => !(says[i]!.includes('customer') && !says[i]!.includes('account')));
}

/**
 * A page saying whose network the service rides on ("Underlying carrier: …", "Network provider …",
 * "Carrier of record", "Service provided over …"): the issuer resells another carrier's service.
 */
const RESOLD_SERVICE =
  /\b(?:underlying|wholesale|upstream|host|network)\s+(?:carrier|provider|operator)\b|\bcarrier\s+of\s+record\b|\bservices?\s+(?:is\s+)?(?:provided|delivered|carried)\s+(?:over|on|via)\b|\bresold\s+(?:by|from|on)\b/i;

/** An account number's build beyond its grammar: digit groups ("813-632-8436-749", "6211 31 501 …") or nine digits and more. */
const accountBuilt = (v: string) => /^\d+(?:[\s-]\d+){2,}$/.test(v) || (v.match(/\d/g) ?? []).length >= 9;

/** A value with an account number's grammar: six or more characters, five or more of them digits. */
const accountShaped = (v: string) => v.replace(/[\s-]/g, '').length >= 6 && (v.match(/\d/g) ?? []).length >= 5;

/**
 * The account numbers a reseller's bill gives under a sub-account label. A reseller bills its customers
 * under its own master account at the underlying carrier; the customer's account there is the
 * sub-account, and the port is authorised by the carrier's records (carrier-level account number, not
 * the reseller's master or its customer login). Elsewhere a sub-account is a distractor (a line's or a
 * location's account under the main one), so this applies only where the page names an underlying carrier.
 */
function resoldSubAccounts(doc: DocLayout): Cand<string>[] {
  if (!doc.lines.some((l) => RESOLD_SERVICE.test(text(l.toks)))) return [];
  return labelled(doc, 'sub_account', 1, firstLine(parseAccount)).filter(
    (c) => accountShaped(c.value) && !maskedBefore(doc, c),
  );
}

/**
 * A value printed too long for its cell, run under or into the next caption: its last digit group
 * drawn over that caption's first word is on a line of its own at the same height ("ACCOUNT NBR: 6211
 * 31 501" + "5724218" under "STATEMENT"), or the caption's first word is glued to it
 * ("260-636-9493-948CUST." for "… 948" and "CUST. NO.:"). The number goes on across a word space into
 * the group; a glued label word is cut off. Read from overlapping print: a little less sure.
 */
function overrunAccount(doc: DocLayout, c: Cand<string>): void {
  const glued = /^(\d[\d\s-]*\d)([A-Z][A-Za-z]{2,})$/.exec(c.value);
  if (glued && accountShaped(glued[1]!) && labelStems(glued[2]!).every(isLabelWord)) {
    c.value = glued[1]!;
    c.score *= 0.95;
    return;
  }
  const last = c.toks[c.toks.length - 1];
  if (!last || !/\d$/.test(c.value) || doc.segs[last.seg]!.toks[last.idx + 1]) return;
  let end = last;
  for (;;) {
    const next = doc.lines
      .filter((l) => l.page === end.page && l.id !== end.line && Math.abs(l.cy - end.cy) < 0.35 * end.h)
      .flatMap((l) => l.toks)
      .find((t) => t.x0 > end.x1 && t.x0 - end.x1 < 0.8 * end.h && /^\d[\d-]*$/.test(t.text));
    if (!next || c.value.replace(/\W/g, '').length + next.text.length > 26) break;
    c.value += ` ${next.text}`;
    c.toks = [...c.toks, next];
    c.score *= 0.95;
    end = next;
  }
}

/**
 * An account number wrapped in a narrow grid cell ("1882 74 411" over "3226686" under "Customer Acct
 * No", the holder's name wrapping beside it): its last group is alone on the next line, at the cell's
 * left edge, with nothing right of it — a table's next row would fill the other columns too.
 */
function wrappedAccount(doc: DocLayout, c: Cand<string>): void {
  const first = c.toks[0];
  const last = c.toks[c.toks.length - 1];
  // (only a header's cell wraps so: under a label on the value's left, the next line is the next row — "Bill
  // Number 18774043" under "Billing Account Number 6527 60 064 1338085")
  // (so does a cell beside its caption whose caption wraps with it, or a band's cell run on after its
  // caption: "Account # (current" / "carrier)" beside "8533 04 737" / "3561488", "Billing Account: 3458 05
  // 559" / "0375063" — the next line's caption column holding nothing but the caption's own wrapped words)
  const beside = c.mode === 'right' || c.mode === 'inline';
  if ((c.mode !== 'below' && !beside) || !first || !last || c.toks.length < 2 || !/\d$/.test(c.value)) return;
  if (doc.segs[last.seg]!.toks[last.idx + 1]) return;
  const line = doc.lines[last.line]!;
  const below = doc.lines.find((l) => l.page === line.page && l.top > line.cy && l.top - line.bottom < 0.8 * line.h);
  // (a label on the next line starts a row of its own: "Acct PIN: 4821" under "Account Number: 5512 0934 11")
  // (beside its caption, one in the caption's own column: another column's captions are that column's rows)
  const hit = c.hit;
  const ownColumn = (h: Hit) => !!hit && h.x0 >= hit.x0 - 4 && !hit.wrapSegs?.includes(h.seg.id);
  if (!below || (beside && !hit)) return;
  // (under a header table's caption, a label in its own column only: another column's wrapped value may
  // read as one — "Spectrum" / "Business", "Omar Brennan" / "Owner")
  const inTableColumn = (h: Hit) => !hit?.col || (h.x1 > hit.col.x0 && h.x0 < hit.col.x1);
  if (doc.hits.some((h) => h.line === below.id && (!beside || ownColumn(h)) && inTableColumn(h))) return;
  // (nor any words there, a caption no vocabulary knows: "Quote #" beside "5875502" is the next row — but
  // for the close of a hint the caption left open, "(current" / "carrier)")
  const captionText = hit ? segText(hit.seg.toks.slice(hit.start, hit.end)) : '';
  const closesHint = (sg: Seg) => /\([^)]*$/.test(captionText) && /^[^()]*\)$/.test(segText(sg.toks));
  if (
    beside &&
    below.segs.some(
      (sg) => sg.x0 >= hit!.x0 - 4 && sg.x1 < first.x0 - 2 && !hit!.wrapSegs?.includes(sg.id) && !closesHint(sg),
    )
  )
    return;
  const under = below.toks.filter((t) => t.x1 > first.x0 - line.h && t.x0 < last.x1);
  const t = under[0];
  // (at the cell's left edge, or centred under the value in a header whose values are centred)
  const centred = Math.abs((t ? t.x0 + t.x1 : 0) / 2 - (first.x0 + last.x1) / 2) <= line.h;
  if (under.length !== 1 || !t || (Math.abs(t.x0 - first.x0) > line.h && !centred)) return;
  // (another cell of the header may wrap beside it, "Copper Canyon Plumbing &" over "Heating Ltd.": a
  // table's next row fills most of the row's cells, a wrap only a few)
  // (the row's cells may stand on more than one line of the layout, all at its height)
  const right = below.segs.filter((sg) => sg.x0 > t.x1).length;
  const row = doc.lines.filter((l) => l.page === line.page && Math.abs(l.cy - line.cy) < 0.5 * line.h);
  const cells = row.reduce((n, l) => n + l.segs.length, 0);
  // (…unless the group could not have stood after the value: the next cell starts before it would end, so
  // the cell wrapped it, however many cells beside wrap too — "6345 74 003" | "+1 509 208" over "5660002")
  const nextCell = Math.min(...row.flatMap((l) => l.segs.filter((sg) => sg.x0 > last.x1).map((sg) => sg.x0)));
  const wrapped = last.x1 + 0.25 * line.h + (t.x1 - t.x0) > nextCell;
  if (doc.segs[t.seg]!.toks.length !== 1 || (right && 2 * (right + 1) > cells && !wrapped)) return;
  const group = digitFixToken(t.text);
  if (!/^\d{3,}$/.test(group) || c.value.replace(/\W/g, '').length + group.length > 26) return;
  c.value += ` ${group}`;
  c.toks = [...c.toks, t];
  c.score *= 0.95;
}

/**
 * Carriers build account numbers from the billing number ("386-944-3862-769" for 386-944-3862). An
 * OCR'd account number whose first ten digits are one digit off a telephone number printed on the
 * same page ("386-044-3862-769" beside 386-944-3862) holds a digit slip in one of the two readings:
 * which one is a check, so the account number is not reported as read surely.
 */
const OCR_SLIP_CAP = 0.6;

function slipAgainstPhones(doc: DocLayout, acct: Cand<string>, f: FieldValue<string>): FieldValue<string> {
  const digits = acct.value.replace(/\D/g, '');
  if (digits.length < 11 || acct.toks.every((t) => t.conf >= 1)) return f;
  const head = digits.slice(0, 10);
  const page = acct.toks[0]?.page;
  const phoneRe = /\(?\b\d{3}\)?[\s.-]?\d{3}[\s.-]?\d{4}\b/g;
  for (const l of doc.lines) {
    if (l.page !== page || l.toks.some((t) => acct.toks.includes(t))) continue;
    for (const m of text(l.toks).matchAll(phoneRe)) {
      const p = m[0].replace(/\D/g, '');
      const off = [...p].filter((c, i) => c !== head[i]).length;
      if (off !== 1) continue;
      return capConfidence(f, OCR_SLIP_CAP);
    }
  }
  return f;
}

/**
 * A bill naming several accounts (a master account and its locations' sub-accounts) gives the one whose
 * section lists the numbers (holder.ts): it goes first, the others stay as alternatives below it.
 */
function holderFirst(doc: DocLayout, acctCands: Cand<string>[]): void {
  const subs = labelled(doc, 'sub_account', 1, firstLine(parseAccount)).filter(
    (c) => accountShaped(c.value) && !maskedBefore(doc, c),
  );
  // (a sentence's account, a table's words read as one, opens no section: it only yields to the holder)
  const holder = numbersHolder(
    doc,
    [...acctCands.filter((c) => !c.prose), ...subs].filter((c) => accountShaped(c.value)),
  );
  if (!holder) return;
  const top = Math.max(holder.score, ...acctCands.filter((c) => !c.prose).map((c) => c.score));
  holder.score = top;
  const key = labelKey(holder.value);
  for (const c of acctCands) if (c !== holder && labelKey(c.value) !== key) c.score = Math.min(c.score, 0.8 * top);
  if (!acctCands.includes(holder)) acctCands.push(holder);
}

/** The hint words that close a caption left open on its last word ('on' | 'file', 'as' | 'shown'). */
const HINT_TAILS: Readonly<Record<string, readonly string[]>> = {
  on: ['file', 'record', 'records'],
  as: ['shown', 'listed', 'appears'],
  of: ['record', 'records'],
};

/**
 * A caption whose hint runs on past where its words were read ("CUSTOMER NAME ON" | "FILE Granite Peak Eye
 * Care", no colon to end it): a value right of its caption that opens with a hint word after a caption ending
 * on one ("on" | "file", "as" | "shown") starts after it — a hint word opens no business name.
 */
function dropCaptionHintTail(c: Cand<string>, kind: DocumentKind): void {
  if (!c.hit || c.toks[0]?.line !== c.hit.line) return;
  const capLast = c.hit.seg.toks[c.hit.end - 1]?.text.toLowerCase() ?? '';
  const words = c.value.trim().split(/\s+/);
  const w = (i: number) => words[i]?.toLowerCase().replace(/[:.,]$/, '') ?? '';
  // a caption left open on "of" takes the noun naming whose name it is ("Legal Name of" | "Customer Iron
  // Bridge Construction, P.A."): a word that alone names the customer completes the caption
  const whose = labelStems(w(0));
  if (capLast === 'of' && words.length > 2 && whose.length === 1 && conceptOf(whose, kind)?.field === 'account_name') {
    c.value = words.slice(1).join(' ');
    if (c.toks.length > 1) c.toks = c.toks.slice(1);
    return;
  }
  // the whole hint in the value ("NAME" | "ON RECORD BLUE FERN …") or its tail ("NAME ON" | "FILE …")
  const n = HINT_TAILS[w(0)]?.includes(w(1)) ? 2 : HINT_TAILS[capLast]?.includes(w(0)) ? 1 : 0;
  if (!n || words.length <= n || !LABEL_FILLERS.has(w(n - 1))) return;
  c.value = words.slice(n).join(' ');
  if (c.toks.length > n) c.toks = c.toks.slice(n);
}

/**
 * A name read under a heading ("Customer") whose line opens with a one-word caption of the name of its own
 * ("Subscriber Pinnacle Brewing Company, Inc"), in a list of captioned values — the next line opens with a
 * caption where this one does ("Directory listing Pinnacle Services"): the word is the item's caption, not
 * the name's first word.
 */
function dropItemCaption(doc: DocLayout, c: Cand<string>): void {
  const first = c.toks[0];
  if (c.mode !== 'below' || !c.hit || !first || c.toks.length < 3 || first.idx !== 0) return;
  const stems = labelStems(first.text);
  const own = stems.length === 1 ? conceptOf(stems, doc.kind) : null;
  if (!own || own.field !== 'account_name' || own.stems.length !== 1 || (own.weight ?? 1) < 0.7) return;
  // (the heading's own word again is the name's: "Customer" over "Customer Care Group LLC")
  const heading = c.hit.seg.toks.slice(c.hit.start, c.hit.end).map((t) => t.key);
  if (heading.includes(first.key)) return;
  const next = doc.lines[first.line + 1];
  const opener = next?.toks[0];
  if (!opener || next.page !== first.page || Math.abs(opener.x0 - first.x0) > 3) return;
  // (or, in rows indented under the heading, a next row of words without digits: the name before it ends
  // with its legal form, so that row is no rest of it but the next captioned item — "Listed as  Fern Shop")
  const listed = first.x0 > c.hit.x0 + 2 * first.h && !/\d/.test(text(next.toks)) && /^[A-Z]/.test(opener.text);
  if (!listed && !(doc.hitsBySeg.get(opener.seg) ?? []).some((h) => h.start === opener.idx)) return;
  const words = c.value.trim().split(/\s+/);
  if (words[0] !== first.text || !LEGAL_FORM_END.test(c.value.trim())) return;
  c.value = words.slice(1).join(' ');
  c.toks = c.toks.slice(1);
}

/**
 * A caption that counts what follows ("This account carries 8 numbers:", "the 3 lines below:") is a
 * sentence introducing a list of things, not an account number's caption: a caption names one value and
 * counts nothing.
 */
function countingCaption(c: Cand<string>): boolean {
  if (!c.hit) return false;
  const words = c.hit.seg.toks.slice(c.hit.start, c.hit.end).map((t) => t.text);
  return words.some((w, i) => /^\d+$/.test(w) && /^[a-z]{3,}s:?$/i.test(words[i + 1] ?? ''));
}

/**
 * A ZIP (ZIP+4) on the line right under a city and state ("Palm Beach Gardens, FL" / "33418-3666"): the
 * address's last part wrapped alone, never an account number — a scan's caption read down a column
 * ("ACCT" / "NO:") may reach it.
 */
function zipUnderCityLine(doc: DocLayout, c: Cand<string>): boolean {
  if (!ZIP_WORD.test(c.value) || !c.toks.length) return false;
  const first = c.toks[0]!;
  const line = doc.lines[first.line]!;
  const above = doc.lines[first.line - 1];
  if (!above || above.page !== line.page || line.top - above.bottom > 1.2 * Math.max(line.h, above.h)) return false;
  const over = above.segs.find((s) => s.x0 < first.x1 && s.x1 > first.x0);
  // a city's word, then the state's code closing the line ("Palm Beach Gardens, FL")
  const m = over && /[A-Za-z]{2,}[\s,]+([A-Za-z]{2})\.?,?$/.exec(segText(over.toks).trim());
  return !!m && STATE_CODES.has(m[1]!.toUpperCase());
}

function readAccountNumber(doc: DocLayout, fields: ExtractedFields): Cand<string> | undefined {
  // account number (a sub-account label never gives the main account — but on a reseller's bill it
  // gives the customer's own account at the underlying carrier, see resoldSubAccounts)
  const sub = resoldSubAccounts(doc);
  const acctCands = withoutCustomerNumbers(
    labelled(doc, 'account_number', 1, firstLine(parseAccount)).filter(
      (c) => !maskedBefore(doc, c) && !countingCaption(c) && !zipUnderCityLine(doc, c),
    ),
  );
  for (const c of acctCands) overrunAccount(doc, c);
  for (const c of acctCands) wrappedAccount(doc, c);
  if (sub.length) {
    // the master account and the reseller's customer number stay as alternatives, never above the sub-account
    const top = Math.min(...sub.map((c) => c.score));
    for (const c of acctCands) c.score = Math.min(c.score, 0.8 * top);
    acctCands.push(...sub);
  }
  acctCands.push(...proseAccountCands(doc), ...accountPickerCands(doc).accounts);
  if (!sub.length && doc.kind === 'invoice') holderFirst(doc, acctCands);
  const top = best(acctCands);
  if (!top) return undefined;
  // (an account printed twice, header and stub, that OCR read two ways: candidate.ts settlePrintings)
  const { chosen: acct, unsettled } = settlePrintings(doc.lines, top, acctCands);
  const f = slipAgainstPhones(doc, acct, fieldOf(acct, acctCands));
  fields.account_number = unsettled ? capConfidence(f, UNSETTLED_PRINTINGS_CAP) : f;

  return acct;
}

function btnCandidates(doc: DocLayout): Cand<string>[] {
  // BTN
  const btnCands: Cand<string>[] = labelled(
    doc,
    'btn',
    1,
    firstLine((s) => {
      const p = parsePhone(s);
      return p ? { value: p.e164, start: p.start, end: p.end } : null;
    }),
  );
  btnCands.push(...btnRowNotes(doc, btnCands));
  btnCands.push(...btnMarkers(doc));
  return btnCands;
}

/**
 * A number marked as the BTN by a bracketed note right after it on its line ("Line 7015550199 [BTN]",
 * "TN 518-463-1239 [BTN]", "(605) 555-0112 (main number)"): an account tree or a list of lines flags its
 * main line so. The bracket is a hint no label reading sees (a caption's hints are dropped), yet it names
 * the number before it — whatever other numbers the list holds.
 */
function btnMarkers(doc: DocLayout): Cand<string>[] {
  const out: Cand<string>[] = [];
  for (const line of doc.lines) {
    const toks = line.toks;
    for (let i = 1; i < toks.length; i++) {
      const open = /^[[(]/.exec(toks[i]!.text)?.[0];
      if (!open) continue;
      const close = open === '[' ? ']' : ')';
      // the note's words, up to its closing bracket (three words at most: "(main billing number)")
      let j = i;
      while (j < toks.length && j < i + 4 && !toks[j]!.text.endsWith(close)) j++;
      if (j >= toks.length || !toks[j]!.text.endsWith(close)) continue;
      const inner = text(toks.slice(i, j + 1)).slice(1, -1);
      const stems = labelStems(inner);
      if (!stems.length || !stems.every(isLabelWord) || conceptOf(stems, doc.kind)?.field !== 'btn') continue;
      // the number ends right before the note
      const before = tokText(toks.slice(Math.max(0, i - 5), i));
      const p = findPhones(before.text).at(-1);
      if (!p || before.text.slice(p.end).trim()) continue;
      const used = toksIn(before, p.start, p.end);
      // the note is the number's caption: the review shows it as what the reading was found under
      const seg = line.segs.find((sg) => sg.toks.includes(toks[i]!) && sg.toks.includes(toks[j]!));
      const hit = seg
        ? cellHit(
            seg,
            seg.toks.indexOf(toks[i]!),
            seg.toks.indexOf(toks[j]!) + 1,
            { field: 'btn', weight: 0.8 },
            1,
            false,
            false,
          )
        : null;
      out.push({ value: p.e164, toks: used, score: 0.8 * pageFactor(line.page), hit });
    }
  }
  return out;
}

/**
 * A row of a list of lines noting its number as the main one ("Line 1 | 605 555 0112 | Metered
 * (main number)", "… Business Voice (BTN)"): a BTN label in parentheses after other words of the
 * row is a note on that row's number, the one left of it.
 */
function btnRowNotes(doc: DocLayout, labelled: Cand<string>[]): Cand<string>[] {
  const out: Cand<string>[] = [];
  for (const hit of doc.hits) {
    if (hit.field !== 'btn' || labelled.some((c) => c.hit === hit && c.mode !== 'below' && c.mode !== 'above'))
      continue;
    // a note in parentheses after the row's words ("Metered (main number)"), or a description cell
    // naming the line ("Main line (BTN)") with nothing after it
    const note =
      hit.start > 0 && /^\(/.test(hit.seg.toks[hit.start]!.text) && /\)$/.test(hit.seg.toks[hit.end - 1]!.text);
    const cell =
      hit.start === 0 && (hit.end === hit.seg.toks.length || /^\(.*\)$/.test(text(hit.seg.toks.slice(hit.end))));
    if (!note && !cell) continue;
    const line = doc.lines[hit.line]!;
    if (cell && line.segs[line.segs.indexOf(hit.seg) + 1]?.toks.some((t) => /\d{3}/.test(t.text) && !/\$/.test(t.text)))
      continue;
    const left = line.segs.filter((sg) => sg.x1 <= hit.x0 + 1).reverse();
    for (const sg of note ? [hit.seg, ...left] : left.slice(0, 1)) {
      const toks = sg === hit.seg ? sg.toks.slice(0, hit.start) : sg.toks;
      const tt = tokText(toks);
      const p = parsePhone(tt.text);
      if (!p) continue;
      const used = toksIn(tt, p.start, p.end);
      out.push({ value: p.e164, toks: used.length ? used : toks, score: 0.8 * pageFactor(hit.page), hit });
      break;
    }
  }
  return out;
}

/**
 * Returns whether the PIN question is settled: read, shown masked, or labelled at all (then no reading of
 * unknown labels may guess it).
 */
function readPin(doc: DocLayout, fields: ExtractedFields): boolean {
  // PIN: LOAs and CSRs (a record may carry the port-out passcode), never on bills
  if (doc.kind !== 'invoice') {
    // a PIN label over a mask ("****", "PIN is set") says the page hides the secret: nothing here is it
    if (doc.hits.some((h) => h.field === 'pin' && maskedValue(doc, h))) return true;
    // …and one that says there is none ("Account PIN: not required") settles it too: no number below is it
    if (doc.hits.some((h) => h.field === 'pin' && statesNoPin(doc, h))) return true;
    // a PIN is a secret: its alternatives are not kept
    const pinCands = labelled(doc, 'pin', 1, firstLine(parsePin)).filter((c) => !maskedBefore(doc, c));
    for (const m of prosePins(doc)) {
      const p = parsePin(m.value);
      if (p) pinCands.push({ value: p.value, toks: m.toks, score: m.score, hit: null, prose: true });
    }
    // the account number's last four read again ("Acct ending 9018", a masked number beside the PIN
    // label) are not a PIN: a candidate written as the account's own words is dropped, and one that
    // merely equals the account's tail is never near-certain
    const acct = fields.account_number;
    const acctDigits = acct?.value.replace(/\D/g, '') ?? '';
    for (let i = pinCands.length - 1; i >= 0; i--) {
      const c = pinCands[i]!;
      if (!acct || !/^\d{4}$/.test(c.value) || !acctDigits.endsWith(c.value) || acctDigits === c.value) continue;
      if (acct.bbox && c.toks.some((t) => t.page === acct.page && within(t.bbox, acct.bbox!))) pinCands.splice(i, 1);
      else c.score = Math.min(c.score, 0.75);
    }
    // a date in a PIN caption's area ("APR 04 2026" read on as "042026") is no PIN, whichever caption it
    // sits under — nor a rival that makes the PIN beside it a guess
    const pins = pinCands.filter((c) => !pinIsDate(doc, c));
    const pin = best(pins);
    if (pin) fields.pin = fieldOf(pin, pins, { alternatives: false });
  }
  // a PIN label whose value could not be read still says where the PIN is: no unknown label's value is it
  return !!fields.pin || doc.hits.some((h) => h.field === 'pin');
}

/**
 * Whether a PIN candidate is a date or a piece of one, read with its neighbours on its printed line (the
 * month's name before "04 2026" stands outside the caption's value span): values.ts readsAsDate.
 */
function pinIsDate(doc: DocLayout, c: Cand<string>): boolean {
  const first = c.toks[0];
  const last = c.toks[c.toks.length - 1];
  const line = first ? doc.lines[first.line] : undefined;
  if (!line || !last) return readsAsDate('', c.value, '');
  const i0 = line.toks.indexOf(first!);
  const i1 = line.toks.indexOf(last);
  const words = (ts: Tok[]) => ts.map((t) => t.text).join(' ');
  const before = i0 < 0 ? '' : words(line.toks.slice(0, i0));
  const after = i1 < 0 ? '' : ` ${words(line.toks.slice(i1 + 1))}`;
  return readsAsDate(before, c.value, after);
}

/** A value hidden behind mask characters ("****", "• • • •", "·····", "XXXX"): nothing of it is readable. */
/** What a PIN label's value says when the account has no PIN ("not required", "none", "N/A", "no passcode"). */
const NO_PIN =
  /^[\s:\-–]*(?:not\s+(?:required|needed|set|applicable|assigned|on\s+file)|none|n\/a|no\s+(?:pin|passcode|password))\b/i;

/** A PIN label whose own words after it on its line say the account has no PIN. */
function statesNoPin(doc: DocLayout, hit: Hit): boolean {
  const line = doc.lines[hit.line]!;
  const right = [
    ...hit.seg.toks.slice(hit.end),
    ...(line.segs.find((sg) => sg.x0 >= hit.x1 && sg !== hit.seg && !hitAt(doc, sg.toks[0]!))?.toks ?? []),
  ];
  return NO_PIN.test(right.map((t) => t.text).join(' '));
}

const MASK_ONLY = /^(?:[*•·●]+|[xX]{3,})$/;

/**
 * A label whose own value is a mask: the PIN cell of a portal printout shows "****" ("PIN is set") under
 * or beside its label. The secret is not on the page, so the words after the mask (a note, the next
 * row's house number) are no reading of it. The mask is the words right of the label on its line, or
 * the next line's cell starting in the label's column (a caption above its value).
 */
function maskedValue(doc: DocLayout, hit: Hit): boolean {
  const line = doc.lines[hit.line]!;
  const isMask = (toks: readonly Tok[]) => {
    const words = toks.map((t) => t.text).filter((w) => !/^[:\-–]$/.test(w));
    return words.length > 0 && MASK_ONLY.test(words.join(''));
  };
  const right = [
    ...hit.seg.toks.slice(hit.end),
    ...(line.segs.find((sg) => sg.x0 >= hit.x1 && sg !== hit.seg && !hitAt(doc, sg.toks[0]!))?.toks ?? []),
  ];
  if (right.length && isMask(right.filter((t) => t.seg === right[0]!.seg))) return true;
  // (the next line may be another column's row, printed between the caption and its value)
  let prev = line;
  for (let id = hit.line + 1; id <= hit.line + 3; id++) {
    const below = doc.lines[id];
    if (!below || below.page !== line.page || below.top - prev.bottom > 2 * line.h) return false;
    const cell = below.segs.find((sg) => Math.abs(sg.x0 - hit.x0) <= Math.max(4, line.h));
    if (cell) return isMask(cell.toks);
    prev = below;
  }
  return false;
}

/**
 * A value printed after mask groups ("**** **** 4471", "XXXX 9018"): the tail of a masked number, not
 * the number (the words before it in its cell are masks; a value span leaves them out).
 */
function maskedBefore(doc: DocLayout, c: Cand<string>): boolean {
  const t = c.toks[0];
  const prev = t ? doc.segs[t.seg]?.toks[t.idx - 1] : undefined;
  return !!prev && /^([*•]+|[xX]{3,})-?$/.test(prev.text);
}

/** The box `a` lies inside `b` (a point or two of slack for rounding). */
function within(a: readonly number[], b: readonly number[]): boolean {
  return a[0]! >= b[0]! - 2 && a[1]! >= b[1]! - 2 && a[2]! <= b[2]! + 2 && a[3]! <= b[3]! + 2;
}

/** An attention line routes a bill to someone: "ATTN ACCOUNTS PAYABLE", "C/O OFFICE MGR". */
const ATTENTION_LINE = /^(?:ATTN|ATTENTION|C\/O)\b/i;
/** The words of a postal endorsement a mailer prints over the addressee ("PRESORTED FIRST-CLASS", "AUTO**5-DIGIT 46858"). */
const MAIL_WORDS =
  /^(?:presort(?:ed)?|prsrt|first-class|first|class|mail|standard|std|postage|paid|permit|auto|aadc|mixed|\d-digit|digit|car-rt|sort|ecrwss|u\.?s\.?|no\.?|\d+)$/i;
/** A line of postal endorsement words only: the mail piece's class and sort, never the addressee's name. */
const mailLine = (s: string) => {
  const words = s.split(/[\s*]+/).filter(Boolean);
  return words.length > 0 && words.every((w) => MAIL_WORDS.test(w)) && words.some((w) => /[a-z]{4}/i.test(w));
};
/**
 * A line giving the customer's other name ("DBA Bayside Pediatric", "Trading As: …", "T/A …"):
 * printed under the account name, it is a trade name, never the account name nor part of it.
 */
const ALIAS_LINE = /^(?:dba|d\/b\/a|t\/a|aka|a\/k\/a|trading\s+as|doing\s+business\s+as|trade\s+name)\b/i;
/**
 * A heading that numbers one of the account's places: a word, then its ordinal (a number of up to four
 * figures, "#2", "No. 3" or one capital letter), then nothing or a separator before the site's nickname
 * ("Location 1 - Store", "Site B: Warehouse", "Loc 002", "Branch #4 – Clinic"). It titles a location card
 * over its premises, never the account's name. (A capital letter as the ordinal stands apart from the
 * word: a legal form wrapped alone onto its line, "PLLC", "INC", "LLC", is no "PLL C".)
 */
const SITE_ORDINAL_LINE = /^[A-Za-z]{2,12}\.?\s*(?:#\s*|no\.?\s*)?(?:\d{1,4}|(?<=[\s#.])[A-Z])(?:\s*[-–—:|].*)?$/;

/** The role words of the authorized person's labels ("user", "contact", "signer"…), from the registry. */
const PERSON_ROLE_STEMS: ReadonlySet<string> = new Set(
  FIELD_REGISTRY.find((f) => f.key === 'authorized_person')!.concepts.flatMap((c) => c.stems),
);

/**
 * A record tag of two words written with one space before the name ("AUTH USER DMITRI JOHNSON"):
 * a capitals role word opening a name of two or more words is the tag's, not the person's.
 */
function dropTagRoleWord(c: Cand<string>): void {
  const words = c.value.split(/\s+/);
  if (words.length < 3 || !/^[A-Z]{2,}$/.test(words[0]!)) return;
  const stems = labelStems(words[0]!);
  if (!stems.length || !stems.every((s) => PERSON_ROLE_STEMS.has(s))) return;
  const rest = parsePerson(words.slice(1).join(' '));
  if (!rest || rest.quality !== 1 || rest.value.split(/\s+/).length < 2) return;
  c.value = rest.value;
  if (c.toks.length > 1) c.toks = c.toks.slice(1);
}

/** A managing role as a roster prints it beside a name (shared/domain MANAGING_ROLE_WORDS). */
const MANAGING_ROLE = new RegExp(`\\b(?:${MANAGING_ROLE_WORDS.join('|')})\\b`, 'i');

/**
 * How surely a cell or a line's tail that is only a role (a few words, no digits) names whoever acts for
 * the account: a managing role among its words most (0.95), a role the caption vocabulary gives the
 * authorized person less (0.9: in a roster of "Authorized users" an "Authorized user" beside an
 * "Administrator" is a line's user), none 0.
 */
function managingRole(cell: string): number {
  // (the next column's callback number run into the cell is not the role's: "Primary account manager512 763 6643")
  const t = cell.replace(/(?<=[A-Za-z])\s*\+?\d[\d ().-]{8,}$/, '');
  const words = t.trim().split(/\s+/);
  if (words.length > 4 || /\d/.test(t)) return 0;
  return MANAGING_ROLE.test(unglueRole(t)) ? 0.95 : authorizingRole(t) ? 0.9 : 0;
}

/**
 * A role cell that names the authorized person in the caption vocabulary's own words, surely ("Authorized",
 * "Decision Maker", "Responsible Party", "Signer"), or a qualifier that names that person with "contact"
 * after it and nothing alone ("Primary"). A role the vocabulary gives another job ("Billing", "Technical") or only a
 * bare contact's weak sense ("User", "Contact") is not.
 */
function authorizingRole(cell: string): boolean {
  const stems = labelStems(cell);
  if (!stems.length || !stems.every(isLabelWord)) return false;
  const sure = (c: LabelConcept | null) => authorizingWeight(c) === 1;
  const alone = conceptOf(stems, 'csr');
  // (a qualifier only when the word alone names nothing: "ACCT" is the account's number's tag, no role)
  // (and written out: "PRI" is a trunk's type, whatever the vocabulary makes of its letters)
  const written = stems.length === 1 && stems[0] === cell.trim().toLowerCase();
  return sure(alone) || (!alone && written && sure(conceptOf([...stems, 'contact'], 'csr')));
}

/** A label word OCR ran into the role after it ("accountmanager"), and the role word at its end. */
const GLUED_ROLE = new RegExp(`\\b([A-Za-z]{2,})(${MANAGING_ROLE_WORDS.join('|')})\\b`, 'gi');

/** The role words of `t` with a label word glued in front parted from it ("Primary accountmanager"). */
function unglueRole(t: string): string {
  return t.replace(GLUED_ROLE, (m, head: string, role: string) =>
    labelStems(head).every(isLabelWord) ? `${head} ${role}` : m,
  );
}

/** A name alone, as a roster prints it: a person of two to four words, no business, no digits. */
function rosterPerson(t: string): string | null {
  return rosterPersonAsWritten(t) ?? rosterPersonAsWritten(splitNameRejoined(t));
}

/**
 * A roster's name with the words OCR split inside a name joined again ("Nancy Castill o", "Wei Mora
 * les"): a piece in small letters right after a capitalised word is that word's end, unless it is a
 * surname's particle ("van", "de") or a sentence's word ("and", "is").
 */
function splitNameRejoined(t: string): string {
  return t.replace(/\b([A-Z][A-Za-z'’-]*) ([a-z]{1,5})\b/g, (m, a: string, b: string) =>
    NAME_PARTICLES.test(b) || /^(?:and|or|is|of|the|for|on|at|to|in|as|by)$/.test(b) ? m : `${a}${b}`,
  );
}

function rosterPersonAsWritten(t: string): string | null {
  if (/\d/.test(t) || BUSINESS_SUFFIXES.test(t)) return null;
  const p = parsePerson(t.trim());
  // (a surname's particles are no words of their own: "Yolanda A. Van der Berg" is a name of four)
  const n = p ? p.value.split(/\s+/).filter((w) => !NAME_PARTICLES.test(w.toLowerCase())).length : 0;
  return p && p.quality === 1 && n >= 2 && n <= 4 ? p.value : null;
}

/**
 * A line that goes on a sentence from the line above ("… on file for this account: Mateo" over "M.
 * Van der Berg, Owner."): running text starting where it starts, close above, not ended by a stop.
 */
function sentenceGoesOn(doc: DocLayout, line: Line): boolean {
  const above = doc.lines[line.id - 1];
  if (!above || above.page !== line.page || line.top - above.bottom > 0.9 * line.h) return false;
  const last = above.segs[above.segs.length - 1]!;
  // (running text: words in lower case, as a roster's "Olga T. Levy - Line user" above is not)
  const lower = above.toks.filter((t) => /^[a-z]/.test(t.text)).length;
  return Math.abs(above.segs[0]!.x0 - line.segs[0]!.x0) <= 4 && lower >= 4 && !/[.!?]$/.test(text(last.toks));
}

/** A table's heading of a column of people's roles ("Role", "Title", "Position", "Relationship"). */
const ROLE_COLUMN = /^(?:roles?|titles?|job\s+title|position|relationship)$/i;

/** The caption heads a column of a people table: its heading row has a column of roles too. */
function rosterHeading(doc: DocLayout, hit: Hit): boolean {
  const segs = doc.lines[hit.line]!.segs;
  return segs.length >= 3 && segs.some((sg) => sg !== hit.seg && ROLE_COLUMN.test(text(sg.toks).trim()));
}

/**
 * A roster of the account's people with each one's role — a Name | Role | Phone table, or lines "Olga
 * Whitaker - Administrator" / "Olga Whitaker (Account manager)": the one with a managing role acts for
 * the account, surer than a heading such as "Authorized users" over all of them (CSRs only: on a bill
 * or LOA a name with a title is a contact or the signer, read elsewhere).
 */
function rosterManagers(doc: DocLayout): Cand<string>[] {
  if (doc.kind !== 'csr') return [];
  const out: Cand<string>[] = [];
  for (const line of doc.lines) {
    // a table row: a person's cell, then a role cell
    const i = line.segs.findIndex((sg) => rosterPerson(text(sg.toks)));
    // (not a caption's value: "Directory name | Sunbelt Outlet | Account admin | Anh Tanaka" is two
    // label-value pairs, the role a caption of the next cell)
    const left = i > 0 ? line.segs[i - 1]! : undefined;
    const captioned = !!left && !!doc.hitsBySeg.get(left.id)?.some((h) => h.end === left.toks.length);
    // (nor a lines table's row: its number first, then the line's type and site — "865 704 2890 | Analog Line |
    // Disc | Primary" names no one)
    const numberFirst = i > 0 && line.segs.slice(0, i).some((sg) => parsePhone(text(sg.toks)));
    if (i >= 0 && line.segs.length >= 2 && !captioned && !numberFirst) {
      const seg = line.segs[i]!;
      // (nor a role caption whose value, another person, follows it: "… | Principal | Anh Tanaka")
      const roles = line.segs.map((sg, j) => (j > i ? managingRole(text(sg.toks)) : 0));
      const roleAt = roles.findIndex((r) => r > 0);
      const after = roleAt > 0 ? line.segs[roleAt + 1] : undefined;
      if (roleAt > 0 && !(after && rosterPerson(text(after.toks)))) {
        out.push({ value: rosterPerson(text(seg.toks))!, toks: seg.toks, score: roles[roleAt]! });
        continue;
      }
    }
    // one line: the name, a dash, comma or parenthesis, and the role (a parenthesis OCR spaced out
    // into cells, "Anh K. Martinez (Primary | accountmanager)", still closes on the line's one role)
    const spacedParen =
      /\([^()]*$/.test(text(line.segs[0]!.toks)) &&
      /^[^()]*\)$/.test(text(line.segs.slice(1).flatMap((sg) => sg.toks)));
    if ((line.segs.length !== 1 && !spacedParen) || sentenceGoesOn(doc, line)) continue;
    // (how to reach them after the role is no part of it: "Olga Levy (Authorized) - 555 0142 - olga@…")
    const m = /^(.+?)\s*(?:[-\u2013\u2014,]\s+|\()([^()]+?)\)?$/.exec(withoutContactAfter(text(line.toks)));
    const who = m && rosterPerson(m[1]!);
    const score = who ? managingRole(m[2]!) : 0;
    if (who && score) out.push({ value: who, toks: line.toks, score });
  }
  return out;
}

/** The names a page's letterhead prints in large type at its top (the document's issuer), as label keys. */
function letterheadNames(doc: DocLayout): Set<string> {
  const out = new Set<string>();
  for (const line of doc.lines) {
    if (line.page !== 1) break;
    const height = doc.pages.find((p) => p.page === 1)?.height ?? 792;
    if (line.top > 0.12 * height) continue;
    for (const seg of line.segs) if (isLetterheadName(doc, seg.toks)) out.add(labelKey(segText(seg.toks)));
  }
  return out;
}

/**
 * A one-word "label" without a colon right under a name in letterhead print, where that name starts,
 * with no value beside it: the letterhead's last word wrapped ("Prairie Telephone" over "Company"),
 * not a caption.
 */
function letterheadWord(doc: DocLayout, hit: Hit): boolean {
  if (hit.colon || hit.end - hit.start !== 1 || hit.seg.toks.length !== 1) return false;
  // (a caption with its value beside it is one: "Optimum Business" over "Company | Bayside Bakery…")
  const segs = doc.lines[hit.line]!.segs;
  const next = segs[segs.indexOf(hit.seg) + 1];
  if (next && !doc.hitsBySeg.get(next.id)?.some((o) => o.start === 0)) return false;
  // (and it is printed as large as that name: a box's small caption "CUSTOMER" under a document's
  // large title is a caption, its value under it)
  const own = hit.seg.toks[0]!.h;
  for (const sg of segsAboveInColumn(doc, doc.lines[hit.line]!, hit.seg, 1))
    return Math.abs(sg.x0 - hit.seg.x0) <= 3 && own >= 0.85 * typicalHeight(sg.toks) && isLetterheadName(doc, sg.toks);
  return false;
}

/**
 * A caption of one word in the plural ("Subscribers", "Customers", "Companies") heads a list of many — a
 * table of lines and their users — never the one name the account is held under.
 */
function pluralHeading(hit: Hit): boolean {
  if (hit.end - hit.start !== 1) return false;
  const word = hit.seg.toks[hit.start]!.text.replace(/[:.]$/, '').toLowerCase();
  // (the stem is the word less its plural ending: "CUS" is a record's tag for customer, no plural)
  const stem = labelStems(word)[0];
  return /[^s]s$/.test(word) && (stem === word.slice(0, -1) || (/ies$/.test(word) && stem === `${word.slice(0, -3)}y`));
}

/**
 * A section heading naming the holder ("ACCOUNT HOLDER", "Customer") alone on its line over rows that caption
 * the name themselves ("Firm Name  NORTHGATE LAW OFFICES PC"): the rows' own captions read the name, the
 * heading reads nothing — the row above it is the last of another section, the row under it its own caption's.
 */
function headingOverOwnCaption(doc: DocLayout, hit: Hit): boolean {
  const line = doc.lines[hit.line]!;
  if (hit.start !== 0 || hit.end !== hit.seg.toks.length || line.segs.length !== 1) return false;
  const next = doc.lines[hit.line + 1];
  if (!next || next.page !== line.page || next.top - line.bottom > 2.5 * line.h) return false;
  const opener = next.segs[0]!;
  if (opener.x0 < hit.x0 - 2) return false;
  return (doc.hitsBySeg.get(opener.id) ?? []).some((h) => h !== hit && h.field === hit.field && h.start === 0);
}

/** Labelled account names and authorized persons; a person-shaped name beside a business one is the person. */
function labelledNames(doc: DocLayout): NameCands {
  const kind = doc.kind;
  const isLoa = kind === 'loa';
  // a carrier's own name (a wordmark "COMCAST" over "BUSINESS", read as a caption and its value) is
  // whose document this is, never the customer
  const nameCands = labelled(doc, 'account_name', NAME_LINES + 1, (span) =>
    wrappedName(nameRunOn(doc, throughLegalFormLine(doc, span))),
  ).filter(
    (c) =>
      !isCarrierName(c.value) &&
      !(c.hit && letterheadWord(doc, c.hit)) &&
      !documentTitle(c.value) &&
      !monthOfYear(c.value) &&
      !signingBlockHeading(c.value) &&
      !(c.hit && c.mode !== 'right' && c.mode !== 'inline' && headingOverOwnCaption(doc, c.hit)) &&
      !(c.hit && pluralHeading(c.hit)),
  );
  for (const c of nameCands) dropCaptionHintTail(c, kind);
  for (const c of nameCands) dropItemCaption(doc, c);
  for (const c of nameCands) withLineBesideCaptionStart(doc, c);
  const personCands =
    isLoa || kind === 'csr' || kind === 'other'
      ? labelled(doc, 'authorized_person', 2, (s) =>
          wrappedPerson({ ...s, lines: s.lines.map((l) => gluedNameSplit(doc, l)) }),
        )
      : [];
  if (kind === 'csr') personCands.forEach(dropTagRoleWord);
  // a header table's caption has its values in the rows under it ("Contact" over "Joseph Dubois"): the line
  // over the caption row (a report's "Cols A to F", its run date) is no value of that column
  for (let i = personCands.length - 1; i >= 0; i--) {
    const c = personCands[i]!;
    if (c.mode === 'above' && c.hit?.col && personCands.some((o) => o.hit === c.hit && o.mode === 'below'))
      personCands.splice(i, 1);
  }
  // another caption read as the person ("Service start:" beside or over "Authorized contact:", "Bills sent
  // to" under it): a value that opens a label of its own, or a cell of words ending with a colon
  for (let i = personCands.length - 1; i >= 0; i--) {
    const c = personCands[i]!;
    const cell = c.toks[0] ? doc.segs[c.toks[0].seg] : undefined;
    if (c.hit && c.toks[0] && (hitAt(doc, c.toks[0]) || (cell && /[A-Za-z]:$/.test(segText(cell.toks).trim()))))
      personCands.splice(i, 1);
  }
  // a terminal screen's street-name prompt ("ST NAME: FOREST PLACE") names a street, not anyone
  for (const cands of [nameCands, personCands])
    for (let i = cands.length - 1; i >= 0; i--) {
      const h = cands[i]!.hit;
      if (h && addressPartPrompt(doc, h.seg.toks[h.start]!)) cands.splice(i, 1);
    }
  personCands.push(...rosterManagers(doc));
  nameCands.push(...cardTitleNames(doc), ...bandNames(doc), ...accountPickerCands(doc).names, ...billedPartyNames(doc));
  if (isLoa) personCands.push(...signedNames(doc));
  // two account-name labels, one giving a business and one a person ("Company name: Bright Path
  // Tutoring Inc" / "Account holder: Daniel Reyes"): the person is who acts for the account
  const personShaped = (v: string) => {
    // an attention line ("ATTN ACCOUNTS PAYABLE", "C/O OFFICE MGR") routes the bill: no one's authority
    if (ATTENTION_LINE.test(v)) return null;
    const p = /,/.test(v) || BUSINESS_SUFFIXES.test(v) ? null : parsePerson(v);
    return p && p.quality === 1 && p.value.split(/\s+/).length <= 3 ? p : null;
  };
  if (nameCands.some((c) => BUSINESS_SUFFIXES.test(c.value))) {
    for (let i = nameCands.length - 1; i >= 0; i--) {
      const c = nameCands[i]!;
      // a listed (directory) name is a DBA, not a person
      if (c.hit && c.hit.def.weight < 0.5) continue;
      // a label with its value beside it has none below (the next row's words are not a second name)
      if ((c.mode === 'below' || c.mode === 'above') && nameCands.some((o) => o.hit === c.hit && o.mode === 'right'))
        continue;
      // (nor one with its value under it any words over it: a sidebar's heading "ACCOUNT FACTS" over
      // "Subscriber Name" over the business is no person)
      if (c.mode === 'above' && nameCands.some((o) => o.hit === c.hit && o.mode === 'below')) continue;
      const p = personShaped(c.value);
      if (!p) continue;
      nameCands.splice(i, 1);
      // (a roster's Name column — "Name | Role | Phone | Email" — lists people by their roles: its first row is
      // no one's authority by being first; the roster's roles say who acts for the account, rosterManagers)
      if (c.hit && c.mode === 'below' && rosterHeading(doc, c.hit)) continue;
      if (isLoa || kind === 'csr' || kind === 'other')
        personCands.push({ value: p.value, toks: c.toks, score: 0.7 * c.score });
    }
  }
  if (isLoa) for (const cands of [nameCands, personCands]) dropAuthorisedParty(doc, cands);
  return { names: nameCands, persons: personCands };
}

/** A caption's line that goes on below it: it ends on a word or mark that joins ("Business /", "Legal &"). */
const CAPTION_JOINER = /(?:[/&,+-]|\b(?:and|or))$/i;

/**
 * A value read right of a caption that wrapped ("Business /" over "Organization Name") starts beside the
 * caption's first line: the words there, at the value's own left edge, are its first line ("Silver Creek"
 * beside "Business /", "Pediatric Associates Incorporated" from beside "Organization Name" on).
 */
function withLineBesideCaptionStart(doc: DocLayout, c: Cand<string>): void {
  const h = c.hit;
  const first = c.toks[0];
  if (!h || c.mode !== 'right' || h.start !== 0 || !first) return;
  const line = doc.lines[h.line]!;
  const up = doc.lines[h.line - 1];
  if (!up || up.page !== line.page || line.top - up.bottom > line.h) return;
  const cap = up.segs.find((s) => Math.abs(s.x0 - h.seg.x0) <= 2 && s.x1 < first.x0);
  if (!cap || !CAPTION_JOINER.test(segText(cap.toks))) return;
  if (!(doc.hitsBySeg.get(cap.id) ?? []).some((x) => x.field === h.field)) return;
  const val = up.segs.find((s) => s !== cap && Math.abs(s.x0 - first.x0) <= 3);
  if (!val || (doc.hitsBySeg.get(val.id) ?? []).length || val.toks.some((t) => c.toks.includes(t))) return;
  c.value = `${segText(val.toks)} ${c.value}`;
  c.toks = [...val.toks, ...c.toks];
}

/**
 * The party an LOA's own sentences authorise ("The undersigned authorizes Meridian Cloud Voice to port…")
 * is the gaining carrier: neither the account's holder nor its signer, whatever caption it was read under
 * (a title's "…OF AUTHORIZATION" over "Requested by: Meridian Cloud Voice"). Such candidates are dropped
 * while another remains (isAuthorisedParty, as for a name read by its shape).
 */
function dropAuthorisedParty(doc: DocLayout, cands: Cand<string>[]): void {
  const kept = cands.filter((c) => !isAuthorisedParty(doc, c.value));
  if (kept.length && kept.length < cands.length) cands.splice(0, cands.length, ...kept);
}

/**
 * The party a bill is made out to, printed with no address: a billing caption ("Bill to", "Billed to",
 * "Invoice to") beside or over a business's name alone ("Billed to: Cedar Ridge Law Offices, LLP"; an app's
 * account card "Billed to" / "Blue Heron Physical Therapy Corp." over "Service location"; a receipt's "Bill to"
 * over the business). That name is the account's, as a mailing block's name line is (readAddresses reads that
 * one where the address follows it), and as weak: any caption naming the account beats it.
 */
function billedPartyNames(doc: DocLayout): Cand<string>[] {
  if (doc.kind === 'loa') return [];
  const out: Cand<string>[] = [];
  for (const hit of doc.hits) {
    if (hit.field !== 'billing_address') continue;
    for (const span of spansFor(doc, hit, 3)) {
      if (span.mode === 'above') continue;
      // (one line alone, or with only its legal form wrapped under it, "… Services," over "LLC": any other
      // next line is the block's address, which readAddresses reads with its name line)
      const [first, next, after] = span.lines;
      const formOnly = next && (!after || hitAt(doc, after[0]!)) ? wrappedLegalForm(next) : undefined;
      if (!first?.length || (next && !formOnly) || hitAt(doc, first[0]!)) continue;
      // (nor a caption's rest: "Nombre / Name" beside a bilingual bill's "Facturado a")
      if (labelStems(first[0]!.text).every(isLabelWord) || first.some((t) => t.text === '/')) continue;
      const own = trimValue(text(first));
      if (looksLikeLabelText(own) || ATTENTION_LINE.test(own) || /\d/.test(own)) continue;
      const toks = formOnly ? [...first, ...formOnly] : first;
      const v = parseBusiness(formOnly ? trimValue(`${text(first)} ${text(formOnly)}`) : own);
      if (!v || isCarrierName(v.value)) continue;
      out.push({ value: v.value, toks, score: 0.56 * v.quality * MODE_WEIGHT[span.mode], hit, mode: span.mode });
    }
  }
  return out;
}

/**
 * A name's legal form wrapped alone onto the next line ("LLC"), without a marker a card sets at the line's
 * far end (a chevron, "›"): its tokens, or undefined when the line holds anything else.
 */
function wrappedLegalForm(line: Tok[]): Tok[] | undefined {
  const words = line.filter((t) => /[\p{L}\d]/u.test(t.text));
  return words.length && words.length <= 2 && onlyLegalForms(text(words)) ? words : undefined;
}

/** A title's last word naming what the document is: a statement, a record, a report, an extract. */
const DOCUMENT_NOUN_END = /\b(?:statement|record|report|extract)s?$/i;

/**
 * A record's profile card titled by the customer's name without a caption: a line alone, in larger
 * type than the card's rows, starting where the card's labels start, right above two or more label
 * rows ("Harbor Point Dental LLC" over "Account number | … / Status | …"). A portal prints the
 * account's name as the card's title; a section heading names no business (label words) and the
 * carrier's own name heads the page, not a card. Below any captioned name: the title has no label.
 */
function cardTitleNames(doc: DocLayout): Cand<string>[] {
  const out: Cand<string>[] = [];
  if (doc.kind !== 'csr') return out;
  const labelRow = (l: Line | undefined, x: number) =>
    !!l &&
    doc.hits.some((h) => h.line === l.id && h.atStart && !h.prose && h.start === 0 && Math.abs(h.seg.x0 - x) <= 3);
  for (const line of doc.lines) {
    if (line.segs.length !== 1 || doc.hits.some((h) => h.line === line.id)) continue;
    const seg = line.segs[0]!;
    // the card's rows: the next lines, each close under the one before (captions above their values
    // make every other row a label row)
    const rows: Line[] = [];
    for (let k = line.id + 1; k < doc.lines.length && rows.length < 4; k++) {
      const l = doc.lines[k]!;
      const prev = doc.lines[k - 1]!;
      if (l.page !== line.page || l.top - prev.bottom > 1.5 * Math.max(l.h, prev.h)) break;
      rows.push(l);
    }
    // close above its first row (a label row), and larger than the rows it titles
    if (!rows.length || !labelRow(rows[0], seg.x0) || rows.filter((r) => labelRow(r, seg.x0)).length < 2) continue;
    if (line.h < 1.15 * Math.max(...rows.map((r) => r.h))) continue;
    const t = text(seg.toks);
    // (a page title joining the carrier's name and the document's, "ZIPLY FIBER - CUSTOMER RECORD", is neither)
    const parts = t.split(/\s+[-\u2013\u2014|]\s+/);
    if (/\d/.test(t) || parts.some((p) => looksLikeLabelText(p) || isCarrierName(p))) continue;
    // (nor the document's own title over its first section: "CERTIFIED ACCOUNT STATEMENT", "Service Record")
    if (DOCUMENT_NOUN_END.test(t) && !LEGAL_FORM_END.test(t)) continue;
    const v = parseBusiness(t);
    if (v) out.push({ value: v.value, toks: seg.toks, score: 0.55 * v.quality });
  }
  return out;
}

/**
 * A header band naming the account before its facts on one line, the facts set apart by bullets or pipes
 * ("HARBOR LIGHT DENTAL LLC · Acct # 8812 004 · BTN 608-555-0142", "Quarry Hill Bakery | Account: 4471 |
 * Status: Active"): the first piece, uncaptioned, is the account's name when a later piece opens with an
 * account or BTN caption. A page title beside a page counter ("Customer Summary | Page 1") names no account.
 */
function bandNames(doc: DocLayout): Cand<string>[] {
  const out: Cand<string>[] = [];
  for (const line of doc.lines) {
    const pieces: Tok[][] = [[]];
    for (const t of line.toks) {
      if (BAND_SEPARATOR.test(t.text)) pieces.push([]);
      else pieces.at(-1)!.push(t);
    }
    // (a separator may close the band as well as part its pieces: "… | BTN: 508 883 4060 |")
    if (pieces.length > 2 && !pieces.at(-1)!.length) pieces.pop();
    const [first, ...rest] = pieces;
    if (!first?.length || rest.length < 1 || rest.some((p) => !p.length)) continue;
    // (a first piece holding a caption closed by its colon is a captioned fact, "Network: Verizon Business")
    if (first.some((t) => /[A-Za-z]:$/.test(t.text))) continue;
    // a piece opens with an account or BTN caption: the layout read one at its start (each piece is a cell
    // of its own, a hint and all: "Account # (on your bill) 2427…"), or its words before the first figure
    // ("Acct #:", "BAN", "Main #") name one of those fields
    const captioned = rest.some((p) => {
      const read = doc.hits.find((h) => h.seg.toks[h.start] === p[0] && h.atStart);
      if (read && (read.field === 'account_number' || read.field === 'btn')) return true;
      const k = p.findIndex((t) => /\d/.test(t.text));
      const stems = k > 0 && k <= 4 ? labelStems(text(p.slice(0, k))).filter((w) => !/^\d+$/.test(w)) : [];
      if (!stems.length || !stems.every(isLabelWord)) return false;
      const field = conceptOf(stems, doc.kind, undefined, true)?.field;
      return field === 'account_number' || field === 'btn';
    });
    const t = text(first);
    if (
      !captioned ||
      /\d/.test(t) ||
      doc.hits.some((h) => h.line === line.id && first.includes(h.seg.toks[h.end - 1]!))
    )
      continue;
    if (looksLikeLabelText(t) || isCarrierName(t)) continue;
    const v = parseBusiness(t);
    if (!v) continue;
    const c = { value: v.value, toks: first, score: 0.6 * v.quality };
    bandNamed.add(c);
    out.push(c);
  }
  return out;
}

/** Names bandNames read: a band captioning the account's facts names it as surely as a label does. */
const bandNamed = new WeakSet<Cand<string>>();

/**
 * The name typed or e-signed on a signature line ("Signature: /s/ James O'Neill", "Signed By" over
 * "Marisol Nguyen") is the signer's: the authorized person, a little less sure than a name label.
 */
function signedNames(doc: DocLayout): Cand<string>[] {
  return labelled(doc, 'signature', 1, (span) => {
    const toks = span.lines[0];
    if (!toks) return null;
    const typed = text(toks).replace(
      /^\/s\/\s*|^(?:e-?signed|electronically signed|digitally signed)(?:\s+by)?:?\s*/i,
      '',
    );
    const p = parsePerson(typed);
    return p && p.quality === 1 && p.value.split(/\s+/).length >= 2 ? { value: p.value, toks, quality: 0.6 } : null;
  });
}

/**
 * Readings that are no service address: a street of digits alone is a row's ordinal under a "Site" /
 * "Loc" column ("1 | 27872 Washington St | Boise, ID 83713"), never a street line; an address in the
 * current carrier's box ("Current carrier Acme Telecom / 8094 Forest Ter / Carson City, NV") is the
 * carrier's own, not where the customer's lines are.
 */
function dropNoServiceReadings(doc: DocLayout, serviceCands: AddrCand[], billingCands: AddrCand[]): void {
  // a city read twice over ("COLLEGE STATION COLLEGE STATION") ran into the next row of a table whose
  // rows repeat the address, under a City column — unless the state has a city of that name ("Walla Walla")
  for (const c of [...serviceCands, ...billingCands]) {
    const w = c.value.city.split(/\s+/);
    const half = w.length / 2;
    if (
      w.length >= 2 &&
      w.length % 2 === 0 &&
      w.slice(0, half).join(' ').toLowerCase() === w.slice(half).join(' ').toLowerCase() &&
      !isKnownCity(c.value.city, c.value.state.toUpperCase())
    )
      c.value = { ...c.value, city: w.slice(0, half).join(' ') };
  }
  for (const cands of [serviceCands, billingCands])
    for (let i = cands.length - 1; i >= 0; i--) {
      const t = cands[i]!.toks[0];
      if (
        ROW_ORDINAL.test(cands[i]!.value.street_line) ||
        (cands === serviceCands && t && carrierBlockAbove(doc, doc.lines[t.line]!, doc.segs[t.seg]!))
      )
        cands.splice(i, 1);
    }
}

/** A table row's ordinal ("1", "Loc 2", "Site 3", "#4"), never a street line: streets and P.O. boxes have words. */
const ROW_ORDINAL = /^(?:loc(?:ation)?\.?|site|#|no\.?)?\s*#?\d{1,3}$/i;

/** Labelled service and billing addresses; an unlabelled block on a bill is its billing address. */
/** On a bill naming several accounts, the service address printed in the section of the account holding the numbers (holder.ts). */
function preferHolderSection(doc: DocLayout, cands: AddrCand[]): void {
  const inside = cands.filter((c) => c.toks.length && inHolderSection(doc, c.toks[0]!.line));
  if (!inside.length || inside.length === cands.length) return;
  const cap = 0.8 * Math.max(...inside.map((c) => c.score));
  for (const c of cands) if (!inside.includes(c)) c.score = Math.min(c.score, cap);
}

/**
 * A sentence saying where the service is ("The telephone service is provided at 4188 Washington Road,
 * Fort Lauderdale, FL …") outranks an address block no label names on the same street (a letter's
 * letterhead under the customer's name): the letter states which place it means, and where the two
 * differ in city or ZIP, that is what the review must hold against the carrier — even when the ZIP
 * database doubts the stated city, which lowered the sentence's reading below the block's.
 */
function statedOverUnnamed(serviceCands: AddrCand[]): void {
  for (const s of serviceCands) {
    if (!s.stated) continue;
    const street = streetKey(s.value.street_line);
    for (const c of serviceCands)
      if (
        !c.hit &&
        !c.prose &&
        streetKey(c.value.street_line) === street &&
        (cityKey(c.value.city) !== cityKey(s.value.city) || c.value.zip5 !== s.value.zip5)
      )
        c.score = Math.min(c.score, 0.9 * s.score);
  }
}

const streetKey = (s: string) => s.toUpperCase().replace(/[^A-Z0-9]/g, '');

/** A labelled name this unsure yields to the name over a bill's mailing block. */
const WEAK_NAME = 0.4;

function readAddresses(doc: DocLayout, fields: ExtractedFields, nameCands: Cand<string>[]): void {
  const kind = doc.kind;
  const serviceCands = addressCands(doc, 'service_address');
  const billingCands = addressCands(doc, 'billing_address');
  const remitCands = addressCands(doc, 'remit');
  const used = new Set<Tok>([...remitCands.flatMap((c) => c.toks)]);
  repeatedColumnAddresses(doc, serviceCands);
  proseServiceAddresses(doc, serviceCands);
  blockServiceCands(doc, serviceCands);
  statedOverUnnamed(serviceCands);
  // (an address another address's label reads — billing, mailing, remit-to, corporate — is never one read
  // without a service label: a part row under "Mailing Address", a "Remit To:" line read as running text)
  const otherAddress = new Set<Tok>([...billingCands, ...remitCands].flatMap((c) => (c.hit ? c.toks : [])));
  proseAddresses(doc, serviceCands, otherAddress);
  // (before: a carrier's box or row ordinals must not hide that no service address was read, which lets
  // dropPartReadings take an unlabelled part-cell address; after: that address may be one of them too)
  dropNoServiceReadings(doc, serviceCands, billingCands);
  dropPartReadings(doc, serviceCands, otherAddress);
  dropNoServiceReadings(doc, serviceCands, billingCands);
  screenServiceAddresses(doc, serviceCands);
  taggedServiceAddresses(doc, serviceCands);
  preferPrimaryLocation(doc, serviceCands);
  preferSiteOfLines(doc, serviceCands);
  preferHolderSection(doc, serviceCands);
  closedSitesLast(doc, serviceCands);
  siteHeadingRunIn(serviceCands);
  numberedStreetOfSamePlace(serviceCands);
  mostRowsAddress(serviceCands);
  for (const c of serviceCands) dropOtherColumnWords(doc, c);
  let service: AddrCand | undefined = best(serviceCands);
  let billing: AddrCand | undefined = best(billingCands);
  if (kind === 'invoice' || kind === 'other' || kind === 'csr') {
    const firstPages = [1];
    const blocks = unlabelledBlocks(doc, firstPages).filter((b) => !b.addr.toks.some((t) => used.has(t)));
    const taken = new Set<Tok>([...(service?.toks ?? []), ...(billing?.toks ?? [])]);
    const nameOk = (b: (typeof blocks)[number]) => {
      const nameText = b.name ? text(b.name) : '';
      return !(
        nameText &&
        (isCarrierName(nameText) || letterheadOverBlock(doc, b.name!, b.addr.toks) || namesLetterhead(doc, b.name!))
      );
    };
    const usable = blocks.filter((b) => !b.addr.toks.some((t) => taken.has(t)) && nameOk(b));
    // a mailing block is addressed to someone: one with a name line beats a bare address higher up
    // (the carrier's own street and city under its logo, the logo a block of its own)
    const b = usable.find((u) => u.name) ?? usable[0];
    if (b && kind === 'invoice' && !billing)
      billing = { value: b.addr.value, toks: b.addr.toks, score: 0.55 * b.addr.quality, hit: null };
    // the name over the block, when nothing names the account: also over a block already read as an
    // address (a record's unlabelled name / street / city block is its service address); on a bill, also
    // where only a weak reading names it (a bare "Name" caption over a column of site names)
    const named = best(nameCands);
    if (!named || (kind === 'invoice' && named.score < WEAK_NAME))
      for (const u of [...(b ? [b] : []), ...blocks.filter((x) => x !== b && nameOk(x))]) {
        const v = u.name ? parseBusiness(text(u.name)) : null;
        if (!v) continue;
        nameCands.push({ value: v.value, toks: u.name!, score: (u === b ? 0.5 : 0.45) * v.quality });
        break;
      }
  }
  // the name printed above a bill's address block is the account name when no label gives one
  if (kind !== 'loa') {
    // (a block found by its shape carries no name lines: the labelled reading of the same address does)
    const sameLabelled = (c: AddrCand | undefined) =>
      c && !c.names
        ? serviceCands.find((o) => o.names && o.hit && JSON.stringify(o.value) === JSON.stringify(c.value))
        : c;
    for (const c of [billing, sameLabelled(service)]) {
      const nameLine = c?.names ? blockName(c.names) : null;
      const v = nameLine ? parseBusiness(text(nameLine)) : null;
      // a labelled block's name line beats the name over an unlabelled block (often the carrier's letterhead)
      if (nameLine && v && !isCarrierName(v.value))
        nameCands.push({ value: v.value, toks: nameLine, score: (c?.hit ? 0.56 : 0.5) * v.quality });
    }
  }
  // a labelled address that is the same block as the billing one is not a service address on a bill
  if (
    service &&
    billing &&
    kind === 'invoice' &&
    service.toks.every((t) => billing!.toks.includes(t)) &&
    service.hit?.field !== 'service_address'
  )
    service = undefined;
  // (a ZIP printed twice, address and stub, that OCR read two ways: candidate.ts settleZip)
  if (service) fields.service_address = settledAddress(doc, service, serviceCands);
  if (billing && (kind !== 'loa' || billing.hit)) fields.billing_address = settledAddress(doc, billing, billingCands);
}

/** An address's field, its ZIP settled among the page's printings of it (candidate.ts settleZip). */
function settledAddress(doc: DocLayout, chosen: AddrCand, cands: AddrCand[]): FieldValue<ServiceAddress> {
  const { chosen: c, unsettled } = settleZip(doc.lines, chosen);
  const f = addressGuard(fieldOf(c, cands));
  return unsettled ? capConfidence(f, UNSETTLED_PRINTINGS_CAP) : f;
}

/**
 * A block's name line printed as a letterhead: large on its page and larger than the block's own address
 * lines. A window block's name is the size of its address, however large both look on a page whose other
 * lines are small print (a bill's tables of lines and charges).
 */
function letterheadOverBlock(doc: DocLayout, name: Tok[], addr: Tok[]): boolean {
  return isLetterheadName(doc, name) && typicalHeight(name) >= 1.15 * typicalHeight(addr);
}

/**
 * A block's name that repeats the page's letterhead (the remit-to block "Harbor Digital Networks /
 * PO BOX 21925 / …" under a page headed by "Harbor Digital Networks" in large print): the issuer's
 * own name, not the customer's.
 */
function namesLetterhead(doc: DocLayout, name: Tok[]): boolean {
  const key = labelKey(text(name));
  const page = name[0]?.page;
  return doc.lines.some(
    (l) =>
      l.page === page &&
      l.id !== name[0]?.line &&
      l.segs.some((sg) => labelKey(text(sg.toks)) === key && isLetterheadName(doc, sg.toks)) &&
      !otherNameAbove(doc, l, key),
  );
}

/**
 * A page's letterhead is its first name in large print: a large name under ANOTHER name in large print
 * (the issuer's, at the top of the page) is a banner naming whom the page is for — a bill's header band
 * with the customer's name in capitals over the window block that repeats it.
 */
function otherNameAbove(doc: DocLayout, line: DocLayout['lines'][number], key: string): boolean {
  return doc.lines.some(
    (l) =>
      l.page === line.page &&
      l.bottom < line.top &&
      l.segs.some((sg) => {
        // (a name of one word is a carrier's only when known as one: "INVOICE" in large print is a title)
        const words = text(sg.toks).match(/[A-Za-z][A-Za-z&'.-]*/g) ?? [];
        const named = words.length >= 2 || isCarrierName(text(sg.toks));
        return named && labelKey(text(sg.toks)) !== key && isLetterheadName(doc, sg.toks);
      }),
  );
}

/**
 * Address-shaped blocks found by their form (address-blocks.ts), named by the nearest label or
 * heading: one named a service address by any wording, or read from cells whose part labels are
 * unlisted, is a candidate. An unnamed block is one only on forms and records (a bill's unnamed
 * block is its billing address or the carrier's), weaker than any labelled reading and, having no
 * label, never near-certain.
 */
function blockServiceCands(doc: DocLayout, serviceCands: AddrCand[]): void {
  const blocks = addressBlocks(doc);
  // (a numbered question's address answer under a caption of unknown wording: the customer's, not a letterhead's)
  const asked = questionAddress(doc, blocks);
  for (const found of blocks) {
    const b = withStreetName(doc, found);
    if (b.concept === 'billing' || b.concept === 'remit') continue;
    if (b.concept === 'unknown' && doc.kind === 'invoice' && !headsLineRows(doc, b) && !besideLineNumber(doc, b))
      continue;
    const name = b.nameLines.at(-1);
    if (b.concept === 'unknown' && name && isCarrierName(text(name))) continue;
    // a block starting on its label's line is that label's value beside it (read as a labelled value is)
    const beside = b.hit && b.toks[0]?.line === b.hit.line ? 1 : 0.85;
    const named = b.concept === 'service' ? (b.hit ? beside * b.hit.strength : 0.7) : found === asked ? 0.6 : 0.5;
    const zipCheck = zipCheckOf(b.check);
    serviceCands.push({
      value: b.value,
      toks: b.toks,
      score: named * b.quality * (b.poBox ? 0.5 : 1) * pageFactor(b.page),
      // its lines above (a record's listed name, a heading) are not offered as the account name
      hit: b.concept === 'service' ? b.hit : null,
      ...(zipCheck ? { zipCheck } : {}),
    });
  }
}

/** A cell holding a telephone number alone: a table row's line (headsLineRows, besideLineNumber). */
const PHONE_CELL = /^\+?1?[\s.-]?\(?\d{3}\)?[\s.-]?\d{3}[\s.-]?\d{4}$/;

/**
 * A bill's address alone on one line, nothing over it, right over rows that open with telephone numbers
 * (a summary table's row group headed by the premises, "8288 OLD MILL CIRCLE, FORT WAYNE, IN 46865"
 * over "1-260-315-2227 | SIP Trunk Path | $53.26"): the place those lines are, the service address.
 */
function headsLineRows(doc: DocLayout, b: AddressBlock): boolean {
  const line = b.toks[0]?.line;
  if (line === undefined || b.nameLines.length || b.poBox || b.toks.some((t) => t.line !== line)) return false;
  const here = doc.lines[line]!;
  const next = doc.lines[line + 1];
  if (!next || next.page !== here.page || next.top - here.bottom > 2 * Math.max(here.h, next.h)) return false;
  return PHONE_CELL.test(text(next.segs[0]!.toks).trim());
}

/**
 * Two readings of one place (the same city and ZIP), one whose street carries no figure at all ("Hosted
 * seat - Executive", the text over a "Street" column heading) and one with a house number ("1390 Martin
 * Luther King Jr Pl", the column's cells): a U.S. street line starts with its number, so the numberless
 * reading took the wrong words and yields to the numbered one.
 */
function numberedStreetOfSamePlace(serviceCands: AddrCand[]): void {
  const place = (c: AddrCand) => `${c.value.city.toUpperCase()}|${c.value.zip5}`;
  const numbered = serviceCands.filter((c) => /^\d/.test(c.value.street_line.trim()));
  for (const c of serviceCands) {
    if (/\d/.test(c.value.street_line) || !c.value.zip5) continue;
    const twin = numbered.filter((o) => place(o) === place(c));
    if (twin.length) c.score = Math.min(c.score, 0.95 * Math.max(...twin.map((o) => o.score)));
  }
}

/**
 * A table printing each line's premises on its row (a report export, one row per telephone number): the
 * address most rows print is the account's, its BTN's location; a row at another site is one of its lines
 * elsewhere, however high on the page it stands. Only among readings found by shape, one row each, and
 * only where one address is on two rows or more and on more rows than any other.
 */
function mostRowsAddress(serviceCands: AddrCand[]): void {
  const rows = serviceCands.filter(
    (c) => !c.hit && !c.prose && c.toks.length > 0 && c.toks.every((t) => t.line === c.toks[0]!.line),
  );
  const key = (c: AddrCand) => `${streetKey(c.value.street_line)}|${cityKey(c.value.city)}|${c.value.zip5}`;
  const counts = new Map<string, number>();
  for (const c of rows) counts.set(key(c), (counts.get(key(c)) ?? 0) + 1);
  const [main, second] = [...counts].sort((a, b) => b[1] - a[1]);
  if (!main || !second || main[1] < 2 || main[1] === second[1]) return;
  for (const c of rows) if (key(c) !== main[0]) c.score *= 0.8;
}

/**
 * A bill's address in a table row whose first cell is a telephone number alone ("757.555.0188 | Yealink
 * T54W | 6166 Washington St" over "Virginia Beach, VA 23464", an emergency-address register or a
 * per-number location table): the place that line is, the service address — a row pairs the number
 * with its own premises, as a row group's heading does (headsLineRows).
 */
function besideLineNumber(doc: DocLayout, b: AddressBlock): boolean {
  const first = b.toks[0];
  if (!first || b.poBox) return false;
  const row = doc.lines[first.line]!;
  const lead = row.segs[0];
  if (!lead || lead.toks.includes(first) || lead.toks[0]!.x0 >= first.x0) return false;
  return PHONE_CELL.test(text(lead.toks).trim());
}

/**
 * The premises of a card whose heading gives an inactive status ("Site 2 - Warehouse ... Disconnected"):
 * a site the account has left, read after any other address (phones.ts inInactiveCard reads its lines).
 */
function closedSitesLast(doc: DocLayout, serviceCands: AddrCand[]): void {
  for (const c of serviceCands) {
    const first = c.toks[0];
    if (first && inInactiveCard(doc, doc.lines[first.line]!, doc.segs[first.seg]!)) c.score *= 0.4;
  }
}

/**
 * A reading whose street line opens with the rest of a site's numbered heading ("Site 1 - HQ" over
 * "9899 Pearl Parkway": "1 - HQ 9899 Pearl Parkway", a label word "Site" read in the heading) where
 * another reading of the same ZIP has that street alone: the heading ran in, the shorter one is the
 * address.
 */
function siteHeadingRunIn(serviceCands: AddrCand[]): void {
  for (const c of serviceCands) {
    const street = c.value.street_line;
    const ranIn = serviceCands.some((o) => {
      if (o === c || o.value.zip5 !== c.value.zip5 || !o.value.street_line) return false;
      if (!street.endsWith(` ${o.value.street_line}`)) return false;
      const head = street.slice(0, street.length - o.value.street_line.length).trim();
      return SITE_ORDINAL_HEAD.test(head);
    });
    if (ranIn) c.score *= 0.5;
  }
}

/** The rest of a site's numbered heading after its word: an ordinal, a separator, a nickname ("1 - HQ", "B: Warehouse"). */
const SITE_ORDINAL_HEAD = /^(?:#\s*|no\.?\s*)?(?:\d{1,4}|[A-Z])\s*[-–—:|]\s*[^\d]*$/;

/** A badge marking one location of several as the main one ("Primary", "Primary location", "(default)"). */
const PRIMARY_BADGE = /^\(?(?:primary|default)\)?$/i;

/**
 * A list of the account's locations marking one "Primary" (a portal's location cards): that one is the
 * service address, the others are the account's other sites, whatever their order or label.
 */
function preferPrimaryLocation(doc: DocLayout, serviceCands: AddrCand[]): void {
  const cards = locationCards(doc);
  if (!cards) return;
  const markedToks = new Set(cards.filter((c) => c.primary).flatMap((c) => c.block.toks));
  const onMarked = (c: AddrCand) => c.toks.some((t) => markedToks.has(t));
  if (!serviceCands.some(onMarked)) return;
  for (const c of serviceCands) if (!onMarked(c)) c.score *= 0.5;
}

/**
 * A list of the account's sites under one service heading, one of them the site of the lines (address-blocks.ts
 * siteOfLines): that site is the service address, read at the heading's strength; the list's other sites are
 * the account's other premises. A list of one site is read only where nothing else was.
 */
function preferSiteOfLines(doc: DocLayout, serviceCands: AddrCand[]): void {
  const found = siteOfLines(doc);
  // (a list of one site only stands in for a reading that found none)
  if (!found || (found.alone && serviceCands.length)) return;
  const site = found.site;
  const own = new Set(site.toks);
  const onSite = (c: AddrCand) => c.toks.some((t) => own.has(t));
  // (read as a block under its heading is read: a named block's weight, or the best reading's it displaces)
  const top = Math.max(0.7 * site.quality, ...serviceCands.map((c) => c.score));
  for (const c of serviceCands) if (!onSite(c)) c.score *= 0.5;
  if (!serviceCands.some(onSite)) serviceCands.push({ value: site.value, toks: site.toks, score: top, hit: site.hit });
}

interface LocationCard {
  block: AddressBlock;
  /** the words over the street in the card's column (its title: a site's nickname, the badge) */
  title: Tok[];
  primary: boolean;
}

const cardCache = new WeakMap<DocLayout, LocationCard[] | null>();

/**
 * The address blocks of a page listing the account's locations as cards, one of them (not all) marked
 * primary; null when the page has no such list. A card's title is the line or two over its street in
 * its own column (up to the next block to its right): short, no digits (a phone or account line is no
 * title).
 */
function locationCards(doc: DocLayout): LocationCard[] | null {
  if (cardCache.has(doc)) return cardCache.get(doc)!;
  const blocks = addressBlocks(doc);
  const cards = blocks.map((b) => ({ block: b, ...cardTitle(doc, b, blocks) }));
  const marked = cards.filter((c) => c.primary).length;
  const out = marked > 0 && marked < cards.length ? cards : null;
  cardCache.set(doc, out);
  return out;
}

function cardTitle(doc: DocLayout, b: AddressBlock, blocks: AddressBlock[]): { title: Tok[]; primary: boolean } {
  const first = b.toks[0];
  if (!first) return { title: [], primary: false };
  const x0 = Math.min(...b.toks.map((t) => t.x0));
  const top = doc.lines[first.line]!;
  // the column ends where a block beside this one starts (two cards side by side)
  const right = blocks
    .filter((o) => o !== b && o.page === b.page && o.toks.some((t) => Math.abs(t.line - first.line) <= 1))
    .map((o) => Math.min(...o.toks.map((t) => t.x0)))
    .filter((x) => x > x0 + 20);
  const x1 = Math.min(x0 + 320, ...right) - 4;
  const title: Tok[] = [];
  for (let id = top.id - 1; id >= 0 && id >= top.id - 2; id--) {
    const l = doc.lines[id]!;
    if (l.page !== top.page || top.top - l.bottom > 3 * top.h) break;
    const toks = l.toks.filter((t) => t.x1 > x0 - 4 && t.x0 < x1);
    if (!toks.length) continue;
    if (toks.length > 8 || toks.some((t) => /\d{2}/.test(t.text))) break;
    title.unshift(...toks);
    if (toks.some((t) => PRIMARY_BADGE.test(t.text))) return { title, primary: true };
  }
  return { title, primary: false };
}

/**
 * Part cells that are a block read by its shape: the same street, city and ZIP, every part cell's
 * words inside the block. The block's reader saw an address; the captions say which part is which.
 */
function partsOfBlock(parts: Cand<ServiceAddress>, block: AddrCand): boolean {
  const inBlock = new Set(block.toks);
  return (
    streetKey(parts.value.street_line) === streetKey(block.value.street_line) &&
    cityKey(parts.value.city) === cityKey(block.value.city) &&
    parts.value.zip5 === block.value.zip5 &&
    parts.toks.filter((t) => inBlock.has(t)).length * 2 >= parts.toks.length
  );
}

/** Part cells with no address label over them, and no reading that is only part of a longer one. */
function dropPartReadings(doc: DocLayout, serviceCands: AddrCand[], otherAddress: ReadonlySet<Tok>): void {
  // an address in labelled part cells (Address | City | State | ZIP) with no address label over it:
  // on a form it is the service address (a bill's billing block is found by its own label)
  // (or only weak readings: a billing line read as a service block)
  const weak = serviceCands.every((c) => c.score < 0.35);
  // (or a block read by its shape alone whose lines are those part cells: the captions confirm each part)
  const shapeOnly = serviceCands.filter((c) => !c.hit && !c.prose);
  if (weak || shapeOnly.length) {
    for (const h of doc.hits) {
      // (on a form captioned under its values, whose street captions no wording lists, from the city's caption)
      const cityUnder = h.field === 'addr_city' && captionsUnderValues(doc, h.line);
      if ((h.field !== 'addr_street' && !cityUnder) || !h.atStart) continue;
      const parts = partsAfter(doc, h);
      if (!parts || !/\d/.test(parts.value.street_line) || parts.toks.some((t) => otherAddress.has(t))) continue;
      if (weak) serviceCands.push({ ...parts, score: parts.score * 0.9, hit: h });
      else {
        const block = shapeOnly.find((c) => partsOfBlock(parts, c));
        if (block) serviceCands.push({ ...parts, score: Math.max(parts.score * 0.9, block.score * 1.1), hit: h });
      }
    }
  }
  // a reading that is only part of a longer reading of the same words (a record's second address
  // line read under its own tag) is not the address
  for (let i = serviceCands.length - 1; i >= 0; i--) {
    const c = serviceCands[i]!;
    if (
      c.toks.length &&
      serviceCands.some(
        (o) =>
          o !== c &&
          o.toks.length > c.toks.length &&
          /\d/.test(o.value.street_line) &&
          // (a longer reading without the city this one has ran two columns together)
          (!!o.value.city || !c.value.city) &&
          !isLabelValue(o.value) &&
          c.toks.every((t) => o.toks.includes(t)),
      )
    )
      serviceCands.splice(i, 1);
  }
}

function pickNames(
  doc: DocLayout,
  fields: ExtractedFields,
  { names: nameCands, persons: personCands }: NameCands,
): void {
  const kind = doc.kind;
  // a location card's title names a site of the account ("Warehouse", "Main office"), not the account
  const titles = new Set(locationCards(doc)?.flatMap((c) => c.title));
  for (let i = nameCands.length - 1; i >= 0; i--)
    if (nameCands[i]!.toks.some((t) => titles.has(t))) nameCands.splice(i, 1);
  stripLabelPrefixes(nameCands, kind);
  stripLabelPrefixes(personCands, kind);
  // a date is no one's name: a record's date under a tag read as a name's ("CSR DT FEB 17 2025")
  for (const cands of [nameCands, personCands])
    for (let i = cands.length - 1; i >= 0; i--) if (isDateText(cands[i]!.value)) cands.splice(i, 1);
  const name = best(nameCands);
  if (name) fields.account_name = capIfCellContinues(doc, name, fieldOf(name, nameCands));
  // (a reading that is the account's name, or its first words before the legal form wrapped off, is the
  // business read under a run-together caption — "Business Legal Name (as registered) Primary Contact" —
  // not a person: the next reading is)
  const nameKey = name ? labelKey(name.value) : '';
  // (nor is a carrier anyone's authorized person: "… currently served by Ziply Fiber" names who serves
  // the numbers, never who signs; nor the letterhead's issuer named in a sentence, "Meridian Cloud Voice
  // is authorized to move the numbers listed here")
  const issuers = letterheadNames(doc);
  const persons = personCands.filter((c) => {
    const k = labelKey(c.value);
    if (isCarrierName(c.value) || (c.prose && issuers.has(k))) return false;
    return !nameKey || (k !== nameKey && !(k.length >= 6 && nameKey.startsWith(k)));
  });
  // (a record that says it names no one, "AUTHORIZED CONTACT" over "NONE LISTED", has no person to guess)
  if (personStatedNone(doc)) for (let i = persons.length - 1; i >= 0; i--) if (!persons[i]!.hit) persons.splice(i, 1);
  const p = best(persons);
  if (p && (!name || labelKey(best(personCands)!.value) !== nameKey || p.hit))
    fields.authorized_person = fieldOf(p, persons);
}

/**
 * A caption dating the record's own history, last on the words before a date: its creation (group 1:
 * "Created", "Open Date", "est_dt", "Date Opened") or a change ("Modified", "upd_dt", "chg_dt"; "Last
 * modified" dates what is printed: LAST_EVENT).
 */
const HISTORY_DATE =
  /\b(?:(created?(?:\s+(?:on|dt|date))?|opened(?:\s+on)?|open\s+(?:dt|date)|established|est\.?\s+(?:dt|date)|date\s+(?:created|opened|established))|((?<!last\s+)modified|upd(?:ated)?\s+(?:dt|date)|chg\s+(?:dt|date)|changed(?:\s+on)?|change\s+date|date\s+modified))\W*$/i;

/**
 * Whether a record's authorized-person caption says there is none: its value is a blank's mark ("NONE
 * LISTED", "N/A", "None on file"), so no name read elsewhere by shape or position is that person.
 */
function personStatedNone(doc: DocLayout): boolean {
  // (an LOA names its signer under the signature, whatever a contact box says)
  if (doc.kind === 'loa') return false;
  return doc.hits.some((h) => {
    if (h.field !== 'authorized_person') return false;
    const first = spansFor(doc, h, 1)[0]?.lines[0];
    return !!first?.length && NO_VALUE.test(text(first));
  });
}

/** A time of day ("10:10 PM", "18:50", "9:14:02"). */
const STAMP_TIME = /\b\d{1,2}:\d{2}(?::\d{2})?\b/;

/** Words dating an earlier event right before a date: "last" and the event ("LAST ACTIVITY", "Last payment"). */
const LAST_EVENT = /\blast\s+(?!updated?\b|modified\b|revised\b|refreshed\b|printed\b)[a-z]+\W*$/i;

function readDate(doc: DocLayout, fields: ExtractedFields): void {
  const dateCands = labelled(
    doc,
    'document_date',
    1,
    firstLine((s) => {
      const d = parseDate(s);
      return d ? { value: d.iso, start: d.start, end: d.end } : null;
    }),
  );
  if (doc.kind === 'loa') {
    // on an LOA the date next to the signature is the one that counts
    for (const c of dateCands) {
      const sig = doc.hits.find(
        (h) =>
          h.field === 'signature' &&
          h.page === c.toks[0]!.page &&
          Math.abs(doc.lines[h.line]!.cy - doc.lines[c.toks[0]!.line]!.cy) < 60,
      );
      if (sig) c.score *= 1.1;
    }
  }
  // a terminal screen's "BILL DATE" / "LST BL DT" on a CSR: the last bill's date, kept only for want of any other
  const billDates =
    doc.kind === 'csr' ? dateCands.filter((c) => c.hit && billDatePrompt(doc, c.hit.seg.toks[c.hit.start]!)) : [];
  const billDate = best(billDates);
  let date = best(dateCands.filter((c) => !billDates.includes(c)));
  // a footer's "Printed on 6/11/26 user jsmith" says when this copy came off the printer; the record's
  // own date, where the page prints one above it ("Date:", "As of", even under a caption we do not
  // know), is the one a carrier means — the stamp dates the record only when nothing else does
  const footerStamp = date && printStampInFooter(doc, date) ? date : undefined;
  if (footerStamp) {
    const above = (c: Cand<string>) =>
      c.toks[0]!.page < footerStamp.toks[0]!.page || c.toks[0]!.line < footerStamp.toks[0]!.line;
    date = best(dateCands.filter((c) => !billDates.includes(c) && !printStampInFooter(doc, c) && above(c)));
    date ??= plainDates(
      doc,
      (line) => line.page === footerStamp.toks[0]!.page && line.id < footerStamp.toks[0]!.line,
    ).date;
    date ??= footerStamp;
  }
  if (!date) {
    // every document is dated: when its only dates carry another date's label ("EFF DT", "Activated"),
    // the first of them is an honest low guess, better than none (never one said to be due or a period)
    const plain = plainDates(doc, (line) => line.page === 1 || doc.kind === 'loa');
    date = plain.date ?? plain.stamp ?? plain.spare ?? (billDate && { ...billDate, score: 0.5 * billDate.score });
  }
  if (date) fields.document_date = fieldOf(date, dateCands);
}

/**
 * The first date on the lines `within` (in reading order) that no label calls another date's: the
 * document's date for want of a labelled one. A printing browser's or fax machine's stamp at the top
 * edge and a date labelled as another's come back apart, as weaker guesses.
 */
function plainDates(
  doc: DocLayout,
  within: (line: Line) => boolean,
): { date?: Cand<string>; stamp?: Cand<string>; spare?: Cand<string> } {
  // the first date that is not labelled as something else (due date, period…)
  let spare: Cand<string> | undefined;
  let stamp: Cand<string> | undefined;
  let changed: Cand<string> | undefined;
  for (const line of doc.lines) {
    // (an LOA may be dated only where it is signed, on its last page)
    if (!within(line)) {
      if (line.page !== 1 && doc.kind !== 'loa') break;
      continue;
    }
    const tt = tokText(line.toks);
    const d = parseDate(tt.text);
    if (!d) continue;
    const toks = toksIn(tt, d.start, d.end);
    const labels = line.segs
      .flatMap((s) => doc.hitsBySeg.get(s.id) ?? [])
      .filter((h) => h.x1 <= (toks[0]?.x0 ?? 0) + 1);
    // "Billing Period" in a row above a cell, "Due by …"; an earlier event's date ("LAST ACTIVITY", "Last
    // payment"), though the last update of what is printed dates it ("Last updated")
    if (/\b(due|period|through|thru|since|from|expires?)\b/i.test(tt.text.slice(0, d.start))) continue;
    if (LAST_EVENT.test(tt.text.slice(0, d.start))) continue;
    // (a record's history under a caption we do not know: when it was created, "create_dt", or last
    // changed, "upd_dt"; the record is dated by when it was run or printed, "as of", which may come after)
    const history = HISTORY_DATE.exec(tt.text.slice(0, d.start));
    if (labels.some((h) => h.field === 'other_date') || history?.[1]) {
      spare ??= { value: d.iso, toks, score: 0.3 };
      continue;
    }
    if (history) {
      changed ??= { value: d.iso, toks, score: 0.4 };
      continue;
    }
    // a date with a time of day at the page's top edge is a printing browser's or a fax machine's stamp:
    // when the page was printed or received; the document's own date, where it gives one, comes below
    const height = doc.pages.find((p) => p.page === line.page)?.height ?? 792;
    if (line.top < 0.05 * height && STAMP_TIME.test(tt.text)) {
      stamp ??= { value: d.iso, toks, score: 0.45 };
      continue;
    }
    return { date: { value: d.iso, toks, score: 0.45 }, stamp, spare };
  }
  return { date: changed, stamp, spare };
}

/** Words saying a copy was printed or generated ("Printed on", "Generated", "Print Date", "Date Printed"). */
const PRINTED_WORDS = /^(?:date\s+)?(?:printed|generated|print(?:ed)?\s+(?:date|on)|run\s+date)\b/i;

/**
 * A date under a printing caption in the page's footer band ("Printed on 6/11/26 user jsmith",
 * "Generated 8/19/24 by LNPDESK"): when this copy was printed, below everything the record says.
 */
function printStampInFooter(doc: DocLayout, c: Cand<string>): boolean {
  const hit = c.hit;
  if (!hit) return false;
  const line = doc.lines[hit.line]!;
  const height = doc.pages.find((p) => p.page === line.page)?.height ?? 792;
  if (line.top < 0.85 * height) return false;
  return PRINTED_WORDS.test(segText(hit.seg.toks.slice(hit.start, hit.end)));
}

/**
 * Digits on a listed number's line that no number read takes in ("… 859-645-0920 through 859-64" cut at
 * the page's edge, a range's end written short): the list may hold a number we did not read, so it is
 * no sure reading — a number missing is a rejected port.
 */
function digitsLeftOver(
  doc: DocLayout,
  list: PhoneOccurrence[],
  occ: PhoneOccurrence[],
  acctToks: ReadonlySet<Tok>,
): boolean {
  const used = new Set([...occ.flatMap((o) => o.toks), ...acctToks]);
  for (const id of new Set(list.map((o) => o.line))) {
    const toks = doc.lines[id]?.toks ?? [];
    // (a number wrapped onto the next line ends this one on its area code)
    const wraps = /^\d/.test(doc.lines[id + 1]?.toks[0]?.text ?? '');
    const cut = toks.some((t, k) => {
      const before = toks[k - 1];
      // a number read with more numbers glued on by slashes ("616-555-0100/0101/0102")
      if (used.has(t)) return /\d{4}\/\d{2,4}/.test(t.text);
      // a number and a range's end written as one word, not read ("616.555.0100-0103")
      if (/^\(?\d{3}\)?[-.]\d{3}[-.]\d{4}[-/]\d{2,4}[,.;]?$/.test(t.text)) return true;
      // a number's last digits after a number or a list's word ("…-0100, -0101 and -0102", "0100, 0101")
      if (/^[-/]?\d{2,4}[,.;]?$/.test(t.text) && before && (used.has(before) || LIST_JOIN.test(before.text)))
        return /^[-/]|^\d{4}/.test(t.text) || RANGE_WORD.test(before.text);
      // the start of a number, written as one is ("859-64", "(859)"), after a list's word or ending the line
      if (!PHONE_START.test(t.text)) return false;
      const digits = t.text.replace(/\D/g, '').length;
      return digits >= 3 && digits < 10 && ((k === toks.length - 1 && !wraps) || LIST_JOIN.test(before?.text ?? ''));
    });
    if (cut) return true;
    // a sentence excepting numbers from the list, none of them read as kept ("all numbers except …")
    const text = toks.map((t) => t.text).join(' ');
    if (EXCEPTING.test(text) && !occ.some((o) => o.line === id && o.notToPort)) return true;
  }
  return false;
}

/** Words excepting numbers from a list ("except", "excluding", "other than", "but keep"). */
const EXCEPTING = /\b(?:except|excepting|excluding|other\s+than|but\s+(?:keep|not)|apart\s+from)\b/i;

/** The start of a telephone number as written: an area code in parentheses or before a dash or dot. */
const PHONE_START = /^(?:\+?1[-.])?(?:\(\d{3}\)|\d{3}[-.])(?:\d{1,4}(?:[-.]\d{0,4})?)?,?$/;
/** Words opening a range's end ("through", "thru", "to", a dash). */
const RANGE_WORD = /^(?:through|thru|to|-|–|—)$/i;
/** Words joining the numbers of a list or a range ("through", "thru", "to", "and", a dash). */
const LIST_JOIN = /^(?:through|thru|to|and|&|-|–|—)$/i;

/** Fields whose value is never a telephone number: a label of theirs names no number near it. */
const NO_NUMBER_LABELS: ReadonlySet<LabelField> = new Set<LabelField>([
  'account_name',
  'authorized_person',
  'carrier_name',
  'service_address',
  'billing_address',
  'document_date',
  'other_date',
  'pin',
  'signature',
]);

/** The numbers on the account (to port and not), and the BTN (the first number when no label gives one). */
function readNumbers(
  doc: DocLayout,
  fields: ExtractedFields,
  acct: Cand<string> | undefined,
  btnCands: Cand<string>[],
): void {
  const isLoa = doc.kind === 'loa';
  const occ = phoneOccurrences(doc);
  // what a letter's sentences (and letterhead) say a number is, where no label or section says it
  const btnSaid = new Set<(typeof occ)[number]>();
  if (isLoa)
    for (const o of occ) {
      // a label or section heading decides, except that a sentence keeping its numbers overrides a heading above it
      // (a label in running text whose field takes no number — the carrier a sentence before names — says nothing
      // of it: "…with our current provider, Consolidated, is 713982561. It is billed to 605-555-0153.")
      const label = o.label?.prose && NO_NUMBER_LABELS.has(o.label.field) ? undefined : o.label;
      // (nor does an account label ending an earlier sentence, its number given: "…under account #
      // 5058733172623. It is billed to 1-505-220-9746." — the number's own sentence says what it is)
      const decided =
        !!label &&
        label.field !== 'phone_list' &&
        !(label.field === 'account_number' && btnSaidAfterListLabel(doc, o.toks, label));
      // (a row's or a sentence's own "not to port" decides; a section's may give way to the number's sentence)
      if (decided || o.contact || (o.notToPort && o.section !== 'not_to_port')) continue;
      const role = numberRole(doc, o.toks);
      // a sentence sending the reader to a desk at the number names no line, whatever section it stands in
      // (an LOA's terms under its clause on the numbers to port or to keep)
      if (role === 'contact') {
        o.contact = true;
        o.notToPort = false;
      } else if (o.notToPort) continue;
      else if (role === 'keep') o.notToPort = true;
      // (a numbers label of an earlier sentence announces a list; the number's own sentence names it the BTN)
      else if (o.section || (label && !btnSaidAfterListLabel(doc, o.toks, label))) continue;
      else if (role === 'btn') {
        btnSaid.add(o);
        btnCands.push({ value: o.e164, toks: o.toks, score: 0.6, hit: null, prose: true });
      }
    }
  const acctToks = new Set(acct?.toks ?? []);
  // a record's disconnected lines are no longer on the account (on an LOA "disconnect" is an instruction)
  // a number a record row or sentence says has left is not the account's where else it is printed
  // (a remarks line naming it, the request it answers) — when that row names no other number (a sheet
  // repeating the BTN on every row says nothing of the BTN by one row's status)
  // (a remark's "TEL 508 555 0139 DISCO 2025-11-03. QUESTIONS CALL THE DESK AT …" names the desk's number
  // beside it: someone's number says nothing of the account's lines)
  const alone = (o: (typeof occ)[number]) => !occ.some((x) => x.line === o.line && x.e164 !== o.e164 && !x.contact);
  const gone = new Set(isLoa ? [] : occ.filter((o) => o.inactive && alone(o)).map((o) => o.e164));
  const onAccount = occ.filter(
    (o) =>
      !o.contact &&
      !o.toks.some((t) => acctToks.has(t)) &&
      (isLoa || (!o.inactive && !gone.has(o.e164))) &&
      // a bill naming several accounts: another account's section lists its own numbers (holder.ts)
      !inOtherAccountSection(doc, o.line),
  );
  const numberField = (list: typeof occ, score: number): FieldValue<string[]> | undefined => {
    const uniq: string[] = [];
    for (const o of list) if (!uniq.includes(o.e164)) uniq.push(o.e164);
    if (!uniq.length) return undefined;
    const page = list[0]!.page;
    const toks = list.filter((o) => o.page === page).flatMap((o) => o.toks);
    return toField({ value: uniq, toks, score });
  };
  if (isLoa) {
    const notPort = onAccount.filter((o) => o.notToPort);
    const notSet = new Set(notPort.map((o) => o.e164));
    const listed = onAccount.filter(
      (o) => !o.notToPort && o.label?.field !== 'btn' && !btnSaid.has(o) && !notSet.has(o.e164),
    );
    const toPort = listed.length ? listed : onAccount.filter((o) => !o.notToPort && !notSet.has(o.e164));
    // a toll-free number under a caption of its own no numbers label reads may be the losing carrier's
    // desk we failed to see as such: the list is a check, not a confident reading
    const sure = toPort.some((o) => o.deskLike) || digitsLeftOver(doc, toPort, occ, acctToks) ? 0.85 : 0.9;
    const pn = numberField(toPort, listed.length ? sure : 0.5);
    if (pn) fields.phone_numbers = pn;
    const nn = numberField(notPort, 0.85);
    if (nn) fields.numbers_not_to_port = nn;
  } else {
    const pn = numberField(onAccount, 0.85);
    if (pn) fields.phone_numbers = pn;
  }
  // a bill naming several accounts: another account's section gives its own BTN ("Main TN" under each
  // location), the holder's section the account's (holder.ts), when it gives one
  const ownBtns = btnCands.filter((c) => !c.toks[0] || !inOtherAccountSection(doc, c.toks[0].line));
  let btn = best(ownBtns.length ? ownBtns : btnCands);
  if (!btn) {
    // no BTN label: the account's first number is the likeliest BTN (the main line is listed first on
    // bills, CSRs and LOAs alike), reported at low confidence so the review treats it as a doubt, never
    // as a mismatch. Dropping this guess lost 12 of 273 test-seed BTNs (labels we fail to read) for 23
    // fewer values on documents that state no BTN, which are not harmful at 0.3.
    const first = onAccount[0];
    if (first) btn = { value: first.e164, toks: first.toks, score: 0.3 };
  }
  if (btn) fields.btn = fieldOf(btn, btnCands);
}

function readCarrier(doc: DocLayout, fields: ExtractedFields): void {
  const isLoa = doc.kind === 'loa';
  const gaining: string[] = [];
  if (isLoa) {
    // in running text the carrier name often wraps to the next line: prose matching reads those
    const carrierCands = labelled(doc, 'carrier_name', 1, (span) =>
      span.hit.prose
        ? null
        : wholeLine((s) => {
            // in running text the name ends at a clause break: "Comcast Business, to Northcoast Fiber Voice."
            const v = trimValue(s.replace(/\s*[,;.]\s+(?=[a-z]).*$/, '').replace(/\.$/, ''));
            if (
              !/^[A-Z0-9]/.test(v) ||
              !/[A-Za-z]{2}/.test(v) ||
              /\d{5,}/.test(v) ||
              v.length > 60 ||
              v.split(/\s+/).length > 6
            )
              return null;
            return { value: v, quality: knownCarrierIn(v) || CARRIER_WORDS.test(v) ? 1 : 0.85 };
          })(span),
    );
    // the gaining carrier heads the form and is the one being authorised
    for (const line of doc.lines.slice(0, 3)) {
      // a letterhead line (the name alone, or large print), not a sentence of a short letter
      const k = line.page === 1 ? knownCarrierIn(text(line.toks)) : null;
      const bigPrint = line.h >= 1.3 * (doc.lines[Math.floor(doc.lines.length / 2)]?.h ?? line.h);
      if (!k || (!bigPrint && k.length < 0.6 * text(line.toks).length)) continue;
      if (k) gaining.push(k);
    }
    for (const line of doc.lines) {
      const m = /\bauthori[sz]es?\s+([A-Z][\w&'.-]*(?:\s+[A-Z][\w&'.,-]*){0,3})/.exec(text(line.toks));
      if (m) gaining.push(m[1]!.replace(/,$/, ''));
    }
    const c = best(carrierCands) ?? best(proseCarrierCands(doc, gaining));
    if (c) fields.carrier_name = toField(c);
  } else {
    const exclude = [fields.account_name?.value ?? ''];
    const c = carrierFromHeader(doc, exclude);
    if (c) fields.carrier_name = toField(c);
  }
}

export function extractWith(doc: DocLayout): ExtractedFields {
  const fields: ExtractedFields = {};
  let acct = readAccountNumber(doc, fields);
  const btnCands = btnCandidates(doc);
  const pinSettled = readPin(doc, fields);
  // labels no vocabulary knows, found by their shape, for the account number and PIN still unread
  const guessed = shapeFallbacks(doc, { account: !!fields.account_number, pin: pinSettled });
  if (guessed.account) {
    acct = guessed.account;
    fields.account_number = fieldOf(guessed.account, [guessed.account]);
  }
  if (guessed.pin && !pinIsDate(doc, guessed.pin))
    fields.pin = fieldOf(guessed.pin, [guessed.pin], { alternatives: false });
  const names = labelledNames(doc);
  // a letter names the account holder and contact in its sentences (an LOA, or a record sent as a letter)
  if (doc.kind === 'loa' || (doc.kind === 'csr' && writtenAsLetter(doc))) proseNames(doc, names);
  // a record that is no letter may still say in one sentence who acts on the account (its grammar is strict)
  else if (doc.kind === 'csr') addRoleSentencePersons(doc, names.persons);
  readAddresses(doc, fields, names.names);
  pickNames(doc, fields, names);
  // an unknown label's business or person, where no label gave the name and nothing gave the person
  // (a header band's name, its account caption beside it, is as good as a label's: "SILVER CREEK HARDWARE |
  // Account # …" over "Network: Prairie Telephone Company", an unknown caption's business)
  const banded = names.names.some((c) => bandNamed.has(c) && c.value === fields.account_name?.value);
  const shaped = shapeNames(doc, {
    labelledName: fields.account_name?.candidates?.[0]?.why.source === 'label' || banded,
    person: !!fields.authorized_person,
    ...(fields.account_name ? { name: fields.account_name.value } : {}),
  });
  // (a business the letter's sentences authorise — the gaining carrier beside "Requested by:" — is no holder)
  // (nor does a guess by shape outweigh a sentence naming the holder surely: "I, …, Owner of Whitaker & Patel,
  // PLLC, authorize …" over an e-mail's "Subject: Re: Port request #903127 - Whitaker & Patel, PLLC")
  const sentenceSaid = fields.account_name?.candidates?.[0]?.why.source === 'prose';
  if (
    shaped.name &&
    !isAuthorisedParty(doc, shaped.name.value) &&
    !(sentenceSaid && fields.account_name!.confidence >= shaped.name.score)
  )
    fields.account_name = fieldOf(shaped.name, [shaped.name]);
  if (shaped.person && !personStatedNone(doc)) fields.authorized_person = fieldOf(shaped.person, [shaped.person]);
  readDate(doc, fields);
  readNumbers(doc, fields, acct, btnCands);
  readCarrier(doc, fields);
  if (doc.kind === 'loa') {
    const sig = signature(doc, fields.authorized_person?.value);
    if (sig) fields.signature_present = toField(sig);
  }
  return fields;
}
