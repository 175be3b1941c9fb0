import { z } from 'zod';
import { IsoDay as isoDay } from '../domain/day.js';
import { method } from './rpc.js';

/**
 * What can be due on a case: a carrier's rejection waiting for its fix, an FOC today or tomorrow, an
 * LOA or invoice close to its age limit, an order the losing carrier has not moved for a while,
 * readings the review wants a person to check.
 */
export const DUE_KINDS = ['rejected', 'foc', 'loa_age', 'invoice_age', 'stalled', 'checks'] as const;
export const DueKind = z.enum(DUE_KINDS);
export type DueKind = z.infer<typeof DueKind>;

/** Kinds a desktop notification is shown for; checks are the specialist's own work and only listed. */
export const DUE_NOTIFIED_KINDS: readonly DueKind[] = ['rejected', 'foc', 'loa_age', 'invoice_age', 'stalled'];

export const DUE_KIND_LABEL: Record<DueKind, string> = {
  rejected: 'Rejected',
  foc: 'FOC',
  loa_age: 'LOA age',
  invoice_age: 'Invoice age',
  stalled: 'No progress',
  checks: 'Checks',
};

/** The thresholds of the Due list (stored in settings; the defaults follow seed 002 and the age limits). */
export const DueSettings = z.object({
  /** FOC within this many days from today (0 = today only, 1 = today and tomorrow) */
  focDaysAhead: z.number().int().min(0).max(14),
  /** LOA or invoice whose age limit falls within this many days */
  ageWarnDays: z.number().int().min(0).max(60),
  /** submitted orders with no change for this many business days */
  stalledBusinessDays: z.number().int().min(1).max(60),
  /** desktop notifications for new due items (the list itself is always shown) */
  notify: z.boolean(),
});
export type DueSettings = z.infer<typeof DueSettings>;
export const DEFAULT_DUE_SETTINGS: DueSettings = {
  focDaysAhead: 1,
  ageWarnDays: 7,
  stalledBusinessDays: 7,
  notify: true,
};

export const DueItem = z.object({
  /** stable while the fact is the same (kind, case and the date or document it is about): notified once */
  key: z.string(),
  kind: DueKind,
  case_id: z.number().int(),
  entity_name: z.string(),
  /** 'overdue' passed, 'today' due today, 'soon' within the threshold */
  urgency: z.enum(['overdue', 'today', 'soon']),
  /** the day it is about (FOC, age limit, last progress), when there is one */
  date: isoDay.nullable(),
  title: z.string(),
  detail: z.string(),
  /** a desktop notification was shown for this item already */
  notified: z.boolean(),
});
export type DueItem = z.infer<typeof DueItem>;

export const DueList = z.object({
  as_of: isoDay,
  settings: DueSettings,
  items: z.array(DueItem),
});
export type DueList = z.infer<typeof DueList>;

export const dueContract = {
  'due.list': method(
    z.object({ asOf: isoDay.optional() }),
    DueList,
    'What is due: rejections to fix, FOCs, documents near their age limit, stalled orders, checks waiting on the specialist.',
  ),
  'due.settings': method(z.object({}), DueSettings, 'The Due list thresholds.'),
  'due.setSettings': method(DueSettings, DueSettings, 'Change the Due list thresholds.'),
  'due.markNotified': method(
    z.object({ keys: z.array(z.string().min(1).max(200)).max(500) }),
    z.object({ marked: z.number().int() }),
    'Remember that these due items were notified, so they are not notified again.',
  ),
} as const;
