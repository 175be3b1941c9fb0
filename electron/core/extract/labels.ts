import type { DocumentKind } from '../../../shared/domain/document.js';
import {
  CONCEPT_WORDS,
  conceptsOf,
  FIELD_REGISTRY,
  FORMER_ADDRESS_CONCEPTS,
  IDENTIFIER_HEADS,
  LABEL_FILLERS,
  labelStems,
  MOVING_VERBS,
  NEGATION_WORDS,
  NUMBER_NOUNS,
  STAYING_VERBS,
  type Concept,
} from '../../../shared/domain/fields.js';
import { LEGAL_FORM_WORDS } from '../../../shared/normalize/names.js';
import { remembered } from '../../../shared/normalize/memo.js';
import { MONTHS } from './text.js';
import { CarrierTable } from '../../../shared/domain/comparison.js';
import carrierTable from '../../../resources/carriers.json' with { type: 'json' };

/**
 * The label vocabulary: every wording PortDesk recognises for every field, in one table.
 *
 * `weight` says how sure a hit is about its field (a bare "Account" is weaker than "Account
 * Number"). `strict` labels are common words ("Name", "State", "Date") that only count as labels
 * when they stand alone in their cell or end with a colon. `kinds` limits a wording to the
 * documents where it means this field. Fields that are not extracted (amounts, due dates, titles,
 * contact numbers…) are listed too: they stop a value from running into the next label and keep
 * their numbers and dates out of the fields.
 */
export type LabelField =
  | 'account_name'
  | 'authorized_person'
  | 'btn'
  | 'account_number'
  | 'pin'
  | 'service_address'
  | 'billing_address'
  | 'document_date'
  | 'carrier_name'
  | 'signature'
  | 'to_port'
  | 'not_to_port'
  | 'phone_list'
  | 'addr_street'
  | 'addr_unit'
  | 'addr_city'
  | 'addr_state'
  | 'addr_zip'
  /** someone's contact number, a carrier's support line: never a number on the account */
  | 'contact'
  /**
   * an address on the page that is not the customer's to read: where payments go (the carrier's, not the
   * billing address), or one the customer has left ("Former Service Address", "Moved From")
   */
  | 'remit'
  | 'sub_account'
  | 'called_number'
  | 'other_date'
  | 'other';

export interface LabelDef {
  field: LabelField;
  phrases: string[];
  weight: number;
  strict?: boolean;
  kinds?: DocumentKind[];
}

/**
 * The words naming a service record's free-text remarks ("Remarks", "Rep Notes", "COMMENTS"): what callers
 * said, whom the rep called back, which lines went — never the record's own facts.
 */
export const REMARK_WORDS = ['Remarks', 'Remark', 'RMKS', 'Comments', 'Notes'] as const;

export const LABEL_TABLE: LabelDef[] = [
  // names
  {
    field: 'account_name',
    weight: 1,
    phrases: [
      'Customer Name',
      'Business Name',
      'Account Name',
      'Name on Account',
      'Name on the Account',
      'Company Name',
      'Legal Business Name',
      'Legal Name',
      'Subscriber Name',
      'Entity Name',
      'End User Name',
      'End-User Name',
      'Account Holder',
      'Account Holder Name',
      'Billing Name',
      'Bill Name',
      'Customer Legal Name',
      'Business/Customer Name',
      'Name of Business',
      'Company/Business Name',
      'Organization Name',
      'Organization',
      'Cust Name',
      'CUS NAME',
      'CUS NM',
      'CUST NM',
      'CUST NAME',
      'Service Name',
      'Registered Name',
      'Account Owner',
      'Customer/Business Name',
      'Business Name (as it appears on bill)',
      'Name as it appears on bill',
      'Name (as shown on bill)',
      'Prepared For',
      'Statement For',
      'Invoice For',
      'Service For',
      'Customer/Company',
      'Company/Customer Name',
      'Customer/Account Name',
      'Business/Company Name',
      'Name of Customer',
      'Name of Company',
      'Exact Name on Account',
      'Business Name on Account',
      'Account Holder / Business Name',
    ],
  },
  {
    field: 'account_name',
    weight: 0.75,
    strict: true,
    phrases: ['Customer', 'Company', 'Business', 'Subscriber', 'End User', 'BN', 'CUS', 'CUST', 'CUSTOMER NM'],
  },
  // a CSR's listed name (directory listing) is often a DBA: the account name only when nothing else names it
  {
    field: 'account_name',
    weight: 0.45,
    phrases: ['Listed Name', 'Listing Name', 'Directory Name', 'Directory Listing'],
  },
  { field: 'account_name', weight: 0.45, strict: true, phrases: ['LN', 'LSTD NM', 'LIST NM'] },
  { field: 'account_name', weight: 0.5, strict: true, phrases: ['Name'], kinds: ['invoice', 'csr', 'other'] },
  // a cooperative bills its members (patrons): the member is the account holder, the member number the account
  { field: 'account_name', weight: 1, phrases: ['Member Name', 'Name of Member', 'Patron Name', 'Name of Patron'] },
  { field: 'account_name', weight: 0.75, strict: true, phrases: ['Member', 'Patron'], kinds: ['invoice', 'csr'] },
  {
    field: 'account_number',
    weight: 1,
    phrases: [
      'Member No',
      'Member Number',
      'Member #',
      'Member Account',
      'Member Account Number',
      'Member Acct',
      'Member Acct #',
      'Patron No',
      'Patron Number',
    ],
  },
  {
    field: 'authorized_person',
    weight: 1,
    phrases: [
      'Authorized Signer',
      'Authorized Signer Name',
      'Authorized Person',
      'Authorized By',
      'Authorized Name',
      'Name of Authorized Person',
      'Name of Authorized Signer',
      'Authorized Representative',
      'Authorized Agent',
      'Authorizing Party',
      'Authorized Individual',
      'Authorized Contact',
      'Authorized User',
      'Authorized Contact Name',
      'Signer Name',
      'Name of Signer',
      'Signatory',
      'Signatory Name',
      'Print Name',
      'Printed Name',
      'Name (Print)',
      'Name (please print)',
      'Print Name of Authorized Signer',
      'Printed Name of Authorized Person',
      'Authorized Signatory',
      'Person Authorizing',
      'Person Authorizing This Request',
      'Person Authorizing the Port',
      'Authorizing Person',
      'Name of Person Authorizing',
      'Customer Signature Name',
      'Auth Party',
      'Authorized Party',
      'Auth Name',
      'Auth Person',
      'Auth Contact',
      'Authorized Caller',
    ],
  },
  { field: 'authorized_person', weight: 0.55, strict: true, phrases: ['Name'], kinds: ['loa'] },
  // a carrier portal's account administrator is who may act for the account (see the registry's concept)
  {
    field: 'authorized_person',
    weight: 0.85,
    strict: true,
    phrases: ['Account Administrator', 'Account Admin', 'Administrator'],
    kinds: ['csr'],
  },
  // on a CSR the contact of record is the person the carrier accepts port requests from
  {
    field: 'authorized_person',
    weight: 0.55,
    strict: true,
    phrases: ['Contact Name', 'Contact'],
    kinds: ['loa', 'csr'],
  },
  // numbers
  {
    field: 'btn',
    weight: 1,
    phrases: [
      'Billing Telephone Number',
      'Billing Telephone No',
      'Billing Telephone #',
      'Billing Tel No',
      'Billing Tel Number',
      'Billing Tel #',
      'Billing Phone Number',
      'Billing Phone',
      'BTN',
      'Main Number',
      'Main Billing Number',
      'Main Billing Telephone Number',
      'Main Telephone Number',
      'Main Phone Number',
      'Main Phone',
      'Main Line',
      'Main Line Number',
      'Main Account Number (BTN)',
      'Billing Number',
      'Account Telephone Number',
      'Primary Number',
      'Primary Telephone Number',
      'Primary Phone Number',
      'Billing TN',
      'Main TN',
      'Main BTN',
      'Bill Telephone Number',
      'Billed Telephone Number',
      'Billing Telephone Number (BTN)',
      'Main Billing Telephone',
      'Lead Number',
      'Pilot Number',
      'Billed Telephone Number',
      'Telephone Number (BTN)',
      'Account Phone Number',
      'Account Telephone',
      'Billing Phone #',
      'Primary Line',
      'Main Phone #',
      'Main Tel',
      'Main Telephone',
      'Billing Telephone',
      'Bill-to Telephone Number',
      'Main Contact Number (BTN)',
    ],
  },
  {
    field: 'account_number',
    weight: 1,
    phrases: [
      'Account Number',
      'Account No',
      'Account #',
      'Account Num',
      'Acct Number',
      'Acct No',
      'Acct #',
      'Acct',
      'Account ID',
      'Account Nbr',
      'Billing Account',
      'Billing Account Number',
      'Billing Account No',
      'Billing Account #',
      'BAN',
      'Customer Account Number',
      'Customer Account No',
      'Customer Account #',
      'Customer Account',
      'Customer Number',
      'Customer No',
      'Customer #',
      'Customer ID',
      'Customer Acct',
      'Master Account',
      'Master Account Number',
      'Summary Account',
      'Summary Account Number',
      'Account Number with current carrier',
      'Current Account Number',
      'Service Account Number',
      'Carrier Account Number',
      'Your Account Number',
      'Acct Nbr',
      'Account Code',
      'Account Number with Current Provider',
    ],
  },
  { field: 'account_number', weight: 0.7, strict: true, phrases: ['Account'] },
  // abbreviated account labels carriers print ("A/C No.", "ACNT", "Acct. ID")
  {
    field: 'account_number',
    weight: 0.9,
    phrases: ['A/C', 'A/C No', 'A/C #', 'A/C Number', 'ACNT', 'ACNT No', 'Acct ID', 'Acct Num'],
  },
  // a bare number label ("#", "No.", "Nbr") on its own names no concept: on a bill, CSR or LOA the
  // account number is the generic number, so it is a weak account candidate any named label beats
  { field: 'account_number', weight: 0.5, strict: true, phrases: ['#', 'No', 'Nbr', 'Num'] },
  {
    field: 'sub_account',
    weight: 1,
    phrases: [
      'Sub-Account',
      'Sub Account',
      'Subaccount',
      'Sub-Account Number',
      'Sub Account Number',
      'Sub-Acct',
      // the hyphen dropped, as bills abbreviate it ("Sub Acct #", "SUB ACCT NO.")
      'Sub Acct',
      'Sub Acct #',
      'Sub Acct No',
      'Sub-Acct #',
      'Child Account',
      'Sub-Account Summary',
      'Sub Account Summary',
    ],
  },
  {
    field: 'pin',
    weight: 1,
    phrases: [
      'PIN',
      'Passcode',
      // the third of a PIN's own nouns, as sure alone as the other two
      'Password',
      'Pass Code',
      'Port-Out PIN',
      'Port Out PIN',
      'Port-Out Passcode',
      'Account PIN',
      'PIN/Passcode',
      'Passcode/PIN',
      'PIN / Passcode',
      'Security PIN',
      'Security Code',
      'Transfer PIN',
      'Number Transfer PIN',
      'Account Passcode',
      'Account Password',
      'Password/PIN',
      'PIN Number',
      'PIN Code',
      'Port PIN',
      'Porting PIN',
      'Customer PIN',
      'Wireless PIN',
      'Account Security PIN',
      'NTP',
      'Passcode (if applicable)',
      'PIN (if applicable)',
    ],
    kinds: ['loa', 'csr', 'other'],
  },
  // addresses
  {
    field: 'service_address',
    weight: 1,
    phrases: [
      'Service Address',
      'Service Location',
      'Location of Service',
      'Service Address (no P.O. Box)',
      'Service Address (no PO Box)',
      'Physical Service Address',
      'Physical Address',
      'Installation Address',
      'Install Address',
      'Service Street Address',
      'Address of Service',
      'Service Addr',
      'Svc Address',
      'Svc Addr',
      'Svc Location',
      'Premise Address',
      'Premises Address',
      'Site Address',
      'Service Site',
      'Location Address',
      'E911 Address',
      '911 Address',
      'Service Location Address',
      'End User Address',
      'End-User Address',
      'Address Where Service Is Provided',
      'Street Address of Service',
      'Services Provided At',
      'Service Provided At',
      'Service At',
      'Services At',
      'Location of Services',
      'Service Location Address',
      'Where Service Is Located',
      'Address Where Service Is Installed',
      'Address Where the Service Is Installed',
      'Address Where the Phone Service Is Installed',
      'Address Where Phone Service Is Installed',
      'Where Service Is Installed',
      'Service Installed At',
      'Installed At',
    ],
  },
  { field: 'service_address', weight: 0.8, strict: true, phrases: ['SA', 'SA1', 'Location', 'Site'] },
  // a mainframe record's location-address line: the service location when no SA line gives one
  {
    field: 'service_address',
    weight: 0.7,
    strict: true,
    phrases: ['LA', 'SVC', 'SVC ADDR', 'SVC ADR'],
    kinds: ['csr'],
  },
  {
    field: 'service_address',
    weight: 0.85,
    phrases: [
      'Address on the Account',
      'Address on Account',
      'Account Address',
      'Customer Address',
      'Business Address',
      'Street Address on Account',
    ],
  },
  {
    field: 'billing_address',
    weight: 1,
    phrases: [
      'Billing Address',
      'Bill To',
      'Bill-To',
      'Bill To Address',
      'Billing Name and Address',
      'Mailing Address',
      'Billing Address (if different)',
      'Remit/Billing Address',
      'Bill To Name and Address',
      'Invoice To',
      'Invoice Address',
      'Statement Address',
      'Billing Mailing Address',
      'Customer Billing Address',
      'Sold To',
      'BA',
      'Bill Addr',
      'Billing Addr',
      'Bill Address',
      'Mailing Addr',
    ],
  },
  // ILEC CSR section codes: BA1/BA2… are the bill address lines, PO the bill's city line
  { field: 'billing_address', weight: 0.8, strict: true, phrases: ['BA1', 'BA2', 'BA3', 'PO'], kinds: ['csr'] },
  {
    field: 'remit',
    weight: 1,
    phrases: [
      'Remit To',
      'Remit Payment To',
      'Please Remit To',
      'Please Remit Payment To',
      'Remittance Address',
      'Make Checks Payable To',
      'Make Check Payable To',
      'Send Payment To',
      'Mail Payment To',
      'Payable To',
      'Pay To',
      'Remit',
    ],
  },
  // the address the customer moved away from (FORMER_ADDRESS_CONCEPTS names it by a qualifier and a place noun)
  { field: 'remit', weight: 1, phrases: ['Moved From', 'Moving From', 'Relocated From', 'Relocating From'] },
  {
    field: 'addr_street',
    weight: 0.8,
    phrases: ['Street Address', 'Street', 'Address Line 1', 'Address 1', 'Service Street', 'House Number and Street'],
  },
  { field: 'addr_street', weight: 0.55, strict: true, phrases: ['Address', 'Addr'] },
  { field: 'addr_street', weight: 0.55, strict: true, phrases: ['LA'], kinds: ['loa', 'invoice', 'other'] },
  {
    field: 'addr_unit',
    weight: 0.8,
    phrases: [
      'Suite/Unit',
      'Unit/Suite',
      'Apt/Suite',
      'Suite/Apt',
      'Apt/Unit',
      'Suite/Floor',
      'Address Line 2',
      'Address 2',
      'Suite / Unit',
      'Apt / Suite',
    ],
  },
  {
    field: 'addr_unit',
    weight: 0.7,
    strict: true,
    phrases: [
      'Suite',
      'Unit',
      'Apt',
      'Ste',
      'Floor',
      'Room',
      'Apartment',
      'Bldg',
      'Building',
      // a unit's caption naming its number ("SUITE NO.", "Unit #"), alone in its cell
      'Suite No',
      'Suite #',
      'Unit No',
      'Unit #',
      'Apt No',
      'Apt #',
    ],
  },
  { field: 'addr_city', weight: 0.9, strict: true, phrases: ['City', 'Town', 'City/Town', 'CTY'] },
  { field: 'addr_state', weight: 0.9, strict: true, phrases: ['State', 'ST', 'State/Province', 'Prov'] },
  {
    field: 'addr_zip',
    weight: 0.9,
    strict: true,
    phrases: ['ZIP', 'ZIP Code', 'Zip+4', 'ZIP + 4', 'Postal Code', 'Postcode', 'Zip/Postal Code', 'ZIP Code + 4'],
  },
  {
    field: 'addr_zip',
    weight: 0.9,
    phrases: [
      'City/State/ZIP',
      'City, State, ZIP',
      'City State ZIP',
      'City/State/ZIP Code',
      'City, State ZIP Code',
      'City State Zip Code',
      'City/State/Zip+4',
      'City, ST ZIP',
      'City/ST/ZIP',
      'City ST ZIP',
      'CTY/ST/ZIP',
      'CTY ST ZIP',
      'CSZ',
      // (a town is a city: "TOWN, STATE, ZIP", "Town/State/ZIP")
      'Town/State/ZIP',
      'Town, State, ZIP',
      'Town State ZIP',
      'Town, ST ZIP',
    ],
  },
  // dates
  {
    field: 'document_date',
    weight: 1,
    phrases: [
      'Invoice Date',
      'Statement Date',
      'Bill Date',
      'Billing Date',
      'Date of Bill',
      'Date of Invoice',
      'Date of Statement',
      'Date Issued',
      'Issue Date',
      'Issued',
      'Bill Print Date',
      'Print Date',
      'Bill Cycle Date',
      'Statement Closing Date',
      'Closing Date',
      'Invoice Dt',
      'Stmt Date',
      'Record Date',
      'Report Date',
      'CSR Date',
      'As of',
      'As of Date',
      'Printed',
      'Printed On',
      'Generated',
      'Generated On',
      'Prepared',
      'Prepared On',
      'Run Date',
      'Date Printed',
      'Date Generated',
      'Date Prepared',
    ],
    kinds: ['invoice', 'csr', 'other'],
  },
  {
    field: 'document_date',
    weight: 1,
    phrases: [
      'Date Signed',
      'Signature Date',
      'Signed Date',
      'Date of Signature',
      'Signed On',
      'Date Executed',
      'Execution Date',
    ],
    kinds: ['loa', 'other'],
  },
  { field: 'document_date', weight: 0.7, strict: true, phrases: ['Date', 'Dated', 'DT'] },
  {
    field: 'other_date',
    weight: 1,
    phrases: [
      'Due Date',
      'Payment Due',
      'Payment Due Date',
      'Due By',
      'Please Pay By',
      'Pay By',
      'Billing Period',
      'Service Period',
      'Bill Period',
      'Statement Period',
      'Period',
      'Billing Cycle',
      'Service From',
      'Customer Since',
      'Install Date',
      'Installation Date',
      'Effective Date',
      'Requested Port Date',
      'Requested Due Date',
      'Desired Due Date',
      'Port Date',
      'FOC Date',
      'Activation Date',
      'Contract End Date',
      'Last Payment',
      'Payment Received',
      'Date of Birth',
      'Expiration Date',
      'Expires',
      'Next Bill Date',
      'From',
      'Through',
      'Auto Pay Date',
      // a response's note of when the request it answers came in: the other side's date, not its own
      'Received',
      'Date Received',
      'Received On',
      'Request Received',
      'Request Dated',
    ],
  },
  // carrier
  {
    field: 'carrier_name',
    weight: 1,
    phrases: [
      'Current Carrier',
      'Current Carrier Name',
      'Current Service Provider',
      'Current Provider',
      'Current Phone Company',
      'Current Telephone Company',
      'Current Local Carrier',
      'Current Local Service Provider',
      'Losing Carrier',
      'Losing Provider',
      'Old Carrier',
      'Old Provider',
      'Existing Carrier',
      'Existing Provider',
      'Existing Service Provider',
      'Present Carrier',
      'Present Phone Company',
      'Previous Carrier',
      'Previous Provider',
      'Carrier Name',
      'Service Provider',
      'Current Vendor',
      'Porting From',
      'Port From',
      'Transferring From',
      'Losing Service Provider',
      'Current Local Exchange Carrier',
      'Current LEC',
      'OSP',
      'Old Service Provider',
      'Carrier You Are Leaving',
      'Provider You Are Leaving',
      'Carrier You Are Porting From',
      'Current Wireless Carrier',
      'Current Wireless Provider',
      'Leaving Carrier',
      'Releasing Carrier',
      'Current Telecom Provider',
      'Current Voice Provider',
      'Existing Phone Company',
    ],
    kinds: ['loa', 'other'],
  },
  { field: 'carrier_name', weight: 0.6, strict: true, phrases: ['Carrier', 'Provider'], kinds: ['loa', 'other'] },
  // LOA
  {
    field: 'signature',
    weight: 1,
    phrases: [
      'Authorized Signature',
      'Signature',
      'Customer Signature',
      'Signature of Authorized Person',
      'Signature of Authorized Signer',
      'Authorized Signer Signature',
      'Signed',
      'Sign Here',
      'Customer Authorization Signature',
      'Signature of Customer',
      'End User Signature',
      'Authorizing Signature',
      'Signed By',
    ],
  },
  {
    field: 'to_port',
    weight: 1,
    phrases: [
      'Telephone Numbers to Port',
      'Telephone Numbers to be Ported',
      'Numbers to Port',
      'Numbers to be Ported',
      'Number(s) to Port',
      'Numbers Being Ported',
      'Phone Numbers Being Ported',
      'Phone Numbers to Port',
      'Port the following numbers',
      'Please port the following',
      'Telephone Number(s) to Port',
      'Telephone Number(s) to be Ported',
      'TNs to Port',
      'Numbers to Transfer',
      'Numbers to be Transferred',
      'Telephone Numbers to be Transferred',
      'Port Numbers',
      'Porting Numbers',
      'Numbers to be ported are',
      'following numbers',
      'following telephone numbers',
    ],
  },
  {
    field: 'not_to_port',
    weight: 1,
    phrases: [
      'Numbers NOT to Port',
      'Numbers NOT to be Ported',
      'Do NOT Port',
      'Do NOT Port These Numbers',
      'Not to be Ported',
      'Not Being Ported',
      'Numbers Not Being Ported',
      'Numbers Remaining with Current Carrier',
      'Remaining with Current Carrier',
      'Numbers to Keep',
      'Numbers to Remain',
      'Numbers Remaining',
      'Remain with',
      'will remain',
      // staying is remaining ("Numbers staying with the current carrier", "Lines that will stay")
      'Numbers Staying',
      'Staying with',
      'Stay with',
      'will stay',
      'Keep with Current Carrier',
      'Keep these Numbers',
      'Numbers to Disconnect',
      'Numbers to Retain',
      'Retained Numbers',
      'Excluded Numbers',
      'Numbers Excluded',
      'do not transfer',
      'not to be transferred',
      'Partial Port - Remaining Numbers',
    ],
  },
  {
    field: 'phone_list',
    weight: 1,
    phrases: [
      'Working Telephone Numbers',
      'Working Telephone Number',
      'Working Numbers',
      'WTN',
      'WTNs',
      'Telephone Number',
      'Telephone Numbers',
      'Phone Number',
      'Phone Numbers',
      'DID Range',
      'Telephone Numbers on Account',
      'Numbers on Account',
      // (a sentence's caption of its list: "Telephone numbers on this account: 616-…, 616-… and …")
      'Telephone Numbers on this Account',
      'Phone Numbers on this Account',
      'Numbers on this Account',
      'Lines on this Account',
      'Lines on Account',
      'Service Number',
      'Tel No',
      'Telephone No',
      'Line Number',
      'Mobile Number',
      'Wireless Number',
    ],
  },
  {
    field: 'phone_list',
    weight: 1,
    strict: true,
    phrases: ['TN', 'TNs', 'Number', 'Numbers', 'Line', 'Lines', 'DID', 'DIDs'],
  },
  /** numbers a bill's call detail lists as called: someone else's, not on the account */
  {
    field: 'called_number',
    weight: 1,
    phrases: [
      'Number Called',
      'Called Number',
      'Number Dialed',
      'Dialed Number',
      'Calls To',
      'Called',
      'Destination Number',
      'Destination',
      'To Number',
      'Call To',
      'Terminating Number',
      'Place Called',
      'Called To',
    ],
  },
  // not extracted, but they must stop values and keep their numbers out
  {
    field: 'contact',
    weight: 1,
    phrases: [
      'Contact Phone',
      'Contact Number',
      'Contact Phone Number',
      'Contact Tel',
      'Callback Number',
      'Call Back Number',
      'Call-back Number',
      'Phone',
      'Tel',
      'Telephone',
      'Direct',
      'Mobile',
      'Cell',
      'Fax',
      'Fax Number',
      'Email',
      'E-mail',
      'Email Address',
      'Customer Service',
      'Customer Care',
      'Questions',
      'Call',
      'Call us',
      'Repair',
      'Support',
      'Technical Support',
      'Contact Us',
      'For Billing Questions Call',
      'Billing Questions',
      'Toll Free',
      'Toll-Free',
      'Dial',
      'Website',
      'Web',
      'Visit',
      'Contact Email',
      'Account Team',
      'Phone (Contact)',
      'Alternate Phone',
      'Alternate Contact',
    ],
  },
  // a service record's callback number (CBR): whom the carrier calls back, never a line on the account
  { field: 'contact', weight: 1, strict: true, phrases: ['CBR', 'CBN'], kinds: ['csr'] },
  // a service record's free-text remarks mention callers, callbacks and old lines; the lines on the
  // account are the ones its TN / S&E listing carries, so a number only a remark gives is none of them
  { field: 'contact', weight: 1, phrases: [...REMARK_WORDS], kinds: ['csr'] },
  {
    field: 'other',
    weight: 1,
    phrases: [
      'Title',
      'Position',
      'Job Title',
      'Amount Due',
      'Total Amount Due',
      'Total Due',
      'Balance Due',
      'Amount Enclosed',
      'Previous Balance',
      'Current Charges',
      'Total Current Charges',
      'Total',
      'Subtotal',
      'Description',
      'Amount',
      'Charges',
      'Monthly',
      'Usage',
      'Plan',
      'Features',
      'Feature',
      'Status',
      'Account Status',
      'Account Type',
      'Type',
      'Line Type',
      'Service Type',
      'Page',
      'Port?',
      'Port? (Y/N)',
      'Port (Y/N)',
      'Port / Keep',
      'Action',
      'Keep',
      'Quantity',
      'Qty',
      'Rate',
      'Tax',
      'Taxes',
      'Account Summary',
      'Summary',
      'Payments',
      'Adjustments',
      'Customer Information',
      'Account Information',
      'Service Information',
      'Service',
      'Services',
      'Listing',
      'Equipment',
      'Hunt Group',
      'Title/Position',
      'Department',
      'Email Address',
      'Date of Birth',
      'SSN',
      'Tax ID',
      'Federal Tax ID',
      'EIN',
      'Requested FOC',
      'Gaining Carrier',
      'New Carrier',
      'New Provider',
      'Agent',
      'Order Number',
      'Reference',
      'Invoice Number',
      'Invoice #',
      'Invoice No',
      'Statement Number',
      'Confirmation Number',
      'Ticket',
      'Case Number',
      'USOC',
      'S&E',
      'Trading As',
      'DBA',
      'D/B/A',
      'Doing Business As',
      'Trade Name',
      'Also Known As',
      'AKA',
    ],
  },
];

/**
 * Carrier names PortDesk recognises in a document header or text: every carrier's name and aliases
 * in resources/carriers.json plus its names-only list (the longer forms first, so "AT&T Mobility"
 * wins over "AT&T"). A name not listed there is still found from the header layout.
 */
export const KNOWN_CARRIERS: string[] = (() => {
  const t = CarrierTable.parse(carrierTable);
  const all = [...t.carriers.flatMap((c) => [c.name, ...c.aliases]), ...(t.recognised_names ?? [])];
  return [...new Set(all)].sort((a, b) => b.length - a.length);
})();

/** Title words: the big header line containing these is the document's title, not the carrier. */
export const TITLE_WORDS =
  /\b(invoice|statement|bill|billing|letter|authori[sz]ation|agency|customer service record|csr|record|summary|page|account|your|monthly|form|request|porting|port|loa|number portability|consolidated|enterprise)\b/i;

/** Words that end a carrier's legal name, so "Northwind Telecom, Inc." is recognised as a carrier-like name. */
export const CARRIER_WORDS =
  /\b(telecom|telecommunications|communications|comm|telephone|tel|wireless|mobile|mobility|networks?|fiber|fibre|broadband|cable|voice|voip|telco|cellular|phone|connect|digital|business|technologies|carrier|exchange)\b/i;

/**
 * Legal forms as they end a business name, from the one legal-form table (shared/normalize/names.ts),
 * dotted or not ("LLC", "L.L.C.", "P.C."). Forms that are also ordinary words or state codes in an
 * address line ("NA", "SC", "GP", "LC", "CORPORATE", "COMP") do not mark a business on their own.
 */
const AMBIGUOUS_FORMS = new Set(['NA', 'SC', 'GP', 'LC', 'CORPORATE', 'COMP']);
const LEGAL_FORMS = LEGAL_FORM_WORDS.filter((f) => !AMBIGUOUS_FORMS.has(f))
  .sort((a, b) => b.length - a.length)
  .map((f) => (f.length <= 4 ? f.toLowerCase().split('').join('\\.?') : f.toLowerCase()))
  .join('|');
/** A legal form ending the text ("… Dental Group PC", "… Supply, L.L.C."). */
export const LEGAL_FORM_END = new RegExp(`\\b(${LEGAL_FORMS})\\.?$`, 'i');
/** One word that is a legal form ("Inc.", "LLC"). */
export const LEGAL_FORM_WORD = new RegExp(`^(${LEGAL_FORMS})\\.?$`, 'i');
/** Business-name endings and words (for telling a company from a person). */
export const BUSINESS_SUFFIXES = new RegExp(
  `\\b(${LEGAL_FORMS}|group|partners|associates|holdings|enterprises|services|clinic|dental|law|realty|agency|bakery|hospital|school|church|foundation|trust|bank|restaurant|cafe|studio|center|centre)\\b\\.?`,
  'i',
);

/**
 * Label concepts (stem sets, see shared/domain/fields.ts `labelStems`) for an unlisted wording of
 * a known label: the extracted fields' concepts come from the field registry; the label fields
 * that are not extracted (address parts, distractors) are declared here. Matched only where no
 * phrase of LABEL_TABLE matched and the words stand where a label stands.
 */
export interface LabelConcept extends Concept {
  field: LabelField;
}

const REGISTRY_LABEL_FIELD: Partial<Record<string, LabelField>> = {
  account_name: 'account_name',
  authorized_person: 'authorized_person',
  btn: 'btn',
  account_number: 'account_number',
  pin: 'pin',
  service_address: 'service_address',
  billing_address: 'billing_address',
  document_date: 'document_date',
  carrier_name: 'carrier_name',
  phone_numbers: 'phone_list',
};

/** Concepts of a label field in the registry's slot grammar ("customer service phone|number"). */
const k = (field: LabelField, spec: string, weight = 1): LabelConcept[] =>
  conceptsOf(spec, { weight }).map((c) => ({ ...c, field }));

/**
 * An address the customer has left is no service address, whatever place noun it names: like the
 * remit-to box, its label claims its value so no other reading takes it.
 */
const FORMER_LABEL_CONCEPTS: readonly LabelConcept[] = FORMER_ADDRESS_CONCEPTS.map((c) => ({ ...c, field: 'remit' }));

export const LABEL_CONCEPTS: LabelConcept[] = [
  ...FIELD_REGISTRY.flatMap((f) => {
    const field = REGISTRY_LABEL_FIELD[f.key];
    return field ? f.concepts.map((c) => ({ ...c, field })) : [];
  }),
  ...k('account_name', 'listed name', 0.45),
  ...k('account_name', 'directory name', 0.45),
  ...k('other', 'trade'),
  ...k('other', 'dba'),
  ...k('other', 'doing business'),
  ...k('other', 'aka'),
  ...k('other', 'title'),
  ...k('other', 'position'),
  // the signer's title, whatever names the signer ("Authorized Signer Title", "Title of Signer"): a title
  ...k('other', 'authorize|signer|signatory|person|representative|officer title|position|designation|capacity'),
  // a signer's title by other nouns ("Designation", "Capacity")
  ...k('other', 'designation'),
  ...k('other', 'capacity'),
  // a person's part on the account ("Role" heading a contacts table, "Contact role"): a title, never a name
  ...k('other', 'role'),
  // another name the business goes by is not its account name ("DBA Name", "Fictitious Business Name"; a "Brand" is a business's own word: "Brand Name Co")
  ...k('other', 'dba|trade|fictitious name'),
  ...k('other', 'dba|trade|fictitious business|company name'),
  // whom the bills go to ("Billing Contact", "bill contact=") is no one who may act for the account
  ...k('other', 'bill|billing contact'),
  // nor is whom to call about the lines' installation, repairs or the site ("Technical Contact", "IT Contact",
  // "Site Contact", "Install Contact"): a contact for a job on the service, not for the account
  ...k('other', 'technical|tech|it|site|onsite|install|repair|escalation contact'),
  ...k('other', 'amount'),
  ...k('other', 'balance'),
  ...k('other', 'total'),
  ...k('other', 'feature'),
  ...k('other', 'usoc'),
  // a line's class of service ("COS | Hosted Voice Seat"): a product, never a name
  ...k('other', 'cos'),
  ...k('other', 'equipment'),
  ...k('other', 'invoice number'),
  ...k('other', 'statement number'),
  // a bill's own reference is no account number ("Document Number", "Reference No.", "Bill Ref")
  ...k('other', 'document|reference number'),
  ...k('other', 'invoice|statement|bill|document reference'),
  ...k('other', 'order number'),
  // a payment's own numbers are no account number ("Receipt No.", "Confirmation code", "Transaction ID")
  ...k('other', 'receipt|confirmation|transaction|payment number|id|code|reference'),
  // the account the numbers move TO, with the provider gaining them ("New Provider Account #", "Account No.
  // with gaining carrier"): never the account the losing carrier checks
  ...k('other', 'new|gaining|receiving|winning|recipient provider|carrier|company account'),
  ...k('other', 'new|gaining|receiving|winning|recipient provider|carrier|company account number|id|reference'),
  ...k('other', 'tax'),
  // a tax registration's number is no account number ("State Tax Account Number")
  ...k('other', 'tax account number|id'),
  ...k('other', 'plan'),
  ...k('other', 'department'),
  ...k('other', 'quantity'),
  ...k('other', 'rate'),
  ...k('other', 'description'),
  ...k('other', 'status'),
  ...k('contact', 'contact phone'),
  ...k('contact', 'contact number'),
  // "Contact phone number", a record's "Contact TN": the contact's number, not a line on the account
  ...k('contact', 'contact phone number'),
  ...k('contact', 'fax'),
  ...k('contact', 'email'),
  ...k('contact', 'customer service'),
  // a support line's number is the carrier's, whatever its head noun ("Customer Service Phone Number")
  ...k('contact', 'customer service phone|number|line'),
  ...k('contact', 'support|repair|callback phone|number|line'),
  ...k('contact', 'account manager|executive'),
  // the seller's own staff ("Account Representative", "Sales Rep", "Sales Agent"): never the customer's signer
  ...k('contact', 'account|sale representative|agent'),
  // the administrator's own number is a contact, not a line on the account ("Admin Phone")
  ...k('contact', 'administrator phone|number|email'),
  // the signer's own number or mail ("Signer Phone", "Authorized Person Email"): whom to call, not a line
  ...k('contact', 'signer|signatory|person|representative phone|email|mobile|cell'),
  ...k('contact', 'support'),
  ...k('contact', 'callback number'),
  // someone else's line named by whose it is (the reseller's agent, a sales rep, an installer): "Agent
  // Phone", "Partner Callback", "Rep Contact" — whom to call about the order, never a number to port
  ...k('contact', 'agent|representative|partner|sales|installer|technician|dealer phone|number|callback|contact|tel'),
  ...k('contact', 'callback'),
  // a carrier's porting desk ("Porting desk: 844-…" under the losing carrier): whom to call, never a number to port
  ...k('contact', 'porting|port desk'),
  ...k('contact', 'mobile'),
  ...k('contact', 'cell'),
  ...FORMER_LABEL_CONCEPTS,
  // the business's registered seat ("Corporate Address", "Headquarters Address", "HQ Address"): where the
  // company is, not where its lines are — beside a service address it is the distractor, and like the
  // remit-to box its label claims its value so no other reading takes it. (A site named "Headquarters" in
  // a locations table is a service location: the place noun alone stays the site's.)
  // ("Office" is no concept word of its own: "Office Fax" in a table's use column names a line, no contact)
  ...k('remit', 'corporate|headquarter|hq address'),
  ...k('remit', 'remit'),
  ...k('remit', 'payable'),
  // where the payments go is the remit-to box, not the customer's billing address ("Mail payments to")
  ...k('remit', 'mail|send payment to'),
  ...k('remit', 'payment address'),
  ...k('sub_account', 'sub account'),
  ...k('sub_account', 'subaccount'),
  ...k('addr_street', 'street', 0.8),
  // a street's house number in a field of its own ("House no.", "HOUSE"): the street's first part
  ...k('addr_street', 'house', 0.8),
  ...k('addr_street', 'house number', 0.8),
  ...k('addr_unit', 'suite', 0.7),
  ...k('addr_unit', 'unit', 0.7),
  ...k('addr_unit', 'apt', 0.7),
  ...k('addr_unit', 'floor', 0.7),
  ...k('addr_city', 'city', 0.9),
  ...k('addr_city', 'city name', 0.9),
  ...k('addr_state', 'state', 0.9),
  ...k('addr_zip', 'zip', 0.9),
  ...k('addr_zip', 'postal code', 0.9),
  // "Postal" alone is the postcode ("Zip / Postal"); a postal address is the billing one (more specific)
  ...k('addr_zip', 'postal', 0.8),
  ...k('addr_zip', 'city state zip', 0.9),
  ...k('other_date', 'due date'),
  ...k('other_date', 'due'),
  // another bill's date, qualified as earlier or unpaid ("Previous Statement Date", "Original bill date",
  // "Unpaid bill dated" on a past-due notice): the bill it refers to, never the document's own date
  // (not "last": the word would make a record tag "LST" ambiguous between "listed" and "last")
  ...k('other_date', 'original|previous|prior|unpaid|overdue invoice|statement|bill date'),
  ...k('other_date', 'period'),
  ...k('other_date', 'since'),
  ...k('other_date', 'effective date'),
  ...k('signature', 'signature'),
  // the signature of whoever signs ("Signature of Authorized Person", "Authorized Signer's Signature"): the
  // signature itself, drawn, never the signer's printed name
  ...k('signature', 'signature authorize|customer|holder person|signer|signatory|representative|party'),
  ...k('signature', 'sign'),
];

const CONCEPT_STEMS: ReadonlySet<string> = new Set([...CONCEPT_WORDS, ...LABEL_CONCEPTS.flatMap((c) => c.stems)]);

/**
 * The words a label can end on as its head noun: concepts are written qualifier first, head last
 * ("listed name", "security code"), so a qualifier ("listed", "security") is never taken for a head.
 */
const HEAD_NOUNS: ReadonlySet<string> = new Set(LABEL_CONCEPTS.map((c) => c.stems[c.stems.length - 1]!));

/**
 * Words a heading spells out in full that a loose abbreviation match would take for a longer concept
 * word: "FORM" ("PORT-IN AUTHORIZATION FORM") is the paper, never short for "former" (a former-address
 * qualifier), which turned a form's title into an authorised-person label.
 */
const WHOLE_WORDS_NOT_SHORT: ReadonlySet<string> = new Set(['form']);

/**
 * An unknown record tag read as the concept word it abbreviates: its letters in order inside the
 * word, same first letter ("ACNT" → account, "CNTCT" → contact, "PASSCD" → passcode). Only a
 * single such word counts; ambiguous tags and three-letter ones ("CSR") stay unknown.
 */
export function expandAbbreviation(tag: string): string | null {
  // (seven letters only for a participle's D: "AUTHRZD" is AUTHRZ + D)
  if (
    tag.length < 4 ||
    tag.length > (tag.endsWith('d') ? 7 : 6) ||
    CONCEPT_STEMS.has(tag) ||
    LABEL_FILLERS.has(tag) ||
    LEGAL_FORM_WORD.test(tag) ||
    WHOLE_WORDS_NOT_SHORT.has(tag)
  )
    return null;
  let found: string | null = null;
  for (const w of CONCEPT_STEMS) {
    if (w[0] !== tag[0] || w.length <= tag.length) continue;
    let j = 0;
    for (let i = 0; i < w.length && j < tag.length; i++) if (w[i] === tag[j]) j++;
    if (j < tag.length) continue;
    if (found && found !== w) return null;
    found = w;
  }
  // a participle's abbreviation keeps its ending D ("AUTHZD" for authorized): the stem without it
  if (!found && tag.length >= 5 && tag.endsWith('d')) return expandAbbreviation(tag.slice(0, -1));
  return found;
}

/** Fields a record tag abbreviating a whole phrase may name (a heading like "CSR" names none of them). */
const PHRASE_TAG_FIELDS = new Set<LabelField>([
  'account_name',
  'account_number',
  'authorized_person',
  'btn',
  'pin',
  'service_address',
  'billing_address',
]);

const NAME_FIELDS = new Set<LabelField>(['account_name', 'authorized_person']);

/**
 * A concept word that only one field's labels use ("premise" → service address): alone on a record
 * line's tag it names that field, a little less surely than a whole label.
 */
export function soleFieldConcept(stem: string, kind: DocumentKind): LabelConcept | null {
  // (a place word a former-address label qualifies still names the service address alone: "Premise")
  const using = LABEL_CONCEPTS.filter(
    (c) =>
      c.stems.includes(stem) &&
      c.field !== 'other' &&
      !FORMER_LABEL_CONCEPTS.includes(c) &&
      (!c.kinds || c.kinds.includes(kind)),
  );
  const fields = new Set(using.map((c) => c.field));
  if (fields.size !== 1 || !PHRASE_TAG_FIELDS.has(using[0]!.field)) return null;
  // as sure as the surest label using it allows ("listed" only ever names a DBA: weak)
  return { field: using[0]!.field, stems: [stem], weight: 0.8 * Math.max(...using.map((c) => c.weight ?? 1)) };
}

/**
 * `piece` is `word`'s first letter followed by some of its later letters, in order: a prefix ("AC",
 * "NAM") or a consonant skeleton ("NBR", "SVC"), as record tags shorten words — not any scatter of
 * letters ("SI" is no shortening of "security").
 */
function abbreviates(piece: string, word: string): boolean {
  if (!piece || piece[0] !== word[0]) return false;
  if (!word.startsWith(piece) && /[aeiou]/.test(piece.slice(1))) return false;
  let j = 1;
  for (let i = 1; i < word.length && j < piece.length; i++) if (word[i] === piece[j]) j++;
  return j === piece.length;
}

/** `tag` splits into one abbreviating piece per word, in order ("CNAM" = C·NAM for customer name). */
function abbreviatesPhrase(tag: string, words: readonly string[]): boolean {
  if (!words.length) return !tag.length;
  // a telephone number ends a tag as "TN", as it does on its own ("MTN" main, "PTN" primary telephone number)
  const telephoneNumber = words.length > 2 && words.at(-2) === 'phone' && words.at(-1) === 'number';
  if (
    telephoneNumber &&
    tag.length > 2 &&
    tag.endsWith('tn') &&
    abbreviatesPhrase(tag.slice(0, -2), words.slice(0, -2))
  )
    return true;
  const [w, ...rest] = words;
  for (let n = 1; n <= tag.length - rest.length; n++)
    if (abbreviates(tag.slice(0, n), w!) && abbreviatesPhrase(tag.slice(n), rest)) return true;
  return false;
}

/**
 * An unknown record tag that abbreviates a whole label phrase, a piece per word ("ACN" = AC·N for
 * account number, "CNAM" = C·NAM for customer name). Of the phrases it could stand for, the
 * clearly strongest wins (customer name 1.0 over contact name 0.55); a tie is no label.
 */
export function phraseTagConcept(tag: string, kind: DocumentKind, value?: string): LabelConcept | null {
  const t = tag.toLowerCase();
  if (t.length === 2) return pinInitialsTag(t, kind, value);
  const contracted = t.length === 3 ? accountContraction(t, kind, value) : null;
  if (contracted) return contracted;
  // a legal form ending a wrapped business name ("PLLC", "LLP") is the name's, never a tag
  if (!/^[a-z]{3,6}$/.test(t) || isLabelWord(t) || LABEL_FILLERS.has(t) || LEGAL_FORM_WORD.test(t)) return null;
  // a month before a number is a date ("SEP 25 2025" over a printout), not a tag abbreviating a phrase
  // ("SEP" read as SEcurity Pin would make the day a PIN as sure as a listed label's)
  if (MONTHS[t] !== undefined && /^\d/.test(value ?? '')) return null;
  const found: LabelConcept[] = [];
  for (const c of LABEL_CONCEPTS) {
    if (c.stems.length < 2 || c.written || !PHRASE_TAG_FIELDS.has(c.field) || (c.kinds && !c.kinds.includes(kind)))
      continue;
    // the value's shape settles what the tag can name: a name has no digits, a number or address has them
    if (value !== undefined && NAME_FIELDS.has(c.field) === /\d/.test(value)) continue;
    if (abbreviatesPhrase(t, c.stems)) found.push(c);
  }
  if (!found.length) return null;
  found.sort((a, b) => (b.weight ?? 1) - (a.weight ?? 1));
  const [top, next] = found;
  if (next && next.field !== top!.field && (top!.weight ?? 1) - (next.weight ?? 1) < 0.2) return null;
  return top!;
}

/**
 * A record's three-letter tag contracting "account" to its first, a middle and its last letter ("ACT",
 * "ACT:"), before an account number's shape: eight digits or more in one run of digits and separators that is
 * no phone number alone. Three letters name much else ("ACT" is also a status column's "active"), so only
 * that value lets the tag through, a little less surely than a written label.
 */
function accountContraction(t: string, kind: DocumentKind, value: string | undefined): LabelConcept | null {
  const v = (value ?? '').trim();
  const run = /^[0-9][0-9 -]*[0-9]$/.exec(v)?.[0] ?? '';
  const digits = run.replace(/\D/g, '');
  if (digits.length < 8 || /^(?:1)?\d{10}$/.test(digits)) return null;
  const word = 'account';
  if (t[0] !== word[0] || t[2] !== word[word.length - 1] || !word.slice(1, -1).includes(t[1]!)) return null;
  const c = LABEL_CONCEPTS.find(
    (x) =>
      x.field === 'account_number' &&
      x.stems.length === 1 &&
      x.stems[0] === word &&
      (!x.kinds || x.kinds.includes(kind)),
  );
  return c ? { ...c, weight: 0.8 * (c.weight ?? 1) } : null;
}

/** Fields whose value may be a bare number, and whether one of so many digits could be theirs. */
const NUMBER_TAKERS: Partial<Record<LabelField, (digits: number) => boolean>> = {
  account_number: () => true,
  addr_zip: (n) => n === 5 || n === 9,
  btn: (n) => n === 7 || n === 10 || n === 11,
  phone_list: (n) => n === 7 || n === 10 || n === 11,
  contact: (n) => n === 7 || n === 10 || n === 11,
};

/**
 * A two-letter record tag that is the initials of a two-word PIN label ("PC" for pass code, "SC" for
 * security code), before a value with a PIN's grammar: four to ten digits standing alone (OCR's
 * lookalike letters allowed once three real digits stand). Two letters name too much elsewhere ("ST",
 * "SA", "PC" as a legal form), so only the secret's own shape lets them through, and only when no
 * other field whose label has those initials could take a number of that length ("AC": account code).
 */
export function pinInitialsTag(t: string, kind: DocumentKind, value: string | undefined): LabelConcept | null {
  // (OCR's speck or a stop after the number is no part of it: "32843919.")
  // (nor a space OCR put inside it, one piece or two however short: "167 362", "824 2")
  const v = (value ?? '')
    .trim()
    .replace(/[.,;:|']+$/, '')
    .replace(/^(\d{2,})((?: \d+){1,2})$/, (_m, a: string, b: string) => a + b.replace(/ /g, ''));
  if (!/^[a-z]{2}$/.test(t) || !/^[0-9OSIlBZ]{4,10}$/.test(v) || (v.match(/\d/g) ?? []).length < 3) return null;
  // (five or nine digits after two capitals are a state and its ZIP: "SC 29487")
  if (v.length === 5 || v.length === 9) return null;
  const fits = LABEL_CONCEPTS.filter(
    (c) =>
      c.stems.length === 2 &&
      !c.written &&
      (!c.kinds || c.kinds.includes(kind)) &&
      c.stems[0]![0] === t[0] &&
      c.stems[1]![0] === t[1],
  );
  const pin = fits.find((c) => c.field === 'pin');
  if (!pin || fits.some((c) => c.field !== 'pin' && NUMBER_TAKERS[c.field]?.(v.length))) return null;
  // (a guess from two letters: less sure than a tag abbreviating its words, surer than no label)
  return { ...pin, weight: 0.8 * (pin.weight ?? 1) };
}

/** The head nouns that name a PIN by themselves, whatever qualifies them. */
const SECRET_HEADS: ReadonlySet<string> = new Set(['pin', 'passcode', 'password']);

/**
 * A caption ending on a PIN's own noun whose first word no vocabulary knows ("Verbal Password", "Wireless
 * PIN", "Wireless Account PIN"; a concept word may stand between): the noun says what the value is, the
 * words before it only qualify it. A PIN's nouns name nothing else, so an unknown qualifier before them
 * keeps the caption a PIN label.
 */
export function qualifiedSecret(stems: readonly string[]): boolean {
  if (stems.length < 2 || stems.length > 3 || !SECRET_HEADS.has(stems[stems.length - 1]!)) return false;
  const [first, ...between] = stems.slice(0, -1);
  return (
    /^[a-z]{3,}$/.test(first!) &&
    !isLabelWord(first!) &&
    between.every((s) => CONCEPT_STEMS.has(s) && !LABEL_FILLERS.has(s))
  );
}

/**
 * Two words of a label that OCR glued into one at a case change ("SecurityPasscode", "VerbalPassword:",
 * "AccountPIN"): the two words, else null. Only where the glued word is surely a caption — it ends with a
 * colon, or both pieces are label vocabulary — and each piece is a capitalised word of three letters or
 * more whose second names something ("Password", "Number"): a name's own case changes ("FortCollins",
 * "McKinney", "RingCentral") stay one word.
 */
export function gluedLabelPieces(text: string): [string, string] | null {
  const m = /^([A-Z][a-z]{2,})([A-Z](?:[a-z]{2,}|[A-Z]{2,})[:#.]?)$/.exec(text);
  if (!m) return null;
  const word = (w: string) => {
    const stems = labelStems(w);
    return stems.length > 0 && stems.every((st) => CONCEPT_STEMS.has(st));
  };
  const [, a, b] = m as unknown as [string, string, string];
  if (!word(b)) return null;
  return /:$/.test(text) || word(a) ? [a, b] : null;
}

/**
 * Two neighbouring pieces that are one label word OCR split with a stray space ("Conta ct", "STA TUS",
 * "PASSPHRAS E"): their letters together are a label word while neither piece is one (nor a word of any
 * label's wording) — a lone letter is no word of its own on either side ("LIN E", "S ERV"). A split keeps
 * the word's case: "Conta" + "ct", "N" + "AME"; a capital after lower case starts a word of its own.
 */
export function splitLabelPieces(a: string, b: string): boolean {
  // (a record tag's line number may end the second piece: "AD" + "DR1")
  if (!/^[A-Za-z]+$/.test(a) || !/^[A-Za-z]+(?:[:.,]|[1-3])?$/.test(b)) return false;
  if (/[a-z]/.test(a) ? !/^[a-z]/.test(b) : a.length > 1 && /[a-z]/.test(b)) return false;
  const joined = labelStems((a + b).replace(/[1-3]$/, ''));
  const tail = b.replace(/[:.,1-3]$/, '');
  const piece = (w: string) => labelStems(w).some((st) => isLabelWord(st)) || LABEL_FILLERS.has(w.toLowerCase());
  // a word's first or last letter split off is no word of its own, whatever a lone letter may abbreviate
  // ("LIN" + "E", "PASSPHRAS" + "E", "S" + "ERV")
  const lastLetter = tail.length === 1 && a.length >= 3;
  const firstLetter = a.length === 1 && tail.length >= 3 && !piece(tail);
  return joined.length === 1 && isLabelWord(joined[0]!) && (firstLetter || (!piece(a) && (lastLetter || !piece(tail))));
}

/**
 * Two neighbouring OCR words that are one label word split with a stray space (splitLabelPieces), no
 * further apart than a stray space is: 0.6 of the shorter word's height (a word space is wider).
 */
export function splitLabelWord(a: string, b: string, gap: number, height: number): boolean {
  return gap <= 0.6 * height && splitLabelPieces(a, b);
}

/** A row near a PIN prompt, as the prompt's empty-value rule sees it (emptyPinPrompt). */
export interface PromptRow {
  /** the row's first cell starts where the prompt starts */
  sameStart: boolean;
  /** that cell opens with a label ending in a colon (or a prompt's arrow) */
  prompt: boolean;
  /** that label's value stands beside it on its row */
  valueBeside: boolean;
}

/**
 * Whether a PIN prompt with nothing after it on its row ("PASSCODE: ________", its blank pad no text) is
 * an empty PIN: the nearest row that starts where it starts with a prompt (rows listed nearest first, a
 * few above and below) has its value beside it. Such a block (a terminal screen, a key/value form) gives
 * the PIN beside its prompt, so the row over or under an empty prompt (a screen's message line, "CSR0047I
 * MORE DATA") is never its value. Only for the PIN, a one-word value: an address or a name may be set
 * under its prompt in a block of label-left rows. The extractor's spans and the review's label index both
 * ask this.
 */
export function emptyPinPrompt(rowsNearestFirst: readonly PromptRow[]): boolean {
  const row = rowsNearestFirst.find((r) => r.sameStart && r.prompt);
  return !!row && row.valueBeside;
}

/** A word on a page as the caption rules below see it: its text, its left and right edges, its centre and height. */
export interface PlacedWord {
  text: string;
  x0: number;
  x1: number;
  cy: number;
  h: number;
}

/**
 * Whether `qualifier` and `noun`, on two neighbouring lines, are one PIN caption ("Account" over
 * "Passcode:", "CUSTOMER" beside "PIN" a little lower): together they name the PIN as a caption does
 * (secretCaption), the qualifier ends left of the noun's end and no further left than a column's gap, and
 * their centres are at most a line and a half apart. A tilted scan or a wrapped caption cell puts a
 * caption's words on two lines.
 */
export function pinCaptionAcrossLines(qualifier: PlacedWord, noun: PlacedWord, kind: DocumentKind): boolean {
  const h = Math.max(qualifier.h, noun.h);
  if (Math.abs(qualifier.cy - noun.cy) > 1.6 * h || qualifier.x0 >= noun.x0) return false;
  if (qualifier.x1 < noun.x0 - 3 * h || qualifier.x1 > noun.x1) return false;
  return secretCaption(labelStems(`${qualifier.text} ${noun.text}`), kind);
}

/**
 * The caption words a tilted scan split over two neighbouring lines, to be read on one: for each pair
 * of lines next to each other (listed top to bottom), a word ending its run on its line (no word a word
 * space after it) and a word opening its run on the other (none a word space before it), the second a
 * word space right of the first, that are one PIN caption (pinCaptionAcrossLines) — "Account" over
 * "Passcode:", "Transfer" under "PIN:". Returns each second word with the line it moves to (the first
 * word's: a caption reads from its first word). The extractor's layout and the review's label index both
 * regroup their lines with it, so both read the caption where it is.
 */
export function splitCaptionMoves<W extends PlacedWord>(
  lines: readonly (readonly W[])[],
  kind: DocumentKind,
): { word: W; from: number; to: number }[] {
  const moves: { word: W; from: number; to: number }[] = [];
  const space = (a: W, b: W) => b.x0 - a.x1;
  const wordSpace = (a: W, b: W) => {
    const h = Math.min(a.h, b.h);
    return space(a, b) >= -0.1 * h && space(a, b) <= 1.2 * h && Math.max(a.h, b.h) <= 1.5 * h;
  };
  for (let i = 0; i < lines.length; i++)
    for (const j of [i - 1, i + 1]) {
      const other = lines[j];
      if (!other) continue;
      for (const q of lines[i]!) {
        if (!/^[A-Za-z][A-Za-z-]{2,}$/.test(q.text) || lines[i]!.some((o) => o !== q && wordSpace(q, o))) continue;
        const noun = other.find(
          (t) => wordSpace(q, t) && !other.some((o) => o !== t && wordSpace(o, t)) && pinCaptionAcrossLines(q, t, kind),
        );
        if (noun && !moves.some((m) => m.word === noun || m.word === q)) moves.push({ word: noun, from: j, to: i });
      }
    }
  return moves;
}

/**
 * A caption that names the PIN by its head noun ("Acct PIN", "Security Code", "Code Word", "Customer
 * PIN #"): label words whose concept holding the last word as its head is the PIN's, or one word no
 * vocabulary knows qualifying a PIN's own noun ("Verbal Password": qualifiedSecret). A cell of such words
 * over or beside a value says the value is the PIN, colon or not.
 */
export function secretCaption(stems: readonly string[], kind: DocumentKind): boolean {
  if (!stems.length || stems.length > 4) return false;
  if (qualifiedSecret(stems)) return true;
  return stems.every(isLabelWord) && conceptOf(stems, kind, stems.at(-1), true)?.field === 'pin';
}

/** A word of label vocabulary: a concept stem of some label or a filler ("of", "as", "shown", "file"). */
export function isLabelWord(stem: string): boolean {
  return LABEL_FILLERS.has(stem) || CONCEPT_STEMS.has(stem);
}

/** Words that join a label's head noun to what follows it ("Number of Account", "Address Where Service Is…"). */
export const HEAD_ENDS = new Set([
  'of',
  'on',
  'for',
  'at',
  'to',
  'with',
  'by',
  'where',
  'as',
  'in',
  'from',
  'is',
  'if',
]);

/**
 * A label's head noun: the last concept word before the first word that joins it to a complement —
 * "Account Security *Code*", "*Number* of Account", "Service *Address* (no P.O. Box)". English labels
 * are noun phrases: the head says what the value is, the words before it only qualify it.
 */
export function headOf(stems: readonly string[]): string | undefined {
  const cut = stems.findIndex((s, i) => i > 0 && HEAD_ENDS.has(s));
  const run = cut < 0 ? stems : stems.slice(0, cut);
  const at = run.findLastIndex((s) => HEAD_NOUNS.has(s));
  // "number" written out after an identifier's own noun only repeats it ("Port PIN Number", "Passcode
  // Number"): the identifier is the head, as labelStems drops a number sign after it ("PIN #")
  const before = run[at - 1];
  return run[at] === 'number' && before !== undefined && IDENTIFIER_HEADS.has(before) ? before : run[at];
}

/** The concept's words stand next to each other in the label ("Security Code" in "Account Security Code"). */
function contiguous(c: LabelConcept, stems: readonly string[]): boolean {
  const at = c.stems.map((s) => stems.indexOf(s));
  return Math.max(...at) - Math.min(...at) + 1 === c.stems.length;
}

/**
 * How surely a caption's concept names the person who acts for the account: 1 a sure caption's (weight
 * 0.8 at least: "Authorized Contact", "Decision Maker"), 0.85 a bare contact's ("Contact"), 0 another
 * field's. Role cells and role sentences judge their words by it.
 */
export function authorizingWeight(c: LabelConcept | null): number {
  if (c?.field !== 'authorized_person') return 0;
  return (c.weight ?? 1) >= 0.8 ? 1 : 0.85;
}

/** Fields whose caption names a number: their concepts of many words outranked a place's or name's head noun. */
const NUMBER_FIELDS: ReadonlySet<LabelField> = new Set<LabelField>([
  'account_number',
  'btn',
  'pin',
  'phone_list',
  'to_port',
  'not_to_port',
]);

/**
 * Where a caption's complement starts: the word after the one joining the head noun to it ("Account PIN
 * *with* | current carrier", "Name *as* | shown on the bill"), -1 when there is none. A complement
 * opened by "of" says whose the head is ("Name of | current carrier" is the carrier's name), so it is no
 * complement here: its words may name the value.
 */
function complementStart(stems: readonly string[], head: string | undefined): number {
  const cut = stems.findIndex((s, i) => i > 0 && HEAD_ENDS.has(s));
  if (cut < 0 || stems[cut] === 'of' || head === undefined) return -1;
  const at = stems.indexOf(head);
  return at >= 0 && at < cut ? cut + 1 : -1;
}

/**
 * conceptOf's answers by their question: a page asks the same few label phrases again and again (every
 * candidate, every guided look of the review), and each answer is a walk over every concept. Bounded
 * (shared/normalize/memo.ts), so a long session of many documents never grows it past this.
 */
const conceptAnswers = remembered(
  findConcept,
  20_000,
  (stems, kind, head, holdHead) => `${kind}|${head ?? ''}|${holdHead ? 1 : 0}|${stems.join('\u0001')}`,
);

/**
 * The concept a run of label words names, if any. A number's concept lacking the caption's head noun
 * never wins, however many words it has: "Pilot Line *Location*" names a place, not the pilot line;
 * "Service *Address* for BAN" an address, not the account; "Port *PIN* Number" the PIN, not the numbers
 * to port. Nor does one lacking the head whose words reach into the complement after the head's
 * joining word: "Account PIN *with current carrier*" is the PIN, "Account *at your current provider*" the
 * account, not the carrier. Nor one lacking the head noun "account": words before it say whose account it
 * is, not what ("Incumbent Carrier Account", "Current Provider Account" are accounts). Otherwise the most specific one wins (the most words) — a modifier of several words may
 * change what a head names ("Customer Service Representative" is the carrier's, not the customer's
 * representative) —; among as specific ones, the one whose words stand together ("Customer Service" over
 * "Customer … Number" in "Customer Service Number"), then the one holding the head noun ("Security
 * Code", not "Account … Code", in "Account Security Code"), then the surer one.
 */
export function conceptOf(
  stems: readonly string[],
  kind: DocumentKind,
  head = headOf(stems),
  /** only concepts holding the head noun (a whole label cell must name what its head names) */
  holdHead = false,
): LabelConcept | null {
  return conceptAnswers(stems, kind, head, holdHead);
}

/** The kinds a record reader tries, in order, when the record's kind does not settle its captions' vocabulary. */
const ANY_KIND: readonly DocumentKind[] = ['csr', 'invoice', 'loa'];

/**
 * The concept a caption's words name, of any kind's concepts (a service record's first, then a bill's, then
 * an authorization's): for readers recasting a record before its kind's fields are read (other accounts'
 * sections, two-language captions). Numbers among the words name nothing ("Account 2"). Null when none is
 * named. Whether a bill's or an authorization's concepts come first changed none of 14,581 lookups (guard,
 * CHECK70, csr-multiacct, csr-bilingual; stop 49): only a caption naming an authorization-only concept
 * (signature date, current carrier, representative) beside a bill-only one (cycle date) could tell.
 */
export function anyKindConcept(text: string): LabelConcept | null {
  const stems = labelStems(text).filter((s) => !/^\d+$/.test(s));
  if (!stems.length) return null;
  for (const k of ANY_KIND) {
    const c = conceptOf(stems, k);
    if (c) return c;
  }
  return null;
}

function findConcept(
  stems: readonly string[],
  kind: DocumentKind,
  head: string | undefined,
  holdHead: boolean,
): LabelConcept | null {
  const have = new Set(stems);
  const complementAt = complementStart(stems, head);
  const rank = (c: LabelConcept): number[] => {
    const holdsHead = head !== undefined && c.stems.includes(head);
    // (a concept reaching into the complement names where or how, not what: "Account *with current carrier*")
    const beside = !holdsHead && complementAt >= 0 && c.stems.some((s) => stems.indexOf(s) >= complementAt);
    return [
      head !== undefined && !holdsHead && (NUMBER_FIELDS.has(c.field) || beside || head === 'account') ? 0 : 1,
      c.stems.length,
      contiguous(c, stems) ? 1 : 0,
      holdsHead ? 1 : 0,
      c.weight ?? 1,
    ];
  };
  let best: LabelConcept | null = null;
  let bestRank: number[] = [];
  for (const c of LABEL_CONCEPTS) {
    if (c.kinds && !c.kinds.includes(kind)) continue;
    if (!c.stems.every((s) => have.has(s))) continue;
    if (holdHead && head !== undefined && !c.stems.includes(head)) continue;
    const r = rank(c);
    const i = r.findIndex((x, j) => x !== bestRank[j]);
    if (!best || (i >= 0 && r[i]! > bestRank[i]!)) {
      best = c;
      bestRank = r;
    }
  }
  return best;
}

/**
 * A hint in parentheses may name or qualify the label rather than instruct: a hint that is a concept's
 * words and nothing else restates what the label is ("Main Account Number (BTN)", "Number (PIN)");
 * one that qualifies the head ("Telephone Number (Billing)", "Address (Service)") names a more
 * specific concept keeping every word of the label's own — never another concept ("Billing Address
 * (if different from service address)" stays the billing address). Null when the hint changes nothing.
 */
export function hintConcept(text: string, kind: DocumentKind): LabelConcept | null {
  const inside = [...text.matchAll(/\(([^)]*)\)?/g)].map((m) => m[1] ?? '').join(' ');
  const hint = labelStems(inside).filter((s) => !/^\d+$/.test(s));
  if (!hint.length) return null;
  const named = hint.every((s) => CONCEPT_STEMS.has(s) && !LABEL_FILLERS.has(s)) ? conceptOf(hint, kind) : null;
  if (named && named.stems.length === new Set(hint).size && PHRASE_TAG_FIELDS.has(named.field)) return named;
  const own = labelStems(text).filter((s) => !/^\d+$/.test(s));
  const head = headOf(own);
  const base = conceptOf(own, kind, head);
  const q = conceptOf([...hint, ...own], kind, head);
  const widens =
    q && q.stems.length > (base?.stems.length ?? 0) && (base?.stems ?? []).every((s) => q.stems.includes(s));
  return widens && (head === undefined || q.stems.includes(head)) ? q : null;
}

/** Words opening a clause that states when a label applies, or what it is not ("if not", "other than", "instead of"). */
export const CLAUSE_OPENERS = new Set([
  'if',
  'when',
  'unless',
  'other',
  'instead',
  'not',
  'except',
  'rather',
  'besides',
]);

/**
 * Words a clause cannot end on: it goes on to name something ("if different from | service address", "if
 * not the | service address", "other than | …"). A clause whose last word is none of these ("if
 * different", "if applicable") is whole before the next word, which starts a label of its own.
 */
export const CLAUSE_LINKS = new Set([
  'from',
  'than',
  'of',
  'to',
  'as',
  'at',
  'for',
  'is',
  'the',
  'a',
  'an',
  'our',
  'your',
  'its',
  'not',
  'if',
  'when',
  'unless',
  'except',
  'besides',
]);

/**
 * What a whole label cell names when a listed wording matched only its start ("Acct" in "Acct PIN:",
 * "Bill To" in "Bill To Name & Address:") or left a qualifying hint out ("Telephone Number (Billing)"):
 * the concept of all its words, when every word is label vocabulary and the concept holds the label's
 * head noun (so "Service Address City:" is not read as one address label). The listed wording (its
 * text and field) keeps its field where its words hold the head and no hint qualifies them: then the
 * whole cell counts only if it names that same field.
 */
export function wholeLabelConcept(
  text: string,
  listed: { text: string; field: LabelField },
  kind: DocumentKind,
): LabelConcept | null {
  const own = labelStems(text).filter((s) => !/^\d+$/.test(s));
  if (!own.length || !own.every(isLabelWord)) return null;
  const head = headOf(own);
  const hinted = hintConcept(text, kind);
  const c = hinted ?? conceptOf(own, kind, head, true);
  if (!c) return null;
  if (c.field === listed.field) return c;
  const listedHead = head !== undefined && labelStems(listed.text).includes(head);
  return hinted || !listedHead ? c : null;
}

/**
 * The final guard: text that is a label, not a value — it ends with a colon, is a hint in
 * parentheses, or is all label vocabulary of any concept, fillers included ("Customer name on file",
 * "Trading As", "Print Name", "Full Legal Name"). A candidate whose value reads so is dropped and the next one used.
 */
export function looksLikeLabelText(value: string): boolean {
  const v = value.trim();
  if (!v) return false;
  if (/:$/.test(v) || /^\(.*\)$/.test(v) || negatedCaptionWord(v)) return true;
  // (digits make data, but not a code a label names in parentheses: "Emergency (E911) address" is a
  // label; "Suite (2nd Floor)" keeps its digits)
  if (/\d/.test(v.replace(/\(\s*[A-Za-z]+\d+\s*\)/g, ' '))) return false;
  // a form's instructions are never data ("as shown on your bill", "Customer name on file", "if applicable")
  if (HINT_PHRASE.test(v)) return true;
  const stems = labelStems(v);
  if (!stems.length) return /^\(/.test(v);
  // every word label vocabulary of some concept ("Full Legal Name", "as shown on statement"): a label;
  // so is a section's heading, label words and a heading noun ("LISTING INFORMATION", "Contact Details")
  if (stems.every((s) => isLabelWord(s) || SECTION_NOUNS.has(s))) return true;
  return labelShaped(v);
}

/**
 * A blank field's statement OCR ran into one word ("Noauthorized contact is on file", "NOCONTACT"): a
 * negation glued to a caption's word — what a form says where there is no value, never a name ("Nolan",
 * "Norton", "Nottingham" are no negation before a caption word).
 */
export function negatedCaptionWord(value: string): boolean {
  const m = /^(?:no|not|non|none)([A-Za-z]{4,})[.,;:]?$/i.exec(value.trim());
  if (!m) return false;
  const stems = labelStems(m[1]!);
  return stems.length === 1 && CONCEPT_STEMS.has(stems[0]!);
}

/** Nouns a section's heading ends with, after the words of what it holds ("Account Information", "Billing Summary"). */
const SECTION_NOUNS: ReadonlySet<string> = new Set([
  'information',
  'info',
  'detail',
  'details',
  'summary',
  'overview',
  'profile',
  'section',
  // the records office's word for details ("ACCOUNT PARTICULARS", "Billing Particulars")
  'particular',
]);

/** Hint phrasing forms put in labels: "as shown on…", "as it appears", "on file", "if applicable", "(print)". */
const HINT_PHRASE =
  /\b(as (shown|it appears|listed|printed|billed|written)|as it is (shown|listed|printed)|exactly as|on (file|record) with|on file\b|if (applicable|different|known|any)\b|please print|print clearly|appears on (the|your)|\((print|please print|required|optional)\))/i;

/** The head nouns labels end with, and the nouns a "… of …" label opens with. */
const LABEL_HEAD = new Set(['name', 'number', 'address', 'code', 'pin', 'id', 'date', 'signature', 'title']);

/**
 * An unlisted label by its shape: a few words ending with a label's head noun ("Firm Name", "Proprietor
 * Number") or on a joining word ("Operating As"), or opening "Name of …" / "Number of …". A business ends with a legal form or joins names
 * with "&", a person's name does not end with "Name": neither is caught.
 */
export function labelShaped(v: string): boolean {
  if (LEGAL_FORM_END.test(v) || /&/.test(v)) return false;
  const words = v.split(/\s+/).filter(Boolean);
  if (words.length < 2 || words.length > 5) return false;
  const last = labelStems(words[words.length - 1]!);
  if (last.length === 1 && LABEL_HEAD.has(last[0]!)) return true;
  // a caption left open for its value ("Operating As", "Requested By", "Known As"): no name ends on a
  // word that joins it to what follows
  if (/^(as|by|of|for|from|with)$/i.test(words[words.length - 1]!)) return true;
  return /^(name|number|address)\s+of\b/i.test(v);
}

/**
 * A name value that begins with label words the layout could not cut off ("CUSTOMER LEGAL Johnson &
 * Reyes PC": a wrapped label's first line runs into its value): the value without them. Only a run of
 * two or more label words that itself names a concept is dropped, and two words must remain, so a
 * name that merely starts with a label word ("Customer Care Group LLC") is kept.
 */
export function withoutLabelPrefix(value: string, kind: DocumentKind): { value: string; dropped: number } | null {
  const words = value.trim().split(/\s+/);
  // the lower-case end of a hint run into the name ("on file Sandhill Family Dentistry, LLP"): a name
  // starts with a capital, so lower-case label words before one are the label's
  let lower = 0;
  while (lower < words.length && /^[a-z]/.test(words[lower]!) && labelStems(words[lower]!).every(isLabelWord)) lower++;
  if (lower > 0 && words.length - lower >= 2 && /^[A-Z0-9]/.test(words[lower]!))
    return { value: words.slice(lower).join(' '), dropped: lower };
  let n = 0;
  while (n < words.length && labelStems(words[n]!).length === 1 && isLabelWord(labelStems(words[n]!)[0]!)) n++;
  if (n < 2 || words.length - n < 2) return null;
  if (!conceptOf(labelStems(words.slice(0, n).join(' ')), kind)) return null;
  return { value: words.slice(n).join(' '), dropped: n };
}

/** A word that is one of the verbs or one of their inflections ("moving", "ported", "stays", "transferred", "leaves"). */
function inflectionsOf(verbs: readonly string[]): RegExp {
  const forms = verbs.map((base) => {
    const stem = base.endsWith('e') ? base.slice(0, -1) : base;
    const doubled = base + base.at(-1);
    return `${base}|${stem}(?:e|es|ed|ing)|${base}s|${doubled}(?:ed|ing)`;
  });
  return new RegExp(`^(?:${forms.join('|')})$`);
}
const MOVING_VERB = inflectionsOf(MOVING_VERBS);
const STAYING_VERB = inflectionsOf(STAYING_VERBS);

/**
 * A caption naming the numbers the customer KEEPS with the carrier (numbers not to port), by its grammar
 * (fields.ts MOVING_VERBS…): a verb of moving negated within two words ("Numbers NOT moving", "Lines not
 * to be transferred", "Do not port"), or a verb of staying with a number noun or "with" after it ("Lines
 * that stay with the current provider", "Numbers to keep with your current carrier", "Numbers Remaining").
 * The current carrier it names is whom the numbers stay with, not the carrier's caption; "Numbers to
 * move" and "Current provider" are no such caption.
 */
export function keptNumbersCaption(text: string): boolean {
  const words = text
    .toLowerCase()
    .replace(/[’]/g, "'")
    .split(/[^a-z#']+/)
    .filter(Boolean);
  if (!words.length || words.length > 9) return false;
  const noun = words.some((w) => NUMBER_NOUNS.some((n) => w === n || w === `${n}s`));
  for (const [i, w] of words.entries()) {
    if (STAYING_VERB.test(w) && (noun || words[i + 1] === 'with')) return true;
    if (!NEGATION_WORDS.includes(w)) continue;
    if (words.slice(i + 1, i + 4).some((n) => MOVING_VERB.test(n))) return true;
  }
  return false;
}
