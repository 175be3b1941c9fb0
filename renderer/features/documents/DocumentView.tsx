import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { DocumentDetail, DocumentField, DocumentSummary } from '../../../shared/contract/documents.js';
import type { FieldName } from '../../../shared/domain/document.js';
import { call, errorMessage } from '../../ipc/index.js';
import { isTypingTarget, modalOpen } from '../../lib/keys.js';
import { toast } from '../../state/toasts.js';
import { KindCell, ProgressBar, progressOf } from './DocumentList.js';
import { FieldList } from './FieldList.js';
import { DOC_FIELD_LABEL } from './fields.js';
import { evidenceOf, PageView, type PageSource } from './PageView.js';
import { openPdf } from './pdf.js';
import { useDocuments } from './state.js';
import { pageText } from './text.js';

function bytesOf(base64: string): Uint8Array<ArrayBuffer> {
  const bin = atob(base64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

const ZOOMS = [0.5, 0.75, 1, 1.25, 1.5, 2, 3];

/** One document: its pages with the fields' boxes, the field list beside them, corrections in place. */
export function DocumentView({ doc, onBack }: { doc: DocumentSummary; onBack(): void }) {
  const [source, setSource] = useState<PageSource | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [detail, setDetail] = useState<DocumentDetail | null>(null);
  const [fields, setFields] = useState<DocumentField[] | null>(null);
  const [dataError, setDataError] = useState<string | null>(null);
  const [page, setPage] = useState(1);
  const [selected, setSelected] = useState<FieldName | null>(null);
  const [hovered, setHovered] = useState<FieldName | null>(null);
  const [flash, setFlash] = useState(0);
  const [showText, setShowText] = useState(false);
  const [showBoxes, setShowBoxes] = useState(true);
  const [zoom, setZoom] = useState(1);
  const backButton = useRef<HTMLButtonElement>(null);
  const live = useDocuments((s) => s.live[doc.id]);
  const fieldsStamp = useDocuments((s) => s.fieldsStamp);

  useEffect(() => backButton.current?.focus(), []);

  // the original file, once per document
  useEffect(() => {
    let alive = true;
    let release = () => {};
    setSource(null);
    setFileError(null);
    (async () => {
      const file = await call('documents.file', { id: doc.id });
      const bytes = bytesOf(file.dataBase64);
      if (file.mime === 'application/pdf') {
        const pdf = await openPdf(bytes);
        if (!alive) return void pdf.destroy();
        release = () => void pdf.destroy();
        setSource({ type: 'pdf', pdf });
      } else if (file.mime === 'image/tiff') {
        setSource({ type: 'words' });
      } else {
        const url = URL.createObjectURL(new Blob([bytes], { type: file.mime }));
        release = () => URL.revokeObjectURL(url);
        if (alive) setSource({ type: 'image', url });
        else release();
      }
    })().catch((err: unknown) => {
      if (alive) setFileError(errorMessage(err));
    });
    return () => {
      alive = false;
      release();
    };
  }, [doc.id]);

  // words and fields: again whenever the core reports the document changed (read, kind, re-read);
  // fields also when a correction was saved, here or in another window
  useEffect(() => {
    let alive = true;
    call('documents.get', { id: doc.id }).then(
      (d) => {
        if (alive) {
          setDetail(d);
          setDataError(null);
        }
      },
      (err: unknown) => {
        if (alive) setDataError(errorMessage(err));
      },
    );
    return () => {
      alive = false;
    };
  }, [doc.id, doc.status, doc.updatedAt]);
  useEffect(() => {
    let alive = true;
    call('documents.fields', { id: doc.id }).then(
      (f) => {
        if (alive) setFields(f);
      },
      (err: unknown) => {
        if (alive) setDataError(errorMessage(err));
      },
    );
    return () => {
      alive = false;
    };
  }, [doc.id, doc.status, doc.updatedAt, fieldsStamp]);

  const pageCount = doc.pages ?? detail?.pageTexts.length ?? (source?.type === 'pdf' ? source.pdf.numPages : 1);
  const goPage = useCallback((n: number) => setPage(Math.max(1, Math.min(pageCount, n))), [pageCount]);

  const jump = useCallback(
    (name: FieldName) => {
      const f = fields?.find((x) => x.field === name);
      setSelected(name);
      if (!f) return;
      const ev = evidenceOf(f);
      if (ev.page) {
        setPage(ev.page);
        setFlash((n) => n + 1);
      } else {
        toast.info(`${DOC_FIELD_LABEL[name]} is not tied to one place on the page.`);
      }
    },
    [fields],
  );

  const correct = useCallback(
    async (name: FieldName, value: unknown) => {
      const updated = await call('documents.correctField', { id: doc.id, field: name, value });
      setFields((prev) => {
        const list = prev ?? [];
        return list.some((f) => f.field === name)
          ? list.map((f) => (f.field === name ? updated : f))
          : [...list, updated];
      });
      toast.success(`${DOC_FIELD_LABEL[name]} corrected.`);
    },
    [doc.id],
  );

  const reveal = useCallback((name: FieldName) => call('documents.revealField', { id: doc.id, field: name }), [doc.id]);

  // Escape goes back to the list before the case page sees it (it would leave the case);
  // PageUp/PageDown turn pages. Captured on window so it works wherever the focus is.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || modalOpen() || e.ctrlKey || e.metaKey || e.altKey) return;
      const target = e.target instanceof HTMLElement ? e.target : null;
      if (isTypingTarget(target) || target?.closest('.field-editor')) return;
      if (e.key === 'Escape') {
        e.preventDefault();
        e.stopPropagation();
        onBack();
      } else if (e.key === 'PageDown' || e.key === 'PageUp') {
        e.preventDefault();
        goPage(page + (e.key === 'PageDown' ? 1 : -1));
      }
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [onBack, goPage, page]);

  const text = detail?.pageTexts.find((p) => p.page === page);
  const reading = doc.status === 'queued' || doc.status === 'reading';
  const words = useMemo(() => (text ? pageText(text.words) : ''), [text]);
  const zoomIndex = ZOOMS.indexOf(zoom);

  return (
    <div className="doc-view" data-testid="document-view" data-doc-id={doc.id}>
      <div className="doc-view-bar">
        <button
          ref={backButton}
          type="button"
          className="btn btn-ghost"
          onClick={onBack}
          title="Back to the documents (Esc)"
        >
          ← Documents
        </button>
        <h2 className="doc-view-title" title={doc.name}>
          {doc.name}
        </h2>
        <KindCell doc={doc} />
        <div className="doc-view-spacer" />
        <div className="pager" role="group" aria-label="Pages">
          <button
            type="button"
            className="btn btn-small"
            disabled={page <= 1}
            onClick={() => goPage(page - 1)}
            aria-label="Previous page"
            title="Previous page (PageUp)"
          >
            ‹
          </button>
          <span className="pager-label" data-testid="pager">
            Page {page} of {pageCount}
          </span>
          <button
            type="button"
            className="btn btn-small"
            disabled={page >= pageCount}
            onClick={() => goPage(page + 1)}
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
            onClick={() => setZoom(ZOOMS[Math.max(0, zoomIndex - 1)]!)}
            aria-label="Zoom out"
          >
            −
          </button>
          <button type="button" className="btn btn-small" onClick={() => setZoom(1)} title="Fit the page to the width">
            {Math.round(zoom * 100)}%
          </button>
          <button
            type="button"
            className="btn btn-small"
            disabled={zoomIndex >= ZOOMS.length - 1}
            onClick={() => setZoom(ZOOMS[Math.min(ZOOMS.length - 1, zoomIndex + 1)]!)}
            aria-label="Zoom in"
          >
            +
          </button>
        </div>
        <button
          type="button"
          className={`btn btn-small toggle${showBoxes ? ' on' : ''}`}
          aria-pressed={showBoxes}
          onClick={() => setShowBoxes(!showBoxes)}
        >
          Boxes
        </button>
        <button
          type="button"
          className={`btn btn-small toggle${showText ? ' on' : ''}`}
          aria-pressed={showText}
          onClick={() => setShowText(!showText)}
          disabled={!text}
        >
          Text
        </button>
      </div>

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

      <div className="doc-view-body">
        <div className="doc-view-page">
          {fileError ? (
            <p className="callout callout-danger" role="alert">
              The file could not be shown: {fileError}
            </p>
          ) : source ? (
            <PageView
              source={source}
              docName={doc.name}
              pageNo={page}
              text={text}
              fields={fields ?? []}
              selected={selected}
              hovered={hovered}
              flash={flash}
              showBoxes={showBoxes}
              zoom={zoom}
              onPick={jump}
            />
          ) : (
            <p className="muted" aria-busy="true">
              Opening the file…
            </p>
          )}
        </div>
        <aside className="doc-view-side">
          {showText && text && (
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
          )}
          {fields ? (
            <FieldList
              fields={fields}
              selected={selected}
              read={doc.status === 'ready'}
              onJump={jump}
              onHover={setHovered}
              onCorrect={correct}
              onReveal={reveal}
            />
          ) : (
            !dataError && (
              <p className="muted" aria-busy="true">
                Loading fields…
              </p>
            )
          )}
        </aside>
      </div>
    </div>
  );
}
