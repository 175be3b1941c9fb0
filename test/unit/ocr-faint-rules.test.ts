import { describe, expect, it } from 'vitest';
import { DEFAULT_PREPROCESS, OcrEngine } from '../../electron/core/ocr/engine.js';
import { eraseFaintRules, type Gray } from '../../electron/core/ocr/preprocess.js';
import { PageBuilder } from '../fixtures/generator/layout.js';
import { renderScanPage } from '../fixtures/generator/image.js';

/** A deterministic grainy page: paper ~240 with ±16 grain. */
function grainy(width: number, height: number): Gray {
  const data = new Uint8Array(width * height);
  let s = 7;
  for (let i = 0; i < data.length; i++) {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    data[i] = 240 + Math.round((s / 0x7fffffff - 0.5) * 32) - 6;
  }
  return { width, height, data };
}
const paint = (g: Gray, x0: number, y0: number, x1: number, y1: number, v: number) => {
  for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) g.data[y * g.width + x] = v;
};
const mean = (g: Gray, x0: number, y0: number, x1: number, y1: number) => {
  let s = 0;
  for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) s += g.data[y * g.width + x]!;
  return s / ((x1 - x0) * (y1 - y0));
};

describe('faint table rules', () => {
  it('makes light-gray rules paper and leaves dark rules and letter strokes as they were', () => {
    const g = grainy(1200, 600);
    // "letters": short dark strokes in rows, a dark box rule, light-gray row and column rules
    for (let row = 0; row < 4; row++)
      for (let x = 100; x < 1000; x += 14) paint(g, x, 60 + row * 120, x + 5, 100 + row * 120, 45);
    paint(g, 80, 110, 1100, 113, 185); // light row rules
    paint(g, 80, 230, 1100, 233, 178);
    paint(g, 1050, 20, 1053, 560, 190); // light column rule
    paint(g, 80, 350, 1100, 353, 50); // a dark rule
    const strokes = mean(g, 100, 60, 105, 100);
    const { gray, erased } = eraseFaintRules(g, 300);
    expect(erased).toBeGreaterThan(2000);
    expect(mean(gray, 80, 110, 1100, 113)).toBeGreaterThan(250);
    expect(mean(gray, 80, 230, 1100, 233)).toBeGreaterThan(250);
    expect(mean(gray, 1050, 120, 1053, 220)).toBeGreaterThan(250);
    expect(mean(gray, 80, 350, 1100, 353)).toBe(50);
    expect(mean(gray, 100, 60, 105, 100)).toBe(strokes);
  });

  it('leaves a page of text and dark rules alone', () => {
    const g = grainy(800, 400);
    for (let x = 50; x < 750; x += 9) paint(g, x, 50, x + 4, 80, 40);
    paint(g, 50, 200, 750, 203, 30);
    expect(eraseFaintRules(g, 300).erased).toBeLessThan(50);
  });

  it('finds a rule just a third of an inch long wherever it starts, across and down, and a shorter one stays', () => {
    // minRun at 300 dpi is 105 px; the pass only tests every 105th pixel and follows runs from
    // there, so rules of exactly that length at every offset must still be found
    const g = grainy(1400, 1400);
    for (let x = 100; x < 1300; x += 14) paint(g, x, 1200, x + 5, 1240, 45); // text: the page's ink
    for (let k = 0; k < 8; k++) {
      const at = 37 + k * 13; // offsets that fall between the tested pixels
      paint(g, at + k * 140, 100 + k * 40, at + k * 140 + 105, 102 + k * 40, 185); // across
      paint(g, 100 + k * 40, 500 + at, 102 + k * 40, 500 + at + 105, 185); // down
    }
    paint(g, 900, 600, 1004, 602, 185); // 104 px: too short to be a rule
    paint(g, 1200, 700, 1202, 804, 185);
    const { gray } = eraseFaintRules(g, 300);
    for (let k = 0; k < 8; k++) {
      const at = 37 + k * 13;
      expect(mean(gray, at + k * 140, 100 + k * 40, at + k * 140 + 105, 102 + k * 40)).toBeGreaterThan(250);
      expect(mean(gray, 100 + k * 40, 500 + at, 102 + k * 40, 500 + at + 105)).toBeGreaterThan(250);
    }
    expect(mean(gray, 900, 600, 1004, 602)).toBe(185);
    expect(mean(gray, 1200, 700, 1202, 804)).toBe(185);
  });

  it('hands back a page with no faint rule as it is, without copying it', () => {
    const g = grainy(800, 400);
    for (let x = 50; x < 750; x += 9) paint(g, x, 50, x + 4, 80, 40);
    const r = eraseFaintRules(g, 300);
    expect(r.erased).toBe(0);
    expect(r.gray).toBe(g);
  });
});

/**
 * A scanned table of numbers, rows parted by thin mid-gray rules just under the text (as many
 * carriers print them), rotated a little as a scan is.
 */
function ruledTable(rows: string[][], seed: number, rotation: number): Uint8Array {
  const p = new PageBuilder();
  const style = { font: 'serif' as const, size: 10 };
  p.text(40, 40, 'Telephone Number', { font: 'sans-bold', size: 9 });
  rows.forEach((r, i) => {
    const y = 62 + i * 16;
    p.text(40, y, r[0]!, style);
    p.text(300, y, r[1]!, style);
    p.text(420, y, r[2]!, style);
    p.line(38, y + 4.5, 560, y + 4.5, 0.4, 0.5);
  });
  return renderScanPage(p.build(), seed, { rotation, blur: 0.8, noise: 17, jpegQuality: 56 });
}

describe('OCR of tables with light-gray rules', () => {
  it('reads every row of the table', { timeout: 120_000 }, async () => {
    const engine = new OcrEngine(DEFAULT_PREPROCESS);
    try {
      const tables = [
        [
          ['+1 775 555 0188', 'ISDN', 'Active'],
          ['+1 775 555 0102', 'ISDN', 'Active'],
          ['+1 775 555 0161', 'DID', 'Pending'],
          ['+1 775 952 9246', 'SIP', 'Active'],
          ['+1 775 885 7427', 'ISDN', 'Active'],
          ['+1 775 909 2923', 'DID', 'Active'],
        ],
        [
          ['(313) 555-0110', 'POTS', 'Working'],
          ['(313) 555-0147', 'Fax', 'Working'],
          ['(313) 806-2592', 'Hunt', 'Working'],
          ['(313) 806-2593', 'Hunt', 'Working'],
          ['(313) 806-2594', 'Hunt', 'Working'],
          ['(313) 806-2595', 'Hunt', 'Disconnect'],
        ],
      ];
      for (const [k, rows] of tables.entries()) {
        const img = ruledTable(rows, 41 + k, k ? -1.2 : 1.5);
        const r = await engine.run({ kind: 'image', bytes: img, mime: 'image/jpeg', frame: 0 });
        const digits = r.words.map((w) => w.text.replace(/\D/g, '')).join('');
        for (const [n] of rows) expect(digits).toContain(n!.replace(/\D/g, '').slice(-7));
      }
    } finally {
      await engine.close();
    }
  });
});
