import { useState } from 'react';
import {
  allowedTransitions,
  CASE_STATUSES,
  STATUS_LABEL,
  transitionRefusal,
  type CaseRecord,
  type CaseStatus,
} from '../../../shared/domain/case.js';
import { StatusChip } from '../../app/StatusChip.js';
import { useCaseDetail } from '../../state/caseDetail.js';
import { confirmAction } from '../../state/dialogs.js';
import { toast } from '../../state/toasts.js';
import { BEFORE_READY, MarkReadyButton } from './MarkReadyButton.js';
import { SharedNumbersBanner } from './SharedNumbersBanner.js';

const rank = (s: CaseStatus) => CASE_STATUSES.indexOf(s);

function moveLabel(from: CaseStatus, to: CaseStatus): string {
  if (to === 'cancelled') return 'Cancel case…';
  if (from === 'cancelled') return `Reopen to ${STATUS_LABEL[to]}`;
  if (to === 'exception') return 'Record exception';
  if (from === 'exception' && to === 'submitted') return 'Mark resubmitted';
  return rank(to) < rank(from) ? `Back to ${STATUS_LABEL[to]}` : `Move to ${STATUS_LABEL[to]}`;
}

/** Moves the carrier makes when the order goes through PortDesk; by hand only for ports sent another way. */
const CARRIER_DRIVEN: readonly CaseStatus[] = ['submitted', 'exception', 'foc-confirmed', 'ported'];
const isCarrierMove = (from: CaseStatus, to: CaseStatus) =>
  CARRIER_DRIVEN.includes(to) && rank(to) > rank('ready') && from !== 'cancelled';

/** Current status, the moves the lifecycle allows, and the host's reason when it refuses one. */
export function StatusPanel({ rec }: { rec: CaseRecord }) {
  const moveTo = useCaseDetail((s) => s.moveTo);
  const busy = useCaseDetail((s) => s.statusBusy);
  const statusError = useCaseDetail((s) => s.statusError);
  const [other, setOther] = useState('');
  const allowed = allowedTransitions(rec.status);
  // before Ready, "Mark ready" (or the override) is offered from every status, so not as a plain move
  const readyOffered = BEFORE_READY.has(rec.status);
  const buttons = readyOffered ? allowed.filter((s) => s !== 'ready') : allowed;
  const others = CASE_STATUSES.filter(
    (s) => s !== rec.status && !allowed.includes(s) && !(readyOffered && s === 'ready'),
  );

  const move = async (to: CaseStatus) => {
    let reason: string | undefined;
    if (allowed.includes(to) && isCarrierMove(rec.status, to) && to !== 'ported') {
      const answer = await confirmAction({
        title: `Record "${STATUS_LABEL[to]}" by hand?`,
        body: 'This changes only the case status in PortDesk; nothing is sent to the carrier. Orders submitted from the Submission tab update this status by themselves. Record it by hand only for a port requested another way (support ticket, e-mail).',
        confirmLabel: `Record ${STATUS_LABEL[to]}`,
      });
      if (!answer.ok) return;
    }
    if (to === 'cancelled') {
      const answer = await confirmAction({
        title: `Cancel case ${rec.id}?`,
        body: 'The case leaves the active queue and nothing more is done on it. You can reopen it to intake later.',
        confirmLabel: 'Cancel case',
        danger: true,
        reason: { label: 'Why is it cancelled?', required: true },
      });
      if (!answer.ok) return;
      reason = answer.reason;
    } else if (to === 'ported') {
      const answer = await confirmAction({
        title: 'Mark as ported?',
        body: 'A ported case is final: it cannot be moved to any other status afterwards.',
        confirmLabel: 'Mark as ported',
      });
      if (!answer.ok) return;
    }
    if (await moveTo(to, reason)) toast.success(`Case ${rec.id} is now ${STATUS_LABEL[to]}.`);
  };

  return (
    <div className="status-panel" data-testid="status-panel">
      <div className="status-current">
        <StatusChip status={rec.status} large />
        <span className="next-action">
          <span className="muted">Next:</span> {rec.next_action}
        </span>
      </div>
      <SharedNumbersBanner rec={rec} />
      <div className="status-moves" role="group" aria-label="Change status">
        {readyOffered && <MarkReadyButton rec={rec} />}
        {buttons.map((to) => (
          <button
            key={to}
            type="button"
            disabled={busy}
            className={
              to === 'cancelled'
                ? 'btn btn-small btn-danger-quiet'
                : rank(to) < rank(rec.status) || isCarrierMove(rec.status, to) || (to === 'ready' && rec.blockers > 0)
                  ? 'btn btn-small'
                  : 'btn btn-small btn-primary'
            }
            title={
              isCarrierMove(rec.status, to)
                ? 'Only changes the status here; the Submission tab sends and tracks orders'
                : undefined
            }
            onClick={() => void move(to)}
          >
            {moveLabel(rec.status, to)}
            {isCarrierMove(rec.status, to) ? ' (by hand)' : ''}
            {to === 'ready' && rec.blockers > 0 ? ` · ${rec.blockers} blocker${rec.blockers > 1 ? 's' : ''}` : ''}
          </button>
        ))}
        {others.length > 0 && (
          <select
            className="select-small"
            aria-label="Other status"
            value={other}
            disabled={busy}
            title="Other statuses: PortDesk says why a move is not possible"
            onChange={(e) => {
              const to = e.target.value as CaseStatus;
              setOther('');
              if (to) void move(to);
            }}
          >
            <option value="">Other status…</option>
            {others.map((s) => (
              <option key={s} value={s} title={transitionRefusal(rec.status, s) ?? ''}>
                {STATUS_LABEL[s]}
              </option>
            ))}
          </select>
        )}
      </div>
      {statusError && (
        <p className="callout callout-danger status-error" role="alert" data-testid="status-error">
          {statusError}
        </p>
      )}
    </div>
  );
}
