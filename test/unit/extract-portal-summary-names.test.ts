import { describe, expect, it } from 'vitest';
import type { TextStyle } from '../fixtures/generator/layout.js';
import { generateRandom } from '../fixtures/generator/random.js';
import { readGenerated } from '../helpers/generated.js';
import { readRows, type TextRow } from '../helpers/text-rows.js';

/*
 * A portal's customer summary printed from the browser: a band naming the account before its facts ("NORTHGATE
 * STORAGE CENTERS INC | BAN: … | BTN: … |", a pipe closing the band too), a line of other facts under it whose
 * first piece is a captioned one ("Network: Verizon Business") or an unknown caption's business (the serving
 * telephone company), and a contacts table ("Name | Role | Phone | Email") whose first person's given name reads
 * like a record's tag ("ANH"). The account is the band's name; the table's heading "Role" is no one's name.
 * Every page is written here, rendered to a real text PDF and read back.
 */

const SANS: TextStyle = { font: 'sans', size: 9 };
const BOLD: TextStyle = { font: 'sans-bold', size: 11 };

const summary = (band: string, facts: string, contacts: [string, string][] = []): TextRow[] => [
  [40, 40, 'Summit Voice Partners Reseller Console', BOLD],
  [40, 70, 'Customers > Account > Summary'],
  [40, 100, 'Account Summary', BOLD],
  [40, 120, band],
  [40, 136, facts],
  [40, 170, 'Account Information', BOLD],
  [40, 186, 'Account type:'],
  [170, 186, 'Small Business'],
  [40, 220, 'Numbers', BOLD],
  [40, 236, 'Number'],
  [200, 236, 'Type'],
  [340, 236, 'Status'],
  [40, 250, '508 883 4060'],
  [200, 250, 'Business Line'],
  [340, 250, 'Active'],
  [40, 264, '508 883 4061'],
  [200, 264, 'Fax'],
  [340, 264, 'Active'],
  ...(contacts.length
    ? ([
        [40, 300, 'Account Contacts', BOLD],
        [40, 316, 'Name'],
        [180, 316, 'Role'],
        [310, 316, 'Phone'],
        [410, 316, 'Email'],
        ...contacts.flatMap(([name, role], i): TextRow[] => [
          [40, 330 + 14 * i, name],
          [180, 330 + 14 * i, role],
          [310, 330 + 14 * i, `508 711 96${40 + i}`],
          [410, 330 + 14 * i, `${name.split(' ')[0]!.toLowerCase()}@example.com`],
        ]),
      ] as TextRow[])
    : []),
];

const read = (rows: TextRow[]) => readRows(rows, 'csr', { style: SANS });

describe("a portal summary's band names the account", () => {
  for (const [band, facts, want] of <[string, string, string][]>[
    [
      'Northgate Storage Centers Inc | BAN: 847-178-3942-59 | BTN: 508 883 4060 |',
      'Network: Verizon Business | As of: 2024-09-19 | Cust #: 17990',
      'Northgate Storage Centers Inc',
    ],
    [
      'Harbor Light Dental PLLC | Account #: 599098801 | BTN: 508.883.4060 |',
      'Serving Network: Lumen | Report date: 10/03/2024 | Cust #: 86813',
      'Harbor Light Dental PLLC',
    ],
  ])
    it(`"${band}" over "${facts}"`, async () => {
      expect((await read(summary(band, facts))).account_name?.value).toBe(want);
    });
});

describe('a contacts table under the band', () => {
  const band = 'BAYSIDE ROOFING INC | Account #: 599098801 | BTN: 508.883.4060';
  const facts = 'Provider: TDS Telecom Record as of: 2025-07-17 Cust #: 96920';
  for (const first of ['ANH WASHINGTON', 'ANH SCHMIDT', 'ANH T. NGUYEN'])
    it(`its first person "${first}" is no tag naming the account`, async () => {
      const f = await read(
        summary(band, facts, [
          [first, 'Site Contact'],
          ['SUSAN NGUYEN', 'Billing Contact'],
        ]),
      );
      expect(f.account_name?.value).toBe('BAYSIDE ROOFING INC');
    });

  for (const role of ['Invoice Recipient', 'Bill Recipient', 'Invoice Contact'])
    it(`its heading "Role" over "${role}" is no authorized person`, async () => {
      const f = await read(
        summary(band, facts, [
          ['Rebecca Delgado', role],
          ['William Tanaka', 'IT Contact'],
        ]),
      );
      expect(f.authorized_person?.value).not.toBe('Role');
    });
});

describe("an unknown caption's business under the band is not the account (csr-summary, dev fresh-tune seeds)", () => {
  // ("Network: Prairie Telephone Company" under "SILVER CREEK HARDWARE & LUMBER INCORPORATED| Account # …", and
  // under "Prairie Wind Brewing Company LLP | Account # …": the serving company, read by its caption's shape)
  for (const seed of [39173, 39238])
    it(`csr-summary-${seed}: the band's name`, async () => {
      const r = await readGenerated(generateRandom(seed, { family: 'csr-summary', fresh: 'tune' }));
      expect(r.got.account_name?.value.toUpperCase()).toBe(String(r.truth.account_name).toUpperCase());
    });
});

describe("a locations table's site name run into its street is no part of the street", () => {
  for (const [site, street, line] of <[string, string, string][]>[
    ['Site name', 'Street Address', 'HEADQUARTERS 40 NORTH PINE VALLEY ROAD, DAYTONA BEACH, FL 32121-4773'],
    ['Site', 'Service Address', 'Headquarters 63 Market Place, Cheyenne, WY 82002'],
    ['Location', 'Street Address', 'WAREHOUSE 4202 FIFTH CT, ROOM 998, CHICAGO, IL 60661'],
  ])
    it(`"${line}" under "${site} | ${street}"`, async () => {
      const rows: TextRow[] = [
        ...summary('BAYSIDE ROOFING INC | Account #: 599098801 | BTN: 508.883.4060', 'Record as of: 2025-07-17'),
        [40, 420, 'Service Locations', BOLD],
        [40, 436, site],
        [130, 436, street],
        [460, 436, 'TNs'],
        [40, 450, line],
        [460, 450, '2'],
      ];
      const a = (await read(rows)).service_address?.value;
      expect(a?.street_line).toBe(line.split(',')[0]!.replace(/^\D+/, ''));
    });
});
