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
import {
  CompareInput,
  type ComparedField,
  type ComparisonResult,
  type FieldComparison,
} from '../../../shared/domain/comparison.js';
import { Collector, type Docs, type Src } from './run.js';
import { finder } from './finder.js';
import { caseServiceAddress, compareServiceAddress } from './address.js';
import { compareNumbers } from './numbers.js';
import { compareDocDate, compareSignature } from './dates.js';
import { comparePin } from './pin.js';
import { compareCarrier, resellerNotice } from './losing-carrier.js';
import { buildChecklist, documentBanners } from './checklist.js';
import { compareIdentity, warnAccountNumberRules } from './identity.js';

export { explainCode, rejectionCodes } from './rejections.js';

export { carrierInfo, carriers } from './carriers.js';
export { CERTAIN, CERTAIN_OCR, resetNumberCache, sayOnce } from './run.js';

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
  const acct = compareIdentity(c, docs, cd, present, find, input.gainingCarrier);
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
