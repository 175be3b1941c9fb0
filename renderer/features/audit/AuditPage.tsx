import { useEffect, useState } from 'react';
import type { AuditEntry } from '../../../shared/contract/audit.js';
import { call, errorMessage } from '../../ipc/index.js';
import { dateTimeLabel } from '../../lib/format.js';
import { useRoute } from '../../state/route.js';

const KIND_LABEL: Record<AuditEntry['kind'], string> = { change: 'Change', settings: 'Settings', api: 'API call' };
const PAGE = 1000;

/** Every change to a case and every API call, newest first; filter by case. Esc goes back to the queue. */
export function AuditPage() {
  const go = useRoute((s) => s.go);
  const [caseText, setCaseText] = useState('');
  const [data, setData] = useState<{ total: number; entries: AuditEntry[] } | null>(null);
  const [error, setError] = useState<string | null>(null);

  const caseId = /^\d+$/.test(caseText.trim()) ? Number(caseText.trim()) : undefined;
  const badCase = caseText.trim() !== '' && caseId === undefined;

  useEffect(() => {
    if (badCase) return;
    let live = true;
    call('audit.list', { caseId: caseId && caseId > 0 ? caseId : undefined, limit: PAGE }).then(
      (r) => live && (setData(r), setError(null)),
      (err: unknown) => live && setError(errorMessage(err)),
    );
    return () => {
      live = false;
    };
  }, [caseId, badCase]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && !e.defaultPrevented && !(e.target instanceof HTMLInputElement)) go({ name: 'queue' });
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [go]);

  return (
    <main className="audit-page" data-testid="audit-page">
      <div className="toolbar">
        <h1 className="page-title">Audit</h1>
        <label className="audit-filter">
          Case #
          <input
            value={caseText}
            inputMode="numeric"
            placeholder="all"
            aria-label="Case id"
            onChange={(e) => setCaseText(e.target.value)}
          />
        </label>
        {data && (
          <span className="muted">
            {data.total > data.entries.length ? `${data.entries.length} newest of ${data.total}` : `${data.total}`}{' '}
            entries
          </span>
        )}
      </div>
      {badCase && <p className="text-danger">Type a case number (digits only), or clear the box for all cases.</p>}
      {error && (
        <p className="text-danger" role="alert">
          {error}
        </p>
      )}
      {data && (
        <div className="audit-scroll">
          <table className="audit-table">
            <thead>
              <tr>
                <th>When</th>
                <th>Who</th>
                <th>What</th>
                <th>Case</th>
                <th>Action</th>
                <th>Detail</th>
              </tr>
            </thead>
            <tbody>
              {data.entries.map((e, i) => (
                <tr key={`${e.at}-${i}`} data-testid="audit-row" data-kind={e.kind}>
                  <td title={e.at}>{dateTimeLabel(e.at)}</td>
                  <td>{e.actor}</td>
                  <td>{KIND_LABEL[e.kind]}</td>
                  <td>
                    {e.case_id !== null && (
                      <a
                        href={`#/case/${e.case_id}`}
                        onClick={(ev) => {
                          ev.preventDefault();
                          go({ name: 'case', id: e.case_id! });
                        }}
                      >
                        #{e.case_id}
                      </a>
                    )}
                  </td>
                  <td>{e.action}</td>
                  <td className="audit-detail">{e.detail}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </main>
  );
}
