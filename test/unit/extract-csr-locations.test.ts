import { describe, expect, it } from 'vitest';
import { readDocument } from '../../electron/core/documents/read.js';
import { recastLocations } from '../../electron/core/extract/csr-locations.js';
import { extractFields } from '../../electron/core/extract/index.js';
import { buildLayout } from '../../electron/core/extract/layout.js';
import type { ExtractedFields, PageText } from '../../shared/domain/document.js';
import { CORE_FIELDS } from '../fixtures/generator/evaluate.js';
import { PageBuilder } from '../fixtures/generator/layout.js';
import { renderTextPdf } from '../fixtures/generator/pdf.js';
import { generateRandom } from '../fixtures/generator/random.js';
import { fieldCorrect } from '../fixtures/generator/score.js';
import { readGenerated } from '../helpers/generated.js';

/*
 * A record of several locations printed TRANSPOSED (csr-transposed, standin-u.ts): one column per
 * location, the fields as row captions down the left. The account's service address is its marked
 * location's (a "(Main)" / "Primary" heading, a primary-location row, a pending port-out, the column
 * holding the BTN), not the first column's; every location's numbers stay on the account.
 */

const SANS = { font: 'sans' as const, size: 9 };
const BOLD = { font: 'sans-bold' as const, size: 9 };

type Cell = [x: number, y: number, text: string, bold?: boolean];

/** A hand-built page rendered to a real text PDF and read back as a CSR. */
async function readCsr(cells: Cell[]): Promise<{ got: ExtractedFields; pages: PageText[] }> {
  const p = new PageBuilder();
  for (const [x, y, text, bold] of cells) p.text(x, y, text, bold ? BOLD : SANS);
  const read = await readDocument(await renderTextPdf({ pages: [p.build()] }), { name: 'locations.pdf' });
  return { got: extractFields(read.pages, 'csr').fields, pages: read.pages };
}

/** The words of a page whose centre lies in a box. */
const wordsIn = (page: PageText, b: readonly number[]) =>
  page.words
    .filter((w) => {
      const cx = (w.bbox[0] + w.bbox[2]) / 2,
        cy = (w.bbox[1] + w.bbox[3]) / 2;
      return cx >= b[0]! && cx <= b[2]! && cy >= b[1]! && cy <= b[3]!;
    })
    .map((w) => w.text)
    .join(' ');

/** A transposed table: captions at x 40, one column per location from x 170, 130 points apart. */
function table(top: number, heads: string[], rows: [string, ...string[][]][]): Cell[] {
  const out: Cell[] = [];
  const colX = (i: number) => 170 + i * 130;
  heads.forEach((h, i) => out.push([colX(i), top, h, true]));
  let y = top + 20;
  for (const [caption, ...cells] of rows) {
    out.push([40, y, caption, true]);
    cells.forEach((lines, i) => lines.forEach((l, k) => out.push([colX(i), y + k * 12, l])));
    y += Math.max(1, ...cells.map((c) => c.length)) * 12 + 8;
  }
  return out;
}

const band = (extra: Cell[] = []): Cell[] => [
  [40, 40, 'Prairie Line Telephone', true],
  [40, 62, 'Customer Name:'],
  [130, 62, 'Quarry Lane Dental Group PC'],
  [360, 62, 'Account No.:'],
  [430, 62, '77120-4432'],
  [40, 76, 'Record Date:'],
  [130, 76, '03/14/2026'],
  ...extra,
];

describe('a transposed multi-location record: the service address is the marked location', () => {
  it('a heading marks it: "Site 2 (Main)" — the street and city are the second column, all numbers kept', async () => {
    const { got, pages } = await readCsr([
      ...band(),
      ...table(
        110,
        ['Site 1', 'Site 2 (Main)', 'Site 3'],
        [
          ['Premises Address', ['88 Depot Rd', 'Suite 210'], ['4410 Harbor Blvd'], ['9 Mill Pond Ln']],
          ['City/St/Zip', ['Salina, KS 67401'], ['Wichita, KS 67202'], ['Hays, KS 67601']],
          ['Working TNs', ['785-555-0141'], ['316-555-0120', '316-555-0121'], ['785-555-0199']],
          ['Class of Service', ['1FB'], ['PBX Trunk'], ['1FB']],
        ],
      ),
    ]);
    expect(got.service_address?.value).toMatchObject({
      street_line: '4410 Harbor Blvd',
      city: 'Wichita',
      zip5: '67202',
    });
    expect([...(got.phone_numbers?.value ?? [])].sort()).toEqual(
      ['+13165550120', '+13165550121', '+17855550141', '+17855550199'].sort(),
    );
    // the evidence points at the second column, where the address is printed
    expect(wordsIn(pages[0]!, got.service_address!.bbox!)).toContain('4410 Harbor Blvd');
  });

  it('a row marks it: "Primary Location  No | No | Yes" — the third column', async () => {
    const { got } = await readCsr([
      ...band(),
      ...table(
        110,
        ['Location #1', 'Location #2', 'Location #3'],
        [
          ['Service Address', ['12 Elm St', 'Bldg 4'], ['700 N Main St'], ['2301 Canyon Rd']],
          ['City, State ZIP', ['Moab, UT 84532'], ['Logan, UT 84321'], ['Provo, UT 84604']],
          ['Primary Location', ['No'], ['No'], ['Yes']],
          ['Lines', ['435-555-0110'], ['435-555-0120'], ['801-555-0130']],
        ],
      ),
    ]);
    expect(got.service_address?.value).toMatchObject({ street_line: '2301 Canyon Rd', city: 'Provo', zip5: '84604' });
  });

  it('the BTN the header states marks it, and a blank cell\'s "N/A" is no part of the address', async () => {
    const { got } = await readCsr([
      ...band([
        [360, 76, 'BTN:'],
        [430, 76, '(207) 555-0188'],
      ]),
      ...table(
        110,
        ['Premise 1', 'Premise 2'],
        [
          ['Street Address', ['31 Wharf St'], ['5 Ocean Ave']],
          ['Unit', ['Ste 3'], ['N/A']],
          ['City / St / Zip', ['Portland, ME 04101'], ['Bangor, ME 04401']],
          ['Numbers', ['207-555-0142'], ['(207) 555-0188', '(207) 555-0189']],
        ],
      ),
    ]);
    expect(got.service_address?.value).toMatchObject({ street_line: '5 Ocean Ave', unit: '', city: 'Bangor' });
    expect(got.btn?.value).toBe('+12075550188');
  });

  it('…while a table that marks no location is read as before (its first column)', async () => {
    const { got } = await readCsr([
      ...band(),
      ...table(
        110,
        ['Site 1', 'Site 2'],
        [
          ['Service Address', ['88 Depot Rd'], ['4410 Harbor Blvd']],
          ['City/St/Zip', ['Salina, KS 67401'], ['Wichita, KS 67202']],
          ['Working TNs', ['785-555-0141'], ['316-555-0120']],
        ],
      ),
    ]);
    expect(got.service_address?.value).toMatchObject({ street_line: '88 Depot Rd', city: 'Salina' });
  });

  it('…and a form whose columns are a street\'s two lines ("Address 1 | Address 2") is no location table', async () => {
    const { pages } = await readCsr([
      ...band([
        [360, 76, 'BTN:'],
        [430, 76, '(207) 555-0188'],
      ]),
      ...table(
        110,
        ['Address 1', 'Address 2'],
        [
          ['Service', ['31 Wharf St'], ['Ste 3']],
          ['Billing', ['PO Box 88'], ['']],
          ['Numbers', ['(207) 555-0188'], ['207-555-0142']],
        ],
      ),
    ]);
    expect(recastLocations(buildLayout(pages, 'csr'))).toBeNull();
  });

  // csr-transposed dev seeds whose first-sight reading took another location's address
  for (const seed of [33101, 33104, 33105, 33114, 33121, 33126])
    it(`csr-transposed-${seed}: the service address and numbers are the record's`, async () => {
      const { f, got } = await readGenerated(generateRandom(seed, { family: 'csr-transposed' }));
      const wrong = CORE_FIELDS.filter(
        (k) => (k === 'service_address' || k === 'phone_numbers') && !fieldCorrect(k, f.truth, got),
      );
      expect(wrong).toEqual([]);
    });
});
