import { describe, expect, it } from 'vitest';
import { extractFields } from '../../electron/core/extract/index.js';
import { conceptOfText } from '../../electron/core/extract/address-blocks.js';
import { pageOf, type TextLine } from '../fixtures/generator/handmade.js';

/*
 * Service addresses found by their shape (address-blocks.ts) and named by the nearest label or
 * heading, so unlisted wordings of the address labels, the part labels and record tags still land.
 * Every wording here is made up for the test; none comes from the generator's pools.
 */

type Kind = 'loa' | 'invoice' | 'csr';
const HARBOR = { street_line: '120 Harbor Dr', unit: 'Suite 2B', city: 'Tampa', state: 'FL', zip5: '33602', zip4: '' };
const upper = (a: typeof HARBOR) =>
  Object.fromEntries(Object.entries(a).map(([k, v]) => [k, v.toUpperCase()])) as typeof HARBOR;

function serviceOf(kind: Kind, lines: TextLine[]) {
  return extractFields([pageOf(lines)], kind).fields.service_address;
}

const PART_WORDINGS: [string, string, string, string, string][] = [
  ['House No. & Street', 'Rm/Ste', 'Locality', 'Province', 'Postcode'],
  ['No. and Street', 'Apt/Rm', 'Borough', 'Region', 'Mail Code'],
  ['Street Line', 'Bldg/Ste', 'Village', 'St.', 'Post Code'],
  ['Number and Street', 'Suite/Rm', 'Town', 'State Code', 'Zip Cd'],
];

describe('an address in part cells whose part labels are unlisted', () => {
  for (const [street, unit, city, state, zip] of PART_WORDINGS) {
    it(`label-left rows: ${street} / ${unit} / ${city} / ${state} / ${zip}`, () => {
      const got = serviceOf('loa', [
        [72, 90, 'Customer Name:'],
        [220, 90, 'Harbor Light Marine LLC'],
        [72, 110, 'Where service is:'],
        [72, 128, `${street}:`],
        [220, 128, '120 Harbor Dr'],
        [72, 146, `${unit}:`],
        [220, 146, 'Suite 2B'],
        [72, 164, `${city}:`],
        [220, 164, 'Tampa'],
        [72, 182, `${state}:`],
        [220, 182, 'FL'],
        [72, 200, `${zip}:`],
        [220, 200, '33602'],
        [72, 230, 'Billing Address:'],
        [220, 230, 'PO Box 881, Tampa, FL 33601'],
      ]);
      expect(got?.value).toEqual(HARBOR);
    });

    it(`label-above grid under a heading: ${street} / ${city} / ${zip}`, () => {
      const got = serviceOf('csr', [
        [40, 80, 'CUSTOMER'],
        [240, 80, 'ACCOUNT'],
        [40, 92, 'Harbor Light Marine LLC'],
        [240, 92, '88120455'],
        [40, 120, 'SERVICE LOCATION'],
        [40, 136, street.toUpperCase()],
        [240, 136, unit.toUpperCase()],
        [40, 148, '120 HARBOR DR'],
        [240, 148, 'SUITE 2B'],
        [40, 166, city.toUpperCase()],
        [200, 166, state.toUpperCase()],
        [300, 166, zip.toUpperCase()],
        [40, 178, 'TAMPA'],
        [200, 178, 'FL'],
        [300, 178, '33602'],
      ]);
      expect(got?.value).toEqual(upper(HARBOR));
    });

    it(`label-above grid with no heading is read, but not as near-certain: ${street} / ${city}`, () => {
      const got = serviceOf('csr', [
        [40, 136, street],
        [240, 136, unit],
        [40, 148, '120 Harbor Dr'],
        [240, 148, 'Suite 2B'],
        [40, 166, city],
        [200, 166, state],
        [300, 166, zip],
        [40, 178, 'Tampa'],
        [200, 178, 'FL'],
        [300, 178, '33602'],
      ]);
      expect(got?.value).toEqual(HARBOR);
      expect(got!.confidence).toBeLessThan(0.9);
    });
  }

  it('keeps a service grid and a billing grid side by side apart', () => {
    const got = serviceOf('csr', [
      [40, 120, 'BILLING'],
      [320, 120, 'INSTALLED AT'],
      [40, 136, 'STREET'],
      [320, 136, 'STREET'],
      [40, 148, 'PO BOX 881'],
      [320, 148, '120 HARBOR DR STE 2B'],
      [40, 166, 'LOCALITY'],
      [140, 166, 'PROVINCE'],
      [220, 166, 'POSTCODE'],
      [320, 166, 'LOCALITY'],
      [420, 166, 'PROVINCE'],
      [500, 166, 'POSTCODE'],
      [40, 178, 'TAMPA'],
      [140, 178, 'FL'],
      [220, 178, '33601'],
      [320, 178, 'TAMPA'],
      [420, 178, 'FL'],
      [500, 178, '33602'],
    ]);
    expect(got?.value).toEqual({ ...upper(HARBOR), unit: 'STE 2B' });
  });
});

describe('part cells that wrap in a narrow grid', () => {
  it('a street over three lines and a city named like a state ("Kansas" / "City")', () => {
    const got = serviceOf('loa', [
      [51, 159, 'Where installed'],
      [51, 173, 'No. & Street'],
      [131, 173, 'Rm/Ste'],
      [211, 173, 'Locality'],
      [291, 173, 'Region'],
      [371, 173, 'Post Code'],
      [53, 187, '9064 E'],
      [133, 187, 'Rm 1200'],
      [213, 187, 'Kansas'],
      [293, 187, 'MO'],
      [373, 187, '64146-3949'],
      [53, 200, 'Broadway'],
      [213, 200, 'City'],
      [53, 213, 'Pkwy.'],
    ]);
    expect(got?.value).toEqual({
      street_line: '9064 E Broadway Pkwy.',
      unit: 'Rm 1200',
      city: 'Kansas City',
      state: 'MO',
      zip5: '64146',
      zip4: '3949',
    });
  });

  it('two cells OCR joined with the table rule read as "|" ("8511 East Harbor Avenue | Spokane")', () => {
    const got = serviceOf('loa', [
      [57, 144, 'No. & Street'],
      [172, 144, 'Locality'],
      [288, 144, 'Region'],
      [402, 144, 'Post Code'],
      [60, 156, '8511 East Harbor Avenue | Spokane'],
      [290, 156, 'WA'],
      [405, 156, '99256'],
    ]);
    expect(got?.value).toEqual({
      street_line: '8511 East Harbor Avenue',
      unit: '',
      city: 'Spokane',
      state: 'WA',
      zip5: '99256',
      zip4: '',
    });
  });

  it('a three-column label-above grid: a whole billing address in a cell before the service parts', () => {
    const cell = (i: number, label: string, value: string): TextLine[] => [
      [40 + (i % 3) * 170, 100 + Math.floor(i / 3) * 30, label, { size: 7.5 }],
      [40 + (i % 3) * 170, 111 + Math.floor(i / 3) * 30, value],
    ];
    const got = serviceOf('csr', [
      ...cell(0, 'CUSTOMER', 'Harbor Light Marine LLC'),
      ...cell(1, 'ACCOUNT', '88120455'),
      ...cell(2, 'MAIN TN', '501-555-0101'),
      ...cell(3, 'BILLING ADDRESS', 'PO Box 9, Little Rock, AR 72203'),
      ...cell(4, 'PREMISES STREET', '4 Elm St'),
      ...cell(5, 'RM/STE', 'Ste 300'),
      ...cell(6, 'LOCALITY', 'North Little Rock'),
      ...cell(7, 'REGION', 'AR'),
      ...cell(8, 'POST CODE', '72114'),
    ]);
    expect(got?.value).toEqual({
      street_line: '4 Elm St',
      unit: 'Ste 300',
      city: 'North Little Rock',
      state: 'AR',
      zip5: '72114',
      zip4: '',
    });
  });

  it('a section heading under the row is not the rest of the street', () => {
    const got = serviceOf('loa', [
      [51, 147, 'No. & Street'],
      [235, 147, 'Locality'],
      [327, 147, 'Region'],
      [419, 147, 'Post Code'],
      [53, 159, '55 Industrial Court'],
      [237, 159, 'Santa Fe'],
      [329, 159, 'NM'],
      [421, 159, '87508'],
      [48, 176, 'Lines and Numbers', { size: 12 }],
      [53, 192, '505-555-0101'],
    ]);
    expect(got?.value.street_line).toBe('55 Industrial Court');
  });

  it('a street cell beside a "City, ST ZIP" cell under unlisted labels', () => {
    for (const kind of ['loa', 'csr'] as const) {
      const got = serviceOf(kind, [
        [40, 80, 'Customer'],
        [240, 80, 'Account'],
        [40, 92, 'Harbor Light Marine LLC'],
        [240, 92, '88120455'],
        [40, 124, 'No. & Street'],
        [240, 124, 'Locality, Region, Post Code'],
        [40, 136, '120 Harbor Dr, Suite 2B'],
        [240, 136, 'Tampa, FL 33602'],
      ]);
      expect(got?.value, kind).toEqual(HARBOR);
    }
  });

  it('a one-line address wrapped anywhere in a narrow value cell', () => {
    const got = serviceOf('invoice', [
      [48, 87, 'ACCOUNT'],
      [113, 87, '3092871250377'],
      [335, 87, 'SERVICE AT'],
      [399, 87, '62 Hill Pl., Ste'],
      [399, 101, '1548, Bismarck,'],
      [399, 111, 'ND 58504'],
      [335, 127, 'SEND BILLS TO'],
      [399, 127, 'PO BOX 37294'],
      [399, 139, 'Bismarck ND'],
      [399, 151, '58506'],
    ]);
    expect(got?.value).toEqual({
      street_line: '62 Hill Pl.',
      unit: 'Ste 1548',
      city: 'Bismarck',
      state: 'ND',
      zip5: '58504',
      zip4: '',
    });
  });
});

describe('a block named by a heading of unlisted wording', () => {
  for (const heading of ['Premises', 'Physical Location', 'Where the Lines Are Installed', 'Site of Service']) {
    it(`"${heading}" beside a Bill To block`, () => {
      const got = serviceOf('invoice', [
        [40, 60, 'Acme Telecom'],
        [40, 72, '500 Carrier Plaza'],
        [40, 84, 'Dallas, TX 75201'],
        [40, 130, 'Bill To'],
        [300, 130, heading],
        [40, 144, 'Harbor Light Marine LLC'],
        [300, 144, '120 Harbor Dr, Suite 2B'],
        [40, 156, 'PO Box 881'],
        [300, 156, 'Tampa, FL 33602'],
        [40, 168, 'Tampa, FL 33601'],
        [40, 200, 'Account Number: 88120455'],
      ]);
      expect(got?.value).toEqual(HARBOR);
    });
  }

  it('a name line above a block is not a heading ("Lakeshore Tax Services" names no service address)', () => {
    expect(conceptOfText('Lakeshore Tax Services')).toBe('unknown');
    expect(conceptOfText('Premises')).toBe('service');
    expect(conceptOfText('Mail Statements To:')).toBe('billing');
    expect(conceptOfText('Send Payment To')).toBe('remit');
    expect(conceptOfText('Send Bills To')).toBe('billing');
    // a phone or number label over a block is no address heading, whatever its first word
    expect(conceptOfText('Billing Tel #')).toBe('unknown');
    expect(conceptOfText('Service Account Number')).toBe('unknown');
  });
});

describe('fixed-width records with unlisted tags', () => {
  const tags: [string, string][] = [
    ['PRM', 'PRM CSZ'],
    ['SVLOC', 'SVCSZ'],
    ['SITE', 'SITE2'],
  ];
  for (const [street, city] of tags) {
    it(`${street} / ${city} beside a BILL block`, () => {
      const got = serviceOf('csr', [
        [36, 50, 'ACCT'],
        [90, 50, '88120455'],
        [36, 62, 'CUST'],
        [90, 62, 'HARBOR LIGHT MARINE LLC'],
        [36, 74, street],
        [90, 74, '120 HARBOR DR STE 2B'],
        [36, 86, city],
        [90, 86, 'TAMPA FL 33602'],
        [36, 98, 'BILL'],
        [90, 98, 'PO BOX 881'],
        [36, 110, 'BILL2'],
        [90, 110, 'TAMPA FL 33601'],
      ]);
      expect(got?.value).toEqual({ ...upper(HARBOR), unit: 'STE 2B' });
    });
  }

  it('a multi-word city line is not taken for a tag ("SANTA FE NM 87502")', () => {
    for (const tag of ['SA', 'SADR', 'LOCATION']) {
      const got = serviceOf('csr', [
        [36, 88, tag],
        [74, 88, '24477 FOREST PKWY'],
        [74, 100, 'SANTA FE NM 87502'],
      ]);
      expect(got?.value.city, tag).toBe('SANTA FE');
    }
  });
});

describe('two addresses and no label saying which is the service address', () => {
  it('takes the street address over the box, without confidence', () => {
    const got = serviceOf('csr', [
      [40, 100, 'Harbor Light Marine LLC'],
      [40, 112, '120 Harbor Dr, Suite 2B'],
      [40, 124, 'Tampa, FL 33602'],
      [300, 100, 'Harbor Light Marine LLC'],
      [300, 112, 'PO Box 881'],
      [300, 124, 'Tampa, FL 33601'],
    ]);
    expect(got?.value).toEqual(HARBOR);
    expect(got!.confidence).toBeLessThan(0.7);
  });
});

describe('the label own value wins over part cells further down', () => {
  it('a service label with its address beside it, another address in part cells below', () => {
    const got = serviceOf('csr', [
      [48, 145, 'Service Address:'],
      [164, 145, '1681 E Forest Ct'],
      [306, 145, 'ST:'],
      [422, 145, 'UT'],
      [164, 157, 'Salt Lake City, UT 84171'],
      [306, 157, 'ZIP:'],
      [422, 157, '84138'],
      [48, 169, 'Street Address:'],
      [164, 169, '4785 Mill Parkway'],
      [48, 182, 'City:'],
      [164, 182, 'Salt Lake City'],
    ]);
    expect(got?.value).toMatchObject({ street_line: '1681 E Forest Ct', city: 'Salt Lake City', zip5: '84171' });
  });
});

describe('OCR slips inside street words', () => {
  for (const [printed, street] of [
    ['15 01d Mill 5t', '15 Old Mill St'],
    ['88 Cedar 8lvd', '88 Cedar Blvd'],
    ['7 0ak Ridge Rd', '7 Oak Ridge Rd'],
    ['21 21st Ave', '21 21st Ave'],
  ]) {
    it(`"${printed}" → "${street}"`, () => {
      const got = serviceOf('loa', [
        [72, 120, 'Service Address:'],
        [200, 120, `${printed}, Lake Havasu City, AZ 86403`],
      ]);
      expect(got?.value.street_line).toBe(street);
      expect(got?.value.city).toBe('Lake Havasu City');
    });
  }
});

describe('city lines and one-line values under unlisted labels', () => {
  const SLC = {
    street_line: '120 Harbor Dr',
    unit: 'Suite 2B',
    city: 'Salt Lake City',
    state: 'UT',
    zip5: '84105',
    zip4: '',
  };
  const head: TextLine[] = [
    [72, 80, 'Account Name:'],
    [220, 80, 'Harbor Light Marine LLC'],
  ];

  it('a city line carrying its part labels ("City: Salt Lake City  State: UT  ZIP: 84105")', () => {
    const got = serviceOf('loa', [
      ...head,
      [72, 120, 'Service Address:'],
      [220, 120, '120 Harbor Dr, Suite 2B'],
      [220, 132, 'City: Salt Lake City  State: UT  ZIP: 84105'],
    ]);
    expect(got?.value).toEqual(SLC);
  });

  it('a billing and a service address on consecutive rows, both under unlisted labels', () => {
    for (const [bill, svc] of [
      ['Mail statements to:', 'Lines are located at:'],
      ['Invoices go to:', 'Premises:'],
    ]) {
      const got = serviceOf('csr', [
        ...head,
        [72, 120, bill!],
        [220, 120, 'PO Box 55, Salt Lake City, UT 84110'],
        [72, 140, svc!],
        [220, 140, '120 Harbor Dr, Suite 2B, Salt Lake City, UT 84105'],
      ]);
      expect(got?.value, svc).toEqual(SLC);
    }
  });

  it('the only address of a letter, in a sentence naming no address, is a weak candidate', () => {
    const got = serviceOf('loa', [
      [
        72,
        100,
        'We, Harbor Light Marine LLC, of 120 Harbor Dr, Suite 2B, Salt Lake City, UT 84105, authorize Acme to port our numbers.',
      ],
    ]);
    expect(got?.value).toEqual(SLC);
    expect(got!.confidence).toBeLessThan(0.6);
  });

  it('an address a sentence says is the billing one is not the service address', () => {
    const got = serviceOf('loa', [
      [72, 100, 'Please mail the final bill to 120 Harbor Dr, Suite 2B, Salt Lake City, UT 84105.'],
    ]);
    expect(got).toBeUndefined();
  });
});
