/**
 * Account numbers and PINs. Carriers compare account numbers character by character after removing
 * separators (spaces, dashes, dots, slashes); letters are case-insensitive; leading zeros COUNT.
 */
import { foldAscii } from './text.js';

export type AccountVerdict = 'match' | 'equivalent' | 'mismatch';

export interface AccountComparison {
  verdict: AccountVerdict;
  reason: string;
  proposed?: string;
}

/** A label someone typed into the field: "Acct #: 1234", "Account No. 1234". */
const LABEL =
  /^\s*(?:(?:(?:BILLING|SERVICE)\s+)?(?:ACCOUNT|ACCT|A\/C|ACC)(?:\s*(?:NUMBER|NUM|NBR|NO|ID)\b)?[\s.:#-]+|#\s*)/i;

/** Separators removed, letters upper-cased, leading zeros kept: "0012-345 67" → "001234567". */
export function normalizeAccountNumber(raw: string): string {
  return foldAscii(raw)
    .replace(LABEL, '')
    .replace(/[\s\-–—._/\\,:#]+/g, '')
    .toUpperCase();
}

export function compareAccountNumbers(reference: string, candidate: string): AccountComparison {
  const r = normalizeAccountNumber(reference);
  const c = normalizeAccountNumber(candidate);
  if (reference.trim() === candidate.trim()) return { verdict: 'match', reason: 'Identical.' };
  if (r === c)
    return {
      verdict: 'equivalent',
      proposed: reference.trim(),
      reason: 'Same account number; only separators or letter case differ (carriers ignore them).',
    };
  const proposed = reference.trim();
  if (r.replace(/^0+/, '') === c.replace(/^0+/, '')) {
    return {
      verdict: 'mismatch',
      proposed,
      reason: `Differs only in leading zeros (${candidate.trim()} vs ${proposed}); carriers count leading zeros, so copy the carrier's form.`,
    };
  }
  if (r.length > c.length && r.startsWith(c)) {
    return {
      verdict: 'mismatch',
      proposed,
      reason: `${candidate.trim()} is the start of the carrier's ${proposed}: digits are missing (a sub-account or check digit?).`,
    };
  }
  if (c.length > r.length && c.startsWith(r)) {
    return {
      verdict: 'mismatch',
      proposed,
      reason: `${candidate.trim()} has extra characters after the carrier's ${proposed} (a sub-account number?).`,
    };
  }
  return {
    verdict: 'mismatch',
    proposed,
    reason: `Account number ${candidate.trim()} differs from the carrier's ${proposed}.`,
  };
}

/** Twilio's account number for porting is the Account SID. */
export const TWILIO_ACCOUNT_SID = /^AC[0-9a-f]{32}$/i;

export interface AccountFormat {
  /** regular expression source applied to the normalised number */
  pattern: string;
  description: string;
}

/** null when the number fits the carrier's format, else a sentence saying what is expected. */
export function checkAccountFormat(raw: string, format: AccountFormat): string | null {
  const n = normalizeAccountNumber(raw);
  if (new RegExp(format.pattern, 'i').test(n)) return null;
  return `${raw.trim()} does not look like ${format.description}.`;
}

/** PINs/passcodes: spaces and dashes are not part of them; case matters for letters. */
export function normalizePin(raw: string): string {
  return foldAscii(raw).replace(/[\s-]+/g, '');
}

/** Never show a PIN: "set (4 characters)". */
export function maskPin(raw: string | null | undefined): string {
  if (!raw) return '';
  const n = normalizePin(raw);
  return `•••• (${n.length} character${n.length === 1 ? '' : 's'})`;
}
