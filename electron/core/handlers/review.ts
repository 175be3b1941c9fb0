import type { reviewContract } from '../../../shared/contract/review.js';
import type { DocumentField } from '../../../shared/contract/documents.js';
import type { CaseRecord } from '../../../shared/domain/case.js';
import type { CaseCompareData } from '../../../shared/domain/comparison.js';
import { ExtractedFields, type FieldName } from '../../../shared/domain/document.js';
import { compareCase } from '../compare/index.js';
import type { CoreContext } from '../context.js';
import { documentsHandlers } from './documents.js';
import type { HandlersFor } from './types.js';

/** The values in force on a document (corrections win), as the comparison reads them. */
function toExtracted(fields: DocumentField[]): ExtractedFields {
  const out: Record<string, unknown> = {};
  const shape = ExtractedFields.shape;
  for (const f of fields) {
    if (!(f.field in shape)) continue;
    const candidate = { value: f.value, confidence: f.confidence, page: f.page, bbox: f.bbox };
    // a value that does not fit the schema (an odd correction) is left out rather than failing the review
    if (shape[f.field as FieldName].safeParse(candidate).success) out[f.field] = candidate;
  }
  return ExtractedFields.parse(out);
}

function caseData(c: CaseRecord): CaseCompareData {
  return {
    entity_name: c.entity_name, authorized_person: c.authorized_person, btn: c.btn, account_number: c.account_number, pin_set: c.pin_set,
    service_street: c.service_street, service_unit: c.service_unit, service_city: c.service_city, service_state: c.service_state,
    service_zip: c.service_zip, losing_carrier: c.losing_carrier, underlying_carrier: c.underlying_carrier,
    numbers: c.numbers.flatMap((n) => (n.e164 ? [n.e164] : [])),
  };
}

function localDate(d: Date): string {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

async function reviewCase(caseId: number, asOf: string | undefined, ctx: CoreContext) {
  const record = await ctx.cases.get(caseId);
  const docs = await documentsHandlers['documents.list']({ caseId }, ctx);
  const relevant = docs.filter((d) => d.kind === 'loa' || d.kind === 'invoice' || d.kind === 'csr');
  const ready = relevant.filter((d) => d.status === 'ready');
  // newest document of each kind wins; older CSRs may describe other accounts (split orders)
  const newest = (kind: string) => ready.filter((d) => d.kind === kind).at(-1) ?? null;
  const loaDoc = newest('loa');
  const invoiceDoc = newest('invoice');
  const csrDoc = newest('csr');
  const extraCsrDocs = ready.filter((d) => d.kind === 'csr' && d !== csrDoc);
  const fieldsOf = async (id: number) => toExtracted(await documentsHandlers['documents.fields']({ id }, ctx));
  const result = compareCase({
    asOf: asOf ?? localDate(ctx.now()),
    ...(loaDoc ? { loa: await fieldsOf(loaDoc.id) } : {}),
    ...(invoiceDoc ? { invoice: await fieldsOf(invoiceDoc.id) } : {}),
    ...(csrDoc ? { csr: await fieldsOf(csrDoc.id) } : {}),
    extraCsrs: await Promise.all(extraCsrDocs.map((d) => fieldsOf(d.id))),
    caseData: caseData(record),
  });
  // the queue shows how many blockers a case has without re-running every comparison
  ctx.cases.touch(caseId, { blockers: result.counts.blockers });
  return {
    ...result,
    case_id: caseId,
    documents_used: { loa: loaDoc?.id ?? null, invoice: invoiceDoc?.id ?? null, csr: csrDoc?.id ?? null, extra_csrs: extraCsrDocs.map((d) => d.id) },
    pending_documents: relevant.filter((d) => d.status !== 'ready').map((d) => ({ id: d.id, name: d.name, kind: d.kind, status: d.status })),
  };
}

export const reviewHandlers = {
  'review.compare': async ({ caseId, asOf }, ctx) => reviewCase(caseId, asOf, ctx),
} satisfies HandlersFor<keyof typeof reviewContract>;
