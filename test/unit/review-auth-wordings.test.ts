/**
 * The authorized person's caption as a GRAMMAR, not a list (issue 9): the TEST ports' LOAs name the signer
 * in wordings dev never rehearsed, so the concept is written from what LOAs in general say — a head noun
 * naming a person who signs or authorises (signer, signatory, representative, officer, agent, contact
 * person, party, decision maker, authoriser, name…) with qualifiers (authorized/authorizing, printed/typed,
 * customer's, responsible, end user…), the forms "Name of person authorizing", "Print name", "Signed by",
 * "Name / Title" — and what it must NOT take: a title line, a date, the signature itself, the business's
 * name, the seller's own staff, the signer's phone or mail, the gaining provider "Requested by".
 *
 * Every wording below is ours (none is taken from a generator pool), each in four shapes an LOA prints:
 * "Caption: value", a row of captions over their values, a signature block's value over its caption, and
 * a two-column table without colons. For each: the name is read, a different signer on the CSR is a
 * predicted AUTH_PERSON_MISMATCH, the same signer a match.
 *
 * And three scan faults found on dev ports of the fresh tune half (offsets 20000 and 21000, heavy scans),
 * each shown on its port and on a hand-built page: a middle initial's stop read twice ("HANNAH E..
 * KOWALSKI", taken for a dot leader), a speck read as an apostrophe gluing first name and surname
 * ("Elizabeth'Kim"), a caption's near-match read on past its colon into the name's first split piece
 * ("Authorized User: Br idget" taken for "Authorized Users", the name left "Fitzg erald").
 */
import { describe, expect, it } from 'vitest';
import { extractFields } from '../../electron/core/extract/index.js';
import { conceptOf } from '../../electron/core/extract/labels.js';
import { labelStems } from '../../shared/domain/fields.js';
import type { PageText } from '../../shared/domain/document.js';
import { reviewPort } from '../bench/review-ports.js';
import { codes, run } from '../helpers/compare.js';
import { ocrWords, pageOfLines } from '../helpers/pages.js';
import { freshTunePort } from '../helpers/review-pages.js';

const AUTH = 'AUTH_PERSON_MISMATCH';
type Line = [number, number, string];

/** The CSR: its authorised contact is Dana Whitfield. */
const csrPages = (method: PageText['method'] = 'text') =>
  pageOfLines(
    [
      [40, 40, 'Customer Service Record'],
      [40, 70, 'Account Name: Harbor Point Dental LLC'],
      [40, 90, 'Authorized Contact: Dana Whitfield'],
      [40, 110, 'Service Address: 412 Mill Pond Rd, Greenville SC 29601'],
    ],
    method,
  );

const top: Line[] = [
  [40, 40, 'Letter of Agency'],
  [40, 70, 'Customer Name: Harbor Point Dental LLC'],
  [40, 90, 'Service Address: 412 Mill Pond Rd, Greenville SC 29601'],
  [40, 130, 'Numbers to port: 864-555-0142'],
];

/** The four shapes an LOA gives the signer's caption and name. */
const SHAPES: Record<string, (caption: string, name: string) => Line[]> = {
  colon: (caption, name) => [...top, [40, 170, `${caption}: ${name}`], [40, 190, 'Date: 03/01/2026']],
  'captions over values': (caption, name) => [
    ...top,
    [42, 160, caption],
    [302, 160, 'Title'],
    [412, 160, 'Current Carrier'],
    [42, 174, name],
    [302, 174, 'Owner'],
    [412, 174, 'Comcast Business'],
  ],
  'value over its caption': (caption, name) => [
    ...top,
    [40, 170, name],
    [300, 170, '03/01/2026'],
    [40, 182, caption],
    [300, 182, 'Date'],
  ],
  'two columns, no colon': (caption, name) => [
    [40, 40, 'Letter of Agency'],
    [54, 70, 'Business Name'],
    [254, 70, 'Harbor Point Dental LLC'],
    [54, 86, caption],
    [254, 86, name],
    [54, 102, 'Title'],
    [254, 102, 'Owner'],
    [54, 118, 'Service Address'],
    [254, 118, '412 Mill Pond Rd, Greenville SC 29601'],
  ],
};

function review(loa: PageText[], csr: PageText[] = csrPages()) {
  return run({ loa: extractFields(loa, 'loa').fields, csr: extractFields(csr, 'csr').fields, pages: { loa, csr } });
}

/** The signer's caption, by the grammar's slots: qualifier × head noun, and the set forms. */
const PERSON_CAPTIONS = [
  // authorize × a person's noun
  'Authorizing Signer',
  'Authorised Signatory',
  'Authorized Officer',
  'Authorizing Official',
  'Authorized Individual',
  'Authorized Party',
  'Customer Authorized Agent',
  "Customer's Authorized Representative",
  'Authorizer',
  'Authoriser Name',
  'Name of Person Authorizing',
  'Person Authorizing Transfer',
  'Authorized By (Print)',
  // the signer by its own nouns, and "<verb>ed by"
  'Signer',
  'Signatory',
  'Full Name of Signer',
  'Signee',
  'Signed By',
  'Executed By',
  'Person Signing',
  // the name printed or typed under the signature
  'Printed Name',
  'Typed Name',
  'Typed or Printed Name',
  'Name (print)',
  'Print Name of Signer',
  // whoever acts or answers for the account
  'Customer Representative',
  'End User Representative',
  'Representative',
  'Representative Name',
  'Officer Name',
  'Contact Person',
  'Responsible Party',
  'Responsible Person',
  'Name of Decision Maker',
  'Approved By',
  'Approver Name',
  'Consenting Party',
  // named to act for the customer
  'Authorized Designee',
  'Customer Designee',
  'Authorized Proxy',
  // one caption for the name and the title
  'Name / Title',
  'Name and Title',
];

describe("the signer's caption by its grammar, in four shapes an LOA prints", () => {
  it('the list holds 30 wordings or more', () => expect(PERSON_CAPTIONS.length).toBeGreaterThanOrEqual(30));
  for (const [shape, page] of Object.entries(SHAPES))
    for (const caption of PERSON_CAPTIONS)
      it(`"${caption}" (${shape}): the name read, another signer a rejection, the same a match`, () => {
        const loa = pageOfLines(page(caption, 'Maria Lopez'));
        expect(extractFields(loa, 'loa').fields.authorized_person?.value).toBe('Maria Lopez');
        const differ = review(loa);
        expect(codes(differ)).toContain(AUTH);
        expect(differ.fields.authorized_person.verdict).toBe('mismatch');
        const same = review(pageOfLines(page(caption, 'Dana Whitfield')));
        expect(codes(same)).not.toContain(AUTH);
        expect(same.fields.authorized_person.verdict).toBe('match');
      });

  for (const caption of ['AuthorizingSigner', 'Typed Nam e', 'SIGNATORY', 'Customer Representative', 'Signed By'])
    it(`a scan's "${caption}" over the name, another "Title" beside it: a rejection, the same signer a match`, () => {
      const page = (name: string) => pageOfLines(SHAPES['captions over values']!(caption, name), 'ocr');
      expect(codes(review(page('Maria Lopez'), csrPages('ocr')))).toContain(AUTH);
      expect(review(page('Dana Whitfield'), csrPages('ocr')).fields.authorized_person.verdict).toBe('match');
    });
});

/** Captions of other things on an LOA's signature block or header, which name no signer. */
const NOT_PERSON_CAPTIONS = [
  'Title',
  'Job Title',
  'Title of Signer',
  'Authorized Signer Title',
  "Signatory's Title",
  'Date Signed',
  'Signature Date',
  'Date of Authorization',
  'Authorization Date',
  'Authorized Signer Date',
  'Signature',
  'Customer Signature',
  'Authorized Signature',
  'Signature of Authorized Person',
  'Business Name',
  'Company Name',
  'Account Holder',
  'Account Representative',
  'Sales Representative',
  'Sales Agent',
  'Customer Service Representative',
  'Signer Phone',
  'Authorized Person Email',
  'Requested By',
  'Authorization Code',
];

describe('captions that name no signer', () => {
  it('the list holds 15 captions or more', () => expect(NOT_PERSON_CAPTIONS.length).toBeGreaterThanOrEqual(15));
  for (const caption of NOT_PERSON_CAPTIONS)
    it(`"${caption}" names something else than the authorized person`, () => {
      expect(conceptOf(labelStems(caption), 'loa')?.field).not.toBe('authorized_person');
    });

  // each with the value it really has, beside the signer printed under "Print Name": the signer is still the one read
  const values: Record<string, string> = {
    Title: 'Office Manager',
    'Title of Signer': 'Office Manager',
    'Authorized Signer Title': 'Owner',
    'Date of Authorization': '03/01/2026',
    'Authorized Signer Date': '03/01/2026',
    'Signer Phone': '864-555-0199',
    'Requested By': 'Meridian Cloud Voice',
    'Account Representative': 'Kevin Marsh',
    'Sales Representative': 'Kevin Marsh',
  };
  for (const [caption, value] of Object.entries(values))
    it(`"${caption}: ${value}" beside the signer's block: the signer read is the printed name`, () => {
      const loa = pageOfLines([
        ...top,
        [40, 150, `${caption}: ${value}`],
        [40, 190, 'Dana Whitfield'],
        [40, 202, 'Print Name'],
      ]);
      expect(extractFields(loa, 'loa').fields.authorized_person?.value).toBe('Dana Whitfield');
      expect(review(loa).fields.authorized_person.verdict).toBe('match');
    });

  it('"Signature" over a drawn signature, a title and a date: no signer read, the business least of all', () => {
    const loa = pageOfLines([
      ...top,
      [40, 170, 'Signature:'],
      [40, 190, 'Title: Owner'],
      [40, 210, 'Date: 03/01/2026'],
    ]);
    const read = extractFields(loa, 'loa').fields.authorized_person?.value;
    expect(read === undefined || !/Harbor|Owner/.test(read)).toBe(true);
  });
});

describe("a scan's faults inside the CSR's signer", () => {
  const record = (line: string) =>
    pageOfLines(
      [
        [40, 40, 'TDS TELECOM CUSTOMER RECORD PAGE 1'],
        [40, 64, 'DT 11/24/2025 ACCT# 140307753'],
        [40, 88, 'CUSTNM HARBOR POINT DENTAL LLC'],
        [40, 100, 'SA ADDR1 412 MILL POND RD'],
        [40, 112, 'GREENVILLE SC 29601'],
        [40, 124, line],
        [40, 136, '--- SVC/EQP ---'],
        [40, 148, '1FB 1 864-555-0142 BUSINESS LINE FLAT RATE'],
      ],
      'ocr',
    );
  const loa = (name: string) => pageOfLines(SHAPES.colon!('Authorized Signer', name));

  for (const [line, name] of [
    ['CONTACT HANNAH E.. KOWALSKI', 'HANNAH E.. KOWALSKI'],
    ['CONTACT PRIYA A.. OKAFOR', 'PRIYA A.. OKAFOR'],
  ] as const)
    it(`a record's "${line}": an initial whose stop was read twice is no dot leader; the signer is read`, () => {
      expect(extractFields(record(line), 'csr').fields.authorized_person?.value).toBe(name);
      expect(codes(review(loa('Maria Lopez'), record(line)))).toContain(AUTH);
    });

  for (const [caption, glued, name] of [
    ['Authorized Person', "Elizabeth'Kim", 'Elizabeth Kim'],
    ['Authorized User', "Marcus'Webb", 'Marcus Webb'],
  ] as const)
    it(`"${caption} ${glued}": a speck read as an apostrophe between first name and surname is a space`, () => {
      const csr = pageOfLines(
        [
          [40, 40, 'Account Service Record'],
          [40, 68, `${caption} ${glued}`],
          [40, 80, 'Subscriber Harbor Point Dental LLC'],
        ],
        'ocr',
      );
      expect(extractFields(csr, 'csr').fields.authorized_person?.value).toBe(name);
      expect(codes(review(loa('Maria Lopez'), csr))).toContain(AUTH);
    });

  it('a surname\'s own apostrophe stays ("Mary O\'Brien", "D\'Angelo")', () => {
    const csr = pageOfLines([
      [40, 40, 'Account Service Record'],
      [40, 68, "Authorized Person: Mary O'Brien"],
    ]);
    expect(extractFields(csr, 'csr').fields.authorized_person?.value).toBe("Mary O'Brien");
  });

  // a portal's line as OCR reads it: the name split inside its words, right after the caption's colon
  const splitAfterColon = (first: [string, string], last: [string, string]) =>
    ocrWords([
      [40, 40, 'Account', 40],
      [85, 40, 'Record', 40],
      [40, 84, 'Firm', 20],
      [62, 84, 'Name:', 28],
      [152, 82, 'Harbor', 36],
      [191, 82, 'Point', 28],
      [222, 82, 'Dental', 34],
      [259, 82, 'LLC', 20],
      [309, 84, 'Authorized', 58],
      [373, 85, 'User:', 28],
      [411, 84, first[0], 6 * first[0].length],
      [411 + 6 * first[0].length, 86, first[1], 6 * first[1].length],
      [455, 85, last[0], 6 * last[0].length],
      [454 + 6 * last[0].length, 85, last[1], 6 * last[1].length],
    ]);
  for (const [first, last] of [
    [
      ['Br', 'idget'],
      ['Fitzg', 'erald'],
    ],
    [
      ['Jo', 'seph'],
      ['Fitz', 'gerald'],
    ],
  ] as [[string, string], [string, string]][])
    it(`"Authorized User: ${first.join(' ')} ${last.join(' ')}": the caption ends at its colon, the name's first piece is the name's`, () => {
      const csr = splitAfterColon(first, last);
      const read = extractFields(csr, 'csr').fields.authorized_person?.value ?? '';
      expect(read.replace(/\s+/g, '')).toBe(`${first.join('')}${last.join('')}`);
      // another signer on the LOA is a rejection; the same one, OCR's split aside, is none
      expect(codes(review(loa('Maria Lopez'), csr))).toContain(AUTH);
      expect(codes(review(loa(`${first.join('')} ${last.join('')}`), csr))).not.toContain(AUTH);
    });

  it('dev port 21171, a heavy scan (portal "Autho rized User: Br idget Fitzg erald"): a predicted AUTH_PERSON_MISMATCH', () => {
    const p = freshTunePort(21171, 'heavy');
    expect(p.csr.layout).toBe('csr-portal');
    expect(codes(reviewPort(p))).toContain(AUTH);
  });

  it('dev port 20151, a heavy scan (csr-fixed "CONTACT HANNAH E.. KOWALSKI"): a predicted AUTH_PERSON_MISMATCH', () => {
    const p = freshTunePort(20151, 'heavy');
    expect(p.csr.layout).toBe('csr-fixed');
    expect(codes(reviewPort(p))).toContain(AUTH);
  });

  it('dev port 20293, a heavy scan (csr-portal "Authorized Person Elizabeth\'Kim"): a predicted AUTH_PERSON_MISMATCH', () => {
    const p = freshTunePort(20293, 'heavy');
    expect(p.csr.layout).toBe('csr-portal');
    expect(codes(reviewPort(p))).toContain(AUTH);
  });

  it('dev port 20019 ("Requested by: Clearline Communications, Inc." over the grid): the signer is no provider', () => {
    const p = freshTunePort(20019, 'heavy');
    expect(extractFields(p.loa.pages, 'loa').fields.authorized_person?.value).toBe('Karen Yilmaz');
    expect(codes(reviewPort(p))).not.toContain(AUTH);
  });
});
