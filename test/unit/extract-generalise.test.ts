import { describe, expect, it } from 'vitest';
import { extractFields } from '../../electron/core/extract/index.js';
import type { PageText, Word } from '../../shared/domain/document.js';
import { pageOf, type TextLine } from '../fixtures/generator/handmade.js';
import { addr } from '../helpers/compare.js';
import { readLines } from '../helpers/read-lines.js';

/*
 * General layout and vocabulary rules found through documents in styles the extractor was not tuned
 * on (test/fixtures/devset). Each layout here is small and synthetic: the rule, not the document.
 */

describe('where an address block ends', () => {
  it('stops at the next row even when its label is not a known one (key/value cells)', () => {
    const r = readLines(
      [
        [72, 100, 'Account Number:'],
        [220, 100, '5520091'],
        [72, 116, 'Billing Address:'],
        [220, 116, 'PO Box 90412, Austin, TX 78709'],
        [72, 132, 'Gate code:'],
        [220, 132, 'ask the front desk (not printed here)'],
      ],
      'csr',
    );
    expect(r.billing_address?.value).toEqual(addr('PO Box 90412', 'Austin', 'TX', '78709'));
  });

  it('stops at a "Something:" line in a stack of label: value lines that reads like a paragraph', () => {
    const r = readLines(
      [
        [72, 100, 'Company name: Bright Path Tutoring Inc'],
        [72, 114, 'Account number: 2094417'],
        [72, 128, 'Billing address: PO Box 90412, Austin, TX 78709'],
        [72, 142, 'Port-out PIN: on file (not shown for security)'],
      ],
      'csr',
    );
    expect(r.billing_address?.value).toEqual(addr('PO Box 90412', 'Austin', 'TX', '78709'));
  });

  it('reads "CITY / ST / ZIP" written with slashes in a table cell', () => {
    const r = readLines(
      [
        [72, 100, 'Service Address'],
        [250, 100, '1877 LAKEVIEW AVE STE 4B'],
        [72, 118, 'City / State / ZIP'],
        [250, 118, 'LAKEWOOD / OH / 44107'],
        [72, 136, 'Billing Address'],
        [250, 136, '1877 LAKEVIEW AVE STE 4B, LAKEWOOD OH 44107-5521'],
      ],
      'csr',
    );
    expect(r.service_address?.value).toEqual(addr('1877 LAKEVIEW AVE', 'LAKEWOOD', 'OH', '44107', 'STE 4B'));
  });

  it('takes the city beside "City:" on a row of label/value pairs, not the next row\'s label below', () => {
    const r = readLines(
      [
        [60, 100, 'Service Street Address:'],
        [200, 100, '55 Bloomfield Ave'],
        [60, 126, 'Apt / Suite / Unit:'],
        [200, 126, 'Unit 3'],
        [60, 152, 'City:'],
        [100, 152, 'Montclair'],
        [320, 152, 'State:'],
        [360, 152, 'NJ'],
        [410, 152, 'Zip:'],
        [440, 152, '07042'],
        [60, 178, 'Current Local Carrier:'],
        [200, 178, 'Verizon'],
      ],
      'loa',
    );
    expect(r.service_address?.value).toEqual(addr('55 Bloomfield Ave', 'Montclair', 'NJ', '07042', 'Unit 3'));
  });
  it('reads two address blocks side by side, each under its own heading, past a key/value column on the right', () => {
    const r = readLines(
      [
        [40, 100, 'Mail To'],
        [230, 100, 'Install Address'],
        [430, 106, 'Period'],
        [480, 106, '2026-02-01 to 2026-02-28'],
        [40, 116, 'Harbor Yoga LLC'],
        [230, 116, '41 Pier Street Unit 3'],
        [430, 116, 'Due'],
        [480, 116, '2026-03-21'],
        [40, 130, 'PO Box 77'],
        [230, 130, 'Salem, MA 01970'],
        [40, 144, 'Salem, MA 01971'],
      ],
      'invoice',
    );
    expect(r.service_address?.value).toEqual(addr('41 Pier Street', 'Salem', 'MA', '01970', 'Unit 3'));
    expect(r.billing_address?.value).toEqual(addr('PO Box 77', 'Salem', 'MA', '01971'));
  });
});

describe('vocabulary', () => {
  it('reads ILEC record codes: bill address lines BA1/BA2 and the PO city line', () => {
    const r = readLines(
      [
        [36, 100, 'BN'],
        [67, 100, 'ACME DENTAL GROUP LLC'],
        [36, 111, 'BA1'],
        [67, 111, 'ATTN ACCOUNTS PAYABLE'],
        [36, 122, 'BA2'],
        [67, 122, 'PO BOX 14470'],
        [36, 133, 'PO'],
        [67, 133, 'CHICAGO IL 60614-0470'],
        [36, 155, 'SA'],
        [67, 155, '2145 N HALSTED ST STE 200 CHICAGO IL 60614'],
      ],
      'csr',
    );
    expect(r.billing_address?.value).toEqual(addr('PO BOX 14470', 'CHICAGO', 'IL', '60614', '', '0470'));
  });

  it('reads abbreviated dot-leader labels: BILL ADDR over two lines, AUTH PARTY', () => {
    const r = readLines(
      [
        [36, 100, 'LISTED NAME.....: SUMMIT RIDGE CLINIC PLLC'],
        [36, 112, 'BILL ADDR.......: 4500 W STATE ST'],
        [118, 124, 'BOISE ID 83703-5811'],
        [36, 136, 'AUTH PARTY......: GREGORY T HALL (PRACTICE ADMIN)'],
      ],
      'csr',
    );
    expect(r.billing_address?.value).toEqual(addr('4500 W STATE ST', 'BOISE', 'ID', '83703', '', '5811'));
    expect(r.authorized_person?.value).toBe('GREGORY T HALL');
  });

  it('takes the contact of record on a CSR as the authorized person', () => {
    const r = readLines(
      [
        [72, 100, 'Customer Name:'],
        [220, 100, 'Harbor Dental Inc'],
        [72, 116, 'Contact:'],
        [220, 116, 'Karen J Wojcik'],
      ],
      'csr',
    );
    expect(r.authorized_person?.value).toBe('Karen J Wojcik');
  });

  it('reads the address under "Address where the phone service is installed"', () => {
    const r = readLines(
      [
        [72, 100, 'Address where the phone service is installed'],
        [72, 116, '300 North Third Avenue #200, Madison, WI 53703-2154'],
        [72, 140, 'Account number with current carrier: 6080041'],
      ],
      'loa',
    );
    expect(r.service_address?.value).toEqual(addr('300 North Third Avenue', 'Madison', 'WI', '53703', '#200', '2154'));
  });

  it('takes the whole long label, not its prefix, as the label ("Person authorizing this port")', () => {
    const r = readLines(
      [
        [72, 100, 'Person authorizing this port'],
        [72, 116, 'Karen J. Wojcik'],
        [72, 140, 'Title'],
        [72, 156, 'Office Manager'],
      ],
      'loa',
    );
    expect(r.authorized_person?.value).toBe('Karen J. Wojcik');
  });
});

describe('addresses in running text', () => {
  it('reads a service address named in a sentence that wraps onto the next line', () => {
    const r = readLines(
      [
        [
          72,
          100,
          'I, Ana Ruiz, Owner of Ruiz Bakery LLC, authorize Northcoast Voice to port (440) 555-0101 from Spectrum.',
        ],
        [
          72,
          116,
          'Our account number is 55120094. The installation address for these lines is 41 Pier Street, Unit 3,',
        ],
        [72, 132, 'Salem, MA 01970. Please contact me with any questions.'],
      ],
      'loa',
    );
    expect(r.service_address?.value).toEqual(addr('41 Pier Street', 'Salem', 'MA', '01970', 'Unit 3'));
  });
});

describe('names', () => {
  it('takes a person under an account-name label as the authorized person when another label gives the business', () => {
    const r = readLines(
      [
        [56, 100, 'Account holder: Mei Tanaka'],
        [56, 114, 'Company name: Harbor Yoga LLC'],
        [56, 128, 'Account number: 5511029'],
      ],
      'csr',
    );
    expect(r.account_name?.value).toBe('Harbor Yoga LLC');
    expect(r.authorized_person?.value).toBe('Mei Tanaka');
  });

  it('reads a two-line carrier wordmark at the top as the carrier, not as a name under a "Business" caption', () => {
    const r = readLines(
      [
        [40, 34, 'VERIZON', { font: 'sans-bold', size: 20 }],
        [340, 42, 'Account Number'],
        [470, 42, '552-0091-44'],
        [40, 58, 'BUSINESS', { size: 9 }],
        [340, 56, 'Bill Date'],
        [470, 56, 'Mar 02, 2026'],
        [60, 100, 'HARBOR YOGA LLC'],
        [60, 114, '41 PIER ST UNIT 3'],
        [60, 128, 'SALEM MA 01970'],
        [40, 170, 'Business Voice - 2 lines: (978) 555-0140, (978) 555-0141'],
      ],
      'invoice',
    );
    expect(r.account_name?.value).toBe('HARBOR YOGA LLC');
    expect(r.carrier_name?.value).toMatch(/^verizon/i);
  });

  it('keeps a person as the account name when no label gives a business (a sole proprietor)', () => {
    const r = readLines(
      [
        [56, 100, 'Account holder: Mei Tanaka'],
        [56, 114, 'Account number: 5511029'],
      ],
      'csr',
    );
    expect(r.account_name?.value).toBe('Mei Tanaka');
  });
});

describe('dates', () => {
  it('reads DD-MON-YY without turning the month into digits', () => {
    const r = readLines(
      [
        [36, 100, 'DATE: 14-MAR-26'],
        [200, 100, 'STATE: ID'],
        [36, 120, 'ACCOUNT: 208-555-0110 512'],
      ],
      'csr',
    );
    expect(r.document_date?.value).toBe('2026-03-14');
  });
});

describe("which numbers are the account's", () => {
  it('leaves out a line the record shows as disconnected', () => {
    const r = readLines(
      [
        [40, 100, 'Account Number: 8771203'],
        [40, 130, 'Telephone Number'],
        [150, 130, 'Status'],
        [250, 130, 'Line Type'],
        [40, 148, '216-555-0190'],
        [150, 148, 'Active'],
        [250, 148, 'Business Voice'],
        [40, 166, '216-555-0191'],
        [150, 166, 'Active'],
        [250, 166, 'Business Voice'],
        [40, 184, '216-555-0194'],
        [150, 184, 'Disconnected 01/15/2026'],
        [250, 184, 'Business Voice'],
      ],
      'csr',
    );
    expect(r.phone_numbers?.value).toEqual(['+12165550190', '+12165550191']);
  });

  it('leaves out numbers listed under a "Calls to …" heading (a call list without column headers)', () => {
    const r = readLines(
      [
        [40, 100, 'Account Number 8354110120338871'],
        [40, 130, 'Phone Number'],
        [170, 130, 'Description'],
        [40, 148, '(704) 555-0171'],
        [170, 148, 'Business Voice line'],
        [40, 190, 'Calls to other numbers'],
        [40, 208, '03/01'],
        [130, 208, '(980) 555-0143'],
        [290, 208, '2 min'],
        [40, 222, '02/27'],
        [130, 222, '(704) 555-0198'],
        [290, 222, '11 min'],
      ],
      'invoice',
    );
    expect(r.phone_numbers?.value).toEqual(['+17045550171']);
  });

  it('keeps the plain items of a bulleted list whose neighbours carry a note', () => {
    const r = readLines(
      [
        [72, 100, 'Account Number: 8771203'],
        [72, 130, 'The numbers to be ported are:'],
        [96, 150, '• (216) 555-0190 (main line)'],
        [96, 166, '• (216) 555-0191'],
        [96, 182, '• (216) 555-0192 (fax)'],
      ],
      'loa',
    );
    expect(r.phone_numbers?.value).toEqual(['+12165550190', '+12165550191', '+12165550192']);
  });
});

describe('values in running text', () => {
  it('ends a carrier named in a sentence at the clause break', () => {
    const r = readLines(
      [
        [72, 100, 'I, Maria Okafor, authorize Northcoast Fiber Voice to port the numbers listed below from our'],
        [72, 116, 'current carrier, Comcast Business, to Northcoast Fiber Voice.'],
      ],
      'loa',
    );
    expect(r.carrier_name?.value).toBe('Comcast Business');
  });
});

describe('signatures on a scan', () => {
  // OCR reads pen strokes as a few unsure marks as tall as a line of text; specks are a point across
  const scanned = (lines: TextLine[], marks: Word[]): PageText => {
    const p = pageOf(lines);
    return { ...p, method: 'ocr', words: [...p.words.map((w) => ({ ...w, conf: 0.93 })), ...marks] };
  };
  const letter: TextLine[] = [
    [72, 100, 'I, Ana Ruiz, Owner of Ruiz Bakery LLC, authorize Northcoast Voice to port our numbers'],
    [72, 116, '(440) 555-0101 and (440) 555-0102 from our current carrier.'],
    [72, 150, 'Sincerely,'],
    [72, 200, 'Ana Ruiz'],
    [72, 214, 'Owner, Ruiz Bakery LLC'],
  ];
  const pen: Word[] = [
    { text: 'TN', bbox: [80, 168, 112, 184], conf: 0.17 },
    { text: '—~"', bbox: [126, 170, 170, 186], conf: 0.15 },
  ];
  const specks: Word[] = [
    { text: '-', bbox: [90, 175, 91, 176], conf: 0.8 },
    { text: '.', bbox: [160, 180, 161, 181], conf: 0.5 },
  ];

  it("sees ink between a letter's closing and the printed name", () => {
    expect(extractFields([scanned(letter, pen)], 'loa').fields.signature_present?.value).toBe(true);
  });

  it('keeps a letter with nothing but specks between closing and name unsigned', () => {
    expect(extractFields([scanned(letter, specks)], 'loa').fields.signature_present?.value).toBe(false);
  });

  it('sees ink above a "Signature" caption printed under the rule', () => {
    const form: TextLine[] = [
      [
        40,
        100,
        'I confirm I am authorized to make changes to the account and authorize the port of the numbers above.',
      ],
      [40, 160, 'Signature', { size: 8 }],
      [320, 160, 'Date', { size: 8 }],
    ];
    const ink: Word[] = [
      { text: 'dw', bbox: [50, 128, 90, 152], conf: 0.2 },
      { text: '~~', bbox: [96, 130, 170, 150], conf: 0.3 },
    ];
    expect(extractFields([scanned(form, ink)], 'loa').fields.signature_present?.value).toBe(true);
    expect(extractFields([scanned(form, specks)], 'loa').fields.signature_present?.value).toBe(false);
  });
});
