import { create } from 'zustand';

export interface ConfirmRequest {
  title: string;
  body: string;
  confirmLabel: string;
  /** red button: the action deletes or ends something */
  danger?: boolean;
  /** ask for a reason (e.g. why a case is cancelled); the confirm button waits for one */
  reason?: { label: string; required: boolean };
}
export type ConfirmResult = { ok: false } | { ok: true; reason: string };

interface DialogState {
  confirm: (ConfirmRequest & { resolve(r: ConfirmResult): void }) | null;
  shortcutsOpen: boolean;
  ask(req: ConfirmRequest): Promise<ConfirmResult>;
  settle(r: ConfirmResult): void;
  setShortcutsOpen(open: boolean): void;
}

export const useDialogs = create<DialogState>()((set, get) => ({
  confirm: null,
  shortcutsOpen: false,
  ask(req) {
    get().confirm?.resolve({ ok: false });
    return new Promise((resolve) => set({ confirm: { ...req, resolve } }));
  },
  settle(r) {
    const c = get().confirm;
    set({ confirm: null });
    c?.resolve(r);
  },
  setShortcutsOpen(open) {
    set({ shortcutsOpen: open });
  },
}));

/** Ask before anything destructive; resolves with the user's answer. */
export const confirmAction = (req: ConfirmRequest) => useDialogs.getState().ask(req);
