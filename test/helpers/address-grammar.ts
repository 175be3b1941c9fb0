/**
 * Synthetic LOAs, invoices and CSRs that print the service address under a caption in each structure the
 * extractor reads (test/unit/extract-address-grammar.test.ts): the caption and the address's printed
 * shape are the test's variables, the rest of the page is a fixed, plausible document with a billing (or
 * remit, or carrier's own) address beside the service address as its distractor. Every name, street and
 * business is ours; cities and ZIPs are real (the offline ZIP database checks them).
 */
import type { DocumentKind, ServiceAddress } from '../../shared/domain/document.js';

export type Line = [number, number, string];

/** A service address as the truth holds it, and how it is printed. */
export interface AddressShape {
  name: string;
  truth: ServiceAddress;
  /** the printed lines, top to bottom */
  lines: string[];
}

const addr = (
  street_line: string,
  unit: string,
  city: string,
  state: string,
  zip5: string,
  zip4 = '',
): ServiceAddress => ({ street_line, unit, city, state, zip5, zip4 });

const zip = (a: ServiceAddress) => (a.zip4 ? `${a.zip5}-${a.zip4}` : a.zip5);
const cityLine = (a: ServiceAddress, comma = true) => `${a.city}${comma ? ',' : ''} ${a.state} ${zip(a)}`;

/** One line with commas: "120 Harbor Dr, Suite 2B, Tampa, FL 33602". */
function oneLine(name: string, a: ServiceAddress, unitFirst = false): AddressShape {
  const street =
    unitFirst && a.unit ? `${a.unit}, ${a.street_line}` : [a.street_line, a.unit].filter(Boolean).join(', ');
  return { name, truth: a, lines: [`${street}, ${cityLine(a)}`] };
}
/** Street (and unit) on one line, city/state/ZIP on the next. */
function twoLines(name: string, a: ServiceAddress, unitSep = ' '): AddressShape {
  return { name, truth: a, lines: [[a.street_line, a.unit].filter(Boolean).join(unitSep), cityLine(a)] };
}
/** The unit on a line of its own, over or under the street. */
function threeLines(name: string, a: ServiceAddress, unitFirst = false): AddressShape {
  const top = unitFirst ? [a.unit, a.street_line] : [a.street_line, a.unit];
  return { name, truth: a, lines: [...top, cityLine(a, false)] };
}

/** The value shapes of the grammar: lines, multi-word cities, units, directionals, numbered and route streets, ZIP+4. */
export const VALUES: AddressShape[] = [
  oneLine('one line, suite', addr('120 Harbor Dr.', 'Suite 2B', 'Tampa', 'FL', '33602')),
  twoLines('two lines, plain', addr('4471 W 5th St', '', 'Salt Lake City', 'UT', '84104')),
  oneLine('one line, Salt Lake City', addr('4471 W 5th St', '', 'Salt Lake City', 'UT', '84104')),
  twoLines('Winston Salem, Ste', addr('880 N Main St', 'Ste 300', 'Winston Salem', 'NC', '27101'), ', '),
  threeLines('three lines, ROOM under the street', addr('1401 OLIVE ST', 'ROOM 12', 'ST LOUIS', 'MO', '63103')),
  threeLines('three lines, ROOM over the street', addr('1401 OLIVE ST', 'ROOM 12', 'ST LOUIS', 'MO', '63103'), true),
  oneLine('St. Louis, # unit', addr('2200 Locust St.', '# 4', 'St. Louis', 'MO', '63103')),
  oneLine('Port St. Lucie, Unit', addr('1550 SW Gatlin Blvd', 'Unit 4', 'Port St. Lucie', 'FL', '34953')),
  twoLines("Coeur d'Alene, ZIP+4", addr('715 N 4th St', '', "Coeur d'Alene", 'ID', '83814', '2512')),
  oneLine('US Hwy 19 N', addr('12880 US Hwy 19 N', '', 'Hudson', 'FL', '34667')),
  oneLine('County Road 12, Lot', addr('4410 County Road 12', 'Lot 7', 'Ennis', 'TX', '75119')),
  twoLines('State Route 7, Bldg', addr('2215 State Route 7', 'Bldg C', 'Gallipolis', 'OH', '45631')),
  oneLine('101st, Apt', addr('3300 W 101st St', 'Apt 5', 'Chicago', 'IL', '60655')),
  twoLines('Fl after the street, ZIP with a leading 0', addr('75 State St', 'Fl 9', 'Boston', 'MA', '02109')),
  oneLine('Dept', addr('500 E Market St', 'Dept 44', 'Louisville', 'KY', '40202')),
  twoLines('Space', addr('9100 Desert Inn Rd', 'Space 21', 'Las Vegas', 'NV', '89117')),
  oneLine('unit before the street', addr('2000 Peachtree Rd NW', 'Suite 410', 'Atlanta', 'GA', '30309'), true),
  oneLine('North spelled, ZIP+4', addr('6350 North Cedar Ave', '', 'Raleigh', 'NC', '27604', '3214')),
  twoLines('NW directional', addr('1020 NW Glisan St', '', 'Portland', 'OR', '97209')),
  {
    name: 'one line, no commas',
    truth: addr('120 Harbor Dr', 'Suite 2B', 'Tampa', 'FL', '33602'),
    lines: ['120 Harbor Dr Suite 2B Tampa FL 33602'],
  },
  {
    name: 'city, state and ZIP spaced apart',
    truth: addr('4471 W 5th St', '', 'Salt Lake City', 'UT', '84104'),
    lines: ['4471 W 5th St', 'Salt Lake City    UT    84104'],
  },
  {
    name: 'state spelled out',
    truth: addr('77 Stratford Rd', '', 'Winston Salem', 'NC', '27104'),
    lines: ['77 Stratford Rd', 'Winston Salem, North Carolina 27104'],
  },
];

const upper = (s: AddressShape): AddressShape => ({ ...s, lines: s.lines.map((l) => l.toUpperCase()) });

/** A PO box for billing, and a street address of the billing / corporate / remit party. */
const BILLING_BOX = ['PO Box 4410', 'Tampa, FL 33601'];
const OTHER_STREET = ['9 Corporate Plaza', 'Denver, CO 80202'];

type Shape = (caption: string, v: AddressShape, other: string) => Line[];

/** A label-left value's column: 200 pt, or clear of a long caption. */
const valueX = (caption: string) => Math.max(200, 40 + (caption.length + 3) * 6);
const below = (x: number, y: number, lines: string[], step = 14): Line[] => lines.map((l, i) => [x, y + step * i, l]);

/** The structures of an LOA: label-left, label-above, boxes, prose. */
const LOA: Record<string, Shape> = {
  'LOA label-left': (caption, v, other) => [
    [40, 40, 'LETTER OF AGENCY'],
    [40, 70, 'Customer Name:'],
    [200, 70, 'Harborline Dental Group'],
    [40, 90, 'Billing Telephone Number:'],
    [200, 90, '(813) 555-0142'],
    [40, 110, `${other}:`],
    ...below(200, 110, BILLING_BOX),
    [40, 150, `${caption}:`],
    ...below(valueX(caption), 150, v.lines),
    [40, 210, 'Account Number:'],
    [200, 210, '7730 2219 0041'],
    [40, 230, 'Authorized Signer:'],
    [200, 230, 'Dana R. Whitfield'],
  ],
  'LOA label-above': (caption, v, other) => [
    [40, 40, 'LETTER OF AGENCY'],
    [40, 66, 'Customer Name'],
    [40, 80, 'Harborline Dental Group'],
    [320, 66, 'Account Number'],
    [320, 80, '7730 2219 0041'],
    [40, 106, caption],
    ...below(40, 120, v.lines),
    [400, 106, other],
    ...below(400, 120, OTHER_STREET),
    [40, 180, 'Telephone Numbers to Port'],
    [40, 194, '(813) 555-0142'],
    [40, 220, 'Authorized Signature'],
    [40, 234, 'Dana R. Whitfield'],
  ],
  'LOA parts form': (caption, v, other) => partsForm(caption, v, other),
  'LOA parts on one row': partsRow,
  'LOA prose': (caption, v) => [
    [40, 40, 'LETTER OF AUTHORIZATION'],
    [40, 70, 'I, Dana R. Whitfield, authorize Granite Peak Telecom to port the numbers below, billed to'],
    [40, 84, 'PO Box 4410, Tampa, FL 33601, on behalf of Harborline Dental Group.'],
    [40, 104, `The ${caption.toLowerCase()} is ${v.lines.join(', ')}.`],
    [40, 130, 'Numbers: (813) 555-0142'],
  ],
  'LOA boxes': (caption, v, other) => {
    const a = v.truth;
    return [
      [40, 40, 'LETTER OF AGENCY'],
      [40, 66, 'Customer Name'],
      [40, 80, 'Harborline Dental Group'],
      [40, 104, caption],
      [40, 120, 'Street Address'],
      [250, 120, 'Unit'],
      [330, 120, 'City'],
      [450, 120, 'State'],
      [500, 120, 'ZIP'],
      [40, 134, a.street_line],
      [250, 134, a.unit],
      [330, 134, a.city],
      [450, 134, a.state],
      [500, 134, zip(a)],
      [40, 160, other],
      [40, 176, 'Street Address'],
      [330, 176, 'City'],
      [450, 176, 'State'],
      [500, 176, 'ZIP'],
      [40, 190, '9 Corporate Plaza'],
      [330, 190, 'Denver'],
      [450, 190, 'CO'],
      [500, 190, '80202'],
      [40, 216, 'Telephone Numbers to Port'],
      [40, 230, '(813) 555-0142'],
    ].filter((l): l is Line => l[2] !== '');
  },
};

/** The service address's parts each under a caption of its own, below the address's caption (an LOA's form). */
export function partsForm(caption: string, v: AddressShape, other: string, zipCaption = 'ZIP Code'): Line[] {
  const a = v.truth;
  const rows: [string, string][] = [
    ['Street Address', a.street_line],
    ['Suite / Unit', a.unit],
    ['City', a.city],
    ['State', a.state],
    [zipCaption, zip(a)],
  ];
  return [
    [40, 40, 'LETTER OF AGENCY'],
    [40, 66, 'Customer Name:'],
    [200, 66, 'Harborline Dental Group'],
    [40, 90, caption],
    ...rows.flatMap(([l, val], i): Line[] =>
      val
        ? [
            [56, 106 + 14 * i, `${l}:`],
            [200, 106 + 14 * i, val],
          ]
        : [],
    ),
    [40, 190, other],
    [56, 206, 'Street Address:'],
    [200, 206, '9 Corporate Plaza'],
    [56, 220, 'City:'],
    [200, 220, 'Denver'],
    [56, 234, 'State:'],
    [200, 234, 'CO'],
    [56, 248, `${zipCaption}:`],
    [200, 248, '80202'],
  ];
}

/** City, state and ZIP captioned on one row ("City: … State: … ZIP Code: …"). */
export function partsRow(caption: string, v: AddressShape, other: string): Line[] {
  const a = v.truth;
  return [
    [40, 40, 'LETTER OF AGENCY'],
    [40, 66, `Customer Name: Harborline Dental Group`],
    [40, 90, `${other}: ${BILLING_BOX.join(', ')}`],
    [40, 114, `${caption}: ${[a.street_line, a.unit].filter(Boolean).join(' ')}`],
    [40, 130, `City: ${a.city}`],
    [260, 130, `State: ${a.state}`],
    [380, 130, `ZIP Code: ${zip(a)}`],
    [40, 156, 'Authorized Signer: Dana R. Whitfield'],
  ];
}

/** The structures of an invoice: window block with a service panel, key: value panel, per-line table, remit stub. */
const INVOICE: Record<string, Shape> = {
  'invoice window + service panel': (caption, v) => [
    [40, 40, 'Granite Peak Telecom'],
    [420, 40, 'Invoice'],
    [40, 96, 'Harborline Dental Group'],
    ...below(40, 110, BILLING_BOX, 12),
    [340, 96, caption],
    [340, 110, 'Harborline Dental Group'],
    ...below(340, 122, v.lines, 12),
    [40, 200, 'Account Number: 7730 2219 0041'],
    [40, 216, 'Invoice Date: 03/01/2026'],
    [40, 240, 'Monthly Service  (813) 555-0142   $84.20'],
  ],
  'invoice key: value panel': (caption, v, other) => [
    [40, 40, 'Granite Peak Telecom'],
    [420, 40, 'Invoice'],
    [40, 70, 'Account Summary'],
    [40, 90, 'Account Name: Harborline Dental Group'],
    [40, 106, 'Account Number: 7730 2219 0041'],
    [40, 122, `${other}: ${BILLING_BOX.join(', ')}`],
    [40, 138, `${caption}: ${v.lines.join(', ')}`],
    [40, 154, 'Invoice Date: 03/01/2026'],
    [40, 180, 'Monthly Service  (813) 555-0142   $84.20'],
  ],
  'invoice per-line table': (caption, v) => [
    [40, 40, 'Granite Peak Telecom'],
    [420, 40, 'Invoice'],
    [40, 70, 'Account Name: Harborline Dental Group'],
    [40, 86, 'Account Number: 7730 2219 0041'],
    [40, 102, `Bill To: ${BILLING_BOX.join(', ')}`],
    [40, 130, 'Telephone'],
    [150, 130, caption],
    [520, 130, 'Amount'],
    [40, 146, '(813) 555-0142'],
    [150, 146, v.lines.join(', ')],
    [520, 146, '$84.20'],
  ],
  'invoice remit stub': (caption, v) => [
    [40, 40, 'Granite Peak Telecom'],
    [40, 54, '300 Commerce Way, Suite 900, Denver, CO 80202'],
    [420, 40, 'Invoice'],
    [40, 80, 'Account Name: Harborline Dental Group'],
    [40, 96, 'Account Number: 7730 2219 0041'],
    [40, 120, `${caption}:`],
    ...below(valueX(caption), 120, v.lines),
    [40, 180, 'Monthly Service  (813) 555-0142   $84.20'],
    [40, 240, '- - - - - - - - - - - - - - - - - - - - - - - - - - - -'],
    [40, 256, 'Please remit payment to:'],
    [40, 270, 'Granite Peak Telecom'],
    ...below(40, 284, OTHER_STREET, 12),
  ],
};

const MONO_W = 14;
/** The structures of a CSR: key: value, sections, locations table (record tags: see TAG_SHAPE). */
const CSR: Record<string, Shape> = {
  'CSR key: value': (caption, v, other) => [
    [48, 44, 'Northwind Business'],
    [420, 44, 'Customer Service Record'],
    [48, 72, 'Account Name: Harborline Dental Group'],
    [48, 88, 'Account Number: 7730-2219-0041'],
    [48, 104, 'Billing Telephone Number: (813) 555-0142'],
    [48, 120, `${other}: ${BILLING_BOX.join(', ')}`],
    [48, 136, `${caption}: ${v.lines.join(', ')}`],
    [48, 152, 'Status: Active'],
  ],
  'CSR sections': (caption, v, other) => [
    [48, 44, 'Northwind Business'],
    [420, 44, 'Customer Service Record'],
    [48, 72, 'Account Name: Harborline Dental Group'],
    [48, 88, 'Account Number: 7730-2219-0041'],
    [48, 112, other.toUpperCase()],
    ...below(48, 126, BILLING_BOX, 12),
    [48, 160, caption.toUpperCase()],
    ...below(48, 174, v.lines, 12),
    [48, 230, 'SERVICES AND EQUIPMENT'],
    [48, 244, '1FB   (813) 555-0142   BUSINESS LINE'],
  ],
  'CSR locations table': (caption, v) => {
    const a = v.truth;
    return [
      [48, 44, 'Northwind Business'],
      [420, 44, 'Customer Service Record'],
      [48, 72, 'Account Name: Harborline Dental Group'],
      [48, 88, 'Account Number: 7730-2219-0041'],
      [48, 112, caption],
      [48, 128, 'Street'],
      [250, 128, 'Unit'],
      [330, 128, 'City'],
      [450, 128, 'State'],
      [500, 128, 'ZIP'],
      [48, 142, a.street_line],
      [250, 142, a.unit],
      [330, 142, a.city],
      [450, 142, a.state],
      [500, 142, zip(a)],
      [48, 170, 'Billing Telephone Number: (813) 555-0142'],
    ].filter((l): l is Line => l[2] !== '');
  },
};

/** A mainframe record: tag padded to MONO_W, the address's lines after it, its city line under a CSZ tag or none. */
export function tagRecord(tag: string, v: AddressShape): Line[] {
  const rec = (t: string, val: string) => `${t.padEnd(MONO_W)}${val}`.toUpperCase();
  const [first, ...rest] = v.lines;
  const rows = [
    'NORTHWIND TEL   CUSTOMER SERVICE RECORD            PAGE 1',
    rec('ACCT', '7730 2219 0041'),
    rec('BTN', '813 555-0142'),
    rec('CUST', 'HARBORLINE DENTAL GROUP'),
    rec('BILL ADDR', 'PO BOX 4410'),
    rec('', 'TAMPA FL 33601'),
    rec(tag, first!),
    ...rest.map((l) => rec('', l)),
    '--- S&E ---',
    '1FB    1    813 555-0142  BUSINESS LINE FLAT RATE',
  ];
  return rows.map((r, i): Line => [36, 56 + i * 11, r]);
}

export const SHAPES: Record<DocumentKind, Record<string, Shape>> = {
  loa: LOA,
  invoice: INVOICE,
  csr: CSR,
} as Record<DocumentKind, Record<string, Shape>>;

export { upper };
