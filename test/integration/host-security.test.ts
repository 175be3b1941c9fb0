import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openCore, type Core } from '../../electron/core/index.js';
import { RPC_BODY_LIMIT, startLoopbackHost, type LoopbackHost } from '../../electron/host/server.js';
import { tempDir } from '../helpers/tmp.js';

/** Raw request so we can send any Host header (fetch forbids it). */
function raw(port: number, opts: { method?: string; path: string; headers?: Record<string, string>; body?: string | Buffer }) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }>((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method: opts.method ?? 'GET', path: opts.path, headers: opts.headers }, (res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }));
    });
    req.on('error', reject);
    if (opts.body) req.write(opts.body);
    req.end();
  });
}

describe('loopback host shutdown', () => {
  it('closes promptly while a window holds the event stream open', async () => {
    const core = openCore({ dataDir: tempDir(), hostKind: 'loopback' });
    const staticDir = tempDir();
    fs.writeFileSync(path.join(staticDir, 'index.html'), 'x');
    const host = await startLoopbackHost({ core, staticDir });
    const res = await fetch(host.url, { redirect: 'manual' });
    const cookie = res.headers.get('set-cookie')!.split(';')[0]!;
    const stream = await fetch(`${host.origin}/events`, { headers: { cookie } });
    expect(stream.status).toBe(200);
    const t = performance.now();
    await Promise.race([host.close(), new Promise((_r, reject) => setTimeout(() => reject(new Error('host.close() hung')), 3000))]);
    expect(performance.now() - t).toBeLessThan(3000);
    await core.close();
  });
});

describe('loopback host security', () => {
  let core: Core;
  let host: LoopbackHost;
  let cookie: string;
  const json = { 'content-type': 'application/json' };
  beforeEach(async () => {
    core = openCore({ dataDir: tempDir(), hostKind: 'loopback' });
    const staticDir = tempDir();
    fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>PortDesk</title>');
    fs.writeFileSync(path.join(tempDir(), 'secret.txt'), 'secret');
    host = await startLoopbackHost({ core, staticDir });
    const res = await fetch(host.url, { redirect: 'manual' });
    cookie = res.headers.get('set-cookie')!.split(';')[0]!;
  });
  afterEach(async () => {
    await host.close();
    await core.close();
  });
  const h = (extra: Record<string, string> = {}) => ({ host: `127.0.0.1:${host.port}`, cookie, ...extra });

  it('listens on 127.0.0.1 only and exchanges the launch token for an HttpOnly SameSite=Strict cookie', async () => {
    expect(host.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const res = await fetch(host.url, { redirect: 'manual' });
    expect(res.status).toBe(302);
    const setCookie = res.headers.get('set-cookie')!;
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Strict/);
    expect(setCookie).not.toContain(host.token);
  });

  it('refuses a wrong token and calls without a session (401)', async () => {
    expect((await fetch(`${host.origin}/auth?token=wrong`, { redirect: 'manual' })).status).toBe(401);
    const res = await fetch(`${host.origin}/rpc/app.info`, { method: 'POST', headers: json, body: '{}' });
    expect(res.status).toBe(401);
    expect((await fetch(`${host.origin}/events`)).status).toBe(401);
    expect((await fetch(`${host.origin}/`)).status).toBe(401);
  });

  it('refuses a foreign Host header (DNS rebinding) and a foreign Origin (403)', async () => {
    expect((await raw(host.port, { path: '/', headers: h({ host: 'evil.example:80' }) })).status).toBe(403);
    expect((await raw(host.port, { path: '/', headers: h({ host: `attacker.test:${host.port}` }) })).status).toBe(403);
    const cross = await raw(host.port, { method: 'POST', path: '/rpc/app.info', headers: h({ ...json, origin: 'http://evil.example' }), body: '{}' });
    expect(cross.status).toBe(403);
    const site = await raw(host.port, { method: 'POST', path: '/rpc/app.info', headers: h({ ...json, 'sec-fetch-site': 'cross-site' }), body: '{}' });
    expect(site.status).toBe(403);
    const ok = await raw(host.port, { method: 'POST', path: '/rpc/app.info', headers: h({ ...json, origin: host.origin }), body: '{}' });
    expect(ok.status).toBe(200);
  });

  it('accepts only POST with JSON on the RPC route, within the body limit', async () => {
    expect((await raw(host.port, { path: '/rpc/app.info', headers: h() })).status).toBe(405);
    expect((await raw(host.port, { method: 'POST', path: '/rpc/app.info', headers: h({ 'content-type': 'text/plain' }), body: '{}' })).status).toBe(415);
    expect((await raw(host.port, { method: 'POST', path: '/rpc/app.info', headers: h({ 'content-type': 'application/x-www-form-urlencoded' }), body: 'a=1' })).status).toBe(415);
    const big = JSON.stringify({ fields: { notes: 'x'.repeat(RPC_BODY_LIMIT + 10) } });
    const tooBig = await raw(host.port, { method: 'POST', path: '/rpc/cases.create', headers: h(json), body: big });
    expect(tooBig.status).toBe(413);
    const bad = await raw(host.port, { method: 'POST', path: '/rpc/cases.list', headers: h(json), body: '{not json' });
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body)).toMatchObject({ ok: false, error: { message: expect.stringMatching(/JSON/) } });
    expect((await core.call('cases.list', {})).total).toBe(0);
  });

  it('sends a strict CSP and never serves files outside the app', async () => {
    const res = await raw(host.port, { path: '/', headers: h() });
    expect(res.status).toBe(200);
    expect(res.headers['content-security-policy']).toMatch(/default-src 'self'/);
    expect(res.headers['content-security-policy']).toMatch(/frame-ancestors 'none'/);
    expect(res.headers['content-security-policy']).not.toMatch(/unsafe-eval|unsafe-inline/);
    for (const p of ['/../secret.txt', '/%2e%2e/%2e%2e/etc/passwd', '/..%2f..%2fetc%2fpasswd']) {
      const r = await raw(host.port, { path: p, headers: h() });
      expect(r.body).not.toContain('root:');
      expect([403, 404, 400]).toContain(r.status);
    }
  });

  it('serves exported packets as downloads to the session only, inside the exports folder', async () => {
    const dir = path.join(core.ctx.dataDir, 'exports', '7-20261122T190000Z');
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'packet.pdf'), '%PDF-1.7 test');
    const ok = await raw(host.port, { path: '/exports/7-20261122T190000Z/packet.pdf', headers: h() });
    expect(ok.status).toBe(200);
    expect(ok.headers['content-disposition']).toMatch(/attachment; filename="packet.pdf"/);
    expect(ok.body).toBe('%PDF-1.7 test');
    expect((await raw(host.port, { path: '/exports/7-20261122T190000Z/packet.pdf', headers: { host: `127.0.0.1:${host.port}` } })).status).toBe(401);
    expect((await raw(host.port, { path: '/exports/..%2f..%2fportdesk.sqlite/x', headers: h() })).status).toBe(400);
    expect((await raw(host.port, { path: '/exports/7-20261122T190000Z/missing.pdf', headers: h() })).status).toBe(404);
  });

  it('accepts the launch token as a bearer for scripts', async () => {
    const res = await fetch(`${host.origin}/rpc/app.info`, { method: 'POST', headers: { ...json, authorization: `Bearer ${host.token}` }, body: '{}' });
    expect(await res.json()).toMatchObject({ ok: true, value: { host: 'loopback' } });
    const wrong = await fetch(`${host.origin}/rpc/app.info`, { method: 'POST', headers: { ...json, authorization: 'Bearer nope' }, body: '{}' });
    expect(wrong.status).toBe(401);
  });
});
