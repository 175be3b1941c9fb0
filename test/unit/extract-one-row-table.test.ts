import { describe, expect, it } from 'vitest';
import { readDocument } from '../../electron/core/documents/read.js';
import { extractFields } from '../../electron/core/extract/index.js';
import type { DocumentKind, ExtractedFields } from '../../shared/domain/document.js';
import { wrapText } from '../fixtures/generator/blocks.js';
import { PageBuilder, type TextStyle } from '../fixtures/generator/layout.js';
import { renderTextPdf } from '../fixtures/generator/pdf.js';
import { generateRandom } from '../fixtures/generator/random.js';

/*
 * The customer's facts as ONE wide table row under a header row whose captions wrap in narrow columns over
 * two or three lines ("Billing" / "Telephone" / "Number (BTN)"), the values wrapping too (loa-onerow,
 * standin-ab.ts); and a bill made out to a party printed with no address under it ("Billed to", inv-receipt).
 * The wordings, widths and fonts here are not the stand-ins'.
 */

async function read(p: PageBuilder, kind: DocumentKind): Promise<ExtractedFields> {
  const pages = (await readDocument(await renderTextPdf({ pages: [p.build()] }), { name: 'doc.pdf' })).pages;
  return extractFields(pages, kind).fields;
}

const v = <T>(f: { value: T } | undefined) => f?.value;

/** A header row over one row of values, each cell wrapped to its column's width; returns the y under it. */
function oneRow(p: PageBuilder, cols: [head: string, value: string, width: number][], y: number, st: TextStyle) {
  const head: TextStyle = { ...st, font: st.font === 'serif' ? 'serif-bold' : 'sans-bold' };
  const heads = cols.map(([h, , w]) => wrapText(h, w - 10, head));
  const vals = cols.map(([, val, w]) => wrapText(val, w - 10, st));
  const headH = Math.max(...heads.map((l) => l.length)) * st.size * 1.2 + 8;
  let x = 40;
  cols.forEach(([, , w], i) => {
    heads[i]!.forEach((l, k) => p.text(x + 5, y + st.size + 3 + k * st.size * 1.2, l, head));
    vals[i]!.forEach((l, k) => p.text(x + 5, y + headH + st.size + 4 + k * st.size * 1.25, l, st));
    x += w;
  });
  return y + headH + Math.max(...vals.map((l) => l.length)) * st.size * 1.25 + 20;
}

describe('one wide table row under captions wrapping over three lines', () => {
  it('reads every column under a three-line caption (sans 8)', async () => {
    const p = new PageBuilder();
    const st: TextStyle = { font: 'sans', size: 8 };
    p.text(40, 50, 'Letter of Agency', { font: 'sans-bold', size: 14 });
    p.paragraph(40, 75, 530, 'The customer below authorizes Northwind Voice to port the numbers listed.', st);
    const y = oneRow(
      p,
      [
        ['Name of Business', 'Alder Street Dental Group, PLLC', 90],
        ['Billing Telephone Number (BTN)', '(541) 882-3011', 66],
        ['Carrier Account Number', '551-208-3391-04', 80],
        ['Account PIN', '662019', 56],
        ['Service Address', '1180 Alder Street, Suite 4, Eugene, OR 97401', 130],
        ['Authorized Signer', 'Naomi Whitfield', 110],
      ],
      100,
      st,
    );
    p.text(40, y + 20, 'Numbers to port: (541) 882-3011, (541) 882-3012', st);
    const got = await read(p, 'loa');
    expect(v(got.account_number)).toBe('551-208-3391-04');
    expect(v(got.pin)).toBe('662019');
    expect(v(got.btn)).toBe('+15418823011');
    expect(v(got.service_address)).toMatchObject({ street_line: '1180 Alder Street', city: 'Eugene', zip5: '97401' });
  });

  it('reads the same in serif with other captions ("Existing Carrier Acct. No.", "Port-Out Passcode")', async () => {
    const p = new PageBuilder();
    const st: TextStyle = { font: 'serif', size: 8.5 };
    p.text(40, 50, 'PORT AUTHORIZATION', { font: 'serif-bold', size: 14 });
    oneRow(
      p,
      [
        ['Customer', 'Marsh Hollow Veterinary Clinic LLC', 100],
        ['Main Telephone No.', '802 555 4410', 72],
        ['Existing Carrier Acct. No.', 'VT-88012-447', 74],
        ['Port-Out Passcode', '8841', 56],
        ['Location of Service', '42 Depot Road, Rutland, VT 05701', 120],
      ],
      90,
      st,
    );
    const got = await read(p, 'loa');
    expect(v(got.account_number)).toBe('VT-88012-447');
    expect(v(got.pin)).toBe('8841');
    expect(v(got.service_address)).toMatchObject({ street_line: '42 Depot Road', city: 'Rutland', zip5: '05701' });
  });
  it('joins an account number wrapped in its cell though other columns wrap words that read as captions', async () => {
    for (const [carrier, signer] of [
      ['Spectrum Business', 'Omar Brennan, Owner'],
      ['Windstream Business', 'Dana Whitlock'],
    ]) {
      const p = new PageBuilder();
      const st: TextStyle = { font: 'sans', size: 9 };
      p.text(40, 50, 'Authorization to Port', { font: 'sans-bold', size: 14 });
      oneRow(
        p,
        [
          ['Name on Account', 'Lakeview Physical Therapy P.C.', 110],
          ['Losing Carrier', carrier!, 90],
          ['Account Number', '8686 81 180 4077473', 70],
          ['Service Address', '3410 Elm Boulevard, Fort Lauderdale, FL 33338', 150],
          ['Authorized Person', signer!, 110],
        ],
        90,
        st,
      );
      const got = await read(p, 'loa');
      expect(v(got.account_number)).toBe('8686 81 180 4077473');
    }
  });
});

describe("the signer's name wrapped in a narrow cell with a title after it", () => {
  it('reads "Aisha Van der" / "Berg, CFO" and "Elizabeth K." / "Okafor, Member" as the name, the title left off (stand-in seeds)', () => {
    for (const seed of [44205, 44233]) {
      const fx = generateRandom(seed, { family: 'loa-onerow' });
      const got = extractFields(fx.pages, 'loa').fields;
      expect(v(got.authorized_person), `seed ${seed}`).toBe(fx.truth.authorized_person);
    }
  });
});

describe('a bill made out to a party printed with no address', () => {
  const page = (draw: (p: PageBuilder, st: TextStyle) => void) => {
    const p = new PageBuilder();
    const st: TextStyle = { font: 'sans', size: 10 };
    p.text(50, 50, 'Lakeshore Telecom', { font: 'sans-bold', size: 16 });
    p.text(50, 80, 'Payment receipt', { font: 'sans-bold', size: 13 });
    p.text(50, 110, 'Account number: 882-103-4456-12', st);
    draw(p, st);
    p.text(50, 220, 'Statement date: 03/01/2025', st);
    p.text(50, 240, 'Service address: 4471 Old Salem Road, Dayton, OH 45415', st);
    return p;
  };

  it('names the account from "Billed to: <business>" on one line', async () => {
    const got = await read(
      page((p, st) => p.text(50, 150, 'Billed to: Cedar Ridge Law Offices, LLP', st)),
      'invoice',
    );
    expect(v(got.account_name)).toBe('Cedar Ridge Law Offices, LLP');
  });

  it('names the account from "Bill to" over the business alone, beside another caption', async () => {
    const got = await read(
      page((p, st) => {
        p.text(50, 150, 'Bill to', st);
        p.text(260, 150, 'Amount paid', st);
        p.text(50, 163, 'Harbor Light Bakery & Cafe Inc.', st);
        p.text(260, 163, '$88.10', st);
      }),
      'invoice',
    );
    expect(v(got.account_name)).toBe('Harbor Light Bakery & Cafe Inc.');
  });
});
