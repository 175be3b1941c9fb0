import fs from 'node:fs';
import path from 'node:path';
import type { Envelope } from '../../shared/contract/index.js';
import { openCore, type Core } from '../../electron/core/index.js';
import { startLoopbackHost, type LoopbackHost } from '../../electron/host/server.js';
import { APP_ORIGIN, registerIpc, type ElectronLike } from '../../electron/main/shell.js';
import { signIn } from './sign-in.js';
import { tempDir } from './tmp.js';

export interface Transport {
  name: string;
  call(method: string, input: unknown): Promise<Envelope<unknown>>;
  events: { name: string; payload: unknown }[];
  close(): Promise<void>;
}

/** The Electron IPC path, driven through the real registerIpc with a fake ipcMain. */
export async function ipcTransport(dataDir = tempDir()): Promise<Transport> {
  const core = openCore({ dataDir, hostKind: 'electron' });
  let handler: ((event: { senderFrame: { url: string } | null }, ...args: unknown[]) => Promise<unknown>) | undefined;
  const events: Transport['events'] = [];
  const fakeWindow = {
    isDestroyed: () => false,
    webContents: { send: (_c: string, e: { name: string; payload: unknown }) => events.push(e) },
  };
  const fake = {
    ipcMain: {
      handle: (_c: string, h: typeof handler) => {
        handler = h;
      },
    },
  } as unknown as ElectronLike;
  const stop = registerIpc(fake, core, () => [fakeWindow as never]);
  return {
    name: 'ipc',
    events,
    call: async (method, input) =>
      (await handler!({ senderFrame: { url: `${APP_ORIGIN}/index.html` } }, method, input)) as Envelope<unknown>,
    async close() {
      stop();
      await core.close();
    },
  };
}

export interface HttpTransport extends Transport {
  host: LoopbackHost;
  core: Core;
}

/** The loopback host over real HTTP on 127.0.0.1, with a session cookie obtained like a browser does. */
export async function httpTransport(dataDir = tempDir()): Promise<HttpTransport> {
  const core = openCore({ dataDir, hostKind: 'loopback' });
  const staticDir = tempDir();
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>PortDesk</title>');
  const host = await startLoopbackHost({ core, staticDir });
  const cookie = await signIn(host.url);
  const events: Transport['events'] = [];
  const controller = new AbortController();
  const sse = await fetch(`${host.origin}/events`, { headers: { cookie }, signal: controller.signal });
  void (async () => {
    const decoder = new TextDecoder();
    let buf = '';
    try {
      for await (const chunk of sse.body as unknown as AsyncIterable<Uint8Array>) {
        buf += decoder.decode(chunk, { stream: true });
        let i;
        while ((i = buf.indexOf('\n\n')) >= 0) {
          const frame = buf.slice(0, i);
          buf = buf.slice(i + 2);
          const data = frame.split('\n').find((l) => l.startsWith('data: '));
          if (data) events.push(JSON.parse(data.slice(6)));
        }
      }
    } catch {
      /* aborted on close */
    }
  })();
  return {
    name: 'http',
    events,
    host,
    core,
    async call(method, input) {
      const res = await fetch(`${host.origin}/rpc/${method}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie, origin: host.origin },
        body: JSON.stringify(input),
      });
      return (await res.json()) as Envelope<unknown>;
    },
    async close() {
      controller.abort();
      await host.close();
      await core.close();
    },
  };
}
