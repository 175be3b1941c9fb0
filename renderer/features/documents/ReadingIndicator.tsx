import { useEffect } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useRoute } from '../../state/route.js';
import { isActive, startDocumentEvents, useDocuments } from './state.js';

/** Header chip while anything is being read, in any case: how many documents and how far overall. */
export function ReadingIndicator() {
  useEffect(() => startDocumentEvents(), []);
  const active = useDocuments(useShallow((s) => Object.values(s.live).filter(isActive)));
  const overall = useDocuments((s) => {
    if (s.batch.length === 0) return 0;
    const sum = s.batch.reduce((acc, id) => {
      const p = s.live[id];
      return acc + (p && isActive(p) ? p.fraction : 1);
    }, 0);
    return sum / s.batch.length;
  });
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
    </button>
  );
}
