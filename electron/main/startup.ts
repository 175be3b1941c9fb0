import { AppError } from '../../shared/contract/rpc.js';

/** The parts of Electron's `app` the start-up needs (structural, so a test can stand in for it). */
export interface AppLike {
  requestSingleInstanceLock(): boolean;
  quit(): void;
  on(event: 'second-instance', listener: () => void): void;
}
export interface DialogLike {
  showErrorBox(title: string, content: string): void;
}
export interface FocusableWindowLike {
  isDestroyed(): boolean;
  isMinimized(): boolean;
  restore(): void;
  focus(): void;
}

/**
 * One desktop window per user: a second launch quits at once and the first instance brings its
 * window forward instead. Returns false when this process is the second one (it is quitting).
 */
export function claimSingleInstance(app: AppLike, windows: () => FocusableWindowLike[]): boolean {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return false;
  }
  app.on('second-instance', () => {
    const win = windows().find((w) => !w.isDestroyed());
    if (!win) return;
    if (win.isMinimized()) win.restore();
    win.focus();
  });
  return true;
}

/**
 * Runs the core's start-up (opening the data folder, taking its instance lock, starting background
 * work). Another PortDesk on the same folder (a `portdesk serve`, say) or a folder that cannot be
 * opened is told to the user in a dialog — one sentence saying what to do — and the app quits,
 * instead of an unhandled rejection leaving a process with no window.
 */
export function startOrExplain<T>(app: AppLike, dialog: DialogLike, start: () => T): T | null {
  try {
    return start();
  } catch (err) {
    const alreadyRunning = err instanceof AppError && err.code === 'ALREADY_RUNNING';
    dialog.showErrorBox(
      alreadyRunning ? 'PortDesk is already running' : 'PortDesk cannot start',
      err instanceof Error ? err.message : String(err),
    );
    app.quit();
    return null;
  }
}
