import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { parsePhoneNumberFromString } from 'libphonenumber-js';
import { normalizeAccountNumber } from '../../shared/normalize/account.js';
import { CreateCsrBody, CsrCoverageBody, type CsrAdditionalDataName } from '../../shared/porting/csr.js';
import type { ApiErrorItem } from '../../shared/porting/telnyx.js';
import type { CsrOnFile } from './carrier.js';
import type { NumberFacts } from './numbers.js';

/**
 * The simulated losing carrier's CSR desk (Telnyx Customer Service Records): it says which numbers
 * it covers and what it needs to release a CSR (by carrier), takes a request, and after a short
 * delay on the simulator's clock completes it from the carrier record on file, or, for a valid US
 * number it has no record of, from a deterministic plausible record (the account it finds by the
 * data it was given). It fails a request whose data does not match the record, or lacks what it
 * asked for, with an error_message, as the API does.
 */

export class CsrDeskError extends Error {
  constructor(
    readonly status: number,
    readonly errors: ApiErrorItem[],
  ) {
    super(errors[0]?.detail ?? `HTTP ${status}`);
  }
}

export interface CsrDeskDeps {
  /** the simulator's clock (ms) */
  now(): number;
  /** the carrier record on file holding this number */
  record(e164: string): CsrOnFile | null;
  facts(e164: string): NumberFacts;
  /** JSON state file (requests survive a restart); null = memory only */
  stateFile: string | null;
  /** how long the carrier takes to answer, on the simulator's clock */
  answerAfterMs?: number;
}

type Result = {
  address: {
    street_address: string;
    locality: string;
    administrative_area: string;
    postal_code: string;
    full_address: string;
  };
  admin: { name: string; authorized_person_name: string; account_number: string; billing_phone_number: string };
  associated_phone_numbers: string[];
  carrier_name: string;
};

interface SimCsr {
  id: string;
  phone_number: string;
  webhook_url: string | null;
  created_at: number;
  ready_at: number;
  outcome: { status: 'completed'; result: Result } | { status: 'failed'; error_message: string };
}

const DEFAULT_ANSWER_AFTER_MS = 60_000;

/** What each carrier asks for before releasing a CSR (the simulator's own table). */
const REQUIRED_BY_CARRIER: readonly [RegExp, CsrAdditionalDataName[]][] = [
  [/at&t|att\b|bellsouth|pacific bell/i, ['account_number', 'pin', 'zip_code']],
  [/verizon/i, ['account_number', 'pin']],
  [/lumen|centurylink|qwest/i, ['account_number', 'zip_code']],
  [/comcast|xfinity/i, ['account_number', 'name']],
  [/bandwidth|twilio|telnyx|vonage|plivo/i, ['account_number']],
];
const DEFAULT_REQUIRED: CsrAdditionalDataName[] = ['account_number', 'zip_code'];

const NAMES = ['Harbor Supply LLC', 'Cedar Ridge Dental PC', 'Blue Mesa Logistics Inc', 'Lakeside Realty Group'];
const PEOPLE = ['Dana Whitfield', 'Marcus Oyelaran', 'Priya Raman', 'Tom Kessler'];
const STREETS = ['410 Market St', '1200 Pearl St', '77 Harbor Blvd', '2301 Elm Ave'];
const PLACES: readonly [string, string, string][] = [
  ['Denver', 'CO', '80202'],
  ['Boulder', 'CO', '80302'],
  ['Chicago', 'IL', '60601'],
  ['Austin', 'TX', '78701'],
];

const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

function hash(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}

function validUs(e164: string): boolean {
  const p = parsePhoneNumberFromString(e164);
  return !!p && p.isValid() && p.country === 'US' && p.number === e164;
}

function zodFailure(issues: { path: PropertyKey[]; message: string }[]): CsrDeskError {
  return new CsrDeskError(
    422,
    issues.slice(0, 20).map((i) => {
      const name = String(i.path.filter((p) => typeof p === 'string').at(-1) ?? 'body');
      return {
        code: '10002',
        title: `Invalid ${name}`,
        detail: `The '${name}' parameter ${i.message.replace(/^Invalid input: /, '')}.`,
        source: { pointer: `/${i.path.map(String).join('/')}` },
      };
    }),
  );
}

export class SimCsrDesk {
  private requests = new Map<string, SimCsr>();
  private readonly file: string | null;

  constructor(private readonly deps: CsrDeskDeps) {
    this.file = deps.stateFile ? `${deps.stateFile}.csr.json` : null;
    this.load();
  }

  coverage(body: unknown): { status: number; body: unknown } {
    const parsed = CsrCoverageBody.safeParse(body ?? {});
    if (!parsed.success) throw zodFailure(parsed.error.issues);
    return {
      status: 201,
      body: { data: parsed.data.phone_numbers.map((n) => this.coverageOf(n)) },
    };
  }

  private coverageOf(e164: string) {
    const base = { phone_number: e164, record_type: 'customer_service_record_phone_number_coverage' };
    const why = this.notCovered(e164);
    if (why) return { ...base, has_csr_coverage: false, reason: why };
    return { ...base, has_csr_coverage: true, additional_data_required: this.required(e164) };
  }

  private notCovered(e164: string): string | null {
    if (!validUs(e164)) return `The phone number '${e164}' is invalid.`;
    const facts = this.deps.facts(e164);
    if (facts.phone_number_type === 'toll_free')
      return `The phone number '${e164}' is toll-free: its RespOrg holds the record, not a carrier.`;
    if (!facts.portable) return `The phone number '${e164}' is not in service at any carrier covered.`;
    return null;
  }

  private required(e164: string): CsrAdditionalDataName[] {
    const carrier = this.deps.record(e164)?.carrier_name || this.deps.facts(e164).carrier_name;
    return REQUIRED_BY_CARRIER.find(([re]) => re.test(carrier))?.[1] ?? DEFAULT_REQUIRED;
  }

  create(body: unknown): { status: number; body: unknown } {
    const parsed = CreateCsrBody.safeParse(body ?? {});
    if (!parsed.success) throw zodFailure(parsed.error.issues);
    const b = parsed.data;
    if (!validUs(b.phone_number))
      throw new CsrDeskError(422, [
        {
          code: '10002',
          title: 'Invalid phone number',
          detail: `The phone number '${b.phone_number}' is invalid.`,
          source: { pointer: '/phone_number' },
        },
      ]);
    const now = this.deps.now();
    const csr: SimCsr = {
      id: randomUUID(),
      phone_number: b.phone_number,
      webhook_url: b.webhook_url ?? null,
      created_at: now,
      ready_at: now + (this.deps.answerAfterMs ?? DEFAULT_ANSWER_AFTER_MS),
      outcome: this.decide(b.phone_number, b.additional_data ?? {}),
    };
    this.requests.set(csr.id, csr);
    this.save();
    // the answer to a create is the record as created (pending), however long saving took on a fast clock
    return { status: 201, body: { data: this.toApi(csr, now) } };
  }

  get(id: string): { status: number; body: unknown } {
    const csr = this.requests.get(id);
    if (!csr)
      throw new CsrDeskError(404, [
        {
          code: '10005',
          title: 'Resource not found',
          detail: `Customer service record ${id} was not found.`,
        },
      ]);
    // The spec documents 201 for this GET; answering as documented keeps a validating proxy quiet.
    return { status: 201, body: { data: this.toApi(csr) } };
  }

  list(q: URLSearchParams): { status: number; body: unknown } {
    const numbers = [q.get('filter[phone_number][eq]'), ...q.getAll('filter[phone_number][in][]')].filter(
      (n): n is string => !!n,
    );
    const statuses = [q.get('filter[status][eq]'), ...q.getAll('filter[status][in][]')].filter((s): s is string => !!s);
    const gt = Date.parse(q.get('filter[created_at][gt]') ?? '');
    const lt = Date.parse(q.get('filter[created_at][lt]') ?? '');
    const descending = q.get('sort[value]') !== 'created_at';
    const all = [...this.requests.values()]
      .map((c) => this.toApi(c))
      .filter(
        (c) =>
          (!numbers.length || numbers.includes(c.phone_number)) &&
          (!statuses.length || statuses.includes(c.status)) &&
          (!Number.isFinite(gt) || Date.parse(c.created_at) > gt) &&
          (!Number.isFinite(lt) || Date.parse(c.created_at) < lt),
      )
      .sort((a, b) => (descending ? -1 : 1) * a.created_at.localeCompare(b.created_at));
    const size = Math.min(250, Math.max(1, Number(q.get('page[size]') ?? 20) || 20));
    const number = Math.max(1, Number(q.get('page[number]') ?? 1) || 1);
    return {
      status: 200,
      body: {
        data: all.slice((number - 1) * size, number * size),
        meta: {
          page_number: number,
          page_size: size,
          total_pages: Math.max(1, Math.ceil(all.length / size)),
          total_results: all.length,
        },
      },
    };
  }

  // --- the carrier's decision ----------------------------------------------------------------

  private decide(e164: string, given: Partial<Record<CsrAdditionalDataName, string>>): SimCsr['outcome'] {
    const why = this.notCovered(e164);
    if (why) return { status: 'failed', error_message: why };
    const missing = this.required(e164).filter((k) => !given[k]?.trim());
    if (missing.length)
      return { status: 'failed', error_message: `Missing required additional data: ${missing.join(', ')}.` };
    const onFile = this.deps.record(e164);
    if (!onFile) return { status: 'completed', result: this.plausible(e164, given) };
    const mismatch = this.mismatch(onFile, given);
    if (mismatch) return { status: 'failed', error_message: mismatch };
    return { status: 'completed', result: fromRecord(e164, onFile) };
  }

  /** The first value given that the record on file contradicts, as the carrier words it. */
  private mismatch(r: CsrOnFile, given: Partial<Record<CsrAdditionalDataName, string>>): string | null {
    const digits = (s: string) => s.replace(/\D/g, '');
    if (
      given.account_number &&
      normalizeAccountNumber(given.account_number) !== normalizeAccountNumber(r.account_number)
    )
      return 'The account number does not match the carrier records for this phone number.';
    if (given.pin && r.pin && given.pin.trim() !== r.pin.trim())
      return 'The PIN does not match the carrier records for this account.';
    if (given.zip_code && r.service_address.zip5 && given.zip_code !== r.service_address.zip5)
      return 'The ZIP code does not match the service address on the account.';
    if (
      given.billing_phone_number &&
      r.btn &&
      digits(given.billing_phone_number).slice(-10) !== digits(r.btn).slice(-10)
    )
      return 'The billing telephone number does not match the account.';
    return null;
  }

  /** A record for a number the carrier has no file of: the account it found with the data given. */
  private plausible(e164: string, given: Partial<Record<CsrAdditionalDataName, string>>): Result {
    const h = hash(e164.slice(0, -2));
    const pick = <T>(list: readonly T[], salt: number) => list[(h + salt) % list.length]!;
    const [city, state, zip] = pick(PLACES, 0);
    const street = given.address_line_1 ?? pick(STREETS, 1);
    const locality = given.city ?? city;
    const area = given.state ?? state;
    const postal = given.zip_code ?? zip;
    return {
      address: {
        street_address: street,
        locality,
        administrative_area: area,
        postal_code: postal,
        full_address: `${street}; ${locality}; ${area}; ${postal}`,
      },
      admin: {
        name: given.name ?? pick(NAMES, 2),
        authorized_person_name: given.authorized_person_name ?? pick(PEOPLE, 3),
        account_number: given.account_number ?? String(100000000 + (h % 900000000)),
        billing_phone_number: given.billing_phone_number ?? e164,
      },
      associated_phone_numbers: [e164],
      carrier_name: this.deps.facts(e164).carrier_name,
    };
  }

  private toApi(c: SimCsr, now = this.deps.now()) {
    const done = now >= c.ready_at;
    const status = done ? c.outcome.status : 'pending';
    return {
      id: c.id,
      record_type: 'customer_service_record',
      phone_number: c.phone_number,
      status,
      error_message: done && c.outcome.status === 'failed' ? c.outcome.error_message : null,
      result: done && c.outcome.status === 'completed' ? c.outcome.result : null,
      webhook_url: c.webhook_url ?? undefined,
      created_at: iso(c.created_at),
      updated_at: iso(done ? c.ready_at : c.created_at),
    };
  }

  // --- persistence (no PIN is ever kept: only the decision) ------------------------------------

  private load(): void {
    if (!this.file) return;
    try {
      const saved = JSON.parse(fs.readFileSync(this.file, 'utf8')) as { version: 1; requests: SimCsr[] };
      if (saved.version === 1) this.requests = new Map(saved.requests.map((r) => [r.id, r]));
    } catch {
      // none yet, or damaged: start empty (the porting state is kept apart)
    }
  }

  private save(): void {
    if (!this.file) return;
    fs.mkdirSync(path.dirname(this.file), { recursive: true });
    const tmp = `${this.file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, JSON.stringify({ version: 1, requests: [...this.requests.values()] }), { mode: 0o600 });
    fs.renameSync(tmp, this.file);
  }
}

function fromRecord(e164: string, r: CsrOnFile): Result {
  const a = r.service_address;
  const street = [a.street_line, a.unit].filter(Boolean).join(' ');
  const postal = a.zip4 ? `${a.zip5}-${a.zip4}` : a.zip5;
  const btn = parsePhoneNumberFromString(r.btn, 'US')?.number ?? r.btn;
  return {
    address: {
      street_address: street,
      locality: a.city,
      administrative_area: a.state,
      postal_code: postal,
      full_address: `${street}; ${a.city}; ${a.state}; ${postal}`,
    },
    admin: {
      name: r.account_name,
      authorized_person_name: r.authorized_persons?.[0] ?? '',
      account_number: r.account_number,
      billing_phone_number: btn,
    },
    associated_phone_numbers: [
      ...new Set(r.phone_numbers.map((n) => parsePhoneNumberFromString(n, 'US')?.number ?? n)),
    ].filter((n) => n !== e164),
    carrier_name: r.carrier_name ?? '',
  };
}
