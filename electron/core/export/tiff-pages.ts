import { unzlibSync, zlibSync } from 'fflate';

/*
 * TIFF pages (fax and office scanners) for the packet. pdf-lib places only PNG and JPEG, so the
 * strips of each page are decoded here (none, PackBits, LZW, Deflate; horizontal predictor) into
 * plain samples that go into the PDF as one Flate-compressed image at the page's own pixel size and
 * resolution. Fax-style CCITT G3/G4 and JPEG-in-TIFF are not decoded: the caller says so and the
 * original stays in the ZIP.
 */

export interface TiffRaster {
  width: number;
  height: number;
  /** 1 (bilevel) or 8 */
  bitsPerComponent: number;
  colors: 1 | 3;
  /** true when 0 means white (TIFF WhiteIsZero): the PDF image then gets Decode [1 0] */
  whiteIsZero: boolean;
  /** dots per inch, when recorded */
  dpi: number | null;
  /** zlib-compressed samples, rows padded to whole bytes as TIFF and PDF both expect */
  flate: Uint8Array;
}

export class UnsupportedTiff extends Error {}

interface Ifd {
  get(tag: number): number[] | undefined;
}

function readIfds(b: Uint8Array): Ifd[] {
  const dv = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const le = b[0] === 0x49;
  const u16 = (o: number) => dv.getUint16(o, le);
  const u32 = (o: number) => dv.getUint32(o, le);
  const SIZE: Record<number, number> = { 1: 1, 3: 2, 4: 4, 5: 8, 16: 8 };
  const out: Ifd[] = [];
  const seen = new Set<number>();
  for (
    let at = u32(4);
    at && !seen.has(at) && at + 2 <= b.length && out.length < 10_000;
    at = u32(at + 2 + u16(at) * 12)
  ) {
    seen.add(at);
    const tags = new Map<number, number[]>();
    for (let i = 0; i < u16(at); i++) {
      const e = at + 2 + i * 12;
      const type = u16(e + 2);
      const count = u32(e + 4);
      const size = SIZE[type];
      if (!size || count > 1_000_000) continue;
      const valueAt = size * count <= 4 ? e + 8 : u32(e + 8);
      if (valueAt + size * count > b.length) continue;
      const values: number[] = [];
      for (let k = 0; k < count; k++) {
        const o = valueAt + k * size;
        values.push(type === 1 ? b[o]! : type === 3 ? u16(o) : type === 4 ? u32(o) : u32(o) / (u32(o + 4) || 1));
      }
      tags.set(u16(e), values);
    }
    out.push({ get: (t) => tags.get(t) });
    if (at + 2 + u16(at) * 12 + 4 > b.length) break;
  }
  return out;
}

function packBits(src: Uint8Array, expected: number): Uint8Array {
  const out = new Uint8Array(expected);
  let o = 0;
  for (let i = 0; i < src.length && o < expected; ) {
    const n = (src[i++]! << 24) >> 24;
    if (n >= 0) {
      out.set(src.subarray(i, i + n + 1).subarray(0, expected - o), o);
      o += n + 1;
      i += n + 1;
    } else if (n !== -128) {
      out.fill(src[i++]!, o, Math.min(expected, o - n + 1));
      o += -n + 1;
    }
  }
  return out;
}

/** TIFF LZW: MSB-first codes, 9–12 bits, early change. */
function lzw(src: Uint8Array, expected: number): Uint8Array {
  const out = new Uint8Array(expected);
  let o = 0;
  let bitPos = 0;
  const read = (bits: number) => {
    let v = 0;
    for (let k = 0; k < bits; k++) {
      const byte = src[bitPos >> 3] ?? 0;
      v = (v << 1) | ((byte >> (7 - (bitPos & 7))) & 1);
      bitPos++;
    }
    return v;
  };
  let table: Uint8Array[] = [];
  const reset = () => {
    table = Array.from({ length: 258 }, (_, i) => Uint8Array.of(i));
  };
  reset();
  let prev: Uint8Array | null = null;
  while (o < expected && bitPos < src.length * 8) {
    const width = table.length + 1 >= 2048 ? 12 : table.length + 1 >= 1024 ? 11 : table.length + 1 >= 512 ? 10 : 9;
    const code = read(width);
    if (code === 257) break;
    if (code === 256) {
      reset();
      prev = null;
      continue;
    }
    let entry = table[code];
    if (!entry) {
      if (!prev || code !== table.length) throw new UnsupportedTiff('damaged LZW data');
      entry = new Uint8Array(prev.length + 1);
      entry.set(prev);
      entry[prev.length] = prev[0]!;
    }
    out.set(entry.subarray(0, expected - o), o);
    o += entry.length;
    if (prev && table.length < 4096) {
      const next = new Uint8Array(prev.length + 1);
      next.set(prev);
      next[prev.length] = entry[0]!;
      table.push(next);
    }
    prev = entry;
  }
  return out;
}

export function tiffRasters(b: Uint8Array): TiffRaster[] {
  return readIfds(b).map((ifd) => {
    const one = (t: number, d: number) => ifd.get(t)?.[0] ?? d;
    const width = one(256, 0);
    const height = one(257, 0);
    const bits = one(258, 1);
    const spp = one(277, 1);
    const compression = one(259, 1);
    const photometric = one(262, 0);
    if (!width || !height || width * height > 100_000_000) throw new UnsupportedTiff('a page of unusual size');
    if (compression === 3 || compression === 4 || compression === 2)
      throw new UnsupportedTiff('fax (CCITT) compression');
    if (compression === 6 || compression === 7) throw new UnsupportedTiff('JPEG compression inside TIFF');
    if (![1, 5, 8, 32946, 32773].includes(compression)) throw new UnsupportedTiff(`compression ${compression}`);
    if (
      one(284, 1) !== 1 ||
      !(bits === 1 || bits === 8) ||
      !(spp === 1 || spp === 3 || spp === 4) ||
      (spp > 1 && bits !== 8) ||
      photometric > 2
    ) {
      throw new UnsupportedTiff('this colour layout');
    }
    const rowBytes = Math.ceil((width * bits * spp) / 8);
    const offsets = ifd.get(273) ?? [];
    const counts = ifd.get(279) ?? [];
    const rowsPerStrip = Math.min(one(278, height), height);
    const raw = new Uint8Array(rowBytes * height);
    offsets.forEach((off, i) => {
      const rows = Math.min(rowsPerStrip, height - i * rowsPerStrip);
      if (rows <= 0) return;
      const expected = rows * rowBytes;
      const strip = b.subarray(off, off + (counts[i] ?? 0));
      const data =
        compression === 1
          ? strip.subarray(0, expected)
          : compression === 32773
            ? packBits(strip, expected)
            : compression === 5
              ? lzw(strip, expected)
              : unzlibSync(strip);
      raw.set(data.subarray(0, expected), i * rowsPerStrip * rowBytes);
    });
    if (one(317, 1) === 2 && bits === 8) {
      for (let y = 0; y < height; y++) {
        for (let x = spp; x < rowBytes; x++)
          raw[y * rowBytes + x] = (raw[y * rowBytes + x]! + raw[y * rowBytes + x - spp]!) & 0xff;
      }
    }
    let samples = raw;
    if (spp === 4) {
      // RGBA: the alpha channel is dropped (scans have none worth keeping)
      samples = new Uint8Array(width * height * 3);
      for (let i = 0, j = 0; i < raw.length; i += 4, j += 3) samples.set(raw.subarray(i, i + 3), j);
    }
    const unit = one(296, 2);
    const res = ifd.get(282)?.[0] ?? null;
    const dpi = res && unit === 2 ? res : res && unit === 3 ? res * 2.54 : null;
    return {
      width,
      height,
      bitsPerComponent: bits,
      colors: spp === 1 ? 1 : 3,
      whiteIsZero: photometric === 0,
      dpi,
      flate: zlibSync(samples, { level: 6 }),
    };
  });
}
