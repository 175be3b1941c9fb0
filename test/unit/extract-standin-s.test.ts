import { describe, expect, it } from 'vitest';
import { readDocument } from '../../electron/core/documents/read.js';
import { extractFields } from '../../electron/core/extract/index.js';
import type { ExtractedFields } from '../../shared/domain/document.js';
import { testOnlyWordingsPrinted } from '../helpers/generated.js';
import { readRows, type TextRow } from '../helpers/text-rows.js';
import type { TextStyle } from '../fixtures/generator/layout.js';
import { generateRandom } from '../fixtures/generator/random.js';
import { fieldCorrect } from '../fixtures/generator/score.js';
import { renderTextPdf } from '../fixtures/generator/pdf.js';

/*
 * Rules met on first sight of two stand-ins (standin-s.ts): a port-out LOA printed as a form of boxes
 * captioned in small print UNDER each box, its service address over part boxes (house no. | street |
 * unit | city | state | ZIP), and a landscape bill whose "Service Location(s)" panel lists several
 * sites of which one holds the phone lines. Each rule is checked on pages written here in several
 * wordings, rendered to real text PDFs and read back, with a control that it stays where it belongs.
 */

const VAL: TextStyle = { font: 'sans', size: 9.5 };
const CAP: TextStyle = { font: 'sans', size: 7.5 };
const BOLD: TextStyle = { font: 'sans-bold', size: 10 };

type Row = TextRow;

const read = (rows: Row[], kind: 'loa' | 'invoice', width = 612, height = 792): Promise<ExtractedFields> =>
  readRows(rows, kind, { style: VAL, width, height });

it('the new stand-ins print no test-only label wording', () => {
  for (const family of ['loa-boxform', 'inv-landscape'])
    for (const seed of [1, 2, 3, 8, 10]) expect(testOnlyWordingsPrinted(family, seed)).toBe(0);
});

/** A boxed LOA: each value inside its box, its caption in small print under the box. */
function boxedLoa(heading: string, addressRows: { x: number; value: string; caption: string }[][]): Row[] {
  const rows: Row[] = [
    [44, 46, 'Harborline Voice', BOLD],
    [44, 76, 'Letter of Authorization', BOLD],
    [44, 110, 'Customer Information', BOLD],
    [48, 137, 'Northgate Realty Group Ltd.'],
    [46, 151, 'Name on Account', CAP],
    [48, 175, '976-404-0830'],
    [46, 189, 'Account Number', CAP],
    [44, 214, heading, BOLD],
  ];
  let y = 240;
  for (const row of addressRows) {
    for (const c of row) {
      if (c.value) rows.push([c.x + 2, y, c.value]);
      rows.push([c.x, y + 14, c.caption, CAP]);
    }
    y += 38;
  }
  rows.push(
    [44, y + 4, 'Telephone Numbers to be Ported', BOLD],
    [48, y + 30, '(913) 555-0160'],
    [228, y + 30, '(913) 555-0174'],
    [48, y + 80, 'Tyrone Dubois'],
    [46, y + 94, 'Printed Name', CAP],
    [320, y + 80, '01/27/2026'],
    [318, y + 94, 'Date', CAP],
  );
  return rows;
}

describe('a service address over part boxes captioned under them', () => {
  const cases: [string, string, string[], Record<string, string>][] = [
    // house number | street name | unit | city | state | ZIP on one row
    [
      'Service Address',
      'one row',
      ['29364|House No.', 'Union Rd.|Street Name', 'Unit 38|Apt/Suite', 'Wichita|City', 'KS|State', '67260|ZIP'],
      { street_line: '29364 Union Rd.', unit: 'Unit 38', city: 'Wichita', state: 'KS', zip5: '67260' },
    ],
    // a street name without a type: the number's own caption says it is a house number
    [
      'Location of Service',
      'no street type',
      ['410|Street #', 'Broadway|Street', '|Suite No.', 'Overland Park|City / Town', 'KS|ST', '66210|ZIP Code'],
      { street_line: '410 Broadway', unit: '', city: 'Overland Park', state: 'KS', zip5: '66210' },
    ],
    // an ordinal street, the unit box left empty: no unit (not the next row's text)
    [
      'Physical Service Address',
      'empty unit box',
      [
        '6933|Number',
        '21st Cir|Street Name & Suffix',
        '|Suite / Floor',
        'New Haven|Town',
        'CT|State',
        '06507|Zip Code',
      ],
      { street_line: '6933 21st Cir', unit: '', city: 'New Haven', state: 'CT', zip5: '06507' },
    ],
  ];
  const xs = [44, 110, 330, 400, 500, 540];
  for (const [heading, name, cells, want] of cases)
    it(`${name}: "${heading}"`, async () => {
      const row = cells.map((c, i) => {
        const [value, caption] = c.split('|') as [string, string];
        return { x: xs[i]!, value, caption };
      });
      const got = await read(boxedLoa(heading, [row]), 'loa');
      expect(got.service_address?.value).toMatchObject(want);
    });

  it('two rows: house no. | street | unit over city | state | ZIP', async () => {
    const got = await read(
      boxedLoa('B. Location of Service', [
        [
          { x: 44, value: '16827', caption: 'HOUSE NO.' },
          { x: 130, value: 'N Park Ter', caption: 'STREET NAME' },
          { x: 450, value: '', caption: 'APT / UNIT / STE' },
        ],
        [
          { x: 44, value: 'Buffalo', caption: 'CITY' },
          { x: 340, value: 'NY', caption: 'STATE' },
          { x: 430, value: '14269', caption: 'ZIP CODE' },
        ],
      ]),
      'loa',
    );
    expect(got.service_address?.value).toMatchObject({ street_line: '16827 N Park Ter', unit: '', city: 'Buffalo' });
  });

  it('control: a number box beside a word that is no street (a count and its unit) is no street', async () => {
    const got = await read(
      boxedLoa('Service Address', [
        [
          { x: 44, value: '12', caption: 'Quantity' },
          { x: 110, value: 'Lines', caption: 'Type' },
        ],
        [
          { x: 44, value: '88 Elm St', caption: 'Street Address' },
          { x: 330, value: 'Wichita', caption: 'City' },
          { x: 500, value: 'KS', caption: 'State' },
          { x: 540, value: '67260', caption: 'ZIP' },
        ],
      ]),
      'loa',
    );
    expect(got.service_address?.value).toMatchObject({ street_line: '88 Elm St', city: 'Wichita' });
  });
});

describe("a bill's list of sites under one service heading: the site of the lines", () => {
  /** A landscape bill: Bill To left, the sites panel right, a usage table whose rows name each line's site. */
  const bill = (heading: string, sites: [string, string, string, string][], rowSite: (i: number) => string): Row[] => {
    const rows: Row[] = [
      [36, 44, 'Spectrum Business', BOLD],
      [36, 100, 'Account', CAP],
      [160, 100, 'Bill Date', CAP],
      [36, 114, '3361 68 642'],
      [160, 114, '06/12/2025'],
      [36, 160, 'Bill To:', BOLD],
      [36, 176, 'Anderson & Kim L.L.C.'],
      [36, 189, '3353 Main Ln'],
      [36, 202, 'Mount Pleasant, SC 29466'],
      [400, 160, heading, BOLD],
    ];
    let y = 176;
    for (const [title, service, street, city] of sites) {
      rows.push([400, y, title], [690, y, service, CAP], [408, y + 12, street], [408, y + 24, city]);
      y += 44;
    }
    y += 20;
    rows.push([36, y, 'Number', CAP], [156, y, 'Site', CAP], [276, y, 'Description', CAP], [700, y, 'Charges', CAP]);
    const lines = ['843 403 3260', '843 403 3271', '-'];
    lines.forEach((n, i) => {
      rows.push([36, y + 14 * (i + 1), n], [156, y + 14 * (i + 1), rowSite(i)], [700, y + 14 * (i + 1), '$31.27']);
    });
    return rows;
  };
  const sites: [string, string, string, string][] = [
    ['Warehouse (Loc # 758662)', 'Ethernet 50 Mbps', '56 Hill Ln', 'Charleston, SC 29401'],
    ['Clinic (Loc # 888027)', 'Alarm Circuit', '2866 Coral Reef Pl', 'Myrtle Beach, SC 29575'],
    ['Headquarters (Loc # 818562)', 'Business Lines', '3353 Main Ln', 'Mount Pleasant, SC 29466'],
  ];
  for (const heading of ['Service Location(s)', 'Service Addresses', 'Service Address(es)'])
    it(`the site id on the numbers' rows: "${heading}"`, async () => {
      const got = await read(
        bill(heading, sites, (i) => (i < 2 ? '818562' : '758662')),
        'invoice',
        792,
        612,
      );
      expect(got.service_address?.value).toMatchObject({ street_line: '3353 Main Ln', city: 'Mount Pleasant' });
    });

  it("control: the site's name on the numbers' rows, the site listed first", async () => {
    const named: [string, string, string, string][] = [
      ['Site 1: Main Office', 'Voice', '3353 Main Ln', 'Mount Pleasant, SC 29466'],
      ['Site 2: Yard', 'Data Only', '56 Hill Ln', 'Charleston, SC 29401'],
    ];
    const got = await read(
      bill('Service Locations', named, (i) => (i < 2 ? 'Main Office' : 'Yard')),
      'invoice',
      792,
      612,
    );
    expect(got.service_address?.value).toMatchObject({ street_line: '3353 Main Ln' });
  });

  for (const title of ['HEADQUARTERS (Loc # 786837)', '1. Clinic', 'Main Office (Site ID 818562)'])
    it(`a list of one site under its title: "${title}"`, async () => {
      const one: [string, string, string, string][] = [
        [title, 'Voice Services', '13 Oak Parkway', 'Rapid City, SD 57703'],
      ];
      const got = await read(
        bill('Service Locations', one, () => ''),
        'invoice',
        792,
        612,
      );
      expect(got.service_address?.value).toMatchObject({ street_line: '13 Oak Parkway', city: 'Rapid City' });
    });

  // (the stand-in's own pages: a one-site panel in small type whose title holds the site's id or ordinal)
  for (const seed of [30803, 30870, 30879, 30885])
    it(`inv-landscape seed ${seed}: the one site listed`, async () => {
      const f = generateRandom(seed, { family: 'inv-landscape' });
      const doc = await readDocument(await renderTextPdf(f.model), { name: 'case.pdf' });
      const got = extractFields(doc.pages, 'invoice').fields;
      expect(fieldCorrect('service_address', f.truth, got)).toBe(true);
    });

  it('without a link to the rows, the one site whose service is voice lines', async () => {
    const got = await read(
      bill('Locations Served', sites, () => ''),
      'invoice',
      792,
      612,
    );
    expect(got.service_address?.value).toMatchObject({ street_line: '3353 Main Ln' });
  });
});

describe("a toll-free number after the LOA's letterhead name: the issuer's desk", () => {
  const loa = (footer: string, numbers: string[]): Row[] => [
    [44, 40, 'Doc PT-312 rev 7/24', CAP],
    [44, 60, 'Meridian Cloud Voice', { font: 'sans-bold', size: 16 }],
    [44, 92, 'Letter of Authorization', BOLD],
    [48, 130, 'Northgate Realty Group Ltd.'],
    [46, 144, 'Name on Account', CAP],
    [48, 170, '976-404-0830'],
    [46, 184, 'Account Number', CAP],
    [44, 214, 'Service Address', BOLD],
    [48, 240, '38 North Washington Avenue, Overland Park, KS 66210'],
    [44, 280, 'Telephone Numbers to be Ported', BOLD],
    ...numbers.map((n, i): Row => [48 + 180 * i, 306, n]),
    [48, 360, 'Tyrone Dubois'],
    [46, 374, 'Printed Name', CAP],
    [320, 360, '01/27/2026'],
    [318, 374, 'Date', CAP],
    [180, 760, footer, CAP],
  ];
  for (const footer of [
    'Meridian Cloud Voice Porting desk 877.365.7226',
    'Meridian Cloud Voice  LNP Team  (866) 555-0135',
    'MERIDIAN CLOUD VOICE - Number Transfers 1-800-555-0152',
  ])
    it(`"${footer}"`, async () => {
      const got = await read(loa(footer, ['(913) 555-0160', '(913) 555-0174']), 'loa');
      expect(got.phone_numbers?.value).toEqual(['+19135550160', '+19135550174']);
    });

  it('control: a toll-free number listed to port stays a number to port', async () => {
    const got = await read(
      loa('Meridian Cloud Voice Porting desk 877.365.7226', ['(913) 555-0160', '(888) 555-0143']),
      'loa',
    );
    expect(got.phone_numbers?.value).toEqual(['+19135550160', '+18885550143']);
  });
});

describe("a wide bill's header row: an account number wrapped in its cell beside another wrapped cell", () => {
  const SMALL: TextStyle = { font: 'sans-bold', size: 7 };
  /** captions over one row of values; `wrapped` holds each cell's second line ('' for none) */
  const header = (caps: string[], values: string[], wrapped: string[], xs: number[], centre: boolean): Row[] => {
    const rows: Row[] = [[36, 44, 'Optimum Business', BOLD]];
    const w = (t: string, st: TextStyle) => (t.length * st.size) / 2;
    caps.forEach((c, i) => {
      const cx = (x: number, t: string, st: TextStyle) => (centre ? x + 50 - w(t, st) / 2 : x + 4);
      rows.push([cx(xs[i]!, c, SMALL), 104, c, SMALL]);
      rows.push([cx(xs[i]!, values[i]!, VAL), 122, values[i]!]);
      if (wrapped[i]) rows.push([cx(xs[i]!, wrapped[i]!, VAL), 134, wrapped[i]!]);
    });
    rows.push(
      [36, 170, 'Bill To:', BOLD],
      [36, 184, 'Copper Canyon Plumbing & Heating Ltd.'],
      [36, 196, '36 Commerce Pkwy'],
    );
    rows.push([36, 208, 'Corpus Christi, TX 78419']);
    return rows;
  };
  const xs = [40, 150, 290, 390, 480, 570];
  for (const centre of [false, true])
    for (const [cap, value, rest] of [
      ['Billing Account Number', '6204 19 232', '6677374'],
      ['Account #', '4107 39 860', '1534977'],
    ] as const)
      it(`"${cap}" ${centre ? 'centred' : 'left'}`, async () => {
        const got = await read(
          header(
            [cap, 'Customer Name', 'Statement Date', 'Amount', 'Due', 'Bill Number'],
            [value, 'Copper Canyon Plumbing &', '2024-02-09', '$2,205.81', '2024-03-01', '427905'],
            [rest, 'Heating Ltd.', '', '', '', ''],
            xs,
            centre,
          ),
          'invoice',
          792,
          612,
        );
        expect(got.account_number?.value).toBe(`${value} ${rest}`);
      });

  it("control: a table's next row under the value is no wrap", async () => {
    const got = await read(
      header(
        ['Account #', 'Line', 'Statement Date', 'Amount', 'Due', 'Bill Number'],
        ['4107 39 860', '361-664-3730', '2024-02-09', '$2,205.81', '2024-03-01', '427905'],
        ['1534977', '361-372-7942', '2024-01-09', '$1,205.81', '2024-02-01', '427811'],
        xs,
        false,
      ),
      'invoice',
      792,
      612,
    );
    expect(got.account_number?.value).toBe('4107 39 860');
  });
});
