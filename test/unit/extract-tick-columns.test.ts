import { describe, expect, it } from 'vitest';
import { readDocument } from '../../electron/core/documents/read.js';
import { extractFields } from '../../electron/core/extract/index.js';
import type { ExtractedFields } from '../../shared/domain/document.js';
import { PageBuilder, textWidth, type TextStyle } from '../fixtures/generator/layout.js';
import { renderTextPdf } from '../fixtures/generator/pdf.js';

/*
 * An LOA whose numbers are a table with a choice per row: "Port" and "Keep" (or "Do not port", "Disconnect")
 * columns with an X in one, drawn boxes, one "Port" column ticked on the rows to move and left blank on the
 * rows that stay, or an action in words ("Remain with …", "Move to new carrier"). Column headings are set flush
 * left in their cells, the marks centred under them; a heading may wrap in its narrow cell. Only the rows
 * marked to port are numbers to port; the rows kept or disconnected are numbers not to port. A line's type
 * in its own column ("Fax") is the row's value, no caption of a fax number. Names and numbers are made up.
 */

const BODY: TextStyle = { font: 'sans', size: 10 };
const HEAD: TextStyle = { font: 'sans-bold', size: 9 };

const NUMBERS = ['(541) 555-0110', '(541) 555-0147', '(541) 382-7716', '(541) 555-0182'];
const E164 = ['+15415550110', '+15415550147', '+15413827716', '+15415550182'];

interface Column {
  head: string;
  width: number;
  /** the cell of row i ('' leaves it blank; 'box' / 'box-x' draw a check box, empty or ticked) */
  cell: (i: number) => string;
}

async function loa(cols: Column[], legend = ''): Promise<ExtractedFields> {
  const p = new PageBuilder();
  p.text(48, 54, 'Cascade Cloud Voice', { font: 'sans-bold', size: 16 });
  p.textRight(564, 54, 'Letter of Authorization', { font: 'sans-bold', size: 12 });
  p.paragraph(
    48,
    84,
    516,
    'The customer named below authorizes Cascade Cloud Voice to transfer the telephone numbers marked below from Frontier Communications.',
    BODY,
  );
  const facts: [string, string][] = [
    ['Customer name:', 'Juniper Ridge Veterinary Clinic LLC'],
    ['Current carrier:', 'Frontier Communications'],
    ['Account number:', '541-382-7716-044'],
    ['Service address:', '2280 NE Division St, Bend, OR 97701'],
  ];
  facts.forEach(([k, v], i) => {
    p.text(48, 130 + i * 16, k, BODY);
    p.text(170, 130 + i * 16, v, BODY);
  });
  let y = 210;
  if (legend) {
    p.text(48, y, legend, BODY);
    y += 22;
  }
  // the heading row: each heading flush left in its cell, wrapped in a narrow cell
  let x = 48;
  let headLines = 1;
  for (const col of cols) {
    const words = col.head.split(' ');
    const lines: string[] = [];
    for (const w of words) {
      const last = lines.at(-1);
      if (last && textWidth(`${last} ${w}`, HEAD.font, HEAD.size) <= col.width - 8)
        lines[lines.length - 1] = `${last} ${w}`;
      else lines.push(w);
    }
    lines.forEach((l, k) => p.text(x + 4, y + k * 11, l, HEAD));
    headLines = Math.max(headLines, lines.length);
    x += col.width;
  }
  y += headLines * 11 + 8;
  NUMBERS.forEach((_, i) => {
    let cx = 48;
    for (const col of cols) {
      const v = col.cell(i);
      if (v === 'box' || v === 'box-x') {
        p.rect(cx + col.width / 2 - 5, y - 9, 10, 10, { stroke: true });
        if (v === 'box-x') p.text(cx + col.width / 2 - 3.5, y, 'X', { font: 'sans-bold', size: 9 });
      } else if (v && col.width <= 90) p.textCenter(cx + col.width / 2, y, v, BODY);
      else if (v) p.text(cx + 4, y, v, BODY);
      cx += col.width;
    }
    p.line(48, y + 5, cx, y + 5, 0.4);
    y += 20;
  });
  y += 30;
  p.text(48, y, 'Authorized signature:', BODY);
  p.text(200, y, 'Hannah Okafor', { font: 'serif-italic', size: 14 });
  p.text(400, y, 'Date: 03/14/2025', BODY);
  p.text(48, y + 24, 'Printed name:', BODY);
  p.text(200, y + 24, 'Hannah Okafor', BODY);
  p.text(400, y + 24, 'Title: Practice Manager', BODY);
  const pages = (await readDocument(await renderTextPdf({ pages: [p.build()] }), { name: 'loa.pdf' })).pages;
  return extractFields(pages, 'loa').fields;
}

const number: Column = { head: 'Telephone number', width: 140, cell: (i) => NUMBERS[i]! };
/** rows 1 and 3 stay */
const stays = (i: number) => i === 1 || i === 3;

describe("an LOA's numbers table marks per row whether the number moves", () => {
  it.each([
    ['Port', 'Keep'],
    ['Port', 'Do NOT port'],
    ['Move', 'Stay with Frontier'],
    ['Transfer', 'Keep with current carrier'],
  ])('an X under "%s" moves the row, under "%s" keeps it', async (port, keep) => {
    const f = await loa([
      number,
      { head: port, width: 70, cell: (i) => (stays(i) ? '' : 'X') },
      { head: keep, width: 90, cell: (i) => (stays(i) ? 'X' : '') },
      { head: 'Type', width: 90, cell: (i) => ['Main', 'Fax', 'Fax', 'Alarm'][i]! },
    ]);
    expect(f.phone_numbers?.value).toEqual([E164[0], E164[2]]);
    expect(f.numbers_not_to_port?.value).toEqual([E164[1], E164[3]]);
  });

  it('drawn boxes under "Port to Cascade Cloud Voice" (wrapped in its cell), "Keep" and "Disconnect"', async () => {
    const f = await loa([
      { head: 'Port to Cascade Cloud Voice', width: 70, cell: (i) => (stays(i) ? 'box' : 'box-x') },
      { head: 'Keep', width: 60, cell: (i) => (i === 1 ? 'box-x' : 'box') },
      { head: 'Disconnect', width: 70, cell: (i) => (i === 3 ? 'box-x' : 'box') },
      number,
    ]);
    expect(f.phone_numbers?.value).toEqual([E164[0], E164[2]]);
    expect(f.numbers_not_to_port?.value).toEqual([E164[1], E164[3]]);
  });

  it.each([
    ['Mark X beside each number to be ported. Numbers not marked stay with Frontier.', 'Port'],
    ['', 'Port?'],
    ['Tick the numbers to move.', 'Move to new carrier'],
  ])('one "%s" / "%s" column ticked on some rows: the blank rows stay', async (legend, port) => {
    const f = await loa(
      [
        number,
        { head: port, width: 80, cell: (i) => (stays(i) ? '' : 'X') },
        { head: 'Use', width: 80, cell: () => 'Voice' },
      ],
      legend,
    );
    expect(f.phone_numbers?.value).toEqual([E164[0], E164[2]]);
    expect(f.numbers_not_to_port?.value).toEqual([E164[1], E164[3]]);
  });

  it.each([
    ['Move to new carrier', 'Remain with Frontier Communications'],
    ['Port to Cascade Cloud Voice', 'Keep - do not port'],
    ['Port', 'Stays'],
  ])('an action in words: "%s" moves the row, "%s" keeps it', async (move, keep) => {
    const f = await loa([number, { head: 'Requested action', width: 220, cell: (i) => (stays(i) ? keep : move) }]);
    expect(f.phone_numbers?.value).toEqual([E164[0], E164[2]]);
    expect(f.numbers_not_to_port?.value).toEqual([E164[1], E164[3]]);
  });

  it('an X under a heading that says neither (a line feature) keeps every row to port', async () => {
    const f = await loa([
      number,
      { head: 'Hunt group', width: 70, cell: (i) => (stays(i) ? '' : 'X') },
      { head: 'Type', width: 90, cell: () => 'Voice' },
    ]);
    expect(f.phone_numbers?.value).toEqual(E164);
    expect(f.numbers_not_to_port?.value ?? []).toEqual([]);
  });
});
