import { unzipSync } from 'fflate';
import fs from 'node:fs';
import path from 'node:path';
import { PDFDict, PDFDocument, PDFName, PDFNumber, PDFRawStream } from 'pdf-lib';
import { openPdf } from '../../electron/core/documents/pdf.js';
import type { ExportResult } from '../../shared/contract/export.js';

/** Reading an export back the way a person's viewer would: pdfjs text per page, images as stored. */

export interface PdfText {
  pages: string[];
  /** every text run with its box, to check nothing leaves the page */
  runs: { page: number; str: string; x: number; right: number; pageWidth: number }[];
}

/** Text of each page, whitespace collapsed (a wrapped value reads as one string). */
export async function pdfText(bytes: Uint8Array): Promise<PdfText> {
  const doc = await openPdf(bytes);
  const pages: string[] = [];
  const runs: PdfText['runs'] = [];
  try {
    for (let p = 1; p <= doc.numPages; p++) {
      const page = await doc.getPage(p);
      const { width } = page.getViewport({ scale: 1 });
      const content = await page.getTextContent();
      const parts: string[] = [];
      for (const item of content.items) {
        if (!('str' in item)) continue;
        parts.push(item.str);
        if (item.str.trim())
          runs.push({
            page: p,
            str: item.str,
            x: item.transform[4] as number,
            right: (item.transform[4] as number) + item.width,
            pageWidth: width,
          });
      }
      pages.push(parts.join(' ').replace(/\s+/g, ' ').trim());
    }
  } finally {
    await doc.destroy();
  }
  return { pages, runs };
}

export function exportFiles(res: ExportResult): Record<string, Uint8Array> {
  return Object.fromEntries(
    res.files.map((f) => [f.name, new Uint8Array(fs.readFileSync(path.join(res.dir, f.name)))]),
  );
}

export function unzip(bytes: Uint8Array): Record<string, Uint8Array> {
  return unzipSync(bytes);
}

/** Pixel size of every image XObject on each page, as stored in the PDF (not as drawn). */
export async function pageImages(
  bytes: Uint8Array,
): Promise<{ page: number; width: number; height: number; filter: string | null }[]> {
  const doc = await PDFDocument.load(bytes);
  const out: { page: number; width: number; height: number; filter: string | null }[] = [];
  doc.getPages().forEach((page, i) => {
    const xobjects = page.node.Resources()?.lookupMaybe(PDFName.of('XObject'), PDFDict);
    if (!xobjects) return;
    for (const [, ref] of xobjects.entries()) {
      const obj = doc.context.lookup(ref);
      if (!(obj instanceof PDFRawStream)) continue;
      if (obj.dict.get(PDFName.of('Subtype'))?.toString() !== '/Image') continue;
      const num = (k: string) => (obj.dict.get(PDFName.of(k)) as PDFNumber).asNumber();
      out.push({
        page: i + 1,
        width: num('Width'),
        height: num('Height'),
        filter: obj.dict.get(PDFName.of('Filter'))?.toString() ?? null,
      });
    }
  });
  return out;
}
