/**
 * A case's numbers with their line types, and the line-type rules applied to them as the case stands
 * today. One reading for the send gate (porting/channel.ts) and the review (review/review.ts), so a
 * number the gate would stop is a blocker the review predicts too.
 */
import type { LineFinding, NumberLineType } from '../../../shared/contract/channel.js';
import type { CaseRecord } from '../../../shared/domain/case.js';
import { isTollFreeNanp, lineTypeFromCheck, type LineType } from '../../../shared/domain/phone.js';
import type { CoreContext } from '../context.js';
import { lineFindings } from './line-rules.js';

export function manualLineTypes(ctx: CoreContext, caseId: number): Map<string, LineType> {
  const rows = ctx.db.prepare('SELECT number, line_type FROM number_line_types WHERE case_id = ?').all(caseId) as {
    number: string;
    line_type: LineType;
  }[];
  return new Map(rows.map((r) => [r.number, r.line_type]));
}

/** Manual > the portability check's type > a toll-free area code > unknown, per valid number. */
export function caseLineTypes(ctx: CoreContext, rec: CaseRecord): NumberLineType[] {
  const manual = manualLineTypes(ctx, rec.id);
  const check = ctx.porting.check(rec.id);
  const checked = new Map((check?.numbers ?? []).map((n) => [n.phone_number, n.phone_number_type]));
  const numbers = [...new Set(rec.numbers.flatMap((n) => (n.e164 ? [n.e164] : [])))];
  return numbers.map((number) => {
    const checkType = checked.get(number) ?? null;
    const own = manual.get(number);
    if (own) return { number, line_type: own, source: 'manual', check_type: checkType };
    const fromCheck = lineTypeFromCheck(checkType);
    if (fromCheck) return { number, line_type: fromCheck, source: 'check', check_type: checkType };
    if (isTollFreeNanp(number)) return { number, line_type: 'toll-free', source: 'number', check_type: checkType };
    return { number, line_type: null, source: 'unknown', check_type: checkType };
  });
}

/** The carrier table's line-type rules (wireless transfer PIN and its age, toll-free) for the case today. */
export function caseLineFindings(
  ctx: CoreContext,
  rec: CaseRecord,
  lines: NumberLineType[] = caseLineTypes(ctx, rec),
): LineFinding[] {
  const pin = ctx.db.prepare('SELECT pin_set_at FROM cases WHERE id = ?').get(rec.id) as
    | { pin_set_at: string | null }
    | undefined;
  return lineFindings({
    losing_carrier: rec.losing_carrier,
    underlying_carrier: rec.underlying_carrier,
    pin_set: rec.pin_set,
    pin_set_at: pin?.pin_set_at ?? null,
    lines,
    now: ctx.now(),
  });
}
