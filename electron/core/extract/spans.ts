import type { DocumentKind } from '../../../shared/domain/document.js';
import { labelStems } from '../../../shared/domain/fields.js';
import { STATE_CODES, STREET_SUFFIXES } from '../../../shared/normalize/usps.js';
import { conceptOf, emptyPinPrompt, HEAD_ENDS, looksLikeLabelText, type LabelField, type PromptRow } from './labels.js';
import { NO_VALUE, parseDate } from './values.js';
import {
  itemNumber,
  labelStart,
  pairCaptionAt,
  segText,
  type DocLayout,
  type Hit,
  type Line,
  type Seg,
  type Tok,
} from './layout.js';

/**
 * Where a label's value can be: after it in the same cell ("Account #: 123"), in the next cell on
 * the same line (key/value columns), below it in the same column (form boxes, table headers,
 * headings over address blocks) or above it (a value typed on a rule with its caption printed
 * underneath). Multi-line values continue on the lines below, aligned with the value's first word.
 *
 * Below and above compete: a caption sits closer to its own value than to the next row's, a box
 * label closer to the value inside its box than to the box above. Each label's nearer side claims
 * those words, and a label never takes words another label has claimed.
 */
export type SpanMode = 'inline' | 'right' | 'below' | 'above';
export interface Span {
  mode: SpanMode;
  hit: Hit;
  lines: Tok[][];
  /** vertical gap between the label and the value (below/above), for ranking the two */
  gap: number;
  /** the other vertical side also had a candidate and it was nearer */
  farther: boolean;
}

const hitStarts = new WeakMap<DocLayout, Map<string, Hit>>();

/**
 * A line that opens with a label-shaped prefix ("Port-out PIN:", "Fax No.:"): a few words ending
 * with a colon. It starts a new row even when its label is not in the vocabulary.
 */
export function startsWithLabelShape(toks: Tok[]): boolean {
  for (let i = 0; i < Math.min(toks.length, 5); i++) {
    const t = toks[i]!.text;
    // a colon or a dash set apart by spaces after the words ("Date Pulled : 2/28/26", "Features - VM")
    if (i > 0 && /^(?::|-{1,2}|–|—)$/.test(t) && toks.length > i + 1)
      return !/^(attn|attention|c\/o)/i.test(toks[0]!.text);
    if (/\d/.test(t) || (!/[A-Za-z]/.test(t) && !/^[/&-]$/.test(t))) return false;
    if (/:$/.test(t)) return !/^(attn|attention|c\/o)/i.test(toks[0]!.text);
  }
  return false;
}

/**
 * A cell that is a label and nothing else, whatever its wording: a few words without digits, the last
 * ending with a colon ("SERVICE START:"). Beside a label that ends with a colon it is the next column's
 * caption in a row of captions over their values, not the first label's value.
 */
function wholeCellLabel(toks: Tok[]): boolean {
  if (!toks.length || toks.length > 5 || !/[A-Za-z]:$/.test(toks[toks.length - 1]!.text)) return false;
  return toks.every((t) => !/\d/.test(t.text) && /[A-Za-z]/.test(t.text));
}

/**
 * A line of header words: short cells of words without digits, one of them a label ("NUMBER" under
 * "TELEPHONE", "NUMBER" under "ACCOUNT"), as a header row's wrapped second line is.
 */
function headerWords(doc: DocLayout, l: Line): boolean {
  return (
    // (a caption's hint in brackets too: "Number (BTN)")
    l.segs.every((s) => s.toks.length <= 3 && s.toks.every((t) => /^\(?[A-Za-z][A-Za-z/&.#:-]*\)?$/.test(t.text))) &&
    // (or a label's wrapped line, read with the label above it)
    l.segs.some((s) => doc.hitsBySeg.get(s.id)?.length || doc.hits.some((h) => h.wrapSegs?.includes(s.id)))
  );
}

export function hitAt(doc: DocLayout, tok: Tok): Hit | undefined {
  let m = hitStarts.get(doc);
  if (!m) {
    m = new Map();
    for (const h of doc.hits) m.set(`${h.seg.id}:${h.start}`, h);
    hitStarts.set(doc, m);
  }
  return m.get(`${tok.seg}:${tok.idx}`);
}

/** Tokens of a segment from `from` up to the next label (or the next caption of a strip of pairs). */
function untilHit(doc: DocLayout, seg: Seg, from: number): Tok[] {
  const out: Tok[] = [];
  for (let i = from; i < seg.toks.length; i++) {
    const t = seg.toks[i]!;
    if (i > from && (hitAt(doc, t) || pairCaptionAt(seg.toks, i))) break;
    out.push(t);
  }
  return out;
}

const PUNCT_ONLY = /^[:;|#\-–=>.,_*•·]+$/;

function dropLeadingPunct(toks: Tok[]): Tok[] {
  let i = 0;
  while (i < toks.length && PUNCT_ONLY.test(toks[i]!.text)) i++;
  return toks.slice(i);
}

/** Whether a line stands close enough under the one before it to go on with a value wrapped over both. */
export function continuesBelow(prev: Line, l: Line): boolean {
  return l.top - prev.bottom <= Math.max(1.7 * Math.max(prev.h, l.h), 7);
}

/** How far a wrapped line's first word may stand from where the value's column starts. */
export const columnTolerance = (l: Line): number => Math.max(4, 0.9 * l.h);

/** How far two cells may start apart and still start together (a caption and the value typed over it, row cells in one column). */
export const startTolerance = (l: Line): number => Math.max(3, 0.6 * l.h);

/** The lines after `line` on its page, in reading order. */
export function linesAfter(doc: DocLayout, line: Line): Line[] {
  const out: Line[] = [];
  for (let i = line.id + 1; i < doc.lines.length; i++) {
    const l = doc.lines[i]!;
    if (l.page !== line.page) break;
    out.push(l);
  }
  return out;
}

/** Lines continuing a value whose first word starts at x (same column, small line gaps). */
const ADDRESS_FIELDS = new Set<LabelField>(['service_address', 'billing_address', 'remit']);
const NAME_FIELDS = new Set<LabelField>(['account_name', 'authorized_person']);
const ADDRESS_PARTS = new Set<LabelField>(['addr_street', 'addr_unit', 'addr_city', 'addr_state', 'addr_zip']);

/**
 * The "at" that gives a place its address ("PREMISES AT 68 Lincoln Pkwy") is the caption's last word: an
 * address value, and the column its next line is indented to, start at the house number.
 */
function withoutPlaceAt(hit: Hit, inline: Tok[]): Tok[] {
  return ADDRESS_FIELDS.has(hit.field) && /^at$/i.test(inline[0]?.text ?? '') && /^\d/.test(inline[1]?.text ?? '')
    ? inline.slice(1)
    : inline;
}

function continuation(doc: DocLayout, hit: Hit, line: Line, x: number, maxLines: number, inline = false): Tok[][] {
  const out: Tok[][] = [];
  // a value run on after its caption in one printed run has its start placed by character count (the
  // text layer gives a run's length, not each glyph's): off by as much as a fifth of the caption's
  // length where capitals or a bold caption widen it, or narrow letters shorten it. Its next line, set
  // where the value truly starts, may stand that far left or right of it — left, never past the
  // caption's last word ("Customer Name: MAGNOLIA VETERINARY HOSPITAL" / "INCORPORATED", "CUSTOMER
  // (BUSINESS) NAME: Harbor Light Family Dentistry" / "Co.")
  const captionFirst = hit.seg.toks[0];
  const captionLast = hit.seg.toks[hit.end - 1];
  const textLayer = doc.pages.find((p) => p.page === line.page)?.method === 'text';
  const skew = inline && textLayer && captionFirst && captionLast ? 0.2 * (x - captionFirst.x0) : 0;
  const skewedStart = (l: Line) =>
    skew > columnTolerance(l)
      ? l.segs.find((s) => Math.abs(s.x0 - x) <= skew && s.x0 > captionLast!.x0 && s.x1 > x)
      : undefined;
  let prev = line;
  // a name's next lines stay in its column: a cell on the label's line right of the value starts the next
  // column ("Business account name  Silver Creek | Customer account" over "Medical Billing PC  293898773")
  // (a cell opening with a caption: a name's own words a scan split apart on its first line are no column)
  const nextColumn =
    hit.field === 'account_name'
      ? (line.segs.find(
          (s) => s.x0 > x + Math.max(4, line.h) && (doc.hitsBySeg.get(s.id) ?? []).some((h) => h.start === 0),
        )?.x0 ?? Infinity)
      : Infinity;
  // a value set flush right in its column ("Account Name . . . . MAGNOLIA BAKERY &" / "CAFE INCORPORATED"):
  // its next lines end where its first ends, right of the label
  const right = line.segs.find((s) => s.x0 <= x + 1 && s.x1 > x)?.x1;
  for (const l of linesAfter(doc, line)) {
    if (out.length >= maxLines) break;
    if (!continuesBelow(prev, l)) break;
    const tol = columnTolerance(l);
    // a record's next line under its own tag ("SVC ADDR 2.: …", "CTY  PHOENIX AZ"): the tag's value goes on
    const tagged = taggedContinuation(doc, hit, l, x, tol);
    if (tagged) {
      out.push(tagged);
      prev = l;
      continue;
    }
    // a fixed-width record indents an address's next line to its value column, which can start a
    // little left of where a long tag's value did ("SVC ADDR1 815 CYPRESS CT" / "   HARTFORD CT …")
    // the value's next line in the cell of the label's own second line ("Legal Name: Offices LLC")
    const labelCell = hit.wrapEnd !== undefined ? l.segs.find((s) => hit.wrapSegs?.includes(s.id)) : undefined;
    if (labelCell && hit.wrapEnd! < labelCell.toks.length) {
      const rest = untilHit(doc, labelCell, hit.wrapEnd!);
      if (rest.length && Math.abs(rest[0]!.x0 - x) <= tol) {
        out.push(rest);
        prev = l;
        continue;
      }
    }
    const qualified = out.length === 0 ? afterWrappedQualifier(l, x, tol) : null;
    if (qualified) {
      out.push(qualified);
      prev = l;
      continue;
    }
    const seg =
      l.segs.find((s) => Math.abs(s.x0 - x) <= tol) ??
      (ADDRESS_FIELDS.has(hit.field) && l.segs[0] && l.segs[0].x0 < x && l.segs[0].x0 >= hit.x1 - tol
        ? l.segs[0]
        : undefined) ??
      (right !== undefined ? l.segs.find((s) => Math.abs(s.x1 - right) <= tol && s.x0 > hit.x1 + tol) : undefined) ??
      skewedStart(l);
    if (!seg) {
      // a line of another column in between is skipped; one that runs through this column ends the value
      if (l.segs.some((s) => s.x0 < x + 40 && s.x1 > x - 4)) break;
      continue;
    }
    // an address goes on past a street word that reads like a label but is the value's ("Street, Jersey City, NJ")
    // (a caption's word joined to the next by "&" is a name's, no caption: "IRON BRIDGE" / "TITLE & ESCROW,")
    const h0 = joinedByAmpersand(doc, seg) ? undefined : hitAt(doc, seg.toks[0]!);
    // (and a street's last word wrapped alone under it: "36 Southwest Sandpiper" / "Street")
    // ("Service Location: 21689 S Washington" / "Ln": a street type that reads as a line's label)
    const streetTypeWrapped =
      (hit.field === 'addr_street' || (ADDRESS_FIELDS.has(hit.field) && out.length === 0)) &&
      seg.toks.length === 1 &&
      STREET_SUFFIXES.has(seg.toks[0]!.text.toUpperCase().replace(/[.,]/g, ''));
    if (
      h0 &&
      !streetTypeWrapped &&
      !(ADDRESS_FIELDS.has(hit.field) && isStateZipLine(seg)) &&
      !(ADDRESS_FIELDS.has(hit.field) && ADDRESS_PARTS.has(h0.field) && !h0.colon && h0.end < seg.toks.length)
    )
      break;
    // text in the label's column (between the label's left edge and the value) starts a new row:
    // the words beside it are that row's value, whether or not its label is a known one
    // (an address goes on under address-part labels: "City/State/ZIP", ILEC codes "BA2", "PO")
    const newRow = l.segs.some(
      (s) =>
        s !== seg &&
        s.x1 < x - 2 &&
        s.x0 >= hit.x0 - 4 &&
        !hit.wrapSegs?.includes(s.id) &&
        !isWrappedQualifier(s) &&
        !(
          ADDRESS_FIELDS.has(hit.field) &&
          (doc.hitsBySeg.get(s.id) ?? []).some(
            (h) => h.start === 0 && (h.field === hit.field || ADDRESS_PARTS.has(h.field)),
          )
        ),
    );
    if (newRow) break;
    const toks = (ADDRESS_FIELDS.has(hit.field) && isStateZipLine(seg) ? seg.toks : untilHit(doc, seg, 0)).filter(
      (t) => t.x0 < nextColumn - 2,
    );
    if (!toks.length) break;
    out.push(toks);
    prev = l;
  }
  return out;
}

/**
 * A cell whose first word, a label's on its own, is joined to the next by an ampersand ("TITLE & ESCROW,
 * PLLC"): words of a name, not a caption — unless a caption reads through the ampersand ("Name & Address")
 * or the cell holds one ending in a colon.
 */
function joinedByAmpersand(doc: DocLayout, seg: Seg): boolean {
  if (seg.toks[1]?.text !== '&' || seg.toks.some((t) => /[:#]$/.test(t.text))) return false;
  const h = hitAt(doc, seg.toks[0]!);
  return !!h && h.end - h.start === 1;
}

/**
 * An address's last line wrapped alone, a state code and a ZIP ("1293 Oak Court, Knoxville," / "TN
 * 37934"): the state code may read as a record's tag ("TN" is a telephone number's), but a state and
 * a ZIP together are no label and no value of another field.
 */
function isStateZipLine(s: Seg): boolean {
  const m = /^([A-Za-z]{2})\.?,?\s+\d{5}(?:\s?-\s?\d{4})?$/.exec(segText(s.toks).trim());
  return !!m && STATE_CODES.has(m[1]!.toUpperCase());
}

/**
 * The rest of a label's parenthesised qualifier wrapped under it ("Service Address" / "(no P.O. Box):",
 * "Address (no" / "P.O. Box)"): part of the label cell, not the label of a new row.
 */
function isWrappedQualifier(s: Seg): boolean {
  return isQualifierText(s.toks);
}

function isQualifierText(toks: readonly Tok[]): boolean {
  const text = toks.map((t) => t.text).join(' ');
  return !/\d/.test(text) && (/^\([^()]*\)?:?$/.test(text) || /^[^()]*\):?$/.test(text));
}

/**
 * The value's next line where the label's qualifier, wrapped under the label, runs into it at a word
 * space ("Service address | 23154 Broadway Avenue, Floor" over "(street, no P.O. box): 12, Duluth, MN"):
 * the words from the value's column on, after a closed qualifier.
 */
function afterWrappedQualifier(l: Line, x: number, tol: number): Tok[] | null {
  for (const s of l.segs) {
    if (s.x0 >= x - tol) continue;
    const k = s.toks.findIndex((t) => Math.abs(t.x0 - x) <= tol);
    if (k > 0 && /\):?$/.test(s.toks[k - 1]!.text) && isQualifierText(s.toks.slice(0, k))) return s.toks.slice(k);
  }
  return null;
}

/**
 * A line of a fixed-width record that repeats the field's tag, or tags a part of an address under an
 * address tag, at the tag's x, with its value at the value's x: the value's next line.
 */
function taggedContinuation(doc: DocLayout, hit: Hit, l: Line, x: number, tol: number): Tok[] | null {
  const seg = l.segs.find((s) => Math.abs(s.x0 - hit.x0) <= tol);
  const h = seg ? hitAt(doc, seg.toks[0]!) : undefined;
  if (!seg || !h || !h.atStart) return null;
  // the same tag again, but for its line number ("SVC ADDR 1.:" / "SVC ADDR 2.:", "SA1" / "SA2")
  const tagKey = (x: Hit) =>
    x.seg.toks
      .slice(x.start, x.end)
      .map((t) => t.key)
      .join('')
      .replace(/\d/g, '');
  // (an address goes on under any tag of its own field: "SA1" / "SVC ADDR2" / "SA CITY")
  const sameField = h.field === hit.field && (tagKey(h) === tagKey(hit) || ADDRESS_FIELDS.has(hit.field));
  const addressPart =
    ADDRESS_FIELDS.has(hit.field) &&
    (h.field === 'addr_city' || h.field === 'addr_zip' || h.field === 'addr_state' || h.field === 'addr_unit');
  if (!sameField && !addressPart) return null;
  // a tag of several parts ("SA CITY:", "SVC ADDR 2:"): the value starts after the last of them
  let end = h.end;
  for (let more = hitAt(doc, seg.toks[end] ?? seg.toks[0]!); end < seg.toks.length && more && more.start === end; ) {
    if (!(more.field === hit.field || ADDRESS_PARTS.has(more.field))) break;
    end = more.end;
    more = end < seg.toks.length ? hitAt(doc, seg.toks[end]!) : undefined;
  }
  // an address part's tag word the label table does not list on its own ("SA CITY FRESNO, CA …")
  while (end < seg.toks.length - 1 && ADDRESS_FIELDS.has(hit.field) && isPartTag(seg.toks[end]!.text, doc.kind)) end++;
  const next = l.segs[l.segs.indexOf(seg) + 1];
  if (end < seg.toks.length) {
    // the value after the tag in the tag's own cell ("SADR2 UNIT 19": one space after the tag)
    const rest = dropLeadingPunct(untilHit(doc, seg, end));
    return rest.length ? rest : null;
  }
  const rest = next ? dropLeadingPunct(untilHit(doc, next, 0)) : [];
  return rest.length && rest[0]!.x0 >= x - 2 * tol ? rest : null;
}

const PART_FIELDS = new Set<LabelField>(['addr_city', 'addr_state', 'addr_zip']);

/** An upper-case tag word naming a city/state/ZIP part ("CITY", "CTY", "ST/ZIP"). */
function isPartTag(word: string, kind: DocumentKind): boolean {
  if (!/^[A-Z][A-Z/]{1,11}:?$/.test(word)) return false;
  const c = conceptOf(labelStems(word), kind);
  return !!c && PART_FIELDS.has(c.field);
}

/** The rest of the hit's cell holds only other labels ("Service Location  Street Address"). */
function cellEndsWithLabels(doc: DocLayout, hit: Hit): boolean {
  const hits = doc.hitsBySeg.get(hit.seg.id) ?? [];
  let i = hit.end;
  while (i < hit.seg.toks.length) {
    const h = hits.find((x) => x.start === i);
    if (h) i = h.end;
    else if (PUNCT_ONLY.test(hit.seg.toks[i]!.text)) i++;
    else return false;
  }
  return true;
}

/**
 * A caption's hint that opens its parenthesis in the caption's cell and closes it in the next ("Account No. (as
 * it appears on your" | "bill)" | "5871770484292", a questionnaire's caption run to its answer column): the
 * closing words are the caption's, and its value is the cell after them. Only a few words without digits
 * that close the parenthesis, with a cell after them.
 */
function hintClosedInNextCell(line: Line, i: number): boolean {
  const cell = line.segs[i]!.toks.map((t) => t.text).join(' ');
  const tail = line.segs[i + 1];
  if (!tail || !line.segs[i + 2]) return false;
  const open = (cell.match(/\(/g) ?? []).length - (cell.match(/\)/g) ?? []).length;
  const words = tail.toks.map((t) => t.text);
  return (
    open > 0 && words.length <= 4 && /\)[:.]?$/.test(words[words.length - 1]!) && !words.some((w) => /[\d(]/.test(w))
  );
}

interface Raw {
  inline?: Tok[][];
  right?: Tok[][];
  below?: { lines: Tok[][]; gap: number };
  above?: { lines: Tok[][]; gap: number };
}

function column(doc: DocLayout, hit: Hit, line: Line): { x0: number; x1: number } {
  if (hit.col) return hit.col;
  const i = line.segs.indexOf(hit.seg);
  const prevSeg = hit.atStart ? line.segs[i - 1] : undefined;
  const nextSeg = line.segs[i + 1];
  const pageW = doc.pageWidth.get(hit.page) ?? 612;
  // a caption run on after another caption's colon in one cell ("ACCOUNT HOLDER / COMPANY: ACCOUNT
  // NUMBER:" over "Blue Heron Realty Group Inc    405-555-0160-082"): its column starts where it does
  const before = hit.atStart && hit.start > 0 ? hit.seg.toks[hit.start - 1] : undefined;
  const afterCaption = !!before && /:$/.test(before.text);
  const left = afterCaption ? hit.x0 : Math.min(hit.x0, hit.seg.x0);
  // (an item's number in a cell of its own before the caption, "B1." | "CURRENT CARRIER", heads no column:
  // the caption's value under it may start under the number's end)
  const numbered = !!prevSeg && prevSeg.toks.length === 1 && itemNumber(prevSeg.toks[0]!.text);
  const bound = prevSeg ? (numbered ? prevSeg.x0 : prevSeg.x1 + 1) : afterCaption ? before.x1 + 1 : -Infinity;
  return {
    x0: Math.max(bound, left - 3 * line.h),
    x1: nextSeg ? nextSeg.x0 - 1 : pageW + 1,
  };
}

/** A word of a cell that starts inside the column (a long cell from the left does not spill into it). */
function inColumn(doc: DocLayout, t: Tok, col: { x0: number; x1: number }): boolean {
  const sx = doc.segs[t.seg]!.x0;
  return t.x0 >= col.x0 && t.x0 < col.x1 && sx >= col.x0 - 2;
}

/**
 * A word starting where the value's lines start, inside a segment that began in the column to the
 * left ("16347 Mill Terrace, #597 23456-8892": the left column's street and this column's ZIP set
 * too close to be cut apart): the start of this column's cell.
 */
function runsIntoColumn(doc: DocLayout, t: Tok, col: { x0: number; x1: number }, vx: number, tol: number): boolean {
  if (t.idx === 0 || t.x0 < col.x0 || t.x0 >= col.x1 || Math.abs(t.x0 - vx) > tol) return false;
  const seg = doc.segs[t.seg]!;
  // (set apart by more than a word space: a sentence running through the column is not cut)
  return seg.x0 < col.x0 - 2 && t.x0 - seg.toks[t.idx - 1]!.x1 >= 0.6 * t.h;
}

/** A word of the label's own wrapped line (before the value, if that line goes on with it). */
function labelWrap(hit: Hit, t: Tok): boolean {
  return !!hit.wrapSegs?.includes(t.seg) && (hit.wrapEnd === undefined || t.idx < hit.wrapEnd);
}

const rawCache = new WeakMap<Hit, Map<string, Raw>>();

function rawSpans(doc: DocLayout, hit: Hit, maxLines: number, valueMayLookLikeLabel: boolean): Raw {
  let perHit = rawCache.get(hit);
  if (!perHit) {
    perHit = new Map();
    rawCache.set(hit, perHit);
  }
  const key = `${maxLines}:${valueMayLookLikeLabel}`;
  let raw = perHit.get(key);
  if (!raw) {
    raw = computeRaw(doc, hit, maxLines, valueMayLookLikeLabel);
    perHit.set(key, raw);
  }
  return raw;
}

/**
 * A cell right under a caption alone at the end of the line above, starting where it starts ("Primary
 * admin:" over "Chen Kowalski", "Account PIN:" left of the name): that caption's value, in a column of
 * captions over values, not the value of a label further left on its own line.
 */
function underOwnCaption(doc: DocLayout, line: Line, cell: Seg): boolean {
  const above = doc.lines[line.id - 1];
  if (!above || above.page !== line.page || line.top - above.bottom > Math.max(1.6 * line.h, 6)) return false;
  const cap = above.segs[above.segs.length - 1]!;
  // (or indented under it, as a form sets every value a little in from its caption: "AUTHORIZED
  // REPRESENTATIVE / REPRESENTANTE AUTORIZADO:" over "  Luis T. Rossi")
  const tol = Math.max(3, 0.5 * line.h);
  if (cell.x0 < cap.x0 - tol || cell.x0 > cap.x0 + Math.max(tol, 2 * line.h) || !/:$/.test(segText(cap.toks)))
    return false;
  return wholeLabelCell(doc, cap);
}

/** A cell that is all one label, from its first word to its last: a caption, a box's or a column's. */
export function wholeLabelCell(doc: DocLayout, s: Seg): boolean {
  return (doc.hitsBySeg.get(s.id) ?? []).some((h) => h.start === 0 && h.end === s.toks.length);
}

/**
 * A row of captions in print much smaller than the row right above it, which they caption (a form
 * filled in by hand, "No. | Street" under "1456 | 3RD WAY"): part captions, not the headings of cards.
 */
export function captionsUnderValues(doc: DocLayout, lineId: number): boolean {
  const l = doc.lines[lineId];
  const above = doc.lines[lineId - 1];
  return !!l && !!above && above.page === l.page && l.top - above.bottom < l.h && above.h > 1.2 * l.h;
}

/**
 * A row of short captions without digits right under a row of values in somewhat larger print (a signer
 * block's "Printed name | Job Function | Signature | Date" printed under the rules the values are typed on):
 * every cell a caption of the value over it, so a caption no vocabulary knows is still no value of the one
 * beside it. The print need differ less than captionsUnderValues asks (5%: a caption font a point or two smaller,
 * another face), as the row is all caption-shaped and known captions stand in it.
 */
export function captionRowUnderRules(doc: DocLayout, line: Line): boolean {
  const tol = startTolerance(line);
  const labelled = (l: Line) => l.segs.filter((s) => doc.hitsBySeg.get(s.id)?.some((h) => h.start === 0)).length;
  if (!captionsUnderLargerRow(doc, line)) return false;
  // (and known captions make it a caption row, not a label and its value under a table's header row: two on
  // it, or another such row of captions nearby in the same columns — the signer block's second row)
  if (labelled(line) >= 2) return true;
  return doc.lines.some(
    (l) =>
      l !== line &&
      l.page === line.page &&
      Math.abs(l.id - line.id) <= 4 &&
      labelled(l) >= 1 &&
      captionsUnderLargerRow(doc, l) &&
      l.segs.every((s) => line.segs.some((c) => Math.abs(c.x0 - s.x0) <= tol)),
  );
}

/** Two or more cells of a few words without digits, tight under a line in larger print. */
function captionsUnderLargerRow(doc: DocLayout, line: Line): boolean {
  const above = doc.lines[line.id - 1];
  if (!above || above.page !== line.page || line.top - above.bottom >= line.h || above.h <= 1.05 * line.h) return false;
  return captionCells(line);
}

/** Two or more cells of a few words without digits: a row shaped like captions. */
function captionCells(line: Line): boolean {
  return (
    line.segs.length >= 2 &&
    line.segs.every(
      (s) =>
        s.toks.length <= 6 && s.toks.some((t) => /[A-Za-z]/.test(t.text)) && !s.toks.some((t) => /\d/.test(t.text)),
    )
  );
}

/**
 * The lines standing tight over a row (a few at most): where the values typed on a signer block's rules are.
 * A signature in larger script sets its cell on a line of its own, a little over the other values' line.
 */
function linesJustOver(doc: DocLayout, line: Line): Line[] {
  const out: Line[] = [];
  for (let k = line.id - 1; k >= Math.max(0, line.id - 3); k--) {
    const l = doc.lines[k]!;
    if (l.page !== line.page || line.top - l.bottom >= line.h) break;
    out.push(l);
  }
  return out;
}

/**
 * The value cell standing over a caption of a signer block's row, starting where the caption starts (a value is
 * typed a little in from the rule's start, a signature a little further) and ending before the row's next caption
 * (a line of the paragraph over a key/value row runs across its cells): none when no value is over it.
 */
export function valueOverCaption(doc: DocLayout, line: Line, caption: Seg): Seg | undefined {
  const next = line.segs[line.segs.indexOf(caption) + 1];
  for (const l of linesJustOver(doc, line)) {
    const tol = startTolerance(l);
    const cell = l.segs.find(
      (a) => Math.abs(a.x0 - caption.x0) <= tol && (!next || a.x1 < next.x0 + tol) && !doc.hitsBySeg.get(a.id)?.length,
    );
    if (cell) return cell;
  }
  return undefined;
}

const signerRows = new WeakMap<DocLayout, Map<number, boolean>>();

/**
 * A signer block's row of captions under the values typed on its rules ("Printed name | Title | Signature | Date"),
 * whatever the print sizes and however many of its captions a vocabulary knows: on an LOA, a row of caption-shaped
 * cells, values tight over some of them starting where they start, and a caption of the signature, the signer or
 * the day signed (or a date typed over a caption) in it or in another such row of the block in the same columns
 * (two rows of two cells). Every cell
 * of it is a caption: none is the value of the cell beside it, and the values are over them. Those captions are
 * what tell such a block from a table's rows of words (a list, "Call Waiting | Active" over "Caller ID | Active").
 */
export function signerCaptionRow(doc: DocLayout, line: Line): boolean {
  let cache = signerRows.get(doc);
  if (!cache) signerRows.set(doc, (cache = new Map()));
  let out = cache.get(line.id);
  if (out === undefined) {
    out = doc.kind === 'loa' && signerRowShape(doc, line) && (signs(doc, line) || signerSibling(doc, line));
    cache.set(line.id, out);
  }
  return out;
}

/**
 * Caption-shaped cells with values over them, and no label over any (a key/value grid's next row,
 * "ENTITY NAME | Lakeview …" over "AUTHORIZED CONTACT | Joseph Whitaker", has its labels in the same columns).
 */
function signerRowShape(doc: DocLayout, line: Line): boolean {
  if (!captionCells(line)) return false;
  // (values over two of its cells, or over one a date: the day signed under a row of two, the other cell the
  // empty signature rule — a line of words over a key/value row's label stands over one cell, no date)
  const over = line.segs.map((s) => valueOverCaption(doc, line, s)).filter((c) => !!c);
  if (over.length < 2 && !(over.length === 1 && wholeDate(over[0]))) return false;
  return !linesJustOver(doc, line).some((l) =>
    l.segs.some(
      (a) =>
        doc.hitsBySeg.get(a.id)?.some((h) => h.start === 0) &&
        line.segs.some((c) => Math.abs(a.x0 - c.x0) <= startTolerance(l)),
    ),
  );
}

/** What a signer block captions: the signature, the signer, the day signed. */
const SIGNER_FIELDS: ReadonlySet<LabelField> = new Set(['signature', 'authorized_person', 'document_date']);

/**
 * A cell of the row opens with a caption of a signer block's (SIGNER_FIELDS), or captions a date typed over it
 * (the day signed, whatever its caption's words).
 */
const signs = (doc: DocLayout, line: Line) =>
  line.segs.some(
    (s) =>
      doc.hitsBySeg.get(s.id)?.some((h) => SIGNER_FIELDS.has(h.field) && h.start === 0) ||
      wholeDate(valueOverCaption(doc, line, s)),
  );

/** A cell that is a date and nothing else ("Dec 28, 2024", "2025-01-17"). */
function wholeDate(cell: Seg | undefined): boolean {
  const t = cell ? segText(cell.toks).trim() : '';
  const d = t ? parseDate(t) : null;
  return !!d && d.start === 0 && d.end >= t.replace(/[.,;]+$/, '').length;
}

/** Another row of the same block (a few lines off, its cells in this row's columns) holds a signer block's caption. */
function signerSibling(doc: DocLayout, line: Line): boolean {
  const tol = startTolerance(line);
  // (lines are indexed by id: only the four on each side are looked at)
  return doc.lines
    .slice(Math.max(0, line.id - 4), line.id + 5)
    .some(
      (l) =>
        l !== line &&
        l.page === line.page &&
        signs(doc, l) &&
        signerRowShape(doc, l) &&
        l.segs.every((s) => line.segs.some((c) => Math.abs(c.x0 - s.x0) <= tol)),
    );
}

/**
 * The label and the cell beside it each right under a value in larger print starting where it starts
 * ("City | State code" under "GREEN BAY | WI 54301" on a form filled in by hand, the captions in tiny
 * print under the boxes): a row of captions, each its own value's, not a label and its value.
 */
function captionsOfValuesAbove(doc: DocLayout, line: Line, own: Seg, cell: Seg): boolean {
  if (signerCaptionRow(doc, line)) return true;
  const above = doc.lines[line.id - 1];
  if (!above || !(captionsUnderValues(doc, line.id) || captionRowUnderRules(doc, line))) return false;
  // (a hand-printed first letter sits inside its box, a little right of the caption under it)
  // (the row above holds values, not labels: a section's heading row over a label and its value is no comb)
  const over = (sg: Seg) =>
    above.segs.some((a) => Math.abs(a.x0 - sg.x0) <= startTolerance(above) && !doc.hitsBySeg.get(a.id)?.length);
  return over(own) && over(cell);
}

/**
 * A row of captions each under its own value in the row right above it (a boxed form captioned in small
 * print under its boxes: "87 | River Ln | Corpus Christi | TX | 78411" over "Street No. | Street Name |
 * Suite | City | ST | ZIP Code"): caption-shaped cells in smaller print, close under the values, two of
 * them or more starting where a value above starts. A box left empty leaves its caption with nothing
 * above, never the next row's value.
 */
export function captionRowOfValuesAbove(doc: DocLayout, line: Line): boolean {
  const above = doc.lines[line.id - 1];
  if (!above || above.page !== line.page || above.h <= 1.05 * line.h || !captionCells(line)) return false;
  // (a caption sits under its box's bottom edge, the value inside the box: up to two caption heights apart,
  // and nearer the values it captions than a row of values in the same columns under it, a table's first row)
  const gap = line.top - above.bottom;
  if (gap >= 2 * line.h) return false;
  const aligned = (row: Line) => {
    const tol = startTolerance(row);
    return line.segs.filter((sg) =>
      row.segs.some((a) => Math.abs(a.x0 - sg.x0) <= tol && !doc.hitsBySeg.get(a.id)?.length),
    ).length;
  };
  const below = doc.lines[line.id + 1];
  if (below && below.page === line.page && below.top - line.bottom <= gap && aligned(below) >= 2) return false;
  return aligned(above) >= 2;
}

/** Lines a few rows above and below a label's line, nearest first (same page, within five line heights). */
function rowsAround(doc: DocLayout, line: Line): Line[] {
  const out: Line[] = [];
  for (const id of [line.id - 1, line.id + 1, line.id - 2, line.id + 2, line.id - 3, line.id + 3]) {
    const l = doc.lines[id];
    if (l && l.page === line.page && Math.abs(l.top - line.top) < 5 * line.h) out.push(l);
  }
  return out;
}

/** A PIN prompt with nothing after it on its line, in a block of prompts with their values beside them (emptyPinPrompt). */
function emptyPrompt(doc: DocLayout, hit: Hit, line: Line): boolean {
  if (hit.field !== 'pin' || !hit.colon || !hit.atStart || hit.end !== hit.seg.toks.length || hit.col) return false;
  if (line.segs.indexOf(hit.seg) < line.segs.length - 1) return false;
  const tol = startTolerance(line);
  const startCell = (l: Line | undefined) => l?.segs.find((s) => Math.abs(s.x0 - hit.seg.x0) <= tol);
  const promptOf = (cell: Seg | undefined) =>
    cell && (doc.hitsBySeg.get(cell.id) ?? []).find((h) => h.start === 0 && h.colon);
  // (a prompt alone in its cell whose next row starts where it starts with no prompt reads down: its value
  // is under it, and the cell beside it is another column's caption — a card of captions over values,
  // "Billing TN: | Produced" over "+1 218 5550152 | 11/9/24" — not a value beside it; the value may stand
  // indented under it: "VERBAL PASSWORD:" over "  5942")
  const cellUnder = (l: Line, first: Seg) => {
    const under = doc.lines[l.id + 1];
    return under?.segs.find((s) => s.x0 >= first.x0 - tol && s.x0 <= first.x0 + 1.5 * under.h);
  };
  const readsDown = (l: Line, first: Seg, prompt: Hit) => {
    const under = doc.lines[l.id + 1];
    const underCell = cellUnder(l, first);
    return (
      prompt.end === first.toks.length &&
      under?.page === l.page &&
      under.top - l.bottom < 1.6 * Math.max(l.h, under.h) &&
      !!underCell &&
      !promptOf(underCell)
    );
  };
  // (so does the PIN's own prompt when what stands under it is one word shaped as a code, "5942", "K7Q2X";
  // a screen's message row, "CSR0047I MORE DATA - PF8", is no value of it)
  const own = cellUnder(line, hit.seg);
  if (readsDown(line, hit.seg, hit) && own?.toks.length === 1 && /^(?=.*\d)[A-Z0-9*#-]{3,12}$/i.test(own.toks[0]!.text))
    return false;
  const rows: PromptRow[] = rowsAround(doc, line).map((l) => {
    const first = startCell(l);
    const prompt = promptOf(first);
    const down = !!prompt && readsDown(l, first!, prompt);
    return {
      sameStart: !!first,
      prompt: !!prompt,
      valueBeside: !!prompt && !down && (prompt.end < first!.toks.length || l.segs.indexOf(first!) < l.segs.length - 1),
    };
  });
  return emptyPinPrompt(rows);
}

/** A question's number opening its line ("3.", "12)"): what a numbered questionnaire prints before each caption. */
const QUESTION_NUMBER = /^\d{1,2}[.)]$/;

/** The question number opening a line, in its caption's cell or in a cell of its own. */
const questionNumberOf = (l: Line): Tok | undefined =>
  QUESTION_NUMBER.test(l.segs[0]?.toks[0]?.text ?? '') ? l.segs[0]!.toks[0] : undefined;

/** The document's lines that open with a question number, with it: found once, asked for every cell. */
function numberedLines(doc: DocLayout): { line: Line; num: Tok }[] {
  let out = numberedCache.get(doc);
  if (!out) {
    out = doc.lines.flatMap((line) => {
      const num = questionNumberOf(line);
      return num ? [{ line, num }] : [];
    });
    numberedCache.set(doc, out);
  }
  return out;
}
const numberedCache = new WeakMap<DocLayout, { line: Line; num: Tok }[]>();

/**
 * A numbered question's caption cell ("3. Account Identifier ......" | answer): first on its line after the
 * question's number (in the cell, `from` 1, or a cell of its own, `from` 0), a few words without digits, its
 * answer in the next cell, in a list of such questions — two more lines on the page open with a question
 * number where this one does. Every word of the cell is the caption's (a hint, a complement: "with Them", "(see
 * your bill)"), whatever its wording; the answer is the next cell. Null for any other cell.
 */
export function questionCaption(doc: DocLayout, seg: Seg): { from: number } | null {
  const line = doc.lines[seg.line]!;
  const num = questionNumberOf(line);
  if (!num) return null;
  const i = line.segs.indexOf(seg);
  const from = i === 0 ? 1 : 0;
  if ((i === 0 ? seg.toks.length < 2 : i !== 1 || line.segs[0]!.toks.length !== 1) || !line.segs[i + 1]) return null;
  const words = seg.toks.slice(from);
  // (digits only in a hint in parentheses: "(see page 1 of your bill)")
  const outsideHints = words
    .map((t) => t.text)
    .join(' ')
    .replace(/\([^)]*\)?/g, ' ');
  if (words.length > 16 || /\d/.test(outsideHints) || !/^[A-Za-z(]/.test(words[0]!.text)) return null;
  const tol = startTolerance(line);
  const listed = numberedLines(doc).filter(
    (q) => q.line !== line && q.line.page === line.page && Math.abs(q.num.x0 - num.x0) <= tol,
  );
  return listed.length >= 2 ? { from } : null;
}

/** A word joining a caption's head to its complement (HEAD_ENDS), or a hint's parenthesis. */
const joinsComplement = (t: Tok) => HEAD_ENDS.has(t.text.toLowerCase().replace(/[^a-z]/g, '')) || /^\(/.test(t.text);

/**
 * Whether a label of a question's caption cell reads its answer: each does, but one that only qualifies the
 * next label of its noun run ("Acct" in "Acct *PIN*": the head noun ends the run, English captions being noun
 * phrases) — a later label of another field with no linking word or parenthesis between them (the first label
 * may end on the linking word itself: "Account No. with" | "Phone Company"). A label of no
 * field we read ("Ref No." in "Acct Ref No.") is no head.
 */
function readsQuestionAnswer(doc: DocLayout, seg: Seg, hit: Hit): boolean {
  return !(doc.hitsBySeg.get(seg.id) ?? []).some(
    (h) =>
      h.start >= hit.end &&
      h.field !== hit.field &&
      h.field !== 'other' &&
      h !== carrierComplement(doc, hit) &&
      !seg.toks.slice(hit.end - 1, h.start + 1).some(joinsComplement),
  );
}

/** Identifiers a carrier keeps: "Account No. at Losing Carrier" names the number, the carrier only says whose it is. */
const HELD_AT_CARRIER = new Set<LabelField>(['account_number', 'pin', 'btn']);

/**
 * The carrier's label right after an identifier's in its cell, which only says where the identifier is held
 * ("Account No. at Losing Carrier", "Account # - Current Provider", "PIN, Existing Carrier"): nothing but a
 * linking word (HEAD_ENDS) or punctuation between them. A carrier's name is never the identifier's value.
 */
function carrierComplement(doc: DocLayout, head: Hit): Hit | undefined {
  if (!HELD_AT_CARRIER.has(head.field)) return undefined;
  const later = (doc.hitsBySeg.get(head.seg.id) ?? []).find(
    (h) => h.field === 'carrier_name' && h.start >= head.end && h.start <= head.end + 2 && h !== head,
  );
  const between = later ? head.seg.toks.slice(head.end, later.start) : [];
  return later && between.every((t) => joinsComplement(t) || PUNCT_ONLY.test(t.text) || /^[/&–—-]$/.test(t.text))
    ? later
    : undefined;
}

/** A carrier's label that completes an identifier's label before it in the cell: it reads no value of its own. */
function completesHeld(doc: DocLayout, hit: Hit): boolean {
  if (hit.field !== 'carrier_name') return false;
  return (doc.hitsBySeg.get(hit.seg.id) ?? []).some((h) => h !== hit && carrierComplement(doc, h) === hit);
}

/**
 * Where a label's caption ends in its cell: a numbered question's caption runs to the cell's end (for the label
 * that reads its answer), an identifier's label completed by its carrier's ("Account No. at Losing Carrier")
 * where that one ends; any other label where its own words end.
 */
function captionEnd(doc: DocLayout, hit: Hit): number {
  if (questionCaption(doc, hit.seg) && readsQuestionAnswer(doc, hit.seg, hit)) return hit.seg.toks.length;
  return carrierComplement(doc, hit)?.end ?? hit.end;
}

/** The value over a caption, in its column (a value typed on a rule, its caption printed under it). */
function valueAbove(doc: DocLayout, hit: Hit, line: Line, col: { x0: number; x1: number }): Raw['above'] {
  for (let k = line.id - 1; k >= 0; k--) {
    const l = doc.lines[k]!;
    if (l.page !== line.page || line.top - l.bottom > Math.max(2.2 * line.h, 2 * l.h, 10)) break;
    const inCol = l.toks.filter((t) => inColumn(doc, t, col));
    if (!inCol.length) continue;
    const seg0: Seg = doc.segs[inCol[0]!.seg]!;
    // (as below: a name's caption has its value under its own words, so a line over it whose words
    // all start right of the caption's end is another column's, "AUTHORIZED REPRESENTATIVE:" under
    // a right column's "Active (good standing)")
    if (NAME_FIELDS.has(hit.field) && !hit.col && seg0.x0 > hit.x1 + 2) continue;
    if (hitAt(doc, inCol[0]!) || seg0.toks.length > 8) break;
    const toks = untilHit(doc, seg0, inCol[0]!.idx).filter((t) => t.x0 < col.x1);
    return toks.length ? { lines: [toks], gap: line.top - l.bottom } : undefined;
  }
  return undefined;
}

function computeRaw(doc: DocLayout, hit: Hit, maxLines: number, valueMayLookLikeLabel: boolean): Raw {
  const raw: Raw = {};
  if (completesHeld(doc, hit)) return raw;
  const line = doc.lines[hit.line]!;
  const seg = hit.seg;
  const pageW = doc.pageWidth.get(hit.page) ?? 612;
  const end = captionEnd(doc, hit);
  const first = seg.toks[end];
  const inline = withoutPlaceAt(
    hit,
    openQualifierDropped(
      doc,
      hit,
      line,
      first && (!hitAt(doc, first) || valueMayLookLikeLabel) ? dropLeadingPunct(untilHit(doc, seg, end)) : [],
    ),
  );
  if (inline.length) {
    raw.inline = [inline, ...(maxLines > 1 ? continuation(doc, hit, line, inline[0]!.x0, maxLines - 1, true) : [])];
    return raw;
  }
  // a label in parentheses after a value is a note on it ("555-0190 (main line)"): the words
  // beside or below belong to their own rows
  if (hit.start > 0 && /^\(/.test(seg.toks[hit.start]!.text)) return raw;
  const atEnd = end === seg.toks.length || cellEndsWithLabels(doc, hit);
  if (!atEnd) return raw;
  const i = line.segs.indexOf(seg);
  const next = line.segs[i + (hintClosedInNextCell(line, i) ? 2 : 1)];
  // the next cell is a value, not another label ("Current Account #")
  // (after a label ending with a colon, a value that may read like a label is the value: "TOWN/CITY: | Mobile")
  const nextIsLabel =
    next &&
    !(valueMayLookLikeLabel && hit.colon) &&
    ((doc.hitsBySeg.get(next.id) ?? []).some((h) => labelStart(next.toks, h.start)) ||
      (hit.colon && wholeCellLabel(next.toks)));
  // (a header table's label has its value below; the cell beside it is the next column's header)
  if (
    end === seg.toks.length &&
    next &&
    next.x0 - hit.x1 < 0.5 * pageW &&
    !nextIsLabel &&
    !hit.col &&
    !underOwnCaption(doc, line, next) &&
    !captionsOfValuesAbove(doc, line, seg, next)
  ) {
    const cell = untilHit(doc, next, 0);
    // a blank's mark beside the caption ("None recorded", "n/a", "-") is its value: the lines under it
    // are the next row's or a closing paragraph, not this caption's
    const mark = cell.map((t) => t.text).join(' ');
    if (NO_VALUE.test(mark) || /^[-\u2013\u2014]+$/.test(mark.trim())) return raw;
    const toks = dropLeadingPunct(cell);
    if (toks.length)
      raw.right = [toks, ...(maxLines > 1 ? continuation(doc, hit, line, toks[0]!.x0, maxLines - 1) : [])];
  }
  // (an empty PIN prompt in a block of prompts with their values beside them has no value over or under it)
  if (!raw.right && emptyPrompt(doc, hit, line)) return raw;
  // (a numbered question's answer is beside it: the lines over and under it are other questions)
  if (questionCaption(doc, seg)) return raw;
  const col = column(doc, hit, line);
  // below, in the label's column
  const below: Tok[][] = [];
  let prev = line;
  let valueX: number | null = null;
  let gap = 0;
  for (const l of linesAfter(doc, line)) {
    if (below.length >= maxLines) break;
    // (the value's first line may stand farther under its caption than its lines stand apart)
    const far =
      below.length === 0 ? l.top - prev.bottom > Math.max(2.8 * line.h, 2.2 * l.h, 12) : !continuesBelow(prev, l);
    if (far) break;
    // after the first line the value's lines start where it started (another column's rows are skipped)
    const vx: number | null = valueX;
    const tol = columnTolerance(l);
    // (a header table's value may be centred: its lines start at different x, but stay in the column)
    const inCol: Tok[] = l.toks.filter(
      (t) =>
        !labelWrap(hit, t) &&
        ((inColumn(doc, t, col) && (vx === null || !!hit.col || Math.abs(doc.segs[t.seg]!.x0 - vx) <= tol)) ||
          (vx !== null && runsIntoColumn(doc, t, col, vx, tol))),
    );
    // a line of another column between label and value, or between two lines of the value
    if (!inCol.length) {
      // (a header row's second line, "TELEPHONE | ACCOUNT" over "NUMBER | NUMBER" with this column empty
      // there — or its third, "BILLING" / "TELEPHONE" / "NUMBER" in a narrow column: the values start under
      // it, and their gap is measured from it as from the header)
      if (!below.length && hit.col && l.top - prev.bottom < line.h && headerWords(doc, l)) prev = l;
      continue;
    }
    const firstSeg: Seg = doc.segs[inCol[0]!.seg]!;
    // an address block starts under its heading; a line whose words in this column all start right
    // of the heading's end is a row of a column further right (a key/value block beside two
    // side-by-side address headings), not the block's first line
    // (so with a name caption alone on its line, "ADMINISTRATOR:" over a right column's "TRANSFER
    // PASSCODE: XXXX" over "Grace R. Castillo": the right column's rows are skipped, not the value's end)
    if (
      vx === null &&
      (ADDRESS_FIELDS.has(hit.field) || (NAME_FIELDS.has(hit.field) && !hit.col)) &&
      firstSeg.x0 > hit.x1 + 2
    )
      continue;
    if (hitAt(doc, inCol[0]!) && !(valueMayLookLikeLabel && below.length === 0)) break;
    const toks: Tok[] = untilHit(doc, firstSeg, inCol[0]!.idx).filter((t) => t.x0 < col.x1);
    if (!toks.length) break;
    if (!below.length) gap = l.top - line.bottom;
    below.push(toks);
    valueX ??= doc.segs[toks[0]!.seg]!.x0;
    prev = l;
  }
  if (below.length) raw.below = { lines: below, gap };
  if (raw.right && below.length && !hit.col && besideAnotherPanel(doc, hit, line, below[0]!, gap, raw.right[0]!))
    delete raw.right;
  // above, when the label is its cell's first word (a caption)
  if (hit.atStart) {
    const above = valueAbove(doc, hit, line, col);
    if (above) raw.above = above;
  }
  return raw;
}

/**
 * A caption with its value right under it, starting where the caption starts, and a cell far to its
 * right on the caption's line that begins past where that value ends: the caption heads a column of
 * captions over values, and the cell beside it is another panel's row that the line grouping joined
 * (an account profile's sidebar "ACCOUNT #" over "544525473", level with a location card's street
 * "3415 Northeast Hill Court"), not the caption's value.
 */
function besideAnotherPanel(doc: DocLayout, hit: Hit, line: Line, under: Tok[], gap: number, right: Tok[]): boolean {
  // (the value right under its caption, nothing between: a heading further down the column is no value)
  if (!hit.atStart || gap > 0.6 * line.h || looksLikeLabelText(segText(under))) return false;
  if (Math.abs(under[0]!.x0 - hit.x0) > startTolerance(line)) return false;
  // (a dot leader from the caption to the cell says that cell is the caption's value, however far off)
  if (leaderBetween(doc, line, hit.x1, right[0]!.x0)) return false;
  // (a label-left row's value stands a column's gap from its label, and the row under it opens with the
  // next label, "Call-back No.:", however the vocabulary reads it; another panel starts far off)
  if (/:$/.test(under[under.length - 1]!.text) || right[0]!.x0 - hit.x1 < 6 * line.h) return false;
  // (the line under it with a cell of its own where the right cell starts is the next row of a key/value
  // grid, its label unlisted, "Main Number | +1 970 555 0198" over "Account opened | SEP 07 2020" —
  // unless what stands under the caption opens with a word mostly of figures: no row's label does, so
  // that is the caption's own value, "ACCT. NUMBER" over "7528788123684", "CUST REF" over "P86426017",
  // and the cells right of both are a location card's street over its town)
  const tol = Math.max(4, 0.9 * line.h);
  const first = under[0]!.text;
  const underIsValue = (first.match(/\d/g) ?? []).length >= Math.max(1, (first.match(/\p{L}/gu) ?? []).length);
  if (!underIsValue && doc.lines[under[0]!.line]!.segs.some((s) => Math.abs(s.x0 - right[0]!.x0) <= tol)) return false;
  const valueEnd = Math.max(...under.map((t) => t.x1), hit.x1);
  return right[0]!.x0 > valueEnd + 2 * line.h;
}

/** Leader dots (a solid run, "........", or spaced, ". . . .") printed on the line between x0 and x1. */
function leaderBetween(doc: DocLayout, line: Line, x0: number, x1: number): boolean {
  const page = doc.pages.find((p) => p.page === line.page);
  let dots = 0;
  for (const w of page?.words ?? []) {
    const cy = (w.bbox[1] + w.bbox[3]) / 2;
    if (cy < line.top || cy > line.bottom || w.bbox[0] < x0 - 1 || w.bbox[2] > x1 + 1) continue;
    const t = w.text.trim();
    if (/^[.·…]+$/.test(t)) dots += t.length;
  }
  return dots >= 3;
}

/**
 * "Service Address (no P.O." | "21914 Lincoln Blvd" over "Box):" | "Spokane, WA…": a label's hint
 * opened in parentheses and closed on the next line in the label's column is the label's, not the
 * start of its value. The value begins at its first word with a digit (an address starts with its
 * house or box number).
 */
function openQualifierDropped(doc: DocLayout, hit: Hit, line: Line, inline: Tok[]): Tok[] {
  if (!ADDRESS_FIELDS.has(hit.field) || !/^\(/.test(inline[0]?.text ?? '')) return inline;
  const start = inline.findIndex((t) => /^\d/.test(t.text));
  if (start <= 0 || inline.slice(0, start).some((t) => /\)/.test(t.text))) return inline;
  const next = doc.lines[line.id + 1];
  if (!next || next.page !== line.page || next.top - line.bottom > Math.max(line.h, next.h)) return inline;
  const closes = next.segs.some(
    (s) => s.x0 >= hit.seg.x0 - 4 && s.x1 < inline[start]!.x0 && isWrappedQualifier(s) && /\)/.test(segText(s.toks)),
  );
  return closes ? inline.slice(start) : inline;
}

/**
 * The label's value is beside it but only marks ("ACCOUNT PIN: ****", "PIN: ••••"): it has its value
 * on its own line, so the words over or under it are no value of its (a name over "ACCOUNT PIN:" is
 * the label above's).
 */
function maskedBeside(doc: DocLayout, h: Hit): boolean {
  if (h.end !== h.seg.toks.length) return false;
  const line = doc.lines[h.line]!;
  const next = line.segs[line.segs.indexOf(h.seg) + 1];
  return !!next && next.toks.every((t) => PUNCT_ONLY.test(t.text));
}

const owners = new WeakMap<DocLayout, Map<Tok, Hit>>();
/** Pages whose captions mostly stand over their values (ownedValues): a form's boxes, a header table. */
const captionsReadDown = new WeakSet<DocLayout>();
/** How much farther one side may be and still count as a tie between a caption's value above and below. */
const NEAR_TIE = 1.4;

/** Words that are some label's value: inline, to its right, or on its nearer vertical side. */
function ownedValues(doc: DocLayout): Map<Tok, Hit> {
  let m = owners.get(doc);
  if (m) return m;
  m = new Map();
  owners.set(doc, m);
  const claim = (lines: Tok[][] | undefined, h: Hit) => {
    for (const t of lines?.[0] ?? []) if (!m!.has(t)) m!.set(t, h);
  };
  const vertical: [Hit, Raw][] = [];
  for (const h of doc.hits) {
    // a label word inside a sentence owns nothing
    if (!h.atStart) continue;
    const r = rawSpans(doc, h, 1, false);
    if (r.inline || r.right) claim(r.inline ?? r.right, h);
    else if (!maskedBeside(doc, h)) vertical.push([h, r]);
  }
  // each label's nearer side; a row two labels reach (one's value below it, the other's above it)
  // is the nearer label's: a caption right over its value beats a heading further below
  // (a near tie — a tilted scan's rows, 6 pt up and 7 pt down — goes the way most of the page's captions
  // read: a grid of captions over their values does not turn one caption to the value of the row above it)
  const nearerDown = (r: Raw, slack: number) => !!r.below && (!r.above || r.below.gap <= r.above.gap * slack);
  // (so does a page whose captions are set small between values printed larger, an app's cards: which of
  // two values a caption stands nearer is a matter of type sizes there, and such captions head what is under them)
  const tall = (toks: Tok[] | undefined, h: Hit) =>
    !!toks?.length && Math.min(...toks.map((t) => t.h)) >= 1.25 * Math.max(...h.seg.toks.map((t) => t.h));
  const smallBetween = (h: Hit, r: Raw) => tall(r.below?.lines[0], h) && tall(r.above?.lines[0], h);
  const readsDown = vertical.filter(([h, r]) => nearerDown(r, 1) || smallBetween(h, r)).length * 2 >= vertical.length;
  if (readsDown && vertical.length) captionsReadDown.add(doc);
  const sides: { h: Hit; lines: Tok[][]; gap: number; up: boolean }[] = [];
  // (a heading in larger type than the line over it heads what is under it: a caption under its value is set
  // no larger than the value — "Authorized Signature" owns nothing of the list of numbers ending above it)
  const headingOver = (h: Hit, r: Raw) =>
    !!r.above?.lines[0]?.length &&
    Math.min(...h.seg.toks.map((t) => t.h)) >= 1.15 * Math.max(...r.above.lines[0].map((t) => t.h));
  for (const [h, r] of vertical) {
    if (r.below && nearerDown(r, readsDown ? NEAR_TIE : 1 / NEAR_TIE)) sides.push({ h, ...r.below, up: false });
    else if (r.above && !(r.below && headingOver(h, r))) sides.push({ h, ...r.above, up: true });
  }
  // a header table's row of values is its captions' ("CUSTOMER NUMBER | DOCUMENT NO. | ACCT #" over
  // their values): a heading printed tight under that row ("PHYSICAL SERVICE ADDRESS:") reads down
  // into its own block, never up into the row
  const headerRow = new Set(sides.filter((s) => s.h.col && !s.up).flatMap((s) => s.lines[0] ?? []));
  for (const s of sides.sort((a, b) => a.gap - b.gap))
    claim(s.up ? s.lines.map((l) => l.filter((t) => !headerRow.has(t))) : s.lines, s.h);
  return m;
}

export function spansFor(doc: DocLayout, hit: Hit, maxLines = 1, valueMayLookLikeLabel = false): Span[] {
  const r = rawSpans(doc, hit, maxLines, valueMayLookLikeLabel);
  if (r.inline) return [{ mode: 'inline', hit, lines: r.inline, gap: 0, farther: false }];
  const spans: Span[] = [];
  if (r.right) spans.push({ mode: 'right', hit, lines: r.right, gap: 0, farther: false });
  const owned = ownedValues(doc);
  const free = (lines: Tok[][]) => !lines[0]!.some((t) => owned.has(t) && owned.get(t) !== hit);
  const below = r.below && free(r.below.lines) ? r.below : undefined;
  // a box marked blank on a form whose captions head their values — a blank's mark typed under its caption,
  // "NONE LISTED", "N/A" — has no value: the line over its caption is the box above's ("AUTHORIZED PARTY"
  // over "NONE", under a billing address's "Carson City, NV 89706"). (A box left empty says less: a comb
  // form's caption under its value has the next caption under it too.)
  const blank = !!r.below && NO_VALUE.test(r.below.lines[0]!.map((t) => t.text).join(' '));
  const above = r.above && free(r.above.lines) && !(blank && captionsReadDown.has(doc)) ? r.above : undefined;
  if (below)
    spans.push({ mode: 'below', hit, lines: below.lines, gap: below.gap, farther: !!above && above.gap < below.gap });
  if (above)
    spans.push({ mode: 'above', hit, lines: above.lines, gap: above.gap, farther: !!below && below.gap <= above.gap });
  return spans;
}
