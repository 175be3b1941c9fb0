import { describe, expect, it } from 'vitest';
import type { PageText } from '../../shared/domain/document.js';
import { addr, codes, fv as boxedField, run } from '../helpers/compare.js';
import { ocrWords, pageOfLines as page } from '../helpers/pages.js';

/*
 * Two readings on bad scans that hid a real service-address difference behind a look:
 * - a CSR reading that took a phone number's groups for the street line ("719 S55 0185": a street of no
 *   word) is in doubt, so the invoice's reading, which the CSR writes as well, is held against the LOA;
 * - a unit only the LOA gives is found on the LOA in any written form of its designator ("Suite 35B",
 *   read as STE 35B): the carrier's documents write it nowhere, so it is a difference, not a look.
 */

const fv = <T>(value: T, confidence = 0.95) => boxedField(value, confidence, null);
const scan = (lines: [number, number, string][]): PageText[] => page(lines, 'ocr');
const LOCATION = 'LOCATION_MISMATCH';

describe("a CSR reading of a phone number's groups as the street line", () => {
  // (a tilted scan of a record's address cells: its words fall on three lines, "Springs" ahead of "Colorado")
  const csrPage = (street: string): PageText[] => {
    const [head] = scan([
      [54, 30, 'Frontier Communications'],
      [57, 70, 'Account Holder / Company:      Billing Tel. Number'],
      [59, 85, 'Cedar Ridge Brewing              719 555 0185'],
      [53, 158, 'Street Addr          Ste        City Name            State  Zip'],
    ]);
    const [number, ...streetWords] = street.split(' ');
    const cells = ocrWords([
      [57, 169, number!, 24],
      ...streetWords.map((w, i): [number, number, string, number] => [85 + 36 * i, 169, w, 30]),
      [246, 169, 'Bldg', 22],
      [365, 168, 'Springs', 40],
      [272, 176, '2', 6],
      [316, 177, 'Colorado', 45],
      [437, 183, 'CO', 12],
      [487, 183, '80960', 30],
    ])[0]!;
    return [{ ...head!, words: [...head!.words, ...cells.words] }];
  };
  const invoicePage = (street: string) =>
    scan([
      [40, 40, 'Monthly Statement'],
      [40, 80, 'Service Address:'],
      [40, 94, `${street}, Bldg Z`],
      [40, 108, 'Colorado Springs, CO 80960'],
    ]);
  const review = (loaStreet: string, carrierStreet: string, csrStreet: string) =>
    run({
      loa: { service_address: fv(addr(loaStreet, 'Colorado Springs', 'CO', '80960', 'Bldg 2'), 0.95) },
      csr: { service_address: fv(addr(csrStreet, 'Colorado Springs', 'CO', '80960', 'Bldg 2'), 0.42) },
      // (the invoice's reader took the unit's 2 for a Z: the CSR does not write the invoice's reading in full)
      invoice: { service_address: fv(addr(carrierStreet, 'Colorado Springs', 'CO', '80960', 'Bldg Z'), 0.74) },
      pages: {
        loa: page([
          [40, 40, 'Letter of Agency'],
          [40, 80, `Service Address: ${loaStreet}, Bldg 2, Colorado Springs, CO 80960`],
        ]),
        csr: csrPage(carrierStreet),
        invoice: invoicePage(carrierStreet),
      },
    });
  for (const csrStreet of ['719 S55 0185', '719 555-0185'])
    it(`read "${csrStreet}": the invoice's house number, which the CSR writes too, against the LOA's is a rejection`, () => {
      const r = review('5000 Forest Dr', '4900 Forest Dr', csrStreet);
      expect(codes(r)).toContain(LOCATION);
      expect(r.fields.service_address.verdict).toBe('mismatch');
    });
  it('…and the LOA giving the carrier’s house number is no rejection', () => {
    expect(codes(review('4900 Forest Dr', '4900 Forest Dr', '719 S55 0185'))).not.toContain(LOCATION);
  });
});

describe('a unit only the LOA gives, written there in another form of its designator', () => {
  // (a form of address cells, the street wrapped in its cell: no service-address caption, part captions only)
  const loaPage = (unitWritten: string) =>
    page([
      [208, 41, 'LETTER OF AGENCY'],
      [51, 84, 'Account Holder / Company'],
      [53, 94, 'Sandhill Orthodontics'],
      [51, 155, 'Street / Number'],
      [143, 155, 'Ste'],
      [235, 155, 'City Name'],
      [327, 155, 'State Abbr.'],
      [419, 155, 'Postcode'],
      [53, 165, '7518 West'],
      [145, 165, unitWritten],
      [237, 165, 'Rancho Cucamonga'],
      [329, 165, 'CA'],
      [421, 165, '91701'],
      [53, 176, 'Kingsley Road'],
      [48, 263, 'Authorized Sig.: Olga Reyes'],
    ]);
  const carrierPage = (heading: string, unitWritten = '') =>
    scan([
      [40, 40, heading],
      [40, 80, 'Service Address:'],
      [40, 94, `7518 West Kingsley Road${unitWritten ? ` ${unitWritten}` : ''}`],
      [40, 108, 'Rancho Cucamonga, CA 91701'],
    ]);
  const carrier = addr('7518 West Kingsley Road', 'Rancho Cucamonga', 'CA', '91701');
  const review = (unit: string, unitWritten: string, carrierUnit = '') =>
    run({
      loa: { service_address: fv(addr('7518 West Kingsley Road', 'Rancho Cucamonga', 'CA', '91701', unit), 0.54) },
      csr: { service_address: fv(carrier, 0.66) },
      invoice: { service_address: fv(carrier, 0.75) },
      pages: {
        loa: loaPage(unitWritten),
        csr: carrierPage('Customer Service Record', carrierUnit),
        invoice: carrierPage('Monthly Statement'),
      },
    });
  for (const [unit, written] of [
    ['Suite 35B', 'Suite 35B'],
    ['Floor 12', 'Floor 12'],
    ['Building 4', 'Building 4'],
  ] as const)
    it(`the LOA writing "${written}", the carrier's documents no unit: a rejection`, () => {
      const r = review(unit, written);
      expect(codes(r)).toContain(LOCATION);
      expect(r.fields.service_address.verdict).toBe('mismatch');
    });
  it('…the CSR writing the unit as well: no rejection', () => {
    expect(codes(review('Suite 35B', 'Suite 35B', 'Suite 35B'))).not.toContain(LOCATION);
  });
});
