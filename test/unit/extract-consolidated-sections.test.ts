import { describe, expect, it } from 'vitest';
import { readDocument } from '../../electron/core/documents/read.js';
import { extractFields } from '../../electron/core/extract/index.js';
import type { ExtractedFields } from '../../shared/domain/document.js';
import { PageBuilder, type TextStyle } from '../fixtures/generator/layout.js';
import { renderTextPdf } from '../fixtures/generator/pdf.js';

/*
 * A consolidated bill (a master account over its locations' sub-accounts) bills the ported lines under the
 * account whose section lists them (holder.ts). Each location's section opens where its account is named —
 * captioned as the others are, captioned in words no vocabulary knows, or in a summary's row under a column
 * header — and a section captioned right under a heading that opens a page is the location's own, not a
 * running header. Pages written here in several wordings, rendered to real text PDFs and read back.
 */

const SANS: TextStyle = { font: 'sans', size: 9 };
const BOLD: TextStyle = { font: 'sans-bold', size: 10 };
type Row = [number, number, string, TextStyle?];

async function read(pages: Row[][]): Promise<ExtractedFields> {
  const built = pages.map((rows) => {
    const p = new PageBuilder();
    for (const [x, y, t, st] of rows) p.text(x, y, t, st ?? SANS);
    return p.build();
  });
  const doc = await readDocument(await renderTextPdf({ pages: built }), { name: 'bill.pdf' });
  return extractFields(doc.pages, 'invoice').fields;
}

const header = (master: string): Row[] => [
  [44, 50, 'Northwind Voice', BOLD],
  [330, 50, master],
  [330, 64, 'Bill date: 03/02/2026'],
  [330, 78, 'Amount due: $2,114.50'],
  [44, 90, 'Cedar Hollow Dental Group PLLC'],
  [44, 104, '400 Harbor Blvd'],
  [44, 118, 'Tacoma, WA 98402'],
];

const PORTED = ['+12535550141', '+12535550142', '+12535550177'];

/** The ported location's detail: its account under `caption`, its address and its numbers (three, or the first). */
const detail = (y: number, caption: string, lines = 3): Row[] => [
  [44, y, 'Location detail: Dock Office', BOLD],
  [44, y + 18, caption],
  [160, y + 18, '4410-2271-17'],
  [44, y + 32, 'Service address'],
  [160, y + 32, '2200 Port Way, Tacoma, WA 98421'],
  ...(
    [
      [44, y + 52, '253-555-0141   Business line   $41.00'],
      [44, y + 66, '253-555-0142   Business line   $41.00'],
      [44, y + 80, '253-555-0177   Fax line   $22.00'],
    ] as Row[]
  ).slice(0, lines),
];

/** The summary of every location as a table: each row its location's account, address and main number. */
const summaryTable = (y: number, accountHeader: string): Row[] => [
  [44, y, 'Sites on this bill', BOLD],
  [44, y + 18, 'Site'],
  [110, y + 18, accountHeader],
  [210, y + 18, 'Address'],
  [420, y + 18, 'Main line'],
  [44, y + 32, 'Yard'],
  [110, y + 32, '4410-2271-03'],
  [210, y + 32, '18 Canal St, Tacoma, WA 98402'],
  [420, y + 32, '253-555-0106'],
  [44, y + 46, 'Dock Office'],
  [110, y + 46, '4410-2271-17'],
  [210, y + 46, '2200 Port Way, Tacoma, WA 98421'],
  [420, y + 46, '253-555-0141'],
  [44, y + 60, 'Clinic'],
  [110, y + 60, '4410-2271-28'],
  [210, y + 60, '95 Bay Rd, Olympia, WA 98501'],
  [420, y + 60, '360-555-0128'],
];

describe('a consolidated bill gives the account whose section lists the numbers', () => {
  // the detail's caption worded as no vocabulary words a sub-account: the account is named, in the shape of
  // the summary's accounts, where the location's section opens
  for (const caption of ['Location Account', 'Premises acct', 'Site account no.'])
    it(`the detail captioned "${caption}", the summary a table after it`, async () => {
      const got = await read([
        [...header('Corporate account: 7731-0088-00'), ...detail(150, caption), ...summaryTable(260, 'Sub-account #')],
      ]);
      expect(got.account_number?.value).toBe('4410-2271-17');
      // the other sites' main numbers in the summary's rows are theirs
      expect(got.phone_numbers?.value).toEqual(PORTED);
      expect(got.service_address?.value).toMatchObject({ street_line: '2200 Port Way', zip5: '98421' });
    });

  // one line ported: the summary's row naming the location and its main number ties with the detail, unless
  // the row counts as the location's own section (not as the section of the row above it)
  for (const caption of ['Sub-account #', 'LOCATION ACCOUNT', 'Site acct'])
    it(`one line ported, the detail captioned "${caption}": the summary's rows each their own account's`, async () => {
      for (const master of ['Corporate account: 7731-0088-00', 'Parent account: 253 555 0100']) {
        const got = await read([
          [...header(master), ...summaryTable(150, 'Sub-account #'), ...detail(260, caption, 1)],
        ]);
        expect(got.account_number?.value).toBe('4410-2271-17');
        expect(got.phone_numbers?.value).toEqual(PORTED.slice(0, 1));
      }
    });

  it('the summary first, the detail after it, the master account captioned in words no vocabulary knows', async () => {
    for (const master of ['Consolidated acct 7731-0088-00', 'Umbrella account: 7731-0088-00']) {
      const got = await read([
        [...header(master), ...summaryTable(150, 'Sub Acct'), ...detail(260, 'Sub-account number')],
      ]);
      expect(got.account_number?.value).toBe('4410-2271-17');
      expect(got.phone_numbers?.value).toEqual(PORTED);
    }
  });

  it("a location's section captioned under the heading that opens page 2 is no running header", async () => {
    // (page 2's first line repeats the master account: that one is a running header)
    for (const caption of ['Sub-account #', 'Account Number:']) {
      const page2: Row[] = [
        [44, 40, 'Northwind Voice   Master account 7731-0088-00   Page 2', SANS],
        ...detail(70, caption),
      ];
      const summary: Row[] = [
        [44, 150, 'Summary by location', BOLD],
        ...['03', '17', '28'].flatMap((sub, i): Row[] => [
          [44, 170 + i * 44, `Site ${i + 1}`],
          [60, 184 + i * 44, 'Account Number:'],
          [160, 184 + i * 44, `4410-2271-${sub}`],
          [60, 198 + i * 44, 'Charges:'],
          [160, 198 + i * 44, `$${300 + i * 41}.00`],
        ]),
      ];
      const got = await read([[...header('Master account: 7731-0088-00'), ...summary], page2]);
      expect(got.account_number?.value).toBe('4410-2271-17');
      expect(got.phone_numbers?.value).toEqual(PORTED);
    }
  });

  it('a bill of one account whose summary lists no other accounts reads as before', async () => {
    const got = await read([[...header('Account number: 4410-2271-17'), ...detail(150, 'Service account')]]);
    expect(got.account_number?.value).toBe('4410-2271-17');
    expect(got.phone_numbers?.value).toEqual(PORTED);
  });
});

describe("the bill-to block's name under a heading of no field", () => {
  // the master page's corporate block: a heading, the account's name, an attention line, the head office; the
  // bill's facts in a column beside it, at a pitch of its own (the heading alone on its line)
  const block = (heading: string, name: string, attn: string | null): Row[] => [
    [44, 40, 'Northwind Voice', BOLD],
    [330, 56, 'Master account: 7731-0088-00'],
    [44, 70, heading],
    [330, 77, 'Invoice date: 03/02/2026'],
    [44, 84, name],
    [330, 91, 'Amount due: $2,114.50'],
    ...([attn, 'PO Box 4410', 'Tacoma, WA 98402'].filter((l) => l !== null) as string[]).map(
      (l, i): Row => [44, 98 + i * 14, l],
    ),
    ...detail(170, 'Sub-account #'),
  ];
  for (const heading of ['Billing Contact:', 'Statement For:', 'Corporate Billing', 'Remitter of record:'])
    it(`"${heading}" over the name: the name, not the heading nor a site's`, async () => {
      // (a short name, its legal form its third word, is no wrapped name's end under the heading)
      for (const name of ['Cedar Hollow Dental Group PLLC', 'Riverside Roofing, PA'])
        for (const attn of ['Attn: Accounts Payable', null]) {
          const got = await read([block(heading, name, attn)]);
          expect(got.account_name?.value).toBe(name);
        }
    });
});
