import { AppError } from '../../../shared/contract/rpc.js';
import type { DocumentKind, ServiceAddress } from '../../../shared/domain/document.js';
import type { CoreContext } from '../context.js';
import { documentsOf } from '../documents/jobs.js';
import type { CsrOnFile } from './simulator/reviewer.js';

/** What porting needs from the documents feature: the files to upload and the CSR's values. */

export interface CaseFile {
  documentId: number;
  kind: Exclude<DocumentKind, 'other'>;
  fileName: string;
  contentType: string;
}

/** The newest document of each kind attached to the case (LOA, invoice, CSR). */
export function caseFiles(ctx: CoreContext, caseId: number): Partial<Record<CaseFile['kind'], CaseFile>> {
  const out: Partial<Record<CaseFile['kind'], CaseFile>> = {};
  for (const d of documentsOf(ctx).repo.list(caseId)) {
    if (d.kind === 'other') continue;
    out[d.kind] = { documentId: d.id, kind: d.kind, fileName: d.name, contentType: d.mime };
  }
  return out;
}

export function fileBytes(ctx: CoreContext, documentId: number): { bytes: Uint8Array; fileName: string; contentType: string } {
  const svc = documentsOf(ctx);
  let doc;
  try {
    doc = svc.repo.get(documentId);
  } catch {
    throw new AppError('NOT_FOUND', `Document ${documentId} was removed from the case after it was queued for upload. Attach it again and submit again.`);
  }
  return { bytes: svc.files.get(doc.sha256), fileName: doc.name, contentType: doc.mime };
}

/**
 * The CSR of the case as the simulated losing carrier keeps it on file: the values read from (or
 * corrected on) the CSR document. null when the case has no read CSR.
 */
export function csrOnFileForCase(ctx: CoreContext, caseId: number): CsrOnFile | null {
  const csr = caseFiles(ctx, caseId).csr;
  if (!csr) return null;
  const fields = new Map(documentsOf(ctx).repo.fields(csr.documentId).map((f) => [f.field, f.value]));
  const str = (k: string) => (typeof fields.get(k) === 'string' ? (fields.get(k) as string) : '');
  const addr = fields.get('service_address') as Partial<ServiceAddress> | undefined;
  const numbers = Array.isArray(fields.get('phone_numbers')) ? (fields.get('phone_numbers') as unknown[]).filter((n): n is string => typeof n === 'string') : [];
  if (!str('account_name') && !str('account_number') && numbers.length === 0) return null;
  return {
    carrier_name: str('carrier_name') || null,
    account_name: str('account_name'),
    account_number: str('account_number'),
    btn: str('btn'),
    pin: str('pin') || null,
    authorized_persons: str('authorized_person') ? [str('authorized_person')] : [],
    service_address: {
      street_line: addr?.street_line ?? '', unit: addr?.unit ?? '', city: addr?.city ?? '', state: addr?.state ?? '', zip5: addr?.zip5 ?? '',
      zip4: addr?.zip4 ?? '',
    },
    phone_numbers: numbers,
  };
}
