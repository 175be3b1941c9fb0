/**
 * Carrier knowledge (resources/carriers.json): resellers and their underlying carriers, where the
 * carrier-level account number and PIN come from, account number formats and extra requirements.
 */
import table from '../../../resources/carriers.json' with { type: 'json' };
import { CarrierTable, type CarrierEntry } from '../../../shared/domain/comparison.js';

const TABLE = CarrierTable.parse(table);

/** Words that say nothing about which carrier it is ("Comcast Business Communications, LLC"). */
const NOISE = new Set([
  'INC',
  'LLC',
  'CORP',
  'CORPORATION',
  'CO',
  'COMPANY',
  'LTD',
  'LP',
  'THE',
  'COMMUNICATIONS',
  'COMMUNICATION',
  'TELECOM',
  'TELECOMMUNICATIONS',
  'TELEPHONE',
  'TEL',
  'SERVICES',
  'SERVICE',
  'NETWORKS',
  'NETWORK',
  'HOLDINGS',
  'GROUP',
  'USA',
  'US',
  'OF',
  'AMERICA',
]);

function carrierKey(name: string): string {
  const words = name
    .normalize('NFKD')
    .toUpperCase()
    .replace(/&/g, ' AND ')
    .replace(/[^A-Z0-9]+/g, ' ')
    .trim()
    .split(/\s+/)
    .filter(Boolean);
  const kept = words.filter((w) => !NOISE.has(w));
  return (kept.length ? kept : words).join('');
}

const BY_KEY = (() => {
  const m = new Map<string, CarrierEntry>();
  for (const c of TABLE.carriers) {
    for (const a of [c.name, c.id, ...c.aliases]) {
      const k = carrierKey(a);
      const prior = m.get(k);
      if (prior && prior.id !== c.id) throw new Error(`carriers.json: "${a}" names both ${prior.id} and ${c.id}`);
      m.set(k, c);
    }
  }
  return m;
})();

/** "AT and T", "ATT", "at&t mobility", "CenturyLink" (→ Lumen)… → the entry; null if unknown. */
export function carrierInfo(name: string | null | undefined): CarrierEntry | null {
  if (!name || !name.trim()) return null;
  const k = carrierKey(name);
  const direct = BY_KEY.get(k);
  if (direct) return direct;
  // "Verizon Wireless Northeast", "Comcast Cable Communications Management": longest known prefix wins
  let best: CarrierEntry | null = null;
  let bestLen = 0;
  for (const [key, entry] of BY_KEY) {
    if (key.length >= 3 && k.startsWith(key) && key.length > bestLen) {
      best = entry;
      bestLen = key.length;
    }
  }
  return best;
}

export function carriers(): readonly CarrierEntry[] {
  return TABLE.carriers;
}

export function preSubmitChecklist(): readonly { id: string; text: string }[] {
  return TABLE.checklist;
}

export function resellerQuestion(): string {
  return TABLE.reseller_question;
}

/** What toll-free numbers need (RespOrg, their own order), from the carrier table. */
export function tollFreeGuidance(): readonly string[] {
  return TABLE.toll_free?.guidance ?? [];
}

export type GuidanceReason = 'losing' | 'underlying' | 'check';

/**
 * The carrier table's guidance for every provider named on a case (losing carrier, underlying
 * carrier, carriers the portability check revealed), reseller or not: where the carrier-level
 * account number and PIN come from and what else the provider requires (seed 000). Unknown names
 * are left out; a provider named twice appears once with every reason.
 */
export function carrierGuidance(named: readonly { name: string; why: GuidanceReason }[]): CarrierGuidanceItem[] {
  const out = new Map<string, CarrierGuidanceItem>();
  for (const { name, why } of named) {
    const entry = carrierInfo(name);
    if (!entry) continue;
    const prior = out.get(entry.id);
    if (prior) {
      if (!prior.why.includes(why)) prior.why.push(why);
      continue;
    }
    out.set(entry.id, {
      provider: entry.name,
      why: [why],
      reseller: entry.reseller,
      underlying_carriers: [...entry.underlying_carriers],
      account_number_source: entry.account_number.source,
      pin_source: entry.pin.source,
      pin_required: entry.pin.required,
      requirements: [...entry.requirements],
      notes: entry.notes,
      question: entry.reseller ? TABLE.reseller_question : null,
    });
  }
  return [...out.values()];
}

export interface CarrierGuidanceItem {
  provider: string;
  why: GuidanceReason[];
  reseller: boolean;
  underlying_carriers: string[];
  account_number_source: string;
  pin_source: string;
  pin_required: CarrierEntry['pin']['required'];
  requirements: string[];
  notes: string;
  question: string | null;
}

/** The wireless transfer PIN rule of a carrier: whether a PIN is needed and how long it stays valid. */
export function wirelessPinRule(carrierName: string | null | undefined): {
  carrier: string | null;
  /** unknown carrier: wireless ports nearly always need a transfer PIN, so it is asked for */
  pinRequired: boolean;
  maxAgeDays: number | null;
  source: string | null;
} {
  const entry = carrierInfo(carrierName);
  if (!entry) return { carrier: null, pinRequired: true, maxAgeDays: null, source: null };
  return {
    carrier: entry.name,
    pinRequired: entry.pin.required === 'yes' || entry.pin.required === 'wireless' || entry.pin.required === 'unknown',
    maxAgeDays: entry.pin.wireless_max_age_days ?? null,
    source: entry.pin.source,
  };
}
