import { type Gray, pixelQuads } from './preprocess.js';

/*
 * Blank paper around the print is left out of the image tesseract reads. Tesseract's page work
 * before recognition (thresholding, rule and image finding, connected components, layout) costs by
 * the pixel, ink or not: a blank 300-dpi letter page alone is ~235 ms of its CPU in tesseract.js
 * (2026-12-05), and a page printed on its top half pays for the bottom half too. Only paper goes:
 * every pixel darker than paper (a speck, a page number in a corner, a scanner's border) keeps its
 * place in the image, so a real scan with dirt at its edges is read whole, as before.
 */

/** Lighter than this is paper (0 black, 255 white): anti-aliased edges of print and faint gray stay ink. */
const PAPER = 224;
/** Four bytes all ≥ PAPER: the top three bits of each set. */
const PAPER4 = 0xe0e0e0e0 | 0;
/** White kept around the print, in inches: tesseract's layout wants margins round its text blocks. */
const MARGIN_IN = 0.25;
/** A crop that keeps more of the page than this is not worth the copy. */
const WORTH_BELOW = 0.85;

export interface PrintBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * The part of the page worth reading: the box round every pixel darker than paper, with MARGIN_IN
 * of white round it, or null when that is (nearly) the whole page or the page has no ink at all
 * (tesseract then reads it as it is).
 */
export function printBox(g: Gray, dpi: number): PrintBox | null {
  const { width: W, height: H, data } = g;
  const quads = pixelQuads(data);
  let top = -1,
    bottom = -1,
    left = W,
    right = -1;
  for (let y = 0; y < H; y++) {
    const first = firstInk(data, quads, y * W, (y + 1) * W);
    if (first < 0) continue;
    if (top < 0) top = y;
    bottom = y;
    left = Math.min(left, first - y * W);
    right = Math.max(right, lastInk(data, quads, y * W, (y + 1) * W) - y * W);
  }
  if (top < 0) return null;
  const m = Math.round(MARGIN_IN * dpi);
  const x0 = Math.max(0, left - m),
    y0 = Math.max(0, top - m),
    x1 = Math.min(W, right + 1 + m),
    y1 = Math.min(H, bottom + 1 + m);
  if ((x1 - x0) * (y1 - y0) > WORTH_BELOW * W * H) return null;
  return { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
}

/** The index of the first pixel darker than paper in [from, to), or -1; paper skipped four pixels a load. */
function firstInk(data: Uint8Array, quads: Uint32Array | null, from: number, to: number): number {
  let i = from;
  if (quads) {
    for (; i < to && i % 4 !== 0; i++) if (data[i]! < PAPER) return i;
    for (let q = i >> 2, end = to >> 2; q < end && (quads[q]! & PAPER4) === PAPER4; q++) i = (q + 1) << 2;
  }
  for (; i < to; i++) if (data[i]! < PAPER) return i;
  return -1;
}

/** The index of the last pixel darker than paper in [from, to), or -1 (from the end, as firstInk). */
function lastInk(data: Uint8Array, quads: Uint32Array | null, from: number, to: number): number {
  let i = to - 1;
  if (quads) {
    for (; i >= from && (i + 1) % 4 !== 0; i--) if (data[i]! < PAPER) return i;
    for (let q = (i + 1) >> 2, start = (from + 3) >> 2; q > start && (quads[q - 1]! & PAPER4) === PAPER4; q--)
      i = ((q - 1) << 2) - 1;
  }
  for (; i >= from; i--) if (data[i]! < PAPER) return i;
  return -1;
}
