import { Fragment } from 'react';
import { formatNational } from '../../shared/domain/phone.js';

/** Five or more E.164 numbers in a row, comma separated: a list, not a sentence. */
const NUMBER_RUN = /\+\d{8,15}(?:,\s*(?:and\s+)?\+\d{8,15}){4,}/g;
const COLUMNS = 4;

/**
 * A reason or message from the host, with each long run of phone numbers ("+13125550148,
 * +13125550149, …") shown as a table of numbers under the sentence instead of inside it.
 */
export function ReasonText({ text }: { text: string }) {
  const runs = [...text.matchAll(NUMBER_RUN)];
  if (runs.length === 0) return <>{text}</>;
  const parts: (string | { numbers: string[] })[] = [];
  let at = 0;
  for (const m of runs) {
    parts.push(text.slice(at, m.index));
    parts.push({ numbers: m[0].match(/\+\d{8,15}/g) ?? [] });
    at = m.index + m[0].length;
  }
  parts.push(text.slice(at));
  const tables = parts.filter((p): p is { numbers: string[] } => typeof p !== 'string');
  return (
    <>
      {parts.map((p, i) => (
        <Fragment key={i}>{typeof p === 'string' ? p : `the ${p.numbers.length} numbers below`}</Fragment>
      ))}
      {tables.map((t, i) => (
        <NumberTable key={i} numbers={t.numbers} />
      ))}
    </>
  );
}

function NumberTable({ numbers }: { numbers: string[] }) {
  const rows: string[][] = [];
  for (let i = 0; i < numbers.length; i += COLUMNS) rows.push(numbers.slice(i, i + COLUMNS));
  return (
    <table className="number-table" data-testid="number-table">
      <tbody>
        {rows.map((r, i) => (
          <tr key={i}>
            {r.map((n) => (
              <td key={n} className="mono" title={n}>
                {formatNational(n)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
