import { parse, type CsvError, type Options } from 'csv-parse';
import { AppError } from '../../../shared/contract/rpc.js';
import { CSV_COLUMNS, CSV_REQUIRED_COLUMNS, PIN_MAX_CHARS, type ImportReport } from '../../../shared/contract/cases.js';
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

/** Text fed to the parser at a time: one piece and the records read from it are all the parse holds. */
const CHUNK_CHARS = 4 * 1024;
/**
 * No row of a case CSV comes near this (every field has a limit far below); a longer one is a quote
 * left open. Stopping there keeps a runaway cell from growing the parser's buffers with the file.
 */
const MAX_ROW_CHARS = 1_000_000;
/** The same limit as the numbers box of a case (cases.create's numbersText). */
const MAX_NUMBERS_CHARS = 200_000;
/** At most this many rows in a slice: small enough to stage between two answers of the app. */
export const ROWS_PER_SLICE = 50;

/** The case fields a CSV row fills, each with its length limit read once from the CaseFields schema. */
const IMPORTED_FIELDS = [
  'entity_name',
  'authorized_person',
  'btn',
  'account_number',
  'service_street',
  'service_unit',
  'service_city',
  'service_state',
  'service_zip',
  'losing_carrier',
  'customer_reference',
] as const satisfies readonly (keyof CaseFields)[];
type ImportedField = (typeof IMPORTED_FIELDS)[number];
/**
 * CaseFields holds only length limits for these text fields; checking lengths directly costs a
 * fraction of running the schema on every row (a test holds the two to the same verdicts).
 */
export const IMPORTED_FIELD_LIMITS: Readonly<Record<ImportedField, number>> = Object.fromEntries(
  IMPORTED_FIELDS.map((f) => [f, CaseFields.shape[f].maxLength ?? Number.POSITIVE_INFINITY]),
) as Record<ImportedField, number>;

/** One valid row of the file: its row number as a person counts it, and the case it makes. */
export interface ImportRow {
  row: number;
  case: NewCase;
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
    push: (cells: string[]) => void,
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
 * RFC 4180 records through csv-parse, fed 4 K characters at a time to its incremental engine; each
 * record goes to `onRecord` as soon as it is read, and the generator stops after every piece so the
 * caller can hand over what those records made. Memory holds the input, one piece and its records.
 * Calling the engine directly skips the Node stream, its async iterator and a few promises per
 * record. Rows are numbered as the person counts them (header = row 1, blank lines not counted). A
 * huge cell costs about twice its size while it is read, then fails the row's field limits. A row
 * the parser cannot read (text after a closing quote) is reported in `unreadable` and the rest go
 * on; an unclosed quote at the end refuses the whole file.
 */
function* csvPieces(
  text: string,
  onRecord: (row: number, cells: string[]) => void,
  unreadable: ImportReport['rejected'],
): Generator<void> {
  let row = 0;
  let runaway = 0;
  let unclosed = false;
  const options: Options = {
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    record_delimiter: ['\r\n', '\n', '\r'],
    max_record_size: MAX_ROW_CHARS,
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
  // `api` is the engine every Parser carries (csv-parse's typings leave it out).
  const engine = (parse(options) as unknown as { api: CsvEngine }).api;
  const push = (cells: string[]) => {
    // a row of empty cells (",,") counts as blank, like an empty line
    for (const c of cells) {
      if (c.trim() !== '') {
        onRecord(++row, cells);
        return;
      }
    }
  };
  const feed = (chunk: Buffer | undefined, end: boolean): void => {
    const err = engine.parse(chunk, end, push, () => undefined);
    if (runaway)
      throw new AppError(
        'BAD_INPUT',
        `Row ${runaway} of the CSV is longer than ${MAX_ROW_CHARS.toLocaleString('en-US')} characters: a quote is probably left open there. Fix that row and import again. Nothing was imported.`,
      );
    if (err?.code === 'CSV_QUOTE_NOT_CLOSED') unclosed = true;
    else if (err) throw err;
  };
  let at = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  while (at < text.length && !unclosed) {
    const end = sliceEnd(text, at);
    feed(Buffer.from(text.slice(at, end), 'utf8'), false);
    at = end;
    yield;
  }
  if (!unclosed) feed(undefined, true);
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

function headerOf(cells: string[] | undefined): string[] {
  if (!cells) throw new AppError('BAD_INPUT', 'The CSV file is empty: it needs a header row and at least one case.');
  const header = cells.map((h) => h.trim().toLowerCase().replace(/\s+/g, '_'));
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
  const fields = { entity_name: entity } as Record<ImportedField, string>;
  for (const f of IMPORTED_FIELDS) {
    const value = f === 'entity_name' ? entity : get(f);
    const max = IMPORTED_FIELD_LIMITS[f];
    if (value.length > max)
      return `${f} is too long (${value.length.toLocaleString('en-US')} characters, at most ${max})`;
    fields[f] = value;
  }
  if (fields.service_zip && !/^\d{5}(-?\d{4})?$/.test(fields.service_zip))
    return `service_zip "${fields.service_zip}" is not a ZIP or ZIP+4`;
  const pin = get('pin');
  if (pin.length > PIN_MAX_CHARS)
    return `pin is too long (${pin.length.toLocaleString('en-US')} characters, at most ${PIN_MAX_CHARS})`;
  return { fields, numbers, pin: pin || null };
}

export type CsvReport = Omit<ImportReport, 'imported' | 'ids'>;

/**
 * Validate the rows of a CSV text, yielding the valid ones with their row numbers a slice at a time
 * (nothing touches the database here). Rejected rows and warnings accumulate in `report`; whole-file
 * problems (encoding, header, an unclosed quote) throw BAD_INPUT, possibly after slices were yielded.
 */
export async function* casesFromCsv(text: string, report: CsvReport): AsyncGenerator<ImportRow[]> {
  refuseBadEncoding(text);
  let column: Map<string, number> | null = null;
  let width = 0;
  let slice: ImportRow[] = [];
  const onRecord = (row: number, cells: string[]) => {
    if (!column) {
      const header = headerOf(cells);
      const unknown = header.filter((h) => h && !(CSV_COLUMNS as readonly string[]).includes(h));
      if (unknown.length) report.warnings.push({ row: 1, message: `Ignored unknown column(s): ${unknown.join(', ')}` });
      column = new Map<string, number>();
      for (const [i, h] of header.entries()) if (!column.has(h)) column.set(h, i);
      width = header.length;
      return;
    }
    const c = caseFromRow(cells, row, column, width, report.warnings);
    if (typeof c === 'string') report.rejected.push({ row, reason: c });
    else slice.push({ row, case: c });
  };
  for (const _ of csvPieces(text, onRecord, report.rejected)) {
    if (slice.length >= ROWS_PER_SLICE) {
      yield slice;
      slice = [];
    }
  }
  if (!column) headerOf(undefined);
  if (slice.length) yield slice;
  report.rejected.sort((a, b) => a.row - b.row);
}
