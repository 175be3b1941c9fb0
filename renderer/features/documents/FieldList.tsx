import { useEffect, useRef, useState, type KeyboardEvent, type RefObject } from 'react';
import type { DocumentField } from '../../../shared/contract/documents.js';
import { readingBasis, type FieldName, type ServiceAddress } from '../../../shared/domain/document.js';
import { errorMessage } from '../../ipc/index.js';
import { dateTimeLabel } from '../../lib/format.js';
import { toast } from '../../state/toasts.js';
import {
  DOC_FIELD_LABEL,
  draftOf,
  EDITOR,
  FIELD_ORDER,
  isFieldName,
  LOW_CONFIDENCE,
  maskedText,
  parseDraft,
  percent,
  SECRET_FIELDS,
  valueText,
} from './fields.js';
import { evidenceOf } from './PageView.js';

interface FieldListProps {
  fields: DocumentField[];
  selected: FieldName | null;
  /** the document has been read: missing fields are really missing, not just not yet read */
  read: boolean;
  onJump(field: FieldName): void;
  onHover(field: FieldName | null): void;
  onCorrect(field: FieldName, value: unknown): Promise<void>;
  /** asks the host for a masked secret (the PIN) as in force and as read */
  onReveal(field: FieldName): Promise<{ value: unknown; extractedValue: unknown }>;
}

/** What was read, with its evidence and who set it; every value can be corrected in place. */
export function FieldList({ fields, selected, read, onJump, onHover, onCorrect, onReveal }: FieldListProps) {
  const [editing, setEditing] = useState<FieldName | null>(null);
  const byName = new Map(fields.flatMap((f) => (isFieldName(f.field) ? [[f.field, f] as const] : [])));
  const present = FIELD_ORDER.filter((n) => byName.has(n));
  const missing = FIELD_ORDER.filter((n) => !byName.has(n));
  const low = present.filter((n) => {
    const f = byName.get(n)!;
    return f.source === 'extracted' && f.confidence < LOW_CONFIDENCE;
  }).length;

  useEffect(() => {
    if (selected) document.querySelector(`[data-field-row="${selected}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [selected]);

  return (
    <section className="doc-fields" aria-label="Fields read from the document" data-testid="field-list">
      <div className="doc-fields-head">
        <h3>Fields</h3>
        <span className="muted small">click one to find it on the page</span>
        {low > 0 && (
          <span className="low-count" title={`Confidence under ${percent(LOW_CONFIDENCE)}`}>
            {low} to check
          </span>
        )}
      </div>
      {present.length === 0 && (
        <p className="muted">
          {read
            ? 'No fields were found on this document. Check its kind, or enter the values below.'
            : 'Fields appear here when reading finishes.'}
        </p>
      )}
      <ul className="field-items" onMouseLeave={() => onHover(null)}>
        {present.map((name) => (
          <FieldRow
            key={name}
            name={name}
            field={byName.get(name)!}
            selected={selected === name}
            editing={editing === name}
            onJump={() => onJump(name)}
            onHover={() => onHover(name)}
            onEdit={() => setEditing(name)}
            onDone={() => setEditing(null)}
            onCorrect={(v) => onCorrect(name, v)}
            onReveal={() => onReveal(name)}
          />
        ))}
        {editing && !byName.has(editing) && (
          <li className="field-item editing" data-field-row={editing} data-testid={`field-${editing}`}>
            <div className="field-name">{DOC_FIELD_LABEL[editing]}</div>
            <FieldEditor
              name={editing}
              initial={undefined}
              onCancel={() => setEditing(null)}
              onSave={async (v) => {
                await onCorrect(editing, v);
                setEditing(null);
              }}
            />
          </li>
        )}
      </ul>
      {read && missing.length > 0 && (
        <details className="fields-missing">
          <summary>Not found on this document ({missing.length})</summary>
          <p className="muted small">Enter a value the reader missed; it is kept as entered by you.</p>
          <div className="missing-buttons">
            {missing.map((n) => (
              <button
                key={n}
                type="button"
                className="btn btn-small"
                onClick={() => setEditing(n)}
                disabled={editing === n}
              >
                + {DOC_FIELD_LABEL[n]}
              </button>
            ))}
          </div>
        </details>
      )}
    </section>
  );
}

function FieldRow({
  name,
  field,
  selected,
  editing,
  onJump,
  onHover,
  onEdit,
  onDone,
  onCorrect,
  onReveal,
}: {
  name: FieldName;
  field: DocumentField;
  selected: boolean;
  editing: boolean;
  onJump(): void;
  onHover(): void;
  onEdit(): void;
  onDone(): void;
  onCorrect(v: unknown): Promise<void>;
  onReveal(): Promise<{ value: unknown; extractedValue: unknown }>;
}) {
  const ev = evidenceOf(field);
  const entered = field.source === 'entered';
  const low = !entered && field.confidence < LOW_CONFIDENCE;
  const { secret, shown, revealed, revealing, toggleReveal } = useSecretReveal(name, field.at, onReveal);
  return (
    <li
      className={`field-item${selected ? ' selected' : ''}${low ? ' low' : ''}${entered ? ' entered' : ''}`}
      data-field-row={name}
      data-source={field.source}
      data-testid={`field-${name}`}
      onMouseEnter={onHover}
    >
      <FieldHeader name={name} field={field} />
      {editing ? (
        <FieldEditor
          name={name}
          initial={field.value}
          onCancel={onDone}
          onSave={async (v) => {
            await onCorrect(v);
            onDone();
          }}
        />
      ) : (
        <div className="field-value-row">
          <button
            type="button"
            className="field-value"
            data-testid="field-value"
            onClick={onJump}
            title={ev.page ? `Show on page ${ev.page}` : 'Not tied to a place on the page'}
          >
            {shown(field.value, 'value')}
          </button>
          {secret && (
            <button
              type="button"
              className="btn btn-small btn-quiet"
              data-testid="field-reveal"
              disabled={revealing}
              onClick={() => void toggleReveal()}
              title={revealed ? 'Mask the PIN again' : 'Show the PIN read from this document'}
            >
              {revealed ? 'Hide' : 'Reveal'}
            </button>
          )}
          <button
            type="button"
            className="btn btn-small btn-quiet"
            onClick={onEdit}
            aria-label={`Correct ${DOC_FIELD_LABEL[name]}`}
          >
            Edit
          </button>
        </div>
      )}
      <FieldProvenance field={field} page={ev.page} shown={shown} />
    </li>
  );
}

/** Inline editor shaped by the field: text, date, number(s), address parts or signed/not signed. */
function FieldEditor({
  name,
  initial,
  onSave,
  onCancel,
}: {
  name: FieldName;
  initial: unknown;
  onSave(v: unknown): Promise<void>;
  onCancel(): void;
}) {
  const [draft, setDraft] = useState<string | ServiceAddress>(() => draftOf(name, initial));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const first = useRef<HTMLInputElement & HTMLTextAreaElement & HTMLSelectElement>(null);
  const kind = EDITOR[name];

  useEffect(() => {
    first.current?.focus();
    if (first.current && 'select' in first.current && kind !== 'yesno') first.current.select();
  }, [kind]);

  const save = async () => {
    const parsed = parseDraft(name, draft);
    if (!parsed.ok) {
      setError(parsed.error);
      return;
    }
    setBusy(true);
    try {
      await onSave(parsed.value);
    } catch (err) {
      setError(errorMessage(err));
      setBusy(false);
    }
  };

  const keys = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.preventDefault(); // the first Escape leaves the edit, not the document
      e.stopPropagation();
      onCancel();
    } else if (e.key === 'Enter' && (kind !== 'phones' || e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      void save();
    }
  };

  const input = <EditorInput name={name} kind={kind} draft={draft} setDraft={setDraft} first={first} />;

  return (
    <div className="field-editor" onKeyDown={keys}>
      {input}
      {error && (
        <p className="text-danger small" role="alert">
          {error}
        </p>
      )}
      <div className="field-editor-actions">
        <button type="button" className="btn btn-small btn-primary" disabled={busy} onClick={() => void save()}>
          {busy ? 'Saving…' : 'Save correction'}
        </button>
        <button type="button" className="btn btn-small" disabled={busy} onClick={onCancel}>
          Cancel
        </button>
        {kind === 'phones' && <span className="muted small">Ctrl+Enter saves</span>}
      </div>
    </div>
  );
}

type Revealed = { value: unknown; extractedValue: unknown };

/** A PIN read from a document arrives masked, like the case's PIN: its value is fetched only when asked. */
function useSecretReveal(name: FieldName, at: string, onReveal: () => Promise<Revealed>) {
  const secret = SECRET_FIELDS.has(name);
  const [revealed, setRevealed] = useState<Revealed | null>(null);
  const [revealing, setRevealing] = useState(false);
  useEffect(() => setRevealed(null), [at]);
  const shown = (v: unknown, which: 'value' | 'extractedValue') => {
    if (!secret) return valueText(name, v);
    return revealed ? valueText(name, revealed[which]) : maskedText(v);
  };
  const toggleReveal = async () => {
    if (revealed) {
      setRevealed(null);
      return;
    }
    setRevealing(true);
    try {
      setRevealed(await onReveal());
    } catch (err) {
      toast.error(`Could not show the PIN: ${errorMessage(err)}`);
    } finally {
      setRevealing(false);
    }
  };
  return { secret, shown, revealed, revealing, toggleReveal };
}

function FieldProvenance({
  field,
  page,
  shown,
}: {
  field: DocumentField;
  /** where the reader found the value, if on one page */
  page: number | null;
  shown(v: unknown, which: 'value' | 'extractedValue'): string;
}) {
  const entered = field.source === 'entered';
  const why = field.extracted?.why;
  const basis = why && isFieldName(field.field) ? readingBasis(field.field, DOC_FIELD_LABEL[field.field], why) : null;
  return (
    <div className="field-prov small" data-testid="field-provenance">
      {entered ? (
        <>
          <span className="prov-entered">
            Entered by {field.actor} · {dateTimeLabel(field.at)}
          </span>
          {field.extracted && (
            <span className="muted">
              {' '}
              · read {field.extracted.page ? `from page ${field.extracted.page}` : ''} as “
              {shown(field.extracted.value, 'extractedValue')}”; your value is kept when the document is read again
            </span>
          )}
        </>
      ) : (
        <>
          <span className="muted">{page ? `Read from page ${page}` : 'Read from the document'}</span>
          {basis && (
            <span className={basis.guess ? 'text-warn' : 'muted'} data-testid="field-basis" data-guess={basis.guess}>
              {' '}
              {basis.text}
              {basis.guess && ' — check it against the page'}
            </span>
          )}
        </>
      )}
    </div>
  );
}

/** The control that fits the field's kind; `first` gets the focus when the editor opens. */
function EditorInput({
  name,
  kind,
  draft,
  setDraft,
  first,
}: {
  name: FieldName;
  kind: (typeof EDITOR)[FieldName];
  draft: string | ServiceAddress;
  setDraft(d: string | ServiceAddress): void;
  first: RefObject<(HTMLInputElement & HTMLTextAreaElement & HTMLSelectElement) | null>;
}) {
  const label = DOC_FIELD_LABEL[name];
  if (kind === 'address' && typeof draft !== 'string') {
    const part = (k: keyof ServiceAddress, text: string, cls = '') => (
      <label className={`addr-part ${cls}`}>
        <span className="small muted">{text}</span>
        <input
          ref={k === 'street_line' ? first : undefined}
          value={draft[k]}
          onChange={(e) => setDraft({ ...draft, [k]: e.target.value })}
          aria-label={`${label}: ${text}`}
        />
      </label>
    );
    return (
      <div className="addr-editor">
        {part('street_line', 'Street', 'wide')}
        {part('unit', 'Unit')}
        {part('city', 'City', 'wide')}
        {part('state', 'State', 'narrow')}
        {part('zip5', 'ZIP', 'narrow')}
        {part('zip4', '+4', 'narrow')}
      </div>
    );
  } else if (kind === 'phones') {
    return (
      <textarea
        ref={first}
        rows={4}
        value={draft as string}
        onChange={(e) => setDraft(e.target.value)}
        aria-label={label}
        placeholder="One number a line"
      />
    );
  } else if (kind === 'yesno') {
    return (
      <select ref={first} value={draft as string} onChange={(e) => setDraft(e.target.value)} aria-label={label}>
        <option value="yes">Signed</option>
        <option value="no">Not signed</option>
      </select>
    );
  } else {
    return (
      <input
        ref={first}
        type={kind === 'date' ? 'date' : SECRET_FIELDS.has(name) ? 'password' : 'text'}
        autoComplete={SECRET_FIELDS.has(name) ? 'new-password' : undefined}
        value={draft as string}
        onChange={(e) => setDraft(e.target.value)}
        aria-label={label}
      />
    );
  }
}

/** The field's name and how sure the reader is of what it read. */
function FieldHeader({ name, field }: { name: FieldName; field: DocumentField }) {
  const entered = field.source === 'entered';
  const low = !entered && field.confidence < LOW_CONFIDENCE;
  return (
    <div className="field-top">
      <span className="field-name">{DOC_FIELD_LABEL[name]}</span>
      {low && (
        <span
          className="low-badge"
          title={`The reader is ${percent(field.confidence)} sure: check it against the page`}
        >
          check
        </span>
      )}
      {!entered && (
        <span className={`conf${low ? ' text-warn' : ''}`} title="How sure the reader is">
          {percent(field.confidence)}
        </span>
      )}
    </div>
  );
}
