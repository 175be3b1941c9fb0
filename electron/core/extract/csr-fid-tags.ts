/**
 * The field identifiers (FIDs) of a local exchange carrier's CSR, as its order systems print them (see
 * csr-fid.ts, which reads the records they tag): the vocabulary apart from the reader, so the value grammars
 * (values.ts) may know a tag when they meet one where a value should be.
 */

export type Part = 'street' | 'house' | 'unit' | 'city' | 'state' | 'zip';

export interface Fid {
  /** the caption it stands for ('' for an address part) */
  caption: string;
  /** an address: which one its parts build */
  address?: 'service' | 'billing' | 'listed';
  /** a part of the address open on its line */
  part?: Part;
  /** continues the line above's value (a second name or address line) */
  continues?: 'name' | 'address';
  /** a value of a fixed shape: the tag is one only when such a value follows it, and its value is that alone */
  shape?: 'date' | 'time' | 'phone' | 'count';
}

export const f = (caption: string, more: Omit<Fid, 'caption'> = {}): Fid => ({ caption, ...more });

/** The tags, one or two words, as order systems print them. */
export const FIDS: ReadonlyMap<string, Fid> = new Map<string, Fid>([
  ['BTN', f('BTN')],
  ['ATN', f('BTN')],
  ['ACCT', f('Account Number')],
  ['ACCT NO', f('Account Number')],
  ['ACNT', f('Account Number')],
  ['BAN', f('Account Number')],
  ['CAN', f('Account Number')],
  ['CUS', f('Customer Code')],
  ['CUS CD', f('Customer Code')],
  ['CUST CD', f('Customer Code')],
  ['CUSCODE', f('Customer Code')],
  ['PIN', f('PIN')],
  ['PASSCODE', f('Passcode')],
  ['PC', f('Passcode')],
  ['SPC', f('Passcode')],
  ['AUTH', f('Authorized Contact')],
  ['AUTHNM', f('Authorized Contact')],
  ['AUTH USR', f('Authorized Contact')],
  ['CNTC', f('Authorized Contact')],
  ['CONT', f('Authorized Contact')],
  ['CBR', f('Callback Number')],
  ['CBTN', f('Callback Number')],
  ['CALLBACK', f('Callback Number')],
  ['EFF', f('Effective Date')],
  ['EFF DT', f('Effective Date')],
  ['LACT', f('Last Activity Date')],
  ['ORD DT', f('Order Date')],
  ['INST', f('Install Date')],
  ['IDT', f('Install Date')],
  ['INS', f('Install Date')],
  ['CLS', f('Class of Service')],
  ['CL', f('Class of Service')],
  ['TOS', f('Class of Service')],
  ['SVC CLS', f('Class of Service')],
  ['STAT', f('Status')],
  ['TAR', f('Tax Area')],
  ['ACNA', f('Access Customer Code')],
  ['YPH', f('Yellow Pages Heading')],
  ['BLCD', f('Bill Code')],
  ['CYC', f('Bill Cycle')],
  ['TKT', f('Ticket')],
  ['REQ', f('Requested By')],
  ['REP', f('Representative Code')],
  ['RMKS', f('Remarks')],
  ['PIC', f('Interexchange Carrier Code')],
  ['LPIC', f('Local Carrier Code')],
  // the directory listing: a listed name (often a DBA), its address and number
  ['LN', f('Listed Name')],
  ['LA', f('Directory Listing Address', { address: 'listed', part: 'street' })],
  ['LTN', f('Listed Number')],
  // the billing record: the name over one or two lines, the bill address
  ['BN1', f('Billing Name')],
  ['BN', f('Billing Name')],
  ['BN2', f('', { continues: 'name' })],
  ['BA1', f('Billing Address', { address: 'billing', part: 'street' })],
  ['BA', f('Billing Address', { address: 'billing', part: 'street' })],
  ['BA2', f('', { continues: 'address' })],
  // the premises: one line, or house / street / suite tags
  ['SA', f('Service Address', { address: 'service', part: 'street' })],
  ['SADR', f('Service Address', { address: 'service', part: 'street' })],
  ['SVC ADDR', f('Service Address', { address: 'service', part: 'street' })],
  ['LOC', f('Service Address', { address: 'service', part: 'street' })],
  ['HSE', f('Service Address', { address: 'service', part: 'house' })],
  ['STR', f('', { part: 'street' })],
  ['SUI', f('', { part: 'unit' })],
  ['SUITE', f('', { part: 'unit' })],
  ['FLR', f('', { part: 'unit' })],
  ['RM', f('', { part: 'unit' })],
  ['LCTY', f('', { part: 'city' })],
  ['CTY', f('', { part: 'city' })],
  ['CITY', f('', { part: 'city' })],
  // PO: the post office, the city a bill is mailed through
  ['PO', f('', { part: 'city' })],
  ['ST', f('', { part: 'state' })],
  ['STATE', f('', { part: 'state' })],
  ['LST', f('', { part: 'state' })],
  ['ZIP', f('', { part: 'zip' })],
  ['ZC', f('', { part: 'zip' })],
  ['ZIP CD', f('', { part: 'zip' })],
  // the lines
  ['TN', f('Telephone Number')],
  ['TEL', f('Telephone Number')],
  ['DIDR', f('DID Range')],
  ['DID', f('DID Range')],
  ['FWD', f('Forwarded To')],
  ['RCFTN', f('Forwarded To')],
  ['CFTN', f('Forwarded To')],
  // a page header's run date, time and page: tags only before a value of their shape
  ['RUN DATE', f('CSR Date', { shape: 'date' })],
  ['CSR DATE', f('CSR Date', { shape: 'date' })],
  ['INQ DATE', f('CSR Date', { shape: 'date' })],
  ['PRT DATE', f('CSR Date', { shape: 'date' })],
  ['DATE', f('CSR Date', { shape: 'date' })],
  ['AS OF', f('CSR Date', { shape: 'date' })],
  ['TIME', f('Time', { shape: 'time' })],
  ['TM', f('Time', { shape: 'time' })],
  ['RUN TIME', f('Time', { shape: 'time' })],
  ['PAGE', f('Page', { shape: 'count' })],
  ['PG', f('Page', { shape: 'count' })],
  ['PAGE NO', f('Page', { shape: 'count' })],
]);

/** A word that is one of the tags by itself ("PIC", "CONT", "BN1"): shorthand of a record, no word of a name. */
export const isFidTag = (word: string): boolean => FIDS.has(word.toUpperCase());
