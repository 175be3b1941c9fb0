import type { channelContract } from '../../../shared/contract/channel.js';
import { parseRejectionText } from '../porting/rejection-text.js';
import type { HandlersFor } from './types.js';

export const channelHandlers = {
  'channel.get': async ({ caseId }, ctx) => ctx.services.porting.channel.view(caseId),
  'channel.set': async ({ caseId, ...input }, ctx) => ctx.services.porting.channel.set(caseId, input),
  'channel.moveManual': async ({ caseId, status, on, foc_date }, ctx) =>
    ctx.services.porting.channel.moveManual(caseId, status, on, foc_date),
  'channel.recordRejection': async ({ caseId, text, on }, ctx) =>
    ctx.services.porting.channel.recordRejection(caseId, text, on),
  'channel.lines': async ({ caseId }, ctx) => ({
    lines: ctx.services.porting.channel.lines(await ctx.cases.get(caseId)),
  }),
  'channel.rejections': async ({ caseId }, ctx) => ({
    rejections: await ctx.services.porting.channel.receivedRejections(caseId),
  }),
  'channel.parseRejection': async ({ text }) => ({ codes: parseRejectionText(text) }),
  'channel.setLineType': async ({ caseId, number, line_type }, ctx) =>
    ctx.services.porting.channel.setLineType(caseId, number, line_type),
} satisfies HandlersFor<keyof typeof channelContract>;
