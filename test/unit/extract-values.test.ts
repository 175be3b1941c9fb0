import { describe, expect, it } from 'vitest';
import { readAddress, splitUnit, cityStateZip } from '../../electron/core/extract/address.js';
import { buildLayout } from '../../electron/core/extract/layout.js';
import { findPhones, parseAccount, parseDate, parsePerson, parsePin } from '../../electron/core/extract/values.js';
import { pageOf } from '../fixtures/generator/handmade.js';

/** Address lines as a reader would give them: one text line per entry, stacked 12 pt apart. */
function addressOf(lines: string[]) {
  const doc = buildLayout([pageOf(lines.map((t, i) => [72, 100 + i * 12, t] as [number, number, string]))], 'invoice');
  return readAddress(doc.lines.map((l) => l.toks))?.value;
}

describe('dates', () => {
  it.each([
    ['03/14/2025', '2025-03-14'],
    ['3/4/25', '2025-03-04'],
    ['March 14, 2025', '2025-03-14'],
    ['Mar. 14 2025', '2025-03-14'],
    ['14 Mar 2025', '2025-03-14'],
    ['2025-03-14', '2025-03-14'],
    ['03-14-2025', '2025-03-14'],
    ['MAR 14 2025', '2025-03-14'],
    ['14-Mar-2025', '2025-03-14'],
    ['September 3rd, 2024', '2024-09-03'],
    ['31/12/2024', '2024-12-31'],
    ['Dated: 2024.07.01', '2024-07-01'],
  ])('%s → %s', (text, iso) => {
    expect(parseDate(text)?.iso).toBe(iso);
  });

  it('rejects impossible dates and plain numbers', () => {
    expect(parseDate('02/30/2025')).toBeNull();
    expect(parseDate('13/13/2025')).toBeNull();
    expect(parseDate('Account 3125550147')).toBeNull();
  });

  it('reads the first date of a billing period', () => {
    expect(parseDate('01/29/2026 - 02/27/2026')?.iso).toBe('2026-01-29');
  });
});

describe('phone numbers', () => {
  it.each([
    ['(312) 555-0147', '+13125550147'],
    ['312-555-0147', '+13125550147'],
    ['312.555.0147', '+13125550147'],
    ['3125550147', '+13125550147'],
    ['+1 312 555 0147', '+13125550147'],
    ['1-312-555-0147', '+13125550147'],
    ['312 555-0147', '+13125550147'],
  ])('%s', (text, e164) => {
    expect(findPhones(text).map((p) => p.e164)).toEqual([e164]);
  });

  it('expands DID ranges written with the last four digits or the full number', () => {
    expect(findPhones('312-555-0200 - 0203').map((p) => p.e164)).toEqual([
      '+13125550200',
      '+13125550201',
      '+13125550202',
      '+13125550203',
    ]);
    expect(findPhones('(312) 555-0200 through (312) 555-0202').map((p) => p.e164)).toEqual([
      '+13125550200',
      '+13125550201',
      '+13125550202',
    ]);
  });

  it('does not read a list of two numbers as a range', () => {
    expect(findPhones('312-555-0147 - 312-777-0199').map((p) => p.e164)).toEqual(['+13125550147', '+13127770199']);
  });

  it('does not find phone numbers inside account numbers', () => {
    expect(findPhones('8310 12 345 6789012')).toEqual([]);
    expect(findPhones('357-123-4567-89')).toEqual([]);
    expect(findPhones('5762236961234')).toEqual([]);
  });
});

describe('account numbers, PINs and names', () => {
  it('keeps the account number as printed, digit groups included', () => {
    expect(parseAccount('8310 12 345 6789012')?.value).toBe('8310 12 345 6789012');
    expect(parseAccount('#: 312-555-0147-123')?.value).toBe('312-555-0147-123');
    expect(parseAccount('CUST12345O7 Page 2')?.value).toBe('CUST1234507');
    expect(parseAccount('$1,476.01')).toBeNull();
    expect(parseAccount('N/A')).toBeNull();
  });

  it('reads PINs and refuses placeholders', () => {
    expect(parsePin('4633')?.value).toBe('4633');
    expect(parsePin('9O12')?.value).toBe('9012');
    expect(parsePin('N/A')).toBeNull();
    expect(parsePin('________')).toBeNull();
  });

  it('reads a person and drops a title or signature mark', () => {
    expect(parsePerson('/s/ Jane Q. Doe')?.value).toBe('Jane Q. Doe');
    expect(parsePerson('Robert van der Berg, Owner')?.value).toBe('Robert van der Berg');
    expect(parsePerson('Maria Lopez (Office Manager)')?.value).toBe('Maria Lopez');
    expect(parsePerson('312-555-0147')).toBeNull();
  });

  it('takes a desk, a department or a bare title for nobody, and keeps names that share a word with them', () => {
    for (const role of ['FRONT DESK', 'Main Office', 'Accounts Payable Dept.', 'Office Manager', 'RECEPTION'])
      expect(parsePerson(role), role).toBeNull();
    expect(parsePerson('Daniel Head')?.value).toBe('Daniel Head');
    expect(parsePerson('DESMOND FRONTERA')?.value).toBe('DESMOND FRONTERA');
  });
});

describe('addresses', () => {
  it('reads street, unit, city, state and ZIP+4 from two lines', () => {
    expect(addressOf(['1420 N Main St, Suite 300', 'Springfield, IL 62704-1234'])).toEqual({
      street_line: '1420 N Main St',
      unit: 'Suite 300',
      city: 'Springfield',
      state: 'IL',
      zip5: '62704',
      zip4: '1234',
    });
  });

  it('takes a unit on its own line and skips the name line above', () => {
    expect(addressOf(['ACME DENTAL INC', '77 W MAIN ST', 'STE 4B', 'ASHEVILLE NC 28801'])).toEqual({
      street_line: '77 W MAIN ST',
      unit: 'STE 4B',
      city: 'ASHEVILLE',
      state: 'NC',
      zip5: '28801',
      zip4: '',
    });
  });

  it('splits a one-line address with or without commas', () => {
    expect(addressOf(['2641 Industrial Rd, Ste 1364, Spokane, WA 99224-9969'])).toEqual({
      street_line: '2641 Industrial Rd',
      unit: 'Ste 1364',
      city: 'Spokane',
      state: 'WA',
      zip5: '99224',
      zip4: '9969',
    });
    expect(addressOf(['5615 S CANAL PL STE 709 NEW ORLEANS LA 70112'])).toEqual({
      street_line: '5615 S CANAL PL',
      unit: 'STE 709',
      city: 'NEW ORLEANS',
      state: 'LA',
      zip5: '70112',
      zip4: '',
    });
  });

  it('accepts state names and keeps a PO box as the street line', () => {
    expect(addressOf(['P.O. Box 5019', 'Carol Stream, Illinois 60197'])).toEqual({
      street_line: 'P.O. Box 5019',
      unit: '',
      city: 'Carol Stream',
      state: 'IL',
      zip5: '60197',
      zip4: '',
    });
  });

  it('recognises unit designators without eating street names', () => {
    expect(splitUnit('100 W Key St')).toEqual({ street: '100 W Key St', unit: '' });
    expect(splitUnit('500 Boylston St Floor 12')).toEqual({ street: '500 Boylston St', unit: 'Floor 12' });
    expect(splitUnit('18 Elm Ave #3')).toEqual({ street: '18 Elm Ave', unit: '#3' });
  });

  it('does not take a company name ending in "Co." for a city and state', () => {
    expect(cityStateZip('Valley Auto Repair, Co.')).toBeNull();
  });
});
