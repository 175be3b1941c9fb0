import type { BBox, PageText, Word } from '../../../shared/domain/document.js';
import { mapEvidence } from '../../../shared/domain/orientation.js';
import { estimateSlope, printedWordLines } from './lines.js';

/**
 * A record printed as data: a carrier's API or EDI gateway answer (JSON, XML) that a specialist printed
 * or saved as PDF. Its keys are identifiers ("accountName", "billing_telephone_number", <ServiceAddress>)
 * and its values sit in quotes and punctuation. Before the fields are read, such a page is written as the
 * label-left record it is: every key as the words it is made of followed by a colon ("Account Name:"), the
 * value without quotes, commas, brackets or tags, XML's escapes decoded, a nested object's key as the
 * heading over its members, and each item of an array of objects (a telephone number with its status and
 * line type) as one row, so a status written in the item ("pending_disconnect") stands beside its number.
 * Words keep their printed boxes (a key's words share its box); a row's later members move onto the item's
 * first line, and `movedBack` returns evidence read there to where it is printed.
 */

interface Piece {
  text: string;
  /** character range in the line's text */
  from: number;
  to: number;
}

interface RecLine {
  /** label pieces (the key's words, the last one ending in ':') and value pieces */
  label: Piece[];
  value: Piece[];
  /** opens an object or array (JSON '{' / '[' after a key, an XML element holding elements) */
  opens: boolean;
  /** closes one ('}', ']', '</Tag>') */
  closes: boolean;
  /** what it opens is an array ('[') */
  array: boolean;
  /** an XML element's tag or a JSON key ('' for a JSON array's item) */
  key: string;
  /** no key: a JSON object or value inside an array, or a line the printer wrapped */
  bare: boolean;
  /** an XML element whose text the printer wrapped: the closing tag its value runs on to, on a later line */
  runsTo?: string;
}

const JSON_KEY = /^\s*"([^"]{1,80})"\s*:\s*/;
const XML_OPEN = /^\s*<([A-Za-z_][\w.:-]*)((?:\s+[\w.:-]+\s*=\s*"[^"]*")*)\s*(\/?)>/;
const XML_CLOSE = /^\s*<\/([A-Za-z_][\w.:-]*)>\s*$/;
const XML_DECL = /^\s*<[?!].*>\s*$/;
const PUNCT_ONLY = /^[\s{}[\],]+$/;
/**
 * A key as OCR reads it off a scan: one of its two quotes may be lost ("Title: "Member", BStatus": …);
 * the other is kept, which tells it from a label-left line.
 */
const OCR_JSON_KEY = /^\s*(?:"([A-Za-z_][\w.-]{0,79})"?|([A-Za-z_][\w.-]{0,79})")\s*:\s*/;
/** What OCR leaves of a bracket that opens an object or array after a key: "to [" for "[". */
const OCR_OPENS = /^[^\s"]{0,2}\s*[{[]$/;
/** A line OCR made of a lone bracket: a character or three, none a quote ("3", "Ys", "ie", "3},", "§"). */
const OCR_SPECK_LINE = /^[^"\s]{1,3}$/;

/**
 * OCR's misreadings of a record's punctuation, one character for one so that the line's characters keep
 * their words' boxes: curly quotes, a key's closing quote read as a mark ("AccountNumber®: …), a doubled
 * opening quote (“"CustomerName": …) and the colon after a key read as a semicolon ("Town"; "Billings").
 */
function ocrPunctuation(text: string): string {
  return text
    .replace(/[“”„‟″〃]/g, '"')
    .replace(/[‘’‚‛′]/g, "'")
    .replace(/(\w)[®™°*]([:;])/g, '$1"$2')
    .replace(/(^|\s)""(?=[A-Za-z_])/g, '$1 "')
    .replace(/(\w");/g, '$1:');
}

/** An identifier's words: camelCase, PascalCase, snake_case, kebab-case, dotted ("XMLName" → XML Name). */
export function identifierWords(key: string): string[] {
  return key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[\s_.:-]+/)
    .filter(Boolean);
}

const decode = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\\(["/\\])/g, '$1');

/** The words of a value between `from` and `to`, quotes, commas and brackets off; null / empty give none. */
function valuePieces(text: string, from: number, to: number): Piece[] {
  const raw = text.slice(from, to);
  const trimmed = raw.replace(/^[\s"'[{]+/, '').replace(/[\s"',\]}]+$/, '');
  if (!trimmed || /^(?:null|nil|undefined)$/i.test(trimmed)) return [];
  const start = from + raw.indexOf(trimmed);
  const out: Piece[] = [];
  // an inline array's items ("[\"512…\", \"512…\"]") split at their quotes and commas
  const re = /[^\s",]+(?:\s+[^\s",]+)*/g;
  // an enumerated value written as an identifier ("pending_disconnect") is its words
  const word = /^[A-Za-z]+(?:_[A-Za-z]+)+$/.test(trimmed) ? /[^\s_]+/g : /\S+/g;
  for (const m of trimmed.matchAll(re)) {
    for (const w of m[0].matchAll(word)) {
      const t = decode(w[0]);
      if (/^(?:true|false)$/i.test(t)) out.push({ text: /^t/i.test(t) ? 'Yes' : 'No', from: 0, to: 0 });
      else out.push({ text: t, from: start + m.index + w.index, to: start + m.index + w.index + w[0].length });
    }
  }
  // a boolean keeps the box of the printed word
  for (const p of out) if (p.to === 0) Object.assign(p, { from: start, to: start + trimmed.length });
  // a word keeps the box of the comma after it: the comma is left out, not the room it takes (on a scan a
  // comma and a space are wider than a cell gap beside small print: "Group, Inc.")
  for (const p of out) if (text[p.to] === ',') p.to++;
  return out;
}

/** The key's words (or `words` in their stead) as label pieces over the key's characters, the last ending in a colon. */
export function labelPieces(key: string, from: number, words = identifierWords(key)): Piece[] {
  const span = key.length / Math.max(1, words.length);
  return words.map((w, i) => ({
    text:
      (w.length > 1 && w === w.toLowerCase() ? w[0]!.toUpperCase() + w.slice(1) : w) +
      (i === words.length - 1 ? ':' : ''),
    from: from + Math.round(i * span),
    to: from + Math.round((i + 1) * span),
  }));
}

/** At least this sure a key's words are (a speck is less sure: layout.ts isNoise; OCR repair still applies under 0.6) */
const KEY_CONF = 0.45;

/** One printed line read as a record line, or null when it is not one; `ocr`: a scan's reading of it. */
function recordLine(text: string, ocr = false): RecLine | null {
  const blank = { label: [], value: [], opens: false, closes: false, array: false, key: '', bare: false };
  if (PUNCT_ONLY.test(text)) {
    const last = text.trim().replace(/,$/, '').slice(-1);
    const opens = last === '{' || last === '[';
    return { ...blank, opens, array: last === '[', closes: /[}\]]/.test(text), bare: true };
  }
  if (XML_DECL.test(text)) return blank;
  const close = XML_CLOSE.exec(text);
  if (close) return { ...blank, closes: true, key: close[1]! };
  const json = JSON_KEY.exec(text) ?? (ocr ? OCR_JSON_KEY.exec(text) : null);
  if (json) {
    const key = json[1] ?? json[2]!;
    const from = text.indexOf(key);
    const rest = text.slice(json[0].length).trim();
    const opens = /^[{[]$/.test(rest) || (ocr && OCR_OPENS.test(rest));
    return {
      ...blank,
      key,
      label: labelPieces(key, from),
      value: opens ? [] : valuePieces(text, json[0].length, text.length),
      opens,
      array: opens && rest.endsWith('['),
    };
  }
  // a key OCR could not read before its bracket ("n ng: [", "Cap tu {"): the box opens all the same
  if (ocr && text.length <= 10 && !text.includes('"') && /[{[]$/.test(text.trim()))
    return { ...blank, opens: true, array: text.trim().endsWith('['), bare: true };
  const xml = XML_OPEN.exec(text);
  if (xml) {
    const key = xml[1]!;
    const after = xml.index + xml[0].length;
    // OCR may misread a letter of the closing tag ("<AddressLine1>…</AddressLinel>"): a closing tag ends the line
    const exact = text.indexOf(`</${key}>`, after);
    const closing = text.slice(after).search(/<\/[A-Za-z_][\w.:-]*>\s*$/);
    const end = exact >= 0 ? exact : closing >= 0 ? after + closing : -1;
    const attrs = [...xml[2]!.matchAll(/"([^"]*)"/g)].flatMap((m) =>
      valuePieces(text, text.indexOf(m[0], xml.index) + 1, text.indexOf(m[0], xml.index) + m[0].length - 1),
    );
    const content = valuePieces(text, after, end < 0 ? text.length : end);
    const opens = !xml[3] && end < 0 && !content.length;
    const label = labelPieces(key, text.indexOf(key));
    // text after an opening tag with no closing tag on the line goes on to the closing tag on a later line
    const runsTo = !xml[3] && end < 0 && content.length ? `</${key}>` : undefined;
    return { ...blank, key, label, value: [...content, ...attrs], opens, ...(runsTo ? { runsTo } : {}) };
  }
  return null;
}

interface PrintedLine {
  words: Word[];
  text: string;
  /** each character's word (-1: the space between words) */
  owner: number[];
  /** the page's skew (dy/dx): a piece of a word sits where the tilted word has it */
  slope: number;
}

/** The page's words as printed lines, top to bottom, each left to right. */
function printedLines(page: PageText): PrintedLine[] {
  const slope = page.method === 'ocr' ? estimateSlope(page.words) : 0;
  return printedWordLines(page).map((line) => {
    const owner: number[] = [];
    line.forEach((w, k) => {
      if (k) owner.push(-1);
      for (let c = 0; c < w.text.length; c++) owner.push(k);
    });
    const text = line.map((w) => w.text).join(' ');
    return { words: line, text: page.method === 'ocr' ? ocrPunctuation(text) : text, owner, slope };
  });
}

/** The box of characters from..to of a printed line (a word's characters share its width evenly). */
function boxOf(line: PrintedLine, from: number, to: number): BBox | null {
  let box: BBox | null = null;
  let start = 0;
  line.words.forEach((w) => {
    const a = Math.max(from, start),
      b = Math.min(to, start + w.text.length);
    if (a < b) {
      const cw = (w.bbox[2] - w.bbox[0]) / Math.max(1, w.text.length);
      const x0 = w.bbox[0] + (a - start) * cw,
        x1 = w.bbox[0] + (b - start) * cw;
      // on a tilted scan a word's pieces step along the slope (level pieces would read as a level page)
      const dy = line.slope * ((x0 + x1) / 2 - (w.bbox[0] + w.bbox[2]) / 2);
      const y0 = w.bbox[1] + dy,
        y1 = w.bbox[3] + dy;
      box = box
        ? [Math.min(box[0], x0), Math.min(box[1], y0), Math.max(box[2], x1), Math.max(box[3], y1)]
        : [x0, y0, x1, y1];
    }
    start += w.text.length + 1;
  });
  return box;
}

/** Where a word of a row was drawn and where it is printed. */
export interface MovedWord {
  page: number;
  at: BBox;
  printed: BBox;
}

export interface RecordRecast {
  pages: PageText[];
  moved: MovedWord[];
}

/**
 * The pages with every data-record page written as a label-left record; null when no page is one. A
 * page is a record when most of its lines are keys, tags or brackets and the document has at least
 * eight such lines (a record runs on over pages: its nesting does too).
 */
export function recastRecords(pages: PageText[]): RecordRecast | null {
  const perPage = recordPages(pages);
  if (!perPage) return null;
  const all = perPage.flatMap((p) => (p.record ? p.recs : []));
  const items = arrayItems(all);
  streetRows(all, items);
  namesWhose(all);
  const moved: MovedWord[] = [];
  let offset = 0;
  const out = pages.map((page, i) => {
    const p = perPage[i]!;
    if (!p.record) return page;
    const words = recastPage(page.page, p.lines, p.recs, (k) => items.get(offset + k), moved);
    offset += p.recs.length;
    return { ...page, words };
  });
  return { pages: out, moved };
}

/** A line's place in a row: its first line, a member set a cell apart, a street part a space apart. */
type RowRole = 'first' | 'member' | 'part';

interface Built {
  /** the line's right edge so far and its box's top and bottom (a row's members go on after it) */
  right: number;
  y0: number;
  y1: number;
}

function recastPage(
  page: number,
  lines: PrintedLine[],
  recs: (RecLine | null)[],
  itemOf: (line: number) => RowRole | undefined,
  moved: MovedWord[],
): Word[] {
  const words: Word[] = [];
  // a piece is as sure as the words it is made of (an unsure key does not make its value unsure)
  const conf = (l: PrintedLine, p: Piece) => {
    const ks = new Set(l.owner.slice(p.from, Math.max(p.from + 1, p.to)).filter((k) => k >= 0));
    return Math.min(...(ks.size ? [...ks].map((k) => l.words[k]!.conf) : l.words.map((w) => w.conf)));
  };
  // a row is the page's own: an item broken by the page end starts over on the next
  let row: Built | null = null;
  // an element's text the printer wrapped ("<LegalName>Old Town Family Dentistry" | "LLP</LegalName>"):
  // where its value ends so far and the closing tag it runs on to
  let wrapped: (Built & { to: string }) | null = null;
  lines.forEach((line, i) => {
    const r = recs[i];
    if (!r && wrapped) {
      const close = line.text.indexOf(wrapped.to);
      const rest: Word[] = [];
      for (const p of valuePieces(line.text, 0, close < 0 ? line.text.length : close)) {
        const b = boxOf(line, p.from, p.to);
        if (b) rest.push({ text: p.text, bbox: b, conf: conf(line, p) });
      }
      wrapped.right = joinAfter(page, wrapped, rest, words, moved);
      if (close >= 0) wrapped = null;
      return;
    }
    wrapped = null;
    if (!r) {
      // not record syntax (a file name and print stamp, a wrapped value's rest): quotes and commas off
      const ps = valuePieces(line.text, 0, line.text.length);
      for (const p of ps) {
        const b = boxOf(line, p.from, p.to);
        if (b) words.push({ text: p.text, bbox: b, conf: conf(line, p) });
      }
      row = null;
      return;
    }
    const item = itemOf(i);
    const joins = (item === 'member' || item === 'part') && row;
    const pieces = joins ? r.value : [...r.label, ...r.value];
    const built: Word[] = [];
    for (const p of pieces) {
      const b = boxOf(line, p.from, p.to);
      // a key read as a key is no speck, however unsure OCR was of its letters (they may still be repaired)
      const sure = r.label.includes(p) ? Math.max(KEY_CONF, conf(line, p)) : conf(line, p);
      if (b) built.push({ text: p.text, bbox: b, conf: sure });
    }
    if (joins && row && built.length) {
      // the item's later members go on its first line, a cell's gap apart; a street's parts a space apart
      const gap = (item === 'part' ? 0.35 : 3) * (row.y1 - row.y0);
      const dx = row.right + gap - built[0]!.bbox[0];
      for (const w of built) {
        const at: BBox = [w.bbox[0] + dx, row.y0, w.bbox[2] + dx, row.y1];
        moved.push({ page, at, printed: w.bbox });
        words.push({ ...w, bbox: at });
      }
      row.right = built[built.length - 1]!.bbox[2] + dx;
      return;
    }
    words.push(...built);
    if (r.runsTo && built.length) {
      const last = built[built.length - 1]!.bbox;
      wrapped = { right: last[2], y0: last[1], y1: last[3], to: r.runsTo };
    }
    if (item === 'first' && built.length) {
      row = { right: built[built.length - 1]!.bbox[2], y0: built[0]!.bbox[1], y1: built[0]!.bbox[3] };
    } else if (!joins) row = null;
  });
  return words;
}

/**
 * The rest of a value the printer wrapped onto the next line, set after the value's words a space apart on
 * their line (as a record's label-left line has its whole value beside the label); its right edge after.
 */
function joinAfter(page: number, at: Built, rest: Word[], words: Word[], moved: MovedWord[]): number {
  if (!rest.length) return at.right;
  const dx = at.right + 0.35 * (at.y1 - at.y0) - rest[0]!.bbox[0];
  for (const w of rest) {
    const to: BBox = [w.bbox[0] + dx, at.y0, w.bbox[2] + dx, at.y1];
    moved.push({ page, at: to, printed: w.bbox });
    words.push({ ...w, bbox: to });
  }
  return rest[rest.length - 1]!.bbox[2] + dx;
}

/**
 * The parts a data record splits a street line into (house number, directions, street name, suffix or
 * type), by the words of their keys: address data models store them apart, a street line prints them
 * together. A key naming a street part has one of these words and names no other address part.
 */
// ("hse": house as an ordering form's tag shortens it, "HSE NBR", "hseNo")
const HOUSE_WORDS = new Set(['house', 'hse', 'building', 'bldg', 'premise', 'premises']);
const NUMBER_WORDS = new Set(['number', 'no', 'nbr', 'num', 'nr', '#']);
const STREET_WORDS = new Set(['street', 'st', 'road', 'thoroughfare']);
const STREET_PART_WORDS = new Set([
  'name',
  'suffix',
  'type',
  'direction',
  'directional',
  'dir',
  'prefix',
  'predirectional',
  'postdirectional',
  'pre',
  'post',
]);

type StreetPart = 'house' | 'street';

function streetPartOf(key: string): StreetPart | null {
  const words = identifierWords(key).map((w) => w.toLowerCase());
  const has = (set: Set<string>) => words.some((w) => set.has(w));
  if (has(HOUSE_WORDS) && (words.length === 1 || has(NUMBER_WORDS))) return 'house';
  // "StreetNumber", "AddressNumber" (NENA's Add_Number): the house number
  if ((has(STREET_WORDS) || words.includes('address')) && has(NUMBER_WORDS) && !has(STREET_PART_WORDS)) return 'house';
  if (/^(?:thoroughfare|suffix|predirectional|postdirectional)$/.test(words.join(''))) return 'street';
  if (has(STREET_WORDS) && (words.length === 1 || words.every((w) => STREET_WORDS.has(w) || STREET_PART_WORDS.has(w))))
    return 'street';
  return null;
}

/**
 * A house number line followed by street part lines (name, suffix…) is one street row: the house number's
 * line, labelled "Street:", takes the parts' values after it. Marks the lines like array items' rows.
 */
function streetRows(recs: (RecLine | null)[], rows: Map<number, RowRole>): void {
  for (let i = 0; i < recs.length; i++) {
    const r = recs[i];
    if (!r?.value.length || streetPartOf(r.key) !== 'house' || rows.has(i)) continue;
    const run = [i];
    for (let j = i + 1; j < recs.length; j++) {
      const n = recs[j];
      if (!n?.label.length || streetPartOf(n.key) !== 'street') break;
      if (n.value.length) run.push(j);
    }
    if (run.length < 2) continue;
    const first = r.label[0]!,
      last = r.label[r.label.length - 1]!;
    r.label = [{ text: 'Street:', from: first.from, to: last.to }];
    run.forEach((k, n) => rows.set(k, n ? 'part' : 'first'));
    i = run[run.length - 1]!;
  }
}

/** A member key that says a value is a name but not whose ("name", "fullName", <DisplayName>). */
const BARE_NAME_KEY = /^(?:full|display)?name$/;

/**
 * A keyed object's member that names only a name ("authUser": { "name": "Wei Martinez" }, <AccountContact>
 * <FullName>…</FullName>): whose name it is, the object's key says, so the member's label is written with
 * the object's words in front ("Auth User Name:"), as a label-left form would caption it.
 */
function namesWhose(recs: (RecLine | null)[]): void {
  const boxes = recordBoxes(recs);
  const items = new Set(itemBoxes(boxes));
  for (const b of boxes) {
    if (!b.key || b.array || items.has(b)) continue;
    for (const m of b.members) {
      const r = recs[m]!;
      if (!r.label.length || !r.value.length || !BARE_NAME_KEY.test(identifierWords(r.key).join('').toLowerCase()))
        continue;
      r.label = labelPieces(r.key, r.label[0]!.from, [...identifierWords(b.key), ...identifierWords(r.key)]);
    }
  }
}

/** An object, array or XML element holding elements: its key, its parent box and its member lines. */
interface RecBox {
  key: string;
  parent: number;
  members: number[];
  /** an unkeyed object inside an array */
  bareItem: boolean;
  array: boolean;
}

/** The record's boxes, in the order they open. */
function recordBoxes(recs: (RecLine | null)[]): RecBox[] {
  const boxes: RecBox[] = [];
  const stack: number[] = [];
  recs.forEach((r, i) => {
    if (!r) return;
    // "}, {" closes one item and opens the next
    if (r.closes && !r.label.length) stack.pop();
    if (r.opens) {
      const parent = stack[stack.length - 1] ?? -1;
      boxes.push({
        key: r.bare ? '' : r.key,
        parent,
        members: [],
        bareItem: r.bare && !r.array && !!boxes[parent]?.array,
        array: r.array,
      });
      stack.push(boxes.length - 1);
    } else if (!r.closes && stack.length && (r.label.length || r.value.length)) {
      const top = boxes[stack[stack.length - 1]!]!;
      // an array item never names a key twice: where OCR lost the brackets between two items, the key
      // the first item began with begins the next
      if (top.bareItem && r.key && top.members.some((m) => recs[m]!.key === r.key)) {
        boxes.push({ ...top, members: [i] });
        stack[stack.length - 1] = boxes.length - 1;
      } else top.members.push(i);
    }
  });
  return boxes;
}

/**
 * The boxes that are an array's items: a JSON item is an unkeyed object inside an array; an XML item is
 * an element holding elements whose tag repeats among its siblings.
 */
function itemBoxes(boxes: RecBox[]): RecBox[] {
  const siblings = new Map<string, number>();
  for (const b of boxes)
    if (b.key) siblings.set(`${b.parent}/${b.key}`, (siblings.get(`${b.parent}/${b.key}`) ?? 0) + 1);
  return boxes.filter(
    (b) => b.bareItem || (!!b.key && b.parent >= 0 && (siblings.get(`${b.parent}/${b.key}`) ?? 0) > 1),
  );
}

/** The lines that are the members of an array's items: 'first' for an item's first member line, 'member' for the rest. */
function arrayItems(recs: (RecLine | null)[]): Map<number, RowRole> {
  const out = new Map<number, RowRole>();
  for (const b of itemBoxes(recordBoxes(recs)))
    if (b.members.length > 1) b.members.forEach((m, k) => out.set(m, k ? 'member' : 'first'));
  return out;
}

/**
 * A bracket alone on its line that OCR read as a speck or a letter or two ("}," as "3;", "{" as "§"): by
 * its indent, it closes the box the line above is deeper in and opens the box the line below is deeper
 * in (a pretty-printed record indents each box's members past its brackets).
 */
function specksAsBrackets(lines: PrintedLine[], recs: (RecLine | null)[]): void {
  const x0 = (l: PrintedLine) => l.words[0]!.bbox[0];
  const deeper = (a: PrintedLine | undefined, b: PrintedLine) => {
    if (!a) return false;
    const h = Math.max(...b.words.map((w) => w.bbox[3] - w.bbox[1]), ...a.words.map((w) => w.bbox[3] - w.bbox[1]));
    return x0(a) > x0(b) + 0.5 * h;
  };
  lines.forEach((line, i) => {
    if (recs[i] || !OCR_SPECK_LINE.test(line.text.trim())) return;
    const closes = deeper(lines[i - 1], line),
      opens = deeper(lines[i + 1], line);
    if (!closes && !opens) return;
    recs[i] = { label: [], value: [], opens, closes, array: false, key: '', bare: true };
  });
}

/** A record page's lines and their reading (recastRecords' test of a record page). */
function recordPages(pages: PageText[]): { lines: PrintedLine[]; recs: (RecLine | null)[]; record: boolean }[] | null {
  // a record's keys start with a quote or a tag: a page without eight such words is none (and costs nothing)
  let marks = 0;
  for (const p of pages) for (const w of p.words) if (/^["“”<]/.test(w.text)) marks++;
  if (marks < 8) return null;
  const perPage = pages.map((page) => {
    const lines = printedLines(page);
    const ocr = page.method === 'ocr';
    const recs = lines.map((l) => recordLine(l.text, ocr));
    if (ocr) specksAsBrackets(lines, recs);
    const keyed = recs.filter((r) => r && (r.label.length || r.closes)).length;
    return { lines, recs, keyed, record: keyed >= 2 && keyed >= 0.5 * lines.length };
  });
  return perPage.reduce((n, p) => n + (p.record ? p.keyed : 0), 0) < 8 ? null : perPage;
}

/**
 * The pages as a data record states the account: without the lines of an item whose status says its
 * line has left ("status": "disconnected") and of a list whose key says so ("disconnectedTns",
 * <PendingDisconnect>) — a number printed there is not on the account, for a search of what the record
 * holds as much as for reading it. The same pages when there is no record or nothing has left.
 */
export function withoutLeftLines(pages: PageText[], left: (text: string) => boolean): PageText[] {
  const perPage = recordPages(pages);
  if (!perPage) return pages;
  const all = perPage.flatMap((p) => (p.record ? p.recs : []));
  const lines = perPage.flatMap((p) => (p.record ? p.lines : []));
  const boxes = recordBoxes(all);
  const items = new Set(itemBoxes(boxes));
  const valueText = (i: number) => all[i]!.value.map((v) => v.text).join(' ');
  const keyText = (k: string) => identifierWords(k).join(' ');
  const gone = new Set<number>();
  // boxes open parent first: a box inside a box that has left has left too
  const goneBox = new Set<number>();
  boxes.forEach((b, k) => {
    if (
      (b.key && left(keyText(b.key))) ||
      (items.has(b) && b.members.some((m) => left(valueText(m)))) ||
      goneBox.has(b.parent)
    )
      goneBox.add(k);
  });
  boxes.forEach((b, k) => {
    if (goneBox.has(k)) for (const m of b.members) gone.add(m);
  });
  // a scalar list on its key's line: "disconnectedTns": ["5125550177"]
  all.forEach((r, i) => {
    if (r?.label.length && r.value.length && left(keyText(r.key))) gone.add(i);
  });
  if (!gone.size) return pages;
  const drop = new Set([...gone].flatMap((i) => lines[i]!.words));
  return pages.map((p) =>
    p.words.some((w) => drop.has(w)) ? { ...p, words: p.words.filter((w) => !drop.has(w)) } : p,
  );
}
/** The moved words whose boxes where they were read lie within an evidence box on that page (half a point's slack). */
export function movedInside<M extends MovedWord>(moved: readonly M[], page: number, b: BBox): M[] {
  return moved.filter(
    (m) =>
      m.page === page &&
      m.at[0] >= b[0] - 0.5 &&
      m.at[2] <= b[2] + 0.5 &&
      m.at[1] >= b[1] - 0.5 &&
      m.at[3] <= b[3] + 0.5,
  );
}
/**
 * Evidence read off moved words (a recast record's members, a comb's characters), back where they are
 * printed: the moved words inside the evidence (their boxes within it; an OCR line's words stand a
 * little higher or lower than each other) give their printed boxes, and where the evidence reaches
 * beyond them (a word that was not moved, such as the "(" printed before a comb) it keeps its own edge.
 */
export function movedBack<T>(value: T, moved: readonly MovedWord[]): T {
  if (!moved.length) return value;
  return mapEvidence(value, ({ page, bbox: b }) => {
    const inside = b ? movedInside(moved, page, b) : [];
    if (!b || !inside.length) return { page, bbox: b };
    const lo = (k: number) => Math.min(...inside.map((m) => m.printed[k]!));
    const hi = (k: number) => Math.max(...inside.map((m) => m.printed[k]!));
    const beyondLo = (k: number) => b[k]! < Math.min(...inside.map((m) => m.at[k]!)) - 0.5;
    const beyondHi = (k: number) => b[k]! > Math.max(...inside.map((m) => m.at[k]!)) + 0.5;
    // (words left of the moved ones stayed where they are printed: the box spans their line as well — a
    // value wrapped onto the next line is both lines)
    const stayed = beyondLo(0);
    return {
      page,
      bbox: [
        beyondLo(0) ? Math.min(b[0], lo(0)) : lo(0),
        beyondLo(1) || stayed ? Math.min(b[1], lo(1)) : lo(1),
        beyondHi(2) ? Math.max(b[2], hi(2)) : stayed ? Math.max(hi(2), Math.min(...inside.map((m) => m.at[0]))) : hi(2),
        beyondHi(3) || stayed ? Math.max(b[3], hi(3)) : hi(3),
      ],
    };
  });
}
