import { DUE_NOTIFIED_KINDS, type DueList } from '../../../shared/contract/due.js';
import { call } from '../../ipc/index.js';
import { useRoute } from '../../state/route.js';

/**
 * Browser mode only: the desktop app's main process shows notifications itself (the core's
 * DueNotifier). New due items become browser notifications, each opening its case; the core
 * remembers what was shown (due.markNotified) so an item is never shown twice, in any window.
 */
const ASKED_KEY = 'portdesk.due.notificationPermissionAsked';
const inFlight = new Set<string>();

export function browserNotificationsSupported(): boolean {
  return typeof window !== 'undefined' && 'Notification' in window;
}

/** Ask once per browser profile; the answer is the browser's to keep. */
export async function askNotificationPermission(force = false): Promise<NotificationPermission | 'unsupported'> {
  if (!browserNotificationsSupported()) return 'unsupported';
  if (Notification.permission !== 'default') return Notification.permission;
  if (!force && localStorage.getItem(ASKED_KEY)) return 'default';
  localStorage.setItem(ASKED_KEY, new Date().toISOString());
  return Notification.requestPermission();
}

export async function notifyNewDueItems(list: DueList, host: 'electron' | 'loopback'): Promise<void> {
  if (host !== 'loopback' || !list.settings.notify || !browserNotificationsSupported()) return;
  const fresh = list.items.filter((i) => !i.notified && DUE_NOTIFIED_KINDS.includes(i.kind) && !inFlight.has(i.key));
  if (!fresh.length) return;
  if ((await askNotificationPermission()) !== 'granted') return;
  for (const item of fresh) inFlight.add(item.key);
  const shown: string[] = [];
  try {
    for (const item of fresh) {
      const n = new Notification(`${item.entity_name || `Case ${item.case_id}`}: ${item.title}`, {
        body: item.detail,
        tag: item.key,
      });
      n.onclick = () => {
        window.focus();
        useRoute.getState().go({ name: 'case', id: item.case_id });
        n.close();
      };
      shown.push(item.key);
    }
  } finally {
    if (shown.length) await call('due.markNotified', { keys: shown }).catch(() => undefined);
    for (const item of fresh) inFlight.delete(item.key);
  }
}
