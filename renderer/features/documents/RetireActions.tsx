import { useEffect, useRef } from 'react';
import type { DocumentSummary } from '../../../shared/contract/documents.js';
import { useRetired } from './retire.js';

/** Remove (undoable) and "Replace with newer…" on a document row. */
export function RetireActions({ doc }: { doc: DocumentSummary }) {
  const picker = useRef<HTMLInputElement>(null);
  const { remove, replace } = useRetired.getState();
  return (
    <>
      {doc.supersededBy === null && (
        <>
          <button
            type="button"
            className="btn btn-small btn-quiet"
            title={`Attach a newer copy of ${doc.name}; this one is kept as superseded and leaves the review`}
            onClick={() => picker.current?.click()}
          >
            Replace with newer…
          </button>
          <input
            ref={picker}
            type="file"
            hidden
            accept=".pdf,.png,.jpg,.jpeg,.tif,.tiff"
            data-testid={`replace-input-${doc.id}`}
            onChange={(e) => {
              const file = e.target.files?.[0];
              e.target.value = '';
              if (file) void replace(doc, file);
            }}
          />
        </>
      )}
      <button
        type="button"
        className="btn btn-small btn-danger-quiet"
        title={`Remove ${doc.name} from this case (attached by mistake); you can undo`}
        onClick={() => void remove(doc)}
      >
        Remove
      </button>
    </>
  );
}

/** "Removed loa.pdf — Undo" for each document removed on this case since it was opened. */
export function RemovedBar({ caseId }: { caseId: number }) {
  const removed = useRetired((s) => s.removed);
  const shown = removed.filter((d) => d.caseId === caseId);
  // leaving the case ends the chance to undo from here (the history still records the removal)
  useEffect(() => () => useRetired.getState().forget(caseId), [caseId]);
  if (!shown.length) return null;
  return (
    <div className="callout removed-bar" role="status" data-testid="removed-bar">
      {shown.map((d) => (
        <div key={d.id} className="removed-item">
          Removed <strong>{d.name}</strong>: the review, exports and orders no longer read it.{' '}
          <button type="button" className="btn btn-small" onClick={() => void useRetired.getState().undo(d)}>
            Undo
          </button>
        </div>
      ))}
    </div>
  );
}
