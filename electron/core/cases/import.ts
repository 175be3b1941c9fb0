import type { ImportReport } from '../../../shared/contract/cases.js';
import type { CoreContext } from '../context.js';
import { cipherOf, openDatabase, type Db } from '../db/open.js';
import { casesFromCsv, type CsvReport } from './csv.js';
import { CaseRepository } from './repo.js';

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));
/** Work done between two turns of the event loop: other calls wait at most about this long. */
const SLICE_MS = 8;

/**
 * Bulk import, all or nothing, without freezing the app: the rows are parsed, validated and
 * inserted a slice at a time on a connection of its own, inside one transaction, yielding to the
 * event loop between slices. Other calls keep being answered from the main connection, which reads
 * the last committed state (WAL) and never sees a half-imported file.
 */
export async function importCsv(ctx: CoreContext, csv: string, fileName?: string): Promise<ImportReport> {
  const report: CsvReport = { rejected: [], warnings: [] };
  const slices = casesFromCsv(csv, report);
  const ids: number[] = [];
  let conn: Db | null = null;
  let repo: CaseRepository | null = null;
  let turnStarted = performance.now();
  try {
    for await (const slice of slices) {
      if (!conn) {
        conn = openDatabase(ctx.dbFile, { cipher: cipherOf(ctx.db) });
        conn.exec('BEGIN IMMEDIATE');
      }
      repo ??= new CaseRepository(conn, ctx.now);
      ids.push(...repo.insertMany(slice, ctx.actor(), fileName ? `imported from ${fileName}` : 'imported'));
      if (performance.now() - turnStarted > SLICE_MS) {
        await yieldToEventLoop();
        turnStarted = performance.now();
      }
    }
    conn?.exec('COMMIT');
  } catch (err) {
    if (conn?.inTransaction) conn.exec('ROLLBACK');
    throw err;
  } finally {
    conn?.close();
  }
  if (ids.length) ctx.events.emit('cases.changed', { ids, reason: 'imported' });
  return { imported: ids.length, ids, ...report };
}
