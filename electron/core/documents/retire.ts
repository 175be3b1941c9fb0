/**
 * Taking a document out of a case's work: removed (attached to the wrong case; undoable) or
 * replaced by a newer copy (the old one kept, marked superseded). Both only mark the row, so the
 * review, exports and orders, which read the documents in force, stop reading it at once.
 */
import type { DocumentSummary } from '../../../shared/contract/documents.js';
import { AppError } from '../../../shared/contract/rpc.js';
import type { CoreContext } from '../context.js';
import type { CoreServices } from '../services.js';

type Ctx = CoreContext & { readonly services: Pick<CoreServices, 'documents'> };

const KIND_NAME = { loa: 'LOA', invoice: 'invoice', csr: 'CSR', other: 'document' } as const;

export async function removeDocument(ctx: Ctx, id: number): Promise<DocumentSummary> {
  const svc = ctx.services.documents;
  const doc = svc.repo.get(id);
  if (doc.removedAt) return doc;
  if (doc.status === 'queued' || doc.status === 'reading') svc.cancel(id);
  svc.repo.setRemoved(id, true);
  ctx.cases.addHistory(doc.caseId, ctx.actor(), 'document-removed', [], `${doc.name} (${KIND_NAME[doc.kind]})`);
  ctx.events.emit('cases.changed', { ids: [doc.caseId], reason: 'document-removed' });
  return svc.repo.get(id);
}

export async function restoreDocument(ctx: Ctx, id: number): Promise<DocumentSummary> {
  const svc = ctx.services.documents;
  const doc = svc.repo.get(id);
  if (!doc.removedAt) return doc;
  svc.repo.setRemoved(id, false);
  ctx.cases.addHistory(doc.caseId, ctx.actor(), 'document-restored', [], `${doc.name} (${KIND_NAME[doc.kind]})`);
  ctx.events.emit('cases.changed', { ids: [doc.caseId], reason: 'document-restored' });
  return svc.repo.get(id);
}

export async function replaceDocument(
  ctx: Ctx,
  id: number,
  name: string,
  bytes: Uint8Array,
): Promise<{ replaced: DocumentSummary; by: DocumentSummary }> {
  const svc = ctx.services.documents;
  const old = svc.repo.get(id);
  if (old.removedAt) throw new AppError('BAD_INPUT', `${old.name} was removed; attach the newer file instead.`);
  if (old.supersededBy !== null) {
    throw new AppError(
      'BAD_INPUT',
      `${old.name} was already replaced by document ${old.supersededBy}; replace that one with the newer file.`,
    );
  }
  const by = await svc.attach(old.caseId, name, bytes);
  if (by.duplicate) {
    throw new AppError(
      'BAD_INPUT',
      by.id === old.id
        ? `${name} is the same file as ${old.name}; choose the newer copy.`
        : `${name} is already attached to this case (${by.name}); remove ${old.name} instead if it is not needed.`,
    );
  }
  // the newer copy is the same paper: it keeps the kind the old one had, whatever its reading says
  if (old.kind !== 'other') svc.repo.setKind(by.id, old.kind, 'user', 1);
  svc.repo.supersede(old.id, by.id);
  ctx.cases.addHistory(old.caseId, ctx.actor(), 'document-replaced', [], `${old.name} replaced by ${by.name}`);
  ctx.events.emit('cases.changed', { ids: [old.caseId], reason: 'document-replaced' });
  return { replaced: svc.repo.get(old.id), by: svc.repo.get(by.id) };
}
