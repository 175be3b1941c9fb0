import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { startSimServer, type SimServer } from '../../electron/simulator/server.js';
import { TelnyxClient } from '../../electron/core/porting/client.js';

/** Raw request so any Host / Origin / Content-Type can be sent (fetch forbids some of them). */
function raw(
  sim: Pick<SimServer, 'url'>,
  opts: { method?: string; path: string; headers?: Record<string, string>; body?: string },
) {
  const port = Number(new URL(sim.url).port);
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const headers = { host: `127.0.0.1:${port}`, ...opts.headers };
    const req = http.request(
      { host: '127.0.0.1', port, method: opts.method ?? 'GET', path: opts.path, headers },
      (res) => {
        let body = '';
        res.on('data', (c) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode!, body }));
      },
    );
    req.on('error', reject);
    if (opts.body !== undefined) req.write(opts.body);
    req.end();
  });
}

const KEY = 'sim-security-key-0001';
const NUMBER = '+13125550147';
let servers: SimServer[] = [];
async function start(apiKey: string | null): Promise<SimServer> {
  const s = await startSimServer({ apiKey });
  servers.push(s);
  return s;
}
afterEach(async () => {
  await Promise.all(servers.map((s) => s.close()));
  servers = [];
});

/** An order holding a customer's number, so "can it be read?" has something to read. */
async function withOrder(sim: Pick<SimServer, 'url'>, apiKey: string) {
  await new TelnyxClient({ baseUrl: sim.url, apiKey }).createOrders({
    phone_numbers: [NUMBER],
    customer_reference: 'case-1',
  });
}

describe('porting simulator controls (/_sim/*)', () => {
  const controls = [
    { method: 'GET', path: '/_sim/orders' },
    { method: 'GET', path: '/_sim/clock' },
    { method: 'POST', path: '/_sim/clock', body: '{"advanceMinutes":600}' },
    { method: 'PUT', path: '/_sim/carrier_records', body: '{"records":[]}' },
    { method: 'POST', path: '/_sim/faults', body: '{"faults":[{"status":503,"times":100}]}' },
    { method: 'DELETE', path: '/_sim/faults' },
  ];

  it('need the per-launch control token: not none, not a guess, not the API key', async () => {
    for (const apiKey of [null, KEY]) {
      const sim = await start(apiKey);
      await withOrder(sim, apiKey ?? 'any-token');
      const before = sim.sim.clock.now();
      for (const c of controls) {
        for (const authorization of [
          undefined,
          'Bearer any-token',
          `Bearer ${KEY}`,
          `Bearer ${sim.controlToken}x`,
          sim.controlToken,
        ]) {
          const res = await raw(sim, {
            ...c,
            headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
          });
          expect(res.status, `${c.method} ${c.path} with ${authorization}`).toBe(401);
          expect(res.body).not.toContain(NUMBER);
        }
      }
      expect(sim.sim.clock.now() - before).toBeLessThan(60_000); // the clock was not advanced
      const ok = await raw(sim, { path: '/_sim/orders', headers: { authorization: `Bearer ${sim.controlToken}` } });
      expect(ok.status).toBe(200);
      expect(ok.body).toContain(NUMBER);
    }
  });

  it('accept JSON only (no text/plain or form posts a web page could send without asking)', async () => {
    const sim = await start(null);
    const auth = { authorization: `Bearer ${sim.controlToken}` };
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', '']) {
      const res = await raw(sim, {
        method: 'POST',
        path: '/_sim/faults',
        headers: { ...auth, ...(type ? { 'content-type': type } : {}) },
        body: '{"faults":[{"status":503}]}',
      });
      expect(res.status, type).toBe(415);
    }
    const bad = await raw(sim, {
      method: 'POST',
      path: '/_sim/clock',
      headers: { ...auth, 'content-type': 'application/json' },
      body: '{"advanceMinutes":',
    });
    expect(bad.status).toBe(400);
    const unknownField = await raw(sim, {
      method: 'POST',
      path: '/_sim/clock',
      headers: { ...auth, 'content-type': 'application/json' },
      body: '{"advanceMinute":60}',
    });
    expect(unknownField.status).toBe(400);
    expect(unknownField.body).toMatch(/advanceMinute/);
    const advanced = await raw(sim, {
      method: 'POST',
      path: '/_sim/clock',
      headers: { ...auth, 'content-type': 'application/json' },
      body: '{"advanceMinutes":60}',
    });
    expect(advanced.status).toBe(200);
  });

  it('never compile a client regular expression: a catastrophic pattern is refused, and a glob matches by segments', async () => {
    const sim = await start(null);
    const headers = { authorization: `Bearer ${sim.controlToken}`, 'content-type': 'application/json' };
    const api = { authorization: 'Bearer any-token', 'content-type': 'application/json' };
    for (const path of ['^(a+)+$', '(x+x+)+y', '/porting_orders$', '/porting_orders|/documents', '[a-z]+']) {
      const res = await raw(sim, {
        method: 'POST',
        path: '/_sim/faults',
        headers,
        body: JSON.stringify({ faults: [{ path, status: 503, times: 5 }] }),
      });
      expect(res.status, path).toBe(400);
    }
    // a pattern that backtracks badly as a regex ("*a" repeated) is matched in linear time as a glob
    const slow = '/' + '*a'.repeat(90) + 'b';
    expect(
      (
        await raw(sim, {
          method: 'POST',
          path: '/_sim/faults',
          headers,
          body: JSON.stringify({ faults: [{ path: slow, status: 503, times: 1 }] }),
        })
      ).status,
    ).toBe(200);
    // as a regex this would backtrack for ages; the glob answers at once (a hang fails on the test timeout)
    expect((await raw(sim, { path: '/' + 'a'.repeat(5000), headers: api })).status).toBe(404);
    await raw(sim, { method: 'DELETE', path: '/_sim/faults', headers });

    // literal, one-segment `*`, and `**` globs
    const faults = [
      { method: 'GET', path: '/porting_orders/*/comments', status: 503, times: 1 },
      { method: 'GET', path: '**/requirements', status: 429, retryAfter: 7, times: 1 },
      { method: 'GET', path: '/porting_orders/exception_types', status: 502, times: 1 },
    ];
    expect(
      (await raw(sim, { method: 'POST', path: '/_sim/faults', headers, body: JSON.stringify({ faults }) })).status,
    ).toBe(200);
    expect((await raw(sim, { path: '/v2/porting_orders', headers: api })).status).toBe(200); // no fault matches the list
    expect((await raw(sim, { path: '/v2/porting_orders/abc/def/comments', headers: api })).status).not.toBe(503); // * is one segment
    expect((await raw(sim, { path: '/v2/porting_orders/abc/comments', headers: api })).status).toBe(503);
    expect((await raw(sim, { path: '/v2/porting_orders/abc/requirements', headers: api })).status).toBe(429);
    expect((await raw(sim, { path: '/v2/porting_orders/exception_types', headers: api })).status).toBe(502);
    expect((await raw(sim, { path: '/v2/porting_orders/exception_types', headers: api })).status).toBe(200); // times: 1
  });
});

describe('porting simulator API and controls over HTTP', () => {
  it('answer only their own loopback authority and no web page, even with no API key set', async () => {
    const sim = await start(null);
    await withOrder(sim, 'any-token');
    const port = new URL(sim.url).port;
    const api = { authorization: 'Bearer any-token' };
    const control = { authorization: `Bearer ${sim.controlToken}` };
    for (const headers of [api, control]) {
      const path = headers === api ? '/v2/porting_orders' : '/_sim/orders';
      const foreign: Record<string, string>[] = [
        { host: 'evil.example' },
        { host: `attacker.test:${port}` },
        { origin: 'http://evil.example' },
        { origin: 'null' },
        { origin: `http://127.0.0.1:${Number(port) + 1}` },
        { 'sec-fetch-site': 'cross-site' },
        { 'sec-fetch-site': 'same-site' },
      ];
      for (const bad of foreign) {
        const res = await raw(sim, { path, headers: { ...headers, ...bad } });
        expect(res.status, `${path} ${JSON.stringify(bad)}`).toBe(403);
        expect(res.body).not.toContain(NUMBER);
      }
      expect((await raw(sim, { path, headers: { ...headers, host: `localhost:${port}` } })).status).toBe(200);
    }
  });

  it('compares the API key exactly: a prefix, a longer key or a near miss is refused', async () => {
    const sim = await start(KEY);
    for (const key of [KEY.slice(0, -1), `${KEY}1`, KEY.replace(/1$/, '2'), KEY.toUpperCase(), ' ']) {
      expect(
        (await raw(sim, { path: '/v2/porting_orders', headers: { authorization: `Bearer ${key}` } })).status,
        key,
      ).toBe(401);
    }
    expect((await raw(sim, { path: '/v2/porting_orders', headers: { authorization: `Bearer ${KEY}` } })).status).toBe(
      200,
    );
  });

  it('answers malformed URL encoding with 400 and no stack trace', async () => {
    const sim = await start(null);
    const api = { authorization: 'Bearer any-token', 'content-type': 'application/json' };
    for (const [method, path] of [
      ['GET', '/v2/porting_orders/%E0%A4%A'],
      ['PATCH', '/v2/porting_orders/%E0%A4%A'],
      ['POST', '/v2/porting_orders/%E0%A4%A/actions/confirm'],
      ['GET', '/porting_orders/%/comments'],
    ] as const) {
      const res = await raw(sim, { method, path, headers: api, body: method === 'GET' ? undefined : '{}' });
      expect(res.status, `${method} ${path}`).toBe(400);
      expect(res.body).not.toMatch(/URIError|\n\s+at |\.ts:\d+|node:internal/);
    }
    const control = await raw(sim, {
      path: '/_sim/%E0%A4%A',
      headers: { authorization: `Bearer ${sim.controlToken}` },
    });
    expect(control.status).toBe(404);
  });
});

describe('`portdesk sim`', () => {
  it('prints the per-launch control token (on stdout, never a command line); the API key does not open the controls', async () => {
    const bin = fileURLToPath(new URL('../../bin/portdesk.mjs', import.meta.url));
    const child = spawn(process.execPath, [bin, 'sim', '--port', '0', '--api-key', KEY], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      const { url, token } = await new Promise<{ url: string; token: string }>((resolve, reject) => {
        let out = '';
        child.stdout.setEncoding('utf8').on('data', (d: string) => {
          out += d;
          const m = /ready: (http:\/\/127\.0\.0\.1:\d+\/v2)\n[^]*Authorization: Bearer (\S+)\n/.exec(out);
          if (m) resolve({ url: m[1]!, token: m[2]! });
        });
        child.once('exit', (code) => reject(new Error(`portdesk sim exited ${code}: ${out}`)));
      });
      expect(token).not.toBe(KEY);
      const cmdline = fs.readFileSync(`/proc/${child.pid}/cmdline`, 'utf8');
      expect(cmdline).not.toContain(token);
      const sim = { url };
      await withOrder(sim, KEY);
      expect((await raw(sim, { path: '/_sim/orders', headers: { authorization: `Bearer ${KEY}` } })).status).toBe(401);
      const orders = await raw(sim, { path: '/_sim/orders', headers: { authorization: `Bearer ${token}` } });
      expect(orders.status).toBe(200);
      expect(orders.body).toContain(NUMBER);
    } finally {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    }
  }, 60_000);
});
