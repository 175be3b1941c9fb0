import { DUE_NOTIFIED_KINDS, type DueItem } from '../contract/due.js';

/** One desktop notification: a case to open, or (caseId null) the Due view for a batch. */
export interface DueNotification {
  title: string;
  body: string;
  caseId: number | null;
  /** the due items it stands for (remembered as notified once shown) */
  keys: string[];
}

/** More new items than this at once (the first start, a long weekend) become one summary notification. */
export const MAX_SEPARATE_NOTIFICATIONS = 3;

/**
 * What to show for the due items not notified yet: one notification per item that opens its case,
 * or a single summary that opens the Due view when there are many. The one rule both the desktop
 * host (core DueNotifier) and browser mode (renderer) follow.
 */
export function dueNotifications(items: readonly DueItem[]): DueNotification[] {
  const fresh = items.filter((i) => !i.notified && DUE_NOTIFIED_KINDS.includes(i.kind));
  if (fresh.length > MAX_SEPARATE_NOTIFICATIONS) {
    const urgent = fresh.filter((i) => i.urgency !== 'soon').length;
    return [
      {
        title: `${fresh.length} new items due${urgent ? ` (${urgent} today or overdue)` : ''}`,
        body: fresh
          .slice(0, MAX_SEPARATE_NOTIFICATIONS)
          .map((i) => `${i.entity_name || `Case ${i.case_id}`}: ${i.title}`)
          .concat(fresh.length > MAX_SEPARATE_NOTIFICATIONS ? ['Open the Due list for the rest.'] : [])
          .join('\n'),
        caseId: null,
        keys: fresh.map((i) => i.key),
      },
    ];
  }
  return fresh.map((i) => ({
    title: `${i.entity_name || `Case ${i.case_id}`}: ${i.title}`,
    body: i.detail,
    caseId: i.case_id,
    keys: [i.key],
  }));
}
