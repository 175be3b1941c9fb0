import type { csrContract } from '../../../shared/contract/csr.js';
import type { HandlersFor } from './types.js';

export const csrHandlers = {
  'csr.request': async ({ caseId }, ctx) => ctx.services.csr.request(caseId),
  'csr.status': async ({ caseId, refresh }, ctx) => ctx.services.csr.status(caseId, refresh),
} satisfies HandlersFor<keyof typeof csrContract>;
