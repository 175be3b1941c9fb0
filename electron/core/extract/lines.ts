import type { BBox, PageText, Word } from '../../../shared/domain/document.js';
import { DIRECTIONALS, STATE_CODES, STREET_SUFFIXES, UNIT_DESIGNATORS } from '../../../shared/normalize/usps.js';

/** tan 10°: the largest skew the OCR straightens before it reads (ocr/options.ts maxSkewDeg). */
const MAX_SLOPE = 0.18;

/**
 * The box of characters [from, to) of a word `of` characters long, in proportion to its box: where a word
 * OCR glued together is cut apart, each part keeps its share of the width.
 */
export function spanBox(bbox: BBox, from: number, to: number, of: number): BBox {
  const n = Math.max(1, of);
  const [x0, y0, x1, y1] = bbox;
  // (a part at either end keeps that end's edge exactly)
  const at = (i: number) => (i <= 0 ? x0 : i >= n ? x1 : x0 + ((x1 - x0) * i) / n);
  return [at(from), y0, at(to), y1];
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
}

/**
 * Page skew as a slope (dy/dx), from neighbouring words that overlap vertically. OCR boxes of a skewed
 * page are the envelopes of turned words: their centres still step along the line's slope, but a
 * word's box grows taller with its width (by width × slope), so heights are compared with that growth
 * taken off, and skews up to the OCR's own straightening range (10°) are measured, not dropped.
 */
export function estimateSlope(words: { bbox: BBox }[]): number {
  const ws = [...words].sort((a, b) => a.bbox[0] - b.bbox[0]);
  const slopes: number[] = [];
  for (let i = 0; i < ws.length; i++) {
    const a = ws[i]!.bbox;
    const ha = a[3] - a[1];
    if (ha <= 0) continue;
    for (let j = i + 1; j < ws.length && j < i + 60; j++) {
      const b = ws[j]!.bbox;
      const gap = b[0] - a[2];
      if (gap > 3 * ha) break;
      if (gap < 0) continue;
      const hb = b[3] - b[1];
      const overlap = Math.min(a[3], b[3]) - Math.max(a[1], b[1]);
      const dx = (b[0] + b[2]) / 2 - (a[0] + a[2]) / 2;
      const s = ((b[1] + b[3]) / 2 - (a[1] + a[3]) / 2) / Math.max(dx, 1e-6);
      // each box's height less what the slant added to it: the letters' own height
      const ca = Math.max(0.3 * ha, ha - (a[2] - a[0]) * Math.abs(s)),
        cb = Math.max(0.3 * hb, hb - (b[2] - b[0]) * Math.abs(s));
      if (overlap < 0.6 * Math.min(ha, hb) || Math.abs(ca - cb) > 0.4 * Math.max(ca, cb)) continue;
      if (dx < 2 * Math.min(ca, cb)) continue;
      if (Math.abs(s) < MAX_SLOPE) slopes.push(s);
      break;
    }
  }
  if (slopes.length < 8) return 0;
  const s = median(slopes);
  return Math.abs(s) < 0.0015 ? 0 : s;
}

/**
 * A page's words as printed lines, top to bottom, each left to right, before any layout: a word joins
 * the line whose first word's middle is within half that word's height of its own. On a scan the middles
 * are taken square to the page's skew (a degree of tilt moves a line's last word half a line from its
 * first). For the checks that run before a page is laid out (a fax cover, a data record, a comparison
 * table's headings).
 */
export function printedWordLines(page: PageText): Word[][] {
  const slope = page.method === 'ocr' ? estimateSlope(page.words) : 0;
  const mid = (w: Word) => (w.bbox[1] + w.bbox[3]) / 2 - (slope * (w.bbox[0] + w.bbox[2])) / 2;
  const words = [...page.words].sort((a, b) => mid(a) - mid(b));
  const out: Word[][] = [];
  for (let i = 0; i < words.length; ) {
    const h = Math.max(2, words[i]!.bbox[3] - words[i]!.bbox[1]);
    let j = i + 1;
    while (j < words.length && mid(words[j]!) - mid(words[i]!) < 0.5 * h) j++;
    out.push(words.slice(i, j).sort((a, b) => a.bbox[0] - b.bbox[0]));
    i = j;
  }
  return out;
}

/** The blank between each two neighbouring words of a printed line (points): the k-th is before word k + 1. */
export function wordGaps(line: readonly Word[]): number[] {
  return line.slice(1).map((w, k) => w.bbox[0] - line[k]!.bbox[2]);
}

/**
 * A printed line's words cut into cells: a word joins the cell of the word before it unless `parts` says the
 * blank between them (points) sets it apart. What is a cell's gap is each layout's own (a table's column gap,
 * a field row's gap measured against the line's own word spacing), so the test is the caller's.
 */
export function cellsByGap(line: readonly Word[], parts: (gap: number, before: Word, word: Word) => boolean): Word[][] {
  const out: Word[][] = [];
  line.forEach((w, k) => {
    const before = line[k - 1];
    if (before && !parts(w.bbox[0] - before.bbox[2], before, w)) out.at(-1)!.push(w);
    else out.push([w]);
  });
  return out;
}

/** A word's place on a deskewed page, as the layout boxes it. */
interface PlacedWord {
  text: string;
  conf: number;
  x0: number;
  x1: number;
  y0: number;
  y1: number;
  h: number;
}

/** At least this sure a neighbour must be to vouch for an unsure word beside it. */
const SURE_NEIGHBOUR_CONF = 0.6;

/**
 * A short word of an address or a name: a state code, a street suffix, a unit designator or a
 * directional ("CT", "NW", "Ste", "Rd", "APT", "PA."), capitalised or in capitals.
 */
function addressAbbreviation(text: string): boolean {
  const core = text.replace(/[.,;:]+$/, '').replace(/\.(?=\p{L})/gu, '');
  if (!/^[A-Z][A-Za-z]{1,3}$/.test(core) || (/[a-z]/.test(core) && !/^[A-Z][a-z]+$/.test(core))) return false;
  const key = core.toUpperCase();
  return STATE_CODES.has(key) || STREET_SUFFIXES.has(key) || UNIT_DESIGNATORS.has(key) || DIRECTIONALS.has(key);
}

/** Three letters or more, capitalised or in capitals, with a vowel ("UNION", "Oak"): no stroke OCR names letters ("Ill"). */
function letterWord(text: string): boolean {
  const core = text.replace(/[.,;:]+$/, '');
  return /^(?:[A-Z]{3,}|[A-Z][a-z]{2,})$/.test(core) && /[AEIOUYaeiouy]/.test(core) && !/^[Il][il1]+$/i.test(core);
}

/**
 * The words OCR was unsure of (specks by their confidence) that the print around them vouches for: as
 * tall as the page's print, on a line beside a surely read word — or a word so vouched for — at most a
 * wide word space away, and shaped as a word of an address or a name: a state code, street suffix,
 * unit or directional ("29 UNION CT CHAPEL HILL" read at 7%, "Patel, PA." at 40%), or three letters
 * or more with a vowel. Dust and a rule's specks read as marks, lone letters or strokes ("|", "ll",
 * "EE" for a caption's "#"); a signature's ink is taller than print and stands apart from the line's words.
 */
export function unsureWordsAmongPrint<W extends PlacedWord>(
  unsure: readonly W[],
  kept: readonly W[],
  typicalH: number,
): W[] {
  const shaped = unsure.filter(
    (w) => w.h >= 0.6 * typicalH && w.h <= 1.6 * typicalH && (addressAbbreviation(w.text) || letterWord(w.text)),
  );
  const vouching = kept.filter((o) => o.conf >= SURE_NEIGHBOUR_CONF && o.h <= 1.6 * typicalH);
  const found: W[] = [];
  // a word vouched for vouches for the next ("UNION" beside "29" for "CT" after it)
  for (let grew = true; grew; ) {
    grew = false;
    for (const w of shaped)
      if (!found.includes(w) && vouching.some((o) => besideOnLine(w, o, typicalH))) {
        found.push(w);
        vouching.push(w);
        grew = true;
      }
  }
  return found;
}

/** Two words on one line, at most a wide word space apart. */
function besideOnLine(w: PlacedWord, o: PlacedWord, typicalH: number): boolean {
  const overlap = Math.min(w.y1, o.y1) - Math.max(w.y0, o.y0);
  if (overlap < 0.5 * Math.min(w.h, o.h)) return false;
  const gap = Math.max(o.x0 - w.x1, w.x0 - o.x1);
  return gap >= -0.2 * typicalH && gap <= 1.5 * typicalH;
}
