import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/index.js';
import type { PortingOptions } from '../../electron/core/porting/service.js';
import { startSimServer, type SimServer } from '../../electron/simulator/server.js';
import { MemorySecretStore } from '../../electron/core/secrets.js';
import { AppError } from '../../shared/contract/rpc.js';
import { tempDir } from '../helpers/tmp.js';
import { NORTHWIND, readyCase, waitFor } from './porting-helpers.js';
import { openWithSimulator, simulatorOf } from './sim-helpers.js';

/** Never twice, never lost: the outbox across the API going away, a restart, a kill mid-send and a 429 storm. */

const KEY = 'KEY01TESTxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx';
const OPTS: PortingOptions = {
  timeoutMs: 1_500,
  pollMs: 3_600_000,
  waitMs: 5_000,
  client: { maxAttempts: 2, backoffBaseMs: 10 },
};
const cores: Core[] = [];
const sims: SimServer[] = [];
afterEach(async () => {
  for (const c of cores.splice(0)) await c.close();
  for (const s of sims.splice(0)) await s.close();
});

async function open(dataDir: string, opts: PortingOptions = OPTS): Promise<Core> {
  const core = await openWithSimulator({
    dataDir,
    hostKind: 'loopback',
    actor: 'maria',
    secrets: new MemorySecretStore({ TELNYX_API_KEY: KEY }),
    porting: opts,
  });
  cores.push(core);
  return core;
}

async function sim(opts: { stateFile?: string; port?: number } = {}): Promise<SimServer> {
  const s = await startSimServer({ apiKey: KEY, stateFile: opts.stateFile ?? null, port: opts.port });
  sims.push(s);
  return s;
}

async function closeCore(core: Core): Promise<void> {
  cores.splice(cores.indexOf(core), 1);
  await core.close();
}

async function closeSim(s: SimServer): Promise<void> {
  sims.splice(sims.indexOf(s), 1);
  await s.close();
}

const SETTINGS = {
  misc: { type: 'full' as const, remaining_numbers_action: null, new_billing_phone_number: null },
  configuration: {},
};

describe('the porting outbox', () => {
  it('queues actions while the API is unreachable, shows them, and sends them in order after a restart', async () => {
    const dir = tempDir();
    const stateFile = path.join(dir, 'sim-state.json');
    const api = await sim({ stateFile });
    let core = await open(path.join(dir, 'data'));
    const st = await core.call('porting.setApiKey', { apiKey: KEY, baseUrl: api.url });
    expect(st).toMatchObject({ mode: 'telnyx', baseUrl: api.url, keySet: true });
    const c = await readyCase(core, { ...NORTHWIND, losing_carrier: 'Lumen' }, '303.555.0170\n303.555.0171');
    const draft = await core.call('porting.createDraft', { caseId: c.id });
    const [order] = draft.view.orders;
    const { windows } = await core.call('porting.focWindows', { orderId: order!.id });
    const foc = new Date(Date.parse(windows[1]!.started_at) + 3_600_000).toISOString();

    const port = Number(new URL(api.url).port);
    await closeSim(api);
    const queued = await core.call('porting.submit', {
      caseId: c.id,
      orders: [{ orderId: order!.id, foc_datetime_requested: foc }],
      settings: SETTINGS,
    });
    expect(queued.state).toBe('queued');
    expect(queued.message).toMatch(/Cannot reach the porting simulator/);
    const waiting = await core.call('porting.outbox', { caseId: c.id });
    expect(waiting.map((i) => i.kind).reverse()).toEqual(['upload', 'upload', 'update', 'confirm']);
    expect(waiting.every((i) => i.state === 'pending')).toBe(true);
    const status = await core.call('porting.status', {});
    expect(status.reachable).toBe(false);
    expect(status.outbox.pending).toBe(4);
    expect((await core.call('cases.get', { id: c.id })).status).toBe('ready');

    // PortDesk is closed, the API comes back, PortDesk starts again
    await closeCore(core);
    const back = await sim({ stateFile, port });
    core = await open(path.join(dir, 'data'));
    await core.call('porting.refresh', {});
    await waitFor(
      () => core.call('porting.outbox', { caseId: c.id }),
      (items) => items.length === 0,
    );
    const done = await core.call('porting.outbox', { caseId: c.id, includeDone: true });
    expect(done.map((i) => [i.kind, i.state]).reverse()).toEqual([
      ['create', 'done'],
      ['upload', 'done'],
      ['upload', 'done'],
      ['update', 'done'],
      ['confirm', 'done'],
    ]);
    expect(back.hits.get('POST /documents')).toBe(2);
    expect(back.hits.get('POST /porting_orders/{id}/actions/confirm')).toBe(1);
    expect((await core.call('porting.orders', { caseId: c.id })).orders[0]!.status).toBe('in-process');
    expect((await core.call('cases.get', { id: c.id })).status).toBe('submitted');
  });

  it('after a kill mid-send, looks the order up instead of creating it twice', async () => {
    const dir = tempDir();
    const api = await sim();
    const dataDir = path.join(dir, 'data');
    const setup = await open(dataDir);
    await setup.call('porting.setApiKey', { apiKey: KEY, baseUrl: api.url });
    const c = await readyCase(setup, { ...NORTHWIND, losing_carrier: 'Lumen' }, '303.555.0170');
    await closeCore(setup);
    api.addFaults([{ method: 'POST', path: '/porting_orders', holdAfterHandlingMs: 60_000, times: 1 }]);

    const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
    const child = spawn(
      process.execPath,
      [
        '--import',
        tsx,
        fileURLToPath(new URL('./porting-crash-child.ts', import.meta.url)),
        dataDir,
        String(c.id),
        KEY,
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
    });
    child.stderr.on('data', (d: Buffer) => {
      out += d.toString();
    });
    const exited = new Promise<number | null>((r) => child.on('exit', (code, signal) => r(signal ? -1 : code)));
    // the simulator has made the order; its answer is still held back
    await waitFor(
      () => api.sim.dump().filter((o) => o.customer_reference === String(c.id)).length,
      (n) => n === 1,
      30_000,
    );
    process.kill(child.pid!, 'SIGKILL');
    expect(await exited).toBe(-1);
    expect(out).not.toContain('ANSWERED');

    const core = await open(dataDir);
    // what the crash left: an item marked as being sent
    const left = core.ctx.db.prepare('SELECT kind, state, attempts FROM porting_outbox').all();
    expect(left).toEqual([{ kind: 'create', state: 'uncertain', attempts: 1 }]);
    await core.call('porting.refresh', {});
    const view = await core.call('porting.orders', { caseId: c.id });
    expect(view.orders).toHaveLength(1);
    expect(view.outbox).toEqual([]);
    expect(api.hits.get('POST /porting_orders')).toBe(1);
    expect(api.sim.dump().filter((o) => o.customer_reference === String(c.id))).toHaveLength(1);
  }, 60_000);

  it('rides out a 429 storm: every queued comment is posted once, in order, after the waits Telnyx asks for', async () => {
    const core = await open(tempDir(), { ...OPTS, client: { maxAttempts: 3, backoffBaseMs: 10 } });
    await core.call('porting.setApiKey', { apiKey: null });
    const c = await readyCase(core, { ...NORTHWIND, losing_carrier: 'Lumen' }, '303.555.0170');
    const draft = await core.call('porting.createDraft', { caseId: c.id });
    const orderId = draft.view.orders[0]!.id;
    const fake = simulatorOf(core).server;
    fake.addFaults([{ method: 'POST', path: '/porting_orders/*/comments', status: 429, retryAfter: 1, times: 4 }]);
    const bodies = ['one', 'two', 'three', 'four'].map((w) => `Note ${w}`);
    const started = Date.now();
    const sent = [];
    for (const body of bodies) sent.push(await core.call('porting.addComment', { orderId, body }));
    await waitFor(
      () => core.call('porting.outbox', { caseId: c.id }),
      (items) => items.length === 0,
      30_000,
    );
    expect(Date.now() - started).toBeGreaterThanOrEqual(3_900);
    const comments = await core.call('porting.comments', { orderId, refresh: true });
    expect(comments.map((x) => x.body)).toEqual(bodies);
    expect(fake.hits.get('POST /porting_orders/{id}/comments')).toBe(4 + 4);
    const limited = core.ctx.db
      .prepare(`SELECT count(*) AS n FROM audit_log WHERE json_extract(detail, '$.status') = 429`)
      .get() as { n: number };
    expect(limited.n).toBe(4);
  });

  it('checks a key before keeping it, keeps it out of the database, and returns to the simulator without one', async () => {
    const api = await sim();
    const dataDir = tempDir();
    const core = await openWithSimulator({
      dataDir,
      hostKind: 'loopback',
      secrets: new MemorySecretStore({}),
      porting: OPTS,
    });
    cores.push(core);
    expect((await core.call('porting.status', {})).mode).toBe('simulator');
    const wrong = await core
      .call('porting.setApiKey', { apiKey: 'KEY01WRONGxxxxxxxxxx', baseUrl: api.url })
      .catch((e: unknown) => e);
    expect((wrong as AppError).code).toBe('API_AUTH');
    expect((wrong as AppError).message).toMatch(/refused the API key \(401 Unauthorized\)/);
    expect(await core.call('porting.status', {})).toMatchObject({ mode: 'simulator', keySet: false });

    const ok = await core.call('porting.setApiKey', { apiKey: KEY, baseUrl: api.url });
    expect(ok).toMatchObject({ mode: 'telnyx', keySet: true, baseUrl: api.url, keyStore: 'memory' });
    expect(JSON.stringify(ok)).not.toContain(KEY);
    const c = await readyCase(core, { ...NORTHWIND, losing_carrier: 'Lumen' }, '303.555.0170');
    await core.call('porting.check', { caseId: c.id });
    core.ctx.db.pragma('wal_checkpoint(TRUNCATE)');
    for (const f of fs.readdirSync(dataDir).filter((n) => n.startsWith('portdesk.sqlite'))) {
      expect(fs.readFileSync(path.join(dataDir, f)).includes(KEY)).toBe(false);
    }
    expect((await core.call('porting.setApiKey', { apiKey: null })).mode).toBe('simulator');
  });
});
