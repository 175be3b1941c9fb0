import { describe, expect, it } from 'vitest';
import { readDocument } from '../../electron/core/documents/read.js';
import { extractFields } from '../../electron/core/extract/index.js';
import type { ExtractedFields } from '../../shared/domain/document.js';
import { generateRandom } from '../fixtures/generator/random.js';
import { PageBuilder } from '../fixtures/generator/layout.js';
import { renderTextPdf } from '../fixtures/generator/pdf.js';
import { BOX_VALUE, boxes } from '../helpers/boxed-form.js';
import { readGenerated } from '../helpers/generated.js';

/*
 * A porting desk's CSR response form (csr-handoff, standin-aa.ts): the numbers that are the account's against
 * the numbers of the desk and its people. The desk's letterhead line gives a number to call and one to fax;
 * the rep who prepared it gives a direct line, often with an extension; a box of disconnected numbers shares
 * its line with the box of working ones; the remarks name a disconnected line ("DISCO") and the desk's number.
 */

const v = <T>(f: { value: T } | undefined) => f?.value;

describe("a CSR response form's numbers (generated, several seeds and wordings)", () => {
  // dev seeds of the stand-in drawing: the desk's Tel/Fax line, a rep's line with an extension, a box of
  // disconnected numbers beside the working ones (its caption cut in two by the reader), a PIN "NOT ON FILE"
  // beside the authorized party's box, remarks naming a "DISCO" line and the desk's number
  for (const seed of [41708, 41716, 41719, 41724, 41737, 41739, 41747, 41755])
    it(`seed ${seed}: the account's working numbers, and only those`, async () => {
      const { got, truth } = await readGenerated(generateRandom(seed, { family: 'csr-handoff' }));
      expect(v(got.phone_numbers)).toEqual(truth.phone_numbers);
    });
});

const VAL = BOX_VALUE;

async function read(p: PageBuilder): Promise<ExtractedFields> {
  const pages = (await readDocument(await renderTextPdf({ pages: [p.build()] }), { name: 'form.pdf' })).pages;
  return extractFields(pages, 'csr').fields;
}

describe('whose number it is, by where it stands and what marks it (a form of our own wording)', () => {
  function form(o: { remark: string; callback: string }): PageBuilder {
    const p = new PageBuilder();
    p.text(40, 40, 'Northwind Telecom', { font: 'sans-bold', size: 13 });
    p.text(40, 56, 'Number Transfer Office  -  Phone 402.555.0177   Fax 402.555.0178', { font: 'sans', size: 8 });
    p.text(200, 78, 'SUBSCRIBER RECORD REPLY', { font: 'sans-bold', size: 11 });
    boxes(p, 90, [
      [
        ['1) SUBSCRIBER NAME', 'Prairie Wind Insurance Agency Inc'],
        ['2) ACCOUNT NO.', '7781 0034 22'],
      ],
      [['3) SERVICE ADDRESS', '4410 Cottonwood Dr', 'Salina, KS 67401']],
      [
        ['4) AUTHORIZED NAME', 'Wendell Price'],
        ['5) PIN', 'NOT ON FILE'],
      ],
      [
        ['6) LINES IN SERVICE', '785-555-0140', '785-555-0141', '785-555-0142'],
        ['7) DISCONNECTED LINES', '785-555-0150'],
      ],
      [
        ['8) REP NAME', 'Dana Whitfield'],
        ['9) CALL BACK AT', o.callback],
        ['10) REPLY DATE', '03/04/2026'],
      ],
      [['11) REMARKS', o.remark]],
    ]);
    return p;
  }

  for (const [remark, callback] of [
    ['TEL 785-555-0150 DISCO 01/12/2026. QUESTIONS: CALL 402.555.0177.', '785-555-0190 x212'],
    [
      'Line 785-555-0150 disc 2026-01-12, not portable. For questions call the office at 402.555.0177.',
      '785-555-0190 ext. 40',
    ],
  ] as const)
    it(`working lines only: not the office's Phone/Fax, the rep's callback "${callback}" or the disconnected line`, async () => {
      const got = await read(form({ remark, callback }));
      expect(v(got.phone_numbers)).toEqual(['+17855550140', '+17855550141', '+17855550142']);
      expect(v(got.btn)).not.toBe('+14025550177');
    });
});

describe('a blank box reads as absent (our own wording)', () => {
  // a dev seed of the stand-in: "NONE" typed in the authorized party's box, the service address's city in the
  // box over it
  it("seed 41753: the authorized party's box marked blank takes no value from the box above", async () => {
    const { got, truth } = await readGenerated(generateRandom(41753, { family: 'csr-handoff' }));
    expect(truth.authorized_person ?? undefined).toBeUndefined();
    expect(got.authorized_person).toBeUndefined();
  });

  for (const blank of ['NONE LISTED', 'N/A', 'None'])
    it(`an authorized party's box marked "${blank}" under a billing address takes no value`, async () => {
      const p = new PageBuilder();
      p.text(40, 40, 'Great Plains Telephone', { font: 'sans-bold', size: 12 });
      p.text(40, 58, 'SUBSCRIBER RECORD REPLY', { font: 'sans-bold', size: 11 });
      boxes(p, 70, [
        [
          ['1. SUBSCRIBER NAME', 'Prairie Wind Insurance Agency Inc'],
          ['2. ACCOUNT NO.', '7781 0034 22'],
        ],
        [['3. SERVICE ADDRESS', '4410 Cottonwood Dr', 'Salina, KS 67401']],
        [['4. BILLING ADDRESS', 'PO Box 118', 'Abilene, KS 67410']],
        [['5. AUTHORIZED PARTY', blank]],
        [['6. LINES ON ACCOUNT', '785-555-0140, 785-555-0141']],
      ]);
      const got = await read(p);
      expect(got.authorized_person).toBeUndefined();
      expect(v(got.phone_numbers)).toEqual(['+17855550140', '+17855550141']);
    });
});

describe('accented names are read, and kept as printed', () => {
  for (const [person, business] of [
    ['Tomás Ortíz', 'Café Müller GmbH'],
    ['Zoë Renée Lefèvre', 'Peña & Núñez, LLP'],
    ['Jürgen Weiß', 'Crème Brûlée Bakery Inc'],
  ] as const)
    it(`"${person}" of "${business}", in labelled rows and in a sentence`, async () => {
      const p = new PageBuilder();
      p.text(40, 40, 'Acme Telecom', { font: 'sans-bold', size: 14 });
      p.text(40, 60, 'Customer Service Record', { font: 'sans-bold', size: 12 });
      const rows = [
        ['Account Name:', business],
        ['Account Number:', '4417 2290 118'],
        ['Authorized Contact:', person],
        ['Service Address:', '12 State St, Lincoln, NE 68508'],
        ['Telephone Numbers:', '402-555-0101, 402-555-0102'],
      ];
      rows.forEach(([l, val], i) => {
        p.text(40, 90 + i * 16, l!, { font: 'sans', size: 10 });
        p.text(180, 90 + i * 16, val!, { font: 'sans', size: 10 });
      });
      const got = await read(p);
      expect(v(got.account_name)).toBe(business);
      expect(v(got.authorized_person)).toBe(person);
    });

  it('a record naming the person only in a sentence ("must be requested by Inés Lefèvre, Member")', async () => {
    const p = new PageBuilder();
    p.text(40, 40, 'Acme Telecom', { font: 'sans-bold', size: 14 });
    p.text(40, 60, 'Customer Service Record', { font: 'sans-bold', size: 12 });
    p.text(40, 90, 'Customer: Granite Peak Realty Group, PA', { font: 'sans', size: 10 });
    p.text(40, 106, 'Account Number: 945910213', { font: 'sans', size: 10 });
    p.text(40, 122, 'Numbers on this account: 239-555-0188 and 239-555-0153.', { font: 'sans', size: 10 });
    p.text(40, 150, 'Changes to this account must be requested by Inés Lefèvre, Member.', { font: 'sans', size: 10 });
    const got = await read(p);
    expect(v(got.authorized_person)).toBe('Inés Lefèvre');
  });
});

describe('a response form whose authorized-contact box says there is none', () => {
  // dev seeds of the stand-in whose box reads "NONE LISTED" / "NONE": the form's title, the desk's rep who
  // completed it and the requester's contact are no authorized person of the account
  for (const seed of [44201, 44204, 44215])
    it(`seed ${seed}: no authorized person is guessed`, () => {
      const fx = generateRandom(seed, { family: 'csr-handoff' });
      expect(fx.truth.authorized_person ?? null).toBeNull();
      expect(v(extractFields(fx.pages, 'csr').fields.authorized_person)).toBeUndefined();
    });
});
