import { z } from 'zod';
import { FIELD_LABEL } from '../domain/case.js';
import { FIELD_REGISTRY, labelInSentence } from '../domain/fields.js';

/**
 * Telnyx's Customer Service Record API on the wire (`/customer_service_records…` in the OpenAPI
 * subset): the coverage check, the request and the record it polls. The client parses answers with
 * these (lenient, like the porting schemas: unknown fields pass, unknown statuses are shown) and the
 * simulator validates incoming bodies with the strict request schemas.
 */

const optStr = z.string().nullish();
const US_E164 = z.string().regex(/^\+1\d{10}$/, 'must be a US number in E.164 (+1 and 10 digits)');

/** What a carrier may ask for before it releases a CSR, in the API's words. */
export const CSR_ADDITIONAL_DATA = [
  'name',
  'authorized_person_name',
  'account_number',
  'customer_code',
  'pin',
  'address_line_1',
  'city',
  'state',
  'zip_code',
  'billing_phone_number',
] as const;
export type CsrAdditionalDataName = (typeof CSR_ADDITIONAL_DATA)[number];

/**
 * The case field that answers each item, where the field registry says which field a carrier's
 * item asks for (a customer code is not kept on a case).
 */
const ASKED_CASE_FIELD: Record<CsrAdditionalDataName, keyof typeof FIELD_LABEL | null> = askedCaseFields();

function askedCaseFields(): Record<CsrAdditionalDataName, keyof typeof FIELD_LABEL | null> {
  const out = Object.fromEntries(CSR_ADDITIONAL_DATA.map((n) => [n, null])) as Record<
    CsrAdditionalDataName,
    keyof typeof FIELD_LABEL | null
  >;
  const answer = (ask: string, caseField: string) => {
    if (!(ask in out)) throw new Error(`field registry: the CSR API asks for no item "${ask}"`);
    if (!(caseField in FIELD_LABEL)) throw new Error(`field registry: the case has no field "${caseField}"`);
    out[ask as CsrAdditionalDataName] = caseField as keyof typeof FIELD_LABEL;
  };
  for (const f of FIELD_REGISTRY) {
    if (f.csrAsk && f.caseField) answer(f.csrAsk, f.caseField);
    for (const p of f.parts ?? []) if (p.csrAsk) answer(p.csrAsk, p.caseField);
  }
  return out;
}

/** The case field that answers an item a carrier asks for, or null (not kept on a case). */
export function csrAskedCaseField(name: CsrAdditionalDataName): keyof typeof FIELD_LABEL | null {
  return ASKED_CASE_FIELD[name];
}

/** An item a carrier asks for, as the specialist calls it in a sentence ("account number", "PIN"); unknown names as sent. */
export function csrAskedLabel(name: string): string {
  if (!(name in ASKED_CASE_FIELD)) return name;
  const field = ASKED_CASE_FIELD[name as CsrAdditionalDataName];
  if (!field) return name.replace(/_/g, ' ');
  const label = labelInSentence(FIELD_LABEL[field]);
  // without the Details form's "Service address" heading, an address part needs its noun: "the service ZIP"
  return field.startsWith('service_') && !label.startsWith('service') ? `service ${label}` : label;
}

/** An item as what the case lacks: "the account number", "a customer code". */
export function csrMissingItem(name: CsrAdditionalDataName): string {
  return `${ASKED_CASE_FIELD[name] ? 'the' : 'a'} ${csrAskedLabel(name)}`;
}

export const CsrCoverageBody = z.object({ phone_numbers: z.array(US_E164).min(1).max(1000) });
export type CsrCoverageBody = z.infer<typeof CsrCoverageBody>;

export const CsrCoverage = z.object({
  phone_number: z.string(),
  has_csr_coverage: z.boolean(),
  /** only when covered; unknown names are kept so PortDesk can say it cannot supply them */
  additional_data_required: z.array(z.string()).nullish(),
  reason: optStr,
  record_type: optStr,
});
export type CsrCoverage = z.infer<typeof CsrCoverage>;

export const CsrAdditionalData = z
  .object({
    name: z.string().max(200),
    authorized_person_name: z.string().max(200),
    account_number: z.string().max(80),
    customer_code: z.string().max(80),
    pin: z.string().max(40),
    address_line_1: z.string().max(200),
    city: z.string().max(100),
    state: z.string().regex(/^[A-Z]{2}$/, 'must be a two-letter state code'),
    zip_code: z.string().regex(/^\d{5}$/, 'must be a 5-digit ZIP code'),
    billing_phone_number: US_E164,
  })
  .partial()
  .strict();
export type CsrAdditionalData = z.infer<typeof CsrAdditionalData>;

export const CreateCsrBody = z
  .object({
    phone_number: US_E164,
    additional_data: CsrAdditionalData.optional(),
    webhook_url: z.string().max(2000).optional(),
  })
  .strict();
export type CreateCsrBody = z.infer<typeof CreateCsrBody>;

export const CSR_STATUSES = ['pending', 'completed', 'failed'] as const;

export const CsrResult = z.object({
  address: z
    .object({
      administrative_area: optStr,
      full_address: optStr,
      locality: optStr,
      postal_code: optStr,
      street_address: optStr,
    })
    .nullish(),
  admin: z
    .object({
      account_number: optStr,
      authorized_person_name: optStr,
      billing_phone_number: optStr,
      name: optStr,
    })
    .nullish(),
  associated_phone_numbers: z.array(z.string()).nullish(),
  carrier_name: optStr,
});
export type CsrResult = z.infer<typeof CsrResult>;

export const CustomerServiceRecord = z.object({
  id: z.string(),
  phone_number: z.string(),
  /** pending | completed | failed; kept as a string so a new status is shown, not a crash */
  status: z.string(),
  error_message: optStr,
  result: CsrResult.nullish(),
  created_at: optStr,
  updated_at: optStr,
  webhook_url: optStr,
  record_type: optStr,
});
export type CustomerServiceRecord = z.infer<typeof CustomerServiceRecord>;
