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
    if (value?.length && caption.some((w) => /\p{L}/u.test(w.text))) rows.push({ caption, value });
    caption = [];
    value = null;
    dots = 0;
  };
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    const t = w.text.trim();
    const prev = words[i - 1];
    // (a wide gap after a value starts the next column's caption)
    if (value?.length && prev && w.bbox[0] - prev.bbox[2] > 2 * h) close();
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
    const runOn = RUN_ON_LEADER.exec(t);
    if (runOn && /\p{L}/u.test(runOn[1]!)) {
      const part: Word = { ...w, text: runOn[1]!, bbox: spanBox(w.bbox, 0, runOn[1]!.length, t.length) };
      parts.set(w, part);
      caption.push(part);
      value = [];
      continue;
    }
    if (/\p{L}/u.test(t) || caption.length) caption.push(w);
  }
  close();
  return { rows, leaders, parts };
}

/** The pages with every statement page's leader rows written label-left; null when no page has three. */
export function recastLeaderRows(pages: PageText[]): RecordRecast | null {
  const moved: MovedWord[] = [];
  let any = false;
  const out = pages.map((page) => {
    const lines = printedWordLines(page);
    const found: Row[] = [];
    const leaderWords = new Set<Word>();
    const captionParts = new Map<Word, Word>();
    lines.forEach((words, k) => {
      const { rows, leaders, parts } = leaderRows(words);
      for (const r of rows) found.push({ page: page.page, line: k, ...r });
      if (!rows.length) return;
      for (const w of leaders) leaderWords.add(w);
      // (a caption word with its leader run on, a value's first word a leader's dot ran into)
      for (const [w, part] of parts) captionParts.set(w, part);
    });
    const right = (r: Row) => r.value.at(-1)!.bbox[2];
    const left = (r: Row) => r.value[0]!.bbox[0];
    const sharing = (r: Row, edge: (r: Row) => number) =>
      found.filter((o) => Math.abs(edge(o) - edge(r)) <= EDGE_TOL).length;
    const aligned = found.filter((r) => sharing(r, right) >= 3);
    if (aligned.length < 3) return page;
    // (one column of rows only: two side by side set their rows level or not, a column's value close
    // to the next column's caption — read as they stand, by the captions' columns)
    const x0 = aligned[0]!.caption[0]!.bbox[0];
    if (found.some((r) => Math.abs(r.caption[0]!.bbox[0] - x0) > height(r.caption))) return page;
    // (values that start on one edge are a column already, set left: a portal's "Field ..... value" grid —
    // some of them may end on one edge too, being as long as each other)
    if (found.filter((r) => sharing(r, left) >= 3).length >= aligned.length) return page;
    any = true;
    const shift = new Map<Word, number>();
    const rowAt = new Map<number, Row[]>();
    for (const r of aligned) rowAt.set(r.line, [...(rowAt.get(r.line) ?? []), r]);
    for (const r of aligned) {
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
        const mine = ws.filter((w) => w.bbox[0] > capEnd + h && w.bbox[2] <= right(r) + EDGE_TOL);
        const gap = mine.length ? mine[0]!.bbox[1] - Math.max(...prevLine.map((w) => w.bbox[3])) : Infinity;
        if (!mine.length || gap > 1.2 * h) break;
        if (Math.abs(mine.at(-1)!.bbox[2] - right(r)) > EDGE_TOL) break;
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
