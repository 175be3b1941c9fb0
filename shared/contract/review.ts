import { z } from 'zod';
import { ComparisonResult } from '../domain/comparison.js';
import { method } from './rpc.js';

const id = z.number().int().positive();

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
  pending_documents: z.array(z.object({ id: z.number().int(), name: z.string(), kind: z.string(), status: z.string() })),
});
export type CaseReview = z.infer<typeof CaseReview>;

export const reviewContract = {
  'review.compare': method(z.object({ caseId: id, asOf: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional() }), CaseReview,
    'Compare the case\'s LOA, invoice and CSR (and the case itself) field by field; predict rejections; update the queue\'s blocker count.'),
} as const;
