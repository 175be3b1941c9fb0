import { z } from 'zod';
import { CaseFields, CaseRecord, CaseStatus, CaseSummary, HistoryEntry } from '../domain/case.js';
import { method } from './rpc.js';

export const CASE_SORTS = ['age', 'foc', 'status', 'updated', 'customer', 'carrier', 'numbers', 'blockers'] as const;
export const CasesListInput = z.object({
  status: z.array(CaseStatus).max(20).optional(),
  carrier: z.string().max(120).optional(),
  search: z.string().max(200).optional(),
  sort: z.enum(CASE_SORTS).default('age'),
  direction: z.enum(['asc', 'desc']).default('desc'),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(500).default(100),
});
export type CasesListInput = z.input<typeof CasesListInput>;

/** Bulk-import columns (header names are case-insensitive). Documented in README.md. */
export const CSV_COLUMNS = [
  'entity_name',
  'numbers',
  'authorized_person',
  'btn',
  'account_number',
  'pin',
  'service_street',
  'service_unit',
  'service_city',
  'service_state',
  'service_zip',
  'losing_carrier',
  'customer_reference',
] as const;
/** A port-out PIN or passcode: carriers use a few digits; the limit keeps junk out of the sealed field. */
export const PIN_MAX_CHARS = 40;

export const CSV_REQUIRED_COLUMNS = ['entity_name', 'numbers'] as const;

/** A CSV row the queue already holds: same customer reference, or its numbers on an active case. */
export const ImportDuplicate = z.object({
  row: z.number().int(),
  entity_name: z.string(),
  reason: z.string(),
  /** the case holding it; null when it repeats an earlier row of the same file */
  caseId: z.number().int().nullable(),
  caseStatus: CaseStatus.nullable(),
});
export type ImportDuplicate = z.infer<typeof ImportDuplicate>;

export const CaseHoldingNumbers = z.object({
  id: z.number().int(),
  entity_name: z.string(),
  status: CaseStatus,
  /** the numbers both cases list, E.164 */
  numbers: z.array(z.string()),
});
export type CaseHoldingNumbers = z.infer<typeof CaseHoldingNumbers>;

export const ImportReport = z.object({
  imported: z.number().int(),
  ids: z.array(z.number().int()),
  rejected: z.array(z.object({ row: z.number().int(), reason: z.string() })),
  warnings: z.array(z.object({ row: z.number().int(), message: z.string() })),
  /** rows not imported because the queue already holds them; absent when none was screened */
  duplicates: z.array(ImportDuplicate).optional(),
});
export type ImportReport = z.infer<typeof ImportReport>;

const id = z.number().int().positive();

export const casesContract = {
  'cases.list': method(
    CasesListInput,
    z.object({ total: z.number().int(), rows: z.array(CaseSummary) }),
    'Page through the queue with filters, search and sort.',
  ),
  'cases.carriers': method(z.object({}), z.array(z.string()), 'Distinct losing carriers, for the filter.'),
  'cases.get': method(z.object({ id }), CaseRecord, 'One case with its numbers.'),
  'cases.create': method(
    z.object({ fields: CaseFields.partial().default({}), numbersText: z.string().max(200_000).optional() }),
    CaseRecord,
    'Create a case in intake.',
  ),
  'cases.update': method(
    z.object({
      id,
      version: z.number().int(),
      fields: CaseFields.partial().default({}),
      /** write-only: a new PIN, or null to clear it; absent leaves it */
      pin: z.string().max(PIN_MAX_CHARS).nullable().optional(),
      /** replaces the list of numbers to port */
      numbersText: z.string().max(200_000).optional(),
    }),
    CaseRecord,
    'Edit a case; refused with CONFLICT when version is stale.',
  ),
  'cases.setStatus': method(
    z.object({ id, version: z.number().int(), status: CaseStatus, reason: z.string().max(2000).optional() }),
    CaseRecord,
    'Move a case through the lifecycle.',
  ),
  'cases.history': method(z.object({ id }), z.array(HistoryEntry), 'Who changed what, newest first.'),
  'cases.revealPin': method(
    z.object({ id }),
    z.object({ pin: z.string().nullable() }),
    'The PIN, only when the user asks to see it (recorded in the history).',
  ),
  'cases.markSeen': method(z.object({ id }), z.object({}), 'Clear the changed-since-last-look marker.'),
  'cases.importCsv': method(
    z.object({
      csv: z.string().max(50_000_000),
      fileName: z.string().max(500).optional(),
      /** "import anyway": create these rows (CSV row numbers) even though the queue already holds them */
      importDuplicateRows: z.array(z.number().int().positive()).max(100_000).optional(),
    }),
    ImportReport,
    'Import cases from CSV in one transaction; report rejected rows and rows already in the queue.',
  ),
  'cases.loadSamples': method(z.object({}), ImportReport, 'Fill an empty queue with realistic sample cases.'),
  'cases.statusCounts': method(
    CasesListInput.pick({ carrier: true, search: true }),
    z.record(CaseStatus, z.number().int()),
    'How many cases of each status match the carrier and search filters (the status chips).',
  ),
  'cases.sharingNumbers': method(
    z.object({ id }),
    z.array(CaseHoldingNumbers),
    'Other active cases listing any of this case’s numbers (a number can be in one porting order at a time).',
  ),
  'cases.cancelMany': method(
    z.object({ ids: z.array(id).min(1).max(5000), reason: z.string().trim().min(3).max(2000) }),
    z.object({
      cancelled: z.array(z.number().int()),
      refused: z.array(z.object({ id: z.number().int(), reason: z.string() })),
    }),
    'Cancel several cases with one reason; a case that cannot be cancelled is listed with why, the others still are.',
  ),
} as const;
