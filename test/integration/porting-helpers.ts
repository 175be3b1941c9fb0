import { PDFDocument, StandardFonts } from 'pdf-lib';
import type { Core } from '../../electron/core/index.js';
import type { CaseFields } from '../../shared/domain/case.js';

/** A ready case with its LOA, invoice and (optionally) CSR attached, as the porting tests start from. */

export async function textPdfBase64(lines: string[]): Promise<string> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const page = pdf.addPage([612, 792]);
  lines.forEach((l, i) => page.drawText(l, { x: 72, y: 720 - i * 20, size: 12, font }));
  return Buffer.from(await pdf.save()).toString('base64');
}

export const NORTHWIND: Partial<CaseFields> = {
  entity_name: 'Northwind Accounting',
  authorized_person: 'Priya Natarajan',
  btn: '303.555.0170',
  account_number: '400128833009',
  service_street: '1200 Pearl St',
  service_unit: 'Ste 310',
  service_city: 'Boulder',
  service_state: 'CO',
  service_zip: '80302',
  losing_carrier: 'RingCentral',
};

export interface CsrValues {
  account_name?: string;
  account_number?: string;
  btn?: string;
  pin?: string;
  phone_numbers?: string[];
  carrier_name?: string;
  service_address?: { street_line: string; unit: string; city: string; state: string; zip5: string; zip4: string };
}

/** Northwind's CSR as its carrier keeps it (the case above, written the carrier's way). */
export function northwindCsr(carrier_name: string, overrides: Partial<CsrValues> = {}): CsrValues {
  return {
    account_name: 'Northwind Accounting LLC',
    account_number: '400128833009',
    btn: '3035550170',
    carrier_name,
    phone_numbers: ['3035550170', '3035550171'],
    service_address: {
      street_line: '1200 Pearl Street',
      unit: 'Suite 310',
      city: 'Boulder',
      state: 'CO',
      zip5: '80302',
      zip4: '',
    },
    ...overrides,
  };
}

export async function readyCase(
  core: Core,
  fields: Partial<CaseFields>,
  numbersText: string,
  opts: { pin?: string; csr?: CsrValues } = {},
) {
  const created = await core.call('cases.create', { fields, numbersText });
  let version = created.version;
  if (opts.pin) version = (await core.call('cases.update', { id: created.id, version, pin: opts.pin })).version;
  for (const status of ['documents', 'review'] as const) {
    version = (await core.call('cases.setStatus', { id: created.id, version, status })).version;
  }
  // no document is read yet, so nothing could be checked: Ready takes a written override reason
  await core.call('review.markReady', {
    caseId: created.id,
    version,
    overrideReason: 'Test set-up: the papers are attached right after.',
  });
  const attach = async (name: string, kind: 'loa' | 'invoice' | 'csr', lines: string[]) => {
    const d = await core.call('documents.attach', { caseId: created.id, name, dataBase64: await textPdfBase64(lines) });
    await core.call('documents.setKind', { id: d.id, kind });
    return d.id;
  };
  await attach('loa-signed.pdf', 'loa', ['LETTER OF AUTHORIZATION', fields.entity_name ?? '']);
  await attach('invoice-march.pdf', 'invoice', ['INVOICE', `Account ${fields.account_number ?? ''}`]);
  if (opts.csr) {
    const csrId = await attach('csr.pdf', 'csr', ['CUSTOMER SERVICE RECORD', opts.csr.account_name ?? '']);
    for (const [field, value] of Object.entries(opts.csr)) {
      await core.call('documents.correctField', { id: csrId, field, value });
    }
  }
  // a send is refused while a document is still being read: a ready case has its papers read
  await waitFor(
    () => core.call('documents.list', { caseId: created.id }),
    (docs) => docs.every((d) => d.status !== 'queued' && d.status !== 'reading'),
    60_000,
  );
  return core.call('cases.get', { id: created.id });
}

export async function waitFor<T>(what: () => Promise<T> | T, ok: (v: T) => boolean, timeoutMs = 15_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await what();
    if (ok(v)) return v;
    if (Date.now() > end) throw new Error(`timed out waiting; last value: ${JSON.stringify(v).slice(0, 500)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
