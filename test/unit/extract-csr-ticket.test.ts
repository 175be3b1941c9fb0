import { describe, expect, it } from 'vitest';
import { readDocument } from '../../electron/core/documents/read.js';
import { requesterLines } from '../../electron/core/extract/csr-ticket.js';
import { extractFields } from '../../electron/core/extract/index.js';
import { buildLayout } from '../../electron/core/extract/layout.js';
import type { ExtractedFields, PageText } from '../../shared/domain/document.js';
import { CORE_FIELDS } from '../fixtures/generator/evaluate.js';
import { PageBuilder } from '../fixtures/generator/layout.js';
import { renderTextPdf } from '../fixtures/generator/pdf.js';
import { generateRandom } from '../fixtures/generator/random.js';
import { fieldCorrect } from '../fixtures/generator/score.js';
import { readGenerated } from '../helpers/generated.js';

/*
 * A CSR given as a support desk's ticket printout (csr-ticket, standin-u.ts): the header names the
 * requester with an e-mail address, the requester's message asks for the record and is signed with the
 * requester's own company and phone, the desk's reply gives the record. The requester's side — their
 * message, organization and the ticket's opening date — is the other party's, like an e-mail's quoted
 * request.
 */

const SANS = { font: 'sans' as const, size: 9 };
const BOLD = { font: 'sans-bold' as const, size: 9 };

/** Lines from y 50 down, 14 points apart: [x, text, bold?]. */
async function readTicket(lines: [number, string, boolean?][]): Promise<{ got: ExtractedFields; pages: PageText[] }> {
  const p = new PageBuilder();
  lines.forEach(([x, text, bold], i) => p.text(x, 50 + i * 14, text, bold ? BOLD : SANS));
  const read = await readDocument(await renderTextPdf({ pages: [p.build()] }), { name: 'ticket.pdf' });
  return { got: extractFields(read.pages, 'csr').fields, pages: read.pages };
}

const request = (who: string, when: string): [number, string, boolean?][] => [
  [40, `${who} (Acme Porting Group) ${when}`, true],
  [52, 'Please send the CSR for our new customer, main number 614-555-0101. Thanks!'],
  [52, who],
  [52, 'Acme Porting Group'],
  [52, '2200 Lakeshore Dr, Suite 40, Madison, WI 53703'],
  [52, 'Phone 608-555-0177'],
];
const reply = (when: string, block: boolean): [number, string, boolean?][] => [
  [40, `Lena Ortiz - ${when}`, true],
  [52, 'Hello, here is the record you asked for.'],
  ...(block
    ? ([
        [52, 'Account Name: Quarry Lane Dental Group PC'],
        [52, 'Account Number: 77120-4432'],
        [52, 'Service Address: 41 Elm St, Columbus, OH 43215'],
        [52, 'Working TNs: 614-555-0101, 614-555-0102'],
      ] as [number, string][])
    : ([
        [52, 'Quarry Lane Dental Group PC is the customer of record on account 77120-4432.'],
        [52, 'The service address on file is 41 Elm St, Columbus, OH 43215.'],
        [52, 'Active lines on the account: 614-555-0101 and 614-555-0102.'],
      ] as [number, string][])),
  [52, 'Regards, Lena Ortiz, LNP Support'],
];

describe("a support ticket's requester is the other party", () => {
  const cases: [string, [number, string, boolean?][]][] = [
    [
      'Requester <e-mail>, request first, record in a labelled block',
      [
        [40, 'Ticket #48213: CSR request', true],
        [40, 'Status: Solved'],
        [40, 'Created: 03/11/2026 09:12'],
        [40, 'Requester: Dana Ruiz <dana.ruiz@acmeporting.com>'],
        [40, 'Organization: Acme Porting Group'],
        [40, 'Assignee: Lena Ortiz'],
        ...request('Dana Ruiz', '03/11/2026 09:12'),
        ...reply('03/13/2026 14:05', true),
      ],
    ],
    [
      'Submitted by (e-mail), reply first, record in sentences',
      [
        [40, 'Case 00917: Need CSR', true],
        [40, 'Date Opened: Mar 11, 2026 9:12 AM'],
        [40, 'Submitted by: Dana M. Ruiz (dana@acmeporting.com)'],
        ...reply('Mar 13, 2026 2:05 PM', false),
        ...request('Dana M. Ruiz', 'Mar 11, 2026 9:12 AM'),
      ],
    ],
    [
      'Contact: a five-word name <e-mail>, two-column header',
      [
        [40, 'Request 7781 - CSR for BTN 614-555-0101', true],
        [40, 'Opened: 2026-03-11 09:12     Contact: Richard T. Van der Berg <r.vdberg@acmeporting.com>'],
        ...request('Richard T. Van der Berg', '2026-03-11 09:12'),
        ...reply('2026-03-13 14:05', true),
      ],
    ],
  ];
  for (const [name, lines] of cases)
    it(`${name}: the record's name, its numbers only, the reply's date`, async () => {
      const { got } = await readTicket(lines);
      expect(got.account_name?.value).toBe('Quarry Lane Dental Group PC');
      expect([...(got.phone_numbers?.value ?? [])].sort()).toEqual(['+16145550101', '+16145550102']);
      expect(got.document_date?.value).toBe('2026-03-13');
    });

  it('…while a header naming a sender without an e-mail address marks no ticket', async () => {
    const p = new PageBuilder();
    ['Work order 5521', 'From: Dana Ruiz', 'Dana Ruiz 03/11/2026 09:12', 'Account Number: 77120-4432'].forEach((t, i) =>
      p.text(40, 50 + i * 14, t, SANS),
    );
    const read = await readDocument(await renderTextPdf({ pages: [p.build()] }), { name: 'order.pdf' });
    expect(requesterLines(buildLayout(read.pages, 'csr')).size).toBe(0);
  });

  // csr-ticket dev seeds whose first-sight reading took the requester's company, phone or opening date
  for (const seed of [33101, 33104, 33106, 33108, 33113, 33124])
    it(`csr-ticket-${seed}: every field it prints is the record's`, async () => {
      const { f, got } = await readGenerated(generateRandom(seed, { family: 'csr-ticket' }));
      expect(CORE_FIELDS.filter((k) => f.truth[k] !== undefined && !fieldCorrect(k, f.truth, got))).toEqual([]);
    });
});

describe('a bracketed remark captioning a number with its status', () => {
  const record = (remark: string) =>
    readTicket([
      [40, 'Customer Service Record', true],
      [40, 'Account Name: Quarry Lane Dental Group PC'],
      [40, 'Account Number: 77120-4432'],
      [40, 'Service Address: 41 Elm St, Columbus, OH 43215'],
      [40, 'Working numbers: 614-555-0101, 614-555-0102'],
      [40, remark],
    ]);
  for (const remark of [
    '(Disconnected: 614-555-0141 - not portable.)',
    '[Cancelled: (614) 555-0141]',
    '(Inactive lines: 614.555.0141)',
  ])
    it(`${remark} — the number has left the account`, async () => {
      const { got } = await record(remark);
      expect([...(got.phone_numbers?.value ?? [])].sort()).toEqual(['+16145550101', '+16145550102']);
    });
  it('…while "(Main line: …)" keeps it', async () => {
    const { got } = await record('(Main line: 614-555-0141)');
    expect(got.phone_numbers?.value).toContain('+16145550141');
  });
});
