/**
 * Desktop notifications for due items, each shown once. The Electron host passes `notify` in its
 * HostServices and this service shows new items as they become due; the loopback host has none, so
 * the renderer shows them with the browser's Notification API and reports them with
 * `due.markNotified`. Both remember what was shown in one table (due_notified).
 */
import type { DueItem } from '../../../shared/contract/due.js';
import type { CoreContext } from '../context.js';
import { dueList, NOTIFIED_KINDS } from './list.js';

/** Remember keys as notified; only keys of items due now are kept (anything else is ignored). */
export function markNotified(ctx: CoreContext, keys: readonly string[], due: readonly DueItem[]): number {
  const byKey = new Map(due.map((i) => [i.key, i]));
  const insert = ctx.db.prepare(
    'INSERT INTO due_notified (item_key, case_id, notified_at) VALUES (?, ?, ?) ON CONFLICT(item_key) DO NOTHING',
  );
  const at = ctx.now().toISOString();
  let marked = 0;
  ctx.db.transaction(() => {
    for (const key of new Set(keys)) {
      const item = byKey.get(key);
      if (item) marked += insert.run(key, item.case_id, at).changes;
    }
  })();
  return marked;
}

/** Items that should raise a notification now: notifiable kinds, not shown before, notifications on. */
export function itemsToNotify(ctx: CoreContext, asOf?: string): DueItem[] {
  const list = dueList(ctx, asOf);
  if (!list.settings.notify) return [];
  return list.items.filter((i) => !i.notified && NOTIFIED_KINDS.has(i.kind));
}

/** Periodic re-check in long-running hosts, and after case changes (debounced). */
const RECHECK_MS = 15 * 60_000;
const DEBOUNCE_MS = 2_000;

export class DueNotifier {
  private timer: ReturnType<typeof setInterval> | null = null;
  private debounce: ReturnType<typeof setTimeout> | null = null;
  private unsubscribe: (() => void) | null = null;

  constructor(private readonly ctx: CoreContext) {}

  /** Starts only when the host can show notifications itself (Electron). */
  start(): void {
    if (!this.ctx.hostServices.notify || this.timer) return;
    this.unsubscribe = this.ctx.events.subscribe((e) => {
      if (e.name === 'cases.changed') this.soon();
    });
    this.timer = setInterval(() => this.check(), RECHECK_MS);
    this.timer.unref?.();
    this.soon();
  }

  /** Shows every new item through the host; returns how many were shown. */
  check(): number {
    const notify = this.ctx.hostServices.notify;
    if (!notify) return 0;
    const items = itemsToNotify(this.ctx);
    for (const item of items) {
      try {
        notify({
          title: `${item.entity_name || `Case ${item.case_id}`}: ${item.title}`,
          body: item.detail,
          caseId: item.case_id,
        });
      } catch (err) {
        console.error('[portdesk] due: notification not shown:', err);
      }
    }
    markNotified(
      this.ctx,
      items.map((i) => i.key),
      items,
    );
    return items.length;
  }

  private soon(): void {
    if (this.debounce) clearTimeout(this.debounce);
    this.debounce = setTimeout(() => {
      this.debounce = null;
      try {
        this.check();
      } catch (err) {
        console.error('[portdesk] due: check failed:', err);
      }
    }, DEBOUNCE_MS);
    this.debounce.unref?.();
  }

  close(): void {
    this.unsubscribe?.();
    if (this.timer) clearInterval(this.timer);
    if (this.debounce) clearTimeout(this.debounce);
    this.timer = null;
  }
}
