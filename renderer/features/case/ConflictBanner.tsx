import { CASE_FIELD_NAMES, FIELD_LABEL, STATUS_LABEL, type CaseRecord } from '../../../shared/domain/case.js';
import { changesOf, numbersTextOf, useCaseDetail, type Conflict, type Draft } from '../../state/caseDetail.js';

interface Row {
  field: string;
  label: string;
  before: string;
  now: string;
  mine: string | null;
}

function show(v: string | null | undefined): string {
  return v === null || v === undefined || v === '' ? '(empty)' : v;
}

function oneLine(numbers: string): string {
  return numbers
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean)
    .join(', ');
}

/** Every field that differs between what this window loaded, what is saved now, and the user's edit. */
export function conflictRows(conflict: Conflict, draft: Draft): Row[] {
  const { before, current } = conflict;
  const mine = changesOf(before, draft);
  const rows: Row[] = [];
  const push = (field: string, b: string, n: string, m: string | null) => {
    if (b !== n || m !== null)
      rows.push({ field, label: FIELD_LABEL[field as keyof typeof FIELD_LABEL] ?? field, before: b, now: n, mine: m });
  };
  if (before.status !== current.status) push('status', STATUS_LABEL[before.status], STATUS_LABEL[current.status], null);
  for (const f of CASE_FIELD_NAMES) {
    const m = f in mine.fields ? show(mine.fields[f] as string | null) : null;
    push(f, show(before[f]), show(current[f]), m);
  }
  push(
    'numbers',
    show(oneLine(numbersTextOf(before))),
    show(oneLine(numbersTextOf(current))),
    mine.numbersText !== undefined ? show(oneLine(mine.numbersText)) : null,
  );
  const pinState = (r: CaseRecord) => (r.pin_set ? 'set' : 'not set');
  push(
    'pin',
    pinState(before),
    pinState(current),
    mine.pin === undefined ? null : mine.pin === null ? 'clear' : '(changed)',
  );
  return rows;
}

export function ConflictBanner({ conflict }: { conflict: Conflict }) {
  const draft = useCaseDetail((s) => s.draft);
  const reapply = useCaseDetail((s) => s.reapply);
  const discard = useCaseDetail((s) => s.discard);
  const saving = useCaseDetail((s) => s.saving);
  const rows = conflictRows(conflict, draft);
  const mineCount = rows.filter((r) => r.mine !== null).length;
  return (
    <section className="conflict" role="alert" data-testid="conflict">
      <h3>Changed elsewhere</h3>
      <p>
        Someone saved case {conflict.current.id} (now version {conflict.current.version}) after you opened it. Your edit
        was
        <strong> not saved</strong>. Compare below, then reapply your changes on top of the current data or discard
        them.
      </p>
      <table className="conflict-table">
        <thead>
          <tr>
            <th>Field</th>
            <th>When you opened it</th>
            <th>Saved now</th>
            <th>Your edit</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.field} className={r.mine !== null && r.before !== r.now ? 'clash' : undefined}>
              <th scope="row">{r.label}</th>
              <td>{r.before}</td>
              <td className={r.before !== r.now ? 'theirs' : undefined}>{r.now}</td>
              <td className={r.mine !== null ? 'mine' : 'muted'}>{r.mine ?? 'unchanged'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="conflict-actions">
        <button
          type="button"
          className="btn btn-primary"
          disabled={saving || mineCount === 0}
          onClick={() => void reapply()}
        >
          Reapply my {mineCount === 1 ? 'change' : `${mineCount} changes`} and save
        </button>
        <button type="button" className="btn" disabled={saving} onClick={discard}>
          Discard my changes
        </button>
      </div>
    </section>
  );
}
