import { z } from 'zod';
import { method } from './rpc.js';

/**
 * The audit trail as a reader sees it: every change to a case (its history) and every setting
 * change and API call (audit_log), oldest first. Details never hold a secret.
 */
export const AuditEntry = z.object({
  at: z.string(),
  actor: z.string(),
  /** 'change' a case edit or status move, 'settings', 'api' a call to the porting API */
  kind: z.enum(['change', 'settings', 'api']),
  case_id: z.number().int().nullable(),
  action: z.string(),
  detail: z.string(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

export const auditContract = {
  'audit.list': method(
    z.object({
      caseId: z.number().int().positive().optional(),
      limit: z.number().int().min(1).max(100_000).default(5000),
    }),
    z.object({ total: z.number().int(), entries: z.array(AuditEntry) }),
    'Every change and every API call, newest first (never a secret).',
  ),
  'cases.exportCsv': method(
    z.object({}),
    z.object({ csv: z.string(), fileName: z.string(), rows: z.number().int() }),
    "The queue as CSV: the import's columns plus status, order ids and FOC, safe to open in a spreadsheet.",
  ),
} as const;
