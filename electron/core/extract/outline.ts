import type { PageText, Word } from '../../../shared/domain/document.js';
import { printedWordLines } from './lines.js';

/**
 * A record exported as an OUTLINE: a provisioning or inventory system's tree of the account (account,
 * billing, contact, location, line, feature) printed with tree glyphs ("|--", "`--", "+-", "\-", "[+]",
 * "[-]", "|" for a branch passing by) and its facts as "key = value" / "key=value" fragments, several on a
 * line, between "|" separators. Before the fields are read, such a page is written as the label-left record
 * it is: the glyphs and separators are not text, and a fragment's key is a label ("key:") before its value.
 * Words only lose characters or split into parts that keep their share of the printed box, so evidence
 * read off the recast page is where it is printed.
 */

/** A tree glyph or an expand / collapse marker: a whole word that draws the outline, not text. */
const GLYPH = /^(?:[|¦]|[|`+\\]-{1,3}|-{1,3}|\+|\[[+-]\]|[»·])$/;
/** A "key=value" fragment written without spaces: the key is letters first (a date's "=" is none of it). */
const KEY_EQ_VALUE = /^([A-Za-z][\w#./&-]*)=(.+)$/;
const KEY_EQ = /^([A-Za-z][\w#./&-]*)=$/;
const EQ_VALUE = /^=(.+)$/;

/** A part of a word: its text and its character span, for a box in proportion. */
function part(w: Word, text: string, from: number, to: number): Word {
  const [x0, y0, x1, y1] = w.bbox;
  const n = Math.max(1, w.text.length);
  const a = x0 + ((x1 - x0) * from) / n,
    b = x0 + ((x1 - x0) * to) / n;
  return { ...w, text, bbox: [a, y0, b, y1] };
}

/** A line's "=" fragments: words holding "=" between a key and a value, or "=" alone between them. */
function eqFragments(line: Word[]): number {
  let n = 0;
  line.forEach((w, i) => {
    if (KEY_EQ_VALUE.test(w.text) || KEY_EQ.test(w.text)) n++;
    else if (w.text === '=' && i > 0 && i < line.length - 1) n++;
  });
  return n;
}

/** The words of a line as a label-left record writes them. */
function recastLine(line: Word[]): Word[] {
  const out: Word[] = [];
  let lead = true;
  for (const w of line) {
    // glyphs lead the line (the tree's branches); "|" between fragments separates them
    if (lead && GLYPH.test(w.text)) continue;
    lead = false;
    if (w.text === '|' || w.text === '¦') continue;
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
    const ev = EQ_VALUE.exec(w.text);
    if (ev && out.length) {
      const prev = out[out.length - 1]!;
      if (!prev.text.endsWith(':')) out[out.length - 1] = { ...prev, text: `${prev.text}:` };
      out.push(part(w, ev[1]!, 1, w.text.length));
      continue;
    }
    if (w.text === '=' && out.length) {
      const prev = out[out.length - 1]!;
      if (!prev.text.endsWith(':')) out[out.length - 1] = { ...prev, text: `${prev.text}:` };
      continue;
    }
    out.push(w);
  }
  return out;
}

/**
 * The pages with their outlines recast (null when none is). A page is an outline when three of its lines
 * carry two "=" fragments or more (or two "key:" fragments between "|" separators), or four of its lines lead with tree glyphs and one of them carries a
 * fragment: a form's one "Total = $12" or a list's bullets are neither.
 */
export function recastOutline(pages: PageText[]): PageText[] | null {
  let changed = false;
  const out = pages.map((page) => {
    const lines = printedWordLines(page);
    const fragLines = lines.filter(
      (l) =>
        eqFragments(l) >= 2 || (l.some((w) => w.text === '|') && l.filter((w) => w.text.endsWith(':')).length >= 2),
    ).length;
    const glyphLines = lines.filter((l) => l.length > 1 && GLYPH.test(l[0]!.text) && l[0]!.text !== '-').length;
    const anyFrag = lines.some((l) => eqFragments(l) >= 1 || l.some((w) => w.text === '|'));
    if (fragLines < 3 && !(glyphLines >= 4 && anyFrag)) return page;
    changed = true;
    return { ...page, words: lines.flatMap(recastLine) };
  });
  return changed ? out : null;
}
