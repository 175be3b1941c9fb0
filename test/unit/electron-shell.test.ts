import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  APP_ORIGIN, createMainWindow, isTrustedSender, registerAppProtocol, registerIpc, windowOptions, type ElectronLike,
} from '../../electron/main/shell.js';
import { openCore } from '../../electron/core/index.js';
import { tempDir } from '../helpers/tmp.js';

/** A minimal stand-in for the electron module: records what the shell asks of it. */
function fakeElectron() {
  const rec = {
    options: undefined as Record<string, unknown> | undefined,
    listeners: {} as Record<string, (event: { preventDefault(): void }, url: string) => void>,
    openHandler: undefined as undefined | ((d: { url: string }) => { action: string }),
    permission: undefined as undefined | ((wc: unknown, p: string, cb: (ok: boolean) => void) => void),
    ipc: undefined as undefined | ((event: { senderFrame: { url: string } | null }, ...args: unknown[]) => Promise<unknown>),
    protocol: undefined as undefined | ((req: { url: string }) => Promise<Response> | Response),
    fetched: [] as string[],
  };
  const electron: ElectronLike = {
    BrowserWindow: class {
      webContents = {
        on: (e: string, l: (event: { preventDefault(): void }, url: string) => void) => { rec.listeners[e] = l; },
        setWindowOpenHandler: (h: (d: { url: string }) => { action: 'deny' | 'allow' }) => { rec.openHandler = h; },
        send: () => {},
        session: { setPermissionRequestHandler: (h: typeof rec.permission) => { rec.permission = h; } },
      };
      constructor(options: Record<string, unknown>) { rec.options = options; }
      loadURL = async () => {};
      isDestroyed = () => false;
      on = () => {};
    },
    ipcMain: { handle: (_c, h) => { rec.ipc = h; } },
    protocol: { handle: (_s, h) => { rec.protocol = h; } },
    net: { fetch: async (url: string) => { rec.fetched.push(url); return new Response('ok', { status: 200 }); } },
  };
  return { electron, rec };
}

describe('Electron window', () => {
  it('is isolated, sandboxed and has no Node integration', () => {
    const prefs = windowOptions('/app/preload.cjs').webPreferences as Record<string, unknown>;
    expect(prefs).toMatchObject({
      contextIsolation: true, sandbox: true, nodeIntegration: false, nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false, webviewTag: false, webSecurity: true, allowRunningInsecureContent: false,
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
    rec.permission!(null, 'media', (ok) => { granted = ok; });
    expect(granted).toBe(false);
  });

  it('answers IPC only from the app frame', async () => {
    const { electron, rec } = fakeElectron();
    const core = openCore({ dataDir: tempDir(), hostKind: 'electron' });
    registerIpc(electron, core, () => []);
    expect(await rec.ipc!({ senderFrame: { url: `${APP_ORIGIN}/index.html` } }, 'app.info', {})).toMatchObject({ ok: true });
    for (const frame of [{ url: 'https://evil.example/' }, { url: 'file:///tmp/x.html' }, { url: 'app://other/index.html' }, null]) {
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
