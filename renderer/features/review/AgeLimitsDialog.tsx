import { useEffect, useState } from 'react';
import type { ReviewSettings } from '../../../shared/contract/review.js';
import { Modal } from '../../app/Modal.js';
import { call, errorMessage } from '../../ipc/index.js';
import { toast } from '../../state/toasts.js';

interface Row {
  carrier: string;
  invoice: string;
  loa: string;
}

const num = (s: string): number | undefined => (s.trim() === '' ? undefined : Number(s));

/** How old an invoice and an LOA may be: the defaults and per losing carrier. */
export function AgeLimitsDialog({ open, onClose, onSaved }: { open: boolean; onClose(): void; onSaved(): void }) {
  const [invoice, setInvoice] = useState('');
  const [loa, setLoa] = useState('');
  const [rows, setRows] = useState<Row[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (!open) return;
    setError(null);
    call('review.settings', {}).then(
      (s) => {
        setInvoice(String(s.defaults.invoiceMaxAgeDays));
        setLoa(String(s.defaults.loaMaxAgeDays));
        setRows(
          s.carriers.map((c) => ({
            carrier: c.carrier,
            invoice: c.invoiceMaxAgeDays?.toString() ?? '',
            loa: c.loaMaxAgeDays?.toString() ?? '',
          })),
        );
      },
      (err: unknown) => setError(errorMessage(err)),
    );
  }, [open]);

  const save = async () => {
    const settings: ReviewSettings = {
      defaults: { invoiceMaxAgeDays: Number(invoice), loaMaxAgeDays: Number(loa) },
      carriers: rows
        .filter((r) => r.carrier.trim() || r.invoice || r.loa)
        .map((r) => {
          const i = num(r.invoice);
          const l = num(r.loa);
          return {
            carrier: r.carrier.trim(),
            ...(i !== undefined ? { invoiceMaxAgeDays: i } : {}),
            ...(l !== undefined ? { loaMaxAgeDays: l } : {}),
          };
        }),
    };
    setSaving(true);
    try {
      await call('review.setSettings', settings);
      toast.success('Age limits saved; the open cases are being checked again.');
      onSaved();
      onClose();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setSaving(false);
    }
  };

  const set = (i: number, patch: Partial<Row>) => setRows((rs) => rs.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  return (
    <Modal
      open={open}
      title="Invoice and LOA age limits"
      onClose={onClose}
      testId="age-limits-dialog"
      wide
      actions={
        <>
          <button type="button" className="btn" onClick={onClose}>
            Cancel
          </button>
          <button type="button" className="btn btn-primary" disabled={saving} onClick={() => void save()}>
            Save
          </button>
        </>
      }
    >
      <p className="small muted">
        An invoice or LOA older than its limit on the day of review is predicted as a rejection (INVOICE_TOO_OLD,
        LOA_TOO_OLD). Carriers differ: Telnyx asks for an invoice within 30 days, some accept 60; LOAs 30 to 90 days.
      </p>
      <div className="field-row">
        <label className="field">
          <span className="field-label">Invoice, days</span>
          <input type="number" min={1} max={3650} value={invoice} onChange={(e) => setInvoice(e.target.value)} />
        </label>
        <label className="field">
          <span className="field-label">LOA, days</span>
          <input type="number" min={1} max={3650} value={loa} onChange={(e) => setLoa(e.target.value)} />
        </label>
      </div>
      <table className="report-table limits-table">
        <thead>
          <tr>
            <th>Losing carrier</th>
            <th>Invoice, days</th>
            <th>LOA, days</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={i}>
              <td>
                <input
                  aria-label="Carrier"
                  value={r.carrier}
                  placeholder="e.g. AT&T"
                  onChange={(e) => set(i, { carrier: e.target.value })}
                />
              </td>
              <td>
                <input
                  aria-label="Invoice days"
                  type="number"
                  min={1}
                  value={r.invoice}
                  placeholder="default"
                  onChange={(e) => set(i, { invoice: e.target.value })}
                />
              </td>
              <td>
                <input
                  aria-label="LOA days"
                  type="number"
                  min={1}
                  value={r.loa}
                  placeholder="default"
                  onChange={(e) => set(i, { loa: e.target.value })}
                />
              </td>
              <td>
                <button
                  type="button"
                  className="btn btn-small btn-quiet"
                  onClick={() => setRows((rs) => rs.filter((_, j) => j !== i))}
                >
                  Remove
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <button
        type="button"
        className="btn btn-small"
        onClick={() => setRows((rs) => [...rs, { carrier: '', invoice: '', loa: '' }])}
      >
        Add a carrier
      </button>
      {error && (
        <p className="callout callout-danger" role="alert">
          {error}
        </p>
      )}
    </Modal>
  );
}
