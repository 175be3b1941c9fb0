import { describe, expect, it } from 'vitest';
import { extractFields } from '../../electron/core/extract/index.js';
import type { ExtractedFields } from '../../shared/domain/document.js';
import { testOnlyWordingsPrinted } from '../helpers/generated.js';
import { readRows, type TextRow } from '../helpers/text-rows.js';
import { pagesOf } from '../fixtures/generator/handmade.js';
import type { TextStyle } from '../fixtures/generator/layout.js';

/*
 * Rules met on first sight of two stand-ins (standin-r.ts): a regional telco's bill split into a sidebar
 * and a charges side (inv-telco2col), and a reseller portal's customer summary whose Locations section
 * prints the site's name before its one-line address (csr-summary). Each rule is checked on pages written
 * here in several wordings, rendered to real text PDFs and read back, with a control that it stays where
 * it belongs.
 */

const SANS: TextStyle = { font: 'sans', size: 9 };
const BOLD: TextStyle = { font: 'sans-bold', size: 10 };

const read = (rows: TextRow[], kind: 'csr' | 'invoice'): Promise<ExtractedFields> =>
  readRows(rows, kind, { style: SANS });

it('the new stand-ins print no test-only label wording', () => {
  for (const family of ['inv-telco2col', 'csr-summary'])
    for (const seed of [1, 2, 3, 8, 10]) expect(testOnlyWordingsPrinted(family, seed)).toBe(0);
});

describe("a location list's site name and dash before the street", () => {
  const summary = (locLine: string): [number, number, string, TextStyle?][] => [
    [40, 46, 'Meridian Voice Group Partner Portal', BOLD],
    [40, 90, 'Customer Summary', BOLD],
    [40, 120, 'QUARRY HILL BAKERY LLC | Acct # 88120 4471 | BTN 608-555-0142'],
    [40, 160, 'Locations', BOLD],
    [40, 180, locLine],
    [40, 220, 'Numbers', BOLD],
    [40, 240, 'Number'],
    [170, 240, 'Status'],
    [40, 254, '608-555-0142'],
    [170, 254, 'Active'],
  ];
  for (const [line, street, unit] of [
    ['1. Main Office - 4410 Riverside Dr, Suite 12, Madison, WI 53703', '4410 Riverside Dr', 'Suite 12'],
    ['Store #2 - 77 Kenwick Rd Unit 4B, Madison WI 53703', '77 Kenwick Rd', 'Unit 4B'],
    ['HEADQUARTERS - 1960 W FIFTH AVE, MADISON, WI 53703', '1960 W FIFTH AVE', ''],
    ['2) Warehouse North - 310 E Main St, Madison, WI 53703', '310 E Main St', ''],
    // a unit written before the dash the same way is the street's unit
    ['Suite 200 - 120 Main St, Madison, WI 53703', '120 Main St', 'Suite 200'],
  ] as const)
    it(`"${line}"`, async () => {
      const got = await read(summary(line), 'csr');
      expect(got.service_address?.value).toMatchObject({ street_line: street, unit, city: /madison/i, zip5: '53703' });
    });

  for (const [line, street, unit] of [
    // a house-number range keeps both numbers
    ['12 - 14 Elm St, Madison, WI 53703', '12 - 14 Elm St', ''],
  ] as const)
    it(`control: "${line}" keeps its street`, async () => {
      const got = await read(summary(line), 'csr');
      expect(got.service_address?.value).toMatchObject({ street_line: street, unit });
    });
});

describe("a narrow sidebar's street wrapped before its last words, the unit after them", () => {
  const CAP: TextStyle = { font: 'sans', size: 6.5 };
  const sidebar = (heading: string, lines: string[]): [number, number, string, TextStyle?][] => [
    [40, 48, 'Prairie Valley Telephone Cooperative', BOLD],
    [40, 100, 'ACCOUNT NUMBER', CAP],
    [40, 111, '4471 0093 18'],
    [40, 140, 'STATEMENT DATE', CAP],
    [40, 151, '11/27/2025'],
    [40, 190, heading, BOLD],
    ...lines.map((l, i): [number, number, string] => [40, 206 + i * 11, l]),
    // the charges side beside it
    [230, 100, 'Summary of Charges', BOLD],
    [230, 116, 'Previous Balance'],
    [540, 116, '$84.10'],
    [230, 206, '218 555 0196 Business Line'],
    [540, 206, '$30.50'],
    [250, 217, 'Caller ID with Name'],
    [540, 217, '$11.21'],
  ];
  // the street type that wrapped reads like a caption of its own ("Street"), so the line was left out
  for (const [heading, lines, street, unit] of [
    [
      'Service Location',
      ['8453 East Pearl', 'Street Ste 106', 'Duluth, MN', '55803-4182'],
      '8453 East Pearl Street',
      'Ste 106',
    ],
    [
      'PREMISES SERVED',
      ['77 NORTHEAST UNION', 'STREET, SUITE 210', 'DULUTH, MN 55803'],
      '77 NORTHEAST UNION STREET',
      'SUITE 210',
    ],
    ['Installed At', ['12 Old Mill', 'Street #4', 'Duluth, MN 55803'], '12 Old Mill Street', '#4'],
  ] as const)
    it(`${heading}: ${lines.join(' / ')}`, async () => {
      const got = await read(sidebar(heading, [...lines]), 'invoice');
      expect(got.service_address?.value).toMatchObject({ street_line: street, unit, zip5: '55803' });
    });

  for (const [lines, street, unit] of [
    [['120 N Lake Shore', 'Dr, Suite 4B', 'Duluth, MN 55803'], '120 N Lake Shore Dr', 'Suite 4B'],
    [
      ['7415 SOUTHWEST CORAL', 'REEF PARKWAY APT 577', 'DULUTH, MN 55803'],
      '7415 SOUTHWEST CORAL REEF PARKWAY',
      'APT 577',
    ],
  ] as const)
    it(`control: other words wrapped the same way (${lines.join(' / ')}) read as before`, async () => {
      const got = await read(sidebar('Where Your Service Is', [...lines]), 'invoice');
      expect(got.service_address?.value).toMatchObject({ street_line: street, unit, zip5: '55803' });
    });

  // the street type wrapped ALONE onto its line reads like a street caption too
  for (const [heading, lines, street, unit] of [
    [
      'Service Provided At',
      ['77 NORTHEAST UNION', 'STREET', 'APT 1767', 'DULUTH, MN 55803'],
      '77 NORTHEAST UNION STREET',
      'APT 1767',
    ],
    ['Service Location', ['4410 Old Mill', 'Street', 'Duluth, MN 55803'], '4410 Old Mill Street', ''],
    [
      'Installed At',
      ['12 West Harbor View', 'Street', 'Suite 300', 'Duluth, MN 55803-4182'],
      '12 West Harbor View Street',
      'Suite 300',
    ],
  ] as const)
    it(`${heading}: ${lines.join(' / ')}`, async () => {
      const got = await read(sidebar(heading, [...lines]), 'invoice');
      expect(got.service_address?.value).toMatchObject({ street_line: street, unit, zip5: '55803' });
    });

  it('control: a unit line alone under the street stays the unit, the street as printed', async () => {
    const got = await read(
      sidebar('Service Location', ['8453 East Pearl St', 'Ste 106', 'Duluth, MN 55803']),
      'invoice',
    );
    expect(got.service_address?.value).toMatchObject({ street_line: '8453 East Pearl St', unit: 'Ste 106' });
  });
});

describe("a header band's uncaptioned name before the account's captioned facts", () => {
  const summary = (
    band: string,
    more: [number, number, string, TextStyle?][] = [],
  ): [number, number, string, TextStyle?][] => [
    [40, 46, 'Meridian Voice Group Partner Portal', BOLD],
    [40, 90, 'Customer Summary', BOLD],
    [40, 120, band],
    ...more,
    [40, 200, 'Contacts', BOLD],
    [40, 220, 'Name'],
    [180, 220, 'Role'],
    [300, 220, 'Phone'],
    [40, 234, 'Dmitri Rossi'],
    [180, 234, 'Billing Contact'],
    [300, 234, '608-555-0188'],
    [40, 248, 'Patricia Johansson'],
    [180, 248, 'Authorized User'],
    [300, 248, '608-555-0191'],
  ];
  for (const [band, name] of [
    ['QUARRY HILL BAKERY LLC | Acct # 88120 4471 | BTN 608-555-0142', 'QUARRY HILL BAKERY LLC'],
    ['Lakeshore Tax Services, Inc. \u00b7 Account: 4471-0093 \u00b7 Status: Active', 'Lakeshore Tax Services, Inc.'],
    ['Granite Peak Roofing Co.  |  Main #: (608) 555-0142  |  Account Number: 5520193377', 'Granite Peak Roofing Co.'],
  ] as const)
    it(`"${band}"`, async () => {
      const got = await read(summary(band), 'csr');
      expect(got.account_name?.value).toBe(name);
    });

  it('a bullet between the facts (a text layer with the bullet glyph)', () => {
    // (the generator's standard fonts draw no bullet: the glyph is put in the words read back)
    const pages = pagesOf([
      [
        [40, 46, 'Meridian Voice Group Partner Portal', { font: 'sans-bold', size: 10 }],
        [40, 120, 'Harbor Light Dental Group PLLC ? BAN 5520193377 ? BTN 608-555-0142', { size: 9 }],
        [40, 200, 'Authorized User: Patricia Johansson', { size: 9 }],
      ],
    ]).map((p) => ({ ...p, words: p.words.map((w) => (w.text === '?' ? { ...w, text: '\u2022' } : w)) }));
    const got = extractFields(pages, 'csr').fields;
    expect(got.account_name?.value).toBe('Harbor Light Dental Group PLLC');
  });

  it('control: a page title before a captioned account names no account; the labelled name does', async () => {
    const got = await read(
      summary('Account Summary | Acct # 88120 4471 | Page 1 of 2', [
        [40, 150, 'Customer Name: Quarry Hill Bakery LLC'],
      ]),
      'csr',
    );
    expect(got.account_name?.value).toBe('Quarry Hill Bakery LLC');
  });

  it('control: a name beside a page counter, no account caption, is not taken over a labelled name', async () => {
    const got = await read(
      summary('Northwind Fiber LLC | Page 1 of 2', [[40, 150, 'Customer Name: Quarry Hill Bakery LLC']]),
      'csr',
    );
    expect(got.account_name?.value).toBe('Quarry Hill Bakery LLC');
  });
});
