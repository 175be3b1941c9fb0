import { describe, expect, it } from 'vitest';
import { extractFields } from '../../electron/core/extract/index.js';
import type { ExtractedFields } from '../../shared/domain/document.js';
import { pageOf, type TextLine } from '../fixtures/generator/handmade.js';

/*
 * A questionnaire's signer block (issue 9: a value must never be label text): the values typed over rules,
 * their captions printed under the rules a point or two smaller — "Printed name | Title | Signature | Date".
 * A caption of that row that no vocabulary knows is still a caption: never the value of the caption beside it,
 * and when it is the signer's own, the name over it is read by a person's grammar. Wordings are invented here.
 */

interface Signer {
  captions: [string, string, string, string];
  title: string;
  /** the name also typed over the signature rule (an e-signature) */
  signed: boolean;
  /** two cells a row (two rows) instead of four */
  twoRows?: boolean;
  sizes?: [number, number];
}

function signerBlock(s: Signer): TextLine[] {
  const [vs, cs] = s.sizes ?? [11, 9.5];
  const values = ['Michael Levy', s.title, s.signed ? 'Michael Levy' : '', 'Dec 28, 2024'];
  const lines: TextLine[] = [
    [40, 40, 'Number Port Questionnaire', { size: 14 }],
    [40, 70, 'I, the undersigned, authorize Telnyx to port the numbers listed above.', { size: 8 }],
  ];
  s.captions.forEach((caption, i) => {
    const col = s.twoRows ? i % 2 : i;
    const x = 46 + col * (s.twoRows ? 263 : 131);
    const y = 120 + (s.twoRows ? Math.floor(i / 2) * 52 : 0);
    if (values[i]) lines.push([x + 4, y, values[i]!, { size: vs }]);
    lines.push([x, y + 3 + cs + 3, caption, { size: cs }]);
  });
  return lines;
}

const read = (lines: TextLine[]): ExtractedFields => extractFields([pageOf(lines)], 'loa').fields;

describe("an unknown caption beside the signer's caption is the next value's caption, not the signer", () => {
  for (const [title, sizes] of [
    ['Job Function', [11, 9.5]],
    ['Role at Company', [10.5, 9]],
    ['Office Held', [10, 8.5]],
    ['Title / Role', [11, 9.5]],
  ] as const)
    for (const twoRows of [false, true])
      it(`"Printed name | ${title}" (${twoRows ? 'two' : 'four'} cells a row)`, () => {
        const f = read(
          signerBlock({
            captions: ['Printed name', title, 'Signature', 'Date'],
            title: 'IT Director',
            signed: false,
            twoRows,
            sizes: [...sizes],
          }),
        );
        expect(f.authorized_person?.value).toBe('Michael Levy');
      });
});

describe("the signer's own caption unknown: the name typed over it, by a person's grammar", () => {
  for (const caption of ['Undersigned', 'Requester', 'Your Full Name'])
    it(`"${caption}" (not signed: no name over the signature rule)`, () => {
      const f = read(
        signerBlock({ captions: [caption, 'Job Function', 'Signature', 'Date'], title: 'IT Director', signed: false }),
      );
      expect(f.authorized_person?.value).toBe('Michael Levy');
      // a caption read by its place only: a guess the review checks
      expect(f.authorized_person!.confidence).toBeLessThan(0.9);
    });
});

describe('a label and its value under a table header in larger print stay a label and its value', () => {
  for (const [header, label] of [
    [['Field', 'Detail'], 'ENTITY NAME'],
    [['Item', 'Value'], 'COMPANY NAME'],
  ] as const)
    it(`"${header.join(' | ')}" over "${label} | …"`, () => {
      const f = read([
        [48, 40, 'Spectrum Business', { size: 14 }],
        [52, 90, header[0], { size: 11 }],
        [202, 90, header[1], { size: 11 }],
        [52, 102, label, { size: 10 }],
        [202, 102, 'Lakeview Veterinary Hospital Incorporated', { size: 10 }],
        [52, 120, 'AUTHORIZED CONTACT', { size: 10 }],
        [202, 120, 'Joseph Whitaker', { size: 10 }],
        [52, 138, 'SECURITY PIN', { size: 10 }],
        [202, 138, '590883', { size: 10 }],
      ]);
      expect(f.account_name?.value).toBe('Lakeview Veterinary Hospital Incorporated');
      expect(f.authorized_person?.value).toBe('Joseph Whitaker');
    });
});
