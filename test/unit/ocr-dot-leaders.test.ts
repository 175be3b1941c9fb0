import { describe, expect, it } from 'vitest';
import { eraseDotLeaders } from '../../electron/core/ocr/dot-leaders.js';
import { DEFAULT_PREPROCESS, OcrEngine } from '../../electron/core/ocr/engine.js';
import type { Gray } from '../../electron/core/ocr/preprocess.js';
import { renderScanPage } from '../fixtures/generator/image.js';
import { type FontKey, PageBuilder, textWidth } from '../fixtures/generator/layout.js';
import { grayOf, inkIn } from '../helpers/gray.js';
import { expectRowsRead, ocrScanned } from '../helpers/scan-read.js';

/** A CSR's header block: each label, a row of periods to a column, the value there. */
const ROWS: [string, string][] = [
  ['COMPANY NAME', 'Sunbelt Accounting Services Co.'],
  ['ACCOUNT NO.', '8731 96 301 4240451'],
  ['AUTHORIZED CONTACT', 'Wei Dubois'],
  ['PIN/PASSCODE', '0414'],
];

function leaderPage(font: FontKey, size: number): PageBuilder {
  const p = new PageBuilder();
  const valueAt = 300;
  ROWS.forEach(([label, value], i) => {
    const y = 80 + i * 20;
    p.text(40, y, label, { font: `${font}-bold` as FontKey, size });
    const from = 40 + textWidth(label, `${font}-bold` as FontKey, size) + 6;
    const dots = Math.floor((valueAt - 6 - from) / textWidth('.', font, size));
    p.text(from, y, '.'.repeat(dots), { font, size });
    p.text(valueAt, y, value, { font, size });
  });
  return p;
}

describe('dot leaders', () => {
  it('reads label and value as words of their own, the leader between them gone', { timeout: 120_000 }, async () => {
    const engine = new OcrEngine(DEFAULT_PREPROCESS);
    try {
      for (const [k, [font, size]] of (
        [
          ['serif', 10],
          ['sans', 9],
        ] as const
      ).entries()) {
        const r = await ocrScanned(engine, leaderPage(font, size).build(), 61 + k, {
          rotation: k ? -0.8 : 0.6,
          blur: 0.8,
          noise: 17,
          jpegQuality: 60,
        });
        const texts = r.words.map((w) => w.text);
        expectRowsRead(texts, ROWS, font);
        // no leftover run of dots read as its own word
        expect(texts.filter((t) => /\.{3,}|^[.,:;'`-]{2,}$/.test(t))).toEqual([]);
      }
    } finally {
      await engine.close();
    }
  });

  it('erases the leader dots and leaves the label and value ink', async () => {
    const g = await grayOf(renderScanPage(leaderPage('serif', 10).build(), 7, { rotation: 0, blur: 0.6, noise: 12 }));
    const s = 300 / 72;
    const before = inkIn(g, Math.round(200 * s), Math.round(96 * s), Math.round(290 * s), Math.round(102 * s));
    expect(before).toBeGreaterThan(40);
    const { gray, erased } = eraseDotLeaders(g, 300);
    expect(erased).toBeGreaterThan(4 * 20);
    // the second row's leader, under the value column's left
    expect(inkIn(gray, Math.round(200 * s), Math.round(96 * s), Math.round(290 * s), Math.round(102 * s))).toBeLessThan(
      before / 10,
    );
    // labels and values keep every pixel
    const label = [Math.round(40 * s), Math.round(88 * s), Math.round(120 * s), Math.round(102 * s)] as const;
    const value = [Math.round(300 * s), Math.round(88 * s), Math.round(420 * s), Math.round(102 * s)] as const;
    expect(inkIn(gray, ...label)).toBe(inkIn(g, ...label));
    expect(inkIn(gray, ...value)).toBe(inkIn(g, ...value));
  });

  it("erases a leader whole when the scan lost some of its dots (a light face's small, faint dots)", async () => {
    // every ninth dot lost: the leader's middle stretches have no text at either end
    for (const [font, size, seed] of [
      ['sans', 10, 11],
      ['serif', 9, 12],
    ] as const) {
      const p = new PageBuilder();
      ROWS.forEach(([label, value], i) => {
        const y = 80 + i * 20;
        p.text(40, y, label, { font, size });
        const from = 40 + textWidth(label, font, size) + 6;
        const dot = textWidth('.', font, size);
        const dots = Math.floor((294 - from) / dot);
        for (let k = 0; k < dots; k++) if (k % 9 !== 4) p.text(from + k * dot, y, '.', { font, size });
        p.text(300, y, value, { font, size });
      });
      const g = await grayOf(renderScanPage(p.build(), seed, { rotation: 0, blur: 0.6, noise: 12 }));
      const { gray } = eraseDotLeaders(g, 300);
      const s = 300 / 72;
      ROWS.forEach(([label], i) => {
        const y = 80 + i * 20;
        const box = [
          Math.round((40 + textWidth(label, font, size) + 8) * s),
          Math.round((y - 4) * s),
          Math.round(292 * s),
          Math.round((y + 2) * s),
        ] as const;
        expect(inkIn(g, ...box), `${font} ${label}`).toBeGreaterThan(20);
        expect(inkIn(gray, ...box), `${font} ${label}`).toBeLessThan(inkIn(g, ...box) / 10);
      });
    }
  });

  it('leaves decimal points, an ellipsis, dotted i-s, a period and a dotted border alone', async () => {
    const p = new PageBuilder();
    const style = { font: 'serif' as const, size: 10 };
    p.text(40, 80, 'Amount due $1,234.56 and $7.05 then 3.1.4.1.5 total 12.50.', style);
    p.text(40, 100, 'Wait... then go on. Then more... and so on...', style);
    p.text(40, 120, 'Hawaiian skiiiiing iiiiiiii in Ohio.', style);
    // a dotted rule between rows: no text stands at its ends on its line
    p.text(40, 131, '.'.repeat(90), style);
    p.text(40, 150, 'Next row of the table', style);
    const g = await grayOf(renderScanPage(p.build(), 9, { rotation: 0, blur: 0.6, noise: 12 }));
    expect(eraseDotLeaders(g, 300).erased).toBe(0);
  });
});
