import type { reviewContract } from '../../../shared/contract/review.js';
import { applyValue, checkItem, markReady } from '../review/actions.js';
import { confirmReading } from '../review/confirm.js';
import { reviewFreshness } from '../review/freshness.js';
import { reviewCase } from '../review/review.js';
import { loadReviewSettings, saveReviewSettings } from '../review/settings.js';
import type { HandlersFor } from './types.js';

export const reviewHandlers = {
  'review.compare': async ({ caseId, asOf }, ctx) => reviewCase(ctx, caseId, asOf),
  'review.applyValue': async (input, ctx) => applyValue(ctx, input),
  'review.markReady': async (input, ctx) => markReady(ctx, input),
  'review.checkItem': async (input, ctx) => checkItem(ctx, input),
  'review.confirmReading': async (input, ctx) => confirmReading(ctx, input),
  'review.settings': async (_input, ctx) => loadReviewSettings(ctx.db),
  'review.setSettings': async (settings, ctx) => {
    const before = JSON.stringify(loadReviewSettings(ctx.db));
    const saved = saveReviewSettings(ctx.db, settings);
    if (JSON.stringify(saved) !== before) {
      ctx.db.prepare("INSERT INTO audit_log (at, actor, kind, case_id, detail) VALUES (?, ?, 'settings', NULL, ?)")
        .run(ctx.now().toISOString(), ctx.actor(), `review age limits: ${before} → ${JSON.stringify(saved)}`);
      // age limits change which invoices and LOAs are too old: recount the open cases
      reviewFreshness(ctx).enqueueAll();
    }
    return saved;
  },
} satisfies HandlersFor<keyof typeof reviewContract>;
