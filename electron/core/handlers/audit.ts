import type { auditContract } from '../../../shared/contract/audit.js';
import { localDay } from '../review/review.js';
import { exportCasesCsv } from '../cases/export-csv.js';
import type { HandlersFor } from './types.js';

export const auditHandlers = {
  'audit.list': async ({ caseId, limit }, ctx) => ctx.audit.list({ caseId, limit }),
  'cases.exportCsv': async (_input, ctx) => {
    const { csv, rows } = exportCasesCsv(ctx);
    return { csv, rows, fileName: `portdesk-cases-${localDay(ctx.now())}.csv` };
  },
} satisfies HandlersFor<keyof typeof auditContract>;
