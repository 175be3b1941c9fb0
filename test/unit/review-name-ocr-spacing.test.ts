/**
 * A business name as a scan reads it: OCR splits words and runs them together ("Prairie W ind
 * BrewingCompany" for "Prairie Wind Brewing Company", "HARBORPOINTDENTALLLC", a legal form glued on or
 * split, "Dental L LC"). Two names whose letters are the same once spaces are left out are the same name
 * read by OCR: never an ENTITY_NAME_MISMATCH (the comparison says "equivalent", the carrier's exact form
 * proposed). A name split by OCR that really differs in its letters ("Prairie W ine", "Bodies") or in its
 * legal form, glued or not ("PartnersLLC" for an LLP), is still caught. The rule lives once, in the entity
 * comparison of shared/normalize (compareEntityNames), so every caller — the review's field, the checklist —
 * reads the same.
 */
import { describe, expect, it } from 'vitest';
import { extractFields } from '../../electron/core/extract/index.js';
import { compareEntityNames } from '../../shared/normalize/names.js';
import { codes, fv, run } from '../helpers/compare.js';
import { pageOfLines } from '../helpers/pages.js';

const ENTITY = 'ENTITY_NAME_MISMATCH';

const SAME_LETTERS: [string, string][] = [
  ['Prairie Wind Brewing Company', 'Prairie W ind BrewingCompany'],
  ['Harbor Point Dental LLC', 'HARBORPOINTDENTALLLC'],
  ['Harbor Point Dental LLC', 'Harbor Point Dental L LC'],
  ['Harbor Point Dental L.L.C.', 'Harbor Point DentalLLC'],
  ['Mill Creek Holdings LLC', 'MillCreek HoldingsL.L.C.'],
  ['Lakeside Family Medicine PLLC', 'Lakeside FamilyMedicine P LLC'],
  ['The Home Depot', 'TheHome Depot'],
  ['Copper Kettle Realty, Inc.', 'Copper Ke ttle R ealty, In c.'],
  ['Northside Auto Body Inc', 'NorthsideAutoBody Incorporated'],
  ['Blue Ridge Auto Group', 'BlueRidgeAuto GroupInc'],
];

const REALLY_DIFFER: [string, string][] = [
  ['Prairie Wind Brewing Company', 'Prairie W ine BrewingCompany'],
  ['Prairie Wind Brewing Company', 'Prairie W ind BakingCompany'],
  ['Northside Auto Body Inc', 'North side Auto Bodies Inc'],
  ['Harbor Point Dental LLC', 'HarborPoint Pointe DentalLLC'],
  ['Harbor Point Dental LLC', 'HarborPoint DentalInc'],
  ['Summit Ridge Partners LLP', 'SummitRidge PartnersLLC'],
];

describe('the entity comparison: the same letters spaced otherwise are one name', () => {
  for (const [carrier, scan] of SAME_LETTERS)
    it(`"${scan}" is "${carrier}" read by OCR: equivalent, the carrier's form proposed`, () => {
      const r = compareEntityNames(carrier, scan);
      expect(r.verdict).toBe('equivalent');
      expect(r.proposed).toBe(carrier.trim());
    });
  for (const [carrier, scan] of REALLY_DIFFER)
    it(`"${scan}" differs from "${carrier}" in its letters or legal form: a mismatch`, () => {
      expect(compareEntityNames(carrier, scan).verdict).toBe('mismatch');
    });
});

describe('the review: a split or glued name is no rejection, a really different one is', () => {
  for (const [carrier, scan] of SAME_LETTERS)
    it(`LOA "${scan}" against the CSR's "${carrier}": no ENTITY_NAME_MISMATCH`, () => {
      const r = run({ loa: { account_name: fv(scan, 0.9) }, csr: { account_name: fv(carrier, 0.95) } });
      expect(codes(r)).not.toContain(ENTITY);
      expect(r.fields.account_name.verdict).not.toBe('mismatch');
    });
  for (const [carrier, scan] of REALLY_DIFFER.slice(0, 4))
    it(`LOA "${scan}" against the CSR's "${carrier}", both read surely: ENTITY_NAME_MISMATCH`, () => {
      const r = run({ loa: { account_name: fv(scan, 0.95) }, csr: { account_name: fv(carrier, 0.95) } });
      expect(codes(r)).toContain(ENTITY);
    });
  // (another legal form glued to the name's last word: the review doubts what OCR glued on — a look, never a pass)
  for (const [carrier, scan] of REALLY_DIFFER.slice(4))
    it(`LOA "${scan}" against the CSR's "${carrier}": not passed as the same name`, () => {
      const r = run({ loa: { account_name: fv(scan, 0.95) }, csr: { account_name: fv(carrier, 0.95) } });
      expect(['mismatch', 'check']).toContain(r.fields.account_name.verdict);
    });

  // the names as the reader reads them off a scanned LOA and a text CSR
  const loa = (name: string) =>
    pageOfLines(
      [
        [40, 40, 'Letter of Agency'],
        [40, 70, `Business Name: ${name}`],
        [40, 90, 'Authorized Signer: Dana Whitfield'],
        [40, 110, 'Service Address: 412 Mill Pond Rd, Greenville SC 29601'],
      ],
      'ocr',
    );
  const csr = pageOfLines([
    [40, 40, 'Customer Service Record'],
    [40, 70, 'Account Name: Prairie Wind Brewing Company'],
    [40, 90, 'Authorized Contact: Dana Whitfield'],
  ]);
  const reviewPages = (name: string) => {
    const pages = { loa: loa(name), csr };
    return run({
      loa: extractFields(pages.loa, 'loa').fields,
      csr: extractFields(csr, 'csr').fields,
      pages,
    });
  };
  for (const scan of ['Prairie W ind BrewingCompany', 'PrairieWind Brewing Company', 'Prairie Wind Brew ing Co mpany'])
    it(`a scanned LOA's "${scan}": read, and no rejection`, () => {
      const r = reviewPages(scan);
      expect(r.fields.account_name.values.loa?.replace(/\s+/g, '')).toBe(scan.replace(/\s+/g, ''));
      expect(codes(r)).not.toContain(ENTITY);
    });
  it('a scanned LOA\'s "Prairie W ine BrewingCompany": still a predicted ENTITY_NAME_MISMATCH', () => {
    expect(codes(reviewPages('Prairie W ine BrewingCompany'))).toContain(ENTITY);
  });
});
