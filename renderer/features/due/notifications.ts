import type { DueList } from '../../../shared/contract/due.js';
import { dueNotifications } from '../../../shared/domain/due.js';
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
  const notifications = dueNotifications(list.items).filter((n) => !n.keys.some((k) => inFlight.has(k)));
  if (!notifications.length) return;
  if ((await askNotificationPermission()) !== 'granted') return;
  const keys = notifications.flatMap((n) => n.keys);
  for (const k of keys) inFlight.add(k);
  const shown: string[] = [];
  try {
    for (const n of notifications) {
      const shownNote = new Notification(n.title, { body: n.body, tag: n.keys.length === 1 ? n.keys[0] : undefined });
      shownNote.onclick = () => {
        window.focus();
        useRoute.getState().go(n.caseId === null ? { name: 'due' } : { name: 'case', id: n.caseId });
        shownNote.close();
      };
      shown.push(...n.keys);
    }
  } finally {
    if (shown.length) await call('due.markNotified', { keys: shown }).catch(() => undefined);
    for (const k of keys) inFlight.delete(k);
  }
}
