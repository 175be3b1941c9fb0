import { useState } from 'react';
import { COMPARED_FIELD_LABEL } from '../../../shared/domain/comparison.js';
import { errorMessage } from '../../ipc/index.js';
import { toast } from '../../state/toasts.js';

interface PinFieldProps {
  /** the stored PIN exists (its value never reaches the page unless revealed) */
  pinSet: boolean;
  /** undefined/'' untouched, string: new PIN, null: clear */
  draft: string | null | undefined;
  onChange(pin: string | null | undefined): void;
  /** asks the host for the PIN; absent for a case not created yet */
  reveal?: () => Promise<string | null>;
}

/** Write-only: typing replaces the PIN; seeing it takes a click and is recorded in the history. */
export function PinField({ pinSet, draft, onChange, reveal }: PinFieldProps) {
  const [shown, setShown] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const clearing = draft === null;

  const doReveal = async () => {
    if (!reveal) return;
    setBusy(true);
    try {
      setShown((await reveal()) ?? '');
    } catch (err) {
      toast.error(`Could not show the PIN: ${errorMessage(err)}`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="field pin-field">
      <span className="field-label">
        {COMPARED_FIELD_LABEL.pin}{' '}
        <span className={`pin-state ${pinSet && !clearing ? 'set' : 'unset'}`} data-testid="pin-state">
          {clearing ? 'will be cleared on save' : pinSet ? 'PIN set' : 'no PIN'}
        </span>
      </span>
      <div className="pin-row">
        <input
          type="password"
          autoComplete="new-password"
          aria-label="New PIN"
          placeholder={pinSet ? 'Type a new PIN to replace it' : 'Type the PIN from the losing carrier'}
          value={typeof draft === 'string' ? draft : ''}
          disabled={clearing}
          maxLength={40}
          onChange={(e) => onChange(e.target.value)}
        />
        {pinSet &&
          reveal &&
          !clearing &&
          (shown === null ? (
            <button
              type="button"
              className="btn btn-small"
              disabled={busy}
              onClick={() => void doReveal()}
              title="Shows the stored PIN; the history records that you looked"
            >
              Reveal
            </button>
          ) : (
            <button type="button" className="btn btn-small" onClick={() => setShown(null)}>
              Hide
            </button>
          ))}
        {pinSet &&
          (clearing ? (
            <button type="button" className="btn btn-small" onClick={() => onChange(undefined)}>
              Keep PIN
            </button>
          ) : (
            <button
              type="button"
              className="btn btn-small btn-quiet"
              onClick={() => {
                setShown(null);
                onChange(null);
              }}
            >
              Clear
            </button>
          ))}
      </div>
      {shown !== null && (
        <output className="pin-revealed mono" data-testid="pin-revealed">
          {shown || '(empty)'}
        </output>
      )}
    </div>
  );
}
