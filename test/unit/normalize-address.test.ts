import { describe, expect, it } from 'vitest';
import {
  addressLineZip,
  compareAddresses,
  formatAddress,
  isPoBox,
  normalizeState,
  normalizeZip,
  parseAddress,
} from '../../shared/normalize/address.js';
import { STREET_SUFFIXES, UNIT_DESIGNATORS } from '../../shared/normalize/usps.js';

const cmp = (reference: Parameters<typeof parseAddress>[0], candidate: Parameters<typeof parseAddress>[0]) =>
  compareAddresses(parseAddress(reference), parseAddress(candidate));

describe('parseAddress: free text into USPS parts', () => {
  const cases: [string, Partial<ReturnType<typeof parseAddress>>][] = [
    [
      '123 N Main St Ste 200, Springfield, IL 62704-1234',
      {
        house_number: '123',
        predirectional: 'N',
        street_name: 'MAIN',
        suffix: 'ST',
        unit_designator: 'STE',
        unit: '200',
        city: 'SPRINGFIELD',
        state: 'IL',
        zip5: '62704',
        zip4: '1234',
      },
    ],
    [
      '123 North Main Street, Suite 200\nSpringfield, Illinois 62704',
      { predirectional: 'N', suffix: 'ST', unit_designator: 'STE', unit: '200', state: 'IL', zip4: '' },
    ],
    ['123 Main St Springfield IL 62704', { street_name: 'MAIN', suffix: 'ST', city: 'SPRINGFIELD', state: 'IL' }],
    ['500 Main St Lake Forest IL 60045', { street_name: 'MAIN', suffix: 'ST', city: 'LAKE FOREST' }],
    [
      '1600 Pennsylvania Avenue Northwest, Washington DC 20500',
      { street_name: 'PENNSYLVANIA', suffix: 'AVE', postdirectional: 'NW', city: 'WASHINGTON', state: 'DC' },
    ],
    ['101 N St NW, Washington, D.C. 20001', { street_name: 'N', suffix: 'ST', postdirectional: 'NW', state: 'DC' }],
    [
      '350 Fifth Avenue, 34th Floor, New York, NY 10118',
      { street_name: '5TH', suffix: 'AVE', unit_designator: 'FL', unit: '34' },
    ],
    [
      '100 Avenue of the Americas, New York, New York 10013',
      { street_name: 'AVENUE OF THE AMERICAS', suffix: '', state: 'NY' },
    ],
    ['12 County Road 5, Hope, AR 71801', { street_name: 'COUNTY ROAD 5', unit: '' }],
    [
      '45 W 25th St Bldg 2 Ste 100, St. Louis, Missouri 63101',
      {
        predirectional: 'W',
        street_name: '25TH',
        unit_designator: 'STE',
        unit: '100',
        extra_units: [{ designator: 'BLDG', value: '2' }],
        city: 'ST LOUIS',
        state: 'MO',
      },
    ],
    [
      'Acme LLC\nAttn: John\n77 Broadway\nNew York NY 10006',
      { house_number: '77', street_name: 'BROADWAY', city: 'NEW YORK' },
    ],
    ['9 Front St Rear, Salem MA 01970', { street_name: 'FRONT', suffix: 'ST', unit_designator: 'REAR', zip5: '01970' }],
    ['P.O. Box 123, Austin, TX 78701', { po_box: '123', city: 'AUSTIN', state: 'TX' }],
    ['123 1/2 Elm St, Boise, ID 83702', { house_number: '123 1/2', street_name: 'ELM' }],
    ['One Main Street, Cambridge, MA 02142', { house_number: '1', street_name: 'MAIN', suffix: 'ST' }],
    ['1 Plaza Way, San Juan, Puerto Rico 00901', { state: 'PR', zip5: '00901' }],
    ['789 Highway 50 W, Carson City, NV 89701', { street_name: 'HIGHWAY 50', postdirectional: 'W' }],
    ['77 W Key St, Key West, FL 33040', { street_name: 'KEY', suffix: 'ST', predirectional: 'W', unit: '' }],
    ['300 Main St 4th Fl, Dallas TX 75201', { unit_designator: 'FL', unit: '4' }],
    ['22 Oak Ln #7, Reno, NV 89501', { unit_designator: '#', unit: '7', suffix: 'LN' }],
    ['22 Oak Ln Apt. 7-B, Reno, Nevada 89501', { unit_designator: 'APT', unit: '7-B' }],
    [
      '4500 W. Sahara Ave., Ste. 101, Las Vegas, NV 89102-3322, USA',
      { predirectional: 'W', street_name: 'SAHARA', suffix: 'AVE', unit: '101', zip4: '3322' },
    ],
  ];
  it.each(cases)('%s', (text, expected) => {
    expect(parseAddress(text)).toMatchObject(expected);
  });

  it('accepts the extractor ServiceAddress shape with the unit in its own field', () => {
    const p = parseAddress({
      street_line: '123 N Main St',
      unit: 'Suite 200',
      city: 'Springfield',
      state: 'Illinois',
      zip5: '62704-1234',
      zip4: '',
    });
    expect(p).toMatchObject({
      house_number: '123',
      street_name: 'MAIN',
      unit_designator: 'STE',
      unit: '200',
      state: 'IL',
      zip5: '62704',
      zip4: '1234',
    });
    expect(formatAddress(p)).toBe('123 N MAIN ST STE 200, SPRINGFIELD, IL 62704-1234');
  });

  it('reads a bare unit value from the case columns as a unit', () => {
    expect(parseAddress({ street: '10 Elm St', unit: '12', city: 'Troy', state: 'NY', zip: '12180' })).toMatchObject({
      unit_designator: '#',
      unit: '12',
    });
  });
});

describe('USPS tables', () => {
  it.each([
    ['STREET', 'ST'],
    ['STR', 'ST'],
    ['AVENUE', 'AVE'],
    ['AV', 'AVE'],
    ['BOULEVARD', 'BLVD'],
    ['BOUL', 'BLVD'],
    ['PARKWAY', 'PKWY'],
    ['PKY', 'PKWY'],
    ['CIRCLE', 'CIR'],
    ['CRCL', 'CIR'],
    ['HIGHWAY', 'HWY'],
    ['HIWAY', 'HWY'],
    ['TERRACE', 'TER'],
    ['CROSSING', 'XING'],
    ['EXPRESSWAY', 'EXPY'],
    ['TURNPIKE', 'TPKE'],
    ['CENTRE', 'CTR'],
    ['HEIGHTS', 'HTS'],
    ['SPRINGS', 'SPGS'],
    ['PARKS', 'PARK'],
    ['WALKS', 'WALK'],
    ['LANE', 'LN'],
  ])('C1 suffix %s → %s', (form, abbr) => {
    expect(STREET_SUFFIXES.get(form)?.abbr).toBe(abbr);
  });
  it('C1 has every primary name of Publication 28 (about 200)', () => {
    expect(new Set([...STREET_SUFFIXES.values()].map((e) => e.primary)).size).toBeGreaterThanOrEqual(195);
  });
  it.each([
    ['SUITE', 'STE'],
    ['APARTMENT', 'APT'],
    ['FLOOR', 'FL'],
    ['BUILDING', 'BLDG'],
    ['ROOM', 'RM'],
    ['UNIT', 'UNIT'],
    ['PENTHOUSE', 'PH'],
    ['#', '#'],
  ])('C2 designator %s → %s', (form, abbr) => expect(UNIT_DESIGNATORS.get(form)?.abbr).toBe(abbr));
  it.each([
    ['Illinois', 'IL'],
    ['ill.', 'IL'],
    ['IL', 'IL'],
    ['District of Columbia', 'DC'],
    ['D.C.', 'DC'],
    ['Washington', 'WA'],
    ['Puerto Rico', 'PR'],
    ['Guam', 'GU'],
    ['U.S. Virgin Islands', 'VI'],
    ['American Samoa', 'AS'],
    ['Northern Mariana Islands', 'MP'],
    ['Calif.', 'CA'],
    ['N.Y.', 'NY'],
    ['West Virginia', 'WV'],
  ])('state %s → %s', (form, code) => expect(normalizeState(form)).toBe(code));
  it('unknown state text stays unknown', () => expect(normalizeState('Ontario')).toBeNull());
  it.each([
    ['62704', '62704', ''],
    ['62704-1234', '62704', '1234'],
    ['627041234', '62704', '1234'],
    ['62704 1234', '62704', '1234'],
    ['2134', '02134', ''],
    // a +4 OCR damaged or cut short leaves the five digits carriers match
    ['62704-l234', '62704', ''],
    ['62704-12', '62704', ''],
    ['62704 - 1Z3', '62704', ''],
  ])('ZIP %s → %s + %s', (raw, z5, z4) => expect(normalizeZip(raw)).toMatchObject({ zip5: z5, zip4: z4 }));
  // the review skips parsing blocks that end with another ZIP: the ZIP it sees must be the one the parser reads
  it.each([
    ['4120 Harbor View Rd, Springfield, IL 62704', '62704'],
    ['4120 Harbor View Rd\nSpringfield IL 62704-1234', '62704'],
    ['SA 88 PINE ST, CTY BOISE ID 83702', '83702'],
    ['88 Pine St, Boise, ID, 83702', '83702'],
    ['ZIP CODE 83702', '83702'],
    ['4120 Harbor View Rd, Springfield, IL 627041234', null],
    ['4120 Harbor View Rd, Springfield, IL 62704-l234', null],
    ['88 Pine St, Boise, ID 83702, USA', null],
    ['88 Pine St, Boston MA 2108', null],
    ['88 Pine St', null],
  ])('addressLineZip(%j) is %s, as parseAddress reads it', (text, zip) => {
    expect(addressLineZip(text)).toBe(zip);
    if (zip) expect(parseAddress(text).zip5).toBe(zip);
  });
  it('a +4 that is no digits at all is not read as a damaged +4', () =>
    expect(normalizeZip('62704-ST').zip5).not.toBe('62704'));
  it.each([['4120 Harbor View Rd, Springfield, IL 62704-l234'], ['4120 Harbor View Rd, Springfield IL 62704-12']])(
    'free text %s: ZIP 62704 and the city and state still read',
    (text) => {
      expect(parseAddress(text)).toMatchObject({ zip5: '62704', city: 'SPRINGFIELD', state: 'IL' });
      expect(
        compareAddresses(parseAddress('4120 HARBOR VIEW RD, SPRINGFIELD IL 62704-1234'), parseAddress(text)),
      ).toMatchObject({
        postal_code_mismatch: false,
        location_mismatch: false,
      });
    },
  );
  it.each(['P.O. Box 12', 'PO BOX 12', 'Post Office Box 12', 'POB 12', 'Box 12', 'p o box 12', 'PO Box #12'])(
    '%s is a PO box',
    (s) => expect(isPoBox(s)).toBe(true),
  );
  it.each(['12 Boxwood Ln', '12 Post Rd', '1 Postal Way'])('%s is not a PO box', (s) => expect(isPoBox(s)).toBe(false));
});

describe('compareAddresses: differences of form are never mismatches', () => {
  const equivalent: [string, string][] = [
    ['123 N Main St Ste 200, Springfield, IL 62704', '123 North Main Street, Suite 200, Springfield, Illinois 62704'],
    ['123 N MAIN ST STE 200, SPRINGFIELD, IL 62704', '123 N. Main St. #200, Springfield IL 62704'],
    ['123 N MAIN ST STE 200, SPRINGFIELD, IL 62704', '123 N Main St Unit 200, Springfield IL 62704'],
    ['123 N MAIN ST STE 200, SPRINGFIELD, IL 62704-1234', '123 N Main St Ste. 200, Springfield, IL 62704'],
    ['123 MAIN ST, SPRINGFIELD, IL 62704', '123 Main Street, Springfield, IL 62704-5555'],
    ['4500 W SAHARA AVE STE 101, LAS VEGAS, NV 89102', '4500 West Sahara Avenue, Suite 101, Las Vegas, Nevada 89102'],
    ['200 E 42ND ST FL 12, NEW YORK, NY 10017', '200 East Forty-Second Street, 12th Floor, New York, NY 10017'],
    ['200 E 42ND ST FL 12, NEW YORK, NY 10017', '200 E. 42nd St., Floor 12, New York, New York 10017'],
    ['10 MT VERNON PKWY, ATLANTA, GA 30328', '10 Mount Vernon Parkway, Atlanta, Georgia 30328'],
    ['55 ST JAMES PL, BROOKLYN, NY 11238', '55 Saint James Place, Brooklyn, NY 11238'],
    ['789 HWY 50 W, CARSON CITY, NV 89701', '789 Highway 50 West, Carson City, Nevada 89701'],
    ['15 COUNTY RD 12, HOPE, AR 71801', '15 County Road 12, Hope, AR 71801'],
    ['15 STATE ROUTE 9, TROY, NY 12180', '15 SR 9, Troy, NY 12180'],
    ['1000 AVE OF THE AMERICAS, NEW YORK, NY 10036', '1000 Avenue of the Americas, New York, NY 10036'],
    ['100 NE 5TH AVE, DELRAY BEACH, FL 33483', '100 Northeast Fifth Avenue, Delray Beach, Florida 33483'],
    ['300 PARK AVE S, NEW YORK, NY 10010', '300 Park Avenue South, New York, NY 10010'],
    ['1 MAIN ST, SAINT PAUL, MN 55101', '1 Main St, St. Paul, MN 55101'],
    ['1 MAIN ST, FORT WORTH, TX 76102', '1 Main St, Ft. Worth, TX 76102'],
    ['1 MAIN ST, NORTH LAS VEGAS, NV 89030', '1 Main St, N Las Vegas, NV 89030'],
    ['1 MAIN ST, MCALLEN, TX 78501', '1 Main St, Mc Allen, TX 78501'],
    ['22 OAK LN APT 7B, RENO, NV 89501', '22 Oak Lane, Apt. 7-B, Reno, NV 89501'],
    [
      '45 W 25TH ST BLDG 2 STE 100, NEW YORK, NY 10010',
      '45 West 25th Street, Building 2, Suite 100, New York, NY 10010',
    ],
    ['1 PLAZA WAY, SAN JUAN, PR 00901', '1 Plaza Way, San Juan, Puerto Rico 00901'],
    [
      '1600 PENNSYLVANIA AVE NW, WASHINGTON, DC 20500',
      '1600 Pennsylvania Avenue N.W., Washington, District of Columbia 20500',
    ],
    ['1 MAIN ST, CAMBRIDGE, MA 02142', 'One Main Street, Cambridge, Massachusetts 02142'],
    ['300 MAIN ST FL 3, DALLAS, TX 75201', '300 Main St, 3rd Floor, Dallas, TX 75201'],
    ['77 LAKESHORE DR, CHICAGO, IL 60611', '77 Lake Shore Drive, Chicago, IL 60611'],
    ['9 FRONT ST REAR, SALEM, MA 01970', '9 Front Street Rear, Salem, Massachusetts 01970'],
    ['12 ELM ST, BOSTON, MA 02108', '12 ELM STREET\nBOSTON MA 02108'],
    ['12 ELM ST, BOSTON, MA 02108', '12 elm st., boston, ma. 02108-0001'],
    ['12 ELM ST, BOSTON, MA 02108', '12 Elm St, Boston MA 2108'],
    ['123 MAIN ST STE 100, DALLAS, TX 75201', '123 Main Street Suite No. 100, Dallas, Texas 75201'],
    ['123 MAIN ST STE 100, DALLAS, TX 75201', 'Acme LLC\nSuite 100\n123 Main Street\nDallas, TX 75201'],
    ['1 WORLD TRADE CTR FL 85, NEW YORK, NY 10007', 'One World Trade Center, 85th Floor, New York, NY 10007'],
    ['100 MARTIN LUTHER KING JR BLVD, NEWARK, NJ 07102', '100 MLK Blvd, Newark, NJ 07102'],
    ['500 BROADWAY, NEW YORK, NY 10012', '500 Broadway St, New York, NY 10012'],
    ['66 RTE 9, TROY, NY 12180', '66 Rt. 9, Troy, NY 12180'],
    ['9 ELM ST, WINSTON-SALEM, NC 27101', '9 Elm St, Winston Salem, N.C. 27101'],
    ['9 ELM ST, COEUR D ALENE, ID 83814', "9 Elm St, Coeur d'Alene, Idaho 83814"],
    ['123-A MAIN ST, BOSTON, MA 02108', '123A Main St, Boston, MA 02108'],
    ['10 S LA SALLE ST STE 1200, CHICAGO, IL 60603', '10 South LaSalle Street, Suite 1200, Chicago, Illinois 60603'],
    ['2200 N LAMAR BLVD UNIT 104, AUSTIN, TX 78705', '2200 North Lamar Boulevard #104, Austin TX 78705'],
  ];
  it.each(equivalent)('%s ≈ %s', (ref, cand) => {
    const r = cmp(ref, cand);
    expect(r.verdict, JSON.stringify(r.parts.filter((p) => p.verdict !== 'match'))).not.toBe('mismatch');
    expect(r.verdict).not.toBe('missing');
    expect(r.location_mismatch).toBe(false);
    expect(r.postal_code_mismatch).toBe(false);
  });

  it('structured CSR parts vs free-text LOA', () => {
    const r = cmp(
      { street_line: '123 N MAIN ST', unit: 'STE 200', city: 'SPRINGFIELD', state: 'IL', zip5: '62704', zip4: '1234' },
      '123 North Main Street Suite 200, Springfield, IL 62704',
    );
    expect(r.verdict).toBe('equivalent');
    expect(r.parts.find((p) => p.part === 'zip4')).toMatchObject({ verdict: 'info' });
  });
  it('identical parts are a match', () => {
    expect(cmp('12 ELM ST, BOSTON, MA 02108', '12 ELM ST, BOSTON, MA 02108').verdict).toBe('match');
  });
});

describe('compareAddresses: real differences are mismatches', () => {
  const mismatch: [string, string, string, 'location' | 'postal'][] = [
    ['123 N MAIN ST, SPRINGFIELD, IL 62704', '125 N Main St, Springfield, IL 62704', 'house_number', 'location'],
    ['123 N MAIN ST, SPRINGFIELD, IL 62704', '123 N Maple St, Springfield, IL 62704', 'street_name', 'location'],
    ['123 N MAIN ST, SPRINGFIELD, IL 62704', '123 N Main Ave, Springfield, IL 62704', 'suffix', 'location'],
    ['123 N MAIN ST, SPRINGFIELD, IL 62704', '123 S Main St, Springfield, IL 62704', 'predirectional', 'location'],
    ['123 N MAIN ST, SPRINGFIELD, IL 62704', '123 Main St, Springfield, IL 62704', 'predirectional', 'location'],
    [
      '123 N MAIN ST STE 200, SPRINGFIELD, IL 62704',
      '123 N Main St Ste 210, Springfield, IL 62704',
      'unit',
      'location',
    ],
    ['123 N MAIN ST STE 200, SPRINGFIELD, IL 62704', '123 N Main St, Springfield, IL 62704', 'unit', 'location'],
    ['123 N MAIN ST, SPRINGFIELD, IL 62704', '123 N Main St Apt 3, Springfield, IL 62704', 'unit', 'location'],
    ['123 N MAIN ST, SPRINGFIELD, IL 62704', '123 N Main St, Chatham, IL 62704', 'city', 'location'],
    ['123 N MAIN ST, SPRINGFIELD, IL 62704', '123 N Main St, Springfield, IN 62704', 'state', 'location'],
    ['123 N MAIN ST, SPRINGFIELD, IL 62704', '123 N Main St, Springfield, IL 62701', 'zip5', 'postal'],
    ['123 N MAIN ST, SPRINGFIELD, IL 62704', '123 N Main St, Springfield, IL 62701-1234', 'zip5', 'postal'],
    ['350 5TH AVE FL 34, NEW YORK, NY 10118', '350 5th Ave Fl 35, New York, NY 10118', 'unit', 'location'],
    ['350 5TH AVE, NEW YORK, NY 10118', '350 6th Ave, New York, NY 10118', 'street_name', 'location'],
    ['300 PARK AVE, NEW YORK, NY 10022', '300 Park Ave S, New York, NY 10022', 'postdirectional', 'location'],
    ['12 ELM ST, BOSTON, MA 02108', '12A Elm St, Boston, MA 02108', 'house_number', 'location'],
  ];
  it.each(mismatch)('%s ≠ %s (%s)', (ref, cand, part, kind) => {
    const r = cmp(ref, cand);
    expect(r.verdict).toBe('mismatch');
    expect(r.parts.find((p) => p.part === part)?.verdict).toMatch(/mismatch|missing/);
    if (kind === 'location') expect(r.location_mismatch).toBe(true);
    else expect(r.postal_code_mismatch).toBe(true);
    expect(r.reasons.join(' ')).not.toBe('');
  });

  it('a PO box is never a service address', () => {
    const r = cmp('123 N MAIN ST, SPRINGFIELD, IL 62704', 'P.O. Box 55, Springfield, IL 62704');
    expect(r.verdict).toBe('mismatch');
    expect(r.location_mismatch).toBe(true);
    expect(r.reasons[0]).toMatch(/PO box is never a service address/);
  });
  it('says why in whole sentences, and a PO box once: not again as a street and a unit that are missing', () => {
    const r = cmp('1200 PEARL ST STE 310, BOULDER, CO 80302', 'PO Box 4471, Boulder, CO 80306');
    expect(r.reasons).toEqual([
      'The address given is PO Box 4471; a PO box is never a service address — use the street address where the lines are installed (the carrier has 1200 PEARL ST STE 310, BOULDER, CO 80302).',
      'ZIP 80306 differs from 80302.',
    ]);
    const street = cmp('1200 PEARL ST STE 310, BOULDER, CO 80302', '1200 Pearl St, Boulder, CO 80306');
    expect(street.reasons.length).toBeGreaterThan(1);
    for (const reason of street.reasons) expect(reason).toMatch(/^[A-Z].*[.)]$/);
  });
  it('a missing ZIP is reported, not ignored', () => {
    const r = cmp('12 ELM ST, BOSTON, MA 02108', {
      street_line: '12 Elm St',
      unit: '',
      city: 'Boston',
      state: 'MA',
      zip5: '',
      zip4: '',
    });
    expect(r.verdict).toBe('mismatch');
    expect(r.parts.find((p) => p.part === 'zip5')?.verdict).toBe('missing');
    expect(r.postal_code_mismatch).toBe(true);
  });
  it('an empty address is missing', () => {
    expect(cmp('12 ELM ST, BOSTON, MA 02108', '').verdict).toBe('missing');
  });
});

describe('parseAddress: record tags, labels and multi-word cities in free text', () => {
  it.each([
    [
      'SA 88 PINE ST\nCTY BOISE ID 83702',
      { house_number: '88', street_name: 'PINE', suffix: 'ST', city: 'BOISE', state: 'ID', zip5: '83702' },
    ],
    [
      'SA 88 PINE ST\nLA RM 12\nCTY BOISE ID 83702',
      { house_number: '88', street_name: 'PINE', unit_designator: 'RM', unit: '12', city: 'BOISE' },
    ],
    ['88 Pine St\nZIP Code Boise ID 83702', { street_name: 'PINE', city: 'BOISE', state: 'ID' }],
    ['LOC 88 PINE ST RM 12, BOISE, ID 83702', { house_number: '88', unit: '12', city: 'BOISE' }],
    [
      '12 N Broadway St Louis MO 63102',
      { house_number: '12', predirectional: 'N', street_name: 'BROADWAY', suffix: '', city: 'ST LOUIS', state: 'MO' },
    ],
    ['100 Main St St Paul MN 55101', { street_name: 'MAIN', suffix: 'ST', city: 'ST PAUL' }],
    ['455 W Temple St Salt Lake City UT 84101', { street_name: 'TEMPLE', city: 'SALT LAKE CITY', state: 'UT' }],
    [
      '1 E Las Olas Blvd Fort Lauderdale FL 33301',
      { street_name: 'LAS OLAS', suffix: 'BLVD', city: 'FORT LAUDERDALE' },
    ],
    [
      '120 Harbor Dr., Suite 2B, Tampa, FL 33602',
      {
        house_number: '120',
        street_name: 'HARBOR',
        suffix: 'DR',
        unit_designator: 'STE',
        unit: '2B',
        city: 'TAMPA',
        state: 'FL',
        zip5: '33602',
      },
    ],
    ['88 Pine St ROOM 12, Boise, ID 83702', { unit_designator: 'RM', unit: '12', street_name: 'PINE' }],
    [
      'ROOM 12, 88 Pine St, Boise, ID 83702',
      { unit_designator: 'RM', unit: '12', house_number: '88', street_name: 'PINE' },
    ],
  ])('%s', (text, expected) => {
    expect(parseAddress(text)).toMatchObject(expected);
  });
});

describe('compareAddresses: multi-word cities, unit spellings and OCR-joined words', () => {
  it.each([
    ['12 N BROADWAY, SAINT LOUIS, MO 63102', '12 N Broadway, St. Louis, MO 63102'],
    ['12 N BROADWAY, SAINT LOUIS, MO 63102', '12 N Broadway St Louis MO 63102'],
    ['1 MAIN ST, FORT LAUDERDALE, FL 33301', '1 Main St, Ft. Lauderdale, Florida 33301'],
    ['1 MAIN ST, SALT LAKE CITY, UT 84101', '1 Main Street, Salt Lake Cty, UT 84101'],
    ['1 MAIN ST, WINSTON SALEM, NC 27101', '1 Main St, Winston-Salem, NC 27101'],
    ['1 MAIN ST, COEUR D ALENE, ID 83814', "1 Main St, Coeur d'Alene, ID 83814"],
    ['1 MAIN ST, MOUNT PLEASANT, SC 29464', '1 Main St, Mt. Pleasant, SC 29464'],
    ['88 PINE ST RM 12, BOISE, ID 83702', '88 Pine Street, Room 12, Boise, ID 83702'],
    ['88 PINE ST RM 12, BOISE, ID 83702', '88 Pine St #12, Boise, ID 83702'],
    ['88 PINE ST RM 12, BOISE, ID 83702', 'SA 88 PINE ST\nLA ROOM 12\nCTY BOISE ID 83702'],
    ['88 PINE ST FL 3, BOISE, ID 83702', '88 Pine St, Third Floor, Boise, ID 83702'],
    ['88 PINE ST BLDG 2, BOISE, ID 83702', '88 Pine St Building 2, Boise, ID 83702'],
    ['5425 SE MILL BLVD FL 6, SAN JOSE, CA 95154', '5425 SoutheastMill Boulevard Floor 6, San Jose, CA 95154'],
    ['17 RIDGE SQ UNIT 1508, DENVER, CO 80268', '17 RIDGESQ UNIT 1508, DENVER, CO 80268'],
  ])('%s ≈ %s', (ref, cand) => {
    const r = cmp(ref, cand);
    expect(r.verdict, r.reasons.join(' ')).not.toBe('mismatch');
    expect(r.location_mismatch).toBe(false);
  });

  it.each([
    ['1 MAIN ST, SALT LAKE CITY, UT 84101', '1 Main St, Salt Lake, UT 84101', 'city'],
    ['1 MAIN ST, WEST PALM BEACH, FL 33401', '1 Main St, Palm Beach, FL 33401', 'city'],
    ['1 MAIN ST, SAINT LOUIS, MO 63102', '1 Main St, St. Charles, MO 63102', 'city'],
    ['88 PINE ST RM 12, BOISE, ID 83702', '88 Pine St Room 14, Boise, ID 83702', 'unit'],
    ['88 PINE ST RM 12, BOISE, ID 83702', '88 Pine St Floor 12, Boise, ID 83702', 'unit'],
    ['5425 SE MILL BLVD, SAN JOSE, CA 95154', '5425 SW Mill Blvd, San Jose, CA 95154', 'predirectional'],
    ['17 RIDGE SQ, DENVER, CO 80268', '17 RIDGEWAY SQ, DENVER, CO 80268', 'street_name'],
  ])('%s ≠ %s (%s)', (ref, cand, part) => {
    const r = cmp(ref, cand);
    expect(r.verdict).toBe('mismatch');
    expect(r.parts.find((p) => p.part === part)?.verdict).toMatch(/mismatch|missing/);
  });
});
