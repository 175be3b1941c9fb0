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

describe('unseen wordings of a distractor take no field', () => {
  it.each(['Brand Name', 'Fictitious Business Name', 'DBA Name'])(
    'a DBA worded "%s" is not the account name (form)',
    (label) => {
      const f = form(
        [
          [label, 'Sunny Smiles'],
          ['Authorized Signer', 'Dana K. Whitfield'],
          ['Account Number', '4412098'],
        ],
        'csr',
      );
      expect(f.account_name?.value).not.toBe('Sunny Smiles');
    },
  );

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
