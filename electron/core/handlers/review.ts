import type { reviewContract } from '../../../shared/contract/review.js';
import { applyValue, checkItem, markReady } from '../review/actions.js';
import { confirmReading } from '../review/confirm.js';
import { reviewCase } from '../review/review.js';
import { loadReviewSettings, saveReviewSettings } from '../review/settings.js';
import type { HandlersFor } from './types.js';

export const reviewHandlers = {
  'review.compare': async ({ caseId, asOf }, ctx) => reviewCase(ctx, caseId, asOf),
  'review.applyValue': async (input, ctx) => applyValue(ctx, input),
  'review.markReady': async (input, ctx) => markReady(ctx, input),
  'review.checkItem': async (input, ctx) => checkItem(ctx, input),
  'review.confirmReading': async (input, ctx) => confirmReading(ctx, input),
  'review.settings': async (_input, ctx) => loadReviewSettings(ctx.settings),
  'review.setSettings': async (settings, ctx) => {
    const before = JSON.stringify(loadReviewSettings(ctx.settings));
    const saved = saveReviewSettings(ctx.settings, settings);
    if (JSON.stringify(saved) !== before) {
      ctx.audit.record({
        actor: ctx.actor(),
        kind: 'settings',
        caseId: null,
        detail: `review age limits: ${before} → ${JSON.stringify(saved)}`,
      });
      // age limits change which invoices and LOAs are too old: recount the open cases
      ctx.services.freshness.enqueueAll();
    }
    return saved;
  },
} satisfies HandlersFor<keyof typeof reviewContract>;
