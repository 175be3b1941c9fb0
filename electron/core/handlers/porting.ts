import type { portingContract } from '../../../shared/contract/porting.js';
import type { HandlersFor } from './types.js';

export const portingHandlers = {
  'porting.status': async (_input, ctx) => ctx.services.porting.status(),
  'porting.setApiKey': async ({ apiKey, baseUrl }, ctx) => ctx.services.porting.setApiKey(apiKey, baseUrl),
  'porting.check': async ({ caseId }, ctx) => ctx.services.porting.check(caseId),
  'porting.createDraft': async ({ caseId, removeNumbers }, ctx) =>
    ctx.services.porting.createDraft(caseId, removeNumbers),
  'porting.orders': async ({ caseId }, ctx) => ctx.services.porting.orders(caseId),
  'porting.focWindows': async ({ orderId }, ctx) => ctx.services.porting.focWindows(orderId),
  'porting.submit': async ({ caseId, orders, settings }, ctx) => ctx.services.porting.submit(caseId, orders, settings),
  'porting.comments': async ({ orderId, refresh }, ctx) => ctx.services.porting.comments(orderId, refresh),
  'porting.addComment': async ({ orderId, body }, ctx) => ctx.services.porting.addComment(orderId, body),
  'porting.refresh': async ({ caseId }, ctx) => {
    const svc = ctx.services.porting;
    const changedCaseIds = await svc.refresh(caseId);
    return { changedCaseIds, status: await svc.status() };
  },
  'porting.cancel': async ({ orderId }, ctx) => ctx.services.porting.cancel(orderId),
  'porting.outbox': async ({ caseId, includeDone }, ctx) => ctx.services.porting.outboxList(caseId, includeDone),
  'porting.outboxRetry': async ({ id }, ctx) => ctx.services.porting.retry(id),
  'porting.outboxDiscard': async ({ id }, ctx) => ctx.services.porting.discard(id),
} satisfies HandlersFor<keyof typeof portingContract>;
