import { createCanvas } from '@napi-rs/canvas';
import { PDFDocument, rgb, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { readDocument } from '../../electron/core/documents/read.js';
import { extractFields } from '../../electron/core/extract/index.js';
import { storedAndReadBack } from '../helpers/stored-pages.js';

/*
 * An LOA whose only signature is drawn (a vector path or a picture) reads as signed; the same LOA
 * with only the rule to sign on reads as unsigned.
 */
type Signing = 'path' | 'png' | 'underline';

async function loa(signing: Signing): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const page = pdf.addPage([612, 792]);
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  const text = (s: string, x: number, y: number, f = font, size = 10) =>
    page.drawText(s, { x, y: 792 - y, size, font: f });
  text('LETTER OF AGENCY', 72, 80, bold, 16);
  text('I authorize the porting of the telephone numbers below to the new carrier and confirm that I am', 72, 120);
  text('the account holder or am authorized to act for the account holder of the numbers listed here.', 72, 134);
  text('Business Name:', 72, 170, bold);
  text('Harbor Lane Bakery LLC', 170, 170);
  text('Authorized Name:', 72, 188, bold);
  text('Dana Whitfield', 170, 188);
  text('Account Number:', 72, 206, bold);
  text('88120-4471', 170, 206);
  text('Billing Telephone Number:', 72, 224, bold);
  text('(207) 555-0147', 210, 224);
  text('Service Address:', 72, 242, bold);
  text('18 Elm Ave, Portland, ME 04101', 170, 242);
  // the rule to sign on, with the caption under it and the date beside it
  page.drawLine({ start: { x: 72, y: 792 - 520 }, end: { x: 300, y: 792 - 520 }, thickness: 0.8, color: rgb(0, 0, 0) });
  text('Signature', 72, 532, bold);
  text('Date: 03/14/2025', 340, 532);
  if (signing === 'path') {
    page.drawSvgPath(
      'M 0 0 C 10 -22 22 -22 26 -6 C 30 12 40 12 48 -10 C 54 -24 64 -4 70 2 L 92 -14 C 100 -20 112 -4 130 -8',
      { x: 84, y: 792 - 508, borderColor: rgb(0.1, 0.1, 0.5), borderWidth: 1.4 },
    );
  } else if (signing === 'png') {
    const canvas = createCanvas(300, 80);
    const ctx = canvas.getContext('2d');
    ctx.strokeStyle = '#112';
    ctx.lineWidth = 4;
    ctx.beginPath();
    ctx.moveTo(10, 60);
    ctx.bezierCurveTo(60, -10, 90, 90, 140, 30);
    ctx.bezierCurveTo(180, -5, 220, 80, 290, 40);
    ctx.stroke();
    const png = await pdf.embedPng(canvas.toBuffer('image/png'));
    page.drawImage(png, { x: 80, y: 792 - 518, width: 150, height: 40 });
  }
  return pdf.save();
}

describe('signatures drawn on a text PDF', () => {
  it.each([
    ['path', true],
    ['png', true],
    ['underline', false],
  ] as const)('%s → signed %s', async (signing, signed) => {
    const read = await readDocument(await loa(signing));
    const page = read.pages[0]!;
    expect(page.method).toBe('text');
    if (signing === 'underline') expect(page.marks ?? []).toEqual([]);
    else {
      expect(page.marks).toHaveLength(1);
      // above the caption, inside the signing area
      const [x0, y0, x1, y1] = page.marks![0]!;
      expect(x0).toBeGreaterThanOrEqual(70);
      expect(x1).toBeLessThanOrEqual(240);
      expect(y0).toBeGreaterThan(470);
      expect(y1).toBeLessThan(522);
    }
    const fields = extractFields(read.pages, 'loa').fields;
    expect(fields.signature_present?.value).toBe(signed);
    expect(fields.authorized_person?.value).toBe('Dana Whitfield');
  });

  it('keeps the marks when the pages are stored and read back', async () => {
    const signed = (await readDocument(await loa('path'))).pages;
    const unsigned = (await readDocument(await loa('underline'))).pages;
    const back = await storedAndReadBack([...signed, { ...unsigned[0]!, page: 2 }]);
    expect(back[0]!.marks).toEqual(signed[0]!.marks);
    expect(back[1]!.marks).toBeUndefined();
    expect(back[1]!.words).toEqual(unsigned[0]!.words);
    expect(extractFields(back.slice(0, 1), 'loa').fields.signature_present?.value).toBe(true);
  });
});
