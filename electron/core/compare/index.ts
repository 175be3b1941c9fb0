/**
 * compareCase: every field of a port compared across LOA, invoice, CSR and the case, the rejections
 * the losing carrier would return, the pre-submit checklist and the reseller notice. Pure and
 * synchronous (no I/O), so the review screen can re-run it on every keystroke.
 *
 * Authority: the CSR, then the invoice, are the carrier's records ("reference"); the LOA and the
 * case data are what we check. The invoice's billing address is never used as a service address.
 *
 * Equivalent names (same words, different form) are reported as field verdict "equivalent" with the
 * CSR's exact string in `proposed`, and as a warning-level ENTITY_NAME_MISMATCH / AUTH_PERSON_MISMATCH
 * in `risks` — never in `predicted_rejections`, which holds only what the carrier would reject.
 */
import { type ExtractedFields, type ServiceAddress } from '../../../shared/domain/document.js';
import {
  type AddressPartComparison,
  COMPARED_FIELD_LABEL,
  type CarrierEntry,
  type CheckCandidate,
  type ChecklistItem,
  CompareInput,
  type ComparedField,
  type ComparisonResult,
  type FieldComparison,
  type NumbersReport,
  type PredictedRejection,
  type ResellerNotice,
  type ReviewCheck,
  type Verdict,
} from '../../../shared/domain/comparison.js';
import { labelInSentence, rejectionOf, reviewedRejection } from '../../../shared/domain/fields.js';
import { type RejectionCode } from '../../../shared/domain/rejection-codes.js';
import {
  type AddressParts,
  compareAddresses,
  formatAddress,
  isEmptyAddress,
  parseAddress,
} from '../../../shared/normalize/address.js';
import {
  checkAccountFormat,
  compareAccountNumbers,
  maskPin,
  normalizeAccountNumber,
  normalizePin,
} from '../../../shared/normalize/account.js';
import {
  LEGAL_FORM_WORDS,
  type NameComparison,
  compareEntityNames,
  comparePersonNames,
  normalizeBusinessName,
} from '../../../shared/normalize/names.js';
import { carrierInfo, preSubmitChecklist, resellerQuestion } from './carriers.js';
import { type Found, digitsOfToks, ocrKey } from './evidence.js';
import { editDistance } from '../extract/text.js';
import { checkCityStateZip, zipPlace } from '../extract/zip.js';
import {
  anotherRealCity,
  cityProblem,
  gluedOnto,
  implausibleCity,
  nameProblem,
  withoutTrailingState,
} from './plausible.js';
import {
  type CaseData,
  Collector,
  type DocSrc,
  type Docs,
  SOURCE_LABEL,
  type Src,
  type Val,
  candidate,
  caseVal,
  daysBetween,
  ev,
  evidenceOf,
  fromDoc,
  sayOnce,
  toE164,
  worst,
} from './run.js';
import { GLUE_PARTS, foundComparison, goodAddress, sameLetters, streetKey } from './address-match.js';
import { type Finder, finder, withRanges, wordCount } from './finder.js';

export { explainCode, rejectionCodes } from './rejections.js';

export { carrierInfo, carriers } from './carriers.js';
export { CERTAIN, CERTAIN_OCR, resetNumberCache, sayOnce } from './run.js';

/** How to find a scalar field's value on a document: names by the name rules, numbers by their digits. */
function scalarLocator(
  find: Finder,
  field: ComparedField,
  compare: ScalarSpec['compare'],
  anywhere = false,
): ScalarSpec['locate'] {
  const search: Finder['scalar'] = anywhere
    ? (_f, on, accept, maxWords) => find.anywhere(on, accept, maxWords)
    : find.scalar;
  return (value, on) => {
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
    );
  };
}

// ---------------------------------------------------------------------------------------------
// Scalar fields: names, BTN, account number

interface ScalarSpec {
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
  /** where a value of this field is written on a document, under the field's label (guided verification) */
  locate: (value: string, on: DocSrc) => Found | null;
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
  /** why a reading cannot be a value of this field (label text, a carrier's name…), or null */
  implausible: (value: string) => string | null;
  /** whether the document's words are known (guided verification possible) */
  pagesKnown: (on: Src) => boolean;
  sure: (on: Src, conf: number) => boolean;
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
  if (ref.src !== 'case' && ref.conf < 1) {
    const onRef = s.locate(v.value, ref.src as DocSrc);
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
    const onLoa = s.locate(ref.value, 'loa');
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
  // doubts about how surely the reference was read: a strong contrary reading may outweigh them
  const refDoubts: string[] = [];
  let refUnderLabel = false;
  if (!invoiceBacksRef && ref.conf < 1 && ref.src !== 'case') {
    // the reference's own value written under its label is what "read with confidence" means here
    const labelled = s.labelled(ref.src as DocSrc);
    refUnderLabel = labelled && !!s.locate(ref.value, ref.src as DocSrc);
    if (labelled && !refUnderLabel)
      refDoubts.push(
        `"${ref.value}" is not under the ${SOURCE_LABEL[ref.src]}'s ${label} label (it may come from another block)`,
      );
    // found under its label, a reading barely sure of its words is still a doubt (another value may share the region)
    else if ((!refUnderLabel || ref.conf < CONTRARY_MIN) && !s.sure(ref.src, ref.conf))
      refDoubts.push(
        `the ${SOURCE_LABEL[ref.src]}'s ${s.noun} was read with low confidence (${Math.round(ref.conf * 100)}%)`,
      );
  }
  doubts.push(...readingDoubts(s, ref, v));
  // a low-confidence LOA read is settled by its words: the carrier's value is not under the LOA's label
  // …or, on an LOA without the label (a letter), by the carrier's value being nowhere on it
  const onLoa = (value: string) =>
    s.field === 'account_name' || s.field === 'authorized_person' || s.field === 'account_number'
      ? s.written(value, 'loa')
      : s.locateAnywhere(value, 'loa');
  const loaSettled = v.src === 'loa' && s.pagesKnown('loa') && (s.labelled('loa') || !onLoa(ref.value));
  if (!s.sure(v.src, v.conf) && !loaSettled)
    doubts.push(
      `the ${SOURCE_LABEL[v.src]}'s ${s.noun} was read with low confidence (${Math.round(v.conf * 100)}%) and "${ref.value}" appears elsewhere on it`,
    );
  // the checked value nowhere on the carrier's documents, their own reading a plausible one: whichever
  // block the reader took it from and however unsure it was, the carrier does not show the LOA's value
  const contrary =
    refDoubts.length > 0 &&
    !doubts.length &&
    (refUnderLabel || ref.conf >= CONTRARY_MIN) &&
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
 * The lowest confidence at which a carrier document's reading, not found under its label, may still
 * assert a difference once the checked value is written nowhere on the carrier's documents: below
 * it the words themselves are barely letters.
 */
const CONTRARY_MIN = 0.6;

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
    if (side.src === 'case' || side.conf >= 1) continue;
    const problem = s.implausible(side.value);
    if (problem) doubts.push(`on the ${SOURCE_LABEL[side.src]}, ${problem}`);
  }
  if (isName && (gluedOnto(ref.value, v.value) || gluedOnto(v.value, ref.value)))
    doubts.push(
      `"${ref.value}" and "${v.value}" are the same letters with a few more glued on (a tag or label read into the value?)`,
    );
  if (ref.src !== 'case' && ref.conf < 1) {
    const elsewhere = s.written(v.value, ref.src as DocSrc);
    if (elsewhere)
      doubts.push(
        `the ${SOURCE_LABEL[ref.src]} also shows "${elsewhere.text}" (page ${elsewhere.page}), like the ${SOURCE_LABEL[v.src]}: its ${s.noun} may have been read from another block`,
      );
  }
  return doubts;
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

function compareScalar(c: Collector, s: ScalarSpec): FieldComparison {
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
  const verdict = run.verdicts.length ? worst(run.verdicts) : 'not_checked';
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
      ? settleDifference(s, ref, v, refSrc === 'csr' ? (s.vals.invoice ?? null) : null, {
          verdict: 'mismatch',
          reason: first.reason,
          ...(first.proposed !== undefined ? { proposed: first.proposed } : {}),
        })
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
  if (r.verdict === 'mismatch' && !s.locate(shown.value, 'invoice')) {
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
function nameCompare(fn: (a: string, b: string) => NameComparison, severalOnReference = false) {
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

function compareBtn(
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

// ---------------------------------------------------------------------------------------------
// Service address

function addressFromDoc(v: ServiceAddress): AddressParts {
  const parsed = parseAddress(withoutTrailingState(v));
  return withCitySplitOff(v, parsed);
}

/**
 * An address read without its city, the city left on the end of the street line ("456 W Oak Ave
 * Springfield"): the ZIP database names the ZIP's city, and a street line ending in it is split there.
 */
function withCitySplitOff(v: ServiceAddress, parsed: AddressParts): AddressParts {
  const place = parsed.zip5 ? zipPlace(parsed.zip5) : null;
  if (!place || (parsed.state && parsed.state !== place.state)) return parsed;
  if (parsed.city) {
    // the city's first words left on the street line ("… Hwy FL 19 Saratoga" / "Springs"): the ZIP's city, whole
    const full = place.city.toUpperCase();
    const city = parsed.city.toUpperCase();
    const head = full.endsWith(` ${city}`) ? full.slice(0, -city.length).trim() : '';
    const street = v.street_line.trim();
    if (!head || !street.toUpperCase().endsWith(head)) return parsed;
    return parseAddress({ ...v, street_line: street.slice(0, -head.length).trim(), city: place.city });
  }
  const m = new RegExp(
    String.raw`^(.*\S)[\s,]+${place.city.replace(/[^A-Za-z ]/g, '.').replace(/ /g, '\\s+')}$`,
    'i',
  ).exec(v.street_line.trim());
  if (!m) return parsed;
  return parseAddress({ ...v, street_line: m[1]!, city: place.city, state: v.state || place.state });
}

/**
 * A document without a service-address label whose reading is unsure still settles the question
 * when its own reading is written on it in full and the other side's address (its city, unit and
 * ZIP) is nowhere on it: whichever block the reading came from, the other address is not there.
 */
function writtenApart(find: Finder, on: DocSrc, own: AddressParts, other: AddressParts): boolean {
  // a reading without its house number or street is no reading in full (a street cell lost)
  if (!own.house_number || !own.street_name || !(own.city || own.zip5)) return false;
  if (!find.known(on)) return false;
  const mine = find.address(own, on, 'exact');
  if (!mine) return false;
  if (find.address(other, on, 'prefix')) return false;
  const theirs = find.address(other, on, 'exact');
  if (!theirs) return true;
  // the same words read as both: the same address, unless the other lacks the unit this one has
  // (its words then match the block loosely, without the unit)
  return (
    theirs.page === mine.page &&
    theirs.text === mine.text &&
    !!own.unit &&
    !other.unit &&
    !streetKey(other).endsWith(ocrKey(own.unit))
  );
}

function settleAddress(
  find: Finder,
  ref: Val<AddressParts>,
  v: Val<AddressParts>,
  invoice: Val<AddressParts> | null,
  r: ReturnType<typeof compareAddresses>,
): {
  found?: { src: Src; found: Found; parts: AddressParts; r: ReturnType<typeof compareAddresses> };
  doubts: string[];
  /** why the difference stands although the reference was not read with certainty */
  note?: string;
} {
  // what is found must show the parts that seemed to differ: a street line without its ZIP proves nothing about the ZIP
  const showsDiffering = (parts: AddressParts) =>
    r.parts
      .filter((p) => p.verdict === 'mismatch' && SEARCHABLE_PARTS.has(p.part))
      .every((p) => !!parts[p.part as keyof AddressParts]);
  if (ref.src !== 'case' && ref.conf < 1) {
    const f = find.address(v.value, ref.src as DocSrc);
    const parts = f ? parseAddress(f.text) : null;
    const r = parts ? foundComparison(parts, v.value) : null;
    if (f && parts && r && goodAddress(r) && showsDiffering(parts))
      return { found: { src: ref.src, found: f, parts, r }, doubts: [] };
  }
  if (v.src === 'loa' && v.conf < 1) {
    const f = find.address(ref.value, 'loa');
    const parts = f ? parseAddress(f.text) : null;
    const r = parts ? foundComparison(ref.value, parts) : null;
    if (f && parts && r && goodAddress(r) && showsDiffering(parts))
      return { found: { src: 'loa', found: f, parts, r }, doubts: [] };
  }
  const doubts: string[] = [];
  // the invoice agrees with the CSR, in form or letter for letter once OCR's lookalikes and spaces are folded
  // ("38 PE ARL CT, GREEN BAY" / "38 PEARL CT, GREENBAY"): two carrier documents saying the same is no misreading
  // ("38 PE ARL CT, GREEN BAY" / "38 PEARL CT, GREENBAY"): two carrier documents saying the same is no
  // misreading of the words, though the CSR's may still be cut into parts wrongly ("8925S BAY VIEWDR")
  const parsedBack = !!invoice && ref.src === 'csr' && goodAddress(compareAddresses(ref.value, invoice.value));
  const invoiceBacksRef =
    parsedBack ||
    (!!invoice && ref.src === 'csr' && ocrKey(formatAddress(ref.value)) === ocrKey(formatAddress(invoice.value)));
  if (
    invoice &&
    ref.src === 'csr' &&
    ref.conf < 1 &&
    !parsedBack &&
    goodAddress(compareAddresses(invoice.value, v.value))
  ) {
    doubts.push(`the invoice's service address is ${formatAddress(invoice.value)} like the ${SOURCE_LABEL[v.src]}'s`);
  }
  // doubts about how surely the reference was read: a strong contrary reading may outweigh them
  const refDoubts: string[] = [];
  let refUnderLabel = false;
  if (!invoiceBacksRef && ref.conf < 1 && ref.src !== 'case') {
    const labelled = find.labelled(ref.src as DocSrc, 'service_address');
    const underLabel = labelled && !!find.address(ref.value, ref.src as DocSrc);
    refUnderLabel = underLabel;
    if (labelled && !underLabel)
      refDoubts.push(
        `${formatAddress(ref.value)} is not under the ${SOURCE_LABEL[ref.src]}'s service address label (it may come from another block)`,
      );
    else if (
      (!underLabel || ref.conf < CONTRARY_MIN) &&
      !find.sure(ref.src, ref.conf) &&
      !writtenApart(find, ref.src as DocSrc, ref.value, v.value)
    )
      refDoubts.push(
        `the ${SOURCE_LABEL[ref.src]}'s service address was read with low confidence (${Math.round(ref.conf * 100)}%)`,
      );
  }
  // a city that cannot be one (a label read into it) or that its own ZIP contradicts, when the city is all
  // that differs, is a reading to doubt; a street that differs too is a difference whatever the city says
  if (r.parts.every((p) => (p.verdict !== 'mismatch' && p.verdict !== 'missing') || p.part === 'city')) {
    for (const [side, other] of [
      [ref, v],
      [v, ref],
    ] as const) {
      if (side.src === 'case' || ocrKey(side.value.city) === ocrKey(other.value.city)) continue;
      const why = implausibleCity(side.value, other.value);
      // a city read surely that the ZIP contradicts is what the document says (a customer's mistake the carrier rejects),
      // not a misreading; a heading or label word is never a city however surely read
      // the checked side's city (the LOA's) is a misreading only when a few letters make it the other's
      const misreadable =
        !!cityProblem(side.value.city, side.value.state) ||
        editDistance(ocrKey(side.value.city), ocrKey(other.value.city), 2) <= 2 ||
        (side === ref && !find.sure(side.src, side.conf));
      if (why && misreadable) doubts.push(`the ${SOURCE_LABEL[side.src]}'s ${why}`);
    }
  }
  doubts.push(...addressReadingDoubts(find, ref, v, r));
  // …or by the carrier's value of each part that differs being written nowhere on the LOA: whatever block
  // the LOA's reading came from, the LOA does not say the carrier's address
  const loaSettled =
    v.src === 'loa' &&
    find.known('loa') &&
    (find.labelled('loa', 'service_address') ||
      !find.address(ref.value, 'loa', true) ||
      writtenApart(find, 'loa', v.value, ref.value) ||
      !!differingPartsNowhere(find, 'loa', ref.value, v.value, r, true));
  if (!find.sure(v.src, v.conf) && !loaSettled)
    doubts.push(
      `the ${SOURCE_LABEL[v.src]}'s service address was read with low confidence (${Math.round(v.conf * 100)}%)`,
    );
  // each part in which the checked address differs written nowhere on the reference document, whose own
  // reading the ZIP database does not object to: whichever block it came from, the carrier does not say the checked address
  const nowhere =
    refDoubts.length > 0 && !doubts.length && (refUnderLabel || ref.conf >= CONTRARY_MIN) && !zipDoubt(ref.value)
      ? differingPartsNowhere(find, ref.src as DocSrc, v.value, ref.value, r)
      : null;
  if (!nowhere) return { doubts: [...doubts, ...refDoubts] };
  return {
    doubts,
    note: `The ${SOURCE_LABEL[v.src]}'s ${nowhere.join(', ')} ${nowhere.length > 1 ? 'are' : 'is'} written nowhere on the ${SOURCE_LABEL[ref.src]}, so the difference stands although its address was not read with certainty.`,
  };
}

/**
 * How a part of an address is looked for on a document: long enough that finding it elsewhere by
 * chance is unlikely (a two-digit house number is on every page), numbers standing on their own.
 */
function partToFind(part: string, a: AddressParts): { text: string; digits: boolean; maxEdits: number }[] | null {
  const text =
    part === 'house_number'
      ? a.house_number
      : part === 'street_name'
        ? a.street_name
        : part === 'city'
          ? a.city
          : part === 'zip5'
            ? a.zip5
            : part === 'unit'
              ? // a short unit ("6") is found anywhere: with its designator ("BLDG 6") it is not
                a.unit.length < 3
                ? `${a.unit_designator} ${a.unit}`
                : a.unit
              : '';
  const key = ocrKey(text);
  if (key.length < 3) return null;
  const digits = /^\d+$/.test(text);
  const own = { text, digits, maxEdits: digits || key.length < 6 ? 0 : 1 };
  if (part !== 'street_name') return [own];
  // the street as written ("East Fifth Terrace"), not only as normalised ("5TH")
  const written = (a.raw.split(',')[0] ?? '').replace(/^\s*\d+\S*\s+/, '').trim();
  return ocrKey(written).length >= 3 ? [own, { text: written, digits: false, maxEdits: 1 }] : [own];
}

/** The parts that can be looked for on a document; a directional, a suffix or a state is a letter or two found anywhere. */
const SEARCHABLE_PARTS = new Set(['house_number', 'street_name', 'unit', 'city', 'zip5']);

/**
 * Every part in which the checked address differs is written nowhere on the document (a lacking
 * part cannot be shown absent; the directional or suffix that differs with the street goes with it).
 */
function differingPartsNowhere(
  find: Finder,
  on: DocSrc,
  checked: AddressParts,
  reference: AddressParts,
  r: AddressComparison,
  /** whether `checked` is the comparison's reference: a part its candidate lacks is then looked for too */
  checkedIsReference = false,
): string[] | null {
  if (!find.known(on)) return null;
  const differing = r.parts.filter(
    (p) => (p.verdict === 'mismatch' || p.verdict === 'missing') && SEARCHABLE_PARTS.has(p.part),
  );
  if (!differing.length || (!checkedIsReference && differing.some((p) => p.verdict === 'missing'))) return null;
  // a part the reference's own reading holds, cut elsewhere by its parser ("KINGSLEY BLVD STE 10 42"), differs in form only
  const refKey = ocrKey(reference.raw);
  const real = differing
    .map((p) => ({ part: p.part, wants: partToFind(p.part, checked) }))
    .filter(({ wants }) => !wants || !refKey.includes(ocrKey(wants[0]!.text)));
  const nowhere = real.every(
    ({ wants }) => !!wants && wants.every((x) => !find.written(on, x.text, { digits: x.digits, maxEdits: x.maxEdits })),
  );
  return real.length && nowhere ? real.map((x) => PART_NAME[x.part] ?? x.part) : null;
}

const PART_NAME: Record<string, string> = {
  house_number: 'house number',
  street_name: 'street',
  unit: 'unit',
  city: 'city',
  zip5: 'ZIP',
};

/**
 * The ZIP database's objection to an address reading (a ZIP that is not the city's or the state's),
 * as the extractor words it; stored readings keep no candidates, so the review asks again.
 */
function zipDoubt(a: AddressParts): string | undefined {
  if (!a.zip5 || !a.state) return undefined;
  return checkCityStateZip(a.city, a.state, a.zip5).note || undefined;
}

/** An address reading offered in a check, with the ZIP database's objection to it (asked only here: it costs). */
function addressCandidate(v: Val<AddressParts>): CheckCandidate {
  const doubt = v.doubt ?? zipDoubt(v.value);
  return candidate({ ...v, ...(doubt ? { doubt } : {}) }, formatAddress);
}

/** What the service-address comparison gathers while each checked source is weighed against the reference. */
interface AddressRun {
  values: FieldComparison['values'];
  normalized: FieldComparison['normalized'];
  evidence: FieldComparison['evidence'];
  verdicts: Verdict[];
  reasons: string[];
  parts: AddressPartComparison[];
  missingOn: Src[];
}

type AddressComparison = ReturnType<typeof compareAddresses>;

const showAddress = (v: unknown) => formatAddress(v as AddressParts);

/** Each document's service address, and the case's, when it names a street or a PO box. */
function addressValues(docs: Docs, caseAddr: AddressParts | null): Partial<Record<Src, Val<AddressParts>>> {
  const vals: Partial<Record<Src, Val<AddressParts>>> = {};
  for (const src of ['loa', 'invoice', 'csr'] as const) {
    const v = fromDoc(docs, src, 'service_address');
    if (v) {
      const parsed = addressFromDoc(v.value);
      // a reading with no street and no place ("---", a lone unit) is no address to compare with
      if (!isEmptyAddress(parsed) && (parsed.street_name || parsed.po_box !== null)) {
        vals[src] = { ...v, value: parsed };
      }
    }
  }
  if (caseAddr && !isEmptyAddress(caseAddr))
    vals.case = { src: 'case', value: caseAddr, page: null, bbox: null, conf: 1 };
  return vals;
}

function compareServiceAddress(
  c: Collector,
  docs: Docs,
  caseAddr: AddressParts | null,
  present: Set<Src>,
  find: Finder,
): FieldComparison {
  const vals = addressValues(docs, caseAddr);
  const values: FieldComparison['values'] = {};
  const normalized: FieldComparison['normalized'] = {};
  for (const [src, v] of Object.entries(vals) as [Src, Val<AddressParts>][]) {
    values[src] = v.value.raw;
    normalized[src] = formatAddress(v.value);
  }
  const evidence = ev(Object.values(vals));
  const ref = vals.csr ?? vals.invoice ?? null;
  const billing = fromDoc(docs, 'invoice', 'billing_address');
  const billingParts = billing ? parseAddress(billing.value) : null;

  // a PO box is never a service address, whatever the carrier shows
  for (const src of ['loa', 'case'] as Src[]) {
    const v = vals[src];
    // an unsure LOA reading of a PO box where the LOA also writes the carrier's street address is a mailing block read
    // as the service address: the comparison below makes it a check
    const mailingBlock =
      !!v && !!ref && src === 'loa' && !find.sure('loa', v.conf) && !!find.address(ref.value, 'loa', true);
    if (v && v.value.po_box !== null && (!ref || ref.value.po_box === null) && !mailingBlock) {
      c.predict(
        reviewedRejection('service_address'),
        'blocker',
        `The ${SOURCE_LABEL[src]} gives PO Box ${v.value.po_box} as the service address; a PO box is never a service address.`,
        evidenceOf([v, ref], showAddress),
      );
    }
  }
  if (!ref) return addressWithoutReference(c, vals, { values, normalized, evidence }, !!billing);

  const checked = (['loa', 'case'] as Src[]).filter((s) => present.has(s));
  const invoiceOnly = checked.length === 0 && ref.src === 'csr' && !!vals.invoice;
  if (invoiceOnly) checked.push('invoice');
  const run: AddressRun = { values, normalized, evidence, verdicts: [], reasons: [], parts: [], missingOn: [] };
  const invoice = ref.src === 'csr' ? (vals.invoice ?? null) : null;
  for (const src of checked) {
    const v = vals[src];
    const prefix = checked.length > 1 || src !== 'loa' ? `${SOURCE_LABEL[src]}: ` : '';
    // an empty case field is not entered yet; only the LOA must carry the address
    if (!v) {
      if (src === 'loa') addressMissingOnLoa(c, find, run, ref);
    } else {
      const read = compareAddresses(ref.value, v.value);
      const r = find.ocr(ref.src) || find.ocr(v.src) ? withoutOcrLookalikes(ref.value, v.value, read) : read;
      if (!addressDoubtSettled(c, find, run, ref, v, r, invoice, prefix))
        addressDifference(c, run, ref, v, r, billingParts, prefix);
    }
  }
  const { verdicts, reasons } = run;
  if (ref.src === 'csr' && vals.invoice && !invoiceOnly) {
    const r = compareAddresses(ref.value, vals.invoice.value);
    if (r.verdict === 'mismatch')
      reasons.push(
        `Note: the invoice's service address (${formatAddress(vals.invoice.value)}) differs from the CSR's; the CSR is the carrier's record.`,
      );
  }
  if (ref.value.po_box !== null)
    reasons.push(`The ${SOURCE_LABEL[ref.src]} shows a PO box; ask the carrier for the street address of the lines.`);
  if (!checked.length) {
    return c.field({
      field: 'service_address',
      verdict: 'info',
      values,
      normalized,
      reference: ref.src,
      evidence,
      reason: `The ${SOURCE_LABEL[ref.src]} shows ${formatAddress(ref.value)}; there is no LOA or case address to check against it.`,
    });
  }
  const verdict = verdicts.length ? worst(verdicts) : 'info';
  if (!verdicts.length)
    reasons.push(
      `The ${SOURCE_LABEL[ref.src]} shows ${formatAddress(ref.value)}; the case has no service address yet.`,
    );
  return c.field({
    field: 'service_address',
    verdict,
    values,
    normalized,
    reference: ref.src,
    evidence,
    parts: run.parts,
    reason: sayOnce(reasons),
    ...(verdict !== 'match' ? { proposed: formatAddress(ref.value) } : {}),
    ...(run.missingOn.length ? { missing_on: run.missingOn } : {}),
  });
}

/**
 * Doubts about the address readings themselves: a reading without a house number where the other has
 * one (a heading read as the street: "SECTION B"), or a part the checked reading lacks while the
 * document writes the reference's value of it (the reader dropped it: "ZIP (none)" with 72292 on the page).
 */
function addressReadingDoubts(
  find: Finder,
  ref: Val<AddressParts>,
  v: Val<AddressParts>,
  r: AddressComparison,
): string[] {
  const doubts: string[] = [];
  for (const [side, other] of [
    [ref, v],
    [v, ref],
  ] as const) {
    if (side.src === 'case' || side.conf >= 1) continue;
    // no digit at all before the city: not a house number misparsed ("-4 Oak Terrace"), none written
    const noNumber = !side.value.house_number && !/\d/.test(side.value.raw.split(',')[0] ?? '');
    if (noNumber && side.value.po_box === null && other.value.house_number)
      doubts.push(
        `the ${SOURCE_LABEL[side.src]}'s reading "${formatAddress(side.value)}" has no house number (a heading read as the street?)`,
      );
  }
  // the reading's street differs, but its document writes the carrier's street in full ("6251 Pine Valley Ln"
  // read as "6251 Pine Valley"): a reading cut short, not another street
  const streetOf = (a: AddressParts) => (a.raw.split(',')[0] ?? '').trim();
  if (
    v.src !== 'case' &&
    !find.sure(v.src, v.conf) &&
    r.parts.some((p) => p.part === 'street_name' && p.verdict === 'mismatch') &&
    ocrKey(streetOf(ref.value)).length >= 6 &&
    // cut short: the reading's street is the start of the carrier's, words lost at its end
    ocrKey(streetOf(ref.value)).startsWith(ocrKey(streetOf(v.value))) &&
    ocrKey(streetOf(ref.value)).length > ocrKey(streetOf(v.value)).length &&
    find.written(v.src as DocSrc, streetOf(ref.value))
  )
    doubts.push(
      `the ${SOURCE_LABEL[v.src]} writes "${streetOf(ref.value)}" like the ${SOURCE_LABEL[ref.src]} (its reading may have cut the street short)`,
    );
  if (v.src !== 'case' && v.conf < 1 && find.known(v.src as DocSrc)) {
    const dropped = r.parts
      .filter((p) => p.verdict === 'missing' && SEARCHABLE_PARTS.has(p.part))
      .map((p) => ({ part: p.part, want: partToFind(p.part, ref.value)?.[0] }))
      .filter(({ want }) => want && find.written(v.src as DocSrc, want.text, { digits: want.digits }));
    if (dropped.length)
      doubts.push(
        `the ${SOURCE_LABEL[v.src]}'s reading lacks its ${dropped.map((d) => PART_NAME[d.part] ?? d.part).join(', ')}, but the ${SOURCE_LABEL[v.src]} writes ${dropped.map((d) => partToFind(d.part, ref.value)![0]!.text).join(', ')}`,
      );
  }
  return doubts;
}

const LOOKALIKE_PARTS = new Set(['house_number', 'street_name', 'unit', 'city', 'zip5', 'zip4']);

/**
 * A part that differs only by OCR's lookalikes or spacing on a scanned side ("STE 118B" for 1188) is
 * the same part: the address compared again with it taken as the reference writes it.
 */
function withoutOcrLookalikes(ref: AddressParts, v: AddressParts, r: AddressComparison): AddressComparison {
  if (goodAddress(r)) return r;
  const same = r.parts.filter((p) => p.verdict === 'mismatch' && LOOKALIKE_PARTS.has(p.part) && sameLetters(p));
  const fixed: AddressParts = { ...v };
  for (const p of same)
    (fixed as unknown as Record<string, string>)[p.part] = ref[p.part as keyof AddressParts] as string;
  // words glued or split across the street and the unit ("FOREST HIGHWAYBLDG 6", "289 BO Fifth Dr"): the same
  // characters up to the city are the same street and unit, however the parser cut them
  const streetAndUnit = (a: AddressParts) => {
    const raw = a.raw.toUpperCase();
    const at = a.city ? raw.lastIndexOf(a.city.toUpperCase()) : -1;
    return ocrKey(at > 0 ? raw.slice(0, at) : '');
  };
  const glued = streetAndUnit(v);
  const streetDiffers = r.parts.some(
    (p) => (p.verdict === 'mismatch' || p.verdict === 'missing') && (GLUE_PARTS.has(p.part) || p.part === 'unit'),
  );
  const copy = (keys: string[]) => {
    for (const k of keys as (keyof AddressParts)[]) (fixed as unknown as Record<string, unknown>)[k] = ref[k];
  };
  if (streetDiffers && glued.length >= 6 && glued === streetAndUnit(ref))
    copy([...GLUE_PARTS, 'unit', 'unit_designator', 'extra_units']);
  // the street's words glued or split ("MARTINLUTHER KING", "403 1 3RD", "FIFTHCIRCLE"): the same street once its
  // parts are read together, or once a glued word is cut where the other side's word ends
  else if (streetDiffers && streetKey(v) === streetKey(ref)) copy([...GLUE_PARTS]);
  else if (!same.length) {
    // glue and splits undone against the other side's words: the same address, or the difference stands
    const again = [compareAddresses(ref, rereadWith(v, ref)), compareAddresses(rereadWith(ref, v), v)];
    return again.find(goodAddress) ?? r;
  }
  return compareAddresses(ref, fixed);
}

/**
 * An address re-read with OCR's glue and splits undone against the other side's words: two
 * neighbouring words joined where together they are a word the other side writes ("Fift h" →
 * "Fifth", "190 5" → "1905"), a glued word cut after one ("FIFTHCIRCLE" → "FIFTH CIRCLE").
 */
function rereadWith(a: AddressParts, other: AddressParts): AddressParts {
  const keyOf = (t: string) => t.toUpperCase().replace(/[^A-Z0-9]/g, '');
  const words = new Set(
    other.raw
      .toUpperCase()
      .split(/[^A-Z0-9]+/)
      .filter((w) => w.length >= 2),
  );
  const toks = a.raw.split(/\s+/).filter(Boolean);
  const out: string[] = [];
  for (let i = 0; i < toks.length; i++) {
    const tok = toks[i]!;
    const next = toks[i + 1];
    // a split word: never across a comma
    if (next && !/,$/.test(tok) && words.has(keyOf(tok + next)) && !(words.has(keyOf(tok)) && words.has(keyOf(next)))) {
      out.push(tok + next);
      i++;
      continue;
    }
    const up = keyOf(tok);
    const head = words.has(up) ? undefined : [...words].find((w) => up.startsWith(w) && up.length - w.length >= 2);
    out.push(head ? `${tok.slice(0, head.length)} ${tok.slice(head.length)}` : tok);
  }
  const raw = out.join(' ');
  return raw === toks.join(' ') ? a : parseAddress(raw);
}

/** No CSR or invoice service address: only a PO box or an LOA/case difference can be said. */
function addressWithoutReference(
  c: Collector,
  vals: Partial<Record<Src, Val<AddressParts>>>,
  shown: Pick<FieldComparison, 'values' | 'normalized' | 'evidence'>,
  hasBilling: boolean,
): FieldComparison {
  const loa = vals.loa;
  const kase = vals.case;
  const poBox = [loa, kase].find((v) => v && v.value.po_box !== null);
  if (poBox) {
    return c.field({
      field: 'service_address',
      verdict: 'mismatch',
      values: shown.values,
      normalized: shown.normalized,
      reference: null,
      evidence: shown.evidence,
      reason: `The ${SOURCE_LABEL[poBox.src]} gives PO Box ${poBox.value.po_box}; a PO box is never a service address. No CSR or invoice service address to compare with.`,
    });
  }
  if (loa && kase) {
    const r = compareAddresses(loa.value, kase.value);
    if (r.verdict === 'mismatch' || r.verdict === 'missing') {
      return c.field({
        field: 'service_address',
        verdict: 'mismatch',
        values: shown.values,
        normalized: shown.normalized,
        reference: null,
        evidence: shown.evidence,
        reason: `No CSR or invoice service address to check against, and the case differs from the LOA: ${r.reasons.join(' ')}`,
        parts: r.parts.map((p) => ({ ...p, source: 'case' as const })),
      });
    }
  }
  const billingNote = hasBilling ? ' The invoice shows only a billing address, which is not the service address.' : '';
  return c.field({
    field: 'service_address',
    verdict: 'not_checked',
    values: shown.values,
    normalized: shown.normalized,
    reference: null,
    evidence: shown.evidence,
    reason: `No CSR (or invoice "service address" section) shows where the lines are, so the service address cannot be checked.${billingNote}`,
  });
}

/** The LOA has no service address reading: found under its label, a check for a person, or missing. */
function addressMissingOnLoa(c: Collector, find: Finder, run: AddressRun, ref: Val<AddressParts>): void {
  const onLoa = find.address(ref.value, 'loa');
  if (onLoa) {
    const r = compareAddresses(ref.value, parseAddress(onLoa.text));
    run.values.loa = onLoa.text;
    run.evidence.loa = { page: onLoa.page, bbox: onLoa.bbox };
    run.verdicts.push(r.verdict === 'missing' ? 'mismatch' : r.verdict);
    run.reasons.push(`The LOA shows ${onLoa.text} under its service address label.`);
    return;
  }
  run.missingOn.push('loa');
  const refShaky =
    ref.src !== 'case' && ref.conf < 1 && !find.sure(ref.src, ref.conf) && !find.address(ref.value, ref.src as DocSrc);
  if (find.known('loa') && (refShaky || find.address(ref.value, 'loa', true))) {
    run.verdicts.push('check');
    run.reasons.push(
      `No service address was found on the LOA; look whether it is written somewhere (the ${SOURCE_LABEL[ref.src]} has ${formatAddress(ref.value)}).`,
    );
    c.check(
      'service_address',
      reviewedRejection('service_address'),
      refShaky
        ? `No service address was read on the LOA, and the ${SOURCE_LABEL[ref.src]}'s ${formatAddress(ref.value)} was read with low confidence.`
        : `No service address was read on the LOA, but ${formatAddress(ref.value)} appears on it.`,
      ['loa'],
      ref.src,
      { [ref.src]: [addressCandidate(ref)] },
    );
    return;
  }
  run.verdicts.push('missing');
  run.reasons.push(
    `${SOURCE_LABEL.loa} gives no service address; the ${SOURCE_LABEL[ref.src]} has ${formatAddress(ref.value)}.`,
  );
  c.predict(
    reviewedRejection('service_address'),
    'blocker',
    `The ${SOURCE_LABEL.loa} has no service address; the carrier has ${formatAddress(ref.value)}.`,
    evidenceOf([ref], showAddress),
    'service_address',
    ['loa'],
  );
}

/**
 * A checked address that seems to differ: guided verification may find the right one under the
 * label, or doubts make it a check. Returns whether it was settled so (else it is a plain difference).
 */
function addressDoubtSettled(
  c: Collector,
  find: Finder,
  run: AddressRun,
  ref: Val<AddressParts>,
  v: Val<AddressParts>,
  compared: AddressComparison,
  invoice: Val<AddressParts> | null,
  prefix: string,
): boolean {
  const src = v.src;
  let r = compared;
  if (r.verdict !== 'mismatch' && r.verdict !== 'missing') return false;
  const settled = settleAddress(find, ref, v, invoice, r);
  if (settled.found) {
    const { src: on, found, parts: foundParts } = settled.found;
    run.values[on] = found.text;
    run.normalized[on] = formatAddress(foundParts);
    run.evidence[on] = { page: found.page, bbox: found.bbox };
    r = settled.found.r;
    run.parts.push(...r.parts.map((p) => ({ ...p, source: src })));
    run.verdicts.push(r.verdict === 'missing' ? 'mismatch' : r.verdict);
    run.reasons.push(
      `${prefix}The ${SOURCE_LABEL[on]} shows ${found.text} under its service address label. ${r.reasons.join(' ')}`.trim(),
    );
    return true;
  }
  if (settled.note && !settled.doubts.length) run.reasons.push(`${prefix}${settled.note}`);
  // another real city settles the doubt unless the other reading's address is written in full on this document too
  const realCity =
    anotherRealCity(ref.value, v.value, r) &&
    !(v.src !== 'case' && find.address(ref.value, v.src as DocSrc, 'exact')) &&
    !(ref.src !== 'case' && find.address(v.value, ref.src as DocSrc, 'exact'));
  if (!settled.doubts.length || realCity) return false;
  run.parts.push(...r.parts.map((p) => ({ ...p, source: src })));
  run.verdicts.push('check');
  run.reasons.push(`${prefix}Could not be confirmed — look at both: ${settled.doubts.join('; ')}.`);
  const cands: ReviewCheck['candidates'] = {
    [ref.src]: [addressCandidate(ref)],
    [src]: [addressCandidate(v)],
  };
  if (invoice) cands.invoice = [addressCandidate(invoice)];
  c.check(
    'service_address',
    r.location_mismatch ? reviewedRejection('service_address') : 'POSTAL_CODE_MISMATCH',
    `${settled.doubts[0]![0]!.toUpperCase()}${settled.doubts[0]!.slice(1)}.`,
    [src],
    ref.src,
    cands,
  );
  return true;
}

/** A checked address as it stands against the reference: its parts, and the rejections a difference brings. */
function addressDifference(
  c: Collector,
  run: AddressRun,
  ref: Val<AddressParts>,
  v: Val<AddressParts>,
  r: AddressComparison,
  billingParts: AddressParts | null,
  prefix: string,
): void {
  const src = v.src;
  run.parts.push(...r.parts.map((p) => ({ ...p, source: src })));
  run.verdicts.push(r.verdict === 'missing' ? 'mismatch' : r.verdict);
  let why = r.reasons.join(' ');
  if (r.verdict === 'mismatch' || r.verdict === 'missing') {
    if (
      billingParts &&
      !isEmptyAddress(billingParts) &&
      compareAddresses(billingParts, v.value).verdict !== 'mismatch' &&
      compareAddresses(billingParts, v.value).verdict !== 'missing'
    ) {
      why += ` The ${SOURCE_LABEL[src]} shows the invoice's BILLING address; carriers need the service address on file (${formatAddress(ref.value)}).`;
    }
    if (r.location_mismatch)
      c.predict(
        reviewedRejection('service_address'),
        'blocker',
        `${SOURCE_LABEL[src]} ${formatAddress(v.value)} vs ${SOURCE_LABEL[ref.src]} ${formatAddress(ref.value)}: ${r.reasons.filter((x) => !/ZIP \d/.test(x) || /PO box/i.test(x)).join(' ')}`.trim(),
        evidenceOf([ref, v], showAddress),
        'service_address',
        [src],
      );
    if (r.postal_code_mismatch)
      c.predict(
        'POSTAL_CODE_MISMATCH',
        'blocker',
        `${SOURCE_LABEL[src]} ZIP ${v.value.zip5 || '(none)'} vs ${SOURCE_LABEL[ref.src]} ZIP ${ref.value.zip5}.`,
        evidenceOf([ref, v], showAddress),
        'service_address',
        [src],
      );
  }
  run.reasons.push(prefix + why);
}

// ---------------------------------------------------------------------------------------------
// Numbers

function oneDigitApart(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i] && ++diff > 1) return false;
  return diff === 1;
}

function e164List(raw: string[]): { ok: string[]; invalid: string[] } {
  const ok: string[] = [];
  const invalid: string[] = [];
  for (const r of raw) {
    const e = toE164(r);
    if (e) {
      if (!ok.includes(e)) ok.push(e);
    } else if (r.trim()) invalid.push(r.trim());
  }
  return { ok, invalid };
}

/**
 * Why "the BTN is ported while numbers stay" may be a reading error rather than the port's shape:
 * the carrier documents disagree on the BTN, the LOA names a staying number as its BTN, the BTN was
 * read unsure, or a staying number is written on the LOA after all (in a form the list reader
 * missed). A MAIN_BTN_PORTING asserted from any of these cries wolf.
 */
function mainBtnDoubt(docs: Docs, find: Finder, staying: string[], toPortFromLoa: boolean): string | null {
  const btnOf = (src: DocSrc) => {
    const v = fromDoc(docs, src, 'btn');
    return v ? { e164: toE164(v.value), v } : null;
  };
  const csr = btnOf('csr');
  const invoice = btnOf('invoice');
  const loa = btnOf('loa');
  if (csr?.e164 && invoice?.e164 && csr.e164 !== invoice.e164)
    return `the CSR gives the BTN as ${csr.e164} and the invoice as ${invoice.e164}`;
  if (loa?.e164 && staying.includes(loa.e164)) return `the LOA gives ${loa.e164}, a number that stays, as the BTN`;
  const carrier = csr ?? invoice;
  if (carrier && !find.sure(carrier.v.src, carrier.v.conf))
    return `the ${SOURCE_LABEL[carrier.v.src]}'s BTN was read with low confidence (${Math.round(carrier.v.conf * 100)}%)`;
  // only when the LOA's own list is what is ported: an order from the case may leave LOA numbers out on purpose
  const written = toPortFromLoa ? staying.filter((n) => find.digitsOn('loa').includes(n.replace(/^\+1/, ''))) : [];
  if (written.length)
    return `${written.join(', ')} ${written.length === 1 ? 'is' : 'are'} written on the LOA, though not read as ${written.length === 1 ? 'a number' : 'numbers'} to port`;
  return null;
}

type NumberList = Val<string[]>;

/** What every step of the numbers comparison reads: the lists, what is ported and what stays. */
interface NumbersFacts {
  docs: Docs;
  find: Finder;
  toPort: string[];
  toPortSource: NumbersReport['to_port_source'];
  /** where the numbers to port come from, as a checked source */
  toPortFrom: Src[];
  loaList: NumberList | null;
  invList: NumberList | null;
  /** the account's own list: the CSR's, else the invoice's */
  accountVal: NumberList | null;
  account: string[] | null;
  accountSrc: Src | null;
  staying: string[];
  stayingKeep: string[];
  btn: string;
  numEvidence: PredictedRejection['evidence'];
}

/** The field's verdict and reasons as each step adds to them. */
interface NumbersOutcome {
  verdict: Verdict;
  reasons: string[];
}

interface Account {
  numbers: string[];
  btn: string;
  address: AddressParts | null;
}

/** The numbers to port: given with the request, else the case's, else the LOA's (less those it keeps). */
function numbersToPort(
  input: ReturnType<typeof CompareInput.parse>,
  docs: Docs,
  loaParsed: { ok: string[]; invalid: string[] } | null,
): { toPort: string[]; source: NumbersReport['to_port_source']; invalid: string[] } {
  if (input.numbersToPort && input.numbersToPort.length) {
    const p = e164List(input.numbersToPort);
    return { toPort: p.ok, source: 'input', invalid: p.invalid };
  }
  if (input.caseData?.numbers && input.caseData.numbers.length) {
    const p = e164List(input.caseData.numbers);
    return { toPort: p.ok, source: 'case', invalid: p.invalid };
  }
  if (loaParsed && loaParsed.ok.length) {
    // an LOA that lists a number under both headings means "keep it": it is not ported
    const keep = fromDoc(docs, 'loa', 'numbers_not_to_port');
    const keepSet = new Set(keep ? e164List(keep.value).ok : []);
    return { toPort: loaParsed.ok.filter((n) => !keepSet.has(n)), source: 'loa', invalid: loaParsed.invalid };
  }
  return { toPort: [], source: 'none', invalid: [] };
}

/** The main account (CSR, else invoice) and the accounts of the extra CSRs, each with its BTN and address. */
function accountsOf(input: ReturnType<typeof CompareInput.parse>, docs: Docs, account: string[] | null): Account[] {
  const extra = (input.extraCsrs ?? []).map((f) => ({
    numbers: f.phone_numbers ? e164List(f.phone_numbers.value).ok : [],
    btn: f.btn?.value ? (toE164(f.btn.value) ?? f.btn.value) : '',
    address: f.service_address ? parseAddress(f.service_address.value) : null,
  }));
  const b = docs.csr?.btn?.value ?? docs.invoice?.btn?.value;
  const a = docs.csr?.service_address?.value ?? docs.invoice?.service_address?.value;
  const primary = { numbers: account ?? [], btn: b ? (toE164(b) ?? b) : '', address: a ? parseAddress(a) : null };
  return [primary, ...extra];
}

/** The numbers to port grouped by the account they sit on (accounts with one BTN and address join). */
function splitGroups(accounts: Account[], toPort: string[]): NumbersReport['split_groups'] {
  const groups: NumbersReport['split_groups'] = [];
  if (accounts.length < 2) return groups;
  for (const acct of accounts) {
    const mine = toPort.filter((n) => acct.numbers.includes(n));
    if (!mine.length) continue;
    const addr = acct.address ? formatAddress(acct.address) : '';
    const same = groups.find(
      (g) =>
        g.btn === acct.btn &&
        (g.service_address === addr ||
          (acct.address && compareAddresses(parseAddress(g.service_address), acct.address).verdict !== 'mismatch')),
    );
    if (same) same.numbers.push(...mine.filter((n) => !same.numbers.includes(n)));
    else groups.push({ btn: acct.btn, service_address: addr, numbers: mine });
  }
  return groups;
}

/** Why numbers not read on the account cannot be asserted missing from it (empty: they can). */
function notOnAccountDoubts(f: NumbersFacts, notOnAccount: string[]): string[] {
  const { find, accountVal, accountSrc, invList, loaList, account, toPort } = f;
  const doubts: string[] = [];
  if (!notOnAccount.length) return doubts;
  const invoiceNumbers = accountSrc === 'csr' && invList ? e164List(invList.value).ok : [];
  const onInvoice = notOnAccount.filter(
    (n) => invoiceNumbers.includes(n) || (accountSrc === 'csr' && find.number(n, 'invoice')),
  );
  if (onInvoice.length && accountVal!.conf < 1)
    doubts.push(`the invoice lists ${onInvoice.join(', ')}, the CSR does not`);
  // written on the account document outside the lists read from it (a list under a label nobody listed?)
  const elsewhere =
    accountSrc && accountSrc !== 'case' && accountVal!.conf < 1
      ? notOnAccount.filter((n) => find.written(accountSrc as DocSrc, n.replace(/^\+1/, ''), { digits: true }))
      : [];
  if (elsewhere.length)
    doubts.push(
      `${elsewhere.join(', ')} ${elsewhere.length === 1 ? 'is' : 'are'} written on the ${SOURCE_LABEL[accountSrc!]}, though not in the numbers read from it`,
    );
  // a low-confidence list is settled by its words (the number is nowhere in the lists) or by the invoice agreeing
  const invoiceAgrees = accountSrc === 'csr' && !!invList && !onInvoice.length;
  const listSearched =
    !!accountSrc &&
    accountSrc !== 'case' &&
    find.known(accountSrc) &&
    find.labelled(accountSrc as DocSrc, 'phone_numbers');
  if (accountVal && !find.sure(accountVal.src, accountVal.conf) && !invoiceAgrees && !listSearched)
    doubts.push(
      `the ${SOURCE_LABEL[accountSrc!]}'s number list was read with low confidence (${Math.round(accountVal.conf * 100)}%)`,
    );
  // an LOA number one digit away from an account number it does not list may be that number misread
  const misreadOf = (n: string) => account!.find((a) => !toPort.includes(a) && oneDigitApart(a, n));
  const misread = f.toPortSource === 'loa' ? notOnAccount.filter((n) => misreadOf(n)) : [];
  if (misread.length && loaList && !find.sure('loa', loaList.conf))
    doubts.push(`the LOA's number list was read with low confidence (${Math.round(loaList.conf * 100)}%)`);
  return doubts;
}

/** A number the carrier's documents show somewhere: the invoice's list, or written on the CSR or invoice. */
function shownByCarrier(f: NumbersFacts, n: string): boolean {
  const { find, accountSrc, invList } = f;
  const digits = n.replace(/^\+1/, '');
  if (invList && e164List(invList.value).ok.includes(n)) return true;
  return (['csr', 'invoice'] as const).some(
    (d) => (accountSrc === d || d === 'invoice') && find.known(d) && !!find.written(d, digits, { digits: true }),
  );
}

/** Numbers to port that the account does not list: a check when the reading is doubtful, else a rejection. */
function reportNotOnAccount(c: Collector, f: NumbersFacts, out: NumbersOutcome, notOnAccount: string[]): void {
  if (!notOnAccount.length) return;
  const { accountSrc, accountVal, loaList, invList } = f;
  const doubts = notOnAccountDoubts(f, notOnAccount);
  // numbers written nowhere on the carrier's documents are not on the account, whatever doubts the others raise
  const nowhere = doubts.length ? notOnAccount.filter((n) => !shownByCarrier(f, n)) : [];
  const sure =
    nowhere.length && nowhere.length < notOnAccount.length && !notOnAccountDoubts(f, nowhere).length ? nowhere : [];
  if (sure.length) {
    reportNotOnAccount(
      c,
      f,
      out,
      notOnAccount.filter((n) => !sure.includes(n)),
    );
    reportNotOnAccount(c, f, out, sure);
    return;
  }
  if (doubts.length) {
    if (out.verdict !== 'mismatch') out.verdict = 'check';
    out.reasons.push(
      `Could not be confirmed — look at both: ${notOnAccount.join(', ')} not read on the ${SOURCE_LABEL[accountSrc!]}; ${doubts.join('; ')}.`,
    );
    const cands: ReviewCheck['candidates'] = {
      [accountSrc!]: [candidate(accountVal!, (v) => (v as string[]).join(', '))],
    };
    if (loaList) cands.loa = [candidate(loaList, (v) => v.join(', '))];
    if (accountSrc === 'csr' && invList) cands.invoice = [candidate(invList, (v) => v.join(', '))];
    c.check(
      'phone_numbers',
      reviewedRejection('phone_numbers'),
      `${notOnAccount.join(', ')}: ${doubts[0]}.`,
      f.toPortFrom,
      accountSrc,
      cands,
    );
    return;
  }
  out.verdict = 'mismatch';
  out.reasons.push(`Not on the ${SOURCE_LABEL[accountSrc!]}: ${notOnAccount.join(', ')}.`);
  c.predict(
    reviewedRejection('phone_numbers'),
    'blocker',
    `${notOnAccount.join(', ')} ${notOnAccount.length === 1 ? 'is' : 'are'} not on the account (${SOURCE_LABEL[accountSrc!]}).`,
    f.numEvidence,
    'phone_numbers',
    f.toPortFrom,
  );
}

/** What the LOA says against the order (numbers it lacks or excludes), and accounts that need split orders. */
function reportLoaAndSplit(
  c: Collector,
  f: NumbersFacts,
  out: NumbersOutcome,
  notOnLoa: string[],
  conflicting: string[],
  groups: NumbersReport['split_groups'],
): void {
  if (notOnLoa.length) {
    out.verdict = 'mismatch';
    out.reasons.push(`On the order but not on the LOA: ${notOnLoa.join(', ')}.`);
    c.predict(
      rejectionOf('numbers_not_to_port'),
      'blocker',
      `${notOnLoa.join(', ')} ${notOnLoa.length === 1 ? 'is' : 'are'} on the order but not on the signed LOA.`,
      f.numEvidence,
    );
  }
  if (conflicting.length) {
    out.verdict = 'mismatch';
    out.reasons.push(
      `The LOA marks ${conflicting.join(', ')} as NOT to port, but the order ports ${conflicting.length === 1 ? 'it' : 'them'}.`,
    );
    c.predict(
      rejectionOf('numbers_not_to_port'),
      'blocker',
      `The LOA excludes ${conflicting.join(', ')} from the port.`,
      f.numEvidence,
    );
  }
  if (groups.length > 1) {
    out.verdict = 'mismatch';
    out.reasons.push(
      `The numbers sit on ${groups.length} accounts with different BTNs or service addresses: one order per group.`,
    );
    c.predict(
      'PORTING_ORDER_SPLIT_REQUIRED',
      'blocker',
      groups
        .map((g) => `${g.numbers.join(', ')} (BTN ${g.btn || 'unknown'}, ${g.service_address || 'address unknown'})`)
        .join('; '),
      f.numEvidence,
    );
  }
}

/**
 * Why a BTN ported in a partial port may not be one (the whole account may be ported after all),
 * or null when the partial port is sure.
 */
function btnPortedDoubt(f: NumbersFacts): string | null {
  const { find, accountVal, accountSrc, invList, loaList, staying, stayingKeep, toPort, toPortSource } = f;
  // staying numbers that are in the LOA's list after all (missed when read) make the partial port doubtful
  const onLoaAfterAll =
    toPortSource === 'loa' ? staying.filter((n) => !stayingKeep.includes(n) && find.number(n, 'loa')) : [];
  // an account number one digit from a ported one, on an unsure list, may be that number misread
  const phantom =
    accountVal &&
    !find.sure(accountVal.src, accountVal.conf) &&
    staying.some((n) => toPort.some((t) => oneDigitApart(t, n)));
  // staying numbers read from an unsure account list that the invoice does not list either, or that
  // are not in the account document's number lists (a support or remit line read as a number)
  const strays =
    accountVal && accountSrc !== 'case' && !find.sure(accountVal.src, accountVal.conf)
      ? staying.filter((n) => {
          const inLists = find.number(n, accountSrc as DocSrc);
          const onInvoice =
            accountSrc === 'csr' &&
            !!invList &&
            (e164List(invList.value).ok.includes(n) || !!find.number(n, 'invoice'));
          return (
            (accountSrc === 'csr' && !!invList && !onInvoice) ||
            (!inLists && toPort.some((t) => find.number(t, accountSrc as DocSrc)))
          );
        })
      : [];
  const loaListDoubtful =
    (toPortSource === 'loa' && !!loaList && !find.sure('loa', loaList.conf)) || !!phantom || strays.length > 0;
  const btnDoubt =
    !onLoaAfterAll.length && !loaListDoubtful
      ? mainBtnDoubt(
          f.docs,
          find,
          staying.filter((n) => !stayingKeep.includes(n)),
          toPortSource === 'loa',
        )
      : null;
  if (!onLoaAfterAll.length && !loaListDoubtful && !btnDoubt) return null;
  return btnDoubt
    ? btnDoubt
    : onLoaAfterAll.length
      ? `${onLoaAfterAll.join(', ')} seem to stay on the account, but the LOA's list shows ${onLoaAfterAll.length === 1 ? 'it' : 'them'}`
      : phantom
        ? `the ${SOURCE_LABEL[accountSrc!]}'s number list was read with low confidence (${Math.round(accountVal!.conf * 100)}%) and ${staying.join(', ')} may be a ported number misread`
        : strays.length
          ? `the ${SOURCE_LABEL[accountSrc!]}'s number list was read with low confidence (${Math.round(accountVal!.conf * 100)}%) and ${strays.join(', ')} ${strays.length === 1 ? 'is' : 'are'} neither on the invoice nor clearly in its number list (a support line?)`
          : `the LOA's number list was read with low confidence (${Math.round((loaList?.conf ?? 0) * 100)}%), so ${staying.join(', ')} may be on it`;
}

/** A partial port is a warning; its BTN ported while numbers stay is a rejection, or a check when doubtful. */
function reportPartialPort(c: Collector, f: NumbersFacts, out: NumbersOutcome, btnPorted: boolean): void {
  const { staying, stayingKeep, accountSrc, accountVal, loaList } = f;
  const undecided = staying.filter((n) => !stayingKeep.includes(n));
  out.reasons.push(
    `Partial port: ${staying.length} number(s) on the account stay with the losing carrier (${staying.join(', ')})${undecided.length ? `; decide keep or disconnect for ${undecided.join(', ')}` : '; the LOA marks them as not to port'}.`,
  );
  if (out.verdict === 'match') out.verdict = 'info';
  c.predict(
    'PORT_TYPE_INCORRECT',
    'warning',
    `Partial port: ${staying.join(', ')} stay on the account. Submit as a partial port and say what happens to each remaining number.`,
    f.numEvidence,
  );
  if (!btnPorted) return;
  const why = btnPortedDoubt(f);
  if (why) {
    if (out.verdict === 'info') out.verdict = 'check';
    out.reasons.push(
      `The BTN ${f.btn} is ported while other numbers seem to stay, but ${why}: look whether the whole account is ported.`,
    );
    c.check('phone_numbers', 'MAIN_BTN_PORTING', `${why[0]!.toUpperCase()}${why.slice(1)}.`, ['loa'], accountSrc, {
      ...(loaList ? { loa: [candidate(loaList, (v) => v.join(', '))] } : {}),
      ...(accountVal ? { [accountSrc!]: [candidate(accountVal, (v) => (v as string[]).join(', '))] } : {}),
    });
    return;
  }
  out.verdict = 'mismatch';
  out.reasons.push(
    `The account's BTN ${f.btn} is being ported while other numbers stay: the remaining numbers need a new BTN.`,
  );
  c.predict(
    'MAIN_BTN_PORTING',
    'blocker',
    `BTN ${f.btn} is ported in a partial port; ${staying.length} number(s) stay and need a new BTN.`,
    f.numEvidence,
    'phone_numbers',
    f.toPortFrom,
  );
}

/** The verdict before any difference: nothing to port, nothing to check against, or checked. */
function numbersBaseline(f: NumbersFacts): NumbersOutcome {
  const { toPort, account, accountSrc } = f;
  if (!toPort.length)
    return {
      verdict: account ? 'missing' : 'not_checked',
      reasons: [
        account
          ? `No numbers to port are given (no LOA list, no case numbers); the ${SOURCE_LABEL[accountSrc!]} lists ${account.length}.`
          : 'No numbers to port and no CSR or invoice list to check them against.',
      ],
    };
  if (!account)
    return {
      verdict: 'not_checked',
      reasons: [
        `${toPort.length} number(s) to port; no CSR or invoice lists the account's numbers, so they cannot be checked.`,
      ],
    };
  return {
    verdict: 'match',
    reasons: [
      `${toPort.length} number(s) to port, checked against the ${SOURCE_LABEL[accountSrc!]} (${account.length} on the account).`,
    ],
  };
}

/** Each list as read and as E.164 (the LOA's with its "through" ranges spelt out). */
function numberListsShown(
  lists: (NumberList | null)[],
  loaParsed: { ok: string[] } | null,
  caseNumbers: string[] | undefined,
): Pick<FieldComparison, 'values' | 'normalized'> {
  const values: FieldComparison['values'] = {};
  const normalized: FieldComparison['normalized'] = {};
  for (const v of lists) {
    if (v) {
      values[v.src] = v.value.join(', ');
      normalized[v.src] = (v.src === 'loa' && loaParsed ? loaParsed.ok : e164List(v.value).ok).join(', ');
    }
  }
  if (caseNumbers?.length) {
    values.case = caseNumbers.join(', ');
    normalized.case = e164List(caseNumbers).ok.join(', ');
  }
  return { values, normalized };
}

function compareNumbers(
  c: Collector,
  input: ReturnType<typeof CompareInput.parse>,
  docs: Docs,
  find: Finder,
): { field: FieldComparison; report: NumbersReport } {
  const loaList = fromDoc(docs, 'loa', 'phone_numbers');
  const loaParsed = loaList ? withRanges(e164List(loaList.value), find.ranges('loa')) : null;
  const { toPort, source: toPortSource, invalid } = numbersToPort(input, docs, loaParsed);
  const csrList = fromDoc(docs, 'csr', 'phone_numbers');
  const invList = fromDoc(docs, 'invoice', 'phone_numbers');
  const accountVal = csrList ?? invList;
  const account = accountVal ? e164List(accountVal.value).ok : null;
  const accountSrc = accountVal?.src ?? null;

  const { values, normalized } = numberListsShown([loaList, invList, csrList], loaParsed, input.caseData?.numbers);
  const evidence = ev([loaList, invList, csrList]);

  // numbers on other accounts (extra CSRs) → split orders
  const allAccounts = accountsOf(input, docs, account);
  const onAny = new Set(allAccounts.flatMap((a) => a.numbers));
  // guided verification: a number the reader missed may still be in the account document's lists
  const foundOnAccount =
    account && accountSrc && accountSrc !== 'case'
      ? toPort.filter((n) => !onAny.has(n) && find.number(n, accountSrc as DocSrc))
      : [];
  const notOnAccount = account ? toPort.filter((n) => !onAny.has(n) && !foundOnAccount.includes(n)) : [];
  const notOnLoa = toPortSource !== 'loa' && loaParsed ? toPort.filter((n) => !loaParsed.ok.includes(n)) : [];
  const keepList = fromDoc(docs, 'loa', 'numbers_not_to_port');
  const keepParsed = keepList ? e164List(keepList.value).ok : [];
  const conflicting = toPort.filter((n) => keepParsed.includes(n));
  const staying = account ? account.filter((n) => !toPort.includes(n)) : [];
  const btn = allAccounts[0]!.btn;
  const partial = toPort.length > 0 && staying.length > 0;
  const btnPorted = partial && !!btn && toPort.includes(btn);
  const groups = splitGroups(allAccounts, toPort);
  const facts: NumbersFacts = {
    docs,
    find,
    toPort,
    toPortSource,
    toPortFrom: toPortSource === 'loa' ? ['loa'] : ['case'],
    loaList,
    invList,
    accountVal,
    account,
    accountSrc,
    staying,
    stayingKeep: staying.filter((n) => keepParsed.includes(n)),
    btn,
    numEvidence: evidenceOf([csrList ?? invList, loaList], (v) => (v as string[]).join(', ')),
  };

  const out = numbersBaseline(facts);
  if (foundOnAccount.length)
    out.reasons.push(
      `${foundOnAccount.join(', ')} found in the ${SOURCE_LABEL[accountSrc!]}'s number list (missed when it was read).`,
    );
  reportNotOnAccount(c, facts, out, notOnAccount);
  reportLoaAndSplit(c, facts, out, notOnLoa, conflicting, groups);
  if (partial) reportPartialPort(c, facts, out, btnPorted);
  if (invalid.length) out.reasons.push(`Could not read as phone numbers: ${invalid.join(', ')}.`);
  const field = c.field({
    field: 'phone_numbers',
    verdict: out.verdict,
    values,
    normalized,
    reference: accountSrc,
    evidence,
    reason: out.reasons.join(' '),
  });
  return {
    field,
    report: {
      to_port: toPort,
      to_port_source: toPortSource,
      on_account: account,
      not_on_account: notOnAccount,
      not_on_loa: [...notOnLoa, ...conflicting],
      staying,
      staying_marked_keep: facts.stayingKeep,
      partial_port: partial,
      btn_ported_in_partial: btnPorted,
      invalid,
      split_groups: groups.length > 1 ? groups : [],
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Dates and signature

function compareDocDate(
  c: Collector,
  field: 'invoice_date' | 'loa_date',
  doc: ExtractedFields | undefined,
  asOf: string,
  maxAge: number,
  find: Finder,
): FieldComparison {
  const src: Src = field === 'invoice_date' ? 'invoice' : 'loa';
  const noun = field === 'invoice_date' ? 'invoice' : 'LOA';
  if (!doc) {
    return c.field({
      field,
      verdict: 'not_checked',
      values: {},
      normalized: {},
      reference: null,
      evidence: {},
      reason: `No ${noun} was given.`,
    });
  }
  const d = doc.document_date;
  if (!d || !d.value) {
    return c.field({
      field,
      verdict: 'not_checked',
      values: {},
      normalized: {},
      reference: null,
      evidence: {},
      reason: `No date found on the ${noun}; check it by hand (limit ${maxAge} days).`,
    });
  }
  const values = { [src]: d.value };
  const evidence = { [src]: { page: d.page, bbox: d.bbox } };
  const age = daysBetween(d.value, asOf);
  if (age === null) {
    return c.field({
      field,
      verdict: 'not_checked',
      values,
      normalized: {},
      reference: null,
      evidence,
      reason: `The ${noun} date "${d.value}" could not be read as a date.`,
    });
  }
  // a date under a weak "Date" label scores low on a text layer too: only OCR'd or very unsure dates are doubted
  const dateSure = find.known(src)
    ? find.sure(src, d.confidence) || (!find.ocr(src) && d.confidence >= 0.5)
    : d.confidence >= 0.5;
  if (age > maxAge && !dateSure) {
    const code = reviewedRejection(field);
    c.check(
      field,
      code,
      `The ${noun} date was read as ${d.value} with low confidence (${Math.round(d.confidence * 100)}%); at ${age} days it would be over the ${maxAge}-day limit.`,
      [src],
      null,
      { [src]: [{ value: d.value, page: d.page, bbox: d.bbox, confidence: d.confidence }] },
    );
    return c.field({
      field,
      verdict: 'check',
      values,
      normalized: { [src]: d.value },
      reference: null,
      evidence,
      reason: `Could not be confirmed — look at the date: read as ${d.value} (${age} days old, over the ${maxAge}-day limit) with low confidence.`,
    });
  }
  if (age > maxAge) {
    const code = reviewedRejection(field);
    c.predict(code, 'blocker', `The ${noun} is dated ${d.value}, ${age} days before ${asOf} (limit ${maxAge} days).`, {
      [src]: { value: d.value, page: d.page, bbox: d.bbox },
    });
    return c.field({
      field,
      verdict: 'too_old',
      values,
      normalized: { [src]: d.value },
      reference: null,
      evidence,
      reason: `Dated ${d.value}: ${age} days old, over the ${maxAge}-day limit: ask for a ${field === 'invoice_date' ? 'recent invoice' : 'newly signed LOA'}.`,
    });
  }
  if (age < 0) {
    return c.field({
      field,
      verdict: 'info',
      values,
      normalized: { [src]: d.value },
      reference: null,
      evidence,
      reason: `Dated ${d.value}, ${-age} day(s) after ${asOf}: check the date.`,
    });
  }
  return c.field({
    field,
    verdict: 'match',
    values,
    normalized: { [src]: d.value },
    reference: null,
    evidence,
    reason: `Dated ${d.value}: ${age} day(s) old, within the ${maxAge}-day limit.`,
  });
}

function compareSignature(c: Collector, loa: ExtractedFields | undefined, find: Finder): FieldComparison {
  if (!loa) {
    c.predict('LOA_MISSING', 'warning', 'No LOA was given; the port needs one signed by the authorized person.', {});
    return c.field({
      field: 'loa_signature',
      verdict: 'not_checked',
      values: {},
      normalized: {},
      reference: null,
      evidence: {},
      reason: 'No LOA was given.',
    });
  }
  const s = loa.signature_present;
  if (!s)
    return c.field({
      field: 'loa_signature',
      verdict: 'not_checked',
      values: {},
      normalized: {},
      reference: null,
      evidence: {},
      reason: 'Could not tell whether the LOA is signed; check it by hand.',
    });
  const evidence = { loa: { page: s.page, bbox: s.bbox } };
  if (!s.value && !find.sure('loa', s.confidence)) {
    c.check(
      'loa_signature',
      reviewedRejection('loa_signature'),
      'No signature was recognised on the LOA, but the reader was not sure; look at the signature line.',
      ['loa'],
      null,
      { loa: [{ value: 'no signature recognised', page: s.page, bbox: s.bbox, confidence: s.confidence }] },
    );
    return c.field({
      field: 'loa_signature',
      verdict: 'check',
      values: { loa: 'unsigned?' },
      normalized: { loa: 'unsigned' },
      reference: null,
      evidence,
      reason: 'Could not be confirmed — look at the signature line: no signature was recognised.',
    });
  }
  if (!s.value) {
    c.predict(reviewedRejection('loa_signature'), 'blocker', 'The LOA has no signature.', {
      loa: { value: 'unsigned', page: s.page, bbox: s.bbox },
    });
    return c.field({
      field: 'loa_signature',
      verdict: 'mismatch',
      values: { loa: 'unsigned' },
      normalized: { loa: 'unsigned' },
      reference: null,
      evidence,
      reason: 'The LOA is not signed.',
    });
  }
  return c.field({
    field: 'loa_signature',
    verdict: 'match',
    values: { loa: 'signed' },
    normalized: { loa: 'signed' },
    reference: null,
    evidence,
    reason: 'The LOA is signed.',
  });
}

// ---------------------------------------------------------------------------------------------
// PIN

/** A PIN as written under a document's PIN label, OCR's letter lookalikes read as digits. */
function pinLocator(find: Finder, want: string, on: DocSrc): Found | null {
  const key = normalizePin(want);
  if (!key) return null;
  const digitsOnly = /^\d+$/.test(key);
  return find.scalar(
    'pin',
    on,
    (text, toks) => normalizePin(text) === key || (digitsOnly && digitsOfToks(toks) === key),
    3,
  );
}

/**
 * Guided verification of two PINs that seem to differ: each written under the other's PIN label is
 * a misreading (a match); each read under its own label, differing in more than one character (a
 * one-character slip may be OCR's), is a certain difference; anything else is a look at both.
 */
function settlePins(find: Finder, loa: Val<string>, csr: Val<string>): 'match' | 'mismatch' | 'doubt' | 'elsewhere' {
  const a = normalizePin(loa.value);
  const b = normalizePin(csr.value);
  if (a === b) return 'match';
  if ((csr.conf < 1 && pinLocator(find, loa.value, 'csr')) || (loa.conf < 1 && pinLocator(find, csr.value, 'loa')))
    return 'match';
  // the LOA's PIN written elsewhere on the CSR: its reader may have taken another code for the PIN
  const loaPinOnCsr = csr.conf < 1 && a.length >= 4 && !!find.written('csr', a, { digits: /^\d+$/.test(a) });
  if (loaPinOnCsr) return 'elsewhere';
  if (find.sure('loa', loa.conf) && find.sure('csr', csr.conf)) return 'mismatch';
  const ownLabel = (v: Val<string>, on: DocSrc) =>
    v.conf >= 1 || find.sure(on, v.conf) || !!pinLocator(find, v.value, on);
  const slip = a.length === b.length && [...a].filter((ch, i) => ch !== b[i]).length <= 1;
  if (slip) return 'doubt';
  if (ownLabel(loa, 'loa') && ownLabel(csr, 'csr')) return 'mismatch';
  // the LOA's PIN nowhere on the CSR, whose own PIN reading is no scrap: the carrier has another PIN
  const loaPinNowhere = find.known('csr') && a.length >= 4 && !loaPinOnCsr;
  return loaPinNowhere && ownLabel(loa, 'loa') && csr.conf >= CONTRARY_MIN ? 'mismatch' : 'doubt';
}

/**
 * The LOA's PIN when its reader found none but the LOA writes the CSR's PIN (four or more digits
 * standing on their own): the LOA gives it, only unread.
 */
function pinWrittenOnLoa(find: Finder, csr: Val<string>): Val<string> | null {
  const key = normalizePin(csr.value);
  if (key.length < 4 || !/^\d+$/.test(key)) return null;
  const f = find.written('loa', key, { digits: true });
  return f ? { src: 'loa', value: key, page: f.page, bbox: f.bbox, conf: Math.min(f.conf, 0.95) } : null;
}

/**
 * The CSR's PIN when its reader found none: the word under the CSR's own PIN label, if it looks like a
 * PIN (digits, not "None" or "On file"). Only to compare with the LOA's PIN.
 */
function pinUnderCsrLabel(find: Finder): Val<string> | null {
  if (!find.known('csr') || !find.labelled('csr', 'pin')) return null;
  const f = find.scalar('pin', 'csr', (text) => /^[A-Za-z0-9-]{4,12}$/.test(text.trim()) && /\d{3}/.test(text), 1);
  return f ? { src: 'csr', value: f.text.trim(), page: f.page, bbox: f.bbox, conf: f.conf } : null;
}

/** The LOA's PIN against the CSR's: a match, a rejection, or a check when one was read with low confidence. */
function compareLoaPin(
  c: Collector,
  find: Finder,
  loa: Val<string>,
  csr: Val<string>,
  shown: Pick<FieldComparison, 'values' | 'evidence'>,
): FieldComparison {
  const { values, evidence } = shown;
  const settled = settlePins(find, loa, csr);
  if (settled === 'match') {
    return c.field({
      field: 'pin',
      verdict: 'match',
      values,
      normalized: {},
      reference: 'csr',
      evidence,
      reason: "The LOA PIN matches the CSR (found under the other document's PIN label).",
    });
  }
  const same = normalizePin(loa.value) === normalizePin(csr.value);
  if (!same && (settled === 'doubt' || settled === 'elsewhere')) {
    c.check(
      'pin',
      reviewedRejection('pin'),
      settled === 'elsewhere'
        ? "The PINs seem to differ, but the LOA's PIN is written elsewhere on the CSR: its reader may have taken another code for the PIN; compare them on the documents."
        : `The PINs seem to differ, but ${loa.conf < csr.conf ? 'the LOA' : 'the CSR'}'s was read with low confidence; compare them on the documents.`,
      ['loa'],
      'csr',
      {
        loa: [candidate({ ...loa, value: maskPin(loa.value) }, String)],
        csr: [candidate({ ...csr, value: maskPin(csr.value) }, String)],
      },
    );
    return c.field({
      field: 'pin',
      verdict: 'check',
      values,
      normalized: {},
      reference: 'csr',
      evidence,
      reason: 'Could not be confirmed — look at both PINs (one was read with low confidence).',
    });
  }
  if (!same) {
    c.predict(reviewedRejection('pin'), 'blocker', 'The PIN on the LOA differs from the one on the CSR.', {
      loa: { value: maskPin(loa.value), page: loa.page, bbox: loa.bbox },
      csr: { value: maskPin(csr.value), page: csr.page, bbox: csr.bbox },
    });
    return c.field({
      field: 'pin',
      verdict: 'mismatch',
      values,
      normalized: {},
      reference: 'csr',
      evidence,
      reason: 'The LOA PIN differs from the PIN on the CSR.',
    });
  }
  return c.field({
    field: 'pin',
    verdict: 'match',
    values,
    normalized: {},
    reference: 'csr',
    evidence,
    reason: 'The LOA PIN matches the CSR.',
  });
}

function comparePin(
  c: Collector,
  docs: Docs,
  pinSet: boolean | undefined,
  carrier: CarrierEntry | null,
  find: Finder,
): FieldComparison {
  const csrRead = fromDoc(docs, 'csr', 'pin');
  const loa = fromDoc(docs, 'loa', 'pin') ?? (csrRead && docs.loa ? pinWrittenOnLoa(find, csrRead) : null);
  const csr = csrRead ?? (loa ? pinUnderCsrLabel(find) : null);
  const values: FieldComparison['values'] = {};
  if (loa) values.loa = maskPin(loa.value);
  if (csr) values.csr = maskPin(csr.value);
  if (pinSet !== undefined) values.case = pinSet ? 'set' : 'not set';
  const evidence = ev([loa, csr]);
  const have = !!loa || !!pinSet;
  if (csr) {
    if (loa) return compareLoaPin(c, find, loa, csr, { values, evidence });
    if (pinSet) {
      return c.field({
        field: 'pin',
        verdict: 'info',
        values,
        normalized: {},
        reference: 'csr',
        evidence,
        reason:
          'The CSR carries a PIN and the case has one set; compare them on the case screen (PINs are not shown here).',
      });
    }
    c.predict(
      reviewedRejection('pin'),
      'blocker',
      'The CSR shows the account has a PIN, but neither the LOA nor the case gives one.',
      { csr: { value: maskPin(csr.value), page: csr.page, bbox: csr.bbox } },
    );
    return c.field({
      field: 'pin',
      verdict: 'missing',
      values,
      normalized: {},
      reference: 'csr',
      evidence,
      missing_on: docs.loa ? ['loa'] : ['case'],
      reason: 'The account has a PIN (on the CSR) but none is given.',
    });
  }
  const required = carrier?.pin.required;
  if (!have && required === 'yes') {
    c.predict(
      reviewedRejection('pin'),
      'warning',
      `${carrier!.name} requires a carrier-level PIN and none is given. ${carrier!.pin.source}.`,
      {},
    );
  }
  const where = carrier ? ` ${carrier.name}: ${carrier.pin.source}.` : '';
  return c.field({
    field: 'pin',
    verdict: 'info',
    values,
    normalized: {},
    reference: null,
    evidence,
    reason: `Cannot be checked: PINs are never on bills and the CSR shows none. ${have ? 'A PIN is given; confirm it with the losing carrier.' : 'No PIN is given; ask the customer whether the losing carrier requires one.'}${where}`,
  });
}

// ---------------------------------------------------------------------------------------------
// Carrier, reseller notice, checklist

function compareCarrier(c: Collector, docs: Docs, caseData: { losing_carrier?: string | undefined } | undefined) {
  const vals: Partial<Record<Src, Val<string>>> = {};
  for (const s of ['loa', 'invoice', 'csr'] as const) {
    const v = fromDoc(docs, s, 'carrier_name');
    if (v) vals[s] = v;
  }
  const cv = caseVal(caseData?.losing_carrier);
  if (cv) vals.case = cv;
  const values: FieldComparison['values'] = {};
  const normalized: FieldComparison['normalized'] = {};
  const info: Partial<Record<Src, CarrierEntry | null>> = {};
  for (const [s, v] of Object.entries(vals) as [Src, Val<string>][]) {
    values[s] = v.value;
    info[s] = carrierInfo(v.value);
    normalized[s] = info[s]?.name ?? v.value;
  }
  const evidence = ev(Object.values(vals));
  const losingSrc: Src | null = vals.case
    ? 'case'
    : vals.loa
      ? 'loa'
      : vals.invoice
        ? 'invoice'
        : vals.csr
          ? 'csr'
          : null;
  const losing = losingSrc ? { name: vals[losingSrc]!.value, entry: info[losingSrc] ?? null, src: losingSrc } : null;

  const ref = vals.csr ?? vals.invoice ?? null;
  let verdict: Verdict = 'not_checked';
  const reasons: string[] = [];
  let underlyingFromDocs: string | null = null;
  if (!losing) reasons.push('No losing carrier is named on any document or the case.');
  else if (!ref) {
    verdict = 'info';
    reasons.push(
      `Losing carrier: ${losing.entry?.name ?? losing.name} (from the ${SOURCE_LABEL[losing.src]}); no CSR or invoice names the carrier.`,
    );
  } else {
    const verdicts: Verdict[] = [];
    const refInfo = info[ref.src] ?? null;
    for (const s of (['loa', 'case'] as Src[]).filter((x) => vals[x])) {
      const v = vals[s]!;
      const i = info[s] ?? null;
      const sameId = i && refInfo && i.id === refInfo.id;
      const sameName = normalizeBusinessName(v.value).key === normalizeBusinessName(ref.value).key;
      if (sameId || sameName) {
        verdicts.push(v.value.trim() === ref.value.trim() ? 'match' : 'equivalent');
        continue;
      }
      // the CSR comes from the underlying carrier of a reseller: expected
      if (
        i?.reseller &&
        (!refInfo || refInfo.id !== i.id) &&
        (i.underlying_carriers.length === 0 || i.underlying_carriers.some((u) => carrierInfo(u)?.id === refInfo?.id))
      ) {
        verdicts.push('info');
        underlyingFromDocs = refInfo?.name ?? ref.value;
        reasons.push(
          `${SOURCE_LABEL[s]} names the reseller ${i.name}; the ${SOURCE_LABEL[ref.src]} comes from ${underlyingFromDocs}, its underlying carrier.`,
        );
        continue;
      }
      // not a rejection cause (the portability check names the carrier), but worth a look
      verdicts.push('info');
      reasons.push(
        `${SOURCE_LABEL[s]} names ${v.value} but the ${SOURCE_LABEL[ref.src]} is from ${ref.value}: check the documents belong to this port.`,
      );
    }
    verdict = verdicts.length ? worst(verdicts) : 'info';
    if (!reasons.length)
      reasons.push(
        verdict === 'info'
          ? `The ${SOURCE_LABEL[ref.src]} is from ${ref.value}.`
          : `Same carrier: ${refInfo?.name ?? ref.value}.`,
      );
  }
  c.field({
    field: 'losing_carrier',
    verdict,
    values,
    normalized,
    reference: ref?.src ?? null,
    evidence,
    reason: reasons.join(' '),
  });
  return { losing, underlyingFromDocs };
}

function resellerNotice(entry: CarrierEntry, underlyingKnown: string | null): ResellerNotice {
  const under = entry.underlying_carriers.length ? entry.underlying_carriers.join(' or ') : 'an underlying carrier';
  return {
    provider: entry.name,
    underlying_carriers: entry.underlying_carriers,
    underlying_known: underlyingKnown,
    account_number_source: entry.account_number.source,
    pin_source: entry.pin.source,
    requirements: entry.requirements,
    question: resellerQuestion(),
    message:
      `${entry.name} is a reseller: its numbers are on ${under}${underlyingKnown ? ` (here: ${underlyingKnown})` : ''}. The port is authorised by the underlying carrier's records, so the account number and PIN must be the carrier-level ones, not the ${entry.name} login. ${entry.notes}`.trim(),
  };
}

function verdictOf(c: Collector, f: ComparedField): Verdict {
  return c.fields[f]?.verdict ?? 'not_checked';
}

function buildChecklist(
  c: Collector,
  losing: CarrierEntry | null,
  underlyingKnown: string | null,
  hasCsr: boolean,
): ChecklistItem[] {
  const items: ChecklistItem[] = [];
  const good = (v: Verdict) => v === 'match' || v === 'equivalent';
  for (const { id, text } of preSubmitChecklist()) {
    let state: ChecklistItem['state'] = 'unknown';
    let auto = false;
    let note: string | undefined;
    switch (id) {
      case 'underlying_carrier':
        if (losing && !losing.reseller) {
          state = 'done';
          auto = true;
          note = `${losing.name} is not a reseller.`;
        } else if (losing?.reseller && underlyingKnown) {
          state = 'done';
          auto = true;
          note = `Underlying carrier: ${underlyingKnown}.`;
        } else if (losing?.reseller) {
          state = 'open';
          auto = true;
          note = `${losing.name} is a reseller: ask which carrier holds the numbers.`;
        }
        break;
      case 'account_number': {
        const v = verdictOf(c, 'account_number');
        if (hasCsr && good(v)) {
          state = 'done';
          auto = true;
          note = 'Matches the CSR.';
        } else if (v === 'mismatch' || v === 'missing') {
          state = 'open';
          auto = true;
          note = c.fields.account_number?.reason;
        }
        break;
      }
      case 'pin': {
        const v = verdictOf(c, 'pin');
        if (v === 'match') {
          state = 'done';
          auto = true;
          note = 'Matches the CSR.';
        } else if (v === 'mismatch' || v === 'missing') {
          state = 'open';
          auto = true;
          note = c.fields.pin?.reason;
        }
        break;
      }
      case 'authorized_name': {
        const vs = [verdictOf(c, 'account_name'), verdictOf(c, 'authorized_person')];
        if (vs.some((v) => v === 'mismatch' || v === 'missing' || v === 'equivalent')) {
          state = 'open';
          auto = true;
          note = "Not letter for letter the same as the carrier's record: use the proposed exact string.";
        } else if (vs[0] === 'match' && (vs[1] === 'match' || vs[1] === 'not_checked' || vs[1] === 'info')) {
          state = 'done';
          auto = true;
          note =
            vs[1] === 'match'
              ? 'Entity name and authorized person match exactly.'
              : 'Entity name matches exactly (no authorized contact on the carrier record).';
        }
        break;
      }
      case 'service_address': {
        const v = verdictOf(c, 'service_address');
        if (good(v)) {
          state = 'done';
          auto = true;
          note = `Matches the ${c.fields.service_address?.reference === 'csr' ? 'CSR' : 'invoice service address'}.`;
        } else if (v === 'mismatch' || v === 'missing') {
          state = 'open';
          auto = true;
          note = "Use the service address on the carrier's records, not the billing address.";
        }
        break;
      }
      case 'loa_signed': {
        const sig = verdictOf(c, 'loa_signature');
        const date = verdictOf(c, 'loa_date');
        if (sig === 'mismatch' || date === 'mismatch') {
          state = 'open';
          auto = true;
          note = sig === 'mismatch' ? 'The LOA is not signed.' : 'The LOA is too old: get a new signature.';
        } else if (sig === 'match' && (date === 'match' || date === 'info')) {
          state = 'done';
          auto = true;
          note = 'Signed and dated within the limit.';
        }
        break;
      }
    }
    items.push({ id, text, state, auto, ...(note ? { note } : {}) });
  }
  return items;
}

// ---------------------------------------------------------------------------------------------
// The documents as a whole

/**
 * An LOA whose name, account number and numbers belong to no carrier document of the case was
 * probably attached to the wrong case; with no CSR or invoice at all, nothing is the carrier's.
 */
function documentBanners(c: Collector, docs: Docs, report: NumbersReport): void {
  const carrierDocs = (['csr', 'invoice'] as const).map((k) => docs[k]).filter((d): d is ExtractedFields => !!d);
  if (!docs.loa && !carrierDocs.length) {
    // no rejection predicted here means nothing was looked at, not that the case is clean
    c.banners.push({
      kind: 'nothing_checked',
      source: null,
      message:
        'Nothing could be checked: no LOA, invoice or CSR has been read for this case (missing: LOA, invoice, CSR). Attach them on the Documents tab; until then PortDesk cannot predict any rejection.',
    });
  }
  if (docs.loa && !carrierDocs.length) {
    c.banners.push({
      kind: 'no_carrier_record',
      source: null,
      message:
        "No CSR or invoice is attached: the LOA can be checked against the case only, not against the carrier's records.",
    });
  }
  const loa = docs.loa;
  if (loa && carrierDocs.length) {
    let comparable = 0;
    let belongs = 0;
    const weigh = (
      mine: string | undefined,
      theirs: (string | undefined)[],
      same: (a: string, b: string) => boolean,
    ) => {
      const others = theirs.filter((t): t is string => !!t?.trim());
      if (!mine?.trim() || !others.length) return;
      comparable++;
      if (others.some((t) => same(t, mine))) belongs++;
    };
    weigh(
      loa.account_name?.value,
      carrierDocs.map((d) => d.account_name?.value),
      (a, b) => compareEntityNames(a, b).verdict !== 'mismatch',
    );
    weigh(
      loa.account_number?.value,
      carrierDocs.map((d) => d.account_number?.value),
      (a, b) => compareAccountNumbers(a, b).verdict !== 'mismatch',
    );
    const loaNumbers = loa.phone_numbers ? e164List(loa.phone_numbers.value).ok : [];
    if (loaNumbers.length && report.on_account?.length) {
      comparable++;
      if (loaNumbers.some((n) => report.on_account!.includes(n))) belongs++;
    }
    if (comparable >= 2 && belongs === 0) {
      const what = [
        loa.account_name?.value && `"${loa.account_name.value}"`,
        loa.account_number?.value && `account ${loa.account_number.value}`,
      ]
        .filter(Boolean)
        .join(', ');
      c.banners.push({
        kind: 'wrong_document',
        source: 'loa',
        message: `The LOA (${what || 'its name and numbers'}) matches nothing on the ${carrierDocs.length === 2 ? 'CSR or invoice' : docs.csr ? 'CSR' : 'invoice'}: its name, account and numbers belong to no other document of this case. It may be another customer's LOA — check the right one is attached.`,
      });
    }
  }
  if (c.disagreements.length) {
    c.banners.push({
      kind: 'documents_disagree',
      source: 'invoice',
      message: `The invoice and the CSR disagree on the ${c.disagreements.join(', ')}: often a wrong account or an outdated bill. Check both belong to this account.`,
    });
  }
}
type Guided = (
  field: ComparedField,
  compare: ScalarSpec['compare'],
) => Pick<
  ScalarSpec,
  'compare' | 'locate' | 'locateAnywhere' | 'written' | 'implausible' | 'labelled' | 'pagesKnown' | 'sure'
>;

/**
 * A value written anywhere on a document: a name with a letter or two more wrong than OCR's
 * lookalikes (long names two), an account number digit for digit, standing on its own.
 */
function writtenLocator(find: Finder, field: ComparedField): ScalarSpec['written'] {
  if (field === 'account_name' || field === 'authorized_person')
    return (value, on) => {
      const n = ocrKey(value).length;
      return find.written(on, value, { maxEdits: n >= 12 ? 2 : n >= 6 ? 1 : 0 });
    };
  if (field === 'account_number')
    return (value, on) => {
      const want = normalizeAccountNumber(value);
      return want.length >= 4 ? find.written(on, want, { digits: /^\d+$/.test(want) }) : null;
    };
  return () => null;
}

/** Guided verification for a scalar field: where its values are written on the documents. */
function guidedBy(find: Finder): Guided {
  return (field, compare) => ({
    compare,
    locate: scalarLocator(find, field, compare),
    locateAnywhere: scalarLocator(find, field, compare, true),
    written: writtenLocator(find, field),
    implausible:
      field === 'account_name' || field === 'authorized_person' ? (value) => nameProblem(field, value) : () => null,
    labelled: (on: DocSrc) => find.labelled(on, field),
    pagesKnown: find.known,
    sure: find.sure,
  });
}

/** Entity, authorised person, BTN and account number; returns the account number's comparison. */
function compareIdentity(c: Collector, docs: Docs, cd: CaseData, present: Set<Src>, guided: Guided): FieldComparison {
  compareScalar(c, {
    field: 'account_name',
    noun: labelInSentence(COMPARED_FIELD_LABEL.account_name),
    code: reviewedRejection('account_name'),
    equivalentRiskCode: reviewedRejection('account_name'),
    present,
    requiredOn: ['loa'],
    missingLevel: 'blocker',
    vals: {
      loa: fromDoc(docs, 'loa', 'account_name'),
      invoice: fromDoc(docs, 'invoice', 'account_name'),
      csr: fromDoc(docs, 'csr', 'account_name'),
      case: caseVal(cd?.entity_name),
    },
    ...guided('account_name', nameCompare(compareEntityNames)),
    normalize: (s) => {
      const n = normalizeBusinessName(s);
      return [n.key, ...n.suffixes].join(' ');
    },
  });
  compareScalar(c, {
    field: 'authorized_person',
    noun: labelInSentence(COMPARED_FIELD_LABEL.authorized_person),
    code: reviewedRejection('authorized_person'),
    equivalentRiskCode: reviewedRejection('authorized_person'),
    present,
    requiredOn: ['loa'],
    missingLevel: 'blocker',
    vals: {
      loa: fromDoc(docs, 'loa', 'authorized_person'),
      invoice: fromDoc(docs, 'invoice', 'authorized_person'),
      csr: fromDoc(docs, 'csr', 'authorized_person'),
      case: caseVal(cd?.authorized_person),
    },
    ...guided('authorized_person', nameCompare(comparePersonNames, true)),
    normalize: (s) => s.trim().toUpperCase(),
  });
  compareScalar(c, {
    field: 'btn',
    noun: labelInSentence(COMPARED_FIELD_LABEL.btn),
    code: reviewedRejection('btn'),
    present,
    requiredOn: ['loa'],
    missingLevel: 'warning',
    vals: {
      loa: fromDoc(docs, 'loa', 'btn'),
      invoice: fromDoc(docs, 'invoice', 'btn'),
      csr: fromDoc(docs, 'csr', 'btn'),
      case: caseVal(cd?.btn),
    },
    ...guided('btn', compareBtn),
    normalize: (s) => toE164(s) ?? s.replace(/\D/g, ''),
  });
  return compareScalar(c, {
    field: 'account_number',
    noun: labelInSentence(COMPARED_FIELD_LABEL.account_number),
    code: reviewedRejection('account_number'),
    present,
    requiredOn: ['loa'],
    missingLevel: 'warning',
    vals: {
      loa: fromDoc(docs, 'loa', 'account_number'),
      invoice: fromDoc(docs, 'invoice', 'account_number'),
      csr: fromDoc(docs, 'csr', 'account_number'),
      case: caseVal(cd?.account_number),
    },
    ...guided('account_number', compareAccountNumbers),
    normalize: normalizeAccountNumber,
  });
}

/** The losing carrier's account-number rules: its format, and a reseller's carrier-level number. */
function warnAccountNumberRules(c: Collector, acct: FieldComparison, losingEntry: CarrierEntry | null): void {
  // carrier format (Twilio SID, AT&T length): a doubt, not a certainty, unless the CSR confirms the value
  const formatCarrier = losingEntry?.account_number.format ? losingEntry : null;
  if (formatCarrier?.account_number.format) {
    for (const src of ['loa', 'case'] as Src[]) {
      const v = acct.values[src];
      if (!v) continue;
      const problem = checkAccountFormat(v, formatCarrier.account_number.format);
      if (problem && acct.reference !== 'csr') {
        c.predict(
          reviewedRejection('account_number'),
          'warning',
          `${SOURCE_LABEL[src]}: ${problem} ${formatCarrier.account_number.source}.`,
          { [src]: { value: v, page: acct.evidence[src]?.page ?? null, bbox: acct.evidence[src]?.bbox ?? null } },
        );
        acct.reason += ` ${SOURCE_LABEL[src]}: ${problem}`;
      }
    }
  }
  if (losingEntry?.reseller && acct.reference !== 'csr') {
    c.predict(
      reviewedRejection('account_number'),
      'warning',
      `${losingEntry.name} is a reseller: the account number must be the carrier-level one (${losingEntry.account_number.source}), not the reseller login.`,
      {},
    );
  }
}

function caseServiceAddress(cd: CaseData): AddressParts | null {
  return cd && (cd.service_street || cd.service_city || cd.service_zip)
    ? parseAddress({
        street: cd.service_street ?? '',
        unit: cd.service_unit ?? '',
        city: cd.service_city ?? '',
        state: cd.service_state ?? '',
        zip: cd.service_zip ?? '',
      })
    : null;
}

export function compareCase(rawInput: CompareInput): ComparisonResult {
  const input = CompareInput.parse(rawInput);
  const limits = {
    invoiceMaxAgeDays: input.limits?.invoiceMaxAgeDays ?? 30,
    loaMaxAgeDays: input.limits?.loaMaxAgeDays ?? 30,
  };
  const docs: Docs = { loa: input.loa, invoice: input.invoice, csr: input.csr };
  const cd = input.caseData;
  const present = new Set<Src>();
  if (input.loa) present.add('loa');
  if (cd) present.add('case');
  const c = new Collector();
  const find = finder(input.pages);

  const { losing, underlyingFromDocs } = compareCarrier(c, docs, cd);
  const losingEntry = losing?.entry ?? null;
  const acct = compareIdentity(c, docs, cd, present, guidedBy(find));
  warnAccountNumberRules(c, acct, losingEntry);
  comparePin(c, docs, cd?.pin_set, losingEntry, find);
  compareServiceAddress(c, docs, caseServiceAddress(cd), present, find);
  const { report } = compareNumbers(c, input, docs, find);
  compareDocDate(c, 'invoice_date', input.invoice, input.asOf, limits.invoiceMaxAgeDays, find);
  compareDocDate(c, 'loa_date', input.loa, input.asOf, limits.loaMaxAgeDays, find);
  if (!input.invoice)
    c.predict('INVOICE_MISSING', 'warning', 'No invoice was given; Telnyx asks for a recent bill with the LOA.', {});
  compareSignature(c, input.loa, find);

  const underlyingKnown = cd?.underlying_carrier?.trim() || underlyingFromDocs;
  const reseller = losingEntry?.reseller ? resellerNotice(losingEntry, underlyingKnown || null) : null;
  const checklist = buildChecklist(c, losingEntry, underlyingKnown || null, !!input.csr);
  documentBanners(c, docs, report);

  const fields = c.fields as Record<ComparedField, FieldComparison>;
  const notChecked = (Object.values(fields) as FieldComparison[])
    .filter((f) => f.verdict === 'not_checked' || (f.field === 'pin' && f.verdict === 'info'))
    .map((f) => f.field);
  const documents = (['loa', 'invoice', 'csr'] as const).filter((d) => !!input[d]) as Src[];
  if (cd) documents.push('case');
  return {
    as_of: input.asOf,
    reference_document: input.csr ? 'csr' : input.invoice ? 'invoice' : null,
    documents,
    fields,
    predicted_rejections: c.blockers,
    checks: c.checks,
    banners: c.banners,
    risks: c.risks,
    not_checked: notChecked,
    checklist,
    carrier: losing
      ? {
          name: losing.entry?.name ?? losing.name,
          id: losing.entry?.id ?? null,
          reseller: !!losing.entry?.reseller,
          from: losing.src,
        }
      : null,
    reseller,
    numbers: report,
    counts: {
      blockers: c.blockers.length,
      warnings: c.risks.length,
      checks: c.checks.length,
      mismatched_fields: (Object.values(fields) as FieldComparison[]).filter(
        (f) => f.verdict === 'mismatch' || f.verdict === 'missing',
      ).length,
    },
  };
}
