import { describe, expect, it } from 'vitest';
import { readDocument } from '../../electron/core/documents/read.js';
import { extractFields } from '../../electron/core/extract/index.js';
import type { ExtractedFields } from '../../shared/domain/document.js';
import { PageBuilder, type TextStyle } from '../fixtures/generator/layout.js';
import { renderTextPdf } from '../fixtures/generator/pdf.js';

/*
 * A boxed form captioned in small print under its boxes, each caption in brackets ("(Verbal Password)"): the
 * brackets enclose the caption's own words, not a hint after them, so a wording no list holds is read by
 * its concept as it would be without them. Wordings are made up for the test.
 */

const VALUE: TextStyle = { font: 'sans', size: 10 };
const CAPTION: TextStyle = { font: 'sans', size: 7 };

async function boxedForm(accountCaption: string, pinCaption: string): Promise<ExtractedFields> {
  const p = new PageBuilder();
  p.text(44, 40, 'Northgate Voice LLC', { font: 'sans-bold', size: 11 });
  p.text(200, 70, 'Letter of Agency', { font: 'sans-bold', size: 13 });
  p.text(44, 100, 'Section 1 - Customer', { font: 'sans-bold', size: 11 });
  const box = (x: number, y: number, w: number, value: string, caption: string) => {
    p.rect(x, y - 4, w, 18, { stroke: true, fill: null });
    if (value) p.text(x + 4, y, value, VALUE);
    p.text(x + 2, y + 18, caption, CAPTION);
  };
  box(44, 130, 500, 'Harbor Light Marine Supply LLC', '(Customer Name)');
  box(44, 172, 220, '6620418875', accountCaption);
  box(280, 172, 130, '907-555-0141', '(Billing Phone)');
  box(426, 172, 118, '5512', pinCaption);
  box(44, 214, 300, 'Ziply Fiber', '(Current Provider)');
  p.text(44, 250, 'Service Address', { font: 'sans-bold', size: 11 });
  box(44, 276, 300, '5810 E Lincoln Rd', '(Street Address)');
  box(44, 318, 200, 'Juneau', '(City)');
  box(260, 318, 60, 'AK', '(ST)');
  box(336, 318, 100, '99801', '(ZIP)');
  p.text(44, 360, 'Numbers to Port', { font: 'sans-bold', size: 11 });
  p.text(50, 380, '907-555-0141      907-555-0142', VALUE);
  const doc = await readDocument(await renderTextPdf({ pages: [p.build()] }), { name: 'boxed.pdf' });
  return extractFields(doc.pages, 'loa').fields;
}

describe('a caption printed whole in brackets under its box is read for its words', () => {
  const cases: [string, string][] = [
    ['(Number, Account)', '(Verbal Password)'],
    ['(Account Nr.)', '(Secret Code)'],
    ['(Account Identifier)', '(Verbal Password)'],
  ];
  for (const [account, pin] of cases)
    it(`${account} and ${pin}`, async () => {
      const got = await boxedForm(account, pin);
      expect(got.account_number?.value).toBe('6620418875');
      expect(got.pin?.value).toBe('5512');
      expect(got.account_name?.value).toBe('Harbor Light Marine Supply LLC');
    });
  it('a listed wording in brackets stays as sure as without them', async () => {
    const got = await boxedForm('(Current Account No.)', '(Verbal Password)');
    expect(got.account_number?.value).toBe('6620418875');
    expect(got.account_number?.confidence).toBeGreaterThanOrEqual(0.7);
  });
});
