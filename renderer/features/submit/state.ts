import { create } from 'zustand';
import type { PortingStatus } from '../../../shared/contract/porting.js';
import { call, errorMessage } from '../../ipc/index.js';

/**
 * Which porting API PortDesk talks to (simulator or Telnyx), shared by the header indicator and the
 * Submission tab. Asking for it also starts the core's porting service, so an outbox left from the
 * last session is sent as soon as the window opens.
 */
interface PortingState {
  status: PortingStatus | null;
  error: string | null;
  load(): Promise<void>;
  set(status: PortingStatus): void;
}

export const usePorting = create<PortingState>()((set) => ({
  status: null,
  error: null,
  async load() {
    try {
      set({ status: await call('porting.status', {}), error: null });
    } catch (err) {
      set({ error: errorMessage(err) });
    }
  },
  set(status) {
    set({ status, error: null });
  },
}));

/** The user's time zone, named in every date the submission screens show. */
export const TIME_ZONE = Intl.DateTimeFormat().resolvedOptions().timeZone;

export function localDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleString(undefined, {
    weekday: 'short',
    month: 'short',
    day: 'numeric',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  });
}

/** For <input type="datetime-local">: the instant in the user's zone, minutes precision. */
export function toLocalInput(iso: string): string {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** What the user typed in their zone, as the UTC instant the API gets. */
export function fromLocalInput(value: string): string | null {
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}
