import { z } from 'zod';
import { ADDRESS_PART_NAMES, type AddressPartName, caseFieldLabels, fieldSpec } from './fields.js';

/** The porting lifecycle, in order. `cancelled` can be reached from any open status. */
export const CASE_STATUSES = [
  'intake',
  'documents',
  'review',
  'ready',
  'submitted',
  'exception',
  'foc-confirmed',
  'ported',
  'cancelled',
] as const;
export const CaseStatus = z.enum(CASE_STATUSES);
export type CaseStatus = z.infer<typeof CaseStatus>;

export const STATUS_LABEL: Record<CaseStatus, string> = {
  intake: 'Intake',
  documents: 'Documents',
  review: 'Review',
  ready: 'Ready',
  submitted: 'Submitted',
  exception: 'Exception',
  'foc-confirmed': 'FOC confirmed',
  ported: 'Ported',
  cancelled: 'Cancelled',
};

/** Allowed moves and, for every other pair, why not. One table, read by the core and the UI. */
const NEXT: Record<CaseStatus, readonly CaseStatus[]> = {
  intake: ['documents', 'cancelled'],
  documents: ['intake', 'review', 'cancelled'],
  review: ['documents', 'ready', 'cancelled'],
  ready: ['review', 'submitted', 'cancelled'],
  submitted: ['exception', 'foc-confirmed', 'cancelled'],
  exception: ['review', 'submitted', 'cancelled'],
  'foc-confirmed': ['exception', 'ported', 'cancelled'],
  ported: [],
  cancelled: ['intake'],
};

export function allowedTransitions(from: CaseStatus): readonly CaseStatus[] {
  return NEXT[from];
}

/** null when the move is allowed, else a reason a specialist can act on. */
export function transitionRefusal(from: CaseStatus, to: CaseStatus): string | null {
  if (from === to) return `The case is already ${STATUS_LABEL[to]}.`;
  if (NEXT[from].includes(to)) return null;
  if (from === 'ported') return 'The numbers are already ported; a ported case is final.';
  if (to === 'ported') return 'A case is ported only after the FOC date is confirmed.';
  if (to === 'foc-confirmed') return 'An FOC date can only be confirmed on a submitted order.';
  if (to === 'exception') return 'Only a submitted order can come back with an exception.';
  if (to === 'submitted') return 'Only a ready case (or one whose exception was fixed) can be submitted.';
  if (to === 'ready') return 'A case becomes ready from review, once nothing blocks it.';
  if (from === 'cancelled') return 'Reopen a cancelled case to intake first.';
  const allowed = NEXT[from].map((s) => STATUS_LABEL[s]).join(', ');
  return `${STATUS_LABEL[from]} cannot go to ${STATUS_LABEL[to]}; from here: ${allowed}.`;
}

/** What the specialist should do next, derived from the status: never stored. */
export const NEXT_ACTION: Record<CaseStatus, string> = {
  intake: 'Collect LOA, invoice and CSR',
  documents: 'Check the documents are complete',
  review: 'Review fields against the CSR',
  ready: 'Submit the order',
  submitted: 'Wait for FOC',
  exception: 'Fix the rejection and resubmit',
  'foc-confirmed': 'Prepare activation on FOC date',
  ported: 'None',
  cancelled: 'None',
};

/** The three papers every port needs; the queue shows one icon for each. */
export const CASE_PAPERS = ['loa', 'invoice', 'csr'] as const;
export type CasePaper = (typeof CASE_PAPERS)[number];
export const PAPER_LABEL: Record<CasePaper, string> = { loa: 'LOA', invoice: 'invoice', csr: 'CSR' };
/** Where a case's paper stands: none attached, being read, read, or attached but unreadable. */
export const PaperState = z.enum(['missing', 'reading', 'read', 'failed']);
export type PaperState = z.infer<typeof PaperState>;
export const PaperStates = z.object({ loa: PaperState, invoice: PaperState, csr: PaperState });
export type PaperStates = z.infer<typeof PaperStates>;

/** NEXT_ACTION made true for a case whose papers are known: say which ones are still missing. */
export function nextActionOf(status: CaseStatus, papers: PaperStates | null): string {
  if (!papers || (status !== 'intake' && status !== 'documents')) return NEXT_ACTION[status];
  const missing = CASE_PAPERS.filter((p) => papers[p] === 'missing' || papers[p] === 'failed');
  if (missing.length) {
    const names = missing.map((p) => PAPER_LABEL[p]);
    return `Collect ${names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names.at(-1)}` : names[0]}`;
  }
  if (CASE_PAPERS.some((p) => papers[p] === 'reading')) return 'Wait for the documents to be read';
  return NEXT_ACTION.review;
}

export const PortNumber = z.object({
  raw: z.string(),
  e164: z.string().nullable(),
  error: z.string().nullable(),
});
export type PortNumber = z.infer<typeof PortNumber>;

const text = (max: number) => z.string().max(max);

/** Editable customer data: every field the LOA, CSR and order carry. PIN is write-only. */
export const CaseFields = z.object({
  entity_name: text(200),
  authorized_person: text(200),
  btn: text(40),
  account_number: text(80),
  service_street: text(200),
  service_unit: text(80),
  service_city: text(100),
  service_state: text(40),
  service_zip: text(20),
  losing_carrier: text(120),
  underlying_carrier: text(120),
  customer_reference: text(120),
  notes: text(20000),
  foc_date: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .nullable(),
});
export type CaseFields = z.infer<typeof CaseFields>;
export const CASE_FIELD_NAMES = Object.keys(CaseFields.shape) as (keyof CaseFields)[];

/**
 * The case field that holds each part of the service address (street_line → service_street …), as
 * the field registry maps them; checked here against the case's fields, so a registry typo fails at
 * load rather than writing nowhere.
 */
export const SERVICE_ADDRESS_FIELD: Readonly<Record<AddressPartName, keyof CaseFields>> = serviceAddressFields();

function serviceAddressFields(): Record<AddressPartName, keyof CaseFields> {
  const out: Partial<Record<AddressPartName, keyof CaseFields>> = {};
  for (const p of fieldSpec('service_address').parts ?? []) {
    if (!(CASE_FIELD_NAMES as readonly string[]).includes(p.caseField))
      throw new Error(`field registry: address part "${p.part}" is kept in "${p.caseField}", which the case lacks`);
    out[p.part] = p.caseField as keyof CaseFields;
  }
  const unmapped = ADDRESS_PART_NAMES.filter((k) => !out[k]);
  if (unmapped.length) throw new Error(`field registry: no case field for address parts ${unmapped.join(', ')}`);
  return out as Record<AddressPartName, keyof CaseFields>;
}

export type ServiceAddressParts = Record<AddressPartName, string>;

/** The case's service address by part, '' where blank (the case's or the compare data's service_* fields). */
export function serviceAddressParts(rec: Partial<Record<keyof CaseFields, unknown>>): ServiceAddressParts {
  const out = {} as ServiceAddressParts;
  for (const part of ADDRESS_PART_NAMES) {
    const v = rec[SERVICE_ADDRESS_FIELD[part]];
    out[part] = typeof v === 'string' ? v : '';
  }
  return out;
}

/** The case's service address, or null when it has none: a unit or a state alone locates nothing. */
export function serviceAddressOnCase(rec: Partial<Record<keyof CaseFields, unknown>>): ServiceAddressParts | null {
  const a = serviceAddressParts(rec);
  return a.street_line.trim() || a.city.trim() || a.zip.trim() ? a : null;
}

/** The case's service address as PortDesk's JSON outputs write it (packet manifest, CLI). */
export function serviceAddressJson(rec: Partial<Record<keyof CaseFields, unknown>>) {
  const a = serviceAddressParts(rec);
  return { street: a.street_line, unit: a.unit, city: a.city, state: a.state, zip: a.zip };
}

type LabelledField = keyof CaseFields | 'pin' | 'numbers' | 'status';
/** What a person calls each case field: the field registry (shared/domain/fields.ts) names those it holds. */
export const FIELD_LABEL: Record<LabelledField, string> = withRegistryLabels({
  underlying_carrier: 'Underlying carrier',
  customer_reference: 'Customer reference',
  notes: 'Notes',
  foc_date: 'Requested FOC date',
  status: 'Status',
});

function withRegistryLabels(own: Record<string, string>): Record<LabelledField, string> {
  const all = { ...caseFieldLabels(), ...own };
  const unnamed = [...CASE_FIELD_NAMES, 'pin', 'numbers', 'status'].filter((k) => !(k in all));
  if (unnamed.length) throw new Error(`case fields without a label: ${unnamed.join(', ')}`);
  return all as Record<LabelledField, string>;
}

export const CaseRecord = CaseFields.extend({
  id: z.number().int(),
  status: CaseStatus,
  version: z.number().int(),
  pin_set: z.boolean(),
  /** open review blockers (predicted rejections), kept current by the review */
  blockers: z.number().int(),
  numbers: z.array(PortNumber),
  created_at: z.string(),
  updated_at: z.string(),
  next_action: z.string(),
});
export type CaseRecord = z.infer<typeof CaseRecord>;

export const CaseSummary = z.object({
  id: z.number().int(),
  status: CaseStatus,
  entity_name: z.string(),
  losing_carrier: z.string(),
  number_count: z.number().int(),
  foc_date: z.string().nullable(),
  created_at: z.string(),
  updated_at: z.string(),
  next_action: z.string(),
  blockers: z.number().int(),
  /** readings the review could not confirm (shown apart from the blockers) */
  checks: z.number().int(),
  unseen_change: z.boolean(),
  /** LOA, invoice and CSR in force (removed and superseded documents do not count) */
  papers: PaperStates,
  /** the lowest-numbered other active case listing one of this case's numbers (active cases only) */
  shares_numbers_with: z.object({ id: z.number().int(), status: CaseStatus }).nullable(),
  /** the blockers were overridden with a written reason when the case was marked ready */
  blockers_overridden: z.boolean(),
});
export type CaseSummary = z.infer<typeof CaseSummary>;

export const HistoryChange = z.object({ field: z.string(), from: z.string().nullable(), to: z.string().nullable() });
export const HistoryEntry = z.object({
  id: z.number().int(),
  at: z.string(),
  actor: z.string(),
  action: z.string(),
  changes: z.array(HistoryChange),
  note: z.string().nullable(),
});
export type HistoryEntry = z.infer<typeof HistoryEntry>;
