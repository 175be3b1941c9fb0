import type { PageText } from '../../../shared/domain/document.js';
import { segText, type DocLayout, type Line } from './layout.js';

/**
 * A document sent as an e-mail reply carries the earlier messages under the new one: the request it
 * answers, quoted line by line ("> Address: …") or under a reply header ("-----Original Message-----",
 * "On Tue, Mar 3, 2026 at 9:14 AM, Name <…> wrote:", or a second From / Sent / To block). What those
 * say is the other party's version (the gaining side's address and number, its own signature), not
 * the record, so the fields are read from the newest message when it holds the record.
 */

const REPLY_SEPARATOR = /^[-_=]{2,}\s*(?:original|forwarded)\s+message\s*[-_=]{2,}$/i;
const ATTRIBUTION_START = /^On\s+\S/;
const ATTRIBUTION_END = /\bwrote:$/i;
const HEADER_FROM = /^From:/i;
const HEADER_OTHER = /^(?:Sent|Date|To|Cc|Subject):/i;

const lineText = (l: Line) => segText(l.toks).trim();

/** A mail header block opens here: "From:" and, within the next three lines of its page, other header fields. */
function headerBlockAt(doc: DocLayout, i: number): boolean {
  const l = doc.lines[i]!;
  if (!HEADER_FROM.test(lineText(l))) return false;
  const next = doc.lines.slice(i + 1, i + 4).filter((x) => x.page === l.page);
  return next.filter((x) => HEADER_OTHER.test(lineText(x))).length >= 2;
}

/** Where the earlier message begins (a line id), or null when nothing is quoted below the newest message. */
function replyBoundary(doc: DocLayout): number | null {
  let headers = 0;
  for (const [i, l] of doc.lines.entries()) {
    const t = lineText(l);
    if (REPLY_SEPARATOR.test(t)) return i;
    // the attribution line of a reply, wrapped onto a second line where it is long
    const next = doc.lines[i + 1];
    if (
      ATTRIBUTION_START.test(t) &&
      (ATTRIBUTION_END.test(t) || (next?.page === l.page && ATTRIBUTION_END.test(lineText(next))))
    )
      return i;
    if (headerBlockAt(doc, i) && headers++ > 0) return i;
  }
  return null;
}

/** The lines of earlier messages: all from the reply boundary on, and every line quoted with ">". */
export function quotedLines(doc: DocLayout): Set<number> {
  const out = new Set<number>();
  const from = replyBoundary(doc);
  for (const l of doc.lines) if ((from !== null && l.id >= from) || /^>/.test(l.toks[0]?.text ?? '')) out.add(l.id);
  return out;
}

/** The pages without the words of these lines (the newest message alone). */
export function withoutLines(pages: PageText[], doc: DocLayout, lineIds: ReadonlySet<number>): PageText[] {
  const boxes = doc.lines.filter((l) => lineIds.has(l.id)).flatMap((l) => l.toks);
  return pages.map((p) => {
    const mine = boxes.filter((t) => t.page === p.page);
    if (!mine.length) return p;
    return {
      ...p,
      words: p.words.filter((w) => {
        const cx = (w.bbox[0] + w.bbox[2]) / 2,
          cy = (w.bbox[1] + w.bbox[3]) / 2;
        return !mine.some((t) => cx >= t.bbox[0] && cx <= t.bbox[2] && cy >= t.bbox[1] && cy <= t.bbox[3]);
      }),
    };
  });
}
