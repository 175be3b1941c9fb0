/**
 * The review of a case: the comparison of its newest read LOA, invoice and CSR (and the case data)
 * with everything the review screen needs around it — age limits from the settings, the address by
 * parts, the values that can be copied into the case, the checklist with a person's ticks, whether
 * it may be marked ready, earlier overrides. Reads only stored fields: never the documents' files.
 */
import type { DocumentField } from '../../../shared/contract/documents.js';
import type { CaseReview, OverrideRecord, ReviewChecklistItem } from '../../../shared/contract/review.js';
import { STATUS_LABEL, transitionRefusal, type CaseRecord } from '../../../shared/domain/case.js';
import {
  COMPARED_FIELD_LABEL,
  type CaseCompareData,
  type ComparedField,
  type ComparisonResult,
  type PredictedRejection,
} from '../../../shared/domain/comparison.js';
import {
  ExtractedFields,
  type FieldCandidate,
  type FieldName,
  type PageText,
} from '../../../shared/domain/document.js';
import { labelInSentence } from '../../../shared/domain/fields.js';
import { compareCase } from '../compare/index.js';
import { loadAppSettings } from '../export/settings.js';
import { caseLineFindings } from '../porting/case-lines.js';
import { unansweredRejections } from '../porting/received-rejections.js';
import type { CoreContext } from '../context.js';
import { applyProposals, type ChosenFields } from './apply.js';
import { withCasePredictions, withLineRulePredictions } from './line-predictions.js';
import { addressPartRows } from './parts.js';
import { limitsFor, loadReviewSettings } from './settings.js';

/**
 * The values in force on a document (corrections win), as the comparison reads them; a machine-read
 * value keeps the extractor's ranked candidates (`candidates`, from the store), as `portdesk compare`
 * has them. A person's correction stands alone: candidates of another value would speak for it.
 */
export function toExtracted(
  fields: DocumentField[],
  candidates: Partial<Record<FieldName, FieldCandidate<unknown>[]>> = {},
): ExtractedFields {
  const out: Record<string, unknown> = {};
  const shape = ExtractedFields.shape;
  for (const f of fields) {
    if (!(f.field in shape)) continue;
    const field = f.field as FieldName;
    const value = { value: f.value, confidence: f.confidence, page: f.page, bbox: f.bbox };
    const ranked = f.source === 'extracted' ? candidates[field] : undefined;
    // candidates that do not fit this value's type are dropped, never the value itself
    if (ranked && shape[field].safeParse({ ...value, candidates: ranked }).success)
      out[field] = { ...value, candidates: ranked };
    // a value that does not fit the schema (an odd correction) is left out rather than failing the review
    else if (shape[field].safeParse(value).success) out[field] = value;
  }
  return ExtractedFields.parse(out);
}

function caseData(c: CaseRecord): CaseCompareData {
  return {
    entity_name: c.entity_name,
    authorized_person: c.authorized_person,
    btn: c.btn,
    account_number: c.account_number,
    pin_set: c.pin_set,
    service_street: c.service_street,
    service_unit: c.service_unit,
    service_city: c.service_city,
    service_state: c.service_state,
    service_zip: c.service_zip,
    losing_carrier: c.losing_carrier,
    underlying_carrier: c.underlying_carrier,
    numbers: c.numbers.flatMap((n) => (n.e164 ? [n.e164] : [])),
  };
}

/** The user's calendar day: an invoice dated today is 0 days old wherever the clock's zone is. */
export function localDay(d: Date): string {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** What a comparison of the case reads: the case and the stored fields of its chosen documents. */
export interface StoredInputs {
  record: CaseRecord;
  docs: ChosenFields;
  /** the chosen documents' words with boxes, for guided verification */
  pages: Partial<Record<'loa' | 'invoice' | 'csr', PageText[]>>;
  extraCsrs: ExtractedFields[];
  used: CaseReview['documents_used'];
  pending: CaseReview['pending_documents'];
}

export async function storedInputs(ctx: CoreContext, caseId: number): Promise<StoredInputs> {
  const record = await ctx.cases.get(caseId);
  const repo = ctx.documents.repo;
  const relevant = repo.list(caseId).filter((d) => d.kind === 'loa' || d.kind === 'invoice' || d.kind === 'csr');
  const ready = relevant.filter((d) => d.status === 'ready');
  // newest document of each kind wins; older CSRs may describe other accounts (split orders)
  const newest = (kind: string) => ready.filter((d) => d.kind === kind).at(-1) ?? null;
  const loaDoc = newest('loa');
  const invoiceDoc = newest('invoice');
  const csrDoc = newest('csr');
  const extraCsrDocs = ready.filter((d) => d.kind === 'csr' && d !== csrDoc);
  const fieldsOf = (id: number) => toExtracted(repo.fields(id), repo.extractedCandidates(id));
  const docs: ChosenFields = {};
  const pages: StoredInputs['pages'] = {};
  for (const [kind, doc] of [
    ['loa', loaDoc],
    ['invoice', invoiceDoc],
    ['csr', csrDoc],
  ] as const) {
    if (!doc) continue;
    docs[kind] = fieldsOf(doc.id);
    pages[kind] = repo.pages(doc.id);
  }
  return {
    record,
    docs,
    pages,
    extraCsrs: extraCsrDocs.map((d) => fieldsOf(d.id)),
    used: {
      loa: loaDoc?.id ?? null,
      invoice: invoiceDoc?.id ?? null,
      csr: csrDoc?.id ?? null,
      extra_csrs: extraCsrDocs.map((d) => d.id),
    },
    pending: relevant
      .filter((d) => d.status !== 'ready')
      .map((d) => ({ id: d.id, name: d.name, kind: d.kind, status: d.status })),
  };
}

export function compareStored(
  ctx: CoreContext,
  s: StoredInputs,
  asOf: string,
): { result: ComparisonResult; limits: CaseReview['limits'] } {
  const names = [
    s.record.losing_carrier,
    s.docs.loa?.carrier_name?.value,
    s.docs.invoice?.carrier_name?.value,
    s.docs.csr?.carrier_name?.value,
    s.record.underlying_carrier,
  ].filter((n): n is string => !!n);
  const limits = limitsFor(loadReviewSettings(ctx.settings), names, s.record.id);
  const compared = compareCase({
    asOf,
    ...s.docs,
    pages: s.pages,
    extraCsrs: s.extraCsrs,
    caseData: caseData(s.record),
    limits: { invoiceMaxAgeDays: limits.invoiceMaxAgeDays, loaMaxAgeDays: limits.loaMaxAgeDays },
    // the user's own company, named in the LOA's authorization: never the customer's name
    gainingCarrier: loadAppSettings(ctx.settings).gainingCarrier,
  });
  // what the send gate would stop (a wireless number without a fresh transfer PIN) blocks here too
  // so does a carrier's rejection nothing has answered since: sent again, it comes back
  const result = withCasePredictions(
    withLineRulePredictions(compared, caseLineFindings(ctx, s.record)),
    unansweredRejections(ctx, s.record.id),
  );
  return { result, limits };
}

/**
 * Store the outcome for the queue (cases.blockers) and for the daily refresh (review_state).
 * Returns true when the queue's count changed.
 */
export function recordOutcome(ctx: CoreContext, caseId: number, result: ComparisonResult): boolean {
  const before = ctx.db.prepare('SELECT blockers, checks FROM cases WHERE id = ?').get(caseId) as
    | { blockers: number; checks: number }
    | undefined;
  ctx.db
    .transaction(() => {
      ctx.cases.touch(caseId, { blockers: result.counts.blockers, checks: result.counts.checks });
      ctx.db
        .prepare(`INSERT INTO review_state (case_id, as_of, blockers, warnings, checks, codes, computed_at) VALUES (?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT(case_id) DO UPDATE SET as_of = excluded.as_of, blockers = excluded.blockers, warnings = excluded.warnings,
      checks = excluded.checks, codes = excluded.codes, computed_at = excluded.computed_at`)
        .run(
          caseId,
          result.as_of,
          result.counts.blockers,
          result.counts.warnings,
          result.counts.checks,
          JSON.stringify(result.predicted_rejections.map((p) => p.code)),
          ctx.now().toISOString(),
        );
    })
    .immediate();
  return before !== undefined && (before.blockers !== result.counts.blockers || before.checks !== result.counts.checks);
}

/** Recompute and store a case's blocker count from stored fields; true when it changed. */
export async function refreshBlockers(ctx: CoreContext, caseId: number): Promise<boolean> {
  const s = await storedInputs(ctx, caseId);
  const { result } = compareStored(ctx, s, localDay(ctx.now()));
  return recordOutcome(ctx, caseId, result);
}

export function overridesOf(ctx: CoreContext, caseId: number): OverrideRecord[] {
  const rows = ctx.db
    .prepare('SELECT id, at, actor, reason, as_of, blockers FROM review_overrides WHERE case_id = ? ORDER BY id DESC')
    .all(caseId) as (Omit<OverrideRecord, 'blockers'> & { blockers: string })[];
  return rows.map((r) => ({ ...r, blockers: JSON.parse(r.blockers) as OverrideRecord['blockers'] }));
}

function ticksOf(ctx: CoreContext, caseId: number): Map<string, { actor: string; at: string }> {
  const rows = ctx.db.prepare('SELECT item, actor, at FROM review_checklist WHERE case_id = ?').all(caseId) as {
    item: string;
    actor: string;
    at: string;
  }[];
  return new Map(rows.map((r) => [r.item, { actor: r.actor, at: r.at }]));
}

/** "LOCATION_MISMATCH (service address): …" — one line per blocker, for refusals and history notes. */
export function describeBlockers(blockers: readonly PredictedRejection[]): string {
  return blockers.map((b) => `${b.code} (${fieldLabel(b.field)}): ${b.reason}`).join(' ');
}

/** A compared field's name inside a sentence: "entity name", acronyms kept ("BTN", "PIN / passcode"). */
export function fieldLabel(field: string): string {
  const label = COMPARED_FIELD_LABEL[field as ComparedField];
  return label ? labelInSentence(label) : field.replace(/_/g, ' ');
}

/**
 * The comparison looked at no document at all: an empty list of rejections then means nothing was
 * checked, never that the case is clean. Says which documents are missing (read or not yet read).
 */
export function nothingCheckedRefusal(result: ComparisonResult, pending: StoredInputs['pending']): string | null {
  if (!result.banners.some((b) => b.kind === 'nothing_checked')) return null;
  const waiting = pending.map((d) => `${d.name} is ${d.status === 'ready' ? 'read' : d.status}`);
  return `Nothing could be checked: no LOA, invoice or CSR has been read for this case (missing: LOA, invoice, CSR${waiting.length ? `; ${waiting.join(', ')}` : ''}). Attach them on the Documents tab, or mark ready with a written override reason.`;
}

/** Why the case cannot be marked ready right now, or null. */
export function readyRefusal(
  rec: CaseRecord,
  blockers: readonly PredictedRejection[],
  nothingChecked: string | null = null,
): string | null {
  if (rec.status === 'ready') return `The case is already ${STATUS_LABEL.ready}.`;
  // from intake and documents, markReady walks the case through Review first (cases/progress.ts)
  const lifecycle =
    rec.status === 'intake' || rec.status === 'documents' ? null : transitionRefusal(rec.status, 'ready');
  if (lifecycle) return lifecycle;
  if (blockers.length) {
    return `${blockers.length} predicted rejection${blockers.length === 1 ? '' : 's'} block${blockers.length === 1 ? 's' : ''} it: ${blockers.map((b) => `${b.code} (${fieldLabel(b.field)})`).join(', ')}.`;
  }
  return nothingChecked;
}

/** The full review of a case, recorded for the queue. */
export async function reviewCase(ctx: CoreContext, caseId: number, asOf?: string): Promise<CaseReview> {
  const s = await storedInputs(ctx, caseId);
  const { result, limits } = compareStored(ctx, s, asOf ?? localDay(ctx.now()));
  // the queue shows how many blockers a case has without re-running every comparison; a look at
  // another day (asOf) must not overwrite today's count
  if (!asOf || asOf === localDay(ctx.now())) recordOutcome(ctx, caseId, result);
  const ticks = ticksOf(ctx, caseId);
  const checklist: ReviewChecklistItem[] = result.checklist.map((item) => {
    const tick = item.auto ? null : (ticks.get(item.id) ?? null);
    return tick
      ? { ...item, state: 'done', ticked: tick, note: `Ticked by ${tick.actor}.` }
      : { ...item, ticked: null };
  });
  const refusal = readyRefusal(s.record, result.predicted_rejections, nothingCheckedRefusal(result, s.pending));
  return {
    ...result,
    checklist,
    case_id: caseId,
    documents_used: s.used,
    pending_documents: s.pending,
    limits,
    address_parts: addressPartRows(result.fields.service_address, s.docs, s.record),
    apply: applyProposals(s.docs, s.record),
    ready: { status: s.record.status, can_mark_ready: refusal === null, refusal },
    overrides: overridesOf(ctx, caseId),
  };
}
