import {
  DOCUMENT_KINDS,
  FIELD_NAMES,
  SECRET_FIELD_NAMES,
  type DocumentKind,
  type FieldName,
  type ServiceAddress,
} from '../../../shared/domain/document.js';
import { FIELD_REGISTRY, type ValueGrammar } from '../../../shared/domain/fields.js';
import { formatNational, parseNumber, parseNumberList } from '../../../shared/domain/phone.js';

/** Below this, a value read by the machine is marked for a person to check. */
export const LOW_CONFIDENCE = 0.6;

export const KIND_LABEL: Record<DocumentKind, string> = { loa: 'LOA', invoice: 'Invoice', csr: 'CSR', other: 'Other' };
export const KINDS = DOCUMENT_KINDS;

/** What each field read on a document is called: the field registry's display name. */
export const DOC_FIELD_LABEL = Object.fromEntries(FIELD_REGISTRY.map((f) => [f.key, f.display])) as Record<
  FieldName,
  string
>;

/** Field names in the order the list shows them (the order of the shared schema). */
export const FIELD_ORDER: readonly FieldName[] = FIELD_NAMES;

export type Editor = 'text' | 'date' | 'phone' | 'phones' | 'address' | 'yesno';
/** How a value of each grammar is edited; a field's grammar is in the field registry. */
const EDITOR_OF_GRAMMAR: Record<ValueGrammar, Editor> = {
  business: 'text',
  person: 'text',
  account: 'text',
  pin: 'text',
  carrier: 'text',
  phone: 'phone',
  phone_list: 'phones',
  address: 'address',
  date: 'date',
  signature: 'yesno',
};
export const EDITOR = Object.fromEntries(FIELD_REGISTRY.map((f) => [f.key, EDITOR_OF_GRAMMAR[f.value]])) as Record<
  FieldName,
  Editor
>;

export function isFieldName(s: string): s is FieldName {
  return (FIELD_NAMES as string[]).includes(s);
}

function isAddress(v: unknown): v is ServiceAddress {
  return !!v && typeof v === 'object' && 'street_line' in v;
}

export function addressText(a: ServiceAddress): string {
  const zip = [a.zip5, a.zip4].filter(Boolean).join('-');
  return [a.street_line, a.unit, a.city, [a.state, zip].filter(Boolean).join(' ')].filter(Boolean).join(', ');
}

const phone = (s: string) => (/^\+\d{8,15}$/.test(s) ? formatNational(s) : s);

/** Fields the host sends masked (MaskedValue) until the person asks to see them, as the case's PIN. */
export const SECRET_FIELDS: ReadonlySet<string> = SECRET_FIELD_NAMES;

/** A masked secret as dots; the host does not send even its length. */
export function maskedText(v: unknown): string {
  return v === null || v === undefined || v === '' ? '—' : '••••••';
}

/** A value as a person reads it: national phone format, addresses on one line, dates unambiguous. */
export function valueText(field: FieldName, v: unknown): string {
  if (v === null || v === undefined || v === '') return '—';
  switch (EDITOR[field]) {
    case 'phone':
      return typeof v === 'string' ? phone(v) : String(v);
    case 'phones':
      return Array.isArray(v) ? (v.length ? v.map((n) => phone(String(n))).join(', ') : '(none)') : String(v);
    case 'address':
      return isAddress(v) ? addressText(v) : String(v);
    case 'yesno':
      return v === true ? 'Signed' : v === false ? 'Not signed' : String(v);
    case 'date': {
      const m = typeof v === 'string' ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(v) : null;
      if (!m) return String(v);
      return new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3])).toLocaleDateString(undefined, {
        year: 'numeric',
        month: 'short',
        day: 'numeric',
      });
    }
    default:
      return typeof v === 'string' ? v : JSON.stringify(v);
  }
}

/** What the edit box starts with. */
export function draftOf(field: FieldName, v: unknown): string | ServiceAddress {
  switch (EDITOR[field]) {
    case 'address':
      return isAddress(v) ? { ...v } : { street_line: '', unit: '', city: '', state: '', zip5: '', zip4: '' };
    case 'phones':
      return Array.isArray(v) ? v.map((n) => phone(String(n))).join('\n') : '';
    case 'phone':
      return typeof v === 'string' ? phone(v) : '';
    case 'yesno':
      return v === false ? 'no' : 'yes';
    default:
      return typeof v === 'string' ? v : '';
  }
}

/**
 * The edit box's content as the value the core stores, or the reason it cannot be. Numbers become
 * E.164 through the shared parser (the one place that does it), so a correction compares like a
 * machine-read value.
 */
export function parseDraft(
  field: FieldName,
  draft: string | ServiceAddress,
): { ok: true; value: unknown } | { ok: false; error: string } {
  const kind = EDITOR[field];
  if (kind === 'address') {
    if (typeof draft === 'string') return { ok: false, error: 'Enter the address parts.' };
    const a: ServiceAddress = {
      street_line: draft.street_line.trim(),
      unit: draft.unit.trim(),
      city: draft.city.trim(),
      state: draft.state.trim().toUpperCase(),
      zip5: draft.zip5.trim(),
      zip4: draft.zip4.trim(),
    };
    if (!a.street_line) return { ok: false, error: 'Enter the street (house number and street name).' };
    if (a.zip5 && !/^\d{5}$/.test(a.zip5)) return { ok: false, error: 'The ZIP code has 5 digits.' };
    if (a.zip4 && !/^\d{4}$/.test(a.zip4)) return { ok: false, error: 'ZIP+4 has 4 digits.' };
    return { ok: true, value: a };
  }
  const text = typeof draft === 'string' ? draft.trim() : '';
  switch (kind) {
    case 'yesno':
      return { ok: true, value: text === 'yes' };
    case 'phone': {
      const p = parseNumber(text);
      return p.ok
        ? { ok: true, value: p.e164 }
        : { ok: false, error: `"${text || '(empty)'}" is not a phone number: ${p.error}.` };
    }
    case 'phones': {
      const parsed = parseNumberList(text);
      const bad = parsed.filter((p) => !p.ok);
      if (bad.length)
        return {
          ok: false,
          error: `Not phone numbers: ${bad.map((b) => `"${b.raw}" (${b.ok ? '' : b.error})`).join(', ')}.`,
        };
      return { ok: true, value: [...new Set(parsed.map((p) => (p.ok ? p.e164 : '')))] };
    }
    case 'date':
      return /^\d{4}-\d{2}-\d{2}$/.test(text) ? { ok: true, value: text } : { ok: false, error: 'Pick a date.' };
    default:
      return text ? { ok: true, value: text } : { ok: false, error: 'Enter a value.' };
  }
}

export function percent(conf: number): string {
  return `${Math.round(conf * 100)}%`;
}
