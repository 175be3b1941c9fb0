import { describe, expect, it } from 'vitest';
import { extractFields } from '../../electron/core/extract/index.js';
import { generateRandom } from '../fixtures/generator/random.js';
import { ocrWords, pageOfLines } from '../helpers/pages.js';

/*
 * Found on the fresh tune range with the review bench's missed_by_cause (an AUTH difference missed because
 * the CSR's person was not read) and on the dev set after this stop's merges:
 * - on a scanned grid of captions over their values, a tilted row can sit a point nearer the value above a
 *   caption than the value under it; the caption must still read down, as the page's other captions do
 *   (it took the phone number above it, and the name under it went to the heading below);
 * - a table's row cell "Virtual Fax" under its column heading names the line's use: the number is a line
 *   on the account, not a fax number to write back to.
 */
type W = [number, number, string, number, number];
describe('a scanned grid whose rows sit closer than its captions to their values', () => {
  // a heavy scan's words (dev port 16224 of the fresh tune range): the caption row is tilted 3 pt, the phone
  // number over it ends 6 pt above it, the name under it starts 7 pt below it
  const grid = (caption: W[], name: W[]) =>
    ocrWords([
      [55, 106, 'Account', 39, 7],
      [102, 106, 'Nr.', 15, 10],
      [58, 121, 'A773153529', 64, 11],
      [55, 139, 'Main', 23, 8],
      [84, 140, 'Tel.', 21, 8],
      [111, 141, '#', 8, 8],
      [56, 156, '8435550189', 66, 11],
      [311, 145, 'Dateof', 40, 6],
      [357, 145, 'Report', 36, 8],
      [314, 160, '03-31-2023', 67, 8],
      ...caption,
      ...name,
      [50, 217, 'Premises', 52, 10],
      [53, 236, 'Addr', 22, 9],
      [82, 238, 'Line', 24, 8],
      [110, 236, '1', 6, 9],
      [55, 262, '94S4', 26, 11],
      [89, 263, 'Stone,', 33, 8],
      [127, 263, 'Creek', 32, 11],
      [166, 265, '.Rd.', 21, 9],
      [243, 240, 'Suite', 30, 7],
      [276, 238, 'No.', 19, 9],
      [245, 266, 'Apt', 21, 10],
      [270, 265, '1321', 27, 11],
      [312, 240, 'City', 23, 7],
      [343, 240, 'N', 4, 7],
      [347, 241, 'ame', 17, 6],
      [316, 266, 'Myrtle', 40, 11],
      [360, 268, 'Beach', 34, 8],
      [433, 241, 'State', 27, 10],
      [434, 252, 'Ab', 10, 9],
      [444, 254, 'br.', 17, 8],
      [436, 267, 'SC', 12, 9],
      [483, 243, 'Post', 25, 7],
      [510, 243, 'Code', 23, 8],
      [485, 268, '29575-4143', 67, 9],
      [52, 281, 'Mail', 24, 9],
      [82, 284, 'To', 11, 5],
      [55, 299, '9454', 26, 8],
      [89, 296, 'Stone', 33, 9],
      [127, 297, 'Creek', 34, 11],
      [166, 299, 'Rd.,', 27, 9],
      [200, 298, 'Apt1321,', 58, 11],
      [55, 311, 'Myrtle', 38, 11],
      [100, 312, 'Beach,', 40, 10],
      [146, 313, 'SC', 15, 10],
      [167, 313, '29575-4143', 65, 11],
    ]);
  const captionAt = ([a, b]: [string, string]): W[] => [
    [53, 173, a, 56, 8],
    [117, 176, b, 35, 7],
  ];
  const nameAt = ([a, b]: [string, string]): W[] => [
    [56, 189, a, 33, 10],
    [97, 190, b, 52, 11],
  ];

  for (const [caption, name, want] of [
    [['Authorized', 'Person'], ['Mateo', "'Anderson"], 'Mateo Anderson'],
    [['Authorized', 'Signer'], ['Priya', 'Raman'], 'Priya Raman'],
    [['Account', 'Contact'], ['.Dana', 'Whitfield'], 'Dana Whitfield'],
  ] as [[string, string], [string, string], string][])
    it(`"${caption.join(' ')}" over "${name.join(' ')}" reads the person; the number over it stays the main line's`, () => {
      const f = extractFields(grid(captionAt(caption), nameAt(name)), 'csr').fields;
      expect(f.authorized_person?.value).toBe(want);
      expect(f.btn?.value).toBe('+18435550189');
    });
});

describe("a table row's use cell is no caption of its number", () => {
  const invoice = (use: string) =>
    pageOfLines([
      [40, 60, 'Invoice 2024-118   Account 7730021'],
      [40, 90, 'Ext   User / Device          Number            Plan'],
      [40, 108, '-     Main auto attendant    (512) 555-0130    Receptionist'],
      [40, 126, '101   Daniel Reyes           (512) 555-0131    Premium'],
      [40, 144, `-     ${use.padEnd(22)} (512) 555-0133    Add-on`],
    ]);
  // (a bare "Fax" cell is still read as a contact by the older contact-words rule: not this stop's)
  for (const use of ['Virtual Fax', 'Office Fax'])
    it(`"${use}" in the User / Device column: its number is a line on the account`, () => {
      const nums = extractFields(invoice(use), 'invoice').fields.phone_numbers?.value ?? [];
      expect(nums).toContain('+15125550133');
    });

  it("an account profile's sidebar is no table: its call-back number is no line (dev port csr-profile-9053)", () => {
    const g = generateRandom(9053, { standins: 40 });
    expect(g.family).toBe('csr-profile');
    const nums = extractFields(g.pages, 'csr').fields.phone_numbers?.value ?? [];
    expect(nums).toEqual(['+18435550197', '+18435968373']);
  });

  it('a fax caption left of a number outside any table still marks a number to write back to', () => {
    const page = pageOfLines([
      [40, 60, 'Main line: (512) 555-0130'],
      [40, 80, 'Fax: (512) 555-0199'],
    ]);
    const nums = extractFields(page, 'invoice').fields.phone_numbers?.value ?? [];
    expect(nums).toContain('+15125550130');
    expect(nums).not.toContain('+15125550199');
  });
});
