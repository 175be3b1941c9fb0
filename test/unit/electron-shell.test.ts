import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  APP_ORIGIN,
  createMainWindow,
  hardenWebContents,
  isTrustedSender,
  openExternalLink,
  registerAppProtocol,
  registerIpc,
  windowOptions,
  type ElectronLike,
  type WebContentsLike,
} from '../../electron/main/shell.js';
import { EXTERNAL_LINK_HOSTS } from '../../shared/domain/external-links.js';
import { openCore } from '../../electron/core/index.js';
import { tempDir } from '../helpers/tmp.js';

/** A minimal stand-in for the electron module: records what the shell asks of it. */
function fakeElectron() {
  const rec = {
    options: undefined as Record<string, unknown> | undefined,
    listeners: {} as Record<string, (event: { preventDefault(): void }, url: string) => void>,
    openHandler: undefined as undefined | ((d: { url: string }) => { action: string }),
    permission: undefined as undefined | ((wc: unknown, p: string, cb: (ok: boolean) => void) => void),
    permissionCheck: undefined as undefined | ((wc: unknown, p: string, origin: string) => boolean),
    opened: [] as string[],
    ipc: undefined as
      | undefined
      | ((event: { senderFrame: { url: string } | null }, ...args: unknown[]) => Promise<unknown>),
    protocol: undefined as undefined | ((req: { url: string }) => Promise<Response> | Response),
    fetched: [] as string[],
  };
  const electron: ElectronLike = {
    BrowserWindow: class {
      webContents = {
        on: (e: string, l: (event: { preventDefault(): void }, url: string) => void) => {
          rec.listeners[e] = l;
        },
        setWindowOpenHandler: (h: (d: { url: string }) => { action: 'deny' | 'allow' }) => {
          rec.openHandler = h;
        },
        send: () => {},
        session: {
          setPermissionRequestHandler: (h: typeof rec.permission) => {
            rec.permission = h;
          },
          setPermissionCheckHandler: (h: typeof rec.permissionCheck) => {
            rec.permissionCheck = h;
          },
        },
      };
      constructor(options: Record<string, unknown>) {
        rec.options = options;
      }
      loadURL = async () => {};
      isDestroyed = () => false;
      on = () => {};
    },
    ipcMain: {
      handle: (_c, h) => {
        rec.ipc = h;
      },
    },
    protocol: {
      handle: (_s, h) => {
        rec.protocol = h;
      },
    },
    net: {
      fetch: async (url: string) => {
        rec.fetched.push(url);
        return new Response('ok', { status: 200 });
      },
    },
    shell: {
      openExternal: async (url: string) => {
        rec.opened.push(url);
      },
    },
  };
  return { electron, rec };
}

describe('Electron window', () => {
  it('is isolated, sandboxed and has no Node integration', () => {
    const prefs = windowOptions('/app/preload.cjs').webPreferences as Record<string, unknown>;
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      preload: '/app/preload.cjs',
    });
  });

  it('blocks navigation away from the app, new windows and permission requests', () => {
    const { electron, rec } = fakeElectron();
    createMainWindow(electron, '/p.cjs');
    let prevented = 0;
    const ev = { preventDefault: () => void prevented++ };
    rec.listeners['will-navigate']!(ev, 'https://evil.example/');
    rec.listeners['will-redirect']!(ev, 'file:///etc/passwd');
    rec.listeners['will-navigate']!(ev, `${APP_ORIGIN}/index.html#case/3`);
    expect(prevented).toBe(2);
    expect(rec.openHandler!({ url: 'https://example.com' })).toEqual({ action: 'deny' });
    let granted: boolean | undefined;
    rec.permission!(null, 'media', (ok) => {
      granted = ok;
    });
    expect(granted).toBe(false);
  });

  it('denies permission checks too, not only requests, for every permission and origin', () => {
    const { electron, rec } = fakeElectron();
    createMainWindow(electron, '/p.cjs');
    for (const permission of [
      'media',
      'notifications',
      'geolocation',
      'clipboard-read',
      'clipboard-sanitized-write',
      'hid',
      'serial',
      'usb',
      'fullscreen',
      'unknown-future-permission',
    ]) {
      for (const origin of [APP_ORIGIN, 'https://evil.example', 'file://'])
        expect(rec.permissionCheck!(null, permission, origin), `${permission} ${origin}`).toBe(false);
    }
  });

  it('opens only https links to the allowed hosts in the system browser, from new windows or navigation', () => {
    const { electron, rec } = fakeElectron();
    createMainWindow(electron, '/p.cjs');
    const ev = { preventDefault: () => {} };
    const allowed = `https://${EXTERNAL_LINK_HOSTS[0]}/#/porting/orders/1`;
    expect(rec.openHandler!({ url: allowed })).toEqual({ action: 'deny' }); // never an Electron window
    rec.listeners['will-navigate']!(ev, allowed);
    const refused = [
      'https://evil.example/',
      'http://portal.telnyx.com/',
      `https://${EXTERNAL_LINK_HOSTS[0]}.evil.example/`,
      `https://evil.example/${EXTERNAL_LINK_HOSTS[0]}`,
      `https://user:pw@${EXTERNAL_LINK_HOSTS[0]}/`,
      `https://${EXTERNAL_LINK_HOSTS[0]}:8443/`,
      'file:///etc/passwd',
      'smb://share/x',
      'javascript:alert(1)',
      'mailto:a@b.c',
      'not a url',
      'https://telnyx.com.evil.example/',
    ];
    for (const url of refused) {
      expect(rec.openHandler!({ url })).toEqual({ action: 'deny' });
      rec.listeners['will-navigate']!(ev, url);
      expect(openExternalLink(electron.shell, url)).toBe(false);
    }
    rec.listeners['will-redirect']!(ev, allowed); // a redirect never opens anything
    expect(rec.opened).toEqual([allowed, allowed]);
  });

  it('applies the same locks once to any other web contents (hooked on web-contents-created)', () => {
    const { electron, rec } = fakeElectron();
    const win = new electron.BrowserWindow({});
    const wc: WebContentsLike = win.webContents;
    hardenWebContents(electron, wc);
    hardenWebContents(electron, wc); // the main window arrives twice: one set of listeners
    rec.openHandler!({ url: `https://${EXTERNAL_LINK_HOSTS[1]}/docs` });
    expect(rec.opened).toHaveLength(1);
    expect(rec.permissionCheck!(null, 'media', APP_ORIGIN)).toBe(false);
  });

  it('answers IPC only from the app frame', async () => {
    const { electron, rec } = fakeElectron();
    const core = openCore({ dataDir: tempDir(), hostKind: 'electron' });
    registerIpc(electron, core, () => []);
    expect(await rec.ipc!({ senderFrame: { url: `${APP_ORIGIN}/index.html` } }, 'app.info', {})).toMatchObject({
      ok: true,
    });
    for (const frame of [
      { url: 'https://evil.example/' },
      { url: 'file:///tmp/x.html' },
      { url: 'app://other/index.html' },
      null,
    ]) {
      expect(await rec.ipc!({ senderFrame: frame }, 'cases.loadSamples', {})).toMatchObject({ ok: false });
    }
    expect((await core.call('cases.list', {})).total).toBe(0);
    expect(isTrustedSender({ url: 'not a url' })).toBe(false);
    await core.close();
  });

  it('serves app:// from the renderer folder only, with the CSP', async () => {
    const { electron, rec } = fakeElectron();
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'index.html'), 'x');
    registerAppProtocol(electron, dir);
    const ok = await rec.protocol!({ url: `${APP_ORIGIN}/index.html` });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-security-policy')).toMatch(/default-src 'self'/);
    expect(rec.fetched[0]).toBe(`file://${path.join(dir, 'index.html')}`);
    const evil = await rec.protocol!({ url: `${APP_ORIGIN}/..%2f..%2fetc%2fpasswd` });
    expect(evil.status).toBe(403);
    expect((await rec.protocol!({ url: 'app://elsewhere/index.html' })).status).toBe(404);
    expect(rec.fetched).toHaveLength(1);
  });
});
