import { useEffect, useRef, type KeyboardEvent } from 'react';
import type { DocumentSummary } from '../../../shared/contract/documents.js';
import type { DocumentKind } from '../../../shared/domain/document.js';
import { dateTimeLabel } from '../../lib/format.js';
import { KIND_LABEL, KINDS, percent } from './fields.js';
import { RetireActions } from './RetireActions.js';
import { isActive, useDocuments, type JobProgress } from './state.js';

const TYPE_LABEL: Record<string, string> = {
  'application/pdf': 'PDF',
  'image/png': 'PNG',
  'image/jpeg': 'JPEG',
  'image/tiff': 'TIFF',
};
const size = (bytes: number) =>
  bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;

/** The case's documents, oldest first. Rows take focus; Enter opens one, arrows move between them. */
export function DocumentList({
  docs,
  focusId,
  onOpen,
}: {
  docs: DocumentSummary[];
  focusId: number | null;
  onOpen(id: number): void;
}) {
  const list = useRef<HTMLUListElement>(null);

  useEffect(() => {
    if (focusId === null) return;
    list.current?.querySelector<HTMLElement>(`[data-doc-id="${focusId}"]`)?.focus();
  }, [focusId]);

  const onKeyDown = (e: KeyboardEvent<HTMLLIElement>, id: number) => {
    if (e.target !== e.currentTarget) return; // keys inside the row's own controls are theirs
    if (e.key === 'Enter') {
      e.preventDefault();
      onOpen(id);
    } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const sibling =
        e.key === 'ArrowDown' ? e.currentTarget.nextElementSibling : e.currentTarget.previousElementSibling;
      if (sibling instanceof HTMLElement) sibling.focus();
    }
  };

  return (
    <div className="docs-list" data-testid="documents-list">
      <div className="docs-head" aria-hidden="true">
        <span>Kind</span>
        <span>Document</span>
        <span>Pages</span>
        <span>Reading</span>
        <span />
      </div>
      <ul ref={list} aria-label="Documents of this case">
        {docs.map((d) => (
          <li
            key={d.id}
            className={`doc-row status-${d.status}${d.supersededBy !== null ? ' superseded' : ''}`}
            tabIndex={0}
            data-doc-id={d.id}
            data-status={d.status}
            data-superseded={d.supersededBy !== null || undefined}
            data-testid="document-row"
            aria-label={`${d.name}, ${KIND_LABEL[d.kind]}, ${d.status}. Press Enter to open.`}
            onKeyDown={(e) => onKeyDown(e, d.id)}
            onDoubleClick={(e) => {
              if ((e.target as HTMLElement).closest('select,button')) return;
              onOpen(d.id);
            }}
          >
            <KindCell doc={d} />
            <div className="doc-name-cell">
              <button type="button" className="doc-name" onClick={() => onOpen(d.id)} title="Open the document">
                {d.name}
              </button>
              <div className="muted small">
                {TYPE_LABEL[d.mime] ?? d.mime} · {size(d.size)} · added {dateTimeLabel(d.createdAt)}
              </div>
              {d.supersededBy !== null && (
                <div className="small text-warn" data-testid="superseded-note">
                  Superseded by {docs.find((n) => n.id === d.supersededBy)?.name ?? `document ${d.supersededBy}`} — kept
                  for the record, not used in the review
                </div>
              )}
            </div>
            <div className="doc-pages">{d.pages ?? '—'}</div>
            <ReadingCell doc={d} />
            <RowActions doc={d} onOpen={() => onOpen(d.id)} />
          </li>
        ))}
      </ul>
    </div>
  );
}

export function KindCell({ doc }: { doc: DocumentSummary }) {
  return (
    <div className="doc-kind">
      <select
        className="select-small"
        aria-label={`Kind of ${doc.name}`}
        value={doc.kind}
        onChange={(e) => void useDocuments.getState().setKind(doc, e.target.value as DocumentKind)}
      >
        {KINDS.map((k) => (
          <option key={k} value={k}>
            {KIND_LABEL[k]}
          </option>
        ))}
      </select>
      <span className={`kind-source ${doc.kindSource}`} data-testid="kind-source">
        {doc.kindSource === 'user'
          ? 'set by you'
          : doc.status === 'ready'
            ? `auto${doc.kindConfidence !== null ? ` · ${percent(doc.kindConfidence)}` : ''}`
            : 'auto (after reading)'}
      </span>
    </div>
  );
}

/** Progress as the latest event says, else as the list said; never ahead of what the core reported. */
export function progressOf(
  doc: DocumentSummary,
  live: JobProgress | undefined,
): { fraction: number; done: number; pages: number } {
  const pages = live?.pages || doc.job?.pages || doc.pages || 0;
  const fraction = live && (isActive(live) || live.state === 'done') ? live.fraction : (doc.job?.progress ?? 0);
  return { fraction, pages, done: Math.round(fraction * pages) };
}

export function ReadingCell({ doc }: { doc: DocumentSummary }) {
  const live = useDocuments((s) => s.live[doc.id]);
  if (doc.status === 'queued' || doc.status === 'reading') {
    const { fraction, pages, done } = progressOf(doc, live);
    const finishing = live && !isActive(live);
    const label = finishing
      ? 'Finishing…'
      : doc.status === 'queued' && (!live || live.state === 'queued')
        ? 'Waiting to be read'
        : pages
          ? `Reading page ${Math.min(pages, done + 1)} of ${pages}`
          : 'Reading…';
    return (
      <div className="doc-reading" data-testid="reading-state">
        <span className="small">{label}</span>
        <ProgressBar fraction={finishing ? 1 : fraction} label={`Reading ${doc.name}`} />
      </div>
    );
  }
  if (doc.status === 'ready') {
    return (
      <div className="doc-reading" data-testid="reading-state">
        {doc.partialPages.length ? (
          <span
            className="text-warn"
            data-testid="partial-flag"
            title={doc.partialPages.map((p) => `Page ${p.page}: ${p.reason}`).join('\n')}
          >
            <strong>Read in part:</strong> {doc.partialPages.map((p) => `page ${p.page} — ${p.reason}`).join('; ')}. Ask
            for the file again.
          </span>
        ) : (
          <span className="read-ok">Read</span>
        )}
        {doc.error && (
          <span className="text-warn small" role="note">
            {doc.error}
          </span>
        )}
      </div>
    );
  }
  if (doc.status === 'failed') {
    return (
      <div className="doc-reading" data-testid="reading-state">
        <span className="text-danger">
          <strong>Could not read:</strong> {doc.error ?? 'reading failed.'}
        </span>
      </div>
    );
  }
  return (
    <div className="doc-reading muted" data-testid="reading-state">
      Cancelled
    </div>
  );
}

export function ProgressBar({ fraction, label }: { fraction: number; label: string }) {
  const pct = Math.round(Math.max(0, Math.min(1, fraction)) * 100);
  return (
    <div
      className="progress"
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={pct}
    >
      <div className="progress-fill" style={{ width: `${pct}%` }} />
    </div>
  );
}

function RowActions({ doc, onOpen }: { doc: DocumentSummary; onOpen(): void }) {
  const reading = doc.status === 'queued' || doc.status === 'reading';
  return (
    <div className="doc-actions">
      {reading && (
        <button
          type="button"
          className="btn btn-small"
          onClick={() => void useDocuments.getState().cancel(doc)}
          aria-label={`Cancel reading ${doc.name}`}
        >
          Cancel
        </button>
      )}
      {(doc.status === 'failed' || doc.status === 'cancelled') && (
        <button
          type="button"
          className="btn btn-small"
          onClick={() => void useDocuments.getState().retry(doc)}
          aria-label={`Read ${doc.name} again`}
        >
          Retry
        </button>
      )}
      <button type="button" className="btn btn-small btn-quiet" onClick={onOpen} tabIndex={-1}>
        Open
      </button>
      <RetireActions doc={doc} />
    </div>
  );
}
