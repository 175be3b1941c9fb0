import { describe, expect, it } from 'vitest';
import { extractFields } from '../../electron/core/extract/index.js';
import { pageOf, type TextLine } from '../fixtures/generator/handmade.js';

/*
 * Two-column CSR records: the service address in part cells down the left column (street, unit,
 * city) and the right column (state, ZIP), with the billing address's label opening in the right
 * column half-way down. The state beside its label on the heading's row is that label's value (no
 * header row over the street row), and the city under the billing label's row is still the service
 * address's.
 */

const service = (lines: TextLine[]) => extractFields([pageOf(lines)], 'csr').fields.service_address?.value;

interface Wording {
  heading: string;
  street: string;
  unit: string;
  city: string;
  state: string;
  zip: string;
  billing: string[];
}

function record(w: Wording, addr: { street: string; unit: string; city: string; st: string; zip: string }): TextLine[] {
  const billing: TextLine[] = w.billing.map((l, i) => [306, 190 + 14 * i, l]);
  return [
    [48, 40, 'Northwind Telecom'],
    [48, 80, 'CUSTOMER:'],
    [160, 80, 'Granite Peak Medical LLP'],
    [306, 80, 'MAIN NUMBER:'],
    [420, 80, '979 591 6409'],
    [48, 94, 'ACCOUNT NO:'],
    [160, 94, '398471705'],
    [306, 94, 'STATUS:'],
    [420, 94, 'Active'],
    [48, 148, w.heading],
    [306, 148, w.state],
    [420, 148, addr.st],
    [48, 162, w.street],
    [160, 162, addr.street],
    [306, 162, w.zip],
    [420, 162, addr.zip],
    [48, 176, w.unit],
    [160, 176, addr.unit],
    [48, 190, w.city],
    [160, 190, addr.city],
    ...billing.map(([x, y, t]): TextLine => [x, y - 14, t]),
    [420, 176, 'PO BOX 9158'],
    [420, 190, `${addr.city}, ${addr.st} 77845`],
    [48, 230, 'TELEPHONE NUMBERS TO PORT'],
    [48, 244, '979 591 6409'],
  ];
}

describe('a two-column record with the billing label beside the service address parts', () => {
  const wordings: Wording[] = [
    {
      heading: 'SERVICE AT',
      street: 'STREET',
      unit: 'SUITE',
      city: 'TOWN/CITY',
      state: 'STATE',
      zip: 'ZIP+4',
      billing: ['BILLING ADDRESS'],
    },
    {
      heading: 'SERVICE ADDRESS:',
      street: 'ADDRESS LINE 1:',
      unit: 'APT/SUITE:',
      city: 'CITY:',
      state: 'ST:',
      zip: 'ZIP:',
      billing: ['SEND BILLS TO:'],
    },
    {
      heading: 'ADDRESS OF SERVICE:',
      street: 'ADDRESS:',
      unit: 'UNIT/SUITE:',
      city: 'TOWN/CITY:',
      state: 'STATE:',
      zip: 'ZIP CODE:',
      billing: ['REMIT/BILLING', 'ADDRESS:'],
    },
  ];
  for (const w of wordings)
    it(`"${w.heading}" with "${w.billing.join(' ')}" reads the city and the state`, () => {
      const a = service(
        record(w, { street: '19 Mill Drive', unit: 'Rm 489', city: 'College Station', st: 'TX', zip: '77844' }),
      );
      expect(a).toMatchObject({
        street_line: '19 Mill Drive',
        unit: 'Rm 489',
        city: 'College Station',
        state: 'TX',
        zip5: '77844',
      });
    });
});

describe('a label with its short value on an address heading row', () => {
  // no city cell: the state can only come from its own cell beside its label, so that row must not
  // be taken for a header row over the street row (whose cells would then be the state's column)
  for (const [heading, state, zip] of [
    ['SERVICE AT', 'STATE', 'ZIP+4'],
    ['Service Location:', 'ST:', 'Zip Code:'],
    ['INSTALLED AT', 'ST', 'POSTAL CODE'],
  ] as const)
    it(`"${heading} | ${state} | TX" over "street | ${zip} | 77844" reads the state`, () => {
      const a = service([
        [48, 80, 'ACCOUNT NO.'],
        [160, 80, '398471705'],
        [48, 148, heading],
        [306, 148, state],
        [420, 148, 'TX'],
        [48, 162, 'STREET'],
        [160, 162, '19 Mill Drive'],
        [306, 162, zip],
        [420, 162, '77844'],
        [48, 176, 'SUITE'],
        [160, 176, 'Rm 489'],
      ]);
      expect(a).toMatchObject({ street_line: '19 Mill Drive', unit: 'Rm 489', state: 'TX', zip5: '77844' });
    });
});

describe('a block named by the label in its own cell', () => {
  // the record's columns ran together: the billing label and its first line are one cell, with the
  // service label's value further left on the same row; the billing block is the billing label's
  for (const [svc, bill] of [
    ['LOCATION OF SERVICE:', 'REMIT/BILLING ADDRESS:'],
    ['Service Address:', 'Mailing Address:'],
    ['INSTALLED AT:', 'BILL TO:'],
  ] as const)
    it(`"${svc}" beside "${bill} 23391 Pearl Lane" keeps the service address`, () => {
      const lines = (billX: number): TextLine[] => [
        [48, 80, 'ACCOUNT #'],
        [160, 80, '907-555-0180-862'],
        [48, 140, svc],
        [160, 140, '2489 Canal Highway, Juneau, AK'],
        [330, 140, `${bill} 23391 Pearl Lane, #1148`],
        [160, 152, '99850'],
        [billX, 152, 'Juneau, AK 99802-6777'],
        [48, 200, 'NUMBERS TO PORT'],
        [48, 214, '9075550180'],
      ];
      // the billing address's second line starts under its first line's first word
      const billX = pageOf(lines(430)).words.find((w) => w.text === '23391')!.bbox[0];
      const a = service(lines(billX));
      expect(a).toMatchObject({ street_line: '2489 Canal Highway', city: 'Juneau', state: 'AK', zip5: '99850' });
    });
});

describe("a value run into the next column's one-word label", () => {
  // "426 Pine Valley Cir Room" typed in a fixed-width value font, ending a word space and a half
  // before the right column's "City" label (a column where the rows below start their labels
  // too): the label is no part of the street, the unit wraps below
  for (const [word, street, unit] of [
    ['City', '426 Pine Valley Cir Room', '1766'],
    ['City', '880 Harbor View Rd Suite', '210'],
    ['CITY', '51234 Old Mill Drive Apt', '3B'],
  ] as const)
    it(`"${street} ${word}" | "Mobile" reads the street without "${word}"`, () => {
      const mono = { font: 'mono', size: 11 } as const;
      const a = service([
        [48, 80, 'Customer Account'],
        [136.41, 80, '715097976', mono],
        [306, 80, 'Status'],
        [394.41, 80, 'Active', mono],
        [48, 140, 'Service Address'],
        [136.41, 140, street, mono],
        [306, 140, word],
        [394.41, 140, 'Mobile', mono],
        [136.41, 154, unit, mono],
        [306, 158, 'ST'],
        [394.41, 158, 'AL', mono],
        [136.41, 168, 'Mobile, AL 36605', mono],
        [306, 177, 'ZIP+4'],
        [394.41, 177, '36605', mono],
        [48, 220, 'Telephone Numbers to Port'],
        [48, 234, '251.884.2968', mono],
      ]);
      expect(a).toMatchObject({ city: 'Mobile', state: 'AL', zip5: '36605' });
      expect(a?.street_line).toBe(street.split(' ').slice(0, -1).join(' '));
    });
});
