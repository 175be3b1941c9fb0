import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { AppError, ERROR_CODES, type ErrorCode } from '../../../shared/contract/rpc.js';
import { OCR_WORKER_FILE } from '../paths.js';
import { DEFAULT_PREPROCESS, type PreprocessOptions } from './options.js';
import type { FromWorker, OcrWorkerData, ToWorker } from './protocol.js';
import { resolveTessdataDir } from './tessdata.js';
import type { OcrPageResult, OcrPool, OcrTask } from './types.js';

export interface OcrPoolOptions {
  /** worker threads; default from the core count */
  size?: number;
  /** pages a worker reads before it is replaced: tesseract's WASM heap only grows */
  recycleAfter?: number;
  /** an idle worker is stopped after this long, returning its ~300 MB */
  idleMs?: number;
  /** a page still not read after this long is given up and its worker replaced */
  pageTimeoutMs?: number;
  preprocess?: PreprocessOptions;
  /** the worker bundle; default: the one the build makes (OCR_WORKER_FILE) */
  workerFile?: string;
}

/** Each worker holds a tesseract instance (~150 MB); leave a core for the app itself on bigger machines. */
export function defaultPoolSize(cores = os.availableParallelism()): number {
  return Math.max(1, Math.min(4, cores >= 4 ? cores - 1 : cores));
}

/**
 * The worker entry to start: the given file, else the bundle the build makes (paths.ts). There is one
 * entry and it is plain JavaScript, so nothing compiles TypeScript at run time; a checkout without a
 * build gets a clear error instead of a half-working fallback.
 */
export function ocrWorkerEntry(file: string = OCR_WORKER_FILE): URL {
  if (!fs.existsSync(file)) {
    throw new AppError(
      'INTERNAL',
      `The OCR worker (${file}) is missing from this installation. ` +
        'In a checkout run "npm run build"; otherwise reinstall PortDesk.',
    );
  }
  return pathToFileURL(file);
}

/**
 * The cores tesseract.js chooses from, best first. Its node getCore is handed a boolean where it
 * tests for an OEM number, so it always loads a full core (not an -lstm one): the newest the engine
 * can compile (test/unit/ocr-pool-core.test.ts checks that this order picks the file it loads).
 */
export const TESSERACT_CORES = ['tesseract-core-relaxedsimd', 'tesseract-core-simd', 'tesseract-core'] as const;

/**
 * tesseract's WebAssembly compiled in this thread and kept: V8 keeps one compiled copy of a module's
 * code a process while something holds it, and a thread that compiles the same bytes gets that copy
 * (its native module cache). Without a holder the code dies with the worker that compiled it, and
 * each new or recycled worker compiled the 3.4 MB again and re-ran its tier-up: ~0.8 s CPU on its
 * first page (3.6 → 2.8 s, the bench's page, 2026-12-05); the code the first worker's pages made
 * fast is fast for the next. Compiling here is a validation (functions compile lazily, on use): ~20 ms.
 */
export async function compileTesseractCore(): Promise<{ core: string; module: object } | null> {
  const require = createRequire(import.meta.url);
  // the project's type libraries declare WebAssembly's types but not its global (no DOM lib)
  const wasm = (globalThis as unknown as { WebAssembly: { compile(bytes: Uint8Array): Promise<object> } }).WebAssembly;
  for (const core of TESSERACT_CORES) {
    try {
      const bytes = await fs.promises.readFile(require.resolve(`tesseract.js-core/${core}.wasm`));
      return { core, module: await wasm.compile(bytes) };
    } catch {
      // an engine without this core's SIMD fails to compile it, as tesseract.js' feature test does
    }
  }
  return null;
}

interface Job {
  task: OcrTask;
  signal?: AbortSignal;
  resolve(r: OcrPageResult): void;
  reject(e: unknown): void;
  onAbort?: () => void;
}

interface Slot {
  worker: Worker;
  job: Job | null;
  jobId: number;
  done: number;
  idleTimer: NodeJS.Timeout | null;
  pageTimer: NodeJS.Timeout | null;
  dead: boolean;
}

const cancelled = () => new AppError('CANCELLED', 'Reading the document was cancelled.');

export class WorkerOcrPool implements OcrPool {
  readonly size: number;
  private readonly slots = new Set<Slot>();
  private readonly queue: Job[] = [];
  private nextId = 1;
  private closed = false;
  /** highest resident set size seen while workers were busy (bench figure) */
  peakRss = 0;
  /**
   * held from the first worker until the pool closes or its last worker stops for idleness, so the
   * workers it starts meanwhile (recycled, replaced, a second one) share one compiled tesseract
   * (compileTesseractCore)
   */
  private sharedCore: Promise<unknown> | null = null;

  constructor(private readonly opts: OcrPoolOptions = {}) {
    this.size = opts.size ?? defaultPoolSize();
  }

  recognize(task: OcrTask, signal?: AbortSignal): Promise<OcrPageResult> {
    if (this.closed) return Promise.reject(new AppError('CANCELLED', 'The OCR service is shutting down.'));
    if (signal?.aborted) return Promise.reject(cancelled());
    return new Promise<OcrPageResult>((resolve, reject) => {
      const job: Job = { task, signal, resolve, reject };
      if (signal) {
        job.onAbort = () => this.abort(job);
        signal.addEventListener('abort', job.onAbort, { once: true });
      }
      this.queue.push(job);
      this.pump();
    });
  }

  private settle(job: Job): void {
    if (job.onAbort) job.signal?.removeEventListener('abort', job.onAbort);
  }

  private abort(job: Job): void {
    const queued = this.queue.indexOf(job);
    if (queued >= 0) {
      this.queue.splice(queued, 1);
      this.settle(job);
      job.reject(cancelled());
      return;
    }
    for (const slot of this.slots) {
      if (slot.job === job) {
        // tesseract cannot be interrupted mid-page: the thread goes, a fresh one replaces it on demand.
        slot.job = null;
        this.settle(job);
        job.reject(cancelled());
        this.kill(slot);
        this.pump();
        return;
      }
    }
  }

  private pump(): void {
    while (this.queue.length) {
      let slot = [...this.slots].find((s) => !s.job && !s.dead);
      if (!slot) {
        if (this.slots.size >= this.size) return;
        try {
          slot = this.spawn();
        } catch (err) {
          const job = this.queue.shift()!;
          this.settle(job);
          job.reject(err);
          continue;
        }
      }
      const job = this.queue.shift()!;
      this.start(slot, job);
    }
  }

  private spawn(): Slot {
    const url = ocrWorkerEntry(this.opts.workerFile);
    // done while the worker starts (its tesseract compiles ~1 s later); a failure only loses the sharing
    this.sharedCore ??= compileTesseractCore().catch(() => null);
    // Resolved here so a missing model fails the page with a clear message, never a CDN fetch.
    const workerData: OcrWorkerData = {
      preprocess: this.opts.preprocess ?? DEFAULT_PREPROCESS,
      langPath: resolveTessdataDir(),
    };
    const worker = new Worker(url, {
      workerData,
      // tesseract.js spawns its own nested thread; keep ours from inheriting stdin.
      stdin: false,
    });
    const slot: Slot = { worker, job: null, jobId: 0, done: 0, idleTimer: null, pageTimer: null, dead: false };
    worker.on('message', (msg: FromWorker) => this.onMessage(slot, msg));
    worker.on('error', (err) => this.onCrash(slot, err));
    worker.on('exit', (code) => this.onCrash(slot, new Error(`OCR worker stopped (exit code ${code})`)));
    this.slots.add(slot);
    return slot;
  }

  private start(slot: Slot, job: Job): void {
    if (slot.idleTimer) clearTimeout(slot.idleTimer);
    slot.idleTimer = null;
    slot.worker.ref();
    slot.job = job;
    slot.jobId = this.nextId++;
    const timeout = this.opts.pageTimeoutMs ?? 120_000;
    slot.pageTimer = setTimeout(
      () =>
        this.onCrash(
          slot,
          new AppError(
            'FILE_UNREADABLE',
            `OCR gave up on a page after ${Math.round(timeout / 1000)} s. The scan may be damaged or extremely dense; ask for a cleaner copy.`,
          ),
        ),
      timeout,
    );
    slot.worker.postMessage({ type: 'task', id: slot.jobId, task: job.task } satisfies ToWorker);
  }

  private onMessage(slot: Slot, msg: FromWorker): void {
    if (msg.type === 'ready') return;
    this.peakRss = Math.max(this.peakRss, process.memoryUsage.rss());
    if (msg.type === 'error' && msg.id === -1) {
      this.onCrash(slot, new AppError('INTERNAL', msg.message));
      return;
    }
    const job = slot.job;
    if (!job || msg.id !== slot.jobId) return; // answer to a cancelled job
    slot.job = null;
    slot.done++;
    if (slot.pageTimer) clearTimeout(slot.pageTimer);
    slot.pageTimer = null;
    this.settle(job);
    if (msg.type === 'result') job.resolve(msg.result);
    else job.reject(new AppError(isErrorCode(msg.code) ? msg.code : 'INTERNAL', msg.message, msg.details));
    // After an unexpected failure the tesseract instance may be broken (WASM abort): replace it.
    if (slot.done >= (this.opts.recycleAfter ?? 40) || (msg.type === 'error' && msg.fatal)) this.kill(slot);
    else this.idle(slot);
    this.pump();
  }

  private idle(slot: Slot): void {
    if (slot.job || slot.dead) return;
    slot.worker.unref(); // an idle pool must not keep a CLI process alive
    slot.idleTimer = setTimeout(() => {
      this.kill(slot);
      // the last worker gone idle: its ~28 MB of compiled code go too (the next page compiles again)
      if (this.slots.size === 0) this.sharedCore = null;
    }, this.opts.idleMs ?? 60_000);
    slot.idleTimer.unref();
  }

  private onCrash(slot: Slot, err: unknown): void {
    if (slot.dead) return;
    const job = slot.job;
    this.kill(slot);
    if (job) {
      this.settle(job);
      job.reject(
        err instanceof AppError
          ? err
          : new AppError(
              'INTERNAL',
              `The OCR worker failed while reading a page: ${(err as Error)?.message ?? String(err)}`,
            ),
      );
    }
    this.pump();
  }

  private kill(slot: Slot): void {
    if (slot.dead) return;
    slot.dead = true;
    slot.job = null;
    if (slot.idleTimer) clearTimeout(slot.idleTimer);
    if (slot.pageTimer) clearTimeout(slot.pageTimer);
    this.slots.delete(slot);
    void slot.worker.terminate().catch(() => undefined);
  }

  async close(): Promise<void> {
    this.closed = true;
    this.sharedCore = null;
    for (const job of this.queue.splice(0)) {
      this.settle(job);
      job.reject(new AppError('CANCELLED', 'The OCR service is shutting down.'));
    }
    const all = [...this.slots];
    for (const slot of all) {
      const job = slot.job;
      if (job) {
        this.settle(job);
        job.reject(new AppError('CANCELLED', 'The OCR service is shutting down.'));
      }
      slot.dead = true;
      slot.job = null;
      if (slot.idleTimer) clearTimeout(slot.idleTimer);
      if (slot.pageTimer) clearTimeout(slot.pageTimer);
      this.slots.delete(slot);
    }
    await Promise.all(all.map((s) => s.worker.terminate().catch(() => undefined)));
  }
}

function isErrorCode(code: string): code is ErrorCode {
  return (ERROR_CODES as readonly string[]).includes(code);
}

export function createOcrPool(opts: OcrPoolOptions = {}): WorkerOcrPool {
  return new WorkerOcrPool(opts);
}
