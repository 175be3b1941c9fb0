import type { BBox, PageText, Word } from '../../../shared/domain/document.js';
import { cellsByGap, printedWordLines, wordGaps } from './lines.js';
import type { MovedWord, RecordRecast } from './records.js';
import { parseDate, parsePhone } from './values.js';

/**
 * An account printed as its CHANGE HISTORY (an account portal's "Activity History", an audit trail): dated
 * entries, a table (date | activity | details | by) or dated lines, oldest or newest first — the account
 * opened for a name at a premises with its first lines, "Service address changed from A to B", "Account
 * name changed (was A; now B)", lines added and disconnected, authorized users added and removed. Its
 * values are the state AFTER the log: every older value (a former premises, a former name, a line since
 * disconnected, a user since removed) is history. Before the fields are read the entries are replayed in
 * date order and the log is written as the label-left record of what it leaves ("Service Address: B",
 * "Telephone Numbers: …" of the lines still working, "Authorized User: …"), in the log's place; a block of
 * the current record printed beside the log stays as it is. Words keep their printed boxes; `movedBack`
 * (records.ts) returns evidence read where a value was set to where it is printed.
 */

interface Entry {
  iso: string;
  /** printed order (the tie-break among a day's entries) */
  order: number;
  /** the words that classify it: every cell but the date */
  all: Word[];
  /** how many of them are on the entry's first line */
  firstLine: number;
  /** the details cell's words (the values), with its wrapped lines */
  details: Word[];
  /** the entry's printed words (dropped when the log is rewritten) */
  printed: Word[];
}

const CHANGE =
  /\b(?:changed?|updated?|moved?|added|removed|disconnect(?:ed)?|activated|opened|created|installed|cancell?ed|set|completed|new account|relocated)\b/i;
const GONE = /\b(?:disconnect(?:ed)?|removed?|cancell?ed|deactivated)\b/i;
const ADDED = /\b(?:added|activated|installed|new line|initial lines|lines activated|started)\b/i;
const ADDRESS = /\b(?:address|premises|moved?|relocat\w*|location)\b/i;
const BILLING = /\b(?:bill(?:ing)?|mailing|invoice)\b/i;
const NAME = /\bname\b/i;
const PERSON = /\bauthori[sz]ed\b|\bcontact\b/i;
const OPENED = /\b(?:opened|created|new account|established)\b/i;

const bare = (w: Word) => w.text.replace(/^[[(("']+|[\])"',;.:]+$/g, '');

/** A date at the start of a line (after a bullet or a bracket): its words' count, or 0. */
function leadingDate(line: Word[]): { iso: string; n: number } | null {
  for (const n of [3, 2, 1]) {
    if (line.length < n) continue;
    const text = line
      .slice(0, n)
      .map((w) => w.text)
      .join(' ')
      .replace(/^[-*•[(\s]+/, '');
    const d = parseDate(text);
    if (d && d.start === 0 && d.end >= text.replace(/[\]),:-]+$/, '').length) return { iso: d.iso, n };
  }
  // a bullet word before the date
  if (line.length > 1 && /^[-*•]$/.test(line[0]!.text)) {
    const d = leadingDate(line.slice(1));
    if (d) return { iso: d.iso, n: d.n + 1 };
  }
  return null;
}

/**
 * A line's cells: words set apart by more than the line's own word spacing, or in another size of type (on a
 * text layer: an OCR box's height follows its letters, not the type's size). Unlike a table's cells (a fixed
 * share of the type's height, csr-sites.ts) a change log's columns stand close: its date, details and author
 * are told apart by the gap measured against the line's own spacing.
 */
function cells(line: Word[], ocr: boolean): Word[][] {
  const gaps = wordGaps(line).sort((a, b) => a - b);
  const usual = gaps[Math.floor(gaps.length / 2)] ?? 0;
  const height = (w: Word) => w.bbox[3] - w.bbox[1];
  return cellsByGap(line, (gap, before, w) => {
    const h = height(w);
    const sameType = ocr || Math.abs(height(before) - h) <= 0.15 * Math.max(height(before), h);
    return !(sameType && gap <= Math.max(0.45 * h, 1.5 * usual) && gap <= 1.2 * h);
  });
}

/** The details without the author's "(by …)" after them. */
function withoutAuthor(words: Word[]): Word[] {
  const by = words.findIndex((w) => /^\(by$/i.test(w.text));
  const to = by > 0 ? by : words.length;
  // (and without the dash that sets them after the date)
  const from = words.findIndex((w) => !/^[-–:|]$/.test(w.text));
  return words.slice(Math.max(0, from), to);
}

/** The log's entries, or null when the pages hold no change log. */
function entriesOf(pages: PageText[]): Entry[] | null {
  const entries: Entry[] = [];
  let open: (Entry & { x: number; page: number }) | null = null;
  let order = 0;
  for (const page of pages) {
    const ocr = page.method === 'ocr';
    let prev: Word[] = [];
    for (const line of printedWordLines(page)) {
      const before = prev;
      prev = line;
      const d = leadingDate(line);
      if (d && line.length > d.n) {
        // the column headings over a table of entries ("Date  Activity  Details  By") go with the entries
        const headings: Word[] =
          !open && cells(before, ocr).length >= 2 && !before.some((w) => /\d/.test(w.text)) ? before : [];
        const rest = line.slice(d.n);
        const cs = cells(rest, ocr);
        // the details: the cell of the most words; the "by" cell after it is no part of a value
        const details = cs.reduce((a, b) => (b.length > a.length ? b : a), cs[0]!);
        open = {
          iso: d.iso,
          order: order++,
          all: rest,
          firstLine: rest.length,
          details: [...details],
          printed: [...headings, ...line],
          x: line[0]!.bbox[0],
          page: page.page,
        };
        entries.push(open);
        continue;
      }
      // a wrapped entry's next line starts right of its date; anything at the margin ends the entry
      if (open && open.page === page.page && line[0]!.bbox[0] > open.x + 2) {
        open.all.push(...line);
        open.details.push(...line);
        open.printed.push(...line);
        continue;
      }
      open = null;
    }
  }
  authorColumn(entries);
  const changes = entries.filter((e) => CHANGE.test(e.all.map((w) => w.text).join(' ')));
  // (a few changes among dated entries: a log, not a bill's dated lines)
  return changes.length >= 3 && entries.length >= 4 ? entries : null;
}

/**
 * A column the entries' first lines end in (who made the change, printed flush at one left edge in half the
 * entries or more) is no part of the details, even where its gap is no wider than a space.
 */
function authorColumn(entries: Entry[]): void {
  const lastX = entries.map((e) => e.all[e.firstLine - 1]!.bbox[0]);
  const near = (x: number) => lastX.filter((y) => Math.abs(y - x) <= 1.5).length;
  const column = lastX.find((x) => near(x) >= Math.max(3, entries.length / 2));
  if (column === undefined) return;
  // (a column: no entry's wrapped lines run into it)
  if (entries.some((e) => e.all.slice(e.firstLine).some((w) => w.bbox[2] > column))) return;
  for (const e of entries) {
    const author = new Set(e.all.slice(0, e.firstLine).filter((w, k) => k > 0 && w.bbox[0] >= column - 1.5));
    e.details = e.details.filter((w) => !author.has(w));
  }
}

/** The words after the last connector that introduces a new value ("to", "->", "now", "New …:"). */
function newValue(words: Word[]): Word[] | null {
  for (let i = words.length - 1; i >= 0; i--) {
    const t = words[i]!.text;
    if (/^(?:to|->|→|now)$/i.test(t)) return words.slice(i + 1);
    if (/:$/.test(t) && words.slice(Math.max(0, i - 3), i + 1).some((w) => /^new$/i.test(w.text)))
      return words.slice(i + 1);
  }
  return null;
}

/** The words after the last "at" / "address" (an opening's premises), up to the end. */
function openedAt(words: Word[]): Word[] | null {
  for (let i = words.length - 1; i >= 0; i--) if (/^(?:at|address)$/i.test(words[i]!.text)) return words.slice(i + 1);
  return null;
}

/** The name an account was opened for: after "for" / "account:" / "(", up to the premises ("; service …"). */
function openedFor(words: Word[]): Word[] | null {
  const start = words.findIndex((w) => /^(?:for|account:|\(.*)$/i.test(w.text));
  const end = words.findIndex((w, k) => k > start && /^service$/i.test(w.text));
  if (start < 0 || end < 0) return null;
  const from = /^\(./.test(words[start]!.text) ? start : start + 1;
  const name = words.slice(from, end).filter((w) => !/^[-–]$/.test(w.text));
  if (!name.length) return null;
  const trim = (w: Word): Word => ({ ...w, text: w.text.replace(/^\(/, '').replace(/[;,)]+$/, '') });
  return name.map((w, k) => (k === 0 || k === name.length - 1 ? trim(w) : w));
}

/** Numbers in words: each a group of words (a range "A - 0109" / "A through B" one group). */
function numberGroups(words: Word[]): { key: string; words: Word[] }[] {
  const out: { key: string; words: Word[] }[] = [];
  const joiner = (w: Word | undefined) => !!w && /^(?:-|–|through|thru|to)$/i.test(w.text);
  for (let i = 0; i < words.length; i++) {
    const last = out[out.length - 1];
    const joins = !!last && joiner(words[i - 1]) && last.words.at(-1) === words[i - 2];
    let hit: { key: string; run: Word[] } | null = null;
    for (const n of [4, 3, 2, 1]) {
      if (i + n > words.length) continue;
      const run = words.slice(i, i + n);
      const text = run.map(bare).join(' ');
      const p = parsePhone(text);
      if (p && p.start === 0 && p.end >= text.length - 1) {
        hit = { key: p.e164, run };
        break;
      }
    }
    if (hit) {
      if (joins) last!.words.push(words[i - 1]!, ...hit.run);
      else out.push({ key: hit.key, words: hit.run });
      i += hit.run.length - 1;
    } else if (joins && /^\d{4}[.,;)]?$/.test(words[i]!.text)) {
      // a range's end as its last four digits ("to 0109")
      last!.words.push(words[i - 1]!, words[i]!);
    }
  }
  return out;
}

/** A person named in an entry about an authorized user. */
function personIn(given: Word[]): Word[] {
  // (after the activity's own caption printed before its details: "Authorized user: …")
  const kind = given.slice(0, 3).findIndex((w) => /:$/.test(w.text));
  const words = kind >= 0 ? given.slice(kind + 1) : given;
  const t = words.map((w) => w.text.toLowerCase());
  const at = (re: RegExp) => t.findIndex((x) => re.test(x));
  const added = at(/^added$/);
  const as = at(/^as$/);
  // "Added P as authorized contact", "Removed P from authorized contacts"
  if (t[0] === 'added' || t[0] === 'removed') {
    const end = t.findIndex((x, k) => k > 0 && (x === 'as' || x === 'from'));
    if (end > 1) return words.slice(1, end);
  }
  // "P set as authorized person"
  const set = at(/^set$/);
  if (set > 0 && as === set + 1) return words.slice(0, set);
  // "Authorized user P added / removed"
  const noun = at(/^(?:user|contact|person)s?$/);
  const verb = added >= 0 ? added : at(/^removed?$/);
  if (noun >= 0 && verb > noun + 1) return words.slice(noun + 1, verb);
  return [];
}

/**
 * The pages with a change log written as the record it leaves; null when they hold none.
 */
export function recastChangeLog(pages: PageText[]): RecordRecast | null {
  const entries = entriesOf(pages);
  if (!entries) return null;
  const replay = [...entries].sort((a, b) => (a.iso < b.iso ? -1 : a.iso > b.iso ? 1 : 0));
  // a log printed newest first lists a day's entries newest first too
  const newestFirst = entries.length > 1 && entries[0]!.iso > entries[entries.length - 1]!.iso;
  if (newestFirst) replay.sort((a, b) => (a.iso === b.iso ? b.order - a.order : 0));
  let service: Word[] | null = null;
  let billing: Word[] | null = null;
  let name: Word[] | null = null;
  const lines = new Map<string, Word[]>();
  const persons = new Map<string, Word[]>();
  for (const e of replay) {
    const text = e.all.map((w) => w.text).join(' ');
    const person = PERSON.test(text) ? personIn(withoutAuthor(e.details)) : [];
    if (person.length) {
      const key = person.map(bare).join(' ').toLowerCase();
      if (GONE.test(text)) persons.delete(key);
      else persons.set(key, person);
      continue;
    }
    const details = withoutAuthor(e.details);
    const nums = numberGroups(details);
    if (nums.length && GONE.test(text)) {
      for (const n of nums) lines.delete(n.key);
      continue;
    }
    if (OPENED.test(text) && (ADDRESS.test(text) || /\bat\b/i.test(text))) {
      const at = openedAt(details);
      if (at?.length) service = at;
      name ??= openedFor(details);
      continue;
    }
    if (nums.length && ADDED.test(text)) {
      for (const n of nums) lines.set(n.key, n.words);
      continue;
    }
    if (!CHANGE.test(text)) continue;
    const value = newValue(details);
    if (!value?.length) continue;
    if (ADDRESS.test(text) && BILLING.test(text)) billing = value;
    else if (ADDRESS.test(text)) service = value;
    else if (NAME.test(text)) name = value;
  }
  const rows: [string, Word[]][] = [];
  if (name) rows.push(['Account Name', name]);
  if (service) rows.push(['Service Address', service]);
  if (billing) rows.push(['Billing Address', billing]);
  const person = [...persons.values()].at(-1);
  if (person) rows.push(['Authorized User', person]);
  if (lines.size) rows.push(['Telephone Numbers', [...lines.values()].flat()]);
  if (!rows.length) return null;

  // the rows go where the log's first entries are printed, on that page
  const first = entries[0]!.printed[0]!;
  const page = pages.find((p) => p.words.includes(first))!;
  const dropped = new Set(entries.flatMap((e) => e.printed));
  const moved: MovedWord[] = [];
  const h = first.bbox[3] - first.bbox[1];
  const charW = Math.max(1, h * 0.5);
  const firstLines = [
    ...new Set(entries.filter((e) => page.words.includes(e.printed[0]!)).map((e) => e.printed[0]!.bbox[1])),
  ];
  const pitch =
    firstLines.length > 1
      ? Math.min(h * 1.6, Math.max(h * 1.1, (firstLines.at(-1)! - firstLines[0]!) / Math.max(1, firstLines.length - 1)))
      : h * 1.4;
  const words: Word[] = [];
  rows.forEach(([caption, value], k) => {
    const y0 = first.bbox[1] + k * pitch;
    let x = first.bbox[0];
    for (const part of `${caption}:`.split(' ')) {
      words.push({ text: part, bbox: [x, y0, x + part.length * charW, y0 + h], conf: 1 });
      x += (part.length + 1) * charW;
    }
    x += charW;
    for (const w of value) {
      const wd = w.bbox[2] - w.bbox[0];
      const at: BBox = [x, y0, x + wd, y0 + h];
      moved.push({ page: page.page, at, printed: w.bbox });
      // a value's closing punctuation ("B)", "B.") is the sentence's, not the value's
      words.push({
        text: w === value.at(-1) ? w.text.replace(/[).;]+$/, '') || w.text : w.text,
        bbox: at,
        conf: w.conf,
      });
      x += wd + charW;
    }
  });
  const out = pages.map((p) => {
    const kept = p.words.filter((w) => !dropped.has(w));
    return p === page
      ? { ...p, words: [...kept, ...words] }
      : kept.length === p.words.length
        ? p
        : { ...p, words: kept };
  });
  return { pages: out, moved };
}
