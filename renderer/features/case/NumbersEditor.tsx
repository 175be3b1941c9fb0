import { useDeferredValue, useId, useMemo } from 'react';
import { COMPARED_FIELD_LABEL } from '../../../shared/domain/comparison.js';
import {
  formatNational,
  LINE_TYPE_LABEL,
  LINE_TYPES,
  parseNumberList,
  type LineType,
} from '../../../shared/domain/phone.js';
import { errorMessage } from '../../ipc/index.js';
import { plural } from '../../lib/format.js';
import { toast } from '../../state/toasts.js';
import { useLineTypes } from '../channel/useChannel.js';

/** Above this many lines the preview lists the first ones and every invalid one. */
const PREVIEW_LIMIT = 400;

interface PreviewLine {
  index: number;
  raw: string;
  e164: string | null;
  error: string | null;
  duplicateOf: number | null;
}

export function previewNumbers(text: string): PreviewLine[] {
  const seen = new Map<string, number>();
  return parseNumberList(text).map((p, index) => {
    if (!p.ok) return { index, raw: p.raw, e164: null, error: p.error, duplicateOf: null };
    const dup = seen.get(p.e164) ?? null;
    if (dup === null) seen.set(p.e164, index);
    return { index, raw: p.raw, e164: p.e164, error: null, duplicateOf: dup };
  });
}

export function NumbersEditor({
  value,
  onChange,
  caseId = null,
  version = 0,
}: {
  value: string;
  onChange(text: string): void;
  /** a saved case: each of its numbers gets a line type (from the portability check, or set here by hand) */
  caseId?: number | null;
  version?: number;
}) {
  const id = useId();
  const lineTypes = useLineTypes(caseId, version);
  const deferred = useDeferredValue(value);
  const lines = useMemo(() => previewNumbers(deferred), [deferred]);
  const invalid = lines.filter((l) => l.e164 === null).length;
  const valid = lines.length - invalid;
  const dups = lines.filter((l) => l.duplicateOf !== null).length;
  const shown = lines.length > PREVIEW_LIMIT ? lines.filter((l, i) => i < PREVIEW_LIMIT || l.e164 === null) : lines;

  return (
    <div className="numbers-editor">
      <label className="field-label" htmlFor={id}>
        {COMPARED_FIELD_LABEL.phone_numbers}
      </label>
      <span className="field-hint" id={`${id}-hint`}>
        Paste in any format: one per line, or separated by commas or semicolons.
      </span>
      <div className="numbers-columns">
        <textarea
          id={id}
          className="numbers-input mono"
          rows={8}
          spellCheck={false}
          value={value}
          placeholder={'(312) 555-0147\n312.555.0148\n+1 312 555 0149'}
          onChange={(e) => onChange(e.target.value)}
          aria-describedby={`${id}-hint ${id}-summary`}
        />
        <div className="numbers-preview" data-testid="numbers-preview">
          <div id={`${id}-summary`} className="numbers-summary" data-testid="numbers-summary" aria-live="polite">
            <span className="ok-count">{plural(valid, 'valid number')}</span>
            {invalid > 0 && <span className="bad-count"> · {invalid} invalid</span>}
            {dups > 0 && (
              <span className="warn-count">
                {' '}
                · {dups} duplicate{dups === 1 ? '' : 's'}
              </span>
            )}
          </div>
          {lines.length === 0 ? (
            <p className="muted small">
              Each number will appear here as it will be submitted (E.164), or with the reason it cannot be.
            </p>
          ) : (
            <ol className="numbers-list">
              {shown.map((l) => (
                <li
                  key={l.index}
                  className={l.e164 ? (l.duplicateOf !== null ? 'dup' : 'ok') : 'bad'}
                  data-valid={l.e164 ? 'true' : 'false'}
                >
                  <span className="raw" title={l.raw}>
                    {l.raw}
                  </span>
                  {l.e164 ? (
                    <>
                      <span className="arrow" aria-hidden="true">
                        →
                      </span>
                      <code className="e164" title={formatNational(l.e164)}>
                        {l.e164}
                      </code>
                      {l.duplicateOf !== null && <span className="reason">duplicate of line {l.duplicateOf + 1}</span>}
                      {l.duplicateOf === null && lineTypes.lines.has(l.e164) && (
                        <LineTypeSelect
                          number={l.e164}
                          line={lineTypes.lines.get(l.e164)!}
                          onSet={(t) => lineTypes.set(l.e164!, t).catch((err) => toast.error(errorMessage(err)))}
                        />
                      )}
                    </>
                  ) : (
                    <span className="reason">invalid: {l.error}</span>
                  )}
                </li>
              ))}
              {shown.length < lines.length && (
                <li className="muted">… {lines.length - shown.length} more valid numbers</li>
              )}
            </ol>
          )}
        </div>
      </div>
    </div>
  );
}

function LineTypeSelect({
  number,
  line,
  onSet,
}: {
  number: string;
  line: { line_type: LineType | null; source: string };
  onSet(t: LineType | null): void;
}) {
  const checked = line.source !== 'manual' && line.line_type ? LINE_TYPE_LABEL[line.line_type] : null;
  return (
    <select
      className="line-type-select"
      aria-label={`Line type of ${formatNational(number)}`}
      data-testid="line-type-select"
      value={line.source === 'manual' ? (line.line_type ?? '') : ''}
      onChange={(e) => onSet(e.target.value ? (e.target.value as LineType) : null)}
    >
      <option value="">{checked ? `${checked} (checked)` : 'Line type?'}</option>
      {LINE_TYPES.map((t) => (
        <option key={t} value={t}>
          {LINE_TYPE_LABEL[t]}
        </option>
      ))}
    </select>
  );
}
