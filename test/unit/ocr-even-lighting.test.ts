import { describe, expect, it } from 'vitest';
import { evenLighting, type Gray } from '../../electron/core/ocr/preprocess.js';
import { invertReverseVideo } from '../../electron/core/ocr/reverse-video.js';

/** A page lit from the left: paper 240 at the left edge falling to ~150 at the right. */
function unevenPage(width: number, height: number): Gray {
  const data = new Uint8Array(width * height);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) data[y * width + x] = Math.round(240 - (90 * x) / width);
  return { width, height, data };
}
const lit = (g: Gray, x: number, y: number) => Math.round(240 - (90 * x) / g.width);
const paint = (g: Gray, x0: number, y0: number, x1: number, y1: number, v: number) => {
  for (let y = y0; y < y1; y++)
    for (let x = x0; x < x1; x++) g.data[y * g.width + x] = Math.round((v * lit(g, x, y)) / 240);
};
const at = (g: Gray, x: number, y: number) => g.data[y * g.width + x]!;

describe('even lighting and dark fills', () => {
  it('keeps a caption band dark (its white caption readable) on a page lit unevenly, and still whitens a copier border', () => {
    const g = unevenPage(2400, 3000);
    paint(g, 0, 0, 2400, 150, 30); // a copier's dark border along the top edge
    paint(g, 300, 600, 2100, 700, 70); // a dark band inside the page
    for (let x = 330; x < 1200; x += 30) paint(g, x, 625, x + 8, 675, 245); // its white letters
    const r = evenLighting(g, 300);
    expect(r.applied).toBe(true);
    expect(at(r.gray, 1200, 30)).toBe(255); // the border is paper
    expect(at(r.gray, 1800, 650)).toBeLessThan(110); // the band's fill stays dark
    expect(at(r.gray, 1800, 1500)).toBeGreaterThan(225); // the dim paper is made even
    // and its caption is then turned into dark letters on paper
    const turned = invertReverseVideo(r.gray, 300);
    expect(turned.inverted).toBe(1);
    expect(at(turned.gray, 334, 650)).toBeLessThan(60);
    expect(at(turned.gray, 1800, 650)).toBeGreaterThan(200);
  });
});
