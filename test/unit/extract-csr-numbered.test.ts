import { describe, expect, it } from 'vitest';
import { readDocument } from '../../electron/core/documents/read.js';
import { withoutBoxNumbers } from '../../electron/core/extract/csr-numbered.js';
import { extractFields } from '../../electron/core/extract/index.js';
import type { ExtractedFields, PageText } from '../../shared/domain/document.js';
import { PageBuilder } from '../fixtures/generator/layout.js';
import { renderTextPdf } from '../fixtures/generator/pdf.js';
import { BOX_VALUE, boxes } from '../helpers/boxed-form.js';

/*
 * A form of NUMBERED boxes (csr-handoff, standin-aa.ts): each caption opens on its box's number, small at the
 * top of a ruled box, the value typed under it. The numbering styles and captions here are not the stand-in's.
 */

const VAL = BOX_VALUE;

async function read(p: PageBuilder): Promise<{ got: ExtractedFields; pages: PageText[] }> {
  const pages = (await readDocument(await renderTextPdf({ pages: [p.build()] }), { name: 'form.pdf' })).pages;
  return { got: extractFields(pages, 'csr').fields, pages };
}

const v = <T>(f: { value: T } | undefined) => f?.value;

describe("a form's numbered boxes are read by their captions", () => {
  for (const [style, num] of [
    ['"7)"', (n: number) => `${n})`],
    ['"(7)"', (n: number) => `(${n})`],
    ['"7."', (n: number) => `${n}.`],
  ] as const) {
    it(`numbers written ${style}: the name, the street (not "CITY"), the person and the PIN`, async () => {
      const p = new PageBuilder();
      p.text(40, 40, 'Great Plains Telephone - Porting Center', { font: 'sans-bold', size: 12 });
      p.text(40, 58, 'SUBSCRIBER RECORD REPLY', { font: 'sans-bold', size: 11 });
      boxes(p, 70, [
        [
          [`${num(1)} SUBSCRIBER NAME`, 'Prairie Wind Insurance Agency Inc'],
          [`${num(2)} ACCOUNT NO.`, '7781 0034 22'],
        ],
        [
          [`${num(3)} STREET ADDRESS`, '4410 Cottonwood Dr'],
          [`${num(4)} ROOM/SUITE`, 'Ste 200'],
        ],
        [
          [`${num(5)} CITY`, 'Salina'],
          [`${num(6)} STATE`, 'KS'],
          [`${num(7)} ZIP`, '67401'],
        ],
        [
          [`${num(8)} AUTHORIZED NAME`, 'Wendell Price'],
          [`${num(9)} PIN`, '662910'],
        ],
        [[`${num(10)} LINES ON ACCOUNT`, '785-555-0140, 785-555-0141']],
      ]);
      const { got } = await read(p);
      expect(v(got.account_name)).toBe('Prairie Wind Insurance Agency Inc');
      expect(v(got.account_number)).toBe('7781 0034 22');
      expect(v(got.service_address)?.street_line).toBe('4410 Cottonwood Dr');
      expect(v(got.service_address)?.city).toBe('Salina');
      expect(v(got.authorized_person)).toBe('Wendell Price');
      expect(v(got.pin)).toBe('662910');
      expect(v(got.phone_numbers)).toEqual(['+17855550140', '+17855550141']);
    });
  }

  for (const caption of ['7. DATE COMPLETED', '7. RESPONSE DATE'])
    it(`a response dated in its own box ("${caption}") over a request date and a stamp: that is the document date`, async () => {
      const p = new PageBuilder();
      p.text(40, 40, 'Great Plains Telephone - Porting Center', { font: 'sans-bold', size: 12 });
      p.text(430, 36, 'RECEIVED', { font: 'sans-bold', size: 13, gray: 0.35 });
      p.text(430, 50, 'MAR 02 2026', { font: 'mono-bold', size: 10, gray: 0.35 });
      boxes(p, 70, [
        [
          ['1. REQUESTED BY', 'Ridgeline Fiber'],
          ['2. DATE OF REQUEST', '03/01/2026'],
        ],
        [
          ['3. SUBSCRIBER NAME', 'Prairie Wind Insurance Agency Inc'],
          ['4. ACCOUNT NO.', '7781 0034 22'],
        ],
        [['5. SERVICE ADDRESS', '4410 Cottonwood Dr', 'Salina, KS 67401']],
        [
          ['6. PREPARED BY', 'Dana Whitfield'],
          [caption, '03/04/2026'],
        ],
      ]);
      const { got } = await read(p);
      expect(v(got.document_date)).toBe('2026-03-04');
      expect(v(got.account_name)).toBe('Prairie Wind Insurance Agency Inc');
    });
});

describe('numbers that are no box numbers stay', () => {
  it('a numbered list of lines and a street number are left as printed', async () => {
    const p = new PageBuilder();
    p.text(40, 40, 'Customer Service Record', { font: 'sans-bold', size: 12 });
    p.text(40, 60, 'Customer name: Keystone Storage Centers LLC', VAL);
    p.text(40, 72, 'Service address: 12 State St, Lincoln, NE 68508', VAL);
    p.text(40, 90, 'Lines:', VAL);
    ['1. 402-555-0101', '2. 402-555-0102', '3. 402-555-0103', '4. 402-555-0104'].forEach((t, i) =>
      p.text(52, 102 + i * 12, t, VAL),
    );
    const { got, pages } = await read(p);
    expect(withoutBoxNumbers(pages)).toBeNull();
    expect(v(got.phone_numbers)).toEqual(['+14025550101', '+14025550102', '+14025550103', '+14025550104']);
    expect(v(got.service_address)?.street_line).toBe('12 State St');
  });
});
