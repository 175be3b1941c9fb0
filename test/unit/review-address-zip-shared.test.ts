import { describe, expect, it } from 'vitest';
import { addr, codes, fv, run } from '../helpers/compare.js';
import { pageOfLines as page } from '../helpers/pages.js';

/*
 * The ZIP database objecting to the CSR's ZIP ("ZIP 02923 does not exist") is a doubt about the ZIP, its
 * city and state. Where the LOA gives the same ZIP and place and another street, the objection explains
 * no part that differs: the difference stands as any unsure CSR reading's does (the LOA's street written
 * nowhere on the CSR). A ZIP that differs under the objection stays a look.
 */

const csrPage = (caption: string, line: string) =>
  page([
    [48, 40, 'CUSTOMER SERVICE RECORD'],
    [48, 60, 'ACCT 765-034-1164-63'],
    [48, 80, caption],
    [48, 94, line],
  ]);

const review = (loa: ReturnType<typeof addr>, csr: ReturnType<typeof addr>, caption: string, line: string) =>
  run({
    loa: { service_address: fv(loa, 0.9) },
    csr: { service_address: fv(csr, 0.45, [48, 94, 300, 104]) },
    pages: { csr: csrPage(caption, line) },
  });

describe('an unsure CSR address whose ZIP the database does not know, the LOA giving the same ZIP', () => {
  const wordings: [caption: string, csr: ReturnType<typeof addr>, line: string, loa: ReturnType<typeof addr>][] = [
    [
      'Service Address:',
      addr('16897 SE Boylston Ct', 'Providence', 'RI', '02923'),
      '16897 SE Boylston Ct, Providence, RI 02923',
      addr('3744 NW Jefferson Dr', 'Providence', 'RI', '02923', 'Ste 106'),
    ],
    [
      'SERVICE LOCATION',
      addr('21839 Canal Sq', 'Boulder', 'CO', '80312', 'Room 1084'),
      '21839 CANAL SQ ROOM 1084, BOULDER, CO 80312',
      addr('4150 East Pine Avenue', 'Boulder', 'CO', '80312', 'Ste 234'),
    ],
  ];
  for (const [caption, csr, line, loa] of wordings) {
    it(`"${caption}": another street on the LOA is a predicted LOCATION_MISMATCH, not a look`, () => {
      const r = review(loa, csr, caption, line);
      expect(codes(r)).toContain('LOCATION_MISMATCH');
      expect(r.checks.filter((c) => c.field === 'service_address')).toEqual([]);
    });
  }

  it('the same street with another ZIP is still a look (the objection is about the ZIP)', () => {
    const r = review(
      addr('16897 SE Boylston Ct', 'Providence', 'RI', '02903'),
      addr('16897 SE Boylston Ct', 'Providence', 'RI', '02923'),
      'Service Address:',
      '16897 SE Boylston Ct, Providence, RI 02923',
    );
    expect(codes(r)).not.toContain('POSTAL_CODE_MISMATCH');
    expect(r.checks.some((c) => c.field === 'service_address')).toBe(true);
  });
});
