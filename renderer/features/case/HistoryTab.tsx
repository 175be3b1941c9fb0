import { useEffect, useState } from 'react';
import { FIELD_LABEL, STATUS_LABEL, type CaseStatus, type HistoryEntry } from '../../../shared/domain/case.js';
import { call, errorMessage } from '../../ipc/index.js';
import { dateTimeLabel } from '../../lib/format.js';
import type { CaseTabProps } from './tabs.js';

const ACTION_LABEL: Record<string, string> = {
  created: 'created the case',
  edited: 'edited',
  status: 'changed the status',
  'pin-revealed': 'revealed the PIN',
  imported: 'imported the case',
  sample: 'loaded the sample case',
};

function actionLabel(action: string): string {
  return ACTION_LABEL[action] ?? (action.startsWith('imported') ? 'imported the case' : action.replace(/[-_]/g, ' '));
}

const MAX_VALUE = 240;
function value(field: string, v: string | null): string {
  if (v === null || v === '') return '(empty)';
  if (field === 'status') return STATUS_LABEL[v as CaseStatus] ?? v;
  return v.length > MAX_VALUE ? `${v.slice(0, MAX_VALUE)}…` : v;
}

/** Who changed what and when, newest first. PIN values never come from the host. */
export function HistoryTab({ caseRecord }: CaseTabProps) {
  const [entries, setEntries] = useState<HistoryEntry[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const { id, version } = caseRecord;

  useEffect(() => {
    let live = true;
    call('cases.history', { id })
      .then((h) => {
        if (live) {
          setEntries(h);
          setError(null);
        }
      })
      .catch((err: unknown) => {
        if (live) setError(errorMessage(err));
      });
    return () => {
      live = false;
    };
  }, [id, version]);

  if (error)
    return (
      <p className="callout callout-danger" role="alert">
        Could not load the history: {error}
      </p>
    );
  if (!entries) return <p className="muted">Loading history…</p>;
  if (entries.length === 0) return <p className="muted">No history yet.</p>;
  return (
    <ol className="history" data-testid="history">
      {entries.map((e) => (
        <li key={e.id} className="history-entry">
          <div className="history-head">
            <time dateTime={e.at}>{dateTimeLabel(e.at)}</time>
            <strong>{e.actor}</strong> {actionLabel(e.action)}
          </div>
          {e.changes.length > 0 && (
            <ul className="history-changes">
              {e.changes.map((c, i) => (
                <li key={i}>
                  <span className="history-field">{FIELD_LABEL[c.field as keyof typeof FIELD_LABEL] ?? c.field}</span>{' '}
                  {c.field === 'pin' ? (
                    <span className="muted">(changed)</span>
                  ) : c.from === null || c.from === '' ? (
                    <span className="history-to">{value(c.field, c.to)}</span>
                  ) : (
                    <>
                      <span className="history-from">{value(c.field, c.from)}</span>
                      <span className="arrow" aria-hidden="true">
                        {' '}
                        →{' '}
                      </span>
                      <span className="history-to">{value(c.field, c.to)}</span>
                    </>
                  )}
                </li>
              ))}
            </ul>
          )}
          {e.note && <p className="history-note">“{e.note}”</p>}
        </li>
      ))}
    </ol>
  );
}
