import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openCore, type Core } from '../../electron/core/index.js';
import { RPC_BODY_LIMIT, sessionCookieName, startLoopbackHost, type LoopbackHost } from '../../electron/host/server.js';
import { signIn } from '../helpers/sign-in.js';
import { tempDir } from '../helpers/tmp.js';

/** Raw request so we can send any Host header (fetch forbids it). */
function raw(
  port: number,
  opts: { method?: string; path: string; headers?: Record<string, string>; body?: string | Buffer },
) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }>((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port, method: opts.method ?? 'GET', path: opts.path, headers: opts.headers },
      (res) => {
        let body = '';
        res.on('data', (c) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }));
      },
    );
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
    const cookie = await signIn(host.url);
    const stream = await fetch(`${host.origin}/events`, { headers: { cookie } });
    expect(stream.status).toBe(200);
    const t = performance.now();
    await Promise.race([
      host.close(),
      new Promise((_r, reject) => setTimeout(() => reject(new Error('host.close() hung')), 3000)),
    ]);
    expect(performance.now() - t).toBeLessThan(3000);
    await core.close();
  });
});

describe('loopback host security', () => {
  let core: Core;
  let host: LoopbackHost;
  let cookie: string;
  let signInAnswer: Response;
  let staticDir: string;
  const json = { 'content-type': 'application/json' };
  beforeEach(async () => {
    core = openCore({ dataDir: tempDir(), hostKind: 'loopback' });
    staticDir = tempDir();
    fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>PortDesk</title>');
    fs.writeFileSync(path.join(tempDir(), 'secret.txt'), 'secret');
    host = await startLoopbackHost({ core, staticDir });
    signInAnswer = await fetch(host.url, { redirect: 'manual' });
    cookie = signInAnswer.headers.get('set-cookie')!.split(';')[0]!;
  });
  afterEach(async () => {
    await host.close();
    await core.close();
  });
  const h = (extra: Record<string, string> = {}) => ({ host: `127.0.0.1:${host.port}`, cookie, ...extra });

  it('listens on 127.0.0.1 only and exchanges the launch token for an HttpOnly SameSite=Strict cookie', async () => {
    expect(host.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(signInAnswer.status).toBe(200);
    expect(await signInAnswer.text()).toMatch(/http-equiv="refresh" content="0;url=\/"/);
    const setCookie = signInAnswer.headers.get('set-cookie')!;
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Strict/);
    expect(setCookie).not.toContain(new URL(host.url).searchParams.get('token'));
  });

  it('lets the sign-in link be used once: a second exchange is refused (410) and hands out no cookie', async () => {
    for (let i = 0; i < 2; i++) {
      const again = await fetch(host.url, { redirect: 'manual' });
      expect(again.status).toBe(410);
      expect(again.headers.get('set-cookie')).toBeNull();
      expect(await again.text()).toMatch(/already used/);
    }
    // the session it handed out the first time still works
    expect((await raw(host.port, { method: 'POST', path: '/rpc/app.info', headers: h(json), body: '{}' })).status).toBe(
      200,
    );
  });

  it('never accepts the launch token as a bearer credential', async () => {
    const token = new URL(host.url).searchParams.get('token')!;
    for (const authorization of [`Bearer ${token}`, `bearer ${token}`, token]) {
      const res = await fetch(`${host.origin}/rpc/app.info`, {
        method: 'POST',
        headers: { ...json, authorization },
        body: '{}',
      });
      expect(res.status).toBe(401);
    }
    expect(
      (await fetch(`${host.origin}/rpc/app.info?token=${token}`, { method: 'POST', headers: json, body: '{}' })).status,
    ).toBe(401);
  });

  it('binds the session cookie to this instance: it does not sign in to another PortDesk on another port', async () => {
    expect(cookie.startsWith(`${sessionCookieName(host.port)}=`)).toBe(true);
    const otherCore = openCore({ dataDir: tempDir(), hostKind: 'loopback' });
    const other = await startLoopbackHost({ core: otherCore, staticDir });
    try {
      const value = cookie.slice(cookie.indexOf('=') + 1);
      const post = (port: number, c: string) =>
        raw(port, {
          method: 'POST',
          path: '/rpc/app.info',
          headers: { ...json, host: `127.0.0.1:${port}`, cookie: c },
          body: '{}',
        });
      // a browser sends every 127.0.0.1 cookie to every port: this host's cookie as is, or renamed
      expect((await post(other.port, cookie)).status).toBe(401);
      expect((await post(other.port, `${sessionCookieName(other.port)}=${value}`)).status).toBe(401);
      // both sessions live side by side in one browser jar, each valid only where it came from
      const otherCookie = await signIn(other.url);
      expect((await post(other.port, `${cookie}; ${otherCookie}`)).status).toBe(200);
      expect((await post(host.port, `${otherCookie}; ${cookie}`)).status).toBe(200);
      expect((await post(host.port, otherCookie)).status).toBe(401);
    } finally {
      await other.close();
      await otherCore.close();
    }
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
    const cross = await raw(host.port, {
      method: 'POST',
      path: '/rpc/app.info',
      headers: h({ ...json, origin: 'http://evil.example' }),
      body: '{}',
    });
    expect(cross.status).toBe(403);
    const site = await raw(host.port, {
      method: 'POST',
      path: '/rpc/app.info',
      headers: h({ ...json, 'sec-fetch-site': 'cross-site' }),
      body: '{}',
    });
    expect(site.status).toBe(403);
    const ok = await raw(host.port, {
      method: 'POST',
      path: '/rpc/app.info',
      headers: h({ ...json, origin: host.origin }),
      body: '{}',
    });
    expect(ok.status).toBe(200);
  });

  it('accepts only POST with JSON on the RPC route, within the body limit', async () => {
    const get = await raw(host.port, { path: '/rpc/app.info', headers: h() });
    expect(get.status).toBe(405);
    expect(get.headers.allow).toBe('POST');
    const postToStatic = await raw(host.port, { method: 'POST', path: '/index.html', headers: h(json), body: '{}' });
    expect(postToStatic.status).toBe(405);
    expect(postToStatic.headers.allow).toBe('GET');
    expect(
      (
        await raw(host.port, {
          method: 'POST',
          path: '/rpc/app.info',
          headers: h({ 'content-type': 'text/plain' }),
          body: '{}',
        })
      ).status,
    ).toBe(415);
    expect(
      (
        await raw(host.port, {
          method: 'POST',
          path: '/rpc/app.info',
          headers: h({ 'content-type': 'application/x-www-form-urlencoded' }),
          body: 'a=1',
        })
      ).status,
    ).toBe(415);
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
    expect(
      (
        await raw(host.port, {
          path: '/exports/7-20261122T190000Z/packet.pdf',
          headers: { host: `127.0.0.1:${host.port}` },
        })
      ).status,
    ).toBe(401);
    expect((await raw(host.port, { path: '/exports/..%2f..%2fportdesk.sqlite/x', headers: h() })).status).toBe(400);
    expect((await raw(host.port, { path: '/exports/7-20261122T190000Z/missing.pdf', headers: h() })).status).toBe(404);
  });

  it('answers an unknown method 404 before reading its body, whatever the name (constructor, __proto__…)', async () => {
    for (const name of ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf', 'no.such']) {
      // declares 200 MB and sends a few bytes: an answer can only come before the body is read
      const res = await sendHead(
        host.port,
        `/rpc/${name}`,
        h({ ...json, 'content-length': String(200 * 1024 * 1024) }),
      );
      expect(res.status, name).toBe(404);
      expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    }
    // and a body over the limit for such a name is refused as unknown, never processed unlimited
    const big = await raw(host.port, {
      method: 'POST',
      path: '/rpc/constructor',
      headers: h(json),
      body: 'x'.repeat(RPC_BODY_LIMIT + 10),
    });
    expect(big.status).toBe(404);
    // a real method still gets its limit
    const tooBig = await sendHead(
      host.port,
      '/rpc/cases.create',
      h({ ...json, 'content-length': String(RPC_BODY_LIMIT + 10) }),
    );
    expect(tooBig.status).toBe(413);
  });

  it('answers malformed URL encoding on every route with 400 and no stack trace', async () => {
    const paths = [
      { method: 'POST', path: '/rpc/%E0%A4%A' },
      { method: 'POST', path: '/rpc/%' },
      { method: 'GET', path: '/exports/%E0/a' },
      { method: 'GET', path: '/exports/7-x/%E0%A4%A' },
      { method: 'GET', path: '/%E0%A4%A' },
      { method: 'GET', path: '/assets/%E0.js' },
      { method: 'POST', path: '/upload/%E0%A4%A?name=%E0%A4%A' },
    ];
    for (const p of paths) {
      const res = await raw(host.port, { ...p, headers: h(json), body: p.method === 'POST' ? '{}' : undefined });
      expect(res.status, `${p.method} ${p.path}`).toBeGreaterThanOrEqual(400);
      expect(res.status, `${p.method} ${p.path}`).toBeLessThan(500);
      expect(res.body).not.toMatch(/URIError|\n\s+at |\.ts:\d+|node:internal/);
    }
    for (const p of paths)
      expect(
        (await raw(host.port, { ...p, headers: h(json), body: p.method === 'POST' ? '{}' : undefined })).status,
      ).toBe(400);
    const badAuth = await raw(host.port, { path: '/auth?token=%E0%A4%A', headers: { host: `127.0.0.1:${host.port}` } });
    expect(badAuth.status).toBe(401);
  });
});

/** Headers only (with a declared Content-Length) and a few body bytes; resolves on the answer. */
function sendHead(port: number, pathName: string, headers: Record<string, string>) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method: 'POST', path: pathName, headers }, (res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => {
        req.destroy();
        resolve({ status: res.statusCode!, body });
      });
    });
    req.on('error', (e) =>
      e.message.includes('socket hang up') || (e as NodeJS.ErrnoException).code === 'EPIPE' ? undefined : reject(e),
    );
    req.write('{"a":');
  });
}
