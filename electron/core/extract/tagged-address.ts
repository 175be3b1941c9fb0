import type { ServiceAddress } from '../../../shared/domain/document.js';
import { DIRECTIONALS, STREET_SUFFIXES, UNIT_DESIGNATORS } from '../../../shared/normalize/usps.js';
import { normalizeState, ZIP_WORD_LOOSE } from '../../../shared/normalize/address.js';
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
        if (acc.length >= 2 && (q === 0 || (q === 2 && acc[0] === 'q' && acc[1] === 'q'))) out.push(acc);
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
  const part = SHAPE_ORDER.find((p) => parts.includes(p) && fits(p, text) && !(p === 'unitval' && unitTag(text)));
  if (!part) return null;
  return { part, tag, value, text: text.replace(/[.,;:]+$/, ''), billing: isBilling(tag) };
}

/**
 * A unit part's own tag with its level digit ("LV1", "LD2"): the next pair's tag, never a unit value — a
 * record that leaves both unit cells blank prints "LD1  LV1" with nothing after either.
 */
function unitTag(value: string): boolean {
  const m = /^([A-Z]{2,4})[1-3]$/.exec(bare(value));
  return !!m && tagParts([m[1]!]).some((p) => p === 'unitval' || p === 'desig');
}

const isBilling = (tag: Tok[]) => {
  const c = conceptOfText(textOf(tag));
  return c === 'billing' || c === 'remit';
};

/**
 * How OCR misreads a record's short tags, undone by the tags' own grammar (a tag read is still that tag when
 * its letters spell the same abbreviation of the same part's noun):
 * - a capital whose small form has the same shape (C O S V W X Z) read small: "zIP", "Lv1" are ZIP, LV1;
 * - a tag split into pieces by a space ("SA NO", "L D1", "SAS N"): pieces that read as a tag only together,
 *   where the right piece is no value of the left's part ("SASD N" stays the directional N);
 * - a tag glued to its value ("SATHDR", "LV116", "SASN:FOREST"): a tag's letters (and a level digit, LSOG's
 *   LD1–LD3) then a value of the part's shape.
 * The synthetic words stand for the words read (`origin`), which are what the candidate's evidence keeps.
 */
interface TagLine {
  line: Line;
  toks: Tok[];
  origin: Map<Tok, Tok[]>;
}

/** The letters OCR reads small for a capital of the same shape. */
const SAME_SHAPE_SMALL = /[cosvwxz]/g;

/** A word of capitals as the record printed it, lookalike small letters raised ("zIP" → "ZIP"); else the word. */
function asCapitals(w: string): string {
  // (a level digit 1 read as a small l or i, or the two: "Lvli", "Lv1i", "Lvi" are LV1)
  const level = /^([A-Za-z]{2,})[1li|]*[li|][1li|]*([.:]?)$/.exec(w);
  const [core, tail] = level ? [level[1]!, `1${level[2]}`] : [w, ''];
  if (!/[A-Z]/.test(core) || /[a-z]/.test(core.replace(SAME_SHAPE_SMALL, ''))) return w;
  return core.replace(SAME_SHAPE_SMALL, (c) => c.toUpperCase()) + tail;
}

const isTag = (w: string) => tagParts(tagWords([{ text: w } as Tok])).length > 0;
/** A short piece of capitals that may be part of a split tag. */
const TAG_PIECE = /^[A-Z][A-Z0-9]{0,4}$/;

function synthetic(t: Tok, text: string, x0 = t.x0, x1 = t.x1): Tok {
  return { ...t, text, x0, x1 };
}

function readTags(line: Line): TagLine {
  const origin = new Map<Tok, Tok[]>();
  const from = (t: Tok) => origin.get(t) ?? [t];
  const raised = [...line.toks]
    .sort((a, b) => a.x0 - b.x0)
    .map((t) => {
      const up = asCapitals(t.text);
      if (up === t.text || !isTag(up)) return t;
      const s = synthetic(t, up);
      origin.set(s, [t]);
      return s;
    });
  const joined: Tok[] = [];
  for (const t of raised) {
    const prev = joined[joined.length - 1];
    const text = prev ? prev.text + t.text : '';
    if (prev && TAG_PIECE.test(prev.text) && /^[A-Z][A-Z0-9]{0,4}[.:]?$/.test(t.text) && t.x0 - prev.x1 < prev.h) {
      const leftParts = tagParts([prev.text]);
      const rightValue = leftParts.some((p) => fits(p, t.text));
      if (isTag(text) && !rightValue && (!leftParts.length || !isTag(t.text))) {
        const s = synthetic(prev, text, prev.x0, t.x1);
        origin.set(s, [...from(prev), ...from(t)]);
        joined[joined.length - 1] = s;
        continue;
      }
    }
    joined.push(t);
  }
  const toks = joined.flatMap((t) => {
    const glued = gluedTag(t);
    if (!glued) return [t];
    const [tag, value] = glued;
    const cut = t.x0 + ((t.x1 - t.x0) * tag.length) / t.text.length;
    const a = synthetic(t, tag, t.x0, cut);
    const b = synthetic(t, value, cut, t.x1);
    origin.set(a, from(t));
    origin.set(b, from(t));
    return [a, b];
  });
  return { line, toks, origin };
}

/** A word that is a tag run into its value: the longest tag (letters, a level digit, a colon) whose part the rest fits. */
function gluedTag(t: Tok): [string, string] | null {
  // (a tag's reading skips digits: "LV116" reads as LV, yet only one level digit is a tag's own)
  if (!/^[A-Z]{2}/.test(t.text) || t.text.length < 4 || (isTag(t.text) && /^[A-Z]+\d?[.:]?$/.test(t.text))) return null;
  for (let k = Math.min(7, t.text.length - 1); k >= 3; k--) {
    const tag = t.text.slice(0, k);
    const value = t.text.slice(k);
    if (!/^[A-Z]{2,6}\d?[.:]?$/.test(tag) || /^[.:]/.test(value)) continue;
    // (a free-text part, a street or city name, runs on from a word's own letters: only a whole tag of four
    // letters or a colon's tag is set apart from it — "SASNFOREST", "CITY:AUSTIN"; "STATUS" is no "ST ATUS")
    const free = (p: Part) => p === 'name' || p === 'city';
    const parts = tagParts(tagWords([{ text: tag } as Tok])).filter((p) => !free(p) || /[:.]$/.test(tag) || k >= 4);
    if (parts.some((p) => fits(p, value))) return [tag, value];
  }
  return null;
}

/** The cells with the words read in place of the synthetic ones. */
function asRead(cells: PartCell[], origin: Map<Tok, Tok[]>): PartCell[] {
  const back = (toks: Tok[]) => [...new Set(toks.flatMap((t) => origin.get(t) ?? [t]))];
  return cells.map((c) => ({ ...c, tag: back(c.tag), value: back(c.value) }));
}

/** A word that may open a tag: capitals (a record's tags), or a caption's word ending with a colon. */
const TAGGISH = (t: Tok) => /^[A-Z][A-Z0-9#/&]{0,11}\.?:?$/.test(t.text) || /^[A-Za-z][A-Za-z.#]{0,11}:$/.test(t.text);

/**
 * A line's pairs: each segment (the layout's runs, set apart by wide gaps) opens with a tag of one to
 * three words and runs to its value, or to the next segment when it holds the tag alone; inside a segment
 * a later tag opens another pair where what follows it is a value of its part (so "CITY SALT LAKE CITY"
 * keeps its city whole: the second CITY has no value after it).
 */
function inlineCells(tl: TagLine): PartCell[] {
  const out: PartCell[] = [];
  const segs = chunks(tl);
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
        // (a run of one unit value, its tag lost, right after a designator's pair is the designator's
        // value: "LD1 ROOM | 1052")
        const prev = out[out.length - 1];
        if (
          i === 0 &&
          prev?.part === 'desig' &&
          !out.some((c) => c.part === 'unitval') &&
          fits('unitval', textOf(toks))
        )
          out.push({ part: 'unitval', tag: [], value: [...toks], text: bare(textOf(toks)), billing: prev.billing });
        i = i === 0 && out[out.length - 1] !== prev ? toks.length : i + 1;
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
function chunks({ line, toks, origin }: TagLine): { toks: Tok[] }[] {
  const gaps = toks.slice(1).map((t, i) => t.x0 - toks[i]!.x1);
  const usual = usualWordSpace(gaps, line.h);
  const segStart = new Set(line.segs.map((g) => g.toks[0]));
  const out: { toks: Tok[] }[] = [];
  toks.forEach((t, i) => {
    const gap = i > 0 ? gaps[i - 1]! : 0;
    // (…before a word that reads as a tag: a value's own words may be set a little apart, "NORTH  LITTLE ROCK")
    const wide = widerThanWordSpace(gap, usual, line.h) && TAGGISH(t) && tagParts(tagWords([t])).length > 0;
    // (a word split into a tag and its value starts a segment with its tag only)
    const read = (x: Tok | undefined) => (x ? (origin.get(x) ?? [x])[0] : undefined);
    const opensSeg = segStart.has(read(t)!) && read(toks[i - 1]) !== read(t);
    if (i === 0 || opensSeg || wide) out.push({ toks: [t] });
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
function gridCells(doc: DocLayout, { line, toks: tags }: TagLine): PartCell[] {
  const read = tags.map((t) => /^[A-Z][A-Z0-9]{1,7}$/.test(t.text) && tagParts([t.text]).length > 0);
  // (one tag OCR could not read among three or more that it could: "SAND", "LvV1i" — its column's value
  // is the part the row's order gives there, below)
  const unread = read.filter((r) => !r).length;
  if (
    tags.length - unread < 3 ||
    unread > 1 ||
    (unread && !/^[A-Za-z][A-Za-z0-9]{1,6}$/.test(tags[read.indexOf(false)]!.text))
  )
    return [];
  const below = doc.lines[line.id + 1];
  // (a scan's line is as tall as its capitals' ink, some 0.7 of the type: the line under a row of tags is
  // up to 2.5 such heights below it)
  if (!below || below.page !== line.page || below.cy - line.cy > 2.5 * line.h) return [];
  const out: PartCell[] = [];
  tags.forEach((tag, i) => {
    const from = tag.x0 - 0.5 * line.h;
    const to = i + 1 < tags.length ? tags[i + 1]!.x0 - 0.5 * line.h : Number.POSITIVE_INFINITY;
    const value = below.toks.filter((t) => t.x0 >= from && t.x0 < to).sort((a, b) => a.x0 - b.x0);
    const c = read[i] ? partCell([tag], value) : null;
    if (c) out.push(c);
    else if (!read[i]) {
      const part = partBetween(out[out.length - 1]?.part, tags[i + 1], textOf(value));
      if (part) out.push({ part, tag: [tag], value, text: bare(textOf(value)), billing: false });
    }
  });
  return out;
}

/** The parts in the order a street line is written, then its unit, then the city line. */
const WRITTEN_ORDER: Part[] = ['house', 'dir', 'name', 'suffix', 'postdir', 'desig', 'unitval', 'city', 'state', 'zip'];

/**
 * The part a value stands for when its tag is unread: the first after the part before it (in the order the
 * parts are written) that its shape fits, and before the part of the tag after it.
 */
function partBetween(before: Part | undefined, after: Tok | undefined, value: string): Part | null {
  if (!value) return null;
  const from = before ? WRITTEN_ORDER.indexOf(before) + 1 : 0;
  const next = after ? tagParts([after.text]).map((p) => WRITTEN_ORDER.indexOf(p)) : [];
  const to = next.length ? Math.min(...next) : WRITTEN_ORDER.length;
  return WRITTEN_ORDER.slice(from, to).find((p) => fits(p, value)) ?? null;
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
    const tl = readTags(line);
    const grid = gridCells(doc, tl);
    if (grid.length) gridValueLines.add(line.id + 1);
    const cells = asRead(grid.length ? grid : inlineCells(tl), tl.origin);
    const last = open?.lines[open.lines.length - 1];
    const near =
      !!last &&
      last.page === line.page &&
      line.cy - last.cy <= 3 * Math.max(line.h, last.h) + (grid.length ? line.h : 0);
    const billing = cells.some((c) => c.billing);
    if (open && near && !cells.length) {
      // a line of the record whose tag reads but whose value OCR spoilt ("Svc State: Cr") is still the
      // record's: the group goes on past it; a value alone under the group's values is the next part's
      const untagged = untaggedPart(open, tl);
      if (untagged) open.cells.push(untagged);
      if (untagged || tagOpens(tl)) {
        open.lines.push(line);
        continue;
      }
    }
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

/** Does the line open with a tag naming a part (its value unread)? */
function tagOpens(tl: TagLine): boolean {
  const first = chunks(tl)[0]?.toks ?? [];
  for (let n = Math.min(3, first.length); n >= 1; n--) if (tagParts(tagWords(first.slice(0, n))).length) return true;
  return false;
}

/**
 * A line of one value and no tag (OCR lost it) under a group of one pair a line, starting where the
 * group's values start: the first part after the group's last, in the written order, that its shape fits
 * and the group lacks ("State: VA" over "22046", or a state OCR spoilt over it — the ZIP).
 */
function untaggedPart(g: Group, tl: TagLine): PartCell | null {
  const last = g.cells[g.cells.length - 1];
  const v = last?.value[0];
  if (!last || !v || tl.toks.length > 2 || !tl.toks.length) return null;
  const first = tl.toks[0]!;
  if (Math.abs(first.x0 - v.x0) > tl.line.h || last.tag.some((t) => t.line === tl.line.id)) return null;
  const value = textOf(tl.toks);
  const part = partBetween(last.part, undefined, value);
  if (!part || g.cells.some((c) => c.part === part)) return null;
  return asRead([{ part, tag: [], value: [...tl.toks], text: bare(value), billing: last.billing }], tl.origin)[0]!;
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
  const zm = ZIP_WORD_LOOSE.exec(at('zip')?.text ?? '');
  const city = at('city')?.text ?? '';
  const state = at('state')?.text.toUpperCase() ?? '';
  if (!zm && !(city && state)) return null;
  const printed = { street_line: street, unit, city, state, zip5: zm?.[1] ?? '', zip4: zm?.[2] ?? '' };
  const toks = WRITTEN_ORDER.flatMap((p) => at(p)?.value ?? []);
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
