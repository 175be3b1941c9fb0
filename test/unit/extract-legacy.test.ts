import { describe, expect, it } from 'vitest';
import { extractFields } from '../../electron/core/extract/index.js';
import { findPhones } from '../../electron/core/extract/values.js';
import { buildLayout } from '../../electron/core/extract/layout.js';
import { readDocument } from '../../electron/core/documents/read.js';
import { pageOf, type TextLine } from '../fixtures/generator/handmade.js';
import { renderTextPdf } from '../fixtures/generator/pdf.js';
import { generateRandom } from '../fixtures/generator/random.js';

/*
 * Two documents met on the inv-legacy and csr-email stand-ins: an incumbent telephone company's
 * business bill (an account number printed in digit groups, the company's business office and trouble
 * desks on toll-free numbers) and a CSR the losing carrier's rep sent as an e-mail reply (the record as
 * loose key/value lines, numbers marked disconnected in the list, the rep's sign-off with direct and
 * fax numbers, the browser's print stamp, and the gaining side's request quoted below with its own
 * address and number). Names, wordings and numbers written for this test.
 */

const SANS = { font: 'sans' as const, size: 9 };
const SMALL = { font: 'sans' as const, size: 7 };
const BOLD = { font: 'sans-bold' as const, size: 10 };
const bill = (lines: TextLine[]) => extractFields([pageOf(lines)], 'invoice').fields;
const csr = (lines: TextLine[]) => extractFields([pageOf(lines)], 'csr').fields;

/** A bill's detail page: two lines on the account, each with its charges. */
const LINES: TextLine[] = [
  [46, 300, 'Local Service', BOLD],
  [52, 320, 'Line 406 555-0191', BOLD],
  [64, 336, '1FB', SANS],
  [116, 336, 'Business line, flat rate', SANS],
  [520, 336, '42.10', SANS],
  [52, 356, 'Line 406 555-0199', BOLD],
  [64, 372, 'ESC', SANS],
  [116, 372, 'Call waiting', SANS],
  [520, 372, '6.50', SANS],
];
const ON_ACCOUNT = ['+14065550191', '+14065550199'];

describe('a bill: an account number printed in digit groups is no phone number', () => {
  for (const acct of ['811 938 223 8117', '539 594 773 216 5816', '648 231 688 7455', '7 406 912 555 0148'])
    it(`Account Number ${acct}`, () => {
      const f = bill([
        [46, 58, 'Bighorn Telephone Company', BOLD],
        [340, 58, 'Account Number:', SANS],
        [460, 58, acct, SANS],
        [340, 72, 'Bill Date:', SANS],
        [460, 72, 'March 3, 2026', SANS],
        [70, 150, 'JUNIPER HOLLOW DENTAL LLC', SANS],
        [70, 162, 'PO BOX 4410', SANS],
        [70, 174, 'BILLINGS, MT 59107', SANS],
        ...LINES,
        // the remittance stub repeats it
        [46, 640, 'Account', SMALL],
        [136, 640, acct, SANS],
        [46, 654, 'Amount Due', SMALL],
        [136, 654, '$212.40', SANS],
      ]);
      expect(f.account_number?.value.replace(/\D/g, '')).toBe(acct.replace(/\D/g, ''));
      expect(f.phone_numbers?.value).toEqual(ON_ACCOUNT);
    });

  it('numbers printed with spaces one after another stay numbers', () => {
    expect(findPhones('312 555 0101 312 555 0102').map((p) => p.e164)).toEqual(['+13125550101', '+13125550102']);
    expect(findPhones('Row 2 312 555 0101').map((p) => p.e164)).toEqual(['+13125550101']);
  });
});

describe("a bill: toll-free numbers beside the customer's window are the company's desks", () => {
  for (const [office, trouble] of <[string, string][]>[
    ['Business office', 'To report trouble'],
    ['For inquiries', 'Trouble reporting'],
    ['Business office', 'After hours'],
    ['Service center', 'Outage line'],
  ])
    it(`${office} / ${trouble}`, () => {
      const f = bill([
        [46, 58, 'Bighorn Telephone Company', BOLD],
        [340, 58, 'Account Number:', SANS],
        [460, 58, '406 555-0191 212', SANS],
        [340, 72, 'Bill Date:', SANS],
        [460, 72, 'March 3, 2026', SANS],
        [70, 150, 'JUNIPER HOLLOW DENTAL LLC', SANS],
        [340, 150, `${office} 1-800-244-1161`, SMALL],
        [70, 162, 'PO BOX 4410', SANS],
        [340, 162, `${trouble} 1-888-555-0109`, SMALL],
        [70, 174, 'BILLINGS, MT 59107', SANS],
        ...LINES,
        [46, 760, `${office} 1-800-244-1161   ${trouble} 1-888-555-0109`, SMALL],
      ]);
      expect(f.phone_numbers?.value).toEqual(ON_ACCOUNT);
    });
});

/** The e-mail's own header and greeting (Outlook's print: the printing user on top). */
const MAIL_HEAD: TextLine[] = [
  [54, 50, 'Priya Lindqvist', { font: 'sans-bold', size: 12 }],
  [54, 72, 'From:', BOLD],
  [134, 72, 'Oren Baptiste <oren.baptiste@bighorntel.com>', SANS],
  [54, 86, 'Sent:', BOLD],
  [134, 86, 'Tuesday, March 3, 2026 10:42 AM', SANS],
  [54, 100, 'To:', BOLD],
  [134, 100, 'Priya Lindqvist', SANS],
  [54, 114, 'Subject:', BOLD],
  [134, 114, 'RE: CSR request - Ticket 48821907', SANS],
  [54, 140, 'Hi Priya,', SANS],
  [54, 158, 'Per your request, please find the CSR below.', SANS],
];
/** The record: the service address and two numbers on the account. */
const RECORD = (y: number): TextLine[] => [
  [54, y, 'Customer Name - Juniper Hollow Dental LLC', SANS],
  [54, y + 14, 'Account # - 406-555-0191-212', SANS],
  [54, y + 28, 'Service Address - 2210 Grand Ave', SANS],
  [54, y + 42, 'Billings, MT 59102', SANS],
  [54, y + 56, 'TNs - 406-555-0191, 406-555-0199', SANS],
];
const SERVICE = { street_line: '2210 Grand Ave', unit: '', city: 'Billings', state: 'MT', zip5: '59102', zip4: '' };

describe("an e-mailed CSR: the quoted request below is the gaining side's, not the record", () => {
  /** The request as the gaining side wrote it: another site and a number of its own. */
  const REQUEST = ['Please send the CSR for the account below.', 'Customer: Juniper Hollow Dental LLC'];
  const THEIRS = ['Address: 85 Riverfront Pkwy, Suite 300, Spokane, WA 99201', 'Main number: 509-555-0177'];
  const quoting: [string, (y: number) => TextLine[]][] = [
    [
      'quoted with > under a wrapped "On … wrote:"',
      (y) => [
        [54, y, 'On Mon, Mar 2, 2026 at 9:14 AM, Priya Lindqvist <priya.lindqvist@clearline.example>', SANS],
        [54, y + 14, 'wrote:', SANS],
        ...[...REQUEST, ...THEIRS].map((t, i): TextLine => [54, y + 28 + i * 14, `> ${t}`, SANS]),
      ],
    ],
    [
      'under -----Original Message-----',
      (y) => [
        [54, y, '-----Original Message-----', SANS],
        [54, y + 14, 'From: Priya Lindqvist <priya.lindqvist@clearline.example>', SANS],
        [54, y + 28, 'Sent: Monday, March 2, 2026 9:14 AM', SANS],
        [54, y + 42, 'To: Oren Baptiste', SANS],
        [54, y + 56, 'Subject: CSR request', SANS],
        ...[...REQUEST, ...THEIRS].map((t, i): TextLine => [54, y + 76 + i * 14, t, SANS]),
      ],
    ],
    [
      'under a second From / Sent / To block',
      (y) => [
        [54, y, 'From: Priya Lindqvist <priya.lindqvist@clearline.example>', SANS],
        [54, y + 14, 'Sent: Monday, March 2, 2026 9:14 AM', SANS],
        [54, y + 28, 'To: Oren Baptiste', SANS],
        [54, y + 42, 'Subject: CSR request', SANS],
        ...[...REQUEST, ...THEIRS].map((t, i): TextLine => [54, y + 62 + i * 14, t, SANS]),
      ],
    ],
  ];
  for (const [name, quote] of quoting)
    it(name, () => {
      const f = csr([...MAIL_HEAD, ...RECORD(184), [54, 270, 'Thanks!', SANS], ...quote(300)]);
      expect(f.service_address?.value).toEqual(SERVICE);
      expect(f.phone_numbers?.value).toEqual(ON_ACCOUNT);
      // the request's "Main number" is the gaining side's: the record names no BTN
      expect(f.btn?.value).not.toBe('+15095550177');
    });

  it('a forward whose record is in the quoted part is still read', () => {
    const f = csr([
      ...MAIL_HEAD.slice(0, 10),
      [54, 158, 'See the CSR below.', SANS],
      [54, 184, '-----Original Message-----', SANS],
      [54, 198, 'From: Oren Baptiste <oren.baptiste@bighorntel.com>', SANS],
      [54, 212, 'Sent: Monday, March 2, 2026 9:14 AM', SANS],
      [54, 226, 'To: Porting Team', SANS],
      [54, 240, 'Subject: CSR', SANS],
      ...RECORD(266),
    ]);
    expect(f.service_address?.value).toEqual(SERVICE);
    expect(f.phone_numbers?.value).toEqual(ON_ACCOUNT);
  });
});

describe("an e-mailed CSR: the rep's sign-off numbers are how to reach the rep", () => {
  for (const contact of [
    'D: 503.555.0111',
    'Office: 210-203-6273 | Fax: 317-263-8902',
    'Direct: (503) 555-0175',
    'Main: 404-708-0666',
    'Desk 303-415-0266  |  Mobile 303-415-0267',
  ])
    it(contact, () => {
      const f = csr([
        ...MAIL_HEAD,
        ...RECORD(184),
        [54, 270, 'Regards,', SANS],
        [54, 284, 'Oren Baptiste', BOLD],
        [54, 298, 'LNP Coordinator', SANS],
        [54, 312, 'Bighorn Telephone Company', SANS],
        [54, 326, contact, SANS],
        [54, 340, 'obaptiste@bighorntel.com', SANS],
      ]);
      expect(f.phone_numbers?.value).toEqual(ON_ACCOUNT);
    });
});

describe('an e-mailed CSR: a number marked disconnected in the list is no longer on the account', () => {
  for (const mark of ['disc', '(disc)', 'DISC', '- disconnected', 'disc 7/19/25', 'Disconnected'])
    it(`comma list: "${mark}"`, () => {
      const f = csr([
        ...MAIL_HEAD,
        [54, 184, 'Customer Name: Juniper Hollow Dental LLC', SANS],
        [54, 198, 'Account: 406-555-0191-212', SANS],
        [54, 212, `Numbers: 406-555-0191, 406-555-0142 ${mark}, 406-555-0199`, SANS],
      ]);
      expect(f.phone_numbers?.value).toEqual(ON_ACCOUNT);
    });

  for (const mark of ['disc', '(disc)', '- disconnected'])
    it(`one a line: "${mark}"`, () => {
      const f = csr([
        ...MAIL_HEAD,
        [54, 184, 'Customer Name: Juniper Hollow Dental LLC', SANS],
        [54, 198, 'Account: 406-555-0191-212', SANS],
        [54, 212, 'Lines: 406-555-0191', SANS],
        [78, 226, `406-555-0142 ${mark}`, SANS],
        [78, 240, '406-555-0199', SANS],
      ]);
      expect(f.phone_numbers?.value).toEqual(ON_ACCOUNT);
    });
});

describe("a printed e-mail: the browser's print stamp is not the document's date", () => {
  for (const stamp of ['3/5/26, 2:11 PM', '03/05/2026 14:11', 'Thu, Mar 5, 2026 at 2:11 PM'])
    it(stamp, () => {
      const f = csr([
        [30, 24, stamp, SMALL],
        [250, 24, 'Mail - RE: CSR request', SMALL],
        [54, 60, 'RE: CSR request - Ticket 48821907', { font: 'sans-bold', size: 13 }],
        [54, 84, 'Oren Baptiste <oren.baptiste@bighorntel.com>', SANS],
        [400, 84, 'Tue, Mar 3, 2026 at 10:42 AM', SANS],
        [54, 98, 'To: priya.lindqvist@clearline.example', SANS],
        [54, 130, 'Hi Priya,', SANS],
        ...RECORD(160),
      ]);
      expect(f.document_date?.value).toBe('2026-03-03');
    });
});

describe('a spaced dash parts an unlisted label from its value as a colon does', () => {
  for (const label of ['Authorizing Official -', 'Authorizing official --', 'AUTHORIZING OFFICIAL -'])
    it(label, () => {
      const f = csr([...MAIL_HEAD, ...RECORD(184), [54, 254, `${label} Tomas Ekberg`, SANS]]);
      expect(f.authorized_person?.value).toBe('Tomas Ekberg');
    });
});

describe("an e-mailed CSR: a unit's designator tagging its own line under the street is part of the unit", () => {
  for (const unit of ['SUITE 1421', 'FLOOR 17', 'APT 33C', 'Ste 210', 'ROOM 4B'])
    it(unit, () => {
      const f = csr([
        ...MAIL_HEAD,
        [54, 184, 'Customer : JUNIPER HOLLOW DENTAL LLC', SANS],
        [54, 198, 'Account : 406-555-0191-212', SANS],
        [54, 212, 'Service Address : 2210 GRAND AVE', SANS],
        [78, 226, unit, SANS],
        [78, 240, 'BILLINGS MT 59102', SANS],
        [54, 254, 'TNs : 406-555-0191, 406-555-0199', SANS],
      ]);
      expect(f.service_address?.value.unit).toBe(unit);
    });
});

describe("an e-mailed CSR: the name over the record's unlabelled address block is the account name", () => {
  for (const [name, indent] of <[string, number][]>[
    ['Juniper Hollow Dental LLC', 18],
    ['JUNIPER HOLLOW DENTAL LLC', 36],
    ['Juniper Hollow Dental, P.C.', 30],
  ])
    it(`${name} (indented ${indent})`, () => {
      const f = csr([
        ...MAIL_HEAD,
        [54 + indent, 184, name, SANS],
        [54 + indent, 198, '2210 Grand Ave', SANS],
        [54 + indent, 212, 'Billings, MT 59102', SANS],
        [54, 236, 'Account: 406-555-0191-212', SANS],
        [54, 250, 'BTN: 406.555.0191', SANS],
        [54, 264, 'TNs: 406-555-0191, 406-555-0199', SANS],
      ]);
      expect(f.account_name?.value).toBe(name);
      expect(f.service_address?.value).toEqual(SERVICE);
    });
});

describe('a row of unlisted label words set apart by a spaced colon or dash is a new row, not the name going on', () => {
  for (const row of [
    'Date Pulled : 2/28/26',
    'Record Date - 2/28/26',
    'Pulled By : Oren B.',
    'Contract -- month to month',
  ])
    it(row, () => {
      const f = csr([
        ...MAIL_HEAD,
        [54, 184, 'Customer Name : Juniper Hollow Dental LLC', SANS],
        [54, 198, row, SANS],
        [54, 212, 'Account # : 406-555-0191-212', SANS],
        [54, 226, 'TNs : 406-555-0191, 406-555-0199', SANS],
      ]);
      expect(f.account_name?.value).toBe('Juniper Hollow Dental LLC');
    });
});

describe("a dash inside a table row's cell is the item's, not a label's", () => {
  for (const item of ['Business Line - Flat', 'Business Line -- Measured', 'Business Line – Flat'])
    it(item, () => {
      const doc = buildLayout(
        [
          pageOf([
            [40, 100, 'Feature', SANS],
            [250, 100, 'Code', SANS],
            [350, 100, 'Qty', SANS],
            [410, 100, 'Monthly', SANS],
            [40, 116, item, SANS],
            [250, 116, 'B1FLT', SANS],
            [358, 116, '1', SANS],
            [419, 116, '$41.50', SANS],
          ]),
        ],
        'csr',
      );
      expect(doc.hits.filter((h) => h.line === 1).map((h) => h.field)).toEqual([]);
    });
});

describe('the stand-ins read end to end (text PDFs)', () => {
  const fields = ['account_name', 'account_number', 'service_address', 'phone_numbers', 'document_date'] as const;
  for (const [family, seeds] of <[string, number[]][]>[
    ['inv-legacy', [4, 53, 105]],
    ['csr-email', [1, 5, 19]],
  ])
    for (const seed of seeds)
      it(`${family} seed ${seed}`, async () => {
        const f = generateRandom(seed, { family });
        const read = await readDocument(await renderTextPdf(f.model), { name: `${f.id}.pdf` });
        const got = extractFields(read.pages, f.kind).fields;
        const norm = (v: unknown) =>
          typeof v === 'string' ? v.toLowerCase().replace(/[^a-z0-9]/g, '') : JSON.stringify(v).toLowerCase();
        for (const k of fields) {
          const want = f.truth[k];
          const have = got[k]?.value;
          if (k === 'phone_numbers')
            expect([...((have as string[]) ?? [])].sort()).toEqual([...(want as string[])].sort());
          else if (k === 'service_address') expect(norm(have)).toBe(norm(want));
          else expect(norm(have)).toBe(norm(want));
        }
      });
});
