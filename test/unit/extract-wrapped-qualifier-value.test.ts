/**
 * A label's qualifier wrapped under it runs into the value's next line at a word space: "Service address
 * | 23154 Broadway Avenue, Floor" over "(street, no P.O. box): 12, Duluth, MN 55811-9564". The value's next
 * line starts in its own column after the closed qualifier; it was lost, and the qualifier's words were
 * read as the street ("P.O. box): 12", dev fresh-tune seed 28560, loa-kvgrid).
 */
import { describe, expect, it } from 'vitest';
import { extractFields } from '../../electron/core/extract/index.js';
import type { DocumentKind } from '../../shared/domain/document.js';
import { pageOfLines } from '../helpers/pages.js';

/** Two lines: the caption then the value's first line; under them the qualifier then the value's second line. */
function twoLines(caption: string, qualifier: string, first: string, second: string): [number, number, string][] {
  const col = Math.max(caption.length, qualifier.length) + 2;
  return [
    [48, 40, 'Telnyx LOA - Port Request'],
    [48, 152, `${caption.padEnd(col)}${first}`],
    [48, 165, `${qualifier.padEnd(qualifier.length + 1)}${' '.repeat(col - qualifier.length - 1)}${second}`],
  ];
}

const read = (kind: DocumentKind, lines: [number, number, string][]) => extractFields(pageOfLines(lines), kind).fields;

describe("a label's wrapped qualifier beside the value's next line", () => {
  const addresses = [
    ['Service address', '(street, no P.O. box):', '23154 Broadway Avenue, Floor', '12, Duluth, MN 55811-9564'],
    ['Installation address', '(no PO boxes):', '410 Harbor Dr., Suite', '2B, Tampa, FL 33602'],
    ['Location of service', '(where the lines are):', '7820 Old Mill Road,', 'Sioux Falls, SD 57106'],
  ] as const;
  for (const [caption, qualifier, first, second] of addresses)
    it(`"${caption}" / "${qualifier}": the address reads on in its column`, () => {
      const got = read('loa', twoLines(caption, qualifier, first, second)).service_address?.value;
      const street = first.replace(/,.*$/, '').replace(/,$/, '');
      expect(got?.street_line).toBe(street);
      expect(`${got?.city}, ${got?.state} ${got?.zip5}`).toBe(
        second.replace(/^\d+[A-Z]?, /, '').replace(/-\d{4}$/, ''),
      );
    });
  it('a qualifier line with no closing colon or parenthesis is a row of its own (its words are no value)', () => {
    const got = read('loa', [
      [48, 40, 'Telnyx LOA - Port Request'],
      [48, 152, 'Service address         23154 Broadway Avenue,'],
      [48, 165, 'Billing address         77 Pine St, Duluth, MN 55802'],
    ]).service_address?.value;
    expect(got?.street_line ?? '').not.toMatch(/Pine/);
  });
});
