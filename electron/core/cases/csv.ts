import { AppError } from '../../../shared/contract/rpc.js';
import { CSV_COLUMNS, CSV_REQUIRED_COLUMNS, type ImportReport } from '../../../shared/contract/cases.js';
import { CaseFields } from '../../../shared/domain/case.js';
import type { NewCase } from './repo.js';
import { numbersFromText } from './repo.js';

/** RFC 4180 CSV: quoted fields, doubled quotes, CRLF or LF, a newline inside quotes. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let i = 0;
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  while (i < src.length) {
    const ch = src[i]!;
    if (quoted) {
      if (ch === '"') {
        if (src[i + 1] === '"') { field += '"'; i += 2; continue; }
        quoted = false; i++; continue;
      }
      field += ch; i++; continue;
    }
    if (ch === '"' && field === '') { quoted = true; i++; continue; }
    if (ch === ',') { row.push(field); field = ''; i++; continue; }
    if (ch === '\r' || ch === '\n') {
      row.push(field); field = '';
      rows.push(row); row = [];
      i += ch === '\r' && src[i + 1] === '\n' ? 2 : 1;
      continue;
    }
    field += ch; i++;
  }
  if (quoted) throw new AppError('BAD_INPUT', 'The CSV ends inside a quoted field: a closing " is missing.');
  if (field !== '' || row.length) { row.push(field); rows.push(row); }
  return rows.filter((r) => r.some((c) => c.trim() !== ''));
}

/** Decode file bytes as CSV text: UTF-8 (with or without BOM) or UTF-16 with a BOM; anything else is refused. */
export function decodeCsvBytes(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new AppError('BAD_INPUT',
      'The CSV is not UTF-8 text (it looks like Windows-1252/Latin-1 or a spreadsheet file). In Excel use "Save As → CSV UTF-8", then import again. Nothing was imported.');
  }
}

const REQUIRED = CSV_REQUIRED_COLUMNS;

/** Validate every row; nothing touches the database here. */
export function casesFromCsv(text: string): { cases: NewCase[]; rows: number[]; report: Omit<ImportReport, 'imported' | 'ids'> } {
  if (text.includes('\u0000')) {
    throw new AppError('BAD_INPUT', 'The CSV looks like UTF-16 without a byte-order mark. Save it as "CSV UTF-8" and import again. Nothing was imported.');
  }
  if (text.includes('\ufffd')) {
    throw new AppError('BAD_INPUT', 'The CSV is not UTF-8 text (invalid characters found). Save it as "CSV UTF-8" and import again. Nothing was imported.');
  }
  const table = parseCsv(text);
  if (table.length === 0) throw new AppError('BAD_INPUT', 'The CSV file is empty: it needs a header row and at least one case.');
  const header = table[0]!.map((h) => h.trim().toLowerCase().replace(/\s+/g, '_'));
  const missing = REQUIRED.filter((c) => !header.includes(c));
  if (missing.length) {
    throw new AppError('BAD_INPUT',
      `The CSV header is missing the required column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}. Found: ${header.join(', ') || '(nothing)'}. Nothing was imported.`);
  }
  const warnings: ImportReport['warnings'] = [];
  const unknown = header.filter((h) => h && !(CSV_COLUMNS as readonly string[]).includes(h));
  if (unknown.length) warnings.push({ row: 1, message: `Ignored unknown column(s): ${unknown.join(', ')}` });
  const cases: NewCase[] = [];
  const rows: number[] = [];
  const rejected: ImportReport['rejected'] = [];
  table.slice(1).forEach((cells, i) => {
    const rowNo = i + 2;
    const get = (c: string) => {
      const idx = header.indexOf(c);
      return idx >= 0 ? (cells[idx] ?? '').trim() : '';
    };
    if (cells.length > header.length && cells.slice(header.length).some((c) => c.trim())) {
      rejected.push({ row: rowNo, reason: `has ${cells.length} cells but the header has ${header.length} columns (an unquoted comma?)` });
      return;
    }
    const entity = get('entity_name');
    if (!entity) { rejected.push({ row: rowNo, reason: 'entity_name is empty' }); return; }
    const numbersText = get('numbers');
    if (!numbersText) { rejected.push({ row: rowNo, reason: 'numbers is empty' }); return; }
    const numbers = numbersFromText(numbersText.replace(/;/g, '\n'));
    const valid = numbers.filter((n) => n.e164);
    if (valid.length === 0) {
      rejected.push({ row: rowNo, reason: `no valid phone number in "${numbersText}"` });
      return;
    }
    const bad = numbers.filter((n) => !n.e164);
    if (bad.length) warnings.push({ row: rowNo, message: `kept ${bad.length} invalid number(s) to fix: ${bad.map((b) => b.raw).join(', ')}` });
    const fields = {
      entity_name: entity, authorized_person: get('authorized_person'), btn: get('btn'), account_number: get('account_number'),
      service_street: get('service_street'), service_unit: get('service_unit'), service_city: get('service_city'),
      service_state: get('service_state'), service_zip: get('service_zip'), losing_carrier: get('losing_carrier'),
      customer_reference: get('customer_reference'),
    };
    const parsed = CaseFields.partial().safeParse(fields);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      rejected.push({ row: rowNo, reason: `${issue.path.join('.')} is too long or invalid (${issue.message})` });
      return;
    }
    if (fields.service_zip && !/^\d{5}(-?\d{4})?$/.test(fields.service_zip)) {
      rejected.push({ row: rowNo, reason: `service_zip "${fields.service_zip}" is not a ZIP or ZIP+4` });
      return;
    }
    const pin = get('pin');
    cases.push({ fields: parsed.data, numbers, pin: pin || null });
    rows.push(rowNo);
  });
  return { cases, rows, report: { rejected, warnings } };
}
