import type { RefObject } from 'react';
import type { DocumentSummary } from '../../../shared/contract/documents.js';
import type { PageText } from '../../../shared/domain/document.js';
import { toast } from '../../state/toasts.js';
import { KindCell, ProgressBar, progressOf } from './DocumentList.js';
import { useDocuments } from './state.js';

export const ZOOMS = [0.5, 0.75, 1, 1.25, 1.5, 2, 3];

interface BarProps {
  doc: DocumentSummary;
  backButton: RefObject<HTMLButtonElement | null>;
  onBack(): void;
  page: number;
  pageCount: number;
  goPage(n: number): void;
  zoom: number;
  setZoom(z: number): void;
  showBoxes: boolean;
  setShowBoxes(on: boolean): void;
  showText: boolean;
  setShowText(on: boolean): void;
  hasText: boolean;
}

/** Back, the document's name and kind, pages, zoom, and the Boxes / Text toggles. */
export function DocumentViewBar(p: BarProps) {
  const zoomIndex = ZOOMS.indexOf(p.zoom);
  return (
    <div className="doc-view-bar">
      <button
        ref={p.backButton}
        type="button"
        className="btn btn-ghost"
        onClick={p.onBack}
        title="Back to the documents (Esc)"
      >
        ← Documents
      </button>
      <h2 className="doc-view-title" title={p.doc.name}>
        {p.doc.name}
      </h2>
      <KindCell doc={p.doc} />
      <div className="doc-view-spacer" />
      <div className="pager" role="group" aria-label="Pages">
        <button
          type="button"
          className="btn btn-small"
          disabled={p.page <= 1}
          onClick={() => p.goPage(p.page - 1)}
          aria-label="Previous page"
          title="Previous page (PageUp)"
        >
          ‹
        </button>
        <span className="pager-label" data-testid="pager">
          Page {p.page} of {p.pageCount}
        </span>
        <button
          type="button"
          className="btn btn-small"
          disabled={p.page >= p.pageCount}
          onClick={() => p.goPage(p.page + 1)}
          aria-label="Next page"
          title="Next page (PageDown)"
        >
          ›
        </button>
      </div>
      <div className="pager" role="group" aria-label="Zoom">
        <button
          type="button"
          className="btn btn-small"
          disabled={zoomIndex <= 0}
          onClick={() => p.setZoom(ZOOMS[Math.max(0, zoomIndex - 1)]!)}
          aria-label="Zoom out"
        >
          −
        </button>
        <button type="button" className="btn btn-small" onClick={() => p.setZoom(1)} title="Fit the page to the width">
          {Math.round(p.zoom * 100)}%
        </button>
        <button
          type="button"
          className="btn btn-small"
          disabled={zoomIndex >= ZOOMS.length - 1}
          onClick={() => p.setZoom(ZOOMS[Math.min(ZOOMS.length - 1, zoomIndex + 1)]!)}
          aria-label="Zoom in"
        >
          +
        </button>
      </div>
      <button
        type="button"
        className={`btn btn-small toggle${p.showBoxes ? ' on' : ''}`}
        aria-pressed={p.showBoxes}
        onClick={() => p.setShowBoxes(!p.showBoxes)}
      >
        Boxes
      </button>
      <button
        type="button"
        className={`btn btn-small toggle${p.showText ? ' on' : ''}`}
        aria-pressed={p.showText}
        onClick={() => p.setShowText(!p.showText)}
        disabled={!p.hasText}
      >
        Text
      </button>
    </div>
  );
}

/** Why the view shows less than a whole reading: still reading, read in part, failed, cancelled, superseded. */
export function DocumentNotices({
  doc,
  page,
  text,
  dataError,
}: {
  doc: DocumentSummary;
  page: number;
  text: PageText | undefined;
  dataError: string | null;
}) {
  const live = useDocuments((s) => s.live[doc.id]);
  const reading = doc.status === 'queued' || doc.status === 'reading';
  return (
    <>
      {doc.supersededBy !== null && (
        <p className="callout callout-warn" role="note" data-testid="superseded-view-note">
          A newer copy replaced this document: it is kept for the record and no longer used in the review.
        </p>
      )}
      {reading && (
        <div className="callout callout-warn doc-view-reading" role="status">
          Still reading this document
          {doc.pages ? ` (${progressOf(doc, live).done} of ${progressOf(doc, live).pages} pages done)` : ''}: the fields
          and the selectable text appear when it finishes.
          <ProgressBar fraction={progressOf(doc, live).fraction} label={`Reading ${doc.name}`} />
        </div>
      )}
      {text?.partial && (
        <p className="callout callout-warn" role="note" data-testid="page-partial">
          <strong>Page {page} was read only in part:</strong> {text.partial}. Fields below the cut may be missing; ask
          for the file again.
        </p>
      )}
      {doc.status === 'failed' && (
        <p className="callout callout-danger" role="alert">
          <strong>Could not read:</strong> {doc.error}
        </p>
      )}
      {doc.status === 'cancelled' && (
        <p className="callout callout-warn">Reading was cancelled. Retry it from the list to see its fields.</p>
      )}
      {dataError && (
        <p className="callout callout-danger" role="alert">
          Could not load what was read: {dataError}
        </p>
      )}
    </>
  );
}

/** The page's words as text, to read or copy. */
export function PageTextPanel({ page, text, words }: { page: number; text: PageText; words: string }) {
  return (
    <section className="doc-text-panel" aria-label={`Text of page ${page}`}>
      <div className="doc-fields-head">
        <h3>Text of page {page}</h3>
        <span className="muted small">{text.method === 'ocr' ? 'read by OCR' : 'from the PDF'}</span>
        <button
          type="button"
          className="btn btn-small"
          onClick={() => {
            navigator.clipboard.writeText(words).then(
              () => toast.success('Page text copied.'),
              () => toast.error('The clipboard refused the text; select it and press Ctrl+C.'),
            );
          }}
        >
          Copy
        </button>
      </div>
      <pre className="doc-text" data-testid="page-text" tabIndex={0}>
        {words || '(no text on this page)'}
      </pre>
    </section>
  );
}
