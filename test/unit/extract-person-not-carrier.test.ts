import { describe, expect, it } from 'vitest';
import { readDocument } from '../../electron/core/documents/read.js';
import { extractFields } from '../../electron/core/extract/index.js';
import type { ExtractedFields } from '../../shared/domain/document.js';
import { PageBuilder, type TextStyle } from '../fixtures/generator/layout.js';
import { renderTextPdf } from '../fixtures/generator/pdf.js';

/*
 * An LOA's sentences name carriers: the gaining carrier its letterhead prints ("Meridian Cloud Voice is
 * authorized to move the numbers listed here") and the losing one ("currently served by Ziply Fiber").
 * Neither is the person who signs: the authorized person is the one the form or signature block names.
 */

const SANS: TextStyle = { font: 'sans', size: 9 };
const HEAD: TextStyle = { font: 'sans-bold', size: 15 };

async function readLoa(issuer: string, losing: string, contactCaption: string): Promise<ExtractedFields> {
  const p = new PageBuilder();
  p.text(40, 41, issuer, HEAD);
  p.text(205, 77, 'Authorization to Transfer Service', { font: 'sans-bold', size: 12 });
  const rows: [string, string, string, string][] = [
    ['Company', 'Granite Peak Marine Supply Corp.', 'Current Vendor', losing],
    [contactCaption, 'Thomas Tanaka', 'Account Number', '9994 69 174 6101885'],
    ['Position', 'Office Manager', 'PIN / Passcode', '34532626'],
    ['Service Address', '5438 SW Commerce Ter', 'Main Listed Number', '406-555-0131'],
    ['', 'Billings, MT 59111', 'Full or Partial', 'FULL'],
  ];
  rows.forEach(([a, b, c, d], i) => {
    const y = 133 + i * 17;
    if (a) p.text(40, y, a, SANS);
    p.text(146, y, b, SANS);
    p.text(315, y, c, SANS);
    p.text(415, y, d, SANS);
  });
  p.text(
    40,
    240,
    `${issuer} is authorized to move the 2 telephone numbers listed here, currently served by ${losing}:`,
    SANS,
  );
  p.text(40, 253, '406-555-0131 and 406-506-2775', SANS);
  p.text(40, 275, `By signing, the customer authorizes ${issuer} to act as its agent to request the transfer.`, SANS);
  p.text(50, 320, 'Thomas Tanaka', { font: 'serif-italic', size: 13 });
  p.text(319, 320, '02-12-2025', SANS);
  p.text(40, 335, 'X (signature)', SANS);
  p.text(315, 335, "Today's Date", SANS);
  const read = await readDocument(await renderTextPdf({ pages: [p.build()] }), { name: 'loa.pdf' });
  return extractFields(read.pages, 'loa').fields;
}

describe('a carrier named in an LOA sentence is never the authorized person', () => {
  const cases: [issuer: string, losing: string, caption: string][] = [
    ['Meridian Cloud Voice', 'Optimum Business', 'Account Contact __'],
    ['Clearline Communications', 'Ziply Fiber', 'Name of Person Signing'],
    ['Harborview Voice Networks', 'Brightspeed', 'Signer on File'],
  ];
  for (const [issuer, losing, caption] of cases)
    it(`"${issuer} is authorized to move …, currently served by ${losing}" → the signer, not a carrier`, async () => {
      const got = await readLoa(issuer, losing, caption);
      expect(got.authorized_person?.value).not.toBe(issuer);
      expect(got.authorized_person?.value).not.toBe(losing);
      expect(got.authorized_person?.value).toBe('Thomas Tanaka');
    });
});
