/**
 * The status follows the work: once a case's LOA, invoice and CSR are all read, an intake or
 * documents case moves to Review by itself, and its history says why. Marking a case ready from
 * intake or documents walks the same steps first, so the specialist never makes them by hand.
 */
import { CASE_PAPERS, type CaseRecord, type CaseStatus } from '../../../shared/domain/case.js';
import type { CoreContext } from '../context.js';

/** Statuses before Review, in the order a case walks them. */
const BEFORE_REVIEW: readonly CaseStatus[] = ['intake', 'documents'];
/** Document changes that can complete (or un-complete) a case's papers. */
const PAPER_CHANGES = new Set(['document-read', 'document-kind', 'document-restored', 'document-replaced']);

export const PAPERS_READ_NOTE = 'LOA, invoice and CSR are read: moved to Review';

/**
 * Move the case to Review through the statuses before it; the version to use next is returned.
 * A case already at Review or beyond is left as it is.
 */
export async function stepToReview(
  ctx: CoreContext,
  caseId: number,
  version: number,
  note: string,
): Promise<CaseRecord> {
  let rec = await ctx.cases.get(caseId);
  if (!BEFORE_REVIEW.includes(rec.status)) return rec;
  if (rec.version !== version) return rec; // the repository refuses the stale version with its own message
  for (const next of [...BEFORE_REVIEW.slice(BEFORE_REVIEW.indexOf(rec.status) + 1), 'review' as const]) {
    rec = await ctx.cases.setStatus(caseId, rec.version, next, ctx.actor(), next === 'review' ? note : null);
  }
  return rec;
}

/** Listens for document changes and moves cases whose three papers are read. */
export class StatusFollowsPapers {
  private readonly unsubscribe: () => void;

  constructor(private readonly ctx: CoreContext) {
    this.unsubscribe = ctx.events.subscribe((e) => {
      if (e.name === 'cases.changed' && PAPER_CHANGES.has(e.payload.reason)) void this.check(e.payload.ids);
    });
  }

  private async check(ids: readonly number[]): Promise<void> {
    const moved: number[] = [];
    for (const id of ids) {
      try {
        const papers = this.ctx.cases.papers(id);
        if (!CASE_PAPERS.every((p) => papers[p] === 'read')) continue;
        const rec = await this.ctx.cases.get(id);
        if (!BEFORE_REVIEW.includes(rec.status)) continue;
        await stepToReview(this.ctx, id, rec.version, PAPERS_READ_NOTE);
        moved.push(id);
      } catch {
        // a case deleted or edited meanwhile keeps its status; the next document change tries again
      }
    }
    if (moved.length) this.ctx.events.emit('cases.changed', { ids: moved, reason: 'status-followed-documents' });
  }

  close(): void {
    this.unsubscribe();
  }
}
