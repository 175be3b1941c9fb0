import { readDocument } from '../../electron/core/documents/read.js';
import { extractFields } from '../../electron/core/extract/index.js';
import type { DocumentKind, ExtractedFields } from '../../shared/domain/document.js';
import { PageBuilder, type TextStyle } from '../fixtures/generator/layout.js';
import { renderTextPdf } from '../fixtures/generator/pdf.js';

/** A line a test writes on a page: [x, baseline y, text, style (the page's default when left out), set flush right at x]. */
export type TextRow = [number, number, string, TextStyle?, boolean?];

/**
 * What the extractor reads from one page of rows, rendered to a real text PDF and read back the way an
 * uploaded document is.
 */
export async function readRows(
  rows: readonly TextRow[],
  kind: DocumentKind,
  page: { style: TextStyle; width?: number; height?: number },
): Promise<ExtractedFields> {
  const p = new PageBuilder(page.width, page.height);
  for (const [x, y, text, style, right] of rows) {
    if (right) p.textRight(x, y, text, style ?? page.style);
    else p.text(x, y, text, style ?? page.style);
  }
  const doc = await readDocument(await renderTextPdf({ pages: [p.build()] }), { name: 'case.pdf' });
  return extractFields(doc.pages, kind).fields;
}
