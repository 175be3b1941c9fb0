import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { z } from 'zod';
import {
  SimCarrierRecordsBody,
  SimClockBody,
  SimFaultsBody,
  type SimFault,
} from '../../shared/porting/sim-controls.js';
import { bearerOf, decodePathPart, hostAllowed, newSecret, originAllowed, safeEqual } from '../core/loopback-guard.js';
import { PortingSimulator, SimError, type SimulatorOptions } from './engine.js';
import type { CsrOnFile } from './carrier.js';
import { CsrDeskError } from './csr.js';

/**
 * The simulator over HTTP on 127.0.0.1: the Telnyx paths PortDesk uses under /v2 (and at the root,
 * so a base URL with or without /v2 works), plus /_sim/* controls for tests and demos: the clock,
 * carrier records (CSRs on file) and injected faults (429 storms, delays, answers lost after the
 * work was done).
 *
 * Every request must name this server's own loopback authority and come from no other web origin
 * (a web page cannot reach it, DNS rebinding included). The controls read customers' numbers and
 * steer the clock, so they also need the per-launch control token, accept JSON only and match fault
 * paths literally or by glob, never by a client-sent regular expression.
 */

/**
 * status: answer with it instead of handling the request; retryAfter: seconds, sent as Retry-After;
 * delayMs: wait before handling; dropAfterHandling: handle, then drop the connection (the client
 * never learns the outcome); holdAfterHandlingMs: handle, then wait before answering (a client
 * timeout after the work was done); times: how many requests it applies to. path: see SimFault.
 */
export type Fault = SimFault;

export interface SimServerOptions extends SimulatorOptions {
  port?: number;
  /** the only bearer token accepted; null/undefined = any non-empty token */
  apiKey?: string | null;
}

export interface SimServer {
  readonly url: string;
  readonly sim: PortingSimulator;
  /**
   * The bearer the /_sim/* controls need: a per-launch secret, never the API key (which a user may
   * have passed on a command line, readable by every local user in /proc).
   */
  readonly controlToken: string;
  addFaults(faults: Fault[]): void;
  clearFaults(): void;
  /** requests received, by "METHOD /path" (tests count creates, confirms…) */
  readonly hits: Map<string, number>;
  close(): Promise<void>;
}

const MAX_BODY = 25 * 1024 * 1024;

const simError = (status: number, title: string, detail: string) => ({
  errors: [{ code: String(status === 401 ? 10009 : 10015), title, detail }],
});

/** Injected faults, each good for `times` matching requests. */
function createFaultBook() {
  const faults: (Fault & { left: number })[] = [];
  return {
    add(list: Fault[]): void {
      // the same check in process as over HTTP: a regular expression left in a test fails loudly here
      const checked = SimFaultsBody.parse({ faults: list }).faults;
      for (const f of checked) faults.push({ ...f, left: f.times ?? 1 });
    },
    clear(): void {
      faults.length = 0;
    },
    /** The first fault that applies to this request, used up by one. */
    take(method: string, route: string): Fault | undefined {
      const fault = faults.find(
        (f) => f.left > 0 && (!f.method || f.method === method) && (f.path === undefined || globMatches(f.path, route)),
      );
      if (fault) fault.left--;
      return fault;
    },
  };
}

/** Injected delays end with the server: a held answer must not keep the process alive. */
function createPauses() {
  const timers = new Set<NodeJS.Timeout>();
  return {
    pause: (ms: number) =>
      new Promise<void>((resolve) => {
        const t = setTimeout(() => {
          timers.delete(t);
          resolve();
        }, ms);
        timers.add(t);
      }),
    cancelAll(): void {
      for (const t of timers) clearTimeout(t);
      timers.clear();
    },
  };
}

/** The answer to a request that is not for this server's loopback authority, comes from a web page, or has a bad path. */
function refusal(req: http.IncomingMessage, port: number): { status: number; body: unknown } | null {
  if (!hostAllowed(req, port))
    return {
      status: 403,
      body: simError(403, 'Forbidden', "Only requests to this simulator's own 127.0.0.1 address are answered."),
    };
  if (!originAllowed(req, port))
    return { status: 403, body: simError(403, 'Forbidden', 'Requests from web pages are refused.') };
  return null;
}

/** A fault's own answer (a 429, a 500…), when it has one instead of the real handling. */
function sendFaultStatus(res: http.ServerResponse, fault: Fault): boolean {
  if (!fault.status) return false;
  send(
    res,
    fault.status,
    {
      errors: [
        {
          code: String(fault.status),
          title: fault.status === 429 ? 'Too many requests' : 'Simulated failure',
          detail: 'Injected by the simulator.',
        },
      ],
    },
    fault.retryAfter !== undefined ? { 'Retry-After': String(fault.retryAfter) } : {},
  );
  return true;
}

/** The engine's answer to a Telnyx route, its own refusals (SimError, CsrDeskError) included. */
function apiAnswer(
  sim: PortingSimulator,
  req: http.IncomingMessage,
  method: string,
  route: string,
  url: URL,
  body: Buffer,
): { status: number; body: unknown } {
  try {
    return api(sim, method, route, url.searchParams, body, req.headers['content-type'] ?? '');
  } catch (e) {
    if (e instanceof SimError || e instanceof CsrDeskError) return { status: e.status, body: { errors: e.errors } };
    throw e;
  }
}

/** Every socket, so close() can end held and kept-alive connections at once. */
function trackSockets(server: http.Server): Set<Socket> {
  const sockets = new Set<Socket>();
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  return sockets;
}

function answerInternalError(res: http.ServerResponse, e: unknown): void {
  // a bug of ours: logged here, never sent (no message, no stack)
  console.error('[portdesk simulator]', e);
  if (!res.headersSent)
    send(res, 500, {
      errors: [{ code: '10000', title: 'Internal error', detail: 'The simulator failed on this request.' }],
    });
  else res.destroy();
}

export async function startSimServer(opts: SimServerOptions = {}): Promise<SimServer> {
  const sim = new PortingSimulator(opts);
  const controlToken = newSecret();
  let port = 0;
  const faults = createFaultBook();
  const hits = new Map<string, number>();
  const pauses = createPauses();
  const controls: ControlTarget = { sim, controlToken, addFaults: faults.add, clearFaults: faults.clear };

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const refused = refusal(req, port);
    if (refused) return send(res, refused.status, refused.body);
    let url: URL;
    try {
      url = new URL(req.url ?? '/', 'http://127.0.0.1');
    } catch {
      return send(res, 400, simError(400, 'Bad path', 'The request path is not a valid URL.'));
    }
    const route = url.pathname.replace(/^\/v2(?=\/)/, '');
    const method = req.method ?? 'GET';
    if (route === '/_sim' || route.startsWith('/_sim/')) return admin(controls, req, method, route, res);

    const key = `${method} ${route.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, '{id}')}`;
    hits.set(key, (hits.get(key) ?? 0) + 1);
    const auth = bearerOf(req);
    if (!auth || (opts.apiKey && !safeEqual(auth, opts.apiKey))) {
      return send(res, 401, simError(401, 'Authentication failed', 'The API key is missing or not valid.'));
    }
    const body = await readBody(req, MAX_BODY);
    if (body === null) return send(res, 413, simError(413, 'Body too large', `At most ${MAX_BODY} bytes.`));

    const fault = faults.take(method, route);
    if (fault?.delayMs) await pauses.pause(fault.delayMs);
    if (fault && sendFaultStatus(res, fault)) return;
    const result = apiAnswer(sim, req, method, route, url, body);
    if (fault?.dropAfterHandling) {
      res.socket?.destroy();
      return;
    }
    if (fault?.holdAfterHandlingMs) await pauses.pause(fault.holdAfterHandlingMs);
    if (res.destroyed || res.socket?.destroyed) return;
    // The client learns the simulated clock from every answer: it is reached only through its URL.
    send(res, result.status, result.body, {
      'X-Simulator-Now': new Date(sim.clock.now()).toISOString(),
      'X-Simulator-Speed': String(sim.clock.speed),
    });
  }

  const server = http.createServer((req, res) => {
    handle(req, res).catch((e: unknown) => answerInternalError(res, e));
  });
  const sockets = trackSockets(server);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/v2`,
    sim,
    controlToken,
    hits,
    addFaults: faults.add,
    clearFaults: faults.clear,
    async close() {
      pauses.cancelAll();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const s of sockets) s.destroy();
      });
    },
  };
}

type ControlTarget = Pick<SimServer, 'sim' | 'controlToken' | 'addFaults' | 'clearFaults'>;

/** The Telnyx routes, answered by the simulator's engine. */
function api(
  sim: PortingSimulator,
  method: string,
  route: string,
  q: URLSearchParams,
  raw: Buffer,
  contentType: string,
): { status: number; body: unknown } {
  const json = () => {
    if (raw.length === 0) return {};
    try {
      return JSON.parse(raw.toString('utf8')) as unknown;
    } catch {
      throw new SimError(400, [
        { code: '10015', title: 'Invalid JSON', detail: 'The request body is not valid JSON.' },
      ]);
    }
  };
  let m: RegExpExecArray | null;
  if (route === '/portability_checks' && method === 'POST') return sim.portabilityCheck(json());
  if (route === '/porting_orders' && method === 'POST') return sim.createOrders(json());
  if (route === '/porting_orders' && method === 'GET') return sim.listOrders(q);
  if (route === '/porting_orders/exception_types' && method === 'GET') return sim.exceptionTypes();
  if (route === '/porting/events' && method === 'GET') return sim.listEvents(q);
  if (route === '/documents' && method === 'POST') {
    if (contentType.startsWith('multipart/form-data')) {
      const parts = parseMultipart(raw, contentType);
      const file = parts.find((p) => p.name === 'file' && p.filename !== null);
      const ref = parts.find((p) => p.name === 'customer_reference')?.data.toString('utf8') ?? null;
      return sim.uploadDocument(
        file ? { bytes: file.data, filename: file.filename ?? 'document', contentType: file.contentType } : null,
        ref,
      );
    }
    const b = json() as { file?: string; filename?: string; customer_reference?: string };
    return sim.uploadDocument(
      b.file
        ? {
            bytes: Buffer.from(b.file, 'base64'),
            filename: b.filename ?? 'document',
            contentType: 'application/octet-stream',
          }
        : null,
      b.customer_reference ?? null,
    );
  }
  if (route === '/documents' && method === 'GET') return sim.listDocuments(q);
  if (route === '/customer_service_records/phone_number_coverages' && method === 'POST')
    return sim.csr.coverage(json());
  if (route === '/customer_service_records' && method === 'POST') return sim.csr.create(json());
  if (route === '/customer_service_records' && method === 'GET') return sim.csr.list(q);
  const idOf = (part: string) => {
    const id = decodePathPart(part);
    if (id === null)
      throw new SimError(400, simError(400, 'Bad path', 'The order id in the path is not valid URL encoding.').errors);
    return id;
  };
  if ((m = /^\/customer_service_records\/([^/]+)$/.exec(route)) && method === 'GET') return sim.csr.get(idOf(m[1]!));
  if ((m = /^\/porting_orders\/([^/]+)$/.exec(route))) {
    const id = idOf(m[1]!);
    if (method === 'GET') return sim.getOrder(id, q);
    if (method === 'PATCH') return sim.updateOrder(id, json());
  }
  if (
    (m =
      /^\/porting_orders\/([^/]+)\/(actions\/confirm|actions\/cancel|allowed_foc_windows|requirements|comments|additional_documents)$/.exec(
        route,
      ))
  ) {
    const id = idOf(m[1]!);
    const what = m[2]!;
    if (what === 'actions/confirm' && method === 'POST') return sim.confirm(id);
    if (what === 'actions/cancel' && method === 'POST') return sim.cancel(id);
    if (what === 'allowed_foc_windows' && method === 'GET') return sim.focWindows(id);
    if (what === 'requirements' && method === 'GET') return sim.requirements(id, q);
    if (what === 'comments' && method === 'GET') return sim.listComments(id, q);
    if (what === 'comments' && method === 'POST') return sim.addComment(id, json());
    if (what === 'additional_documents' && method === 'GET') return sim.listAdditionalDocuments(id, q);
    if (what === 'additional_documents' && method === 'POST') return sim.addAdditionalDocuments(id, json());
  }
  throw new SimError(404, [
    { code: '10005', title: 'Resource not found', detail: `The simulator does not implement ${method} ${route}.` },
  ]);
}

/** The /_sim/* controls: they need the per-launch control token. */
async function admin(
  server: ControlTarget,
  req: http.IncomingMessage,
  method: string,
  route: string,
  res: http.ServerResponse,
): Promise<void> {
  const { sim, controlToken } = server;
  const auth = bearerOf(req);
  if (!auth || !safeEqual(auth, controlToken)) {
    return send(
      res,
      401,
      simError(
        401,
        'Authentication failed',
        'The simulator controls need "Authorization: Bearer <control token>" (printed by "portdesk sim" when it starts).',
      ),
    );
  }
  const control = `${method} ${route}`;
  const clock = () => ({ now: new Date(sim.clock.now()).toISOString(), speed: sim.clock.speed });
  switch (control) {
    case 'GET /_sim/clock':
      return send(res, 200, clock());
    case 'GET /_sim/orders':
      return send(res, 200, { data: sim.dump() });
    case 'DELETE /_sim/faults':
      server.clearFaults();
      return send(res, 200, { ok: true });
    case 'POST /_sim/clock': {
      const body = await controlBody(req, res, SimClockBody);
      if (!body) return;
      if (body.speed !== undefined) sim.setSpeed(body.speed);
      sim.advance((body.advanceMinutes ?? 0) * 60_000);
      return send(res, 200, clock());
    }
    case 'PUT /_sim/carrier_records': {
      const body = await controlBody(req, res, SimCarrierRecordsBody);
      if (!body) return;
      const records: CsrOnFile[] = body.records;
      sim.setCarrierRecords(records);
      return send(res, 200, { ok: true });
    }
    case 'POST /_sim/faults': {
      const body = await controlBody(req, res, SimFaultsBody);
      if (!body) return;
      server.addFaults(body.faults);
      return send(res, 200, { ok: true });
    }
    default:
      return send(res, 404, simError(404, 'Unknown simulator control', control.slice(0, 200)));
  }
}

/** A control's JSON body, checked; on any problem the answer is sent and null returned. */
async function controlBody<S extends z.ZodType>(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  schema: S,
): Promise<z.infer<S> | null> {
  if (!/^application\/json\b/i.test(req.headers['content-type'] ?? '')) {
    send(
      res,
      415,
      simError(415, 'Unsupported media type', 'The simulator controls accept Content-Type: application/json only.'),
    );
    return null;
  }
  const raw = await readBody(req, MAX_BODY);
  if (raw === null) {
    send(res, 413, simError(413, 'Body too large', `At most ${MAX_BODY} bytes.`));
    return null;
  }
  let json: unknown;
  try {
    json = JSON.parse(raw.toString('utf8'));
  } catch {
    send(res, 400, simError(400, 'Invalid JSON', 'The request body is not valid JSON.'));
    return null;
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const detail = parsed.error.issues
      .slice(0, 5)
      .map((i) => `${i.path.join('.') || 'body'}: ${i.message}`)
      .join('; ');
    send(res, 400, simError(400, 'Invalid control', detail));
    return null;
  }
  return parsed.data as z.infer<S>;
}

function send(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = status === 204 ? '' : JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store', ...headers });
  res.end(text);
}

/**
 * The route (without /v2) against a fault's path: literal characters, `*` for any run of characters
 * inside one segment, a `**` segment for any number of segments. Linear-time per segment pair, so no
 * pattern can keep the simulator busy (a client-sent regular expression once held a core for 34 s).
 */
export function globMatches(glob: string, route: string): boolean {
  const segments = route.split('/');
  // reachable[j]: the pattern read so far can consume exactly the first j segments of the route
  let reachable = Array.from({ length: segments.length + 1 }, (_, j) => j === 0);
  for (const part of glob.split('/')) {
    const next = new Array<boolean>(segments.length + 1).fill(false);
    if (part === '**') {
      let seen = false;
      for (let j = 0; j <= segments.length; j++) next[j] = seen ||= reachable[j]!;
    } else {
      for (let j = 0; j < segments.length; j++)
        if (reachable[j] && segmentMatches(part, segments[j]!)) next[j + 1] = true;
    }
    reachable = next;
  }
  return reachable[segments.length]!;
}

/** One segment against a pattern where `*` is any run of characters (greedy with one backtrack point). */
function segmentMatches(pattern: string, text: string): boolean {
  let p = 0;
  let t = 0;
  let star = -1;
  let resume = 0;
  while (t < text.length) {
    if (p < pattern.length && pattern[p] === '*') {
      star = p++;
      resume = t;
    } else if (p < pattern.length && pattern[p] === text[t]) {
      p++;
      t++;
    } else if (star !== -1) {
      p = star + 1;
      t = ++resume;
    } else return false;
  }
  while (p < pattern.length && pattern[p] === '*') p++;
  return p === pattern.length;
}

function readBody(req: http.IncomingMessage, limit: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooBig = false;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > limit) tooBig = true;
      else chunks.push(c);
    });
    req.on('end', () => resolve(tooBig ? null : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

interface Part {
  name: string;
  filename: string | null;
  contentType: string;
  data: Buffer;
}

/** Just enough multipart/form-data for POST /documents. */
export function parseMultipart(body: Buffer, contentType: string): Part[] {
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType);
  const b = boundary?.[1] ?? boundary?.[2];
  if (!b)
    throw new SimError(400, [
      { code: '10015', title: 'Invalid multipart body', detail: 'No boundary in Content-Type.' },
    ]);
  const delimiter = Buffer.from(`--${b}`);
  const parts: Part[] = [];
  let pos = body.indexOf(delimiter);
  while (pos !== -1) {
    const start = pos + delimiter.length;
    if (body.subarray(start, start + 2).toString() === '--') break;
    const next = body.indexOf(delimiter, start);
    if (next === -1) break;
    const chunk = body.subarray(start + 2, next - 2); // skip CRLF after the delimiter and before the next one
    const headerEnd = chunk.indexOf('\r\n\r\n');
    if (headerEnd !== -1) {
      const headers = chunk.subarray(0, headerEnd).toString('utf8');
      const name = /name="([^"]*)"/i.exec(headers)?.[1] ?? '';
      const filename = /filename="([^"]*)"/i.exec(headers)?.[1] ?? null;
      const type = /content-type:\s*([^\r\n]+)/i.exec(headers)?.[1]?.trim() ?? 'application/octet-stream';
      parts.push({ name, filename, contentType: type, data: chunk.subarray(headerEnd + 4) });
    }
    pos = next;
  }
  return parts;
}
