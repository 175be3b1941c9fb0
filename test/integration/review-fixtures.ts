/**
 * LOA, invoice and CSR as small text PDFs ("Label: value" lines, as portal printouts and filled
 * forms look), for the review tests and the review e2e. Built with pdf-lib; PortDesk reads them
 * through its real text-layer reader and extractor. Nothing here imports a test runner.
 */
import { PDFDocument, StandardFonts } from 'pdf-lib';

export interface ReviewDocsOptions {
  /** the unit on each document's service address ('' for none) */
  loaUnit?: string;
  invoiceUnit?: string;
  csrUnit?: string;
  /** YYYY-MM-DD */
  loaDate: string;
  invoiceDate: string;
  csrDate?: string;
  carrier?: string;
  loaAccount?: string;
  /** the name under the LOA's "Customer Name:" (default: the carrier's customer, Lakeview Dental Group LLC) */
  loaName?: string;
  /** the CSR's working numbers (national format); default: the two on the LOA */
  csrNumbers?: string[];
  /** the ZIP on the CSR's service address (default 60607, Chicago's) */
  csrZip?: string;
}

/** One page: a bold title, then label/value rows ("Label:|value"; "|value" continues the value). */
export async function keyValuePdf(title: string, rows: string[]): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.setCreationDate(new Date(Date.UTC(2025, 0, 1)));
  pdf.setModificationDate(new Date(Date.UTC(2025, 0, 1)));
  const regular = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  const page = pdf.addPage([612, 792]);
  page.drawText(title, { x: 50, y: 740, size: 15, font: bold });
  let y = 712;
  for (const row of rows) {
    const [label, value = ''] = row.split('|');
    if (label) page.drawText(label, { x: 50, y, size: 10, font: bold });
    if (value) page.drawText(value, { x: 210, y, size: 10, font: regular });
    y -= 18;
  }
  return pdf.save({ useObjectStreams: false });
}

function us(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${m}/${d}/${y}`;
}

function long(iso: string): string {
  const months = [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
  ];
  const [y, m, d] = iso.split('-').map(Number);
  return `${months[m! - 1]} ${d}, ${y}`;
}

const street = (unit: string) => `1200 W Madison St${unit ? `, ${unit}` : ''}`;

/** Lakeview Dental on AT&T: the three documents agree except where the options plant a difference. */
export async function reviewDocs(o: ReviewDocsOptions): Promise<Record<'loa' | 'invoice' | 'csr', Uint8Array>> {
  const carrier = o.carrier ?? 'AT&T';
  return {
    loa: await keyValuePdf('Letter of Authorization', [
      `Customer Name:|${o.loaName ?? 'Lakeview Dental Group LLC'}`,
      'Authorized Person:|Maria Lopez',
      'Title:|Office Manager',
      `Current Carrier:|${carrier}`,
      `Account Number:|${o.loaAccount ?? '831000441770'}`,
      'Billing Telephone Number:|(312) 555-0147',
      `Service Address:|${street(o.loaUnit ?? 'Suite 200')}`,
      '|Chicago, IL 60607',
      'Numbers to port:|(312) 555-0147, (312) 555-0148',
      'Signature:|Maria Lopez',
      `Date:|${us(o.loaDate)}`,
    ]),
    invoice: await keyValuePdf(`${carrier} Monthly Statement`, [
      `Statement Date:|${long(o.invoiceDate)}`,
      'Account Name:|LAKEVIEW DENTAL GROUP LLC',
      'Account Number:|8310 0044 1770',
      'Billing Address:|PO Box 4410',
      '|Chicago, IL 60680',
      `Service Address:|${street(o.invoiceUnit ?? 'Suite 200')}`,
      '|Chicago, IL 60607',
      'Telephone Numbers:|(312) 555-0147, (312) 555-0148',
      'Amount Due:|$412.18',
    ]),
    csr: await keyValuePdf(`${carrier} Customer Service Record`, [
      `Date:|${long(o.csrDate ?? o.invoiceDate)}`,
      'Account Name:|LAKEVIEW DENTAL GROUP LLC',
      'Account Number:|831000441770',
      'BTN:|312-555-0147',
      'Authorized Contact:|MARIA LOPEZ',
      `Service Address:|1200 W MADISON ST${o.csrUnit === '' ? '' : ` ${o.csrUnit ?? 'STE 200'}`}`,
      `|CHICAGO IL ${o.csrZip ?? '60607'}`,
      ...numberRows('Working Telephone Numbers:', o.csrNumbers ?? ['312-555-0147', '312-555-0148']),
    ]),
  };
}

/** A labelled list of numbers, four to a line, continued on unlabelled lines. */
function numberRows(label: string, numbers: string[]): string[] {
  const rows: string[] = [];
  for (let i = 0; i < numbers.length; i += 4)
    rows.push(`${i === 0 ? label : ''}|${numbers.slice(i, i + 4).join(', ')}`);
  return rows;
}

export function base64(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('base64');
}

/** A case with the three documents attached and read (kinds confirmed), in the given status. */
export async function caseWithDocs(
  core: import('../../electron/core/index.js').Core,
  docs: Partial<Record<'loa' | 'invoice' | 'csr', Uint8Array>>,
  fields: Record<string, string> = {},
  numbersText = '(312) 555-0147\n(312) 555-0148',
): Promise<{ caseId: number; docIds: Partial<Record<'loa' | 'invoice' | 'csr', number>> }> {
  const c = await core.call('cases.create', { fields, numbersText });
  const docIds: Partial<Record<'loa' | 'invoice' | 'csr', number>> = {};
  for (const [kind, bytes] of Object.entries(docs) as ['loa' | 'invoice' | 'csr', Uint8Array][]) {
    docIds[kind] = (
      await core.call('documents.attach', { caseId: c.id, name: `${kind}.pdf`, dataBase64: base64(bytes) })
    ).id;
  }
  await core.services.documents.idle();
  for (const [kind, id] of Object.entries(docIds) as ['loa' | 'invoice' | 'csr', number][]) {
    const d = await core.call('documents.get', { id });
    if (d.status !== 'ready') throw new Error(`${kind}.pdf was not read: ${d.status} ${d.error ?? ''}`);
    if (d.kind !== kind) await core.call('documents.setKind', { id, kind });
  }
  return { caseId: c.id, docIds };
}

/** Walk a case through the lifecycle to `review` (the only status a case becomes ready from). */
export async function toReview(core: import('../../electron/core/index.js').Core, caseId: number): Promise<number> {
  let version = (await core.call('cases.get', { id: caseId })).version;
  for (const status of ['documents', 'review'] as const)
    version = (await core.call('cases.setStatus', { id: caseId, version, status })).version;
  return version;
}
