import { describe, expect, it } from 'vitest';
import type { PageText, ServiceAddress } from '../../shared/domain/document.js';
import { addr, codes, fv as boxedField, run } from '../helpers/compare.js';
import { pageOfLines as page } from '../helpers/pages.js';
import { freshTunePort } from '../helpers/review-pages.js';
import { reviewPort } from '../bench/review-ports.js';

/*
 * Service-address doubts on scans: a doubt that evidence already on the pages settles (two carrier
 * documents agreeing, a column rule read as a bar, a house number no misread explains) gives the
 * carrier's rejection; a difference one OCR slip explains, or a reading cut short, stays a check; and
 * the same address written another way stays a match.
 */

const fv = <T>(value: T, confidence = 0.95) => boxedField(value, confidence, null);
const scan = (lines: [number, number, string][]): PageText[] => page(lines, 'ocr');
const LOCATION = 'LOCATION_MISMATCH';
const POSTAL = 'POSTAL_CODE_MISMATCH';

describe("a table's column rule read as a bar is no part of the address", () => {
  const shapes: [string, string, string, string][] = [
    ['a street type parted by the rule', '9017 PINE VALLEY|PKWY', '', '9017 Pine Valley Pkwy'],
    ['a unit parted by the rule', '4153 OLD MILL RD|FLOOR 30', '', '4153 Old Mill Road'],
    ['a suite parted by the rule', '77 HARBOR AVE|STE 210', '', '77 Harbor Avenue'],
  ];
  const loaUnit = (csrStreet: string) =>
    csrStreet.includes('FLOOR') ? 'Floor 30' : csrStreet.includes('STE') ? 'Suite 210' : '';
  for (const [what, csrStreet, csrUnit, loaStreet] of shapes) {
    it(`${what} ("${csrStreet}"): the same address, no rejection`, () => {
      const r = run({
        loa: { service_address: fv(addr(loaStreet, 'Reno', 'NV', '89502', loaUnit(csrStreet)), 0.97) },
        csr: { service_address: fv(addr(csrStreet, 'RENO', 'NV', '89502', csrUnit), 0.97) },
      });
      expect(codes(r)).not.toContain(LOCATION);
      expect(['match', 'equivalent']).toContain(r.fields.service_address.verdict);
    });
  }

  it('a bar inside another street still leaves the difference (read surely, a rejection)', () => {
    const r = run({
      loa: { service_address: fv(addr('9017 Hill Court', 'Reno', 'NV', '89502'), 0.97) },
      csr: { service_address: fv(addr('9017 PINE VALLEY|PKWY', 'RENO', 'NV', '89502'), 0.97) },
    });
    expect(codes(r)).toContain(LOCATION);
  });
});

describe('a street cut short beside a city OCR glued', () => {
  const shapes: [string, string, string, string, string][] = [
    ['26569 Northeast', '26569 Northeast 21st Road', 'Grand Rapids', 'GRANDRAPIDS', 'MI 49525'],
    ['6111 Bay View', '6111 Bay View Lane', 'Palm Beach Gardens', 'PALM BEACHGARDENS', 'FL 33410'],
  ];
  for (const [read, whole, city, glued, stateZip] of shapes) {
    it(`"${read}" read unsure on an LOA that writes "${whole}" is a check, not a rejection of the city`, () => {
      const [state, zip] = stateZip.split(' ') as [string, string];
      const r = run({
        loa: { service_address: fv(addr(read, city, state, zip), 0.54) },
        csr: { service_address: fv(addr(whole.toUpperCase(), glued, state, zip), 0.49) },
        invoice: { service_address: fv(addr(whole, city, state, zip), 0.66) },
        pages: {
          loa: page([
            [51, 202, 'Street Address              City                 State   ZIP'],
            [53, 216, `${read}    ${city}    ${state}   ${zip}`],
            [53, 230, whole.slice(read.length).trim()],
          ]),
          csr: scan([
            [40, 60, 'SERVICE RECORD'],
            [40, 100, whole.toUpperCase()],
            [40, 112, `${glued} ${state} ${zip}`],
          ]),
        },
      });
      expect(codes(r)).not.toContain(LOCATION);
      expect(r.fields.service_address.verdict).toBe('check');
    });
  }
});

describe("an invoice reading that lost the unit is no other address for the CSR's", () => {
  it("the CSR reads '#1319', the invoice's reading has no unit: the LOA's #1319 is no difference", () => {
    const r = run({
      loa: { service_address: fv(addr('6813 Canal Avenue', 'Chapel Hill', 'NC', '27515', '#1319'), 0.54) },
      csr: { service_address: fv(addr('6813 Canal Avenue', 'ChapelHill', 'NC', '27516', '#1319'), 0.58) },
      invoice: { service_address: fv(addr('6813 Canal Avenue', 'Chapel Hill', 'NC', '27516'), 0.65) },
      pages: {
        csr: scan([
          [40, 60, 'ACCOUNT RECORD'],
          [40, 100, 'Address, Service: 6813 Canal Avenue, #1319, Chapel Hill, NC 27516'],
          [40, 112, 'Mail Bills To: PO BOX 73757'],
        ]),
        invoice: scan([
          [40, 100, 'Service Address: 6813 Canal Avenue'],
          [40, 112, 'Chapel Hill, NC 27516'],
        ]),
      },
    });
    expect(codes(r)).not.toContain(LOCATION);
  });
});

describe('two carrier readings that agree on a house number no misread explains', () => {
  // the CSR's reading lost the city's last word, so the two carrier readings agree in the house number only
  const carrier = (house: string, city: string, conf: number) =>
    fv(addr(`${house} SW Stone Creek Way`, city, 'FL', '33410', 'ROOM 40A'), conf);
  const pages = (loaHouse: string, carrierHouse: string) => ({
    loa: page([
      [40, 60, 'Letter of Authorization'],
      [40, 120, `Service address: ${loaHouse} SW Stone Creek Way, Room 40A, Palm Beach Gardens, FL 33410`],
    ]),
    csr: scan([
      [40, 60, 'CUSTOMER SERVICE RECORD'],
      [40, 100, `${carrierHouse} SW STONE CREEK WAY ROOM 40A`],
      [40, 112, 'PALM BEACH FL 33410'],
    ]),
    invoice: scan([
      [40, 60, 'Monthly statement'],
      [40, 100, `${carrierHouse} SW Stone Creek Way Room 40A`],
      [40, 112, 'Palm Beach Gardens, FL 33410'],
    ]),
  });
  const review = (loaHouse: string, carrierHouse: string) =>
    run({
      loa: {
        service_address: fv(
          addr(`${loaHouse} SW Stone Creek Way`, 'Palm Beach Gardens', 'FL', '33410', 'Room 40A'),
          0.58,
        ),
      },
      csr: { service_address: carrier(carrierHouse, 'Palm Beach', 0.37) },
      invoice: { service_address: carrier(carrierHouse, 'Palm Beach Gardens', 0.47) },
      pages: pages(loaHouse, carrierHouse),
    });

  for (const [loaHouse, carrierHouse] of [
    ['22403', '22401'],
    ['4172', '4135'],
  ] as const) {
    it(`LOA ${loaHouse} vs both carrier readings ${carrierHouse}, however unsure: a LOCATION_MISMATCH`, () => {
      expect(codes(review(loaHouse, carrierHouse))).toContain(LOCATION);
    });
  }

  for (const [loaHouse, carrierHouse, why] of [
    ['22408', '22403', 'one lookalike digit (3/8)'],
    ['2240', '22403', 'a digit dropped'],
  ] as const) {
    it(`LOA ${loaHouse} vs ${carrierHouse}, ${why}: a misreading may explain it, so a check`, () => {
      const r = review(loaHouse, carrierHouse);
      expect(codes(r)).not.toContain(LOCATION);
      expect(r.fields.service_address.verdict).toBe('check');
    });
  }
});

describe("a ZIP the invoice gives like the CSR's is no lookalike slip", () => {
  const csrRead = fv(addr('2105 N 3rdHwy', 'Savannah', 'GA', '31403', 'Room 1852'), 0.82);
  const loa = { service_address: fv(addr('2105 N 3rd Hwy', 'Savannah', 'GA', '31408', 'Room 1852'), 0.95) };
  const csrPage = scan([
    [40, 60, 'ACCOUNT PROFILE'],
    [40, 100, 'Premises'],
    [140, 100, '2105 N 3rdHwy Room 1852'],
    [140, 112, 'Savannah, GA 31403-0793'],
  ]);

  it("the invoice's page writes 31403 (its reading lost the street): the ZIP difference is a rejection", () => {
    const r = run({
      loa,
      csr: { service_address: csrRead },
      pages: {
        csr: csrPage,
        invoice: scan([
          [40, 60, 'Statement'],
          [40, 100, 'Service location 1852'],
          [40, 112, 'Savannah, GA 31403-0793'],
        ]),
      },
    });
    expect(codes(r)).toContain(POSTAL);
  });

  it('without a second carrier document giving it, one lookalike digit stays a check', () => {
    const r = run({ loa, csr: { service_address: csrRead }, pages: { csr: csrPage } });
    expect(codes(r)).not.toContain(POSTAL);
    expect(r.fields.service_address.verdict).toBe('check');
  });
});

describe('a CSR reading cut short before its ZIP', () => {
  const review = (csrZipOnPage: string) =>
    run({
      loa: { service_address: fv(addr('3698 Park Ct', 'Portland', 'OR', '97282'), 0.95) },
      csr: { service_address: fv(addr('3698 PARK', '', 'CT', ''), 0.41) },
      invoice: { service_address: fv(addr('3698 Park Ct', 'Portland', 'OR', '97233'), 0.85) },
      pages: {
        loa: page([[40, 120, 'Service address: 3698 Park Ct, Portland, OR 97282']]),
        csr: scan([
          [40, 60, 'SVC RECORD'],
          [40, 100, 'SA 3698 PARK CT'],
          [40, 112, `PORTLAND OR ${csrZipOnPage}`],
        ]),
        invoice: scan([
          [40, 100, 'Service address 3698 Park Ct'],
          [40, 112, 'Portland, OR 97233'],
        ]),
      },
    });

  it("the CSR's page writes the invoice's ZIP and not the LOA's: POSTAL_CODE_MISMATCH", () => {
    expect(codes(review('97233'))).toContain(POSTAL);
  });

  it("the CSR's page writes the LOA's ZIP: no ZIP rejection", () => {
    expect(codes(review('97282'))).not.toContain(POSTAL);
  });
});

describe('a short street name is that street only with its type', () => {
  // the CSR's reading unsure and under no label; the invoice (its own reading lost) writes the CSR's address
  const review = (letterhead: string) =>
    run({
      loa: { service_address: fv(addr('9017 Hill Court', 'Reno', 'NV', '89502', 'Room 442'), 0.54) },
      csr: { service_address: fv(addr('9017 PINE VALLEY PKWY', 'RENO', 'NV', '89502', 'ROOM 442'), 0.45) },
      pages: {
        loa: page([[40, 120, 'Service address: 9017 Hill Court, Room 442, Reno, NV 89502']]),
        csr: scan([
          [40, 60, 'BUSINESS RECORD'],
          [40, 90, '9017 PINE VALLEY PKWY'],
          [40, 102, 'ROOM 442'],
          [40, 114, 'RENO NV 89502'],
        ]),
        invoice: scan([
          [40, 40, 'Comcast Business'],
          [40, 52, letterhead],
          [40, 100, '9017 Pine Valley Pkwy Room 442'],
          [40, 112, 'Reno, NV 89502'],
        ]),
      },
    });

  it("'Hill' only in the carrier's letterhead, another street type ('N Hill St'): a LOCATION_MISMATCH", () => {
    expect(codes(review('3929 N Hill St, Bismarck ND 58505'))).toContain(LOCATION);
  });

  it("the letterhead writes 'Hill Court' itself: the LOA's street is on the invoice, a check", () => {
    const r = review('3929 Hill Court, Bismarck ND 58505');
    expect(codes(r)).not.toContain(LOCATION);
    expect(r.fields.service_address.verdict).toBe('check');
  });
});

describe('a one-digit house number is written only before its street', () => {
  const review = (loaLines: [number, number, string][]) =>
    run({
      loa: { service_address: fv(addr('18 Southwest Magnolia Court', 'Cape Coral', 'FL', '33914'), 0.54) },
      csr: { service_address: fv(addr('2 Southwest Magnolia Court', 'Cape Coral', 'FL', '33914'), 0.66) },
      invoice: { service_address: fv(addr('2 Southwest Magnolia Court', 'Cape Coral', 'FL', '33914'), 0.74) },
      pages: { loa: page(loaLines) },
    });

  it("an LOA writing '-18 Southwest Magnolia' and a phone full of 2s does not write 2 Southwest Magnolia", () => {
    const r = review([
      [40, 60, '239.553.8955 Existing Provider Prairie Telephone Company'],
      [40, 80, 'Street Line Ste City Name State Abbr. Post Code'],
      [40, 92, '-18 Southwest Magnolia Cape Coral FL 33914'],
    ]);
    expect(codes(r)).toContain(LOCATION);
  });

  it("an LOA that also writes '2 Southwest Magnolia Court' in another block: a check", () => {
    const r = review([
      [40, 60, 'Existing Provider Prairie Telephone Company'],
      [40, 80, 'Bill to: 2 Southwest Magnolia Court Cape Coral FL 33914'],
      [40, 92, '-18 Southwest Magnolia Cape Coral FL 33914'],
    ]);
    expect(codes(r)).not.toContain(LOCATION);
  });
});

describe("a block running on into the next is not written with the next block's ZIP", () => {
  it("'SVC: 4373 MARKET ROAD … 37909-5331 BILL: … 37940' does not write 4373 Market Road at 37940", () => {
    const r = run({
      loa: { service_address: fv(addr('4373 Market Road', 'Knoxville', 'TN', '37909', 'Room 1849'), 0.9) },
      csr: { service_address: fv(addr('4373 MARKET ROAD', 'KNOXVILLE', 'TN', '37940'), 0.52) },
      pages: {
        csr: scan([
          [40, 84, 'SVC: 4373 MARKET ROAD'],
          [40, 96, 'KNOXVILLE TN 37909-S331'],
          [40, 108, 'BILL: 138 SPRING CIR'],
          [40, 120, 'KNOXVILLE TN 37940'],
        ]),
      },
    });
    expect(codes(r)).not.toContain(POSTAL);
  });
});

describe('the same address written another way stays a match, however unsure the readings', () => {
  const shapes: [string, ServiceAddress, ServiceAddress][] = [
    [
      'Street / St',
      addr('450 Oak Street', 'Springfield', 'IL', '62704'),
      addr('450 OAK ST', 'SPRINGFIELD', 'IL', '62704'),
    ],
    [
      'Suite / #',
      addr('12 Harbor Avenue', 'Tampa', 'FL', '33617', 'Suite 210'),
      addr('12 HARBOR AVE', 'TAMPA', 'FL', '33617', '# 210'),
    ],
    [
      'ZIP+4 on one side',
      { ...addr('77 Mill Rd', 'Reno', 'NV', '89502'), zip4: '1234' },
      addr('77 MILL RD', 'RENO', 'NV', '89502'),
    ],
  ];
  for (const [what, loaRead, csrRead] of shapes)
    it(what, () => {
      const r = run({
        loa: { service_address: fv(loaRead, 0.55) },
        csr: { service_address: fv(csrRead, 0.45) },
        invoice: { service_address: fv(csrRead, 0.4) },
      });
      expect(codes(r)).not.toContain(LOCATION);
      expect(codes(r)).not.toContain(POSTAL);
    });
});

describe("an invoice's billing address like the LOA's proves nothing of the service address", () => {
  it("the CSR's unsure reading differs from the LOA, the invoice bills to the LOA's address: no match", () => {
    const r = run({
      loa: { service_address: fv(addr('100 Main Street', 'Springfield', 'IL', '62704'), 0.9) },
      csr: { service_address: fv(addr('250 OAK AVE', 'SPRINGFIELD', 'IL', '62704'), 0.5) },
      invoice: { billing_address: fv(addr('100 Main Street', 'Springfield', 'IL', '62704'), 0.9) },
      pages: {
        csr: scan([
          [40, 100, 'SERVICE ADDRESS 250 OAK AVE'],
          [40, 112, 'SPRINGFIELD IL 62704'],
        ]),
        invoice: scan([
          [40, 100, 'Bill to: 100 Main Street'],
          [40, 112, 'Springfield, IL 62704'],
        ]),
      },
    });
    expect(['match', 'equivalent']).not.toContain(r.fields.service_address.verdict);
  });

  it("an invoice (service) reading like the LOA's with a billing label only: still no match", () => {
    const r = run({
      loa: { service_address: fv(addr('100 Main Street', 'Springfield', 'IL', '62704'), 0.9) },
      csr: { service_address: fv(addr('250 OAK AVE', 'SPRINGFIELD', 'IL', '62704'), 0.95) },
      invoice: { billing_address: fv(addr('100 Main Street', 'Springfield', 'IL', '62704'), 0.9) },
    });
    expect(codes(r)).toContain(LOCATION);
  });
});

describe("two columns read as one block do not write one address with the other column's city", () => {
  // an LOA read unsure; beside its service address, a postal-address column with another street line
  const review = (postal: string) =>
    run({
      loa: { service_address: fv(addr('156 Broadway Ter', 'Akron', 'OH', '45479'), 0.79) },
      csr: { service_address: fv(addr('156 Broadway Ter', 'Dayton', 'OH', '45479'), 0.86) },
      invoice: { service_address: fv(addr('156 Broadway Ter', 'Dayton', 'OH', '45479'), 0.86) },
      pages: {
        loa: page([
          [40, 228, `Where Service Is 156 Broadway Ter      Postal Address ${postal}`],
          [40, 246, 'Located Akron, OH 45479                 OH 45403-0077'],
        ]),
      },
    });

  it("'Postal Address 13017 Harbor Lane, Dayton' beside it: the LOA's Akron against the carrier's Dayton is a LOCATION_MISMATCH", () => {
    expect(codes(review('13017 Harbor Lane, Dayton,'))).toContain(LOCATION);
  });

  it('the postal column giving Dayton with no street line of its own leaves a check', () => {
    const r = review('Dayton,');
    expect(codes(r)).not.toContain(LOCATION);
    expect(r.fields.service_address.verdict).toBe('check');
  });
});

describe("a form's empty unit cell is no unit", () => {
  // an LOA form of label-value cells in two columns: "Ste:" left empty (or filled) beside "Postcode:"; its
  // bill-to cell gives the carrier's ZIP
  const words = (lines: [number, [number, string][]][]): PageText[] => [
    {
      page: 1,
      width: 612,
      height: 792,
      method: 'text',
      words: lines.flatMap(([y, ws]) =>
        ws.map(([x, text]) => ({
          text,
          bbox: [x, y, x + text.length * 5, y + 9] as [number, number, number, number],
          conf: 1,
        })),
      ),
    },
  ];
  const review = (ste: [number, string][]) =>
    run({
      loa: { service_address: fv(addr('80 Northeast Union Parkway', 'Iowa City', 'IA', '52240'), 0.58) },
      csr: { service_address: fv(addr('80 NORTHEAST UNION PARKWAY', 'IOWA CITY', 'IA', '52242'), 0.6) },
      invoice: { service_address: fv(addr('80 Northeast Union Parkway', 'IowaCity', 'IA', '52242'), 0.59) },
      pages: {
        loa: words([
          [
            212,
            [
              [48, 'Street'],
              [76, '/'],
              [81, 'Number:'],
              [126, '80'],
              [139, 'Northeast'],
              [180, 'Union'],
              [206, 'Parkway'],
              [306, 'State'],
              [331, 'Abbr.:'],
              [384, 'IA'],
            ],
          ],
          [227, [[48, 'Ste:'], ...ste, [306, 'Postcode:'], [384, '52240']]],
          [
            241,
            [
              [48, 'City/Town:'],
              [126, 'Iowa'],
              [147, 'City'],
              [306, 'Bill'],
              [323, 'To'],
              [334, 'Address:'],
              [384, 'PO'],
              [400, 'Box'],
              [417, '37688'],
            ],
          ],
          [
            252,
            [
              [384, 'Iowa'],
              [405, 'City,'],
              [425, 'IA'],
              [436, '52242'],
            ],
          ],
        ]),
      },
    });

  it("fresh tune port 18138: 'Ste:' empty, the LOA's ZIP 52240 against both carrier documents' 52242 is a POSTAL_CODE_MISMATCH", () => {
    const p = freshTunePort(18138);
    expect(p.planted.map((x) => x.code)).toContain(POSTAL);
    expect(codes(reviewPort(p))).toContain(POSTAL);
  });

  it("'Ste: 14' filled in: the LOA's reading lacks the unit it writes, no ZIP rejection asserted", () => {
    expect(codes(review([[126, '14']]))).not.toContain(POSTAL);
  });
});

describe('a short unit is written only as words of its own', () => {
  // the CSR's reading has no unit; its page names the carrier "TDS TELECOM" (folded: "TD5TE1ECOM")
  const review = (extra: string) =>
    run({
      loa: { service_address: fv(addr('6746 Mill Lane', 'Virginia Beach', 'VA', '23479', 'Ste 1'), 0.62) },
      csr: { service_address: fv(addr('6746 MILL LANE', 'VIRGINIA BEACH', 'VA', '23479'), 0.66) },
      invoice: { service_address: fv(addr('6746 Mill Lane', 'Virginia Beach', 'VA', '23479'), 0.84) },
      pages: {
        loa: page([[40, 120, 'Service address: 6746 Mill Lane, Ste 1, Virginia Beach, VA 23479']]),
        csr: page([
          [40, 40, 'TDS TELECOM'],
          [40, 90, 'SVC1: 6746 MILL LANE'],
          [40, 102, 'SA CSZ: VIRGINIA BEACH VA 23479'],
          [40, 130, extra],
        ]),
      },
    });

  it("'STE 1' inside 'TDS TELECOM' is not written: the LOA's unit is a LOCATION_MISMATCH", () => {
    expect(codes(review('BILL: 6746 MILL LANE'))).toContain(LOCATION);
  });

  it("the CSR writing 'STE 1' itself: its reading dropped the unit, a check", () => {
    const r = review('SA ADDR2: STE 1');
    expect(codes(r)).not.toContain(LOCATION);
    expect(r.fields.service_address.verdict).toBe('check');
  });
});

describe('a unit read with a lookalike is the same unit', () => {
  for (const [loaUnit, csrUnit] of [
    ['Suite 955', '#95S'],
    ['Room 1O8', 'Rm 108'],
  ] as const)
    it(`LOA "${loaUnit}", scanned CSR "${csrUnit}": no rejection`, () => {
      const r = run({
        loa: { service_address: fv(addr('55 Hill Terrace', 'Fresno', 'CA', '93650', loaUnit), 0.47) },
        csr: { service_address: fv(addr('55 Hill Terrace', 'Fresno', 'CA', '93650', csrUnit), 0.84) },
        pages: { csr: scan([[40, 100, `Service address 55 Hill Terrace ${csrUnit} Fresno CA 93650`]]) },
      });
      expect(codes(r)).not.toContain(LOCATION);
    });

  it('a unit differing in a digit no lookalike explains, read surely, is a LOCATION_MISMATCH', () => {
    const r = run({
      loa: { service_address: fv(addr('55 Hill Terrace', 'Fresno', 'CA', '93650', 'Suite 955'), 0.97) },
      csr: { service_address: fv(addr('55 Hill Terrace', 'Fresno', 'CA', '93650', '#942'), 0.97) },
      pages: { csr: scan([[40, 100, 'Service address 55 Hill Terrace #942 Fresno CA 93650']]) },
    });
    expect(codes(r)).toContain(LOCATION);
  });
});

describe('a part the LOA reading dropped, written on the LOA in another form', () => {
  it("the LOA writes 'Floor 14' (the CSR: FL 14), its reading without it: a check, not a missing unit", () => {
    const r = run({
      loa: { service_address: fv(addr('733 Fifth', 'Walnut Creek', 'CA', '94597'), 0.9) },
      csr: { service_address: fv(addr('733 Fifth Street', 'Walnut Creek', 'CA', '94597', 'FL 14'), 0.62) },
      pages: {
        loa: page([
          [40, 132, 'Serviced Address: 733 Fifth St Floor 14'],
          [40, 144, 'Walnut Creek, CA 94597-7754'],
        ]),
      },
    });
    expect(codes(r)).not.toContain(LOCATION);
    expect(r.fields.service_address.verdict).toBe('check');
  });
});

describe('a unit with a digit is written only as a number of its own', () => {
  const review = (csrLine: string) =>
    run({
      loa: { service_address: fv(addr('5491 Old Mill Drive', 'Virginia Beach', 'VA', '23464', 'Apt 26A'), 0.86) },
      csr: { service_address: fv(addr('5491 OLD MILL DRIVE', 'VIRGINIA BEACH', 'VA', '23464'), 0.68) },
      invoice: { service_address: fv(addr('5491 Old Mill Drive', 'Virginia Beach', 'VA', '23464'), 0.84) },
      pages: {
        loa: page([[40, 120, 'Service address: 5491 Old Mill Drive, Apt 26A, Virginia Beach, VA 23464']]),
        csr: page([
          [40, 90, 'SVC1: 5491 OLD MILL DRIVE'],
          [40, 102, 'SA CSZ: VIRGINIA BEACH VA 23464'],
          [40, 130, csrLine],
        ]),
      },
    });

  it("'26A' inside '1226 ANN' is not written: the LOA's Apt 26A is a LOCATION_MISMATCH", () => {
    expect(codes(review('LSTG 1226 ANN ST'))).toContain(LOCATION);
  });

  it("the CSR writing 'APT 26A' itself: its reading dropped the unit, a check", () => {
    const r = review('SA ADDR2: APT 26A');
    expect(codes(r)).not.toContain(LOCATION);
    expect(r.fields.service_address.verdict).toBe('check');
  });
});

describe('a street cut short where OCR split one of its words', () => {
  it('"9893 Pine Valley" read unsure against the CSR\'s "9893 Pi ne Valley Highway": a check, no rejection', () => {
    const r = run({
      loa: { service_address: fv(addr('9893 Pine Valley', 'Fargo', 'ND', '58104', 'Room 1249'), 0.48) },
      csr: { service_address: fv(addr('9893 Pi ne Valley Highway', 'Fargo', 'ND', '58104', 'Room 1249'), 0.43) },
      invoice: { service_address: fv(addr('9893 Pine Valley Highway', 'Fargo', 'ND', '58104', 'Room 1249'), 0.75) },
      pages: {
        loa: page([
          [51, 202, 'Street                Unit         City     State   ZIP'],
          [53, 216, '9893 Pine Valley      Room 1249    Fargo    ND      58104'],
          [53, 230, 'Highway'],
        ]),
      },
    });
    expect(codes(r)).not.toContain(LOCATION);
  });
});
