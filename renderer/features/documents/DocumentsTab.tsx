import { useEffect, useRef, useState, type DragEvent } from 'react';
import type { CaseTabProps } from '../case/tabs.js';
import { CsrRequestPanel } from '../csr/CsrRequestPanel.js';
import { AttachButton, Attachments } from './Attach.js';
import { DocumentList } from './DocumentList.js';
import { DocumentView } from './DocumentView.js';
import { RemovedBar } from './RetireActions.js';
import { startDocumentEvents, useDocuments } from './state.js';

export function filesOf(e: { dataTransfer: DataTransfer | null }): File[] {
  return e.dataTransfer ? [...e.dataTransfer.files] : [];
}

export function hasFiles(e: { dataTransfer: DataTransfer | null }): boolean {
  return !!e.dataTransfer && [...e.dataTransfer.types].includes('Files');
}

/** The Documents tab: attach files, follow their reading, open one to check what was read. */
export function DocumentsTab({ caseRecord }: CaseTabProps) {
  const caseId = caseRecord.id;
  const docs = useDocuments((s) => (s.caseId === caseId ? s.docs : null));
  const loadError = useDocuments((s) => (s.caseId === caseId ? s.loadError : null));
  const openId = useDocuments((s) => s.openDoc[caseId] ?? null);
  const [dragging, setDragging] = useState(false);
  const [focusId, setFocusId] = useState<number | null>(null);
  const depth = useRef(0);

  useEffect(() => {
    startDocumentEvents();
    useDocuments.getState().show(caseId);
    return () => useDocuments.getState().hide(caseId);
  }, [caseId]);

  const open = docs?.find((d) => d.id === openId) ?? null;
  const attach = (files: File[]) => {
    if (files.length === 0) return;
    // back to the list, where the new documents' progress shows
    if (open) useDocuments.getState().open(caseId, null);
    void useDocuments.getState().attach(caseId, files);
  };

  const onDragEnter = (e: DragEvent) => {
    if (!hasFiles(e)) return;
    e.preventDefault();
    depth.current++;
    setDragging(true);
  };
  const onDragLeave = (e: DragEvent) => {
    if (!hasFiles(e)) return;
    depth.current = Math.max(0, depth.current - 1);
    if (depth.current === 0) setDragging(false);
  };
  const onDragOver = (e: DragEvent) => {
    if (!hasFiles(e)) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'copy';
  };
  const onDrop = (e: DragEvent) => {
    if (!hasFiles(e)) return;
    e.preventDefault(); // the page-wide drop handler sees this and leaves the files to us
    depth.current = 0;
    setDragging(false);
    attach(filesOf(e));
  };

  return (
    <div
      className={`docs-tab${dragging ? ' dragging' : ''}`}
      data-testid="documents-tab"
      onDragEnter={onDragEnter}
      onDragLeave={onDragLeave}
      onDragOver={onDragOver}
      onDrop={onDrop}
    >
      {dragging && (
        <div className="drop-hint" aria-hidden="true">
          Drop to attach to this case
        </div>
      )}
      {open ? (
        <DocumentView
          doc={open}
          onBack={() => {
            setFocusId(open.id);
            useDocuments.getState().open(caseId, null);
          }}
        />
      ) : (
        <>
          {loadError && (
            <div className="callout callout-danger docs-error" role="alert">
              Could not load the documents: {loadError}{' '}
              <button type="button" className="btn btn-small" onClick={() => void useDocuments.getState().reload()}>
                Try again
              </button>
            </div>
          )}
          {docs && docs.length > 0 && (
            <div className="docs-toolbar">
              <AttachButton onFiles={attach} />
              <span className="muted small">
                or drop files anywhere on this case · PDF, PNG, JPEG, TIFF · several at once
              </span>
            </div>
          )}
          <Attachments caseId={caseId} />
          <CsrRequestPanel caseRecord={caseRecord} />
          <RemovedBar caseId={caseId} />
          {docs === null && !loadError && (
            <p className="muted" aria-busy="true">
              Loading documents…
            </p>
          )}
          {docs && docs.length === 0 && <EmptyDocuments onFiles={attach} />}
          {docs && docs.length > 0 && (
            <DocumentList docs={docs} focusId={focusId} onOpen={(id) => useDocuments.getState().open(caseId, id)} />
          )}
        </>
      )}
    </div>
  );
}

/** First visit: what to attach and why. */
function EmptyDocuments({ onFiles }: { onFiles(files: File[]): void }) {
  return (
    <div className="docs-empty" data-testid="documents-empty">
      <h2>No documents on this case yet</h2>
      <p className="lead">
        Attach the three documents a port is checked against. PortDesk reads each one (scans and phone photos too),
        finds the fields, and shows where on the page it found them.
      </p>
      <ul className="docs-empty-list">
        <li>
          <strong>CSR</strong> — the losing carrier&apos;s Customer Service Record. <em>The source of truth:</em> names
          and the service address must match it letter for letter.
        </li>
        <li>
          <strong>Recent invoice</strong> from the losing carrier — account number, every number on the account, and the
          billing address (which is often <em>not</em> the service address).
        </li>
        <li>
          <strong>LOA</strong> — the Letter of Authorization the customer signed: what the carrier checks the order
          against (authorized person, numbers to port, signature date).
        </li>
      </ul>
      <div className="docs-drop-target">
        <AttachButton onFiles={onFiles} primary />
        <span className="muted">or drop PDF, PNG, JPEG or TIFF files here — several at once is fine.</span>
      </div>
    </div>
  );
}
