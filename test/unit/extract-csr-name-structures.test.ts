/**
 * The CSR's ACCOUNT NAME in structures the account-name grammar probe (extract-account-name-grammar.test.ts)
 * does not build: a data record whose value the printer WRAPPED over lines, a SECTION HEADING standing over
 * the business block ("Customer", "Account Holder", "Billing Contact") whose rows are "key  value" pairs
 * without colons, a caption's hint in parentheses in capitals, a listed name (DBA) row BEFORE the account
 * name on a fixed-width record, a feature line in capitals after it, and a name in a screen print's fixed
 * columns continuing on the next row. A heading, a person, a listed name or a feature line is never the
 * account name; a value is never caption text.
 *
 * Every wording, name and business below is ours (none from a generator pool); each page is synthetic.
 */
import { describe, expect, it } from 'vitest';
import { readDocument } from '../../electron/core/documents/read.js';
import { extractFields } from '../../electron/core/extract/index.js';
import { pageOf, type TextLine } from '../fixtures/generator/handmade.js';
import { renderTextPdf } from '../fixtures/generator/pdf.js';
import { generateRandom } from '../fixtures/generator/random.js';

const MONO = { font: 'mono' as const, size: 8 };
const fold = (s: string | undefined) =>
  s?.toLowerCase().replace(/\s+/g, ' ').replace(/,/g, '').replace(/\.$/, '').trim();
const nameOn = (lines: TextLine[]) => extractFields([pageOf(lines)], 'csr').fields.account_name?.value;
const mono = (rows: string[], x = 36, top = 56, lead = 10.4): TextLine[] =>
  rows.flatMap((r, i): TextLine[] => (r ? [[x, top + i * lead, r, MONO]] : []));

/** Names long enough for a printer to wrap, with the words where each is wrapped. */
const WRAPPED: [string, number][] = [
  ['Old Mill Family Dentistry LLP', 4],
  ['Quail Run Pediatric Associates, P.C.', 3],
  ['Kessler & Sons Hardware and Lumber Co.', 5],
  ['Birch Hollow Veterinary Hospital PLLC', 2],
];

describe('a data record whose value the printer wrapped over lines', () => {
  for (const tag of ['CustomerName', 'AccountHolderLegalName', 'SubscriberName', 'BusinessName'])
    for (const [name, at] of WRAPPED)
      it(`XML <${tag}> "${name}" wrapped after word ${at}`, () => {
        const words = name.split(' ');
        const rows = [
          '<?xml version="1.0" encoding="UTF-8"?>',
          '<CustomerRecordReply>',
          '  <RequestRef>QX-20931</RequestRef>',
          '  <AsOf>2026-03-02</AsOf>',
          '  <AccountNumber>442918330715</AccountNumber>',
          `  <${tag}>${words.slice(0, at).join(' ')}`,
          `   ${words.slice(at).join(' ')}</${tag}>`,
          '  <ListingName>Harbor Side Shop</ListingName>',
          '  <BillingTn>4065550172</BillingTn>',
          '  <ServiceAddress>',
          '    <Line1>418 Oakmont Dr</Line1>',
          '    <City>Bozeman</City>',
          '    <State>MT</State>',
          '    <Zip>59715</Zip>',
          '  </ServiceAddress>',
          '</CustomerRecordReply>',
        ];
        expect(fold(nameOn(mono(rows)))).toBe(fold(name));
      });
  it('an element wrapped over three lines keeps every line up to its closing tag', () => {
    const rows = [
      '<?xml version="1.0"?>',
      '<Csr>',
      '  <AccountNumber>442918330715</AccountNumber>',
      '  <CustomerName>Kessler & Sons',
      '   Hardware and Lumber',
      '   Co.</CustomerName>',
      '  <Btn>4065550172</Btn>',
      '  <Street>418 Oakmont Dr</Street>',
      '  <City>Bozeman</City>',
      '  <State>MT</State>',
      '  <Zip>59715</Zip>',
      '</Csr>',
    ];
    expect(fold(nameOn(mono(rows)))).toBe(fold('Kessler & Sons Hardware and Lumber Co.'));
  });
});

/** A section heading, then indented "key  value" rows without colons (two or three spaces between). */
function section(heading: string, rows: [string, string][], gap = '   '): TextLine[] {
  const out: TextLine[] = [
    [40, 40, 'Northwind Telecom', { size: 14 }],
    [440, 40, 'Service Record'],
    [40, 70, 'Account', { font: 'sans-bold' as never }],
    [64, 84, `Account No.${gap}442918330715`],
    [64, 96, `Status${gap}Active`],
  ];
  let y = 120;
  out.push([40, y, heading]);
  y += 14;
  for (const [k, v] of rows) {
    out.push([64, y, `${k}${gap}${v}`]);
    y += 12;
  }
  y += 10;
  out.push([40, y, 'Location'], [64, y + 14, `Premises${gap}418 Oakmont Dr`], [120, y + 26, 'Bozeman, MT 59715']);
  return out;
}

const BIZ = 'Harbor Light Marine Supply LLC';

/** A caption of two words or more: its words part it from a business's even one space apart. */
const oneSpace = (caption: string) => caption.includes(' ');

describe('a section heading over the business block is no caption of the name', () => {
  const headings = ['Customer', 'ACCOUNT HOLDER', 'Holder', 'Subscriber Details', 'Account Owner', 'Billing Contact'];
  const captions = [
    'Subscriber',
    'Firm Name',
    'Business Legal Name (as registered)',
    'BUSINESS LEGAL NAME (AS REGISTERED)',
    'Registered name',
    'Client',
  ];
  const listed = ['Listed as', 'Known in directory as', 'Shown in listings as', 'Directory listing'];
  for (const heading of headings)
    for (const caption of captions)
      it(`"${heading}" over "${caption}  ${BIZ}"`, () => {
        for (const [i, l] of listed.entries()) {
          // (two or three spaces between key and value; or one, as a text layer may keep them)
          const gap = oneSpace(caption) && i === 3 ? ' ' : i % 2 ? '  ' : '   ';
          const rows: [string, string][] = [
            [caption, /^[A-Z ()]+$/.test(caption) ? BIZ.toUpperCase() : BIZ],
            [l, 'Harbor Light Shop'],
          ];
          expect(fold(nameOn(section(heading, rows, gap))), `${l}`).toBe(fold(BIZ));
        }
      });
});

describe("a caption's hint in parentheses, in capitals or not, is the caption's", () => {
  for (const hint of ['(AS REGISTERED)', '(AS FILED)', '(EXACTLY AS BILLED)', '(as on file)', '(As Shown On Bill)'])
    it(`"LEGAL NAME ${hint}"`, () => {
      const lines: TextLine[] = [
        [40, 40, 'Northwind Telecom', { size: 14 }],
        [40, 70, 'ACCOUNT NUMBER'],
        [240, 70, '442918330715'],
        [40, 84, `LEGAL NAME ${hint}`],
        [240, 84, BIZ.toUpperCase()],
        [40, 98, 'SERVICE ADDRESS'],
        [240, 98, '418 OAKMONT DR, BOZEMAN MT 59715'],
      ];
      expect(fold(nameOn(lines))).toBe(fold(BIZ));
    });
});

/** A fixed-width record with rows in the given order (tag, value), one pair a row. */
function fixed(rows: [string, string][], width = 8): TextLine[] {
  return mono([
    'MOUNTAIN BELL  CUSTOMER SERVICE RECORD                 PAGE 1',
    `${'ACCT'.padEnd(width)} 442-918-3307    ${'DATE'.padEnd(width)} 03/02/26`,
    ...rows.map(([t, v]) => `${t.padEnd(width)} ${v}`),
    `${'SA'.padEnd(width)} 418 OAKMONT DR`,
    `${'CSZ'.padEnd(width)} BOZEMAN MT 59715`,
  ]);
}

describe('a listed name (DBA) before the account name on a fixed-width record, a feature line after it', () => {
  for (const [listTag, nameTag] of <[string, string][]>[
    ['LN', 'NAME'],
    ['DBA', 'CUSNM'],
    ['LSTD', 'BN'],
    ['LNAME', 'NAME'],
    ['LISTED', 'ACNM'],
  ])
    it(`"${listTag}" before "${nameTag}"`, () => {
      for (const width of [8, 10])
        expect(
          fold(
            nameOn(
              fixed(
                [
                  [listTag, 'HARBOR SIDE SHOP'],
                  [nameTag, BIZ.toUpperCase()],
                ],
                width,
              ),
            ),
          ),
        ).toBe(fold(BIZ));
    });
  for (const [listTag, nameTag] of <[string, string][]>[
    ['NAME', 'LNAME'],
    ['NAME', 'LN'],
    ['CUSNM', 'LSTNM'],
  ])
    it(`"${nameTag}" (a listed name, or a tag that may mean one) after "${listTag}"`, () => {
      expect(
        fold(
          nameOn(
            fixed([
              [listTag, BIZ.toUpperCase()],
              [nameTag, 'HARBOR MAIN LINE'],
            ]),
          ),
        ),
      ).toBe(fold(BIZ));
    });
  for (const feature of ['1FB      BUSINESS LINE FLAT RATE', 'ESX      CALL WAITING', 'HTG      HUNTING SERIES'])
    it(`a feature line "${feature}" after the name`, () => {
      const rows = fixed([['NAME', BIZ.toUpperCase()]]);
      rows.push(...mono(['', `${feature}`], 36, 56 + rows.length * 10.4));
      expect(fold(nameOn(rows))).toBe(fold(BIZ));
    });
});

describe("a name in a screen print's fixed columns continuing on the next row", () => {
  for (const [first, rest] of [
    ['QUAIL RUN PEDIATRIC DENTAL', 'ASSOCIATES PLLC'],
    ['KESSLER & SONS HARDWARE AND', 'LUMBER CO'],
    ['BIRCH HOLLOW VETERINARY', 'HOSPITAL INC'],
  ])
    it(`"${first}" / "${rest}"`, () => {
      const rows = [
        'INQ7     ACCOUNT PROFILE                                       PG 01/02',
        'NORTHWIND TEL - ORDER SYS                               04/02/26 10:12:55',
        '',
        'ACCT NBR.: 5521 880 17    BTN.......: 406 555 0172',
        `CUST NAME: ${first}`,
        `           ${rest}`,
        'SVC ADDR.: 418 OAKMONT DR',
        '           BOZEMAN MT 59715',
      ];
      expect(fold(nameOn(mono(rows, 30, 50, 11)))).toBe(fold(`${first} ${rest}`));
    });
});

describe("a dot-leader table's one-word caption of the name over a number's caption is two rows", () => {
  // each row: its caption, a leader of dots up to the value column, the value about that column (a
  // printout's leader of whole dots leaves a value a little off it)
  const row = (y: number, caption: string, value: string, x = 218): TextLine[] => {
    const end = 48 + 5.6 * caption.length;
    return [
      [48, y, caption, { size: 12 }],
      [end + 4, y, '.'.repeat(Math.max(3, Math.floor((x - 6 - end - 4) / 2.78)))],
      [x, y, value],
    ];
  };
  for (const head of ['Subscriber', 'Customer', 'Company', 'Client'])
    for (const number of ['Account Num.', 'Acct No.', 'Billing Tel. Number', 'Account Number'])
      it(`"${head} ……" over "${number} ……"`, () => {
        const lines: TextLine[] = [
          [48, 40, 'Northwind Telecom', { size: 14 }],
          ...row(70, head, BIZ),
          ...row(88, number, number.includes('Tel') ? '406-555-0172' : '125041431', 236),
          ...row(106, 'Account Administrator', 'Dana Whitfield'),
          ...row(124, 'Where Service Is Located', '418 Oakmont Dr, Bozeman, MT 59715'),
        ];
        expect(fold(nameOn(lines))).toBe(fold(BIZ));
      });
});

describe("a record's rows at fixed columns under a section heading", () => {
  // each pair its own run: the key at the block's indent, the value at a column right of it
  const block = (heading: string, caption: string, value: string, listed: string): TextLine[] => [
    [40, 40, 'Northwind Telecom', { size: 14 }],
    [40, 70, 'ACCOUNT'],
    [56, 84, 'Account No.'],
    [140, 84, '442918330715'],
    [56, 96, 'Status'],
    [140, 96, 'Active'],
    [56, 108, 'Class'],
    [140, 108, 'Small business'],
    [40, 128, heading],
    [56, 142, caption],
    [140, 142, value],
    [56, 154, listed],
    [140, 154, 'HARBOR SIDE SHOP'],
    [40, 174, 'PREMISES'],
    [56, 188, 'Premises'],
    [140, 188, '418 OAKMONT DR'],
    [140, 200, 'BOZEMAN, MT 59715'],
  ];
  for (const heading of ['ACCOUNT HOLDER', 'Customer', 'SUBSCRIBER', 'Account Owner'])
    for (const caption of ['Firm Name', 'Legal Name', 'Company Name', 'Registered Name'])
      it(`"${heading}" over "${caption}": the row's caption reads the name, the heading nothing`, () => {
        for (const listed of ['Directory listing', 'Listed as'])
          expect(fold(nameOn(block(heading, caption, BIZ.toUpperCase(), listed)))).toBe(fold(BIZ));
      });
});

describe("a tag's hint in parentheses past a record's value column is the tag's", () => {
  for (const hint of ['(AS REGISTERED)', '(AS FILED)', '(EXACTLY AS BILLED)', '(ON FILE)'])
    it(`"BUSINESS LEGAL NAME ${hint}"`, () => {
      const lines: TextLine[] = [
        [40, 40, 'NORTHWIND TELECOM   ACCOUNT SERVICE RECORD'],
        [40, 70, 'ACCOUNT'],
        [64, 84, 'ACCOUNT NO'],
        [148, 84, '962583282107'],
        [64, 96, 'STATUS'],
        [148, 96, 'ACTIVE'],
        [64, 108, 'CLASS'],
        [148, 108, 'BUSINESS'],
        [40, 126, 'HOLDER'],
        [64, 140, `BUSINESS LEGAL NAME ${hint} ${BIZ.toUpperCase()}`],
        [64, 152, 'LISTED NAME'],
        [148, 152, 'HARBOR SIDE SHOP'],
        [40, 170, 'LOCATION'],
        [64, 184, 'PREMISES'],
        [148, 184, '418 OAKMONT DR'],
        [148, 196, 'BOZEMAN IL 60669'],
      ];
      expect(fold(nameOn(lines))).toBe(fold(BIZ));
    });
});

describe('fresh TUNE seeds of these shapes whose pages the synthetic ones above do not reproduce', () => {
  // (drawn with the 44 stand-ins of this stop, as other tests pin the count of theirs)
  const cases: [number, string, string][] = [
    [21696, 'csr-svcrecord', '"Customer" over "Subscriber Harvest …" with one space'],
    [21955, 'csr-svcrecord', 'the next row "Listed as …" run on after the legal form'],
    [22629, 'csr-svcrecord', '"ACCOUNT HOLDER" over "Firm Name", its value above'],
    [22760, 'csr-svcrecord', '"(AS REGISTERED)" past the value column'],
    [22486, 'csr-api', 'an XML element wrapped before its legal form'],
    [21716, 'csr-portalprint', "the name's second line in one run with the next column's number"],
  ];
  for (const [seed, family, what] of cases)
    it(`${family}-${seed}: ${what}`, async () => {
      const f = generateRandom(seed, { kind: 'csr', fresh: 'tune', standins: 44 });
      expect(f.layout).toBe(family);
      const doc = await readDocument(await renderTextPdf(f.model), { name: `${f.id}.pdf` });
      const got = extractFields(doc.pages, 'csr').fields.account_name?.value;
      expect(fold(got)).toBe(fold(String((f.truth as Record<string, unknown>).account_name)));
    });
});

describe("a name wrapped in a portal card's column keeps its last words", () => {
  // a card of two columns: caption and value left, another caption and value right; the name wraps in its cell
  for (const [first, rest, caption] of [
    ['Silver Creek', 'Medical Billing PC', 'Business account name'],
    ['Red Mesa Pediatric', 'Dental Group, P.C.', 'Company'],
    ['NORTHGATE FREIGHT', 'SUPPLY CO.', 'Customer name'],
  ])
    it(`"${first}" / "${rest}"`, () => {
      const lines: TextLine[] = [
        [36, 44, 'Northwind Telecom', { size: 14 }],
        [36, 100, 'Account details', { size: 13 }],
        [42, 132, caption!, { size: 8 }],
        [152, 134, first!],
        [312, 132, 'Customer account', { size: 8 }],
        // (the right column's value under its caption, on the name's second line)
        [312, 146, '668430670'],
        [152, 146, rest!],
        [312, 155, 'Primary number', { size: 8 }],
        [42, 169, 'Administrator', { size: 8 }],
        [152, 169, 'Bridget Johnson'],
        [312, 169, '1-775-210-8883'],
      ];
      expect(fold(nameOn(lines))).toBe(fold(`${first} ${rest}`));
    });
});

describe('a one-word caption in title case before a name in capitals; a heading in the plural heads a list', () => {
  for (const [caption, heading] of [
    ['Company', 'Subscribers'],
    ['Customer', 'Customers'],
    ['Subscriber', 'Companies'],
    ['Business', 'Subscribers'],
  ])
    it(`"${caption} ${BIZ.toUpperCase()}", "${heading}" over a table of users`, () => {
      const lines: TextLine[] = [
        [44, 44, 'Northwind Wireless'],
        [44, 81, 'Port-Out Information Sheet', { size: 13 }],
        [44, 113, `${caption} ${BIZ.toUpperCase()}`],
        [330, 113, 'Billing account no. 914-555-0120-810'],
        [44, 131, 'Passcode 7607'],
        [44, 180, 'E911 address'],
        [44, 196, '23 Park Terrace Rm 1166'],
        [44, 210, 'White Plains, NY 10602'],
        [48, 245, 'People on this account'],
        [48, 277, 'Contact name'],
        [200, 277, 'Access level'],
        [48, 296, 'Dmitri Okafor'],
        [200, 296, 'Owner / admin'],
        [48, 314, 'Karen E. Rossi'],
        [200, 314, 'Device user'],
        [48, 339, heading!],
        [48, 370, 'Wireless number'],
        [200, 370, 'User'],
        [48, 386, '914.555.0120'],
        [200, 386, 'Ibrahim Johansson'],
      ];
      expect(fold(nameOn(lines))).toBe(fold(BIZ));
    });
});

describe("a qualifier a word space before a caption is the caption's, not a pair before it", () => {
  for (const qualifier of ['CONNECT', 'INSTALL', 'LAST PMT'])
    it(`"${qualifier} DT: 10/18/2024" on a screen is no document date`, () => {
      const lines = mono(
        [
          'SORD CUSTOMER PROFILE SCREEN 1',
          'NORTHWIND COMMUNICATIONS - ACCESS CARE 05/16/2026 16:52:04',
          'ACCT NO: 270-555-0140-279   MAIN TN: 2705550140   STAT: ACT',
          `CUST NAME: ${BIZ.toUpperCase()}`,
          `${qualifier} DT: 10/18/2024`,
          'HSE NBR: 8918   ST NAME: 3RD COURT',
          'CTY: BOWLING GREEN   ST: KY ZIP CD: 42103-9863',
        ],
        30,
        50,
        11,
      );
      expect(extractFields([pageOf(lines)], 'csr').fields.document_date?.value).not.toBe('2024-10-18');
    });
});

describe("a record's tag ending in s is no plural heading", () => {
  for (const tag of ['CUS:', 'CUS', 'BUS NM:'])
    it(`"${tag} ${BIZ.toUpperCase()}" over the record's unit line`, () => {
      const lines = mono([
        'NORTHWIND COMMUNICATIONS   CSR INQUIRY   PAGE 1',
        'DT:      02/24/26   ACCT#:   919-555-0131-643',
        `${tag.padEnd(9)} ${BIZ.toUpperCase()}`,
        'SA ADDR1: 2858 HILL HWY',
        'SVC2:     ROOM 39C',
        'SA CSZ:   CHAPEL HILL, NC 27514',
      ]);
      expect(fold(nameOn(lines))).toBe(fold(BIZ));
    });
});
