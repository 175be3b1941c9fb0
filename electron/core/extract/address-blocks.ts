import type { ServiceAddress } from '../../../shared/domain/document.js';
import { CONCEPT_WORDS, LABEL_FILLERS, labelStems } from '../../../shared/domain/fields.js';
import { isTollFreeNanp } from '../../../shared/domain/phone.js';
import { cityKey, isPoBox, ZIP_WORD, ZIP_WORD_LOOSE } from '../../../shared/normalize/address.js';
import { remembered } from '../../../shared/normalize/memo.js';
import { STATE_BY_FORM, STREET_SUFFIXES, UNIT_DESIGNATORS } from '../../../shared/normalize/usps.js';
import {
  betterReading,
  checkAddress,
  cityStateZip,
  isUnitOnly,
  readAddress,
  isStreetish,
  isDateText,
  splitUnit,
  withCitySpelling,
  type AddrResult,
} from './address.js';
import {
  opensCell,
  segsAboveInColumn,
  segText,
  type DocLayout,
  type Hit,
  type Line,
  type Seg,
  type Tok,
} from './layout.js';
import { captionsUnderValues, hitAt, wholeLabelCell } from './spans.js';
import { digitFixToken, findPhones } from './values.js';
import { isKnownCity, isZipCityRunTogether, zipPlace, type ZipCheck } from './zip.js';

/**
 * Every address-shaped block on a page, found by what an address looks like rather than by the
 * label in front of it, and then named by the nearest label or heading:
 *
 * - line blocks: a street line over a city/state/ZIP line in one column (a window address, a value
 *   column of label-left rows, a fixed-width record's value column whatever its tags);
 * - cell blocks: an address in separate cells (label-left rows or a label-above grid), found from
 *   its values — a ZIP cell, the state cell and the city cell the ZIP database says belong with it,
 *   the street cell above — so part labels nobody listed ("Locality", "Postcode") do not matter.
 *
 * Which address a block is (service, billing, remit-to) comes from the address label or heading
 * nearest above or left of it: a listed label, or any wording whose concept words say service
 * (installed, premises, site…) or billing (bill, mail, remit…). Unnamed blocks are `unknown`: the
 * caller weighs them by document kind and never reports them as near-certain.
 */
export type AddressConcept = 'service' | 'billing' | 'remit' | 'unknown';

export interface AddressBlock {
  value: ServiceAddress;
  toks: Tok[];
  /** 0..1, how complete and consistent the reading is (the ZIP database's factor included) */
  quality: number;
  check: ZipCheck;
  concept: AddressConcept;
  /** the listed label that names the concept (null: a heading or tag of unlisted wording, or none) */
  hit: Hit | null;
  shape: 'lines' | 'cells';
  /** lines above the street in a line block (a name, "Attn: …") */
  nameLines: Tok[][];
  poBox: boolean;
  page: number;
}

const blockCache = new WeakMap<DocLayout, AddressBlock[]>();

export function addressBlocks(doc: DocLayout): AddressBlock[] {
  const cached = blockCache.get(doc);
  if (cached) return cached;
  const lineBlocks = lineAddressBlocks(doc);
  const taken = new Set(lineBlocks.flatMap((b) => b.toks));
  const cells = cellAddressBlocks(doc).filter((b) => !b.toks.some((t) => taken.has(t)));
  const out = [...lineBlocks, ...cells];
  blockCache.set(doc, out);
  return out;
}

// --- a list of sites under one service heading ---

/** Words of a site's service line saying it carries telephone lines ("Voice", "5 lines", "Business Lines", "TNs"). */
const VOICE_SERVICE = /\b(?:voice|telephone|phone|lines?|tns?|pots|trunks?)\b/i;

/**
 * The sites of a "Service Location(s)" list: line blocks stacked in one column under a service heading, each
 * opened by its own title line (a site's name, id, its services: "Headquarters (Site ID 818562)  Voice",
 * "Site 2: Warehouse  Data Only"). Empty when the page has no such list.
 */
function siteList(doc: DocLayout): AddressBlock[] {
  const blocks = addressBlocks(doc).filter((b) => b.shape === 'lines' && b.toks.length);
  const x0 = (b: AddressBlock) => Math.min(...b.toks.map((t) => t.x0));
  const lines = (b: AddressBlock) => b.toks.map((t) => t.line);
  // (the first site's title holds its id, so the heading over it names no block: the list starts under the heading)
  const heads = doc.hits
    .filter((h) => h.field === 'service_address' && h.start === 0)
    .map((h) =>
      blocks.find(
        (b) =>
          b.page === h.page &&
          x0(b) >= h.x0 - 12 &&
          x0(b) <= h.x0 + 40 &&
          Math.min(...lines(b)) > h.line &&
          Math.min(...lines(b)) <= h.line + 3,
      ),
    );
  for (const head of heads) {
    if (!head) continue;
    const list = [head];
    for (;;) {
      const prev = list.at(-1)!;
      const end = Math.max(...lines(prev));
      const next = blocks
        .filter((b) => !list.includes(b) && b.page === prev.page && b.concept !== 'billing' && b.concept !== 'remit')
        .filter(
          (b) => Math.abs(x0(b) - x0(head)) <= 12 && Math.min(...lines(b)) > end && Math.min(...lines(b)) <= end + 3,
        )
        .sort((a, b) => Math.min(...lines(a)) - Math.min(...lines(b)))[0];
      if (!next) break;
      list.push(next);
    }
    if (list.every((b) => siteTitle(doc, b))) return list;
  }
  return [];
}

/** The title line right over a site's street in its column: words, no street or city of its own. */
function siteTitle(doc: DocLayout, b: AddressBlock): Line | null {
  const first = doc.lines[Math.min(...b.toks.map((t) => t.line))]!;
  const l = doc.lines[first.id - 1];
  if (!l || l.page !== first.page || first.top - l.bottom > 2 * first.h || b.toks.some((t) => t.line === l.id))
    return null;
  const cell = titleCell(l, Math.min(...b.toks.map((t) => t.x0)));
  return cell && /\p{L}{3}/u.test(segText(cell.toks)) ? l : null;
}

/** The cell of a site's title line that stands over its street: starting at the street's left edge or before it. */
function titleCell(title: Line, x0: number): Seg | undefined {
  return title.segs.find((sg) => sg.x0 <= x0 + 2 && sg.x1 > x0 - 40);
}

/** How a site's title names it: its ids (three digits or more) and its name without ordinals and parentheses. */
function siteKeys(title: Line, x0: number): string[] {
  const t = segText(titleCell(title, x0)!.toks);
  const ids = t.match(/\b\d{3,}\b/g) ?? [];
  const name = t
    .replace(/\([^)]*\)/g, ' ')
    .replace(/^\s*(?:(?:site|loc|location)\s*#?\s*\d+\s*[:.-]?|\d+[.)])\s*/i, '')
    .replace(/\s+/g, ' ')
    .trim();
  return [...ids, ...(name.length >= 3 ? [name.toUpperCase()] : [])];
}

/**
 * Of a list of the account's sites, the one with the telephone lines: the site whose name or id a row of
 * the page's numbers prints (a usage table's "Site" column beside each number), else the one site whose
 * title says it carries voice lines while the others carry data, internet or alarm circuits. That is the
 * service address a carrier compares for a port of those numbers. A list of one site is that site. Null
 * without such a list or when the evidence names none or several.
 */
export function siteOfLines(doc: DocLayout): { site: AddressBlock; alone: boolean } | null {
  const list = siteList(doc);
  // (one site under the heading: the heading's, though the id in its title line kept the heading from naming it)
  if (list.length === 1) return list[0]!.concept === 'unknown' ? { site: list[0]!, alone: true } : null;
  if (!list.length) return null;
  const x0 = (b: AddressBlock) => Math.min(...b.toks.map((t) => t.x0));
  const titles = list.map((b) => siteTitle(doc, b)!);
  const own = new Set([...list.flatMap((b) => b.toks.map((t) => t.line)), ...titles.map((l) => l.id)]);
  // the cells of the rows that print a local number (a toll-free one is a desk's)
  const rowCells = new Set<string>();
  for (const l of doc.lines) {
    if (own.has(l.id)) continue;
    const cells = l.segs.map((sg) => segText(sg.toks).trim());
    if (cells.some((c) => findPhones(c).some((p) => !isTollFreeNanp(p.e164))))
      for (const c of cells) rowCells.add(c.toUpperCase());
  }
  const pick = (hits: boolean[]) => (hits.filter(Boolean).length === 1 ? list[hits.indexOf(true)]! : null);
  const linked = pick(list.map((b, i) => siteKeys(titles[i]!, x0(b)).some((k) => rowCells.has(k))));
  const voice = titles.map((l, i) =>
    VOICE_SERVICE.test(segText(l.segs.filter((sg) => sg.x1 > x0(list[i]!) - 40).flatMap((sg) => sg.toks))),
  );
  const site = linked ?? pick(voice);
  return site ? { site, alone: false } : null;
}

// --- naming a block: the nearest address label or heading ---

/** Concept words of the address kinds (stems, see labelStems); a heading naming none of them names no address. */
const SERVICE_WORDS = new Set([
  'service',
  'install',
  'premise',
  'location',
  'located',
  'site',
  'physical',
  'e911',
  '911',
  'where',
  'provided',
  'end',
  'user',
  'at',
]);
export const BILLING_WORDS: ReadonlySet<string> = new Set([
  'bill',
  'mail',
  'invoice',
  'statement',
  'sold',
  'correspondence',
]);
/** Words of other fields' labels: "Billing Tel #", "Service Account Number" name no address. */
const OTHER_FIELD_WORDS = new Set([
  'phone',
  'number',
  'name',
  'account',
  'date',
  'pin',
  'passcode',
  'email',
  'fax',
  'amount',
  'due',
  'total',
  'balance',
  'period',
]);
const REMIT_WORDS = new Set(['remit', 'payment', 'pay', 'payable', 'send', 'check', 'checks', 'lockbox']);

/** Words a heading is made of besides its concept words ("Location Details", "Where the Lines Are"). */
const HEADING_WORDS = new Set([
  'address',
  'information',
  'info',
  'details',
  'detail',
  'line',
  'lines',
  'are',
  'was',
  // a heading phrased as a clause ("Where you have service", "Where we provide service")
  'you',
  'we',
  'have',
  'has',
  // the part a label over a part cell names ("Premises Street", "Service City")
  'street',
  'city',
  'state',
  'zip',
  'code',
  'postal',
  'post',
  'suite',
  'unit',
  'apt',
  'room',
  'floor',
]);

/**
 * The concept a label or heading text names, by its words (billing and remit outrank service:
 * "Service billing address"). Only a text made of label vocabulary is a heading: "Lakeshore Tax
 * Services" above an address is a name, not a service heading. Remembered: headings repeat across a
 * document and across documents, and the table stays small.
 */
export const conceptOfText: (text: string) => AddressConcept = remembered((text: string) => headingConcept(text), 4000);

function headingConcept(text: string): AddressConcept {
  const stems = labelStems(text);
  const known = (w: string) =>
    SERVICE_WORDS.has(w) ||
    BILLING_WORDS.has(w) ||
    REMIT_WORDS.has(w) ||
    HEADING_WORDS.has(w) ||
    CONCEPT_WORDS.has(w) ||
    LABEL_FILLERS.has(w);
  const unknown = stems.filter((w) => !known(w)).length;
  if (!stems.length || unknown > (/:\s*$/.test(text) ? 1 : 0)) return 'unknown';
  if (stems.some((w) => OTHER_FIELD_WORDS.has(w)) && !stems.includes('address')) return 'unknown';
  return conceptOfWords(stems);
}

/** The address concept words in running text name, if any ("…billed to…", "…our premises at…"). */
export function conceptInSentence(text: string): AddressConcept {
  return conceptOfWords(labelStems(text));
}

function conceptOfWords(stems: string[]): AddressConcept {
  // "Send Bills To" is the billing address, "Send Payment To" the remit-to one
  if (stems.some((s) => s !== 'send' && REMIT_WORDS.has(s))) return 'remit';
  if (stems.some((s) => BILLING_WORDS.has(s))) return 'billing';
  if (stems.includes('send')) return 'remit';
  // "at" alone ("Bill To" has none; "Installed at", "Service at" do) only with another service word
  if (stems.some((s) => s !== 'at' && s !== 'user' && s !== 'end' && SERVICE_WORDS.has(s))) return 'service';
  return 'unknown';
}

const ADDRESS_FIELDS = new Set(['service_address', 'billing_address', 'remit']);

function conceptOfHit(h: Hit): AddressConcept {
  return h.field === 'service_address' ? 'service' : h.field === 'billing_address' ? 'billing' : 'remit';
}

/** A segment that reads as a label or heading: no digits, a few words, not a street or unit. */
function headingText(seg: Seg): string | null {
  const t = segText(seg.toks);
  if (/\d{2}/.test(t) || seg.toks.length > 7 || isUnitOnly(t)) return null;
  return t;
}

/**
 * The concept of the block whose first line is `top` and which spans x0..x1: a label left of the
 * first line (a record's tag, a label-left row), else the nearest heading above it in its column.
 */
function nameBlock(
  doc: DocLayout,
  top: Line,
  x0: number,
  x1: number,
  cell?: Cell,
): { concept: AddressConcept; hit: Hit | null } {
  // the label in front of the value in the block's own cell names it before any cell further left
  // ("LOCATION OF SERVICE: | 2489 Canal Hwy… | REMIT/BILLING ADDRESS: 23391 Pearl Lane"): the
  // record's columns ran together, the label still leads its own value
  const first = cell?.toks[0];
  if (cell && first) {
    const own = (doc.hitsBySeg.get(cell.seg.id) ?? [])
      .filter((h) => ADDRESS_FIELDS.has(h.field) && h.end > 0 && cell.seg.toks[h.end - 1]!.x1 <= first.x0 + 1)
      .sort((a, b) => b.end - a.end)[0];
    if (own) return { concept: conceptOfHit(own), hit: own };
  }
  const fromSeg = (seg: Seg): { concept: AddressConcept; hit: Hit | null } | null => {
    // of two labels in one segment ("BILLING ADDRESS  INSTALLATION ADDRESS:"), the one nearest the block's left edge
    const addrHit = (doc.hitsBySeg.get(seg.id) ?? [])
      .filter((h) => ADDRESS_FIELDS.has(h.field))
      .sort((a, b) => Math.abs(a.x0 - x0) - Math.abs(b.x0 - x0))[0];
    if (addrHit) return { concept: conceptOfHit(addrHit), hit: addrHit };
    const t = headingText(seg);
    const c = t ? conceptOfText(t) : 'unknown';
    return c === 'unknown' ? null : { concept: c, hit: null };
  };
  // left of the first line, in the same line: a tag or a label-left cell
  const left = top.segs.filter((s) => s.x1 <= x0 + 1).sort((a, b) => b.x0 - a.x0);
  for (const s of left) {
    const named = fromSeg(s);
    if (named) return named;
    // the value's own label ("Address Line 1:" before "3475 Pine Valley Way"): a heading further left
    // ("Location of Service:") heads the cells in its own column, not this one
    if (wholeLabelCell(doc, s)) break;
  }
  // the first line's own segment may start with the label ("Service Address: 120 Harbor Dr" is read elsewhere)
  for (const s of top.segs.filter((s) => s.x0 <= x0 + 1 && s.x1 >= x0)) {
    const named = fromSeg(s);
    if (named && named.hit && named.hit.start === 0) return named;
  }
  // under the first line, on a form captioned under its values: its caption ("1576 BROADWAY WAY" over
  // "Billing address (only if different)" in tiny print), before any heading further up
  if (captionsUnderValues(doc, top.id + 1)) {
    const under = doc.lines[top.id + 1]!.segs.find((s) => Math.abs(s.x0 - x0) <= Math.max(4, 0.6 * top.h));
    const named =
      under && (doc.hitsBySeg.get(under.id) ?? []).some((h) => ADDRESS_FIELDS.has(h.field) && h.start === 0)
        ? fromSeg(under)
        : null;
    if (named) return named;
  }
  // above, in the block's column: stop at a line that holds another value over the block
  // (a sentence ending in a colon leads into what follows it: over label rows of other facts — "Here is the
  // info from our bill:" over "Account Nbr: 4929…" — it introduces those rows, not this block)
  let rowsBetween = false;
  for (let id = top.id - 1, n = 0; id >= 0 && n < 4; id--, n++) {
    const l = doc.lines[id]!;
    if (l.page !== top.page || top.top - l.bottom > 60) break;
    const over = l.segs.filter((s) => s.x0 < x1 + 4 && s.x1 > x0 - 120);
    let blocked = false;
    for (const s of over.sort((a, b) => Math.abs(a.x0 - x0) - Math.abs(b.x0 - x0))) {
      const named = fromSeg(s);
      if (named && !(rowsBetween && !named.hit && leadInSentence(s))) return named;
      const leadIn = rowsBetween ? 'unknown' : leadInConcept(doc, l, s);
      if (leadIn !== 'unknown') return { concept: leadIn, hit: null };
      if (s.x1 > x0 - 4 && !hitAt(doc, s.toks[0]!) && /\d/.test(segText(s.toks))) blocked = true;
    }
    if (blocked) break;
    if (over.some((s) => hitAt(doc, s.toks[0]!)?.start === 0 && /\d/.test(segText(s.toks)))) rowsBetween = true;
  }
  return { concept: 'unknown', hit: null };
}

/**
 * A sentence ending in a colon over a block names it by its last clause ("… for the period May 1 to 31,
 * for service at:", "Service is provided at the following location:", "Please send payments to:"), its
 * words maybe wrapped from the lines above at the same left edge; a long clause says nothing.
 */
/** A sentence of five words or more ending in a colon: it leads into what follows ("Here is the info from our bill:"). */
function leadInSentence(seg: Seg): boolean {
  return seg.toks.length >= 5 && /:$/.test(seg.toks[seg.toks.length - 1]!.text);
}

function leadInConcept(doc: DocLayout, line: Line, seg: Seg): AddressConcept {
  if (!/:$/.test(seg.toks[seg.toks.length - 1]!.text)) return 'unknown';
  const parts = [segText(seg.toks)];
  for (let id = line.id - 1; id >= 0 && id >= line.id - 3; id--) {
    const l = doc.lines[id]!;
    const s = l.page === line.page ? l.segs.find((x) => Math.abs(x.x0 - seg.x0) <= 4) : undefined;
    if (!s) break;
    parts.unshift(segText(s.toks));
  }
  const clause = parts
    .join(' ')
    .split(/[.;!?)]\s+|,\s+/)
    .at(-1)!;
  return clause.split(/\s+/).length <= 10 ? conceptInSentence(clause) : 'unknown';
}

// --- line blocks ---

/** Street-over-city blocks in one column: from each city/state/ZIP segment upwards through segments starting at its x. */
/** A cheap test before reading a city/state/ZIP line: a run of three digits somewhere (a ZIP, maybe OCR-split). */
function mayHoldZip(toks: Tok[]): boolean {
  // (or a ZIP-sized token mostly of digits, its others OCR lookalikes: "12B66")
  return toks.some((t) => /\d{3}/.test(t.text) || /^(?=(?:\D*\d){3})[0-9OoIlSBZ|]{5}$/.test(t.text));
}

function lineAddressBlocks(doc: DocLayout): AddressBlock[] {
  const out: AddressBlock[] = [];
  for (const line of doc.lines) {
    for (const seg of line.segs) {
      // the city line may carry its part labels ("City: Tampa  State: FL  ZIP: 33602")
      if (!mayHoldZip(seg.toks)) continue;
      const v = valueToks(doc, seg);
      const own = cityStateZip(segText(v.all))?.zip5 ? v.all : v.toks;
      if (!own.length || !cityStateZip(segText(own))?.zip5) continue;
      const block: Tok[][] = [own];
      const above = [...segsAboveInColumn(doc, line, seg, 5)];
      for (const [k, s] of above.entries()) {
        // a street type alone under a house-number line is the street's end a narrow column wrapped
        // ("77 NORTHEAST UNION" / "STREET"), though it reads like a street caption
        const streetEnd =
          s.toks.length === 1 &&
          STREET_SUFFIXES.has(s.toks[0]!.text.toUpperCase().replace(/[.,]/g, '')) &&
          /^\d+[A-Za-z]?\s+[A-Za-z]/.test(segText(above[k + 1]?.toks ?? []));
        // a label starting the segment ends the block (its own reading is the labelled one)
        if (hitAt(doc, s.toks[0]!) && !/^\d/.test(s.toks[0]!.text) && !streetEnd) break;
        const value = streetEnd ? s.toks : valueToks(doc, s).toks;
        // an empty cell, or the end of the address above this one
        if (!value.length || (mayHoldZip(value) && cityStateZip(segText(value))?.zip5)) break;
        block.unshift(value);
      }
      // a label-left row whose value wraps under itself ("Address: 1859 Church Place" over "Rancho Cucamonga, CA
      // 91737"): the street after the caption starts where the city line does, the caption further left — a
      // caption of no address concept (a bare "Address") has no labelled reading of its own to take it
      if (block.length === 1) {
        const street = wrappedValueAbove(doc, line, own[0]!);
        if (street) block.unshift(street);
      }
      const byLines = readAddress(block, { maxLines: block.length });
      // a narrow cell wraps a one-line address anywhere ("62 Hill Pl., Ste" / "1548, Bismarck," / "ND 58504")
      // (a reading ending above the last line is another block's: "HILO HI 96721" over a BA record)
      if (byLines && byLines.lastLine !== block.length - 1) continue;
      const r =
        byLines && isStreetish(byLines.value.street_line) ? byLines : betterReading(byLines, oneLineReading(block));
      if (!r || !r.value.street_line) continue;
      const first = r.toks[0]!;
      const top = doc.lines[first.line]!;
      const x1 = Math.max(...r.toks.map((t) => t.x1));
      out.push({ ...fromReading(r), ...nameBlock(doc, top, seg.x0, x1), shape: 'lines', page: line.page });
    }
  }
  return out;
}

/**
 * The street right above a city line in a label-left row: the line above's cell opens with a street's or
 * service address's caption and its value after it starts at the city line's left edge with a house number.
 */
function wrappedValueAbove(doc: DocLayout, line: Line, cityStart: Tok): Tok[] | null {
  const prev = doc.lines[line.id - 1];
  if (!prev || prev.page !== line.page || line.top - prev.bottom > Math.max(1.6 * prev.h, 6)) return null;
  const near = Math.max(4, 0.8 * prev.h);
  const s = prev.segs.find((x) => x.x0 < cityStart.x0 - near && x.x1 > cityStart.x0);
  // (a street's caption or a service address's: a caption of another thing over a street is another address's)
  const caption = s ? hitAt(doc, s.toks[0]!) : undefined;
  if (!s || (caption?.field !== 'addr_street' && caption?.field !== 'service_address')) return null;
  const v = valueToks(doc, s).toks;
  const first = v[0];
  if (!first || Math.abs(first.x0 - cityStart.x0) > near || !/^\d/.test(first.text)) return null;
  return cityStateZip(segText(v))?.zip5 ? null : v;
}

/**
 * A block read as the one line it was before a narrow cell wrapped it: the fewest last lines that
 * give a street with a house number and a word (name lines above it stay out).
 */
function oneLineReading(block: Tok[][]): AddrResult | null {
  for (let k = block.length - 2; k >= 0; k--) {
    const r = readAddress([block.slice(k).flat()]);
    if (r?.value.city && isStreetish(r.value.street_line)) return r;
  }
  return null;
}

function fromReading(r: AddrResult): Omit<AddressBlock, 'concept' | 'hit' | 'shape' | 'page'> {
  return {
    value: r.value,
    toks: r.toks,
    quality: r.quality,
    check: r.check,
    nameLines: r.nameLines,
    poBox: r.poBox,
  };
}

// --- cell blocks ---

interface Cell {
  seg: Seg;
  /** the value's tokens (a label at the start of the segment dropped) */
  toks: Tok[];
  text: string;
  /** the label in front of the value in its own segment ("City:"), or '' */
  label: string;
  line: Line;
}

/**
 * A segment's value: after a leading label ("ZIP Code 33602", "City: Tampa", "Premises Address 12
 * Main St") and up to the next label inside it (a neighbour column's "Town/ City:" set close);
 * `all` runs to the segment's end.
 */
export function valueToks(doc: DocLayout, seg: Seg): { toks: Tok[]; all: Tok[]; from: number } {
  let from = 0;
  const hits = (doc.hitsBySeg.get(seg.id) ?? []).slice().sort((a, b) => a.start - b.start);
  // (a caption after its item number opens the cell too: "2. Location Address: 16618 Industrial Drive")
  for (const h of hits) if (h.start <= from || (!from && opensCell(seg.toks, h.start))) from = Math.max(from, h.end);
  // an unlisted label ending with a colon at the start ("Lines are located at:")
  const colon = from ? -1 : seg.toks.findIndex((t) => /:$/.test(t.text));
  if (colon >= 0 && colon < 4 && !seg.toks.slice(0, colon + 1).some((t) => /\d/.test(t.text))) from = colon + 1;
  const next = hits.find((h) => h.start > from);
  return {
    toks: withoutCaptionTail(seg.toks.slice(from, next ? next.start : undefined)),
    all: seg.toks.slice(from),
    from,
  };
}

/**
 * A value without a neighbouring caption set so close after it that it joins the value's cell ("4149
 * Pine Valley Cir, Suite 1427, Where bills are" beside the caption "Where bills are mailed"): the two to
 * five words after the value's last comma that have no digit and name an address concept of their own are that
 * caption — the street would end in them. (An address's own pieces after a comma, a unit, a city or a
 * state, are never made of caption words.)
 */
export function withoutCaptionTail(toks: Tok[]): Tok[] {
  const comma = toks.findLastIndex((t, i) => i < toks.length - 1 && /,$/.test(t.text));
  if (comma < 0) return toks;
  const tail = segText(toks.slice(comma + 1));
  // (two words at least: a city alone may hold a concept's word, "Billings")
  const words = toks.length - comma - 1;
  if (/\d/.test(tail) || words < 2 || words > 5 || conceptOfText(tail) === 'unknown') return toks;
  return toks.slice(0, comma + 1);
}

function cellOf(doc: DocLayout, seg: Seg, line: Line): Cell | null {
  return cellsOf(doc, seg, line)[0] ?? null;
}

/**
 * A segment's value as cells: one, or several where OCR read a table's rule as "|" between two
 * cells it joined ("8511 East Harbor Avenue | Spokane").
 */
function cellsOf(doc: DocLayout, seg: Seg, line: Line): Cell[] {
  const { toks, from } = valueToks(doc, seg);
  const label = segText(seg.toks.slice(0, from));
  const pieces: Tok[][] = [[]];
  for (const [i, t] of toks.entries()) {
    if (/^[|]+$/.test(t.text)) pieces.push([]);
    // a ZIP is five digits or five and four: a number run on after it by a word space ("07306-5717
    // 201.989.8481", the row's telephone number set close) is the next column's value
    else if (i > 0 && ZIP_WORD.test(toks[i - 1]!.text) && (t.text.match(/\d/g) ?? []).length >= 7) pieces.push([t]);
    else pieces.at(-1)!.push(t);
  }
  return pieces
    .filter((p) => p.length)
    .map((p, i) => ({
      seg: pieces.length > 1 ? { ...seg, toks: p, x0: p[0]!.x0, x1: p.at(-1)!.x1 } : seg,
      toks: p,
      text: segText(p).replace(/[,;]$/, ''),
      label: i === 0 ? label : '',
      line,
    }));
}

function zipOf(text: string): { zip5: string; zip4: string } | null {
  const m = ZIP_WORD_LOOSE.exec(digitFixToken(text.replace(/\s+/g, '')));
  return m ? { zip5: m[1]!, zip4: m[2] ?? '' } : null;
}

function stateOf(text: string): string | null {
  return STATE_BY_FORM.get(text.toUpperCase().replace(/[.,]/g, '').trim()) ?? null;
}

/** Horizontal gap from a cell to the stretch of an anchor's row from the previous anchor on that row to the anchor. */
function rowGap(c: Cell, z: Cell, anchors: Cell[]): number {
  const before = anchors.filter((a) => a.line === z.line && a.seg.x1 <= z.seg.x0).map((a) => a.seg.x1);
  const from = before.length ? Math.max(...before) : -Infinity;
  if (c.seg.x1 <= from) return from - c.seg.x1;
  return Math.max(0, c.seg.x0 - z.seg.x1);
}

/** Distance from a cell to the address ending at an anchor: vertical, plus half the gap to the anchor's row stretch. */
function toAnchor(c: Cell, z: Cell, anchors: Cell[]): number {
  return Math.abs(c.line.cy - z.line.cy) + 0.5 * rowGap(c, z, anchors);
}

/** Distance from a cell to an anchor cell below or beside it (points; horizontal gaps count half). */
function distance(a: Cell, b: Cell): number {
  const dy = Math.abs(a.line.cy - b.line.cy);
  const dx = Math.max(0, a.seg.x0 - b.seg.x1, b.seg.x0 - a.seg.x1);
  return dy + 0.5 * dx;
}

const UNIT_LABEL_WORDS = new Set([...UNIT_DESIGNATORS.keys()].filter((k) => k.length >= 2));

/** A short value under or beside a unit label ("Ste/Rm" over "2B"): the unit, with the designator when the label gives one. */
function unitValue(cell: Cell, labelAbove: string): string | null {
  if (isUnitOnly(cell.text)) return cell.text;
  if (!/^#?[A-Za-z0-9-]{1,6}$/.test(cell.text) || !/\d/.test(cell.text)) return null;
  // a designator alone in front of the number is the unit's own ("SUITE 1421" on its line under the street)
  const own = cell.label.trim().replace(/[.:]+$/, '');
  if (isUnitOnly(`${own} ${cell.text}`)) return `${own} ${cell.text}`;
  const words = `${cell.label} ${labelAbove}`.toUpperCase().split(/[^A-Z#]+/);
  return words.some((w) => UNIT_LABEL_WORDS.has(w)) ? cell.text : null;
}

/** Segments of the lines from `fromLine` up to `toLine` on one page, as cells. */
function cellsBetween(doc: DocLayout, page: number, fromLine: number, toLine: number): Cell[] {
  const out: Cell[] = [];
  for (let id = Math.max(0, fromLine); id <= toLine && id < doc.lines.length; id++) {
    const line = doc.lines[id]!;
    if (line.page !== page) continue;
    for (const seg of line.segs) out.push(...cellsOf(doc, seg, line));
  }
  return out;
}

/** The cell directly above `c` in its column (a label-above grid's label), as text. */
function textAbove(doc: DocLayout, c: Cell): string {
  const l = doc.lines[c.line.id - 1];
  if (!l || l.page !== c.line.page || c.line.top - l.bottom > 2 * c.line.h) return '';
  const s = l.segs.find((x) => x.x0 < c.seg.x1 && x.x1 > c.seg.x0);
  return s ? segText(s.toks) : '';
}

/**
 * Addresses in separate cells, each anchored on a ZIP cell (or a "Tampa, FL 33602" cell): the state
 * and city cells nearest to it that the ZIP database puts together (the ZIP's own city, or a known
 * city of the state), the street cell nearest above or left of the city, a unit cell between them.
 * A cell goes to its nearest ZIP below or beside it, so two addresses side by side or one above the
 * other are not mixed.
 */
function cellAddressBlocks(doc: DocLayout): AddressBlock[] {
  const anchors: Anchor[] = [];
  for (const line of doc.lines)
    for (const seg of line.segs)
      for (const c of cellsOf(doc, seg, line)) {
        const a = anchorOf(c);
        if (a) anchors.push(a);
      }
  const out: AddressBlock[] = [];
  // (a form's house-number box beside its street-name box may hold five digits: a house number, not a ZIP)
  const zips = anchors.filter((a) => a.city || !streetNameAfter(doc, a.cell));
  const cells = zips.map((a) => a.cell);
  for (const a of zips) {
    const r = cellAddressAt(doc, a, cells);
    if (r) out.push(r);
  }
  return out;
}

interface Anchor {
  cell: Cell;
  zip5: string;
  zip4: string;
  /** city and state printed in the anchor cell itself ("Tampa, FL 33602") */
  city?: string;
  state?: string;
}

/** A ZIP cell, or a city/state/ZIP cell whose city the database knows in that state. */
function anchorOf(c: Cell): Anchor | null {
  const zip = zipOf(c.text);
  if (zip) return { cell: c, ...zip };
  // (OCR may part the ZIP in two, "SIOUX FALLS SD 5 7194": cityStateZip joins it)
  if (!/\d(?: ?\d){4}(?:-\d{4})?$/.test(c.text)) return null;
  const csz = cityStateZip(c.text);
  if (!csz?.zip5 || !csz.cityPart || /\d|,/.test(csz.cityPart)) return null;
  // (a known city, or the ZIP's own with a word space OCR lost: "SIOUXFALLS SD 57194")
  if (!isKnownCity(csz.cityPart, csz.state) && !isZipCityRunTogether(csz.cityPart, csz.zip5, csz.state)) return null;
  return { cell: c, zip5: csz.zip5, zip4: csz.zip4, city: csz.cityPart, state: csz.state };
}

interface CityState {
  city: string;
  state: string;
  cityCell: Cell;
  stateCell: Cell | undefined;
}

const nearestTo = (cs: Cell[], to: Cell) => cs.sort((a, b) => distance(a, to) - distance(b, to))[0];

/** The city and state cells of the address ending at ZIP cell `z` (or the anchor's own). */
function cityAndState(doc: DocLayout, a: Anchor, cells: Cell[]): CityState | null {
  const z = a.cell;
  if (a.city && a.state) return { city: a.city, state: a.state, cityCell: z, stateCell: z };
  const place = zipPlace(a.zip5);
  // the state: its own cell, or with the city ("Tampa, FL")
  const states = cells.filter((c) => stateOf(c.text));
  const stateCell =
    nearestTo(
      states.filter((c) => stateOf(c.text) === place?.state),
      z,
    ) ?? nearestTo(states, z);
  const state = stateCell ? stateOf(stateCell.text)! : '';
  const cityFits = (text: string, st: string) =>
    /^[A-Za-z][A-Za-z .'-]{1,40}$/.test(text) &&
    text.split(/\s+/).length <= 4 &&
    ((place && place.state === st && cityKey(place.city) === cityKey(text)) || isKnownCity(text, st));
  // a city cell may wrap onto the next line ("Kansas" / "City")
  const cityCands = cells
    .filter((c) => c !== stateCell && !hitAt(doc, c.toks[0]!))
    .map((c) => {
      // (the wrapped word may be a label word: "City"; the database must know the whole city)
      const wrap = wrapOf(doc, c, new Set([z, stateCell]), true);
      const joined = `${c.text} ${segText(wrap)}`;
      // (a city's first word may name a place too, "Cedar" / "Rapids", "Walnut" / "Creek": the whole city, when
      // that is one, is what the cell holds)
      const st = state || place?.state || '';
      return wrap.length && (!cityFits(c.text, st) || cityFits(joined, st))
        ? { ...c, toks: [...c.toks, ...wrap], text: joined }
        : c;
    });
  const cityCell = nearestTo(
    cityCands.filter((c) => cityFits(c.text, state || place?.state || '')),
    stateCell ?? z,
  );
  if (cityCell) return { city: cityCell.text, state: state || place?.state || '', cityCell, stateCell };
  // "Tampa, FL" in one cell
  for (const c of cityCands.sort((x, y) => distance(x, z) - distance(y, z))) {
    const csz = cityStateZip(`${c.text} ${a.zip5}`);
    if (csz?.cityPart && cityFits(csz.cityPart, csz.state))
      return { city: csz.cityPart, state: csz.state, cityCell: c, stateCell: c };
  }
  return null;
}

const HOUSE_NUMBER = /^\d{1,6}[A-Za-z]?(?:-\d{1,4})?$/;

/** Caption words of a house-number box ("House No.", "Street #", "Number", "Bldg Nbr"). */
const HOUSE_CAPTION = /^(?:house|street|bldg|building|no|nbr|num|number|#)\b/i;

/** The text of the line next to `c` in its column, above (-1) or below (+1), close as a box's caption is. */
function captionBeside(doc: DocLayout, c: Cell, dir: -1 | 1): string {
  const l = doc.lines[c.line.id + dir];
  if (!l || l.page !== c.line.page || Math.abs(l.cy - c.line.cy) > 2.5 * Math.max(l.h, c.line.h)) return '';
  const s = l.segs.find((x) => x.x0 < c.seg.x1 && x.x1 > c.seg.x0);
  return s ? segText(s.toks) : '';
}

/**
 * The street-name cell right of a house-number cell on its row, on a form that boxes the address part by
 * part ("29364" | "Union Rd." | "Unit 38", each box captioned above or below): the next cell on the line,
 * words with no digit at their start but an ordinal ("21st Cir"), ending in a street type after any unit,
 * or any name when the number's own caption names a number ("House No.", "Street #"). Null for any other cell.
 */
function streetNameAfter(doc: DocLayout, c: Cell): Cell | null {
  if (!HOUSE_NUMBER.test(c.text)) return null;
  const next = c.line.segs
    .filter((s) => s.x0 >= c.seg.x1)
    .sort((a, b) => a.x0 - b.x0)
    .map((s) => cellOf(doc, s, c.line))[0];
  if (!next || next.label || !/^(?:\d+(?:st|nd|rd|th)\b|[A-Za-z])/i.test(next.text) || isUnitOnly(next.text))
    return null;
  if (stateOf(next.text) || zipOf(next.text) || cityStateZip(next.text)?.zip5 || isDateText(`${c.text} ${next.text}`))
    return null;
  const words = splitUnit(next.text).street.split(/\s+/);
  if (words.length > 6 || words.some((w) => /\d/.test(w) && !/^\d+(?:st|nd|rd|th)$/i.test(w))) return null;
  const suffix = STREET_SUFFIXES.has(words.at(-1)!.toUpperCase().replace(/[.,]/g, ''));
  const captioned = [captionBeside(doc, c, 1), captionBeside(doc, c, -1), c.label].some((t) =>
    HOUSE_CAPTION.test(t.replace(/^[(\s]+/, '')),
  );
  return suffix || captioned ? next : null;
}

/** A house-number cell and the street-name cell after it, as one street cell. */
function houseAndStreet(house: Cell, name: Cell): Cell {
  const toks = [...house.toks, ...name.toks];
  return {
    seg: { ...house.seg, toks, x1: name.seg.x1 },
    toks,
    text: `${house.text} ${name.text}`,
    label: house.label,
    line: house.line,
  };
}

/** The street cell nearest above or left of the city (wrapped onto a second line maybe), and a unit cell. */
function streetAndUnit(
  doc: DocLayout,
  cells: Cell[],
  used: Set<Cell | undefined>,
  cs: CityState,
): { street: string; unit: string; toks: Tok[]; streetCell: Cell } | null {
  const top = Math.min(cs.cityCell.line.cy, cs.stateCell?.line.cy ?? Infinity);
  // a house number boxed apart from its street name is read with it
  const parts = new Map<Cell, Cell[]>();
  for (const c of cells) {
    const name = used.has(c) ? null : streetNameAfter(doc, c);
    const nameCell = name && cells.find((x) => x.seg.id === name.seg.id && !used.has(x));
    if (nameCell) parts.set(houseAndStreet(c, nameCell), [c, nameCell]);
  }
  const streets = [...parts.keys(), ...cells.filter((c) => ![...parts.values()].some((p) => p.includes(c)))].filter(
    (c) =>
      !used.has(c) &&
      c.line.cy <= top + 2 &&
      top - c.line.cy < 90 &&
      (Math.abs(c.line.cy - top) > 2 || c.seg.x1 <= cs.cityCell.seg.x0) &&
      // (a date in a neighbouring cell, "23 Mar 2023", reads like a house number and a word)
      ((/^\d+[A-Za-z]?(?:-\d+)?\s+\S*[A-Za-z]/.test(c.text) && !isDateText(c.text)) ||
        (/^[PB]/i.test(c.text) && isPoBox(c.text))) &&
      // a whole address in one cell is another address, not this one's street
      !cityStateZip(c.text)?.zip5 &&
      !cityLineUnder(doc, c) &&
      !endsWithCityAndState(c.text),
  );
  const streetCell = nearestTo(streets, cs.cityCell);
  if (!streetCell) return null;
  used.add(streetCell);
  for (const p of parts.get(streetCell) ?? []) used.add(p);
  // a narrow cell may wrap a street over three lines ("9064 E" / "Broadway" / "Pkwy.")
  const wrap1 = wrapOf(doc, streetCell, used);
  const below = wrap1.length ? cellOf(doc, doc.segs[wrap1[0]!.seg]!, doc.lines[wrap1[0]!.line]!) : null;
  const lastWord = (wrap1.at(-1)?.text ?? '').toUpperCase().replace(/[.,]/g, '');
  // (a wrapped line that ended with the unit ends the street)
  const wrap2 = below && !STREET_SUFFIXES.has(lastWord) && !/\d/.test(segText(wrap1)) ? wrapOf(doc, below, used) : [];
  const streetToks = [...streetCell.toks, ...wrap1, ...wrap2];
  const su = splitUnit(segText(streetToks));
  if (su.unit) return { street: su.street, unit: su.unit, toks: streetToks, streetCell };
  const units = cells
    .filter((c) => !used.has(c) && c.line.cy >= streetCell.line.cy - 2 && c.line.cy <= cs.cityCell.line.cy + 2)
    .map((c) => ({ c, v: unitValue(c, textAbove(doc, c)) }))
    .filter((u) => u.v);
  // (a row's cells may wrap: a designator alone in its cell, its number on the line under it — "APT" /
  // "374" beside "69 COMMERCE" / "ST" — is the unit, read from both lines)
  if (!units.length) {
    const under = doc.lines[streetCell.line.id + 1];
    const wrapped = (
      under && under.page === streetCell.line.page ? cellsBetween(doc, under.page, under.id, under.id) : []
    )
      .filter((c) => c.seg.x0 > streetCell.seg.x1 && c.seg.x1 < cs.cityCell.seg.x0 + 1)
      .map((c) => ({ c, v: wrappedUnit(doc, c) }))
      .filter((u) => u.v);
    units.push(...wrapped);
  }
  const u = units.sort((a, b) => distance(a.c, streetCell) - distance(b.c, streetCell))[0];
  return { street: su.street, unit: u?.v ?? '', toks: [...streetToks, ...(u?.c.toks ?? [])], streetCell };
}

/**
 * A cell whose line already ends with its own city and state ("2489 Canal Highway, Juneau, AK", its ZIP
 * on the line under it): a whole address, never the street of another address's city line.
 */
function endsWithCityAndState(t: string): boolean {
  const m = /,\s*[A-Za-z][A-Za-z .'-]+,\s*([A-Za-z]{2})\.?$/.exec(t.trim());
  return !!m && STATE_BY_FORM.has(m[1]!.toUpperCase());
}

/**
 * The line under a cell in its column is a city/state/ZIP line ("8542 Church Ter, FL 14, Saratoga" /
 * "Springs, NY 12866-7058" beside a label): the cell opens a whole address written in lines, so it is
 * that address's street, never the street of part cells beside it (another address's, with no label
 * of its own).
 */
function cityLineUnder(doc: DocLayout, c: Cell): boolean {
  const l = doc.lines[c.line.id + 1];
  if (!l || l.page !== c.line.page || l.top - c.line.bottom > 0.8 * Math.max(l.h, c.line.h)) return false;
  // (the cell's value may follow its label in one segment: the wrapped line starts under the value)
  const x0 = c.toks[0]?.x0 ?? c.seg.x0;
  const s = l.segs.find((x) => Math.abs(x.x0 - x0) <= Math.max(3, 0.35 * l.h));
  return !!s && !!cityStateZip(segText(s.toks))?.zip5;
}

function cellAddressAt(doc: DocLayout, a: Anchor, anchors: Cell[]): AddressBlock | null {
  const z = a.cell;
  // a cell belongs to the nearest ZIP at or below it, measured to the stretch of the ZIP's row that
  // leads up to it (a row "City | State | ZIP | City | State | ZIP" holds two addresses)
  const mine = (c: Cell) =>
    c.line.cy <= z.line.cy + 2 &&
    (Math.abs(c.line.cy - z.line.cy) > 2 || rowGap(c, z, anchors) === 0) &&
    !anchors.some(
      (o) =>
        o !== z &&
        o.line.page === c.line.page &&
        o.line.cy >= c.line.cy - 2 &&
        toAnchor(c, o, anchors) < toAnchor(c, z, anchors),
    );
  const cells = cellsBetween(doc, z.line.page, z.line.id - 10, z.line.id + 1).filter(
    (c) => c.toks[0] !== z.toks[0] && mine(c) && z.line.cy - c.line.cy < 130,
  );
  const cs = cityAndState(doc, a, cells);
  if (!cs) return null;
  const st = streetAndUnit(doc, cells, new Set([z, cs.cityCell, cs.stateCell]), cs);
  if (!st) return null;
  let value: ServiceAddress = {
    street_line: st.street,
    unit: st.unit,
    city: cs.city,
    state: cs.state,
    zip5: a.zip5,
    zip4: a.zip4,
  };
  const check = checkAddress(value);
  value = withCitySpelling(value, check);
  const toks = [...new Set([...st.toks, ...cs.cityCell.toks, ...(cs.stateCell?.toks ?? []), ...z.toks])];
  const quality = (/^\d/.test(st.street) ? 0.95 : 0.75) * (cs.stateCell ? 1 : 0.9) * check.factor;
  return {
    value,
    toks,
    quality,
    check,
    // named by the label over or before its street cell (the city cell may sit in another column)
    ...nameBlock(doc, st.streetCell.line, st.streetCell.seg.x0, st.streetCell.seg.x1, st.streetCell),
    shape: 'cells',
    nameLines: [],
    poBox: isPoBox(st.street),
    page: z.line.page,
  };
}

/**
 * The line a cell wraps onto in its column ("4325 Kings" / "Highway Drive", "Kansas" / "City"):
 * a few words without digits, starting where the cell starts, in the same size, set as close as
 * lines of one cell are — not a label (unless the caller checks the whole value), not another part.
 */
/**
 * A unit number alone in its cell under a designator alone at its left edge, as close as lines of one
 * cell are ("APT" / "374", "STE" / "1999"): the designator's cell wrapped its number. The unit, or null.
 */
function wrappedUnit(doc: DocLayout, c: Cell): string | null {
  if (!/^#?[A-Z]?\d{1,5}[A-Z]?$/i.test(c.text)) return null;
  const l = doc.lines[c.line.id - 1];
  if (!l || l.page !== c.line.page || c.line.top - l.bottom > 0.8 * Math.max(l.h, c.line.h)) return null;
  const over = l.segs.find((x) => Math.abs(x.x0 - c.seg.x0) <= Math.max(3, 0.35 * l.h));
  const designator = over ? segText(over.toks).replace(/[.,:]$/, '') : '';
  return over && over.toks.length === 1 && UNIT_DESIGNATORS.has(designator.toUpperCase())
    ? `${designator} ${c.text}`
    : null;
}

function wrapOf(doc: DocLayout, cell: Cell, used: Set<Cell | undefined>, labelWordOk = false): Tok[] {
  const l = doc.lines[cell.line.id + 1];
  if (!l || l.page !== cell.line.page || l.top - cell.line.bottom > 0.8 * Math.max(l.h, cell.line.h)) return [];
  if (Math.max(l.h, cell.line.h) > 1.25 * Math.min(l.h, cell.line.h)) return [];
  const s = l.segs.find((x) => Math.abs(x.x0 - cell.seg.x0) <= Math.max(3, 0.35 * l.h));
  if (!s) return [];
  const t = segText(s.toks);
  // a narrow column wraps a street before its last words, the unit after them on the same line
  // ("8453 East Pearl" / "Street Ste 106", "120 N Lake Shore" / "Dr, Suite 4B"): the street's end and its
  // unit, though a street type alone reads like a caption ("Street")
  const su = /\d/.test(t) && /^\d/.test(cell.text) ? splitUnit(t) : null;
  const streetEndAndUnit =
    !!su?.unit && /\p{L}{2}/u.test(su.street) && !/\d/.test(su.street) && su.street.split(/\s+/).length <= 3;
  // (so is a street type alone under a house-number cell that has none: "69 COMMERCE" / "ST", though "ST" reads
  // as a state's caption)
  const streetType =
    s.toks.length === 1 &&
    /^\d/.test(cell.text) &&
    STREET_SUFFIXES.has(t.toUpperCase().replace(/[.,]/g, '')) &&
    !STREET_SUFFIXES.has((cell.toks.at(-1)?.text ?? '').toUpperCase().replace(/[.,]/g, ''));
  if (
    (hitAt(doc, s.toks[0]!) && !labelWordOk && !streetEndAndUnit && !streetType) ||
    [...used].some((c) => c?.seg === s)
  )
    return [];
  if (streetEndAndUnit) return s.toks;
  // a street cell ending in a unit word wraps its unit's number ("3 North Lincoln Way, Unit" / "367")
  const last = (cell.toks.at(-1)?.text ?? '').toUpperCase().replace(/[.,]/g, '');
  if (s.toks.length === 1 && UNIT_DESIGNATORS.has(last) && /^#?[A-Z]?\d{1,5}[A-Z]?$/i.test(t)) return s.toks;
  if (s.toks.length > 3) return [];
  // (a dash alone marks the next row's empty part, "Unit | -": no word of this cell)
  if (/\d|:$/.test(t) || !/\p{L}/u.test(t)) return [];
  return s.toks;
}
