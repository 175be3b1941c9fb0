import type { OrderView } from '../../../shared/contract/porting.js';
import { plural } from '../../lib/format.js';
import { type FocPick, focError, inZone, insideWindow, pickInWindow, windowLabel } from './foc.js';
import { fromLocalInput, TIME_ZONE } from './state.js';

/**
 * The requested FOC of one order: the allowed windows as buttons, the exact time on the user's
 * clock, and the same instant on the customer's (what the carrier and the customer will say).
 */
export function FocPicker({
  order,
  pick,
  customerZone,
  onChoose,
}: {
  order: OrderView;
  pick: FocPick | undefined;
  customerZone: string | null;
  onChoose(value: string): void;
}) {
  const utc = pick?.value ? fromLocalInput(pick.value) : null;
  const problem = pick?.error ?? (pick?.value ? focError(pick) : null);
  return (
    <div className="foc-pick" data-testid="foc-pick" data-order={order.id}>
      <div className="foc-pick-head">
        <strong>Requested FOC for order {order.id.slice(0, 8)}</strong>{' '}
        <span className="muted">
          ({plural(order.numbers.length, 'number')}, {order.phone_number_type ?? 'type unknown'})
        </span>
        {!pick && <span className="muted small">Loading allowed dates…</span>}
        {pick?.error && !pick.windows && <span className="text-danger small">{pick.error}</span>}
      </div>
      {pick?.windows && (
        <>
          <ul className="foc-windows">
            {pick.windows.map((w) => (
              <li key={w.started_at}>
                <button
                  type="button"
                  className={`btn btn-small btn-quiet${insideWindow(pick.value, w) ? ' chosen' : ''}`}
                  aria-pressed={insideWindow(pick.value, w)}
                  onClick={() => onChoose(pickInWindow(w))}
                >
                  {windowLabel(w)}
                </button>
              </li>
            ))}
          </ul>
          <label className="field foc-input">
            <span className="field-label">Requested FOC ({TIME_ZONE}; sent in UTC)</span>
            <input type="datetime-local" value={pick.value} onChange={(e) => onChoose(e.target.value)} />
            {utc && <span className="field-hint">= {utc}</span>}
            {problem && <span className="text-danger small">{problem}</span>}
          </label>
          {utc && (
            <dl className="foc-zones" data-testid="foc-zones">
              <dt>Your time ({TIME_ZONE})</dt>
              <dd data-testid="foc-user-zone">{inZone(utc, TIME_ZONE)}</dd>
              <dt>Customer's time ({customerZone ?? 'unknown: no US state on the service address'})</dt>
              <dd data-testid="foc-customer-zone">{customerZone ? inZone(utc, customerZone) : '—'}</dd>
            </dl>
          )}
        </>
      )}
    </div>
  );
}
