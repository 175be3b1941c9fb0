import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Core } from '../core/index.js';
import { CALL_CHANNEL, EVENT_CHANNEL } from '../../shared/contract/ipc.js';
import { isAllowedExternalLink } from '../../shared/domain/external-links.js';
import { CSP } from '../../shared/security/headers.js';

export { CALL_CHANNEL, EVENT_CHANNEL };

/**
 * The parts of Electron the shell uses, structurally typed so tests can drive the real shell code
 * with a small fake (the Electron binary cannot run in CI). index.ts passes the real module.
 */
export interface SessionLike {
  /** asked when a page requests a permission (camera, notifications…) */
  setPermissionRequestHandler(handler: (wc: unknown, permission: string, cb: (ok: boolean) => void) => void): void;
  /** asked when a page merely checks one (navigator.permissions.query, some APIs before use) */
  setPermissionCheckHandler(handler: (wc: unknown, permission: string, requestingOrigin: string) => boolean): void;
}
export interface WebContentsLike {
  on(
    event: 'will-navigate' | 'will-redirect',
    listener: (event: { preventDefault(): void }, url: string) => void,
  ): void;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' | 'allow' }): void;
  send(channel: string, payload: unknown): void;
  session: SessionLike;
}
export interface BrowserWindowLike {
  webContents: WebContentsLike;
  loadURL(url: string): Promise<void>;
  isDestroyed(): boolean;
  on(event: 'closed', listener: () => void): void;
}
export interface IpcMainLike {
  handle(
    channel: string,
    listener: (event: { senderFrame: { url: string } | null }, ...args: unknown[]) => Promise<unknown>,
  ): void;
}
export interface ProtocolLike {
  handle(scheme: string, handler: (request: { url: string }) => Promise<Response> | Response): void;
}
export interface ShellLike {
  openExternal(url: string): Promise<void>;
}
export interface ElectronLike {
  BrowserWindow: new (options: Record<string, unknown>) => BrowserWindowLike;
  ipcMain: IpcMainLike;
  protocol: ProtocolLike;
  net: { fetch(url: string): Promise<Response> };
  shell: ShellLike;
}

export const APP_SCHEME = 'app';
export const APP_ORIGIN = `${APP_SCHEME}://portdesk`;

/** Hardened options for the only window. Kept as data so a test can assert every one. */
export function windowOptions(preloadPath: string): Record<string, unknown> {
  return {
    width: 1360,
    height: 860,
    minWidth: 960,
    minHeight: 600,
    show: true,
    backgroundColor: '#f6f7f9',
    title: 'PortDesk',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      spellcheck: false,
    },
  };
}

export function isTrustedSender(frame: { url: string } | null): boolean {
  if (!frame) return false;
  try {
    const u = new URL(frame.url);
    return `${u.protocol}//${u.host}` === APP_ORIGIN;
  } catch {
    return false;
  }
}

export function createMainWindow(electron: ElectronLike, preloadPath: string): BrowserWindowLike {
  const win = new electron.BrowserWindow(windowOptions(preloadPath));
  hardenWebContents(electron, win.webContents);
  return win;
}

const hardened = new WeakSet<WebContentsLike>();

/**
 * For every web contents the app creates (index.ts also hooks 'web-contents-created'): stay on the
 * app's origin, open no windows, grant and report no permission. A link to one of the allowed
 * external hosts goes to the system browser; anything else is dropped.
 */
export function hardenWebContents(electron: ElectronLike, wc: WebContentsLike): void {
  // the main window arrives twice (its own setup and 'web-contents-created'); one set of listeners
  if (hardened.has(wc)) return;
  hardened.add(wc);
  const block = (event: { preventDefault(): void }, url: string) => {
    if (url.startsWith(APP_ORIGIN + '/')) return;
    event.preventDefault();
    openExternalLink(electron.shell, url);
  };
  wc.on('will-navigate', block);
  wc.on('will-redirect', (event, url) => {
    if (!url.startsWith(APP_ORIGIN + '/')) event.preventDefault();
  });
  wc.setWindowOpenHandler(({ url }) => {
    openExternalLink(electron.shell, url);
    return { action: 'deny' };
  });
  wc.session.setPermissionRequestHandler((_wc, _permission, cb) => cb(false));
  wc.session.setPermissionCheckHandler(() => false);
}

/** The only door to the system browser: https links to the allowed hosts. Returns whether it opened. */
export function openExternalLink(shell: ShellLike, url: string): boolean {
  if (!isAllowedExternalLink(url)) return false;
  void shell.openExternal(url).catch(() => undefined);
  return true;
}

/** Serve the built renderer from app://portdesk/ with a guard against path traversal. */
export function registerAppProtocol(electron: ElectronLike, rendererDir: string): void {
  const root = path.resolve(rendererDir);
  electron.protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    if (url.host !== 'portdesk') return new Response('Not found', { status: 404 });
    let rel: string;
    try {
      rel = decodeURIComponent(url.pathname);
    } catch {
      return new Response('Bad path', { status: 400 });
    }
    if (rel.includes('\0') || rel.split(/[\\/]/).includes('..')) return new Response('Forbidden', { status: 403 });
    const file = path.resolve(root, '.' + path.posix.normalize('/' + rel));
    if (file !== root && !file.startsWith(root + path.sep)) return new Response('Forbidden', { status: 403 });
    const target = path.extname(file) ? file : path.join(root, 'index.html');
    const res = await electron.net.fetch(pathToFileURL(target).toString());
    const headers = new Headers(res.headers);
    headers.set('Content-Security-Policy', CSP);
    return new Response(res.body, { status: res.status, headers });
  });
}

/** The same handler table as the loopback host, over IPC; only our own frame may call it. */
export function registerIpc(
  electron: ElectronLike,
  core: Core,
  windows: () => BrowserWindowLike[],
  dispatch: (name: string, input: unknown) => Promise<unknown> = (name, input) => core.dispatch(name, input),
): () => void {
  electron.ipcMain.handle(CALL_CHANNEL, async (event, name, input) => {
    if (!isTrustedSender(event.senderFrame)) {
      return { ok: false, error: { code: 'BAD_INPUT', message: 'Calls are only accepted from the PortDesk window.' } };
    }
    return dispatch(String(name), input);
  });
  return core.events.subscribe((e) => {
    for (const w of windows()) if (!w.isDestroyed()) w.webContents.send(EVENT_CHANNEL, e);
  });
}
