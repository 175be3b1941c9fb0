import { describe, expect, it } from 'vitest';
import { combMoveBack, eraseCombBoxes } from '../../electron/core/ocr/comb-boxes.js';
import { DEFAULT_PREPROCESS, OcrEngine } from '../../electron/core/ocr/engine.js';
import type { Gray } from '../../electron/core/ocr/preprocess.js';
import type { PageText } from '../../shared/domain/document.js';
import { readerMoved } from '../../electron/core/extract/index.js';
import { movedBack } from '../../electron/core/extract/records.js';
import { renderScanPage } from '../fixtures/generator/image.js';
import { type FontKey, PageBuilder, textWidth } from '../fixtures/generator/layout.js';
import { grayOf, inkIn } from '../helpers/gray.js';
import { ocrScanned } from '../helpers/scan-read.js';

/** How a form draws its combs: closed boxes side by side, or ticks rising from a rule. */
interface CombShape {
  pitch: number;
  boxH: number;
  closed: boolean;
  font: FontKey;
  size: number;
}

/** A comb of `n` boxes from x on the rule at y, one character of `text` a box (a space: a blank box). */
function comb(p: PageBuilder, s: CombShape, x: number, y: number, n: number, text: string, caption: string): number {
  if (s.closed) for (let i = 0; i < n; i++) p.rect(x + i * s.pitch, y - s.boxH, s.pitch, s.boxH, { stroke: true });
  else {
    p.line(x, y, x + n * s.pitch, y, 0.6);
    for (let i = 0; i <= n; i++) p.line(x + i * s.pitch, y, x + i * s.pitch, y - s.boxH * 0.4, 0.6);
  }
  [...text.slice(0, n)].forEach((ch, i) => {
    if (ch !== ' ') p.text(x + i * s.pitch + (s.pitch - textWidth(ch, s.font, s.size)) / 2, y - 4, ch, s);
  });
  if (caption) p.text(x, y + 8, caption, { font: 'sans', size: 6 });
  return x + n * s.pitch;
}

/** A hand-print form: a name, an account number, a street, a city / state / ZIP row and a date with the form's slashes. */
function combForm(s: CombShape): PageBuilder {
  const p = new PageBuilder();
  p.text(40, 60, 'PLEASE PRINT ONE CHARACTER PER BOX', { font: 'sans-bold', size: 9 });
  comb(p, s, 40, 100, 30, 'ILLINI TILE 1 LLC', 'Customer name');
  comb(p, s, 40, 140, 14, '1171-4411-01', 'Account number');
  comb(p, s, 40, 180, 26, '1411 MILL HILL ROAD', 'Street address');
  let x = comb(p, s, 40, 220, 12, 'ELLIOTT', 'City') + s.pitch;
  x = comb(p, s, x, 220, 2, 'IL', 'State') + s.pitch;
  comb(p, s, x, 220, 5, '61701', 'ZIP');
  x = comb(p, s, 40, 260, 2, '11', 'Date');
  p.text(x + 1, 256, '/', s);
  x = comb(p, s, x + 7, 260, 2, '14', '');
  p.text(x + 1, 256, '/', s);
  comb(p, s, x + 7, 260, 4, '2025', '');
  return p;
}

/**
 * A list of telephone numbers in ten-box combs: the form prints "(" before the area code's boxes and
 * ")" and "-" between the groups; each number after its list number ("1.").
 */
function phoneForm(s: CombShape, numbers: string[]): PageBuilder {
  const p = new PageBuilder();
  p.text(40, 60, 'Telephone numbers to port', { font: 'sans-bold', size: 9 });
  numbers.forEach((n, i) => {
    const x0 = 40 + (i % 2) * 260,
      y = 100 + Math.floor(i / 2) * 40;
    const mark = (x: number, t: string) => p.text(x, y - 4, t, { font: 'sans', size: s.size });
    p.text(x0, y - 4, `${i + 1}.`, { font: 'sans', size: 8 });
    mark(x0 + 14, '(');
    let x = comb(p, s, x0 + 20, y, 3, n.slice(0, 3), '') + 2;
    mark(x, ')');
    x = comb(p, s, x + 8, y, 3, n.slice(3, 6), '') + 2;
    mark(x, '-');
    comb(p, s, x + 8, y, 4, n.slice(6), '');
  });
  return p;
}

const SHAPES: CombShape[] = [
  { pitch: 12, boxH: 15, closed: true, font: 'sans', size: 10 },
  { pitch: 14, boxH: 16, closed: false, font: 'serif', size: 11 },
  { pitch: 11, boxH: 13, closed: true, font: 'mono', size: 9 },
];

/** The values as a reader needs them: each a word (or the words it spells), no box edges in them. */
const VALUES = [
  'ILLINI',
  'TILE',
  'LLC',
  '1171-4411-01',
  '1411',
  'MILL',
  'HILL',
  'ROAD',
  'ELLIOTT',
  'IL',
  '61701',
  '11/14/2025',
];

/** Columns with a dark run at least `len` pixels long down them. */
function tallColumns(g: Gray, len: number): number {
  let n = 0;
  for (let x = 0; x < g.width; x++) {
    let run = 0;
    for (let y = 0; y < g.height; y++) {
      run = g.data[y * g.width + x]! < 128 ? run + 1 : 0;
      if (run === len) n++;
    }
  }
  return n;
}

describe('comb boxes on scans', () => {
  it('reads a value printed one character a box as the word it spells', { timeout: 240_000 }, async () => {
    const engine = new OcrEngine(DEFAULT_PREPROCESS);
    try {
      for (const [k, shape] of SHAPES.entries()) {
        const r = await ocrScanned(engine, combForm(shape).build(), 31 + k, {
          rotation: [0.4, -0.7, 1.2][k]!,
          blur: 0.7,
          noise: 14,
          jpegQuality: 60,
        });
        const texts = r.words.map((w) => w.text);
        for (const v of VALUES) expect(texts, `${shape.font} ${shape.closed ? 'boxes' : 'ticks'}: ${v}`).toContain(v);
        // no box edge read as a letter glued to a value
        expect(texts.filter((t) => /[|[\]]/.test(t))).toEqual([]);
      }
    } finally {
      await engine.close();
    }
  });

  it('takes the box edges out and keeps the letters', async () => {
    const shape = SHAPES[0]!;
    const g = await grayOf(renderScanPage(combForm(shape).build(), 5, { rotation: 0, blur: 0.6, noise: 10 }));
    const s = 300 / 72;
    const { gray, combs } = eraseCombBoxes(g, 300);
    // name, account, street, city, state, ZIP and the date's three combs
    expect(combs).toBe(9);
    // box edges: columns of ink as tall as a box; a letter (10 pt) is shorter
    const tall = Math.round(0.8 * shape.boxH * s);
    expect(tallColumns(g, tall)).toBeGreaterThan(2 * 80);
    expect(tallColumns(gray, tall)).toBe(0);
    // the letters stay: the page keeps ink outside the edges and rules (the letters, the captions)
    const letters = inkIn(gray, 0, 0, gray.width, gray.height);
    expect(letters).toBeGreaterThan(0.3 * inkIn(g, 0, 0, g.width, g.height));
  });

  it('leaves a page without combs as it is: a table, underlines, a row of tall letters on a rule', async () => {
    const p = new PageBuilder();
    const style = { font: 'sans' as const, size: 10 };
    // a table: columns an inch and more apart
    for (let r = 0; r <= 4; r++) p.line(40, 80 + r * 16, 460, 80 + r * 16, 0.6);
    for (const x of [40, 140, 260, 380, 460]) p.line(x, 80, x, 144, 0.6);
    for (let r = 0; r < 4; r++) p.text(44, 92 + r * 16, `Line ${r + 1}   (212) 555-01${r}4   Local service`, style);
    // a signature line, and a row of I's and 1's standing on an underline
    p.line(40, 200, 300, 200, 0.6);
    p.text(40, 200.4, 'IIII 1111 llll IIII', { font: 'mono', size: 12 });
    p.text(40, 240, 'Account number: 1171-4411-01   Date: 11/14/2025', style);
    const g = await grayOf(renderScanPage(p.build(), 11, { rotation: 0, blur: 0.6, noise: 12 }));
    const r = eraseCombBoxes(g, 300);
    expect(r.combs).toBe(0);
    expect(r.gray).toBe(g);
    // nothing moved: words are boxed where tesseract read them
    expect(combMoveBack(r.moved)).toBeNull();
  });

  it('shows a value read packed on the page over the boxes it was printed in', { timeout: 240_000 }, async () => {
    const engine = new OcrEngine(DEFAULT_PREPROCESS);
    const s = 300 / 72;
    try {
      for (const [k, shape] of [SHAPES[0]!, SHAPES[1]!].entries()) {
        const img = renderScanPage(combForm(shape).build(), 41 + k, { rotation: 0, blur: 0.6, noise: 10 });
        // where the scanner put the page: the name comb's first box edge, drawn at x = 40 pt
        const dx = firstEdge(await grayOf(img), Math.round(40 * s) - 30, 100, shape) / s - 40;
        const r = await engine.run({ kind: 'image', bytes: img, mime: 'image/jpeg', frame: 0 });
        const page: PageText = { page: 1, width: r.width, height: r.height, method: 'ocr', words: r.words };
        const evidence = (text: string) => {
          const w = r.words.find((x) => x.text === text);
          expect(w, `${shape.font}: ${text}`).toBeDefined();
          // the extractor reads the words where they were read and shows them where they are printed
          return movedBack({ page: 1, bbox: w!.bbox }, readerMoved([{ ...page, moved: r.moved ?? [] }])).bbox!;
        };
        const left = 40 + dx,
          zip = left + 16 * shape.pitch;
        // each word from its first box's left edge to its last box's right edge (within a point:
        // four pixels), not where the packing set its letters
        for (const [text, from, boxes] of [
          ['ILLINI', left, 6],
          ['ELLIOTT', left, 7],
          ['61701', zip, 5],
          ['1171-4411-01', left, 12],
        ] as const) {
          const b = evidence(text);
          expect(Math.abs(b[0] - from), `${shape.font} ${text} left`).toBeLessThan(1);
          expect(Math.abs(b[2] - (from + boxes * shape.pitch)), `${shape.font} ${text} right`).toBeLessThan(1);
        }
        // words off the combs are shown where they were read
        for (const text of ['PLEASE', 'Customer', 'Account', 'ZIP'])
          expect(evidence(text)).toEqual(r.words.find((x) => x.text === text)!.bbox);
      }
    } finally {
      await engine.close();
    }
  });

  it('reads the "(" a form prints before an area code\'s boxes with the number it opens', {
    timeout: 240_000,
  }, async () => {
    const numbers = ['3855550101', '8015550199', '2125550144', '9075550123'];
    const engine = new OcrEngine(DEFAULT_PREPROCESS);
    try {
      for (const [k, shape] of [SHAPES[0]!, SHAPES[1]!].entries()) {
        const r = await ocrScanned(engine, phoneForm(shape, numbers).build(), 51 + k, {
          rotation: 0,
          blur: 0.6,
          noise: 12,
        });
        const texts = r.words.map((w) => w.text);
        // one word each, no gap after the "(" (read "( 385)", or "(1385)" where the gap read as a letter)
        for (const n of numbers)
          expect(texts, `${shape.font}: ${n}`).toContain(`(${n.slice(0, 3)})${n.slice(3, 6)}-${n.slice(6)}`);
      }
    } finally {
      await engine.close();
    }
  });

  it('moves no word on a page without combs', { timeout: 120_000 }, async () => {
    const p = new PageBuilder();
    p.line(40, 100, 300, 100, 0.6);
    p.text(40, 96, 'Customer name: ILLINI TILE 1 LLC   (212) 555-0144', { font: 'sans', size: 10 });
    const engine = new OcrEngine(DEFAULT_PREPROCESS);
    try {
      const r = await engine.run({ kind: 'image', bytes: renderScanPage(p.build(), 3), mime: 'image/jpeg', frame: 0 });
      expect(r.words.map((w) => w.text)).toContain('ILLINI');
      expect(r.moved).toBeUndefined();
    } finally {
      await engine.close();
    }
  });
});

/**
 * The first column from x on with a dark run down it as long as a comb's tick (0.4 of a box) near
 * the rule at `ruleY` (pt): a comb's first edge (the caption's letters under the rule are shorter).
 */
function firstEdge(g: Gray, x: number, ruleY: number, shape: CombShape): number {
  const s = 300 / 72;
  const need = Math.round(0.35 * shape.boxH * s);
  const y0 = Math.round((ruleY - shape.boxH) * s) - 20,
    y1 = Math.round((ruleY + 4) * s) + 20;
  for (; x < g.width; x++) {
    let run = 0;
    for (let y = y0; y < y1; y++) {
      run = g.data[y * g.width + x]! < 128 ? run + 1 : 0;
      if (run >= need) return x;
    }
  }
  return -1;
}
