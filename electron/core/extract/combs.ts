import type { BBox, PageText, Word } from '../../../shared/domain/document.js';
import { unionBox } from './layout.js';
import { printedWordLines, spanBox } from './lines.js';
import type { MovedWord } from './records.js';

/**
 * COMB fields: forms printed for hand print give every character a box of its own ("one letter per
 * box"), so a value filled into one reaches the text layer as single characters a box's pitch apart,
 * a blank box between its words. Before the fields are read, each run of such characters is written as
 * the words it spells, set at an ordinary word spacing from where it starts (the pitch is wider than a
 * column gap, so the letters would otherwise read as columns of one character); the punctuation a form
 * prints between digit groups ("( ) -", the date's "/") joins the groups it stands between. `moved`
 * says where each word is printed (records.ts movedBack).
 */

const h = (w: Word) => w.bbox[3] - w.bbox[1];
const cx = (w: Word) => (w.bbox[0] + w.bbox[2]) / 2;
/** Printed between a comb's digit groups by the form, not by the hand that filled it in. */
const JOINER = /^[()\-/.]$/;

interface Chain {
  chars: Word[];
  /** per char after the first: boxes from the previous one (1: the next box, 2: a blank box between) */
  steps: number[];
  pitch: number;
}

/** The pitch of evenly spaced characters: the typical distance between neighbours a box apart. */
function pitchOf(ds: number[]): number {
  const mid = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  // (most neighbours in a comb are a box apart; a joiner the form prints between boxes is nearer)
  const m = mid(ds);
  return mid(ds.filter((d) => d > 0.75 * m && d < 1.5 * m));
}

/**
 * Splits a run of single characters into chains whose neighbours stand one or two pitches apart
 * (a blank box at most between words); a distance off the grid ends a chain.
 */
function chainsOf(run: Word[], pagePitch: number | null): Chain[] {
  if (run.length < 2) return [];
  const ds = run.slice(1).map((w, i) => cx(w) - cx(run[i]!));
  const hh = Math.max(...run.map(h));
  // (a joiner is printed between two boxes, not in one: its distances to its neighbours are no pitch)
  const joins = (i: number) => JOINER.test(run[i]!.text) || JOINER.test(run[i + 1]!.text);
  const boxed = ds.filter((_, i) => !joins(i));
  const pitch = pagePitch ?? pitchOf(boxed.length >= 2 ? boxed : ds);
  if (pitch < 0.75 * hh || pitch > 1.9 * hh) return [];
  const out: Chain[] = [];
  let cur: Chain = { chars: [run[0]!], steps: [], pitch };
  ds.forEach((d, i) => {
    // (a joiner anywhere between its neighbours' boxes is the next one; a blank box after it, two pitches on)
    const m = joins(i) && d > 0.3 * pitch && d <= 1.3 * pitch ? 1 : Math.round(d / pitch);
    // (hand print sits a little off its box's centre)
    if (m >= 1 && m <= 2 && ((joins(i) && m === 1) || Math.abs(d - m * pitch) <= 0.3 * pitch)) {
      cur.chars.push(run[i + 1]!);
      cur.steps.push(m);
      return;
    }
    out.push(cur);
    cur = { chars: [run[i + 1]!], steps: [], pitch };
  });
  out.push(cur);
  return out;
}

/** A chain that is a comb: three characters or more, two of them in neighbouring boxes (or on a known comb pitch). */
function isComb(c: Chain, pagePitch: number | null): boolean {
  // (a leader of spaced dots between a caption and its value, ". . . . .", is print, not a hand's letters)
  if (!c.chars.some((w) => /[A-Za-z0-9]/.test(w.text))) return false;
  const adjacent = c.steps.filter((s) => s === 1).length;
  return pagePitch ? c.chars.length >= 2 && adjacent >= 1 : c.chars.length >= 3 && adjacent >= 2;
}

/**
 * A comb's chains with the one or two characters a hand set off its grid right after it (a box or two on) kept
 * as its next word: they are the value's last boxes ("01/23/20" "23"), and left apart
 * the value would read whole without them (a year of two digits).
 */
function withStrays(chains: Chain[], pagePitch: number | null): Chain[] {
  const out: Chain[] = [];
  for (const c of chains) {
    const prev = out[out.length - 1];
    const near = prev && cx(c.chars[0]!) - cx(prev.chars[prev.chars.length - 1]!) <= 2.5 * prev.pitch;
    if (near && c.chars.length <= 2 && isComb(prev, pagePitch)) {
      prev.chars.push(...c.chars);
      prev.steps.push(2, ...c.steps);
    } else out.push(c);
  }
  return out;
}

/** Runs of single-character words on a line with nothing else between them. */
function singleRuns(line: Word[]): Word[][] {
  const runs: Word[][] = [];
  let cur: Word[] = [];
  for (const w of line) {
    if (w.text.length === 1 && (!cur.length || Math.abs(h(w) - h(cur[0]!)) <= 0.2 * h(cur[0]!))) cur.push(w);
    else {
      if (cur.length) runs.push(cur);
      cur = w.text.length === 1 ? [w] : [];
    }
  }
  if (cur.length) runs.push(cur);
  return runs;
}

/** A comb's words: characters in neighbouring boxes spell one word, a blank box starts the next. */
function combWords(c: Chain): Word[][] {
  const words: Word[][] = [[c.chars[0]!]];
  c.steps.forEach((s, i) => {
    if (s === 1) words[words.length - 1]!.push(c.chars[i + 1]!);
    else words.push([c.chars[i + 1]!]);
  });
  return words;
}

/**
 * The line's words with its combs written out; null when it has none. Groups of one comb (and the
 * form's "(", ")", "-", "/" between groups less than a pitch apart) read as one word each.
 */
function recastLine(page: number, line: Word[], pagePitch: number | null, moved: MovedWord[]): Word[] | null {
  const combs = singleRuns(line)
    .flatMap((r) => withStrays(chainsOf(r, pagePitch), pagePitch))
    .filter((c) => isComb(c, pagePitch));
  if (!combs.length) return null;
  const inComb = new Map<Word, Chain>();
  for (const c of combs) for (const w of c.chars) inComb.set(w, c);
  // the line as pieces: a comb word (its characters) or a word as printed
  const pieces: { chars: Word[]; comb: Chain | null; pitch: number }[] = [];
  for (const w of line) {
    const c = inComb.get(w);
    if (!c) {
      pieces.push({ chars: [w], comb: null, pitch: 0 });
      continue;
    }
    if (c.chars[0] !== w) continue;
    for (const cw of combWords(c)) pieces.push({ chars: cw, comb: c, pitch: c.pitch });
  }
  // digit groups with the form's joiners between them are one value ("(" 406 ")" 555 "-" 0191)
  const merged: typeof pieces = [];
  for (let i = 0; i < pieces.length; i++) {
    const p = pieces[i]!;
    const prev = merged[merged.length - 1];
    const gap = (a: Word[], b: Word[]) => b[0]!.bbox[0] - a[a.length - 1]!.bbox[2];
    const joinerBefore = !p.comb && JOINER.test(p.chars[0]!.text) && pieces[i + 1]?.comb;
    if (joinerBefore && gap(p.chars, pieces[i + 1]!.chars) < pieces[i + 1]!.pitch) {
      // a joiner opening the group ("(" before the area code) or between two groups
      const next = pieces[i + 1]!;
      if (prev?.comb && gap(prev.chars, p.chars) < next.pitch) prev.chars.push(p.chars[0]!, ...next.chars);
      else merged.push({ chars: [p.chars[0]!, ...next.chars], comb: next.comb, pitch: next.pitch });
      i++;
      continue;
    }
    // a comb word opened by the form's joiner right after the group before it ("12" "/17" "/2025"), or
    // after a group the joiner closes ("(508)448-" "3580")
    const joined = (a: Word[], b: Word[]) => JOINER.test(b[0]!.text) || JOINER.test(a[a.length - 1]!.text);
    if (p.comb && prev?.comb && joined(prev.chars, p.chars) && gap(prev.chars, p.chars) < 0.8 * p.pitch) {
      prev.chars.push(...p.chars);
      continue;
    }
    if (!p.comb && JOINER.test(p.chars[0]!.text) && prev?.comb && gap(prev.chars, p.chars) < prev.pitch) {
      prev.chars.push(p.chars[0]!); // a closing ")" with nothing after it
      continue;
    }
    merged.push({ ...p, chars: [...p.chars] });
  }
  // a comb's words set from where it starts, a word space apart
  const out: Word[] = [];
  let x = Number.NEGATIVE_INFINITY;
  let lastComb: Chain | null = null;
  for (const p of merged) {
    if (!p.comb) {
      out.push(p.chars[0]!);
      lastComb = null;
      continue;
    }
    const printed = unionBox(p.chars)!;
    const hh = printed[3] - printed[1];
    const start = lastComb === p.comb && x + 0.3 * hh < printed[0] ? x + 0.3 * hh : printed[0];
    const width = p.chars.reduce((s, w) => s + (w.bbox[2] - w.bbox[0]), 0);
    const at: BBox = [start, printed[1], start + width, printed[3]];
    out.push({ text: p.chars.map((w) => w.text).join(''), bbox: at, conf: Math.min(...p.chars.map((w) => w.conf)) });
    moved.push({ page, at, printed });
    x = at[2];
    // the next comb word follows at a word space only when it belongs to the same comb
    lastComb = p.comb;
  }
  return out;
}

/** Characters a text layer ran together across the form's joiner ("0/1", "/2", "5-"): set apart again. */
const JOINED = /^(?:[A-Za-z0-9][()\-/][A-Za-z0-9]|[()\-/][A-Za-z0-9]|[A-Za-z0-9][()\-/])$/;

function splitJoined(line: Word[]): Word[] {
  return line.flatMap((w) =>
    JOINED.test(w.text)
      ? [...w.text].map((ch, i) => ({ ...w, text: ch, bbox: spanBox(w.bbox, i, i + 1, w.text.length) }))
      : [w],
  );
}

/** A page's comb pitch: the pitch of its clear combs (three characters or more), when they agree. */
function pagePitchOf(lines: Word[][]): number | null {
  const pitches = lines
    .flatMap((l) => singleRuns(l).flatMap((r) => chainsOf(r, null)))
    .filter((c) => isComb(c, null))
    .map((c) => c.pitch);
  if (pitches.length < 2) return null;
  const p = pitchOf(pitches);
  return pitches.filter((x) => Math.abs(x - p) <= 0.08 * p).length >= 2 ? p : null;
}

/** The pages with every comb field written as words; null when no page has one. Text layers only. */
export function joinCombs(pages: PageText[]): { pages: PageText[]; moved: MovedWord[] } | null {
  const moved: MovedWord[] = [];
  let changed = false;
  const out = pages.map((page) => {
    if (page.method !== 'text') return page;
    const lines = printedWordLines(page);
    const pitch = pagePitchOf(lines);
    let pageChanged = false;
    const words = lines.flatMap((l) => {
      // (on a page of combs, digits glued to a joiner are comb characters too)
      const r = recastLine(page.page, pitch ? splitJoined(l) : l, pitch, moved);
      if (!r) return l;
      pageChanged = true;
      return r;
    });
    if (!pageChanged) return page;
    changed = true;
    return { ...page, words };
  });
  return changed ? { pages: out, moved } : null;
}
