import type { CoreContext } from '../context.js';

/**
 * The settings key naming the cases of the imports being published, per import:
 * `{ "<import id>": [[first id, last id], …] }`. Written in the same transaction as each batch.
 */
export const UNFINISHED_IMPORTS_KEY = 'cases.import.unfinished';

type Ranges = [number, number][];
type Journal = Record<string, Ranges>;
type JournalCtx = Pick<CoreContext, 'db' | 'settings'>;

function readJournal(ctx: JournalCtx): Journal {
  const recorded = ctx.settings.get(UNFINISHED_IMPORTS_KEY);
  if (recorded === null) return {};
  try {
    const value: unknown = JSON.parse(recorded);
    if (!value || typeof value !== 'object' || Array.isArray(value)) return {};
    const journal: Journal = {};
    for (const [id, ranges] of Object.entries(value)) {
      if (Array.isArray(ranges))
        journal[id] = ranges.filter(
          (r): r is [number, number] =>
            Array.isArray(r) && r.length === 2 && r.every((n: unknown) => Number.isInteger(n)),
        );
    }
    return journal;
  } catch {
    return {}; // a damaged record names nothing that can be taken back safely
  }
}

function writeJournal(ctx: JournalCtx, journal: Journal): void {
  if (Object.keys(journal).length) ctx.settings.set(UNFINISHED_IMPORTS_KEY, JSON.stringify(journal));
  else ctx.settings.delete(UNFINISHED_IMPORTS_KEY);
}

/** In the batch's own transaction: the cases this import has published so far, or null once it is complete. */
export function recordPublished(ctx: JournalCtx, importId: string, ranges: Ranges | null): void {
  const journal = readJournal(ctx);
  if (ranges) journal[importId] = ranges;
  else delete journal[importId];
  writeJournal(ctx, journal);
}

/**
 * Remove the cases of imports that did not finish publishing, with everything attached to them
 * (numbers, history… cascade): one import that failed midway, or, when the owner of the data folder
 * opens it, every import the last run left unfinished.
 */
export function retractUnfinishedImports(ctx: JournalCtx, importId?: string): void {
  const journal = readJournal(ctx);
  const ids = importId === undefined ? Object.keys(journal) : [importId].filter((id) => id in journal);
  if (!ids.length) return;
  ctx.db
    .transaction(() => {
      const search = ctx.db.prepare('DELETE FROM cases_fts WHERE rowid BETWEEN ? AND ?');
      const cases = ctx.db.prepare('DELETE FROM cases WHERE id BETWEEN ? AND ?');
      for (const id of ids) {
        for (const [first, last] of journal[id]!) {
          search.run(first, last);
          cases.run(first, last);
        }
        delete journal[id];
      }
      writeJournal(ctx, journal);
    })
    .immediate();
}
