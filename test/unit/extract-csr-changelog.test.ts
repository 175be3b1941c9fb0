import { describe, expect, it } from 'vitest';
import { readDocument } from '../../electron/core/documents/read.js';
import { recastChangeLog } from '../../electron/core/extract/csr-changelog.js';
import { extractFields } from '../../electron/core/extract/index.js';
import type { ExtractedFields, PageText } from '../../shared/domain/document.js';
import { PageBuilder, textWidth } from '../fixtures/generator/layout.js';
import { renderTextPdf } from '../fixtures/generator/pdf.js';
import { pageOfLines } from '../helpers/pages.js';

/*
 * An account printed as its change history (csr-changelog, standin-w.ts): dated entries, oldest or newest
 * first, in a table or as dated lines. The record is the state the history leaves: the latest premises, the
 * latest name, the lines added and not disconnected since, the authorized users added and not removed. The
 * wordings here are not the stand-in's.
 */

const SANS = { font: 'sans' as const, size: 9 };
const SMALL = { font: 'sans' as const, size: 7 };

/** Lines from y 50 down, 14 points apart: cells [x, text, small?]. */
async function read(lines: [number, string, boolean?][][]): Promise<{ got: ExtractedFields; pages: PageText[] }> {
  const p = new PageBuilder();
  lines.forEach((cells, i) => {
    for (const [x, text, small] of cells) p.text(x, 50 + i * 14, text, small ? SMALL : SANS);
  });
  const pages = (await readDocument(await renderTextPdf({ pages: [p.build()] }), { name: 'history.pdf' })).pages;
  return { got: extractFields(pages, 'csr').fields, pages };
}

const v = <T>(f: { value: T } | undefined) => f?.value;

describe("an account's change history is read as the state it leaves", () => {
  it('a table, newest first: a relocation, a line disconnected after it was listed, the author column apart', async () => {
    const { got } = await read([
      [[40, 'Lakeshore Telephone']],
      [[40, 'Business Account History']],
      [[40, 'Account 5512-0098   Riverbend Veterinary Clinic']],
      [
        [40, 'Date'],
        [110, 'Type'],
        [190, 'Details'],
        [520, 'Agent'],
      ],
      [
        [40, '03/02/2025'],
        [110, 'Address change'],
        [190, 'Service location relocated from 12 Oak St, Dayton, OH'],
        [520, 'tlee', true],
      ],
      [[190, '45402 to 450 Wayne Ave, Suite 2, Dayton, OH 45410']],
      [
        [40, '01/15/2025'],
        [110, 'Line removed'],
        [190, 'TN 937-555-0144 disconnected'],
        [520, 'system', true],
      ],
      [
        [40, '11/04/2024'],
        [110, 'Line added'],
        [190, 'TN 937-555-0150 added to the account'],
        [520, 'web', true],
      ],
      [
        [40, '06/11/2023'],
        [110, 'Lines'],
        [190, 'Lines activated: 937-555-0101, 937-555-0144'],
        [520, 'system', true],
      ],
      [
        [40, '06/10/2023'],
        [110, 'Account opened'],
        [190, 'Account opened for Riverbend Veterinary Clinic; service at 12 Oak St,'],
        [520, 'mkhan', true],
      ],
      [[190, 'Dayton, OH 45402']],
      [[40, 'Printed 04/01/2025 - questions? 800-555-0100']],
    ]);
    expect(v(got.service_address)).toMatchObject({
      street_line: '450 Wayne Ave',
      unit: 'Suite 2',
      city: 'Dayton',
      state: 'OH',
      zip5: '45410',
    });
    expect(v(got.phone_numbers)).toEqual(['+19375550101', '+19375550150']);
    expect(v(got.account_name)).toBe('Riverbend Veterinary Clinic');
  });

  it('dated lines, oldest first: a rename and a move with arrows, a contact added, a line cancelled', async () => {
    const { got } = await read([
      [[40, 'Gem State Communications - Account Activity']],
      [[40, 'Acct 4410032']],
      [
        [
          40,
          '2022-01-05  Account created (Northside Print Shop LLC) - service installed at 77 Pine Rd, Boise, ID 83702',
        ],
      ],
      [[40, '2022-01-05  New line 208-555-0120']],
      [[40, '2023-08-19  Account name changed: Northside Print Shop LLC -> Northside Print & Sign LLC']],
      [[40, '2024-02-02  Service moved: 77 Pine Rd, Boise, ID 83702 -> 1200 W Main St, Boise, ID 83702']],
      [[40, '2024-02-03  Line 208-555-0121 added']],
      [[40, '2024-05-30  Authorized contact Maria Chen added']],
      [[40, '2024-09-09  Line 208-555-0120 cancelled']],
      [[40, 'Report date: 10/01/2024']],
    ]);
    expect(v(got.account_name)).toBe('Northside Print & Sign LLC');
    expect(v(got.service_address)).toMatchObject({ street_line: '1200 W Main St', city: 'Boise', zip5: '83702' });
    expect(v(got.phone_numbers)).toEqual(['+12085550121']);
    expect(v(got.authorized_person)).toBe('Maria Chen');
  });

  it('a table whose author column is set in the same type just after the details', async () => {
    const rows: [string, string, string][] = [
      ['2021-03-01', 'Account opened for Old Mill Bakery; service at 9 Front St, Salem, OR 97301', 'kpatel'],
      ['2021-03-01', 'Line 503-555-0170 added', 'kpatel'],
      ['2022-07-14', 'Account name changed from Old Mill Bakery to Old Mill Bakery & Cafe LLC', 'rjones'],
      ['2023-01-09', 'Line 503-555-0171 added', 'web'],
      ['2023-05-02', 'Line 503-555-0170 disconnected', 'system'],
    ];
    // the column starts a space after the widest details
    const by = 100 + Math.max(...rows.map(([, text]) => textWidth(text, 'sans', 9))) + 4;
    const at = ([d, text, who]: [string, string, string]): [number, string][] => [
      [40, d],
      [100, text],
      [by, who],
    ];
    const { got } = await read([[[40, 'Account Changes - Acct 771-2040']], ...rows.map(at)]);
    expect(v(got.account_name)).toBe('Old Mill Bakery & Cafe LLC');
    expect(v(got.phone_numbers)).toEqual(['+15035550171']);
  });

  it('reads the log off a scan, whose word boxes are as tall as their letters', async () => {
    const [page] = pageOfLines(
      [
        [40, 40, 'Account History   Acct 3390-1177'],
        [40, 60, 'Jan 4, 2021'],
        [130, 60, 'Account opened for Pine Hollow Kennels; service at 14 Cedar Ln, Bend, OR 97701'],
        [40, 74, 'Jan 5, 2021'],
        [130, 74, 'Lines activated: 541-555-0190, 541-555-0191'],
        [40, 88, 'Jun 2, 2022'],
        [130, 88, 'Service address changed from 14 Cedar Ln, Bend, OR 97701 to 620 Galveston'],
        [130, 100, 'Ave, Unit 3, Bend, OR 97703'],
        [40, 114, 'Feb 9, 2023'],
        [130, 114, 'Line 541-555-0191 disconnected'],
        [40, 128, 'Mar 1, 2023'],
        [130, 128, 'Payment received, thank you'],
      ],
      'ocr',
    );
    // an OCR box is as tall as its letters: a word without ascenders or descenders is shorter
    const pages = [
      {
        ...page!,
        words: page!.words.map((w, k) =>
          k % 2 ? { ...w, bbox: [w.bbox[0], w.bbox[1] + 0.9, w.bbox[2], w.bbox[3] - 0.9] as typeof w.bbox } : w,
        ),
      },
    ];
    const got = extractFields(pages, 'csr').fields;
    expect(v(got.service_address)).toMatchObject({ street_line: '620 Galveston Ave', unit: 'Unit 3', zip5: '97703' });
    expect(v(got.phone_numbers)).toEqual(['+15415550190']);
  });

  it("leaves a bill's dated charges and payments as they are", async () => {
    const { pages } = await read([
      [[40, 'Activity since last bill']],
      [[40, '01/05/2025  Payment received - thank you   $120.00']],
      [[40, '01/12/2025  Monthly service 01/12-02/11   $89.00']],
      [[40, '02/01/2025  Late fee   $5.00']],
      [[40, '02/03/2025  Payment received   $94.00']],
    ]);
    expect(recastChangeLog(pages)).toBeNull();
  });
});
