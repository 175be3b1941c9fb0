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
