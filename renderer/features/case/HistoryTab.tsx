import { useEffect, useState } from 'react';
import { FIELD_LABEL, STATUS_LABEL, type CaseStatus, type HistoryEntry } from '../../../shared/domain/case.js';
import { COMPARED_FIELD_LABEL } from '../../../shared/domain/comparison.js';
import { FIELD_REGISTRY } from '../../../shared/domain/fields.js';
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
  'document-field-corrected': 'corrected what a document says',
};

/**
 * What a person calls a field the history names: a case field, a field read from a document
 * (account_name → "Account name"), or a compared field; never the internal name.
 */
function fieldLabel(field: string): string {
  return (
    FIELD_LABEL[field as keyof typeof FIELD_LABEL] ??
    FIELD_REGISTRY.find((f) => f.key === field)?.display ??
    COMPARED_FIELD_LABEL[field as keyof typeof COMPARED_FIELD_LABEL] ??
    field.replace(/_/g, ' ')
  );
}

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
                  <span className="history-field">{fieldLabel(c.field)}</span>{' '}
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
