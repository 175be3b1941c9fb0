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
 * down the sheet near its centre line past every word, and each half holds a page's worth of text from the top of the
 * sheet down: a landscape form or table whose rows cross the middle has no such band.
 */

/** The narrowest empty band between two pages on a sheet (points; a column gap is a few word spaces). */
const MIN_GUTTER = 10;
/** How far from the sheet's centre line the band between its pages may lie (a share of the sheet's width). */
const CENTRE_SLACK = 0.05;
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
 * The widest empty band near the middle of the sheet that no word crosses, as [x0, x1], or null: a sheet's
 * two pages are set symmetrically, so the band lies within `CENTRE_SLACK` of the sheet's centre line (on a
 * scan the sheet may sit a little off centre; a table's or a panel's column gap falls wherever its columns do).
 */
function gutterOf(page: PageText): [number, number] | null {
  const lo = page.width / 2 - CENTRE_SLACK * page.width,
    hi = page.width / 2 + CENTRE_SLACK * page.width;
  const spans = page.words
    .map((w) => [w.bbox[0], w.bbox[2]] as const)
    .filter(([x0, x1]) => x1 > lo && x0 < hi)
    .sort((p, q) => p[0] - q[0]);
  let best: [number, number] | null = null;
  let x = lo;
  for (const [x0, x1] of spans) {
    if (x0 > x && (!best || x0 - x > best[1] - best[0])) best = [x, x0];
    x = Math.max(x, x1);
  }
  if (hi > x && (!best || hi - x > best[1] - best[0])) best = [x, hi];
  return best && best[1] - best[0] >= MIN_GUTTER ? best : null;
}

/** A page's own number: "Page 2", "Pg 2", "p. 2", "2 of 4", "2/4". */
const FOLIO_WORD = /^(?:page|pg\.?|p\.)$/i;
const FOLIO_FRACTION = /^\d{1,2}\/\d{1,2}$/;

/** The first word of each of a half's top two lines (a running header starts the same way on every page). */
function headerStarts(ws: Word[]): Set<string> {
  const heights = ws.map((w) => w.bbox[3] - w.bbox[1]).sort((p, q) => p - q);
  const h = heights[Math.floor(heights.length / 2)] ?? 6;
  const sorted = [...ws].sort((p, q) => p.bbox[1] - q.bbox[1]);
  const out = new Set<string>();
  let lineTop = Number.NEGATIVE_INFINITY;
  let first: Word | null = null;
  for (const w of sorted) {
    if (w.bbox[1] > lineTop + 0.7 * h) {
      if (first) out.add(first.text.toLowerCase().replace(/[^a-z0-9]/g, ''));
      if (out.size >= 2) break;
      lineTop = w.bbox[1];
      first = w;
    } else if (first && w.bbox[0] < first.bbox[0]) first = w;
  }
  if (first && out.size < 2) out.add(first.text.toLowerCase().replace(/[^a-z0-9]/g, ''));
  out.delete('');
  return out;
}

/** The page number a half prints ("Page 2 of 4", "Pg 2", "2/4"), or null. */
function folioOf(ws: Word[]): number | null {
  for (let i = 0; i < ws.length; i++) {
    const t = ws[i]!.text;
    if (FOLIO_FRACTION.test(t)) return Number(t.split('/')[0]);
    if (FOLIO_WORD.test(t) && /^\d{1,2}$/.test(ws[i + 1]?.text ?? '')) return Number(ws[i + 1]!.text);
  }
  return null;
}

/**
 * Each half is a page of its own by what pages carry: the right half numbered one past the left ("Page 1
 * of 2" under one, "Page 2 of 2" under the other), or the two opening the same way (a running header: the
 * carrier's name, "Account …"). A landscape form's or table's two sides carry neither (a fax header's
 * "P. 1/2" on one side and the report's "Page 1 of 2" on the other are the same page's).
 */
function ownPages(left: Word[], right: Word[]): boolean {
  const l = folioOf(left),
    r = folioOf(right);
  if (l !== null && r !== null) return r === l + 1;
  const starts = headerStarts(left);
  return [...headerStarts(right)].some((t) => starts.has(t));
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
