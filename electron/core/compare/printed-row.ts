/**
 * The printed row around a reading, as the page prints it: a scan's skew drifts one printed line
 * across the review's line index (a word whose middle is half a line lower starts "another line",
 * "…set is 5B94" | "07; you will…"), so what stands right before or after a reading on its row is
 * looked for on the skew-corrected lines the extractor reads (extract/lines.ts printedWordLines).
 */
import { type BBox, type PageText, type Word } from '../../../shared/domain/document.js';
import { printedWordLines } from '../extract/lines.js';
import { middleInside } from './evidence.js';

export interface PrintedRow {
  /** the words before the reading: the previous printed line's, then its own line's up to it */
  before: Word[];
  /** the reading's own words (their middles inside its box) */
  reading: Word[];
  /** the words after it on its line, then the next line's (a sentence goes on there) */
  after: Word[];
}

const ROWS = new WeakMap<PageText, Word[][]>();
function rowsOf(page: PageText): Word[][] {
  let rows = ROWS.get(page);
  if (!rows) ROWS.set(page, (rows = printedWordLines(page)));
  return rows;
}

/** The printed row holding a reading (upright page coordinates), or null when no word of it is there. */
export function printedRowAt(
  pages: PageText[] | undefined,
  at: { page: number | null; bbox: BBox | null },
): PrintedRow | null {
  const box = at.bbox;
  const page = pages?.find((p) => p.page === at.page);
  if (!box || !page) return null;
  const inside = middleInside(box);
  const rows = rowsOf(page);
  const li = rows.findIndex((r) => r.some((w) => inside(w.bbox)));
  const row = rows[li];
  if (!row) return null;
  const first = row.findIndex((w) => inside(w.bbox));
  const last = row.findLastIndex((w) => inside(w.bbox));
  const h = Math.max(2, row[first]!.bbox[3] - row[first]!.bbox[1]);
  // a neighbouring line counts only when it is the next printed line (no farther than a blank line)
  const near = (r: Word[] | undefined) =>
    !!r?.length && Math.abs((r[0]!.bbox[1] + r[0]!.bbox[3]) / 2 - (row[0]!.bbox[1] + row[0]!.bbox[3]) / 2) <= 3 * h;
  const prev = rows[li - 1];
  const next = rows[li + 1];
  return {
    before: [...(near(prev) ? prev! : []), ...row.slice(0, first)],
    reading: row.slice(first, last + 1),
    after: [...row.slice(last + 1), ...(near(next) ? next! : [])],
  };
}
