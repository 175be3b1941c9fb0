import { create } from 'zustand';

export type ToastKind = 'success' | 'error' | 'info';
/** A button in the toast (Undo): pressing it runs `run` and closes the toast. */
export interface ToastAction {
  label: string;
  run(): void;
}
export interface Toast {
  id: number;
  kind: ToastKind;
  text: string;
  action?: ToastAction;
}

interface ToastState {
  toasts: Toast[];
  push(kind: ToastKind, text: string, action?: ToastAction): void;
  dismiss(id: number): void;
}

let nextId = 1;
/** Errors stay longer: they usually say what to do next. */
const LIFETIME: Record<ToastKind, number> = { success: 3500, info: 5000, error: 10000 };
const ACTION_LIFETIME = 10000;

export const useToasts = create<ToastState>()((set, get) => ({
  toasts: [],
  push(kind, text, action) {
    const id = nextId++;
    set((s) => ({ toasts: [...s.toasts.slice(-4), { id, kind, text, ...(action ? { action } : {}) }] }));
    // a toast with an action (Undo) stays long enough to reach it
    setTimeout(() => get().dismiss(id), action ? ACTION_LIFETIME : LIFETIME[kind]);
  },
  dismiss(id) {
    set((s) => ({ toasts: s.toasts.filter((t) => t.id !== id) }));
  },
}));

export const toast = {
  success: (text: string, action?: ToastAction) => useToasts.getState().push('success', text, action),
  error: (text: string) => useToasts.getState().push('error', text),
  info: (text: string) => useToasts.getState().push('info', text),
};
