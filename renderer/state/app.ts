import { create } from 'zustand';
import type { AppInfo } from '../../shared/contract/app.js';
import { call, errorMessage, type LinkState } from '../ipc/index.js';

interface AppState {
  info: AppInfo | null;
  infoError: string | null;
  link: LinkState;
  /** the window cannot work any more (signed out, host gone): what to do about it */
  fatal: string | null;
  loadInfo(): Promise<void>;
  setActor(actor: string): Promise<void>;
}

export const useApp = create<AppState>()((set) => ({
  info: null,
  infoError: null,
  link: 'connecting',
  fatal: null,
  async loadInfo() {
    try {
      set({ info: await call('app.info', {}), infoError: null });
    } catch (err) {
      set({ infoError: errorMessage(err) });
    }
  },
  async setActor(actor) {
    set({ info: await call('app.setActor', { actor }) });
  },
}));
