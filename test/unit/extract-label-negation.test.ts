import { describe, expect, it } from 'vitest';
import { extractFields } from '../../electron/core/extract/index.js';
import type { ServiceAddress } from '../../shared/domain/document.js';
import { scorePort } from '../bench/review.bench.js';
import { devPort } from '../bench/review-ports.js';
import { generateRandom } from '../fixtures/generator/random.js';
import { readGenerated } from '../helpers/generated.js';
import { pageOfLines } from '../helpers/pages.js';

/*
 * Issue 10 (false predicted rejections): a label whose head names one address and whose clause names
 * the service address only to exclude it ("Mailing address, if not the service address:") was read as
 * a service address label, so the mailing address stood beside the real one as a service address and
 * could win — a false POSTAL_CODE_MISMATCH on the review. The clause after the head ("if not", "other
 * than", "instead of", "when not"…) qualifies the head; the value is the head's address.
 */

const street = (a: unknown) => (a as ServiceAddress | undefined)?.street_line ?? null;

/** An LOA giving its other address first, then the service address, as a form filled top to bottom. */
function loa(otherLabel: string, serviceLabel = 'Service Address:') {
  return extractFields(
    pageOfLines([
      [48, 40, 'LETTER OF AGENCY'],
      [48, 80, 'Name on current bill: Harbor Light Bakery LLC'],
      [48, 110, `${otherLabel} 6099 Main Terrace, Duluth, MN 55804`],
      [48, 140, `${serviceLabel} 3453 Market Circle, Duluth, MN 55802`],
      [48, 170, 'Account number: 2185550152093'],
    ]),
    'loa',
  ).fields;
}

describe('a label naming the service address only in a clause excluding it', () => {
  it.each([
    'Mailing address, if not the service address:',
    'Mailing address if not the service address:',
    'Billing address, if other than the service address:',
    'Billing address if different from service address:',
    'Mailing address, instead of the service address:',
    'Mailing address, unless it is the service address:',
  ])('"%s" names the mailing address: the service address is the one labelled so', (label) => {
    const f = loa(label);
    expect(street(f.service_address?.value)).toBe('3453 Market Circle');
    // the excluded address is no service address candidate as sure as the labelled one
    const other = f.service_address?.candidates?.find((c) => street(c.value) === '6099 Main Terrace');
    expect(other?.confidence ?? 0).toBeLessThan(f.service_address!.confidence);
    expect(street(f.billing_address?.value)).toBe('6099 Main Terrace');
  });

  it.each(['Service address, if other than billing:', 'Service address (if different from billing):'])(
    '"%s" is still the service address (its head), whatever the clause names',
    (label) => {
      const f = extractFields(
        pageOfLines([
          [48, 40, 'LETTER OF AGENCY'],
          [48, 80, 'Name on current bill: Harbor Light Bakery LLC'],
          [48, 110, 'Billing Address: 3453 Market Circle, Duluth, MN 55802'],
          [48, 140, `${label} 6099 Main Terrace, Duluth, MN 55804`],
          [48, 170, 'Account number: 2185550152093'],
        ]),
        'loa',
      ).fields;
      expect(street(f.service_address?.value)).toBe('6099 Main Terrace');
    },
  );
});

describe("a clause that is not the head address label's own", () => {
  it('"Service address, or if none the billing address:" offers another label: its value is the billing address', () => {
    const f = extractFields(
      pageOfLines([
        [48, 40, 'LETTER OF AGENCY'],
        [48, 80, 'Name on current bill: Harbor Light Bakery LLC'],
        [48, 100, 'Service address: 3453 Market Circle, Duluth, MN 55802'],
        [48, 140, 'Service address, or if none the billing address: 6099 Main Terrace, Duluth, MN 55804'],
      ]),
      'loa',
    ).fields;
    expect(street(f.billing_address?.value)).toBe('6099 Main Terrace');
    expect(street(f.service_address?.value)).toBe('3453 Market Circle');
  });
});

describe('dev port 131 (fresh-tune wording, stand-ins pinned at the 30 it was found with)', () => {
  // the carrier form's "Mailing address, if not the service address: 6099 Main Terrace, Duluth, MN 55804"
  // under the service address block; the LOA's planted difference is its city (Saint Paul for Duluth)
  const p = devPort(131, 'mild', { standins: 30, fresh: 'tune' });

  it('reads the LOA service block, not the mailing line, and predicts no false postal or location rejection', () => {
    expect(p.loa.layout).toBe('loa-carrierform');
    const s = scorePort(p);
    expect(s.result.fields.service_address?.values.loa).toMatch(/^3453 Market Circle\b/);
    expect(s.falseCodes).not.toContain('POSTAL_CODE_MISMATCH');
    expect(s.falseCodes).not.toContain('LOCATION_MISMATCH');
    expect(s.caught).toEqual(s.visible);
  });
});

describe('a whole clause, then the next address label in the same cell', () => {
  it('dev seed 30535 (inv-summary, stand-ins pinned at 32): "BILLING ADDRESS (IF DIFFERENT)" runs into the SERVICE column', async () => {
    // the bill's caption row prints the long billing caption up to the service one, a space apart: one cell
    const r = await readGenerated(generateRandom(30535, { standins: 32 }));
    expect(r.f.family).toBe('inv-summary');
    expect(r.got.service_address?.value).toEqual(r.truth.service_address);
  });

  // "(if different)" says all it has to say: the service address label a space after it is a label of its
  // own, not the object of the clause (the clause joins only when it goes on: "if different from …")
  it.each(['Billing Address (if different) Service Address', 'Mailing address (if not the same) Service address'])(
    'header row "%s": each column keeps its own label',
    (header) => {
      const cut = header.search(/ Service/i) + 1;
      const f = extractFields(
        pageOfLines([
          [48, 40, 'CUSTOMER SERVICE RECORD'],
          [48, 80, 'Account Name: Harbor Light Bakery LLC'],
          [48, 110, header],
          [48, 125, '6099 Main Terrace'],
          [48 + cut * 6, 125, '3453 Market Circle'],
          [48, 140, 'Duluth, MN 55804'],
          [48 + cut * 6, 140, 'Duluth, MN 55802'],
          [48, 170, 'Account number: 2185550152093'],
        ]),
        'csr',
      ).fields;
      expect(street(f.service_address?.value)).toBe('3453 Market Circle');
      expect(street(f.billing_address?.value)).toBe('6099 Main Terrace');
    },
  );

  it('"Billing Address (if different) Service Address: …" on one line: the value is the service address', () => {
    const f = extractFields(
      pageOfLines([
        [48, 40, 'INVOICE'],
        [48, 80, 'Account Name: Harbor Light Bakery LLC'],
        [48, 110, 'Billing Address (if different) Service Address: 3453 Market Circle, Duluth, MN 55802'],
        [48, 170, 'Account number: 2185550152093'],
      ]),
      'invoice',
    ).fields;
    expect(street(f.service_address?.value)).toBe('3453 Market Circle');
    expect(street(f.billing_address?.value)).not.toBe('3453 Market Circle');
  });
});

describe('an address the customer has left', () => {
  // a move order or a carrier form lists the place the lines were at beside the one they are at: the
  // one left is never the service address to port, however its label names the place
  const moved = (label: string, first: boolean) => {
    const left: [number, number, string] = [48, first ? 110 : 140, `${label} 6099 Main Terrace, Duluth, MN 55804`];
    const here: [number, number, string] = [
      48,
      first ? 140 : 110,
      'Service Address: 3453 Market Circle, Duluth, MN 55802',
    ];
    return extractFields(
      pageOfLines([
        [48, 40, 'LETTER OF AGENCY'],
        [48, 80, 'Name on current bill: Harbor Light Bakery LLC'],
        left,
        here,
        [48, 170, 'Account number: 2185550152093'],
      ]),
      'loa',
    ).fields;
  };

  it.each([
    ['Former service address:', true],
    ['Former service address:', false],
    ['Previous Service Location:', true],
    ['Old Service Address:', false],
    ['Service address (previous):', true],
    ['Prior location:', false],
    ['Moved from:', true],
    ['Relocated from:', false],
  ] as const)('"%s" (before the service address: %s) is no service address candidate', (label, first) => {
    const f = moved(label, first);
    expect(street(f.service_address?.value)).toBe('3453 Market Circle');
    expect(f.service_address!.confidence).toBeGreaterThanOrEqual(0.9);
    // only a reading of the words around it (prose), well under the labelled address
    const left = f.service_address?.candidates?.find((c) => street(c.value) === '6099 Main Terrace');
    expect(left?.confidence ?? 0).toBeLessThan(f.service_address!.confidence - 0.3);
  });

  it('"Previous Carrier" still names the carrier (a former place needs a place noun)', () => {
    const f = extractFields(
      pageOfLines([
        [48, 40, 'LETTER OF AGENCY'],
        [48, 80, 'Name on current bill: Harbor Light Bakery LLC'],
        [48, 110, 'Previous Carrier: Verizon'],
        [48, 140, 'Service Address: 3453 Market Circle, Duluth, MN 55802'],
      ]),
      'loa',
    ).fields;
    expect(f.carrier_name?.value).toMatch(/verizon/i);
    expect(street(f.service_address?.value)).toBe('3453 Market Circle');
  });
});
