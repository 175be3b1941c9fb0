import { useEffect, useRef, useState } from 'react';
import type { DocumentDetail, DocumentField } from '../../../shared/contract/documents.js';
import type { CompareSource } from '../../../shared/domain/comparison.js';
import { call, errorMessage } from '../../ipc/index.js';
import { PageView, type PageSource } from '../documents/PageView.js';
import { openPdf, type PDFDocumentProxy } from '../documents/pdf.js';
import { defaultEvidenceSource, SOURCE_LABEL, type ReviewRow } from './rows.js';

type DocSource = Exclude<CompareSource, 'case'>;

export interface Loaded {
  detail: DocumentDetail;
  source: PageSource;
  release(): void;
}

function bytesOf(b64: string): Uint8Array {
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/** The page source for a document: pdf.js for PDFs, the image itself, or (TIFF) the words PortDesk read. */
export async function loadDocument(id: number): Promise<Loaded> {
  const [detail, file] = await Promise.all([call('documents.get', { id }), call('documents.file', { id })]);
  if (detail.mime === 'application/pdf') {
    const pdf: PDFDocumentProxy = await openPdf(bytesOf(file.dataBase64));
    return { detail, source: { type: 'pdf', pdf }, release: () => void pdf.destroy() };
  }
  if (detail.mime === 'image/png' || detail.mime === 'image/jpeg') {
    const url = URL.createObjectURL(new Blob([bytesOf(file.dataBase64) as BlobPart], { type: detail.mime }));
    return { detail, source: { type: 'image', url }, release: () => URL.revokeObjectURL(url) };
  }
  return { detail, source: { type: 'words' }, release: () => undefined };
}

/**
 * The page a row's value was read from, with its box highlighted. One document at a time; the
 * buttons switch between the LOA, invoice and CSR evidence of the selected row.
 */
export function EvidenceView({
  row,
  documents,
}: {
  row: ReviewRow | null;
  documents: Record<DocSource, number | null>;
}) {
  const cache = useRef(new Map<number, Promise<Loaded>>());
  const [pick, setPick] = useState<{ row: string; source: DocSource } | null>(null);
  const [loaded, setLoaded] = useState<{ id: number; doc: Loaded } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [flash, setFlash] = useState(0);
  // the aside is narrow: start zoomed in, the selected box is scrolled into view
  const [zoom, setZoom] = useState(1.5);

  useEffect(() => {
    const c = cache.current;
    return () => {
      for (const p of c.values())
        void p.then(
          (d) => d.release(),
          () => undefined,
        );
      c.clear();
    };
  }, []);

  const available = (['loa', 'invoice', 'csr'] as const).filter((s) => documents[s] !== null && row?.evidence[s]?.page);
  const fallback = row ? (defaultEvidenceSource(row, available) as DocSource | null) : null;
  const source = pick && pick.row === row?.key && available.includes(pick.source) ? pick.source : fallback;
  const docId = source ? documents[source] : null;
  const ev = source && row ? row.evidence[source] : undefined;

  // a new row flashes its box
  useEffect(() => setFlash((f) => f + 1), [row?.key]);

  useEffect(() => {
    if (docId === null) return;
    let live = true;
    setError(null);
    let p = cache.current.get(docId);
    if (!p) {
      p = loadDocument(docId);
      cache.current.set(docId, p);
      p.catch(() => cache.current.delete(docId));
    }
    p.then(
      (doc) => {
        if (live) setLoaded({ id: docId, doc });
      },
      (err: unknown) => {
        if (live) setError(errorMessage(err));
      },
    );
    return () => {
      live = false;
    };
  }, [docId]);

  if (!row) return <p className="muted evidence-hint">Select a row to see where its values were read.</p>;
  if (!source || !ev?.page) {
    return (
      <p className="muted evidence-hint" data-testid="evidence-none">
        {row.label}: no document shows this value on a page
        {row.values.case !== undefined ? ' (the case value was typed in)' : ''}.
      </p>
    );
  }
  const doc = loaded && loaded.id === docId ? loaded.doc : null;
  const box: DocumentField = {
    field: row.docField,
    value: null,
    confidence: 1,
    page: ev.page,
    bbox: ev.bbox,
    source: 'extracted',
    actor: '',
    at: '',
    extracted: null,
  };
  return (
    <div className="evidence" data-testid="evidence">
      <div className="evidence-head">
        <div className="segmented" role="group" aria-label="Document to show">
          {available.map((s) => (
            <button
              key={s}
              type="button"
              className={`btn btn-small${s === source ? ' active' : ''}`}
              aria-pressed={s === source}
              onClick={() => {
                setPick({ row: row.key, source: s });
                setFlash((f) => f + 1);
              }}
            >
              {SOURCE_LABEL[s]} p.{row.evidence[s]?.page}
            </button>
          ))}
        </div>
        {doc && (
          <span className="muted small evidence-name" title={doc.detail.name}>
            {doc.detail.name}
          </span>
        )}
        <span className="zoom" role="group" aria-label="Zoom">
          <button
            type="button"
            className="btn btn-small btn-icon"
            aria-label="Zoom out"
            disabled={zoom <= 1}
            onClick={() => setZoom((z) => Math.max(1, z - 0.5))}
          >
            −
          </button>
          <span className="small muted">{Math.round(zoom * 100)}%</span>
          <button
            type="button"
            className="btn btn-small btn-icon"
            aria-label="Zoom in"
            disabled={zoom >= 3}
            onClick={() => setZoom((z) => Math.min(3, z + 0.5))}
          >
            +
          </button>
        </span>
      </div>
      {error && (
        <p className="callout callout-danger" role="alert">
          This document could not be shown: {error}
        </p>
      )}
      {!doc && !error && (
        <p className="muted" aria-busy="true">
          Opening the {SOURCE_LABEL[source]}…
        </p>
      )}
      {doc && (
        <div className="evidence-page" data-testid={`evidence-${source}`} data-page={ev.page}>
          <PageView
            source={doc.source}
            docName={doc.detail.name}
            pageNo={ev.page}
            text={doc.detail.pageTexts.find((t) => t.page === ev.page)}
            fields={ev.bbox ? [box] : []}
            selected={row.docField}
            hovered={null}
            flash={flash}
            showBoxes
            zoom={zoom}
            onPick={() => undefined}
          />
        </div>
      )}
    </div>
  );
}
