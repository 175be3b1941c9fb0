import { z } from 'zod';
import { IsoDay } from './day.js';
import { BBox, ExtractedFields, type FieldName, type PageText } from './document.js';
import { reviewedField } from './fields.js';
import { ADDRESS_PART_NAMES } from '../normalize/address.js';

/**
 * The review: every field of a port compared across LOA, invoice, CSR and the case, the rejections a
 * carrier would return, the pre-submit checklist and the reseller notice. Produced by the pure
 * `compareCase` (electron/core/compare) and shown by the review screen and `portdesk compare`.
 *
 * Authority: the CSR, then the invoice, are the carrier's records ("reference"); the LOA and the
 * case data are what we check against them.
 */

export const COMPARE_SOURCES = ['loa', 'invoice', 'csr', 'case'] as const;
export const CompareSource = z.enum(COMPARE_SOURCES);
export type CompareSource = z.infer<typeof CompareSource>;

/**
 * match       identical (after the carrier's own normalisation: E.164 for numbers)
 * equivalent  same meaning, different form (Street/ST, Inc/Incorporated…); names get a warning
 * mismatch    a real difference the carrier would reject
 * too_old     a document dated beyond the age limit (invoice, LOA): a new one is needed, nothing differs
 * missing     the carrier has a value the checked document/case lacks
 * info        worth knowing, never a rejection (ZIP+4 on one side, PIN not verifiable…)
 * check       the values seem to differ but a side was not read with certainty: a person must look
 * not_checked nothing to compare against
 */
export const VERDICTS = [
  'match',
  'equivalent',
  'mismatch',
  'too_old',
  'missing',
  'check',
  'info',
  'not_checked',
] as const;
export const Verdict = z.enum(VERDICTS);
export type Verdict = z.infer<typeof Verdict>;

/** How bad each verdict is: a row or a field shows the worst verdict among its sources. */
const VERDICT_RANK: Record<Verdict, number> = {
  mismatch: 7,
  too_old: 6,
  missing: 5,
  check: 4,
  equivalent: 3,
  info: 2,
  match: 1,
  not_checked: 0,
};
export function worstVerdict(vs: readonly Verdict[]): Verdict {
  return vs.reduce<Verdict>((a, b) => (VERDICT_RANK[b] > VERDICT_RANK[a] ? b : a), vs[0] ?? 'not_checked');
}

export const COMPARED_FIELDS = [
  'account_name',
  'authorized_person',
  'btn',
  'account_number',
  'pin',
  'service_address',
  'phone_numbers',
  'invoice_date',
  'loa_date',
  'loa_signature',
  'losing_carrier',
] as const;
export const ComparedField = z.enum(COMPARED_FIELDS);
export type ComparedField = z.infer<typeof ComparedField>;

/** Each compared field's name, as the field registry (shared/domain/fields.ts) gives it. */
export const COMPARED_FIELD_LABEL: Record<ComparedField, string> = Object.fromEntries(
  COMPARED_FIELDS.map((f) => [f, reviewedField(f).label]),
) as Record<ComparedField, string>;

/** The document field a compared field is read from (invoice and LOA dates are both the document's date). */
export function documentFieldOf(field: ComparedField): FieldName {
  return reviewedField(field).spec.key;
}

export const SourceEvidence = z.object({
  /** 1-based page, null when not tied to a place (case data, derived values) */
  page: z.number().int().min(1).nullable(),
  bbox: BBox.nullable(),
});
export type SourceEvidence = z.infer<typeof SourceEvidence>;

const perSource = <T extends z.ZodType>(t: T) =>
  z.object({ loa: t.optional(), invoice: t.optional(), csr: t.optional(), case: t.optional() });

export const AddressPartName = z.enum(ADDRESS_PART_NAMES);
export const AddressPartComparison = z.object({
  part: AddressPartName,
  /** which checked source this row compares with the reference */
  source: CompareSource,
  verdict: z.enum(['match', 'equivalent', 'mismatch', 'missing', 'info']),
  reference: z.string(),
  candidate: z.string(),
  reason: z.string(),
});
export type AddressPartComparison = z.infer<typeof AddressPartComparison>;

export const FieldComparison = z.object({
  field: ComparedField,
  label: z.string(),
  verdict: Verdict,
  /** values as written on each source (PINs masked) */
  values: perSource(z.string()),
  /** the normalised form each value was compared in */
  normalized: perSource(z.string()),
  /** the source treated as the carrier's truth for this field, null when none had it */
  reference: CompareSource.nullable(),
  /** one readable sentence (or a few) saying what differs and what to do */
  reason: z.string(),
  /** the carrier's exact string to copy (names, account number, address) when not a match */
  proposed: z.string().optional(),
  /** sources that should carry the field but do not */
  missing_on: z.array(CompareSource).optional(),
  evidence: perSource(SourceEvidence),
  /** service address only: part-by-part rows */
  parts: z.array(AddressPartComparison).optional(),
});
export type FieldComparison = z.infer<typeof FieldComparison>;

export const RejectionLevel = z.enum(['blocker', 'warning']);
export type RejectionLevel = z.infer<typeof RejectionLevel>;

export const EvidenceValue = SourceEvidence.extend({ value: z.string() });
export type EvidenceValue = z.infer<typeof EvidenceValue>;
export const PredictedRejection = z.object({
  /** Telnyx V2 exception code or PortDesk's own document code (see resources/rejections.json) */
  code: z.string(),
  field: z.string(),
  level: RejectionLevel,
  /** the checked sources (LOA, case, invoice…) this one prediction applies to */
  sources: z.array(CompareSource),
  /** what the code means (from the table) */
  meaning: z.string(),
  /** what to ask the customer or carrier for */
  action: z.string(),
  /** why PortDesk predicts it for this case */
  reason: z.string(),
  evidence: perSource(EvidenceValue),
  /**
   * The day the carrier returned this very code on this case and nothing has answered it since:
   * no longer a prediction but the carrier's word (its Review row says "Rejected").
   */
  received_on: IsoDay.optional(),
});
export type PredictedRejection = z.infer<typeof PredictedRejection>;

/** One reading on a document offered to the specialist: the value, where it is, how sure the reader was. */
export const CheckCandidate = EvidenceValue.extend({
  confidence: z.number().min(0).max(1),
  /**
   * Why this reading itself is doubtful, in the reader's words: an address whose ZIP does not belong
   * to its city and state ("ZIP 38602 is not Tampa's — 33602?"), from the extractor's why.zip_check.
   */
  doubt: z.string().optional(),
});
export type CheckCandidate = z.infer<typeof CheckCandidate>;

/**
 * A difference that could not be confirmed: the values seem to differ, but a side was not read
 * with certainty (low confidence, not found under the field's label, the invoice disagreeing with
 * the CSR). The specialist looks at both and says which reading is right.
 */
export const ReviewCheck = z.object({
  field: ComparedField,
  label: z.string(),
  /** the rejection it would become if the difference is real */
  code: z.string(),
  /** why PortDesk could not decide */
  why: z.string(),
  /** the checked sources (LOA, case) whose value seems to differ */
  sources: z.array(CompareSource),
  /** the carrier document read as truth for this field */
  reference: CompareSource.nullable(),
  /** what each document seems to say (PINs masked) */
  candidates: z.object({
    loa: z.array(CheckCandidate).optional(),
    invoice: z.array(CheckCandidate).optional(),
    csr: z.array(CheckCandidate).optional(),
    case: z.array(CheckCandidate).optional(),
  }),
});
export type ReviewCheck = z.infer<typeof ReviewCheck>;

/** Something about the documents as a whole, said once above the fields. */
export const ReviewBanner = z.object({
  /** nothing_checked: no LOA, invoice or CSR was read, so the review found nothing because it looked at nothing */
  kind: z.enum(['wrong_document', 'documents_disagree', 'no_carrier_record', 'nothing_checked']),
  source: CompareSource.nullable(),
  message: z.string(),
});
export type ReviewBanner = z.infer<typeof ReviewBanner>;

export const ChecklistItem = z.object({
  id: z.string(),
  text: z.string(),
  state: z.enum(['done', 'open', 'unknown']),
  /** true when PortDesk set the state from the documents; false when only the specialist can tick it */
  auto: z.boolean(),
  note: z.string().optional(),
});
export type ChecklistItem = z.infer<typeof ChecklistItem>;

export const ResellerNotice = z.object({
  provider: z.string(),
  underlying_carriers: z.array(z.string()),
  /** the underlying carrier recorded on the case or shown by the CSR, if known */
  underlying_known: z.string().nullable(),
  account_number_source: z.string(),
  pin_source: z.string(),
  requirements: z.array(z.string()),
  /** the question to send the current provider (seed 000) */
  question: z.string(),
  message: z.string(),
});
export type ResellerNotice = z.infer<typeof ResellerNotice>;

export const NumbersReport = z.object({
  to_port: z.array(z.string()),
  /** where the list to port came from */
  to_port_source: z.enum(['input', 'case', 'loa', 'none']),
  /** numbers on the losing carrier's account (CSR, else invoice); null when no such document */
  on_account: z.array(z.string()).nullable(),
  not_on_account: z.array(z.string()),
  /** on the order but not listed on the LOA */
  not_on_loa: z.array(z.string()),
  /** on the account, not being ported */
  staying: z.array(z.string()),
  /** staying numbers the LOA marks "do not port" (a keep decision exists) */
  staying_marked_keep: z.array(z.string()),
  partial_port: z.boolean(),
  btn_ported_in_partial: z.boolean(),
  /** numbers that could not be read as phone numbers */
  invalid: z.array(z.string()),
  /** when the numbers belong to several accounts/BTNs/addresses: one group per future order */
  split_groups: z.array(z.object({ btn: z.string(), service_address: z.string(), numbers: z.array(z.string()) })),
});
export type NumbersReport = z.infer<typeof NumbersReport>;

export const CarrierSummary = z.object({
  name: z.string(),
  id: z.string().nullable(),
  reseller: z.boolean(),
  from: CompareSource,
});

export const ComparisonResult = z.object({
  as_of: z.string(),
  /** which carrier document the comparison treated as truth */
  reference_document: z.enum(['csr', 'invoice']).nullable(),
  documents: z.array(CompareSource),
  fields: z.record(ComparedField, FieldComparison),
  /** what the losing carrier (or PortDesk's own checks) would reject, read with certainty: level "blocker" */
  predicted_rejections: z.array(PredictedRejection),
  /** differences that could not be confirmed: look at both documents (never counted as blockers) */
  checks: z.array(ReviewCheck),
  /** statements about the documents as a whole (an LOA that belongs to another customer…) */
  banners: z.array(ReviewBanner),
  /**
   * risks that are not certain rejections: names that differ only in form (ENTITY_NAME_MISMATCH /
   * AUTH_PERSON_MISMATCH at level "warning", proposing the CSR's exact string), format doubts,
   * partial ports. Kept out of predicted_rejections so form differences never count as mismatches.
   */
  risks: z.array(PredictedRejection),
  /** fields that could not be checked (their reason is on the field) */
  not_checked: z.array(ComparedField),
  checklist: z.array(ChecklistItem),
  carrier: CarrierSummary.nullable(),
  reseller: ResellerNotice.nullable(),
  numbers: NumbersReport,
  counts: z.object({
    blockers: z.number().int(),
    warnings: z.number().int(),
    checks: z.number().int(),
    mismatched_fields: z.number().int(),
  }),
});
export type ComparisonResult = z.infer<typeof ComparisonResult>;

// ---------------------------------------------------------------------------------------------
// Input

const zipOrEmpty = z.string().max(20);
/** What the case contributes (the order PortDesk would submit). PIN is never passed, only whether it is set. */
export const CaseCompareData = z.object({
  entity_name: z.string().max(200).optional(),
  authorized_person: z.string().max(200).optional(),
  btn: z.string().max(40).optional(),
  account_number: z.string().max(80).optional(),
  pin_set: z.boolean().optional(),
  service_street: z.string().max(200).optional(),
  service_unit: z.string().max(80).optional(),
  service_city: z.string().max(100).optional(),
  service_state: z.string().max(40).optional(),
  service_zip: zipOrEmpty.optional(),
  losing_carrier: z.string().max(120).optional(),
  underlying_carrier: z.string().max(120).optional(),
  /** E.164 numbers on the order */
  numbers: z.array(z.string()).optional(),
});
export type CaseCompareData = z.infer<typeof CaseCompareData>;

/**
 * The gaining carrier: the porting company using PortDesk, named in every LOA's authorization ("I
 * authorize <gaining carrier> to port…"). The settings keep it (AppSettings) and the review is given
 * it, so a document's name read as that company is never taken for the customer's.
 */
export const GainingCarrierName = z.string().trim().max(120);

export const CompareLimits = z.object({
  invoiceMaxAgeDays: z.number().int().min(1).max(3650).default(30),
  loaMaxAgeDays: z.number().int().min(1).max(3650).default(30),
});
export type CompareLimits = z.infer<typeof CompareLimits>;

/**
 * The words with boxes of each document (as stored with it), for guided verification. Not
 * re-validated here: they come from the document store, validated when read, and re-parsing
 * thousands of words would cost more than the comparison itself.
 */
const StoredPages = z.custom<PageText[]>((v) => Array.isArray(v), 'pages must be an array of PageText');
export const ComparePages = z.object({
  loa: StoredPages.optional(),
  invoice: StoredPages.optional(),
  csr: StoredPages.optional(),
});
export type ComparePages = z.infer<typeof ComparePages>;

/**
 * A document's fields as a comparison takes them: not validated again. Every source validates them
 * already (the extractor's result when stored, the review's toExtracted, the CLI's reader), and a
 * review re-run on every edit spent a tenth of its time re-validating fields and their candidates.
 */
const CompareFields = z.custom<ExtractedFields>(
  (v) => typeof v === 'object' && v !== null && !Array.isArray(v),
  'fields must be an object of extracted fields',
);

export const CompareInput = z.object({
  loa: CompareFields.optional(),
  invoice: CompareFields.optional(),
  csr: CompareFields.optional(),
  /** CSRs of further accounts the numbers may sit on (multi-account ports → split orders) */
  extraCsrs: z.array(CompareFields).optional(),
  caseData: CaseCompareData.optional(),
  numbersToPort: z.array(z.string()).optional(),
  pages: ComparePages.optional(),
  asOf: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'asOf must be YYYY-MM-DD'),
  limits: CompareLimits.partial().optional(),
  /** the gaining carrier (see GainingCarrierName); absent or empty: not known */
  gainingCarrier: GainingCarrierName.optional(),
});
export type CompareInput = z.input<typeof CompareInput>;

// ---------------------------------------------------------------------------------------------
// Tables (resources/rejections.json, resources/carriers.json): validated when loaded

export const RejectionEntry = z.object({
  code: z.string().regex(/^[A-Z0-9_]+$/),
  /** telnyx: in the V2 PortingOrdersExceptionType enum; telnyx-docs: in Telnyx docs only; portdesk: PortDesk's own document checks; carrier: other carriers' reasons */
  source: z.enum(['telnyx', 'telnyx-docs', 'portdesk', 'carrier']),
  title: z.string(),
  /** ComparedField, or "foc_date" / "order" / "carrier" for operational codes */
  field: z.string(),
  meaning: z.string(),
  action: z.string(),
  /** other names for the same cause: older Telnyx codes, other carriers' wordings */
  aliases: z.array(z.string()),
  /** Telnyx's own description, when it has one */
  telnyx_description: z.string().optional(),
  /** can PortDesk predict it from the documents? */
  predictable: z.boolean(),
  /**
   * false where the fix is not a new value of the code's field (split the order, have the carrier remove
   * a feature, designate another BTN): received, such a code does not hold the resend until that field
   * changes (porting/received-rejections.ts)
   */
  fixed_by_new_value: z.boolean().optional(),
});
export type RejectionEntry = z.infer<typeof RejectionEntry>;
export const RejectionTable = z.object({ version: z.number().int(), codes: z.array(RejectionEntry) });

export const CarrierEntry = z.object({
  id: z.string(),
  name: z.string(),
  aliases: z.array(z.string()),
  kind: z.enum(['reseller', 'cpaas', 'ilec', 'cable', 'wireless', 'clec', 'voip']),
  reseller: z.boolean(),
  underlying_carriers: z.array(z.string()),
  account_number: z.object({
    source: z.string(),
    /** regular expression on the normalised number (see shared/normalize/account.ts) */
    format: z.object({ pattern: z.string(), description: z.string() }).optional(),
  }),
  pin: z.object({
    source: z.string(),
    required: z.enum(['yes', 'wireless', 'if-set', 'unknown']),
    /** how many days a wireless transfer PIN stays valid after it was obtained (carrier-specific) */
    wireless_max_age_days: z.number().int().min(1).max(365).optional(),
  }),
  requirements: z.array(z.string()),
  notes: z.string(),
  /** where this knowledge comes from */
  basis: z.string(),
});
export type CarrierEntry = z.infer<typeof CarrierEntry>;
export const CarrierTable = z.object({
  version: z.number().int(),
  checklist: z.array(z.object({ id: z.string(), text: z.string() })),
  reseller_question: z.string(),
  /** carriers known by name only (no porting knowledge yet): extraction recognises them in documents */
  recognised_names: z.array(z.string()).optional(),
  carriers: z.array(CarrierEntry),
  /** what toll-free numbers need: they are managed by a RespOrg (Somos registry), not by the losing carrier */
  toll_free: z.object({ guidance: z.array(z.string()) }).optional(),
});
