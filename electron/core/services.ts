import type { StatusFollowsPapers } from './cases/progress.js';
import type { DocumentService } from './documents/jobs.js';
import type { DueNotifier } from './due/notifier.js';
import type { ExportService } from './export/service.js';
import type { CsrService } from './porting/csr.js';
import type { PortingService } from './porting/service.js';
import type { BlockerFreshness } from './review/freshness.js';

/**
 * The services of one core, built once by createCore (index.ts) on top of the repositories in
 * CoreContext, and handed to every handler beside them.
 */
export interface CoreServices {
  /** attaching and reading documents (the durable OCR queue) */
  readonly documents: DocumentService;
  /** keeps the queue's blocker counts current as cases and documents change */
  readonly freshness: BlockerFreshness;
  /** the porting.* operations over the gateway, the outbox and the order sync */
  readonly porting: PortingService;
  /** resubmission packets and LOAs (the exporter loads on first use) */
  readonly exports: ExportService;
  /** the losing carrier's CSR on request (built with porting: it shares its gateway and outbox) */
  readonly csr: CsrService;
  /** desktop notifications of new due items, when the host can show them */
  readonly due: DueNotifier;
  /** moves a case to Review once its LOA, invoice and CSR are read */
  readonly statusFollowsPapers: StatusFollowsPapers;
}
