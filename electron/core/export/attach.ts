import {
  PDFDocument,
  PDFRawStream,
  concatTransformationMatrix,
  drawObject,
  popGraphicsState,
  pushGraphicsState,
  type PDFImage,
} from 'pdf-lib';
import { pdfHeaderOffset } from '../documents/sniff.js';
import { LETTER } from './layout.js';
import { tiffRasters, UnsupportedTiff, type TiffRaster } from './tiff-pages.js';

/*
 * The received documents, as received: PDF pages copied object for object (text stays selectable,
 * images keep their streams), PNG and JPEG scans placed on a page of their own at their native
 * pixel size — the page is sized from the image's resolution, the image is never resampled.
 * TIFF pages are decoded to their samples and placed the same way (see tiff-pages.ts).
 */

export interface Appended {
  /** pages added to the packet */
  pages: number;
  /** why the document could not be placed, when it could not (it is still in the ZIP) */
  problem: string | null;
}

export async function appendReceived(doc: PDFDocument, bytes: Uint8Array, mime: string): Promise<Appended> {
  try {
    switch (mime) {
      case 'application/pdf':
        return { pages: await appendPdf(doc, bytes), problem: null };
      case 'image/png':
        return { pages: appendImage(doc, await doc.embedPng(bytes), pngDpi(bytes)), problem: null };
      case 'image/jpeg':
        return { pages: appendImage(doc, await doc.embedJpg(bytes), jpegDpi(bytes)), problem: null };
      case 'image/tiff':
        return appendTiff(doc, bytes);
      default:
        return { pages: 0, problem: `${mime} files cannot be placed in a PDF` };
    }
  } catch (err) {
    return {
      pages: 0,
      problem: `its pages could not be copied (${String((err as Error)?.message ?? err).slice(0, 160)})`,
    };
  }
}

function appendTiff(doc: PDFDocument, bytes: Uint8Array): Appended {
  let rasters: TiffRaster[];
  try {
    rasters = tiffRasters(bytes);
  } catch (err) {
    if (err instanceof UnsupportedTiff)
      return { pages: 0, problem: `its TIFF pages use ${err.message}, which PortDesk cannot place in a PDF yet` };
    throw err;
  }
  for (const r of rasters) {
    const dict = doc.context.obj({
      Type: 'XObject',
      Subtype: 'Image',
      Width: r.width,
      Height: r.height,
      ColorSpace: r.colors === 1 ? 'DeviceGray' : 'DeviceRGB',
      BitsPerComponent: r.bitsPerComponent,
      Filter: 'FlateDecode',
      ...(r.whiteIsZero ? { Decode: [1, 0] } : {}),
    });
    const ref = doc.context.register(PDFRawStream.of(dict, r.flate));
    const { w, h } = pageSize(r.width, r.height, r.dpi);
    const page = doc.addPage([w, h]);
    const name = page.node.newXObject('Scan', ref);
    page.pushOperators(
      pushGraphicsState(),
      concatTransformationMatrix(w, 0, 0, h, 0, 0),
      drawObject(name),
      popGraphicsState(),
    );
  }
  return { pages: rasters.length, problem: null };
}

/** Without a recorded resolution, a scan is taken to be a page as wide as US Letter. */
function pageSize(width: number, height: number, dpi: number | null): { w: number; h: number } {
  const scale = dpi && dpi >= 50 && dpi <= 2400 ? 72 / dpi : LETTER[0] / width;
  return { w: width * scale, h: height * scale };
}

async function appendPdf(doc: PDFDocument, bytes: Uint8Array): Promise<number> {
  // Some scanners and mail gateways put bytes before %PDF-; readers skip them, pdf-lib does not.
  const at = pdfHeaderOffset(bytes);
  const src = await PDFDocument.load(at > 0 ? bytes.subarray(at) : bytes, {
    updateMetadata: false,
    throwOnInvalidObject: false,
  });
  const copied = await doc.copyPages(src, src.getPageIndices());
  for (const p of copied) doc.addPage(p);
  return copied.length;
}

function appendImage(doc: PDFDocument, img: PDFImage, dpi: number | null): number {
  const { w, h } = pageSize(img.width, img.height, dpi);
  doc.addPage([w, h]).drawImage(img, { x: 0, y: 0, width: w, height: h });
  return 1;
}

/** pHYs chunk, when in pixels per metre. */
export function pngDpi(b: Uint8Array): number | null {
  const dv = new DataView(b.buffer, b.byteOffset, b.byteLength);
  let at = 8;
  while (at + 12 <= b.length) {
    const len = dv.getUint32(at);
    const type = String.fromCharCode(b[at + 4]!, b[at + 5]!, b[at + 6]!, b[at + 7]!);
    if (type === 'pHYs' && len >= 9 && at + 17 <= b.length) {
      const ppmX = dv.getUint32(at + 8);
      return b[at + 16] === 1 && ppmX > 0 ? ppmX * 0.0254 : null;
    }
    if (type === 'IDAT' || type === 'IEND') return null;
    at += 12 + len;
  }
  return null;
}

/** JFIF APP0 density, when in dots per inch or per centimetre. */
export function jpegDpi(b: Uint8Array): number | null {
  let at = 2;
  while (at + 4 <= b.length && b[at] === 0xff) {
    const marker = b[at + 1]!;
    const len = (b[at + 2]! << 8) | b[at + 3]!;
    if (marker === 0xe0 && len >= 14 && String.fromCharCode(...b.subarray(at + 4, at + 9)) === 'JFIF\0') {
      const units = b[at + 11];
      const x = (b[at + 12]! << 8) | b[at + 13]!;
      if (units === 1 && x > 0) return x;
      if (units === 2 && x > 0) return x * 2.54;
      return null;
    }
    if (marker === 0xda) return null;
    at += 2 + len;
  }
  return null;
}
