import { useCallback, useEffect, useRef, useState } from 'react';
import type { DocumentDetail, DocumentField } from '../../../shared/contract/documents.js';
import type { CompareSource } from '../../../shared/domain/comparison.js';
import { call, errorMessage } from '../../ipc/index.js';
import { useQuery } from '../../lib/query.js';
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
 * Opened documents, kept while the view lives (switching rows or sources does not reopen them) and
 * released when it goes. A failed open is forgotten so the next look tries again.
 */
function useDocumentCache() {
  const cache = useRef(new Map<number, Promise<Loaded>>());
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
  return useCallback((id: number): Promise<Loaded> => {
    let p = cache.current.get(id);
    if (!p) {
      p = loadDocument(id);
      cache.current.set(id, p);
      p.catch(() => cache.current.delete(id));
    }
    return p;
  }, []);
}

/** The document `docId` opened (null while it opens), or why it could not be. */
function useOpenedDocument(docId: number | null) {
  const open = useDocumentCache();
  const [error, setError] = useState<string | null>(null);
  const { data: loaded } = useQuery(
    async () => {
      setError(null);
      return docId === null ? null : { id: docId, doc: await open(docId) };
    },
    [docId],
    {
      enabled: docId !== null,
      onError: (err) => {
        setError(errorMessage(err));
        return undefined;
      },
    },
  );
  return { doc: loaded && loaded.id === docId ? loaded.doc : null, error };
}

function ZoomControl({ zoom, setZoom }: { zoom: number; setZoom(update: (z: number) => number): void }) {
  return (
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
  );
}

/** One button per document that shows the row's value, the one on screen pressed. */
function SourcePicker({
  row,
  available,
  source,
  onPick,
}: {
  row: ReviewRow;
  available: readonly DocSource[];
  source: DocSource;
  onPick(s: DocSource): void;
}) {
  return (
    <div className="segmented" role="group" aria-label="Document to show">
      {available.map((s) => (
        <button
          key={s}
          type="button"
          className={`btn btn-small${s === source ? ' active' : ''}`}
          aria-pressed={s === source}
          onClick={() => onPick(s)}
        >
          {SOURCE_LABEL[s]} p.{row.evidence[s]?.page}
        </button>
      ))}
    </div>
  );
}

/** The page with the row's box drawn on it (and flashed each time `flash` changes). */
function EvidencePage({
  row,
  source,
  evidence,
  doc,
  flash,
  zoom,
}: {
  row: ReviewRow;
  source: DocSource;
  evidence: { page: number; bbox: DocumentField['bbox'] };
  doc: Loaded;
  flash: number;
  zoom: number;
}) {
  const box: DocumentField = {
    field: row.docField,
    value: null,
    confidence: 1,
    page: evidence.page,
    bbox: evidence.bbox,
    source: 'extracted',
    actor: '',
    at: '',
    extracted: null,
  };
  return (
    <div className="evidence-page" data-testid={`evidence-${source}`} data-page={evidence.page}>
      <PageView
        source={doc.source}
        docName={doc.detail.name}
        pageNo={evidence.page}
        text={doc.detail.pageTexts.find((t) => t.page === evidence.page)}
        fields={evidence.bbox ? [box] : []}
        selected={row.docField}
        hovered={null}
        flash={flash}
        showBoxes
        zoom={zoom}
        onPick={() => undefined}
      />
    </div>
  );
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
  const [pick, setPick] = useState<{ row: string; source: DocSource } | null>(null);
  const [flash, setFlash] = useState(0);
  // the aside is narrow: start zoomed in, the selected box is scrolled into view
  const [zoom, setZoom] = useState(1.5);

  const available = (['loa', 'invoice', 'csr'] as const).filter((s) => documents[s] !== null && row?.evidence[s]?.page);
  const fallback = row ? (defaultEvidenceSource(row, available) as DocSource | null) : null;
  const source = pick && pick.row === row?.key && available.includes(pick.source) ? pick.source : fallback;
  const docId = source ? documents[source] : null;
  const ev = source && row ? row.evidence[source] : undefined;
  const { doc, error } = useOpenedDocument(docId);

  // a new row flashes its box
  useEffect(() => setFlash((f) => f + 1), [row?.key]);

  if (!row) return <p className="muted evidence-hint">Select a row to see where its values were read.</p>;
  if (!source || !ev?.page) {
    return (
      <p className="muted evidence-hint" data-testid="evidence-none">
        {row.label}: no document shows this value on a page
        {row.values.case !== undefined ? ' (the case value was typed in)' : ''}.
      </p>
    );
  }
  return (
    <div className="evidence" data-testid="evidence">
      <div className="evidence-head">
        <SourcePicker
          row={row}
          available={available}
          source={source}
          onPick={(s) => {
            setPick({ row: row.key, source: s });
            setFlash((f) => f + 1);
          }}
        />
        {doc && (
          <span className="muted small evidence-name" title={doc.detail.name}>
            {doc.detail.name}
          </span>
        )}
        <ZoomControl zoom={zoom} setZoom={setZoom} />
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
        <EvidencePage
          row={row}
          source={source}
          evidence={{ page: ev.page, bbox: ev.bbox }}
          doc={doc}
          flash={flash}
          zoom={zoom}
        />
      )}
    </div>
  );
}
