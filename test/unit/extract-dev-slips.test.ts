import { describe, expect, it } from 'vitest';
import { readGenerated } from '../helpers/generated.js';
import type { DocumentKind, ExtractedFields, PageText } from '../../shared/domain/document.js';
import { extractFields } from '../../electron/core/extract/index.js';
import { pageOf, type TextLine } from '../fixtures/generator/handmade.js';
import { generateRandom } from '../fixtures/generator/random.js';

/*
 * Dev misreads that recur on carriers nobody has seen: a value overrun by the next caption, a customer
 * number beating the account number a bare caption gives, a header row's value taken by a heading
 * under it, a unit under a caption of designators, a street type wrapped alone, a right column's line
 * over a caption read as its value, a name cut where other rows start a column. Each from a dev seed
 * (the stand-in count pinned at 26, so the seed draws the family named) and from a page built by hand
 * in other wording.
 */

async function read(seed: number, family: string): Promise<{ got: ExtractedFields; truth: Record<string, unknown> }> {
  const f = generateRandom(seed, { standins: 26 });
  expect(f.id).toBe(`${family}-${seed}`);
  return readGenerated(f);
}

const fields = (lines: TextLine[], kind: DocumentKind) => extractFields([pageOf(lines)], kind).fields;

describe('an account number overrun by the next caption', () => {
  // 502: the last group drawn under "STATEMENT NUMBER:" (a line of its own at the same height);
  // 7303: "CUST." glued to the last group
  for (const seed of [502, 7303])
    it(`inv-stmtcols-${seed}: the whole number, without the caption's word`, async () => {
      const { got, truth } = await read(seed, 'inv-stmtcols');
      expect(got.account_number?.value).toBe(truth.account_number);
    });

  it('a hand-built bill: the last group under the next caption, and a caption word glued on', () => {
    const overprinted = fields(
      [
        [40, 40, 'Northwind Telecom', { size: 14 }],
        [40, 100, 'Acct no: 4410 22 781'],
        [130, 100, '9935521'],
        [150, 100, 'INVOICE DATE: 03/02/2026'],
        [40, 140, 'Amount due $212.40'],
      ],
      'invoice',
    );
    expect(overprinted.account_number?.value).toBe('4410 22 781 9935521');
    const glued = fields(
      [
        [40, 40, 'Northwind Telecom', { size: 14 }],
        [40, 100, 'ACCOUNT: 318-555-0172-904INVOICE NO.: 77120'],
      ],
      'invoice',
    );
    expect(glued.account_number?.value).toBe('318-555-0172-904');
  });
});

describe('a bare "Account" caption over a grouped account number beats the customer number', () => {
  for (const seed of [148, 1333, 1519])
    it(`inv-stmtcols-${seed}: the account number, not the customer number`, async () => {
      const { got, truth } = await read(seed, 'inv-stmtcols');
      expect(got.account_number?.value).toBe(truth.account_number);
    });

  it('a hand-built bill: "Customer ID 55218" beside, "Account" over 804-555-0193-221', () => {
    const f = fields(
      [
        [40, 40, 'Blue Ridge Telephone', { size: 14 }],
        [300, 80, 'Customer ID'],
        [420, 80, '55218'],
        [40, 130, 'Invoice'],
        [220, 130, 'Account'],
        [40, 144, '88120455'],
        [220, 144, '804-555-0193-221'],
      ],
      'invoice',
    );
    expect(f.account_number?.value).toBe('804-555-0193-221');
  });
});

describe("a header row's values are its captions', not a heading's printed tight under them", () => {
  it('inv-stmtcols-670: the value under "ACCT #"', async () => {
    const { got, truth } = await read(670, 'inv-stmtcols');
    expect(got.account_number?.value).toBe(truth.account_number);
  });

  it('a hand-built bill: "Billing account" over its value, "Site address:" right under the value', () => {
    const f = fields(
      [
        [40, 40, 'Blue Ridge Telephone', { size: 14 }],
        [40, 100, 'CUSTOMER CODE'],
        [220, 100, 'BILL NO.'],
        [400, 100, 'BILLING ACCOUNT'],
        [40, 112, '20931'],
        [220, 112, 'B7731200'],
        [400, 112, '772-104-5583-12'],
        [380, 121, 'SITE ADDRESS:'],
        [380, 133, '118 Orchard Hill Rd'],
        [380, 145, 'Roanoke, VA 24014'],
      ],
      'invoice',
    );
    expect(f.account_number?.value).toBe('772-104-5583-12');
  });
});

describe('a unit under a caption of designators alone', () => {
  for (const seed of [855, 1878])
    it(`loa-carrierform-${seed}: "Ste / Fl / Rm:" beside the street gives the unit`, async () => {
      const { got, truth } = await read(seed, 'loa-carrierform');
      expect(got.service_address?.value).toEqual(truth.service_address);
    });

  it('a hand-built form: "Bldg / Fl / Rm:" beside the street, the city aligned under it', () => {
    const f = fields(
      [
        [40, 40, 'Letter of Authorization', { size: 14 }],
        [40, 100, 'Service street address:'],
        [170, 100, '5120 Kestrel Ave'],
        [420, 100, 'Bldg / Fl / Rm: RM 210'],
        [40, 120, 'City:'],
        [170, 120, 'Tacoma'],
        [300, 120, 'State: WA'],
        [400, 120, 'ZIP code: 98404'],
      ],
      'loa',
    );
    expect(f.service_address?.value).toMatchObject({ street_line: '5120 Kestrel Ave', unit: 'RM 210', zip5: '98404' });
  });
});

describe('a street type wrapped alone under the street beside its label', () => {
  it('inv-grid-1444: "21689 S Washington" over "Ln"', async () => {
    const { got, truth } = await read(1444, 'inv-grid');
    expect(got.service_address?.value).toEqual(truth.service_address);
  });

  it('a hand-built bill: "Premises: 880 Old Quarry" over "Ln"', () => {
    const f = fields(
      [
        [40, 40, 'Blue Ridge Telephone', { size: 14 }],
        [300, 100, 'Premises: 880 Old Quarry'],
        [353, 112, 'Ln'],
        [353, 124, 'Lynchburg, VA 24502'],
      ],
      'invoice',
    );
    expect(f.service_address?.value).toMatchObject({ street_line: '880 Old Quarry Ln', city: 'Lynchburg' });
  });
});

describe("a right column's line over a person's caption is not the person", () => {
  for (const seed of [671, 1934])
    it(`csr-portalprint-${seed}: the name under "AUTHORIZED REPRESENTATIVE:", not "Active" over it`, async () => {
      const { got, truth } = await read(seed, 'csr-portalprint');
      expect(got.authorized_person?.value).toBe(truth.authorized_person);
    });

  it('a hand-built profile: "AUTHORIZED CONTACT:" under a right column\'s "Enabled (since 2019)"', () => {
    const f = fields(
      [
        [40, 40, 'Account profile', { size: 14 }],
        [300, 90, 'PORTAL ACCESS:'],
        [300, 101, 'Enabled (since 2019)'],
        [40, 108, 'AUTHORIZED CONTACT:'],
        [40, 120, 'Marisol T. Okonkwo'],
        // a caption whose masked value is no word: it reads the line over it
        [40, 140, 'ACCOUNT PIN:'],
        [40, 152, '····'],
      ],
      'csr',
    );
    expect(f.authorized_person?.value).toBe('Marisol T. Okonkwo');
  });
});

describe('a name cut mid-name where other rows start a column', () => {
  it('inv-grid-1309: "Timberline Print &" | "Sign Main Account" over "Corporation"', async () => {
    const { got, truth } = await read(1309, 'inv-grid');
    expect(got.account_name?.value).toBe(truth.account_name);
  });

  it('a hand-built bill: "Ridgeline Print &" | "Sign Main Account 540-555-0184" over "Corporation"', () => {
    // the run-on word starts where the rows below start their captions, a word space after the name
    const f = fields(
      [
        [40, 40, 'Blue Ridge Telephone', { size: 14 }],
        [40, 100, 'Company name:'],
        [145, 100, 'Ridgeline Print & Sign'],
        [251, 100, 'Main Account 540-555-0184'],
        [145, 112, 'Corporation'],
        [223, 112, 'Number (BTN):'],
        [40, 124, 'Acct No.:'],
        [145, 124, '540-555-0184-310'],
        [223, 124, 'Pay By:'],
        [330, 124, '04/02/2026'],
        [40, 136, 'Invoice #'],
        [145, 136, '7730215'],
        [223, 136, 'Location of'],
        [330, 136, '412 Mill Race Rd'],
        [40, 148, 'Bill date:'],
        [145, 148, '03/09/2026'],
        [223, 148, 'Service:'],
        [330, 148, 'Roanoke, VA 24014'],
      ],
      'invoice',
    );
    expect(f.account_name?.value).toBe('Ridgeline Print & Sign Corporation');
  });
});

describe("a ZIP is five digits or five and four: a number run on after it is the next column's", () => {
  it('loa-multisite-474: "07306-5717 201.989.8481" in the ZIP column', async () => {
    const { got, truth } = await read(474, 'loa-multisite');
    expect(got.service_address?.value).toEqual(truth.service_address);
  });

  it('a hand-built site table: "60201-3312 847.555.0148", not the next row\'s ZIP', () => {
    const f = fields(
      [
        [40, 40, 'Porting request', { size: 14 }],
        [40, 90, 'Sites'],
        [50, 110, 'Site'],
        [80, 110, 'Street address'],
        [220, 110, 'Town'],
        [300, 110, 'State'],
        [330, 110, 'Postal'],
        [420, 110, 'Lines to move'],
        [50, 124, '1'],
        [80, 124, '410 Larch Ave'],
        [220, 124, 'Evanston'],
        [300, 124, 'IL'],
        [330, 124, '60201-3312 847.555.0148'],
        [420, 124, '847.555.0148'],
        [50, 138, '2'],
        [80, 138, '77 Ridge Rd'],
        [220, 138, 'Evanston'],
        [300, 138, 'IL'],
        [330, 138, '60202'],
        [420, 138, '847.555.0190'],
      ],
      'loa',
    );
    expect(f.service_address?.value).toMatchObject({ street_line: '410 Larch Ave', zip5: '60201', zip4: '3312' });
  });
});

describe("a table's next row is no wrapped end of a cell", () => {
  it('loa-multisite-603: "Spokane" over the next row\'s "Boise"', async () => {
    const { got, truth } = await read(603, 'loa-multisite');
    expect(got.service_address?.value).toEqual(truth.service_address);
  });

  it('loa-multisite-1656: a lone ZIP beside a state read as a street tag ("LA | 70827") is no street', async () => {
    const { got, truth } = await read(1656, 'loa-multisite');
    expect(got.service_address?.value).toEqual(truth.service_address);
  });

  it('a hand-built site table: "Evanston" over the next row\'s "Skokie"', () => {
    const f = fields(
      [
        [40, 40, 'Porting request', { size: 14 }],
        [40, 90, 'Sites'],
        [50, 110, 'Loc'],
        [80, 110, 'Service address'],
        [220, 110, 'City'],
        [330, 110, 'ST'],
        [370, 110, 'ZIP'],
        [450, 110, 'Numbers'],
        [50, 122, '1'],
        [80, 122, '410 Larch Ave'],
        [220, 122, 'Evanston'],
        [330, 122, 'IL'],
        [370, 122, '60201-3312'],
        [450, 122, '847-555-0148'],
        [50, 134, '2'],
        [80, 134, '77 Ridge Rd'],
        [220, 134, 'Skokie'],
        [330, 134, 'IL'],
        [370, 134, '60076'],
        [450, 134, '847-555-0190'],
      ],
      'loa',
    );
    expect(f.service_address?.value).toMatchObject({ street_line: '410 Larch Ave', city: 'Evanston' });
  });
});

describe('a street wrapped more than once in a narrow column', () => {
  it('loa-grid-438: "18649" / "Northeast" / "Pine Valley" / "Parkway"', async () => {
    const { got, truth } = await read(438, 'loa-grid');
    expect(got.service_address?.value).toEqual(truth.service_address);
  });

  it('a hand-built form: "3310" / "South" / "Canyon Rim" / "Boulevard" under "HOUSE NO. / STREET"', () => {
    const f = fields(
      [
        [40, 40, 'Letter of Agency', { size: 14 }],
        [40, 100, 'HOUSE NO. / STREET'],
        [160, 100, 'APT/FLOOR'],
        [250, 100, 'TOWN'],
        [340, 100, 'STATE'],
        [400, 100, 'POSTAL CODE'],
        [40, 113, '3310'],
        [160, 113, 'Unit 5'],
        [250, 113, 'Bend'],
        [340, 113, 'OR'],
        [400, 113, '97701'],
        [40, 126, 'South'],
        [40, 139, 'Canyon Rim'],
        [40, 152, 'Boulevard'],
      ],
      'loa',
    );
    expect(f.service_address?.value).toMatchObject({ street_line: '3310 South Canyon Rim Boulevard', unit: 'Unit 5' });
  });
});

describe("a unit on the street cell's next line belongs to the address", () => {
  it('csr-rowsheet-14: "8330 Southwest Kingsley Lane" over "ROOM 336", the city in its own column', async () => {
    const { got, truth } = await read(14, 'csr-rowsheet');
    expect(got.service_address?.value).toEqual(truth.service_address);
  });

  it('csr-portal-365: a state and ZIP wrapped under the street ("FL 33908") is no floor', async () => {
    const { got, truth } = await read(365, 'csr-portal');
    expect(got.service_address?.value).toEqual(truth.service_address);
  });

  it('a hand-built line listing: "412 Elm Street" over "STE 210"', () => {
    const f = fields(
      [
        [30, 40, 'LINE LISTING BY ACCOUNT', { size: 12 }],
        [30, 80, 'ACCOUNT'],
        [130, 80, 'TEL NO'],
        [220, 80, 'SERVICE ADDR'],
        [340, 80, 'SVC CITY'],
        [340, 88, 'ST ZIP'],
        [470, 80, 'TYPE'],
        [30, 100, '41-5520-7781'],
        [130, 100, '937-555-0161'],
        [220, 100, '412 Elm Street'],
        [340, 100, 'Dayton, OH 45402'],
        [470, 100, '1FB'],
        [220, 109, 'STE 210'],
        [30, 122, '41-5520-7781'],
        [130, 122, '937-555-0177'],
        [220, 122, '412 Elm Street'],
        [340, 122, 'Dayton, OH 45402'],
        [470, 122, 'FAX'],
        [220, 131, 'STE 210'],
      ],
      'csr',
    );
    expect(f.service_address?.value).toMatchObject({ street_line: '412 Elm Street', unit: 'STE 210', city: 'Dayton' });
  });
});

describe('an OCR digit slip between the account number and the billing number it is built from', () => {
  // an OCR'd page: every word read at 0.95, the page's method OCR
  const ocrPage = (lines: TextLine[]): PageText => {
    const p = pageOf(lines);
    return { ...p, method: 'ocr', words: p.words.map((w) => ({ ...w, conf: 0.95 })) };
  };
  const page = (account: string): TextLine[] => [
    [40, 40, 'Blue Ridge Telephone', { size: 14 }],
    [40, 100, 'Account number: ' + account],
    [40, 120, 'Main number: 412-555-2210'],
    [40, 140, 'Amount due: $212.40'],
  ];

  it('a hand-built scan: "412-055-2210-318" beside 412-555-2210 is read, but as a check', () => {
    const f = extractFields([ocrPage(page('412-055-2210-318'))], 'invoice').fields;
    expect(f.account_number?.value).toBe('412-055-2210-318');
    expect(f.account_number?.confidence).toBeLessThanOrEqual(0.6);
    expect(f.account_number?.candidates?.every((c) => c.confidence <= 0.6)).toBe(true);
  });

  it('the same number agreeing with the billing number, or on a text layer, stays as sure as it was', () => {
    const agreeing = extractFields([ocrPage(page('412-555-2210-318'))], 'invoice').fields;
    expect(agreeing.account_number?.confidence).toBeGreaterThan(0.8);
    const text = fields(page('412-055-2210-318'), 'invoice');
    expect(text.account_number?.confidence).toBeGreaterThan(0.9);
  });
});
