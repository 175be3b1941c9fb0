/**
 * Update checks for installed builds. The channel is the `publish` entry of electron-builder.yml,
 * which electron-builder writes into the package (resources/app-update.yml): releasing needs no code
 * change here. Only a packaged app checks — never `npm start` with Electron, never browser mode
 * (which does not load this file) — and a failed check is logged, never shown as an error.
 */
export interface UpdaterLike {
  on(event: 'error', listener: (err: Error) => void): unknown;
  checkForUpdatesAndNotify(): Promise<unknown>;
}

export interface UpdateHost {
  readonly isPackaged: boolean;
}

/** electron-updater is CommonJS; `autoUpdater` is a lazy getter that picks the platform's updater. */
async function electronUpdater(): Promise<UpdaterLike> {
  const mod = await import('electron-updater');
  return (mod.default ?? mod).autoUpdater;
}

/** Starts one check now and one every `everyMs`; returns the timer (or null when nothing was started). */
export function startUpdateChecks(
  app: UpdateHost,
  load: () => Promise<UpdaterLike> = electronUpdater,
  everyMs = 6 * 60 * 60 * 1000,
): NodeJS.Timeout | null {
  if (!app.isPackaged) return null;
  const warn = (err: unknown) =>
    console.warn(`PortDesk: update check failed: ${(err as Error)?.message ?? String(err)}`);
  const updater = load().then((u) => {
    u.on('error', warn);
    return u;
  });
  const check = () => void updater.then((u) => u.checkForUpdatesAndNotify()).catch(warn);
  check();
  const timer = setInterval(check, everyMs);
  timer.unref();
  return timer;
}
