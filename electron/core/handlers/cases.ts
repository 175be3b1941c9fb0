import type { casesContract } from '../../../shared/contract/cases.js';
import { AppError } from '../../../shared/contract/rpc.js';
import { cancelMany } from '../cases/bulk.js';
import { casesSharingNumbers, duplicateRowCheck } from '../cases/duplicates.js';
import { importCsv } from '../cases/import.js';
import { numbersFromText } from '../cases/repo.js';
import { sampleCaseDocuments, sampleCases, sampleCaseTickets } from '../cases/samples.js';
import { guardReadyMove } from '../review/actions.js';
import type { HandlersFor } from './types.js';

export const casesHandlers = {
  'cases.list': async (input, ctx) => ctx.cases.list(input),
  'cases.carriers': async (_input, ctx) => ctx.cases.carriers(),
  'cases.get': async ({ id }, ctx) => ctx.cases.get(id),
  'cases.create': async ({ fields, numbersText }, ctx) => {
    const id = await ctx.cases.create(
      { fields, numbers: numbersText ? numbersFromText(numbersText) : [] },
      ctx.actor(),
    );
    ctx.events.emit('cases.changed', { ids: [id], reason: 'created' });
    return ctx.cases.get(id);
  },
  'cases.update': async ({ id, version, fields, pin, numbersText }, ctx) => {
    const rec = await ctx.cases.update(
      id,
      version,
      {
        fields,
        pin,
        numbers: numbersText === undefined ? undefined : numbersFromText(numbersText),
      },
      ctx.actor(),
    );
    ctx.events.emit('cases.changed', { ids: [id], reason: 'edited' });
    return rec;
  },
  'cases.setStatus': async ({ id, version, status, reason }, ctx) => {
    // ready only when nothing blocks; overriding takes a written reason (review.markReady)
    if (status === 'ready') await guardReadyMove(ctx, id, version);
    // sent again by hand (a ticket): the review and the line-type rules apply again first
    if (status === 'submitted') {
      const gate = await ctx.services.porting.channel.gate(id);
      if (!gate.allowed) throw new AppError('BLOCKED', gate.refusal ?? 'The case cannot be sent now.', { gate });
    }
    const rec = await ctx.cases.setStatus(id, version, status, ctx.actor(), reason ?? null);
    ctx.events.emit('cases.changed', { ids: [id], reason: 'status' });
    return rec;
  },
  'cases.history': async ({ id }, ctx) => ctx.cases.history(id),
  'cases.revealPin': async ({ id }, ctx) => {
    const pin = await ctx.cases.pin(id);
    ctx.cases.addHistory(id, ctx.actor(), 'pin-revealed', [], 'PIN shown on screen');
    return { pin };
  },
  'cases.markSeen': async ({ id }, ctx) => {
    await ctx.cases.markSeen(id);
    return {};
  },
  'cases.importCsv': async ({ csv, fileName, importDuplicateRows }, ctx) =>
    importCsv(ctx, csv, { fileName, checkRow: duplicateRowCheck({ importAnywayRows: importDuplicateRows }) }),
  'cases.loadSamples': async (_input, ctx) => {
    if (ctx.cases.count() > 0) throw new AppError('BAD_INPUT', 'Sample cases can only be loaded into an empty queue.');
    const ids = ctx.cases.createMany(sampleCases(ctx.now()), ctx.actor(), 'sample');
    ctx.events.emit('cases.changed', { ids, reason: 'samples' });
    // the cases in review come with their LOA, invoice and CSR, read in the background like uploads
    for (const [i, files] of await sampleCaseDocuments(ctx.now())) {
      for (const f of files) await ctx.services.documents.attach(ids[i]!, f.name, f.bytes);
    }
    // the sample sent by ticket gets its rejection e-mail through the same path a pasted one takes
    for (const [i, t] of sampleCaseTickets(ctx.now())) {
      await ctx.services.porting.channel.set(ids[i]!, { channel: 'manual', ticket_id: t.id });
      await ctx.services.porting.channel.recordRejection(ids[i]!, t.rejection, t.rejectedOn);
      // it arrived from outside, like the other samples: it waits in the queue unseen
      ctx.cases.touch(ids[i]!, { changed: true });
    }
    return { imported: ids.length, ids, rejected: [], warnings: [] };
  },
  'cases.statusCounts': async (input, ctx) => ctx.cases.countsByStatus(input),
  'cases.sharingNumbers': async ({ id }, ctx) => {
    await ctx.cases.get(id);
    return casesSharingNumbers(ctx.db, id);
  },
  'cases.cancelMany': async ({ ids, reason }, ctx) => cancelMany(ctx, ids, reason),
} satisfies HandlersFor<keyof typeof casesContract>;
