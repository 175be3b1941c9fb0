/**
 * Synthetic LOAs, invoices and CSRs that print the account number, the BTN and the PIN under captions, in
 * each structure the extractor reads (test/unit/extract-number-grammar.test.ts). The three captions and
 * values are the test's variables; the rest of the page is a fixed, plausible document whose other numbers
 * are the distractors a carrier's clerk must not confuse with them: the invoice, order and ticket numbers,
 * a customer ID beside the account number, the statement date and amount due, the carrier's toll-free and
 * fax numbers, the new provider's account, the last four of an SSN beside the PIN, a ZIP. Every name,
 * number and business is ours.
 */
import type { DocumentKind } from '../../shared/domain/document.js';

export type Line = [number, number, string];

/** One field as the page prints it: its caption and its value as written. */
export interface Printed {
  caption: string;
  value: string;
}

/** The three numbers of a page (an invoice has no PIN: carriers never print it on a bill). */
export interface Numbers {
  acct: Printed;
  btn: Printed;
  pin?: Printed;
}

/** Whether a page may carry a customer ID beside the account number: only where the account's caption says account. */
const saysAccount = (caption: string) => /\b(?:acc(?:oun)?t|acct|a\/c|ban|acno|an|acnt)\b/i.test(caption);

const valueX = (caption: string, at = 40) => Math.max(at + 170, at + (caption.length + 3) * 6);
const colon = (caption: string) => (/[:#]$/.test(caption) ? caption : `${caption}:`);

type Shape = (n: Numbers) => Line[];

/** Label-left rows, each value clear of its caption. */
function labelLeft(rows: [string, string][], x = 40, y = 70, step = 20): Line[] {
  const at = Math.max(...rows.map(([c]) => valueX(c, x)));
  return rows.flatMap(([c, v], i): Line[] => [
    [x, y + i * step, colon(c)],
    [at, y + i * step, v],
  ]);
}

/** Boxes: a row of captions over a row of values, each column as wide as its longer text. */
function boxes(cells: [string, string][], x = 40, y = 100): Line[] {
  const out: Line[] = [];
  let at = x;
  for (const [c, v] of cells) {
    out.push([at, y, c], [at, y + 14, v]);
    at += Math.max(c.length, v.length) * 6 + 24;
  }
  return out;
}

const sentence = (caption: string, value: string) =>
  /^(?:your|my|our)\b/i.test(caption) ? `${caption} is ${value}.` : `The ${caption.toLowerCase()} is ${value}.`;

/** The structures of an LOA: label-left, label-above, boxes, prose. */
const LOA: Record<string, Shape> = {
  'LOA label-left': (n) => [
    [40, 40, 'LETTER OF AGENCY'],
    ...labelLeft([
      ['Customer Name', 'Harborline Dental Group'],
      ['Service Address', '120 Harbor Dr, Tampa, FL 33602'],
      [n.acct.caption, n.acct.value],
      [n.btn.caption, n.btn.value],
      ...(n.pin ? [[n.pin.caption, n.pin.value] as [string, string]] : []),
      ['Last 4 of SSN / Tax ID', '6621'],
      ['New Provider Account #', 'GP-77120'],
      ['Order Number', 'ORD-5520193'],
      ['Authorized Signer', 'Dana R. Whitfield'],
      ['Date', '03/14/2026'],
    ]),
  ],
  'LOA label-above': (n) => [
    [40, 40, 'LETTER OF AGENCY'],
    [40, 66, 'Customer Name'],
    [40, 80, 'Harborline Dental Group'],
    [320, 66, 'Date'],
    [320, 80, '03/14/2026'],
    [40, 106, n.acct.caption],
    [40, 120, n.acct.value],
    [320, 106, n.btn.caption],
    [320, 120, n.btn.value],
    ...(n.pin
      ? ([
          [40, 146, n.pin.caption],
          [40, 160, n.pin.value],
        ] as Line[])
      : []),
    [320, 146, 'Last 4 of SSN'],
    [320, 160, '6621'],
    [40, 186, 'Service Address'],
    [40, 200, '120 Harbor Dr, Tampa, FL 33602'],
    [320, 186, 'Fax'],
    [320, 200, '(813) 555-0199'],
    [40, 226, 'Telephone Numbers to Port'],
    [40, 240, '(813) 555-0142, (813) 555-0143'],
    [40, 266, 'Authorized Signature'],
    [40, 280, 'Dana R. Whitfield'],
  ],
  'LOA boxes': (n) => [
    [40, 40, 'LETTER OF AGENCY'],
    [40, 66, 'Customer Name: Harborline Dental Group'],
    ...boxes([
      [n.acct.caption, n.acct.value],
      [n.btn.caption, n.btn.value],
      ...(n.pin ? [[n.pin.caption, n.pin.value] as [string, string]] : []),
    ]),
    ...boxes(
      [
        ['Service ZIP', '33602'],
        ['Order No.', 'ORD-5520193'],
        ['Questions? Call', '1-800-555-0199'],
      ],
      40,
      150,
    ),
    [40, 200, 'Authorized Signer: Dana R. Whitfield'],
    [40, 216, 'Date: 03/14/2026'],
  ],
  'LOA prose': (n) => [
    [40, 40, 'LETTER OF AUTHORIZATION'],
    [40, 70, 'I, Dana R. Whitfield, authorize Granite Peak Telecom to port the numbers below on behalf of'],
    [40, 84, 'Harborline Dental Group, 120 Harbor Dr, Tampa, FL 33602.'],
    [40, 104, sentence(n.acct.caption, n.acct.value)],
    [40, 118, sentence(n.btn.caption, n.btn.value)],
    ...(n.pin ? ([[40, 132, sentence(n.pin.caption, n.pin.value)]] as Line[]) : []),
    [40, 152, 'Numbers: (813) 555-0142, (813) 555-0143'],
    [40, 172, 'Signed 03/14/2026, order ORD-5520193.'],
  ],
};

/** The structures of an invoice: header band, summary panel, remittance stub. */
const INVOICE: Record<string, Shape> = {
  'invoice header band': (n) => [
    [40, 40, 'Granite Peak Telecom'],
    [40, 54, 'Customer care 1-800-555-0199   Fax (813) 555-0199'],
    [420, 40, 'INVOICE'],
    ...boxes(
      [
        [n.acct.caption, n.acct.value],
        ['Invoice Number', 'INV-2026-0318'],
        ['Statement Date', '03/01/2026'],
        ['Amount Due', '$184.20'],
      ],
      40,
      80,
    ),
    [40, 130, 'Harborline Dental Group'],
    [40, 142, 'PO Box 4410'],
    [40, 154, 'Tampa, FL 33601'],
    [40, 180, `${colon(n.btn.caption)} ${n.btn.value}`],
    [40, 206, 'Monthly Service  (813) 555-0142   $84.20'],
    [40, 220, 'Monthly Service  (813) 555-0143   $100.00'],
  ],
  'invoice summary panel': (n) => [
    [40, 40, 'Granite Peak Telecom'],
    [420, 40, 'Invoice'],
    [40, 96, 'Harborline Dental Group'],
    [40, 108, 'PO Box 4410'],
    [40, 120, 'Tampa, FL 33601'],
    [330, 70, 'Account Summary'],
    ...labelLeft(
      [
        ...(saysAccount(n.acct.caption) ? [['Customer ID', 'C-420915'] as [string, string]] : []),
        [n.acct.caption, n.acct.value],
        ['Invoice Number', 'INV-2026-0318'],
        [n.btn.caption, n.btn.value],
        ['Statement Date', '03/01/2026'],
        ['Amount Due', '$184.20'],
      ],
      330,
      86,
      14,
    ),
    [40, 200, 'Monthly Service  (813) 555-0142   $84.20'],
    [40, 214, 'Questions? Call 1-800-555-0199'],
  ],
  'invoice remittance stub': (n) => [
    [40, 40, 'Granite Peak Telecom'],
    [420, 40, 'Invoice INV-2026-0318'],
    [40, 70, 'Statement Date: 03/01/2026'],
    [40, 86, `${colon(n.btn.caption)} ${n.btn.value}`],
    [40, 110, 'Monthly Service  (813) 555-0142   $84.20'],
    [40, 240, '- - - - - - - - - - - - - - - - - - - - - - - - - - - -'],
    [40, 256, 'Please return this portion with your payment.'],
    ...boxes(
      [
        [n.acct.caption, n.acct.value],
        ['Amount Due', '$184.20'],
        ['Amount Enclosed', '$ ________'],
      ],
      40,
      276,
    ),
    [40, 320, 'Remit to: Granite Peak Telecom, PO Box 9100, Denver, CO 80202'],
  ],
};

const MONO_W = 14;
const rec = (t: string, val: string) => `${t.padEnd(MONO_W)}${val}`.toUpperCase();

/** The structures of a CSR: key: value, screen print, letter (record tags: `tagRecord`). */
const CSR: Record<string, Shape> = {
  'CSR key: value': (n) => [
    [48, 44, 'Northwind Business'],
    [420, 44, 'Customer Service Record'],
    [48, 72, 'Account Name: Harborline Dental Group'],
    [48, 88, `${colon(n.acct.caption)} ${n.acct.value}`],
    [48, 104, `${colon(n.btn.caption)} ${n.btn.value}`],
    ...(n.pin ? ([[48, 120, `${colon(n.pin.caption)} ${n.pin.value}`]] as Line[]) : []),
    [48, 136, 'Service Address: 120 Harbor Dr, Tampa, FL 33602'],
    [48, 152, 'Ticket Number: 88130221'],
    [48, 168, 'Status: Active'],
    [48, 194, 'Telephone Numbers: (813) 555-0142, (813) 555-0143'],
  ],
  'CSR screen print': (n) => {
    const pair = (a: Printed, b?: Printed) =>
      `${`${colon(a.caption)} ${a.value}   `.padEnd(44)}${b ? `${colon(b.caption)} ${b.value}` : ''}`.toUpperCase();
    return [
      'NWB400   CUSTOMER SERVICE RECORD INQUIRY          03/14/26  10:42',
      pair(n.acct, { caption: 'REQ NO', value: '55201' }),
      pair(n.btn, { caption: 'ZIP', value: '33602' }),
      pair({ caption: 'CUST NAME', value: 'HARBORLINE DENTAL GROUP' }),
      ...(n.pin ? [pair(n.pin, { caption: 'SSN4', value: '6621' })] : []),
      pair({ caption: 'SVC ADDR', value: '120 HARBOR DR TAMPA FL' }),
      '--- LINES ---',
      '813 555-0142   1FB   BUSINESS LINE',
      '813 555-0143   1FB   BUSINESS LINE',
      'PF3=EXIT  PF7=BACK  PF8=FWD',
    ].map((r, i): Line => [36, 56 + i * 11, r]);
  },
  'CSR letter': (n) => [
    [48, 44, 'Northwind Business'],
    [48, 58, 'PO Box 900, Denver, CO 80202   Fax (303) 555-0190'],
    [48, 90, 'March 14, 2026'],
    [48, 110, 'Harborline Dental Group'],
    [48, 122, '120 Harbor Dr, Tampa, FL 33602'],
    [48, 150, 'Dear Customer,'],
    [48, 166, 'As requested (ticket 88130221), here is the record we hold for your service.'],
    [48, 182, sentence(n.acct.caption, n.acct.value)],
    [48, 196, sentence(n.btn.caption, n.btn.value)],
    ...(n.pin ? ([[48, 210, sentence(n.pin.caption, n.pin.value)]] as Line[]) : []),
    [48, 226, 'Lines on the account: (813) 555-0142, (813) 555-0143.'],
    [48, 246, 'Questions? Call us at 1-800-555-0199.'],
  ],
};

/** A mainframe record: each field under its tag, padded to MONO_W, among the record's other tags. */
export function tagRecord(n: Numbers): Line[] {
  const rows = [
    'NORTHWIND TEL   CUSTOMER SERVICE RECORD            PAGE 1',
    rec('REQ', '55201'),
    rec(n.acct.caption, n.acct.value),
    rec(n.btn.caption, n.btn.value),
    rec('CUST', 'HARBORLINE DENTAL GROUP'),
    rec('SA', '120 HARBOR DR'),
    rec('', 'TAMPA FL 33602'),
    ...(n.pin ? [rec(n.pin.caption, n.pin.value)] : []),
    rec('SSN4', '6621'),
    '--- S&E ---',
    '1FB    1    813 555-0142  BUSINESS LINE FLAT RATE',
    '1FB    1    813 555-0143  BUSINESS LINE FLAT RATE',
  ];
  return rows.map((r, i): Line => [36, 56 + i * 11, r]);
}

export const SHAPES: Record<DocumentKind, Record<string, Shape>> = {
  loa: LOA,
  invoice: INVOICE,
  csr: CSR,
} as Record<DocumentKind, Record<string, Shape>>;
