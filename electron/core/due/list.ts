/**
 * The one computation of what is due, for the Due view, the header count, the notifications and
 * `portdesk due`: reads the cases, their newest read LOA and invoice, their porting orders and
 * their review checks. Reads only; never changes anything.
 */
import type { DueItem, DueList, DueSettings } from '../../../shared/contract/due.js';
import type { CoreContext } from '../context.js';
import { localDay, toExtracted } from '../review/review.js';
import { limitsFor, loadReviewSettings } from '../review/settings.js';
import { hasRejectionSql, openRejectionSummary } from '../porting/received-rejections.js';
import { addDays, businessDaysFrom, daysFrom } from './days.js';
import { loadDueSettings } from './settings.js';

/** A due item before the notified flag is joined in. */
export type DueFact = Omit<DueItem, 'notified'>;

/** Statuses in which the documents' age still matters: before the order goes out, or back from an exception. */
const DOCUMENTS_MATTER = ['intake', 'documents', 'review', 'ready', 'exception'];
/** Telnyx order statuses in which the order waits on the losing carrier (seed 001). */
const WAITING_ON_CARRIER = ['submitted', 'in-process'];
/** Seed 002, step 4: "Gaining carrier reaches out to Losing carrier. This can take anywhere from 7-15 business days." */
const CARRIER_ANSWER_DAYS = { usual: 7, longest: 15 } as const;

interface CaseInfo {
  id: number;
  status: string;
  entity_name: string;
}

const OPEN = `c.status NOT IN ('ported', 'cancelled')`;
const inList = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');

/**
 * Set-based: one query per kind of fact over the open cases, so the list stays cheap on a queue of
 * tens of thousands of cases (it is recomputed after every burst of case changes); only the cases in
 * Exception with a rejection received, a handful, are read one by one for it.
 */
export function dueFacts(ctx: CoreContext, asOf: string, settings: DueSettings): DueFact[] {
  const facts: DueFact[] = [
    ...rejectedFacts(ctx, asOf),
    ...focFacts(ctx, asOf, settings),
    ...documentAgeFacts(ctx, asOf, settings),
    ...stalledFacts(ctx, asOf, settings),
    ...checksFacts(ctx),
  ];
  const rank = { overdue: 0, today: 1, soon: 2 } as const;
  // ordinal comparison: ISO days and keys sort by code unit, and localeCompare is slow on thousands of items
  const cmp = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
  return facts.sort(
    (a, b) =>
      rank[a.urgency] - rank[b.urgency] ||
      cmp(a.date ?? '9999', b.date ?? '9999') ||
      a.case_id - b.case_id ||
      cmp(a.key, b.key),
  );
}

/** The whole list with what was notified already. */
export function dueList(ctx: CoreContext, asOf?: string): DueList {
  const day = asOf ?? localDay(ctx.now());
  const settings = loadDueSettings(ctx.settings);
  const facts = dueFacts(ctx, day, settings);
  const notified = new Set(
    (ctx.db.prepare('SELECT item_key FROM due_notified').all() as { item_key: string }[]).map((r) => r.item_key),
  );
  return { as_of: day, settings, items: facts.map((f) => ({ ...f, notified: notified.has(f.key) })) };
}

/** The FOC of the case, else the newest confirmed FOC of its open orders. */
function focFacts(ctx: CoreContext, asOf: string, settings: DueSettings): DueFact[] {
  const latest = addDays(asOf, settings.focDaysAhead);
  const rows = ctx.db
    .prepare(
      `SELECT c.id, c.status, c.entity_name, c.foc_date FROM cases c
       WHERE ${OPEN} AND c.foc_date IS NOT NULL AND c.foc_date <= @latest AND (c.foc_date >= @asOf OR c.status = 'foc-confirmed')
       UNION ALL
       SELECT c.id, c.status, c.entity_name, max(o.foc_actual) AS foc_date FROM cases c JOIN porting_orders o ON o.case_id = c.id
       WHERE ${OPEN} AND c.foc_date IS NULL AND o.foc_actual IS NOT NULL AND o.status NOT IN ('cancelled', 'ported')
       GROUP BY c.id`,
    )
    .all({ asOf, latest }) as (CaseInfo & { foc_date: string })[];
  const out: DueFact[] = [];
  for (const c of rows) {
    // an order's FOC is a moment (UTC): the user's day of it
    const foc = c.foc_date.length > 10 ? localDayOf(c.foc_date) : c.foc_date;
    if (!foc) continue;
    const fact = focFact(c, foc, daysFrom(asOf, foc), settings);
    if (fact) out.push(fact);
  }
  return out;
}

function localDayOf(iso: string): string | null {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? null : localDay(new Date(t));
}

function focFact(c: CaseInfo, foc: string, inDays: number, settings: DueSettings): DueFact | null {
  // a passed FOC matters only while the case still waits on it: it should be ported by now
  if (inDays < 0 && c.status !== 'foc-confirmed') return null;
  if (inDays > settings.focDaysAhead) return null;
  const when =
    inDays < 0
      ? `passed ${-inDays} day(s) ago`
      : inDays === 0
        ? 'today'
        : inDays === 1
          ? 'tomorrow'
          : `in ${inDays} days`;
  return {
    key: `foc:${c.id}:${foc}`,
    kind: 'foc',
    case_id: c.id,
    entity_name: c.entity_name,
    urgency: inDays < 0 ? 'overdue' : inDays === 0 ? 'today' : 'soon',
    date: foc,
    title: `FOC ${when} (${foc})`,
    detail:
      inDays < 0
        ? 'The port date has passed: confirm the numbers work with the new carrier and mark the case ported.'
        : 'Prepare the activation: the numbers move on the FOC date.',
  };
}

interface DocCase extends CaseInfo {
  losing_carrier: string;
  underlying_carrier: string;
}

function documentAgeFacts(ctx: CoreContext, asOf: string, settings: DueSettings): DueFact[] {
  // the review compares the newest read document of each kind: so does the age warning
  const rows = ctx.db
    .prepare(
      `SELECT c.id, c.status, c.entity_name, c.losing_carrier, c.underlying_carrier, d.kind, max(d.id) AS doc_id
       FROM documents d JOIN cases c ON c.id = d.case_id
       WHERE d.status = 'ready' AND d.kind IN ('loa', 'invoice') AND c.status IN (${inList(DOCUMENTS_MATTER)})
       GROUP BY c.id, d.kind ORDER BY c.id`,
    )
    .all() as (DocCase & { kind: 'loa' | 'invoice'; doc_id: number })[];
  const byCase = new Map<number, { info: DocCase; docs: Map<'loa' | 'invoice', number> }>();
  for (const r of rows) {
    const entry = byCase.get(r.id) ?? { info: r, docs: new Map() };
    entry.docs.set(r.kind, r.doc_id);
    byCase.set(r.id, entry);
  }
  const review = loadReviewSettings(ctx.settings);
  return [...byCase.values()].flatMap(({ info, docs }) => caseDocumentFacts(ctx, info, docs, asOf, settings, review));
}

function caseDocumentFacts(
  ctx: CoreContext,
  c: DocCase,
  docs: Map<'loa' | 'invoice', number>,
  asOf: string,
  settings: DueSettings,
  review: ReturnType<typeof loadReviewSettings>,
): DueFact[] {
  const dates = new Map<'loa' | 'invoice', { docId: number; date: string; carrier?: string }>();
  for (const [kind, docId] of docs) {
    const fields = toExtracted(ctx.documents.repo.fields(docId));
    const date = fields.document_date?.value;
    if (date && /^\d{4}-\d{2}-\d{2}$/.test(date)) dates.set(kind, { docId, date, carrier: fields.carrier_name?.value });
  }
  if (!dates.size) return [];
  const names = [c.losing_carrier, dates.get('loa')?.carrier, dates.get('invoice')?.carrier, c.underlying_carrier];
  const limits = limitsFor(
    review,
    names.filter((n): n is string => !!n),
  );
  const out: DueFact[] = [];
  for (const [kind, d] of dates) {
    const maxAge = kind === 'loa' ? limits.loaMaxAgeDays : limits.invoiceMaxAgeDays;
    const limitDay = addDays(d.date, maxAge);
    const left = daysFrom(asOf, limitDay);
    if (left > settings.ageWarnDays) continue;
    const noun = kind === 'loa' ? 'LOA' : 'Invoice';
    const limitText = `${maxAge}-day limit${limits.carrier ? ` (${limits.carrier})` : ''}`;
    out.push({
      key: `${kind}_age:${c.id}:${d.docId}:${limitDay}`,
      kind: kind === 'loa' ? 'loa_age' : 'invoice_age',
      case_id: c.id,
      entity_name: c.entity_name,
      urgency: left < 0 ? 'overdue' : left === 0 ? 'today' : 'soon',
      date: limitDay,
      title:
        left < 0
          ? `${noun} too old since ${limitDay}`
          : left === 0
            ? `${noun} reaches its age limit today`
            : `${noun} reaches its age limit in ${left} day(s)`,
      detail:
        `${noun} dated ${d.date}, ${limitText}. ` +
        (kind === 'loa'
          ? 'Ask the customer for a newly signed LOA before submitting.'
          : 'Ask the customer for their most recent bill before submitting.'),
    });
  }
  return out;
}

function stalledFacts(ctx: CoreContext, asOf: string, settings: DueSettings): DueFact[] {
  const orders = ctx.db
    .prepare(
      `SELECT o.id, o.case_id, o.status, o.updated_at, c.entity_name FROM porting_orders o JOIN cases c ON c.id = o.case_id
       WHERE o.status IN (${inList(WAITING_ON_CARRIER)}) AND ${OPEN} ORDER BY o.case_id, o.id`,
    )
    .all() as { id: string; case_id: number; status: string; updated_at: string; entity_name: string }[];
  const out: DueFact[] = [];
  for (const o of orders) {
    const since = localDayOf(o.updated_at);
    if (!since) continue;
    const idle = businessDaysFrom(since, asOf);
    if (idle < settings.stalledBusinessDays) continue;
    const pastUsual = idle > CARRIER_ANSWER_DAYS.longest;
    out.push({
      key: `stalled:${o.case_id}:${o.id}:${since}`,
      kind: 'stalled',
      case_id: o.case_id,
      entity_name: o.entity_name,
      urgency: pastUsual ? 'overdue' : 'soon',
      date: since,
      title: `Order ${o.id.slice(0, 8)} ${o.status}: no progress for ${idle} business days`,
      detail: escalationText(idle),
    });
  }
  return out;
}

/** What seed 002 says to expect, and what to do once the wait runs past it. */
export function escalationText(idleBusinessDays: number): string {
  const { usual, longest } = CARRIER_ANSWER_DAYS;
  if (idleBusinessDays > longest)
    return (
      `Past the ${usual}–${longest} business days the losing carrier usually takes to answer (seed 002). ` +
      'Escalate: ask the gaining carrier to chase the losing carrier (comment on the order), and ask the customer ' +
      'about a pending service request or an unpaid balance, the usual reasons a port is held.'
    );
  return (
    `The losing carrier usually answers within ${usual}–${longest} business days (seed 002). ` +
    'Ask for a status update on the order; escalate if nothing moves by then.'
  );
}

/**
 * Cases back from the carrier: each day in Exception is a day the port does not move, so the fix is
 * due today (overdue once a business day has passed since the rejection came).
 */
function rejectedFacts(ctx: CoreContext, asOf: string): DueFact[] {
  // whether a reason was received is asked in the one query: only those cases are read one by one
  const rows = ctx.db
    .prepare(
      `SELECT c.id, c.status, c.entity_name, ${hasRejectionSql('c.id')} AS told
       FROM cases c WHERE c.status = 'exception' ORDER BY c.id`,
    )
    .all() as (CaseInfo & { told: number })[];
  return rows.map((c) => {
    const r = c.told ? openRejectionSummary(ctx, c.id) : null;
    const idle = r ? businessDaysFrom(r.receivedOn, asOf) : 0;
    const first = r?.codes[0];
    return {
      key: `rejected:${c.id}:${r?.receivedOn ?? 'unknown'}`,
      kind: 'rejected',
      case_id: c.id,
      entity_name: c.entity_name,
      urgency: idle >= 1 ? 'overdue' : 'today',
      date: r?.receivedOn ?? null,
      title: r?.codes.length
        ? `Rejected ${r.receivedOn}: ${r.codes.map((x) => x.code).join(', ')}`
        : 'Rejected by the carrier: no reason recorded',
      detail: first
        ? `${first.title}: ${first.action}`
        : "Record the carrier's reason (paste its e-mail on the Submission tab, or read the order's exception), fix it and resubmit.",
    };
  });
}

function checksFacts(ctx: CoreContext): DueFact[] {
  const rows = ctx.db
    .prepare(`SELECT c.id, c.entity_name, c.checks FROM cases c WHERE c.checks > 0 AND ${OPEN} ORDER BY c.id`)
    .all() as { id: number; entity_name: string; checks: number }[];
  return rows.map((c) => ({
    key: `checks:${c.id}:${c.checks}`,
    kind: 'checks',
    case_id: c.id,
    entity_name: c.entity_name,
    urgency: 'soon',
    date: null,
    title: `${c.checks} reading(s) to check`,
    detail: 'The review could not confirm these readings: check them against the documents in the review.',
  }));
}
