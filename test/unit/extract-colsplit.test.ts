/**
 * A CSR export wider than the paper, printed with its columns split across pages (extract/sideways.ts; the
 * dev stand-in csr-colsplit, standin-ae.ts, imitates such printouts): the first page holds each row's
 * number, telephone number, account and name, the next page the same rows' address and status, each page
 * repeating the row key. A row's status on the second page belongs to its number on the first: a
 * disconnected number is not one of the account's. Pages whose rows start with other keys are not joined.
 * The lines below are ours; the pages are synthetic.
 */
import { describe, expect, it } from 'vitest';
import { readDocument } from '../../electron/core/documents/read.js';
import { extractFields } from '../../electron/core/extract/index.js';
import { joinSideways } from '../../electron/core/extract/sideways.js';
import { PageBuilder, type TextStyle } from '../fixtures/generator/layout.js';
import { renderTextPdf } from '../fixtures/generator/pdf.js';
import { generateRandom } from '../fixtures/generator/random.js';

const BODY: TextStyle = { font: 'sans', size: 9 };
const HEAD: TextStyle = { font: 'sans-bold', size: 9 };

/** Two pages of one table: keys, then the left columns; keys (as given for page 2), then the right ones. */
async function splitTable(keys2: string[]) {
  const left = new PageBuilder();
  const right = new PageBuilder();
  left.text(36, 40, 'Account line detail - page 1 of 2', HEAD);
  right.text(36, 40, 'Account line detail - page 2 of 2', HEAD);
  ['Row', 'Telephone Number', 'Account Number', 'Customer Name'].forEach((h, j) =>
    left.text([36, 70, 170, 270][j]!, 80, h, HEAD),
  );
  ['Row', 'Service Address', 'City', 'State', 'ZIP', 'Status'].forEach((h, j) =>
    right.text([36, 70, 230, 330, 370, 430][j]!, 80, h, HEAD),
  );
  const tns = ['406 555 0141', '406 555 0187', '406 555 0192'];
  tns.forEach((tn, i) => {
    const y = 96 + i * 14;
    [String(i + 1), tn, '7731009218', 'Larkspur Veterinary Partners'].forEach((c, j) =>
      left.text([36, 70, 170, 270][j]!, y, c, BODY),
    );
    [keys2[i]!, '4410 Quarry Bend Rd', 'Missoula', 'MT', '59801', i === 1 ? 'Disconnected' : 'Active'].forEach((c, j) =>
      right.text([36, 70, 230, 330, 370, 430][j]!, y, c, BODY),
    );
  });
  const doc = await readDocument(await renderTextPdf({ pages: [left.build(), right.build()] }), { name: 'csr.pdf' });
  return doc.pages;
}

describe('a CSR table split across pages by columns', () => {
  it("reads each number with its row's status from the next page", async () => {
    const pages = await splitTable(['1', '2', '3']);
    const f = extractFields(pages, 'csr').fields;
    expect(f.phone_numbers?.value).toEqual(['+14065550141', '+14065550192']);
    expect(f.service_address?.value.street_line).toBe('4410 Quarry Bend Rd');
    expect(f.service_address?.page).toBe(2);
  });

  it('does not join pages whose rows start with other keys', async () => {
    expect(joinSideways(await splitTable(['4', '5', '6']))).toBeNull();
  });

  it('reads the stand-in exports (text PDFs)', async () => {
    for (const seed of [45003, 45014, 45017, 45021]) {
      const fx = generateRandom(seed, { family: 'csr-colsplit' });
      const doc = await readDocument(await renderTextPdf(fx.model), { name: `${fx.id}.pdf` });
      const f = extractFields(doc.pages, 'csr').fields;
      expect([...(f.phone_numbers?.value ?? [])].sort(), `seed ${seed}`).toEqual(
        [...(fx.truth.phone_numbers ?? [])].sort(),
      );
      expect(f.account_name?.value, `seed ${seed}`).toBe(fx.truth.account_name);
    }
  });

  it('reads the name and the contact of stand-in exports whose captions wrap or whose cells run together', async () => {
    for (const seed of [46308, 46309, 46357]) {
      const fx = generateRandom(seed, { family: 'csr-colsplit' });
      const doc = await readDocument(await renderTextPdf(fx.model), { name: `${fx.id}.pdf` });
      const f = extractFields(doc.pages, 'csr').fields;
      expect(f.account_name?.value, `seed ${seed}`).toBe(fx.truth.account_name);
      expect(f.authorized_person?.value, `seed ${seed}`).toBe(fx.truth.authorized_person);
    }
  });
});
