import { describe, expect, it } from 'vitest';
import { readDocument } from '../../electron/core/documents/read.js';
import { extractFields } from '../../electron/core/extract/index.js';
import { PageBuilder, type TextStyle } from '../fixtures/generator/layout.js';
import { renderTextPdf } from '../fixtures/generator/pdf.js';
import { readGenerated } from '../helpers/generated.js';
import { generateRandom } from '../fixtures/generator/random.js';

/*
 * A bill's "Billed to" caption over the business's name alone, the name too long for its card so its legal
 * form wraps onto a line of its own ("… Home Health Services," / "LLC"), a card's chevron at the far right:
 * the name is the whole business with its legal form, never nothing (inv-appshot dev seed 41978, and a
 * handmade card in other captions and faces).
 */

async function accountName(p: PageBuilder): Promise<string | undefined> {
  const pages = (await readDocument(await renderTextPdf({ pages: [p.build()] }), { name: 'bill.pdf' })).pages;
  return extractFields(pages, 'invoice').fields.account_name?.value;
}

describe('a billed party whose legal form wraps onto its own line', () => {
  it('reads the app bill of dev seed 41978 with its legal form', async () => {
    const { got } = await readGenerated(generateRandom(41978, { family: 'inv-appshot' }));
    expect(got.account_name?.value).toBe('Twin Oaks Home Health Services, LLC');
  });

  it.each([
    ['Billed to', 'Cobblestone Veterinary Associates,', 'P.C.', 'serif'],
    ['Billed to', 'Cobblestone Veterinary Associates,', 'PLLC', 'serif'],
    ['Invoiced to', 'Northgate Mechanical Contractors', 'Inc.', 'sans'],
    ['Billed to', 'Northgate Mechanical Contractors', 'Inc.', 'sans'],
  ] as const)('"%s" over "%s" / "%s"', async (caption, name, form, font) => {
    const p = new PageBuilder(300, 640);
    const small: TextStyle = { font, size: 8 };
    const big: TextStyle = { font, size: 13 };
    p.text(20, 40, 'Statement summary', { font, size: 15 });
    p.text(20, 90, 'Total due', small);
    p.text(20, 104, '$412.08', big);
    p.text(20, 150, caption, small);
    p.text(20, 166, name, big);
    p.text(20, 184, form, big);
    p.text(270, 184, '>', big);
    p.text(20, 220, 'Statement date', small);
    p.text(20, 234, '04/11/2025', big);
    expect(await accountName(p)).toBe(`${name} ${form}`);
  });
});
