import { useState } from 'react';
import { call, errorMessage } from '../../ipc/index.js';
import { plural } from '../../lib/format.js';
import { scheduleQueueRefresh } from '../../state/queue.js';
import { toast } from '../../state/toasts.js';
import { ImportCsvButton } from './ImportCsv.js';

/** First run: say what PortDesk does and offer the three ways to get cases in. */
export function EmptyState({ onNew }: { onNew(): void }) {
  const [busy, setBusy] = useState(false);
  const loadSamples = async () => {
    setBusy(true);
    try {
      const report = await call('cases.loadSamples', {});
      toast.success(`Loaded ${plural(report.imported, 'sample case')}.`);
      scheduleQueueRefresh(0);
    } catch (err) {
      toast.error(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="empty-state" data-testid="empty-state">
      <h1>No porting cases yet</h1>
      <p className="lead">
        PortDesk keeps every number-porting case in one queue. For each case it reads the LOA, the invoice and the
        losing carrier&apos;s CSR, compares them field by field, predicts the rejection a carrier would return, and
        submits the order — so ports go through the first time.
      </p>
      <div className="empty-actions">
        <button type="button" className="btn btn-primary" disabled={busy} onClick={() => void loadSamples()}>
          {busy ? 'Loading…' : 'Load sample cases'}
        </button>
        <ImportCsvButton />
        <button type="button" className="btn" onClick={onNew}>
          New case <kbd>n</kbd>
        </button>
      </div>
      <p className="muted small">
        Import expects a CSV with a header row. Required columns: <code>entity_name</code>, <code>numbers</code>{' '}
        (several numbers separated by <code>;</code>). Optional: <code>authorized_person</code>, <code>btn</code>,{' '}
        <code>account_number</code>, <code>pin</code>, <code>service_street</code>, <code>service_unit</code>,{' '}
        <code>service_city</code>, <code>service_state</code>, <code>service_zip</code>, <code>losing_carrier</code>,{' '}
        <code>customer_reference</code>. Rows with problems are listed; the rest are imported.
      </p>
    </div>
  );
}
