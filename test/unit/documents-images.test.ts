import { createCanvas, GlobalFonts } from '@napi-rs/canvas';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  LIMITS,
  checkDimensions,
  imageHeader,
  pointsPerPixel,
  tiffPages,
} from '../../electron/core/documents/limits.js';
import { extractTiffPage, tiffPageCount } from '../../electron/core/documents/tiff.js';
import { estimateSkew, otsuThreshold, toGray } from '../../electron/core/ocr/preprocess.js';

const require = createRequire(import.meta.url);
GlobalFonts.registerFromPath(
  path.join(path.dirname(require.resolve('pdfjs-dist/package.json')), 'standard_fonts', 'LiberationSans-Regular.ttf'),
  'UnitSans',
);

function page(skewDeg: number) {
  const w = 1200,
    h = 900;
  const c = createCanvas(w, h);
  const ctx = c.getContext('2d');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, w, h);
  ctx.translate(w / 2, h / 2);
  ctx.rotate((skewDeg * Math.PI) / 180);
  ctx.translate(-w / 2, -h / 2);
  ctx.fillStyle = '#000';
  ctx.font = '28px UnitSans';
  for (let i = 0; i < 14; i++)
    ctx.fillText(`Line ${i} account 8839-2210-44 service address 1200 North Main`, 80, 120 + i * 50);
  return c;
}

/** Two-page 8-bit grayscale TIFF, big-endian, pixels = page number, written by hand. */
function twoPageTiff(): Uint8Array {
  const w = 3,
    h = 2,
    n = 9,
    ifd = 2 + n * 12 + 4;
  const out = new Uint8Array(8 + 2 * (ifd + w * h));
  const dv = new DataView(out.buffer);
  out.set([0x4d, 0x4d, 0x00, 0x2a]);
  dv.setUint32(4, 8);
  for (let p = 0; p < 2; p++) {
    const at = 8 + p * (ifd + w * h),
      pixels = at + ifd;
    const tags: [number, number, number][] = [
      [256, 3, w],
      [257, 3, h],
      [258, 3, 8],
      [259, 3, 1],
      [262, 3, 1],
      [273, 4, pixels],
      [277, 3, 1],
      [278, 3, h],
      [279, 4, w * h],
    ];
    dv.setUint16(at, n);
    tags.forEach(([tag, type, v], k) => {
      const e = at + 2 + k * 12;
      dv.setUint16(e, tag);
      dv.setUint16(e + 2, type);
      dv.setUint32(e + 4, 1);
      if (type === 3) dv.setUint16(e + 8, v);
      else dv.setUint32(e + 8, v);
    });
    dv.setUint32(at + 2 + n * 12, p === 0 ? 8 + ifd + w * h : 0);
    out.fill(p + 1, pixels, pixels + w * h);
  }
  return out;
}

describe('image headers are read without decoding pixels', () => {
  it('PNG and JPEG dimensions', () => {
    const c = createCanvas(321, 123);
    expect(imageHeader(new Uint8Array(c.toBuffer('image/png')), 'image/png')).toMatchObject({
      width: 321,
      height: 123,
      frames: 1,
    });
    expect(imageHeader(new Uint8Array(c.toBuffer('image/jpeg')), 'image/jpeg')).toMatchObject({
      width: 321,
      height: 123,
      frames: 1,
    });
  });

  it('refuses pixel bombs and absurd strips', () => {
    expect(() => checkDimensions(100_000, 100_000)).toThrowError(/megapixels/);
    expect(() => checkDimensions(LIMITS.maxSide + 1, 10)).toThrowError(/pixels a side/);
    expect(() => checkDimensions(0, 10)).toThrowError(/damaged/);
    expect(() => checkDimensions(2550, 3300)).not.toThrow();
  });

  it('maps pixels to points from the scanner dpi, or assumes a letter-wide page', () => {
    expect(pointsPerPixel(2550, 300)).toBeCloseTo(0.24);
    expect(pointsPerPixel(3024, 72)).toBeCloseTo(612 / 3024); // phone photo claiming 72 dpi
    expect(pointsPerPixel(1700, null)).toBeCloseTo(0.36);
  });
});

describe('multi-page TIFF', () => {
  it('lists pages and cuts each out as a standalone TIFF with its own pixels', () => {
    const t = twoPageTiff();
    expect(tiffPageCount(t)).toBe(2);
    const second = extractTiffPage(t, 1);
    const pages = tiffPages(new DataView(second.buffer));
    expect(pages).toHaveLength(1);
    expect(pages[0]).toMatchObject({ width: 3, height: 2, bitsPerSample: 8 });
    const offset = pages[0]!.tags.get(273)![0]!;
    expect([...second.subarray(offset, offset + 6)]).toEqual([2, 2, 2, 2, 2, 2]);
    expect(() => extractTiffPage(t, 2)).toThrowError(/no page 3/);
  });

  it('rejects a directory loop instead of spinning', () => {
    const t = twoPageTiff();
    const dv = new DataView(t.buffer);
    const ifd1 = 8,
      n = 9;
    dv.setUint32(ifd1 + 2 + n * 12, ifd1); // page 1 points at itself
    expect(() => tiffPages(dv)).toThrowError(/bad page directory/);
  });
});

describe('preprocessing', () => {
  it.each([0, 1.5, -2.5, 4])('measures a %s° skew', (deg) => {
    const c = page(deg);
    expect(estimateSkew(toGray(c, c.width, c.height))).toBeCloseTo(deg, 0);
  });

  it('Otsu splits ink from paper', () => {
    const data = new Uint8Array(1000).map((_, i) => (i % 10 === 0 ? 20 : 235));
    const t = otsuThreshold(data);
    expect(t).toBeGreaterThanOrEqual(20);
    expect(t).toBeLessThan(235);
  });
});
