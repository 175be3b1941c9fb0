/**
 * A word that may caption the account name ("BUSINESS", "CUSTOMER", "COMPANY") standing in a table row's
 * description cell, a wider space after it ("1FB  1  4065550172   BUSINESS   LINE FLAT RATE"), is the row's
 * description, not a "key  value" pair: a key without a colon opens its line. Read as a pair, the rest of the
 * description became a name ("LINE FLAT"), taken for the account name where the record's own name was
 * unread, or for the authorized person beside a business name (dev fresh-tune bad scans, csr-fixed 23411).
 * A one-word key opening its line, a wider space before its value, still reads ("Subscriber   Harbor …").
 *
 * Every wording, name and business below is ours (none from a generator pool); each page is synthetic.
 */
import { describe, expect, it } from 'vitest';
import { extractFields } from '../../electron/core/extract/index.js';
import { pageOf, type TextLine } from '../fixtures/generator/handmade.js';

const MONO = { font: 'mono' as const, size: 8 };
const mono = (rows: string[], x = 36, top = 56, lead = 10.4): TextLine[] =>
  rows.flatMap((r, i): TextLine[] => (r ? [[x, top + i * lead, r, MONO]] : []));
const read = (rows: string[]) => extractFields([pageOf(mono(rows))], 'csr').fields;
const fold = (s: string | undefined) => s?.toLowerCase().replace(/\s+/g, ' ').replace(/,/g, '').trim();

const BIZ = 'KESTREL POINT HARDWARE CO';

/** A fixed-width service record: the head (its name row given or not), then a table of features. */
const record = (nameRow: string | null, descriptions: string[]): string[] => [
  'NORTHWIND TEL      CUSTOMER SERVICE RECORD        PG 1',
  'ACCT#:    5521-880-1734       BTN#:  406-555-0172',
  ...(nameRow ? [nameRow] : []),
  'SA ADDR1: 418 OAKMONT DR',
  'CTY ST ZIP: BOZEMAN MT 59715',
  '',
  '--- USOCS ---',
  'USOC   QTY  TEL NO        DESCRIPTION',
  ...descriptions.map((d, k) => `${['1FB ', 'ESX ', 'HTG ', '9ZR '][k % 4]}   1    ${4065550172 + k}    ${d}`),
];

// a description whose first word is a lone caption word of the account name, a wider space after it
const DESCRIPTIONS = [
  ['BUSINESS  LINE FLAT RATE', 'VOICE MAIL'],
  ['CUSTOMER  OWNED WIRING', 'CALL WAITING'],
  ['COMPANY  DIRECTORY LISTING', 'HUNTING SERIES'],
  ['SUBSCRIBER  CALLER ID NAME', 'BLOCK 900 976'],
];

describe("a caption word in a table row's description cell is no key of the account name", () => {
  for (const descriptions of DESCRIPTIONS)
    it(`"${descriptions[0]}" after its row's number: no account name, no person`, () => {
      const f = read(record(null, descriptions));
      const rest = descriptions[0]!.split(/\s{2,}/)[1]!;
      expect(fold(f.account_name?.value)).not.toBe(fold(rest));
      expect(fold(f.account_name?.value ?? '')).not.toContain(fold(rest.split(' ')[0]));
      expect(fold(f.authorized_person?.value ?? '')).not.toContain(fold(rest.split(' ')[0]));
    });

  for (const descriptions of DESCRIPTIONS)
    it(`"${descriptions[0]}" under a record whose name is read: the record's name`, () => {
      const f = read(record(`CUS:      ${BIZ}`, descriptions));
      expect(fold(f.account_name?.value)).toBe(fold(BIZ));
      expect(fold(f.authorized_person?.value ?? '')).not.toContain(
        fold(descriptions[0]!.split(/\s{2,}/)[1]!.split(' ')[0]),
      );
    });
});

describe('a one-word key opening its line, a wider space before its value, still reads', () => {
  for (const key of ['Subscriber', 'Customer', 'Company'])
    it(`"${key}   ${BIZ}"`, () => {
      const f = read([
        'NORTHWIND TEL      CUSTOMER SERVICE RECORD        PG 1',
        'Account No.   5521-880-1734',
        `${key}   ${BIZ}`,
        'Service at    418 OAKMONT DR, BOZEMAN MT 59715',
      ]);
      expect(fold(f.account_name?.value)).toBe(fold(BIZ));
    });
});
