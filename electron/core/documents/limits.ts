import { AppError } from '../../../shared/contract/rpc.js';
import type { ReadableMime } from './sniff.js';

/**
 * Every limit on what PortDesk will read, in one table. A porting document is a few pages of
 * letter/A4; these leave generous room for that while refusing files that would exhaust memory.
 */
export const LIMITS = {
  /** bytes of one file */
  maxBytes: 50 * 1024 * 1024,
  maxPages: 100,
  /** pixels of one image or one TIFF page: 600-dpi legal (5100 × 8400 = 43 MP) fits */
  maxPixels: 50_000_000,
  /** longest side of one image in pixels (a 1 × 49,999,999 strip is also a bomb) */
  maxSide: 20_000,
  /** resolution PDF pages without a text layer are rendered at for OCR */
  renderDpi: 300,
  /** the longest side of a rendered page in pixels, so a poster-sized PDF page cannot explode */
  maxRenderSide: 6000,
} as const;

const mb = (n: number) => `${Math.round((n / 1024 / 1024) * 10) / 10} MB`;

export function checkSize(bytes: number): void {
  if (bytes > LIMITS.maxBytes) {
    throw new AppError(
      'FILE_TOO_LARGE',
      `The file is ${mb(bytes)}; PortDesk reads files up to ${mb(LIMITS.maxBytes)}. Ask for a smaller scan (300 dpi, black and white) or split the PDF.`,
      { bytes, limit: LIMITS.maxBytes },
    );
  }
}

export function checkPageCount(pages: number): void {
  if (pages === 0) {
    throw new AppError('FILE_UNREADABLE', 'The PDF has no pages. Ask the customer for the document again.');
  }
  if (pages > LIMITS.maxPages) {
    throw new AppError(
      'FILE_TOO_LARGE',
      `The document has ${pages} pages; PortDesk reads up to ${LIMITS.maxPages}. Attach only the pages that matter (the LOA, the latest bill, the CSR).`,
      { pages, limit: LIMITS.maxPages },
    );
  }
}

export function checkDimensions(width: number, height: number, where = 'The image'): void {
  if (!(width > 0 && height > 0)) {
    throw new AppError(
      'FILE_UNREADABLE',
      `${where} says it is ${width} × ${height} pixels, which cannot be right: the file is damaged.`,
    );
  }
  if (width * height > LIMITS.maxPixels || Math.max(width, height) > LIMITS.maxSide) {
    throw new AppError(
      'FILE_TOO_LARGE',
      `${where} is ${width} × ${height} pixels (${Math.round((width * height) / 1e6)} megapixels); PortDesk reads up to ${LIMITS.maxPixels / 1e6} megapixels and ${LIMITS.maxSide} pixels a side. Rescan at 300 dpi.`,
      { width, height, limit: LIMITS.maxPixels },
    );
  }
}

export function encryptedPdfError(): AppError {
  return new AppError(
    'FILE_UNREADABLE',
    'The PDF is password-protected: ask the customer for an unprotected copy or print it to PDF.',
    { reason: 'encrypted' },
  );
}

export function corruptPdfError(detail: string): AppError {
  return new AppError(
    'FILE_UNREADABLE',
    `The PDF is damaged and cannot be read (${detail}). Ask the customer to send it again, or open it in a viewer and print it to a new PDF.`,
    { reason: 'corrupt' },
  );
}

export function corruptImageError(kind: string, detail: string): AppError {
  return new AppError(
    'FILE_UNREADABLE',
    `The ${kind} image is damaged and cannot be read (${detail}). Ask for the scan again.`,
    { reason: 'corrupt' },
  );
}

export interface ImageHeader {
  width: number;
  height: number;
  /** dots per inch when the file says so */
  dpi: number | null;
  /** number of pages (TIFF); 1 otherwise */
  frames: number;
}

/**
 * Dimensions from the header alone, BEFORE anything decodes pixels: a 200-byte PNG can claim
 * 100,000 × 100,000 pixels and would take 40 GB to decode.
 */
export function imageHeader(b: Uint8Array, mime: Exclude<ReadableMime, 'application/pdf'>): ImageHeader {
  const dv = new DataView(b.buffer, b.byteOffset, b.byteLength);
  if (mime === 'image/png') return pngHeader(b, dv);
  if (mime === 'image/jpeg') return jpegHeader(b, dv);
  return tiffHeader(dv);
}

function pngHeader(b: Uint8Array, dv: DataView): ImageHeader {
  if (b.length < 33 || String.fromCharCode(...b.subarray(12, 16)) !== 'IHDR')
    throw corruptImageError('PNG', 'no IHDR header');
  const width = dv.getUint32(16),
    height = dv.getUint32(20);
  let dpi: number | null = null;
  // pHYs usually sits right after IHDR; walk chunks until IDAT without reading pixel data.
  let at = 8;
  while (at + 8 <= b.length) {
    const len = dv.getUint32(at);
    const type = String.fromCharCode(...b.subarray(at + 4, at + 8));
    if (type === 'IDAT' || type === 'IEND') break;
    if (type === 'pHYs' && at + 17 <= b.length && b[at + 16] === 1) {
      dpi = Math.round(dv.getUint32(at + 8) * 0.0254);
    }
    at += 12 + len;
  }
  return { width, height, dpi, frames: 1 };
}

function jpegHeader(b: Uint8Array, dv: DataView): ImageHeader {
  let at = 2,
    dpi: number | null = null;
  while (at + 4 <= b.length) {
    if (b[at] !== 0xff) {
      at++;
      continue;
    }
    const marker = b[at + 1]!;
    if (marker === 0xff) {
      at++;
      continue;
    }
    if (marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      at += 2;
      continue;
    }
    const len = dv.getUint16(at + 2);
    if (marker === 0xe0 && String.fromCharCode(...b.subarray(at + 4, at + 9)) === 'JFIF\0' && at + 16 <= b.length) {
      const units = b[at + 11],
        xd = dv.getUint16(at + 12);
      if (units === 1) dpi = xd;
      else if (units === 2) dpi = Math.round(xd * 2.54);
    }
    // SOF0..SOF15 except DHT (C4), JPG (C8), DAC (CC)
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      if (at + 9 > b.length) break;
      return { height: dv.getUint16(at + 5), width: dv.getUint16(at + 7), dpi, frames: 1 };
    }
    if (marker === 0xda) break;
    at += 2 + len;
  }
  throw corruptImageError('JPEG', 'no frame header');
}

export interface TiffPage {
  width: number;
  height: number;
  dpi: number | null;
  /**
   * How many times taller than wide the page's pixels are: XResolution / YResolution (a fax sent in
   * standard mode, 204 × 98 dpi, is about 2.08); 1 when either is absent or has no unit.
   */
  pixelAspect: number;
  compression: number;
  bitsPerSample: number;
  samplesPerPixel: number;
  photometric: number;
  /** every other tag, raw, for the decoder */
  tags: Map<number, number[]>;
}

/** Bytes per value of each TIFF field type (BigTIFF's 8-byte types included). */
export const TIFF_TYPE_SIZE: Record<number, number> = {
  1: 1,
  2: 1,
  3: 2,
  4: 4,
  5: 8,
  6: 1,
  7: 1,
  8: 2,
  9: 4,
  10: 8,
  11: 4,
  12: 8,
  16: 8,
  17: 8,
  18: 8,
};

/** Reads every IFD of a TIFF (the page list) without touching the strips. */
export function tiffPages(dv: DataView): TiffPage[] {
  if (dv.byteLength < 8) throw corruptImageError('TIFF', 'truncated header');
  const le = dv.getUint8(0) === 0x49;
  const u16 = (o: number) => dv.getUint16(o, le);
  const u32 = (o: number) => dv.getUint32(o, le);
  const pages: TiffPage[] = [];
  let ifd = u32(4);
  const seen = new Set<number>();
  while (ifd !== 0) {
    if (seen.has(ifd) || ifd + 2 > dv.byteLength) throw corruptImageError('TIFF', 'bad page directory');
    seen.add(ifd);
    if (pages.length >= LIMITS.maxPages) {
      throw new AppError(
        'FILE_TOO_LARGE',
        `The TIFF has more than ${LIMITS.maxPages} pages; attach only the pages that matter.`,
      );
    }
    const n = u16(ifd);
    if (ifd + 2 + n * 12 + 4 > dv.byteLength) throw corruptImageError('TIFF', 'truncated page directory');
    const tags = new Map<number, number[]>();
    for (let i = 0; i < n; i++) {
      const e = ifd + 2 + i * 12;
      const tag = u16(e),
        type = u16(e + 2),
        count = u32(e + 4);
      const size = TIFF_TYPE_SIZE[type] ?? 1;
      const inline = size * count <= 4;
      const base = inline ? e + 8 : u32(e + 8);
      const values: number[] = [];
      // Only numeric tags matter here; cap the count so a hostile count cannot allocate gigabytes.
      const take = Math.min(count, 1_000_000);
      if (type === 2 || base + size * take > dv.byteLength) {
        tags.set(tag, []);
        continue;
      }
      for (let k = 0; k < take; k++) {
        const o = base + k * size;
        if (type === 3 || type === 8) values.push(u16(o));
        else if (type === 4 || type === 9 || type === 16) values.push(u32(o));
        else if (type === 5 || type === 10) {
          const den = u32(o + 4);
          values.push(den ? u32(o) / den : 0);
        } else values.push(dv.getUint8(o));
      }
      tags.set(tag, values);
    }
    const first = (t: number, d: number) => tags.get(t)?.[0] ?? d;
    const unit = first(296, 2),
      xres = first(282, 0),
      yres = first(283, 0);
    pages.push({
      width: first(256, 0),
      height: first(257, 0),
      dpi: xres > 0 ? Math.round(unit === 3 ? xres * 2.54 : unit === 2 ? xres : 0) || null : null,
      pixelAspect: xres > 0 && yres > 0 && (unit === 2 || unit === 3) ? xres / yres : 1,
      compression: first(259, 1),
      bitsPerSample: first(258, 1),
      samplesPerPixel: first(277, 1),
      photometric: first(262, 0),
      tags,
    });
    ifd = u32(ifd + 2 + n * 12);
  }
  if (pages.length === 0) throw corruptImageError('TIFF', 'no pages');
  return pages;
}

function tiffHeader(dv: DataView): ImageHeader {
  const pages = tiffPages(dv);
  const p = pages[0]!;
  return { width: p.width, height: p.height, dpi: p.dpi, frames: pages.length };
}

/**
 * Image pixels → PDF points. A scanner writes its dpi; a phone photo often says 72 or nothing, which
 * would make a letter page 3 feet wide, so then the page is assumed to be letter-width.
 */
export function pointsPerPixel(widthPx: number, dpi: number | null): number {
  if (dpi !== null && dpi >= 100 && dpi <= 1200) return 72 / dpi;
  return 612 / widthPx;
}
