import { create } from 'zustand';
import type { DueList } from '../../../shared/contract/due.js';
import { call, errorMessage } from '../../ipc/index.js';

interface DueState {
  list: DueList | null;
  error: string | null;
  load(): Promise<DueList | null>;
}

/** The Due list as the core computes it (due.list): the view, the header count and browser notifications read it. */
export const useDue = create<DueState>()((set) => ({
  list: null,
  error: null,
  async load() {
    try {
      const list = await call('due.list', {});
      set({ list, error: null });
      return list;
    } catch (err) {
      set({ error: errorMessage(err) });
      return null;
    }
  },
}));

let timer: ReturnType<typeof setTimeout> | null = null;
/** Many case changes in a burst (an import, a poll) reload the list once. */
export function scheduleDueRefresh(delayMs = 800): void {
  if (timer) clearTimeout(timer);
  timer = setTimeout(() => {
    timer = null;
    void useDue.getState().load();
  }, delayMs);
}
