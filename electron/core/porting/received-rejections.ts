/**
 * The rejections a case received (by e-mail or ticket, or as its Telnyx orders' exceptions), and
 * what they still ask of it.
 *
 * A resubmission that changes nothing the carrier rejected comes back with the same rejection, days
 * later. Before a case is sent again, each code of the latest rejection received by e-mail or
 * ticket, and of the exceptions its Telnyx orders are still in, must have been answered since it
 * came: the case field it names edited (an address by any of its parts), a document's reading of
 * that field corrected, or a new LOA attached; for the codes about the papers, a new LOA or invoice.
 * Codes about the carrier's side (FOC, a pending LSR, an unpaid balance), and those whose fix is no
 * new value of their field (split the order, have a feature removed: `fixed_by_new_value` in the
 * rejection table), ask nothing of the case. A value the specialist knows to be right goes through
 * Review with a written reason, like any other overridden blocker.
 */
import type { ManualRejection, ParsedRejectionCode } from '../../../shared/contract/channel.js';
import type { PredictedRejection } from '../../../shared/domain/comparison.js';
import { FIELD_NAMES, type DocumentKind, type FieldName } from '../../../shared/domain/document.js';
import { fieldSpec, labelInSentence } from '../../../shared/domain/fields.js';
import { explainCode, rejectionEntry } from '../compare/rejections.js';
import type { CoreContext } from '../context.js';

/** The e-mailed rejections of a case, newest first (the packet carries them too). */
export function storedRejections(db: CoreContext['db'], caseId: number): ManualRejection[] {
  const rows = db
    .prepare(
      'SELECT received_on, text, codes, recorded_at, recorded_by FROM case_rejections WHERE case_id = ? ORDER BY id DESC',
    )
    .all(caseId) as (Omit<ManualRejection, 'codes'> & { codes: string })[];
  return rows.map((r) => ({ ...r, codes: JSON.parse(r.codes) as ParsedRejectionCode[] }));
}

/** The codes whose fix is a new paper, by the rejection table's field: the kind of document that fixes it. */
const FIXED_BY_PAPER: Readonly<Record<string, DocumentKind>> = {
  loa_signature: 'loa',
  loa_date: 'loa',
  invoice_date: 'invoice',
};

/** The case fields that hold a field of the registry (an address by its parts); [] for none. */
function caseFieldsOf(field: string): string[] {
  if (!(FIELD_NAMES as readonly string[]).includes(field)) return [];
  const spec = fieldSpec(field as FieldName);
  if (spec.caseField) return [spec.caseField];
  return (spec.parts ?? []).map((p) => p.caseField);
}

/**
 * SQL: whether the case `caseId` (an SQL expression) has a rejection on record — one received by
 * e-mail or ticket, or an exception one of its orders is still in. The one test the Due list and the
 * blocker counts make before reading a case's rejections.
 */
export function hasRejectionSql(caseId: string): string {
  return `(EXISTS (SELECT 1 FROM case_rejections r WHERE r.case_id = ${caseId})
    OR EXISTS (SELECT 1 FROM porting_order_exceptions e JOIN porting_orders o ON o.id = e.order_id
               WHERE o.case_id = ${caseId} AND e.resolved_at IS NULL))`;
}

/** A rejection the case has not been sent again since: when it came, and its codes. */
interface OpenRejection {
  receivedOn: string;
  since: string;
  codes: { code: string; known: boolean; title: string; field: string | null; action: string }[];
}

type FieldChange = { field: string; from: unknown; to: unknown };

/** The case's history after a moment, oldest first, one list of field changes per entry: read once per moment. */
function historyReader(ctx: CoreContext, caseId: number): (since: string) => FieldChange[][] {
  const read = new Map<string, FieldChange[][]>();
  return (since) => {
    let entries = read.get(since);
    if (!entries) {
      entries = (
        ctx.db
          .prepare('SELECT changes FROM case_history WHERE case_id = ? AND at > ? ORDER BY id')
          .all(caseId, since) as {
          changes: string;
        }[]
      ).map((h) => JSON.parse(h.changes) as FieldChange[]);
      read.set(since, entries);
    }
    return entries;
  };
}

/**
 * The rejections still open: the latest one received by e-mail or ticket, unless the case was sent
 * again after it, and the exceptions its Telnyx orders came back with and have not left.
 */
function openRejections(
  ctx: CoreContext,
  caseId: number,
  historySince: (since: string) => FieldChange[][] = historyReader(ctx, caseId),
): OpenRejection[] {
  const out: OpenRejection[] = [];
  const latest = storedRejections(ctx.db, caseId)[0];
  if (latest) {
    const resent = historySince(latest.recorded_at).some((changes) =>
      changes.some((c) => c.field === 'status' && c.to === 'submitted'),
    );
    // sent again since: the carrier's next answer is what counts, not this one
    if (!resent) out.push({ receivedOn: latest.received_on, since: latest.recorded_at, codes: latest.codes });
  }
  const apiRows = ctx.db
    .prepare(
      `SELECT e.code, e.description, e.received_at FROM porting_order_exceptions e JOIN porting_orders o ON o.id = e.order_id
       WHERE o.case_id = ? AND e.resolved_at IS NULL ORDER BY e.received_at, e.id`,
    )
    .all(caseId) as { code: string; description: string | null; received_at: string }[];
  for (const r of apiRows) {
    const e = explainCode(r.code, r.description ?? undefined);
    out.push({
      receivedOn: r.received_at.slice(0, 10),
      since: r.received_at,
      codes: [{ code: e.code, known: e.known, title: e.title, field: e.field, action: e.action }],
    });
  }
  return out;
}

/** The case's open rejections as a person reads them: when the latest came, and its codes with their fix. */
export function openRejectionSummary(
  ctx: CoreContext,
  caseId: number,
): { receivedOn: string; codes: { code: string; title: string; action: string }[] } | null {
  const open = openRejections(ctx, caseId);
  if (!open.length) return null;
  const codes = new Map<string, { code: string; title: string; action: string }>();
  for (const r of open)
    for (const c of r.codes)
      if (!codes.has(c.code)) codes.set(c.code, { code: c.code, title: c.title, action: c.action });
  return {
    receivedOn: open
      .map((r) => r.receivedOn)
      .sort()
      .at(-1)!,
    codes: [...codes.values()],
  };
}

/** What the specialist changed after `since`: case fields, a document's reading of a field, new papers. */
function changesSince(
  ctx: CoreContext,
  caseId: number,
  since: string,
  historySince: (since: string) => FieldChange[][],
) {
  // each field's value when the rejection came (its first change's "from") and now (its last "to"):
  // a field edited and then put back is unchanged
  const span = new Map<string, { from: unknown; to: unknown }>();
  for (const changes of historySince(since)) {
    for (const c of changes) {
      const first = span.get(c.field);
      span.set(c.field, { from: first ? first.from : c.from, to: c.to });
    }
  }
  // the history keeps no PIN, only that it changed: a PIN entered since counts as changed
  const edited = (field: string) => {
    const s = span.get(field);
    return s !== undefined && (field === 'pin' || s.from !== s.to);
  };
  const papers = new Set(
    (
      ctx.db
        .prepare(
          "SELECT kind FROM documents WHERE case_id = ? AND created_at > ? AND status NOT IN ('failed', 'cancelled')",
        )
        .all(caseId, since) as { kind: DocumentKind }[]
    ).map((d) => d.kind),
  );
  return { edited, papers };
}

/** The codes of the open rejections that nothing has answered since, as the review's predictions. */
export function unansweredRejections(ctx: CoreContext, caseId: number): PredictedRejection[] {
  const out: PredictedRejection[] = [];
  const historySince = historyReader(ctx, caseId);
  for (const r of openRejections(ctx, caseId, historySince)) {
    const { edited, papers } = changesSince(ctx, caseId, r.since, historySince);
    for (const code of r.codes) {
      if (!code.known || !code.field || out.some((p) => p.code === code.code)) continue;
      const entry = rejectionEntry(code.code);
      if (entry.fixed_by_new_value === false) continue;
      const paper = FIXED_BY_PAPER[code.field];
      const fields = caseFieldsOf(code.field);
      let reason: string | null = null;
      if (paper) {
        if (!papers.has(paper))
          reason = `The carrier rejected the order on ${r.receivedOn} (${code.title}) and no new ${paper === 'loa' ? 'LOA' : 'invoice'} has been attached since.`;
      } else if (fields.length && !papers.has('loa') && ![...fields, code.field].some(edited)) {
        const display = labelInSentence(fieldSpec(code.field as FieldName).display);
        reason = `The carrier rejected the ${display} on ${r.receivedOn} (${code.title}) and it has not been changed since: sent again, it would be rejected again.`;
      }
      if (!reason) continue;
      out.push({
        code: entry.code,
        field: entry.field,
        level: 'blocker',
        sources: ['case'],
        meaning: entry.meaning,
        action: `${entry.action} If it is right as it is, mark the case ready with a written reason.`,
        reason,
        evidence: {},
        received_on: r.receivedOn,
      });
    }
  }
  return out;
}
