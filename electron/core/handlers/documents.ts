import type { documentsContract } from '../../../shared/contract/documents.js';
import { AppError } from '../../../shared/contract/rpc.js';
import type { FieldName } from '../../../shared/domain/document.js';
import fs from 'node:fs';
import path from 'node:path';
import { checkSize } from '../documents/limits.js';
import { removeDocument, replaceDocument, restoreDocument } from '../documents/retire.js';
import { maskSecretField, maskSecretWords } from '../documents/secret-view.js';
import type { HandlersFor } from './types.js';

function fromBase64(data: string): Uint8Array {
  const clean = data.replace(/^data:[^,]*;base64,/, '');
  if (!/^[A-Za-z0-9+/\s]*={0,2}\s*$/.test(clean)) {
    throw new AppError('BAD_INPUT', 'The file data is not valid base64; attach the file again.');
  }
  const buf = Buffer.from(clean, 'base64');
  return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
}

export const documentsHandlers = {
  'documents.list': async ({ caseId }, ctx) => {
    await ctx.cases.get(caseId);
    return ctx.services.documents.repo.listAttached(caseId);
  },
  'documents.get': async ({ id }, ctx) => {
    const svc = ctx.services.documents;
    return { ...svc.repo.get(id), pageTexts: maskSecretWords(svc.repo.pages(id), svc.repo.fields(id)) };
  },
  'documents.attach': async ({ caseId, name, dataBase64 }, ctx) =>
    ctx.services.documents.attach(caseId, name, fromBase64(dataBase64)),
  'documents.attachFromDialog': async ({ caseId }, ctx) => {
    const pick = ctx.hostServices.pickFiles;
    if (!pick)
      throw new AppError(
        'BAD_INPUT',
        'The native file dialog needs the desktop app; in the browser use Attach or drag and drop.',
      );
    await ctx.cases.get(caseId);
    const files = await pick({
      title: 'Attach LOA, invoice or CSR',
      filters: [{ name: 'Documents', extensions: ['pdf', 'png', 'jpg', 'jpeg', 'tif', 'tiff'] }],
    });
    const attached = [];
    const refused = [];
    for (const file of files) {
      const name = path.basename(file);
      try {
        checkSize(fs.statSync(file).size);
        attached.push(await ctx.services.documents.attach(caseId, name, new Uint8Array(fs.readFileSync(file))));
      } catch (err) {
        refused.push({
          name,
          message: err instanceof AppError ? err.message : `${name} could not be read: ${(err as Error).message}`,
        });
      }
    }
    return { attached, refused };
  },
  'documents.active': async (_input, ctx) => ctx.services.documents.repo.active(),
  'documents.setKind': async ({ id, kind }, ctx) => ctx.services.documents.setKind(id, kind),
  'documents.cancel': async ({ id }, ctx) => ctx.services.documents.cancel(id),
  'documents.retry': async ({ id }, ctx) => ctx.services.documents.retry(id),
  'documents.fields': async ({ id }, ctx) => {
    const svc = ctx.services.documents;
    svc.repo.get(id);
    return svc.repo.fields(id).map(maskSecretField);
  },
  'documents.correctField': async ({ id, field, value }, ctx) =>
    maskSecretField(ctx.services.documents.correctField(id, field as FieldName, value)),
  'documents.revealField': async ({ id, field }, ctx) => ctx.services.documents.revealField(id, field as FieldName),
  'documents.remove': async ({ id }, ctx) => removeDocument(ctx, id),
  'documents.restore': async ({ id }, ctx) => restoreDocument(ctx, id),
  'documents.replace': async ({ id, name, dataBase64 }, ctx) => replaceDocument(ctx, id, name, fromBase64(dataBase64)),
  'documents.file': async ({ id }, ctx) => {
    const svc = ctx.services.documents;
    const doc = svc.repo.get(id);
    const bytes = svc.files.get(doc.sha256);
    return {
      name: doc.name,
      mime: doc.mime,
      size: doc.size,
      dataBase64: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64'),
    };
  },
} satisfies HandlersFor<keyof typeof documentsContract>;
