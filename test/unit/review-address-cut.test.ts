import { describe, expect, it } from 'vitest';
import type { ServiceAddress } from '../../shared/domain/document.js';
import { codes, fv, run } from '../helpers/compare.js';
import { pageOfLines as page } from '../helpers/pages.js';

/*
 * An unsure address reading that is the carrier's with its last words lost (a street or a city cut
 * short where it wrapped in its cell) is a reading to look at, not another address; read surely, the
 * same difference is one a carrier rejects.
 */

const addr = (street_line: string, city: string, state: string, zip5: string): ServiceAddress => ({
  street_line,
  unit: '',
  city,
  state,
  zip5,
  zip4: '',
});

// an LOA that writes the address in a row of part cells under their headings, one cell wrapped
const cases: [string, ServiceAddress, ServiceAddress, [number, number, string][]][] = [
  [
    'a street whose suffix wrapped in its cell ("6111 Bay View" / "Ln")',
    addr('6111 Bay View', 'Tampa', 'FL', '33617'),
    addr('6111 Bay View Lane', 'Tampa', 'FL', '33617'),
    [
      [51, 202, 'Street          Unit   City          State   ZIP'],
      [53, 216, '6111 Bay View          Tampa         FL      33617'],
      [53, 230, 'Ln'],
    ],
  ],
  [
    'a city wrapped in its cell ("Palm Beach" / "Gardens")',
    addr('1641 Mill Way', 'Palm Beach', 'FL', '33410'),
    addr('1641 Mill Way', 'Palm Beach Gardens', 'FL', '33410'),
    [
      [51, 202, 'Street Address        City              State   ZIP Code'],
      [53, 216, '1641 Mill Way         Palm Beach        FL      33410'],
      [185, 230, 'Gardens'],
    ],
  ],
];

describe('an address reading cut short', () => {
  for (const [what, loaRead, csrRead, loaLines] of cases) {
    it(`${what}, read unsure from the LOA, is a check`, () => {
      const r = run({
        loa: { service_address: fv(loaRead, 0.45) },
        csr: { service_address: fv(csrRead, 0.92) },
        pages: { loa: page(loaLines) },
      });
      expect(codes(r)).not.toContain('LOCATION_MISMATCH');
      expect(r.fields.service_address.verdict).toBe('check');
    });

    it(`${what}, read surely, is a LOCATION_MISMATCH`, () => {
      const r = run({
        loa: { service_address: fv(loaRead, 0.97) },
        csr: { service_address: fv(csrRead, 0.97) },
      });
      expect(codes(r)).toContain('LOCATION_MISMATCH');
    });
  }
});

describe('what differs beside a street cut short still stands', () => {
  const loaLines: [number, number, string][] = [
    [51, 202, 'Street          Unit    City          State   ZIP'],
    [53, 216, '896 Stone Creek #1003   Worcester     MA      01613'],
    [53, 230, 'Highway'],
  ];
  const read = (unit: string, zip5: string): ServiceAddress => ({
    ...addr('896 Stone Creek', 'Worcester', 'MA', zip5),
    unit,
  });
  const carrier = addr('896 Stone Creek Highway', 'Worcester', 'MA', '01613');

  it('a unit only the LOA gives is a LOCATION_MISMATCH', () => {
    const r = run({
      loa: { service_address: fv(read('#1003', '01613'), 0.45) },
      csr: { service_address: fv(carrier, 0.95) },
      pages: { loa: page(loaLines) },
    });
    expect(codes(r)).toContain('LOCATION_MISMATCH');
  });

  it('another ZIP is a POSTAL_CODE_MISMATCH', () => {
    const r = run({
      loa: { service_address: fv(read('', '01610'), 0.45) },
      csr: { service_address: fv(carrier, 0.95) },
      pages: {
        loa: page([
          [51, 202, 'Street          City          State   ZIP'],
          [53, 216, '896 Stone Creek Worcester     MA      01610'],
          [53, 230, 'Highway'],
        ]),
      },
    });
    expect(codes(r)).toContain('POSTAL_CODE_MISMATCH');
    expect(codes(r)).not.toContain('LOCATION_MISMATCH');
  });
});
