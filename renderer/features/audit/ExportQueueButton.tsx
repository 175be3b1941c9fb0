import { useState } from 'react';
import { call, errorMessage } from '../../ipc/index.js';
import { toast } from '../../state/toasts.js';

/** Queue toolbar: download the whole queue as CSV (formula-safe, no PINs), as `portdesk cases export` writes it. */
export function ExportQueueButton({ className = 'btn' }: { className?: string }) {
  const [busy, setBusy] = useState(false);
  const exportCsv = async () => {
    setBusy(true);
    try {
      const { csv, fileName, rows } = await call('cases.exportCsv', {});
      const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
      const a = document.createElement('a');
      a.href = url;
      a.download = fileName;
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      toast.success(`Exported ${rows} case(s) to ${fileName}.`);
    } catch (err) {
      toast.error(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <button
      type="button"
      className={className}
      disabled={busy}
      data-testid="export-queue"
      title="Download the queue as CSV (no PINs)"
      onClick={() => void exportCsv()}
    >
      Export CSV
    </button>
  );
}
