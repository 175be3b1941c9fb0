import { useState } from 'react';
import { call, errorMessage } from '../../ipc/index.js';
import { dateTimeLabel } from '../../lib/format.js';
import { useQuery } from '../../lib/query.js';
import { toast } from '../../state/toasts.js';
import { ScopeTag } from '../settings/ScopeTag.js';
import { OutboxList } from './OutboxList.js';
import { SimClockButtons } from './SimClock.js';
import { localDateTime, TIME_ZONE, usePorting } from './state.js';

const STORE_LABEL = {
  'os-keychain': 'the system keychain (Electron safeStorage)',
  environment: 'the TELNYX_API_KEY environment variable',
  memory: 'memory only (until PortDesk closes)',
} as const;

/** Settings section: the Telnyx API key (write-only), the simulator's clock, and the whole outbox. */
export function PortingSettings() {
  return (
    <div className="porting-settings" data-testid="porting-settings">
      <PortingMode />
      <ApiKeySection />
      <SimClockSection />
      <OutboxSection />
    </div>
  );
}

/** Where orders go: the simulator or the real Telnyx API, and the last sync. */
function PortingMode() {
  const status = usePorting((s) => s.status);
  if (!status) return null;
  return (
    <section className="porting-section">
      <p
        className={status.mode === 'simulator' ? 'callout callout-warn' : 'callout callout-ok'}
        data-testid="porting-mode"
      >
        {status.mode === 'simulator' ? (
          <>
            Orders go to the <strong>built-in porting simulator</strong>: nothing reaches a carrier. Enter a Telnyx API
            key to submit for real.
          </>
        ) : (
          <>
            Orders go to the <strong>real Telnyx API</strong> at {status.baseUrl}. The key is kept in{' '}
            {STORE_LABEL[status.keyStore]}.
          </>
        )}
      </p>
      {status.lastError && <p className="callout callout-danger">{status.lastError}</p>}
      {status.lastSyncAt && <p className="muted small">Last checked for updates {dateTimeLabel(status.lastSyncAt)}.</p>}
    </section>
  );
}

/** The key is write-only: it is checked with Telnyx, stored by the host and never shown again. */
function ApiKeySection() {
  const status = usePorting((s) => s.status);
  const [key, setKey] = useState('');
  const [baseUrl, setBaseUrl] = useState('');
  const [busy, setBusy] = useState(false);
  const [keyError, setKeyError] = useState<string | null>(null);

  const saveKey = async (apiKey: string | null) => {
    setBusy(true);
    setKeyError(null);
    try {
      const next = await call('porting.setApiKey', {
        apiKey,
        ...(apiKey && baseUrl.trim() ? { baseUrl: baseUrl.trim() } : {}),
      });
      usePorting.getState().set(next);
      setKey('');
      toast.success(
        apiKey
          ? 'API key checked and saved: orders now go to Telnyx.'
          : 'API key removed: orders go to the built-in simulator.',
      );
    } catch (err) {
      setKeyError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="porting-section">
      <h3 className="section-title">
        Telnyx API key <ScopeTag scope="global" />
      </h3>
      <div className="field-row">
        <label className="field grow-2">
          <span className="field-label">{status?.keySet ? 'Replace the key' : 'API key'}</span>
          <input
            type="password"
            autoComplete="off"
            spellCheck={false}
            value={key}
            placeholder={status?.keySet ? '(a key is set; it is never shown)' : 'KEY…'}
            onChange={(e) => setKey(e.target.value)}
            data-testid="api-key-input"
          />
        </label>
        <label className="field">
          <span className="field-label">
            API base URL <span className="muted">(optional)</span>
          </span>
          <input value={baseUrl} placeholder="https://api.telnyx.com/v2" onChange={(e) => setBaseUrl(e.target.value)} />
        </label>
      </div>
      {keyError && (
        <p className="callout callout-danger" role="alert" data-testid="api-key-error">
          {keyError}
        </p>
      )}
      <div className="button-row">
        <button
          type="button"
          className="btn btn-primary"
          disabled={busy || key.trim().length < 10}
          onClick={() => void saveKey(key.trim())}
        >
          Check and save key
        </button>
        {status?.keySet && (
          <button type="button" className="btn btn-danger-quiet" disabled={busy} onClick={() => void saveKey(null)}>
            Remove key (use the simulator)
          </button>
        )}
      </div>
    </section>
  );
}

function SimClockSection() {
  const status = usePorting((s) => s.status);
  if (!status?.simulator) return null;
  return (
    <section className="porting-section" data-testid="sim-clock">
      <h3 className="section-title">Simulator clock</h3>
      <p className="muted">
        Simulated time: <strong>{localDateTime(status.simulator.now)}</strong> ({TIME_ZONE})
        {status.simulator.speed !== 1 && <> · running ×{status.simulator.speed}</>}. Carriers answer about 4 h after
        submission; orders port at their FOC.
      </p>
      <SimClockButtons withSpeed />
    </section>
  );
}

/** Every case's outbox: commands waiting for Telnyx, failed ones to retry or drop. */
function OutboxSection() {
  const {
    data: outbox,
    setData: setOutbox,
    reload: reloadOutbox,
  } = useQuery(() => call('porting.outbox', {}), [], {
    onError: (err) => {
      toast.error(errorMessage(err));
      return undefined;
    },
  });
  return (
    <section className="porting-section">
      <h3 className="section-title">Outbox</h3>
      {outbox === null ? (
        <p className="muted">Loading…</p>
      ) : (
        <OutboxList
          items={outbox}
          showCase
          onChanged={(items) => {
            setOutbox(items);
            void reloadOutbox();
            void usePorting.getState().load();
          }}
        />
      )}
    </section>
  );
}
