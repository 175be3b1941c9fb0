import { createCanvas, loadImage } from '@napi-rs/canvas';
import {
  decodePDFRawStream,
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFName,
  PDFNumber,
  PDFRawStream,
  type PDFPage,
  type PDFRef,
} from 'pdf-lib';
import { toGray, type Gray } from './preprocess.js';

/**
 * Scanned PDF pages — one JPEG drawn over the whole page and nothing else, what every scanner and
 * the fixture scanner write — decoded by Skia (libjpeg-turbo) instead of rendered by pdfjs, whose
 * JPEG decoder is JavaScript: ~1.2 s → ~0.3 s CPU a 300-dpi letter page (a quarter of the page's
 * OCR time), the same pixels within one gray level. Any other page (text or vector art over the
 * image, form fields, a rotated or cropped page, masks, CMYK, an image not covering the page or
 * not at the render's resolution)
 * returns null and pdfjs renders it as before.
 */
export class ScannedPdfPages {
  private doc: { key: string; pdf: Promise<PDFDocument | null> } | null = null;

  /**
   * The page in gray at `scale` (1 = 72 dpi), exactly the size pdfjs' canvas would have
   * (ceil of the viewport), or null when the page is not a plain scan.
   */
  async gray(
    bytes: Uint8Array,
    pageNo: number,
    docKey: string,
    scale: number,
    reuse?: Uint8Array,
  ): Promise<Gray | null> {
    if (this.doc?.key !== docKey)
      this.doc = {
        key: docKey,
        // pdf-lib reads the objects, not the streams' contents: a few ms for a scan of any length
        pdf: PDFDocument.load(bytes, { ignoreEncryption: true, updateMetadata: false }).catch(() => null),
      };
    const pdf = await this.doc.pdf;
    if (!pdf || pdf.isEncrypted) return null;
    try {
      const page = pdf.getPage(pageNo - 1);
      const jpeg = wholePageJpeg(page);
      if (!jpeg) return null;
      const img = await loadImage(Buffer.from(jpeg.bytes.buffer, jpeg.bytes.byteOffset, jpeg.bytes.byteLength));
      // Skia turns a JPEG by its EXIF orientation, pdfjs does not: a turned image is not the page pdfjs draws
      if (img.width !== jpeg.width || img.height !== jpeg.height) return null;
      const { width, height } = page.getMediaBox();
      const vw = width * scale,
        vh = height * scale;
      const W = Math.ceil(vw),
        H = Math.ceil(vh);
      const canvas = createCanvas(W, H);
      // a new canvas is transparent: toGray reads its uncovered edge as white paper
      const ctx = canvas.getContext('2d');
      // an image of another resolution would be resampled, and Skia's resampling is not pdfjs'
      // (edges differ by up to 100 gray levels): those pages stay with pdfjs
      if (Math.abs(img.width - vw) >= 1 || Math.abs(img.height - vh) >= 1) return null;
      ctx.drawImage(img, 0, 0, vw, vh);
      return toGray(canvas, W, H, reuse);
    } catch {
      return null;
    }
  }
}

/** 2D affine matrix [a b c d e f] as PDF writes it. */
type Matrix = [number, number, number, number, number, number];
const multiply = (m: Matrix, n: Matrix): Matrix => [
  m[0] * n[0] + m[1] * n[2],
  m[0] * n[1] + m[1] * n[3],
  m[2] * n[0] + m[3] * n[2],
  m[2] * n[1] + m[3] * n[3],
  m[4] * n[0] + m[5] * n[2] + n[4],
  m[4] * n[1] + m[5] * n[3] + n[5],
];

/**
 * The JPEG of a page whose whole content is that one image stretched over the page (media box at
 * the origin, no crop, no turn, no annotations), or null.
 */
function wholePageJpeg(page: PDFPage): { bytes: Uint8Array; width: number; height: number } | null {
  const node = page.node;
  if (page.getRotation().angle % 360 !== 0 || (node.Annots()?.size() ?? 0) > 0) return null;
  const media = page.getMediaBox(),
    crop = page.getCropBox();
  if (media.x !== 0 || media.y !== 0) return null;
  if (crop.x !== media.x || crop.y !== media.y || crop.width !== media.width || crop.height !== media.height)
    return null;
  const content = contentText(page);
  if (content === null) return null;
  // q, cm, one Do, Q, nothing else (no text, no paths, no second image)
  const tokens = content.split(/\s+/).filter(Boolean);
  let ctm: Matrix = [1, 0, 0, 1, 0, 0];
  let name: string | null = null;
  const operands: string[] = [];
  for (const t of tokens) {
    if (t === 'q' || t === 'Q') {
      if (operands.length) return null;
    } else if (t === 'cm') {
      const m = operands.splice(0).map(Number);
      if (m.length !== 6 || m.some((v) => !Number.isFinite(v)) || name) return null;
      ctm = multiply(m as Matrix, ctm);
    } else if (t === 'Do') {
      if (operands.length !== 1 || name || !operands[0]!.startsWith('/')) return null;
      name = operands.splice(0)[0]!.slice(1);
    } else if (/^[-+.\d]/.test(t) || t.startsWith('/')) operands.push(t);
    else return null;
  }
  if (!name || operands.length) return null;
  const near = (a: number, b: number) => Math.abs(a - b) < 0.01;
  if (!near(ctm[0], media.width) || !near(ctm[3], media.height) || !near(ctm[1], 0) || !near(ctm[2], 0)) return null;
  if (!near(ctm[4], 0) || !near(ctm[5], 0)) return null;
  const xobjects = node.Resources()?.lookupMaybe(PDFName.of('XObject'), PDFDict);
  const image = xobjects?.lookup(PDFName.of(name));
  if (!(image instanceof PDFRawStream)) return null;
  const d = image.dict;
  const get = (k: string) => d.get(PDFName.of(k));
  if (get('Subtype') !== PDFName.of('Image')) return null;
  let filter = get('Filter');
  if (filter instanceof PDFArray && filter.size() === 1) filter = filter.get(0);
  if (filter !== PDFName.of('DCTDecode')) return null;
  const cs = get('ColorSpace');
  if (cs !== PDFName.of('DeviceRGB') && cs !== PDFName.of('DeviceGray')) return null;
  if (!(d.lookup(PDFName.of('BitsPerComponent')) instanceof PDFNumber)) return null;
  if (d.lookup(PDFName.of('BitsPerComponent'), PDFNumber).asNumber() !== 8) return null;
  for (const k of ['SMask', 'Mask', 'Decode', 'ImageMask', 'DecodeParms']) if (get(k)) return null;
  const width = d.lookup(PDFName.of('Width'), PDFNumber).asNumber(),
    height = d.lookup(PDFName.of('Height'), PDFNumber).asNumber();
  return { bytes: image.contents, width, height };
}

/** The page's content streams as text, or null when one is not plain or Flate-compressed. */
function contentText(page: PDFPage): string | null {
  const contents = page.node.get(PDFName.of('Contents'));
  const refs: unknown[] = contents instanceof PDFArray ? contents.asArray() : [contents];
  let text = '';
  for (const ref of refs) {
    const stream = page.doc.context.lookup(ref as PDFRef);
    if (!(stream instanceof PDFRawStream)) return null;
    const filter = stream.dict.get(PDFName.of('Filter'));
    if (filter && filter !== PDFName.of('FlateDecode')) return null;
    text += ` ${Buffer.from(decodePDFRawStream(stream).decode()).toString('latin1')}`;
  }
  return text;
}
