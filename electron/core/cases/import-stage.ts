import { CASE_FIELD_NAMES } from '../../../shared/domain/case.js';
import { cipherOf, type Db } from '../db/open.js';
import { newCaseRow, statusRank, type NewCase } from './repo.js';

/** Each stage gets its own tables, so two stages on one connection never meet. */
let nextStage = 0;

/**
 * A CSV import's cases, held in TEMP tables of the app's own connection until the whole file has
 * been read. Staging a slice is one short transaction that touches the connection's temp database
 * only, so the app's tables are never locked between two turns of the event loop: an edit made
 * while a file is read commits on its own and survives whatever the import does. `publishRange`
 * copies staged cases into the real tables with SQL only (no JavaScript per row). Temp tables live
 * and die with the connection: a crash while a file is read leaves nothing to clean up.
 */
export class ImportStage {
  private readonly cases: string;
  private readonly insertCase;
  private readonly cipher;
  private staged = 0;

  constructor(private readonly db: Db) {
    const n = ++nextStage;
    // Staged rows are thrown away on any failure: a rollback journal file created and deleted at
    // every slice's commit (the temp database's default) costs more than staging the rows.
    db.pragma('temp.journal_mode = MEMORY');
    this.cases = `temp.import_stage_${n}_cases`;
    // numbers as one JSON array per case: one insert per row instead of one per number
    db.exec(`CREATE TABLE ${this.cases} (seq INTEGER PRIMARY KEY, ${CASE_FIELD_NAMES.join(', ')},
        pin, numbers, number_count, search_text, changes)`);
    const columns = CASE_FIELD_NAMES.length + 6;
    this.insertCase = db.prepare(`INSERT INTO ${this.cases} VALUES (${Array(columns).fill('?').join(', ')})`);
    this.cipher = cipherOf(db);
  }

  get size(): number {
    return this.staged;
  }

  /** Stage a slice of valid cases: one transaction on the temp database, never on the app's tables. */
  add(cases: readonly NewCase[]): void {
    if (!cases.length) return;
    this.db.transaction(() => {
      for (const c of cases) {
        const row = newCaseRow(c, this.cipher.sealNullable(c.pin));
        const seq = ++this.staged;
        this.insertCase.run(
          seq,
          ...CASE_FIELD_NAMES.map((f) => row.fields[f]),
          row.sealedPin,
          JSON.stringify(c.numbers),
          c.numbers.length,
          row.searchText,
          JSON.stringify(row.changes),
        );
      }
    })();
  }

  /**
   * Staged cases seq `from`..`to` into the app's tables, in the caller's transaction; returns the
   * first new id. New ids follow the largest id at that moment, so a case created meanwhile keeps its own.
   */
  publishRange(from: number, to: number, actor: string, action: string, at: string): number {
    const publish = (this.publishing ??= this.preparePublishing());
    const base = (publish.lastId.get() as { id: number }).id + 1 - from;
    const range = { base, from, to };
    publish.cases.run({ ...range, rank: statusRank('intake'), at });
    publish.numbers.run(range);
    publish.search.run(range);
    publish.history.run({ ...range, at, actor, action });
    // freed a batch at a time, so the stage shrinks as its cases land. The temp schema keeps SQLite's
    // default secure_delete (off): its freed pages are not zeroed, which is safe because staged PINs are sealed.
    publish.forget.run(range);
    return from + base;
  }

  private publishing: ReturnType<ImportStage['preparePublishing']> | undefined;

  private preparePublishing() {
    const db = this.db;
    const fields = CASE_FIELD_NAMES.join(', ');
    const staged = (table: string) => `FROM ${table} WHERE seq BETWEEN @from AND @to ORDER BY seq`;
    return {
      lastId: db.prepare('SELECT coalesce(max(id), 0) AS id FROM cases'),
      cases: db.prepare(
        `INSERT INTO cases (id, status, status_rank, ${fields}, pin, pin_set_at, number_count,
          created_at, updated_at, changed_at, seen_at)
         SELECT seq + @base, 'intake', @rank, ${fields}, pin, CASE WHEN pin IS NULL THEN NULL ELSE @at END,
          number_count, @at, @at, @at, NULL ${staged(this.cases)}`,
      ),
      numbers: db.prepare(
        `INSERT INTO case_numbers (case_id, position, raw, e164, error)
         SELECT seq + @base, n.key, n.value ->> '$.raw', n.value ->> '$.e164', n.value ->> '$.error'
         FROM ${this.cases}, json_each(${this.cases}.numbers) AS n
         WHERE seq BETWEEN @from AND @to ORDER BY seq, n.key`,
      ),
      search: db.prepare(`INSERT INTO cases_fts (rowid, body) SELECT seq + @base, search_text ${staged(this.cases)}`),
      forget: db.prepare(`DELETE FROM ${this.cases} WHERE seq BETWEEN @from AND @to`),
      history: db.prepare(
        `INSERT INTO case_history (case_id, at, actor, action, changes, note)
         SELECT seq + @base, @at, @actor, @action, changes, NULL ${staged(this.cases)}`,
      ),
    };
  }

  /** Forget the staged rows (after publishing, or when the import fails). */
  drop(): void {
    if (this.db.open) this.db.exec(`DROP TABLE IF EXISTS ${this.cases}`);
  }
}
