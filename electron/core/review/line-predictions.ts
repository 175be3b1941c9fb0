/**
 * The line-type rules (a wireless number without the carrier's transfer PIN, or with one older than
 * the carrier allows), and a carrier's rejection nothing has answered yet, as predictions of the
 * review: the send gate would stop the case, so the review counts it as a blocker in the queue and
 * Mark ready refuses it. The rules themselves are porting/line-rules.ts (and received-rejections.ts);
 * this only says their findings in the review's terms.
 */
import type { LineFinding } from '../../../shared/contract/channel.js';
import type { ComparisonResult, PredictedRejection } from '../../../shared/domain/comparison.js';
import { rejectionEntry } from '../compare/rejections.js';

/** A prediction made from a line-type finding (its reason is the finding's message). */
function predictionOf(finding: LineFinding & { code: string; level: 'blocker' | 'warning' }): PredictedRejection {
  const entry = rejectionEntry(finding.code);
  return {
    code: entry.code,
    field: entry.field,
    level: finding.level,
    sources: ['case'],
    meaning: entry.meaning,
    action: finding.action,
    reason: finding.message,
    evidence: {},
  };
}

/** The comparison with the line-type findings added: blockers to the predicted rejections, warnings to the risks. */
export function withLineRulePredictions(result: ComparisonResult, findings: readonly LineFinding[]): ComparisonResult {
  return withCasePredictions(
    result,
    findings.flatMap((f) =>
      f.code && (f.level === 'blocker' || f.level === 'warning')
        ? [predictionOf({ ...f, code: f.code, level: f.level })]
        : [],
    ),
  );
}

/**
 * The comparison with predictions made from the case itself rather than its documents (line-type
 * rules, a carrier's rejection not yet answered). One the comparison already makes (same code and
 * field) joins its reason, so each difference is said once.
 */
export function withCasePredictions(
  result: ComparisonResult,
  predictions: readonly PredictedRejection[],
): ComparisonResult {
  const blockers = result.predicted_rejections.map((p) => ({ ...p }));
  const risks = result.risks.map((p) => ({ ...p }));
  let added = false;
  for (const p of predictions) {
    const list = p.level === 'blocker' ? blockers : risks;
    const same = list.find((q) => q.code === p.code && q.field === p.field);
    if (same) {
      // the carrier returning the code the comparison predicts is news even when the reason is not
      if (p.received_on && same.received_on !== p.received_on) {
        same.received_on = p.received_on;
        added = true;
      }
      if (same.reason.includes(p.reason)) continue;
      same.reason = `${same.reason} ${p.reason}`;
      if (!same.sources.includes('case')) same.sources.push('case');
    } else list.push(p);
    added = true;
  }
  if (!added) return result;
  return {
    ...result,
    predicted_rejections: blockers,
    risks,
    counts: { ...result.counts, blockers: blockers.length, warnings: risks.length },
  };
}
