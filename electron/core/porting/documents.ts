import { AppError } from '../../../shared/contract/rpc.js';
import type { DocumentKind } from '../../../shared/domain/document.js';
import type { DocumentRepository, FileStore } from '../documents/store.js';

/** What porting needs from the documents feature: the files to upload. */

export interface DocumentFiles {
  documents: { repo: DocumentRepository; files: FileStore };
}

export interface CaseFile {
  documentId: number;
  kind: Exclude<DocumentKind, 'other'>;
  fileName: string;
  contentType: string;
}

/** The newest document of each kind attached to the case (LOA, invoice, CSR). */
export function caseFiles(ctx: DocumentFiles, caseId: number): Partial<Record<CaseFile['kind'], CaseFile>> {
  const out: Partial<Record<CaseFile['kind'], CaseFile>> = {};
  for (const d of ctx.documents.repo.list(caseId)) {
    if (d.kind === 'other') continue;
    out[d.kind] = { documentId: d.id, kind: d.kind, fileName: d.name, contentType: d.mime };
  }
  return out;
}

export function fileBytes(
  ctx: DocumentFiles,
  documentId: number,
): { bytes: Uint8Array; fileName: string; contentType: string } {
  const { repo, files } = ctx.documents;
  let doc;
  try {
    doc = repo.get(documentId);
  } catch {
    throw new AppError(
      'NOT_FOUND',
      `Document ${documentId} was removed from the case after it was queued for upload. Attach it again and submit again.`,
    );
  }
  return { bytes: files.get(doc.sha256), fileName: doc.name, contentType: doc.mime };
}
