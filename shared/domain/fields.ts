import type { DocumentKind, FieldName } from './document.js';
import type { RejectionCode } from './rejection-codes.js';

/**
 * The field registry: every field PortDesk reads from a document, declared once.
 *
 * - `key`         the field's name in ExtractedFields (shared/domain/document.ts)
 * - `display`     what a person calls the value read on a document (document view, history)
 * - `review`      the review's compared field(s) it is checked as (ComparedField,
 *                 shared/domain/comparison.ts) and their names there — the name the order gives it,
 *                 so also the case's (Details, history, order errors) and the packet's
 * - `concepts`    the label vocabulary as CONCEPTS, not phrases: each entry is a set of word stems
 *                 (see `labelStems`) that together name the field ("customer" + "name"). A label
 *                 whose stems contain a concept — in any order, with fillers, hints in parentheses,
 *                 abbreviations ("Acct. Nbr.", "Svc Addr") — names the field, so unlisted
 *                 wordings still land. Written as a grammar of qualifier and head-noun slots
 *                 (`conceptsOf`: "service|install|premise address|location"); when several concepts
 *                 fit a label, the most specific one whose words stand together and hold the label's
 *                 head noun wins (labels.ts `conceptOf`). `kinds` narrows a concept to the documents
 *                 where it means this field (a bare "Name" is the signer on an LOA, the account on a bill).
 * - `value`       the value grammar: which reader in electron/core/extract/values.ts parses it
 * - `normaliser`  the shared/normalize function the comparison applies before comparing
 * - `compare`     the comparison rule (electron/core/compare) that checks it
 * - `rejection`   the resources/rejections.json code a mismatch predicts (null: none)
 * - `telnyx`      where the value goes in a Telnyx porting order (null: not sent)
 * - `caseField`   the case's own field (shared/domain/case.ts, 'pin' and 'numbers' included), where
 *                 it has one; `caseLabel` names it when the case calls it otherwise than the review
 * - `spelledOut`  the name written out where the label is an abbreviation ("BTN")
 * - `parts`       an address's parts: the Telnyx location attribute, the case field and the CSR
 *                 record's attribute of each
 * - `csr`         where a Telnyx Customer Service Record carries the value: a path in the record's
 *                 `result` (GET /customer_service_records/{id}; shared/porting/csr.ts CsrResult);
 *                 `csrLine` the record's one-line form of an address
 * - `csrAsk`      the item (`additional_data` name) a carrier may ask for before it releases a CSR,
 *                 answered from the case's field; address parts name their own
 *
 * Use `FIELD_REGISTRY` to iterate and `fieldSpec(key)` to look one up; nothing else here has state.
 * comparison.ts and case.ts build their labels on this module, so it imports neither: compared and
 * case field names are plain strings here, checked where those modules read them.
 */
export type ValueGrammar =
  | 'business'
  | 'person'
  | 'phone'
  | 'account'
  | 'pin'
  | 'address'
  | 'phone_list'
  | 'date'
  | 'carrier'
  | 'signature';
export type CompareRule =
  | 'business_name'
  | 'person_name'
  | 'phone'
  | 'account_number'
  | 'pin'
  | 'service_address'
  | 'numbers'
  | 'document_age'
  | 'carrier'
  | 'signature'
  | 'none';

export interface Concept {
  stems: readonly string[];
  kinds?: readonly DocumentKind[];
  /** how sure a label naming this concept is about the field (0..1) */
  weight?: number;
  /** a concept only written out: a record tag's letters never abbreviate it (its words are too common) */
  written?: boolean;
}

/** A compared field of the review, its name there, and its own rejection when not the field's. */
export interface ReviewedAs {
  field: string;
  label: string;
  rejection?: RejectionCode;
}

/** The parts of an address, as ServiceAddress names them (its ZIP is one part here: zip5 and zip4). */
export const ADDRESS_PART_NAMES = ['street_line', 'unit', 'city', 'state', 'zip'] as const;
export type AddressPartName = (typeof ADDRESS_PART_NAMES)[number];

/**
 * One part of an address: where it goes in a Telnyx order's `end_user.location`, the case's field
 * that holds it (the one map between a ServiceAddress and the case's service_* columns), and where
 * a Telnyx CSR record's `result.address` carries it (null: the record has no such part).
 */
export interface AddressPart {
  part: AddressPartName;
  telnyx: string;
  caseField: string;
  caseLabel: string;
  csr: string | null;
  csrAsk?: string;
}

export interface FieldSpec {
  key: FieldName;
  display: string;
  concepts: readonly Concept[];
  value: ValueGrammar;
  normaliser: string | null;
  compare: CompareRule;
  rejection: RejectionCode | null;
  review: readonly ReviewedAs[];
  telnyx: string | null;
  caseField: string | null;
  caseLabel?: string;
  /** the name written out, where the label is an abbreviation (papers PortDesk prints, hints) */
  spelledOut?: string;
  parts?: readonly AddressPart[];
  csr?: string;
  csrLine?: string;
  csrAsk?: string;
}

/**
 * A concept written as slots of word stems, each slot a `|`-list of alternatives: a label names the
 * concept when one stem of every slot is among its words. "service|install|premise address|location"
 * is a qualifier × head-noun grammar (service address, install location, premise address…), so the
 * vocabulary says what the words mean rather than listing each wording. Slots that would repeat one
 * word ("location location") are no concept of two words and are left out.
 */
export function conceptsOf(spec: string, opts: Omit<Concept, 'stems'> = {}): Concept[] {
  let out: string[][] = [[]];
  for (const slot of spec.split(' ')) out = out.flatMap((prefix) => slot.split('|').map((alt) => [...prefix, alt]));
  return out.filter((stems) => new Set(stems).size === stems.length).map((stems) => ({ stems, ...opts }));
}

const c = conceptsOf;

export const FIELD_REGISTRY: readonly FieldSpec[] = [
  {
    key: 'account_name',
    display: 'Account name',
    concepts: [
      // a qualifier naming the customer and a head noun naming its name ("Firm Name", "Customer Legal Name")
      ...c(
        'business|company|customer|account|legal|entity|subscriber|organization|registered|corporate|firm|enterprise|bill|holder name',
      ),
      ...c('account holder'),
      // the title an account is held under is its name ("Account Title")
      ...c('account title'),
      ...c('legal|business|company|customer entity'),
      ...c('end user name'),
      ...c('organization', { weight: 0.8 }),
      ...c('business|company|customer|subscriber|firm', { weight: 0.75 }),
      ...c('entity', { weight: 0.7 }),
      ...c('name', { kinds: ['invoice', 'csr', 'other'], weight: 0.5 }),
    ],
    value: 'business',
    normaliser: 'normalizeBusinessName',
    compare: 'business_name',
    rejection: 'ENTITY_NAME_MISMATCH',
    review: [{ field: 'account_name', label: 'Entity name' }],
    telnyx: 'end_user.admin.entity_name',
    caseField: 'entity_name',
    csr: 'admin.name',
    csrAsk: 'name',
  },
  {
    key: 'authorized_person',
    display: 'Authorized person',
    concepts: [
      // whoever authorises or signs, named by the role ("Authorized Officer", "Authorizing Official")
      ...c('authorize person|name|signer|party|contact|representative|individual|agent|official|officer|user|caller'),
      ...c('signer|signatory name'),
      // whoever decides or answers for the account ("Decision Maker", "Responsible Party", "Legal
      // Representative"): only written out, never read from a record tag's letters ("REP" is no
      // responsible party)
      ...c('decision maker', { weight: 0.9, written: true }),
      ...c('responsible party|person|individual', { weight: 0.8, written: true }),
      ...c('legal representative', { weight: 0.8, written: true }),
      // a name printed or typed under the signature line ("Print Name", "Typed or Printed Name"). (Never
      // "Print" alone: it is a business's own word — "Oak & Ash Printing" wrapped, "PRINTING" alone in its
      // cell, read as the signer's caption, cut the account name short.)
      ...c('print name'),
      ...c('person authorize'),
      // the customer's own agent noun, as LOAs name whoever acts for the account: a representative, an
      // officer, a contact person ("Customer Representative", "Officer Name", "Contact Person") — only on the
      // LOA, where a carrier's bill or record may mean its own staff. (No "requester": the party requesting
      // the port is as often the gaining provider — "Requested by: Meridian Cloud Voice", dev port 12495.)
      ...c('customer|holder|end representative', { kinds: ['loa'], weight: 0.8 }),
      ...c('representative|officer name', { kinds: ['loa'], weight: 0.8 }),
      ...c('representative', { kinds: ['loa'], weight: 0.7 }),
      ...c('contact person|individual', { kinds: ['loa', 'csr'], weight: 0.7 }),
      // one caption for the signer's name and title ("Name / Title", "Name and Title"): the name comes first
      ...c('name title', { kinds: ['loa'], weight: 0.75 }),
      ...c('signatory'),
      ...c('authorize', { kinds: ['loa', 'csr'], weight: 0.8 }),
      ...c('signer', { weight: 0.8 }),
      // a carrier portal names whoever may change the account its administrator ("Account Admin")
      ...c('account administrator', { kinds: ['csr'] }),
      ...c('administrator', { kinds: ['csr'], weight: 0.8 }),
      // the account's own contact is whoever acts for it ("Contact on account", "Primary contact"), where a
      // bare "Contact" may be anyone's
      ...c('account|primary contact', { kinds: ['loa', 'csr'], weight: 0.8 }),
      ...c('contact name', { kinds: ['loa', 'csr'], weight: 0.55 }),
      ...c('contact', { kinds: ['loa', 'csr'], weight: 0.55 }),
      ...c('name', { kinds: ['loa'], weight: 0.55 }),
    ],
    value: 'person',
    normaliser: 'normalizePersonName',
    compare: 'person_name',
    rejection: 'AUTH_PERSON_MISMATCH',
    review: [{ field: 'authorized_person', label: 'Authorized person' }],
    telnyx: 'end_user.admin.auth_person_name',
    caseField: 'authorized_person',
    csr: 'admin.authorized_person_name',
    csrAsk: 'authorized_person_name',
  },
  {
    key: 'btn',
    display: 'BTN',
    spelledOut: 'Billing telephone number',
    concepts: [
      // the account's own (billing, main, lead) telephone number; "account number" alone is no phone
      ...c('bill|main|primary|lead|pilot|account phone'),
      ...c('bill|main|primary|lead|pilot|account phone number|line'),
      ...c('main|primary|lead|pilot number'),
      ...c('main|primary|lead|pilot line'),
      ...c('btn'),
    ],
    value: 'phone',
    normaliser: 'toE164',
    compare: 'phone',
    rejection: 'BTN_ATN_MISMATCH',
    review: [{ field: 'btn', label: 'BTN' }],
    telnyx: 'end_user.admin.billing_phone_number',
    caseField: 'btn',
    csr: 'admin.billing_phone_number',
    csrAsk: 'billing_phone_number',
  },
  {
    key: 'account_number',
    display: 'Account number',
    concepts: [
      // the account (or customer) and an identifier head noun ("Client ID", "Account Identifier")
      ...c('account|customer number|id|code'),
      // the account's reference with the carrier ("Account Ref", "Customer Reference"); a bill's own
      // reference is no account number (labels.ts: invoice|statement|bill|document reference)
      ...c('account|customer reference'),
      ...c('account|customer reference number|id'),
      // the billing relationship's own identifier ("Billing ID"); a bill's number is the invoice's
      ...c('bill id', { weight: 0.85 }),
      ...c('customer|bill|master|summary|subscriber account'),
      ...c('account', { weight: 0.7 }),
    ],
    value: 'account',
    normaliser: 'normalizeAccount',
    compare: 'account_number',
    rejection: 'ACCOUNT_NUMBER_MISMATCH',
    review: [{ field: 'account_number', label: 'Account number' }],
    telnyx: 'end_user.admin.account_number',
    caseField: 'account_number',
    csr: 'admin.account_number',
    csrAsk: 'account_number',
  },
  {
    key: 'pin',
    display: 'PIN / passcode',
    concepts: [
      // a secret the carrier asks for before releasing the numbers: a PIN, passcode or password, or a
      // code qualified as one ("Security Code", "Transfer Code", "Port Authorization Code"), or a phrase
      // or word kept secret the same way ("Security Phrase", "Secret Word")
      ...c('pin|passcode|password', { kinds: ['loa', 'csr', 'other'] }),
      ...c('security|transfer|port|verification|validation|secret|access code|pin|passcode|password|phrase|word', {
        kinds: ['loa', 'csr', 'other'],
      }),
      // …or by how it is given: a secret said over the phone ("Verbal Password", "Spoken PIN"). (Not "voice"
      // nor "wireless": a label word cues its field by its first letters too, and a CSR's "Voice Mail" or
      // "Wire Center" would cue a PIN; a PIN's own noun after them is qualifiedSecret's.)
      ...c('verbal|spoken pin|passcode|password|code|phrase|word', { kinds: ['loa', 'csr', 'other'] }),
      // a secret word by its other names ("Code Word", "Codeword"), and the answer to the account's
      // security question ("Security Answer", "Secret Answer")
      ...c('code word', { kinds: ['loa', 'csr', 'other'] }),
      ...c('security|secret answer', { kinds: ['loa', 'csr', 'other'] }),
      ...c('security|secret question answer', { kinds: ['loa', 'csr', 'other'] }),
      // the PIN's name spelled out ("Personal Identification Number")
      ...c('personal id number', { kinds: ['loa', 'csr', 'other'] }),
      ...c('authorize code', { kinds: ['loa', 'csr', 'other'] }),
      // "Pass Code" written as two words is the passcode, and so is a pass by a secret's other nouns ("Pass
      // No.", "Pass Phrase"; "key" is left out: a "Porting Key" is a reference, not a secret)
      ...c('pass code|number|word|phrase', { kinds: ['loa', 'csr', 'other'] }),
      ...c('port out code|pin|passcode|password', { kinds: ['loa', 'csr', 'other'] }),
    ],
    value: 'pin',
    normaliser: null,
    compare: 'pin',
    rejection: 'PASSCODE_PIN_INVALID',
    review: [{ field: 'pin', label: 'PIN / passcode' }],
    telnyx: 'end_user.admin.pin_passcode',
    caseField: 'pin',
    csrAsk: 'pin',
    caseLabel: 'PIN',
  },
  {
    key: 'service_address',
    display: 'Service address',
    concepts: [
      // where the service is: a place qualifier and a place head noun ("Site Location", "Premises Address")
      ...c('service|install|physical|premise|site|e911|location address|location|site|premise|place'),
      ...c('end user address'),
      // where 911 calls are located: a hosted-PBX site's or a mobile account's registered place of service
      ...c('emergency address|location'),
      ...c('premise|location|site', { weight: 0.8 }),
      ...c('account|customer|business address', { weight: 0.85 }),
      // a question naming the place served ("Where your service is", "Where is service installed?")
      ...c('where service|install'),
      // the place a service is delivered to ("Service delivered at", "Where service is delivered")
      ...c('service deliver'),
    ],
    value: 'address',
    normaliser: 'normalizeAddress',
    compare: 'service_address',
    rejection: 'LOCATION_MISMATCH',
    review: [{ field: 'service_address', label: 'Service address' }],
    telnyx: 'end_user.location',
    caseField: null,
    csr: 'address',
    csrLine: 'full_address',
    parts: [
      {
        part: 'street_line',
        telnyx: 'street_address',
        caseField: 'service_street',
        caseLabel: 'Service street',
        csr: 'street_address',
        csrAsk: 'address_line_1',
      },
      { part: 'unit', telnyx: 'extended_address', caseField: 'service_unit', caseLabel: 'Unit', csr: null },
      {
        part: 'city',
        telnyx: 'locality',
        caseField: 'service_city',
        caseLabel: 'City',
        csr: 'locality',
        csrAsk: 'city',
      },
      {
        part: 'state',
        telnyx: 'administrative_area',
        caseField: 'service_state',
        caseLabel: 'State',
        csr: 'administrative_area',
        csrAsk: 'state',
      },
      {
        part: 'zip',
        telnyx: 'postal_code',
        caseField: 'service_zip',
        caseLabel: 'ZIP',
        csr: 'postal_code',
        csrAsk: 'zip_code',
      },
    ],
  },
  {
    key: 'billing_address',
    display: 'Billing address',
    // a postal address is where mail goes: the mailing address, not the premises
    concepts: [
      ...c('bill|mail|invoice|statement|postal address'),
      // ("Invoice To", "Invoiced to": whom the invoice goes to)
      ...c('bill|mail|invoice|sold to'),
      // a question naming where the bills go ("Where bills are mailed", "Where we send invoices")
      ...c('where bill|mail|invoice|statement'),
      // (a payment is sent to the remit-to address: only bills name the billing one)
      ...c('send bill|invoice|statement'),
    ],
    value: 'address',
    normaliser: 'normalizeAddress',
    compare: 'none',
    rejection: null,
    review: [],
    telnyx: null,
    caseField: null,
  },
  {
    key: 'phone_numbers',
    display: 'Phone numbers',
    concepts: [
      ...c('phone number', { weight: 0.9 }),
      ...c('work phone number'),
      // the numbers (lines) being ported: "Numbers to Port", "Ported Numbers", "Lines to Port"
      ...c('number|line|phone port'),
      ...c('did range'),
    ],
    value: 'phone_list',
    normaliser: 'toE164',
    compare: 'numbers',
    rejection: 'PHONE_NUMBER_MISMATCH',
    review: [{ field: 'phone_numbers', label: 'Numbers to port' }],
    telnyx: 'phone_numbers',
    caseField: 'numbers',
    // with the number the record is for
    csr: 'associated_phone_numbers',
    caseLabel: 'Numbers',
  },
  {
    key: 'numbers_not_to_port',
    display: 'Numbers not to port',
    concepts: [],
    value: 'phone_list',
    normaliser: 'toE164',
    compare: 'numbers',
    rejection: 'LOA_NUMBER_NOT_LISTED',
    review: [],
    telnyx: null,
    caseField: null,
  },
  {
    key: 'document_date',
    display: 'Document date',
    concepts: [
      ...c('invoice|statement|bill date', { kinds: ['invoice', 'csr', 'other'] }),
      // the day a bill's cycle closed is the bill's date ("Cycle Date", "Close Date")
      ...c('cycle|close date', { kinds: ['invoice', 'other'] }),
      ...c('issue|print date'),
      // the day a bill was issued, in a verb's words ("Bill issued", "Statement issued", "Invoice issued")
      ...c('bill|invoice|statement issue', { kinds: ['invoice', 'csr', 'other'] }),
      // the day a record was produced: "Report Date", "Date Generated", "Date Prepared", "Inquiry Date", and
      // the day a desk answered a request for it: "Date Completed", "Response Date" (a response is read as a
      // reply, STEM: "response" as a concept word would take the tag "RESP" from "responsible party")
      ...c('report|generate|prepare|inquiry|run|pull|extract|complete|reply date', {
        kinds: ['invoice', 'csr', 'other'],
      }),
      // (the day it was authorised is the day it was signed: "Authorization Date", "Date of Authorization")
      ...c('signature|sign|execute|authorize|signer date', { kinds: ['loa', 'other'] }),
      // the day a form was filled in ("Today's date" beside the signature)
      ...c('today date', { kinds: ['loa', 'other'] }),
    ],
    value: 'date',
    normaliser: null,
    compare: 'document_age',
    rejection: 'INVOICE_TOO_OLD',
    review: [
      { field: 'invoice_date', label: 'Invoice date' },
      { field: 'loa_date', label: 'LOA date', rejection: 'LOA_TOO_OLD' },
    ],
    telnyx: null,
    caseField: null,
  },
  {
    key: 'carrier_name',
    display: 'Carrier',
    concepts: [
      // the carrier the numbers leave, by any word for "the one now" and any word for a carrier
      ...c('current|lose|exist|old|previous|incumbent carrier|provider|vendor', { kinds: ['loa', 'other'] }),
      ...c('carrier name', { kinds: ['loa', 'other'] }),
    ],
    value: 'carrier',
    normaliser: 'carrierKey',
    compare: 'carrier',
    rejection: null,
    review: [{ field: 'losing_carrier', label: 'Losing carrier' }],
    telnyx: null,
    caseField: 'losing_carrier',
    csr: 'carrier_name',
  },
  {
    key: 'signature_present',
    display: 'Signature',
    concepts: [],
    value: 'signature',
    normaliser: null,
    compare: 'signature',
    rejection: 'LOA_UNSIGNED',
    review: [{ field: 'loa_signature', label: 'LOA signature' }],
    telnyx: null,
    caseField: null,
  },
];

/**
 * The grammar of a caption naming the numbers an LOA keeps with the carrier (numbers_not_to_port): a verb
 * of moving the numbers, negated ("Numbers NOT moving", "Not to be transferred"), or a verb of staying
 * ("Lines that stay with the current provider", "Numbers to keep with your current carrier", "Numbers
 * Remaining"). Verbs by their base forms, every inflection read ("moving", "ported", "stays", "kept").
 */
export const MOVING_VERBS: readonly string[] = ['port', 'move', 'transfer', 'switch', 'leave', 'go'];
export const STAYING_VERBS: readonly string[] = ['stay', 'remain', 'keep', 'kept', 'retain'];
export const NEGATION_WORDS: readonly string[] = ['not', 'never', "don't", "won't", "aren't", "isn't"];
/** Nouns a caption names the numbers by ("Numbers", "Lines", "TNs", "DIDs", "Phone #s"). */
export const NUMBER_NOUNS: readonly string[] = ['number', 'line', 'tn', 'did', 'phone', '#', 'no'];

/**
 * Roles a carrier's roster of the account's people prints beside each name ("Olga Whitaker -
 * Administrator", a Name | Role | Phone table of authorized users): these give authority over the
 * whole account, so the one holding them is the authorized person; the roster's other people (a line's
 * user, a billing contact, a viewer) are not, whatever the roster's heading calls them all.
 */
export const MANAGING_ROLE_WORDS: readonly string[] = ['admin', 'administrator', 'manager', 'owner', 'principal'];
/** Every role word such a roster prints (the managing ones and the rest): a cell of them names a role. */
export const ROSTER_ROLE_WORDS: readonly string[] = [
  ...MANAGING_ROLE_WORDS,
  'user',
  'viewer',
  'contact',
  'access',
  'member',
  'delegate',
];

/**
 * The verbs a change record's entry opens with ("Removed Hannah Okafor from authorized contacts", "Added
 * …"): a person reading that opens with one is an account history's line, not the name of whoever holds
 * the account now. No given name is such a verb.
 */
export const CHANGE_LOG_VERBS: readonly string[] = [
  'added',
  'removed',
  'deleted',
  'changed',
  'updated',
  'replaced',
  'revoked',
  'granted',
  'assigned',
  'unassigned',
  'transferred',
  'disabled',
  'enabled',
];

/**
 * The change record's verbs that take a person off the account ("Removed Dana Sullivan from authorized
 * contacts", "Revoked: Omar Reyes"): a history that writes one beside a name says that person was on the
 * account once and may be no longer.
 */
export const REMOVING_CHANGE_VERBS: readonly string[] = ['removed', 'deleted', 'revoked', 'disabled', 'unassigned'];

/**
 * Words a record or a form writes where a person's name would stand for a desk, a department or a
 * place in the office ("/CONT FRONT DESK", "MAIN OFFICE", "ACCOUNTS PAYABLE", "SWITCHBOARD"): a name
 * made of them only is nobody's. The one list for the extractor (such a reading is no person) and the
 * review (no signer to hold against the LOA).
 */
export const DESK_WORDS: readonly string[] = [
  'front',
  'desk',
  'main',
  'office',
  'reception',
  'receptionist',
  'lobby',
  'service',
  'services',
  'billing',
  'accounts',
  'payable',
  'receivable',
  'dept',
  'department',
  'helpdesk',
  'help',
  'support',
  'switchboard',
  'mailroom',
  'operator',
  'staff',
  'admin',
  'team',
];

/**
 * Labels of an address the customer has left ("Former Service Address", "Previous Location", "Vacated
 * Premises"): the place the lines are no longer at, never the service address to port (a move order or
 * a carrier form lists it beside the current one). Being more words than the place concept they qualify,
 * they outrank it wherever the label holds them. (The verbs, "Moved From", are phrases in the extractor's
 * label table: "from" is no concept word.)
 */
export const FORMER_ADDRESS_CONCEPTS: readonly Concept[] = [
  ...c(
    'former|previous|prior|old|past|vacated service|install|physical|premise|site|location address|location|site|premise|place',
  ),
  ...c('former|previous|prior|old|past|vacated address|location|site|premise|place'),
];

const BY_KEY = new Map(FIELD_REGISTRY.map((f) => [f.key, f]));

export function fieldSpec(key: FieldName): FieldSpec {
  const f = BY_KEY.get(key);
  if (!f) throw new Error(`field registry: no field "${key}"`);
  return f;
}

/** The rejection a mismatch of `key` predicts; for fields that have one (a programming error otherwise). */
export function rejectionOf(key: FieldName): RejectionCode {
  const code = fieldSpec(key).rejection;
  if (!code) throw new Error(`field registry: field "${key}" predicts no rejection`);
  return code;
}

const REVIEWED = new Map(FIELD_REGISTRY.flatMap((f) => f.review.map((r) => [r.field, { spec: f, as: r }] as const)));

/** The registry's field a compared field of the review checks, and the compared field's name. */
export function reviewedField(compared: string): { spec: FieldSpec; label: string } {
  const r = REVIEWED.get(compared);
  if (!r) throw new Error(`field registry: no field is compared as "${compared}"`);
  return { spec: r.spec, label: r.as.label };
}

/** The rejection a difference in a compared field predicts: its own, else its registry field's. */
export function reviewedRejection(compared: string): RejectionCode {
  const r = REVIEWED.get(compared);
  const code = r?.as.rejection ?? r?.spec.rejection;
  if (!code) throw new Error(`field registry: a difference in "${compared}" predicts no rejection`);
  return code;
}

/**
 * Every case field the registry names, with what the case calls it: the field's own `caseLabel`,
 * else its name in the review, and each address part's.
 */
export function caseFieldLabels(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of FIELD_REGISTRY) {
    const label = f.caseLabel ?? f.review[0]?.label ?? f.display;
    if (f.caseField) out[f.caseField] = label;
    for (const p of f.parts ?? []) out[p.caseField] = p.caseLabel;
  }
  return out;
}

/**
 * Telnyx order attribute (the last segment of its path) → the case field whose value it carries:
 * `end_user.admin.entity_name` → entity_name, `end_user.location` parts → service_street…,
 * `phone_numbers` → numbers.
 */
export function telnyxAttributeFields(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of FIELD_REGISTRY) {
    if (f.telnyx && f.caseField) out[f.telnyx.split('.').at(-1)!] = f.caseField;
    for (const p of f.parts ?? []) out[p.telnyx] = p.caseField;
  }
  return out;
}

/** A label inside a sentence: "Entity name" → "entity name", acronyms kept ("BTN", "PIN / passcode", "LOA date"). */
export function labelInSentence(label: string): string {
  return label.replace(/\b[A-Z][a-z]+\b/g, (w) => w.toLowerCase());
}

/**
 * Abbreviations and inflections → one stem per concept word. Labels are matched on these stems,
 * so "Acct. Nbr.", "Account No." and "Account Number" are one wording.
 */
const STEM: Record<string, string> = {
  acct: 'account',
  acc: 'account',
  accts: 'account',
  accounts: 'account',
  ac: 'account',
  no: 'number',
  nbr: 'number',
  num: 'number',
  numb: 'number',
  numbers: 'number',
  '#': 'number',
  nr: 'number',
  nos: 'number',
  tel: 'phone',
  telephone: 'phone',
  ph: 'phone',
  phones: 'phone',
  // a TN is a telephone number ("Main TN", "Bill TN", "TNs to Port")
  tn: 'phone number',
  tns: 'phone number',
  cus: 'customer',
  cust: 'customer',
  customers: 'customer',
  clnt: 'customer',
  client: 'customer',
  // whoever buys the service or is registered for it is the customer ("Purchaser", "Registrant")
  purchaser: 'customer',
  buyer: 'customer',
  registrant: 'customer',
  svc: 'service',
  serviced: 'service',
  served: 'service',
  // the telco's word for the place served ("Serving address", "Serving location")
  serving: 'service',
  serv: 'service',
  services: 'service',
  srv: 'service',
  addr: 'address',
  add: 'address',
  adr: 'address',
  addresses: 'address',
  loc: 'location',
  located: 'location',
  locn: 'location',
  premises: 'premise',
  auth: 'authorize',
  admin: 'administrator',
  administrators: 'administrator',
  // whoever administers the account for the customer ("Administrative Contact", "Admin Contact")
  administrative: 'administrator',
  authorized: 'authorize',
  authorised: 'authorize',
  authorizing: 'authorize',
  authorising: 'authorize',
  authorization: 'authorize',
  authorizer: 'authorize',
  authoriser: 'authorize',
  authorizers: 'authorize',
  authorisers: 'authorize',
  // a fixed-width record's clipped tag ("/AUTHZD PATRICIA E. ZHANG")
  authzd: 'authorize',
  authd: 'authorize',
  authz: 'authorize',
  biz: 'business',
  bus: 'business',
  businesses: 'business',
  co: 'company',
  // a line's class of service, a record's "COS" tag: never the plural of "Co." (company)
  cos: 'cos',
  cmpny: 'company',
  companies: 'company',
  nm: 'name',
  names: 'name',
  bill: 'bill',
  billed: 'bill',
  billing: 'bill',
  bills: 'bill',
  installation: 'install',
  delivered: 'deliver',
  delivery: 'deliver',
  installed: 'install',
  inst: 'install',
  signed: 'sign',
  signing: 'sign',
  signer: 'signer',
  signers: 'signer',
  signatory: 'signatory',
  // whoever signs is the signer, whoever consents or approves authorises ("Signee", "Consenting Party",
  // "Approved By")
  signee: 'signer',
  consent: 'authorize',
  consenting: 'authorize',
  consented: 'authorize',
  approved: 'authorize',
  approver: 'authorize',
  approving: 'authorize',
  // one designated to act for the account is authorised to ("Designated Representative", "Designated
  // Contact"); the noun "Designation" stays a title's caption
  designated: 'authorize',
  // …and so is one nominated or appointed to ("Nominated Contact", "Appointed Representative")
  nominated: 'authorize',
  appointed: 'authorize',
  signature: 'signature',
  sig: 'signature',
  printed: 'print',
  printing: 'print',
  // a name typed under the signature line is a printed one ("Typed Name", "Typewritten Name")
  typed: 'print',
  typewritten: 'print',
  org: 'organization',
  organisation: 'organization',
  holder: 'holder',
  holders: 'holder',
  owner: 'holder',
  mailing: 'mail',
  mailed: 'mail',
  remittance: 'remit',
  existing: 'exist',
  sec: 'security',
  passphrase: 'password',
  pswd: 'password',
  // a pass and its noun written as one word ("Passkey", "PassNo")
  passkey: 'passcode',
  passno: 'pass number',
  passnum: 'pass number',
  passnumber: 'pass number',
  inv: 'invoice',
  ref: 'reference',
  transferred: 'transfer',
  generated: 'generate',
  prepared: 'prepare',
  completed: 'complete',
  // (a response is a reply: "response" itself no concept word, which would take "RESP" from "responsible")
  response: 'reply',
  // a postcode is the postal (ZIP) code
  postcode: 'postal code',
  post: 'postal',
  dir: 'directory',
  // a directory listing is the listed name ("LISTING INFORMATION", "Listing Name")
  listing: 'listed',
  usr: 'user',
  ctc: 'contact',
  bl: 'bill',
  eqp: 'equipment',
  xfer: 'transfer',
  xfr: 'transfer',
  ported: 'port',
  porting: 'port',
  identification: 'id',
  // shortened identifier and report words ("Account Ident.", "Rpt. Date", "Stmt Date")
  ident: 'id',
  idnt: 'id',
  rpt: 'report',
  stmt: 'statement',
  invoiced: 'invoice',
  pulled: 'pull',
  executed: 'execute',
  execution: 'execute',
  // the city named by its civic words ("Locality", "Municipality")
  locality: 'city',
  municipality: 'city',
  passwd: 'password',
  pwd: 'password',
  losing: 'lose',
  providers: 'provider',
  carriers: 'carrier',
  issued: 'issue',
  dt: 'date',
  dated: 'date',
  registered: 'registered',
  id: 'id',
  identifier: 'id',
  working: 'work',
  trading: 'trade',
  traded: 'trade',
  persons: 'person',
  contacts: 'contact',
  representative: 'representative',
  rep: 'representative',
  // whoever is named to act for another is their representative ("Designee", "Delegate", "Proxy")
  designee: 'representative',
  delegate: 'representative',
  proxy: 'representative',
  enduser: 'end user',
  // record tags of fixed-width CSRs
  acnt: 'account',
  accnt: 'account',
  mbtn: 'main btn',
  atn: 'btn',
  cusnm: 'customer name',
  custnm: 'customer name',
  csz: 'city state zip',
  ctystzip: 'city state zip',
  sa: 'service address',
  ba: 'bill address',
  ln: 'listed name',
  bn: 'bill name',
  lstd: 'listed',
  cntct: 'contact',
  // a point of contact is the account's one contact, its primary one ("POC", "POC NM"; "Point of Contact")
  poc: 'primary contact',
  // a record tag's shortening of a party ("RESP PTY", "AUTH PTY"). (Not "PRI" for primary: a PRI is a
  // trunk, "Service Type -- PRI")
  pty: 'party',
  passcd: 'passcode',
  codeword: 'code word',
  // proving who one is: authenticating is verifying ("Authentication Code", "Authentication PIN")
  authentication: 'verification',
  authenticate: 'verification',
  pw: 'passcode',
  cty: 'city',
  st: 'state',
  zipcode: 'zip',
  blng: 'bill',
  bil: 'bill',
  sadr: 'service address',
  saddr: 'service address',
  svcadr: 'service address',
  svcaddr: 'service address',
  badr: 'bill address',
  baddr: 'bill address',
  mail: 'mail',
  mailto: 'mail address',
  acctno: 'account number',
  // the billing account number's initials ("BAN", "BAN #"): an account number, as the words say — but no "bill"
  // among them, which would name the billing address ("Service Address for BAN" is no billing caption)
  ban: 'account number',
};

/**
 * Words that name an address part only in a caption listing the parts ("Town / ST / Zip", "City/Town",
 * "TOWN, STATE, ZIP"):
 * elsewhere they are a name's own words ("Old Town Brewing Co").
 */
const LISTED_STEM: Readonly<Record<string, string>> = { town: 'city' };

/** Words that carry no concept: articles, hints ("as shown", "on file"), politeness. */
export const LABEL_FILLERS: ReadonlySet<string> = new Set([
  'of',
  'the',
  'a',
  'an',
  'on',
  'as',
  'is',
  'in',
  'at',
  'for',
  'to',
  'your',
  'our',
  'this',
  'that',
  'it',
  'its',
  'appears',
  'appear',
  'shown',
  'show',
  'file',
  // a legal name "as filed" (with the state) says where it is written, as "on file" does
  'filed',
  'record',
  'records',
  'please',
  'if',
  'applicable',
  'any',
  'full',
  'exact',
  'exactly',
  'with',
  'by',
  'where',
  'be',
  'are',
  'and',
  'or',
  'who',
  'which',
  'current',
  'currently',
  'our',
  'my',
  'from',
  'here',
  'below',
  'above',
  'same',
  'used',
  'listed',
  'statement',
  'invoice',
  'request',
  'this',
  'requested',
  'legal',
  'official',
  'primary',
  'main',
  'new',
  'old',
  'enter',
  'provide',
  'write',
  'clearly',
  'required',
  'optional',
  'only',
  // "Position Held", "Office Held": the held thing is the head
  'held',
  'l',
  's',
  'name',
  'i',
  'e',
]);

/**
 * A label's concept stems: folded, parentheses (hints) dropped, abbreviations expanded, possessives
 * and plurals trimmed. Fillers are kept out unless they are themselves concept words of a field
 * ("name", "legal", "main", "primary", "bill"): the caller decides with `isConceptWord`.
 */
export function labelStems(label: string): string[] {
  const noHints = invertedCaption(
    oneLanguage(label)
      .replace(/\([^)]*\)?/g, ' ')
      .replace(/\[[^\]]*\]?/g, ' '),
  )
    // dotted initials are one word ("D.B.A." is DBA)
    .replace(/\b(?:[A-Za-z]\.){2,}/g, (m) => m.replace(/\./g, ''));
  const words = noHints
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’]s\b/g, '')
    // a letter hyphened to its number is one word ("E-911" is E911, as "SA-1" is SA1)
    .replace(/\b([a-z])-(\d+)\b/g, '$1$2')
    .replace(/#/g, ' # ')
    .replace(/\bd\/b\/a\b/g, 'dba')
    // "A/C" is the account's shorthand, one word as "AC" is ("A/C No.", "A/C #")
    .replace(/\ba\/c\b/g, 'ac')
    .replace(/[^a-z0-9#]+/g, ' ')
    .trim()
    .split(' ')
    .filter(Boolean)
    .flatMap(spanishWord);
  spanishOrder(words);
  byAgent(words);
  personPhrases(words);
  const out: string[] = [];
  // (a list of the parts is slashed or comma-separated beside another part's word: "TOWN, STATE, ZIP")
  const slashed = label.includes('/') || (label.includes(',') && /\b(?:state|st|zip)\b/i.test(label));
  // record tags are written in capitals: only there are two known tags glued into one ("CUSTNO", "BILLTN")
  const tags = new Set((label.match(/\b[A-Z]{5,}\b/g) ?? []).map((t) => t.toLowerCase()));
  // a tag glued to its line number ("ADDR2", "SA1") is the tag
  for (const w of words.flatMap((x) =>
    /^[a-z]{2,}\d$/.test(x) ? [x.slice(0, -1)] : tags.has(x) ? gluedTags(x) : [x],
  )) {
    const mapped =
      stemOf(w) ??
      (slashed ? LISTED_STEM[w] : undefined) ??
      (plural(w) ? (stemOf(w.slice(0, -1)) ?? w.slice(0, -1)) : w);
    // a number sign after an identifier's own noun adds nothing: "PIN #", "Passcode No.", "ID Nbr" name
    // the PIN, passcode, ID (not a "customer … number" read across "Customer PIN No.")
    if (mapped === 'number' && NUMBER_SIGNS.has(w) && IDENTIFIER_HEADS.has(out[out.length - 1] ?? '')) continue;
    out.push(...mapped.split(' '));
  }
  return out;
}

/**
 * Whoever did what a participle says, named by "by" after it: "Signed by" and "Executed by" name the
 * signer — the agent noun's concept, not the act's ("Date Signed" stays a date of signing). "Authorized
 * by" and "Approved by" need nothing here: their stem is already the one of the authorising person.
 * ("Requested by" is left out: on an LOA it names the gaining provider as often as a person.)
 */
const BY_AGENT: Readonly<Record<string, string>> = {
  signed: 'signer',
  executed: 'signer',
};

/** Works in place: a participle in `BY_AGENT` followed by "by" becomes its agent noun. */
function byAgent(words: string[]): void {
  for (let i = 0; i + 1 < words.length; i++) {
    const agent = Object.hasOwn(BY_AGENT, words[i]!) ? BY_AGENT[words[i]!] : undefined;
    if (agent && words[i + 1] === 'by') words[i] = agent;
  }
}

/**
 * Works in place: the phrases that name the account's person with words of no concept. "Point of contact"
 * is the primary contact. And an authorisation's scope after its word, an infinitive whose verb is no concept
 * word ("Person Authorized to Make Changes", "Authorized to Act"), says what the person may do, not what
 * the caption names: it is dropped. (A concept verb stays: "Numbers Authorized to Port" names the numbers.)
 */
function personPhrases(words: string[]): void {
  for (let i = 0; i + 2 < words.length; i++)
    if (words[i] === 'point' && words[i + 1] === 'of' && /^contacts?$/.test(words[i + 2]!))
      words.splice(i, 3, 'primary', 'contact');
  const to = words.findIndex((w, i) => w === 'to' && i > 0 && stemOf(words[i - 1]!) === 'authorize');
  const verb = words[to + 1];
  if (to > 0 && verb && !CONCEPT_WORDS.has(verb) && !knownStem(verb) && words.length - to <= 5) words.splice(to);
}

/**
 * Spanish caption words (the bilingual bills and forms of carriers serving Puerto Rico and the Southwest)
 * as the English words they translate: "Número de cuenta" is an account number, "Dirección postal" a
 * postal address. Only words no English caption uses are here, so an English label reads as before.
 */
const SPANISH: Readonly<Record<string, string>> = {
  numero: 'number',
  cuenta: 'account',
  nombre: 'name',
  cliente: 'customer',
  empresa: 'company',
  negocio: 'business',
  titular: 'holder',
  direccion: 'address',
  domicilio: 'address',
  servicio: 'service',
  instalacion: 'install',
  facturacion: 'bill',
  factura: 'invoice',
  cobro: 'bill',
  fecha: 'date',
  vencimiento: 'due',
  vence: 'due',
  emision: 'issue',
  telefono: 'phone',
  linea: 'line',
  lugar: 'location',
  ubicacion: 'location',
  firma: 'signature',
  autorizada: 'authorize',
  autorizado: 'authorize',
  enviar: 'mail',
  remitir: 'remit',
  pagar: 'pay',
  // a PIN in Spanish: the NIP (número de identificación personal), a "clave" or "contraseña", a "código
  // de seguridad / de acceso / de verificación"
  nip: 'pin',
  clave: 'passcode',
  contrasena: 'password',
  codigo: 'code',
  seguridad: 'security',
  acceso: 'access',
  verificacion: 'verification',
};
/** Verbs of a Spanish caption ("Enviar a", "Remitir a"): read in their own order, "a" being "to". */
const SPANISH_VERBS: ReadonlySet<string> = new Set(['mail', 'remit', 'pay']);
/** Spanish articles and prepositions inside a caption ("de la", "del"): fillers there, names' words elsewhere. */
const SPANISH_LINKS: ReadonlySet<string> = new Set(['de', 'del', 'la', 'el', 'los', 'las', 'su', 'y', 'a']);
/** Spanish qualifiers that follow their noun ("Dirección postal", "Teléfono principal"). */
const SPANISH_AFTER: Readonly<Record<string, string>> = {
  postal: 'postal',
  principal: 'main',
  comercial: 'business',
  secreta: 'secret',
  secreto: 'secret',
};

/** Marks a translated Spanish word, so the caption's word order can be read as Spanish (see spanishOrder). */
const ES = '\u0000';

function spanishWord(w: string): string[] {
  const en = Object.hasOwn(SPANISH, w) ? SPANISH[w] : undefined;
  return en ? [`${ES}${en}`] : [w];
}

/**
 * A Spanish caption names its head noun first and qualifies it after ("número de cuenta", "fecha de
 * vencimiento", "dirección postal"): read in English order, qualifiers first and the head last, as the
 * concepts and `headOf` expect. Only a caption that opens on a Spanish noun (or "Núm. de …") is
 * reordered; its articles are dropped. Works in place; removes the markers in any case.
 */
function spanishOrder(words: string[]): void {
  const first = words[0] ?? '';
  const opens = first.startsWith(ES) || (/^(num|no|nro)$/.test(first) && SPANISH_LINKS.has(words[1] ?? ''));
  const spanish =
    opens && words.slice(1).every((w) => w.startsWith(ES) || SPANISH_LINKS.has(w) || Object.hasOwn(SPANISH_AFTER, w));
  const plain = words.map((w) => (w.startsWith(ES) ? w.slice(ES.length) : w));
  if (spanish && SPANISH_VERBS.has(plain[0]!)) {
    const rest = plain.slice(1).flatMap((w) => (w === 'a' ? ['to'] : SPANISH_LINKS.has(w) ? [] : [w]));
    words.splice(0, words.length, plain[0]!, ...rest);
  } else if (spanish && words.length > 1) {
    const rest = plain.slice(1).filter((w) => !SPANISH_LINKS.has(w));
    words.splice(
      0,
      words.length,
      ...rest.map((w) => (Object.hasOwn(SPANISH_AFTER, w) ? SPANISH_AFTER[w]! : w)),
      plain[0]!,
    );
  } else words.splice(0, words.length, ...plain);
}

/**
 * One caption in two languages is one caption: of "Número de cuenta / Account Number" (or the
 * Spanish and English the other way round) the English side is the label; parentheses are hints and
 * dropped anyway ("Account No. (Núm. de cuenta)"). Slashes between parts of one language ("City /
 * State / Zip", "D/B/A") are left as they are.
 */
function oneLanguage(label: string): string {
  return twoLanguageSides(label) ?? label;
}

/** A caption printed in Spanish and English, one side each of a slash: its English side(s), else null. */
function twoLanguageSides(label: string): string | null {
  if (!label.includes('/')) return null;
  const sides = label.split(/\s*\/\s*/);
  const spanish = (side: string) =>
    side
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .split(/[^a-z]+/)
      .some((w) => Object.hasOwn(SPANISH, w));
  const english = sides.filter((x) => x.trim() && !spanish(x));
  return english.length && english.length < sides.length ? english.join(' / ') : null;
}

/**
 * A caption printed in two languages ("Fecha / Date", "Número de cuenta / Account Number"): whole in
 * itself, each side the same caption, so never the first line of a longer label wrapped below it.
 */
export function twoLanguageCaption(label: string): boolean {
  return twoLanguageSides(label) !== null;
}

/**
 * A caption written head first and its qualifier after a comma, as an index writes it ("Number, Account",
 * "PIN, Account", "Passcode, Customer"): read in a caption's own order, qualifier then head ("Account PIN").
 * Only an identifier's head noun opens such a caption (a list of parts, "City, State", is no inversion),
 * and the qualifier names no identifier of its own ("PIN, Code" lists two wordings).
 */
function invertedCaption(text: string): string {
  const m =
    /^\s*([A-Za-z#]+\.?(?:\s*(?:#|no\.?|nbr\.?|num\.?))?)\s*,\s*([A-Za-z][A-Za-z.'’-]*(?:\s+[A-Za-z][A-Za-z.'’-]*){0,2})\s*([:#]?)\s*$/i.exec(
      text,
    );
  if (!m) return text;
  const head = (w: string) => {
    const k = w
      .toLowerCase()
      .split(/[\s.]/)[0]!
      .replace(/[^a-z#]/g, '');
    return INVERTED_HEADS.has(stemOf(k) ?? k);
  };
  return head(m[1]!) && !m[2]!.split(/\s+/).some(head) ? `${m[2]} ${m[1]} ${m[3]}` : text;
}

/**
 * The signs a caption writes for "number" after its words ("#", "No.", "Nbr", "Num.", "Nr."), unlike the noun
 * "number" itself, with their dot: `required` where the bare letters are a word of their own ("No PIN", "Num"
 * is no sign without its dot), `optional` where they are a sign either way ("Nbr", "Nr."). The one list for
 * the caption's words (labelStems) and for a sign token standing after a caption (layout's NUMBER_SIGN).
 */
export const NUMBER_SIGN_FORMS: readonly { form: string; dot: 'none' | 'required' | 'optional' }[] = [
  { form: '#', dot: 'none' },
  { form: 'no', dot: 'required' },
  { form: 'nbr', dot: 'optional' },
  { form: 'num', dot: 'required' },
  { form: 'numb', dot: 'required' },
  { form: 'nr', dot: 'optional' },
];
const NUMBER_SIGNS: ReadonlySet<string> = new Set(NUMBER_SIGN_FORMS.map((s) => s.form));
/** Head nouns that already name an identifier: a number sign after them is redundant. */
export const IDENTIFIER_HEADS: ReadonlySet<string> = new Set(['pin', 'passcode', 'password', 'code', 'id']);
/** The head nouns a caption written head first opens with: an identifier's, or the number itself. */
const INVERTED_HEADS: ReadonlySet<string> = new Set([...IDENTIFIER_HEADS, 'number']);

/** A word's stem from the table (own entries only: "constructor" is a word, not a property). */
function stemOf(w: string): string | undefined {
  return Object.hasOwn(STEM, w) ? STEM[w] : undefined;
}

/** A word known to the label vocabulary as it stands: an abbreviation or a concept word. */
function knownStem(w: string): boolean {
  return stemOf(w) !== undefined || CONCEPT_WORDS.has(w);
}

const GLUED_TAILS = new Set(['no', 'nm', 'tn', 'id', 'nr']);

/**
 * An unknown tag of five or more letters that is two known tags glued together ("CUSTNO" = CUST·NO,
 * "ACCTID", "SVCLOC"): the two tags. Anything else is the word.
 */
function gluedTags(w: string): string[] {
  if (w.length < 5 || knownStem(w) || plural(w) || !/^[a-z]+$/.test(w)) return [w];
  // (the first tag has three letters or more: "CO", "ST", "ID" begin too many words)
  for (let i = 3; i <= w.length - 2; i++) {
    const a = w.slice(0, i);
    const b = w.slice(i);
    // (a two-letter second tag only as the identifier it marks: "NO", "NM", "TN", "ID")
    if (knownStem(a) && knownStem(b) && (b.length > 2 || GLUED_TAILS.has(b))) return [a, b];
  }
  return [w];
}

/** A plural: a longer word ending in one "s", or a short one whose singular is a concept word ("PINs", "IDs"). */
function plural(w: string): boolean {
  // (Latin and adjective endings are no plurals: "status", "previous", "fictitious", "basis")
  if (!w.endsWith('s') || /(ss|us|is)$/.test(w)) return false;
  const one = w.slice(0, -1);
  return w.length > 4 || stemOf(one) !== undefined || CONCEPT_WORDS.has(one);
}

/** Every word that appears in some field's concept. */
export const CONCEPT_WORDS: ReadonlySet<string> = new Set(
  FIELD_REGISTRY.flatMap((f) => f.concepts.flatMap((k) => k.stems)),
);
