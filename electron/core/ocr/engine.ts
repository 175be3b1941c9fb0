import { createCanvas, loadImage, type Canvas } from '@napi-rs/canvas';
import type { PDFDocumentProxy, PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { createWorker, OEM, type PSM, type Worker as TessWorker } from 'tesseract.js';
import type { Word } from '../../../shared/domain/document.js';
import { AppError } from '../../../shared/contract/rpc.js';
import { LIMITS, corruptImageError, imageHeader, pointsPerPixel, tiffPages } from '../documents/limits.js';
import { loadPdfJs, openPdf } from '../documents/pdf.js';
import { extractTiffPage } from '../documents/tiff.js';
import { decodedRows, imageCutShort, partialImageReason } from '../documents/truncation.js';
import {
  binarizeOtsu,
  downscale2x,
  eraseFaintRules,
  estimateSkew,
  evenLighting,
  removeRules,
  cropGray,
  resizeGray,
  toGray,
  toTiff,
  turnGray,
  type Gray,
} from './preprocess.js';
import { plainZeros } from './zero-dots.js';
import { printBox } from './paper-margins.js';
import { combMoveBack, eraseCombBoxes } from './comb-boxes.js';
import { DEFAULT_PREPROCESS, type PreprocessOptions } from './options.js';
import { eraseDotLeaders } from './dot-leaders.js';
import { eraseStruckRules, findStrikeLines, type StrikeLine } from './struck-rules.js';
import { type Rule, withoutStruck } from '../documents/drawing.js';
import { invertReverseVideo } from './reverse-video.js';
import { stripGluedRules } from './glued-rules.js';
import { repairMarkSlips } from './mark-slips.js';
import { DIGIT_WHITELIST, type RawWord, rereadDigits } from './digit-reread.js';
import { ScannedPdfPages } from './scan-page.js';
import { boxedOver, echoedWord, stackedJunk, typicalHeight, unreadInk, wordsOfInk } from './unread-ink.js';
import { resolveTessdataDir } from './tessdata.js';
import { tiffPageGray } from './tiff-pixels.js';
import type { MovedBox, OcrPageResult, OcrTask } from './types.js';

type Transform = (x: number, y: number) => [number, number];
type Prepared = ReturnType<OcrEngine['finish']>;

export { DEFAULT_PREPROCESS, type PreprocessOptions } from './options.js';

type RenderParams = Parameters<PDFPageProxy['render']>[0];

interface CanvasFactoryLike {
  create(w: number, h: number): { canvas: Canvas; context: ReturnType<Canvas['getContext']> };
  destroy(entry: unknown): void;
}

/**
 * A PDF page rasterised at `scale` (1 = 72 dpi) as OCR sees it, in gray. AnnotationMode.ENABLE draws
 * form fields' appearances onto the page (pdfjs' default leaves them to an HTML layer): a scan with
 * values typed into a fillable form over it is read with those values.
 */
export async function renderPageGray(
  doc: PDFDocumentProxy,
  page: PDFPageProxy,
  scale: number,
  reuse?: Uint8Array,
): Promise<Gray> {
  const viewport = page.getViewport({ scale });
  const factory = doc.canvasFactory as CanvasFactoryLike;
  const entry = factory.create(Math.ceil(viewport.width), Math.ceil(viewport.height));
  try {
    const { AnnotationMode } = await loadPdfJs();
    // pdfjs' canvas types are the DOM's; @napi-rs/canvas implements the same API.
    await page.render({
      canvas: entry.canvas as unknown as RenderParams['canvas'],
      viewport,
      annotationMode: AnnotationMode.ENABLE,
    }).promise;
    return toGray(entry.canvas, entry.canvas.width, entry.canvas.height, reuse);
  } finally {
    factory.destroy(entry);
  }
}

/**
 * One tesseract.js worker plus the rasterising around it. Lives inside an OCR worker thread (and in
 * the bench); the thread is what gets recycled, so this never resets itself.
 */
export class OcrEngine {
  private tess: Promise<TessWorker> | null = null;
  private pdf: { key: string; doc: Promise<PDFDocumentProxy> } | null = null;
  private readonly scans = new ScannedPdfPages();
  private canvas: Canvas | null = null;
  /** the last page's gray pixels, free for the next page of the same size (toGray) */
  private spareGray: Uint8Array | null = null;
  /** the tesseract parameters last set: a page's re-reads mostly ask for what the one before did */
  private lastParams = '';

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
    let { words, moved } = await this.read(prepared, prepared.ptPerPx);
    // A page fed upside down (or sideways the way tesseract cannot follow) reads as junk: only then,
    // try the other orientations on a half-size copy and read the page again the way that read best.
    if (this.preprocess.orientation && prepared.source && readsBadly(words)) {
      const turn = await this.probeOrientation(prepared, plausibleWords(words));
      if (turn) {
        const turned = turnGray(prepared.source.gray, turn);
        const again = this.finish(turned.gray, prepared.source.dpi);
        const onto = (t: Transform | null) => pageTransform([t, turned.back]);
        const second = await this.read(
          { ...again, toSource: onto(again.toSource), toPrinted: again.toPrinted && onto(again.toPrinted) },
          prepared.ptPerPx,
        );
        if (plausibleWords(second.words) > plausibleWords(words)) ({ words, moved } = second);
      }
    }
    const orientation = readingOrientation(words);
    // nothing of the page's pixels outlives its read: the next page draws into them
    this.spareGray = prepared.source?.gray.data ?? null;
    return {
      width: round(prepared.widthPt),
      height: round(prepared.heightPt),
      words,
      ...(moved.length ? { moved } : {}),
      ...('partial' in prepared && typeof prepared.partial === 'string' ? { partial: prepared.partial } : {}),
      ...(orientation ? { orientation } : {}),
      prepareMs: Math.round(t1 - t0),
      recognizeMs: Math.round(performance.now() - t1),
    };
  }

  /** The main read of a prepared page, plus the rule-free second read when the options ask for it. */
  private async read(
    prepared: Pick<Prepared, 'image' | 'imageAt' | 'dpi' | 'toSource' | 'toPrinted' | 'unruled' | 'strikes'> & {
      gray?: Gray;
    },
    ptPerPx: number,
  ): Promise<{ words: Word[]; moved: MovedBox[] }> {
    const lines = shiftLines(
      await this.recognizeLines(prepared.image, prepared.dpi, this.preprocess.psm ?? '3'),
      prepared.imageAt,
    );
    let raw = rawWords(lines);
    const below = this.preprocess.rereadBelowConf ?? 0;
    if (below > 0 && prepared.gray) {
      const runs = unsureRuns(lines, below, this.preprocess.rereadMaxRuns ?? 12);
      if (runs.length) {
        const again: RawWord[] = [];
        for (const run of runs) again.push(...(await this.rereadRun(prepared.gray, prepared.dpi, run.bbox)));
        raw = preferSurerReads(raw, again, below);
      }
    }
    const gray = prepared.gray;
    if ((this.preprocess.inkRereads ?? 0) > 0 && gray) raw = await this.readUnreadInk(gray, prepared.dpi, raw);
    // a box's edge read as a value's first character ("180527" for "|80527"): cut off (glued-rules.ts)
    if (this.preprocess.gluedRules && gray) raw = stripGluedRules(gray, raw);
    // a speck glued before a number ("~.559.555.0120"), an S read as "§" before a word (mark-slips.ts)
    if (this.preprocess.markSlips) raw = repairMarkSlips(raw);
    if ((this.preprocess.digitRereads ?? 0) > 0 && gray)
      raw = await rereadDigits(
        raw,
        (box) => this.rereadDigitWord(gray, prepared.dpi, box),
        this.preprocess.digitRereads!,
        (box) => this.rereadDigitWord(gray, prepared.dpi, box, TIEBREAK_SCALE),
      );
    const clipped = sliversBoxed(clipOverreach(raw));
    let words = clipped.map((w) => toWord(w, ptPerPx, prepared.toSource));
    const moved = prepared.toPrinted ? movedWords(clipped, words, ptPerPx, prepared.toPrinted) : [];
    if (prepared.unruled) {
      const more = await this.recognize(
        toTiff(prepared.unruled),
        prepared.dpi,
        ptPerPx,
        prepared.toSource,
        this.preprocess.gapPsm ?? '3',
      );
      words = fillGaps(words, more, this.preprocess.replaceBelowConf ?? 0);
    }
    // a value struck out by hand is not read, its correction written over it is read in its place
    // (drawing.ts withoutStruck, as for a text PDF's drawn lines)
    if (prepared.strikes.length) {
      const unstruck = withoutStruck(words, strikeRules(prepared.strikes, ptPerPx, prepared.toSource), 'ink');
      words = unstruck.words;
      moved.push(...unstruck.moved);
    }
    return { words, moved };
  }

  /**
   * A stretch of unsure words read again with a little of its line around it, twice its size, as a
   * single line (PSM 7): a word tesseract was unsure of on the page ("TINE. Jey by." for "Please pay
   * by:" in a gray box, "Oct 18," for "Oct 10,", "{225)" for "(225)") mostly reads cleanly when it
   * is all tesseract has to look at, in strokes twice as thick. Boxes come back in the page image's pixels.
   */
  private async rereadRun(page: Gray, dpi: number, box: Bbox): Promise<RawWord[]> {
    // a few letters' worth of the line on either side: a lone word loses the line's x-height, and
    // with it the case of round letters ("Our" read again as "our")
    return this.readAlone(page, dpi, box, { x: 3, y: 0.25 });
  }

  /**
   * Print the page read returned no word for (unread-ink.ts), each stretch read alone as one line;
   * its words join the page's. A word only a second look found is never sure on its own: its
   * confidence stays under the digit re-read's bar, so a number among them is read once more with
   * the digit whitelist after this, and a slip between the two readings leaves it for a check.
   */
  private async readUnreadInk(page: Gray, dpi: number, raw: RawWord[]): Promise<RawWord[]> {
    const found: RawWord[] = [];
    for (const box of unreadInk(page, raw, this.preprocess.inkRereads ?? 0))
      for (const w of wordsOfInk(await this.readAlone(page, dpi, box, { x: 0.3, y: 0.25 }), box, INK_MIN_CONF)) {
        // a letter a word's box left out is that word's, read already: the word is boxed over it
        const echoed = echoedWord(w, raw);
        if (echoed) raw = raw.map((o) => (o === echoed ? boxedOver(o, w) : o));
        else found.push({ ...w, conf: Math.min(w.conf, INK_MAX_CONF) });
      }
    if (!found.length) return raw;
    // a junk word boxed over lines whose print was read here now is that print misread
    const typical = typicalHeight(raw);
    const inside = (w: RawWord, box: Bbox) => {
      const cx = (w.bbox.x0 + w.bbox.x1) / 2,
        cy = (w.bbox.y0 + w.bbox.y1) / 2;
      return cx >= box.x0 && cx <= box.x1 && cy >= box.y0 && cy <= box.y1;
    };
    const kept = raw.filter((w) => !stackedJunk(w, typical) || !found.some((f) => inside(f, w.bbox)));
    return [...kept, ...found];
  }

  /** One word read again alone, twice its size, as one line of digits and number punctuation (digit-reread.ts). */
  private async rereadDigitWord(
    page: Gray,
    dpi: number,
    box: Bbox,
    scale = REREAD_SCALE,
  ): Promise<{ text: string; conf: number } | null> {
    const got = await this.readAlone(page, dpi, box, { x: 0.5, y: 0.3 }, DIGIT_WHITELIST, scale);
    if (!got.length) return null;
    return { text: got.map((w) => w.text).join(''), conf: Math.min(...got.map((w) => w.conf)) };
  }

  /**
   * The box, with `pad` times its height around it (each side), cut from the page image, drawn `k`
   * (a whole number; REREAD_SCALE unless told) times bigger and read as one line (PSM 7), optionally
   * with only `whitelist`'s characters; the words' boxes come back in the page image's pixels.
   */
  private async readAlone(
    page: Gray,
    dpi: number,
    box: Bbox,
    pad: { x: number; y: number },
    whitelist = '',
    k = REREAD_SCALE,
  ): Promise<RawWord[]> {
    const h = box.y1 - box.y0;
    const x0 = Math.max(0, Math.round(box.x0 - pad.x * h)),
      y0 = Math.max(0, Math.round(box.y0 - pad.y * h)),
      x1 = Math.min(page.width, Math.round(box.x1 + pad.x * h)),
      y1 = Math.min(page.height, Math.round(box.y1 + pad.y * h));
    if (x1 - x0 < 4 || y1 - y0 < 4) return [];
    const crop = cropGray(page, x0, y0, x1 - x0, y1 - y0);
    const big = resizeGray(crop, crop.width * k, crop.height * k);
    const lines = await this.recognizeLines(toTiff(big), dpi * k, '7', whitelist);
    return rawWords(lines).map((w) => ({
      ...w,
      bbox: { x0: x0 + w.bbox.x0 / k, y0: y0 + w.bbox.y0 / k, x1: x0 + w.bbox.x1 / k, y1: y0 + w.bbox.y1 / k },
    }));
  }

  /**
   * The quarter turn (90, 180 or 270 degrees clockwise) under which a half-size copy of the prepared
   * page reads clearly better than the page did as it is, or 0. Costs three small reads, so it runs
   * only for pages whose first read looked wrong.
   */
  private async probeOrientation(prepared: Prepared, asIs: number): Promise<0 | 90 | 180 | 270> {
    const small = downscale2x(prepared.gray);
    let best: 0 | 90 | 180 | 270 = 0,
      bestScore = asIs;
    for (const turn of [180, 90, 270] as const) {
      const words = await this.recognize(toTiff(turnGray(small, turn).gray), prepared.dpi / 2, 1, null, '3');
      const score = plausibleWords(words);
      // a clear win only: a page that is merely hard to read stays as it is
      if (score >= 8 && score > bestScore * 1.5) {
        best = turn;
        bestScore = score;
      }
    }
    return best;
  }

  private async recognize(
    image: Uint8Array,
    dpi: number,
    ptPerPx: number,
    transform: Transform | null,
    psm = '3',
  ): Promise<Word[]> {
    return wordsFromLines(await this.recognizeLines(image, dpi, psm), ptPerPx, transform);
  }

  private async recognizeLines(image: Uint8Array, dpi: number, psm = '3', whitelist = ''): Promise<RawWord[][]> {
    const tess = await this.worker();
    // Without a resolution tesseract assumes 70 dpi for an image that states none (toTiff's) and mis-sizes its layout heuristics.
    const params = {
      user_defined_dpi: String(Math.round(dpi)),
      thresholding_method: String(this.preprocess.thresholding ?? 0),
      tessedit_pageseg_mode: psm as PSM,
      // '' allows every character again after a digit re-read
      tessedit_char_whitelist: whitelist,
    };
    const key = JSON.stringify(params);
    if (key !== this.lastParams) {
      this.lastParams = '';
      await tess.setParameters(params);
      this.lastParams = key;
    }
    // TSV rather than tesseract.js' blocks: the same words, boxes and confidences in ~10 KB a page
    // where the blocks' JSON (every symbol and its choices) is ~440 KB to build, parse and pass
    // between threads
    const { data } = await tess.recognize(
      Buffer.from(image.buffer, image.byteOffset, image.byteLength),
      {},
      { tsv: true, text: false },
    );
    return linesFromTsv(data.tsv ?? '');
  }

  /**
   * A canvas of w × h, the last page's when it had the same size: a 300-dpi page's is 33 MB, and a
   * new one each page kept the worker's garbage collector busy (two full collections a page).
   */
  private pageCanvas(w: number, h: number): Canvas {
    if (this.canvas?.width !== w || this.canvas.height !== h) this.canvas = createCanvas(w, h);
    return this.canvas;
  }

  /** The spare gray pixels, taken (a page read meanwhile allocates its own). */
  private takeGray(): Uint8Array | undefined {
    const spare = this.spareGray ?? undefined;
    this.spareGray = null;
    return spare;
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
      // a plain scan's JPEG decoded directly (scan-page.ts), else pdfjs renders the page
      const spare = this.takeGray();
      const gray =
        (await this.scans.gray(bytes, pageNo, docKey, scale, spare)) ?? (await renderPageGray(doc, page, scale, spare));
      const out = this.finish(gray, scale * 72);
      return {
        ...out,
        source: { gray, dpi: scale * 72 },
        widthPt: base.width,
        heightPt: base.height,
        ptPerPx: 1 / scale,
      };
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
          source: { gray: decoded.gray, dpi: decoded.dpi },
          widthPt: decoded.widthPt,
          heightPt: decoded.heightPt,
          ptPerPx: decoded.ptPerPx,
        };
      }
      // A compression the decoder does not know: Leptonica reads the page as it is, unprocessed.
      return {
        image: single,
        imageAt: NO_SHIFT,
        dpi: 72 / pt,
        widthPt: info.width * pt,
        heightPt: info.height * pt,
        ptPerPx: pt,
        toSource: null,
        toPrinted: null,
        unruled: null,
        strikes: [] as StrikeLine[],
        source: null,
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
    const canvas = this.pageCanvas(w, rows);
    const ctx = canvas.getContext('2d');
    // the last page's pixels out; a transparent PNG reads as if on white paper (toGray): tesseract
    // would read transparent as black
    ctx.clearRect(0, 0, w, rows);
    ctx.drawImage(img, 0, 0);
    const pt = pointsPerPixel(w, header.dpi);
    const gray = toGray(canvas, w, rows, this.takeGray());
    const out = this.finish(gray, 72 / pt);
    return {
      ...out,
      source: { gray, dpi: 72 / pt },
      widthPt: w * pt,
      heightPt: h * pt,
      ptPerPx: pt,
      ...(partial ? { partial } : {}),
    };
  }

  /**
   * Preprocess a grayscale page; returns the image bytes tesseract reads (toTiff), the preprocessed page (`gray`) and how its pixels
   * map back to the input's pixels (`toSource`, null when they are the same). Each step that moves
   * pixels (upscaling, deskewing) adds itself to that map, so boxes land on the page image as it is.
   */
  private finish(gray: Gray, dpi: number) {
    let g = gray;
    let pxScale = 1;
    let effectiveDpi = dpi;
    // 150–250-dpi scans are read as they are: resized to 300 dpi, a 150-dpi page of 7-pt print lost
    // its last line (word recall 0.92 → 0.72) and an 8-pt fax fell from 0.97 to 0.92 (tesseract
    // scales text lines itself); only pages under 150 dpi gain from more pixels.
    if (dpi < this.preprocess.upscaleBelowDpi) {
      g = resizeGray(g, g.width * 2, g.height * 2);
      pxScale = 0.5;
      effectiveDpi = dpi * 2;
    }
    // uneven lighting or a copier's dark border: flatten the paper before anything thresholds it
    if (this.preprocess.evenLighting) g = evenLighting(g, effectiveDpi).gray;
    let rotation: Transform | null = null;
    if (this.preprocess.deskew) {
      const angle = estimateSkew(g, this.preprocess.maxSkewDeg ?? 5);
      if (Math.abs(angle) >= 0.3) {
        const rotated = rotateGray(g, -angle);
        g = rotated.gray;
        rotation = rotated.back;
      }
    }
    // white captions on dark bands: tesseract reads dark print on paper (reverse-video.ts)
    if (this.preprocess.reverseVideo) g = invertReverseVideo(g, effectiveDpi).gray;
    if (this.preprocess.faintRules) g = eraseFaintRules(g, effectiveDpi).gray;
    if (this.preprocess.dotLeaders) g = eraseDotLeaders(g, effectiveDpi).gray;
    if (this.preprocess.zeroDots) g = plainZeros(g, effectiveDpi).gray;
    // a comb's characters are read packed side by side, and the extractor reads the words as packed;
    // where each such word is printed (on its boxes) goes with the page as `moved` (comb-boxes.ts)
    let unpack: Transform | null = null;
    if (this.preprocess.combBoxes) {
      const combs = eraseCombBoxes(g, effectiveDpi);
      g = combs.gray;
      unpack = combMoveBack(combs.moved);
    }
    // lines drawn through print, found before the step below makes them paper: struck words (read)
    const strikes = this.preprocess.struckWords ? findStrikeLines(g, effectiveDpi) : [];
    // a caption printed on its box's rule: the rule between the letters' strokes made paper (struck-rules.ts)
    if (this.preprocess.struckRules) g = eraseStruckRules(g, effectiveDpi).gray;
    const scale: Transform | null = pxScale === 1 ? null : (x, y) => [x * pxScale, y * pxScale];
    const toSource = pageTransform([rotation, scale]);
    const toPrinted = unpack && pageTransform([unpack, rotation, scale]);
    let unruled: Gray | null = null;
    if (this.preprocess.rules === 'replace') g = removeRules(g, effectiveDpi).gray;
    else if (this.preprocess.rules === 'fill-gaps') {
      const r = removeRules(g, effectiveDpi);
      // a couple of inches of rules: a box or a table, worth a second read
      if (r.erased >= effectiveDpi * 2) unruled = r.gray;
    }
    if (this.preprocess.binarize) g = binarizeOtsu(g);
    // tesseract reads the print with a margin of paper round it, not the blank paper beyond
    // (paper-margins.ts); its words come back shifted onto `g` (read)
    const print = printBox(g, effectiveDpi);
    const image = toTiff(print ? cropGray(g, print.x, print.y, print.width, print.height) : g);
    return {
      image,
      imageAt: print ? { x: print.x, y: print.y } : NO_SHIFT,
      gray: g,
      dpi: effectiveDpi,
      toSource,
      toPrinted,
      unruled,
      strikes,
    };
  }

  async close(): Promise<void> {
    const tess = this.tess;
    this.tess = null;
    this.lastParams = '';
    if (tess) await (await tess).terminate().catch(() => undefined);
    if (this.pdf) await (await this.pdf.doc.catch(() => null))?.destroy();
    this.pdf = null;
  }
}

type Bbox = RawWord['bbox'];
export type { RawWord };

/**
 * The least confidence (0..100) a word read from unread ink must have: the stretch may be a stamp,
 * a smudge or a drawn mark, which read alone comes back as junk in the 20s–50s.
 */
const INK_MIN_CONF = 60;
/** The most confidence (0..100) such a word keeps: under digit-reread.ts' UNSURE_BELOW (85). */
const INK_MAX_CONF = 84;

/** The most confidence (0..100) a word the second read only confirmed keeps: as for unread ink's words. */
const CONFIRMED_MAX_CONF = INK_MAX_CONF;

/** How much bigger a line is drawn for its second read. */
const REREAD_SCALE = 2;
/**
 * The size a digit re-read's two differing readings are settled at (digit-reread.ts settleTwoReadings):
 * another than the re-read's, so its slip is not simply made again.
 */
const TIEBREAK_SCALE = 3;
/**
 * How much surer (confidence points, 0..100) the second reading must be: a point or two is noise
 * ("509-560-8847-938." at 79 read again as "509.560-8847.938." at 84).
 */
const REREAD_MARGIN = 10;

/**
 * The words of tesseract's TSV output (level 5 rows: level, page, block, paragraph, line, word, left,
 * top, width, height, confidence, text) grouped by text line, in reading order. Confidences are cut
 * to whole numbers as tesseract.js' blocks gave them, so thresholds decide as they did.
 */
export function linesFromTsv(tsv: string): RawWord[][] {
  const lines: RawWord[][] = [];
  let line: RawWord[] = [];
  let key = '';
  for (const row of tsv.split('\n')) {
    if (!row.startsWith('5\t')) continue;
    const f = row.split('\t');
    if (f.length < 12) continue;
    const at = `${f[2]}.${f[3]}.${f[4]}`;
    if (at !== key) {
      line = [];
      lines.push(line);
      key = at;
    }
    const x0 = Number(f[6]),
      y0 = Number(f[7]);
    line.push({
      text: f[11]!.trim(),
      bbox: { x0, y0, x1: x0 + Number(f[8]), y1: y0 + Number(f[9]) },
      conf: Math.trunc(Number(f[10])),
    });
  }
  return lines;
}

/** Where the image tesseract read sits on the prepared page (its top left corner). */
type Shift = { x: number; y: number };
const NO_SHIFT: Shift = { x: 0, y: 0 };

/** The steps' maps back to the page, applied in turn (the first undoes the last step), or null when none moved pixels. */
function pageTransform(steps: (Transform | null)[]): Transform | null {
  const moves = steps.filter((t): t is Transform => t !== null);
  if (!moves.length) return null;
  return (x, y) => moves.reduce<[number, number]>((p, t) => t(p[0], p[1]), [x, y]);
}

/** Words read from a crop of the page, boxed in the page's pixels. */
export function shiftLines(lines: RawWord[][], at: Shift): RawWord[][] {
  if (at.x === 0 && at.y === 0) return lines;
  return lines.map((l) =>
    l.map((w) => ({
      ...w,
      bbox: { x0: w.bbox.x0 + at.x, y0: w.bbox.y0 + at.y, x1: w.bbox.x1 + at.x, y1: w.bbox.y1 + at.y },
    })),
  );
}

function rawWords(lines: RawWord[][]): RawWord[] {
  return lines.flat().filter((w) => w.text);
}

function toWord(w: RawWord, ptPerPx: number, transform: Transform | null): Word {
  let { x0, y0, x1, y1 } = w.bbox;
  if (transform) {
    // Map the box's corners back onto the page image as it is and take their envelope.
    const pts = [transform(x0, y0), transform(x1, y0), transform(x0, y1), transform(x1, y1)];
    x0 = Math.min(...pts.map((q) => q[0]));
    x1 = Math.max(...pts.map((q) => q[0]));
    y0 = Math.min(...pts.map((q) => q[1]));
    y1 = Math.max(...pts.map((q) => q[1]));
  }
  return {
    text: w.text,
    bbox: [round(x0 * ptPerPx), round(y0 * ptPerPx), round(x1 * ptPerPx), round(y1 * ptPerPx)],
    conf: Math.max(0, Math.min(1, w.conf / 100)),
  };
}

/** Lines found on the prepared page, in page points as the words are (toWord). */
function strikeRules(lines: StrikeLine[], ptPerPx: number, transform: Transform | null): Rule[] {
  const at = transform ?? ((x: number, y: number): [number, number] => [x, y]);
  // a pixel's size back on the page (upscaling halves it; a turn keeps it)
  const [ox, oy] = at(0, 0),
    [ux, uy] = at(1, 0);
  const px = Math.hypot(ux - ox, uy - oy) * ptPerPx;
  return lines.map((l) => {
    const [ax, ay] = at(l.x0, l.y0),
      [bx, by] = at(l.x1, l.y1);
    return { x0: ax * ptPerPx, x1: bx * ptPerPx, y0: ay * ptPerPx, y1: by * ptPerPx, thick: l.thick * px };
  });
}

/**
 * The words a preprocessing step moved to read them (a comb's packed characters): each where it is
 * among the page's words and where it is printed on the page.
 */
function movedWords(raw: RawWord[], words: Word[], ptPerPx: number, toPrinted: Transform): MovedBox[] {
  const out: MovedBox[] = [];
  raw.forEach((w, i) => {
    const at = words[i]!.bbox;
    const printed = toWord(w, ptPerPx, toPrinted).bbox;
    if (printed.some((v, k) => Math.abs(v - at[k]!) >= 0.5)) out.push({ at, printed });
  });
  return out;
}

function wordsFromLines(lines: RawWord[][], ptPerPx: number, transform: Transform | null): Word[] {
  return rawWords(lines).map((w) => toWord(w, ptPerPx, transform));
}

/**
 * The stretches of text worth a second read: runs of neighbouring words on one line read under
 * `below` (0..1), each holding letters or digits, the unsurest first, at most `max` a page. Rules, dot
 * leaders and specks (no two letters or digits, or read at almost 0%) are not text a second look
 * would recover; nor are words far taller than the page's print (a logo, a signature).
 */
export function unsureRuns(lines: RawWord[][], below: number, max: number): { bbox: Bbox; conf: number }[] {
  const heights = lines.flatMap((l) => l.map((w) => w.bbox.y1 - w.bbox.y0)).sort((a, b) => a - b);
  const typical = heights[Math.floor(heights.length / 2)] ?? 0;
  const unsure = (w: RawWord) => {
    const h = w.bbox.y1 - w.bbox.y0;
    if (w.conf >= below * 100 || h > 2 * typical || (w.text.match(/[\p{L}\p{N}]/gu)?.length ?? 0) < 2) return false;
    // read at almost 0%: a speck, unless it is a word of the page's print size ("Acct #" read at 4%
    // as a small caption in a ruled grid, which extraction then drops as noise, losing the label)
    return w.conf >= 5 || (/^[\p{L}\p{N}]{3,}[.:#]?$/u.test(w.text) && h >= 0.6 * typical);
  };
  const out: { bbox: Bbox; conf: number }[] = [];
  for (const l of lines) {
    let run: { bbox: Bbox; conf: number } | null = null;
    for (const w of l) {
      if (!unsure(w)) {
        run = null;
        continue;
      }
      const h = w.bbox.y1 - w.bbox.y0;
      if (run && w.bbox.x0 - run.bbox.x1 < 1.5 * Math.max(h, typical)) {
        run.bbox = {
          x0: Math.min(run.bbox.x0, w.bbox.x0),
          y0: Math.min(run.bbox.y0, w.bbox.y0),
          x1: Math.max(run.bbox.x1, w.bbox.x1),
          y1: Math.max(run.bbox.y1, w.bbox.y1),
        };
        run.conf = Math.min(run.conf, w.conf);
      } else {
        run = { bbox: { ...w.bbox }, conf: w.conf };
        out.push(run);
      }
    }
  }
  return out.sort((a, b) => a.conf - b.conf).slice(0, max);
}

/**
 * The page's words with each unsure one (under `below`, 0..1) replaced by the second read's words
 * over it when those are surer; the second read's other words (the sure words around, read again)
 * are dropped, so only what the first read doubted can change.
 */
export function preferSurerReads(first: RawWord[], again: RawWord[], below: number): RawWord[] {
  const overlap = (a: Bbox, b: Bbox) => {
    const ix = Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0);
    const iy = Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0);
    if (ix <= 0 || iy <= 0) return 0;
    const area = (q: Bbox) => Math.max(1e-6, (q.x1 - q.x0) * (q.y1 - q.y0));
    return (ix * iy) / Math.min(area(a), area(b));
  };
  /** whether box b lies mostly (over half its area) inside box a */
  const holds = (a: Bbox, b: Bbox) => {
    const ix = Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0);
    const iy = Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0);
    return ix > 0 && iy > 0 && ix * iy > 0.5 * (b.x1 - b.x0) * (b.y1 - b.y0);
  };
  const lettersOf = (t: string) => t.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
  const sure = first.filter((w) => w.conf >= below * 100);
  const own = (a: RawWord) => {
    const area = Math.max(1e-6, (a.bbox.x1 - a.bbox.x0) * (a.bbox.y1 - a.bbox.y0));
    return sure.every((w) => {
      const share = overlap(a.bbox, w.bbox);
      return share < 0.5 && share * Math.min(area, (w.bbox.x1 - w.bbox.x0) * (w.bbox.y1 - w.bbox.y0)) < area * 0.3;
    });
  };
  // a second-read word lying on a sure word, or swallowing one however small ("Name:" over a sure
  // ":"), is that word read again: never doubled
  // a number printed in groups ("9783 90 054 7443623") read again as one word ("978390", the space
  // lost in the crop) is no surer reading of either group: the groups are the number's print
  const digitGroup = (w: RawWord) => /^\d[\d\-.]*$/.test(w.text);
  const joinsGroups = (a: RawWord) =>
    !/\s/.test(a.text) && first.filter((w) => digitGroup(w) && overlap(a.bbox, w.bbox) > 0.5).length >= 2;
  const owned = again.filter((a) => own(a) && !joinsGroups(a));
  // two runs' crops can both hold a word: the crop that cut it ("2:" for the start of
  // "229-023-3015-88", caught at the edge of the label's crop) reads it less surely than the one
  // that held it whole — only the surest reading of a place stands
  const candidates = owned.filter(
    (a) => !owned.some((b) => b !== a && b.conf > a.conf && overlap(a.bbox, b.bbox) > 0.5),
  );
  const used = new Set<RawWord>();
  const out: RawWord[] = [];
  for (const w of first) {
    if (w.conf >= below * 100) {
      out.push(w);
      continue;
    }
    const over = candidates.filter((a) => !used.has(a) && overlap(a.bbox, w.bbox) > 0.5);
    // the second read must cover the word and be surer of every word it puts there
    const covers =
      over.length > 0 &&
      Math.min(...over.map((a) => a.bbox.x0)) <= w.bbox.x0 + (w.bbox.y1 - w.bbox.y0) &&
      Math.max(...over.map((a) => a.bbox.x1)) >= w.bbox.x1 - (w.bbox.y1 - w.bbox.y0);
    // the same letters in another case is no better reading (the crop knows less of the line's x-height)
    const sameLetters = over.length === 1 && over[0]!.text.toLowerCase() === w.text.toLowerCase();
    const surer = covers && over.every((a) => a.conf >= w.conf + REREAD_MARGIN);
    if (surer && !sameLetters) {
      for (const a of over) used.add(a);
      out.push(...over);
    } else if (surer) {
      // the same letters read surely on their own: the first reading stands, as sure as two agreeing
      // reads are ("NEWPORT NEWS" with "NEWS" at 0% and again at 96%: at 0% the layout drops it as a
      // speck), yet under the digit re-read's bar, which a number among them still gets
      used.add(over[0]!);
      out.push({ ...w, conf: Math.max(w.conf, Math.min(over[0]!.conf, CONFIRMED_MAX_CONF)) });
    } else if (![...used].some((a) => holds(a.bbox, w.bbox) && lettersOf(a.text).includes(lettersOf(w.text))))
      out.push(w);
    // (else a second-read word that stood in for the word before holds this one too: "Bos ton" read
    // again as "Boston" is that one word, not "Boston ton"; a word boxed over the next words, "Main" over
    // "St", holds no "st" and leaves it)
  }
  return out;
}

/**
 * Words whose box runs on over the next words of their line cut back to where the next word
 * starts. Tesseract now and then gives a word the box of its whole line ("EMERGENCY" boxed over
 * "(E911) ADDRESS:") or half the next word ("PORT-OUT" over "PIN"); extraction then reads the
 * line's words as overlapping and loses the label. A word the other lies wholly within from its
 * first letter (a cut reading of the same place, "2:" over "229-023-3015-88") is not this: the next
 * word must start where the first word's letters could already have ended. Nor is a word whose
 * text ends in the other's.
 */
export function clipOverreach(words: RawWord[]): RawWord[] {
  return words.map((a) => {
    const h = a.bbox.y1 - a.bbox.y0;
    // the least room its letters take: narrow print runs ~0.4 of the line's height a letter
    const least = a.bbox.x0 + 0.4 * h * a.text.length;
    let cut = a.bbox.x1;
    for (const b of words) {
      // a word whose letters already end in the other's ("+1520532" over "532") read that place
      // itself: the other is its tail read twice, and the box is right
      if (b === a || b.bbox.x0 < least || b.bbox.x0 >= cut || a.text.endsWith(b.text)) continue;
      const iy = Math.min(a.bbox.y1, b.bbox.y1) - Math.max(a.bbox.y0, b.bbox.y0);
      if (iy < 0.5 * Math.min(h, b.bbox.y1 - b.bbox.y0)) continue;
      cut = b.bbox.x0 - Math.min(0.2 * h, b.bbox.x0 - least);
    }
    return cut < a.bbox.x1 ? { ...a, bbox: { ...a.bbox, x1: cut } } : a;
  });
}

/** A character whose print is as tall as its line's letters (not a dash, a dot or a comma). */
const FULL_HEIGHT_MARK = /^[/\\&#+@%()\p{L}\p{N}]{1,2}$/u;

/**
 * Words tesseract read surely but boxed as a sliver of their print: the "/" of "Business / Organization
 * Name" at 93%, boxed one pixel wide and a third of the line tall. The layout takes a box that small
 * for a speck and drops it, and with it splits the caption ("Business", then "Organization Name"). Such
 * a word, tight between two words of its line, is given the room between them and their height.
 */
export function sliversBoxed(words: RawWord[]): RawWord[] {
  return words.map((w) => {
    if (w.conf < 60 || !FULL_HEIGHT_MARK.test(w.text)) return w;
    const cy = (w.bbox.y0 + w.bbox.y1) / 2;
    const onLine = (o: RawWord) => o !== w && o.bbox.y0 < cy && o.bbox.y1 > cy;
    let prev: RawWord | null = null,
      next: RawWord | null = null;
    for (const o of words) {
      if (!onLine(o)) continue;
      if (o.bbox.x1 <= w.bbox.x0 + 1 && (!prev || o.bbox.x1 > prev.bbox.x1)) prev = o;
      if (o.bbox.x0 >= w.bbox.x1 - 1 && (!next || o.bbox.x0 < next.bbox.x0)) next = o;
    }
    if (!prev || !next) return w;
    const y0 = Math.min(prev.bbox.y0, next.bbox.y0),
      y1 = Math.max(prev.bbox.y1, next.bbox.y1);
    const lineH = Math.min(prev.bbox.y1 - prev.bbox.y0, next.bbox.y1 - next.bbox.y0);
    if (w.bbox.y1 - w.bbox.y0 >= 0.4 * lineH || next.bbox.x0 - prev.bbox.x1 > 1.5 * lineH) return w;
    return { ...w, bbox: { x0: prev.bbox.x1 + 1, y0, x1: Math.max(prev.bbox.x1 + 2, next.bbox.x0 - 1), y1 } };
  });
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

/**
 * Words that look like a clean read: confident, and letters or digits with at most light punctuation.
 * A page read upside down gives few (mirrored junk like "€LL8 S16 IAIDY" at low confidence).
 */
export function plausibleWords(words: readonly Word[]): number {
  let n = 0;
  for (const w of words)
    if (w.conf >= 0.75 && /^[("#$]?[A-Za-z0-9][A-Za-z0-9.,:;'&/()#@-]*$/.test(w.text) && /[A-Za-z0-9]{2}/.test(w.text))
      n++;
  return n;
}

/** A first read that looks wrong: under half its words plausible, or hardly any words at all on a page that has ink. */
function readsBadly(words: readonly Word[]): boolean {
  if (words.length < 6) return words.length > 0;
  return plausibleWords(words) < words.length * 0.5;
}

/**
 * Which way the text runs on the page image, from the reading order tesseract gave: consecutive words
 * of one line step right on an upright page, left on an upside-down one, down or up on a sideways one
 * (tesseract follows a page turned clockwise by itself). Returns the clockwise turn that makes the
 * text upright, or undefined for upright (or too few words to tell).
 */
export function readingOrientation(words: readonly Word[]): 90 | 180 | 270 | undefined {
  const votes = { 0: 0, 90: 0, 180: 0, 270: 0 };
  for (let i = 1; i < words.length; i++) {
    const a = words[i - 1]!.bbox,
      b = words[i]!.bbox;
    const cx = (b[0] + b[2]) / 2 - (a[0] + a[2]) / 2,
      cy = (b[1] + b[3]) / 2 - (a[1] + a[3]) / 2;
    // the same line: the boxes overlap across the direction of the step
    const overlapY = Math.min(a[3], b[3]) - Math.max(a[1], b[1]),
      overlapX = Math.min(a[2], b[2]) - Math.max(a[0], b[0]);
    if (Math.abs(cx) > Math.abs(cy) && overlapY > 0) votes[cx > 0 ? 0 : 180]++;
    else if (Math.abs(cy) > Math.abs(cx) && overlapX > 0) votes[cy > 0 ? 270 : 90]++;
  }
  const total = votes[0] + votes[90] + votes[180] + votes[270];
  if (total < 5) return undefined;
  for (const o of [90, 180, 270] as const) if (votes[o] >= total * 0.7) return o;
  return undefined;
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
