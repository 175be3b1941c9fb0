/**
 * The CSR's authorized person under captions named by the concept's GRAMMAR, in every structure a CSR prints
 * (issue 9): the TEST ports' CSRs name the person in wordings dev never rehearsed, and a person the CSR
 * names but the extractor does not read is an AUTH_PERSON_MISMATCH the review cannot predict.
 *
 * How carriers name "the person allowed to act on the account": a head noun naming a person or a role
 * (party, user, caller, representative, signer, contact, individual, administrator, decision maker) with a
 * qualifier saying the authority (authorized, designated, responsible, primary, account's), the phrase "point
 * of contact" (POC), an authorisation's scope after it ("Person Authorized to Make Changes"); in a fixed-width
 * record, a tag of capitals shortening those words by prefix or consonant skeleton, alone, spaced, joined by
 * a stop or hyphen, or glued ("AUTHCNTC"); in a contacts table, a role column whose cell is such a caption
 * ("Authorized", "Primary", "Decision Maker"); in a letter, a sentence giving someone that role. And what is
 * NOT the authorized person: a contact for another job (billing, technical, site), the carrier's own staff
 * (account manager, sales or service representative), the agent of record (the broker who sold the service).
 *
 * Every wording, name and business below is ours (none from a generator pool); each page is a synthetic CSR.
 */
import { describe, expect, it } from 'vitest';
import { extractFields } from '../../electron/core/extract/index.js';
import type { ExtractedFields } from '../../shared/domain/document.js';
import { pageOf, type TextLine } from '../fixtures/generator/handmade.js';
import { codes } from '../helpers/compare.js';
import { pageOfLines } from '../helpers/pages.js';
import { reviewPages } from '../helpers/review-pages.js';

const MONO = { font: 'mono' as const, size: 8 };
const NAME = 'Dana R. Whitfield';
const read = (lines: TextLine[]) => extractFields([pageOf(lines)], 'csr').fields;
const person = (f: ExtractedFields) => f.authorized_person?.value.toLowerCase();

/** A mainframe record: every tag padded to `width`, a colon after it or not, the value one space after at least. */
function fixedRecord(tag: string, name: string, width = 8, colon = ''): TextLine[] {
  const rec = (t: string, v: string) => `${(t ? t + colon : '').padEnd(width)} ${v}`;
  return [
    'MOUNTAIN BELL  CUSTOMER SERVICE RECORD                 PAGE 1',
    `${rec('DATE', '03/02/26')}    ${rec('ACCT', '442-918-3307')}`,
    rec('BTN', '406 555-0172'),
    rec('CUST', 'HIGH PLAINS SURVEYING LLC'),
    rec('SA', '418 OAKMONT DR'),
    rec('CSZ', 'BOZEMAN MT 59715'),
    rec(tag, name.toUpperCase()),
    '--- S&E ---',
    'USOC   QTY  TN            DESCRIPTION',
    '1FB    1    406 555-0172  BUSINESS LINE FLAT RATE',
  ].map((r, i): TextLine => [36, 56 + i * 10.4, r, MONO]);
}

/** The structures a CSR gives a caption and its value. */
const SHAPES: Record<string, (caption: string, name: string) => TextLine[]> = {
  'portal key: value': (caption, name) => [
    [48, 44, 'Northwind Business'],
    [420, 44, 'Customer Service Record'],
    [48, 72, 'Report Date: 03/02/2026'],
    [48, 88, 'Account Name: High Plains Surveying LLC'],
    [48, 104, 'Account Number: 442-918-3307'],
    [48, 120, 'Billing Telephone Number: (406) 555-0172'],
    [48, 136, `${caption}: ${name}`],
    [48, 152, 'Status: Active'],
    [48, 176, 'Service Address: 418 Oakmont Dr, Bozeman, MT 59715'],
  ],
  'label-left cells': (caption, name) => {
    const rows: [string, string][] = [
      ['Report Date', '03/02/2026'],
      ['Account Name', 'High Plains Surveying LLC'],
      ['Account Number', '442-918-3307'],
      ['Billing TN', '(406) 555-0172'],
      [caption, name],
      ['Status', 'Active'],
      ['Service Address', '418 Oakmont Dr, Bozeman, MT 59715'],
    ];
    const lines: TextLine[] = [[48, 44, 'Northwind Business']];
    rows.forEach(([l, v], i) => lines.push([48, 70 + 14 * i, l], [250, 70 + 14 * i, v]));
    return lines;
  },
  'label-above cells': (caption, name) => [
    [48, 46, 'Northwind Business'],
    [420, 46, 'Customer Service Record'],
    [52, 70, 'Account Name'],
    [224, 70, 'Account Number'],
    [396, 70, 'Billing TN'],
    [52, 84, 'High Plains Surveying LLC'],
    [224, 84, '442-918-3307'],
    [396, 84, '(406) 555-0172'],
    [52, 106, 'Report Date'],
    [224, 106, caption],
    [52, 120, '03/02/2026'],
    [224, 120, name],
    [52, 142, 'Street Address'],
    [224, 142, 'City'],
    [340, 142, 'State'],
    [420, 142, 'ZIP'],
    [52, 156, '418 Oakmont Dr'],
    [224, 156, 'Bozeman'],
    [340, 156, 'MT'],
    [420, 156, '59715'],
  ],
  'screen print': (caption, name) =>
    [
      'INQ7     ACCOUNT PROFILE                                       PG 01/02',
      'NORTHWIND TEL - ORDER SYS                               04/02/26 10:12:55',
      '',
      'ACCT NBR.: 5521 880 17    BTN.......: 406 555 0172',
      'CUST NM..: HIGH PLAINS SURVEYING LLC',
      `${caption.toUpperCase().padEnd(9, '.')}: ${name.toUpperCase()}`,
      'SVC ADDR.: 418 OAKMONT DR',
      '           BOZEMAN MT 59715',
    ].flatMap((r, i): TextLine[] => (r ? [[30, 50 + i * 11, r, MONO]] : [])),
};

/** Captions of the authorized person by the grammar's slots; those marked * were not read at first sight. */
const CAPTIONS = [
  // authorize × a person's noun
  'Authorized Party',
  'Authorised User',
  'Authorized Caller',
  'Authorized Representative',
  'Authorized Signer',
  'Authorized Contact Name',
  'Authorized Account Contact',
  'Authorized Individual',
  'Auth Contact',
  'Authzd Name',
  'Auth. Rep.',
  'Person Authorized',
  // * an authorisation's scope after it
  'Person Authorized to Make Changes',
  // * designated = authorised to act
  'Designated Representative',
  'Designated Contact',
  // whoever answers or decides for the account
  'Responsible Party',
  'Decision Maker',
  // the account's own contact
  'Account Owner Contact',
  'Account Holder Contact',
  'Account Contact',
  'Acct Contact',
  'Primary Contact',
  'Main Contact',
  'Primary Account Contact',
  'Contact of Record',
  'Contact on File',
  'Customer Contact',
  'Owner Contact',
  'Contact Name',
  'CONTACT NAME',
  'Contact',
  // whoever administers the account (* "Administrative")
  'Administrator',
  'Account Administrator',
  'Account Admin',
  'Admin Contact',
  'Administrative Contact',
  // * the point of contact
  'POC',
  'Point of Contact',
];

describe("the CSR's authorized person under captions of its grammar, in four structures", () => {
  it('the list holds 35 wordings or more', () => expect(CAPTIONS.length).toBeGreaterThanOrEqual(35));
  for (const [shape, page] of Object.entries(SHAPES))
    for (const caption of CAPTIONS)
      it(`${shape}: "${caption}"`, () => {
        expect(person(read(page(caption, NAME)))).toBe(NAME.toLowerCase());
      });
});

/** Captions of someone else on a CSR, who may not act for the account. */
const OTHERS = [
  'Billing Contact',
  // * a contact for a job on the service, not for the account
  'Technical Contact',
  'Tech Contact',
  'Site Contact',
  'Install Contact',
  // the carrier's own staff
  'Sales Rep',
  'Sales Representative',
  'Account Representative',
  'Account Manager',
  'Customer Service Rep',
  'Prepared By',
  // the broker of record who sold the service
  'Agent of Record',
];

describe('captions of someone else: no authorized person read', () => {
  for (const [shape, page] of Object.entries(SHAPES))
    for (const caption of OTHERS)
      it(`${shape}: "${caption}"`, () => {
        expect(read(page(caption, NAME)).authorized_person).toBeUndefined();
      });
});

/** Record tags shortening the grammar's words (* not read at first sight). */
const TAGS = [
  'CNTC',
  'CNTCT',
  'CTC',
  'AUTH',
  'ATHN',
  'AUTHZD',
  'ATHRZD',
  'AUTH NM',
  'AUTHNM',
  'AUTH CTC',
  'AUTH REP',
  'AUTH PTY',
  'AUTH PRSN',
  'AUTH INDV',
  'AUTH/CNTC',
  'RESP PTY',
  // * a party shortened by its skeleton
  'RSP PTY',
  // * the point of contact
  'POC',
  'POC NM',
  'ACCT CNTC',
  'PRIM CNTC',
  'ADMN',
  'CNTC NM',
];
/** Tags written in ways a record's authors join them (* all not read at first sight on a narrow record). */
const JOINED_TAGS = ['AUTH.USR', 'AUTH-CTC', 'AUTH_USR', 'CNTC-NM', 'AUTHCNTC', 'AUTHINDV', 'AUTH1'];

describe("a fixed-width record's tag for the person, by its letters", () => {
  for (const tag of TAGS)
    it(`"${tag}"`, () => {
      for (const [width, colon] of [
        [8, ''],
        [10, ':'],
      ] as const)
        expect(person(read(fixedRecord(tag, NAME, width, colon)))).toBe(NAME.toLowerCase());
    });
  for (const tag of JOINED_TAGS)
    it(`"${tag}", on a record whose other tags are padded narrower or wider than it`, () => {
      for (const width of [6, 10]) expect(person(read(fixedRecord(tag, NAME, width)))).toBe(NAME.toLowerCase());
    });
  for (const tag of ['BILL CNTC', 'TECH CNTC', 'SLS REP'])
    it(`"${tag}" names someone else`, () => {
      expect(read(fixedRecord(tag, NAME)).authorized_person).toBeUndefined();
    });
  it('"PRI" is a trunk\'s type, no primary one\'s tag: "Service Type -- PRI" names no one', () => {
    const f = read([
      [40, 40, 'Hello,'],
      [40, 60, 'Cust Name -- HIGH PLAINS SURVEYING LLC'],
      [40, 72, 'Account -- 442-918-3307'],
      [40, 84, 'Service Type -- PRI'],
      [40, 96, 'Telephone Numbers -- 406.555.0172'],
    ]);
    expect(f.authorized_person).toBeUndefined();
  });
});

describe("a contacts table's role column: the row whose role names the authorized person", () => {
  const table = (roleHead: string, role: string, other: string, first: boolean): TextLine[] => {
    const rows: [string, string, string][] = [
      [NAME, role, '(406) 555-0190'],
      ['Marco Ruiz', other, '(406) 555-0191'],
    ];
    if (!first) rows.reverse();
    const out: TextLine[] = [
      [48, 44, 'Northwind Business'],
      [48, 72, 'Account Name: High Plains Surveying LLC'],
      [48, 88, 'Account Number: 442-918-3307'],
      [48, 104, 'Service Address: 418 Oakmont Dr, Bozeman, MT 59715'],
      [48, 130, 'Account Contacts'],
      [52, 148, 'Name'],
      [220, 148, roleHead],
      [360, 148, 'Phone'],
    ];
    rows.forEach(([n, r, p], i) => out.push([52, 164 + 14 * i, n], [220, 164 + 14 * i, r], [360, 164 + 14 * i, p]));
    return out;
  };
  for (const role of ['Authorized', 'Authorized Contact', 'Primary', 'Primary Contact', 'Decision Maker', 'POC'])
    for (const roleHead of ['Role', 'Contact Type'])
      it(`${roleHead}: "${role}" below or above a billing contact`, () => {
        for (const first of [true, false]) {
          const got = read(table(roleHead, role, 'Billing', first)).authorized_person;
          expect(got?.value).toBe(NAME);
          expect(got!.confidence).toBeGreaterThanOrEqual(0.8);
        }
      });
  it('a managing role still outranks an authorized one ("Authorized User" beside "Administrator")', () => {
    expect(read(table('Role', 'Administrator', 'Authorized User', false)).authorized_person?.value).toBe(NAME);
  });
}, 60000);

describe("a CSR written as a letter: the sentence giving someone the authorized person's role", () => {
  const letter = (sentence: string): TextLine[] => [
    [48, 44, 'Northwind Business'],
    [48, 70, 'March 2, 2026'],
    [48, 90, 'Re: Customer Service Record, account 442-918-3307'],
    [48, 110, 'Dear Porting Specialist,'],
    [48, 130, 'Thank you for your request. Below is a summary of the service record for the account named'],
    [48, 142, 'High Plains Surveying LLC, as it appears in our billing system today.'],
    [48, 162, sentence],
    [48, 182, 'Service is provided at 418 Oakmont Dr, Bozeman, MT 59715 on the line (406) 555-0172.'],
    [48, 202, 'Please contact our porting desk with any questions about this record.'],
    [48, 222, 'Sincerely,'],
    [48, 236, 'Porting Operations'],
  ];
  for (const sentence of [
    `The decision maker for the account is ${NAME}.`,
    `Our point of contact on the account is ${NAME}.`,
    `The responsible party on file is ${NAME}.`,
    `The contact of record for this account is ${NAME}.`,
    `Our records list ${NAME} as the primary contact for this account.`,
    `${NAME} is the account's designated representative.`,
    `${NAME} is the authorized user on this account.`,
  ])
    it(`"${sentence}"`, () => {
      expect(read(letter(sentence)).authorized_person?.value).toBe(NAME);
    });
  for (const sentence of [
    `Your account manager is ${NAME}.`,
    `The billing contact for this account is ${NAME}.`,
    `Our records list ${NAME} as the technical contact for this account.`,
    `${NAME} is your sales representative.`,
  ])
    it(`someone else: "${sentence}"`, () => {
      expect(read(letter(sentence)).authorized_person?.value).not.toBe(NAME);
    });
});

describe('the review holds the CSR person read under such captions against the LOA signer', () => {
  const loa = (signer: string) =>
    pageOfLines([
      [40, 40, 'Letter of Agency'],
      [40, 70, 'Customer Name: High Plains Surveying LLC'],
      [40, 90, 'Service Address: 418 Oakmont Dr, Bozeman, MT 59715'],
      [40, 110, `Authorized Signer: ${signer}`],
    ]);
  const cases: [string, TextLine[]][] = [
    ['"Designated Representative" (label-left cells)', SHAPES['label-left cells']!('Designated Representative', NAME)],
    ['"Point of Contact" (label-above cells)', SHAPES['label-above cells']!('Point of Contact', NAME)],
    [
      '"Person Authorized to Make Changes" (key: value)',
      SHAPES['portal key: value']!('Person Authorized to Make Changes', NAME),
    ],
    ['"AUTHCNTC" (record)', fixedRecord('AUTHCNTC', NAME)],
    ['"AUTH.USR" (narrow record)', fixedRecord('AUTH.USR', NAME, 6)],
  ];
  for (const [what, lines] of cases)
    it(`${what}: another signer a predicted AUTH_PERSON_MISMATCH, the same one a match`, () => {
      const csr = [pageOf(lines)];
      expect(codes(reviewPages(loa('Maria Lopez'), csr))).toContain('AUTH_PERSON_MISMATCH');
      const same = reviewPages(loa(NAME), csr);
      expect(codes(same)).not.toContain('AUTH_PERSON_MISMATCH');
      // (a record's capitals are the same name: "equivalent")
      expect(['match', 'equivalent']).toContain(same.fields.authorized_person.verdict);
    });
});
