import { describe, expect, it } from 'vitest';
import type { DocumentKind } from '../../shared/domain/document.js';
import { buildLayout, segText } from '../../electron/core/extract/layout.js';
import type { LabelField } from '../../electron/core/extract/labels.js';
import { pageOf } from '../fixtures/generator/handmade.js';

/*
 * Label concepts, not a list of phrases: wordings carriers print for each field (written from how
 * telecom bills, LOAs and CSRs label things, not from any pool of the generator), in the shapes they
 * come in — abbreviations, "No."/"#"/"Nbr"/"ID", hints in parentheses, inverted word order, plurals,
 * upper case, glued punctuation — and near-miss labels whose words mean something else. Each label
 * stands in its own cell with a value beside it, as in a key/value form.
 */

/** The field the label matcher gives the label cell standing first on the line (null: no label). */
function fieldOf(label: string, value: string, kind: DocumentKind): LabelField | null {
  // the value's column starts well after the label, as in a form
  const doc = buildLayout(
    [
      pageOf([
        [72, 100, label],
        [Math.max(300, 100 + 6 * label.length), 100, value],
      ]),
    ],
    kind,
  );
  const first = doc.lines[0]!.segs[0]!;
  const hit = doc.hits.find((h) => h.seg.id === first.id && h.start === 0);
  if (!hit) return null;
  // a label hit must cover the whole label cell: a hit on its first word only is another label
  if (hit.end < first.toks.length && !/^[^A-Za-z]*$/.test(segText(first.toks.slice(hit.end)))) return null;
  return hit.field;
}

type Row = [label: string, field: LabelField];

const VALUES: Partial<Record<LabelField, string>> = {
  account_name: 'Blue Ridge Bakery, LLC',
  authorized_person: 'Maria Delgado',
  btn: '(312) 555-0147',
  account_number: '8310 0123 4567',
  pin: '4821',
  service_address: '120 Harbor Dr, Tampa, FL 33602',
  billing_address: 'PO Box 90412, Austin, TX 78709',
  phone_list: '(312) 555-0147',
  to_port: '(312) 555-0147',
  document_date: '03/14/2026',
};

const ACCOUNT_NAME: string[] = [
  'Customer Name:',
  'Business Name:',
  'Company Name:',
  'Account Name:',
  'Name on Account:',
  'Name on the Account:',
  'Legal Name:',
  'Legal Entity Name:',
  'Entity Name:',
  'Subscriber Name:',
  'Account Holder:',
  "Account Holder's Name:",
  'Name of Account Holder:',
  'Customer Legal Name:',
  'Business Legal Name:',
  'Company Legal Name:',
  'Name of Business:',
  'Name of Company:',
  'Name of Customer:',
  'Name of Subscriber:',
  'Company:',
  'Customer:',
  'Subscriber:',
  'End User Name:',
  'Registered Business Name:',
  'Organization:',
  'Organisation Name:',
  'Corporate Name:',
  'Firm Name:',
  'Account Owner:',
  'Account Owner Name:',
  'Customer of Record:',
  'Business Name (exactly as it appears on your bill):',
  'Company Name (as listed on invoice):',
  'CUSTOMER NAME:',
  'Cust. Name:',
  'Cust Nm:',
  'Bus. Name:',
  'Co. Name:',
  'Client Name:',
  'Billing Name:',
  'Name on Bill:',
  'Customer/Business Name:',
  'Business Entity Name:',
  'Name (as shown on bill):',
];

const AUTHORIZED_PERSON: string[] = [
  'Authorized Signer:',
  'Authorized Signer Name:',
  'Authorized Person:',
  'Authorised Person:',
  'Authorized Representative:',
  'Authorized Rep:',
  'Auth. Rep.:',
  'Name of Authorized Signer:',
  'Name of Authorized Representative:',
  'Signer:',
  "Signer's Name:",
  'Signatory:',
  'Printed Name:',
  'Print Name:',
  'Name (print):',
  'Name (please print):',
  'Authorizing Party:',
  'Authorized Contact:',
  'Person Authorizing Port:',
  'Authorized Agent:',
  'Authorized Individual:',
  'Authorized By:',
  'Authorized Official:',
  'Authorized Officer:',
  'Name of Person Authorizing:',
  'AUTHORIZED SIGNER:',
];

const BTN: string[] = [
  'Billing Telephone Number:',
  'Billing Tel. No.:',
  'BTN:',
  'Billing Telephone #:',
  'Main Number:',
  'Main Phone Number:',
  'Main Telephone No.:',
  'Primary Number:',
  'Primary Phone:',
  'Primary Telephone Number:',
  'Main Billing Number:',
  'Billed Telephone Number:',
  'Account Telephone Number:',
  'Main Line:',
  'Pilot Number:',
  'Main TN:',
  'Billing TN:',
  'BTN (Main Number):',
  'Billing Phone No.:',
  'Main Tel #:',
  'Bill Tel No:',
  'ATN:',
  'Billing Telephone Nbr:',
  'BILLING TELEPHONE NUMBER:',
  'Telephone Number (Billing):',
  'Main Account Number (BTN):',
];

const ACCOUNT_NUMBER: string[] = [
  'Account Number:',
  'Account No.:',
  'Account #:',
  'Acct. No.:',
  'Acct #:',
  'Acct. Nbr.:',
  'Account Nbr:',
  'A/C No.:',
  'A/C #:',
  'Account ID:',
  'Acct ID:',
  'Customer Account Number:',
  'Customer Number:',
  'Customer No.:',
  'Customer ID:',
  'Cust. ID:',
  'Customer #:',
  'Billing Account Number:',
  'Billing Account No.:',
  'BAN:',
  'Billing Acct #:',
  'Master Account Number:',
  'Account Num:',
  'ACCOUNT NUMBER:',
  'Number of Account:',
  'Account Number (with current carrier):',
  'Your Account Number:',
  'Acct. Number:',
  'Service Account No.:',
  'Wireless Account Number:',
  'Account Identifier:',
  'Client ID:',
  'Client Number:',
  'Acct:',
  'Account:',
  'Billing Account ID:',
  'Customer Account ID:',
  'Acct No (see top of bill):',
];

const PIN: string[] = [
  'PIN:',
  'Passcode:',
  'Pass Code:',
  'Password:',
  'Account PIN:',
  'Account Passcode:',
  'Account Password:',
  'Port-Out PIN:',
  'Port Out PIN:',
  'Port-Out Passcode:',
  'Transfer PIN:',
  'Number Transfer PIN:',
  'Security Code:',
  'Security PIN:',
  'Security Passcode:',
  'Customer PIN:',
  'PIN Number:',
  'PIN #:',
  'PIN/Passcode:',
  'Passcode/PIN:',
  'Porting PIN:',
  'Wireless PIN:',
  'Account Security Code:',
  'Verbal Password:',
  'Security Password:',
  'Port Authorization Code:',
  'Passcode (4-10 digits):',
  'PIN (if any):',
  'Account PIN (if applicable):',
  'Acct PIN:',
  'P.I.N.:',
  'Customer Passcode:',
  'Port Out Password:',
  'Transfer Code:',
  'Account Transfer PIN:',
  'Number Transfer PIN (NTP):',
  'PIN Code:',
  'PASSCODE:',
  'Pass-code:',
  'Port-Out PINs:',
];

const SERVICE_ADDRESS: string[] = [
  'Service Address:',
  'Service Location:',
  'Location of Service:',
  'Service Address (no P.O. Box):',
  'Physical Address:',
  'Physical Location:',
  'Installation Address:',
  'Install Address:',
  'Installation Location:',
  'Premises Address:',
  'Premise Address:',
  'Site Address:',
  'Site Location:',
  'Service Site:',
  'E911 Address:',
  '911 Address:',
  'Service Street Address:',
  'Svc. Addr.:',
  'Service Addr:',
  'Location Address:',
  'End User Address:',
  'Address of Service:',
  'Address Where Service Is Provided:',
  'Service Provided At:',
  'Service Location Address:',
  'Address (Service):',
  'Address of Premises:',
  'Address of Installation:',
  'Premises:',
  'Location:',
  'Service Premises:',
  'Installed At:',
  'Physical Service Location:',
  'Service Addresses:',
  'SERVICE ADDRESS:',
  'Svc Loc:',
];

const BILLING_ADDRESS: string[] = [
  'Billing Address:',
  'Mailing Address:',
  'Bill To:',
  'Bill-To Address:',
  'Billing Mailing Address:',
  'Invoice Address:',
  'Statement Address:',
  'Mail To:',
  'Billing Addr:',
  'Bill To Name & Address:',
];

const NUMBERS: string[] = [
  'Telephone Numbers:',
  'Telephone Numbers to Port:',
  'Numbers to Port:',
  'Number(s) to be Ported:',
  'Phone Numbers Being Ported:',
  'TNs to Port:',
  'Numbers to Transfer:',
  'Lines to Port:',
  'Working Telephone Numbers:',
  'DID Range:',
  'Ported Numbers:',
  'Numbers Porting:',
  'Telephone No(s).:',
  'Phone Numbers:',
];

const DATES: [string, DocumentKind][] = [
  ['Invoice Date:', 'invoice'],
  ['Statement Date:', 'invoice'],
  ['Bill Date:', 'invoice'],
  ['Date of Invoice:', 'invoice'],
  ['Billing Date:', 'invoice'],
  ['Date Issued:', 'invoice'],
  ['Issue Date:', 'invoice'],
  ['Invoice Dt:', 'invoice'],
  ['Date:', 'loa'],
  ['Dated:', 'loa'],
  ['Date Signed:', 'loa'],
  ['Signature Date:', 'loa'],
  ['Date of Signature:', 'loa'],
  ['Print Date:', 'csr'],
];

/** Near misses: labels sharing a word with a concept whose meaning is another thing. */
const NEAR_MISSES: [label: string, not: LabelField, kind: DocumentKind, value: string][] = [
  ['Invoice Number:', 'account_number', 'invoice', '8310 0123 4567'],
  ['Invoice No.:', 'account_number', 'invoice', '8310 0123 4567'],
  ['Invoice #:', 'account_number', 'invoice', '8310 0123 4567'],
  ['Invoice ID:', 'account_number', 'invoice', '8310 0123 4567'],
  ['Order Number:', 'account_number', 'loa', '8310 0123 4567'],
  ['Order #:', 'account_number', 'loa', '8310 0123 4567'],
  ['Statement Number:', 'account_number', 'invoice', '8310 0123 4567'],
  ['Confirmation Number:', 'account_number', 'loa', '8310 0123 4567'],
  ['Reference Number:', 'account_number', 'invoice', '8310 0123 4567'],
  ['Ticket Number:', 'account_number', 'csr', '8310 0123 4567'],
  ['Case Number:', 'account_number', 'csr', '8310 0123 4567'],
  ['Sub-Account Number:', 'account_number', 'invoice', '8310 0123 4567'],
  ['Tax ID:', 'account_number', 'loa', '8310 0123 4567'],
  ['Federal Tax ID Number:', 'account_number', 'loa', '8310 0123 4567'],
  ['Purchase Order No.:', 'account_number', 'invoice', '8310 0123 4567'],
  ['PO Number:', 'account_number', 'invoice', '8310 0123 4567'],
  ['Account Balance:', 'account_number', 'invoice', '$1,204.50'],
  ['Account Status:', 'account_number', 'csr', 'Active'],
  ['Account Type:', 'account_number', 'csr', 'Business'],
  ['Circuit ID:', 'account_number', 'csr', '8310 0123 4567'],
  ['Serial Number:', 'account_number', 'csr', '8310 0123 4567'],
  ['Customer Service:', 'btn', 'invoice', '(800) 555-0100'],
  ['Customer Service Phone:', 'btn', 'invoice', '(800) 555-0100'],
  ['Customer Service Number:', 'btn', 'invoice', '(800) 555-0100'],
  ['Contact Phone:', 'btn', 'loa', '(312) 555-0147'],
  ['Fax Number:', 'btn', 'loa', '(312) 555-0147'],
  ['Support Number:', 'btn', 'invoice', '(800) 555-0100'],
  ['Callback Number:', 'btn', 'loa', '(312) 555-0147'],
  ['Customer Care:', 'btn', 'invoice', '(800) 555-0100'],
  ['Customer Service Phone:', 'account_number', 'invoice', '(800) 555-0100'],
  ['Customer Service Number:', 'account_number', 'invoice', '(800) 555-0100'],
  ['Remit To:', 'service_address', 'invoice', 'PO Box 90412, Austin, TX 78709'],
  ['Remittance Address:', 'service_address', 'invoice', 'PO Box 90412, Austin, TX 78709'],
  ['Payment Address:', 'service_address', 'invoice', 'PO Box 90412, Austin, TX 78709'],
  ['Send Payments To:', 'service_address', 'invoice', 'PO Box 90412, Austin, TX 78709'],
  ['Remit To:', 'billing_address', 'invoice', 'PO Box 90412, Austin, TX 78709'],
  ['Billing Address:', 'service_address', 'invoice', 'PO Box 90412, Austin, TX 78709'],
  ['Mailing Address:', 'service_address', 'loa', 'PO Box 90412, Austin, TX 78709'],
  ['Due Date:', 'document_date', 'invoice', '03/14/2026'],
  ['Payment Due Date:', 'document_date', 'invoice', '03/14/2026'],
  ['Due By:', 'document_date', 'invoice', '03/14/2026'],
  ['Requested Port Date:', 'document_date', 'loa', '03/14/2026'],
  ['Customer Since:', 'document_date', 'csr', '03/14/2026'],
  ['Billing Period:', 'document_date', 'invoice', '03/14/2026'],
  ['Date of Birth:', 'document_date', 'loa', '03/14/2026'],
  ['Amount Due:', 'account_number', 'invoice', '$1,204.50'],
  ['Total Amount Due:', 'account_number', 'invoice', '$1,204.50'],
  ['Doing Business As:', 'account_name', 'invoice', 'Blue Ridge Bakery'],
  ['DBA:', 'account_name', 'invoice', 'Blue Ridge Bakery'],
  ['Trade Name:', 'account_name', 'invoice', 'Blue Ridge Bakery'],
  ['Carrier Name:', 'account_name', 'loa', 'Northwind Telecom'],
  ['Customer Service:', 'account_name', 'invoice', '(800) 555-0100'],
  ['Title:', 'authorized_person', 'loa', 'Office Manager'],
  ['Signature:', 'authorized_person', 'loa', 'Maria Delgado'],
  ['ZIP Code:', 'pin', 'loa', '33602'],
  ['Extension:', 'pin', 'loa', '4821'],
  ['Promo Code:', 'pin', 'loa', '4821'],
  ['Tax Code:', 'pin', 'csr', '4821'],
  ['Numbers Not to Port:', 'to_port', 'loa', '(312) 555-0147'],
  ['Numbers Not to Port:', 'phone_list', 'loa', '(312) 555-0147'],
  ['Fax Number:', 'phone_list', 'loa', '(312) 555-0147'],
  ['Customer Service Number:', 'phone_list', 'invoice', '(800) 555-0100'],
  ['Customer Service Phone Number:', 'phone_list', 'invoice', '(800) 555-0100'],
  ['Customer Service Phone Number:', 'btn', 'loa', '(800) 555-0100'],
  ['Support Line:', 'btn', 'loa', '(800) 555-0100'],
  ['Repair Number:', 'phone_list', 'invoice', '(800) 555-0100'],
  ['Tax Account Number:', 'account_number', 'invoice', '8310 0123 4567'],
  ['State Tax ID:', 'account_number', 'loa', '8310 0123 4567'],
  ['Account Manager:', 'account_number', 'invoice', 'Joe Smith'],
  ['Billing Address (if different from service address):', 'service_address', 'loa', 'PO Box 90412, Austin, TX 78709'],
  ['Account Number (with current carrier):', 'carrier_name', 'loa', '8310 0123 4567'],
];

function rows(labels: string[], field: LabelField): Row[] {
  return labels.map((l) => [l, field]);
}

describe('label concepts: wordings nobody listed land on their concept', () => {
  const cases: [string, LabelField, DocumentKind][] = [
    ...rows(ACCOUNT_NAME, 'account_name').map(([l, f]) => [l, f, 'invoice'] as [string, LabelField, DocumentKind]),
    ...rows(AUTHORIZED_PERSON, 'authorized_person').map(
      ([l, f]) => [l, f, 'loa'] as [string, LabelField, DocumentKind],
    ),
    ...rows(BTN, 'btn').map(([l, f]) => [l, f, 'loa'] as [string, LabelField, DocumentKind]),
    ...rows(ACCOUNT_NUMBER, 'account_number').map(([l, f]) => [l, f, 'invoice'] as [string, LabelField, DocumentKind]),
    ...rows(PIN, 'pin').map(([l, f]) => [l, f, 'loa'] as [string, LabelField, DocumentKind]),
    ...rows(SERVICE_ADDRESS, 'service_address').map(([l, f]) => [l, f, 'loa'] as [string, LabelField, DocumentKind]),
    ...rows(BILLING_ADDRESS, 'billing_address').map(
      ([l, f]) => [l, f, 'invoice'] as [string, LabelField, DocumentKind],
    ),
    ...DATES.map(([l, kind]) => [l, 'document_date', kind] as [string, LabelField, DocumentKind]),
  ];
  it.each(cases)('"%s" names %s (%s)', (label, field, kind) => {
    expect(fieldOf(label, VALUES[field]!, kind)).toBe(field);
  });

  it.each(NUMBERS)('"%s" names the numbers', (label) => {
    expect(['phone_list', 'to_port']).toContain(fieldOf(label, VALUES.phone_list!, 'loa'));
  });
});

describe('label concepts: near misses do not land on the concept they share a word with', () => {
  it.each(NEAR_MISSES)('"%s" is not %s (%s)', (label, not, kind, value) => {
    expect(fieldOf(label, value, kind)).not.toBe(not);
  });
});

/** The field of a record line's tag: a fixed-width CSR line, the tag in capitals, its value after a gap. */
function tagFieldOf(tag: string, value: string): LabelField | null {
  const mono = { font: 'mono' as const };
  const doc = buildLayout(
    [
      pageOf([
        [40, 80, 'CUSTOMER SERVICE RECORD', mono],
        [40, 100, tag, mono],
        [130, 100, value, mono],
        [40, 112, 'CTY', mono],
        [130, 112, 'TAMPA FL 33602', mono],
      ]),
    ],
    'csr',
  );
  const first = doc.lines[1]!.segs[0]!;
  return doc.hits.find((h) => h.seg.id === first.id && h.start === 0)?.field ?? null;
}

const RECORD_TAGS: [tag: string, field: LabelField, value: string][] = [
  ...['ACCT NO', 'ACN', 'ACCT#', 'CUST ID', 'A/C', 'ACCT NBR', 'CUSTNO', 'ACCTID', 'BILL ACCT'].map(
    (t) => [t, 'account_number', '5512 0934 11'] as [string, LabelField, string],
  ),
  ...['PIN', 'PASSCD', 'PSWD', 'PWD', 'SEC CODE', 'XFER PIN', 'PORT PIN', 'ACCT PIN', 'SEC PIN', 'PASSWD'].map(
    (t) => [t, 'pin', '4821'] as [string, LabelField, string],
  ),
  ...['CUS NM', 'CNAM', 'CUST NAME', 'BUS NM', 'CO NAME'].map(
    (t) => [t, 'account_name', 'BLUE RIDGE BAKERY LLC'] as [string, LabelField, string],
  ),
  ...['BTN', 'MAIN TN', 'BILL TN', 'ATN', 'BILLTN', 'MAIN TEL'].map(
    (t) => [t, 'btn', '312-555-0147'] as [string, LabelField, string],
  ),
  ...['SA', 'SVC ADDR', 'PREM', 'PREM ADDR', 'LOC', 'SVC LOC', 'INST ADDR', 'SVCLOC'].map(
    (t) => [t, 'service_address', '120 HARBOR DR'] as [string, LabelField, string],
  ),
  ...['AUTH', 'AUTH NM', 'CNTCT', 'AUTH USR'].map(
    (t) => [t, 'authorized_person', 'MARIA DELGADO'] as [string, LabelField, string],
  ),
];

describe('label concepts: record tags of a fixed-width CSR, abbreviated and glued', () => {
  it.each(RECORD_TAGS)('"%s" names %s', (tag, field, value) => {
    expect(tagFieldOf(tag, value)).toBe(field);
  });
});
