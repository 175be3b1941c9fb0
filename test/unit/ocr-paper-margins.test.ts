import { createCanvas, GlobalFonts } from '@napi-rs/canvas';
import { createRequire } from 'node:module';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_PREPROCESS, OcrEngine } from '../../electron/core/ocr/engine.js';
import { printBox } from '../../electron/core/ocr/paper-margins.js';
import type { Gray } from '../../electron/core/ocr/preprocess.js';
import type { OcrPageResult } from '../../electron/core/ocr/types.js';

/*
 * Tesseract reads the print with a margin of paper round it, not the blank paper beyond
 * (paper-margins.ts): the same words, boxed where they are on the page, and no ink left out.
 */

const paper = (width: number, height: number): Gray => ({
  width,
  height,
  data: new Uint8Array(width * height).fill(255),
});
const ink = (g: Gray, x: number, y: number, w = 1, h = 1, level = 0) => {
  for (let r = y; r < y + h; r++) g.data.fill(level, r * g.width + x, r * g.width + x + w);
};

describe('the print box', () => {
  it('is the print with a quarter inch of paper round it', () => {
    const g = paper(2550, 3300);
    ink(g, 400, 300, 900, 40);
    ink(g, 400, 1200, 300, 40);
    expect(printBox(g, 300)).toEqual({ x: 325, y: 225, width: 1050, height: 1090 });
  });

  it('keeps every speck, faint gray and page number: only paper goes', () => {
    for (const [x, y, level] of [
      [2500, 3250, 0], // a speck in the far corner
      [2400, 60, 200], // a faint gray mark (a light stamp, a pencil note)
      [1200, 3200, 90], // a page number at the foot
    ] as const) {
      const g = paper(2550, 3300);
      ink(g, 400, 300, 900, 40);
      ink(g, x, y, 2, 2, level);
      const box = printBox(g, 300);
      if (box) {
        expect(x).toBeGreaterThanOrEqual(box.x);
        expect(x + 2).toBeLessThanOrEqual(box.x + box.width);
        expect(y).toBeGreaterThanOrEqual(box.y);
        expect(y + 2).toBeLessThanOrEqual(box.y + box.height);
      }
    }
  });

  it('is none for a blank page or a page printed (or soiled) edge to edge', () => {
    expect(printBox(paper(850, 1100), 100)).toBeNull();
    const full = paper(850, 1100);
    ink(full, 30, 30, 790, 2);
    ink(full, 30, 1060, 2, 2);
    expect(printBox(full, 100)).toBeNull();
  });

  it('finds print on rows that start off a four-byte boundary', () => {
    // 851 pixels a row: most rows start at an odd offset in the buffer
    for (const [x, y] of [
      [0, 7],
      [850, 9],
      [3, 500],
      [849, 1001],
    ] as const) {
      const g = paper(851, 1100);
      ink(g, x, y);
      const box = printBox(g, 4)!; // a margin of one pixel
      expect(box).toEqual({
        x: Math.max(0, x - 1),
        y: y - 1,
        width: Math.min(851, x + 2) - Math.max(0, x - 1),
        height: 3,
      });
    }
  });
});

const LINES = [
  'Account Name: Harbor View Dental Group LLC',
  'Account Number: 4471-2290-8812',
  'Service Address: 1420 Lakeshore Drive, Suite 210',
  'Fort Lauderdale, FL 33301',
  'Billing Telephone Number: (954) 555-0147',
];

const FONT = 'PaperMarginsSans';
GlobalFonts.registerFromPath(
  path.join(
    path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json')),
    'standard_fonts',
    'LiberationSans-Regular.ttf',
  ),
  FONT,
);

/**
 * A clean 300-dpi letter page (a PDF printed to an image, a screenshot: white paper, no scanner
 * dirt, the pages this saves most on) with the lines' baselines at (x, y + 20 i) points, optionally
 * turned `deg` degrees about the page centre and with a page number at the foot.
 */
function cleanPage(x: number, y: number, deg = 0, footer = false): Uint8Array {
  const s = 300 / 72;
  const canvas = createCanvas(Math.round(612 * s), Math.round(792 * s));
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.translate(canvas.width / 2, canvas.height / 2);
  ctx.rotate((deg * Math.PI) / 180);
  ctx.translate(-canvas.width / 2, -canvas.height / 2);
  ctx.fillStyle = '#111';
  ctx.font = `${10 * s}px ${FONT}`;
  LINES.forEach((l, i) => ctx.fillText(l, x * s, (y + i * 20) * s));
  if (footer) ctx.fillText('Page 3 of 4', 300 * s, 760 * s);
  return canvas.toBuffer('image/png');
}

describe('a clean page printed on part of its paper', () => {
  const engine = new OcrEngine(DEFAULT_PREPROCESS);
  afterAll(() => engine.close());
  const read = (bytes: Uint8Array) => engine.run({ kind: 'image', bytes, mime: 'image/png', frame: 0 });
  const word = (r: OcrPageResult, text: string) => r.words.find((w) => w.text.startsWith(text));

  for (const [where, x, y, deg] of [
    ['its top left', 60, 60, 0],
    ['the middle of its right half, turned 2 degrees', 330, 380, 2],
  ] as const)
    it(`reads the print on ${where} and boxes the words where they are on the page`, { timeout: 120_000 }, async () => {
      const r = await read(cleanPage(x, y, deg));
      for (const [text, line] of [
        ['Harbor', 0],
        ['4471-2290-8812', 1],
        ['Service', 2],
        ['(954)', 4],
      ] as const) {
        const w = word(r, text);
        expect(w, text).toBeDefined();
        // the line's baseline is y + 20 × line points (a turned page moves it a few points)
        const slack = deg ? 12 : 4;
        expect(w!.bbox[3], text).toBeGreaterThan(y + line * 20 - slack);
        expect(w!.bbox[1], text).toBeLessThan(y + line * 20 + slack);
        expect(w!.bbox[1], text).toBeGreaterThan(y + line * 20 - 10 - slack);
      }
      // "Account Name: " is ~75 points of 10-point print
      expect(Math.abs(word(r, 'Harbor')!.bbox[0] - (x + 75))).toBeLessThan(deg ? 20 : 10);
    });

  it('reads a page number at the foot, far from the print', { timeout: 120_000 }, async () => {
    const r = await read(cleanPage(60, 60, 0, true));
    expect(word(r, 'Harbor')).toBeDefined();
    const of = r.words.find((w) => w.text === 'of');
    expect(of?.bbox[1]).toBeGreaterThan(745);
    expect(of?.bbox[0]).toBeGreaterThan(330);
  });
});
