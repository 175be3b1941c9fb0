import type { exportContract } from '../../../shared/contract/export.js';
import { AppError } from '../../../shared/contract/rpc.js';
import type { HandlersFor } from './types.js';

export const exportHandlers = {
  'export.packet': async (input, ctx) => ctx.services.exports.create({ kind: 'packet', ...input }),
  'export.loa': async (input, ctx) => ctx.services.exports.create({ kind: 'loa', ...input }),
  'export.list': async ({ caseId }, ctx) => {
    await ctx.cases.get(caseId);
    return ctx.services.exports.list(caseId);
  },
  'export.saveToFolder': async ({ exportId }, ctx) => {
    const pick = ctx.hostServices.pickFolder;
    if (!pick)
      throw new AppError(
        'BAD_INPUT',
        'Saving to a folder needs the desktop app; in the browser the files are downloaded.',
      );
    const dir = await pick({ title: 'Save the packet to…' });
    return { saved: dir ? await ctx.services.exports.copy(exportId, dir) : null };
  },
  'export.file': async ({ exportId, name }, ctx) => {
    const f = await ctx.services.exports.file(exportId, name);
    return {
      name: f.name,
      mime: f.mime,
      size: f.bytes.byteLength,
      dataBase64: Buffer.from(f.bytes.buffer, f.bytes.byteOffset, f.bytes.byteLength).toString('base64'),
    };
  },
} satisfies HandlersFor<keyof typeof exportContract>;
