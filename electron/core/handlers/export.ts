import type { exportContract } from '../../../shared/contract/export.js';
import { createExport, listExports, readExportFile } from '../export/index.js';
import type { HandlersFor } from './types.js';

export const exportHandlers = {
  'export.packet': async (input, ctx) => createExport(ctx, { kind: 'packet', ...input }),
  'export.loa': async (input, ctx) => createExport(ctx, { kind: 'loa', ...input }),
  'export.list': async ({ caseId }, ctx) => {
    await ctx.cases.get(caseId);
    return listExports(ctx, caseId);
  },
  'export.file': async ({ exportId, name }, ctx) => {
    const f = readExportFile(ctx, exportId, name);
    return { name: f.name, mime: f.mime, size: f.bytes.byteLength, dataBase64: Buffer.from(f.bytes.buffer, f.bytes.byteOffset, f.bytes.byteLength).toString('base64') };
  },
} satisfies HandlersFor<keyof typeof exportContract>;
