import { describe, expect, it } from 'vitest';
import { extractFields } from '../../electron/core/extract/index.js';
import { pageOf, type TextLine } from '../fixtures/generator/handmade.js';
import type { PageText } from '../../shared/domain/document.js';
import { ocrWords } from '../helpers/pages.js';

/*
 * Rows and sentences that read as one caption where they are two, or as two where they are one:
 * - a key/value row whose caption ends in "Name" over the signer's row ("Brand Name" | Twin Oaks Express
 *   over "Authorized Rep." | Karen Delgado) is two rows, not one caption wrapped: a caption wraps in the
 *   order its words are read, and no wording of the signer reads "Name … Authorized";
 * - a sentence keeping a number ("Do not move 608-445-5512.") captions the number it holds, never the
 *   numbers to port on the line above it;
 * - a sentence's caption broken at the paragraph's line end ("… The billing" / "telephone number is
 *   5059636960.") is the BTN's, and the BTN is no number to port.
 */

const loa = (lines: TextLine[]) => extractFields([pageOf(lines)], 'loa').fields;

function grid(upper: string, lower: string): TextLine[] {
  return [
    [48, 40, 'Meridian Cloud Voice Letter of Agency (LOA)', { font: 'sans-bold', size: 13 }],
    [48, 91, 'Company / Business'],
    [143, 91, 'Palmetto Animal Clinic Incorporated'],
    [400, 91, 'Current Vendor'],
    [480, 91, 'TDS Telecom'],
    [48, 106, upper],
    [143, 106, 'Twin Oaks Express'],
    [400, 106, 'Acct ID'],
    [480, 106, '348539071'],
    [48, 121, lower],
    [143, 121, 'Karen Delgado'],
    [400, 121, 'Main Tel. #'],
    [480, 121, '859 555 0190'],
    [48, 137, 'Designation'],
    [143, 137, 'CFO'],
    [48, 152, 'Service Site'],
    [143, 152, '65 Washington Pkwy, Lexington, KY 40503-8879'],
  ];
}

describe('a caption ending in "Name" over the signer’s row is a row of its own', () => {
  for (const upper of ['Brand Name', 'Store Name', 'Location Name'])
    for (const lower of ['Authorized Rep.', 'Authorized Signer', 'Authorizing Official'])
      it(`${upper} over ${lower}`, () => {
        const f = loa(grid(upper, lower));
        expect(f.authorized_person?.value).toBe('Karen Delgado');
        expect(f.account_name?.value).toBe('Palmetto Animal Clinic Incorporated');
      });

  it('a caption that does wrap in reading order is still one caption ("Authorized" over "Signer Name")', () => {
    const lines: TextLine[] = [
      [48, 91, 'Company Name'],
      [143, 91, 'Palmetto Animal Clinic Inc.'],
      [48, 106, 'Authorized'],
      [143, 106, 'Karen Delgado'],
      [48, 118, 'Signer Name'],
      [48, 140, 'Title'],
      [143, 140, 'CFO'],
    ];
    expect(loa(lines).authorized_person?.value).toBe('Karen Delgado');
  });
});

function letter(portLine: string, keepLine: string): TextLine[] {
  return [
    [72, 60, '4 Jan 2027'],
    [72, 90, 'Subject: Number transfer'],
    [72, 110, 'Dear Sir or Madam,'],
    [72, 130, 'Northgate Home Health Services Inc (the "Customer"), through its Operations Manager'],
    [72, 143, 'Siobhan Abernathy, appoints Telnyx as its agent for the transfer of the telephone numbers'],
    [72, 156, 'below. For your reference, our existing Brightspeed account is 6084455512751. Our'],
    [72, 169, 'billing number there is 608-555-0157. Our port-out passcode is 5288.'],
    [72, 182, 'The lines serve our office at 386 Washington Rd, Madison, WI 53718. We ask you to port'],
    [72, 195, portLine],
    [72, 208, keepLine],
    [72, 240, 'Respectfully,'],
    [72, 270, 'Siobhan Abernathy'],
    [72, 283, 'Operations Manager'],
  ];
}

describe('a sentence keeping a number captions that number only', () => {
  for (const keep of ['Do not move 608-445-5512.', 'Do not port 608-445-5512.', 'Please do not transfer 608-445-5512.'])
    it(keep, () => {
      const f = loa(letter('608-333-3267, 608-569-2495 and 608-983-5500 - 5502.', keep));
      expect(f.phone_numbers?.value).toEqual([
        '+16083333267',
        '+16085692495',
        '+16089835500',
        '+16089835501',
        '+16089835502',
      ]);
      expect(f.numbers_not_to_port?.value).toEqual(['+16084455512']);
    });
});

function billed(lineEnd: string, lineStart: string): TextLine[] {
  return [
    [72, 60, 'May 22, 2026'],
    [72, 80, 'PortDesk Voice LLC'],
    [72, 110, 'Dear Sir or Madam,'],
    [72, 130, 'On behalf of Timberline Print and Sign Corp., I, James Washington, CFO, give PortDesk Voice'],
    [72, 143, 'LLC permission to act as our agent in moving our telephone numbers to their service.'],
    [72, 156, `We are currently billed by Bluegrass Fiber under account # 6212 94 620 8974863. ${lineEnd}`],
    [72, 169, `${lineStart} 5059636960.`],
    [72, 182, 'These lines are installed at our premises at 8782 Oak Avenue in Santa Fe, NM 87508-4969. The'],
    [72, 195, 'numbers to port are 5055550132 and 5055550187.'],
    [72, 230, 'Respectfully,'],
    [72, 260, 'James Washington'],
  ];
}

describe('a caption broken at a sentence’s line end is read whole', () => {
  for (const [end, start] of [
    ['The billing', 'telephone number is'],
    ['The main', 'telephone number is'],
    ['Our billing', 'telephone number is'],
  ] as [string, string][])
    it(`"${end}" / "${start}"`, () => {
      const f = loa(billed(end, start));
      expect(f.btn?.value).toBe('+15059636960');
      expect(f.btn?.confidence).toBeGreaterThanOrEqual(0.75);
      expect(f.phone_numbers?.value).toEqual(['+15055550132', '+15055550187']);
    });

  it('a line ending a sentence qualifies nothing on the next ("… 8974863." / "Telephone numbers: …")', () => {
    const lines = billed('', 'Telephone numbers to port: 5055550199 and');
    expect(loa(lines).phone_numbers?.value).toContain('+15055550199');
  });
});

/** An invoice scan's words as OCR read them (dev port 25898, bad scans): [text, x0, y0, x1, y1, confidence]. */
const SCANNED_INVOICE: [string, number, number, number, number, number][] = [
  ['Spectrum', 53, 35.9, 113.4, 50.2, 0.93],
  ["'Busin", 115.6, 37.2, 154.3, 51.3, 0.67],
  ['ess', 154.3, 39.7, 175.6, 52.1, 0.67],
  ['INVOICE|', 531.7, 46.2, 569.3, 55.3, 0.93],
  ['spectrum.net', 53.6, 57.4, 83.7, 63.3, 0.61],
  ['855', 87.5, 56.2, 96.9, 61.1, 0.87],
  ['299', 95.9, 56.4, 104.6, 63, 0.61],
  ['9353', 108.3, 57, 120.8, 64.1, 0.71],
  ['NAM', 53.8, 82.7, 65.4, 88.6, 0.81],
  ['E,', 68, 80.8, 77.1, 87.2, 0.81],
  ['CUSTOMER:', 79.2, 80.6, 119.2, 89.7, 0.92],
  ['S', 128.5, 83.3, 131.7, 87.8, 0.58],
  ['andhill', 133.3, 81.4, 155.4, 88.6, 0.58],
  ['Construction', 155.9, 84.2, 195.7, 89.4, 0.75],
  ['L.L.C.', 130.3, 90.4, 149.1, 99.2, 0.57],
  ['CUSTOMER', 53.5, 103.1, 91.9, 109.3, 0.59],
  ['ACCT', 93.6, 103, 112.9, 108, 0.93],
  ['NO:', 51.2, 111, 63.9, 116, 0.68],
  ['7035', 130.1, 103.5, 143.2, 110.8, 0.87],
  ['04', 145.5, 102.9, 155.3, 111.1, 0.7],
  ['597', 155.8, 102, 166.8, 111.5, 0.66],
  ['60281', 170.3, 104.3, 186.4, 111.2, 0.68],
  ['24', 188, 105.1, 195.2, 110.8, 0.68],
  ['BILLNO.:', 225.2, 84.8, 258, 90.5, 0.66],
  ['368011', 302.8, 83.9, 325.5, 91, 0.63],
  ['.STATEMENT', 223.9, 95, 267.4, 102.9, 0.7],
  ['DT:', 269.9, 97.6, 281.4, 102.3, 0.73],
  ['01-03-', 302.8, 96.2, 322.4, 102.9, 0.85],
  ['2025', 323.3, 97.7, 335.7, 104.1, 0.85],
  ['PAY', 396.1, 84.8, 410.8, 93.5, 0.87],
  ['BY:', 410.8, 86.6, 422, 93.9, 0.63],
  ['1/6/2025', 473.2, 87.6, 499, 95.1, 0.59],
  ['WHERE', 397, 97.4, 421.4, 105.2, 0.94],
  ['SERVICE', 425.9, 99.9, 455.9, 105.7, 0.62],
  ['IS', 456.5, 100, 465.2, 105.3, 0.56],
  ['LOCATED:', 395, 105.7, 433, 115.3, 0.62],
  ['18321', 474.2, 99.4, 490.8, 105.6, 0.89],
  ['W', 492.9, 99.3, 501.6, 107.2, 0.7],
  ['Ridge', 502.2, 99.6, 520.3, 108.1, 0.69],
  ['Ct', 523.3, 99.8, 529, 106.5, 0.67],
  ['Palm', 472.7, 108.4, 489, 115.6, 0.76],
  ['Beach', 489.6, 106.6, 507.8, 114.2, 0.68],
  ['Gardens,', 512.5, 109.3, 538.8, 115.7, 0.72],
  ['FL', 540.7, 109.2, 548.3, 114.3, 0.58],
  ['33418-3666', 472, 116.2, 509.5, 124.2, 0.91],
  ['MONTHLY', 50.6, 139.6, 88, 146.7, 0.81],
  ['S', 91.1, 137.7, 94.3, 145.9, 0.68],
  ['ERVICE', 96.2, 139.1, 120.3, 146.8, 0.68],
  ['CHARGES', 122.5, 140.3, 157.1, 145.6, 0.79],
  ['Number', 55.1, 154.2, 80.9, 160.7, 0.8],
  ['Description', 236.6, 154.3, 270.9, 163.7, 0.6],
  ['Amount', 533, 160.9, 556.7, 165.7, 0.56],
  ['561', 54, 165.5, 65.7, 171.4, 0.9],
  ['555', 68.7, 166.2, 78.4, 172.1, 0.81],
  ['0185', 82.8, 166.9, 97.3, 174, 0.75],
  ['Hunted', 234.7, 168.9, 258.1, 176.2, 0.92],
  ['Line', 260.4, 167.6, 272.6, 174.5, 0.74],
  ['$23.40', 535.7, 173.3, 556.5, 180, 0.77],
  ['561441', 55.5, 176.1, 78.7, 184.2, 0.62],
  ['S699', 80.3, 176.3, 96.9, 185.7, 0.59],
  ['SIP', 234.8, 178.8, 246.5, 187.1, 0.73],
  ['Trunk', 246.9, 181.3, 264.2, 188.2, 0.91],
  ['DID', 266.5, 179.8, 280.8, 187.7, 0.84],
  ['$47.49', 535.7, 183.3, 556.5, 192.3, 0.67],
];
const scanned = (words: typeof SCANNED_INVOICE): PageText[] => [
  {
    page: 1,
    width: 612,
    height: 792,
    method: 'ocr',
    words: words.map(([text, x0, y0, x1, y1, conf]) => ({ text, bbox: [x0, y0, x1, y1], conf })),
  },
];

describe('a ZIP wrapped under its city and state is no account number', () => {
  // the caption "CUSTOMER ACCT" / "NO:" wrapped, its number beside the first line, and the service
  // address's ZIP+4 alone on the line under "Palm Beach Gardens, FL", right of the caption's second line
  it('the account number is the one beside the caption', () => {
    const f = extractFields(scanned(SCANNED_INVOICE), 'invoice').fields;
    expect(f.account_number?.value).not.toBe('33418-3666');
    expect(f.account_number?.value.replace(/\D/g, '')).toMatch(/^703504/);
    expect(f.service_address?.value.zip5).toBe('33418');
  });
  it('a ZIP-shaped account number under a caption of its own is still read', () => {
    const f = extractFields(
      ocrWords([
        [50, 100, 'Account', 40, 9],
        [94, 100, 'No:', 18, 9],
        [130, 100, '33418-3666', 50, 9],
        [50, 130, 'Tampa, FL 33602', 80, 9],
      ]),
      'invoice',
    ).fields;
    expect(f.account_number?.value).toBe('33418-3666');
  });
});
