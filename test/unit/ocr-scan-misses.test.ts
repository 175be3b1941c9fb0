import { afterAll, describe, expect, it } from 'vitest';
import {
  DEFAULT_PREPROCESS,
  linesFromTsv,
  OcrEngine,
  preferSurerReads,
  type RawWord,
  sliversBoxed,
  unsureRuns,
} from '../../electron/core/ocr/engine.js';
import { randomScanOptions, renderScan } from '../fixtures/generator/image.js';
import { generateRandom } from '../fixtures/generator/random.js';

/*
 * Ordinary scans (a degree or two askew, blur, noise, JPEG) lose a field in twenty where the text PDF
 * gives it: tesseract reads a word or two of small print in a gray box, or a digit, at low confidence
 * and wrong ("TINE. Jey by." for "Please pay by:", "STE 238B" for "STE 23B", "{225)" for "(225)").
 * Those stretches are read once more on their own, twice their size, and the surer reading kept.
 */

/** An OCR word: [text, x0, confidence 0..100] on a line at y 100–120 (a 20-px tall line), 10 px a letter. */
const word = (text: string, x0: number, conf: number, y0 = 100): RawWord => ({
  text,
  bbox: { x0, y0, x1: x0 + text.length * 10, y1: y0 + 20 },
  conf,
});
const texts = (ws: RawWord[]) => ws.map((w) => w.text).join(' ');

describe('the surer of two readings of an unsure word', () => {
  it('replaces an unsure word, or a run of them, by a surer second reading over it', () => {
    const first = [word('STE', 0, 93), word('238B', 40, 33)];
    expect(texts(preferSurerReads(first, [word('23B', 42, 85)], 0.8))).toBe('STE 23B');
    const box = [word('TINE.', 0, 29), word('Jey', 60, 61), word('by.', 100, 44), word('12/27/26', 300, 96)];
    const again = [word('Please', 0, 92), word('pay', 70, 94), word('by:', 110, 90)];
    expect(texts(preferSurerReads(box, again, 0.8))).toBe('Please pay by: 12/27/26');
    const phone = [word('{225)555-0115', 16, 67)];
    expect(texts(preferSurerReads(phone, [word('(225)555-0115', 15, 92)], 0.8))).toBe('(225)555-0115');
  });

  it('keeps the first reading when the second is no surer, or only changes the case', () => {
    expect(texts(preferSurerReads([word('12/4126', 0, 72)], [word('1214126', 0, 55)], 0.8))).toBe('12/4126');
    // a few points surer is no surer: the dashes of an account number read again as dots
    expect(texts(preferSurerReads([word('509-560-8847', 0, 79)], [word('509.560-8847', 0, 84)], 0.8))).toBe(
      '509-560-8847',
    );
    // a crop of a few words loses the line's x-height: "Our" at the start of a sentence is not "our"
    expect(texts(preferSurerReads([word('Our', 0, 74)], [word('our', 0, 92)], 0.8))).toBe('Our');
    // a word the first read was sure of is never touched, whatever the second read made of it
    expect(texts(preferSurerReads([word('Acct', 0, 93)], [word('Acet', 0, 95)], 0.8))).toBe('Acct');
  });

  it('takes a word the second read confirmed as surer, though under the digit re-read bar', () => {
    // "NEWPORT NEWS": "NEWS" at 0% (a speck to the layout) read again alone as "NEWS" at 96%
    for (const [first, again] of [
      ['NEWS', 'NEWS'],
      ['Apt', 'APT'],
      ['5616944446', '5616944446'],
    ] as const) {
      const out = preferSurerReads([word('NEWPORT', 0, 95), word(first, 90, 0)], [word(again, 90, 96)], 0.8);
      expect(texts(out)).toBe(`NEWPORT ${first}`);
      expect(out[1]!.conf).toBe(84);
    }
    // a confirmation only a few points surer changes nothing
    expect(preferSurerReads([word('NEWS', 0, 50)], [word('NEWS', 0, 55)], 0.8)[0]!.conf).toBe(50);
  });

  it('does not double a sure neighbour that the second read saw again as part of its crop', () => {
    // "Acct" is sure; the second read of the unsure "no." glued both into "Acctno." and read "\cct" once
    const first = [word('Acct', 0, 93), word('no.', 45, 11)];
    expect(texts(preferSurerReads(first, [word('Acctno.', 0, 44)], 0.8))).toBe('Acct no.');
    expect(texts(preferSurerReads(first, [word('\\cct', 0, 83), word('no.:', 45, 60)], 0.8))).toBe('Acct no.:');
    // a sure colon of its own after an unsure "Name": "Name:" read again would give two colons
    const name = [word('Name', 0, 61), word(':', 42, 90)];
    expect(texts(preferSurerReads(name, [word('Name:', 0, 85)], 0.8))).toBe('Name :');
  });
});

/** Lines of words as the engine reads them from tesseract: each line [y0, words]. */
function blocks(lines: [number, RawWord[]][]): RawWord[][] {
  return lines.map(([y0, ws]) => ws.map((w) => ({ ...w, bbox: { ...w.bbox, y0, y1: y0 + 20 } })));
}

describe('a word tesseract read surely but boxed as a sliver', () => {
  it('is given the room between its neighbours and their height', () => {
    // "Business / Organization Name": the "/" at 93%, boxed 1 px wide and 3 px tall at the line's foot
    for (const mark of ['/', '&', '#', 'B']) {
      const line = [word('Business', 0, 93), { text: mark, bbox: { x0: 86, y0: 115, x1: 87, y1: 118 }, conf: 93 }];
      const out = sliversBoxed([...line, word('Organization', 96, 96)]);
      expect(out[1]!.bbox).toEqual({ x0: 81, y0: 100, x1: 95, y1: 120 });
    }
  });

  it('leaves a dash, a dot or a comma, an unsure speck and a word of its own height as boxed', () => {
    for (const w of [
      { text: '-', bbox: { x0: 86, y0: 108, x1: 92, y1: 111 }, conf: 93 },
      { text: '.', bbox: { x0: 86, y0: 116, x1: 88, y1: 118 }, conf: 93 },
      { text: '/', bbox: { x0: 86, y0: 115, x1: 87, y1: 118 }, conf: 30 },
      { text: '/', bbox: { x0: 84, y0: 100, x1: 92, y1: 120 }, conf: 93 },
    ])
      expect(sliversBoxed([word('Business', 0, 93), w, word('Organization', 96, 96)])[1]).toEqual(w);
  });
});

describe('which stretches of a page are read again', () => {
  it('groups neighbouring unsure words of a line into one stretch, a sure word between parting them', () => {
    const runs = unsureRuns(
      blocks([
        [100, [word('TINE.', 0, 29), word('Jey', 60, 61), word('by.', 100, 44), word('12/27/26', 300, 96)]],
        [200, [word('STE', 0, 93), word('238B', 40, 33), word('BATON', 100, 95), word('R0UGE', 160, 70)]],
      ]),
      0.8,
      12,
    );
    expect(runs.map((r) => [r.bbox.x0, r.bbox.x1, r.bbox.y0])).toEqual([
      [0, 130, 100],
      [40, 80, 200],
      [160, 210, 200],
    ]);
  });

  it('leaves out rules, dot leaders and specks, and takes the unsurest first up to the limit', () => {
    const runs = unsureRuns(
      blocks([
        [100, [word('=------seocmiomoo', 0, 0), word('.....', 200, 40), word('|', 300, 30), word('a', 320, 20)]],
        [200, [word('SUTTE', 0, 29), word('Portal', 200, 41), word('item', 400, 66)]],
      ]),
      0.8,
      2,
    );
    expect(runs.map((r) => r.conf)).toEqual([29, 41]);
  });
});

describe('an ordinary scan read by the engine', () => {
  const engine = new OcrEngine(DEFAULT_PREPROCESS);
  afterAll(() => engine.close());

  it('reads the small print of a gray summary box that the page read garbled', async () => {
    // dev seed 4: a cable bill whose summary box (gray, 8-pt) reads "TINE. Jey by. els" for
    // "Please pay by: 12/27/26" in the page's read
    const f = generateRandom(4, { standins: 16 });
    const { pdf } = await renderScan(f.model, f.seed, randomScanOptions(f.seed));
    const r = await engine.run({ kind: 'pdf-page', bytes: pdf, page: 1, docKey: 'seed-4' });
    const text = r.words.map((w) => w.text).join(' ');
    expect(text).toContain('Please pay by');
    expect(text).toContain('12/27/26');
    expect(text).toContain('Pay online windstream.com');
  }, 180_000);
});

describe("tesseract's TSV as the engine's lines", () => {
  it('groups the word rows by block, paragraph and line, boxes as corners, confidences whole as tesseract.js gave them', () => {
    const tsv = [
      'level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext',
      '1\t1\t0\t0\t0\t0\t0\t0\t2550\t3300\t-1\t',
      '4\t1\t1\t1\t1\t0\t242\t238\t750\t42\t-1\t',
      '5\t1\t1\t1\t1\t1\t242\t238\t268\t32\t96.414032\tSTATEMENT',
      '5\t1\t1\t1\t1\t2\t525\t238\t59\t32\t79.999\tOF',
      // the next line of the same paragraph, then the first line of the next paragraph
      '5\t1\t1\t1\t2\t1\t240\t318\t165\t32\t93.12\tAccount',
      '5\t1\t1\t2\t1\t1\t240\t400\t100\t30\t12.5\t$4.10',
      '',
    ].join('\n');
    expect(linesFromTsv(tsv)).toEqual([
      [
        { text: 'STATEMENT', bbox: { x0: 242, y0: 238, x1: 510, y1: 270 }, conf: 96 },
        { text: 'OF', bbox: { x0: 525, y0: 238, x1: 584, y1: 270 }, conf: 79 },
      ],
      [{ text: 'Account', bbox: { x0: 240, y0: 318, x1: 405, y1: 350 }, conf: 93 }],
      [{ text: '$4.10', bbox: { x0: 240, y0: 400, x1: 340, y1: 430 }, conf: 12 }],
    ]);
  });
});
