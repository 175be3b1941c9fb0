import type { RawWord } from './digit-reread.js';
import { otsuThreshold, type Gray, PAPER4, paperQuads } from './preprocess.js';

type Bbox = RawWord['bbox'];

/**
 * Tesseract's page layout now and then leaves a whole value out of the page it reads, cleanly
 * printed and in no box: a form's value beside its label ("Account ID:" with "498052104" gone,
 * "Suite:" without "Bldg 3", a ZIP under "ZIP", "FL 22" after "Apt / suite / floor"), most often a
 * short one in a column of its own. The words it did return say where print was read; ink the size
 * of the page's print that lies under none of them is such a value, and a read of that stretch
 * alone (as one line) gets it back. Specks, rules, boxes, logos and signatures are not print-sized
 * runs and are left alone.
 */

/** The stretches of print-sized ink no word covers, the largest first, at most `max`. */
export function unreadInk(page: Gray, words: readonly RawWord[], max: number): Bbox[] {
  const typical = typicalHeight(words);
  if (typical < 6 || max <= 0) return [];
  // cells of about an eighth of the print's height: fine enough to keep a line apart from the next
  const c = Math.max(2, Math.round(typical / 8));
  const cw = Math.ceil(page.width / c),
    ch = Math.ceil(page.height / c);
  const ink = inkCells(page, c, cw, ch);
  // what was read, with a little room around it (tesseract's boxes hug the strokes); a junk word
  // boxed over two lines read nothing of them
  for (const w of words) {
    if (stackedJunk(w, typical)) continue;
    const padX = 0.35 * typical,
      padY = 0.3 * typical;
    clear(ink, cw, ch, (w.bbox.x0 - padX) / c, (w.bbox.y0 - padY) / c, (w.bbox.x1 + padX) / c, (w.bbox.y1 + padY) / c);
  }
  // a box's or table's rules would join the print inside to one tall blob
  dropRules(ink, cw, ch, Math.round((2.2 * typical) / c), Math.round((6 * typical) / c));
  // letters and the words of one value join across gaps of up to about a letter's height
  const joined = smearRows(ink, cw, ch, Math.max(1, Math.round((0.9 * typical) / c)));
  const out: { bbox: Bbox; cells: number }[] = [];
  for (const blob of components(joined, ink, cw, ch)) {
    const bbox = { x0: blob.x0 * c, y0: blob.y0 * c, x1: (blob.x1 + 1) * c, y1: (blob.y1 + 1) * c };
    const h = bbox.y1 - bbox.y0,
      w = bbox.x1 - bbox.x0;
    // print-sized: no rule (thin), no box or logo (tall), no speck or lone stroke (narrow), and
    // enough ink in it to be letters rather than scattered dust
    if (h < 0.55 * typical || h > 1.8 * typical || w < 0.45 * typical) continue;
    if (blob.inkCells < (w * h) / (c * c) / 8) continue;
    // (a letter alone, a status column's "D" or "W", is narrower than a word: a capital's height, no
    // taller, and solid ink; a stroke with a speck beside it is taller or thinner)
    const letterAlone = h >= 0.8 * typical && h <= 1.15 * typical && blob.inkCells >= (w * h) / (c * c) / 3;
    if (w < 0.8 * typical && !letterAlone) continue;
    out.push({ bbox, cells: blob.inkCells });
  }
  return out
    .sort((a, b) => b.cells - a.cells)
    .slice(0, max)
    .map((b) => b.bbox);
}

/**
 * A word tesseract boxed over two or three lines of print and read as junk ("tie" at 13% over a
 * wrapped cell's "Sioux Falls, SD" and "57117-7043"): it read none of the print under it, so that
 * print counts as unread, and the words read there stand in for it (engine.ts readUnreadInk).
 */
export function stackedJunk(w: RawWord, typical: number): boolean {
  const h = w.bbox.y1 - w.bbox.y0;
  return w.conf < STACKED_JUNK_CONF && h >= 1.7 * typical && h <= 3.5 * typical;
}

/** Under this confidence (0..100) a word boxed over several lines is junk. */
const STACKED_JUNK_CONF = 30;

/**
 * The words a second read of an unread stretch returns that belong to it: inside the stretch (the
 * crop around it can catch the edge of a neighbouring word, which the page already has), read
 * with at least `minConf` (0..100), and holding a letter or digit.
 */
export function wordsOfInk(got: readonly RawWord[], box: Bbox, minConf: number): RawWord[] {
  return got.filter((w) => {
    const cx = (w.bbox.x0 + w.bbox.x1) / 2,
      cy = (w.bbox.y0 + w.bbox.y1) / 2;
    return (
      cx >= box.x0 && cx <= box.x1 && cy >= box.y0 && cy <= box.y1 && w.conf >= minConf && /[\p{L}\p{N}]/u.test(w.text)
    );
  });
}

/**
 * The word beside it whose letter or two a word read in unread ink is, boxed by tesseract without them:
 * the page read "Nguyen" but boxed it from its "g", so the "N" before the box was unread ink, read again
 * as "N" ("Luis T. N Nguyen", and the name cut after "T." for the gap). It repeats the start of the word
 * right after it (or the end of the word right before it), on its line and closer than a word space.
 * Undefined when it is a word of its own.
 */
export function echoedWord<W extends RawWord>(found: RawWord, page: readonly W[]): W | undefined {
  const core = found.text.replace(/[.,;:]+$/, '');
  if (!core || core.length > 2) return undefined;
  const h = found.bbox.y1 - found.bbox.y0;
  return page.find((o) => {
    const overlap = Math.min(o.bbox.y1, found.bbox.y1) - Math.max(o.bbox.y0, found.bbox.y0);
    if (overlap < 0.5 * Math.min(h, o.bbox.y1 - o.bbox.y0) || o.text.length <= core.length) return false;
    const after = o.bbox.x0 - found.bbox.x1,
      before = found.bbox.x0 - o.bbox.x1;
    const near = (gap: number) => gap > -0.5 * h && gap < 0.35 * h;
    return (near(after) && o.text.startsWith(core)) || (near(before) && o.text.replace(/[.,;:]+$/, '').endsWith(core));
  });
}

/** The word with its box grown over the letters it left out (echoedWord). */
export function boxedOver<W extends RawWord>(w: W, letters: RawWord): W {
  const b = w.bbox,
    l = letters.bbox;
  return { ...w, bbox: { x0: Math.min(b.x0, l.x0), y0: b.y0, x1: Math.max(b.x1, l.x1), y1: b.y1 } };
}

/** The median height of the words with two letters or digits: the page's print size in pixels. */
export function typicalHeight(words: readonly RawWord[]): number {
  const hs = words
    .filter((w) => (w.text.match(/[\p{L}\p{N}]/gu)?.length ?? 0) >= 2)
    .map((w) => w.bbox.y1 - w.bbox.y0)
    .sort((a, b) => a - b);
  return hs[Math.floor(hs.length / 2)] ?? 0;
}

/** 1 for each c × c cell with a few dark pixels (under the page's Otsu threshold). */
function inkCells(page: Gray, c: number, cw: number, ch: number): Uint8Array {
  const t = Math.min(otsuThreshold(page.data), 160);
  const counts = new Uint16Array(cw * ch);
  const { width: W, height: H, data } = page;
  // four pixels a load where all four are clearly paper (192 and up: two top bits set; t is at most
  // 160), which is most of a page; a cell is looked up only for a dark pixel (~1.5× faster a page)
  const words = paperQuads(data, t);
  for (let y = 0; y < H; y++) {
    const row = ((y / c) | 0) * cw,
      base = y * W;
    for (let x = 0; x < W; ) {
      const i = base + x;
      if (words && (i & 3) === 0 && x + 4 <= W && (words[i >> 2]! & PAPER4) === PAPER4) {
        x += 4;
        continue;
      }
      if (data[i]! < t) counts[row + ((x / c) | 0)]!++;
      x++;
    }
  }
  // two dark pixels: a stroke crossing the cell, not one pixel of noise
  const ink = new Uint8Array(cw * ch);
  for (let i = 0; i < ink.length; i++) ink[i] = counts[i]! >= 2 ? 1 : 0;
  return ink;
}

function clear(ink: Uint8Array, cw: number, ch: number, x0: number, y0: number, x1: number, y1: number): void {
  const X0 = Math.max(0, Math.floor(x0)),
    Y0 = Math.max(0, Math.floor(y0)),
    X1 = Math.min(cw - 1, Math.ceil(x1)),
    Y1 = Math.min(ch - 1, Math.ceil(y1));
  for (let y = Y0; y <= Y1; y++) ink.fill(0, y * cw + X0, y * cw + X1 + 1);
}

/**
 * Unmark unbroken vertical runs of ink longer than `vMax` cells and horizontal ones longer than
 * `hMax` (print is broken between letters and lines long before that; rules are not).
 */
function dropRules(ink: Uint8Array, cw: number, ch: number, vMax: number, hMax: number): void {
  const rule = new Uint8Array(ink.length);
  for (let x = 0; x < cw; x++)
    for (let y = 0; y < ch; ) {
      let e = y;
      while (e < ch && ink[e * cw + x]) e++;
      if (e - y > vMax) for (let k = y; k < e; k++) rule[k * cw + x] = 1;
      y = e + 1;
    }
  for (let y = 0; y < ch; y++)
    for (let x = 0; x < cw; ) {
      let e = x;
      while (e < cw && ink[y * cw + e]) e++;
      if (e - x > hMax) rule.fill(1, y * cw + x, y * cw + e);
      x = e + 1;
    }
  for (let i = 0; i < ink.length; i++) if (rule[i]) ink[i] = 0;
}

/** Ink with every horizontal gap of up to `gap` cells between two inked cells filled. */
function smearRows(ink: Uint8Array, cw: number, ch: number, gap: number): Uint8Array {
  const out = ink.slice();
  for (let y = 0; y < ch; y++) {
    let last = -1;
    for (let x = 0; x < cw; x++) {
      if (!ink[y * cw + x]) continue;
      if (last >= 0 && x - last - 1 <= gap) out.fill(1, y * cw + last + 1, y * cw + x);
      last = x;
    }
  }
  return out;
}

interface Blob {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  inkCells: number;
}

/** 4-connected regions of `joined`, with how many of their cells are real ink. */
function components(joined: Uint8Array, ink: Uint8Array, cw: number, ch: number): Blob[] {
  const seen = new Uint8Array(cw * ch);
  const stack: number[] = [];
  const blobs: Blob[] = [];
  for (let i = 0; i < joined.length; i++) {
    if (!joined[i] || seen[i]) continue;
    const b: Blob = { x0: cw, y0: ch, x1: 0, y1: 0, inkCells: 0 };
    seen[i] = 1;
    stack.push(i);
    while (stack.length) {
      const j = stack.pop()!;
      const x = j % cw,
        y = (j / cw) | 0;
      if (x < b.x0) b.x0 = x;
      if (x > b.x1) b.x1 = x;
      if (y < b.y0) b.y0 = y;
      if (y > b.y1) b.y1 = y;
      if (ink[j]) b.inkCells++;
      if (x > 0 && joined[j - 1] && !seen[j - 1]) (seen[j - 1] = 1), stack.push(j - 1);
      if (x < cw - 1 && joined[j + 1] && !seen[j + 1]) (seen[j + 1] = 1), stack.push(j + 1);
      if (y > 0 && joined[j - cw] && !seen[j - cw]) (seen[j - cw] = 1), stack.push(j - cw);
      if (y < ch - 1 && joined[j + cw] && !seen[j + cw]) (seen[j + cw] = 1), stack.push(j + cw);
    }
    blobs.push(b);
  }
  return blobs;
}
