import { describe, expect, it } from 'vitest';
import { readDocument } from '../../electron/core/documents/read.js';
import { extractFields } from '../../electron/core/extract/index.js';
import { parsePerson } from '../../electron/core/extract/values.js';
import type { DocumentKind, ExtractedFields } from '../../shared/domain/document.js';
import { PageBuilder, textWidth, type TextStyle } from '../fixtures/generator/layout.js';
import { renderTextPdf } from '../fixtures/generator/pdf.js';

/*
 * What a records office's statement and a customer's app screenshot still lost (issue 9): a statement's
 * address heading over its own "Street ..... 12 Main St" rows took the line over the heading as the street;
 * a caption whose value beside it says there is none ("None recorded", "-") read the closing paragraph under
 * it as the person; a section heading ("ACCOUNT PARTICULARS") or the document's title came back as a name;
 * "Nominated contact" was no caption of the person; two captions stacked ("Authorised Signatory  -" over
 * "PIN Code  7067") were read as one; a card's "Billed to" over the customer's name read nothing. The
 * wordings here are not the stand-ins'.
 */

const BODY: TextStyle = { font: 'serif', size: 10 };
const HEAD: TextStyle = { font: 'serif-bold', size: 12 };

type Row = [caption: string, ...values: string[]] | string;

/** Rows from `y` down: a heading (a string), or a caption, a dot leader and its values set right at 552. */
function statement(p: PageBuilder, rows: Row[], y = 110): number {
  const x = 60;
  const right = 552;
  const unit = textWidth('.', BODY.font, BODY.size);
  for (const r of rows) {
    if (typeof r === 'string') {
      p.text(x, y, r, HEAD);
      y += 18;
      continue;
    }
    const [caption, ...values] = r;
    values.forEach((val, i) => {
      if (i === 0) {
        const cw = textWidth(caption, BODY.font, BODY.size);
        const vw = textWidth(val, BODY.font, BODY.size);
        p.text(x, y, caption, BODY);
        p.text(x + cw + 4, y, '.'.repeat(Math.floor((right - vw - 8 - (x + cw + 4)) / unit)), BODY);
      }
      p.textRight(right, y, val, BODY);
      y += 14;
    });
  }
  return y + 6;
}

function letterhead(p: PageBuilder, carrier: string, dateLine: string): void {
  p.text(220, 40, carrier, { font: 'serif-bold', size: 15 });
  p.text(60, 80, 'Statement of Account Record', { font: 'serif-bold', size: 13 });
  p.text(60, 96, dateLine, BODY);
}

async function read(p: PageBuilder, kind: DocumentKind): Promise<ExtractedFields> {
  const pages = (await readDocument(await renderTextPdf({ pages: [p.build()] }), { name: 'doc.pdf' })).pages;
  return extractFields(pages, kind).fields;
}

const v = <T>(f: { value: T } | undefined) => f?.value;

describe('a statement heading over its own address rows', () => {
  it.each([
    ['Service Location', 'as at 5 August 2026', 'Street', 'City, State, ZIP'],
    ['Installation Address', 'Reference REC-684690', 'Address', 'Town / State / ZIP'],
    ['Premises Served', 'Statement date: the 3rd day of December, 2024', 'Street address', 'Locality'],
  ])('"%s" takes its street from its Street row, not the line over it ("%s")', async (heading, above, st, csz) => {
    const p = new PageBuilder();
    p.text(220, 40, 'Lakeshore Telephone', { font: 'serif-bold', size: 15 });
    p.text(60, 80, 'Statement of Account Record', { font: 'serif-bold', size: 13 });
    statement(
      p,
      [
        ['Registered name', 'Cobalt Ridge Surveying LLC'],
        ['Account number', '4471-0082-19'],
      ],
      100,
    );
    p.text(60, 146, above, BODY);
    statement(p, [heading, [st, '6039 Cypress Lane'], [csz, 'Hilo, HI 96720-6383']], 166);
    const got = await read(p, 'csr');
    expect(v(got.service_address)).toMatchObject({
      street_line: '6039 Cypress Lane',
      city: 'Hilo',
      state: 'HI',
      zip5: '96720',
    });
  });
});

describe("a statement's person rows", () => {
  it.each([
    ['Authorized person', 'None recorded', 'I certify that the particulars above are a true extract of our records.'],
    ['Contact on the account', '-', 'This statement reproduces the account record as held on the date above.'],
    ['Authorised Signatory', 'n/a', 'The details shown are those on our records at the date of this statement.'],
  ])('"%s" marked "%s" names no one: the paragraph under it is no person', async (caption, mark, paragraph) => {
    const p = new PageBuilder();
    letterhead(p, 'Lakeshore Telephone', 'as at 14 May 2025');
    const y = statement(p, [
      ['Registered name', 'Cobalt Ridge Surveying LLC'],
      ['Account number', '4471-0082-19'],
      'Authorization',
      [caption, mark],
    ]);
    p.text(60, y + 10, paragraph, BODY);
    const got = await read(p, 'csr');
    expect(got.authorized_person).toBeUndefined();
    expect(v(got.account_name)).toBe('Cobalt Ridge Surveying LLC');
  });

  it.each([
    ['Persons Authorized', 'Nominated contact', 'Priya Okonkwo'],
    ['Security', 'Appointed representative', 'Dmitri Halvorsen'],
    ['Authorization', 'NOMINATED CONTACT', 'Rosa Lindqvist'],
  ])('under "%s", "%s" is the person\'s caption, never the person', async (heading, caption, person) => {
    const p = new PageBuilder();
    letterhead(p, 'Lakeshore Telephone', 'as at 14 May 2025');
    statement(p, [
      ['Registered name', 'Cobalt Ridge Surveying LLC'],
      ['Account number', '4471-0082-19'],
      heading,
      [caption, person],
    ]);
    const got = await read(p, 'csr');
    expect(v(got.authorized_person)).toBe(person);
  });

  it.each([
    ['Authorised Signatory', '-', 'PIN Code', '7067'],
    ['Authorized Contact', 'None', 'Account PIN', '4410'],
    ['Account Administrator', '-', 'Porting Passcode', '918273'],
  ])('"%s  %s" over "%s  %s" are two rows: the PIN is read', async (upper, mark, lower, pin) => {
    const p = new PageBuilder();
    letterhead(p, 'Lakeshore Telephone', 'as at 14 May 2025');
    statement(p, [
      ['Registered name', 'Cobalt Ridge Surveying LLC'],
      ['Account number', '4471-0082-19'],
      'Persons Authorized',
      [upper, mark],
      [lower, pin],
    ]);
    const got = await read(p, 'csr');
    expect(v(got.pin)).toBe(pin);
  });
});

/** Small capitals: each run of capitals full size, each run of lower-case letters upper-cased and smaller. */
function smallCaps(p: PageBuilder, x: number, y: number, text: string, style: TextStyle): void {
  for (const m of text.matchAll(/[^a-z]+|[a-z]+/g)) {
    const lower = /^[a-z]/.test(m[0]);
    x = p.text(x, y, m[0].toUpperCase(), lower ? { ...style, size: style.size * 0.78 } : style);
  }
}

describe("a statement's section headings and title are no one's name", () => {
  it.each(['Account Particulars', 'Subscriber Particulars', 'Certified Account Statement'])(
    '"%s" in small capitals over the rows',
    async (heading) => {
      const p = new PageBuilder();
      p.text(220, 40, 'Lakeshore Telephone', { font: 'serif-bold', size: 15 });
      p.text(60, 100, 'as at 14 May 2025', BODY);
      smallCaps(p, 60, 124, heading, { font: 'serif-bold', size: 11.5 });
      let y = 138;
      for (const [caption, value] of [
        ['Name of account holder', 'Cobalt Ridge Surveying LLC'],
        ['Account number', '4471-0082-19'],
        ['Customer since', '3 March 2019'],
      ] as const) {
        p.text(60, y, caption, BODY);
        p.text(60 + textWidth(caption, BODY.font, BODY.size) + 30, y, value, BODY);
        y += 14;
      }
      const got = await read(p, 'csr');
      expect(got.authorized_person).toBeUndefined();
      expect(v(got.account_name)).toBe('Cobalt Ridge Surveying LLC');
    },
  );
});

describe("an app's account card addressed to the customer by name alone", () => {
  it.each(['Billed to', 'Bill to', 'Invoice to'])('"%s" over the name gives the account name', async (caption) => {
    const p = new PageBuilder(390, 900);
    const small: TextStyle = { font: 'sans', size: 8.5 };
    const large: TextStyle = { font: 'sans-bold', size: 13 };
    p.text(20, 30, 'Summit Voice', { font: 'sans-bold', size: 15 });
    p.text(32, 70, 'Total due', small);
    p.text(32, 90, '$412.06', { font: 'sans-bold', size: 20 });
    p.text(32, 130, 'Statement date', small);
    p.text(32, 146, '04/26/2024', large);
    p.text(32, 180, 'Your account', { font: 'sans-bold', size: 11 });
    p.text(32, 200, caption, small);
    p.text(32, 216, 'Granite Peak Home Health Services, Co.', large);
    p.text(32, 240, 'Account number', small);
    p.text(32, 256, '241013461', large);
    p.text(32, 280, 'Service address', small);
    p.text(32, 296, '5474 Oak Road', large);
    p.text(32, 312, 'Sioux Falls, SD 57117', large);
    const got = await read(p, 'invoice');
    expect(v(got.account_name)).toBe('Granite Peak Home Health Services, Co.');
    expect(v(got.account_number)).toBe('241013461');
  });
});

describe("a master account's stacked sites whose parts are captioned row by row", () => {
  const SANS: TextStyle = { font: 'sans', size: 9 };
  const BOLD: TextStyle = { font: 'sans-bold', size: 9 };
  /** Lines from y 50 down, 13 points apart: cells [x, text, bold?]. */
  function page(lines: [number, string, boolean?][][]): PageBuilder {
    const p = new PageBuilder(792, 612);
    lines.forEach((cells, i) => {
      for (const [x, text, bold] of cells) p.text(x, 50 + i * 13, text, bold ? BOLD : SANS);
    });
    return p;
  }

  it.each([
    ['POSTCODE:', 'SITE 1 OF 2', 'SITE 2 OF 2 - Showroom [Billing location]'],
    ['Post code:', 'Location 01', 'Location 02 (Primary)'],
    ['Postal Code:', 'Branch 1', 'Branch 2 - MAIN'],
  ])('a site whose ZIP is captioned "%s" is a site: the marked one gives the address', async (zipCap, first, main) => {
    const p = page([
      [[40, 'Harborline Telecom', true]],
      [
        [56, 'Customer:'],
        [174, 'Timberline Law Offices L.L.C.'],
      ],
      [
        [56, 'Parent account:'],
        [174, '270507602'],
      ],
      [[52, first, true]],
      [
        [60, 'STREET ADDRESS:'],
        [154, '4136 Mill Ter'],
      ],
      [
        [60, 'CITY:'],
        [88, 'White Plains'],
        [162, 'STATE:'],
        [200, 'NY'],
        [234, zipCap],
        [293, '10607'],
      ],
      [
        [60, 'Working TN', true],
        [140, 'Status', true],
      ],
      [
        [60, '(914) 555-0107'],
        [140, 'Active'],
      ],
      [[52, main, true]],
      [
        [60, 'STREET ADDRESS:'],
        [154, '7318 Lincoln Circle'],
      ],
      [
        [60, 'CITY:'],
        [88, 'White Plains'],
        [162, 'STATE:'],
        [200, 'NY'],
        [234, 'ZIP:'],
        [293, '10610'],
      ],
      [
        [60, 'Working TN', true],
        [140, 'Status', true],
      ],
      [
        [60, '(914) 810-7518'],
        [140, 'Active'],
      ],
    ]);
    const got = await read(p, 'csr');
    expect(v(got.service_address)).toMatchObject({ street_line: '7318 Lincoln Circle', zip5: '10610' });
    expect(v(got.phone_numbers)).toEqual(['+19145550107', '+19148107518']);
  });
});

describe('a caption naming where the lines are, a telephone number beside it, over the address rows', () => {
  it.each([
    ['Lines at this location:', 'Addr Line 1:'],
    ['Lines at this location:', 'Street:'],
    ['Numbers at this location:', 'Street address:'],
  ])('"%s (509) 555-0149" gives no street: "%s" does', async (caption, streetCap) => {
    const p = new PageBuilder();
    const SANS: TextStyle = { font: 'sans', size: 9 };
    const rows: [string, string][] = [
      ['Subscriber:', 'Palmetto Roofing P.A.'],
      ['Master Acct No.:', '4693969373663'],
      [caption, '(509) 555-0149'],
      [streetCap, '6103 Spring Terrace'],
    ];
    rows.forEach(([k, val], i) => {
      p.text(44, 60 + i * 13, k, SANS);
      p.text(190, 60 + i * 13, val, SANS);
    });
    const y = 60 + rows.length * 13;
    p.text(44, y, 'City/Town:', SANS);
    p.text(107, y, 'Spokane', SANS);
    p.text(171, y, 'State Abbr.:', SANS);
    p.text(225, y, 'WA', SANS);
    p.text(260, y, 'ZIP:', SANS);
    p.text(290, y, '99258', SANS);
    const got = await read(p, 'csr');
    expect(v(got.service_address)).toMatchObject({
      street_line: '6103 Spring Terrace',
      city: 'Spokane',
      zip5: '99258',
    });
  });
});

describe("an app's cards: captions set small between values printed larger", () => {
  it.each([
    ['Name on account', 'Account no.'],
    ['Corporate Name', 'Account No'],
    ['Customer name', 'Account number'],
  ])('"%s" heads the name under it, "%s" the number under it', async (nameCap, acctCap) => {
    const p = new PageBuilder(390, 900);
    const small: TextStyle = { font: 'sans', size: 8.5 };
    const large: TextStyle = { font: 'sans', size: 13 };
    p.text(20, 30, 'Summit Voice', { font: 'sans-bold', size: 15 });
    // each caption 18 points under the value before it, its own value 24 points under it
    let y = 80;
    for (const [caption, value] of [
      ['Statement date', '04/26/2024'],
      [nameCap, 'Sunbelt Medical Billing Co.'],
      [acctCap, '361-317-6586-704'],
      ['Service location', '15671 Broadway Pkwy., Unit 38A'],
    ] as const) {
      p.text(32, y, caption, small);
      p.text(32, y + 24, value, large);
      y += 42;
    }
    p.text(32, y - 18 + 14, 'Corpus Christi, TX 78417-9162', large);
    const got = await read(p, 'invoice');
    expect(v(got.account_name)).toBe('Sunbelt Medical Billing Co.');
    expect(v(got.account_number)).toBe('361-317-6586-704');
  });
});

describe("a closing paragraph's opening words are no person's name", () => {
  it.each(['I certify that the particulars', 'This statement reproduces the account', 'The details shown are those'])(
    '"%s"',
    (words) => {
      expect(parsePerson(words)).toBeNull();
    },
  );

  it("a split name's pieces and a particle stay a name", () => {
    expect(parsePerson('Maria de la Cruz')?.value).toBe('Maria de la Cruz');
    expect(parsePerson('Nancy Van der Berg')?.value).toBe('Nancy Van der Berg');
  });
});
