import { readDocument } from '../../electron/core/documents/read.js';
import { extractFields } from '../../electron/core/extract/index.js';
import type { DocumentKind, ExtractedFields, PageText } from '../../shared/domain/document.js';
import { renderTextPdf } from '../fixtures/generator/pdf.js';
import type { RandomFixture } from '../fixtures/generator/random.js';

export interface ReadGenerated {
  f: RandomFixture;
  pages: PageText[];
  got: ExtractedFields;
  truth: Record<string, unknown>;
}

/**
 * A generated document as the app meets it: rendered to a real text PDF, read by the document reader,
 * its fields extracted as the kind it was drawn as.
 */
export async function readGenerated(f: RandomFixture): Promise<ReadGenerated> {
  const doc = await readDocument(await renderTextPdf(f.model), { name: `${f.id}.pdf` });
  return {
    f,
    pages: doc.pages,
    got: extractFields(doc.pages, f.kind as DocumentKind).fields,
    truth: f.truth as Record<string, unknown>,
  };
}
