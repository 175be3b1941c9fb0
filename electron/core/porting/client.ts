import type { z } from 'zod';
import { AppError, type ErrorCode } from '../../../shared/contract/rpc.js';
import {
  AdditionalDocument,
  ApiErrors,
  DocServiceDocument,
  FocWindow,
  OrderComment,
  PortabilityCheckResult,
  PortingEvent,
  PortingOrder,
  RequirementDetail,
  dataOf,
  pageOf,
  type ApiErrorItem,
  type CreateAdditionalDocumentsBody,
  type CreatePortingOrderBody,
  type UpdatePortingOrderBody,
} from '../../../shared/porting/telnyx.js';
import { CsrCoverage, CustomerServiceRecord, type CreateCsrBody } from '../../../shared/porting/csr.js';

/**
 * A small Telnyx Porting V2 client over global fetch. Rules it enforces, because the official SDK
 * does not: a call that creates something (order, document, link, comment) or moves an order
 * (confirm, cancel) is never retried blindly — when its outcome is unknown (timeout, dropped
 * connection, 5xx) it fails with `uncertain` and the caller reconciles first. Only calls that are
 * safe to repeat are retried, with exponential backoff; a 429 is retried for every call (the API
 * refuses it before doing anything) after the Retry-After it names, and holds back every other
 * request of this client until then.
 */

export const TELNYX_BASE_URL = 'https://api.telnyx.com/v2';

export type FailureKind =
  | 'auth'
  | 'rejected'
  | 'not-found'
  | 'unreachable'
  | 'rate-limited'
  | 'server'
  | 'uncertain'
  | 'bad-response';

const FAILURE_CODE: Record<FailureKind, ErrorCode> = {
  auth: 'API_AUTH',
  rejected: 'API_ERROR',
  'not-found': 'NOT_FOUND',
  unreachable: 'API_UNREACHABLE',
  'rate-limited': 'API_UNREACHABLE',
  server: 'API_ERROR',
  uncertain: 'API_UNREACHABLE',
  'bad-response': 'API_ERROR',
};

/** Every way a call can fail, with what the caller needs to decide: retry later, reconcile, or show. */
export class ApiFailure extends AppError {
  constructor(
    readonly kind: FailureKind,
    message: string,
    readonly status: number | null = null,
    readonly apiErrors: ApiErrorItem[] = [],
    /** for rate-limited: how long the API asked us to wait */
    readonly retryAfterMs: number | null = null,
  ) {
    super(
      FAILURE_CODE[kind],
      message,
      apiErrors.length ? { status, errors: apiErrors } : status === null ? undefined : { status },
    );
    this.name = 'ApiFailure';
  }
  /** worth trying again later without looking anything up first */
  get transient(): boolean {
    return this.kind === 'unreachable' || this.kind === 'rate-limited' || this.kind === 'server';
  }
}

export interface AuditEntry {
  method: string;
  path: string;
  status: number | null;
  ms: number;
  attempt: number;
  outcome: string;
  orderId: string | null;
  caseId: number | null;
}

/** What went over the wire, for contract tests (validated against the OpenAPI subset). */
export interface Exchange {
  method: string;
  path: string;
  query: Record<string, string>;
  requestContentType: 'application/json' | 'multipart/form-data' | null;
  requestBody: unknown;
  status: number | null;
  responseBody: unknown;
}

export interface ClientOptions {
  baseUrl: string;
  apiKey: string;
  /** per attempt */
  timeoutMs?: number;
  /** attempts for calls that are safe to repeat (and for 429s) */
  maxAttempts?: number;
  /** longest Retry-After honoured inline; longer ones fail as rate-limited so the outbox reschedules */
  maxInlineWaitMs?: number;
  backoffBaseMs?: number;
  audit?: (entry: AuditEntry) => void;
  observe?: (exchange: Exchange) => void;
  /**
   * The API's own clock, when it states one (the simulator runs its clock ahead on demand and says
   * so in X-Simulator-Now / X-Simulator-Speed; Telnyx does not, and runs on real time).
   */
  clock?: (apiNowMs: number, speed: number) => void;
}

interface CallSpec<S extends z.ZodType> {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  path: string;
  query?: Record<string, string | number | undefined>;
  json?: unknown;
  form?: { file: { bytes: Uint8Array; fileName: string; contentType: string }; fields: Record<string, string> };
  /** safe to send twice with the same effect */
  idempotent: boolean;
  schema: S;
  orderId?: string | null;
  caseId?: number | null;
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Retry-After is seconds or an HTTP date. */
export function retryAfterMs(header: string | null, now = Date.now()): number | null {
  if (!header) return null;
  const s = header.trim();
  if (/^\d+(\.\d+)?$/.test(s)) return Math.round(Number(s) * 1000);
  const t = Date.parse(s);
  return Number.isFinite(t) ? Math.max(0, t - now) : null;
}

/**
 * Errors where the request certainly never reached the server whole (so it cannot have been
 * done): no connection, or the write failed on a connection the server had closed (EPIPE).
 */
const NOT_SENT = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ERR_INVALID_URL',
  'UND_ERR_CONNECT_TIMEOUT',
  'EPIPE',
]);

function networkCode(err: unknown): string {
  const e = err as { name?: string; code?: string; cause?: { code?: string; name?: string } };
  if (e?.name === 'TimeoutError' || e?.name === 'AbortError') return 'TIMEOUT';
  return e?.cause?.code ?? e?.code ?? e?.cause?.name ?? 'NETWORK';
}

export class TelnyxClient {
  private readonly timeoutMs: number;
  private readonly maxAttempts: number;
  private readonly maxInlineWaitMs: number;
  private readonly backoffBaseMs: number;
  /** a 429 holds every request of this client until then (epoch ms) */
  private holdUntil = 0;

  constructor(private readonly opts: ClientOptions) {
    this.timeoutMs = opts.timeoutMs ?? 20_000;
    this.maxAttempts = opts.maxAttempts ?? 5;
    this.maxInlineWaitMs = opts.maxInlineWaitMs ?? 30_000;
    this.backoffBaseMs = opts.backoffBaseMs ?? 400;
  }

  get baseUrl(): string {
    return this.opts.baseUrl;
  }

  // --- the calls PortDesk makes ------------------------------------------------------------

  async portabilityCheck(phoneNumbers: string[], caseId?: number): Promise<PortabilityCheckResult[]> {
    // A check changes nothing at Telnyx: safe to repeat.
    return (
      await this.call({
        method: 'POST',
        path: '/portability_checks',
        json: { phone_numbers: phoneNumbers },
        idempotent: true,
        schema: dataOf(PortabilityCheckResult.array()),
        caseId,
      })
    ).data;
  }

  async createOrders(body: CreatePortingOrderBody, caseId?: number): Promise<PortingOrder[]> {
    return (
      await this.call({
        method: 'POST',
        path: '/porting_orders',
        json: body,
        idempotent: false,
        schema: dataOf(PortingOrder.array()),
        caseId,
      })
    ).data;
  }

  async listOrders(
    filter: { customer_reference?: string },
    page = 1,
    pageSize = 100,
  ): Promise<{ orders: PortingOrder[]; totalPages: number }> {
    const res = await this.call({
      method: 'GET',
      path: '/porting_orders',
      idempotent: true,
      schema: pageOf(PortingOrder),
      query: {
        'filter[customer_reference]': filter.customer_reference,
        'page[number]': page,
        'page[size]': pageSize,
        include_phone_numbers: 'true',
      },
    });
    return { orders: res.data, totalPages: res.meta?.total_pages ?? 1 };
  }

  async getOrder(id: string, caseId?: number): Promise<PortingOrder> {
    return (
      await this.call({
        method: 'GET',
        path: `/porting_orders/${enc(id)}`,
        query: { include_phone_numbers: 'true' },
        idempotent: true,
        schema: dataOf(PortingOrder),
        orderId: id,
        caseId,
      })
    ).data;
  }

  /** PATCH sets the listed fields to the given values: sending it twice has the same effect. */
  async updateOrder(id: string, body: UpdatePortingOrderBody, caseId?: number): Promise<PortingOrder> {
    return (
      await this.call({
        method: 'PATCH',
        path: `/porting_orders/${enc(id)}`,
        json: body,
        idempotent: true,
        schema: dataOf(PortingOrder),
        orderId: id,
        caseId,
      })
    ).data;
  }

  async confirmOrder(id: string, caseId?: number): Promise<PortingOrder> {
    return (
      await this.call({
        method: 'POST',
        path: `/porting_orders/${enc(id)}/actions/confirm`,
        idempotent: false,
        schema: dataOf(PortingOrder),
        orderId: id,
        caseId,
      })
    ).data;
  }

  async cancelOrder(id: string, caseId?: number): Promise<PortingOrder> {
    return (
      await this.call({
        method: 'POST',
        path: `/porting_orders/${enc(id)}/actions/cancel`,
        idempotent: false,
        schema: dataOf(PortingOrder),
        orderId: id,
        caseId,
      })
    ).data;
  }

  async focWindows(id: string, caseId?: number): Promise<FocWindow[]> {
    return (
      await this.call({
        method: 'GET',
        path: `/porting_orders/${enc(id)}/allowed_foc_windows`,
        idempotent: true,
        schema: pageOf(FocWindow),
        orderId: id,
        caseId,
      })
    ).data;
  }

  async requirements(id: string, caseId?: number): Promise<z.infer<typeof RequirementDetail>[]> {
    return (
      await this.call({
        method: 'GET',
        path: `/porting_orders/${enc(id)}/requirements`,
        query: { 'page[size]': 100 },
        idempotent: true,
        schema: pageOf(RequirementDetail),
        orderId: id,
        caseId,
      })
    ).data;
  }

  async listComments(id: string, caseId?: number): Promise<OrderComment[]> {
    const out: OrderComment[] = [];
    for (let page = 1; page <= 20; page++) {
      const res = await this.call({
        method: 'GET',
        path: `/porting_orders/${enc(id)}/comments`,
        query: { 'page[number]': page, 'page[size]': 100 },
        idempotent: true,
        schema: pageOf(OrderComment),
        orderId: id,
        caseId,
      });
      out.push(...res.data);
      if (page >= (res.meta?.total_pages ?? 1) || res.data.length === 0) break;
    }
    return out;
  }

  async createComment(id: string, body: string, caseId?: number): Promise<OrderComment> {
    return (
      await this.call({
        method: 'POST',
        path: `/porting_orders/${enc(id)}/comments`,
        json: { body },
        idempotent: false,
        schema: dataOf(OrderComment),
        orderId: id,
        caseId,
      })
    ).data;
  }

  async uploadDocument(
    file: { bytes: Uint8Array; fileName: string; contentType: string },
    customerReference: string,
    caseId?: number,
  ): Promise<DocServiceDocument> {
    return (
      await this.call({
        method: 'POST',
        path: '/documents',
        form: { file, fields: { customer_reference: customerReference } },
        idempotent: false,
        schema: dataOf(DocServiceDocument),
        caseId,
      })
    ).data;
  }

  async findDocuments(customerReference: string, caseId?: number): Promise<DocServiceDocument[]> {
    return (
      await this.call({
        method: 'GET',
        path: '/documents',
        query: { 'filter[customer_reference][eq]': customerReference, 'page[size]': 50 },
        idempotent: true,
        schema: pageOf(DocServiceDocument),
        caseId,
      })
    ).data;
  }

  async addAdditionalDocuments(
    id: string,
    body: CreateAdditionalDocumentsBody,
    caseId?: number,
  ): Promise<z.infer<typeof AdditionalDocument>[]> {
    return (
      await this.call({
        method: 'POST',
        path: `/porting_orders/${enc(id)}/additional_documents`,
        json: body,
        idempotent: false,
        schema: pageOf(AdditionalDocument),
        orderId: id,
        caseId,
      })
    ).data;
  }

  async listAdditionalDocuments(id: string, caseId?: number): Promise<z.infer<typeof AdditionalDocument>[]> {
    return (
      await this.call({
        method: 'GET',
        path: `/porting_orders/${enc(id)}/additional_documents`,
        query: { 'page[size]': 100 },
        idempotent: true,
        schema: pageOf(AdditionalDocument),
        orderId: id,
        caseId,
      })
    ).data;
  }

  async listEvents(
    createdFrom: string | null,
    page = 1,
    pageSize = 100,
  ): Promise<{ events: PortingEvent[]; totalPages: number }> {
    const res = await this.call({
      method: 'GET',
      path: '/porting/events',
      idempotent: true,
      schema: pageOf(PortingEvent),
      query: { 'filter[created_at][gte]': createdFrom ?? undefined, 'page[number]': page, 'page[size]': pageSize },
    });
    return { events: res.data, totalPages: res.meta?.total_pages ?? 1 };
  }

  // --- customer service records (the losing carrier's CSR on request) ---------------------

  async csrCoverage(phoneNumbers: string[], caseId?: number): Promise<CsrCoverage[]> {
    // A coverage check changes nothing: safe to repeat.
    return (
      await this.call({
        method: 'POST',
        path: '/customer_service_records/phone_number_coverages',
        json: { phone_numbers: phoneNumbers },
        idempotent: true,
        schema: dataOf(CsrCoverage.array()),
        caseId,
      })
    ).data;
  }

  async createCsr(body: CreateCsrBody, caseId?: number): Promise<CustomerServiceRecord> {
    return (
      await this.call({
        method: 'POST',
        path: '/customer_service_records',
        json: body,
        idempotent: false,
        schema: dataOf(CustomerServiceRecord),
        caseId,
      })
    ).data;
  }

  async getCsr(id: string, caseId?: number): Promise<CustomerServiceRecord> {
    return (
      await this.call({
        method: 'GET',
        path: `/customer_service_records/${enc(id)}`,
        idempotent: true,
        schema: dataOf(CustomerServiceRecord),
        caseId,
      })
    ).data;
  }

  /** Records of one number created after a moment (to find a request whose answer was lost). */
  async listCsrs(phoneNumber: string, createdAfter?: string, caseId?: number): Promise<CustomerServiceRecord[]> {
    return (
      await this.call({
        method: 'GET',
        path: '/customer_service_records',
        idempotent: true,
        schema: pageOf(CustomerServiceRecord),
        query: {
          'filter[phone_number][eq]': phoneNumber,
          'filter[created_at][gt]': createdAfter,
          'page[number]': 1,
          'page[size]': 100,
        },
        caseId,
      })
    ).data;
  }

  // --- transport ---------------------------------------------------------------------------

  private async call<S extends z.ZodType>(spec: CallSpec<S>): Promise<z.output<S>> {
    const query = Object.fromEntries(
      Object.entries(spec.query ?? {})
        .filter(([, v]) => v !== undefined)
        .map(([k, v]) => [k, String(v)]),
    );
    const qs = new URLSearchParams(query).toString();
    const url = this.opts.baseUrl.replace(/\/+$/, '') + spec.path + (qs ? `?${qs}` : '');
    const auditPath = spec.path + (qs ? `?${decodeURIComponent(qs)}` : '');
    for (let attempt = 1; ; attempt++) {
      await this.waitOutRateLimit();
      const started = Date.now();
      const audit: AuditAttempt = (status, outcome) =>
        this.opts.audit?.({
          method: spec.method,
          path: auditPath,
          status,
          ms: Date.now() - started,
          attempt,
          outcome,
          orderId: spec.orderId ?? null,
          caseId: spec.caseId ?? null,
        });
      const exchange = exchangeOf(spec, query);
      let res: Response;
      try {
        res = await this.send(spec, url);
      } catch (err) {
        await this.retryAfterNetworkError(spec, err, attempt, audit, exchange);
        continue;
      }
      this.followSimulatorClock(res);
      const text = await res.text().catch(() => '');
      const body = parseJson(text);
      exchange.status = res.status;
      exchange.responseBody = body;
      this.opts.observe?.(exchange);
      if (res.ok) return this.parseAnswer(spec, res.status, body, audit);
      await this.retryAfterRefusal(spec, res, body, attempt, audit);
    }
  }

  /** Waits while Telnyx asked to slow down, or fails at once when the wait is too long to hold the caller. */
  private async waitOutRateLimit(): Promise<void> {
    const wait = this.holdUntil - Date.now();
    if (wait <= 0) return;
    if (wait > this.maxInlineWaitMs) {
      throw new ApiFailure(
        'rate-limited',
        `Telnyx asked PortDesk to slow down; it will try again in ${Math.ceil(wait / 1000)} s.`,
        429,
        [],
        wait,
      );
    }
    await sleep(wait);
  }

  private send(spec: CallSpec<z.ZodType>, url: string): Promise<Response> {
    return fetch(url, {
      method: spec.method,
      headers: {
        Authorization: `Bearer ${this.opts.apiKey}`,
        Accept: 'application/json',
        ...(spec.json !== undefined ? { 'Content-Type': 'application/json' } : {}),
      },
      body: spec.form ? formData(spec.form) : spec.json !== undefined ? JSON.stringify(spec.json) : undefined,
      signal: AbortSignal.timeout(this.timeoutMs),
    });
  }

  /** The simulator states its clock in headers; Telnyx does not, so this is a no-op against it. */
  private followSimulatorClock(res: Response): void {
    const stated = Date.parse(res.headers.get('x-simulator-now') ?? '');
    if (Number.isFinite(stated)) this.opts.clock?.(stated, Number(res.headers.get('x-simulator-speed') ?? '1') || 0);
  }

  /** Resolves when the request should be sent again; throws when it must not be (it may have been done). */
  private async retryAfterNetworkError(
    spec: CallSpec<z.ZodType>,
    err: unknown,
    attempt: number,
    audit: AuditAttempt,
    exchange: Exchange,
  ): Promise<void> {
    const code = networkCode(err);
    const notSent = NOT_SENT.has(code);
    audit(null, code);
    this.opts.observe?.(exchange);
    if (spec.idempotent || notSent) {
      if (attempt < this.maxAttempts && !notSent) {
        await sleep(this.backoff(attempt));
        return;
      }
      throw new ApiFailure('unreachable', unreachableMessage(this.opts.baseUrl, code));
    }
    throw new ApiFailure(
      'uncertain',
      `No answer from ${hostOf(this.opts.baseUrl)} to ${spec.method} ${spec.path} (${code === 'TIMEOUT' ? 'timed out' : code}): it may or may not have been done. PortDesk will check before trying again.`,
    );
  }

  private parseAnswer<S extends z.ZodType>(
    spec: CallSpec<S>,
    status: number,
    body: unknown,
    audit: AuditAttempt,
  ): z.output<S> {
    const parsed = spec.schema.safeParse(body);
    if (!parsed.success) {
      audit(status, 'bad-response');
      const issue = parsed.error.issues[0];
      throw new ApiFailure(
        'bad-response',
        `${hostOf(this.opts.baseUrl)} answered ${spec.method} ${spec.path} with data PortDesk does not understand (${issue ? `${issue.path.join('.')}: ${issue.message}` : 'unexpected shape'}).`,
        status,
      );
    }
    audit(status, 'ok');
    return parsed.data;
  }

  /** An HTTP error answer: resolves when the request should be sent again (429, 5xx on a safe call), else throws. */
  private async retryAfterRefusal(
    spec: CallSpec<z.ZodType>,
    res: Response,
    body: unknown,
    attempt: number,
    audit: AuditAttempt,
  ): Promise<void> {
    const apiErrors = ApiErrors.safeParse(body).data?.errors ?? [];
    if (res.status === 429) {
      const after = retryAfterMs(res.headers.get('retry-after')) ?? this.backoff(attempt);
      this.holdUntil = Math.max(this.holdUntil, Date.now() + after);
      audit(429, `rate-limited ${after}ms`);
      if (attempt < this.maxAttempts && after <= this.maxInlineWaitMs) return;
      throw new ApiFailure(
        'rate-limited',
        `Telnyx is rate limiting PortDesk; it will try again in ${Math.ceil(after / 1000)} s.`,
        429,
        apiErrors,
        after,
      );
    }
    if (res.status >= 500 || res.status === 408) {
      audit(res.status, 'server-error');
      if (spec.idempotent && attempt < this.maxAttempts) {
        await sleep(this.backoff(attempt));
        return;
      }
      throw new ApiFailure(
        spec.idempotent ? 'server' : 'uncertain',
        spec.idempotent
          ? `${hostOf(this.opts.baseUrl)} had a problem (HTTP ${res.status}) with ${spec.method} ${spec.path}; PortDesk will try again later.`
          : `${hostOf(this.opts.baseUrl)} failed (HTTP ${res.status}) on ${spec.method} ${spec.path}; it may or may not have been done. PortDesk will check before trying again.`,
        res.status,
        apiErrors,
      );
    }
    audit(res.status, 'refused');
    throw this.refusal(spec, res.status, apiErrors);
  }

  /** A final refusal (bad key, no permission, unknown id, invalid request) in words the user can act on. */
  private refusal(spec: CallSpec<z.ZodType>, status: number, apiErrors: ApiErrorItem[]): ApiFailure {
    if (status === 401 || status === 403) {
      return new ApiFailure(
        'auth',
        status === 401
          ? `${apiLabel(this.opts.baseUrl)} refused the API key (401 Unauthorized). Check the key in Settings → Porting: it must be a Telnyx V2 API key of the account that will receive the numbers.`
          : 'The Telnyx API key has no permission for porting (403 Forbidden). Use a key of an account with porting enabled.',
        status,
        apiErrors,
      );
    }
    if (status === 404) {
      return new ApiFailure(
        'not-found',
        `${spec.method} ${spec.path}: not found at ${hostOf(this.opts.baseUrl)}${spec.orderId ? ` (order ${spec.orderId} may have been deleted; drafts are deleted after 30 days)` : ''}.`,
        404,
        apiErrors,
      );
    }
    const first = apiErrors[0];
    const why = first ? [first.title, first.detail].filter(Boolean).join(': ') : `HTTP ${status}`;
    return new ApiFailure(
      'rejected',
      `${apiLabel(this.opts.baseUrl)} refused ${spec.method} ${spec.path}: ${why}`,
      status,
      apiErrors,
    );
  }

  private backoff(attempt: number): number {
    const cap = Math.min(8_000, this.backoffBaseMs * 2 ** (attempt - 1));
    return Math.round(cap / 2 + Math.random() * (cap / 2));
  }
}

type AuditAttempt = (status: number | null, outcome: string) => void;

/** What was sent, for the observer (the OpenAPI conformance tests); the file itself is summarised. */
function exchangeOf(spec: CallSpec<z.ZodType>, query: Record<string, string>): Exchange {
  return {
    method: spec.method,
    path: spec.path,
    query,
    status: null,
    responseBody: undefined,
    requestContentType: spec.form ? 'multipart/form-data' : spec.json !== undefined ? 'application/json' : null,
    requestBody: spec.form ? { ...spec.form.fields, file: `<${spec.form.file.bytes.byteLength} bytes>` } : spec.json,
  };
}

function formData(form: NonNullable<CallSpec<z.ZodType>['form']>): FormData {
  const fd = new FormData();
  for (const [k, v] of Object.entries(form.fields)) fd.append(k, v);
  // Copy into a plain ArrayBuffer-backed view: Blob rejects SharedArrayBuffer-backed data.
  fd.append('file', new Blob([new Uint8Array(form.file.bytes)], { type: form.file.contentType }), form.file.fileName);
  return fd;
}

function parseJson(text: string): unknown {
  if (!text) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text.slice(0, 500);
  }
}

function enc(id: string): string {
  return encodeURIComponent(id);
}

function isLocal(baseUrl: string): boolean {
  try {
    const h = new URL(baseUrl).hostname;
    return h === '127.0.0.1' || h === 'localhost' || h === '[::1]';
  } catch {
    return false;
  }
}

function apiLabel(baseUrl: string): string {
  return isLocal(baseUrl) ? 'The porting simulator' : 'Telnyx';
}

function hostOf(baseUrl: string): string {
  try {
    const u = new URL(baseUrl);
    return isLocal(baseUrl) ? `the porting simulator (${u.host})` : u.host;
  } catch {
    return baseUrl;
  }
}

function unreachableMessage(baseUrl: string, code: string): string {
  return `Cannot reach ${hostOf(baseUrl)} (${code === 'TIMEOUT' ? 'timed out' : code}). PortDesk keeps the action in the outbox and sends it when the connection is back.`;
}
