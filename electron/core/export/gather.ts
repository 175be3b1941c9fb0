import type { DocumentField, DocumentSummary } from '../../../shared/contract/documents.js';
import type { PacketOrder, ReceivedRejection, ReportedRejection } from '../../../shared/contract/export.js';
import type { CaseRecord } from '../../../shared/domain/case.js';
import type { ComparisonResult } from '../../../shared/domain/comparison.js';
import { ExtractedFields, FIELD_NAMES, type FieldName } from '../../../shared/domain/document.js';
import type { ExceptionDetail } from '../../../shared/porting/telnyx.js';
import type { PageText } from '../../../shared/domain/document.js';
import { explainCode } from '../compare/index.js';
import { buildLayout, segText } from '../extract/layout.js';
import type { CoreContext } from '../context.js';
import { storedRejections } from '../porting/received-rejections.js';
import { reviewCase } from '../review/review.js';

/*
 * Everything a packet says about a case, read from the features that own it: the case and its PIN,
 * the documents and the values read from them (people's corrections win), the comparison, and the
 * porting orders with the exception codes they came back with.
 *
 * The comparison is the review's (review.compare), so the packet and the review screen never
 * disagree about a field.
 */

export type CompareKind = 'loa' | 'invoice' | 'csr';

export interface CaseDocument {
  summary: DocumentSummary;
  fields: ExtractedFields;
}

export interface PacketData {
  caseRecord: CaseRecord;
  pin: string | null;
  /** every document of the case, oldest first */
  documents: DocumentSummary[];
  /** the documents the comparison used: the newest of each kind */
  chosen: Partial<Record<CompareKind, CaseDocument>>;
  comparison: ComparisonResult;
  orders: PacketOrder[];
  rejections: ReceivedRejection[];
  asOf: string;
  /** LOA/invoice/CSR documents not compared because they are still being read or failed */
  pending: { id: number; name: string; kind: string; status: string }[];
  /** the signer's title on the received LOA ("Title: Office Manager"), with its page */
  signerTitle: { value: string; page: number } | null;
}

/** The values in force on a document (corrections over extraction), as the shared schema types them. */
export function fieldsOf(stored: DocumentField[]): ExtractedFields {
  const out: Record<string, unknown> = {};
  for (const f of stored) {
    if (!(FIELD_NAMES as string[]).includes(f.field)) continue;
    const candidate = { value: f.value, confidence: f.confidence, page: f.page, bbox: f.bbox };
    const ok = ExtractedFields.shape[f.field as FieldName].safeParse(candidate);
    if (ok.success) out[f.field] = ok.data;
  }
  return out as ExtractedFields;
}

export async function gatherCase(
  ctx: CoreContext,
  caseId: number,
  reported: ReportedRejection[] = [],
): Promise<PacketData> {
  const caseRecord = await ctx.cases.get(caseId);
  const pin = await ctx.cases.pin(caseId);
  // The review decides which documents count (newest ready one of each kind) and compares them.
  const review = await reviewCase(ctx, caseId);
  const docs = ctx.documents;
  const documents = docs.repo.list(caseId);
  const chosen: PacketData['chosen'] = {};
  for (const kind of ['loa', 'invoice', 'csr'] as const) {
    const id = review.documents_used[kind];
    const summary = id === null ? undefined : documents.find((d) => d.id === id);
    if (summary) chosen[kind] = { summary, fields: fieldsOf(docs.repo.fields(summary.id)) };
  }
  const { case_id: _caseId, documents_used: _used, pending_documents: pending, ...comparison } = review;

  const store = ctx.porting;
  const orders: PacketOrder[] = [];
  const rejections: ReceivedRejection[] = [];
  for (const row of store.ordersOfCase(caseId)) {
    orders.push({
      id: row.id,
      status: row.status,
      support_key: row.support_key,
      foc_requested: row.foc_requested,
      foc_actual: row.foc_actual,
      numbers: store.numbersOf(row.id),
      comments: store.comments(row.id).map((c) => ({ at: c.created_at, author: c.user_type, body: c.body })),
    });
    // Every exception the order came back with, also those already fixed and resubmitted: the
    // order itself keeps only the current ones.
    const history = store.exceptionHistory(row.id);
    for (const h of history)
      rejections.push({
        ...received(h.code, h.description, row.id, 'order'),
        received_at: h.received_at,
        resolved_at: h.resolved_at,
      });
    if (history.length === 0)
      for (const d of JSON.parse(row.status_details) as ExceptionDetail[])
        if (d?.code) rejections.push(received(d.code, d.description ?? null, row.id, 'order'));
  }
  for (const r of reported) rejections.push(received(r.code, r.description ?? null, null, 'reported'));
  // rejections received by e-mail or ticket (manual channel), as recorded on the case
  for (const r of storedRejections(ctx.db, caseId))
    for (const c of r.codes)
      rejections.push(received(c.code, `E-mail of ${r.received_on}: "${c.matched}"`, null, 'reported'));
  const seen = new Set<string>();
  const loaId = chosen.loa?.summary.id;
  return {
    signerTitle: loaId === undefined ? null : signerTitleOf(docs.repo.pages(loaId)),
    caseRecord,
    pin,
    documents,
    chosen,
    comparison,
    orders,
    asOf: comparison.as_of,
    pending,
    rejections: rejections.filter((r) => {
      const key = `${r.order_id ?? ''}|${r.code}|${r.received_at ?? ''}`;
      return !seen.has(key) && !!seen.add(key);
    }),
  };
}

/** "Title: Office Manager", "Signer's title - CFO": the extraction reads no title, the LOA's lines do. */
const TITLE_LINE = /^(?:(?:signer|signatory|authori[sz]ed (?:person|signer))(?:'?s)?\s+)?title\s*[:\-–]\s*(.{2,80})$/i;

export function signerTitleOf(pages: PageText[]): { value: string; page: number } | null {
  for (const line of buildLayout(pages, 'loa').lines) {
    const m = TITLE_LINE.exec(segText(line.toks).trim());
    const value = m?.[1]?.trim();
    if (value && !/^_+$/.test(value)) return { value, page: line.page };
  }
  return null;
}

function received(
  code: string,
  description: string | null,
  orderId: string | null,
  source: ReceivedRejection['source'],
): ReceivedRejection {
  const e = explainCode(code, description ?? undefined);
  return {
    code: e.code,
    given: code,
    known: e.known,
    title: e.title,
    meaning: e.meaning,
    action: e.action,
    field: e.field,
    description,
    order_id: orderId,
    source,
    received_at: null,
    resolved_at: null,
  };
}
