import { describe, expect, it } from 'vitest';
import { addDays, businessDaysFrom, daysFrom, isDay } from '../../electron/core/due/days.js';
import { desktopNotifier, type NotificationLike } from '../../electron/main/notifications.js';

describe('business days for a stalled order', () => {
  it('counts Monday to Friday after the last progress, weekends skipped', () => {
    // 2026-03-06 is a Friday
    expect(businessDaysFrom('2026-03-06', '2026-03-07')).toBe(0); // Saturday
    expect(businessDaysFrom('2026-03-06', '2026-03-09')).toBe(1); // Monday
    expect(businessDaysFrom('2026-03-06', '2026-03-20')).toBe(10); // two weeks later
    expect(businessDaysFrom('2026-03-04', '2026-03-25')).toBe(15); // Wednesday, three weeks
    expect(businessDaysFrom('2026-03-09', '2026-03-09')).toBe(0);
    expect(businessDaysFrom('2026-03-10', '2026-03-09')).toBe(0);
  });

  it('moves across months and leap days', () => {
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-01-29', 30)).toBe('2026-02-28');
    expect(daysFrom('2026-03-10', '2026-02-28')).toBe(-10);
    expect(isDay('2026-02-30')).toBe(false);
    expect(isDay('2028-02-29')).toBe(true);
    expect(isDay('04/02/2026')).toBe(false);
  });
});

describe('desktop notifications in the Electron host', () => {
  it('shows one notification per item and opens the case in the window when clicked', async () => {
    const made: (NotificationLike & { options: { title: string; body: string }; click(): void; shown: boolean })[] = [];
    class FakeNotification {
      static isSupported() {
        return true;
      }
      shown = false;
      private listeners: Record<string, () => void> = {};
      constructor(readonly options: { title: string; body: string }) {
        made.push(this as never);
      }
      on(event: string, l: () => void) {
        this.listeners[event] = l;
      }
      show() {
        this.shown = true;
      }
      click() {
        this.listeners.click?.();
      }
    }
    const loaded: string[] = [];
    const win = {
      minimized: true,
      focused: false,
      isDestroyed: () => false,
      isMinimized() {
        return this.minimized;
      },
      restore() {
        this.minimized = false;
      },
      focus() {
        this.focused = true;
      },
      async loadURL(url: string) {
        loaded.push(url);
      },
    };
    const notify = desktopNotifier(FakeNotification, () => [win]);
    notify({ title: 'Acme: FOC tomorrow (2026-03-11)', body: 'Prepare the activation.', caseId: 42 });
    expect(made).toHaveLength(1);
    expect(made[0]!.shown).toBe(true);
    expect(made[0]!.options.title).toBe('Acme: FOC tomorrow (2026-03-11)');
    made[0]!.click();
    expect(win.minimized).toBe(false);
    expect(win.focused).toBe(true);
    expect(loaded).toEqual(['app://portdesk/index.html#/case/42']);
    // a summary of many items opens the Due view
    notify({ title: '5 new items due', body: '…', caseId: null });
    made[1]!.click();
    expect(loaded.at(-1)).toBe('app://portdesk/index.html#/due');
  });
});
