import { describe, expect, it } from 'vitest';
import type { DocumentKind } from '../../shared/domain/document.js';
import { extractFields } from '../../electron/core/extract/index.js';
import { pageOf } from '../fixtures/generator/handmade.js';

/*
 * Labels found by their SHAPE when no vocabulary knows the wording (electron/core/extract/shape.ts):
 * a carrier nobody has seen prints its own words where others print "Account Number:". The wordings
 * below are invented here — in neither the label vocabulary nor the generator's pools — so only the
 * label's shape (a few words and a colon, a record's short tag, a caption in a row or column of known
 * labels) and the value's grammar can place them. Such a value is an honest guess: below 0.9.
 */

type Row = [number, number, string];

function fieldsOf(rows: Row[], kind: DocumentKind) {
  return extractFields([pageOf(rows)], kind).fields;
}

describe('an unknown label of the account number, by shape and grammar', () => {
  it('a colon label beside an account-like token fills the empty account number (LOA form)', () => {
    const f = fieldsOf(
      [
        [72, 90, 'Business Name:'],
        [220, 90, 'Harbor Light Dental LLC'],
        [72, 106, 'Patron Key:'],
        [220, 106, 'QX-88410275'],
        [72, 122, 'Authorized Signer:'],
        [220, 122, 'Dana Whitfield'],
        [72, 138, 'Service Address:'],
        [220, 138, '120 Harbor Dr, Tampa, FL 33602'],
      ],
      'loa',
    );
    expect(f.account_number?.value).toBe('QX-88410275');
    expect(f.account_number!.confidence).toBeGreaterThan(0);
    expect(f.account_number!.confidence).toBeLessThan(0.9);
    // the guess shows where it came from, for the review's evidence: a caption only its shape made one
    expect(f.account_number!.candidates?.[0]?.why).toMatchObject({ source: 'shape', label: 'Patron Key' });
  });

  it('a caption in a row of known labels, its value under it (header table of a bill)', () => {
    const f = fieldsOf(
      [
        [72, 90, 'Statement Date'],
        [200, 90, 'Patron Key'],
        [330, 90, 'Amount Due'],
        [72, 104, '03/14/2026'],
        [200, 104, '5540 9921 8830'],
        [330, 104, '$412.80'],
        [72, 140, 'Bill To:'],
        [72, 154, 'Harbor Light Dental LLC'],
      ],
      'invoice',
    );
    expect(f.account_number?.value?.replace(/\s/g, '')).toBe('554099218830');
    expect(f.account_number!.confidence).toBeLessThan(0.9);
  });

  it("a mainframe record's unknown short tags: the long token is the account, the short code the PIN", () => {
    const f = fieldsOf(
      [
        [40, 80, 'NORTHWIND TEL     CUSTOMER RECORD'],
        [40, 100, 'BTN:'],
        [100, 100, '865-555-0181'],
        [40, 112, 'CUST NM:'],
        [100, 112, 'RIVERSIDE FAMILY DENTISTRY INC'],
        [40, 124, 'ZK'],
        [100, 124, '166892880'],
        [40, 136, 'VX'],
        [100, 136, '350888'],
      ],
      'csr',
    );
    expect(f.account_number?.value).toBe('166892880');
    expect(f.account_number!.confidence).toBeLessThan(0.9);
    expect(f.pin?.value).toBe('350888');
    expect(f.pin!.confidence).toBeLessThan(0.9);
  });
});

describe('an unknown label of the PIN', () => {
  it('a colon label beside four to eight digits on an LOA is the PIN when no label gives one', () => {
    const f = fieldsOf(
      [
        [72, 90, 'Business Name:'],
        [220, 90, 'Harbor Light Dental LLC'],
        [72, 106, 'Account Number:'],
        [220, 106, '8831-22904'],
        [72, 122, 'Clearance Word:'],
        [220, 122, '4417'],
      ],
      'loa',
    );
    expect(f.pin?.value).toBe('4417');
    expect(f.pin!.confidence).toBeLessThan(0.9);
  });
});

describe('an unknown label of a name', () => {
  it("a business with its legal form beside an unknown label is the account name, not the letterhead's", () => {
    const rows: Row[] = [
      [72, 60, 'Keystone Answering Service Inc'],
      [72, 90, 'Patron:'],
      [220, 90, 'Harbor Light Marine Supply LLC'],
      [72, 106, 'Account Number:'],
      [220, 106, '8831-22904'],
    ];
    for (const kind of ['loa', 'invoice'] as const) {
      const f = fieldsOf(rows, kind);
      expect(f.account_name?.value).toBe('Harbor Light Marine Supply LLC');
      expect(f.account_name!.confidence).toBeLessThan(0.9);
    }
  });

  it("an unknown label's business beats a mailing block's first line (a bill, a CSR)", () => {
    const rows: Row[] = [
      [72, 90, 'Account Number:'],
      [220, 90, '8831-22904'],
      [72, 106, 'Patron:'],
      [220, 106, 'Harbor Light Marine Supply LLC'],
      [72, 122, 'Mailing Address:'],
      [72, 136, 'Keystone Answering Service Inc'],
      [72, 150, 'PO Box 90412, Austin, TX 78709'],
    ];
    for (const kind of ['invoice', 'csr'] as const)
      expect(fieldsOf(rows, kind).account_name?.value).toBe('Harbor Light Marine Supply LLC');
  });

  it('a person beside the only unknown label of an LOA is the authorized person when nothing names one', () => {
    const f = fieldsOf(
      [
        [72, 90, 'Business Name:'],
        [220, 90, 'Harbor Light Dental LLC'],
        [72, 106, 'Account Number:'],
        [220, 106, '8831-22904'],
        [72, 122, 'Undersigned:'],
        [220, 122, 'Dana Whitfield'],
      ],
      'loa',
    );
    expect(f.authorized_person?.value).toBe('Dana Whitfield');
    expect(f.authorized_person!.confidence).toBeLessThan(0.9);
  });

  it("a label whose words name someone else ('Sales Rep') gives no authorized person", () => {
    const f = fieldsOf(
      [
        [72, 90, 'Business Name:'],
        [220, 90, 'Harbor Light Dental LLC'],
        [72, 106, 'Account Number:'],
        [220, 106, '8831-22904'],
        [72, 122, 'Sales Rep:'],
        [220, 122, 'Dana Whitfield'],
      ],
      'loa',
    );
    expect(f.authorized_person).toBeUndefined();
  });
});

describe('distractors stay off', () => {
  it("an unknown label whose words name another field ('Invoice Key') gives no account number", () => {
    const f = fieldsOf(
      [
        [72, 90, 'Bill To:'],
        [72, 104, 'Harbor Light Dental LLC'],
        [300, 90, 'Invoice Key:'],
        [400, 90, '55100234'],
      ],
      'invoice',
    );
    expect(f.account_number).toBeUndefined();
  });

  it('two unknown labels with account-like values and no word for either: no guess', () => {
    const f = fieldsOf(
      [
        [72, 90, 'Business Name:'],
        [220, 90, 'Harbor Light Dental LLC'],
        [72, 106, 'Patron Key:'],
        [220, 106, 'QX-88410275'],
        [72, 122, 'Member Tag:'],
        [220, 122, 'RT-55019932'],
      ],
      'loa',
    );
    expect(f.account_number).toBeUndefined();
  });

  it('a known account label wins over an unknown one; a ZIP under an unknown label is no PIN', () => {
    const f = fieldsOf(
      [
        [72, 90, 'Account Number:'],
        [220, 90, '8831-22904'],
        [72, 106, 'Patron Key:'],
        [220, 106, 'QX-88410275'],
        [72, 122, 'Drop Slot:'],
        [220, 122, '33602'],
      ],
      'loa',
    );
    expect(f.account_number?.value).toBe('8831-22904');
    expect(f.pin).toBeUndefined();
  });

  it('a bill never gets a PIN by elimination', () => {
    const f = fieldsOf(
      [
        [72, 90, 'Account Number:'],
        [220, 90, '8831-22904'],
        [72, 106, 'Clearance Word:'],
        [220, 106, '4417'],
      ],
      'invoice',
    );
    expect(f.pin).toBeUndefined();
  });
});

describe('a document is dated', () => {
  it("a record whose only date carries another date's label gives it as a low guess", () => {
    const f = fieldsOf(
      [
        [40, 80, 'NORTHWIND TEL     ACCOUNT PROFILE'],
        [40, 100, 'EFFECTIVE DATE: 03/08/2026'],
        [300, 100, 'BILL ACCT: 2406241812710'],
        [40, 112, 'CUST NM:'],
        [120, 112, 'PALMETTO BAKERY & CAFE LTD.'],
      ],
      'csr',
    );
    expect(f.document_date?.value).toBe('2026-03-08');
    expect(f.document_date!.confidence).toBeLessThan(0.9);
  });

  it('never a date said to be due; a date no label calls another beats the spare', () => {
    const due = fieldsOf(
      [
        [72, 90, 'Account Number: 8831-22904'],
        [72, 106, 'Payment Due Date: 04/01/2026'],
      ],
      'invoice',
    );
    expect(due.document_date).toBeUndefined();
    const both = fieldsOf(
      [
        [40, 100, 'EFFECTIVE DATE: 03/08/2026'],
        [40, 112, 'Printed 05/02/2026'],
      ],
      'csr',
    );
    expect(both.document_date?.value).toBe('2026-05-02');
  });
});
