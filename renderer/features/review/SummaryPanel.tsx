import { useEffect, useState, type ReactNode } from 'react';
import { OVERRIDE_REASON_MIN, type CaseReview } from '../../../shared/contract/review.js';
import { FIELD_LABEL } from '../../../shared/domain/case.js';
import {
  COMPARED_FIELD_LABEL,
  type ComparedField,
  type PredictedRejection,
} from '../../../shared/domain/comparison.js';
import { labelInSentence } from '../../../shared/domain/fields.js';
import { Modal } from '../../app/Modal.js';
import { ReasonText } from '../../app/ReasonText.js';

export function fieldName(field: string): string {
  return COMPARED_FIELD_LABEL[field as ComparedField] ?? field.replace(/_/g, ' ');
}

function Finding({ p, onSelect }: { p: PredictedRejection; onSelect(field: string): void }) {
  return (
    <li className={`finding finding-${p.level}`} data-testid="finding" data-code={p.code}>
      <div className="finding-head">
        <code className="finding-code">{p.code}</code>
        <button
          type="button"
          className="btn-link"
          onClick={() => onSelect(p.field)}
          title="Show this field in the table"
        >
          {fieldName(p.field)}
        </button>
      </div>
      {p.received_on && (
        <div className="finding-received" data-testid="finding-received">
          Returned by the carrier on {p.received_on}
        </div>
      )}
      <div className="finding-reason">
        <ReasonText text={p.reason} />
      </div>
      <div className="finding-action">
        <span className="muted">Action:</span> {p.action}
      </div>
    </li>
  );
}

/** No blocker: said plainly only when the carrier's record was compared; otherwise what was not. */
function AllClear({ review }: { review: CaseReview }) {
  if (review.reference_document === null) {
    return (
      <p className="ready-refusal text-warn" data-testid="all-clear">
        No rejection predicted from the LOA and the case, but nothing was compared with the carrier's record: attach the
        CSR or an invoice.
      </p>
    );
  }
  return (
    <p className="ready-refusal text-ok" data-testid="all-clear">
      Nothing blocks this case: PortDesk predicts no rejection.
    </p>
  );
}

/** Mark ready, or say what blocks it; with blockers, an override asks for a written reason. */
function ReadyBox({
  review,
  busy,
  onReady,
  onOverride,
}: {
  review: CaseReview;
  busy: boolean;
  onReady(): void;
  onOverride(): void;
}) {
  const { ready } = review;
  const blockers = review.predicted_rejections;
  const nothingChecked = review.banners.some((b) => b.kind === 'nothing_checked');
  const canOverride = ready.status === 'review' && (blockers.length > 0 || nothingChecked);
  return (
    <section
      className={`ready-box${ready.can_mark_ready ? ' ok' : blockers.length ? ' blocked' : ''}`}
      data-testid="ready-box"
      aria-label="Ready to submit"
    >
      <div className="ready-actions">
        <button
          type="button"
          className="btn btn-primary"
          disabled={!ready.can_mark_ready || busy}
          onClick={onReady}
          data-testid="mark-ready"
          title={ready.refusal ?? 'Move the case to Ready'}
        >
          Mark ready
        </button>
        {canOverride && (
          <button type="button" className="btn" disabled={busy} onClick={onOverride} data-testid="override-ready">
            Override…
          </button>
        )}
      </div>
      {ready.refusal ? (
        <p
          className={
            (blockers.length || nothingChecked) && ready.status === 'review'
              ? 'ready-refusal text-danger'
              : 'ready-refusal muted'
          }
          data-testid="ready-refusal"
        >
          {ready.refusal}
        </p>
      ) : (
        <AllClear review={review} />
      )}
      {review.checks.length > 0 && (
        <p className="small text-warn" data-testid="checks-open">
          {review.checks.length} reading{review.checks.length === 1 ? '' : 's'} could not be confirmed (
          {review.checks.map((c) => labelInSentence(c.label)).join(', ')}): say which is right above before submitting.
        </p>
      )}
      {review.overrides[0] && (
        <p className="small muted" data-testid="last-override">
          Overridden by {review.overrides[0].actor} ({review.overrides[0].blockers.map((b) => b.code).join(', ')}): “
          {review.overrides[0].reason}”
        </p>
      )}
    </section>
  );
}

type Reseller = NonNullable<CaseReview['reseller']>;

/** The current carrier only resells: the credentials to ask the customer for, and the question to send. */
function ResellerCallout({ r }: { r: Reseller }) {
  return (
    <section className="callout callout-warn reseller" data-testid="reseller" aria-label="Reseller">
      <h3 className="section-title">{r.provider} is a reseller</h3>
      <p>{r.message}</p>
      <p className="small">
        <strong>Ask the customer for carrier-level credentials:</strong>
      </p>
      <ul className="small">
        <li>
          <strong>{FIELD_LABEL.account_number}:</strong> {r.account_number_source}
        </li>
        <li>
          <strong>{FIELD_LABEL.pin}:</strong> {r.pin_source}
        </li>
        {r.requirements.map((q) => (
          <li key={q}>{q}</li>
        ))}
      </ul>
      <p className="small">
        <span className="muted">Question to send {r.provider}:</span> “{r.question}”
      </p>
    </section>
  );
}

/** The pre-submit checklist: PortDesk's own checks marked, the specialist's to tick. */
function Checklist({
  review,
  busy,
  onTick,
}: {
  review: CaseReview;
  busy: boolean;
  onTick(item: string, done: boolean): void;
}) {
  return (
    <section aria-label="Pre-submit checklist">
      <h3 className="section-title">Pre-submit checklist</h3>
      <ul className="checklist" data-testid="checklist">
        {review.checklist.map((item) => (
          <li key={item.id} className={`check-${item.state}`} data-item={item.id} data-state={item.state}>
            {item.auto ? (
              <span className="check-mark" aria-hidden="true">
                {item.state === 'done' ? '✓' : item.state === 'open' ? '✗' : '?'}
              </span>
            ) : (
              <input
                type="checkbox"
                checked={item.state === 'done'}
                disabled={busy}
                aria-label={item.text}
                onChange={(e) => onTick(item.id, e.target.checked)}
              />
            )}
            <div>
              <div>{item.text}</div>
              <div className="small muted">
                {item.auto
                  ? `PortDesk: ${item.note ?? (item.state === 'done' ? 'checked' : 'open')}`
                  : item.ticked
                    ? item.note
                    : 'Only you can confirm this: tick it when done.'}
              </div>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function SummaryPanel({
  review,
  busy,
  onReady,
  onOverride,
  onSelectField,
  onTick,
  children,
}: {
  review: CaseReview;
  busy: boolean;
  /** shown right under the ready box (the evidence of the selected row) */
  children?: ReactNode;
  onReady(): void;
  onOverride(): void;
  onSelectField(field: string): void;
  onTick(item: string, done: boolean): void;
}) {
  const r = review.reseller;
  return (
    <div className="review-summary" data-testid="review-summary">
      <ReadyBox review={review} busy={busy} onReady={onReady} onOverride={onOverride} />
      {children}
      <section aria-label="Predicted rejections">
        <h3 className="section-title">
          Predicted rejections <span className="count">{review.predicted_rejections.length}</span>
        </h3>
        {review.predicted_rejections.length === 0 ? (
          <p className="muted small" data-testid="no-rejections">
            {review.reference_document === null
              ? 'None predicted, and none could be: there is no CSR or invoice to compare with yet.'
              : review.checks.length > 0
                ? `None certain: ${review.checks.length} field(s) could not be confirmed — see the checks above.`
                : "None: the carrier's records and what would be submitted agree."}
          </p>
        ) : (
          <ul className="findings" data-testid="rejections">
            {review.predicted_rejections.map((p, i) => (
              <Finding key={`${p.code}-${i}`} p={p} onSelect={onSelectField} />
            ))}
          </ul>
        )}
      </section>
      {review.risks.length > 0 && (
        <section aria-label="Risks">
          <h3 className="section-title">
            Risks <span className="count">{review.risks.length}</span>
          </h3>
          <ul className="findings" data-testid="risks">
            {review.risks.map((p, i) => (
              <Finding key={`${p.code}-${i}`} p={p} onSelect={onSelectField} />
            ))}
          </ul>
        </section>
      )}
      {r && <ResellerCallout r={r} />}
      <Checklist review={review} busy={busy} onTick={onTick} />
    </div>
  );
}

/** A written reason, kept in the history, before marking ready despite predicted rejections. */
export function OverrideDialog({
  open,
  review,
  onClose,
  onConfirm,
}: {
  open: boolean;
  review: CaseReview;
  onClose(): void;
  onConfirm(reason: string): void;
}) {
  const [reason, setReason] = useState('');
  useEffect(() => {
    if (open) setReason('');
  }, [open]);
  const short = reason.trim().length < OVERRIDE_REASON_MIN;
  const unchecked = review.predicted_rejections.length === 0;
  return (
    <Modal
      open={open}
      title={unchecked ? 'Mark ready with nothing checked?' : 'Mark ready despite predicted rejections?'}
      onClose={onClose}
      testId="override-dialog"
      actions={
        <>
          <button type="button" className="btn" onClick={onClose}>
            Keep in review
          </button>
          <button type="button" className="btn btn-danger" disabled={short} onClick={() => onConfirm(reason.trim())}>
            Override and mark ready
          </button>
        </>
      }
    >
      {unchecked ? (
        <p>{review.ready.refusal ?? 'No LOA, invoice or CSR has been read: PortDesk could check nothing.'}</p>
      ) : (
        <p>The carrier is likely to reject this order for:</p>
      )}
      <ul className="small">
        {review.predicted_rejections.map((p, i) => (
          <li key={i}>
            <code>{p.code}</code> ({fieldName(p.field)}): {p.reason}
          </li>
        ))}
      </ul>
      <label className="field">
        <span className="field-label">Why is it safe to submit anyway? (kept in the history)</span>
        <textarea
          rows={3}
          value={reason}
          autoFocus
          onChange={(e) => setReason(e.target.value)}
          data-testid="override-reason"
          placeholder="e.g. The carrier confirmed by phone that suite 210 is on file (ticket 4471)."
        />
        <span className="field-hint">{short ? `At least ${OVERRIDE_REASON_MIN} characters.` : ' '}</span>
      </label>
    </Modal>
  );
}
