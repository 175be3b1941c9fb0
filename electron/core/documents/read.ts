import { randomUUID } from 'node:crypto';
import type { PageText } from '../../../shared/domain/document.js';
import { AppError } from '../../../shared/contract/rpc.js';
import type { OcrPool, OcrTask } from '../ocr/types.js';
import { checkDimensions, checkSize, imageHeader, tiffPages } from './limits.js';
import { openPdf, pageTextLayer, pdfOpenError, usableTextLayer } from './pdf.js';
import { requireReadable, type ReadableMime } from './sniff.js';

export interface ReadProgress {
  /** 1-based page just finished */
  page: number;
  pages: number;
  method: PageText['method'];
}

export interface ReadOptions {
  onPage?(p: ReadProgress): void;
  signal?: AbortSignal;
  /** shared OCR pool; without one a single-worker pool is started for this read and closed after */
  pool?: OcrPool;
  /** file name, only for error messages */
  name?: string;
}

export interface ReadResult {
  mime: ReadableMime;
  pages: PageText[];
  pageCount: number;
}

/** Worker threads see a SharedArrayBuffer without a copy per page (a 50 MB scan, 100 pages). */
function toShared(bytes: Uint8Array): Uint8Array {
  const shared = new Uint8Array(new SharedArrayBuffer(bytes.byteLength));
  shared.set(bytes);
  return shared;
}

function throwIfAborted(signal?: AbortSignal): void {
  if (signal?.aborted) throw new AppError('CANCELLED', 'Reading the document was cancelled.');
}

/**
 * Bytes → words with boxes, page by page. The type comes from the bytes, limits are checked before
 * anything is decoded, PDF pages with a usable text layer are read directly and everything else is
 * OCRed in the pool. Pages come back in order; onPage fires as each one finishes.
 */
export async function readDocument(bytes: Uint8Array, opts: ReadOptions = {}): Promise<ReadResult> {
  checkSize(bytes.byteLength);
  const mime = requireReadable(bytes, opts.name);
  throwIfAborted(opts.signal);

  let ownPool: OcrPool | null = null;
  const pool = async (): Promise<OcrPool> => {
    if (opts.pool) return opts.pool;
    if (!ownPool) {
      const { createOcrPool } = await import('../ocr/pool.js');
      ownPool = createOcrPool({ size: 1 });
    }
    return ownPool;
  };
  try {
    if (mime === 'application/pdf') return { mime, ...(await readPdf(bytes, opts, pool)) };
    return { mime, ...(await readImage(bytes, mime, opts, pool)) };
  } finally {
    if (ownPool) await (ownPool as OcrPool).close();
  }
}

async function readPdf(bytes: Uint8Array, opts: ReadOptions, pool: () => Promise<OcrPool>) {
  const doc = await openPdf(bytes);
  try {
    const pageCount = doc.numPages;
    const pages: (PageText | undefined)[] = new Array(pageCount);
    const needOcr: number[] = [];
    const unreadable = new Map<number, string>();
    for (let p = 1; p <= pageCount; p++) {
      throwIfAborted(opts.signal);
      let text: PageText;
      try {
        text = await pageTextLayer(doc, p);
      } catch (err) {
        // one damaged page must not cost the others: keep it empty and say why; none readable is a damaged file
        if (unreadable.size === pageCount - 1 && pages.every((x) => x === undefined) && needOcr.length === 0)
          throw pdfOpenError(err);
        const reason = pdfOpenError(err).message;
        unreadable.set(p, `the page cannot be read (${reason.replace(/\.$/, '')})`);
        pages[p - 1] = { page: p, width: 612, height: 792, method: 'text', words: [] };
        opts.onPage?.({ page: p, pages: pageCount, method: 'text' });
        continue;
      }
      if (usableTextLayer(text)) {
        pages[p - 1] = text;
        opts.onPage?.({ page: p, pages: pageCount, method: 'text' });
      } else {
        needOcr.push(p);
      }
    }
    // Pages without a usable text layer: a scan, or a page whose compressed content is damaged and
    // that pdf.js shows blank. Only those are checked (a damaged page never has a usable text layer).
    // pdf-lib loads only here: every command that opens the core (a CSV import) would pay for it at startup
    const damaged = needOcr.length
      ? await (await import('./pdf-damage.js')).damagedPdfPages(bytes, needOcr)
      : new Map<number, string>();
    if (needOcr.length) {
      const ocr = await pool();
      const shared = toShared(bytes),
        docKey = randomUUID();
      await ocrAll(needOcr, (p) => ({ kind: 'pdf-page', bytes: shared, page: p, docKey }), ocr, opts, pageCount, pages);
    }
    for (const [p, reason] of [...damaged, ...unreadable]) pages[p - 1] = { ...pages[p - 1]!, partial: reason };
    return { pages: pages as PageText[], pageCount };
  } finally {
    await doc.destroy();
  }
}

/** Header checks for an image: type-specific dimensions and page count, before any pixel is decoded. */
function checkImage(bytes: Uint8Array, mime: Exclude<ReadableMime, 'application/pdf'>): number {
  const header = imageHeader(bytes, mime);
  if (mime === 'image/tiff') {
    const frames = tiffPages(new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    frames.forEach((f, i) =>
      checkDimensions(f.width, f.height, frames.length > 1 ? `Page ${i + 1} of the TIFF` : 'The image'),
    );
  } else {
    checkDimensions(header.width, header.height);
  }
  return header.frames;
}

/**
 * The checks that need no OCR — type, size, limits, PDF structure, password, page count — so a
 * file that can never be read is refused when it is attached, before anything is stored.
 */
export async function inspectDocument(
  bytes: Uint8Array,
  name?: string,
): Promise<{ mime: ReadableMime; pageCount: number }> {
  checkSize(bytes.byteLength);
  const mime = requireReadable(bytes, name);
  if (mime !== 'application/pdf') return { mime, pageCount: checkImage(bytes, mime) };
  const doc = await openPdf(bytes);
  try {
    return { mime, pageCount: doc.numPages };
  } finally {
    await doc.destroy();
  }
}

async function readImage(
  bytes: Uint8Array,
  mime: Exclude<ReadableMime, 'application/pdf'>,
  opts: ReadOptions,
  pool: () => Promise<OcrPool>,
) {
  const pageCount = checkImage(bytes, mime);
  const pages: (PageText | undefined)[] = new Array(pageCount);
  const ocr = await pool();
  const shared = toShared(bytes);
  await ocrAll(
    Array.from({ length: pageCount }, (_, i) => i + 1),
    (p) => ({ kind: 'image', bytes: shared, mime, frame: p - 1 }),
    ocr,
    opts,
    pageCount,
    pages,
  );
  return { pages: pages as PageText[], pageCount };
}

/** Pages go to the pool in parallel (as many as it has workers); results land in page order. */
async function ocrAll(
  pageNos: number[],
  task: (p: number) => OcrTask,
  ocr: OcrPool,
  opts: ReadOptions,
  pageCount: number,
  out: (PageText | undefined)[],
): Promise<void> {
  const queue = [...pageNos];
  const inner = new AbortController();
  const onAbort = () => inner.abort();
  opts.signal?.addEventListener('abort', onAbort, { once: true });
  const lane = async () => {
    for (let p = queue.shift(); p !== undefined; p = queue.shift()) {
      try {
        throwIfAborted(opts.signal);
        const r = await ocr.recognize(task(p), inner.signal);
        out[p - 1] = {
          page: p,
          width: r.width,
          height: r.height,
          method: 'ocr',
          words: r.words,
          ...(r.partial ? { partial: r.partial } : {}),
          ...(r.orientation ? { orientation: r.orientation } : {}),
          ...(r.moved?.length ? { moved: r.moved } : {}),
        };
        opts.onPage?.({ page: p, pages: pageCount, method: 'ocr' });
      } catch (err) {
        // One bad page fails the document: stop the other lanes instead of OCRing the rest.
        queue.length = 0;
        inner.abort();
        throw err;
      }
    }
  };
  try {
    const lanes = Array.from({ length: Math.max(1, Math.min(ocr.size, pageNos.length)) }, lane);
    const results = await Promise.allSettled(lanes);
    const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failed) throw failed.reason;
  } catch (err) {
    if (opts.signal?.aborted) throw new AppError('CANCELLED', 'Reading the document was cancelled.');
    throw err;
  } finally {
    opts.signal?.removeEventListener('abort', onAbort);
  }
}
