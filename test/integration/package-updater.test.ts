import { afterEach, describe, expect, it, vi } from 'vitest';
import { startUpdateChecks, type UpdaterLike } from '../../electron/main/updater.js';

const timers: NodeJS.Timeout[] = [];
afterEach(() => {
  for (const t of timers.splice(0)) clearInterval(t);
  vi.restoreAllMocks();
});

function fakeUpdater(result: Promise<unknown> = Promise.resolve(null)) {
  const u = { checks: 0, errorListener: null as null | ((e: Error) => void) };
  const updater: UpdaterLike = {
    on: (_event, listener) => {
      u.errorListener = listener;
    },
    checkForUpdatesAndNotify: () => {
      u.checks++;
      return result;
    },
  };
  return { u, load: vi.fn(async () => updater) };
}

describe('update checks', () => {
  it('never run in development (not packaged): the updater is not even loaded', () => {
    const { load } = fakeUpdater();
    expect(startUpdateChecks({ isPackaged: false }, load)).toBeNull();
    expect(load).not.toHaveBeenCalled();
  });

  it('run once at start and then periodically in a packaged build', async () => {
    vi.useFakeTimers();
    try {
      const { u, load } = fakeUpdater();
      const timer = startUpdateChecks({ isPackaged: true }, load, 1000)!;
      timers.push(timer);
      await vi.advanceTimersByTimeAsync(0);
      expect(u.checks).toBe(1);
      await vi.advanceTimersByTimeAsync(2500);
      expect(u.checks).toBe(3);
      expect(load).toHaveBeenCalledTimes(1);
    } finally {
      vi.useRealTimers();
    }
  });

  it('log a failed check (unreachable server, bad feed) instead of throwing', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { u, load } = fakeUpdater(Promise.reject(new Error('getaddrinfo ENOTFOUND updates.portdesk.invalid')));
    timers.push(startUpdateChecks({ isPackaged: true }, load)!);
    await vi.waitFor(() =>
      expect(warn).toHaveBeenCalledWith(expect.stringMatching(/update check failed: getaddrinfo ENOTFOUND/)),
    );
    u.errorListener!(new Error('feed is not valid YAML'));
    expect(warn).toHaveBeenLastCalledWith(expect.stringMatching(/update check failed: feed is not valid YAML/));
  });
});
