import type { PreprocessOptions } from './options.js';
import type { OcrPageResult, OcrTask } from './types.js';

/*
 * The messages between the OCR pool (core thread) and its worker threads
 * (electron/workers/ocr-worker.ts, shipped as the bundle dist/workers/ocr-worker.mjs).
 */

/** What the pool hands a new worker: resolved on the core's side so the worker never guesses paths. */
export interface OcrWorkerData {
  preprocess: PreprocessOptions;
  /** folder holding eng.traineddata.gz; tesseract.js would go to a CDN without it */
  langPath: string;
}

export type ToWorker = { type: 'task'; id: number; task: OcrTask };

export type FromWorker =
  | { type: 'ready' }
  | { type: 'result'; id: number; result: OcrPageResult }
  /** fatal: not a problem with the page but with the engine; the pool replaces this worker */
  | { type: 'error'; id: number; code: string; message: string; details?: unknown; fatal?: boolean };
