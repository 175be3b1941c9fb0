import type { portingContract } from '../../../shared/contract/porting.js';
import { portingOf } from '../porting/service.js';
import type { HandlersFor } from './types.js';

export const portingHandlers = {
  'porting.status': async (_input, ctx) => portingOf(ctx).status(),
  'porting.setApiKey': async ({ apiKey, baseUrl }, ctx) => portingOf(ctx).setApiKey(apiKey, baseUrl),
  'porting.check': async ({ caseId }, ctx) => portingOf(ctx).check(caseId),
  'porting.createDraft': async ({ caseId, removeNumbers }, ctx) => portingOf(ctx).createDraft(caseId, removeNumbers),
  'porting.orders': async ({ caseId }, ctx) => portingOf(ctx).orders(caseId),
  'porting.focWindows': async ({ orderId }, ctx) => portingOf(ctx).focWindows(orderId),
  'porting.submit': async ({ caseId, orders, settings }, ctx) => portingOf(ctx).submit(caseId, orders, settings),
  'porting.comments': async ({ orderId, refresh }, ctx) => portingOf(ctx).comments(orderId, refresh),
  'porting.addComment': async ({ orderId, body }, ctx) => portingOf(ctx).addComment(orderId, body),
  'porting.refresh': async ({ caseId }, ctx) => {
    const svc = portingOf(ctx);
    const changedCaseIds = await svc.refresh(caseId);
    return { changedCaseIds, status: await svc.status() };
  },
  'porting.cancel': async ({ orderId }, ctx) => portingOf(ctx).cancel(orderId),
  'porting.outbox': async ({ caseId, includeDone }, ctx) => portingOf(ctx).outboxList(caseId, includeDone),
  'porting.outboxRetry': async ({ id }, ctx) => portingOf(ctx).retry(id),
  'porting.outboxDiscard': async ({ id }, ctx) => portingOf(ctx).discard(id),
} satisfies HandlersFor<keyof typeof portingContract>;
