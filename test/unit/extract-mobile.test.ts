import { describe, expect, it } from 'vitest';
import { extractFields } from '../../electron/core/extract/index.js';
import { readDocument } from '../../electron/core/documents/read.js';
import { pageOf, type TextLine } from '../fixtures/generator/handmade.js';
import { renderTextPdf } from '../fixtures/generator/pdf.js';
import { generateRandom } from '../fixtures/generator/random.js';

/*
 * A wireless carrier's account record met on the csr-wireless stand-in: a roster of the account's people
 * with each one's role (only the administrator / account manager acts for the account; the others are
 * a line's user, a billing contact, a viewer, each with a number to reach them), a lines table whose
 * suspended lines are still the account's while cancelled ones are not, and sub-account and order
 * numbers of ten digits that only look like phone numbers. Names, wordings and numbers written for
 * this test.
 */

const SANS = { font: 'sans' as const, size: 9 };
const BOLD = { font: 'sans-bold' as const, size: 10 };
const csr = (lines: TextLine[]) => extractFields([pageOf(lines)], 'csr').fields;

const HEAD: TextLine[] = [
  [44, 60, 'Wireless Account Record', { font: 'sans-bold', size: 13 }],
  [44, 100, 'Account holder:', SANS],
  [180, 100, 'Juniper Hollow Veterinary LLC', SANS],
  [44, 118, 'Wireless account number:', SANS],
  [180, 118, '884102337519', SANS],
];

/** The lines table: two active lines (503 555-0121, 503 555-0122). */
const LINES = (y: number, extra: [string, string][] = []): TextLine[] => {
  const rows: [string, string][] = [['503-555-0121', 'Active'], ['503-555-0122', 'Active'], ...extra];
  return [
    [44, y, 'Lines on this account', BOLD],
    [44, y + 20, 'Mobile number', SANS],
    [160, y + 20, 'User', SANS],
    [300, y + 20, 'Device', SANS],
    [440, y + 20, 'Status', SANS],
    ...rows.flatMap(([n, s], i): TextLine[] => [
      [44, y + 36 + i * 16, n, SANS],
      [160, y + 36 + i * 16, i % 2 ? 'Tomas Ferreira' : 'Alma Ruiz', SANS],
      [300, y + 36 + i * 16, 'Pixel 8', SANS],
      [440, y + 36 + i * 16, s, SANS],
    ]),
  ];
};

describe('a roster of the account people: the one with a managing role is the authorized person', () => {
  for (const [heading, roleHead, role] of <[string, string, string][]>[
    ['Authorized users', 'Role', 'Administrator'],
    ['Account contacts', 'Access level', 'Account admin'],
    ['People on this account', 'Permission', 'Owner / admin'],
    ['Authorized contacts', 'Role', 'Account manager'],
  ])
    it(`table: ${heading} / ${roleHead} / ${role}`, () => {
      const f = csr([
        ...HEAD,
        [44, 160, heading, BOLD],
        [44, 180, 'Name', SANS],
        [220, 180, roleHead, SANS],
        [380, 180, 'Phone', SANS],
        [44, 196, 'Hana Kowalczyk', SANS],
        [220, 196, 'Authorized user', SANS],
        [380, 196, '(971) 555-0170', SANS],
        [44, 212, 'Desmond Achebe', SANS],
        [220, 212, role, SANS],
        [380, 212, '(971) 555-0171', SANS],
        [44, 228, 'Ines Castellano', SANS],
        [220, 228, 'Billing contact', SANS],
        [380, 228, '(971) 555-0172', SANS],
        ...LINES(270),
      ]);
      expect(f.authorized_person?.value).toBe('Desmond Achebe');
      // the roster's numbers are how to reach its people, not lines on the account
      expect(f.phone_numbers?.value).toEqual(['+15035550121', '+15035550122']);
    });

  for (const [sep, close] of <[string, string][]>[
    [' - ', ''],
    [' (', ')'],
    [', ', ''],
  ])
    for (const role of ['Administrator', 'Primary account manager'])
      it(`lines: "Name${sep}${role}${close}"`, () => {
        const f = csr([
          ...HEAD,
          [44, 160, 'Authorized users', BOLD],
          [56, 180, `Hana Kowalczyk${sep}Device user${close}`, SANS],
          [56, 196, `Desmond Achebe${sep}${role}${close}`, SANS],
          [56, 212, `Ines Castellano${sep}Viewer${close}`, SANS],
          ...LINES(250),
        ]);
        expect(f.authorized_person?.value).toBe('Desmond Achebe');
      });
});

describe("a suspended line is still the account's; a cancelled one is not", () => {
  for (const status of ['Suspended', 'SUSPENDED', 'Suspended - lost device'])
    it(status, () => {
      const f = csr([
        ...HEAD,
        ...LINES(160, [
          ['503-555-0123', status],
          ['503-555-0124', 'Cancelled'],
        ]),
      ]);
      expect(f.phone_numbers?.value).toEqual(['+15035550121', '+15035550122', '+15035550123']);
    });
});

describe('csr-wireless sheets whose sub-account, order or billing account number has ten digits', () => {
  // dev seeds whose sub-account or order number (a caption over it or beside it) has ten digits, read
  // from the rendered PDF's text layer
  for (const seed of [4, 20, 34, 40])
    it(`csr-wireless-${seed}: the numbers are the lines table's, not the identifier`, async () => {
      const f = generateRandom(seed, { family: 'csr-wireless' });
      const read = await readDocument(await renderTextPdf(f.model), { name: `${f.id}.pdf` });
      const got = extractFields(read.pages, 'csr').fields;
      expect([...(got.phone_numbers?.value ?? [])].sort()).toEqual([...(f.truth.phone_numbers ?? [])].sort());
    });
});

describe("inv-ucaas invoices: the site's emergency address is the service address, not the head office billed", () => {
  // dev seeds whose Locations table heads the address column "Registered emergency location" / "E911 address" /
  // "Emergency address" beside a Location column of site names, read from the rendered PDF's text layer
  for (const seed of [4, 6, 13])
    it(`inv-ucaas-${seed}`, async () => {
      const f = generateRandom(seed, { family: 'inv-ucaas' });
      const read = await readDocument(await renderTextPdf(f.model), { name: `${f.id}.pdf` });
      const got = extractFields(read.pages, 'invoice').fields;
      const want = f.truth.service_address!;
      expect(got.service_address?.value.street_line.toUpperCase()).toBe(want.street_line.toUpperCase());
      expect(got.service_address?.value.zip5).toBe(want.zip5);
    });
});

describe('a heading under an inline name is not the name going on', () => {
  // dev seeds: "ORGANIZATION: Gulf Breeze Plumbing & Heating PC" over "INVOICE SUMMARY" (capitals under
  // mixed case), "Customer organization: Old Town Law Offices, Inc" over "Invoice summary" (larger print)
  for (const seed of [26, 39])
    it(`inv-ucaas-${seed}: the account name ends where the heading starts`, async () => {
      const f = generateRandom(seed, { family: 'inv-ucaas' });
      const read = await readDocument(await renderTextPdf(f.model), { name: `${f.id}.pdf` });
      const got = extractFields(read.pages, 'invoice').fields;
      expect(got.account_name?.value).toBe(f.truth.account_name);
    });
});
