import { describe, expect, it } from 'vitest';
import { carrierInfo, carriers } from '../../electron/core/compare/carriers.js';
import { explainCode, rejectionCodes } from '../../electron/core/compare/rejections.js';

/** PortingOrdersExceptionType.code enum of the Telnyx V2 OpenAPI (shared/reference/telnyx-porting-openapi.json). */
const TELNYX_V2_CODES = [
  'ACCOUNT_NUMBER_MISMATCH',
  'AUTH_PERSON_MISMATCH',
  'BTN_ATN_MISMATCH',
  'ENTITY_NAME_MISMATCH',
  'FOC_EXPIRED',
  'FOC_REJECTED',
  'LOCATION_MISMATCH',
  'LSR_PENDING',
  'MAIN_BTN_PORTING',
  'OSP_IRRESPONSIVE',
  'OTHER',
  'PASSCODE_PIN_INVALID',
  'PHONE_NUMBER_HAS_SPECIAL_FEATURE',
  'PHONE_NUMBER_MISMATCH',
  'PHONE_NUMBER_NOT_PORTABLE',
  'PORT_TYPE_INCORRECT',
  'PORTING_ORDER_SPLIT_REQUIRED',
  'POSTAL_CODE_MISMATCH',
  'RATE_CENTER_NOT_PORTABLE',
  'SV_CONFLICT',
  'SV_UNKNOWN_FAILURE',
];

describe('rejection table', () => {
  it('holds every Telnyx V2 exception code, marked as such', () => {
    const telnyx = rejectionCodes()
      .filter((c) => c.source === 'telnyx')
      .map((c) => c.code)
      .sort();
    expect(telnyx).toEqual([...TELNYX_V2_CODES].sort());
  });
  it.each(TELNYX_V2_CODES)('%s explains itself with a meaning and an action', (code) => {
    const e = explainCode(code);
    expect(e.known).toBe(true);
    expect(e.meaning.length).toBeGreaterThan(20);
    expect(e.action.length).toBeGreaterThan(20);
  });
  it.each([
    ['BUSINESS_NAME_MISMATCH', 'ENTITY_NAME_MISMATCH'],
    ['SERVICE_ADDRESS_MISMATCH', 'LOCATION_MISMATCH'],
    ['ZIP_POSTAL_CODE_MISMATCH', 'POSTAL_CODE_MISMATCH'],
    ['AUTH_NAME_MISMATCH', 'AUTH_PERSON_MISMATCH'],
    ['Unauthorized Contact/Signature', 'AUTH_PERSON_MISMATCH'],
    ['Name or Signature mismatch', 'AUTH_PERSON_MISMATCH'],
    ['Incorrect service account number', 'ACCOUNT_NUMBER_MISMATCH'],
    ['Invalid BTN', 'BTN_ATN_MISMATCH'],
    ['Invalid BTN (Billing Telephone Number)', 'BTN_ATN_MISMATCH'],
    ['Incorrect wireless PIN', 'PASSCODE_PIN_INVALID'],
    ['Unpaid balance', 'UNPAID_BALANCE'],
    ['Unpaid balance with current carrier', 'UNPAID_BALANCE'],
    ['Pending service request', 'LSR_PENDING'],
    ['PENDING_ORDER', 'LSR_PENDING'],
    ['Inactive number', 'PHONE_NUMBER_NOT_PORTABLE'],
    ['Address mismatch', 'LOCATION_MISMATCH'],
    ['TN_MISMATCH', 'PHONE_NUMBER_MISMATCH'],
    ['PORTING_MAIN_BTN', 'MAIN_BTN_PORTING'],
    ['REQUEST_INCORRECT', 'PORT_TYPE_INCORRECT'],
    ['DIFFERENT_RATE_CENTERS', 'PORTING_ORDER_SPLIT_REQUIRED'],
    ['DIFFERENT_ACCOUNTS', 'PORTING_ORDER_SPLIT_REQUIRED'],
    ['hunt group', 'PHONE_NUMBER_HAS_SPECIAL_FEATURE'],
    ['LOA_ILLEGIBLE', 'LOA_ILLEGIBLE'],
    ['ILLEGIBLE_LOA', 'LOA_ILLEGIBLE'],
    ['  business_name_mismatch ', 'ENTITY_NAME_MISMATCH'],
    ['Entity name does not match that on the CSR', 'ENTITY_NAME_MISMATCH'],
  ])('alias %s → %s', (alias, code) => {
    const e = explainCode(alias);
    expect(e.known).toBe(true);
    expect(e.code).toBe(code);
  });
  it('uses seed 000 action texts for the four most common rejections', () => {
    expect(explainCode('PASSCODE_PIN_INVALID').action).toContain(
      'Contact your provider for the correct carrier-level PIN',
    );
    expect(explainCode('ACCOUNT_NUMBER_MISMATCH').action).toContain(
      'Reseller account IDs ≠ carrier account numbers — confirm with provider',
    );
    expect(explainCode('BUSINESS_NAME_MISMATCH').action).toContain('Get exact legal name from your provider');
    expect(explainCode('SERVICE_ADDRESS_MISMATCH').action).toContain(
      'Get the address on file with the carrier, not your billing address',
    );
  });
  it("has PortDesk's own document checks", () => {
    for (const code of ['INVOICE_TOO_OLD', 'LOA_TOO_OLD', 'LOA_UNSIGNED'])
      expect(explainCode(code)).toMatchObject({ known: true, source: 'portdesk' });
  });
  it("returns an unknown code with the carrier's description instead of dropping it", () => {
    const e = explainCode('CUSTOMER_ON_VACATION', 'The end user is unreachable');
    expect(e).toMatchObject({
      known: false,
      code: 'CUSTOMER_ON_VACATION',
      meaning: 'The end user is unreachable',
      field: null,
    });
    expect(explainCode('NEW_CODE_2027').meaning).toContain('NEW_CODE_2027');
  });
  it('no alias names two codes', () => {
    const seen = new Map<string, string>();
    for (const c of rejectionCodes())
      for (const a of c.aliases) {
        const k = a.toUpperCase().replace(/[^A-Z0-9]+/g, '_');
        expect(seen.get(k) ?? c.code).toBe(c.code);
        seen.set(k, c.code);
      }
  });
});

describe('carrier knowledge', () => {
  it.each([
    ['AT&T', 'att'],
    ['AT and T', 'att'],
    ['ATT', 'att'],
    ['at&t mobility', 'att'],
    ['AT&T Corp.', 'att'],
    ['CenturyLink', 'lumen'],
    ['Century Link', 'lumen'],
    ['Qwest Corporation', 'lumen'],
    ['Lumen Technologies', 'lumen'],
    ['Verizon Wireless', 'verizon'],
    ['VERIZON', 'verizon'],
    ['Comcast Business Communications, LLC', 'comcast'],
    ['Xfinity', 'comcast'],
    ['Charter Communications', 'spectrum'],
    ['Spectrum Business', 'spectrum'],
    ['Frontier Communications', 'frontier'],
    ['Bandwidth.com CLEC, LLC', 'bandwidth'],
    ['Inteliquent', 'inteliquent'],
    ['twilio inc.', 'twilio'],
    ['Aircall', 'aircall'],
    ['Intercom', 'intercom'],
    ['Vonage Business', 'vonage'],
    ['RingCentral, Inc.', 'ringcentral'],
    ['Grasshopper', 'grasshopper'],
    ['Google Voice for Business', 'google_voice'],
  ])('%s → %s', (name, id) => expect(carrierInfo(name)?.id).toBe(id));
  it('unknown carriers are null', () => {
    expect(carrierInfo("Joe's Telephone Cooperative")).toBeNull();
    expect(carrierInfo('')).toBeNull();
  });
  it('marks the seed 000 resellers and what they need', () => {
    for (const id of ['aircall', 'intercom', 'ringcentral', 'grasshopper', 'google_voice'])
      expect(carriers().find((c) => c.id === id)?.reseller).toBe(true);
    for (const id of ['twilio', 'bandwidth', 'inteliquent', 'att', 'verizon'])
      expect(carriers().find((c) => c.id === id)?.reseller).toBe(false);
    expect(carrierInfo('Grasshopper')?.underlying_carriers).toEqual(['Bandwidth', 'Inteliquent']);
    expect(carrierInfo('Vonage')?.requirements.join(' ')).toMatch(/Letter of Authorization/);
    expect(carrierInfo('RingCentral')?.requirements.join(' ')).toMatch(/PIN to be set before/);
    expect(carrierInfo('Grasshopper')?.pin.source).toMatch(/support/);
    expect(carrierInfo('Twilio')?.account_number.format?.pattern).toBe('^AC[0-9A-F]{32}$');
  });
});
