import { afterEach, describe, expect, it, vi } from 'vitest';
import { openCore, type Core } from '../../electron/core/index.js';
import { caseServiceAddress } from '../../electron/core/compare/address.js';
import type { PacketData } from '../../electron/core/export/gather.js';
import { planLoa } from '../../electron/core/export/loa-values.js';
import { additionalData } from '../../electron/core/porting/csr.js';
import { csrFields, csrPdf } from '../../electron/core/porting/csr-document.js';
import { proposedCaseFields } from '../../electron/core/review/apply.js';
import { DOC_FIELD_LABEL } from '../../renderer/features/documents/fields.js';
import { buildRows } from '../../renderer/features/review/rows.js';
import { FIELD_LABEL, type CaseRecord } from '../../shared/domain/case.js';
import { COMPARED_FIELD_LABEL } from '../../shared/domain/comparison.js';
import type { ServiceAddress } from '../../shared/domain/document.js';
import { csrAskedLabel, type CustomerServiceRecord } from '../../shared/porting/csr.js';
import { fieldErrors, fieldForPointer, orderUpdateFromCase } from '../../shared/porting/mapping.js';
import { tempDir } from '../helpers/tmp.js';
import { caseWithDocuments } from './export-fixtures.js';
import { exportFiles, pdfText, unzip } from './export-read.js';

/*
 * Issue 9, "One field registry": each per-field fact (names, Telnyx order places, the document
 * field a compared field is read from) is declared once in shared/domain/fields.ts. Here the
 * registry is edited in place before anything reads it; every consumer — the review, the case's
 * labels, the order body and its error pointers, the packet's cover and LOA, the renderer's labels,
 * the CSR record read into a document and the CSR request, the case's address by parts, the review's
 * messages — must show the edit. A consumer that keeps its own copy of a name or a path fails here.
 */

vi.mock('../../shared/domain/fields.js', async (importOriginal) => {
  const registry = await importOriginal<typeof import('../../shared/domain/fields.js')>();
  // The lookups close over the registry's own objects, so the edit is made on them.
  const edit = (key: Parameters<typeof registry.fieldSpec>[0], change: Record<string, unknown>) =>
    Object.assign(registry.fieldSpec(key), change);
  const renameReview = (key: Parameters<typeof registry.fieldSpec>[0], label: string) =>
    Object.assign(registry.fieldSpec(key).review[0]!, { label });
  edit('account_name', { display: 'Name on the account' });
  renameReview('account_name', 'Legal entity name');
  edit('btn', { spelledOut: 'Main billing number' });
  renameReview('pin', 'Port-out PIN');
  renameReview('phone_numbers', 'Numbers moving');
  edit('account_number', { telnyx: 'end_user.admin.account_ref' });
  Object.assign(registry.fieldSpec('service_address').parts![0]!, { telnyx: 'address_line', caseLabel: 'Street' });
  // the review says "billing TN" inside a sentence, acronym kept
  renameReview('btn', 'Billing TN');
  // a CSR record carries the legal name and the ZIP elsewhere; the carrier's customer code asks for the account number
  edit('account_name', { csr: 'admin.legal_name' });
  Object.assign(registry.fieldSpec('service_address').parts![4]!, { csr: 'zip_code' });
  edit('account_number', { csrAsk: 'customer_code' });
  // the case keeps the city in its state column and the state in its city column
  Object.assign(registry.fieldSpec('service_address').parts![2]!, { caseField: 'service_state' });
  Object.assign(registry.fieldSpec('service_address').parts![3]!, { caseField: 'service_city' });
  return registry;
});

process.env.PORTDESK_OCR_WORKERS = '1';

const NOW = new Date('2025-03-03T12:00:00Z');
const cores: Core[] = [];
afterEach(async () => {
  for (const c of cores.splice(0)) await c.close();
});
const squash = (s: string) => s.replace(/\s+/g, ' ');

describe('consumers of the field registry follow it', () => {
  it('the review, the case labels and the renderer take the names from the registry', () => {
    expect(COMPARED_FIELD_LABEL.account_name).toBe('Legal entity name');
    expect(COMPARED_FIELD_LABEL.pin).toBe('Port-out PIN');
    expect(FIELD_LABEL.entity_name).toBe('Legal entity name');
    expect(FIELD_LABEL.service_street).toBe('Street');
    // the case's own short name stays its own
    expect(FIELD_LABEL.pin).toBe('PIN');
    expect(DOC_FIELD_LABEL.account_name).toBe('Name on the account');
    // what a carrier asks for before it releases a CSR, in the core's refusal and the panel
    expect(csrAskedLabel('name')).toBe('legal entity name');
  });

  it('the order body and its 422 pointers use the registry’s Telnyx places', () => {
    const kase = {
      id: 5,
      entity_name: 'Harbor Light Marine Supply LLC',
      authorized_person: 'Dana Ruiz',
      btn: '(813) 555-0100',
      account_number: 'A-77120',
      service_street: '120 Harbor Dr',
      service_unit: '',
      service_city: 'Tampa',
      service_state: 'FL',
      service_zip: '33602',
    } as CaseRecord;
    const body = orderUpdateFromCase(kase, null, {
      foc_datetime_requested: null,
      misc: { type: 'full', remaining_numbers_action: null, new_billing_phone_number: null },
      configuration: {},
      documents: { loa: null, invoice: null },
    });
    expect(body.end_user?.admin).toMatchObject({
      account_ref: 'A-77120',
      entity_name: 'Harbor Light Marine Supply LLC',
    });
    expect(body.end_user?.admin).not.toHaveProperty('account_number');
    expect(body.end_user?.location).toMatchObject({
      address_line: '120 Harbor Dr',
      locality: 'FL',
      administrative_area: 'Tampa',
    });
    expect(fieldForPointer('/end_user/admin/account_ref')).toBe('account_number');
    expect(fieldForPointer('/end_user/location/address_line')).toBe('service_street');
    expect(
      fieldErrors([{ detail: 'Name differs', source: { pointer: '/end_user/admin/entity_name' } }])[0],
    ).toMatchObject({ field: 'entity_name', label: 'Legal entity name' });
  });

  it('the CSR sheet made from a carrier API record names its rows from the registry', async () => {
    const record = {
      id: 'csr-1',
      phone_number: '+13035550170',
      status: 'completed',
      result: {
        carrier_name: 'Lumen',
        admin: {
          name: 'NORTHWIND ACCTG',
          legal_name: 'Northwind Accounting LLC',
          billing_phone_number: '+13035550170',
        },
        address: { street_address: '1200 Pearl Street', locality: 'Boulder', postal_code: '99999', zip_code: '80302' },
      },
    } as CustomerServiceRecord;
    const { pages } = await pdfText(await csrPdf(record, 'carrier API', '2025-03-03 12:00'));
    const text = squash(pages.join(' '));
    expect(text).toContain('Name on the account: Northwind Accounting LLC');
    expect(text).toContain('Main billing number: +13035550170');
    expect(text).toContain('1200 Pearl Street, Boulder, 80302');
    // the document the review compares reads the record at the same places
    const fields = csrFields(record, '2025-03-03');
    expect(fields.account_name?.value).toBe('Northwind Accounting LLC');
    expect(fields.service_address?.value).toMatchObject({ city: 'Boulder', zip5: '80302' });
  });

  it('the CSR request answers each item from the case field the registry names', () => {
    const kase = {
      entity_name: 'Northwind Accounting LLC',
      authorized_person: 'Priya Natarajan',
      btn: '303-555-0170',
      account_number: 'NW-4410',
      service_street: '1200 Pearl Street',
      service_unit: '',
      service_city: 'Boulder',
      service_state: 'CO',
      service_zip: '80302',
    } as CaseRecord;
    const { data, missing } = additionalData(kase, null, ['customer_code', 'city', 'account_number']);
    // the city item is answered from the column the registry keeps the city in
    expect(data).toEqual({ customer_code: 'NW-4410', city: 'CO' });
    expect(missing).toEqual(['a account number']);
    expect(csrAskedLabel('customer_code')).toBe('account number');
  });

  it('the case’s address by parts follows the registry: copying a document’s address, the review’s case address, the corrected LOA', () => {
    const address: ServiceAddress = {
      street_line: '1200 Pearl Street',
      unit: '',
      city: 'Boulder',
      state: 'CO',
      zip5: '80302',
      zip4: '',
    };
    const kase = {
      entity_name: 'Northwind Accounting LLC',
      underlying_carrier: '',
      losing_carrier: 'Lumen',
      btn: '',
      authorized_person: '',
      account_number: '',
      service_street: '1200 Pearl Street',
      service_unit: 'Ste 4',
      service_city: 'Boulder',
      service_state: 'CO',
      service_zip: '80302',
    } as CaseRecord;
    const exact = { value: address, confidence: 1, page: null, bbox: null };
    const copied = proposedCaseFields('service_address', 'csr', { csr: { service_address: exact } }, kase);
    expect(copied?.fields).toMatchObject({ service_street: '1200 Pearl Street', service_state: 'Boulder' });
    expect(caseServiceAddress({ ...kase, numbers: [] })).toMatchObject({ city: 'CO', zip5: '80302' });
    const data = {
      caseRecord: kase,
      pin: null,
      chosen: {},
      comparison: { fields: {}, numbers: { to_port: [], staying: [] }, reseller: null },
      signerTitle: null,
    } as unknown as PacketData;
    const loa = planLoa(data, { includePin: false, signedBy: null, signedAt: null }).loa;
    expect(loa.service_address).toMatchObject({
      street_line: '1200 Pearl Street',
      unit: 'Ste 4',
      city: 'CO',
      state: 'Boulder',
    });
  });

  it('review messages name a field as the registry does, inside a sentence', async () => {
    const core = openCore({ dataDir: tempDir(), hostKind: 'loopback', actor: 'maria', now: () => NOW });
    cores.push(core);
    const bare = await core.call('cases.create', { fields: {}, numbersText: '' });
    await expect(
      core.call('review.applyValue', { caseId: bare.id, version: bare.version, field: 'btn', source: 'invoice' }),
    ).rejects.toThrow('no read invoice to copy the billing TN from');
    await expect(
      core.call('review.confirmReading', { caseId: bare.id, field: 'account_name', source: 'csr', value: 'X' }),
    ).rejects.toThrow('no read CSR to confirm the legal entity name on');
  });

  it('the review screen rows and the packet (cover and corrected LOA) show the registry’s names', async () => {
    const core = openCore({ dataDir: tempDir(), hostKind: 'loopback', actor: 'maria', now: () => NOW });
    cores.push(core);
    const { caseId } = await caseWithDocuments(core);

    const review = await core.call('review.compare', { caseId });
    const rows = buildRows(review, { showAllNumbers: false }).rows;
    expect(rows.find((r) => r.field === 'account_name')?.label).toBe('Legal entity name');
    expect(rows.find((r) => r.field === 'phone_numbers' && r.level === 0)?.label).toBe('Numbers moving');
    // the case's Denver, CO read through the registry's (traded) columns
    expect(review.address_parts.find((p) => p.part === 'city')?.values.case).toMatch(/^CO$/i);

    const res = await core.call('export.packet', { caseId });
    const files = exportFiles(res);
    const { pages } = await pdfText(files[res.files.find((f) => f.mime === 'application/pdf')!.name]!);
    const text = squash(pages.join(' '));
    // cover: the case section and the field comparison
    expect(text).toContain('Customer (legal entity name) Northwind Accounting');
    expect(text).toContain('Legal entity name');
    expect(text).toContain('Port-out PIN');
    expect(text).not.toContain('PIN / passcode');
    // corrected LOA
    expect(text).toContain('Main billing number (303) 555-0170');
    expect(text).toContain('Numbers moving (3)');
    expect(text).not.toContain('Billing telephone number (303)');
    const zip = unzip(files[res.files.find((f) => f.name.endsWith('.zip'))!.name]!);
    const summary = JSON.parse(
      new TextDecoder().decode(zip[Object.keys(zip).find((k) => k.endsWith('-summary.json'))!]!),
    );
    expect(summary.case.service_address).toMatchObject({ street: '77 Billing Way', city: 'CO', state: 'Denver' });
  });
});
