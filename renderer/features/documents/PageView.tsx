import { useEffect, useLayoutEffect, useMemo, useRef, useState, type ClipboardEvent, type MouseEvent } from 'react';
import type { DocumentField } from '../../../shared/contract/documents.js';
import type { BBox, FieldName, PageText } from '../../../shared/domain/document.js';
import { DOC_FIELD_LABEL, isFieldName, LOW_CONFIDENCE } from './fields.js';
import { RENDER_FORMS, type PDFDocumentProxy } from './pdf.js';
import { lines } from './text.js';

/** Where the page's pixels come from: pdf.js, the image itself, or (TIFF, which browsers cannot show) the words alone. */
export type PageSource = { type: 'pdf'; pdf: PDFDocumentProxy } | { type: 'image'; url: string } | { type: 'words' };

/** Evidence of a field: its own when machine-read, the machine's beside a correction. */
export function evidenceOf(f: DocumentField): { page: number | null; bbox: BBox | null; confidence: number } {
  if (f.page !== null && f.bbox) return { page: f.page, bbox: f.bbox, confidence: f.confidence };
  if (f.extracted) return { page: f.extracted.page, bbox: f.extracted.bbox, confidence: f.extracted.confidence };
  return { page: f.page, bbox: f.bbox, confidence: f.confidence };
}

interface PageViewProps {
  source: PageSource;
  docName: string;
  pageNo: number;
  /** the page's words and size in PDF points (top-left origin), once read */
  text: PageText | undefined;
  fields: DocumentField[];
  selected: FieldName | null;
  /** the field under the pointer in the list: its box shows its name */
  hovered: FieldName | null;
  /** bumps on every jump to a field: restarts the flash */
  flash: number;
  showBoxes: boolean;
  zoom: number;
  onPick(field: FieldName): void;
}

/**
 * One page at the width of its column (times the zoom), with the fields' boxes and a transparent,
 * selectable word layer on top. Everything is positioned in PDF points times one scale factor.
 */
export function PageView({
  source,
  docName,
  pageNo,
  text,
  fields,
  selected,
  hovered,
  flash,
  showBoxes,
  zoom,
  onPick,
}: PageViewProps) {
  const scroller = useRef<HTMLDivElement>(null);
  const [avail, setAvail] = useState(0);
  const [natural, setNatural] = useState<{ w: number; h: number } | null>(null);
  const [renderError, setRenderError] = useState<string | null>(null);

  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const measure = () => {
      const w = Math.floor(el.clientWidth - 24);
      // small jitters (a scrollbar appearing) must not re-render the page
      setAvail((prev) => (Math.abs(prev - w) > 8 ? w : prev));
    };
    measure();
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  // the page's size in points: from the read words, else from pdf.js or the image itself
  useEffect(() => {
    setNatural(null);
    setRenderError(null);
    if (source.type !== 'pdf') return;
    let live = true;
    source.pdf.getPage(pageNo).then(
      (p) => {
        const v = p.getViewport({ scale: 1 });
        if (live) setNatural({ w: v.width, h: v.height });
      },
      (err: unknown) => {
        if (live) setRenderError(String((err as Error)?.message ?? err));
      },
    );
    return () => {
      live = false;
    };
  }, [source, pageNo]);

  const size = text ? { w: text.width, h: text.height } : natural;
  const cssWidth = Math.max(240, Math.round(avail * zoom));
  const scale = size ? cssWidth / size.w : 0;
  const cssHeight = size ? Math.round(size.h * scale) : 0;

  // a click on the page (not a text selection) picks the smallest field box under the pointer
  const onSheetClick = (e: MouseEvent<HTMLDivElement>) => {
    if (!showBoxes || scale === 0 || !window.getSelection()?.isCollapsed) return;
    const r = e.currentTarget.getBoundingClientRect();
    const x = (e.clientX - r.left) / scale,
      y = (e.clientY - r.top) / scale;
    const hit = boxesOn(fields, pageNo)
      .filter(({ bbox }) => x >= bbox[0] - 2 && x <= bbox[2] + 2 && y >= bbox[1] - 2 && y <= bbox[3] + 2)
      .sort((a, b) => area(a.bbox) - area(b.bbox))[0];
    if (hit) onPick(hit.name);
  };

  return (
    <div className="page-scroll" ref={scroller} data-testid="page-scroll">
      {renderError && (
        <p className="callout callout-danger" role="alert">
          This page could not be shown: {renderError}
        </p>
      )}
      <div
        className={`page-sheet${source.type === 'words' ? ' words-only' : ''}`}
        data-testid="page-sheet"
        data-page={pageNo}
        onClick={onSheetClick}
        style={size ? { width: cssWidth, height: cssHeight } : { width: cssWidth, minHeight: 300 }}
      >
        {source.type === 'pdf' && avail > 0 && (
          <PdfCanvas pdf={source.pdf} pageNo={pageNo} cssWidth={cssWidth} onError={setRenderError} />
        )}
        {source.type === 'image' && (
          <img
            src={source.url}
            alt={`Page ${pageNo} of ${docName}`}
            draggable={false}
            className="page-image"
            {...(size ? { width: cssWidth, height: cssHeight } : { width: cssWidth })}
            onLoad={(e) => {
              if (!text) setNatural({ w: e.currentTarget.naturalWidth, h: e.currentTarget.naturalHeight });
            }}
          />
        )}
        {source.type === 'words' && !text && (
          <p className="muted words-wait">
            This TIFF is shown as the text PortDesk read from it; the text appears when reading finishes.
          </p>
        )}
        {text && scale > 0 && <WordLayer text={text} scale={scale} visible={source.type === 'words'} />}
        {showBoxes && scale > 0 && (
          <FieldBoxes
            fields={fields}
            pageNo={pageNo}
            scale={scale}
            selected={selected}
            hovered={hovered}
            flash={flash}
          />
        )}
      </div>
    </div>
  );
}

/** Renders into a fresh canvas each time and swaps it in: no half-drawn page, no canvas shared by two renders. */
function PdfCanvas({
  pdf,
  pageNo,
  cssWidth,
  onError,
}: {
  pdf: PDFDocumentProxy;
  pageNo: number;
  cssWidth: number;
  onError(msg: string): void;
}) {
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => {
    let cancelled = false;
    let cancel: (() => void) | null = null;
    (async () => {
      const page = await pdf.getPage(pageNo);
      if (cancelled) return;
      const base = page.getViewport({ scale: 1 });
      const css = cssWidth / base.width;
      const dpr = Math.min(3, window.devicePixelRatio || 1);
      const viewport = page.getViewport({ scale: css * dpr });
      const canvas = document.createElement('canvas');
      canvas.width = Math.floor(viewport.width);
      canvas.height = Math.floor(viewport.height);
      canvas.style.width = `${Math.round(base.width * css)}px`;
      canvas.style.height = `${Math.round(base.height * css)}px`;
      canvas.className = 'page-canvas';
      canvas.setAttribute('role', 'img');
      canvas.setAttribute('aria-label', `Page ${pageNo}`);
      const task = page.render({ canvas, viewport, annotationMode: RENDER_FORMS });
      cancel = () => task.cancel();
      await task.promise;
      if (!cancelled) host.current?.replaceChildren(canvas);
    })().catch((err: unknown) => {
      if (cancelled || (err as { name?: string })?.name === 'RenderingCancelledException') return;
      onError(String((err as Error)?.message ?? err));
    });
    return () => {
      cancelled = true;
      cancel?.();
    };
  }, [pdf, pageNo, cssWidth, onError]);
  return <div className="page-canvas-host" ref={host} data-testid="pdf-canvas" />;
}

/**
 * The read words as transparent text over the page, so a person can select and copy what the
 * machine read. Each span is stretched to its word's box; copying rebuilds lines with spaces.
 */
function WordLayer({ text, scale, visible }: { text: PageText; scale: number; visible: boolean }) {
  const layer = useRef<HTMLDivElement>(null);
  const grouped = useMemo(() => lines(text.words), [text]);

  useLayoutEffect(() => {
    const el = layer.current;
    if (!el) return;
    // reset, measure, then stretch: one layout for the whole page instead of one per word
    const spans = [...el.querySelectorAll<HTMLSpanElement>('span[data-w]')];
    for (const span of spans) span.style.transform = '';
    const widths = spans.map((span) => span.getBoundingClientRect().width);
    spans.forEach((span, i) => {
      const want = Number(span.dataset.w),
        have = widths[i] ?? 0;
      if (have > 0 && want > 0) span.style.transform = `scaleX(${want / have})`;
    });
  }, [grouped, scale]);

  const onCopy = (e: ClipboardEvent) => {
    const sel = window.getSelection();
    if (!sel || sel.isCollapsed || !layer.current) return;
    const out: string[] = [];
    let line = -1;
    for (const span of layer.current.querySelectorAll<HTMLSpanElement>('span[data-w]')) {
      if (!sel.containsNode(span, true)) continue;
      const l = Number(span.dataset.line);
      out.push(out.length === 0 ? '' : l !== line ? '\n' : ' ', span.textContent ?? '');
      line = l;
    }
    if (out.length === 0) return;
    e.preventDefault();
    e.clipboardData.setData('text/plain', out.join(''));
  };

  return (
    <div className={`word-layer${visible ? ' visible' : ''}`} ref={layer} onCopy={onCopy} data-testid="word-layer">
      {grouped.map((ws, li) =>
        ws.map((w, wi) => {
          const [x0, y0, x1, y1] = w.bbox;
          const h = Math.max(1, (y1 - y0) * scale);
          return (
            <span
              key={`${li}-${wi}`}
              data-line={li}
              data-w={Math.max(1, (x1 - x0) * scale)}
              style={{ left: x0 * scale, top: y0 * scale, fontSize: h * 0.9, lineHeight: `${h}px` }}
            >
              {w.text}
            </span>
          );
        }),
      )}
    </div>
  );
}

const area = (b: BBox) => (b[2] - b[0]) * (b[3] - b[1]);

function boxesOn(fields: DocumentField[], pageNo: number) {
  return fields.flatMap((f) => {
    const ev = evidenceOf(f);
    return ev.page === pageNo && ev.bbox && isFieldName(f.field)
      ? [{ f, name: f.field, bbox: ev.bbox, conf: ev.confidence }]
      : [];
  });
}

/**
 * Boxes around the evidence. Names show only for the selected or hovered field: a name on every
 * box would cover the very text a person is checking. Large boxes (a list of numbers) go first,
 * so the small ones inside stay visible.
 */
function FieldBoxes({
  fields,
  pageNo,
  scale,
  selected,
  hovered,
  flash,
}: {
  fields: DocumentField[];
  pageNo: number;
  scale: number;
  selected: FieldName | null;
  hovered: FieldName | null;
  flash: number;
}) {
  const boxes = boxesOn(fields, pageNo).sort((a, b) => area(b.bbox) - area(a.bbox));

  useEffect(() => {
    if (!selected || flash === 0) return;
    document
      .querySelector(`[data-box="${selected}"]`)
      ?.scrollIntoView({ block: 'center', inline: 'nearest', behavior: 'smooth' });
  }, [selected, flash, pageNo]);

  const pad = 3;
  return (
    <div className="field-boxes">
      {boxes.map(({ f, name, bbox, conf }) => {
        const low = f.source === 'extracted' && conf < LOW_CONFIDENCE;
        const isSel = selected === name;
        const cls = [
          'field-box',
          low && 'low',
          f.source === 'entered' && 'entered',
          isSel && 'selected',
          isSel && flash && 'flash',
          hovered === name && 'hovered',
          bbox[3] - bbox[1] > 40 && 'region',
        ]
          .filter(Boolean)
          .join(' ');
        return (
          <div
            key={isSel ? `${name}-${flash}` : name}
            className={cls}
            data-box={name}
            data-testid={`box-${name}`}
            style={{
              left: bbox[0] * scale - pad,
              top: bbox[1] * scale - pad,
              width: (bbox[2] - bbox[0]) * scale + 2 * pad,
              height: (bbox[3] - bbox[1]) * scale + 2 * pad,
            }}
          >
            <span className="field-box-tag">
              {DOC_FIELD_LABEL[name]}
              {f.source === 'entered' ? ' (corrected)' : low ? ' — check' : ''}
            </span>
          </div>
        );
      })}
    </div>
  );
}
