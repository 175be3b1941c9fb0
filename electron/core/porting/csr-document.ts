import { ExtractedFields, type FieldValue, type ServiceAddress } from '../../../shared/domain/document.js';
import { type AddressPartName, FIELD_REGISTRY, type FieldSpec } from '../../../shared/domain/fields.js';
import { toE164 } from '../../../shared/domain/phone.js';
import { normalizeState, normalizeZip } from '../../../shared/normalize/address.js';
import type { CustomerServiceRecord } from '../../../shared/porting/csr.js';
import { sheetPdf, type SheetBlock } from '../documents/sheet-pdf.js';

/**
 * A completed CSR record from the API as the case's CSR document: the values the review compares
 * (exact: confidence 1, no page, nothing to read), and a one-page PDF of them for the Documents tab
 * and for the order's attachments (Telnyx takes the CSR as a document too).
 */

const exact = <T>(value: T): FieldValue<T> => ({ value, confidence: 1, page: null, bbox: null });

/** What sits at a dotted path of the record's result ("admin.name"), or undefined. */
function at(from: unknown, path: string): unknown {
  let v = from;
  for (const key of path.split('.')) v = v && typeof v === 'object' ? (v as Record<string, unknown>)[key] : undefined;
  return v;
}

const text = (v: unknown): string => (typeof v === 'string' ? v.trim() : '');

/** The record's numbers: the one it is for, then those it lists with it. */
function recordNumbers(record: CustomerServiceRecord, spec: FieldSpec): string[] {
  const listed = at(record.result, spec.csr!);
  const more = Array.isArray(listed) ? listed.filter((n): n is string => typeof n === 'string') : [];
  return [...new Set([record.phone_number, ...more].map((n) => toE164(n) ?? n.trim()))].filter(Boolean);
}

/** The record's address by the registry's parts; null when it names no street, city or ZIP. */
function recordAddress(record: CustomerServiceRecord, spec: FieldSpec): ServiceAddress | null {
  const a = at(record.result, spec.csr!);
  const part = (name: AddressPartName) => {
    const p = spec.parts?.find((x) => x.part === name);
    return p?.csr ? text(at(a, p.csr)) : '';
  };
  if (!part('street_line') && !part('city') && !part('zip')) return null;
  const zip = normalizeZip(part('zip'));
  const state = part('state');
  return {
    street_line: part('street_line'),
    unit: part('unit'),
    city: part('city'),
    state: normalizeState(state) ?? state,
    zip5: zip.zip5,
    zip4: zip.zip4,
  };
}

function recordValue(record: CustomerServiceRecord, spec: FieldSpec): unknown {
  if (spec.value === 'address') return recordAddress(record, spec);
  if (spec.value === 'phone_list') return recordNumbers(record, spec);
  const t = text(at(record.result, spec.csr!));
  if (!t) return null;
  return spec.value === 'phone' ? (toE164(t) ?? t) : t;
}

/**
 * The record's values as document fields, each read where the field registry says a CSR record
 * carries it; the document's date is the day the record was completed.
 */
export function csrFields(record: CustomerServiceRecord, completedDay: string): ExtractedFields {
  const fields: Record<string, FieldValue<unknown>> = { document_date: exact(completedDay) };
  for (const spec of FIELD_REGISTRY) {
    if (!spec.csr) continue;
    const value = recordValue(record, spec);
    if (value !== null) fields[spec.key] = exact(value);
  }
  return ExtractedFields.parse(fields);
}

/** The document's name in the Documents tab: where it came from, at a glance. */
export function csrDocumentName(record: CustomerServiceRecord, carrier: string | null): string {
  return `CSR ${record.phone_number} - carrier API${carrier ? ` (${safeFileText(carrier)})` : ''}.pdf`;
}

function safeFileText(s: string): string {
  return s.replace(/[\\/:*?"<>|\x00-\x1F]/g, ' ').slice(0, 80);
}

export async function csrPdf(record: CustomerServiceRecord, source: string, completedAt: string): Promise<Uint8Array> {
  const rows: SheetBlock[] = [
    ...csrSheetFields().map(
      (f): SheetBlock => ({ kind: 'row', label: f.spelledOut ?? f.display, value: sheetText(record, f) }),
    ),
    { kind: 'row', label: 'Record id', value: record.id },
    { kind: 'row', label: 'Received', value: `${completedAt} from ${source}` },
  ];
  return sheetPdf('Customer Service Record', rows, `Customer Service Record ${record.phone_number}`);
}

/** The registry's fields a CSR record carries, the carrier first: whose record this is. */
function csrSheetFields(): FieldSpec[] {
  const carried = FIELD_REGISTRY.filter((f) => f.csr);
  return [...carried.filter((f) => f.value === 'carrier'), ...carried.filter((f) => f.value !== 'carrier')];
}

/** A field as the carrier sent it (not normalised): the sheet shows the record, the fields are what is compared. */
function sheetText(record: CustomerServiceRecord, f: FieldSpec): string {
  const v = at(record.result, f.csr!);
  if (f.value === 'phone_list')
    return [record.phone_number, ...(Array.isArray(v) ? v : [])].filter((n) => typeof n === 'string').join(', ');
  if (f.value !== 'address') return typeof v === 'string' ? v : '';
  const line = f.csrLine ? at(v, f.csrLine) : undefined;
  if (typeof line === 'string') return line;
  return (f.parts ?? [])
    .map((p) => (p.csr ? at(v, p.csr) : undefined))
    .filter((x): x is string => typeof x === 'string' && x !== '')
    .join(', ');
}
