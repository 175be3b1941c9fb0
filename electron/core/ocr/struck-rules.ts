import { inkThreshold, PAPER4, paperQuads, ruleShape, type Gray, type RuleShape } from './preprocess.js';

/*
 * A rule struck through print: a caption printed on the top edge of its box ("Account PIN / passcode"
 * sitting on the box's rule, which runs through its letters), a line crossed out. Tesseract reads
 * such a caption as junk ("condo", "alla ebb me") or not at all, and rule removal (preprocess.ts) does
 * not see the rule there: each letter's stroke breaks it into pieces shorter than a rule. Along such a
 * row the ink runs on unbroken (rule, stroke, rule…) for longer than any row of print does, and
 * strokes of print height cross it one after another; between those strokes the row's thin ink is
 * made paper, so the letters stand as printed. A box's or table's rule that no print crosses (its
 * own corners and column rules are taller than print) is left as it is: a lone value in a box still
 * has the box that makes tesseract see it.
 */

/** The least number of print strokes crossing a rule for it to be struck through print. */
const MIN_CROSSINGS = 4;

/**
 * A pen's line through a typed value (a customer's correction) is as long as the value, a house
 * number's or a ZIP's few digits: shorter than a rule, crossed by fewer strokes ("11" is two).
 */
const STRIKE_MIN_RUN_IN = 0.15;
const STRIKE_MIN_CROSSINGS = 2;
/** A line drawn through words stops just past them; a box's edge runs on beyond its caption. */
const STRIKE_OVERRUN_IN = 0.12;

/** A level line of ink through print, in the page's pixels (row y0 at x0, y1 at x1; its thickness). */
export interface StrikeLine {
  x0: number;
  x1: number;
  y0: number;
  y1: number;
  thick: number;
}

/** A page being looked at: its pixels, the ink threshold and the sizes (pixels) of rules and print. */
interface Page extends RuleShape {
  W: number;
  H: number;
  data: Uint8Array;
  /** under this is ink */
  t: number;
  /** a stroke of print is taller than a rule is thick and no taller than a capital with its descender */
  maxStroke: number;
  /** the rule's gray edge */
  halo: number;
  quads: Uint32Array | null;
  /** the page as changed, once anything is */
  out: Uint8Array | null;
  minCrossings: number;
  /** when set, stretches are only collected here (row, from the first to the last stroke), not erased */
  found: { x0: number; x1: number; y: number }[] | null;
  /** how far past its first and last stroke a collected stretch may run (pixels) */
  overrun: number;
}

/**
 * The page with each rule struck through print made paper between the strokes it crosses;
 * `erased` counts the rule's pixels made paper.
 */
export function eraseStruckRules(g: Gray, dpi: number): { gray: Gray; erased: number } {
  const t = inkThreshold(g.data);
  const p: Page = {
    W: g.width,
    H: g.height,
    data: g.data,
    t,
    ...ruleShape(dpi),
    maxStroke: Math.round(dpi * 0.2),
    halo: Math.max(1, Math.round(dpi / 150)),
    quads: paperQuads(g.data, t),
    out: null,
    minCrossings: MIN_CROSSINGS,
    found: null,
    overrun: 0,
  };
  const erased = scanRows(p);
  return p.out ? { gray: { width: p.W, height: p.H, data: p.out }, erased } : { gray: g, erased: 0 };
}

/**
 * The level lines of ink drawn through print (a value struck out by hand): a thin run crossed by
 * print's strokes, ending just past them; its rows joined into one line. The page is not changed.
 */
export function findStrikeLines(g: Gray, dpi: number): StrikeLine[] {
  const t = inkThreshold(g.data);
  const p: Page = {
    W: g.width,
    H: g.height,
    data: g.data,
    t,
    ...ruleShape(dpi, { minRunIn: STRIKE_MIN_RUN_IN }),
    maxStroke: Math.round(dpi * 0.2),
    halo: Math.max(1, Math.round(dpi / 150)),
    quads: paperQuads(g.data, t),
    out: null,
    minCrossings: STRIKE_MIN_CROSSINGS,
    found: [],
    overrun: Math.round(dpi * STRIKE_OVERRUN_IN),
  };
  scanRows(p);
  const lines: StrikeLine[] = [];
  for (const f of p.found!.sort((a, b) => a.y - b.y || a.x0 - b.x0)) {
    // the rows of one line: overlapping stretches in the next rows (a slanted pen line steps a row)
    const l = lines.find((o) => f.y - o.y1 <= 1 + p.gap && f.x0 < o.x1 && f.x1 > o.x0 && f.y - o.y0 < p.maxThick * 2);
    if (l) {
      l.x0 = Math.min(l.x0, f.x0);
      l.x1 = Math.max(l.x1, f.x1);
      l.y1 = f.y;
      l.thick++;
    } else lines.push({ x0: f.x0, x1: f.x1, y0: f.y, y1: f.y, thick: 1 });
  }
  // y0..y1 held the rows; a line's middle is taken as level across (its slant is under a row or two)
  return lines.map((l) => {
    const mid = (l.y0 + l.y1) / 2;
    return { ...l, y0: mid, y1: mid, thick: Math.min(l.thick, p.maxThick) };
  });
}

/** Rows with a long run taken apart (struckRow); what was erased. */
function scanRows(p: Page): number {
  // rows looked at in twos for a long run (a rule is thicker than a pixel), with paper skipped four
  // pixels a load; only the rows around one found are taken apart
  const done = new Uint8Array(p.H);
  let erased = 0;
  for (let y = 0; y < p.H; y += 2) {
    if (!longRun(p, y)) continue;
    for (let k = Math.max(0, y - p.maxThick); k <= Math.min(p.H - 1, y + p.maxThick); k++)
      if (!done[k]) {
        done[k] = 1;
        erased += struckRow(p, k);
      }
  }
  return erased;
}

/** Whether row y holds a run of ink minRun long (gaps of `gap` bridged). */
function longRun(p: Page, y: number): boolean {
  const { W, data, t, quads, gap, minRun } = p;
  const row = y * W;
  let start = -1,
    last = -gap - 2;
  for (let x = 0; x < W; ) {
    const i = row + x;
    if (quads && (i & 3) === 0 && x + 4 <= W && (quads[i >> 2]! & PAPER4) === PAPER4) {
      x += 4;
      continue;
    }
    if (data[i]! < t) {
      if (x - last - 1 > gap) start = x;
      last = x;
      if (last - start + 1 >= minRun) return true;
    }
    x++;
  }
  return false;
}

/** Each long run of ink along row y taken apart (struckStretch); the rule pixels made paper. */
function struckRow(p: Page, y: number): number {
  const { W, data, t, gap, minRun } = p;
  const row = y * W;
  let n = 0,
    start = -1,
    last = -gap - 2;
  for (let x = 0; x <= W; x++) {
    const on = x < W && data[row + x]! < t;
    if (on && x - last - 1 <= gap) {
      last = x;
      continue;
    }
    if (start >= 0 && last - start + 1 >= minRun) n += struckStretch(p, start, last, y);
    start = on ? x : -1;
    if (on) last = x;
  }
  return n;
}

/** How far the ink at (x, y) runs up and down, each counted to at most maxStroke + 1. */
function vertical(p: Page, x: number, y: number): { top: number; bottom: number } {
  const { W, H, data, t, maxStroke } = p;
  let a = y,
    b = y;
  while (a > 0 && y - a <= maxStroke && data[(a - 1) * W + x]! < t) a--;
  while (b < H - 1 && b - y <= maxStroke && data[(b + 1) * W + x]! < t) b++;
  return { top: a, bottom: b };
}

/** One long run of ink along row y: where print strokes cross it, its thin ink between them made paper. */
function struckStretch(p: Page, x0: number, x1: number, y: number): number {
  const { W, H, data, t, maxThick, maxStroke, gap, halo } = p;
  const row = y * W;
  const spans: ({ top: number; bottom: number } | undefined)[] = new Array(x1 - x0 + 1);
  let crossings = 0,
    thin = 0,
    inked = 0,
    first = -1,
    lastCross = -1,
    inStroke = false;
  for (let x = x0; x <= x1; x++) {
    if (data[row + x]! >= t) {
      inStroke = false;
      continue;
    }
    const v = vertical(p, x, y);
    spans[x - x0] = v;
    const h = v.bottom - v.top + 1;
    inked++;
    if (h <= maxThick) thin++;
    const stroke = h > maxThick && h <= maxStroke;
    if (stroke && !inStroke) {
      crossings++;
      if (first < 0) first = x;
    }
    if (stroke) lastCross = x;
    inStroke = stroke;
  }
  // mostly a rule's thin ink: not a dark band with light print in it
  if (crossings < p.minCrossings || thin < 0.4 * inked) return 0;
  if (p.found) {
    if (first - x0 <= p.overrun && x1 - lastCross <= p.overrun) p.found.push({ x0, x1, y });
    return 0;
  }
  const out = (p.out ??= new Uint8Array(data));
  let n = 0;
  for (let x = Math.max(x0, first - gap); x <= Math.min(x1, lastCross + gap); x++) {
    const v = spans[x - x0];
    if (!v || v.bottom - v.top + 1 > maxThick) continue;
    // the rule's gray edge goes with it, up to the paper (or print) just beyond
    const a = Math.max(0, v.top - halo),
      b = Math.min(H - 1, v.bottom + halo);
    const paper = Math.max(a > 0 ? data[(a - 1) * W + x]! : 255, b < H - 1 ? data[(b + 1) * W + x]! : 255);
    for (let k = a; k <= b; k++) {
      const i = k * W + x;
      if ((k < v.top || k > v.bottom) && data[i]! < t) continue;
      if (out[i]! < paper) out[i] = paper;
    }
    n += v.bottom - v.top + 1;
  }
  return n;
}
