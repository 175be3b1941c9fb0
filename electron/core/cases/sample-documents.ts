import { formatNational } from '../../../shared/domain/phone.js';
import { sheetPdf, type SheetBlock } from '../documents/sheet-pdf.js';
import type { NewCase } from './repo.js';

/**
 * The LOA, invoice and CSR a sample case comes with: plain text PDFs that go through the same
 * reading and review as an upload, so a new user sees PortDesk compare documents on the first day.
 */
export interface SampleDocuments {
  /** days before today the customer signed the LOA */
  signedDaysAgo: number;
  /** days before today the carrier's bill is dated */
  billedDaysAgo: number;
  /** where the carrier sends the bill: not the service address, as on most business bills */
  billTo: string;
  /** the service address the customer wrote on the LOA, when it is not the one on the account */
  loaAddress?: string;
}

export interface SampleFile {
  name: string;
  bytes: Uint8Array;
}

const DAY = 86_400_000;
const usDate = (now: Date, daysAgo: number) => {
  const d = new Date(now.getTime() - daysAgo * DAY);
  return `${String(d.getUTCMonth() + 1).padStart(2, '0')}/${String(d.getUTCDate()).padStart(2, '0')}/${d.getUTCFullYear()}`;
};
const slug = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

export async function sampleDocumentFiles(
  c: NewCase,
  pin: string | null,
  docs: SampleDocuments,
  now: Date,
): Promise<SampleFile[]> {
  const f = c.fields;
  const name = f.entity_name ?? '';
  const carrier = f.losing_carrier ?? '';
  const numbers = c.numbers.flatMap((n) => (n.e164 ? [formatNational(n.e164)] : []));
  const btn = f.btn ? formatNational(f.btn) : (numbers[0] ?? '');
  const street = [f.service_street, f.service_unit].filter(Boolean).join(', ');
  const service = `${street}, ${f.service_city}, ${f.service_state} ${f.service_zip}`;
  const row = (label: string, value: string): SheetBlock => ({ kind: 'row', label, value });

  const loa = await sheetPdf('Letter of Authorization', [
    { kind: 'text', text: 'Authorization to transfer telephone numbers to a new carrier' },
    { kind: 'gap' },
    row('Business name', name),
    row('Authorized person', f.authorized_person ?? ''),
    row('Current carrier', carrier),
    row('Account number', f.account_number ?? ''),
    row('Billing telephone number', btn),
    ...(pin ? [row('Account PIN', pin)] : []),
    row('Service address', docs.loaAddress ?? service),
    row('Numbers to port', numbers.join(', ')),
    { kind: 'gap' },
    {
      kind: 'text',
      text:
        'I authorize the new carrier to act as my agent to transfer the numbers above from my current carrier, ' +
        'and I am authorized to make this request for the business named above.',
    },
    { kind: 'gap' },
    row('Signature', `${f.authorized_person ?? ''} (signed electronically)`),
    row('Date signed', usDate(now, docs.signedDaysAgo)),
  ]);

  const invoice = await sheetPdf(`${carrier} - Monthly statement`, [
    row('Account name', name),
    row('Account number', f.account_number ?? ''),
    row('Statement date', usDate(now, docs.billedDaysAgo)),
    row('Bill to', docs.billTo),
    row('Service address', service),
    { kind: 'gap' },
    { kind: 'text', text: 'Lines on this account', bold: true },
    ...numbers.map((n): SheetBlock => ({ kind: 'text', text: `${n}    Business line    $34.99` })),
    { kind: 'gap' },
    row('Total due', `$${(numbers.length * 34.99).toFixed(2)}`),
  ]);

  const csr = await sheetPdf('Customer Service Record', [
    row('Carrier', carrier),
    row('Account name', name),
    row('Account number', f.account_number ?? ''),
    row('Billing telephone number', btn),
    row('Authorized contact', f.authorized_person ?? ''),
    row('Service address', service.toUpperCase()),
    row('Billing address', docs.billTo),
    row('Telephone numbers', numbers.join(', ')),
    row('Record date', usDate(now, 1)),
  ]);

  const base = slug(name);
  return [
    { name: `loa-${base}.pdf`, bytes: loa },
    { name: `invoice-${base}.pdf`, bytes: invoice },
    { name: `csr-${base}.pdf`, bytes: csr },
  ];
}
