import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const CLI = path.join(ROOT, 'bin', 'portdesk.mjs');
const READY = /^PortDesk ready: (http:\/\/127\.0\.0\.1:\d+\/auth\?token=\S+)$/m;

/** A real loopback host (`portdesk serve`) on its own data folder and port. */
export interface Host {
  readonly dataDir: string;
  /** the one-launch link: opening it signs the browser in */
  readonly url: string;
  readonly origin: string;
  /** stop and start again on the same data folder (a new port and token) */
  restart(): Promise<void>;
  /** run `portdesk ARGS --data-dir <this host's folder>` to completion (e.g. a bulk import) */
  cli(args: string[]): { status: number | null; stdout: string; stderr: string };
}

interface Running {
  proc: ChildProcess;
  url: string;
  output: () => string;
}

async function startHost(dataDir: string): Promise<Running> {
  const proc = spawn(process.execPath, [CLI, 'serve', '--data-dir', dataDir, '--port', '0'], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NO_COLOR: '1' },
  });
  let out = '';
  proc.stdout!.setEncoding('utf8').on('data', (d: string) => {
    out += d;
  });
  proc.stderr!.setEncoding('utf8').on('data', (d: string) => {
    out += d;
  });
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => done(new Error(`portdesk serve printed no ready line within 30 s:\n${out}`)),
      30_000,
    );
    const check = () => {
      const m = READY.exec(out);
      if (m) done(null, m[1]!);
    };
    const onExit = (code: number | null) =>
      done(new Error(`portdesk serve exited (${code}) before it was ready:\n${out}`));
    function done(err: Error | null, value?: string) {
      clearTimeout(timer);
      proc.stdout!.off('data', check);
      proc.off('exit', onExit);
      if (err) reject(err);
      else resolve(value!);
    }
    proc.stdout!.on('data', check);
    proc.once('exit', onExit);
    check();
  });
  return { proc, url, output: () => out };
}

async function stopHost(r: Running): Promise<void> {
  if (r.proc.exitCode !== null || r.proc.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => r.proc.once('exit', () => resolve()));
  r.proc.kill('SIGTERM');
  const killer = setTimeout(() => r.proc.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(killer);
}

export const test = base.extend<{ host: Host; app: Page }>({
  host: async ({}, use, testInfo) => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'portdesk-e2e-'));
    let running = await startHost(dataDir);
    const host: Host = {
      dataDir,
      get url() {
        return running.url;
      },
      get origin() {
        return new URL(running.url).origin;
      },
      async restart() {
        await stopHost(running);
        running = await startHost(dataDir);
      },
      cli(args) {
        const r = spawnSync(process.execPath, [CLI, ...args, '--data-dir', dataDir], { cwd: ROOT, encoding: 'utf8' });
        return { status: r.status, stdout: r.stdout, stderr: r.stderr };
      },
    };
    try {
      await use(host);
    } finally {
      if (testInfo.status !== testInfo.expectedStatus)
        await testInfo.attach('host output', { body: running.output(), contentType: 'text/plain' });
      await stopHost(running);
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  },

  /** A signed-in page on the queue; fails the test on any script error or CSP violation. */
  app: async ({ page, host }, use) => {
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error' && /Content Security Policy|Refused to/i.test(m.text()))
        problems.push(`CSP: ${m.text()}`);
    });
    await page.goto(host.url);
    await expect(page.getByRole('link', { name: 'PortDesk' })).toBeVisible();
    await use(page);
    expect(problems, 'the page logged errors').toEqual([]);
  },
});

export { expect };

/** Call the host the way the renderer does (same cookie, same envelope). */
export async function rpc<T = unknown>(page: Page, method: string, input: unknown): Promise<T> {
  const env = await page.evaluate(
    async ([m, i]) => {
      const res = await fetch(`/rpc/${m}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(i),
      });
      return res.json() as Promise<{ ok: boolean; value?: unknown; error?: { message: string } }>;
    },
    [method, input] as const,
  );
  if (!env.ok) throw new Error(`${method}: ${env.error?.message}`);
  return env.value as T;
}

/** The queue rows as shown (only the rendered window of a long list). */
export function queueRows(page: Page) {
  return page.getByTestId('queue-grid').locator('[role=row][data-case-id]');
}
