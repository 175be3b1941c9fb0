import type { Correction, CorrectedLoa, LoaAddress, LoaValue, Provenance } from '../../../shared/contract/export.js';
import { serviceAddressOnCase, type CaseRecord } from '../../../shared/domain/case.js';
import {
  documentFieldOf,
  type ComparedField,
  type CompareSource,
  type FieldComparison,
} from '../../../shared/domain/comparison.js';
import type { FieldName, ServiceAddress } from '../../../shared/domain/document.js';
import { fieldSpec } from '../../../shared/domain/fields.js';
import { formatNational, toE164 } from '../../../shared/domain/phone.js';
import { normalizeAccountNumber } from '../../../shared/normalize/account.js';
import { squashSpaces } from '../../../shared/normalize/text.js';
import { carrierInfo } from '../compare/index.js';
import type { CompareKind, PacketData } from './gather.js';

/*
 * What the corrected LOA says, field by field, and where each value comes from: the carrier's
 * records first (the CSR, then the invoice — the comparison's reference), then the case, then the
 * rejected LOA itself. Values are copied exactly as written on the source: carriers compare names
 * letter for letter.
 */

const SOURCE_LABEL: Record<Provenance['source'], string> = {
  csr: 'CSR',
  invoice: 'Invoice',
  loa: 'LOA',
  case: 'Case data',
  none: '—',
};

export function provenanceLabel(p: Provenance): string {
  if (p.source === 'none') return 'not known';
  if (p.source === 'case') return 'case data';
  return `${SOURCE_LABEL[p.source]}${p.page ? ` page ${p.page}` : ''}${p.file_name ? ` (${p.file_name})` : ''}`;
}

function fromDocument(data: PacketData, src: CompareKind, page: number | null): Provenance {
  const d = data.chosen[src]?.summary;
  return { source: src, document_id: d?.id ?? null, file_name: d?.name ?? null, page };
}

const CASE: Provenance = { source: 'case', document_id: null, file_name: null, page: null };
const NONE: Provenance = { source: 'none', document_id: null, file_name: null, page: null };

/** The case's value of a field, from the case field the field registry names for it. */
function caseValueOf(data: PacketData, field: FieldName): string {
  const caseField = fieldSpec(field).caseField as keyof CaseRecord | null;
  const v = caseField ? data.caseRecord[caseField] : null;
  return typeof v === 'string' ? v : '';
}

/** The reference value the comparison used, else the case's, else the LOA's. */
function pick(data: PacketData, field: ComparedField): LoaValue {
  const caseValue = caseValueOf(data, documentFieldOf(field));
  const f: FieldComparison | undefined = data.comparison.fields[field];
  const ref = f?.reference;
  if (f && (ref === 'csr' || ref === 'invoice') && f.values[ref]) {
    return { value: f.values[ref]!, from: fromDocument(data, ref, f.evidence[ref]?.page ?? null) };
  }
  if (caseValue.trim()) return { value: caseValue, from: CASE };
  if (f?.values.loa) return { value: f.values.loa, from: fromDocument(data, 'loa', f.evidence.loa?.page ?? null) };
  return { value: '', from: NONE };
}

function pickField(data: PacketData, key: 'carrier_name'): LoaValue {
  const caseValue = caseValueOf(data, key);
  for (const src of ['csr', 'invoice'] as const) {
    const fv = data.chosen[src]?.fields[key];
    if (fv?.value.trim()) return { value: fv.value, from: fromDocument(data, src, fv.page) };
  }
  if (caseValue.trim()) return { value: caseValue, from: CASE };
  const loa = data.chosen.loa?.fields[key];
  if (loa?.value.trim()) return { value: loa.value, from: fromDocument(data, 'loa', loa.page) };
  return { value: '', from: NONE };
}

function hasAddress(a: ServiceAddress | undefined): a is ServiceAddress {
  return !!a && !!(a.street_line.trim() || a.city.trim() || a.zip5.trim());
}

function pickAddress(data: PacketData): LoaAddress {
  // The service address on the carrier's records; an invoice's billing address never stands in for it.
  for (const src of ['csr', 'invoice'] as const) {
    const fv = data.chosen[src]?.fields.service_address;
    if (fv && hasAddress(fv.value)) return { ...fv.value, from: fromDocument(data, src, fv.page) };
  }
  const onCase = serviceAddressOnCase(data.caseRecord);
  if (onCase) {
    const { zip, ...rest } = onCase;
    const [zip5 = '', zip4 = ''] = zip.split('-').map((s) => s.trim());
    return { ...rest, zip5, zip4, from: CASE };
  }
  const loa = data.chosen.loa?.fields.service_address;
  if (loa && hasAddress(loa.value)) return { ...loa.value, from: fromDocument(data, 'loa', loa.page) };
  return { street_line: '', unit: '', city: '', state: '', zip5: '', zip4: '', from: NONE };
}

export function addressLines(a: Omit<LoaAddress, 'from'>): string[] {
  const street = [a.street_line, a.unit]
    .map((s) => s.trim())
    .filter(Boolean)
    .join(', ');
  const zip = a.zip4 ? `${a.zip5}-${a.zip4}` : a.zip5;
  const tail = [a.city.trim(), [a.state.trim(), zip].filter(Boolean).join(' ')].filter(Boolean).join(', ');
  return [street, tail].filter(Boolean);
}

export function showPhone(raw: string): string {
  const e = raw.startsWith('+') ? raw : toE164(raw);
  return e ? formatNational(e) : raw;
}

/** Carriers that always want the carrier-level PIN (resellers, CPaaS, Vonage…) get it on the LOA. */
export function carrierRequiresPinOnLoa(carrierName: string): boolean {
  return carrierInfo(carrierName)?.pin.required === 'yes';
}

export interface LoaPlan {
  loa: CorrectedLoa;
  /** the PIN to print on the LOA, when it is to be printed and known */
  pinToPrint: string | null;
}

export function planLoa(
  data: PacketData,
  opts: { includePin: boolean; signedBy: string | null; signedAt: string | null },
): LoaPlan {
  const c = data.caseRecord;
  const losing = pickField(data, 'carrier_name');
  const underlyingName = c.underlying_carrier.trim() || data.comparison.reseller?.underlying_known || '';
  const underlying: LoaValue | null =
    underlyingName && underlyingName !== losing.value
      ? {
          value: underlyingName,
          from: c.underlying_carrier.trim() ? CASE : data.chosen.csr ? fromDocument(data, 'csr', null) : CASE,
        }
      : null;
  const required = carrierRequiresPinOnLoa(losing.value) || carrierRequiresPinOnLoa(c.losing_carrier);
  const onLoa = required || opts.includePin;
  const csrPin = data.chosen.csr?.fields.pin?.value ?? null;
  const pinValue = data.pin || csrPin || null;
  const btn = pick(data, 'btn');
  return {
    loa: {
      entity_name: pick(data, 'account_name'),
      authorized_person: pick(data, 'authorized_person'),
      btn: { ...btn, value: btn.value ? (toE164(btn.value) ?? btn.value) : '' },
      account_number: pick(data, 'account_number'),
      service_address: pickAddress(data),
      losing_carrier: losing,
      underlying_carrier: underlying,
      numbers_to_port: data.comparison.numbers.to_port,
      numbers_not_to_port: data.comparison.numbers.staying,
      pin: {
        on_loa: onLoa,
        required_by_carrier: required,
        ...(opts.includePin && pinValue ? { value: pinValue } : {}),
      },
      signer_title: data.signerTitle
        ? { value: data.signerTitle.value, from: fromDocument(data, 'loa', data.signerTitle.page) }
        : null,
      signature: { signed: !!opts.signedBy, signed_by: opts.signedBy, signed_at: opts.signedAt },
    },
    pinToPrint: onLoa ? pinValue : null,
  };
}

const NEEDS_FIX = new Set(['mismatch', 'missing', 'equivalent']);

/**
 * What the corrected LOA changes compared with the LOA the carrier saw (or, for a case without an
 * LOA yet, with the case data), and from which document each new value comes.
 */
export function corrections(data: PacketData, loa: CorrectedLoa): Correction[] {
  const out: Correction[] = [];
  const rejectedFields = new Set(data.rejections.map((r) => r.field).filter(Boolean));
  const add = (field: ComparedField, after: string, from: Provenance, same: (before: string) => boolean) => {
    const f = data.comparison.fields[field];
    if (!f || !after.trim()) return;
    const beforeSource: CompareSource | null =
      f.values.loa !== undefined ? 'loa' : f.values.case !== undefined ? 'case' : null;
    const before = beforeSource ? f.values[beforeSource]! : null;
    if (!NEEDS_FIX.has(f.verdict) && !rejectedFields.has(field)) return;
    if (before !== null && same(before)) return;
    out.push({
      field,
      label: f.label,
      before,
      before_source: beforeSource === 'loa' || beforeSource === 'case' ? beforeSource : null,
      after,
      from,
      verdict: f.verdict,
      reason: f.reason,
    });
  };
  // Spacing alone is not a correction: the carrier reads "8310 0044 177" as 831000441770.
  const exact = (v: string) => (before: string) => squashSpaces(before) === squashSpaces(v);
  add('account_name', loa.entity_name.value, loa.entity_name.from, exact(loa.entity_name.value));
  add('authorized_person', loa.authorized_person.value, loa.authorized_person.from, exact(loa.authorized_person.value));
  add('btn', showPhone(loa.btn.value), loa.btn.from, (b) => (toE164(b) ?? b) === loa.btn.value);
  add(
    'account_number',
    loa.account_number.value,
    loa.account_number.from,
    (b) => normalizeAccountNumber(b) === normalizeAccountNumber(loa.account_number.value),
  );
  const addr = addressLines(loa.service_address).join(', ');
  add('service_address', addr, loa.service_address.from, exact(addr));
  const n = data.comparison.numbers;
  const numbersField = data.comparison.fields.phone_numbers;
  if (numbersField && (NEEDS_FIX.has(numbersField.verdict) || rejectedFields.has('phone_numbers'))) {
    const ref =
      numbersField.reference === 'csr' || numbersField.reference === 'invoice' ? numbersField.reference : null;
    out.push({
      field: 'phone_numbers',
      label: numbersField.label,
      before: numbersField.values.loa ?? numbersField.values.case ?? null,
      before_source:
        numbersField.values.loa !== undefined ? 'loa' : numbersField.values.case !== undefined ? 'case' : null,
      after: `${n.to_port.length} to port${n.staying.length ? `, ${n.staying.length} not to port` : ''}`,
      from: ref ? fromDocument(data, ref, numbersField.evidence[ref]?.page ?? null) : CASE,
      verdict: numbersField.verdict,
      reason: numbersField.reason,
    });
  }
  return out;
}
