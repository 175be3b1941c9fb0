import { describe, expect, it } from 'vitest';
import { readDocument } from '../../electron/core/documents/read.js';
import { extractFields } from '../../electron/core/extract/index.js';
import type { ExtractedFields } from '../../shared/domain/document.js';
import { PageBuilder, type TextStyle } from '../fixtures/generator/layout.js';
import { renderTextPdf } from '../fixtures/generator/pdf.js';

/*
 * A numbered questionnaire: each question's number in a cell of its own, its caption, its answer beside it.
 * Questions stand close one under the other, so a short caption over the next ones looks like a label
 * wrapped onto three lines ("Passcode/ PIN" over "Service At" over "Telephone Numbers to Port:"); the next
 * question's number says its caption is a row of its own. Wordings are made up for the test.
 */

const SANS: TextStyle = { font: 'sans', size: 9.5 };

async function questionnaire(pinCaption: string, serviceCaption: string): Promise<ExtractedFields> {
  const p = new PageBuilder();
  p.text(40, 44, 'Telnyx LLC', { font: 'sans-bold', size: 15 });
  p.text(40, 120, 'Letter of Authorization - Port Questionnaire', { font: 'sans-bold', size: 13 });
  const rows: [string, string][] = [
    ['Billing Name', 'Iron Bridge Orthodontics Co.'],
    ['Existing Carrier (from your current bill)', 'Verizon Business'],
    ['Your Account Number', '881-525-0297-05'],
    [pinCaption, '0916'],
    [serviceCaption, '5556 River Lane, STE 651, Duluth, MN 55812'],
  ];
  rows.forEach(([caption, answer], i) => {
    p.text(46, 170 + i * 20, `${i + 1}.`, SANS);
    p.text(66, 170 + i * 20, caption, SANS);
    p.text(290, 170 + i * 20, answer, SANS);
  });
  p.text(46, 270, '6.', SANS);
  p.text(66, 270, 'Telephone Numbers to Port:', SANS);
  p.text(70, 288, '1-218-679-3291     1-218-555-0169', { font: 'sans', size: 9 });
  p.text(40, 330, 'Authorized signature: Samuel Johansson        Date: 03/02/2026', SANS);
  const doc = await readDocument(await renderTextPdf({ pages: [p.build()] }), { name: 'questionnaire.pdf' });
  return extractFields(doc.pages, 'loa').fields;
}

describe("a numbered question's caption is a row of its own, not the start of a wrapped label", () => {
  const cases: [string, string][] = [
    ['Passcode/ PIN', 'Service At'],
    ['Passcode (from your current bill)', 'Service At'],
    ['Account PIN', 'Location'],
  ];
  for (const [pin, service] of cases)
    it(`"${pin}" over "${service}"`, async () => {
      const got = await questionnaire(pin, service);
      expect(got.pin?.value).toBe('0916');
      expect(got.account_number?.value).toBe('881-525-0297-05');
      expect(got.phone_numbers?.value).toEqual(['+12186793291', '+12185550169']);
    });
});
