import UTIF from 'utif2';
import type { TiffPage } from '../documents/limits.js';
import type { Gray } from './preprocess.js';

/*
 * TIFF pages as gray pixels, so a fax or an office scanner's TIFF gets the same straightening, rule
 * clean-up and upscaling as a JPEG, and square pixels: a fax sent in standard mode is 204 × 98 dpi,
 * every letter half as tall as it is wide, and tesseract (one resolution per page) then misses whole
 * lines — a standard-mode fax of an LOA came back without its service address or its numbers.
 */

/** Above this a page is left to Leptonica as it is: the RGBA decode alone would take 4 bytes a pixel. */
const MAX_DECODE_PIXELS = 40e6;

export interface TiffGray {
  gray: Gray;
  /** the resolution of `gray` on both axes (the finer of the page's two) */
  dpi: number;
  /** PDF points per pixel of `gray` */
  ptPerPx: number;
  widthPt: number;
  heightPt: number;
}

/**
 * Decode a single-page TIFF (extractTiffPage's output) and resample it to square pixels. null when
 * the decoder cannot read this compression or the page is too large to decode here; the caller
 * then hands the page to Leptonica unchanged, as before.
 */
export function tiffPageGray(single: Uint8Array, info: TiffPage, ptPerPxX: number): TiffGray | null {
  if (info.width * info.height > MAX_DECODE_PIXELS) return null;
  let rgba: Uint8Array;
  let width: number, height: number;
  try {
    const buf = single.buffer.slice(single.byteOffset, single.byteOffset + single.byteLength) as ArrayBuffer;
    const ifd = UTIF.decode(buf)[0];
    if (!ifd) return null;
    UTIF.decodeImage(buf, ifd);
    width = ifd.width;
    height = ifd.height;
    if (!(width > 0 && height > 0) || width !== info.width || height !== info.height) return null;
    rgba = UTIF.toRGBA8(ifd);
    if (rgba.length < width * height * 4) return null;
  } catch {
    return null;
  }
  const data = new Uint8Array(width * height);
  for (let i = 0, j = 0; i < data.length; i++, j += 4) {
    // on white: a transparent pixel is paper, as in the PNG path
    const a = rgba[j + 3]!;
    const luma = (rgba[j]! * 77 + rgba[j + 1]! * 150 + rgba[j + 2]! * 29) >> 8;
    data[i] = a === 255 ? luma : 255 - (((255 - luma) * a) >> 8);
  }
  // The vertical resolution is its own tag; a page without one has square pixels.
  const ptPerPxY = verticalPtPerPx(info, ptPerPxX);
  const fine = Math.min(ptPerPxX, ptPerPxY);
  const W = Math.round((width * ptPerPxX) / fine),
    H = Math.round((height * ptPerPxY) / fine);
  const gray = W === width && H === height ? { width, height, data } : resize({ width, height, data }, W, H);
  return { gray, dpi: 72 / fine, ptPerPx: fine, widthPt: width * ptPerPxX, heightPt: height * ptPerPxY };
}

/** Points per pixel down the page: YResolution in the page's unit, or the horizontal figure when absent or absurd. */
function verticalPtPerPx(info: TiffPage, ptPerPxX: number): number {
  const unit = info.tags.get(296)?.[0] ?? 2;
  const xres = info.tags.get(282)?.[0] ?? 0,
    yres = info.tags.get(283)?.[0] ?? 0;
  if (!(xres > 0 && yres > 0) || (unit !== 2 && unit !== 3)) return ptPerPxX;
  const ratio = xres / yres;
  // fax modes are 1:1, 2:1 (standard) and 1:2 at most; anything wilder is a broken tag
  return ratio >= 0.45 && ratio <= 2.2 ? ptPerPxX * ratio : ptPerPxX;
}

/** Bilinear resize (strokes stay smooth enough for tesseract; a fax's black and white become gray edges). */
function resize(g: Gray, W: number, H: number): Gray {
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
