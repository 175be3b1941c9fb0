import type { DocumentSummary } from '../../../shared/contract/documents.js';
import type { OrderView, PortabilityCheckView } from '../../../shared/contract/porting.js';
import type { OverrideRecord } from '../../../shared/contract/review.js';
import type { CaseRecord } from '../../../shared/domain/case.js';
import { dateTimeLabel, plural } from '../../lib/format.js';

/** The line type of a number: the case's own (set per number), else what the portability check found. */
export function lineTypeOf(e164: string, caseRecord: CaseRecord, check: PortabilityCheckView | null): string {
  const own = caseRecord.numbers.find((n) => n.e164 === e164);
  if (own && 'line_type' in own && typeof own.line_type === 'string' && own.line_type) return own.line_type;
  return check?.numbers.find((n) => n.phone_number === e164)?.phone_number_type ?? 'unknown';
}

/** Every number on the orders about to be sent, grouped by order (Telnyx splits by type, carrier, FastPort). */
export function SheetNumbers({
  orders,
  caseRecord,
  check,
}: {
  orders: OrderView[];
  caseRecord: CaseRecord;
  check: PortabilityCheckView | null;
}) {
  return (
    <section className="sheet-section" data-testid="sheet-numbers">
      <h3 className="section-title">
        Numbers · {plural(orders.length, 'order')}
        {orders.length > 1 && <span className="muted"> (Telnyx split them by number type, carrier or FastPort)</span>}
      </h3>
      {orders.map((o, i) => (
        <table key={o.id} className="report-table sheet-order" data-testid="sheet-order" data-order={o.id}>
          <caption>
            Order {i + 1}
            {orders.length > 1 ? ` of ${orders.length}` : ''} · {o.id.slice(0, 8)} ·{' '}
            {plural(o.numbers.length, 'number')}
          </caption>
          <thead>
            <tr>
              <th>Number</th>
              <th>Line type</th>
            </tr>
          </thead>
          <tbody>
            {o.numbers.map((n) => (
              <tr key={n}>
                <td className="mono">{n}</td>
                <td>{lineTypeOf(n, caseRecord, check)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ))}
    </section>
  );
}

const KIND_LABEL: Record<string, string> = { loa: 'Signed LOA', invoice: 'Invoice', csr: 'CSR (additional document)' };

/** The papers uploaded with the orders: LOA and invoice required, the CSR sent along when there is one. */
export function SheetDocuments({ docs }: { docs: DocumentSummary[] }) {
  const missing = ['loa', 'invoice'].filter((k) => !docs.some((d) => d.kind === k));
  return (
    <section className="sheet-section" data-testid="sheet-documents">
      <h3 className="section-title">Documents attached</h3>
      <ul className="sheet-list">
        {(['loa', 'invoice', 'csr'] as const).map((k) => {
          const doc = docs.find((d) => d.kind === k);
          return (
            <li key={k} className={doc ? 'doc-ok' : k === 'csr' ? 'doc-optional' : 'doc-missing'}>
              {doc ? '✓' : '✗'} {KIND_LABEL[k]}
              {doc ? `: ${doc.name}` : k === 'csr' ? ': none' : ': missing'}
            </li>
          );
        })}
      </ul>
      {missing.length > 0 && (
        <p className="callout callout-warn">
          Attach the {missing.join(' and ').replace('loa', 'signed LOA')} on the Documents tab first.
        </p>
      )}
    </section>
  );
}

/** Predicted rejections the specialist chose to send anyway, each with the reason written when overriding. */
export function SheetOverrides({ overrides }: { overrides: OverrideRecord[] | null }) {
  return (
    <section className="sheet-section" data-testid="sheet-overrides">
      <h3 className="section-title">Overridden blockers</h3>
      {overrides === null ? (
        <p className="muted">Loading the review…</p>
      ) : overrides.length === 0 ? (
        <p className="muted">None: nothing the review predicted was overridden.</p>
      ) : (
        overrides.map((o) => (
          <div key={o.id} className="callout callout-warn sheet-override">
            <ul className="sheet-list">
              {o.blockers.map((b) => (
                <li key={`${b.code}:${b.field}`}>
                  <strong>{b.code}</strong> — {b.reason}
                </li>
              ))}
            </ul>
            <p>
              Overridden by {o.actor} on {dateTimeLabel(o.at)}: “{o.reason}”
            </p>
          </div>
        ))
      )}
    </section>
  );
}
