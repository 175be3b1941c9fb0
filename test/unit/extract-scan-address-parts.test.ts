import { describe, expect, it } from 'vitest';
import { extractFields } from '../../electron/core/extract/index.js';
import type { PageText, Word } from '../../shared/domain/document.js';
import { pageOfLines } from '../helpers/pages.js';

/*
 * Issue 9: the service address read whole where a scan (or an unlisted caption) broke one of its parts —
 * the ZIP OCR parted in two on a record's city line, a street type OCR glued to the unit's designator, a
 * record tag whose value column lies further right than a short tag's value, and a street caption run
 * straight into its house number.
 */

/**
 * An OCR'd page of 9-pt monospace print (5.4 pt a character, 6.5 pt high, confidence 0.8). "a~b" is one
 * word OCR parted in two with almost no gap ("5~7194": "5" and "7194" half a point apart).
 */
function monoScan(lines: string[]): PageText[] {
  const words: Word[] = [];
  lines.forEach((line, n) => {
    const y = 40 + n * 14;
    for (const m of line.matchAll(/\S+/g)) {
      let x = 36 + m.index * 5.4;
      for (const [k, piece] of m[0].split('~').entries()) {
        if (k) x += 0.5;
        words.push({ text: piece, bbox: [x, y, x + piece.length * 5.4, y + 6.5], conf: 0.8 });
        x += piece.length * 5.4;
      }
    }
  });
  return [{ page: 1, width: 612, height: 792, method: 'ocr', words }];
}

/** A fixed-width record as a CSR prints it: each tag padded to six characters, a longer one running over. */
const rec = (tag: string, value: string) => `${tag.padEnd(6)} ${value}`;

function record(service: string[], csz: string): string[] {
  return [
    'COX BUSINESS ACCOUNT PROFILE',
    rec('ACCT NO:', '761-939-8128-84'),
    rec('MAIN TN:', '6057369517'),
    rec('CUST NM:', 'SANDHILL HOME HEALTH SERVICES LLP'),
    ...service,
    csz,
    rec('AUTH NM:', 'PATRICIA ZHANG'),
    rec('BILL NM:', 'SANDHILL HOME HEALTH'),
  ];
}

const ELM = { street_line: '101 ELM DRIVE', unit: 'APT 17C', city: 'SIOUX FALLS', state: 'SD' };

describe('a ZIP OCR parted in two on a record\'s city line ("SIOUX FALLS SD 5 7194")', () => {
  const cases: [string, string][] = [
    ['after the first digit', '5~7194'],
    ['after the fourth digit', '5719~4'],
    ['in the middle', '57~194'],
  ];
  for (const [where, zip] of cases)
    it(`parted ${where}: the record's street, unit, city and ZIP are still one address`, () => {
      const pages = monoScan(
        record([rec('SA ADDR1:', '101 ELM DRIVE'), rec('SVC2:', 'APT 17C')], rec('SA CSZ:', `SIOUX FALLS SD ${zip}`)),
      );
      expect(extractFields(pages, 'csr').fields.service_address?.value).toEqual({ ...ELM, zip5: '57194', zip4: '' });
    });
});

describe('a short record tag whose value starts left of the longer tags\' value column ("SVC2: APT 17C")', () => {
  // (the eight-character tags set the value column two characters right of "SVC2:"'s value)
  for (const tag of ['SVC2:', 'SA2:', 'SVC:'])
    it(`"${tag}" gives the unit with its designator, not the designator as a word of the tag`, () => {
      const pages = monoScan(
        record([rec('SA ADDR1:', '101 ELM DRIVE'), rec(tag, 'APT 17C')], rec('SA CSZ:', 'SIOUX FALLS SD 57194')),
      );
      expect(extractFields(pages, 'csr').fields.service_address?.value.unit).toBe('APT 17C');
    });
});

describe('a street type OCR glued to the unit after it ("101 Elm DriveApt 17C")', () => {
  const cases: [string, string, string][] = [
    ['101 Elm DriveApt 17C', '101 Elm Drive', 'Apt 17C'],
    ['2280 Harbor StSuite 400', '2280 Harbor St', 'Suite 400'],
    ['77 Lake Ave.Unit B', '77 Lake Ave.', 'Unit B'],
  ];
  for (const [line, street, unit] of cases)
    it(`"${line}" under a bill's service caption: street "${street}", unit "${unit}"`, () => {
      const pages = pageOfLines(
        [
          [40, 40, 'Cox Business'],
          [320, 40, 'INVOICE'],
          [40, 80, 'Account Number:'],
          [160, 80, '761-939-8128-84'],
          [40, 110, 'Service Site:'],
          [160, 110, line],
          [160, 124, 'Sioux Falls, SD 57194'],
        ],
        'ocr',
      );
      const got = extractFields(pages, 'invoice').fields.service_address?.value;
      expect(got?.street_line).toBe(street);
      expect(got?.unit).toBe(unit);
    });

  it('a street whose last word only looks like a street type and a designator keeps its name ("Parkunit")', () => {
    const pages = pageOfLines(
      [
        [40, 110, 'Service Site:'],
        [160, 110, '12 Parkunit Road'],
        [160, 124, 'Sioux Falls, SD 57194'],
      ],
      'ocr',
    );
    expect(extractFields(pages, 'invoice').fields.service_address?.value.street_line).toBe('12 Parkunit Road');
  });
});

describe('a street caption of part words run straight into its house number ("Street / Number 31 Commerce Ave")', () => {
  for (const caption of ['Street / Number', 'Number / Street', 'Street Number'])
    it(`"${caption}" in a form's part rows gives the street`, () => {
      const pages = pageOfLines([
        [48, 40, 'Letter of Agency (LOA)'],
        [48, 90, 'Firm Name'],
        [130, 90, 'High Desert Chiropractic Center, P.A.'],
        [48, 204, 'Premises'],
        [306, 204, 'State Abbr.'],
        [380, 204, 'FL'],
        [48, 220, `${caption} 31 Commerce Ave`],
        [306, 220, 'Zip/Postal'],
        [380, 220, '33915'],
        [48, 240, 'City Name'],
        [130, 240, 'Cape Coral'],
      ]);
      expect(extractFields(pages, 'loa').fields.service_address?.value).toEqual({
        street_line: '31 Commerce Ave',
        unit: '',
        city: 'Cape Coral',
        state: 'FL',
        zip5: '33915',
        zip4: '',
      });
    });

  it('a unit designator before its number ("floor UNIT 1683") is the unit, not a caption', () => {
    const pages = pageOfLines([
      [48, 204, 'Service Address'],
      [48, 220, 'Street'],
      [130, 220, '31 Commerce Ave'],
      [48, 236, 'Unit'],
      [130, 236, 'UNIT 1683'],
      [48, 252, 'City'],
      [130, 252, 'Cape Coral'],
      [306, 252, 'State'],
      [380, 252, 'FL'],
      [306, 268, 'ZIP'],
      [380, 268, '33915'],
    ]);
    expect(extractFields(pages, 'loa').fields.service_address?.value.unit).toBe('UNIT 1683');
  });
});

describe('a city whose word space OCR lost ("SIOUXFALLS SD 57194")', () => {
  const read = (csz: string) =>
    extractFields(
      monoScan(record([rec('SA ADDR1:', '101 ELM DRIVE'), rec('SVC2:', 'APT 17C')], rec('SA CSZ:', csz))),
      'csr',
    ).fields.service_address;
  const cases: [string, string][] = [
    ['SIOUXFALLS SD 57194', 'SIOUX FALLS SD 57194'],
    ['SiouxFalls, SD 57194', 'Sioux Falls, SD 57194'],
  ];
  for (const [glued, spaced] of cases)
    it(`"${glued}" is the ZIP's own city, spelt and trusted about as "${spaced}" is`, () => {
      const got = read(glued);
      const want = read(spaced);
      expect(got?.value.city.toUpperCase()).toBe('SIOUX FALLS');
      // (before: the record's block was not read at all, and the reading left was 0.28)
      expect(got!.confidence).toBeGreaterThanOrEqual(want!.confidence - 0.03);
    });

  it('another city\'s letters ("SIOUXCITY SD 57194") are not respelt', () => {
    expect(read('SIOUXCITY SD 57194')?.value.city).toBe('SIOUXCITY');
  });
});
