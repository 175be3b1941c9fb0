import { useEffect, useRef, useState } from 'react';
import { plural } from '../../lib/format.js';
import { hasFilters, useQueue } from '../../state/queue.js';
import { useRoute } from '../../state/route.js';
import { EmptyState } from './EmptyState.js';
import { ImportReportHost } from './ImportCsv.js';
import { QueueList } from './QueueList.js';
import { QueueToolbar } from './QueueToolbar.js';
import { BulkBar, StatusFilters } from './StatusFilters.js';
import { useTriage } from './triage.js';
import { useQueueKeys } from './useQueueKeys.js';
import './queue.css';

export function QueuePage() {
  const query = useQueue((s) => s.query);
  const total = useQueue((s) => s.total);
  const error = useQueue((s) => s.error);
  const generation = useQueue((s) => s.generation);
  const resetFilters = useQueue((s) => s.resetFilters);
  const refresh = useQueue((s) => s.refresh);
  const counts = useTriage((s) => s.counts);
  const go = useRoute((s) => s.go);
  const searchRef = useRef<HTMLInputElement>(null);
  const gridRef = useRef<HTMLDivElement>(null);
  const [searchText, setSearchText] = useState(query.search);

  useEffect(() => {
    if (total === null && !error) useQueue.getState().ensureRange(0, 50);
    void useQueue.getState().loadCarriers();
  }, []); // once per visit to the queue: later changes arrive as events

  // the chips' counts follow every new query and every refresh (a generation each)
  useEffect(() => {
    void useTriage.getState().loadCounts(query);
  }, [generation, query.carrier, query.search]);

  const open = (id: number) => go({ name: 'case', id });
  useQueueKeys({ search: searchRef, grid: gridRef }, { open, newCase: () => go({ name: 'new' }) });

  const clearFilters = () => {
    setSearchText('');
    resetFilters();
  };
  const filtered = hasFilters(query);
  const queueEmpty = counts !== null && Object.values(counts).every((n) => n === 0);
  const firstRun = total === 0 && !filtered && !error && queueEmpty;

  return (
    <main className="queue-page">
      <QueueToolbar
        searchRef={searchRef}
        gridRef={gridRef}
        searchText={searchText}
        setSearchText={setSearchText}
        onNew={() => go({ name: 'new' })}
      />
      <StatusFilters onClear={clearFilters} />
      <BulkBar />

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
      ) : (total === null || (total === 0 && counts === null)) && !error ? (
        <div className="queue-loading" aria-busy="true">
          Loading cases…
        </div>
      ) : total === 0 ? (
        <NoMatch search={query.search} onClear={clearFilters} />
      ) : (
        <QueueList onOpen={open} gridRef={gridRef} />
      )}

      <footer className="queue-footer">
        <span data-testid="queue-count">
          {total === null
            ? ''
            : filtered
              ? `${plural(total, 'case')} match`
              : query.view === 'active'
                ? plural(total, 'active case')
                : plural(total, 'case')}
        </span>
        <span className="muted">↑↓ / j k move · x tick · Enter opens · / search · n new · ? shortcuts</span>
      </footer>
      <ImportReportHost />
    </main>
  );
}

function NoMatch({ search, onClear }: { search: string; onClear(): void }) {
  const query = useQueue((s) => s.query);
  const setQuery = useQueue((s) => s.setQuery);
  const onlyActive = query.view === 'active' && query.status.length === 0;
  return (
    <div className="no-match" data-testid="no-match">
      <p>
        No {onlyActive ? 'active ' : ''}case matches {search ? <>“{search}”</> : 'these filters'}.
      </p>
      <p className="muted">
        Numbers match in any format (e.g. 312-555-0147 or +13125550147); names need 3 letters or more; #19 finds case
        19.
      </p>
      {onlyActive && (
        <button type="button" className="btn" onClick={() => setQuery({ view: 'all' })}>
          Include cancelled and ported
        </button>
      )}{' '}
      <button type="button" className="btn" onClick={onClear}>
        Clear filters
      </button>
    </div>
  );
}
