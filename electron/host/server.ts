import fs from 'node:fs';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Core } from '../core/index.js';
import { isMethodName, type Envelope, type ErrorCode } from '../../shared/contract/index.js';
import {
  cookieValue,
  decodePathPart,
  hostAllowed,
  newSecret,
  originAllowed,
  safeEqual,
  SECURITY_HEADERS,
} from './security.js';

/**
 * The session cookie's name carries the port: browsers send a 127.0.0.1 cookie to every port, so a
 * fixed name would let two PortDesk hosts overwrite (and be offered) each other's session.
 */
export function sessionCookieName(port: number): string {
  return `pd_session_${port}`;
}
export const RPC_BODY_LIMIT = 1024 * 1024;
/**
 * Methods that legitimately carry more than the default (a bulk CSV, a document as base64). A Map,
 * so a method name such as "constructor" or "__proto__" can never read an inherited property.
 */
const METHOD_BODY_LIMITS: ReadonlyMap<string, number> = new Map([
  ['cases.importCsv', 50 * 1024 * 1024],
  ['documents.attach', 70 * 1024 * 1024],
  ['documents.replace', 70 * 1024 * 1024],
  ['export.packet', 8 * 1024 * 1024],
]);
export const UPLOAD_BODY_LIMIT = 60 * 1024 * 1024;

export interface HostOptions {
  core: Core;
  /** answers RPC calls; default: the core alone (a host running the simulator adds its sim.* controls) */
  dispatch?: (name: string, input: unknown) => Promise<Envelope<unknown>>;
  /** folder with the built renderer (index.html) */
  staticDir: string;
  port?: number;
}

export interface LoopbackHost {
  readonly port: number;
  readonly origin: string;
  /**
   * The sign-in link, good for ONE exchange: it trades the launch token for a session cookie, and
   * every later use answers 410. It is never a bearer credential.
   */
  readonly url: string;
  close(): Promise<void>;
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json',
  '.wasm': 'application/wasm',
  '.bcmap': 'application/octet-stream',
  '.pfb': 'application/octet-stream',
  '.ttf': 'font/ttf',
};

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly code: ErrorCode = status === 413 ? 'FILE_TOO_LARGE' : 'BAD_INPUT',
    /** for a 405: the method the route does accept */
    readonly allow?: 'GET' | 'POST',
  ) {
    super(message);
  }
}

const wrongMethod = (allow: 'GET' | 'POST', message: string) => new HttpError(405, message, 'BAD_INPUT', allow);

/**
 * The one-time sign-in: the launch token is traded once for the session cookie, which every other
 * request must then carry. `port` is read late because it is known only once the server listens.
 */
function createSignIn(portOf: () => number) {
  const token = newSecret();
  const session = newSecret();
  let tokenUsed = false;
  return {
    token,
    authenticated(req: IncomingMessage): boolean {
      const cookie = cookieValue(req, sessionCookieName(portOf()));
      return cookie !== null && safeEqual(cookie, session);
    },
    signIn(req: IncomingMessage, url: URL, res: ServerResponse): void {
      if (req.method !== 'GET') throw wrongMethod('GET', 'Open the sign-in link with GET.');
      const given = url.searchParams.get('token') ?? '';
      if (!safeEqual(given, token))
        return htmlNotice(
          res,
          401,
          'This link is not valid for this PortDesk session. Use the link printed when PortDesk started.',
        );
      if (tokenUsed)
        return htmlNotice(
          res,
          410,
          'This sign-in link was already used: each link signs in one browser, once. Restart PortDesk for a new link.',
        );
      tokenUsed = true;
      // Not a redirect: after a cross-site start (the launcher page) Chromium keeps a redirect chain
      // cross-site and would withhold the SameSite=Strict cookie from "/"; a same-origin hop sends it.
      res.writeHead(200, {
        'Set-Cookie': `${sessionCookieName(portOf())}=${session}; HttpOnly; SameSite=Strict; Path=/`,
        'Content-Type': 'text/html; charset=utf-8',
        'Cache-Control': 'no-store',
      });
      res.end(
        '<!doctype html><meta charset="utf-8"><meta http-equiv="refresh" content="0;url=/"><title>PortDesk</title><p>Signed in. <a href="/">Open PortDesk</a></p>',
      );
    },
  };
}

/** Server-sent events: every core event goes to every open /events stream. */
function createEventStreams(core: Core) {
  const clients = new Set<ServerResponse>();
  const unsubscribe = core.events.subscribe((event) => {
    const frame = `data: ${JSON.stringify(event)}\n\n`;
    for (const res of clients) res.write(frame);
  });
  return {
    open(req: IncomingMessage, res: ServerResponse): void {
      if (req.method !== 'GET') throw wrongMethod('GET', 'Events are read with GET.');
      res.writeHead(200, {
        'Content-Type': 'text/event-stream',
        'Cache-Control': 'no-store',
        Connection: 'keep-alive',
      });
      res.write(': connected\n\n');
      clients.add(res);
      const keepAlive = setInterval(() => res.write(': ping\n\n'), 15_000);
      req.on('close', () => {
        clearInterval(keepAlive);
        clients.delete(res);
      });
    },
    close(): void {
      unsubscribe();
      for (const res of clients) res.end();
      clients.clear();
    },
  };
}

/** The request's URL, after the Host check and with traversal attempts refused before URL parsing resolves "..". */
function checkedUrl(req: IncomingMessage, port: number): URL {
  if (!hostAllowed(req, port)) throw new HttpError(403, 'Forbidden host header.');
  const rawPath = (req.url ?? '/').split('?')[0]!;
  if (/(^|[\\/])(\.|%2e){2}([\\/]|%2f|%5c|$)/i.test(rawPath)) throw new HttpError(400, 'Bad path.');
  try {
    return new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
  } catch {
    throw new HttpError(400, 'Bad path.');
  }
}

/** Answers a failed request: known refusals with their status and message, anything else as a bare 500. */
function answerFailure(req: IncomingMessage, res: ServerResponse, err: unknown): void {
  const known = err instanceof HttpError ? err : null;
  const status = known?.status ?? 500;
  // the answer never carries a stack or an internal message; the console keeps them for us
  if (!known) console.error('[portdesk host]', err);
  if (!res.headersSent) {
    // a refused body still on its way (413, unknown method…) is not worth receiving: close after the answer
    if (!req.complete) res.setHeader('Connection', 'close');
    res.writeHead(status, {
      'Content-Type': 'application/json',
      'Cache-Control': 'no-store',
      ...(known?.allow ? { Allow: known.allow } : {}),
    });
    res.end(
      JSON.stringify({
        ok: false,
        error: { code: known?.code ?? 'INTERNAL', message: known?.message ?? 'Internal error.' },
      }),
    );
  } else res.destroy();
  // drain whatever the client still sends so the socket closes cleanly
  req.resume();
}

/** POST /upload/<case id>?name=…: a document as the raw body, attached to the case. */
async function upload(core: Core, url: URL, req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (req.method !== 'POST') throw wrongMethod('POST', 'Uploads must use POST.');
  const idText = url.pathname.slice(8);
  if (!/^[1-9]\d{0,15}$/.test(idText)) throw new HttpError(400, 'Uploads go to /upload/<case id>.');
  const caseId = Number(idText);
  const name = url.searchParams.get('name') ?? 'upload';
  const body = await readBody(req, UPLOAD_BODY_LIMIT);
  const result = await core.dispatch('documents.attach', {
    caseId,
    name,
    dataBase64: body.toString('base64'),
  });
  sendJson(res, 200, result);
}

async function listenOnLoopback(server: http.Server, port: number | undefined): Promise<number> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port ?? 0, '127.0.0.1', () => resolve());
  });
  return (server.address() as AddressInfo).port;
}

/**
 * The loopback host: serves the renderer and the core's handler table to a plain browser on
 * 127.0.0.1. Every request passes Host/Origin checks and needs the session cookie, which only the
 * first use of the one-time sign-in link hands out.
 */
export async function startLoopbackHost(opts: HostOptions): Promise<LoopbackHost> {
  let port = 0;
  const gate = createSignIn(() => port);
  const events = createEventStreams(opts.core);
  const staticRoot = path.resolve(opts.staticDir);

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = checkedUrl(req, port);
    // The sign-in link is opened from outside (a terminal, or `npm start`'s local launcher page), so
    // it is the one route a cross-site navigation may reach; it only ever trades the secret it carries.
    if (url.pathname === '/auth') return gate.signIn(req, url, res);
    if (!originAllowed(req, port)) throw new HttpError(403, 'Cross-origin requests are refused.');
    if (!gate.authenticated(req)) {
      if (req.method === 'GET' && !url.pathname.startsWith('/rpc/') && url.pathname !== '/events') {
        return htmlNotice(
          res,
          401,
          'Open PortDesk with the link printed when it started (it signs in one browser, once).',
        );
      }
      throw new HttpError(401, 'Not signed in: open the link printed when PortDesk started.');
    }

    if (url.pathname.startsWith('/rpc/')) return rpc(opts.dispatch ?? opts.core.dispatch, url, req, res);
    if (url.pathname.startsWith('/upload/')) return upload(opts.core, url, req, res);
    if (url.pathname.startsWith('/exports/')) return sendExport(opts.core.ctx.dataDir, url, req, res);
    if (url.pathname === '/events') return events.open(req, res);
    if (req.method !== 'GET' && req.method !== 'HEAD') throw wrongMethod('GET', 'Static files are read with GET.');
    serveStatic(staticRoot, url.pathname, res);
  }

  const server = http.createServer((req, res) => {
    for (const [k, v] of Object.entries(SECURITY_HEADERS)) res.setHeader(k, v);
    handle(req, res).catch((err: unknown) => answerFailure(req, res, err));
  });
  port = await listenOnLoopback(server, opts.port);
  const origin = `http://127.0.0.1:${port}`;
  return {
    port,
    origin,
    url: `${origin}/auth?token=${gate.token}`,
    async close() {
      events.close();
      // close() alone waits for every open connection (an open window keeps one): end them all
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
    },
  };
}

/** A page a person reads (the sign-in link is opened in a browser); the message is plain text. */
function htmlNotice(res: ServerResponse, status: number, message: string): void {
  res.writeHead(status, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(
    `<!doctype html><meta charset="utf-8"><title>PortDesk</title><p>${message.replace(/[<>&"]/g, (c) => `&#${c.charCodeAt(0)};`)}</p>`,
  );
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(text);
}

async function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > limit) throw new HttpError(413, `The request body is larger than ${Math.round(limit / 1024)} KiB.`);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new HttpError(413, `The request body is larger than ${Math.round(limit / 1024)} KiB.`);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/** The built renderer; unknown paths without an extension get index.html (a single-page app). */
function serveStatic(staticRoot: string, pathname: string, res: ServerResponse): void {
  const rel = decodePathPart(pathname);
  if (rel === null) throw new HttpError(400, 'Bad path.');
  if (rel.includes('\0') || rel.split(/[\\/]/).includes('..')) throw new HttpError(400, 'Bad path.');
  const file = path.resolve(staticRoot, '.' + path.posix.normalize('/' + rel));
  if (file !== staticRoot && !file.startsWith(staticRoot + path.sep)) throw new HttpError(403, 'Path outside the app.');
  let target = file;
  if (!fs.existsSync(target) || fs.statSync(target).isDirectory()) {
    // single-page app: unknown paths without an extension get index.html
    if (path.extname(rel)) throw new HttpError(404, 'Not found.');
    target = path.join(staticRoot, 'index.html');
    if (!fs.existsSync(target))
      throw new HttpError(404, `The app is not built: run "npm run build" (looked in ${staticRoot}).`);
  }
  const type = MIME[path.extname(target)] ?? 'application/octet-stream';
  res.writeHead(200, { 'Content-Type': type, 'Cache-Control': target.endsWith('.html') ? 'no-store' : 'max-age=3600' });
  fs.createReadStream(target).pipe(res);
}

/** Browser-mode download of a packet the core wrote under <dataDir>/exports/<exportId>/<file>. */
function sendExport(dataDir: string, url: URL, req: IncomingMessage, res: ServerResponse): void {
  if (req.method !== 'GET') throw wrongMethod('GET', 'Downloads are read with GET.');
  const parts = url.pathname.slice(9).split('/').map(decodePathPart);
  if (parts.length !== 2 || parts.some((p) => p === null || !/^[\w.\- ]+$/.test(p) || p.startsWith('.')))
    throw new HttpError(400, 'Bad export path.');
  const file = path.join(dataDir, 'exports', parts[0]!, parts[1]!);
  if (!fs.existsSync(file)) throw new HttpError(404, 'That export no longer exists; export the packet again.');
  res.writeHead(200, {
    'Content-Type':
      MIME[path.extname(file)] ??
      (file.endsWith('.pdf')
        ? 'application/pdf'
        : file.endsWith('.zip')
          ? 'application/zip'
          : 'application/octet-stream'),
    'Content-Disposition': `attachment; filename="${parts[1]!.replace(/"/g, '')}"`,
    'Cache-Control': 'no-store',
  });
  fs.createReadStream(file).pipe(res);
}

/** POST /rpc/<method> with a JSON body, answered with the dispatcher's envelope. */
async function rpc(
  dispatch: (name: string, input: unknown) => Promise<Envelope<unknown>>,
  url: URL,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  if (req.method !== 'POST') throw wrongMethod('POST', 'RPC calls must use POST.');
  if (!/^application\/json\b/i.test(req.headers['content-type'] ?? ''))
    throw new HttpError(415, 'RPC calls must send Content-Type: application/json.');
  const name = decodePathPart(url.pathname.slice(5));
  if (name === null) throw new HttpError(400, 'The method name in the path is not valid URL encoding.');
  // unknown names end here, before a byte of the body is read
  if (!isMethodName(name)) throw new HttpError(404, `There is no method "${name.slice(0, 80)}".`, 'UNKNOWN_METHOD');
  const body = await readBody(req, METHOD_BODY_LIMITS.get(name) ?? RPC_BODY_LIMIT);
  let input: unknown;
  try {
    input = body.length ? JSON.parse(body.toString('utf8')) : {};
  } catch {
    throw new HttpError(400, 'The request body is not valid JSON.');
  }
  const result = await dispatch(name, input);
  sendJson(res, 200, result);
}
