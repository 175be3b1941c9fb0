/**
 * The one computation of what is due, for the Due view, the header count, the notifications and
 * `portdesk due`: reads the cases, their newest read LOA and invoice, their porting orders and
 * their review checks. Reads only; never changes anything.
 */
import { DUE_NOTIFIED_KINDS, type DueItem, type DueList, type DueSettings } from '../../../shared/contract/due.js';
import type { CoreContext } from '../context.js';
import { localDay, toExtracted } from '../review/review.js';
import { limitsFor, loadReviewSettings } from '../review/settings.js';
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

export const NOTIFIED_KINDS: ReadonlySet<DueItem['kind']> = new Set(DUE_NOTIFIED_KINDS);

interface CaseRow {
  id: number;
  status: string;
  entity_name: string;
  losing_carrier: string;
  underlying_carrier: string;
  foc_date: string | null;
  checks: number;
}

export function dueFacts(ctx: CoreContext, asOf: string, settings: DueSettings): DueFact[] {
  const cases = ctx.db
    .prepare(
      `SELECT id, status, entity_name, losing_carrier, underlying_carrier, foc_date, checks FROM cases
       WHERE status NOT IN ('ported', 'cancelled') ORDER BY id`,
    )
    .all() as CaseRow[];
  const facts: DueFact[] = [];
  for (const c of cases) {
    const foc = focFact(ctx, c, asOf, settings);
    if (foc) facts.push(foc);
    if (DOCUMENTS_MATTER.includes(c.status)) facts.push(...documentAgeFacts(ctx, c, asOf, settings));
    facts.push(...stalledFacts(ctx, c, asOf, settings));
    if (c.checks > 0) facts.push(checksFact(c));
  }
  const rank = { overdue: 0, today: 1, soon: 2 } as const;
  return facts.sort(
    (a, b) =>
      rank[a.urgency] - rank[b.urgency] ||
      (a.date ?? '9999').localeCompare(b.date ?? '9999') ||
      a.case_id - b.case_id ||
      a.key.localeCompare(b.key),
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

/** The FOC of the case, else the newest confirmed FOC of its orders. */
function focFact(ctx: CoreContext, c: CaseRow, asOf: string, settings: DueSettings): DueFact | null {
  let foc = c.foc_date;
  if (!foc) {
    const order = ctx.db
      .prepare(
        `SELECT foc_actual FROM porting_orders WHERE case_id = ? AND foc_actual IS NOT NULL
         AND status NOT IN ('cancelled', 'ported') ORDER BY foc_actual DESC LIMIT 1`,
      )
      .get(c.id) as { foc_actual: string } | undefined;
    if (order && !Number.isNaN(Date.parse(order.foc_actual))) foc = localDay(new Date(order.foc_actual));
  }
  if (!foc) return null;
  const inDays = daysFrom(asOf, foc);
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

function documentAgeFacts(ctx: CoreContext, c: CaseRow, asOf: string, settings: DueSettings): DueFact[] {
  const docs = ctx.db
    .prepare(
      `SELECT id, kind FROM documents WHERE case_id = ? AND status = 'ready' AND kind IN ('loa', 'invoice') ORDER BY id`,
    )
    .all(c.id) as { id: number; kind: 'loa' | 'invoice' }[];
  // the review compares the newest read document of each kind: so does the age warning
  const newest = new Map(docs.map((d) => [d.kind, d.id]));
  const dates = new Map<'loa' | 'invoice', { docId: number; date: string; carrier?: string }>();
  for (const [kind, docId] of newest) {
    const fields = toExtracted(ctx.documents.repo.fields(docId));
    const date = fields.document_date?.value;
    if (date && /^\d{4}-\d{2}-\d{2}$/.test(date)) dates.set(kind, { docId, date, carrier: fields.carrier_name?.value });
  }
  if (!dates.size) return [];
  const names = [c.losing_carrier, dates.get('loa')?.carrier, dates.get('invoice')?.carrier, c.underlying_carrier];
  const limits = limitsFor(
    loadReviewSettings(ctx.settings),
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

function stalledFacts(ctx: CoreContext, c: CaseRow, asOf: string, settings: DueSettings): DueFact[] {
  const orders = ctx.db
    .prepare(
      `SELECT id, status, updated_at FROM porting_orders WHERE case_id = ?
       AND status IN (${WAITING_ON_CARRIER.map(() => '?').join(', ')}) ORDER BY id`,
    )
    .all(c.id, ...WAITING_ON_CARRIER) as { id: string; status: string; updated_at: string }[];
  const out: DueFact[] = [];
  for (const o of orders) {
    const stamp = Date.parse(o.updated_at);
    if (Number.isNaN(stamp)) continue;
    const since = localDay(new Date(stamp));
    const idle = businessDaysFrom(since, asOf);
    if (idle < settings.stalledBusinessDays) continue;
    const pastUsual = idle > CARRIER_ANSWER_DAYS.longest;
    out.push({
      key: `stalled:${c.id}:${o.id}:${since}`,
      kind: 'stalled',
      case_id: c.id,
      entity_name: c.entity_name,
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

function checksFact(c: CaseRow): DueFact {
  return {
    key: `checks:${c.id}:${c.checks}`,
    kind: 'checks',
    case_id: c.id,
    entity_name: c.entity_name,
    urgency: 'soon',
    date: null,
    title: `${c.checks} reading(s) to check`,
    detail: 'The review could not confirm these readings: check them against the documents in the review.',
  };
}
