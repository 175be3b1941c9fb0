import { type DocLayout, type Line, segText } from './layout.js';

/**
 * A CSR may come as a support desk's ticket, printed from its ticket system: a header of the ticket's
 * facts (number, status, "Requester: Dana Ruiz <dana.ruiz@…>", "Organization", "Created"), then the
 * conversation — the requester's message asking for the record (signed with the requester's own company,
 * address and phone) and the desk's reply giving it. The requester is the other party, like the quoted
 * request under an e-mail reply: the messages headed by the requester's name, and the header's lines
 * naming the requester, their organization and when they opened the ticket, are not the record's. Only a
 * header naming the requester with an e-mail address marks a ticket.
 */

/** "Requester: Dana Ruiz <dana.ruiz@example.com>" (or "(…@…)"): the person (up to five words: "Richard T. Van der Berg") and their address. */
const REQUESTER =
  /\b(?:requester|requested\s+by|submitted\s+by|from|contact|reported\s+by|opened\s+by|created\s+by|customer\s+contact)\s*:\s*((?:[A-Z][\w.'-]*\s+){1,4}[A-Z][\w.'-]*)\s*[<(\[]\s*[^\s<>()@]+@[^\s<>()]+\s*[>)\]]/i;
/** The header's facts about the requester's side: their organization, when they opened the ticket. */
const REQUESTER_FACT =
  /(?:^|\s)(?:organi[sz]ation|company|requester'?s?\s+(?:org|company)|created|opened|submitted|date\s+(?:opened|created|submitted))\s*:/i;
/** A message's heading line carries its date and time. */
const DATED =
  /\b(?:\d{1,2}[/-]\d{1,2}[/-]\d{2,4}|\d{4}-\d{2}-\d{2}|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2},?\s+\d{4})\b/i;
const TIMED = /\b\d{1,2}:\d{2}\b/;
/** A header line of facts: it opens with a caption and its colon ("Status: Solved", "Last Updated: …"). */
const META = /^[A-Za-z][\w .#/-]{0,30}:\s/;

const lineText = (l: Line) => segText(l.toks).trim();

/** The ids of a ticket's requester lines (its header's and its messages'); empty when it is no ticket. */
export function requesterLines(doc: DocLayout): Set<number> {
  const out = new Set<number>();
  let name: string | null = null;
  let headerEnd = -1;
  for (const l of doc.lines) {
    const m = REQUESTER.exec(lineText(l));
    if (m) {
      name = m[1]!.replace(/\s+/g, ' ');
      headerEnd = l.id;
      break;
    }
  }
  if (!name) return out;
  const first = name.split(' ')[0]!.toLowerCase();
  const last = name.split(' ').at(-1)!.toLowerCase();
  const heading = (l: Line) => {
    const t = lineText(l);
    return DATED.test(t) && TIMED.test(t);
  };
  // a message heading names its author first: the requester's own
  const byRequester = (l: Line) => {
    const words = l.toks.slice(0, 5).map((t) => t.text.toLowerCase().replace(/[^a-z'-]/g, ''));
    return words[0] === first && words.includes(last);
  };
  // the header: the lines of "Caption: value" facts before the first message's heading
  const meta = (l: Line) => META.test(lineText(l));
  const firstMessage = doc.lines.find((l) => l.id > headerEnd && heading(l) && !meta(l))?.id ?? doc.lines.length;
  let inRequester = false;
  let left = 0;
  for (const l of doc.lines) {
    const t = lineText(l);
    if (l.id < firstMessage) {
      if (REQUESTER.test(t) || REQUESTER_FACT.test(t)) out.add(l.id);
      continue;
    }
    if (heading(l)) {
      const x = l.toks[0]!.x0;
      if (byRequester(l)) {
        inRequester = true;
        left = x;
        out.add(l.id);
        continue;
      }
      // another message's heading (or the page's print stamp) at the margin ends the requester's
      if (inRequester && x <= left + 2 * l.h) inRequester = false;
    }
    if (inRequester) out.add(l.id);
  }
  return out;
}
