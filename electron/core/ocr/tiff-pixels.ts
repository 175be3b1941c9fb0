import UTIF from 'utif2';
import type { TiffPage } from '../documents/limits.js';
import { resizeGray, type Gray } from './preprocess.js';

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
  // fax modes are 1:1, 2:1 (standard) and 1:2 at most; an aspect past those is a broken tag
  const ptPerPxY = info.pixelAspect >= 0.45 && info.pixelAspect <= 2.2 ? ptPerPxX * info.pixelAspect : ptPerPxX;
  const fine = Math.min(ptPerPxX, ptPerPxY);
  const W = Math.round((width * ptPerPxX) / fine),
    H = Math.round((height * ptPerPxY) / fine);
  const gray = W === width && H === height ? { width, height, data } : resizeGray({ width, height, data }, W, H);
  return { gray, dpi: 72 / fine, ptPerPx: fine, widthPt: width * ptPerPxX, heightPt: height * ptPerPxY };
}
