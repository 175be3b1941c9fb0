import type { ServiceAddress } from '../../../shared/domain/document.js';
import { cityKey, ZIP_WORD_LOOSE } from '../../../shared/normalize/address.js';
import { remembered } from '../../../shared/normalize/memo.js';
import { STREET_SUFFIXES } from '../../../shared/normalize/usps.js';
import {
  checkAddress,
  cityStateZip,
  isDateText,
  isStreetish,
  isUnitOnly,
  splitUnit,
  withCitySpelling,
} from './address.js';
import { BILLING_WORDS, conceptOfText } from './address-blocks.js';
import { type AddrCand, zipCheckOf } from './candidate.js';
import type { DocLayout, Line, Tok } from './layout.js';
import { trimValue } from './text.js';
import { zipPlace } from './zip.js';

/**
 * A terminal screen's address (a mainframe CSR printed from its 3270 screens): short capital prompts,
 * each followed by its value, two or three on a row ("HSE: 6494  ST NAME: CANAL ST" over "CTY: JUNEAU
 * ST: AK ZIP: 99801"), the prompts abbreviating the address's parts however the system's authors chose.
 * Read by shape, not by a list of prompts: a prompt names a part when each of its (one or two) short
 * words abbreviates one noun of an address's parts (the word's first letter, then later letters of the
 * noun in order: HSE, STR, SFX, CTY, NBR, CD; the initials run together: HNO, CSZ) and its value has that
 * part's shape (a house number, a state code, a ZIP…); the parts on neighbouring rows are one address,
 * put together in the order of address grammar whatever the order they were printed in.
 *
 * Only on a SCREEN (screenLines): the rows of a page that open with a prompt at one left edge, two of
 * them at least holding two prompts or more each with its value. A record of one prompt a row
 * ("SVC ADDR: …" over "CSZ: …") or a form's label-above grid is no screen: its labels are read as labels.
 */

/** The address's parts, in the order a street line and its city line are written. */
type Part = 'house' | 'name' | 'suffix' | 'unit' | 'city' | 'state' | 'zip' | 'csz';

/**
 * The nouns that name a part: a closed grammar of an address's parts (house number, street name, suffix
 * or type, unit / apartment / suite / floor, city or town, state, ZIP or postal code), not any system's
 * prompts and not every noun a caption may hold ('address', 'location', 'direction' name none here).
 */
const PART_NOUNS: readonly [string, string][] = [
  ['house', 'house'],
  ['number', 'number'],
  ['street', 'street'],
  ['name', 'name'],
  ['suffix', 'suffix'],
  ['type', 'type'],
  ['unit', 'unit'],
  ['apartment', 'unit'],
  ['suite', 'unit'],
  ['floor', 'unit'],
  ['city', 'city'],
  ['town', 'city'],
  ['state', 'state'],
  ['zip', 'zip'],
  ['postal', 'zip'],
  ['code', 'code'],
];
/** A prompt word longer than this is the noun itself or no abbreviation of one ("STATEMENT" abbreviates no state). */
const MAX_ABBREVIATION = 6;

/** The noun groups a prompt may be made of, and the parts each names (a row's "CITY ST ZIP" names three). */
const PHRASES: readonly [string, Part[]][] = [
  ['house', ['house']],
  ['house number', ['house']],
  ['street number', ['house']],
  ['street', ['name']],
  ['street name', ['name']],
  ['suffix', ['suffix']],
  ['street suffix', ['suffix']],
  ['street type', ['suffix']],
  ['type', ['suffix']],
  ['unit', ['unit']],
  ['unit number', ['unit']],
  ['city', ['city']],
  ['state', ['state']],
  ['state code', ['state']],
  ['zip', ['zip']],
  ['zip code', ['zip']],
  ['zip number', ['zip']],
  ['city state', ['city', 'state']],
  ['city state zip', ['city', 'state', 'zip']],
  ['city zip', ['city', 'zip']],
  ['state zip', ['state', 'zip']],
];
const PHRASE_PARTS = new Map(PHRASES);

/** Does `w` abbreviate `noun`: its first letter, then later letters of the noun in order ("HSE" → house)? */
function abbreviates(w: string, noun: string): boolean {
  if (!w || w[0] !== noun[0] || w.length > noun.length) return false;
  let j = 1;
  for (let i = 1; i < noun.length && j < w.length; i++) if (noun[i] === w[j]) j++;
  return j === w.length;
}

/**
 * The nouns one prompt word may stand for: the noun itself, or a word of six letters or fewer abbreviating
 * it; a word as short run together from abbreviations ("HNO", "STRNM", "CSZ") gives their sequence (read
 * only where the sequence is a phrase of the grammar: "house number", "street name", "city state zip").
 */
const wordReadings = remembered(readingsOfWord, 2000);

function readingsOfWord(word: string): string[][] {
  const w = word.toLowerCase().replace(/[^a-z#]+/g, '');
  // (the numero sign and its abbreviation stand for a number: "HOUSE NO", "HSE #", "HNO")
  const single = (piece: string, min: number) =>
    /^(?:no|#)$/.test(piece)
      ? ['number']
      : piece.length >= min && piece.length <= MAX_ABBREVIATION
        ? [...new Set(PART_NOUNS.filter(([n]) => abbreviates(piece, n)).map(([, g]) => g))]
        : PART_NOUNS.filter(([n]) => n === piece).map(([, g]) => g);
  const whole = single(w, 2).map((g) => [g]);
  if (whole.length || w.length > MAX_ABBREVIATION) return whole;
  const out: string[][] = [];
  // run together: each piece abbreviates a noun (single letters only here, where the whole word names none)
  const split = (rest: string, acc: string[]) => {
    if (!rest) {
      if (acc.length >= 2) out.push(acc);
      return;
    }
    if (acc.length >= 3) return;
    // (each piece a noun of its own: "AUTH" is no apartment's unit)
    for (let k = 1; k <= rest.length; k++)
      for (const g of single(rest.slice(0, k), 1)) if (!acc.includes(g)) split(rest.slice(k), [...acc, g]);
  };
  split(w, []);
  return out;
}

/** Every reading of a prompt's words as address parts (several where an abbreviation is ambiguous: "ST" is street, state or suite). */
const promptReadings = remembered(readingsOfPrompt, 2000, (words: string[]) => words.join(' '));

function readingsOfPrompt(words: string[]): Part[][] {
  let seqs: string[][] = [[]];
  const nouns = words.filter((w) => !/^(?:to|of|&|\/)$/i.test(w));
  // (a prompt is a word or two: "HSE NBR", "ST NAME"; three only where each names a part of the city line)
  if (nouns.length > 3) return [];
  for (const word of nouns) {
    const rs = wordReadings(word);
    if (!rs.length) return [];
    seqs = seqs.flatMap((s) => rs.map((r) => [...s, ...r]));
    if (seqs.length > 64) return [];
  }
  const out: Part[][] = [];
  // (alternatives name one part: "TOWN/CITY", "APT/SUITE")
  for (const s of seqs.map((q) => q.filter((g, k) => g !== q[k - 1]))) {
    const parts = PHRASE_PARTS.get(s.join(' ')) ?? PHRASE_PARTS.get(s.filter((g) => g !== 'number').join(' '));
    if (parts && nouns.length === 3 && parts.length < 3) continue;
    if (parts && !out.some((p) => p.join() === parts.join())) out.push(parts);
  }
  return out;
}

const HOUSE_VALUE = /^\d+[A-Z]?(?:-\d+[A-Z]?)?(?:\s1\/2)?$/i;

/** A state's code or name as the whole value. */
function stateOf(v: string): string | null {
  return /^[A-Za-z][A-Za-z .]{1,19}$/.test(v) ? (cityStateZip(`X, ${v} 00000`)?.state ?? null) : null;
}

/** A unit's value without the dot a screen pads it with ("STE 246."): no unit ends with one. */
const unitText = (v: string) => v.replace(/\.$/, '');

/** Does the value have the part's shape? (A scan reads the screen's pad dot as a stop: "5135.", "SD.") */
function fits(part: Part, value: string): boolean {
  const v = part === 'name' || part === 'csz' ? value : value.replace(/[.,;]$/, '');
  switch (part) {
    case 'house':
      return HOUSE_VALUE.test(v);
    case 'suffix':
      return STREET_SUFFIXES.has(v.toUpperCase().replace(/\.$/, ''));
    case 'unit':
      return isUnitOnly(unitText(v)) || /^#?\d{1,5}[A-Z]?$/i.test(unitText(v));
    case 'name':
      return /[A-Za-z]{2}/.test(v) && !isUnitOnly(v) && !cityStateZip(v) && !isDateText(v) && !/\d{5}$/.test(v);
    case 'city':
      return /^[A-Za-z][A-Za-z .'-]*$/.test(v) && v.split(/\s+/).length <= 4;
    case 'state':
      return !!stateOf(v);
    case 'zip':
      return /^\d{5}(?:-?\d{4})?$/.test(v);
    case 'csz':
      return !!cityStateZip(v)?.state;
  }
}

/** The more particular shapes first: "ST: SD" is a state before it is a street named SD. */
const SHAPE_ORDER: Part[] = ['csz', 'zip', 'state', 'house', 'unit', 'suffix', 'city', 'name'];

interface PromptCell {
  prompt: Tok[];
  value: Tok[];
  text: string;
}

const PROMPT_WORD = /^[A-Z][A-Z/&#]{0,9}[.,-]?$/;
const PROMPT_END = /^[A-Z][A-Z/&#.]{0,11}:$/;
/** A colon read apart from its prompt (OCR: "HSE : 3506", "NAME. .:"). */
const LONE_COLON = /^[.,;]*:[.,;]*$/;

/** A prompt's words as its letters ("ST-" is ST, "NAME." is NAME). */
const promptWords = (toks: Tok[]) => toks.map((t) => t.text.replace(/[^A-Za-z#]+/g, '')).filter(Boolean);

/**
 * A row of prompts and their values, when the row opens with a prompt: a prompt is a capital word ending
 * with a colon (a dot leader or an arrow reads as one) and up to two capital words before it, a space
 * apart; the value runs to the next prompt. Where a prompt starts is where the wider gap is (the screen
 * sets two spaces or more between a value and the next prompt). On a scan the colon and the dot leader
 * may be lost: capital words that name an address part, a wide gap after them, are a prompt too ("CTY
 * RAPID CITY", "HSE  4062").
 */
/** A row's character width: the median of its words' widths a letter (a screen is printed monospaced). */
function charWidth(line: Line): number {
  const widths = line.toks
    .filter((t) => !/:$/.test(t.text) && t.text.length >= 2)
    .map((t) => (t.x1 - t.x0) / t.text.length);
  return widths.length ? widths.sort((a, b) => a - b)[widths.length >> 1]! : 0.6 * line.h;
}

function promptCells(line: Line): PromptCell[] | null {
  const toks = [...line.toks].sort((a, b) => a.x0 - b.x0);
  const cw = charWidth(line);
  const wide = (i: number) => i === 0 || i >= toks.length || toks[i]!.x0 - toks[i - 1]!.x1 >= 1.5 * cw;
  const prompts: [number, number][] = [];
  for (let i = 0; i < toks.length; i++) {
    const floor = prompts.length ? prompts[prompts.length - 1]![1] + 1 : 0;
    const t = toks[i]!.text;
    const colon = PROMPT_END.test(t) || (LONE_COLON.test(t) && i > floor && PROMPT_WORD.test(toks[i - 1]!.text));
    let s = i;
    const wordAt = (k: number) => PROMPT_WORD.test(toks[k]!.text) || (k === i && colon);
    // (a lost prompt may follow a prompt whose value the scan lost, "ST  ZIP 58124", unless it is that value: "ST NE")
    const after = prompts.length ? prompts[prompts.length - 1]![1] : 0;
    if (!wordAt(i) || i < (!colon && stateOf(t.replace(/[^A-Za-z]/g, '')) ? floor : after)) continue;
    while (s > after && i - s < (LONE_COLON.test(t) ? 3 : 2) && PROMPT_WORD.test(toks[s - 1]!.text) && !wide(s)) s--;
    // the prompt opens after the widest gap among its possible starts
    let start = i;
    for (let k = s; k <= i; k++)
      if (wide(k)) {
        start = k;
        break;
      }
    // (only a scan loses a colon: a text layer keeps it, its leaders and arrows read as one)
    const lost = !colon && toks[i]!.conf < 1 && wide(start) && wide(i + 1) && i + 1 < toks.length;
    if (!colon && !(lost && promptReadings(promptWords(toks.slice(start, i + 1))).length)) continue;
    prompts.push([start, i + 1]);
  }
  if (!prompts.length || prompts[0]![0] !== 0) return null;
  return prompts.map(([s, e], k) => {
    // (a value's words are a space apart: words after a wider gap are another column's, "Rm 489 | PO BOX 9158")
    const run = toks.slice(e, prompts[k + 1]?.[0] ?? toks.length);
    const cut = run.findIndex((tk, j) => j > 0 && tk.x0 - run[j - 1]!.x1 >= 2.5 * cw);
    const value = cut > 0 ? run.slice(0, cut) : run;
    return { prompt: toks.slice(s, e), value, text: trimValue(value.map((t) => t.text).join(' ')) };
  });
}

/** Per document, the ids of the lines that are a terminal screen's rows. */
const SCREENS = new WeakMap<DocLayout, ReadonlySet<number>>();

interface PromptRow {
  line: Line;
  x: number;
  cw: number;
  /** two prompts or more on the row, each with its value */
  full: boolean;
}

/** A terminal screen is 80 characters wide (a few more for a scan's uneven letter widths). */
const SCREEN_COLUMNS = 84;

/**
 * The rows of a terminal screen: the rows that open with a prompt at one left edge (within a character,
 * on one page or on each of a screen print's pages, the letters as wide), two of them at least holding two prompts or more, each with its value ("ACCT NBR..: 5521
 * BTN..: 406 555 0172" over "HSE: 6494  ST NAME: CANAL ST"), none reaching past a screen's 80 columns.
 * A record of one prompt a row, a form's labels over their values, one row of two captions ("DATE:
 * 04/02/26  ACCT: 5521"), a line printer's 132-column report or a page that is no CSR is no screen.
 */
export function screenLines(doc: DocLayout): ReadonlySet<number> {
  const known = SCREENS.get(doc);
  if (known) return known;
  const rows: PromptRow[] = [];
  // (a screen print is a CSR's: an invoice's or a letter's capital caption grid is no screen)
  for (const line of doc.kind === 'csr' ? doc.lines : []) {
    const cells = promptCells(line);
    if (!cells) continue;
    const x = Math.min(...cells[0]!.prompt.map((t) => t.x0));
    rows.push({ line, x, cw: charWidth(line), full: cells.filter((c) => c.text).length >= 2 });
  }
  const out = new Set<number>();
  // (a screen print's pages are the one system's screens: the same left edge and letter width on each)
  const alike = (a: PromptRow, b: PromptRow) => Math.abs(a.x - b.x) <= b.cw && Math.abs(a.cw - b.cw) <= 0.1 * b.cw;
  for (const row of rows) {
    if (!row.full || out.has(row.line.id)) continue;
    const stack = rows.filter((r) => alike(r, row));
    if (stack.filter((r) => r.full).length < 2) continue;
    const cw = [...stack.map((r) => r.cw)].sort((a, b) => a - b)[stack.length >> 1]!;
    const right = Math.max(...stack.flatMap((r) => r.line.toks.map((t) => t.x1)));
    if ((right - row.x) / cw <= SCREEN_COLUMNS) for (const r of stack) out.add(r.line.id);
  }
  SCREENS.set(doc, out);
  return out;
}

interface ReadCell {
  part: Part;
  cell: PromptCell;
  /** the prompt's words say whose address: a bill's or mail's, the service's, or neither */
  concept: 'billing' | 'service' | 'unknown';
  /** a unit read by its value alone, under a prompt that names no part */
  byShape?: true;
}

/** Whose address a prompt's words say: a bill's or mail's, the service's, or neither. */
function promptConcept(words: string[]): ReadCell['concept'] {
  const said = conceptOfText(words.join(' '));
  return said === 'billing' || said === 'remit' ? 'billing' : said;
}

/** The part a cell gives: the first reading of its prompt whose shape its value has. */
function readCell(cell: PromptCell): ReadCell | null {
  if (!cell.text) return null;
  const words = promptWords(cell.prompt);
  const concept = promptConcept(words);
  let readings = promptReadings(words);
  // a qualifier saying whose address before the part's noun ("BILL CITY", "SVC ZIP"): the noun names the part
  if (!readings.length && words.length >= 2 && concept !== 'unknown') readings = promptReadings(words.slice(-1));
  // a row's city, state and ZIP under one prompt ("CITY ST ZIP", "CSZ") read as one part
  const parts = readings.map((r) => (r.length > 1 ? 'csz' : r[0]!));
  for (const p of SHAPE_ORDER) if (parts.includes(p) && fits(p, cell.text)) return { part: p, cell, concept };
  return null;
}

interface Group {
  cells: ReadCell[];
  concept: ReadCell['concept'];
  lines: Line[];
}

/**
 * A row's address cells: its prompts read as parts; a value that is a unit alone whatever its prompt
 * ("SUPP: ROOM 4"; such a row goes on an address, never opens one); a row's one value that is a whole
 * street line, a house number and a street ("SVC LOC: 15 MARKET HIGHWAY"), whatever its prompt (it makes
 * an address only with a city line's prompts under it; a bill's prompt keeps it the bill's).
 */
function rowCells(line: Line): ReadCell[] {
  const cells = promptCells(line);
  if (!cells) return [];
  const read = cells.map(readCell);
  return cells.flatMap((cell, i): ReadCell[] => {
    const r = read[i];
    if (r) return [r];
    if (isUnitOnly(unitText(cell.text))) return [{ part: 'unit', cell, concept: 'unknown', byShape: true }];
    if (cells.length === 1 && startsWithHouse(cell.text) && !cityStateZip(cell.text))
      return [{ part: 'name', cell, concept: promptConcept(promptWords(cell.prompt)) }];
    return [];
  });
}

/** Whose address a row's cells are: a prompt that says so, else the heading line just above the rows. */
function groupConcept(doc: DocLayout, g: Group): ReadCell['concept'] {
  const said = g.cells.find((c) => c.concept !== 'unknown')?.concept;
  if (said) return said;
  const first = g.lines[0]!;
  const above = doc.lines[first.id - 1];
  if (!above || above.page !== first.page || first.cy - above.cy > 2.2 * first.h || promptCells(above))
    return 'unknown';
  const c = conceptOfText(above.toks.map((t) => t.text).join(' '));
  return c === 'remit' ? 'billing' : c;
}

/** Rows of address cells one under the other (no blank row between), of one address: a bill's rows are another's. */
function addressGroups(doc: DocLayout): Group[] {
  const groups: Group[] = [];
  let open: Group | null = null;
  // (one printed row between two address rows that reads as none, a prompt a scan garbled: "SUPP. FL 9")
  let skipped: Line | null = null;
  const under = (a: Line | null | undefined, b: Line) =>
    !!a && a.page === b.page && b.cy - a.cy <= 1.9 * Math.max(a.h, b.h);
  const screen = screenLines(doc);
  for (const line of doc.lines) {
    const cells = screen.has(line.id) ? rowCells(line) : [];
    const last = open?.lines[open.lines.length - 1];
    const billing = cells.some((c) => c.concept === 'billing');
    const unitsOnly = cells.every((c) => c.byShape);
    if (open && !cells.length && !skipped && under(last, line)) {
      skipped = line;
      // (its words after a garbled prompt may still be a unit alone: "SUPP. FL 9")
      const toks = [...line.toks].sort((a, b) => a.x0 - b.x0);
      const rest = trimValue(
        toks
          .slice(1)
          .map((t) => t.text)
          .join(' '),
      );
      if (PROMPT_WORD.test(toks[0]!.text) && isUnitOnly(unitText(rest)))
        open.cells.push({
          part: 'unit',
          cell: { prompt: toks.slice(0, 1), value: toks.slice(1), text: rest },
          concept: 'unknown',
          byShape: true,
        });
      continue;
    }
    const goesOn =
      !!open &&
      cells.length > 0 &&
      under(skipped ?? last, line) &&
      billing === open.cells.some((c) => c.concept === 'billing');
    skipped = null;
    if (open && goesOn) {
      open.cells.push(...cells);
      open.lines.push(line);
      continue;
    }
    if (open) groups.push(open);
    open = cells.length && !unitsOnly ? { cells, concept: 'unknown', lines: [line] } : null;
  }
  if (open) groups.push(open);
  for (const g of groups) g.concept = groupConcept(doc, g);
  return groups;
}

/** A street line whose name value starts with its house number ("ST NAME: 3295 MLK JR CIR") is the whole line. */
const startsWithHouse = (v: string) => /^\d+[A-Z]?(?:-\d+)?\s/i.test(v) && isStreetish(v);

/** The group's parts put together in the order of address grammar (house, direction, name, suffix; unit; city, state, ZIP). */
function assemble(g: Group): { value: ServiceAddress; toks: Tok[]; quality: number } | null {
  const at = (p: Part) => g.cells.find((c) => c.part === p)?.cell;
  const name = at('name');
  const lineCell = name && startsWithHouse(name.text) ? name : undefined;
  let street = '';
  let unit = '';
  if (lineCell) ({ street, unit } = splitUnit(lineCell.text));
  else if (name)
    street = [at('house'), name, at('suffix')]
      .filter((c): c is PromptCell => !!c)
      .map((c) => (c === name ? c.text : c.text.replace(/[.,;]$/, '')))
      .join(' ');
  const unitCell = at('unit');
  if (unitCell) unit = unitText(unitCell.text);
  let city = at('city')?.text ?? '';
  let state = stateOf(at('state')?.text.replace(/[.,;]$/, '') ?? '') ?? '';
  const zm = ZIP_WORD_LOOSE.exec(at('zip')?.text.replace(/[.,;]$/, '') ?? '');
  let zip5 = zm?.[1] ?? '';
  let zip4 = zm?.[2] ?? '';
  const csz = at('csz') ? cityStateZip(at('csz')!.text) : null;
  if (csz) {
    city ||= csz.cityPart.replace(/,$/, '');
    state ||= csz.state;
    zip5 ||= csz.zip5;
    zip4 ||= csz.zip4;
  }
  // a state the scan lost: the ZIP's own, when the ZIP's city is the printed one
  const place = !state && zip5 && city ? zipPlace(zip5) : null;
  if (place && cityKey(place.city) === cityKey(city)) state = place.state;
  if (!/^\d/.test(street) || !(zip5 || (city && state))) return null;
  const used = new Set([name, at('house'), at('suffix'), at('unit'), at('city'), at('state')]);
  for (const c of [at('zip'), at('csz')]) used.add(c);
  const toks = g.cells.filter((c) => used.has(c.cell)).flatMap((c) => c.cell.value);
  const quality = 0.3 + (city ? 0.2 : 0) + (state ? 0.2 : 0) + (zip5 ? 0.25 : 0);
  const printed = { street_line: street, unit, city, state, zip5, zip4 };
  return { value: withCitySpelling(printed, checkAddress(printed)), toks, quality };
}

/**
 * The service address a terminal screen's prompt rows give, added to the candidates: the rows a prompt
 * or the heading above names as the service's, else the first unnamed ones (a bill's rows never). It is
 * one candidate among the layout's readings: where a labelled reading of the address stands elsewhere,
 * the usual ranking decides (no reading is marked down for it).
 */
export function screenServiceAddresses(doc: DocLayout, serviceCands: AddrCand[]): void {
  const groups = addressGroups(doc).filter((g) => g.concept !== 'billing');
  const g = groups.find((x) => x.concept === 'service' && assemble(x)) ?? groups.find((x) => assemble(x));
  const read = g ? assemble(g) : null;
  if (!read) return;
  const check = checkAddress(read.value);
  const score = (0.92 * read.quality * check.factor) / 0.95;
  const mine = new Set(g!.cells.flatMap((c) => [...c.cell.value, ...c.cell.prompt]));
  const same = (c: AddrCand) => JSON.stringify(c.value) === JSON.stringify(read.value);
  const overlapping = serviceCands.filter((c) => !same(c) && c.toks.some((t) => mine.has(t)));
  // (the same address read from the same words with more of it, a unit this reading has not found or the
  // rest of a street wrapped in its cell, "28080 South Park" / "Lane": that reading stands)
  const up = (t: string) => t.toUpperCase();
  const fuller = (v: ServiceAddress) =>
    [v.city, v.state, v.zip5].join('|') === [read.value.city, read.value.state, read.value.zip5].join('|') &&
    up(v.street_line).startsWith(up(read.value.street_line)) &&
    (!read.value.unit || up(v.unit) === up(read.value.unit)) &&
    (v.street_line.length > read.value.street_line.length || v.unit.length > read.value.unit.length);
  // (…not one that ran on into a prompt's words: "3295 MLK JR CIR. SUPP")
  const prompts = new Set(g!.cells.flatMap((c) => c.cell.prompt));
  // (…nor one whose more is this reading's own other cells, a street run into its city: "87 W OAK DR CHICAGO")
  const more = (c: AddrCand) => c.toks.some((t) => !mine.has(t)) && !c.toks.some((t) => prompts.has(t));
  if (overlapping.some((c) => fuller(c.value) && more(c))) return;
  const zipCheck = zipCheckOf(check);
  serviceCands.push({ value: read.value, toks: read.toks, score, hit: null, ...(zipCheck ? { zipCheck } : {}) });
}

/**
 * On a screen's prompt row, whether the prompt holding `tok` names a bill's date ("BILL DATE", "LST BL
 * DT", "LAST BILL" around the date word the layout read as a label): a word abbreviating a bill's noun
 * (BILLING_WORDS). On a CSR that is the last bill's date, not the date of the record.
 */
export function billDatePrompt(doc: DocLayout, tok: Tok): boolean {
  const line = doc.lines[tok.line];
  const onScreen = !!line && screenLines(doc).has(line.id);
  const cell = onScreen ? promptCells(line)?.find((c) => c.prompt.includes(tok)) : undefined;
  if (!cell) return false;
  const words = cell.prompt.map((t) => t.text.toLowerCase().replace(/[^a-z]+/g, ''));
  return words.some((w) => w.length >= 2 && [...BILLING_WORDS].some((b) => abbreviates(w, b)));
}

/**
 * On a screen's prompt row, whether the prompt holding `tok` names an address part ("ST NAME" is the
 * street's name, "HSE NO" its number): its value is no one's name, whatever the layout's labels say.
 */
export function addressPartPrompt(doc: DocLayout, tok: Tok): boolean {
  const line = doc.lines[tok.line];
  const onScreen = !!line && screenLines(doc).has(line.id);
  const cell = onScreen ? promptCells(line)?.find((c) => c.prompt.includes(tok)) : undefined;
  return !!cell && promptReadings(promptWords(cell.prompt)).length > 0;
}
