import { useEffect, useRef, useState } from 'react';
import { CASE_STATUSES, STATUS_LABEL } from '../../../shared/domain/case.js';
import { hasModifier, isTypingTarget, modalOpen } from '../../lib/keys.js';
import { plural } from '../../lib/format.js';
import { hasFilters, rowAt, useQueue, type CaseSort, type SortDirection } from '../../state/queue.js';
import { useRoute } from '../../state/route.js';
import { EmptyState } from './EmptyState.js';
import { ExportQueueButton } from '../audit/ExportQueueButton.js';
import { ImportCsvButton } from './ImportCsv.js';
import { QueueList, ROW_HEIGHT } from './QueueList.js';

const SORT_OPTIONS: { value: `${CaseSort}:${SortDirection}`; label: string }[] = [
  { value: 'age:desc', label: 'Oldest first' },
  { value: 'age:asc', label: 'Newest first' },
  { value: 'foc:asc', label: 'FOC date, soonest first' },
  { value: 'foc:desc', label: 'FOC date, latest first' },
  { value: 'status:asc', label: 'Status, intake → ported' },
  { value: 'status:desc', label: 'Status, ported → intake' },
  { value: 'updated:desc', label: 'Recently updated' },
];

const SEARCH_DELAY_MS = 250;

export function QueuePage() {
  const query = useQueue((s) => s.query);
  const total = useQueue((s) => s.total);
  const error = useQueue((s) => s.error);
  const carriers = useQueue((s) => s.carriers);
  const setQuery = useQueue((s) => s.setQuery);
  const resetFilters = useQueue((s) => s.resetFilters);
  const refresh = useQueue((s) => s.refresh);
  const go = useRoute((s) => s.go);
  const searchRef = useRef<HTMLInputElement>(null);
  const gridRef = useRef<HTMLDivElement>(null);
  const [searchText, setSearchText] = useState(query.search);

  // the search runs on the host (full text over names, numbers in any format, accounts, references)
  useEffect(() => {
    if (searchText === query.search) return;
    const t = setTimeout(() => setQuery({ search: searchText }), SEARCH_DELAY_MS);
    return () => clearTimeout(t);
  }, [searchText, query.search, setQuery]);

  useEffect(() => {
    if (total === null && !error) useQueue.getState().ensureRange(0, 50);
    void useQueue.getState().loadCarriers();
  }, []); // once per visit to the queue: later changes arrive as events

  const open = (id: number) => go({ name: 'case', id });

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || modalOpen() || hasModifier(e) || isTypingTarget(e.target)) return;
      const s = useQueue.getState();
      const onList = e.target === document.body || (e.target instanceof Node && !!gridRef.current?.contains(e.target));
      const pageRows = Math.max(1, Math.floor((gridRef.current?.clientHeight ?? 400) / ROW_HEIGHT) - 2);
      switch (e.key) {
        case '/':
          e.preventDefault();
          searchRef.current?.focus();
          searchRef.current?.select();
          return;
        case 'n':
          e.preventDefault();
          go({ name: 'new' });
          return;
        case 'j':
        case 'ArrowDown':
          if (e.key === 'ArrowDown' && !onList) return;
          e.preventDefault();
          s.select(s.selectedIndex + 1);
          gridRef.current?.focus({ preventScroll: true });
          return;
        case 'k':
        case 'ArrowUp':
          if (e.key === 'ArrowUp' && !onList) return;
          e.preventDefault();
          s.select(s.selectedIndex - 1);
          gridRef.current?.focus({ preventScroll: true });
          return;
        case 'PageDown':
        case 'PageUp':
          if (!onList) return;
          e.preventDefault();
          s.select(s.selectedIndex + (e.key === 'PageDown' ? pageRows : -pageRows));
          return;
        case 'Home':
        case 'End':
          if (!onList) return;
          e.preventDefault();
          s.select(e.key === 'Home' ? 0 : (s.total ?? 1) - 1);
          return;
        case 'Enter': {
          if (!onList) return;
          const row = rowAt(s, s.selectedIndex);
          if (row) {
            e.preventDefault();
            open(row.id);
          }
          return;
        }
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  const filtered = hasFilters(query);
  const firstRun = total === 0 && !filtered && !error;

  return (
    <main className="queue-page">
      <div className="toolbar">
        <div className="search">
          <input
            ref={searchRef}
            type="search"
            placeholder="Search customer, number, account, reference, order id"
            aria-label="Search cases"
            value={searchText}
            onChange={(e) => setSearchText(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Escape') {
                // leave the box, keep the search (Chrome would otherwise clear a search field)
                e.preventDefault();
                if (gridRef.current) gridRef.current.focus();
                else e.currentTarget.blur();
              } else if (e.key === 'Enter' || e.key === 'ArrowDown') {
                e.preventDefault();
                if (searchText !== query.search) setQuery({ search: searchText });
                gridRef.current?.focus();
              }
            }}
          />
          <kbd className="search-hint" aria-hidden="true">
            /
          </kbd>
        </div>
        <label className="inline-field">
          <span>Carrier</span>
          <select
            value={query.carrier}
            onChange={(e) => setQuery({ carrier: e.target.value })}
            aria-label="Filter by losing carrier"
          >
            <option value="">All carriers</option>
            {query.carrier && !carriers.includes(query.carrier) && (
              <option value={query.carrier}>{query.carrier}</option>
            )}
            {carriers.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
        </label>
        <label className="inline-field">
          <span>Sort</span>
          <select
            aria-label="Sort cases"
            value={`${query.sort}:${query.direction}`}
            onChange={(e) => {
              const [sort, direction] = e.target.value.split(':') as [CaseSort, SortDirection];
              setQuery({ sort, direction });
            }}
          >
            {SORT_OPTIONS.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
            {!SORT_OPTIONS.some((o) => o.value === `${query.sort}:${query.direction}`) && (
              <option value={`${query.sort}:${query.direction}`}>Custom order</option>
            )}
          </select>
        </label>
        <div className="toolbar-spacer" />
        <ImportCsvButton />
        <ExportQueueButton />
        <button type="button" className="btn btn-primary" onClick={() => go({ name: 'new' })} title="New case (n)">
          New case
        </button>
      </div>
      <div className="status-filters" role="group" aria-label="Filter by status">
        <span className="filters-label">Status</span>
        {CASE_STATUSES.map((st) => {
          const on = query.status.includes(st);
          return (
            <button
              key={st}
              type="button"
              className={`chip chip-toggle status-${st}${on ? ' on' : ''}`}
              aria-pressed={on}
              onClick={() => setQuery({ status: on ? query.status.filter((x) => x !== st) : [...query.status, st] })}
            >
              {STATUS_LABEL[st]}
            </button>
          );
        })}
        {filtered && (
          <button
            type="button"
            className="btn btn-link"
            onClick={() => {
              setSearchText('');
              resetFilters();
            }}
          >
            Clear filters
          </button>
        )}
      </div>

      {error && (
        <div className="callout callout-danger queue-error" role="alert">
          <span>Could not load the queue: {error}</span>
          <button type="button" className="btn" onClick={() => refresh()}>
            Try again
          </button>
        </div>
      )}

      {firstRun ? (
        <EmptyState onNew={() => go({ name: 'new' })} />
      ) : total === null && !error ? (
        <div className="queue-loading" aria-busy="true">
          Loading cases…
        </div>
      ) : total === 0 ? (
        <div className="no-match" data-testid="no-match">
          <p>No case matches {query.search ? <>“{query.search}”</> : 'these filters'}.</p>
          <p className="muted">
            Numbers match in any format (e.g. 312-555-0147 or +13125550147); names need 3 letters or more.
          </p>
          <button
            type="button"
            className="btn"
            onClick={() => {
              setSearchText('');
              resetFilters();
            }}
          >
            Clear filters
          </button>
        </div>
      ) : (
        <QueueList onOpen={open} gridRef={gridRef} />
      )}

      <footer className="queue-footer">
        <span data-testid="queue-count">
          {total === null ? '' : filtered ? `${plural(total, 'case')} match` : plural(total, 'case')}
        </span>
        <span className="muted">↑↓ / j k move · Enter opens · / search · n new · ? shortcuts</span>
      </footer>
    </main>
  );
}
