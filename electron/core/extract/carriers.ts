import { KNOWN_CARRIERS } from './labels.js';
import { labelKey } from './text.js';

/** Telephone carriers named in a text: whose document it is, or which carrier a letter names. */
export function knownCarrierIn(s: string): string | null {
  const hay = ` ${s
    .toLowerCase()
    .replace(/[^a-z0-9&!\- ]/g, ' ')
    .replace(/\s+/g, ' ')} `;
  let found: string | null = null;
  for (const c of KNOWN_CARRIERS) {
    const needle = ` ${c
      .toLowerCase()
      .replace(/[^a-z0-9&!\- ]/g, ' ')
      .replace(/\s+/g, ' ')} `;
    if (hay.includes(needle) && (!found || c.length > found.length)) found = c;
  }
  return found;
}

/** The whole text is a carrier's name ("AT&T", "Frontier Communications, Inc."), not a business containing one. */
export function isCarrierName(s: string): boolean {
  const known = knownCarrierIn(s);
  if (!known) return false;
  const rest = labelKey(s.replace(new RegExp(known.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'i'), ''));
  return /^(inc|llc|corp|co|corporation|company|communications|telecom|ltd)?$/.test(rest);
}
