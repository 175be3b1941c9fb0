import { createCanvas, GlobalFonts } from '@napi-rs/canvas';
import { createRequire } from 'node:module';
import path from 'node:path';
import { degrees, PDFDocument, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { openPdf } from '../../electron/core/documents/pdf.js';
import { renderPageGray } from '../../electron/core/ocr/engine.js';
import type { Gray } from '../../electron/core/ocr/preprocess.js';
import { ScannedPdfPages } from '../../electron/core/ocr/scan-page.js';
import { imagePdf } from '../fixtures/generator/pdf.js';

/*
 * A plain scanned PDF page (one JPEG over the whole page) is decoded directly instead of rendered
 * by pdfjs (scan-page.ts): the pixels must be the ones pdfjs draws, and any page with more on it
 * than the scan (typed values over it, a turn) must still be rendered by pdfjs, or OCR loses them.
 */
const require = createRequire(import.meta.url);
GlobalFonts.registerFromPath(
  path.join(path.dirname(require.resolve('pdfjs-dist/package.json')), 'standard_fonts', 'LiberationSans-Regular.ttf'),
  'ScanPageSans',
);

/** A letter "scan" at `dpi`: a few lines of dark text as a JPEG. */
function scanJpeg(dpi = 300): { jpeg: Uint8Array; width: number; height: number } {
  const w = Math.round(8.5 * dpi),
    h = 11 * dpi;
  const canvas = createCanvas(w, h);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, w, h);
  ctx.fillStyle = '#222';
  ctx.font = `${dpi / 5}px ScanPageSans`;
  for (let i = 0; i < 12; i++)
    ctx.fillText(`Account number ${4410 + i}-2210 (212) 555-01${i}`, 0.8 * dpi, dpi + (i * dpi) / 2.5);
  return { jpeg: canvas.toBuffer('image/jpeg', 80), width: 612, height: 792 };
}

async function pdfjsGray(bytes: Uint8Array, scale: number): Promise<Gray> {
  const doc = await openPdf(bytes.slice());
  try {
    return await renderPageGray(doc, await doc.getPage(1), scale);
  } finally {
    await doc.destroy();
  }
}

/** Dark pixels in the band of the page between y0 and y1 (fractions of its height). */
function darkIn(g: Gray, y0: number, y1: number): number {
  let n = 0;
  for (let i = Math.floor(g.height * y0) * g.width; i < Math.floor(g.height * y1) * g.width; i++)
    if (g.data[i]! < 128) n++;
  return n;
}

describe('scanned PDF pages', () => {
  const scale = 300 / 72;

  it('a plain scan decodes to the pixels pdfjs renders, at the same size', async () => {
    const bytes = await imagePdf([scanJpeg()]);
    const fast = await new ScannedPdfPages().gray(bytes, 1, 'a', scale);
    const slow = await pdfjsGray(bytes, scale);
    expect(fast).not.toBeNull();
    expect([fast!.width, fast!.height]).toEqual([slow.width, slow.height]);
    let sum = 0,
      max = 0;
    for (let i = 0; i < slow.data.length; i++) {
      const d = Math.abs(slow.data[i]! - fast!.data[i]!);
      sum += d;
      max = Math.max(max, d);
    }
    expect(sum / slow.data.length).toBeLessThan(1);
    // JPEG decoders differ by a gray level here and there
    expect(max).toBeLessThan(8);
    expect(darkIn(fast!, 0, 0.5)).toBeGreaterThan(10_000);
  });

  it('a scan with typed values over it, turned, or not at 300 dpi is rendered by pdfjs with everything on it', async () => {
    const pdf = await PDFDocument.load(await imagePdf([scanJpeg(), scanJpeg(), scanJpeg(150)]));
    const font = await pdf.embedFont(StandardFonts.Helvetica);
    // a value typed into the lower half of the first page, where the scan is blank
    pdf.getPage(0).drawText('PIN 4417  Authorized: Dana Whitfield', { x: 60, y: 150, size: 14, font });
    pdf.getPage(1).setRotation(degrees(90));
    const bytes = await pdf.save();
    const pages = new ScannedPdfPages();
    expect(await pages.gray(bytes, 1, 'b', scale)).toBeNull();
    expect(await pages.gray(bytes, 2, 'b', scale)).toBeNull();
    expect(await pages.gray(bytes, 3, 'b', scale)).toBeNull();
    // and the fallback does show the typed value
    expect(darkIn(await pdfjsGray(bytes, scale), 0.7, 0.85)).toBeGreaterThan(2_000);
  });
});
