import { describe, expect, it } from 'vitest';
import { additionalData } from '../../electron/core/porting/csr.js';
import { csrFields } from '../../electron/core/porting/csr-document.js';
import type { CaseRecord } from '../../shared/domain/case.js';

/** What the CSR request sends from a case, and what a completed record becomes for the review. */

const CASE: CaseRecord = {
  id: 7,
  version: 1,
  status: 'documents',
  pin_set: true,
  blockers: 0,
  checks: 0,
  numbers: [{ raw: '312-555-0147', e164: '+13125550147', error: null }],
  created_at: '2026-11-30T10:00:00Z',
  updated_at: '2026-11-30T10:00:00Z',
  next_action: '',
  entity_name: 'Lakeview Dental Group LLC',
  authorized_person: 'Maria Lopez',
  btn: '(312) 555-0147',
  account_number: '831000-22',
  service_street: '2145 N Halsted St',
  service_unit: 'Ste 2',
  service_city: 'Chicago',
  service_state: 'Illinois',
  service_zip: '60614-3321',
  losing_carrier: 'AT&T',
  underlying_carrier: '',
  customer_reference: '',
  notes: '',
  foc_date: null,
} as CaseRecord;

describe('the additional data a carrier asks for', () => {
  it('is taken from the case in the API form: state code, 5-digit ZIP, BTN in E.164, street with its unit', () => {
    const { data, missing } = additionalData(CASE, '4417', [
      'name',
      'account_number',
      'pin',
      'address_line_1',
      'state',
      'zip_code',
      'billing_phone_number',
    ]);
    expect(missing).toEqual([]);
    expect(data).toEqual({
      name: 'Lakeview Dental Group LLC',
      account_number: '831000-22',
      pin: '4417',
      address_line_1: '2145 N Halsted St Ste 2',
      state: 'IL',
      zip_code: '60614',
      billing_phone_number: '+13125550147',
    });
  });

  it('names what the case lacks, as the person adds it, and sends only what was asked', () => {
    const { data, missing } = additionalData({ ...CASE, account_number: ' ', service_zip: 'n/a' }, null, [
      'account_number',
      'pin',
      'zip_code',
      'customer_code',
      'favourite_colour',
    ]);
    expect(missing).toEqual([
      'the account number',
      'the PIN',
      'the service ZIP',
      'a customer code',
      '"favourite_colour" (PortDesk does not know this item)',
    ]);
    expect(data).toEqual({});
  });
});

describe('a completed record as the case CSR', () => {
  it('gives the review exact values: confidence 1, no page, address parts split, numbers in E.164', () => {
    const fields = csrFields(
      {
        id: 'f1486bae-f067-460c-ad43-73a92848f902',
        phone_number: '+13125550147',
        status: 'completed',
        result: {
          carrier_name: ' AT&T ',
          admin: {
            name: 'Lakeview Dental Group, LLC',
            authorized_person_name: 'Maria Lopez',
            account_number: '83100022',
            billing_phone_number: '3125550147',
          },
          address: {
            street_address: '2145 N Halsted St',
            locality: 'Chicago',
            administrative_area: 'Illinois',
            postal_code: '60614-3321',
          },
          associated_phone_numbers: ['+13125550148', '(312) 555-0147'],
        },
      },
      '2026-12-01',
    );
    expect(fields.account_name).toEqual({ value: 'Lakeview Dental Group, LLC', confidence: 1, page: null, bbox: null });
    expect(fields.btn?.value).toBe('+13125550147');
    expect(fields.carrier_name?.value).toBe('AT&T');
    expect(fields.document_date?.value).toBe('2026-12-01');
    expect(fields.service_address?.value).toEqual({
      street_line: '2145 N Halsted St',
      unit: '',
      city: 'Chicago',
      state: 'IL',
      zip5: '60614',
      zip4: '3321',
    });
    expect(fields.phone_numbers?.value).toEqual(['+13125550147', '+13125550148']);
    expect(fields.pin).toBeUndefined();
  });
});
