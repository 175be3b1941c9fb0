import { describe, expect, it } from 'vitest';
import type { DocumentKind } from '../../shared/domain/document.js';
import { extractFields } from '../../electron/core/extract/index.js';
import { pageOf, type TextLine } from '../fixtures/generator/handmade.js';

/**
 * Issue 9: a wording nobody tuned on, of a concept the vocabulary knows, still lands in its field —
 * and a distractor's unseen wording (a DBA, a signer's title) does not take a field. None of these
 * wordings is a phrase of the label table: they land through the registry's concepts (stems,
 * abbreviations, dotted initials, hints), as a carrier's unseen form would.
 */

const bold = { font: 'sans-bold' as const };

/** A label-left form: each [label, value] on its own row, the label bold with a colon. */
function form(rows: [string, string][], kind: DocumentKind) {
  const lines: TextLine[] = [[72, 60, 'Letter of Authorization', bold]];
  rows.forEach(([label, value], i) => {
    lines.push([72, 100 + i * 22, `${label}:`, bold], [260, 100 + i * 22, value]);
  });
  return extractFields([pageOf(lines)], kind).fields;
}

/** A boxed grid: three cells a row, a small upper-case caption above each value (no colons). */
function grid(cells: [string, string][], kind: DocumentKind) {
  const lines: TextLine[] = [[72, 60, 'Customer Service Record', bold]];
  cells.forEach(([label, value], i) => {
    const x = 72 + (i % 3) * 170;
    const y = 100 + Math.floor(i / 3) * 40;
    lines.push([x, y, label.toUpperCase(), { size: 7 }], [x, y + 13, value]);
  });
  return extractFields([pageOf(lines)], kind).fields;
}

const BASE: [string, string][] = [
  ['Customer Name', 'Blue Ridge Bakery, LLC'],
  ['Authorized Signer', 'Dana K. Whitfield'],
  ['Account Number', '4412098'],
];

describe('unseen wordings of a known concept land in its field', () => {
  it.each(['Secret Code', 'SECRET CODE', 'Account Passphrase'])('PIN after "%s" (form)', (label) => {
    const f = form([...BASE, [label, '70231']], 'loa');
    expect(f.pin?.value).toBe('70231');
    // a passphrase is no account number: the account keeps its own
    expect(f.account_number?.value).toBe('4412098');
  });

  it('PIN under a "Secret Code" caption (grid)', () => {
    const f = grid(
      [
        ['Company / Business', 'Harbor Light Title & Escrow LLP'],
        ['Auth. Contact', 'David Zhang'],
        ['Master Account', '8202 81 238'],
        ['Billing Phone', '801 807 4798'],
        ['Secret Code', '3052'],
      ],
      'loa',
    );
    expect(f.pin?.value).toBe('3052');
  });

  it.each(['Serviced Address', 'SERVICED ADDRESS'])('service address after "%s"', (label) => {
    const f = form(
      [
        ['Customer Name', 'Blue Ridge Bakery, LLC'],
        ['Account Number', '4412098'],
        [label, '2210 Harbor Dr, Tampa, FL 33602'],
      ],
      'invoice',
    );
    expect(f.service_address?.value.street_line).toBe('2210 Harbor Dr');
    expect(f.service_address?.value.city).toBe('Tampa');
  });

  // beside a due date, the record's own date under an unseen caption is the document date
  it.each([
    ['Report Dt', 'csr'],
    ['Inquiry Date', 'csr'],
    ['Inv. Date', 'invoice'],
  ] as const)('document date under "%s" (%s), not the due date', (label, kind) => {
    const f = grid(
      [
        ['Customer Name', 'Blue Ridge Bakery, LLC'],
        ['Authorized Contact', 'Dana K. Whitfield'],
        ['Acct. #', '4412098'],
        ['Due Date', '04/15/2025'],
        [label, '03/21/2025'],
        ['Premises', '2210 Harbor Dr, Tampa, FL 33602'],
      ],
      kind,
    );
    expect(f.document_date?.value).toBe('2025-03-21');
  });

  it('the city part after "City Name", not a person', () => {
    const f = form(
      [
        ['Customer Name', 'Blue Ridge Bakery, LLC'],
        ['Account Number', '4412098'],
        ['Service Address', '2210 Harbor Dr'],
        ['City Name', 'Tampa'],
        ['State', 'FL'],
        ['ZIP', '33602'],
      ],
      'loa',
    );
    expect(f.service_address?.value.city).toBe('Tampa');
    // "City Name" is no signer's name label on an LOA
    expect(f.authorized_person?.value).not.toBe('Tampa');
  });
});

describe('an unseen caption whose head noun names the field (no colon)', () => {
  it.each(['Authorised Signatory', 'Primary Contact'])('authorized person under "%s" (grid)', (label) => {
    const f = grid(
      [
        ['Firm Name', 'Sandhill Pediatric Associates PC'],
        [label, 'Omar K. Morales'],
        ['Account Identifier', '343473584'],
        ['Main Tel. #', '(251) 555-0168'],
      ],
      'loa',
    );
    expect(f.authorized_person?.value).toBe('Omar K. Morales');
  });

  it('account number beside a "Provider Account" caption', () => {
    const lines: TextLine[] = [
      [40, 60, 'STEP 1: Current provider', bold],
      [40, 90, 'CURRENT PROVIDER'],
      [170, 90, 'Consolidated Communications'],
      [40, 110, 'ACCOUNT HOLDER NAME'],
      [170, 110, 'High Desert Bakery & Cafe, LLC'],
      [40, 130, 'PROVIDER ACCOUNT'],
      [170, 130, '462075285'],
    ];
    expect(extractFields([pageOf(lines)], 'loa').fields.account_number?.value).toBe('462075285');
  });

  it("a wrapped name's tail that reads as label words stays the name's", () => {
    const lines: TextLine[] = [
      [48, 60, 'Letter of Authorization', bold],
      [48, 100, 'Billing Name:', bold],
      [164, 100, 'Gulf Breeze Print &'],
      [164, 112, 'Sign, Co.'],
      [48, 130, 'Account Number:', bold],
      [164, 130, '613494042'],
    ];
    expect(extractFields([pageOf(lines)], 'loa').fields.account_name?.value).toBe('Gulf Breeze Print & Sign, Co.');
  });
});

describe('an unseen label run straight into its value (no colon, one text run)', () => {
  /** Each row one run of text: the label, then the value, no colon between. */
  function runs(rows: string[], kind: DocumentKind) {
    const lines: TextLine[] = [[72, 60, 'Number Transfer Authorization Form', bold]];
    rows.forEach((r, i) => lines.push([72, 100 + i * 20, r]));
    return extractFields([pageOf(lines)], kind).fields;
  }

  it('PIN after "Account Passphrase"', () => {
    const f = runs(
      ['Customer Name Blue Ridge Bakery, LLC', 'Account Number 4412098', 'Account Passphrase 68659310'],
      'loa',
    );
    expect(f.pin?.value).toBe('68659310');
    expect(f.account_number?.value).toBe('4412098');
  });

  it('service address after "Serviced Address", the label not in the street', () => {
    const f = runs(
      [
        'Customer Name Blue Ridge Bakery, LLC',
        'Account Number 4412098',
        'Serviced Address 21986 Ridge Terrace, Unit 40C, White Plains, NY 10602',
      ],
      'loa',
    );
    expect(f.service_address?.value.street_line).toBe('21986 Ridge Terrace');
    expect(f.service_address?.value.unit).toBe('Unit 40C');
  });
});

describe('unseen wordings of a distractor take no field', () => {
  it.each(['Fictitious Business Name', 'DBA Name'])('a DBA worded "%s" is not the account name (form)', (label) => {
    const f = form(
      [
        [label, 'Sunny Smiles'],
        ['Authorized Signer', 'Dana K. Whitfield'],
        ['Account Number', '4412098'],
      ],
      'csr',
    );
    expect(f.account_name?.value).not.toBe('Sunny Smiles');
  });

  it('a DBA captioned "Fictitious Business Name" is not the account name (grid)', () => {
    const f = grid(
      [
        ['Account Number', '8202 81 238'],
        ['Fictitious Business Name', 'Sunny Smiles'],
        ['Billing Phone', '801 807 4798'],
        ['Authorized User', 'David Zhang'],
      ],
      'csr',
    );
    expect(f.account_name?.value).not.toBe('Sunny Smiles');
  });

  it('a title captioned "Position Held" is not the authorized person (grid)', () => {
    const f = grid(
      [
        ['Company / Business', 'Harbor Light Title & Escrow LLP'],
        ['Auth. Contact', 'David Zhang'],
        ['Position Held', 'Operations Manager'],
        ['Master Account', '8202 81 238'],
      ],
      'loa',
    );
    expect(f.authorized_person?.value).toBe('David Zhang');
  });
});
