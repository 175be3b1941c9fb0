import { useEffect, useState } from 'react';
import type { DocumentDetail, DocumentField, DocumentSummary } from '../../../shared/contract/documents.js';
import { call, errorMessage } from '../../ipc/index.js';
import { isTypingTarget, modalOpen } from '../../lib/keys.js';
import type { PageSource } from './PageView.js';
import { openPdf } from './pdf.js';
import { useDocuments } from './state.js';

function bytesOf(base64: string): Uint8Array<ArrayBuffer> {
  const bin = atob(base64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/** The original file, once per document: a PDF to render, an image URL, or only the words (TIFF). */
export function useDocumentSource(docId: number): { source: PageSource | null; fileError: string | null } {
  const [source, setSource] = useState<PageSource | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  useEffect(() => {
    let alive = true;
    let release = () => {};
    setSource(null);
    setFileError(null);
    (async () => {
      const file = await call('documents.file', { id: docId });
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
  }, [docId]);
  return { source, fileError };
}

/**
 * Words and fields: again whenever the core reports the document changed (read, kind, re-read);
 * fields also when a correction was saved, here or in another window.
 */
export function useDocumentData(doc: DocumentSummary) {
  const [detail, setDetail] = useState<DocumentDetail | null>(null);
  const [fields, setFields] = useState<DocumentField[] | null>(null);
  const [dataError, setDataError] = useState<string | null>(null);
  const fieldsStamp = useDocuments((s) => s.fieldsStamp);
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
  return { detail, fields, setFields, dataError };
}

/**
 * Escape goes back to the list before the case page sees it (it would leave the case);
 * PageUp/PageDown turn pages. Captured on window so it works wherever the focus is.
 */
export function useDocumentKeys(onBack: () => void, goPage: (n: number) => void, page: number): void {
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
}
