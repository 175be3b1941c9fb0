import { describe, expect, it } from 'vitest';
import { readDocument } from '../../electron/core/documents/read.js';
import { extractFields } from '../../electron/core/extract/index.js';
import { buildLayout } from '../../electron/core/extract/layout.js';
import { screenLines } from '../../electron/core/extract/screen-address.js';
import type { ServiceAddress } from '../../shared/domain/document.js';
import { pageOf, pagesOf, type TextLine } from '../fixtures/generator/handmade.js';
import { renderTextPdf } from '../fixtures/generator/pdf.js';
import { ocrWords } from '../helpers/pages.js';
import { generateRandom } from '../fixtures/generator/random.js';
import { fieldCorrect } from '../fixtures/generator/score.js';
import { readGenerated } from '../helpers/generated.js';

/*
 * A mainframe CSR printed from its terminal screens (issue 9, failure class 3: fixed-width mainframe
 * CSRs): the service address as a row or two of short capital prompts, each followed by its value, the
 * prompts abbreviating the address's parts however the system's authors chose ("HNO", "STR NM", "SFX",
 * "TWN", "CSZ"), printed in any order. The address is put together by the grammar of an address (house,
 * direction, name, suffix; unit; city, state, ZIP), whatever the order on the screen. Prompts, names and
 * places written for this test, not the generator's.
 */

const MONO = { font: 'mono' as const, size: 8 };

/** A screen printed at x=30, one row every 11 pt, monospaced; '' leaves a row blank. */
function screen(rows: string[]): TextLine[] {
  return rows.flatMap((r, i): TextLine[] => (r ? [[30, 50 + i * 11, r, MONO]] : []));
}

/** The screen's head: transaction, title, account, customer name. */
const HEAD = [
  'INQ7     ACCOUNT PROFILE                                       PG 01/02',
  'NORTHWIND TEL - ORDER SYS                               04/02/26 10:12:55',
  '',
  'ACCT NBR.: 5521 880 17    BTN.......: 406 555 0172',
  '',
  'CUST NM..: HIGH PLAINS SURVEYING LLC',
  'CLASS....: BUS           STAT......: ACT',
  '',
];

const read = (rows: string[]) => extractFields([pageOf(screen([...HEAD, ...rows]))], 'csr').fields;

function expectAddress(got: ServiceAddress | undefined, want: Partial<ServiceAddress>): void {
  expect(got).toBeDefined();
  expect({ unit: '', zip4: '', ...want }).toEqual({
    street_line: got!.street_line,
    unit: got!.unit,
    city: got!.city,
    state: got!.state,
    zip5: got!.zip5,
    zip4: got!.zip4,
  });
}

describe('a terminal screen’s address prompts are put together by address grammar', () => {
  it('house number, street name and suffix in three prompts, the unit and the city line under them', () => {
    const f = read([
      'HOUSE NBR: 418      STR: OAKMONT             SFX: DR',
      'APT......: 3B',
      'TOWN.....: BOZEMAN           ST: MT  ZIP CODE: 59715',
    ]);
    expectAddress(f.service_address?.value, {
      street_line: '418 OAKMONT DR',
      unit: '3B',
      city: 'BOZEMAN',
      state: 'MT',
      zip5: '59715',
    });
  });

  it('prompts run together and printed out of order ("ST NM" before "HNO"): the house number still leads', () => {
    const f = read([
      'ST NM ==> WILLOW CREEK___   HNO ==> 77___   TYP ==> RD__',
      'CTY ==> SALEM___________   STATE ==> OR   ZIP ==> 97301-2211',
    ]);
    expectAddress(f.service_address?.value, {
      street_line: '77 WILLOW CREEK RD',
      city: 'SALEM',
      state: 'OR',
      zip5: '97301',
      zip4: '2211',
    });
  });

  it('a direction inside the street name; city, state and ZIP under one prompt', () => {
    const f = read(['HSE: 15    STRNM: N HARBOR   SUFX: ST', 'CITY/ST/ZIP: ANNAPOLIS MD 21401']);
    expectAddress(f.service_address?.value, {
      street_line: '15 N HARBOR ST',
      city: 'ANNAPOLIS',
      state: 'MD',
      zip5: '21401',
    });
  });

  it('a row whose one value is a whole street line gives it whatever its prompt; its unit splits off; a value that is a unit alone gives it', () => {
    const f = read([
      'SERV LOC...: 2200 RIVERSIDE PKWY..........',
      'SUPPL......: STE 140...   ',
      'CSZ........: TULSA OK 74103..............',
    ]);
    expectAddress(f.service_address?.value, {
      street_line: '2200 RIVERSIDE PKWY',
      unit: 'STE 140',
      city: 'TULSA',
      state: 'OK',
      zip5: '74103',
    });
    const g = read(['PREM ADDR: 640 CEDAR HOLLOW LN FL 2', 'CTY: WICHITA       ST: KS    ZIP: 67202']);
    expectAddress(g.service_address?.value, {
      street_line: '640 CEDAR HOLLOW LN',
      unit: 'FL 2',
      city: 'WICHITA',
      state: 'KS',
      zip5: '67202',
    });
  });

  it('a street prompt whose value holds its own house number is not given the number twice', () => {
    const f = read(['STREET: 9 COPPER MINE RD       HSE: 9', 'CITY: BUTTE        ST: MT  ZIP: 59701']);
    expectAddress(f.service_address?.value, {
      street_line: '9 COPPER MINE RD',
      city: 'BUTTE',
      state: 'MT',
      zip5: '59701',
    });
  });

  it('a bill’s prompt rows are never the service address, before or after the service’s own rows', () => {
    const billFirst = read([
      'MAIL ADDR..: PO BOX 8812',
      'MAIL CSZ...: HELENA MT 59604',
      '',
      'HSE NO.....: 2101       ST NAME....: PROSPECT AVE',
      'CTY........: HELENA      ST: MT    ZIP: 59601',
    ]);
    expectAddress(billFirst.service_address?.value, {
      street_line: '2101 PROSPECT AVE',
      city: 'HELENA',
      state: 'MT',
      zip5: '59601',
    });
    const billAfter = read([
      'HSE NO.....: 2101       ST NAME....: PROSPECT AVE',
      'CTY........: HELENA      ST: MT    ZIP: 59601',
      '',
      'BILL ADDR..: 88 LAST CHANCE GULCH',
      'BILL CITY..: HELENA MT 59601',
    ]);
    expect(billAfter.service_address?.value.street_line).toBe('2101 PROSPECT AVE');
  });

  it('a date or a status beside the address rows is no part of the address', () => {
    const f = read([
      'ORIG INST..: 07/14/19    LST BILL...: 03/20/26',
      'HOUSE......: 66          STREET.....: GRANITE PEAK WAY',
      'CITY.......: MISSOULA    STATE......: MT     ZIP........: 59801',
      'STAT.......: ACTV',
    ]);
    expectAddress(f.service_address?.value, {
      street_line: '66 GRANITE PEAK WAY',
      city: 'MISSOULA',
      state: 'MT',
      zip5: '59801',
    });
  });
});

describe('a scan of the screen that lost the prompts\u2019 colons and dot leaders', () => {
  it('capital words naming an address part, a wide gap after them, are still prompts', () => {
    // (OCR words placed one by one: the dots between prompt and value gone, some colons lost)
    const words: [number, number, string, number][] = [
      [30, 60, 'ACCT', 24],
      [60, 60, 'NBR:', 24],
      [100, 60, '7781', 24],
      [130, 60, '0042', 24],
      [30, 80, 'HSE', 18],
      [100, 80, '4410', 24],
      [170, 80, 'STR', 18],
      [194, 80, 'NAME:', 30],
      [240, 80, 'GRANITE', 42],
      [288, 80, 'BLUFF', 30],
      [324, 80, 'RD', 12],
      [30, 92, 'CTY', 18],
      [100, 92, 'LARAMIE', 42],
      [170, 92, 'ST', 12],
      [200, 92, 'WY', 12],
      [240, 92, 'ZIP', 18],
      [280, 92, '82070', 30],
    ];
    const f = extractFields(ocrWords(words), 'csr').fields;
    expectAddress(f.service_address?.value, {
      street_line: '4410 GRANITE BLUFF RD',
      city: 'LARAMIE',
      state: 'WY',
      zip5: '82070',
    });
    // the house number's prompt is no unknown label of a PIN
    expect(f.pin?.value).toBeUndefined();
  });
});

describe('the screen\u2019s other fields beside its address prompts', () => {
  it('the street-name prompt names no person, the house-number prompt no PIN', () => {
    const f = read(['HSE........: 2290       ST NAME....: PRAIRIE ROSE', 'CSZ........: CASPER WY 82601']);
    expect(f.authorized_person).toBeUndefined();
    expect(f.pin).toBeUndefined();
    expect(f.account_name?.value).toBe('HIGH PLAINS SURVEYING LLC');
  });

  it('a bill name running on into an attention line ends before it; an attention line alone names no business', () => {
    const head = HEAD.filter((r) => !r.startsWith('CUST NM'));
    const runOn = extractFields(
      [pageOf(screen([...head, 'BILL NM...: YELLOWSTONE FEED & SUPPLY INC ATTN ACCTS PAYABLE']))],
      'csr',
    ).fields;
    expect(runOn.account_name?.value).toBe('YELLOWSTONE FEED & SUPPLY INC');
    const alone = extractFields(
      [pageOf(screen([...head, 'CUSTOMER..: YELLOWSTONE FEED & SUPPLY INC', 'BILL NM...: ATTN RHONDA PIKE']))],
      'csr',
    ).fields;
    expect(alone.account_name?.value).toBe('YELLOWSTONE FEED & SUPPLY INC');
  });

  it('the last bill\u2019s date on the screen is not the date the screen was printed', () => {
    for (const billPrompt of ['BILL DATE', 'LST BL DT', 'LAST BILL'])
      expect(
        read([
          `ORIG INST..: 11/02/19    ${billPrompt}: 03/20/26`,
          'HSE: 66   STREET: GRANITE PEAK WAY',
          'CSZ: MISSOULA MT 59801',
        ]).document_date?.value,
      ).toBe('2026-04-02');
  });
});

describe('csr-3270 dev seeds whose address prompts the layout’s labels misread', () => {
  // (a date above taken for the street, "ST NAME" read as a name label, a unit glued to its street,
  // the city line run into the street line)
  for (const seed of [13004, 13013, 13024, 13028, 13040, 13060])
    it(`csr-3270-${seed}: the service address`, async () => {
      const f = generateRandom(seed, { family: 'csr-3270', standins: 36 });
      const { got } = await readGenerated(f);
      expect(fieldCorrect('service_address', f.truth, got)).toBe(true);
    });
});

describe('pages that are no terminal screen give no screen reading (their labels are read as labels)', () => {
  const rowsOf = (rows: [number, string][], size = 8): TextLine[] =>
    rows.map(([col, r], i): TextLine => [30 + col * 0.6 * size, 50 + i * 11, r, { font: 'mono', size }]);
  const screenRows = (lines: TextLine[]) => screenLines(buildLayout(pagesOf([lines]), 'csr')).size;

  it('a fixed-width record of one prompt a row, one row of two captions at its head', () => {
    const record = rowsOf([
      [0, 'DATE:    04/02/26    ACCT:    5521 880 17'],
      [0, 'BTN:     406 555 0172'],
      [0, 'CUST:    HIGH PLAINS SURVEYING LLC'],
      [0, 'SVC:     2101 PROSPECT AVE'],
      [0, 'CSZ:     HELENA MT 59601'],
      [0, 'CONTACT: DANA ROSS'],
    ]);
    expect(screenRows(record)).toBe(0);
  });

  it('a line printer’s 132-column report, two padded prompts a row past a screen’s 80 columns', () => {
    const report = rowsOf(
      [
        [0, 'ACCT.......: 5521 880 17                           MAIN TN....: 406 555 0172'],
        [0, 'CUST NM....: HIGH PLAINS SURVEYING LLC                              CLS SVC....: BUS'],
        [0, 'HSE NBR....: 2101        ST NAME....: PROSPECT AVE                  SVC ESTAB..: 03/14/19'],
        [0, 'CITY.......: HELENA      STATE......: MT      ZIP........: 59601    TAX EXMPT..: NONE'],
      ],
      6,
    );
    expect(screenRows(report)).toBe(0);
  });

  it('a form’s capital labels over their values (each label’s own value empty on its row)', () => {
    const grid = rowsOf([
      [0, 'STREET:                 UNIT:        CITY:            STATE:   ZIP:'],
      [0, '2101 PROSPECT AVE       STE 4        HELENA           MT       59601'],
      [0, 'ACCOUNT NAME:           BTN:         DATE:'],
      [0, 'HIGH PLAINS LLC         4065550172   04/02/26'],
    ]);
    expect(screenRows(grid)).toBe(0);
  });

  it('an invoice’s head of capital captions, two a row, is no screen (a screen print is a CSR’s)', () => {
    const head = rowsOf([
      [0, 'ACCOUNT NO.: 7528 8812 3684      MAIN LINE: 925-555-0172'],
      [0, 'BILLED ON: 03-21-2026            DUE DATE: 04-11-2026'],
      [0, 'HSE NBR: 2101                    ST NAME: PROSPECT AVE'],
      [0, 'CITY: HELENA      ST: MT         ZIP: 59601'],
    ]);
    expect(screenLines(buildLayout(pagesOf([head]), 'invoice')).size).toBe(0);
    expect(screenRows(head)).toBeGreaterThan(0);
  });

  // the dev layouts that print capital prompts and their values but are no screen
  for (const family of ['csr-fixed', 'csr-greenbar', 'csr-tree', 'csr-sections'])
    it(`${family}: no row is a screen row`, async () => {
      for (const seed of [15600, 15601, 15602, 14000]) {
        const f = generateRandom(seed, { family, standins: 36 });
        const doc = await readDocument(await renderTextPdf(f.model), { name: `${f.id}.pdf` });
        expect(screenLines(buildLayout(doc.pages, 'csr')).size).toBe(0);
      }
    });

  it('a screen print is one: its rows are screen rows (the contrast to the cases above)', () => {
    const lines = screen([...HEAD, 'HSE: 66   STREET: GRANITE PEAK WAY', 'CSZ: MISSOULA MT 59801']);
    expect(screenRows(lines)).toBeGreaterThanOrEqual(4);
  });
});
