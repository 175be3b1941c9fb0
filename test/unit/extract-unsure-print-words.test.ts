import { describe, expect, it } from 'vitest';
import type { PageText } from '../../shared/domain/document.js';
import { extractFields } from '../../electron/core/extract/index.js';
import { ocrPageOf } from '../helpers/pages.js';
import { buildLayout } from '../../electron/core/extract/layout.js';

/*
 * A word of an address or a name that OCR read unsure ("29 UNION CT CHAPEL HILL" with "UNION CT" at
 * 7%, "Washington & Patel, PA." with "PA." at 40%) was a speck to the layout and dropped: the street
 * lost its name, the company its legal form. Among surely read print, as tall as it, such a word is
 * print (lines.ts unsureWordAmongPrint); marks, strokes and words standing apart stay specks.
 */

/** Words of one line from x 72 on, each with its confidence, a space (4 pt) between them. */
function line(y: number, words: [string, number][]): [number, number, string, number][] {
  let x = 72;
  return words.map(([text, conf]) => {
    const at = x;
    x += text.length * 5.5 + 4;
    return [at, y, text, conf];
  });
}

const laidOutText = (p: PageText) =>
  buildLayout([p], 'loa')
    .lines.map((l) => l.toks.map((t) => t.text).join(' '))
    .join('\n');

describe('an unsure word of an address or a name among sure print', () => {
  it('keeps the street name and suffix read at 7%, in several wordings', () => {
    for (const [caption, street] of [
      [
        ['Service', 'address:'],
        [
          ['29', 0.92],
          ['UNION', 0.07],
          ['CT', 0.07],
        ],
      ],
      [
        ['Site', 'Address'],
        [
          ['4410', 0.95],
          ['Oak', 0.3],
          ['Rd', 0.2],
        ],
      ],
      [
        ['Location:'],
        [
          ['118', 0.93],
          ['NW', 0.1],
          ['MAPLE', 0.08],
          ['AVE', 0.96],
          ['Ste', 0.25],
          ['210', 0.9],
        ],
      ],
    ] as [string[], [string, number][]][]) {
      const page = ocrPageOf([
        ...line(100, [...caption.map((c): [string, number] => [c, 0.95]), ...street]),
        ...line(114, [
          ['CHAPEL', 0.9],
          ['HILL,', 0.93],
          ['NC', 0.94],
          ['27515', 0.95],
        ]),
      ]);
      const addr = extractFields([page], 'loa').fields.service_address?.value;
      expect(`${addr?.street_line} ${addr?.unit}`.toUpperCase().trim()).toBe(
        street.map(([w]) => w.toUpperCase()).join(' '),
      );
      expect(addr?.city).toMatch(/CHAPEL HILL/i);
    }
  });

  it("keeps a company's legal form read unsure after its name", () => {
    const page = ocrPageOf([
      ...line(100, [
        ['COMPANY', 0.96],
        ['NAME', 0.96],
        ['Washington', 0.93],
        ['&', 0.93],
        ['Patel,', 0.96],
        ['PA.', 0.4],
      ]),
      ...line(114, [
        ['AUTHORIZING', 0.96],
        ['PARTY', 0.95],
        ['Nancy', 0.96],
        ['Delgado', 0.96],
      ]),
    ]);
    expect(extractFields([page], 'loa').fields.account_name?.value).toMatch(/^Washington & Patel, P\.?A\.?$/);
  });

  it('leaves marks, strokes, lone letters and words standing apart as specks', () => {
    const page = ocrPageOf([
      // a caption's "#" read as "EE", a box's edge as "ll", a rule's speck as "|": no word of print
      ...line(100, [
        ['Account', 0.95],
        ['EE', 0.0],
        ['ll', 0.1],
        ['|', 0.2],
        ['4401229', 0.93],
      ]),
      // a state code alone, far from any print, read from dust; and one beside print only unsure itself
      [400, 200, 'FL', 0.3],
      [72, 260, 'IN', 0.2],
      [90, 260, 'oe', 0.2],
    ]);
    const text = laidOutText(page);
    expect(text).toContain('Account 4401229');
    for (const speck of ['EE', 'll', 'FL', 'IN', 'oe']) expect(text.split(/\s+/)).not.toContain(speck);
  });

  it('leaves a word taller than the print (a signature read as letters) a speck', () => {
    const page = ocrPageOf([
      ...line(100, [
        ['Signature', 0.95],
        ['Date', 0.95],
        ['07/12/2025', 0.96],
      ]),
      ...line(130, [
        ['Name', 0.95],
        ['Fatima', 0.95],
        ['Dubois', 0.95],
      ]),
      ...line(160, [
        ['Title', 0.95],
        ['Practice', 0.95],
        ['Administrator', 0.95],
      ]),
    ]);
    page.words.push({ text: 'MAYO', bbox: [130, 80, 170, 104], conf: 0.05 });
    expect(laidOutText(page).split(/\s+/)).not.toContain('MAYO');
  });
});
