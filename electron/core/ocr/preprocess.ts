import type { Canvas } from '@napi-rs/canvas';

/** 8-bit grayscale page, row-major, 0 = black. */
export interface Gray {
  width: number;
  height: number;
  data: Uint8Array;
}

export function toGray(canvas: Canvas, width: number, height: number): Gray {
  const rgba = canvas.getContext('2d').getImageData(0, 0, width, height).data;
  const data = new Uint8Array(width * height);
  for (let i = 0, j = 0; i < data.length; i++, j += 4) {
    // Rec. 601 luma in integer arithmetic; alpha is ignored (pages are drawn on white).
    data[i] = (rgba[j]! * 77 + rgba[j + 1]! * 150 + rgba[j + 2]! * 29) >> 8;
  }
  return { width, height, data };
}

/** Binary PGM: Leptonica reads it with no decoding cost, unlike PNG which costs ~0.3 s a page in WASM. */
export function toPgm(g: Gray): Uint8Array {
  const header = new TextEncoder().encode(`P5\n${g.width} ${g.height}\n255\n`);
  const out = new Uint8Array(header.length + g.data.length);
  out.set(header, 0);
  out.set(g.data, header.length);
  return out;
}

export function otsuThreshold(data: Uint8Array): number {
  const hist = new Float64Array(256);
  for (const v of data) hist[v]!++;
  const total = data.length;
  let sum = 0;
  for (let i = 0; i < 256; i++) sum += i * hist[i]!;
  let sumB = 0, wB = 0, best = 0, threshold = 127;
  for (let t = 0; t < 256; t++) {
    wB += hist[t]!;
    if (wB === 0) continue;
    const wF = total - wB;
    if (wF === 0) break;
    sumB += t * hist[t]!;
    const mB = sumB / wB, mF = (sum - sumB) / wF;
    const between = wB * wF * (mB - mF) ** 2;
    if (between > best) { best = between; threshold = t; }
  }
  return threshold;
}

export function binarizeOtsu(g: Gray): Gray {
  const t = otsuThreshold(g.data);
  const data = new Uint8Array(g.data.length);
  for (let i = 0; i < data.length; i++) data[i] = g.data[i]! <= t ? 0 : 255;
  return { ...g, data };
}

/**
 * Skew of the text lines in degrees (positive: lines fall to the right), ±5° at most, by
 * maximising the sharpness of the horizontal projection profile of dark pixels on a downsampled copy.
 */
export function estimateSkew(g: Gray, maxDeg = 5): number {
  const f = Math.max(1, Math.round(g.width / 700));
  const w = Math.floor(g.width / f), h = Math.floor(g.height / f);
  const small = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      // min over the block keeps thin strokes visible after downsampling
      let m = 255;
      for (let yy = 0; yy < f; yy++) {
        const row = (y * f + yy) * g.width + x * f;
        for (let xx = 0; xx < f; xx++) { const v = g.data[row + xx]!; if (v < m) m = v; }
      }
      small[y * w + x] = m;
    }
  }
  const t = otsuThreshold(small);
  const xs: number[] = [], ys: number[] = [];
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) if (small[y * w + x]! <= t) { xs.push(x - w / 2); ys.push(y); }
  // A blank page or a page that is mostly black (photo) has no lines to align.
  if (xs.length < 200 || xs.length > w * h * 0.5) return 0;
  const stride = Math.max(1, Math.floor(xs.length / 60_000));
  const bins = new Float64Array(h + 2 * Math.ceil(w * Math.tan((maxDeg * Math.PI) / 180)) + 4);
  const offset = (bins.length - h) / 2;
  const score = (deg: number) => {
    bins.fill(0);
    const tan = Math.tan((deg * Math.PI) / 180);
    for (let i = 0; i < xs.length; i += stride) {
      const b = Math.round(ys[i]! - xs[i]! * tan + offset);
      if (b >= 0 && b < bins.length) bins[b]!++;
    }
    let s = 0;
    for (const v of bins) s += v * v;
    return s;
  };
  let best = 0, bestScore = score(0);
  for (let d = -maxDeg; d <= maxDeg + 1e-9; d += 0.25) {
    const s = score(d);
    if (s > bestScore * 1.0001) { best = d; bestScore = s; }
  }
  for (let d = best - 0.25; d <= best + 0.25 + 1e-9; d += 0.05) {
    const s = score(d);
    if (s > bestScore) { best = d; bestScore = s; }
  }
  return Math.round(best * 100) / 100;
}
