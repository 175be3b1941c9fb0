/**
 * Desktop notifications for due items, each shown once. The Electron host passes `notify` in its
 * HostServices and this service shows new items as they become due; the loopback host has none, so
 * the renderer shows them with the browser's Notification API and reports them with
 * `due.markNotified`. Both remember what was shown in one table (due_notified).
 */
import type { DueItem } from '../../../shared/contract/due.js';
import type { CoreContext } from '../context.js';
import { dueNotifications, type DueNotification } from '../../../shared/domain/due.js';
import { dueList } from './list.js';

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
    forgetOldItems(ctx, byKey);
  })();
  return marked;
}

/** Keys stop growing forever: an item not due any more and notified long ago is forgotten (a due one never is). */
const FORGET_AFTER_DAYS = 90;
function forgetOldItems(ctx: CoreContext, due: ReadonlyMap<string, DueItem>): void {
  const cutoff = new Date(ctx.now().getTime() - FORGET_AFTER_DAYS * 86_400_000).toISOString();
  const old = ctx.db.prepare('SELECT item_key FROM due_notified WHERE notified_at < ?').all(cutoff) as {
    item_key: string;
  }[];
  const remove = ctx.db.prepare('DELETE FROM due_notified WHERE item_key = ?');
  for (const { item_key } of old) if (!due.has(item_key)) remove.run(item_key);
}

/** What to show now: nothing when notifications are off; else per item, or one summary for many. */
export function notificationsDue(
  ctx: CoreContext,
  asOf?: string,
): { list: DueItem[]; notifications: DueNotification[] } {
  const list = dueList(ctx, asOf);
  return { list: list.items, notifications: list.settings.notify ? dueNotifications(list.items) : [] };
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

  /** Shows new items through the host; returns how many notifications were shown. */
  check(): number {
    const notify = this.ctx.hostServices.notify;
    if (!notify) return 0;
    const { list, notifications } = notificationsDue(this.ctx);
    const shown: string[] = [];
    for (const n of notifications) {
      try {
        notify({ title: n.title, body: n.body, caseId: n.caseId });
        shown.push(...n.keys);
      } catch (err) {
        console.error('[portdesk] due: notification not shown:', err);
      }
    }
    markNotified(this.ctx, shown, list);
    return notifications.length;
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
