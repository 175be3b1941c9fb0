import { describe, expect, it } from 'vitest';
import { extractFields } from '../../electron/core/extract/index.js';
import { pageOf } from '../fixtures/generator/handmade.js';

/*
 * Values inside a letter's sentences, in several wordings written for this test (not the
 * generator's): the business by its legal form, "account NNNN", and a service address after a
 * service/installation word. Prose values are found without a label, so none is near-certain.
 */

function letter(lines: string[]) {
  return extractFields([pageOf(lines.map((s, i) => [72, 100 + i * 14, s] as [number, number, string]))], 'loa').fields;
}

const LETTERS: {
  lines: string[];
  name: string;
  account: string;
  address: { street_line: string; city: string; state: string; zip5: string };
}[] = [
  {
    lines: [
      'Dear Meridian Cloud Voice,',
      'I, Maria Lopez, authorize Meridian Cloud Voice to port the numbers of Harbor Light Dental LLC, account 8831-22904,',
      'at the service address 12 Main St, Springfield, IL 62701, from our current carrier.',
    ],
    name: 'Harbor Light Dental LLC',
    account: '8831-22904',
    address: { street_line: '12 Main St', city: 'Springfield', state: 'IL', zip5: '62701' },
  },
  {
    lines: [
      'To whom it may concern:',
      'Please transfer the telephone numbers listed below, held by Blue Heron Landscape Design PLLC under account number A-4419902,',
      'installed at 4050 Lake Havasu Ave, Suite 5, Lake Havasu City, AZ 86403.',
    ],
    name: 'Blue Heron Landscape Design PLLC',
    account: 'A-4419902',
    address: { street_line: '4050 Lake Havasu Ave', city: 'Lake Havasu City', state: 'AZ', zip5: '86403' },
  },
  {
    lines: [
      'This letter confirms that Granite Peak Brewing Company LLP (account no. 77120-4410) wishes to move its service located at',
      '88 Pine Street, Daytona Beach, FL 32114 to a new provider.',
    ],
    name: 'Granite Peak Brewing Company LLP',
    account: '77120-4410',
    address: { street_line: '88 Pine Street', city: 'Daytona Beach', state: 'FL', zip5: '32114' },
  },
];

describe('values inside sentences', () => {
  for (const [i, l] of LETTERS.entries()) {
    it(`letter ${i + 1}: business, account and service address`, () => {
      const f = letter(l.lines);
      expect(f.account_name?.value).toBe(l.name);
      expect(f.account_number?.value).toBe(l.account);
      expect(f.service_address?.value).toMatchObject(l.address);
      for (const v of [f.account_name, f.account_number, f.service_address]) expect(v!.confidence).toBeLessThan(0.9);
    });
  }

  it('the gaining carrier named with its legal form is not the customer', () => {
    const f = letter([
      'We authorize Telnyx LLC to port our numbers.',
      'The numbers belong to Coastal Physical Therapy LLC, account 55120-3.',
    ]);
    expect(f.account_name?.value).toBe('Coastal Physical Therapy LLC');
  });
});
