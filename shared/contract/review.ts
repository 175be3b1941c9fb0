import { z } from 'zod';
import { CaseRecord, CaseStatus } from '../domain/case.js';
import { AddressPartName, ChecklistItem, ComparisonResult, Verdict, documentFieldOf } from '../domain/comparison.js';
import type { FieldName } from '../domain/document.js';
import { method } from './rpc.js';

const id = z.number().int().positive();
const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'use YYYY-MM-DD');

/** A ready override needs a sentence a colleague can judge later, not "ok". */
export const OVERRIDE_REASON_MIN = 10;

/** The documents whose exact value can be copied into the case ("use the CSR value"). */
export const APPLY_SOURCES = ['csr', 'invoice', 'loa'] as const;
export const ApplySource = z.enum(APPLY_SOURCES);
export type ApplySource = z.infer<typeof ApplySource>;

/**
 * Compared fields a document value can be copied into the case for. PIN (a secret, masked on
 * documents), numbers (a keep/disconnect decision, not a copy) and dates are not among them.
 */
export const APPLICABLE_FIELDS = [
  'account_name',
  'authorized_person',
  'btn',
  'account_number',
  'service_address',
] as const;
export const ApplicableField = z.enum(APPLICABLE_FIELDS);
export type ApplicableField = z.infer<typeof ApplicableField>;

/**
 * Fields whose reading on a document the specialist can confirm from a check row, and the document
 * field each one is stored in (a confirmation is a correction of that document's reading).
 */
export const CONFIRMABLE_FIELDS = [
  'account_name',
  'authorized_person',
  'btn',
  'account_number',
  'service_address',
  'phone_numbers',
  'invoice_date',
  'loa_date',
] as const;
export const ConfirmableField = z.enum(CONFIRMABLE_FIELDS);
export type ConfirmableField = z.infer<typeof ConfirmableField>;
export const CONFIRMED_DOCUMENT_FIELD = Object.fromEntries(
  CONFIRMABLE_FIELDS.map((f) => [f, documentFieldOf(f)]),
) as Record<ConfirmableField, FieldName>;

export const ConfirmReading = z.object({
  caseId: z.number().int().positive(),
  field: ConfirmableField,
  /** the document whose reading is confirmed or corrected */
  source: ApplySource,
  /**
   * what that document really says, as the specialist sees it (one of the candidates, or typed);
   * an address as one line ("123 N Main St Ste 200, Springfield, IL 62704"), numbers comma-separated
   */
  value: z.string().trim().min(1, 'type what the document says').max(2000),
});
export type ConfirmReading = z.infer<typeof ConfirmReading>;

// ---------------------------------------------------------------------------------------------
// Settings: how old an invoice or LOA may be, by default and per losing carrier

const days = z.number().int().min(1, 'at least 1 day').max(3650, 'at most 3650 days');
export const AgeLimits = z.object({ invoiceMaxAgeDays: days, loaMaxAgeDays: days });
export type AgeLimits = z.infer<typeof AgeLimits>;

export const CarrierAgeLimits = z.object({
  /** the losing carrier as a person names it ("AT&T", "Verizon Wireless"); matched like the comparison does */
  carrier: z.string().trim().min(1, 'name the carrier').max(120),
  invoiceMaxAgeDays: days.optional(),
  loaMaxAgeDays: days.optional(),
});
export type CarrierAgeLimits = z.infer<typeof CarrierAgeLimits>;

/** Limits for one case only (a customer whose carrier agreed to an older invoice): win over carrier and defaults. */
export const CaseAgeLimits = z.object({
  caseId: z.number().int().positive(),
  invoiceMaxAgeDays: days.optional(),
  loaMaxAgeDays: days.optional(),
});
export type CaseAgeLimits = z.infer<typeof CaseAgeLimits>;

export const ReviewSettings = z.object({
  defaults: AgeLimits,
  carriers: z.array(CarrierAgeLimits).max(200),
  cases: z.array(CaseAgeLimits).max(5000).default([]),
});
export type ReviewSettings = z.infer<typeof ReviewSettings>;

export const DEFAULT_REVIEW_SETTINGS: ReviewSettings = {
  defaults: { invoiceMaxAgeDays: 30, loaMaxAgeDays: 30 },
  carriers: [],
  cases: [],
};

// ---------------------------------------------------------------------------------------------
// The review of a case

const perSource = <T extends z.ZodType>(t: T) =>
  z.object({ loa: t.optional(), invoice: t.optional(), csr: t.optional(), case: t.optional() });

/** One line of the service address, per source, for the "by parts" rows. */
export const AddressPartRow = z.object({
  part: AddressPartName,
  label: z.string(),
  values: perSource(z.string()),
  verdict: Verdict,
  /** why, when not a match (from the comparison) */
  reason: z.string().optional(),
});
export type AddressPartRow = z.infer<typeof AddressPartRow>;

export const CaseFieldChange = z.object({ field: z.string(), from: z.string(), to: z.string() });

/** A document value that can be copied into the case, and exactly what would change. */
export const ApplyProposal = z.object({
  field: ApplicableField,
  source: ApplySource,
  /** the document's value as written */
  value: z.string(),
  changes: z.array(CaseFieldChange),
  /**
   * parts of the document's value that are not copied because they cannot be right (a city "BN1",
   * an empty state, a ZIP that is no ZIP): the case keeps its own value for them
   */
  withheld: z.array(z.object({ field: z.string(), value: z.string(), why: z.string() })).optional(),
});
export type ApplyProposal = z.infer<typeof ApplyProposal>;

export const OverrideRecord = z.object({
  id: z.number().int(),
  at: z.string(),
  actor: z.string(),
  reason: z.string(),
  as_of: z.string(),
  /** the predicted rejections that were overridden */
  blockers: z.array(z.object({ code: z.string(), field: z.string(), reason: z.string() })),
});
export type OverrideRecord = z.infer<typeof OverrideRecord>;

export const ReviewChecklistItem = ChecklistItem.extend({
  /** a person's tick on an item PortDesk cannot verify */
  ticked: z.object({ actor: z.string(), at: z.string() }).nullable(),
});
export type ReviewChecklistItem = z.infer<typeof ReviewChecklistItem>;

/** The comparison of a case, with which documents it used and which could not be used yet. */
export const CaseReview = ComparisonResult.extend({
  case_id: z.number().int(),
  documents_used: z.object({
    loa: z.number().int().nullable(),
    invoice: z.number().int().nullable(),
    csr: z.number().int().nullable(),
    extra_csrs: z.array(z.number().int()),
  }),
  /** LOA/invoice/CSR documents still being read, failed or cancelled: their fields are not compared */
  pending_documents: z.array(
    z.object({ id: z.number().int(), name: z.string(), kind: z.string(), status: z.string() }),
  ),
  /** the age limits the dates were checked with, and the carrier whose setting supplied them */
  limits: AgeLimits.extend({
    carrier: z.string().nullable(),
    /** true when this case has limits of its own (set in Settings for this case only) */
    case: z.boolean().optional(),
  }),
  address_parts: z.array(AddressPartRow),
  apply: z.array(ApplyProposal),
  checklist: z.array(ReviewChecklistItem),
  ready: z.object({
    status: CaseStatus,
    /** nothing blocks and the lifecycle allows the move now */
    can_mark_ready: z.boolean(),
    /** why "Mark ready" cannot be pressed (status, blockers), null when it can */
    refusal: z.string().nullable(),
  }),
  /** earlier ready overrides on this case, newest first */
  overrides: z.array(OverrideRecord),
});
export type CaseReview = z.infer<typeof CaseReview>;

export const reviewContract = {
  'review.compare': method(
    z.object({ caseId: id, asOf: isoDay.optional() }),
    CaseReview,
    "Compare the case's LOA, invoice and CSR (and the case itself) field by field; predict rejections; update the queue's blocker count.",
  ),
  'review.applyValue': method(
    z.object({ caseId: id, version: z.number().int(), field: ApplicableField, source: ApplySource.default('csr') }),
    z.object({ case: CaseRecord, review: CaseReview }),
    "Copy a document's exact value (CSR by default) into the case (recorded in the history) and compare again; CONFLICT when version is stale.",
  ),
  'review.markReady': method(
    z.object({
      caseId: id,
      version: z.number().int(),
      /** required when something still blocks: why it is safe to submit anyway */
      overrideReason: z
        .string()
        .trim()
        .min(
          OVERRIDE_REASON_MIN,
          `write at least ${OVERRIDE_REASON_MIN} characters saying why it is safe to submit anyway`,
        )
        .max(2000)
        .optional(),
    }),
    z.object({ case: CaseRecord, review: CaseReview, override: OverrideRecord.nullable() }),
    'Move a case from review to ready when nothing blocks it; with blockers only with a written override reason (kept in the history).',
  ),
  'review.checkItem': method(
    z.object({ caseId: id, item: z.string().min(1).max(60), done: z.boolean() }),
    CaseReview,
    'Tick (or untick) a pre-submit checklist item PortDesk cannot verify itself; recorded in the history.',
  ),
  'review.confirmReading': method(
    ConfirmReading,
    CaseReview,
    "Confirm (or correct) what a document says for a field the review could not decide; stored as that document's reading, recorded in the history, and compared again.",
  ),
  'review.settings': method(
    z.object({}),
    ReviewSettings,
    'How old an invoice and an LOA may be, by default and per losing carrier.',
  ),
  'review.setSettings': method(
    ReviewSettings,
    ReviewSettings,
    'Change the invoice/LOA age limits; blocker counts of open cases are recomputed.',
  ),
} as const;
