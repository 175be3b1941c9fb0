import { describe, expect, it } from 'vitest';
import { tiffPages } from '../../electron/core/documents/limits.js';
import { toTiff, type Gray } from '../../electron/core/ocr/preprocess.js';
import { tiffPageGray } from '../../electron/core/ocr/tiff-pixels.js';

/*
 * The page image the engine hands tesseract (toTiff): a PackBits-compressed grayscale TIFF, read
 * here with the app's own TIFF reader, so a wrong tag, offset or packet shows as a wrong pixel, not
 * as a page tesseract silently reads as blank or shifted.
 */
describe('the page image tesseract reads', () => {
  it('holds every pixel of the prepared page, at its size, with no orientation of its own', () => {
    // an odd width (rows not a multiple of 4) and a gradient with a mark in one corner; then what
    // PackBits packs: rows of paper, and runs of every length around its packets' 128 bytes
    const width = 333,
      height = 157;
    const data = new Uint8Array(width * height);
    for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) data[y * width + x] = (x * 7 + y * 3) & 255;
    data[0] = 0;
    data[data.length - 1] = 255;
    for (let y = 40; y < 60; y++) data.fill(255, y * width, (y + 1) * width);
    for (let y = 60; y < 120; y++) {
      const run = y - 58; // 2 … 61 bytes, then the rows' ends
      for (let x = 0; x < width; x++) data[y * width + x] = Math.floor(x / run) % 2 ? 30 : 220;
    }
    for (let y = 120; y < 124; y++) data.fill(y, y * width + 5, y * width + 5 + 127 + (y - 120));
    const g: Gray = { width, height, data };
    const tif = toTiff(g);
    const [page, ...more] = tiffPages(new DataView(tif.buffer, tif.byteOffset, tif.byteLength));
    expect(more).toHaveLength(0);
    expect(page).toMatchObject({ width, height });
    const read = tiffPageGray(tif, page!, 1);
    expect(read).not.toBeNull();
    expect(read!.gray.width).toBe(width);
    expect(read!.gray.height).toBe(height);
    expect(Buffer.from(read!.gray.data).equals(Buffer.from(data))).toBe(true);
    // tesseract.js turns a page by an EXIF-style orientation tag (274) it finds in the first bytes
    const dv = new DataView(tif.buffer, tif.byteOffset, tif.byteLength);
    const tags = Array.from({ length: dv.getUint16(8, true) }, (_, k) => dv.getUint16(10 + k * 12, true));
    expect(tags).not.toContain(274);
  });
});
