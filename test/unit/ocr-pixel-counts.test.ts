import { describe, expect, it } from 'vitest';
import { histogram, otsuThreshold } from '../../electron/core/ocr/preprocess.js';

/*
 * The page's gray-level counts (histogram) are taken four pixels a 32-bit load: a view that starts
 * or ends off a 4-byte boundary (a crop, a page whose width is odd) must count every pixel once.
 */
describe("a page's gray-level counts", () => {
  it('count every pixel once, whatever the view’s offset and length', () => {
    const buf = new Uint8Array(4099);
    let s = 17;
    for (let i = 0; i < buf.length; i++) {
      s = (s * 1103515245 + 12345) & 0x7fffffff;
      buf[i] = i % 11 === 0 ? 255 : s & 255;
    }
    for (const [from, to] of [
      [0, 4099],
      [1, 4099],
      [2, 4001],
      [3, 7],
      [5, 6],
      [0, 0],
    ] as const) {
      const view = buf.subarray(from, to);
      const naive = new Uint32Array(256);
      for (const v of view) naive[v]!++;
      expect(Array.from(histogram(view))).toEqual(Array.from(naive));
    }
  });

  it("split a page of ink on paper between them (Otsu's threshold)", () => {
    const page = new Uint8Array(10_001).fill(240);
    for (let i = 0; i < 1500; i++) page[i * 6 + 1] = 25;
    const t = otsuThreshold(page.subarray(1));
    expect(t).toBeGreaterThanOrEqual(25);
    expect(t).toBeLessThan(240);
  });
});
