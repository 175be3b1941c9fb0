import type { PortabilityCheckView } from '../../../shared/contract/porting.js';
import { dateTimeLabel, plural } from '../../lib/format.js';

/** The portability check: each number, its carrier and type; not-portable numbers can be removed from the case. */
export function CheckResult({
  check,
  remove,
  setRemove,
}: {
  check: PortabilityCheckView;
  remove: Set<string>;
  setRemove(s: Set<string>): void;
}) {
  const toggle = (n: string) => {
    const next = new Set(remove);
    if (next.has(n)) next.delete(n);
    else next.add(n);
    setRemove(next);
  };
  return (
    <div className="check-result" data-testid="check-result">
      <p className="muted small">Checked {dateTimeLabel(check.checkedAt)}.</p>
      <p
        className={
          check.carrier.verdict === 'match'
            ? 'callout callout-ok'
            : check.carrier.verdict === 'unknown'
              ? 'callout'
              : 'callout callout-warn'
        }
        data-testid="carrier-verdict"
      >
        {check.carrier.message}
      </p>
      {check.invalid.length > 0 && (
        <p className="callout callout-danger">
          Not valid numbers (fix them on the Details tab):{' '}
          {check.invalid.map((i) => `${i.raw} (${i.error})`).join(', ')}
        </p>
      )}
      <table className="report-table">
        <thead>
          <tr>
            <th>Number</th>
            <th>Portable</th>
            <th>Carrier</th>
            <th>Type</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {check.numbers.map((n) => (
            <tr key={n.phone_number} className={n.portable ? '' : 'not-portable'}>
              <td className="mono">{n.phone_number}</td>
              <td>
                {n.portable ? (
                  n.fast_portable ? (
                    'Yes (FastPort)'
                  ) : (
                    'Yes'
                  )
                ) : (
                  <span className="text-danger">No — {n.reason}</span>
                )}
              </td>
              <td>{n.carrier_name ?? '—'}</td>
              <td>{n.phone_number_type ?? '—'}</td>
              <td>
                {!n.portable && (
                  <label>
                    <input
                      type="checkbox"
                      checked={remove.has(n.phone_number)}
                      onChange={() => toggle(n.phone_number)}
                    />{' '}
                    Remove from the case
                  </label>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {check.notPortable.length > 0 && (
        <p className="callout callout-warn">
          {plural(check.notPortable.length, 'number')} cannot be ported. Remove{' '}
          {check.notPortable.length === 1 ? 'it' : 'them'} to go on with the rest, or stop here and talk to the
          customer.
        </p>
      )}
    </div>
  );
}
