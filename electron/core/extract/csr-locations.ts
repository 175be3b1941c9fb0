import type { BBox, PageText, Word } from '../../../shared/domain/document.js';
import { mapEvidence } from '../../../shared/domain/orientation.js';
import { extractWith } from './fields.js';
import { type DocLayout, type Line, segText, type Tok } from './layout.js';

/**
 * A record of an account served at several places may print them TRANSPOSED: one column per location
 * (Location 1 | Location 2 | Site 3 …) and the fields as row captions down the left (Service Address,
 * City/State/ZIP, Working TNs, Class of Service …). Read as it stands, a caption's row offers as many
 * addresses as there are locations, and the nearest (the first column) is taken whatever the account's
 * location is. The account's own location is the one the record marks: its column captioned main /
 * primary / BTN, a row saying which location is primary (a yes in one column), a pending port-out in one
 * column, a cell naming one the main office or headquarters, or else the column holding the account's
 * BTN. Before the fields are read that column moves beside the captions and the other locations' cells
 * are taken out — but for their telephone numbers, which stay (every location's lines are on the
 * account) in their columns, moved to the right of the main one. Without a marked location nothing
 * changes.
 */

/**
 * A location column's heading: "Location 1", "Site 2", "Service Location 3 (Main)", "LOC #4", "Premise 1".
 * ("Address 1" / "Address 2" are not: a form's two street lines are captioned so.)
 */
const LOCATION_HEAD =
  /^(?:service\s+|svc\s+)?(?:location|loc|site|premises?|store|branch)\s*(?:#|no\.?|nbr)?\s*\d{1,3}\b/i;
/** A heading or cell marking the account's main location: "(Main)", "Primary", "(BTN)", "* HQ". */
const MAIN_HEAD = /\b(?:main|primary|btn|hq|headquarters)\b|\*/i;
/** A row caption asking which location is the primary one: "Primary Location", "BTN Location", "Main Site". */
const PRIMARY_ROW = /\b(?:primary|main|btn|billing)\s+(?:location|site|premises?|address|loc)\b/i;
/** A yes in such a row. */
const YES_CELL = /^(?:y|yes|x|primary|main|✓|✔)\.?$/i;
/** A cell naming a pending port-out (the location being ported away). */
const PORT_CELL = /\bport(?:ing)?[\s-]*(?:out|request)\b|\bLNP\b/i;
/** A location's name marking it as the main one: "Main Office", "Headquarters", "HQ". */
const MAIN_NAME = /^(?:main|primary)\b|^(?:hq|headquarters|head\s+office|corporate\s+(?:office|hq))$/i;
/** A cell printed blank: a dash, "N/A", "None". */
const BLANK_CELL = /^(?:[-–—]+|n\/?a|none)$/i;
/** A cell holding a telephone number (a range "312-555-0200 - 0209" starts with one). */
const PHONE_CELL = /^(?:\+?1[\s.-]?)?\(?\d{3}\)?[\s.-]?\d{3}[\s.-]?\d{4}\b/;

interface LocColumn {
  x0: number;
  x1: number;
}

interface LocTable {
  page: number;
  cols: LocColumn[];
  /** the lines of the table, its header first */
  lines: Line[];
  /** where the captions end: the first location column's left edge */
  captionsEnd: number;
}

/** Where a column was drawn: words and evidence in [x0, x1] between y0 and y1 moved by dx. */
export interface MovedColumn {
  page: number;
  y0: number;
  y1: number;
  x0: number;
  x1: number;
  dx: number;
}

export interface LocationsRecast {
  pages: PageText[];
  moved: MovedColumn[];
}

/** The location columns of a header line, or null when the line is not one (two location headings at least). */
function headerColumns(line: Line, pageWidth: number): LocColumn[] | null {
  const heads = line.segs.filter((s) => LOCATION_HEAD.test(segText(s.toks).trim()));
  if (heads.length < 2) return null;
  // the headings must be the line's last cells (a caption cell may stand before them, nothing after)
  if (line.segs.indexOf(heads[0]!) + heads.length !== line.segs.length) return null;
  const tol = Math.max(4, 0.8 * line.h);
  return heads.map((s, i) => ({
    x0: s.x0 - tol,
    x1: i + 1 < heads.length ? heads[i + 1]!.x0 - tol : pageWidth,
  }));
}

/** The table under a location header: down the page while the lines keep its spacing and its columns. */
function tableAt(doc: DocLayout, head: Line, cols: LocColumn[]): LocTable {
  const lines = [head];
  let prev = head;
  const start = cols[0]!.x0;
  for (let i = head.id + 1; i < doc.lines.length; i++) {
    const l = doc.lines[i]!;
    if (l.page !== head.page || l.top - prev.bottom > 2.6 * Math.max(l.h, prev.h)) break;
    const tol = Math.max(4, 0.8 * l.h);
    // every cell starts in the captions or at a location column's edge: a line that does not is the next block
    if (!l.segs.every((s) => s.x0 < start || cols.some((c) => Math.abs(s.x0 - (c.x0 + tol)) <= 1.5 * tol))) break;
    if (headerColumns(l, Number.POSITIVE_INFINITY)) break;
    lines.push(l);
    prev = l;
  }
  return { page: head.page, cols, lines, captionsEnd: start };
}

const colOf = (t: Tok, cols: readonly LocColumn[]) => {
  const cx = (t.x0 + t.x1) / 2;
  return cols.findIndex((c) => cx >= c.x0 && cx < c.x1);
};

/** A line's caption (left of the columns) and its cells' texts per column. */
function cellsOf(l: Line, t: LocTable): { caption: string; cells: string[] } {
  const caption = segText(l.toks.filter((k) => k.x1 <= t.captionsEnd + 2)).trim();
  const cells = t.cols.map((_, i) =>
    segText(l.toks.filter((k) => colOf(k, t.cols) === i))
      .trim()
      .replace(/[:\s]+$/, ''),
  );
  return { caption, cells };
}

/** The one column whose cell passes `test` on some line (null when none or several do). */
function onlyColumn(t: LocTable, test: (cell: string, caption: string) => boolean): number | null {
  const hit = new Set<number>();
  let caption = '';
  for (const l of t.lines) {
    const c = cellsOf(l, t);
    // a wrapped caption's later lines belong to the caption above
    if (c.caption) caption = c.caption;
    c.cells.forEach((cell, i) => {
      if (cell && test(cell, caption)) hit.add(i);
    });
  }
  return hit.size === 1 ? [...hit][0]! : null;
}

/** The account's own location among the table's columns, or null when the record marks none. */
function mainColumn(doc: DocLayout, t: LocTable): number | null {
  const head = onlyColumn({ ...t, lines: [t.lines[0]!] }, (cell) => MAIN_HEAD.test(cell.replace(LOCATION_HEAD, '')));
  if (head !== null) return head;
  const rows = t.lines.slice(1);
  const marked =
    onlyColumn({ ...t, lines: rows }, (cell, caption) => PRIMARY_ROW.test(caption) && YES_CELL.test(cell)) ??
    onlyColumn({ ...t, lines: rows }, (cell) => PORT_CELL.test(cell)) ??
    onlyColumn({ ...t, lines: rows }, (cell) => MAIN_NAME.test(cell));
  if (marked !== null) return marked;
  // the column holding the BTN the record states elsewhere
  const btn = extractWith(doc).btn?.value;
  if (!btn) return null;
  const digits = btn.replace(/\D/g, '').slice(-10);
  return onlyColumn({ ...t, lines: rows }, (cell) => cell.replace(/\D/g, '').includes(digits));
}

const inside = (w: Word, t: Tok) => {
  const cx = (w.bbox[0] + w.bbox[2]) / 2,
    cy = (w.bbox[1] + w.bbox[3]) / 2;
  return cx >= t.bbox[0] && cx <= t.bbox[2] && cy >= t.bbox[1] && cy <= t.bbox[3];
};

/**
 * The pages with every marked location table read as the account's location's record: its column beside
 * the captions, the other locations' cells out but for their numbers. Null when no table is recast.
 */
export function recastLocations(doc: DocLayout): LocationsRecast | null {
  const moved: MovedColumn[] = [];
  const drop = new Set<Tok>();
  const shift = new Map<Tok, number>();
  for (const head of doc.lines) {
    const cols = headerColumns(head, doc.pageWidth.get(head.page) ?? 612);
    if (!cols) continue;
    const t = tableAt(doc, head, cols);
    if (t.lines.length < 3) continue;
    const main = mainColumn(doc, t);
    if (main === null) continue;
    // the new order: the main location first, then the others as printed
    const order = [main, ...cols.map((_, i) => i).filter((i) => i !== main)];
    const width = (i: number) => (i + 1 < cols.length ? cols[i + 1]!.x0 - cols[i]!.x0 : cols[i]!.x0 - cols[i - 1]!.x0);
    const newX0 = new Map<number, number>();
    let x = cols[0]!.x0;
    for (const i of order) {
      newX0.set(i, x);
      x += width(i);
    }
    for (const l of t.lines) {
      const byCol = new Map<number, Tok[]>();
      for (const k of l.toks) {
        const c = colOf(k, cols);
        if (c >= 0) byCol.set(c, [...(byCol.get(c) ?? []), k]);
      }
      for (const [c, toks] of byCol) {
        const text = segText(toks).trim();
        // the headings name the columns, not a value; a blank cell's dash or "N/A" is no value either
        const own = c === main && l !== head && !BLANK_CELL.test(text);
        const keep = own || (l !== head && PHONE_CELL.test(text));
        for (const k of toks) {
          if (!keep) drop.add(k);
          else shift.set(k, newX0.get(c)! - cols[c]!.x0);
        }
      }
    }
    const y0 = Math.min(...t.lines.map((l) => l.top)) - 2;
    const y1 = Math.max(...t.lines.map((l) => l.bottom)) + 2;
    for (const i of order) {
      const dx = newX0.get(i)! - cols[i]!.x0;
      if (dx) moved.push({ page: t.page, y0, y1, x0: newX0.get(i)!, x1: newX0.get(i)! + width(i), dx });
    }
  }
  if (!drop.size && !moved.length) return null;
  const dropped = [...drop];
  const shifted = [...shift.entries()].filter(([, dx]) => dx);
  const pages = doc.pages.map((p) => ({
    ...p,
    words: p.words
      .filter((w) => !dropped.some((k) => k.page === p.page && inside(w, k)))
      .map((w) => {
        const s = shifted.find(([k]) => k.page === p.page && inside(w, k));
        if (!s) return w;
        const dx = s[1];
        return { ...w, bbox: [w.bbox[0] + dx, w.bbox[1], w.bbox[2] + dx, w.bbox[3]] as BBox };
      }),
  }));
  return { pages, moved };
}

/** Evidence read off recast pages, back where the words are printed. */
export function locationsBack<T>(value: T, moved: readonly MovedColumn[]): T {
  if (!moved.length) return value;
  return mapEvidence(value, ({ page, bbox: b }) => {
    if (!b) return { page, bbox: b };
    const cy = (b[1] + b[3]) / 2;
    const m = moved.find((x) => x.page === page && cy >= x.y0 && cy <= x.y1 && b[0] >= x.x0 - 1 && b[0] <= x.x1);
    if (!m) return { page, bbox: b };
    return { page, bbox: [b[0] - m.dx, b[1], b[2] - m.dx, b[3]] };
  });
}
