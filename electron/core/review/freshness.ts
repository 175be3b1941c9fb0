/**
 * Keeps the queue's blocker counts current without anyone opening the review and without reading
 * documents again: when a case is edited, a document finishes reading, its kind is set or a field
 * is corrected, the case is compared again from the fields already stored. Time changes counts
 * too (an invoice ages past its limit), so cases compared on an earlier day are compared again at
 * start-up and after each midnight.
 */
import type { CoreContext } from '../context.js';
import { hasRejectionSql } from '../porting/received-rejections.js';
import { localDay, refreshBlockers } from './review.js';

/** `cases.changed` reasons that can change a comparison. Exports and the review's own writes cannot. */
const RECOMPUTE_ON = new Set([
  'edited',
  'document-read',
  'document-field',
  'document-kind',
  'document-removed',
  'document-restored',
  'document-replaced',
  // a number's line type (set by hand or by the portability check) brings the wireless PIN rule
  'channel-line-type',
  'porting:check',
  // a carrier's rejection (by e-mail, or an order's exception) holds the resend until answered; a
  // status move to submitted (sent again) lets it go
  'channel-rejection',
  'channel-status',
  'porting:porting-status',
  'porting:status',
]);
/** A status move by hand changes the comparison only of a case a carrier has rejected (sent again, it lets go). */
const RECOMPUTE_IF_REJECTED = 'status';
const REJECTED = `SELECT ${hasRejectionSql('@id')} AS told`;
/** Cases compared per turn of the event loop: a settings change over many cases must not freeze the host. */
const BATCH = 25;

const OPEN_CASES_WITH_DOCUMENTS = `SELECT DISTINCT d.case_id AS id FROM documents d JOIN cases c ON c.id = d.case_id
  WHERE d.status = 'ready' AND d.kind IN ('loa', 'invoice', 'csr') AND c.status NOT IN ('ported', 'cancelled')`;

export class BlockerFreshness {
  private readonly pending = new Set<number>();
  private scheduled = false;
  private running: Promise<void> | null = null;
  private closed = false;
  private midnight: ReturnType<typeof setTimeout> | null = null;
  private readonly unsubscribe: () => void;
  /** for tests and benchmarks: comparisons made */
  computed = 0;

  constructor(private readonly ctx: CoreContext) {
    this.unsubscribe = ctx.events.subscribe((e) => {
      if (e.name !== 'cases.changed') return;
      if (RECOMPUTE_ON.has(e.payload.reason)) this.enqueue(e.payload.ids);
      else if (e.payload.reason === RECOMPUTE_IF_REJECTED)
        this.enqueue(e.payload.ids.filter((id) => this.rejected(id)));
    });
  }

  private rejected(caseId: number): boolean {
    return (this.ctx.db.prepare(REJECTED).get({ id: caseId }) as { told: number }).told === 1;
  }

  start(): void {
    this.enqueueStale();
    this.armMidnight();
  }

  enqueue(ids: readonly number[]): void {
    if (this.closed) return;
    for (const id of ids) this.pending.add(id);
    this.schedule();
  }

  /** Open cases with read documents whose count was computed before today (or never). */
  enqueueStale(): void {
    const ids = (
      this.ctx.db
        .prepare(`${OPEN_CASES_WITH_DOCUMENTS}
      AND NOT EXISTS (SELECT 1 FROM review_state r WHERE r.case_id = d.case_id AND r.as_of >= ?)`)
        .all(localDay(this.ctx.now())) as { id: number }[]
    ).map((r) => r.id);
    this.enqueue(ids);
  }

  /** After a settings change every open case with documents may count differently. */
  enqueueAll(): void {
    this.enqueue((this.ctx.db.prepare(OPEN_CASES_WITH_DOCUMENTS).all() as { id: number }[]).map((r) => r.id));
  }

  /** Resolves once every queued case has been compared (tests, CLI). */
  async idle(): Promise<void> {
    while (!this.closed && (this.scheduled || this.running || this.pending.size)) {
      if (this.running) await this.running;
      else await new Promise((r) => setImmediate(r));
    }
  }

  private schedule(): void {
    if (this.scheduled || this.running || this.closed) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      if (this.closed) return;
      this.running = this.drain().finally(() => {
        this.running = null;
        if (this.pending.size) this.schedule();
      });
    });
  }

  private async drain(): Promise<void> {
    const changed: number[] = [];
    while (this.pending.size && !this.closed) {
      const batch = [...this.pending].slice(0, BATCH);
      for (const id of batch) {
        this.pending.delete(id);
        try {
          this.computed++;
          if (await refreshBlockers(this.ctx, id)) changed.push(id);
        } catch (err) {
          // a case deleted meanwhile has nothing to count; anything else must not stop the others
          if ((err as { code?: string })?.code !== 'NOT_FOUND')
            console.error(`[portdesk] review: blockers of case ${id} not refreshed:`, err);
        }
      }
      if (this.pending.size) await new Promise((r) => setImmediate(r));
    }
    // the queue refreshes on this event; the reason keeps this service from reacting to itself
    if (changed.length && !this.closed)
      this.ctx.events.emit('cases.changed', { ids: changed, reason: 'review-blockers' });
  }

  private armMidnight(): void {
    const now = this.ctx.now();
    const next = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1, 0, 0, 5);
    this.midnight = setTimeout(
      () => {
        this.enqueueStale();
        this.armMidnight();
      },
      Math.max(60_000, next.getTime() - now.getTime()),
    );
    this.midnight.unref?.();
  }

  async close(): Promise<void> {
    this.closed = true;
    this.unsubscribe();
    if (this.midnight) clearTimeout(this.midnight);
    this.pending.clear();
    await this.running;
  }
}
