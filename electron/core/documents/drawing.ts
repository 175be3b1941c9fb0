import type { BBox, MovedBox, Word } from '../../../shared/domain/document.js';

/*
 * What a text PDF DRAWS (its operator list) beside its words: the walk over the drawing operators with
 * the current transform and line width, and what this reader learns from the drawing about the words —
 * a word struck through is crossed out, not printed (a customer who corrects a typed form draws a line
 * through the wrong value and writes the right one beside it or just above it).
 */

type Matrix = [number, number, number, number, number, number];

/** The pieces of pdfjs the walk needs (its OPS codes and matrix product). */
export interface PdfJsOps {
  OPS: Record<string, number>;
  Util: { transform(a: number[], b: number[]): number[] };
}

export interface OperatorList {
  fnArray: ArrayLike<number>;
  argsArray: ArrayLike<unknown>;
}

export interface DrawingVisitor {
  /** an image filling the unit square of the transform; `at` maps its points onto the page */
  image?(at: (x: number, y: number) => [number, number]): void;
  /** a painted path: pdfjs's paint operator, its DrawOPS data and bounds, the line width on the page */
  path?(
    paint: unknown,
    data: ArrayLike<number>,
    minMax: ArrayLike<number> | null,
    at: (x: number, y: number) => [number, number],
    lineWidth: number,
  ): void;
}

/** Walks a page's drawing operators, tracking the transform and line width through save/restore and forms. */
export function walkDrawing(
  ops: OperatorList,
  pdfjs: PdfJsOps,
  viewportTransform: number[],
  visit: DrawingVisitor,
): void {
  const { OPS, Util } = pdfjs;
  let ctm = viewportTransform.slice(0, 6) as Matrix;
  let lineWidth = 1;
  const stack: [Matrix, number][] = [];
  const at = (x: number, y: number): [number, number] => {
    const [a, b, c, d, e, f] = ctm;
    return [a * x + c * y + e, b * x + d * y + f];
  };
  for (let i = 0; i < ops.fnArray.length; i++) {
    const fn = ops.fnArray[i];
    // pdfjs types operator arguments as any[]: each operator has its own shape
    const args = ops.argsArray[i] as unknown[] | null;
    switch (fn) {
      case OPS.save:
        stack.push([ctm, lineWidth]);
        break;
      case OPS.restore:
        [ctm, lineWidth] = stack.pop() ?? [ctm, lineWidth];
        break;
      case OPS.transform:
        ctm = Util.transform(ctm, args as number[]) as Matrix;
        break;
      case OPS.setLineWidth:
        lineWidth = Number(args?.[0]) || 0;
        break;
      case OPS.paintFormXObjectBegin: {
        stack.push([ctm, lineWidth]);
        const m = args?.[0] as number[] | null | undefined;
        if (m && m.length === 6) ctm = Util.transform(ctm, Array.from(m)) as Matrix;
        break;
      }
      case OPS.paintFormXObjectEnd:
        [ctm, lineWidth] = stack.pop() ?? [ctm, lineWidth];
        break;
      case OPS.paintImageXObject:
      case OPS.paintInlineImageXObject:
      case OPS.paintImageMaskXObject:
        visit.image?.(at);
        break;
      case OPS.constructPath: {
        const data = (args?.[1] as ArrayLike<number>[] | undefined)?.[0];
        const minMax = (args?.[2] as ArrayLike<number> | null | undefined) ?? null;
        // the width scales with the transform (its vertical scale: the rules here run across)
        if (data) visit.path?.(args?.[0], data, minMax, at, lineWidth * Math.hypot(ctm[2], ctm[3]));
        break;
      }
    }
  }
}

/** pdfjs's DrawOPS codes inside constructPath data (not exported by the legacy build's types). */
export const DRAW_OPS = { moveTo: 0, lineTo: 1, curveTo: 2, quadraticCurveTo: 3, closePath: 4 } as const;

/** A thin straight mark running across the page: a stroked segment or a filled bar, in top-left page points. */
export interface Rule {
  x0: number;
  x1: number;
  /** its middle's height at x0 and at x1 (a pen's line may slant a little) */
  y0: number;
  y1: number;
  thick: number;
}

/** Rules thicker than this are bands or boxes, not a line drawn through words. */
const MAX_RULE = 3;

/** The thin, nearly level marks of a page: stroked straight segments and filled bars no taller than MAX_RULE. */
export function drawnRules(ops: OperatorList, pdfjs: PdfJsOps, viewportTransform: number[]): Rule[] {
  const { OPS } = pdfjs;
  const strokes = new Set([OPS.stroke, OPS.closeStroke]);
  const fills = new Set([OPS.fill, OPS.eoFill]);
  const rules: Rule[] = [];
  const level = (r: Rule) => r.x1 - r.x0 >= 4 && Math.abs(r.y1 - r.y0) <= Math.max(1.5, 0.05 * (r.x1 - r.x0));
  walkDrawing(ops, pdfjs, viewportTransform, {
    path(paint, data, _minMax, at, lineWidth) {
      const pts = pathPoints(data, at);
      if (!pts) return;
      // (a stroked closed path is a box: a caption set on its edge, as a legend on a frame, is not struck)
      if (strokes.has(paint as number) && lineWidth <= MAX_RULE && !pts.closed) {
        // each straight segment of the path on its own
        for (const seg of pts.segments) {
          const [[ax, ay], [bx, by]] = seg[0][0] <= seg[1][0] ? seg : [seg[1], seg[0]];
          const r = { x0: ax, x1: bx, y0: ay, y1: by, thick: Math.max(0.1, lineWidth) };
          if (level(r)) rules.push(r);
        }
      } else if (fills.has(paint as number) && pts.closedBox) {
        const [x0, y0, x1, y1] = pts.closedBox;
        if (y1 - y0 <= MAX_RULE && x1 - x0 >= 4)
          rules.push({ x0, x1, y0: (y0 + y1) / 2, y1: (y0 + y1) / 2, thick: y1 - y0 });
      }
    },
  });
  return rules;
}

/** A path's straight segments, and its box when it is one closed axis-aligned rectangle; null with curves. */
function pathPoints(
  data: ArrayLike<number>,
  at: (x: number, y: number) => [number, number],
): { segments: [[number, number], [number, number]][]; closed: boolean; closedBox: BBox | null } | null {
  const { moveTo, lineTo, closePath } = DRAW_OPS;
  const segments: [[number, number], [number, number]][] = [];
  const all: [number, number][] = [];
  let start: [number, number] | null = null;
  let prev: [number, number] | null = null;
  let closed = false;
  for (let i = 0; i < data.length; ) {
    const op = data[i++];
    if (op === moveTo) {
      prev = start = at(data[i++]!, data[i++]!);
      all.push(prev);
    } else if (op === lineTo) {
      const p = at(data[i++]!, data[i++]!);
      if (prev) segments.push([prev, p]);
      all.push(p);
      prev = p;
    } else if (op === closePath) {
      if (prev && start) segments.push([prev, start]);
      closed = true;
      prev = start;
    } else return null;
  }
  const xs = all.map((p) => p[0]),
    ys = all.map((p) => p[1]);
  const box: BBox = [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
  const rect =
    all.length >= 4 &&
    all.length <= 5 &&
    all.every(
      ([x, y]) =>
        (Math.abs(x - box[0]) < 0.3 || Math.abs(x - box[2]) < 0.3) &&
        (Math.abs(y - box[1]) < 0.3 || Math.abs(y - box[3]) < 0.3),
    );
  const shut =
    closed || (all.length > 2 && all[0]![0] === all[all.length - 1]![0] && all[0]![1] === all[all.length - 1]![1]);
  return { segments, closed: shut, closedBox: shut && rect ? box : null };
}

/** The part of a word's width (x0, x1) a rule crossing its letters' middle covers, or null. */
function crossing(w: Word, r: Rule): [number, number] | null {
  const [x0, top, x1, bottom] = w.bbox;
  const h = bottom - top;
  if (!(h > 0) || !(x1 > x0) || r.thick > Math.max(0.8, 0.3 * h)) return null;
  const from = Math.max(x0, r.x0),
    to = Math.min(x1, r.x1);
  if (to <= from) return null;
  const mid = (from + to) / 2;
  const y = r.x1 > r.x0 ? r.y0 + ((r.y1 - r.y0) * (mid - r.x0)) / (r.x1 - r.x0) : r.y0;
  return y > top + 0.3 * h && y < top + 0.75 * h ? [from, to] : null;
}

/**
 * Is this word struck through: a thin rule crosses its letters' middle (not its baseline, as an
 * underline or a fill-in line does, nor above its letters) along most of its width.
 */
function struck(w: Word, rules: readonly Rule[]): boolean {
  return rules.some((r) => {
    const c = crossing(w, r);
    return !!c && c[1] - c[0] >= 0.6 * (w.bbox[2] - w.bbox[0]);
  });
}

/** Characters a value's parts are joined by inside one word (a ZIP+4's hyphen, a slash). */
const JOINER = /[-/,]/;

/**
 * A word struck only up to, or only from, a joiner inside it (the ZIP of a ZIP+4 crossed out, its
 * extension left): the struck part and the rest as two words, the joiner kept with the rest; else null.
 */
function splitPartlyStruck(w: Word, rules: readonly Rule[]): { struck: Word; rest: Word; restFirst: boolean } | null {
  const chars = Array.from(w.text);
  const [x0, , x1] = w.bbox;
  const wide = x1 - x0;
  for (const r of rules) {
    const c = crossing(w, r);
    if (!c || c[1] - c[0] >= 0.6 * wide || c[1] - c[0] < 0.2 * wide) continue;
    const fromStart = c[0] - x0 < 0.12 * wide,
      toEnd = x1 - c[1] < 0.12 * wide;
    if (fromStart === toEnd) continue;
    // where the strike ends (or starts), in characters, and the joiner nearest it
    const at = ((fromStart ? c[1] : c[0]) - x0) / (wide / chars.length);
    const j = chars.findIndex((ch, k) => JOINER.test(ch) && Math.abs(k + (fromStart ? 0 : 1) - at) <= 1.5);
    if (j <= 0 || j >= chars.length - 1) continue;
    const cut = fromStart ? j : j + 1;
    const xCut = x0 + (wide * cut) / chars.length;
    const left: Word = { ...w, text: chars.slice(0, cut).join(''), bbox: [x0, w.bbox[1], xCut, w.bbox[3]] };
    const right: Word = { ...w, text: chars.slice(cut).join(''), bbox: [xCut, w.bbox[1], x1, w.bbox[3]] };
    return fromStart ? { struck: left, rest: right, restFirst: false } : { struck: right, rest: left, restFirst: true };
  }
  return null;
}

/**
 * How far above a struck run (in the run's heights) the bottom of a correction written over it may be.
 * A text layer's boxes are the font's (ascent to descent): a correction's box all but touches the
 * struck one. OCR's boxes are the ink's (a row of digits is its cap height, ~0.6 of the font's box):
 * the same gap is a larger part of a smaller height; a typed line above stays twice as far.
 */
const ABOVE_REACH = { font: 0.35, ink: 1 } as const;

/**
 * The page's words without those struck through (or the struck part of a word, up to a joiner); a
 * correction written just above a struck run (the words over it, nearer to it than a line's spacing,
 * alone on their line) is read in the struck run's place, and `moved` says where it is printed.
 * `boxes` says what the words' boxes hold: the font's box (a text layer) or the ink's (OCR).
 */
export function withoutStruck(
  given: Word[],
  rules: readonly Rule[],
  boxes: keyof typeof ABOVE_REACH = 'font',
): { words: Word[]; moved: MovedBox[] } {
  if (!rules.length) return { words: given, moved: [] };
  const gone = new Set<Word>();
  // the rest of a word struck in part, and which side of the struck part it stands
  const rests = new Map<Word, boolean>();
  const words = given.flatMap((w) => {
    if (struck(w, rules)) {
      gone.add(w);
      return [w];
    }
    const split = splitPartlyStruck(w, rules);
    if (!split) return [w];
    gone.add(split.struck);
    rests.set(split.rest, split.restFirst);
    return split.restFirst ? [split.rest, split.struck] : [split.struck, split.rest];
  });
  if (!gone.size) return { words: given, moved: [] };
  let kept = words.filter((w) => !gone.has(w));
  const moved: MovedBox[] = [];
  for (const span of struckRuns([...gone])) {
    const above = correctionAbove(span, kept, ABOVE_REACH[boxes]);
    if (!above.length) continue;
    const [sx0, top, sx1, bottom] = span;
    // the correction set into the struck run's room, in its order
    const total = above.reduce((s, w) => s + (w.bbox[2] - w.bbox[0]), 0);
    const room = Math.max(sx1 - sx0, total);
    const k = room / Math.max(1, total + Math.max(0, above.length - 1) * ((bottom - top) * 0.25));
    let x = sx0;
    const placed: Word[] = [];
    for (const w of above) {
      const wide = (w.bbox[2] - w.bbox[0]) * Math.min(1, k);
      const at: BBox = [round(x), top, round(x + wide), bottom];
      moved.push({ at, printed: w.bbox });
      w.bbox = at;
      placed.push(w);
      x += wide + (bottom - top) * 0.25;
    }
    // a correction of part of a word joins the word's rest again ("86404" + "-9090")
    for (const [rest, restFirst] of rests) {
      const edge = restFirst ? rest.bbox[2] : rest.bbox[0];
      const w = restFirst ? placed[0]! : placed[placed.length - 1]!;
      if (Math.abs(rest.bbox[1] - top) > 0.3 * (bottom - top) || Math.abs(edge - (restFirst ? sx0 : sx1)) > 1) continue;
      w.text = restFirst ? rest.text + w.text : w.text + rest.text;
      w.bbox = [Math.min(w.bbox[0], rest.bbox[0]), top, Math.max(w.bbox[2], rest.bbox[2]), bottom];
      moved[moved.length - (restFirst ? placed.length : 1)]!.at = w.bbox;
      kept = kept.filter((o) => o !== rest);
    }
  }
  return { words: kept, moved };
}

const round = (v: number) => Math.round(v * 100) / 100;

/** Struck words joined into runs along their line. */
function struckRuns(gone: Word[]): BBox[] {
  const sorted = gone.slice().sort((a, b) => a.bbox[1] - b.bbox[1] || a.bbox[0] - b.bbox[0]);
  const runs: BBox[] = [];
  for (const w of sorted) {
    const last = runs[runs.length - 1];
    const h = w.bbox[3] - w.bbox[1];
    if (last && Math.abs(last[1] - w.bbox[1]) < 0.3 * h && w.bbox[0] - last[2] < 1.5 * h)
      runs[runs.length - 1] = [last[0], Math.min(last[1], w.bbox[1]), w.bbox[2], Math.max(last[3], w.bbox[3])];
    else runs.push([...w.bbox]);
  }
  return runs;
}

/**
 * The words written just over a struck run: their line's bottom within `reach` of the run's height above
 * its top (or overlapping it down to its middle), starting over the run, and nothing else printed on
 * their line to the left of the run (a typed line above has its caption there).
 */
function correctionAbove(span: BBox, words: Word[], reach: number): Word[] {
  const [sx0, top, sx1] = span;
  const h = span[3] - span[1];
  const near = words.filter((w) => w.bbox[3] <= top + 0.5 * h && w.bbox[3] >= top - reach * h && w.bbox[1] < top);
  const first = near.filter((w) => w.bbox[0] >= sx0 - h && w.bbox[0] <= sx1).sort((a, b) => a.bbox[0] - b.bbox[0])[0];
  if (!first) return [];
  const line = near.filter((w) => Math.abs(w.bbox[3] - first.bbox[3]) < 0.4 * h).sort((a, b) => a.bbox[0] - b.bbox[0]);
  if (line.some((w) => w.bbox[2] < sx0 - h)) return [];
  const out = [first];
  for (const w of line) {
    const last = out[out.length - 1]!;
    if (w.bbox[0] <= last.bbox[0]) continue;
    if (w.bbox[0] - last.bbox[2] > 1.2 * h) break;
    out.push(w);
  }
  return out;
}
