import { useEffect } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useRoute } from '../../state/route.js';
import { isActive, startDocumentEvents, useDocuments } from './state.js';

/** Header chip while anything is being read, in any case: how many documents, how far they are, how many are done. */
export function ReadingIndicator() {
  useEffect(() => startDocumentEvents(), []);
  const active = useDocuments(useShallow((s) => Object.values(s.live).filter(isActive)));
  // The percentage is of the documents being read now, as their rows show it: documents already
  // finished in the batch are counted apart ("2 of 3 read"), not folded into the percentage.
  const overall = active.length ? active.reduce((acc, p) => acc + p.fraction, 0) / active.length : 0;
  const finished = useDocuments((s) => s.batch.filter((id) => s.live[id] && !isActive(s.live[id])).length);
  const batchSize = useDocuments((s) => s.batch.length);
  const names = useDocuments((s) => s.names);
  const go = useRoute((s) => s.go);
  if (active.length === 0) return null;

  const pct = Math.round(overall * 100);
  const title = active
    .map((p) => {
      const n = names[p.documentId];
      const what =
        p.state === 'queued' ? 'waiting' : p.pages ? `page ${Math.min(p.pages, p.page + 1)} of ${p.pages}` : 'starting';
      return `${n?.name ?? `Document ${p.documentId}`} (case ${p.caseId}): ${what}`;
    })
    .join('\n');
  const first = active[0]!;
  return (
    <button
      type="button"
      className="indicator reading-indicator"
      data-testid="reading-indicator"
      title={`${title}\nClick to open the case.`}
      onClick={() => go({ name: 'case', id: first.caseId })}
    >
      <span className="reading-spinner" aria-hidden="true" />
      Reading {active.length} document{active.length === 1 ? '' : 's'}…
      <span
        className="mini-progress"
        role="progressbar"
        aria-label="Reading overall"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={pct}
      >
        <span className="mini-progress-fill" style={{ width: `${pct}%` }} />
      </span>
      <span className="small">{pct}%</span>
      {finished > 0 && (
        <span className="small muted">
          ({finished} of {batchSize} read)
        </span>
      )}
    </button>
  );
}
