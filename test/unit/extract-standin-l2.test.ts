import { describe, expect, it } from 'vitest';
import { readGenerated, wrongFields } from '../helpers/generated.js';
import { extractFields } from '../../electron/core/extract/index.js';
import { pageOf, type TextLine } from '../fixtures/generator/handmade.js';
import { textWidth } from '../fixtures/generator/layout.js';
import { generateRandom } from '../fixtures/generator/random.js';
import { fieldCorrect } from '../fixtures/generator/score.js';

/*
 * Issue 9, the service address of the two newest stand-ins (standin-l.ts), second pass. A form filled
 * in one character per box (loa-comb) captions each comb in tiny print UNDER it, the address's parts
 * in rows of their own — house number and street, unit, city / state / ZIP — some captions in wordings
 * no list knows, a billing address "if different" captioned the same way below; a terminal's screen
 * (csr-3270) puts a unit under a prompt of its own ("SUPP:") and a house number and the street's name
 * in two fields under an address heading. Each rule is checked on the families' rendered PDFs (dev
 * seeds the earlier reading got wrong) and on a page written here in other wording.
 */

const readFamily = (family: string, seed: number) => readGenerated(generateRandom(seed, { family, standins: 34 }));

const HAND = { font: 'sans' as const, size: 11 };
const TINY = { font: 'sans' as const, size: 6 };
const MONO = { font: 'mono' as const, size: 9 };

/** A comb: one character centred in each box, `pitch` apart, from x (a space leaves its box empty). */
function comb(x: number, y: number, text: string, pitch = 13): TextLine[] {
  return [...text].flatMap((ch, i): TextLine[] =>
    ch === ' ' ? [] : [[x + i * pitch + (pitch - textWidth(ch, HAND.font, HAND.size)) / 2, y, ch, HAND]],
  );
}

describe('an address over a form’s combs, each part captioned under its boxes', () => {
  // loa-comb dev seeds whose service address was lost or taken from the billing block:
  // 2 — "1456 | 3RD WAY" over "No. | Street" (the street's name starts with a digit), "City | State code"
  //     captions side by side, no address heading;
  // 10 — no heading the vocabulary knows, the street's captions "No. | Street name" none of an address's;
  // 19 — the unit under a caption no list knows ("Ste / Fl"), the city's row far below the heading;
  // 21 — the street's captions "Number | Street name", the house number claimed by "Number";
  // 29 — the billing block under its own caption "Billing address (only if different…)", no service heading
  for (const seed of [2, 10, 19, 21, 29])
    it(`loa-comb-${seed}: the service address`, async () => {
      const { f, got } = await readFamily('loa-comb', seed);
      expect(fieldCorrect('service_address', f.truth, got)).toBe(true);
    });

  // another form: a heading over rows of combs, captions under them, none naming the street's name
  const x = 40;
  const form: TextLine[] = [
    [x, 40, 'Request to Move Your Numbers', { font: 'sans-bold', size: 13 }],
    [x, 70, 'Business name', TINY],
    ...comb(x, 62, 'HOLLOW OAK FLORIST'),
    [x, 100, 'Where is the service installed?', { font: 'sans-bold', size: 9 }],
    ...comb(x, 124, '412'),
    ...comb(x + 6 * 13, 124, '12TH AVE NE'),
    [x, 132, 'Bldg no.', TINY],
    [x + 6 * 13, 132, 'Thoroughfare', TINY],
    ...comb(x, 160, 'RM 210'),
    [x, 168, 'Flat / Rm', TINY],
    ...comb(x, 196, 'DULUTH'),
    ...comb(x + 20 * 13, 196, 'MN'),
    ...comb(x + 23 * 13, 196, '55802'),
    [x, 204, 'City', TINY],
    [x + 20 * 13, 204, 'Province', TINY],
    [x + 23 * 13, 204, 'Postcode', TINY],
    ...comb(x, 232, '88 LAKE ST'),
    [x, 240, 'Mailing address (only if different)', TINY],
    ...comb(x, 268, 'DULUTH MN 55801'),
  ];

  it('in other wording: the street row, the unit under its own caption and the city row are one address', () => {
    const got = extractFields([pageOf(form)], 'loa').fields;
    expect(got.service_address?.value).toMatchObject({
      street_line: '412 12TH AVE NE',
      unit: 'RM 210',
      city: 'DULUTH',
      state: 'MN',
      zip5: '55802',
    });
  });
});

describe('a terminal screen’s address in prompts of its own', () => {
  // csr-3270 dev seeds: 3 and 8 — the unit under "SUPP:" lost; 9 — "HSE: 1207 | ST NAME: LINCOLN AVENUE"
  // under "SERVICE LOCATION" read as the house number alone
  for (const seed of [3, 8, 9])
    it(`csr-3270-${seed}: the service address`, async () => {
      const { f, got } = await readFamily('csr-3270', seed);
      expect(fieldCorrect('service_address', f.truth, got)).toBe(true);
    });

  it('in other wording: a unit under a prompt no list knows belongs to the street above', () => {
    const screen: TextLine[] = [
      [40, 40, 'ACCTQ       CUSTOMER RECORD                             PG 1', MONO],
      [40, 70, 'ACCOUNT NO....: 77120455', MONO],
      // (rows set as close as a terminal's)
      [40, 84, '-- SERVICE ADDRESS --', MONO],
      [40, 95, 'HSE: 2210       STREET: QUARRY HILL RD', MONO],
      [40, 106, 'XTRA: BLDG 7', MONO],
      [40, 117, 'CITY: NASHUA      STATE: NH  ZIP: 03062', MONO],
      [40, 154, 'PF3=END  PF8=FORWARD', MONO],
    ];
    const got = extractFields([pageOf(screen)], 'csr').fields;
    expect(got.service_address?.value).toMatchObject({
      street_line: '2210 QUARRY HILL RD',
      unit: 'BLDG 7',
      city: 'NASHUA',
      state: 'NH',
      zip5: '03062',
    });
  });
});

describe('the rules stay where they belong', () => {
  it('a billing block captioned under its first line is not the service address', () => {
    const got = extractFields(
      [
        pageOf([
          [40, 40, 'Port request', { font: 'sans-bold', size: 13 }],
          ...comb(40, 70, 'PO BOX 4471'),
          [40, 78, 'Billing address (if different)', TINY],
          ...comb(40, 104, 'FARGO ND 58106'),
        ]),
      ],
      'loa',
    ).fields;
    expect(got.service_address).toBeUndefined();
  });

  // the families' other fields keep reading as before on a seed each
  it('loa-comb-1 and csr-3270-2: every field', async () => {
    for (const [family, seed] of [
      ['loa-comb', 1],
      ['csr-3270', 2],
    ] as const) {
      const { f, got } = await readFamily(family, seed);
      expect(wrongFields(f, got), `${family}-${seed}`).toEqual([]);
    }
  });
});
