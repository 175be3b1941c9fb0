import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_PREPROCESS, OcrEngine } from '../../electron/core/ocr/engine.js';
import { invertReverseVideo } from '../../electron/core/ocr/reverse-video.js';
import type { Gray } from '../../electron/core/ocr/preprocess.js';
import { type FontKey, PageBuilder } from '../fixtures/generator/layout.js';
import { expectRowsRead, ocrScanned } from '../helpers/scan-read.js';

/** Sections of a colour bill printed in grey: a white caption on a full-width dark band, the value under it. */
const SECTIONS: [string, string][] = [
  ['SERVICE LOCATION', '4417 Orchard Valley Road'],
  ['CURRENT CHARGES', 'Monthly Recurring Service'],
  ['Billing Contact', 'Marguerite Okonkwo'],
];

function bandPage(font: FontKey, size: number, fill: number): PageBuilder {
  const p = new PageBuilder();
  p.text(48, 60, 'Statement of Account', { font: `${font}-bold` as FontKey, size: size + 4 });
  // a dark rule and a small dark mark (a logo's square): dark, but no band of letters
  p.rect(48, 72, 516, 3, { stroke: false, fill: 0 });
  p.rect(500, 36, 40, 28, { stroke: false, fill: 0.1 });
  SECTIONS.forEach(([caption, value], i) => {
    const y = 110 + i * 70;
    p.rect(48, y, 516, size + 7, { stroke: false, fill });
    p.text(53, y + size + 2, caption, { font: `${font}-bold` as FontKey, size: size - 0.5, gray: 1 });
    p.text(54, y + size + 7 + size * 1.45, value, { font, size });
  });
  return p;
}

describe('reverse-video captions', () => {
  const engine = new OcrEngine(DEFAULT_PREPROCESS);
  afterAll(() => engine.close());

  it('reads a white caption on a dark band, and the print under it', { timeout: 240_000 }, async () => {
    for (const [k, [font, size, fill]] of (
      [
        ['sans', 10, 0.2],
        ['serif', 9, 0.4],
      ] as const
    ).entries()) {
      const r = await ocrScanned(engine, bandPage(font, size, fill).build(), 71 + k, {
        rotation: k ? -0.6 : 0.4,
        blur: 0.7,
        noise: 15,
        jpegQuality: 60,
      });
      const texts = r.words.map((w) => w.text);
      expectRowsRead(texts, SECTIONS, font);
      expect(texts).toContain('Statement');
    }
  });
});

/** Paper ~235 with a little grain. */
function paper(width: number, height: number): Gray {
  const data = new Uint8Array(width * height);
  let s = 11;
  for (let i = 0; i < data.length; i++) {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    data[i] = 235 + Math.round((s / 0x7fffffff - 0.5) * 20);
  }
  return { width, height, data };
}
const paint = (g: Gray, x0: number, y0: number, x1: number, y1: number, v: number) => {
  for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) g.data[y * g.width + x] = v;
};

describe('reverse-video bands: what is not one', () => {
  it('leaves dark rules, a copier border, a solid block without letters and dark print alone', () => {
    const g = paper(2400, 3000);
    paint(g, 150, 300, 2250, 312, 20); // a thick rule
    paint(g, 0, 0, 90, 3000, 30); // a copier's dark border down the edge
    paint(g, 0, 2900, 2400, 3000, 30); // and along the foot
    paint(g, 300, 600, 900, 680, 25); // a solid bar, nothing light in it
    for (let x = 300; x < 2000; x += 22) paint(g, x, 900, x + 12, 960, 20); // bold dark print
    const r = invertReverseVideo(g, 300);
    expect(r.inverted).toBe(0);
    expect(r.gray).toBe(g);
  });

  it('turns a band with light letters into dark letters on paper', () => {
    const g = paper(2400, 3000);
    paint(g, 150, 600, 2250, 670, 60);
    for (let x = 180; x < 900; x += 30) paint(g, x, 618, x + 10, 648, 245); // light "letters"
    const r = invertReverseVideo(g, 300);
    expect(r.inverted).toBe(1);
    const at = (x: number, y: number) => r.gray.data[y * 2400 + x]!;
    expect(at(185, 630)).toBeLessThan(40); // a letter is ink
    expect(at(1500, 640)).toBeGreaterThan(230); // the fill is paper
    expect(at(200, 500)).toBeGreaterThan(220); // the page round it is untouched
  });
});

describe('reverse-video bands: caption cells and what crosses a band', () => {
  /** Light "letters" (bars a stroke wide) across x0..x1 of a caption at y0..y1. */
  const letters = (g: Gray, x0: number, x1: number, y0: number, y1: number) => {
    for (let x = x0; x < x1; x += 30) paint(g, x, y0, x + 8, y1, 245);
  };
  const at = (g: Gray, x: number, y: number) => g.data[y * g.width + x]!;

  it('turns a column of caption cells under a band, and leaves the tinted value cells beside them', () => {
    const g = paper(2400, 3000);
    paint(g, 300, 600, 2100, 670, 60); // the band across the table
    letters(g, 330, 900, 618, 650);
    for (let i = 0; i < 5; i++) {
      const y = 676 + i * 80;
      paint(g, 300, y, 1000, y + 74, 60); // a caption cell, white letters
      letters(g, 330, 800, y + 20, y + 54);
      paint(g, 1006, y, 2100, y + 74, 200); // its value cell, tinted, dark digits
      for (let x = 1040; x < 1400; x += 30) paint(g, x, y + 20, x + 8, y + 54, 30);
    }
    const r = invertReverseVideo(g, 300).gray;
    for (let i = 0; i < 5; i++) {
      const y = 676 + i * 80;
      expect(at(r, 335, y + 36), `caption ${i}: a letter is ink`).toBeLessThan(60);
      expect(at(r, 320, y + 36), `caption ${i}: the fill is paper`).toBeGreaterThan(200);
      expect(at(r, 1044, y + 36), `value ${i}: its digit stays ink`).toBeLessThan(60);
      expect(at(r, 1030, y + 36), `value ${i}: its tint stays`).toBe(200);
    }
  });

  it('turns a band whole where a broad light stroke (a watermark) crosses it aslant', () => {
    const g = paper(2400, 3000);
    paint(g, 300, 600, 2100, 670, 60);
    letters(g, 330, 800, 618, 650);
    // a watermark's stroke, ~50 px broad, crossing the band at 45 degrees, as light as the letters
    for (let y = 560; y < 710; y++) paint(g, 1200 + (y - 560), y, 1250 + (y - 560), y + 1, 225);
    const r = invertReverseVideo(g, 300).gray;
    expect(at(r, 335, 630)).toBeLessThan(60); // a letter is ink
    expect(at(r, 2000, 640)).toBeGreaterThan(200); // the band beyond the stroke is paper
    expect(at(r, 1300, 635)).toBeGreaterThan(200); // and so is the stroke
  });
});
