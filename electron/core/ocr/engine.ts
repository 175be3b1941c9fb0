import { createCanvas, loadImage, type Canvas } from '@napi-rs/canvas';
import type { PDFDocumentProxy, PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { createWorker, OEM, type PSM, type Worker as TessWorker, type Block } from 'tesseract.js';
import type { Word } from '../../../shared/domain/document.js';
import { AppError } from '../../../shared/contract/rpc.js';
import { LIMITS, corruptImageError, imageHeader, pointsPerPixel, tiffPages } from '../documents/limits.js';
import { openPdf } from '../documents/pdf.js';
import { extractTiffPage } from '../documents/tiff.js';
import { decodedRows, imageCutShort, partialImageReason } from '../documents/truncation.js';
import { binarizeOtsu, eraseFaintRules, estimateSkew, removeRules, toGray, toPgm, type Gray } from './preprocess.js';
import { DEFAULT_PREPROCESS, type PreprocessOptions } from './options.js';
import { resolveTessdataDir } from './tessdata.js';
import { tiffPageGray } from './tiff-pixels.js';
import type { OcrPageResult, OcrTask } from './types.js';

export { DEFAULT_PREPROCESS, type PreprocessOptions } from './options.js';

type RenderParams = Parameters<PDFPageProxy['render']>[0];

interface CanvasFactoryLike {
  create(w: number, h: number): { canvas: Canvas; context: ReturnType<Canvas['getContext']> };
  destroy(entry: unknown): void;
}

/**
 * One tesseract.js worker plus the rasterising around it. Lives inside an OCR worker thread (and in
 * the bench); the thread is what gets recycled, so this never resets itself.
 */
export class OcrEngine {
  private tess: Promise<TessWorker> | null = null;
  private pdf: { key: string; doc: Promise<PDFDocumentProxy> } | null = null;

  constructor(
    private readonly preprocess: PreprocessOptions = DEFAULT_PREPROCESS,
    private readonly langPath = resolveTessdataDir(),
  ) {}

  /** Load the model now so the first page does not pay for it. */
  warm(): Promise<unknown> {
    return this.worker();
  }

  private worker(): Promise<TessWorker> {
    this.tess ??= createWorker('eng', OEM.LSTM_ONLY, {
      langPath: this.langPath,
      gzip: true,
      cacheMethod: 'none',
      errorHandler: () => undefined,
    });
    return this.tess;
  }

  async run(task: OcrTask): Promise<OcrPageResult> {
    const t0 = performance.now();
    const prepared =
      task.kind === 'pdf-page'
        ? await this.renderPdfPage(task.bytes, task.page, task.docKey)
        : await this.prepareImage(task);
    const t1 = performance.now();
    let words = await this.recognize(
      prepared.image,
      prepared.dpi,
      prepared.ptPerPx,
      prepared.transform,
      this.preprocess.psm ?? '3',
    );
    if (prepared.unruled) {
      const more = await this.recognize(
        toPgm(prepared.unruled),
        prepared.dpi,
        prepared.ptPerPx,
        prepared.transform,
        this.preprocess.gapPsm ?? '3',
      );
      words = fillGaps(words, more, this.preprocess.replaceBelowConf ?? 0);
    }
    return {
      width: round(prepared.widthPt),
      height: round(prepared.heightPt),
      words,
      ...('partial' in prepared && typeof prepared.partial === 'string' ? { partial: prepared.partial } : {}),
      prepareMs: Math.round(t1 - t0),
      recognizeMs: Math.round(performance.now() - t1),
    };
  }

  private async recognize(
    image: Uint8Array,
    dpi: number,
    ptPerPx: number,
    transform: ((x: number, y: number) => [number, number]) | null,
    psm = '3',
  ): Promise<Word[]> {
    const tess = await this.worker();
    // Without a resolution tesseract assumes 70 dpi for PNM input and mis-sizes its layout heuristics.
    await tess.setParameters({
      user_defined_dpi: String(Math.round(dpi)),
      thresholding_method: String(this.preprocess.thresholding ?? 0),
      tessedit_pageseg_mode: psm as PSM,
    });
    const { data } = await tess.recognize(
      Buffer.from(image.buffer, image.byteOffset, image.byteLength),
      {},
      { blocks: true, text: false },
    );
    return wordsFromBlocks(data.blocks ?? [], ptPerPx, transform);
  }

  private async renderPdfPage(bytes: Uint8Array, pageNo: number, docKey: string) {
    if (this.pdf?.key !== docKey) {
      const old = this.pdf;
      this.pdf = { key: docKey, doc: openPdf(bytes) };
      if (old) void old.doc.then((d) => d.destroy()).catch(() => undefined);
    }
    const doc = await this.pdf.doc;
    const page = await doc.getPage(pageNo);
    try {
      const base = page.getViewport({ scale: 1 });
      const scale = Math.min(LIMITS.renderDpi / 72, LIMITS.maxRenderSide / Math.max(base.width, base.height));
      const viewport = page.getViewport({ scale });
      const factory = doc.canvasFactory as CanvasFactoryLike;
      const entry = factory.create(Math.ceil(viewport.width), Math.ceil(viewport.height));
      try {
        // pdfjs' canvas types are the DOM's; @napi-rs/canvas implements the same API.
        await page.render({ canvas: entry.canvas as unknown as RenderParams['canvas'], viewport }).promise;
        const gray = toGray(entry.canvas, entry.canvas.width, entry.canvas.height);
        const out = this.finish(gray, scale * 72);
        return { ...out, widthPt: base.width, heightPt: base.height, ptPerPx: (1 / scale) * out.pxScale };
      } finally {
        factory.destroy(entry);
      }
    } finally {
      page.cleanup();
    }
  }

  private async prepareImage(task: Extract<OcrTask, { kind: 'image' }>) {
    if (task.mime === 'image/tiff') {
      const dv = new DataView(task.bytes.buffer, task.bytes.byteOffset, task.bytes.byteLength);
      const info = tiffPages(dv)[task.frame];
      if (!info) throw corruptImageError('TIFF', `no page ${task.frame + 1}`);
      const single = extractTiffPage(task.bytes, task.frame);
      const pt = pointsPerPixel(info.width, info.dpi);
      const decoded = tiffPageGray(single, info, pt);
      if (decoded) {
        const out = this.finish(decoded.gray, decoded.dpi);
        return {
          ...out,
          widthPt: decoded.widthPt,
          heightPt: decoded.heightPt,
          ptPerPx: decoded.ptPerPx * out.pxScale,
        };
      }
      // A compression the decoder does not know: Leptonica reads the page as it is, unprocessed.
      return {
        image: single,
        dpi: 72 / pt,
        widthPt: info.width * pt,
        heightPt: info.height * pt,
        ptPerPx: pt,
        transform: null,
        unruled: null,
      };
    }
    const header = imageHeader(task.bytes, task.mime);
    let img;
    try {
      img = await loadImage(Buffer.from(task.bytes.buffer, task.bytes.byteOffset, task.bytes.byteLength));
    } catch (err) {
      throw corruptImageError(task.mime === 'image/png' ? 'PNG' : 'JPEG', (err as Error).message.slice(0, 120));
    }
    // Skia applies the EXIF orientation while decoding: a sideways phone photo arrives upright
    // (documents-read.test.ts checks this stays true).
    const w = img.width,
      h = img.height;
    if (!(w > 0 && h > 0)) throw corruptImageError('image', 'no pixels');
    // A file cut short decodes without error and leaves the missing rows empty: read only the rows
    // that decoded (the page keeps its full size, so boxes stay where they are) and say so.
    let rows = h;
    let partial: string | undefined;
    if (imageCutShort(task.bytes, task.mime)) {
      const probe = createCanvas(w, h);
      probe.getContext('2d').drawImage(img, 0, 0);
      rows = decodedRows(probe.data(), w, h);
      if (rows === 0)
        throw corruptImageError(
          task.mime === 'image/png' ? 'PNG' : 'JPEG',
          'the file is cut short before any row of the picture',
        );
      if (rows < h) partial = partialImageReason(rows, h);
      else rows = h;
    }
    const canvas = createCanvas(w, rows);
    const ctx = canvas.getContext('2d');
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, w, rows); // transparent PNGs: tesseract reads transparent as black
    ctx.drawImage(img, 0, 0);
    const pt = pointsPerPixel(w, header.dpi);
    const gray = toGray(canvas, w, rows);
    const out = this.finish(gray, 72 / pt);
    return { ...out, widthPt: w * pt, heightPt: h * pt, ptPerPx: pt * out.pxScale, ...(partial ? { partial } : {}) };
  }

  /** Preprocess a grayscale page; returns PGM bytes and how OCR pixels map back to page pixels. */
  private finish(gray: Gray, dpi: number) {
    let g = gray;
    let pxScale = 1;
    let effectiveDpi = dpi;
    if (dpi < this.preprocess.upscaleBelowDpi) {
      g = upscale2x(g);
      pxScale = 0.5;
      effectiveDpi = dpi * 2;
    }
    let transform: ((x: number, y: number) => [number, number]) | null = null;
    if (this.preprocess.deskew) {
      const angle = estimateSkew(g);
      if (Math.abs(angle) >= 0.3) {
        const rotated = rotateGray(g, -angle);
        g = rotated.gray;
        transform = rotated.back;
      }
    }
    if (this.preprocess.faintRules) g = eraseFaintRules(g, effectiveDpi).gray;
    let unruled: Gray | null = null;
    if (this.preprocess.rules === 'replace') g = removeRules(g, effectiveDpi).gray;
    else if (this.preprocess.rules === 'fill-gaps') {
      const r = removeRules(g, effectiveDpi);
      // a couple of inches of rules: a box or a table, worth a second read
      if (r.erased >= effectiveDpi * 2) unruled = r.gray;
    }
    if (this.preprocess.binarize) g = binarizeOtsu(g);
    return { image: toPgm(g), dpi: effectiveDpi, pxScale, transform, unruled };
  }

  async close(): Promise<void> {
    const tess = this.tess;
    this.tess = null;
    if (tess) await (await tess).terminate().catch(() => undefined);
    if (this.pdf) await (await this.pdf.doc.catch(() => null))?.destroy();
    this.pdf = null;
  }
}

function wordsFromBlocks(
  blocks: Block[],
  ptPerPx: number,
  transform: ((x: number, y: number) => [number, number]) | null,
): Word[] {
  const words: Word[] = [];
  for (const b of blocks)
    for (const p of b.paragraphs)
      for (const l of p.lines)
        for (const w of l.words) {
          const text = w.text.trim();
          if (!text) continue;
          let { x0, y0, x1, y1 } = w.bbox;
          if (transform) {
            // Map the box's corners back into the unrotated page and take their envelope.
            const pts = [transform(x0, y0), transform(x1, y0), transform(x0, y1), transform(x1, y1)];
            x0 = Math.min(...pts.map((q) => q[0]));
            x1 = Math.max(...pts.map((q) => q[0]));
            y0 = Math.min(...pts.map((q) => q[1]));
            y1 = Math.max(...pts.map((q) => q[1]));
          }
          words.push({
            text,
            bbox: [round(x0 * ptPerPx), round(y0 * ptPerPx), round(x1 * ptPerPx), round(y1 * ptPerPx)],
            conf: Math.max(0, Math.min(1, w.confidence / 100)),
          });
        }
  return words;
}

/**
 * Merge a second read into the first: a second-read word overlapping a first-read word by more
 * than a third of the smaller box is the same word read twice and is dropped, unless every
 * first-read word it overlaps is under `replaceBelowConf` (then those go and the second read's
 * words stand in for them); words the first read did not return at all are added.
 */
export function fillGaps(first: Word[], second: Word[], replaceBelowConf = 0): Word[] {
  const overlaps = (a: Word, b: Word) => {
    const ix = Math.min(a.bbox[2], b.bbox[2]) - Math.max(a.bbox[0], b.bbox[0]);
    const iy = Math.min(a.bbox[3], b.bbox[3]) - Math.max(a.bbox[1], b.bbox[1]);
    if (ix <= 0 || iy <= 0) return false;
    const area = (w: Word) => Math.max(1e-6, (w.bbox[2] - w.bbox[0]) * (w.bbox[3] - w.bbox[1]));
    return ix * iy > Math.min(area(a), area(b)) / 3;
  };
  const dropped = new Set<Word>();
  const added: Word[] = [];
  for (const w of second) {
    const clash = first.filter((f) => overlaps(w, f));
    if (clash.length === 0) added.push(w);
    else if (clash.every((f) => f.conf < replaceBelowConf && f.conf < w.conf)) {
      for (const f of clash) dropped.add(f);
      added.push(w);
    }
  }
  return [...first.filter((f) => !dropped.has(f)), ...added];
}

function upscale2x(g: Gray): Gray {
  const W = g.width * 2,
    H = g.height * 2;
  const out = new Uint8Array(W * H);
  // Bilinear: cheap and smooth enough that tesseract sees clean strokes.
  for (let y = 0; y < H; y++) {
    const sy = Math.min(g.height - 1, Math.max(0, (y - 0.5) / 2));
    const y0 = Math.floor(sy),
      y1 = Math.min(g.height - 1, y0 + 1),
      fy = sy - y0;
    for (let x = 0; x < W; x++) {
      const sx = Math.min(g.width - 1, Math.max(0, (x - 0.5) / 2));
      const x0 = Math.floor(sx),
        x1 = Math.min(g.width - 1, x0 + 1),
        fx = sx - x0;
      const a = g.data[y0 * g.width + x0]!,
        b = g.data[y0 * g.width + x1]!;
      const c = g.data[y1 * g.width + x0]!,
        d = g.data[y1 * g.width + x1]!;
      out[y * W + x] = (a * (1 - fx) + b * fx) * (1 - fy) + (c * (1 - fx) + d * fx) * fy;
    }
  }
  return { width: W, height: H, data: out };
}

/** Rotate about the centre by `deg` (same canvas size, white fill); `back` maps output pixels to input pixels. */
function rotateGray(g: Gray, deg: number): { gray: Gray; back: (x: number, y: number) => [number, number] } {
  const rad = (deg * Math.PI) / 180,
    cos = Math.cos(rad),
    sin = Math.sin(rad);
  const cx = g.width / 2,
    cy = g.height / 2;
  const out = new Uint8Array(g.width * g.height).fill(255);
  const W = g.width,
    H = g.height,
    src = g.data;
  for (let y = 0; y < H; y++) {
    // inverse mapping: output (x,y) comes from input rotated by -deg; along a row the source point
    // moves by (cos, -sin) per pixel, so step it instead of recomputing both products.
    const dy = y - cy;
    let fx = -cos * cx + sin * dy + cx + 0.5,
      fy = sin * cx + cos * dy + cy + 0.5;
    const row = y * W;
    for (let x = 0; x < W; x++, fx += cos, fy -= sin) {
      if (fx >= 0 && fy >= 0 && fx < W && fy < H) out[row + x] = src[(fy | 0) * W + (fx | 0)]!; // both ≥ 0 here: | 0 floors
    }
  }
  const back = (x: number, y: number): [number, number] => {
    const dx = x - cx,
      dy = y - cy;
    return [cos * dx + sin * dy + cx, -sin * dx + cos * dy + cy];
  };
  return { gray: { width: g.width, height: g.height, data: out }, back };
}

const round = (v: number) => Math.round(v * 100) / 100;

export function toAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  const msg = (err as Error)?.message ?? String(err);
  return new AppError('FILE_UNREADABLE', `OCR could not read the page: ${msg.slice(0, 200)}`);
}
