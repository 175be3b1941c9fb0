/**
 * The service address under label wordings the review was not tuned on (the FRESH tune half of
 * vocab.ts, on dev ports drawn as the test set's are: known families and the first 3 stand-ins), and
 * on hand-built pages in wordings neither pool holds:
 *
 * - address part captions read by their grammar — the part's noun with words saying only how it is
 *   written ("Suite No.", "State Abbr.", "Street Line 2"), unit designators between slashes — where the
 *   caption's own words were read as the city, or the street and unit were lost;
 * - a label's value that is a whole address written in lines, beside part cells of another address
 *   with no label of their own: never assembled into one reading with them;
 * - a sentence stating where the service is, over the letterhead block no label names.
 *
 * Each planted difference is asserted as a predicted rejection, and the same port with the difference
 * taken out of the LOA's words stays a match.
 */
import { describe, expect, it } from 'vitest';
import type { compareCase } from '../../electron/core/compare/index.js';
import { extractFields } from '../../electron/core/extract/index.js';
import type { PageText, ServiceAddress } from '../../shared/domain/document.js';
import { type BenchPort, devPort, reviewPort } from '../bench/review-ports.js';
import { pageOfLines, rewrite } from '../helpers/pages.js';

/** Dev port `seed` as the review bench draws it with fresh-tune wordings and the test-like 3 stand-ins. */
const port = (seed: number): BenchPort => devPort(seed, 'mild', { fresh: 'tune', standins: 3 });

const codes = (r: ReturnType<typeof compareCase>) => r.predicted_rejections.map((x) => x.code);
const line = (a: ServiceAddress | undefined) =>
  a ? [a.street_line, a.unit, a.city, a.state, a.zip5, a.zip4].join(' | ') : null;
const serviceAddress = (pages: PageText[]) =>
  line(extractFields(pages, 'loa').fields.service_address?.value as ServiceAddress | undefined);

describe('address part captions read by their grammar', () => {
  it('dev port 12085 ("Suite No.", "State Abbr."): the caption is no city, and the same address is no mismatch', () => {
    const p = port(12085);
    expect(p.loa.layout).toBe('loa-kv');
    expect(serviceAddress(p.loa.pages)).toBe('7916 Broadway Street | Room 7B | Baton Rouge | LA | 70814 | 2102');
    const r = reviewPort(p);
    expect(codes(r)).not.toContain('LOCATION_MISMATCH');
    // ("Street" on the LOA, "St" on the carrier's)
    expect(['match', 'equivalent']).toContain(r.fields.service_address.verdict);
  });

  it('dev port 12284 ("ADDR LINE 1" / "ADDR LINE 2"): the LOA\'s other house number is a predicted mismatch', () => {
    const p = port(12284);
    expect(p.planted.map((x) => x.code)).toContain('LOCATION_MISMATCH');
    expect(serviceAddress(p.loa.pages)).toBe('727 Elm Way | FL 15 | Hilo | HI | 96721 | ');
    expect(codes(reviewPort(p))).toContain('LOCATION_MISMATCH');
    // the carrier's house number written on the LOA: a match
    const same = reviewPort(p, { pages: { loa: rewrite(p.loa.pages, ['727'], ['747']) } });
    expect(codes(same)).not.toContain('LOCATION_MISMATCH');
    expect(same.fields.service_address.verdict).toBe('match');
  });

  it('dev port 12135 ("Addr Line 1" with no address heading): the LOA\'s own unit is a predicted mismatch', () => {
    const p = port(12135);
    expect(p.planted.map((x) => x.code)).toContain('LOCATION_MISMATCH');
    expect(serviceAddress(p.loa.pages)).toBe(
      '6968 Martin Luther King Jr Circle | Room 27B | Duluth | MN | 55802 | 8814',
    );
    expect(codes(reviewPort(p))).toContain('LOCATION_MISMATCH');
  });

  // a form's rows, caption left and value right, in wordings no pool holds
  const form = (heading: string, street: string, unit: string, state: string): PageText[] =>
    pageOfLines([
      [48, 40, 'Letter of Authorization'],
      [48, 96, 'Company / Business'],
      [200, 96, 'Sandhill Landscape Design Corp.'],
      [48, 186, heading],
      [48, 203, street],
      [48, 219, unit],
      [200, 219, 'Room 7B'],
      [48, 236, 'City Name'],
      [200, 236, 'Baton Rouge'],
      [48, 253, state],
      [200, 253, 'LA'],
      [48, 270, 'Postcode'],
      [200, 270, '70814-2102'],
      [48, 295, 'Number (s) Being Transferred'],
      [48, 312, '225-555-0151'],
    ]);

  it('hand-built: "Rm #" and "State Abbrev." are captions of the unit and state, never the city', () => {
    expect(serviceAddress(form('Site of Service', 'Street Addr 7916 Broadway Street', 'Rm #', 'State Abbrev.'))).toBe(
      '7916 Broadway Street | Room 7B | Baton Rouge | LA | 70814 | 2102',
    );
  });

  it('hand-built: "STREET LINE 1" / "STREET LINE 2" run into their values are the street and the unit', () => {
    const pages = pageOfLines([
      [48, 51, 'Port Request Authorization'],
      [48, 96, 'CUSTOMER NAME'],
      [200, 96, 'Keystone Chiropractic Center Inc.'],
      [48, 241, 'PLACE OF SERVICE'],
      [48, 261, 'STREET LINE 1 727 Elm Way'],
      [48, 281, 'STREET LINE 2 FL 15'],
      [48, 300, 'CITY'],
      [200, 300, 'Hilo'],
      [48, 320, 'ST.'],
      [200, 320, 'HI'],
      [48, 340, 'ZIP CODE'],
      [200, 340, '96721'],
    ]);
    expect(serviceAddress(pages)).toBe('727 Elm Way | FL 15 | Hilo | HI | 96721 | ');
  });

  it('a value that merely opens with a unit word stays a value ("Suite 200" under "Address Line 2")', () => {
    const pages = pageOfLines([
      [48, 40, 'Letter of Authorization'],
      [48, 90, 'Service Address'],
      [48, 110, 'Address Line 1'],
      [200, 110, '18 Quarry Road'],
      [48, 130, 'Address Line 2'],
      [200, 130, 'Suite 200'],
      [48, 150, 'City'],
      [200, 150, 'Barre'],
      [48, 170, 'State'],
      [200, 170, 'VT'],
      [48, 190, 'ZIP'],
      [200, 190, '05641'],
    ]);
    expect(serviceAddress(pages)).toBe('18 Quarry Road | Suite 200 | Barre | VT | 05641 | ');
  });
});

describe("a label's whole address beside another address's unheaded part cells", () => {
  it('dev port 12045: the LOA\'s own unit under "SERVICE SITE" is a predicted mismatch, read surely', () => {
    const p = port(12045);
    expect(p.planted.map((x) => x.code)).toContain('LOCATION_MISMATCH');
    const read = extractFields(p.loa.pages, 'loa').fields.service_address!;
    expect(line(read.value as ServiceAddress)).toBe('8542 Church Ter | FL 14 | Saratoga Springs | NY | 12866 | 7058');
    expect(read.confidence).toBeGreaterThan(0.8);
    expect(codes(reviewPort(p))).toContain('LOCATION_MISMATCH');
    // without the unit the LOA states the carrier's address: a match
    const same = reviewPort(p, { pages: { loa: rewrite(p.loa.pages, ['Ter,', 'FL', '14,'], ['Ter,']) } });
    expect(codes(same)).not.toContain('LOCATION_MISMATCH');
  });

  it("hand-built: the other column's part cells do not make a second reading of the label", () => {
    const pages = pageOfLines([
      [48, 40, 'Letter of Authorization'],
      [48, 90, 'Account Holder'],
      [160, 90, 'Riverbend Optometry PLLC'],
      [48, 150, 'PLACE OF SERVICE 410 Lark St, Unit 3, West'],
      [330, 150, 'CITY'],
      [400, 150, 'West Hartford'],
      [150, 161, 'Hartford, CT 06107-1140'],
      [330, 165, 'STATE'],
      [400, 165, 'CT'],
      [330, 180, 'ADDRESS'],
      [400, 180, '95 Farm Rd'],
      [330, 195, 'ZIP'],
      [400, 195, '06107-3321'],
    ]);
    const read = extractFields(pages, 'loa').fields.service_address!;
    expect(line(read.value as ServiceAddress)).toBe('410 Lark St | Unit 3 | West Hartford | CT | 06107 | 1140');
    // read surely: no rival taking the label's first line as a street beside the other column's cells
    expect(read.confidence).toBeGreaterThan(0.8);
    expect(read.candidates!.slice(1).every((c) => c.confidence < 0.5)).toBe(true);
  });
});

describe('a sentence stating where the service is, over the letterhead block', () => {
  it("dev port 12053: the letter's stated city, not its letterhead's, is held against the carrier", () => {
    const p = port(12053);
    expect(p.loa.layout).toBe('loa-sentences');
    expect(p.planted.map((x) => x.code)).toContain('LOCATION_MISMATCH');
    expect(extractFields(p.loa.pages, 'loa').fields.service_address?.value).toMatchObject({ city: 'Fort Lauderdale' });
    expect(codes(reviewPort(p))).toContain('LOCATION_MISMATCH');
    // the letter stating the carrier's city: a match
    const same = reviewPort(p, { pages: { loa: rewrite(p.loa.pages, ['Fort', 'Lauderdale,'], ['Cape', 'Coral,']) } });
    expect(codes(same)).not.toContain('LOCATION_MISMATCH');
  });

  it('hand-built: "our lines are installed at …" outranks the address under the letterhead', () => {
    const pages = pageOfLines([
      [48, 40, 'Juniper Hollow Veterinary LLC'],
      [48, 52, '2207 Kessler Avenue'],
      [48, 64, 'Tacoma, WA 98402-1180'],
      [48, 100, 'Re: Letter of Authorization'],
      [48, 130, 'To whom it may concern,'],
      [48, 150, 'Our phone service is installed at 2207 Kessler Avenue, Lakewood, WA 98402-1180 and we'],
      [48, 162, 'ask that the numbers below move to the new carrier.'],
    ]);
    expect(serviceAddress(pages)).toBe('2207 Kessler Avenue |  | Lakewood | WA | 98402 | 1180');
  });
});
