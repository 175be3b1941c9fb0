import { describe, expect, it } from 'vitest';
import { readDocument } from '../../electron/core/documents/read.js';
import { withoutOtherSites } from '../../electron/core/extract/csr-sites.js';
import { extractFields } from '../../electron/core/extract/index.js';
import type { ExtractedFields, PageText } from '../../shared/domain/document.js';
import { PageBuilder, textWidth, type TextStyle } from '../fixtures/generator/layout.js';
import { renderTextPdf } from '../fixtures/generator/pdf.js';

/*
 * A master account's record with its service locations stacked as sections (csr-multiloc, standin-y.ts):
 * the account's service address is its main location's — marked in its heading, by a row in every
 * section, by the account's block naming it, or by holding the BTN the account's block prints — wherever
 * that section stands. Every location's working lines are the account's. The wordings are not the
 * stand-in's.
 */

const SANS: TextStyle = { font: 'sans', size: 9 };
const BOLD: TextStyle = { font: 'sans-bold', size: 9 };

/** Lines from y 50 down, 13 points apart: cells [x, text, bold?]. */
function page(lines: [number, string, boolean?][][]): PageBuilder {
  const p = new PageBuilder();
  lines.forEach((cells, i) => {
    for (const [x, text, bold] of cells) p.text(x, 50 + i * 13, text, bold ? BOLD : SANS);
  });
  return p;
}

async function pagesOf(p: PageBuilder): Promise<PageText[]> {
  return (await readDocument(await renderTextPdf({ pages: [p.build()] }), { name: 'sites.pdf' })).pages;
}

async function read(p: PageBuilder): Promise<ExtractedFields> {
  return extractFields(await pagesOf(p), 'csr').fields;
}

const v = <T>(f: { value: T } | undefined) => f?.value;

/** A site section: heading, address on two lines, optional rows, then its lines (TN | status). */
function site(head: string, street: string, city: string, lines: [string, string][], rows: [string, string][] = []) {
  return [
    [[40, head, true]],
    [
      [52, 'Site address:'],
      [140, street],
    ],
    [[140, city]],
    ...rows.map(([k, val]) => [
      [52, k],
      [140, val],
    ]),
    [
      [52, 'Number', true],
      [150, 'Status', true],
    ],
    ...lines.map(([n, s]) => [
      [52, n],
      [150, s],
    ]),
  ] as [number, string, boolean?][][];
}

describe("a master account's stacked locations are read as its main location's", () => {
  it('the main location marked in its heading, second of three: its address; every working line', async () => {
    const got = await read(
      page([
        [[40, 'Keystone Regional Telephone', true]],
        [[40, 'Corporate Account - All Sites   Report date: 05/14/2025']],
        [
          [40, 'Company:'],
          [140, 'Bramblewood Property Management LLC'],
        ],
        [
          [40, 'Corporate acct no.:'],
          [140, '3309-7715-0042'],
        ],
        ...site('Site 01 - Leasing Office', '14 Orchard Way', 'Lancaster, PA 17601', [
          ['717-555-0101', 'Active'],
          ['717-555-0102', 'Active'],
        ]),
        ...site('Site 02 - Headquarters (Primary)', '2200 Fruitville Pike, Suite 300', 'Lancaster, PA 17601', [
          ['717-555-0140', 'Active'],
          ['717-555-0141', 'Disconnected'],
        ]),
        ...site('Site 03 - Maintenance Shop', '9 Rider Ave', 'Ephrata, PA 17522', [['717-555-0177', 'Active']]),
      ]),
    );
    expect(v(got.service_address)).toMatchObject({ street_line: '2200 Fruitville Pike', unit: 'Suite 300' });
    expect(v(got.phone_numbers)).toEqual(
      expect.arrayContaining(['+17175550101', '+17175550102', '+17175550140', '+17175550177']),
    );
    expect(v(got.phone_numbers)).not.toContain('+17175550141');
  });

  it('a "Main site: Yes / No" row in every section, the main one last', async () => {
    const got = await read(
      page([
        [[40, 'Blue Ridge Connect', true]],
        [
          [40, 'Customer:'],
          [140, 'Laurel Fork Outfitters Inc.'],
        ],
        [
          [40, 'Account #:'],
          [140, 'BRC-55120'],
        ],
        ...site('Location 1', '300 Depot St', 'Boone, NC 28607', [['828-555-0110', 'Working']], [['Main site:', 'No']]),
        ...site(
          'Location 2',
          '71 Howard St',
          'Blowing Rock, NC 28605',
          [['828-555-0120', 'Working']],
          [['Main site:', 'Yes']],
        ),
      ]),
    );
    expect(v(got.service_address)).toMatchObject({ street_line: '71 Howard St', city: 'Blowing Rock' });
  });

  it("the section holding the BTN the account's block prints", async () => {
    const got = await read(
      page([
        [[40, 'Cascade Business Voice', true]],
        [
          [40, 'Account name:'],
          [140, 'Tillicum Coffee Roasters'],
        ],
        [
          [40, 'BTN:'],
          [140, '(503) 555-0160'],
        ],
        ...site('Location 0007 - Cafe', '18 NW 23rd Ave', 'Portland, OR 97210', [['503-555-0111', 'Active']]),
        ...site('Location 0009 - Roastery', '4100 SE Division St', 'Portland, OR 97202', [
          ['503-555-0160', 'Active'],
          ['503-555-0161', 'Active'],
        ]),
      ]),
    );
    expect(v(got.service_address)).toMatchObject({ street_line: '4100 SE Division St', zip5: '97202' });
  });

  it("the account's block naming the main location", async () => {
    const got = await read(
      page([
        [[40, 'Lakes Area Telecom', true]],
        [
          [40, 'Account holder:'],
          [140, 'Northshore Dental Partners PA'],
        ],
        [
          [40, 'Primary location:'],
          [140, 'Site 2'],
        ],
        ...site('Site 1 - Clinic', '500 Lake Ave', 'Duluth, MN 55802', [['218-555-0133', 'Active']]),
        ...site('Site 2 - Business Office', '1200 London Rd', 'Duluth, MN 55805', [['218-555-0150', 'Active']]),
      ]),
    );
    expect(v(got.service_address)).toMatchObject({ street_line: '1200 London Rd', zip5: '55805' });
  });

  it('sections none of which is marked are left as they are', async () => {
    const pages = await pagesOf(
      page([
        [[40, 'Account:  7788-1']],
        ...site('Location 1', '300 Depot St', 'Boone, NC 28607', [['828-555-0110', 'Working']]),
        ...site('Location 2', '71 Howard St', 'Blowing Rock, NC 28605', [['828-555-0120', 'Working']]),
      ]),
    );
    expect(withoutOtherSites(pages)).toBeNull();
  });

  it('rows written "Caption: answer" in one cell: the address run on after its caption, "Primary location: Yes"', async () => {
    for (const [caption, main] of [
      ['Service Location', 1],
      ['Site address', 0],
    ] as const) {
      // (the address's next line under its first word, the street set close after the caption)
      const x = 52 + textWidth(caption, 'sans', 9) + 5;
      const section = (head: string, street: string, city: string, primary: boolean, tns: string) =>
        [
          [[40, head, true]],
          [
            [52, caption],
            [x, street],
          ],
          [[x, city]],
          [[52, `Primary location: ${primary ? 'Yes' : 'No'}`]],
          [[52, `Lines at this location: ${tns}`]],
        ] as [number, string, boolean?][][];
      const got = await read(
        page([
          [[40, 'Canyon State Telecom', true]],
          [
            [40, 'Master account name:'],
            [160, 'Red Rock Chiropractic Center Corp.'],
          ],
          [
            [40, 'Customer No.:'],
            [160, '361-256-8961-735'],
          ],
          ...section(
            'Svc Loc LOC-22',
            '42 Lincoln Hwy, ROOM 163',
            'Myrtle Beach, SC 29588',
            main === 0,
            '(843) 394-9921, (843) 555-0151',
          ),
          ...section(
            'Svc Loc LOC-51',
            '8194 Cypress Boulevard STE 907',
            'Corpus Christi, TX 78414',
            main === 1,
            '(361) 256-8961, (361) 555-0187',
          ),
        ]),
      );
      expect(v(got.service_address)).toMatchObject(
        main === 1
          ? { street_line: '8194 Cypress Boulevard', city: 'Corpus Christi', zip5: '78414' }
          : { street_line: '42 Lincoln Hwy', city: 'Myrtle Beach', zip5: '29588' },
      );
      expect(v(got.phone_numbers)).toEqual(
        expect.arrayContaining(['+18433949921', '+18435550151', '+13612568961', '+13615550187']),
      );
    }
  });
});
