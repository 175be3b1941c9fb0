import { describe, expect, it } from 'vitest';
import type { PageText, ServiceAddress } from '../../shared/domain/document.js';
import { devPort, reviewPort } from '../bench/review-ports.js';
import { addr, codes, fv as boxedField, run } from '../helpers/compare.js';
import { pageOfLines as page } from '../helpers/pages.js';

/*
 * An LOA form that gives the service address and, in a block of its own, the billing address: when the
 * LOA's reading is written in full only inside its billing block while the carrier's address is written in
 * full outside it, the reader took the billing block for the service address — the LOA states the
 * carrier's address, and no LOCATION or ZIP rejection is predicted. An LOA whose service block gives
 * another address still does.
 */

const fv = <T>(value: T, confidence = 0.5) => boxedField(value, confidence, null);
const LOCATION = 'LOCATION_MISMATCH';
const ZIP = 'POSTAL_CODE_MISMATCH';

const CARRIER = addr('82 Northeast Elm Circle', 'San Luis Obispo', 'CA', '93410');
const BILLING = addr('7857 Hill St.', 'Falls Church', 'VA', '22043', 'STE 33');

/** How forms print the two blocks: captions over their values, or under them (a hand-print form's boxes). */
const wordings: { name: string; loa: (service: string, servicePlace: string) => PageText[] }[] = [
  {
    name: 'captions under the values ("Address line 1" … "Billing address (only if different …)")',
    loa: (service, place) =>
      page([
        [42, 60, 'Number Transfer Request (LOA)'],
        [42, 100, 'TWIN OAKS CHIROPRACTIC CENTER'],
        [42, 114, 'Customer name'],
        [42, 150, 'PART 3: PREMISES'],
        [42, 172, service],
        [42, 186, 'Address line 1'],
        [42, 206, place],
        [42, 220, 'City State code ZIP code'],
        [42, 244, '7857 HILL ST. STE 33'],
        [42, 258, 'Billing address (only if different from service address)'],
        [42, 278, 'FALLS CHURCH VA 22043'],
      ]),
  },
  {
    name: 'captions over the values ("Service location:" … "Bill to:")',
    loa: (service, place) =>
      page([
        [42, 60, 'Letter of Authorization'],
        [42, 100, 'Business name: Twin Oaks Chiropractic Center'],
        [42, 140, 'Service location:'],
        [42, 154, service],
        [42, 168, place],
        [42, 200, 'Bill to:'],
        [42, 214, '7857 Hill St. Ste 33'],
        [42, 228, 'Falls Church, VA 22043'],
      ]),
  },
  {
    name: 'side by side ("Premises address" | "Mailing / billing address")',
    loa: (service, place) =>
      page([
        [42, 60, 'Port Authorization'],
        [42, 100, 'Premises address'],
        [320, 100, 'Billing address'],
        [42, 114, service],
        [320, 114, '7857 Hill St. Ste 33'],
        [42, 128, place],
        [320, 128, 'Falls Church, VA 22043'],
      ]),
  },
];

const csrPage = page([
  [40, 50, 'Customer Service Record'],
  [40, 90, 'Service Address: 82 Northeast Elm Circle, San Luis Obispo, CA 93410'],
]);

const review = (loa: PageText[], loaRead: ServiceAddress) =>
  run({
    loa: { service_address: fv(loaRead) },
    csr: { service_address: fv(CARRIER, 0.97) },
    invoice: { service_address: fv(CARRIER, 0.95) },
    pages: { loa, csr: csrPage },
  });

describe("an LOA's billing block read as its service address", () => {
  it.each(wordings)("$name: the carrier's address the LOA writes beside it is its service address", ({ loa }) => {
    const r = review(loa('82 NORTHEAST ELM CIRCLE', 'SAN LUIS OBISPO CA 93410'), BILLING);
    expect(codes(r)).not.toContain(LOCATION);
    expect(codes(r)).not.toContain(ZIP);
    expect(r.fields.service_address.verdict).toBe('match');
    expect(r.fields.service_address.reason).toMatch(/billing-address block/);
  });

  it.each(wordings)('$name: a service block giving another address is still a difference', ({ loa }) => {
    const r = review(loa('4410 W Juniper Rd', 'San Luis Obispo CA 93405'), BILLING);
    expect(codes(r)).toContain(LOCATION);
  });

  it.each(wordings)('$name: read from the service block, another address stays a difference', ({ loa }) => {
    const other = addr('4410 W Juniper Rd', 'San Luis Obispo', 'CA', '93405');
    const r = review(loa('4410 W Juniper Rd', 'San Luis Obispo CA 93405'), other);
    expect(codes(r)).toContain(LOCATION);
  });
});

describe('dev ports whose hand-print LOA captions stand under its boxes (fresh tune wordings)', () => {
  it.each([32613, 32761])("dev port %i: no LOCATION or ZIP rejection from the LOA's billing block", (seed) => {
    const p = devPort(seed, 'mild', { standins: 48, fresh: 'tune' });
    expect(p.loa.layout).toBe('loa-comb');
    expect(p.planted).toEqual([]);
    const r = reviewPort(p);
    expect(codes(r)).not.toContain(LOCATION);
    expect(codes(r)).not.toContain(ZIP);
  });
});
