import { createCanvas, GlobalFonts } from '@napi-rs/canvas';
import { zipSync, strToU8 } from 'fflate';
import { createRequire } from 'node:module';
import path from 'node:path';
import { PDFDocument, PDFHexString, StandardFonts } from 'pdf-lib';

/*
 * Real documents made on the spot for the documents tests: text PDFs (pdf-lib), scans drawn with
 * @napi-rs/canvas (the font comes from pdfjs-dist, so no system font is needed), TIFFs written by
 * hand, and broken files of every kind a customer sends.
 */

const require = createRequire(import.meta.url);
const FONT = 'PortDeskTestSans';
GlobalFonts.registerFromPath(
  path.join(path.dirname(require.resolve('pdfjs-dist/package.json')), 'standard_fonts', 'LiberationSans-Regular.ttf'),
  FONT,
);

export async function textPdf(pages: string[][]): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  for (const lines of pages) {
    const page = pdf.addPage([612, 792]);
    lines.forEach((line, i) => page.drawText(line, { x: 72, y: 720 - i * 24, size: 12, font }));
  }
  return pdf.save();
}

export interface Scan {
  png: Uint8Array;
  gray: { width: number; height: number; data: Uint8Array };
  /** where each line was drawn, in pixels: [x, top, bottom] */
  lines: { text: string; x: number; top: number; bottom: number }[];
}

/** A page of text as a scanner would give it: 8-bit pixels at `dpi`, black on white. */
export function scan(
  lines: string[],
  opts: { widthIn?: number; heightIn?: number; dpi?: number; fontPt?: number } = {},
): Scan {
  const dpi = opts.dpi ?? 200;
  const w = Math.round((opts.widthIn ?? 8.5) * dpi),
    h = Math.round((opts.heightIn ?? 3) * dpi);
  const px = ((opts.fontPt ?? 12) * dpi) / 72;
  const canvas = createCanvas(w, h);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, w, h);
  ctx.fillStyle = '#000';
  ctx.font = `${px}px ${FONT}`;
  ctx.textBaseline = 'alphabetic';
  const x = Math.round(dpi * 0.75);
  const drawn = lines.map((text, i) => {
    const baseline = Math.round(dpi * 0.75 + i * px * 1.8);
    ctx.fillText(text, x, baseline);
    return { text, x, top: baseline - px * 0.75, bottom: baseline + px * 0.22 };
  });
  const rgba = ctx.getImageData(0, 0, w, h).data;
  const data = new Uint8Array(w * h);
  for (let i = 0; i < data.length; i++) data[i] = rgba[i * 4]!;
  return { png: new Uint8Array(canvas.toBuffer('image/png')), gray: { width: w, height: h, data }, lines: drawn };
}

/** Scans placed full-page in a PDF without any text layer, as a scanner's "scan to PDF" does. */
export async function imagePdf(pngs: Uint8Array[], widthPt = 612): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  for (const png of pngs) {
    const img = await pdf.embedPng(png);
    const h = (img.height / img.width) * widthPt;
    pdf.addPage([widthPt, h]).drawImage(img, { x: 0, y: 0, width: widthPt, height: h });
  }
  return pdf.save();
}

/** Uncompressed 8-bit grayscale TIFF, one directory per page (little-endian, with a resolution). */
export function tiff(pages: { width: number; height: number; data: Uint8Array }[], dpi = 200): Uint8Array {
  const entries = 11;
  const ifdSize = 2 + entries * 12 + 4;
  let size = 8;
  const layout = pages.map((p) => {
    const ifd = size;
    const res = ifd + ifdSize;
    const pixels = res + 16;
    size = pixels + p.data.length + (p.data.length % 2);
    return { ifd, res, pixels };
  });
  const out = new Uint8Array(size);
  const dv = new DataView(out.buffer);
  out.set([0x49, 0x49, 0x2a, 0x00]);
  dv.setUint32(4, 8, true);
  pages.forEach((p, i) => {
    const { ifd, res, pixels } = layout[i]!;
    const next = layout[i + 1]?.ifd ?? 0;
    const tags: [number, number, number, number][] = [
      [256, 4, 1, p.width],
      [257, 4, 1, p.height],
      [258, 3, 1, 8],
      [259, 3, 1, 1],
      [262, 3, 1, 1],
      [273, 4, 1, pixels],
      [277, 3, 1, 1],
      [278, 4, 1, p.height],
      [279, 4, 1, p.data.length],
      [282, 5, 1, res],
      [283, 5, 1, res + 8],
    ];
    dv.setUint16(ifd, entries, true);
    tags.forEach(([tag, type, count, value], k) => {
      const e = ifd + 2 + k * 12;
      dv.setUint16(e, tag, true);
      dv.setUint16(e + 2, type, true);
      dv.setUint32(e + 4, count, true);
      if (type === 3) dv.setUint16(e + 8, value, true);
      else dv.setUint32(e + 8, value, true);
    });
    dv.setUint32(ifd + 2 + entries * 12, next, true);
    for (const o of [res, res + 8]) {
      dv.setUint32(o, dpi, true);
      dv.setUint32(o + 4, 1, true);
    }
    out.set(p.data, pixels);
  });
  // ResolutionUnit defaults to inches.
  return out;
}

/** A PDF written object by object, for structures pdf-lib refuses to make (no pages). */
export function pdfFromObjects(objs: string[]): Uint8Array {
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objs.forEach((o, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objs.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objs.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(out);
}

/** Two pages: the first whole (its text), the second's content stream not deflate data (a damaged download). */
export function pdfWithDamagedSecondPage(text: string): Uint8Array {
  const content = `BT /F1 14 Tf 72 700 Td (${text}) Tj ET`;
  const garbage = 'this is not deflate data, the download was damaged '.repeat(3);
  return pdfFromObjects([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R 5 0 R] /Count 2 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 7 0 R >> >> /Contents 4 0 R >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 7 0 R >> >> /Contents 6 0 R >>',
    `<< /Length ${garbage.length} /Filter /FlateDecode >>\nstream\n${garbage}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ]);
}

export const zeroPagePdf = () =>
  pdfFromObjects(['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [] /Count 0 >>']);

/** Standard security handler, RC4-40, with a user password: no empty password opens it. */
export async function encryptedPdf(): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  pdf.addPage([612, 792]).drawText('Account number 12345', { x: 72, y: 700, size: 12, font });
  const ctx = pdf.context;
  ctx.trailerInfo.Encrypt = ctx.register(
    ctx.obj({
      Filter: 'Standard',
      V: 1,
      R: 2,
      Length: 40,
      P: -44,
      O: PDFHexString.of('7a'.repeat(32)),
      U: PDFHexString.of('3c'.repeat(32)),
    }),
  );
  ctx.trailerInfo.ID = ctx.obj([
    PDFHexString.of('00112233445566778899aabbccddeeff'),
    PDFHexString.of('00112233445566778899aabbccddeeff'),
  ]);
  return pdf.save({ useObjectStreams: false });
}

export async function corruptPdf(): Promise<Uint8Array> {
  const good = await textPdf([['Account number 12345 for a page that will be cut in half']]);
  // Keep the header and a few objects, lose the rest (a download cut short).
  return good.slice(0, Math.floor(good.length * 0.4));
}

/** A valid PNG header claiming 100,000 × 100,000 pixels (40 GB decoded) with almost no data. */
export function bombPng(): Uint8Array {
  const out = new Uint8Array(8 + 25 + 12);
  out.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const dv = new DataView(out.buffer);
  dv.setUint32(8, 13);
  out.set(strToU8('IHDR'), 12);
  dv.setUint32(16, 100_000);
  dv.setUint32(20, 100_000);
  out.set([8, 0, 0, 0, 0], 24);
  dv.setUint32(33, 0); // IEND: length, type, CRC (CRCs are not checked before the size is)
  out.set(strToU8('IEND'), 37);
  return out;
}

export const wordDocument = () =>
  zipSync({
    '[Content_Types].xml': strToU8('<?xml version="1.0"?><Types/>'),
    'word/document.xml': strToU8('<w:document><w:body>Letter of Authorization</w:body></w:document>'),
  });

export const b64 = (b: Uint8Array) => Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('base64');
