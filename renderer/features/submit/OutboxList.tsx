import type { OutboxItemView } from '../../../shared/contract/porting.js';
import { call, errorMessage } from '../../ipc/index.js';
import { dateTimeLabel } from '../../lib/format.js';
import { toast } from '../../state/toasts.js';

const STATE_LABEL: Record<OutboxItemView['state'], string> = {
  pending: 'Waiting',
  sending: 'Sending',
  uncertain: 'Checking what Telnyx received',
  done: 'Sent',
  failed: 'Refused',
  discarded: 'Discarded',
};

/** Actions not yet (or never) accepted by the API, oldest first, with retry/discard where it is safe. */
export function OutboxList({
  items,
  showCase,
  onChanged,
}: {
  items: OutboxItemView[];
  showCase?: boolean;
  onChanged(items: OutboxItemView[]): void;
}) {
  if (items.length === 0)
    return (
      <p className="muted" data-testid="outbox-empty">
        Nothing waiting: every action has been sent.
      </p>
    );
  const act = async (kind: 'porting.outboxRetry' | 'porting.outboxDiscard', id: number) => {
    try {
      onChanged(await call(kind, { id }));
    } catch (err) {
      toast.error(errorMessage(err));
    }
  };
  return (
    <table className="report-table outbox" data-testid="outbox">
      <thead>
        <tr>
          {showCase && <th>Case</th>}
          <th>Action</th>
          <th>State</th>
          <th>Since</th>
          <th />
        </tr>
      </thead>
      <tbody>
        {[...items].reverse().map((i) => (
          <tr key={i.id} className={`outbox-${i.state}`}>
            {showCase && (
              <td>
                <a href={`#/case/${i.caseId}`}>#{i.caseId}</a>
              </td>
            )}
            <td>
              {i.summary}
              {i.lastError && (
                <div className={i.state === 'failed' ? 'text-danger small' : 'muted small'}>{i.lastError}</div>
              )}
              {i.fieldErrors.map((e, n) => (
                <div key={n} className="text-danger small" data-testid="outbox-field-error">
                  {e.label}: {e.message}
                  {e.holderCaseId ? (
                    <>
                      {' '}
                      <a href={`#/case/${e.holderCaseId}`}>Open case #{e.holderCaseId}</a>
                    </>
                  ) : null}
                </div>
              ))}
            </td>
            <td>
              {STATE_LABEL[i.state]}
              {i.attempts > 1 ? <span className="muted"> ({i.attempts} tries)</span> : null}
            </td>
            <td className="muted">
              {dateTimeLabel(i.created_at)}
              {i.notBefore && i.state !== 'failed' ? (
                <div className="small">next try {dateTimeLabel(i.notBefore)}</div>
              ) : null}
            </td>
            <td className="outbox-actions">
              {i.state === 'failed' && !i.fieldErrors.some((e) => e.holderCaseId !== undefined) && (
                <button type="button" className="btn btn-small" onClick={() => void act('porting.outboxRetry', i.id)}>
                  Send again
                </button>
              )}
              {(i.state === 'failed' || i.state === 'pending') && (
                <button
                  type="button"
                  className="btn btn-small btn-danger-quiet"
                  title="Drop this action and those queued after it for the same case"
                  onClick={() => void act('porting.outboxDiscard', i.id)}
                >
                  Discard
                </button>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
