import type { BBox, DocumentKind, PageText, Word } from '../../../shared/domain/document.js';
import {
  CONCEPT_WORDS,
  LABEL_FILLERS,
  labelStems,
  NUMBER_SIGN_FORMS,
  twoLanguageCaption,
} from '../../../shared/domain/fields.js';
import {
  BUSINESS_SUFFIXES,
  CLAUSE_LINKS,
  CLAUSE_OPENERS,
  conceptOf,
  expandAbbreviation,
  gluedLabelPieces,
  isLabelWord,
  looksLikeLabelText,
  LEGAL_FORM_END,
  phraseTagConcept,
  pinInitialsTag,
  qualifiedSecret,
  HEAD_ENDS,
  headOf,
  hintConcept,
  keptNumbersCaption,
  soleFieldConcept,
  splitCaptionMoves,
  splitLabelWord,
  wholeLabelConcept,
  LABEL_CONCEPTS,
  LABEL_TABLE,
  type LabelConcept,
  type LabelDef,
  type LabelField,
} from './labels.js';
import {
  cleanerReading,
  editDistance,
  labelKey,
  letterShapes,
  MONTHS,
  lettersFromLookalikes,
  UNSURE_WORD_CONF,
} from './text.js';
import { documentTitle } from './classify.js';
import { estimateSlope, spanBox, unsureWordsAmongPrint } from './lines.js';
import { isCityLineOfWords } from './zip.js';
import { normalizeState } from '../../../shared/normalize/address.js';
import { STREET_SUFFIXES, UNIT_DESIGNATORS } from '../../../shared/normalize/usps.js';

/**
 * Layout analysis: words → lines → segments (runs of words without a column-sized gap), and the
 * label hits found in them. Coordinates are de-skewed per page (scans are rotated a degree or two)
 * for grouping; the original boxes are kept for evidence.
 */
export interface Tok {
  text: string;
  bbox: BBox;
  conf: number;
  page: number;
  /** de-skewed box */
  x0: number;
  x1: number;
  y0: number;
  y1: number;
  cy: number;
  h: number;
  line: number;
  seg: number;
  /** index inside its segment */
  idx: number;
  key: string;
  /** a drawn mark from a text page (path or image), not an OCR word */
  drawn?: true;
}

export interface Seg {
  id: number;
  line: number;
  page: number;
  toks: Tok[];
  x0: number;
  x1: number;
}

export interface Line {
  id: number;
  page: number;
  toks: Tok[];
  segs: Seg[];
  cy: number;
  top: number;
  bottom: number;
  h: number;
}

export interface Hit {
  def: LabelDef;
  field: LabelField;
  seg: Seg;
  /** token range [start, end) inside the segment */
  start: number;
  end: number;
  colon: boolean;
  /** inside running text, not at the start of a cell and without a colon */
  prose: boolean;
  /** first in its cell (after modifiers like "Current", or right after another label) */
  atStart: boolean;
  /** 0..1: how sure this is a label (weight, position, exactness) */
  strength: number;
  x0: number;
  x1: number;
  line: number;
  page: number;
  /** the cells a wrapped label continues in, below its first (see wrappedLabels) */
  wrapSegs?: number[];
  /** in the last wrapped cell, where the label ends and the value's next line begins ("Legal Name: Offices LLC") */
  wrapEnd?: number;
  /** a header table's column (a row of labels over a row of values): where this label's values lie (see tableColumns) */
  col?: { x0: number; x1: number };
  /** a caption no vocabulary knows, made a label by its shape only (shape.ts) */
  byShape?: true;
}

export interface DocLayout {
  kind: DocumentKind;
  pages: PageText[];
  lines: Line[];
  segs: Seg[];
  hits: Hit[];
  hitsBySeg: Map<number, Hit[]>;
  pageWidth: Map<number, number>;
  /** OCR fragments too unsure to read (specks, rules, scribbles): kept out of lines, but a signature is made of them */
  noise: Tok[];
}

/** A word as the USPS tables spell it: capitals, no punctuation. */
const bareUpper = (w: string) => w.toUpperCase().replace(/\W/g, '');

/** A dash alone: flat by nature, so a speck by its height but for this. */
const DASH = /^[-–—]$/;

/** An OCR word this unsure and this short is a speck or a piece of a rule, not text. */
function isNoise(w: { text: string; conf: number }, typicalH: number, h: number): boolean {
  if (w.conf >= 0.45) return false;
  const t = w.text.replace(/[^\p{L}\p{N}]/gu, '');
  if (w.conf < 0.12 && !unsureButWord(w.text, typicalH, h)) return true;
  if (promptShaped(w.text, typicalH, h)) return false;
  return t.length <= 2 || (!/\d/.test(t) && t.length <= 3);
}

/**
 * A screen's or form's short prompt as OCR read it, unsure of the dots: letters, then a run of leader
 * dots or a colon ("TN....:", "NO:", "ST.:"), as tall as the page's print. Dust reads as stray marks,
 * never as letters ending in a prompt's colon, so the word is the caption of the value after it.
 */
function promptShaped(text: string, typicalH: number, h: number): boolean {
  if (h < 0.6 * typicalH || h > 1.6 * typicalH) return false;
  return /^\p{L}{2,}(?:\.{2,}:?|\.?:)$/u.test(text);
}

/**
 * A word OCR gave up on (confidence near 0) that is plainly text all the same: a group of digits
 * ("+1518" before "555 0141", "210.555.0135" in a row of a listing) or a capitalised name word
 * ("Mateo"), as tall as the page's print. Dust never reads as that; a signature's ink is taller than
 * print and reads as symbols, so it stays ink.
 */
function unsureButWord(text: string, typicalH: number, h: number): boolean {
  if (h < 0.6 * typicalH || h > 1.6 * typicalH) return false;
  const core = text.replace(/[.,;:]+$/, '');
  if (/^\+?\(?\d{3,}\)?-?$|^\d{3,}(?:[-.]\d+)+$/.test(core)) return true;
  return /^[A-Z][a-z]{2,}$/.test(core) && /[aeiouy]/.test(core) && !/^[Il][il1]+$/.test(core);
}

/** A word's box cut where its first `head` of `of` characters end (a box is shared by character share). */
function cutBox(bbox: BBox, head: number, of: number): [BBox, BBox] {
  return [spanBox(bbox, 0, head, of), spanBox(bbox, head, of, of)];
}

/** Split "Account#:12345" into "Account#:" and "12345" (boxes shared by character share). */
function splitGlued(text: string, bbox: BBox): { text: string; bbox: BBox }[] {
  // "Business/Company" → "Business/" "Company" (labels written as alternatives)
  const slash = /^([A-Za-z]{2,}\/)([A-Za-z]{2,}.*)$/.exec(text);
  if (slash) {
    const [a, b] = cutBox(bbox, slash[1]!.length, text.length);
    return [{ text: slash[1]!, bbox: a }, ...splitGlued(slash[2]!, b)];
  }
  // "CONTACT(AUTHORIZED)": a caption's hint in parentheses, its space lost, is a word of its own
  const hint = /^([A-Za-z]{2,})(\([A-Za-z][^()]*\)?[:.]?)$/.exec(text);
  if (hint) {
    const [a, b] = cutBox(bbox, hint[1]!.length, text.length);
    return [
      { text: hint[1]!, bbox: a },
      { text: hint[2]!, bbox: b },
    ];
  }
  // "statement)Palmetto": a caption's hint closed right where the value starts (a tight column, or a
  // producer placing each glyph on its own with no gap the reader takes for a space)
  const closed = /^(.*\p{Ll}\))(\p{Lu}.*)$/u.exec(text);
  if (closed) {
    const [a, b] = cutBox(bbox, closed[1]!.length, text.length);
    return [{ text: closed[1]!, bbox: a }, ...splitGlued(closed[2]!, b)];
  }
  // "P.A.·", "CORP.|": a mark setting facts apart on the line, its space lost, is a word of its own
  const mark = /^(.*[\p{L}\p{N}.)])([|\u00b7\u2022\u2219\u22c5])$/u.exec(text);
  if (mark) {
    const [a, b] = cutBox(bbox, mark[1]!.length, text.length);
    return [...splitGlued(mark[1]!, a), { text: mark[2]!, bbox: b }];
  }
  // "881076064Bill": a number OCR glued to the capitalised word after it (the next column's label)
  const num = /^(\d[\d-]*\d)([A-Z][a-z]{2,}.*)$/.exec(text);
  if (num) {
    const [a, b] = cutBox(bbox, num[1]!.length, text.length);
    return [{ text: num[1]!, bbox: a }, ...splitGlued(num[2]!, b)];
  }
  // "SecurityPasscode", "VerbalPassword:": a caption's two words OCR ran together at their case change
  const pieces = gluedLabelPieces(text);
  if (pieces) {
    const [a, b] = cutBox(bbox, pieces[0].length, text.length);
    return [
      { text: pieces[0], bbox: a },
      { text: pieces[1], bbox: b },
    ];
  }
  const m = /^(.*?[A-Za-z#)\]])[:](?=[^\s:/\\])(.+)$/.exec(text);
  if (!m || /^\d{1,2}:\d{2}/.test(text)) return [{ text, bbox }];
  const label = `${m[1]}:`;
  const [a, b] = cutBox(bbox, label.length, text.length);
  return [
    { text: label, bbox: a },
    { text: m[2] as string, bbox: b },
  ];
}

/** Specks OCR reads as punctuation at a word's edges ("|Boston", "9017|", "'Suite"). */
function cleanOcrWord(t: string): string {
  // a table's vertical rules come out as "|", "[" or "]" glued to the words next to them
  // (and a lone opening quote, a speck read before a word: '"82 Lincoln Circle')
  const c = t
    .replace(/^["“”](?=[\p{L}\p{N}])(?=[^"“”]*$)/u, '')
    .replace(/^[|`'‘’.,[\]]+(?=[\p{L}\p{N}(#$])/u, '')
    // (…after a caption's colon too: "CODE:|" is the caption "CODE:")
    .replace(/(?<=[\p{L}\p{N}).,:])[|`'‘’[\]]+$/u, '')
    // (a speck after a caption's colon: "NAME:." is the caption "NAME:")
    .replace(/(?<=\p{L}):[.,'`‘’]+$/u, ':');
  return c || t;
}

function median(xs: number[]): number {
  if (!xs.length) return 0;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
}

function quantile(xs: number[], q: number): number {
  if (!xs.length) return 0;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(s.length * q))] as number;
}

/** tan 3°: from this skew on, OCR boxes are read as turned words' envelopes (deskewedTokens) */
const ENVELOPE_SLOPE = 0.05;

type PageWord = Word;
interface PageLine {
  toks: Tok[];
  cy: number;
  h: number;
}

/** The page's readable words, OCR-cleaned, without rules and dot leaders, glued words split apart. */
function cleanPageWords(page: PageText): PageWord[] {
  return (
    page.words
      .filter((w) => w.text.trim() && w.bbox[2] > w.bbox[0] && w.bbox[3] > w.bbox[1])
      .map((w) => (page.method === 'ocr' ? { ...w, text: cleanOcrWord(w.text.trim()) } : { ...w, text: w.text.trim() }))
      // dot leaders and rules ("..........", "_____") carry nothing and break OCR lines apart
      .filter(
        (w) =>
          w.text &&
          !/^[._\-–—=~·•]{3,}$/.test(w.text) &&
          !(page.method === 'ocr' && /^[|[\]{}!Il]$|^[|[\]{}]+$/.test(w.text) && w.bbox[3] - w.bbox[1] > 12),
      )
      .filter(notInSpacedLeader)
      .flatMap((w) => splitGlued(w.text, w.bbox).map((p) => ({ ...p, conf: w.conf })))
      .reduce<PageWord[]>(valuePadding, [])
      .reduce<PageWord[]>(tagLeaders, [])
  );
}

/** A dot or two of a leader printed with spaces between ("Account # (current carrier) . . . . . 4417003219"). */
const LEADER_DOT = /^[._·]{1,2}$/;

/**
 * A word of a spaced dot leader — one of three or more dots in a row on its line, or of two lone ones —
 * carries nothing, as a leader printed solid does not.
 */
function notInSpacedLeader(w: PageText['words'][number], i: number, words: PageText['words']): boolean {
  if (!LEADER_DOT.test(w.text)) return true;
  const cy = (x: PageText['words'][number]) => (x.bbox[1] + x.bbox[3]) / 2;
  const h = w.bbox[3] - w.bbox[1];
  let run = 1;
  for (const step of [-1, 1]) {
    let prev = w;
    for (let k = i + step; k >= 0 && k < words.length; k += step) {
      const o = words[k]!;
      const gap = step > 0 ? o.bbox[0] - prev.bbox[2] : prev.bbox[0] - o.bbox[2];
      if (!LEADER_DOT.test(o.text.trim()) || Math.abs(cy(o) - cy(w)) > h || gap > 2 * h || gap < -1) break;
      run++;
      prev = o;
    }
  }
  // (two lone dots apart are a short leader too, "Authorizing Officer . . James Morales": no word is a dot)
  return run < (w.text.length === 1 ? 2 : 3);
}

/** An input field's blank positions after its value ("4417003219____"): underscores are never text. */
const UNDERSCORE_PAD = /^(.*[^_])_+$/;
/** Dots filling a value out to its field's width ("HERNANDEZ......"). */
const DOT_PAD = /^(.*[^.])\.{2,}$/;
/** An arrow standing for a colon between a prompt and its value ("CUST NM ==> ACME", "BTN -> …"). */
const LONE_ARROW = /^(?:=+|-+)>$/;

/**
 * A terminal screen or form pads each VALUE out to its field's width with underscores or dots ("ACCT:
 * 4417003219____", "NAME: ACME LLC........"). The padding is no text: dots after a value (a word set
 * after a label's colon or arrow on its line, without a wider gap between) are dropped rather than read
 * as the colon a tag's dot leader stands for (tagLeaders), and underscores are dropped wherever they end a word.
 */
function valuePadding(out: PageWord[], w: PageWord): PageWord[] {
  const u = UNDERSCORE_PAD.exec(w.text) ?? (DOT_PAD.test(w.text) && afterPrompt(out, w) ? DOT_PAD.exec(w.text) : null);
  if (!u) {
    out.push(w);
    return out;
  }
  out.push({ ...w, text: u[1]!, bbox: spanBox(w.bbox, 0, u[1]!.length, w.text.length) });
  return out;
}

/** The words before w on its line, back to the first wider gap, include a prompt's colon or arrow. */
function afterPrompt(out: PageWord[], w: PageWord): boolean {
  const hh = w.bbox[3] - w.bbox[1];
  let next = w;
  for (let i = out.length - 1; i >= 0 && i >= out.length - 8; i--) {
    const p = out[i]!;
    const sameLine = Math.abs((p.bbox[1] + p.bbox[3]) / 2 - (next.bbox[1] + next.bbox[3]) / 2) < hh / 2;
    if (!sameLine || next.bbox[0] - p.bbox[2] > 1.5 * hh || p.bbox[2] > next.bbox[0] + 1) return false;
    if (/:$/.test(p.text) || LONE_ARROW.test(p.text) || LONE_EQUALS.test(p.text)) return true;
    next = p;
  }
  return false;
}

/** A run of dots or an '=' glued to a word ends it as a colon would ("CUST NAME.....", "BTN=", "ZIP..:"). */
const GLUED_LEADER = /^(.*[A-Za-z)#])(?:\.{2,}|\.*=+|\.{2,}:|=:)$/;
/**
 * An '=' standing alone between a tag and its value ("LSTD NM = …", "SVC ADDR := …"), a scan's speck
 * beside it ("AUTH =' OMAR…", "|= "): no word of a value is an '=' with a mark.
 */
const LONE_EQUALS = /^[.'|`]?(?::?=+|=+:)[.,'|`]?$/;

/**
 * Line printers pad record tags to their values with dots or an '=' instead of a colon: read the
 * padding as the colon it stands for, so the tag ends where it does ("CUST NAME....... ACME LLC" is the
 * label "CUST NAME:" and the value "ACME LLC"), and the padding never starts a value.
 */
function tagLeaders(out: PageWord[], w: PageWord): PageWord[] {
  const glued = GLUED_LEADER.exec(w.text);
  // (a capital and two dots is a name's initial whose stop a scan doubled, "HANNAH E.. KOWALSKI": no tag is one letter)
  if (glued && !/:$/.test(glued[1]!) && !/^[A-Z]\.\.$/.test(w.text)) {
    out.push({ ...w, text: `${glued[1]}:` });
    return out;
  }
  const prev = out[out.length - 1];
  if ((LONE_EQUALS.test(w.text) || LONE_ARROW.test(w.text)) && prev) {
    const h = Math.max(prev.bbox[3] - prev.bbox[1], w.bbox[3] - w.bbox[1]);
    const sameLine = Math.abs((prev.bbox[1] + prev.bbox[3]) / 2 - (w.bbox[1] + w.bbox[3]) / 2) < h / 2;
    // (a padded tag's '=' stands in a column of its own, several spaces after the shorter tags)
    const near = w.bbox[0] - prev.bbox[2] < 10 * h && w.bbox[0] >= prev.bbox[2] - 1;
    if (sameLine && near && /[A-Za-z)#]$/.test(prev.text)) {
      out[out.length - 1] = { ...prev, text: `${prev.text}:` };
      return out;
    }
  }
  out.push(w);
  return out;
}

/**
 * Name beginnings whose next letter is a capital inside ONE name ("MacKenzie", "VanDyke", "DelRio",
 * "FitzGerald"): never two names glued. Shorter ones ("McDonald", "DeAngelo", "LaToya", "DiMaggio") are
 * kept whole by the three-letter floor on each part.
 */
const CAPITAL_INSIDE_NAME = /^(?:Mac|Van|Von|Del|Dal|Della|Des|Fitz|San|Santa|Ter|Ten|Vander)$/;
/** Two capitalised name parts, each three letters or more, glued at the case change ("MarisolKowalski"). */
const GLUED_NAME = /^([A-Z][a-z]{2,})([A-Z][a-z]{2,})$/;

/**
 * OCR loses the space between a person's two names ("AUTHORIZED CONTACT MarisolKowalski"): a line
 * that is that one word alone cannot be anyone's full name, so on an OCR page it reads as the two
 * names (boxes shared by character share). A word among others ("MaryAnn Smith") and text-layer words
 * are as printed, and a business name never goes through here ("BlueWave Dental" is written so).
 */
export function gluedNameSplit(doc: DocLayout, toks: Tok[]): Tok[] {
  const t = toks.length === 1 ? toks[0]! : null;
  const m = t ? GLUED_NAME.exec(t.text) : null;
  if (!t || !m || CAPITAL_INSIDE_NAME.test(m[1]!)) return toks;
  if (doc.pages.find((p) => p.page === t.page)?.method !== 'ocr') return toks;
  const share = m[1]!.length / t.text.length;
  const cut = t.x0 + (t.x1 - t.x0) * share;
  const bcut = t.bbox[0] + (t.bbox[2] - t.bbox[0]) * share;
  return [
    { ...t, text: m[1]!, key: labelKey(m[1]!), x1: cut, bbox: [t.bbox[0], t.bbox[1], bcut, t.bbox[3]] },
    { ...t, text: m[2]!, key: labelKey(m[2]!), x0: cut, bbox: [bcut, t.bbox[1], t.bbox[2], t.bbox[3]] },
  ];
}

/** Tokens with de-skewed coordinates (scans are rotated a degree or two). */
function deskewedTokens(page: PageText, words: PageWord[]): Tok[] {
  const slope = page.method === 'ocr' ? estimateSlope(words) : 0;
  return words.map((w) => {
    const [bx0, by0, bx1, by1] = w.bbox;
    const cx = (bx0 + bx1) / 2,
      cyRaw = (by0 + by1) / 2;
    const dy = -slope * cx,
      dx = slope * cyRaw;
    // past a few degrees the box is the envelope of a turned word, taller by its width × slope and
    // wider by its height × slope: the word's own box, turned straight, is that much smaller about the
    // same centre (under 3° the growth is within what line grouping tolerates, and left as it is)
    const sl = Math.abs(slope) > ENVELOPE_SLOPE ? Math.abs(slope) : 0;
    const h = Math.max(0.3 * (by1 - by0), by1 - by0 - (bx1 - bx0) * sl);
    const halfW = Math.max(0.3 * (bx1 - bx0), bx1 - bx0 - h * sl) / 2;
    return {
      text: w.text,
      bbox: w.bbox,
      conf: w.conf,
      page: page.page,
      x0: cx + dx - halfW,
      x1: cx + dx + halfW,
      y0: cyRaw + dy - h / 2,
      y1: cyRaw + dy + h / 2,
      cy: cyRaw + dy,
      h,
      line: -1,
      seg: -1,
      idx: -1,
      key: labelKey(w.text),
    };
  });
}

/** Moves OCR specks (too unsure and short, or flatter than any printed character) from toks to noise. */
function removeSpecks(page: PageText, toks: Tok[], noise: Tok[]): void {
  if (page.method !== 'ocr') return;
  const hs = toks.map((t) => t.h).sort((a, b) => a - b);
  const typicalH = hs[Math.floor(hs.length / 2)] ?? 8;
  const unsure: Tok[] = [];
  for (let i = toks.length - 1; i >= 0; i--) {
    const t = toks[i]!;
    // a dash is flat by nature: one OCR is sure of, short as a character, is the dash of a range
    // ("608-933-7780 - 7782"), not a speck
    const dash = DASH.test(t.text) && t.conf >= 0.6 && t.x1 - t.x0 <= 1.5 * typicalH;
    // and a "dash" standing taller than wide, as tall as the print, is a stroke or a speck OCR named so
    // ("/SADR 9541 MAIN HWY - /LOC": the street read with a dash at its end)
    const stroke = DASH.test(t.text) && t.h > 0.6 * typicalH && t.h > t.x1 - t.x0;
    if ((t.h < Math.min(2.5, 0.3 * typicalH) && !dash) || stroke) noise.push(...toks.splice(i, 1));
    else if (isNoise(t, typicalH, t.h)) unsure.push(...toks.splice(i, 1));
  }
  // a word of an address or a name read unsure among surely read print is print (lines.ts)
  const print = unsureWordsAmongPrint(unsure, toks, typicalH);
  for (const t of unsure) (print.includes(t) ? toks : noise).push(t);
}

/** Drawn marks on a text page (a signature path or image) are ink, as unreadable OCR marks are. */
function drawnMarkTokens(page: PageText): Tok[] {
  return (page.marks ?? []).map(([mx0, my0, mx1, my1]) => ({
    text: '',
    bbox: [mx0, my0, mx1, my1],
    conf: 0,
    page: page.page,
    x0: mx0,
    x1: mx1,
    y0: my0,
    y1: my1,
    cy: (my0 + my1) / 2,
    h: my1 - my0,
    line: -1,
    seg: -1,
    idx: -1,
    key: '',
    drawn: true,
  }));
}

/**
 * How far a token's centre is from the word it follows on the line, when it follows one closely (a word
 * space away); Infinity when no word of the line is beside it. A line's centre is the mean of all its
 * words: where a word of larger print has joined a row of small print ("Bill" beside "Customer account
 * number:" on a tilted scan), that mean is off the larger word's own centre, and its next word ("to:")
 * still sits on the word it follows.
 */
function besideGap(l: PageLine, t: Tok): number {
  let best = Infinity;
  for (const o of l.toks) if (besideWord(o, t)) best = Math.min(best, Math.abs(o.cy - t.cy));
  return best;
}

/** Groups tokens into visual lines by their de-skewed centres, top to bottom. */
function groupIntoLines(toks: Tok[]): PageLine[] {
  toks.sort((a, b) => a.cy - b.cy);
  const pageLines: PageLine[] = [];
  for (const t of toks) {
    let best: PageLine | null = null;
    let bestD = Infinity;
    for (let i = pageLines.length - 1; i >= 0 && i >= pageLines.length - 8; i--) {
      const l = pageLines[i]!;
      const d = Math.min(Math.abs(l.cy - t.cy), besideGap(l, t));
      // a dash is a flat box inside the line's band (a range's "-" sits at mid-height, off the centre)
      const dashIn = DASH.test(t.text) && t.h < 0.5 * l.h && d < 0.4 * l.h;
      if (d > 0.5 * Math.min(l.h, t.h) + 0.5 && !dashIn) continue;
      // a large title next to small print is not on the small print's line
      // (unless the centres agree closely: OCR inflates a word's box where it touches a table rule)
      if (Math.max(l.h, t.h) > 2 * Math.min(l.h, t.h) && d > 0.25 * Math.min(l.h, t.h) && !dashIn) continue;
      if (l.toks.some((o) => Math.min(o.x1, t.x1) - Math.max(o.x0, t.x0) > 0.3 * Math.min(o.x1 - o.x0, t.x1 - t.x0)))
        continue;
      if (d < bestD) {
        best = l;
        bestD = d;
      }
    }
    if (best) {
      best.toks.push(t);
      best.cy = best.toks.reduce((s, o) => s + o.cy, 0) / best.toks.length;
      best.h = median(best.toks.map((o) => o.h));
    } else pageLines.push({ toks: [t], cy: t.cy, h: t.h });
  }
  return rejoinPhrases(pageLines).sort((a, b) => a.cy - b.cy);
}

/** A line's centre and height from its words. */
function settle(l: PageLine): void {
  l.cy = l.toks.reduce((s, o) => s + o.cy, 0) / l.toks.length;
  l.h = median(l.toks.map((o) => o.h));
}

/** Is `o` the word just before or after `t` on a line, a word space away, of about its size? */
function besideWord(o: Tok, t: Tok): boolean {
  const gap = t.x0 >= o.x1 ? t.x0 - o.x1 : o.x0 - t.x1;
  const h = Math.min(o.h, t.h);
  return gap >= -0.1 * h && gap <= 0.8 * h && Math.max(o.h, t.h) <= 1.5 * h;
}

/**
 * A word alone in its cell that joined a line far to its right, while the rest of its phrase, right beside
 * it, formed a line of its own ("Timberline" on the line of "PERIOD 11/8/25" across the page, "Realty
 * Group, Incorporated" a little lower): the word goes to its phrase's line, nearer its own centre.
 */
function rejoinPhrases(pageLines: PageLine[]): PageLine[] {
  for (const a of pageLines)
    for (const t of [...a.toks]) {
      if (a.toks.length < 2 || a.toks.some((o) => o !== t && besideWord(o, t))) continue;
      const own = Math.abs(a.cy - t.cy);
      const b = pageLines.find(
        (l) => l !== a && l.toks.some((o) => besideWord(o, t) && Math.abs(o.cy - t.cy) < own - 0.15 * t.h),
      );
      if (!b || b.toks.some((o) => Math.min(o.x1, t.x1) - Math.max(o.x0, t.x0) > 0)) continue;
      a.toks.splice(a.toks.indexOf(t), 1);
      b.toks.push(t);
      settle(a);
      settle(b);
    }
  return pageLines.filter((l) => l.toks.length);
}

function isLabelText(word: string): boolean {
  const stems = labelStems(word);
  return stems.length > 0 && stems.every(isLabelWord);
}

/**
 * OCR's unsure words, repaired where the page itself says how: letter-like digits inside a word
 * ("01d Town" → "Old Town"), or the same word read cleanly elsewhere beside the same neighbour
 * ("Market P1l.," → "Market Pl.,"). Confidence stays as OCR gave it.
 */
function repairUnsureWords(pageLines: PageLine[]): void {
  const rows = pageLines.map((l) => [...l.toks].sort((a, b) => a.x0 - b.x0));
  const sure: { text: string; left?: string; right?: string }[] = [];
  for (const r of rows)
    for (const [i, t] of r.entries())
      if (t.conf >= 0.85) sure.push({ text: t.text, left: r[i - 1]?.key, right: r[i + 1]?.key });
  for (const r of rows)
    for (const [i, t] of r.entries()) {
      if (t.conf >= UNSURE_WORD_CONF || t.drawn) continue;
      const letters = lettersFromLookalikes(t.text) ?? t.text;
      const cleaner = cleanerReading(letters, r[i - 1]?.key || undefined, r[i + 1]?.key || undefined, sure);
      // a word read elsewhere never turns a value's word into a label's ("Number" for "Nunber")
      const text = cleaner && !(isLabelText(cleaner) && !isLabelText(letters)) ? cleaner : letters;
      if (text === t.text) continue;
      t.text = text;
      t.key = labelKey(text);
    }
}

/** Two words OCR split that are one: the first word's token reaching over the second, read as `text`. */
function joinedTok(prev: Tok, t: Tok, text: string): Tok {
  return { ...prev, text, key: labelKey(text), x1: t.x1, bbox: [prev.bbox[0], prev.bbox[1], t.bbox[2], t.bbox[3]] };
}
/**
 * A label word OCR split with a stray space ("Conta ct", "contac t", "Se rvice"): two neighbours on a
 * line, within a word space of each other, whose letters together are a label word while neither
 * piece is one (nor a word of any label's wording) are one word again. Two real words never both fail
 * that ("on account", "a count" keep their space: "on", "a" are label fillers).
 */
function joinSplitLabelWords(pageLines: PageLine[]): void {
  for (const l of pageLines) {
    const toks = [...l.toks].sort((a, b) => a.x0 - b.x0);
    // a lower-case l (or a rule) ending a word of capitals is the digit 1 ("ADDRl", "SADRl": a tag's line number)
    for (const t of toks)
      if (/^[A-Z]{2,}[l|]$/.test(t.text)) {
        t.text = `${t.text.slice(0, -1)}1`;
        t.key = labelKey(t.text);
      }
    const out: Tok[] = [];
    for (const t of toks) {
      const prev = out.at(-1);
      if (prev && splitLabelWord(prev.text, t.text, t.x0 - prev.x1, Math.min(prev.h, t.h)))
        out[out.length - 1] = joinedTok(prev, t, prev.text + t.text);
      else out.push(t);
    }
    l.toks = out;
  }
}

/** A PIN caption's words a tilted scan put on two neighbouring lines, read on one again (labels.ts splitCaptionMoves). */
function rejoinSplitCaptions(pageLines: PageLine[], kind: DocumentKind): void {
  for (const m of splitCaptionMoves(
    pageLines.map((l) => l.toks),
    kind,
  )) {
    const [from, to] = [pageLines[m.from]!, pageLines[m.to]!];
    from.toks.splice(from.toks.indexOf(m.word), 1);
    to.toks.push(m.word);
    for (const l of [from, to]) if (l.toks.length) settle(l);
  }
  for (let i = pageLines.length - 1; i >= 0; i--) if (!pageLines[i]!.toks.length) pageLines.splice(i, 1);
}

/**
 * The page's word spacing, relative to line height: OCR boxes are tight around the ink, so gaps look
 * wide next to the (cap-height) box height; a column gap is several word spaces.
 */
function wordSpaceRatio(pageLines: PageLine[]): number {
  const wordGaps: number[] = [];
  for (const pl of pageLines) {
    const lt = [...pl.toks].sort((a, b) => a.x0 - b.x0);
    for (let i = 1; i < lt.length; i++) {
      const g = lt[i]!.x0 - lt[i - 1]!.x1;
      if (g > 0 && g < 1.2 * pl.h) wordGaps.push(g / Math.max(pl.h, 1));
    }
  }
  return median(wordGaps);
}

/**
 * A line's cells: runs of words without a column gap (wider than about one line height; a word space is a
 * third of that). On a scan a word's box ends with its ink, and a comma's ink ends well before its
 * character does in a fixed-pitch font ("City," then "AZ": a word space and most of a character apart),
 * so a gap after a comma counts from where its character would end.
 */
function cellsOf(lt: Tok[], h: number, spaceRatio: number, ocr = false): Tok[][] {
  const cells: Tok[][] = [];
  const pitch = ocr ? fixedPitch(lt) : null;
  for (const t of lt) {
    const cur = cells[cells.length - 1];
    const prev = cur?.[cur.length - 1];
    const inkShort = ocr && prev?.text.endsWith(',') ? COMMA_INK_SHORT * h : 0;
    const gap = t.x0 - (prev?.x1 ?? t.x0) - inkShort;
    // (a fixed-pitch line's gaps are counted in characters: one space is a word's, two or more a column's)
    const column = pitch
      ? gap > 4 &&
        (gap - pitch.ink) / pitch.pitch - narrowEdges(prev!.text, true) - narrowEdges(t.text, false) >
          FIXED_PITCH_COLUMN_GAP
      : gap > Math.max(0.95 * h, 2.3 * spaceRatio * h, 4);
    if (!cur || column) cells.push([t]);
    else cur.push(t);
  }
  return cells;
}

/**
 * Where a gap on a fixed-pitch line turns from a word space to a column gap, in spaces. OCR boxes hug the
 * ink, so a face drawn thin (Nimbus or Noto Mono) leaves a word space as wide as the line is high, while
 * a fixed-width record parts tag and value by two spaces or more. (Read as spaces, a scan's word gap
 * measures 1.0–1.5, two spaces 2 or more: 1.5 cut a phone number's digit groups set a little apart.)
 */
const FIXED_PITCH_COLUMN_GAP = 1.7;

/**
 * A line printed in a fixed-pitch face, told by its words' boxes: each is as wide as its characters times
 * one pitch, less the margins round the first and last glyph's ink (a straight line through width
 * against length, every word within a third of a character of it, the margins less than half a
 * character) and set apart by spaces a character wide (spacedByCharacters). A proportional face's words
 * ("Williams", "MOM") stray from any such line, or its spaces are narrower. Null for any other line, or
 * one of fewer than three words of two characters or more. `lt` in reading order (left to right).
 */
export function fixedPitch(lt: Tok[]): { pitch: number; ink: number } | null {
  const words = lt
    .filter((t) => t.text.length >= 2 && t.x1 > t.x0)
    .map((t) => ({ n: t.text.length - narrowEdges(t.text, true) - narrowEdges(t.text, false), w: t.x1 - t.x0 }));
  if (words.length < 3) return null;
  const k = words.length;
  const sn = words.reduce((a, t) => a + t.n, 0);
  const sw = words.reduce((a, t) => a + t.w, 0);
  const snn = words.reduce((a, t) => a + t.n * t.n, 0);
  const snw = words.reduce((a, t) => a + t.n * t.w, 0);
  const d = k * snn - sn * sn;
  if (d <= 0) return null;
  const pitch = (k * snw - sn * sw) / d;
  // the ink a word's box lacks against its characters' width (negative when the box is wider)
  const ink = -(sw - pitch * sn) / k;
  if (pitch <= 0 || ink < -0.15 * pitch || ink > 0.45 * pitch) return null;
  if (words.some((t) => Math.abs(t.w - (pitch * t.n - ink)) > FIXED_PITCH_SPREAD * pitch)) return null;
  return spacedByCharacters(lt, pitch, ink) ? { pitch, ink } : null;
}

/**
 * Whether a line's word spaces are a whole character wide, as a fixed-pitch face sets them: its space is
 * as wide as its letters, so between two words' ink lies a character and the glyphs' margins. A
 * proportional face's space is a third to two thirds of its letters ("September 1, 2026", "Last Statement
 * Balance", a row of capitals or digits whose widths happen to fall on one pitch). A line with no word
 * space (every word its own column) shows nothing of its face and is read as proportional.
 */
function spacedByCharacters(lt: Tok[], pitch: number, ink: number): boolean {
  const spaces: number[] = [];
  for (let i = 1; i < lt.length; i++) {
    const [a, b] = [lt[i - 1]!, lt[i]!];
    const s = (b.x0 - a.x1) / pitch - narrowEdges(a.text, true) - narrowEdges(b.text, false);
    // (a column gap counts its spaces after the margins; a word space is told by its whole width)
    if (s - ink / pitch <= FIXED_PITCH_COLUMN_GAP) spaces.push(s);
  }
  return spaces.length > 0 && median(spaces) >= FIXED_PITCH_MIN_SPACE;
}
/**
 * The narrowest word space (in characters, ink to ink) a fixed-pitch line's words are set apart by,
 * typically: a monospaced face's space is a character and the margins (dev scans: 0.9–1.4), a
 * proportional face's a third to two thirds of its letters (0.5–0.75).
 */
const FIXED_PITCH_MIN_SPACE = 0.8;
/**
 * How much of a fixed-pitch character a word's ink lacks at its end (or start) for a narrow mark there: a
 * colon, comma, stop or quote is drawn in the middle of its cell, so the box ends (or starts) that much
 * short of the character's edge.
 */
function narrowEdges(text: string, end: boolean): number {
  return (end ? /[:;,.'"!|]$/ : /^[:;,.'"!|]/).test(text) ? 0.4 : 0;
}
/** How far (in characters) a fixed-pitch line's words may stray from its pitch: a narrow glyph's margin. */
const FIXED_PITCH_SPREAD = 0.35;

/**
 * The page's column edges: x positions where cells of three or more lines start (a grid's columns).
 * A value that runs into the next column leaves only a word space before that column's label.
 */
/** How much of a line's height a comma's box ends short of its character, on a scan (cellsOf). */
const COMMA_INK_SHORT = 0.4;

function columnEdges(
  pageLines: PageLine[],
  spaceRatio: number,
  ocr: boolean,
): { edges: number[]; lineStarts: number[][] } {
  const lineStarts = pageLines.map((pl) => {
    const lt = [...pl.toks].sort((x, y) => x.x0 - y.x0);
    const h = quantile(
      lt.map((t) => t.h),
      0.75,
    );
    return cellsOf(lt, h, spaceRatio, ocr).map((c) => c[0]!.x0);
  });
  const starts = lineStarts.flat();
  starts.sort((a, b) => a - b);
  const edges: number[] = [];
  for (let i = 0; i < starts.length; ) {
    let j = i;
    while (j + 1 < starts.length && starts[j + 1]! - starts[i]! <= 2.5) j++;
    if (j - i + 1 >= 3) edges.push(starts[i]!);
    i = j + 1;
  }
  return { edges, lineStarts };
}

/** Cell starts of the lines just above and below page line i (a value directly over or under a word). */
function neighbourStarts(pageLines: PageLine[], lineStarts: number[][], i: number): number[] {
  const out: number[] = [];
  for (const j of [i - 1, i + 1]) {
    const pl = pageLines[j];
    const { h } = pageLines[i]!;
    // (rows of the same print: a large heading over a form's first row is not its column)
    if (
      pl &&
      Math.abs(pl.cy - pageLines[i]!.cy) <= 2.5 * Math.max(pl.h, h) &&
      Math.max(pl.h, h) < 1.3 * Math.min(pl.h, h)
    )
      out.push(...lineStarts[j]!);
  }
  return out;
}

/**
 * A cell that runs on into the next column's label ("Evergreen Physical Therapy Main Account" where
 * "Main Account" / "Number (BTN):" heads the column; "Centers Incorporated AS:"): cut where a word
 * starts on a column edge and the words from it read as a label — a run of label vocabulary of two
 * words or more, or one ending with a colon.
 */
function splitAtColumnEdges(cells: Tok[][], edges: number[], h: number, near: number[] = []): Tok[][] {
  if (!edges.length) return cells;
  const out: Tok[][] = [];
  for (const [ci, cell] of cells.entries()) {
    let from = 0;
    for (let k = 1; k < cell.length; k++) {
      const t = cell[k]!;
      const tol = Math.max(2.5, 0.25 * h);
      if (!edges.some((x) => Math.abs(x - t.x0) <= tol)) continue;
      if (!/^[A-Z(]/.test(t.text) || t.x0 - cell[k - 1]!.x1 < 0.15 * h) continue;
      // a word on a column edge with a cell of the row above or below starting right over it: a
      // value of the next column that ran into this one ("…Supply LLC Chen Yilmaz" under "Name of
      // Authorized Person") — in a short cell only, never a sentence
      const isLabelToken = (w: Tok) => labelStems(w.text).every(isLabelWord);
      if (
        cell.length <= 10 &&
        cell.length - k >= 2 &&
        !cell.some((w) => /\d/.test(w.text)) &&
        !isLabelToken(cell[0]!) &&
        !cell.slice(from, k).some((w) => /:$/.test(w.text)) &&
        near.some((x) => Math.abs(x - t.x0) <= tol) &&
        !isLabelToken(t) &&
        !cell.slice(from, k).every(isLabelToken) &&
        // (words ending on a legal form end a business's name: "Iron Bridge Veterinary Hospital PA")
        !LEGAL_FORM_END.test(segText(cell.slice(k)))
      ) {
        out.push(cell.slice(from, k));
        from = k;
        continue;
      }
      // one label word closing a value cell, its own value in the next cell, on a column edge where a
      // cell of the row above or below starts ("Service Address 426 Pine Valley Cir Room City" |
      // "Mobile" over "1766 | ST | AL"): the next column's label, not the value's last word
      const stems = labelStems(t.text);
      if (
        k === cell.length - 1 &&
        ci < cells.length - 1 &&
        stems.length === 1 &&
        isLabelWord(stems[0]!) &&
        !LABEL_FILLERS.has(stems[0]!) &&
        // (a street's suffix or a unit's word ends a value: "…Pine Valley Cir Room" | "1766")
        !STREET_SUFFIXES.has(bareUpper(t.text)) &&
        !UNIT_DESIGNATORS.has(bareUpper(t.text)) &&
        near.some((x) => Math.abs(x - t.x0) <= tol) &&
        !cell.slice(from, k).every(isLabelToken)
      ) {
        out.push(cell.slice(from, k));
        from = k;
        continue;
      }
      // a long label without a colon run into its value on the value column's edge ("Name (as shown
      // on your statement) Keystone Bakery & Cafe PC"): the label's words are all label vocabulary
      const head = segText(cell.slice(from, k));
      // (a label ends on a concept word or its closed hint: "BILL NM OLD" | "TOWN…" is a tag and its value)
      const lastStem = labelStems(cell[k - 1]!.text).at(-1) ?? '';
      // (and never on a comma: "Company," | "P.A." is a name's wrapped end)
      const labelEnds =
        /\)$/.test(head) || (CONCEPT_WORDS.has(lastStem) && !LABEL_FILLERS.has(lastStem) && !/,$/.test(head));
      if (
        labelEnds &&
        !labelLeftOpen(head) &&
        !isLabelToken(t) &&
        labelStems(head).length > 0 &&
        allLabelVocabulary(head) &&
        conceptOf(labelStems(head), 'other')
      ) {
        out.push(cell.slice(from, k));
        from = k;
        continue;
      }
      let n = 0;
      let colon = false;
      while (k + n < cell.length && n < 5) {
        const w = cell[k + n]!.text;
        // (a hint in parentheses is read for its words: "Main # (BTN)")
        const stems = labelStems(w.replace(/[()]/g, ' '));
        if (/\d/.test(w) || !stems.length || !stems.every(isLabelWord)) break;
        n++;
        if (/:$/.test(w)) {
          colon = true;
          break;
        }
      }
      // (the run ends the cell, or its value's digits follow it there: "Main Account Number (757) 555-0191")
      const valueAfter = k + n < cell.length && /\d/.test(cell[k + n]!.text);
      if (!colon && (n < 2 || (k + n < cell.length && !valueAfter))) continue;
      // a business's last words are not a label ("TIMBERLINE MEDICAL BILLING, CO.")
      if (LEGAL_FORM_END.test(segText(cell.slice(k)))) continue;
      // the words before are a value, not the label's own first words ("SVC ADDR........:")
      if (cell.slice(from, k).every((w) => labelStems(w.text).every(isLabelWord))) continue;
      out.push(cell.slice(from, k));
      from = k;
    }
    out.push(cell.slice(from));
  }
  return out;
}

/** Appends a page line to lines, cutting it into segments at column gaps (appended to segs). */
function appendLine(
  pl: PageLine,
  page: PageText,
  spaceRatio: number,
  lines: Line[],
  segs: Seg[],
  edges: number[] = [],
  near: number[] = [],
  cuts: ReadonlySet<Tok> = new Set(),
): void {
  const lt = pl.toks.sort((a, b) => a.x0 - b.x0);
  const h = quantile(
    lt.map((t) => t.h),
    0.75,
  );
  const line: Line = {
    id: lines.length,
    page: page.page,
    toks: lt,
    segs: [],
    cy: pl.cy,
    top: Math.min(...lt.map((t) => t.y0)),
    bottom: Math.max(...lt.map((t) => t.y1)),
    h,
  };
  const cells = splitAtColumnEdges(cellsOf(lt, h, spaceRatio, page.method === 'ocr'), edges, h, near)
    .flatMap((c) => cutAt(c, cuts))
    .flatMap(atBandSeparators);
  // (on a text layer only a label cut at a column edge by a word space: "Do" | "NOT Port These Numbers:")
  joinSplitLabels(cells, h, page.method === 'ocr' ? 4 : 0.95);
  for (const cell of cells) {
    const seg: Seg = {
      id: segs.length,
      line: line.id,
      page: page.page,
      toks: cell,
      x0: cell[0]!.x0,
      x1: cell[cell.length - 1]!.x1,
    };
    cell.forEach((t, i) => {
      t.seg = seg.id;
      t.idx = i;
      t.line = line.id;
    });
    segs.push(seg);
    line.segs.push(seg);
  }
  lines.push(line);
}

/**
 * OCR spaces a label's words apart like columns ("ACCT." … "NUMBER:"): a short cell without a colon
 * and the start of the next one, when their words together are a listed label of two or more words,
 * are one cell.
 */
function joinSplitLabels(cells: Tok[][], h: number, maxGap: number): void {
  const { exact } = phrases();
  for (let i = 0; i + 1 < cells.length; ) {
    const a = cells[i]!,
      b = cells[i + 1]!;
    const aKey = a.map((t) => t.key).join('');
    const joinable = a.length <= 3 && /[a-z]/.test(aKey) && !/[:#]$/.test(a[a.length - 1]!.text);
    let key = aKey;
    let joined = false;
    for (let m = 0; joinable && m < Math.min(3, b.length) && b[0]!.x0 - a[a.length - 1]!.x1 < maxGap * h; m++) {
      key += b[m]!.key;
      if ((exact.get(key) ?? []).some((p) => p.words >= 2)) {
        cells.splice(i, 2, [...a, ...b]);
        joined = true;
        break;
      }
    }
    if (!joined) i++;
  }
}

/** A mark set between the facts of a line ("·", "•", "|"), a word of its own. */
export const BAND_SEPARATOR = /^[|\u00b7\u2022\u2219\u22c5]$/;

/**
 * A cell cut at the marks that set facts apart on one line ("Harbor Light Dental LLC · Acct # 8812 004 ·
 * BTN 608-555-0142"): each fact is a cell of its own, its caption opening it as a cell's does, and each
 * mark is a cell of its own between them (no value's word). A mark opening or closing the cell cuts nothing.
 */
function atBandSeparators(cell: Tok[]): Tok[][] {
  const out: Tok[][] = [[]];
  cell.forEach((t, k) => {
    const cuts = BAND_SEPARATOR.test(t.text) && k > 0 && k < cell.length - 1;
    if (cuts && out[out.length - 1]!.length) out.push([]);
    out[out.length - 1]!.push(t);
    if (cuts) out.push([]);
  });
  return out.filter((c) => c.length);
}

/** A cell cut before the given words (table columns, see tableCuts). */
function cutAt(cell: Tok[], cuts: ReadonlySet<Tok>): Tok[][] {
  if (!cuts.size) return [cell];
  const out: Tok[][] = [[]];
  for (const t of cell) {
    if (cuts.has(t) && out[out.length - 1]!.length) out.push([]);
    out[out.length - 1]!.push(t);
  }
  return out;
}

interface PreparedPage {
  page: PageText;
  pageLines: PageLine[];
  spaceRatio: number;
  edges: number[];
  lineStarts: number[][];
}

export function buildLayout(pages: PageText[], kind: DocumentKind): DocLayout {
  const noise: Tok[] = [];
  const pageWidth = new Map<number, number>();
  const prepared: PreparedPage[] = [];
  for (const page of [...pages].sort((a, b) => a.page - b.page)) {
    pageWidth.set(page.page, page.width);
    const toks = deskewedTokens(page, cleanPageWords(page));
    removeSpecks(page, toks, noise);
    noise.push(...drawnMarkTokens(page));
    const pageLines = groupIntoLines(toks);
    if (page.method === 'ocr') {
      repairUnsureWords(pageLines);
      joinSplitLabelWords(pageLines);
      rejoinSplitCaptions(pageLines, kind);
    }
    const spaceRatio = wordSpaceRatio(pageLines);
    prepared.push({ page, pageLines, spaceRatio, ...columnEdges(pageLines, spaceRatio, page.method === 'ocr') });
  }
  const slashCuts = kind === 'csr' ? slashTagCuts(prepared, kind) : new Set<Tok>();
  const first = assemble(prepared, kind, pages, pageWidth, noise, slashCuts);
  // cells of a header table run together where its columns are close: cut where header and value
  // rows start a word at the same x, and read the page again
  const cuts = tableCuts(first);
  const doc = cuts.size ? assemble(prepared, kind, pages, pageWidth, noise, new Set([...slashCuts, ...cuts])) : first;
  const valueCells = tableColumns(doc, pageWidth);
  labelWordsAsValues(doc, valueCells);
  tagGuessesUnderHeadings(doc, valueCells);
  return doc;
}

/**
 * A short capitals word opening a cell of a header table's row of values that only a guess at an
 * abbreviation makes a tag ("ANH WASHINGTON" under "Name | Role | Phone", a person's given name read as
 * A·N·H): the row's value under its column's heading, no label — the heading above names that column.
 */
function tagGuessesUnderHeadings(doc: DocLayout, valueCells: ReadonlyMap<Seg, Line>): void {
  const drop = new Set<Hit>();
  for (const seg of valueCells.keys()) {
    const own = doc.hitsBySeg.get(seg.id) ?? [];
    if (!own.length || seg.toks.length < 2) continue;
    const guessed = (h: Hit) => {
      const words = seg.toks.slice(h.start, h.end).map((t) => t.text);
      return (
        h.start === 0 &&
        !h.colon &&
        words.length === 1 &&
        /^[A-Z]{2,6}$/.test(words[0]!) &&
        !labelStems(words[0]!).some(isLabelWord)
      );
    };
    if (own.every(guessed)) for (const h of own) drop.add(h);
  }
  if (!drop.size) return;
  const kept = doc.hits.filter((h) => !drop.has(h));
  doc.hits.splice(0, doc.hits.length, ...kept);
  for (const h of drop) doc.hitsBySeg.delete(h.seg.id);
}

/**
 * A word in a header table's row of values that happens to be a name's label word ("Business" under
 * "Status", beside the PIN under "Security Passcode") is that column's value, not a label: a lone word
 * without a colon, under a header label of its own, beside a number under the next header — no name. Left
 * a label, it took the number as its value and hid that column from its caption.
 */
function labelWordsAsValues(doc: DocLayout, valueCells: ReadonlyMap<Seg, Line>): void {
  const drop = new Set<Hit>();
  for (const [seg, row] of valueCells) {
    const own = doc.hitsBySeg.get(seg.id) ?? [];
    if (!own.length || seg.toks.length !== 1 || own.some((h) => h.colon || h.start !== 0 || h.end !== 1)) continue;
    // (only where the cell beside it is no value of its field: a name's label beside a number — "Postcode"
    // beside "70814-2102" is a label-left row of a form whose state reads like a street's "LA")
    const next = row.segs[row.segs.indexOf(seg) + 1];
    if (!next || !valueCells.has(next) || doc.hitsBySeg.get(next.id)?.length) continue;
    if (own.every((h) => NAME_VALUE_FIELDS.has(h.field)) && /\d/.test(segText(next.toks)))
      for (const h of own) drop.add(h);
  }
  if (!drop.size) return;
  const kept = doc.hits.filter((h) => !drop.has(h));
  doc.hits.splice(0, doc.hits.length, ...kept);
  for (const h of drop) doc.hitsBySeg.delete(h.seg.id);
}

/** A slash tag's shape: "/SADR", "/CTY", "/TN" (a slash, then a short upper-case code). */
const SLASH_TAG = /^\/[A-Z][A-Z0-9]{1,5}$/;

/**
 * Mainframe CSRs write their fields as slash tags inside a line ("/SADR 12 MAIN ST /LOC STE 2
 * /CTY TAMPA /ST FL"): on a page with three or more of them each tag is a label cell of its own
 * (read without its slash) and its value the cell after it, however narrow the space between them.
 * A page with one or two slashed words is left alone: a lone "/EXT" or "A/B" is text.
 */
/** The tags slashTagCuts cut (their slash dropped): each reads left, its value the cell after it. */
const slashTags = new WeakSet<Tok>();

function slashTagCuts(prepared: PreparedPage[], kind: DocumentKind): Set<Tok> {
  const cuts = new Set<Tok>();
  for (const { page, pageLines } of prepared) {
    const tags = pageLines.flatMap((pl) => pl.toks.filter((t) => SLASH_TAG.test(t.text)));
    if (tags.length < 3) continue;
    if (page.method === 'ocr') for (const pl of pageLines) repairOcrSlashTags(pl);
    for (const pl of pageLines) {
      const lt = [...pl.toks].sort((a, b) => a.x0 - b.x0);
      lt.forEach((t, i) => {
        if (!SLASH_TAG.test(t.text)) return;
        t.text = t.text.slice(1);
        t.key = labelKey(t.text);
        cuts.add(t);
        slashTags.add(t);
        // the value starts at the next word, whatever it reads like ("/CTY NEW ALBANY"), unless the
        // tag and that word together name a concept more exactly than the tag alone ("/AUTH USER
        // WEI DUBOIS": authorized user), a unit word aside ("/LOC STE 2")
        const next = lt[i + 1];
        const stems = labelStems(t.text);
        const both = next ? conceptOf(labelStems(`${t.text} ${next.text}`), kind) : null;
        const twoWords =
          next &&
          lt[i + 2] &&
          /^[A-Z]{2,}$/.test(next.text) &&
          !UNIT_WORD.test(next.text) &&
          both !== null &&
          both.stems.length > Math.min(1, stems.length) &&
          labelStems(next.text).every((x) => both.stems.includes(x));
        const valueStart = twoWords ? lt[i + 2] : next;
        if (valueStart) cuts.add(valueStart);
      });
    }
  }
  return cuts;
}

/** A record tag the field vocabulary knows ("AUTH", "PSWD", "SADR"): every stem of it a label word, no filler. */
function knownTag(letters: string): boolean {
  const stems = labelStems(letters);
  return stems.length > 0 && stems.every((x) => isLabelWord(x) && !LABEL_FILLERS.has(x));
}

/** A record tag's letters after its slash: "AUTH", "PSWD" (as SLASH_TAG, without the slash). */
const TAG_LETTERS = /^[A-Z][A-Z0-9]{1,5}$/;

/**
 * OCR's damage to a record page's slash tags, on a page whose other tags show it is a record: the slash
 * read as a word of its own ("/ AUTH OMAR REYES"), the tag split inside itself ("/PS WD 47288377": only
 * the two pieces together are a tag the vocabulary knows) or glued to its value ("/AUTHOMAR REYES": a
 * known tag, then letters that with it are no label). Each is made the one tag word SLASH_TAG reads, the
 * value a word of its own. Only capitals on a slash: a word in a sentence ("Authority") is never a tag.
 */
function repairOcrSlashTags(pl: PageLine): void {
  const out: Tok[] = [];
  for (const t of [...pl.toks].sort((a, b) => a.x0 - b.x0)) {
    const prev = out.at(-1);
    const before = out.at(-2);
    const gap = prev ? t.x0 - prev.x1 : Number.POSITIVE_INFINITY;
    const tight = gap <= 0.6 * Math.min(prev?.h ?? 0, t.h);
    const letters = t.text.replace(/[,.]$/, '');
    // a lone slash nearer the tag after it than the word before it ("CONTACT  / AUTH"; "/ LPIC,")
    const loneSlash =
      prev?.text === '/' && tight && TAG_LETTERS.test(letters) && (!before || prev.x0 - before.x1 > gap);
    // a tag split inside itself: neither piece a tag, the two together one ("/PS" "WD" = PSWD)
    const split =
      prev &&
      tight &&
      /^\/[A-Z]{1,5}$/.test(prev.text) &&
      /^[A-Z]{1,5}$/.test(letters) &&
      TAG_LETTERS.test(prev.text.slice(1) + letters) &&
      knownTag(prev.text.slice(1) + letters) &&
      !knownTag(prev.text.slice(1)) &&
      !knownTag(letters);
    if (prev && (loneSlash || split)) out[out.length - 1] = joinedTok(prev, t, prev.text + letters);
    else out.push(...unglueSlashTag(t));
  }
  pl.toks = out;
}

/** "/AUTHOMAR" → "/AUTH" "OMAR": the longest known tag (three letters or more; two before digits), the rest no label. */
function unglueSlashTag(t: Tok): Tok[] {
  const m = /^\/([A-Z]{7,}|[A-Z]{2,}\d{3,})$/.exec(t.text);
  if (!m || knownTag(m[1]!)) return [t];
  const word = m[1]!;
  for (let i = Math.min(6, word.length - 2); i >= 2; i--) {
    const tag = word.slice(0, i);
    const rest = word.slice(i);
    // (a two-letter tag only before digits: "/TN5615550123"; "ST", "CO" begin too many words)
    if ((i < 3 && !/^\d/.test(rest)) || !knownTag(tag) || (/^[A-Z]/.test(rest) && knownTag(rest))) continue;
    const of = t.text.length;
    const cut = (from: number, x: number) => from + ((x - from) * (i + 1)) / of;
    const [a, b] = cutBox(t.bbox, i + 1, of);
    const x = cut(t.x0, t.x1);
    return [
      { ...t, text: `/${tag}`, key: labelKey(`/${tag}`), bbox: a, x1: x },
      { ...t, text: rest, key: labelKey(rest), bbox: b, x0: x },
    ];
  }
  return [t];
}

function assemble(
  prepared: PreparedPage[],
  kind: DocumentKind,
  pages: PageText[],
  pageWidth: Map<number, number>,
  noise: Tok[],
  cuts: ReadonlySet<Tok>,
): DocLayout {
  const lines: Line[] = [];
  const segs: Seg[] = [];
  for (const { page, pageLines, spaceRatio, edges, lineStarts } of prepared)
    for (const [i, pl] of pageLines.entries())
      appendLine(pl, page, spaceRatio, lines, segs, edges, neighbourStarts(pageLines, lineStarts, i), cuts);
  const hits = findHits(segs, kind, lines);
  for (const h of hits) withSlashAlternatives(h);
  valuesOverCaptions(hits, lines);
  stackedLabels(hits, lines, kind);
  openLabelsGoOn(hits, lines, kind);
  wrappedHints(hits, lines, kind);
  proseCaptionsWrapped(hits, lines, kind);
  columnLabels(hits, lines, segs, kind);
  cityValuesAreNoLabels(hits, segs);
  captionColumnNames(hits, lines, kind);
  captionRowNames(hits, lines, kind);
  headingQualifiedIdentifiers(hits, lines, kind);
  if (kind === 'csr') {
    extendRecordTags(hits, lines, kind);
    wholeCellTags(hits, lines, kind);
  }
  const hitsBySeg = new Map<number, Hit[]>();
  for (const h of hits) {
    const list = hitsBySeg.get(h.seg.id) ?? [];
    list.push(h);
    hitsBySeg.set(h.seg.id, list);
  }
  return { kind, pages, lines, segs, hits, hitsBySeg, pageWidth, noise };
}

/**
 * Words that open a cell: a cell's first word, or one after a gap clearly wider than the line's word spaces
 * (`wide` times the line's usual space; at least 0.6 of its height, or 0.4 when the start is matched by
 * an edge of its own, see tableCuts).
 */
function cellStarts(line: Line, wide = 1.8): Tok[] {
  const gaps = line.toks.slice(1).map((t, i) => t.x0 - line.toks[i]!.x1);
  const space = gaps.length ? quantile(gaps, 0.25) : 0;
  const min = (wide < 1.8 ? 0.4 : 0.6) * line.h;
  return line.toks.filter((t, i) => t.idx === 0 || t.x0 - line.toks[i - 1]!.x1 >= Math.max(min, wide * space));
}

/**
 * Where a header table's cells ran together ("Gulf Breeze Pediatric Associates 6467 41 989 1479337"
 * under "LEGAL BUSINESS NAME" | "BILLING ACCOUNT NUMBER"; "AMOUNT DUE #" over "$502.69"
 * | "A589323715"): a word inside a cell that starts where a cell of the other row starts, after a gap
 * wider than a word space, begins a column of its own. Left-aligned columns only; centred ones keep
 * wide gaps.
 */
function tableCuts(doc: DocLayout): Set<Tok> {
  const cuts = new Set<Tok>();
  for (let i = 0; i < doc.lines.length; i++) {
    const head = doc.lines[i]!;
    const kinds = headerRow(head, doc.hitsBySeg, doc.lines[i + 1]);
    if (!kinds) continue;
    const found = valueRowUnder(doc.lines, i, head.segs, doc.hitsBySeg);
    if (!found || !soleLabelRowOk(head, kinds, found, doc.hitsBySeg, doc.lines[i - 1])) continue;
    const { row } = found;
    // (a label-above cell indents its value a point or two from its label)
    const tol = doc.pages.find((p) => p.page === head.page)?.method === 'ocr' ? Math.max(3, 0.35 * head.h) : 2.5;
    // a label that starts inside a header cell starts a column too ("ADDRESS LINE TOWN/ CITY")
    const hitStarts = head.segs.flatMap((sg) =>
      (doc.hitsBySeg.get(sg.id) ?? []).filter((h) => h.start > 0).map((h) => sg.toks[h.start]!),
    );
    const hs = [...new Set([...cellStarts(head), ...hitStarts])];
    const vs = cellStarts(row);
    // a value cell run into the next column's ("Granite Peak Law Offices PLLC Joseph Dubois" under
    // "Subscriber Name" | "Contact"): a word after a gap only a little wider than a word space is the next
    // cell's first when it starts right where a caption starts — two edges agreeing, not one gap alone
    const loose = cellStarts(row, 1.3);
    for (const [a, others] of [...hs.map((t) => [t, vs] as const), ...loose.map((t) => [t, hs] as const)])
      if (a.idx > 0 && others.some((b) => Math.abs(b.x0 - a.x0) <= tol)) cuts.add(a);
  }
  return cuts;
}

type HeadCell = 'label' | 'caption';

/**
 * A header cell: every word a label ("Account No." | "Bill Date"), or a short caption without digits
 * that is no label we know ("Please Pay", "Page"). Anything else (a value) makes the row no header.
 */
function headCell(seg: Seg, hitsBySeg: Map<number, Hit[]>): HeadCell | null {
  const hits = hitsBySeg.get(seg.id) ?? [];
  let i = 0;
  while (i < seg.toks.length) {
    // (label words before a label the vocabulary matched from a later word are the caption's own:
    // "BUSINESS | LEGAL N AME (AS REGISTERED)", OCR having split the word the longer label ends on)
    const h =
      hits.find((x) => x.start === i && x.end > i) ??
      hits.find((x) => x.start > i && allLabelVocabulary(segText(seg.toks.slice(i, x.start))));
    if (h) i = h.end;
    else if (/^[:#|(),.-]+$/.test(seg.toks[i]!.text)) i++;
    else break;
  }
  // two captions run together, the first closed by its colon ("Customer (Business) Name: Service
  // Account No."): label words after the colon are the next column's caption
  if (
    i > 0 &&
    i < seg.toks.length &&
    /:$/.test(seg.toks[i - 1]!.text) &&
    allLabelVocabulary(segText(seg.toks.slice(i)))
  )
    i = seg.toks.length;
  if (i === seg.toks.length && hits.length) return 'label';
  const text = segText(seg.toks);
  if (seg.toks.length <= 4 && !/\d/.test(text) && /^[A-Z#]/.test(text) && !LEGAL_FORM_END.test(text)) return 'caption';
  return null;
}

/** A row of header cells: two labels or more, at most one caption per two labels. */
function headerRow(line: Line, hitsBySeg: Map<number, Hit[]>, below?: Line): HeadCell[] | null {
  if (line.segs.length < 2) return null;
  const kinds = line.segs.map((s) => headCell(s, hitsBySeg));
  if (kinds.some((k) => k === null)) return null;
  // a record's slash tag and its value ("/AUTHZD | PATRICIA E. ZHANG" over "/PIC1300 | /LPIC 1430"):
  // the words after a tag are its value, however much a row of tags below looks like a table's values
  if (line.segs.some((s, j) => kinds[j] === 'label' && slashTags.has(s.toks[0]!))) return null;
  const labels = kinds.filter((k) => k === 'label').length;
  if (!labels) return null;
  // (more captions than that only over a row of facts, one under each: see oneFactEach)
  if (kinds.length - labels > Math.max(1, Math.floor(labels / 2)) && !(labels >= 2 && oneFactEach(line, below)))
    return null;
  // one label beside a caption is a header row unless the label reads left ("Customer Name:" | "Acme Dental")
  if (labels === 1 && /:$/.test(segText(line.segs[kinds.indexOf('label')]!.toks))) return null;
  // "TOWN/CITY: | Mobile", "CITY: | Enterprise": a label ending with a colon and one cell without
  // a colon beside it is a label and its value, however the value reads (a city named like a label)
  if (line.segs.length === 2 && /:$/.test(segText(line.segs[0]!.toks)) && !/:$/.test(segText(line.segs[1]!.toks)))
    return null;
  // a row whose labels end with a colon and one of them has a plain cell right after it is a label and its
  // value beside it, with the next column's caption further on ("Account holder: | Northgate Chiropractic
  // | Acct ID:" in a list whose terms sit left of or above their values): a header row's captions are
  // alike, never one with a colon before one without
  const colonAt = (j: number) => /:$/.test(segText(line.segs[j]!.toks));
  if (kinds.some((k, j) => k === 'label' && colonAt(j) && kinds[j + 1] === 'caption' && !colonAt(j + 1))) return null;
  return kinds as HeadCell[];
}

/**
 * The line right under a row of captions holds one fact under each caption and nothing else — as many cells,
 * each starting or centred under its own caption, each with a figure ("ACCOUNT | BILL NUMBER | PAYMENT DUE |
 * PLEASE PAY | STATEMENT DATE" over "6344 44 113 6869401 | INV0765234521 | 7/25/25 | $500.01 | 7/3/25"): a
 * bill's header row of facts, however few of its captions the vocabulary knows. A table's first row of text
 * ("Business Line", "Main Office") is no such row.
 */
function oneFactEach(head: Line, below: Line | undefined): boolean {
  if (!below || below.page !== head.page || below.segs.length !== head.segs.length) return false;
  if (below.top - head.bottom > Math.max(2.8 * head.h, 2.2 * below.h, 12)) return false;
  return below.segs.every((v, k) => /\d/.test(segText(v.toks)) && underCell(head.segs, v) === k);
}

/**
 * A row of one label and a caption is a header only over a plain row of values: a label cell wrapped
 * beside its value ("Customer Legal" | "Old Town Dental" over "Name" | "Group LLP") is not.
 */
function soleLabelRowOk(
  head: Line,
  kinds: HeadCell[],
  found: { row: Line; wraps: Seg[] },
  hitsBySeg: Map<number, Hit[]>,
  above: Line | undefined,
): boolean {
  // a label with its short value beside it in a two-column record ("SERVICE AT | STATE | ND" over
  // "STREET | 2043 Maple Blvd | ZIP+4 | 58503"): the row under reads label-left in the same
  // columns, a label under the label and a value under the caption, so the caption is the value
  for (const [j, k] of kinds.entries())
    if (
      k === 'caption' &&
      kinds[j - 1] === 'label' &&
      labelLeftRowAbove(head, head.segs[j - 1]!, head.segs[j], found.row, hitsBySeg)
    )
      return false;
  if (kinds.filter((k) => k === 'label').length > 1) return true;
  const label = head.segs[kinds.indexOf('label')]!;
  if (found.wraps.length || (hitsBySeg.get(label.id) ?? []).some((h) => h.wrapSegs)) return false;
  // a row of a label-left list: the row above has a label cell at the label's x and a value
  // cell where the "caption" starts ("Billing Address | 1877 Lakeview Ave…" over "Authorized
  // Contact | MARIA OKAFOR"), so that caption is the label's value
  if (above && labelLeftRowAbove(head, label, head.segs[kinds.indexOf('caption')], above, hitsBySeg)) return false;
  // a person's label beside a full name ("AUTH USER" | "WEI DUBOIS"): the name is its value, no
  // column heading (headings are one or two plain words, never a first and last name in capitals)
  const caption = head.segs[kinds.indexOf('caption')];
  const personLabel = (hitsBySeg.get(label.id) ?? []).some((h) => h.field === 'authorized_person');
  if (personLabel && caption && caption.x0 > label.x1) {
    const words = caption.toks.map((t) => t.text);
    // two to four capitals words, an initial allowed ("MIRIAM A. FELDT"); a heading is label
    // vocabulary ("CLASS OF SERVICE" is no name)
    // (or the same in mixed case, "Elizabeth Rossi", in a list of labels with their values: the row
    // above has a label where this label starts and a cell where the name starts — a heading such as
    // "Tariff Class" heads a table with its value under it)
    const tol = Math.max(3, 0.5 * head.h);
    const aboveLabel = above?.segs.find((s) => Math.abs(s.x0 - label.x0) <= tol);
    const inList =
      !!aboveLabel &&
      (hitsBySeg.get(aboveLabel.id) ?? []).some((h) => h.start === 0) &&
      !!above?.segs.some((s) => Math.abs(s.x0 - caption.x0) <= tol);
    const nameShape =
      words.length >= 2 &&
      words.length <= 4 &&
      (words.every((w) => /^[A-Z][A-Z.'’-]*$/.test(w)) ||
        (inList && words.every((w) => /^[A-Z](?:[a-z'’-]+|\.)$/.test(w))));
    const vocab = labelStems(words.join(' ')).some((x) => isLabelWord(x) || LABEL_FILLERS.has(x));
    if (nameShape && !vocab) return false;
  }
  // under the label a value with no label word in it: in a label-left form the next row's label
  // sits there ("Current wireless carrier | Granite Telecommunications" over "Wireless account number")
  return found.row.segs.every((s) => {
    if (!(s.x0 < label.x1 && s.x1 > label.x0)) return true;
    const stems = labelStems(segText(s.toks));
    return !hitsBySeg.get(s.id)?.length && !(stems.length && stems.every(isLabelWord));
  });
}

/** The line above (or under) reads label-left in the same two columns: a whole label at the label's x, a value at the caption's. */
function labelLeftRowAbove(
  head: Line,
  label: Seg,
  caption: Seg | undefined,
  above: Line,
  hitsBySeg: Map<number, Hit[]>,
): boolean {
  // (also used for the row under: the gap is the one between the two lines either way)
  const gap = Math.max(head.top - above.bottom, above.top - head.bottom);
  if (!caption || above.page !== head.page || gap > Math.max(2.2 * head.h, 12)) return false;
  const tol = Math.max(3, 0.5 * head.h);
  const k = above.segs.findIndex((s) => Math.abs(s.x0 - label.x0) <= tol);
  const l = above.segs[k];
  const v = above.segs[k + 1];
  if (!l || !v || headCell(l, hitsBySeg) !== 'label') return false;
  return Math.abs(v.x0 - caption.x0) <= tol && headCell(v, hitsBySeg) === null;
}

/**
 * A header label's wrapped second line under it ("Name (as shown on your" / "statement)"; "Invoice"
 * / "Number"; "Address Line" / "2"): label words, a closing hint or a line number (a name's first
 * line under "Bill To" is a value, though "Accounting" reads like "Account").
 */
function wrapsHeader(s: Seg, heads: Seg[]): boolean {
  const head = heads.find((h) => s.x0 >= h.x0 - 3 && s.x0 < h.x1);
  if (!head || s.toks.length > 3) return false;
  const text = segText(s.toks);
  const above = segText(head.toks);
  const stems = labelStems(text);
  if (/^\d$/.test(text)) return /\b(line|ln)\b/i.test(above);
  if (/\d/.test(text)) return false;
  if (/\)$/.test(text) && /\([^)]*$/.test(above)) return true;
  // (a hint in parentheses of its own under the caption, whatever its words: "Service Address" / "(no P.O. Box)")
  if (/^\([^()]+\)$/.test(text)) return true;
  return stems.length > 0 && stems.every(isLabelWord);
}

/** Which header cell a value cell lies under: the one it starts under or is centred under (left- or centre-aligned tables). */
function underCell(heads: Seg[], v: Seg): number {
  let best = -1;
  let bestD = Infinity;
  heads.forEach((h, j) => {
    const d = Math.min(Math.abs(v.x0 - h.x0), Math.abs((v.x0 + v.x1) / 2 - (h.x0 + h.x1) / 2));
    const overlaps = v.x0 < h.x1 && v.x1 > h.x0;
    if ((overlaps || d < 0.5 * (h.x1 - h.x0) + 20) && d < bestD) {
      best = j;
      bestD = d;
    }
  });
  return best;
}

/** The row of values under a header row: the next line (after two lines of wrapped labels at most). */
function valueRowUnder(
  lines: Line[],
  i: number,
  heads: Seg[],
  hitsBySeg: Map<number, Hit[]>,
): { row: Line; wraps: Seg[] } | null {
  const head = lines[i]!;
  const left = heads[0]!.x0 - 3 * head.h;
  const right = heads[heads.length - 1]!.x1 + 3 * head.h;
  let prev = head;
  let wraps: Seg[] = [];
  for (let k = i + 1; k < lines.length && k <= i + 3; k++) {
    const l = lines[k]!;
    if (l.page !== head.page || l.top - prev.bottom > Math.max(2.8 * head.h, 2.2 * l.h, 12)) return null;
    if (l.segs.some((s) => s.x1 < left || s.x0 > right)) return null;
    // the header's labels wrapped onto a second line ("Main Account Number" / "(BTN)"), or a third in a
    // narrow column ("Billing" / "Telephone" / "Number")
    if (k <= i + 2 && prev === lines[k - 1] && l.segs.every((s) => wrapsHeader(s, heads))) {
      prev = l;
      wraps = [...wraps, ...l.segs];
      continue;
    }
    // the next header row, not values (a lone value may read like a label: "BUS", "Fax")
    if (2 * l.segs.filter((s) => headCell(s, hitsBySeg) === 'label').length > l.segs.length) return null;
    return { row: l, wraps };
  }
  return null;
}

/**
 * A row read as a header whose label has nothing under it while the words right after it do, words
 * mostly no label uses ("Account holder | Copper Canyon Eye Care, | Account number" over "Incorporated |
 * 4138613141104"): those words are the label's value, wrapped onto the row below, not a column's
 * heading — a header table's every heading has its value under it.
 */
function valueBesideEmptyLabel(heads: Seg[], kinds: HeadCell[], under: number[]): boolean {
  return kinds.some((k, j) => {
    if (k !== 'caption' || kinds[j - 1] !== 'label' || under.includes(j - 1) || !under.includes(j)) return false;
    const stems = labelStems(segText(heads[j]!.toks));
    return stems.length >= 2 && 2 * stems.filter(isLabelWord).length < stems.length;
  });
}

/**
 * Header tables (a row of labels over a row of values: "Account # | Bill Date | Amount Due" over
 * "8461 22… | 11/7/25 | $1,719.86"): a value may be wider than its label and centred under it, or
 * start left of it, so the label's column is where its value lies, between the neighbouring columns'
 * values — not only the few points around the label itself.
 */
function tableColumns(doc: DocLayout, pageWidth: Map<number, number>): Map<Seg, Line> {
  const { lines, hitsBySeg } = doc;
  /** the cells of the rows of values, each under a header cell (and the row each is in) */
  const valueCells = new Map<Seg, Line>();
  for (let i = 0; i < lines.length; i++) {
    const head = lines[i]!;
    const kinds = headerRow(head, hitsBySeg, lines[i + 1]);
    if (!kinds) continue;
    const heads = head.segs;
    const found = valueRowUnder(lines, i, heads, hitsBySeg);
    if (!found || !soleLabelRowOk(head, kinds, found, hitsBySeg, lines[i - 1])) continue;
    const { row, wraps } = found;
    const under = row.segs.map((v) => underCell(heads, v));
    if (new Set(under.filter((j) => j >= 0)).size < 2 || valueBesideEmptyLabel(heads, kinds, under)) continue;
    // (a table's: two labels or more over the row, the cell under one of them — a label beside a caption
    // is as likely a row of a label-left list, its "values" the next row's labels)
    if (kinds.filter((k) => k === 'label').length >= 2)
      row.segs.forEach((v, k) => kinds[under[k]!] === 'label' && valueCells.set(v, row));
    const ext = heads.map((h, j) => {
      const vs = row.segs.filter((_, k) => under[k] === j);
      return { x0: Math.min(h.x0, ...vs.map((v) => v.x0)), x1: Math.max(h.x1, ...vs.map((v) => v.x1)) };
    });
    const pageW = pageWidth.get(head.page) ?? 612;
    ext.forEach((e, j) => {
      const prev = ext[j - 1];
      const next = ext[j + 1];
      const x0 = prev ? (prev.x1 < e.x0 ? (prev.x1 + e.x0) / 2 : e.x0 - 1) : e.x0 - 3 * head.h;
      const x1 = next ? (e.x1 < next.x0 ? (e.x1 + next.x0) / 2 : next.x0 - 1) : pageW + 1;
      // never narrower than the gap between the header cells: a block's longer lines below the
      // first ("6705 Southwest Maple Street, STE 635, North Little Rock,") run on under the next header
      const h = heads[j]!;
      const gapX0 = j > 0 ? Math.max(heads[j - 1]!.x1 + 1, h.x0 - 3 * head.h) : h.x0 - 3 * head.h;
      const gapX1 = j + 1 < heads.length ? heads[j + 1]!.x0 - 1 : pageW + 1;
      // the label's wrapped second line is no value ("statement)" under "Name (as shown on your")
      const wrapped = wraps.filter((w) => w.x0 >= heads[j]!.x0 - 3 && w.x0 < heads[j]!.x1);
      const wrap = wrapped.map((w) => w.id);
      if (wrapped.length) joinWrappedCaption(doc, heads[j]!, wrapped);
      for (const h of hitsBySeg.get(heads[j]!.id) ?? [])
        if (h.start === 0) {
          h.col = { x0: Math.min(x0, gapX0), x1: Math.max(x1, gapX1) };
          if (wrap.length && !h.wrapSegs) h.wrapSegs = wrap;
        }
    });
  }
  return valueCells;
}

/**
 * A header caption wrapped onto a second line in its narrow cell ("CUSTOMER ACCOUNT" / "NUMBER", "STATEMENT" /
 * "DATE", "ACCOUNT" / "NAME"): the two lines are one caption, read together for the field they name — the
 * upper line's own reading gives way to it, and the lower line is no caption of its own (left one, "NUMBER"
 * took the column's value from the caption it ends). A head no listed concept joins with its lower line
 * keeps what it read.
 */
function joinWrappedCaption(doc: DocLayout, head: Seg, wrapped: Seg[]): void {
  // (a caption's second line is set as its first, right under it: the next row of values in larger print
  // under a form's captions, "Cox Business" under "(Acct # with current carrier)", is no part of it)
  const first = doc.lines[head.line]!;
  const second = doc.lines[wrapped[0]!.line]!;
  if (second.h > 1.1 * first.h || second.top - first.bottom > 0.6 * first.h) return;
  const joined = conceptOf(labelStems([head, ...wrapped].map((s) => segText(s.toks)).join(' ')), doc.kind);
  if (!joined) return;
  const own = (doc.hitsBySeg.get(head.id) ?? []).filter((h) => h.start === 0);
  if (own.length && own.every((h) => h.end !== head.toks.length)) return;
  for (const h of own) {
    if (h.field === joined.field) continue;
    h.field = joined.field;
    h.def = { field: joined.field, phrases: [], weight: joined.weight ?? 1 };
  }
  if (!own.length) {
    const h = cellHit(head, 0, head.toks.length, joined, 0.88);
    doc.hits.push(h);
    doc.hitsBySeg.set(head.id, [...(doc.hitsBySeg.get(head.id) ?? []), h]);
  }
  const lower = new Set(wrapped.map((w) => w.id));
  const kept = doc.hits.filter((h) => !lower.has(h.seg.id));
  if (kept.length === doc.hits.length) return;
  doc.hits.splice(0, doc.hits.length, ...kept);
  for (const id of lower) doc.hitsBySeg.delete(id);
}

/**
 * The cell right after a city label is the city, even when the place's name is a label word elsewhere
 * ("/CTY MOBILE", "City | Mobile": "Mobile" is also a phone's caption): a bare word in the next cell
 * on the line, without a colon, is the value of the city label before it, not a label of its own.
 */
function cityValuesAreNoLabels(hits: Hit[], segs: Seg[]): void {
  for (const h of [...hits]) {
    if (h.field !== 'addr_city' || h.end !== h.seg.toks.length) continue;
    const next = segs[h.seg.id + 1];
    if (!next || next.line !== h.seg.line || next.toks.length > 3) continue;
    for (let j = hits.length - 1; j >= 0; j--) {
      const o = hits[j]!;
      if (o.seg === next && o.start === 0 && !o.colon && (o.field === 'contact' || o.field === 'other'))
        hits.splice(j, 1);
    }
  }
}

/**
 * A label glued to its value whose wording goes on below ("CUSTOMER NAME ON Old Town Storage" over
 * "FILE:" beside "Centers Corp."; "Name (as it Red Mesa" over "appears on bill) Dental Group PC"):
 * the cell under the label's first word is the rest of the label, not a row of its own, and the
 * value's next line stands beside it (or after it in the same cell).
 */
function openLabelsGoOn(hits: Hit[], lines: Line[], kind: DocumentKind): void {
  for (const h of [...hits]) {
    if (h.wrapSegs || h.prose || h.end >= h.seg.toks.length || !VALUE_LABEL_FIELDS.has(h.field)) continue;
    if (!labelLeftOpen(segText(h.seg.toks.slice(h.start, h.end)))) continue;
    const line = lines[h.line]!;
    const below = lines[h.line + 1];
    if (!below || below.page !== line.page || below.top - line.bottom > 0.8 * Math.max(line.h, below.h)) continue;
    const cell = below.segs.find((s) => Math.abs(s.x0 - h.x0) <= 2);
    if (!cell) continue;
    // the label's rest: label words through the one that closes it (a colon, a parenthesis) or the cell's end
    let end = 0;
    for (let k = 0; k < cell.toks.length && k < 6; k++) {
      const t = cell.toks[k]!.text;
      if (/\d/.test(t) || !labelStems(t).every(isLabelWord)) break;
      if (/[:)]$/.test(t) || k === cell.toks.length - 1) {
        end = k + 1;
        break;
      }
    }
    if (!end) continue;
    for (let j = hits.length - 1; j >= 0; j--) if (hits[j]!.seg === cell && hits[j]!.start < end) hits.splice(j, 1);
    h.wrapSegs = [cell.id];
    if (end < cell.toks.length) h.wrapEnd = end;
    // the whole wording says what the label is: "Name (as shown on" / "your statement)" names the account
    const whole = `${segText(h.seg.toks.slice(h.start, h.end))} ${segText(cell.toks.slice(0, end))}`;
    const c = billHintedName(conceptOf(labelStems(whole), kind), whole);
    if (c && c.field !== 'other' && (c.field !== h.field || (c.weight ?? 1) > h.def.weight)) {
      h.def = { field: c.field, phrases: [], weight: c.weight ?? 1 };
      h.field = c.field;
      h.strength = (c.weight ?? 1) * 0.9;
    }
  }
}

/** A caption of a field read as one value (not an address part's, not a thing not read). */
const readableCaption = (f: LabelField) => f !== 'other' && !f.startsWith('addr_');

/**
 * A sentence's caption broken by the paragraph's line end ("… The billing" / "telephone number is
 * 5059636960."): the words closing the line above qualify the caption opening this one, and together they
 * may name another field — the billing telephone number is the BTN, not a number to port. The line above
 * is the same paragraph's (its left edge, a line's gap) and runs on (no full stop closing it).
 */
function proseCaptionsWrapped(hits: Hit[], lines: Line[], kind: DocumentKind): void {
  for (const h of hits) {
    if (h.start !== 0 || h.wrapSegs || !readableCaption(h.field)) continue;
    const line = lines[h.line]!;
    const above = lines[h.line - 1];
    if (line.segs[0] !== h.seg || !above || above.page !== line.page) continue;
    if (line.top - above.bottom > 0.8 * Math.max(line.h, above.h) || Math.abs(above.toks[0]!.x0 - h.x0) > 2) continue;
    const run = above.segs[above.segs.length - 1]!;
    // (a sentence's line: words running to the right, not a cell or a caption of its own)
    if (above.segs.length !== 1 || run.toks.length < 6 || /[.:;!?]$/.test(run.toks[run.toks.length - 1]!.text))
      continue;
    if (hits.some((o) => o.seg === run && o.end >= run.toks.length - 2)) continue;
    const own = segText(h.seg.toks.slice(h.start, h.end));
    const ownStems = labelStems(own);
    for (const k of [1, 2]) {
      const tail = run.toks.slice(-k);
      if (!tail.every((t) => !/\d/.test(t.text) && labelStems(t.text).every(isLabelWord))) break;
      const c = conceptOf(labelStems(`${segText(tail)} ${own}`), kind);
      if (!c || c.field === h.field || !readableCaption(c.field)) continue;
      if (c.stems.length <= ownStems.filter((x) => c.stems.includes(x)).length) continue;
      h.def = { field: c.field, phrases: [], weight: c.weight ?? 1 };
      h.field = c.field;
      h.strength = (c.weight ?? 1) * 0.9;
      break;
    }
  }
}

/**
 * A label whose hint in parentheses wrapped under it, alone in its cell ("Main account number" over
 * "(BTN)", the value beside the first line): the hint is the label's, and may say what it is — the
 * account's main number is its BTN, not its account number.
 */
function wrappedHints(hits: Hit[], lines: Line[], kind: DocumentKind): void {
  for (const h of [...hits]) {
    if (h.wrapSegs || h.prose || !h.atStart || h.end !== h.seg.toks.length) continue;
    const line = lines[h.line]!;
    const below = lines[h.line + 1];
    if (!below || below.page !== line.page || below.top - line.bottom > 0.8 * Math.max(line.h, below.h)) continue;
    const cell = below.segs.find((sg) => Math.abs(sg.x0 - h.seg.x0) <= 2);
    if (!cell || !/^\(.*\):?$/.test(segText(cell.toks))) continue;
    const whole = `${segText(h.seg.toks.slice(h.start, h.end))} ${segText(cell.toks)}`;
    const c = hintConcept(whole, kind);
    for (let j = hits.length - 1; j >= 0; j--) if (hits[j]!.seg === cell) hits.splice(j, 1);
    h.wrapSegs = [cell.id];
    if (c && c.field !== h.field && c.field !== 'other') {
      h.def = { field: c.field, phrases: [], weight: c.weight ?? 1 };
      h.field = c.field;
      h.strength = (c.weight ?? 1) * 0.9;
    }
  }
}

/** Fields a label found by its place in a column of labels may name (a value's field, not a heading's). */
const COLUMN_LABEL_FIELDS = new Set<LabelField>(['pin', 'btn', 'account_number', 'authorized_person']);

/**
 * A caption in a wording no list knows, found by where it stands: a short cell without digits in a
 * card's column of labels (two or more label cells start at its left edge in the rows around it)
 * whose head noun alone names a field ("Self-care PIN", "Portal passcode" under "Billing number"
 * and over nothing but values). The qualifier words before the head may be any words: the column
 * says it is a caption, the head says what of.
 */
function columnLabels(hits: Hit[], lines: Line[], segs: Seg[], kind: DocumentKind): void {
  const labelled = new Set(hits.map((h) => h.seg.id));
  const labelStartsAt = (page: number, from: number, to: number, x: number, not: Seg) =>
    hits.filter(
      (h) =>
        h.seg !== not &&
        h.page === page &&
        h.start === 0 &&
        !h.prose &&
        h.line >= from &&
        h.line <= to &&
        Math.abs(h.seg.x0 - x) <= 3,
    ).length;
  for (const seg of segs) {
    if (labelled.has(seg.id) || seg.toks.length < 2 || seg.toks.length > 4) continue;
    const t = segText(seg.toks);
    if (/\d|:/.test(t) || !/^[A-Z]/.test(t)) continue;
    const stems = labelStems(t);
    const head = stems.at(-1);
    if (!head || labelStems(seg.toks.at(-1)!.text).at(-1) !== head) continue;
    // the head alone names one field for sure ("PIN", "passcode"); the words before only qualify it
    const alone = conceptOf([head], kind);
    if (!alone || alone.stems.length !== 1 || (alone.weight ?? 1) < 1 || !COLUMN_LABEL_FIELDS.has(alone.field))
      continue;
    const whole = conceptOf(stems, kind);
    if (whole && whole.field !== alone.field) continue;
    const line = lines[seg.line]!;
    // (a label cell on its own line counts too: a row of captions over their values)
    const rowLabel = line.segs.some((o) => o !== seg && hits.some((h) => h.seg === o && h.start === 0 && !h.prose));
    if (labelStartsAt(seg.page, seg.line - 5, seg.line + 5, seg.x0, seg) + (rowLabel ? 1 : 0) < 2) continue;
    // a value beside it or right under it
    const below = lines[seg.line + 1];
    const beside = line.segs.some((o) => o.x0 > seg.x1 && !labelled.has(o.id));
    const under =
      !!below && below.page === seg.page && below.segs.some((o) => Math.abs(o.x0 - seg.x0) <= 3 && !labelled.has(o.id));
    if (!beside && !under) continue;
    hits.push({
      def: { field: alone.field, phrases: [], weight: 0.85 },
      field: alone.field,
      seg,
      start: 0,
      end: seg.toks.length,
      colon: false,
      prose: false,
      atStart: true,
      strength: 0.8,
      x0: seg.x0,
      x1: seg.x1,
      line: seg.line,
      page: seg.page,
    });
  }
}

/**
 * A fill-in form prints each value on a rule with its caption in smaller type right under it: `lower`
 * is such a row of captions under `upper` when it sits closer than half a line, is in smaller type,
 * holds nothing but whole labels, every cell of `upper` has a caption starting under it, and some
 * cell of `upper` is no label (a value). Two lines of a wrapped header are both labels.
 */
function captionRowUnder(hits: Hit[], upper: Line, lower: Line): boolean {
  if (!captionsAligned(upper, lower)) return false;
  const whole = (h: Hit) => h.start === 0 && h.end === h.seg.toks.length;
  if (!lower.segs.every((sg) => hits.some((h) => h.seg === sg && whole(h)))) return false;
  return upper.segs.some((sg) => !hits.some((h) => h.seg === sg));
}

/** `lower` is close under `upper`, in smaller type, with a cell starting under each of `upper`'s. */
function captionsAligned(upper: Line, lower: Line): boolean {
  if (lower.page !== upper.page || lower.top - upper.bottom > 0.6 * upper.h || lower.h * 1.05 > upper.h) return false;
  const tol = Math.max(4, 0.5 * upper.h);
  return upper.segs.every((u) => lower.segs.some((c) => Math.abs(c.x0 - u.x0) <= tol));
}

/**
 * A word on a value rule that happens to be a label word (the city "Mobile" over its CITY caption) is
 * the value its caption names, not a label: dropped when a caption starts under it at the same x.
 */
function valuesOverCaptions(hits: Hit[], lines: Line[]): void {
  const drop = new Set<Hit>();
  for (const b of hits) {
    if (!b.atStart || b.start !== 0) continue;
    const line = lines[b.line]!;
    const below = lines[b.line + 1];
    if (!below || !captionRowUnder(hits, line, below)) continue;
    if (below.segs.some((sg) => Math.abs(sg.x0 - b.seg.x0) <= Math.max(4, 0.5 * line.h))) drop.add(b);
  }
  if (!drop.size) return;
  const kept = hits.filter((h) => !drop.has(h));
  hits.splice(0, hits.length, ...kept);
}

/**
 * A caption wraps in reading order: the words over the line break come first in the concept's grammar too.
 * A caption of its own whose word is what the lower caption's words qualify ("NAME" over "AUTH": an
 * authorized NAME) reads reversed — in a record, two rows, the customer's name and the authorized person.
 */
function namedOutOfOrder(c: LabelConcept, upper: string[], lower: string[]): boolean {
  const at = (words: string[]) => words.map((w) => c.stems.indexOf(w)).filter((i) => i >= 0);
  const up = at(upper);
  const low = at(lower);
  return up.length > 0 && low.length > 0 && Math.min(...up) > Math.max(...low);
}

/**
 * Every wording of `field` that takes words from both lines reads them out of order (namedOutOfOrder): the two
 * lines are two captions, not one wrapped. False when no wording spans both lines (nothing to tell by).
 */
function joinedOutOfOrder(field: LabelField, upper: string[], lower: string[], kind: DocumentKind): boolean {
  const have = new Set([...upper, ...lower]);
  const spanning = LABEL_CONCEPTS.filter(
    (c) =>
      c.field === field &&
      (!c.kinds || c.kinds.includes(kind)) &&
      c.stems.every((x) => have.has(x)) &&
      c.stems.some((x) => upper.includes(x)) &&
      c.stems.some((x) => lower.includes(x)),
  );
  return spanning.length > 0 && spanning.every((c) => namedOutOfOrder(c, upper, lower));
}

/**
 * A label cell that wraps onto a second line, its value wrapping beside it ("Customer Legal" / "Name"
 * beside "Old Town Dental" / "Group LLP"; "Business /" / "Organization Name"; "Customer" / "Legal
 * Name: Offices LLC"): the lower line's label is found alone, and its value would be the value's
 * second line. The two cells are one label on the upper line, whose value continues below.
 */
function stackedLabels(hits: Hit[], lines: Line[], kind: DocumentKind): void {
  const bySeg = new Map<number, Hit[]>();
  for (const h of hits) bySeg.set(h.seg.id, [...(bySeg.get(h.seg.id) ?? []), h]);
  const drop = new Set<Hit>();
  for (const b of [...hits]) {
    if (drop.has(b) || !b.atStart || b.start !== 0 || b.wrapSegs || !VALUE_LABEL_FIELDS.has(b.field)) continue;
    const line = lines[b.line]!;
    const above = lines[b.line - 1];
    if (!above || above.page !== line.page || line.top - above.bottom > 0.8 * Math.max(line.h, above.h)) continue;
    // a value on a rule over its caption ("Billings" over "CITY") is no first line of a wrapped label
    if (captionRowUnder(hits, above, line)) continue;
    const head = above.segs.find((s) => Math.abs(s.x0 - b.seg.x0) <= 2);
    if (!head) continue;
    // a head in capitals with its value glued on in mixed case ("SUBSCRIBER Granite Peak"): the label is the capitals
    const glued = gluedValueStart(head.toks);
    const headEnd = glued || head.toks.length;
    const headToks = head.toks.slice(0, headEnd);
    if (headToks.length > 3 || /\d|:$/.test(segText(headToks))) continue;
    const headHits = bySeg.get(head.id) ?? [];
    // the head is a label cell: a hit covering it, or capitalised label words (one unknown word at most)
    const stems = labelStems(segText(headToks));
    // (a listed name — a directory listing, often a DBA — is a row of its own, never a qualifier of the
    // caption under it: "LSTD" over "ACNM", each beside its own value)
    if (stems[0] === 'listed') continue;
    const headIsLabel =
      headHits.some((h) => h.start === 0 && h.end === headEnd && !h.colon) ||
      (/^[A-Z]/.test(headToks[0]!.text) &&
        stems.length > 0 &&
        stems.filter((x) => !isLabelWord(x)).length <= 1 &&
        stems.some(isLabelWord));
    if (!headIsLabel || headHits.some((h) => h.start > 0 || h.end !== headEnd)) continue;
    // the value column is shared: the head's value beside it starts where the lower label's does
    const headValue = glued ? head.toks.slice(glued) : above.segs[above.segs.indexOf(head) + 1]?.toks;
    const lowValueX = b.end < b.seg.toks.length ? b.seg.toks[b.end]!.x0 : line.segs[line.segs.indexOf(b.seg) + 1]?.x0;
    // (a glued head's value may be the whole value, the lower label's line holding none: "CUSTOMER
    // LEGAL Mesa Verde Auto Body PA" / "NAME", the next cell on that line another column's)
    const noLowValue = !!glued && (lowValueX === undefined || lowValueX > headValue![0]!.x1 + 20);
    if (
      !headValue ||
      (!noLowValue && (lowValueX === undefined || Math.abs(headValue[0]!.x0 - lowValueX) > Math.max(4, 0.9 * line.h)))
    )
      continue;
    const combined = conceptOf(labelStems(`${segText(headToks)} ${segText(b.seg.toks.slice(0, b.end))}`), kind);
    // a head that is a label of its own names the same field, or one whose words the lower label
    // needs to name its field ("ACCOUNT" over "HOLDER NAME:" beside a wrapped name, no number beside it);
    // one that is no label alone is a fragment that names the field together with the line under it
    // (a single word: a whole label of two words over another row's label is that row's, "Listed Name")
    const headJoins =
      headToks.length === 1 &&
      !!combined &&
      combined.field === b.field &&
      needsHead(combined, { ...head, toks: headToks }, [b.seg], kind) &&
      !(NAME_VALUE_FIELDS.has(b.field) && /\d/.test(segText(headValue))) &&
      !(headHits.length && namedOutOfOrder(combined, stems, labelStems(segText(b.seg.toks.slice(0, b.end)))));
    if (headHits.some((h) => h.field !== b.field) && !headJoins) continue;
    // (nor a head whose words come after the lower caption's in every wording of the field that joins the two:
    // "Brand Name" over "Authorized Rep." is no "Name … Authorized" but two rows, a value beside each)
    if (combined && joinedOutOfOrder(combined.field, stems, labelStems(segText(b.seg.toks.slice(0, b.end))), kind))
      continue;
    const headConcept = conceptOf(stems, kind);
    if (!headHits.length && ((headConcept && headConcept.field !== b.field) || combined?.field !== b.field)) continue;
    // a head naming nothing by itself over a lower label that is whole in two words or more, and
    // needs none of the head's: two rows with a value each ("Provider now" | Comcast Business over
    // "Business / account name" | Magnolia Realty…), not one label whose value wraps
    const lowOwn = conceptOf(labelStems(segText(b.seg.toks.slice(0, b.end))), kind);
    if (
      !headConcept &&
      lowOwn &&
      lowOwn.stems.length >= 2 &&
      lowOwn.field === b.field &&
      combined &&
      !needsHead(combined, { ...head, toks: headToks }, [b.seg], kind)
    )
      continue;
    // nor a head that is a whole caption of two words or more over another whole one, each with its value
    // beside it ("CORPORATE NAME" | Silver Creek … P.A. over "LISTED NAME" | SCMBP Shop): two rows
    if (
      !noLowValue &&
      headConcept &&
      headConcept.stems.length >= 2 &&
      lowOwn &&
      lowOwn.stems.length >= 2 &&
      lowOwn.stems.join() !== headConcept.stems.join()
    )
      continue;
    const concept = combined && combined.field === b.field ? combined : null;
    const weight = concept?.weight ?? b.def.weight;
    for (const h of headHits) drop.add(h);
    drop.add(b);
    hits.push({
      ...b,
      def: concept ? { field: b.field, phrases: [], weight } : b.def,
      seg: head,
      start: 0,
      end: headEnd,
      atStart: true,
      strength: Math.max(b.strength, weight * 0.95),
      x0: headToks[0]!.x0,
      x1: headToks[headToks.length - 1]!.x1,
      line: head.line,
      wrapSegs: [b.seg.id],
      wrapEnd: b.end,
    });
  }
  for (let i = hits.length - 1; i >= 0; i--) if (drop.has(hits[i]!)) hits.splice(i, 1);
}

/** A record tag's word: label vocabulary, an abbreviation of it, or a short code ("USR", "NM"). */
function isTagWord(word: string): boolean {
  const stems = labelStems(word);
  if (word.replace(/[.:]/g, '').length <= 4) return true;
  return stems.length > 0 && stems.every((x) => isLabelWord(x) || expandAbbreviation(x) !== null);
}

/** A gap after word i wider than the one before it: the tag ends there ("CUST NM  PAVON…"). */
function widerGapAfter(toks: Tok[], i: number): boolean {
  const after = toks[i + 1];
  const before = toks[i - 1];
  if (!after || !before) return false;
  return after.x0 - toks[i]!.x1 > 1.5 * (toks[i]!.x0 - before.x1) + 0.5;
}

/** Fields whose label may wrap beside a wrapping value. */
const NAME_VALUE_FIELDS = new Set<LabelField>(['account_name', 'authorized_person']);

/** Where a value glued to a label in capitals starts: its first mixed-case word after one or more capitals (0 if none). */
function gluedValueStart(toks: Tok[]): number {
  let k = 0;
  while (k < toks.length && k < 4 && /^[A-Z][A-Z'’/-]*$/.test(toks[k]!.text)) k++;
  return k > 0 && k < toks.length && /^[A-Z][a-z]/.test(toks[k]!.text) ? k : 0;
}

const VALUE_LABEL_FIELDS = new Set<LabelField>([
  'account_name',
  'authorized_person',
  'service_address',
  'billing_address',
]);

/**
 * A label written as alternatives joined by a slash ("Town/City:", "Unit/Suite"): the words before
 * the slash belong to the label, so they do not end the value before it.
 */
function withSlashAlternatives(h: Hit): void {
  const toks = h.seg.toks;
  while (h.start > 0 && /^[A-Za-z]{2,}\/$/.test(toks[h.start - 1]!.text) && h.start - 1 >= 0) {
    h.start--;
    h.x0 = toks[h.start]!.x0;
  }
}

/**
 * A CSR tag that fills its cell with one or two more tag words ("AUTH USER" | "WEI DUBOIS") is the
 * whole cell: its value is the next cell, not the tag's last word. (After extendRecordTags, which
 * reads words past a record's value column as value words: here the cell's own edge says where the
 * tag ends.)
 */
function wholeCellTags(hits: Hit[], lines: Line[], kind: DocumentKind): void {
  for (const h of hits) {
    const rest = h.seg.toks.slice(h.end);
    const line = lines[h.line]!;
    if (h.start !== 0 || !rest.length || rest.length > 2 || line.segs[line.segs.length - 1] === h.seg) continue;
    if (!rest.every((t) => /^[A-Z]{2,}$/.test(t.text) && labelStems(t.text).some(isLabelWord))) continue;
    h.end = h.seg.toks.length;
    h.x1 = h.seg.x1;
    // the whole tag says what it is: "ADMIN" alone names the administrator, "ADMIN PHONE" a contact number
    const c = conceptOf(labelStems(segText(h.seg.toks)), kind);
    if (c && c.field !== h.field && c.stems.length >= 2) {
      h.def = { field: c.field, phrases: [], weight: c.weight ?? 1 };
      h.field = c.field;
      h.strength = (c.weight ?? 1) * 0.9;
    }
  }
}

/**
 * A fixed-width record prints its tags in one column and their values in the next, the value column
 * at one x on most lines. Words of a tag's cell that end before that column are the rest of the tag
 * ("AUTH USR  THOMAS HUGHES", "SVC ADDR2: FL 23"), not the start of its value.
 */
function extendRecordTags(hits: Hit[], lines: Line[], kind: DocumentKind): void {
  // the record's fields, not its feature table's headings
  const tagHits = hits.filter(
    (h) =>
      h.atStart &&
      h.start === 0 &&
      lines[h.line]!.segs[0] === h.seg &&
      h.field !== 'other' &&
      h.field !== 'phone_list' &&
      h.field !== 'contact',
  );
  const valueXs = new Map<number, number>();
  for (const h of tagHits) {
    const line = lines[h.line]!;
    const x = h.seg.toks[h.end]?.x0 ?? line.segs[1]?.x0;
    if (x === undefined) continue;
    const bin = Math.round(x / 3);
    valueXs.set(bin, (valueXs.get(bin) ?? 0) + 1);
  }
  let column: number | null = null;
  let votes = 0;
  for (const [bin, n] of valueXs) {
    // neighbouring bins are the same column
    const total = n + (valueXs.get(bin - 1) ?? 0) + (valueXs.get(bin + 1) ?? 0);
    if (total > votes) {
      votes = total;
      column = bin * 3 - 3;
    }
  }
  if (column === null || votes < 3 || votes < 0.4 * tagHits.length) return;
  wordTags(hits, lines, kind, tagHits, column);
  const starts = new Set(hits.map((h) => `${h.seg.id}:${h.start}`));
  for (const h of tagHits) {
    const toks = h.seg.toks;
    let end = h.end;
    // (a colon closes the tag where it stands: "SVC2: APT 17C" in a record whose longer tags set the value
    // column further right gives the unit's designator as the value's first word, not the tag's)
    while (
      end < toks.length &&
      !/:$/.test(toks[end - 1]!.text) &&
      (toks[end]!.x1 < column || (toks[end]!.x0 < column - 1 && isTagWord(toks[end]!.text))) &&
      /^[A-Z][A-Z/&.]*\d?[.:]*$/.test(toks[end]!.text) &&
      !starts.has(`${h.seg.id}:${end}`) &&
      !opensDate(toks, end)
    )
      end++;
    // a tag read past the column takes a value word for a tag word ("BILL NM OLD TOWN BREWING…")
    // (an upper-case tag without a colon only: a colon ends a label where it stands)
    if (end === h.end && !h.colon && toks.slice(h.start, end).every((t) => t.text === t.text.toUpperCase()))
      while (
        end > h.start + 1 &&
        toks[end - 1]!.x0 >= column + 2 &&
        !widerGapAfter(toks, end - 1) &&
        !closesVocabularyHint(toks, h.start, end)
      )
        end--;
    if (end === h.end) continue;
    // the whole tag says what it is: "ACCT" read alone is a number, "ACCT NM" the account's name
    const stems = recordTagStems(segText(toks.slice(h.start, end)));
    const c = stems.every(isLabelWord) ? conceptOf(stems, kind) : null;
    if (c && c.field !== h.field && c.stems.length >= 2) {
      h.def = { field: c.field, phrases: [], weight: c.weight ?? 1 };
      h.field = c.field;
      h.strength = (c.weight ?? 1) * 0.9;
    }
    h.end = end;
    h.x1 = toks[end - 1]!.x1;
    h.colon ||= /[:#]$/.test(toks[end - 1]!.text);
  }
}

/**
 * toks[from, end) ends with a hint in parentheses of label words after the tag's own ("BUSINESS LEGAL NAME
 * (AS REGISTERED)"): the tag's hint, however far past the record's value column it runs.
 */
function closesVocabularyHint(toks: Tok[], from: number, end: number): boolean {
  if (!/\)$/.test(toks[end - 1]!.text)) return false;
  const open = toks.slice(from, end).findLastIndex((t) => /^\(/.test(t.text));
  return open > 0 && allLabelVocabulary(segText(toks.slice(from + open, end)));
}

/**
 * The words from toks[i] open with a date ("JUN 07 2024", "DEC 06 2025"): a month in capitals is the value's
 * first word, never the rest of the tag before it ("Printed: JUN 07 2024" in a page whose record prints
 * its values further right).
 */
function opensDate(toks: Tok[], i: number): boolean {
  const month = toks[i]!.text.toLowerCase().replace(/\.$/, '');
  return MONTHS[month] !== undefined && /^\d{1,2}(?:st|nd|rd|th)?,?$/i.test(toks[i + 1]?.text ?? '');
}

/**
 * A key/value table's row whose caption is one concept word or a few, no colon ("Signee" | "Omar
 * Kowalski", "Approver" | …): alone such words may be a value's, but in the captions' column of a
 * table whose rows above and below are labels with their values in one column, the cell is that row's
 * caption. Name fields only (their values have no digits to tell a label by).
 */
function captionColumnNames(hits: Hit[], lines: Line[], kind: DocumentKind): void {
  const rowOf = (l: Line | undefined) => {
    const [cap, value] = l?.segs ?? [];
    return cap && value ? { cap, value } : null;
  };
  const labelRows = new Map<number, { cap: Seg; value: Seg }>();
  for (const h of hits) {
    const r = rowOf(lines[h.line]);
    if (r && h.seg === r.cap && h.start === 0 && h.atStart && !h.prose) labelRows.set(h.line, r);
  }
  // (a row of captions over a row of values is a grid, not a key/value table: "Class of Service" |
  // "Brand Name" over "BUS" | "HMMSL Group")
  const labelSegs = new Set(hits.map((h) => h.seg));
  for (const [k, r] of labelRows)
    if (labelSegs.has(r.value) || looksLikeLabelText(segText(r.value.toks))) labelRows.delete(k);
  for (const line of lines) {
    const r = rowOf(line);
    if (!r || labelRows.has(line.id) || hits.some((h) => h.line === line.id)) continue;
    const t = segText(r.cap.toks);
    if (r.cap.toks.length > 4 || /\d|:$/.test(t) || !/^[A-Z]/.test(t) || !allLabelVocabulary(t)) continue;
    const c = conceptOf(labelStems(t), kind);
    if (!c || !NAME_VALUE_FIELDS.has(c.field)) continue;
    // (rows of the same table: close above or below, captions and values each in one column)
    const near = [line.id - 2, line.id - 1, line.id + 1, line.id + 2].filter((k) => {
      const o = labelRows.get(k);
      return (
        o &&
        lines[k]!.page === line.page &&
        Math.abs(o.cap.x0 - r.cap.x0) <= 2 &&
        Math.abs(o.value.x0 - r.value.x0) <= 4 &&
        Math.abs(lines[k]!.top - line.top) <= 3.5 * Math.abs(k - line.id) * line.h
      );
    });
    if (!near.some((k) => k < line.id) || !near.some((k) => k > line.id)) continue;
    hits.push(cellHit(r.cap, 0, r.cap.toks.length, c, 0.85));
  }
}

/**
 * A table's header row whose other cells are captions ("PHONE" | "BILL ACCT NO" | "SUBSCRIBER NAME" |
 * "AUTHORIZED" | "SVC ADDRESS"): a cell of one or two words, all label vocabulary, naming a name field
 * ("Authorized", "Signee") is that column's caption too, though alone such words may be a value's.
 */
function captionRowNames(hits: Hit[], lines: Line[], kind: DocumentKind): void {
  const bySeg = new Set(hits.filter((h) => h.start === 0 && h.end === h.seg.toks.length).map((h) => h.seg.id));
  const hitSegs = new Set(hits.map((h) => h.seg.id));
  for (const line of lines) {
    const caps = line.segs.filter((sg) => bySeg.has(sg.id)).length;
    if (line.segs.length < 4 || caps < 3 || caps < line.segs.length / 2) continue;
    for (const seg of line.segs) {
      if (hitSegs.has(seg.id) || seg.toks.length > 2) continue;
      const t = segText(seg.toks);
      if (/\d|:$/.test(t) || !/^[A-Z]/.test(t) || !allLabelVocabulary(t)) continue;
      const c = conceptOf(labelStems(t), kind);
      if (c && NAME_VALUE_FIELDS.has(c.field)) hits.push(cellHit(seg, 0, seg.toks.length, c, 0.85));
    }
  }
}

/** Fields a section heading may qualify a bare identifier caption into (see headingQualifiedIdentifiers). */
const HEADED_IDENTIFIER_FIELDS = new Set<LabelField>(['account_number', 'btn', 'pin']);

/**
 * A bare identifier caption ("Number:", "No.", "ID:", "#", "Code:") under a section heading naming whose it
 * is ("ACCOUNT INFORMATION", "Current Account", "Account Security"): the heading qualifies the caption, the
 * two read as one ("Account … Number", "Security … Code"). Only a heading of a few words, no digits and no
 * colon, alone on its line at or left of the caption's column, with only captioned rows between.
 */
function headingQualifiedIdentifiers(hits: Hit[], lines: Line[], kind: DocumentKind): void {
  for (const line of lines) {
    const seg = line.segs[0];
    if (!seg) continue;
    const colonAt = seg.toks.findIndex((t) => /:$/.test(t.text));
    const end = colonAt >= 0 ? colonAt + 1 : line.segs.length > 1 ? seg.toks.length : -1;
    if (end < 1 || end > 2) continue;
    const own = labelStems(segText(seg.toks.slice(0, end)));
    if (own.length < 1 || !own.every((w) => IDENTIFIER_NOUNS.has(w))) continue;
    // (a value with digits beside it: a table's header row, "Number | Name | Equipment", captions columns)
    const value = colonAt >= 0 && end < seg.toks.length ? seg.toks.slice(end) : (line.segs[1]?.toks ?? []);
    if (!value.some((t) => /\d/.test(t.text))) continue;
    const heading = sectionHeading(lines, line, seg.x0);
    if (!heading) continue;
    // (the heading's words up to a joining word qualify, fillers that are concept words kept: "Main Line",
    // "Your Account with Current Carrier" — not "Lines on this account", whose head is the lines)
    const words = labelStems(heading);
    const cut = words.findIndex((w, i) => i > 0 && HEAD_ENDS.has(w));
    const named = (cut < 0 ? words : words.slice(0, cut)).filter(
      (w) => CONCEPT_WORDS.has(w) || (isLabelWord(w) && !LABEL_FILLERS.has(w)),
    );
    const stems = [...named, ...own];
    const c = conceptOf(stems, kind, own[own.length - 1], true);
    if (!c || c.stems.length < 2 || !HEADED_IDENTIFIER_FIELDS.has(c.field)) continue;
    const at = hits.findIndex((h) => h.seg === seg && h.start === 0);
    const hit = cellHit(seg, 0, end, c, 0.9, colonAt >= 0 || /#$/.test(seg.toks[end - 1]!.text));
    if (at >= 0) hits[at] = hit;
    else hits.push(hit);
  }
}

/** The heading over a caption's column: the nearest line above, alone, a few words without digits or colon. */
function sectionHeading(lines: Line[], line: Line, x: number): string | null {
  for (let k = line.id - 1; k >= 0 && k >= line.id - 8; k--) {
    const l = lines[k]!;
    if (l.page !== line.page || l.segs[0]!.x0 > x + 2 + 8 * line.h) return null;
    const t = segText(l.toks);
    if (l.segs.length === 1 && l.toks.length <= 6 && !/\d|:$/.test(t) && /^[A-Z]/.test(t))
      return l.segs[0]!.x0 <= x + 2 ? t : null;
    // (only captioned rows of the section between: a caption at the column's start, a value beside it)
    if (Math.abs(l.segs[0]!.x0 - x) > 2 || l.segs.length < 2) return null;
  }
  return null;
}

/**
 * A record line opening with a whole word that names a name field alone ("CONTACT DAVID SMITH"), in
 * the record's tag column, its next word where the record's values start: a tag like its neighbours
 * ("CUS  COPPER CANYON…"), though a full word elsewhere is text, not a tag (see recordTag).
 */
function wordTags(hits: Hit[], lines: Line[], kind: DocumentKind, tagHits: Hit[], column: number): void {
  const tagX = median(tagHits.map((h) => h.seg.x0));
  const hitLines = new Set(hits.map((h) => h.line));
  for (const line of lines) {
    const seg = line.segs[0];
    if (!seg || hitLines.has(line.id) || Math.abs(seg.x0 - tagX) > 2) continue;
    // (the value in the tag's cell, or in the next one where the record spaces them wider)
    const tag = seg.toks[0]!;
    const next = seg.toks.length > 1 ? seg.toks[1] : seg.toks.length === 1 ? line.segs[1]?.toks[0] : undefined;
    if (!next) continue;
    // (the column is its bin's left edge, values start up to a few points right of it; a tag as long
    // as the tag column pushes its value a character on: "CONTACT SIOBHAN…")
    if (!/^[A-Z]{4,}$/.test(tag.text) || next.x0 < column - 0.6 * line.h || next.x0 > column + 7) continue;
    if (!/^[A-Z]/.test(next.text)) continue;
    const c = conceptOf(labelStems(tag.text), kind);
    if (!c || c.stems.length !== 1 || !NAME_VALUE_FIELDS.has(c.field)) continue;
    hits.push(cellHit(seg, 0, 1, c, 0.88));
  }
}

interface Phrase {
  key: string;
  def: LabelDef;
  words: number;
  single: boolean;
}

let phraseIndex: { exact: Map<string, Phrase[]>; all: Phrase[] } | null = null;
function phrases(): { exact: Map<string, Phrase[]>; all: Phrase[] } {
  if (phraseIndex) return phraseIndex;
  const exact = new Map<string, Phrase[]>();
  const all: Phrase[] = [];
  for (const def of LABEL_TABLE) {
    for (const p of def.phrases) {
      const words = p.split(/\s+/).filter((w) => labelKey(w));
      const key = words.map(labelKey).join('');
      if (!key) continue;
      const ph: Phrase = { key, def, words: words.length, single: words.length === 1 };
      all.push(ph);
      const list = exact.get(key) ?? [];
      list.push(ph);
      exact.set(key, list);
    }
  }
  phraseIndex = { exact, all };
  return phraseIndex;
}

function kindAllows(def: LabelDef, kind: DocumentKind): boolean {
  return !def.kinds || def.kinds.includes(kind);
}

interface PhraseMatch {
  ph: Phrase;
  end: number;
  exactMatch: boolean;
  len: number;
}

/**
 * OCR stutters on an unsure word, reading one letter twice ("Ccsz" for the tag "CSZ", "Accct"): the
 * word with one of a doubled pair dropped is looked up as a listed phrase. Only for a lone word first in its cell.
 */
function stutterMatch<T>(exact: Map<string, T>, toks: Tok[], i: number, j: number): T | undefined {
  const t = toks[i]!;
  // a label stands first in its cell; elsewhere an unsure doubled letter is more likely a value's
  if (i !== 0 || j !== 0 || t.conf >= UNSURE_WORD_CONF || t.key.length < 3) return undefined;
  for (let k = 0; k + 1 < t.key.length; k++) {
    if (t.key[k] !== t.key[k + 1]) continue;
    const hit = exact.get(t.key.slice(0, k) + t.key.slice(k + 1));
    if (hit) return hit;
  }
  return undefined;
}

/** The longest listed label phrase starting at toks[i] (near-matches only where OCR was unsure). */
function longestPhraseAt(toks: Tok[], i: number, kind: DocumentKind): PhraseMatch | null {
  const { exact, all } = phrases();
  let best: PhraseMatch | null = null;
  let acc = '';
  // near-matches only where OCR was unsure (some word of the label so far), and only from a word with
  // letters: "Account Na." is a sure "Account" and an unsure "No."
  const lettered = /[a-z]{2}/.test(toks[i]!.key);
  let noisy = false;
  for (let j = i; j < toks.length && j < i + 8; j++) {
    noisy ||= lettered && toks[j]!.conf < 0.92;
    // a tag glued to its line number ("ADDR2", "SA1"; the key may read the 1 as an l) matches as the tag
    const gluedTag = /^([A-Za-z]{2,})\d[.:]*$/.exec(toks[j]!.text);
    const glued = gluedTag ? acc + labelKey(gluedTag[1]!) : null;
    acc += toks[j]!.key;
    if (!acc) continue;
    if (acc.length > 48) break;
    // a tag glued to its line number ("ADDR2", "SA1") matches as the tag
    const found = (exact.get(acc) ?? (glued ? exact.get(glued) : undefined) ?? stutterMatch(exact, toks, i, j))?.filter(
      (p) => kindAllows(p.def, kind),
    );
    if (found?.length) {
      const ph = found.sort((a, b) => b.def.weight - a.def.weight)[0]!;
      if (!best || acc.length >= best.len) best = { ph, end: j + 1, exactMatch: true, len: acc.length };
    } else if (noisy && acc.length >= 6 && !/\d/.test(toks[j]!.key)) {
      // fuzzy only where nothing matched exactly, and never across a number (the value)
      const max = acc.length >= 12 ? 2 : 1;
      const accShape = letterShapes(acc);
      for (const ph of all) {
        // one of the first two letters must agree: keeps the search small
        if (ph.key[0] !== acc[0] && ph.key[1] !== acc[1]) continue;
        if (ph.key.length < 6 || Math.abs(ph.key.length - acc.length) > max + 1 || !kindAllows(ph.def, kind)) continue;
        // a longer near-match beats a shorter exact one ("Acc0unt Numher", "Account Na." over "Account")
        if (best && acc.length < best.len + (best.exactMatch ? 2 : 1)) continue;
        // letters OCR reads as one another's pairs count once ("Secunty" for "Security", "Nurnber")
        if (editDistance(letterShapes(ph.key), accShape, max) <= max)
          best = { ph, end: j + 1, exactMatch: false, len: acc.length };
      }
    }
    // a label found ends at its colon: no near-match reads on into the value's first pieces ("Authorized
    // User: Br idget", a scan's split name, is no "Authorized Users" with a value "idget")
    if (best && /:$/.test(toks[j]!.text)) break;
  }
  return best;
}

/**
 * A key written in lower case as exports and system printouts write them ("auth user:", "cbr:"): one to
 * three lower-case words, the last closed by a colon, where a label would stand. A sentence's words run on
 * past three, and its colon introduces a clause, not a value beside a key.
 */
function lowerCaseKey(toks: Tok[], i: number): boolean {
  for (let k = i; k < toks.length && k < i + 3; k++) {
    const t = toks[k]!.text;
    if (!/^[a-z][a-z_/-]*:?$/.test(t)) return false;
    if (t.endsWith(':')) return k + 1 < toks.length;
  }
  return false;
}

/** An unlisted wording of a known concept at toks[i], where a label would stand. */
function conceptHitAt(segs: Seg[], seg: Seg, i: number, afterLabel: boolean, kind: DocumentKind): Hit | null {
  const toks = seg.toks;
  const nextSeg = segs[seg.id + 1];
  const c = conceptLabel(
    toks,
    i,
    kind,
    afterLabel,
    segs[seg.id - 1]?.line !== seg.line || (i === 0 && stripOfTagPairs(segs[seg.id - 1]!, seg)),
    nextSeg?.line === seg.line ? segText(nextSeg.toks) : undefined,
    undefined,
    i === 0 && !listedInBrackets(segs, seg, kind),
  );
  const found = c ?? partCaptionAt(toks, i, afterLabel, kind);
  if (!found) return null;
  const colon = /[:#]$/.test(toks[found.end - 1]!.text);
  return cellHit(seg, i, found.end, found.concept, colon ? 0.95 : 0.88, colon);
}

/**
 * A cell printed whole in parentheses whose words after the first are a listed wording the table reads
 * there ("(Current Account No.)"): that wording is the caption, as sure as a listed one is.
 */
function listedInBrackets(segs: Seg[], seg: Seg, kind: DocumentKind): boolean {
  const toks = seg.toks;
  if (toks.length < 2 || !/^\(/.test(toks[0]!.text)) return false;
  const inside = longestPhraseAt(toks, 1, kind);
  return !!inside && inside.end === toks.length && accept(inside.ph, seg, 1, inside.end, false, kind);
}

/**
 * A record line of tag and value pairs set apart by gaps ("ACCT 843-770-4431-177 | MTN 843-770-4431 | PSWD
 * 349875"): a cell that opens on a short tag in capitals with its digits after it, right after a cell of the
 * same shape, opens a record's pair as the line's first cell does — its tag is read as a tag there too.
 */
function stripOfTagPairs(prev: Seg, seg: Seg): boolean {
  // (the cell before may hold a tag of two or three words: "MAIN TN 915.555.0104 | PSWD 6005")
  const pair = (sg: Seg, words: number) => {
    const k = sg.toks.findIndex((t) => /\d/.test(t.text));
    return k >= 1 && k <= words && sg.toks.slice(0, k).every((t) => /^[A-Z][A-Z0-9#]{1,7}$/.test(t.text));
  };
  return prev.line === seg.line && pair(prev, 3) && pair(seg, 1);
}

/**
 * Words after an address part's noun that say how the part is written, not whose or what it is: a
 * number sign ("Suite No.", "Apt #"), a name ("City Name"), a line ("Street Line", "Addr Line 2"), an
 * abbreviation or code ("State Abbr.", "State Code").
 */
const PART_FORM_STEMS: ReadonlySet<string> = new Set([
  'number',
  'name',
  'line',
  'code',
  'abbr',
  'abbrev',
  'abbreviation',
]);
/** Nouns an address line's caption is made of ("Address Line 1", "Street Line"). */
const LINE_NOUNS: ReadonlySet<string> = new Set(['address', 'street']);
/** Unit designators a caption names the unit by (USPS): "Suite", "Bldg", "Rm" — not "#", "Lot", "Key". */
const CAPTION_UNIT_WORDS: ReadonlySet<string> = new Set(
  [...UNIT_DESIGNATORS.entries()]
    .filter(([, d]) => ['APARTMENT', 'BUILDING', 'DEPARTMENT', 'FLOOR', 'ROOM', 'SUITE', 'UNIT'].includes(d.name))
    .map(([k]) => k.toLowerCase()),
);

/**
 * An address part's caption in a wording no list holds, by its grammar: the part's noun with words
 * that only say how it is written (PART_FORM_STEMS: "Suite No.", "State Abbr.", "Street Line"),
 * unit designators alone between slashes ("Bldg/Suite"), or an address line and its number ("Addr Line
 * 2"): line 1 (or none) is the street, a later line the unit. Only where a label starts, the caption
 * running to its colon, to the cell's end, or to the value after the line's number — so a value's
 * words ("Suite 200", "State St") never read as one.
 */
function partCaptionAt(
  toks: Tok[],
  i: number,
  afterLabel: boolean,
  kind: DocumentKind,
): { concept: LabelConcept; end: number } | null {
  if (!afterLabel && !labelStart(toks, i)) return null;
  const nouns: string[] = [];
  const forms: string[] = [];
  const units: string[] = [];
  let lineNo = 0;
  let end = i;
  let colon = false;
  for (let k = i; k < toks.length && k < i + 6 && !colon; k++) {
    const t = toks[k]!.text;
    if (/^[/&|]$/.test(t)) continue;
    const digit = /^([1-3])[.:]*$/.exec(t);
    if (digit && forms.includes('line') && !lineNo) {
      lineNo = Number(digit[1]);
      end = k + 1;
      break;
    }
    const words = t
      .replace(/[:.]+$/, '')
      .toLowerCase()
      .split(/[^a-z#]+/)
      .filter(Boolean);
    if (!words.length) break;
    const kinds = words.map((w) => {
      const stem = labelStems(w)[0] ?? w;
      if (PART_FORM_STEMS.has(stem) || PART_FORM_STEMS.has(w)) return 'form';
      if (CAPTION_UNIT_WORDS.has(w)) return 'unit';
      return conceptOf([stem], kind)?.field.startsWith('addr_') || LINE_NOUNS.has(stem) ? 'noun' : null;
    });
    if (kinds.includes(null)) break;
    words.forEach((w, j) => {
      const stem = labelStems(w)[0] ?? w;
      (kinds[j] === 'form' ? forms : kinds[j] === 'unit' ? units : nouns).push(stem);
    });
    end = k + 1;
    colon = /:$/.test(t);
  }
  // (a caption without a colon may run straight into its value's digits, "Street / Number 31 Commerce Ave":
  // the caption ends where the house number or ZIP starts — not a designator before its number, "UNIT
  // 1683", which is the unit itself)
  const valueStarts = end > i && !units.length && /^\d/.test(toks[end]?.text ?? '');
  if (end === i || !(colon || lineNo || end === toks.length || valueStarts)) return null;
  const concept = (field: LabelField, word: string) =>
    LABEL_CONCEPTS.find((c) => c.field === field && c.stems.length === 1 && c.stems[0] === word) ?? null;
  // an address line: its number says which part (a phone's "Line 2" names no noun and is no address line)
  if (forms.includes('line') && nouns.length && nouns.every((n) => LINE_NOUNS.has(n)) && !units.length) {
    const c = lineNo >= 2 ? concept('addr_unit', 'unit') : concept('addr_street', 'street');
    return c ? { concept: c, end } : null;
  }
  if (lineNo) return null;
  // unit designators alone ("Bldg/Suite") or with a number sign ("Suite No.", "Rm #")
  if (units.length && !nouns.length && (units.length >= 2 || forms.length) && forms.every((f) => f === 'number')) {
    const c = concept('addr_unit', 'unit');
    return c ? { concept: c, end } : null;
  }
  if (!nouns.length || !forms.length || units.length || forms.includes('line')) return null;
  const c = conceptOf(nouns, kind, headOf(nouns), true);
  return c?.field.startsWith('addr_') && nouns.every((n) => c.stems.includes(n)) ? { concept: c, end } : null;
}

/**
 * A label found by its concept (no listed wording), words [start, end) of its cell: as sure as the
 * concept's weight times `sureness`. `atStart` false for a caption that is not first in its cell (a
 * bracketed note after the number it names): the readings for captions that open a cell pass it over.
 */
export function cellHit(
  seg: Seg,
  start: number,
  end: number,
  concept: { field: LabelField; weight?: number },
  sureness: number,
  colon = false,
  atStart = true,
): Hit {
  const weight = concept.weight ?? 1;
  return {
    def: { field: concept.field, phrases: [], weight },
    field: concept.field,
    seg,
    start,
    end,
    colon,
    prose: false,
    atStart,
    strength: weight * sureness,
    x0: seg.toks[start]!.x0,
    x1: seg.toks[end - 1]!.x1,
    line: seg.line,
    page: seg.page,
  };
}

/** Where a matched label really ends: its qualifier, line number, or the rest of its cell belong to it. */
function labelEnd(toks: Tok[], i: number, matchEnd: number, afterLabel: boolean): number {
  // (a number sign standing between the label's words and its hint is the label's: "PIN # (as it appears on your bill)")
  const signed = NUMBER_SIGN.test(toks[matchEnd]?.text ?? '') && /^\(/.test(toks[matchEnd + 1]?.text ?? '');
  let end = countHintEnd(toks, signed ? matchEnd + 1 : matchEnd);
  // a qualifier in parentheses belongs to the label: "Authorized Person (print)", "PIN (if required)"
  if (/^\(/.test(toks[end]?.text ?? '')) {
    for (let k = end; k < toks.length && k < end + 6; k++) {
      if (/\d/.test(toks[k]!.text)) break;
      if (/\)[:]?$/.test(toks[k]!.text)) {
        end = k + 1;
        break;
      }
    }
  }
  // an address line's number belongs to its label: "SVC ADDR 1.:", "Address 2:"
  if (/^(\d|[A-Z])[.)]?:$/.test(toks[end]?.text ?? '')) end += 1;
  // a number sign after the label's words is the label's ("Security PIN #", "Customer PIN No.", "Acct. Nr."): never
  // a label of its own (a bare "#" captions an account number) nor the value's first word
  if (!/[:#]$/.test(toks[end - 1]!.text) && NUMBER_SIGN.test(toks[end]?.text ?? '')) end += 1;
  // an alternative wording after a slash names the same thing ("Svc Address / Location", "PIN / Passcode")
  end = slashAlternativeEnd(toks, i, end);
  // a label cell runs to its end: "Person authorizing this port" is one label, not "Person
  // Authorizing" with the value "this port" (a value is not a few lower-case words)
  const cellAtStart = afterLabel || labelStart(toks, i);
  // (a number sign closes the caption unless a joining word carries it on: "Account # with your present carrier")
  const closed =
    /:$/.test(toks[end - 1]!.text) || (/#$/.test(toks[end - 1]!.text) && !complementOfOwnField(toks, i, end));
  if (
    cellAtStart &&
    !closed &&
    end < toks.length &&
    // (a complement its joining word opens may run a little longer: "Account # at the company that bills you")
    toks.length - end <= (HEAD_ENDS.has(toks[end]!.text) ? 6 : 4) &&
    toks
      .slice(end)
      .every(
        (t, k, rest) =>
          /^[a-z][a-z'’-]*$/.test(t.text.replace(/:$/, '')) && (!/:$/.test(t.text) || k === rest.length - 1),
      )
  ) {
    end = toks.length;
  } else if (cellAtStart && end < toks.length && !closed) {
    // a label that runs on in hint words ("Business name as it appears on the bill", "Customer
    // name on file:"): the words after it up to the cell's end (or its colon) are label vocabulary
    const tail = labelTail(toks, end);
    if (tail > end) end = tail;
    else end = hintRunBeforeValue(toks, i, end);
  }
  return end;
}

/** A number sign written after a label's words ("#", "No.", "Nbr", "Num.", "Nr."; shared/domain NUMBER_SIGN_FORMS). */
const NUMBER_SIGN = new RegExp(
  `^(?:${NUMBER_SIGN_FORMS.map(({ form, dot }) => form + (dot === 'required' ? '\\.' : dot === 'optional' ? '\\.?' : '')).join('|')}):?$`,
  'i',
);

/**
 * A '#' closing toks[end - 1] that a joining word carries on ("Account # at current provider", "Account #
 * with your present carrier"): the caption goes on to its complement, its head is the number.
 */
function numberSignCarriedOn(toks: Tok[], end: number): boolean {
  return /#$/.test(toks[end - 1]?.text ?? '') && HEAD_ENDS.has((toks[end]?.text ?? '').toLowerCase());
}

/**
 * A caption closed by '#' that a joining word carries on to a complement naming no other party: read as
 * qualifiers before the caption, the complement keeps the caption's field ("Account # with your present
 * carrier" is the account number), where another party's ("Account # with new provider": the new
 * provider's account) leaves the caption at its '#'.
 */
function complementOfOwnField(toks: Tok[], i: number, end: number): boolean {
  if (!numberSignCarriedOn(toks, end)) return false;
  const caption = segText(toks.slice(i, end));
  const complement = segText(toks.slice(end + 1)).replace(/:$/, '');
  const own = conceptOf(labelStems(caption), 'other');
  return !!own && conceptOf(labelStems(`${complement} ${caption}`), 'other')?.field === own.field;
}

/** Words that make a number in parentheses a hint about the value's length or form ("(10 digits)"). */
const COUNT_HINT = /\b(?:digits?|characters?|chars?|letters?|numeric|alphanumeric|max|min)\b/i;

/**
 * Where a hint in parentheses that counts the value's characters ends ("Account # (10 digit)", "PIN
 * (4-6 digits)"): its number is the hint's, not the value's first digits. `from` when none starts there.
 */
function countHintEnd(toks: Tok[], from: number): number {
  if (!/^\(/.test(toks[from]?.text ?? '')) return from;
  // a count wrapped onto the caption's next line ("Account Number (10" over "digits):"), never closed
  // on this one: a value opening a parenthesis closes it ("(843) 484-0064")
  if (/^\(\d+(?:-\d+)?$/.test(toks[from]!.text) && !toks.slice(from).some((t) => t.text.includes(')'))) return from + 1;
  for (let k = from; k < toks.length && k < from + 6; k++) {
    if (!/\)[:.]?$/.test(toks[k]!.text)) continue;
    return COUNT_HINT.test(segText(toks.slice(from, k + 1))) ? k + 1 : from;
  }
  return from;
}

/**
 * Where a label ends when a slash and another wording of the same field follow it ("Svc Address /
 * Location 12 Main St"): after that wording, so the value starts at its own first word. A word after
 * the slash that names another field, or none, is the value's ("Unit / Suite" stays for the parts).
 */
function slashAlternativeEnd(toks: Tok[], i: number, end: number): number {
  const slashed = /\/$/.test(toks[end - 1]!.text) ? end : toks[end]?.text === '/' ? end + 1 : -1;
  if (slashed < 0 || slashed >= toks.length) return end;
  const own = conceptOf(labelStems(segText(toks.slice(i, end)).replace(/\/$/, '')), 'other');
  const alt = labelStems(toks[slashed]!.text);
  if (!own || own.field.startsWith('addr_') || !alt.length || !alt.every(isLabelWord)) return end;
  const other = conceptOf(alt, 'other');
  return other?.field === own.field ? slashed + 1 : end;
}

/**
 * A long label pushed into its value's cell ("Customer name on file High Desert Bakery", "NAME (AS
 * SHOWN ON Coastal"): hint words run on after the listed wording and the value starts where the case
 * changes — lower-case hint words before a capitalised value, or a label in capitals before a value in
 * mixed case. The hint words are the label's, so the value (and the column its next lines align
 * with) starts after them.
 */
function hintRunBeforeValue(toks: Tok[], i: number, from: number): number {
  const lower = (t: string) => /^\(?[a-z][a-z'’-]*\)?$/.test(t);
  const caps = (t: string) => /^\(?[A-Z][A-Z'’-]*\)?$/.test(t);
  const label = toks.slice(i, from).map((t) => t.text);
  const capsLabel = label.every((t) => !/[a-z]/.test(t));
  let k = from;
  while (k < toks.length && k < from + 5 && (lower(toks[k]!.text) || (capsLabel && caps(toks[k]!.text)))) k++;
  if (k === from || k >= toks.length) return from;
  const run = toks.slice(from, k).map((t) => t.text);
  const value = toks[k]!.text;
  const runLower = run.every(lower);
  // the case changes where the value starts
  const shift = runLower ? /^[A-Z0-9]/.test(value) : capsLabel && /[a-z]/.test(value) && /^[A-Z0-9]/.test(value);
  if (!shift) return from;
  // a hint opened in parentheses goes on over label words ("Service Address (no" | "P.O. Box)")
  const valueStems = labelStems(value);
  if (
    run.some((t) => /\(/.test(t)) &&
    (/^([A-Za-z]\.){2,}$/.test(value) || (valueStems.length > 0 && valueStems.every(isLabelWord)))
  )
    return from;
  // capitals are a label's only while they are label words ("NAME ON" | "Old Town", not "NAME ACME" | "Plumbing")
  const stems = tailStems(run.join(' '));
  if (!runLower && !stems.every(isLabelWord)) return from;
  // hint words, not the next label ("… name | account number 1234" never gets here: digits)
  const have = new Set(stems);
  if (stems.length && LABEL_CONCEPTS.some((c) => c.stems.every((x) => have.has(x)))) return from;
  return k;
}

/** The hit for a listed phrase matched at toks[i], weighed by where it stands. */
function phraseHit(match: PhraseMatch, seg: Seg, i: number, afterLabel: boolean): Hit {
  const toks = seg.toks;
  const end = labelEnd(toks, i, match.end, afterLabel);
  const last = toks[end - 1]!;
  const next = toks[end];
  const colon = /[:#]\s*$/.test(last.text) || /^[:]/.test(next?.text ?? '');
  const atStart = afterLabel || labelStart(toks, i);
  // a label inside a sentence ("…contacting my current carrier and…") is weak evidence
  const prose = !atStart && !colon;
  const strength =
    match.ph.def.weight *
    (match.exactMatch ? 1 : 0.85) *
    (prose ? 0.6 : atStart ? 1 : 0.85) *
    (colon || end === toks.length ? 1 : 0.9);
  return {
    def: match.ph.def,
    field: match.ph.def.field,
    seg,
    start: i,
    end,
    colon,
    prose,
    atStart,
    strength,
    x0: toks[i]!.x0,
    x1: last.x1,
    line: seg.line,
    page: seg.page,
  };
}

/** Labels in one segment: the longest phrase at each position, left to right. */
function segHits(segs: Seg[], seg: Seg, kind: DocumentKind): Hit[] {
  const hits: Hit[] = [];
  const toks = seg.toks;
  let i = 0;
  let lastEnd = -1;
  while (i < toks.length) {
    if (inStreetAfterLabel(hits, toks, i)) {
      i++;
      continue;
    }
    const best = longestPhraseAt(toks, i, kind);
    const afterLabel = lastEnd === i;
    // right after "Label:" a bare code is the value ("State: TN", "Type: DID"), not another label
    const valueSlot =
      afterLabel &&
      /[:#]$/.test(toks[i - 1]?.text ?? '') &&
      best?.ph.single &&
      (best.ph.def.strict || best.ph.key.length <= 3);
    const accepted = !!best && !valueSlot && accept(best.ph, seg, i, best.end, afterLabel, kind);
    // no listed wording here: an unlisted wording of a known concept, where a label would stand
    if (!accepted && (!afterLabel || !/[:#]$/.test(toks[i - 1]?.text ?? ''))) {
      const conceptHit = conceptHitAt(segs, seg, i, afterLabel, kind);
      if (conceptHit) {
        pushHit(hits, conceptHit);
        i = conceptHit.end;
        lastEnd = i;
        continue;
      }
    }
    // a listed part word opening a longer caption of the part's grammar ("Street Line 2", "State Abbr.")
    const part =
      best && accepted && best.ph.def.field.startsWith('addr_') ? partCaptionAt(toks, i, afterLabel, kind) : null;
    if (part && part.end > best!.end) {
      const colon = /[:#]$/.test(toks[part.end - 1]!.text);
      pushHit(hits, cellHit(seg, i, part.end, part.concept, colon ? 0.95 : 0.88, colon));
      i = part.end;
      lastEnd = i;
    } else if (best && accepted) {
      const hit = phraseHit(best, seg, i, afterLabel);
      wholeLabel(hit, best, kind);
      pushHit(hits, hit);
      i = hit.end;
      lastEnd = i;
    } else {
      const pin = kind === 'csr' && !best ? pairedPinTag(hits, toks, i, kind) : null;
      if (pin) {
        pushHit(hits, cellHit(seg, i, i + 1, pin, 0.88, false));
        lastEnd = i + 1;
      }
      i++;
    }
  }
  return hits;
}

/**
 * A record line of tag and value pairs printed without wide gaps ("BILL ACCT 6503 23 609 7298519 MAIN TN
 * 843.555.0116 PC 7510"): after a tag's value, a two-letter tag with a PIN's value closing the cell is a
 * PIN's initials (pinInitialsTag: "PC" pass code), as it is when it opens a cell of its own.
 */
function pairedPinTag(hits: Hit[], toks: Tok[], i: number, kind: DocumentKind): LabelConcept | null {
  const prev = hits[hits.length - 1];
  if (!prev || prev.end >= i || i + 2 !== toks.length || !/^[A-Z]{2}$/.test(toks[i]!.text)) return null;
  // the previous tag's value stands between: digits, as a record's values are
  if (!toks.slice(prev.end, i).some((t) => /\d/.test(t.text))) return null;
  return pinInitialsTag(toks[i]!.text.toLowerCase(), kind, toks[i + 1]!.text);
}

/**
 * Whether toks[i] stands in a street line an address label's value opened in this cell ("SA ADDR 5977
 * MAIN TER"): after its house number, no comma or colon yet, a word is the street's ("MAIN", "STATE",
 * "CENTER"), never a label of its own — OCR's loose reading would take "MAIN TER" for "MAIN TN".
 */
function inStreetAfterLabel(hits: Hit[], toks: Tok[], i: number): boolean {
  const prev = hits[hits.length - 1];
  if (!prev || (!ADDRESS_LABEL_FIELDS.has(prev.field) && prev.field !== 'addr_street') || prev.end >= i) return false;
  const house = (t: Tok | undefined) => !!t && /^[OIlSBZ|]?\d{1,6}[A-Z]?$/.test(t.text);
  // (the label's own tag word may be left before the number: "SA" read as the label, "ADDR S977 …" after it)
  const from = !house(toks[prev.end]) && /^[A-Z]{2,5}\d?$/.test(toks[prev.end]!.text) ? prev.end + 1 : prev.end;
  const between = toks.slice(from, i + 1);
  return (
    between.length >= 2 &&
    between.length <= 5 &&
    house(between[0]) &&
    /[A-Za-z]/.test(between[1]!.text) &&
    !between.slice(0, -1).some((t) => /[:,;]$/.test(t.text)) &&
    !/[:#]$/.test(toks[i]!.text)
  );
}

/**
 * An address label `hit` inside the clause qualifying the address label `prev` just before it
 * ("Mailing address, | if not the | service address:", "Billing Address (when other than service
 * location)"): the clause says which address the label is NOT, or when it applies — the value is
 * the head's (see CLAUSE_OPENERS), whichever address the clause names.
 */
function inQualifyingClause(prev: Hit | undefined, hit: Hit): boolean {
  if (!prev || prev.seg !== hit.seg || hit.start < prev.end) return false;
  if (!ADDRESS_LABEL_FIELDS.has(prev.field) || !ADDRESS_LABEL_FIELDS.has(hit.field)) return false;
  // (the previous label may have taken the clause's first words: "Billing address if different | from service address:")
  const words = hit.seg.toks.slice(prev.start + 1, hit.start).map((t) => t.text);
  const at = words.findIndex((w) => CLAUSE_OPENERS.has(w.replace(/^[(,]+/, '').toLowerCase()));
  // the clause follows the head itself: after "or" it is an alternative with a label of its own ("Service
  // address, or if none the billing address:"), after a question a new sentence ("Same as service address? If not, …")
  const followsHead = at >= 0 && prev.start + 1 + at <= prev.end && !words.slice(0, at).some((t) => /[?!;]$/.test(t));
  return (
    followsHead &&
    words.length - at <= 5 &&
    !words.some((t) => /\d|:$/.test(t)) &&
    clauseLeadsOn(words.slice(at), hit.seg.toks[hit.start]!.text)
  );
}

/**
 * A clause (opener first) still open at the next label: its parenthesis not yet closed and its last word,
 * or the label's first ("if different | from service address"), one that goes on to name something.
 * "Billing Address (if different) Service Address" (a header row's two labels a space apart) is a whole
 * clause, then the next label.
 */
function clauseLeadsOn(clause: string[], labelFirst: string): boolean {
  if (clause.some((w) => /\)[,.]?$/.test(w))) return false;
  const link = (w: string) => CLAUSE_LINKS.has(w.replace(/^[(,]+|[,.]+$/g, '').toLowerCase());
  return link(clause[clause.length - 1] ?? '') || link(labelFirst);
}

/** A segment's next label, or the rest of the previous label's qualifying clause (its words become that label's). */
function pushHit(hits: Hit[], hit: Hit): void {
  const prev = hits[hits.length - 1];
  if (!inQualifyingClause(prev, hit)) {
    hits.push(hit);
    return;
  }
  prev!.end = hit.end;
  prev!.x1 = hit.x1;
  prev!.colon ||= hit.colon;
}

const ADDRESS_LABEL_FIELDS = new Set<LabelField>(['service_address', 'billing_address', 'remit']);

/**
 * A listed wording that is only part of its label cell ("Acct" of "Acct PIN:", "Telephone Number" of
 * "Telephone Number (Billing)"): the cell up to its colon (or its end) is one label, and names what
 * its words together name (see wholeLabelConcept). Address parts keep their own labels.
 */
function wholeLabel(hit: Hit, match: PhraseMatch, kind: DocumentKind): void {
  const toks = hit.seg.toks;
  let end = hit.end;
  // a '#' ends a label only where no joining word carries it on: "Account # at current provider:" is
  // one label (its head is the number), not "Account #" and a "current provider:" label after it
  if (!hit.colon || numberSignCarriedOn(toks, hit.end)) {
    let k = hit.end;
    while (k < toks.length && k < hit.end + 4 && !/\d/.test(toks[k]!.text) && !/:$/.test(toks[k]!.text)) k++;
    if (k < toks.length && /:$/.test(toks[k]!.text) && !/\d/.test(toks[k]!.text)) end = k + 1;
    else if (k === toks.length && hit.atStart) end = k;
    // label words run on straight into the value's digits ("Service Site Address 815 Cypress Ct."):
    // they are the label's when the whole run names the field (wholeLabelConcept decides). A number
    // with a colon is the caption's own ordinal ("Sub-account location 2:"), not a value's digits.
    else if (k < toks.length && k > hit.end && hit.atStart && !hit.colon && /^\d[^:]*$/.test(toks[k]!.text)) end = k;
  }
  if (end <= match.end) return;
  const listed = { text: segText(toks.slice(hit.start, match.end)), field: hit.field };
  // (a hint left open where the value starts is no label word: "LEGAL NAME (AS IT Red Mesa…")
  const c = wholeLabelConcept(openHintRead(segText(toks.slice(hit.start, end))), listed, kind);
  if (!c || c.field.startsWith('addr_')) return;
  hit.end = end;
  hit.x1 = toks[end - 1]!.x1;
  hit.colon ||= /[:#]$/.test(toks[end - 1]!.text);
  if (c.field === hit.field) return;
  hit.field = c.field;
  hit.def = { field: c.field, phrases: [], weight: c.weight ?? 1 };
  hit.strength = Math.min(hit.strength, (c.weight ?? 1) * (hit.colon ? 0.95 : 0.88));
}

/**
 * The last words of a sentence wrapped from the line above ("… We appreciate your" over "business."): the
 * segment opens in lower case and closes with a full stop, under a line of running text at its left edge
 * that stops on a word with no punctuation. Its words are the sentence's, no label of a value below.
 */
function sentenceTail(lines: Line[], seg: Seg): boolean {
  const first = seg.toks[0]!.text;
  const last = seg.toks[seg.toks.length - 1]!.text;
  if (!/^[a-z]/.test(first) || !/[a-z]{2}\.$/.test(last)) return false;
  const above = lines[seg.line - 1];
  const over = above?.page === seg.page ? above.segs.find((sg) => Math.abs(sg.x0 - seg.x0) <= 4) : undefined;
  return !!over && over.toks.length >= 6 && /^[a-z]+$/.test(over.toks[over.toks.length - 1]!.text);
}

/** A letter's salutation ("Dear Customer:", "Hello Harbor Light Marine,"): whom it greets, no label of a value. */
function salutation(seg: Seg): boolean {
  return (
    /^(?:Dear|Hello|Greetings)$/.test(seg.toks[0]!.text) && seg.toks.length <= 8 && /[,:]$/.test(seg.toks.at(-1)!.text)
  );
}

/** Labels in each segment: the longest phrase at each position, left to right. */
function findHits(segs: Seg[], kind: DocumentKind, lines: Line[]): Hit[] {
  const hits: Hit[] = [];
  const blocks = wrappedLabels(segs, lines, kind);
  for (const b of blocks.heads.values()) hits.push(b);
  for (const seg of segs) {
    if (blocks.heads.has(seg.id) || blocks.consumed.has(seg.id) || sentenceTail(lines, seg) || salutation(seg))
      continue;
    hits.push(...segHits(segs, seg, kind));
  }
  addressPartRow(segs, hits, kind);
  for (const h of hits) subAccountLabel(h);
  if (kind === 'loa' || kind === 'other') keptNumberCaptions(segs, hits);
  return hits.filter((h) => !valueWordAfterModifier(h, hits, segs) && !titleAsPerson(h) && !sentenceGoesOn(lines, h));
}

/**
 * Words opening a line in lower case under a line of running text that stops on a word with no punctuation
 * ("… the port-out PIN is 0740. Service address on" over "the account: 11498 Cypress Pl, …"): the sentence
 * wrapped there, so they are the end of its caption ("Service address on the account"), no label of their own.
 */
function sentenceGoesOn(lines: Line[], h: Hit): boolean {
  // (both lines running text, the upper one stopping on a word that cannot end a caption — "on", "the": a
  // caption wrapped in its cell, "Where the lines are physically" over "installed:", keeps its label)
  if (h.start !== 0 || h.seg.toks.length < 6 || !/^[a-z]/.test(h.seg.toks[0]!.text)) return false;
  const above = lines[h.seg.line - 1];
  const over = above?.page === h.seg.page ? above.segs.find((sg) => Math.abs(sg.x0 - h.seg.x0) <= 4) : undefined;
  return !!over && over.toks.length >= 6 && SENTENCE_GOES_ON.test(over.toks[over.toks.length - 1]!.text);
}
const SENTENCE_GOES_ON = /^(?:on|of|for|with|to|in|at|by|from|the|this|that|your|our|its|their|a|an)$/;

/**
 * A document's title ("Letter of Authorization - Port Questionnaire") is what the document is, never the
 * caption of the person who signs it, whatever its words stem to ("authorization").
 */
function titleAsPerson(h: Hit): boolean {
  return h.field === 'authorized_person' && documentTitle(segText(h.seg.toks.slice(h.start)));
}

/**
 * A cell whose caption names the numbers kept with the carrier (labels.ts keptNumbersCaption: "Numbers NOT
 * moving", "Lines that stay with the current provider:") is the not-to-port caption, whatever other
 * concept its words hold ("current provider" is whom they stay with, not the carrier's caption): the
 * caption runs from the cell's start to its colon or its end.
 */
function keptNumberCaptions(segs: Seg[], hits: Hit[]): void {
  for (const seg of segs) {
    const colonAt = seg.toks.findIndex((t) => /:$/.test(t.text));
    // (without a colon the caption ends where its numbers start: "Do not move 608-445-5512." — the number
    // is its value, never part of a caption that would then look above it for one)
    const digitAt = seg.toks.findIndex((t) => /\d/.test(t.text));
    // (a sentence opening with its numbers says what they are, "559.555.0143 and 559.547.1121 should stay
    // with Verizon.": no caption of the numbers above or below it — its own sentence keeps them, prose.ts;
    // a numbered question opening with its figure, "7. Numbers NOT moving", is no sentence and stays a caption)
    if (colonAt < 0 && digitAt === 0 && /[.!]$/.test(seg.toks.at(-1)!.text)) continue;
    const end = colonAt >= 0 ? colonAt + 1 : digitAt > 0 ? digitAt : seg.toks.length;
    if (colonAt < 0 && end > 9) continue;
    if (!keptNumbersCaption(segText(seg.toks.slice(0, end)))) continue;
    const own = hits.filter((h) => h.seg === seg && h.start < end);
    if (own.some((h) => h.field === 'not_to_port' && h.start === 0)) continue;
    for (const h of own) hits.splice(hits.indexOf(h), 1);
    // (in reading order, where the cell's own hits stood)
    const at = hits.findIndex((h) => h.seg.id > seg.id);
    const hit = cellHit(seg, 0, end, { field: 'not_to_port' }, colonAt >= 0 ? 0.95 : 0.88, colonAt >= 0);
    hits.splice(at < 0 ? hits.length : at, 0, hit);
  }
}

/**
 * An account label qualified as a sub-account ("SUB ACCT", "Sub acct no."), however it was found (a
 * bare "Acct" phrase, a header cell), names the sub-account: an account under the main one, never the
 * main account by itself (readAccountNumber decides where it stands for the customer's own).
 */
function subAccountLabel(h: Hit): void {
  if (h.field !== 'account_number') return;
  const stems = labelStems(segText(h.seg.toks.slice(h.start, h.end)));
  if (!stems.includes('sub') || !stems.includes('account')) return;
  h.field = 'sub_account';
  h.def = { field: 'sub_account', phrases: [], weight: h.def.weight };
}

const ADDRESS_PART_FIELDS = new Set<LabelField>(['addr_city', 'addr_state', 'addr_zip']);

/**
 * Address parts in one row without colons ("City Billings   State MT   ZIP code 59115"): a bare
 * "City" or "State" before a word is no label on its own (it may be a value's word), but on a line
 * where another part's label is already found, every cell opening with a part's caption is that
 * part's label and the words after it its value.
 */
function addressPartRow(segs: Seg[], hits: Hit[], kind: DocumentKind): void {
  const partLines = new Set(hits.filter((h) => ADDRESS_PART_FIELDS.has(h.field)).map((h) => h.seg.line));
  for (const seg of segs) {
    if (!partLines.has(seg.line) || seg.toks.length < 2 || hits.some((h) => h.seg === seg)) continue;
    const best = longestPhraseAt(seg.toks, 0, kind);
    if (!best || !ADDRESS_PART_FIELDS.has(best.ph.def.field) || best.end >= seg.toks.length) continue;
    // the value starts with a capital or a digit ("State MT", "City Mount Pleasant")
    // (the caption is part words only, "Town / City", "ZIP code": "BILLINGS" after "City" is the
    // value, whatever its stems)
    let end = best.end;
    while (end < seg.toks.length - 1) {
      if (/^[/|&]$/.test(seg.toks[end]!.text)) end++;
      else {
        const more = longestPhraseAt(seg.toks, end, kind);
        if (!more || !ADDRESS_PART_FIELDS.has(more.ph.def.field) || more.end >= seg.toks.length) break;
        end = more.end;
      }
    }
    if (!/^[A-Z0-9]/.test(seg.toks[end]?.text ?? '')) continue;
    // (a state's caption alone is followed by a state: "St. Louis" beside "City:" is the city, its "St." no caption)
    if (best.ph.def.field === 'addr_state' && end === best.end && !startsWithState(seg.toks.slice(end))) continue;
    const hit = phraseHit(best, seg, 0, false);
    hits.push({ ...hit, end, x1: seg.toks[end - 1]!.x1 });
  }
}

/** The words open with a state's name, code or abbreviation ("MT", "Montana", "New Mexico", "Mont."). */
function startsWithState(toks: Tok[]): boolean {
  for (let n = 1; n <= Math.min(3, toks.length); n++)
    if (normalizeState(segText(toks.slice(0, n)).replace(/[,;]$/, ''))) return true;
  return false;
}

/**
 * A one-word label after a modifier ("Old", "New", "Current") in the cell beside a label cell is a
 * word of that label's value: "Customer" | "Old Town Chiropractic" is a name, not a "Town" label.
 */
function valueWordAfterModifier(h: Hit, hits: Hit[], segs: Seg[]): boolean {
  if (h.start === 0 || h.colon || h.end - h.start !== 1 || h.wrapSegs) return false;
  if (h.seg.toks.slice(0, h.start).some((t) => /[:|;/]$/.test(t.text))) return false;
  const prev = segs[h.seg.id - 1];
  if (!prev || prev.line !== h.seg.line) return false;
  return hits.some((o) => o.seg === prev && o.end === prev.toks.length && !o.prose);
}

/** Where a label's hint words end: the cell's end or its colon, when every word up to it is label vocabulary. */
function labelTail(toks: Tok[], from: number): number {
  for (let k = from; k < toks.length && k < from + 9; k++) {
    const t = toks[k]!.text;
    if (/\d/.test(t) && !/^\(/.test(t)) return from;
    const colon = /:$/.test(t);
    if (colon || k === toks.length - 1) {
      const stems = tailStems(
        toks
          .slice(from, k + 1)
          .map((x) => x.text)
          .join(' '),
      );
      // hint words only: a tail that names a concept of its own is the next label ("Current Provider | Account No.")
      const have = new Set(stems);
      const namesConcept = LABEL_CONCEPTS.some((c) => c.stems.every((x) => have.has(x)));
      return stems.every(isLabelWord) && !namesConcept ? k + 1 : from;
    }
  }
  return from;
}

/**
 * The stems of a run of words after a label. A parenthesis it opens and does not close is no hint
 * to drop: the words after it ("(AS IT Red Mesa Pediatric") are read, so a value is not hidden in it.
 */
function tailStems(text: string): string[] {
  return labelStems(openHintRead(text));
}

/**
 * Label text whose parenthesis, opened and not closed, runs into a value ("(AS IT Red Mesa
 * Pediatric"): the parentheses go, so its words are read rather than dropped as a hint's.
 */
function openHintRead(text: string): string {
  const open = (text.match(/\(/g) ?? []).length > (text.match(/\)/g) ?? []).length;
  // (words of a hint, "(no P.O.", stay hidden; a capitalised word after it starts a value)
  const hint = text.slice(text.lastIndexOf('('));
  const valueInside = hint.split(/\s+/).some((w) => /^[A-Z][a-z]/.test(w));
  return open && valueInside ? text.replace(/[()]/g, ' ') : text;
}

/**
 * Digits end a label, except an address line's number ("SVC ADDR 1.:"), a tag glued to its line number
 * ("ADDR2") and a concept word written with digits ("E911 Location"); a bare number ending the cell is an
 * item's number ("Ln 1", "Line 2" before the line's telephone number), not a label's.
 */
function digitsEndLabel(t: string, notFirst: boolean, lastInCell: boolean): boolean {
  if (!/\d/.test(t) || isLabelWord(t.toLowerCase().replace(/[^a-z0-9]/g, ''))) return false;
  const itemNumber = lastInCell && /^\d$/.test(t);
  return (!(notFirst && /^\d\.?:?$/.test(t)) || itemNumber) && !/^[A-Za-z]{2,}\d[.:]*$/.test(t);
}

/**
 * Where an unlisted label's words stop from toks[i]: at a colon (`end` after it), at digits that are
 * the value's (`digits`), or at a dash set apart by spaces on a key/value line of its own (`ownLine`):
 * "Decision Maker - Tomas Ekberg", "Svc Address -- 12 Main St" — in a table row's cell the dash is the
 * item's ("Business Line - Flat | B1FLT | 1 | $41.50"). A hint counting the value's characters ("(10
 * digit)") is read over. `end` -1: none of these.
 */
function scanLabelRun(toks: Tok[], i: number, ownLine: boolean): { end: number; digits: boolean } {
  for (let k = i; k < toks.length && k < i + 9; k++) {
    const hintEnd = countHintEnd(toks, k);
    if (hintEnd > k) {
      k = hintEnd - 1;
      if (/:$/.test(toks[k]!.text)) return { end: k + 1, digits: false };
      continue;
    }
    const t = toks[k]!.text;
    if (digitsEndLabel(t, k > i, k === toks.length - 1)) return { end: -1, digits: true };
    if (/:$/.test(t)) return { end: k + 1, digits: false };
    if (k > i && /^(?:-{1,2}|–|—)$/.test(t) && k + 1 < toks.length && ownLine) return { end: k + 1, digits: false };
    // (that dash glued by a scan to the caption's last word: "Authorizing Official- Dmitri Ivanova")
    if (k > i && /^[A-Za-z]{2,}(?:-{1,2}|–|—)$/.test(t) && /^[A-Z]/.test(toks[k + 1]?.text ?? '') && ownLine)
      return { end: k + 1, digits: false };
  }
  return { end: -1, digits: false };
}

/**
 * A word of consonants only ("Srvc", "Prms", "Lctn") is no English word but a word's skeleton, however it
 * is cased: read out like a record tag's abbreviation, so "Srvc Addr" is the service address's caption.
 */
function consonantsOnly(stem: string): boolean {
  return /^[b-df-hj-np-tv-xz]{3,}$/.test(stem);
}

/**
 * A label in a wording the table does not list, found by shape and concept: the words from `i` up
 * to a colon (or the whole cell) are label vocabulary — concept stems, fillers, hints in
 * parentheses — and name one concept ("Acct. Nbr.:", "Name of the business as billed",
 * "Svc. Location Addr."). Without a colon every word must be vocabulary, and a one-word concept
 * only counts as an upper-case record tag ("CUS", "CTY"), so a value like "Acme Business" is never
 * a label.
 *
 * Where a "key  value" pair's wider space closes the caption (`pairGap`), it is as sure an end as a colon — for
 * one word, only where it opens its line as a key does: a word in a table row's cell after its number, a wider
 * space after it, is the row's description ("9799283198  BUSINESS   LINE FLAT RATE"). A caption so ended is
 * the account name's only: the pairs that showed it ("Subscriber   Harbor Light Marine Supply LLC",
 * "Registered name Harbor …") caption the name; other fields keep their own ends. A pair's end that names no
 * account name leaves the caption as read without it: a scan's wider space inside "Summary      by  Service
 * Location" is no pair.
 */
function conceptLabel(
  toks: Tok[],
  i: number,
  kind: DocumentKind,
  afterLabel: boolean,
  lineStart: boolean,
  /** the next cell on the line (a tag's value), for telling what an abbreviated tag names */
  nextCell?: string,
  gapEnd?: number, // where a pair's wider space ends the caption (0: read it without; unset: find it)
  readBrackets = false, // read a cell printed whole in parentheses for its words (captionText)
): { concept: LabelConcept; end: number } | null {
  if (!afterLabel && !labelStart(toks, i)) return null;
  if (!/^[A-Z(]/.test(toks[i]!.text) && !lowerCaseKey(toks, i)) return null;
  const run = scanLabelRun(toks, i, lineStart && nextCell === undefined);
  const digits = run.digits;
  let end = run.end;
  const colon = end > 0;
  // (a "key  value" pair's wider space: see the doc comment)
  let pairGap = 0;
  const found = (concept: LabelConcept) => (pairGap && concept.field !== 'account_name' ? null : { concept, end });
  // (a record line's tag stands before its value, digits and all: "SADR2 UNIT 19"; a label in
  // capitals before a value in mixed case is a form's, hint and all: "NAME (AS SHOWN ON Old Town…")
  if (!colon && i === 0 && lineStart && kind === 'csr' && !(!digits && labelValueShift(toks, i))) {
    const tag = recordTag(toks, kind);
    if (tag) return tag;
  }
  if (digits) return unlistedBeforeDigits(toks, i, kind);
  if (!colon) {
    if (!opensCell(toks, i) && !afterLabel) return null;
    const shift = labelValueShift(toks, i) || (i === 0 && loneCapsCaption(toks) ? 1 : 0);
    pairGap = shift ? 0 : (gapEnd ?? (pairGapEnd(toks, i) || nameCaptionEnd(toks, i, kind)));
    if (pairGap && gapEnd === undefined)
      return (
        conceptLabel(toks, i, kind, afterLabel, lineStart, nextCell, pairGap, readBrackets) ??
        conceptLabel(toks, i, kind, afterLabel, lineStart, nextCell, 0, readBrackets)
      );
    if (shift || pairGap) end = shift || pairGap;
    else if (wordsOutsideHints(toks.slice(i)) > 8 || /[!?]$/.test(toks[toks.length - 1]!.text)) return null;
    else end = toks.length;
  }
  const text = captionText(toks, i, end, readBrackets);
  const upper = text === text.toUpperCase();
  // (a record's tag in its own cell, "LGL NM" | "HARBOR…", "NAM" | "…": its short abbreviations read too)
  const recordCell = upper && kind === 'csr' && i === 0 && lineStart;
  const stems = (recordCell ? recordTagStems(text) : labelStems(text))
    .filter((s) => !/^\d$/.test(s))
    .map((s) => ((upper || consonantsOnly(s)) && !isLabelWord(s) ? (expandAbbreviation(s) ?? s) : s));
  if (!stems.length || stems.length > 9) return null;
  // a lone upper-case tag abbreviating a whole phrase ("CNAM:", "ACN")
  if (end - i === 1 && upper && stems.length === 1 && !isLabelWord(stems[0]!)) {
    const value = end < toks.length ? segText(toks.slice(end)) : nextCell;
    const c = phraseTagConcept(toks[i]!.text.replace(/[:#.]+$/, ''), kind, value);
    if (c) return found(c);
  }
  // a lone record tag abbreviating a word only one field's labels use ("PREM" → premise)
  if (end - i === 1 && upper && stems.length === 1 && lineStart && kind === 'csr' && !conceptOf(stems, kind)) {
    const c = soleFieldConcept(stems[0]!, kind);
    if (c) return found(c);
  }
  const unknown = stems.filter((s) => !isLabelWord(s)).length;
  if (unknown > (colon ? 1 : 0) && !qualifiedSecret(stems)) return null;
  // a hint in parentheses may name or qualify the label ("Address (Service)")
  const best = linesOfAccount(billHintedName(hintConcept(text, kind) ?? conceptOf(stems, kind), text), text, kind);
  if (!best) return null;
  // one concept word without a colon: only an upper-case tag of a record ("CUS", "CTY")
  // (or a word with a hint in parentheses after it: "Name (as shown on your statement)")
  // (a hint still open where the value starts goes on below it: "NAME (AS SHOWN ON Coastal" / "YOUR STATEMENT)")
  const hinted =
    (end - i >= 2 &&
      /^\(/.test(toks[i + 1]!.text) &&
      (/\)$/.test(toks[end - 1]!.text) || (!colon && end < toks.length && !/\)/.test(text)))) ||
    closedByVocabularyHint(toks.slice(i, end));
  // (a longer tag only when it abbreviates its word: "PASSCD", not "ACCOUNT")
  const tag = toks[i]!.text;
  const recordTagShape =
    end - i === 1 &&
    // (a tag's line number glued to it is the tag's: "AUTH1", "CNTC2")
    // (…or a number sign closing it: "PIN#")
    (/^[A-Z]{2,5}\d?#?$/.test(tag) || (/^[A-Z]{6,7}$/.test(tag) && !isLabelWord(tag.toLowerCase())));
  // (or a whole cell of several words, all label vocabulary: "CUSTOMER OF RECORD" over its value)
  const wholeCell =
    i === 0 &&
    end === toks.length &&
    end - i >= 3 &&
    unknown === 0 &&
    upper &&
    stems.filter((x) => !CONCEPT_WORDS.has(x)).length >= 2;
  // (or several words, every one label vocabulary, whose head noun is the concept's one word: a qualifier
  // the vocabulary does not pair with it leaves the head's meaning — "Authorised Signatory", "Provider
  // Account". An account name's head only written out after a qualifier naming no business, its own
  // legal-form word included ("Legal company": `businessHead`), not an address part's (a qualifier there says whose address: "Mailing street"),
  // not a sentence ("No PIN on file.")
  const headed =
    end - i >= 2 &&
    (unknown === 0 || qualifiedSecret(stems)) &&
    best.stems[0] === headOf(stems) &&
    (best.field === 'account_name'
      ? businessHead(toks.slice(i, end), stems, kind)
      : (!best.field.startsWith('addr_') || partLayoutWords(stems, best)) &&
        !LEGAL_FORM_END.test(text) &&
        !/\b[a-z]{3,}\.$/.test(text));
  if (
    !colon &&
    !(pairGap && lineStart && (best.weight ?? 1) >= 0.7) &&
    best.stems.length === 1 &&
    !hinted &&
    !restatedByHint(text, best, kind) &&
    !recordTagShape &&
    !wholeCell &&
    !headed &&
    !(i === 0 && end === toks.length && nameWhereWritten(toks, stems, best)) &&
    !synonyms(text, best, kind) &&
    !(i === 0 && end === toks.length && loneSynonym(toks[i]!.text, best, kind)) &&
    !(i === 0 && toks.length === 1 && best.field === 'account_name' && loneBusinessNoun(toks[0]!.text, kind)) &&
    !(i === 0 && end === toks.length && lonePlaceWord(toks[i]!.text, best, kind)) &&
    !(i === 0 && end === 1 && NAME_VALUE_FIELDS.has(best.field) && (best.weight ?? 1) >= 0.7 && loneCapsCaption(toks))
  )
    return null;
  return found(best);
}

/** The words of toks[i, end) read as a caption: a cell printed whole in brackets under its box for its words ("(Verbal Password)"). */
function captionText(toks: Tok[], i: number, end: number, readBrackets: boolean): string {
  const bracketed = readBrackets && i === 0 && end === toks.length && /^\(/.test(toks[0]!.text);
  return bracketed ? unbracketed(segText(toks)) : segText(toks.slice(i, end));
}

/**
 * A cell's text without the parentheses that enclose all of it: a form captioned in small print under its
 * boxes may bracket each caption ("(Verbal Password)", "(Number, Account)", "(Street Address (no P.O.
 * Box))"), and a caption's words in brackets are no hint when nothing stands outside them. Any other text
 * as it is.
 */
function unbracketed(text: string): string {
  const t = text.replace(/[:.]$/, '');
  if (!t.startsWith('(')) return text;
  let depth = 0;
  for (let k = 0; k < t.length; k++) {
    if (t[k] === '(') depth++;
    else if (t[k] === ')' && --depth === 0) return k === t.length - 1 ? t.slice(1, k).trim() : text;
  }
  return text;
}

/**
 * A hint in parentheses that is the concept's own word, wherever it stands in the caption: "Security Passcode
 * (PIN) on the account" names the PIN as surely as "Passcode (PIN)" does (the hint's words are dropped from
 * the caption's stems, so the head read from them is not the hint's).
 */
function restatedByHint(text: string, best: LabelConcept, kind: DocumentKind): boolean {
  return [...text.matchAll(/\(([^)]*)\)/g)].some((m) => {
    const inside = labelStems(m[1] ?? '');
    return inside.length > 0 && conceptOf(inside, kind) === best;
  });
}

/**
 * How many of the tokens stand outside parentheses: a hint is no word of a caption's length ("Security
 * Passcode (PIN) on the account (exactly as billed)" is a caption of six words).
 */
function wordsOutsideHints(toks: Tok[]): number {
  let depth = 0;
  let n = 0;
  for (const t of toks) {
    const opens = (t.text.match(/\(/g) ?? []).length;
    if (!depth && !opens) n++;
    depth = Math.max(0, depth + opens - (t.text.match(/\)/g) ?? []).length);
  }
  return n;
}

/**
 * "Name" whose complement says where the name is written ("Name on File", "Name of Record", "Name on
 * Invoice", "Name as Billed"): the name the account is held under, a caption whole in its cell — the
 * complement's words all label vocabulary, none naming another field (a "Name of Contact" is a person's).
 */
function nameWhereWritten(toks: Tok[], stems: readonly string[], best: LabelConcept): boolean {
  if (best.field !== 'account_name' || toks.length < 3 || toks.length > 5) return false;
  if (labelStems(toks[0]!.text)[0] !== 'name' || !/^(?:of|on|as|per)$/i.test(toks[1]!.text)) return false;
  return stems.every(isLabelWord) && toks.every((t) => /^[A-Za-z]+$/.test(t.text));
}

/**
 * A written-out word naming the premises alone in its cell ("Premises", "Locality" is no such word):
 * a word of the service address's labels and no other field's is its caption, as a listed "Location" is.
 */
function lonePlaceWord(word: string, best: LabelConcept, kind: DocumentKind): boolean {
  const stems = labelStems(word);
  return (
    /^[A-Za-z]{4,}:?$/.test(word) &&
    stems.length === 1 &&
    best.field === 'service_address' &&
    soleFieldConcept(stems[0]!, kind)?.field === 'service_address'
  );
}

/**
 * A lone word the vocabulary reads as another word that is itself a listed lone label of the field
 * ("Client", "Purchaser" for the listed "Customer"), or the noun for whoever authorises ("Authoriser"):
 * alone in its cell, it is that label. A word that only is a concept word stays a value's.
 */
function loneSynonym(word: string, best: LabelConcept, kind: DocumentKind): boolean {
  // (written out: an abbreviation alone in a cell is a wrapped name's tail, "CO." under "BAYSIDE HOSPITAL")
  if (!/^[A-Za-z]{4,}:?$/.test(word)) return false;
  const stems = labelStems(word);
  const own = word.toLowerCase().replace(/[^a-z]/g, '');
  if (stems.length !== 1) return false;
  // an agent noun of the concept alone in its cell names whoever does it: made from its verb
  // ("Authoriser", "Signee") or the concept's own word ("Signer", "Signatory", "Representative", "Requester")
  if (/(?:er|or|ee|ory|ive)$/.test(own) && best.field === 'authorized_person') return true;
  if (stems[0] === own) return false;
  return (phrases().exact.get(labelKey(stems[0]!)) ?? []).some(
    (p) => p.single && p.def.field === best.field && kindAllows(p.def, kind),
  );
}

/**
 * A written-out word alone in its cell that by itself names the business an account is held under ("Firm",
 * "Entity": the registry's one-word concepts of the name, as the listed "Company" is).
 */
function loneBusinessNoun(text: string, kind: DocumentKind): boolean {
  if (!/^[A-Za-z]{4,}:?$/.test(text)) return false;
  const word = text.toLowerCase().replace(/[^a-z]/g, '');
  return LABEL_CONCEPTS.some(
    (c) =>
      c.field === 'account_name' &&
      c.stems.length === 1 &&
      c.stems[0] === word &&
      (c.weight ?? 1) >= 0.7 &&
      (!c.kinds || c.kinds.includes(kind)),
  );
}

/** Words that say how an address part is written, not whose address it is ("Number & Street"). */
const PART_LAYOUT_WORDS: ReadonlySet<string> = new Set(['number', 'name', 'line', 'and']);

/**
 * An address part's caption whose other words only say how the part is written ("NUMBER & STREET",
 * "Street Line"): the part's own caption. A qualifier saying whose address it is ("Mailing street")
 * leaves it no caption of the service address's part.
 */
function partLayoutWords(stems: readonly string[], best: LabelConcept): boolean {
  return stems.every((s) => best.stems.includes(s) || PART_LAYOUT_WORDS.has(s));
}

/**
 * A caption whose head noun names the business itself ("Legal company", "Business on this account",
 * "Registered entity"): the head ends the caption or a complement follows it ("… on this account") —
 * in "SUBSCRIBER RECORD", a page's title, the record is the head — and it is written out in full (a
 * wrapped name's tail "Sign, Co." ends on an abbreviation); no word before it names a business, for
 * two such nouns are a value ("Business Customer" as an account's type), not a caption.
 */
function businessHead(toks: Tok[], stems: readonly string[], kind: DocumentKind): boolean {
  const head = headOf(stems);
  const cut = stems.findIndex((s, i) => i > 0 && HEAD_ENDS.has(s));
  // (a bare "name" after a qualifier is something else's: "Location name", "User name")
  if (head === undefined || head === 'name' || stems[(cut < 0 ? stems.length : cut) - 1] !== head) return false;
  if (toks.some((t) => /[,.]$/.test(t.text))) return false;
  const written = toks.findIndex((t) => labelStems(t.text)[0] === head);
  if (written < 0 || !/^[A-Za-z]{4,}$/.test(toks[written]!.text)) return false;
  return labelStems(segText(toks.slice(0, written))).every((s) => conceptOf([s], kind)?.field !== 'account_name');
}

/**
 * Numbers (or lines) named before the account they are on ("Numbers on this account", "Nos. under the
 * account", "Lines on your account"): the account's lines, not its account number (which is one, and
 * named "Account number").
 */
function linesOfAccount(c: LabelConcept | null, text: string, kind: DocumentKind): LabelConcept | null {
  if (c?.field !== 'account_number' || !/\b(?:numbers|nos\.?|#s|lines)\s+\S.*\baccount/i.test(text)) return c;
  return conceptOf(['phone', 'number'], kind) ?? c;
}

/**
 * Alternatives naming one field, split by slashes ("ZIP / Postal", "City / Town"): each part alone is a
 * label of that field, so the cell is a caption, never a value (a value has words no label uses).
 */
function synonyms(text: string, best: LabelConcept, kind: DocumentKind): boolean {
  const parts = text.split('/').map((p) => labelStems(p));
  // each part names the field by its head noun: "Business line" is a line, whatever language it is also in
  return (
    parts.length >= 2 &&
    parts.every((p) => p.length > 0 && p.length <= 2 && conceptOf(p, kind, headOf(p), true)?.field === best.field)
  );
}

/**
 * An unlisted label run straight into its value's digits, no colon: "Account Passphrase 68659310",
 * "Serviced Address 21986 Ridge Terrace". Two or more words opening the cell, every one label
 * vocabulary, naming a concept that holds their head noun; a name's label is never read so (its
 * value has no digits), nor a cell opening with one word.
 */
function unlistedBeforeDigits(
  toks: Tok[],
  i: number,
  kind: DocumentKind,
): { concept: LabelConcept; end: number } | null {
  const k = toks.findIndex((t, j) => j >= i && digitsEndLabel(t.text, j > i, false));
  if (i === 0 && k === 1) return placeBeforeStreet(toks, kind);
  if (!opensCell(toks, i) || k - i < 2) return null;
  const run = labelStems(segText(toks.slice(i, k)));
  if (run.length < 2 || !run.every(isLabelWord)) return null;
  const head = headOf(run);
  const c = conceptOf(run, kind, head, true);
  if (!c || c.field === 'account_name' || c.field === 'authorized_person' || c.field.startsWith('addr_')) return null;
  return c.stems.includes(head ?? '') ? { concept: c, end: k } : null;
}

/**
 * A lone word naming the premises before a street line in its cell ("Premises 18531 Lake Drive",
 * "Site 4410 Harbor Rd"): the service address's caption, the city line may wrap below. Only before a
 * house number and words ending on a street suffix: "Site 2", "Location 3 of 4" are no street.
 */
function placeBeforeStreet(toks: Tok[], kind: DocumentKind): { concept: LabelConcept; end: number } | null {
  const run = labelStems(toks[0]!.text);
  const c = run.length === 1 ? conceptOf(run, kind, run[0], true) : null;
  if (c?.field !== 'service_address' || !/^\d{1,6}[A-Z]?$/.test(toks[1]!.text)) return null;
  const words = toks.slice(2).map((t) => t.text.toUpperCase().replace(/[.,]/g, ''));
  if (!/^[A-Z]/.test(words[0] ?? '') || !words.slice(1).some((w) => STREET_SUFFIXES.has(w))) return null;
  return { concept: c, end: 1 };
}

/**
 * Words closed by a hint in parentheses that is itself label vocabulary ("Primary contact
 * (authorized)", "Main line (billing)"): a caption qualifying itself, never a value's words (a value
 * in parentheses, "Business Line (Flat)", holds words no label uses).
 */
function closedByVocabularyHint(toks: Tok[]): boolean {
  const open = toks.findIndex((t) => /^\(/.test(t.text));
  if (open < 1 || !/\)$/.test(toks[toks.length - 1]!.text)) return false;
  return allLabelVocabulary(segText(toks));
}

/**
 * Where a label without a colon ends inside its value's cell, by the change of case: "CLIENT NAME AS
 * Harbor Point…" (a label in capitals, the value in mixed case), "Client name on record Harbor…"
 * (lower-case label words, a capitalised value). 0 when the case does not change.
 */
function caseShiftEnd(toks: Tok[], i: number): number {
  const caps = (t: string) => /^\(?[A-Z][A-Z'’/-]*\)?$/.test(t);
  const lower = (t: string) => /^\(?[a-z][a-z'’/-]*\)?$/.test(t);
  const capsLabel = caps(toks[i]!.text);
  let k = i + 1;
  while (k < toks.length && k < i + 8) {
    const t = toks[k]!.text;
    // a hint in parentheses is the label's whatever its case ("Name (Nombre) Harbor Dental LLC": the
    // caption's other language): the label goes on to its closing bracket
    const close = /^\(/.test(t) ? hintClose(toks, k) : -1;
    const inside = close > k ? labelStems(segText(toks.slice(k, close)).replace(/[()]/g, ' ')) : [];
    if (inside.length && inside.every(isLabelWord)) k = close;
    else if (capsLabel ? caps(t) : lower(t)) k++;
    else break;
  }
  if (k - i < 2 || k >= toks.length) return 0;
  // a sentence is no label: "The authorized signer for the account is Mateo Hughes."
  const words = toks.slice(i, k).map((t) => t.text.toLowerCase());
  if (/^(the|a|an|i|we|my|our|this|please)$/.test(words[0]!) || words.some((w) => /^(is|are|was|be|am)$/.test(w)))
    return 0;
  // a title-case label's "of" / "for" joins its head noun to a capitalised complement ("Name of Firm",
  // "Name of Organisation"): the label goes on past it, the value is no "Firm"
  if (!capsLabel && /^(of|for)$/.test(words[words.length - 1]!)) return 0;
  const value = toks[k]!.text;
  // capitalised label words ending the cell are the label's own ("No. of Account", "Date of This Bill"),
  // never a value: a value has digits or words no label uses
  if (toks.slice(k).every((t) => !/\d/.test(t.text) && labelStems(t.text).every(isLabelWord))) return 0;
  return /^[A-Z0-9]/.test(value) && (!capsLabel || /[a-z]/.test(value)) ? k : 0;
}

/** The token after a parenthesised hint opening at `k` and closing within four words, or -1. */
function hintClose(toks: Tok[], k: number): number {
  for (let j = k; j < toks.length && j < k + 4; j++) if (/\)$/.test(toks[j]!.text)) return j + 1;
  return -1;
}

/**
 * A caption of one word in capitals before a name in mixed case in its cell ("CUSTOMER Johnson & Kowalski
 * PLLC"): the change of case ends the caption, as it does after a longer one (caseShiftEnd); the caller
 * takes it only for a word naming a name's field surely.
 */
function loneCapsCaption(toks: Tok[]): boolean {
  return (
    toks.length >= 3 &&
    /^[A-Z]{4,}$/.test(toks[0]!.text) &&
    /^[A-Z][a-z]/.test(toks[1]!.text) &&
    !toks.slice(1).some((t) => /\d/.test(t.text)) &&
    // (a caption going on in mixed case is one caption: "BILLING Address", "SERVICE Address Information")
    !looksLikeLabelText(segText(toks.slice(1)))
  );
}

/** Where a label without a colon ends inside its value's cell: by the change of case, or by a wider gap. */
function labelValueShift(toks: Tok[], i: number): number {
  return caseShiftEnd(toks, i) || gapShiftEnd(toks, i);
}

/**
 * Where a label in capitals ends before a value in capitals in one cell, by the space between them:
 * "BUSINESS ON THIS ACCOUNT  HIGH DESERT STORAGE CENTERS", the label's words all label vocabulary and
 * the gap after them at least twice any gap between the label's own words (a text layer joins words
 * set a couple of spaces apart into one cell). 0 when no gap stands out.
 */
function gapShiftEnd(toks: Tok[], i: number): number {
  const caps = (t: string) => /^[A-Z][A-Z'’/.&,-]*$/.test(t);
  for (let k = i + 2; k < toks.length && k <= i + 6; k++) {
    const label = toks.slice(i, k);
    if (!label.every((t) => caps(t.text) && labelStems(t.text).every(isLabelWord)) || !caps(toks[k]!.text)) return 0;
    const inner = label.slice(1).map((t, j) => t.x0 - label[j]!.x1);
    const gap = toks[k]!.x0 - toks[k - 1]!.x1;
    if (gap >= 2 * Math.max(...inner) && gap >= 0.6 * toks[k]!.h) return k;
  }
  return 0;
}

/**
 * Where a caption without a colon ends before its value in one run, by the space a "key  value" record sets
 * between them — two or three spaces where the value's own words are one apart ("Subscriber   Harbor Light
 * Marine Supply LLC", "Business Legal Name (as registered)  Bayside Law Offices PA"): the caption's words
 * all label vocabulary, the value opening with a capital or a digit after the caption's widest gap, that gap
 * clearly wider than the words' usual space. 0 when no such gap stands out (a caption run into its value
 * with one space is no pair).
 */
function pairGapEnd(toks: Tok[], i: number): number {
  if (i !== 0) return 0;
  // gaps[k]: the space before toks[k + 1]
  const gaps = toks.slice(1).map((t, k) => t.x0 - toks[k]!.x1);
  const h = toks[i]!.h;
  for (let k = i + 1; k < toks.length && k <= i + 6; k++) {
    const word = toks[k - 1]!.text;
    if (/\d/.test(word) || !labelStems(word.replace(/[()]/g, ' ')).every(isLabelWord)) return 0;
    if (!/^[A-Z0-9]/.test(toks[k]!.text)) continue;
    const gap = gaps[k - 1]!;
    const inner = gaps.slice(i, k - 1);
    const usual = usualWordSpace([...inner, ...gaps.slice(k)], h);
    if (inner.every((g) => g < gap) && usual > 0 && gap >= 1.6 * usual && gap - usual >= 0.15 * h) return k;
  }
  return 0;
}

/**
 * Where a caption of the account name run into its value with one space ends, by its words ("Registered name
 * Harbor Light Marine Supply LLC", "Business Legal Name (as registered) Bayside Law Offices PA"): the fewest
 * words, two or more and all label vocabulary, that name the account name, a closed hint of label words after
 * them included, then a business's words from a capital to a legal form. 0 when the words do not part so.
 */
function nameCaptionEnd(toks: Tok[], i: number, kind: DocumentKind): number {
  if (i !== 0) return 0;
  // (one word in title case before a name in capitals: "Company OLD TOWN MARINE SUPPLY LTD.")
  const rest = toks.slice(i + 1);
  if (
    /^[A-Z][a-z]+$/.test(toks[i]!.text) &&
    rest.length >= 2 &&
    rest.every((t) => !/[a-z]/.test(t.text)) &&
    LEGAL_FORM_END.test(segText(rest)) &&
    conceptOf(labelStems(toks[i]!.text), kind)?.field === 'account_name'
  )
    return i + 1;
  for (let k = i + 1; k < toks.length - 1 && k <= i + 5; k++) {
    const word = toks[k - 1]!.text;
    if (/\d/.test(word) || !labelStems(word).every(isLabelWord)) return 0;
    if (k - i < 2) continue;
    const c = conceptOf(labelStems(segText(toks.slice(i, k))), kind);
    if (c?.field !== 'account_name' || c.stems.length < 2) continue;
    const end = hintAfterTagEnd(toks, k);
    const value = segText(toks.slice(end));
    return end < toks.length - 1 && /^[A-Z]/.test(toks[end]!.text) && LEGAL_FORM_END.test(value) ? end : 0;
  }
  return 0;
}

/**
 * A bare "Name" whose hint points at the bill ("Name (as shown on your statement)") is the account's
 * name, not the signer's.
 */
function billHintedName(c: LabelConcept | null, text: string): LabelConcept | null {
  if (
    c?.stems.length === 1 &&
    c.stems[0] === 'name' &&
    /\((?=[^)]*\b(bill|billed|statement|account|invoice|record)\b)/i.test(text)
  )
    return { field: 'account_name', stems: ['name'], weight: 0.8 };
  return c;
}

/** Every word of the text is label vocabulary (hints in parentheses included). */
function allLabelVocabulary(text: string): boolean {
  const stems = labelStems(text.replace(/[()]/g, ' '));
  return stems.length > 0 && stems.every(isLabelWord);
}

/**
 * A label-shaped cell: a few capitalised words without digits, or a longer run of label vocabulary
 * ("Name (as shown on"). A cell under a label's first line may also be the lower-case rest of a hint
 * ("your statement):", "name on file").
 */
function labelCellShape(seg: Seg, under = false): boolean {
  // (a form's item number before its caption is no word of it: "A1 BUSINESS LEGAL" over "NAME (AS REGISTERED):")
  const toks = seg.toks.length > 1 && ITEM_NUMBER.test(seg.toks[0]!.text) ? seg.toks.slice(1) : seg.toks;
  if (toks.some((t) => /\d/.test(t.text))) return false;
  const t = segText(toks);
  if (/^[A-Z(#]/.test(t) && toks.length <= 3) return true;
  return toks.length <= 7 && (under || /^[A-Z(]/.test(t)) && allLabelVocabulary(t);
}

/** A label's first line that cannot end there: a parenthesis left open, or a dangling word ("Customer name on"). */
function labelLeftOpen(text: string): boolean {
  const opened = (text.match(/\(/g) ?? []).length > (text.match(/\)/g) ?? []).length;
  return opened || /\b(of|on|as|the|for|to|in|by|at|with|and|or|&)$/i.test(text.trim()) || /[/&-]$/.test(text.trim());
}

/** The label field a cell names on its own (a listed wording or a concept), if any. */
function ownField(seg: Seg, kind: DocumentKind): LabelField | null {
  const listed = (phrases().exact.get(seg.toks.map((t) => t.key).join('')) ?? []).filter((p) =>
    kindAllows(p.def, kind),
  );
  const named = listed.find((p) => p.def.field !== 'other') ?? listed[0];
  if (named) return named.def.field;
  return conceptOf(labelStems(segText(seg.toks)), kind)?.field ?? null;
}

/**
 * The concept needs a word of the head: the cells under it do not name it by themselves, or the
 * head's word qualifies theirs into a concept of the same field, the words standing together
 * ("ACCOUNT" over "HOLDER NAME:" is an account holder's name though "holder name" is a label too).
 */
function needsHead(c: LabelConcept, head: Seg, under: Seg[], kind: DocumentKind): boolean {
  const lowStems = labelStems(under.map((s) => segText(s.toks)).join(' '));
  const headStems = labelStems(segText(head.toks));
  const low = new Set(lowStems);
  const spans = (x: LabelConcept) => x.stems.some((s) => !low.has(s)) && headStems.some((s) => x.stems.includes(s));
  if (spans(c)) return true;
  const words = [...headStems, ...lowStems];
  return LABEL_CONCEPTS.some((x) => {
    if (x.field !== c.field || (x.kinds && !x.kinds.includes(kind)) || !spans(x)) return false;
    const at = x.stems.map((s) => words.indexOf(s));
    return at.every((i) => i >= 0) && Math.max(...at) - Math.min(...at) + 1 === x.stems.length;
  });
}

/**
 * The vertical gap between two stacked cells, in their line height: a wrap is tighter than a new row.
 * A text layer's boxes span the font's line; an OCR word's box is its ink (~0.8 of that), so the ink
 * gap between two OCR lines also holds the ~0.1 of a line height each box would cover above and below.
 */
function cellGap(upper: Seg, lower: Seg): number {
  const bottom = Math.max(...upper.toks.map((t) => t.y1));
  const top = Math.min(...lower.toks.map((t) => t.y0));
  const h = Math.max(...upper.toks.map((t) => t.h), 1);
  const ocr = [...upper.toks, ...lower.toks].every((t) => t.conf < 1 && !t.drawn);
  return (top - bottom - (ocr ? 0.2 * h : 0)) / h;
}

/**
 * How many cells of a label stack without a colon make the label, or 0: a head left open takes the
 * cells through the one that closes it; lower-case hint words under a head belong to it ("Customer" /
 * "name on file"); a head that names nothing alone takes the fewest cells naming a concept; a head
 * naming a label alone takes the cell under it only into a concept that needs words of both
 * ("ACCOUNT" / "HOLDER"), never two full labels one over the other ("Record Date" / "Company Name").
 * Tightly wrapped cells of the same field follow ("Legal" / "Business" / "Name").
 */
/** The line of `lower` holds nothing where the value beside `head` starts (a label's wrap, not a row). */
function lowerLineEmptyBeside(lines: Line[], head: Seg, lower: Seg): boolean {
  const headLine = lines[head.line]!;
  const value = headLine.segs[headLine.segs.indexOf(head) + 1];
  if (!value) return false;
  const tol = Math.max(4, 0.8 * headLine.h);
  return !lines[lower.line]!.segs.some((s) => s !== lower && s.x0 < value.x1 && s.x1 > value.x0 - tol);
}

function stackLength(stack: Seg[], kind: DocumentKind, lines: Line[]): { n: number; concept: LabelConcept } | null {
  const textOf = (n: number) =>
    stack
      .slice(0, n)
      .flatMap((s) => s.toks.map((t) => t.text))
      .join(' ');
  const conceptAt = (n: number): LabelConcept | null => {
    const t = textOf(n);
    // the stack read as one listed wording says what it is ("CURRENT PHONE" / "COMPANY": the carrier)
    const listed = (
      phrases().exact.get(
        stack
          .slice(0, n)
          .flatMap((s) => s.toks.map((x) => x.key))
          .join(''),
      ) ?? []
    ).find((p) => kindAllows(p.def, kind));
    if (listed) return { field: listed.def.field, stems: labelStems(t), weight: listed.def.weight };
    return allLabelVocabulary(t) ? billHintedName(hintConcept(t, kind) ?? conceptOf(labelStems(t), kind), t) : null;
  };
  const head = stack[0]!;
  const lower = stack[1]!;
  // (a generic word listed only as some other label, "Service" over a column, still heads a stack)
  const headField = ownField(head, kind);
  const headNames = headField !== null && headField !== 'other';
  let n = 0;
  let c: LabelConcept | null = null;
  if (labelLeftOpen(segText(head.toks))) {
    for (let k = 2; k <= stack.length && !n; k++) {
      // a cell that is a whole label of its own starts the next row ("AS OF" / "ACCOUNT NAME")
      // (unless the head's open words turn it into another field's label, tightly wrapped: "Name on" /
      // "Account" is the account's name, not its number)
      const own = ownField(stack[k - 1]!, kind);
      if (own && own !== 'other' && own !== ownField(head, kind)) {
        const whole = labelLeftOpen(textOf(k)) ? null : conceptAt(k);
        const joined =
          !!whole &&
          whole.field !== own &&
          needsHead(whole, head, stack.slice(1, k), kind) &&
          cellGap(stack[k - 2]!, stack[k - 1]!) <= 0.5;
        if (!joined) break;
      }
      if (labelLeftOpen(textOf(k))) continue;
      c = conceptAt(k);
      if (c) n = k;
      else break;
    }
  } else if (/^[a-z(]/.test(segText(lower.toks)) && !ownField(lower, kind)) {
    c = conceptAt(2);
    if (c) n = 2;
  } else if (!headNames) {
    for (let k = 2; k <= stack.length && !n; k++) {
      if (!allLabelVocabulary(textOf(k))) break;
      c = conceptAt(k);
      // (a concept the lower cells name by themselves is their own label: "Title" / "Street Address of Service")
      // (a head that is a whole label of its own, "Title", heads only a concept needing its words)
      if (c && headField === 'other' && !needsHead(c, head, stack.slice(1, k), kind)) return null;
      if (c) n = k;
    }
  } else {
    const c2 = conceptAt(2);
    const headStems = new Set(labelStems(segText(head.toks)));
    const lowerOwn = ownField(lower, kind);
    // a head naming another field in words of its own is a row of its own, as with a colon ("Name,
    // Customer" over "Number, Account": two rows of a key/value table, not a customer number)
    const headOwn = conceptOf([...headStems], kind);
    const headWhole = !!headOwn && headOwn.stems.length >= 2 && headOwn.field !== c2?.field;
    const needsBoth =
      !!c2 &&
      !headWhole &&
      needsHead(c2, head, [lower], kind) &&
      c2.stems.some((x) => !headStems.has(x)) &&
      (lowerOwn === null || lowerOwn === c2.field);
    // a lone qualifier word over the cell holding the label's head noun, tightly wrapped, the lower
    // line empty in the value column ("ACCOUNT" / "PASSCODE (IF" / "ONE IS SET)" beside "116808"):
    // the word qualifies that noun, and the value beside the head is the lower label's
    const qualifies =
      !!c2 &&
      // (the lower cell names its field by its head noun alone, and the head is a word, not a record tag)
      c2.stems.length === 1 &&
      head.toks.length === 1 &&
      head.toks[0]!.text.length >= 4 &&
      c2.field === lowerOwn &&
      [...labelStems(segText(lower.toks))].some((x) => c2.stems.includes(x)) &&
      !headStems.has(c2.stems[c2.stems.length - 1]!) &&
      lowerLineEmptyBeside(lines, head, lower);
    if ((needsBoth || qualifies) && cellGap(head, lower) <= 0.5) {
      c = c2;
      n = 2;
    }
  }
  // (a stack naming nothing PortDesk reads, "TITLE" over the next row's label, is no stack)
  if (!n || !c || c.field === 'other') return null;
  // tightly wrapped cells that name the same field (or nothing) go on; a parenthesised hint closed on
  // the last cell ends the label ("Name (as" / … / "statement)" over "Billing" / "Account" / "Number")
  const closed = /\)$/.test(textOf(n)) && /\(/.test(textOf(n));
  while (!closed && n < stack.length && cellGap(stack[n - 1]!, stack[n]!) <= 0.5) {
    const own = ownField(stack[n]!, kind);
    // the rest of a hint opened above and closed here ("(IF" / "ONE IS SET)"): the label ends with it
    if (!own && /\(/.test(textOf(n)) && !/\)/.test(textOf(n)) && /\)$/.test(segText(stack[n]!.toks))) {
      n++;
      break;
    }
    const next = conceptAt(n + 1);
    if ((own && own !== c.field) || !next || next.field !== c.field) break;
    c = next;
    n++;
  }
  return { n, concept: c };
}

/**
 * Before labels are known: `lower` looks like the captions printed under a row of values on rules
 * (captionsAligned, and the upper row holds a number or a cell no label could be), so the upper words
 * ("Billings" over "CITY") are no first line of a label wrapped onto `lower`.
 */
function captionsUnderValues(upper: Line, lower: Line): boolean {
  return captionsAligned(upper, lower) && upper.segs.some((sg) => /\d/.test(segText(sg.toks)) || !labelCellShape(sg));
}

/**
 * Label cells that wrap in a grid ("BUSINESS" / "NAME:", "BILLING" / "TELEPHONE" / "NUMBER" /
 * "(BTN):"): short capitalised cells stacked at one x, the last ending with a colon, a value beside
 * the first. The stack is one label, a hit on its first cell; the cells under it belong to it (they
 * neither become labels of their own nor end the value's wrapped lines).
 */
function wrappedLabels(
  segs: Seg[],
  lines: Line[],
  kind: DocumentKind,
): { heads: Map<number, Hit>; consumed: Set<number> } {
  const heads = new Map<number, Hit>();
  const consumed = new Set<number>();
  for (const seg of segs) {
    if (consumed.has(seg.id) || !labelCellShape(seg) || /[:#]$/.test(seg.toks[seg.toks.length - 1]!.text)) continue;
    // a caption in two languages is whole ("Fecha / Date" over "Fecha de vencimiento / Due Date": two rows)
    if (twoLanguageCaption(segText(seg.toks))) continue;
    const line = lines[seg.line]!;
    if (!line.segs.some((s) => s.x0 > seg.x1)) continue;
    // (a wrapped label's value stands beside its first line: a line whose cells right of it are all
    // labels or headings — a sidebar's heading level with the next panel's, "Account" | "Locations on
    // Account" — opens no label, however the caption under it reads on)
    if (line.segs.every((s) => s.x0 <= seg.x1 || looksLikeLabelText(segText(s.toks)))) continue;
    // (a cell leaving its hint open, "Name (as shown", goes on below: a label's first line, no value)
    if (!labelLeftOpen(segText(seg.toks)) && valueUnderLabel(seg, lines, kind)) continue;
    const stack: Seg[] = [seg];
    let prev = line;
    // the value beside the first line: a line between with nothing from the label's column to the
    // value's start is another panel's row the line grouping put between the label's lines
    const valueX = line.segs.find((s) => s.x0 > seg.x1)!.x0;
    let skipped = false;
    for (let k = seg.line + 1; k < lines.length && k <= seg.line + 5; k++) {
      const l = lines[k]!;
      if (l.page !== line.page || l.top - prev.bottom > Math.max(prev.h, 4)) break;
      if (l.segs.every((s) => s.x0 >= valueX)) {
        skipped = true;
        continue;
      }
      if (captionsUnderValues(prev, l)) break;
      const below = l.segs.find((s) => Math.abs(s.x0 - seg.x0) <= 2);
      // (the words closing a hint opened above are the label's, whatever they are: "on your" / "statement):")
      const hintGoesOn =
        !!below && hintLeftOpen(stack) && below.toks.length <= 5 && !below.toks.some((t) => /\d/.test(t.text));
      if (!below || (!hintGoesOn && !labelCellShape(below, true)) || twoLanguageCaption(segText(below.toks))) break;
      // (a cell after the next item's number in a cell of its own is that item's caption, its line the next
      // row of a numbered list: "4. | Passcode/ PIN" over "5. | Service At")
      const opening = l.segs[0];
      if (opening && opening !== below && opening.toks.length === 1 && itemNumber(opening.toks[0]!.text)) break;
      // (past such a row, a cell with a value of its own beside it is the next row's label)
      if (skipped && l.segs.some((s) => s !== below && s.x0 < valueX + 2 * l.h)) break;
      if (ownRowBelow(seg, line, below, l, kind)) break;
      stack.push(below);
      prev = l;
      if (/:$/.test(below.toks[below.toks.length - 1]!.text)) break;
    }
    const last = stack[stack.length - 1]!;
    if (stack.length < 2) continue;
    let c: LabelConcept | null;
    if (/:$/.test(last.toks[last.toks.length - 1]!.text)) {
      const all = stack.flatMap((s) => s.toks.map((t) => t.text)).join(' ');
      const stems = labelStems(all);
      if (stems.filter((x) => !isLabelWord(x)).length > 1) continue;
      c = billHintedName(hintConcept(all, kind) ?? conceptOf(stems, kind), all);
      // a cell that is a label of another field on its own starts a row of its own ("Account Access Code")
      // (a generic word under a head is what the head qualifies: "Physical Service" / "Address:")
      const fullLabelOfAnother = (x: Seg) => {
        const own = conceptOf(labelStems(segText(x.toks)), kind);
        return !!own && own.stems.length >= 2 && own.field !== c!.field && own.field !== 'other';
      };
      if (c && stack.slice(1).some(fullLabelOfAnother)) continue;
      // nor is a head that names another field in words of its own ("Account Access Code" over "Account Number:")
      const headOwn = conceptOf(labelStems(segText(seg.toks)), kind);
      if (c && headOwn && headOwn.stems.length >= 2 && headOwn.field !== c.field) continue;
    } else {
      // no colon ("SERVICE" / "ADDRESS", "Premises" / "Address", "Customer" / "name on file")
      const found = stackLength(stack, kind, lines);
      c = found?.concept ?? null;
      if (found) stack.length = found.n;
    }
    if (!c) continue;
    heads.set(seg.id, {
      ...cellHit(seg, 0, seg.toks.length, c, 0.9, true),
      wrapSegs: stack.slice(1).map((s) => s.id),
    });
    for (const s of stack.slice(1)) consumed.add(s.id);
  }
  return { heads, consumed };
}

/** Stacked label cells that open a parenthesised hint and have not closed it yet ("Name (as shown" / "on your"). */
function hintLeftOpen(stack: Seg[]): boolean {
  const t = stack.map((x) => segText(x.toks)).join(' ');
  return (t.match(/\(/g) ?? []).length > (t.match(/\)/g) ?? []).length;
}

/**
 * A key/value table's next row, not a wrapped label's second line: the cell below, without a colon,
 * is a whole label of another field ("Subscriber" over "Acct ID", "Account No") and has its own value
 * in the column where the value of the cell above starts.
 */
function ownRowBelow(head: Seg, line: Line, below: Seg, l: Line, kind: DocumentKind): boolean {
  if (/[:#]$/.test(segText(below.toks)) || /[:#]$/.test(segText(head.toks))) return false;
  const own = conceptOf(labelStems(segText(below.toks)), kind);
  if (!own || !allLabelVocabulary(segText(below.toks))) return false;
  // two captions of two fields, each with its value beside it, the lower one's starting left of where the
  // upper one's does — no line of a wrapped value could: a statement sets each value a gap after its own
  // caption ("Authorised Signatory  -" over "PIN Code  7067")
  const headOwn = conceptOf(labelStems(segText(head.toks)), kind);
  const headValue = line.segs.find((s) => s.x0 > head.x1);
  if (
    headOwn &&
    headValue &&
    headOwn.field !== 'other' &&
    own.field !== 'other' &&
    headOwn.field !== own.field &&
    allLabelVocabulary(segText(head.toks)) &&
    l.segs.some((s) => s.x0 > below.x1 && s.x0 < headValue.x0 - 2 * l.h)
  )
    return true;
  // (a one-word caption is a row of its own under a whole caption of something not read, ended on its
  // head noun: "Account Status" over "Administrator" is no "Account … Administrator")
  if (own.stems.length < 2 && !(own.field !== 'other' && (wholeOtherCaption(head, kind) || identifierCaption(head))))
    return false;
  // (a caption of the same field below goes on naming it, its value wrapped beside it: "BUSINESS" over
  // "LEGAL NAME" beside "Old Town Auto Body" over "P.C.")
  if (conceptOf(labelStems(segText(head.toks)), kind)?.field === own.field) return false;
  const value = line.segs.find((s) => s.x0 > head.x1);
  return !!value && l.segs.some((s) => s !== below && Math.abs(s.x0 - value.x0) <= 4);
}

/**
 * A cell ending on an identifier's head noun ("Location ID", "Site No.", "Order Code"): the noun closes
 * the caption, so a caption under it with a value of its own is the next row's ("Location Account").
 */
function identifierCaption(seg: Seg): boolean {
  const t = segText(seg.toks);
  const stems = labelStems(t);
  const last = stems[stems.length - 1];
  return stems.length >= 2 && IDENTIFIER_NOUNS.has(last ?? '') && allLabelVocabulary(t);
}
const IDENTIFIER_NOUNS: ReadonlySet<string> = new Set(['id', 'number', 'code']);

/** A cell that is by itself a whole caption of a thing not read ("Account Status", "Plan Type"): its head noun ends it. */
function wholeOtherCaption(seg: Seg, kind: DocumentKind): boolean {
  const t = segText(seg.toks);
  const stems = labelStems(t);
  const c = conceptOf(stems, kind);
  return !!c && c.field === 'other' && allLabelVocabulary(t) && stems[stems.length - 1] === headOf(stems);
}

/**
 * A cell right under a caption of a label-above grid ("TITLE" over "Owner", "CUSTOMER NO." beside it
 * over the number): the caption's value, not the first line of a wrapped label.
 */
function valueUnderLabel(seg: Seg, lines: Line[], kind: DocumentKind): boolean {
  const above = lines[seg.line - 1];
  if (!above || above.page !== seg.page) return false;
  // the row above is a row of captions: every cell a label of its own
  if (!above.segs.some((s) => Math.abs(s.x0 - seg.x0) <= 4) || above.segs.length < 2) return false;
  return above.segs.every(
    (s) => !/\d/.test(segText(s.toks)) && allLabelVocabulary(segText(s.toks)) && ownField(s, kind),
  );
}

const UNIT_WORD = /^(UNIT|STE|SUITE|APT|FL|FLR|FLOOR|RM|ROOM|BLDG|LOT|SPC|DEPT)$/;

/** Fields whose record tags ("CUS", "SA", "CTY") may stand in one cell with their value. */
const TAG_FIELDS = new Set<LabelField>(['account_name', 'service_address', 'addr_city']);

/**
 * A fixed-width record line that opens with its tag and the value after one space ("BILL NM
 * SANDHILL PEDIATRIC…", "SVC ADDR1 815 CYPRESS CT"): the longest run of capitalised tag words at
 * the start that names a concept, when words follow it.
 */
function recordTag(toks: Tok[], kind: DocumentKind): { concept: LabelConcept; end: number } | null {
  // "SANTA FE NM 87502": a city line whose city begins with a tag-like word is an address line, not a tag
  if (isCityLineOfWords(toks.map((t) => t.text))) return null;
  // a caption closed by a hint of label words qualifies itself ("PRIMARY CONTACT (AUTHORIZED)"): the
  // hint is no value after a tag
  if (closedByVocabularyHint(toks)) return null;
  for (let k = Math.min(3, toks.length - 1); k >= 1; k--) {
    const tagToks = toks.slice(0, k);
    // (a tag's words may be joined by a stop, a hyphen or an underscore: "AUTH.USR", "CNTC-NM"; its last word
    // may close on a number sign: "PIN#", "BTN#")
    if (
      !tagToks.every((t, j) =>
        /^[A-Z](?:[A-Z/&]|[._-](?=[A-Z])){0,8}\d?\/?$/.test(j === k - 1 ? t.text.replace(/(?<=[A-Z])#$/, '') : t.text),
      )
    )
      continue;
    // a unit word before its number is the value's ("SADR2 UNIT 19"), not the tag's
    if (k > 1 && UNIT_WORD.test(tagToks[k - 1]!.text) && /\d/.test(toks[k]!.text)) continue;
    // a tag does not end on a dangling word ("CUSTOMER OF" | "RECORD")
    if (labelLeftOpen(segText(tagToks))) continue;
    const stems = recordTagStems(tagToks.map((t) => t.text).join(' '));
    if (!stems.length || !stems.every(isLabelWord)) {
      // one unknown tag that abbreviates a whole phrase ("ACN", "CNAM")
      const c = k === 1 ? phraseTagConcept(tagToks[0]!.text.replace(/[:.]$/, ''), kind, segText(toks.slice(1))) : null;
      if (c) return { concept: c, end: 1 };
      continue;
    }
    // an abbreviated word that only one field's labels use ("PREM" → premise: the service address)
    const c = conceptOf(stems, kind) ?? (k === 1 && stems.length === 1 ? soleFieldConcept(stems[0]!, kind) : null);
    // one full word ("BUSINESS LINE…") is text, not a tag: a one-word concept needs an abbreviation
    // (an abbreviation may be longer: "PASSCD")
    if (
      !c ||
      (c.stems.length === 1 &&
        k === 1 &&
        tagToks[0]!.text.length > 5 &&
        isLabelWord(tagToks[0]!.text.toLowerCase()) &&
        !(c.field === 'authorized_person' && personAfterTag(toks.slice(1))))
    )
      continue;
    return { concept: c, end: hintAfterTagEnd(toks, k) };
  }
  return null;
}

/**
 * A tag's hint in parentheses, its words all label vocabulary, closed before the value ("BUSINESS LEGAL NAME
 * (AS REGISTERED) BAYSIDE MARINE SUPPLY PC"): the tag's, not the value's first words. `k` when none.
 */
function hintAfterTagEnd(toks: Tok[], k: number): number {
  if (!/^\(/.test(toks[k]?.text ?? '')) return k;
  const close = hintClose(toks, k);
  return close > k && close < toks.length && allLabelVocabulary(segText(toks.slice(k, close))) ? close : k;
}

/**
 * The rest of a record line after a whole role word is a person's name ("CONTACT JENNIFER ANDERSON",
 * "SIGNER PRIYA A. OKAFOR"): a full name, none of its words label vocabulary, so the role word is the
 * line's tag — where "BUSINESS LINE FLAT RATE" or "CONTACT CENTER HOURS" stay text.
 */
function personAfterTag(rest: Tok[]): boolean {
  const all = rest.map((t) => t.text);
  const words = all.slice(0, wordsBeforeNumberCaption(all));
  // a first name, maybe initials and a surname's particles, and a surname: capitalised words only
  const nameWord = (w: string) => /^[A-Z][A-Za-z'’-]+$/.test(w);
  if (words.length < 2 || words.length > 5 || !nameWord(words[0]!) || !nameWord(words[words.length - 1]!)) return false;
  // (an initial's stop a scan doubled or read as a comma is still an initial: "HANNAH E.. KOWALSKI"; a
  // record may print it without one: "DANA R WHITFIELD")
  if (!words.every((w) => nameWord(w) || /^[A-Z](?:\.|\.\.|,)?$/.test(w) || NAME_PARTICLE.test(w))) return false;
  // (an initial is no word of vocabulary, whatever filler it spells: "A.")
  const full = words.filter((w) => nameWord(w));
  return !BUSINESS_SUFFIXES.test(words.join(' ')) && labelStems(full.join(' ')).every((s) => !isLabelWord(s));
}

/**
 * How many of a person's words come before a number run on after the name with its caption ("REBECCA
 * ANDERSON CBN +1 915 555 0199", "Dana Whitfield Tel: 406-555-0190"): a name holds no digits, so it ends
 * before the word captioning the number — a record's tag (capitals without a vowel, "CBN", "PH") or a
 * caption word (closed by a colon, or label vocabulary). A name's own suffix ("JR", "III") is no caption.
 * All the words when no such number follows.
 */
export function wordsBeforeNumberCaption(words: readonly string[]): number {
  const k = words.findIndex((w) => /\d/.test(w));
  const caption = words[k - 1] ?? '';
  const phone = words.slice(k).join(' ');
  if (k < 3 || !/^[+(]?\d[\d\s().+-]*$/.test(phone) || !/^(?:\D*\d){10,11}\D*$/.test(phone)) return words.length;
  if (/^(?:JR|SR|II|III|IV)\.?$/i.test(caption)) return words.length;
  const tag = /^[A-Z]{2,5}[:#]?$/.test(caption) && !/[AEIOUY]/.test(caption);
  const stems = labelStems(caption);
  const word =
    /^[A-Za-z]{2,}[:#]?$/.test(caption) && (/[:#]$/.test(caption) || (stems.length > 0 && stems.every(isLabelWord)));
  return tag || word ? k - 1 : words.length;
}

/** A surname's particle ("van", "de la"), written in lower case inside a name. */
const NAME_PARTICLE = /^(?:de|la|le|du|van|der|den|von|da|del|di|dos)$/;

let conceptStemList: string[] | null = null;

/**
 * A three-letter tag word read as the one concept word it abbreviates, its first letter then later
 * letters in order ("LGL" → legal, "LST" → listed); with `prefix` only a word it begins ("NAM" → name).
 */
function shortTagWord(w: string, prefix: boolean): string | null {
  if (!/^[a-z]{3}$/.test(w) || isLabelWord(w)) return null;
  conceptStemList ??= [...new Set([...CONCEPT_WORDS, ...LABEL_CONCEPTS.flatMap((c) => c.stems)])];
  let found: string | null = null;
  for (const stem of conceptStemList) {
    if (stem.length <= 3 || stem[0] !== w[0]) continue;
    let j = 1;
    for (let i = 1; i < stem.length && j < 3; i++) if (stem[i] === w[j]) j++;
    if (j < 3 || (prefix && !stem.startsWith(w))) continue;
    if (found && found !== stem) return null;
    found = stem;
  }
  return found;
}

/**
 * A record tag's concept stems, its abbreviations read out ("ACNT" → account, "LGL NM" → legal name,
 * "NAM" → name). A three-letter abbreviation counts before a known tag word, or as a whole tag that
 * begins its word: never as the last word of a longer tag, where it may be the value's first word.
 */
function recordTagStems(tag: string): string[] {
  const stems = labelStems(tag);
  return stems.flatMap((s, k) => {
    if (isLabelWord(s)) return [s];
    const long = expandAbbreviation(s);
    if (long) return [long];
    const glued = gluedAbbreviations(s);
    if (glued) return glued;
    const next = stems[k + 1];
    if (stems.length === 1) return [shortTagWord(s, true) ?? s];
    return [next !== undefined && isLabelWord(next) ? (shortTagWord(s, false) ?? s) : s];
  });
}

/**
 * A record tag of two shortened words written as one ("AUTHCNTC" = AUTH·CNTC, "AUTHPERS", "AUTHINDV"): a
 * known tag word, then a shortening of a concept word (its prefix or consonant skeleton, four letters or
 * more), the two naming a concept together. The split that leaves the longest known first word wins.
 */
function gluedAbbreviations(w: string): string[] | null {
  if (!/^[a-z]{7,12}$/.test(w)) return null;
  for (let i = w.length - 4; i >= 3; i--) {
    const first = labelStems(w.slice(0, i));
    if (first.length !== 1 || !isLabelWord(first[0]!) || LABEL_FILLERS.has(first[0]!)) continue;
    const second = expandAbbreviation(w.slice(i));
    if (!second) continue;
    const stems = [first[0]!, second];
    const c = conceptOf(stems, 'csr');
    if (c && c.stems.length === 2) return stems;
  }
  return null;
}

const DIGIT_VALUE_FIELDS = new Set<LabelField>([
  'document_date',
  'account_number',
  'addr_zip',
  'btn',
  'pin',
  'phone_list',
  'authorized_person',
]);

/** Position rules: short common words only count as labels where a label would stand. */
function accept(ph: Phrase, seg: Seg, start: number, end: number, afterLabel: boolean, kind: DocumentKind): boolean {
  const toks = seg.toks;
  const last = toks[end - 1]!;
  const next = toks[end];
  const colon = /[:#]$/.test(last.text) || (next !== undefined && /^[:]/.test(next.text));
  const lineOpen = !afterLabel && labelStart(toks, start);
  // (a record's tag opening its own pair mid-line: "… PRIYA YILMAZ  CBN 808.555.0178")
  const pairStart = !afterLabel && !lineOpen && kind === 'csr' && recordPairStart(toks, start);
  const atStart = afterLabel || lineOpen || pairStart;
  const strict =
    ph.def.strict ||
    (ph.single && (ph.def.field === 'other' || ph.def.field === 'contact' || ph.def.field === 'phone_list'));
  if (strict) {
    if (!atStart) return false;
    // a bare word closed by a comma is a value's, not a label's ("Company," | "P.A." ending a wrapped name)
    if (ph.single && /,$/.test(last.text)) return false;
    // a record tag opening a fixed-width CSR line ("CUS  HARBOR LIGHT…", "SA   12 MAIN ST"): written
    // in capitals as the table has it, first on its line, its value after it
    if (
      kind === 'csr' &&
      start === 0 &&
      end === 1 &&
      next &&
      TAG_FIELDS.has(ph.def.field) &&
      /^[A-Z][A-Z0-9&]{1,3}$/.test(last.text) &&
      ph.def.phrases.includes(last.text) &&
      !/^box$/i.test(next.text)
    )
      return true;
    // (that tag before a figure is its caption — but not a unit's designator before its number: that is a
    // value, "Apt / suite / floor  SUITE 1825")
    if (pairStart && !UNIT_DESIGNATORS.has(bareUpper(last.text)) && next && /\d/.test(next.text)) return true;
    // "Date 03/14/2025", "ZIP 62704": a number right after a bare label word is its value; "COMPANY /
    // BUSINESS LAKEVIEW …": another wording of the field after a slash closes the caption
    return (
      colon ||
      end === toks.length ||
      (start === 0 && closedBySlashAlternative(toks, start, end)) ||
      (next !== undefined && /\d/.test(next.text) && DIGIT_VALUE_FIELDS.has(ph.def.field))
    );
  }
  if (ph.single && !atStart && !colon) return false;
  return true;
}

/**
 * On a record, a capitals tag set apart from the value before it by a clearly wider gap than the
 * segment's word space opens the next tag-value pair ("ACCT 2936319   BTN 406-446-5733   PIN 002691": a
 * text layer keeps the pairs a few spaces apart, too close for a column gap).
 */
function recordPairStart(toks: Tok[], i: number): boolean {
  const t = toks[i];
  if (!t || i === 0 || !/^[A-Z][A-Z0-9&#]{1,7}$/.test(t.text)) return false;
  const gaps = toks.slice(1).map((x, k) => x.x0 - toks[k]!.x1);
  return widerThanWordSpace(gaps[i - 1]!, usualWordSpace(gaps, t.h), t.h);
}

/**
 * The usual word space among a run's gaps: their lower quartile (a record of short pairs may have as many
 * wide gaps as word spaces), word spaces only — pieces a text layer glued together ("CTY/" "ST/" "ZIP:",
 * under 0.15 of a word's height `h`) are no gap to measure by. 0: none.
 */
export function usualWordSpace(gaps: readonly number[], h: number): number {
  const spaces = gaps.filter((g) => g >= 0.15 * h).sort((a, b) => a - b);
  return spaces[(spaces.length - 1) >> 2] ?? 0;
}

/** A gap clearly wider than the usual word space (usualWordSpace): where a record's next pair starts. */
export function widerThanWordSpace(gap: number, usual: number, h: number): boolean {
  return usual > 0 && gap >= 1.15 * usual && gap - usual >= 0.12 * h;
}

/** "COMPANY / BUSINESS …": another wording of the caption's field after a slash, with a value after it. */
function closedBySlashAlternative(toks: Tok[], start: number, end: number): boolean {
  const alt = slashAlternativeEnd(toks, start, end);
  return alt > end && alt < toks.length;
}

/** Words that may precede a label in its cell without making it part of a sentence. */
const LABEL_MODIFIERS = new Set([
  'current',
  'existing',
  'your',
  'the',
  'old',
  'name',
  'of',
  'new',
  'customer',
  'customers',
  'primary',
  'section',
  'a',
  'b',
  'c',
  'd',
  '1',
  '2',
  '3',
  '4',
  '-',
  'please',
  'enter',
  'provide',
  'list',
  'all',
]);

/**
 * Whether toks[i] opens the next caption:value pair of a strip of them set apart by gaps ("NAME ACME
 * LLC   CYCLE: 14   PIN: 7315"): one to three words of letters, the last ending with a colon, a value
 * after it, and before its first word the widest gap of those words, no narrower than the line's usual
 * word space. No vocabulary needs to list the caption — its colon and the gap before it say it is one; a
 * value's own colon never follows such a gap ("Re: order", "10:30"), and a name's last word before the
 * caption is not where the gap is ("NANCY KOWALSKI   Fax No.:").
 */
export function pairCaptionAt(toks: Tok[], i: number): boolean {
  if (i === 0) return false;
  let colonAt = -1;
  for (let j = i; j < Math.min(toks.length - 1, i + 3); j++) {
    const w = toks[j]!.text;
    if (!/^[A-Za-z][A-Za-z.'/&-]*:?$/.test(w)) return false;
    if (/[A-Za-z.]:$/.test(w)) {
      colonAt = j;
      break;
    }
  }
  if (colonAt < 0) return false;
  const gapBefore = (k: number) => toks[k]!.x0 - toks[k - 1]!.x1;
  const gaps = toks.slice(1).map((_, k) => gapBefore(k + 1));
  const usual = [...gaps].sort((a, b) => a - b)[Math.floor(gaps.length / 2)]!;
  const g = gapBefore(i);
  if (g < usual || g < 0.3 * toks[i]!.h) return false;
  // (the caption's own words are closer together than it is to the value before it; where the gaps tie —
  // a text layer that printed the pairs a few spaces apart keeps one space of them — the colon's own word)
  for (let k = Math.max(1, colonAt - 2); k <= colonAt; k++) {
    if (k === i) continue;
    if (gapBefore(k) > g || (gapBefore(k) === g && k > i) || (gapBefore(k) >= g - 0.5 && i !== colonAt)) return false;
  }
  return true;
}

/**
 * A form item's number before its caption: "3.", "2)", or a section letter with the item's digits
 * ("A1.", "B12)", "C3") — a code the form numbers its items with, never a value (a value of that
 * shape would have a caption before it, not a caption after it).
 */
const ITEM_NUMBER = /^(?:\d{1,3}[.)]|[A-Z]\d{1,2}[.):]?|\d{1,2}[A-Za-z][.)])$/;

/** A form item's number ("3.", "2)", "B12)"): see ITEM_NUMBER. */
export function itemNumber(text: string): boolean {
  return ITEM_NUMBER.test(text);
}

/**
 * toks[i] opens its cell, or only an item's ordinal stands before it ("B2 ACCOUNT IDENTIFIER", "3. Passcode",
 * "2. Location Address: 16618 Industrial Drive").
 */
export function opensCell(toks: readonly Tok[], i: number): boolean {
  return toks.slice(0, i).every((t) => ITEM_NUMBER.test(t.text));
}

export function labelStart(toks: Tok[], i: number): boolean {
  if (i === 0) return true;
  if (/[:|;/]$/.test(toks[i - 1]!.text)) return true;
  return (
    i <= 3 &&
    toks.slice(0, i).every((t) => LABEL_MODIFIERS.has(t.key) || /^[-–:|.)(]+$/.test(t.text) || ITEM_NUMBER.test(t.text))
  );
}

/** Reading-order comparison of two lines. */
export function lineOrder(a: Line, b: Line): number {
  return a.page - b.page || a.cy - b.cy;
}

export function segText(toks: Tok[]): string {
  return toks.map((t) => t.text).join(' ');
}

export function unionBox(toks: readonly { bbox: BBox }[]): BBox | null {
  if (!toks.length) return null;
  return [
    Math.min(...toks.map((t) => t.bbox[0])),
    Math.min(...toks.map((t) => t.bbox[1])),
    Math.max(...toks.map((t) => t.bbox[2])),
    Math.max(...toks.map((t) => t.bbox[3])),
  ];
}

/**
 * The segments starting at `seg`'s left edge on the lines above `line`, nearest first: one column of a
 * block, ending at a page break, a gap of more than ~1.6 lines, or a line of another column in between.
 * The caller stops early by leaving the loop; each segment it keeps counts towards `limit`.
 */
export function* segsAboveInColumn(doc: DocLayout, line: Line, seg: Seg, limit: number): Generator<Seg> {
  let prev = line;
  let taken = 0;
  for (let i = line.id - 1; i >= 0 && taken < limit; i--) {
    const l = doc.lines[i]!;
    if (l.page !== line.page || prev.top - l.bottom > Math.max(1.6 * l.h, 6)) return;
    const s = l.segs.find((x) => Math.abs(x.x0 - seg.x0) <= Math.max(4, 0.8 * l.h));
    if (!s) {
      // a line of another column between two lines of the block
      if (l.segs.some((x) => x.x0 < seg.x1 && x.x1 > seg.x0 - 4)) return;
      continue;
    }
    yield s;
    taken++;
    prev = l;
  }
}
