/**
 * The service address under captions named by the concept's GRAMMAR, in every structure LOAs, invoices
 * and CSRs print it, and in the value shapes addresses take (issue 9: the held-out corpus misses the CSR
 * and invoice service address most, then the LOA's — one-line addresses left unsplit, multi-word cities,
 * units taken for the street, a neighbouring label taken for the city, the state lost).
 *
 * How documents name "where the service is": a place qualifier (service, installation, premises, site,
 * location, physical, end-user, E911) and a place head noun (address, location, premises, site), spelled
 * out, shortened by prefix ("Svc", "Loc", "Inst", "Prem") or by consonant skeleton ("Srvc"), with a hint
 * in parentheses ("(no P.O. boxes)"), or a phrase ("Where service is provided", "Installed At"); in a
 * record, a tag of capitals. And what is NOT the service address beside it: the billing, mailing, remit-to
 * and corporate addresses, the bill-to box of a window envelope, the carrier's own letterhead.
 *
 * The value shapes: one line with commas or none, two and three lines, multi-word cities (Salt Lake City,
 * Winston Salem, St. Louis, Port St. Lucie, Coeur d'Alene), a unit of each designator before or after the
 * street or on a line of its own, directionals, numbered and route streets, ZIP+4, city/state/ZIP in
 * cells apart. Every name, street and business is ours; cities and ZIPs are real (the ZIP database checks
 * them). Each page pins one caption × one value × one structure.
 *
 * Not read right at first sight (the probe over 42 captions × 22 values × 15 structures, 12408 pages,
 * 6928 right): a unit "Lot 7" (all structures: LOT was no unit designator); a skeleton "Srvc Addr" in mixed
 * case; "E-911 Location" (its hyphen split the concept word); a part row under "Corporate Address" read
 * as a service address beside a one-word service heading ("Premises", "Site"); "St. Louis" in a City
 * cell beside "City:" (its "St." read as a state caption); a unit before its street in a sentence
 * ("… is Suite 410, 2000 Peachtree Rd NW, …"); a one-line value whose state and ZIP stand in cells apart.
 * Still not read: "Street Address" over a service address on an invoice (a part caption, no service
 * word: a bill's lone street address is as likely the customer's mailing one).
 */
import { describe, expect, it } from 'vitest';
import { extractFields } from '../../electron/core/extract/index.js';
import type { DocumentKind, ServiceAddress } from '../../shared/domain/document.js';
import { generateRandom } from '../fixtures/generator/random.js';
import { addressEqual } from '../fixtures/generator/score.js';
import { type AddressShape, type Line, SHAPES, tagRecord, VALUES } from '../helpers/address-grammar.js';
import { readGenerated } from '../helpers/generated.js';
import { pageOfLines } from '../helpers/pages.js';

/** Captions of the service address by the grammar's slots. */
const CAPTIONS = [
  // a place qualifier × a place noun
  'Service Address',
  'Service Location',
  'Installation Address',
  'Install Location',
  'Premises Address',
  'Site Address',
  'Site Location',
  'Location Address',
  'Physical Address',
  'Physical Location',
  'Physical Service Address',
  'Service Street Address',
  'Service Premises',
  'Service Site',
  'Premises Location',
  'End-User Address',
  'End User Location',
  'E911 Address',
  // * its hyphen split the concept word
  'E-911 Location',
  // a place noun alone
  'Premises',
  'Location',
  'Site',
  // shortened: by prefix, and * by skeleton in mixed case
  'Svc Addr',
  'SVC LOC',
  'PREM ADDR',
  'Svc Location',
  'Inst Addr',
  'Loc of Svc',
  'Service Addr.',
  'Service Loc',
  'Srvc Addr',
  // with a hint in parentheses
  'Service Address (no P.O. boxes)',
  'Service Address (physical location, no PO boxes)',
  // phrases naming the place served
  'Where service is provided',
  'Location of service',
  'Address of Service',
  'Address of Premises',
  'Installed At',
  'Address where service is installed',
  'Serviced Location',
  'Location Served',
];

/** The other addresses printed beside the service address on every page. */
const OTHERS = ['Billing Address', 'Mailing Address', 'Bill To', 'Corporate Address', 'Remit To'];

/** Record tags of the service address's line. */
const TAGS = [
  'SA',
  'SVC ADDR',
  'SVC LOC',
  'PREM ADDR',
  'SADR',
  'SRV ADR',
  'INST ADDR',
  'LOC',
  'E911 ADDR',
  'SITE ADDR',
  'PREM',
  'SVCADDR',
  'SVC-ADDR',
  'SVC/ADDR',
  'SERV ADDR',
  'LOCN',
  'PREMS',
  'INSTL ADR',
];

const show = (a: ServiceAddress | undefined) =>
  a ? [a.street_line, a.unit, a.city, a.state, a.zip5, a.zip4].join(' | ') : 'nothing';
function serviceAddress(kind: DocumentKind, lines: Line[]): ServiceAddress | undefined {
  return extractFields(pageOfLines(lines), kind).fields.service_address?.value as ServiceAddress | undefined;
}
function expectRead(kind: DocumentKind, lines: Line[], v: AddressShape): void {
  const got = serviceAddress(kind, lines);
  // (the review's parts, as the scorer compares them: street, unit, city, state, ZIP and ZIP+4)
  expect(got && addressEqual(v.truth, got) ? show(v.truth) : show(got)).toBe(show(v.truth));
}

/** Structures where a column's gaps cannot hold an address spread over cells (a sentence, a table's one cell). */
const ONE_CELL = new Set(['LOA prose', 'invoice per-line table']);
/**
 * Still not read (see the header): a part caption over a service address on a bill names no service;
 * "Site:" over a street whose city, state and ZIP are captioned on the row below reads the city into the street.
 */
const skip = (kind: DocumentKind, caption: string, structure: string) =>
  (kind === 'invoice' && caption === 'Street Address') || (structure === 'LOA parts on one row' && caption === 'Site');

describe('the service address under every caption of its grammar, in each structure', () => {
  for (const [kind, shapes] of Object.entries(SHAPES) as [DocumentKind, (typeof SHAPES)['loa']][])
    for (const [structure, page] of Object.entries(shapes)) {
      const values = VALUES.filter((v) => !(ONE_CELL.has(structure) && v.name.includes('spaced apart')));
      it(`${structure}: ${CAPTIONS.length} captions, the address in two shapes each`, () => {
        CAPTIONS.forEach((caption, i) => {
          if (skip(kind, caption, structure)) return;
          for (const v of [values[i % values.length]!, values[(i + 7) % values.length]!])
            expectRead(kind, page(caption, v, OTHERS[i % OTHERS.length]!), v);
        });
      });
      it(`${structure}: ${values.length} value shapes, under three captions each`, () => {
        values.forEach((v, i) => {
          for (const caption of [CAPTIONS[i % CAPTIONS.length]!, 'Service Address', 'Srvc Addr'])
            if (!skip(kind, caption, structure))
              expectRead(kind, page(caption, v, OTHERS[(i + 2) % OTHERS.length]!), v);
        });
      });
    }
}, 120_000);

describe("a record's service address line under its tag, in every value shape", () => {
  for (const tag of TAGS)
    it(`"${tag}"`, () => {
      for (const v of VALUES) {
        const up = { ...v, lines: v.lines.map((l) => l.toUpperCase()) };
        expectRead('csr', tagRecord(tag, up), up);
      }
    });
});

describe('the grammar classes not read at first sight', () => {
  const one = (name: string) => VALUES.find((v) => v.name === name)!;
  it('"Lot 7" after a county road is the unit, in every structure', () => {
    for (const [kind, shapes] of Object.entries(SHAPES) as [DocumentKind, (typeof SHAPES)['loa']][])
      for (const page of Object.values(shapes))
        expectRead(
          kind,
          page('Service Address', one('County Road 12, Lot'), 'Billing Address'),
          one('County Road 12, Lot'),
        );
  });
  it('a consonant skeleton names its word in any case ("Srvc Addr", "Srvc Loc")', () => {
    const v = one('two lines, plain');
    for (const caption of ['Srvc Addr', 'Srvc Loc', 'Srvc. Addr.'])
      expectRead('invoice', SHAPES.invoice['invoice key: value panel']!(caption, v, 'Billing Address'), v);
  });
  it('"E-911" is the concept word E911', () => {
    const v = one('one line, suite');
    expectRead('invoice', SHAPES.invoice['invoice window + service panel']!('E-911 Location', v, 'Bill To'), v);
  });
  it('parts under a corporate or headquarters heading are never the service address', () => {
    const v = one('two lines, plain');
    for (const other of ['Corporate Address', 'Headquarters Address', 'HQ Address'])
      for (const caption of ['Premises', 'Site', 'End User Location'])
        expectRead('loa', SHAPES.loa['LOA boxes']!(caption, v, other), v);
  });
  it('"St. Louis", "Ste. Genevieve", "Mt. Vernon" beside "City:" are cities, their first word no state caption', () => {
    for (const [city, state, zip5] of [
      ['St. Louis', 'MO', '63103'],
      ['ST LOUIS', 'MO', '63103'],
      ['Ste. Genevieve', 'MO', '63670'],
      ['Mt. Vernon', 'IL', '62864'],
    ] as const) {
      const truth = { street_line: '1401 Olive St', unit: 'Room 12', city, state, zip5, zip4: '' };
      const v: AddressShape = { name: city, truth, lines: [] };
      expectRead('loa', SHAPES.loa['LOA parts form']!('Service Address', v, 'Mailing Address'), v);
    }
  });
  it('a unit before its street in a sentence stays the unit', () => {
    for (const name of ['unit before the street', 'three lines, ROOM over the street'])
      for (const caption of ['Service Address', 'Location', 'Svc Addr'])
        expectRead('loa', SHAPES.loa['LOA prose']!(caption, one(name), 'Bill To'), one(name));
  });
  it('"PREMISES AT 68 Lincoln Pkwy": the "at" is the caption\'s, the city line indented under the house number', () => {
    const truth = { street_line: '68 Lincoln Pkwy', unit: '', city: 'Buffalo', state: 'NY', zip5: '14214', zip4: '' };
    for (const caption of ['PREMISES AT', 'Site at', 'Located at'])
      expectRead(
        'csr',
        [
          [40, 40, 'Northwind Business'],
          [56, 70, 'ACCOUNT NAME Harborline Dental Group'],
          [40, 96, 'Location'],
          [56, 112, `${caption} 68 Lincoln Pkwy`],
          [56 + (caption.length + 1) * 6, 124, 'Buffalo, NY 14214'],
          [40, 150, 'BILLING'],
          [56, 166, 'BILL-TO PO Box 14490'],
          [104, 178, 'Buffalo, NY 14225'],
        ],
        { name: 'premises at', truth, lines: [] },
      );
  });
  it("a one-line value's state and ZIP in cells of their own end the address", () => {
    const v = one('city, state and ZIP spaced apart');
    expectRead('csr', SHAPES.csr['CSR key: value']!('Service Address', v, 'Billing Address'), v);
    expectRead('invoice', SHAPES.invoice['invoice key: value panel']!('Premises', v, 'Remit To'), v);
  });
});

describe("a neighbouring caption set close after the value's last comma is no part of the street", () => {
  it('dev fresh-tune seed 21258 (loa-kvgrid): "… Suite 1427, Where bills are" beside "Where bills are mailed"', async () => {
    // (stand-ins pinned at 42, the scorer's draw: each one added changes which family a seed draws)
    const r = await readGenerated(generateRandom(21258, { kind: 'loa', fresh: 'tune', standins: 42 }));
    expect(r.f.family).toBe('loa-kvgrid');
    expect(show(r.got.service_address?.value as ServiceAddress)).toBe(show(r.truth.service_address as ServiceAddress));
  });
  it('a city after the comma is kept, even one holding a caption word ("Billings")', () => {
    const truth = { street_line: '2815 Montana Ave', unit: '', city: 'Billings', state: 'MT', zip5: '59101', zip4: '' };
    const lines: Line[] = [
      [40, 40, 'LETTER OF AGENCY'],
      [40, 70, 'Service Address:'],
      [200, 70, '2815 Montana Ave, Billings'],
      [200, 84, 'MT 59101'],
    ];
    expectRead('loa', lines, { name: 'Billings', truth, lines: [] });
  });
  it('a real town written with the wrong state or ZIP is read as written, even one holding a caption word', () => {
    // (the carrier rejects that city: read as a caption it hid the difference behind "no address was read")
    for (const [city, state, zip5] of [
      ['Billings', 'MA', '01608'],
      ['Billings', 'TX', '75201'],
      ['Mobile', 'GA', '30303'],
    ] as const) {
      const truth = { street_line: '14365 Union Ave.', unit: '', city, state, zip5, zip4: '' };
      for (const caption of ['Service Premises', 'Location of Service:'])
        expectRead(
          'loa',
          [
            [40, 40, 'LETTER OF AUTHORIZATION'],
            [40, 70, caption],
            [40, 84, '14365 Union Ave.'],
            [40, 98, `${city}, ${state} ${zip5}`],
          ],
          { name: city, truth, lines: [] },
        );
    }
  });
  it('a caption word that is a town nowhere is still no city ("Billing", "Account")', () => {
    for (const city of ['Billing', 'Account'])
      expect(
        serviceAddress('loa', [
          [40, 40, 'LETTER OF AUTHORIZATION'],
          [40, 70, 'Service Premises'],
          [40, 84, '14365 Union Ave.'],
          [40, 98, `${city}, MA 01608`],
        ]),
      ).toBeFalsy();
  });
});

describe('no other address is read as the service address', () => {
  const v = VALUES[1]!;
  for (const [kind, shapes] of Object.entries(SHAPES) as [DocumentKind, (typeof SHAPES)['loa']][])
    for (const [structure, page] of Object.entries(shapes)) {
      if (structure === 'LOA prose') continue;
      it(`${structure}: the address under a billing, mailing, remit or corporate caption is not the service address`, () => {
        for (const other of ['Mailing Address', 'Remit To', 'Corporate Address']) {
          const got = serviceAddress(kind, page(other, v, 'Billing Address'));
          expect(got && addressEqual(v.truth, got)).toBeFalsy();
        }
      });
    }
});
