import { afterAll, describe, expect, it } from 'vitest';
import { extractFields } from '../../electron/core/extract/index.js';
import { DEFAULT_PREPROCESS, OcrEngine } from '../../electron/core/ocr/engine.js';
import type { PageText, Word } from '../../shared/domain/document.js';
import { CORE_FIELDS } from '../fixtures/generator/evaluate.js';
import { randomScanOptions, renderScan } from '../fixtures/generator/image.js';
import { generateRandom, type RandomFixture } from '../fixtures/generator/random.js';
import { fieldCorrect } from '../fixtures/generator/score.js';

/*
 * Issue 9, scans of stand-in layouts first measured here (inv-ucaas, csr-rowsheet …). What OCR gives
 * differs from a text layer in ways the layout has to allow for: on a tilted page a word of larger print
 * can join a row of small print beside it and leave the next word of its phrase behind ("Bill" | "to:");
 * OCR boxes hug the glyphs (a capital's height, not the font's), so a wrapped header row's second line
 * and the first row of values stand further apart, measured in line heights, than on a text page; and
 * OCR may give up on a word it read right ("210.555.0135" at confidence 0).
 */

const engine = new OcrEngine(DEFAULT_PREPROCESS);
afterAll(() => engine.close());

/** A dev seed's ordinary scan read by the OCR engine, page by page, as the reader gives it to extraction. */
async function scanOf(family: string, seed: number): Promise<{ f: RandomFixture; pages: PageText[] }> {
  // the draw of the time (a stand-in added redraws unpinned dev seeds)
  const f = generateRandom(seed, { family, standins: 30 });
  const { pdf } = await renderScan(f.model, f.seed, randomScanOptions(f.seed));
  const pages: PageText[] = [];
  for (let p = 1; p <= f.model.pages.length; p++) {
    const r = await engine.run({ kind: 'pdf-page', bytes: pdf, page: p, docKey: `standscan2-${family}-${seed}` });
    pages.push({ page: p, width: r.width, height: r.height, method: 'ocr', words: r.words });
  }
  return { f, pages };
}

const wrongFields = (f: RandomFixture, pages: PageText[]) => {
  const got = extractFields(pages, f.kind).fields;
  return CORE_FIELDS.filter((k) => f.truth[k] !== undefined && !fieldCorrect(k, f.truth, got));
};

/**
 * An OCR'd page from [x0, y0, text, width, height, conf?] words as they stand square to the print,
 * tilted by `slope` (dy/dx) as a scanned page is.
 */
function tiltedPage(
  words: [number, number, string, number, number, number?][],
  slope: number,
  width = 612,
): PageText[] {
  const out: Word[] = words.map(([x, y, text, w, h, conf]) => {
    const y0 = y + slope * (x + w / 2);
    return { text, bbox: [x, y0, x + w, y0 + h], conf: conf ?? 0.93 };
  });
  return [{ page: 1, width, height: 792, method: 'ocr', words: out }];
}

describe('a word of larger print that joined a row of small print (line grouping)', () => {
  it('inv-ucaas-8: the name under "Bill to:" is read (its "to:" had been left on a line of its own)', async () => {
    // first measure: "Bill" joined "Customer account number:" beside it, "to:" did not, and the account
    // name came back as "Ext" (a column heading of the users table)
    const { f, pages } = await scanOf('inv-ucaas', 8);
    expect(wrongFields(f, pages)).toEqual([]);
  }, 180_000);

  it('keeps a two-word caption whole beside a tilted column of small-print rows, in other wording', () => {
    // (the geometry of inv-ucaas-8's first lines as OCR boxed them, turned straight: larger print on the
    // left a little lower than the small print beside it, "to:" lower than "Bill"; the words are others)
    const pages = tiltedPage(
      [
        [345.8, 75.2, 'Statement', 27.0, 5.2],
        [375.0, 74.9, 'date:', 14.0, 5.6],
        [529.1, 73.6, '02/03/2026', 46.0, 6.8],
        [51.5, 90.2, 'Bill', 10.8, 6.8],
        [64.9, 90.9, 'to:', 8.8, 6.0],
        [345.2, 87.5, 'Customer', 25.8, 5.6],
        [373.0, 87.6, 'account', 20.8, 5.5],
        [395.6, 87.4, 'number:', 21.5, 5.7],
        [492.7, 86.2, '5530', 18.7, 6.8],
        [514.1, 86.1, '44', 9.1, 6.8],
        [526.1, 86.0, '118', 13.4, 6.9],
        [542.4, 85.7, '2294061', 32.6, 7.5],
        [51.0, 101.1, 'Quarry', 26.0, 9.3],
        [80.0, 101.2, 'Ridge', 22.0, 9.2],
        [105.0, 102.3, '&', 5.2, 5.9],
        [113.0, 101.3, 'Family', 24.0, 8.0],
        [140.2, 101.4, 'Dental', 24.4, 6.9],
        [345.1, 99.8, 'Site,', 19.1, 5.3],
        [542.0, 98.2, '8545159', 32.4, 7.5],
        [50.8, 112.4, '88', 9.2, 6.6],
        [63.4, 112.1, 'Foundry', 30.8, 6.8],
        [97.2, 112.4, 'Row', 15.8, 8.2],
        [344.7, 112.3, 'Service', 19.8, 5.2],
        [366.2, 112.1, 'period:', 18.2, 6.6],
        [510.2, 110.1, '1/03/26', 28.0, 7.6],
        [546.2, 110.3, '2/02/26', 28.0, 7.3],
        [50.4, 122.8, 'Ogden,', 26.2, 7.0],
        [79.5, 123.2, 'UT', 11.5, 6.3],
        [94.5, 123.2, '84401', 23.4, 6.7],
        [344.3, 124.3, 'Payment', 23.4, 6.3],
        [369.5, 124.5, 'due:', 10.9, 5.1],
        [535.3, 122.9, '2/20/26', 38.7, 6.8],
      ],
      0,
    );
    const got = extractFields(pages, 'invoice').fields;
    expect(got.account_name?.value).toBe('Quarry Ridge & Family Dental');
  });
  it('moves the first word of a name from a line across the page back to the rest of its name', () => {
    // (inv-ucaas-1004's geometry, turned straight: "Timberline" joined "PERIOD 11/8/25 - 12/5/25" across
    // the page, 4 px above it, and "Realty Group, Incorporated", taller by its descenders, made a line of
    // its own; the words are others)
    const cy = (y: number, h: number) => y - h / 2;
    const pages = tiltedPage(
      [
        [39.6, cy(129.5, 8.4), 'BILL', 22.0, 8.4],
        [65.6, cy(129.5, 8.3), 'TO', 14.5, 8.3],
        [38.8, cy(144.5, 8.7), 'Harborview', 48.2, 8.7],
        [90.6, cy(146.0, 10.5), 'Dental', 28.1, 10.5],
        [121.5, cy(146.0, 10.5), 'Group,', 30.1, 10.5],
        [155.4, cy(145.7, 11.1), 'Incorporated', 55.7, 11.1],
        [333.4, cy(140.3, 7.4), 'TERM', 25.9, 7.4],
        [487.5, cy(140.0, 8.1), '01/02/26', 36.2, 8.1],
        [527.8, cy(141.3, 1.0), '-', 3.2, 1.0],
        [534.8, cy(139.8, 7.9), '01/31/26', 36.4, 7.9],
        [39.3, cy(158.5, 8.1), '88', 10.7, 8.1],
        [53.0, cy(158.3, 7.8), 'Foundry', 33.8, 7.8],
        [90.1, cy(159.4, 10.5), 'Row', 19.4, 10.5],
        [333.8, cy(156.2, 6.8), 'DUE', 18.7, 6.8],
        [514.0, cy(155.9, 8.4), '02/14/2026', 48.5, 8.4],
        [39.0, cy(172.0, 9.0), 'Ogden,', 30.0, 9.0],
        [72.0, cy(172.0, 8.1), 'UT', 12.0, 8.1],
        [87.0, cy(172.0, 8.1), '84401', 26.0, 8.1],
      ],
      0,
    );
    expect(extractFields(pages, 'invoice').fields.account_name?.value).toBe('Harborview Dental Group, Incorporated');
  });
});

describe('a header row wrapped onto a second line, over OCR-tight rows', () => {
  it('csr-rowsheet-5: the subscriber name under "SUBSCRIBER NAME" and every listed number are read', async () => {
    // first measure: no account name (the first row stood too far under the header's first line once
    // "STATUS" | "FLAG" had wrapped), and "210.555.0135", read right at confidence 0, was dropped as a speck
    const { f, pages } = await scanOf('csr-rowsheet', 5);
    expect(wrongFields(f, pages)).toEqual([]);
  }, 180_000);

  /**
   * A line listing as OCR boxes it: a header row (wrapped onto a second line under the number, account
   * and status columns when `wrapped`), three rows of values, capitals 6.2 px tall and small print 5.2
   * (a word 0.54 × its height a character wide), tilted 0.7°; `unsure` rows' numbers at confidence 0.
   */
  function listing(wrapped: boolean, unsure: number[] = []): PageText[] {
    type Cell = [number, number, string, number, number?];
    const row = (y: number, tn: string, conf: number): Cell[] => [
      [30, y, tn, 5.2, conf],
      [100, y, '4471', 5.2],
      [118, y, '2209', 5.2],
      [186, y, 'Harbor', 6.7],
      [206, y, 'Light', 6.7],
      [223, y, 'Marine', 6.7],
      [244, y, 'LLC', 5.2],
      [330, y, '88', 5.2],
      [340, y, 'Foundry', 6.7],
      [366, y, 'Row', 5.2],
      [430, y, 'Ogden', 6.7],
      [480, y, 'UT', 5.2],
      [505, y, '84401', 5.2],
      [560, y, 'WORKING', 5.2],
    ];
    const header: Cell[] = wrapped
      ? [
          [30, 62, 'SERVICE', 6.2],
          [100, 62, 'BILLING', 6.2],
          [560, 62, 'LINE', 6.2],
          [30, 71.5, 'NUMBER', 6.2],
          [100, 71.5, 'ACCOUNT', 6.2],
          [560, 71.5, 'STATE', 6.2],
        ]
      : [
          [30, 71.5, 'NUMBER', 6.2],
          [100, 71.5, 'ACCOUNT', 6.2],
          [560, 71.5, 'STATE', 6.2],
        ];
    const cells: Cell[] = [
      [30, 40, 'Line', 6.3],
      [46, 40, 'Inventory', 6.3],
      ...header,
      [186, wrapped ? 62 : 71.5, 'CUSTOMER', 6.2],
      [220, wrapped ? 62 : 71.5, 'NAME', 6.2],
      [330, wrapped ? 62 : 71.5, 'STREET', 6.2],
      [430, wrapped ? 62 : 71.5, 'CITY', 6.2],
      [480, wrapped ? 62 : 71.5, 'ST', 6.2],
      [505, wrapped ? 62 : 71.5, 'ZIP', 6.2],
      ...[90, 103, 116].flatMap((y, i) => row(y, `801.555.014${i}`, unsure.includes(i) ? 0 : 0.95)),
    ];
    return tiltedPage(
      cells.map(([x, y, text, h, conf]) => [x, y, text, 0.54 * h * text.length, h, conf]),
      -0.012,
      700,
    );
  }

  it('reads the name column under a header whose neighbours wrap their captions, in other wording', () => {
    expect(extractFields(listing(false), 'csr').fields.account_name?.value).toBe('Harbor Light Marine LLC');
    expect(extractFields(listing(true), 'csr').fields.account_name?.value).toBe('Harbor Light Marine LLC');
  });

  it('keeps a dotted number OCR read but gave up on (confidence 0), as it keeps a dashed one', () => {
    const numbers = (pages: PageText[]) => [...(extractFields(pages, 'csr').fields.phone_numbers?.value ?? [])].sort();
    expect(numbers(listing(false, [1]))).toEqual(['+18015550140', '+18015550141', '+18015550142']);
  });
});
