import type { ExtractedFields, FieldName, FieldValue, ServiceAddress } from '../../../shared/domain/document.js';
import { fieldSpec } from '../../../shared/domain/fields.js';
import { toE164 } from '../../../shared/domain/phone.js';
import { normalizeState, normalizeZip } from '../../../shared/normalize/address.js';
import type { CustomerServiceRecord } from '../../../shared/porting/csr.js';

/**
 * A completed CSR record from the API as the case's CSR document: the values the review compares
 * (exact: confidence 1, no page, nothing to read), and a one-page PDF of them for the Documents tab
 * and for the order's attachments (Telnyx takes the CSR as a document too).
 */

const exact = <T>(value: T): FieldValue<T> => ({ value, confidence: 1, page: null, bbox: null });

export function csrFields(record: CustomerServiceRecord, completedDay: string): ExtractedFields {
  const r = record.result ?? {};
  const fields: ExtractedFields = { document_date: exact(completedDay) };
  const admin = r.admin ?? {};
  if (admin.name) fields.account_name = exact(admin.name.trim());
  if (admin.authorized_person_name) fields.authorized_person = exact(admin.authorized_person_name.trim());
  if (admin.account_number) fields.account_number = exact(admin.account_number.trim());
  if (admin.billing_phone_number) fields.btn = exact(toE164(admin.billing_phone_number) ?? admin.billing_phone_number);
  if (r.carrier_name) fields.carrier_name = exact(r.carrier_name.trim());
  const a = r.address;
  if (a && (a.street_address || a.locality || a.postal_code)) {
    const zip = normalizeZip(a.postal_code ?? '');
    const address: ServiceAddress = {
      street_line: (a.street_address ?? '').trim(),
      unit: '',
      city: (a.locality ?? '').trim(),
      state: normalizeState(a.administrative_area ?? '') ?? (a.administrative_area ?? '').trim(),
      zip5: zip.zip5,
      zip4: zip.zip4,
    };
    fields.service_address = exact(address);
  }
  const numbers = [
    ...new Set([record.phone_number, ...(r.associated_phone_numbers ?? [])].map((n) => toE164(n) ?? n.trim())),
  ].filter(Boolean);
  fields.phone_numbers = exact(numbers);
  return fields;
}

/** The document's name in the Documents tab: where it came from, at a glance. */
export function csrDocumentName(record: CustomerServiceRecord, carrier: string | null): string {
  return `CSR ${record.phone_number} - carrier API${carrier ? ` (${safeFileText(carrier)})` : ''}.pdf`;
}

/** Standard PDF fonts speak WinAnsi only: anything else is replaced, never a crash. */
function pdfText(s: string): string {
  return s.replace(/[^\x20-\x7E\u00A0-\u00FF]/g, '?');
}

function safeFileText(s: string): string {
  return s.replace(/[\\/:*?"<>|\x00-\x1F]/g, ' ').slice(0, 80);
}

export async function csrPdf(record: CustomerServiceRecord, source: string, completedAt: string): Promise<Uint8Array> {
  const { PDFDocument, StandardFonts } = await import('pdf-lib');
  const doc = await PDFDocument.create();
  doc.setProducer('PortDesk (pdf-lib)');
  doc.setTitle(`Customer Service Record ${record.phone_number}`);
  const page = doc.addPage([612, 792]);
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const r = record.result ?? {};
  const name = (key: FieldName) => fieldSpec(key).display;
  const rows: [string, string][] = [
    [name('carrier_name'), r.carrier_name ?? ''],
    [name('account_name'), r.admin?.name ?? ''],
    [name('authorized_person'), r.admin?.authorized_person_name ?? ''],
    [name('account_number'), r.admin?.account_number ?? ''],
    [fieldSpec('btn').spelledOut ?? name('btn'), r.admin?.billing_phone_number ?? ''],
    [
      name('service_address'),
      r.address?.full_address ??
        [r.address?.street_address, r.address?.locality, r.address?.administrative_area, r.address?.postal_code]
          .filter(Boolean)
          .join(', '),
    ],
    [name('phone_numbers'), [record.phone_number, ...(r.associated_phone_numbers ?? [])].join(', ')],
    ['Record id', record.id],
    ['Received', `${completedAt} from ${source}`],
  ];
  let y = 730;
  page.drawText('Customer Service Record', { x: 56, y, size: 18, font: bold });
  y -= 36;
  for (const [label, value] of rows) {
    page.drawText(pdfText(`${label}:`), { x: 56, y, size: 11, font: bold });
    for (const line of wrap(pdfText(value), 60)) {
      page.drawText(line, { x: 220, y, size: 11, font });
      y -= 16;
    }
    y -= 6;
  }
  return doc.save();
}

function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && line.length + word.length + 1 > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  lines.push(line);
  return lines.slice(0, 12);
}
