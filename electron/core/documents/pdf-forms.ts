import type { PageViewport, PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { BBox, Word } from '../../../shared/domain/document.js';

/*
 * Fillable PDFs (AcroForm). A customer who types into a carrier's fillable LOA and sends it back
 * unflattened leaves the typed values in widget annotations (field value + appearance stream), not in
 * the page's content: pdfjs' getTextContent() never returns them, so the form reads as blank. Here the
 * filled fields become words placed where the form shows them, so the extractor reads them beside or
 * under their printed labels like any other form value.
 */

/** pdfjs AnnotationFlag bits: HIDDEN (2) and NOVIEW (32) fields are not shown on screen or paper. */
const HIDDEN = 2,
  NOVIEW = 32;
/** pdfjs' own figures for generated appearances: 2 pt padding, lines 1.35 em apart. */
const PAD = 2,
  LINE_FACTOR = 1.35;
/** Width of an average character (em) for placing words: the widget's font metrics are not exposed. */
const CHAR_EM = 0.5;
/** The mark a ticked box reads as: the extractor's ticked-box vocabulary ("[X] Full port") knows it. */
export const TICKED_MARK = '[X]';

/** The part of pdfjs' widget annotation data read here (getAnnotations() is typed any[]). */
interface WidgetData {
  subtype?: string;
  fieldType?: string;
  fieldValue?: unknown;
  rect?: number[];
  annotationFlags?: number;
  hidden?: boolean;
  multiLine?: boolean;
  comb?: boolean;
  maxLen?: number;
  textAlignment?: number;
  defaultAppearanceData?: { fontSize?: number };
  checkBox?: boolean;
  radioButton?: boolean;
  exportValue?: string;
  buttonValue?: string;
  options?: { exportValue?: string; displayValue?: string }[];
}

/**
 * Words for the page's filled form fields, in top-left page points like the text layer's words.
 * Empty fields, unticked boxes and hidden fields give none; a value whose words the content stream
 * already prints inside the field (a flattened copy, or a value drawn twice) is not read again.
 */
export async function formFieldWords(page: PDFPageProxy, viewport: PageViewport, printed: Word[]): Promise<Word[]> {
  const annotations = (await page.getAnnotations({ intent: 'display' })) as WidgetData[];
  const out: Word[] = [];
  for (const a of annotations) {
    if (a.subtype !== 'Widget' || !a.rect || a.rect.length !== 4) continue;
    if (a.hidden || ((a.annotationFlags ?? 0) & (HIDDEN | NOVIEW)) !== 0) continue;
    const [x0, y0, x1, y1] = viewport.convertToViewportRectangle(a.rect) as number[];
    const box: BBox = [Math.min(x0!, x1!), Math.min(y0!, y1!), Math.max(x0!, x1!), Math.max(y0!, y1!)];
    if (box[2] - box[0] < 1 || box[3] - box[1] < 1) continue;
    if (a.fieldType === 'Btn') {
      if (ticked(a)) out.push({ text: TICKED_MARK, bbox: box.map(round) as BBox, conf: 1 });
      continue;
    }
    if (a.fieldType !== 'Tx' && a.fieldType !== 'Ch') continue;
    const value = fieldText(a);
    if (!value.trim() || alreadyPrinted(value, box, printed)) continue;
    out.push(...placeValue(value, box, a));
  }
  return out;
}

/** A check box is ticked when its value is its own "on" name; a radio button when the group's value is its own. */
function ticked(a: WidgetData): boolean {
  const v = typeof a.fieldValue === 'string' ? a.fieldValue : null;
  if (!v || v === 'Off') return false;
  if (a.radioButton) return v === a.buttonValue;
  if (a.checkBox) return a.exportValue ? v === a.exportValue : true;
  return false;
}

/** The text a field shows: a choice field shows its options' display text, not their export values. */
function fieldText(a: WidgetData): string {
  const raw = a.fieldValue;
  const values = Array.isArray(raw) ? raw.map(String) : typeof raw === 'string' ? [raw] : [];
  if (a.fieldType !== 'Ch') return values.join('\n');
  return values.map((v) => a.options?.find((o) => o.exportValue === v)?.displayValue ?? v).join('\n');
}

const fold = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');

/** The content stream already prints this value inside the field's box (a flattened or duplicated appearance). */
function alreadyPrinted(value: string, box: BBox, printed: Word[]): boolean {
  const inside = printed.filter((w) => {
    const cx = (w.bbox[0] + w.bbox[2]) / 2,
      cy = (w.bbox[1] + w.bbox[3]) / 2;
    return cx >= box[0] - 1 && cx <= box[2] + 1 && cy >= box[1] - 1 && cy <= box[3] + 1;
  });
  const want = fold(value);
  return want.length > 0 && fold(inside.map((w) => w.text).join('')).includes(want);
}

/**
 * Words of a value laid out as pdfjs draws a generated appearance: 2 pt padding, the field's font size
 * (or one that fits), lines 1.35 em apart from the top in a multi-line field, one line centred
 * vertically otherwise, comb fields one character a cell. Widths are estimated (half an em a
 * character), which keeps each word within a character or two of where it shows.
 */
function placeValue(value: string, box: BBox, a: WidgetData): Word[] {
  const width = box[2] - box[0],
    height = box[3] - box[1];
  const inner = Math.max(1, width - 2 * PAD);
  const given = a.defaultAppearanceData?.fontSize ?? 0;
  const words: Word[] = [];
  if (a.comb && a.maxLen && a.maxLen > 0 && !a.multiLine) {
    const cell = width / a.maxLen;
    const size = given > 0 ? given : Math.min(height - 2 * PAD, cell * 1.4);
    const top = box[1] + (height - size) / 2;
    for (const m of value.matchAll(/\S+/gu)) {
      const start = Array.from(value.slice(0, m.index)).length,
        len = Array.from(m[0]).length;
      words.push(word(m[0], box[0] + start * cell, top, len * cell, size));
    }
    return words;
  }
  const lines = a.multiLine ? value.split(/\r\n?|\n/) : [value.replace(/[\r\n]+/g, ' ')];
  const longest = Math.max(1, ...lines.map((l) => Array.from(l).length));
  let size = given > 0 ? given : Math.min(12, (height - 2 * PAD) / (a.multiLine ? lines.length : 1) / LINE_FACTOR);
  // an auto-sized single line shrinks to fit the width; a multi-line field wraps instead
  if (!a.multiLine && given <= 0) size = Math.min(size * LINE_FACTOR, inner / (longest * CHAR_EM));
  size = Math.max(2, size);
  const shown = a.multiLine ? lines.flatMap((l) => wrap(l, inner / (size * CHAR_EM))) : lines;
  // a writer's own appearance may set lines closer than pdfjs would (pdf-lib fits 1.2 em): keep them inside the box
  const lineH = a.multiLine ? Math.min(size * LINE_FACTOR, (height - 2 * PAD) / shown.length) : size * LINE_FACTOR;
  size = Math.min(size, lineH);
  let top = a.multiLine ? box[1] + PAD : box[1] + (height - size) / 2;
  for (const line of shown) {
    const chars = Array.from(line).length;
    const lineW = chars * size * CHAR_EM;
    const x =
      a.textAlignment === 1
        ? box[0] + (width - lineW) / 2
        : a.textAlignment === 2
          ? box[2] - PAD - lineW
          : box[0] + PAD;
    for (const m of line.matchAll(/\S+/gu)) {
      const start = Array.from(line.slice(0, m.index)).length;
      words.push(word(m[0], x + start * size * CHAR_EM, top, Array.from(m[0]).length * size * CHAR_EM, size));
    }
    top += lineH;
  }
  return words;
}

/** Greedy word wrap at `maxChars` characters, as a multi-line field wraps a long line. */
function wrap(line: string, maxChars: number): string[] {
  const out: string[] = [];
  let cur = '';
  for (const w of line.split(/\s+/).filter(Boolean)) {
    if (cur && Array.from(`${cur} ${w}`).length > maxChars) {
      out.push(cur);
      cur = w;
    } else cur = cur ? `${cur} ${w}` : w;
  }
  if (cur) out.push(cur);
  return out.length ? out : [''];
}

function word(text: string, x: number, top: number, w: number, size: number): Word {
  return { text, bbox: [round(x), round(top), round(x + w), round(top + size)], conf: 1 };
}

const round = (v: number) => Math.round(v * 100) / 100;
