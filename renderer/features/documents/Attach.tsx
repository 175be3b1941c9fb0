import { useRef } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { call, errorMessage, transportKind } from '../../ipc/index.js';
import { toast } from '../../state/toasts.js';
import { ACCEPT } from './upload.js';
import { useDocuments } from './state.js';

/**
 * "Attach files…". The desktop app opens the native dialog in the main process, which reads the
 * files from disk itself (nothing large crosses the bridge); the browser uses its file picker.
 */
export function AttachButton({ onFiles, primary }: { onFiles(files: File[]): void; primary?: boolean }) {
  const input = useRef<HTMLInputElement>(null);
  const open = async () => {
    const caseId = useDocuments.getState().caseId;
    if (transportKind() === 'http' || caseId === null) {
      input.current?.click();
      return;
    }
    try {
      const res = await call('documents.attachFromDialog', { caseId });
      for (const r of res.refused) toast.error(`${r.name}: ${r.message}`);
      if (res.attached.length) toast.success(`Attached ${res.attached.length} file(s); reading…`);
      await useDocuments.getState().reload();
    } catch (err) {
      toast.error(errorMessage(err));
    }
  };
  return (
    <>
      <button type="button" className={`btn${primary ? ' btn-primary' : ''}`} onClick={() => void open()}>
        Attach files…
      </button>
      <input
        ref={input}
        type="file"
        multiple
        accept={ACCEPT}
        hidden
        data-testid="attach-input"
        aria-label="Attach files"
        onChange={(e) => {
          const files = [...(e.target.files ?? [])];
          e.target.value = ''; // the same file can be picked again after a refusal
          onFiles(files);
        }}
      />
    </>
  );
}

const size = (bytes: number) =>
  bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;

/** Files being sent and files the core refused, each with its own reason; the documents are untouched. */
export function Attachments({ caseId }: { caseId: number }) {
  const items = useDocuments(useShallow((s) => s.attachments.filter((a) => a.caseId === caseId)));
  if (items.length === 0) return null;
  return (
    <ul className="attachments" aria-label="Files being attached" data-testid="attachments">
      {items.map((a) => (
        <li
          key={a.key}
          className={`attachment attachment-${a.state}`}
          data-testid={`attachment-${a.state}`}
          role={a.state === 'refused' ? 'alert' : undefined}
        >
          <span className="attachment-name">{a.name}</span>
          <span className="muted small">{size(a.size)}</span>
          {a.state === 'uploading' ? (
            <span className="muted">Attaching…</span>
          ) : (
            <>
              <span className="attachment-message">
                <strong>Not attached:</strong> {a.message}
              </span>
              <button
                type="button"
                className="btn btn-ghost btn-small"
                aria-label={`Dismiss the message about ${a.name}`}
                onClick={() => useDocuments.getState().dismiss(a.key)}
              >
                ×
              </button>
            </>
          )}
        </li>
      ))}
    </ul>
  );
}
