/** Dates and signature: the documents' dates against their maximum age, and the LOA's signature. */
import { type ExtractedFields } from '../../../shared/domain/document.js';
import { type FieldComparison } from '../../../shared/domain/comparison.js';
import { reviewedRejection } from '../../../shared/domain/fields.js';
import { Collector, type Src, daysBetween } from './run.js';
import { type Finder } from './finder.js';

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

export function compareSignature(c: Collector, loa: ExtractedFields | undefined, find: Finder): FieldComparison {
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
