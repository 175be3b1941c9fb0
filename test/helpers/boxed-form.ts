import type { PageBuilder, TextStyle } from '../fixtures/generator/layout.js';

/* A porting desk's form of ruled boxes, drawn by hand for the tests of numbered and response forms. */

/** A box's caption (small, at its top) and a value's typed lines. */
export const BOX_CAPTION: TextStyle = { font: 'sans', size: 6.5 };
export const BOX_VALUE: TextStyle = { font: 'mono', size: 9 };

export type Box = [caption: string, ...lines: string[]];

/** Rows of ruled boxes across x 40–572 from y: each caption at its box's top, its lines typed under it. */
export function boxes(p: PageBuilder, y: number, rows: Box[][]): number {
  for (const row of rows) {
    const w = 532 / row.length;
    const h = 12 + Math.max(...row.map((b) => b.length - 1), 1) * 11;
    row.forEach(([cap, ...lines], i) => {
      const x = 40 + i * w;
      p.rect(x, y, w, h, { stroke: true });
      p.text(x + 2.5, y + 8, cap, BOX_CAPTION);
      lines.forEach((l, j) => p.text(x + 6, y + 19 + j * 11, l, BOX_VALUE));
    });
    y += h;
  }
  return y;
}
