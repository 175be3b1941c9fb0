/** Losing carrier and the reseller notice. */
import {
  type CarrierEntry,
  type FieldComparison,
  type ResellerNotice,
  type Verdict,
  worstVerdict,
} from '../../../shared/domain/comparison.js';
import { normalizeBusinessName } from '../../../shared/normalize/names.js';
import { carrierInfo, resellerQuestion } from './carriers.js';
import { Collector, type Docs, SOURCE_LABEL, type Src, type Val, caseVal, ev, fromDoc } from './run.js';

export function compareCarrier(
  c: Collector,
  docs: Docs,
  caseData: { losing_carrier?: string | undefined } | undefined,
) {
  const vals: Partial<Record<Src, Val<string>>> = {};
  for (const s of ['loa', 'invoice', 'csr'] as const) {
    const v = fromDoc(docs, s, 'carrier_name');
    if (v) vals[s] = v;
  }
  const cv = caseVal(caseData?.losing_carrier);
  if (cv) vals.case = cv;
  const values: FieldComparison['values'] = {};
  const normalized: FieldComparison['normalized'] = {};
  const info: Partial<Record<Src, CarrierEntry | null>> = {};
  for (const [s, v] of Object.entries(vals) as [Src, Val<string>][]) {
    values[s] = v.value;
    info[s] = carrierInfo(v.value);
    normalized[s] = info[s]?.name ?? v.value;
  }
  const evidence = ev(Object.values(vals));
  const losingSrc: Src | null = vals.case
    ? 'case'
    : vals.loa
      ? 'loa'
      : vals.invoice
        ? 'invoice'
        : vals.csr
          ? 'csr'
          : null;
  const losing = losingSrc ? { name: vals[losingSrc]!.value, entry: info[losingSrc] ?? null, src: losingSrc } : null;

  const ref = vals.csr ?? vals.invoice ?? null;
  let verdict: Verdict = 'not_checked';
  const reasons: string[] = [];
  let underlyingFromDocs: string | null = null;
  if (!losing) reasons.push('No losing carrier is named on any document or the case.');
  else if (!ref) {
    verdict = 'info';
    reasons.push(
      `Losing carrier: ${losing.entry?.name ?? losing.name} (from the ${SOURCE_LABEL[losing.src]}); no CSR or invoice names the carrier.`,
    );
  } else {
    const verdicts: Verdict[] = [];
    const refInfo = info[ref.src] ?? null;
    for (const s of (['loa', 'case'] as Src[]).filter((x) => vals[x])) {
      const v = vals[s]!;
      const i = info[s] ?? null;
      const sameId = i && refInfo && i.id === refInfo.id;
      const sameName = normalizeBusinessName(v.value).key === normalizeBusinessName(ref.value).key;
      if (sameId || sameName) {
        verdicts.push(v.value.trim() === ref.value.trim() ? 'match' : 'equivalent');
        continue;
      }
      // the CSR comes from the underlying carrier of a reseller: expected
      if (
        i?.reseller &&
        (!refInfo || refInfo.id !== i.id) &&
        (i.underlying_carriers.length === 0 || i.underlying_carriers.some((u) => carrierInfo(u)?.id === refInfo?.id))
      ) {
        verdicts.push('info');
        underlyingFromDocs = refInfo?.name ?? ref.value;
        reasons.push(
          `${SOURCE_LABEL[s]} names the reseller ${i.name}; the ${SOURCE_LABEL[ref.src]} comes from ${underlyingFromDocs}, its underlying carrier.`,
        );
        continue;
      }
      // not a rejection cause (the portability check names the carrier), but worth a look
      verdicts.push('info');
      reasons.push(
        `${SOURCE_LABEL[s]} names ${v.value} but the ${SOURCE_LABEL[ref.src]} is from ${ref.value}: check the documents belong to this port.`,
      );
    }
    verdict = verdicts.length ? worstVerdict(verdicts) : 'info';
    if (!reasons.length)
      reasons.push(
        verdict === 'info'
          ? `The ${SOURCE_LABEL[ref.src]} is from ${ref.value}.`
          : `Same carrier: ${refInfo?.name ?? ref.value}.`,
      );
  }
  c.field({
    field: 'losing_carrier',
    verdict,
    values,
    normalized,
    reference: ref?.src ?? null,
    evidence,
    reason: reasons.join(' '),
  });
  return { losing, underlyingFromDocs };
}

export function resellerNotice(entry: CarrierEntry, underlyingKnown: string | null): ResellerNotice {
  const under = entry.underlying_carriers.length ? entry.underlying_carriers.join(' or ') : 'an underlying carrier';
  return {
    provider: entry.name,
    underlying_carriers: entry.underlying_carriers,
    underlying_known: underlyingKnown,
    account_number_source: entry.account_number.source,
    pin_source: entry.pin.source,
    requirements: entry.requirements,
    question: resellerQuestion(),
    message:
      `${entry.name} is a reseller: its numbers are on ${under}${underlyingKnown ? ` (here: ${underlyingKnown})` : ''}. The port is authorised by the underlying carrier's records, so the account number and PIN must be the carrier-level ones, not the ${entry.name} login. ${entry.notes}`.trim(),
  };
}
