import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { parsePhoneNumberFromString } from 'libphonenumber-js';
import type { z } from 'zod';
import {
  CreateAdditionalDocumentsBody,
  CreateCommentBody,
  CreatePortingOrderBody,
  PortabilityCheckBody,
  UpdatePortingOrderBody,
  type ApiErrorItem,
} from '../../shared/porting/telnyx.js';
import { SimClock } from './clock.js';
import { SimCsrDesk } from './csr.js';
import { numberFacts, type NumberFacts, type NumberHint } from './numbers.js';
import {
  carrierDesk,
  EXCEPTION_DESCRIPTIONS,
  type CsrOnFile,
  type OrderPapers,
  type ReviewOrder,
  type Reviewer,
} from './carrier.js';

/**
 * The state and rules of the simulated Telnyx porting service, without HTTP (server.ts adds that).
 * Every method answers what the real endpoint answers, in its JSON shape, or throws SimError with
 * the platform error envelope (422 with errors[].source.pointer).
 */

export class SimError extends Error {
  constructor(
    readonly status: number,
    readonly errors: ApiErrorItem[],
  ) {
    super(errors[0]?.detail ?? errors[0]?.title ?? `HTTP ${status}`);
  }
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export interface SimTimings {
  /** confirm → submitted to the losing carrier */
  submitAfterMs: number;
  /** submitted → the carrier's answer (exception or FOC confirmed) */
  answerAfterMs: number;
  /** cancel-pending → cancelled */
  cancelAfterMs: number;
  /** unlinked documents are deleted after this */
  documentLinkWindowMs: number;
  /** a CSR request → the carrier's record (completed or failed) */
  csrAnswerAfterMs: number;
}
export const DEFAULT_TIMINGS: SimTimings = {
  submitAfterMs: 30 * MINUTE,
  answerAfterMs: 4 * HOUR,
  cancelAfterMs: HOUR,
  documentLinkWindowMs: 30 * MINUTE,
  csrAnswerAfterMs: MINUTE,
};

export interface SimulatorOptions {
  clock?: SimClock;
  /** the losing carrier's desk; default: the simulator's own rules (carrierDesk) */
  reviewer?: Reviewer;
  /** the CSR the losing carrier holds for an order; default: the carrier records loaded into the simulator */
  csrOnFile?: (order: ReviewOrder) => CsrOnFile | null;
  /** the LOA and invoice values of the order's uploaded documents, as the carrier's clerk reads them */
  papers?: (
    order: ReviewOrder,
    documents: { loa: UploadedDocument | null; invoice: UploadedDocument | null },
  ) => OrderPapers | null;
  /** facts about a number (carrier, SPID, portability); default: from the carrier records, then derived */
  numberHint?: (e164: string) => NumberHint | null;
  /** persist state here (JSON, written on every change); null = memory only */
  stateFile?: string | null;
  timings?: Partial<SimTimings>;
}

/** An uploaded document as the carrier receives it with an order. */
export interface UploadedDocument {
  id: string;
  filename: string;
  sha256: string;
}

interface SimNumber {
  phone_number: string;
  activation_status: string;
}
interface SimOrder {
  id: string;
  user_id: string;
  customer_reference: string | null;
  customer_group_reference: string | null;
  status: string;
  details: { code: string; description: string }[];
  country: string;
  phone_number_type: NumberFacts['phone_number_type'];
  carrier_name: string;
  spid: string;
  fast_port_eligible: boolean;
  messaging_capable: boolean;
  numbers: SimNumber[];
  admin: Record<string, string | null>;
  location: Record<string, string | null>;
  misc: { type: string; remaining_numbers_action: string | null; new_billing_phone_number: string | null } | null;
  foc_requested: string | null;
  foc_actual: string | null;
  documents: { loa: string | null; invoice: string | null };
  configuration: {
    connection_id: string | null;
    messaging_profile_id: string | null;
    emergency_address_id: string | null;
    billing_group_id: string | null;
    tags: string[];
  };
  enable_messaging: boolean;
  webhook_url: string | null;
  user_feedback: { user_comment: string | null; user_rating: number | null };
  additional_documents: { id: string; document_id: string; document_type: string; created_at: string }[];
  support_key: string | null;
  parent_support_key: string | null;
  created_at: string;
  updated_at: string;
  /** sim epoch ms of the next automatic transition */
  next_at: number | null;
}
interface SimDocument {
  id: string;
  filename: string;
  content_type: string;
  size: number;
  sha256: string;
  customer_reference: string | null;
  created_at: string;
  linked: boolean;
}
interface SimComment {
  id: string;
  porting_order_id: string;
  body: string;
  user_type: string;
  created_at: string;
}
interface SimEvent {
  id: string;
  event_type: string;
  porting_order_id: string;
  created_at: string;
  payload: Record<string, unknown> | null;
}

interface SavedState {
  version: 1;
  simNow: number;
  speed: number;
  orders: SimOrder[];
  documents: SimDocument[];
  comments: SimComment[];
  events: SimEvent[];
  records: CsrOnFile[];
}

const REQUIREMENT_TYPES = {
  loa: { id: '0c5d4c2e-6a3b-4d6e-9b1e-7f3f5a6e2b10', name: 'Letter of Authorization', type: 'document' },
  invoice: { id: '5b2a8e47-1d9c-4f0a-8e3b-2c6d9f1a4e21', name: 'Latest invoice', type: 'document' },
} as const;

const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
const E164_VALID = (s: string) => {
  const p = parsePhoneNumberFromString(s);
  return !!p && p.isValid() && p.number === s;
};

function err(status: number, title: string, detail: string, pointer?: string, code = '10015'): SimError {
  return new SimError(status, [{ code, title, detail, ...(pointer ? { source: { pointer } } : {}) }]);
}

function zodErrors<T extends z.ZodType>(schema: T, body: unknown): z.output<T> {
  const r = schema.safeParse(body ?? {});
  if (r.success) return r.data;
  throw new SimError(
    422,
    r.error.issues.slice(0, 20).map((i) => {
      const name = String(i.path.filter((p) => typeof p === 'string').at(-1) ?? 'body');
      return {
        code: '10015',
        title: `Invalid ${name}`,
        detail: `The '${name}' parameter ${i.message.replace(/^Invalid input: /, '')}.`,
        source: { pointer: '/' + i.path.map(String).join('/') },
      };
    }),
  );
}

export class PortingSimulator {
  readonly clock: SimClock;
  private readonly timings: SimTimings;
  private readonly reviewer: Reviewer;
  private readonly stateFile: string | null;
  private orders = new Map<string, SimOrder>();
  private documents = new Map<string, SimDocument>();
  private comments: SimComment[] = [];
  private events: SimEvent[] = [];
  /** carrier records: CSRs on file, loaded by tests or demos */
  private records: CsrOnFile[] = [];
  /** the carrier's CSR desk (/customer_service_records…), on this clock and these records */
  readonly csr: SimCsrDesk;

  constructor(private readonly opts: SimulatorOptions = {}) {
    this.timings = { ...DEFAULT_TIMINGS, ...opts.timings };
    this.reviewer = opts.reviewer ?? carrierDesk;
    this.stateFile = opts.stateFile ?? null;
    const saved = this.load();
    this.clock =
      opts.clock ??
      new SimClock(Date.now, saved ? { simNow: Math.max(saved.simNow, Date.now()), speed: saved.speed } : undefined);
    this.csr = new SimCsrDesk({
      now: () => this.clock.now(),
      record: (e164) => this.recordFor([e164]),
      facts: (e164) => this.facts(e164),
      stateFile: this.stateFile,
      answerAfterMs: this.timings.csrAnswerAfterMs,
    });
  }

  // --- simulator controls --------------------------------------------------------------------

  advance(ms: number): void {
    this.clock.advance(ms);
    this.tick();
  }

  setSpeed(speed: number): void {
    this.clock.setSpeed(speed);
    this.save();
  }

  setCarrierRecords(records: CsrOnFile[]): void {
    this.records = records;
    this.save();
  }

  /** Test and debug view: every order with its numbers. */
  dump(): { id: string; customer_reference: string | null; status: string; numbers: string[] }[] {
    this.tick();
    return [...this.orders.values()].map((o) => ({
      id: o.id,
      customer_reference: o.customer_reference,
      status: o.status,
      numbers: o.numbers.map((n) => n.phone_number),
    }));
  }

  // --- the API ---------------------------------------------------------------------------------

  portabilityCheck(body: unknown) {
    const { phone_numbers } = zodErrors(PortabilityCheckBody, body);
    return {
      status: 201,
      body: {
        data: phone_numbers.map((n) => {
          const f = this.facts(n);
          return {
            phone_number: n,
            portable: f.portable,
            fast_portable: f.fast_portable,
            // the subset types it as a string: absent rather than null when the number is portable
            ...(f.not_portable_reason ? { not_portable_reason: f.not_portable_reason } : {}),
            carrier_name: f.portable ? f.carrier_name : '',
            phone_number_type: f.phone_number_type,
            messaging_capable: f.messaging_capable,
            record_type: 'portability_check_result',
          };
        }),
      },
    };
  }

  createOrders(body: unknown) {
    const input = zodErrors(CreatePortingOrderBody, body);
    this.tick();
    const errors: ApiErrorItem[] = [];
    const seen = new Set<string>();
    input.phone_numbers.forEach((n, i) => {
      const pointer = `/phone_numbers/${i}`;
      if (seen.has(n))
        errors.push({
          code: '10015',
          title: 'Duplicate phone number',
          detail: `${n} is listed twice.`,
          source: { pointer },
        });
      seen.add(n);
      const f = this.facts(n);
      if (!f.portable)
        errors.push({
          code: '10015',
          title: 'Phone number not portable',
          detail: `${n} is not portable (${f.not_portable_reason}).`,
          source: { pointer },
        });
      const busy = [...this.orders.values()].find(
        (o) => !['cancelled', 'ported'].includes(o.status) && o.numbers.some((x) => x.phone_number === n),
      );
      if (busy)
        errors.push({
          code: '10015',
          title: 'Phone number already in a porting order',
          detail: `${n} is already in porting order ${busy.id}.`,
          source: { pointer },
        });
    });
    if (errors.length) throw new SimError(422, errors);
    // Split by country, number type, SPID and FastPort eligibility, as Telnyx does.
    const groups = new Map<string, NumberFacts[]>();
    for (const n of input.phone_numbers) {
      const f = this.facts(n);
      const key = [f.country, f.phone_number_type, f.spid, f.fast_portable].join('|');
      groups.set(key, [...(groups.get(key) ?? []), f]);
    }
    const now = iso(this.clock.now());
    const created = [...groups.values()].map((facts) => {
      const first = facts[0]!;
      const order: SimOrder = {
        id: randomUUID(),
        user_id: '40d68ba2-0847-4df2-be9c-b0e0cb673e75',
        customer_reference: input.customer_reference ?? null,
        customer_group_reference: input.customer_group_reference ?? null,
        status: 'draft',
        details: [],
        country: first.country,
        phone_number_type: first.phone_number_type,
        carrier_name: first.carrier_name,
        spid: first.spid,
        fast_port_eligible: first.fast_portable,
        messaging_capable: first.messaging_capable,
        numbers: facts.map((f) => ({ phone_number: f.phone_number, activation_status: 'New' })),
        admin: {},
        location: {},
        misc: null,
        foc_requested: null,
        foc_actual: null,
        documents: { loa: null, invoice: null },
        configuration: {
          connection_id: null,
          messaging_profile_id: null,
          emergency_address_id: null,
          billing_group_id: null,
          tags: [],
        },
        enable_messaging: false,
        webhook_url: null,
        user_feedback: { user_comment: null, user_rating: null },
        additional_documents: [],
        support_key: null,
        parent_support_key: null,
        created_at: now,
        updated_at: now,
        next_at: null,
      };
      this.orders.set(order.id, order);
      return order;
    });
    this.save();
    return { status: 201, body: { data: created.map((o) => this.toApi(o)) } };
  }

  listOrders(query: URLSearchParams) {
    this.tick();
    const ref = query.get('filter[customer_reference]');
    const status = query.get('filter[status]');
    const all = [...this.orders.values()]
      .filter((o) => ref === null || o.customer_reference === ref)
      .filter((o) => status === null || o.status === status)
      .sort((a, b) => b.created_at.localeCompare(a.created_at));
    const withNumbers = query.get('include_phone_numbers') !== 'false';
    return {
      status: 200,
      body: this.page(
        all.map((o) => this.toApi(o, withNumbers)),
        query,
      ),
    };
  }

  getOrder(id: string, query?: URLSearchParams) {
    this.tick();
    const o = this.order(id);
    return {
      status: 200,
      body: { data: this.toApi(o, query?.get('include_phone_numbers') !== 'false'), meta: this.orderMeta(o) },
    };
  }

  updateOrder(id: string, body: unknown) {
    this.tick();
    const o = this.order(id);
    const input = zodErrors(UpdatePortingOrderBody, body);
    if (!['draft', 'exception'].includes(o.status)) {
      throw err(
        422,
        'Porting order cannot be modified',
        `A porting order in status ${o.status} cannot be modified.`,
        '/status',
      );
    }
    const errors: ApiErrorItem[] = [];
    const admin = input.end_user?.admin;
    const bad = (pointer: string, name: string, detail?: string) =>
      errors.push({
        code: '10015',
        title: `Invalid ${name}`,
        detail: detail ?? `The '${name}' parameter must be valid.`,
        source: { pointer },
      });
    if (admin?.billing_phone_number && !E164_VALID(admin.billing_phone_number))
      bad('/end_user/admin/billing_phone_number', 'billing_phone_number');
    if (input.misc?.new_billing_phone_number && !E164_VALID(input.misc.new_billing_phone_number))
      bad('/misc/new_billing_phone_number', 'new_billing_phone_number');
    const loc = input.end_user?.location;
    const country = loc?.country_code ?? o.location.country_code ?? o.country;
    if (loc?.postal_code && country === 'US' && !/^\d{5}(-?\d{4})?$/.test(loc.postal_code.trim())) {
      bad(
        '/end_user/location/postal_code',
        'postal_code',
        "The 'postal_code' parameter must be a 5-digit ZIP code (optionally ZIP+4).",
      );
    }
    if (loc?.administrative_area && country === 'US' && !/^[A-Za-z]{2}$/.test(loc.administrative_area.trim())) {
      bad(
        '/end_user/location/administrative_area',
        'administrative_area',
        "The 'administrative_area' parameter must be a 2-letter state code.",
      );
    }
    const foc = input.activation_settings?.foc_datetime_requested;
    if (foc && !this.insideWindow(o, Date.parse(foc))) {
      bad(
        '/activation_settings/foc_datetime_requested',
        'foc_datetime_requested',
        'The requested FOC date/time is not inside an allowed FOC window (GET /porting_orders/{id}/allowed_foc_windows).',
      );
    }
    for (const kind of ['loa', 'invoice'] as const) {
      const docId = input.documents?.[kind];
      if (docId && !this.documents.has(docId))
        bad(
          `/documents/${kind}`,
          kind,
          `Document ${docId} does not exist (unlinked documents are deleted after 30 minutes).`,
        );
    }
    if (errors.length) throw new SimError(422, errors);
    if (admin) for (const [k, v] of Object.entries(admin)) if (v !== undefined) o.admin[k] = v;
    if (loc) for (const [k, v] of Object.entries(loc)) if (v !== undefined) o.location[k] = v;
    if (input.misc !== undefined) {
      o.misc =
        input.misc === null
          ? null
          : {
              type: input.misc.type ?? o.misc?.type ?? 'full',
              remaining_numbers_action: input.misc.remaining_numbers_action ?? null,
              new_billing_phone_number: input.misc.new_billing_phone_number ?? null,
            };
    }
    if (foc) o.foc_requested = iso(Date.parse(foc));
    const cfg = input.phone_number_configuration;
    if (cfg) {
      for (const k of ['connection_id', 'messaging_profile_id', 'emergency_address_id', 'billing_group_id'] as const)
        if (cfg[k] !== undefined) o.configuration[k] = cfg[k] ?? null;
      if (cfg.tags) o.configuration.tags = cfg.tags;
    }
    for (const kind of ['loa', 'invoice'] as const) {
      const docId = input.documents?.[kind];
      if (docId !== undefined) {
        o.documents[kind] = docId;
        const d = docId ? this.documents.get(docId) : undefined;
        if (d) d.linked = true;
      }
    }
    if (input.messaging?.enable_messaging !== undefined) o.enable_messaging = input.messaging.enable_messaging;
    if (input.customer_reference !== undefined) o.customer_reference = input.customer_reference;
    if (input.customer_group_reference !== undefined) o.customer_group_reference = input.customer_group_reference;
    if (input.webhook_url !== undefined) o.webhook_url = input.webhook_url;
    if (input.user_feedback)
      o.user_feedback = {
        user_comment: input.user_feedback.user_comment ?? null,
        user_rating: input.user_feedback.user_rating ?? null,
      };
    o.updated_at = iso(this.clock.now());
    this.save();
    return { status: 200, body: { data: this.toApi(o), meta: this.orderMeta(o) } };
  }

  confirm(id: string) {
    this.tick();
    const o = this.order(id);
    if (!['draft', 'exception'].includes(o.status)) {
      throw err(
        422,
        'Porting order cannot be confirmed',
        `Only a draft order or one in exception can be confirmed; this one is ${o.status}.`,
        '/status',
      );
    }
    const errors: ApiErrorItem[] = [];
    const missing = (pointer: string, name: string) =>
      errors.push({
        code: '10002',
        title: `Missing ${name}`,
        detail: `The '${name}' parameter is required to submit the order.`,
        source: { pointer },
      });
    for (const f of ['entity_name', 'auth_person_name', 'billing_phone_number', 'account_number'])
      if (!o.admin[f]) missing(`/end_user/admin/${f}`, f);
    for (const f of ['street_address', 'locality', 'administrative_area', 'postal_code', 'country_code'])
      if (!o.location[f]) missing(`/end_user/location/${f}`, f);
    if (!o.foc_requested) missing('/activation_settings/foc_datetime_requested', 'foc_datetime_requested');
    else if (!this.insideWindow(o, Date.parse(o.foc_requested))) {
      errors.push({
        code: '10015',
        title: 'FOC date no longer allowed',
        detail: 'The requested FOC date/time is no longer inside an allowed FOC window: request a new one.',
        source: { pointer: '/activation_settings/foc_datetime_requested' },
      });
    }
    if (!o.documents.loa) missing('/documents/loa', 'loa');
    if (!o.documents.invoice) missing('/documents/invoice', 'invoice');
    if (o.misc?.type === 'partial' && !o.misc.remaining_numbers_action)
      missing('/misc/remaining_numbers_action', 'remaining_numbers_action');
    if (errors.length) throw new SimError(422, errors);
    const now = this.clock.now();
    o.support_key ??= 'sr_' + randomUUID().slice(0, 6);
    o.parent_support_key ??= 'pr_' + randomUUID().slice(0, 6);
    this.transition(o, 'in-process', now, []);
    o.next_at = now + this.timings.submitAfterMs;
    this.save();
    return { status: 200, body: { data: this.toApi(o), meta: this.orderMeta(o) } };
  }

  cancel(id: string) {
    this.tick();
    const o = this.order(id);
    if (!['draft', 'in-process', 'submitted', 'exception', 'foc-date-confirmed'].includes(o.status)) {
      throw err(
        422,
        'Porting order cannot be cancelled',
        `A porting order in status ${o.status} cannot be cancelled.`,
        '/status',
      );
    }
    const now = this.clock.now();
    const foc = o.foc_actual ?? o.foc_requested;
    if (foc && o.status !== 'draft' && Date.parse(foc) - now < 48 * HOUR) {
      throw err(
        422,
        'Too close to the FOC date',
        'A porting order cannot be cancelled within 48 hours of its FOC date. Contact support.',
        '/activation_settings/foc_datetime_actual',
      );
    }
    if (o.status === 'draft') {
      this.transition(o, 'cancelled', now, []);
      o.next_at = null;
    } else {
      this.transition(o, 'cancel-pending', now, []);
      o.next_at = now + this.timings.cancelAfterMs;
    }
    this.save();
    return { status: 200, body: { data: this.toApi(o), meta: this.orderMeta(o) } };
  }

  focWindows(id: string) {
    this.tick();
    const o = this.order(id);
    const data = this.windows(o).map(([s, e]) => ({
      started_at: iso(s),
      ended_at: iso(e),
      record_type: 'porting_order_allowed_foc_window',
    }));
    return {
      status: 200,
      body: { data, meta: { page_number: 1, page_size: data.length, total_pages: 1, total_results: data.length } },
    };
  }

  requirements(id: string, query: URLSearchParams) {
    this.tick();
    const o = this.order(id);
    const data = (['loa', 'invoice'] as const).map((k) => ({
      field_type: 'document',
      field_value: o.documents[k] ?? '',
      record_type: 'porting_requirement_detail',
      requirement_status: o.documents[k] ? 'approved' : 'pending',
      requirement_type: {
        id: REQUIREMENT_TYPES[k].id,
        name: REQUIREMENT_TYPES[k].name,
        type: REQUIREMENT_TYPES[k].type,
        acceptance_criteria: {},
      },
    }));
    return { status: 200, body: this.page(data, query) };
  }

  listComments(id: string, query: URLSearchParams) {
    this.tick();
    this.order(id);
    const data = this.comments
      .filter((c) => c.porting_order_id === id)
      .map((c) => ({ ...c, record_type: 'porting_order_comment' }));
    return { status: 200, body: this.page(data, query) };
  }

  addComment(id: string, body: unknown, userType: 'user' | 'admin' = 'user') {
    this.tick();
    const o = this.order(id);
    const input = zodErrors(CreateCommentBody, body);
    const c = this.comment(o, input.body, userType, this.clock.now());
    this.save();
    return { status: 201, body: { data: { ...c, record_type: 'porting_order_comment' } } };
  }

  uploadDocument(
    file: { bytes: Buffer; filename: string; contentType: string } | null,
    customerReference: string | null,
  ) {
    this.tick();
    if (!file || file.bytes.length === 0)
      throw new SimError(422, [
        { code: '10015', title: 'Invalid file', detail: 'A non-empty file is required.', source: { pointer: '/file' } },
      ]);
    const now = iso(this.clock.now());
    const d: SimDocument = {
      id: randomUUID(),
      filename: file.filename,
      content_type: file.contentType,
      size: file.bytes.length,
      sha256: createHash('sha256').update(file.bytes).digest('hex'),
      customer_reference: customerReference,
      created_at: now,
      linked: false,
    };
    this.documents.set(d.id, d);
    this.save();
    return { status: 200, body: { data: this.docApi(d) } };
  }

  listDocuments(query: URLSearchParams) {
    this.tick();
    const ref = query.get('filter[customer_reference][eq]');
    const data = [...this.documents.values()]
      .filter((d) => ref === null || d.customer_reference === ref)
      .map((d) => this.docApi(d));
    return { status: 200, body: this.page(data, query) };
  }

  listAdditionalDocuments(id: string, query: URLSearchParams) {
    this.tick();
    const o = this.order(id);
    return {
      status: 200,
      body: this.page(
        o.additional_documents.map((a) => this.additionalApi(o, a)),
        query,
      ),
    };
  }

  addAdditionalDocuments(id: string, body: unknown) {
    this.tick();
    const o = this.order(id);
    const input = zodErrors(CreateAdditionalDocumentsBody, body);
    const errors: ApiErrorItem[] = [];
    input.additional_documents.forEach((a, i) => {
      if (!this.documents.has(a.document_id))
        errors.push({
          code: '10015',
          title: 'Invalid document_id',
          detail: `Document ${a.document_id} does not exist (unlinked documents are deleted after 30 minutes).`,
          source: { pointer: `/additional_documents/${i}/document_id` },
        });
    });
    if (errors.length) throw new SimError(422, errors);
    const now = iso(this.clock.now());
    const added = input.additional_documents.map((a) => {
      const rec = { id: randomUUID(), document_id: a.document_id, document_type: a.document_type, created_at: now };
      o.additional_documents.push(rec);
      this.documents.get(a.document_id)!.linked = true;
      return rec;
    });
    this.save();
    return { status: 201, body: { data: added.map((a) => this.additionalApi(o, a)) } };
  }

  listEvents(query: URLSearchParams) {
    this.tick();
    const from = query.get('filter[created_at][gte]');
    const to = query.get('filter[created_at][lte]');
    const orderId = query.get('filter[porting_order_id]');
    const type = query.get('filter[type]');
    const data = this.events
      .filter(
        (e) =>
          (from === null || Date.parse(e.created_at) >= Date.parse(from)) &&
          (to === null || Date.parse(e.created_at) <= Date.parse(to)),
      )
      .filter((e) => (orderId === null || e.porting_order_id === orderId) && (type === null || e.event_type === type))
      .map((e) => ({
        ...e,
        updated_at: e.created_at,
        payload_status: 'completed',
        record_type: 'porting_event',
        available_notification_methods: ['email', 'webhook'],
      }));
    return { status: 200, body: this.page(data, query) };
  }

  exceptionTypes() {
    return {
      status: 200,
      body: { data: Object.entries(EXCEPTION_DESCRIPTIONS).map(([code, description]) => ({ code, description })) },
    };
  }

  // --- lifecycle -----------------------------------------------------------------------------

  /** Apply every automatic transition due by now, each stamped with the time it was due. */
  tick(): void {
    const now = this.clock.now();
    let changed = false;
    for (const o of this.orders.values()) {
      while (o.next_at !== null && o.next_at <= now) {
        const at = o.next_at;
        changed = true;
        if (o.status === 'in-process') {
          this.transition(o, 'submitted', at, []);
          o.next_at = at + this.timings.answerAfterMs;
        } else if (o.status === 'submitted') {
          this.answer(o, at);
        } else if (o.status === 'foc-date-confirmed') {
          for (const n of o.numbers) n.activation_status = 'Active';
          this.transition(o, 'ported', at, []);
          o.next_at = null;
        } else if (o.status === 'cancel-pending') {
          this.transition(o, 'cancelled', at, []);
          o.next_at = null;
        } else {
          o.next_at = null;
        }
      }
    }
    for (const d of [...this.documents.values()]) {
      if (!d.linked && Date.parse(d.created_at) + this.timings.documentLinkWindowMs <= now) {
        this.documents.delete(d.id);
        changed = true;
      }
    }
    if (changed) this.save();
  }

  /** The losing carrier answers: exceptions from the review against the CSR on file, else FOC confirmed. */
  private answer(o: SimOrder, at: number): void {
    const review = this.reviewOrder(o);
    const csr = this.opts.csrOnFile ? this.opts.csrOnFile(review) : this.recordFor(review.phone_numbers);
    const doc = (id: string | null) => {
      const d = id ? this.documents.get(id) : undefined;
      return d ? { id: d.id, filename: d.filename, sha256: d.sha256 } : null;
    };
    const papers = this.opts.papers?.(review, { loa: doc(o.documents.loa), invoice: doc(o.documents.invoice) }) ?? null;
    const findings = this.reviewer(review, csr, new Date(at), papers);
    if (findings.length) {
      const codes = [...new Set(findings.map((f) => f.code))];
      this.transition(
        o,
        'exception',
        at,
        codes.map((code) => ({ code, description: EXCEPTION_DESCRIPTIONS[code] ?? code })),
      );
      o.next_at = null;
      const lines = findings.map((f) => `${f.code}: ${f.comment}`);
      this.comment(
        o,
        `The losing carrier rejected the order.\n${lines.join('\n')}\nPlease correct the order and resubmit it.`,
        'admin',
        at,
      );
      return;
    }
    const requested = o.foc_requested ? Date.parse(o.foc_requested) : NaN;
    const windows = this.windows(o, at);
    const foc = Number.isFinite(requested) && requested > at + DAY ? requested : (windows[0]?.[0] ?? at + 3 * DAY);
    o.foc_actual = iso(foc);
    for (const n of o.numbers) n.activation_status = 'Activate RDY';
    this.transition(o, 'foc-date-confirmed', at, []);
    o.next_at = foc;
  }

  private reviewOrder(o: SimOrder): ReviewOrder {
    const siblings = [...this.orders.values()].filter(
      (x) => x.status !== 'cancelled' && o.customer_reference !== null && x.customer_reference === o.customer_reference,
    );
    return {
      id: o.id,
      customer_reference: o.customer_reference,
      phone_numbers: o.numbers.map((n) => n.phone_number),
      all_phone_numbers: [...new Set([o, ...siblings].flatMap((x) => x.numbers.map((n) => n.phone_number)))],
      admin: { ...o.admin },
      location: { ...o.location },
      misc: o.misc,
    };
  }

  private transition(o: SimOrder, status: string, at: number, details: SimOrder['details']): void {
    o.status = status;
    o.details = details;
    o.updated_at = iso(at);
    this.event(o, 'porting_order.status_changed', at, {
      id: o.id,
      customer_reference: o.customer_reference ?? '',
      status: { value: status, details },
      support_key: o.support_key ?? '',
      updated_at: o.updated_at,
      webhook_url: o.webhook_url ?? '',
    });
  }

  private comment(o: SimOrder, body: string, userType: string, at: number): SimComment {
    const c: SimComment = { id: randomUUID(), porting_order_id: o.id, body, user_type: userType, created_at: iso(at) };
    this.comments.push(c);
    this.event(o, 'porting_order.new_comment', at, {
      comment: { id: c.id, body, inserted_at: c.created_at, user_id: o.user_id, user_type: userType },
      porting_order_id: o.id,
      support_key: o.support_key ?? '',
    });
    return c;
  }

  private event(o: SimOrder, type: string, at: number, payload: Record<string, unknown>): void {
    this.events.push({ id: randomUUID(), event_type: type, porting_order_id: o.id, created_at: iso(at), payload });
  }

  // --- helpers -------------------------------------------------------------------------------

  private facts(e164: string): NumberFacts {
    const record = this.records.find((r) =>
      r.phone_numbers.some((n) => n.replace(/\D/g, '').endsWith(e164.replace(/\D/g, '').slice(-10))),
    );
    const hint: NumberHint = {
      ...(record?.carrier_name ? { carrier_name: record.carrier_name } : {}),
      ...(this.opts.numberHint?.(e164) ?? {}),
    };
    return numberFacts(e164, hint);
  }

  private recordFor(numbers: string[]): CsrOnFile | null {
    const tail = (n: string) => n.replace(/\D/g, '').slice(-10);
    const wanted = new Set(numbers.map(tail));
    return this.records.find((r) => r.phone_numbers.some((n) => wanted.has(tail(n)))) ?? null;
  }

  private order(id: string): SimOrder {
    const o = this.orders.get(id);
    if (!o) throw err(404, 'Resource not found', `Porting order ${id} was not found.`, undefined, '10005');
    return o;
  }

  /**
   * Allowed FOC windows: business days (Mon–Fri), 13:00–23:00 UTC (US business hours), starting
   * the next business day for FastPort orders and four business days out otherwise; ten windows.
   */
  private windows(o: SimOrder, from = this.clock.now()): [number, number][] {
    const out: [number, number][] = [];
    const lead = o.fast_port_eligible ? 1 : 4;
    const day = new Date(from);
    day.setUTCHours(0, 0, 0, 0);
    let business = 0;
    while (out.length < 10) {
      day.setUTCDate(day.getUTCDate() + 1);
      const dow = day.getUTCDay();
      if (dow === 0 || dow === 6) continue;
      business++;
      if (business < lead) continue;
      const start = day.getTime() + 13 * HOUR;
      out.push([start, start + 10 * HOUR]);
    }
    return out;
  }

  private insideWindow(o: SimOrder, t: number): boolean {
    return Number.isFinite(t) && this.windows(o).some(([s, e]) => t >= s && t <= e);
  }

  private page<T>(all: T[], query: URLSearchParams) {
    const size = Math.min(250, Math.max(1, Number(query.get('page[size]') ?? 20) || 20));
    const number = Math.max(1, Number(query.get('page[number]') ?? 1) || 1);
    const totalPages = Math.max(1, Math.ceil(all.length / size));
    return {
      data: all.slice((number - 1) * size, number * size),
      meta: { page_number: number, page_size: size, total_pages: totalPages, total_results: all.length },
    };
  }

  private orderMeta(o: SimOrder) {
    return { phone_numbers_url: `/v2/porting_phone_numbers?filter[porting_order_id]=${o.id}` };
  }

  private toApi(o: SimOrder, withNumbers = true) {
    const requirementsMet = !!(o.documents.loa && o.documents.invoice);
    return {
      id: o.id,
      record_type: 'porting_order',
      user_id: o.user_id,
      customer_reference: o.customer_reference,
      customer_group_reference: o.customer_group_reference,
      description: `${o.fast_port_eligible ? 'FP ' : ''}${o.carrier_name}`,
      status: { value: o.status, details: o.details },
      phone_number_type: o.phone_number_type,
      ...(withNumbers
        ? {
            phone_numbers: o.numbers.slice(0, 50).map((n) => ({
              phone_number: n.phone_number,
              phone_number_type: o.phone_number_type,
              activation_status: n.activation_status,
              portability_status: 'confirmed',
              porting_order_id: o.id,
              porting_order_status: o.status,
              record_type: 'porting_phone_number',
              requirements_status: requirementsMet ? 'approved' : 'requirement-info-pending',
              support_key: o.support_key ?? '',
            })),
          }
        : {}),
      porting_phone_numbers_count: o.numbers.length,
      old_service_provider_ocn: o.carrier_name,
      support_key: o.support_key,
      parent_support_key: o.parent_support_key,
      requirements: (['loa', 'invoice'] as const)
        .filter((k) => o.documents[k])
        .map((k) => ({
          field_type: 'document',
          field_value: o.documents[k]!,
          record_type: 'porting_requirement',
          requirement_type_id: REQUIREMENT_TYPES[k].id,
        })),
      requirements_met: requirementsMet,
      additional_steps: [],
      activation_settings: {
        activation_status: o.status === 'ported' ? 'Active' : o.status === 'foc-date-confirmed' ? 'Activate RDY' : null,
        fast_port_eligible: o.fast_port_eligible,
        foc_datetime_requested: o.foc_requested,
        foc_datetime_actual: o.foc_actual,
      },
      end_user: {
        admin: {
          entity_name: null,
          auth_person_name: null,
          billing_phone_number: null,
          account_number: null,
          pin_passcode: null,
          tax_identifier: null,
          business_identifier: null,
          ...o.admin,
        },
        location: {
          street_address: null,
          extended_address: null,
          locality: null,
          administrative_area: null,
          postal_code: null,
          country_code: null,
          ...o.location,
        },
      },
      misc: o.misc,
      documents: { ...o.documents },
      phone_number_configuration: { ...o.configuration },
      messaging: {
        enable_messaging: o.enable_messaging,
        messaging_capable: o.messaging_capable,
        messaging_port_completed: false,
        messaging_port_status: o.enable_messaging ? 'pending' : 'not_applicable',
      },
      user_feedback: { ...o.user_feedback },
      webhook_url: o.webhook_url,
      created_at: o.created_at,
      updated_at: o.updated_at,
    };
  }

  private docApi(d: SimDocument) {
    return {
      id: d.id,
      record_type: 'document',
      filename: d.filename,
      content_type: d.content_type,
      size: { amount: d.size, unit: 'bytes' },
      sha256: d.sha256,
      status: 'pending',
      av_scan_status: 'scanned',
      customer_reference: d.customer_reference ?? '',
      created_at: d.created_at,
      updated_at: d.created_at,
    };
  }

  private additionalApi(o: SimOrder, a: SimOrder['additional_documents'][number]) {
    const d = this.documents.get(a.document_id);
    return {
      id: a.id,
      document_id: a.document_id,
      document_type: a.document_type,
      porting_order_id: o.id,
      record_type: 'porting_additional_document',
      filename: d?.filename ?? '',
      content_type: d?.content_type ?? 'application/pdf',
      created_at: a.created_at,
      updated_at: a.created_at,
    };
  }

  // --- persistence -------------------------------------------------------------------------------

  private load(): SavedState | null {
    if (!this.stateFile) return null;
    let saved: SavedState;
    try {
      saved = JSON.parse(fs.readFileSync(this.stateFile, 'utf8')) as SavedState;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
      // A damaged state file must not stop PortDesk: keep it aside and start empty.
      fs.renameSync(this.stateFile, `${this.stateFile}.damaged-${Date.now()}`);
      return null;
    }
    if (saved.version !== 1) return null;
    this.orders = new Map(saved.orders.map((o) => [o.id, o]));
    this.documents = new Map(saved.documents.map((d) => [d.id, d]));
    this.comments = saved.comments;
    this.events = saved.events;
    this.records = saved.records;
    return saved;
  }

  private save(): void {
    if (!this.stateFile) return;
    const state: SavedState = {
      version: 1,
      simNow: this.clock?.now() ?? Date.now(),
      speed: this.clock?.speed ?? 1,
      // PINs stay in memory only: the state file is plain JSON in the data folder. After a restart
      // the simulated carrier no longer knows them (an order resubmitted with its PIN is checked again).
      orders: [...this.orders.values()].map((o) =>
        'pin_passcode' in o.admin ? { ...o, admin: { ...o.admin, pin_passcode: null } } : o,
      ),
      documents: [...this.documents.values()],
      comments: this.comments,
      events: this.events,
      records: this.records.map((r) => (r.pin ? { ...r, pin: null } : r)),
    };
    fs.mkdirSync(path.dirname(this.stateFile), { recursive: true });
    const tmp = `${this.stateFile}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, JSON.stringify(state), { mode: 0o600 });
    fs.renameSync(tmp, this.stateFile);
  }
}
