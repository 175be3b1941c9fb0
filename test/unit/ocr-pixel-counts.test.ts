import { createCanvas } from '@napi-rs/canvas';
import { describe, expect, it } from 'vitest';
import { histogram, otsuThreshold, toGray, type Gray } from '../../electron/core/ocr/preprocess.js';
import { unreadInk } from '../../electron/core/ocr/unread-ink.js';

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

/** A white page with black bars: `bars` as [x, y, w, h]. */
function page(w: number, h: number, bars: [number, number, number, number][]) {
  const c = createCanvas(w, h);
  const ctx = c.getContext('2d');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, w, h);
  ctx.fillStyle = '#000';
  for (const [x, y, bw, bh] of bars) ctx.fillRect(x, y, bw, bh);
  return c;
}

describe('a page drawn into the last page’s pixels (the engine reuses them page after page)', () => {
  it('is the new page, and its gray-level counts are the new page’s, not the last one’s', () => {
    const first = toGray(page(101, 60, [[10, 10, 50, 20]]), 101, 60);
    const before = Array.from(histogram(first.data));
    const next = toGray(page(101, 60, [[0, 0, 101, 45]]), 101, 60, first.data);
    expect(next.data).toBe(first.data);
    const fresh = toGray(page(101, 60, [[0, 0, 101, 45]]), 101, 60);
    expect(Array.from(next.data)).toEqual(Array.from(fresh.data));
    expect(Array.from(histogram(next.data))).toEqual(Array.from(histogram(fresh.data)));
    expect(Array.from(histogram(next.data))).not.toEqual(before);
    // a buffer of another size is not written into
    expect(toGray(page(50, 60, []), 50, 60, first.data).data).not.toBe(first.data);
  });
});

describe('unread ink (four paper pixels a load where it can)', () => {
  it('finds the same stretches on a page whose pixels start off a 4-byte boundary', () => {
    // print-sized "words" (runs of letter-sized bars) on a 301-pixel-wide page, one of them read
    const bars: [number, number, number, number][] = [];
    // half-pixel edges: gray between the ink and the paper, as printed letters have
    for (const [x0, y] of [
      [13, 20],
      [150, 20],
      [41, 90],
    ] as const)
      for (let k = 0; k < 6; k++) bars.push([x0 + k * 14 + 0.5, y + 0.5, 9, 24]);
    const aligned = toGray(page(301, 140, bars), 301, 140);
    const shifted = new Uint8Array(aligned.data.length + 1);
    shifted.set(aligned.data, 1);
    const off: Gray = { ...aligned, data: shifted.subarray(1) };
    const words = [{ text: 'read', conf: 90, bbox: { x0: 13, y0: 20, x1: 13 + 5 * 14 + 9, y1: 44 } }];
    const found = unreadInk(aligned, words, 8);
    expect(found.length).toBe(2);
    expect(unreadInk(off, words, 8)).toEqual(found);
  });
});
