import { describe, expect, it } from 'vitest';
import { extractFields } from '../../electron/core/extract/index.js';
import type { DocumentKind } from '../../shared/domain/document.js';
import { pageOf, type TextLine } from '../fixtures/generator/handmade.js';

/*
 * The numbers on the account: reference numbers that look like phone numbers are not lines, and
 * a range wrapped inside a table cell is still read whole. Synthetic pages, several wordings.
 */

const read = (kind: DocumentKind, lines: TextLine[]) => extractFields([pageOf(lines)], kind).fields;

/** An invoice header with one reference number beside its label, then a list of lines. */
function invoiceWith(refLabel: string, refValue: string): TextLine[] {
  return [
    [60, 60, 'Lakeshore Telecom'],
    [60, 90, 'Account Number:'],
    [200, 90, '8841-2290-117'],
    [60, 104, refLabel],
    [200, 104, refValue],
    [60, 118, 'Statement Date:'],
    [200, 118, '03/14/2025'],
    [60, 150, 'Charges by Line'],
    [60, 166, 'Line'],
    [250, 166, 'Description'],
    [450, 166, 'Amount'],
    [60, 180, '312-555-0147'],
    [250, 180, 'Business Line'],
    [450, 180, '$42.10'],
    [60, 194, '312-555-0180'],
    [250, 194, 'Fax Line'],
    [450, 194, '$18.00'],
  ];
}

describe('reference numbers that look like phone numbers', () => {
  it.each([
    ['Invoice No.:', '3856802467'],
    ['INVOICE #', '5732445545'],
    ['Bill Number', '3108873679'],
    ['Document No.:', 'INV2797021220'],
    ['Order Number:', '7735550199'],
    ['Statement Number', 'S728134966'],
  ])('"%s %s" is not a line on the account', (label, value) => {
    const f = read('invoice', invoiceWith(label, value));
    expect(f.phone_numbers?.value).toEqual(['+13125550147', '+13125550180']);
  });

  it('drops the invoice number printed again on the payment stub', () => {
    const f = read('invoice', [
      ...invoiceWith('Invoice #', '5732445545'),
      [60, 240, 'Please remit to:'],
      [60, 254, 'Lakeshore Telecom, PO Box 4411, Dallas, TX 75201'],
      [60, 268, '5732445545  $60.10'],
    ]);
    expect(f.phone_numbers?.value).toEqual(['+13125550147', '+13125550180']);
  });

  it('still reads a line glued to no letters and a bare ten-digit line number', () => {
    const f = read('invoice', [
      [60, 60, 'Lakeshore Telecom'],
      [60, 90, 'Account Number:'],
      [200, 90, '8841-2290-117'],
      [60, 150, 'Line'],
      [250, 150, 'Description'],
      [60, 164, '3125550147'],
      [250, 164, 'Business Line'],
      [60, 178, '(312) 555-0180'],
      [250, 178, 'Hunted Line'],
    ]);
    expect(f.phone_numbers?.value).toEqual(['+13125550147', '+13125550180']);
  });
});

describe('a range wrapped inside a table cell', () => {
  it.each([
    ['1-561-898-1550 through', '1-561-898-1554'],
    ['(559) 351-3020 through (559)', '351-3024'],
    ['561-898-1550 to', '561-898-1554'],
    ['561-898-1550 -', '1554'],
  ])('"%s" / "%s" gives every number of the range', (top, bottom) => {
    const f = read('loa', [
      [60, 60, 'Letter of Authorization'],
      [60, 90, 'Account Holder Name'],
      [60, 104, 'Twin Oaks Insurance Agency Co.'],
      [60, 140, 'Telephone Numbers to Port'],
      [60, 156, '1'],
      [220, 156, '2'],
      [380, 156, '3'],
      [60, 170, '561-555-0161'],
      [220, 170, '561-555-0167'],
      [380, 170, top],
      [380, 182, bottom],
      [60, 220, 'The undersigned authorizes the gaining carrier to port the numbers above.'],
    ]);
    const last4 = Number(bottom.slice(-4));
    const first = top.includes('351-3020') ? ['+15593513020'] : ['+15618981550'];
    const base = first[0]!.slice(0, -4);
    const start = Number(first[0]!.slice(-4));
    const range = Array.from({ length: last4 - start + 1 }, (_, i) => `${base}${String(start + i).padStart(4, '0')}`);
    expect(f.phone_numbers?.value).toEqual(['+15615550161', '+15615550167', ...range]);
  });

  it.each(['through', 'to', 'thru', '-'])('reads a range whose word "%s" stands on a line of its own', (word) => {
    for (const grid of [true, false]) {
      const rows: TextLine[] = [
        [60, 60, 'Letter of Authorization'],
        [60, 140, 'Telephone Numbers to Port'],
        [60, 170, '605-555-0150'],
        [60, 184, '605-555-0195'],
        [60, 198, '605-765-5700'],
        [60, 210, word],
        [60, 222, '605-765-5703'],
        [60, 260, 'The undersigned authorizes the gaining carrier to port the numbers above.'],
      ];
      if (grid) rows.push([260, 170, '605-699-8407'], [260, 184, '605-555-0123'], [260, 198, '605-555-0136']);
      const f = read('loa', rows);
      expect(new Set(f.phone_numbers?.value)).toEqual(
        new Set([
          '+16055550150',
          '+16055550195',
          '+16057655700',
          '+16057655701',
          '+16057655702',
          '+16057655703',
          ...(grid ? ['+16056998407', '+16055550123', '+16055550136'] : []),
        ]),
      );
    }
  });

  it('does not borrow the number below a cell that closes its own range', () => {
    const f = read('loa', [
      [60, 60, 'Letter of Authorization'],
      [60, 140, 'Telephone Numbers to Port'],
      [60, 170, '561-555-0161'],
      [220, 170, '561-898-1550 - 1552'],
      [220, 182, '561-555-0190'],
      [60, 220, 'The undersigned authorizes the gaining carrier to port the numbers above.'],
    ]);
    expect(f.phone_numbers?.value).toEqual([
      '+15615550161',
      '+15618981550',
      '+15618981551',
      '+15618981552',
      '+15615550190',
    ]);
  });
});

describe('a not-to-port heading cut at the column edge of the list under it (text layer)', () => {
  it.each([
    ['Do', 'NOT Port These Numbers:'],
    ['Do', 'Not Port:'],
    ['Do', 'NOT Transfer:'],
  ])('"%s" + "%s" keeps its numbers off the port list', (head, rest) => {
    // the list's column starts a word space after the heading's first word
    const x = 48 + 16;
    const f = read('loa', [
      [48, 60, 'Port Request Authorization'],
      [48, 90, 'Account #'],
      [160, 90, '5277264050419'],
      [48, 120, 'Numbers to be Ported:'],
      [x, 134, '701 555 0112'],
      [x, 148, '701 555 0125'],
      [x, 162, '701 555 0186'],
      [48, 176, head],
      [x, 176, rest],
      [x, 190, '701 555 0118, 701 388 0068'],
      [48, 220, 'I authorize the gaining carrier to act as my agent to port the numbers above.'],
    ]);
    expect(f.phone_numbers?.value).toEqual(['+17015550112', '+17015550125', '+17015550186']);
    expect(f.numbers_not_to_port?.value).toEqual(['+17015550118', '+17013880068']);
  });
});
