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
 * of the box, or dark at both its ends, in the band's own margin before its first letter and after
 * its last (a row of big letters is no lighter there). Two caption cells a couple of points apart
 * are one group of cells, two bands; a table's column of dark caption cells under a band is dark at
 * one end only and across half the box, and stays as it is. Each band is trimmed to the columns mostly dark.
 */
function bandsIn(g: Gray, box: Rect, c: number): Rect[] {
  const out: Rect[] = [];
  const y0 = Math.max(0, box.y0 - c),
    y1 = Math.min(g.height, box.y1 + c);
  const left = box.x0 + (c >> 1),
    right = box.x1 - c;
  let top = -1;
  for (let y = y0; y <= y1; y++) {
    const share = y < y1 ? darkShareRow(g, y, box.x0, box.x1) : 0;
    const ends =
      y < y1 && darkShareRow(g, y, left, left + (c >> 1)) >= 0.6 && darkShareRow(g, y, right, right + (c >> 1)) >= 0.6;
    // dark at both ends, or dark across most of the box (a band a watermark's stroke cut short)
    const dark = y < y1 && (share >= 0.6 || (ends && share >= 0.3));
    if (dark && top < 0) top = y;
    if (!dark && top >= 0) {
      let x0 = Math.max(0, box.x0 - c),
        x1 = Math.min(g.width, box.x1 + c);
      while (x0 < x1 && darkShareCol(g, x0, top, y) < 0.6) x0++;
      while (x1 > x0 && darkShareCol(g, x1 - 1, top, y) < 0.6) x1--;
      out.push({ x0, y0: top, x1, y1: y });
      top = -1;
    }
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
export function invertReverseVideo(g: Gray, dpi: number): { gray: Gray; inverted: number } {
  const c = Math.max(4, Math.round(dpi / 80) * 4);
  const { cols, rows, solid } = solidCells(g, c);
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
    // a band's cells are most of its box: a diagonal stroke or a photo's outline is not
    if (grp.cells < (grp.x1 - grp.x0 + 1) * (grp.y1 - grp.y0 + 1) * 0.6) continue;
    for (const r of bandsIn(g, box, c)) if (holdsLetters(g, r, dpi)) bands.push(r);
  }
  if (!bands.length) return { gray: g, inverted: 0 };
  const data = g.data.slice();
  for (const r of bands) turnBand(g, data, r, Math.max(1, Math.round(dpi / 100)));
  return { gray: { width: g.width, height: g.height, data }, inverted: bands.length };
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
