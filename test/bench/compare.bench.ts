/**
 * compareCase speed over 1,000 varied cases (names, addresses, numbers, missing documents,
 * resellers). Target: well under 5 ms per case so the review screen can re-run it on every edit.
 */
import type { CompareInput } from '../../shared/domain/comparison.js';
import type { ExtractedFields, ServiceAddress } from '../../shared/domain/document.js';
import { compareCase, resetNumberCache } from '../../electron/core/compare/index.js';

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const NAMES = [
  ['ACME PLUMBING LLC', 'Acme Plumbing, L.L.C.'],
  ['ABC COMPANY INC', 'ABC Company, Incorporated'],
  ['SMITH & SONS LLC', 'Smith and Sons LLC'],
  ['NORTHWIND TRADERS CORP', 'Northwind Traders Corporation'],
  ['BLUE SKY DENTAL PC', 'Blue Sky Dentistry PC'],
  ['ST MARYS CLINIC', "Saint Mary's Clinic"],
] as const;
const PEOPLE = [
  ['JOHN SMITH', 'Mr. John Smith'],
  ['SMITH JOHN A', 'John A. Smith'],
  ['JANE DOE', 'Jane Doe, Owner'],
  ['MARIA GARCIA', 'Mario Garcia'],
] as const;
const ADDRS: [ServiceAddress, ServiceAddress][] = [
  [
    { street_line: '123 N MAIN ST', unit: 'STE 200', city: 'SPRINGFIELD', state: 'IL', zip5: '62704', zip4: '1234' },
    {
      street_line: '123 North Main Street',
      unit: 'Suite 200',
      city: 'Springfield',
      state: 'Illinois',
      zip5: '62704',
      zip4: '',
    },
  ],
  [
    { street_line: '350 5TH AVE', unit: 'FL 34', city: 'NEW YORK', state: 'NY', zip5: '10118', zip4: '' },
    {
      street_line: '350 Fifth Avenue, 34th Floor',
      unit: '',
      city: 'New York',
      state: 'New York',
      zip5: '10118',
      zip4: '',
    },
  ],
  [
    { street_line: '4500 W SAHARA AVE', unit: 'STE 101', city: 'LAS VEGAS', state: 'NV', zip5: '89102', zip4: '' },
    { street_line: '4500 W Sahara Ave #101', unit: '', city: 'Las Vegas', state: 'NV', zip5: '89103', zip4: '' },
  ],
  [
    { street_line: '77 LAKESHORE DR', unit: '', city: 'CHICAGO', state: 'IL', zip5: '60611', zip4: '' },
    { street_line: 'PO Box 77', unit: '', city: 'Chicago', state: 'IL', zip5: '60611', zip4: '' },
  ],
];
const CARRIERS = [
  'AT&T',
  'Verizon',
  'CenturyLink',
  'Aircall',
  'Grasshopper',
  'Comcast Business',
  'Twilio',
  'Unknown Telco',
];

function fv<T>(value: T): { value: T; confidence: number; page: number; bbox: [number, number, number, number] } {
  return { value, confidence: 0.95, page: 1, bbox: [0, 0, 10, 10] };
}

function makeCase(r: () => number, i: number): CompareInput {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const [csrName, loaName] = pick(NAMES);
  const [csrPerson, loaPerson] = pick(PEOPLE);
  const [csrAddr, loaAddr] = pick(ADDRS);
  const base = 2_125_550_000 + (i % 7000);
  const count = 1 + Math.floor(r() * 40);
  const numbers = Array.from({ length: count }, (_, k) => `+1${base + k}`);
  const ported = r() < 0.3 ? numbers.slice(0, Math.max(1, count - 2)) : numbers;
  const csr: ExtractedFields = {
    account_name: fv(csrName),
    authorized_person: fv(csrPerson),
    btn: fv(numbers[0]!),
    account_number: fv(`00${base}`),
    service_address: fv(csrAddr),
    phone_numbers: fv(numbers.map((n) => n.slice(2))),
    carrier_name: fv(pick(CARRIERS)),
  };
  const loa: ExtractedFields = {
    account_name: fv(loaName),
    authorized_person: fv(loaPerson),
    btn: fv(`(${numbers[0]!.slice(2, 5)}) ${numbers[0]!.slice(5, 8)}-${numbers[0]!.slice(8)}`),
    account_number: fv(r() < 0.8 ? `00-${base}` : `${base}`),
    service_address: fv(loaAddr),
    phone_numbers: fv(ported),
    document_date: fv(r() < 0.8 ? '2025-02-20' : '2024-11-02'),
    signature_present: fv(r() < 0.9),
    carrier_name: fv(pick(CARRIERS)),
  };
  const invoice: ExtractedFields = {
    account_name: fv(csrName),
    account_number: fv(`00${base}`),
    document_date: fv('2025-02-10'),
    phone_numbers: fv(numbers),
    billing_address: fv({
      street_line: 'PO Box 9',
      unit: '',
      city: 'Springfield',
      state: 'IL',
      zip5: '62791',
      zip4: '',
    }),
  };
  const shape = r();
  return {
    asOf: '2025-03-01',
    loa,
    ...(shape < 0.85 ? { csr } : {}),
    ...(shape > 0.15 ? { invoice } : {}),
    ...(r() < 0.3
      ? {
          caseData: {
            entity_name: csrName,
            btn: numbers[0],
            numbers: ported,
            losing_carrier: pick(CARRIERS),
            pin_set: r() < 0.5,
          },
        }
      : {}),
  };
}

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

export async function bench(): Promise<object> {
  const r = rng(42);
  const cases = Array.from({ length: 1000 }, (_, i) => makeCase(r, i));
  for (const c of cases.slice(0, 50)) compareCase(c); // warm up the JIT
  // cold: every number parsed by libphonenumber (a case opened for the first time)
  const cold: number[] = [];
  // warm: the same case compared again (the review screen re-runs on every edit)
  const warm: number[] = [];
  let blockers = 0;
  for (const c of cases) {
    resetNumberCache();
    let t0 = performance.now();
    const res = compareCase(c);
    cold.push(performance.now() - t0);
    t0 = performance.now();
    compareCase(c);
    warm.push(performance.now() - t0);
    blockers += res.counts.blockers;
  }
  cold.sort((a, b) => a - b);
  warm.sort((a, b) => a - b);
  const round = (n: number) => Math.round(n * 1000) / 1000;
  return {
    cases: cases.length,
    median_ms: round(quantile(cold, 0.5)),
    p95_ms: round(quantile(cold, 0.95)),
    max_ms: round(cold[cold.length - 1]!),
    warm_median_ms: round(quantile(warm, 0.5)),
    warm_p95_ms: round(quantile(warm, 0.95)),
    predicted_blockers: blockers,
    target_ms: 5,
  };
}
