import type { PageText, Word } from '../../../shared/domain/document.js';
import { CAPTION_WORD, recastLeaderRows } from './csr-leaders.js';
import { printedWordLines, wordGaps } from './lines.js';
import type { RecordRecast } from './records.js';

/**
 * Rows of a receipt or a summary printed as a caption on the left and its value set RIGHT, flush to a
 * column's right edge, with nothing but blank space between ("Receipt number            R8770910522",
 * "Account holder     Mesa Verde Accounting Services P.A."), an address's next line right-aligned under
 * its first. They are the dot-leader rows csr-leaders.ts reads, with a blank leader: each such gap is given
 * a leader and the page handed to that reading, which writes the rows label-left only where three rows or
 * more end on one edge with their captions on one left edge (and their values do not already start on
 * one). A page none of whose rows qualify is returned as it was, without the leaders.
 */

/** A line's gap that may be a blank leader: this many word heights or wider. */
const BLANK_LEADER_HEIGHTS = 3;
/** How far two right (or left) edges may differ and still be one edge (points). */
const EDGE_TOL = 2.5;

interface Candidate {
  line: Word[];
  /** the last caption word (the gap follows it) */
  at: number;
}

const height = (ws: Word[]) => Math.max(...ws.map((w) => w.bbox[3] - w.bbox[1]));

/**
 * A line of two cells, a caption and a value, the widest gap between them a blank leader's and every
 * other gap a word space's (a line of three cells or more is a table's row, not a caption's).
 */
function twoCellLine(line: Word[]): Candidate | null {
  if (line.length < 2) return null;
  const h = height(line);
  const gaps = wordGaps(line);
  const widest = gaps.indexOf(Math.max(...gaps));
  if (gaps[widest]! < BLANK_LEADER_HEIGHTS * h) return null;
  if (gaps.some((g, k) => k !== widest && g > 1.2 * h)) return null;
  const caption = line.slice(0, widest + 1);
  // (a caption is a few words with letters, not a leader row of its own)
  if (caption.length > 6 || !caption.some((w) => CAPTION_WORD.test(w.text.trim()))) return null;
  if (line.some((w) => /^[._·…]{3,}$/.test(w.text.trim()))) return null;
  return { line, at: widest };
}

/** The page's rows ending on one right edge, three or more, their captions on one left edge. */
function setRightRows(lines: Word[][]): Candidate[] {
  const cands = lines.map(twoCellLine).filter((c): c is Candidate => !!c);
  const right = (c: Candidate) => c.line.at(-1)!.bbox[2];
  const capX = (c: Candidate) => c.line[0]!.bbox[0];
  let best: Candidate[] = [];
  for (const c of cands) {
    const group = cands.filter(
      (o) => Math.abs(right(o) - right(c)) <= EDGE_TOL && Math.abs(capX(o) - capX(c)) <= height(c.line),
    );
    if (group.length > best.length) best = group;
  }
  return best.length >= 3 ? best : [];
}

/** The pages with every page's caption-and-value-set-right rows written label-left; null when no page has three. */
export function recastSetRightRows(pages: PageText[]): RecordRecast | null {
  const withLeaders = new Map<Word, Word>();
  let any = false;
  const led = pages.map((page) => {
    const rows = setRightRows(printedWordLines(page));
    if (!rows.length) return page;
    any = true;
    const leaders: Word[] = rows.map(({ line, at }) => {
      const a = line[at]!;
      const b = line[at + 1]!;
      const leader: Word = {
        text: '...',
        conf: a.conf,
        bbox: [a.bbox[2] + 2, a.bbox[1], b.bbox[0] - 2, a.bbox[3]],
      };
      withLeaders.set(leader, a);
      return leader;
    });
    return { ...page, words: [...page.words, ...leaders] };
  });
  if (!any) return null;
  const recast = recastLeaderRows(led, true);
  if (!recast) return null;
  // (a page the leader reading left as it was keeps its own words, without the blank leaders)
  const pagesOut = recast.pages.map((p, i) => (p.words.some((w) => withLeaders.has(w)) ? pages[i]! : p));
  return { pages: pagesOut, moved: recast.moved };
}
