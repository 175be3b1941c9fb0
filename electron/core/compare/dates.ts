/** Dates and signature: the documents' dates against their maximum age, and the LOA's signature. */
import { type ExtractedFields } from '../../../shared/domain/document.js';
import { type FieldComparison } from '../../../shared/domain/comparison.js';
import { reviewedRejection } from '../../../shared/domain/fields.js';
import { Collector, type Src, daysBetween } from './run.js';
import { type Finder } from './finder.js';

type Seen = Pick<FieldComparison, 'values' | 'normalized' | 'evidence'>;
const NOTHING_SEEN: Seen = { values: {}, normalized: {}, evidence: {} };

/** A row judged by a rule (an age limit, a signature), not against another document: it has no reference. */
function ruleRow(
  c: Collector,
  field: FieldComparison['field'],
  verdict: FieldComparison['verdict'],
  reason: string,
  seen: Seen = NOTHING_SEEN,
): FieldComparison {
  const { values, normalized, evidence } = seen;
  return c.field({ field, verdict, values, normalized, reference: null, evidence, reason });
}

export function compareDocDate(
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
    return ruleRow(c, field, 'not_checked', `No ${noun} was given.`);
  }
  const d = doc.document_date;
  if (!d || !d.value) {
    return ruleRow(c, field, 'not_checked', `No date found on the ${noun}; check it by hand (limit ${maxAge} days).`);
  }
  const values = { [src]: d.value };
  const evidence = { [src]: { page: d.page, bbox: d.bbox } };
  const seen: Seen = { values, normalized: values, evidence };
  const age = daysBetween(d.value, asOf);
  if (age === null) {
    return ruleRow(c, field, 'not_checked', `The ${noun} date "${d.value}" could not be read as a date.`, {
      ...seen,
      normalized: {},
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
    return ruleRow(
      c,
      field,
      'check',
      `Could not be confirmed — look at the date: read as ${d.value} (${age} days old, over the ${maxAge}-day limit) with low confidence.`,
      seen,
    );
  }
  if (age > maxAge) {
    const code = reviewedRejection(field);
    c.predict(code, 'blocker', `The ${noun} is dated ${d.value}, ${age} days before ${asOf} (limit ${maxAge} days).`, {
      [src]: { value: d.value, page: d.page, bbox: d.bbox },
    });
    return ruleRow(
      c,
      field,
      'too_old',
      `Dated ${d.value}: ${age} days old, over the ${maxAge}-day limit: ask for a ${field === 'invoice_date' ? 'recent invoice' : 'newly signed LOA'}.`,
      seen,
    );
  }
  if (age < 0) {
    return ruleRow(c, field, 'info', `Dated ${d.value}, ${-age} day(s) after ${asOf}: check the date.`, seen);
  }
  return ruleRow(c, field, 'match', `Dated ${d.value}: ${age} day(s) old, within the ${maxAge}-day limit.`, seen);
}

export function compareSignature(c: Collector, loa: ExtractedFields | undefined, find: Finder): FieldComparison {
  if (!loa) {
    c.predict('LOA_MISSING', 'warning', 'No LOA was given; the port needs one signed by the authorized person.', {});
    return ruleRow(c, 'loa_signature', 'not_checked', 'No LOA was given.');
  }
  const s = loa.signature_present;
  if (!s)
    return ruleRow(c, 'loa_signature', 'not_checked', 'Could not tell whether the LOA is signed; check it by hand.');
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
    return ruleRow(
      c,
      'loa_signature',
      'check',
      'Could not be confirmed — look at the signature line: no signature was recognised.',
      { values: { loa: 'unsigned?' }, normalized: { loa: 'unsigned' }, evidence },
    );
  }
  if (!s.value) {
    c.predict(reviewedRejection('loa_signature'), 'blocker', 'The LOA has no signature.', {
      loa: { value: 'unsigned', page: s.page, bbox: s.bbox },
    });
    return ruleRow(c, 'loa_signature', 'mismatch', 'The LOA is not signed.', {
      values: { loa: 'unsigned' },
      normalized: { loa: 'unsigned' },
      evidence,
    });
  }
  return ruleRow(c, 'loa_signature', 'match', 'The LOA is signed.', {
    values: { loa: 'signed' },
    normalized: { loa: 'signed' },
    evidence,
  });
}
