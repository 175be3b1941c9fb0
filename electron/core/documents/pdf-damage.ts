import { inflateSync } from 'node:zlib';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRawStream, PDFRef, type PDFObject } from 'pdf-lib';

/**
 * Pages whose compressed content cannot be inflated. pdf.js reads such a page without complaint
 * and shows it blank (or cut off), so the reader would pass an empty page off as read; this finds
 * them, with a reason a person understands. Checks the page's content streams and the images it
 * draws (Flate-compressed ones: the scanner's JPEGs are the truncation check's business).
 */
export async function damagedPdfPages(bytes: Uint8Array, pages?: readonly number[]): Promise<Map<number, string>> {
  const out = new Map<number, string>();
  let doc: PDFDocument;
  try {
    doc = await PDFDocument.load(bytes, { ignoreEncryption: true, throwOnInvalidObject: false, updateMetadata: false });
  } catch {
    return out; // what pdf.js could open but pdf-lib cannot is left to pdf.js
  }
  const all = doc.getPages();
  for (const pageNo of pages ?? all.map((_, i) => i + 1)) {
    const page = all[pageNo - 1];
    if (!page) continue;
    const resolve = (o: PDFObject | undefined) => (o instanceof PDFRef ? doc.context.lookup(o) : o);
    const contents = resolve(page.node.get(PDFName.of('Contents')));
    const streams = contents instanceof PDFArray ? contents.asArray().map(resolve) : [contents];
    if (streams.some((s) => s instanceof PDFRawStream && !inflates(s))) {
      out.set(pageNo, 'the page\'s content is damaged (its compressed data cannot be inflated); it was read as far as it goes');
      continue;
    }
    const resources = resolve(page.node.get(PDFName.of('Resources')));
    const xobjects = resources instanceof PDFDict ? resolve(resources.get(PDFName.of('XObject'))) : undefined;
    if (xobjects instanceof PDFDict) {
      for (const [, ref] of xobjects.entries()) {
        const x = resolve(ref);
        if (x instanceof PDFRawStream && x.dict.get(PDFName.of('Subtype')) === PDFName.of('Image') && !inflates(x)) {
          out.set(pageNo, 'an image on the page is damaged (its compressed data cannot be inflated); the page was read as far as it goes');
          break;
        }
      }
    }
  }
  return out;
}

/** True unless the stream is Flate-compressed and its data does not inflate to the end. */
function inflates(s: PDFRawStream): boolean {
  const filter = s.dict.get(PDFName.of('Filter'));
  const first = filter instanceof PDFArray ? filter.get(0) : filter;
  if (first !== PDFName.of('FlateDecode')) return true;
  try {
    inflateSync(s.contents);
    return true;
  } catch {
    return false;
  }
}
