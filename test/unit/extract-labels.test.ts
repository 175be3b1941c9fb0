import { describe, expect, it } from 'vitest';
import { extractFields } from '../../electron/core/extract/index.js';
import { pageOf, pagesOf, type TextLine } from '../fixtures/generator/handmade.js';

const bold = { font: 'sans-bold' as const };

describe('label wordings', () => {
  it.each(
    [['Account #:', 'Acct No.', 'Account Number', 'Billing Account', 'BAN:', 'Customer Account No.']][0]!.map((l) => [
      l,
    ]),
  )('account number after "%s"', (label) => {
    const r = extractFields(
      [
        pageOf([
          [72, 100, `${label} 8310 0123 4567`],
          [72, 130, 'Customer Name: Acme Dental Inc.'],
        ]),
      ],
      'invoice',
    );
    expect(r.fields.account_number?.value).toBe('8310 0123 4567');
  });

  it.each([
    'Billing Telephone Number',
    'BTN',
    'Main Number',
    'Main Billing Number',
    'Billing Telephone Number (BTN)',
    'Main Phone',
  ])('BTN after "%s"', (label) => {
    const r = extractFields(
      [
        pageOf([
          [72, 100, `${label}: (312) 555-0147`],
          [72, 130, 'Account Number: 99120'],
        ]),
      ],
      'loa',
    );
    expect(r.fields.btn?.value).toBe('+13125550147');
  });

  it.each(['Customer Name', 'Business Name', 'Account Name', 'Name on Account', 'Company Name', 'Legal Business Name'])(
    'account name after "%s"',
    (label) => {
      const r = extractFields(
        [
          pageOf([
            [72, 100, `${label}:`, bold],
            [230, 100, 'Blue Ridge Bakery, LLC'],
            [72, 120, 'Account #:', bold],
            [230, 120, '4412098'],
          ]),
        ],
        'loa',
      );
      expect(r.fields.account_name?.value).toBe('Blue Ridge Bakery, LLC');
    },
  );

  it.each(['PIN', 'Passcode', 'Port-Out PIN', 'Account PIN', 'PIN/Passcode', 'Security PIN (if applicable)'])(
    'PIN after "%s"',
    (label) => {
      const r = extractFields(
        [
          pageOf([
            [72, 100, `${label}: 902211`],
            [72, 130, 'Authorized Signer: Jane Doe'],
          ]),
        ],
        'loa',
      );
      expect(r.fields.pin?.value).toBe('902211');
    },
  );

  it.each(['Invoice Date', 'Statement Date', 'Bill Date', 'Date of Bill', 'Date Issued'])(
    'document date after "%s", not the due date',
    (label) => {
      const r = extractFields(
        [
          pageOf([
            [350, 60, 'Due Date: 04/05/2025'],
            [350, 80, `${label}: March 14, 2025`],
            [350, 100, 'Amount Due: $120.00'],
          ]),
        ],
        'invoice',
      );
      expect(r.fields.document_date?.value).toBe('2025-03-14');
    },
  );

  it('does not take words after a label inside a sentence as its value', () => {
    const r = extractFields(
      [
        pageOf([
          [
            72,
            100,
            'I authorize Telnyx to act as my agent in contacting my current carrier and porting the numbers below.',
          ],
          [72, 130, 'Current Carrier: Frontier Communications'],
        ]),
      ],
      'loa',
    );
    expect(r.fields.carrier_name?.value).toBe('Frontier Communications');
  });

  it('never takes a PIN from a bill', () => {
    const r = extractFields(
      [
        pageOf([
          [72, 100, 'Account PIN: 4417'],
          [72, 120, 'Amount Due: $10.00'],
          [72, 140, 'Invoice Date: 01/02/2025'],
        ]),
      ],
      'invoice',
    );
    expect(r.fields.pin).toBeUndefined();
  });
});

describe('where values sit', () => {
  it('reads values below their labels in form boxes, column by column', () => {
    const r = extractFields(
      [
        pageOf([
          [43, 100, 'CUSTOMER NAME', { size: 6.5 }],
          [373, 100, 'ACCOUNT NUMBER', { size: 6.5 }],
          [45, 112, 'Harbor Dental Group Inc'],
          [375, 112, '5520091'],
          [43, 130, 'CITY', { size: 6.5 }],
          [293, 130, 'STATE', { size: 6.5 }],
          [383, 130, 'ZIP', { size: 6.5 }],
          [45, 142, 'Portland'],
          [295, 142, 'ME'],
          [385, 142, '04101'],
          [43, 82, 'SERVICE ADDRESS', { size: 6.5 }],
          [45, 92, '18 Elm Ave'],
        ]),
      ],
      'loa',
    );
    expect(r.fields.account_name?.value).toBe('Harbor Dental Group Inc');
    expect(r.fields.account_number?.value).toBe('5520091');
    expect(r.fields.service_address?.value).toEqual({
      street_line: '18 Elm Ave',
      unit: '',
      city: 'Portland',
      state: 'ME',
      zip5: '04101',
      zip4: '',
    });
  });

  it('reads a table header row and the cells under it', () => {
    const r = extractFields(
      [
        pageOf([
          [44, 100, 'Customer Name', bold],
          [294, 100, 'Account #', bold],
          [444, 100, 'PIN', bold],
          [44, 116, 'Lakeshore Veterinary Clinic'],
          [294, 116, '77-1200-45'],
          [444, 116, '5521'],
        ]),
      ],
      'loa',
    );
    expect(r.fields.account_name?.value).toBe('Lakeshore Veterinary Clinic');
    expect(r.fields.account_number?.value).toBe('77-1200-45');
    expect(r.fields.pin?.value).toBe('5521');
  });

  it('reads values typed on a rule with the caption underneath', () => {
    const r = extractFields(
      [
        pageOf([
          [52, 100, 'Granite Family Medicine PLLC'],
          [402, 100, '0034-5590-12'],
          [50, 113, 'Business Name', { size: 7 }],
          [400, 113, 'Account Number (with current carrier)', { size: 7 }],
          [52, 134, 'Omar Patel'],
          [402, 134, '(207) 555-0101'],
          [50, 147, 'Print Name', { size: 7 }],
          [400, 147, 'Billing Telephone #', { size: 7 }],
        ]),
      ],
      'loa',
    );
    expect(r.fields.account_name?.value).toBe('Granite Family Medicine PLLC');
    expect(r.fields.account_number?.value).toBe('0034-5590-12');
    expect(r.fields.authorized_person?.value).toBe('Omar Patel');
    expect(r.fields.btn?.value).toBe('+12075550101');
  });

  it('follows a multi-line address in the value column', () => {
    const r = extractFields(
      [
        pageOf([
          [54, 100, 'Service Location:', bold],
          [205, 100, '2145 N Halsted St'],
          [205, 113, 'Suite 200'],
          [205, 126, 'Chicago, IL 60614'],
          [54, 150, 'Account Number:', bold],
          [205, 150, '31200'],
        ]),
      ],
      'csr',
    );
    expect(r.fields.service_address?.value).toEqual({
      street_line: '2145 N Halsted St',
      unit: 'Suite 200',
      city: 'Chicago',
      state: 'IL',
      zip5: '60614',
      zip4: '',
    });
  });
});

describe('billing and service addresses on a bill', () => {
  const header: TextLine[] = [
    [54, 60, 'Northwind Telecom', { font: 'sans-bold', size: 20 }],
    [350, 60, 'Account Number: 7781-22'],
    [350, 74, 'Statement Date: 02/01/2025'],
    [350, 88, 'Amount Due: $88.10'],
  ];

  it('keeps "Bill To" as billing and a "Service Address" heading as service', () => {
    const r = extractFields(
      [
        pageOf([
          ...header,
          [72, 140, 'Bill To:', bold],
          [72, 152, 'ACME DENTAL INC'],
          [72, 164, 'PO BOX 4410'],
          [72, 176, 'CHICAGO, IL 60690-4410'],
          [72, 220, 'Service Address:', bold],
          [72, 232, '2145 N HALSTED ST STE 200'],
          [72, 244, 'CHICAGO, IL 60614'],
        ]),
      ],
      'invoice',
    );
    expect(r.fields.billing_address?.value).toMatchObject({ street_line: 'PO BOX 4410', zip5: '60690', zip4: '4410' });
    expect(r.fields.service_address?.value).toMatchObject({
      street_line: '2145 N HALSTED ST',
      unit: 'STE 200',
      zip5: '60614',
    });
    expect(r.fields.account_name?.value).toBe('ACME DENTAL INC');
  });

  it('treats the unlabelled window-envelope address as billing and gives no service address', () => {
    const r = extractFields(
      [
        pageOf([
          ...header,
          [72, 150, 'Cedar Title Company'],
          [72, 162, '400 Marina Blvd'],
          [72, 174, 'Oakland, CA 94607-3314'],
          [54, 600, 'Remit to:', bold],
          [54, 614, 'Northwind Telecom'],
          [54, 626, 'PO Box 5019'],
          [54, 638, 'Carol Stream, IL 60197-5019'],
        ]),
      ],
      'invoice',
    );
    expect(r.fields.billing_address?.value).toMatchObject({
      street_line: '400 Marina Blvd',
      city: 'Oakland',
      zip5: '94607',
    });
    expect(r.fields.service_address).toBeUndefined();
    expect(r.fields.account_name?.value).toBe('Cedar Title Company');
    expect(r.fields.carrier_name?.value).toBe('Northwind Telecom');
  });

  it("lists the numbers on the account but not the carrier's support line", () => {
    const r = extractFields(
      [
        pageOf([
          ...header,
          [72, 300, 'Telephone Number', bold],
          [250, 300, 'Description', bold],
          [72, 316, '(312) 555-0147'],
          [250, 316, 'Business Line'],
          [72, 332, '(312) 555-0148'],
          [250, 332, 'Fax Line'],
          [72, 400, 'Questions about your bill? Call Customer Service at 1-800-555-0199.'],
        ]),
      ],
      'invoice',
    );
    expect(r.fields.phone_numbers?.value).toEqual(['+13125550147', '+13125550148']);
  });
});

describe('numbers on an LOA', () => {
  it('separates numbers to port from numbers to keep, in tables and in sentences', () => {
    const r = extractFields(
      [
        pageOf([
          [54, 80, 'Letter of Authorization', bold],
          [54, 100, 'BTN: 512-555-0129'],
          [54, 130, 'Telephone Number', bold],
          [250, 130, 'Port? (Y/N)', bold],
          [54, 146, '512-555-0129'],
          [250, 146, 'Y'],
          [54, 162, '512-555-0130'],
          [250, 162, 'N'],
          [54, 178, '512-555-0131'],
          [250, 178, 'Y'],
          [54, 210, 'Please do NOT port the following number, which will remain with AT&T: 512-555-0140.'],
        ]),
      ],
      'loa',
    );
    expect(r.fields.phone_numbers?.value).toEqual(['+15125550129', '+15125550131']);
    expect(r.fields.numbers_not_to_port?.value).toEqual(['+15125550130', '+15125550140']);
  });

  it('reads the signer and the business from "I, NAME, TITLE of BUSINESS, authorize…"', () => {
    const r = extractFields(
      [
        pageOf([
          [72, 100, 'I, Susan Ivanova, Practice Administrator of Ivanova & Martinez LLC, authorize Telnyx to port the'],
          [72, 114, 'numbers below from Lumen Technologies.'],
          [72, 140, 'Numbers to Port: 404-555-0156, 404-555-0198'],
        ]),
      ],
      'loa',
    );
    expect(r.fields.authorized_person?.value).toBe('Susan Ivanova');
    expect(r.fields.account_name?.value).toBe('Ivanova & Martinez LLC');
    expect(r.fields.carrier_name?.value).toBe('Lumen Technologies');
    expect(r.fields.phone_numbers?.value).toEqual(['+14045550156', '+14045550198']);
  });

  it('collects numbers across a page break', () => {
    const first: TextLine[] = [
      [54, 80, 'Letter of Authorization', bold],
      [54, 110, 'Numbers to Port:', bold],
    ];
    for (let i = 0; i < 8; i++) first.push([72, 130 + i * 15, `(303) 555-01${String(10 + i)}`]);
    const second: TextLine[] = [[54, 80, 'Numbers to Port (continued)', bold]];
    for (let i = 8; i < 12; i++) second.push([72, 100 + (i - 8) * 15, `(303) 555-01${String(10 + i)}`]);
    second.push(
      [54, 200, 'Authorized Signature:'],
      [200, 200, '/s/ Jane Doe', { font: 'serif-italic', size: 16 }],
      [400, 200, 'Date: 05/01/2025'],
    );
    const r = extractFields(pagesOf([first, second]), 'loa');
    expect(r.fields.phone_numbers?.value).toHaveLength(12);
    expect(r.fields.signature_present?.value).toBe(true);
    expect(r.fields.document_date?.value).toBe('2025-05-01');
  });

  it('reports an unsigned signature line as not signed', () => {
    const r = extractFields(
      [
        pageOf([
          [54, 80, 'Letter of Authorization', bold],
          [54, 200, 'Authorized Signature: ______________________'],
          [400, 200, 'Date: __________'],
        ]),
      ],
      'loa',
    );
    expect(r.fields.signature_present?.value).toBe(false);
    expect(r.fields.document_date).toBeUndefined();
  });
});

describe('evidence', () => {
  it('gives the page and the box of the words the value came from', () => {
    const r = extractFields(
      pagesOf([
        [[72, 100, 'Customer Service Record', bold]],
        [
          [72, 100, 'Account Number:'],
          [200, 100, '5520 0917'],
        ],
      ]),
      'csr',
    );
    const f = r.fields.account_number!;
    expect(f.page).toBe(2);
    expect(f.bbox![0]).toBeCloseTo(200, 0);
    expect(f.bbox![2]).toBeGreaterThan(230);
    expect(f.bbox![1]).toBeLessThan(100);
    expect(f.bbox![3]).toBeGreaterThan(100);
    expect(f.confidence).toBeGreaterThan(0.8);
  });
});
