import { parsePhoneNumberFromString } from 'libphonenumber-js';

/** What the simulated number database knows about one number. */
export interface NumberFacts {
  phone_number: string;
  country: string;
  phone_number_type: 'local' | 'mobile' | 'toll_free' | 'national';
  carrier_name: string;
  /** service provider id: numbers of different SPIDs go into different orders */
  spid: string;
  portable: boolean;
  not_portable_reason: string | null;
  fast_portable: boolean;
  messaging_capable: boolean;
}

/** Hints that override the derived facts, e.g. the carrier on the CSR on file, or a test's setup. */
export type NumberHint = Partial<Omit<NumberFacts, 'phone_number'>>;

const CARRIERS: readonly { name: string; spid: string; fast: boolean }[] = [
  { name: 'Bandwidth', spid: '981E', fast: true },
  { name: 'Lumen', spid: '8826', fast: false },
  { name: 'Verizon', spid: '6006', fast: false },
  { name: 'AT&T', spid: '9102', fast: false },
  { name: 'Twilio', spid: '0561', fast: true },
  { name: 'Comcast', spid: '7214', fast: false },
];

function hash(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}

/** A stable SPID for a carrier name the table does not know. */
export function spidFor(carrierName: string): string {
  const known = CARRIERS.find((c) => c.name.toLowerCase() === carrierName.trim().toLowerCase());
  return known ? known.spid : ((hash(carrierName.trim().toLowerCase()) % 9000) + 1000).toString();
}

/**
 * Deterministic facts for a number: the carrier comes from its NPA-NXX (so numbers of one exchange
 * share a carrier and a case with two exchanges may split), type from libphonenumber. Only US/CA
 * numbers are portable in the simulator, as are numbers whose line is not 0000 (a test hook).
 */
export function numberFacts(e164: string, hint: NumberHint = {}): NumberFacts {
  const p = parsePhoneNumberFromString(e164);
  const country = p?.country ?? (e164.startsWith('+1') ? 'US' : 'ZZ');
  const t = p?.getType();
  const nsn = p?.nationalNumber ?? e164.replace(/\D/g, '');
  const type: NumberFacts['phone_number_type'] =
    t === 'TOLL_FREE' || /^8(00|33|44|55|66|77|88)/.test(nsn) ? 'toll_free' : t === 'MOBILE' ? 'mobile' : 'local';
  const carrier = CARRIERS[hash(nsn.slice(0, 6)) % CARRIERS.length]!;
  const carrierName = hint.carrier_name ?? carrier.name;
  const nanp = country === 'US' || country === 'CA';
  const portable = hint.portable ?? (nanp && !nsn.endsWith('0000'));
  return {
    phone_number: e164,
    country,
    phone_number_type: type,
    carrier_name: carrierName,
    spid: hint.spid ?? (hint.carrier_name ? spidFor(hint.carrier_name) : carrier.spid),
    portable,
    not_portable_reason: portable ? null : (hint.not_portable_reason ?? (nanp ? 'not_in_service' : 'no_coverage')),
    fast_portable: hint.fast_portable ?? (portable && type === 'local' && carrier.fast && !hint.carrier_name),
    messaging_capable: hint.messaging_capable ?? type !== 'toll_free',
    ...Object.fromEntries(
      Object.entries(hint).filter(([k, v]) => v !== undefined && ['country', 'phone_number_type'].includes(k)),
    ),
  };
}
