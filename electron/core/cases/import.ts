import type { ImportReport } from '../../../shared/contract/cases.js';
import type { CoreContext } from '../context.js';
import type { Db } from '../db/open.js';
import { casesFromCsv, type CsvReport } from './csv.js';
import { DuplicateScreen, type DuplicateScreenOptions } from './duplicates.js';
import { CaseRepository } from './repo.js';

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));
/** Work done between two turns of the event loop: other calls wait at most about this long. */
const SLICE_MS = 8;

/** One import at a time per connection: a second one waits for the first to commit. */
const running = new WeakMap<Db, Promise<unknown>>();

/**
 * Bulk import, all or nothing, without freezing the app: rows are parsed, validated and inserted a
 * slice at a time inside one transaction, with a turn of the event loop between slices, so the app
 * keeps answering. The transaction is the app's own connection's: a write made meanwhile (a job's
 * progress, an edit) joins it as a savepoint instead of waiting on a lock held by this same thread,
 * and becomes durable with the import's commit. Another process writing meanwhile waits, as it
 * would for any writer. A failure rolls the whole file back; the report says what was rejected.
 */
export async function importCsv(
  ctx: CoreContext,
  csv: string,
  fileName?: string,
  duplicates: DuplicateScreenOptions = {},
): Promise<ImportReport> {
  const before = running.get(ctx.db) ?? Promise.resolve();
  const mine = before.catch(() => undefined).then(() => importNow(ctx, csv, fileName, duplicates));
  running.set(ctx.db, mine);
  try {
    return await mine;
  } finally {
    if (running.get(ctx.db) === mine) running.delete(ctx.db);
  }
}

async function importNow(
  ctx: CoreContext,
  csv: string,
  fileName: string | undefined,
  duplicates: DuplicateScreenOptions,
): Promise<ImportReport> {
  const db = ctx.db;
  const report: CsvReport = { rejected: [], warnings: [], duplicates: [] };
  const screen = new DuplicateScreen(db, duplicates);
  const repo = new CaseRepository(db, ctx.now);
  const action = fileName ? `imported from ${fileName}` : 'imported';
  const ids: number[] = [];
  let began = false;
  let turnStarted = performance.now();
  try {
    for await (const slice of casesFromCsv(csv, report)) {
      if (!began) {
        db.exec('BEGIN IMMEDIATE');
        began = true;
      }
      ids.push(...repo.insertMany(screen.screen(slice, report.duplicates!), ctx.actor(), action));
      if (performance.now() - turnStarted > SLICE_MS) {
        await yieldToEventLoop();
        turnStarted = performance.now();
      }
    }
    if (began) db.exec('COMMIT');
  } catch (err) {
    if (began && db.inTransaction) db.exec('ROLLBACK');
    throw err;
  }
  if (ids.length) ctx.events.emit('cases.changed', { ids, reason: 'imported' });
  return { imported: ids.length, ids, ...report };
}
