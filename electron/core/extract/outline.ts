import type { PageText, Word } from '../../../shared/domain/document.js';
import { printedWordLines, spanBox } from './lines.js';
import type { MovedWord } from './records.js';

/**
 * A record exported as an OUTLINE: a provisioning or inventory system's tree of the account (account,
 * billing, contact, location, line, feature) printed with tree glyphs ("|--", "`--", "+-", "\-", "[+]",
 * "[-]", "|" for a branch passing by) and its facts as "key = value" / "key=value" fragments, several on a
 * line, between "|" separators. Before the fields are read, such a page is written as the label-left record
 * it is: the glyphs and separators are not text, a fragment's key is a label ("key:") before its value, and
 * each fact stands apart from the next. Words lose characters, split into parts that keep their share of
 * the box, or move right on their line; `moved` says where each moved word is printed (records.ts movedBack).
 */

/** A tree glyph or an expand / collapse marker: a whole word that draws the outline, not text. */
const GLYPH = /^(?:[|¦]|[|`+\\]-{1,3}|-{1,3}|\+|\[[+-]\]|[»·])$/;
/** An expand / collapse marker as OCR reads it now and then: a bracket taken for a brace or parenthesis ("{-]", "(-]", "[=]"). */
const OCR_MARKER = /^[[{(][-+=][\]})]$/;
/** A separator between a line's facts. */
const SEPARATOR = /^[|¦]$/;
const glyphOf = (w: Word, ocr: boolean) => GLYPH.test(w.text) || (ocr && OCR_MARKER.test(w.text));
/** A "key=value" fragment written without spaces: the key is letters first (a date's "=" is none of it). */
const KEY_EQ_VALUE = /^([A-Za-z][\w#./&-]*)=(.+)$/;
const KEY_EQ = /^([A-Za-z][\w#./&-]*)=$/;
const EQ_VALUE = /^=(.+)$/;

/** An '=' alone, a scan's speck beside it ("='", "|="): the fragment's '=' all the same. */
const EQUALS = /^[.'|`]?=[.,'|`]?$/;
const isEquals = (t: string | undefined) => t !== undefined && EQUALS.test(t);

/** A part of a word: its text and its character span, for a box in proportion. */
function part(w: Word, text: string, from: number, to: number): Word {
  return { ...w, text, bbox: spanBox(w.bbox, from, to, w.text.length) };
}

/** A line's "=" fragments: words holding "=" between a key and a value, or "=" alone between them. */
function eqFragments(line: Word[]): number {
  let n = 0;
  line.forEach((w, i) => {
    if (KEY_EQ_VALUE.test(w.text) || KEY_EQ.test(w.text)) n++;
    else if (isEquals(w.text) && i > 0 && i < line.length - 1) n++;
  });
  return n;
}

const isKey = (line: Word[], i: number) =>
  KEY_EQ_VALUE.test(line[i]!.text) ||
  KEY_EQ.test(line[i]!.text) ||
  isEquals(line[i + 1]?.text) ||
  EQ_VALUE.test(line[i + 1]?.text ?? '') ||
  /^[A-Za-z][\w#./&-]*:$/.test(line[i]!.text);

/**
 * Where each fact starts on a line: a key's first word, after a gap wider than a word space (a key may be
 * words: "auth user=…"). The node's head before the first one ("Port Protection", "TN 1-312-555-0194")
 * stands apart from it the same way. OCR boxes hug the glyphs (a capital's height, not the font's): a
 * monospace word space is most of that height, so on an OCR page a gap is wide only past it.
 */
function factStarts(line: Word[], ocr: boolean): Set<number> {
  const h = (w: Word) => w.bbox[3] - w.bbox[1];
  const gapOver = (i: number, f: number) =>
    line[i]!.bbox[0] - line[i - 1]!.bbox[2] > f * Math.max(h(line[i]!), h(line[i - 1]!));
  const wide = (i: number) => gapOver(i, 0.8);
  // the words of one key: a word space apart, on an OCR page wider than wide()'s
  const oneKey = (i: number) => (ocr ? !gapOver(i, 1.25) && !glyphOf(line[i - 1]!, ocr) : !wide(i));
  const out = new Set<number>();
  line.forEach((_, k) => {
    if (k === 0 || !isKey(line, k)) return;
    let i = k;
    while (i > 0 && oneKey(i) && k - i < 3) i--;
    if (i > 0 && wide(i) && !glyphOf(line[i - 1]!, ocr)) out.add(i);
    // on an OCR page a "|" between facts parts them too: a word space either side of it is no wider than
    // one between a value's words once the boxes hug the glyphs
    else if (ocr && i > 1 && SEPARATOR.test(line[i - 1]!.text) && line.slice(0, i - 1).some((w) => !glyphOf(w, ocr)))
      out.add(i);
  });
  return out;
}

/**
 * The words of a line as a label-left record writes them. Each fact moves right, past a gap no cell
 * spans, so that a value ends where the next key begins ("Siobhan Washington" | "role: CEO"); `moved`
 * keeps where each moved word is printed.
 */
function recastLine(page: number, line: Word[], moved: MovedWord[], ocr: boolean): Word[] {
  const starts = factStarts(line, ocr);
  let shift = 0;
  const shifted = line.map((w, i) => {
    if (starts.has(i)) shift += 2 * (w.bbox[3] - w.bbox[1]);
    if (!shift) return w;
    const at: Word['bbox'] = [w.bbox[0] + shift, w.bbox[1], w.bbox[2] + shift, w.bbox[3]];
    moved.push({ page, at, printed: w.bbox });
    return { ...w, bbox: at };
  });
  // a node named in words ("Contacts", "Port Protection", "BILLING") heads its facts like a heading: its
  // name is no label of theirs (a node with a number, "TN 312-555-0194", "Location 0741", keeps it)
  const first = Math.min(...starts);
  const named =
    Number.isFinite(first) &&
    line.slice(0, first).every((w, i) => !/\d/.test(w.text) && !isEquals(w.text) && !isKey(line, i));
  const out: Word[] = [];
  let lead = true;
  for (const [i, w] of shifted.entries()) {
    if (named && i < first) continue;
    // glyphs lead the line (the tree's branches); "|" between fragments separates them
    if (lead && glyphOf(w, ocr)) continue;
    lead = false;
    if (SEPARATOR.test(w.text)) continue;
    const kv = KEY_EQ_VALUE.exec(w.text);
    if (kv) {
      const k = kv[1]!;
      out.push(part(w, `${k}:`, 0, k.length + 1), part(w, kv[2]!, k.length + 1, w.text.length));
      continue;
    }
    const ke = KEY_EQ.exec(w.text);
    if (ke) {
      out.push({ ...w, text: `${ke[1]!}:` });
      continue;
    }
    if (isEquals(w.text) && out.length) {
      const prev = out[out.length - 1]!;
      if (!prev.text.endsWith(':')) out[out.length - 1] = { ...prev, text: `${prev.text}:` };
      continue;
    }
    const ev = EQ_VALUE.exec(w.text);
    if (ev && out.length) {
      const prev = out[out.length - 1]!;
      if (!prev.text.endsWith(':')) out[out.length - 1] = { ...prev, text: `${prev.text}:` };
      out.push(part(w, ev[1]!, 1, w.text.length));
      continue;
    }
    out.push(w);
  }
  return out;
}

/**
 * The pages with their outlines recast (null when none is). A page is an outline when three of its lines
 * carry two "=" fragments or more (or two "key:" fragments between "|" separators), or four of its lines
 * lead with tree glyphs and one of them carries a fragment: a form's one "Total = $12" or a list's bullets are neither.
 */
export function recastOutline(pages: PageText[]): { pages: PageText[]; moved: MovedWord[] } | null {
  let changed = false;
  const moved: MovedWord[] = [];
  const out = pages.map((page) => {
    const lines = printedWordLines(page);
    const ocr = page.method === 'ocr';
    const fragLines = lines.filter(
      (l) =>
        eqFragments(l) >= 2 || (l.some((w) => w.text === '|') && l.filter((w) => w.text.endsWith(':')).length >= 2),
    ).length;
    const glyphLines = lines.filter((l) => l.length > 1 && glyphOf(l[0]!, ocr) && l[0]!.text !== '-').length;
    const anyFrag = lines.some((l) => eqFragments(l) >= 1 || l.some((w) => w.text === '|'));
    if (fragLines < 3 && !(glyphLines >= 4 && anyFrag)) return page;
    changed = true;
    return { ...page, words: lines.flatMap((l) => recastLine(page.page, l, moved, ocr)) };
  });
  return changed ? { pages: out, moved } : null;
}
