import { Fragment, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ApplyProposal, CaseReview } from '../../../shared/contract/review.js';
import type { CaseRecord } from '../../../shared/domain/case.js';
import { FIELD_LABEL } from '../../../shared/domain/case.js';
import { call, errorMessage, isCallError, onEvent } from '../../ipc/index.js';
import { hasModifier, isTypingTarget, modalOpen } from '../../lib/keys.js';
import { rebase, useCaseDetail } from '../../state/caseDetail.js';
import { toast } from '../../state/toasts.js';
import type { CaseTabProps } from '../case/tabs.js';
import { AgeLimitsDialog } from './AgeLimitsDialog.js';
import { ChecksPanel, ReviewBanners, type Confirmation } from './ChecksPanel.js';
import { EvidenceView } from './EvidenceView.js';
import { buildRows, SOURCE_LABEL, SOURCES, type Chip, type ReviewRow } from './rows.js';
import { fieldName, OverrideDialog, SummaryPanel } from './SummaryPanel.js';

/** The case page shows the newest case the core answered with: review actions bump its version too. */
function adoptCase(rec: CaseRecord): void {
  useCaseDetail.setState((s) =>
    s.id === rec.id && s.base && rec.version > s.base.version ? { base: rec, draft: rebase(s.base, s.draft, rec) } : {},
  );
}

function VerdictChip({ chip }: { chip: Chip }) {
  return (
    <span className={`verdict verdict-${chip.kind}`} title={chip.title} data-testid="verdict">
      {chip.label}
    </span>
  );
}

function changeText(p: ApplyProposal): string {
  return p.changes
    .map((c) => `${FIELD_LABEL[c.field as keyof typeof FIELD_LABEL] ?? c.field}: ${c.from || '(empty)'} → ${c.to}`)
    .join('\n');
}

/** The LOA and the case can each draw the same code: one line per code, the worse level first. */
function uniqueCodes(list: ReviewRow['rejections']): ReviewRow['rejections'] {
  const sorted = [...list].sort((a, b) => (a.level === b.level ? 0 : a.level === 'blocker' ? -1 : 1));
  return sorted.filter((p, i) => sorted.findIndex((q) => q.code === p.code) === i);
}

function showsDetail(row: ReviewRow, selected: boolean): boolean {
  if (selected) return true;
  if (row.level === 1) return false;
  return (
    row.rejections.length > 0 ||
    row.chip.kind === 'mismatch' ||
    row.chip.kind === 'missing' ||
    row.chip.kind === 'equivalent'
  );
}

/** The Review tab: LOA | invoice | CSR | case side by side, verdicts, evidence, and the move to ready. */
export function ReviewTab({ caseRecord }: CaseTabProps) {
  const caseId = caseRecord.id;
  const [review, setReview] = useState<CaseReview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [selectedKey, setSelectedKey] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [overrideOpen, setOverrideOpen] = useState(false);
  const [limitsOpen, setLimitsOpen] = useState(false);
  const [showAllNumbers, setShowAllNumbers] = useState(false);
  const seq = useRef(0);

  const load = useCallback(async () => {
    const mine = ++seq.current;
    try {
      const r = await call('review.compare', { caseId });
      if (mine === seq.current) {
        setReview(r);
        setError(null);
      }
    } catch (err) {
      if (mine === seq.current) setError(errorMessage(err));
    }
  }, [caseId]);

  // the case changed (saved details, a document read or corrected, another window): compare again
  useEffect(() => {
    void load();
  }, [load, caseRecord.version]);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    const soon = () => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => {
        timer = null;
        void load();
      }, 150);
    };
    const offCases = onEvent('cases.changed', ({ ids }) => {
      if (ids.includes(caseId)) soon();
    });
    const offJobs = onEvent('jobs.progress', (p) => {
      if (p.caseId === caseId && p.state !== 'queued' && p.state !== 'running') soon();
    });
    return () => {
      offCases();
      offJobs();
      if (timer) clearTimeout(timer);
    };
  }, [caseId, load]);

  const { rows, hiddenNumbers } = useMemo(
    () => (review ? buildRows(review, { showAllNumbers }) : { rows: [], hiddenNumbers: 0 }),
    [review, showAllNumbers],
  );
  const selected = rows.find((r) => r.key === selectedKey) ?? null;

  const apply = useCallback(
    async (p: ApplyProposal) => {
      if (busy) return;
      const version = useCaseDetail.getState().base?.version ?? caseRecord.version;
      setBusy(true);
      try {
        const out = await call('review.applyValue', { caseId, version, field: p.field, source: p.source });
        ++seq.current; // an older compare still in flight must not overwrite this answer
        setReview(out.review);
        adoptCase(out.case);
        toast.success(`${fieldName(p.field)} set to the ${SOURCE_LABEL[p.source]} value (recorded in the history).`);
      } catch (err) {
        toast.error(`Not applied: ${errorMessage(err)}`);
        if (isCallError(err, 'CONFLICT')) void useCaseDetail.getState().onChangedElsewhere();
        void load();
      } finally {
        setBusy(false);
      }
    },
    [busy, caseId, caseRecord.version, load],
  );

  const markReady = useCallback(
    async (overrideReason?: string) => {
      if (busy) return;
      const version = useCaseDetail.getState().base?.version ?? caseRecord.version;
      setBusy(true);
      try {
        const out = await call('review.markReady', { caseId, version, ...(overrideReason ? { overrideReason } : {}) });
        ++seq.current;
        setReview(out.review);
        adoptCase(out.case);
        setOverrideOpen(false);
        toast.success(
          out.override ? `Case ${caseId} is ready (override recorded in the history).` : `Case ${caseId} is ready.`,
        );
      } catch (err) {
        toast.error(errorMessage(err));
        void load();
      } finally {
        setBusy(false);
      }
    },
    [busy, caseId, caseRecord.version, load],
  );

  const confirm = useCallback(
    async (c: Confirmation) => {
      if (busy) return;
      setBusy(true);
      try {
        const r = await call('review.confirmReading', { caseId, ...c });
        ++seq.current;
        setReview(r);
        const now = r.fields[c.field]?.verdict;
        toast.success(
          `${fieldName(c.field)}: the ${SOURCE_LABEL[c.source]} reading is confirmed (recorded in the history)${now ? ` — now ${now === 'mismatch' ? 'a mismatch' : now}` : ''}.`,
        );
      } catch (err) {
        toast.error(`Not confirmed: ${errorMessage(err)}`);
        void load();
      } finally {
        setBusy(false);
      }
    },
    [busy, caseId, load],
  );

  const tick = useCallback(
    async (item: string, done: boolean) => {
      setBusy(true);
      try {
        const r = await call('review.checkItem', { caseId, item, done });
        ++seq.current;
        setReview(r);
      } catch (err) {
        toast.error(errorMessage(err));
      } finally {
        setBusy(false);
      }
    },
    [caseId],
  );

  const select = useCallback((key: string) => {
    setSelectedKey(key);
    requestAnimationFrame(() =>
      document.querySelector(`[data-row="${CSS.escape(key)}"]`)?.scrollIntoView({ block: 'nearest' }),
    );
  }, []);

  // ↑/↓ move through the rows, `a` copies the carrier's value for the selected row into the case
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || modalOpen() || hasModifier(e) || isTypingTarget(e.target) || rows.length === 0) return;
      const i = rows.findIndex((r) => r.key === selectedKey);
      if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
        e.preventDefault();
        const next = e.key === 'ArrowDown' ? Math.min(rows.length - 1, i + 1) : Math.max(0, i < 0 ? 0 : i - 1);
        select(rows[next]!.key);
      } else if (e.key === 'a' && selected) {
        e.preventDefault();
        if (selected.proposal) void apply(selected.proposal);
        else toast.info(`${selected.label}: no CSR or invoice value differs from the case.`);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [rows, selectedKey, selected, select, apply]);

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
  if (!review)
    return (
      <p className="muted" aria-busy="true">
        Comparing the documents…
      </p>
    );

  const used = review.documents_used;
  const reference =
    review.reference_document === 'csr'
      ? 'the CSR'
      : review.reference_document === 'invoice'
        ? 'the invoice (no CSR)'
        : 'none yet';
  return (
    <div className="review-tab" data-testid="review-tab">
      <div className="review-head">
        <span>
          Compared on <strong>{review.as_of}</strong> · carrier's record: <strong>{reference}</strong>
        </span>
        <span className="muted">
          · age limits: invoice {review.limits.invoiceMaxAgeDays} d, LOA {review.limits.loaMaxAgeDays} d
          {review.limits.carrier ? ` (${review.limits.carrier} setting)` : ''}
        </span>
        <button type="button" className="btn btn-small btn-quiet" onClick={() => setLimitsOpen(true)}>
          Age limits…
        </button>
        <span className="muted small review-keys">
          <kbd>↑</kbd>
          <kbd>↓</kbd> rows · <kbd>a</kbd> use the carrier's value
        </span>
      </div>
      <ReviewBanners review={review} />
      <ChecksPanel review={review} busy={busy} onConfirm={(c) => void confirm(c)} />
      {review.pending_documents.length > 0 && (
        <p className="callout callout-warn" data-testid="pending-documents">
          Not compared yet: {review.pending_documents.map((d) => `${d.name} (${d.kind}, ${d.status})`).join(', ')}.
        </p>
      )}
      <div className="review-layout">
        <div className="review-main">
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
                      onClick={() => select(row.key)}
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
                      <tr
                        className={`row-detail${isSel ? ' selected' : ''}`}
                        data-detail-for={row.key}
                        onClick={() => select(row.key)}
                      >
                        <td colSpan={6}>
                          {row.reason && <div className="detail-reason">{row.reason}</div>}
                          {row.proposed && (
                            <div className="detail-proposed">
                              Carrier's exact string: <strong className="mono">{row.proposed}</strong>
                            </div>
                          )}
                          {uniqueCodes(row.rejections).map((p, i) => (
                            <div
                              key={i}
                              className={`detail-rejection level-${p.level}`}
                              data-testid="row-rejection"
                              data-code={p.code}
                            >
                              <code>{p.code}</code>
                              {p.level === 'warning' ? <span className="muted"> (risk)</span> : null} — {p.action}
                            </div>
                          ))}
                          {row.proposal && row.level === 0 && (
                            <button
                              type="button"
                              className="btn btn-small btn-primary use-value"
                              disabled={busy}
                              data-testid="use-value"
                              title={changeText(row.proposal)}
                              onClick={(e) => {
                                e.stopPropagation();
                                void apply(row.proposal!);
                              }}
                            >
                              Use {SOURCE_LABEL[row.proposal.source]} value
                            </button>
                          )}
                        </td>
                      </tr>
                    )}
                    {row.key === 'phone_numbers' && hiddenNumbers > 0 && !showAllNumbers && (
                      <tr className="row-more">
                        <td colSpan={6}>
                          <button type="button" className="btn-link" onClick={() => setShowAllNumbers(true)}>
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
        onConfirm={(reason) => void markReady(reason)}
      />
      <AgeLimitsDialog open={limitsOpen} onClose={() => setLimitsOpen(false)} onSaved={() => void load()} />
    </div>
  );
}
