import { useEffect, useState } from 'react';
import { useDialogs } from '../state/dialogs.js';
import { Modal } from './Modal.js';

/** Renders the one pending confirmation (see confirmAction). */
export function ConfirmHost() {
  const confirm = useDialogs((s) => s.confirm);
  const settle = useDialogs((s) => s.settle);
  const [reason, setReason] = useState('');
  useEffect(() => setReason(''), [confirm]);
  const needsReason = !!confirm?.reason?.required && reason.trim() === '';
  return (
    <Modal
      open={confirm !== null}
      title={confirm?.title ?? ''}
      onClose={() => settle({ ok: false })}
      testId="confirm-dialog"
      actions={
        <>
          <button type="button" className="btn" onClick={() => settle({ ok: false })}>
            Keep as is
          </button>
          <button
            type="button"
            className={confirm?.danger ? 'btn btn-danger' : 'btn btn-primary'}
            disabled={needsReason}
            onClick={() => settle({ ok: true, reason: reason.trim() })}
          >
            {confirm?.confirmLabel}
          </button>
        </>
      }
    >
      <p>{confirm?.body}</p>
      {confirm?.reason && (
        <label className="field">
          <span className="field-label">
            {confirm.reason.label}
            {confirm.reason.required ? ' (required)' : ''}
          </span>
          <textarea rows={3} value={reason} autoFocus onChange={(e) => setReason(e.target.value)} />
        </label>
      )}
    </Modal>
  );
}
