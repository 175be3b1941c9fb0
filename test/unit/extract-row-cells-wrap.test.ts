import { describe, expect, it } from 'vitest';
import type { TextStyle } from '../fixtures/generator/layout.js';
import { readRows, type TextRow } from '../helpers/text-rows.js';

/*
 * A CSR exported as a report, one row per telephone number, its narrow cells wrapping onto a second line
 * under the row: the street's type under the street ("69 COMMERCE" / "ST"), the unit's number under its
 * designator in a unit column of its own ("APT" / "374"), the city's last word under the first ("Cedar" /
 * "Rapids", though "Cedar" names a place in Iowa too). Each row's address is read whole from both lines. Every
 * page is written here, rendered to a real text PDF and read back.
 */

const SANS: TextStyle = { font: 'sans', size: 8 };

type Cell = [string, string?];

/** A report of two rows at one address; each cell a line and maybe its wrapped second line. */
const report = (street: Cell, unit: Cell, city: Cell, st: string, zip: string): TextRow[] => {
  const row = (y: number, tn: string): TextRow[] => {
    const cell = (x: number, [a, b]: Cell): TextRow[] => [[x, y, a], ...(b ? ([[x, y + 10, b]] as TextRow[]) : [])];
    return [
      [30, y, '574-555-0172-112'],
      [119, y, '574.555.0172'],
      ...cell(187, ['COASTAL PHYSICAL', 'THERAPY PC']),
      [300, y, tn],
      ...cell(368, street),
      ...cell(458, unit),
      ...cell(505, city),
      [590, y, st],
      [615, y, zip],
      [665, y, 'WKG'],
    ];
  };
  return [
    [30, 30, 'Telephone Number Inventory by Account', { font: 'sans-bold', size: 10 }],
    [30, 44, 'Selection: Acct No equals 574-555-0172-112; Status = All'],
    [30, 70, 'Bill'],
    [119, 70, 'Billing'],
    [187, 70, 'Customer Name'],
    [300, 70, 'Line TN'],
    [368, 70, 'Svc'],
    [458, 70, 'Ste/Unit'],
    [505, 70, 'City'],
    [590, 70, 'Sta'],
    [615, 70, 'Postal'],
    [665, 70, 'Stat'],
    [30, 80, 'Acct No'],
    [119, 80, 'Tel No'],
    [368, 80, 'Street'],
    ...row(100, '574.555.0154'),
    ...row(130, '574.555.0172'),
    [30, 170, '2 records'],
  ];
};

const read = (rows: TextRow[]) => readRows(rows, 'csr', { style: SANS, width: 792, height: 612 });

describe("a report row's cells wrap onto the line under it", () => {
  for (const [street, unit, city, st, zip, want] of <[Cell, Cell, Cell, string, string, string][]>[
    [['69 COMMERCE', 'ST'], ['APT', '374'], ['SOUTH', 'BEND'], 'IN', '46604', '69 COMMERCE ST|APT 374|SOUTH BEND'],
    [['4042 CORAL', 'REEF DR'], ['STE', '1999'], ['DAYTON'], 'OH', '45409', '4042 CORAL REEF DR|STE 1999|DAYTON'],
    [
      ['12 MILL', 'BLVD'],
      ['ROOM', '20A'],
      ['NORTH LITTLE', 'ROCK'],
      'AR',
      '72114',
      '12 MILL BLVD|ROOM 20A|NORTH LITTLE ROCK',
    ],
    [
      ['3954 Stone Creek', 'Boulevard'],
      ['-'],
      ['Cedar', 'Rapids'],
      'IA',
      '52405',
      '3954 Stone Creek Boulevard||Cedar Rapids',
    ],
    [
      ['6 SW Oak', 'Cir'],
      ['Suite', '1557'],
      ['Walnut', 'Creek'],
      'CA',
      '94595',
      '6 SW Oak Cir|Suite 1557|Walnut Creek',
    ],
  ])
    it(`${street.join(' / ')} | ${unit.join(' / ')} | ${city.join(' / ')}`, async () => {
      const a = (await read(report(street, unit, city, st, zip))).service_address?.value;
      expect(`${a?.street_line}|${a?.unit}|${a?.city}`).toBe(want);
      expect(a?.zip5).toBe(zip);
    });
});
