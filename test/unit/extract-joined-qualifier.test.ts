/**
 * A compound qualifier closed by a joining word ("Bill To", "Sold To", "Mail To") names the party a caption's
 * thing belongs to: past the joiner the words are its complement, as after every joiner — "Bill To Site
 * Address", "Bill To Location", "Sold-To Site" name the bill-to party's place, never the service site.
 *
 * First version (numgram) let the head follow every joiner-closed qualifier: the billing block under "Bill To
 * Site Address" became the LOA's service address, and a key: value "Bill To Location" beside an item's
 * numbered service caption ("3) Installed At:") put the caption's words into the service street. (numfix let the
 * head follow only where a concept goes on past the joiner, "Bill-To Telephone"; that concept was held back at
 * stop 39 with the rest of numgram's fields.ts vocabulary, so no joiner lets the head follow.) Every name,
 * street and number below is ours; each page is synthetic (test/helpers/address-grammar.ts).
 */
import { describe, expect, it } from 'vitest';
import { extractFields } from '../../electron/core/extract/index.js';
import type { DocumentKind, ServiceAddress } from '../../shared/domain/document.js';
import { addressEqual } from '../fixtures/generator/score.js';
import { type AddressShape, SHAPES, VALUES } from '../helpers/address-grammar.js';
import { pageOfLines } from '../helpers/pages.js';

const value = (name: string): AddressShape => VALUES.find((v) => v.name === name)!;
const show = (a: ServiceAddress | undefined) =>
  a ? [a.street_line, a.unit, a.city, a.state, a.zip5, a.zip4].join(' | ') : 'nothing';

function serviceRead(kind: DocumentKind, structure: string, caption: string, other: string, v: AddressShape): string {
  const page = SHAPES[kind][structure]!(caption, v, other);
  const got = extractFields(pageOfLines(page), kind).fields.service_address?.value as ServiceAddress | undefined;
  return got && addressEqual(v.truth, got) ? show(v.truth) : show(got);
}

describe('a place named after a joiner-closed qualifier is that party’s, not the service site', () => {
  const billToPlaces = ['Bill To Site Address', 'Bill To Location', 'Sold To Location', 'Mail To Premises'];
  for (const structure of ['LOA label-above', 'LOA parts form', 'LOA boxes'])
    it(`${structure}: the service address beside a bill-to place caption`, () => {
      for (const other of billToPlaces)
        for (const name of ['three lines, ROOM under the street', 'two lines, plain', 'NW directional']) {
          const v = value(name);
          expect(`${other}: ${serviceRead('loa', structure, 'Location', other, v)}`).toBe(`${other}: ${show(v.truth)}`);
        }
    });

  for (const [kind, structure] of [
    ['csr', 'CSR key: value'],
    ['invoice', 'invoice key: value panel'],
  ] as const)
    it(`${structure}: an item's numbered service caption beside a bill-to place caption keeps its words out of the value`, () => {
      for (const [caption, other, name] of [
        ['3) Installed At', 'Bill To Location', 'Dept'],
        ['1. Service Address', 'Bill To Service Address', 'St. Louis, # unit'],
        ['2. Location', 'Sold To Location', 'unit before the street'],
        ['2. Location', 'Sold-To Site', 'US Hwy 19 N'],
      ] as const) {
        const v = value(name);
        expect(`${caption}: ${serviceRead(kind, structure, caption, other, v)}`).toBe(`${caption}: ${show(v.truth)}`);
      }
    });
});

describe('a phone named after "Bill To" is still the BTN', () => {
  const page = (caption: string): [number, number, string][] => [
    [40, 40, 'Granite Peak Telecom'],
    [420, 40, 'Invoice'],
    [40, 70, 'Account Number: 7730 2219 0041'],
    [40, 86, 'Bill To: PO Box 4410, Tampa, FL 33601'],
    [40, 102, `${caption}: (813) 555-0142`],
    [40, 118, 'Invoice Date: 03/01/2026'],
    [40, 140, 'Monthly Service  (813) 555-0142   $84.20'],
    [40, 154, 'Monthly Service  (813) 555-0143   $100.00'],
  ];
  for (const caption of ['Bill-To Telephone', 'Bill To Phone', 'Bill-to Phone Number'])
    it(caption, () => {
      const f = extractFields(pageOfLines(page(caption)), 'invoice').fields;
      expect(f.btn?.value).toBe('+18135550142');
    });
});
