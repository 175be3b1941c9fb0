import { describe, expect, it } from 'vitest';
import { readDocument } from '../../electron/core/documents/read.js';
import { recastLeaderRows } from '../../electron/core/extract/csr-leaders.js';
import { extractFields } from '../../electron/core/extract/index.js';
import type { ExtractedFields, PageText } from '../../shared/domain/document.js';
import { PageBuilder, textWidth, type TextStyle } from '../fixtures/generator/layout.js';
import { renderTextPdf } from '../fixtures/generator/pdf.js';

/*
 * A statement of record set as "Caption ........ value" with the values RIGHT-ALIGNED to the column's edge
 * (csr-dotleader, standin-y.ts): the value stands a page's width from its caption and an address's second
 * line starts wherever its length puts it. The wordings and leaders here are not the stand-in's.
 */

const BODY: TextStyle = { font: 'serif', size: 10 };

type Row = [caption: string, ...values: string[]] | string;

/** Rows from y 60 down: a heading (a string) or a caption, a leader of `leader` and values right-aligned at `right`. */
function draw(
  p: PageBuilder,
  rows: Row[],
  o: { x: number; right: number; leader: string; joined?: boolean; y?: number; overrun?: number },
) {
  let y = o.y ?? 60;
  // (a printer that measures its leader's dots narrower than it prints them runs the leader on under the value)
  const unit = textWidth(o.leader, BODY.font, BODY.size) / (o.overrun ?? 1);
  for (const r of rows) {
    if (typeof r === 'string') {
      p.text(o.x, y, r, { ...BODY, font: 'serif-bold' });
      y += 16;
      continue;
    }
    const [caption, ...values] = r;
    values.forEach((val, i) => {
      const vw = textWidth(val, BODY.font, BODY.size);
      if (i === 0) {
        const cw = textWidth(caption, BODY.font, BODY.size);
        const n = Math.floor((o.right - vw - 6 - (o.x + cw + 4)) / unit);
        const dots = o.leader.repeat(Math.max(0, n)).trimEnd();
        if (o.joined) p.text(o.x, y, `${caption} ${dots}`, BODY);
        else {
          p.text(o.x, y, caption, BODY);
          p.text(o.x + cw + 4, y, dots, BODY);
        }
      }
      p.textRight(o.right, y, val, BODY);
      y += 14;
    });
  }
  return y;
}

async function read(p: PageBuilder): Promise<{ got: ExtractedFields; pages: PageText[] }> {
  const pages = (await readDocument(await renderTextPdf({ pages: [p.build()] }), { name: 'statement.pdf' })).pages;
  return { got: extractFields(pages, 'csr').fields, pages };
}

const v = <T>(f: { value: T } | undefined) => f?.value;

describe('a statement whose values are set right after dot leaders is read row by row', () => {
  it('solid dots, one column: the name, account, address on two lines, PIN and contact', async () => {
    const p = new PageBuilder();
    p.text(60, 40, 'Prairie Line Telephone Cooperative', { font: 'serif-bold', size: 14 });
    draw(
      p,
      [
        'Member Record',
        ['Member name', 'Juniper Hollow Veterinary Clinic LLC'],
        ['Member account', '44120-0831'],
        ['Member since', 'March 3, 2014'],
        'Premises',
        ['Installed at', '1180 County Road 9, Unit B', 'Hastings, NE 68901'],
        'Security',
        ['Port-out PIN', '5127'],
        ['Authorized contact', 'Rosalind Achterberg'],
        ['Statement date', 'June 2, 2025'],
      ],
      { x: 60, right: 552, leader: '.' },
    );
    const { got } = await read(p);
    expect(v(got.account_name)).toBe('Juniper Hollow Veterinary Clinic LLC');
    expect(v(got.account_number)).toBe('44120-0831');
    expect(v(got.service_address)).toMatchObject({
      street_line: '1180 County Road 9',
      city: 'Hastings',
      zip5: '68901',
    });
    expect(v(got.pin)).toBe('5127');
    expect(v(got.authorized_person)).toBe('Rosalind Achterberg');
  });

  it('two columns side by side (spaced dots run on from the caption): each column read on its own right edge', async () => {
    const p = new PageBuilder();
    p.text(50, 40, 'Tri-County Communications', { font: 'serif-bold', size: 14 });
    draw(
      p,
      [
        ['Subscriber', 'Ashgrove Family Dentistry,', 'Professional Corporation'],
        ['Account', '7730 118 2290'],
        ['Service street', '45 Quarry Lane'],
        ['Town, State, ZIP', 'Barre, VT 05641'],
      ],
      { x: 50, right: 296, leader: '. ', joined: true },
    );
    draw(
      p,
      [
        ['Billing number', '802-555-0147'],
        ['Line 2', '802-555-0148'],
        ['Line 3', '802-555-0190'],
        ['Passcode', '660413'],
      ],
      { x: 316, right: 562, leader: '. ', joined: true },
    );
    const { got } = await read(p);
    expect(v(got.account_name)).toBe('Ashgrove Family Dentistry, Professional Corporation');
    expect(v(got.account_number)).toBe('7730 118 2290');
    expect(v(got.btn)).toBe('+18025550147');
    expect(v(got.phone_numbers)).toEqual(['+18025550147', '+18025550148', '+18025550190']);
    expect(v(got.pin)).toBe('660413');
  });

  it("spaced dots run on under the values (a leader measured short): the dots over a value are the leader's", async () => {
    const p = new PageBuilder();
    p.text(60, 40, 'Lakes Region Telephone', { font: 'serif-bold', size: 14 });
    draw(
      p,
      [
        'Subscriber',
        ['Registered subscriber', 'Old Mill Pond Outfitters Corporation'],
        ['Subscriber account', '4410 27 903 1185620'],
        ['Premises', '6767 Forest Blvd.', 'Dayton, OH 45403-4363'],
        'Security',
        ['Person authorized', 'Chen E. Okafor'],
        ['Port-out PIN', '715852'],
      ],
      { x: 60, right: 552, leader: '. ', overrun: 1.1 },
    );
    const { got } = await read(p);
    expect(v(got.account_name)).toBe('Old Mill Pond Outfitters Corporation');
    expect(v(got.account_number)).toBe('4410 27 903 1185620');
    expect(v(got.service_address)).toMatchObject({ street_line: '6767 Forest Blvd.', city: 'Dayton', zip5: '45403' });
    expect(v(got.authorized_person)).toBe('Chen E. Okafor');
    expect(v(got.pin)).toBe('715852');
  });

  it('two columns, the right one naming the signer and PIN under a heading: each column on its own edge', async () => {
    const p = new PageBuilder();
    p.text(54, 40, 'Sawtooth Valley Telecom', { font: 'serif-bold', size: 14 });
    draw(
      p,
      [
        'Customer',
        ['Name of customer', 'Harbor Light Dental P.C.'],
        ['Customer no.', 'SVT7741902'],
        ['Listed as', 'HLD Services'],
        'Place of service',
        ['Street', '6781 Harbor Boulevard'],
        ['Locality', 'Tucson, AZ 85731'],
      ],
      { x: 54, right: 292, leader: '.' },
    );
    draw(
      p,
      [
        'Lines',
        ['Main number', '1-520-209-4549'],
        ['Line 2', '1-520-555-0170'],
        'Authority',
        ['Signer on file', 'Ibrahim Kowalski'],
        ['Transfer PIN', '256360'],
      ],
      { x: 318, right: 558, leader: '.' },
    );
    const { got } = await read(p);
    expect(v(got.account_name)).toBe('Harbor Light Dental P.C.');
    expect(v(got.account_number)).toBe('SVT7741902');
    expect(v(got.service_address)).toMatchObject({
      street_line: '6781 Harbor Boulevard',
      city: 'Tucson',
      zip5: '85731',
    });
    expect(v(got.authorized_person)).toBe('Ibrahim Kowalski');
    expect(v(got.pin)).toBe('256360');
    expect(v(got.phone_numbers)).toEqual(['+15202094549', '+15205550170']);
  });

  it('underscore leaders and a date in a deed\'s words ("the 29th day of March, 2023")', async () => {
    const p = new PageBuilder();
    p.text(60, 40, 'Great Plains Telecom', { font: 'serif-bold', size: 14 });
    p.text(60, 56, 'Record of account as at the 29th day of March, 2023', BODY);
    draw(
      p,
      [
        ['Name on the account', 'Kettle River Outfitters Inc.'],
        ['Account no.', 'GP-0049917'],
        ['Address of service', '77 Depot Street', 'Sandstone, MN 55072'],
        ['Main number', '(320) 555-0133'],
      ],
      { x: 60, right: 552, leader: '_', y: 80 },
    );
    const { got } = await read(p);
    expect(v(got.account_name)).toBe('Kettle River Outfitters Inc.');
    expect(v(got.account_number)).toBe('GP-0049917');
    expect(v(got.service_address)).toMatchObject({ street_line: '77 Depot Street', city: 'Sandstone', zip5: '55072' });
    expect(v(got.document_date)).toBe('2023-03-29');
  });

  it('a form of blank rows to fill in (leaders, no values) is left as it is', async () => {
    const p = new PageBuilder();
    for (const [i, c] of ['Name', 'Account number', 'Service address', 'Signature'].entries())
      p.text(60, 80 + i * 20, `${c} ${'.'.repeat(80)}`, BODY);
    const pages = (await readDocument(await renderTextPdf({ pages: [p.build()] }), { name: 'form.pdf' })).pages;
    expect(recastLeaderRows(pages)).toBeNull();
  });

  it('a grid whose values start on one edge is a column already: left as it is, even where some end level', async () => {
    const p = new PageBuilder();
    const mono: TextStyle = { font: 'mono', size: 10 };
    const rows = [
      ['Billing TN', '+1 225 424 5926'],
      ['Administrator', 'Elizabeth Rossi'],
      ['Account no.', '338-708-9551-45'],
      ['Status', 'ACTIVE'],
    ];
    rows.forEach(([c, val], i) => {
      const cw = textWidth(c!, 'mono', 10);
      p.text(48, 80 + i * 16, c!, mono);
      p.text(48 + cw + 4, 80 + i * 16, '.'.repeat(Math.floor((270 - 48 - cw - 4) / textWidth('.', 'mono', 10))), mono);
      p.text(278, 80 + i * 16, val!, mono);
    });
    const pages = (await readDocument(await renderTextPdf({ pages: [p.build()] }), { name: 'grid.pdf' })).pages;
    expect(recastLeaderRows(pages)).toBeNull();
  });

  it('rows whose values do not share a right edge (a leader to a value set anywhere) are left as they are', async () => {
    const p = new PageBuilder();
    p.text(60, 80, 'Name ........ Cora Lindqvist', BODY);
    p.text(60, 100, 'Account ...... 5512-0098', BODY);
    p.text(60, 120, 'Phone ........ 937-555-0101 (main)', BODY);
    const pages = (await readDocument(await renderTextPdf({ pages: [p.build()] }), { name: 'note.pdf' })).pages;
    expect(recastLeaderRows(pages)).toBeNull();
  });
});
