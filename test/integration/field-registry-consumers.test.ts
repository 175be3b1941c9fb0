import { afterEach, describe, expect, it, vi } from 'vitest';
import { openCore, type Core } from '../../electron/core/index.js';
import { csrPdf } from '../../electron/core/porting/csr-document.js';
import { DOC_FIELD_LABEL } from '../../renderer/features/documents/fields.js';
import { buildRows } from '../../renderer/features/review/rows.js';
import { FIELD_LABEL, type CaseRecord } from '../../shared/domain/case.js';
import { COMPARED_FIELD_LABEL } from '../../shared/domain/comparison.js';
import { csrAskedLabel } from '../../shared/porting/csr.js';
import { fieldErrors, fieldForPointer, orderUpdateFromCase } from '../../shared/porting/mapping.js';
import { tempDir } from '../helpers/tmp.js';
import { caseWithDocuments } from './export-fixtures.js';
import { exportFiles, pdfText } from './export-read.js';

/*
 * Issue 9, "One field registry": each per-field fact (names, Telnyx order places, the document
 * field a compared field is read from) is declared once in shared/domain/fields.ts. Here the
 * registry is edited in place before anything reads it; every consumer — the review, the case's
 * labels, the order body and its error pointers, the packet's cover and LOA, the renderer's labels
 * — must show the edit. A consumer that keeps its own copy of a name or a path fails here.
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
    expect(body.end_user?.location).toMatchObject({ address_line: '120 Harbor Dr', locality: 'Tampa' });
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
        admin: { name: 'Northwind Accounting LLC', billing_phone_number: '+13035550170' },
        address: { street_address: '1200 Pearl Street', locality: 'Boulder' },
      },
    };
    const { pages } = await pdfText(await csrPdf(record, 'carrier API', '2025-03-03 12:00'));
    const text = squash(pages.join(' '));
    expect(text).toContain('Name on the account: Northwind Accounting LLC');
    expect(text).toContain('Main billing number: +13035550170');
  });

  it('the review screen rows and the packet (cover and corrected LOA) show the registry’s names', async () => {
    const core = openCore({ dataDir: tempDir(), hostKind: 'loopback', actor: 'maria', now: () => NOW });
    cores.push(core);
    const { caseId } = await caseWithDocuments(core);

    const review = await core.call('review.compare', { caseId });
    const rows = buildRows(review, { showAllNumbers: false }).rows;
    expect(rows.find((r) => r.field === 'account_name')?.label).toBe('Legal entity name');
    expect(rows.find((r) => r.field === 'phone_numbers' && r.level === 0)?.label).toBe('Numbers moving');

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
  });
});
