import { useCallback, useEffect, useState } from 'react';
import type { CaseCsrView, CsrRequestView } from '../../../shared/contract/csr.js';
import { caseChangeArea } from '../../../shared/contract/events.js';
import type { CaseRecord } from '../../../shared/domain/case.js';
import { csrAskedLabel } from '../../../shared/porting/csr.js';
import { call, errorMessage, onEvent } from '../../ipc/index.js';
import { useDocuments } from '../documents/state.js';
import './csr.css';

/**
 * "Request CSR" on the Documents tab: PortDesk asks the losing carrier for its Customer Service
 * Record through the porting API (coverage check, then the request with what the carrier asks for),
 * and shows it moving: queued → the carrier is preparing it → received (the case's CSR, compared by
 * the review like a read one) or failed (the carrier's own message).
 */

const STEP: Record<CsrRequestView['state'], number> = { queued: 1, pending: 2, completed: 3, failed: 3 };

const asked = (names: string[]) => names.map(csrAskedLabel).join(', ');

export function CsrRequestPanel({ caseRecord }: { caseRecord: CaseRecord }) {
  const caseId = caseRecord.id;
  const [view, setView] = useState<CaseCsrView | null>(null);
  const [busy, setBusy] = useState<'request' | 'refresh' | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(
    async (refresh = false) => {
      try {
        setView(await call('csr.status', { caseId, refresh }));
      } catch (err) {
        setError(errorMessage(err));
      }
    },
    [caseId],
  );

  useEffect(() => {
    setView(null);
    setError(null);
    void load();
    return onEvent('cases.changed', ({ ids, reason }) => {
      if (!ids.includes(caseId)) return;
      const area = caseChangeArea(reason);
      if (area === 'csr' || (area === 'porting' && /outbox|csr|refused/.test(reason))) void load();
    });
  }, [caseId, load]);

  const run = async (what: 'request' | 'refresh') => {
    setBusy(what);
    setError(null);
    try {
      setView(
        what === 'request'
          ? await call('csr.request', { caseId })
          : await call('csr.status', { caseId, refresh: true }),
      );
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(null);
    }
  };

  const latest = view?.requests[0] ?? null;
  const underWay = latest?.state === 'queued' || latest?.state === 'pending';
  const uncovered = view?.coverage?.filter((c) => !c.covered) ?? [];

  return (
    <section className="csr-panel" data-testid="csr-panel" aria-labelledby={`csr-title-${caseId}`}>
      <div className="csr-head">
        <div>
          <h3 id={`csr-title-${caseId}`}>CSR from the losing carrier</h3>
          <p className="muted small">
            Ask the carrier for its Customer Service Record through the porting API instead of waiting for the customer
            to send one. PortDesk sends what the carrier asks for (account number, PIN, ZIP…) from this case.
          </p>
        </div>
        <div className="csr-actions">
          <button
            type="button"
            className="btn btn-primary"
            data-testid="csr-request"
            disabled={busy !== null || underWay}
            onClick={() => void run('request')}
          >
            {busy === 'request' ? 'Requesting…' : latest ? 'Request CSR again' : 'Request CSR'}
          </button>
          {underWay && (
            <button
              type="button"
              className="btn"
              data-testid="csr-refresh"
              disabled={busy !== null}
              onClick={() => void run('refresh')}
            >
              {busy === 'refresh' ? 'Checking…' : 'Check now'}
            </button>
          )}
        </div>
      </div>
      {busy === 'request' && (
        <p className="muted small" role="status">
          Checking which numbers the carrier covers, then sending the request…
        </p>
      )}
      {error && (
        <div className="callout callout-danger" role="alert" data-testid="csr-problem">
          {error}
        </div>
      )}
      {latest && <RequestStatus request={latest} caseId={caseId} />}
      {uncovered.length > 0 && (
        <p className="muted small" data-testid="csr-uncovered">
          Not covered: {uncovered.map((c) => `${c.phone_number} (${c.reason ?? 'no reason given'})`).join('; ')}
        </p>
      )}
    </section>
  );
}

function RequestStatus({ request: r, caseId }: { request: CsrRequestView; caseId: number }) {
  const label = {
    queued: 'Waiting to be sent',
    pending: 'The carrier is preparing the CSR',
    completed: `Received${r.carrierName ? ` from ${r.carrierName}` : ''}`,
    failed: 'The carrier did not release the CSR',
  }[r.state];
  return (
    <div className={`csr-status csr-${r.state}`} data-testid="csr-status" data-state={r.state}>
      <div className="csr-status-line">
        <progress max={3} value={STEP[r.state]} aria-label="CSR request progress" />
        <strong>{label}</strong>
        <span className="muted small">
          {r.phoneNumber}
          {r.supplied.length ? ` · sent ${asked(r.supplied)}` : ''} · requested{' '}
          {new Date(r.requestedAt).toLocaleString()}
        </span>
      </div>
      {r.state === 'queued' && r.waitingFor && <p className="muted small">{r.waitingFor}</p>}
      {r.state === 'failed' && r.errorMessage && (
        <p className="callout callout-danger" role="alert" data-testid="csr-error">
          {r.errorMessage}
        </p>
      )}
      {r.state === 'completed' && r.documentId !== null && (
        <p className="small" data-testid="csr-received">
          It is now this case&apos;s CSR (source: carrier API) with the carrier&apos;s exact values; the Review tab
          compares the case against it.{' '}
          <button
            type="button"
            className="btn btn-small"
            onClick={() => useDocuments.getState().open(caseId, r.documentId)}
          >
            Open the CSR
          </button>
        </p>
      )}
    </div>
  );
}
