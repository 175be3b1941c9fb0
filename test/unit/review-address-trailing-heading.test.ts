import { describe, expect, it } from 'vitest';
import { addr, codes, fv, run } from '../helpers/compare.js';

/*
 * A street line read on past its street type into the next heading's words ("3279 NW Lincoln Pl Number
 * Details", a table's section title beside the address on a scanned LOA): the heading is no part of the
 * street, so the carrier's same address is no LOCATION_MISMATCH. A street that really goes on (another
 * street name, a unit with its number) is still compared whole.
 */

const review = (loaStreet: string, csrStreet = '3279 NW Lincoln Pl', unit = '') =>
  run({
    loa: { service_address: fv(addr(loaStreet, 'Austin', 'TX', '78768', unit), 0.73) },
    csr: { service_address: fv(addr(csrStreet, 'Austin', 'TX', '78768', unit), 0.95) },
  });

describe('a heading read onto the end of the street line', () => {
  for (const street of [
    '3279 NW Lincoln Pl Number Details',
    '3279 NW Lincoln Place Account Information',
    '3279 NW LINCOLN PL SERVICE ADDRESS',
  ])
    it(`"${street}" is the carrier's street: no LOCATION_MISMATCH`, () => {
      const r = review(street);
      expect(codes(r)).not.toContain('LOCATION_MISMATCH');
      expect(r.fields.service_address.verdict).toBe('match');
    });

  it('another street after the street type is still no match', () => {
    expect(review('3279 NW Lincoln Pl Oak Ridge').fields.service_address.verdict).not.toBe('match');
  });

  it('a unit after the street type stays the unit (another suite is no match)', () => {
    expect(
      review('3279 NW Lincoln Pl Suite 210', '3279 NW Lincoln Pl Suite 110').fields.service_address.verdict,
    ).not.toBe('match');
  });
});
