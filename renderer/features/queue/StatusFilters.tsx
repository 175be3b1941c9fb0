import { CASE_STATUSES, STATUS_LABEL } from '../../../shared/domain/case.js';
import { plural } from '../../lib/format.js';
import { ACTIVE_STATUSES, hasFilters, useQueue } from '../../state/queue.js';
import { useTriage } from './triage.js';

/** "Active" (the default view) or "All", then one chip per status, each with how many cases it holds. */
export function StatusFilters({ onClear }: { onClear(): void }) {
  const query = useQueue((s) => s.query);
  const setQuery = useQueue((s) => s.setQuery);
  const counts = useTriage((s) => s.counts);
  // the count is shown and titled; the button's name stays the status, so it reads and is found as such
  const count = (n: number | undefined) =>
    n === undefined ? null : (
      <span className="chip-count" aria-hidden="true" data-testid="chip-count">
        {n.toLocaleString()}
      </span>
    );
  const titled = (label: string, n: number | undefined) => (n === undefined ? label : `${label}: ${plural(n, 'case')}`);
  const activeCount = counts ? ACTIVE_STATUSES.reduce((sum, s) => sum + counts[s], 0) : undefined;
  const allCount = counts ? CASE_STATUSES.reduce((sum, s) => sum + counts[s], 0) : undefined;
  const viewOn = (view: 'active' | 'all') => query.status.length === 0 && query.view === view;
  return (
    <div className="status-filters" role="group" aria-label="Filter by status">
      <span className="filters-label">Show</span>
      <button
        type="button"
        className={`chip chip-toggle chip-view${viewOn('active') ? ' on' : ''}`}
        aria-pressed={viewOn('active')}
        aria-label="Active"
        title={titled('Every case still being worked (cancelled and ported out of the way)', activeCount)}
        onClick={() => setQuery({ view: 'active', status: [] })}
      >
        Active {count(activeCount)}
      </button>
      <button
        type="button"
        className={`chip chip-toggle chip-view${viewOn('all') ? ' on' : ''}`}
        aria-pressed={viewOn('all')}
        aria-label="All"
        title={titled('Every case, cancelled and ported included', allCount)}
        onClick={() => setQuery({ view: 'all', status: [] })}
      >
        All {count(allCount)}
      </button>
      <span className="filters-sep" aria-hidden="true" />
      {CASE_STATUSES.map((st) => {
        const on = query.status.includes(st);
        return (
          <button
            key={st}
            type="button"
            className={`chip chip-toggle status-${st}${on ? ' on' : ''}`}
            aria-pressed={on}
            aria-label={STATUS_LABEL[st]}
            title={titled(STATUS_LABEL[st], counts?.[st])}
            data-status-filter={st}
            onClick={() => setQuery({ status: on ? query.status.filter((x) => x !== st) : [...query.status, st] })}
          >
            {STATUS_LABEL[st]} {count(counts?.[st])}
          </button>
        );
      })}
      {hasFilters(query) && (
        <button type="button" className="btn btn-link" onClick={onClear}>
          Clear filters
        </button>
      )}
    </div>
  );
}

/** Shown while cases are ticked: one action for all of them. */
export function BulkBar() {
  const selected = useTriage((s) => s.selected);
  if (selected.size === 0) return null;
  return (
    <div className="bulk-bar" role="region" aria-label="Selected cases" data-testid="bulk-bar">
      <strong>{plural(selected.size, 'case')} selected</strong>
      <button
        type="button"
        className="btn btn-small btn-danger-quiet"
        onClick={() => void useTriage.getState().cancelSelected()}
      >
        Cancel {selected.size === 1 ? 'case' : 'cases'}…
      </button>
      <button type="button" className="btn btn-small btn-link" onClick={() => useTriage.getState().clear()}>
        Clear selection
      </button>
    </div>
  );
}
