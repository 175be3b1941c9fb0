import { describe, expect, it } from 'vitest';
import { cityStateZip } from '../../electron/core/extract/address.js';
import { extractFields } from '../../electron/core/extract/index.js';
import type { PageText } from '../../shared/domain/document.js';
import { pageOf, type TextLine } from '../fixtures/generator/handmade.js';
import { generatorPorts } from '../bench/review-ports.js';

/*
 * Carrier values the extractor did not read on bad scans: a CSR's address block whose ZIP came out of
 * OCR with lookalike letters ("NY 12B66", "Dayton,OH 454S8") was not taken for an address at all.
 * The dev ports are the review bench's (dev seeds); the hand-built pages use other wordings and places.
 */

/** A hand-built page read as OCR (lower confidence), as a bad scan is. */
const scanOf = (lines: TextLine[]): PageText[] => {
  const p = pageOf(lines);
  return [{ ...p, method: 'ocr', words: p.words.map((w) => ({ ...w, conf: 0.8 })) }];
};

describe('a ZIP read through OCR lookalikes', () => {
  it.each([
    ['SARATOGA SPRINGS, NY 12B66', 'SARATOGA SPRINGS', 'NY', '12866', ''],
    ['Dayton,OH 454S8', 'Dayton', 'OH', '45458', ''],
    ['Boise, ID 8370Z-1O44', 'Boise', 'ID', '83702', '1044'],
  ])('%s', (line, city, state, zip5, zip4) => {
    const r = cityStateZip(line);
    expect(r).toMatchObject({ cityPart: city, state, zip5, zip4 });
    // read through lookalikes: less sure than a ZIP printed as digits
    expect(r!.quality).toBeLessThan(1);
    expect(cityStateZip(line.replace(/[A-Z0-9-]+$/, zip4 ? `${zip5}-${zip4}` : zip5))!.quality).toBe(1);
  });

  it('a word with fewer than three digits is no ZIP', () => {
    expect(cityStateZip('Portland, OR BOSS1')?.zip5 ?? '').toBe('');
    expect(cityStateZip('Portland, OR SOBIZ')?.zip5 ?? '').toBe('');
  });
});

describe('dev bad-scan ports: the CSR address block under the customer name', () => {
  for (const seed of [421, 437]) {
    it(`dev port ${seed}`, () => {
      const [p] = generatorPorts('dev', 1, { scanShare: 1, noise: 'heavy', offset: seed - 1, standins: 24 });
      expect(p!.csr.scanned).toBe(true);
      const got = extractFields(p!.csr.pages, 'csr').fields.service_address;
      const want = p!.csr.truth.service_address!;
      const up = (v: { street_line: string; city: string; zip5: string } | undefined) =>
        v && { street_line: v.street_line.toUpperCase(), city: v.city.toUpperCase(), zip5: v.zip5 };
      expect(up(got?.value)).toEqual(up(want));
    });
  }
});

describe('hand-built scanned CSR pages', () => {
  it('an unlabelled block under the customer name, its ZIP with a lookalike', () => {
    const got = extractFields(
      scanOf([
        [60, 80, 'Here is the record you asked for.'],
        [80, 120, 'Lakeview Dental Group PLLC'],
        [80, 134, '2214 Orchard Ave'],
        [80, 148, 'Spokane, WA 992O1'],
        [80, 170, 'Acct No: 5512-0098-17'],
        [80, 184, 'Main Line: (509) 555-0142'],
      ]),
      'csr',
    ).fields.service_address;
    expect(got?.value).toMatchObject({ street_line: '2214 Orchard Ave', city: 'Spokane', state: 'WA', zip5: '99201' });
  });

  it('guard: a billing block with a damaged ZIP stays the billing address, not the service address', () => {
    const f = extractFields(
      scanOf([
        [60, 80, 'Customer Service Record'],
        [60, 110, 'Service Address: 2214 Orchard Ave, Spokane, WA 99201'],
        [60, 140, 'Bill To:'],
        [60, 154, 'PO Box 4410'],
        [60, 168, 'Spokane, WA 992l0'],
      ]),
      'csr',
    ).fields;
    expect(f.service_address?.value).toMatchObject({ street_line: '2214 Orchard Ave', zip5: '99201' });
    expect(f.billing_address?.value).toMatchObject({ street_line: expect.stringMatching(/box 4410/i), zip5: '99210' });
  });
});
