import { memo } from 'react';
import {
  CASE_PAPERS,
  PAPER_LABEL,
  STATUS_LABEL,
  type CaseSummary,
  type PaperState,
} from '../../../shared/domain/case.js';
import { StatusChip } from '../../app/StatusChip.js';
import { ageLabel, dateLabel, daysUntil, plural, relativeDays } from '../../lib/format.js';
import { useTriage } from './triage.js';

interface RowProps {
  index: number;
  row: CaseSummary | undefined;
  selected: boolean;
  ticked: boolean;
  onSelect(index: number): void;
  onOpen(id: number): void;
}

const PAPER_LETTER = { loa: 'L', invoice: 'I', csr: 'C' } as const;
const PAPER_STATE_TEXT: Record<PaperState, string> = {
  read: 'read',
  reading: 'being read',
  failed: 'could not be read',
  missing: 'missing',
};
/**
 * Once the order is out (submitted, FOC confirmed, ported), blockers still counted were overridden
 * with a reason: history, not a red flag. Ready stays red (it can still be fixed before it goes) and
 * so does an exception (the carrier did reject it).
 */
const ORDER_OUT = new Set<CaseSummary['status']>(['submitted', 'foc-confirmed', 'ported']);

export const QueueRow = memo(function QueueRow({ index, row, selected, ticked, onSelect, onOpen }: RowProps) {
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
      className={`queue-row${selected ? ' selected' : ''}${row.unseen_change ? ' unseen' : ''}${ticked ? ' ticked' : ''}`}
      role="row"
      aria-rowindex={index + 2}
      aria-selected={selected}
      data-case-id={row.id}
      onMouseDown={() => onSelect(index)}
      onDoubleClick={() => onOpen(row.id)}
    >
      <div className="cell col-tick" role="gridcell">
        <input
          type="checkbox"
          tabIndex={-1}
          checked={ticked}
          aria-label={`Select case ${row.id}`}
          onChange={() => useTriage.getState().toggle(row.id)}
        />
      </div>
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
        {row.shares_numbers_with && (
          <span
            className="shared-badge"
            data-testid="shared-badge"
            title={`Some of its numbers are also on case #${row.shares_numbers_with.id}, which is ${STATUS_LABEL[row.shares_numbers_with.status]}: a number can be in one porting order at a time`}
          >
            numbers on #{row.shares_numbers_with.id} · {STATUS_LABEL[row.shares_numbers_with.status]}
          </span>
        )}
      </div>
      <div className="cell" role="gridcell" title={row.losing_carrier}>
        {row.losing_carrier || <span className="muted">—</span>}
      </div>
      <div className="cell num" role="gridcell">
        {row.number_count}
      </div>
      <Papers papers={row.papers} />
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
      <Blockers row={row} />
    </div>
  );
});

function Papers({ papers }: { papers: CaseSummary['papers'] }) {
  const text = CASE_PAPERS.map((p) => `${PAPER_LABEL[p]} ${PAPER_STATE_TEXT[papers[p]]}`).join(', ');
  return (
    <div className="cell col-papers" role="gridcell" title={text} aria-label={text} data-testid="papers">
      {CASE_PAPERS.map((p) => (
        <span key={p} className={`paper paper-${papers[p]}`} data-paper={p} data-state={papers[p]} aria-hidden="true">
          {PAPER_LETTER[p]}
        </span>
      ))}
    </div>
  );
}

function Blockers({ row }: { row: CaseSummary }) {
  const overridden = row.blockers > 0 && row.blockers_overridden && ORDER_OUT.has(row.status);
  return (
    <div className="cell num" role="gridcell">
      {overridden ? (
        <span
          className="blockers-overridden"
          data-testid="blockers-overridden"
          title={`${plural(row.blockers, 'predicted rejection')} overridden with a written reason when the case was marked ready`}
        >
          {row.blockers} overridden
        </span>
      ) : row.blockers > 0 ? (
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
  );
}
