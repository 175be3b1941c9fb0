import { describe, expect, it } from 'vitest';
import { readDocument } from '../../electron/core/documents/read.js';
import { extractFields } from '../../electron/core/extract/index.js';
import { PageBuilder, type TextStyle } from '../fixtures/generator/layout.js';
import { renderTextPdf } from '../fixtures/generator/pdf.js';

/*
 * Two layouts met first on the stand-ins of standin-v.ts: a bill printed from a carrier's web portal
 * (the signed-in user greeted in the page's header, the bill's month in its heading) and a contract-style
 * LOA (terms that send the reader to the porting desk at a toll-free number, the desk's contact strip in
 * small print). Wordings, names and numbers are made up for the test.
 */

const ROW: TextStyle = { font: 'sans', size: 9 };
const SMALL: TextStyle = { font: 'sans', size: 7.5 };
const CAP: TextStyle = { font: 'sans', size: 7, gray: 0.4 };
const LINES = ['(312) 555-0147', '(312) 555-0148', '(312) 555-0162'];
const LINES_E164 = ['+13125550147', '+13125550148', '+13125550162'];

async function read(p: PageBuilder | PageBuilder[], kind: 'invoice' | 'loa') {
  const model = { pages: (Array.isArray(p) ? p : [p]).map((pg) => pg.build()) };
  const pages = (await readDocument(await renderTextPdf(model), { name: 'doc.pdf' })).pages;
  return extractFields(pages, kind).fields;
}

const numbersOf = (f: Awaited<ReturnType<typeof read>>) =>
  Array.isArray(f.phone_numbers?.value) ? f.phone_numbers.value : [];
/** The numbers to port and those kept: a desk's number is neither. */
const portAndKeep = (f: Awaited<ReturnType<typeof read>>) => ({
  port: numbersOf(f),
  keep: Array.isArray(f.numbers_not_to_port?.value) ? f.numbers_not_to_port.value : [],
});

/** A portal's bill page: the site's header, a heading, an overview card, the lines table. */
function portalBill(o: { greeting: string[]; heading?: string }): PageBuilder {
  const p = new PageBuilder();
  p.text(24, 20, '3/14/26, 9:02 AM', { font: 'sans', size: 7 });
  p.text(36, 64, 'Lakeshore Voice', { font: 'sans-bold', size: 16 });
  o.greeting.forEach((g, i) => p.textRight(576, 56 + i * 10, g, SMALL));
  ['Home', 'Billing', 'Services', 'Support', 'Sign out'].forEach((n, i) => p.text(40 + i * 60, 84, n, SMALL));
  p.text(36, 112, o.heading ?? 'Bill details', { font: 'sans-bold', size: 15 });
  p.rect(36, 130, 540, 80);
  p.text(46, 146, 'Account overview', { font: 'sans-bold', size: 10 });
  p.text(46, 166, 'Customer', CAP);
  p.text(46, 178, 'Harborview Dental Studio LLC', ROW);
  p.text(236, 166, 'Account number', CAP);
  p.text(236, 178, '8841 2207 1193', ROW);
  p.text(426, 166, 'Bill date', CAP);
  p.text(426, 178, '03/02/2026', ROW);
  p.text(46, 198, '455 N Cityfront Plaza Dr, Chicago, IL 60611', ROW);
  p.text(40, 236, 'Phone number', CAP);
  p.text(200, 236, 'Service', CAP);
  p.textRight(570, 236, 'Amount', CAP);
  LINES.forEach((n, i) => {
    p.text(40, 252 + i * 14, n, ROW);
    p.text(200, 252 + i * 14, 'Business Voice', ROW);
    p.textRight(570, 252 + i * 14, '$34.50', ROW);
  });
  p.text(24, 778, 'https://my.lakeshorevoice.example/billing/statement?id=448120', { font: 'sans', size: 7 });
  return p;
}

describe("a web portal's signed-in user is no line on the bill", () => {
  const greetings = [
    ['Signed in as Dana Whitfield', '(312) 555-0199'],
    ['Welcome, Dana Whitfield', 'Mobile 312-555-0199'],
    ['Dana Whitfield (Administrator)', '312.555.0199'],
    ['Logged in: Dana Whitfield', 'Contact: (312) 555-0199'],
  ];
  for (const g of greetings)
    it(g.join(' / '), async () => {
      expect(numbersOf(await read(portalBill({ greeting: g }), 'invoice'))).toEqual(LINES_E164);
    });
});

describe("a heading's month and year is the bill's period, not the customer", () => {
  for (const heading of ['Statement for November 2025', 'Statement for Nov. 2025', 'Prepared for March 2026'])
    it(heading, async () => {
      const f = await read(portalBill({ greeting: ['Signed in as Dana Whitfield'], heading }), 'invoice');
      expect(f.account_name?.value).toBe('Harborview Dental Studio LLC');
    });
});

/** A contract-style LOA: the header band, numbered terms (one of them `contact`), signature; the numbers on page 2. */
function annexLoa(o: { contact: string[]; strip?: string; nameOnSchedule?: boolean }): PageBuilder[] {
  const p = new PageBuilder();
  p.text(60, 58, 'Brightline Telecom', { font: 'sans-bold', size: 16 });
  p.textCenter(306, 84, 'Letter of Authorization and Agency', { font: 'sans-bold', size: 12 });
  if (!o.nameOnSchedule) p.text(66, 110, 'Customer: Harborview Dental Studio LLC', ROW);
  p.text(320, 110, 'Account No.: 77120934', ROW);
  p.text(66, 124, 'Service Address: 455 N Cityfront Plaza Dr, Chicago, IL 60611', ROW);
  let y = 152;
  const terms = [
    '1. Appointment of Agent. Customer appoints Brightline Telecom as its agent to request that its current',
    'carrier transfer the telephone numbers listed in Schedule A (the "Numbers") to Brightline Telecom.',
    '2. Numbers. Only the numbers marked for porting in Schedule A will be transferred. Numbers marked "N"',
    'remain with the current carrier and continue to be billed on the existing account.',
    ...o.contact,
  ];
  for (const t of terms) {
    p.text(60, y, t, ROW);
    y += 13;
  }
  y += 16;
  p.text(60, y, 'Signature: Dana Whitfield', ROW);
  p.text(320, y, 'Date: 03/02/2026', ROW);
  if (o.strip) p.text(60, y + 40, o.strip, SMALL);
  // the schedule of numbers on the last page
  const q = new PageBuilder();
  y = 64;
  q.textCenter(306, y, 'SCHEDULE A - Telephone Numbers', { font: 'sans-bold', size: 11 });
  if (o.nameOnSchedule) q.textCenter(306, y + 14, 'Customer: Harborview Dental Studio LLC', SMALL);
  y += 24;
  ['#', 'Telephone Number', 'Location', 'Port? (Y/N)'].forEach((h, i) => q.text([64, 100, 240, 480][i]!, y, h, ROW));
  LINES.forEach((n, i) => {
    y += 16;
    [String(i + 1), n, 'Main office', 'Y'].forEach((c, j) => q.text([64, 100, 240, 480][j]!, y, c, ROW));
  });
  return [p, q];
}

describe("an LOA's terms that send the reader to a desk at a number name no line to port", () => {
  const contacts = [
    [
      '3. Contact. Questions about this authorization may be directed to the Brightline Telecom porting team at',
      '888-555-0135.',
    ],
    ['3. Contact. Questions about this authorization may be directed to our porting team at 888-555-0135.'],
    ['3. Help. If you need help with this form, please contact the LNP desk at 1 (888) 555-0135 on any weekday.'],
    ['3. Support. For assistance, you can reach the port center at 888.555.0135.'],
  ];
  for (const c of contacts)
    it(c.join(' / '), async () => {
      expect(portAndKeep(await read(annexLoa({ contact: c }), 'loa'))).toEqual({ port: LINES_E164, keep: [] });
    });
});

describe("the issuer's contact strip after a lead-in word is the issuer's", () => {
  const strips = [
    'Return to Brightline Telecom 888-555-0193, direct 888-555-0177',
    'Questions? Brightline Telecom 844 555 0123, direct 844 555 0129',
    'Porting desk: Brightline Telecom (877) 555-0110 or fax (877) 555-0111',
  ];
  for (const strip of strips)
    it(strip, async () => {
      expect(portAndKeep(await read(annexLoa({ contact: [], strip }), 'loa'))).toEqual({ port: LINES_E164, keep: [] });
    });
});

describe("the other party's signature block heading beside the customer's is not the customer", () => {
  const heads = [
    ['Customer', 'Accepted by Brightline Telecom'],
    ['CUSTOMER', 'AGREED AND ACCEPTED BY BRIGHTLINE TELECOM'],
    ['Customer:', 'Approved by: Brightline Telecom'],
  ];
  for (const [left, right] of heads)
    it(`${left} | ${right}`, async () => {
      // (the customer's name printed only over the schedule)
      const [p, q] = annexLoa({ contact: [], nameOnSchedule: true }) as [PageBuilder, PageBuilder];
      // the two signature blocks under the terms: the customer's left, the carrier's right
      p.text(60, 330, left!, { font: 'sans-bold', size: 9 });
      p.text(320, 330, right!, { font: 'sans-bold', size: 9 });
      p.text(60, 360, 'By: ______________________', ROW);
      p.text(320, 360, 'By: ______________________', ROW);
      p.text(320, 380, 'Name: Omar Castillo', ROW);
      const f = await read([p, q], 'loa');
      expect(f.account_name?.value).toBe('Harborview Dental Studio LLC');
      // (nor offered as another reading of the name)
      expect((f.account_name?.candidates ?? []).map((c) => c.value)).not.toContain(right);
    });
});

describe("a portal's account picker gives the account's name and number in one phrase", () => {
  const pickers = [
    'Account: Harborview Dental Studio LLC (#8841-2207-1193)',
    'Selected account: Harborview Dental Studio LLC, 8841-2207-1193',
    'Viewing account 8841-2207-1193 - Harborview Dental Studio LLC',
  ];
  for (const picker of pickers)
    it(picker, async () => {
      // the picker under the navigation; the overview card leaves out what the picker shows
      const p = new PageBuilder();
      p.text(36, 64, 'Lakeshore Voice', { font: 'sans-bold', size: 16 });
      ['Home', 'Billing', 'Services', 'Support'].forEach((n, i) => p.text(40 + i * 60, 84, n, SMALL));
      p.text(36, 104, picker, { font: 'sans-bold', size: 8 });
      p.text(36, 130, 'Bill details', { font: 'sans-bold', size: 15 });
      p.text(46, 160, 'Bill date', CAP);
      p.text(46, 172, '03/02/2026', ROW);
      p.text(236, 160, 'Amount due', CAP);
      p.text(236, 172, '$214.60', ROW);
      p.text(426, 160, 'Service location', CAP);
      p.text(426, 172, '455 N Cityfront Plaza Dr', ROW);
      p.text(426, 184, 'Chicago, IL 60611', ROW);
      LINES.forEach((n, i) => p.text(40, 230 + i * 14, `${n}    Business Voice    $34.50`, ROW));
      const f = await read(p, 'invoice');
      expect([f.account_name?.value, f.account_number?.value]).toEqual([
        'Harborview Dental Studio LLC',
        '8841-2207-1193',
      ]);
    });
});
