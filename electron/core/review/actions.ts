/**
 * What a specialist does on the review screen: copy a document's value into the case, mark the
 * case ready (or override the blockers with a written reason), tick checklist items. Every change
 * goes through the case repository, so it lands in the history with the optimistic version check.
 */
import type { ApplicableField, ApplySource, CaseReview, OverrideRecord } from '../../../shared/contract/review.js';
import { AppError } from '../../../shared/contract/rpc.js';
import type { ComparisonResult, PredictedRejection } from '../../../shared/domain/comparison.js';
import type { CaseRecord } from '../../../shared/domain/case.js';
import { stepToReview } from '../cases/progress.js';
import { preSubmitChecklist } from '../compare/carriers.js';
import type { CoreContext } from '../context.js';
import { applyChanges, matchesCsr } from './apply.js';
import {
  describeBlockers,
  fieldLabel,
  localDay,
  nothingCheckedRefusal,
  readyRefusal,
  reviewCase,
  storedInputs,
  compareStored,
  recordOutcome,
  type StoredInputs,
} from './review.js';

const SOURCE_LABEL: Record<ApplySource, string> = { csr: 'CSR', invoice: 'invoice', loa: 'LOA' };
const SOURCE_HISTORY: Record<ApplySource, string> = {
  csr: 'applied CSR value',
  invoice: 'applied invoice value',
  loa: 'applied LOA value',
};

export async function applyValue(
  ctx: CoreContext,
  input: { caseId: number; version: number; field: ApplicableField; source: ApplySource },
): Promise<{ case: CaseRecord; review: CaseReview }> {
  const s = await storedInputs(ctx, input.caseId);
  const label = fieldLabel(input.field);
  if (!s.docs[input.source]) {
    throw new AppError(
      'BAD_INPUT',
      `This case has no read ${SOURCE_LABEL[input.source]} to copy the ${label} from; attach it and wait until it is read.`,
    );
  }
  if (input.source !== 'csr' && matchesCsr(input.field, s.docs, s.record)) {
    throw new AppError(
      'BAD_INPUT',
      `The case already holds the CSR's ${label}; copying the ${SOURCE_LABEL[input.source]}'s would move it away from the carrier's record. Nothing was changed.`,
    );
  }
  const change = applyChanges(input.field, input.source, s.docs, s.record);
  if (!change) {
    throw new AppError(
      'BAD_INPUT',
      `The ${SOURCE_LABEL[input.source]} shows no ${label}; correct it on the Documents tab or enter the ${label} on the case.`,
    );
  }
  // the version check runs even when the case already holds the value: a stale screen must reload
  const record = await ctx.cases.update(
    input.caseId,
    input.version,
    { fields: change.fields },
    ctx.actor(),
    SOURCE_HISTORY[input.source],
  );
  if (change.changes.length) ctx.events.emit('cases.changed', { ids: [input.caseId], reason: 'review-applied' });
  return { case: record, review: await reviewCase(ctx, input.caseId) };
}

function blockedError(caseId: number, blockers: readonly PredictedRejection[]): AppError {
  return new AppError(
    'BLOCKED',
    `Case ${caseId} cannot be marked ready: ${blockers.length} predicted rejection${blockers.length === 1 ? '' : 's'}. ${describeBlockers(blockers)} Fix ${blockers.length === 1 ? 'it' : 'them'} on the Review tab, or mark the case ready there with a written override reason.`,
    { blockers: blockers.map((b) => ({ code: b.code, field: b.field, reason: b.reason, action: b.action })) },
  );
}

/**
 * The one rule for reaching Ready: predicted rejections, or a comparison that could check nothing
 * (no LOA, invoice or CSR read), refuse it unless a written override reason is given — and only
 * review.markReady takes one, so it is recorded as an override. Null when the case may go ready.
 */
function readyWithoutOverrideRefusal(
  caseId: number,
  result: ComparisonResult,
  pending: StoredInputs['pending'],
): AppError | null {
  if (result.predicted_rejections.length) return blockedError(caseId, result.predicted_rejections);
  const unchecked = nothingCheckedRefusal(result, pending);
  return unchecked ? new AppError('BLOCKED', `Case ${caseId} cannot be marked ready: ${unchecked}`) : null;
}

/**
 * Refuse `cases.setStatus(… 'ready')` while the comparison predicts rejections or could check
 * nothing: the status move takes no override (review.markReady does). Lifecycle and
 * version problems are left to the repository, whose messages say what to do about those.
 */
export async function guardReadyMove(ctx: CoreContext, caseId: number, version: number): Promise<void> {
  const s = await storedInputs(ctx, caseId);
  if (s.record.version !== version || readyRefusal(s.record, []) !== null) return;
  const { result } = compareStored(ctx, s, localDay(ctx.now()));
  recordOutcome(ctx, caseId, result);
  const refused = readyWithoutOverrideRefusal(caseId, result, s.pending);
  if (refused) throw refused;
}

export async function markReady(
  ctx: CoreContext,
  input: { caseId: number; version: number; overrideReason?: string | undefined },
): Promise<{ case: CaseRecord; review: CaseReview; override: OverrideRecord | null }> {
  let s = await storedInputs(ctx, input.caseId);
  const lifecycle = readyRefusal(s.record, []);
  if (lifecycle) throw new AppError('INVALID_TRANSITION', lifecycle, { from: s.record.status, to: 'ready' });
  if (s.record.status !== 'review' && s.record.version === input.version) {
    // from intake or documents: walk to Review first (recorded), then on to Ready below
    const rec = await stepToReview(ctx, input.caseId, input.version, 'Moved to Review to mark the case ready');
    input = { ...input, version: rec.version };
    s = await storedInputs(ctx, input.caseId);
  }
  const asOf = localDay(ctx.now());
  const { result } = compareStored(ctx, s, asOf);
  recordOutcome(ctx, input.caseId, result);
  const blockers = result.predicted_rejections;
  const reason = input.overrideReason?.trim();
  const refused = readyWithoutOverrideRefusal(input.caseId, result, s.pending);
  if (refused && !reason) throw refused;
  const unchecked = nothingCheckedRefusal(result, s.pending);

  let override: OverrideRecord | null = null;
  let record: CaseRecord;
  if (reason && (blockers.length || unchecked)) {
    const overridden = blockers.map((b) => ({ code: b.code, field: b.field, reason: b.reason }));
    const despite = blockers.length
      ? `marked ready despite ${blockers.map((b) => `${b.code}, ${fieldLabel(b.field)}`).join('; ')}`
      : 'marked ready with no LOA, invoice or CSR read: nothing was checked';
    // The status move and its history note come first: they are the record a colleague reads. The
    // override row follows at once; the repository's own transaction cannot enclose it.
    record = await ctx.cases.setStatus(
      input.caseId,
      input.version,
      'ready',
      ctx.actor(),
      `Override: ${reason} (${despite})`,
    );
    const at = record.updated_at;
    const id = Number(
      ctx.db
        .prepare('INSERT INTO review_overrides (case_id, at, actor, reason, as_of, blockers) VALUES (?, ?, ?, ?, ?, ?)')
        .run(input.caseId, at, ctx.actor(), reason, asOf, JSON.stringify(overridden)).lastInsertRowid,
    );
    override = { id, at, actor: ctx.actor(), reason, as_of: asOf, blockers: overridden };
  } else {
    record = await ctx.cases.setStatus(input.caseId, input.version, 'ready', ctx.actor(), reason || null);
  }
  ctx.events.emit('cases.changed', { ids: [input.caseId], reason: 'status' });
  return { case: record, review: await reviewCase(ctx, input.caseId), override };
}

export async function checkItem(
  ctx: CoreContext,
  input: { caseId: number; item: string; done: boolean },
): Promise<CaseReview> {
  const entry = preSubmitChecklist().find((i) => i.id === input.item);
  if (!entry) {
    throw new AppError(
      'BAD_INPUT',
      `There is no checklist item "${input.item}"; the items are ${preSubmitChecklist()
        .map((i) => i.id)
        .join(', ')}.`,
    );
  }
  const current = await reviewCase(ctx, input.caseId);
  const item = current.checklist.find((i) => i.id === input.item);
  if (item?.auto) {
    throw new AppError(
      'BAD_INPUT',
      `PortDesk checks "${entry.text}" from the documents${item.note ? ` (${item.note})` : ''}; fix what it points at instead of ticking it.`,
    );
  }
  const ticked = current.checklist.find((i) => i.id === input.item)?.ticked ?? null;
  if (input.done === !!ticked) return current;
  const actor = ctx.actor();
  ctx.db
    .transaction(() => {
      if (input.done) {
        ctx.db
          .prepare('INSERT INTO review_checklist (case_id, item, actor, at) VALUES (?, ?, ?, ?)')
          .run(input.caseId, input.item, actor, ctx.now().toISOString());
      } else {
        ctx.db.prepare('DELETE FROM review_checklist WHERE case_id = ? AND item = ?').run(input.caseId, input.item);
      }
      ctx.cases.addHistory(input.caseId, actor, input.done ? 'checklist-ticked' : 'checklist-unticked', [], entry.text);
    })
    .immediate();
  ctx.events.emit('cases.changed', { ids: [input.caseId], reason: 'review-checklist' });
  return reviewCase(ctx, input.caseId);
}
