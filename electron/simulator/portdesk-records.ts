import type { DocumentField, DocumentSummary } from '../../shared/contract/documents.js';
import type { ServiceAddress } from '../../shared/domain/document.js';
import { caseIdFromReference } from '../../shared/porting/mapping.js';
import type { CsrOnFile, OrderPapers } from './carrier.js';
import type { SimulatorOptions } from './engine.js';
import { spidFor, type NumberHint } from './numbers.js';

/**
 * Where the simulated losing carrier gets its records when a host runs it beside PortDesk: the
 * carrier "keeps on file" the CSR the customer obtained from it (the case's CSR document, as read or
 * corrected), and its clerk reads the LOA and invoice uploaded with an order (PortDesk's reading of
 * the same file, found by its SHA-256). Only the data crosses here; the rules that judge it are the
 * simulator's own (carrier.ts). The core never sees this module: the host wires it in.
 */

/** The read-only part of PortDesk's data this adapter uses. */
export interface PortDeskRecords {
  documents(caseId: number): DocumentSummary[];
  fields(documentId: number): DocumentField[];
  /** the newest case holding this number, with its carriers */
  caseOfNumber(e164: string): { id: number; losing_carrier: string; underlying_carrier: string } | null;
}

type Desk = Required<Pick<SimulatorOptions, 'csrOnFile' | 'papers' | 'numberHint'>>;

export function portdeskCarrierRecords(records: PortDeskRecords): Desk {
  const valuesOf = (documentId: number) => new Map(records.fields(documentId).map((f) => [f.field, f.value]));
  const text = (values: Map<string, unknown>, key: string) =>
    typeof values.get(key) === 'string' ? (values.get(key) as string) : '';

  const csrOfCase = (caseId: number): CsrOnFile | null => {
    const csr = records
      .documents(caseId)
      .filter((d) => d.kind === 'csr')
      .at(-1);
    if (!csr) return null;
    const values = valuesOf(csr.id);
    const str = (k: string) => text(values, k);
    const addr = values.get('service_address') as Partial<ServiceAddress> | undefined;
    const listed = values.get('phone_numbers');
    const numbers = Array.isArray(listed) ? listed.filter((n): n is string => typeof n === 'string') : [];
    if (!str('account_name') && !str('account_number') && numbers.length === 0) return null;
    return {
      carrier_name: str('carrier_name') || null,
      account_name: str('account_name'),
      account_number: str('account_number'),
      btn: str('btn'),
      pin: str('pin') || null,
      authorized_persons: str('authorized_person') ? [str('authorized_person')] : [],
      service_address: {
        street_line: addr?.street_line ?? '',
        unit: addr?.unit ?? '',
        city: addr?.city ?? '',
        state: addr?.state ?? '',
        zip5: addr?.zip5 ?? '',
        zip4: addr?.zip4 ?? '',
      },
      phone_numbers: numbers,
    };
  };

  return {
    csrOnFile(order) {
      const caseId = caseIdFromReference(order.customer_reference);
      return caseId === null ? null : csrOfCase(caseId);
    },
    papers(order, uploaded): OrderPapers | null {
      const caseId = caseIdFromReference(order.customer_reference);
      if (caseId === null) return null;
      const docs = records.documents(caseId);
      const read = (sha256: string | undefined) => {
        const doc = sha256 ? docs.find((d) => d.sha256 === sha256) : undefined;
        return doc ? valuesOf(doc.id) : null;
      };
      const loa = read(uploaded.loa?.sha256);
      const invoice = read(uploaded.invoice?.sha256);
      return {
        loa: loa && {
          account_name: text(loa, 'account_name') || null,
          authorized_person: text(loa, 'authorized_person') || null,
          date: text(loa, 'document_date') || null,
        },
        invoice: invoice && { date: text(invoice, 'document_date') || null },
      };
    },
    /**
     * The number database learns a number's carrier from the CSR on file, else the case's
     * underlying, else its losing carrier: numbers of one case share a SPID and split only by type.
     */
    numberHint(e164): NumberHint | null {
      const row = records.caseOfNumber(e164);
      if (!row) return null;
      const carrier = csrOfCase(row.id)?.carrier_name || row.underlying_carrier || row.losing_carrier;
      return carrier ? { carrier_name: carrier, spid: spidFor(carrier) } : null;
    },
  };
}
