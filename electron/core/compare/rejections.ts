/**
 * THE rejection table (resources/rejections.json): every Telnyx V2 exception code, the Telnyx-docs
 * and other carriers' names for the same causes, and PortDesk's own document checks.
 */
import table from '../../../resources/rejections.json' with { type: 'json' };
import { RejectionTable, type RejectionEntry } from '../../../shared/domain/comparison.js';
import { REJECTION_CODES } from '../../../shared/domain/rejection-codes.js';

const TABLE = RejectionTable.parse(table);
{
  const listed = new Set<string>(REJECTION_CODES);
  const inTable = TABLE.codes.map((c) => c.code);
  const drift = [...inTable.filter((c) => !listed.has(c)), ...REJECTION_CODES.filter((c) => !inTable.includes(c))];
  if (drift.length)
    throw new Error(`resources/rejections.json and shared/domain/rejection-codes.ts disagree on: ${drift.join(', ')}`);
}

/** "Unauthorized Contact/Signature" and "UNAUTHORIZED_CONTACT_SIGNATURE" meet at one key. */
function aliasKey(s: string): string {
  return s
    .trim()
    .toUpperCase()
    .replace(/\(.*?\)/g, ' ')
    .replace(/[^A-Z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
}

const BY_CODE = new Map<string, RejectionEntry>(TABLE.codes.map((c) => [c.code, c]));
const BY_ALIAS = (() => {
  const m = new Map<string, RejectionEntry>();
  for (const c of TABLE.codes) {
    for (const a of [c.code, c.title, ...c.aliases, ...(c.telnyx_description ? [c.telnyx_description] : [])]) {
      const k = aliasKey(a);
      const prior = m.get(k);
      if (prior && prior.code !== c.code)
        throw new Error(`rejections.json: alias "${a}" names both ${prior.code} and ${c.code}`);
      m.set(k, c);
    }
  }
  return m;
})();

export function rejectionCodes(): readonly RejectionEntry[] {
  return TABLE.codes;
}

export function rejectionEntry(code: string): RejectionEntry {
  const e = BY_CODE.get(code);
  if (!e) throw new Error(`rejection code ${code} is not in resources/rejections.json`);
  return e;
}

export interface CodeExplanation {
  /** the canonical code when known, else the code as given */
  code: string;
  /** what the caller passed */
  given: string;
  known: boolean;
  source: RejectionEntry['source'] | 'unknown';
  title: string;
  field: string | null;
  meaning: string;
  action: string;
}

/**
 * Explain a code or any of its other names ("BUSINESS_NAME_MISMATCH", "Invalid BTN",
 * "Unauthorized Contact/Signature"). Unknown codes are returned with the carrier's own description,
 * so a new Telnyx code is shown rather than dropped.
 */
export function explainCode(codeOrAlias: string, description?: string): CodeExplanation {
  const e = BY_ALIAS.get(aliasKey(codeOrAlias));
  if (e) {
    return {
      code: e.code,
      given: codeOrAlias,
      known: true,
      source: e.source,
      title: e.title,
      field: e.field,
      meaning: e.meaning,
      action: e.action,
    };
  }
  const desc = description?.trim();
  return {
    code: codeOrAlias.trim(),
    given: codeOrAlias,
    known: false,
    source: 'unknown',
    title: desc || codeOrAlias.trim(),
    field: null,
    meaning: desc || `The carrier returned "${codeOrAlias.trim()}", a code PortDesk does not know.`,
    action:
      "Read the carrier's comments on the order and answer them; ask Telnyx porting support if the code is unclear.",
  };
}
