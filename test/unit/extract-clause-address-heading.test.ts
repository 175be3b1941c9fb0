import { describe, expect, it } from 'vitest';
import { readDocument } from '../../electron/core/documents/read.js';
import { extractFields } from '../../electron/core/extract/index.js';
import type { ExtractedFields } from '../../shared/domain/document.js';
import { PageBuilder, type TextStyle } from '../fixtures/generator/layout.js';
import { renderTextPdf } from '../fixtures/generator/pdf.js';

/*
 * An address under a heading phrased as a clause ("Where you have service", "Where we provide service") is
 * the service address, as one under "Service location" is: a phone app's bill printed to PDF, small grey
 * captions over large values on a narrow page, the mailing address in the account card above it. Names,
 * numbers and addresses are made up.
 */

const CAPTION: TextStyle = { font: 'sans', size: 9, gray: 0.5 };
const VALUE: TextStyle = { font: 'sans-bold', size: 14 };

async function appBill(heading: string, oneLine: boolean): Promise<ExtractedFields> {
  const p = new PageBuilder(390, 760);
  p.text(24, 30, '9:41', { font: 'sans-bold', size: 10 });
  p.text(24, 64, 'Cascade Cloud Voice', { font: 'sans-bold', size: 16 });
  let y = 110;
  for (const [caption, value] of [
    ['Account holder', 'Juniper Ridge Veterinary Clinic LLC'],
    ['Account number', '8841 20 553 0172'],
    ['Statement date', 'March 14, 2025'],
  ]) {
    p.text(36, y, caption!, CAPTION);
    p.text(36, y + 18, value!, VALUE);
    y += 46;
  }
  p.text(36, y, 'Mailing address', CAPTION);
  p.text(36, y + 18, 'PO Box 1182', VALUE);
  p.text(36, y + 35, 'Bend, OR 97709', VALUE);
  y += 90;
  p.text(36, y, heading, CAPTION);
  if (oneLine) p.text(36, y + 18, '2280 NE Division St, Bend, OR 97701', VALUE);
  else {
    p.text(36, y + 18, '2280 NE Division St', VALUE);
    p.text(36, y + 35, 'Bend, OR 97701', VALUE);
  }
  y += 90;
  p.text(36, y, 'Your lines', { font: 'sans-bold', size: 13 });
  p.text(36, y + 24, '(541) 555-0110', VALUE);
  const pages = (await readDocument(await renderTextPdf({ pages: [p.build()] }), { name: 'app.pdf' })).pages;
  return extractFields(pages, 'invoice').fields;
}

describe('a heading phrased as a clause names the service address', () => {
  it.each([
    ['Where you have service', false],
    ['Where you have service', true],
    ['Where we provide service', false],
    ['Where you have service:', true],
  ] as const)('"%s" (one line: %s)', async (heading, oneLine) => {
    const f = await appBill(heading, oneLine);
    expect(f.service_address?.value).toMatchObject({ street_line: '2280 NE Division St', city: 'Bend', zip5: '97701' });
    expect(f.billing_address?.value).toMatchObject({ street_line: 'PO Box 1182', zip5: '97709' });
  });
});
