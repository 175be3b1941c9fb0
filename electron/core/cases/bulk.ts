import { AppError } from '../../../shared/contract/rpc.js';
import type { CoreContext } from '../context.js';

/**
 * Cancel a selection of cases with one reason. Each case moves on its own (its history says why):
 * one that cannot be cancelled (already ported, already cancelled, gone) is reported and the others
 * still are.
 */
export async function cancelMany(
  ctx: CoreContext,
  ids: readonly number[],
  reason: string,
): Promise<{ cancelled: number[]; refused: { id: number; reason: string }[] }> {
  const cancelled: number[] = [];
  const refused: { id: number; reason: string }[] = [];
  for (const id of new Set(ids)) {
    try {
      const rec = await ctx.cases.get(id);
      await ctx.cases.setStatus(id, rec.version, 'cancelled', ctx.actor(), reason.trim());
      cancelled.push(id);
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      refused.push({ id, reason: err.message });
    }
  }
  if (cancelled.length) ctx.events.emit('cases.changed', { ids: cancelled, reason: 'status' });
  return { cancelled, refused };
}
