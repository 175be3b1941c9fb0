import { type ComponentProps, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { DocumentSummary } from '../../../shared/contract/documents.js';
import type { FieldName } from '../../../shared/domain/document.js';
import { call } from '../../ipc/index.js';
import { toast } from '../../state/toasts.js';
import { DocumentNotices, DocumentViewBar, PageTextPanel } from './DocumentViewParts.js';
import { FieldList } from './FieldList.js';
import { DOC_FIELD_LABEL } from './fields.js';
import { evidenceOf, PageView } from './PageView.js';
import { pageText } from './text.js';
import { useDocumentData, useDocumentKeys, useDocumentSource } from './useDocumentView.js';

/** One document: its pages with the fields' boxes, the field list beside them, corrections in place. */
export function DocumentView({ doc, onBack }: { doc: DocumentSummary; onBack(): void }) {
  const { source, fileError } = useDocumentSource(doc.id);
  const { detail, fields, setFields, dataError } = useDocumentData(doc);
  const [page, setPage] = useState(1);
  const [showText, setShowText] = useState(false);
  const [showBoxes, setShowBoxes] = useState(true);
  const [zoom, setZoom] = useState(1);
  const backButton = useRef<HTMLButtonElement>(null);

  useEffect(() => backButton.current?.focus(), []);

  const pageCount = doc.pages ?? detail?.pageTexts.length ?? (source?.type === 'pdf' ? source.pdf.numPages : 1);
  const goPage = useCallback((n: number) => setPage(Math.max(1, Math.min(pageCount, n))), [pageCount]);

  const { selected, flash, jump, correct, reveal } = useFieldActions(doc.id, fields, setFields, setPage);
  const [hovered, setHovered] = useState<FieldName | null>(null);

  useDocumentKeys(onBack, goPage, page);

  const text = detail?.pageTexts.find((p) => p.page === page);
  const words = useMemo(() => (text ? pageText(text.words) : ''), [text]);

  return (
    <div className="doc-view" data-testid="document-view" data-doc-id={doc.id}>
      <DocumentViewBar
        doc={doc}
        backButton={backButton}
        onBack={onBack}
        page={page}
        pageCount={pageCount}
        goPage={goPage}
        zoom={zoom}
        setZoom={setZoom}
        showBoxes={showBoxes}
        setShowBoxes={setShowBoxes}
        showText={showText}
        setShowText={setShowText}
        hasText={!!text}
      />
      <DocumentNotices doc={doc} page={page} text={text} dataError={dataError} />
      <div className="doc-view-body">
        <div className="doc-view-page">
          <DocumentPage
            source={source}
            fileError={fileError}
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
        </div>
        <aside className="doc-view-side">
          {showText && text && <PageTextPanel page={page} text={text} words={words} />}
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

type DocumentFields = ReturnType<typeof useDocumentData>['fields'];
type SetDocumentFields = ReturnType<typeof useDocumentData>['setFields'];

/** Selecting a field (jumps to its page and flashes its box), correcting and revealing it. */
function useFieldActions(
  docId: number,
  fields: DocumentFields,
  setFields: SetDocumentFields,
  setPage: (page: number) => void,
) {
  const [selected, setSelected] = useState<FieldName | null>(null);
  const [flash, setFlash] = useState(0);
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
    [fields, setPage],
  );

  const correct = useCallback(
    async (name: FieldName, value: unknown) => {
      const updated = await call('documents.correctField', { id: docId, field: name, value });
      setFields((prev) => {
        const list = prev ?? [];
        return list.some((f) => f.field === name)
          ? list.map((f) => (f.field === name ? updated : f))
          : [...list, updated];
      });
      toast.success(`${DOC_FIELD_LABEL[name]} corrected.`);
    },
    [docId, setFields],
  );

  const reveal = useCallback((name: FieldName) => call('documents.revealField', { id: docId, field: name }), [docId]);
  return { selected, flash, jump, correct, reveal };
}

/** The page with the fields' boxes, or why it cannot be shown yet. */
function DocumentPage({
  source,
  fileError,
  ...view
}: Omit<ComponentProps<typeof PageView>, 'source'> & {
  source: ComponentProps<typeof PageView>['source'] | null;
  fileError: string | null;
}) {
  if (fileError)
    return (
      <p className="callout callout-danger" role="alert">
        The file could not be shown: {fileError}
      </p>
    );
  if (source) return <PageView source={source} {...view} />;
  return (
    <p className="muted" aria-busy="true">
      Opening the file…
    </p>
  );
}
