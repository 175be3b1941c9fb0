import { createCanvas, loadImage } from '@napi-rs/canvas';
import { type Gray, toGray } from '../../electron/core/ocr/preprocess.js';

/** A rendered scan (JPEG bytes) as the OCR preprocessing's grayscale page, on white paper. */
export async function grayOf(jpeg: Uint8Array): Promise<Gray> {
  const img = await loadImage(Buffer.from(jpeg));
  const c = createCanvas(img.width, img.height);
  const ctx = c.getContext('2d');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, img.width, img.height);
  ctx.drawImage(img, 0, 0);
  return toGray(c, img.width, img.height);
}

/** Dark pixels (ink) in a rectangle of a grayscale page. */
export function inkIn(g: Gray, x0: number, y0: number, x1: number, y1: number): number {
  let n = 0;
  for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) if (g.data[y * g.width + x]! < 128) n++;
  return n;
}
