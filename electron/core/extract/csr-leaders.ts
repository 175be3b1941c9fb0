import type { BBox, PageText, Word } from '../../../shared/domain/document.js';
import { printedWordLines, spanBox } from './lines.js';
import type { MovedWord, RecordRecast } from './records.js';

/**
 * A statement of record set as a caption on the left, a LEADER (dots, spaced dots, middle dots or
 * underscores) and the value RIGHT-ALIGNED to the column's right edge ("Customer name ........ Harbor
 * Light LLC"), a value of several lines (an address) continuing right-aligned under its first line with
 * no caption. Read as it stands the value stands a page's width from its caption, and a continuation line
 * starts wherever its length puts it, under neither. Before the fields are read such rows are written as
 * the label-left rows they are: the leader dropped, the value set a short gap after its caption and its
 * continuation lines under the value's first word. A row is one only when its value ends on an edge that
 * two more leader rows' values end on (values aligned right, as such statements set them), so a form's
 * blank to fill ("Name ........ ") or a lone dotted line is left as it is. Words keep their printed
 * boxes; `movedBack` (records.ts) returns evidence read where a value was set to where it is printed.
 */

/** A word that is all leader: three dots or more, underscores, middle dots, an ellipsis. */
const LEADER_WORD = /^(?:[.·…]{3,}|_{3,}|[._·…]*[·…_][._·…]*)$/;
/** A caption word with its leader run on ("name........."): the caption part, then the leader. */
const RUN_ON_LEADER = /^(.*?[^._·…\s])(?:\.{3,}|_{3,}|[·…]{2,})$/;
/** A caption's word: one with letters, or a number sign alone ("#", the caption of a number's row). */
export const CAPTION_WORD = /\p{L}|^#$/u;
/** A lone dot: spaced leaders print one dot a word (". . . . ."). */
const DOT = /^[.·]$/;

interface Row {
  page: number;
  line: number;
  caption: Word[];
  value: Word[];
}

/** How far two right edges may differ and still be one edge (points). */
const EDGE_TOL = 2.5;

const height = (ws: Word[]) => Math.max(...ws.map((w) => w.bbox[3] - w.bbox[1]));

/**
 * A line's caption–leader–value rows (two on a line printed in two columns), the words that were leaders,
 * and the caption words a leader ran on from (each with its caption part alone).
 */
function leaderRows(words: Word[]): {
  rows: { caption: Word[]; value: Word[] }[];
  leaders: Set<Word>;
  parts: Map<Word, Word>;
} {
  const rows: { caption: Word[]; value: Word[] }[] = [];
  const leaders = new Set<Word>();
  const parts = new Map<Word, Word>();
  const h = height(words);
  let caption: Word[] = [];
  let value: Word[] | null = null;
  let dots = 0;
  const close = () => {
    const kept = value ? overprintedDotsOut(value, h, leaders) : null;
    if (kept?.length && caption.some((w) => CAPTION_WORD.test(w.text))) rows.push({ caption, value: kept });
    caption = [];
    value = null;
    dots = 0;
  };
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    const t = w.text.trim();
    // (a wide gap after a value starts the next column's caption; a leader's dots printed over the value
    // are no gap's end)
    const last = value?.at(-1);
    if (last && w.bbox[0] - last.bbox[2] > 2 * h) close();
    if (value === null && caption.length && (LEADER_WORD.test(t) || DOT.test(t))) {
      leaders.add(w);
      dots += /[_·…]/.test(t) ? 3 : t.length;
      // (two dots are punctuation, not a leader)
      if (dots >= 3) value = [];
      continue;
    }
    if (value !== null) {
      // (a leader's last dots may overlap the value's first word: the reader sorts them after it)
      const overlaps = value.length > 0 && w.bbox[0] < value.at(-1)!.bbox[2];
      const dotRun = DOT.test(t) && [1, 2].every((d) => DOT.test(words[i + d]?.text.trim() ?? ''));
      // (a leader run on past its value to the line's end is the value's own leader, printed over it)
      const trailing = words.slice(i).every((x) => LEADER_WORD.test(x.text.trim()) || DOT.test(x.text.trim()));
      if (value.length > 0 && !overlaps && trailing) {
        leaders.add(w);
        continue;
      }
      if (value.length > 0 && !overlaps && (LEADER_WORD.test(t) || dotRun)) {
        // a leader after value words: the words after the value's widest gap were the next column's
        // caption, set close to the value before it ("670666   Person Authorizing ____ Jennifer Johnson")
        let at = 1;
        for (let j = 2; j < value.length; j++)
          if (value[j]!.bbox[0] - value[j - 1]!.bbox[2] > value[at]!.bbox[0] - value[at - 1]!.bbox[2]) at = j;
        if (value.length < 2) {
          value = null;
          caption = [];
          dots = 0;
          continue;
        }
        const next = value.slice(at);
        value = value.slice(0, at);
        close();
        caption = next;
        leaders.add(w);
        dots = LEADER_WORD.test(t) ? 3 : 1;
        value = dots >= 3 ? [] : null;
        continue;
      }
      if ((value.length === 0 || overlaps) && (LEADER_WORD.test(t) || DOT.test(t))) {
        leaders.add(w);
        continue;
      }
      // (a leader's last dot the reader ran into the value's first word: ".1-860-555-0133")
      const glued = value.length === 0 ? /^[._·…]+(?=[^._·…\s])/.exec(t) : null;
      if (glued) {
        const part: Word = {
          ...w,
          text: t.slice(glued[0].length),
          bbox: spanBox(w.bbox, glued[0].length, t.length, t.length),
        };
        parts.set(w, part);
        value.push(part);
        continue;
      }
      value.push(w);
      continue;
    }
    // (words a wide gap before a caption are the column's to the left: its heading, its value's next line)
    if (caption.length && w.bbox[0] - caption.at(-1)!.bbox[2] > 2 * h) caption = [];
    const runOn = RUN_ON_LEADER.exec(t);
    if (runOn && /\p{L}/u.test(runOn[1]!)) {
      const part: Word = { ...w, text: runOn[1]!, bbox: spanBox(w.bbox, 0, runOn[1]!.length, t.length) };
      parts.set(w, part);
      caption.push(part);
      value = [];
      continue;
    }
    if (CAPTION_WORD.test(t) || caption.length) caption.push(w);
  }
  close();
  return { rows, leaders, parts };
}

/**
 * A value's words without the leader's lone dots printed over it: a leader drawn dot by dot to a width
 * its printer measured short runs on under the value (and past it), its dots overlapping the value's
 * words or in the spaces between them ("6767 . Forest Blvd. . ." where "6767 Forest Blvd." is printed).
 * Where one of the leader's dots overlaps a word of the value every lone dot in it is the leader's; else
 * a lone dot at either end, or closer to its two neighbours together than one word space (a dot typed as
 * a word of its own stands a space from each). The dots taken out join the page's leaders.
 */
function overprintedDotsOut(value: Word[], h: number, leaders: Set<Word>): Word[] {
  const overlapping = (a: Word, b: Word) => a.bbox[0] < b.bbox[2] && b.bbox[0] < a.bbox[2];
  const lone = (w: Word) => DOT.test(w.text.trim());
  const overprinted = value.some((v) => !lone(v) && [...leaders, ...value].some((d) => lone(d) && overlapping(d, v)));
  const out = value.filter((w, k) => {
    if (!lone(w)) return true;
    const before = k > 0 ? w.bbox[0] - value[k - 1]!.bbox[2] : -Infinity;
    const after = k + 1 < value.length ? value[k + 1]!.bbox[0] - w.bbox[2] : -Infinity;
    const leader = overprinted || before + after < 0.25 * h;
    if (leader) leaders.add(w);
    return !leader;
  });
  return out;
}

const right = (r: Row) => r.value.at(-1)!.bbox[2];
const left = (r: Row) => r.value[0]!.bbox[0];

/** A page's leader rows by their captions' left edge: one column of rows, or two (or more) side by side. */
function captionColumns(found: Row[]): Row[][] {
  const columns: Row[][] = [];
  for (const r of [...found].sort((a, b) => a.caption[0]!.bbox[0] - b.caption[0]!.bbox[0])) {
    const col = columns.at(-1);
    if (col && r.caption[0]!.bbox[0] - col[0]!.caption[0]!.bbox[0] <= height(col[0]!.caption)) col.push(r);
    else columns.push([r]);
  }
  return columns;
}

interface ReadColumn {
  rows: Row[];
  /** the right edge its values end on */
  edge: number;
}

/**
 * A column of leader rows read label-left: three or more of its values end on one edge (values aligned
 * right, as statements set them) and they do not start on one (values that start on one edge are a column
 * already, set left: a portal's "Field ..... value" grid — some may end on one edge too, being as long as
 * each other). Then every row of the column is read so, its value's end off the edge too (a reader's
 * boxes drift over a long value, "Way." measured wider than printed): its leader ties it to its caption.
 * Each column of a statement printed in two is read on its own, on its own edge.
 */
function readColumn(col: Row[]): ReadColumn | null {
  const sharing = (r: Row, edge: (r: Row) => number) =>
    col.filter((o) => Math.abs(edge(o) - edge(r)) <= EDGE_TOL).length;
  const aligned = col.filter((r) => sharing(r, right) >= 3);
  if (aligned.length < 3) return null;
  if (col.filter((r) => sharing(r, left) >= 3).length >= aligned.length) return null;
  return { rows: col, edge: right(aligned.reduce((a, b) => (sharing(b, right) > sharing(a, right) ? b : a))) };
}

/**
 * The leaders to drop: a recast row's, and those of no row on a line with one recast (a form's blank
 * beside it). A row left as it stands (a column that does not qualify) keeps its leader, which ties its
 * caption to its value a page's width away as the layout reads it.
 */
function recastLeaders(found: Row[], recast: Row[], lineLeaders: Map<number, Set<Word>>): Set<Word> {
  const out = new Set<Word>();
  for (const [k, leaders] of lineLeaders) {
    const rows = found.filter((r) => r.line === k);
    if (!rows.some((r) => recast.includes(r))) continue;
    for (const d of leaders) {
      const mine = rows.find((r) => d.bbox[0] >= r.caption[0]!.bbox[0] && d.bbox[2] <= right(r) + height(r.caption));
      if (!mine || recast.includes(mine)) out.add(d);
    }
  }
  return out;
}

/**
 * The pages with every statement page's leader rows written label-left; null when no page has three.
 * `oneColumn`: only a page whose rows all stand in one column of captions is read so — for leaders that
 * were not printed (set-right.ts's blank gaps): a boxed form's rows of two or three boxes have as wide gaps
 * between a box's value and the next box's, and only a single column of rows tells a statement from them.
 */
export function recastLeaderRows(pages: PageText[], oneColumn = false): RecordRecast | null {
  const moved: MovedWord[] = [];
  let any = false;
  const out = pages.map((page) => {
    const lines = printedWordLines(page);
    const found: Row[] = [];
    const lineLeaders = new Map<number, Set<Word>>();
    const captionParts = new Map<Word, Word>();
    lines.forEach((words, k) => {
      const { rows, leaders, parts } = leaderRows(words);
      for (const r of rows) found.push({ page: page.page, line: k, ...r });
      if (!rows.length) return;
      lineLeaders.set(k, leaders);
      // (a caption word with its leader run on, a value's first word a leader's dot ran into)
      for (const [w, part] of parts) captionParts.set(w, part);
    });
    const captioned = captionColumns(found);
    if (oneColumn && captioned.length > 1) return page;
    const columns = captioned.map(readColumn).filter((c): c is ReadColumn => !!c);
    if (!columns.length) return page;
    any = true;
    const edgeOf = new Map<Row, number>(columns.flatMap((c) => c.rows.map((r) => [r, c.edge] as const)));
    const onEdge = (r: Row, x: number) => Math.min(Math.abs(x - right(r)), Math.abs(x - edgeOf.get(r)!)) <= EDGE_TOL;
    const recast = [...edgeOf.keys()];
    const leaderWords = recastLeaders(found, recast, lineLeaders);
    const shift = new Map<Word, number>();
    const rowAt = new Map<number, Row[]>();
    for (const r of recast) rowAt.set(r.line, [...(rowAt.get(r.line) ?? []), r]);
    for (const r of recast) {
      const edge = edgeOf.get(r)!;
      const h = height(r.caption);
      // (a cell's gap after the caption: the value its own cell, as a label-left row prints it)
      const to = r.caption.at(-1)!.bbox[2] + 3 * h;
      const dx = to - r.value[0]!.bbox[0];
      for (const w of r.value) shift.set(w, dx);
      // the value's continuation lines: right-aligned on its edge, in the value's place (another column's
      // row may share the line: only the words between the caption's end and the value's edge are its)
      const capEnd = r.caption.at(-1)!.bbox[2];
      let prevLine = lines[r.line]!;
      for (let k = r.line + 1; k < lines.length; k++) {
        if ((rowAt.get(k) ?? []).some((o) => Math.abs(o.caption[0]!.bbox[0] - r.caption[0]!.bbox[0]) < h)) break;
        const ws = lines[k]!.filter((w) => !leaderWords.has(w));
        const mine = ws.filter((w) => w.bbox[0] > capEnd + h && w.bbox[2] <= Math.max(right(r), edge) + EDGE_TOL);
        const gap = mine.length ? mine[0]!.bbox[1] - Math.max(...prevLine.map((w) => w.bbox[3])) : Infinity;
        if (!mine.length || gap > 1.2 * h) break;
        if (!onEdge(r, mine.at(-1)!.bbox[2])) break;
        // (a word of this column left of the caption's end is another row's caption: no continuation)
        if (ws.some((w) => w.bbox[0] >= r.caption[0]!.bbox[0] - h && w.bbox[2] <= capEnd + h)) break;
        const cdx = r.value[0]!.bbox[0] + dx - mine[0]!.bbox[0];
        for (const w of mine) shift.set(w, cdx);
        prevLine = lines[k]!;
      }
    }
    const words: Word[] = [];
    for (const printed of page.words) {
      if (leaderWords.has(printed)) continue;
      // (a word a leader ran into stands for its own part alone)
      const w = captionParts.get(printed) ?? printed;
      const dx = shift.get(w);
      if (dx === undefined || Math.abs(dx) < 0.5) {
        words.push(w);
        continue;
      }
      const at: BBox = [w.bbox[0] + dx, w.bbox[1], w.bbox[2] + dx, w.bbox[3]];
      moved.push({ page: page.page, at, printed: w.bbox });
      words.push({ ...w, bbox: at });
    }
    return { ...page, words };
  });
  return any ? { pages: out, moved } : null;
}
