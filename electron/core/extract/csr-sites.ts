import type { PageText, Word } from '../../../shared/domain/document.js';
import { cellsByGap, printedWordLines } from './lines.js';
import { parsePhone } from './values.js';

/**
 * A master account's record with its service locations STACKED: one section per location down the page,
 * each opened by a heading line ("Location 0002 - Warehouse", "SITE 3 OF 4", "Svc Loc LOC-03", "Service
 * Location 2 (Primary)") and holding that site's address, its own facts and its lines. Read as it stands
 * the first section's address is taken whichever location the account's is. The account's service
 * address is its MAIN location's — the one the record marks: its heading says primary / main / BTN /
 * billing location, or a row in every section says which is primary ("Primary Location: Yes"), or the
 * account's block above the sections names it ("Main location: Location 0003"), or else the section holding
 * a telephone number the account's block prints (its BTN). Before the fields are read the headings and
 * the other sections' lines are taken out — but for the lines holding telephone numbers and the header
 * rows of their tables (every location's lines are on the account, their statuses still read). Without a
 * section marked, or with fewer than two, nothing changes. (A location per COLUMN is csr-locations.ts's.)
 */

/** A section's heading: "Location 0002", "SITE 3 OF 4", "Service Location 2", "LOCATION #3", "Svc Loc LOC-03". */
const SITE_HEAD =
  /^(?:service\s+|svc\s+)?(?:location|loc|site|premises?|store|branch)\s*(?:#|no\.?|nbr|id)?\s*(?:[A-Z]{1,4}-)?\d{1,4}\b/i;
/** A heading marking its location the main one: "(Primary)", "BTN LOCATION", "- MAIN", "[Billing location]". */
const MARKED_HEAD =
  /\bprimary\b|\bBTN\b|\b(?:main|billing|bill-to)\s+(?:location|site|premises)\b|\(\s*main\b|[-–]\s*main\s*\)?$|^\*|\*\s*$/i;
/** A row saying which location is the primary one ("Primary Location", "Main Site", "BTN Location", "Primary"). */
const PRIMARY_ROW = /^(?:(?:primary|main|btn|billing)\s+(?:location|site|premises|loc)|primary)\b/i;
const YES = /^(?:y|yes|x|true|primary|main)\.?$/i;
/** An account-level line naming the main location ("Main location: Location 0003", "BTN location: Site 2"). */
const NAMES_MAIN = /\b(?:main|primary|btn|porting|billing)\b/i;
/** A ZIP code, as an address's last line prints it or a cell captioned for it ("ZIP:", "Postal code", "POSTCODE:"). */
const ZIP = /\b[A-Z]{2}\s+\d{5}(?:-\d{4})?\b|\b(?:zip|postal|post\s?code)\b[^:]{0,12}:?\s*\d{5}\b|^\d{5}(?:-\d{4})?$/im;

export interface PrintedLine {
  page: number;
  words: Word[];
  /** the line's cells, split where the gap between words is wide */
  cells: Word[][];
  text: string;
  /** the first cell's words */
  first: string;
  phones: string[];
}

export function printed(pages: PageText[]): PrintedLine[] {
  return pages.flatMap((page) =>
    printedWordLines(page).map((words) => {
      const cells = cellsOf(words);
      const text = words.map((w) => w.text).join(' ');
      const phones: string[] = [];
      // (each cell's numbers: "2035550132; 2038431465 (inactive)" holds two)
      for (const piece of text.split(/[;,]|\s{2,}|\s(?=\(?\d{3}\)?[\s.-]?\d{3}[\s.-]?\d{4}\b)/)) {
        const p = parsePhone(piece);
        if (p) phones.push(p.e164);
      }
      return {
        page: page.page,
        words,
        cells,
        text,
        first: (cells[0] ?? []).map((w) => w.text).join(' '),
        phones,
      };
    }),
  );
}

/**
 * A row's caption and its answer: the first cell and the rest, or — the answer set close after a colon,
 * in the caption's cell ("Primary Location: Yes") — the cell's words either side of the colon.
 */
export function captionAndAnswer(l: PrintedLine): { caption: string; answer: string } {
  const colon = l.first.indexOf(':');
  if (colon >= 0 && colon < l.first.trimEnd().length - 1)
    return { caption: l.first.slice(0, colon), answer: l.text.slice(colon + 1).trim() };
  return { caption: l.first.replace(/:$/, ''), answer: l.text.slice(l.first.length).trim() };
}

/** The heading's own words: "Location 0003" of "Location 0003 - Warehouse (Primary)". */
const headId = (text: string) => SITE_HEAD.exec(text)?.[0] ?? text;

/** A line's cells, split where the gap between words is wider than a word space: 1.5 of the line's type. */
function cellsOf(words: Word[]): Word[][] {
  const h = Math.max(...words.map((w) => w.bbox[3] - w.bbox[1]));
  return cellsByGap(words, (gap) => gap > 1.5 * h);
}

/**
 * The words of an account-level line naming a section the main one ("Main location: | Location 0003",
 * "Primary site SITE 1 OF 2"): the caption's cell and the name's; null when the line names it not.
 */
function namingCells(l: PrintedLine, head: string): Word[] | null {
  const id = headId(head)
    .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
    .replace(/\s+/g, '\\s+');
  const names = new RegExp(`(?:^|\\s)${id}(?![\\w-])`, 'i');
  const cs = l.cells;
  const at = cs.findIndex((c) => names.test(c.map((w) => w.text).join(' ')));
  if (at < 0) return null;
  const text = (c: Word[]) => c.map((w) => w.text).join(' ');
  const own = text(cs[at]!).replace(names, ' ');
  if (NAMES_MAIN.test(own)) return cs[at]!;
  const cap = cs[at - 1];
  return cap && NAMES_MAIN.test(text(cap)) ? [...cap, ...cs[at]!] : null;
}

/**
 * A caption and the first line of its address set close after it ("Service Location 42 Lincoln Hwy, ROOM
 * 163"), not a section's heading: the next line, a ZIP's, starts under one of its later words — the
 * address's next line under its first. A heading's next line starts at the section's edge.
 */
function addressRunsOn(l: PrintedLine, next: PrintedLine | undefined): boolean {
  if (!next || next.page !== l.page || !ZIP.test(next.text)) return false;
  const x = next.words[0]!.bbox[0];
  // (a reader's boxes drift along a line whose runs it joined: half a word height or so)
  const tol = 0.6 * (next.words[0]!.bbox[3] - next.words[0]!.bbox[1]);
  return l.words.slice(1).some((w) => Math.abs(w.bbox[0] - x) <= tol);
}

/** The pages without the other locations' sections (but their telephone lines); null when nothing is marked. */
export function withoutOtherSites(pages: PageText[]): PageText[] | null {
  const lines = printed(pages);
  const heads = lines
    .map((l, i) => ({ l, i }))
    .filter(
      ({ l, i }) =>
        SITE_HEAD.test(l.first.trim()) &&
        !l.phones.length &&
        l.cells.length <= 2 &&
        !/\d{5}/.test(l.text) &&
        !addressRunsOn(l, lines[i + 1]),
    );
  if (heads.length < 2) return null;
  // (stacked sections start at one left edge)
  const x0 = heads[0]!.l.words[0]!.bbox[0];
  if (heads.some(({ l }) => Math.abs(l.words[0]!.bbox[0] - x0) > 12)) return null;
  const sections = heads.map(({ l, i }, k) => ({
    head: l,
    from: i,
    to: k + 1 < heads.length ? heads[k + 1]!.i : lines.length,
  }));
  const body = (s: (typeof sections)[number]) => lines.slice(s.from + 1, s.to);
  const before = lines.slice(0, heads[0]!.i);
  // (a location's section holds its address and its lines: a ZIP and a telephone number each)
  if (sections.some((s) => !body(s).some((l) => ZIP.test(l.text)) || !body(s).some((l) => l.phones.length)))
    return null;

  const pickOne = <T>(xs: T[]): T | null => (xs.length === 1 ? xs[0]! : null);
  const main =
    pickOne(sections.filter((s) => MARKED_HEAD.test(s.head.text.replace(SITE_HEAD, '')))) ??
    pickOne(
      sections.filter((s) =>
        body(s).some((l) => {
          const { caption, answer } = captionAndAnswer(l);
          return PRIMARY_ROW.test(caption) && YES.test(answer);
        }),
      ),
    ) ??
    pickOne(sections.filter((s) => before.some((l) => namingCells(l, s.head.text)))) ??
    (() => {
      for (const l of before)
        for (const ph of l.phones) {
          const holding = sections.filter((s) => body(s).some((b) => b.phones.includes(ph)));
          if (holding.length === 1) return holding[0]!;
        }
      return null;
    })();
  if (!main) return null;

  const drop = new Set<Word>();
  // (the account's line naming its main location has told which it is: its caption and the name are no field)
  for (const l of before) for (const w of namingCells(l, main.head.text) ?? []) drop.add(w);
  for (const s of sections) {
    for (const w of s.head.words) drop.add(w);
    if (s === main) continue;
    const b = body(s);
    b.forEach((l, k) => {
      const next = b[k + 1];
      // a table's header row over its first line stays: the columns' captions (a status column) still read
      const tableHead = next?.phones.length && !/\d/.test(l.text) && l.cells.length >= 2;
      // a row of its own number only ("Lead TN: …") repeats a line of the section's list
      const repeated = l.phones.length === 1 && b.slice(k + 1).some((o) => o.phones.includes(l.phones[0]!));
      if ((!l.phones.length && !tableHead) || repeated) for (const w of l.words) drop.add(w);
    });
  }
  return pages.map((p) =>
    p.words.some((w) => drop.has(w)) ? { ...p, words: p.words.filter((w) => !drop.has(w)) } : p,
  );
}
