import {
  ExtractionResult,
  type DocumentKind,
  type ExtractedFields,
  type PageText,
} from '../../../shared/domain/document.js';

/*
 * The bridge to field extraction (electron/core/extract/). Imported lazily so a core that never
 * reads a document never loads it; a literal specifier so bundlers include it. What it returns is
 * checked against the shared schema before anything is stored.
 */
type ExtractModule = typeof import('../extract/index.js');
let loaded: Promise<ExtractModule> | null = null;

export interface Extracted {
  kind: DocumentKind;
  kindConfidence: number | null;
  fields: ExtractedFields;
}

/** Classify (unless a person already said what the document is), then extract with that kind. */
export async function extractFromPages(pages: PageText[], userKind: DocumentKind | null): Promise<Extracted> {
  loaded ??= import('../extract/index.js');
  const mod = await loaded;
  let kind: DocumentKind;
  let kindConfidence: number;
  if (userKind) {
    kind = userKind;
    kindConfidence = 1;
  } else {
    const c = mod.classifyDocument(pages);
    kind = c.kind;
    kindConfidence = c.confidence;
  }
  const parsed = ExtractionResult.safeParse(mod.extractFields(pages, kind));
  if (!parsed.success) {
    throw new Error(
      `extraction returned values that do not match the schema: ${parsed.error.issues
        .slice(0, 3)
        .map((i) => `${i.path.join('.')}: ${i.message}`)
        .join('; ')}`,
    );
  }
  return { kind, kindConfidence, fields: parsed.data.fields };
}
