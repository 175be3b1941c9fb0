import { describe, expect, it } from 'vitest';
import { readGenerated } from '../helpers/generated.js';
import { compareCase } from '../../electron/core/compare/index.js';
import { isFaxCover, withoutFaxCover } from '../../electron/core/extract/cover.js';
import { extractFields } from '../../electron/core/extract/index.js';
import { identifierWords, recastRecords } from '../../electron/core/extract/records.js';
import type { ExtractedFields, PageText } from '../../shared/domain/document.js';
import { CORE_FIELDS } from '../fixtures/generator/evaluate.js';
import { pageOf, pagesOf, type TextLine } from '../fixtures/generator/handmade.js';
import { generateRandom, type RandomFixture } from '../fixtures/generator/random.js';
import { fieldCorrect } from '../fixtures/generator/score.js';

/*
 * Rules met on first sight of two stand-ins (standin-api.ts): a CSR as a carrier's API / EDI gateway
 * returned it, printed as JSON or XML (csr-api), and a bill faxed behind a cover sheet (inv-faxed). Each
 * rule is checked on the family's rendered PDFs and on pages written here in other wordings, with a
 * control that the rule stays where it belongs.
 */

const MONO = { font: 'mono' as const, size: 8 };

const readFamily = (family: string, seed: number) => readGenerated(generateRandom(seed, { family }));

/** The eight fields, those the document prints that the reading got wrong. */
const wrongFields = (f: RandomFixture, got: ExtractedFields, skip: string[] = []) =>
  CORE_FIELDS.filter((k) => !skip.includes(k) && f.truth[k] !== undefined && !fieldCorrect(k, f.truth, got));

/** Monospace lines at 8 pt, one every 10 points, indented by their leading spaces. */
const mono = (lines: string[], top = 60): TextLine[] =>
  lines.map((l, i) => [40 + 4.8 * (l.length - l.trimStart().length), top + 10 * i, l.trimStart(), MONO]);

describe('a record printed as data (JSON, XML) is read as the label-left record it is', () => {
  it('splits identifier keys into their words', () => {
    expect(identifierWords('customerOfRecordLegalName')).toEqual(['customer', 'Of', 'Record', 'Legal', 'Name']);
    expect(identifierWords('billing_telephone_number')).toEqual(['billing', 'telephone', 'number']);
    expect(identifierWords('ServiceAddress')).toEqual(['Service', 'Address']);
    expect(identifierWords('BTNStatus')).toEqual(['BTN', 'Status']);
  });

  // csr-api dev seeds (JSON and XML, camel / snake / Pascal keys) that first-sight reading got wrong on
  // every field but the account number (the keys, quotes and brackets were read as values)
  for (const seed of [2, 5, 9, 14, 17])
    it(`csr-api-${seed}: every field it prints but the date is read (numbers without the disconnected ones)`, async () => {
      const { f, got } = await readFamily('csr-api', seed);
      // the record's as-of date under "Effective Date" stays unread (a CSR's effective date is a service's)
      expect(wrongFields(f, got, ['document_date'])).toEqual([]);
      expect(got.account_name?.value).toBe(f.truth.account_name);
    });

  it('reads a hand-written JSON record in other key wordings, a status before its number, a street in parts', () => {
    const page = pageOf(
      mono([
        '{',
        '  "subscriber_legal_name": "Granite Peak Veterinary Clinic PLLC",',
        '  "acct_num": "7731904452",',
        '  "premise_address": {',
        '    "street_number": "410",',
        '    "street_name": "Quarry",',
        '    "street_type": "Rd",',
        '    "city": "Bozeman",',
        '    "state": "MT",',
        '    "postal_code": "59715"',
        '  },',
        '  "mailing_address": {',
        '    "line1": "PO Box 1180",',
        '    "city": "Belgrade",',
        '    "state": "MT",',
        '    "postal_code": "59714"',
        '  },',
        '  "lines": [',
        '    {',
        '      "status": "ACTIVE",',
        '      "telephone_number": "4065870101"',
        '    },',
        '    {',
        '      "status": "DISCONNECTED",',
        '      "telephone_number": "4065870177"',
        '    },',
        '    {',
        '      "status": "ACTIVE",',
        '      "telephone_number": "4065870102"',
        '    }',
        '  ]',
        '}',
      ]),
    );
    const got = extractFields([page], 'csr').fields;
    expect(got.account_name?.value).toBe('Granite Peak Veterinary Clinic PLLC');
    expect(got.account_number?.value).toBe('7731904452');
    expect(got.service_address?.value).toMatchObject({ street_line: '410 Quarry Rd', city: 'Bozeman', zip5: '59715' });
    expect([...(got.phone_numbers?.value ?? [])].sort()).toEqual(['+14065870101', '+14065870102']);
    // the number's evidence is where it is printed, not on the row it was read from (under its status)
    const n = page.words.find((w) => w.text.includes('4065870102'))!;
    expect(got.phone_numbers?.bbox?.[1]).toBeLessThanOrEqual(n.bbox[1] + 0.5);
  });

  it('reads a hand-written XML record: tags as labels, escapes decoded, a list under a disconnect heading left out', () => {
    const page = pageOf(
      mono([
        '<?xml version="1.0"?>',
        '<CustomerRecord>',
        '  <AccountID>A-5530912</AccountID>',
        '  <CompanyName>Shaw &amp; Ortega Dental Group PC</CompanyName>',
        '  <InstallLocation>',
        '    <AddressNumber>2215</AddressNumber>',
        '    <StreetName>Sunset</StreetName>',
        '    <StreetSuffix>Blvd</StreetSuffix>',
        '    <City>Boise</City>',
        '    <State>ID</State>',
        '    <Zip>83702</Zip>',
        '  </InstallLocation>',
        '  <WorkingNumbers>',
        '    <Number>2083450120</Number>',
        '    <Number>2083450121</Number>',
        '  </WorkingNumbers>',
        '  <InactiveNumbers>',
        '    <Number>2083450199</Number>',
        '  </InactiveNumbers>',
        '</CustomerRecord>',
      ]),
    );
    const got = extractFields([page], 'csr').fields;
    expect(got.account_name?.value).toBe('Shaw & Ortega Dental Group PC');
    expect(got.account_number?.value).toBe('A-5530912');
    expect(got.service_address?.value).toMatchObject({ street_line: '2215 Sunset Blvd', city: 'Boise', zip5: '83702' });
    expect([...(got.phone_numbers?.value ?? [])].sort()).toEqual(['+12083450120', '+12083450121']);
  });

  it('leaves a page that is not a data record alone (a label-left CSR with colons)', () => {
    const page = pageOf([
      [60, 60, 'Customer Service Record'],
      [60, 90, 'Account Name: Granite Peak Veterinary Clinic PLLC'],
      [60, 104, 'Account Number: 7731904452'],
      [60, 118, 'Service Address: 410 Quarry Rd, Bozeman, MT 59715'],
      [60, 132, 'Telephone Numbers: (406) 587-0101, (406) 587-0102'],
    ]);
    expect(recastRecords([page])).toBeNull();
  });
});

describe('a numbers list under a heading that says its lines left', () => {
  it('is not on the account; the list under a working heading is', () => {
    const got = extractFields(
      [
        pageOf([
          [60, 60, 'Customer Service Record', { font: 'sans-bold', size: 12 }],
          [60, 90, 'Customer: Harbor Light Marine Supply LLC'],
          [60, 104, 'Account: 55120933'],
          [60, 118, 'Service address: 120 Harbor Dr, Tampa, FL 33602'],
          [60, 140, 'Working numbers:'],
          [80, 154, '(813) 555-0141'],
          [80, 168, '(813) 555-0142'],
          [60, 186, 'Disconnected lines:'],
          [80, 200, '(813) 555-0177'],
          [80, 214, '(813) 555-0178'],
        ]),
      ],
      'csr',
    ).fields;
    expect([...(got.phone_numbers?.value ?? [])].sort()).toEqual(['+18135550141', '+18135550142']);
  });
});

describe('a fax cover sheet is not the faxed document', () => {
  // inv-faxed dev seeds whose first-sight reading took the cover's sender phone for a number on the
  // account and missed the customer's name in the bill's mailing block (the bill's first page is page 2)
  for (const seed of [1, 2, 3, 5, 7])
    it(`inv-faxed-${seed}: the bill's fields, none of the cover's`, async () => {
      const { f, got } = await readFamily('inv-faxed', seed);
      expect(wrongFields(f, got, ['service_address'])).toEqual([]);
      // evidence is on the page where the value is printed: the bill's, behind the cover
      expect(got.account_number?.page).toBe(2);
      expect(got.account_name?.page).toBe(2);
    });

  const bill: TextLine[] = [
    [60, 60, 'Lakeshore Telephone Co.', { font: 'sans-bold', size: 14 }],
    [60, 100, 'Account No: 31 882 4410'],
    [60, 114, 'Bill Date: 11/02/2026'],
    [60, 150, 'Quarry Hill Landscaping Inc'],
    [60, 164, '88 Mill Pond Rd'],
    [60, 178, 'Montpelier, VT 05602'],
    [60, 210, 'Lines billed'],
    [80, 224, '(802) 555-0160'],
    [80, 238, '(802) 555-0161'],
  ];
  const cover: TextLine[] = [
    [60, 60, 'Northfield Office Solutions', { font: 'sans-bold', size: 14 }],
    [60, 120, 'Fax Cover Page', { font: 'sans-bold', size: 20 }],
    [60, 160, 'Attention:'],
    [160, 160, 'Port Desk, Summit Voice'],
    [60, 176, 'Fax No.:'],
    [160, 176, '(877) 555-0190'],
    [60, 192, 'Sender:'],
    [160, 192, 'Dana Whitfield'],
    [60, 208, 'Phone:'],
    [160, 208, '(802) 555-0133'],
    [60, 224, 'Number of pages:'],
    [160, 224, '2'],
    [60, 240, 'Subject:'],
    [160, 240, 'Bill copy for the transfer'],
  ];

  it('a cover in other wording is left out: its sender and phone are not the bill’s', () => {
    const pages = pagesOf([cover, bill]);
    expect(isFaxCover(pages[0]!)).toBe(true);
    const got = extractFields(pages, 'invoice').fields;
    expect([...(got.phone_numbers?.value ?? [])].sort()).toEqual(['+18025550160', '+18025550161']);
    expect(got.account_name?.value).toBe('Quarry Hill Landscaping Inc');
    expect(got.account_name?.page).toBe(2);
  });

  it('stays when nothing follows it, and a bill page is no cover', () => {
    expect(withoutFaxCover(pagesOf([cover]))).toBeNull();
    expect(isFaxCover(pageOf(bill))).toBe(false);
    expect(withoutFaxCover(pagesOf([bill, cover]))).toBeNull();
  });
});

describe('the review against a csr-api CSR', () => {
  /**
   * A csr-api dev seed printing a number whose item says it is disconnected, with a billing address other
   * than the service address, whose reading is right on both.
   */
  async function apiCsr(): Promise<{ f: RandomFixture; pages: PageText[]; csrFields: ExtractedFields; gone: string }> {
    for (let seed = 1; seed <= 80; seed++) {
      const f = generateRandom(seed, { family: 'csr-api' });
      const items = f.model.pages.flatMap((p) => p.items.flatMap((i) => (i.kind === 'text' ? [i.text] : [])));
      // the item's number is on the line before its status
      const at = items.findIndex((t, i) => i > 0 && /disconnect/i.test(t) && /\d{10}/.test(items[i - 1]!));
      const svc = f.truth.service_address!,
        bill = f.truth.billing_address;
      if (at < 0 || !bill || bill.street_line === svc.street_line) continue;
      const { got, pages } = await readFamily('csr-api', seed);
      if (!fieldCorrect('service_address', f.truth, got) || !fieldCorrect('phone_numbers', f.truth, got)) continue;
      const gone = `+1${items[at - 1]!.replace(/\D/g, '').slice(-10)}`;
      return { f, pages, csrFields: got, gone };
    }
    throw new Error('no csr-api dev seed in 1…80 with a disconnected item and a billing address of its own');
  }

  it('an LOA listing a disconnected number gets PHONE_NUMBER_MISMATCH; the billing address is no service address', async () => {
    const { f, pages, csrFields, gone } = await apiCsr();
    expect(csrFields.phone_numbers?.value).not.toContain(gone);
    expect(csrFields.service_address?.value.street_line).toBe(f.truth.service_address!.street_line);
    const asOf = f.truth.document_date!;
    const field = <T>(value: T) => ({ value, confidence: 1, page: 1, bbox: null });
    const withGone: ExtractedFields = { ...csrFields, phone_numbers: field([...csrFields.phone_numbers!.value, gone]) };
    const r = compareCase({ loa: withGone, csr: csrFields, pages: { csr: pages }, asOf });
    expect(r.predicted_rejections.map((x) => x.code)).toContain('PHONE_NUMBER_MISMATCH');
    // an LOA giving the billing address as the service address is a location mismatch; the service address is not
    const atBilling: ExtractedFields = {
      ...csrFields,
      service_address: field({ ...f.truth.billing_address!, zip4: '' }),
    };
    const moved = compareCase({ loa: atBilling, csr: csrFields, pages: { csr: pages }, asOf });
    expect(moved.predicted_rejections.map((x) => x.code)).toContain('LOCATION_MISMATCH');
    const same = compareCase({ loa: csrFields, csr: csrFields, pages: { csr: pages }, asOf });
    expect(same.predicted_rejections.map((x) => x.code)).not.toContain('LOCATION_MISMATCH');
    expect(same.predicted_rejections.map((x) => x.code)).not.toContain('PHONE_NUMBER_MISMATCH');
  });
});
