import { describe, expect, it } from 'vitest';
import type { BBox, PageText } from '../../shared/domain/document.js';
import { extractFields } from '../../electron/core/extract/index.js';
import { ocrPageOf } from '../helpers/pages.js';
import { generateDocuments } from '../fixtures/generator/index.js';
import { addToTable, emptyTable, type Table } from '../fixtures/generator/score.js';

/*
 * What OCR gives for bad office scans, and what a reader must still get from it: pages fed several
 * degrees askew (the harsh dev scans skew up to 8°; the OCR straightens up to 10° before reading, then
 * maps each word's box back onto the page as scanned), and labels whose letters OCR read as their
 * lookalike pairs.
 */

/**
 * The pages as OCR returns a scan turned `deg` degrees about the page centre: each word's box is the
 * envelope of its turned corners (taller and wider than the word), confidence below 1.
 */
function scannedAskew(pages: PageText[], deg: number): PageText[] {
  const a = (deg * Math.PI) / 180;
  return pages.map((p) => {
    const cx = p.width / 2,
      cy = p.height / 2;
    const turn = (x: number, y: number): [number, number] => [
      cx + (x - cx) * Math.cos(a) - (y - cy) * Math.sin(a),
      cy + (x - cx) * Math.sin(a) + (y - cy) * Math.cos(a),
    ];
    return {
      ...p,
      method: 'ocr' as const,
      words: p.words.map((w) => {
        const [x0, y0, x1, y1] = w.bbox;
        const pts = [turn(x0, y0), turn(x1, y0), turn(x0, y1), turn(x1, y1)];
        const xs = pts.map((q) => q[0]),
          ys = pts.map((q) => q[1]);
        const bbox: BBox = [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
        return { ...w, bbox, conf: 0.93 };
      }),
    };
  });
}

function fieldsRight(deg: number): { right: number; scored: number } {
  const table: Table = emptyTable();
  for (const f of generateDocuments({ seed: 81_000, count: 24 }))
    addToTable(table, f.truth, extractFields(scannedAskew(f.pages, deg), f.kind).fields);
  const all = Object.values(table);
  return { right: all.reduce((n, s) => n + s.correct, 0), scored: all.reduce((n, s) => n + s.scored, 0) };
}

describe('a page scanned several degrees askew', () => {
  it('reads as many fields as the same page scanned straight, turned either way', () => {
    const straight = fieldsRight(0);
    expect(straight.right / straight.scored).toBeGreaterThan(0.85);
    for (const deg of [-7, 6]) {
      const askew = fieldsRight(deg);
      // (a field or two may differ where a turned box brushes a neighbouring line)
      expect(askew.right, `${deg}°: ${askew.right} of ${straight.right}`).toBeGreaterThanOrEqual(straight.right - 2);
    }
  });
});

describe('labels OCR misread', () => {
  it('reads a label whose first word is sure and whose abbreviation OCR was not ("Account Na.")', () => {
    for (const [first, second] of [
      ['Account', 'Na.'],
      ['Acct', 'Nurn'],
      ['Account', 'Nurnber:'],
    ] as const) {
      const r = extractFields(
        [
          ocrPageOf([
            [72, 100, first, 0.96],
            [72 + first.length * 5.5 + 4, 100, second, 0.5],
            [250, 100, '330493490', 0.93],
            [72, 130, 'Signer', 0.95],
            [110, 130, 'Name:', 0.95],
            [250, 130, 'Priya', 0.95],
            [285, 130, 'Martinez', 0.95],
          ]),
        ],
        'loa',
      );
      expect(r.fields.account_number?.value, `${first} ${second}`).toBe('330493490');
      // a label read loosely is a weaker label: the value is not reported as sure
      expect(r.fields.account_number!.confidence, `${first} ${second}`).toBeLessThan(0.9);
    }
  });

  it('reads letters OCR took for a lookalike pair ("ri" as "n", "rn" as "m", "cl" as "d")', () => {
    for (const [label, value, field] of [
      [['Secunty', 'Code'], '2011', 'pin'],
      [['Passcocle:'], '8841', 'pin'],
      [['Custorner', 'Narne:'], 'Bayside Construction, PC', 'account_name'],
    ] as const) {
      const words: [number, number, string, number][] = [];
      let x = 72;
      for (const w of label) {
        words.push([x, 100, w, 0.45]);
        x += w.length * 5.5 + 4;
      }
      let vx = 250;
      for (const w of value.split(' ')) {
        words.push([vx, 100, w, 0.93]);
        vx += w.length * 5.5 + 4;
      }
      const r = extractFields([ocrPageOf(words)], 'loa');
      expect(r.fields[field]?.value, label.join(' ')).toBe(value);
      expect(r.fields[field]!.confidence, label.join(' ')).toBeLessThan(0.9);
    }
  });
});

describe('values OCR glued or specked', () => {
  it("parts a number from the next column's label it was glued to", () => {
    for (const [glued, rest, other] of [
      ['881076064Bill', ['Number', '4889813'], 'other'],
      ['44120987Invoice', ['No.', 'INV5521'], 'other'],
      ['2231-0098Statement', ['Date', '03/14/2025'], 'document_date'],
    ] as const) {
      const words: [number, number, string, number][] = [
        [72, 100, 'Account', 0.96],
        [115, 100, 'Number', 0.96],
        [160, 100, glued, 0.91],
      ];
      let x = 160 + glued.length * 5.5 + 4;
      for (const w of rest) {
        words.push([x, 100, w, 0.96]);
        x += w.length * 5.5 + 4;
      }
      const r = extractFields([ocrPageOf(words)], 'invoice');
      expect(r.fields.account_number?.value, glued).toBe(/^[\d-]+/.exec(glued)![0]);
      if (other === 'document_date') expect(r.fields.document_date?.value).toBe('2025-03-14');
    }
  });

  it('drops a speck read as an opening quote before an address', () => {
    for (const street of ['"82 Lincoln Circle', '“1402 Elm Street']) {
      const words: [number, number, string, number][] = [
        [72, 100, 'Service', 0.96],
        [112, 100, 'Address:', 0.96],
      ];
      let x = 170;
      for (const w of street.split(' ')) {
        words.push([x, 100, w, 0.9]);
        x += w.length * 5.5 + 4;
      }
      words.push(
        [170, 114, 'White', 0.95],
        [205, 114, 'Plains,', 0.95],
        [245, 114, 'NY', 0.95],
        [265, 114, '10603', 0.95],
      );
      const r = extractFields([ocrPageOf(words)], 'loa');
      expect(r.fields.service_address?.value, street).toMatchObject({
        street_line: street.slice(1),
        city: 'White Plains',
        zip5: '10603',
      });
    }
  });
});
