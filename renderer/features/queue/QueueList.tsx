import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useEffect, useRef, type RefObject } from 'react';
import type { CaseSummary } from '../../../shared/domain/case.js';
import { StatusChip } from '../../app/StatusChip.js';
import { ageLabel, dateLabel, daysUntil, relativeDays } from '../../lib/format.js';
import { rowAt, useQueue, type CaseSort } from '../../state/queue.js';

export const ROW_HEIGHT = 32;
const HEAD_HEIGHT = 30;

/** Where the list was scrolled, kept while the user looks at a case. */
let savedScrollTop = 0;

const COLUMNS: { key: string; label: string; sort?: CaseSort; className?: string; title?: string }[] = [
  { key: 'seen', label: '', className: 'col-seen', title: 'Changed since you last looked' },
  { key: 'status', label: 'Status', sort: 'status' },
  { key: 'customer', label: 'Customer' },
  { key: 'carrier', label: 'Losing carrier' },
  { key: 'numbers', label: 'Numbers', className: 'num', title: 'Numbers to port' },
  { key: 'foc', label: 'FOC date', sort: 'foc' },
  { key: 'age', label: 'Age', sort: 'age', className: 'num' },
  { key: 'next', label: 'Next action' },
  { key: 'blockers', label: 'Blockers', className: 'num', title: 'Open blockers' },
];

interface QueueListProps {
  onOpen(id: number): void;
  gridRef: RefObject<HTMLDivElement | null>;
}

export function QueueList({ onOpen, gridRef }: QueueListProps) {
  const total = useQueue((s) => s.total) ?? 0;
  const selectedIndex = useQueue((s) => s.selectedIndex);
  const query = useQueue((s) => s.query);
  const setQuery = useQueue((s) => s.setQuery);
  const select = useQueue((s) => s.select);
  const ensureRange = useQueue((s) => s.ensureRange);
  const pages = useQueue((s) => s.pages);
  const replacing = useQueue((s) => s.replacing);
  const scrollRef = useRef<HTMLDivElement>(null);

  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 15,
    initialOffset: () => savedScrollTop,
    // the column header scrolls with the rows (sticky) so the columns always line up
    scrollMargin: HEAD_HEIGHT,
    scrollPaddingStart: HEAD_HEIGHT,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;

  useEffect(() => {
    ensureRange(first, Math.max(last, first + 40));
  }, [first, last, total, ensureRange]);

  // land on the list when nothing else has focus, so ↑/↓/Enter work and the focus ring shows
  useEffect(() => {
    if (document.activeElement === document.body) gridRef.current?.focus({ preventScroll: true });
  }, [gridRef]);

  // a new search, filter or sort starts at the top
  const firstQuery = useRef(query);
  useEffect(() => {
    if (query === firstQuery.current) return;
    savedScrollTop = 0;
    virtualizer.scrollToOffset(0);
  }, [query, virtualizer]);

  useEffect(() => {
    if (total > 0) virtualizer.scrollToIndex(selectedIndex, { align: 'auto' });
    // scroll only when the selection moves, not on every new page of rows
  }, [selectedIndex]);

  const selectedId = rowAt({ pages }, selectedIndex)?.id;

  const toggleSort = (sort: CaseSort) => {
    if (query.sort === sort) setQuery({ direction: query.direction === 'asc' ? 'desc' : 'asc' });
    else setQuery({ sort, direction: sort === 'age' ? 'desc' : 'asc' });
  };

  return (
    <div
      className={`queue-grid${replacing ? ' replacing' : ''}`}
      role="grid"
      aria-busy={replacing}
      aria-label="Case queue"
      aria-rowcount={total + 1}
      aria-activedescendant={selectedId !== undefined ? `case-row-${selectedId}` : undefined}
      tabIndex={0}
      ref={gridRef}
      data-testid="queue-grid"
    >
      <div
        className="queue-scroll"
        ref={scrollRef}
        onScroll={(e) => {
          savedScrollTop = e.currentTarget.scrollTop;
        }}
      >
        <div className="queue-row queue-head" role="row" aria-rowindex={1}>
          {COLUMNS.map((c) => (
            <div
              key={c.key}
              role="columnheader"
              className={`cell ${c.className ?? ''}`}
              title={c.title}
              aria-sort={
                c.sort && query.sort === c.sort ? (query.direction === 'asc' ? 'ascending' : 'descending') : undefined
              }
            >
              {c.sort ? (
                <button type="button" className="sort-button" tabIndex={-1} onClick={() => toggleSort(c.sort!)}>
                  {c.label}
                  {query.sort === c.sort && <span aria-hidden="true">{arrow(c.sort, query.direction)}</span>}
                </button>
              ) : (
                c.label
              )}
            </div>
          ))}
        </div>
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {items.map((item) => (
            <div
              key={item.key}
              className="queue-row-slot"
              style={{ transform: `translateY(${item.start - HEAD_HEIGHT}px)`, height: ROW_HEIGHT }}
            >
              <Row
                index={item.index}
                row={rowAt({ pages }, item.index)}
                selected={item.index === selectedIndex}
                onSelect={select}
                onOpen={onOpen}
              />
            </div>
          ))}
        </div>
      </div>
    </div>
  );
}

/** Arrows say what the user will see first: ↑ for oldest/soonest/earliest status. */
function arrow(sort: CaseSort, direction: 'asc' | 'desc'): string {
  const oldestFirst = sort === 'age' ? direction === 'desc' : direction === 'asc';
  return oldestFirst ? ' ▲' : ' ▼';
}

interface RowProps {
  index: number;
  row: CaseSummary | undefined;
  selected: boolean;
  onSelect(index: number): void;
  onOpen(id: number): void;
}

const Row = memo(function Row({ index, row, selected, onSelect, onOpen }: RowProps) {
  if (!row) {
    return (
      <div className="queue-row queue-row-loading" role="row" aria-rowindex={index + 2} aria-busy="true">
        <div className="cell placeholder" role="gridcell">
          <span />
        </div>
      </div>
    );
  }
  const foc = row.foc_date ? daysUntil(row.foc_date) : null;
  return (
    <div
      id={`case-row-${row.id}`}
      className={`queue-row${selected ? ' selected' : ''}${row.unseen_change ? ' unseen' : ''}`}
      role="row"
      aria-rowindex={index + 2}
      aria-selected={selected}
      data-case-id={row.id}
      onMouseDown={() => onSelect(index)}
      onDoubleClick={() => onOpen(row.id)}
    >
      <div className="cell col-seen" role="gridcell">
        {row.unseen_change && (
          <span
            className="unseen-dot"
            title="Changed since you last looked"
            aria-label="Changed since you last looked"
          />
        )}
      </div>
      <div className="cell" role="gridcell">
        <StatusChip status={row.status} />
      </div>
      <div className="cell customer" role="gridcell" title={row.entity_name}>
        <a
          href={`#/case/${row.id}`}
          tabIndex={-1}
          onClick={(e) => {
            e.preventDefault();
            onOpen(row.id);
          }}
        >
          {row.entity_name || <em className="muted">(no name yet)</em>}
        </a>
        <span className="case-id">#{row.id}</span>
      </div>
      <div className="cell" role="gridcell" title={row.losing_carrier}>
        {row.losing_carrier || <span className="muted">—</span>}
      </div>
      <div className="cell num" role="gridcell">
        {row.number_count}
      </div>
      <div
        className={`cell foc${foc !== null && foc >= 0 && foc <= 2 ? ' foc-soon' : ''}`}
        role="gridcell"
        title={row.foc_date ? `${row.foc_date} (${relativeDays(foc ?? 0)})` : 'No FOC date yet'}
      >
        {row.foc_date ? (
          <>
            {dateLabel(row.foc_date)} <span className="muted small">{relativeDays(foc ?? 0)}</span>
          </>
        ) : (
          <span className="muted">—</span>
        )}
      </div>
      <div className="cell num" role="gridcell" title={`Opened ${new Date(row.created_at).toLocaleString()}`}>
        {ageLabel(row.created_at)}
      </div>
      <div className="cell next-action" role="gridcell" title={row.next_action}>
        {row.next_action}
      </div>
      <div className="cell num" role="gridcell">
        {row.blockers > 0 ? (
          <span className="blockers" title={`${row.blockers} open blocker(s)`}>
            {row.blockers}
          </span>
        ) : (
          <span className="muted">0</span>
        )}
        {row.checks > 0 && (
          <span
            className="queue-checks small text-warn"
            title={`${row.checks} reading(s) to confirm on the Review tab (not blockers)`}
            data-testid="queue-checks"
          >
            {' '}
            +{row.checks}?
          </span>
        )}
      </div>
    </div>
  );
});
