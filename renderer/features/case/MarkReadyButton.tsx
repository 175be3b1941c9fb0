import { useState } from 'react';
import { OVERRIDE_REASON_MIN } from '../../../shared/contract/review.js';
import type { CaseRecord } from '../../../shared/domain/case.js';
import { call, errorMessage, isCallError } from '../../ipc/index.js';
import { rebase, useCaseDetail } from '../../state/caseDetail.js';
import { confirmAction } from '../../state/dialogs.js';
import { toast } from '../../state/toasts.js';

/** Statuses a case can be marked ready from: the core walks it through Review first. */
export const BEFORE_READY = new Set<CaseRecord['status']>(['intake', 'documents', 'review']);

/**
 * "Mark ready" — or, when the review predicts rejections, "Override N blockers…" with the written
 * reason — from any status before Ready, without moving the status by hand first.
 */
export function MarkReadyButton({ rec }: { rec: CaseRecord }) {
  const [busy, setBusy] = useState(false);

  const markReady = async (overrideReason?: string): Promise<void> => {
    const version = useCaseDetail.getState().base?.version ?? rec.version;
    const out = await call('review.markReady', {
      caseId: rec.id,
      version,
      ...(overrideReason ? { overrideReason } : {}),
    });
    useCaseDetail.setState((s) =>
      s.id === out.case.id && s.base
        ? { base: out.case, draft: rebase(s.base, s.draft, out.case), statusError: null }
        : {},
    );
    toast.success(
      out.override ? `Case ${rec.id} is ready (override recorded in the history).` : `Case ${rec.id} is ready.`,
    );
  };

  const askOverride = async (why: string): Promise<void> => {
    const answer = await confirmAction({
      title: 'Mark ready despite the predicted rejections?',
      body: `${why} Say why it is safe to submit anyway (at least ${OVERRIDE_REASON_MIN} characters); the reason is kept in the history.`,
      confirmLabel: 'Override and mark ready',
      danger: true,
      reason: { label: 'Why is it safe to submit?', required: true },
    });
    if (answer.ok) await markReady(answer.reason);
  };

  const onClick = async () => {
    if (busy) return;
    setBusy(true);
    try {
      if (rec.blockers > 0) await askOverride(`${rec.blockers} predicted rejection${rec.blockers > 1 ? 's' : ''}.`);
      else {
        try {
          await markReady();
        } catch (err) {
          if (!isCallError(err, 'BLOCKED')) throw err;
          await askOverride(errorMessage(err));
        }
      }
    } catch (err) {
      toast.error(errorMessage(err));
      void useCaseDetail.getState().onChangedElsewhere();
    } finally {
      setBusy(false);
    }
  };

  return (
    <button
      type="button"
      className={rec.blockers > 0 ? 'btn btn-small' : 'btn btn-small btn-primary'}
      disabled={busy}
      data-testid="status-mark-ready"
      title={
        rec.status === 'review' ? undefined : 'PortDesk records the move through Review, then marks the case ready'
      }
      onClick={() => void onClick()}
    >
      {rec.blockers > 0 ? `Override ${rec.blockers} blocker${rec.blockers > 1 ? 's' : ''}…` : 'Mark ready'}
    </button>
  );
}
