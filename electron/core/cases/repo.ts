import {
  CASE_FIELD_NAMES,
  CASE_PAPERS,
  CASE_STATUSES,
  nextActionOf,
  transitionRefusal,
  type PaperState,
  type PaperStates,
  type CaseFields,
  type CaseRecord,
  type CaseStatus,
  type CaseSummary,
  type HistoryEntry,
  type PortNumber,
} from '../../../shared/domain/case.js';
import { parsePhoneNumberFromString } from 'libphonenumber-js';
import { parseNumberList, phoneQueryDigits } from '../../../shared/domain/phone.js';
import { AppError } from '../../../shared/contract/rpc.js';
import type { CasesListInput } from '../../../shared/contract/cases.js';
import type { z } from 'zod';
import type Database from 'better-sqlite3';
import { cipherOf, type Db } from '../db/open.js';

type ListQuery = z.output<typeof import('../../../shared/contract/cases.js').CasesListInput>;

interface CaseRow extends CaseFields {
  id: number;
  status: CaseStatus;
  pin: string | null;
  version: number;
  number_count: number;
  blockers: number;
  created_at: string;
  updated_at: string;
  changed_at: string | null;
  seen_at: string | null;
}

export interface NewCase {
  fields: Partial<CaseFields>;
  pin?: string | null;
  numbers: PortNumber[];
  status?: CaseStatus;
  createdAt?: string;
}

export interface CaseChange {
  fields?: Partial<CaseFields>;
  pin?: string | null;
  numbers?: PortNumber[];
}

const EMPTY_FIELDS: CaseFields = {
  entity_name: '',
  authorized_person: '',
  btn: '',
  account_number: '',
  service_street: '',
  service_unit: '',
  service_city: '',
  service_state: '',
  service_zip: '',
  losing_carrier: '',
  underlying_carrier: '',
  customer_reference: '',
  notes: '',
  foc_date: null,
};

export function numbersFromText(text: string): PortNumber[] {
  return parseNumberList(text).map((p) =>
    p.ok ? { raw: p.raw, e164: p.e164, error: null } : { raw: p.raw, e164: null, error: p.error },
  );
}

/** Everything searchable about a case, as one trigram-indexed text. */
function searchBody(row: CaseFields, numbers: PortNumber[], extra: string[]): string {
  const acct = row.account_number;
  const parts = [
    row.entity_name,
    row.authorized_person,
    acct,
    acct.replace(/[\s\-./]/g, ''),
    row.customer_reference,
    row.btn.replace(/\D/g, ''),
    ...numbers.map((n) => (n.e164 ? n.e164.slice(1) : n.raw.replace(/\D/g, ''))),
    ...extra,
  ];
  return parts.filter(Boolean).join(' | ');
}

/** What a new case writes besides its id and times, worked out before any insert (the CSV import stages it). */
export interface NewCaseRow {
  fields: CaseFields;
  sealedPin: string | null;
  /** the case's text in the search index */
  searchText: string;
  /** its first history entry: every field it starts with */
  changes: HistoryChange[];
}

export function newCaseRow(c: NewCase, sealedPin: string | null): NewCaseRow {
  const fields = { ...EMPTY_FIELDS, ...c.fields };
  const changes: HistoryChange[] = CASE_FIELD_NAMES.filter((f) => fields[f] !== EMPTY_FIELDS[f] && f !== 'notes').map(
    (f) => ({ field: f, from: null, to: fields[f] }),
  );
  if (c.pin) changes.push({ field: 'pin', from: null, to: '(set)' });
  if (c.numbers.length) changes.push({ field: 'numbers', from: null, to: describeNumbers(c.numbers) });
  return { fields, sealedPin, searchText: searchBody(fields, c.numbers, []), changes };
}

export const statusRank = (s: CaseStatus) => CASE_STATUSES.indexOf(s);

/** Case persistence. Async on purpose: the database may move to a worker without callers changing. */
export class CaseRepository {
  private readonly statements = new Map<string, Database.Statement>();
  constructor(
    /** readable for the case-wide lookups of cases/duplicates.ts, which take the connection */
    readonly db: Db,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Prepared once, reused: preparing is the dominant cost of small queries in better-sqlite3. */
  private sql(text: string): Database.Statement {
    let s = this.statements.get(text);
    if (!s) {
      s = this.db.prepare(text);
      this.statements.set(text, s);
    }
    return s;
  }

  private stamp(): string {
    return this.now().toISOString();
  }

  /** A case the user just created is seen; imported and sample cases wait in the queue, unseen. */
  async create(input: NewCase, actor: string): Promise<number> {
    return this.createMany([input], actor, 'created', true)[0]!;
  }

  /** All or nothing: one transaction for the whole batch (CSV import, samples). */
  createMany(inputs: NewCase[], actor: string, action = 'created', seen = false): number[] {
    return this.db.transaction((batch: NewCase[]) => this.insertMany(batch, actor, action, seen)).immediate(inputs);
  }

  /** createMany's inserts, for a caller that already holds the write transaction. */
  insertMany(inputs: NewCase[], actor: string, action = 'created', seen = false): number[] {
    if (!this.db.inTransaction) throw new Error('insertMany needs an open transaction');
    const cipher = cipherOf(this.db);
    const insert = this.sql(`INSERT INTO cases (status, status_rank, ${CASE_FIELD_NAMES.join(', ')}, pin, pin_set_at,
      number_count, created_at, updated_at, changed_at, seen_at)
      VALUES (@status, @status_rank, ${CASE_FIELD_NAMES.map((f) => '@' + f).join(', ')}, @pin, @pin_set_at,
      @number_count, @created_at, @created_at, @created_at, @seen_at)`);
    const ids: number[] = [];
    for (const c of inputs) {
      const created = c.createdAt ?? this.stamp();
      const status = c.status ?? 'intake';
      const row = newCaseRow(c, cipher.sealNullable(c.pin));
      const id = Number(
        insert.run({
          ...row.fields,
          status,
          status_rank: statusRank(status),
          pin: row.sealedPin,
          pin_set_at: c.pin ? created : null,
          number_count: c.numbers.length,
          created_at: created,
          seen_at: seen ? created : null,
        }).lastInsertRowid,
      );
      this.insertNumbers(id, c.numbers); // a new case has none to replace
      // a new case has no search terms yet: its search text is known without reading it back
      this.sql('INSERT INTO cases_fts (rowid, body) VALUES (?, ?)').run(id, row.searchText);
      this.addHistory(id, actor, action, row.changes, null, created);
      ids.push(id);
    }
    return ids;
  }

  private writeNumbers(id: number, numbers: PortNumber[]): void {
    this.sql('DELETE FROM case_numbers WHERE case_id = ?').run(id);
    this.insertNumbers(id, numbers);
  }

  private insertNumbers(id: number, numbers: PortNumber[]): void {
    const ins = this.sql('INSERT INTO case_numbers (case_id, position, raw, e164, error) VALUES (?, ?, ?, ?, ?)');
    numbers.forEach((n, i) => ins.run(id, i, n.raw, n.e164, n.error));
  }

  /** Rebuild the search text of a case; features call it after changing their search terms. */
  reindex(id: number): void {
    const row = this.sql('SELECT * FROM cases WHERE id = ?').get(id) as CaseRow | undefined;
    this.sql('DELETE FROM cases_fts WHERE rowid = ?').run(id);
    if (!row) return;
    const extra = (this.sql('SELECT term FROM case_search_terms WHERE case_id = ?').all(id) as { term: string }[]).map(
      (t) => t.term,
    );
    this.sql('INSERT INTO cases_fts (rowid, body) VALUES (?, ?)').run(id, searchBody(row, this.numbersOf(id), extra));
  }

  numbersOf(id: number): PortNumber[] {
    return this.sql('SELECT raw, e164, error FROM case_numbers WHERE case_id = ? ORDER BY position').all(
      id,
    ) as PortNumber[];
  }

  private row(id: number): CaseRow {
    const row = this.sql('SELECT * FROM cases WHERE id = ?').get(id) as CaseRow | undefined;
    if (!row)
      throw new AppError('NOT_FOUND', `Case ${id} does not exist (it may have been deleted in another window).`);
    return row;
  }

  async get(id: number): Promise<CaseRecord> {
    return this.toRecord(this.row(id));
  }

  private toRecord(row: CaseRow): CaseRecord {
    const fields = Object.fromEntries(CASE_FIELD_NAMES.map((f) => [f, row[f]])) as CaseFields;
    return {
      ...fields,
      id: row.id,
      status: row.status,
      version: row.version,
      pin_set: row.pin !== null && row.pin !== '',
      blockers: row.blockers,
      numbers: this.numbersOf(row.id),
      created_at: row.created_at,
      updated_at: row.updated_at,
      next_action: nextActionOf(row.status, this.papers(row.id)),
    };
  }

  /** Where the case's LOA, invoice and CSR stand (documents in force only). */
  papers(id: number): PaperStates {
    const row = this.sql(`SELECT ${PAPERS_SQL} AS papers`).get({ id }) as { papers: string | null };
    return papersOf(row.papers);
  }

  /** The PIN in clear: only for the reveal, the porting order and an export that asks for it. */
  async pin(id: number): Promise<string | null> {
    return cipherOf(this.db).openNullable(this.row(id).pin);
  }

  private conflict(id: number): AppError {
    const current = this.toRecord(this.row(id));
    return new AppError(
      'CONFLICT',
      `Case ${id} was changed elsewhere (now version ${current.version}) since you opened it. Your edit was not saved; the current data is shown — reapply your change.`,
      { current },
    );
  }

  async update(id: number, version: number, change: CaseChange, actor: string, action = 'edited'): Promise<CaseRecord> {
    const tx = this.db.transaction(() => {
      const before = this.row(id);
      if (before.version !== version) throw this.conflict(id);
      const changes: HistoryChange[] = [];
      const next: Record<string, unknown> = {};
      for (const f of CASE_FIELD_NAMES) {
        const v = change.fields?.[f];
        if (v === undefined || v === before[f]) continue;
        next[f] = v;
        changes.push({ field: f, from: before[f], to: v });
      }
      if (change.pin !== undefined && (change.pin || null) !== (cipherOf(this.db).openNullable(before.pin) || null)) {
        next.pin = cipherOf(this.db).sealNullable(change.pin);
        next.pin_set_at = change.pin ? this.stamp() : null;
        changes.push({ field: 'pin', from: before.pin ? '(set)' : null, to: change.pin ? '(changed)' : '(cleared)' });
      }
      if (change.numbers) {
        const old = describeNumbers(this.numbersOf(id));
        const neu = describeNumbers(change.numbers);
        if (old !== neu) {
          this.writeNumbers(id, change.numbers);
          next.number_count = change.numbers.length;
          changes.push({ field: 'numbers', from: old || null, to: neu || null });
        }
      }
      if (changes.length === 0) return before;
      const now = this.stamp();
      const sets = Object.keys(next).map((k) => `${k} = @${k}`);
      const res =
        this.sql(`UPDATE cases SET ${[...sets, 'version = version + 1', 'updated_at = @now', 'changed_at = @now', 'seen_at = @now'].join(', ')}
        WHERE id = @id AND version = @version`).run({ ...next, now, id, version });
      if (res.changes !== 1) throw this.conflict(id);
      this.addHistory(id, actor, action, changes, null, now);
      this.reindex(id);
      return this.row(id);
    });
    return this.toRecord(tx.immediate());
  }

  async setStatus(
    id: number,
    version: number,
    status: CaseStatus,
    actor: string,
    note: string | null,
  ): Promise<CaseRecord> {
    const tx = this.db.transaction(() => {
      const before = this.row(id);
      if (before.version !== version) throw this.conflict(id);
      const refusal = transitionRefusal(before.status, status);
      if (refusal) throw new AppError('INVALID_TRANSITION', refusal, { from: before.status, to: status });
      const now = this.stamp();
      this.sql(`UPDATE cases SET status = ?, status_rank = ?, version = version + 1, updated_at = ?, changed_at = ?, seen_at = ?
        WHERE id = ?`).run(status, statusRank(status), now, now, now, id);
      this.addHistory(id, actor, 'status', [{ field: 'status', from: before.status, to: status }], note, now);
      return this.row(id);
    });
    return this.toRecord(tx.immediate());
  }

  addHistory(
    id: number,
    actor: string,
    action: string,
    changes: HistoryChange[],
    note: string | null,
    at = this.stamp(),
  ): void {
    this.sql('INSERT INTO case_history (case_id, at, actor, action, changes, note) VALUES (?, ?, ?, ?, ?, ?)').run(
      id,
      at,
      actor,
      action,
      JSON.stringify(changes),
      note,
    );
  }

  async history(id: number): Promise<HistoryEntry[]> {
    this.row(id);
    const rows = this.sql(
      'SELECT id, at, actor, action, changes, note FROM case_history WHERE case_id = ? ORDER BY id DESC',
    ).all(id) as (Omit<HistoryEntry, 'changes'> & { changes: string })[];
    return rows.map((r) => ({ ...r, changes: JSON.parse(r.changes) as HistoryEntry['changes'] }));
  }

  async markSeen(id: number): Promise<void> {
    this.row(id);
    this.sql('UPDATE cases SET seen_at = ? WHERE id = ?').run(this.stamp(), id);
  }

  /** Called by features that learn something new about a case (API status change, new blockers). */
  touch(id: number, fields: { blockers?: number; checks?: number; foc_date?: string | null; changed?: boolean }): void {
    const sets: string[] = [];
    const params: Record<string, unknown> = { id };
    if (fields.blockers !== undefined) {
      sets.push('blockers = @blockers');
      params.blockers = fields.blockers;
    }
    if (fields.checks !== undefined) {
      sets.push('checks = @checks');
      params.checks = fields.checks;
    }
    if (fields.foc_date !== undefined) {
      sets.push('foc_date = @foc_date');
      params.foc_date = fields.foc_date;
    }
    // an outside change (carrier, API) clears the user's last look, so the queue flags the case
    if (fields.changed) {
      sets.push('changed_at = @now', 'seen_at = NULL');
      params.now = this.stamp();
    }
    if (sets.length) this.sql(`UPDATE cases SET ${sets.join(', ')} WHERE id = @id`).run(params);
  }

  async carriers(): Promise<string[]> {
    return (
      this.sql(`SELECT DISTINCT losing_carrier AS c FROM cases WHERE losing_carrier <> ''
      ORDER BY losing_carrier COLLATE NOCASE`).all() as { c: string }[]
    ).map((r) => r.c);
  }

  /** The WHERE clause of a queue query: status, carrier and search (by "#19", number, name, account…). */
  private filters(q: Pick<ListQuery, 'status' | 'carrier' | 'search'>): { clause: string; params: unknown[] } {
    const where: string[] = [];
    const params: unknown[] = [];
    if (q.status?.length) {
      // most statuses (the Active view): name the few left out, so the age index is walked in order
      const wanted = new Set(q.status);
      const others = CASE_STATUSES.filter((s) => !wanted.has(s));
      const [op, list] = others.length < wanted.size ? ['NOT IN', others] : ['IN', [...wanted]];
      if (list.length) {
        where.push(`status ${op} (${list.map(() => '?').join(', ')})`);
        params.push(...list);
      }
    }
    if (q.carrier) {
      where.push('losing_carrier = ? COLLATE NOCASE');
      params.push(q.carrier);
    }
    const search = q.search?.trim();
    const caseNumber = search ? /^#\s*(\d{1,12})$/.exec(search) : null;
    if (caseNumber) {
      where.push('id = ?');
      params.push(Number(caseNumber[1]));
    } else if (search) {
      const match = ftsQuery(search);
      const phone = phoneSearchDigits(search);
      if (match && phone) {
        // any number on the case: its own (index), or one its documents list (the invoice's other lines, the CSR's BTN)
        where.push(`(id IN (SELECT rowid FROM cases_fts WHERE cases_fts MATCH ?) OR id IN (${DOCUMENT_NUMBER_CASES}))`);
        params.push(match, `%${phone}%`);
      } else if (match) {
        where.push('id IN (SELECT rowid FROM cases_fts WHERE cases_fts MATCH ?)');
        params.push(match);
      } else {
        // Too short for trigrams: a plain prefix match on the customer name or an exact id.
        where.push("(entity_name LIKE ? ESCAPE '\\' OR id = ?)");
        params.push(search.replace(/[\\%_]/g, (c) => '\\' + c) + '%', Number(search) || -1);
      }
    }
    return { clause: where.length ? `WHERE ${where.join(' AND ')}` : '', params };
  }

  /**
   * How many cases a query matches. Filtered by status alone on most statuses (the Active view), it
   * is the table's count (a b-tree count, no scan) less the few statuses left out: counting the
   * matching rows themselves would read most of the table.
   */
  private total(q: ListQuery, clause: string, params: unknown[]): number {
    const wanted = new Set(q.status ?? []);
    const others = CASE_STATUSES.filter((s) => !wanted.has(s));
    if (!q.carrier && !q.search?.trim() && wanted.size > 0 && others.length > 0 && others.length < wanted.size) {
      const all = (this.sql('SELECT count(*) AS n FROM cases').get() as { n: number }).n;
      const left = this.sql(
        `SELECT count(*) AS n FROM cases WHERE status IN (${others.map(() => '?').join(', ')})`,
      ).get(...others) as { n: number };
      return all - left.n;
    }
    return (this.sql(`SELECT count(*) AS n FROM cases ${clause}`).get(...params) as { n: number }).n;
  }

  /** Cases per status under the carrier and search filters (the status chips' counts). */
  async countsByStatus(q: Pick<ListQuery, 'carrier' | 'search'>): Promise<Record<CaseStatus, number>> {
    const { clause, params } = this.filters(q);
    const counts = Object.fromEntries(CASE_STATUSES.map((s) => [s, 0])) as Record<CaseStatus, number>;
    for (const r of this.sql(`SELECT status, count(*) AS n FROM cases ${clause} GROUP BY status`).all(...params) as {
      status: CaseStatus;
      n: number;
    }[])
      counts[r.status] = r.n;
    return counts;
  }

  async list(q: ListQuery): Promise<{ total: number; rows: CaseSummary[] }> {
    const { clause, params } = this.filters(q);
    const asc = q.direction === 'asc';
    const order = {
      // "age" descending = oldest first
      age: `created_at ${asc ? 'DESC' : 'ASC'}, id ${asc ? 'DESC' : 'ASC'}`,
      foc: asc ? 'foc_date IS NULL, foc_date, id' : 'foc_date IS NULL, foc_date DESC, id DESC',
      status: asc ? 'status_rank, created_at, id' : 'status_rank DESC, created_at DESC, id DESC',
      updated: `updated_at ${asc ? 'ASC' : 'DESC'}, id`,
      customer: `entity_name COLLATE NOCASE ${asc ? 'ASC' : 'DESC'}, id`,
      carrier: `losing_carrier COLLATE NOCASE ${asc ? 'ASC' : 'DESC'}, id`,
      numbers: `number_count ${asc ? 'ASC' : 'DESC'}, id`,
      blockers: `blockers ${asc ? 'ASC' : 'DESC'}, id`,
    }[q.sort];
    const total = this.total(q, clause, params);
    const rows =
      this.sql(`SELECT id, status, entity_name, losing_carrier, number_count, foc_date, created_at, updated_at,
        blockers, checks, changed_at, seen_at, ${PAPERS_SQL.replaceAll('@id', 'cases.id')} AS papers,
        ${SHARED_SQL} AS shared, ${OVERRIDDEN_SQL} AS overridden
        FROM cases ${clause} ORDER BY ${order} LIMIT ? OFFSET ?`).all(...params, q.limit, q.offset) as (CaseRow & {
        checks: number;
        changed_at: string | null;
        seen_at: string | null;
        papers: string | null;
        shared: string | null;
        overridden: number;
      })[];
    return {
      total,
      rows: rows.map((r) => ({
        id: r.id,
        status: r.status,
        entity_name: r.entity_name,
        losing_carrier: r.losing_carrier,
        number_count: r.number_count,
        foc_date: r.foc_date,
        created_at: r.created_at,
        updated_at: r.updated_at,
        next_action: nextActionOf(r.status, papersOf(r.papers)),
        blockers: r.blockers,
        checks: r.checks,
        unseen_change: r.changed_at !== null && (r.seen_at === null || r.changed_at > r.seen_at),
        papers: papersOf(r.papers),
        shares_numbers_with: sharedOf(r.shared),
        blockers_overridden: r.overridden === 1,
      })),
    };
  }

  count(): number {
    return (this.sql('SELECT count(*) AS n FROM cases').get() as { n: number }).n;
  }
}

type HistoryChange = HistoryEntry['changes'][number];

/** Active statuses hold their numbers; see cases/duplicates.ts. */
const ACTIVE = "status NOT IN ('cancelled', 'ported')";

/** "kind:status" of each paper in force, for papersOf; @id is the case. */
const PAPERS_SQL = `(SELECT group_concat(d.kind || ':' || d.status) FROM documents d WHERE d.case_id = @id
  AND d.removed_at IS NULL AND d.superseded_by IS NULL AND d.kind IN (${CASE_PAPERS.map((k) => `'${k}'`).join(', ')}))`;

/** "id:status" of the lowest-numbered other active case sharing a number, when this case is active. */
const SHARED_SQL = `(SELECT o.id || ':' || o.status FROM case_numbers n
  JOIN case_numbers m ON m.e164 = n.e164 AND m.case_id <> n.case_id JOIN cases o ON o.id = m.case_id
  WHERE n.case_id = cases.id AND n.e164 IS NOT NULL AND cases.${ACTIVE} AND o.${ACTIVE} ORDER BY o.id LIMIT 1)`;

/** Marked ready over its blockers, with a written reason (review.markReady). */
const OVERRIDDEN_SQL = `EXISTS (SELECT 1 FROM review_overrides r WHERE r.case_id = cases.id)`;

const PAPER_RANK: Record<PaperState, number> = { missing: 0, failed: 1, reading: 2, read: 3 };
const DOC_STATUS_PAPER: Record<string, PaperState> = {
  queued: 'reading',
  reading: 'reading',
  ready: 'read',
  failed: 'failed',
  cancelled: 'failed',
};

/** The best state among a kind's documents: one read CSR is enough, whatever else failed. */
function papersOf(column: string | null): PaperStates {
  const papers: PaperStates = { loa: 'missing', invoice: 'missing', csr: 'missing' };
  for (const pair of column ? column.split(',') : []) {
    const [kind, status] = pair.split(':') as [keyof PaperStates, string];
    const state = DOC_STATUS_PAPER[status] ?? 'missing';
    if (PAPER_RANK[state] > PAPER_RANK[papers[kind]]) papers[kind] = state;
  }
  return papers;
}

function sharedOf(column: string | null): CaseSummary['shares_numbers_with'] {
  if (!column) return null;
  const [id, status] = column.split(':') as [string, CaseStatus];
  return { id: Number(id), status };
}

function describeNumbers(numbers: PortNumber[]): string {
  return numbers.map((n) => n.e164 ?? `${n.raw} (invalid: ${n.error})`).join(', ');
}

/** Turn what the user typed into an FTS5 trigram query; null when nothing is long enough. */
export function ftsQuery(search: string): string | null {
  const digits = phoneQueryDigits(search);
  if (digits) return digits.length >= 3 ? `"${nationalDigits(digits) ?? digits}"` : null;
  const terms = search
    .split(/\s+/)
    .filter((t) => t.length >= 3)
    .map((t) => `"${t.replace(/"/g, '""')}"`);
  return terms.length ? terms.join(' AND ') : null;
}

/** Cases whose read documents carry a number containing the digits (numbers are stored as digits or E.164). */
const DOCUMENT_NUMBER_CASES = `SELECT d.case_id FROM document_fields f JOIN documents d ON d.id = f.document_id
  WHERE f.field IN ('btn', 'phone_numbers', 'numbers_not_to_port') AND f.value LIKE ?`;

/** The digits a phone-number query is matched by in document values (7+ digits, so a ZIP never matches). */
function phoneSearchDigits(search: string): string | null {
  const digits = phoneQueryDigits(search);
  if (!digits || digits.length < 7) return null;
  return nationalDigits(digits) ?? digits;
}

/**
 * The national part of a full number ("13035550170" → "3035550170"). Numbers to port are indexed as
 * E.164 digits, a BTN as the digits the user typed ("(303) 555-0170", "1-303-…", "+1 303 …"): the
 * national part is inside every one of them, so searching by it finds the case by either.
 */
function nationalDigits(e164Digits: string): string | null {
  if (e164Digits.length < 10) return null;
  const parsed = parsePhoneNumberFromString(`+${e164Digits}`);
  return parsed?.isValid() ? parsed.nationalNumber : null;
}

export type { CasesListInput };
