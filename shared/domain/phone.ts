import { parsePhoneNumberFromString, findPhoneNumbersInText, type CountryCode } from 'libphonenumber-js';

/** The one place where a phone number becomes E.164. Default region is US (NANP carriers). */
export const DEFAULT_REGION: CountryCode = 'US';

export type ParsedNumber =
  | { ok: true; raw: string; e164: string }
  | { ok: false; raw: string; error: string };

export function toE164(raw: string, region: CountryCode = DEFAULT_REGION): string | null {
  const r = parseNumber(raw, region);
  return r.ok ? r.e164 : null;
}

export function parseNumber(raw: string, region: CountryCode = DEFAULT_REGION): ParsedNumber {
  const text = raw.trim();
  if (!text) return { ok: false, raw, error: 'empty' };
  if (/[a-z]{2,}/i.test(text.replace(/\b(ext|x)\.?\s*\d+$/i, ''))) {
    return { ok: false, raw, error: 'contains letters' };
  }
  const digits = text.replace(/\D/g, '');
  if (digits.length < 7) return { ok: false, raw, error: 'too few digits' };
  const p = parsePhoneNumberFromString(text, region);
  if (!p) return { ok: false, raw, error: 'not a phone number' };
  if (!p.isPossible()) return { ok: false, raw, error: digits.length > 11 ? 'too many digits' : 'wrong length' };
  if (!p.isValid()) return { ok: false, raw, error: 'not a valid number for its region' };
  return { ok: true, raw: text, e164: p.number };
}

/**
 * Split a pasted list ("(312) 555-0147; 312.555.0148\n+1 312 555 0149") into numbers.
 * Separators: newlines, commas, semicolons, tabs; a run of spaces also separates when both sides
 * look like complete numbers, so "3125550147 3125550148" works while "312 555 0147" stays one.
 */
export function splitNumberList(text: string): string[] {
  const out: string[] = [];
  for (const chunk of text.split(/[\n\r,;\t|]+/)) {
    const c = chunk.trim();
    if (!c) continue;
    const spaced = c.split(/\s+/);
    if (spaced.length > 1 && spaced.every((s) => s.replace(/\D/g, '').length >= 10)) out.push(...spaced);
    else if (spaced.length > 1 && c.replace(/\D/g, '').length > 11) out.push(...greedyNumbers(c));
    else out.push(c);
  }
  return out;
}

function greedyNumbers(chunk: string): string[] {
  const found = findPhoneNumbersInText(chunk, DEFAULT_REGION);
  if (found.length === 0) return [chunk];
  const rest = found.reduce((s, f) => s.replace(chunk.slice(f.startsAt, f.endsAt), ' '), chunk).trim();
  const nums = found.map((f) => chunk.slice(f.startsAt, f.endsAt).trim());
  return rest ? [...nums, rest] : nums;
}

export function parseNumberList(text: string): ParsedNumber[] {
  return splitNumberList(text).map((s) => parseNumber(s));
}

/** A search query that is a phone number in any format, as the digits stored for it. */
export function phoneQueryDigits(query: string): string | null {
  const q = query.trim();
  if (!/^[\d\s()+.\-]+$/.test(q)) return null;
  const digits = q.replace(/\D/g, '');
  if (digits.length < 4) return null;
  const e164 = digits.length >= 10 ? toE164(q) : null;
  return e164 ? e164.slice(1) : digits;
}

export function formatNational(e164: string): string {
  const p = parsePhoneNumberFromString(e164);
  return p ? p.formatNational() : e164;
}
