import { createCanvas, GlobalFonts } from '@napi-rs/canvas';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fillGaps } from '../../electron/core/ocr/engine.js';
import { removeRules, toGray, type Gray } from '../../electron/core/ocr/preprocess.js';

const require = createRequire(import.meta.url);
GlobalFonts.registerFromPath(
  path.join(path.dirname(require.resolve('pdfjs-dist/package.json')), 'standard_fonts', 'LiberationSans-Regular.ttf'),
  'RulesSans',
);

const DPI = 300;
/** A 3×2 ruled grid with gray-filled label cells, a word in every cell, and a value on an underline. */
function ruledForm(opts: { text: boolean; rules: boolean }) {
  const w = 1500,
    h = 700;
  const c = createCanvas(w, h);
  const ctx = c.getContext('2d');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, w, h);
  const x0 = 100,
    y0 = 100,
    cw = 400,
    ch = 120;
  ctx.fillStyle = 'rgb(215,215,215)';
  for (let r = 0; r < 3; r++) ctx.fillRect(x0, y0 + r * ch, cw, ch);
  if (opts.rules) {
    ctx.strokeStyle = '#000';
    ctx.lineWidth = 3;
    for (let r = 0; r <= 3; r++) {
      ctx.beginPath();
      ctx.moveTo(x0, y0 + r * ch);
      ctx.lineTo(x0 + 3 * cw, y0 + r * ch);
      ctx.stroke();
    }
    for (let k = 0; k <= 3; k++) {
      ctx.beginPath();
      ctx.moveTo(x0 + k * cw, y0);
      ctx.lineTo(x0 + k * cw, y0 + 3 * ch);
      ctx.stroke();
    }
    ctx.beginPath();
    ctx.moveTo(100, 620);
    ctx.lineTo(900, 620);
    ctx.stroke(); // underline
  }
  if (opts.text) {
    ctx.fillStyle = '#000';
    ctx.font = '40px RulesSans';
    const words = [
      ['Account', 'Stonegate', 'Lily'],
      ['Number', '804-555-0136', 'HILL'],
      ['Street', 'Franklin', 'TIL'],
    ];
    words.forEach((row, r) => row.forEach((t, k) => ctx.fillText(t, x0 + k * cw + 20, y0 + r * ch + 75)));
    // typed a little above the underline, descenders crossing it
    ctx.fillText('Signed: Jiggly Lyp 03/14/2026', 110, 612);
  }
  return toGray(c, w, h);
}

const darkCount = (g: Gray, x0 = 0, y0 = 0, x1 = g.width, y1 = g.height) => {
  let n = 0;
  for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) if (g.data[y * g.width + x]! < 128) n++;
  return n;
};

describe('removeRules', () => {
  it('erases a ruled grid and an underline, leaving a page that is only the letters', () => {
    const ruled = ruledForm({ text: true, rules: true });
    const lettersOnly = ruledForm({ text: true, rules: false });
    const { gray, erased } = removeRules(ruled, DPI);
    expect(erased).toBeGreaterThan(3 * 1200);
    // Ink left after removal is the letters' ink, within a few percent (strokes crossing a rule keep
    // the rule's few pixels under them).
    const left = darkCount(gray),
      letters = darkCount(lettersOnly);
    expect(darkCount(ruled)).toBeGreaterThan(letters * 1.5);
    expect(Math.abs(left - letters) / letters).toBeLessThan(0.06);
    // a rule's own row, away from any letter, is back to the cell's gray or white
    expect(darkCount(gray, 1000, 95, 1290, 106)).toBe(0);
    expect(darkCount(gray, 495, 130, 506, 160)).toBe(0);
  });

  it('keeps letters whose strokes cross or touch the underline', () => {
    const { gray } = removeRules(ruledForm({ text: true, rules: true }), DPI);
    const letters = ruledForm({ text: true, rules: false });
    // the band of the underlined line: descenders of g, y, p and the date's baseline
    const kept = darkCount(gray, 100, 580, 900, 640),
      want = darkCount(letters, 100, 580, 900, 640);
    expect(kept).toBeGreaterThan(want * 0.9);
  });

  it('fills an erased rule with the gray of the cell it borders', () => {
    const { gray } = removeRules(ruledForm({ text: false, rules: true }), DPI);
    // left edge of the first gray cell (vertical rule at x=100): now gray, not white and not black
    const v = gray.data[160 * gray.width + 100]!;
    expect(v).toBeGreaterThan(200);
    // only the crossings of two rules stay, as specks a few pixels wide
    const before = darkCount(ruledForm({ text: false, rules: true }));
    expect(darkCount(gray)).toBeLessThan(before * 0.03);
  });

  it('leaves a page of plain text alone', () => {
    const text = ruledForm({ text: true, rules: false });
    expect(removeRules(text, DPI).erased).toBe(0);
  });
});

describe('fillGaps', () => {
  const w = (text: string, x0: number, conf = 0.9) => ({
    text,
    bbox: [x0, 10, x0 + 40, 20] as [number, number, number, number],
    conf,
  });
  it('adds only the words the first read did not return', () => {
    const merged = fillGaps([w('Account', 0)], [w('Account', 2), w('Stonegate', 100)]);
    expect(merged.map((m) => m.text)).toEqual(['Account', 'Stonegate']);
  });
  it('replaces a low-confidence first-read word by a surer second read of the same place', () => {
    const merged = fillGaps([w('|~', 100, 0.1), w('Name', 0)], [w('Stonegate', 100, 0.9)], 0.5);
    expect(merged.map((m) => m.text).sort()).toEqual(['Name', 'Stonegate']);
  });
});
