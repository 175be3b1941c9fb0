import { describe, expect, it } from 'vitest';
import type { ServiceAddress } from '../../shared/domain/document.js';
import { addr, codes, fv as boxedField, run } from '../helpers/compare.js';

/*
 * The same words cut elsewhere between street, unit and city ("2097 Fifth Ln. Palm" | "Beach Gardens"
 * for "2097 Fifth Lane" | "Palm Beach Gardens"): a reader's cut, not another address — no LOCATION
 * rejection. A city that really differs stays one.
 */

const fv = <T>(value: T, confidence = 0.95) => boxedField(value, confidence, null);
const LOCATION = 'LOCATION_MISMATCH';

describe('the same words split elsewhere between street and city', () => {
  const cases: [string, ServiceAddress, ServiceAddress][] = [
    [
      'a city word read into the street',
      addr('2097 Fifth Lane', 'Palm Beach Gardens', 'FL', '33418'),
      addr('2097 Fifth Ln. Palm', 'Beach Gardens', 'FL', '33418'),
    ],
    [
      'a city word read into the street, the rest glued',
      addr('2097 Fifth Lane', 'Palm Beach Gardens', 'FL', '33418'),
      addr('2097 Fifth Ln., Palm', 'BeachGardens', 'FL', '33418'),
    ],
    [
      'the first word of a city of three read into the street',
      addr('120 Harbor Dr', 'Salt Lake City', 'UT', '84116'),
      addr('120 Harbor Dr Salt', 'Lake City', 'UT', '84116'),
    ],
    [
      'a unit and a city word read into the street',
      addr('77 Harbor Ave', 'Palm Springs', 'CA', '92262', 'Suite 210'),
      addr('77 Harbor Ave Suite 210 Palm', 'Springs', 'CA', '92262'),
    ],
  ];
  for (const [name, loa, csr] of cases)
    it(`${name}: no rejection`, () => {
      const r = run({ loa: { service_address: fv(loa) }, csr: { service_address: fv(csr) } });
      expect(codes(r)).not.toContain(LOCATION);
      expect(['match', 'equivalent']).toContain(r.fields.service_address.verdict);
    });

  it('another city, whatever the cut, stays a rejection', () => {
    const r = run({
      loa: { service_address: fv(addr('2097 Fifth Lane', 'West Palm Beach', 'FL', '33418')) },
      csr: { service_address: fv(addr('2097 Fifth Ln. Palm', 'Beach Gardens', 'FL', '33418')) },
    });
    expect(codes(r)).toContain(LOCATION);
  });
  it('another street with the same city stays a rejection', () => {
    const r = run({
      loa: { service_address: fv(addr('2097 Fifth Lane', 'Palm Beach Gardens', 'FL', '33418')) },
      csr: { service_address: fv(addr('2079 Fifth Ln. Palm', 'Beach Gardens', 'FL', '33418')) },
    });
    expect(codes(r)).toContain(LOCATION);
  });
});
