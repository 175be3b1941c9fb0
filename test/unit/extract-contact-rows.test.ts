import { describe, expect, it } from 'vitest';
import { readRows, type TextRow } from '../helpers/text-rows.js';
import type { ExtractedFields } from '../../shared/domain/document.js';
import { readGenerated } from '../helpers/generated.js';
import type { TextStyle } from '../fixtures/generator/layout.js';
import { generateRandom } from '../fixtures/generator/random.js';

/*
 * Whose number it is, on a record's or a bill's sections: a contacts section lists several people, each with
 * the number that reaches them (none a line on the account); a sidebar's desk numbers under "Questions?"
 * stand level with the charges side's lines list, whose rows keep their numbers; a lines list's row is no
 * call record because a sidebar's date stands level with it; a "Direct Inward Dial" block is the account's.
 * Every page is written here, rendered to a real text PDF and read back.
 */

const SANS: TextStyle = { font: 'sans', size: 9 };
const BOLD: TextStyle = { font: 'sans-bold', size: 10 };
type Row = TextRow;

const read = (rows: Row[], kind: 'csr' | 'invoice'): Promise<ExtractedFields> => readRows(rows, kind, { style: SANS });

const LINES = ['+16085550142', '+16082714403', '+16082714404'];

/** A portal's customer summary: the lines table, then a contacts section under `heading`. */
const summary = (heading: string, contacts: Row[]): Row[] => [
  [40, 46, 'Harborview Partner Portal', BOLD],
  [40, 90, 'Customer Summary', BOLD],
  [40, 120, 'QUARRY HILL BAKERY LLC | Acct # 88120 4471 | BTN 608-555-0142'],
  [40, 160, 'Lines', BOLD],
  [40, 180, 'Number'],
  [170, 180, 'Type'],
  [290, 180, 'Status'],
  [40, 194, '608-555-0142'],
  [170, 194, 'Business Line'],
  [290, 194, 'Active'],
  [40, 208, '608-271-4403'],
  [170, 208, 'Fax'],
  [290, 208, 'In Service'],
  [40, 222, '608-271-4404'],
  [170, 222, 'POTS'],
  [290, 222, 'Working'],
  [40, 260, heading, BOLD],
  ...contacts.map(([x, y, t, st]): Row => [x, y + 280, t, st]),
];

describe("a contacts section's people are reached at their numbers, none of them a line", () => {
  const table = (rows: [string, string, string, string][]): Row[] => [
    [40, 0, 'Name'],
    [180, 0, 'Role'],
    [310, 0, 'Phone'],
    [410, 0, 'Email'],
    ...rows.flatMap(([n, r, p, e], i): Row[] => [
      [40, 14 * (i + 1), n],
      [180, 14 * (i + 1), r],
      [310, 14 * (i + 1), p],
      [410, 14 * (i + 1), e],
    ]),
  ];
  const lines = (texts: string[]): Row[] => texts.map((t, i): Row => [40, 14 * i, t]);
  const cases: [string, Row[]][] = [
    [
      'Contacts',
      table([
        ['Rosa Lindqvist', 'Authorized Signer', '608.431.2290', 'rosa@quarryhill.com'],
        ['Devon Achterberg', 'Accounts Payable', '608.233.7781', 'devon@quarryhill.com'],
      ]),
    ],
    [
      'People',
      table([
        ['MARTA OYELARAN', 'Owner', '608.431.2290', 'marta@quarryhill.com'],
        ['LEON VAN DER BERG', 'Invoice Recipient', '608.233.7781', 'leon@quarryhill.com'],
        ['KWAME ASANTE', 'IT', '608.902.1175', 'kwame@quarryhill.com'],
      ]),
    ],
    [
      'Account Contacts',
      lines(['Payables Desk: Ines Halvorsen, (608) 431-2290', 'Authorized Contact: Piet de Groot, (608) 233-7781']),
    ],
    [
      'Contacts on File',
      lines([
        'Bernadette Kowalczyk (Office Manager) - 608 431 2290 - bkowalczyk@quarryhill.com',
        'Tomas Ruiz (Billing) - 608 233 7781 - truiz@quarryhill.com',
      ]),
    ],
  ];
  for (const [heading, rows] of cases)
    it(`"${heading}" over ${rows.length} rows`, async () => {
      const got = await read(summary(heading, rows), 'csr');
      expect(got.phone_numbers?.value).toEqual(LINES);
    });

  it("control: a lines heading between the people's names and the lines opens the lines' section", async () => {
    const got = await read(
      [
        [40, 46, 'Wireless Account Record', BOLD],
        [40, 80, 'Customer: Quarry Hill Bakery LLC'],
        [40, 94, 'Account number: 88120 4471'],
        [40, 130, 'People on this account', BOLD],
        [52, 146, 'Marta Oyelaran (Owner)'],
        [52, 160, 'Leon Brandt (Authorized user)'],
        [40, 190, 'Mobile lines', BOLD],
        [40, 206, 'MDN'],
        [150, 206, 'Name'],
        [290, 206, 'Status'],
        [40, 220, '+1 608 555 0142'],
        [150, 220, 'Leon Brandt'],
        [290, 220, 'Active'],
        [40, 234, '+1 608 271 4403'],
        [150, 234, 'Marta Oyelaran'],
        [290, 234, 'Active'],
      ],
      'csr',
    );
    expect(got.phone_numbers?.value).toEqual(['+16085550142', '+16082714403']);
  });
});

/**
 * A telco's bill split in two: a sidebar (its facts, each caption over its value, then its desks under a
 * heading) left, the lines list with charges right, the sidebar's lines level with the list's rows.
 */
function splitBill(sidebar: string[], list: [string, string, string][]): Row[] {
  const rows: Row[] = [
    [40, 48, 'Prairie Valley Telephone Cooperative', BOLD],
    [230, 100, 'Lines on this account', BOLD],
  ];
  sidebar.forEach((t, i) => rows.push([40, 116 + 12 * i, t]));
  list.forEach(([a, b, c], i) => {
    if (a) rows.push([230, 116 + 12 * i, a]);
    if (b) rows.push([340, 116 + 12 * i, b]);
    if (c) rows.push([540, 116 + 12 * i, c]);
  });
  return rows;
}

describe("a split bill's sidebar beside its lines list", () => {
  for (const [heading, caption] of [
    ['Questions?', 'Business Office:'],
    ['QUESTIONS?', 'Billing:'],
    ['Contact Us', 'Office hours line:'],
  ] as const)
    it(`"${heading}" / "${caption}" over a desk's number, level with lines of the list`, async () => {
      const got = await read(
        splitBill(
          ['ACCOUNT NUMBER', '4471 0093 18', '', '', heading, caption, '608 271 9900', 'Repair:', '608 271 9911'],
          [
            ['608 555 0142', 'Business Line', '$31.22'],
            ['', 'Voice Mail', '$6.00'],
            ['', 'Call Waiting', 'Included'],
            ['', 'Caller ID with Name', '$7.64'],
            ['', 'Three-Way Calling', '$5.85'],
            // (level with the sidebar's caption over the desk's number)
            ['608 271 4403', 'Hunt Group Line', '$54.90'],
            ['', 'Speed Calling 8', '$2.00'],
            ['608 271 4404', 'Fax Line', '$29.10'],
          ],
        ),
        'invoice',
      );
      expect(got.phone_numbers?.value).toEqual(LINES);
    });

  for (const caption of ['Customer Service:', 'Support:', 'Call us:'])
    it(`a sidebar caption "${caption}" over its own number is no caption of the list's row level with it`, async () => {
      const got = await read(
        splitBill(
          ['ACCOUNT NUMBER', '4471 0093 18', caption, '800 555 0100'],
          [
            ['608 555 0142', 'Business Line', '$31.22'],
            ['', 'Voice Mail', '$6.00'],
            ['608 271 4403', 'Hunt Group Line', '$54.90'],
            ['608 271 4404', 'Fax Line', '$29.10'],
          ],
        ),
        'invoice',
      );
      expect(got.phone_numbers?.value).toEqual(LINES);
    });

  for (const date of ['10/08/2026', 'Jul 17, 2023', '03-19-2019'])
    it(`a sidebar's date (${date}) level with a row of the list leaves the row a line, not a call`, async () => {
      const got = await read(
        splitBill(
          ['STATEMENT DATE', date, 'ACCOUNT NUMBER', '4471 0093 18'],
          [
            ['608 555 0142', 'Business Line', '$31.22'],
            ['608 271 4403', 'Hunt Group Line', '$54.90'],
            ['', 'Voice Mail', '$6.00'],
            ['608 271 4404', 'Fax Line', '$29.10'],
          ],
        ),
        'invoice',
      );
      expect(got.phone_numbers?.value).toEqual(LINES);
    });

  it("control: a call list's dated rows are calls to other numbers", async () => {
    const got = await read(
      [
        [40, 48, 'Prairie Valley Telephone Cooperative', BOLD],
        [40, 80, 'Account number: 4471 0093 18'],
        [40, 100, 'Main number: 608 555 0142'],
        [40, 130, 'Long Distance Calls', BOLD],
        [40, 146, '5/29/24'],
        [110, 146, '804-817-5987'],
        [230, 146, 'RICHMOND VA'],
        [540, 146, '$4.18'],
        [40, 160, '5/30/24'],
        [110, 160, '312-448-2290'],
        [230, 160, 'CHICAGO IL'],
        [540, 160, '$1.02'],
      ],
      'invoice',
    );
    expect(got.phone_numbers?.value).toEqual(['+16085550142']);
  });
});

describe("a direct inward dial block is the account's lines", () => {
  for (const block of ['Direct Inward Dial 608-271-4403 - 4404', 'DIRECT INWARD DIAL 608 271 4403 thru 608 271 4404'])
    it(`"${block}"`, async () => {
      const got = await read(
        [
          [40, 48, 'Prairie Valley Telephone Cooperative', BOLD],
          [40, 80, 'Account number: 4471 0093 18'],
          [40, 110, 'Your Telephone Lines', BOLD],
          [40, 126, '608-555-0142'],
          [160, 126, 'Business Line'],
          [540, 126, '$31.22'],
          [40, 140, block],
          [540, 140, '$12.00'],
        ],
        'invoice',
      );
      expect(got.phone_numbers?.value).toEqual(LINES);
    });
});

describe("a contacts section's authorised person, not its billing or technical contact", () => {
  const lines = (texts: string[]): Row[] => texts.map((t, i): Row => [40, 14 * i, t]);
  for (const [rows, person] of [
    [
      [
        'Authorized Signer: Rosa Lindqvist 608-431-2290 rosa@quarryhill.com',
        'Payables: Devon Achterberg, 608-233-7781',
      ],
      'Rosa Lindqvist',
    ],
    [
      [
        'Billing: Devon Achterberg 608 233 7781',
        'Authorized Contact: Piet de Groot (608) 431-2290 piet@quarryhill.com',
      ],
      'Piet de Groot',
    ],
    [
      [
        'Bernadette Kowalczyk (Authorized User) - 608.431.2290 - bkowalczyk@quarryhill.com',
        'Tomas Ruiz (Billing) - 608.233.7781 - truiz@quarryhill.com',
      ],
      'Bernadette Kowalczyk',
    ],
    [
      [
        'Ines Halvorsen (Accounts Payable) - +1 608 233 7781',
        'MARTA OYELARAN (ACCOUNT ADMINISTRATOR) - +1 608 431 2290 - marta@quarryhill.com',
      ],
      'MARTA OYELARAN',
    ],
  ] as const)
    it(rows.join(' / '), async () => {
      const got = await read(summary('Contacts', lines([...rows])), 'csr');
      expect(got.authorized_person?.value).toBe(person);
      expect(got.phone_numbers?.value).toEqual(LINES);
    });

  const table = (rows: [string, string][]): Row[] => [
    [40, 0, 'Name'],
    [180, 0, 'Role'],
    [310, 0, 'Phone'],
    [410, 0, 'Email'],
    ...rows.flatMap(([n, r], i): Row[] => [
      [40, 14 * (i + 1), n],
      [180, 14 * (i + 1), r],
      [310, 14 * (i + 1), `608 233 77${80 + i}`],
      [410, 14 * (i + 1), `${n.split(' ')[0]!.toLowerCase()}@quarryhill.com`],
    ]),
  ];
  for (const roles of [['Invoice Recipient'], ['Billing Contact', 'IT Contact'], ['Accounts Payable', 'Site Contact']])
    it(`a people table of only ${roles.join(' and ')} names no authorised person`, async () => {
      const people = ['Devon Achterberg', 'Kwame Asante'];
      const got = await read(summary('People', table(roles.map((r, i) => [people[i]!, r]))), 'csr');
      expect(got.authorized_person).toBeUndefined();
    });

  it("a lines table's row whose site is 'Primary' names no one", async () => {
    const rows = summary('Contacts', table([['Devon Achterberg', 'Billing']]));
    // (the lines table gains a Location column: the site's name under it)
    rows.push([420, 180, 'Location'], [420, 194, 'Primary'], [420, 208, 'Primary'], [420, 222, 'Primary']);
    const got = await read(rows, 'csr');
    expect(got.authorized_person).toBeUndefined();
  });
});

describe("a record's three-letter tag contracting 'account' before an account number", () => {
  // (csr-fixed records of the tune wordings print the account under "ACT" / "ACT:" beside the date's tag)
  for (const seed of [30004, 30013])
    it(`csr-fixed, dev seed ${seed} (fresh tune wordings)`, async () => {
      const { got, truth } = await readGenerated(generateRandom(seed, { family: 'csr-fixed', fresh: 'tune' }));
      expect(got.account_number?.value).toBe(truth.account_number);
    });

  const MONO: TextStyle = { font: 'mono', size: 8 };
  it("control: a status cell 'ACT' before a line's number is no account caption", async () => {
    const got = await read(
      [
        ' CENTURYLINK        CSR INQUIRY                         PAGE 1',
        ' ACT        605-741-5873',
        ' CUST NM    GRANITE PEAK PLUMBING & HEATING PC',
        ' SVC        45 LAKE DR FL 15',
        '            SIOUX FALLS SD 57106-5101',
      ].map((t, i): Row => [36, 60 + 11 * i, t, MONO]),
      'csr',
    );
    expect(got.account_number?.value).not.toBe('605-741-5873');
  });
});
