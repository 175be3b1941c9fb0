import { createRequire } from 'node:module';
import path from 'node:path';
import type { PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { TextItem, TextStyle } from 'pdfjs-dist/types/src/display/api.js';
import type { BBox, PageText, Word } from '../../../shared/domain/document.js';
import { AppError } from '../../../shared/contract/rpc.js';
import { checkPageCount, corruptPdfError, encryptedPdfError } from './limits.js';
import { DRAW_OPS, drawnRules, type OperatorList, type PdfJsOps, walkDrawing, withoutStruck } from './drawing.js';
import { formFieldWords } from './pdf-forms.js';

/*
 * pdfjs-dist 5.6 legacy build, used in the core (text layer) and in OCR workers (rendering).
 * In Node it parses on the calling thread ("fake worker"), so text-layer reads cost ~30 ms a page
 * on whichever thread calls them; rendering only ever happens inside OCR worker threads.
 */
type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let pdfjsPromise: Promise<PdfJs> | null = null;
export function loadPdfJs(): Promise<PdfJs> {
  pdfjsPromise ??= import('pdfjs-dist/legacy/build/pdf.mjs');
  return pdfjsPromise;
}

const require = createRequire(import.meta.url);
function pdfjsDir(sub: string): string {
  // Trailing separator: pdfjs appends file names to these.
  return path.join(path.dirname(require.resolve('pdfjs-dist/package.json')), sub) + path.sep;
}

export async function openPdf(bytes: Uint8Array): Promise<PDFDocumentProxy> {
  const pdfjs = await loadPdfJs();
  const task = pdfjs.getDocument({
    // pdfjs takes ownership of (detaches) the buffer it is given: hand it a copy.
    data: new Uint8Array(bytes),
    standardFontDataUrl: pdfjsDir('standard_fonts'),
    cMapUrl: pdfjsDir('cmaps'),
    cMapPacked: true,
    wasmUrl: pdfjsDir('wasm'),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    verbosity: 0,
    // pdfjs's own image-size guard: refuse embedded images over 50 MP before decoding them.
    maxImageSize: 50_000_000,
  });
  try {
    const doc = await task.promise;
    checkPageCount(doc.numPages);
    return doc;
  } catch (err) {
    await task.destroy().catch(() => undefined);
    throw pdfOpenError(err);
  }
}

export function pdfOpenError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  const e = err as { name?: string; message?: string };
  if (e?.name === 'PasswordException') return encryptedPdfError();
  const msg = String(e?.message ?? err);
  if (/encrypt|password/i.test(msg)) return encryptedPdfError();
  return corruptPdfError(e?.name === 'InvalidPDFException' ? 'no valid PDF structure' : msg.slice(0, 160));
}

/** A dot leader inside a run: three dots or more, solid or a space apart. */
const RUN_LEADER = /\.(?: ?\.){2}/;

/**
 * Each character's share of a run's length. By count alone, unless a proportional run holds a dot
 * leader: its dots and spaces are far narrower than letters, so a value set after a leader in the same
 * run ("Name . . . . . . ACME LLC") would start well right of where it is printed — there each character
 * gets a rough width in ems as proportional type sets it (only the ratios matter: the run keeps its length).
 */
function charShares(chars: string[], monospace: boolean): number[] {
  // (a fixed-pitch font sets every character the same width: its count is exact)
  if (monospace || !RUN_LEADER.test(chars.join(''))) return chars.map(() => 1);
  return chars.map((ch) => {
    if (/[.,:;'`|!\s]/.test(ch)) return 0.28;
    if (/[ijlI()[\]{}/\\-]/.test(ch)) return 0.3;
    if (/[mwMW@]/.test(ch)) return 0.85;
    if (/[A-Z&%#]/.test(ch)) return 0.68;
    return 0.55;
  });
}

/**
 * The text items a watermark or a stamp prints OVER the page, which are no part of its lines: set at a
 * slant (a diagonal "DUPLICATE" / "COPY", a "PAID" stamp turned a little) while the page's text runs level
 * or upright, or glyphs standing alone at many times the page's type size (a watermark's letters stepped
 * down the diagonal upright). Read as words they fall between the lines and join them ("38 West
 * DUPLICATE"). A page whose text mostly runs at a slant (a skewed OCR layer) keeps it all.
 */
function overprinted(items: TextItem[]): Set<TextItem> {
  const out = new Set<TextItem>();
  const printed = items.filter((i) => i.str.trim());
  const slant = (i: TextItem) => {
    const deg = (Math.atan2(i.transform[1] ?? 0, i.transform[0] ?? 1) * 180) / Math.PI;
    const off = Math.abs(deg) % 90;
    return Math.min(off, 90 - off) > 4;
  };
  const chars = (xs: TextItem[]) => xs.reduce((n, i) => n + i.str.trim().length, 0);
  const slanted = printed.filter(slant);
  const total = chars(printed);
  if (slanted.length && chars(slanted) < total * 0.2) for (const i of slanted) out.add(i);
  // (the page's type size: the size most of its characters are set in)
  const size = (i: TextItem) => Math.hypot(i.transform[2] ?? 0, i.transform[3] ?? 0);
  const level = printed.filter((i) => !out.has(i));
  const bySize = level.map((i) => ({ s: size(i), n: i.str.length })).sort((a, b) => a.s - b.s);
  const half = chars(level) / 2;
  let seen = 0;
  const body = bySize.find((x) => (seen += x.n) >= half)?.s ?? 0;
  for (const i of level) if (body > 0 && i.str.trim().length === 1 && size(i) > 4 * body) out.add(i);
  return out;
}

/**
 * A text item is a run of glyphs with one transform. Words are split out of it with x positions
 * proportional to character counts (pdfjs gives no per-glyph positions; rough widths in a run with a
 * dot leader, charShares), which is within a character or two of the truth for proportional fonts —
 * enough for highlighting and extraction.
 */
export async function pageTextLayer(doc: PDFDocumentProxy, pageNo: number): Promise<PageText> {
  const page = await doc.getPage(pageNo);
  try {
    const pdfjs = await loadPdfJs();
    const viewport = page.getViewport({ scale: 1 });
    const content = await page.getTextContent();
    const words: Word[] = [];
    let last: { word: Word; baseline: number; fontSize: number; vertical: boolean } | null = null;
    const over = overprinted(content.items.filter((i): i is TextItem => 'str' in i));
    for (const raw of content.items) {
      if (!('str' in raw)) continue;
      const item = raw as TextItem;
      if (over.has(item)) continue;
      if (!item.str) {
        if (item.hasEOL) last = null;
        continue;
      }
      const style: TextStyle | undefined = content.styles[item.fontName];
      const m = pdfjs.Util.transform(viewport.transform, item.transform) as number[];
      const [a = 0, b = 0, c = 0, d = 0, e = 0, f = 0] = m;
      const fontSize = Math.hypot(c, d) || Math.hypot(a, b);
      if (!(fontSize > 0)) continue;
      const ux = a / (Math.hypot(a, b) || 1),
        uy = b / (Math.hypot(a, b) || 1);
      const vx = c / (Math.hypot(c, d) || 1),
        vy = d / (Math.hypot(c, d) || 1);
      const vertical = Math.abs(uy) > Math.abs(ux);
      // item.width is along the baseline in page units; scale by the viewport scale (1 here).
      const runLength = item.width || fontSize * 0.5 * item.str.length;
      const ascent = style?.ascent && style.ascent > 0 && style.ascent < 1.5 ? style.ascent : 0.8;
      const descent = style?.descent && style.descent < 0 && style.descent > -1 ? style.descent : -0.2;
      const chars = Array.from(item.str);
      // where each character starts along the run (charShares)
      const share = charShares(chars, style?.fontFamily === 'monospace');
      const at = [0];
      for (const w of share) at.push(at[at.length - 1]! + w);
      const n = at[at.length - 1]!;
      const re = /\S+/gu;
      const joined = chars.join('');
      let match: RegExpExecArray | null;
      let firstInItem = true;
      while ((match = re.exec(joined)) !== null) {
        // Offsets in code points, not UTF-16 units.
        const start = Array.from(joined.slice(0, match.index)).length;
        const len = Array.from(match[0]).length;
        const s = (at[start]! / n) * runLength,
          t = (at[start + len]! / n) * runLength;
        const xs: number[] = [],
          ys: number[] = [];
        for (const along of [s, t]) {
          for (const up of [ascent, descent]) {
            xs.push(e + ux * along + vx * up * fontSize);
            ys.push(f + uy * along + vy * up * fontSize);
          }
        }
        const bbox: Word['bbox'] = [
          round(Math.min(...xs)),
          round(Math.min(...ys)),
          round(Math.max(...xs)),
          round(Math.max(...ys)),
        ];
        const baseline = vertical ? e : f;
        // pdfjs splits kerned words into several items; glue a fragment that starts where the
        // previous word ended on the same line, with no space between them.
        if (
          firstInItem &&
          start === 0 &&
          last &&
          !last.vertical &&
          !vertical &&
          Math.abs(last.baseline - baseline) < fontSize * 0.2 &&
          bbox[0] - last.word.bbox[2] < fontSize * 0.12 &&
          bbox[0] - last.word.bbox[2] > -fontSize * 0.3
        ) {
          last.word.text += match[0];
          last.word.bbox = [
            Math.min(last.word.bbox[0], bbox[0]),
            Math.min(last.word.bbox[1], bbox[1]),
            Math.max(last.word.bbox[2], bbox[2]),
            Math.max(last.word.bbox[3], bbox[3]),
          ];
        } else {
          const word: Word = { text: match[0], bbox, conf: 1 };
          words.push(word);
          last = { word, baseline, fontSize, vertical };
        }
        firstInItem = false;
      }
      // Trailing whitespace or an end of line means the next item starts a new word.
      if (/\s$/u.test(item.str) || item.hasEOL) last = null;
    }
    // the page's drawing: signature marks, and words struck through (a correction made by hand)
    const ops = await page.getOperatorList();
    const drawn = ops.fnArray.length <= MAX_MARK_OPS;
    const marks = drawn ? pageMarks(ops, pdfjs, viewport.transform, words, viewport.width * viewport.height) : [];
    const unstruck = drawn ? withoutStruck(words, drawnRules(ops, pdfjs, viewport.transform)) : { words, moved: [] };
    const printed: PageText = {
      page: pageNo,
      width: round(viewport.width),
      height: round(viewport.height),
      method: 'text',
      words: unstruck.words,
      ...(unstruck.moved.length ? { moved: unstruck.moved } : {}),
    };
    // Filled form fields join printed text only: a page without usable print (a scan with fields
    // typed over it) goes to OCR, which renders the fields onto the image and reads them there.
    const fields = usableTextLayer(printed) ? await formFieldWords(page, viewport, printed.words) : [];
    return {
      ...printed,
      words: fields.length ? [...printed.words, ...fields] : printed.words,
      ...(marks.length ? { marks } : {}),
    };
  } finally {
    page.cleanup();
  }
}

const round = (v: number) => Math.round(v * 100) / 100;

/** Past this many drawing operators a page is artwork or a scan, not a form with a signature on it. */
const MAX_MARK_OPS = 20_000;
/** Drawn marks only matter beside a signature caption or a letter's closing. */
const SIGNING_WORDS = /sign|sincerely|regards|respectfully|yours/i;

/**
 * Boxes (top-left PDF points, like word boxes) of drawn marks that could be ink: painted images and
 * paths with a curve or a slanted stroke whose box is at least 20 × 6 pt and has a point inside it.
 * Rules, underlines, table grids, boxes and rounded frames are left out: all their points lie on
 * their own box's edges, or every stroke is straight across or down. A signature signed
 * electronically or drawn with a pen tool is one of these marks, and the text layer never shows it.
 * Only pages whose words mention signing have them.
 */
function pageMarks(
  ops: OperatorList,
  pdfjs: PdfJsOps,
  viewportTransform: number[],
  words: Word[],
  pageArea: number,
): BBox[] {
  if (!words.some((w) => SIGNING_WORDS.test(w.text))) return [];
  const marks: BBox[] = [];
  const push = (xs: number[], ys: number[]) => {
    const box: BBox = [round(Math.min(...xs)), round(Math.min(...ys)), round(Math.max(...xs)), round(Math.max(...ys))];
    const w = box[2] - box[0],
      h = box[3] - box[1];
    // a full-page picture (a searchable scan) is the page, not a mark on it
    if (w >= 20 && h >= 6 && w * h < 0.5 * pageArea) marks.push(box);
  };
  walkDrawing(ops, pdfjs, viewportTransform, {
    image(at) {
      // an image fills the unit square of the current transform
      const corners = [at(0, 0), at(1, 0), at(0, 1), at(1, 1)];
      push(
        corners.map((p) => p[0]),
        corners.map((p) => p[1]),
      );
    },
    path(paint, data, minMax, at) {
      if (paint === pdfjs.OPS.endPath || !inkPath(data, at)) return;
      // pdfjs's bounds follow the curves themselves, where control points overshoot them
      const [mx0 = 0, my0 = 0, mx1 = 0, my1 = 0] = minMax ? Array.from(minMax) : [];
      const corners = minMax ? [at(mx0, my0), at(mx1, my0), at(mx0, my1), at(mx1, my1)] : [];
      if (corners.length)
        push(
          corners.map((p) => p[0]),
          corners.map((p) => p[1]),
        );
    },
  });
  return marks;
}

/** A path is ink-like when it curves or slants and some of its points lie inside its box. */
function inkPath(data: ArrayLike<number>, at: (x: number, y: number) => [number, number]): boolean {
  const { moveTo, lineTo, curveTo, quadraticCurveTo, closePath } = DRAW_OPS;
  const xs: number[] = [],
    ys: number[] = [];
  let curved = false,
    slanted = false;
  let px = NaN,
    py = NaN;
  const point = (x: number, y: number) => {
    const [tx, ty] = at(x, y);
    xs.push(tx);
    ys.push(ty);
    return [tx, ty] as const;
  };
  for (let i = 0; i < data.length; ) {
    const op = data[i++];
    if (op === moveTo) [px, py] = point(data[i++]!, data[i++]!);
    else if (op === lineTo) {
      const [x, y] = point(data[i++]!, data[i++]!);
      if (Math.abs(x - px) > 0.5 && Math.abs(y - py) > 0.5) slanted = true;
      [px, py] = [x, y];
    } else if (op === curveTo) {
      point(data[i++]!, data[i++]!);
      point(data[i++]!, data[i++]!);
      [px, py] = point(data[i++]!, data[i++]!);
      curved = true;
    } else if (op === quadraticCurveTo) {
      point(data[i++]!, data[i++]!);
      [px, py] = point(data[i++]!, data[i++]!);
      curved = true;
    } else if (op === closePath) continue;
    else return false; // an operator this reader does not know: leave the path out rather than misread it
  }
  if (!(curved || slanted) || xs.length < 2) return false;
  const x0 = Math.min(...xs),
    x1 = Math.max(...xs),
    y0 = Math.min(...ys),
    y1 = Math.max(...ys);
  return xs.some((x, k) => x > x0 + 2 && x < x1 - 2 && ys[k]! > y0 + 2 && ys[k]! < y1 - 2);
}

/**
 * Is this page's text layer worth trusting over OCR? Scans often carry a page number or a stamp
 * as real text, and broken font encodings produce private-use or control characters.
 */
export function usableTextLayer(p: PageText): boolean {
  const text = p.words.map((w) => w.text).join(' ');
  const alnum = (text.match(/[\p{L}\p{N}]/gu) ?? []).length;
  if (alnum < 20) return false;
  const odd = (text.match(/[\p{Co}\p{Cc}\uFFFD]/gu) ?? []).length;
  return odd / Math.max(1, Array.from(text).length) < 0.1;
}
