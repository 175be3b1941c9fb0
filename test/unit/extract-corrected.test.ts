/**
 * A typed LOA the customer corrected by hand before signing (documents/drawing.ts, extract/initials.ts; the
 * dev stand-in loa-corrected, standin-ae.ts, imitates such forms): a typed value struck through by a drawn
 * line stays in the text layer but is no value; the right one is written beside it, or just above it (the
 * ZIP of a ZIP+4 alone struck, its correction above), and the signer's initials after a value are no part
 * of it. An underline or a fill-in line under a value strikes nothing. The lines below are ours; the pages
 * are synthetic.
 */
import { describe, expect, it } from 'vitest';
import { readDocument } from '../../electron/core/documents/read.js';
import { extractFields } from '../../electron/core/extract/index.js';
import { PageBuilder, textWidth, type TextStyle } from '../fixtures/generator/layout.js';
import { renderTextPdf } from '../fixtures/generator/pdf.js';
import { generateRandom } from '../fixtures/generator/random.js';

const BODY: TextStyle = { font: 'sans', size: 10 };
const HAND: TextStyle = { font: 'hand', size: 13, gray: 0.15 };

/** An LOA whose account number and ZIP are typed wrong and corrected: struck (or only underlined). */
async function formWith(mark: 'struck' | 'underlined') {
  const p = new PageBuilder();
  p.text(50, 50, 'Letter of Authorization', { font: 'sans-bold', size: 14 });
  const rows: [string, string][] = [
    ['Customer Name:', 'Larkspur Veterinary Partners'],
    ['Account Number:', '55012-334'],
    ['Service Address:', '4410 Quarry Bend Rd'],
    ['', 'Missoula, MT 59810-2231'],
    ['Authorized Signer:', 'Jane Doe'],
    ['Date Signed:', 'March 4, 2026'],
  ];
  rows.forEach(([c, v], i) => {
    const y = 100 + i * 26;
    if (c) p.text(50, y, c, BODY);
    const end = p.text(170, y, v, BODY);
    p.line(168, y + 3, 420, y + 3, 0.4, 0.4);
    if (v === '55012-334') {
      if (mark === 'struck') p.line(168, y - 3.3, end + 2, y - 3.3, 1, 0.15);
      const e = p.text(end + 10, y, '55012-343', HAND);
      p.text(e + 8, y, 'JD', { ...HAND, size: 11 });
    }
    if (v.startsWith('Missoula')) {
      const zx = 170 + textWidth('Missoula, MT ', BODY.font, BODY.size);
      if (mark === 'struck')
        p.rect(zx - 2, y - 3.8, textWidth('59810', BODY.font, BODY.size) + 4, 1, { stroke: false, fill: 0.15 });
      p.text(zx, y - 12, '59801', HAND);
    }
  });
  const doc = await readDocument(await renderTextPdf({ pages: [p.build()] }), { name: 'loa.pdf' });
  return doc.pages;
}

describe('a typed LOA corrected by hand', () => {
  it('reads the corrections, not the struck values, and leaves the initials out', async () => {
    const pages = await formWith('struck');
    const words = pages[0]!.words.map((w) => w.text);
    expect(words).not.toContain('55012-334');
    const f = extractFields(pages, 'loa').fields;
    expect(f.account_number?.value).toBe('55012-343');
    expect(f.service_address?.value.zip5).toBe('59801');
    expect(f.service_address?.value.zip4).toBe('2231');
    expect(f.authorized_person?.value).toBe('Jane Doe');
  });

  it('strikes nothing on a page whose lines run under the words', async () => {
    const words = (await formWith('underlined'))[0]!.words.map((w) => w.text);
    expect(words).toContain('55012-334');
    expect(words).toContain('59810-2231');
  });

  it('reads the stand-in forms corrected beside, above, and initialled (text PDFs)', async () => {
    for (const seed of [45001, 45002, 45003, 45004, 45028, 45042]) {
      const fx = generateRandom(seed, { family: 'loa-corrected' });
      const doc = await readDocument(await renderTextPdf(fx.model), { name: `${fx.id}.pdf` });
      const f = extractFields(doc.pages, 'loa').fields;
      expect(f.account_number?.value, `seed ${seed}`).toBe(fx.truth.account_number);
      expect(f.btn?.value, `seed ${seed}`).toBe(fx.truth.btn);
      expect(f.account_name?.value, `seed ${seed}`).toBe(fx.truth.account_name);
      expect(f.service_address?.value.street_line, `seed ${seed}`).toBe(fx.truth.service_address?.street_line);
      expect(f.service_address?.value.zip5, `seed ${seed}`).toBe(fx.truth.service_address?.zip5);
      if (fx.truth.pin) expect(f.pin?.value, `seed ${seed}`).toBe(fx.truth.pin);
    }
  });
});
