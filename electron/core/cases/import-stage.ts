import { CASE_FIELD_NAMES, type PortNumber } from '../../../shared/domain/case.js';
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
  private readonly numbers: string;
  private readonly insertCase;
  private readonly insertNumber;
  private readonly cipher;
  private staged = 0;

  constructor(private readonly db: Db) {
    const n = ++nextStage;
    this.cases = `temp.import_stage_${n}_cases`;
    this.numbers = `temp.import_stage_${n}_numbers`;
    db.exec(`CREATE TABLE ${this.cases} (seq INTEGER PRIMARY KEY, ${CASE_FIELD_NAMES.join(', ')},
        pin, number_count, search_text, changes);
      CREATE TABLE ${this.numbers} (seq INTEGER, position INTEGER, raw, e164, error, PRIMARY KEY (seq, position))`);
    const columns = CASE_FIELD_NAMES.length + 5;
    this.insertCase = db.prepare(`INSERT INTO ${this.cases} VALUES (${Array(columns).fill('?').join(', ')})`);
    this.insertNumber = db.prepare(`INSERT INTO ${this.numbers} VALUES (?, ?, ?, ?, ?)`);
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
          c.numbers.length,
          row.searchText,
          JSON.stringify(row.changes),
        );
        c.numbers.forEach((n: PortNumber, i) => this.insertNumber.run(seq, i, n.raw, n.e164, n.error));
      }
    })();
  }

  /**
   * Staged cases seq `from`..`to` into the app's tables, in the caller's transaction; returns the
   * first new id. New ids follow the largest id at that moment, so a case created meanwhile keeps its own.
   */
  publishRange(from: number, to: number, actor: string, action: string, at: string): number {
    const db = this.db;
    const base = (db.prepare('SELECT coalesce(max(id), 0) AS id FROM cases').get() as { id: number }).id + 1 - from;
    const fields = CASE_FIELD_NAMES.join(', ');
    const range = { base, from, to };
    db.prepare(
      `INSERT INTO cases (id, status, status_rank, ${fields}, pin, pin_set_at, number_count,
        created_at, updated_at, changed_at, seen_at)
       SELECT seq + @base, 'intake', @rank, ${fields}, pin, CASE WHEN pin IS NULL THEN NULL ELSE @at END,
        number_count, @at, @at, @at, NULL FROM ${this.cases} WHERE seq BETWEEN @from AND @to ORDER BY seq`,
    ).run({ ...range, rank: statusRank('intake'), at });
    db.prepare(
      `INSERT INTO case_numbers (case_id, position, raw, e164, error)
       SELECT seq + @base, position, raw, e164, error FROM ${this.numbers}
       WHERE seq BETWEEN @from AND @to ORDER BY seq, position`,
    ).run(range);
    db.prepare(
      `INSERT INTO cases_fts (rowid, body)
       SELECT seq + @base, search_text FROM ${this.cases} WHERE seq BETWEEN @from AND @to ORDER BY seq`,
    ).run(range);
    db.prepare(
      `INSERT INTO case_history (case_id, at, actor, action, changes, note)
       SELECT seq + @base, @at, @actor, @action, changes, NULL FROM ${this.cases}
       WHERE seq BETWEEN @from AND @to ORDER BY seq`,
    ).run({ ...range, at, actor, action });
    return from + base;
  }

  /** Forget the staged rows (after publishing, or when the import fails). */
  drop(): void {
    if (this.db.open) this.db.exec(`DROP TABLE IF EXISTS ${this.cases}; DROP TABLE IF EXISTS ${this.numbers}`);
  }
}
