import { useCallback, useEffect, useState } from 'react';
import type { ChannelView } from '../../../shared/contract/channel.js';
import { call, errorMessage, onEvent } from '../../ipc/index.js';

/** The channel view of a case, reloaded whenever the case changes (any area: the gate follows the review). */
export function useChannel(caseId: number, version: number) {
  const [view, setView] = useState<ChannelView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(async () => {
    try {
      setView(await call('channel.get', { caseId }));
      setError(null);
    } catch (err) {
      setError(errorMessage(err));
    }
  }, [caseId]);
  useEffect(() => {
    void load();
  }, [load, version]);
  useEffect(
    () =>
      onEvent('cases.changed', ({ ids }) => {
        if (ids.includes(caseId)) void load();
      }),
    [caseId, load],
  );
  return { view, setView, error, reload: load };
}

/** Today in the user's zone, as the YYYY-MM-DD a dated step takes. */
export function todayLocal(now: Date = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}

/** Line types of a saved case's numbers, and setting one by hand; nothing for a case not saved yet. */
export function useLineTypes(caseId: number | null, version: number) {
  const [lines, setLines] = useState<ChannelView['lines']>([]);
  const load = useCallback(async () => {
    if (caseId === null) return setLines([]);
    try {
      setLines((await call('channel.lines', { caseId })).lines);
    } catch {
      setLines([]); // the editor still works without line types
    }
  }, [caseId]);
  useEffect(() => {
    void load();
  }, [load, version]);
  const set = useCallback(
    async (number: string, lineType: ChannelView['lines'][number]['line_type']) => {
      if (caseId === null) return;
      setLines((await call('channel.setLineType', { caseId, number, line_type: lineType })).lines);
    },
    [caseId],
  );
  return { lines: new Map(lines.map((l) => [l.number, l])), set };
}
