import { describe, expect, it } from 'vitest';
import { extractFields } from '../../electron/core/extract/index.js';
import { pageOf, type TextLine } from '../fixtures/generator/handmade.js';

/*
 * The account name in a fixed-width (mainframe) customer service record: tags abbreviated in ways no
 * table lists, the listed (directory) name under it, and a tag read past its first word. Tags,
 * names and records written for this test (not the generator's).
 */

const mono = { font: 'mono' as const, size: 9 };
const record = (rows: string[]): TextLine[] => rows.map((r, i) => [36, 60 + i * 11, r, mono] as TextLine);
const csr = (rows: string[]) => extractFields([pageOf(record(rows))], 'csr').fields;

const page = (nameTag: string, listedTag: string, name: string, listed: string): string[] => [
  'KESTREL TEL CO          SUBSCRIBER RECORD          PG 1',
  'ACCT     6620 14 388 0917   DT 11/04/26',
  'BTN      505 555-0131',
  `${nameTag.padEnd(9)}${name}`,
  `${listedTag.padEnd(9)}${listed}`,
  'SVC ADDR 4410 CERRILLOS RD UNIT 7',
  '         SANTA FE NM 87507',
];

describe('a record tag abbreviated in a way no table lists', () => {
  for (const [nameTag, listedTag] of [
    ['NAM', 'DBA'],
    ['LGL NM', 'LST NM'],
    ['NAM', 'LST NM'],
    ['LGL NM', 'DBA'],
  ])
    it(`"${nameTag}" over "${listedTag}": the name, not the listed one`, () => {
      expect(
        csr(page(nameTag!, listedTag!, 'ADOBE SPRINGS SENIOR LIVING LLC', 'ADOBE SPRINGS')).account_name?.value,
      ).toBe('ADOBE SPRINGS SENIOR LIVING LLC');
    });
});

describe('a tag whose words run past its first one', () => {
  for (const tag of ['ACCT NM', 'ACNT NM'])
    it(`"${tag}" is the account's name, not its number`, () => {
      const f = csr([
        'BTN      505 555-0131',
        `ACNT     6620 14 388 0917`,
        `${tag.padEnd(9)}TURQUOISE TRAIL OUTFITTERS INC`,
        'SVC ADDR 4410 CERRILLOS RD',
        '         SANTA FE NM 87507',
      ]);
      expect([f.account_name?.value, f.account_number?.value]).toEqual([
        'TURQUOISE TRAIL OUTFITTERS INC',
        '6620 14 388 0917',
      ]);
    });
});

describe('the line under a name tag is not the rest of the name', () => {
  // tag and value one space apart, as some records print them: each line is one run of words
  for (const [nameTag, listedTag, listed] of [
    ['CUS NM', 'LST NM', 'MESA GRILL'],
    ['BILL NM', 'DIR LST', 'CANYON CAFE'],
  ])
    it(`"${listedTag} ${listed}" stays out of the name above it`, () => {
      const f = csr([
        'BTN 505 555-0131',
        `${nameTag} RIO GRANDE HOSPITALITY GROUP LLC`,
        `${listedTag} ${listed}`,
        'SVC ADDR 4410 CERRILLOS RD',
        'SA CITY SANTA FE NM 87507',
      ]);
      expect(f.account_name?.value).toBe('RIO GRANDE HOSPITALITY GROUP LLC');
    });
});
