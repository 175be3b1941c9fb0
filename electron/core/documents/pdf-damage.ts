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
  try {
    const doc = await PDFDocument.load(bytes, {
      ignoreEncryption: true,
      throwOnInvalidObject: false,
      updateMetadata: false,
    });
    checkPages(doc, pages, out);
  } catch {
    // what pdf.js could open but pdf-lib cannot walk (a cycle in the page tree, a broken xref) is left to pdf.js
  }
  return out;
}

function checkPages(doc: PDFDocument, pages: readonly number[] | undefined, out: Map<number, string>): void {
  const all = doc.getPages();
  for (const pageNo of pages ?? all.map((_, i) => i + 1)) {
    const page = all[pageNo - 1];
    if (!page) continue;
    const resolve = (o: PDFObject | undefined) => (o instanceof PDFRef ? doc.context.lookup(o) : o);
    const contents = resolve(page.node.get(PDFName.of('Contents')));
    const streams = contents instanceof PDFArray ? contents.asArray().map(resolve) : [contents];
    if (streams.some((s) => s instanceof PDFRawStream && !inflates(s))) {
      out.set(
        pageNo,
        "the page's content is damaged (its compressed data cannot be inflated); it was read as far as it goes",
      );
      continue;
    }
    const resources = resolve(page.node.get(PDFName.of('Resources')));
    const xobjects = resources instanceof PDFDict ? resolve(resources.get(PDFName.of('XObject'))) : undefined;
    if (xobjects instanceof PDFDict) {
      for (const [, ref] of xobjects.entries()) {
        const x = resolve(ref);
        if (x instanceof PDFRawStream && x.dict.get(PDFName.of('Subtype')) === PDFName.of('Image') && !inflates(x)) {
          out.set(
            pageNo,
            'an image on the page is damaged (its compressed data cannot be inflated); the page was read as far as it goes',
          );
          break;
        }
      }
    }
  }
}

/** Inflating more than this to check a stream says nothing more and would let a bomb fill memory. */
const MAX_INFLATED_BYTES = 64 * 1024 * 1024;

/** True unless the stream is Flate-compressed and its data does not inflate to the end. */
function inflates(s: PDFRawStream): boolean {
  const filter = s.dict.get(PDFName.of('Filter'));
  const first = filter instanceof PDFArray ? filter.get(0) : filter;
  if (first !== PDFName.of('FlateDecode')) return true;
  try {
    inflateSync(s.contents, { maxOutputLength: MAX_INFLATED_BYTES });
    return true;
  } catch (err) {
    // too large to check is not damaged: pdf.js' own limits deal with a bomb when it renders
    return (err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE';
  }
}
