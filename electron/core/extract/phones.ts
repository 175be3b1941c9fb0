import {
  BAND_SEPARATOR,
  segsAboveInColumn,
  segText,
  type DocLayout,
  type Hit,
  type Line,
  type Seg,
  type Tok,
} from './layout.js';
import { looksLikeLabelText, REMARK_WORDS } from './labels.js';
import { CLOSING, isLetterheadName, numberRole, typicalHeight, writtenAsLetter } from './prose.js';
import { hitAt, spansFor, startTolerance, wholeLabelCell } from './spans.js';
import { labelKey } from './text.js';
import { digitFixToken, findPhones, tokText, toksIn } from './values.js';
import { isTollFreeNanp, toE164 } from '../../../shared/domain/phone.js';
import { labelStems, ROSTER_ROLE_WORDS } from '../../../shared/domain/fields.js';
import { capitalsAsRead } from '../../../shared/normalize/ocr-confusions.js';

/**
 * Every phone number on the document with the context that decides what it is: a number on the
 * account, the BTN, a number the LOA says not to port, or someone's contact / a carrier's support
 * line (never on the account).
 */
export interface PhoneOccurrence {
  e164: string;
  toks: Tok[];
  page: number;
  line: number;
  /** the label governing it (same cell before it, or the cell to its left) */
  label: Hit | undefined;
  contact: boolean;
  /** in a sentence about calling someone (customer service, support, questions) */
  support: boolean;
  /** LOA: explicitly not to be ported (section heading, sentence or a row's Port? = No) */
  notToPort: boolean;
  /** LOA: the row says Port = Yes */
  portYes: boolean;
  section: 'to_port' | 'not_to_port' | null;
  /** its row says the line is disconnected or inactive */
  inactive: boolean;
  /**
   * a toll-free number captioned in its own cell by words no numbers label reads ("Porting desk:
   * 855-…"): RespOrg-managed, so more likely a desk's line than one on the account — weak evidence
   * where an LOA lists it to port
   */
  deskLike: boolean;
}

const CONTACT_WORDS =
  /\b(call|calling|questions?|customer\s+(service|care)|support|repair|visit|contact\s+(us|customer|our)|(?<!inward\s)dial|toll[- ]?free|fax|text|sms|reach\s+(?:us|you|me)|assistance|by\s+phone|phone\s+at|help|need\s+help|\w+\.(com|net|org|us|example)\b|care\s+at|billing\s+questions|(?:carrier|provider)'?s?\s+(?:phone|tel))\b/i;
/**
 * A caption naming how to reach someone (never a list of numbers): "Best number to reach you" (or to reach,
 * ending the caption), "Callback",
 * "Agent contact", a record's call-back tag ending the words before it ("CBR:"), a time of day to call at
 * ("Daytime phone", "Evening tel."), or a fax caption of its own
 * ("Fax", "Fax No.", "Customer fax #", after a form's item number "A4."): one number to write back to.
 */
const CAPTION_CONTACT =
  /\breach\s+(?:us|you|me|them)\b|\b(?:number|phone|no\.?)\s+to\s+reach\s*[:#]?\s*$|\bcall\s*-?back\b|\b(?:rep|representative|agent)'?s?\s+(?:direct\s+)?(?:line|dial|phone|tel|no\.?|number)\b|\bdesk\s+(?:phone|tel|line|no\.?|number)\b|\bcontact\s+(?:phone|number|tel)\b|^\s*\w+\s+contact\s*:?\s*$|\bcb[rn]\s*[:#]?\s*$|\b(?:day|daytime|evening|night|after[- ]hours)\s+(?:phone|tel|telephone|contact|number)\b|^\s*(?:[A-Z]?\d{1,2}[.)]?\s+)?(?:\w+\s+)?fax(?:\s+(?:no\.?|#|number|nbr))?\s*[:#]?\s*$|\breached\s+at\s*$|\w,\s*(?:tel(?:ephone)?|phone)\.?\s*$/i;
// (the last two: a sentence's "… can be reached at 860.555.0145", and a phone set after a comma as an
// appositive of whom it names — "… is Elizabeth Levy, Practice Administrator, telephone 501.555.0115"; a
// list of lines puts no "telephone" between its numbers)
/** A cell that is only a web address ("spectrum.net", "www.lumen.com/business"): a letterhead's line. */
const WEB_ADDRESS_CELL = /^(?:https?:\/\/)?(?:www\.)?[\w-]+(?:\.[\w-]+)*\.(?:com|net|org|us|biz|example)(?:\/\S*)?$/i;
const ROW_NO =
  /^(n|no|keep|kept|do\s*not\s*port|don'?t\s*port|not\s*porting|not\s*ported|remains?|remaining|retain|retained|disconnect|exclude|excluded|stays?)\.?$/i;
/** A check box left empty ("[ ]", "☐") or ticked ("[X]", "☒"): a row's own answer on a form's numbers table. */
const EMPTY_BOX = /^(\[\s*\]|☐|□)$/;
const TICKED_BOX = /^(\[\s*[xX✓✔]\s*\]|☒|☑|■)$/;
/**
 * A row's status saying the line has left the account, or is on its way out: ported out (away) to
 * another carrier, or a disconnect already ordered ("Pending disconnect", "Pending cancel"). A suspended
 * line (a lost phone, a seasonal hold) is still the account's number and can be ported: only its service
 * is paused; so is a line with a port merely requested ("Pending port-out"): it has not left yet.
 */
export const ROW_INACTIVE =
  /^(?:disconnected|disc|disco|disconn?|inactive|cancell?ed|terminated|ceased|discontinued|removed|deactivated|ported[\s-]*(?:out|away)|port[\s-]*out\s+(?:complete|completed|done)|pending[\s-]+(?:disc\w*|cancel\w*|terminat\w*|deactivat\w*)|out\s+of\s+(?:service|svc)|not\s+(?:found|on\s+(?:records?|file|csr|(?:this\s+|the\s+)?acc(?:oun)?t)))\b/i;
const ROW_YES = /^(y|yes|port|porting|ported|transfer|x|✓)\.?$/i;

interface FoundPhone {
  e164: string;
  toks: Tok[];
}

/** Values under a label (form boxes, table columns) belong to that label. */
/** A word whose cell is running text: many words, some in lower case. */
function opensSentence(doc: DocLayout, t: Tok | undefined): boolean {
  const seg = t ? doc.segs[t.seg] : undefined;
  return !!seg && seg.toks.length >= 6 && (segText(seg.toks).match(/(?:^|\s)[a-z]/g) ?? []).length >= 3;
}

function labelOwners(doc: DocLayout): Map<Tok, Hit> {
  const owner = new Map<Tok, Hit>();
  for (const h of doc.hits) {
    if (h.end !== h.seg.toks.length) continue;
    // "Phone" over a column of a table is the column of numbers, not someone's contact number
    if (
      h.field === 'contact' &&
      !h.colon &&
      h.end - h.start === 1 &&
      GENERIC_PHONE_WORDS.has(h.seg.toks[h.start]!.key) &&
      headerRow(doc, h)
    )
      continue;
    const spans = spansFor(doc, h, h.field === 'contact' ? 2 : h.field === 'called_number' ? 60 : 1);
    // a label with its value beside it is no caption under the line above ("Numbers to keep: 555-0101"
    // under the last row of the list to port)
    const beside = spans.some((sp) => sp.mode === 'right' && !sp.farther && sp.lines.some((l) => l.length));
    for (const span of spans) {
      if ((span.mode !== 'below' && span.mode !== 'above') || span.farther || (beside && span.mode === 'above'))
        continue;
      // (nor lines under it that a sentence opens: "Callback No. 561 555 0161" over "Acme is authorized to
      // move the numbers listed here:" over the list — the sentence's numbers)
      if (beside && span.mode === 'below' && opensSentence(doc, span.lines[0]?.[0])) continue;
      // (a caption under its value stands under it: a heading over a block of its own — "Questions?" over
      // "Business Office: 888-…" in a sidebar — owns nothing on a line above it in another column)
      const under = (t: Tok) => span.mode !== 'above' || (t.x0 < h.seg.x1 && t.x1 > h.seg.x0);
      for (const t of span.lines.flat()) if (!owner.has(t) && under(t)) owner.set(t, h);
    }
  }
  return owner;
}

/**
 * A heading "Calls to other numbers" over a call list: the numbers below it, down to the next gap or
 * heading, are someone else's.
 */
function callListLines(doc: DocLayout): Set<number> {
  const callLines = new Set<number>();
  for (const h of doc.hits) {
    if (h.field !== 'called_number' || !h.atStart || h.start !== 0 || doc.lines[h.line]!.segs.length !== 1) continue;
    let prev = doc.lines[h.line]!;
    for (let i = h.line + 1; i < doc.lines.length; i++) {
      const l = doc.lines[i]!;
      if (l.page !== prev.page || l.top - prev.bottom > 2.5 * Math.max(l.h, prev.h)) break;
      if (
        l.segs.some((sg) =>
          (doc.hitsBySeg.get(sg.id) ?? []).some(
            (x) => x.start === 0 && x.field !== 'called_number' && x.field !== 'other' && x.field !== 'other_date',
          ),
        )
      )
        break;
      callLines.add(l.id);
      prev = l;
    }
  }
  return callLines;
}

/**
 * A word closing a sentence: a full stop or semicolon after a date, a figure or a word of four letters or
 * more ("2023.", "ACCT.", "apply;"), not an abbreviation's ("No.", "Tel.", "Ste.").
 */
function endsSentence(t: Tok): boolean {
  return /[.;]$/.test(t.text) && (/\d/.test(t.text) || (t.text.match(/\p{L}/gu) ?? []).length >= 4);
}

/** Words holding a sentence's end before their last one: running text, not a caption and its value. */
function sentenceBreakIn(toks: readonly Tok[]): boolean {
  return toks.slice(0, -1).some(endsSentence);
}

const REMARKS_HEAD = new RegExp(`^(?:[a-z]+\\s+){0,2}(?:${REMARK_WORDS.join('|')})\\s*:?$`, 'i');

/**
 * A service record's remarks under their own heading ("REMARKS", "Rep Notes", "Account comments" alone on
 * its line): the lines below it, at or right of the heading, down to a wide gap, a line starting further
 * left or one opening with a label and its value (the record's next section).
 */
function remarkLines(doc: DocLayout): Set<number> {
  const out = new Set<number>();
  if (doc.kind !== 'csr') return out;
  for (const head of doc.lines) {
    if (head.segs.length !== 1 || head.toks.length > 3 || !REMARKS_HEAD.test(segText(head.toks).trim())) continue;
    const x = head.segs[0]!.x0;
    let prev = head;
    for (let i = head.id + 1; i < doc.lines.length; i++) {
      const l = doc.lines[i]!;
      if (l.page !== head.page || l.top - prev.bottom > 2.5 * Math.max(l.h, prev.h) || l.segs[0]!.x0 < x - 2) break;
      // (a label with its value: a remark's last word wrapped alone, "ADDR", goes on with the remark)
      const first = l.segs[0]!;
      const labelled = (h: Hit) => h.start === 0 && (h.colon || l.segs.length > 1 || h.end < first.toks.length);
      // (a remark's sentence may open on a caption's word: "TN 508 555 0139 DISC 11-03-2025. QUESTIONS …")
      const sentence = sentenceBreakIn(first.toks);
      if (!sentence && (doc.hitsBySeg.get(first.id) ?? []).some(labelled)) break;
      out.add(l.id);
      prev = l;
    }
  }
  return out;
}

/** The numbers starting in a segment (one wrapped onto the next line of a sentence included). */
function phonesInSeg(doc: DocLayout, line: Line, seg: Seg): FoundPhone[] {
  // a table's row number glued to the number's cell ("10 919 778 2044") is no digit group of it
  const segToks = rowNumberLead(doc, line, seg) ? seg.toks.slice(1) : seg.toks;
  const own = tokText(segToks);
  // a number (or a range) wrapped onto the next line of a sentence: read the two together
  const next = doc.lines[line.id + 1];
  const wrapped =
    line.segs.length === 1 &&
    seg.toks.length >= 5 &&
    next &&
    next.page === line.page &&
    next.segs[0] &&
    next.top - line.bottom < 0.9 * Math.max(line.h, next.h) &&
    !/^([-*•·–]|\d{1,2}[.)])$/.test(next.segs[0].toks[0]!.text)
      ? next.segs[0]
      : null;
  // (a range whose end number wraps once more: "… 635 8900" / "through +1 918" / "635 8906")
  const wrappedEnd =
    wrapped && OPEN_RANGE_WRAPPED.test(tokText(wrapped.toks, false).text.trim())
      ? segBelow(doc, doc.lines[wrapped.line]!, wrapped)
      : null;
  const cont = wrapped
    ? { toks: [...wrapped.toks, ...(wrappedEnd?.toks ?? [])] }
    : rangeContinuation(doc, line, seg, own.text);
  const tt = cont ? tokText([...segToks, ...cont.toks]) : own;
  const found: FoundPhone[] = [];
  for (const ph of findPhones(tt.text)) {
    // numbers wholly on the next line are read with that line
    if (ph.start >= own.text.length) continue;
    const toks = toksIn(tt, ph.start, ph.end);
    if (toks.length) found.push({ e164: ph.e164, toks });
  }
  // OCR splits and glues digit groups ("8 049307183", "(727), 55S-0145"): read runs of number-only words
  const used = new Set(found.flatMap((f) => f.toks));
  for (const run of phonesInTokenRuns(segToks)) if (!run.toks.some((t) => used.has(t))) found.push(run);
  return found;
}

/**
 * The cell opens with a table's row number: a short integer whose row above, in the same column,
 * opens with the integer before it ("9" over "10 919 778 2044", where the wider number closed the gap).
 */
function rowNumberLead(doc: DocLayout, line: Line, seg: Seg): boolean {
  const t = seg.toks[0]!;
  if (seg.toks.length < 2 || !/^\d{1,3}$/.test(t.text) || Number(t.text) < 2) return false;
  const prev = doc.lines[line.id - 1];
  if (!prev || prev.page !== line.page) return false;
  const want = String(Number(t.text) - 1);
  return prev.segs.some((s) => s.toks[0]!.text === want && Math.abs(s.toks[0]!.x0 - t.x0) <= 0.5 * t.h + 2);
}

/** A range left open at the end of a segment: "…1550 through", "…3020 to (559)", "…6300 through +1", "…0100 -". */
const OPEN_RANGE =
  /^\s{0,3}(?:-|–|to|thru|through)(?:\s{0,3}(?:\+1|(?:\+?1[\s.-]{0,2})?(?:\(\s?\d{3}\s?\)|\d{3})))?[\s.-]{0,3}$/i;

/** The cell right below this one, in the same column, on the next line if that line is close. */
function segBelow(doc: DocLayout, l: Line, s: Seg): Seg | null {
  const next = doc.lines[l.id + 1];
  if (!next || next.page !== l.page || next.top - l.bottom > 1.2 * Math.max(l.h, next.h)) return null;
  return next.segs.find((sg) => sg.x0 < s.x1 && sg.x1 > s.x0 && Math.abs(sg.x0 - s.x0) < 0.5 * (s.x1 - s.x0)) ?? null;
}

/** A range word and the start of its end number, wrapped before the number ends: "thru +1 954 483". */
const OPEN_RANGE_WRAPPED =
  /^(?:-|–|to|thru|through)\s{1,3}(?:\+?1[\s.-]{0,2})?(?:\(\s?\d{3}\s?\)|\d{3})(?:[\s.-]{0,2}\d{3})?$/i;

/**
 * A list cell wrapped inside a number: "…, (605)" / "555-0177, …", "…, +1 912" / "555 0192, …". The
 * separator says another number starts, the digits after it are too few to be one.
 */
const OPEN_NUMBER =
  /^\s{0,3}[,;]\s{0,3}(?:\+?1(?=[\s.(-]|$))?[\s.-]{0,2}(?:(?:\(\s?\d{3}\s?\)|\d{3})(?:[\s.-]{0,2}\d{3})?)?[\s.-]{0,3}$/;

/**
 * A table cell whose range wraps onto the next line ("561-898-1550 through" / "561-898-1554"): the
 * segment right below it, in the same column, ends the range. Only a range left open after a number
 * reads on, so a cell never borrows its neighbour's number otherwise.
 */
function rangeContinuation(doc: DocLayout, line: Line, seg: Seg, own: string): { toks: Tok[] } | null {
  const last = findPhones(own).at(-1);
  // (a wrapped list's middle line opens with the end of a number and holds none whole: "372-2871, (757)")
  const rest = last ? own.slice(last.end) : /^[\d\s().+-]+([,;].*)$/.exec(own)?.[1];
  if (rest === undefined) return null;
  const below = (l: Line, s: Seg) => segBelow(doc, l, s);
  const under = below(line, seg);
  if (!under) return null;
  if (OPEN_RANGE.test(rest) || (/\d|\+/.test(rest) && OPEN_NUMBER.test(rest))) return under;
  // the range word on a line of its own between the two numbers ("605-765-5700" / "through" / "605-765-5707"),
  // or opening a number the cell wraps again ("+1 954 483 4080" / "thru +1 954 483" / "4084")
  const underText = tokText(under.toks, false).text.trim();
  if (rest.trim() !== '' || !(/^(-|–|to|thru|through)$/i.test(underText) || OPEN_RANGE_WRAPPED.test(underText)))
    return null;
  const end = below(doc.lines[under.line]!, under);
  return end ? { toks: [...under.toks, ...end.toks] } : null;
}

/** Labels that say a number is on the account. */
const ACCOUNT_PHONE_FIELDS: ReadonlySet<string> = new Set(['btn', 'phone_list', 'to_port', 'not_to_port']);
/** Labels that say what a number is on the account (or that it is none of them). */
const PHONE_LABEL_FIELDS: ReadonlySet<string> = new Set([...ACCOUNT_PHONE_FIELDS, 'contact']);

/** The label: the last hit before the number in its segment, else in the segment to its left, else its owner. */
function phoneLabel(doc: DocLayout, line: Line, seg: Seg, first: Tok, owner: Map<Tok, Hit>): Hit | undefined {
  let label: Hit | undefined;
  for (let i = first.idx; i >= 0 && !label; i--) {
    const h = hitAt(doc, seg.toks[i]!);
    if (h && h.end <= first.idx) label = h;
  }
  // a label's reach ends with its sentence: a remark's "TN 508 555 0139 DISC …, NOT ON ACCT. QUESTIONS CALL
  // THE DESK AT 800 …" labels its first number only
  if (label && label.seg === seg && sentenceBreakIn(seg.toks.slice(label.end, first.idx))) label = undefined;
  const left = captionLeftOf(doc, line, seg);
  if (left) {
    const hs = doc.hitsBySeg.get(left.id);
    const lastHit = hs?.[hs.length - 1];
    const leftLabel = lastHit && lastHit.end === left.toks.length ? lastHit : undefined;
    // a number opening the cell is the value of the label to its left
    if (!label && first.idx === 0 && leftLabel) label = leftLabel;
    // one inside free text under a remarks/contact tag is that tag's, whatever tag-like word the text
    // holds ("REMARKS: | CUST CALLED FROM 210 445-7066", where CUST reads as a name tag)
    if (leftLabel?.field === 'contact' && (!label || !PHONE_LABEL_FIELDS.has(label.field))) label = leftLabel;
  }
  return label ?? owner.get(first);
}

/** Up to seven words before the number, from the line above too when the sentence started there. */
function wordsBefore(doc: DocLayout, line: Line, seg: Seg, first: Tok): string {
  // (a dotted leader's dots are no words: "Callback No. . . . . . . 218 555 0123")
  const before = seg.toks
    .slice(0, first.idx)
    .filter((t) => !/^[._]+$/.test(t.text))
    .slice(-7)
    .map((t) => t.text)
    .join(' ');
  const segIdx = line.segs.indexOf(seg);
  const left = segIdx > 0 ? line.segs[segIdx - 1]! : null;
  // a number opening its cell after a label cell no wording lists ("Best number to reach you:"): the label's words
  // — unless that cell is another panel's caption over its own value (captionLeftOf)
  if (first.idx === 0 && left && /:$/.test(left.toks.at(-1)?.text ?? '') && captionLeftOf(doc, line, seg) === left)
    return left.toks
      .slice(-7)
      .map((t) => t.text)
      .join(' ');
  const prevLine = doc.lines[line.id - 1];
  if (
    first.idx < 7 &&
    line.segs.indexOf(seg) === 0 &&
    prevLine &&
    prevLine.page === line.page &&
    line.top - prevLine.bottom < 0.9 * Math.max(line.h, prevLine.h) &&
    prevLine.segs.length === 1 &&
    prevLine.toks.length >= 6 &&
    Math.abs((prevLine.segs[0]?.x0 ?? -99) - seg.x0) < 4 &&
    !/[.!?:]$/.test(prevLine.toks.at(-1)?.text ?? '.')
  ) {
    // the sentence started on the line above ("…call 611 or" / "866-200-9522.")
    return `${prevLine.toks
      .slice(-7)
      .map((t) => t.text)
      .join(' ')} ${before}`;
  }
  return before;
}

/** A tick in a table's cell: an X, a check mark, a ticked box, or a bare Y / Yes. */
const TICK = /^(?:x|y|yes|✓|✔|\[\s*[xX✓✔]\s*\]|☒|☑|■)\.?$/i;
/** A choice column's heading whose ticked rows stay ("Keep", "Do NOT port", "Stay with Acme", "Disconnect"). */
const STAY_HEADING =
  /\b(?:keep|kept|stays?|remains?|retain(?:ed)?|not\s+(?:to\s+)?(?:be\s+)?port(?:ed)?|do\s*n[o']?t|no\s+port|disconnect|cancel|exclude)\b/i;
/** A choice column's heading whose ticked rows move ("Port", "Port to Acme", "Move", "Transfer"). */
const MOVE_HEADING = /\b(?:port|porting|move|transfer|switch|migrate)\b/i;
/**
 * An action cell naming what becomes of the row's number in words: it stays ("Remain with Acme", "Keep with
 * current carrier", "Keep - do not port", "Cancel") or it moves ("Move to new carrier", "Port to Acme").
 */
const ROW_STAY_ACTION =
  /^(?:(?:keep|remain|stay|retain)s?\s+(?:with|on|at)\b.*|keep\s*[-–—:(]\s*(?:do\s*not|don'?t)\s+port\)?|cancel)$/i;
const ROW_MOVE_ACTION = /^(?:port|move|transfer)\s+to\b/i;

/**
 * A column of ticks under its heading on an LOA's numbers table ("Port | Keep" with an X in one, drawn boxes
 * under "Move" / "Stay" / "Disconnect", a lone "Port" column ticked on the rows to move): the heading says
 * what a tick in it means.
 */
interface TickColumn {
  page: number;
  /** the heading's (last) line and its cell there */
  headLine: number;
  head: Seg;
  /** its ticked rows stay (Keep / Do not port / Disconnect); else they move */
  stay: boolean;
  /** the lines ticked in it */
  ticked: Set<number>;
}

const overlaps = (a: { x0: number; x1: number }, b: { x0: number; x1: number }) => a.x0 < b.x1 + 2 && a.x1 > b.x0 - 2;

/** A cell of running text (a legend or a sentence under the table), not a table's short cell. */
const runningText = (s: Seg) => s.toks.length >= 6 || (s.toks.length >= 4 && /[.:]$/.test(s.toks.at(-1)!.text));

/**
 * The cell of `l` over `cell`: one overlapping it, else the nearest one starting left of its middle and ending
 * near it (a heading set flush left in its column over a mark centred in it: "Port" over "  X  ").
 */
function cellOver(l: Line, cell: Seg): Seg | undefined {
  const over = l.segs.find((s) => overlaps(s, cell));
  if (over) return over;
  const mid = (cell.x0 + cell.x1) / 2;
  return l.segs.filter((s) => s.x0 <= mid && s.x1 >= cell.x0 - 4 * l.h).at(-1);
}

/**
 * The heading over a table cell: the nearest cell above it in its column that is not another row's value (a
 * tick, an empty box, a number, a yes/no), with the lines of a heading wrapped in its cell above it
 * ("Port to" over "Telnyx"); none across a page break, a wide gap or running text.
 */
function headingOver(doc: DocLayout, line: Line, cell: Seg): { segs: Seg[]; line: number } | undefined {
  let prev = line;
  for (let i = line.id - 1; i >= 0 && line.id - i <= 40; i--) {
    const l = doc.lines[i]!;
    if (l.page !== line.page || prev.top - l.bottom > 3 * Math.max(l.h, prev.h)) return undefined;
    prev = l;
    const over = cellOver(l, cell);
    if (!over) continue;
    const t = segText(over.toks).trim();
    // (another row's answer: a tick, an empty box, a No, a number — a heading reads "Keep" too)
    if (TICK.test(t) || EMPTY_BOX.test(t) || /^(?:n|no)\.?$/i.test(t) || /\d/.test(t)) continue;
    if (runningText(over)) return undefined;
    const segs = [over];
    for (let j = i - 1; j >= 0 && segs.length < 4; j--) {
      const u = doc.lines[j]!;
      const below = doc.lines[j + 1]!;
      if (u.page !== l.page || below.top - u.bottom > 0.8 * Math.max(u.h, below.h)) break;
      const s = u.segs.find((x) => overlaps(x, over));
      if (!s || /\d/.test(segText(s.toks)) || runningText(s)) break;
      segs.unshift(s);
    }
    return { segs, line: i };
  }
  return undefined;
}

/** The LOA's tick columns whose heading says port or keep (an X under "Type" or "Hunt" says neither). */
function tickColumns(doc: DocLayout): TickColumn[] {
  if (doc.kind !== 'loa') return [];
  const byHeading = new Map<number, TickColumn>();
  for (const line of doc.lines) {
    for (const cell of line.segs) {
      if (!TICK.test(segText(cell.toks).trim())) continue;
      const head = headingOver(doc, line, cell);
      if (!head) continue;
      const text = head.segs.map((s) => segText(s.toks)).join(' ');
      const stay = STAY_HEADING.test(text);
      if (!stay && !MOVE_HEADING.test(text)) continue;
      const key = head.segs.at(-1)!.id;
      const col = byHeading.get(key) ?? {
        page: line.page,
        headLine: head.line,
        head: head.segs.at(-1)!,
        stay,
        ticked: new Set<number>(),
      };
      col.ticked.add(line.id);
      byHeading.set(key, col);
    }
  }
  return [...byHeading.values()];
}

/** The line is a row of the table under `col`'s heading: the lines between are rows too (no gap, no sentence). */
function rowUnder(doc: DocLayout, col: TickColumn, line: Line): boolean {
  if (col.page !== line.page || col.headLine >= line.id) return false;
  for (let i = col.headLine + 1; i <= line.id; i++) {
    const l = doc.lines[i]!;
    const above = doc.lines[i - 1]!;
    if (l.top - above.bottom > 2.5 * Math.max(l.h, above.h) || l.segs.some(runningText)) return false;
  }
  return true;
}

/** A row's own verdict (tables with a Port?/Action column, or Port / Keep columns ticked). */
function rowVerdict(
  doc: DocLayout,
  line: Line,
  seg: Seg,
  ticks: readonly TickColumn[],
): { rowNo: boolean; rowYes: boolean; inactive: boolean } {
  const others = line.segs
    .filter((s) => s !== seg)
    .map((s) =>
      s.toks
        .map((t) => t.text)
        .join(' ')
        .trim(),
    );
  // an empty box is a "no" only where the row ticks no other box (a Port [X] | Keep [ ] pair says yes)
  const ticked = others.some((t) => TICKED_BOX.test(t));
  let rowNo =
    others.some((t) => ROW_NO.test(t) || ROW_STAY_ACTION.test(t)) || (!ticked && others.some((t) => EMPTY_BOX.test(t)));
  let rowYes = ticked || others.some((t) => ROW_YES.test(t) || ROW_MOVE_ACTION.test(t));
  // a tick says what its column's heading says: under "Keep" / "Do not port" / "Disconnect" the row stays,
  // under "Port" it moves; a table whose "Port" column is ticked on some rows leaves this one, blank, behind
  const cols = ticks.filter((c) => c.page === line.page && c.headLine < line.id);
  const under = (c: TickColumn, s: Seg) => cellOver(doc.lines[c.headLine]!, s) === c.head;
  if (cols.length) {
    const inCol = line.segs
      .filter((s) => s !== seg && TICK.test(segText(s.toks).trim()))
      .map((s) => cols.find((c) => c.ticked.has(line.id) && under(c, s)))
      .filter((c): c is TickColumn => !!c);
    if (inCol.length) {
      rowNo = inCol.some((c) => c.stay);
      rowYes = !rowNo;
    } else if (
      !rowNo &&
      !rowYes &&
      cols.some((c) => !c.stay && !under(c, seg) && rowUnder(doc, c, line) && !line.segs.some((s) => under(c, s)))
    )
      rowNo = true;
  }
  return {
    rowNo,
    rowYes,
    inactive: line.segs.some(
      (s) =>
        s !== seg &&
        (ROW_INACTIVE.test(segText(s.toks).trim()) || keyedInactive(segText(s.toks).trim())) &&
        !anotherPanelBetween(doc, line, seg, s),
    ),
  };
}

/**
 * A number captioned on its left ("Main Line: | 303-555-0161") and, past a cell starting far off after
 * it, a status at the line's end: that cell heads another panel level with the number's row (an account
 * profile's card heading "Site 2 - Annex ... Disconnected" beside a sidebar fact), its status the card's.
 */
function anotherPanelBetween(doc: DocLayout, line: Line, seg: Seg, status: Seg): boolean {
  const at = line.segs.indexOf(seg);
  const caption = line.segs[at - 1];
  // (a label's cell: a table row's cells before its number are values, "Novak & Berg, PC | +1 312 …")
  const isCaption =
    !!caption &&
    (/:$/.test(segText(caption.toks).trim()) ||
      !!doc.hitsBySeg.get(caption.id)?.some((h) => h.end === caption.toks.length));
  if (!caption || !isCaption || status.x0 <= seg.x1) return false;
  const between = line.segs.slice(at + 1, line.segs.indexOf(status));
  return between.some((s) => s.x0 - seg.x1 >= 6 * line.h && /\p{L}/u.test(segText(s.toks)));
}

/** A cell of "key: value" pairs one of whose values says the line has left ("class: 1MB status: cancelled"). */
function keyedInactive(cell: string): boolean {
  return cell
    .split(/:\s*/)
    .slice(1)
    .some((v) => ROW_INACTIVE.test(v));
}

/**
 * The section: last heading before the number in reading order (a sentence can hold both "do not
 * port" and "the following numbers": the negative one wins on its line).
 */
function sectionOf(sections: Hit[], line: Line, first: Tok): PhoneOccurrence['section'] {
  let section: PhoneOccurrence['section'] = null;
  let sectionLine = -1;
  for (const h of sections) {
    const before = h.line < line.id || (h.line === line.id && h.x1 <= first.x0);
    if (!before) continue;
    // a list of numbers to keep is short and ends on its page: a later page (an attachment, the rest
    // of the form) lists what the form is about again
    if (h.field === 'not_to_port' && h.page !== line.page) continue;
    if (h.line > sectionLine || (h.line === sectionLine && h.field === 'not_to_port')) {
      section = h.field as 'to_port' | 'not_to_port';
      sectionLine = h.line;
    }
  }
  return section;
}

interface DocPhoneContext {
  owner: Map<Tok, Hit>;
  callLines: Set<number>;
  remarkLines: Set<number>;
  sections: Hit[];
  signOff: Set<number>;
  ticks: TickColumn[];
}

/**
 * A status written right after the number in its own cell or list ("920-802-9582 disc", "(312) 555-0152
 * (disc), …", "7155550105 - disconnected"): that line has left the account.
 */
function statusAfter(doc: DocLayout, line: Line, seg: Seg, toks: Tok[]): boolean {
  const last = toks[toks.length - 1]!;
  // (a full stop closing the number ends its sentence: "… and 402-555-0162. Cancelled: …" opens the next)
  if (last.seg !== seg.id || /\.$/.test(last.text)) return false;
  let after = tokText(seg.toks.slice(last.idx + 1), false).text;
  // a sentence wrapped right after its verb ("Number 937 786 4120 was" / "disconnected on …") goes on
  // at the start of the next line of its paragraph
  const next = doc.lines[line.id + 1];
  if (/^\s*(?:is|was|has\s+been)\s*$/i.test(after) && next?.page === line.page && next.segs[0])
    after = `${after} ${tokText(next.segs[0].toks.slice(0, 4), false).text}`;
  after = after
    .replace(/^[\s(\-–—:,;]+/, '')
    // a sentence saying so: "734-920-4114 is not on this account", "… was disconnected"
    .replace(/^(?:is|was|has\s+been)\s+/i, '');
  return ROW_INACTIVE.test(after);
}

/**
 * Words before the number that caption it with an inactive status ("Previously disconnected: 937 555
 * 0151", "Cancelled lines: …", a bracketed "(Disconnected: …)"): the status word closing a caption with
 * its colon says the line has left.
 */
function statusBefore(before: string): boolean {
  const m = /(\S+)(?:\s+(?:numbers?|lines?|tns?))?\s*:\s*$/i.exec(before);
  // (a remark in brackets opens with its bracket: "(Disconnected: 925-555-0141 - not portable.)")
  const status = m?.[1]!.replace(/^[([{]+/, '');
  return !!status && ROW_INACTIVE.test(status) && !/\d/.test(status);
}

/**
 * A number listed, indented, under a heading that says its lines have left ("Disconnected numbers:",
 * "Pending disconnect", a data record's "disconnectedTns" array): the nearest line above standing further
 * left is the list's heading, on the number's page.
 */
function underInactiveHeading(doc: DocLayout, line: Line): boolean {
  const x = line.toks[0]?.x0 ?? 0;
  for (let i = line.id - 1; i >= 0 && line.id - i <= 80; i--) {
    const l = doc.lines[i]!;
    if (l.page !== line.page) return false;
    if ((l.toks[0]?.x0 ?? 0) >= x - 2) continue;
    const text = segText(l.toks).trim().replace(/:$/, '');
    return !/\d/.test(text) && ROW_INACTIVE.test(text);
  }
  return false;
}

/**
 * A caption cell's text with the cells after it a word's space away on its line: one caption the reader cut
 * where a word of it opens another label ("TNs NOT | ON THIS ACCOUNT", "REP DIRECT | LINE").
 */
function captionRun(doc: DocLayout, cell: Seg): string {
  const line = doc.lines[cell.line]!;
  let text = segText(cell.toks);
  let prev = cell;
  for (const next of line.segs.slice(line.segs.indexOf(cell) + 1)) {
    if (next.x0 - prev.x1 > 1.2 * line.h || /\d/.test(segText(next.toks))) break;
    text += ` ${segText(next.toks)}`;
    prev = next;
  }
  return text;
}

/** The words a caption names numbers by, before what it says of them ("TNs not on this account"). */
const NUMBERS_NOUN = /^(?:(?:working|telephone|tel\.?|phone)\s+)?(?:tns?|numbers?|nos?\.?|lines?|dids?)\s+/i;

/**
 * A number in a box or column whose caption, up its column past the numbers over it, says its lines have
 * left ("DISCONNECTED / NOT ON ACCOUNT", "TNs NOT ON THIS ACCOUNT", "Disconnected TNs"), though the box
 * shares its line with the box of working numbers beside it.
 */
function underInactiveCaption(doc: DocLayout, line: Line, seg: Seg): boolean {
  for (const above of segsAboveInColumn(doc, line, seg, 40)) {
    const t = captionRun(doc, above).trim();
    if (findPhones(t).length) continue;
    const caption = t.replace(/:$/, '').replace(NUMBERS_NOUN, '');
    return !/\d/.test(caption) && ROW_INACTIVE.test(caption);
  }
  return false;
}

/**
 * What a site's status says when the account has left it: a line's inactive word (ROW_INACTIVE), or an
 * ending verb's past participle said of a place — closed, moved (away / out), relocated, vacated,
 * discontinued, ended, removed —, or "former" / "no longer active"; alone or with the date it happened
 * ("Closed 03/2021", "Moved - 2024-01-05"), never a cell of other text that merely holds one. Not
 * "suspended": a site on a seasonal hold keeps its lines, as a suspended line stays (ROW_INACTIVE).
 */
const SITE_LEFT =
  /^(?:(?:closed|moved|relocated|vacated|discontinued|ended|removed|former)(?:\s+(?:out|away|down|location|site))?|no\s+longer\s+(?:active|in\s+service|served)|not\s+active|non[\s-]?active)$/i;
/** A date or month a status cell may close on ("Closed 03/2021", "Moved on 5/1/24", "Disc. Jan 2024"). */
const STATUS_DATE =
  /[\s:,(\-–—]+(?:on\s+|since\s+|eff\.?\s+)?(?:\d{1,4}(?:[/.-]\d{1,4}){1,2}|[a-z]{3,9}\.?\s+\d{2,4}|\d{4})\)?$/i;

function siteLeft(cell: string): boolean {
  const t = cell.replace(STATUS_DATE, '').trim().replace(/[.:]$/, '');
  return !/\d/.test(t) && (ROW_INACTIVE.test(t) || SITE_LEFT.test(t));
}

/**
 * A number inside a card whose heading line ends with the card's status, right of the number ("Site 2 -
 * Warehouse ........ Disconnected" over its premises and lines): the nearest line above that starts at or
 * left of the number, holds no number of its own and has a status cell past the number's right edge is
 * the card's heading. An inactive status there means the site's lines have left the account (and its
 * premises are no service address: fields.ts); an active one (or a heading with no status) leaves them
 * on it.
 */
export function inInactiveCard(doc: DocLayout, line: Line, seg: Seg): boolean {
  for (let i = line.id - 1; i >= 0 && line.id - i <= 40; i--) {
    const l = doc.lines[i]!;
    if (l.page !== line.page) return false;
    // (only the cells from the last one starting at or left of the number: a panel further left shares
    // the page's lines)
    const from = l.segs.findLastIndex((s) => s.x0 <= seg.x0 + 2);
    const over = from < 0 ? [] : l.segs.slice(from);
    if (over.length < 2) continue;
    if (over.some((s) => /\d{3}\D{0,2}\d{4}/.test(segText(s.toks)))) continue;
    // (two cards side by side share the heading line: the status nearest right of the number is its card's)
    const right = over.filter((s) => s.x0 > seg.x1);
    // (a cell typed under a box's caption is that box's value: "NOT ON FILE" under "PASSCODE / PIN" beside
    // the box of the authorized user is no status of a card)
    // (nor is a cell with its own value typed right under it: "DISCONNECTED LINES" heading its box of
    // numbers beside the box of working ones)
    const at = right.findIndex(
      (s) => isSiteStatus(segText(s.toks).trim()) && !boxValue(doc, l, s) && !headsItsColumn(doc, l, s),
    );
    if (at < 0) continue;
    // a heading cell starting past the number's end, before the status, opens a card to the number's
    // right (a sidebar's value beside the panel of cards shares the heading's line): not the number's card
    if (at > 0) continue;
    return !ACTIVE_CELL.test(segText(right[at]!.toks).trim());
  }
  return false;
}

/** A cell with a cell of the next line, close under it, starting at its left edge: its column's caption. */
function headsItsColumn(doc: DocLayout, line: Line, cell: Seg): boolean {
  const next = doc.lines[line.id + 1];
  if (!next || next.page !== line.page || next.top - line.bottom > Math.max(1.6 * line.h, 6)) return false;
  return next.segs.some((s) => Math.abs(s.x0 - cell.x0) <= Math.max(4, 0.8 * line.h));
}

/** A cell right under a caption: that box's or column's value. */
function boxValue(doc: DocLayout, line: Line, cell: Seg): boolean {
  const above = segsAboveInColumn(doc, line, cell, 1).next().value;
  // (another card's status over it is no caption: "Inactive" over "Active", two cards down a column)
  return !!above && wholeLabelCell(doc, above) && !isSiteStatus(segText(above.toks).trim());
}

function isSiteStatus(cell: string): boolean {
  return ACTIVE_CELL.test(cell) || siteLeft(cell);
}

/** A column heading asking whether the row's number is the account's: "On account", "Found on CSR", "On record". */
const ON_ACCOUNT_HEAD =
  /^(?:on\s+(?:this\s+|the\s+)?(?:account|acct|records?|file|csr)|found(?:\s+(?:on|in)\s+(?:the\s+)?(?:csr|account|records?))?|in\s+(?:our\s+)?records?)\??$/i;
/** A row's answer in a yes/no column (the cells between a heading and the row). */
const ANSWER_CELL = /^(?:y|yes|n|no|n\/a|-|eligible|ineligible)\.?$/i;

/**
 * "No" in a column headed "On account" / "Found on CSR" (a verification response's numbers table: the
 * numbers the other side asked about, each answered): that number is not on the account. The heading is
 * the first cell above at the answer's left edge that is not itself an answer.
 */
function offAccountCell(doc: DocLayout, line: Line, seg: Seg): boolean {
  for (const cell of line.segs) {
    if (cell.x0 <= seg.x1 || !/^(?:n|no)\.?$/i.test(segText(cell.toks).trim())) continue;
    let prev = line;
    for (let i = line.id - 1; i >= 0; i--) {
      const l = doc.lines[i]!;
      if (l.page !== line.page || prev.top - l.bottom > 2.5 * Math.max(l.h, prev.h)) break;
      prev = l;
      const above = l.segs.find((s) => Math.abs(s.x0 - cell.x0) <= Math.max(4, 0.8 * l.h));
      if (!above) continue;
      const t = segText(above.toks).trim().replace(/:$/, '');
      if (ANSWER_CELL.test(t) || ROW_INACTIVE.test(t)) continue;
      if (ON_ACCOUNT_HEAD.test(t)) return true;
      break;
    }
  }
  return false;
}

/** A status column's word for a working line. */
export const ACTIVE_CELL = /^(?:active|a|act|actv|w|working|wkg|in|in\s*(?:service|svc))$/i;
/**
 * A record's short status code for a line that has left: D(isconnected), CAN / CNL (cancelled), OUT (of
 * service). In capitals, as a record prints its codes (as OCR may have read them: "ouT", capitalsAsRead);
 * read only in a status column (statusCode).
 */
export const GONE_CODE = /^(?:D|DSC|CAN|CNL|OUT)\.?$/;

/**
 * A one-letter status code in a row's status column ("D" where the column's other rows say "ACTIVE"):
 * the line is disconnected. The column is known by its other rows, so a lone "D" elsewhere says nothing.
 */
function statusCode(doc: DocLayout, line: Line, seg: Seg): boolean {
  const code = line.segs.find(
    (sg) => sg !== seg && sg.x0 > seg.x1 && GONE_CODE.test(capitalsAsRead(segText(sg.toks).trim())),
  );
  if (!code) return false;
  return doc.lines.some(
    (l) =>
      l !== line &&
      // (on any page: a list running on over screens or pages keeps its columns)
      l.segs.some((sg) => Math.abs(sg.x0 - code.x0) <= 4 && ACTIVE_CELL.test(segText(sg.toks).trim())),
  );
}

/**
 * The lines of a sign-off block on a carrier's record or bill: under a closing ("Regards,", "Thank you,")
 * and the space left to sign in, the sender's name, title, company, direct and fax numbers and e-mail, down
 * to the next gap. The
 * carrier's staff sign what it sends, so those numbers reach them and are never a line on the account
 * (an LOA is signed by the customer, whose number under the signature may be one).
 */
function signOffLines(doc: DocLayout, anyKind = false): Set<number> {
  const out = new Set<number>();
  if (doc.kind === 'loa' && !anyKind) return out;
  for (const line of doc.lines) {
    if (!CLOSING.test(segText(line.toks).trim())) continue;
    let prev = line;
    for (const l of doc.lines.slice(line.id + 1, line.id + 9)) {
      // (the first gap, under the closing, is the space left for the signature: a few lines)
      const gap = prev === line ? 5 : 1.2;
      if (l.page !== line.page || l.top - prev.bottom > gap * Math.max(l.h, prev.h)) break;
      out.add(l.id);
      prev = l;
    }
  }
  return out;
}

/**
 * A letterhead's or footer's contact strip: the sender's address, e-mail and number on one line set apart
 * by marks, at the head or the foot of the page ("1 N Wacker Dr, Chicago IL 60606 | porting@acme.example |
 * (312) 555-0100"). A list of lines names no one's e-mail; the strip's number is the sender's.
 */
function contactStrip(doc: DocLayout, line: Line): boolean {
  if (!line.toks.some((t) => EMAIL_WORD.test(t.text))) return false;
  if (!line.toks.some((t) => BAND_SEPARATOR.test(t.text))) return false;
  const page = doc.lines.filter((l) => l.page === line.page);
  const top = page[0]!.top;
  const height = page.at(-1)!.bottom - top;
  const at = height > 0 ? (line.top - top) / height : 0;
  return at < 0.12 || at > 0.88;
}

/**
 * A bare number in a contact block: a line of its column just above or below it (no gap, no other
 * column between) is only a web address — a letterhead's phone beside the carrier's site and address
 * ("Spectrum Business / 8094 Forest Ter / … / 855-299-9353 / spectrum.net"), never a line on the account.
 */
function inWebBlock(doc: DocLayout, line: Line, seg: Seg): boolean {
  const near = [...segsAboveInColumn(doc, line, seg, 2)];
  let prev = line;
  let below = 0;
  for (let i = line.id + 1; i < doc.lines.length && below < 2; i++) {
    const l = doc.lines[i]!;
    if (l.page !== line.page || l.top - prev.bottom > Math.max(1.6 * l.h, 6)) break;
    const s = l.segs.find((x) => Math.abs(x.x0 - seg.x0) <= Math.max(4, 0.8 * l.h));
    if (!s) {
      if (l.segs.some((x) => x.x0 < seg.x1 && x.x1 > seg.x0 - 4)) break;
      continue;
    }
    near.push(s);
    prev = l;
    below++;
  }
  return near.some((s) => WEB_ADDRESS_CELL.test(segText(s.toks).trim()));
}

/**
 * A bill's call-detail row: it opens with a date, the number is in a later cell and a charge follows it
 * ("5/29/24 | 804-817-5987 | MIAMI FL | 39 | $4.18"). A bill lists its own lines by line or service,
 * never by the day, so a dated row's number is one the customer called, whatever the column is headed.
 */
const ROW_DATE = /^\d{1,2}[/-]\d{1,2}(?:[/-]\d{2,4})?$|^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?$/i;
function datedChargeRow(doc: DocLayout, line: Line, seg: Seg): boolean {
  if (doc.kind !== 'invoice' || line.segs.length < 3) return false;
  const first = line.segs[0]!;
  if (first === seg || !ROW_DATE.test(first.toks[0]?.text ?? '')) return false;
  const at = line.segs.indexOf(seg);
  const charged = (l: Line, from: number) =>
    l.segs.slice(from).some((sg) => sg.toks.some((t) => /^-?\$\d[\d,]*\.\d{2}$/.test(t.text)));
  if (!charged(line, at + 1)) return false;
  // the list has other calls: a row near it opens with a date in the same column and holds a number too
  // (a sidebar's lone date — "Invoice date" over "10/08/2026" — level with a lines list's row is another
  // panel's fact, not the row's day)
  const tol = startTolerance(line);
  return doc.lines
    .slice(Math.max(0, line.id - 3), line.id + 4)
    .some(
      (l) =>
        l !== line &&
        l.page === line.page &&
        Math.abs(l.segs[0]!.x0 - first.x0) <= tol &&
        ROW_DATE.test(l.segs[0]!.toks[0]?.text ?? '') &&
        l.segs.slice(1).some((sg) => findPhones(segText(sg.toks)).length > 0),
    );
}

const ROSTER_ROLE = new RegExp(`\\b(?:${ROSTER_ROLE_WORDS.join('|')})\\b`, 'i');
/** A person's name alone in a cell: two to four capitalised words, no digits. */
const PERSON_CELL =
  /^\p{Lu}[\p{L}\p{M}'’-]+(?:\s+(?:\p{Lu}[\p{L}\p{M}'’.-]*|(?:van|von|der|den|de|del|della|da|di|du|la|le)\b)){1,4}$/u;

/**
 * A roster row ("Yolanda Patel | Account admin | +1 213 787 2353"): a person's name and a role in the
 * cells before the number. The number is how to reach that person, not a line on the account (a lines
 * table names the line's user too, but no role).
 */
function rosterRow(line: Line, seg: Seg): boolean {
  const before = line.segs.slice(0, line.segs.indexOf(seg)).map((s) => segText(s.toks).trim());
  const role = (t: string) => t.split(/\s+/).length <= 4 && !/\d/.test(t) && ROSTER_ROLE.test(t);
  return before.some((t) => PERSON_CELL.test(t) && !role(t)) && before.some(role);
}

/**
 * A web portal's signed-in user as the page's header greets them: "Signed in as Ana Ruiz", "Logged in:
 * Ana Ruiz", "Welcome, Ana Ruiz", "Hello, Ana Ruiz", or the user's name with a portal role in brackets
 * ("Ana Ruiz (Administrator)").
 */
const SESSION_GREETING = /^(?:(?:signed|logged)\s+(?:in|on)\b|(?:welcome|hello|hi)(?:\s+back)?\s*[,!:]\s*\S)/i;
function sessionUserCell(t: string): boolean {
  if (SESSION_GREETING.test(t)) return true;
  const m = /^(.+?)\s*\(([^()]+)\)$/.exec(t);
  return !!m && PERSON_CELL.test(m[1]!) && ROSTER_ROLE.test(m[2]!) && !/\d/.test(m[2]!);
}

/**
 * A number on a portal's signed-in user's line or right under it (a cell of the line above overlapping
 * the number's, whichever edge the two are set to: a page's header sets them flush right): how to reach
 * the person using the portal, not a line on the account.
 */
function signedInUser(doc: DocLayout, line: Line, seg: Seg, first: Tok): boolean {
  if (sessionUserCell(segText(seg.toks.slice(0, first.idx)).trim())) return true;
  if (line.segs.slice(0, line.segs.indexOf(seg)).some((s) => sessionUserCell(segText(s.toks).trim()))) return true;
  // (the line above in the reading order may be another column's: a logo in large type level with both)
  for (let i = line.id - 1; i >= Math.max(0, line.id - 3); i--) {
    const l = doc.lines[i]!;
    if (l.page !== line.page || line.top - l.bottom > Math.max(1.6 * l.h, 6)) return false;
    const over = l.segs.find((s) => s.x0 < seg.x1 && s.x1 > seg.x0);
    if (over) return sessionUserCell(segText(over.toks).trim());
  }
  return false;
}

/** Labels of the customer's own facts: a block holding one is the customer's, not the carrier's. */
const OWNING_LABELS: ReadonlySet<string> = new Set(['service_address', ...ACCOUNT_PHONE_FIELDS]);
const CUSTOMER_LABELS: ReadonlySet<string> = new Set([
  ...OWNING_LABELS,
  'account_name',
  'account_number',
  'authorized_person',
  'pin',
  // an address caption of its own ("LOSING CARRIER / Granite Telecom" over "STREET ADDRESS / 29 Spring
  // Blvd"): the next cell of a form, not the carrier's box (whose own address has no such caption)
  'addr_street',
  'addr_unit',
  'addr_city',
  'addr_state',
  'addr_zip',
]);

/** A number captioned by a way to call ("Tel 270.555.0197", "Voice: …") or to fax ("FAX 270.496.5902"). */
const CALL_WORD_NUMBER = /\b(?:tel|telephone|phone|ph|voice|main|office|desk)\.?:?\s*[(+\d]/i;
const FAX_WORD_NUMBER = /\bfax\.?:?\s*(?:no\.?\s*)?[(+\d]/i;

/**
 * A sender's desk line in its letterhead: one line giving a number to call and a number to fax, each after
 * its word ("Port-Out Desk - Tel 270.555.0197  FAX 270.496.5902", "… Center - Voice 914… FAX 914…"), above
 * every caption of the customer's facts on its page — how to reach the carrier that sent the record, not
 * lines on the account. (An LOA's letterhead is the customer's: fields.ts reads it.)
 */
function deskLineOfLetterhead(doc: DocLayout, line: Line): boolean {
  if (doc.kind === 'loa') return false;
  const t = segText(line.toks);
  if (!CALL_WORD_NUMBER.test(t) || !FAX_WORD_NUMBER.test(t) || findPhones(t).length < 2) return false;
  return !doc.hits.some((h) => h.page === line.page && h.line < line.id && CUSTOMER_LABELS.has(h.field));
}

/** A caption of one singular word for a number ("Line", "Number:"): says nothing of whose number it is. */
function bareNumberCaption(h: Hit): boolean {
  return h.field === 'phone_list' && h.end - h.start === 1 && /^(?:line|number):?$/i.test(h.seg.toks[h.start]!.text);
}

/**
 * A heading naming someone to reach, or the people on the account ("On-site contact", "SITE CONTACT FOR
 * CUTOVER", "Contact:", "Account Contacts", "People"), or a desk's block ("Questions?" over "Business Office: 555-…").
 */
const CONTACT_HEADING = /\b(?:contacts?|people|questions)\b/i;
/** A heading naming the account's lines ("Mobile lines", "Telephone Numbers", "TNs"). */
const LINES_HEADING = /\b(?:lines|numbers|tns|dids)\b/i;
/** A word that is an e-mail address ("kenji@bergwash.com", "<a.lee@acme.net>;"). */
const EMAIL_WORD = /^[<(]?[\w.+-]+@[\w-]+(?:\.[\w-]+)+[>),;.]*$/;
/**
 * A person's name closing the words before a number, a role in brackets after it or not, then the
 * separator ("Kenji Tanaka, 801-…", "Billing Contact: KENJI TANAKA  801-…", "Ibrahim T. Abernathy
 * (Primary / Authorized) - 801-…").
 */
const NAME_BEFORE_NUMBER =
  /(?:^|[\s:])[A-Z][A-Za-z'’-]+(?:\s+(?:[A-Z][A-Za-z'’.-]*|(?:van|von|der|den|de|del|della|da|di|du|la|le)\b)){1,4}(?:\s*\([^()\d]{2,40}\))?\s*[,\-–—|]?\s*$/;

/**
 * A row of a contacts list: a person and how to reach them — their e-mail address beside the number
 * ("Kenji Tanaka | Billing | 801-681-0946 | kenji@…"), or the number right after their name ("Billing: Kenji
 * Tanaka, 801-681-0946"). A list of lines names no one's e-mail, and puts its numbers first.
 */
function contactRow(line: Line): boolean {
  if (line.toks.some((t) => EMAIL_WORD.test(t.text))) return true;
  const text = segText(line.toks);
  const first = findPhones(text)[0];
  return !!first && NAME_BEFORE_NUMBER.test(text.slice(0, first.start));
}

/**
 * A number in the block a contact heading opens ("Installation contact" over "Name | Direct line" over
 * "Omar Kowalski | (701) 555-0173"): how to reach that person, whatever the number's own caption says.
 * The block runs up from the number's line to the heading without a numbers label, a wide gap or another
 * number between — but another contact's row (a person with their number and e-mail: a contacts section
 * lists several people) — a list of lines to port below a contact's name is not the contact's.
 */
function underContactHeading(doc: DocLayout, line: Line, seg: Seg): boolean {
  // (a cell left of the number that heads a value of its own below is another panel's — a sidebar's
  // "Business Office:" over its number, level with a row of the lines list —: the block starts right of it)
  const left = line.segs[line.segs.indexOf(seg) - 1];
  const panelLeft = left && !captionLeftOf(doc, line, seg) ? left.x1 : -Infinity;
  let below = line;
  for (let i = line.id - 1; i >= Math.max(0, line.id - 6); i--) {
    const l = doc.lines[i]!;
    if (l.page !== line.page || below.top - l.bottom > 2.2 * Math.max(l.h, below.h)) return false;
    below = l;
    // (a panel beside the number's — a bill's charges beside its sidebar — shares the page's lines: its
    // cells are no part of the block)
    const cells = l.segs.filter((s) => s.x0 > panelLeft && s.x0 <= seg.x1);
    if (!cells.length) continue;
    const numbersLabel = (h: Hit) => ACCOUNT_PHONE_FIELDS.has(h.field) && !bareNumberCaption(h);
    if (cells.some((s) => (doc.hitsBySeg.get(s.id) ?? []).some(numbersLabel))) return false;
    const toks = cells.flatMap((s) => s.toks);
    const text = segText(toks);
    if (findPhones(text).length && !contactRow(l)) return false;
    // (a heading stands alone: "Authorized contact: Priya Hernandez" is a label and its value)
    const labelled = (doc.hitsBySeg.get(cells[0]!.id) ?? []).some((h) => h.end < cells[0]!.toks.length);
    const heading = cells.length === 1 && toks.length <= 6 && !labelled && !/\d/.test(text);
    if (heading && CONTACT_HEADING.test(text)) return true;
    // a heading of the account's lines between ("Mobile lines" under "People on this account") opens their section
    if (heading && LINES_HEADING.test(text)) return false;
  }
  return false;
}

/** The block this cell is in opens with a carrier's label ("Current carrier Acme Telecom"), in it or a few lines up its column. */
export function carrierBlockAbove(doc: DocLayout, line: Line, seg: Seg): boolean {
  for (const s of [seg, ...segsAboveInColumn(doc, line, seg, 5)]) {
    const hits = doc.hitsBySeg.get(s.id) ?? [];
    // (the carrier named beside its label: a caption alone may be a caption BELOW its value, "Acme
    // Telecom" over "LOSING CARRIER", with the next cell's value under it)
    if (hits.some((h) => h.field === 'carrier_name' && h.start === 0 && h.end < s.toks.length)) return true;
    // another field's label between them ("Current carrier: Acme" over "Service address: 12 Elm St"):
    // the block of that label, not the carrier's
    if (hits.some((h) => (s === seg ? OWNING_LABELS : CUSTOMER_LABELS).has(h.field))) return false;
  }
  return false;
}

/**
 * The caption just over a value: its column's cell, or a cell on the line right above that starts a little
 * left of it and reaches over it — a form's caption hung left of its indented value ("A4. Fax No." over
 * "   574 555 0196").
 */
function captionOver(doc: DocLayout, line: Line, seg: Seg): Seg | undefined {
  const same = segsAboveInColumn(doc, line, seg, 1).next().value;
  if (same) return same;
  const prev = doc.lines[line.id - 1];
  if (!prev || prev.page !== line.page || line.top - prev.bottom > Math.max(1.6 * prev.h, 6)) return undefined;
  return prev.segs.find((s) => s.x0 < seg.x0 && seg.x0 - s.x0 <= 3 * prev.h && s.x1 > seg.x0);
}

/**
 * The words just before a number name a call-forwarding feature: a word of forwarding ("FWD", "forwarded
 * to") or a call-forwarding feature's initials (CF with a letter or two around it: RCF remote, CFB busy,
 * CFNA no answer, CFN number) among the last three words — the number is the forwarding destination.
 */
export function forwardingTarget(before: string): boolean {
  const words = before
    .split(/[\s/]+/)
    .map((w) => w.replace(/[^A-Za-z]/g, ''))
    .filter(Boolean)
    .slice(-3);
  return words.some((w) => /^(?:fwd|fwdg|forward(?:ed|ing|s)?|[a-z]?cf[a-z]{0,2})$/i.test(w) && w.length <= 10);
}

const issuerCache = new WeakMap<DocLayout, string | null>();

/** The issuer's name as its letterhead prints it: a cell of words alone in large type on page 1's first lines. */
function letterheadIssuer(doc: DocLayout): string | null {
  if (issuerCache.has(doc)) return issuerCache.get(doc)!;
  const page = doc.lines[0]?.page;
  const cell = doc.lines
    .filter((l) => l.page === page)
    .slice(0, 3)
    .flatMap((l) => l.segs)
    .find((sg) => {
      const t = segText(sg.toks);
      return /\p{L}{2}/u.test(t) && !/\d/.test(t) && sg.toks.length <= 6 && isLetterheadName(doc, sg.toks);
    });
  // (a name beside its desk line comes first: a form's title in large type under it is no issuer)
  const named = nameBesideItsDesk(doc) ?? cell;
  const out = named ? labelKey(segText(named.toks)) : null;
  issuerCache.set(doc, out);
  return out;
}

/**
 * The page's first cell, words alone, set larger than the rest of its line ("Telnyx" beside "LNP Desk
 * 855…" in small type): a letterhead's name beside its desk line, however small the name is against a
 * form whose dotted rows stand taller than their type (isLetterheadName weighs the name against the page).
 */
function nameBesideItsDesk(doc: DocLayout): Seg | undefined {
  const first = doc.lines[0];
  const [name, ...rest] = first?.segs ?? [];
  if (!name || !rest.length || doc.hitsBySeg.get(name.id)?.length) return undefined;
  const t = segText(name.toks);
  if (!/\p{L}{2}/u.test(t) || /\d/.test(t) || name.toks.length > 6) return undefined;
  const h = typicalHeight(name.toks);
  return rest.every((sg) => h >= 1.2 * typicalHeight(sg.toks)) ? name : undefined;
}

/** A caption without the dotted (or underscored) leader that runs from it to its value ("Best number to reach . . . ."). */
const withoutLeader = (caption: string) => caption.replace(/(?:\s*[._]){2,}\s*$/, '');

/**
 * A cell right of the letterhead issuer's name, on its line or the next two close under it (the desk and
 * fax lines set flush right beside the name), or level with the name's top.
 */
function besideIssuer(doc: DocLayout, line: Line, seg: Seg, issuer: string): boolean {
  const named = (l: Line) => l.segs.some((sg) => sg.x1 < seg.x0 && labelKey(segText(sg.toks)) === issuer);
  // (the name in large type may sit a little lower than a small desk line set level with its top)
  const next = doc.lines[line.id + 1];
  if (next?.page === line.page && next.top < line.bottom && named(next)) return true;
  let below = line;
  for (let id = line.id; id >= 0 && id >= line.id - 2; id--) {
    const l = doc.lines[id]!;
    if (l.page !== line.page || below.top - l.bottom > 1.5 * Math.max(l.h, below.h)) return false;
    if (named(l)) return true;
    below = l;
  }
  return false;
}

/**
 * A number no account label claims that its document's sender prints as its own: on an LOA, a toll-free
 * number after the letterhead's own name in its cell ("Meridian Voice  Porting desk 877.365.7226" in a
 * form's footer) or right of that name in the letterhead ("Meridian Voice  |  Port Center 855 555 0113"):
 * the issuer's desk, whatever the desk is called, not a line the customer ports; on a bill or record
 * written as a letter, its letterhead's number after "Tel" / "Phone" / "Office", above the letter's first
 * sentence: the sender's office (an LOA's letterhead is the customer's: fields.ts reads it).
 */
function sendersOwn(doc: DocLayout, line: Line, seg: Seg, ph: FoundPhone, toks: Tok[]): boolean {
  if (doc.kind !== 'loa') return writtenAsLetter(doc) && numberRole(doc, toks) === 'contact';
  if (!isTollFreeNanp(ph.e164)) return false;
  const issuer = letterheadIssuer(doc);
  const first = toks[0]!;
  return (
    !!issuer &&
    (labelKey(segText(seg.toks.slice(0, first.idx))).startsWith(issuer) ||
      issuerStripBefore(seg.toks.slice(0, first.idx), issuer) ||
      besideIssuer(doc, line, seg, issuer))
  );
}

/** Words a contact strip sets between its numbers ("…0193, direct 888-…", "… or fax …"). */
const STRIP_WORD = /^(?:direct|dir|fax|tel|phone|ph|main|or|and|ext|desk|office|toll-?free|line|cell|mobile)\.?[:,]?$/i;

/**
 * The issuer's name, then its numbers, ending the words before a number in its cell: a strip of the
 * sender's contacts after whatever leads it ("Return to Port Desk Voice 888-555-0193, direct 888-…",
 * "Questions? Meridian Voice 844 555 0123"), with nothing but numbers and a few phone words between.
 */
function issuerStripBefore(before: Tok[], issuer: string): boolean {
  for (let j = 0; j < before.length; j++) {
    let key = '';
    for (let k = j; k < before.length && key.length < issuer.length; k++) {
      key += labelKey(before[k]!.text);
      if (key !== issuer) continue;
      const tail = before.slice(k + 1).filter((t) => /\p{L}/u.test(t.text));
      return tail.length <= 2 && tail.every((t) => STRIP_WORD.test(t.text));
    }
  }
  return false;
}

/** A word a caption cannot end on: a preposition or article whose object is still to come ("Best number to"). */
const OPEN_CAPTION_END = /\b(?:to|of|for|at|on|by|in|the|a|an)\s*$/i;

/**
 * A caption cell left of a number, with its wrapped end: a caption stopping on a preposition or article
 * goes on in the line under it, in a cell at its left edge that stops before the number ("Best Number to"
 * over "Reach", the number set beside the first line).
 */
function captionWrapped(doc: DocLayout, line: Line, left: Seg, seg: Seg): string {
  const caption = segText(left.toks);
  if (!OPEN_CAPTION_END.test(withoutLeader(caption))) return caption;
  const next = doc.lines[line.id + 1];
  if (!next || next.page !== line.page || next.top - line.bottom > 0.8 * Math.max(line.h, next.h)) return caption;
  const tol = startTolerance(line);
  const rest = next.segs.find((s) => Math.abs(s.x0 - left.x0) <= tol && s.x1 < seg.x0);
  return rest && rest.toks.length <= 3 && !/\d/.test(segText(rest.toks))
    ? `${withoutLeader(caption)} ${segText(rest.toks)}`
    : caption;
}

/** A cell holding one phone number and nothing else. */
const PHONE_ONLY = /^\+?[\d\s().-]+$/;
/** A caption of a way to reach someone ("Phone:", "Office tel.", an e-mail), among a list's captions: a contact block. */
const CONTACT_BLOCK_CAPTION =
  /^(?:\w+\s+)?(?:phone|tel|telephone|cell|mobile|direct|e-?mail|contact|pager)(?:\s+(?:no\.?|number|#))?\s*:?$|@/i;

/**
 * A bare "Fax" naming one line of a list of the account's lines, each number under or beside its own name
 * ("Front desk" / "541 555 0110", "Fax" / "541 555 0147", "Reception" / …, an app's "Your lines" card): the
 * line's use, not a fax number to write back to. The list runs down the number's column with two other
 * numbers at least and no contact caption ("Phone", "Cell", "E-mail": a contact block's fax stands among those).
 */
function faxLineOfList(doc: DocLayout, line: Line, seg: Seg, caption: Seg | undefined): boolean {
  if (!caption || !/^fax(?:\s+line)?$/i.test(segText(caption.toks).trim())) return false;
  const tol = startTolerance(line);
  let numbers = 0;
  let contactCaption = false;
  for (const dir of [-1, 1]) {
    let prev = line;
    for (let i = line.id + dir; i >= 0 && i < doc.lines.length && Math.abs(i - line.id) <= 40; i += dir) {
      const l = doc.lines[i]!;
      const [upper, lower] = dir < 0 ? [l, prev] : [prev, l];
      if (l.page !== line.page || lower.top - upper.bottom > 2 * Math.max(l.h, prev.h)) break;
      const cell = l.segs.find((x) => Math.abs(x.x0 - seg.x0) <= tol);
      if (!cell) break;
      const t = segText(cell.toks).trim();
      const digits = t.replace(/\D/g, '').length;
      if (PHONE_ONLY.test(t) && digits >= 10 && digits <= 11) numbers++;
      else if (CONTACT_BLOCK_CAPTION.test(t)) contactCaption = true;
      prev = l;
    }
  }
  return numbers >= 2 && !contactCaption;
}

/** The number's label, unless it is a bare "Fax" naming one line of a list of the account's lines (its use). */
function unlessLineUse(doc: DocLayout, line: Line, seg: Seg, label: Hit | undefined): Hit | undefined {
  const caption = label?.field === 'contact' ? label.seg : captionOver(doc, line, seg);
  return faxLineOfList(doc, line, seg, caption) ? undefined : label;
}

/**
 * A form's caption over the box the number is written in says whose it is ("Best number to reach you" over
 * "605 265 8853"): how to call the customer back, not a line on the account (or the caption left of it:
 * "Partner callback | 1-918-396-5033"). A bare "Fax" naming one line of a list of lines says no such thing.
 */
function captionSaysContact(doc: DocLayout, line: Line, seg: Seg, first: Tok, before: string): boolean {
  const caption = captionOver(doc, line, seg);
  if (faxLineOfList(doc, line, seg, caption)) return false;
  const left = first.idx === 0 ? captionLeftOf(doc, line, seg) : undefined;
  return (
    (!!caption && CAPTION_CONTACT.test(captionRun(doc, caption))) ||
    CAPTION_CONTACT.test(withoutLeader(before)) ||
    // (a table's row cell left of the number, under its column's heading, is the row's value — "Virtual
    // Fax" under "User / Device" names the line's use, it is no caption of a number to write back to)
    (!!left &&
      CAPTION_CONTACT.test(withoutLeader(captionWrapped(doc, line, left, seg))) &&
      !inHeadedColumns(doc, line, left, seg, false))
  );
}

/** An extension right after the number in its cell: "x6084", "ext. 12", "Ext 220". */
function extensionAfter(seg: Seg, toks: readonly Tok[]): boolean {
  const last = toks.at(-1)!;
  if (last.seg !== seg.id) return false;
  const after = seg.toks
    .slice(last.idx + 1, last.idx + 3)
    .map((t) => t.text)
    .join(' ');
  return /^(?:x|ext|extn|extension)\.?\s*\d{1,6}\b/i.test(after);
}

/** One number found in a segment, with the context that decides what it is. */
function occurrence(doc: DocLayout, ctx: DocPhoneContext, line: Line, seg: Seg, ph: FoundPhone): PhoneOccurrence {
  const toks = ph.toks;
  const first = toks[0]!;
  const label = unlessLineUse(doc, line, seg, phoneLabel(doc, line, seg, first, ctx.owner));
  const before = wordsBefore(doc, line, seg, first);
  // a call record (a time of day on the row, or under "Number Called") lists someone else's number
  const callRecord =
    label?.field === 'called_number' ||
    ctx.callLines.has(line.id) ||
    datedChargeRow(doc, line, seg) ||
    line.segs.some((sg) => /\b\d{1,2}:\d{2}(:\d{2})?\s*([ap]\.?m\.?)?\b/i.test(sg.toks.map((t) => t.text).join(' ')));
  let contact = label?.field === 'contact' || label?.field === 'remit' || callRecord || rosterRow(line, seg);
  let support = false;
  if (
    !label ||
    (label.field !== 'btn' &&
      label.field !== 'phone_list' &&
      label.field !== 'to_port' &&
      label.field !== 'not_to_port')
  ) {
    if (CONTACT_WORDS.test(before) || (!label && inWebBlock(doc, line, seg))) contact = support = true;
  }
  if ((!label || !PHONE_LABEL_FIELDS.has(label.field)) && !contact && captionSaysContact(doc, line, seg, first, before))
    contact = true;
  // (the desk's number is the desk's wherever else the page prints it: "… QUESTIONS CALL THE DESK AT …")
  if ((!label || label.line === line.id) && deskLineOfLetterhead(doc, line)) contact = support = true;
  // a number dialled on to an extension reaches a person or a desk behind a switchboard ("270.555.0199 x6084"):
  // a line ported is never written with one
  if (!contact && label?.field !== 'btn' && extensionAfter(seg, toks)) contact = true;
  // a call-forwarding feature's destination ("RCF /FWD TO 212-555-0158", "CREX /RCF …", "CFN /TN …"): where
  // the line's calls go, someone else's number, not a line on the account
  if (!contact && label?.field !== 'btn' && forwardingTarget(before)) contact = true;
  // under a contact heading even a bare "Line" / "Number" caption is the contact's ("DIRECT | LINE: 314 …")
  const bareCaption = !label || !PHONE_LABEL_FIELDS.has(label.field) || bareNumberCaption(label);
  if (!contact && bareCaption && underContactHeading(doc, line, seg)) contact = true;
  // the portal's signed-in user's number in a printed web page's header
  if (!contact && bareCaption && signedInUser(doc, line, seg, first)) contact = true;
  // a toll-free number no numbers label claims, on a carrier's own bill or record, is one of its desks
  // whatever the desk is called ("Business office 1-800-…", "To report trouble 1-800-…"): toll-free
  // numbers are RespOrg-managed and never a line on a local account
  if (!contact && doc.kind !== 'loa' && isTollFreeNanp(ph.e164) && (!label || !ACCOUNT_PHONE_FIELDS.has(label.field))) {
    contact = true;
    // captioned by words, it is the desk's number everywhere on the page
    support = /\p{L}/u.test(before);
  }
  if (
    !contact &&
    (!label || !ACCOUNT_PHONE_FIELDS.has(label.field)) &&
    (sendersOwn(doc, line, seg, ph, toks) || contactStrip(doc, line))
  )
    contact = true;
  // a record's free-text remarks name callers, callbacks and lines that went; its own lines are listed elsewhere
  // (whatever a remark's words above it seem to caption: "… not to be ported" over "cbr 928-256-8034")
  if (ctx.remarkLines.has(line.id) && (!label || label.line !== line.id || !ACCOUNT_PHONE_FIELDS.has(label.field)))
    contact = true;
  // the sender's sign-off under a closing: how to reach the carrier's staff
  if (!contact && ctx.signOff.has(line.id) && (!label || !ACCOUNT_PHONE_FIELDS.has(label.field))) contact = true;
  // a number captioned in its own cell inside the current carrier's block ("Current carrier Acme
  // Telecom / 8094 Forest Ter / Carson City, NV / Porting desk: 866-200-9522"): the carrier's line —
  // a caption of a few words, not a sentence whose line above names the carrier ("… current provider,
  // Acme, is …" over "… We ask you to port 2513666543")
  // (words alone before it, and the number ends its cell, as a caption's value does: a sentence's line
  // listing numbers goes on around it, "covers +1 616 221 8949, +1 616 555 0110, …", "… 1-603-392-7411
  // and 1-603-520-5140 through 1-603-520-5142.")
  if (
    !contact &&
    (!label || !PHONE_LABEL_FIELDS.has(label.field)) &&
    first.idx <= 4 &&
    seg.toks.length - (first.idx + toks.length) <= 2 &&
    !seg.toks.slice(0, first.idx).some((t) => /\d/.test(t.text)) &&
    /[A-Za-z]/.test(
      seg.toks
        .slice(0, first.idx)
        .map((t) => t.text)
        .join(' '),
    )
  )
    contact = carrierBlockAbove(doc, line, seg);
  const verdict = rowVerdict(doc, line, seg, ctx.ticks);
  const { rowNo, rowYes } = verdict;
  const inactive =
    verdict.inactive ||
    statusAfter(doc, line, seg, toks) ||
    statusBefore(before) ||
    statusCode(doc, line, seg) ||
    offAccountCell(doc, line, seg) ||
    underInactiveHeading(doc, line) ||
    underInactiveCaption(doc, line, seg) ||
    inInactiveCard(doc, line, seg);
  const section = sectionOf(ctx.sections, line, first);
  const inSentenceNo = label?.field === 'not_to_port';
  const notToPort = rowNo || (!rowYes && (section === 'not_to_port' || inSentenceNo));
  return {
    e164: ph.e164,
    toks,
    page: line.page,
    line: line.id,
    label,
    contact,
    support,
    notToPort,
    portYes: rowYes,
    section,
    inactive,
    deskLike:
      isTollFreeNanp(ph.e164) &&
      (!label || !ACCOUNT_PHONE_FIELDS.has(label.field)) &&
      first.idx > 0 &&
      /\p{L}/u.test(segText(seg.toks.slice(0, first.idx))),
  };
}

/** Labels of a document's own reference numbers (invoice, statement, order, ticket…). */
const IDENTIFIER_LABEL =
  /\b(invoice|inv|statement|stmt|order|ref|reference|confirmation|conf|ticket|case|tracking|receipt|transaction|document|doc)\b/i;
/** The same, written right before the value without a label hit ("Bill Number 3108873679", "INVOICE # …"). */
const IDENTIFIER_BEFORE =
  /\b(invoice|inv|bill|statement|stmt|order|document|doc|ref|reference|confirmation|ticket|receipt|transaction)\.?\s*(n[o°]\.?|num\.?|nbr\.?|number|#|id)?\s*[:#]?\s*$/i;
/** Such a caption on its own, as a header table's column caption over its value ("Bill No.", "Invoice #"). */
const IDENTIFIER_CAPTION = new RegExp(`^\\s*${IDENTIFIER_BEFORE.source}`, 'i');
/** Letters that OCR reads for digits: a prefix of only these may be a misread digit ("S094134032"). */
const LOOKALIKE_PREFIX = /^[OoIlSBZ|]+$/;

/**
 * A document's own reference number only looks like a phone number: one under an invoice, bill or
 * order number label ("Invoice No.: 3856802467", "Bill Number S728134966"), or letters glued to its
 * digits ("INV2797021220"; a lone lookalike letter only on a text layer, where OCR slips cannot be).
 */
function isIdentifier(doc: DocLayout, line: Line, seg: Seg, o: PhoneOccurrence): boolean {
  const first = o.toks[0]!;
  const prefix = /^([A-Za-z|]+)[-#]?\d/.exec(first.text)?.[1];
  if (prefix && (first.conf >= 1 || !LOOKALIKE_PREFIX.test(prefix))) return true;
  // a letter between digits on a text layer ("Signature ID: 978902A841"; an extension's "x" aside)
  if (o.toks.some((t) => t.conf >= 1 && /\d[A-WYZa-wyz]\d/.test(t.text))) return true;
  // (the label's words in any language the vocabulary reads: "Núm. de factura" is an invoice number)
  const labelText =
    o.label?.field === 'other' ? tokText(o.label.seg.toks.slice(o.label.start, o.label.end), false).text : '';
  if (labelText && (IDENTIFIER_LABEL.test(labelText) || IDENTIFIER_LABEL.test(labelStems(labelText).join(' '))))
    return true;
  const before =
    first.idx > 0
      ? seg.toks.slice(0, first.idx)
      : o.label?.field !== 'btn' && o.label?.field !== 'phone_list'
        ? (captionLeftOf(doc, line, seg)?.toks ?? [])
        : [];
  if (IDENTIFIER_BEFORE.test(tokText(before, false).text)) return true;
  // a number alone in a header table's cell under such a caption ("Bill No." over "8763270594")
  const alone = o.toks.length === seg.toks.length;
  const above = alone && !o.label ? segsAboveInColumn(doc, line, seg, 1).next().value : undefined;
  const caption = above ? tokText(above.toks, false).text : '';
  return !!caption && !/\d/.test(caption) && IDENTIFIER_CAPTION.test(caption);
}

/**
 * The cell left of a number on its line, read as its caption ("Partner callback | 1-918-…", "Ref |
 * 3108873679") — unless that cell, far off to the left, heads a value of its own right under it
 * ("CALLBACK" over "925-555-0139" in an account profile's sidebar, "Cust Ref" over "P97361401", level
 * with a location card's line further right): then the number is another panel's, that cell no caption
 * of it.
 */
function captionLeftOf(doc: DocLayout, line: Line, seg: Seg): Seg | undefined {
  const left = line.segs[line.segs.indexOf(seg) - 1];
  // (a table's row cell under its column's heading is the row's value — its type, "Fax", with a tick or a
  // choice before it on the row, the number's column headed as one of numbers — no caption of the number)
  if (
    left &&
    (inHeadedColumns(doc, line, left, seg) || inHeadedColumns(doc, line, left, seg, false, NUMBERS_COLUMN_HEADING))
  )
    return undefined;
  if (!left || seg.x0 - left.x1 < 6 * line.h) return left;
  const next = doc.lines[line.id + 1];
  if (!next || next.page !== line.page || next.top - line.bottom > 0.8 * line.h) return left;
  const tol = startTolerance(line);
  const own = next.segs.find((s) => Math.abs(s.x0 - left.x0) <= tol && s.x1 < seg.x0 - 2 * line.h);
  const t = own ? segText(own.toks).trim() : '';
  // (a caption stopping on a preposition wraps onto that line, words without a figure: "Best Number to" over
  // "Reach" — a value under it, "Reach me at" over "303-555-0199", is the caption's own)
  const wraps = OPEN_CAPTION_END.test(withoutLeader(segText(left.toks))) && !/\d/.test(t);
  return own && !/:$/.test(t) && !looksLikeLabelText(t) && !wraps ? undefined : left;
}

/**
 * A table's heading over a column of numbers ("Telephone number", "TN", "Line", "Phone #"); not a bare "Phone"
 * (a contacts table's column: each row's person's own phone).
 */
const NUMBERS_COLUMN_HEADING = /\b(?:numbers?|nos?\.?|tns?|dids?|lines?|telephones?)\b|#/i;

/**
 * The cell left of a number and the number stand in two columns of a table, under one row of headings
 * ("TN | Type | TN | Type" over "715 535 4021 | Fax | 715 555 0173 | Voice"): the cell is the row's
 * value in its column (the type of the number before it on the row), no caption of the number after it. Rows of
 * numbers may come between, and lines of another panel with nothing in either column.
 */
function inHeadedColumns(
  doc: DocLayout,
  line: Line,
  left: Seg,
  seg: Seg,
  rowNumberFirst = true,
  numberHeading?: RegExp,
): boolean {
  // (the row's own number stands before the cell: the cell is that number's type, not the next one's caption)
  const rowNumber = line.segs[line.segs.indexOf(left) - 1];
  if (rowNumberFirst && (!rowNumber || !/\d{3}\D{0,2}\d{4}$/.test(segText(rowNumber.toks).trim()))) return false;
  const tol = startTolerance(line);
  for (let i = line.id - 1; i >= 0 && line.id - i <= 12; i--) {
    const l = doc.lines[i]!;
    if (l.page !== line.page) return false;
    const over = l.segs.find((s) => Math.abs(s.x0 - left.x0) <= tol);
    const num = l.segs.find((s) => Math.abs(s.x0 - seg.x0) <= tol);
    if (!over && !num) continue;
    if (!over || !num) return false;
    const numText = segText(num.toks);
    if (/\d{3}\D{0,2}\d{4}/.test(numText)) continue;
    // a label-left row of a form ("Email Address | grace@…" over "Best Number to Reach | 703-…"): a whole
    // caption with its value beside it, no table's headings — a heading over the numbers names them
    if (wholeLabelCell(doc, over) && !doc.hitsBySeg.get(num.id)?.length) return false;
    const heading =
      !/\d/.test(numText) && !/\d/.test(segText(over.toks)) && num.toks.length <= 3 && over.toks.length <= 3;
    // (without the row's own number first, only a table's heading row: three headings at least, none a
    // caption with its colon — a sidebar's "PRINT NAME: | Omar Yilmaz" over "CALL-BACK | 843…" is no table)
    if (numberHeading && !numberHeading.test(numText)) return false;
    return heading && (rowNumberFirst || (l.segs.length >= 3 && !l.segs.some((s) => /:\s*$/.test(segText(s.toks)))));
  }
  return false;
}

/**
 * An account, sub-account or order number of ten digits printed as the value of its label ("Billing
 * Account Number" over "3187300395", "Service order: 2689059193"): an identifier, not a line. Only this
 * print is dropped — an account number that is also the main line still counts where a list names it.
 */
function accountLike(doc: DocLayout, line: Line, seg: Seg, o: PhoneOccurrence): boolean {
  // the value is the number alone in its cell (a BTN-based "318-730-0395-123" holds more digits, whose
  // phone part may be a line; a sentence naming the account number may give a support number)
  const digits = o.toks
    .map((t) => t.text)
    .join('')
    .replace(/\D/g, '');
  // (its label opening the same cell is not part of the value: "Sub-account no. 3855070091")
  const cell = segText(o.label?.seg === seg ? seg.toks.slice(o.label.end) : seg.toks);
  if (o.contact || /[^\d\s().+-]/.test(cell) || cell.replace(/\D/g, '') !== digits) return false;
  if (o.label?.field === 'account_number' || o.label?.field === 'sub_account') {
    // a label with its own value beside it ("Acct. number on your bill: 488436679") owns nothing below
    const h = o.label;
    return h.line === line.id || !doc.lines[h.line]!.toks.some((t) => t.x0 >= h.x1 && /\d/.test(t.text));
  }
  if (o.label) return false;
  const caption = segsAboveInColumn(doc, line, seg, 1).next().value;
  const left = captionLeftOf(doc, line, seg);
  // a caption of a few words naming the identifier (not a sentence that happens to say "order")
  const names = (c: Seg | undefined) => {
    const t = c ? segText(c.toks).trim() : '';
    return t.split(/\s+/).length <= 4 && !/\d/.test(t) && IDENTIFIER_LABEL.test(t);
  };
  return names(caption) || names(left);
}

export function phoneOccurrences(doc: DocLayout): PhoneOccurrence[] {
  const ctx: DocPhoneContext = {
    owner: labelOwners(doc),
    callLines: callListLines(doc),
    remarkLines: remarkLines(doc),
    // section headings in reading order (to port / not to port)
    sections: doc.hits.filter((h) => h.field === 'to_port' || h.field === 'not_to_port'),
    signOff: signOffLines(doc),
    ticks: tickColumns(doc),
  };
  const out: PhoneOccurrence[] = [];
  const identifiers = new Set<string>();
  for (const line of doc.lines) {
    for (const seg of line.segs) {
      for (const ph of phonesInSeg(doc, line, seg)) {
        const o = occurrence(doc, ctx, line, seg, ph);
        if (isIdentifier(doc, line, seg, o)) identifiers.add(o.e164);
        else if (!accountLike(doc, line, seg, o)) out.push(o);
      }
    }
  }
  // the invoice number printed again on the payment stub ("5732445545 $1,979.87") is still no line
  for (let i = out.length - 1; i >= 0; i--) if (identifiers.has(out[i]!.e164)) out.splice(i, 1);
  out.sort((a, b) => a.line - b.line || a.toks[0]!.x0 - b.toks[0]!.x0);
  supportBlocks(doc, out);
  // a carrier's support line is that everywhere on the page ("Call 800-…" once, the number alone elsewhere)
  const support = new Set(out.filter((o) => o.support).map((o) => o.e164));
  for (const o of out) if (support.has(o.e164)) o.contact = true;
  signersOwnNumber(doc, out);
  return out;
}

/** The word a signature block captions its writer's own number with ("Office:", "Direct", "Cell", "P:"). */
const SIGNER_PHONE_WORD = /^(?:direct|dir|cell|mobile|mob|office|work|tel|telephone|phone|ph|p|m|c|o|t|d)\.?:?$/i;

/**
 * The signer's own number in an LOA's sign-off under its closing ("Thanks, / Rebecca Patel / CFO / Cedar
 * Ridge Law Offices LLC / Office: 208.555.0129" — a letter's or an e-mail's signature): how to reach the
 * signer, not a line to port — when the letter names its numbers elsewhere and this one is not among
 * them, and one phone word captions it (a caption naming the account's number, "Main number:", decides).
 */
function signersOwnNumber(doc: DocLayout, out: PhoneOccurrence[]): void {
  if (doc.kind !== 'loa') return;
  const signOff = signOffLines(doc, true);
  if (!signOff.size) return;
  const elsewhere = new Set(out.filter((o) => !o.contact && !signOff.has(o.line)).map((o) => o.e164));
  if (!elsewhere.size) return;
  for (const o of out) {
    if (o.contact || !signOff.has(o.line) || elsewhere.has(o.e164)) continue;
    const first = o.toks[0]!;
    const seg = doc.segs[first.seg]!;
    if (o.label && o.label.field !== 'phone_list' && ACCOUNT_PHONE_FIELDS.has(o.label.field)) continue;
    // (a numbers caption of one phone word is the signature's: "Phone: …")
    const l = o.label;
    if (l?.field === 'phone_list' && !(l.end - l.start === 1 && SIGNER_PHONE_WORD.test(l.seg.toks[l.start]!.text)))
      continue;
    if (SIGNER_PHONE_WORD.test(segText(seg.toks.slice(0, first.idx)).trim())) o.contact = true;
  }
}

/**
 * A provider's service-desk block ("Customer care 1-877-… / Outages 1-888-… / Online acme.com"): a number
 * captioned by words in its own cell, on the line right above or below a support number captioned the
 * same way in the same column, is the provider's too, whatever its caption says (desks have many names).
 */
function supportBlocks(doc: DocLayout, out: PhoneOccurrence[]): void {
  const captioned = (o: PhoneOccurrence) => {
    const first = o.toks[0]!;
    const seg = doc.segs[first.seg]!;
    const before = seg.toks.slice(0, first.idx);
    return before.length > 0 && before.every((t) => !/\d/.test(t.text)) ? seg : null;
  };
  // a desk's number stands alone after its caption and closes the cell (an hours note at most after it); a
  // sentence going on past the number ("The lines on this account, 508…, will lose …"), listing several
  // ("Disconnection will affect 914…, 914… and 914….") or ending at it with its full stop ("… will affect
  // +1 919 649 8883.") is a paragraph's, whatever desk sentence the next paragraph opens with
  const closesCell = (o: PhoneOccurrence, seg: Seg) => {
    const last = o.toks.at(-1)!;
    return (
      seg.toks.length - (last.idx + 1) <= 4 &&
      !/\.$/.test(last.text) &&
      !out.some((x) => x !== o && x.toks[0]!.seg === seg.id)
    );
  };
  for (let changed = true; changed; ) {
    changed = false;
    for (const o of out) {
      const own = o.support || (o.label && ACCOUNT_PHONE_FIELDS.has(o.label.field)) ? null : captioned(o);
      const seg = own && closesCell(o, own) ? own : null;
      if (!seg) continue;
      const line = doc.lines[o.line]!;
      const near = out.some((s) => {
        const sSeg = s.support && s.page === o.page && Math.abs(s.line - o.line) === 1 ? captioned(s) : null;
        const other = sSeg ? doc.lines[s.line]! : null;
        return (
          !!sSeg &&
          !!other &&
          Math.abs(sSeg.x0 - seg.x0) <= 4 &&
          Math.max(other.top - line.bottom, line.top - other.bottom) < 1.2 * Math.max(line.h, other.h)
        );
      });
      if (near) {
        o.support = o.contact = true;
        changed = true;
      }
    }
  }
}

/** A word that is only (part of) a number: digits with phone punctuation, lookalikes fixed. */
function digitsOf(t: Tok): { digits: string; seps: number[] } | null {
  const raw = t.text;
  if (
    /\$|\d\.\d{2}$|[a-z]{2}/i.test(raw.replace(/[OoIlSBZ|]/g, '0')) &&
    !/^[+(]?[\dOoIlSBZ|][\dOoIlSBZ|().,'\-]*$/.test(raw)
  )
    return null;
  const fixed = digitFixToken(raw.replace(/[,']+$/, ''));
  if (!/^[+(]?\d[\d().\-]*[,']?$/.test(fixed) || /\d\.\d{2}$/.test(fixed)) return null;
  // where the word's own separators fall, counted in digits ("555-0145" → [3])
  const seps: number[] = [];
  let n = 0;
  for (const ch of fixed) {
    if (/\d/.test(ch)) n++;
    else if (/[-.)]/.test(ch) && n > 0) seps.push(n);
  }
  return { digits: fixed.replace(/\D/g, ''), seps: seps.filter((x) => x < fixed.replace(/\D/g, '').length) };
}

/**
 * Numbers whose digit groups OCR split or punctuated oddly: within a run of number-only words,
 * any consecutive groups adding up to exactly 10 digits (11 with a leading 1) that parse as a
 * valid number. Longer runs (account numbers) only yield a number where groups line up exactly.
 */
export function phonesInTokenRuns(toks: Tok[]): { e164: string; toks: Tok[] }[] {
  const out: { e164: string; toks: Tok[] }[] = [];
  let run: { tok: Tok; digits: string; seps: number[] }[] = [];
  const flush = () => {
    let i = 0;
    while (i < run.length) {
      let acc = '';
      let matched = -1;
      for (let j = i; j < run.length && acc.length < 11; j++) {
        acc += run[j]!.digits;
        if (acc.length === 10 || (acc.length === 11 && acc.startsWith('1'))) {
          matched = j;
          if (acc.length === 10 && run[j + 1] && acc.length + run[j + 1]!.digits.length <= 11) continue;
          break;
        }
      }
      const total = run.reduce((n, r) => n + r.digits.length, 0);
      // an account number (a run much longer than a phone number) is not split into phone numbers
      // a run longer than one number is an account number or a list the regex already read
      if (matched >= 0 && total <= 11) {
        const digits = run
          .slice(i, matched + 1)
          .map((r) => r.digits)
          .join('');
        // printed separators must fall where a phone number has them (3-3-4), wherever OCR split it
        const allowed = digits.length === 11 ? [1, 4, 7] : [3, 6];
        let offset = 0;
        let aligned = true;
        for (const r of run.slice(i, matched + 1)) {
          if (r.seps.some((p) => !allowed.includes(offset + p))) aligned = false;
          offset += r.digits.length;
        }
        const e = aligned ? toE164(digits) : null;
        if (e) {
          out.push({ e164: e, toks: run.slice(i, matched + 1).map((r) => r.tok) });
          i = matched + 1;
          continue;
        }
      }
      i++;
    }
    run = [];
  };
  for (const t of toks) {
    const d = digitsOf(t);
    if (d === null || d.digits === '') flush();
    else run.push({ tok: t, ...d });
  }
  flush();
  return out;
}

const GENERIC_PHONE_WORDS = new Set(['phone', 'tel', 'telephone', 'mobile', 'cell', 'phones']);

/** The label is one of several column headings on its line. */
function headerRow(doc: DocLayout, h: Hit): boolean {
  return (
    doc.lines[h.line]!.segs.filter((sg) => (doc.hitsBySeg.get(sg.id) ?? []).some((x) => x.start === 0)).length >= 2
  );
}
