import { useEffect, useState, type RefObject } from 'react';
import { useQueue, type CaseSort, type SortDirection } from '../../state/queue.js';
import { ExportQueueButton } from '../audit/ExportQueueButton.js';
import { ImportCsvButton } from './ImportCsv.js';

const SORT_OPTIONS: { value: `${CaseSort}:${SortDirection}`; label: string }[] = [
  { value: 'age:desc', label: 'Oldest first' },
  { value: 'age:asc', label: 'Newest first' },
  { value: 'foc:asc', label: 'FOC date, soonest first' },
  { value: 'foc:desc', label: 'FOC date, latest first' },
  { value: 'status:asc', label: 'Status, intake → ported' },
  { value: 'status:desc', label: 'Status, ported → intake' },
  { value: 'updated:desc', label: 'Recently updated' },
  { value: 'customer:asc', label: 'Customer, A → Z' },
  { value: 'blockers:desc', label: 'Most blockers first' },
];

const SEARCH_DELAY_MS = 250;

interface ToolbarProps {
  searchRef: RefObject<HTMLInputElement | null>;
  gridRef: RefObject<HTMLDivElement | null>;
  searchText: string;
  setSearchText(text: string): void;
  onNew(): void;
}

/** Search, carrier filter, sort, import and new case. */
export function QueueToolbar({ searchRef, gridRef, searchText, setSearchText, onNew }: ToolbarProps) {
  const query = useQueue((s) => s.query);
  const carriers = useQueue((s) => s.carriers);
  const setQuery = useQueue((s) => s.setQuery);

  // the search runs on the host (full text over names, numbers in any format, accounts, references, "#19")
  useEffect(() => {
    if (searchText === query.search) return;
    const t = setTimeout(() => setQuery({ search: searchText }), SEARCH_DELAY_MS);
    return () => clearTimeout(t);
  }, [searchText, query.search, setQuery]);

  const sortValue = `${query.sort}:${query.direction}`;
  return (
    <div className="toolbar">
      <div className="search">
        <input
          ref={searchRef}
          type="search"
          placeholder="Search customer, number, account, reference, order id, #case"
          aria-label="Search cases"
          value={searchText}
          onChange={(e) => setSearchText(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              // first Esc clears the search (the whole queue comes back); on an empty box it leaves for the list
              e.preventDefault();
              if (searchText !== '' || query.search !== '') {
                setSearchText('');
                setQuery({ search: '' });
              } else if (gridRef.current) gridRef.current.focus();
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
          {query.carrier && !carriers.includes(query.carrier) && <option value={query.carrier}>{query.carrier}</option>}
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
          value={sortValue}
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
          {!SORT_OPTIONS.some((o) => o.value === sortValue) && <option value={sortValue}>Custom order</option>}
        </select>
      </label>
      <div className="toolbar-spacer" />
      <ImportCsvButton />
      <ExportQueueButton />
      <button type="button" className="btn btn-primary" onClick={onNew} title="New case (n)">
        New case
      </button>
    </div>
  );
}
