import { describe, expect, it } from 'vitest';
import { readDocument } from '../../electron/core/documents/read.js';
import { extractFields } from '../../electron/core/extract/index.js';
import { recastSetRightRows } from '../../electron/core/extract/set-right.js';
import type { DocumentKind, ExtractedFields, PageText } from '../../shared/domain/document.js';
import { PageBuilder, type TextStyle } from '../fixtures/generator/layout.js';
import { renderTextPdf } from '../fixtures/generator/pdf.js';

/*
 * A receipt or an account summary printed as "Caption        value": the caption on the left, the value set
 * RIGHT, flush to a column's edge, nothing but blank space between them, an address's next line right-aligned
 * under its first (inv-receipt, standin-ab.ts). The wordings, fonts and edges here are not the stand-in's.
 */

type Row = [caption: string, ...values: string[]];

/** Rows from y down, caption at x, values right-aligned at `right`; a string is a heading. */
function draw(p: PageBuilder, rows: (Row | string)[], o: { x: number; right: number; y: number; st: TextStyle }) {
  let y = o.y;
  for (const r of rows) {
    if (typeof r === 'string') {
      p.text(o.x, y, r, { ...o.st, font: o.st.font === 'serif' ? 'serif-bold' : 'sans-bold' });
      y += o.st.size * 2;
      continue;
    }
    const [caption, ...values] = r;
    p.text(o.x, y, caption, o.st);
    values.forEach((val, i) => {
      p.textRight(o.right, y, val, o.st);
      y += o.st.size * (i === values.length - 1 ? 1.9 : 1.3);
    });
  }
  return y;
}

async function read(
  p: PageBuilder,
  kind: DocumentKind = 'invoice',
): Promise<{ got: ExtractedFields; pages: PageText[] }> {
  const pages = (await readDocument(await renderTextPdf({ pages: [p.build()] }), { name: 'receipt.pdf' })).pages;
  return { got: extractFields(pages, kind).fields, pages };
}

const v = <T>(f: { value: T } | undefined) => f?.value;

describe('a receipt whose values are set right with a blank gap for a leader is read row by row', () => {
  it('reads the customer, the account, the statement date and two-line addresses (sans, edge at 560)', async () => {
    const p = new PageBuilder();
    const st: TextStyle = { font: 'sans', size: 10 };
    p.text(50, 50, 'Lakeshore Telecom', { font: 'sans-bold', size: 16 });
    p.text(50, 80, 'Payment confirmation', { font: 'sans-bold', size: 13 });
    draw(
      p,
      [
        'Your account',
        ['Customer', 'Riverbend Orthodontics PLLC'],
        ['Customer No.', '5530 18 224 0091736'],
        ['Address on file', '2210 West Martin Luther King Jr Blvd', 'Dayton, OH 45402'],
        ['Bill date', 'March 3, 2025'],
        'Payment',
        ['Confirmation #', 'QX7TW2LM'],
        ['Paid on', '03/19/2025'],
        ['Method', 'Savings ...4410'],
        ['Amount paid', '$412.07'],
        'Telephone numbers',
        ['Service location', '4471 Old Salem Road Suite 210', 'Dayton, OH 45415'],
      ],
      { x: 50, right: 560, y: 120, st },
    );
    const { got } = await read(p);
    expect(v(got.account_name)).toBe('Riverbend Orthodontics PLLC');
    expect(v(got.account_number)).toBe('5530 18 224 0091736');
    expect(v(got.billing_address)).toMatchObject({
      street_line: '2210 West Martin Luther King Jr Blvd',
      city: 'Dayton',
      zip5: '45402',
    });
    expect(v(got.service_address)).toMatchObject({
      street_line: '4471 Old Salem Road',
      unit: 'Suite 210',
      city: 'Dayton',
      zip5: '45415',
    });
    expect(v(got.document_date)).toBe('2025-03-03');
  });

  it('reads the same in serif with the values ending mid-page (edge at 430) and other captions', async () => {
    const p = new PageBuilder();
    const st: TextStyle = { font: 'serif', size: 9 };
    p.text(72, 60, 'RECEIPT', { font: 'serif-bold', size: 14 });
    draw(
      p,
      [
        ['Customer', 'Copperleaf Veterinary Clinic Inc.'],
        ['Billing acct.', 'BA-7730-12981'],
        ['Statement date', '11/02/2024'],
        ['Installed at', '88 Quarry Lane', 'Montpelier, VT 05602'],
        ['Card used', 'Visa ending in 4410'],
        ['Transaction ID', '881200451276'],
      ],
      { x: 72, right: 430, y: 100, st },
    );
    const { got } = await read(p);
    expect(v(got.account_name)).toBe('Copperleaf Veterinary Clinic Inc.');
    expect(v(got.account_number)).toBe('BA-7730-12981');
    expect(v(got.service_address)).toMatchObject({ street_line: '88 Quarry Lane', city: 'Montpelier', zip5: '05602' });
    expect(v(got.document_date)).toBe('2024-11-02');
  });

  it('leaves a page with two such rows, or rows of a three-column table, as it is', async () => {
    const two = new PageBuilder();
    draw(
      two,
      [
        ['Account number', '5530 18 224 0091736'],
        ['Amount paid', '$412.07'],
      ],
      { x: 50, right: 560, y: 100, st: { font: 'sans', size: 10 } },
    );
    const table = new PageBuilder();
    const st: TextStyle = { font: 'sans', size: 10 };
    ['Local line', 'Long distance', 'Taxes and fees'].forEach((d, i) => {
      table.text(50, 100 + 16 * i, d, st);
      table.text(250, 100 + 16 * i, `${i + 1}`, st);
      table.textRight(560, 100 + 16 * i, `$${(i + 1) * 11}.00`, st);
    });
    for (const p of [two, table]) {
      const pages = (await readDocument(await renderTextPdf({ pages: [p.build()] }), { name: 'x.pdf' })).pages;
      expect(recastSetRightRows(pages)).toBeNull();
    }
  });

  it('names a "Serving address" the service address', async () => {
    const p = new PageBuilder();
    const st: TextStyle = { font: 'sans', size: 10 };
    p.text(50, 60, 'Account summary', { font: 'sans-bold', size: 14 });
    p.text(50, 100, 'Account name: Two Rivers Print Shop LLC', st);
    p.text(50, 118, 'Account number: 661204471', st);
    p.text(50, 136, 'Serving address: 17 Fenwick Street, Unit 4', st);
    p.text(50, 150, 'Bangor, ME 04401', st);
    p.text(50, 168, 'Mailing address: PO Box 912, Bangor, ME 04402', st);
    const { got } = await read(p);
    expect(v(got.service_address)).toMatchObject({ street_line: '17 Fenwick Street', city: 'Bangor', zip5: '04401' });
  });

  it('reads a number\'s row captioned "#" alone under its heading as the account', async () => {
    for (const [font, right] of [
      ['sans', 548],
      ['serif', 500],
    ] as const) {
      const p = new PageBuilder();
      const st: TextStyle = { font, size: 10 };
      p.text(60, 50, 'Harbor Point Communications', { font: `${font}-bold`, size: 15 });
      draw(
        p,
        [
          'Account',
          ['Customer Legal Name', 'Twin Oaks Home Health Services PC'],
          ['#', 'HPC-591817500'],
          ['Statement Date', '01/19/2023'],
          'Transaction details',
          ['Paid on', 'February 12, 2023'],
          ['Funding source', 'AMEX ****6004'],
          ['Amount paid', '$174.68'],
        ],
        { x: 60, right, y: 100, st },
      );
      const { got } = await read(p);
      expect(v(got.account_name)).toBe('Twin Oaks Home Health Services PC');
      expect(v(got.account_number)).toBe('HPC-591817500');
    }
  });

  it("takes no payment's own number (receipt, transaction, confirmation) for the account", async () => {
    for (const [receipt, txn] of [
      ['Receipt ID', 'Transaction No.'],
      ['Receipt No.', 'Payment ID'],
      ['Receipt #', 'Confirmation code'],
    ] as const) {
      const p = new PageBuilder();
      const st: TextStyle = { font: 'sans', size: 10 };
      p.text(50, 50, 'Lakeshore Telecom', { font: 'sans-bold', size: 16 });
      p.text(50, 80, 'Thank you for your payment', { font: 'sans-bold', size: 13 });
      draw(
        p,
        [
          'Payment details',
          [receipt, 'R457506154203'],
          [txn, '7076841428610051'],
          ['Paid on', 'September 11, 2025'],
          ['Amount paid', '$56.84'],
          'Applied to',
          ['Customer name on file', 'Johnson & Berg PC'],
          ['Bill date', 'Aug 21, 2025'],
        ],
        { x: 50, right: 560, y: 120, st },
      );
      const { got } = await read(p);
      expect(v(got.account_name)).toBe('Johnson & Berg PC');
      expect(v(got.account_number)).toBeUndefined();
    }
  });
});
