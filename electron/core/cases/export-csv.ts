/**
 * The queue as a CSV file: the bulk-import columns (so the file can be edited and imported again)
 * plus status, porting order ids and FOC. Every cell is neutralised against spreadsheet formula
 * injection. The PIN column stays empty: a PIN is a secret and never leaves the app in an export.
 */
import { CSV_COLUMNS } from '../../../shared/contract/cases.js';
import { formatNational } from '../../../shared/domain/phone.js';
import type { CoreContext } from '../context.js';

export const EXPORT_EXTRA_COLUMNS = ['status', 'order_ids', 'foc_date', 'case_id'] as const;
export const EXPORT_COLUMNS = [...CSV_COLUMNS, ...EXPORT_EXTRA_COLUMNS] as const;

/**
 * A spreadsheet runs a cell that starts with = + - @ (or a tab or carriage return that hides one)
 * as a formula: such a cell gets a leading apostrophe, which spreadsheets show as text (OWASP).
 */
export function neutraliseCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

function csvCell(value: string): string {
  const safe = neutraliseCell(value);
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

interface ExportRow {
  id: number;
  status: string;
  foc_date: string | null;
  [column: string]: string | number | null;
}

export function exportCasesCsv(ctx: CoreContext): { csv: string; rows: number } {
  const fieldColumns = CSV_COLUMNS.filter((c) => c !== 'numbers' && c !== 'pin');
  const cases = ctx.db
    .prepare(`SELECT id, status, foc_date, ${fieldColumns.join(', ')} FROM cases ORDER BY id`)
    .all() as ExportRow[];
  const numbersOf = ctx.db.prepare('SELECT raw, e164 FROM case_numbers WHERE case_id = ? ORDER BY position');
  const ordersOf = ctx.db.prepare(
    'SELECT id, foc_actual, foc_requested FROM porting_orders WHERE case_id = ? ORDER BY created_at, id',
  );
  const lines = [EXPORT_COLUMNS.join(',')];
  for (const c of cases) {
    const numbers = (numbersOf.all(c.id) as { raw: string; e164: string | null }[]).map((n) =>
      n.e164 ? (n.e164.startsWith('+1') ? formatNational(n.e164) : n.e164) : n.raw,
    );
    const orders = ordersOf.all(c.id) as { id: string; foc_actual: string | null; foc_requested: string | null }[];
    const orderFoc =
      orders
        .map((o) => o.foc_actual)
        .filter((f): f is string => !!f)
        .sort()
        .at(-1) ?? '';
    const cell: Record<(typeof EXPORT_COLUMNS)[number], string> = {
      ...(Object.fromEntries(fieldColumns.map((col) => [col, String(c[col] ?? '')])) as Record<
        (typeof fieldColumns)[number],
        string
      >),
      numbers: numbers.join('; '),
      pin: '',
      status: c.status,
      order_ids: orders.map((o) => o.id).join(' '),
      foc_date: c.foc_date ?? orderFoc,
      case_id: String(c.id),
    };
    lines.push(EXPORT_COLUMNS.map((col) => csvCell(cell[col])).join(','));
  }
  // CRLF (RFC 4180) and a BOM so spreadsheet programs read UTF-8 names correctly
  return { csv: `\uFEFF${lines.join('\r\n')}\r\n`, rows: cases.length };
}
