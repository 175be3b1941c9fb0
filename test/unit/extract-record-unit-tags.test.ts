/**
 * A record's tagged address parts whose unit cells are blank: the location designator's and value's own
 * tags ("LD1  LV1", a level digit after each) stand with nothing after them, and the value's tag is no
 * unit of the designator's — the service address has no unit. A filled unit ("LD1 STE  LV1 120") stays.
 *
 * Every wording, name and number below is ours (none from a generator pool); each page is synthetic.
 */
import { describe, expect, it } from 'vitest';
import { extractFields } from '../../electron/core/extract/index.js';
import { pageOf, type TextLine } from '../fixtures/generator/handmade.js';

const MONO = { font: 'mono' as const, size: 8 };
const addressOf = (street: string, place: string) => {
  const lines: TextLine[] = [
    [36, 56, 'NORTHFIELD TEL        CUSTOMER SERVICE RECORD', MONO],
    [36, 66.4, 'DT 2026-02-04                    PG 1', MONO],
    [36, 86, 'ACT 621377917      MAIN TN (507) 555-0188', MONO],
    [36, 96.4, 'NAME ALDER BROOK POTTERY LLC', MONO],
    [36, 116.8, '--- SVC LOCATION ---', MONO],
    [36, 127.2, street, MONO],
    [36, 137.6, place, MONO],
    [36, 160, 'TN (507) 555-0188     1FB   BUS LINE FLAT     QTY 1', MONO],
  ];
  return extractFields([pageOf(lines)], 'csr').fields.service_address?.value;
};

describe("a record's blank unit cells: the value's tag is no unit", () => {
  for (const [street, place] of [
    ['SANO 4482  SASD S  SASN WILLOWBROOK  SATH WAY  LD1  LV1', 'CITY ROCHESTER  STATE MN  ZIP 55901'],
    ['SANO 918  SASN CEDAR HOLLOW  SATH RD  LD2  LV2', 'CITY WINONA  STATE MN  ZIP 55987-1204'],
    ['HNO 77  STN PRAIRIE VIEW  STHR DR  LD1  LV1', 'CITY MANKATO  STATE MN  ZIP 56001'],
  ] as const)
    it(`"${street}"`, () => {
      const a = addressOf(street, place);
      expect(a?.unit).toBe('');
      expect(a?.street_line).toMatch(/^\d+ /);
    });

  it('"… LD1 STE  LV1 120": a filled unit stays', () => {
    const a = addressOf(
      'SANO 4482  SASN WILLOWBROOK  SATH WAY  LD1 STE  LV1 120',
      'CITY ROCHESTER  STATE MN  ZIP 55901',
    );
    expect(a?.unit).toMatch(/STE 120/);
  });
});
