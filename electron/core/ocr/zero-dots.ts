import { type Gray, histogram, otsuOfHistogram, PAPER4, paperQuads } from './preprocess.js';

/*
 * Dotted zeros made plain before recognition. Line printers, terminals and the monospace fonts records
 * are printed in (Liberation Mono, DejaVu Sans Mono …) draw 0 with a dot in its middle so it is not an
 * O; tesseract's model learned mostly plain zeros and reads the dotted one as 8 ("4248451" for "4240451",
 * "920-555-8131" for "920-555-0131"), often sure of it. A dot that stands alone in the one hole of a
 * digit-sized ring is that dot: it is made paper, and the ring reads as the 0 it is. A speck of grain
 * inside an O or a D goes the same way, to no harm; an 8 (its waist is ink), a slashed zero (the slash
 * touches the ring) and a dot outside a ring stay as they are.
 *
 * Cost: every other row is scanned (four paper pixels a load) for a short run of ink with paper then ink
 * on all four sides of it; only such a run is looked at closely, by filling the blobs round it in a
 * small window. Most of a page is paper, and most runs of ink fail at once.
 */

/** Sizes at the page's resolution, pixels. */
interface ZeroShape {
  /** a zero's dot is at most this wide and high */
  maxDot: number;
  /** the ring is within this distance of the dot's edge, on each side */
  reach: number;
  /** half the window a candidate's blobs are filled in (a ring reaching its edge is no digit's) */
  half: number;
}

/** Ink at (x, y) (inside the page). */
const ink = (g: Gray, dark: number, x: number, y: number) => g.data[y * g.width + x]! <= dark;

/** The paper inkBeyond last crossed, in steps. */
let gap = 0;

/**
 * Walks from pixel `i` by `step` (±1 along a row, ±width down a column) over ink for at most `over`
 * steps, then paper, to ink within `reach`, never past `n` steps (the page's edge): how many steps of
 * ink it crossed first (the paper after them in `gap`), or -1 when it met no ink beyond the paper.
 */
function inkBeyond(data: Uint8Array, dark: number, i: number, step: number, n: number, over: number, reach: number) {
  let k = 1;
  for (; ; k++) {
    if (k > n) return -1;
    if (data[i + step * k]! > dark) break;
    if (k > over) return -1;
  }
  const crossed = k - 1;
  for (const end = Math.min(n, k + reach); k <= end; k++)
    if (data[i + step * k]! <= dark) {
      gap = k - crossed - 1;
      return crossed;
    }
  return -1;
}

/** A blob filled inside a window: its box. */
interface Filled {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** Scratch for fill(): a label a window pixel and the stack, kept between candidates. */
let labels = new Int32Array(0);
let stack = new Int32Array(0);
let stamp = 0;

/**
 * The 8-connected blob of ink through (sx, sy), labelled `stamp` inside the window [wx0, wx1] × [wy0, wy1];
 * null when it reaches the window's edge or grows `most` pixels wide or high.
 */
function fill(
  g: Gray,
  dark: number,
  sx: number,
  sy: number,
  win: [number, number, number, number],
  most = Number.POSITIVE_INFINITY,
): Filled | null {
  const [wx0, wy0, wx1, wy1] = win;
  const ww = wx1 - wx0 + 1;
  const box = { x0: sx, y0: sy, x1: sx, y1: sy };
  let top = 0;
  stack[top++] = (sy - wy0) * ww + (sx - wx0);
  labels[(sy - wy0) * ww + (sx - wx0)] = stamp;
  while (top) {
    const p = stack[--top]!;
    const x = wx0 + (p % ww),
      y = wy0 + ((p / ww) | 0);
    if (x === wx0 || x === wx1 || y === wy0 || y === wy1) return null;
    if (x < box.x0) box.x0 = x;
    if (x > box.x1) box.x1 = x;
    if (y < box.y0) box.y0 = y;
    if (y > box.y1) box.y1 = y;
    if (box.x1 - box.x0 >= most || box.y1 - box.y0 >= most) return null;
    for (let dy = -1; dy <= 1; dy++)
      for (let dx = -1; dx <= 1; dx++) {
        const q = p + dy * ww + dx;
        if (labels[q] === stamp || !ink(g, dark, x + dx, y + dy)) continue;
        labels[q] = stamp;
        stack[top++] = q;
      }
  }
  return box;
}

/**
 * The dot of a zero through (x, y): its box when it is a lone small blob with one digit-sized ring
 * round it (the first ink on each of its four sides is the ring's), the dot near the ring's middle.
 */
function zeroDotAt(g: Gray, dark: number, x: number, y: number, o: ZeroShape): Filled | null {
  const win: [number, number, number, number] = [
    Math.max(0, x - o.half),
    Math.max(0, y - o.half),
    Math.min(g.width - 1, x + o.half),
    Math.min(g.height - 1, y + o.half),
  ];
  const ww = win[2] - win[0] + 1,
    wh = win[3] - win[1] + 1;
  if (labels.length < ww * wh) {
    labels = new Int32Array(ww * wh);
    stack = new Int32Array(ww * wh);
    stamp = 0;
  }
  // labels left by the last window are other stamps: no clearing
  stamp++;
  const dot = fill(g, dark, x, y, win, o.maxDot);
  if (!dot) return null;
  const dotStamp = stamp;
  const cx = (dot.x0 + dot.x1) >> 1,
    cy = (dot.y0 + dot.y1) >> 1;
  // the first ink past the dot on each side
  const hit = (dx: number, dy: number): [number, number] | null => {
    let X = dx < 0 ? dot.x0 : dx > 0 ? dot.x1 : cx,
      Y = dy < 0 ? dot.y0 : dy > 0 ? dot.y1 : cy;
    for (let k = 0; k <= o.reach; k++) {
      X += dx;
      Y += dy;
      if (X <= win[0] || Y <= win[1] || X >= win[2] || Y >= win[3]) return null;
      if (ink(g, dark, X, Y) && labels[(Y - win[1]) * ww + (X - win[0])] !== dotStamp) return [X, Y];
    }
    return null;
  };
  const sides = [hit(-1, 0), hit(1, 0), hit(0, -1), hit(0, 1)];
  if (sides.some((s) => !s)) return null;
  stamp++;
  const ring = fill(g, dark, sides[0]![0], sides[0]![1], win);
  if (!ring) return null;
  for (const [X, Y] of sides as [number, number][]) if (labels[(Y - win[1]) * ww + (X - win[0])] !== stamp) return null;
  const dh = dot.y1 - dot.y0 + 1,
    rw = ring.x1 - ring.x0 + 1,
    rh = ring.y1 - ring.y0 + 1;
  // a digit's ring: taller than wide, a few dots high, the dot near its middle
  if (rh < 2.5 * dh || rh > 9 * dh || rw > rh || rw < 0.35 * rh) return null;
  const centred =
    Math.abs(cx - (ring.x0 + ring.x1) / 2) <= rw * 0.2 && Math.abs(cy - (ring.y0 + ring.y1) / 2) <= rh * 0.15;
  return centred ? dot : null;
}

/** Two gaps about equal: a dot in the middle of a hole has as much paper on either side. */
const even = (a: number, b: number) => Math.abs(a - b) <= Math.max(3, 0.6 * Math.max(a, b));

/**
 * The page with the dots of its dotted zeros made paper; `erased` counts them. A page without any
 * comes back as the same object (no copy).
 */
export function plainZeros(g: Gray, dpi: number): { gray: Gray; erased: number } {
  const hist = histogram(g.data);
  const dark = Math.min(otsuOfHistogram(Float64Array.from(hist)), 160);
  const o: ZeroShape = {
    maxDot: Math.max(3, Math.ceil(dpi * 0.03)),
    reach: Math.max(4, Math.round(dpi * 0.06)),
    half: Math.max(12, Math.round(dpi * 0.12)),
  };
  const { width: W, height: H, data } = g;
  const words = paperQuads(data, dark);
  const dots: Filled[] = [];
  // a dot is at least three rows high at 300 dpi (two at 200), and so is met on every third (other) row
  const step = Math.max(1, Math.floor(dpi / 100));
  for (let y = 1; y < H - 1; y += step) {
    const row = y * W;
    for (let x = 0; x < W; x++) {
      const i = row + x;
      if (words && (i & 3) === 0 && x + 4 <= W && (words[i >> 2]! & PAPER4) === PAPER4) {
        x += 3;
        continue;
      }
      if (data[i]! > dark) continue;
      const s = x;
      while (x < W && data[row + x]! <= dark) x++;
      if (x - s > o.maxDot) continue;
      const cx = (s + x - 1) >> 1;
      // paper, then ink, on all four sides: a dot in a hole, or so it seems from this row
      // (the run's own ends are paper on both sides already)
      if (inkBeyond(data, dark, row + x - 1, 1, W - x, 0, o.reach) < 0) continue;
      const right = gap;
      if (inkBeyond(data, dark, row + s, -1, s, 0, o.reach) < 0 || !even(gap, right)) continue;
      const up = inkBeyond(data, dark, row + cx, -W, y, o.maxDot, o.reach);
      if (up < 0) continue;
      const above = gap;
      const down = inkBeyond(data, dark, row + cx, W, H - 1 - y, o.maxDot - up, o.reach);
      // about as high as wide (a stroke's run is longer one way than the other), in the middle of its hole
      if (down < 0 || !even(gap, above) || up + down + 1 > 2 * (x - s) + 1 || x - s > 2 * (up + down + 1)) continue;
      if (dots.some((d) => cx >= d.x0 && cx <= d.x1 && y >= d.y0 && y <= d.y1)) continue;
      const dot = zeroDotAt(g, dark, cx, y, o);
      if (dot) dots.push(dot);
    }
  }
  if (!dots.length) return { gray: g, erased: 0 };
  const out = new Uint8Array(data);
  let paper = 255;
  for (let v = dark + 1; v < 256; v++) if (hist[v]! > hist[paper]!) paper = v;
  // the dot and its blurred edge: the ring is a pixel or more away (else they would be one blob)
  for (const d of dots)
    for (let y = Math.max(0, d.y0 - 1); y <= Math.min(H - 1, d.y1 + 1); y++)
      for (let x = Math.max(0, d.x0 - 1); x <= Math.min(W - 1, d.x1 + 1); x++) out[y * W + x] = paper;
  return { gray: { width: W, height: H, data: out }, erased: dots.length };
}
