import { z } from 'zod';
import { OUTBOX_KINDS } from './porting.js';

/**
 * Why cases changed, by the area that changed them: THE table of `cases.changed` reasons. A screen
 * asks the area (caseChangeArea) rather than parsing the string.
 */
const PORTING_NOTES = ['porting-split', 'porting-comment', 'porting-status', 'porting-foc'] as const;
export const CASE_CHANGE_REASONS = {
  cases: ['created', 'edited', 'status', 'imported', 'samples', 'status-followed-documents'],
  documents: [
    'document-attached',
    'document-read',
    'document-kind',
    'document-field',
    'document-removed',
    'document-restored',
    'document-replaced',
  ],
  review: ['review-applied', 'review-checklist', 'review-confirmed', 'review-blockers'],
  export: ['export-packet', 'export-loa'],
  channel: ['channel-changed', 'channel-status', 'channel-rejection', 'channel-line-type'],
  csr: ['csr-requested', 'csr-pending', 'csr-completed', 'csr-failed'],
  porting: [
    'porting:check',
    'porting:status',
    'porting:outbox',
    'porting:refused',
    ...OUTBOX_KINDS.map((k) => `porting:${k}` as const),
    ...OUTBOX_KINDS.map((k) => `porting:${k}-reconciled` as const),
    ...PORTING_NOTES.map((n) => `porting:${n}` as const),
  ],
} as const;
export type CaseChangeArea = keyof typeof CASE_CHANGE_REASONS;
export type CaseChangeReason = (typeof CASE_CHANGE_REASONS)[CaseChangeArea][number];
/** What the porting feature reports, without its `porting:` prefix. */
export type PortingChange = CaseChangeReason extends infer R ? (R extends `porting:${infer P}` ? P : never) : never;

const AREA_OF = new Map<string, CaseChangeArea>(
  (Object.entries(CASE_CHANGE_REASONS) as [CaseChangeArea, readonly string[]][]).flatMap(([area, reasons]) =>
    reasons.map((r) => [r, area] as const),
  ),
);
export const CaseChangeReason = z.enum([...AREA_OF.keys()] as [CaseChangeReason, ...CaseChangeReason[]]);
export function caseChangeArea(reason: CaseChangeReason): CaseChangeArea {
  return AREA_OF.get(reason)!;
}

/**
 * Events the core pushes to every window. Features add their own entries here; the payload schema
 * is the contract both hosts and the renderer rely on.
 */
export const eventsContract = {
  'cases.changed': z.object({ ids: z.array(z.number().int()), reason: CaseChangeReason }),
  'jobs.progress': z.object({
    jobId: z.number().int(),
    caseId: z.number().int(),
    documentId: z.number().int(),
    state: z.enum(['queued', 'running', 'done', 'failed', 'cancelled']),
    page: z.number().int(),
    pages: z.number().int(),
    fraction: z.number().min(0).max(1),
    message: z.string().optional(),
  }),
} as const;

export type EventName = keyof typeof eventsContract;
export type EventPayload<E extends EventName> = z.infer<(typeof eventsContract)[E]>;
export type AnyEvent = { [E in EventName]: { name: E; payload: EventPayload<E> } }[EventName];
