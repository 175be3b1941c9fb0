import { z } from 'zod';
import { method } from './rpc.js';

/**
 * The losing carrier's CSR requested through the API (Telnyx Customer Service Records): a coverage
 * check of the case's numbers, the request with the data the carrier asks for, then the record,
 * polled until it is completed (it becomes the case's CSR document) or failed (its error shown).
 */

const caseId = z.number().int().positive();

/** Where one request stands, in the order a person sees it move. */
export const CSR_REQUEST_STATES = ['queued', 'pending', 'completed', 'failed'] as const;

export const CsrCoverageView = z.object({
  phone_number: z.string(),
  covered: z.boolean(),
  /** why not covered, in the API's words */
  reason: z.string().nullable(),
  /** what the carrier asks for (API names: account_number, pin, zip_code…) */
  required: z.array(z.string()),
});
export type CsrCoverageView = z.infer<typeof CsrCoverageView>;

export const CsrRequestView = z.object({
  id: z.number().int(),
  caseId,
  phoneNumber: z.string(),
  /** queued = waiting in the outbox; pending = the carrier is preparing it */
  state: z.enum(CSR_REQUEST_STATES),
  /** the record's id at the API, once it was created */
  csrId: z.string().nullable(),
  /** what the case supplied, by name only (never the values: the PIN may be one) */
  supplied: z.array(z.string()),
  /** the API's error_message of a failed record, or why the request could not be sent */
  errorMessage: z.string().nullable(),
  /** the outbox's last problem while still trying (offline, rate limited) */
  waitingFor: z.string().nullable(),
  carrierName: z.string().nullable(),
  /** the CSR document made from the completed record */
  documentId: z.number().int().nullable(),
  requestedAt: z.string(),
  updatedAt: z.string(),
});
export type CsrRequestView = z.infer<typeof CsrRequestView>;

export const CaseCsrView = z.object({
  caseId,
  /** the last coverage check of the case's numbers, null before the first request */
  coverage: z.array(CsrCoverageView).nullable(),
  /** newest first */
  requests: z.array(CsrRequestView),
});
export type CaseCsrView = z.infer<typeof CaseCsrView>;

export const csrContract = {
  'csr.request': method(
    z.object({ caseId }),
    CaseCsrView,
    "Check CSR coverage of the case's numbers and request the losing carrier's CSR with the data it asks for (through the outbox).",
  ),
  'csr.status': method(
    z.object({ caseId, refresh: z.boolean().default(false) }),
    CaseCsrView,
    "The case's CSR requests; refresh = ask the API now about the pending ones.",
  ),
} as const;
