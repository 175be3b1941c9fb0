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

/*
 * The signer block as it comes off other printers: the captions in print hardly smaller than the values (another
 * face, the same size), a signature in larger script set a little over the other values (a line of its own), and
 * captions no vocabulary reads as the signer's, or reads as another field's ("Executed By" as a date's, "Customer
 * Agent" as some other caption). The block is told by its shape — caption cells tight under values typed where
 * they start, a caption of the signature, the signer or the date, or a date typed over a caption — and the one
 * person's name over its captions is the signer's. Wordings are invented here.
 */
interface Block {
  captions: string[];
  values: (string | null)[];
  /** the signer's name in larger script over the third cell, a little higher than the other values */
  script?: string;
  twoRows?: boolean;
  sizes?: [number, number];
  captionFont?: 'sans' | 'serif' | 'mono' | 'sans-bold';
}

function block(b: Block): TextLine[] {
  const [vs, cs] = b.sizes ?? [10, 10];
  const lines: TextLine[] = [
    [40, 40, 'Port-In Questionnaire', { size: 14 }],
    [46, 70, '1.', { size: 10 }],
    [66, 70, 'Business name ..................', { size: 10 }],
    [290, 70, 'Harbor Point Dental LLC', { size: 10 }],
    [46, 86, '2.', { size: 10 }],
    [66, 86, 'Account number ..................', { size: 10 }],
    [290, 86, '518-742-9826', { size: 10 }],
    [46, 102, '3.', { size: 10 }],
    [66, 102, 'Service address ..................', { size: 10 }],
    [290, 102, '12 Oak St, Mobile, AL 36619', { size: 10 }],
    [40, 130, 'By signing below I authorize Telnyx to port the numbers listed above.', { size: 8 }],
  ];
  b.captions.forEach((caption, i) => {
    const col = b.twoRows ? i % 2 : i;
    const x = 46 + col * (b.twoRows ? 263 : 131);
    const y = 180 + (b.twoRows ? Math.floor(i / 2) * 52 : 0);
    if (i === 2 && b.script) lines.push([x + 6, y - 3, b.script, { font: 'serif', size: 17 }]);
    const v = b.values[i];
    if (v) lines.push([x + 4, y, v, { size: vs }]);
    lines.push([x, y + 3 + cs + 3, caption, { size: cs, font: b.captionFont ?? 'sans' }]);
  });
  return lines;
}

describe("a signer block's captions in print as large as its values: the signer's caption reads the name over it", () => {
  for (const [captions, twoRows] of [
    [['Full Name', 'Job Role', 'Sign Here', 'On (date)'], true],
    [['Printed Name', 'Rank', 'Signature', 'Dt.'], false],
    [['Name (print)', 'Function', 'Signed', 'When Signed'], true],
  ] as const)
    it(`"${captions.join(' | ')}" (${twoRows ? 'two' : 'four'} cells a row)`, () => {
      const f = read(
        block({ captions: [...captions], values: ['Bridget Schmidt', 'Member', null, '10-18-2024'], twoRows }),
      );
      // never the caption beside the signer's ("Job Role"), nor the date's
      expect(f.authorized_person?.value).toBe('Bridget Schmidt');
    });
});

describe("a signature in larger script over the signer block: the name caption's neighbour is no value", () => {
  for (const captions of [
    ['NAME (PRINT)', 'JOB ROLE', 'SIGN HERE', 'DATE EXECUTED'],
    ['Name (Block Letters)', 'Job Role', 'Signed', 'When Signed'],
  ])
    it(`"${captions.join(' | ')}"`, () => {
      const f = read(
        block({
          captions,
          values: ["SIOBHAN O'BRIEN", 'Managing Partner', null, 'March 24, 2025'],
          script: "/s/ Siobhan O'Brien",
          sizes: [11, 9],
        }),
      );
      expect(f.authorized_person?.value.toLowerCase()).toBe("siobhan o'brien");
    });
});

describe("the signer's caption unknown or read as another field's: the one name typed over the block's captions", () => {
  for (const [captions, script] of [
    [['Signing Party', 'Office', 'Sig.', 'On (date)'], 'Karen Kim'],
    [['Customer Agent', 'Job Role', 'Autograph', 'Date of Execution'], '/s/ Karen Kim'],
    [['Executed By', 'Capacity', 'Signature', 'Date'], undefined],
    [['Person Completing Form', 'Job Role', 'Sign Here', 'Dt.'], undefined],
  ] as const)
    for (const twoRows of [false, true])
      it(`"${captions.join(' | ')}"${script ? ' (signed)' : ''} (${twoRows ? 'two' : 'four'} cells a row)`, () => {
        const f = read(
          block({
            captions: [...captions],
            values: ['Karen Kim', 'Office Manager', null, '4 Dec 2023'],
            ...(script ? { script } : {}),
            twoRows,
            sizes: [10.5, 8.5],
          }),
        );
        expect(f.authorized_person?.value).toBe('Karen Kim');
        // read by its place and grammar, not by its caption: a guess the review checks
        expect(f.authorized_person!.confidence).toBeLessThan(0.9);
      });

  it('a middle initial is no label word ("Maria A. Reyes")', () => {
    const f = read(
      block({
        captions: ['Person Completing Form', 'Job Role', 'Sign Here', 'Dt.'],
        values: ['Maria A. Reyes', 'Office Manager', null, '2025-01-17'],
        sizes: [10.5, 8.5],
      }),
    );
    expect(f.authorized_person?.value).toBe('Maria A. Reyes');
  });

  it('two different names over the block (a witness) give no guess from the block', () => {
    const f = read(
      block({
        captions: ['Signing Party', 'Witnessed By', 'Sig.', 'On (date)'],
        values: ['Karen Kim', 'Thomas Hughes', null, '4 Dec 2023'],
        sizes: [10.5, 8.5],
      }),
    );
    expect(f.authorized_person?.value ?? null).not.toBe('Thomas Hughes');
    expect(f.authorized_person?.confidence ?? 0).toBeLessThan(0.9);
  });
});

describe("a key/value row under a paragraph's last line is no signer block's row of captions", () => {
  for (const [label, title] of [
    ['SIGNER NAME', 'TITLE'],
    ['Authorized by', 'Position'],
    ['Signatory', 'Role'],
  ] as const)
    it(`"${label} | Linda Brennan | ${title} | Office Manager"`, () => {
      const f = read([
        [40, 40, 'Port Order PO-2066230', { size: 14 }],
        [40, 90, 'The customer named above authorizes Clearline to port the numbers. An', { size: 8 }],
        [40, 99, 'electronic signature has the same effect.', { size: 8 }],
        [40, 118, label, { size: 9.5 }],
        [173, 118, 'Linda Brennan', { size: 9.5 }],
        [306, 118, title, { size: 9.5 }],
        [439, 118, 'Office Manager', { size: 9.5 }],
        [48, 160, 'Signed at: 2024-03-06 18:10:44 PT', { size: 8 }],
      ]);
      // the value beside its label, never a guess by the row's place
      expect(f.authorized_person?.value).toBe('Linda Brennan');
      expect(f.authorized_person!.confidence).toBeGreaterThanOrEqual(0.6);
    });
});
