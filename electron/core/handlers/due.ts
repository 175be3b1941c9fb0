import type { dueContract } from '../../../shared/contract/due.js';
import { dueList } from '../due/list.js';
import { markNotified } from '../due/notifier.js';
import { loadDueSettings, saveDueSettings } from '../due/settings.js';
import type { HandlersFor } from './types.js';

export const dueHandlers = {
  'due.list': async ({ asOf }, ctx) => dueList(ctx, asOf),
  'due.settings': async (_input, ctx) => loadDueSettings(ctx.settings),
  'due.setSettings': async (settings, ctx) => saveDueSettings(ctx.settings, ctx.audit, ctx.actor(), settings),
  'due.markNotified': async ({ keys }, ctx) => ({ marked: markNotified(ctx, keys, dueList(ctx).items) }),
} satisfies HandlersFor<keyof typeof dueContract>;
