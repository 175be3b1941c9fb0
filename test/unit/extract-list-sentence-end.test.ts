import { describe, expect, it } from 'vitest';
import type { ExtractedFields } from '../../shared/domain/document.js';
import { readDocument } from '../../electron/core/documents/read.js';
import { extractFields } from '../../electron/core/extract/index.js';
import { PageBuilder, type TextStyle } from '../fixtures/generator/layout.js';
import { renderTextPdf } from '../fixtures/generator/pdf.js';

/*
 * An LOA's authorising sentence ends on its list of numbers without a full stop, and the next line
 * opens the next sentence, which keeps other numbers with the current carrier ("… 5014230861 and
 * 5015550101" / "Do NOT port these numbers, which stay with …"). The keeping sentence is about its own
 * numbers only: the list before it is still to be ported. Wordings, names and numbers are made up.
 */

const ROW: TextStyle = { font: 'sans', size: 9 };

async function read(lines: string[]): Promise<ExtractedFields> {
  const p = new PageBuilder();
  p.text(40, 60, 'LETTER OF AUTHORIZATION', { font: 'sans-bold', size: 13 });
  p.text(40, 100, 'Business Name: Juniper Street Bakery LLC', ROW);
  p.text(40, 116, 'Account Number: 55120987', ROW);
  p.text(40, 132, 'Service Address: 118 Juniper St, Boise, ID 83702', ROW);
  lines.forEach((l, i) => p.text(40, 170 + i * 12, l, ROW));
  p.text(40, 260, 'Signature: Maria Lindqvist        Date: 03/02/2026', ROW);
  const pages = (await readDocument(await renderTextPdf({ pages: [p.build()] }), { name: 'loa.pdf' })).pages;
  return extractFields(pages, 'loa').fields;
}

describe('a list of numbers ending its sentence without a stop, a keeping sentence on the next line', () => {
  const cases: { lines: string[]; port: string[]; keep: string[] }[] = [
    {
      lines: [
        'I hereby authorize Clearwave Voice to transfer these 3 telephone',
        'numbers from my current provider to Clearwave Voice: 2085550182,',
        '2085394370 and 2085550163',
        'Do NOT port these numbers, which stay with my current provider: 2086337071',
      ],
      port: ['+12085550182', '+12085394370', '+12085550163'],
      keep: ['+12086337071'],
    },
    {
      lines: [
        'Clearwave Voice is authorized to move the numbers listed here: 208-555-0120, 208-555-0121',
        'Keep these lines with Northwind Telecom: 208-555-0199',
      ],
      port: ['+12085550120', '+12085550121'],
      keep: ['+12085550199'],
    },
    {
      lines: [
        'Please transfer the following lines to Clearwave Voice: (208) 555-0140 - 0143',
        'The following numbers will remain with the current carrier: (208) 555-0150',
      ],
      port: ['+12085550140', '+12085550141', '+12085550142', '+12085550143'],
      keep: ['+12085550150'],
    },
  ];
  for (const c of cases)
    it(c.lines.at(-1)!, async () => {
      const got = await read(c.lines);
      expect([...(got.phone_numbers?.value ?? [])].sort()).toEqual([...c.port].sort());
      expect(got.numbers_not_to_port?.value).toEqual(c.keep);
    });
});
