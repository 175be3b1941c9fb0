import type { BBox, PageText, Word } from '../../../shared/domain/document.js';
import type { MovedWord, RecordRecast } from './records.js';

/**
 * Two pages printed on one landscape sheet ("2-up": a print shop's or a PDF viewer's "two pages per
 * sheet"): each half of the sheet is a page of its own, with its own margins, headings and tables, and a
 * line of the left page and one of the right stand at the same height a gutter apart. Read across, a
 * summary's caption runs into the other page's table and a call-detail row into the account facts.
 * Before the fields are read such a sheet is read as its two pages one after the other: the right half's
 * words set under the left half's, as if the sheet were cut at the gutter and the halves stacked; `moved`
 * returns evidence read there to where it is printed (records.ts movedBack).
 *
 * A sheet is taken for two pages only when it is landscape, an empty band at least `MIN_GUTTER` wide runs
 * down its centre line past every word, and each half holds a page's worth of text from the top of the
 * sheet down: a landscape form or table whose rows cross the middle has no such band.
 */

/** The narrowest empty band between two pages on a sheet (points; a column gap is a few word spaces). */
const MIN_GUTTER = 12;
/**
 * How much of the sheet's text height each half's text must span, starting at the top of the sheet's text
 * (a page, if a short one, begins at the top: a panel or a side note beside a form begins anywhere).
 */
const MIN_SPAN = 0.2;
const MAX_TOP_OFFSET = 0.1;
/** How many of the sheet's words each half must hold, and at least how many. */
const MIN_SHARE = 0.25;
const MIN_WORDS = 12;

/**
 * The empty band down the middle of the sheet that no word crosses, as [x0, x1], or null: a sheet's two
 * pages are set symmetrically, so the band holds the sheet's centre line with room on either side of it
 * (a table's or a panel's column gap falls wherever its columns do).
 */
function gutterOf(page: PageText): [number, number] | null {
  const c = page.width / 2;
  let a = page.width * 0.4,
    b = page.width * 0.6;
  for (const w of page.words) {
    if (w.bbox[0] < c + MIN_GUTTER / 3 && w.bbox[2] > c - MIN_GUTTER / 3) return null;
    if (w.bbox[2] <= c) a = Math.max(a, w.bbox[2]);
    else b = Math.min(b, w.bbox[0]);
  }
  return b - a >= MIN_GUTTER ? [a, b] : null;
}

/** A page's own number: "Page 2", "Pg 2", "p. 2", "2 of 4", "2/4". */
const FOLIO_WORD = /^(?:page|pg\.?|p\.)$/i;
const FOLIO_FRACTION = /^\d{1,2}\/\d{1,2}$/;

/** Words any two headings may share (a running header repeats a name or a number, not these). */
const COMMON_WORD = /^(?:the|and|for|with|your|page|date|account|number|name|total|summary|statement|service|bill)$/;

/** The words of the top lines of a half (a page's running header), as distinctive tokens. */
function headerTokens(ws: Word[]): Set<string> {
  const heights = ws.map((w) => w.bbox[3] - w.bbox[1]).sort((a, b) => a - b);
  const h = heights[Math.floor(heights.length / 2)] ?? 6;
  const top = Math.min(...ws.map((w) => w.bbox[1]));
  return new Set(
    ws
      .filter((w) => w.bbox[1] <= top + 2.5 * h)
      .map((w) => w.text.toLowerCase().replace(/[^a-z0-9]/g, ''))
      .filter((t) => t.length >= 3 && !/^\d{1,3}$/.test(t) && !COMMON_WORD.test(t)),
  );
}

/**
 * Each half is a page of its own by what pages carry: both numbered ("Page 1 of 2" under or over each
 * half), or the right one opening on the left one's running header (the carrier's name, the account
 * number a bill repeats atop every page). A landscape form's or table's two sides carry neither.
 */
function ownPages(left: Word[], right: Word[]): boolean {
  const folio = (ws: Word[]) =>
    ws.some((w, i) => FOLIO_FRACTION.test(w.text) || (FOLIO_WORD.test(w.text) && /^\d/.test(ws[i + 1]?.text ?? '')));
  if (folio(left) && folio(right)) return true;
  const l = headerTokens(left);
  return [...headerTokens(right)].some((t) => l.has(t));
}

/** The sheet's words as its two pages, the right one under the left, or null when it is one page. */
function stacked(page: PageText, moved: MovedWord[]): PageText | null {
  if (page.width <= page.height || page.words.length < 2 * MIN_WORDS) return null;
  const gutter = gutterOf(page);
  if (!gutter) return null;
  const mid = (gutter[0] + gutter[1]) / 2;
  const left = page.words.filter((w) => w.bbox[2] <= mid);
  const right = page.words.filter((w) => w.bbox[0] >= mid);
  const share = (ws: Word[]) => ws.length >= MIN_WORDS && ws.length >= MIN_SHARE * page.words.length;
  if (!share(left) || !share(right)) return null;
  const top = (ws: Word[]) => Math.min(...ws.map((w) => w.bbox[1]));
  const bottom = (ws: Word[]) => Math.max(...ws.map((w) => w.bbox[3]));
  const height = bottom(page.words) - top(page.words);
  const pageLike = (ws: Word[]) =>
    bottom(ws) - top(ws) >= MIN_SPAN * height && top(ws) - top(page.words) <= MAX_TOP_OFFSET * height;
  if (!pageLike(left) || !pageLike(right) || !ownPages(left, right)) return null;
  // the right page under the left, its left margin on the left page's, a blank line's room between them
  const heights = page.words.map((w) => w.bbox[3] - w.bbox[1]).sort((a, b) => a - b);
  const lineH = Math.max(4, heights[Math.floor(heights.length / 2)]!);
  const dx = Math.min(...left.map((w) => w.bbox[0])) - Math.min(...right.map((w) => w.bbox[0]));
  const dy = bottom(left) + 3 * lineH - top(right);
  const words = [
    ...left,
    ...right.map((w) => {
      const at: BBox = [w.bbox[0] + dx, w.bbox[1] + dy, w.bbox[2] + dx, w.bbox[3] + dy];
      moved.push({ page: page.page, at, printed: w.bbox });
      return { ...w, bbox: at };
    }),
  ];
  return { ...page, width: mid, height: Math.max(page.height, bottom(words) + 24), words };
}

/** The pages with every 2-up sheet read as its two pages one under the other; null when none is one. */
export function recastTwoUp(pages: PageText[]): RecordRecast | null {
  const moved: MovedWord[] = [];
  let any = false;
  const out = pages.map((p) => {
    const s = stacked(p, moved);
    if (s) any = true;
    return s ?? p;
  });
  return any ? { pages: out, moved } : null;
}
