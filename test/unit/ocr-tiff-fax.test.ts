import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDocument } from '../../electron/core/documents/read.js';
import { extractFields } from '../../electron/core/extract/index.js';
import { tiffPages } from '../../electron/core/documents/limits.js';

/*
 * A fax sent in standard mode arrives as a TIFF of 204 × 98 dpi: every letter half as tall as it is
 * wide. test/fixtures/fax holds one (CCITT Group 4, white-is-zero, as fax servers write them) of a
 * generated LOA, the text PDF it was printed from, and that LOA's truth.
 */
const dir = path.join(import.meta.dirname, '..', 'fixtures', 'fax');
const fax = new Uint8Array(fs.readFileSync(path.join(dir, 'loa-standard-fax.tif')));
const original = new Uint8Array(fs.readFileSync(path.join(dir, 'loa-original.pdf')));
const truth = JSON.parse(fs.readFileSync(path.join(dir, 'loa-truth.json'), 'utf8')) as {
  account_name: string;
  authorized_person: string;
  account_number: string;
  service_address: { street_line: string; city: string; state: string; zip5: string };
  phone_numbers: string[];
};

describe('a standard-mode fax TIFF (204 × 98 dpi, Group 4)', () => {
  it('is the fixture it claims to be', () => {
    const [page] = tiffPages(new DataView(fax.buffer, fax.byteOffset, fax.byteLength));
    expect(page?.compression).toBe(4);
    expect(page?.tags.get(282)?.[0]).toBe(204);
    expect(page?.tags.get(283)?.[0]).toBe(98);
  });

  it('reads every field the LOA carries, with evidence where the text PDF has it', { timeout: 180_000 }, async () => {
    const read = await readDocument(fax, { name: 'loa-fax.tif' });
    const page = read.pages[0]!;
    // the page is letter size in points, not squashed to half its height
    expect(page.width).toBeCloseTo(612, 0);
    expect(page.height).toBeCloseTo(792, 0);

    const { fields } = extractFields(read.pages, 'loa');
    expect(fields.account_name?.value).toBe(truth.account_name);
    expect(fields.authorized_person?.value).toBe(truth.authorized_person);
    expect(fields.account_number?.value).toBe(truth.account_number);
    expect(fields.service_address?.value).toMatchObject(truth.service_address);
    expect(fields.phone_numbers?.value).toEqual(truth.phone_numbers);

    // The specialist's highlight lands on the value: the account number's box on the fax is where
    // the text PDF prints it (a fax page is a 1:1 print, so within a few points).
    const text = await readDocument(original, { name: 'loa.pdf' });
    const onPdf = text.pages[0]!.words.find((w) => w.text.includes(truth.account_number))!;
    const onFax = page.words.find((w) => w.text.includes(truth.account_number))!;
    expect(onPdf).toBeDefined();
    expect(onFax).toBeDefined();
    for (let k = 0; k < 4; k++) expect(Math.abs(onFax.bbox[k]! - onPdf.bbox[k]!)).toBeLessThan(6);
  });
});
