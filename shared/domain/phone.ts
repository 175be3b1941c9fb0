import { Metadata, parsePhoneNumberFromString, findPhoneNumbersInText, type CountryCode } from 'libphonenumber-js';

/** The one place where a phone number becomes E.164. Default region is US (NANP carriers). */
export const DEFAULT_REGION: CountryCode = 'US';

export type ParsedNumber = { ok: true; raw: string; e164: string } | { ok: false; raw: string; error: string };

export function toE164(raw: string, region: CountryCode = DEFAULT_REGION): string | null {
  const r = parseNumber(raw, region);
  return r.ok ? r.e164 : null;
}

export function parseNumber(raw: string, region: CountryCode = DEFAULT_REGION): ParsedNumber {
  const text = raw.trim();
  if (region === 'US') {
    const e164 = validNanpE164(text);
    if (e164) return { ok: true, raw: text, e164 };
  }
  return parseNumberWithLibrary(raw, region);
}

/** The general path: any region, any shape, and every error message. Exported so a test can hold the fast path to it. */
export function parseNumberWithLibrary(raw: string, region: CountryCode = DEFAULT_REGION): ParsedNumber {
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
 * The common North American shapes — 3125550147, (312) 555-0147, 312.555.0147, 1-312-555-0147,
 * +1 312 555 0147 — with the area code in group 1, exchange and line after it. The brackets may hold a
 * space either side of the area code: a form with one box a digit prints "(" and ")" apart from the
 * boxes, and a scan of it reads "( 385) 555-0101" or "(385 )". Anything else (letters, extensions,
 * odd punctuation, other countries) takes the library's path.
 */
const NANP_SHAPE = /^(?:\+?1[ .-]?)?(?:\( ?([2-9]\d\d) ?\)|([2-9]\d\d))[ .-]?(\d{3})[ .-]?(\d{4})$/;

/**
 * libphonenumber's own validity rule for a national number under calling code +1, on its own metadata,
 * with the regular expressions compiled once: the first NANP country whose leading digits match (or,
 * for those without, whose number types match) owns the number, and it is valid when it matches that
 * country's national pattern and one of its number types. Parsing a whole number through the library
 * costs ~30 µs; this costs well under 1 µs, which is most of a 50,000-row import.
 */
interface NanpPlan {
  leading: RegExp | null;
  national: RegExp;
  /** null: the metadata lists no number types for this country; the national pattern alone decides validity */
  types: { pattern: RegExp; lengths: number[] | undefined }[] | null;
}
const NUMBER_TYPES = [
  'FIXED_LINE',
  'MOBILE',
  'PREMIUM_RATE',
  'TOLL_FREE',
  'SHARED_COST',
  'VOIP',
  'PERSONAL_NUMBER',
  'PAGER',
  'UAN',
  'VOICEMAIL',
] as const;
// The library's Metadata class has these accessors, but its published typings only declare numberingPlan as opaque.
interface PlanAccessors {
  leadingDigits(): string | undefined;
  nationalNumberPattern(): string;
  hasTypes(): boolean;
  type(t: string): { pattern(): string; possibleLengths(): number[] | undefined } | undefined;
}
let nanpPlans: NanpPlan[] | null = null;
function loadNanpPlans(): NanpPlan[] {
  const metadata = new Metadata() as unknown as {
    selectNumberingPlan(c: string): void;
    numberingPlan: PlanAccessors;
    metadata: { country_calling_codes: Record<string, string[]> };
  };
  return (metadata.metadata.country_calling_codes['1'] ?? []).map((country) => {
    metadata.selectNumberingPlan(country);
    const plan = metadata.numberingPlan;
    const leading = plan.leadingDigits();
    const types = NUMBER_TYPES.flatMap((t) => {
      const def = plan.type(t);
      const pattern = def?.pattern();
      return def && pattern ? [{ pattern: new RegExp(`^(?:${pattern})$`), lengths: def.possibleLengths() }] : [];
    });
    return {
      leading: leading ? new RegExp(`^(?:${leading})`) : null,
      national: new RegExp(`^(?:${plan.nationalNumberPattern()})$`),
      types: plan.hasTypes() ? types : null,
    };
  });
}
function hasNumberType(plan: NanpPlan, national: string): boolean {
  return (
    plan.national.test(national) &&
    !!plan.types?.some((t) => (!t.lengths || t.lengths.includes(national.length)) && t.pattern.test(national))
  );
}
function isValidFor(plan: NanpPlan, national: string): boolean {
  return plan.types ? hasNumberType(plan, national) : plan.national.test(national);
}
function isValidNanp(national: string): boolean {
  nanpPlans ??= loadNanpPlans();
  for (const plan of nanpPlans) {
    if (plan.leading ? plan.leading.test(national) : hasNumberType(plan, national)) return isValidFor(plan, national);
  }
  return false;
}

/** +1 and the ten digits when `text` is a common NANP shape of a valid number; null sends it to the library. */
export function validNanpE164(text: string): string | null {
  const m = NANP_SHAPE.exec(text);
  if (!m) return null;
  const national = (m[1] ?? m[2]!) + m[3]! + m[4]!;
  return isValidNanp(national) ? `+1${national}` : null;
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
    // one common NANP number (at most 11 digits, so never two numbers side by side): no need to look further
    if (NANP_SHAPE.test(c)) {
      out.push(c);
      continue;
    }
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

/** What kind of line a number is: the carrier's PIN rules and the order it goes on depend on it. */
export const LINE_TYPES = ['wireline', 'wireless', 'toll-free'] as const;
export type LineType = (typeof LINE_TYPES)[number];
export const LINE_TYPE_LABEL: Record<LineType, string> = {
  wireline: 'Wireline',
  wireless: 'Wireless',
  'toll-free': 'Toll-free',
};

/** NANP toll-free area codes (800, 833, 844, 855, 866, 877, 888): RespOrg-managed, never on a carrier's CSR. */
const NANP_TOLL_FREE = /^\+18(00|33|44|55|66|77|88)\d{7}$/;

export function isTollFreeNanp(e164: string): boolean {
  return NANP_TOLL_FREE.test(e164);
}

/**
 * The portability check's `phone_number_type` (Telnyx: local, toll_free, mobile, national,
 * shared_cost, landline) as a line type; null when it says nothing about the line.
 */
export function lineTypeFromCheck(phoneNumberType: string | null | undefined): LineType | null {
  switch ((phoneNumberType ?? '').trim().toLowerCase()) {
    case 'toll_free':
    case 'toll-free':
      return 'toll-free';
    case 'mobile':
    case 'wireless':
      return 'wireless';
    case 'local':
    case 'landline':
    case 'fixed_line':
    case 'national':
      return 'wireline';
    default:
      return null;
  }
}
