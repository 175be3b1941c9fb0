import { useCallback, useEffect, useMemo, useState } from 'react';
import type { ApplyProposal, CaseReview } from '../../../shared/contract/review.js';
import { hasModifier, isTypingTarget, modalOpen } from '../../lib/keys.js';
import { routeHash } from '../../state/route.js';
import { toast } from '../../state/toasts.js';
import type { CaseTabProps } from '../case/tabs.js';
import { ChannelReviewSection } from '../channel/ChannelReviewSection.js';
import { useChannel } from '../channel/useChannel.js';
import { ApplyPreviewDialog } from './ApplyPreview.js';
import { ChecksPanel, ReviewBanners } from './ChecksPanel.js';
import { EvidenceView } from './EvidenceView.js';
import { ReviewTable } from './ReviewTable.js';
import { buildRows, type ReviewRow } from './rows.js';
import { OverrideDialog, SummaryPanel } from './SummaryPanel.js';
import { useReviewActions } from './useReviewActions.js';

/** The review's head: the day, the carrier's record used, the age limits and the keys. */
function ReviewHead({ review }: { review: CaseReview }) {
  const reference =
    review.reference_document === 'csr'
      ? 'the CSR'
      : review.reference_document === 'invoice'
        ? 'the invoice (no CSR)'
        : 'none yet';
  return (
    <div className="review-head">
      <span>
        Compared on <strong>{review.as_of}</strong> · carrier's record: <strong>{reference}</strong>
      </span>
      <span className="muted">
        · age limits: invoice {review.limits.invoiceMaxAgeDays} d, LOA {review.limits.loaMaxAgeDays} d
        {review.limits.case ? ' (this case only)' : review.limits.carrier ? ` (${review.limits.carrier} setting)` : ''}
      </span>
      <a
        className="btn btn-small btn-quiet"
        href={routeHash({ name: 'settings', section: 'age-limits', caseId: review.case_id })}
      >
        Age limits…
      </a>
      <span className="muted small review-keys">
        <kbd>↑</kbd>
        <kbd>↓</kbd> rows · <kbd>a</kbd> use the carrier's value
      </span>
    </div>
  );
}

/** ↑/↓ move through the rows; `a` previews copying the carrier's value for the selected row. */
function useRowKeys(
  rows: ReviewRow[],
  selected: ReviewRow | null,
  select: (key: string) => void,
  preview: (p: ApplyProposal) => void,
) {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || modalOpen() || hasModifier(e) || isTypingTarget(e.target) || rows.length === 0) return;
      const i = rows.findIndex((r) => r.key === selected?.key);
      if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
        e.preventDefault();
        const next = e.key === 'ArrowDown' ? Math.min(rows.length - 1, i + 1) : Math.max(0, i < 0 ? 0 : i - 1);
        select(rows[next]!.key);
      } else if (e.key === 'a' && selected) {
        e.preventDefault();
        if (selected.proposal) preview(selected.proposal);
        else toast.info(`${selected.label}: no CSR or invoice value differs from the case.`);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [rows, selected, select, preview]);
}

/** The Review tab: LOA | invoice | CSR | case side by side, verdicts, evidence, and the move to ready. */
export function ReviewTab({ caseRecord }: CaseTabProps) {
  const caseId = caseRecord.id;
  const { review, error, busy, load, apply, markReady, confirm, tick } = useReviewActions(caseId, caseRecord.version);
  // fetched beside the comparison, not after it: a section arriving late pushed the table and the
  // ready box down under the pointer (a click meant for "Override…" landed on nothing)
  const channel = useChannel(caseId, caseRecord.version);
  const channelSettled = channel.view !== null || channel.error !== null;
  const [selectedKey, setSelectedKey] = useState<string | null>(null);
  const [overrideOpen, setOverrideOpen] = useState(false);
  const [showAllNumbers, setShowAllNumbers] = useState(false);
  const [preview, setPreview] = useState<ApplyProposal | null>(null);

  const { rows, hiddenNumbers } = useMemo(
    () => (review ? buildRows(review, { showAllNumbers }) : { rows: [], hiddenNumbers: 0 }),
    [review, showAllNumbers],
  );
  const selected = rows.find((r) => r.key === selectedKey) ?? null;
  const select = useCallback((key: string) => {
    setSelectedKey(key);
    requestAnimationFrame(() =>
      document.querySelector(`[data-row="${CSS.escape(key)}"]`)?.scrollIntoView({ block: 'nearest' }),
    );
  }, []);
  useRowKeys(rows, selected, select, setPreview);

  if (error && !review) {
    return (
      <div className="callout callout-danger" role="alert">
        Could not compare this case: {error}{' '}
        <button type="button" className="btn btn-small" onClick={() => void load()}>
          Try again
        </button>
      </div>
    );
  }
  if (!review || !channelSettled)
    return (
      <p className="muted" aria-busy="true">
        Comparing the documents…
      </p>
    );

  const used = review.documents_used;
  return (
    <div className="review-tab" data-testid="review-tab">
      <ReviewHead review={review} />
      <ReviewBanners review={review} />
      <ChecksPanel review={review} busy={busy} onConfirm={(c) => void confirm(c)} />
      <ChannelReviewSection view={channel.view} />
      {review.pending_documents.length > 0 && (
        <p className="callout callout-warn" data-testid="pending-documents">
          Not compared yet: {review.pending_documents.map((d) => `${d.name} (${d.kind}, ${d.status})`).join(', ')}.
        </p>
      )}
      <div className="review-layout">
        <div className="review-main">
          <ReviewTable
            rows={rows}
            selectedKey={selectedKey}
            busy={busy}
            hiddenNumbers={showAllNumbers ? 0 : hiddenNumbers}
            onSelect={select}
            onApply={(p) => void apply(p)}
            onShowAllNumbers={() => setShowAllNumbers(true)}
          />
        </div>
        <aside className="review-aside">
          <SummaryPanel
            review={review}
            busy={busy}
            onReady={() => void markReady()}
            onOverride={() => setOverrideOpen(true)}
            onSelectField={(f) => select(f)}
            onTick={(item, done) => void tick(item, done)}
          >
            <section className="review-evidence" aria-label="Evidence">
              <h3 className="section-title">Evidence{selected ? `: ${selected.label}` : ''}</h3>
              <EvidenceView row={selected} documents={{ loa: used.loa, invoice: used.invoice, csr: used.csr }} />
            </section>
          </SummaryPanel>
        </aside>
      </div>
      <OverrideDialog
        open={overrideOpen}
        review={review}
        onClose={() => setOverrideOpen(false)}
        onConfirm={(reason) => void markReady(reason).then((ok) => ok && setOverrideOpen(false))}
      />
      <ApplyPreviewDialog
        proposal={preview}
        busy={busy}
        onCancel={() => setPreview(null)}
        onApply={(p) => {
          setPreview(null);
          void apply(p);
        }}
      />
    </div>
  );
}
