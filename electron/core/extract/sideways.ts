import type { BBox, PageText, Word } from '../../../shared/domain/document.js';
import { mapEvidence } from '../../../shared/domain/orientation.js';
import { movedInside } from './records.js';

/*
 * A table wider than the paper, printed as spreadsheet programs print it: the left columns of every row
 * on one page, the right columns of the same rows on the next, each page repeating the key column (the
 * row numbers, or the first key such as the telephone number). A row's status or address on the second
 * page belongs to the number on the first. When two pages start their rows with the same keys in the
 * same order, the second page's columns are set to the right of the first page's, row beside row, and
 * the document is read as the one wide table it is.
 */

interface Line {
  words: Word[];
  top: number;
  bottom: number;
  h: number;
}

/** A moved word: where it is read (on `page`) and where it is printed (on `printedPage`). */
export interface SidewaysMove {
  page: number;
  at: BBox;
  printedPage: number;
  printed: BBox;
}

function linesOf(words: Word[]): Line[] {
  const sorted = words.slice().sort((a, b) => a.bbox[1] + a.bbox[3] - (b.bbox[1] + b.bbox[3]));
  const lines: Line[] = [];
  for (const w of sorted) {
    const cy = (w.bbox[1] + w.bbox[3]) / 2;
    const h = w.bbox[3] - w.bbox[1];
    const last = lines[lines.length - 1];
    if (last && Math.abs(cy - (last.top + last.bottom) / 2) < 0.45 * Math.max(h, last.h)) {
      last.words.push(w);
      last.top = Math.min(last.top, w.bbox[1]);
      last.bottom = Math.max(last.bottom, w.bbox[3]);
    } else lines.push({ words: [w], top: w.bbox[1], bottom: w.bbox[3], h });
  }
  for (const l of lines) l.words.sort((a, b) => a.bbox[0] - b.bbox[0]);
  return lines;
}

/** A line's first cell: its leftmost words up to a gap wider than half a word's height. */
function firstCell(l: Line): Word[] {
  const out = [l.words[0]!];
  for (const w of l.words.slice(1)) {
    if (w.bbox[0] - out[out.length - 1]!.bbox[2] > 0.5 * l.h) break;
    out.push(w);
  }
  return out;
}

/** A row key: a row number, or a telephone number (its digits). */
function keyOf(cell: Word[]): string | null {
  const t = cell.map((w) => w.text).join(' ');
  if (/^\d{1,4}\.?$/.test(t)) return `#${Number.parseInt(t, 10)}`;
  const d = t.replace(/[\s().+-]/g, '');
  if (/^1?\d{10}$/.test(d)) return d.slice(-10);
  return null;
}

interface Table {
  /** the key rows, top to bottom: their key, first line and the lines down to the next key row */
  rows: { key: string; lines: Line[]; cell: Word[] }[];
  header: Line[];
  left: number;
}

/** The rows of a page whose lines start at one left edge with keys, and the caption lines just above them. */
function tableOf(page: PageText): Table | null {
  const lines = linesOf(page.words);
  const keyed = lines.map((l) => ({ l, cell: firstCell(l) })).filter((k) => keyOf(k.cell) !== null);
  if (keyed.length < 2) return null;
  // the most common left edge among keyed lines is the table's
  const edges = keyed.map((k) => k.cell[0]!.bbox[0]);
  const left = edges.sort(
    (a, b) => edges.filter((e) => Math.abs(e - b) < 2).length - edges.filter((e) => Math.abs(e - a) < 2).length,
  )[0]!;
  const rowsAt = keyed.filter((k) => Math.abs(k.cell[0]!.bbox[0] - left) < 2 && k.l.words.length > k.cell.length);
  if (rowsAt.length < 2) return null;
  const rows = rowsAt.map((k, i) => {
    const from = lines.indexOf(k.l);
    const next = rowsAt[i + 1] ? lines.indexOf(rowsAt[i + 1]!.l) : from + 1;
    // a last row's wrapped lines: the lines right under it that do not start at the key column
    let to = next;
    if (!rowsAt[i + 1])
      while (
        lines[to] &&
        lines[to]!.words[0]!.bbox[0] > left + 4 &&
        lines[to]!.top - lines[to - 1]!.bottom < 0.6 * k.l.h
      )
        to++;
    return { key: keyOf(k.cell)!, lines: lines.slice(from, to), cell: k.cell };
  });
  // the caption lines: right above the first row, and a caption wrapped onto lines set close above that
  const header: Line[] = [];
  let at = lines.indexOf(rowsAt[0]!.l) - 1;
  let below = rowsAt[0]!.l;
  while (at >= 0 && below.top - lines[at]!.bottom < (header.length ? 0.5 : 1.1) * below.h && header.length < 3) {
    header.unshift(lines[at]!);
    below = lines[at]!;
    at--;
  }
  return { rows, header, left };
}

const boxOf = (ws: Word[]): BBox => [
  Math.min(...ws.map((w) => w.bbox[0])),
  Math.min(...ws.map((w) => w.bbox[1])),
  Math.max(...ws.map((w) => w.bbox[2])),
  Math.max(...ws.map((w) => w.bbox[3])),
];

/**
 * The pages with each table continued sideways on the next page joined into one wide table on the
 * first (the second page keeps what is not the table: its header and footer); null when none is.
 */
export function joinSideways(pages: PageText[]): { pages: PageText[]; moved: SidewaysMove[] } | null {
  const out = pages.slice();
  const moved: SidewaysMove[] = [];
  for (let i = 0; i + 1 < out.length; i++) {
    const a = out[i]!,
      b = out[i + 1]!;
    const ta = tableOf(a),
      tb = tableOf(b);
    if (!ta || !tb || ta.rows.length !== tb.rows.length) continue;
    if (ta.rows.some((r, k) => r.key !== tb.rows[k]!.key) || new Set(ta.rows.map((r) => r.key)).size < ta.rows.length)
      continue;
    const joined = joinPair(a, b, ta, tb, moved);
    out[i] = joined.a;
    out[i + 1] = joined.b;
    i++;
  }
  return moved.length ? { pages: out, moved } : null;
}

function joinPair(a: PageText, b: PageText, ta: Table, tb: Table, moved: SidewaysMove[]): { a: PageText; b: PageText } {
  // the second page's own columns start past its key column
  const keyRight = Math.max(...tb.rows.map((r) => r.cell[r.cell.length - 1]!.bbox[2]));
  const aWords = [...ta.header, ...ta.rows.flatMap((r) => r.lines)].flatMap((l) => l.words);
  const bLines = [...tb.header, ...tb.rows.flatMap((r) => r.lines)];
  const bTable = new Set(bLines.flatMap((l) => l.words));
  const bOwn = bLines.flatMap((l) => l.words).filter((w) => w.bbox[0] > keyRight + 1);
  if (!bOwn.length) return { a, b };
  const bLeft = Math.min(...bOwn.map((w) => w.bbox[0]));
  const dx = Math.max(...aWords.map((w) => w.bbox[2])) + 36 - bLeft;
  // each row block of the second page beside its row on the first (rows line up by their first lines,
  // the captions as the first page sets them); a block taller on the second page moves the first page's rows below it down
  const blocks: [Line[], Line[]][] = ta.rows.map((r, k) => [r.lines, tb.rows[k]!.lines]);
  const added: Word[] = [];
  const shifted = new Map<Word, BBox>();
  const put = (w: Word, dx: number, dy: number, from: PageText) => {
    const at: BBox = [w.bbox[0] + dx, w.bbox[1] + dy, w.bbox[2] + dx, w.bbox[3] + dy];
    moved.push({ page: a.page, at, printedPage: from.page, printed: w.bbox });
    return at;
  };
  const last = (ls: Line[]) => ls[ls.length - 1]!;
  if (ta.header.length && tb.header.length) {
    // captions line up as the first page sets its own: a first caption line wider than its wrapped ones
    // holds every column's caption, cells set from the top, so the second page's first caption line goes
    // beside it (a caption line under the first page's would read as a second header row); else by the last
    const top = ta.header.length > 1 && ta.header[0]!.words.length > last(ta.header).words.length;
    const dy = top ? ta.header[0]!.top - tb.header[0]!.top : last(ta.header).top - last(tb.header).top;
    for (const w of tb.header.flatMap((l) => l.words))
      if (w.bbox[0] > keyRight + 1) added.push({ ...w, bbox: put(w, dx, dy, b) });
  }
  let shift = 0;
  for (const [la, lb] of blocks) {
    if (shift) for (const w of la.flatMap((l) => l.words)) shifted.set(w, put(w, 0, shift, a));
    const dy = la[0]!.top + shift - lb[0]!.top;
    for (const w of lb.flatMap((l) => l.words))
      if (w.bbox[0] > keyRight + 1) added.push({ ...w, bbox: put(w, dx, dy, b) });
    shift += Math.max(0, last(lb).bottom - lb[0]!.top - (last(la).bottom - la[0]!.top));
  }
  const tableBottom = last(ta.rows[ta.rows.length - 1]!.lines).bottom;
  if (shift)
    for (const w of a.words) if (!shifted.has(w) && w.bbox[1] > tableBottom) shifted.set(w, put(w, 0, shift, a));
  const right = boxOf(added)[2];
  return {
    a: {
      ...a,
      width: Math.max(a.width, right + 36),
      height: a.height + shift,
      words: [...a.words.map((w) => (shifted.has(w) ? { ...w, bbox: shifted.get(w)! } : w)), ...added],
    },
    b: { ...b, words: b.words.filter((w) => !bTable.has(w)) },
  };
}

/** Evidence read on the joined table put back where it is printed (the second page's words on that page). */
export function sidewaysBack<T>(value: T, moved: readonly SidewaysMove[]): T {
  if (!moved.length) return value;
  return mapEvidence(value, ({ page, bbox: b }) => {
    if (!b) return { page, bbox: b };
    const inside = movedInside(moved, page, b);
    if (!inside.length) return { page, bbox: b };
    // (a box over words of both pages goes to the second page's: the value read there)
    return { page: inside[0]!.printedPage, bbox: boxOf(inside.map((m) => ({ text: '', conf: 1, bbox: m.printed }))) };
  });
}
