import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { PortingSimulator, SimError, type SimulatorOptions } from './engine.js';
import type { CsrOnFile } from './reviewer.js';

/**
 * The simulator over HTTP on 127.0.0.1: the Telnyx paths PortDesk uses under /v2 (and at the root,
 * so a base URL with or without /v2 works), plus /_sim/* controls for tests and demos: the clock,
 * carrier records (CSRs on file) and injected faults (429 storms, delays, answers lost after the
 * work was done).
 */

export interface Fault {
  method?: string;
  /** regular expression matched against the path (without /v2) */
  path?: string;
  /** answer with this status instead of handling the request */
  status?: number;
  /** seconds, sent as Retry-After with the status */
  retryAfter?: number;
  /** wait this long before handling */
  delayMs?: number;
  /** handle the request, then drop the connection (the client never learns the outcome) */
  dropAfterHandling?: boolean;
  /** handle the request, then wait this long before answering (a client timeout after the work was done) */
  holdAfterHandlingMs?: number;
  /** how many requests it applies to */
  times?: number;
}

export interface SimServerOptions extends SimulatorOptions {
  port?: number;
  /** the only bearer token accepted; null/undefined = any non-empty token */
  apiKey?: string | null;
}

export interface SimServer {
  readonly url: string;
  readonly sim: PortingSimulator;
  addFaults(faults: Fault[]): void;
  clearFaults(): void;
  /** requests received, by "METHOD /path" (tests count creates, confirms…) */
  readonly hits: Map<string, number>;
  close(): Promise<void>;
}

const MAX_BODY = 25 * 1024 * 1024;

export async function startSimServer(opts: SimServerOptions = {}): Promise<SimServer> {
  const sim = new PortingSimulator(opts);
  const faults: (Fault & { left: number })[] = [];
  const hits = new Map<string, number>();
  const sockets = new Set<import('node:net').Socket>();
  // Injected delays end with the server: a held answer must not keep the process alive.
  const timers = new Set<NodeJS.Timeout>();
  const pause = (ms: number) => new Promise<void>((resolve) => {
    const t = setTimeout(() => { timers.delete(t); resolve(); }, ms);
    timers.add(t);
  });

  const server = http.createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      if (!res.headersSent) send(res, 500, { errors: [{ code: '10000', title: 'Internal error', detail: (e as Error).message }] });
      else res.destroy();
    });
  });
  server.on('connection', (s) => { sockets.add(s); s.on('close', () => sockets.delete(s)); });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const route = url.pathname.replace(/^\/v2(?=\/)/, '');
    const method = req.method ?? 'GET';
    const body = await readBody(req);
    if (body === null) return send(res, 413, { errors: [{ code: '10015', title: 'Body too large', detail: `At most ${MAX_BODY} bytes.` }] });

    if (route.startsWith('/_sim/')) return admin(method, route, body, res);

    const key = `${method} ${route.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, '{id}')}`;
    hits.set(key, (hits.get(key) ?? 0) + 1);

    const auth = /^Bearer\s+(.+)$/i.exec(req.headers.authorization ?? '')?.[1]?.trim();
    if (!auth || (opts.apiKey && auth !== opts.apiKey)) {
      return send(res, 401, { errors: [{ code: '10009', title: 'Authentication failed', detail: 'The API key is missing or not valid.' }] });
    }

    const fault = faults.find((f) => f.left > 0 && (!f.method || f.method === method) && (!f.path || new RegExp(f.path).test(route)));
    if (fault) {
      fault.left--;
      if (fault.delayMs) await pause(fault.delayMs);
      if (fault.status) {
        return send(res, fault.status, { errors: [{ code: String(fault.status), title: fault.status === 429 ? 'Too many requests' : 'Simulated failure', detail: 'Injected by the simulator.' }] },
          fault.retryAfter !== undefined ? { 'Retry-After': String(fault.retryAfter) } : {});
      }
    }
    let result: { status: number; body: unknown };
    try {
      result = api(method, route, url.searchParams, body, req.headers['content-type'] ?? '');
    } catch (e) {
      if (e instanceof SimError) result = { status: e.status, body: { errors: e.errors } };
      else throw e;
    }
    if (fault?.dropAfterHandling) { res.socket?.destroy(); return; }
    if (fault?.holdAfterHandlingMs) await pause(fault.holdAfterHandlingMs);
    if (res.destroyed || res.socket?.destroyed) return;
    send(res, result.status, result.body);
  }

  function api(method: string, route: string, q: URLSearchParams, raw: Buffer, contentType: string): { status: number; body: unknown } {
    const json = () => {
      if (raw.length === 0) return {};
      try {
        return JSON.parse(raw.toString('utf8')) as unknown;
      } catch {
        throw new SimError(400, [{ code: '10015', title: 'Invalid JSON', detail: 'The request body is not valid JSON.' }]);
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
        return sim.uploadDocument(file ? { bytes: file.data, filename: file.filename ?? 'document', contentType: file.contentType } : null, ref);
      }
      const b = json() as { file?: string; filename?: string; customer_reference?: string };
      return sim.uploadDocument(b.file ? { bytes: Buffer.from(b.file, 'base64'), filename: b.filename ?? 'document', contentType: 'application/octet-stream' } : null, b.customer_reference ?? null);
    }
    if (route === '/documents' && method === 'GET') return sim.listDocuments(q);
    if ((m = /^\/porting_orders\/([^/]+)$/.exec(route))) {
      const id = decodeURIComponent(m[1]!);
      if (method === 'GET') return sim.getOrder(id, q);
      if (method === 'PATCH') return sim.updateOrder(id, json());
    }
    if ((m = /^\/porting_orders\/([^/]+)\/(actions\/confirm|actions\/cancel|allowed_foc_windows|requirements|comments|additional_documents)$/.exec(route))) {
      const id = decodeURIComponent(m[1]!);
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
    throw new SimError(404, [{ code: '10005', title: 'Resource not found', detail: `The simulator does not implement ${method} ${route}.` }]);
  }

  function admin(method: string, route: string, raw: Buffer, res: http.ServerResponse): void {
    const body = (raw.length ? JSON.parse(raw.toString('utf8')) : {}) as Record<string, unknown>;
    const clock = () => ({ now: new Date(sim.clock.now()).toISOString(), speed: sim.clock.speed });
    if (route === '/_sim/clock' && method === 'GET') return send(res, 200, clock());
    if (route === '/_sim/clock' && method === 'POST') {
      if (typeof body.speed === 'number') sim.setSpeed(body.speed);
      sim.advance(typeof body.advanceMinutes === 'number' ? body.advanceMinutes * 60_000 : 0);
      return send(res, 200, clock());
    }
    if (route === '/_sim/carrier_records' && method === 'PUT') {
      sim.setCarrierRecords((body.records ?? []) as CsrOnFile[]);
      return send(res, 200, { ok: true });
    }
    if (route === '/_sim/faults' && method === 'POST') {
      addFaults((body.faults ?? []) as Fault[]);
      return send(res, 200, { ok: true });
    }
    if (route === '/_sim/faults' && method === 'DELETE') {
      faults.length = 0;
      return send(res, 200, { ok: true });
    }
    if (route === '/_sim/orders' && method === 'GET') return send(res, 200, { data: sim.dump() });
    send(res, 404, { errors: [{ title: 'Unknown simulator control', detail: `${method} ${route}` }] });
  }

  function addFaults(list: Fault[]): void {
    for (const f of list) faults.push({ ...f, left: f.times ?? 1 });
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v2`,
    sim,
    hits,
    addFaults,
    clearFaults: () => { faults.length = 0; },
    async close() {
      for (const t of timers) clearTimeout(t);
      timers.clear();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const s of sockets) s.destroy();
      });
    },
  };
}

function send(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = status === 204 ? '' : JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store', ...headers });
  res.end(text);
}

function readBody(req: http.IncomingMessage): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooBig = false;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) tooBig = true;
      else chunks.push(c);
    });
    req.on('end', () => resolve(tooBig ? null : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

interface Part { name: string; filename: string | null; contentType: string; data: Buffer }

/** Just enough multipart/form-data for POST /documents. */
export function parseMultipart(body: Buffer, contentType: string): Part[] {
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType);
  const b = boundary?.[1] ?? boundary?.[2];
  if (!b) throw new SimError(400, [{ code: '10015', title: 'Invalid multipart body', detail: 'No boundary in Content-Type.' }]);
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
