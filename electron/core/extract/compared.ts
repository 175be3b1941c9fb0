import type { BBox, DocumentKind, PageText, Word } from '../../../shared/domain/document.js';
import { mapEvidence } from '../../../shared/domain/orientation.js';
import { joinCombs } from './combs.js';
import { withoutOtherAccounts } from './csr-accounts.js';
import { buildLayout, segText, type DocLayout, type Line, type Seg, type Tok } from './layout.js';
import { printedWordLines } from './lines.js';
import { ROW_INACTIVE } from './phones.js';
import { withoutLeftLines } from './records.js';

/**
 * A verification response (a losing carrier's answer to a port or CSR check, an audit of an order)
 * prints a table comparing what the other side sent with what the record holds: Field | Submitted |
 * On record | Result, in any column order and wording ("Requested" / "Carrier record", "Your value" /
 * "Our value"). The record column is the document's own; the request column is the other party's
 * version (another spelling, its billing address, a wrong PIN) and the result column only says whether
 * they agree. Those two columns are taken out before the fields are read, so each row's label meets the
 * record's value.
 */

/** A column heading naming the record's side: "On record", "Carrier record", "Our value", "As on CSR". */
const RECORD_HEAD =
  /^(?:(?:on|in)\s+(?:our\s+)?(?:records?|file|csr|account)|as\s+(?:on|in)\s+(?:records?|file|csr|account)|(?:carrier|our|csr|account|current|existing|billing)\s+(?:records?|value|data|info(?:rmation)?)|record(?:ed)?\s+value|of\s+record|record)$/i;
/** A column heading naming the other side's: "Submitted", "Requested", "Your value", "LSR value". */
const REQUEST_HEAD =
  /^(?:submitted|requested|provided|received|sent|as\s+(?:submitted|received|requested|provided|sent)|(?:your|their|lsr|loa|request|requested|order|submitted|provided|gaining)\s+(?:value|data|info(?:rmation)?|entry)|you\s+(?:sent|submitted|provided)|on\s+(?:the\s+|your\s+)?(?:request|lsr|order|loa))$/i;
/** The words a RECORD_HEAD / REQUEST_HEAD run can open with (a run's text starts with its first word's). */
const RECORD_FIRST = /^(?:on|in|as|carrier|our|csr|account|current|existing|billing|record(?:ed)?|of)(?:[\s:]|$)/i;
const REQUEST_FIRST =
  /^(?:submitted|requested|provided|received|sent|as|your|their|lsr|loa|request|order|gaining|you|on)(?:[\s:]|$)/i;
/** A column heading of the comparison's verdict: "Result", "Status", "Match?". */
const VERDICT_HEAD = /^(?:results?|status|match(?:ed)?\??|outcome|verification|verified\??|comparison|compare)$/i;

const cellText = (s: Seg) =>
  segText(s.toks)
    .trim()
    .replace(/[:\s]+$/, '');

interface Column {
  x0: number;
  x1: number;
  /** the other side's value or the verdict: not the document's */
  drop: boolean;
  /** the record's value: the document's own */
  record: boolean;
}

/** The columns of a comparison header line, or null when the line is not one. */
function headerColumns(line: Line): Column[] | null {
  if (line.segs.length < 3) return null;
  const texts = line.segs.map(cellText);
  if (!texts.some((t) => RECORD_HEAD.test(t)) || !texts.some((t) => REQUEST_HEAD.test(t))) return null;
  const tol = Math.max(4, 0.8 * line.h);
  return line.segs.map((s, i) => ({
    x0: s.x0 - tol,
    x1: i + 1 < line.segs.length ? line.segs[i + 1]!.x0 - tol : Number.POSITIVE_INFINITY,
    drop: REQUEST_HEAD.test(texts[i]!) || VERDICT_HEAD.test(texts[i]!),
    record: RECORD_HEAD.test(texts[i]!),
  }));
}

/** Where a table's record column was drawn over its dropped columns: words and evidence in that band move by dx. */
export interface MovedBand {
  page: number;
  y0: number;
  y1: number;
  /** the band's left and right edge where the record column now stands */
  x0: number;
  x1: number;
  dx: number;
  /**
   * Rows whose record words were also moved up or down onto their caption's line (a scan prints a
   * column a few points off its row), by dy, where they now stand
   */
  rows: { y0: number; y1: number; dy: number }[];
}

export interface Recast {
  pages: PageText[];
  moved: MovedBand[];
}

const boxOf = (toks: readonly Tok[]) => ({
  x0: Math.min(...toks.map((t) => t.bbox[0])),
  y0: Math.min(...toks.map((t) => t.bbox[1])),
  x1: Math.max(...toks.map((t) => t.bbox[2])),
  y1: Math.max(...toks.map((t) => t.bbox[3])),
});

/** One comparison table: its header, rows, the words to drop and the record column's words. */
function tableAt(
  doc: DocLayout,
  head: Line,
  cols: Column[],
): { drop: Tok[]; record: Tok[]; dx: number; dy: Map<Tok, number> } {
  const rec = cols.findIndex((c) => c.record);
  const colOf = (t: Tok) => {
    const cx = (t.x0 + t.x1) / 2;
    return cols.findIndex((c) => cx >= c.x0 && cx < c.x1);
  };
  const drop: Tok[] = [];
  const record: Tok[] = [];
  const dy = new Map<Tok, number>();
  const mid = (ts: readonly Tok[]) => {
    const b = boxOf(ts);
    return (b.y0 + b.y1) / 2;
  };
  // a row's caption words without a record value, waiting for a record line printed a little lower
  let captionOnly: Tok[] = [];
  const take = (l: Line) => {
    const own: Tok[] = [];
    const rec: Tok[] = [];
    for (const t of l.toks) {
      const c = cols[colOf(t)];
      if (c?.drop) drop.push(t);
      else if (c?.record) rec.push(t);
      else own.push(t);
    }
    record.push(...rec);
    // the record's words go onto their row's caption line: a scan prints a column a few points off its
    // row, and once the columns between are gone it would be a line of its own under the caption
    const below = captionOnly.length ? mid(rec) - mid(captionOnly) : Number.NaN;
    const caption = own.length ? own : rec.length && below >= 0 && below < l.h ? captionOnly : [];
    if (rec.length && caption.length) for (const t of rec) dy.set(t, mid(caption) - mid(rec));
    captionOnly = own.length && !rec.length ? own : [];
  };
  take(head);
  // the rows: down the page while the lines keep the table's spacing and its columns
  let prev = head;
  for (let i = head.id + 1; i < doc.lines.length; i++) {
    const l = doc.lines[i]!;
    if (l.page !== head.page || l.top - prev.bottom > 2.2 * Math.max(l.h, prev.h)) break;
    // every cell of a row starts at a column's edge: a line that does not is the next block
    const tol = Math.max(4, 0.8 * l.h);
    if (!l.segs.every((sg) => cols.some((c) => Math.abs(sg.x0 - (c.x0 + tol)) <= 1.5 * tol)) || headerColumns(l)) break;
    take(l);
    prev = l;
  }
  // the record column moves left over the dropped columns right before it, next to the row's label
  // (a value half a page from its label is not read as that label's)
  let to = rec;
  while (to > 1 && cols[to - 1]!.drop) to--;
  return { drop, record, dx: cols[rec]!.x0 - cols[to]!.x0, dy };
}

/**
 * The pages as the document's own values stand: every comparison table's request and verdict columns
 * taken out, its record column moved beside the row labels. `moved` says where, to put evidence back.
 */
export function recastComparisons(doc: DocLayout): Recast | null {
  const tables = comparisonTables(doc);
  const drop = tables.flatMap((t) => t.drop);
  if (!drop.length) return null;
  const moves = tables.filter((t) => t.dx > 0 && t.record.length);
  const moved: MovedBand[] = moves.map(({ record, dx, dy }) => {
    const b = boxOf(record);
    const rows = [...new Set(dy.values())].map((d) => {
      const r = boxOf(record.filter((t) => dy.get(t) === d));
      return { y0: r.y0 + d, y1: r.y1 + d, dy: d };
    });
    return { page: record[0]!.page, y0: b.y0, y1: b.y1, x0: b.x0 - dx, x1: b.x1 - dx, dx, rows };
  });
  const pages = withoutWords(doc.pages, drop).map((p) => {
    const shifts = moves.map((m) => ({ dx: m.dx, dy: m.dy, toks: m.record.filter((t) => t.page === p.page) }));
    return {
      ...p,
      words: p.words.map((w) => {
        for (const m of shifts) {
          const t = m.toks.find((x) => inside(w, [x]));
          if (!t) continue;
          const d = m.dy.get(t) ?? 0;
          return { ...w, bbox: [w.bbox[0] - m.dx, w.bbox[1] + d, w.bbox[2] - m.dx, w.bbox[3] + d] as BBox };
        }
        return w;
      }),
    };
  });
  return { pages, moved };
}

/** Every comparison table of the document (see tableAt). */
function comparisonTables(doc: DocLayout): ReturnType<typeof tableAt>[] {
  const out: ReturnType<typeof tableAt>[] = [];
  for (const head of doc.lines) {
    const cols = headerColumns(head);
    if (cols) out.push(tableAt(doc, head, cols));
  }
  return out;
}

/** The pages without the words whose centres lie in these tokens' boxes (each page its own tokens). */
function withoutWords(pages: PageText[], drop: readonly Tok[]): PageText[] {
  return pages.map((p) => {
    const gone = drop.filter((t) => t.page === p.page);
    return { ...p, words: p.words.filter((w) => !inside(w, gone)) };
  });
}

/** A word whose centre lies in one of these words' boxes (words of its own page). */
function inside(w: Word, toks: readonly Tok[]): boolean {
  const cx = (w.bbox[0] + w.bbox[2]) / 2,
    cy = (w.bbox[1] + w.bbox[3]) / 2;
  return toks.some((t) => cx >= t.bbox[0] && cx <= t.bbox[2] && cy >= t.bbox[1] && cy <= t.bbox[3]);
}

/**
 * The pages as the document states its own values, for a search of what it writes: every comparison
 * table's request and verdict columns taken out (the other side's values printed back are not the
 * record's), a data record's lines that say they left the account (records.ts), a CSR lookup's other
 * accounts (csr-accounts.ts); a form's one-character boxes as the words they spell (combs.ts). The same
 * pages when it has none; words stay where they are printed.
 */
export function statedPages(given: PageText[], kind: DocumentKind): PageText[] {
  let stated = STATED.get(given);
  if (!stated) {
    // (on an LOA "disconnect" is an instruction, not a status; a CSR lookup listing several accounts of
    // the customer states the one asked about, as its reader reads it: csr-accounts.ts)
    // (a form filled in one character per box states the words it spells: combs.ts)
    const spelled = joinCombs(given)?.pages ?? given;
    const own = kind === 'csr' ? (withoutOtherAccounts(spelled) ?? spelled) : spelled;
    const pages = kind === 'loa' ? spelled : withoutLeftLines(own, (t) => ROW_INACTIVE.test(t));
    // laying a document out costs milliseconds and the review searches every document of a case: only
    // pages with a line naming both sides are laid out
    const drop = pages.some(namesBothSides) ? comparisonTables(buildLayout(pages, kind)).flatMap((t) => t.drop) : [];
    stated = drop.length ? withoutWords(pages, drop) : pages;
    STATED.set(given, stated);
  }
  return stated;
}
const STATED = new WeakMap<PageText[], PageText[]>();

/**
 * Whether some line of the page holds a record heading and a request heading (headerColumns' test,
 * without the layout): runs of up to four words of one line, in any cell split.
 */
function namesBothSides(page: PageText): boolean {
  return printedWordLines(page).some((line) => {
    // (every run is built only on a line that has a word able to open each heading: the review asks this
    // of every page it searches, and few lines have both)
    if (!line.some((w) => RECORD_FIRST.test(w.text)) || !line.some((w) => REQUEST_FIRST.test(w.text))) return false;
    const runs = line.flatMap((_, k) =>
      [1, 2, 3, 4].map((n) =>
        line
          .slice(k, k + n)
          .map((w) => w.text)
          .join(' ')
          .replace(/[:\s]+$/, ''),
      ),
    );
    return runs.some((r) => RECORD_HEAD.test(r)) && runs.some((r) => REQUEST_HEAD.test(r));
  });
}

/** Evidence read off recast pages, back where the words are printed (the record column's own place). */
export function evidenceBack<T>(value: T, moved: readonly MovedBand[]): T {
  if (!moved.length) return value;
  return mapEvidence(value, ({ page, bbox: b }) => {
    const cy = b ? (b[1] + b[3]) / 2 : Number.NaN;
    const m = moved.find((x) => x.page === page && cy >= x.y0 - 1 && cy <= x.y1 + 1);
    if (!m || !b) return { page, bbox: b };
    const back = (x: number) => (x >= m.x0 - 1 && x <= m.x1 + 1 ? x + m.dx : x);
    const dy = b[0] >= m.x0 - 1 ? (m.rows.find((r) => cy >= r.y0 - 1 && cy <= r.y1 + 1)?.dy ?? 0) : 0;
    return { page, bbox: [back(b[0]), b[1] - dy, back(b[2]), b[3] - dy] };
  });
}
