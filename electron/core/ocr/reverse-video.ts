import { type Gray, PAPER4, pixelQuads } from './preprocess.js';

/**
 * Reverse video: a caption printed in white on a dark filled band ("SERVICE ADDRESS" across a bill's
 * section, a caption cell of a summary table). Tesseract reads dark print on light paper; on such a
 * band it drops or garbles the letters ("R/C E ADDRESS"), and the value under it is left without a
 * caption. Each band is made paper and its light letters ink, the rest of the page untouched.
 *
 * What counts as a band: a solid dark rectangle, axis-aligned (after deskew), wider than an inch and a
 * caption line's height (not a rule, not a block of photo or a logo's mark), off the page's edge (a
 * copier's border runs along the edge), holding some light pixels (letters) but mostly dark.
 */

/** dark: a band's fill (a grey of 0.45 and darker, scanned); light: a letter's or the paper's */
const DARK = 150;
const LIGHT = 190;

interface Rect {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/**
 * A page's dark pixels counted in c × c cells (c a multiple of 4), every other row; cells of at least
 * half dark pixels are `solid`. Paper is skipped four pixels a 32-bit load (most of a page).
 */
function solidCells(g: Gray, c: number): { cols: number; rows: number; solid: Uint8Array } {
  const W = g.width;
  const cols = Math.floor(W / c),
    rows = Math.ceil(g.height / c);
  const count = new Uint32Array(cols * rows);
  const quads = W % 4 === 0 ? pixelQuads(g.data) : null;
  for (let y = 0; y < g.height; y += 2) {
    const row = Math.floor(y / c) * cols;
    const at = y * W;
    for (let cx = 0; cx < cols; cx++) {
      let n = 0;
      const x0 = at + cx * c;
      if (quads) {
        for (let q = x0 >> 2, end = (x0 + c) >> 2; q < end; q++) {
          const v = quads[q]!;
          if ((v & PAPER4) === PAPER4) continue;
          n += ((v & 255) < DARK ? 1 : 0) + (((v >>> 8) & 255) < DARK ? 1 : 0);
          n += (((v >>> 16) & 255) < DARK ? 1 : 0) + (v >>> 24 < DARK ? 1 : 0);
        }
      } else for (let i = x0; i < x0 + c; i++) if (g.data[i]! < DARK) n++;
      count[row + cx]! += n;
    }
  }
  const solid = new Uint8Array(cols * rows);
  // every other row counted: half the cell's pixels, half of those dark
  const half = (c * c) / 4;
  for (let i = 0; i < solid.length; i++) solid[i] = count[i]! >= half ? 1 : 0;
  return { cols, rows, solid };
}

/** The bounding boxes (in cells) of the 4-connected groups of solid cells, with their cell counts. */
function cellGroups(cols: number, rows: number, solid: Uint8Array): (Rect & { cells: number })[] {
  const seen = new Uint8Array(solid.length);
  const out: (Rect & { cells: number })[] = [];
  const stack: number[] = [];
  for (let i = 0; i < solid.length; i++) {
    if (!solid[i] || seen[i]) continue;
    const r = { x0: cols, y0: rows, x1: -1, y1: -1, cells: 0 };
    seen[i] = 1;
    stack.push(i);
    while (stack.length) {
      const k = stack.pop()!;
      const x = k % cols,
        y = (k - x) / cols;
      r.cells++;
      r.x0 = Math.min(r.x0, x);
      r.x1 = Math.max(r.x1, x);
      r.y0 = Math.min(r.y0, y);
      r.y1 = Math.max(r.y1, y);
      for (const n of [x > 0 ? k - 1 : -1, x < cols - 1 ? k + 1 : -1, y > 0 ? k - cols : -1, k + cols]) {
        if (n >= 0 && n < solid.length && solid[n] && !seen[n]) {
          seen[n] = 1;
          stack.push(n);
        }
      }
    }
    out.push(r);
  }
  return out;
}

/** Share of pixels darker than DARK in row y (x0..x1) or column x (y0..y1). */
function darkShareRow(g: Gray, y: number, x0: number, x1: number): number {
  let n = 0;
  for (let x = x0; x < x1; x++) if (g.data[y * g.width + x]! < DARK) n++;
  return n / Math.max(1, x1 - x0);
}
function darkShareCol(g: Gray, x: number, y0: number, y1: number): number {
  let n = 0;
  for (let y = y0; y < y1; y++) if (g.data[y * g.width + x]! < DARK) n++;
  return n / Math.max(1, y1 - y0);
}

/**
 * The bands inside a group's box (cells' edges, `c` apart), in pixels: runs of rows dark across most
 * of the box or at both its ends, in the band's own margin before its first letter and after its
 * last (a row of big letters is no lighter there), and runs dark at one end and across some of the
 * box: a column of caption cells under a band, or a band a watermark's stroke cut short. Two caption
 * cells a couple of points apart are one group of cells, two bands, and so are a band and the caption
 * cell right under it (a run of one kind ends where the other starts): each is trimmed to its own
 * columns mostly dark, so the tinted value cells beside a caption cell are left as they are.
 */
function bandsIn(g: Gray, box: Rect, c: number): Rect[] {
  const y0 = Math.max(0, box.y0 - c),
    y1 = Math.min(g.height, box.y1 + c);
  const left = box.x0 + (c >> 1),
    right = box.x1 - c;
  // 0 light, 1 a band's row, 2 a row dark at one end only
  const kind = new Uint8Array(y1 - y0);
  for (let y = y0; y < y1; y++) {
    const share = darkShareRow(g, y, box.x0, box.x1);
    const atLeft = darkShareRow(g, y, left, left + (c >> 1)) >= 0.6,
      atRight = darkShareRow(g, y, right, right + (c >> 1)) >= 0.6;
    kind[y - y0] =
      share >= 0.8 || (atLeft && atRight && share >= 0.3) ? 1 : (atLeft || atRight) && share >= 0.25 ? 2 : 0;
  }
  // a few rows of the other kind inside a run (a stroke crossing one end) are the run's
  const short = Math.max(2, c >> 1);
  for (let y = 0, prev = 0; y < kind.length; ) {
    let end = y;
    while (end < kind.length && kind[end] === kind[y]) end++;
    if (kind[y] && prev && prev !== kind[y] && end - y < short && end < kind.length && kind[end] === prev)
      kind.fill(prev, y, end);
    else prev = kind[y]!;
    y = end;
  }
  const out: Rect[] = [];
  for (let y = 0; y < kind.length; ) {
    let end = y;
    while (end < kind.length && kind[end] === kind[y]) end++;
    if (kind[y]) {
      const top = y0 + y,
        bottom = y0 + end;
      let x0 = Math.max(0, box.x0 - c),
        x1 = Math.min(g.width, box.x1 + c);
      while (x0 < x1 && darkShareCol(g, x0, top, bottom) < 0.6) x0++;
      while (x1 > x0 && darkShareCol(g, x1 - 1, top, bottom) < 0.6) x1--;
      // cells side by side (a caption cell and the value cell beside it, a stamp over that) are
      // parted by columns of paper: each its own band
      for (let x = x0, from = x0; x <= x1; x++)
        if (x === x1 || darkShareCol(g, x, top, bottom) < 0.3) {
          if (x - from >= c) out.push({ x0: from, y0: top, x1: x, y1: bottom });
          from = x + 1;
        }
    }
    y = end;
  }
  return out;
}

/** A band worth turning: its size a caption line's, and some but not most of its pixels light (letters). */
function holdsLetters(g: Gray, r: Rect, dpi: number): boolean {
  const w = r.x1 - r.x0,
    h = r.y1 - r.y0;
  if (w < dpi || h < dpi * 0.09 || h > dpi * 0.75) return false;
  let light = 0,
    fill = 0;
  for (let y = r.y0; y < r.y1; y++)
    for (let x = r.x0; x < r.x1; x++) {
      const v = g.data[y * g.width + x]!;
      if (v >= LIGHT) light++;
      else if (v < DARK) fill++;
    }
  const n = w * h;
  return light >= n * 0.01 && light <= n * 0.4 && fill >= n * 0.5;
}

/**
 * The page with every reverse-video band turned into dark print on paper, and how many bands were.
 * The band's fill becomes paper and its letters ink in proportion (the fill's grey to the paper's
 * white), and a rim of a few pixels round it paper, so no outline of the band is left for a rule.
 */
export function invertReverseVideo(page: Gray, dpi: number): { gray: Gray; inverted: number } {
  let g = page;
  const c = Math.max(4, Math.round(dpi / 80) * 4);
  const { cols, rows, solid } = solidCells(g, c);
  // a watermark's or a stamp's broad light stroke across a band is the band's (bridged); `g` is
  // read for the bands' shapes with those strokes dark (fill), and turned so (they become paper)
  const bridged = bridgeCells(cols, rows, solid, Math.max(3, Math.round((dpi * 0.3) / c)));
  if (bridged.length) g = { ...g, data: darkenBroadLight(g, bridged, cols, c, Math.round(dpi * 0.07)) };
  const edge = Math.round(dpi * 0.1);
  const bands: Rect[] = [];
  for (const grp of cellGroups(cols, rows, solid)) {
    const box = {
      x0: grp.x0 * c,
      y0: grp.y0 * c,
      x1: Math.min(g.width, (grp.x1 + 1) * c),
      y1: Math.min(g.height, (grp.y1 + 1) * c),
    };
    // wide enough for a caption, and off the page's edge (a copier's border)
    if (box.x1 - box.x0 < dpi || box.x0 < edge || box.y0 < edge || box.x1 > g.width - edge || box.y1 > g.height - edge)
      continue;
    // most of a group's cells lie in runs an inch long or more (a band, a column of caption cells
    // under it): a diagonal stroke or a photo's outline's do not
    if (inLongRuns(solid, cols, grp, Math.ceil(dpi / c)) < grp.cells * 0.6) continue;
    for (const r of bandsIn(g, box, c)) if (holdsLetters(g, r, dpi)) bands.push(r);
  }
  if (!bands.length) return { gray: page, inverted: 0 };
  const data = page.data.slice();
  for (const r of bands) turnBand(g, data, r, Math.max(1, Math.round(dpi / 100)));
  return { gray: { width: g.width, height: g.height, data }, inverted: bands.length };
}

/** How many solid cells inside the group's box lie in runs along a row of at least `len` cells. */
function inLongRuns(solid: Uint8Array, cols: number, box: Rect, len: number): number {
  let n = 0;
  for (let y = box.y0; y <= box.y1; y++)
    for (let x = box.x0; x <= box.x1; ) {
      let end = x;
      while (end <= box.x1 && solid[y * cols + end]) end++;
      if (end - x >= len) n += end - x;
      x = Math.max(end, x + 1);
    }
  return n;
}

/**
 * Cells not solid between solid runs of at least `run` cells on both sides (left and right, or above
 * and below), at most `gap` cells apart: a band crossed by a watermark's or a stamp's broad stroke
 * lighter than its fill, or a caption cell so crossed between the cells above and below it. They
 * are made solid (the band's group stays one box) and returned. Print makes no such runs: a bold
 * letter's stroke is a cell or two.
 */
function bridgeCells(cols: number, rows: number, solid: Uint8Array, gap: number): number[] {
  const out: number[] = [];
  // the gaps of at most `gap` cells along a line of `n` cells (cell i at first + i * step) between
  // solid runs of `run` cells or more; `keep` may refuse one
  const bridgeLine = (first: number, step: number, n: number, run: number, keep: (a: number, b: number) => boolean) => {
    let before = 0;
    for (let i = 0; i < n; ) {
      if (solid[first + i * step]) {
        before++;
        i++;
        continue;
      }
      let end = i;
      while (end < n && !solid[first + end * step]) end++;
      let after = 0;
      while (end + after < n && after < run && solid[first + (end + after) * step]) after++;
      if (before >= run && after >= run && end - i <= gap && keep(i, end - 1))
        for (let j = i; j < end; j++) out.push(first + j * step);
      before = 0;
      i = end;
    }
  };
  // a gap whose cells are paper in the rows above and below too is the space between two bands
  // side by side, not a stroke crossing one aslant
  for (let y = 0; y < rows; y++)
    bridgeLine(y * cols, 1, cols, 4, (a, b) => {
      for (const r of [y - 1, y + 1])
        if (r >= 0 && r < rows) for (let i = a; i <= b; i++) if (solid[r * cols + i]) return true;
      return false;
    });
  // and one whose cells are paper in the columns left and right too is the space between two bands stacked
  for (let x = 0; x < cols; x++)
    bridgeLine(x, cols, rows, 3, (a, b) => {
      for (const col of [x - 1, x + 1])
        if (col >= 0 && col < cols) for (let j = a; j <= b; j++) if (solid[j * cols + col]) return true;
      return false;
    });
  for (const k of out) solid[k] = 1;
  return out;
}

/**
 * The page's pixels with the light ones in `cells` that are broad (a light run of at least `t`
 * pixels both across and down: a watermark's stroke, not a letter's) made dark. A copy.
 */
function darkenBroadLight(g: Gray, cells: number[], cols: number, c: number, t: number): Uint8Array {
  const W = g.width,
    src = g.data,
    out = src.slice();
  const light = (i: number) => src[i]! >= DARK;
  for (const k of cells) {
    const cx = (k % cols) * c,
      cy = Math.floor(k / cols) * c;
    for (let y = cy; y < Math.min(g.height, cy + c); y++)
      for (let x = cx; x < Math.min(W, cx + c); x++) {
        const i = y * W + x;
        if (!light(i)) continue;
        let a = x,
          b = x;
        while (a > 0 && x - a < t && light(i - (x - a) - 1)) a--;
        while (b < W - 1 && b - x < t && light(i + (b - x) + 1)) b++;
        if (b - a + 1 < t) continue;
        let u = y,
          d = y;
        while (u > 0 && y - u < t && light(i - (y - u + 1) * W)) u--;
        while (d < g.height - 1 && d - y < t && light(i + (d - y + 1) * W)) d++;
        if (d - u + 1 >= t) out[i] = 0;
      }
  }
  return out;
}

/**
 * One band turned, in `data`: the fill paper and the letters ink in proportion (the fill's grey to
 * the paper's white). A page deskewed to within a few tenths of a degree still leaves a long band's
 * edges a few pixels off level, so each column's band is from its own first dark pixel to its last
 * (letters stand inside the fill's margin); a rim of `rim` pixels round it is made paper, so no
 * outline of the band is left for a rule, and the paper beyond it is never turned into ink.
 */
function turnBand(g: Gray, data: Uint8Array, r: Rect, rim: number): void {
  const W = g.width;
  const hist = new Uint32Array(256);
  for (let y = r.y0; y < r.y1; y += 2) for (let x = r.x0; x < r.x1; x += 2) hist[g.data[y * W + x]!]!++;
  // the fill's grey: the median of the band's dark pixels
  let seen = 0,
    fill = 0;
  for (let v = 0; v < DARK; v++) seen += hist[v]!;
  for (let v = 0, k = 0; v < DARK; v++)
    if ((k += hist[v]!) >= seen / 2) {
      fill = v;
      break;
    }
  // a grey lighter than the fill but well short of the letters' white (a watermark or a stamp laid
  // over the band) stays paper: only the letters turn to ink
  const from = fill + Math.round((240 - fill) * 0.4);
  const span = Math.max(1, 240 - from);
  const slack = Math.max(2, Math.round((r.y1 - r.y0) / 4));
  const lo = Math.max(0, r.y0 - slack),
    hi = Math.min(g.height, r.y1 + slack);
  for (let x = Math.max(0, r.x0 - rim); x < Math.min(W, r.x1 + rim); x++) {
    // from the band's found edge outwards while dark, or inwards to the first dark pixel: never
    // across paper to a neighbouring band or line of print
    const dark = (y: number) => g.data[y * W + x]! < DARK;
    let top = r.y0,
      bottom = r.y1 - 1;
    if (dark(top)) while (top > lo && dark(top - 1)) top--;
    else while (top < r.y0 + slack && !dark(top)) top++;
    if (dark(bottom)) while (bottom < hi - 1 && dark(bottom + 1)) bottom++;
    else while (bottom > r.y1 - 1 - slack && !dark(bottom)) bottom--;
    // a column mostly light is no band's (print on a tinted cell beside a caption cell): left as it is
    let n = 0;
    for (let y = top; y <= bottom; y++) if (dark(y)) n++;
    if (n < (bottom - top + 1) * 0.3) continue;
    const edgeX = x < r.x0 + rim || x >= r.x1 - rim;
    for (let y = Math.max(lo, top - rim); y <= Math.min(hi - 1, bottom + rim); y++) {
      const i = y * W + x;
      const inside = !edgeX && y >= top + rim && y <= bottom - rim;
      data[i] = inside ? Math.max(0, Math.min(255, 255 - ((g.data[i]! - from) * 255) / span)) : 255;
    }
  }
}
