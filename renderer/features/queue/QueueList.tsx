import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, type RefObject } from 'react';
import { FIELD_LABEL } from '../../../shared/domain/case.js';
import { COMPARED_FIELD_LABEL } from '../../../shared/domain/comparison.js';
import { rowAt, useQueue, type CaseSort } from '../../state/queue.js';
import { QueueRow } from './QueueRow.js';
import { useTriage } from './triage.js';

export const ROW_HEIGHT = 32;
const HEAD_HEIGHT = 30;

/** Where the list was scrolled, kept while the user looks at a case. */
let savedScrollTop = 0;

const COLUMNS: { key: string; label: string; sort?: CaseSort; className?: string; title?: string }[] = [
  { key: 'tick', label: '', className: 'col-tick', title: 'Tick cases for a bulk action (x)' },
  { key: 'seen', label: '', className: 'col-seen', title: 'Changed since you last looked' },
  { key: 'status', label: 'Status', sort: 'status' },
  { key: 'customer', label: 'Customer', sort: 'customer' },
  { key: 'carrier', label: FIELD_LABEL.losing_carrier, sort: 'carrier' },
  {
    key: 'numbers',
    label: FIELD_LABEL.numbers,
    sort: 'numbers',
    className: 'num',
    title: COMPARED_FIELD_LABEL.phone_numbers,
  },
  {
    key: 'papers',
    label: 'Docs',
    className: 'col-papers',
    title: 'LOA, invoice and CSR: read, being read, or missing',
  },
  { key: 'foc', label: 'FOC date', sort: 'foc' },
  { key: 'age', label: 'Age', sort: 'age', className: 'num' },
  { key: 'next', label: 'Next action' },
  { key: 'blockers', label: 'Blockers', sort: 'blockers', className: 'num', title: 'Open blockers' },
];

interface QueueListProps {
  onOpen(id: number): void;
  gridRef: RefObject<HTMLDivElement | null>;
}

export function QueueList({ onOpen, gridRef }: QueueListProps) {
  const total = useQueue((s) => s.total) ?? 0;
  const selectedIndex = useQueue((s) => s.selectedIndex);
  const select = useQueue((s) => s.select);
  const pages = useQueue((s) => s.pages);
  const replacing = useQueue((s) => s.replacing);
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useQueueVirtualizer(scrollRef, gridRef);
  const items = virtualizer.getVirtualItems();
  const selectedId = rowAt({ pages }, selectedIndex)?.id;
  const ticked = useTriage((s) => s.selected);

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
        <QueueHead />
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {items.map((item) => (
            <div
              key={item.key}
              className="queue-row-slot"
              style={{ transform: `translateY(${item.start - HEAD_HEIGHT}px)`, height: ROW_HEIGHT }}
            >
              <QueueRow
                index={item.index}
                row={rowAt({ pages }, item.index)}
                selected={item.index === selectedIndex}
                ticked={ticked.has(rowAt({ pages }, item.index)?.id ?? -1)}
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

/** Only the visible rows are rendered; their pages are fetched as they scroll into view. */
function useQueueVirtualizer(scrollRef: RefObject<HTMLDivElement | null>, gridRef: RefObject<HTMLDivElement | null>) {
  const total = useQueue((s) => s.total) ?? 0;
  const selectedIndex = useQueue((s) => s.selectedIndex);
  const query = useQueue((s) => s.query);
  const ensureRange = useQueue((s) => s.ensureRange);
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

  return virtualizer;
}

/** Column headers; a sortable column's header flips the direction on a second click. */
function QueueHead() {
  const query = useQueue((s) => s.query);
  const setQuery = useQueue((s) => s.setQuery);
  const toggleSort = (sort: CaseSort) => {
    if (query.sort === sort) setQuery({ direction: query.direction === 'asc' ? 'desc' : 'asc' });
    else setQuery({ sort, direction: sort === 'age' || sort === 'blockers' || sort === 'numbers' ? 'desc' : 'asc' });
  };

  return (
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
            <button
              type="button"
              className="sort-button"
              title={`Sort by ${c.label.toLowerCase()}`}
              onClick={() => toggleSort(c.sort!)}
            >
              {c.label}
              {query.sort === c.sort && <span aria-hidden="true">{arrow(c.sort, query.direction)}</span>}
            </button>
          ) : (
            c.label
          )}
        </div>
      ))}
    </div>
  );
}

/** Arrows say what the user will see first: ↑ for oldest/soonest/earliest status/A/fewest. */
function arrow(sort: CaseSort, direction: 'asc' | 'desc'): string {
  const oldestFirst = sort === 'age' ? direction === 'desc' : direction === 'asc';
  return oldestFirst ? ' ▲' : ' ▼';
}
