import { parentPort, workerData } from 'node:worker_threads';
import { AppError } from '../../shared/contract/rpc.js';
import { OcrEngine, toAppError } from '../core/ocr/engine.js';
import type { FromWorker, OcrWorkerData, ToWorker } from '../core/ocr/protocol.js';

/*
 * One OCR worker thread: one long-lived tesseract.js worker, pages in, words out. The pool owns the
 * lifecycle (recycling after N pages, terminating on cancel); this side only answers messages.
 * The only entry that runs is the bundle scripts/build-node.mjs makes (dist/workers/ocr-worker.mjs).
 */

const port = parentPort;
if (!port) throw new Error('ocr-worker must run as a worker thread');
const data = workerData as OcrWorkerData;
const engine = new OcrEngine(data.preprocess, data.langPath);
// Serialise: the pool sends one task at a time, but be safe if it ever pipelines.
let chain: Promise<unknown> = engine.warm().then(
  () => port.postMessage({ type: 'ready' } satisfies FromWorker),
  (err: unknown) =>
    port.postMessage({
      type: 'error',
      id: -1,
      code: 'INTERNAL',
      message: `OCR engine failed to start: ${(err as Error)?.message ?? String(err)}`,
    } satisfies FromWorker),
);
port.on('message', (msg: ToWorker) => {
  if (msg.type !== 'task') return;
  chain = chain.then(async () => {
    try {
      const result = await engine.run(msg.task);
      port.postMessage({ type: 'result', id: msg.id, result } satisfies FromWorker);
    } catch (err) {
      const e = toAppError(err);
      port.postMessage({
        type: 'error',
        id: msg.id,
        code: e.code,
        message: e.message,
        details: e.details,
        fatal: !(err instanceof AppError),
      } satisfies FromWorker);
    }
  });
});
