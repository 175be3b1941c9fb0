/**
 * Guided verification: look for a value on a document inside the region that belongs to a field's
 * label ("Service Address", "Acct #"…), never anywhere on the page — a billing address that equals
 * the LOA's service address proves nothing about the service address.
 *
 * Works on the document's words with boxes (PageText, as stored with each document). The label
 * wordings are the extractor's own table (one place for each fact); the comparison of what is found
 * uses the same normalisation rules as the rest of the comparison (shared/normalize/*).
 */
import type { BBox, DocumentKind, PageText, Word } from '../../../shared/domain/document.js';
import type { ComparedField } from '../../../shared/domain/comparison.js';
import { foldAscii } from '../../../shared/normalize/text.js';
import { CAPITAL_DIGIT_LOOKALIKES } from '../../../shared/normalize/ocr-confusions.js';
import { STREET_SUFFIXES, UNIT_DESIGNATORS } from '../../../shared/normalize/usps.js';
import { labelStems } from '../../../shared/domain/fields.js';
import {
  LABEL_TABLE,
  conceptOf,
  emptyPinPrompt,
  expandAbbreviation,
  gluedLabelPieces,
  isLabelWord,
  looksLikeLabelText,
  pinCaptionAcrossLines,
  pinInitialsTag,
  qualifiedSecret,
  secretCaption,
  splitCaptionMoves,
  splitLabelWord,
  type LabelField,
  type PromptRow,
} from '../extract/labels.js';
import { spanBox } from '../extract/lines.js';
import { identifierWords } from '../extract/records.js';
import { remembered } from '../../../shared/normalize/memo.js';

interface Tok {
  text: string;
  key: string;
  digits?: string;
  word: Word;
  page: number;
}
interface Line {
  page: number;
  toks: Tok[];
  cy: number;
  h: number;
  /** read by OCR: a scan's lines drift, and a word may be grouped with the line above or below its own */
  ocr: boolean;
}
interface LabelHit {
  field: LabelField;
  line: number;
  start: number;
  end: number;
  x0: number;
  x1: number;
}

/** The words of a region, line by line (label words left out). */
export type Region = Tok[][];

export interface Found {
  /** the words found, as written */
  text: string;
  page: number;
  bbox: BBox;
  /** mean word confidence of what was found */
  conf: number;
  /**
   * An address block found under its label: its lines as read, joined by commas (a line's end parts the
   * address as a comma does: "73 21ST AVE, BLDG, 7, BILLINGS" parses where the words run on do not)
   */
  block?: string;
}

const NON_ASCII = /[^\x00-\x7f]/;
const EDGES = /^[^A-Z0-9#]+|[^A-Z0-9]+$/g;
function keyOf(text: string): string {
  // folding accents costs more than everything else here: only words that have any pay for it
  return (NON_ASCII.test(text) ? foldAscii(text) : text).toUpperCase().replace(EDGES, '');
}

/** Digits of a token, reading OCR's letter lookalikes as digits when the token is mostly digits. */
function digitsOf(key: string): string {
  const digits = (key.match(/\d/g) ?? []).length;
  const body = key.replace(/[^A-Z0-9|]/g, '');
  if (!body || digits / body.length < 0.5) return key.replace(/\D/g, '');
  return [...body].map((c) => (/\d/.test(c) ? c : (CAPITAL_DIGIT_LOOKALIKES[c] ?? ''))).join('');
}

/** A mostly-digit word with OCR's letter lookalikes read as digits, punctuation kept ("48l79-3B66" → "48179-3866"). */
function fixLookalikes(text: string): string {
  const alnum = text.replace(/[^A-Za-z0-9|]/g, '');
  const digits = (alnum.match(/\d/g) ?? []).length;
  if (!alnum || digits / alnum.length < 0.5) return text;
  return text.replace(/[A-Za-z|]/g, (c) => CAPITAL_DIGIT_LOOKALIKES[c.toUpperCase()] ?? c);
}

// ---------------------------------------------------------------------------------------------
// Labels: the extractor's table, as token sequences indexed by their first token

interface Phrase {
  field: LabelField;
  toks: string[];
  strict: boolean;
}
const PHRASES_BY_KIND = new Map<DocumentKind, Map<string, Phrase[]>>();

function phrasesFor(kind: DocumentKind): Map<string, Phrase[]> {
  let byFirst = PHRASES_BY_KIND.get(kind);
  if (byFirst) return byFirst;
  byFirst = new Map();
  for (const def of LABEL_TABLE) {
    if (def.kinds && !def.kinds.includes(kind)) continue;
    for (const p of def.phrases) {
      const toks = p.split(/\s+/).map(keyOf).filter(Boolean);
      if (!toks.length) continue;
      const list = byFirst.get(toks[0]!) ?? [];
      list.push({ field: def.field, toks, strict: !!def.strict });
      byFirst.set(toks[0]!, list);
    }
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.toks.length - a.toks.length);
  PHRASES_BY_KIND.set(kind, byFirst);
  return byFirst;
}

// ---------------------------------------------------------------------------------------------
// A document's lines and label hits, built once per page set

export interface DocIndex {
  kind: DocumentKind;
  lines: Line[];
  hits: LabelHit[];
  regions: Map<RegionField, Region[]>;
  /** each line as folded letters and digits, built when first asked */
  keyed?: KeyedLine[];
  /** each cell with the cell below it (a value wrapped in its cell), built when first asked */
  keyedWrapped?: KeyedLine[];
  /** every line's words as one region (an address looked for anywhere), built when first asked */
  allLines?: Region;
}
const INDEX = new WeakMap<PageText[], DocIndex>();

/** A word OCR ran from a label's last word into a number ("TN5598013601", "ACCT#48213376"). */
const LABEL_INTO_NUMBER = /^([A-Za-z]{2,6}#?)(\d[\d().-]{3,}[.,;]?)$/;

/** A piece of a word as a word of its own, its box the piece's share of the word's. */
function partOf(t: Tok, text: string, from: number): Tok {
  const bbox = spanBox(t.word.bbox, from, from + text.length, t.text.length);
  return { text, key: keyOf(text), word: { ...t.word, text, bbox }, page: t.page };
}

/**
 * A scan's label words as the extractor reads them (labels.ts): two words OCR glued at their case
 * change apart ("SecurityPasscode", "VerbalPassword:"), a word OCR split with a stray space whole again
 * ("PASSPHRAS E", "Conta ct"), so the review finds the label where the reader found it.
 */
function repairedLabelWords(toks: Tok[]): Tok[] {
  const out: Tok[] = [];
  for (const t of toks) {
    const pieces = gluedLabelPieces(t.text);
    const prev = out.at(-1);
    const h = Math.min(t.word.bbox[3] - t.word.bbox[1], prev ? prev.word.bbox[3] - prev.word.bbox[1] : Infinity);
    if (pieces) out.push(partOf(t, pieces[0], 0), partOf(t, pieces[1], pieces[0].length));
    else if (prev && splitLabelWord(prev.text, t.text, t.word.bbox[0] - prev.word.bbox[2], h)) {
      const text = prev.text + t.text;
      const bbox: BBox = [prev.word.bbox[0], prev.word.bbox[1], t.word.bbox[2], t.word.bbox[3]];
      out[out.length - 1] = { text, key: keyOf(text), word: { ...prev.word, text, bbox }, page: t.page };
    } else out.push(t);
  }
  return out;
}

/**
 * A line's words with a label's last word split off the number OCR glued it to ("BILL TN5598013601"):
 * only where the letters end a listed label phrase begun on the line, so a code ("TFB", "MB2") stays whole.
 */
function unglueLabelNumbers(toks: Tok[], kind: DocumentKind, byFirst: Map<string, Phrase[]>): Tok[] {
  const out: Tok[] = [];
  for (const t of toks) {
    const m = LABEL_INTO_NUMBER.exec(t.text);
    if (m) {
      const head = { key: keyOf(m[1]!), text: m[1]! };
      const words = [...out.slice(-2), head];
      // (…or a record tag's words that name a field by concept: "BILL TN" is the billing number)
      const tag = (j: number) =>
        words.slice(j).every((w) => /^[A-Z]{2,6}#?$/.test(w.text)) &&
        !!runConcept(
          words
            .slice(j)
            .map((w) => w.text)
            .join(' '),
          kind,
          byFirst,
        );
      const ends = words.some((_, j) => phraseAt(words, j, byFirst)?.toks.length === words.length - j || tag(j));
      if (ends) {
        const [head, n] = [m[1]!.length, t.text.length];
        const part = (text: string, bbox: BBox): Tok => ({
          text,
          key: keyOf(text),
          word: { ...t.word, text, bbox },
          page: t.page,
        });
        out.push(part(m[1]!, spanBox(t.word.bbox, 0, head, n)), part(m[2]!, spanBox(t.word.bbox, head, n, n)));
        continue;
      }
    }
    out.push(t);
  }
  return out;
}

/** A PIN caption's words a tilted scan put on two neighbouring lines, on one again (labels.ts splitCaptionMoves, as the extractor's layout). */
function rejoinSplitCaptions(pageLines: { cy: number; h: number; words: Word[] }[], kind: DocumentKind): void {
  const placed = pageLines.map((l) =>
    l.words.map((w) => ({
      w,
      text: w.text,
      x0: w.bbox[0],
      x1: w.bbox[2],
      cy: (w.bbox[1] + w.bbox[3]) / 2,
      h: Math.max(1, w.bbox[3] - w.bbox[1]),
    })),
  );
  for (const m of splitCaptionMoves(placed, kind)) {
    const from = pageLines[m.from]!.words;
    from.splice(from.indexOf(m.word.w), 1);
    pageLines[m.to]!.words.push(m.word.w);
  }
  for (let i = pageLines.length - 1; i >= 0; i--) if (!pageLines[i]!.words.length) pageLines.splice(i, 1);
}

function buildLines(pages: PageText[], kind: DocumentKind): Line[] {
  const lines: Line[] = [];
  for (const p of pages) {
    const words = p.words
      .filter((w) => w.text.trim())
      .map((w) => ({ w, cy: (w.bbox[1] + w.bbox[3]) / 2, h: Math.max(1, w.bbox[3] - w.bbox[1]) }))
      .sort((a, b) => a.cy - b.cy || a.w.bbox[0] - b.w.bbox[0]);
    const pageLines: { cy: number; h: number; words: Word[] }[] = [];
    for (const x of words) {
      const last = pageLines.at(-1);
      if (last && Math.abs(x.cy - last.cy) < 0.55 * Math.min(x.h, last.h)) last.words.push(x.w);
      else pageLines.push({ cy: x.cy, h: x.h, words: [x.w] });
    }
    if (p.method === 'ocr') rejoinSplitCaptions(pageLines, kind);
    for (const l of pageLines) {
      const toks = l.words
        .sort((a, b) => a.bbox[0] - b.bbox[0])
        .map((word) => {
          const key = keyOf(word.text);
          return { text: word.text, key, word, page: p.page };
        });
      const ocr = p.method === 'ocr';
      lines.push({
        page: p.page,
        toks: ocr ? unglueLabelNumbers(repairedLabelWords(toks), kind, phrasesFor(kind)) : toks,
        cy: l.cy,
        h: l.h,
        ocr,
      });
    }
  }
  return lines;
}

/** Letters and digits only: a phrase or a word as OCR may glue it ("SERVICEADDRESS:", "Port-OutPIN"). */
const glued = (key: string) => key.replace(/[^A-Z0-9]/g, '');

/** Phrases of two or more words by their glued text (OCR ran the words of a label together). */
const GLUED_BY_KIND = new Map<DocumentKind, Map<string, Phrase>>();
function gluedPhrasesFor(kind: DocumentKind): Map<string, Phrase> {
  let byGlue = GLUED_BY_KIND.get(kind);
  if (byGlue) return byGlue;
  byGlue = new Map();
  for (const list of phrasesFor(kind).values())
    for (const p of list)
      if (p.toks.length > 1 && !byGlue.has(glued(p.toks.join('')))) byGlue.set(glued(p.toks.join('')), p);
  GLUED_BY_KIND.set(kind, byGlue);
  return byGlue;
}

/**
 * A label OCR glued into one word: a whole phrase run together ("SERVICEADDRESS:", "PortOutPIN"), or a
 * word glued in front of a label that starts with a capital after a lower-case letter ("OutPIN",
 * "Self-carePIN": a case change inside a word is where two words met). Only a phrase of two or more
 * words, or a label with its colon, counts as the glued word's whole text.
 */
function gluedHit(
  line: Line,
  i: number,
  byFirst: Map<string, Phrase[]>,
  byGlue: Map<string, Phrase>,
): { field: LabelField; len: number } | null {
  const tok = line.toks[i]!;
  const whole = byGlue.get(glued(tok.key));
  if (whole && glued(tok.key).length >= 6) return { field: whole.field, len: 1 };
  const m = /[a-z]([A-Z][A-Z/-]+:?)$/.exec(tok.text);
  if (!m) return null;
  const hit = phraseAt([{ key: keyOf(m[1]!), text: m[1]! }, ...line.toks.slice(i + 1)], 0, byFirst);
  return hit ? { field: hit.field, len: hit.toks.length } : null;
}

/**
 * A word OCR may have read with a digit for a letter or a letter for a digit ("P1N", "ACCT N0", "E9l1"):
 * letters and digits mixed. Only such a word is matched loosely: a word all of letters is read as
 * written, and a number is never a label.
 */
const confusable = (key: string) => /[A-Z]/.test(key) && /\d/.test(key);

/** A word of a label as OCR may read it: the same word, or a mixed word equal once lookalikes are folded. */
function sameLabelWord(key: string, tok: string): boolean {
  return key === tok || (confusable(key) && /[A-Z]/.test(tok) && ocrKey(key) === ocrKey(tok));
}

/** Phrases by their first token with OCR's lookalikes folded (ocrKey): where a mixed word may open a label. */
const LOOSE_FIRST = new WeakMap<Map<string, Phrase[]>, Map<string, Phrase[]>>();
function looseFirst(byFirst: Map<string, Phrase[]>): Map<string, Phrase[]> {
  let loose = LOOSE_FIRST.get(byFirst);
  if (loose) return loose;
  loose = new Map();
  for (const [first, list] of byFirst) {
    const k = ocrKey(first);
    loose.set(
      k,
      [...(loose.get(k) ?? []), ...list].sort((a, b) => b.toks.length - a.toks.length),
    );
  }
  LOOSE_FIRST.set(byFirst, loose);
  return loose;
}

/** The listed label that opens at words[i], if any: common words ("Name", "Account") only with a colon. */
function phraseAt(
  words: readonly { key: string; text: string }[],
  i: number,
  byFirst: Map<string, Phrase[]>,
): Phrase | undefined {
  const key = words[i]!.key;
  const list = byFirst.get(key) ?? (confusable(key) ? looseFirst(byFirst).get(ocrKey(key)) : undefined);
  return list?.find((p) => {
    if (i + p.toks.length > words.length) return false;
    for (let k = 0; k < p.toks.length; k++) if (!sameLabelWord(words[i + k]!.key, p.toks[k]!)) return false;
    return !p.strict || /[:#]$/.test(words[i + p.toks.length - 1]!.text) || p.toks.length > 1;
  });
}

/**
 * A one-word label of no compared field ("Title", "Page") read inside a value's cell, right after the
 * value's words and without a colon: a word of the value ("Copper Canyon Title & Escrow PC"), not a
 * label that ends the value's region.
 */
function wordOfValue(line: Line, i: number, field: LabelField, len: number, hits: LabelHit[], li: number): boolean {
  // (…and an address part's caption that is a street type, "Street" of "415 21st Street, Billings": the street's word)
  const streetType =
    ADDRESS_PART_LABELS.has(field) && STREET_SUFFIXES.has(line.toks[i]!.text.replace(/[.,;]+$/, '').toUpperCase());
  if ((field !== 'other' && !streetType) || len !== 1 || i === 0 || /[:#]$/.test(line.toks[i]!.text)) return false;
  const prev = line.toks[i - 1]!;
  if (lineHitAt(hits, li, i - 1)) return false;
  return line.toks[i]!.word.bbox[0] - prev.word.bbox[2] <= 2 * line.h && !/[:#]$/.test(prev.text);
}

/**
 * Whether a hit of line `li` covers word `ti`. findHits makes hits line by line, so those of the line
 * it is on are the last ones: looking back through them alone keeps a long document's label search
 * from going over every earlier hit at each word.
 */
function lineHitAt(hits: LabelHit[], li: number, ti: number): boolean {
  for (let k = hits.length - 1; k >= 0 && hits[k]!.line === li; k--)
    if (ti >= hits[k]!.start && ti < hits[k]!.end) return true;
  return false;
}

function findHits(lines: Line[], kind: DocumentKind): LabelHit[] {
  const byFirst = phrasesFor(kind);
  const byGlue = gluedPhrasesFor(kind);
  const hits: LabelHit[] = [];
  lines.forEach((line, li) => {
    for (let i = 0; i < line.toks.length; i++) {
      const hit = phraseAt(line.toks, i, byFirst);
      const got = hit ? { field: hit.field, len: hit.toks.length } : gluedHit(line, i, byFirst, byGlue);
      if (!got || wordOfValue(line, i, got.field, got.len, hits, li)) continue;
      const { field } = got;
      const end = i + got.len;
      hits.push({
        field,
        line: li,
        start: i,
        end,
        x0: line.toks[i]!.word.bbox[0],
        x1: line.toks[end - 1]!.word.bbox[2],
      });
      i = end - 1;
    }
    conceptHits(lines, li, kind, byFirst, hits);
  });
  return hits;
}

/**
 * A record line opening with two letters that are a PIN label's initials, the PIN after them ("PC
 * 706878", "PC: 32843919."): the extractor's rule (labels.ts pinInitialsTag), so the review finds the
 * PIN where the reader read it.
 */
function pinInitialsHit(line: Line, li: number, kind: DocumentKind, hits: LabelHit[]): boolean {
  const [tag, ...rest] = line.toks;
  // (a scan's rule or speck read before the tag is no part of it: "|PC 65416414")
  const tagText = tag?.text.replace(/^[|[\]'`‘’.,]+/, '') ?? '';
  if (!tag || !/^[A-Z]{2}:?$/.test(tagText)) return false;
  const value = rest.map((t) => t.text).join(' ');
  if (!pinInitialsTag(tagText.replace(/:$/, '').toLowerCase(), kind, value)) return false;
  hits.push({ field: 'pin', line: li, start: 0, end: 1, x0: tag.word.bbox[0], x1: tag.word.bbox[2] });
  return true;
}

/**
 * A fixed-width CSR record line opening with its tag, the value after it ("AUTH SAMUEL BRENNAN",
 * "SADR1 4782 NORTH BAY…"): the extractor's rule — up to three capitalised tag words that are all
 * label vocabulary (abbreviations expanded) and name a concept; one full word is text, not a tag.
 */
function recordTagHit(line: Line, li: number, kind: DocumentKind, hits: LabelHit[]): void {
  const toks = line.toks;
  if (pinInitialsHit(line, li, kind, hits)) return;
  for (let k = Math.min(3, toks.length - 1); k >= 1; k--) {
    const tagToks = toks.slice(0, k);
    if (!tagToks.every((t) => /^[A-Z][A-Z/&]{0,7}\d?\/?$/.test(t.text))) continue;
    const stems = labelStems(tagToks.map((t) => t.text).join(' ')).map((st) =>
      isLabelWord(st) ? st : (expandAbbreviation(st) ?? st),
    );
    if (!stems.length || !stems.every(isLabelWord)) continue;
    const c = conceptOf(stems, kind);
    // a long single word is text unless it is an abbreviation ("PASSCD" → passcode): only those are tags
    const written = tagToks[0]!.text.toLowerCase();
    const fullWord = stems.length === 1 && (stems[0]!.startsWith(written) || written.startsWith(stems[0]!));
    if (!c || (c.stems.length === 1 && k === 1 && tagToks[0]!.text.length > 5 && fullWord)) continue;
    hits.push({ field: c.field, line: li, start: 0, end: k, x0: toks[0]!.word.bbox[0], x1: toks[k - 1]!.word.bbox[2] });
    return;
  }
}

/**
 * The field a run of label words names by concept, or null. Memoised by kind and text: the same
 * label runs ("Service Address:", "ACNT:") recur on every document of a layout, and every review
 * indexes its documents afresh.
 */
type RunField = Phrase['field'] | NonNullable<ReturnType<typeof conceptOf>>['field'];
const MAX_RUN_CONCEPTS = 20_000;
/** (the key leaves out `byFirst`: the one phrase table of the label vocabulary) */
const byKindAndText = (text: string, kind: DocumentKind) => `${kind}\u0000${text}`;
const runConcept = remembered(runConceptOf, MAX_RUN_CONCEPTS, byKindAndText);
function runConceptOf(text: string, kind: DocumentKind, byFirst: Map<string, Phrase[]>): RunField | null {
  const upper = text === text.toUpperCase();
  const stems = labelStems(text).map((st) => (upper && !isLabelWord(st) ? (expandAbbreviation(st) ?? st) : st));
  let field: RunField | null = null;
  if (stems.length && stems.every(isLabelWord)) {
    // a one-word label the table lists under its full spelling ("CNTCT:" is "Contact:")
    const phrase =
      stems.length === 1 ? byFirst.get(stems[0]!.toUpperCase())?.find((p) => p.toks.length === 1) : undefined;
    field = phrase?.field ?? conceptOf(stems, kind)?.field ?? null;
  }
  // a PIN's own noun qualified by a word no vocabulary knows ("Verbal Password:"): the extractor's rule
  return field ?? (qualifiedSecret(stems) ? 'pin' : null);
}

/**
 * How a label ends: a colon, or a record print's dot leader ("SEC CODE......", "CITY.....:") — four
 * dots or more (three are a sentence's ellipsis, "…for your business...") on a tag that opens its line.
 */
const LABEL_END = /:$/;
/** A line's number ending a tag word of letters ("ADDR1:", "SVC2:"): a record numbers its address lines so. */
const LINE_NUMBER = /(?<=[A-Za-z])\d(?=:?$|\s)/g;
/** The labels a record numbers by line: the address blocks' and their parts'. */
const NUMBERED_LINE_FIELDS: ReadonlySet<RunField> = new Set<RunField>([
  'service_address',
  'billing_address',
  'addr_street',
  'addr_unit',
]);
const DOT_LEADER = /\.{4,}:?$/;

/**
 * Labels the phrase table does not list but the extractor reads by concept: a run of label words
 * ending with a colon (or a dot leader), record abbreviations expanded ("CNTCT:" → contact, "SADR:" → service
 * address, "ACNT:" → account). Only runs with a colon: without one, a value could read as a label.
 */
function conceptHits(
  lines: Line[],
  li: number,
  kind: DocumentKind,
  byFirst: Map<string, Phrase[]>,
  hits: LabelHit[],
): void {
  const line = lines[li]!;
  const taken = (ti: number) => lineHitAt(hits, li, ti);
  const before = hits.length;
  if (kind === 'csr' && !taken(0)) recordTagHit(line, li, kind, hits);
  for (let i = 0; i < line.toks.length; i++) {
    const leader = !LABEL_END.test(line.toks[i]!.text) && i <= 3 && DOT_LEADER.test(line.toks[i]!.text);
    if ((!LABEL_END.test(line.toks[i]!.text) && !leader) || taken(i)) continue;
    for (let from = leader ? 0 : Math.max(0, i - 3); from <= i; from++) {
      if ([...Array(i - from + 1).keys()].some((k) => taken(from + k))) continue;
      const text = line.toks
        .slice(from, i + 1)
        .map((t) => t.text)
        .join(' ');
      // (a record's address lines are numbered on their tags, "SERV ADDR1:", "SVC2:": that digit is no value's)
      const numbered = /\d/.test(text);
      if (numbered && /\d/.test(text.replace(LINE_NUMBER, ''))) continue;
      const field = runConcept(text, kind, byFirst);
      if (!field || (numbered && !NUMBERED_LINE_FIELDS.has(field))) continue;
      hits.push({
        field,
        line: li,
        start: from,
        end: i + 1,
        x0: line.toks[from]!.word.bbox[0],
        x1: line.toks[i]!.word.bbox[2],
      });
      break;
    }
  }
  const secret = secretCaptionHit(lines, li, kind, hits);
  if (!secret && hits.length === before) return;
  let first = hits.length;
  while (first > 0 && hits[first - 1]!.line === li) first--;
  const mine = hits.splice(first).sort((a, b) => a.start - b.start);
  hits.push(...mine);
}

/**
 * Whether a cell's text is a PIN's caption (labels.ts secretCaption), remembered: a document's cells are
 * asked again for every label search of a review, and their stems were a tenth of compare's time.
 */
const secretCaptionText = remembered(
  (text: string, kind: DocumentKind) => secretCaption(labelStems(text), kind),
  4096,
  (text, kind) => `${kind}\u0000${text}`,
);

/**
 * A cell naming the PIN by its own noun, with or without a colon ("Acct PIN" over its value in a row of
 * captions, "Verbal Password" with a word no vocabulary knows): the extractor's rule (labels.ts
 * secretCaption), so the review finds the PIN where the reader read it.
 */
function secretCaptionHit(lines: Line[], li: number, kind: DocumentKind, hits: LabelHit[]): boolean {
  const line = lines[li]!;
  let found = false;
  for (const cell of cellsOf(line)) {
    const text = cell.map((t) => t.text).join(' ');
    // (a statement that there is none is no caption: "No PIN.")
    if (cell.length > 4 || !/^[A-Z]/.test(text) || /\d/.test(text) || /^(?:no|not|none)\b/i.test(text)) continue;
    const start = line.toks.indexOf(cell[0]!);
    const end = start + cell.length;
    const inCell = hits.filter((h) => h.line === li && h.end > start && h.start < end);
    // (a listed PIN label alone in its cell may have its qualifier on the next line: "CUSTOMER" over "PIN")
    const listed = inCell.find((h) => h.field === 'pin' && h.start === start && h.end === end);
    if (listed && cell.length === 1) listed.x0 = qualifierAcrossLines(lines, li, cell[0]!, kind);
    // (a listed word of the caption read alone, "Acct" of "Acct Pwd", is only its qualifier)
    if (inCell.some((h) => h.field === 'pin' || h.start < start || h.end > end)) continue;
    if (!secretCaptionText(text, kind)) continue;
    for (const h of inCell) hits.splice(hits.indexOf(h), 1);
    const x0 = cell.length === 1 ? qualifierAcrossLines(lines, li, cell[0]!, kind) : cell[0]!.word.bbox[0];
    hits.push({ field: 'pin', line: li, start, end, x0, x1: cell.at(-1)!.word.bbox[2] });
    found = true;
  }
  return found;
}

/**
 * Where a caption of a PIN's lone noun starts when its qualifier stands on the line above or below, just
 * left of it or over it: the caption wrapped ("CUSTOMER" over "PIN") or a tilted scan put its two words on
 * two lines. The caption's column starts at the qualifier, so its value under the qualifier is under it.
 */
function qualifierAcrossLines(lines: Line[], li: number, noun: Tok, kind: DocumentKind): number {
  const line = lines[li]!;
  const placed = (t: Tok) => ({
    text: t.text,
    x0: t.word.bbox[0],
    x1: t.word.bbox[2],
    cy: (t.word.bbox[1] + t.word.bbox[3]) / 2,
    h: Math.max(1, t.word.bbox[3] - t.word.bbox[1]),
  });
  for (const other of [lines[li - 1], lines[li + 1]]) {
    if (!other || other.page !== line.page) continue;
    const q = other.toks.find((t) => pinCaptionAcrossLines(placed(t), placed(noun), kind));
    if (q) return Math.min(noun.word.bbox[0], q.word.bbox[0]);
  }
  return noun.word.bbox[0];
}

function indexOf(pages: PageText[], kind: DocumentKind): DocIndex {
  let idx = INDEX.get(pages);
  if (idx && idx.kind === kind) return idx;
  const lines = buildLines(pages, kind);
  idx = { kind, lines, hits: findHits(lines, kind), regions: new Map() };
  INDEX.set(pages, idx);
  return idx;
}

// ---------------------------------------------------------------------------------------------
// Regions

/** The fields whose label regions are looked in: the compared ones, and the billing block (to look past it). */
type RegionField = ComparedField | 'billing_address';
const LABEL_FIELDS: Partial<Record<RegionField, LabelField[]>> = {
  account_name: ['account_name'],
  authorized_person: ['authorized_person'],
  btn: ['btn'],
  account_number: ['account_number'],
  pin: ['pin'],
  service_address: ['service_address'],
  phone_numbers: ['phone_list', 'to_port', 'btn'],
  billing_address: ['billing_address'],
};
const LINES_BELOW: Partial<Record<RegionField, number>> = {
  service_address: 5,
  billing_address: 5,
  phone_numbers: 14,
  authorized_person: 2,
  // a scan's lines drift: the PIN under "Port-out PIN:" can land a line below another column's value
  pin: 2,
};
const ADDRESS_PART_LABELS: ReadonlySet<LabelField> = new Set([
  'addr_street',
  'addr_unit',
  'addr_city',
  'addr_state',
  'addr_zip',
]);

function regionsOf(idx: DocIndex, field: RegionField): Region[] {
  const cached = idx.regions.get(field);
  if (cached) return cached;
  const wanted = LABEL_FIELDS[field] ?? [];
  const out: Region[] = [];
  const hitsByLine = new Map<number, LabelHit[]>();
  for (const h of idx.hits) hitsByLine.set(h.line, [...(hitsByLine.get(h.line) ?? []), h]);
  const isLabelTok = (li: number, ti: number, allowParts: boolean) =>
    (hitsByLine.get(li) ?? []).some(
      (h) => ti >= h.start && ti < h.end && !(allowParts && ADDRESS_PART_LABELS.has(h.field)),
    );
  const belowMax = LINES_BELOW[field] ?? 1;
  const allowParts = field === 'service_address' || field === 'billing_address';
  for (const hit of idx.hits) {
    if (!wanted.includes(hit.field)) continue;
    const line = idx.lines[hit.line]!;
    const sameLine = (hitsByLine.get(hit.line) ?? []).filter((h) => h.start >= hit.end);
    const stopAt = sameLine.find((h) => !(allowParts && ADDRESS_PART_LABELS.has(h.field)));
    const colEnd = stopAt ? stopAt.x0 - 4 : Infinity;
    const beside = line.toks
      .slice(hit.end, stopAt ? stopAt.start : undefined)
      .filter((_, k) => !isLabelTok(hit.line, hit.end + k, false));
    const right = beside.length ? beside : drifted(idx, hit, colEnd, isLabelTok);
    // an address's value beside its caption may start on the caption's first line ("Service" over
    // "Premises:"), and a scan's jitter may group a word of the label's own row with the row above
    const rows = allowParts && right.length ? addressRowsBeside(idx, hit, right, colEnd, isLabelTok) : [right];
    const region: Region = rows.filter((r) => r.length);
    const inRegion = new Set(region.flat());
    // below the label: its column, until the next label that is not part of this field
    // a label with nothing after it heads a section ("SECTION B – SERVICE ADDRESS"): its block starts at the
    // margin — unless it heads a table's last column (other cells before it on its line, "Numbers  Location
    // BTN"): its column starts halfway from the cell before (the row's other columns are other fields)
    const cells = cellsOf(line);
    const cellAt = cells.findIndex((c) => c.includes(line.toks[hit.start]!));
    const before = cellAt > 0 ? cells[cellAt - 1]!.at(-1)!.word.bbox[2] : null;
    // a caption of several labels in one cell ("SOLD TO CUSTOMER:"): its column starts where the caption does
    const cell = cells[cellAt] ?? [];
    const captionStart = cell
      .slice(0, cell.indexOf(line.toks[hit.start]!))
      .every((t) => isLabelTok(hit.line, line.toks.indexOf(t), false))
      ? (cell[0]?.word.bbox[0] ?? hit.x0)
      : hit.x0;
    const colStart = right.length
      ? Math.min(hit.x0, captionStart) - 24
      : before !== null
        ? (before + cells[cellAt]![0]!.word.bbox[0]) / 2
        : Math.min(hit.x0, line.toks[0]!.word.bbox[0]) - 24;
    // a label inside a sentence that ends on its line ("No passcode has been set on this account."): the
    // next line is the next sentence, not this label's value ("…installed at 2996 Lincoln Way")
    const rest = line.toks.slice(hit.end);
    const sentenceEnds =
      (rest.length >= 3 && /^[a-z]/.test(rest[0]!.text) && /[a-z]\.$/.test(rest[rest.length - 1]!.text)) ||
      (field === 'btn' && numberClosesSentence(rest));
    // an empty PIN prompt in a block of prompts with their values beside them: nothing under it is its value
    const empty = field === 'pin' && !right.length && emptyPromptInIndex(idx, hit, hitsByLine);
    // a PIN's value is one word under or beside its caption: on the lines below, words starting well right
    // of the caption's end are another column's (a neighbouring caption wrapped, "Class of" over "Service",
    // or set a little lower, "Main Tel. #", is no end of the PIN's column)
    const captionColEnd = field === 'pin' ? hit.x1 + 2 * line.h : Infinity;
    let prev = line;
    for (let li = hit.line + 1, taken = 0; !sentenceEnds && !empty && li < idx.lines.length && taken < belowMax; li++) {
      const l = idx.lines[li]!;
      if (l.page !== line.page || l.cy - prev.cy > 3.2 * Math.max(l.h, prev.h)) break;
      const inCol = l.toks
        .map((t, ti) => ({ t, ti }))
        .filter(({ t }) => t.word.bbox[0] >= colStart && t.word.bbox[0] < Math.min(colEnd, captionColEnd));
      if (!inCol.length) continue;
      const first = inCol[0]!;
      // (a record's next line tagged for the same block, "SERV ADDR1:" over "SA CSZ:", goes on with it)
      const startsLabel = (hitsByLine.get(li) ?? []).some(
        (h) =>
          h.start === first.ti &&
          !(allowParts && (ADDRESS_PART_LABELS.has(h.field) || (h.field === hit.field && line.ocr && taken < 2))),
      );
      if (startsLabel) break;
      const toks = inCol
        .filter(({ t, ti }) => !isLabelTok(li, ti, false) && !inRegion.has(t))
        .map(({ t }) => t)
        // (an address block's line opened by its own tag, a value after it: "SVC2: BLDG, 7")
        .filter((t, k, all) => k > 0 || !allowParts || all.length < 2 || !lineTag(t.text));
      // the end of a label wrapped onto the next line ("INSTALLED / AT:") is no line of the value
      if (toks.length === 1 && /^[A-Za-z]+:$/.test(toks[0]!.text)) {
        prev = l;
        continue;
      }
      if (toks.length) region.push(toks);
      prev = l;
      taken++;
    }
    if (field === 'authorized_person' && hit.line > 0) {
      // "Print Name" under a filled-in line: the value sits just above its label
      const above = idx.lines[hit.line - 1]!;
      if (above.page === line.page && !hitsByLine.has(hit.line - 1) && line.cy - above.cy < 3 * line.h) {
        const toks = above.toks.filter((t) => t.word.bbox[2] > colStart && t.word.bbox[0] < colEnd);
        if (toks.length) region.push(toks);
      }
    }
    if (region.length) out.push(region);
  }
  idx.regions.set(field, out);
  return out;
}

/**
 * A record's tag of label words opening a line of a block, its line number on it ("SVC2:", "ADDR2:"), that
 * names no field of its own: the block's next line, the tag no part of its value.
 */
function lineTag(text: string): boolean {
  // (a unit's designator before its value, "APT: 5", is the value's own word)
  if (!/^[A-Z][A-Za-z]{1,7}\d?:$/.test(text) || UNIT_DESIGNATORS.has(text.slice(0, -1).toUpperCase())) return false;
  const stems = labelStems(text).map((st) => (isLabelWord(st) ? st : (expandAbbreviation(st) ?? st)));
  return stems.length > 0 && stems.every(isLabelWord);
}

/** A prompt's closing mark: its colon, or the arrow or dots a screen sets in its place ("PIN ==>", "PIN.....:"). */
const PROMPT_END = /:$|^=+>$|\.{2,}$/;

/**
 * A PIN prompt alone at the end of its line, whose nearest neighbour row starting where it starts with a
 * prompt has its value beside it (labels.ts emptyPinPrompt, as the extractor's spans ask it).
 */
function emptyPromptInIndex(idx: DocIndex, hit: LabelHit, hitsByLine: Map<number, LabelHit[]>): boolean {
  const line = idx.lines[hit.line]!;
  const closes = (l: Line, h: LabelHit) =>
    PROMPT_END.test(l.toks[h.end - 1]!.text) || (!!l.toks[h.end] && /^=+>$/.test(l.toks[h.end]!.text));
  if (!closes(line, hit) || hit.end < line.toks.length - (/^=+>$/.test(line.toks.at(-1)!.text) ? 1 : 0)) return false;
  const x0 = line.toks[hit.start]!.word.bbox[0];
  const tol = Math.max(3, 0.6 * line.h);
  const rows: PromptRow[] = [];
  for (const li of [hit.line - 1, hit.line + 1, hit.line - 2, hit.line + 2, hit.line - 3, hit.line + 3]) {
    const l = idx.lines[li];
    if (!l || l.page !== line.page || Math.abs(l.cy - line.cy) > 5 * line.h) continue;
    const sameStart = Math.abs(l.toks[0]!.word.bbox[0] - x0) <= tol;
    const prompt = (hitsByLine.get(li) ?? []).find((h) => h.start === 0 && closes(l, h));
    const after = prompt ? l.toks.slice(prompt.end).filter((t) => !/^=+>$/.test(t.text)) : [];
    rows.push({ sameStart, prompt: !!prompt, valueBeside: after.length > 0 });
  }
  return emptyPinPrompt(rows);
}

/**
 * A BTN label's sentence closed on its line by the number it states ("Our billing number there is +1 559
 * 451 2960."): the lines below are the next sentences, whose numbers ("The numbers to port are …") are
 * not this label's value. (Only the BTN's: a date closing a PIN's note, "…last changed 3/14/2026.", may
 * stand over the PIN itself.)
 */
function numberClosesSentence(rest: Tok[]): boolean {
  const last = rest[rest.length - 1]?.text ?? '';
  return rest.length >= 2 && /^[a-z]/.test(rest[0]!.text) && /\d\.$/.test(last) && !/^\d{1,2}\.$/.test(last);
}

/**
 * On a scan, the words beside a label with none on its own line: a tilted page's value, grouped with
 * the line above or below (its middle nearer the label's line than that line's), right of the label and
 * before the next label on the label's line ("SECURITY PASSCODE" with its "43 48" read onto the line
 * above). Empty on a text layer, whose lines are as written.
 */
function drifted(
  idx: DocIndex,
  hit: LabelHit,
  colEnd: number,
  isLabelTok: (li: number, ti: number, allowParts: boolean) => boolean,
): Tok[] {
  const line = idx.lines[hit.line]!;
  if (!line.ocr) return [];
  const out: Tok[] = [];
  for (const li of [hit.line - 1, hit.line + 1]) {
    const l = idx.lines[li];
    if (!l || l.page !== line.page) continue;
    l.toks.forEach((t, ti) => {
      const [x0, y0, , y1] = t.word.bbox;
      const cy = (y0 + y1) / 2;
      if (x0 < hit.x1 || x0 >= colEnd || isLabelTok(li, ti, false)) return;
      if (line.cy < y0 || line.cy > y1 || Math.abs(cy - line.cy) >= Math.abs(cy - l.cy)) return;
      out.push(t);
    });
  }
  return out.sort((a, b) => a.word.bbox[0] - b.word.bbox[0]);
}

/** A word's middle, top to bottom. */
const middleOf = (t: Tok) => (t.word.bbox[1] + t.word.bbox[3]) / 2;

/**
 * An address label's rows beside it, the words right of it on its own line (`right`) first: a caption
 * wrapped over two lines with the value beside its first ("Service" over "Premises:", "63 Church" beside
 * "Service", "Road, Winston" beside "Premises:") gives the value's first row above the label's line; on a
 * scan, a word of the label's own row its jitter grouped with the line above (its middle nearer the
 * label's than its line's) is put back in that row. The caption's first line is words set over the label's
 * first word (its left edge within a line's height), a line or so above, closing no caption of their own,
 * that name the field with the label's words; its row's words right of both, up to another label, come first.
 */
function addressRowsBeside(
  idx: DocIndex,
  hit: LabelHit,
  right: Tok[],
  colEnd: number,
  isLabelTok: (li: number, ti: number, allowParts: boolean) => boolean,
): Tok[][] {
  const line = idx.lines[hit.line]!;
  const caption = line.toks.slice(hit.start, hit.end);
  const h = line.h;
  const capCy = caption.reduce((n, t) => n + middleOf(t), 0) / caption.length;
  const above: { li: number; l: Line }[] = [];
  for (let li = hit.line - 1; li >= 0 && above.length < 3; li--) {
    const l = idx.lines[li]!;
    if (l.page !== line.page || capCy - l.cy > 2.5 * h) break;
    above.push({ li, l });
  }
  // (on a scan only: a text layer's lines are as written)
  const ownRow = line.ocr
    ? above.flatMap(({ li, l }) =>
        l.toks.filter(
          (t, ti) =>
            t.word.bbox[0] >= hit.x1 &&
            t.word.bbox[0] < colEnd &&
            !isLabelTok(li, ti, false) &&
            t.word.bbox[1] <= capCy &&
            t.word.bbox[3] >= capCy &&
            Math.abs(middleOf(t) - capCy) < Math.abs(middleOf(t) - l.cy),
        ),
      )
    : [];
  const labelRow = [...ownRow, ...right].sort((a, b) => a.word.bbox[0] - b.word.bbox[0]);
  if (line.ocr) tiltedRowOn(idx, hit, labelRow, colEnd, isLabelTok);
  for (const { li, l } of above) {
    const at = l.toks.findIndex(
      (t) =>
        Math.abs(t.word.bbox[0] - hit.x0) <= h &&
        capCy - middleOf(t) >= 0.6 * h &&
        capCy - middleOf(t) <= 1.8 * h &&
        !ownRow.includes(t),
    );
    if (at < 0) continue;
    // the caption's first line: its words up to a gap of a cell's width
    const top = [l.toks[at]!];
    for (let k = at + 1; k < l.toks.length && l.toks[k]!.word.bbox[0] - top.at(-1)!.word.bbox[2] <= 2 * h; k++)
      top.push(l.toks[k]!);
    if (top.some((t) => !/^[A-Za-z][A-Za-z'.&/-]*$/.test(t.text))) continue;
    if (
      !splitLabelNames(
        [...top, ...caption].map((t) => t.text),
        idx.kind,
        hit.field,
      )
    )
      continue;
    const topCy = middleOf(top[0]!);
    const start = Math.max(top.at(-1)!.word.bbox[2], hit.x1 - h);
    const first = above
      .flatMap(({ li: lj, l: lk }) => lk.toks.map((t, ti) => ({ t, label: isLabelTok(lj, ti, false) })))
      .filter(
        ({ t }) =>
          !ownRow.includes(t) &&
          !top.includes(t) &&
          Math.abs(middleOf(t) - topCy) < 0.55 * h &&
          t.word.bbox[0] > start &&
          t.word.bbox[0] < colEnd,
      )
      .sort((a, b) => a.t.word.bbox[0] - b.t.word.bbox[0]);
    const stop = first.findIndex((x) => x.label);
    return [(stop < 0 ? first : first.slice(0, stop)).map((x) => x.t), labelRow];
  }
  return [labelRow];
}

/**
 * A tilted scan's row read on: the words of the next line (or the one above) that go on the row's words
 * where a line's grouping cut it ("El TX" on the label's line, "Paso, 79908" a line below): a word whose
 * nearest word of the row to its left ends a word space before it, their boxes overlapping by half their
 * height at least, joins the row (`row`, kept in reading order).
 */
function tiltedRowOn(
  idx: DocIndex,
  hit: LabelHit,
  row: Tok[],
  colEnd: number,
  isLabelTok: (li: number, ti: number, allowParts: boolean) => boolean,
): void {
  const line = idx.lines[hit.line]!;
  const near = [hit.line - 1, hit.line + 1].flatMap((li) => {
    const l = idx.lines[li];
    if (!l || l.page !== line.page) return [];
    return l.toks.filter((t, ti) => t.word.bbox[0] > hit.x1 && t.word.bbox[0] < colEnd && !isLabelTok(li, ti, false));
  });
  const overlap = (a: Tok, b: Tok) =>
    Math.min(a.word.bbox[3], b.word.bbox[3]) - Math.max(a.word.bbox[1], b.word.bbox[1]) >=
    0.5 * Math.min(a.word.bbox[3] - a.word.bbox[1], b.word.bbox[3] - b.word.bbox[1]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const t of near) {
      if (row.includes(t)) continue;
      const left = row
        .filter((r) => r.word.bbox[2] <= t.word.bbox[0] + 1)
        .reduce<Tok | null>((a, r) => (!a || r.word.bbox[2] > a.word.bbox[2] ? r : a), null);
      const gap = left ? t.word.bbox[0] - left.word.bbox[2] : Infinity;
      // (no word of the row may stand between: the row goes on here, not past a word of its own)
      if (!left || gap > line.h || !overlap(left, t)) continue;
      if (row.some((r) => r !== left && r.word.bbox[0] >= left.word.bbox[2] && r.word.bbox[0] < t.word.bbox[0]))
        continue;
      row.push(t);
      grew = true;
    }
  }
  row.sort((a, b) => a.word.bbox[0] - b.word.bbox[0]);
}

// ---------------------------------------------------------------------------------------------
// Searching a region

function found(toks: Tok[]): Found {
  const page = toks[0]!.page;
  const on = toks.filter((t) => t.page === page);
  const bbox: BBox = [
    Math.min(...on.map((t) => t.word.bbox[0])),
    Math.min(...on.map((t) => t.word.bbox[1])),
    Math.max(...on.map((t) => t.word.bbox[2])),
    Math.max(...on.map((t) => t.word.bbox[3])),
  ];
  return {
    text: toks.map((t) => t.text).join(' '),
    page,
    bbox,
    conf: toks.reduce((s, t) => s + t.word.conf, 0) / toks.length,
  };
}

/** Windows of up to `max` consecutive tokens on one line, longest first (the whole value before a part of it). */
function* windows(region: Region, max: number): Generator<Tok[]> {
  for (const line of region) {
    for (let len = Math.min(max, line.length); len >= 1; len--) {
      for (let i = 0; i + len <= line.length; i++) yield line.slice(i, i + len);
    }
  }
}

/** A window as a run of the region's words read in order, line after line: [from, to). */
interface Span {
  from: number;
  to: number;
}

/**
 * The region's windows as spans of its words read in order: those on one line (longest first), then,
 * when `wrapped`, those that run from a line's end onto the start of the next (a value wrapped in its cell).
 */
function* regionSpans(region: Region, max: number, wrapped: boolean): Generator<Span> {
  const starts: number[] = [];
  let n = 0;
  for (const line of region) {
    starts.push(n);
    n += line.length;
  }
  for (const [li, line] of region.entries()) {
    for (let len = Math.min(max, line.length); len >= 1; len--) {
      for (let i = 0; i + len <= line.length; i++) yield { from: starts[li]! + i, to: starts[li]! + i + len };
    }
  }
  if (!wrapped) return;
  for (let li = 0; li + 1 < region.length; li++) {
    const [end, next] = [starts[li + 1]!, region[li + 1]!.length];
    for (let len = Math.min(max, region[li]!.length + next); len >= 2; len--) {
      for (let head = Math.min(len - 1, region[li]!.length); head >= 1 && len - head <= next; head--)
        yield { from: end - head, to: end + len - head };
    }
  }
}

/**
 * Whether words the reader took for the value run on past a found span, there on the document:
 * "LAKEVIEW DENTAL" found for the case's "LAKEVIEW DENTAL LLC" inside the reading "LAKEVIEW DENTAL
 * GROUP LLC" stops inside the carrier's name (a carrier comparing letter for letter sees GROUP). A
 * reading that ran on into a neighbouring label, a number or a record tag ("ACME LLC SVC ADDR 12
 * MAIN ST", "USR AISHA HERNANDEZ") does not count: those words are not the value's.
 */
function stopsInsideReading(words: Tok[], span: Span, reading: string, kind: DocumentKind): boolean {
  const want = ocrKey(
    words
      .slice(span.from, span.to)
      .map((t) => t.text)
      .join(''),
  );
  const read = ocrKey(reading);
  if (!want || read.length <= want.length) return false;
  const after = words.slice(span.to);
  const before = words.slice(0, span.from).reverse();
  for (let p = read.indexOf(want); p >= 0; p = read.indexOf(want, p + 1)) {
    const onAfter = readOn(
      after,
      read.slice(p + want.length),
      (rest, k) => rest.startsWith(k),
      (rest, k) => rest.slice(k.length),
    );
    const onBefore = readOn(
      before,
      read.slice(0, p),
      (rest, k) => rest.endsWith(k),
      (rest, k) => rest.slice(0, rest.length - k.length),
    );
    if (nameWords(onAfter, kind) || nameWords([...onBefore].reverse(), kind, true)) return true;
  }
  return false;
}

/**
 * Whether the reading's digit groups go on past a found span, there on the document: "1882 74 411"
 * found for a CSR's cut reading inside the LOA's reading "1882 74 411 3226186" is the start of the
 * LOA's number, not the number written a second time.
 */
function stopsInsideNumber(words: Tok[], span: Span, reading: string): boolean {
  const key = (t: string) => t.toLowerCase().replace(/[^a-z0-9]/g, '');
  const want = key(
    words
      .slice(span.from, span.to)
      .map((t) => t.text)
      .join(''),
  );
  const read = key(reading);
  const next = words[span.to];
  if (!want || read.length <= want.length || !next || !/\d/.test(next.text)) return false;
  const p = read.indexOf(want);
  return p >= 0 && key(next.text).length > 0 && read.slice(p + want.length).startsWith(key(next.text));
}

/** The words of `toks`, in order, that the rest of the reading goes on with. */
function readOn(
  toks: Tok[],
  rest: string,
  holds: (rest: string, key: string) => boolean,
  drop: (rest: string, key: string) => string,
): string[] {
  const out: string[] = [];
  for (const t of toks) {
    const k = ocrKey(t.text);
    if (!rest || !k || !holds(rest, k)) break;
    out.push(t.text);
    rest = drop(rest, k);
  }
  return out;
}

/**
 * Whether a reading holds every word of `value` and more name words besides ("MARIA LOPEZ GARCIA" for
 * "Maria Lopez"): the value written inside that reading is a part of the document's value, not the
 * value written a second time elsewhere.
 */
export function moreNameWordsThan(reading: string, value: string, kind: DocumentKind): boolean {
  const words = reading.split(/\s+/).filter((w) => ocrKey(w));
  const want = value.split(/\s+/).map(ocrKey).filter(Boolean);
  if (!want.length || !want.every((k) => words.some((w) => ocrKey(w) === k))) return false;
  return nameWords(
    words.filter((w) => !want.includes(ocrKey(w))),
    kind,
  );
}

/**
 * Whether words next to a span are more of a name: not a label ("SVC ADDR", "Contact:"), not a number
 * or a code. After a span only the words up to the first number count; before it, any number is a
 * code, and so is one short word (a record tag or a title: "USR", "DR").
 */
function nameWords(words: string[], kind: DocumentKind, before = false): boolean {
  const cut = words.findIndex((t) => /\d/.test(t));
  if (before && (cut >= 0 || (words.length === 1 && words[0]!.replace(/[^A-Za-z]/g, '').length <= 3))) return false;
  const run = cut >= 0 ? words.slice(0, cut) : words;
  if (!run.length || run.some((t) => /:$/.test(t))) return false;
  if (looksLikeLabelText(run.join(' '))) return false;
  // a label opening the run ("CONTACT MARIA LOPEZ"): one to three label words naming a concept
  for (let n = 1; n <= Math.min(3, run.length); n++) {
    const stems = labelStems(run.slice(before ? -n : 0, before ? undefined : n).join(' '));
    if (stems.length && stems.every(isLabelWord) && conceptOf(stems, kind)) return false;
  }
  return true;
}

/**
 * Where the value of `field` equal to `accept` is written on the document, inside that field's
 * label regions. `accept` receives the text of a run of words and says whether it is the value
 * (with the comparison's own normalisation); `maxWords` bounds the run. `reading`, what the reader
 * took for the field's value on this document: a run that stops inside it is not the value;
 * `wrapped`: a run may go on from a line's end onto the next line (a name wrapped in its cell).
 */
export function findInField(
  pages: PageText[] | undefined,
  kind: DocumentKind,
  field: ComparedField,
  accept: (text: string, toks: Tok[]) => boolean,
  maxWords: number,
  /**
   * `first`: only the words that open the region (what the label states, not a neighbour's value);
   * `whole`: only runs that end where a line of the region ends (a value is its cell's words, not a part);
   * `bounded`: only runs it takes for a whole value, given the words of their cell on either side
   */
  opts: { reading?: string; wrapped?: boolean; first?: boolean; whole?: boolean; bounded?: CellBounds } = {},
): Found | null {
  if (!pages?.length) return null;
  const idx = indexOf(pages, kind);
  for (const region of regionsOf(idx, field)) {
    const words = region.flat();
    const lineEnds = new Set<number>();
    for (let k = 0, n = 0; k < region.length; k++) lineEnds.add((n += region[k]!.length));
    for (const span of regionSpans(region, maxWords, !!opts.wrapped)) {
      if (opts.first && span.from > 0) continue;
      if (opts.whole && !lineEnds.has(span.to)) continue;
      const toks = words.slice(span.from, span.to);
      if (!accept(toks.map((t) => t.text).join(' '), toks)) continue;
      if (opts.bounded && !spanBounded(region, span, opts.bounded)) continue;
      // a part of what the reader read there is not the value the document gives
      if (opts.reading && stopsInsideReading(words, span, opts.reading, kind)) continue;
      if (opts.reading && field === 'account_number' && stopsInsideNumber(words, span, opts.reading)) continue;
      return found(toks);
    }
  }
  return null;
}

/**
 * Anywhere on the document, labels or not. Never proof of a match (a billing block proves nothing
 * about the service address); only a reason to doubt that a document lacks a value.
 */
export function findAnywhere(
  pages: PageText[] | undefined,
  kind: DocumentKind,
  accept: (text: string, toks: Tok[]) => boolean,
  maxWords: number,
  wrapped = false,
): Found | null {
  if (!pages?.length) return null;
  const idx = indexOf(pages, kind);
  for (const w of windows(
    idx.lines.map((l) => l.toks),
    maxWords,
  ))
    if (accept(w.map((t) => t.text).join(' '), w)) return found(w);
  if (!wrapped) return null;
  // a value wrapped in its cell ("Copper Canyon" / "Animal Clinic, PLLC"): a line and the next, read together
  const pairs = idx.lines
    .slice(1)
    .map((l, i) => (l.page === idx.lines[i]!.page ? [...idx.lines[i]!.toks, ...l.toks] : []))
    .filter((t) => t.length);
  for (const w of windows(pairs, maxWords * 2)) if (accept(w.map((t) => t.text).join(' '), w)) return found(w);
  return null;
}

/**
 * Address blocks: one to four consecutive region lines read as one address (`anywhere`: up to seven
 * lines of the whole document). `needKeys` are ocrKeys every accepted text contains: blocks
 * without them are never handed to `accept` (parsing every block of a long scan is the cost).
 */
interface RegionTexts {
  texts: string[];
  fixedTexts: string[];
  /** the lines' keys run together, and where each line's key starts in it (one past the end last) */
  key: string;
  fixedKey: string;
  at: number[];
  fixedAt: number[];
}
/** A region's lines as text and folded keys: the same regions are searched for several addresses per review. */
const REGION_TEXTS = new WeakMap<Region, RegionTexts>();
function regionTexts(region: Region): RegionTexts {
  let r = REGION_TEXTS.get(region);
  if (r) return r;
  const texts = region.map((l) => l.map((t) => t.text).join(' '));
  // OCR's lookalikes in numbers ("Z6 N Maple" for 26): read mostly-digit words as digits
  const fixedTexts = region.map((l) => l.map((t) => fixLookalikes(t.text)).join(' '));
  // a block's key is a slice of the run-together keys: no joining per block searched
  const run = (keys: string[]) => {
    const at = [0];
    for (const k of keys) at.push(at.at(-1)! + k.length);
    return { key: keys.join(''), at };
  };
  const plain = run(texts.map(ocrKey));
  const fixed = run(fixedTexts.map(ocrKey));
  r = { texts, fixedTexts, key: plain.key, at: plain.at, fixedKey: fixed.key, fixedAt: fixed.at };
  REGION_TEXTS.set(region, r);
  return r;
}

export function findAddressInField(
  pages: PageText[] | undefined,
  kind: DocumentKind,
  accept: (text: string) => boolean,
  anywhere = false,
  needKeys: string[] = [],
): Found | null {
  if (!pages?.length) return null;
  const idx = indexOf(pages, kind);
  const regions = anywhere ? [(idx.allLines ??= idx.lines.map((l) => l.toks))] : regionsOf(idx, 'service_address');
  for (const region of regions) {
    const { texts, fixedTexts, key, at, fixedKey, fixedAt } = regionTexts(region);
    // every block's key is a part of the region's: a key the region lacks is in none of its blocks
    if (!needKeys.every((k) => key.includes(k)) && !needKeys.every((k) => fixedKey.includes(k))) continue;
    // a block's key is its lines' keys run together (ocrKey drops the ", " between them)
    const holds = (i: number, len: number) => {
      const block = key.slice(at[i], at[i + len]);
      if (needKeys.every((k) => block.includes(k))) return true;
      const fixedBlock = fixedKey.slice(fixedAt[i], fixedAt[i + len]);
      return needKeys.every((k) => fixedBlock.includes(k));
    };
    // anywhere: the label lines between the parts are not left out, and OCR's jitter splits lines further
    for (let len = 1; len <= Math.min(anywhere ? 7 : 4, region.length); len++) {
      for (let i = 0; i + len <= region.length; i++) {
        if (!holds(i, len)) continue;
        const text = texts.slice(i, i + len).join(', ');
        if (accept(text)) return { ...found(region.slice(i, i + len).flat()), block: text };
        const fixed = fixedTexts.slice(i, i + len).join(', ');
        if (fixed !== text && accept(fixed)) return { ...found(region.slice(i, i + len).flat()), block: fixed };
      }
    }
  }
  return null;
}

const OUTSIDE_BILLING = new WeakMap<PageText[], PageText[]>();
/**
 * A document's pages without the words of its billing-address blocks (under a "Billing Address" /
 * "Bill To" label): where an address written there proves nothing about the service address.
 */
export function outsideBillingBlocks(pages: PageText[], kind: DocumentKind): PageText[] {
  let out = OUTSIDE_BILLING.get(pages);
  if (out) return out;
  const billing = new Set(
    regionsOf(indexOf(pages, kind), 'billing_address').flatMap((r) => r.flatMap((l) => l.map((t) => t.word))),
  );
  out = billing.size ? pages.map((p) => ({ ...p, words: p.words.filter((w) => !billing.has(w)) })) : pages;
  OUTSIDE_BILLING.set(pages, out);
  return out;
}

/** Whether the words were read by OCR (their confidences mean less than a text layer's). */
export function readByOcr(pages: PageText[] | undefined): boolean {
  return !!pages?.some((p) => p.method === 'ocr');
}

/** Whether the document has a label for the field at all (an empty region means "left blank"). */
export function hasLabel(pages: PageText[] | undefined, kind: DocumentKind, field: ComparedField): boolean {
  if (!pages?.length) return false;
  const wanted = LABEL_FIELDS[field] ?? [];
  return indexOf(pages, kind).hits.some((h) => wanted.includes(h.field));
}

/** Whether a run of words (no digits) is a label naming the field, words OCR glued at a case change split again ("OutPIN"). */
function namesField(text: string, kind: DocumentKind, field: LabelField): boolean {
  if (!text || /\d/.test(text)) return false;
  return namedField(text, kind) === field;
}

/**
 * The field a run of words names as a label, or null. Memoised by kind and text (as runConcept): a
 * review asks it of every few words around each reading, and the same words recur on every document.
 */
const namedField = remembered(namedFieldOf, MAX_RUN_CONCEPTS, byKindAndText);
function namedFieldOf(text: string, kind: DocumentKind): string | null {
  // a case change inside a word is where two words met: a record tag ("AccountPin", "<AuthorizedUser>")
  const stems = labelStems(text.replace(/([a-z])(?=[A-Z])/g, '$1 ')).map((st) =>
    isLabelWord(st) ? st : (expandAbbreviation(st) ?? st),
  );
  return stems.length && stems.every(isLabelWord) ? (conceptOf(stems, kind)?.field ?? null) : null;
}

/** Whether a word is one of a reading's: its middle lies inside the reading's box. */
export function middleInside(box: BBox): (b: BBox) => boolean {
  return (b) => {
    const [cx, cy] = [(b[0] + b[2]) / 2, (b[1] + b[3]) / 2];
    return cx >= box[0] && cx <= box[2] && cy >= box[1] && cy <= box[3];
  };
}
/**
 * Whether the words just before a reading on its line (up to three, their punctuation aside: "Port-out
 * code ~ 7305", "PASSCD 4821"), or the cell right above it (a grid's header: "SECRET CODE" over
 * "8562"), name the field: the label the reading was taken under. A record tag of no such concept
 * ("/PIC 13Z1", "/LPIC 1940": carrier codes) or none at all is not that label.
 */
export function labelledInFront(
  pages: PageText[] | undefined,
  kind: DocumentKind,
  field: LabelField,
  at: { page: number | null; bbox: BBox | null },
): boolean {
  const box = at.bbox;
  const found = readingLine(pages, kind, at);
  if (!found || !box) return false;
  const { lines, li, at0 } = found;
  const line = lines[li]!;
  const first = line.toks.findIndex((t) => at0(t.word.bbox));
  // the label glued into the value's own word: a record tag around it ("<Pin>6692</Pin>", "PIN:6692")
  const own = (/^[^>:]*[>:]/.exec(line.toks[first]!.text) ?? /^\D*/.exec(line.toks[first]!.text))![0];
  if (own.length >= 3 && namesField(own, kind, field)) return true;
  if (namedInFront(line.toks.slice(0, first), kind, field)) return true;
  // a scan's drift may split one printed row into two lines (a short word's box sets a line's height:
  // "SEC CODE=" a line of its own above "1 031"): the words left of the reading on a neighbouring
  // line whose middle lies within the reading's box, close before it, stand in front of it too
  // …or whose word right before the reading shares most of its height: the same printed row, the line's
  // middle pulled off by the row's other cells ("PIN Code:" at 84–94 before "37373809" at 86–96, its line
  // a point higher with the account name's cell)
  const h = box[3] - box[1];
  const rowMate = (t: Tok) => Math.min(t.word.bbox[3], box[3]) - Math.max(t.word.bbox[1], box[1]) >= 0.5 * h;
  const lastBefore = (l: Line) => l.toks.filter((t) => t.word.bbox[2] <= box[0]).at(-1);
  const sameRow = [lines[li - 1], lines[li + 1]].filter(
    (l): l is Line =>
      !!l &&
      l.ocr &&
      l.page === line.page &&
      ((l.cy >= box[1] && l.cy <= box[3]) || (!!lastBefore(l) && rowMate(lastBefore(l)!))),
  );
  if (sameRow.length) {
    const before = [
      ...line.toks.slice(0, first),
      ...sameRow.flatMap((l) => l.toks.filter((t) => t.word.bbox[2] <= box[0])),
    ].sort((a, b) => a.word.bbox[0] - b.word.bbox[0]);
    // (nothing between a row's caption and its value: a value column may stand a few letters off)
    const last = before.at(-1);
    const near = !!last && box[0] - last.word.bbox[2] <= (rowMate(last) ? 6 : 2) * h;
    if (near && namedInFront(before, kind, field)) return true;
  }
  if (line.ocr && wrappedCaptionNames(lines, li, box, kind, field)) return true;
  // the cell above: the line just above (no farther than a blank line), its words over the reading's
  const ai = cellAboveLine(lines, li, box);
  const above = lines[ai];
  if (!above || above.page !== line.page || line.cy - above.cy > 3 * line.h) return false;
  const names = (row: Line) => {
    const cell = cellsOf(row).find((c) => c[0]!.word.bbox[0] <= box[2] && c.at(-1)!.word.bbox[2] >= box[0]);
    // (OCR's split label word joined again: "P asscode:" over "21B8")
    return (
      !!cell &&
      splitLabelNames(
        cell.map((t) => t.text),
        kind,
        field,
      )
    );
  };
  if (names(above)) return true;
  if (recordHeadingNames(above, line, kind, field)) return true;
  // a header row a scan split into two lines less than a line apart ("Transfer" over the reading, "PIN"
  // beside it a few points off): the header is both lines' words in their order across the page
  const upper = lines[ai - 1];
  if (!upper || !above.ocr || upper.page !== line.page || above.cy - upper.cy >= Math.min(above.h, upper.h))
    return false;
  const toks = [...upper.toks, ...above.toks].sort((a, b) => a.word.bbox[0] - b.word.bbox[0]);
  return names({ ...above, toks, h: Math.max(above.h, upper.h) });
}

/**
 * Whether a caption wrapped in its cell names the field, the reading beside it between the caption's two
 * lines ("VERBAL" over "PASSWORD:" left of "984403" on a scanned portal card): the cell is the words right
 * before the reading on its line and the lines next to it (their middles within a line and a half of the
 * reading's), in the column of the nearest one; its top line closing no caption of its own, nothing
 * between it and the reading, and the reading's middle between its first line's and its last line's.
 */
function wrappedCaptionNames(lines: Line[], li: number, box: BBox, kind: DocumentKind, field: LabelField): boolean {
  const line = lines[li]!;
  const h = box[3] - box[1];
  const mid = (b: BBox) => (b[1] + b[3]) / 2;
  const cy = mid(box);
  const near = [lines[li - 1], line, lines[li + 1]]
    .filter((l): l is Line => !!l && l.page === line.page && l.ocr)
    .flatMap((l) => l.toks)
    .filter((t) => t.word.bbox[2] <= box[0] && Math.abs(mid(t.word.bbox) - cy) <= 1.5 * h);
  const nearest = near.reduce<Tok | null>((a, t) => (!a || t.word.bbox[2] > a.word.bbox[2] ? t : a), null);
  if (!nearest) return false;
  const [x0, , x1] = nearest.word.bbox;
  const cell = near
    .filter((t) => t.word.bbox[0] < x1 && t.word.bbox[2] > x0)
    .sort((a, b) => mid(a.word.bbox) - mid(b.word.bbox) || a.word.bbox[0] - b.word.bbox[0]);
  const top = mid(cell[0]!.word.bbox);
  const bottom = mid(cell.at(-1)!.word.bbox);
  if (bottom - top < 0.6 * h || cy < top || cy > bottom) return false;
  const topLine = cell.filter((t) => mid(t.word.bbox) - top < 0.6 * h);
  if (/:['"|]*$/.test(topLine.at(-1)!.text)) return false;
  const right = Math.max(...cell.map((t) => t.word.bbox[2]));
  if (near.some((t) => t.word.bbox[0] >= right)) return false;
  return splitLabelNames(
    cell.map((t) => t.text),
    kind,
    field,
  );
}

/**
 * The line holding the cell above a reading: the line just above, or on a scan the nearest of the next two
 * above it when the lines between hold no word over the reading's column — a tilted scan sets a row's other
 * cells ("1 Oct 2024" beside the PIN "654l") a few points higher, on index lines of their own, and the
 * caption over the reading ("PASSCODE /" over "654l") a line farther up.
 */
function cellAboveLine(lines: Line[], li: number, box: BBox): number {
  const line = lines[li]!;
  const overColumn = (l: Line) => l.toks.some((t) => t.word.bbox[0] <= box[2] && t.word.bbox[2] >= box[0]);
  for (let k = li - 1; k >= Math.max(0, li - 3); k--) {
    const l = lines[k]!;
    if (l.page !== line.page || !l.ocr || !line.ocr || overColumn(l) || k === 0) return k;
    if (line.cy - lines[k - 1]!.cy > 3 * line.h) return k;
  }
  return li - 1;
}

/**
 * The index line a reading stands on and how its words are told (`at0`): the words whose middle lies inside
 * its box; or, for a reading cut out of words OCR glued to a tag ("<FullName>Aisha"), covering no word's
 * middle, the words it overlaps for most of the narrower one's width; or, cut out of two tagged words
 * ("<Name>Maria" "Zhang</Name>"), the words a good part of whose own width it covers.
 */
function readingLine(
  pages: PageText[] | undefined,
  kind: DocumentKind,
  at: { page: number | null; bbox: BBox | null },
): { lines: Line[]; li: number; at0: (b: BBox) => boolean } | null {
  const box = at.bbox;
  if (!pages?.length || !box) return null;
  const inside = middleInside(box);
  const overlaps = (b: BBox) => {
    const cy = (b[1] + b[3]) / 2;
    const x = Math.min(b[2], box[2]) - Math.max(b[0], box[0]);
    return cy >= box[1] && cy <= box[3] && x >= 0.5 * Math.min(b[2] - b[0], box[2] - box[0]);
  };
  const lines = indexOf(pages, kind).lines;
  const onPage = lines.filter((l) => l.page === at.page);
  const partly = (b: BBox) => {
    const cy = (b[1] + b[3]) / 2;
    const x = Math.min(b[2], box[2]) - Math.max(b[0], box[0]);
    return cy >= box[1] && cy <= box[3] && x >= 0.3 * (b[2] - b[0]);
  };
  const any = (f: (b: BBox) => boolean) => onPage.some((l) => l.toks.some((t) => f(t.word.bbox)));
  const at0 = any(inside) ? inside : any(overlaps) ? overlaps : partly;
  const li = lines.findIndex((l) => l.page === at.page && l.toks.some((t) => at0(t.word.bbox)));
  return li < 0 ? null : { lines, li, at0 };
}

/**
 * The caption over a reading's column: the nearest line above it whose words over the reading's column hold
 * no number of three digits — the column's heading ("DISCONNECTED / NOT ON ACCOUNT" over "210.555.0164" and
 * "210.407.7523") — from its first word over the column to a cell gap; the column's other rows between.
 * '' when none stands within `maxLines` lines (no two more than three line heights apart) on the page.
 */
export function captionOver(
  pages: PageText[] | undefined,
  kind: DocumentKind,
  at: { page: number | null; bbox: BBox | null },
  maxLines = 8,
): string {
  const found = readingLine(pages, kind, at);
  const box = at.bbox;
  if (!found || !box) return '';
  const { lines, li } = found;
  for (let k = li - 1, below = lines[li]!; k >= Math.max(0, li - maxLines); below = lines[k]!, k--) {
    const l = lines[k]!;
    if (l.page !== below.page || below.cy - l.cy > 3 * below.h) return '';
    const over = l.toks.filter((t) => t.word.bbox[0] <= box[2] && t.word.bbox[2] >= box[0]);
    if (!over.length || over.some((t) => /\d{3}/.test(t.text))) continue;
    const cell = [over[0]!];
    for (let i = l.toks.indexOf(over[0]!) + 1; i < l.toks.length; i++) {
      if (l.toks[i]!.word.bbox[0] - l.toks[i - 1]!.word.bbox[2] > 2 * l.h) break;
      cell.push(l.toks[i]!);
    }
    return cell.map((t) => t.text).join(' ');
  }
  return '';
}

/**
 * Whether a data record's nested key names the field over the member a reading stands on ("auth_user": {
 * over "name": "Wei Martinez"; <AuthUser> over <Name>Wei Martinez</Name>), its member lines between at
 * the member's indent or deeper: the record's own structure labels the member, on a text layer as on a
 * scan. (labelledInFront's other rules — a cell above, a caption beside — read a scan's drift; on a text
 * layer its reader has judged them.)
 */
export function underRecordHeading(
  pages: PageText[] | undefined,
  kind: DocumentKind,
  field: LabelField,
  at: { page: number | null; bbox: BBox | null },
): boolean {
  const found = readingLine(pages, kind, at);
  if (!found) return false;
  const { lines, li } = found;
  const line = lines[li]!;
  const x0 = (l: Line) => l.toks[0]!.word.bbox[0];
  // (a box's members stand no farther apart than a blank line each)
  for (let k = li - 1, below = line; k >= Math.max(0, li - 8); below = lines[k]!, k--) {
    const l = lines[k]!;
    if (l.page !== line.page || below.cy - l.cy > 3 * line.h) return false;
    if (x0(l) >= x0(line) - 0.5 * line.h) continue;
    return recordHeadingNames(l, line, kind, field);
  }
  return false;
}

/**
 * A data record's nested key right above a member's line, the member indented past it ("auth_user": {
 * over "full_name": "Ibrahim Smith"; <AuthorizedUser> over <Name>Maria Zhang</Name>): the object the
 * member belongs to is what the key names, its words as an identifier's ("auth_user", "AuthUser").
 */
function recordHeadingNames(above: Line, line: Line, kind: DocumentKind, field: LabelField): boolean {
  const text = above.toks.map((t) => t.text).join(' ');
  const key =
    /^["'“”]?([A-Za-z_][\w.-]*)["'“”]?\s*:\s*\S{0,2}\s*[{[]$/.exec(text) ??
    /^<([A-Za-z_][\w.:-]*)>$/.exec(text.replace(/\s+/g, ''));
  if (!key || above.toks[0]!.word.bbox[0] >= line.toks[0]!.word.bbox[0] - 0.5 * line.h) return false;
  return namesField(identifierWords(key[1]!).join(' '), kind, field);
}

/**
 * The words after a reading on its line, up to `max` of them (a roster row's role cell, the rest of a
 * sentence), and the reading's own last word ("Morales," — its punctuation joins it to what follows);
 * null when the reading is not found on a line. Its words are those whose middle lies inside the
 * reading's box (labelledInFront's rule).
 */
export function wordsAfterOnLine(
  pages: PageText[] | undefined,
  kind: DocumentKind,
  at: { page: number | null; bbox: BBox | null },
  max = 8,
  /** a sentence's words go on at the start of the next line */
  wrapped = false,
): { last: string; after: string[] } | null {
  const box = at.bbox;
  if (!pages?.length || !box) return null;
  const inside = middleInside(box);
  const lines = indexOf(pages, kind).lines;
  // (a reading over two lines — a heading read onto a name — ends on the later one)
  const li = lines.findLastIndex((l) => l.page === at.page && l.toks.some((t) => inside(t.word.bbox)));
  const line = lines[li];
  if (!line) return null;
  const last = line.toks.findLastIndex((t) => inside(t.word.bbox));
  const after = line.toks.slice(last + 1, last + 1 + max);
  const next = lines[li + 1];
  if (wrapped && next && next.page === line.page && next.cy - line.cy <= 2.5 * line.h)
    after.push(...next.toks.slice(0, max - after.length));
  return { last: line.toks[last]!.text, after: after.map((t) => t.text) };
}

/**
 * The words of a reading's line from its first word inside the reading's box on (up to `max`): the
 * reading's own words and what follows them, when its reader dropped words of its cell from the value
 * but not from the box ("Thomas Hernandez, Viewer" read as "Thomas Hernandez").
 */
export function wordsFromOnLine(
  pages: PageText[] | undefined,
  kind: DocumentKind,
  at: { page: number | null; bbox: BBox | null },
  max = 12,
): string[] {
  const box = at.bbox;
  if (!pages?.length || !box) return [];
  const inside = middleInside(box);
  const line = indexOf(pages, kind).lines.find((l) => l.page === at.page && l.toks.some((t) => inside(t.word.bbox)));
  if (!line) return [];
  const first = line.toks.findIndex((t) => inside(t.word.bbox));
  return line.toks.slice(first, first + max).map((t) => t.text);
}

/**
 * The words before a reading on its own line (up to `max`, in their order): what a fact line writes in
 * front of its value ("BILLING ADDRESS (IF DIFFERENT): 286 NE …"). Empty when the reading starts its line.
 */
export function wordsInFront(
  pages: PageText[] | undefined,
  kind: DocumentKind,
  at: { page: number | null; bbox: BBox | null },
  max: number,
): string {
  const box = at.bbox;
  if (!pages?.length || !box) return '';
  // the reading's first word: the leftmost word on the reading's top line whose middle lies in its box
  const inside = middleInside(box);
  const line = indexOf(pages, kind).lines.find((l) => l.page === at.page && l.toks.some((t) => inside(t.word.bbox)));
  if (!line) return '';
  const first = line.toks.findIndex((t) => inside(t.word.bbox));
  return line.toks
    .slice(Math.max(0, first - max), first)
    .map((t) => t.text)
    .join(' ');
}

/**
 * The name in a roster row whose role cell is a managing role ("Dmitri Sm ith  Owner / admin",
 * "AnhNguyen Administrator"): the words just before the role on its line, back to the row's start or a
 * cell gap, that `accept` takes for a person's name. null when no row, or more than one, reads so.
 */
export function managingRowName(
  pages: PageText[] | undefined,
  kind: DocumentKind,
  roles: readonly string[],
  accept: (text: string) => boolean,
): Found | null {
  if (!pages?.length) return null;
  const wanted = new Set(roles.map((r) => r.toUpperCase()));
  const rows: Found[] = [];
  for (const line of indexOf(pages, kind).lines) {
    const at = line.toks.findIndex((t) => wanted.has(t.text.toUpperCase().replace(/[^A-Z]/g, '')));
    if (at < 1) continue;
    // the role cell's own words before the managing one ("Account manager", "Primary account manager")
    let end = at;
    while (end > 0 && /^(?:account|primary|co-?|-|—|\/|\(|,)$/i.test(line.toks[end - 1]!.text)) end--;
    // the name's cell: the words before it, back to a cell gap (more than two line heights)
    const before: Tok[] = [];
    for (let i = end - 1; i >= 0 && before.length < 4; i--) {
      const t = line.toks[i]!;
      if (before[0] && before[0].word.bbox[0] - t.word.bbox[2] > 2 * line.h) break;
      before.unshift(t);
    }
    const text = before.map((t) => t.text).join(' ');
    if (!before.length || !accept(text)) continue;
    rows.push(found(before));
  }
  return rows.length === 1 ? rows[0]! : null;
}

/** The words that join a name to what a letter's sentence says it is ("is listed as the", ", the"). */
const SENTENCE_LINK = /^(?:,\s*|is\s+(?:(?:listed|named|recorded|shown|registered)\s+)?(?:as\s+)?)(?:the|our|an?)\s+/i;

/**
 * Whether the sentence a reading opens names the field right after it ("Maria Castillo is listed as the
 * authorized contact for the account", "Only Wei Morales, the authorized user, may …"): a letter's way
 * of labelling a value, the label after the name.
 */
export function namedAfterInSentence(
  pages: PageText[] | undefined,
  kind: DocumentKind,
  field: LabelField,
  at: { page: number | null; bbox: BBox | null },
): boolean {
  const row = wordsAfterOnLine(pages, kind, at, 8, true);
  if (!row) return false;
  const text = `${/,$/.test(row.last) ? ', ' : ''}${row.after.join(' ')}`;
  const link = SENTENCE_LINK.exec(text);
  if (!link) return false;
  const words = text.slice(link[0].length).split(/\s+/);
  // the label is the next one to three words, up to the clause's end ("user," "contact.")
  for (let k = 1; k <= Math.min(3, words.length); k++) {
    const label = words.slice(0, k).map((w) => w.replace(/[,.;:]+$/, ''));
    if (splitLabelNames(label, kind, field)) return true;
    if (/[,.;:]$/.test(words[k - 1]!)) break;
  }
  return false;
}

/** Whether the last one to three of the words before a reading (in their order) name the field. */
function namedInFront(before: Tok[], kind: DocumentKind, field: LabelField): boolean {
  for (let from = Math.max(0, before.length - 3); from < before.length; from++) {
    if (
      splitLabelNames(
        before.slice(from).map((t) => t.text),
        kind,
        field,
      )
    )
      return true;
  }
  return false;
}

/** Digits of a run of words as OCR may have read them (lookalike letters as digits). */
export function digitsOfToks(toks: Tok[]): string {
  let out = '';
  for (const t of toks) out += t.digits ??= digitsOf(t.key);
  return out;
}

/** A word that is part of a written phone number ("(914)", "555-0124.", "+1"). */
const NUMBER_PART = /^[(+]?\d[\d().\-–]*[.,;:)]?$/;

/**
 * How many times a ten-digit number is written on a document as a number of its own: its words' digits
 * read together, never inside a longer run (an account number "508-555-0106-288" holds no phone number).
 */
export function timesWrittenOn(pages: PageText[] | undefined, kind: DocumentKind, tenDigits: string): number {
  if (!pages?.length) return 0;
  let n = 0;
  for (const line of indexOf(pages, kind).lines) {
    const toks = line.toks;
    for (let i = 0; i < toks.length; i++) {
      let acc = '';
      for (let j = i; j < toks.length && NUMBER_PART.test(toks[j]!.text); j++) {
        acc += toks[j]!.text.replace(/\D/g, '');
        if (acc.length > 11) break;
        const endsHere = j + 1 >= toks.length || !NUMBER_PART.test(toks[j + 1]!.text) || acc.length >= 10;
        if (endsHere && acc.replace(/^1(?=\d{10}$)/, '') === tenDigits) {
          n++;
          i = j;
          break;
        }
      }
    }
  }
  const lines = indexOf(pages, kind).lines;
  for (let li = 0; li + 1 < lines.length; li++) if (wrapsOnto(lines[li]!, lines[li + 1]!, tenDigits)) n++;
  return n;
}

/**
 * A number a letter's line breaks inside ("… our billing number there is +1 650" / "555 0127."): its
 * first words end the line, the rest open the next, and only together are they the number.
 */
function wrapsOnto(line: Line, next: Line, tenDigits: string): boolean {
  if (line.page !== next.page) return false;
  const tail = line.toks.slice(-4);
  const head = next.toks.slice(0, 4);
  for (let k = 1; k <= tail.length; k++) {
    const from = tail.slice(tail.length - k);
    if (!from.every((t) => NUMBER_PART.test(t.text))) break;
    const before = from.map((t) => t.text.replace(/\D/g, '')).join('');
    let acc = before;
    for (let m = 0; m < head.length && NUMBER_PART.test(head[m]!.text) && acc.length < 11; m++) {
      acc += head[m]!.text.replace(/\D/g, '');
      const endsHere = m + 1 >= head.length || !NUMBER_PART.test(head[m + 1]!.text) || acc.length >= 10;
      if (endsHere && acc.replace(/^1(?=\d{10}$)/, '') === tenDigits) return true;
    }
  }
  return false;
}

/** A phone number written anywhere in the document's number lists (never a contact or remit line). */
export function findNumberInLists(pages: PageText[] | undefined, kind: DocumentKind, tenDigits: string): Found | null {
  return findInField(
    pages,
    kind,
    'phone_numbers',
    (_text, toks) => {
      const d = digitsOfToks(toks).replace(/^1(?=\d{10}$)/, '');
      return d === tenDigits;
    },
    4,
  );
}

// ---------------------------------------------------------------------------------------------
// Written anywhere, OCR-tolerant: is a value on the document at all?

/**
 * OCR's lookalikes folded together (0/O/Q/D, 1/I/L, 5/S, 8/B, 2/Z, 6/G: CAPITAL_DIGIT_LOOKALIKES), so misread
 * characters compare equal; by character code over ASCII ('' where the character is kept as it is).
 */
const FOLD_BY_CODE: string[] = Array.from(
  { length: 128 },
  (_, c) => CAPITAL_DIGIT_LOOKALIKES[String.fromCharCode(c)] ?? '',
);
/**
 * Letters and digits only, lookalikes folded: glued, split or misread words compare equal. One pass
 * over the characters: a review folds thousands of words and blocks, and three regex passes (one with a
 * callback per letter) were a tenth of its time.
 */
export function ocrKey(t: string): string {
  const u = t.toUpperCase();
  let out = '';
  for (let i = 0; i < u.length; i++) {
    const c = u.charCodeAt(i);
    if (c >= 48 && c <= 57) out += u[i];
    else if (c >= 65 && c <= 90) out += FOLD_BY_CODE[c] || u[i];
  }
  return out;
}

interface KeyedLine {
  /** the line's letters and digits, folded (ocrKey) */
  key: string;
  /** the same characters unfolded: a digit next to a match is another number's */
  raw: string;
  /** where each word (or part of one between punctuation) starts, ascending */
  starts: number[];
  /** the word each of those parts comes from */
  from: Tok[];
}

function keyedLine(toks: Tok[]): KeyedLine {
  let raw = '';
  const starts: number[] = [];
  const from: Tok[] = [];
  for (const t of toks) {
    for (const piece of t.text.toUpperCase().split(/[^A-Z0-9]+/)) {
      if (!piece) continue;
      starts.push(raw.length);
      from.push(t);
      raw += piece;
    }
  }
  return { key: ocrKey(raw), raw, starts, from };
}

function keyedLines(idx: DocIndex): KeyedLine[] {
  idx.keyed ??= idx.lines.map((l) => keyedLine(l.toks));
  return idx.keyed;
}

/** Each cell with the cell below it: a value wrapped in its cell continues there (a grid's other columns beside). */
function keyedWrapped(idx: DocIndex): KeyedLine[] {
  if (idx.keyedWrapped) return idx.keyedWrapped;
  const out: KeyedLine[] = [];
  for (let i = 1; i < idx.lines.length; i++) {
    const [above, below] = [idx.lines[i - 1]!, idx.lines[i]!];
    if (above.page !== below.page || below.cy - above.cy > 2.5 * Math.max(above.h, below.h)) continue;
    const lower = cellsOf(below);
    for (const cell of cellsOf(above)) {
      const [x0, x1] = [cell[0]!.word.bbox[0], cell.at(-1)!.word.bbox[2]];
      for (const next of lower)
        if (next[0]!.word.bbox[0] < x1 && next.at(-1)!.word.bbox[2] > x0) out.push(keyedLine([...cell, ...next]));
    }
  }
  idx.keyedWrapped = out;
  return out;
}

/** The words of a line covering characters `from` … `to` (exclusive). */
function wordsBetween(line: KeyedLine, from: number, to: number): Tok[] {
  const out: Tok[] = [];
  for (let k = 0; k < line.starts.length; k++) {
    const end = k + 1 < line.starts.length ? line.starts[k + 1]! : line.raw.length;
    if (end > from && line.starts[k]! < to && !out.includes(line.from[k]!)) out.push(line.from[k]!);
  }
  return out;
}

/**
 * Whether label words name the field as written, or once two neighbours OCR split apart are one word
 * again ("Security pa sscode:", "A pas scode of"): only the joined word is tried, so two label words
 * never become one that names another field.
 */
export function splitLabelNames(words: string[], kind: DocumentKind, field: LabelField): boolean {
  if (namesField(words.join(' '), kind, field)) return true;
  for (let k = 1; k < words.length; k++) {
    const joined = [...words.slice(0, k - 1), words[k - 1]! + words[k]!, ...words.slice(k + 1)];
    if (namesField(joined.join(' '), kind, field)) return true;
  }
  return false;
}

/** Two neighbouring words of a line further apart than two heights `h`: a cell's edge between them. */
function apartAsCells(l: Tok, r: Tok, h: number): boolean {
  return r.word.bbox[0] - l.word.bbox[2] > 2 * h;
}

/** A line's cells: runs of words apart from the next by more than two line heights. */
function cellsOf(line: Line): Tok[][] {
  const cells: Tok[][] = [];
  for (const t of line.toks) {
    const last = cells.at(-1);
    if (last && !apartAsCells(last.at(-1)!, t, line.h)) last.push(t);
    else cells.push([t]);
  }
  return cells;
}

/** Whether a span of a region's words stands whole in its cell (its first and last line's words around it). */
function spanBounded(region: Region, span: Span, bounded: CellBounds): boolean {
  const lines = region.filter((l) => l.length);
  const at = (w: number) => {
    let n = 0;
    for (const line of lines) {
      if (w < n + line.length) return { line, k: w - n };
      n += line.length;
    }
    return null;
  };
  const [a, b] = [at(span.from), at(span.to - 1)];
  if (!a || !b) return true;
  return tokensBounded(a.line, a.k, b.line, b.k, region.flat().slice(span.from, span.to), bounded);
}

/**
 * `bounded` asked of words (first at `a[k]`, last at `b[m]` of their lines) and of their cell's words
 * on either side: a gap of more than two word heights is a cell's edge.
 */
function tokensBounded(a: Tok[], k: number, b: Tok[], m: number, words: Tok[], bounded: CellBounds): boolean {
  let lo = k;
  while (lo > 0 && !cellEdge(a[lo - 1]!, a[lo]!)) lo--;
  let hi = m;
  while (hi < b.length - 1 && !cellEdge(b[hi]!, b[hi + 1]!)) hi++;
  const text = (ts: Tok[]) => ts.map((t) => t.text);
  return bounded(text(a.slice(lo, k)), text(words), text(b.slice(m + 1, hi + 1)));
}

/** A cell's edge between two neighbouring words of a region's line (no line height at hand: the taller word's). */
function cellEdge(l: Tok, r: Tok): boolean {
  return apartAsCells(l, r, Math.max(l.word.bbox[3] - l.word.bbox[1], r.word.bbox[3] - r.word.bbox[1]));
}

/** Whether a value's words stand whole in their cell: see writtenOn's `bounded`. */
export type CellBounds = (before: readonly string[], words: readonly string[], after: readonly string[]) => boolean;

/**
 * Whether the match at [from, to) of a line (its start known within `slack` characters) is a whole
 * value to `bounded`: its words, and the words of its cell on either side — a gap of more than two word
 * heights is a cell's edge (a wrapped line's next cell starts back at the left, and goes on).
 */
function boundedIn(line: KeyedLine, from: number, to: number, slack: number, bounded: CellBounds): boolean {
  const toks = line.from.filter((t, k) => line.from.indexOf(t) === k);
  // where the match starts and ends: the word edges nearest (an edit moves them a letter or two); a match
  // that ends inside a word ("…BREWINGS" of "Brewing Supply") is no whole value
  const nearest = (edges: number[], at: number) =>
    edges.reduce((best, e, k) => (Math.abs(e - at) < Math.abs(edges[best]! - at) ? k : best), 0);
  const ends = [...line.starts.slice(1), line.raw.length];
  const [first, lastPart] = [nearest(line.starts, from), nearest(ends, to)];
  if (Math.abs(ends[lastPart]! - to) > slack || lastPart < first) return false;
  const [a, b] = [toks.indexOf(line.from[first]!), toks.indexOf(line.from[lastPart]!)];
  return tokensBounded(toks, a, toks, b, toks.slice(a, b + 1), bounded);
}

/**
 * The end of the first place `want` is written in `text` within `maxEdits` (approximate substring search)
 * that `ok` accepts (given where the match would start and its last character), or -1. Of the ends of one
 * place, the closest: the first end within the edits is the value with its last letters left out
 * ("Harbor Point Dental" of "Harbor Point Dental Co"), a shorter text than the page writes.
 */
function approxEnd(
  text: string,
  want: string,
  maxEdits: number,
  ok: (start: number, last: number) => boolean = () => true,
): number {
  const m = want.length;
  let prev = Array.from({ length: m + 1 }, (_, i) => i);
  let best = -1;
  let bestEdits = maxEdits + 1;
  for (let j = 0; j < text.length; j++) {
    const cur = [0];
    for (let i = 1; i <= m; i++)
      cur.push(Math.min(prev[i]! + 1, cur[i - 1]! + 1, prev[i - 1]! + (want[i - 1] === text[j] ? 0 : 1)));
    const edits = cur[m]!;
    if (edits < bestEdits && ok(Math.max(0, j - m + 1), j)) [best, bestEdits] = [j, edits];
    // (the place is over once the match grows no closer: its best end is taken)
    else if (best >= 0) return best;
    if (bestEdits === 0) return best;
    prev = cur;
  }
  return best;
}

/** A number found at [at, end) of a line that is no part of a longer one: no digit runs on either side. */
function standsAlone(line: KeyedLine, at: number, end: number): boolean {
  return (
    (at === 0 || line.starts.includes(at) || !/\d/.test(line.raw[at - 1]!)) &&
    (end === line.raw.length || line.starts.includes(end) || !/\d/.test(line.raw[end]!))
  );
}

/**
 * How many times a value is written on the document's lines exactly as given, OCR's lookalikes, glue
 * and splits folded (a number standing on its own). A reading the document repeats word for word is
 * what it says, however unsure OCR was of each copy.
 */
export function timesWrittenExactly(
  pages: PageText[] | undefined,
  kind: DocumentKind,
  value: string,
  digits = false,
): number {
  const want = ocrKey(value);
  if (!want || !pages?.length) return 0;
  let n = 0;
  for (const line of keyedLines(indexOf(pages, kind)))
    for (let at = line.key.indexOf(want); at >= 0; at = line.key.indexOf(want, at + want.length))
      if (!digits || standsAlone(line, at, at + want.length)) n++;
  return n;
}

/**
 * Where a value is written anywhere on the document — labels or not, on one line or wrapped onto the
 * next — with OCR's damage allowed: words glued or split, punctuation dropped or added, lookalike
 * characters, and up to `maxEdits` further characters wrong. A number (`digits`) must stand on its
 * own: "5878" inside "555-5878" or "15878" is another number. Used to tell whether a document shows
 * a value at all: found, a differing reading may come from the wrong block; nowhere, the document
 * does not say it.
 */
export function writtenOn(
  pages: PageText[] | undefined,
  kind: DocumentKind,
  value: string,
  /**
   * `wordStart`: a match with edits must begin where a word begins (within the edits): a name is not
   * written inside another one ("Group Canyon Title" is not "…per Canyon Title" of "Copper Canyon Title").
   * `wholeWords` (exact matches): the match begins and ends where words do — a short value ("STE 1") is
   * not written inside other words ("TDS TELECOM", folded "TD5TE1ECOM").
   * `bounded`: whether a match stands as a whole value, given the words of its cell before it, its own
   * words and the cell's words after it (as written, punctuation kept): a place it refuses is passed over.
   */
  opts: {
    maxEdits?: number;
    digits?: boolean;
    wordStart?: boolean;
    wholeWords?: boolean;
    bounded?: CellBounds;
  } = {},
): Found | null {
  const want = ocrKey(value);
  if (!want || !pages?.length) return null;
  const maxEdits = opts.maxEdits ?? 0;
  // with k edits, one of k + 1 pieces of the value is written exactly: lines holding none are passed over
  const size = Math.floor(want.length / (maxEdits + 1));
  const pieces = Array.from({ length: maxEdits + 1 }, (_, i) =>
    want.slice(i * size, i === maxEdits ? undefined : (i + 1) * size),
  );
  const idx = indexOf(pages, kind);
  // a number stands on one line; a name may wrap in its cell
  for (const line of opts.digits ? keyedLines(idx) : [...keyedLines(idx), ...keyedWrapped(idx)]) {
    if (line.key.length < want.length - maxEdits) continue;
    if (maxEdits > 0 && !pieces.some((p) => line.key.includes(p))) continue;
    if (maxEdits === 0) {
      for (let at = line.key.indexOf(want); at >= 0; at = line.key.indexOf(want, at + 1)) {
        const end = at + want.length;
        const whole =
          !opts.wholeWords || (line.starts.includes(at) && (end === line.key.length || line.starts.includes(end)));
        if (!whole || (opts.digits && !standsAlone(line, at, end))) continue;
        if (!opts.bounded || boundedIn(line, at, end, 0, opts.bounded)) return found(wordsBetween(line, at, end));
      }
      continue;
    }
    const atWord = (start: number) => line.starts.some((w) => Math.abs(w - start) <= maxEdits);
    const end = approxEnd(
      line.key,
      want,
      maxEdits,
      (start, last) =>
        (!opts.wordStart || atWord(start)) &&
        (!opts.bounded || boundedIn(line, start, last + 1, maxEdits, opts.bounded)),
    );
    if (end >= 0) return found(wordsBetween(line, Math.max(0, end - want.length + 1), end + 1));
  }
  return null;
}
