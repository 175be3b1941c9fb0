import { create } from 'zustand';
import type { CaseStatus } from '../../../shared/domain/case.js';
import { call, errorMessage } from '../../ipc/index.js';
import { scheduleQueueRefresh, type QueueQuery } from '../../state/queue.js';
import { confirmAction } from '../../state/dialogs.js';
import { toast } from '../../state/toasts.js';
import { plural } from '../../lib/format.js';

/** The cases ticked in the queue (bulk actions) and the counts shown on the status chips. */
interface TriageState {
  selected: ReadonlySet<number>;
  counts: Record<CaseStatus, number> | null;
  toggle(id: number): void;
  clear(): void;
  loadCounts(query: Pick<QueueQuery, 'carrier' | 'search'>): Promise<void>;
  cancelSelected(): Promise<void>;
}

let countsSeq = 0;

export const useTriage = create<TriageState>()((set, get) => ({
  selected: new Set(),
  counts: null,

  toggle(id) {
    set((s) => {
      const next = new Set(s.selected);
      if (!next.delete(id)) next.add(id);
      return { selected: next };
    });
  },

  clear() {
    set({ selected: new Set() });
  },

  async loadCounts({ carrier, search }) {
    const seq = ++countsSeq;
    try {
      const counts = await call('cases.statusCounts', {
        ...(carrier ? { carrier } : {}),
        ...(search.trim() ? { search: search.trim() } : {}),
      });
      if (seq === countsSeq) set({ counts });
    } catch {
      // the chips go without counts; the list reports connection problems itself
    }
  },

  async cancelSelected() {
    const ids = [...get().selected];
    if (!ids.length) return;
    const answer = await confirmAction({
      title: `Cancel ${plural(ids.length, 'case')}?`,
      body: 'They leave the active queue and nothing more is done on them. Each one can be reopened to intake later.',
      confirmLabel: `Cancel ${plural(ids.length, 'case')}`,
      danger: true,
      reason: { label: 'Why are they cancelled? (recorded on every case)', required: true },
    });
    if (!answer.ok) return;
    try {
      const result = await call('cases.cancelMany', { ids, reason: answer.reason });
      set({ selected: new Set(result.refused.map((r) => r.id)) });
      if (result.cancelled.length) toast.success(`Cancelled ${plural(result.cancelled.length, 'case')}.`);
      for (const r of result.refused) toast.error(`Case ${r.id} not cancelled: ${r.reason}`);
      scheduleQueueRefresh(0);
    } catch (err) {
      toast.error(errorMessage(err));
    }
  },
}));
