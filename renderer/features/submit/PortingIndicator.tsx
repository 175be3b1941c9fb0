import { useEffect } from 'react';
import { caseChangeArea } from '../../../shared/contract/events.js';
import { onEvent } from '../../ipc/index.js';
import { useRoute } from '../../state/route.js';
import { usePorting } from './state.js';

/** Header chip: "Simulator" or "Telnyx API", and what waits in the outbox. Opens the porting section of Settings. */
export function PortingIndicator() {
  const status = usePorting((s) => s.status);
  const error = usePorting((s) => s.error);
  const go = useRoute((s) => s.go);

  useEffect(() => {
    void usePorting.getState().load();
    const t = setInterval(() => void usePorting.getState().load(), 20_000);
    const off = onEvent('cases.changed', ({ reason }) => {
      if (caseChangeArea(reason) === 'porting') void usePorting.getState().load();
    });
    return () => {
      clearInterval(t);
      off();
    };
  }, []);

  const waiting = status ? status.outbox.pending + status.outbox.uncertain : 0;
  const failed = status?.outbox.failed ?? 0;
  const label = !status
    ? error
      ? 'Porting: error'
      : 'Porting…'
    : status.mode === 'simulator'
      ? 'Simulator'
      : 'Telnyx API';
  const title = status
    ? `${status.mode === 'simulator' ? 'Orders go to the built-in porting simulator (no API key set).' : `Orders go to the real Telnyx API (${status.baseUrl}).`}` +
      (status.lastError ? `\nLast problem: ${status.lastError}` : '') +
      '\nClick for the porting settings.'
    : (error ?? '');
  return (
    <>
      <button
        type="button"
        className={`indicator porting-indicator mode-${status?.mode ?? 'unknown'}${status?.reachable === false ? ' offline' : ''}`}
        title={title}
        data-testid="porting-indicator"
        onClick={() => {
          const from = useRoute.getState().route;
          go({ name: 'settings', section: 'porting', ...(from.name === 'case' ? { caseId: from.id } : {}) });
        }}
      >
        <span className="dot" aria-hidden="true" />
        {label}
        {waiting > 0 && (
          <span className="tab-badge" title="Actions waiting in the outbox">
            {waiting} queued
          </span>
        )}
        {failed > 0 && (
          <span className="tab-badge badge-danger" title="Actions the API refused">
            {failed} failed
          </span>
        )}
      </button>
    </>
  );
}
