import { describe, expect, it } from 'vitest';
import { readDocument } from '../../electron/core/documents/read.js';
import { extractFields } from '../../electron/core/extract/index.js';
import { conceptOf } from '../../electron/core/extract/labels.js';
import type { ExtractedFields } from '../../shared/domain/document.js';
import { labelStems } from '../../shared/domain/fields.js';
import { PageBuilder, type TextStyle } from '../fixtures/generator/layout.js';
import { renderTextPdf } from '../fixtures/generator/pdf.js';
import { generateRandom } from '../fixtures/generator/random.js';
import { rewrite } from '../helpers/pages.js';

/*
 * A caption is a noun phrase: its head noun says what the value is, and a complement joined to it by "with",
 * "at", "on", "as", "if"… says where it is held or how it reads ("Account *with your current service
 * provider*"). A concept whose words reach into that complement without the head ("current service provider",
 * "existing … provider") names the place, not the value, however many words it has. A complement opened by
 * "of" says whose the head is ("Name of current carrier" is the carrier's name): its words may name the value.
 */

describe("a concept in a caption's complement does not name the caption", () => {
  const field = (caption: string) => conceptOf(labelStems(caption), 'loa')?.field;
  it('the head noun before "with" / "at" names the value', () => {
    expect(field('Your account with current service provider')).toBe('account_number');
    expect(field('Existing account with current provider')).toBe('account_number');
    expect(field('Acct at your current provider')).toBe('account_number');
    expect(field('Account PIN with current carrier')).toBe('pin');
  });
  it('"of" says whose: its complement still names the value', () => {
    expect(field('Name of current carrier')).toBe('carrier_name');
    expect(field('Name of current service provider')).toBe('carrier_name');
  });
  it('words before the head noun "account" say whose account it is', () => {
    expect(field('Incumbent Carrier Account')).toBe('account_number');
    expect(field('Current Provider Account')).toBe('account_number');
    // (a concept holding the head keeps it)
    expect(field('Listing Name Account')).toBe('account_name');
  });
  it('captions without a complement read as before', () => {
    expect(field('Current service provider')).toBe('carrier_name');
    expect(field('Port PIN Number')).toBe('pin');
    expect(field('Service Address for BAN')).toBe('service_address');
  });
});

const SANS: TextStyle = { font: 'sans', size: 9 };

async function questionnaire(accountCaption: string): Promise<ExtractedFields> {
  const p = new PageBuilder();
  const rows: [string, string][] = [
    ['Business name (as it appears on your bill)', 'Harbor Light Marine Supply LLC'],
    ['Current carrier', 'Ziply Fiber'],
    [accountCaption, '398-330-1956-00'],
    ['Billing telephone number', '(907) 380-8413'],
    ['Service address', '5810 E Lincoln Rd, Juneau, AK 99801'],
  ];
  p.text(40, 40, 'Clearline Communications, Inc.', { font: 'sans-bold', size: 14 });
  p.text(40, 90, 'Number Port Questionnaire', { font: 'sans-bold', size: 12 });
  rows.forEach(([caption, answer], i) => {
    p.text(46, 140 + i * 22, `${i + 1}. ${caption} ........`, SANS);
    p.text(320, 140 + i * 22, answer, SANS);
  });
  const doc = await readDocument(await renderTextPdf({ pages: [p.build()] }), { name: 'questionnaire.pdf' });
  return extractFields(doc.pages, 'loa').fields;
}

describe('a questionnaire asking for the account "with" the current provider', () => {
  for (const caption of ['Your account with current service provider', 'Account with your current service provider'])
    it(`"${caption}" gives the account, the carrier question the carrier`, async () => {
      const got = await questionnaire(caption);
      expect(got.account_number?.value).toBe('398-330-1956-00');
      expect(got.carrier_name?.value ?? 'Ziply Fiber').toBe('Ziply Fiber');
    });
});

describe('a key and its value: the carrier before "account" says whose account', () => {
  for (const caption of ['Incumbent Carrier Account:', 'Incumbent carrier acct:', 'Losing Carrier Account:'])
    it(`"${caption}"`, async () => {
      const p = new PageBuilder();
      p.text(40, 40, 'Letter of Agency', { font: 'sans-bold', size: 14 });
      p.text(40, 80, caption, SANS);
      p.text(260, 80, '77341902', SANS);
      p.text(40, 100, 'Customer Name:', SANS);
      p.text(260, 100, 'Harbor Light Marine Supply LLC', SANS);
      const doc = await readDocument(await renderTextPdf({ pages: [p.build()] }), { name: 'loa.pdf' });
      const got = extractFields(doc.pages, 'loa').fields;
      expect(got.account_number?.value).toBe('77341902');
      expect(got.carrier_name).toBeUndefined();
    });
});

describe("a question's caption with a hint naming its concept inside it, and a hint after it", () => {
  // dev seeds of the fresh tune wordings (loa-questionnaire) with the PIN question reworded: the caption's own
  // words, a restating hint "(PIN)" between them and its complement, then the form's hint "(exactly as billed)"
  for (const [seed, from] of [
    [31821, 'PIN #'],
    [31803, 'Security Passcode'],
  ] as const)
    for (const to of ['Security Passcode (PIN) on the account', 'Personal Identification Number (PIN) on the account'])
      it(`seed ${seed}: "${to}"`, async () => {
        const f = generateRandom(seed, { family: 'loa-questionnaire', fresh: 'tune', standins: 46 });
        const doc = await readDocument(await renderTextPdf(f.model), { name: `${f.id}.pdf` });
        const printed = doc.pages[0]!.words.map((w) => w.text).join(' ');
        const words = printed.includes(from) ? from : from.toUpperCase();
        const pages = rewrite(doc.pages, words.split(' '), to.split(' '));
        expect(extractFields(pages, 'loa').fields.pin?.value).toBe(f.truth.pin);
      });
});
