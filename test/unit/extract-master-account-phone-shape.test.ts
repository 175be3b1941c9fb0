import { describe, expect, it } from 'vitest';
import { readDocument } from '../../electron/core/documents/read.js';
import { extractFields } from '../../electron/core/extract/index.js';
import type { ExtractedFields } from '../../shared/domain/document.js';
import { PageBuilder, type TextStyle } from '../fixtures/generator/layout.js';
import { renderTextPdf } from '../fixtures/generator/pdf.js';

/*
 * A consolidated bill's parent account printed in a phone number's 3-3-4 groups ("651 437 2606"): beside
 * its caption in the header — a caption no list holds ("Parent Account") — and again after its caption in
 * each later page's running head ("TDS Telecom Parent Account: 651 437 2606"). It is the account's number,
 * never a line on the bill. Wordings and numbers are made up for the test.
 */

const SANS: TextStyle = { font: 'sans', size: 9 };
const BOLD: TextStyle = { font: 'sans-bold', size: 10 };

async function bill(caption: string, runningHead: string): Promise<ExtractedFields> {
  const one = new PageBuilder();
  one.text(44, 50, 'TDS Telecom', { font: 'sans-bold', size: 14 });
  one.text(390, 50, 'Consolidated Billing Statement', BOLD);
  one.text(44, 72, '2865 NE Mill Pkwy, Lake Havasu City, AZ 86406', SANS);
  one.text(318, 72, caption, SANS);
  one.text(448, 72, '651 437 2606', SANS);
  one.text(318, 90, 'Invoice #', SANS);
  one.text(448, 90, 'INV70216052', SANS);
  one.text(318, 108, 'Billing Date:', SANS);
  one.text(448, 108, 'Nov 7, 2025', SANS);
  one.text(44, 100, 'HARBOR LIGHT BAKERY & CAFE INC.', SANS);
  one.text(44, 114, 'PO BOX 94877', SANS);
  one.text(44, 128, 'Chapel Hill NC 27515-5927', SANS);
  one.text(47, 170, 'Location Summary', BOLD);
  one.text(48, 190, 'Location Account', BOLD);
  one.text(160, 190, 'Service Address', BOLD);
  one.text(48, 204, '140307753', SANS);
  one.text(160, 204, '1059 Park Ct, Chapel Hill, NC 27515-6721', SANS);
  const two = new PageBuilder();
  two.text(44, 40, `${runningHead} 651 437 2606`, SANS);
  two.text(545, 40, 'Page 2', SANS);
  two.text(44, 64, 'Charges for Location: Field Office', BOLD);
  two.text(44, 84, 'Sub-account #', SANS);
  two.text(204, 84, '140307753', SANS);
  two.text(48, 120, 'Telephone Number', BOLD);
  two.text(178, 120, 'Plan', BOLD);
  two.text(438, 120, 'MRC', BOLD);
  ['919-261-9124', '919-240-7357', '919-481-4710'].forEach((n, i) => {
    two.text(48, 136 + i * 16, n, SANS);
    two.text(178, 136 + i * 16, 'POTS', SANS);
    two.text(438, 136 + i * 16, '$57.33', SANS);
  });
  const doc = await readDocument(await renderTextPdf({ pages: [one.build(), two.build()] }), { name: 'bill.pdf' });
  return extractFields(doc.pages, 'invoice').fields;
}

describe('a parent account printed like a phone number is no line on the bill', () => {
  const cases: [string, string][] = [
    ['Parent Account', 'TDS Telecom Parent Account:'],
    ['Parent Account:', 'TDS Telecom Parent Account:'],
    ['Master Account', 'TDS Telecom Parent Acct'],
  ];
  for (const [caption, head] of cases)
    it(`"${caption}" and "${head}"`, async () => {
      const got = await bill(caption, head);
      expect(got.phone_numbers?.value).toEqual(['+19192619124', '+19192407357', '+19194814710']);
    });
});
