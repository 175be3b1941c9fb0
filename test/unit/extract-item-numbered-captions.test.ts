/**
 * A numbered form puts its item's number before each caption ("2. Location Address: 16618 Industrial
 * Drive, Fargo, ND 58126"): the number is no part of the value. The address block read by its shape had
 * taken the whole cell, number and caption, as the street (a false LOCATION difference, dev fresh-tune
 * seed 28539, loa-portout), and dropped the caption's own reading as a part of it.
 */
import { describe, expect, it } from 'vitest';
import { extractFields } from '../../electron/core/extract/index.js';
import type { DocumentKind, ServiceAddress } from '../../shared/domain/document.js';
import { pageOfLines } from '../helpers/pages.js';

const ADDRESS = {
  line: '16618 Industrial Drive, Fargo, ND 58126-1464',
  street: '16618 Industrial Drive',
  city: 'Fargo',
};

function serviceAddress(kind: DocumentKind, lines: [number, number, string][]): ServiceAddress | undefined {
  return extractFields(pageOfLines(lines), kind).fields.service_address?.value;
}

describe("a form item's number before the service-address caption", () => {
  const numbers = ['2.', '2)', 'B2.', 'A3)', '12.'];
  const captions = ['Location Address:', 'Service Address:', 'Site Address:', 'Location:', 'Premises Address:'];
  it(`${numbers.length} numberings × ${captions.length} captions on an LOA: the street starts at its house number`, () => {
    numbers.forEach((n) => {
      for (const caption of captions) {
        const got = serviceAddress('loa', [
          [48, 100, 'Port Out Request'],
          [48, 200, `${n.replace(/\d+/, '1')} Company: Gulf Breeze Medical Billing Corp.`],
          [48, 224, `${n} ${caption} ${ADDRESS.line}`],
          [48, 248, `${n.replace(/\d+/, '4')} Contact Phone: 701-555-0153`],
        ]);
        expect({ n, caption, street: got?.street_line, city: got?.city }).toEqual({
          n,
          caption,
          street: ADDRESS.street,
          city: ADDRESS.city,
        });
      }
    });
  });
  it('on a record and a bill too', () => {
    for (const kind of ['csr', 'invoice'] as const)
      for (const n of ['3.', 'C1)']) {
        const got = serviceAddress(kind, [
          [48, 100, kind === 'csr' ? 'Customer Service Record' : 'Monthly Statement'],
          [48, 200, `${n} Service Location: ${ADDRESS.line}`],
        ]);
        expect(got?.street_line).toBe(ADDRESS.street);
      }
  });
});
