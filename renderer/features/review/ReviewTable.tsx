import { ReasonText } from '../../app/ReasonText.js';
import { Fragment } from 'react';
import type { ApplyProposal } from '../../../shared/contract/review.js';
import { ChangeList } from './ApplyPreview.js';
import { SOURCE_LABEL, SOURCES, type Chip, type ReviewRow } from './rows.js';

function VerdictChip({ chip }: { chip: Chip }) {
  return (
    <span className={`verdict verdict-${chip.kind}`} title={chip.title} data-testid="verdict">
      {chip.label}
    </span>
  );
}

/** The LOA and the case can each draw the same code: one line per code, the worse level first. */
function uniqueCodes(list: ReviewRow['rejections']): ReviewRow['rejections'] {
  const sorted = [...list].sort((a, b) => (a.level === b.level ? 0 : a.level === 'blocker' ? -1 : 1));
  return sorted.filter((p, i) => sorted.findIndex((q) => q.code === p.code) === i);
}

const ATTENTION: ReadonlySet<string> = new Set(['mismatch', 'too_old', 'missing', 'equivalent']);

function showsDetail(row: ReviewRow, selected: boolean): boolean {
  if (selected) return true;
  if (row.level === 1) return false;
  return row.rejections.length > 0 || ATTENTION.has(row.chip.kind);
}

/** Under a field row: the reason, the carrier's exact string, the codes, and "Use … value" with its before/after. */
function RowDetail({
  row,
  selected,
  busy,
  onSelect,
  onApply,
}: {
  row: ReviewRow;
  selected: boolean;
  busy: boolean;
  onSelect(): void;
  onApply(p: ApplyProposal): void;
}) {
  return (
    <tr className={`row-detail${selected ? ' selected' : ''}`} data-detail-for={row.key} onClick={onSelect}>
      <td colSpan={6}>
        {row.reason && (
          <div className="detail-reason">
            <ReasonText text={row.reason} />
          </div>
        )}
        {row.proposed && (
          <div className="detail-proposed">
            Carrier's exact string: <strong className="mono">{row.proposed}</strong>
          </div>
        )}
        {uniqueCodes(row.rejections).map((p, i) => (
          <div key={i} className={`detail-rejection level-${p.level}`} data-testid="row-rejection" data-code={p.code}>
            <code>{p.code}</code>
            {p.level === 'warning' ? <span className="muted"> (risk)</span> : null} — {p.action}
          </div>
        ))}
        {row.proposal && row.level === 0 && (
          <div className="use-value-box">
            <ChangeList proposal={row.proposal} />
            <button
              type="button"
              className="btn btn-small btn-primary use-value"
              disabled={busy}
              data-testid="use-value"
              onClick={(e) => {
                e.stopPropagation();
                onApply(row.proposal!);
              }}
            >
              Use {SOURCE_LABEL[row.proposal.source]} value
            </button>
          </div>
        )}
      </td>
    </tr>
  );
}

/** LOA | invoice | CSR | case side by side, one row per field, the address by parts, the numbers one by one. */
export function ReviewTable({
  rows,
  selectedKey,
  busy,
  hiddenNumbers,
  onSelect,
  onApply,
  onShowAllNumbers,
}: {
  rows: ReviewRow[];
  selectedKey: string | null;
  busy: boolean;
  hiddenNumbers: number;
  onSelect(key: string): void;
  onApply(p: ApplyProposal): void;
  onShowAllNumbers(): void;
}) {
  return (
    <table className="review-table" data-testid="review-table">
      <thead>
        <tr>
          <th scope="col">Field</th>
          {SOURCES.map((s) => (
            <th key={s} scope="col">
              {SOURCE_LABEL[s]}
            </th>
          ))}
          <th scope="col">Verdict</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => {
          const isSel = row.key === selectedKey;
          return (
            <Fragment key={row.key}>
              <tr
                data-row={row.key}
                data-verdict={row.chip.kind}
                aria-selected={isSel}
                className={`review-row level-${row.level}${isSel ? ' selected' : ''} v-${row.chip.kind}`}
                onClick={() => onSelect(row.key)}
              >
                <th scope="row">{row.label}</th>
                {SOURCES.map((s) => (
                  <td key={s} className={row.flagged.includes(s) ? 'flag' : undefined}>
                    {row.values[s] ?? <span className="muted">—</span>}
                  </td>
                ))}
                <td>
                  <VerdictChip chip={row.chip} />
                </td>
              </tr>
              {showsDetail(row, isSel) && (
                <RowDetail
                  row={row}
                  selected={isSel}
                  busy={busy}
                  onSelect={() => onSelect(row.key)}
                  onApply={onApply}
                />
              )}
              {row.key === 'phone_numbers' && hiddenNumbers > 0 && (
                <tr className="row-more">
                  <td colSpan={6}>
                    <button type="button" className="btn-link" onClick={onShowAllNumbers}>
                      Show {hiddenNumbers} more number{hiddenNumbers === 1 ? '' : 's'}
                    </button>
                  </td>
                </tr>
              )}
            </Fragment>
          );
        })}
      </tbody>
    </table>
  );
}
