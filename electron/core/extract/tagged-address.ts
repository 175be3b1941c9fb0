import type { ServiceAddress } from '../../../shared/domain/document.js';
import { DIRECTIONALS, STREET_SUFFIXES, UNIT_DESIGNATORS } from '../../../shared/normalize/usps.js';
import { normalizeState } from '../../../shared/normalize/address.js';
import { checkAddress, isUnitOnly, withCitySpelling } from './address.js';
import { conceptOfText } from './address-blocks.js';
import { type AddrCand, zipCheckOf } from './candidate.js';
import { type DocLayout, type Line, type Tok, usualWordSpace, widerThanWordSpace } from './layout.js';

/**
 * An address written in PARTS, each part under a short tag of its own — an ordering system's record
 * (LSR / LSOG style: "SANO 4062  SASD N  SASN MAPLE  SATH AVE  LD1 STE  LV1 120" over "CITY …  STATE …
 * ZIP …"), or the same parts captioned in words ("Svc Addr No: 4062" … "Thoroughfare: AVE"), or a row of
 * tags with each value printed under its tag. Read by the grammar of such tags, not by a list of them: a
 * tag is a word or a few whose pieces each abbreviate a noun of an address's parts (its first letter, then
 * later letters of the noun in order), run together as initials or written apart — an optional "whose
 * address" qualifier first (service, address: "SA", "Svc Addr"), then the part: house NUMBER, street
 * DIRECTIONAL or prefix, street NAME, THOROUGHFARE / type / suffix, LOCATION DESIGNATOR and its VALUE (a
 * unit), CITY, STATE, ZIP. The value must have its part's shape; the parts on neighbouring lines are put
 * together in the order a street line is written. A bill's parts (a qualifier or a heading saying so) are
 * not the service's. Complements screen-address.ts (a terminal screen's "PROMPT: value" rows), which needs
 * a colon and a screen; this reads tags without one, and labels above their values.
 */

type Part = 'house' | 'dir' | 'name' | 'suffix' | 'postdir' | 'desig' | 'unitval' | 'city' | 'state' | 'zip';

/** Nouns of an address's parts and the group each belongs to ('q' qualifies whose address; 'code' is filler). */
const NOUNS: readonly [string, string][] = [
  ['service', 'q'],
  ['address', 'q'],
  ['house', 'house'],
  ['number', 'number'],
  ['street', 'street'],
  ['directional', 'dir'],
  ['direction', 'dir'],
  ['prefix', 'prefix'],
  ['name', 'name'],
  ['thoroughfare', 'suffix'],
  ['type', 'suffix'],
  ['suffix', 'suffix'],
  ['location', 'location'],
  ['designator', 'desig'],
  ['value', 'value'],
  ['unit', 'unit'],
  ['city', 'city'],
  ['state', 'state'],
  ['zip', 'zip'],
  ['code', 'code'],
];

/** The noun groups a tag may spell after its qualifiers, and the part each names. */
const PHRASES = new Map<string, Part>([
  ['number', 'house'],
  ['house', 'house'],
  ['house number', 'house'],
  ['street number', 'house'],
  ['dir', 'dir'],
  ['prefix', 'dir'],
  ['street dir', 'dir'],
  ['prefix dir', 'dir'],
  ['street', 'name'],
  ['street name', 'name'],
  ['suffix', 'suffix'],
  ['street suffix', 'suffix'],
  ['suffix dir', 'postdir'],
  ['location desig', 'desig'],
  ['unit desig', 'desig'],
  ['desig', 'desig'],
  ['location value', 'unitval'],
  ['unit value', 'unitval'],
  ['unit number', 'unitval'],
  ['unit', 'unitval'],
  ['city', 'city'],
  ['state', 'state'],
  ['zip', 'zip'],
]);

/** Does `w` abbreviate `noun`: its first letter, then later letters of the noun in order ("THR" → thoroughfare)? */
function abbreviates(w: string, noun: string): boolean {
  if (!w || w[0] !== noun[0] || w.length > noun.length) return false;
  let j = 1;
  for (let i = 1; i < noun.length && j < w.length; i++) if (noun[i] === w[j]) j++;
  return j === w.length;
}

/** The noun groups one word may stand for: the word abbreviating a noun, or its letters run together as initials. */
function wordReadings(word: string): string[][] {
  const w = word.toLowerCase().replace(/[^a-z#]+/g, '');
  if (!w) return [];
  const single = (piece: string): string[] =>
    /^(?:no|#|nbr|num)$/.test(piece) ? ['number'] : NOUNS.filter(([n]) => abbreviates(piece, n)).map(([, g]) => g);
  const noun = NOUNS.filter(([n]) => n === w).map(([, g]) => [g]);
  const whole = noun.length ? noun : w.length >= 2 && w.length <= 8 ? single(w).map((g) => [g]) : [];
  if (NOUNS.some(([n]) => n === w)) return whole;
  const out = [...whole];
  // initials run together ("SASN": service address street name; "LD": location designator), a piece a noun
  if (w.length <= 5) {
    const split = (rest: string, acc: string[]) => {
      if (!rest) {
        // (a run-together qualifier is the pair "service address", SA: "SC" is no service city)
        const q = acc.filter((g) => g === 'q').length;
        if (acc.length >= 2 && (q === 0 || (q === 2 && acc[0] === 'q' && acc[1] === 'q' && acc.length > 2)))
          out.push(acc);
        return;
      }
      if (acc.length >= 4) return;
      for (let k = 1; k <= Math.min(2, rest.length); k++)
        for (const g of single(rest.slice(0, k))) split(rest.slice(k), [...acc, g]);
    };
    split(w, []);
  }
  return out;
}

/** The parts a tag's words may name (several where initials are ambiguous; the value's shape decides). */
export function tagParts(words: string[]): Part[] {
  if (!words.length || words.length > 4) return [];
  let seqs: string[][] = [[]];
  for (const word of words) {
    const rs = wordReadings(word);
    if (!rs.length) return [];
    seqs = seqs.flatMap((s) => rs.map((r) => [...s, ...r]));
    if (seqs.length > 256) return [];
  }
  const out = new Set<Part>();
  for (const s of seqs) {
    let k = 0;
    while (s[k] === 'q') k++;
    const rest = s.slice(k).filter((g, i, a) => !(g === 'code' && i === a.length - 1));
    const phrase = rest.join(' ');
    // a bare name or number names the street's only after a qualifier ("SASN", "Svc Addr No"; not "NAME:")
    const part =
      PHRASES.get(phrase) ?? (k > 0 && phrase === 'name' ? 'name' : k > 0 && phrase === 'number' ? 'house' : undefined);
    if (part && !(phrase === 'number' && k === 0 && words.length === 1 && /^(?:no|#)$/i.test(words[0]!))) out.add(part);
  }
  return [...out];
}

/** Which part a value fits, in this order of how particular the shape is. */
const SHAPE_ORDER: Part[] = ['house', 'zip', 'state', 'dir', 'postdir', 'suffix', 'desig', 'unitval', 'city', 'name'];

const bare = (v: string) => v.toUpperCase().replace(/[.,:;]+$/, '');

function fits(part: Part, value: string): boolean {
  const v = bare(value);
  switch (part) {
    case 'house':
      return /^\d{1,6}[A-Z]?(?:-\d+[A-Z]?)?$/.test(v);
    case 'dir':
    case 'postdir':
      return DIRECTIONALS.has(v);
    case 'suffix':
      return STREET_SUFFIXES.has(v);
    case 'desig':
      return UNIT_DESIGNATORS.has(v) && v !== 'NO' && v !== 'NUMBER';
    case 'unitval':
      return (/^#?[A-Z0-9]{1,6}(?:-[A-Z0-9]{1,4})?$/.test(v) && /\d/.test(v)) || isUnitOnly(value.trim());
    case 'name':
      return /^[A-Z0-9][A-Z0-9 .'&-]*$/.test(v) && /[A-Z]{2}/.test(v) && !/\d{5}/.test(v) && v.split(/\s+/).length <= 5;
    case 'city':
      return /^[A-Z][A-Z .'-]*$/.test(v) && v.split(/\s+/).length <= 4;
    case 'state':
      return /^[A-Z]{2}$/.test(v) && !!normalizeState(v);
    case 'zip':
      return /^\d{5}(?:-?\d{4})?$/.test(v);
  }
}

interface PartCell {
  part: Part;
  tag: Tok[];
  value: Tok[];
  text: string;
  billing: boolean;
}

const textOf = (toks: Tok[]) => toks.map((t) => t.text).join(' ');
const tagWords = (toks: Tok[]) => toks.map((t) => t.text.replace(/[.:]+$/, '')).filter((w) => /[A-Za-z#]/.test(w));

/** The part a tag and its value give, if the tag names one the value's shape fits. */
function partCell(tag: Tok[], value: Tok[]): PartCell | null {
  const text = textOf(value)
    .replace(/^[.:\s]+/, '')
    .trim();
  if (!text || !tag.length) return null;
  const parts = tagParts(tagWords(tag));
  // (a designator's cell may hold the whole unit: "Loc Desig: #31", "LD1 STE 120")
  if (parts.includes('desig') && !parts.includes('unitval')) parts.push('unitval');
  const part = SHAPE_ORDER.find((p) => parts.includes(p) && fits(p, text));
  if (!part) return null;
  return { part, tag, value, text: text.replace(/[.,;:]+$/, ''), billing: isBilling(tag) };
}

const isBilling = (tag: Tok[]) => {
  const c = conceptOfText(textOf(tag));
  return c === 'billing' || c === 'remit';
};

/** A word that may open a tag: capitals (a record's tags), or a caption's word ending with a colon. */
const TAGGISH = (t: Tok) => /^[A-Z][A-Z0-9#/&]{0,11}\.?:?$/.test(t.text) || /^[A-Za-z][A-Za-z.#]{0,11}:$/.test(t.text);

/**
 * A line's pairs: each segment (the layout's runs, set apart by wide gaps) opens with a tag of one to
 * three words and runs to its value, or to the next segment when it holds the tag alone; inside a segment
 * a later tag opens another pair where what follows it is a value of its part (so "CITY SALT LAKE CITY"
 * keeps its city whole: the second CITY has no value after it).
 */
function inlineCells(line: Line): PartCell[] {
  const out: PartCell[] = [];
  const segs = chunks(line);
  for (let s = 0; s < segs.length; s++) {
    const toks = segs[s]!.toks;
    let i = 0;
    while (i < toks.length) {
      let found: { cell: PartCell; end: number; usedNext: boolean } | null = null;
      for (let n = Math.min(3, toks.length - i); n >= 1 && !found; n--) {
        const tag = toks.slice(i, i + n);
        if (!tag.every((t, k) => TAGGISH(t) || (k < n - 1 && /^[A-Za-z]{2,}$/.test(t.text)))) continue;
        // the value runs to the next token that opens a pair of its own
        let end = i + n;
        while (end < toks.length && !opensPair(toks, end)) end++;
        const c = partCell(tag, toks.slice(i + n, end));
        if (c) found = { cell: c, end, usedNext: false };
        else if (i + n === toks.length && s + 1 < segs.length) {
          const next = segs[s + 1]!.toks;
          // (a next run opening with a tag is the next pair's, unless it is this tag's unit: "Loc Desig: | UNIT 1917")
          const c2 = partCell(tag, next);
          if (c2 && opensPair(next, 0) && c2.part !== 'unitval') continue;
          if (c2) found = { cell: c2, end: toks.length, usedNext: true };
        }
      }
      if (!found) {
        i++;
        continue;
      }
      out.push(found.cell);
      i = found.end;
      if (found.usedNext) s++;
    }
  }
  return out;
}

/**
 * A line's runs: the layout's segments, each cut again where a gap is clearly wider than the line's usual word
 * space (a record run as one line sets its pairs three spaces apart: "SANO 8132   SASD E   SASN BAY VIEW").
 */
function chunks(line: Line): { toks: Tok[] }[] {
  const toks = [...line.toks].sort((a, b) => a.x0 - b.x0);
  const gaps = toks.slice(1).map((t, i) => t.x0 - toks[i]!.x1);
  const usual = usualWordSpace(gaps, line.h);
  const segStart = new Set(line.segs.map((g) => g.toks[0]));
  const out: { toks: Tok[] }[] = [];
  toks.forEach((t, i) => {
    const gap = i > 0 ? gaps[i - 1]! : 0;
    // (…before a word that reads as a tag: a value's own words may be set a little apart, "NORTH  LITTLE ROCK")
    const wide = widerThanWordSpace(gap, usual, line.h) && TAGGISH(t) && tagParts(tagWords([t])).length > 0;
    if (i === 0 || segStart.has(t) || wide) out.push({ toks: [t] });
    else out[out.length - 1]!.toks.push(t);
  });
  return out;
}

/** Does the token at `i` open a tag whose next word(s) are a value of its part? */
function opensPair(toks: Tok[], i: number): boolean {
  const t = toks[i]!;
  if (!TAGGISH(t) || !/^[A-Z#]/.test(t.text)) return false;
  const parts = tagParts(tagWords([t]));
  if (!parts.length) return false;
  const next = toks[i + 1];
  // (a tag straight after a tag is the next pair's: "SASD  SASN FOREST", "LD1 UNIT LV1 1917")
  if (!next || (TAGGISH(next) && /^[A-Z#]/.test(next.text) && tagParts(tagWords([next])).length && toks[i + 2]))
    return false;
  return parts.some((p) => fits(p, next.text)) || /:$/.test(t.text);
}

/**
 * A row of tags with each value printed under its tag (a form's header row: "SANO SASD SASN SATH" over
 * "4062  N  MAPLE  AVE"): every word of the row a tag naming a part, three at least; a value is the next
 * line's words that start from its tag's left edge up to the next tag's.
 */
function gridCells(doc: DocLayout, line: Line): PartCell[] {
  const tags = [...line.toks].sort((a, b) => a.x0 - b.x0);
  if (tags.length < 3 || !tags.every((t) => /^[A-Z][A-Z0-9]{1,7}$/.test(t.text) && tagParts([t.text]).length))
    return [];
  const below = doc.lines[line.id + 1];
  if (!below || below.page !== line.page || below.cy - line.cy > 2 * line.h) return [];
  const out: PartCell[] = [];
  tags.forEach((tag, i) => {
    const from = tag.x0 - 0.5 * line.h;
    const to = i + 1 < tags.length ? tags[i + 1]!.x0 - 0.5 * line.h : Number.POSITIVE_INFINITY;
    const value = below.toks.filter((t) => t.x0 >= from && t.x0 < to).sort((a, b) => a.x0 - b.x0);
    const c = partCell([tag], value);
    if (c) out.push(c);
  });
  return out;
}

interface Group {
  cells: PartCell[];
  lines: Line[];
}

/** Lines of part cells close under one another, of one address (a bill's cells start another group). */
function groups(doc: DocLayout): Group[] {
  const out: Group[] = [];
  let open: Group | null = null;
  const gridValueLines = new Set<number>();
  for (const line of doc.lines) {
    if (gridValueLines.has(line.id)) continue;
    const grid = gridCells(doc, line);
    if (grid.length) gridValueLines.add(line.id + 1);
    const cells = grid.length ? grid : inlineCells(line);
    const last = open?.lines[open.lines.length - 1];
    const near =
      !!last &&
      last.page === line.page &&
      line.cy - last.cy <= 3 * Math.max(line.h, last.h) + (grid.length ? line.h : 0);
    const billing = cells.some((c) => c.billing);
    if (open && cells.length && near && billing === open.cells.some((c) => c.billing)) {
      open.cells.push(...cells);
      open.lines.push(line);
      if (grid.length) open.lines.push(doc.lines[line.id + 1]!);
      continue;
    }
    if (open) out.push(open);
    // (an address opens with its street: a heading's words read as a lone city part open none, "SVC LOCATION")
    const opens = cells.some((c) => c.part === 'house' || c.part === 'name' || c.part === 'dir');
    open = opens ? { cells, lines: grid.length ? [line, doc.lines[line.id + 1]!] : [line] } : null;
  }
  if (open) out.push(open);
  return out;
}

/** The group's parts in the order a street line is written: number, directional, name, type, directional; unit; city line. */
function assemble(g: Group): { value: ServiceAddress; toks: Tok[] } | null {
  const at = (p: Part) => g.cells.find((c) => c.part === p);
  const house = at('house');
  const name = at('name');
  if (!house || !name) return null;
  const street = [house, at('dir'), name, at('suffix'), at('postdir')]
    .filter((c): c is PartCell => !!c)
    .map((c) => c.text)
    .join(' ');
  const unit = [at('desig')?.text, at('unitval')?.text].filter(Boolean).join(' ');
  const zm = /^(\d{5})-?(\d{4})?$/.exec(at('zip')?.text ?? '');
  const city = at('city')?.text ?? '';
  const state = at('state')?.text.toUpperCase() ?? '';
  if (!zm && !(city && state)) return null;
  const printed = { street_line: street, unit, city, state, zip5: zm?.[1] ?? '', zip4: zm?.[2] ?? '' };
  const used = [house, at('dir'), name, at('suffix'), at('postdir'), at('desig'), at('unitval'), at('city')];
  const toks = [...used, at('state'), at('zip')].flatMap((c) => c?.value ?? []);
  return { value: withCitySpelling(printed, checkAddress(printed)), toks };
}

/** Whose address a group is: a tag that says so, else the heading a line or two above it. */
function groupConcept(doc: DocLayout, g: Group): 'billing' | 'other' {
  if (g.cells.some((c) => c.billing)) return 'billing';
  const first = g.lines[0]!;
  for (const id of [first.id - 1, first.id - 2]) {
    const above = doc.lines[id];
    if (!above || above.page !== first.page || first.cy - above.cy > 3.5 * first.h) break;
    const c = conceptOfText(textOf(above.toks));
    if (c !== 'unknown') return c === 'billing' || c === 'remit' ? 'billing' : 'other';
  }
  return 'other';
}

/**
 * The service address a CSR's tagged parts give, added to the candidates (the first group that is no
 * bill's and makes a street with a house number and a city line). A reading of the same parts' line as a
 * street of tags ("SANO | Palm Beach Gardens") is the layout's mistake: a candidate whose words are this
 * group's tags gives way.
 */
export function taggedServiceAddresses(doc: DocLayout, serviceCands: AddrCand[]): void {
  if (doc.kind !== 'csr') return;
  for (const g of groups(doc)) {
    if (groupConcept(doc, g) === 'billing') continue;
    const read = assemble(g);
    if (!read) continue;
    const check = checkAddress(read.value);
    const tags = new Set(g.cells.flatMap((c) => c.tag));
    for (let i = serviceCands.length - 1; i >= 0; i--)
      if (serviceCands[i]!.toks.some((t) => tags.has(t))) serviceCands.splice(i, 1);
    const zipCheck = zipCheckOf(check);
    serviceCands.push({
      value: read.value,
      toks: read.toks,
      score: 0.9 * check.factor,
      hit: null,
      ...(zipCheck ? { zipCheck } : {}),
    });
    return;
  }
}
