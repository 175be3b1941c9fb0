/**
 * Cases that describe the same port twice. A port is the same when it carries the same customer
 * reference, or when its numbers are already on another active case (a number can be in one porting
 * order at a time: the carrier refuses the second). Read by the CSV import (to report a row instead
 * of creating it), by the case screen (a banner naming the other case) and by the queue (a badge).
 */
import type { CaseHoldingNumbers, ImportDuplicate } from '../../../shared/contract/cases.js';
import { STATUS_LABEL, type CaseStatus } from '../../../shared/domain/case.js';
import type Database from 'better-sqlite3';
import type { Db } from '../db/open.js';
import type { ImportRow } from './csv.js';
import type { ImportRowCheckFactory, ImportRowVerdict } from './import.js';
import type { NewCase } from './repo.js';

/** Statuses that no longer hold their numbers: a cancelled or ported case does not clash. */
export const INACTIVE_STATUSES: readonly CaseStatus[] = ['cancelled', 'ported'];
const ACTIVE_SQL = `c.status NOT IN (${INACTIVE_STATUSES.map((s) => `'${s}'`).join(', ')})`;

/** Prepared once per connection: preparing is the dominant cost of a small query, and an import asks per row. */
const holdersStatements = new WeakMap<Db, Database.Statement>();
function holdersStatement(db: Db): Database.Statement {
  let s = holdersStatements.get(db);
  if (!s) {
    s = db.prepare(`SELECT c.id, c.entity_name, c.status, n.e164 FROM case_numbers n JOIN cases c ON c.id = n.case_id
      WHERE n.e164 = ? AND ${ACTIVE_SQL} AND c.id <> ?`);
    holdersStatements.set(db, s);
  }
  return s;
}

/** Other active cases listing any of these numbers, with the numbers they share; lowest id first. */
export function activeCasesHolding(
  db: Db,
  e164s: readonly string[],
  excludeCaseId: number | null,
): CaseHoldingNumbers[] {
  if (!e164s.length) return [];
  const byCase = new Map<number, CaseHoldingNumbers>();
  const lookup = holdersStatement(db);
  for (const e164 of new Set(e164s)) {
    for (const r of lookup.all(e164, excludeCaseId ?? -1) as {
      id: number;
      entity_name: string;
      status: CaseStatus;
      e164: string;
    }[]) {
      const held = byCase.get(r.id) ?? { id: r.id, entity_name: r.entity_name, status: r.status, numbers: [] };
      held.numbers.push(r.e164);
      byCase.set(r.id, held);
    }
  }
  return [...byCase.values()].sort((a, b) => a.id - b.id);
}

/** The active cases sharing numbers with this one (the case banner and the queue badge). */
export function casesSharingNumbers(db: Db, caseId: number): CaseHoldingNumbers[] {
  const mine = (
    db.prepare('SELECT e164 FROM case_numbers WHERE case_id = ? AND e164 IS NOT NULL').all(caseId) as { e164: string }[]
  ).map((r) => r.e164);
  return activeCasesHolding(db, mine, caseId);
}

/** "case #12 (FOC confirmed)" — how every message names the other case. */
export function describeHolder(c: { id: number; status: CaseStatus }): string {
  return `case #${c.id} (${STATUS_LABEL[c.status]})`;
}

export interface DuplicateScreenOptions {
  /** "import anyway": only these CSV rows are imported, duplicates or not */
  importAnywayRows?: readonly number[] | undefined;
}

/** The import's duplicate check (the per-row seam of cases/import.ts), made once per import. */
export function duplicateRowCheck(options: DuplicateScreenOptions = {}): ImportRowCheckFactory {
  return (ctx) => {
    const screen = new DuplicateScreen(ctx.db, options);
    return (row) => screen.check(row);
  };
}

/**
 * Screens the rows of one CSV import before they are staged. Nothing of the file is in the cases
 * table until it is published, so it remembers the keys of the file's earlier rows itself: a file
 * listing a case twice is caught too.
 */
export class DuplicateScreen {
  private readonly anyway: ReadonlySet<number> | null;
  private readonly byReference: Database.Statement;
  /** customer reference → the first row of this file that brought it */
  private readonly seenReferences = new Map<string, number>();
  /** number (E.164) → the first row of this file that brought it */
  private readonly seenNumbers = new Map<string, number>();
  /**
   * What the queue holds when the import starts, read once: most rows of a file clash with nothing,
   * and one lookup in memory instead of three queries per row keeps a 50,000-row import from doubling
   * its time. Only a row that hits here is looked up for the case that holds it.
   */
  private known: { references: Set<string>; activeNumbers: Set<string> } | null = null;

  constructor(
    private readonly db: Db,
    options: DuplicateScreenOptions = {},
  ) {
    this.anyway = options.importAnywayRows ? new Set(options.importAnywayRows) : null;
    this.byReference = db.prepare(
      `SELECT c.id, c.status FROM cases c WHERE c.customer_reference = ? AND c.customer_reference <> '' ORDER BY ${ACTIVE_SQL} DESC, c.id DESC LIMIT 1`,
    );
  }

  /** Keep the row (undefined), report it as a duplicate, or skip it (not among the "import anyway" rows). */
  check({ row, case: c }: ImportRow): ImportRowVerdict {
    if (this.anyway) return this.anyway.has(row) ? undefined : { skip: true };
    const repeated = this.earlierRowOf(c);
    const clash =
      repeated !== undefined
        ? {
            caseId: null,
            caseStatus: null,
            reason: `Repeats row ${repeated} of this file (same reference or numbers).`,
          }
        : this.clashOf(c);
    if (clash) return { duplicate: { row, entity_name: c.fields.entity_name ?? '', ...clash } };
    const reference = c.fields.customer_reference?.trim();
    if (reference && !this.seenReferences.has(reference)) this.seenReferences.set(reference, row);
    for (const { e164 } of c.numbers) if (e164 && !this.seenNumbers.has(e164)) this.seenNumbers.set(e164, row);
    return undefined;
  }

  /** The first earlier row of this file with the same reference, else with one of the same numbers. */
  private earlierRowOf(c: NewCase): number | undefined {
    const reference = c.fields.customer_reference?.trim();
    const byReference = reference ? this.seenReferences.get(reference) : undefined;
    if (byReference !== undefined) return byReference;
    // one lookup per number, no key strings or arrays built: an import asks this of every row
    for (const { e164 } of c.numbers) {
      const earlier = e164 ? this.seenNumbers.get(e164) : undefined;
      if (earlier !== undefined) return earlier;
    }
    return undefined;
  }

  private queueAtStart(): { references: Set<string>; activeNumbers: Set<string> } {
    this.known ??= {
      references: new Set(
        this.db
          .prepare("SELECT customer_reference FROM cases WHERE customer_reference <> ''")
          .pluck()
          .all() as string[],
      ),
      activeNumbers: new Set(
        this.db
          .prepare(
            `SELECT n.e164 FROM case_numbers n JOIN cases c ON c.id = n.case_id WHERE n.e164 IS NOT NULL AND ${ACTIVE_SQL}`,
          )
          .pluck()
          .all() as string[],
      ),
    };
    return this.known;
  }

  private clashOf(c: NewCase): Omit<ImportDuplicate, 'row' | 'entity_name'> | null {
    const known = this.queueAtStart();
    const reference = c.fields.customer_reference?.trim();
    if (reference && known.references.has(reference)) {
      const same = this.byReference.get(reference) as { id: number; status: CaseStatus } | undefined;
      if (same)
        return {
          caseId: same.id,
          caseStatus: same.status,
          reason: `Customer reference ${reference} is already ${describeHolder(same)}.`,
        };
    }
    const numbers = c.numbers.flatMap((n) => (n.e164 ? [n.e164] : []));
    if (!numbers.some((n) => known.activeNumbers.has(n))) return null;
    const holder = activeCasesHolding(this.db, numbers, null)[0];
    if (!holder) return null;
    const all = holder.numbers.length === new Set(numbers).size;
    return {
      caseId: holder.id,
      caseStatus: holder.status,
      reason: `${all ? 'All its numbers are' : `${holder.numbers.length} of its ${new Set(numbers).size} numbers are`} already on ${describeHolder(holder)}: ${holder.numbers.join(', ')}.`,
    };
  }
}

/** Telnyx's refusal of a number another order holds: "+13125550148 is already in porting order 9c0b…". */
const IN_ORDER = /(\+\d{8,15}) is already in porting order ([\w-]+)/;

/**
 * The API's "already in a porting order" errors in words: which case holds the number (found by the
 * order id PortDesk stored, else by the number on another active case), and what to do. Other
 * errors pass unchanged.
 */
export function explainNumbersInOrder<E extends { message: string; holderCaseId?: number | null }>(
  db: Db,
  caseId: number,
  errors: readonly E[],
): E[] {
  const orderCase = db.prepare(
    'SELECT c.id, c.entity_name, c.status FROM porting_orders o JOIN cases c ON c.id = o.case_id WHERE o.id = ?',
  );
  return errors.map((e) => {
    const m = IN_ORDER.exec(e.message);
    if (!m) return e;
    const [, number, orderId] = m as unknown as [string, string, string];
    const holder =
      (orderCase.get(orderId) as Omit<CaseHoldingNumbers, 'numbers'> | undefined) ??
      activeCasesHolding(db, [number], caseId)[0];
    if (!holder || holder.id === caseId) {
      return {
        ...e,
        message: `${number} is already in another porting order (${orderId.slice(0, 8)}), not one of this case. A number can be in one porting order at a time: have that order cancelled, or remove ${number} from this case.`,
        holderCaseId: null,
      };
    }
    return {
      ...e,
      message: `${number} is already being ported in case #${holder.id} — ${holder.entity_name || '(no name)'} (${STATUS_LABEL[holder.status]}). A number can be in one porting order at a time: sending again is refused the same way. Cancel one of the two cases, or remove ${number} from this one.`,
      holderCaseId: holder.id,
    };
  });
}
