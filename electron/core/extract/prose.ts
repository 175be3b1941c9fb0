import type { ServiceAddress } from '../../../shared/domain/document.js';
import { labelStems } from '../../../shared/domain/fields.js';
import { readAddress, type AddrResult, UNIT_BEFORE_STREET } from './address.js';
import { conceptInSentence } from './address-blocks.js';
import { type AddrCand, type Cand, zipCheckOf } from './candidate.js';
import { isCarrierName, knownCarrierIn } from './carriers.js';
import {
  authorizingWeight,
  BUSINESS_SUFFIXES,
  CARRIER_WORDS,
  conceptOf,
  isLabelWord,
  LEGAL_FORM_END,
  LEGAL_FORM_WORD,
  looksLikeLabelText,
  secretCaption,
} from './labels.js';
import { segText, type DocLayout, type Hit, type Line, type Seg, type Tok } from './layout.js';
import { hitAt, startsWithLabelShape } from './spans.js';
import { labelKey } from './text.js';
import {
  parseAccount,
  parseBusiness,
  parsePerson,
  TITLE_CORE,
  TITLE_MODIFIER,
  tokText,
  toksIn,
  type TokText,
} from './values.js';

/**
 * Values written inside running text: a letter of authorization written as a letter, a notes
 * paragraph. Sentences are read across line wraps (paragraphs), and a value is found by the shape of
 * the sentence around it (a person after "I,", a business by its legal form, a number after
 * "account", an address after "service at"); found without a label, each is less sure than a
 * labelled value.
 */
interface Paragraph {
  tt: ReturnType<typeof tokText>;
  page: number /** has a line of running text (6+ words) */;
  running: boolean;
}

/** Lines of running text joined into paragraphs, so sentence patterns survive line wraps. */
const paragraphCache = new WeakMap<DocLayout, Paragraph[]>();

/**
 * A wrapped line is full: the next line's first word did not fit after it. A line that stops short
 * of the paragraph's right edge although that word would have fitted ended its paragraph — when it
 * is much shorter (a salutation, an "Attn:" line, a heading over the first sentence) or ends a
 * sentence before a capitalised word. (A line broken by hand mid-sentence still goes on.)
 */
function endedShort(segs: Seg[], next: Seg): boolean {
  const last = segs[segs.length - 1]!;
  const first = next.toks[0]!;
  const left = Math.min(next.x0, ...segs.map((sg) => sg.x0));
  const right = Math.max(next.x1, ...segs.map((sg) => sg.x1));
  const space = 0.3 * first.h;
  if (last.x1 + space + (first.x1 - first.x0) >= right - 0.5 * first.h) return false;
  const lastWord = last.toks[last.toks.length - 1]!.text;
  // an initial or an abbreviation ("Olga R.", "Harbor Tile Co.") does not end a sentence
  const sentenceEnd = /[.:!?]$/.test(lastWord) && !/^(?:[A-Z]|inc|co|corp|ltd|st|dr|jr|sr|no)\.$/i.test(lastWord);
  return last.x1 - left < 0.6 * (right - left) || (sentenceEnd && /^[A-Z]/.test(first.text));
}

/**
 * Running text joined into paragraphs, so sentence patterns survive line wraps: segments on
 * consecutive lines that start at the same x (another column beside them does not interrupt), while
 * each line is full (see endedShort).
 */
export function paragraphs(doc: DocLayout): Paragraph[] {
  const cached = paragraphCache.get(doc);
  if (cached) return cached;
  const open: { segs: Seg[]; line: Line; bottom: number }[] = [];
  const done: { segs: Seg[] }[] = [];
  const top = (sg: Seg) => Math.min(...sg.toks.map((t) => t.y0));
  const bottom = (sg: Seg) => Math.max(...sg.toks.map((t) => t.y1));
  for (const line of doc.lines) {
    for (const [j, seg] of line.segs.entries()) {
      // a sentence after a sentence on the same line, a word space or two apart ("… make changes. |
      // Authorized contact …: Marisol" over "Reyes, …"): the same paragraph's line, not one of its own
      const prevSeg = line.segs[j - 1];
      const sameLine =
        prevSeg && seg.x0 - prevSeg.x1 < 0.6 * line.h
          ? open.find((o) => o.segs[o.segs.length - 1] === prevSeg)
          : undefined;
      if (sameLine) {
        sameLine.segs.push(seg);
        sameLine.bottom = Math.max(sameLine.bottom, bottom(seg));
        continue;
      }
      // the next line of a paragraph: same left edge, a line gap at most, text of about the same size
      const k = open.findIndex(
        (o) =>
          o.line.page === line.page &&
          o.line.id < line.id &&
          Math.abs(o.segs[0]!.x0 - seg.x0) <= 4 &&
          top(seg) - o.bottom < 0.9 * o.line.h &&
          Math.max(o.line.h, line.h) < 1.5 * Math.min(o.line.h, line.h),
      );
      if (k >= 0 && endedShort(open[k]!.segs, seg)) {
        done.push(...open.splice(k, 1));
        open.push({ segs: [seg], line, bottom: bottom(seg) });
      } else if (k >= 0) {
        open[k]!.segs.push(seg);
        open[k]!.line = line;
        open[k]!.bottom = bottom(seg);
      } else open.push({ segs: [seg], line, bottom: bottom(seg) });
    }
    // paragraphs whose last line is well above this one are finished
    for (let k = open.length - 1; k >= 0; k--) {
      const o = open[k]!;
      if (o.line.page !== line.page || line.top - o.bottom > 2 * Math.max(o.line.h, line.h))
        done.push(...open.splice(k, 1));
    }
  }
  done.push(...open);
  const out = done.map((d) => ({
    tt: tokText(
      d.segs.flatMap((sg) => sg.toks),
      false,
    ),
    page: d.segs[0]!.page,
    running: d.segs.some((sg) => sg.toks.length >= 6),
  }));
  paragraphCache.set(doc, out);
  return out;
}

/** The words after a label inside its paragraph, across line wraps, up to the next label or sentence end. */
export function proseAfter(doc: DocLayout, hit: Hit, limit = 12): Tok[] {
  const p = paragraphs(doc).find((x) => x.tt.spans.some((sp) => sp.tok === hit.seg.toks[hit.start]));
  // running text only: a stack of short label rows is not a paragraph
  if (!p || !p.running) return [];
  const toks = p.tt.spans.map((sp) => sp.tok);
  const from = toks.indexOf(hit.seg.toks[hit.end - 1]!) + 1;
  const out: Tok[] = [];
  for (let i = from; i < toks.length && out.length < limit; i++) {
    const t = toks[i]!;
    if (hitAt(doc, t)) break;
    // a new line that opens with "Something:" is the next row, not the sentence going on
    if (
      out.length &&
      t.line !== out[out.length - 1]!.line &&
      startsWithLabelShape(doc.lines[t.line]!.toks.filter((x) => x.x0 >= t.x0 - 1))
    )
      break;
    // so is a line that opens with a short cell beside another (a record's next tag: "LSTD  WNI SERVICES")
    const tLine = doc.lines[t.line]!;
    if (
      out.length &&
      t.line !== out[out.length - 1]!.line &&
      tLine.segs.length > 1 &&
      tLine.segs[0]!.id === t.seg &&
      doc.segs[t.seg]!.toks.length <= 3
    )
      break;
    out.push(t);
    if (/[.;]$/.test(t.text) && !/^\d/.test(toks[i + 1]?.text ?? '')) break;
  }
  return out;
}

/**
 * A document written as a letter: two or more paragraphs of sentences (many lower-case words). A
 * provider may send its customer service record as a letter ("Our records show that ACME LLC holds
 * account …"), so a record's facts are then read from its sentences as an LOA's are; a form's or a
 * record's single disclaimer paragraph does not make it one.
 */
const letterCache = new WeakMap<DocLayout, boolean>();
export function writtenAsLetter(doc: DocLayout): boolean {
  const cached = letterCache.get(doc);
  if (cached !== undefined) return cached;
  const sentences = paragraphs(doc).filter(
    (p) => p.running && (p.tt.text.match(/(?:^|\s)[a-z]/g) ?? []).length >= 5,
  ).length;
  const out = sentences >= 2;
  letterCache.set(doc, out);
  return out;
}

/** A pattern's matches in the paragraphs: the group's text, its words, and the paragraph's text after the match. */
export function proseMatches(doc: DocLayout, re: RegExp, group = 1): { value: string; toks: Tok[]; after: string }[] {
  const out: { value: string; toks: Tok[]; after: string }[] = [];
  for (const p of paragraphs(doc)) {
    const g = new RegExp(re.source, re.flags.includes('g') ? re.flags : `${re.flags}g`);
    for (let m = g.exec(p.tt.text); m; m = g.exec(p.tt.text)) {
      const v = m[group];
      if (!v) continue;
      const start = m.index + m[0].indexOf(v);
      out.push({ value: v, toks: toksIn(p.tt, start, start + v.length), after: p.tt.text.slice(start + v.length) });
    }
  }
  return out;
}

const COMPANY_SUFFIX = LEGAL_FORM_WORD;

/**
 * After a comma, the rest of a list of partners' names closed by "&" or "and" ("Crane, | Ortiz & Bell
 * LLP", "Hale, Ruiz, | Moss and Webb"): the comma is the name's own, not the sentence's.
 */
const PARTNER_LIST_GOES_ON = /^(?:[A-Z][\w'’-]*,\s+){0,3}[A-Z][\w'’-]*\s+(?:&|and)\s+[A-Z]/;

/** A run of capitalised words (with "&", "of", "and", "the" between) inside running text: a business name ends it at its legal form. */
const PROSE_CAPS_RUN = /\b[A-Z][\w&'.-]*(?:,?\s+(?:[A-Z0-9][\w&'.-]*|&|of|and|the)){1,8}/;

/** How many leading words of `words` are a job title followed by its link to the business ("IT Director of", "Owner,"), or 0. */
export function titleLead(words: string[]): number {
  let core = false;
  for (let i = 0; i < words.length && i < 6; i++) {
    const w = words[i]!;
    const bare = w.replace(/[,;:]+$/, '');
    if (TITLE_CORE.test(bare)) core = true;
    else if (!TITLE_MODIFIER.test(bare))
      return core && /^(?:of|for|at|with)$/i.test(w) && i + 1 < words.length ? i + 1 : 0;
    if (core && /,$/.test(w) && i + 1 < words.length) return i + 1;
  }
  return 0;
}

/** The run cut after its last legal-form word ("Harbor Light Dental LLC"), or null without one; a job title before it ("Office Manager of …") is not part of it. */
export function businessInRun(run: string): { text: string; words: number; skip: number } | null {
  // a run in capitals may start at a connector ("… NUMBERS | OF BLUE MESA GRILL LLC"): no name starts with one
  const plain = run
    .replace(/^(?:The|This|Our|We|Dear|Please|I),?\s+/, '')
    .replace(/^(?:(?:OF|FROM|TO|FOR|BY|WITH|AT|IN|ON|AND)\s+)+(?=\S+\s)/, '')
    .split(/\s+/);
  const words = plain.slice(titleLead(plain));
  const lead = run.split(/\s+/).length - words.length;
  for (let k = words.length - 1; k >= 1; k--) {
    if (!LEGAL_FORM_WORD.test(words[k]!.replace(/[,;:)]+$/, ''))) continue;
    return {
      text: words
        .slice(0, k + 1)
        .join(' ')
        .replace(/[,;:)]+$/, ''),
      words: lead + k + 1,
      skip: lead,
    };
  }
  return null;
}

/** The business name at the start of a clause: up to the verb, the sentence end or a comma not before a suffix. */
export function cutBusiness(s: string): string | null {
  const words = s.split(/\s+/);
  const out: string[] = [];
  for (const [wi, w] of words.entries()) {
    if (
      out.length &&
      /^(and|to|hereby|authori[sz]es?|with|for|who|that|am|is|as|confirm|certify|do)$/i.test(w) &&
      !/&$/.test(out[out.length - 1]!)
    )
      break;
    if (!out.length && !/^[A-Z0-9]/.test(w)) return null;
    if (out.length && /^[a-z]/.test(w) && !/^(of|and|the|de|la)$/.test(w)) break;
    let word = w;
    let stop = false;
    const core = w.replace(/[.,;:]+$/, '');
    if (
      /[,;:]$/.test(w) &&
      !COMPANY_SUFFIX.test(words[wi + 1]?.replace(/[.,;:]+$/, '') ?? '') &&
      !PARTNER_LIST_GOES_ON.test(words.slice(wi + 1).join(' '))
    ) {
      word = w.replace(/[,;:]+$/, '');
      stop = true;
    } else if (/\.$/.test(w) && !COMPANY_SUFFIX.test(core) && !/^[A-Z]$/.test(core) && !/\.[A-Za-z]\.$/.test(w)) {
      word = core;
      stop = true;
    } else if (/\.$/.test(w) && COMPANY_SUFFIX.test(core)) {
      out.push(w);
      break;
    }
    out.push(word);
    if (stop || out.length >= 8) break;
  }
  const v = out.join(' ').replace(/,$/, '').trim();
  return v || null;
}

/**
 * A letter names the account in a sentence: "…of ACME LLC, account 8831-22904, at…", "Our account
 * with Vonage is number 2523 43 542 1016868.", "our existing Lumen account is A589323715": the first
 * account-shaped value after the word "account" in its clause. Not when the clause is about another
 * thing of the account ("the main number on the account is …", "the PIN for the account is …") or
 * the value is written as a telephone number. A labelled value always beats it.
 */
const PROSE_ACCOUNT =
  /\b(?:account|acct\.?|a\/c)(\s+(?:number|no\.?|nbr|num|#)|)((?:[^.;:\d]|\.(?=\S)){0,60}?)(?:[#:]\s*)?([A-Z]{0,5}[-#]?\d[\dA-Z]*(?:[- ]\d[\dA-Z]*){0,5})(?![A-Za-z0-9])/gi;
/** Another thing the account has: its value is that thing's, not the account number. */
const OF_THE_ACCOUNT =
  /\b(?:number|pin|passcode|password|code|phone|telephone|line|address|name|balance|amount|date)\s+(?:on|for|of|with|in|to)\s+(?:the|our|this|your|that|my|its)\s*$/i;
const OTHER_THING =
  /\b(?:pin|passcode|password|code|(?:tele)?phone\s+(?:number|no)|address|zip|balance|amount|due|since|date|total)\b/i;
const PHONE_SHAPED = /^(?:\+?1[-. ]?)?\(?\d{3}\)?[-. ]?\d{3}[-. ]\d{4}$/;

/** A name with no figures: letters, spaces and a name's marks ("Copper Canyon Dental Group, PLLC", "Sandhill Title & Escrow"). */
const NAME_PART = String.raw`[A-Za-z][A-Za-z&'’.,\s-]*[A-Za-z.]`;
/** An account number: figures, letters and dashes or spaces between, at least one figure. */
const NUMBER_PART = String.raw`[A-Za-z0-9][A-Za-z0-9 -]*\d[A-Za-z0-9-]*`;
// (a link set close after the bracket may share its cell: "… (#608-555-0135-940)  Switch account")
const NAME_THEN_NUMBER = new RegExp(
  String.raw`^(${NAME_PART})\s*(?:\(\s*#?\s*(${NUMBER_PART})\s*\)(?:\s+[A-Za-z][A-Za-z ]*)?|,\s*#?\s*(${NUMBER_PART}))$`,
);
const NUMBER_THEN_NAME = new RegExp(String.raw`^#?\s*(${NUMBER_PART})\s+[-–—]\s+(${NAME_PART})$`);

/**
 * An account caption whose value names the account and gives its number in one phrase, as a web portal's
 * account picker prints it ("Account: Copper Canyon Dental PLLC (#608-555-0135-940)", "Selected account:
 * Lakeview Dental PLLC, 537177343", "Viewing account 608-555-0135-940 - Copper Canyon Dental PLLC"): the
 * account's name and its number, each a candidate of its field.
 */
export function accountPickerCands(doc: DocLayout): { names: Cand<string>[]; accounts: Cand<string>[] } {
  const names: Cand<string>[] = [];
  const accounts: Cand<string>[] = [];
  // the phrase after an account caption the layout read, or after "account" ending a picker's own
  // words at the start of a cell ("Viewing account", "Selected account:", "Switch to account")
  const phrases: { hit: Hit | null; toks: Tok[] }[] = doc.hits
    .filter((h) => h.field === 'account_number')
    .map((h) => ({ hit: h, toks: h.seg.toks.slice(h.end) }));
  for (const seg of doc.segs) {
    const k = seg.toks.findIndex((t) => /^(?:account|acct)\.?:?$/i.test(t.text));
    if (k < 1 || k > 3 || phrases.some((p) => p.toks[0]?.seg === seg.id)) continue;
    if (seg.toks.slice(0, k).some((t) => !/^[A-Za-z]+$/.test(t.text))) continue;
    phrases.push({ hit: null, toks: seg.toks.slice(k + 1) });
  }
  for (const { hit: h, toks } of phrases) {
    const t = segText(toks).trim();
    const a = NAME_THEN_NUMBER.exec(t);
    const b = a ? null : NUMBER_THEN_NAME.exec(t);
    const [name, number] = a ? [a[1]!, a[2] ?? a[3]!] : b ? [b[2]!, b[1]!] : [null, null];
    if (!name || !number) continue;
    const n = parseBusiness(name.replace(/[,\s]+$/, ''));
    const acct = parseAccount(number);
    if (!n || !acct || isCarrierName(n.value)) continue;
    names.push({ value: n.value, toks, score: 0.55 * n.quality, hit: h });
    accounts.push({ value: acct.value, toks, score: 0.6 * acct.quality, hit: h });
  }
  return { names, accounts };
}

export function proseAccountCands(doc: DocLayout): Cand<string>[] {
  const out: Cand<string>[] = [];
  const pins = new Set(prosePins(doc).map((m) => m.value));
  out.push(...accountsBefore(doc, pins));
  for (const p of paragraphs(doc)) {
    const g = new RegExp(PROSE_ACCOUNT.source, PROSE_ACCOUNT.flags);
    for (let m = g.exec(p.tt.text); m; m = g.exec(p.tt.text)) {
      const [, numberWord, between, raw] = m as unknown as [string, string, string, string];
      // the value is the thing's the clause is about ("the security code on the account is 3390")
      const before = p.tt.text.slice(Math.max(0, m.index - 40), m.index);
      if (OF_THE_ACCOUNT.test(before) || OTHER_THING.test(between)) continue;
      const value = raw.replace(/[-.]$/, '');
      if (pins.has(value) || PHONE_SHAPED.test(value)) continue;
      const a = parseAccount(value);
      if (!a || (a.value.replace(/\D/g, '').length < 5 && !/[A-Z]/i.test(a.value))) continue;
      const start = m.index + m[0].length - raw.length;
      // a web address's words ("…/account/csr?id=914479") are a page's location, not a sentence
      if (toksIn(p.tt, m.index, start + value.length).some((t) => WEB_ADDRESS.test(t.text))) continue;
      // a number right after "account number"/"account #" is surer than one a few words on
      const score = (numberWord || !between.trim() ? 0.6 : 0.55) * a.quality;
      out.push({ value: a.value, toks: toksIn(p.tt, start, start + value.length), score, hit: null, prose: true });
    }
  }
  return out;
}

/** A web address (a portal printout's header or footer): its path and query words name no field. */
const WEB_ADDRESS = /:\/\/|^www\.|[?&][\w-]+=/i;

/** The number before the words "account number": "…; 88120-4410 is our account number." */
const ACCOUNT_BEFORE =
  /(?<![\w-])([A-Z]{0,5}[-#]?\d[\dA-Z]*(?:[- ]\d[\dA-Z]*){0,5})\s+(?:is|as|being)\s+(?:the|our|my|its)\s+(?:[\w-]+\s+){0,2}?(?:account|acct\.?)\s+(?:number|no\.?|#|id)/gi;

/** Account numbers a sentence gives before naming them (see ACCOUNT_BEFORE). */
function accountsBefore(doc: DocLayout, pins: Set<string>): Cand<string>[] {
  const out: Cand<string>[] = [];
  for (const m of proseMatches(doc, ACCOUNT_BEFORE)) {
    if (pins.has(m.value) || PHONE_SHAPED.test(m.value) || m.toks.some((t) => WEB_ADDRESS.test(t.text))) continue;
    const a = parseAccount(m.value);
    if (a && (a.value.replace(/\D/g, '').length >= 5 || /[A-Z]/i.test(a.value)))
      out.push({ value: a.value, toks: m.toks, score: 0.55 * a.quality, hit: null, prose: true });
  }
  return out;
}

/** The losing carrier named in a letter's sentences ("…from Comcast Business…"), never the gaining one. */
export function proseCarrierCands(doc: DocLayout, gaining: string[]): Cand<string>[] {
  const cands: Cand<string>[] = [];
  const gain = gaining.map((g) => labelKey(g)).filter(Boolean);
  const re =
    /\b(?:from|with|current (?:carrier|provider|service provider),?|away from)\s+([A-Z][\w&'-]*(?:\s+(?:[A-Z][\w&'-]*|&|of|for))*)/g;
  for (const m of proseMatches(doc, re)) {
    let v = m.value.replace(/\s+(and|to|the|of|for)$/i, '').trim();
    // "… from Optimum Business for Granite Peak Construction Inc.": the business after "for" is whose lines they are
    const forAt = v.search(/\s+for\s+/);
    if (forAt > 0 && businessInRun(v.slice(forAt).replace(/^\s+for\s+/, ''))) v = v.slice(0, forAt);
    if (gain.some((g) => labelKey(v).includes(g) || g.includes(labelKey(v)))) continue;
    const known = knownCarrierIn(v);
    if (known || CARRIER_WORDS.test(v)) cands.push({ value: v, toks: m.toks, score: known ? 0.6 : 0.45 });
  }
  return cands;
}

/**
 * A letter gives the PIN in a sentence: "The port-out PIN on the account is 4471.", "Our account
 * passcode is 908172." — a PIN word, a few words without digits, then "is"/":" and the number. (No
 * colon among those words: the first closes the PIN's caption, a later one another caption's — "Account
 * PIN: customer to provide" over "Service Address: 6844 3rd Pkwy" gives no PIN.)
 */
const PROSE_PIN =
  /\b(?:pin|passcode|pass code|password|security code|access code|verification code|validation code|port[- ]out code|transfer code)\b(?:[^.\d:]{0,40}?(?:\bis|:|\bof))?\s+#?(\d{4,10})(?![\d-])/i;

/** The number before the PIN word: "Please use 4471 as the port-out PIN.", "908172 is to be used as our passcode." */
const PROSE_PIN_BEFORE =
  /(?<![\d-])(\d{4,10})\s+(?:[a-z]+\s+){0,4}?(?:as|is|being)\s+(?:the|our|my|its)\s+(?:[\w-]+\s+){0,2}?(?:pin|passcode|pass code|password|security code|access code|verification code|validation code|port[- ]out code|transfer code)\b/i;

/**
 * The PIN word glued by OCR to the word after it ("The PINon file for this account is 6929."): the
 * acronym in capitals (case-sensitive, so "pinto" or "piñon" in a sentence is no PIN word) or a
 * passcode word, run into one of the short words a PIN sentence goes on with.
 */
const PROSE_PIN_GLUED =
  /\b(?:PIN|[Pp]asscode|PASSCODE|[Pp]assword|PASSWORD)(?:on|for|of|is|in)\b(?:[^.\d:]{0,40}?(?:\bis|:|\bof))?\s+#?(\d{4,10})(?![\d-])/;

/** A PIN stated in a letter's sentence, with how sure its grammar makes it (0.6 a listed noun only; more by grammar). */
export interface ProsePin {
  value: string;
  toks: Tok[];
  score: number;
}

export function prosePins(doc: DocLayout): ProsePin[] {
  if (!(doc.kind === 'loa' || doc.kind === 'other' || (doc.kind === 'csr' && writtenAsLetter(doc)))) return [];
  const listed = [
    ...proseMatches(doc, PROSE_PIN),
    ...proseMatches(doc, PROSE_PIN_GLUED),
    ...proseMatches(doc, PROSE_PIN_BEFORE),
  ].map((m) => ({ value: m.value, toks: m.toks, score: 0.6 }));
  return [...pinPhrases(doc), ...listed];
}

/** A value of a PIN's shape in a sentence: four to ten digits standing alone (no phone, date or amount around them). */
const PIN_SHAPED = /(?<![\w$.,/-])#?(\d{4,10})(?![\w/-]|[.,]\d)/g;
/**
 * The words a sentence puts between a PIN's noun phrase and the PIN, either way round ("PIN 5244",
 * "passcode is 5244", "the PIN on the account is 5244", "5244 is to be used as our passcode"):
 * verbs of being and using, articles and possessives, "on file", "for this account".
 */
const PIN_LINKS: ReadonlySet<string> = new Set(
  (
    'is are was of on file for this that the a an our your my its their it which currently now set as to be ' +
    'being used use will please kindly with at by'
  ).split(' '),
);
const DETERMINERS: ReadonlySet<string> = new Set(['this', 'the', 'our', 'your', 'my', 'its', 'their', 'that']);
/** How many link words may stand between the noun phrase and the PIN. */
const MAX_PIN_LINKS = 7;

/**
 * A PIN stated in a sentence by its grammar, not by a list of wordings: a noun phrase of one to three
 * words that names the PIN the way a caption does (labels.ts secretCaption: "PIN", "port-out passcode",
 * "security code", "account passphrase"), then only link words ("is", "of", "use", "on file for this
 * account") up to a value of a PIN's shape in the same sentence — or the value first, then "as"/"is" and
 * the noun phrase ("Use 5244 as our transfer PIN"). Only function words stand between, so no other noun
 * can own the value: as sure as a label's value (0.88), a little less past six link words (0.75).
 */
function pinPhrases(doc: DocLayout): ProsePin[] {
  const out: ProsePin[] = [];
  const bare = (w: string) => w.replace(/^[^A-Za-z0-9]+|[^A-Za-z0-9#]+$/g, '');
  const names = (words: string[]) => {
    const ws = words.map(bare);
    return ws.every((w) => /^[A-Za-z][A-Za-z-]*$/.test(w)) && secretCaption(labelStems(ws.join(' ')), doc.kind);
  };
  for (const p of paragraphs(doc)) {
    const text = p.tt.text;
    for (const m of text.matchAll(PIN_SHAPED)) {
      const value = m[1]!;
      const start = m.index + m[0].indexOf(value);
      const before = text.slice(0, m.index).split(/\s+/).filter(Boolean);
      const after = text
        .slice(start + value.length)
        .split(/\s+/)
        .filter(Boolean);
      const links = pinLinksBefore(before, names) ?? pinLinksAfter(after, names);
      if (links === null) continue;
      out.push({ value, toks: toksIn(p.tt, start, start + value.length), score: links <= 6 ? 0.88 : 0.75 });
    }
  }
  return out;
}

/** Words naming the PIN as one phrase: no punctuation inside it ("passcode, it" is two phrases' words). */
function phraseNames(words: string[], names: (words: string[]) => boolean): boolean {
  return words.slice(0, -1).every((w) => !/[.;,!?:)]$/.test(w)) && names(words);
}

/** How many link words stand between a PIN's noun phrase and the value after it, or null when none names it. */
function pinLinksBefore(before: string[], names: (words: string[]) => boolean): number | null {
  let links = 0;
  for (let i = before.length - 1; i >= 0 && links <= MAX_PIN_LINKS; i--) {
    const raw = before[i]!;
    // (a sentence ended before the value: its words are another sentence's)
    if (i < before.length - 1 && /[.;!?]$/.test(raw)) return null;
    for (let k = 3; k >= 1; k--) if (i - k + 1 >= 0 && phraseNames(before.slice(i - k + 1, i + 1), names)) return links;
    if (/:$/.test(raw)) return null;
    const w = raw.toLowerCase().replace(/[^a-z]/g, '');
    if (!PIN_LINKS.has(w) && !(w === 'account' && DETERMINERS.has((before[i - 1] ?? '').toLowerCase()))) return null;
    links++;
  }
  return null;
}

/** How many link words stand between the value and a PIN's noun phrase after it ("… as our transfer PIN"), or null. */
function pinLinksAfter(after: string[], names: (words: string[]) => boolean): number | null {
  let links = 0;
  let linked = false;
  for (let i = 0; i < after.length && links <= MAX_PIN_LINKS; i++) {
    const raw = after[i]!;
    const w = raw.toLowerCase().replace(/[^a-z]/g, '');
    // the phrase follows "as" or "is" (a number merely followed by a PIN word names nothing)
    if (linked)
      for (let k = 3; k >= 1; k--) if (i + k <= after.length && phraseNames(after.slice(i, i + k), names)) return links;
    if (!PIN_LINKS.has(w) || /[.;!?]$/.test(raw)) return null;
    if (w === 'as' || w === 'is' || w === 'being') linked = true;
    links++;
  }
  return null;
}

export interface NameCands {
  names: Cand<string>[];
  persons: Cand<string>[];
}

/** A letter names the person and the business in its sentences. */
export function proseNames(doc: DocLayout, { names: nameCands, persons: personCands }: NameCands): void {
  {
    for (const m of proseMatches(
      doc,
      /\bI,\s+([A-Z][A-Za-z.'-]+(?:\s+(?:[A-Z][A-Za-z.'-]*|de|la|le|du|van|der|den|von|da|del|di|dos|bin|al)){1,5}),/,
    )) {
      const p = parsePerson(m.value);
      if (p) personCands.push({ value: p.value, toks: m.toks, score: 0.85 * p.quality, prose: true });
    }
    // "My name is NAME and…", "…the account holder authorizing this request is NAME.", "Signed, NAME"
    for (const re of doc.kind === 'loa' || doc.kind === 'other' ? PROSE_PERSON : PROSE_PERSON.slice(0, -1)) {
      for (const m of proseMatches(doc, re)) {
        // a sentence may open on the name ("Only Joseph Delgado, the authorized user, …"): its first word is not the name's
        const lead = SENTENCE_OPENER.exec(m.value)?.[0].length ?? 0;
        const p = parsePerson(m.value.slice(lead).replace(/[.,]$/, ''));
        if (p)
          personCands.push({
            value: p.value,
            toks: m.toks.slice(lead ? 1 : 0),
            score: 0.7 * p.quality,
            prose: true,
          });
      }
    }
    addRoleSentencePersons(doc, personCands);
    // a record sent as a letter is signed by the provider's staff: its closing names no one on the account
    personCands.push(...titledPersons(doc), ...(doc.kind === 'loa' || doc.kind === 'other' ? signOffNames(doc) : []));
    nameCands.push(...definedCustomer(doc), ...titledBusinesses(doc));
    // "I, NAME, TITLE of BUSINESS, authorize…", "… on behalf of BUSINESS and …"
    for (const re of [
      /\bI,\s+[^,]{3,40},\s+[^,]{2,40}?\s+(?:of|for|at|with)\s+([A-Z0-9].{1,90})/,
      /\b[Oo]n behalf of\s+([A-Z0-9].{1,90})/,
      // the account's own name said of it: "the account named BUSINESS, as it appears…", "…the account is
      // held in the name of BUSINESS", "an account titled / registered to BUSINESS"
      /\baccount\s+(?:(?:is|was)\s+)?(?:named|titled|held\s+(?:by|under|in\s+the\s+name\s+of)|in\s+the\s+name\s+of|registered\s+(?:to|under))\s+([A-Z0-9].{1,90})/,
    ]) {
      for (const m of proseMatches(doc, re)) {
        const cut = cutBusiness(m.value);
        const v = cut ? parseBusiness(cut) : null;
        if (v)
          nameCands.push({
            value: v.value,
            toks: m.toks.slice(0, Math.max(1, cut!.split(/\s+/).length)),
            score: 0.62 * v.quality,
            prose: true,
          });
      }
    }
  }

  {
    // a business named anywhere in the letter's sentences by its legal form ("…the numbers of Harbor
    // Light Dental LLC, account…", "…held by Blue Heron Design PLLC under…"); never the gaining carrier
    const gaining = authorisedParties(doc);
    for (const m of proseMatches(doc, PROSE_CAPS_RUN, 0)) {
      const b = businessInRun(m.value);
      // "…, Fort Collins, CO 80553": a state before its ZIP, not a company's "Co"
      const rest = `${m.value
        .split(/\s+/)
        .slice(b?.words ?? 0)
        .join(' ')} ${m.after}`.trim();
      if (!b || /^\d{5}(?:-\d{4})?\b/.test(rest)) continue;
      const v = parseBusiness(b.text);
      const toks = m.toks.slice(b!.skip, b!.words);
      // a name in large print heads the page (the sender's letterhead), it is not named in a sentence
      if (isLetterheadName(doc, toks)) continue;
      if (v && !isCarrierName(v.value) && !looksLikeLabelText(v.value) && !gaining.has(partyKey(v.value)))
        nameCands.push({
          value: v.value,
          toks,
          score: 0.45 * v.quality,
          prose: true,
        });
    }
  }
}

/** A business's letters without its legal form: "authorize Clearline Communications, Inc. to act" names "Clearline Communications". */
const partyKey = (v: string) => labelKey(v.replace(new RegExp(`[,\\s]+(${LEGAL_FORM_END.source})`, 'i'), ''));

/**
 * The businesses a letter's sentences name as the party it authorises ("…authorizes PortDesk Voice LLC to
 * port…", "…allow Telnyx to act…"): the gaining side, never the account's holder. As partyKey's letters.
 */
function authorisedParties(doc: DocLayout): Set<string> {
  let parties = partyCache.get(doc);
  if (!parties) {
    // (the sentence goes on after the party, "… to port", "…, Inc. to act", "… permission to": a caption
    // ending on such a verb over its value, "Person authorizing this request" / "David Ivanova", names none)
    parties = new Set(
      [...proseMatches(doc, PROSE_GAINING), ...proseMatches(doc, PROSE_AGENT)]
        .filter((m) => /\S/.test(m.after))
        .map((m) => partyKey(m.value)),
    );
    partyCache.set(doc, parties);
  }
  return parties;
}
// proseNames and the name candidates (isAuthorisedParty) both ask: the sentences are read once
const partyCache = new WeakMap<DocLayout, Set<string>>();

/** Whether a business is one the letter authorises (see authorisedParties): the gaining side, not the holder. */
export function isAuthorisedParty(doc: DocLayout, name: string): boolean {
  return authorisedParties(doc).has(partyKey(name));
}

/**
 * A name printed in larger type than the page's body text (line height at least 1.15× the median) over
 * an address is a letterhead: on a bill or record that is the issuer (the carrier), whose own address
 * it heads, not the customer's window-envelope block, which is printed in body type.
 */
export function isLetterheadName(doc: DocLayout, name: Tok[]): boolean {
  const page = name[0]?.page;
  const heights = doc.lines.filter((l) => l.page === page).map((l) => l.h);
  if (heights.length < 5) return false;
  const sorted = heights.sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)]!;
  return median > 0 && typicalHeight(name) >= 1.15 * median;
}

/**
 * The height of a run's typical word (the lower median), not its tallest: one OCR box stretched by a
 * comma's tail ("Clinic," in a wrapped cell of a fax) does not make a name large print. 0 for none.
 */
export function typicalHeight(toks: Tok[]): number {
  const hs = toks.map((t) => t.h).sort((a, b) => a - b);
  return hs[Math.floor((hs.length - 1) / 2)] ?? 0;
}

/**
 * A business after a job title: "I am the owner of Rosie's Corner Bakery, and…", "…the Practice
 * Manager for Willow Bend Veterinary…" — found without a legal form, the title says what it is.
 */
function titledBusinesses(doc: DocLayout): Cand<string>[] {
  const out: Cand<string>[] = [];
  for (const p of paragraphs(doc)) {
    const re = /\b(?:of|for|at)\s+(?=[A-Z0-9])/g;
    for (let m = re.exec(p.tt.text); m; m = re.exec(p.tt.text)) {
      // the words before the link are a job title ("the owner", "our Practice Manager")
      const before = p.tt.text.slice(0, m.index).trim().split(/\s+/).slice(-4);
      let k = before.length;
      while (k > 0 && (TITLE_CORE.test(before[k - 1]!) || TITLE_MODIFIER.test(before[k - 1]!))) k--;
      if (!before.slice(k).some((w) => TITLE_CORE.test(w))) continue;
      const start = m.index + m[0].length;
      const cut = cutBusiness(p.tt.text.slice(start, start + 100));
      const cw = cut?.split(/\s+/) ?? [];
      // "Director of Operations", "VP of Sales": the rest of the title, not a business
      if (!cut || cw.every((w) => TITLE_CORE.test(w) || TITLE_MODIFIER.test(w))) continue;
      if (cw.length < 2 && !BUSINESS_SUFFIXES.test(cut)) continue;
      const v = parseBusiness(cut);
      if (v && !isCarrierName(v.value) && !looksLikeLabelText(v.value))
        out.push({
          value: v.value,
          toks: toksIn(p.tt, start, start + cut.length),
          score: 0.58 * v.quality,
          prose: true,
        });
    }
  }
  return out;
}

/**
 * A business the letter defines as the customer: 'Harbor Light Dental LLC (the "Customer")',
 * '… Blue Heron PLLC ("Client") …'. The definition names the party the letter is about.
 */
function definedCustomer(doc: DocLayout): Cand<string>[] {
  const out: Cand<string>[] = [];
  const re =
    /((?:[A-Z0-9&][\w&'.,-]*\s+(?:(?:of|and|the|&)\s+)?){0,7}[A-Z0-9][\w&'.-]*),?\s*\((?:the\s+)?["“”']?(?:Customer|Client|Subscriber|Company|Account\s+Holder|End\s+User)["“”']?\)/;
  for (const m of proseMatches(doc, re)) {
    const words = m.value.replace(/^(?:The|This|Our|We|Please|I),?\s+/, '').split(/\s+/);
    const lead = m.value.split(/\s+/).length - words.length + titleLead(words);
    const v = parseBusiness(m.value.split(/\s+/).slice(lead).join(' '));
    if (v && !isCarrierName(v.value) && !looksLikeLabelText(v.value))
      out.push({ value: v.value, toks: m.toks.slice(lead), score: 0.62 * v.quality, prose: true });
  }
  return out;
}

// a name's words: capitalised words and initials ("Susan K. Ivanova"); a full stop after a word ends it
// (a surname's particles go with the word after them: "Mateo M. Van der Berg")
const PROSE_NAME =
  "(\\p{Lu}[\\p{L}\\p{M}'-]+(?:\\s+(?:(?:de|la|van|der|von|da|del)\\s+)*(?:\\p{Lu}\\.|\\p{Lu}[\\p{L}\\p{M}'-]*)){1,3})";
const PROSE_PERSON = [
  new RegExp(`\\b[Mm]y name is\\s+${PROSE_NAME}`, 'u'),
  // "…the account holder authorizing this request is NAME", "The authorized signer for the account is NAME"
  new RegExp(
    // (a sentence may open on the role: "Authorized contact on the account: NAME")
    `\\b(?:[Aa]uthori[sz]ing|(?:[Pp]erson|[Ii]ndividual|[Pp]arty)\\s+authori[sz]ed|[Aa]uthori[sz]ed\\s+(?:signer|signatory|person|party|representative|individual|contact|agent|user)|[Ss]igner|[Ss]ignatory)\\b[^.]{0,40}?(?:\\bis|:)\\s+${PROSE_NAME}`,
    'u',
  ),
  // "NAME is listed as the authorized contact", "NAME, the authorized user, may …": the role after the name
  new RegExp(
    `${PROSE_NAME}(?:\\s+(?:is|was|has been)\\s+(?:listed|named|designated|recorded|registered|set up|shown|on file)\\s+as|,)\\s+(?:the|an|our|your)\\s+authori[sz]ed\\s+(?:contact|user|person|party|representative|individual|signer|agent)\\b`,
    'u',
  ),
  // a closing and the name under it, typed or e-signed ("Sincerely, /s/ NAME", "Signed by NAME"); kept
  // last: only a customer's own letter is signed by someone on the account
  new RegExp(
    `(?:^|\\n|\\.\\s)(?:Signed(?:\\s+[Bb]y)?|Sincerely|(?:Best |Kind )?[Rr]egards|Respectfully(?: yours| submitted)?|Yours (?:truly|sincerely)|Thank you)[,:]?\\s+(?:\\/s\\/\\s*)?${PROSE_NAME}\\s*$`,
    'mu',
  ),
];
/**
 * A role in a sentence, named by the caption vocabulary: one to four words after an article, up to a
 * preposition or the clause's end ("the decision maker", "our point of contact", "the responsible party").
 */
const ROLE = "((?:[A-Za-z'’]+\\s+){0,3}?[A-Za-z'’]+)";
const ARTICLE = "(?:[Tt]he|[Oo]ur|[Yy]our|[Ii]ts|[Tt]his|[Aa]n?|(?:[Tt]he\\s+)?account(?:'s|’s))";
/**
 * The sentences that say who holds a role, in their three orders: the role first and the name after "is"
 * or a colon ("The decision maker for the account is NAME"), the name first ("NAME is listed as the
 * primary contact", "NAME, the account administrator"), and a list of it ("Our records list NAME as the
 * point of contact"). `role` and `name` are their groups.
 */
const ROLE_SENTENCES: readonly { re: RegExp; role: number; name: number }[] = [
  {
    // (the role's complement, "point | of contact on the account", may hold the role's own words)
    re: new RegExp(
      `\\b${ARTICLE}\\s+${ROLE}((?:\\s+(?:on|for|of|to)\\s+[^.:]{0,40}?)?)\\s+(?:is|:)\\s+${PROSE_NAME}`,
      'gu',
    ),
    role: 1,
    name: 3,
  },
  {
    re: new RegExp(
      `${PROSE_NAME}(?:\\s+(?:is|was|has been)(?:\\s+(?:listed|named|designated|recorded|registered|set up|shown|on file)\\s+as)?|,)\\s+${ARTICLE}\\s+${ROLE}(?=\\s+(?:on|for|of|to|and|may|can|who)\\b|\\s*[.,;]|\\s*$)`,
      'gu',
    ),
    role: 2,
    name: 1,
  },
  {
    re: new RegExp(
      `\\b(?:lists?|listed|shows?|names?|has)\\s+${PROSE_NAME}\\s+as\\s+${ARTICLE}\\s+${ROLE}(?=\\s+(?:on|for|of|to)\\b|\\s*[.,;]|\\s*$)`,
      'gu',
    ),
    role: 2,
    name: 1,
  },
];

/** A job title set after a name, in brackets or between commas ("NAME (CFO)", "NAME, Office Manager,"). */
const APPOSED_TITLE = '(?:\\s*\\([^)]{1,40}\\)|,\\s+\\p{Lu}[\\p{L}&/ -]{1,40},)?';
/**
 * Sentences that give a person the permission itself rather than a role's name: "NAME (CFO) is authorized to make
 * changes to this account", and on a carrier's record the passive agent of the account's changes ("Changes to this
 * account must be requested by NAME, Title"). Not on an LOA: there "requested by" names the gaining provider.
 */
const PERMISSION_SENTENCES: readonly { re: RegExp; onLoa: boolean }[] = [
  {
    re: new RegExp(
      `${PROSE_NAME}${APPOSED_TITLE}\\s+(?:is|are|has been)\\s+(?:the\\s+only\\s+\\w+\\s+)?authori[sz]ed\\s+to\\b`,
      'gu',
    ),
    onLoa: true,
  },
  {
    re: new RegExp(
      `\\b(?:must|may|can|should|will)\\s+(?:only\\s+)?be\\s+(?:requested|authori[sz]ed|approved|made|placed|submitted)\\s+(?:only\\s+)?by\\s+${PROSE_NAME}`,
      'gu',
    ),
    onLoa: false,
  },
];

/**
 * The persons a document's sentences give the authorized person's role or its permission, added to
 * `persons` where no candidate has the same name yet.
 */
export function addRoleSentencePersons(doc: DocLayout, persons: Cand<string>[]): void {
  for (const c of roleSentencePersons(doc)) if (!persons.some((o) => o.value === c.value)) persons.push(c);
}

/**
 * Whoever a sentence gives the authorized person's role, the role read as a caption is read (every word
 * label vocabulary, naming the authorized person): the roles a sentence may name are the captions', not a
 * list of the sentences' own. A role the vocabulary gives someone else (the account manager, a sales
 * representative, the billing contact) names no one here.
 */
function roleSentencePersons(doc: DocLayout): Cand<string>[] {
  const out: Cand<string>[] = [];
  const add = (c: Cand<string> | null) => c && out.push(c);
  for (const { tt } of paragraphs(doc)) {
    for (const { re, onLoa } of PERMISSION_SENTENCES) {
      if (!onLoa && doc.kind === 'loa') continue;
      for (const m of tt.text.matchAll(re)) {
        const lead = SENTENCE_OPENER.exec(m[1]!)?.[0].length ?? 0;
        add(personNamedIn(tt, m, m[1]!.slice(lead), 1));
      }
    }
    for (const { re, role, name } of ROLE_SENTENCES)
      for (const m of tt.text.matchAll(re)) {
        const sure = authorizingRoleWords(m[role]!) || (role === 1 ? authorizingRoleWords(`${m[1]}${m[2]}`) : 0);
        if (sure) add(personNamedIn(tt, m, m[name]!, sure));
      }
  }
  return out;
}

/** The person a sentence's match names in `who` (a piece of the match), weighted by how surely it names them. */
function personNamedIn(tt: TokText, m: RegExpMatchArray, who: string, weight: number): Cand<string> | null {
  const person = parsePerson(who.replace(/[.,]$/, ''));
  if (!person) return null;
  const start = m.index! + m[0].indexOf(who);
  return {
    value: person.value,
    toks: toksIn(tt, start, start + who.length),
    score: 0.7 * person.quality * weight,
    prose: true,
  };
}

/**
 * How surely a sentence's role words name the authorized person, by the caption vocabulary (0: they do not):
 * a sure caption's concept fully ("the decision maker"), a bare contact's less ("the contact of record").
 */
export function authorizingRoleWords(role: string): number {
  const stems = labelStems(role);
  if (!stems.length || !stems.every(isLabelWord)) return 0;
  return authorizingWeight(conceptOf(stems, 'csr'));
}

/** A capitalised word that opens a sentence, never a name's first word. */
const SENTENCE_OPENER = /^(?:Only|Also|Currently|Presently|Note|The|Our|Your|Here|Today|Please|Now)\s+/;
/** Capitalised words (initials, particles) that may be a name with a job title before or after it. */
const CAPS_WORDS =
  "(\\p{Lu}[\\p{L}\\p{M}.'’-]*(?:\\s+(?:\\p{Lu}[\\p{L}\\p{M}.'’-]*|&|(?:de|la|le|du|van|der|den|von|da|del|di|dos)\\b)){1,7})";

/** A person-shaped name of two to four words, or null. */
function personOf(words: string[]): { value: string; quality: number } | null {
  if (words.length < 2 || words.length > 4 || words.some((w) => TITLE_CORE.test(w.replace(/[,.]$/, '')))) return null;
  const p = parsePerson(words.join(' ').replace(/[.,]$/, ''));
  return p && p.quality === 1 && !BUSINESS_SUFFIXES.test(p.value) ? p : null;
}

/**
 * A person named with a job title: "through its Office Manager NAME", "represented by NAME, Owner",
 * "The undersigned, NAME (IT Director)", "NAME, Practice Administrator of …". The title tells the
 * capitalised words are a person's name.
 */
function titledPersons(doc: DocLayout): Cand<string>[] {
  const out: Cand<string>[] = [];
  const push = (words: string[], toks: Tok[], score: number) => {
    const p = personOf(words);
    if (p) out.push({ value: p.value, toks, score, prose: true });
  };
  // TITLE NAME after "its"/"our"/"by": the title words come first
  for (const m of proseMatches(doc, new RegExp(`\\b(?:its|our|their|by|undersigned,?)\\s+${CAPS_WORDS}`, 'u'))) {
    const words = m.value.split(/\s+/);
    const lead = titleLeadOnly(words);
    const rest = words.slice(lead);
    // the name ends where a title or a clause mark starts
    const end = rest.findIndex((w, i) => i > 0 && (/[,(]$/.test(rest[i - 1]!) || TITLE_CORE.test(w)));
    const name = end > 0 ? rest.slice(0, end) : rest;
    push(
      name.map((w) => w.replace(/[,(]$/, '')),
      m.toks.slice(lead, lead + name.length),
      lead ? 0.72 : 0.6,
    );
  }
  // NAME, TITLE / NAME (TITLE): the title words come after
  for (const m of proseMatches(
    doc,
    new RegExp(`${PROSE_NAME}\\s*(?:,\\s*|\\()(?:the\\s+|our\\s+|its\\s+)?([A-Za-z&]+(?:\\s+[A-Za-z&]+){0,3})`, 'u'),
    0,
  )) {
    const [, name, title] = /^(.*?)\s*(?:,\s*|\()(?:the\s+|our\s+|its\s+)?(.*)$/.exec(m.value) ?? [];
    if (!name || !title) continue;
    const tw = title.split(/\s+/);
    if (!titleLeadOnly(tw) && !TITLE_CORE.test(tw[0]!)) continue;
    const words = name.split(/\s+/);
    push(words, m.toks.slice(0, words.length), 0.72);
  }
  return out;
}

/** How many leading words are a job title ("Office Manager"), with no link word after them needed. */
function titleLeadOnly(words: string[]): number {
  let n = 0;
  let core = false;
  for (const w of words) {
    const bare = w.replace(/[,;:)]+$/, '');
    if (TITLE_CORE.test(bare)) core = true;
    else if (!TITLE_MODIFIER.test(bare) || bare === '&' || /^and$/i.test(bare)) break;
    n++;
    if (/[,;:)]$/.test(w)) break;
  }
  return core ? n : 0;
}

/** A letter's closing ("Sincerely,", "Kind regards,"): the signer's name is printed under it. */
export const CLOSING =
  /^(?:(?:very\s+)?(?:sincerely|truly|respectfully|cordially|faithfully)(?:\s+yours)?|yours\s+(?:truly|sincerely|faithfully|respectfully)|(?:best|kind|warm|warmest)\s+regards|regards|best(?:\s+wishes)?|thank\s+you|thanks|respectfully\s+submitted|authorized\s+by|signed)[,.!]?$/i;

/**
 * The name under a letter's closing: the first line below it (past a signature mark or rule) that
 * is a person's name is the signer, who is the person authorizing the letter.
 */
function signOffNames(doc: DocLayout): Cand<string>[] {
  const out: Cand<string>[] = [];
  for (const line of doc.lines) {
    if (!CLOSING.test(segText(line.toks).trim())) continue;
    for (const next of doc.lines.slice(line.id + 1, line.id + 6)) {
      if (next.page !== line.page || next.top - line.bottom > 12 * line.h) break;
      const t = segText(next.toks)
        .replace(/^\/s\/\s*/i, '')
        .replace(/[_]{2,}/g, '')
        .trim();
      if (!t) continue;
      // "Tomas Ekberg, Hospital Administrator": the name before the title
      const p = personOf(t.replace(/\s*[,(].*$/, '').split(/\s+/));
      if (p) {
        out.push({ value: p.value, toks: next.toks, score: 0.7, prose: true });
        break;
      }
    }
  }
  return out;
}

/** The carrier a letter asks to act: "… for Northwind Voice LLC to act as our agent …". */
const PROSE_AGENT =
  /\b(?:for|allow|permit|enable)\s+([A-Z][\w&'.,-]*(?:\s+[A-Z0-9][\w&'.,-]*){0,5})\s+to\s+(?:act|port|move|transfer|handle|represent|submit|process)\b/;
const PROSE_GAINING =
  /\b(?:authori[sz]es?|appoints?|designates?|gives?|asks?|permits?|allows?|instructs?|requests?)\s+([A-Z][\w&'.-]*(?:\s+[A-Z0-9][\w&'.-]*){0,5})/;

/**
 * An address as a sentence writes it, made into the one line an address reader expects: the
 * sentence's full stop after the ZIP is not part of it, and "in" before the city is a comma
 * ("120 Harbor Dr in Tampa, FL 33602").
 */
function sentenceAddress(toks: Tok[]): Tok[] {
  const out: Tok[] = [];
  for (const [i, t] of toks.entries()) {
    if (t.text === 'in' && out.length && i < toks.length - 1) {
      const prev = out[out.length - 1]!;
      out[out.length - 1] = { ...prev, text: prev.text.replace(/,?$/, ',') };
      continue;
    }
    out.push(i === toks.length - 1 ? { ...t, text: t.text.replace(/[.,;]$/, '') } : t);
  }
  return out;
}

/** A sentence's address: a house number to a ZIP, maybe a unit before it ("Suite 410, 2000 Peachtree Rd NW, …"). */
const HOUSE_TO_ZIP = String.raw`\d+[A-Za-z]?\s[^]{4,120}?\b\d{5}(?:-\d{4})?`;
const SENTENCE_ADDRESS = String.raw`(${UNIT_BEFORE_STREET}?${HOUSE_TO_ZIP})(?!\d)`;
/** "The service address on the account is 1877 Lakeview Avenue, …" */
const SERVICE_ADDRESS_IS = new RegExp(
  String.raw`\b(?:service|installation|install|physical|site)\s+(?:address|location)\b[^.:]{0,40}?\b(?:is|at|:)\s+` +
    SENTENCE_ADDRESS,
  'i',
);
/** "…installed at 12 Main St…": a street address after a service word in its sentence */
const SERVICE_WORD_ADDRESS = new RegExp(
  String.raw`\b(?:service|installed|installation|located|premises|site)\b[^.:\d]{0,40}?\s` + SENTENCE_ADDRESS,
  'i',
);

/**
 * A letter names the service address in a sentence. A clear frame ("the service address is …",
 * "installed at …") is worth more than an address block no label names (a letterhead's mailing
 * address), less than a labelled one.
 */
export function proseServiceAddresses(doc: DocLayout, serviceCands: AddrCand[]): void {
  // a letter names the address in a sentence: "The service address on the account is 1877 Lakeview
  // Avenue, Suite 4B, Lakewood, OH 44107." (the sentence may wrap; the address ends at its ZIP)
  for (const m of proseMatches(doc, SERVICE_ADDRESS_IS)) {
    // the sentence's full stop after the ZIP is not part of it
    const r = sentenceAddressReading(m.toks);
    const zipCheck = r ? zipCheckOf(r.check) : undefined;
    if (r)
      serviceCands.push({
        value: r.value,
        toks: r.toks,
        score: 0.62 * r.quality,
        hit: null,
        prose: true,
        stated: true,
        ...(zipCheck ? { zipCheck } : {}),
      });
  }
  // "…at the service address 12 Main St, …", "…installed at 12 Main St…", "…service located at…":
  // a street address after a service/installation word in the same sentence (weaker than the above)
  for (const m of proseMatches(doc, SERVICE_WORD_ADDRESS)) {
    const r = sentenceAddressReading(m.toks);
    if (
      !r ||
      serviceCands.some((c) => c.prose && c.toks.some((t) => r.toks.some((u) => u.idx === t.idx && u.page === t.page)))
    )
      continue;
    const zipCheck = zipCheckOf(r.check);
    serviceCands.push({
      value: r.value,
      toks: r.toks,
      score: 0.58 * r.quality,
      hit: null,
      prose: true,
      stated: true,
      ...(zipCheck ? { zipCheck } : {}),
    });
  }
}

/**
 * The address a sentence's match holds, read from its first number — or, when that number is no house
 * number and the street line so read is words of the sentence ("… on account 666376384 for service at
 * 37 Forest Drive, …"), from the next number that starts a street.
 */
function sentenceAddressReading(toks: Tok[]): AddrResult | null {
  const r = readAddress([sentenceAddress(toks)]);
  if (!r || !SENTENCE_WORDS.test(r.value.street_line)) return r;
  for (let i = 1; i < toks.length; i++) {
    if (!/^\d+[A-Za-z]?$/.test(toks[i]!.text)) continue;
    const again = readAddress([sentenceAddress(toks.slice(i))]);
    if (again && !SENTENCE_WORDS.test(again.value.street_line)) return again;
  }
  return r;
}

/**
 * A sentence that says where the lines are used without a service word ("the lines serve our office
 * at …", "our phones are in use at our store at …"): on a letter of authorization that is the
 * service address.
 */
const WHERE_LINES_ARE =
  /\b(?:lines?|phones?|numbers?|office|offices|store|shop|clinic|building|facility|plant|warehouse|branch|premises|serves?|served|used|use|operate[sd]?|based|work)\b/i;

/**
 * Any street address in running text ("We, Harbor Light LLC, of 120 Harbor Dr, …, UT 84105,
 * authorize…"), named by the words before it in its sentence: a billing or remit-to one is left
 * out; an unnamed one is a weak candidate on a form or record (a letter's only address is where
 * its lines are), never on a bill.
 */
/** The lines (phones, numbers) said to be at the address that follows. */
const LINES_AT =
  /\b(?:lines?|phones?|numbers?|telephones?)\s+(?:(?:are|is)\s+)?(?:(?:located|installed|in\s+use)\s+)?at\s*$/i;
/** Words of a sentence, never of a street line. */
const SENTENCE_WORDS = /\b(?:and|the|are|is|was|were|our|we|to|for|with|that|this|which|be|at)\b/;

export function proseAddresses(doc: DocLayout, serviceCands: AddrCand[], otherAddress: ReadonlySet<Tok>): void {
  const ADDRESS = new RegExp(String.raw`${UNIT_BEFORE_STREET}?\b${HOUSE_TO_ZIP}(?!\d)`, 'gi');
  for (const p of paragraphs(doc)) {
    if (!p.running) continue;
    for (let m = ADDRESS.exec(p.tt.text); m; m = ADDRESS.exec(p.tt.text)) {
      const r = readAddress([sentenceAddress(toksIn(p.tt, m.index, m.index + m[0].length))]);
      // "…is 4410-2291-55 and the lines are at 4 Main St, …": a number in the sentence before the
      // address is not its house number; try again from the next number (and when no address reads from
      // that number at all: "Account # 413713147 (passcode 404004). The phones are at our office at 11069
      // Pearl Avenue, …" matched up to the house number, taken for a ZIP)
      if (!r || SENTENCE_WORDS.test(r.value.street_line) || !isStreetishAddress(r)) {
        ADDRESS.lastIndex = m.index + 1;
        continue;
      }
      if (
        r.toks.some((t) => otherAddress.has(t)) ||
        serviceCands.some((c) => c.toks.some((t) => r.toks.some((u) => u.idx === t.idx && u.seg === t.seg)))
      )
        continue;
      const before = p.tt.text
        .slice(0, m.index)
        .split(/[.;:!?]\s/)
        .at(-1)!
        .split(/\s+/)
        .slice(-8)
        .join(' ');
      // "… for the lines at 12 Main St …", "our phones are located at …": where the lines are, on any document
      const concept = LINES_AT.test(before) ? 'service' : conceptInSentence(before);
      if (concept === 'billing' || concept === 'remit' || (concept === 'unknown' && doc.kind === 'invoice')) continue;
      const zipCheck = zipCheckOf(r.check);
      serviceCands.push({
        value: r.value,
        toks: r.toks,
        score:
          (concept === 'service' ? 0.55 : doc.kind === 'loa' && WHERE_LINES_ARE.test(before) ? 0.52 : 0.35) * r.quality,
        hit: null,
        prose: true,
        ...(zipCheck ? { zipCheck } : {}),
      });
    }
  }
}

export function isStreetishAddress(r: AddrResult): boolean {
  return !!r.value.city && (r.poBox || /^\d+[A-Za-z]?(?:-\d+)?\s+\S*[A-Za-z]/.test(r.value.street_line));
}

// --- numbers ---

/** Where each word sits in its paragraph (for the sentence around a number; a one-line sentence counts). */
const tokPlace = new WeakMap<DocLayout, Map<Tok, { p: Paragraph; start: number }>>();

function placeOf(doc: DocLayout, tok: Tok): { p: Paragraph; start: number } | undefined {
  let map = tokPlace.get(doc);
  if (!map) {
    map = new Map();
    for (const p of paragraphs(doc)) for (const sp of p.tt.spans) map.set(sp.tok, { p, start: sp.start });
    tokPlace.set(doc, map);
  }
  return map.get(tok);
}

/** The sentence around an offset of a paragraph: [text before the offset, text from it]. */
function sentenceAt(text: string, at: number): [string, string] {
  const before = text.slice(0, at).split(SENTENCE_END).at(-1) ?? '';
  const after = text.slice(at).split(SENTENCE_END)[0] ?? '';
  return [before, after];
}

/**
 * A full stop before the next sentence: one opening with a capital, or one opening with a number after
 * a sentence closed on a number ("Please port 559.470.3359 and 559.555.0170. 559.555.0143 should stay …").
 */
const SENTENCE_END = /[.!?]\s+(?=[A-Z(])|(?<=\d{4})\.\s+(?=\d)/;

/**
 * A sentence's tail up to the end of its list of numbers when the list closes the sentence without a
 * stop: its line ends on a figure and the next line opens with a capital ("… 5014230861 and 5015550101"
 * over "Do NOT port these numbers, which stay …") — the next line is the next sentence, not this one's end.
 */
function untilListEnds(p: Paragraph, at: number, tail: string): string {
  const spans = p.tt.spans;
  for (let i = 0; i + 1 < spans.length; i++) {
    const [sp, next] = [spans[i]!, spans[i + 1]!];
    if (sp.start < at || sp.end > at + tail.length) continue;
    if (next.tok.line !== sp.tok.line && /\d$/.test(sp.tok.text) && /^[A-Z]/.test(next.tok.text))
      return p.tt.text.slice(at, sp.end);
  }
  return tail;
}

/**
 * A sentence that keeps numbers where they are ("Do not move …", "… are not part of this request", "Please keep … with
 * Comcast"; the numbers between "keep" and "with" may be written with dots, "Keep 208.347.1715 with …").
 */
const KEEP_SENTENCE =
  /\b(?:do not|don't|not to|should not|must not|will not|never)\s+(?:be\s+)?(?:port|ported|porting|move|moved|transfer|transferred|include|included|disconnect)\b|\bnot\s+(?:part of|included in|covered by|being ported|to be ported)\b|\b(?:keep|retain|leave)\b(?:[^.]|\.(?=\d)){0,80}?\bwith\b|\b(?:stay|stays|remain|remains)\b/i;
/**
 * Words before a number that make it the billing telephone number ("The billing telephone number is …",
 * "It is billed to …", "the main number on the account is …"); a note closed before the number or a
 * new list item ("…0190 (main line) • …0191") belongs to an earlier number.
 */
const BTN_BEFORE =
  /\b(?:billing\s+(?:telephone\s+|phone\s+|tel\.?\s+)?(?:number|no\.?|#|line)|billed\s+(?:to|under|as)|main\s+(?:telephone\s+|phone\s+)?(?:number|line)|btn|lead\s+number|account\s+(?:telephone|phone)\s+number)\b[^.)•]{0,40}$/i;
/** A letterhead's own phone: "Tel", "Phone:", "T:", "Office" right before the number. */
const PHONE_WORD_BEFORE = /(?:^|\s)(?:tel|telephone|phone|ph|t|p|o|office|main|direct|cell|mobile|fax|f)\.?:?\s*$/i;

/**
 * A sentence telling the reader where to turn, ending with "at" right before the number ("Questions about
 * this authorization may be directed to the porting team at", "please contact our LNP desk at", "you can
 * reach Dana at"): the number is a desk's or a person's, not a line on the account.
 */
const REACH_AT =
  /\b(?:questions?|call|contact|reach|directed\s+to|dial|assistance|help|support|inquir(?:y|ies))\b[^.]*\bat\s*$/i;

export type NumberRole = 'keep' | 'btn' | 'contact';

/**
 * What a letter's own words make of a number the layout did not settle: one in a sentence that keeps
 * it with the current carrier is not to be ported; one the sentence calls the billing or main number
 * is the BTN (a number to port only if listed as well); one in the letterhead after "Tel"/"Phone",
 * above the letter's first sentence, is the business's contact number, and one a sentence tells the reader to
 * turn to ("… may be directed to our porting team at …") is a desk's.
 */
export function numberRole(doc: DocLayout, toks: Tok[]): NumberRole | null {
  const first = toks[0];
  if (!first) return null;
  const line = doc.lines[first.line]!;
  const before = segText(line.toks.filter((t) => t.x1 <= first.x0 + 1 && !toks.includes(t)));
  if (first.y1 < firstSentenceTop(doc, first.page) && PHONE_WORD_BEFORE.test(before)) return 'contact';
  const place = placeOf(doc, first);
  if (!place) return null;
  const [head, whole] = sentenceAt(place.p.tt.text, place.start);
  const tail = untilListEnds(place.p, place.start, whole);
  // a number alone in its cell (a list item: "1. 225-555-0173") is no sentence's subject: a heading
  // under it ("Do NOT port these numbers") is about the numbers that follow that heading
  const seg = doc.segs[first.seg];
  const bare = !!seg && /^[\s\d.)•*-]*$/.test(segText(seg.toks.filter((t) => !toks.includes(t))));
  if (bare ? KEEP_SENTENCE.test(head) : KEEP_SENTENCE.test(head + tail)) return 'keep';
  // (the number may be alone on the sentence's last line: "… porting team at" / "844-555-0146.")
  if (REACH_AT.test(head)) return 'contact';
  return BTN_BEFORE.test(head) ? 'btn' : null;
}

/**
 * Whether a number's own sentence calls it the billing number while the numbers label it stands under
 * opens an earlier sentence ("…for the transfer of the telephone numbers below. Our account … It is
 * billed to 616.870.8777."): the sentence that names the number says what it is, not a label that
 * announced a list further on.
 */
export function btnSaidAfterListLabel(doc: DocLayout, toks: Tok[], label: Hit): boolean {
  // (an account label too: a number may be the account's, but not one a later sentence names the BTN)
  if ((label.field !== 'phone_list' && label.field !== 'account_number') || numberRole(doc, toks) !== 'btn')
    return false;
  const at = placeOf(doc, toks[0]!);
  const from = placeOf(doc, label.seg.toks[label.start]!);
  if (!at || !from || from.p !== at.p) return !!at && !!from;
  return from.start < at.start && /[.!?]\s+(?=[A-Z(])/.test(at.p.tt.text.slice(from.start, at.start));
}

/** The top of a page's first paragraph of sentences (many lower-case words), below its letterhead. */
function firstSentenceTop(doc: DocLayout, page: number): number {
  let top = Number.POSITIVE_INFINITY;
  for (const p of paragraphs(doc)) {
    if (p.page !== page || (p.tt.text.match(/(?:^|\s)[a-z]/g) ?? []).length < 5) continue;
    top = Math.min(top, ...p.tt.spans.map((sp) => sp.tok.y0));
  }
  return top;
}
