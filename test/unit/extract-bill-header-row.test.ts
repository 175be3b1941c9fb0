import { describe, expect, it } from 'vitest';
import { readDocument } from '../../electron/core/documents/read.js';
import { extractFields } from '../../electron/core/extract/index.js';
import type { ExtractedFields } from '../../shared/domain/document.js';
import { PageBuilder, type TextStyle } from '../fixtures/generator/layout.js';
import { renderTextPdf } from '../fixtures/generator/pdf.js';
import { generateRandom } from '../fixtures/generator/random.js';

/*
 * A wide bill's facts as one ruled table row: captions in small bold print over one value each, centred in
 * their cells, a caption wrapping onto a second line where its cell is narrow. Some captions are no label
 * anyone lists ("BILL NUMBER", "PLEASE PAY"); the row is still a header over its facts, and a wrapped
 * caption is read whole ("CUSTOMER ACCOUNT" / "NUMBER"). Wordings and values are made up for the test.
 */

const CAP: TextStyle = { font: 'sans-bold', size: 7.5 };
const VAL: TextStyle = { font: 'sans', size: 9.5 };

/** [caption lines, value, cell weight] */
type Col = [string[], string, number];

async function bill(cols: Col[]): Promise<ExtractedFields> {
  const W = 792;
  const p = new PageBuilder(W, 612);
  p.text(36, 44, 'Optimum Business', { font: 'sans-bold', size: 17 });
  p.text(36, 62, '1228 East Magnolia Way, North Little Rock, AR 72124-4273', { font: 'sans', size: 7.5 });
  p.textRight(W - 36, 48, 'Invoice', { font: 'sans-bold', size: 18 });
  const sum = cols.reduce((a, c) => a + c[2], 0);
  const tw = W - 72;
  const capRows = Math.max(...cols.map((c) => c[0].length));
  let x = 36;
  p.rect(36, 96, tw, capRows * 9 + 30, { stroke: true });
  for (const [caps, value, weight] of cols) {
    const cw = (tw * weight) / sum;
    caps.forEach((c, k) => p.textCenter(x + cw / 2, 106 + k * 9, c, CAP));
    p.textCenter(x + cw / 2, 106 + capRows * 9 + 10, value, VAL);
    x += cw;
  }
  p.text(36, 180, 'Bill To', { font: 'sans-bold', size: 10 });
  p.text(36, 194, 'NOVAK & NGUYEN CORP.', VAL);
  p.text(36, 206, 'PO BOX 25821', VAL);
  p.text(36, 218, 'ROUND ROCK, TX 78665', VAL);
  p.text(430, 180, 'Service Address', { font: 'sans-bold', size: 10 });
  p.text(430, 194, '8943 SW ELM ST', VAL);
  p.text(430, 206, 'ROUND ROCK, TX 78680', VAL);
  p.text(36, 250, 'Usage & Charges by Number', { font: 'sans-bold', size: 10 });
  p.text(38, 266, '(512) 555-0119      Business Line      $42.10', VAL);
  p.text(38, 278, '(512) 555-0127      Fax                $18.00', VAL);
  const doc = await readDocument(await renderTextPdf({ pages: [p.build()] }), { name: 'bill.pdf' });
  return extractFields(doc.pages, 'invoice').fields;
}

describe('a row of captions over one fact each is a header, whatever its captions', () => {
  const cases: Col[][] = [
    [
      [['ACCOUNT'], '6344 44 113 6869401', 1.4],
      [['BILL NUMBER'], 'INV0765234521', 1.1],
      [['PAYMENT DUE'], '7/25/25', 1.1],
      [['PLEASE PAY'], '$500.01', 0.9],
      [['STATEMENT DATE'], '7/3/25', 1.1],
    ],
    [
      [['#'], '6344 44 113 6869401', 1.4],
      [['Date Issued'], '7/3/25', 1.1],
      [['Invoice Number'], 'INV0765234521', 1.1],
      [['Due'], '7/25/25', 1.1],
      [['Please Pay'], '$500.01', 0.9],
    ],
  ];
  for (const cols of cases)
    it(cols.map((c) => c[0].join(' ')).join(' | '), async () => {
      const got = await bill(cols);
      expect(got.account_number?.value).toBe('6344 44 113 6869401');
      expect(got.document_date?.value).toBe('2025-07-03');
    });
});

describe('a header caption wrapped in its narrow cell is read whole', () => {
  const cases: [Col[], string | null][] = [
    [
      [
        [['CUSTOMER ACCOUNT', 'NUMBER'], '312-889-4524-28', 1.4],
        [['BILL NUMBER'], '854918470', 1.1],
        [['BILL DATE'], '2026-01-27', 1.1],
        [['AMOUNT'], '$1,173.04', 0.9],
        [['MAIN PHONE', 'NUMBER'], '+1 208 555 0158', 1.2],
      ],
      '+12085550158',
    ],
    [
      [
        [['Billing Account', 'Number'], '312-889-4524-28', 1.4],
        [['Invoice No.'], '854918470', 1.1],
        [['Invoice Date'], '2026-01-27', 1.1],
        [['Total Due'], '$1,173.04', 0.9],
      ],
      null,
    ],
  ];
  for (const [cols, btn] of cases)
    it(cols.map((c) => c[0].join(' / ')).join(' | '), async () => {
      const got = await bill(cols);
      expect(got.account_number?.value).toBe('312-889-4524-28');
      expect(got.document_date?.value).toBe('2026-01-27');
      if (btn) expect(got.btn?.value).toBe(btn);
    });
});

describe("a boxed form's next row of values is no caption's second line", () => {
  // dev seeds of the fresh tune wordings (loa-boxform): a caption row under its boxes, the next boxes' values in
  // larger print under it ("Cox Business" under "(Acct # with current carrier)") — read as the caption's wrapped
  // end, they made the account's caption a carrier's
  for (const seed of [32854, 32863])
    it(`seed ${seed}`, async () => {
      const f = generateRandom(seed, { family: 'loa-boxform', fresh: 'tune', standins: 48 });
      const doc = await readDocument(await renderTextPdf(f.model), { name: `${f.id}.pdf` });
      expect(extractFields(doc.pages, 'loa').fields.account_number?.value).toBe(f.truth.account_number);
    });
});
