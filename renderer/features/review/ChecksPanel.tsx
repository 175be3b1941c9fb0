import { type RefObject, useEffect, useRef, useState } from 'react';
import { CONFIRMABLE_FIELDS, type CaseReview, type ConfirmableField } from '../../../shared/contract/review.js';
import type { DocumentField } from '../../../shared/contract/documents.js';
import {
  documentFieldOf,
  type CheckCandidate,
  type CompareSource,
  type ReviewCheck,
} from '../../../shared/domain/comparison.js';
import type { FieldName } from '../../../shared/domain/document.js';
import { errorMessage } from '../../ipc/index.js';
import { hasModifier, isTypingTarget, modalOpen } from '../../lib/keys.js';
import { PageView } from '../documents/PageView.js';
import { loadDocument, type Loaded } from './EvidenceView.js';
import { SOURCE_LABEL } from './rows.js';

type DocSource = Exclude<CompareSource, 'case'>;
const DOC_ORDER: DocSource[] = ['loa', 'csr', 'invoice'];

/** What the specialist says about a check: which reading of the reference document is right. */
export interface Confirmation {
  field: ConfirmableField;
  source: DocSource;
  value: string;
}

const confirmable = (f: string): f is ConfirmableField => (CONFIRMABLE_FIELDS as readonly string[]).includes(f);

/** The document that decides a check: the carrier's record when there is one, else the checked document. */
function deciding(check: ReviewCheck): DocSource | null {
  if (check.reference && check.reference !== 'case') return check.reference;
  return DOC_ORDER.find((s) => check.candidates[s]?.length) ?? null;
}

/** The other reading the deciding document may really show (the LOA's, usually). */
function otherReading(check: ReviewCheck, decide: DocSource): { source: CompareSource; value: string } | null {
  for (const s of ['loa', 'case', 'invoice', 'csr'] as const) {
    if (s === decide) continue;
    const v = check.candidates[s]?.[0]?.value;
    if (v && v !== check.candidates[decide]?.[0]?.value) return { source: s, value: v };
  }
  return null;
}

/**
 * Centre the scrolling `frame` on the box its page draws, each time a document is opened into it (the
 * page view scrolls only the first box of a window).
 */
function useCentreOnBox(frame: RefObject<HTMLDivElement | null>, opened: Loaded | null) {
  useEffect(() => {
    if (!opened) return;
    let tries = 0;
    let raf = 0;
    const centre = () => {
      const el = frame.current;
      const boxEl = el?.querySelector<HTMLElement>('[data-box]');
      if (el && boxEl) {
        const a = el.getBoundingClientRect();
        const b = boxEl.getBoundingClientRect();
        el.scrollTop += b.top - a.top - (el.clientHeight - b.height) / 2;
        el.scrollLeft += b.left - a.left - 16;
      } else if (tries++ < 60) raf = requestAnimationFrame(centre);
    };
    raf = requestAnimationFrame(centre);
    // the page canvas may settle its size after the first frame: centre once more
    const again = setTimeout(() => {
      tries = 0;
      centre();
    }, 400);
    return () => {
      cancelAnimationFrame(raf);
      clearTimeout(again);
    };
  }, [frame, opened]);
}

/** A crop of the page around the candidate's box: the page view scrolled to it, in a small window. */
function Crop({
  docId,
  source,
  cand,
  field,
}: {
  docId: number;
  source: DocSource;
  cand: CheckCandidate;
  field: FieldName;
}) {
  const [doc, setDoc] = useState<Loaded | null>(null);
  const [error, setError] = useState<string | null>(null);
  const frame = useRef<HTMLDivElement | null>(null);
  useCentreOnBox(frame, doc);
  useEffect(() => {
    let live = true;
    let loaded: Loaded | null = null;
    loadDocument(docId).then(
      (d) => {
        loaded = d;
        if (live) setDoc(d);
        else d.release();
      },
      (err: unknown) => {
        if (live) setError(errorMessage(err));
      },
    );
    return () => {
      live = false;
      loaded?.release();
    };
  }, [docId]);
  if (!cand.page) return <p className="muted small">No place on the page.</p>;
  if (error)
    return (
      <p className="callout callout-danger small">
        Cannot show the {SOURCE_LABEL[source]}: {error}
      </p>
    );
  if (!doc)
    return (
      <p className="muted small" aria-busy="true">
        Opening the {SOURCE_LABEL[source]}…
      </p>
    );
  const box: DocumentField = {
    field,
    value: null,
    confidence: cand.confidence,
    page: cand.page,
    bbox: cand.bbox,
    source: 'extracted',
    actor: '',
    at: '',
    extracted: null,
  };
  return (
    <div className="check-crop" data-testid={`check-crop-${source}`} ref={frame}>
      <PageView
        source={doc.source}
        docName={doc.detail.name}
        pageNo={cand.page}
        text={doc.detail.pageTexts.find((t) => t.page === cand.page)}
        fields={cand.bbox ? [box] : []}
        selected={field}
        hovered={null}
        flash={1}
        showBoxes
        zoom={1.5}
        onPick={() => undefined}
      />
    </div>
  );
}

/** What each document read for the check, beside a crop of its page; the case's typed value after them. */
function CheckReadings({ check, documents }: { check: ReviewCheck; documents: CaseReview['documents_used'] }) {
  const crops = DOC_ORDER.filter((s) => check.candidates[s]?.length && documents[s] !== null);
  return (
    <div className="check-crops">
      {crops.map((s) => {
        const best = check.candidates[s]![0]!;
        return (
          <figure key={s} className="check-side">
            <figcaption>
              <strong>{SOURCE_LABEL[s]}</strong> reads{' '}
              <span className="mono" data-testid={`check-value-${s}`}>
                {best.value}
              </span>
              <span className="muted small"> ({Math.round(best.confidence * 100)}%)</span>
              {best.doubt && (
                <span className="check-doubt small text-warn" data-testid={`check-doubt-${s}`}>
                  {' '}
                  — {best.doubt}
                </span>
              )}
            </figcaption>
            <Crop docId={documents[s]!} source={s} cand={best} field={documentFieldOf(check.field)} />
          </figure>
        );
      })}
      {check.candidates.case?.length ? (
        <p className="check-side">
          Case: <span className="mono">{check.candidates.case[0]!.value}</span>
        </p>
      ) : null}
    </div>
  );
}

/** "Type what it says": a button that opens a field prefilled with the reading, confirmed on Enter. */
function TypeWhatItSays({
  decide,
  asRead,
  active,
  busy,
  onConfirmValue,
}: {
  decide: DocSource;
  asRead: string | undefined;
  active: boolean;
  busy: boolean;
  onConfirmValue(value: string): void;
}) {
  const [typing, setTyping] = useState(false);
  const [typed, setTyped] = useState('');
  if (!typing)
    return (
      <button
        type="button"
        className="btn btn-small btn-quiet"
        disabled={busy}
        data-testid="confirm-type"
        onClick={() => {
          setTyped(asRead ?? '');
          setTyping(true);
        }}
      >
        {active && <kbd>e</kbd>} Type what it says
      </button>
    );
  return (
    <form
      className="check-type"
      onSubmit={(e) => {
        e.preventDefault();
        if (typed.trim()) onConfirmValue(typed.trim());
      }}
    >
      <input
        autoFocus
        aria-label={`What the ${SOURCE_LABEL[decide]} says`}
        value={typed}
        onChange={(e) => setTyped(e.target.value)}
        data-testid="confirm-typed"
      />
      <button type="submit" className="btn btn-small btn-primary" disabled={busy || !typed.trim()}>
        Confirm
      </button>
    </form>
  );
}

/** The answers for a check the deciding document can settle: as read (1), the other reading (2), typed (e). */
function ConfirmActions({
  check,
  decide,
  active,
  busy,
  onConfirm,
}: {
  check: ReviewCheck;
  decide: DocSource;
  active: boolean;
  busy: boolean;
  onConfirm(c: Confirmation): void;
}) {
  const field = check.field as ConfirmableField;
  const asRead = check.candidates[decide]?.[0]?.value;
  const other = otherReading(check, decide);
  const confirmValue = (value: string) => onConfirm({ field, source: decide, value });
  return (
    <div className="check-actions">
      {asRead && (
        <button
          type="button"
          className="btn btn-small"
          disabled={busy}
          data-testid="confirm-as-read"
          onClick={() => confirmValue(asRead)}
        >
          {active && <kbd>1</kbd>} The {SOURCE_LABEL[decide]} says “{asRead}”
        </button>
      )}
      {other && (
        <button
          type="button"
          className="btn btn-small"
          disabled={busy}
          data-testid="confirm-other"
          onClick={() => confirmValue(other.value)}
        >
          {active && <kbd>2</kbd>} The {SOURCE_LABEL[decide]} says “{other.value}” (like the{' '}
          {SOURCE_LABEL[other.source]})
        </button>
      )}
      <TypeWhatItSays decide={decide} asRead={asRead} active={active} busy={busy} onConfirmValue={confirmValue} />
    </div>
  );
}

function CheckCard({
  check,
  active,
  documents,
  busy,
  onConfirm,
  onActivate,
}: {
  check: ReviewCheck;
  active: boolean;
  documents: CaseReview['documents_used'];
  busy: boolean;
  onConfirm(c: Confirmation): void;
  onActivate(): void;
}) {
  const decide = deciding(check);
  const canConfirm = confirmable(check.field) && decide !== null && documents[decide] !== null;
  return (
    <li
      className={`check-card${active ? ' active' : ''}`}
      data-testid="check"
      data-field={check.field}
      data-code={check.code}
      aria-current={active ? 'true' : undefined}
      onClick={onActivate}
    >
      <div className="check-head">
        <strong>{check.label}</strong> <span className="verdict verdict-check">Check</span>
        <span className="muted small">
          {' '}
          would be <code>{check.code}</code>
        </span>
      </div>
      <p className="check-why" data-testid="check-why">
        Could not be confirmed — look at both. {check.why}
      </p>
      <CheckReadings check={check} documents={documents} />
      {canConfirm && decide && (
        <ConfirmActions check={check} decide={decide} active={active} busy={busy} onConfirm={onConfirm} />
      )}
      {!canConfirm && (
        <p className="muted small">Look at the document and correct the reading on the Documents tab if needed.</p>
      )}
    </li>
  );
}

/**
 * The review's doubts, first: each check with both page crops side by side and the readings; one
 * key says which reading is right (1: as read, 2: the other document's value, e: type it).
 */
export function ChecksPanel({
  review,
  busy,
  onConfirm,
}: {
  review: CaseReview;
  busy: boolean;
  onConfirm(c: Confirmation): void;
}) {
  const checks = review.checks;
  // the keys answer the active check: the first one, or the one the specialist clicked
  const [activeField, setActiveField] = useState<string | null>(null);
  const activeIndex = Math.max(
    0,
    checks.findIndex((c) => c.field === activeField),
  );
  const first = useRef<ReviewCheck | null>(null);
  first.current = checks[activeIndex] ?? null;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const check = first.current;
      if (!check || busy || e.defaultPrevented || modalOpen() || hasModifier(e) || isTypingTarget(e.target)) return;
      const decide = deciding(check);
      if (!decide || !confirmable(check.field)) return;
      if (e.key === '1') {
        const v = check.candidates[decide]?.[0]?.value;
        if (v) {
          e.preventDefault();
          onConfirm({ field: check.field, source: decide, value: v });
        }
      } else if (e.key === '2') {
        const o = otherReading(check, decide);
        if (o) {
          e.preventDefault();
          onConfirm({ field: check.field, source: decide, value: o.value });
        }
      } else if (e.key === 'e') {
        e.preventDefault();
        document.querySelector<HTMLButtonElement>('.check-card.active [data-testid="confirm-type"]')?.click();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [busy, onConfirm]);
  if (!checks.length) return null;
  return (
    <section className="checks-panel" aria-label="Could not be confirmed" data-testid="checks">
      <h3 className="section-title">
        Could not be confirmed <span className="count">{checks.length}</span>
        <span className="muted small"> — not counted as rejections until you say which reading is right</span>
      </h3>
      <ol className="check-list">
        {checks.map((c, i) => (
          <CheckCard
            key={`${c.field}-${c.code}`}
            check={c}
            active={i === activeIndex}
            documents={review.documents_used}
            busy={busy}
            onConfirm={onConfirm}
            onActivate={() => setActiveField(c.field)}
          />
        ))}
      </ol>
    </section>
  );
}

/** Banners about the documents as a whole (an LOA that belongs to another customer…), said once above everything. */
export function ReviewBanners({ review }: { review: CaseReview }) {
  if (!review.banners.length) return null;
  return (
    <>
      {review.banners.map((b, i) => (
        <p
          key={i}
          className={`callout ${b.kind === 'wrong_document' ? 'callout-danger' : 'callout-warn'}`}
          role={b.kind === 'wrong_document' ? 'alert' : undefined}
          data-testid="review-banner"
          data-kind={b.kind}
        >
          {b.message}
        </p>
      ))}
    </>
  );
}
