import { describe, expect, it } from 'vitest';
import { readDocument } from '../../electron/core/documents/read.js';
import { extractFields } from '../../electron/core/extract/index.js';
import type { ExtractedFields } from '../../shared/domain/document.js';
import { PageBuilder, type TextStyle } from '../fixtures/generator/layout.js';
import { renderTextPdf } from '../fixtures/generator/pdf.js';

/*
 * A list of the account's lines, each number under (or beside) its own name — a phone app's "Your lines" card
 * printed to PDF: "Front desk" over "(541) 555-0110", "Fax" over "(541) 555-0147", "Reception" over … A bare
 * "Fax" there names what the line is used for: the line is the account's like the others. A contact block's
 * "Fax" among "Phone" and "Cell" stays a number to write back to. Names and numbers are made up.
 */

const CAPTION: TextStyle = { font: 'sans', size: 9, gray: 0.5 };
const VALUE: TextStyle = { font: 'sans-bold', size: 14 };
const SMALL: TextStyle = { font: 'sans', size: 10, gray: 0.45 };

/** A narrow app page: the account card, then the lines card with one [name, number] pair each. */
async function appBill(lines: [string, string][], nameOver: boolean, heading: string): Promise<ExtractedFields> {
  const p = new PageBuilder(390, 900);
  p.text(24, 30, '9:41', { font: 'sans-bold', size: 10 });
  p.text(320, 30, '5G  87%', { font: 'sans-bold', size: 10 });
  p.text(24, 64, 'Cascade Cloud Voice', { font: 'sans-bold', size: 16 });
  let y = 110;
  for (const [caption, value] of [
    ['Account holder', 'Juniper Ridge Veterinary Clinic LLC'],
    ['Account number', '8841 20 553 0172'],
    ['Statement date', 'March 14, 2025'],
  ] as const) {
    p.text(36, y, caption, CAPTION);
    p.text(36, y + 18, value, VALUE);
    y += 46;
  }
  y += 20;
  p.text(36, y, heading, { font: 'sans-bold', size: 13 });
  y += 30;
  for (const [name, number] of lines) {
    const [top, under] = nameOver ? [name, number] : [number, `${name} - Business Unlimited`];
    p.text(36, y, top, { font: 'sans-bold', size: 12 });
    p.text(300, y, '$24.99', { font: 'sans-bold', size: 12 });
    p.text(36, y + 14, under, SMALL);
    y += 38;
  }
  const pages = (await readDocument(await renderTextPdf({ pages: [p.build()] }), { name: 'app.pdf' })).pages;
  return extractFields(pages, 'invoice').fields;
}

const LINES: [string, string][] = [
  ['Front desk', '(541) 555-0110'],
  ['Fax', '(541) 555-0147'],
  ['Reception', '(541) 382-7716'],
  ['Fax', '(541) 555-0182'],
];
const E164 = ['+15415550110', '+15415550147', '+15413827716', '+15415550182'];

describe('a line named "Fax" in a list of the account\'s lines is one of its lines', () => {
  it.each(['Your lines', 'Phone lines', 'Lines on this bill'])(
    'each name over its number, under "%s"',
    async (heading) => {
      const f = await appBill(LINES, true, heading);
      expect(f.phone_numbers?.value).toEqual(E164);
    },
  );

  it('the "Fax" line last in the list', async () => {
    const f = await appBill([LINES[0]!, LINES[2]!, LINES[1]!], true, 'Your lines');
    expect(f.phone_numbers?.value).toEqual([E164[0], E164[2], E164[1]]);
  });

  it('a contact block\'s "Fax" among "Phone" and "Cell" is still no line on the account', async () => {
    const p = new PageBuilder(390, 900);
    p.text(24, 64, 'Cascade Cloud Voice', { font: 'sans-bold', size: 16 });
    p.text(36, 110, 'Account holder', CAPTION);
    p.text(36, 128, 'Juniper Ridge Veterinary Clinic LLC', VALUE);
    p.text(36, 156, 'Account number', CAPTION);
    p.text(36, 174, '8841 20 553 0172', VALUE);
    p.text(36, 214, 'Your lines', { font: 'sans-bold', size: 13 });
    p.text(36, 240, '(541) 555-0110', VALUE);
    p.text(36, 300, 'Billing contact', { font: 'sans-bold', size: 13 });
    let y = 326;
    for (const [caption, value] of [
      ['Phone', '(541) 610-2284'],
      ['Fax', '(541) 610-2290'],
      ['Cell', '(541) 771-0923'],
    ]) {
      p.text(36, y, caption!, CAPTION);
      p.text(36, y + 16, value!, VALUE);
      y += 36;
    }
    const pages = (await readDocument(await renderTextPdf({ pages: [p.build()] }), { name: 'app.pdf' })).pages;
    const f = extractFields(pages, 'invoice').fields;
    expect(f.phone_numbers?.value ?? []).not.toContain('+15416102290');
  });
});
