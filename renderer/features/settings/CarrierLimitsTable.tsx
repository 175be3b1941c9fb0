import { useEffect, useState } from 'react';
import type { ReviewSettings } from '../../../shared/contract/review.js';
import { FIELD_LABEL } from '../../../shared/domain/case.js';
import { ScopeTag } from './ScopeTag.js';

interface Row {
  carrier: string;
  invoice: string;
  loa: string;
}

const num = (s: string): number | undefined => (s.trim() === '' ? undefined : Number(s));

/** Age limits per losing carrier: a carrier entry may set one limit only; the other stays the default. */
export function CarrierLimitsTable({
  settings,
  save,
}: {
  settings: ReviewSettings;
  save(next: ReviewSettings, done: string): Promise<boolean>;
}) {
  const [rows, setRows] = useState<Row[]>([]);
  useEffect(
    () =>
      setRows(
        settings.carriers.map((c) => ({
          carrier: c.carrier,
          invoice: c.invoiceMaxAgeDays?.toString() ?? '',
          loa: c.loaMaxAgeDays?.toString() ?? '',
        })),
      ),
    [settings.carriers],
  );
  const set = (i: number, patch: Partial<Row>) => setRows((rs) => rs.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const submit = () =>
    void save(
      {
        ...settings,
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
      },
      'Carrier age limits saved.',
    );
  return (
    <div data-testid="carrier-limits">
      <h3 className="section-title">
        Per losing carrier <ScopeTag scope="per-carrier" />
      </h3>
      <table className="report-table limits-table">
        <thead>
          <tr>
            <th>{FIELD_LABEL.losing_carrier}</th>
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
              <DaysCell label="Invoice days" value={r.invoice} onChange={(invoice) => set(i, { invoice })} />
              <DaysCell label="LOA days" value={r.loa} onChange={(loa) => set(i, { loa })} />
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
      <div className="button-row">
        <button
          type="button"
          className="btn btn-small"
          onClick={() => setRows((rs) => [...rs, { carrier: '', invoice: '', loa: '' }])}
        >
          Add a carrier
        </button>
        <button type="button" className="btn btn-small" onClick={submit}>
          Save carrier limits
        </button>
      </div>
    </div>
  );
}

/** One carrier's limit in days; empty means the default applies. */
function DaysCell({ label, value, onChange }: { label: string; value: string; onChange(v: string): void }) {
  return (
    <td>
      <input
        aria-label={label}
        type="number"
        min={1}
        value={value}
        placeholder="default"
        onChange={(e) => onChange(e.target.value)}
      />
    </td>
  );
}
