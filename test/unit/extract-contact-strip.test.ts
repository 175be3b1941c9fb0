import { describe, expect, it } from 'vitest';
import { readDocument } from '../../electron/core/documents/read.js';
import { extractFields } from '../../electron/core/extract/index.js';
import { PageBuilder, type TextStyle } from '../fixtures/generator/layout.js';
import { renderTextPdf } from '../fixtures/generator/pdf.js';

/*
 * An LOA whose letterhead or footer is the sender's contact strip: address, e-mail and desk number on
 * one line set apart by marks ("1 N Wacker Dr, Chicago IL 60606 | porting@… | (312) 555-0100"). The
 * strip's number is the sender's, never a number to port, now that marks cut a line into cells of their
 * own (a summary band's facts). Wordings and numbers are made up for the test.
 */

const ROW: TextStyle = { font: 'sans', size: 9 };
const SMALL: TextStyle = { font: 'sans', size: 7 };

interface Strip {
  mark: string;
  at: 'head' | 'foot';
  text: (m: string) => string;
}

async function loaNumbers(s: Strip): Promise<string[]> {
  const p = new PageBuilder();
  if (s.at === 'head') p.text(40, 40, s.text(` ${s.mark} `), SMALL);
  p.text(40, 80, 'LETTER OF AUTHORIZATION', { font: 'sans-bold', size: 14 });
  p.text(40, 110, 'Customer name:', ROW);
  p.text(160, 110, 'Lakeshore Dental Studio LLC', ROW);
  p.text(40, 126, 'Account number:', ROW);
  p.text(160, 126, '77120934', ROW);
  p.text(40, 142, 'Service address:', ROW);
  p.text(160, 142, '455 N Cityfront Plaza Dr, Chicago, IL 60611', ROW);
  p.text(40, 170, 'Numbers to port:', ROW);
  ['(312) 555-0147', '(312) 555-0148', '(312) 555-0162'].forEach((n, i) => p.text(160, 170 + i * 14, n, ROW));
  p.text(40, 240, 'Authorized signature: Dana Whitfield          Date: 03/02/2026', ROW);
  if (s.at === 'foot') p.text(40, 760, s.text(` ${s.mark} `), SMALL);
  const pages = (await readDocument(await renderTextPdf({ pages: [p.build()] }), { name: 'loa.pdf' })).pages;
  const got = extractFields(pages, 'loa').fields.phone_numbers?.value;
  return Array.isArray(got) ? got : [];
}

describe("a letterhead's or footer's contact strip is the sender's", () => {
  const cases: Strip[] = [
    {
      mark: '|',
      at: 'foot',
      text: (m) => `1 N Wacker Dr, Chicago IL 60606${m}porting@lakeshorevoice.example${m}(312) 555-0100`,
    },
    {
      mark: '·',
      at: 'foot',
      text: (m) => `Port desk (312) 555-0100${m}lnp@northcoast.example${m}200 W Adams St, Chicago IL 60606`,
    },
    { mark: '•', at: 'head', text: (m) => `Brightline Telecom${m}ports@brightline.example${m}312.555.0100` },
  ];
  for (const s of cases)
    it(`${s.at}: ${s.text(` ${s.mark} `)}`, async () => {
      expect(await loaNumbers(s)).toEqual(['+13125550147', '+13125550148', '+13125550162']);
    });
});
