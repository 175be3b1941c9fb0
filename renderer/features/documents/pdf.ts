import type { PDFDocumentProxy } from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';

type PdfJs = typeof import('pdfjs-dist');
let pdfjsPromise: Promise<PdfJs> | null = null;

/** pdf.js is loaded on the first PDF opened: the queue never pays for it. */
function loadPdfJs(): Promise<PdfJs> {
  pdfjsPromise ??= import('pdfjs-dist').then((pdfjs) => {
    // the worker is bundled by Vite and served from 'self' (CSP worker-src), never fetched from a CDN
    pdfjs.GlobalWorkerOptions.workerSrc = workerUrl;
    return pdfjs;
  });
  return pdfjsPromise;
}

/**
 * The CSP forbids eval and WebAssembly compilation: pdf.js is told so up front, instead of probing
 * (a probe alone logs a CSP violation) — PostScript functions use its interpreter, images its JS
 * decoders.
 */
export async function openPdf(bytes: Uint8Array): Promise<PDFDocumentProxy> {
  const pdfjs = await loadPdfJs();
  return pdfjs.getDocument({ data: bytes, isEvalSupported: false, useWasm: false, enableXfa: false }).promise;
}

/**
 * Pages are drawn with their form fields' appearances on the canvas (pdf.js's AnnotationMode.ENABLE;
 * its default leaves fields to an HTML layer the view does not build): the values typed into a
 * fillable LOA show on the page and inside the highlighted evidence box.
 */
export const RENDER_FORMS: PdfJs['AnnotationMode']['ENABLE'] = 1;

export type { PDFDocumentProxy };
