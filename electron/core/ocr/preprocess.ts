import type { Canvas } from '@napi-rs/canvas';

/** 8-bit grayscale page, row-major, 0 = black. */
export interface Gray {
  width: number;
  height: number;
  data: Uint8Array;
}

/** Four pixels all clearly paper: 192 and up, the two top bits of each byte set. */
export const PAPER4 = 0xc0c0c0c0 | 0;

/**
 * A page's pixels four a 32-bit load, for skipping paper four at a time (most of a page: ~2× faster
 * than a compare a pixel); null when the buffer is not 4-aligned or ink may be as light as paper
 * (`dark` 192 and up).
 */
export function paperQuads(data: Uint8Array, dark: number): Uint32Array | null {
  return dark < 192 ? pixelQuads(data) : null;
}

/** A page's pixels four a 32-bit load (a caller's own paper mask tests four at once); null when not 4-aligned. */
export function pixelQuads(data: Uint8Array): Uint32Array | null {
  return data.byteOffset % 4 === 0 ? new Uint32Array(data.buffer, data.byteOffset, data.length >> 2) : null;
}

/**
 * The canvas' pixels in gray, written into `reuse` when it has the page's size (the engine hands
 * back the last page's: a new 8.4 MB array a 300-dpi page set off a collection of the OCR worker's
 * heap about every other page).
 */
export function toGray(canvas: Canvas, width: number, height: number, reuse?: Uint8Array): Gray {
  // The canvas' own pixel buffer, not getImageData: no un-premultiplying pass and no 33 MB
  // ImageData per 300-dpi page (~20 ms instead of ~100 ms).
  const rgba = canvas.data();
  const data = reuse?.length === width * height ? reuse : new Uint8Array(width * height);
  if (lastHistogram?.data === data) lastHistogram = null;
  // Rec. 601 luma in integer arithmetic, of the page as if drawn over white paper: the pixels are
  // premultiplied, so white shows through a pixel of alpha a as 255 - a in each channel, and the
  // weights sum to 256, so it adds 255 - a to the luma exactly. An opaque pixel is its luma; the
  // callers draw onto a cleared canvas instead of filling it white first (Skia's white fill of a
  // 300-dpi page ~15 ms, its clear ~5). One 32-bit load a pixel where the buffer allows it (RGBA
  // in memory is R in the low byte on every little-endian machine Node runs on): ~3× faster than
  // four byte loads.
  if (rgba.byteOffset % 4 === 0 && rgba.length >= data.length * 4) {
    const px = new Uint32Array(rgba.buffer, rgba.byteOffset, data.length);
    for (let i = 0; i < data.length; i++) {
      const v = px[i]!;
      data[i] = (((v & 255) * 77 + ((v >>> 8) & 255) * 150 + ((v >>> 16) & 255) * 29) >> 8) + 255 - (v >>> 24);
    }
  } else
    for (let i = 0, j = 0; i < data.length; i++, j += 4)
      data[i] = ((rgba[j]! * 77 + rgba[j + 1]! * 150 + rgba[j + 2]! * 29) >> 8) + 255 - rgba[j + 3]!;
  return { width, height, data };
}

/** The w × h rectangle of `g` whose top left is (x, y) (inside the page). */
export function cropGray(g: Gray, x: number, y: number, w: number, h: number): Gray {
  const X = Math.round(x),
    Y = Math.round(y),
    W = Math.round(w),
    H = Math.round(h);
  const data = new Uint8Array(W * H);
  for (let r = 0; r < H; r++) data.set(g.data.subarray((Y + r) * g.width + X, (Y + r) * g.width + X + W), r * W);
  return { width: W, height: H, data };
}

/** Bilinear resize to W × H (smooth enough strokes for tesseract; sampled at pixel centres). */
export function resizeGray(g: Gray, W: number, H: number): Gray {
  const out = new Uint8Array(W * H);
  const fx = g.width / W,
    fy = g.height / H;
  for (let y = 0; y < H; y++) {
    const sy = Math.min(g.height - 1, Math.max(0, (y + 0.5) * fy - 0.5));
    const y0 = Math.floor(sy),
      y1 = Math.min(g.height - 1, y0 + 1),
      wy = sy - y0;
    for (let x = 0; x < W; x++) {
      const sx = Math.min(g.width - 1, Math.max(0, (x + 0.5) * fx - 0.5));
      const x0 = Math.floor(sx),
        x1 = Math.min(g.width - 1, x0 + 1),
        wx = sx - x0;
      const a = g.data[y0 * g.width + x0]!,
        b = g.data[y0 * g.width + x1]!,
        c = g.data[y1 * g.width + x0]!,
        d = g.data[y1 * g.width + x1]!;
      out[y * W + x] = (a * (1 - wx) + b * wx) * (1 - wy) + (c * (1 - wx) + d * wx) * wy;
    }
  }
  return { width: W, height: H, data: out };
}

/** TIFF tags of toTiff's one-strip 8-bit grayscale page: [tag, type (3 SHORT, 4 LONG), value]. */
const TIFF_TAGS = (g: Gray, dataAt: number, bytes: number): [number, 3 | 4, number][] => [
  [256, 4, g.width], // ImageWidth
  [257, 4, g.height], // ImageLength
  [258, 3, 8], // BitsPerSample
  [259, 3, 32773], // Compression: PackBits
  [262, 3, 1], // PhotometricInterpretation: BlackIsZero
  [273, 4, dataAt], // StripOffsets
  [277, 3, 1], // SamplesPerPixel
  [278, 4, g.height], // RowsPerStrip: the whole page in one strip
  [279, 4, bytes], // StripByteCounts
];

/** toTiff's working buffer, kept: a page's worst case is 8.5 MB, allocated once a thread, not once a page. */
let scratch = new Uint8Array(0);

/**
 * The page as a grayscale TIFF, the form tesseract.js takes it in fastest: Leptonica reads the strip
 * in one piece, where it reads binary PGM (what the engine sent before) a byte at a time: ~0.2 →
 * ~0.08 s CPU a 300-dpi page, the same words and boxes. PackBits-compressed, row by row: a page is
 * mostly runs of paper, so the 8.4 MB of a 300-dpi page become ~0.5 MB, and each copy on its way into
 * tesseract's WASM heap (tesseract.js' Uint8Array, postMessage, its file system) and the garbage
 * collections those copies set off in its thread shrink with it. No resolution tags (the engine
 * gives tesseract the dpi itself) and no orientation tag (tesseract.js would turn the page by it).
 */
export function toTiff(g: Gray): Uint8Array {
  const entries = TIFF_TAGS(g, 0, 0).length;
  const dataAt = (8 + 2 + entries * 12 + 4 + 3) & ~3;
  // worst case: a literal header for every 128 bytes of a row; only what the page took is copied out
  const most = dataAt + g.height * (g.width + Math.ceil(g.width / 128));
  if (scratch.length < most) scratch = new Uint8Array(most);
  const end = packBits(g, scratch, dataAt);
  const out = scratch.slice(0, end);
  out.fill(0, 0, dataAt);
  const dv = new DataView(out.buffer);
  out[0] = out[1] = 0x49; // "II": little-endian
  dv.setUint16(2, 42, true);
  dv.setUint32(4, 8, true); // the one IFD follows the header
  dv.setUint16(8, entries, true);
  for (const [k, [tag, type, value]] of TIFF_TAGS(g, dataAt, end - dataAt).entries()) {
    const o = 10 + k * 12;
    dv.setUint16(o, tag, true);
    dv.setUint16(o + 2, type, true);
    dv.setUint32(o + 4, 1, true);
    if (type === 3) dv.setUint16(o + 8, value, true);
    else dv.setUint32(o + 8, value, true);
  }
  // the next-IFD offset after the entries stays 0: one page
  return out;
}

/**
 * `g`'s rows PackBits-encoded into `out` from `at` (TIFF's compression 32773: a header byte n, then
 * n + 1 bytes as they are, or 1 − n repeats of the next byte; rows never share a packet); returns
 * where the data ends. Runs of three or more equal bytes are packed, shorter ones stay literal.
 */
function packBits(g: Gray, out: Uint8Array, at: number): number {
  const { width: W, height: H, data } = g;
  let o = at;
  for (let y = 0; y < H; y++) {
    const rowEnd = (y + 1) * W;
    let i = y * W;
    while (i < rowEnd) {
      const v = data[i]!;
      let r = i + 1;
      const cap = Math.min(rowEnd, i + 128);
      while (r < cap && data[r] === v) r++;
      if (r - i >= 3) {
        out[o++] = 257 - (r - i); // 1 − n as a byte
        out[o++] = v;
        i = r;
        continue;
      }
      // a literal: up to the next run of three, at most 128 bytes
      let j = i + 1;
      const litCap = Math.min(rowEnd, i + 128);
      while (j < litCap && !(j + 2 < rowEnd && data[j] === data[j + 1] && data[j] === data[j + 2])) j++;
      out[o++] = j - i - 1;
      out.set(data.subarray(i, j), o);
      o += j - i;
      i = j;
    }
  }
  return o;
}

export function otsuThreshold(data: Uint8Array): number {
  return otsuOfHistogram(Float64Array.from(histogram(data)));
}

/**
 * How many pixels have each gray level. Four pixels a 32-bit load, each byte counted in its own
 * table: consecutive increments of one table entry (a page is mostly paper of one level) wait on
 * each other, four tables do not (~2× faster over a 300-dpi page's 8 million pixels).
 */
export function histogram(data: Uint8Array): Uint32Array {
  if (lastHistogram?.data === data) return lastHistogram.counts;
  const t = new Uint32Array(1024);
  const head = Math.min(data.length, (4 - (data.byteOffset & 3)) & 3);
  for (let i = 0; i < head; i++) t[data[i]!]!++;
  const words = (data.length - head) >> 2;
  const px = words > 0 ? new Uint32Array(data.buffer, data.byteOffset + head, words) : new Uint32Array(0);
  for (let i = 0; i < words; i++) {
    const v = px[i]!;
    t[v & 255]!++;
    t[256 + ((v >>> 8) & 255)]!++;
    t[512 + ((v >>> 16) & 255)]!++;
    t[768 + (v >>> 24)]!++;
  }
  for (let i = head + words * 4; i < data.length; i++) t[data[i]!]!++;
  const counts = new Uint32Array(256);
  for (let v = 0; v < 256; v++) counts[v] = t[v]! + t[256 + v]! + t[512 + v]! + t[768 + v]!;
  lastHistogram = { data, counts };
  return counts;
}

/**
 * The last page histogram() counted, kept for the next call on the same pixels: dot leaders and
 * unread ink both split the same page at its Otsu level (~6 ms a 300-dpi page). Pixels are never
 * changed in place once counted (each step that changes a page writes a new array), except by
 * toGray filling a reused array, which forgets the counts first. Callers only read the counts.
 */
let lastHistogram: { data: Uint8Array; counts: Uint32Array } | null = null;

/** Otsu's split of a gray-level histogram: levels at most this are the dark side. */
export function otsuOfHistogram(hist: Float64Array): number {
  let total = 0,
    sum = 0;
  for (let i = 0; i < 256; i++) {
    total += hist[i]!;
    sum += i * hist[i]!;
  }
  let sumB = 0,
    wB = 0,
    best = 0,
    threshold = 127;
  for (let t = 0; t < 256; t++) {
    wB += hist[t]!;
    if (wB === 0) continue;
    const wF = total - wB;
    if (wF === 0) break;
    sumB += t * hist[t]!;
    const mB = sumB / wB,
      mF = (sum - sumB) / wF;
    const between = wB * wF * (mB - mF) ** 2;
    if (between > best) {
      best = between;
      threshold = t;
    }
  }
  return threshold;
}

export function binarizeOtsu(g: Gray): Gray {
  const t = otsuThreshold(g.data);
  const data = new Uint8Array(g.data.length);
  for (let i = 0; i < data.length; i++) data[i] = g.data[i]! <= t ? 0 : 255;
  return { ...g, data };
}

/**
 * Skew of the text lines in degrees (positive: lines fall to the right), ±5° at most, by
 * maximising the sharpness of the horizontal projection profile of dark pixels on a downsampled copy.
 */
/** The page's ink and paper grays: the lower quartile of the dark side of its Otsu split (stroke cores, not their blurred edges), and the light side's mode. */
function inkAndPaper(src: Uint8Array): { ink: number; paper: number } {
  // counted in integers: a float increment is a load, convert, add and store (~2× slower here)
  const counts = new Uint32Array(256);
  for (let i = 0; i < src.length; i += 3) counts[src[i]!]!++;
  const hist = Float64Array.from(counts);
  const t = otsuOfHistogram(hist);
  let paper = 255,
    most = -1;
  for (let v = t + 1; v < 256; v++)
    if (hist[v]! > most) {
      most = hist[v]!;
      paper = v;
    }
  let below = 0;
  for (let v = 0; v <= t; v++) below += hist[v]!;
  let ink = paper;
  for (let v = 0, seen = 0; v <= t && below > 0; v++) {
    seen += hist[v]!;
    if (seen >= below / 4) {
      ink = v;
      break;
    }
  }
  return { ink, paper };
}

/**
 * Light-gray table rules and cell shading made paper. Once JPEG and noise have speckled them,
 * tesseract's own threshold turns them into dotted lines through the rows, and it then drops or
 * garbles whole table rows (the same page read without them gets every row). Dark rules stay:
 * tesseract sees those as lines, and a box helps it find a lone value. Only pixels lighter than the
 * page's ink, on a long run (a third of an inch) of such pixels along a row or a column, change;
 * text keeps its strokes (a row through text breaks into short runs).
 * Returns how many pixels were made paper; a page with nothing to erase comes back as the same
 * object (no 8 MB copy).
 */
export function eraseFaintRules(g: Gray, dpi: number): { gray: Gray; erased: number } {
  const { ink, paper } = inkAndPaper(g.data);
  // a page without clear ink and paper (a photo, a blank page) is left alone
  if (paper - ink < 60) return { gray: g, erased: 0 };
  const shape: FaintShape = {
    faint: Math.round(ink + 0.85 * (paper - ink)),
    floor: Math.round(ink + 0.4 * (paper - ink)),
    minRun: Math.max(8, Math.round(dpi * 0.35)),
    thick: Math.max(3, Math.round(dpi * 0.025)),
  };
  const page = { src: g.data, out: null as Uint8Array | null };
  const erased = paperFaintRows(page, g.width, shape) + paperFaintColumns(page, g.width, shape);
  return page.out ? { gray: { width: g.width, height: g.height, data: page.out }, erased } : { gray: g, erased: 0 };
}

interface FaintShape {
  /** a pixel at most this gray is "on" (ink or a faint rule) */
  faint: number;
  /** on pixels darker than this are ink: they stay, and a run with many of them is not a rule */
  floor: number;
  minRun: number;
  /** a rule is thin: `thick` pixels to either side of most of it are paper */
  thick: number;
}

/** The page's pixels, and the copy that gets the erasures, made on the first one. */
interface FaintPage {
  src: Uint8Array;
  out: Uint8Array | null;
}

/**
 * A maximal run of on pixels (n = `len` of them, `step` apart from `first`), at least minRun long,
 * mostly lighter than `floor` (at most a fifth darker) and thin (paper `across` indices to either
 * side of seven tenths of it, out of the page counting as paper: a row through text has strokes
 * there), has its pixels lighter than `floor` made white. Returns how many changed.
 */
function paperRun(page: FaintPage, first: number, len: number, step: number, across: number, o: FaintShape): number {
  const src = page.src,
    N = src.length,
    faint = o.faint,
    floor = o.floor;
  let dark = 0,
    thin = 0;
  for (let k = 0, i = first; k < len; k++, i += step) {
    if (src[i]! < floor) dark++;
    const a = i - across,
      b = i + across;
    if ((a < 0 || src[a]! > faint) && (b >= N || src[b]! > faint)) thin++;
  }
  if (dark > len * 0.2 || thin < len * 0.7) return 0;
  const out = (page.out ??= new Uint8Array(src));
  let erased = 0;
  for (let k = 0, i = first; k < len; k++, i += step)
    if (src[i]! >= floor && out[i] !== 255) {
      out[i] = 255;
      erased++;
    }
  return erased;
}

/**
 * Runs along the rows. A run at least minRun long covers a multiple of minRun, so only the pixels
 * at those columns are tested, and from an on one the run is followed both ways (a run found
 * from two of them is looked at once). ~12× fewer pixels read than walking every row: a page
 * without faint rules costs a few milliseconds here instead of ~60 (300 dpi, CPU).
 */
function paperFaintRows(page: FaintPage, W: number, o: FaintShape): number {
  const src = page.src,
    H = src.length / W,
    faint = o.faint,
    minRun = o.minRun,
    across = o.thick * W;
  let erased = 0;
  for (let y = 0; y < H; y++) {
    const row = y * W;
    let done = 0; // columns before this one belong to a run already looked at
    for (let x = 0; x < W; x += minRun) {
      if (x < done || src[row + x]! > faint) continue;
      let a = x,
        b = x + 1;
      while (a > 0 && src[row + a - 1]! <= faint) a--;
      while (b < W && src[row + b]! <= faint) b++;
      done = b;
      if (b - a >= minRun) erased += paperRun(page, row + a, b - a, 1, across, o);
    }
  }
  return erased;
}

/**
 * Runs down the columns, found the same way from the rows at multiples of minRun; the side test
 * looks `thick` pixels left and right in memory order, as along the rows it looks `thick` rows up
 * and down.
 */
function paperFaintColumns(page: FaintPage, W: number, o: FaintShape): number {
  const src = page.src,
    H = src.length / W,
    faint = o.faint,
    minRun = o.minRun,
    thick = o.thick;
  const done = new Int32Array(W); // per column: rows before this belong to a run already looked at
  let erased = 0;
  for (let y = 0; y < H; y += minRun) {
    const row = y * W;
    for (let x = 0; x < W; x++) {
      if (y < done[x]! || src[row + x]! > faint) continue;
      let a = y,
        b = y + 1;
      while (a > 0 && src[(a - 1) * W + x]! <= faint) a--;
      while (b < H && src[b * W + x]! <= faint) b++;
      done[x] = b;
      if (b - a >= minRun) erased += paperRun(page, a * W + x, b - a, W, thick, o);
    }
  }
  return erased;
}

export function estimateSkew(g: Gray, maxDeg = 5): number {
  const f = Math.max(1, Math.round(g.width / 700));
  const w = Math.floor(g.width / f),
    h = Math.floor(g.height / f);
  const small = new Uint8Array(w * h);
  // min over each f×f block keeps thin strokes visible after downsampling; taken down the rows
  // first (sequential reads), then across the block's columns.
  const colMin = new Uint8Array(w * f),
    src = g.data,
    W = g.width,
    span = colMin.length;
  for (let y = 0; y < h; y++) {
    colMin.set(src.subarray(y * f * W, y * f * W + span));
    for (let yy = 1; yy < f; yy++) {
      const row = (y * f + yy) * W;
      for (let x = 0; x < span; x++) {
        const v = src[row + x]!;
        if (v < colMin[x]!) colMin[x] = v;
      }
    }
    for (let x = 0; x < w; x++) {
      let m = 255;
      for (let xx = x * f; xx < x * f + f; xx++) if (colMin[xx]! < m) m = colMin[xx]!;
      small[y * w + x] = m;
    }
  }
  const t = otsuThreshold(small);
  let n = 0;
  for (let i = 0; i < small.length; i++) if (small[i]! <= t) n++;
  // A blank page or a page that is mostly black (photo) has no lines to align.
  if (n < 200 || n > w * h * 0.5) return 0;
  // 20k dark points sharpen the profile as well as 60k did (same angles on the quality bench pages).
  const stride = Math.max(1, Math.floor(n / 20_000));
  const xs = new Float32Array(Math.ceil(n / stride)),
    ys = new Float32Array(xs.length);
  let m = 0;
  for (let i = 0, k = 0; i < small.length; i++) {
    if (small[i]! > t) continue;
    if (k++ % stride === 0 && m < xs.length) {
      xs[m] = (i % w) - w / 2;
      ys[m] = Math.floor(i / w);
      m++;
    }
  }
  const bins = new Int32Array(h + 2 * Math.ceil(w * Math.tan((maxDeg * Math.PI) / 180)) + 4);
  const offset = (bins.length - h) / 2;
  // each point's row with the offset and the rounding's half added once, not at every angle
  const rows = new Float64Array(m);
  for (let i = 0; i < m; i++) rows[i] = ys[i]! + offset + 0.5;
  const score = (deg: number) => {
    bins.fill(0);
    const tan = Math.tan((deg * Math.PI) / 180);
    for (let i = 0; i < m; i++) {
      // Math.round as floor(v + 0.5), truncated: rows under 0 are never counted
      const v = rows[i]! - xs[i]! * tan;
      if (v >= 0 && v < bins.length) bins[v | 0]!++;
    }
    let s = 0;
    for (let i = 0; i < bins.length; i++) s += bins[i]! * bins[i]!;
    return s;
  };
  // Coarse to fine: 0.5° steps, then 0.1° around the best, then 0.05°. The peak of a text page's
  // profile is about a degree wide at this size, so the coarse pass cannot step over it.
  let best = 0,
    bestScore = score(0);
  for (let d = -maxDeg; d <= maxDeg + 1e-9; d += 0.5) {
    const s = score(d);
    if (s > bestScore * 1.0001) {
      best = d;
      bestScore = s;
    }
  }
  for (const [step, span] of [
    [0.1, 0.4],
    [0.05, 0.05],
  ] as const) {
    const centre = best;
    for (let d = centre - span; d <= centre + span + 1e-9; d += step) {
      const s = score(d);
      if (s > bestScore) {
        best = d;
        bestScore = s;
      }
    }
  }
  return Math.round(best * 100) / 100;
}

/** Dark pixels with the length of the dark run through each, down (vertical) and across (horizontal). */
interface DarkRuns {
  W: number;
  H: number;
  dark: Uint8Array;
  /** position within the vertical dark run so far (from its top) */
  up: Uint16Array;
  /** the vertical run's full length: a horizontal rule's thickness */
  vrun: Uint16Array;
  /** position within the horizontal dark run so far (from its left end) */
  left: Uint16Array;
  /** the horizontal run's full length: a vertical rule's thickness */
  hrun: Uint16Array;
}

function darkRuns(src: Uint8Array, W: number, H: number, threshold: number): DarkRuns {
  const N = W * H;
  const dark = new Uint8Array(N);
  for (let i = 0; i < N; i++) dark[i] = src[i]! <= threshold ? 1 : 0;
  const up = new Uint16Array(N),
    vrun = new Uint16Array(N),
    left = new Uint16Array(N),
    hrun = new Uint16Array(N);
  for (let y = 0; y < H; y++) {
    const row = y * W;
    for (let x = 0; x < W; x++) {
      const i = row + x;
      if (!dark[i]) continue;
      up[i] = y > 0 ? Math.min(65535, up[i - W]! + 1) : 1;
      left[i] = x > 0 ? Math.min(65535, left[i - 1]! + 1) : 1;
    }
  }
  for (let y = H - 1; y >= 0; y--) {
    const row = y * W;
    for (let x = W - 1; x >= 0; x--) {
      const i = row + x;
      if (!dark[i]) continue;
      vrun[i] = y < H - 1 && dark[i + W] ? vrun[i + W]! : up[i]!;
      hrun[i] = x < W - 1 && dark[i + 1] ? hrun[i + 1]! : left[i]!;
    }
  }
  return { W, H, dark, up, vrun, left, hrun };
}

/**
 * The rule's own thickness is the most common one along it; a thicker spot is a letter stroke
 * lying on the rule (the bottom of a 0 on an underline) and stays. Returns the thickness limit.
 */
function ruleThickness(
  hist: Uint32Array,
  maxThick: number,
  across: Uint16Array,
  from: number,
  to: number,
  step: number,
): number {
  hist.fill(0);
  for (let p = from; p <= to; p += step) {
    const v = across[p]!;
    if (v > 0 && v <= maxThick) hist[v]!++;
  }
  let mode = 1;
  for (let v = 2; v <= maxThick; v++) if (hist[v]! > hist[mode]!) mode = v;
  return mode + 1;
}

/** What a rule is at `dpi`: a run of ink at least `minRun` long, at most `maxThick` thick, holes up to `gap` bridged. */
export interface RuleShape {
  minRun: number;
  maxThick: number;
  gap: number;
}

/** A rule's size at `dpi` (a third of an inch long, a fortieth thick by default). */
export function ruleShape(dpi: number, opts: { minRunIn?: number; maxThickIn?: number } = {}): RuleShape {
  return {
    minRun: Math.max(8, Math.round(dpi * (opts.minRunIn ?? 0.35))),
    maxThick: Math.max(2, Math.round(dpi * (opts.maxThickIn ?? 0.025))),
    gap: Math.max(1, Math.round(dpi / 150)), // JPEG and noise punch small holes in a rule
  };
}

/** Ink is the dark side of the page's Otsu split, capped so a gray cell fill never counts as ink. */
export function inkThreshold(data: Uint8Array): number {
  return Math.min(otsuThreshold(data), 150);
}

/** Horizontal rules: long runs of thin pixels along a row, small gaps bridged; marks bit 1 in erase. */
function markHorizontalRules(r: DarkRuns, shape: RuleShape, erase: Uint8Array): void {
  const { W, H, dark, vrun } = r;
  const { minRun, maxThick, gap } = shape;
  const hist = new Uint32Array(maxThick + 1);
  const thinV = (i: number) => dark[i] === 1 && vrun[i]! <= maxThick; // part of a horizontal rule
  for (let y = 0; y < H; y++) {
    const row = y * W;
    let start = -1,
      last = -2;
    for (let x = 0; x <= W; x++) {
      const on = x < W && thinV(row + x);
      if (on && x - last - 1 <= gap) {
        last = x;
        continue;
      }
      if (start >= 0 && last - start + 1 >= minRun) {
        const limit = ruleThickness(hist, maxThick, vrun, row + start, row + last, 1);
        for (let k = start; k <= last; k++) if (thinV(row + k) && vrun[row + k]! <= limit) erase[row + k] = 1;
      }
      if (on) {
        start = x;
        last = x;
      }
    }
  }
}

/** Vertical rules: the same down each column, walked row by row with per-column state; marks bit 2. */
function markVerticalRules(r: DarkRuns, shape: RuleShape, erase: Uint8Array): void {
  const { W, H, dark, hrun } = r;
  const { minRun, maxThick, gap } = shape;
  const hist = new Uint32Array(maxThick + 1);
  const thinH = (i: number) => dark[i] === 1 && hrun[i]! <= maxThick; // part of a vertical rule
  const start = new Int32Array(W).fill(-1),
    last = new Int32Array(W).fill(-2);
  for (let y = 0; y <= H; y++) {
    const row = y * W;
    for (let x = 0; x < W; x++) {
      const on = y < H && thinH(row + x);
      if (on && y - last[x]! - 1 <= gap) {
        last[x] = y;
        continue;
      }
      if (start[x]! >= 0 && last[x]! - start[x]! + 1 >= minRun) {
        const limit = ruleThickness(hist, maxThick, hrun, start[x]! * W + x, last[x]! * W + x, W);
        for (let k = start[x]!; k <= last[x]!; k++)
          if (thinH(k * W + x) && hrun[k * W + x]! <= limit) erase[k * W + x] = erase[k * W + x]! | 2;
      }
      if (on) {
        start[x] = y;
        last[x] = y;
      } else {
        start[x] = -1;
        last[x] = -2;
      }
    }
  }
}

/**
 * Each dark run across a horizontal rule (plus its halo) takes the lighter pixel just beyond it, once
 * per run wherever its first marked pixel is (a rule's faint edge rows break into short pieces that
 * are not marked themselves); halo pixels that are ink (a letter touching the rule) stay.
 * Returns the number of rule pixels erased.
 */
function fillHorizontalRules(r: DarkRuns, src: Uint8Array, out: Uint8Array, erase: Uint8Array, halo: number): number {
  const { W, H, dark, up, vrun } = r;
  let erased = 0;
  for (let y = 0; y < H; y++) {
    const row = y * W;
    for (let x = 0; x < W; x++) {
      const i = row + x;
      if (!(erase[i]! & 1)) continue;
      const top = y - up[i]! + 1,
        len = vrun[i]!;
      const a = Math.max(0, top - halo),
        b = Math.min(H - 1, top + len - 1 + halo);
      const fill = Math.max(a > 0 ? src[(a - 1) * W + x]! : 255, b < H - 1 ? src[(b + 1) * W + x]! : 255);
      for (let k = a; k <= b; k++) {
        const p = k * W + x;
        if (k >= top && k < top + len) erase[p] = erase[p]! & ~1;
        else if (dark[p]) continue;
        if (out[p]! < fill) out[p] = fill;
      }
      erased += len;
    }
  }
  return erased;
}

/**
 * Vertical rules after horizontal ones, reading neighbours from `out`, so where two rules cross the
 * fill is the cell's background, not the other rule's ink. Returns the number of rule pixels erased.
 */
function fillVerticalRules(r: DarkRuns, out: Uint8Array, erase: Uint8Array, halo: number): number {
  const { W, H, dark, left, hrun } = r;
  let erased = 0;
  for (let y = 0; y < H; y++) {
    const row = y * W;
    for (let x = 0; x < W; x++) {
      const i = row + x;
      if (!(erase[i]! & 2)) continue;
      const first = x - left[i]! + 1,
        len = hrun[i]!;
      const a = Math.max(0, first - halo),
        b = Math.min(W - 1, first + len - 1 + halo);
      const fill = Math.max(a > 0 ? out[row + a - 1]! : 255, b < W - 1 ? out[row + b + 1]! : 255);
      for (let k = a; k <= b; k++) {
        const p = row + k;
        if (k >= first && k < first + len) erase[p] = erase[p]! & ~2;
        else if (dark[p]) continue;
        if (out[p]! < fill) out[p] = fill;
      }
      erased += len;
    }
  }
  return erased;
}

/**
 * Lighten long thin horizontal and vertical rules (table grids, boxes, signature underlines).
 * Tesseract takes a ruled grid for line art and drops the words inside it, and reads an underline
 * under a typed value as part of the glyphs. A pixel is a rule pixel when it lies on a dark run at
 * least `minRunIn` inches long in one direction and no more than `maxThickIn` inches thick in the
 * other; a letter stroke crossing or touching a rule is thicker across it there, so it stays.
 * Erased pixels take the lighter of the two pixels just beyond the rule (white, or a cell's gray fill).
 * Row-major passes only: a 300-dpi letter page is 8.4 Mpx and column walks thrash the cache.
 */
export function removeRules(
  g: Gray,
  dpi: number,
  opts: { minRunIn?: number; maxThickIn?: number } = {},
): { gray: Gray; erased: number } {
  const W = g.width,
    H = g.height,
    src = g.data;
  const runs = darkRuns(src, W, H, inkThreshold(src));
  const shape = ruleShape(dpi, opts);
  const halo = Math.max(1, Math.round(dpi / 150)); // the blurred edge of a rule is gray, not dark
  const erase = new Uint8Array(W * H); // bit 1: horizontal rule, bit 2: vertical rule
  markHorizontalRules(runs, shape, erase);
  markVerticalRules(runs, shape, erase);
  const out = new Uint8Array(src);
  const erased = fillHorizontalRules(runs, src, out, erase, halo) + fillVerticalRules(runs, out, erase, halo);
  return { gray: { width: W, height: H, data: out }, erased };
}

/** Half size, each pixel the mean of a 2×2 block (a cheap copy to try things on). */
export function downscale2x(g: Gray): Gray {
  const W = g.width >> 1,
    H = g.height >> 1,
    src = g.data,
    SW = g.width;
  const out = new Uint8Array(W * H);
  for (let y = 0; y < H; y++) {
    const r0 = 2 * y * SW,
      r1 = r0 + SW;
    for (let x = 0; x < W; x++) {
      const i = 2 * x;
      out[y * W + x] = (src[r0 + i]! + src[r0 + i + 1]! + src[r1 + i]! + src[r1 + i + 1]! + 2) >> 2;
    }
  }
  return { width: W, height: H, data: out };
}

/**
 * The page turned `turn` degrees clockwise (exact: pixels move, none is resampled); `back` maps a
 * point on the turned page to the page as it was.
 */
export function turnGray(
  g: Gray,
  turn: 90 | 180 | 270,
): { gray: Gray; back: (x: number, y: number) => [number, number] } {
  const W = g.width,
    H = g.height,
    src = g.data;
  const out = new Uint8Array(W * H);
  if (turn === 180) {
    for (let i = 0, j = W * H - 1; i < W * H; i++, j--) out[j] = src[i]!;
    return { gray: { width: W, height: H, data: out }, back: (x, y) => [W - x, H - y] };
  }
  // sideways: the turned page is H wide and W high
  for (let y = 0; y < H; y++) {
    const row = y * W;
    if (turn === 90) for (let x = 0; x < W; x++) out[x * H + (H - 1 - y)] = src[row + x]!;
    else for (let x = 0; x < W; x++) out[(W - 1 - x) * H + y] = src[row + x]!;
  }
  return {
    gray: { width: H, height: W, data: out },
    back: turn === 90 ? (x, y) => [y, H - x] : (x, y) => [W - y, x],
  };
}

/**
 * Blocks (evenLighting's) far darker than the paper within two blocks of them, in a group that does
 * not reach the page's edge: a printed fill (a caption band, a dark table cell), not dimmer lighting,
 * which changes slowly. Their paper is taken from the lighter blocks round them, filled inwards, so
 * the fill is divided by the paper's brightness and stays as dark as printed, its white caption left
 * for reverse-video.ts; divided by its own grey it became paper and its caption a white smear, or, far
 * darker than paper, was wiped whole. A dark area running off the page's edge (a copier's border, an
 * open lid) keeps its own estimate and still becomes paper.
 */
function paperUnderFills(bg: Float32Array, bw: number, bh: number): void {
  const fill = new Uint8Array(bw * bh);
  for (let by = 0; by < bh; by++)
    for (let bx = 0; bx < bw; bx++) {
      let m = 0;
      for (let y = Math.max(0, by - 2); y <= Math.min(bh - 1, by + 2); y++)
        for (let x = Math.max(0, bx - 2); x <= Math.min(bw - 1, bx + 2); x++) m = Math.max(m, bg[y * bw + x]!);
      if (bg[by * bw + bx]! < m * 0.7) fill[by * bw + bx] = 1;
    }
  // a group reaching the page's edge is a border, not print
  const stack: number[] = [];
  for (let i = 0; i < fill.length; i++) {
    if (fill[i] !== 1) continue;
    const group: number[] = [];
    let edge = false;
    fill[i] = 2;
    stack.push(i);
    while (stack.length) {
      const k = stack.pop()!;
      group.push(k);
      const x = k % bw,
        y = (k - x) / bw;
      if (x === 0 || y === 0 || x === bw - 1 || y === bh - 1) edge = true;
      for (const n of [x > 0 ? k - 1 : -1, x < bw - 1 ? k + 1 : -1, y > 0 ? k - bw : -1, y < bh - 1 ? k + bw : -1])
        if (n >= 0 && fill[n] === 1) {
          fill[n] = 2;
          stack.push(n);
        }
    }
    for (const k of group) fill[k] = edge ? 0 : 3;
  }
  // inwards, a ring a pass: each block the mean of its neighbours already paper
  for (let changed = true; changed; ) {
    changed = false;
    const ring: [number, number][] = [];
    for (let k = 0; k < fill.length; k++) {
      if (fill[k] !== 3) continue;
      const x = k % bw,
        y = (k - x) / bw;
      let sum = 0,
        n = 0;
      for (let j = Math.max(0, y - 1); j <= Math.min(bh - 1, y + 1); j++)
        for (let i = Math.max(0, x - 1); i <= Math.min(bw - 1, x + 1); i++)
          if (fill[j * bw + i] === 0) {
            sum += bg[j * bw + i]!;
            n++;
          }
      if (n) ring.push([k, sum / n]);
    }
    for (const [k, v] of ring) {
      bg[k] = v;
      fill[k] = 0;
      changed = true;
    }
  }
}

/**
 * Uneven lighting and copier borders made even paper, when the page has them. The paper's brightness
 * is estimated in blocks of a third of an inch (the 90th percentile: text never covers nine tenths of
 * such a block) and interpolated between block centres; each pixel is divided by it, so a page lit
 * from one side, or copied with a dark corner, reads like an evenly lit one, and areas far darker than
 * any paper (a copier's dark border, a lid left open) become paper. A page whose paper is even (nearly
 * every scan) is returned as it is: `applied` says which.
 */
export function evenLighting(g: Gray, dpi: number): { gray: Gray; applied: boolean } {
  const W = g.width,
    H = g.height,
    src = g.data;
  const B = Math.max(16, Math.round(dpi / 3));
  const bw = Math.ceil(W / B),
    bh = Math.ceil(H / B);
  const bg = new Float32Array(bw * bh);
  const hist = new Uint32Array(256);
  for (let by = 0; by < bh; by++)
    for (let bx = 0; bx < bw; bx++) {
      hist.fill(0);
      let n = 0;
      for (let y = by * B; y < Math.min(H, by * B + B); y += 2)
        for (let x = bx * B; x < Math.min(W, bx * B + B); x += 2) {
          hist[src[y * W + x]!]!++;
          n++;
        }
      let v = 255;
      for (let seen = 0; v > 0; v--) {
        seen += hist[v]!;
        if (seen >= n * 0.1) break;
      }
      bg[by * bw + bx] = v;
    }
  paperUnderFills(bg, bw, bh);
  const sorted = Float32Array.from(bg).sort();
  const paper = sorted[Math.floor(sorted.length * 0.95)]!,
    dimmest = sorted[Math.floor(sorted.length * 0.05)]!;
  // even paper (spread under 40 gray levels: grain, JPEG, light cell shading): nothing to do
  if (paper - dimmest < 40 || paper < 60) return { gray: g, applied: false };
  const out = new Uint8Array(W * H);
  const dark = paper * 0.45; // no paper is this dark: a border or an open lid
  for (let y = 0; y < H; y++) {
    const fy = Math.min(bh - 1, Math.max(0, (y + 0.5) / B - 0.5));
    const y0 = Math.floor(fy),
      y1 = Math.min(bh - 1, y0 + 1),
      ty = fy - y0;
    for (let x = 0; x < W; x++) {
      const fx = Math.min(bw - 1, Math.max(0, (x + 0.5) / B - 0.5));
      const x0 = Math.floor(fx),
        x1 = Math.min(bw - 1, x0 + 1),
        tx = fx - x0;
      const b =
        (bg[y0 * bw + x0]! * (1 - tx) + bg[y0 * bw + x1]! * tx) * (1 - ty) +
        (bg[y1 * bw + x0]! * (1 - tx) + bg[y1 * bw + x1]! * tx) * ty;
      const i = y * W + x;
      out[i] = b < dark ? 255 : Math.min(255, Math.round((src[i]! * paper) / b));
    }
  }
  return { gray: { width: W, height: H, data: out }, applied: true };
}
