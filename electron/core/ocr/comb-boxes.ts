import { type Gray, histogram, otsuOfHistogram, PAPER4, paperQuads } from './preprocess.js';

/*
 * COMB fields made plain lines of letters. Forms for hand print give every character a box of its
 * own: closed boxes side by side, or ticks rising from a rule. Tesseract reads the box edges as
 * letters ("|", "I", "1", "l", "[") between the characters and glues them into one word
 * ("[K]A[R[EIN]"), or reads an open comb's ticks as commas ("4,2,4,0,4,51,"), and the value is lost.
 * A comb is found by its shape: a horizontal rule with three or more thin strokes standing on it at
 * one pitch, all of one height (a box's side, or a tick); a closed comb's strokes end at a second
 * rule above. Its strokes and rules are made paper; the letters in the boxes stay (they do not touch
 * the rule, and a letter's stroke is neither on the pitch nor of the boxes' height). What is left is
 * a row of letters a box apart, which the extractor's comb rule reads as the words they spell
 * (extract/combs.ts).
 * Cheap first: one pass over the page finds long horizontal dark runs (a page without rules costs
 * that pass only); strokes are looked for only on those runs.
 */

/** Size limits at `dpi`, pixels. */
interface CombShape {
  dark: number;
  /** a rule is a dark run along a row at least this long */
  minRule: number;
  /** a box edge or a rule is at most this thick */
  maxThick: number;
  /** a stroke stands at least this high above the rule (a tick is 0.4 of a box's height) */
  minStroke: number;
  /** and at most this high (a box is no taller than a third of an inch) */
  maxStroke: number;
  minPitch: number;
  maxPitch: number;
  /** a stroke's blurred gray edge (left gray, tesseract's own threshold may still see a line) */
  halo: number;
}

/** A box edge or tick: its columns, the top row its ink reaches and the rule row it stands on. */
interface Stroke {
  x0: number;
  x1: number;
  top: number;
  bottom: number;
}

/** A comb: its strokes, left to right; closed when a rule runs along their tops. */
interface Comb {
  strokes: Stroke[];
  /** the distance between neighbouring box edges */
  pitch: number;
  closed: boolean;
}

/** A comb has two boxes at least: three strokes. */
const MIN_STROKES = 3;

function shapeAt(dpi: number, dark: number): CombShape {
  return {
    dark,
    minRule: Math.max(20, Math.round(dpi * 0.25)),
    maxThick: Math.max(3, Math.round(dpi * 0.03)),
    minStroke: Math.max(5, Math.round(dpi * 0.05)),
    maxStroke: Math.round(dpi * 0.35),
    minPitch: Math.round(dpi * 0.1),
    maxPitch: Math.round(dpi * 0.4),
    halo: Math.max(2, Math.round(dpi / 150)),
  };
}

/**
 * Long dark runs along rows (rule candidates), as [row, first, last] triples; paper skipped four
 * pixels at a time where the buffer allows.
 */
function longRuns(g: Gray, o: CombShape): number[] {
  const { width: W, height: H, data } = g;
  const quads = paperQuads(data, o.dark);
  const out: number[] = [];
  for (let y = 0; y < H; y++) {
    const row = y * W;
    let x = 0;
    while (x < W) {
      if (quads && (row + x) % 4 === 0 && x + 4 <= W && (quads[(row + x) >> 2]! & PAPER4) === PAPER4) {
        x += 4;
        continue;
      }
      if (data[row + x]! > o.dark) {
        x++;
        continue;
      }
      const start = x;
      while (x < W && data[row + x]! <= o.dark) x++;
      if (x - start >= o.minRule) out.push(y, start, x - 1);
    }
  }
  return out;
}

/**
 * The strokes standing on the run at row y: columns whose ink goes on up from the rule further than
 * a rule is thick, grouped into strokes no thicker than a box edge.
 */
function strokesOn(g: Gray, o: CombShape, y: number, x0: number, x1: number): Stroke[] {
  const { width: W, data } = g;
  const out: Stroke[] = [];
  let cur: Stroke | null = null;
  for (let x = x0; x <= x1 + 1; x++) {
    let top = y;
    if (x <= x1) while (top > 0 && y - top < o.maxStroke + o.maxThick && data[(top - 1) * W + x]! <= o.dark) top--;
    const tall = x <= x1 && y - top >= o.minStroke;
    if (tall) {
      if (cur) {
        cur.x1 = x;
        cur.top = Math.min(cur.top, top);
      } else cur = { x0: x, x1: x, top, bottom: y };
      continue;
    }
    if (cur && cur.x1 - cur.x0 + 1 <= o.maxThick && y - cur.top <= o.maxStroke + o.maxThick) out.push(cur);
    cur = null;
  }
  return out;
}

/**
 * The run is part of a thin rule, not of a dark area (a copier's border, a filled box): at most of
 * eight columns along it the ink below row y ends within a rule's thickness (below: a comb's strokes
 * stand on its rule, so at a box edge the ink goes on up, never down). Keeps a dark band from costing
 * a walk up every column of every row.
 */
function thinAlong(g: Gray, o: CombShape, y: number, x0: number, x1: number): boolean {
  const { width: W, height: H, data } = g;
  let thin = 0;
  for (let k = 0; k < 8; k++) {
    const x = x0 + Math.round(((x1 - x0) * (k + 0.5)) / 8);
    let b = y;
    while (b < H - 1 && b - y < o.maxThick && data[(b + 1) * W + x]! <= o.dark) b++;
    if (b - y < o.maxThick) thin++;
  }
  return thin > 4;
}

/**
 * The strokes seen from every row of every rule, each once: strokes found from two rows of one rule
 * (the same columns, the same top) are one, standing on the lower row.
 */
function mergeStrokes(found: Stroke[], o: CombShape): Stroke[] {
  found.sort((a, b) => a.x0 - b.x0 || a.top - b.top);
  const out: Stroke[] = [];
  for (const s of found) {
    let same: Stroke | undefined;
    for (let k = out.length - 1; k >= 0 && out[k]!.x0 >= s.x0 - o.maxThick; k--) {
      const t = out[k]!;
      if (t.x0 <= s.x1 + 1 && s.x0 <= t.x1 + 1 && Math.abs(t.top - s.top) <= o.maxThick) same = t;
    }
    if (!same) {
      out.push({ ...s });
      continue;
    }
    same.x0 = Math.min(same.x0, s.x0);
    same.x1 = Math.max(same.x1, s.x1);
    same.top = Math.min(same.top, s.top);
    same.bottom = Math.max(same.bottom, s.bottom);
  }
  return out.sort((a, b) => a.x0 - b.x0);
}

const mid = (s: Stroke) => (s.x0 + s.x1) / 2;
const height = (s: Stroke) => s.bottom - s.top;

/**
 * The next stroke of a comb after `s`: standing on the same rule (its foot within a rule's
 * thickness, a little more for a rule tilted under deskew's threshold), as high within a quarter,
 * one pitch on (within a sixth) or two (a box edge the scan broke); the nearest such.
 */
function nextStroke(
  g: Gray,
  strokes: Stroke[],
  from: number,
  pitch: number,
  o: CombShape,
): { at: number; d: number } | null {
  const s = strokes[from]!;
  const reach = pitch ? 2 * pitch + pitch / 6 : o.maxPitch;
  for (let k = from + 1; k < strokes.length && strokes[k]!.x0 <= mid(s) + reach; k++) {
    const t = strokes[k]!;
    if (Math.abs(t.bottom - s.bottom) > o.maxThick || Math.abs(height(t) - height(s)) > 0.25 * height(s)) continue;
    const d = mid(t) - mid(s);
    // a stroke like it nearer than a pitch: no box edge (a row of letters standing on a line)
    if (d < (pitch ? pitch - pitch / 6 : o.minPitch)) return null;
    const onPitch = pitch
      ? Math.abs(d - pitch) <= pitch / 6 || Math.abs(d - 2 * pitch) <= pitch / 6
      : d >= o.minPitch && d <= o.maxPitch;
    if (onPitch && ruleBetween(g, o, s, t)) return { at: k, d };
  }
  return null;
}

/**
 * The rule runs on from one stroke's foot to the next's (two combs side by side a box apart are two
 * combs, not one with a blank box): ink near the rule at a quarter, half and three quarters the way.
 */
function ruleBetween(g: Gray, o: CombShape, a: Stroke, b: Stroke): boolean {
  for (const f of [0.25, 0.5, 0.75]) {
    const x = Math.round(a.x1 + (b.x0 - a.x1) * f);
    // (the foot is the rule's lowest row: its middle is a little above)
    if (!inkNear(g, o, x, rowAt(a, b, a.bottom, b.bottom, x) - 1)) return false;
  }
  return true;
}

/** Chains of strokes at one pitch and of one height on one rule; three strokes or more make a comb. */
function combsOf(g: Gray, strokes: Stroke[], o: CombShape): { strokes: Stroke[]; pitch: number }[] {
  const used = new Uint8Array(strokes.length);
  const out: { strokes: Stroke[]; pitch: number }[] = [];
  for (let i = 0; i < strokes.length; i++) {
    if (used[i]) continue;
    const chain = [i];
    let pitch = 0;
    for (let n = nextStroke(g, strokes, i, 0, o); n && !used[n.at]; n = nextStroke(g, strokes, n.at, pitch, o)) {
      // (the pitch is set by the first step; a step over a broken edge is two)
      if (!pitch) pitch = n.d;
      chain.push(n.at);
    }
    if (chain.length < MIN_STROKES) continue;
    for (const k of chain) used[k] = 1;
    out.push({ strokes: chain.map((k) => strokes[k]!), pitch });
  }
  return out;
}

/** A row between two strokes' rows, at column x (a rule tilted under deskew's threshold drifts). */
function rowAt(a: Stroke, b: Stroke, ya: number, yb: number, x: number): number {
  const t = b.x0 === a.x0 ? 0 : (x - a.x0) / (b.x0 - a.x0);
  return Math.round(ya + (yb - ya) * Math.max(0, Math.min(1, t)));
}

/** Dark pixels within two rows of row y at column x. */
function inkNear(g: Gray, o: CombShape, x: number, y: number): boolean {
  for (let k = Math.max(0, y - 2); k <= Math.min(g.height - 1, y + 2); k++)
    if (g.data[k * g.width + x]! <= o.dark) return true;
  return false;
}

/** Closed boxes: a rule runs along the strokes' tops, unbroken (an open comb's tick tops have only letters beside them; the serifs of a row of "IIII" have gaps between them). */
function closedAlong(g: Gray, o: CombShape, strokes: Stroke[]): boolean {
  let on = 0,
    all = 0;
  for (let i = 1; i < strokes.length; i++) {
    const a = strokes[i - 1]!,
      b = strokes[i]!;
    for (let x = a.x1 + 1; x < b.x0; x++, all++) if (inkNear(g, o, x, rowAt(a, b, a.top, b.top, x))) on++;
  }
  return all > 0 && on >= 0.95 * all;
}

/**
 * Paper over the thin dark run across row y in column x (a rule's thickness), the nearest within a
 * rule's thickness of y; a letter's stroke lying on the rule makes it thicker there, and it stays.
 */
function paperRuleAt(g: Gray, out: Uint8Array, o: CombShape, x: number, y: number, paper: number): void {
  const { width: W, height: H, data } = g;
  const darkAt = (r: number) => r >= 0 && r < H && data[r * W + x]! <= o.dark;
  let at = -1;
  for (let k = 0; k <= o.maxThick && at < 0; k++) at = darkAt(y - k) ? y - k : darkAt(y + k) ? y + k : -1;
  if (at < 0) return;
  let a = at,
    b = at;
  while (darkAt(a - 1)) a--;
  while (darkAt(b + 1)) b++;
  if (b - a + 1 > o.maxThick) return;
  for (let k = Math.max(0, a - 1); k <= Math.min(H - 1, b + 1); k++) out[k * W + x] = Math.max(out[k * W + x]!, paper);
}

/** The comb's strokes, the rule they stand on and (closed boxes) the rule over them made paper. */
function eraseComb(g: Gray, out: Uint8Array, o: CombShape, c: Comb, paper: number): void {
  const W = g.width;
  const halo = o.halo;
  for (const s of c.strokes)
    for (let y = Math.max(0, s.top - halo); y <= s.bottom; y++)
      for (let x = Math.max(0, s.x0 - halo); x <= Math.min(W - 1, s.x1 + halo); x++)
        out[y * W + x] = Math.max(out[y * W + x]!, paper);
  const first = c.strokes[0]!,
    last = c.strokes[c.strokes.length - 1]!;
  for (let x = Math.max(0, first.x0 - o.maxThick); x <= Math.min(W - 1, last.x1 + o.maxThick); x++) {
    // the strokes either side of x (the end ones beyond the comb's ends)
    let i = 1;
    while (i < c.strokes.length - 1 && c.strokes[i]!.x0 < x) i++;
    const a = c.strokes[i - 1]!,
      b = c.strokes[i]!;
    paperRuleAt(g, out, o, x, rowAt(a, b, a.bottom, b.bottom, x), paper);
    if (c.closed) paperRuleAt(g, out, o, x, rowAt(a, b, a.top, b.top, x), paper);
  }
}

/**
 * The page with its comb boxes made paper; `combs` counts the combs found. A page without combs
 * comes back as the same object (no copy).
 */
export function eraseCombBoxes(g: Gray, dpi: number): { gray: Gray; combs: number; moved: PackedRow[] } {
  const hist = histogram(g.data);
  const dark = Math.min(otsuOfHistogram(Float64Array.from(hist)), 160);
  const o = shapeAt(dpi, dark);
  const runs = longRuns(g, o);
  const found: Stroke[] = [];
  for (let i = 0; i < runs.length; i += 3) {
    const y = runs[i]!,
      x0 = runs[i + 1]!,
      x1 = runs[i + 2]!;
    if (thinAlong(g, o, y, x0, x1)) found.push(...strokesOn(g, o, y, x0, x1));
  }
  const merged = mergeStrokes(found, o);
  // An open comb's ticks are short beside its pitch (a box is about as tall as it is wide, a tick 0.4
  // of that); strokes as tall as the pitch with no rule over them are letters standing on a line
  // ("IIII", "1111" typed on an underline in a fixed-pitch font: a letter is taller than it is wide).
  const combs = combsOf(g, merged, o)
    .map((c) => ({ ...c, closed: closedAlong(g, o, c.strokes) }))
    .filter((c) => c.closed || c.strokes.every((s) => height(s) <= 0.8 * c.pitch));
  if (!combs.length) return { gray: g, combs: 0, moved: [] };
  const out = new Uint8Array(g.data);
  let paper = 255;
  for (let v = dark + 1; v < 256; v++) if (hist[v]! > hist[paper]!) paper = v;
  for (const c of combs) eraseComb(g, out, o, c, paper);
  const moved: PackedRow[] = [];
  for (const unit of unitsOf(g, o, combs)) {
    const row = packComb(out, g.width, o, unit, paper);
    if (row) moved.push(row);
  }
  return { gray: { width: g.width, height: g.height, data: out }, combs: combs.length, moved };
}

/**
 * Where packing moved a row of combs' characters: the rows they stand in and, left to right, each
 * character's columns after packing beside the box it was printed in. The words tesseract reads
 * there are boxed where the packed letters are (narrower than the comb, at its left); the specialist
 * sees a value's evidence on the page, so the boxes go back onto the combs (combMoveBack).
 */
export interface PackedRow {
  top: number;
  bottom: number;
  /** the row's first and last box edge: pixels outside them did not move */
  from: number;
  to: number;
  /** per character: packed columns [x0, x1] and the box's edges [left, right] on the page */
  moves: { packed: [number, number]; box: [number, number] }[];
}

/**
 * A point of the packed page back on the page as printed: across a packed row, a character's
 * columns stretch onto its box (a word's left end lands on its first box's left edge, its right end
 * on its last box's right edge), the paper between two characters onto the boxes' gap; the rows a
 * little above and below a row's characters (a word's box reaches past its letters) go with it.
 * Every other point stays. Null when nothing moved.
 */
export function combMoveBack(rows: PackedRow[]): ((x: number, y: number) => [number, number]) | null {
  if (!rows.length) return null;
  const knots = rows.map((r) => {
    const packed = [r.from, ...r.moves.flatMap((m) => m.packed), r.to];
    const page = [r.from, ...r.moves.flatMap((m) => m.box), r.to];
    const reach = Math.round((r.bottom - r.top) / 2);
    return { top: r.top - reach, bottom: r.bottom + reach, packed, page };
  });
  return (x, y) => {
    const k = knots.find(
      (r) => y >= r.top && y <= r.bottom && x >= r.packed[0]! && x <= r.packed[r.packed.length - 1]!,
    );
    if (!k) return [x, y];
    let i = 1;
    while (i < k.packed.length - 1 && k.packed[i]! < x) i++;
    const a = k.packed[i - 1]!,
      b = k.packed[i]!;
    const t = b > a ? (x - a) / (b - a) : 1;
    return [k.page[i - 1]! + t * (k.page[i]! - k.page[i - 1]!), y];
  };
}

/**
 * The rows the comb's characters stand in: the tallest run of rows with ink between its first and
 * last edge, above the rule's own rows and under the top rule (a closed comb) or two pitches up (an
 * open one). A rule tilted under deskew's threshold leaves a few rows of its own ink at one end, apart
 * from the letters; a speck or two is no row of letters.
 */
function bandOf(page: Uint8Array, W: number, o: CombShape, c: Comb): [number, number] {
  const first = c.strokes[0]!,
    last = c.strokes[c.strokes.length - 1]!;
  const from = Math.min(first.bottom, last.bottom) - Math.max(2, Math.round(o.maxThick / 2));
  const limit = Math.max(0, c.closed ? Math.max(first.top, last.top) : from - 2 * c.pitch);
  let best: [number, number] = [from, from],
    runBottom = -1;
  for (let y = from; y >= limit; y--) {
    let ink = 0;
    for (let x = first.x1 + 1; x < last.x0 && ink < 3; x++) if (page[y * W + x]! <= o.dark) ink++;
    if (ink >= 3 && y > limit) {
      if (runBottom < 0) runBottom = y;
      continue;
    }
    if (runBottom >= 0 && runBottom - y > best[1] - best[0]) best = [y + 1, runBottom + 1];
    runBottom = -1;
  }
  return best;
}

/** The comb's box edges, left to right: its strokes' middles, and one between two strokes a double step apart (an edge the scan broke). */
function edgesOf(c: Comb): number[] {
  const out: number[] = [];
  c.strokes.forEach((s, i) => {
    const prev = out[out.length - 1];
    if (i && mid(s) - prev! > 1.5 * c.pitch) out.push((prev! + mid(s)) / 2);
    out.push(mid(s));
  });
  return out;
}

/**
 * The comb's characters set side by side at a print's letter spacing, from where its first character
 * is (a blank box between them: a word space). Boxes a pitch apart leave gaps wider than a letter is
 * tall, and tesseract reads letters that far apart one by one, without the word they spell
 * ("SoM MALL" for "ANIMAL"). Each box's ink moves as one piece along the row, so the letters keep
 * their shapes and their line. A comb whose ink does not sit a piece a box (something wider than a
 * box: a signature through it) is left as it is.
 */
function packComb(page: Uint8Array, W: number, o: CombShape, unit: Comb[], paper: number): PackedRow | null {
  const all: Comb = {
    strokes: unit.flatMap((c) => c.strokes),
    pitch: unit[0]!.pitch,
    closed: unit.every((c) => c.closed),
  };
  const [top, bottom] = bandOf(page, W, o, all);
  const h = bottom - top;
  if (h < 2) return null;
  const from = all.strokes[0]!.x0,
    to = all.strokes[all.strokes.length - 1]!.x1;
  const boxes = boxesOf(unit);
  // each box's ink, inside its edges (what an edge left is no part of a letter): its columns' extent
  // and how many dark pixels
  const x0 = new Int32Array(boxes.length).fill(-1),
    x1 = new Int32Array(boxes.length).fill(-1),
    ink = new Int32Array(boxes.length);
  boxes.forEach((b, k) => {
    for (let x = Math.ceil(b.from) + o.halo + 1; x <= Math.floor(b.to) - o.halo - 1; x++) {
      let n = 0;
      for (let y = top; y < bottom; y++) if (page[y * W + x]! <= o.dark) n++;
      // (a lone dark pixel down a column is grain)
      if (n < 2) continue;
      if (x0[k]! < 0) x0[k] = x;
      x1[k] = x;
      ink[k]! += n;
    }
  });
  const minInk = Math.max(4, Math.round(h / 4));
  const filled: number[] = [];
  for (let k = 0; k < boxes.length; k++) if (ink[k]! >= minInk) filled.push(k);
  if (filled.length < 2 || filled.some((k) => x1[k]! - x0[k]! > all.pitch)) return null;
  const span = to - from + 1;
  const band = new Uint8Array((bottom - top) * span);
  for (let y = top; y < bottom; y++) {
    band.set(page.subarray(y * W + from, y * W + to + 1), (y - top) * span);
    page.fill(paper, y * W + from, y * W + to + 1);
  }
  const letterGap = Math.max(2, Math.round(0.2 * h)),
    wordGap = Math.max(6, Math.round(0.6 * h));
  let at = x0[filled[0]!]!;
  const moves: PackedRow['moves'] = [];
  filled.forEach((k, i) => {
    const prev = filled[i - 1]!;
    // two blank boxes or more, or an empty gap between two combs: another value, where it was printed
    if (i && (k - prev > 2 || boxes.slice(prev + 1, k).some((b) => b.between))) at = Math.max(at + wordGap, x0[k]!);
    else if (i) at += k - prev > 1 ? wordGap : letterGap;
    const w = x1[k]! - x0[k]! + 1;
    for (let y = top; y < bottom; y++) {
      const row = (y - top) * span + x0[k]! - from;
      page.set(band.subarray(row, row + w), y * W + at);
    }
    moves.push({ packed: [at, at + w - 1], box: [boxes[k]!.from, boxes[k]!.to] });
    at += w;
  });
  const lead = leadMark(page, W, o, top, bottom, from, all.pitch);
  if (!lead) return { top, bottom, from, to, moves };
  moves.unshift(packLead(page, W, lead, moves[0]!.packed[0] - letterGap, paper));
  return { top, bottom, from: Math.min(from, lead.x0), to, moves };
}

/** A mark's columns and rows (PackedRow's moves are columns only: its rows stay). */
interface Mark {
  x0: number;
  x1: number;
  y0: number;
  y1: number;
}

/**
 * The mark a form prints just before a comb (the "(" of an area code's boxes): ink in the
 * characters' rows within a box's width left of the first edge, no wider than half a box, with paper
 * for half a box before it (the end of a printed word, "Phone:", has its letters there). It is
 * set beside the comb's first character as the form's ")" and "-" between combs are: a gap a box
 * wide after "(" reads as "( 385)", or as "(1385)" where tesseract takes the gap for a letter. Its
 * rows reach a little past the characters' (a bracket is taller than a digit). Null when none.
 */
function leadMark(
  page: Uint8Array,
  W: number,
  o: CombShape,
  top: number,
  bottom: number,
  edge: number,
  pitch: number,
): Mark | null {
  const reach = Math.round((bottom - top) / 4);
  const y0 = Math.max(0, top - reach),
    y1 = Math.min(page.length / W, bottom + reach);
  const dark = (x: number) => {
    let n = 0;
    for (let y = y0; y < y1 && n < 2; y++) if (page[y * W + x]! <= o.dark) n++;
    return n >= 2;
  };
  let x1 = -1;
  for (let x = edge - o.halo - 1; x >= Math.max(0, edge - pitch) && x1 < 0; x--) if (dark(x)) x1 = x;
  if (x1 < 0) return null;
  let x0 = x1;
  while (x0 > 0 && dark(x0 - 1)) x0--;
  if (x1 - x0 + 1 > pitch / 2) return null;
  for (let x = x0 - 1; x >= Math.max(0, x0 - pitch / 2); x--) if (dark(x)) return null;
  // all of it: a bracket's ends reach further above and below the digits than the rows looked at
  const inkRow = (y: number) => page.subarray(y * W + x0, y * W + x1 + 1).some((v) => v <= o.dark);
  let from = y0,
    end = y1;
  while (from > 0 && from > top - 2 * reach && inkRow(from - 1)) from--;
  while (end < page.length / W && end < bottom + 2 * reach && inkRow(end)) end++;
  // (with its blurred gray edge: left where it was printed, tesseract reads it as a "1")
  return { x0: Math.max(0, x0 - o.halo), x1: Math.min(edge - 1, x1 + o.halo), y0: from, y1: end };
}

/** The lead mark moved right to end at `end` (never left of where it is); its move, as packComb's. */
function packLead(page: Uint8Array, W: number, m: Mark, end: number, paper: number): PackedRow['moves'][number] {
  const w = m.x1 - m.x0 + 1;
  const at = Math.max(m.x0, end - w);
  for (let y = m.y0; y < m.y1; y++) {
    const ink = page.slice(y * W + m.x0, y * W + m.x1 + 1);
    page.fill(paper, y * W + m.x0, y * W + m.x1 + 1);
    page.set(ink, y * W + at);
  }
  return { packed: [at, at + w - 1], box: [m.x0, m.x1] };
}

/** The boxes of a row of combs, left to right, and between two combs the gap the form prints a "/" or "-" in. */
function boxesOf(unit: Comb[]): { from: number; to: number; between: boolean }[] {
  const out: { from: number; to: number; between: boolean }[] = [];
  let last: number | null = null;
  for (const c of unit) {
    const edges = edgesOf(c);
    if (last !== null) out.push({ from: last, to: edges[0]!, between: true });
    for (let k = 1; k < edges.length; k++) out.push({ from: edges[k - 1]!, to: edges[k]!, between: false });
    last = edges[edges.length - 1]!;
  }
  return out;
}

/**
 * Combs read as one value: on one rule row, at one pitch, less than a box apart with ink between
 * them (the form's "/" of a date, the "-" of a phone number), each one's boxes after the last's.
 */
function unitsOf(g: Gray, o: CombShape, combs: Comb[]): Comb[][] {
  const foot = (c: Comb) => c.strokes[0]!.bottom;
  const sorted = [...combs].sort((a, b) => a.strokes[0]!.x0 - b.strokes[0]!.x0);
  const taken = new Set<Comb>();
  const out: Comb[][] = [];
  for (const c of sorted) {
    if (taken.has(c)) continue;
    const unit = [c];
    taken.add(c);
    for (;;) {
      const a = unit[unit.length - 1]!;
      const end = a.strokes[a.strokes.length - 1]!;
      const b = sorted.find((d) => {
        if (taken.has(d) || Math.abs(foot(d) - end.bottom) > o.maxThick || Math.abs(d.pitch - a.pitch) > a.pitch / 6)
          return false;
        const gap = d.strokes[0]!.x0 - end.x1;
        return gap > 0 && gap < 1.2 * a.pitch && inkBetween(g, o, end, d.strokes[0]!, a.pitch);
      });
      if (!b) break;
      unit.push(b);
      taken.add(b);
    }
    out.push(unit);
  }
  return out;
}

/**
 * Ink between two strokes, in the rows a comb's characters stand in (the joiner a form prints between
 * combs; a "-" stands higher than an open comb's ticks reach).
 */
function inkBetween(g: Gray, o: CombShape, a: Stroke, b: Stroke, pitch: number): boolean {
  const rule = Math.min(a.bottom, b.bottom) - o.maxThick;
  const top = Math.max(0, Math.round(Math.min(a.top, b.top, rule - 1.5 * pitch)));
  let n = 0;
  for (let y = top; y < rule; y++)
    for (let x = a.x1 + o.halo + 1; x < b.x0 - o.halo; x++) if (g.data[y * g.width + x]! <= o.dark) n++;
  return n >= 4;
}
