import type { HostServices } from '../core/context.js';
import { APP_ORIGIN } from './shell.js';

/** What the desktop notifier uses of Electron's Notification (structural, so a test can pass its own). */
export interface NotificationLike {
  on(event: 'click' | 'close', listener: () => void): void;
  show(): void;
}
export interface NotificationClass {
  new (options: { title: string; body: string }): NotificationLike;
  isSupported(): boolean;
}
export interface NotifiedWindowLike {
  isDestroyed(): boolean;
  isMinimized(): boolean;
  restore(): void;
  focus(): void;
  loadURL(url: string): Promise<void>;
}

/**
 * HostServices.notify for the core's DueNotifier: an OS notification that, when clicked, brings the
 * window forward on the case or the Due view (a hash change: the page is not reloaded). Shown notifications are
 * kept referenced until closed, else a collected one would lose its click handler.
 */
export function desktopNotifier(
  Notification: NotificationClass,
  windows: () => NotifiedWindowLike[],
): NonNullable<HostServices['notify']> {
  const live = new Set<NotificationLike>();
  return ({ title, body, caseId }) => {
    if (!Notification.isSupported()) return;
    const n = new Notification({ title, body });
    live.add(n);
    n.on('close', () => live.delete(n));
    n.on('click', () => {
      live.delete(n);
      const win = windows().find((w) => !w.isDestroyed());
      if (!win) return;
      if (win.isMinimized()) win.restore();
      win.focus();
      const hash = caseId === null ? '#/due' : `#/case/${Math.trunc(caseId)}`;
      void win.loadURL(`${APP_ORIGIN}/index.html${hash}`);
    });
    n.show();
  };
}
