import type { DocumentField, DocumentSummary } from '../../../shared/contract/documents.js';
import { AppError } from '../../../shared/contract/rpc.js';
import {
  ExtractedFields,
  SECRET_FIELD_NAMES,
  type DocumentKind,
  type FieldName,
} from '../../../shared/domain/document.js';
import { maskPin } from '../../../shared/normalize/account.js';
import type { CoreContext } from '../context.js';
import { createOcrPool } from '../ocr/pool.js';
import type { OcrPool } from '../ocr/types.js';
import { extractFromPages, type Extracted } from './extraction.js';
import { secretSpotsOfExtracted } from './secret-view.js';
import { inspectDocument, readDocument } from './read.js';
import type { DocumentRepository, FileStore, JobRow } from './store.js';

export interface DocumentServiceOptions {
  /** share a pool between cores (bench); by default each core starts its own on first OCR page */
  pool?: OcrPool;
  /** documents read at once; pages of one document already spread over the pool */
  concurrency?: number;
  /** a job found interrupted this many times is failed instead of retried (a file that crashes us) */
  maxAttempts?: number;
}

/** PORTDESK_OCR_WORKERS caps the pool (tests running in parallel on a small machine). */
function poolSizeFromEnv(): number | undefined {
  const n = Number(process.env.PORTDESK_OCR_WORKERS);
  return Number.isInteger(n) && n > 0 ? n : undefined;
}

/**
 * Documents of one core: the file store, the repository and the durable reading queue. Jobs live
 * in SQLite; on start-up those a crash left running are queued again, so every attached document
 * ends up read, failed with a reason, or cancelled by a person.
 */
export class DocumentService {
  readonly files: FileStore;
  readonly repo: DocumentRepository;
  private pool: OcrPool | null;
  private readonly ownsPool: boolean;
  private readonly running = new Map<
    number,
    { documentId: number; controller: AbortController; done: Promise<void> }
  >();
  private stopping = false;
  private pumpScheduled = false;

  constructor(
    private readonly ctx: CoreContext,
    private readonly opts: DocumentServiceOptions = {},
  ) {
    this.files = ctx.documents.files;
    this.repo = ctx.documents.repo;
    this.pool = opts.pool ?? null;
    this.ownsPool = !opts.pool;
  }

  private ocrPool(): OcrPool {
    this.pool ??= createOcrPool({ size: poolSizeFromEnv() });
    return this.pool;
  }

  start(): void {
    // Another process owns this data folder: its "running" jobs are live work, not a crash's leftovers.
    if (!this.ctx.instanceOwner) return;
    const maxAttempts = this.opts.maxAttempts ?? 3;
    const exhausted = this.ctx.db
      .prepare(`SELECT j.id, j.document_id FROM jobs j WHERE j.state = 'running' AND j.attempts >= ?`)
      .all(maxAttempts) as { id: number; document_id: number }[];
    for (const j of exhausted) {
      const err = new AppError(
        'FILE_UNREADABLE',
        `PortDesk stopped ${maxAttempts} times while reading this document, so it was set aside. Retry it, or ask for another copy of the file.`,
      );
      this.repo.finishJob(j.id, 'failed', err.message);
      this.repo.setStatus(j.document_id, 'failed', err);
    }
    this.repo.requeueInterrupted();
    this.schedulePump();
  }

  // ---- commands ----------------------------------------------------------------------------

  async attach(caseId: number, name: string, bytes: Uint8Array): Promise<DocumentSummary & { duplicate: boolean }> {
    await this.ctx.cases.get(caseId); // NOT_FOUND before anything is stored
    // Everything that can be known without OCR is checked now: a bad file is refused, not stored.
    const { mime, pageCount } = await inspectDocument(bytes, name);
    const sha256 = this.files.put(bytes);
    const existing = this.repo.findByHash(caseId, sha256);
    if (existing) return { ...existing, duplicate: true };
    const id = this.repo.create({
      caseId,
      sha256,
      name: cleanName(name),
      mime,
      size: bytes.byteLength,
      pages: pageCount,
    });
    this.ctx.cases.addHistory(
      caseId,
      this.ctx.actor(),
      'document-attached',
      [],
      `${cleanName(name)} (${pageCount} page${pageCount === 1 ? '' : 's'})`,
    );
    this.ctx.events.emit('cases.changed', { ids: [caseId], reason: 'document-attached' });
    const job = this.repo.job(id)!;
    this.emit(job, 'queued', 0, pageCount);
    this.schedulePump();
    return { ...this.repo.get(id), duplicate: false };
  }

  cancel(id: number): DocumentSummary {
    const doc = this.repo.get(id);
    const job = this.repo.job(id);
    if (!job || (job.state !== 'queued' && job.state !== 'running')) {
      throw new AppError(
        'INVALID_TRANSITION',
        `"${doc.name}" is not being read (it is ${doc.status}); there is nothing to cancel.`,
      );
    }
    const run = this.running.get(job.id);
    if (run) {
      run.controller.abort(new AppError('CANCELLED', 'cancelled by the user'));
    } else {
      this.repo.finishJob(job.id, 'cancelled');
      this.repo.setStatus(id, 'cancelled');
      this.emit(job, 'cancelled', 0, doc.pages ?? 0);
    }
    // The running job records 'cancelled' when its read stops; the caller sees it as cancelling now.
    this.repo.setStatus(id, 'cancelled');
    return this.repo.get(id);
  }

  retry(id: number): DocumentSummary {
    const doc = this.repo.get(id);
    if (doc.status !== 'failed' && doc.status !== 'cancelled') {
      throw new AppError(
        'INVALID_TRANSITION',
        `"${doc.name}" is ${doc.status}; only a failed or cancelled document can be read again.`,
      );
    }
    this.repo.requeue(id, true);
    this.emit(this.repo.job(id)!, 'queued', 0, doc.pages ?? 0);
    this.schedulePump();
    return this.repo.get(id);
  }

  async setKind(id: number, kind: DocumentKind): Promise<DocumentSummary> {
    const before = this.repo.get(id);
    this.repo.setKind(id, kind, 'user', 1);
    this.ctx.cases.addHistory(
      before.caseId,
      this.ctx.actor(),
      'document-kind',
      [{ field: `document ${id} kind`, from: before.kind, to: kind }],
      before.name,
    );
    if (before.status === 'ready') await this.extract(id, kind);
    this.ctx.events.emit('cases.changed', { ids: [before.caseId], reason: 'document-kind' });
    return this.repo.get(id);
  }

  correctField(id: number, field: FieldName, value: unknown): DocumentField {
    const doc = this.repo.get(id);
    const schema = ExtractedFields.shape[field].unwrap().shape.value;
    const parsed = schema.safeParse(value);
    if (!parsed.success) {
      throw new AppError(
        'BAD_INPUT',
        `That is not a valid ${field.replace(/_/g, ' ')}: ${parsed.error.issues[0]?.message ?? 'wrong shape'}.`,
      );
    }
    const before = this.repo.field(id, field);
    this.ctx.db
      .transaction(() => {
        this.repo.saveEntered(id, field, parsed.data, this.ctx.actor());
        this.ctx.cases.addHistory(
          doc.caseId,
          this.ctx.actor(),
          'document-field-corrected',
          [
            {
              field,
              from: before ? shownInHistory(field, before.value) : null,
              to: shownInHistory(field, parsed.data),
            },
          ],
          `${doc.name} (${doc.kind})`,
        );
      })
      .immediate();
    this.ctx.events.emit('cases.changed', { ids: [doc.caseId], reason: 'document-field' });
    return this.repo.field(id, field)!;
  }

  /** A secret read from the document, for the person who asked; the case history records that it was shown. */
  revealField(id: number, field: FieldName): { value: unknown; extractedValue: unknown } {
    const doc = this.repo.get(id);
    if (!SECRET_FIELD_NAMES.has(field)) {
      throw new AppError(
        'BAD_INPUT',
        `${field.replace(/_/g, ' ')} is not masked; documents.fields already gives its value.`,
      );
    }
    const f = this.repo.field(id, field);
    if (f)
      this.ctx.cases.addHistory(
        doc.caseId,
        this.ctx.actor(),
        'document-pin-revealed',
        [],
        `${field.toUpperCase()} of ${doc.name} shown on screen`,
      );
    return { value: f?.value ?? null, extractedValue: f?.extracted?.value ?? null };
  }

  // ---- the queue ---------------------------------------------------------------------------

  private schedulePump(): void {
    if (this.pumpScheduled || this.stopping) return;
    this.pumpScheduled = true;
    setImmediate(() => {
      this.pumpScheduled = false;
      this.pump();
    });
  }

  private pump(): void {
    const limit = this.opts.concurrency ?? 2;
    while (!this.stopping && this.running.size < limit) {
      const job = this.repo.nextQueued([...this.running.keys()]);
      if (!job || !this.repo.markRunning(job.id, job.document_id)) return;
      const controller = new AbortController();
      const done = this.run(job, controller).finally(() => {
        this.running.delete(job.id);
        this.schedulePump();
      });
      this.running.set(job.id, { documentId: job.document_id, controller, done });
    }
  }

  private async run(job: JobRow, controller: AbortController): Promise<void> {
    const doc = this.repo.get(job.document_id);
    let pages = doc.pages ?? 0;
    this.emit(job, 'running', 0, pages);
    let finished = 0;
    try {
      const bytes = this.files.get(doc.sha256);
      const result = await readDocument(bytes, {
        name: doc.name,
        signal: controller.signal,
        pool: this.ocrPool(),
        onPage: ({ page, pages: total }) => {
          finished++;
          pages = total;
          if (this.stopping || controller.signal.aborted) return;
          this.repo.progress(job.id, page, total, finished / total);
          this.emit(job, 'running', page, total, undefined, finished / total);
        },
      });
      if (controller.signal.aborted) throw controller.signal.reason;
      // Extracted before the words are stored, so the words of a PIN are written sealed, never in clear.
      const userKind = doc.kindSource === 'user' ? doc.kind : null;
      let extracted: Extracted | null = null;
      let extractionError: AppError | null = null;
      try {
        extracted = await extractFromPages(result.pages, userKind);
      } catch (err) {
        // The words are safe; a broken extractor must not lose them.
        console.error('[portdesk] extraction failed:', err);
        extractionError = new AppError(
          'INTERNAL',
          `The document was read, but its fields could not be extracted: ${(err as Error)?.message ?? String(err)}`,
        );
      }
      this.repo.savePages(doc.id, result.pages, extracted ? secretSpotsOfExtracted(extracted.fields) : []);
      try {
        if (extracted) this.saveExtraction(doc.id, extracted, userKind);
      } catch (err) {
        console.error('[portdesk] saving extracted fields failed:', err);
        extractionError = new AppError(
          'INTERNAL',
          `The document was read, but its fields could not be saved: ${(err as Error)?.message ?? String(err)}`,
        );
      }
      this.repo.finishJob(job.id, 'done');
      this.repo.setStatus(doc.id, 'ready', extractionError);
      this.emit(job, 'done', pages, pages);
    } catch (err) {
      if (this.stopping && !(controller.signal.reason instanceof AppError)) {
        // Shutting down: leave it for the next start instead of calling it failed.
        this.repo.finishJob(job.id, 'queued');
        this.repo.setStatus(doc.id, 'queued');
        return;
      }
      if (controller.signal.aborted) {
        this.repo.finishJob(job.id, 'cancelled');
        this.repo.setStatus(doc.id, 'cancelled');
        this.emit(job, 'cancelled', finished, pages, 'Cancelled');
      } else {
        const e =
          err instanceof AppError
            ? err
            : new AppError('INTERNAL', `Reading failed unexpectedly: ${(err as Error)?.message ?? String(err)}`);
        if (!(err instanceof AppError)) console.error('[portdesk] reading failed:', err);
        this.repo.finishJob(job.id, 'failed', e.message);
        this.repo.setStatus(doc.id, 'failed', e);
        this.emit(job, 'failed', finished, pages, e.message);
      }
    }
    this.ctx.events.emit('cases.changed', { ids: [doc.caseId], reason: 'document-read' });
  }

  private async extract(id: number, userKind: DocumentKind | null): Promise<void> {
    const pages = this.repo.pages(id);
    const out = await extractFromPages(pages, userKind);
    // read as another kind, the secrets may be other words: the stored words are sealed anew
    this.repo.savePages(id, pages, secretSpotsOfExtracted(out.fields));
    this.saveExtraction(id, out, userKind);
  }

  private saveExtraction(id: number, out: Extracted, userKind: DocumentKind | null): void {
    if (!userKind) this.repo.setKind(id, out.kind, 'auto', out.kindConfidence);
    this.repo.saveExtracted(id, out.fields, 'extraction');
  }

  private emit(
    job: Pick<JobRow, 'id' | 'case_id' | 'document_id'>,
    state: 'queued' | 'running' | 'done' | 'failed' | 'cancelled',
    page: number,
    pages: number,
    message?: string,
    fraction?: number,
  ): void {
    this.ctx.events.emit('jobs.progress', {
      jobId: job.id,
      caseId: job.case_id,
      documentId: job.document_id,
      state,
      page,
      pages,
      fraction: state === 'done' ? 1 : (fraction ?? (pages > 0 ? Math.min(1, page / pages) : 0)),
      ...(message ? { message } : {}),
    });
  }

  /** Wait until nothing is queued or running (tests, CLI). */
  async idle(): Promise<void> {
    for (;;) {
      await new Promise((r) => setImmediate(r));
      const pending = [...this.running.values()].map((r) => r.done);
      if (pending.length === 0 && !this.repo.nextQueued([])) return;
      await Promise.all(pending);
    }
  }

  async close(): Promise<void> {
    this.stopping = true;
    for (const r of this.running.values()) r.controller.abort();
    await Promise.allSettled([...this.running.values()].map((r) => r.done));
    if (this.ownsPool && this.pool) await this.pool.close();
  }
}

function cleanName(name: string): string {
  // keep only the file name a person chose, never a path, and no control characters
  const base = name.split(/[\\/]/).pop() ?? name;
  return (
    base
      .replace(/[\p{Cc}]/gu, '')
      .trim()
      .slice(0, 200) || 'document'
  );
}

/** The history is shown to anyone with the case open: a secret appears in it masked. */
function shownInHistory(field: string, v: unknown): string {
  return SECRET_FIELD_NAMES.has(field) ? maskPin(typeof v === 'string' ? v : show(v)) : show(v);
}

function show(v: unknown): string {
  if (typeof v === 'string') return v;
  if (v && typeof v === 'object' && 'street_line' in v) {
    const a = v as Record<string, string>;
    return [a.street_line, a.unit, a.city, a.state, [a.zip5, a.zip4].filter(Boolean).join('-')]
      .filter(Boolean)
      .join(', ');
  }
  return JSON.stringify(v);
}
