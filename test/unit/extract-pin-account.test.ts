import { describe, expect, it } from 'vitest';
import type { DocumentKind } from '../../shared/domain/document.js';
import { extractFields } from '../../electron/core/extract/index.js';
import { pageOf, type TextLine } from '../fixtures/generator/handmade.js';

/*
 * The PIN and the account number by their value grammar and their labels: what a form writes after
 * "PIN:" may be an extension, an amount, a date or a masked number, and none of those is a PIN; a
 * masked account number is not the account number. Wordings are made up, several per class.
 */

const NAME: TextLine = [72, 60, 'Customer Name:'];
const NAME_VALUE: TextLine = [260, 60, 'Blue Ridge Bakery, LLC'];

function read(kind: DocumentKind, rows: TextLine[]) {
  return extractFields([pageOf([NAME, NAME_VALUE, ...rows])], kind).fields;
}

describe('a PIN is never a number of another shape', () => {
  it.each([
    ['PIN:', 'x2210'],
    ['Passcode:', 'Ext. 2210'],
    ['Security PIN:', 'ext 4471'],
    ['Account PIN:', '$1,204.50'],
    ['Port-Out PIN:', '1204.50'],
    ['Transfer PIN:', '2026-03-14'],
    ['PIN:', '3/14/2026'],
    ['Passcode:', '33602-1485'],
    ['Account Passcode:', '****9018'],
    ['PIN:', 'XXXX-4821'],
  ])('"%s %s" gives no PIN', (label, value) => {
    const f = read('loa', [
      [72, 100, label],
      [260, 100, value],
    ]);
    expect(f.pin).toBeUndefined();
  });

  it.each([
    ['PIN:', '4821', '4821'],
    ['Passcode:', '730215', '730215'],
    ['Port-Out PIN:', '0042', '0042'],
    ['Account Password:', 'Harbor22', 'Harbor22'],
    ['Security Code (4-8 digits):', '99120', '99120'],
    ['Transfer PIN:', '1234567890', '1234567890'],
  ])('"%s %s" is the PIN', (label, value, pin) => {
    const f = read('loa', [
      [72, 100, label],
      [260, 100, value],
    ]);
    expect(f.pin?.value).toBe(pin);
  });

  it('a PIN that equals the account number’s last four is never near-certain', () => {
    for (const label of ['PIN:', 'Passcode:', 'Port-Out PIN:']) {
      const f = read('loa', [
        [72, 100, 'Account Number:'],
        [260, 100, '5512 0934 9018'],
        [72, 116, label],
        [260, 116, '9018'],
      ]);
      expect(f.account_number?.value).toBe('5512 0934 9018');
      expect(f.pin?.confidence ?? 0).toBeLessThan(0.9);
    }
  });
});

describe('a masked account number is not the account number', () => {
  it.each([
    ['Account Number:', '****9018'],
    ['Acct #:', 'XXXX-XXXX-9018'],
    ['Billing Account No.:', '**** **** 4471'],
    ['Account:', 'xxxxxx2290'],
  ])('"%s %s" gives no account number', (label, value) => {
    for (const kind of ['invoice', 'loa'] as const) {
      const f = read(kind, [
        [72, 100, label],
        [260, 100, value],
      ]);
      expect(f.account_number).toBeUndefined();
    }
  });
});

describe('labels that only partly read as a listed wording', () => {
  it.each([
    ['Acct PIN:', '4821'],
    ['Account Security Code:', '730215'],
    ['Customer Port-Out PINs:', '0042'],
    ['Acct. Transfer Passcode:', '99120'],
  ])('"%s" gives the PIN, not the account number', (label, value) => {
    const f = read('loa', [
      [72, 100, 'Account Number:'],
      [260, 100, '5512 0934 11'],
      [72, 116, label],
      [260, 116, value],
    ]);
    expect(f.pin?.value).toBe(value);
    expect(f.account_number?.value).toBe('5512 0934 11');
  });

  it.each(['Telephone Number (Billing):', 'Phone (Main):', 'Number (BTN):'])('"%s" gives the BTN', (label) => {
    const f = read('loa', [
      [72, 100, label],
      [260, 100, '(312) 555-0147'],
      [72, 116, 'Account Number:'],
      [260, 116, '5512 0934 11'],
    ]);
    expect(f.btn?.value).toBe('+13125550147');
  });

  it.each(['Address (Service):', 'Location (Premises):', 'Site Location:', 'Premises:'])(
    '"%s" gives the service address',
    (label) => {
      const f = read('loa', [
        [72, 100, label],
        [260, 100, '120 Harbor Dr, Tampa, FL 33602'],
      ]);
      expect(f.service_address?.value.street_line).toBe('120 Harbor Dr');
    },
  );
});

describe('a secret phrase or word is the PIN, never the account number', () => {
  it.each(['Account Security Phrase:', 'Secret Word:', 'Verification Phrase:', 'Acct Security Phrase:'])(
    '%s',
    (label) => {
      // with and without an account-number label beside it: "Account …" in the label must not win it
      const withAccount = read('csr', [
        [72, 76, 'Account Number:'],
        [260, 76, '8841027'],
        [72, 92, label],
        [260, 92, '4417'],
      ]);
      expect(withAccount.pin?.value).toBe('4417');
      expect(withAccount.account_number?.value).toBe('8841027');
      const alone = read('csr', [
        [72, 92, label],
        [260, 92, '4417'],
      ]);
      expect(alone.pin?.value).toBe('4417');
      expect(alone.account_number?.value).not.toBe('4417');
    },
  );
});
