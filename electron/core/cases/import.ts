import { randomUUID } from 'node:crypto';
import type { ImportDuplicate, ImportReport } from '../../../shared/contract/cases.js';
import type { CoreContext } from '../context.js';
import type { Db } from '../db/open.js';
import { casesFromCsv, type CsvReport, type ImportRow } from './csv.js';
import { recordPublished, retractUnfinishedImports } from './import-journal.js';
import { ImportStage } from './import-stage.js';

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));
/** Work done between two turns of the event loop: other calls wait at most about this long. */
const SLICE_MS = 8;

/**
 * What a pre-insert check says of one valid row: reject it with a reason, keep it with warnings,
 * report it as a duplicate of a case already in the queue (not created), or skip it silently (an
 * "import anyway" of chosen rows leaves the others out).
 */
export type ImportRowVerdict =
  | { reject: string }
  | { warnings: string[] }
  | { duplicate: ImportDuplicate }
  | { skip: true }
  | undefined;
/** A check of each valid row, in file order, before it is staged; it may remember earlier rows. */
export type ImportRowCheck = (row: ImportRow) => ImportRowVerdict;
/**
 * The seam for checks that need the app's data, such as duplicate detection
 * (electron/core/cases/duplicates.ts): made once per import, so it can keep what it saw of the file.
 */
export type ImportRowCheckFactory = (ctx: CoreContext) => ImportRowCheck;

export interface ImportOptions {
  fileName?: string;
  checkRow?: ImportRowCheckFactory;
}

const acceptEveryRow: ImportRowCheckFactory = () => () => undefined;

/** One import at a time per connection: a second one waits for the first to finish. */
const running = new WeakMap<Db, Promise<unknown>>();

/**
 * Bulk import, all or nothing, without freezing the app and without holding a transaction on the
 * app's tables between two turns of the event loop, so an edit made meanwhile commits on its own
 * and survives whatever becomes of the import.
 * 1. The file is read, checked and staged a slice at a time (TEMP tables of the app's connection).
 *    Any failure here (a quote left open at the end of the file) changes nothing.
 * 2. The staged cases are published a few hundred at a time, each batch its own short transaction
 *    that also records the ids published so far (import-journal.ts); the last batch clears the
 *    record. A failure midway retracts what was published; so does the next start of the app after
 *    a crash midway (retractUnfinishedImports). `cases.changed` fires once, when all landed.
 * The price of never freezing the app: while the batches land (a second or two for 50,000 rows) a
 * fresh read of the queue can show part of the file; the outcome is still all of it or none.
 */
export async function importCsv(ctx: CoreContext, csv: string, options: ImportOptions = {}): Promise<ImportReport> {
  const before = running.get(ctx.db) ?? Promise.resolve();
  const mine = before.catch(() => undefined).then(() => importNow(ctx, csv, options));
  running.set(ctx.db, mine);
  try {
    return await mine;
  } finally {
    if (running.get(ctx.db) === mine) running.delete(ctx.db);
  }
}

async function importNow(ctx: CoreContext, csv: string, options: ImportOptions): Promise<ImportReport> {
  const report: CsvReport = { rejected: [], warnings: [], duplicates: [] };
  const checkRow = (options.checkRow ?? acceptEveryRow)(ctx);
  const stage = new ImportStage(ctx.db);
  let ids: number[];
  try {
    let turnStarted = performance.now();
    for await (const slice of casesFromCsv(csv, report)) {
      stage.add(keptRows(slice, checkRow, report).map((r) => r.case));
      if (performance.now() - turnStarted > SLICE_MS) {
        await yieldToEventLoop();
        turnStarted = performance.now();
      }
    }
    const action = options.fileName ? `imported from ${options.fileName}` : 'imported';
    ids = await publish(ctx, stage, action);
  } finally {
    stage.drop();
  }
  if (report.rejected.length > 1) report.rejected.sort((a, b) => a.row - b.row);
  if (report.warnings.length > 1) report.warnings.sort((a, b) => a.row - b.row);
  if (ids.length) ctx.events.emit('cases.changed', { ids, reason: 'imported' });
  return { imported: ids.length, ids, ...report };
}

/**
 * How long one publishing transaction should take: the batch size adapts to the machine. Every
 * commit writes again each page it shares with the one before (index leaves, which the references
 * and names hit all over; the search index's new segment and its merges), so the number of commits
 * drives the work: a 50,000-row file published 100 cases at a time wrote 657 MB and took 5.6 s of
 * CPU, 2,000 at a time 365 MB and 3.7 s. 40 ms batches are 300–1,000 cases on a busy 2-core
 * machine; there the p99 of a call made meanwhile measured 80–106 ms at load 6–8 (12 ms: 49–83 ms).
 */
const PUBLISH_TARGET_MS = 40;

async function publish(ctx: CoreContext, stage: ImportStage, action: string): Promise<number[]> {
  const importId = randomUUID();
  const actor = ctx.actor();
  const at = ctx.now().toISOString();
  const ranges: [number, number][] = [];
  const synchronous = Number(ctx.db.pragma('synchronous', { simple: true }));
  let batch = 200;
  try {
    for (let from = 1; from <= stage.size; ) {
      const to = Math.min(stage.size, from + batch - 1);
      const started = performance.now();
      const last = to === stage.size;
      // Until the last batch lands, a batch lost to a power cut would be retracted anyway: only the
      // last commit waits for the disk, and its sync makes the batches before it durable too.
      if (!last) ctx.db.pragma('synchronous = NORMAL');
      try {
        ctx.db
          .transaction(() => {
            const first = stage.publishRange(from, to, actor, action, at);
            const previous = ranges.at(-1);
            // ids run on unless a case was created between two batches
            if (previous && previous[1] + 1 === first) previous[1] = first + to - from;
            else ranges.push([first, first + to - from]);
            recordPublished(ctx, importId, last ? null : ranges);
          })
          .immediate();
      } finally {
        if (!last) ctx.db.pragma(`synchronous = ${synchronous}`);
      }
      const took = performance.now() - started;
      // at most doubled at a time: a batch that went fast (no checkpoint in it) says little of the next
      const scaled = Math.min(2 * batch, Math.round((batch * PUBLISH_TARGET_MS) / Math.max(took, 1)));
      batch = Math.max(50, Math.min(5000, scaled));
      from = to + 1;
      await yieldToEventLoop();
    }
  } catch (err) {
    try {
      retractUnfinishedImports(ctx, importId);
    } catch {
      // the record stays: the next start of the app takes those cases back
    }
    throw err;
  }
  return ranges.flatMap(([first, last]) => Array.from({ length: last - first + 1 }, (_, i) => first + i));
}

/** The rows the pre-insert check keeps; what it rejects or warns about goes to the report. */
function keptRows(slice: ImportRow[], checkRow: ImportRowCheck, report: CsvReport): ImportRow[] {
  return slice.filter((r) => {
    const verdict = checkRow(r);
    if (!verdict) return true;
    if ('reject' in verdict) {
      report.rejected.push({ row: r.row, reason: verdict.reject });
      return false;
    }
    if ('duplicate' in verdict) {
      report.duplicates?.push(verdict.duplicate);
      return false;
    }
    if ('skip' in verdict) return false;
    for (const message of verdict.warnings) report.warnings.push({ row: r.row, message });
    return true;
  });
}
