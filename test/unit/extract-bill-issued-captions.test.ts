import { describe, expect, it } from 'vitest';
import { readDocument } from '../../electron/core/documents/read.js';
import { extractFields } from '../../electron/core/extract/index.js';
import type { ExtractedFields } from '../../shared/domain/document.js';
import { PageBuilder, type TextStyle } from '../fixtures/generator/layout.js';
import { renderTextPdf } from '../fixtures/generator/pdf.js';

/*
 * A bill's date captioned by the verb of issuing it ("Bill issued", "Statement issued",
 * "Invoice issued") is the document's date, not the due date printed above it. Laid out as a phone app's bill
 * printed to PDF: small grey captions over large values on a narrow page, the statement card at the foot.
 * Names, numbers and dates are made up.
 */

const CAPTION: TextStyle = { font: 'sans', size: 9, gray: 0.5 };
const VALUE: TextStyle = { font: 'sans-bold', size: 14 };

async function appBill(dateCaption: string): Promise<ExtractedFields> {
  const p = new PageBuilder(390, 820);
  p.text(24, 30, '9:41', { font: 'sans-bold', size: 10 });
  p.text(320, 30, '5G  87%', { font: 'sans-bold', size: 10 });
  p.text(24, 64, 'Cascade Cloud Voice', { font: 'sans-bold', size: 16 });
  p.text(36, 110, 'Amount due', CAPTION);
  p.text(36, 140, '$214.36', { font: 'sans-bold', size: 28 });
  p.text(36, 162, 'Due Apr 2, 2025', { font: 'sans', size: 10, gray: 0.5 });
  p.text(36, 184, 'AutoPay scheduled for Apr 2, 2025', { font: 'sans', size: 9, gray: 0.5 });
  // the account card, the service location card, then the statement card at the foot
  let y = 230;
  for (const [caption, value] of [
    ['Account holder', 'Juniper Ridge Veterinary Clinic LLC'],
    ['Account number', '8841 20 553 0172'],
  ]) {
    p.text(36, y, caption!, CAPTION);
    p.text(36, y + 18, value!, VALUE);
    y += 46;
  }
  p.text(36, y, 'Mailing address', CAPTION);
  p.text(36, y + 18, 'PO Box 1182', VALUE);
  p.text(36, y + 35, 'Bend, OR 97709', VALUE);
  y += 70;
  p.text(36, y, 'Service address', CAPTION);
  p.text(36, y + 18, '2280 NE Division St', VALUE);
  p.text(36, y + 35, 'Bend, OR 97701', VALUE);
  y += 70;
  p.text(36, y, 'This bill', { font: 'sans-bold', size: 13 });
  y += 24;
  for (const [caption, value] of [
    [dateCaption, 'Mar 14, 2025'],
    ['Bill period', 'Feb 14, 2025 - Mar 13, 2025'],
  ]) {
    p.text(36, y, caption!, CAPTION);
    p.text(36, y + 18, value!, VALUE);
    y += 46;
  }
  y += 20;
  p.text(36, y, 'Your lines', { font: 'sans-bold', size: 13 });
  p.text(36, y + 24, '(541) 555-0110', VALUE);
  const pages = (await readDocument(await renderTextPdf({ pages: [p.build()] }), { name: 'app.pdf' })).pages;
  return extractFields(pages, 'invoice').fields;
}

describe("a bill's date captioned by the verb of issuing it", () => {
  it.each(['Bill issued', 'Statement issued', 'Invoice issued'])(
    '"%s" captions the document\'s date, not the due date',
    async (caption) => {
      const f = await appBill(caption);
      expect(f.document_date?.value).toBe('2025-03-14');
    },
  );
});
