/**
 * A consolidated bill lists every location's account with its own main number ("Main TN", "Main Line", "Lead
 * Number"), then details the charges of one: that account is the document's (holder.ts), and its main number
 * is the BTN — not the first location's, which the bill names as another account's.
 *
 * Every wording, name and number below is ours (none from a generator pool); each page is synthetic.
 */
import { describe, expect, it } from 'vitest';
import { extractFields } from '../../electron/core/extract/index.js';
import { pageOf, type TextLine } from '../fixtures/generator/handmade.js';

const SANS = { font: 'sans' as const, size: 9 };

function bill(captions: [string, string, string]): TextLine[] {
  const rows: [string, string][] = [
    ['Dockside Warehouse (Loc ID: 4410)', ''],
    ['  Sub Account Number:', '520118734'],
    ['  Installed At:', '88 Ferry Rd, Duluth, MN 55802'],
    [`  ${captions[0]}:`, '1-218-310-4471'],
    ['Uptown Office (Loc ID: 4522)', ''],
    ['  Sub Account Number:', '520118951'],
    ['  Installed At:', '1400 Superior St, Duluth, MN 55805'],
    [`  ${captions[1]}:`, '1-218-555-0163'],
    ['Head Office (Loc ID: 4610)', ''],
    ['  Sub Account Number:', '520119022'],
    ['  Installed At:', '17 Lakeview Ave, Duluth, MN 55811'],
    [`  ${captions[2]}:`, '1-218-555-0190'],
    ['Detail of Charges: Head Office', ''],
    ['Sub-account #', '520119022'],
    ['Service Address:', '17 Lakeview Ave, Duluth, MN 55811'],
    ['Main TN:', '1-218-555-0190'],
    ['Number', 'Description'],
    ['1-218-555-0190', 'Business Line'],
    ['1-218-555-0191', 'Fax Line'],
  ];
  return [
    [40, 50, 'Lakehead Communications', { font: 'sans-bold', size: 12 }],
    [400, 50, 'Consolidated Invoice', SANS],
    [360, 80, 'Master Account:', SANS],
    [460, 80, '58381962', SANS],
    [360, 94, 'Billing Date:', SANS],
    [460, 94, '18 Mar 2026', SANS],
    [40, 80, 'North Shore Marine Supply LLC', SANS],
    [40, 94, '29 Harbor Ln, Duluth, MN 55802', SANS],
    [40, 130, 'Location Summary', { font: 'sans-bold', size: 10 }],
    ...rows.flatMap(([a, b], k): TextLine[] => {
      const y = 146 + 14 * k;
      return b
        ? [
            [40, y, a, SANS],
            [220, y, b, SANS],
          ]
        : [[40, y, a, SANS]];
    }),
  ];
}

describe("a consolidated bill's BTN is the detailed account's main number", () => {
  for (const captions of [
    ['Main TN', 'Main Line', 'Lead Number'],
    ['Lead Number', 'Main TN', 'Main Line'],
    ['Main Line', 'Lead Number', 'Main TN'],
  ] as [string, string, string][])
    it(`locations captioned ${captions.join(' / ')}`, () => {
      const f = extractFields([pageOf(bill(captions))], 'invoice').fields;
      expect(f.btn?.value).toBe('+12185550190');
    });
});
