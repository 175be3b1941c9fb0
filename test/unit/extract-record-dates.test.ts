/**
 * A record dated by no document-date caption: its header's only date carries another date's tag ("EFF DT"),
 * and its last line dates an earlier event ("LAST ACTIVITY", "Last payment", "LAST ORDER"). The event's date
 * is never the record's; the header's date is the honest low guess. A "Last updated" line does date what is
 * printed, and stays a candidate.
 *
 * Every wording, name and number below is ours (none from a generator pool); each page is synthetic.
 */
import { describe, expect, it } from 'vitest';
import { extractFields } from '../../electron/core/extract/index.js';
import { pageOf, type TextLine } from '../fixtures/generator/handmade.js';

const MONO = { font: 'mono' as const, size: 8 };
const mono = (rows: string[], x = 36, top = 56, lead = 10.4): TextLine[] =>
  rows.flatMap((r, i): TextLine[] => (r ? [[x, top + i * lead, r, MONO]] : []));
const dateOf = (rows: string[]) => extractFields([pageOf(mono(rows))], 'csr').fields.document_date;

const record = (header: string, footer: string) => [
  'GRANITE STATE TEL                SERVICE RECORD',
  `${header}      ACCT# 603-441-2290-18      PG 1`,
  'ADMIN SECTION',
  'MAIN TN 603.555.0122      PSWD 4471',
  'CUS  Birchwood Framing LLC',
  'TN 603.555.0122     1FB   BUS LINE FLAT     QTY 1',
  'TN 603.555.0139     1MB   BUS LINE MSRD     QTY 1',
  `*** END OF RECORD ***      ${footer}`,
];

describe("a record's last line dating an earlier event is not the record's date", () => {
  for (const header of ['EFF DT JAN 12 2026', 'EFF DATE 01/12/2026'])
    for (const footer of ['LAST ACTIVITY SEP 20 2021', 'Last payment 09/20/2021', 'LAST ORDER 2021-09-20'])
      it(`"${header}" over "${footer}"`, () => {
        const d = dateOf(record(header, footer));
        expect(d?.value).toBe('2026-01-12');
        // another date's tag gave it: a guess, never near-certain
        expect(d?.confidence).toBeLessThan(0.5);
      });

  it('a "Last updated" line dates what is printed: still taken when no other date is free', () => {
    for (const footer of ['Last updated 02/03/2026', 'LAST UPDATE FEB 3 2026']) {
      const d = dateOf(record('EFF DT JAN 12 2026', footer));
      expect(d?.value).toBe('2026-02-03');
    }
  });
});
