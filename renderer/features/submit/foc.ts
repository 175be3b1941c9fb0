import { useEffect, useState } from 'react';
import type { OrderView } from '../../../shared/contract/porting.js';
import { call, errorMessage } from '../../ipc/index.js';
import { fromLocalInput, toLocalInput } from './state.js';

export type FocWindow = { started_at: string; ended_at: string };

/** The FOC chosen for one order; key: the order state its windows were fetched for. */
export interface FocPick {
  key: string;
  windows: FocWindow[] | null;
  value: string;
  error: string | null;
}

/** Orders waiting to be (re)submitted: a draft, or one the carrier sent back. */
export const waitingToSubmit = (o: OrderView) => o.status === 'draft' || o.status === 'exception';

/** Whether the FOC typed in the user's zone falls in this window. */
export function insideWindow(localValue: string, w: FocWindow): boolean {
  const utc = localValue ? fromLocalInput(localValue) : null;
  if (!utc) return false;
  const t = Date.parse(utc);
  return t >= Date.parse(w.started_at) && t <= Date.parse(w.ended_at);
}

/** Two hours into a window: clear of its edges whichever side of the clock the carrier reads it on. */
export function pickInWindow(w: FocWindow): string {
  return toLocalInput(new Date(Date.parse(w.started_at) + 2 * 3_600_000).toISOString());
}

/**
 * The FOC proposed for an order: what the user already chose if still allowed, else the first window
 * on or after the requested FOC day from the Details tab, else the first window.
 */
export function proposeFoc(windows: FocWindow[], kept: string, requestedDay: string | null): string {
  if (windows.some((w) => insideWindow(kept, w))) return kept;
  const onOrAfter = requestedDay ? windows.find((w) => pickInWindow(w).slice(0, 10) >= requestedDay) : undefined;
  const chosen = onOrAfter ?? windows[0];
  return chosen ? pickInWindow(chosen) : '';
}

export function focError(pick: FocPick | undefined): string | null {
  if (!pick?.value) return 'Pick a date and time.';
  if (!fromLocalInput(pick.value)) return 'Not a date and time.';
  if (pick.windows && !pick.windows.some((w) => insideWindow(pick.value, w))) return 'Outside the allowed FOC windows.';
  return null;
}

export function windowLabel(w: FocWindow): string {
  const s = new Date(w.started_at);
  const e = new Date(w.ended_at);
  const day = s.toLocaleDateString(undefined, { weekday: 'short', month: 'short', day: 'numeric' });
  const time = (d: Date) => d.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
  return `${day} ${time(s)}–${time(e)}`;
}

/** An instant on another zone's wall clock ("Thu, Nov 27, 10:00 AM"). */
export function inZone(iso: string, timeZone: string): string {
  return new Date(iso).toLocaleString(undefined, {
    timeZone,
    weekday: 'short',
    month: 'short',
    day: 'numeric',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  });
}

/**
 * The allowed FOC windows of every order waiting to be (re)submitted, fetched once per state of the
 * order: an order back in exception gets them again (the windows move on with the clock, and an
 * FOC_REJECTED is fixed right where it is resubmitted).
 */
export function useFocPicks(orders: OrderView[], requestedDay: string | null) {
  const [picks, setPicks] = useState<Record<string, FocPick>>({});
  const waitingKeys = orders
    .filter(waitingToSubmit)
    .map((o) => `${o.id}@${o.status}@${o.updated_at}`)
    .join(',');
  useEffect(() => {
    if (!waitingKeys) return;
    let live = true;
    void (async () => {
      for (const key of waitingKeys.split(',')) {
        const orderId = key.slice(0, key.indexOf('@'));
        try {
          const { windows } = await call('porting.focWindows', { orderId });
          if (!live) return;
          setPicks((f) => {
            if (f[orderId]?.windows && f[orderId].key === key) return f;
            const value = proposeFoc(windows, f[orderId]?.value ?? '', requestedDay);
            return { ...f, [orderId]: { key, windows, value, error: null } };
          });
        } catch (err) {
          if (!live) return;
          const error = `Allowed dates not available: ${errorMessage(err)}`;
          setPicks((f) => ({ ...f, [orderId]: { key, windows: null, value: f[orderId]?.value ?? '', error } }));
        }
      }
    })();
    return () => {
      live = false;
    };
  }, [waitingKeys, requestedDay]);

  const choose = (orderId: string, value: string) =>
    setPicks((f) => {
      const pick = f[orderId];
      return pick ? { ...f, [orderId]: { ...pick, value, error: null } } : f;
    });
  /** Mark every order whose FOC cannot be sent; true when all can. */
  const validate = (orderIds: string[]): boolean => {
    const problems = new Map(orderIds.map((id) => [id, focError(picks[id])] as const).filter(([, e]) => e));
    if (problems.size)
      setPicks((f) =>
        Object.fromEntries(Object.entries(f).map(([k, v]) => [k, { ...v, error: problems.get(k) ?? null }])),
      );
    return problems.size === 0;
  };
  return { picks, choose, validate };
}
