import { DocumentKind, ExtractedFields, ExtractionResult, type PageText } from '../../../shared/domain/document.js';

/*
 * The bridge to field extraction (electron/core/extract/, built separately). Loaded lazily and
 * tolerated missing, so documents are read and stored even in a build without it; whatever it
 * returns is validated against the shared schemas before it is stored.
 */
interface ExtractModule {
  extractFields?: (pages: PageText[], hint: DocumentKind) => unknown;
  classifyDocument?: (pages: PageText[]) => unknown;
}

let loaded: Promise<ExtractModule | null> | null = null;
const SPECIFIER = '../extract/index.js';

function loadExtract(): Promise<ExtractModule | null> {
  // A variable specifier: the module may not exist yet in this checkout, and that is not an error.
  loaded ??= (import(SPECIFIER) as Promise<ExtractModule>).catch((err: unknown) => {
    const code = (err as { code?: string }).code;
    if (code === 'ERR_MODULE_NOT_FOUND' || /Cannot find module|Failed to load url|does not exist/i.test(String((err as Error)?.message))) return null;
    throw err;
  });
  return loaded;
}

export interface Extracted {
  kind: DocumentKind;
  kindConfidence: number | null;
  fields: ExtractedFields;
}

/**
 * Classify (unless the person already said what the document is) and extract. Returns null when
 * no extractor is installed.
 */
export async function extractFromPages(pages: PageText[], userKind: DocumentKind | null): Promise<Extracted | null> {
  const mod = await loadExtract();
  if (!mod?.extractFields) return null;
  let kind: DocumentKind = userKind ?? 'other';
  let kindConfidence: number | null = userKind ? 1 : null;
  if (!userKind && mod.classifyDocument) {
    const c = await mod.classifyDocument(pages);
    const asKind = DocumentKind.safeParse(c);
    const asObj = DocumentKind.safeParse((c as { kind?: unknown })?.kind);
    if (asKind.success) kind = asKind.data;
    else if (asObj.success) {
      kind = asObj.data;
      const conf = (c as { confidence?: unknown; kind_confidence?: unknown }).confidence ?? (c as { kind_confidence?: unknown }).kind_confidence;
      kindConfidence = typeof conf === 'number' ? conf : null;
    }
  }
  const out = await mod.extractFields(pages, kind);
  const asResult = ExtractionResult.safeParse(out);
  if (asResult.success) {
    if (!userKind && !mod.classifyDocument) {
      kind = asResult.data.kind;
      kindConfidence = asResult.data.kind_confidence;
    }
    return { kind, kindConfidence, fields: asResult.data.fields };
  }
  const asFields = ExtractedFields.safeParse(out);
  if (asFields.success) return { kind, kindConfidence, fields: asFields.data };
  throw new Error(`extraction returned values that do not match the schema: ${asFields.error.issues.slice(0, 3).map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
}
