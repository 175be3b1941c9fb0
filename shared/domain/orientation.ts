import type { BBox, PageText } from './document.js';

/**
 * Pages fed sideways or upside down. The reader keeps every word box on the page image as it is (the
 * review draws boxes on that image) and says how far the page must turn for its text to read upright
 * (`PageText.orientation`, degrees clockwise); layout reasoning (lines, columns, labels) works on the
 * upright page. These two maps are the only place that turns boxes between the two frames.
 */
export type Orientation = 0 | 90 | 180 | 270;

/** A box on the page as it is → the same box on the page turned `o` degrees clockwise (page W × H). */
export function turnBox(b: BBox, o: Orientation, W: number, H: number): BBox {
  const [x0, y0, x1, y1] = b;
  if (o === 90) return [H - y1, x0, H - y0, x1];
  if (o === 180) return [W - x1, H - y1, W - x0, H - y0];
  if (o === 270) return [y0, W - x1, y1, W - x0];
  return b;
}

/** The inverse of turnBox: a box on the upright page → the box on the page image as it is (still W × H). */
export function unturnBox(b: BBox, o: Orientation, W: number, H: number): BBox {
  const [x0, y0, x1, y1] = b;
  if (o === 90) return [y0, H - x1, y1, H - x0];
  if (o === 180) return [W - x1, H - y1, W - x0, H - y0];
  if (o === 270) return [W - y1, x0, W - y0, x1];
  return b;
}

/** The page as its text reads: words turned upright, width and height swapped for a sideways page. */
export function uprightPage(p: PageText): PageText {
  const o = p.orientation ?? 0;
  if (o === 0) return p;
  const sideways = o === 90 || o === 270;
  return {
    ...p,
    width: sideways ? p.height : p.width,
    height: sideways ? p.width : p.height,
    words: p.words.map((w) => ({ ...w, bbox: turnBox(w.bbox, o, p.width, p.height) })),
    ...(p.marks ? { marks: p.marks.map((m) => turnBox(m, o, p.width, p.height)) } : {}),
  };
}

/** Where a piece of evidence stands: a 1-based page and its box (null when it is tied to no box). */
export interface EvidenceAt {
  page: number;
  bbox: BBox | null;
}

/**
 * Every `{ page, bbox }` found in `value` (an extraction's fields and their candidates) rewritten by
 * `move`; returns a copy. The one walk for each step that reads pages other than as printed (turned
 * upright, a fax cover left out, a record recast, a comparison table's column moved) and must put its
 * evidence back where the specialist will see it highlighted.
 */
export function mapEvidence<T>(value: T, move: (at: EvidenceAt) => EvidenceAt): T {
  const walk = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(walk);
    if (!v || typeof v !== 'object') return v;
    const o: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) o[k] = walk(x);
    const boxed = o.bbox === null || (Array.isArray(o.bbox) && o.bbox.length === 4);
    if (typeof o.page === 'number' && 'bbox' in o && boxed) {
      const to = move({ page: o.page, bbox: o.bbox as BBox | null });
      o.page = to.page;
      o.bbox = to.bbox;
    }
    return o;
  };
  return walk(value) as T;
}

/**
 * Every `{ page, bbox }` found in `value` moved from the upright page back onto the page image as it is.
 * Returns a copy; pages with no orientation cost nothing.
 */
export function boxesOntoPages<T>(value: T, pages: readonly PageText[]): T {
  if (!pages.some((p) => p.orientation)) return value;
  return mapEvidence(value, ({ page, bbox }) => {
    const p = pages.find((x) => x.page === page);
    return p?.orientation && bbox ? { page, bbox: unturnBox(bbox, p.orientation, p.width, p.height) } : { page, bbox };
  });
}
