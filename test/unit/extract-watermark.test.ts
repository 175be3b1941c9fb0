/**
 * A bill printed with a large faint watermark across it ("DUPLICATE", "COPY", the carrier's name) and a
 * "PAID" stamp turned a little over its summary, both in the text layer (documents/pdf.ts; the dev stand-in
 * inv-watermark, standin-ad.ts, imitates such copies): the watermark's glyphs, set at a slant or standing
 * alone at many times the page's type size, fall between the lines and would join them ("38 West
 * DUPLICATE"); they are no part of the page's text. A page whose text is level keeps all of it. The lines
 * below are ours; the pages are synthetic.
 */
import { describe, expect, it } from 'vitest';
import { readDocument } from '../../electron/core/documents/read.js';
import { extractFields } from '../../electron/core/extract/index.js';
import { PageBuilder, type TextStyle } from '../fixtures/generator/layout.js';
import { renderTextPdf } from '../fixtures/generator/pdf.js';
import { generateRandom } from '../fixtures/generator/random.js';

const BODY: TextStyle = { font: 'sans', size: 9 };
const ROWS: [string, string][] = [
  ['Account Number', '7731-0092-18'],
  ['Statement Date', 'March 4, 2026'],
  ['Customer', 'Larkspur Veterinary Partners'],
  ['Service Address', '4410 Quarry Bend Rd'],
  ['', 'Missoula, MT 59801'],
  ['Amount Due', '$212.40'],
];

/** The rows, with "VOID" across them one glyph at a time: turned 40 degrees, or upright stepped down. */
async function billWith(mark: 'turned' | 'stepped' | 'none') {
  const p = new PageBuilder();
  p.text(40, 40, 'Bitterroot Telephone Cooperative', { font: 'sans-bold', size: 14 });
  ROWS.forEach(([c, v], i) => {
    if (c) p.text(40, 80 + i * 13, c, BODY);
    p.text(160, 80 + i * 13, v, BODY);
  });
  if (mark !== 'none')
    [...'VOID'].forEach((ch, i) =>
      p.text(120 + i * 50, 150 - i * 40, ch, {
        font: 'sans-bold',
        size: 72,
        gray: 0.85,
        ...(mark === 'turned' ? { rotate: 40 } : {}),
      }),
    );
  const doc = await readDocument(await renderTextPdf({ pages: [p.build()] }), { name: 'bill.pdf' });
  return doc.pages;
}

describe('a watermark printed over a bill', () => {
  for (const mark of ['turned', 'stepped'] as const)
    it(`leaves the watermark's glyphs out of the page's words (${mark})`, async () => {
      const pages = await billWith(mark);
      expect(pages[0]!.words.map((w) => w.text)).not.toEqual(expect.arrayContaining(['V', 'O', 'I', 'D']));
      const f = extractFields(pages, 'invoice').fields;
      expect(f.service_address?.value.street_line).toBe('4410 Quarry Bend Rd');
      expect(f.account_name?.value).toBe('Larkspur Veterinary Partners');
    });

  it('keeps every word of a page without one', async () => {
    const words = (await billWith('none'))[0]!.words.map((w) => w.text);
    expect(words).toContain('Bitterroot');
    expect(words).toContain('59801');
  });

  it('reads the stand-in bills whose watermark crossed a value (text PDFs)', async () => {
    for (const seed of [43516, 43524, 43544, 43568]) {
      const fx = generateRandom(seed, { family: 'inv-watermark' });
      const doc = await readDocument(await renderTextPdf(fx.model), { name: `${fx.id}.pdf` });
      const f = extractFields(doc.pages, 'invoice').fields;
      expect(f.account_name?.value, `seed ${seed}`).toBe(fx.truth.account_name);
      expect(f.service_address?.value.street_line, `seed ${seed}`).toBe(fx.truth.service_address?.street_line);
    }
  });
});
