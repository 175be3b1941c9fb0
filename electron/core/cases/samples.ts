import type { CaseStatus } from '../../../shared/domain/case.js';
import type { NewCase } from './repo.js';
import { sampleDocumentFiles, type SampleDocuments, type SampleFile } from './sample-documents.js';
import { numbersFromText } from './repo.js';

/** A realistic starter queue: the carriers, resellers and states a specialist meets in a week. */
const SAMPLES: {
  status: CaseStatus;
  daysAgo: number;
  focInDays?: number;
  entity: string;
  person: string;
  carrier: string;
  underlying?: string;
  acct: string;
  street: string;
  unit?: string;
  city: string;
  state: string;
  zip: string;
  numbers: string;
  ref?: string;
  pin?: string;
  /** the documents the sample comes with, so the review can be tried on the first day */
  documents?: SampleDocuments;
  /** sent by support ticket and rejected by e-mail: the exception flow and its packet can be tried too */
  ticket?: { id: string; rejectedDaysAgo: number; rejection: string };
}[] = [
  {
    status: 'intake',
    daysAgo: 0,
    entity: 'Lakeview Dental Group, P.C.',
    person: 'Maria Okafor',
    carrier: 'AT&T',
    acct: '8310004417726',
    street: '2145 N Halsted St',
    unit: 'Suite 200',
    city: 'Chicago',
    state: 'IL',
    zip: '60614',
    numbers: '(312) 555-0147; (312) 555-0148; (312) 555-0149',
    ref: 'TCK-20417',
  },
  {
    status: 'documents',
    daysAgo: 2,
    entity: 'Harbor Freight Logistics LLC',
    person: 'Dan Whitcomb',
    carrier: 'Comcast Business',
    acct: '8771 20 301 0045812',
    street: '400 Marina Blvd',
    city: 'Oakland',
    state: 'CA',
    zip: '94607-3314',
    numbers: '510-555-0190 510-555-0191',
  },
  {
    status: 'review',
    daysAgo: 4,
    entity: 'Blue Ridge Veterinary Clinic Inc.',
    person: 'Samantha Reyes',
    carrier: 'Verizon Business',
    acct: '0427791853-00001',
    street: '77 W Main St',
    city: 'Asheville',
    state: 'NC',
    zip: '28801',
    numbers: '+1 828 555 0112, +1 828 555 0113, +1 828 555 0114, +1 828 555 0115',
    pin: '4417',
    documents: { signedDaysAgo: 3, billedDaysAgo: 16, billTo: 'PO Box 2290, Asheville, NC 28802' },
  },
  {
    status: 'review',
    daysAgo: 6,
    entity: 'Northwind Accounting',
    person: 'Priya Natarajan',
    carrier: 'RingCentral',
    underlying: 'Bandwidth',
    acct: '400128833009',
    street: '1200 Pearl St',
    unit: 'Ste 310',
    city: 'Boulder',
    state: 'CO',
    zip: '80302',
    numbers: '303.555.0170\n303.555.0171',
    pin: '902211',
    // the customer wrote the billing address on the LOA: the carrier would reject it (the review predicts it)
    documents: {
      signedDaysAgo: 5,
      billedDaysAgo: 21,
      billTo: 'PO Box 4471, Boulder, CO 80306',
      loaAddress: 'PO Box 4471, Boulder, CO 80306',
    },
  },
  {
    status: 'ready',
    daysAgo: 8,
    entity: 'Sunset Yoga Studio',
    person: 'Kai Nakamura',
    carrier: 'Twilio',
    acct: 'AC3f9a0c2d7b1e4a5f8c6d2e0b9a7f1c34',
    street: '3301 Abbot Kinney Blvd',
    city: 'Los Angeles',
    state: 'CA',
    zip: '90291',
    numbers: '(310) 555-0183',
  },
  {
    status: 'submitted',
    daysAgo: 10,
    focInDays: 6,
    entity: 'Maple & Oak Realty Co.',
    person: 'Laura Bennett',
    carrier: 'Spectrum Business',
    acct: '8260 17 060 0234567',
    street: '18 Elm Ave',
    city: 'Portland',
    state: 'ME',
    zip: '04101',
    numbers: '207-555-0101; 207-555-0102; 207-555-0103',
  },
  {
    // recorded as submitted; the e-mailed rejection (loadSamples) moves it to Exception, as it would in use
    status: 'submitted',
    daysAgo: 14,
    entity: 'Quantum Legal Partners LLP',
    person: 'Ethan Cole',
    carrier: 'Aircall',
    underlying: 'Twilio',
    acct: 'ACa1b2c3d4e5f60718293a4b5c6d7e8f90',
    street: '500 Boylston St',
    unit: 'Floor 12',
    city: 'Boston',
    state: 'MA',
    zip: '02116',
    numbers: '617-555-0140, 617-555-0141',
    ref: 'QLP-77',
    ticket: {
      id: 'AIR-58213',
      rejectedDaysAgo: 2,
      // the account number on the case is the customer's Aircall workspace ID, the mistake the guidance warns of
      rejection: [
        'Ticket AIR-58213: port request rejected',
        '',
        'Hello,',
        'Your request to port (617) 555-0140 and (617) 555-0141 away from Aircall was rejected.',
        'Rejection reason: Account number does not match. The account number on the order is your Aircall',
        'workspace ID; port-outs need the port-out account number that Aircall Support issues.',
        'Please correct the order and resubmit.',
        '',
        'Aircall Support',
      ].join('\n'),
    },
  },
  {
    status: 'foc-confirmed',
    daysAgo: 18,
    focInDays: 2,
    entity: 'Greenfield Pediatrics PLLC',
    person: 'Dr. Hannah Lee',
    carrier: 'Lumen',
    acct: '312-555-0177-842',
    street: '901 S Wabash Ave',
    city: 'Chicago',
    state: 'IL',
    zip: '60605',
    numbers: '3125550177 3125550178 3125550179',
  },
  {
    status: 'ported',
    daysAgo: 29,
    focInDays: -3,
    entity: 'Copper Kettle Cafe',
    person: 'Joe Alvarez',
    carrier: 'Vonage',
    acct: '1002938475',
    street: '12 Market Sq',
    city: 'Pittsburgh',
    state: 'PA',
    zip: '15222',
    numbers: '412-555-0166',
  },
  {
    status: 'intake',
    daysAgo: 1,
    entity: 'Summit Roofing & Siding Inc',
    person: 'Gary Pruitt',
    carrier: 'Grasshopper',
    underlying: 'Bandwidth',
    acct: '7781120',
    street: '88 Ridge Rd',
    city: 'Denver',
    state: 'CO',
    zip: '80204',
    numbers: '(720) 555-0155',
  },
  {
    status: 'documents',
    daysAgo: 3,
    entity: 'Riverbend Family Church',
    person: 'Pastor Ruth Adams',
    carrier: 'Frontier',
    acct: '5855550132-091587-5',
    street: '245 River Rd',
    city: 'Rochester',
    state: 'NY',
    zip: '14623',
    numbers: '585-555-0132, 585-555-0133, 585-555-0134, 585-555-0135, 585-555-0136',
  },
  {
    status: 'cancelled',
    daysAgo: 21,
    entity: 'Pixel Forge Studios',
    person: 'Ana Souza',
    carrier: 'Intercom',
    underlying: 'Twilio',
    acct: 'AC0f1e2d3c4b5a69788796a5b4c3d2e1f0',
    street: '1 Main St',
    unit: 'Unit 4B',
    city: 'Austin',
    state: 'TX',
    zip: '78701',
    numbers: '512-555-0129',
  },
];

/** The samples' documents (LOA, invoice, CSR as text PDFs), by the sample's place in sampleCases. */
export async function sampleCaseDocuments(now: Date): Promise<Map<number, SampleFile[]>> {
  const cases = sampleCases(now);
  const out = new Map<number, SampleFile[]>();
  for (const [i, s] of SAMPLES.entries()) {
    if (s.documents) out.set(i, await sampleDocumentFiles(cases[i]!, s.pin ?? null, s.documents, now));
  }
  return out;
}

/** The samples sent by ticket and rejected, by their place in sampleCases: the ticket and the e-mail, dated. */
export function sampleCaseTickets(now: Date): Map<number, { id: string; rejectedOn: string; rejection: string }> {
  const out = new Map<number, { id: string; rejectedOn: string; rejection: string }>();
  for (const [i, s] of SAMPLES.entries()) {
    if (!s.ticket) continue;
    const rejectedOn = new Date(now.getTime() - s.ticket.rejectedDaysAgo * 86_400_000).toISOString().slice(0, 10);
    out.set(i, { id: s.ticket.id, rejectedOn, rejection: s.ticket.rejection });
  }
  return out;
}

export function sampleCases(now: Date): NewCase[] {
  const day = 86_400_000;
  return SAMPLES.map((s) => ({
    status: s.status,
    createdAt: new Date(now.getTime() - s.daysAgo * day - 3_600_000).toISOString(),
    pin: s.pin ?? null,
    numbers: numbersFromText(s.numbers),
    fields: {
      entity_name: s.entity,
      authorized_person: s.person,
      losing_carrier: s.carrier,
      underlying_carrier: s.underlying ?? '',
      account_number: s.acct,
      btn: numbersFromText(s.numbers)[0]?.e164 ?? '',
      service_street: s.street,
      service_unit: s.unit ?? '',
      service_city: s.city,
      service_state: s.state,
      service_zip: s.zip,
      customer_reference: s.ref ?? '',
      foc_date:
        s.focInDays === undefined ? null : new Date(now.getTime() + s.focInDays * day).toISOString().slice(0, 10),
    },
  }));
}
