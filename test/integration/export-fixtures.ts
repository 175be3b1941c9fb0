import { PDFDocument, StandardFonts } from 'pdf-lib';
import type { Core } from '../../electron/core/index.js';
import { PortingStore } from '../../electron/core/porting/store.js';
import type { CaseFields } from '../../shared/domain/case.js';

/*
 * Cases with real documents for the export tests: text PDFs written with pdf-lib the way carriers
 * lay out a CSR, a bill and an LOA, attached through the documents API and read by the real
 * reader and extractor.
 */

export const b64 = (b: Uint8Array) => Buffer.from(b).toString('base64');

/** Lines flowed onto as many Letter pages as they need (a long CSR). */
export async function textPdf(lines: string[], opts: { linesPerPage?: number } = {}): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const per = opts.linesPerPage ?? 32;
  for (let i = 0; i < Math.max(1, lines.length); i += per) {
    const page = pdf.addPage([612, 792]);
    lines.slice(i, i + per).forEach((l, k) => page.drawText(l, { x: 72, y: 720 - k * 20, size: 11, font }));
  }
  return pdf.save();
}

export interface Account {
  carrier: string;
  name: string;
  number: string;
  btn: string;
  contact: string;
  street: string;
  unit: string;
  city: string;
  state: string;
  zip: string;
  /** national format, as a carrier prints them */
  numbers: string[];
}

export const NORTHWIND: Account = {
  carrier: 'Lumen',
  name: 'Northwind Accounting LLC',
  number: '4001 2883 3009',
  btn: '(303) 555-0170',
  contact: 'Priya Natarajan',
  street: '1200 Pearl Street',
  unit: 'Suite 310',
  city: 'Boulder',
  state: 'CO',
  zip: '80302',
  numbers: ['(303) 555-0170', '(303) 555-0171', '(303) 555-0172', '(303) 555-0173'],
};

export function csrLines(a: Account, extraPages = 0): string[] {
  const head = [
    'CUSTOMER SERVICE RECORD',
    `Carrier: ${a.carrier}`,
    `Account name: ${a.name}`,
    `Account number: ${a.number}`,
    `Billing telephone number: ${a.btn}`,
    `Service address: ${a.street}, ${a.unit}, ${a.city}, ${a.state} ${a.zip}`,
    `Authorized contact: ${a.contact}`,
    'Working telephone numbers:',
    ...a.numbers,
  ];
  // Long CSRs are mostly feature and circuit listings.
  const filler = Array.from(
    { length: extraPages * 32 },
    (_, i) => `Feature listing line ${i + 1}: call forwarding, hunt group member ${i % 7}`,
  );
  return [...head, ...filler];
}

export function invoiceLines(a: Account, date: string): string[] {
  return [
    'INVOICE',
    a.carrier,
    `Statement date: ${date}`,
    `Account name: ${a.name}`,
    `Account number: ${a.number.replace(/ /g, '-')}`,
    'Billing address: PO Box 77, Denver, CO 80201',
    `Main number: ${a.btn}`,
    ...a.numbers.slice(1),
  ];
}

export async function attach(
  core: Core,
  caseId: number,
  name: string,
  kind: 'loa' | 'invoice' | 'csr',
  bytes: Uint8Array,
): Promise<number> {
  const d = await core.call('documents.attach', { caseId, name, dataBase64: b64(bytes) });
  await core.call('documents.setKind', { id: d.id, kind });
  await core.services.documents.idle();
  return d.id;
}

/** A case as the specialist typed it from the (wrong) LOA, with the carrier's CSR and bill attached. */
export async function caseWithDocuments(
  core: Core,
  opts: {
    account?: Account;
    fields?: Partial<CaseFields>;
    numbers?: string[];
    pin?: string;
    loaLines?: string[] | null;
    csrExtraPages?: number;
    asOf?: string;
  } = {},
) {
  const a = opts.account ?? NORTHWIND;
  const created = await core.call('cases.create', {
    fields: {
      entity_name: 'Northwind Accounting',
      authorized_person: a.contact,
      btn: a.btn,
      account_number: a.number,
      service_street: '77 Billing Way',
      service_city: 'Denver',
      service_state: 'CO',
      service_zip: '80201',
      losing_carrier: a.carrier,
      ...opts.fields,
    },
    numbersText: (opts.numbers ?? a.numbers.slice(0, 3)).join('\n'),
  });
  if (opts.pin) await core.call('cases.update', { id: created.id, version: created.version, pin: opts.pin });
  const ids: Record<string, number> = {};
  if (opts.loaLines !== null) {
    ids.loa = await attach(
      core,
      created.id,
      'loa-rejected.pdf',
      'loa',
      await textPdf(
        opts.loaLines ?? [
          'LETTER OF AUTHORIZATION',
          'Business name: Northwind Accounting',
          `Authorized person: ${a.contact}`,
          `Billing telephone number: ${a.btn}`,
          `Account number: ${a.number}`,
          'Service address: 77 Billing Way, Denver, CO 80201',
          `Numbers to port: ${(opts.numbers ?? a.numbers.slice(0, 3)).join(', ')}`,
          `Date: ${opts.asOf ?? '2025-02-25'}`,
          'Signature: Priya Natarajan',
        ],
      ),
    );
  }
  ids.invoice = await attach(
    core,
    created.id,
    'invoice-feb.pdf',
    'invoice',
    await textPdf(invoiceLines(a, opts.asOf ?? '2025-02-20')),
  );
  ids.csr = await attach(core, created.id, 'csr-lumen.pdf', 'csr', await textPdf(csrLines(a, opts.csrExtraPages ?? 0)));
  return { caseId: created.id, docs: ids };
}

/** An order that came back from the carrier with exception codes, as the tracker stores it. */
export function rejectOrder(
  core: Core,
  caseId: number,
  orderId: string,
  codes: { code: string; description?: string }[],
  numbers: string[],
) {
  new PortingStore(core.ctx.db, core.ctx.now).upsertOrder(caseId, 'simulator', {
    id: orderId,
    status: { value: 'exception', details: codes },
    support_key: 'sr_8c2f41',
    phone_numbers: numbers.map((n) => ({ phone_number: n })),
    created_at: '2025-03-01T10:00:00Z',
    updated_at: '2025-03-02T10:00:00Z',
  } as Parameters<PortingStore['upsertOrder']>[2]);
}
