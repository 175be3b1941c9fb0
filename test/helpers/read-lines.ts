import { extractFields } from '../../electron/core/extract/index.js';
import type { DocumentKind, ExtractedFields } from '../../shared/domain/document.js';
import { pageOf, type TextLine } from '../fixtures/generator/handmade.js';

/** What the extractor reads from one page of lines placed by hand, as the kind the specialist dropped it on. */
export function readLines(lines: readonly TextLine[], kind: DocumentKind): ExtractedFields {
  return extractFields([pageOf([...lines])], kind).fields;
}
