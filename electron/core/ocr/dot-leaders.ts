import { type Gray, histogram, otsuOfHistogram, PAPER4, paperQuads } from './preprocess.js';

/*
 * Dot leaders ("ACCOUNT NO ........ 12345") made paper before recognition. Tesseract reads a row of
 * periods as letters and glues them to the label and the value beside it ("NO hl a" for "ACCOUNT
 * NO", "SUIDELE" for "Sunbelt"); without them label and value are words of their own.
 * A leader is five or more small blobs of one size on one baseline at a regular pitch, with text
 * sitting on that baseline at one end of the row. A decimal point, a sentence's period, an ellipsis
 * (three dots), the dots of "ii" (a stem under each) and a dotted rule with no text at its ends stay.
 */

/** A connected dark blob: its bounding box and pixel count. */
interface Blob {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  n: number;
}

/** Size limits at `dpi`, pixels. */
interface DotShape {
  /** a dot is at most this wide and high (a 14-pt period is ~6 px at 300 dpi) */
  maxDot: number;
  /** centres of neighbouring dots are at most this far apart */
  maxPitch: number;
  /** text at a leader's end starts within this distance of its last dot */
  reach: number;
}

const MIN_DOTS = 5;

/** Growable run table: row, start, end (exclusive) and union-find parent of each run, in typed arrays. */
class Runs {
  n = 0;
  row = new Int32Array(1 << 14);
  start = new Int32Array(1 << 14);
  end = new Int32Array(1 << 14);
  parent = new Int32Array(1 << 14);
  add(y: number, s: number, e: number): number {
    if (this.n === this.row.length) {
      const grow = (a: Int32Array) => {
        const b = new Int32Array(a.length * 2);
        b.set(a);
        return b;
      };
      this.row = grow(this.row);
      this.start = grow(this.start);
      this.end = grow(this.end);
      this.parent = grow(this.parent);
    }
    const id = this.n++;
    this.row[id] = y;
    this.start[id] = s;
    this.end[id] = e;
    this.parent[id] = id;
    return id;
  }
  find(a: number): number {
    const parent = this.parent;
    let r = a;
    while (parent[r] !== r) r = parent[r]!;
    while (parent[a] !== r) {
      const n = parent[a]!;
      parent[a] = r;
      a = n;
    }
    return r;
  }
}

/**
 * The page's blobs by run-length union-find: one pass over the pixels, then only runs are joined
 * (8-connected), so a page costs one read of its pixels and a little per run of ink.
 */
function blobsOf(g: Gray, dark: number): Blob[] {
  const { width: W, height: H, data } = g;
  const runs = pageRuns;
  runs.n = 0;
  let prevFirst = 0,
    prevEnd = 0; // the row above's runs are ids [prevFirst, prevEnd)
  // four pixels a load where all four are clearly paper (192 and up: two top bits set), which is most
  // of a page: ~2× faster than a compare a pixel
  const words = paperQuads(data, dark);
  for (let y = 0; y < H; y++) {
    const row = y * W,
      first = runs.n;
    let p = prevFirst; // first run of the row above that may still touch
    for (let x = 0; x < W; x++) {
      const i = row + x;
      if (words && (i & 3) === 0 && x + 4 <= W && (words[i >> 2]! & PAPER4) === PAPER4) {
        x += 3;
        continue;
      }
      if (data[i]! > dark) continue;
      const s = x;
      while (x < W && data[row + x]! <= dark) x++;
      const id = runs.add(y, s, x);
      // a run above touches when it reaches column s - 1 and starts by column x (this run's end + 1)
      while (p < prevEnd && runs.end[p]! < s) p++;
      for (let q = p; q < prevEnd && runs.start[q]! <= x; q++) {
        const a = runs.find(q),
          b = runs.find(id);
        if (a !== b) runs.parent[Math.max(a, b)] = Math.min(a, b);
      }
    }
    prevFirst = first;
    prevEnd = runs.n;
  }
  const blobOf = new Int32Array(runs.n).fill(-1);
  const blobs: Blob[] = [];
  for (let i = 0; i < runs.n; i++) {
    const r = runs.find(i);
    const y = runs.row[i]!,
      s = runs.start[i]!,
      e = runs.end[i]! - 1;
    // a root is its blob's first run (unions keep the smaller id), so it is met before the others
    if (blobOf[r]! < 0) {
      blobOf[r] = blobs.length;
      blobs.push({ x0: s, y0: y, x1: e, y1: y, n: e - s + 1 });
      continue;
    }
    const b = blobs[blobOf[r]!]!;
    if (s < b.x0) b.x0 = s;
    if (e > b.x1) b.x1 = e;
    b.y1 = y;
    b.n += e - s + 1;
  }
  return blobs;
}

/**
 * The run table, kept from page to page (blobsOf runs to the end before it returns): a 300-dpi page
 * of print has ~40,000 runs, and a new table doubled its way there, ~1.5 MB of arrays a page for the
 * OCR worker's garbage collector.
 */
const pageRuns = new Runs();

const isDot = (b: Blob, o: DotShape) => {
  const w = b.x1 - b.x0 + 1,
    h = b.y1 - b.y0 + 1;
  return w <= o.maxDot && h <= o.maxDot && w <= 2 * h && h <= 2 * w && b.n >= 3;
};

/** Dark pixels in the box (clipped to the page). */
function inkIn(g: Gray, dark: number, x0: number, y0: number, x1: number, y1: number): boolean {
  const X0 = Math.max(0, x0),
    X1 = Math.min(g.width - 1, x1),
    Y0 = Math.max(0, y0),
    Y1 = Math.min(g.height - 1, y1);
  for (let y = Y0; y <= Y1; y++) for (let x = X0; x <= X1; x++) if (g.data[y * g.width + x]! <= dark) return true;
  return false;
}

/** A dot with ink just above or below it is part of a letter (i, j, a colon, a semicolon). */
function standsAlone(g: Gray, dark: number, d: Blob): boolean {
  const h = d.y1 - d.y0 + 1;
  return !inkIn(g, dark, d.x0, d.y1 + 1, d.x1, d.y1 + 2 * h) && !inkIn(g, dark, d.x0, d.y0 - 2 * h, d.x1, d.y0 - 1);
}

/**
 * The dots from `first` to the right, each the nearest one on the baseline within maxPitch of the last,
 * or, once the chain has set its pitch, within two and a half of its pitches: in a light face a leader's
 * dots are small and faint, and one the scan lost must not cut the leader in two (the part after it,
 * with no text at its end, stayed and was read as letters glued to the value).
 */
function chainFrom(first: number, dots: Blob[], used: Uint8Array, o: DotShape): number[] {
  const chain = [first];
  // the least step so far: the chain's pitch (a lost dot makes a step of two)
  let pitch = 0;
  for (let i = first; ; ) {
    const d = dots[i]!;
    const h = d.y1 - d.y0 + 1;
    let next = -1;
    const reach = Math.max(o.maxPitch, 2.5 * pitch);
    for (let j = i + 1; j < dots.length && dots[j]!.x0 - d.x0 <= reach; j++) {
      const e = dots[j]!;
      if (used[j] || e.x0 <= d.x1 || Math.abs(e.y1 - d.y1) > Math.max(2, h / 2)) continue;
      if (Math.abs(e.y1 - e.y0 + 1 - h) > Math.max(2, h / 2)) continue;
      next = j; // sorted by x: the first on the baseline is the nearest
      break;
    }
    if (next < 0) return chain;
    const step = dots[next]!.x0 - d.x0;
    pitch = pitch ? Math.min(pitch, step) : step;
    chain.push(next);
    i = next;
  }
}

/**
 * Leader dots are set at one pitch: three in four gaps are one or two pitches (a dot lost to the
 * scan), give or take a pixel and a half; a speckle on the baseline spoils no more than two gaps.
 */
function evenlySpaced(chain: Blob[]): boolean {
  const gaps = chain.slice(1).map((d, k) => d.x0 - chain[k]!.x0);
  const m = [...gaps].sort((a, b) => a - b)[gaps.length >> 1]!;
  const even = gaps.filter((g) => {
    const k = Math.round(g / m);
    return (k === 1 || k === 2) && Math.abs(g - k * m) <= Math.max(1.5, 0.3 * m);
  }).length;
  return even >= 0.75 * gaps.length;
}

/** Text on the leader's baseline within reach of an end: a letter stands on the baseline there, taller than a dot. */
function textAtEnd(chain: Blob[], letters: Blob[], o: DotShape): boolean {
  const first = chain[0]!,
    last = chain[chain.length - 1]!;
  const h = first.y1 - first.y0 + 1;
  // each end's own baseline: a page skewed under deskew's threshold drifts along a long leader
  const stands = (b: Blob, base: number) => b.y1 - b.y0 + 1 >= 2.5 * h && b.y0 < base - 2 * h && b.y1 >= base - h;
  return letters.some(
    (b) =>
      (b.x1 < first.x0 && b.x1 >= first.x0 - o.reach && stands(b, first.y1)) ||
      (b.x0 > last.x1 && b.x0 <= last.x1 + o.reach && stands(b, last.y1)),
  );
}

/** The page's paper gray: the most common level lighter than the dark threshold. */
function paperOf(hist: Uint32Array, dark: number): number {
  let paper = 255;
  for (let v = dark + 1; v < 256; v++) if (hist[v]! > hist[paper]!) paper = v;
  return paper;
}

/**
 * The page with its dot leaders made paper; `erased` counts the dots. A page without leaders comes
 * back as the same object (no copy).
 */
export function eraseDotLeaders(g: Gray, dpi: number): { gray: Gray; erased: number } {
  const hist = histogram(g.data);
  const dark = Math.min(otsuOfHistogram(Float64Array.from(hist)), 160);
  const o: DotShape = {
    maxDot: Math.max(3, Math.round(dpi * 0.022)),
    maxPitch: Math.max(6, Math.round(dpi * 0.07)),
    reach: Math.max(8, Math.round(dpi * 0.15)),
  };
  const blobs = blobsOf(g, dark);
  const dots = blobs.filter((b) => isDot(b, o) && standsAlone(g, dark, b)).sort((a, b) => a.x0 - b.x0);
  const letters = blobs.filter((b) => !isDot(b, o));
  const used = new Uint8Array(dots.length);
  const leaders: Blob[][] = [];
  for (let i = 0; i < dots.length; i++) {
    if (used[i]) continue;
    const chain = chainFrom(i, dots, used, o);
    if (chain.length < MIN_DOTS) continue;
    const leader = chain.map((k) => dots[k]!);
    if (!evenlySpaced(leader) || !textAtEnd(leader, letters, o)) continue;
    for (const k of chain) used[k] = 1;
    leaders.push(leader);
  }
  if (!leaders.length) return { gray: g, erased: 0 };
  const out = new Uint8Array(g.data);
  const paper = paperOf(hist, dark);
  // the leaders' dots, and the specks on their lines that did not pass for dots (two run together, a
  // speck of grain above one), so no stray dot is left for tesseract to read as a letter
  const onLeader = blobs.filter(
    (b) => b.y1 - b.y0 < o.maxDot && b.x1 - b.x0 < 3 * o.maxDot && leaders.some((l) => onLine(b, l)),
  );
  for (const b of onLeader) paperDot(g, out, b, dark, paper);
  return { gray: { width: g.width, height: g.height, data: out }, erased: onLeader.length };
}

/** The blob lies on the leader's line: between its ends and on its baseline (drawn end to end). */
function onLine(b: Blob, l: Blob[]): boolean {
  const first = l[0]!,
    last = l[l.length - 1]!;
  if (b.x0 < first.x0 || b.x1 > last.x1) return false;
  const base = first.y1 + ((last.y1 - first.y1) * (b.x0 - first.x0)) / Math.max(1, last.x0 - first.x0);
  return Math.abs(b.y1 - base) <= 2 && b.y0 >= Math.min(first.y0, last.y0) - 2;
}

/** The dot and its blurred edge (two pixels round it that are not another blob's ink) made paper. */
function paperDot(g: Gray, out: Uint8Array, d: Blob, dark: number, paper: number): void {
  const W = g.width;
  for (let y = Math.max(0, d.y0 - 2); y <= Math.min(g.height - 1, d.y1 + 2); y++)
    for (let x = Math.max(0, d.x0 - 2); x <= Math.min(W - 1, d.x1 + 2); x++) {
      const inside = x >= d.x0 && x <= d.x1 && y >= d.y0 && y <= d.y1;
      if (inside || g.data[y * W + x]! > dark) out[y * W + x] = Math.max(out[y * W + x]!, paper);
    }
}
