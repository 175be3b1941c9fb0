import { parsePhoneNumberFromString } from 'libphonenumber-js';
import { FIELD_LABEL, type CaseFields, type CaseRecord, type CaseStatus } from '../domain/case.js';
import { FIELD_REGISTRY, type FieldSpec, telnyxAttributeFields } from '../domain/fields.js';
import { toE164 } from '../domain/phone.js';
import type { ApiErrorItem, OrderMisc, PhoneNumberConfiguration, UpdatePortingOrderBody } from './telnyx.js';

/**
 * How a PortDesk case meets a Telnyx porting order: the one place that knows which case field
 * becomes which order field, which order field a 422 pointer names, and what an order status means
 * for the case. Pure: used by the core, the simulator and the renderer.
 */

/** The order's customer_reference is the case id, so an order can always be traced back (and found after a timeout). */
export function customerReference(caseId: number): string {
  return String(caseId);
}

export function caseIdFromReference(ref: string | null | undefined): number | null {
  if (!ref || !/^\d{1,12}$/.test(ref)) return null;
  return Number(ref);
}

/** PortDesk-side fields an API error can point at: the case's own plus the order settings chosen at submit. */
export const ORDER_FIELD_LABEL = {
  foc_datetime: 'Requested FOC date/time',
  port_type: 'Full or partial port',
  remaining_numbers_action: 'Numbers left behind (keep/disconnect)',
  new_btn: 'New BTN',
  loa: 'LOA document',
  invoice: 'Invoice document',
  configuration: 'Phone number configuration',
  country: 'Country',
} as const;
export type PortingField = keyof CaseFields | 'pin' | 'numbers' | keyof typeof ORDER_FIELD_LABEL;

/**
 * Order attribute (last pointer segment) → PortDesk field: the case's fields where the field
 * registry places them in the order, then the settings chosen at submit.
 */
const ATTRIBUTE_FIELD: Record<string, PortingField> = {
  ...(telnyxAttributeFields() as Record<string, PortingField>),
  country_code: 'country',
  foc_datetime_requested: 'foc_datetime',
  type: 'port_type',
  remaining_numbers_action: 'remaining_numbers_action',
  new_billing_phone_number: 'new_btn',
  loa: 'loa',
  invoice: 'invoice',
  phone_numbers: 'numbers',
  connection_id: 'configuration',
  messaging_profile_id: 'configuration',
  emergency_address_id: 'configuration',
  billing_group_id: 'configuration',
  tags: 'configuration',
};

export function portingFieldLabel(field: PortingField): string {
  return field in ORDER_FIELD_LABEL
    ? ORDER_FIELD_LABEL[field as keyof typeof ORDER_FIELD_LABEL]
    : FIELD_LABEL[field as keyof typeof FIELD_LABEL];
}

/**
 * The case field a JSON pointer names. Telnyx sends both full pointers
 * ("/end_user/admin/billing_phone_number") and bare ones ("/billing_phone_number"); array indexes
 * ("/phone_numbers/3") name the numbers.
 */
export function fieldForPointer(pointer: string | null | undefined): PortingField | null {
  if (!pointer) return null;
  const segments = pointer
    .split('/')
    .filter((s) => s && !/^\d+$/.test(s))
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  for (let i = segments.length - 1; i >= 0; i--) {
    const f = ATTRIBUTE_FIELD[segments[i]!];
    if (f) return f;
  }
  return null;
}

export interface FieldError {
  field: PortingField | null;
  label: string;
  pointer: string | null;
  message: string;
  /** the PortDesk case whose order already holds the number ("already in a porting order") */
  holderCaseId?: number | null;
}

/** A 422's errors[] as messages attached to the fields a specialist edits. */
export function fieldErrors(errors: readonly ApiErrorItem[]): FieldError[] {
  return errors.map((e) => {
    const pointer = e.source?.pointer ?? (e.source?.parameter ? `/${e.source.parameter}` : null);
    const field = fieldForPointer(pointer);
    const message =
      [e.title, e.detail]
        .filter((s): s is string => !!s && s.trim() !== '')
        .filter((s, i, all) => all.indexOf(s) === i)
        .join(': ') || 'The API refused this value.';
    return { field, label: field ? portingFieldLabel(field) : 'Order', pointer, message };
  });
}

/** What the specialist chooses per order at submit time (everything else comes from the case). */
export interface OrderChoices {
  foc_datetime_requested: string | null;
  misc: {
    type: 'full' | 'partial';
    remaining_numbers_action: 'keep' | 'disconnect' | null;
    new_billing_phone_number: string | null;
  };
  configuration: Partial<
    Pick<
      PhoneNumberConfiguration,
      'connection_id' | 'messaging_profile_id' | 'emergency_address_id' | 'billing_group_id' | 'tags'
    >
  >;
  documents: { loa: string | null; invoice: string | null };
}

const orNull = (s: string) => (s.trim() === '' ? null : s.trim());

/** The PATCH body for an order, built from the case as it is now (so a fix after an exception is sent as is). */
export function orderUpdateFromCase(c: CaseRecord, pin: string | null, choices: OrderChoices): UpdatePortingOrderBody {
  const btn = c.btn.trim() === '' ? null : (toE164(c.btn) ?? c.btn.trim());
  const country = countryOf(btn) ?? 'US';
  const newBtn = choices.misc.new_billing_phone_number;
  const misc: OrderMisc = {
    type: choices.misc.type,
    remaining_numbers_action: choices.misc.type === 'partial' ? choices.misc.remaining_numbers_action : null,
    new_billing_phone_number: newBtn ? (toE164(newBtn) ?? newBtn) : null,
  };
  const configuration = Object.fromEntries(
    Object.entries(choices.configuration).filter(
      ([, v]) => v !== undefined && v !== null && v !== '' && !(Array.isArray(v) && v.length === 0),
    ),
  );
  const body: UpdatePortingOrderBody = {
    customer_reference: customerReference(c.id),
    end_user: endUserFromCase(c, pin, btn, country),
    misc,
  };
  if (choices.foc_datetime_requested)
    body.activation_settings = { foc_datetime_requested: choices.foc_datetime_requested };
  if (Object.keys(configuration).length) body.phone_number_configuration = configuration;
  if (choices.documents.loa || choices.documents.invoice) {
    body.documents = {
      ...(choices.documents.loa ? { loa: choices.documents.loa } : {}),
      ...(choices.documents.invoice ? { invoice: choices.documents.invoice } : {}),
    };
  }
  return body;
}

const ADMIN_PATH = 'end_user.admin.';
type EndUser = NonNullable<UpdatePortingOrderBody['end_user']>;

/**
 * The order's end user: each case value where the field registry places it, blanks as null. The
 * PIN is not on the record (it is write-only) and the BTN goes as E.164 when it parses.
 */
function endUserFromCase(c: CaseRecord, pin: string | null, btn: string | null, country: string): EndUser {
  const caseText = (field: string) => orNull(String(c[field as keyof CaseFields] ?? ''));
  const adminValue = (f: FieldSpec, caseField: string) =>
    f.value === 'pin' ? orNull(pin ?? '') : f.value === 'phone' ? btn : caseText(caseField);
  const admin: Record<string, string | null> = {};
  const location: Record<string, string | null> = {};
  for (const f of FIELD_REGISTRY) {
    if (f.telnyx?.startsWith(ADMIN_PATH) && f.caseField)
      admin[f.telnyx.slice(ADMIN_PATH.length)] = adminValue(f, f.caseField);
    for (const p of f.parts ?? []) location[p.telnyx] = caseText(p.caseField);
  }
  return { admin, location: { ...location, country_code: country } };
}

function countryOf(e164: string | null): string | null {
  if (!e164) return null;
  return parsePhoneNumberFromString(e164)?.country ?? null;
}

// ---------------------------------------------------------------------------------------------
// Order status → case status

export const ORDER_STATUS_LABEL: Record<string, string> = {
  draft: 'Draft',
  'in-process': 'In process',
  submitted: 'Submitted to the losing carrier',
  exception: 'Exception',
  'foc-date-confirmed': 'FOC date confirmed',
  ported: 'Ported',
  'cancel-pending': 'Cancel pending',
  cancelled: 'Cancelled',
  'activation-in-progress': 'Activation in progress',
};

export function orderStatusLabel(status: string): string {
  return ORDER_STATUS_LABEL[status] ?? status;
}

/** Statuses that need no more polling. */
export const FINAL_ORDER_STATUSES: readonly string[] = ['ported', 'cancelled'];

/**
 * What the case should be, given all its orders: any exception wins (the specialist must act),
 * then the least advanced open order decides. null = the orders say nothing new (e.g. all drafts).
 */
export function caseStatusForOrders(statuses: readonly string[]): CaseStatus | null {
  const open = statuses.filter((s) => s !== 'cancelled' && s !== 'cancel-pending');
  if (statuses.length && open.length === 0) return statuses.every((s) => s === 'cancelled') ? 'cancelled' : null;
  if (open.includes('exception')) return 'exception';
  if (open.includes('draft')) return null;
  if (open.some((s) => s === 'in-process' || s === 'submitted')) return 'submitted';
  if (open.every((s) => s === 'ported')) return 'ported';
  if (open.every((s) => s === 'ported' || s === 'foc-date-confirmed' || s === 'activation-in-progress'))
    return 'foc-confirmed';
  return null;
}

/** Cancel is refused by the API within 48 h of the FOC; below that only support can cancel. */
export const CANCEL_CUTOFF_MS = 48 * 3_600_000;
const CANCELLABLE = ['draft', 'in-process', 'submitted', 'exception', 'foc-date-confirmed'];

/** null when the order can be cancelled through the API now, else why not. */
export function cancelRefusal(status: string, focIso: string | null, now: Date): string | null {
  if (!CANCELLABLE.includes(status))
    return `An order that is ${orderStatusLabel(status).toLowerCase()} cannot be cancelled.`;
  if (focIso) {
    const foc = Date.parse(focIso);
    if (Number.isFinite(foc) && foc - now.getTime() < CANCEL_CUTOFF_MS) {
      return 'The FOC is less than 48 hours away: Telnyx no longer accepts a cancel through the API. Contact Telnyx support to stop this port.';
    }
  }
  return null;
}

/** Telnyx adds ported numbers to the account this long before the FOC: the application must be set up by then. */
export const NUMBERS_ADDED_BEFORE_FOC_MS = 2 * 86_400_000;
