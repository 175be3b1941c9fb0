/**
 * Scalar fields (names, BTN, account number): one checked value against the reference, its doubts
 * weighed; the name rules.
 */
import {
  COMPARED_FIELD_LABEL,
  type ComparedField,
  type FieldComparison,
  type ReviewCheck,
  type Verdict,
  worstVerdict,
} from '../../../shared/domain/comparison.js';
import { type RejectionCode } from '../../../shared/domain/rejection-codes.js';
import { normalizeAccountNumber } from '../../../shared/normalize/account.js';
import { ocrSlips } from '../../../shared/normalize/ocr-confusions.js';
import {
  LEGAL_FORM_WORDS,
  type NameComparison,
  compareEntityNames,
  normalizeBusinessName,
  opensWithLegalForm,
} from '../../../shared/normalize/names.js';
import { type Found, digitsOfToks, moreNameWordsThan, ocrKey } from './evidence.js';
import { captionReadInto, gluedOnto, roleReadOnto } from './plausible.js';
import { BUSINESS_SUFFIXES, looksLikeLabelText } from '../extract/labels.js';
import { editDistance } from '../extract/text.js';
import { AMBIGUOUS_LABEL_CAP } from '../extract/fields.js';
import {
  Collector,
  type DocSrc,
  SOURCE_LABEL,
  type Src,
  type Val,
  candidate,
  ev,
  evidenceOf,
  sayOnce,
  toE164,
} from './run.js';
import { type Finder, wordCount } from './finder.js';

/** A word that can go on a business's name: capitalised, a number or initials, or a joining word ("&", "of"). */
const NAME_WORD = /^(?:[A-Z0-9][A-Za-z0-9'’.-]*[A-Za-z][A-Za-z'’.-]*|[A-Z]|&|\+|and|of|the|de|del|la|y)$/;
/** Marks that end a legal name and start another ("d/b/a", "aka", "t/a"). */
const ANOTHER_NAME = /^(?:d\/?b\/?a|d\.b\.a\.?|aka|a\/k\/a|t\/a)$/i;

/**
 * A business's name words standing whole in their cell: nothing, a caption ("Customer:"), or a word no
 * name goes on with before them; after them nothing, punctuation ending the name, the legal form (theirs
 * or next), a caption, a d/b/a, or a word no name carries (a phone, a lower-case note) — not a run of words inside a longer name
 * ("Mesa Verde Bakery & Cafe" of "Mesa Verde Bakery & Cafe Tucson LLC", "Old Mesa Verde Bakery LLC").
 */
export function wholeBusinessName(
  before: readonly string[],
  words: readonly string[],
  after: readonly string[],
): boolean {
  const prev = before.at(-1);
  const opens = !prev || /[:;,(\[|]$/.test(prev) || /^[(\[]/.test(words[0] ?? '') || !NAME_WORD.test(prev);
  const next = after[0];
  const ends =
    !next ||
    /[,;:)\]|]$/.test(words.at(-1) ?? '') ||
    // a legal form closes the name ("Acme Plumbing LLC Contact Maria Lopez"); a caption opens another value
    opensWithLegalForm(words.slice(-1)) ||
    /:$/.test(next) ||
    /^[(\[|]/.test(next) ||
    ANOTHER_NAME.test(next) ||
    opensWithLegalForm(after) ||
    !NAME_WORD.test(next.replace(/[,;:.]+$/, ''));
  return opens && ends;
}

/** How to find a scalar field's value on a document: names by the name rules, numbers by their digits. */
export function scalarLocator(
  find: Finder,
  field: ComparedField,
  compare: ScalarSpec['compare'],
  anywhere = false,
  /** a business's name only as a whole name under its label (see ScalarSpec.writtenWhole) */
  whole = false,
): ScalarSpec['locate'] {
  const search: Finder['scalar'] = anywhere
    ? (_f, on, accept, maxWords) => find.anywhere(on, accept, maxWords)
    : find.scalar;
  return (value, on, reading) => {
    if (!find.known(on)) return null;
    if (anywhere && (field === 'account_name' || field === 'authorized_person')) {
      // only ever a reason for doubt: most of the name's words on one line will do
      const words = value
        .split(/[^A-Za-z0-9]+/)
        .filter((w) => w.length >= 3)
        .map(ocrKey);
      if (!words.length) return null;
      return find.anywhere(
        on,
        (text) => {
          const k = ocrKey(text);
          return words.filter((w) => k.includes(w)).length >= Math.ceil(words.length * 0.66);
        },
        wordCount(value) + 4,
        true,
      );
    }
    if (field === 'btn') {
      const want = value.replace(/\D/g, '').replace(/^1(?=\d{10}$)/, '');
      if (want.length !== 10) return null;
      return search(field, on, (_t, toks) => digitsOfToks(toks).replace(/^1(?=\d{10}$)/, '') === want, 4);
    }
    if (field === 'account_number') {
      const want = normalizeAccountNumber(value);
      if (!want) return null;
      const digitsOnly = /^\d+$/.test(want);
      return search(
        field,
        on,
        (text, toks) => normalizeAccountNumber(text) === want || (digitsOnly && digitsOfToks(toks) === want),
        5,
        // (the start of a longer number the document's reader took whole is not the value written again)
        reading === undefined ? undefined : { reading },
      );
    }
    // OCR splits and glues words: the same letters in the same order count as written (business suffixes by the name rules)
    const letters = ocrKey(value);
    const nameKey = (t: string) => ocrKey(field === 'account_name' ? normalizeBusinessName(t).key : t);
    const valueKey = nameKey(value);
    // the name rules are the cost: only text holding the value's longest word is worth comparing
    const longest = ocrKey(value.split(/[^A-Za-z0-9]+/).reduce((a, b) => (b.length > a.length ? b : a), ''));
    return search(
      field,
      on,
      (text) => {
        const k = ocrKey(text);
        if (longest.length >= 3 && !k.includes(longest)) return false;
        return (
          k === letters ||
          (valueKey.length >= 4 && nameKey(text) === valueKey) ||
          compare(text, value).verdict !== 'mismatch'
        );
      },
      wordCount(value) + 4,
      {
        ...(reading === undefined ? {} : { reading }),
        wrapped: true,
        ...(whole && field === 'account_name' ? { bounded: wholeBusinessName } : {}),
      },
    );
  };
}

// ---------------------------------------------------------------------------------------------
// Scalar fields: names, BTN, account number

export interface ScalarSpec {
  field: ComparedField;
  vals: Partial<Record<Src, Val<string> | null>>;
  /** sources that are present (document given / case given), so an absent value is "missing" */
  present: Set<Src>;
  compare: (
    reference: string,
    candidate: string,
  ) => { verdict: 'match' | 'equivalent' | 'mismatch'; reason: string; proposed?: string };
  normalize: (s: string) => string;
  /** code when a checked source is missing or mismatched */
  code: RejectionCode;
  /** code (warning) for "equivalent" — names only */
  equivalentRiskCode?: RejectionCode;
  noun: string;
  /** sources that must carry the field when present */
  requiredOn: Src[];
  /**
   * how sure a rejection is when the LOA lacks the value: the entity, signer and address must be on
   * the LOA ("blocker"); BTN and account number travel on the order itself ("warning").
   */
  missingLevel: 'blocker' | 'warning';
  /**
   * where a value of this field is written on a document, under the field's label (guided
   * verification); `reading`, that document's own reading of the field: a part of it is not the value
   */
  locate: (value: string, on: DocSrc, reading?: string) => Found | null;
  /** whether the document has this field's label at all */
  labelled: (on: DocSrc) => boolean;
  /** the value anywhere on the document: only ever a reason for doubt, never a match */
  locateAnywhere: (value: string, on: DocSrc) => Found | null;
  /**
   * the value written anywhere on the document, OCR's damage allowed (null for fields where that
   * proves nothing, as a BTN that is also a listed number): found, a differing reading of that
   * document may come from the wrong block; nowhere, the document does not say it
   */
  written: (value: string, on: DocSrc) => Found | null;
  /**
   * where a document writes the value as a whole name (under its label, else anywhere): never some words
   * of a longer name ("Prairie Wind Brewing" of "Prairie Wind Brewing Supply LLC"). What settles another
   * document's reading as the value, where `written` (looser) only raises or keeps a doubt. Names only.
   */
  writtenWhole?: (value: string, on: DocSrc, reading?: string) => Found | null;
  /** `locate` for a name written whole under the field's label only (see writtenWhole) */
  locateWhole?: ScalarSpec['locate'];
  /**
   * whether a carrier document writes its reading word for word more than once (absent: never): OCR
   * read the same characters each time, so the reading is what the document says, if not under its label
   */
  repeated?: (value: string, on: DocSrc) => boolean;
  /** why a reading cannot be a value of this field (label text, a carrier's name…), or null */
  implausible: (value: string) => string | null;
  /**
   * why a reading is the user's own company (the gaining carrier the settings name) and so no customer's
   * value, however surely read, or null (absent: never); `implausible` says it too
   */
  ownCompany?: (value: string) => string | null;
  /** why a reading, where it stands on its document, is not the field's value (a roster row's role), or null */
  misplaced?: (v: Val<string>) => string | null;
  /** whether the document's words are known (guided verification possible) */
  pagesKnown: (on: Src) => boolean;
  /** whether the document's words were read by OCR (absent: never) */
  ocr?: (on: Src) => boolean;
  sure: (on: Src, conf: number) => boolean;
  /** the field's value under a carrier document's own label, when its reader found none (or null) */
  unread: (on: DocSrc) => Val<string> | null;
  /**
   * whether the words in front of a reading on its line, glued into its first word, or the heading
   * right above it name the field (absent: never): a record print's nested tag ("<AuthorizedUser>"
   * over "<FullName>Aisha Johnson</FullName>") labels the reading though no listed label stands there
   */
  labelledAt?: (on: DocSrc, at: Val<string>) => boolean;
  /**
   * the carrier's value is written on the LOA only where the LOA's own lists hold it (a BTN among the
   * numbers to port), while the LOA's reading is written elsewhere as well: the carrier's value being on
   * the LOA then says nothing about where the reading came from (absent: never)
   */
  onlyListedOnLoa?: (carrier: string, reading: string) => boolean;
  /**
   * the LOA's reading is only the first of the numbers the LOA lists, a number the carrier's documents list
   * on the account, and the LOA writes it no more often than its lists hold it — no caption anywhere on the
   * LOA gives it (absent: never)
   */
  onlyFirstListedOnLoa?: (reading: string) => boolean;
  /**
   * why the invoice agreeing with the CSR proves nothing about the field (absent: it does), or null: two
   * unsure readings taken from no label of the field may be one number both documents print elsewhere
   */
  agreementDoubt?: (ref: Val<string>, invoice: Val<string>, checked: Val<string>) => string | null;
  /**
   * where a document writes, beginning with its unsure reading `part`, a value the name rules hold
   * equal to `whole` (absent: never): the reading was cut short ("Palmetto Tire" of the sentence's
   * "Palmetto Tire and Wheel Incorporated"), and the document's complete words settle it
   */
  completed?: (part: Val<string>, whole: string) => Found | null;
}

/** How one checked value (LOA or case) stands against the reference once its doubts are weighed. */
interface Settled {
  verdict: 'match' | 'equivalent' | 'mismatch' | 'check';
  reason: string;
  proposed?: string | undefined;
  /** replaces the reader's value: what guided verification found on that document */
  foundOn?: { src: Src; found: Found };
  /** why a difference could not be asserted */
  doubts: string[];
}

/**
 * Where the LOA writes a value (the carrier's, when a low-confidence LOA reading is weighed): names and
 * account numbers as written, OCR's damage allowed; other fields under their labels or anywhere.
 */
function writtenOnLoa(s: ScalarSpec, value: string, own: unknown): Found | null {
  if (s.field !== 'account_name' && s.field !== 'authorized_person' && s.field !== 'account_number')
    return s.locateAnywhere(value, 'loa');
  const found = s.written(value, 'loa');
  // (a business's name words found only as the start of the LOA's own name — a letterhead's "Timberline
  // Chiropractic" over "Timberline Chiropractic Works Co." — are the LOA's name as much as the carrier's)
  const ownStart =
    s.field === 'account_name' &&
    !!found &&
    ocrKey(found.text).length < ocrKey(value).length &&
    ocrKey(String(own)).startsWith(ocrKey(found.text));
  return ownStart ? null : found;
}

/**
 * Whether the CSR's reading is backed by the invoice (read apart, the same value, not the checked one) and
 * stands under the CSR's own label as well: finding the checked value in that label's region then settles
 * nothing — the region holds both, and two documents say which is the field's.
 */
function regionGivesBackedReading(
  s: ScalarSpec,
  ref: Val<string>,
  v: Val<string>,
  invoice: Val<string> | null,
): boolean {
  if (!invoice || ref.src !== 'csr' || s.compare(ref.value, invoice.value).verdict === 'mismatch') return false;
  if (s.compare(v.value, invoice.value).verdict !== 'mismatch') return false;
  return !!s.locate(ref.value, 'csr');
}

/**
 * A checked value that seems to differ from the reference: guided verification first (is the
 * checked value written under the reference's label? is the reference's value under the LOA's?),
 * then the doubts that keep a difference from being asserted.
 */
function settleDifference(
  s: ScalarSpec,
  ref: Val<string>,
  v: Val<string>,
  invoice: Val<string> | null,
  first: { verdict: 'mismatch'; reason: string; proposed?: string },
): Settled {
  const label = COMPARED_FIELD_LABEL[s.field];
  // a reading a person entered or confirmed (confidence 1) is that document's value: its words do not overrule it
  // — nor do they when the label's region gives the reading too and the invoice, read apart, says the same:
  // a label whose line runs on into another column's list ("Main # (BTN) 616-555-0131  616-203-8380
  // Business Line") holds the checked value only as its neighbour's
  if (ref.src !== 'case' && ref.conf < 1 && !regionGivesBackedReading(s, ref, v, invoice)) {
    // (a name only as a whole name there: some words of a longer one settle nothing)
    const onRef = (s.locateWhole ?? s.locate)(v.value, ref.src as DocSrc, ref.picked ? undefined : ref.value);
    if (onRef) {
      const r = sameLettersAllowed(s.compare(onRef.text, v.value), onRef.text, v.value);
      if (r.verdict !== 'mismatch') {
        return {
          verdict: r.verdict,
          reason:
            `The ${SOURCE_LABEL[ref.src]} shows "${onRef.text}" under its ${label} label (first read as "${ref.value}"). ${r.verdict === 'equivalent' ? r.reason : ''}`.trim(),
          proposed: r.proposed ?? onRef.text,
          foundOn: { src: ref.src, found: onRef },
          doubts: [],
        };
      }
    }
  }
  if (v.src === 'loa' && v.conf < 1) {
    const onLoa = s.locate(ref.value, 'loa', v.value);
    if (onLoa) {
      const r = sameLettersAllowed(s.compare(ref.value, onLoa.text), ref.value, onLoa.text);
      if (r.verdict !== 'mismatch') {
        return {
          verdict: r.verdict,
          reason:
            `The LOA shows "${onLoa.text}" under its ${label} label (first read as "${v.value}"). ${r.verdict === 'equivalent' ? r.reason : ''}`.trim(),
          proposed: r.proposed ?? ref.value,
          foundOn: { src: 'loa', found: onLoa },
          doubts: [],
        };
      }
    }
  }
  const doubts: string[] = [];
  const invoiceBacksRef = !!invoice && ref.src === 'csr' && s.compare(ref.value, invoice.value).verdict !== 'mismatch';
  // once a person confirmed the CSR's reading, the CSR is the carrier's record: an invoice agreeing with the LOA is a note
  const invoiceBacksCandidate =
    !!invoice &&
    ref.src === 'csr' &&
    ref.conf < 1 &&
    !invoiceBacksRef &&
    s.compare(invoice.value, v.value).verdict !== 'mismatch';
  if (invoiceBacksCandidate)
    doubts.push(`the invoice shows "${invoice!.value}" like the ${SOURCE_LABEL[v.src]}, the CSR "${ref.value}"`);
  const agreement = invoiceBacksRef ? s.agreementDoubt?.(ref, invoice!, v) : null;
  if (agreement) doubts.push(agreement);
  // doubts about how surely the reference was read: a strong contrary reading may outweigh them
  const refDoubts: string[] = [];
  let refUnderLabel = false;
  if (!invoiceBacksRef && ref.conf < 1 && ref.src !== 'case') {
    // the reference's own value written under its label is what "read with confidence" means here
    const labelled = s.labelled(ref.src as DocSrc);
    // (a document where no label of the field is recognised: the reader's own label, an unlisted wording)
    refUnderLabel = labelled
      ? !!s.locate(ref.value, ref.src as DocSrc) || !!s.labelledAt?.(ref.src as DocSrc, ref)
      : !!ref.byLabel;
    // found under its label, a reading barely sure of its words is still a doubt (another value may share the region)
    // …unless no misread explains the difference: under its label, another number is another number. Only
    // the reader's word that a label stands there (the review finds none of the field's labels on the document:
    // a caption parted over two lines on a scan), a reading it was itself unsure of may be a neighbour's number
    const underLabelSeen = refUnderLabel && (labelled || ref.conf >= CONTRARY_MIN);
    if (labelled && !refUnderLabel)
      refDoubts.push(
        `"${ref.value}" is not under the ${SOURCE_LABEL[ref.src]}'s ${label} label (it may come from another block)`,
      );
    else if (
      (!refUnderLabel || ref.conf < CONTRARY_MIN) &&
      !s.sure(ref.src, ref.conf) &&
      !(underLabelSeen && noMisreadOf(s.field, ref.value, v.value))
    )
      refDoubts.push(
        guessedWithoutLabel(s, ref)
          ? `the ${SOURCE_LABEL[ref.src]} names no ${label}: "${ref.value}" is a number it lists, taken for it as a guess`
          : `the ${SOURCE_LABEL[ref.src]}'s ${s.noun} was read with low confidence (${Math.round(ref.conf * 100)}%)`,
      );
  }
  doubts.push(...readingDoubts(s, ref, v));
  const loaSettled = loaReadingSettled(s, ref, v);
  if (!s.sure(v.src, v.conf) && !loaSettled)
    doubts.push(
      guessedWithoutLabel(s, v)
        ? `the ${SOURCE_LABEL[v.src]} names no ${label}: "${v.value}" is a number it lists, taken for it as a guess, and "${ref.value}" appears on it too`
        : layoutGuess(s, v)
          ? `the ${SOURCE_LABEL[v.src]}'s ${label} label gives no number its reader could take: "${v.value}" is a number it lists, taken for it as a guess`
          : `the ${SOURCE_LABEL[v.src]}'s ${s.noun} was read with low confidence (${Math.round(v.conf * 100)}%) and "${ref.value}" appears elsewhere on it`,
    );
  // the checked value nowhere on the carrier's documents, their own reading a plausible one: whichever
  // block the reader took it from and however unsure it was, the carrier does not show the LOA's value
  const contrary =
    refDoubts.length > 0 &&
    !doubts.length &&
    (refUnderLabel || ref.conf >= CONTRARY_MIN || repeatedUnderLabel(s, ref)) &&
    nowhereOnCarrier(s, ref, v.value);
  if (refDoubts.length && !contrary) doubts.push(...refDoubts);
  if (doubts.length)
    return {
      verdict: 'check',
      reason: `Could not be confirmed — look at both: ${doubts.join('; ')}.`,
      proposed: first.proposed ?? ref.value,
      doubts,
    };
  const note = contrary
    ? ` ${SOURCE_LABEL[v.src]}'s "${v.value}" is written nowhere on the carrier's documents, so the difference stands although the ${SOURCE_LABEL[ref.src]} was not read with certainty.`
    : '';
  return { verdict: 'mismatch', reason: first.reason + note, proposed: first.proposed ?? ref.value, doubts };
}

/**
 * An unsure LOA reading that is only some of the carrier's words, where the LOA writes — from its
 * reading on — a name the name rules hold equal to the carrier's: the reader cut it short (a sentence's
 * "and", a wrapped cell), and the LOA's complete words are what it states. null otherwise: a different
 * name on the LOA ("Palmetto Tire Outlet") is not completed into the carrier's.
 */
function completedOnLoa(s: ScalarSpec, ref: Val<string>, v: Val<string>): Settled | null {
  if (v.src !== 'loa' || v.conf >= 1 || !s.completed || s.sure('loa', v.conf) || !someWordsOf(v.value, ref.value))
    return null;
  const whole = s.completed(v, ref.value);
  if (!whole) return null;
  const r = s.compare(ref.value, whole.text);
  if (r.verdict === 'mismatch') return null;
  return {
    verdict: r.verdict,
    reason:
      `The LOA writes "${whole.text}" where "${v.value}" was read (its reader cut the name short). ${r.verdict === 'equivalent' ? r.reason : ''}`.trim(),
    proposed: r.proposed ?? ref.value,
    foundOn: { src: 'loa', found: whole },
    doubts: [],
  };
}

/**
 * A BTN reading no label gave, on a document where no BTN label is recognised: the extractor's guess from
 * the numbers it lists (the first of them, the main line on most bills). The specialist is told it is a
 * guess — a number the document never calls its BTN — rather than a reading of some confidence.
 */
function guessedWithoutLabel(s: ScalarSpec, v: Val<string>): boolean {
  return s.field === 'btn' && v.src !== 'case' && v.found?.source === 'layout' && !s.labelled(v.src as DocSrc);
}

/**
 * A guess (guessedWithoutLabel) at the confidence the extractor gives its first-number pick (0.3 at most):
 * that document names no value under a label the review knows. A layout reading surer than that was read
 * for where it stands on its page, and stays a reading a person weighs.
 */
function plainGuess(s: ScalarSpec, v: Val<string>): boolean {
  return guessedWithoutLabel(s, v) && layoutGuess(s, v);
}

/**
 * A BTN reading at the confidence of the extractor's first-number pick (below CONTRARY_MIN), taken for where
 * a number stands and not from any caption, whether or not the document prints a BTN label: a label standing
 * empty ("Billing telephone number (BTN)" over a blank box) or one the reader could not tie to its number
 * leaves that pick a guess all the same.
 */
function layoutGuess(s: ScalarSpec, v: Val<string>): boolean {
  return s.field === 'btn' && v.src !== 'case' && v.found?.source === 'layout' && v.conf < CONTRARY_MIN;
}

/**
 * A low-confidence LOA read settled by its words: the carrier's value is not under the LOA's label …or, on
 * an LOA without the label (a letter), the carrier's value is nowhere on it.
 */
function loaReadingSettled(s: ScalarSpec, ref: Val<string>, v: Val<string>): boolean {
  if (v.src !== 'loa' || !s.pagesKnown('loa')) return false;
  const onLoa = (value: string) => writtenOnLoa(s, value, v.value);
  // (an LOA with no BTN label states no BTN: its reading is the extractor's first-number guess, and the
  // carrier's BTN missing from it proves nothing — a partial port need not list the BTN)
  // …nor does it when the LOA's reading is only its reader's guess (layoutGuess), though the LOA prints a BTN
  // label: that label stood empty or gave the reader nothing, so the LOA states no BTN that differs — and a
  // guess written in a sentence is no BTN the sentence states (a desk's "… our porting team at 844 …")
  const guessed = layoutGuess(s, v);
  const absenceSettles = (s.field !== 'btn' || s.labelled('loa')) && !guessed;
  // (the label settles it only when the LOA's own reading stands under it, or the carrier's value is nowhere
  // on the LOA: a guess taken elsewhere — the first number of a numbers table for the BTN — while the LOA
  // writes the carrier's value, perhaps under a wording nobody listed, is a look, not a rejection)
  return (
    (!onLoa(ref.value) && absenceSettles) ||
    (s.labelled('loa') && !!s.locate(v.value, 'loa')) ||
    (!guessed && !!s.onlyListedOnLoa?.(ref.value, v.value)) ||
    btnReadUnderCaption(s.field, v, ref)
  );
}

/**
 * An LOA's BTN its reader read under a BTN caption its vocabulary knows, surer than a caption whose region
 * held a second number of the field's grammar leaves it (AMBIGUOUS_LABEL_CAP), differing from the carrier's
 * in a way no OCR misread explains: that caption, not a number elsewhere on the LOA (the carrier's BTN among
 * the numbers to port), gave the reading. The reader saw caption and number together; the review's index of
 * a scanned LOA may miss the caption where the scan's lines drift apart.
 */
function btnReadUnderCaption(field: ComparedField, v: Val<string>, ref: Val<string>): boolean {
  return (
    field === 'btn' &&
    v.found?.source === 'label' &&
    v.conf > AMBIGUOUS_LABEL_CAP &&
    noMisreadOf(field, ref.value, v.value)
  );
}

/**
 * Whether two readings of a number field (BTN, account number) differ in a way no OCR misread explains: in
 * a digit OCR does not confuse with the other's (ocrSlips), not by a piece cut off (one's digits inside the
 * other's: a reading cut short, or a sub-account run on). A low confidence then doubts nothing: the scan's
 * letters may be faint, but faint letters do not turn 555-0127 into 973-6276.
 */
export function noMisreadOf(field: ComparedField, a: string, b: string): boolean {
  if (field !== 'btn' && field !== 'account_number') return false;
  const key = (x: string) =>
    field === 'btn' ? x.replace(/\D/g, '').replace(/^1(?=\d{10}$)/, '') : normalizeAccountNumber(x);
  const [ka, kb] = [key(a), key(b)];
  if (!ka || !kb || ka.includes(kb) || kb.includes(ka)) return false;
  return !ocrSlips(ka, kb).explained;
}

/**
 * The lowest confidence at which a carrier document's reading, not found under its label, may still
 * assert a difference once the checked value is written nowhere on the carrier's documents: below
 * it the words themselves are barely letters.
 */
export const CONTRARY_MIN = 0.6;

/**
 * A reading its reader took under a label of the field (its own wording table's) that the document
 * repeats word for word: what the document says there, however unsure OCR was of each copy.
 */
function repeatedUnderLabel(s: ScalarSpec, ref: Val<string>): boolean {
  return ref.src !== 'case' && !!ref.byLabel && !!s.repeated?.(ref.value, ref.src);
}

/** The checked value is written nowhere on the reference document, nor on the invoice when the CSR is the reference. */
function nowhereOnCarrier(s: ScalarSpec, ref: Val<string>, value: string): boolean {
  if (ref.src === 'case' || !s.pagesKnown(ref.src)) return false;
  if (s.written(value, ref.src) || s.implausible(ref.value)) return false;
  // written(…) is null for fields where presence proves nothing: those never count as "nowhere"
  if (s.field !== 'account_name' && s.field !== 'authorized_person' && s.field !== 'account_number') return false;
  return !(ref.src === 'csr' && s.pagesKnown('invoice') && s.written(value, 'invoice'));
}

/**
 * Doubts about the readings themselves, whatever their confidence: a name too short or not a name at
 * all (label text, a carrier, a code line), one reading being the other with a tag glued on, or the
 * checked value written elsewhere on the reference document (its reader may have taken another block).
 */
function readingDoubts(s: ScalarSpec, ref: Val<string>, v: Val<string>): string[] {
  const doubts: string[] = [];
  const isName = s.field === 'account_name' || s.field === 'authorized_person';
  // two or three letters are a label's fragment ("Pin", "Name"), not a name
  if (isName && v.src !== 'case' && v.conf < 1 && v.value.replace(/[^A-Za-z]/g, '').length < 4)
    doubts.push(`"${v.value}" on the ${SOURCE_LABEL[v.src]} is too short to be a name (a label read as the value?)`);
  for (const side of [ref, v]) {
    if (side.src === 'case') continue;
    // (the user's own company read as the name is no customer's, however surely read)
    const problem =
      side.conf >= 1
        ? (s.ownCompany?.(side.value) ?? null)
        : (s.implausible(side.value) ?? s.misplaced?.(side) ?? null);
    if (problem) doubts.push(`on the ${SOURCE_LABEL[side.src]}, ${problem}`);
  }
  // an unsure reading that is only some of the other's words: cut short by its reader (a name wrapped in its cell?)
  for (const [part, whole] of isName ? [[v, ref] as const, [ref, v] as const] : []) {
    if (part.src !== 'case' && part.conf < 1 && !s.sure(part.src, part.conf) && someWordsOf(part.value, whole.value))
      doubts.push(
        `"${part.value}" on the ${SOURCE_LABEL[part.src]} is only some of the words of "${whole.value}" (the rest wrapped or cut off when read?)`,
      );
  }
  // (a business's name words, its legal form aside, with a label's word glued to one of them:
  // "COMPANYHarvest Moon Animal Clinic Co." for "Harvest Moon Animal Clinic Company" — not a word of its
  // own, as "Lakeview Dental Group LLC" is another name than "Lakeview Dental LLC")
  if (
    isName &&
    (gluedOnto(ref.value, v.value) ||
      gluedOnto(v.value, ref.value) ||
      (s.field === 'account_name' && (labelGluedOn(ref.value, v.value) || labelGluedOn(v.value, ref.value))))
  )
    doubts.push(
      `"${ref.value}" and "${v.value}" are the same letters with a few more glued on (a tag or label read into the value?)`,
    );
  for (const [long, short] of isName ? [[ref, v] as const, [v, ref] as const] : []) {
    if (long.src === 'case' || long.conf >= 1) continue;
    const caption = captionReadInto(long.value, short.value);
    if (caption)
      doubts.push(
        `"${long.value}" on the ${SOURCE_LABEL[long.src]} is "${short.value}" with "${caption}" inside it (a caption beside the name read into it?)`,
      );
    const role = s.field === 'authorized_person' ? roleReadOnto(long.value, short.value) : null;
    if (role)
      doubts.push(
        `"${long.value}" on the ${SOURCE_LABEL[long.src]} is "${short.value}" with "${role}" read onto it (a role or caption beside the name?)`,
      );
  }
  // (a scan's account number one character short of the other's, the rest alike: OCR drops a character
  // more often than a record or a customer leaves one off)
  for (const [short, long] of s.field === 'account_number' ? [[v, ref] as const, [ref, v] as const] : [])
    if (short.src !== 'case' && short.conf < 1 && s.ocr?.(short.src) && oneDropped(short.value, long.value))
      doubts.push(
        `"${short.value}" on the scanned ${SOURCE_LABEL[short.src]} is "${long.value}" less one character (dropped by the scan?)`,
      );
  if (ref.src !== 'case' && ref.conf < 1) {
    // (a name inside a longer one there is that longer name, no other block holding this one)
    const elsewhere = (s.writtenWhole ?? s.written)(v.value, ref.src as DocSrc);
    // found where the reading itself stands, it is no other block: the reading's own words, which go on
    // with more name words or differ by more than OCR's slips ("KAREN JOHANSSON" is not "Wei Johansson" misread)
    const insideReading =
      !!elsewhere &&
      isName &&
      (moreNameWordsThan(ref.value, v.value, ref.src as DocSrc) || !ocrSlip(ref.value, v.value)) &&
      sameSpot(elsewhere, s.written(ref.value, ref.src as DocSrc));
    if (elsewhere && !insideReading && sidesOnForm(s.field, ref.value, v.value, elsewhere.text))
      doubts.push(
        `the ${SOURCE_LABEL[ref.src]} also shows "${elsewhere.text}" (page ${elsewhere.page}), like the ${SOURCE_LABEL[v.src]}: its ${s.noun} may have been read from another block`,
      );
  }
  return doubts;
}

/**
 * Whether a name found elsewhere on the reference document may be the checked reading's (`mine`) where the
 * two readings differ only in legal form ("… LLC" / "… Inc."): only if it writes that form. One with the
 * reference's form, or none, says nothing for another block: the carrier's name as read, a one-form
 * difference the carrier rejects.
 */
function sidesOnForm(field: ScalarSpec['field'], reference: string, mine: string, found: string): boolean {
  if (field !== 'account_name') return true;
  const [r, m] = [normalizeBusinessName(reference), normalizeBusinessName(mine)];
  const forms = (n: typeof r) => n.suffixes.join(' ');
  if (r.key !== m.key || forms(r) === forms(m)) return true;
  return forms(normalizeBusinessName(found)) === forms(m);
}

/** Two account numbers, the first the second with one of its characters left out (separators aside). */
function oneDropped(short: string, long: string): boolean {
  const [a, b] = [normalizeAccountNumber(short), normalizeAccountNumber(long)];
  if (a.length < 4 || b.length !== a.length + 1) return false;
  for (let i = 0; i < b.length; i++) if (b.slice(0, i) + b.slice(i + 1) === a) return true;
  return false;
}

/** A business name that is the other's name words with a few letters glued onto one of its words. */
function labelGluedOn(long: string, short: string): boolean {
  const [a, b] = [ocrKey(normalizeBusinessName(long).key), ocrKey(normalizeBusinessName(short).key)];
  if (!gluedOnto(a, b, 8)) return false;
  const extra = a.startsWith(b) ? a.slice(b.length) : a.slice(0, a.length - b.length);
  return long.split(/\s+/).some((w) => {
    const k = ocrKey(w);
    return k.length > extra.length && (k.startsWith(extra) || k.endsWith(extra));
  });
}

/** Two names that OCR's damage could turn into each other: as many characters apart as `written` allows. */
function ocrSlip(a: string, b: string): boolean {
  const [ka, kb] = [ocrKey(a), ocrKey(b)];
  const n = Math.min(ka.length, kb.length);
  const max = n >= 12 ? 2 : n >= 6 ? 1 : 0;
  return editDistance(ka, kb, max + 1) <= max;
}

/**
 * Whether `part` is a run of `whole`'s words, not all of them: the same letters once OCR's splits and
 * lookalikes are folded ("Magnolia" in "MAGN OLIA CONSTRUCTION CORPORATION").
 */
function someWordsOf(part: string, whole: string): boolean {
  const key = ocrKey(part);
  const w = whole
    .split(/[\s,]+/)
    .map(ocrKey)
    .filter(Boolean);
  if (!key) return false;
  for (let i = 0; i < w.length; i++) {
    let run = '';
    for (let j = i; j < w.length && run.length < key.length; j++) {
      run += w[j];
      if (run === key) return j - i + 1 < w.length;
    }
  }
  return false;
}

/** Two finds on the same page whose boxes overlap. */
function sameSpot(a: Found, b: Found | null): boolean {
  return (
    !!b &&
    a.page === b.page &&
    a.bbox[0] < b.bbox[2] &&
    b.bbox[0] < a.bbox[2] &&
    a.bbox[1] < b.bbox[3] &&
    b.bbox[1] < a.bbox[3]
  );
}

/**
 * Words found under the other document's label with the same letters as the value, differing only
 * in spaces, punctuation or OCR's lookalikes ("RoofingLLC"): OCR glued or split them — the same
 * value in another form, never a difference.
 */
function sameLettersAllowed(
  r: ReturnType<ScalarSpec['compare']>,
  reference: string,
  candidate: string,
): ReturnType<ScalarSpec['compare']> {
  if (r.verdict !== 'mismatch' || ocrKey(reference) !== ocrKey(candidate)) return r;
  return {
    verdict: 'equivalent',
    reason: `"${candidate}" has the same letters as "${reference}" (spacing or punctuation differ, as OCR may read them).`,
    proposed: reference,
  };
}

/** What one field's comparison gathers while each checked source is weighed against the reference. */
interface ScalarRun {
  values: FieldComparison['values'];
  normalized: FieldComparison['normalized'];
  evidence: FieldComparison['evidence'];
  verdicts: Verdict[];
  reasons: string[];
  missingOn: Src[];
  differing: Val<string>[];
  doubtful: { v: Val<string>; why: string }[];
  proposed: string | undefined;
  /** the reference as shown: replaced by what guided verification found under its label */
  refShown: Val<string>;
}

export function compareScalar(c: Collector, spec: ScalarSpec): FieldComparison {
  // a CSR whose reader found no value may still write one under its label: held against the LOA like any reading
  const unread = spec.vals.csr ? null : spec.unread('csr');
  const read = unread ? { ...spec, vals: { ...spec.vals, csr: unread } } : spec;
  const byInvoice = invoiceValueOnCsr(read);
  const byCsrOrInvoice = byInvoice ? { ...read, vals: { ...read.vals, csr: byInvoice.ref } } : read;
  const guesses = csrGuessSetAside(byCsrOrInvoice);
  const csrWeighed = guesses ? { ...byCsrOrInvoice, vals: guesses.vals } : byCsrOrInvoice;
  const loaGuess = loaGuessSetAside(csrWeighed);
  const s = loaGuess ? { ...csrWeighed, vals: loaGuess.vals } : csrWeighed;
  const { vals } = s;
  const values: FieldComparison['values'] = {};
  const normalized: FieldComparison['normalized'] = {};
  for (const src of ['loa', 'invoice', 'csr', 'case'] as Src[]) {
    const v = vals[src];
    if (v) {
      values[src] = v.value;
      normalized[src] = s.normalize(v.value);
    }
  }
  const evidence = ev(Object.values(vals));
  const ref = vals.csr ?? vals.invoice ?? null;
  if (!ref) return scalarWithoutReference(c, s, values, normalized, evidence);
  const refSrc: Src = ref.src;

  const checked: Src[] = (['loa', 'case'] as Src[]).filter((src) => s.present.has(src));
  const crossCheckInvoice = refSrc === 'csr' && !!vals.invoice;
  const invoiceOnly = checked.length === 0 && crossCheckInvoice;
  if (invoiceOnly) checked.push('invoice');

  const run: ScalarRun = {
    values,
    normalized,
    evidence,
    verdicts: [],
    reasons: [],
    missingOn: [],
    differing: [],
    doubtful: [],
    proposed: undefined,
    refShown: ref,
  };
  if (byInvoice)
    run.reasons.push(
      `The CSR's own reading ("${byInvoice.read.value}") seems to come from another block: the CSR writes the invoice's "${byInvoice.ref.value}" too, and that is what is held against it.`,
    );
  if (guesses) run.reasons.push(guesses.reason);
  if (loaGuess) run.reasons.push(loaGuess.reason);
  for (const src of checked) {
    const v = vals[src];
    if (!v) {
      if (s.requiredOn.includes(src)) scalarMissingOn(c, s, run, ref, src);
      continue;
    }
    scalarCheckValue(c, s, run, ref, v, checked.length > 1 || src !== 'loa');
  }
  reportScalarFindings(c, s, run, ref);
  if (crossCheckInvoice && !invoiceOnly && vals.invoice) noteInvoiceDisagreement(c, s, run, vals.invoice);
  if (!checked.length) {
    return c.field({
      field: s.field,
      verdict: 'info',
      values,
      normalized,
      reference: refSrc,
      evidence,
      reason: `The ${SOURCE_LABEL[refSrc]} shows "${ref.value}"; there is no LOA or case value to check against it.`,
    });
  }
  const verdict = run.verdicts.length ? worstVerdict(run.verdicts) : 'not_checked';
  return c.field({
    field: s.field,
    verdict,
    values,
    normalized,
    reference: refSrc,
    evidence,
    reason: sayOnce(run.reasons) || `No ${s.noun} on the LOA or case to check.`,
    ...(run.proposed !== undefined && verdict !== 'match' ? { proposed: run.proposed } : {}),
    ...(run.missingOn.length ? { missing_on: run.missingOn } : {}),
  });
}

/**
 * The CSR's reading set aside when it is a guess (plainGuess: no BTN label recognised on the CSR, its
 * reading the extractor's pick of the numbers it lists) of another number than the invoice's reading under
 * its own label: the invoice names the BTN, the CSR names none, and the invoice's is held against the LOA.
 * Two guesses, or a guess the invoice gives too, stay as read (a person weighs them: a CSR's BTN under a
 * caption no wording names is guessed right as often as not). null when nothing is set aside.
 */
function csrGuessSetAside(s: ScalarSpec): { vals: ScalarSpec['vals']; reason: string } | null {
  const { csr, invoice } = s.vals;
  if (!csr || !invoice || guessedWithoutLabel(s, invoice)) return null;
  // (a surer layout pick is set aside too when the review finds the invoice's reading under its own label:
  // a number the carrier calls its BTN outweighs one the CSR never calls so)
  const invoiceUnderLabel = () =>
    s.labelled('invoice') ? !!s.locate(invoice.value, 'invoice') : invoice.found?.source === 'label';
  if (!plainGuess(s, csr) && !(guessedWithoutLabel(s, csr) && invoiceUnderLabel())) return null;
  if (s.compare(csr.value, invoice.value).verdict !== 'mismatch') return null;
  const label = COMPARED_FIELD_LABEL[s.field];
  return {
    vals: { ...s.vals, csr: null },
    reason: `The CSR names no ${label}: "${csr.value}" is a number it lists, taken for it as a guess; the invoice's ${label} is held against the LOA.`,
  };
}

/**
 * The LOA's reading set aside when the LOA never printed a BTN: its reading is a guess (plainGuess: no BTN
 * label recognised on the LOA) that is only the first of the numbers it lists — a line of the account the
 * carrier's documents list too, written on the LOA nowhere but in its list (onlyFirstListedOnLoa) — while
 * the carrier's documents settle their BTN (read under a caption or surely, not a guess, the other carrier
 * document naming none or the same). The LOA then lacks a BTN, the form warning to add the carrier's, and
 * states none that differs: no look for nothing. A BTN the LOA prints under a caption no wording names is
 * written there and in its list (twice), or is no line of the account: such a guess stays a look.
 */
function loaGuessSetAside(s: ScalarSpec): { vals: ScalarSpec['vals']; reason: string } | null {
  const { loa, csr, invoice } = s.vals;
  const ref = csr ?? invoice;
  if (!loa || !ref || ref.src === 'case' || !plainGuess(s, loa) || guessedWithoutLabel(s, ref)) return null;
  if (s.compare(ref.value, loa.value).verdict !== 'mismatch') return null;
  const other = ref === csr && invoice && !guessedWithoutLabel(s, invoice) ? invoice : null;
  const otherAgrees = !!other && s.compare(ref.value, other.value).verdict !== 'mismatch';
  if (other && !otherAgrees) return null;
  if (!otherAgrees && ref.conf < CONTRARY_MIN) return null;
  if (!s.onlyFirstListedOnLoa?.(loa.value)) return null;
  const label = COMPARED_FIELD_LABEL[s.field];
  return {
    vals: { ...s.vals, loa: null },
    reason: `The LOA names no ${label}: "${loa.value}" is the first of the numbers it lists, taken for it as a guess, and is not held against the ${SOURCE_LABEL[ref.src]}'s.`,
  };
}

/**
 * The CSR's value when its reader took another block: an unsure CSR reading, not under the CSR's own
 * label for the field, that disagrees with the invoice's surer, plausible reading — which the CSR writes too
 * (under that label, or for names and account numbers anywhere, OCR's slips allowed) while it does not
 * write a differing LOA value. Both carrier documents then give the invoice's value. null otherwise.
 */
function invoiceValueOnCsr(s: ScalarSpec): { ref: Val<string>; read: Val<string> } | null {
  const { csr, invoice, loa } = s.vals;
  if (!csr || !invoice || csr.conf >= 1 || !s.pagesKnown('csr')) return null;
  const isName = s.field === 'account_name' || s.field === 'authorized_person';
  // the LOA reading the invoice's value too: two documents read apart give one value, which neither cut
  // short nor misread (however unsure each reading) — the CSR's differing reading is the odd one
  const loaAgrees = !!loa && s.compare(invoice.value, loa.value).verdict !== 'mismatch';
  // the invoice's reading the surer of the two, and no mere letters ("Emergency (E9l1)address" at 37%)
  if (!loaAgrees && (invoice.conf <= csr.conf || invoice.conf < CONTRARY_MIN)) return null;
  if (s.compare(csr.value, invoice.value).verdict !== 'mismatch' || ocrKey(csr.value) === ocrKey(invoice.value))
    return null;
  // (the CSR's reading only some of the words the LOA and the invoice agree on: cut short where the name
  // wraps in its cell — under its label or not, it is that name's start or end)
  const csrCut =
    loaAgrees &&
    (isName
      ? someWordsOf(csr.value, invoice.value) || someWordsOf(csr.value, loa.value)
      : s.field === 'account_number' && numberCutShort(csr.value, invoice.value));
  // (…or that name with a label's words read on: "… Cafe LLC Status", "BILL): Novak & Brennan Co.")
  const csrRanOn = loaAgrees && isName && ranOnIntoLabel(csr.value, invoice.value);
  // a CSR read surely is what it says, but for a reading whose own shape shows the reader's cut or run-on
  if (s.sure('csr', csr.conf) && !csrCut && !csrRanOn) return null;
  if (s.implausible(invoice.value)) return null;
  // (a garbled reading, no word of the agreed name, while the CSR writes that name's words on a line: the
  // reader's pick among the CSR's words, wherever it stood, says nothing against two documents read apart)
  const garbled = loaAgrees && isName ? garbledBeside(s, csr, [invoice.value, loa!.value]) : null;
  if (garbled)
    return {
      ref: { src: 'csr', value: invoice.value, page: garbled.page, bbox: garbled.bbox, conf: csr.conf },
      read: csr,
    };
  if (!csrCut && !csrRanOn && s.labelled('csr') && s.locate(csr.value, 'csr')) return null;
  // (an invoice's name that is only some of the CSR reading's words was cut short by its own reader —
  // "Heating, Inc" of "Sun belt Plumbing & Heating, Inc": the CSR writes it inside its own reading —
  // unless the LOA gives the same words: then the CSR's reading ran on into a label, "… LLC Status:")
  if (isName && !loaAgrees && someWordsOf(invoice.value, csr.value)) return null;
  // (…and an invoice's account number that is the start of the CSR reading's, "2368 36" of "236836 988
  // 7540677": the CSR writes it inside its own reading, no other block)
  if (s.field === 'account_number' && !loaAgrees && numberCutShort(invoice.value, csr.value)) return null;
  // (a reading cut short or run on stands where the name does: its own words are where the CSR writes it)
  const ownSpot: Found | null =
    (csrCut || csrRanOn) && csr.page !== null && csr.bbox
      ? { text: csr.value, page: csr.page, bbox: csr.bbox, conf: csr.conf }
      : null;
  const found =
    (s.writtenWhole
      ? s.writtenWhole(invoice.value, 'csr', loaAgrees ? undefined : csr.value)
      : (s.locate(invoice.value, 'csr', loaAgrees ? undefined : csr.value) ?? s.written(invoice.value, 'csr'))) ??
    (loaAgrees && isName && s.implausible(csr.value) ? s.locateAnywhere(invoice.value, 'csr') : null) ??
    ownSpot;
  if (!found) return null;
  if (
    loa &&
    s.compare(invoice.value, loa.value).verdict === 'mismatch' &&
    (s.locate(loa.value, 'csr') || s.written(loa.value, 'csr'))
  )
    return null;
  return {
    ref: {
      src: 'csr',
      value: invoice.value,
      page: found.page,
      bbox: found.bbox,
      conf: Math.max(csr.conf, invoice.conf),
    },
    read: csr,
  };
}

/**
 * Where the CSR writes the name the LOA and the invoice agree on (`agreed`: their two readings), most of
 * its words on one line, OCR's splits and lookalikes folded, when the CSR's own reading is unsure (below
 * CONTRARY_MIN) and shares no word with that name: a scan's garbled caption or listing code ("LN AME
 * HLASC SHOP", "Location 1 Shop", "RESPONSE") read where the CSR's name line stands garbled beside it.
 * Such a reading is like no name the other documents give, and the CSR's own words give theirs. A CSR
 * naming another business writes none of the agreed name's words (or was read surely, or shares a word
 * with it): that stays a difference or a look. null when the reading is no such garble.
 */
function garbledBeside(s: ScalarSpec, csr: Val<string>, agreed: readonly string[]): Found | null {
  if (csr.conf >= CONTRARY_MIN || s.sure('csr', csr.conf)) return null;
  const words = (v: string) =>
    v
      .split(/[^A-Za-z0-9&]+/)
      .map(ocrKey)
      .filter((w) => w.length >= 3);
  const read = words(csr.value);
  const shares = (name: string) => {
    const key = ocrKey(name);
    return read.some((w) => key.includes(w)) || words(name).some((w) => ocrKey(csr.value).includes(w));
  };
  if (agreed.some(shares)) return null;
  for (const name of agreed) {
    const found = s.locateAnywhere(name, 'csr');
    if (found) return found;
  }
  return null;
}

/**
 * An account number read as only the first groups of another ("9517" of "9517 15 658 9466159", "739648 413"
 * of "7396 48 413 0241879"): its reader stopped where the number's spacing or its cell's edge parted it.
 */
function numberCutShort(part: string, whole: string): boolean {
  const [p, w] = [normalizeAccountNumber(part), normalizeAccountNumber(whole)];
  return p.length >= 4 && p.length < w.length && w.startsWith(p);
}

/**
 * A reading that is `name`'s words (OCR's splits and lookalikes folded) with words before or after them
 * that are a label's ("Status", "BILL):"): the reader ran on past the name into a neighbouring label.
 */
function ranOnIntoLabel(reading: string, name: string): boolean {
  const want = ocrKey(name);
  const at = ocrKey(reading).indexOf(want);
  if (!want || at < 0) return false;
  // the reading's own characters before and after the name's (a label's letters glued on count: "NMEVERGREEN")
  let seen = 0;
  let from = -1;
  let to = reading.length;
  for (let i = 0; i < reading.length; i++) {
    if (!ocrKey(reading[i]!)) continue;
    if (seen === at) from = from < 0 ? i : from;
    seen++;
    if (seen === at + want.length) {
      to = i + 1;
      break;
    }
  }
  const extra = [reading.slice(0, Math.max(0, from)), reading.slice(to)]
    .map((e) => e.replace(/[^A-Za-z\s]/g, ' ').trim())
    .filter(Boolean);
  // (never a word a business's name carries: "Acme Services" is another name than "Acme")
  return extra.length > 0 && extra.every((e) => !BUSINESS_SUFFIXES.test(e) && looksLikeLabelText(e));
}

/** Neither CSR nor invoice shows the field: only the LOA and the case can be held against each other. */
function scalarWithoutReference(
  c: Collector,
  s: ScalarSpec,
  values: FieldComparison['values'],
  normalized: FieldComparison['normalized'],
  evidence: FieldComparison['evidence'],
): FieldComparison {
  const loa = s.vals.loa;
  const kase = s.vals.case;
  if (loa && kase) {
    const r = s.compare(loa.value, kase.value);
    const verdict: Verdict = r.verdict === 'mismatch' ? 'mismatch' : 'not_checked';
    return c.field({
      field: s.field,
      verdict,
      values,
      normalized,
      reference: null,
      evidence,
      reason:
        r.verdict === 'mismatch'
          ? `No CSR or invoice shows the ${s.noun}, and the case (${kase.value}) differs from the LOA (${loa.value}). ${r.reason}`
          : `No CSR or invoice shows the ${s.noun}, so it cannot be checked against the carrier's records (LOA and case agree).`,
    });
  }
  return c.field({
    field: s.field,
    verdict: 'not_checked',
    values,
    normalized,
    reference: null,
    evidence,
    reason: `No CSR or invoice shows the ${s.noun}, so it cannot be checked against the carrier's records.`,
  });
}

/** A source that must carry the field has no reading of it: found under its label, a check, or missing. */
function scalarMissingOn(c: Collector, s: ScalarSpec, run: ScalarRun, ref: Val<string>, src: Src): void {
  const refSrc = ref.src;
  // guided verification: the carrier's value may be on the LOA, only not read
  const onLoa = src === 'loa' ? s.locate(ref.value, 'loa') : null;
  if (onLoa && s.compare(ref.value, onLoa.text).verdict !== 'mismatch') {
    const r = s.compare(ref.value, onLoa.text);
    run.values.loa = onLoa.text;
    run.normalized.loa = s.normalize(onLoa.text);
    run.evidence.loa = { page: onLoa.page, bbox: onLoa.bbox };
    run.verdicts.push(r.verdict);
    run.reasons.push(
      `The LOA shows "${onLoa.text}" under its ${COMPARED_FIELD_LABEL[s.field]} label. ${r.verdict === 'equivalent' ? r.reason : ''}`.trim(),
    );
    if (r.verdict !== 'match') run.proposed = r.proposed ?? ref.value;
    return;
  }
  run.proposed = ref.value;
  run.missingOn.push(src);
  // an LOA whose words were read but where this field's label was not found: a person must look
  // …and the carrier's value appears somewhere on it (else the LOA really lacks it: certain)
  // …or the carrier's own value was not read with confidence (nor found under its label)
  const refShaky =
    ref.src !== 'case' && ref.conf < 1 && !s.sure(ref.src, ref.conf) && !s.locate(ref.value, ref.src as DocSrc);
  if (
    src === 'loa' &&
    s.missingLevel === 'blocker' &&
    s.pagesKnown(src) &&
    (refShaky || s.locateAnywhere(ref.value, 'loa'))
  ) {
    run.verdicts.push('check');
    run.reasons.push(
      `No ${s.noun} was found on the LOA; look whether it is written somewhere (the ${SOURCE_LABEL[refSrc]} has "${ref.value}").`,
    );
    c.check(
      s.field,
      s.code,
      refShaky
        ? `No ${s.noun} was read on the LOA, and the ${SOURCE_LABEL[refSrc]}'s "${ref.value}" was read with low confidence.`
        : `No ${s.noun} was read on the LOA, but "${ref.value}" appears on it.`,
      [src],
      refSrc,
      { [refSrc]: [candidate(ref, String)] },
    );
    return;
  }
  run.verdicts.push('missing');
  run.reasons.push(`${SOURCE_LABEL[src]} gives no ${s.noun}; the ${SOURCE_LABEL[refSrc]} has "${ref.value}".`);
  c.predict(
    s.code,
    s.missingLevel,
    `The ${SOURCE_LABEL[src]} has no ${s.noun}; the carrier has "${ref.value}".`,
    evidenceOf([ref], String),
    s.field,
    [src],
  );
}

/** One checked reading against the reference, its doubts weighed (guided verification may replace either). */
function scalarCheckValue(
  c: Collector,
  s: ScalarSpec,
  run: ScalarRun,
  ref: Val<string>,
  v: Val<string>,
  namePrefix: boolean,
): void {
  const refSrc = ref.src;
  const src = v.src;
  // the same letters and digits, spaced or punctuated otherwise ("Incorporat ed"): OCR's form, not another value
  const first = sameLettersAllowed(s.compare(ref.value, v.value), ref.value, v.value);
  const r: Settled =
    first.verdict === 'mismatch'
      ? // (an LOA reading cut short that the LOA's own words complete settles before any doubt is weighed)
        (completedOnLoa(s, ref, v) ??
        settleDifference(s, ref, v, refSrc === 'csr' ? (s.vals.invoice ?? null) : null, {
          verdict: 'mismatch',
          reason: first.reason,
          ...(first.proposed !== undefined ? { proposed: first.proposed } : {}),
        }))
      : { verdict: first.verdict, reason: first.reason, proposed: first.proposed, doubts: [] };
  if (r.foundOn) {
    const { src: on, found } = r.foundOn;
    run.values[on] = found.text;
    run.normalized[on] = s.normalize(found.text);
    run.evidence[on] = { page: found.page, bbox: found.bbox };
    if (on === refSrc)
      run.refShown = { ...ref, value: found.text, page: found.page, bbox: found.bbox, conf: found.conf };
  }
  run.verdicts.push(r.verdict);
  if (r.verdict !== 'match') run.proposed = r.proposed ?? ref.value;
  const prefix = namePrefix ? `${SOURCE_LABEL[src]}: ` : '';
  run.reasons.push(prefix + r.reason);
  if (r.verdict === 'mismatch') run.differing.push(v);
  else if (r.verdict === 'check') run.doubtful.push({ v, why: r.doubts.join('; ') });
  else if (r.verdict === 'equivalent' && s.equivalentRiskCode) {
    const shown = run.refShown;
    c.predict(
      s.equivalentRiskCode,
      'warning',
      `${SOURCE_LABEL[src]} "${v.value}" differs from the ${SOURCE_LABEL[refSrc]}'s "${shown.value}" only in form; carriers compare letter for letter — use "${shown.value}".`,
      evidenceOf([shown, v], String),
      s.field,
      [src],
    );
  }
}

/** The differences found become one rejection; the doubts one check for a person. */
function reportScalarFindings(c: Collector, s: ScalarSpec, run: ScalarRun, ref: Val<string>): void {
  const refSrc = ref.src;
  const { differing, doubtful } = run;
  if (differing.length) {
    const who = differing.map((v) => `${SOURCE_LABEL[v.src]} "${v.value}"`).join(' and ');
    const detail = s.compare(ref.value, differing[0]!.value).reason;
    c.predict(
      s.code,
      'blocker',
      `${who} vs ${SOURCE_LABEL[refSrc]} "${ref.value}": ${detail}`,
      evidenceOf([ref, ...differing], String),
      s.field,
      differing.map((v) => v.src),
    );
  }
  if (doubtful.length) {
    const cands: ReviewCheck['candidates'] = { [refSrc]: [candidate(ref, String)] };
    for (const { v } of doubtful) cands[v.src] = [candidate(v, String)];
    if (refSrc === 'csr' && s.vals.invoice) cands.invoice = [candidate(s.vals.invoice, String)];
    c.check(
      s.field,
      s.code,
      `${doubtful[0]!.why[0]!.toUpperCase()}${doubtful[0]!.why.slice(1)}.`,
      doubtful.map((d) => d.v.src),
      refSrc,
      cands,
    );
  }
}

/** The invoice disagreeing with the CSR is a note (the CSR is the record), and a disagreement when both were read surely. */
function noteInvoiceDisagreement(c: Collector, s: ScalarSpec, run: ScalarRun, invoice: Val<string>): void {
  const shown = run.refShown;
  const r = s.compare(shown.value, invoice.value);
  if (r.verdict === 'mismatch' && !s.locate(shown.value, 'invoice', invoice.value)) {
    run.reasons.push(
      `Note: the invoice shows "${invoice.value}", the CSR "${shown.value}" — often a wrong account or an outdated bill; the CSR is the carrier's record.`,
    );
    if (s.sure('invoice', invoice.conf) && s.sure(shown.src, shown.conf)) c.disagreements.push(s.noun);
  }
}

/**
 * The carrier may list several authorised contacts ("JOHN SMITH; JANE DOE"): the candidate is
 * compared with each and the best result counts.
 */
export function nameCompare(fn: (a: string, b: string) => NameComparison, severalOnReference = false) {
  const rank = { match: 0, equivalent: 1, mismatch: 2 } as const;
  const one = (reference: string, candidate: string): NameComparison => {
    const r = fn(reference, candidate);
    if (r.verdict !== 'mismatch') return r;
    // OCR split a word the other name holds ("HARVEST MOO N TIRE"): the name with it joined again
    const joined = [rejoinSplit(reference, candidate), rejoinSplit(candidate, reference)] as const;
    if (joined[0] !== reference || joined[1] !== candidate) {
      const again = fn(joined[0], joined[1]);
      if (again.verdict !== 'mismatch') return { ...again, verdict: 'equivalent', proposed: reference };
    }
    // OCR glued the legal form to the word before it ("Realty GroupLtd."): the name with it set apart
    const a = legalFormApart(reference);
    const b = legalFormApart(candidate);
    const apart = a === reference && b === candidate ? r : fn(a, b);
    if (apart.verdict !== 'mismatch' || fn !== compareEntityNames) return apart;
    // OCR split words ("Copper Ke ttle R ealty, Incorporated"): the same letters, legal form by the name rules
    const lettersOf = (t: string) =>
      ocrKey(t.replace(TRAILING_LEGAL_FORM, '')) + normalizeBusinessName(t).suffixes.join('');
    return lettersOf(reference) === lettersOf(candidate) && lettersOf(reference).length >= 4
      ? {
          verdict: 'equivalent',
          reason: `"${candidate}" has the letters of "${reference}" (words split or glued, as OCR reads them); use the carrier's exact form.`,
          proposed: reference,
        }
      : apart;
  };
  return (reference: string, candidate: string): NameComparison => {
    const refs = severalOnReference ? reference.split(/\s*(?:;|\n|\s\/\s|\|)\s*/).filter((x) => x.trim()) : [reference];
    if (refs.length <= 1) return one(reference, candidate);
    const results = refs.map((r) => one(r, candidate)).sort((a, b) => rank[a.verdict] - rank[b.verdict]);
    return results[0]!;
  };
}

const GLUED_LEGAL_FORM = new RegExp(
  String.raw`([A-Za-z]{3,})(${LEGAL_FORM_WORDS.filter((f) => f.length >= 2)
    .sort((a, b) => b.length - a.length)
    .join('|')})(\.?)$`,
  'i',
);
const LEGAL_FORM_KEYS = new Set(LEGAL_FORM_WORDS.map((f) => f.toUpperCase().replace(/[^A-Z0-9&]/g, '')));

/** Two neighbouring words of `name` joined where together they are a word of `other` (or a legal form) and apart are not. */
function rejoinSplit(name: string, other: string): string {
  const words = new Set(
    other
      .toUpperCase()
      .split(/[^A-Z0-9&]+/)
      .filter(Boolean),
  );
  const toks = name.split(/\s+/);
  const out: string[] = [];
  for (let i = 0; i < toks.length; i++) {
    const a = toks[i]!;
    const b = toks[i + 1];
    const key = (t: string) => t.toUpperCase().replace(/[^A-Z0-9&]/g, '');
    const whole = key(a + b);
    if (b && (words.has(whole) || LEGAL_FORM_KEYS.has(whole)) && !(words.has(key(a)) && words.has(key(b)))) {
      out.push(a + b);
      i++;
    } else out.push(a);
  }
  return out.join(' ');
}

const TRAILING_LEGAL_FORM = new RegExp(
  String.raw`(?:[\s,]*\b(?:${LEGAL_FORM_WORDS.map((f) => f.replace(/\./g, '\\.')).join('|')})\.?)+\s*$`,
  'i',
);

/**
 * A last word that ends in a legal form glued on: set apart when the glue shows (a capital after a
 * small letter, "GroupLtd.") or the form is a long word no name ends in ("REYESCORPORATION").
 */
function legalFormApart(name: string): string {
  const m = GLUED_LEGAL_FORM.exec(name.trim());
  if (!m) return name;
  const [, head, form] = m as unknown as [string, string, string];
  const camel = /[a-z]$/.test(head) && /^[A-Z]/.test(form);
  if (!camel && form.length < 7) return name;
  return `${name.trim().slice(0, m.index + head.length)} ${name.trim().slice(m.index + head.length)}`;
}

export function compareBtn(
  reference: string,
  candidate: string,
): { verdict: 'match' | 'mismatch'; reason: string; proposed?: string } {
  const r = toE164(reference);
  const c = toE164(candidate);
  if (r && c) {
    if (r === c)
      return {
        verdict: 'match',
        reason: reference.trim() === candidate.trim() ? 'Same number.' : `Same number (${r}); only the format differs.`,
      };
    return { verdict: 'mismatch', proposed: reference.trim(), reason: `BTN ${c} differs from the carrier's ${r}.` };
  }
  const rd = reference.replace(/\D/g, '').replace(/^1(?=\d{10}$)/, '');
  const cd = candidate.replace(/\D/g, '').replace(/^1(?=\d{10}$)/, '');
  if (rd && rd === cd) return { verdict: 'match', reason: 'Same digits.' };
  return {
    verdict: 'mismatch',
    proposed: reference.trim(),
    reason: `BTN ${candidate.trim()} differs from the carrier's ${reference.trim()}${c ? '' : ' (and it is not a valid phone number)'}.`,
  };
}
