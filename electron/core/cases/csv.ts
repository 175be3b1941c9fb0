import { parse, type CsvError, type Options } from 'csv-parse';
import { AppError } from '../../../shared/contract/rpc.js';
import { CSV_COLUMNS, CSV_REQUIRED_COLUMNS, type ImportReport } from '../../../shared/contract/cases.js';
import { CaseFields } from '../../../shared/domain/case.js';
import type { NewCase } from './repo.js';
import { numbersFromText } from './repo.js';

/** Decode file bytes as CSV text: UTF-8 (with or without BOM) or UTF-16 with a BOM; anything else is refused. */
export function decodeCsvBytes(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new AppError(
      'BAD_INPUT',
      'The CSV is not UTF-8 text (it looks like Windows-1252/Latin-1 or a spreadsheet file). In Excel use "Save As → CSV UTF-8", then import again. Nothing was imported.',
    );
  }
}

/** Text fed to the parser at a time: its buffers stay this small, and parsing one slice (~200 rows) is a short turn. */
const CHUNK_CHARS = 16 * 1024;
/**
 * No row of a case CSV comes near this (every field has a limit far below); a longer one is a quote
 * left open. Stopping there keeps a runaway cell from growing the parser's buffers with the file.
 */
const MAX_ROW_CHARS = 1_000_000;
/** The same limit as the numbers box of a case (cases.create's numbersText). */
const MAX_NUMBERS_CHARS = 200_000;
/** At most this many rows in a slice: small enough to insert between two answers of the app. */
export const ROWS_PER_SLICE = 25;

// Built once: zod compiles a schema on first use, and rebuilding .partial() per row cost ~0.3 ms a row.
const PartialCaseFields = CaseFields.partial();

interface CsvRecord {
  row: number;
  cells: string[];
}

/** Whole-file refusals that need no parsing: the wrong encoding is refused before any row is read. */
function refuseBadEncoding(text: string): void {
  if (text.includes('\u0000')) {
    throw new AppError(
      'BAD_INPUT',
      'The CSV looks like UTF-16 without a byte-order mark. Save it as "CSV UTF-8" and import again. Nothing was imported.',
    );
  }
  if (text.includes('\ufffd')) {
    throw new AppError(
      'BAD_INPUT',
      'The CSV is not UTF-8 text (invalid characters found). Save it as "CSV UTF-8" and import again. Nothing was imported.',
    );
  }
}

/** csv-parse's incremental engine: the same code its stream runs, called directly (parser.api). */
interface CsvEngine {
  parse(
    chunk: Buffer | undefined,
    end: boolean,
    push: (record: CsvRecord) => void,
    close: () => void,
  ): CsvError | undefined;
}

/** The end of a slice of `text`, not splitting a surrogate pair (its halves would decode as U+FFFD). */
function sliceEnd(text: string, from: number): number {
  const end = Math.min(text.length, from + CHUNK_CHARS);
  const last = text.charCodeAt(end - 1);
  return end < text.length && last >= 0xd800 && last <= 0xdbff ? end + 1 : end;
}

/**
 * RFC 4180 records through csv-parse, fed 16 K characters at a time to its incremental engine and
 * handed on a chunk's records at a time, so memory holds the input, one chunk and its records.
 * Calling the engine directly skips the Node stream, its async iterator and a few promises per
 * record (~10% of the parse's CPU; nothing read is kept longer either way). Rows are
 * numbered as the person counts them (header = row 1, blank lines not counted). A huge cell costs
 * about twice its size while it is read, then fails the row's field limits. A row the parser cannot
 * read (text after a closing quote) is reported in `unreadable` and the rest go on; an unclosed
 * quote at the end refuses the whole file.
 */
function* csvRecordChunks(text: string, unreadable: ImportReport['rejected']): Generator<CsvRecord[]> {
  let row = 0;
  let runaway = 0;
  let unclosed = false;
  const options: Options<CsvRecord, string[]> = {
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    record_delimiter: ['\r\n', '\n', '\r'],
    max_record_size: MAX_ROW_CHARS,
    on_record: (cells: string[]) => (cells.some((c) => c.trim() !== '') ? { row: ++row, cells } : null),
    on_skip: (err: CsvError | undefined) => {
      if (err?.code === 'CSV_MAX_RECORD_SIZE') {
        runaway ||= row + 1;
        return undefined;
      }
      if (err?.code === 'CSV_QUOTE_NOT_CLOSED') {
        unclosed = true;
        return undefined;
      }
      unreadable.push({ row: ++row, reason: `cannot be read as CSV (${describeParseError(err)})` });
      return undefined;
    },
  };
  // csv-parse's overloads type on_record's output only together with `columns`; `api` is the engine
  // every Parser carries (its typings leave it out).
  const engine = (parse(options as unknown as Options) as unknown as { api: CsvEngine }).api;
  const refuseRunaway = () =>
    new AppError(
      'BAD_INPUT',
      `Row ${runaway} of the CSV is longer than ${MAX_ROW_CHARS.toLocaleString('en-US')} characters: a quote is probably left open there. Fix that row and import again. Nothing was imported.`,
    );
  const feed = (chunk: Buffer | undefined, end: boolean): CsvRecord[] => {
    const records: CsvRecord[] = [];
    const err = engine.parse(
      chunk,
      end,
      (r) => records.push(r),
      () => undefined,
    );
    if (runaway) throw refuseRunaway();
    if (err?.code === 'CSV_QUOTE_NOT_CLOSED') unclosed = true;
    else if (err) throw err;
    return records;
  };
  let at = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  while (at < text.length && !unclosed) {
    const end = sliceEnd(text, at);
    const records = feed(Buffer.from(text.slice(at, end), 'utf8'), false);
    at = end;
    if (records.length) yield records;
  }
  if (!unclosed) {
    const records = feed(undefined, true);
    if (records.length) yield records;
  }
  if (unclosed)
    throw new AppError(
      'BAD_INPUT',
      'The CSV ends inside a quoted field: a closing " is missing. Nothing was imported.',
    );
}

function describeParseError(err: CsvError | undefined): string {
  switch (err?.code) {
    case 'CSV_INVALID_CLOSING_QUOTE':
      return 'text right after a closing quote';
    default:
      return err?.message.replace(/^Invalid [^:]*: /, '') ?? 'unreadable';
  }
}

function headerOf(first: CsvRecord | undefined): string[] {
  if (!first) throw new AppError('BAD_INPUT', 'The CSV file is empty: it needs a header row and at least one case.');
  const header = first.cells.map((h) => h.trim().toLowerCase().replace(/\s+/g, '_'));
  const missing = CSV_REQUIRED_COLUMNS.filter((c) => !header.includes(c));
  if (missing.length) {
    throw new AppError(
      'BAD_INPUT',
      `The CSV header is missing the required column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}. Found: ${header.join(', ') || '(nothing)'}. Nothing was imported.`,
    );
  }
  return header;
}

/** One row → a case, or the reason it is rejected. Warnings go to the report. */
function caseFromRow(
  cells: string[],
  rowNo: number,
  column: Map<string, number>,
  width: number,
  warnings: ImportReport['warnings'],
): NewCase | string {
  const get = (c: string) => {
    const idx = column.get(c);
    return idx === undefined ? '' : (cells[idx] ?? '').trim();
  };
  if (cells.length > width && cells.slice(width).some((c) => c.trim())) {
    return `has ${cells.length} cells but the header has ${width} columns (an unquoted comma?)`;
  }
  const entity = get('entity_name');
  if (!entity) return 'entity_name is empty';
  const numbersText = get('numbers');
  if (!numbersText) return 'numbers is empty';
  if (numbersText.length > MAX_NUMBERS_CHARS)
    return `numbers is ${numbersText.length.toLocaleString('en-US')} characters long (at most ${MAX_NUMBERS_CHARS.toLocaleString('en-US')})`;
  const numbers = numbersFromText(numbersText); // ';' separates numbers as a newline does
  if (!numbers.some((n) => n.e164))
    return `no valid phone number in "${numbersText.length > 80 ? numbersText.slice(0, 80) + '…' : numbersText}"`;
  const bad = numbers.filter((n) => !n.e164);
  if (bad.length)
    warnings.push({
      row: rowNo,
      message: `kept ${bad.length} invalid number(s) to fix: ${bad.map((b) => b.raw).join(', ')}`,
    });
  const fields = {
    entity_name: entity,
    authorized_person: get('authorized_person'),
    btn: get('btn'),
    account_number: get('account_number'),
    service_street: get('service_street'),
    service_unit: get('service_unit'),
    service_city: get('service_city'),
    service_state: get('service_state'),
    service_zip: get('service_zip'),
    losing_carrier: get('losing_carrier'),
    customer_reference: get('customer_reference'),
  };
  const parsed = PartialCaseFields.safeParse(fields);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return `${issue.path.join('.')} is too long or invalid (${issue.message})`;
  }
  if (fields.service_zip && !/^\d{5}(-?\d{4})?$/.test(fields.service_zip))
    return `service_zip "${fields.service_zip}" is not a ZIP or ZIP+4`;
  return { fields: parsed.data, numbers, pin: get('pin') || null, row: rowNo };
}

export type CsvReport = Omit<ImportReport, 'imported' | 'ids'>;

/**
 * Validate the rows of a CSV text, yielding the valid cases a slice at a time (nothing touches the
 * database here). Rejected rows and warnings accumulate in `report`; whole-file problems (encoding,
 * header, an unclosed quote) throw BAD_INPUT.
 */
export async function* casesFromCsv(text: string, report: CsvReport): AsyncGenerator<NewCase[]> {
  refuseBadEncoding(text);
  const chunks = csvRecordChunks(text, report.rejected);
  let pending: CsvRecord[] = [];
  let column: Map<string, number> | null = null;
  let width = 0;
  let slice: NewCase[] = [];
  for (;;) {
    const next = chunks.next();
    if (next.done) break;
    pending = next.value;
    if (!column) {
      const header = headerOf(pending.shift());
      const unknown = header.filter((h) => h && !(CSV_COLUMNS as readonly string[]).includes(h));
      if (unknown.length) report.warnings.push({ row: 1, message: `Ignored unknown column(s): ${unknown.join(', ')}` });
      column = new Map<string, number>();
      for (const [i, h] of header.entries()) if (!column.has(h)) column.set(h, i);
      width = header.length;
    }
    for (const { row, cells } of pending) {
      const c = caseFromRow(cells, row, column, width, report.warnings);
      if (typeof c === 'string') report.rejected.push({ row, reason: c });
      else slice.push(c);
      if (slice.length >= ROWS_PER_SLICE) {
        yield slice;
        slice = [];
      }
    }
  }
  if (!column) headerOf(undefined);
  if (slice.length) yield slice;
  report.rejected.sort((a, b) => a.row - b.row);
}
