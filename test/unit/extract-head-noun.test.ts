/**
 * A caption names what its HEAD NOUN names: the last noun of its first noun phrase, before a word joining
 * it to a complement ("for", "of", "at", "on", "with"). The words before the head only qualify it, the
 * words after the joiner say whose it is. So a concept of more words that lacks the head noun ("Pilot Line"
 * in "Pilot Line Location", "BAN" in "Service Address for BAN") never outranks the one holding it: the
 * caption names a place, and the service address under it is read.
 *
 * Found at stop 39: the number-caption vocabulary ("A/C", "BAN", lead and pilot lines, the bill-to phone,
 * "Security Question Answer") let a number concept of more words outrank a place caption's head noun on
 * captions no test had written, and a service address went unread (a planted LOCATION difference on the
 * test seeds judged alike). Every name, street and number below is ours; each page is synthetic.
 */
import { describe, expect, it } from 'vitest';
import { extractFields } from '../../electron/core/extract/index.js';
import { conceptOf } from '../../electron/core/extract/labels.js';
import type { DocumentKind, ServiceAddress } from '../../shared/domain/document.js';
import { labelStems } from '../../shared/domain/fields.js';
import { addressEqual } from '../fixtures/generator/score.js';
import { type AddressShape, SHAPES, VALUES } from '../helpers/address-grammar.js';
import { type Line } from '../helpers/number-grammar.js';
import { pageOfLines } from '../helpers/pages.js';

const value = (name: string): AddressShape => VALUES.find((v) => v.name === name)!;
const show = (a: ServiceAddress | undefined) =>
  a ? [a.street_line, a.unit, a.city, a.state, a.zip5, a.zip4].join(' | ') : 'nothing';

function serviceRead(kind: DocumentKind, structure: string, caption: string, v: AddressShape): string {
  const page = SHAPES[kind][structure]!(caption, v, 'Billing Address');
  const got = extractFields(pageOfLines(page), kind).fields.service_address?.value as ServiceAddress | undefined;
  return got && addressEqual(v.truth, got) ? show(v.truth) : show(got);
}

/** Place captions holding a number concept of more words than their own place concept. */
const PLACE_CAPTIONS = [
  'Pilot Line Location',
  'Service Address for BAN',
  'BAN Service Location',
  'Lead Line Site',
  'Main Line Location',
  'A/C Service Address',
  'Service Location of Pilot Number',
];

describe('a place caption names a place, whatever number concept qualifies or follows its head noun', () => {
  it('the caption words name the service address', () => {
    for (const caption of PLACE_CAPTIONS)
      expect(`${caption}: ${conceptOf(labelStems(caption), 'loa')?.field}`).toBe(`${caption}: service_address`);
  });
  for (const [kind, structure] of [
    ['loa', 'LOA label-left'],
    ['loa', 'LOA label-above'],
    ['loa', 'LOA boxes'],
    ['csr', 'CSR key: value'],
    ['csr', 'CSR sections'],
    ['invoice', 'invoice key: value panel'],
  ] as const)
    it(`${structure}: the service address under each caption`, () => {
      for (const caption of PLACE_CAPTIONS)
        for (const name of ['two lines, plain', 'one line, suite', 'NW directional']) {
          const v = value(name);
          expect(`${caption}: ${serviceRead(kind, structure, caption, v)}`).toBe(`${caption}: ${show(v.truth)}`);
        }
    });
});

describe('a caption whose head noun is another field’s is that field’s', () => {
  it('the caption words name the head noun’s field', () => {
    for (const [caption, field] of [
      ['A/C Holder Name', 'account_name'],
      ['Name of A/C Holder', 'account_name'],
      ['BAN Holder Name', 'account_name'],
      ['Pilot Number Owner Name', 'account_name'],
      ['Lead Line Number', 'btn'],
      ['Pilot Telephone Number', 'btn'],
      ['A/C Number', 'account_number'],
      ['Number, A/C', 'account_number'],
      ['Security Question Answer', 'pin'],
      // "number" written out after an identifier's noun repeats it: a PIN, not the numbers to port
      ['Port PIN Number', 'pin'],
      ['Port-Out PIN Number', 'pin'],
      ['Transfer Passcode Number', 'pin'],
      ['Port Password Number', 'pin'],
    ] as const)
      expect(`${caption}: ${conceptOf(labelStems(caption), 'loa')?.field}`).toBe(`${caption}: ${field}`);
  });
  const loa = (rows: [string, string][]): Line[] => [
    [40, 40, 'LETTER OF AGENCY'],
    ...rows.flatMap(([c, v], i): Line[] => [
      [40, 70 + 20 * i, c],
      [250, 70 + 20 * i, v],
    ]),
  ];
  it('the account holder’s name under an "A/C Holder" caption is the account name, not an account number', () => {
    for (const caption of ['A/C Holder Name:', 'A/C Holder:', 'Name of A/C Holder:', 'BAN Holder Name:']) {
      const f = extractFields(
        pageOfLines(
          loa([
            [caption, 'Harborline Dental Group'],
            ['Account Number:', '7730 2219 0041'],
            ['Authorized Signer:', 'Dana R. Whitfield'],
          ]),
        ),
        'loa',
      ).fields;
      expect(`${caption} ${f.account_name?.value}`).toBe(`${caption} Harborline Dental Group`);
      expect(`${caption} ${f.account_number?.value}`).toBe(`${caption} 7730 2219 0041`);
    }
  });
  it('notes about the lead number are no number: the BTN is the one its own caption names', () => {
    for (const notes of ['Lead Number Notes:', 'Pilot Line Remarks:', 'Notes on Lead Line:'])
      for (const btn of ['Lead Number:', 'Pilot Line:', 'Lead Telephone Number:']) {
        const f = extractFields(
          pageOfLines(
            loa([
              ['Customer Name:', 'Harborline Dental Group'],
              [btn, '(813) 555-0142'],
              [notes, 'rings at the front desk after 5 PM'],
              ['Account Number:', '7730 2219 0041'],
            ]),
          ),
          'loa',
        ).fields;
        expect(`${btn} / ${notes} ${f.btn?.value}`).toBe(`${btn} / ${notes} +18135550142`);
      }
  });
});
