import type { DocLayout, Hit, Line, Seg, Tok } from './layout.js';

/**
 * Where a label's value can be: after it in the same cell ("Account #: 123"), in the next cell on
 * the same line (key/value columns), or below it in the same column (form boxes, table headers,
 * headings over address blocks). Multi-line values continue on the lines below, aligned with the
 * value's first word.
 */
export type SpanMode = 'inline' | 'right' | 'below' | 'above';
export interface Span { mode: SpanMode; hit: Hit; lines: Tok[][] }

const hitStarts = new WeakMap<DocLayout, Map<string, Hit>>();

export function hitAt(doc: DocLayout, tok: Tok): Hit | undefined {
  let m = hitStarts.get(doc);
  if (!m) {
    m = new Map();
    for (const h of doc.hits) m.set(`${h.seg.id}:${h.start}`, h);
    hitStarts.set(doc, m);
  }
  return m.get(`${tok.seg}:${tok.idx}`);
}

/** Tokens of a segment from `from` up to the next label. */
function untilHit(doc: DocLayout, seg: Seg, from: number): Tok[] {
  const out: Tok[] = [];
  for (let i = from; i < seg.toks.length; i++) {
    const t = seg.toks[i]!;
    if (i > from && hitAt(doc, t)) break;
    out.push(t);
  }
  return out;
}

const PUNCT_ONLY = /^[:;|#\-–=>.,_*•·]+$/;

function dropLeadingPunct(toks: Tok[]): Tok[] {
  let i = 0;
  while (i < toks.length && PUNCT_ONLY.test(toks[i]!.text)) i++;
  return toks.slice(i);
}

function linesAfter(doc: DocLayout, line: Line): Line[] {
  const out: Line[] = [];
  for (let i = line.id + 1; i < doc.lines.length; i++) {
    const l = doc.lines[i]!;
    if (l.page !== line.page) break;
    out.push(l);
  }
  return out;
}

/** Lines continuing a value whose first word starts at x (same column, small line gaps). */
function continuation(doc: DocLayout, line: Line, x: number, maxLines: number): Tok[][] {
  const out: Tok[][] = [];
  let prev = line;
  for (const l of linesAfter(doc, line)) {
    if (out.length >= maxLines) break;
    if (l.top - prev.bottom > Math.max(1.7 * Math.max(prev.h, l.h), 7)) break;
    const tol = Math.max(4, 0.9 * l.h);
    const seg = l.segs.find((s) => Math.abs(s.x0 - x) <= tol);
    if (!seg) {
      // a line in between that does not touch this column (another column's text) is skipped only if it is far away horizontally
      if (l.segs.some((s) => s.x0 < x + 40 && s.x1 > x - 4)) break;
      continue;
    }
    if (hitAt(doc, seg.toks[0]!)) break;
    const toks = untilHit(doc, seg, 0);
    if (!toks.length) break;
    out.push(toks);
    prev = l;
  }
  return out;
}

/**
 * `valueMayLookLikeLabel`: for cells whose values are short codes that are also label words
 * ("TN" for Tennessee under a State label, "LA" under State), the first word is read even if it
 * matches a label.
 */
const owners = new WeakMap<DocLayout, Map<Tok, Hit>>();

/** Tokens that are some label's value inline, to its right or below it. */
function ownedValues(doc: DocLayout): Map<Tok, Hit> {
  let m = owners.get(doc);
  if (m) return m;
  m = new Map();
  owners.set(doc, m);
  for (const h of doc.hits) {
    for (const sp of spansFor(doc, h, 1, false, false)) for (const t of sp.lines.flat()) if (!m.has(t)) m.set(t, h);
  }
  return m;
}

export function spansFor(doc: DocLayout, hit: Hit, maxLines = 1, valueMayLookLikeLabel = false, allowAbove = true): Span[] {
  const spans: Span[] = [];
  const line = doc.lines[hit.line]!;
  const seg = hit.seg;
  const pageW = doc.pageWidth.get(hit.page) ?? 612;
  const inline = dropLeadingPunct(untilHit(doc, seg, hit.end));
  if (inline.length) {
    spans.push({ mode: 'inline', hit, lines: [inline, ...(maxLines > 1 ? continuation(doc, line, inline[0]!.x0, maxLines - 1) : [])] });
  } else if (hit.end === seg.toks.length) {
    const i = line.segs.indexOf(seg);
    const next = line.segs[i + 1];
    if (next && next.x0 - hit.x1 < 0.5 * pageW && !hitAt(doc, next.toks[0]!)) {
      const toks = dropLeadingPunct(untilHit(doc, next, 0));
      if (toks.length) spans.push({ mode: 'right', hit, lines: [toks, ...(maxLines > 1 ? continuation(doc, line, toks[0]!.x0, maxLines - 1) : [])] });
    }
  }
  // below, in the label's column
  if (hit.end === seg.toks.length) {
    const i = line.segs.indexOf(seg);
    const prevSeg = hit.start === 0 ? line.segs[i - 1] : undefined;
    const nextSeg = line.segs[i + 1];
    const colX0 = prevSeg ? Math.max(prevSeg.x1 + 1, hit.x0 - 3 * line.h) : hit.x0 - 3 * line.h;
    const colX1 = nextSeg ? nextSeg.x0 - 1 : pageW + 1;
    const below: Tok[][] = [];
    let prev = line;
    let valueX: number | null = null;
    for (const l of linesAfter(doc, line)) {
      if (below.length >= maxLines) break;
      const gapLimit = below.length === 0 ? Math.max(2.8 * line.h, 2.2 * l.h, 12) : Math.max(1.7 * Math.max(prev.h, l.h), 7);
      if (l.top - prev.bottom > gapLimit) break;
      // after the first line the value's lines start where it started (another column's rows are skipped)
      const vx: number | null = valueX;
      const tol = Math.max(4, 0.9 * l.h);
      const inCol: Tok[] = l.toks.filter((t) => t.x0 >= colX0 && t.x0 < colX1 && (vx === null || Math.abs(doc.segs[t.seg]!.x0 - vx) <= tol));
      // a line of another column between label and value, or between two lines of the value
      if (!inCol.length) continue;
      const firstSeg: Seg = doc.segs[inCol[0]!.seg]!;
      if (hitAt(doc, inCol[0]!) && !(valueMayLookLikeLabel && below.length === 0)) break;
      const toks: Tok[] = untilHit(doc, firstSeg, inCol[0]!.idx).filter((t) => t.x0 < colX1);
      if (!toks.length) break;
      below.push(toks);
      valueX ??= doc.segs[toks[0]!.seg]!.x0;
      prev = l;
    }
    if (below.length) spans.push({ mode: 'below', hit, lines: below });
    // a caption under a line ("________ / Date Signed"): the value is written above it, and is
    // nobody else's value (the row above in a table belongs to its own header)
    if (allowAbove && !spans.length && hit.start === 0) {
      for (let i = line.id - 1; i >= 0; i--) {
        const l = doc.lines[i]!;
        if (l.page !== line.page || line.top - l.bottom > Math.max(2.2 * line.h, 2 * l.h, 10)) break;
        const inCol = l.toks.filter((t) => t.x0 >= colX0 && t.x0 < colX1);
        if (!inCol.length) continue;
        const seg0: Seg = doc.segs[inCol[0]!.seg]!;
        if (hitAt(doc, inCol[0]!) || seg0.toks.length > 8) break;
        const toks = untilHit(doc, seg0, inCol[0]!.idx).filter((t) => t.x0 < colX1);
        const owned = ownedValues(doc);
        if (toks.length && !toks.some((t) => owned.get(t) !== undefined && owned.get(t) !== hit)) spans.push({ mode: 'above', hit, lines: [toks] });
        break;
      }
    }
  }
  return spans;
}
