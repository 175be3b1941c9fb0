import type { ServiceAddress } from '../../shared/domain/document.js';
import { normalizeAccountNumber } from '../../shared/normalize/account.js';
import { compareAddresses, parseAddress } from '../../shared/normalize/address.js';
import type { RejectionCode } from '../../shared/domain/rejection-codes.js';

/**
 * The losing carrier inside the simulator: it holds a CSR "on file" for the account and plays the
 * submitted order, and the LOA and invoice that came with it, against it the way a carrier's
 * validation desk does. These rules are the simulator's own and deliberately independent of
 * PortDesk's review (electron/core/compare): a flow test against the simulator can then catch a
 * rejection the review failed to predict. Tests may plug in another desk (SimulatorOptions.reviewer).
 */

/** The losing carrier's record of the account. */
export interface CsrOnFile {
  carrier_name?: string | null;
  account_name: string;
  account_number: string;
  btn: string;
  pin?: string | null;
  /** people the carrier accepts as authorised; empty = not checked */
  authorized_persons?: string[];
  service_address: Pick<ServiceAddress, 'street_line' | 'unit' | 'city' | 'state' | 'zip5'> & { zip4?: string };
  /** every working number on the account */
  phone_numbers: string[];
  /** DSL, hunt group, alarm line…: the carrier refuses until they are removed */
  features?: string[];
  /** another service request is open on the account */
  pending_order?: boolean;
}

/** The order as the carrier receives it. */
export interface ReviewOrder {
  id: string;
  customer_reference: string | null;
  phone_numbers: string[];
  /** every number of the port, across the orders the API split it into */
  all_phone_numbers: string[];
  admin: {
    entity_name?: string | null;
    auth_person_name?: string | null;
    billing_phone_number?: string | null;
    account_number?: string | null;
    pin_passcode?: string | null;
  };
  location: {
    street_address?: string | null;
    extended_address?: string | null;
    locality?: string | null;
    administrative_area?: string | null;
    postal_code?: string | null;
  };
  misc: {
    type?: string | null;
    remaining_numbers_action?: string | null;
    new_billing_phone_number?: string | null;
  } | null;
}

export interface Finding {
  /** a Telnyx exception type of THE rejection table */
  code: RejectionCode;
  /** what the carrier's desk writes back in the order comments */
  comment: string;
}

/** The LOA and invoice the order carries, as the carrier's clerk reads them (null: not read / not sent). */
export interface OrderPapers {
  loa: { account_name?: string | null; authorized_person?: string | null; date?: string | null } | null;
  invoice: { date?: string | null } | null;
}

/** `at`: the simulator's clock when the carrier answers (document dates are judged against it). */
export type Reviewer = (order: ReviewOrder, csr: CsrOnFile | null, at: Date, papers?: OrderPapers | null) => Finding[];

/** The carrier's own limits on paperwork age (days), whatever PortDesk's review settings say. */
export const CARRIER_INVOICE_MAX_AGE_DAYS = 30;
export const CARRIER_LOA_MAX_AGE_DAYS = 30;

const collapse = (s: string | null | undefined) => (s ?? '').trim().replace(/\s+/g, ' ').toUpperCase();
const digits = (s: string | null | undefined) => (s ?? '').replace(/\D/g, '');
/** NANP numbers compare on their 10 digits whatever the +1 / 1 prefix. */
const tn = (s: string | null | undefined) => {
  const d = digits(s);
  return d.length === 11 && d.startsWith('1') ? d.slice(1) : d;
};

/**
 * The carrier's desk: what the CSR on file states — names letter for letter (carriers reject "Inc"
 * vs "Inc."), account number and address parts, BTN digits, numbers on the account — the
 * carrier-only rules (PIN, port type, features, pending orders), and the paperwork: invoice and LOA
 * age, and the LOA's own names against the account.
 */
export const carrierDesk: Reviewer = (order, csr, at, papers) => {
  if (!csr) return [];
  return mergeByCode([
    ...documentRules(order, csr),
    ...carrierRules(order, csr),
    ...paperworkRules(csr, at, papers ?? null),
  ]);
};

/** One finding per code: the carrier writes every reason, but the exception lists a type once. */
function mergeByCode(findings: Finding[]): Finding[] {
  const byCode = new Map<RejectionCode, Finding>();
  for (const f of findings) {
    const seen = byCode.get(f.code);
    byCode.set(f.code, seen ? { code: f.code, comment: `${seen.comment} ${f.comment}` } : f);
  }
  return [...byCode.values()];
}

const DAY_MS = 86_400_000;
/**
 * A signed LOA is read for who it names, not typed letter for letter like the order's fields:
 * case and punctuation do not matter there ("Acme, LLC" is "ACME LLC"), a different name does.
 */
const sameWords = (s: string) => collapse(s.replace(/[^\p{L}\p{N}\s]/gu, ' '));
/** Whole days from a YYYY-MM-DD date to `at`; null when the date cannot be read. */
function ageDays(date: string | null | undefined, at: Date): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec((date ?? '').trim());
  if (!m) return null;
  const day = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return Number.isFinite(day) ? Math.floor((at.getTime() - day) / DAY_MS) : null;
}

/**
 * The papers the order carries: a stale invoice or LOA is refused (the carrier's own 30-day
 * limits), and the LOA must name the account holder and an authorised person of the account.
 */
export function paperworkRules(csr: CsrOnFile, at: Date, papers: OrderPapers | null): Finding[] {
  const out: Finding[] = [];
  const invoiceAge = ageDays(papers?.invoice?.date, at);
  if (invoiceAge !== null && invoiceAge > CARRIER_INVOICE_MAX_AGE_DAYS) {
    out.push({
      code: 'OTHER',
      comment: `The invoice is dated ${papers!.invoice!.date} (${invoiceAge} days old); send an invoice from the last ${CARRIER_INVOICE_MAX_AGE_DAYS} days.`,
    });
  }
  const loa = papers?.loa;
  if (!loa) return out;
  const loaAge = ageDays(loa.date, at);
  if (loaAge !== null && loaAge > CARRIER_LOA_MAX_AGE_DAYS) {
    out.push({ code: 'OTHER', comment: `The LOA is dated ${loa.date} (${loaAge} days old); have a new LOA signed.` });
  }
  if (csr.account_name && loa.account_name && sameWords(loa.account_name) !== sameWords(csr.account_name)) {
    out.push({
      code: 'ENTITY_NAME_MISMATCH',
      comment: `The LOA is signed for "${loa.account_name}"; the account holder on the CSR is "${csr.account_name}".`,
    });
  }
  const authorised = (csr.authorized_persons ?? []).map(sameWords);
  if (authorised.length && loa.authorized_person && !authorised.includes(sameWords(loa.authorized_person))) {
    out.push({
      code: 'AUTH_PERSON_MISMATCH',
      comment: `The LOA is signed by "${loa.authorized_person}", who is not an authorized contact on the account.`,
    });
  }
  return out;
}

/** What PortDesk's review can also see: names, account number, BTN, address, numbers on the account. */
function documentRules(order: ReviewOrder, csr: CsrOnFile): Finding[] {
  const out: Finding[] = [];
  const onAccount = new Set(csr.phone_numbers.map(tn));
  const notOnAccount = order.phone_numbers.filter((n) => !onAccount.has(tn(n)));
  if (onAccount.size && notOnAccount.length) {
    out.push({ code: 'PHONE_NUMBER_MISMATCH', comment: `Not on the account: ${notOnAccount.join(', ')}.` });
  }
  if (csr.account_name && collapse(order.admin.entity_name) !== collapse(csr.account_name)) {
    out.push({
      code: 'ENTITY_NAME_MISMATCH',
      comment: `Order "${order.admin.entity_name ?? ''}" differs from the CSR's "${csr.account_name}", letter for letter.`,
    });
  }
  const authorised = (csr.authorized_persons ?? []).map(collapse);
  if (authorised.length && !authorised.includes(collapse(order.admin.auth_person_name))) {
    out.push({
      code: 'AUTH_PERSON_MISMATCH',
      comment: 'The authorized person is not an authorized contact on the account.',
    });
  }
  if (
    csr.account_number &&
    normalizeAccountNumber(order.admin.account_number ?? '') !== normalizeAccountNumber(csr.account_number)
  ) {
    out.push({
      code: 'ACCOUNT_NUMBER_MISMATCH',
      comment: 'The account number does not match the account of these numbers.',
    });
  }
  if (csr.btn && tn(order.admin.billing_phone_number) !== tn(csr.btn)) {
    out.push({ code: 'BTN_ATN_MISMATCH', comment: 'The billing telephone number is not the BTN of the account.' });
  }
  if (csr.service_address.street_line) {
    const l = order.location;
    const r = compareAddresses(
      parseAddress(csr.service_address),
      parseAddress({
        street_line: l.street_address ?? '',
        unit: l.extended_address ?? '',
        city: l.locality ?? '',
        state: l.administrative_area ?? '',
        zip: l.postal_code ?? '',
      }),
    );
    if (r.postal_code_mismatch)
      out.push({ code: 'POSTAL_CODE_MISMATCH', comment: `The ZIP code on the CSR is ${csr.service_address.zip5}.` });
    if (r.location_mismatch)
      out.push({
        code: 'LOCATION_MISMATCH',
        comment: `The service address does not match the CSR: ${r.reasons.join(' ')}`,
      });
  }
  return out;
}

/**
 * What only the carrier can judge: the PIN itself (PortDesk never compares it), full vs partial as
 * the order declares it, a new BTN for a partial port, features and pending orders on the account.
 */
export function carrierRules(order: ReviewOrder, csr: CsrOnFile): Finding[] {
  const out: Finding[] = [];
  const onAccount = new Set(csr.phone_numbers.map(tn));
  if (csr.pin && (order.admin.pin_passcode ?? '').trim() !== csr.pin.trim()) {
    out.push({ code: 'PASSCODE_PIN_INVALID', comment: 'The PIN/passcode is missing or incorrect.' });
  }
  const porting = new Set(order.all_phone_numbers.map(tn));
  const remaining = csr.phone_numbers.filter((n) => !porting.has(tn(n)));
  const type = order.misc?.type ?? 'full';
  if (!onAccount.size) {
    // no list of working numbers on file: full vs partial cannot be judged
  } else if ((type === 'full' && remaining.length) || (type === 'partial' && remaining.length === 0)) {
    out.push({
      code: 'PORT_TYPE_INCORRECT',
      comment: remaining.length
        ? `This is a partial port: ${remaining.length} number(s) on the account are not being ported.`
        : 'Every number on the account is being ported: this is a full port.',
    });
  } else if (type === 'partial' && porting.has(tn(csr.btn)) && !digits(order.misc?.new_billing_phone_number)) {
    out.push({
      code: 'MAIN_BTN_PORTING',
      comment: 'The BTN is being ported in a partial port: give a new BTN for the numbers that stay.',
    });
  }
  if (csr.features?.length) {
    out.push({
      code: 'PHONE_NUMBER_HAS_SPECIAL_FEATURE',
      comment: `The account has ${csr.features.join(', ')}: ask the customer to remove it first.`,
    });
  }
  if (csr.pending_order) {
    out.push({ code: 'LSR_PENDING', comment: 'Another order is pending on this account.' });
  }
  return out;
}

/** How Telnyx describes each exception type (GET /porting_orders/exception_types). */
export const EXCEPTION_DESCRIPTIONS: Record<string, string> = {
  ACCOUNT_NUMBER_MISMATCH: 'Account number does not match that on the CSR',
  AUTH_PERSON_MISMATCH: 'Authorized person does not match that on the CSR',
  BTN_ATN_MISMATCH: 'Billing telephone number does not match that on the CSR',
  ENTITY_NAME_MISMATCH: 'Entity name does not match that on the CSR',
  FOC_EXPIRED: 'The FOC date has expired',
  FOC_REJECTED: 'The requested FOC date was rejected by the losing carrier',
  LOCATION_MISMATCH: 'Service address does not match that on the CSR',
  LSR_PENDING: 'There is a pending order on the account',
  MAIN_BTN_PORTING: 'The main billing number is being ported in a partial port',
  OSP_IRRESPONSIVE: 'The losing carrier is not responding',
  OTHER: 'Other',
  PASSCODE_PIN_INVALID: 'The PIN/passcode is invalid',
  PHONE_NUMBER_HAS_SPECIAL_FEATURE: 'A phone number has a special feature that prevents porting',
  PHONE_NUMBER_MISMATCH: 'A phone number is not on the account',
  PHONE_NUMBER_NOT_PORTABLE: 'A phone number is not portable',
  PORT_TYPE_INCORRECT: 'The port type (full or partial) is incorrect',
  PORTING_ORDER_SPLIT_REQUIRED: 'The order must be split',
  POSTAL_CODE_MISMATCH: 'Postal code does not match that on the CSR',
  RATE_CENTER_NOT_PORTABLE: 'The rate center is not portable',
  SV_CONFLICT: 'Subscription version conflict',
  SV_UNKNOWN_FAILURE: 'Subscription version failure',
};
