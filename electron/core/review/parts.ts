/**
 * The service address "by parts" for the review table: each source's address split the way
 * carriers exchange it (USPS Publication 28), one row per part, with the comparison's verdict for
 * that part. The verdicts come from the comparison; this only lays its parts out per source.
 */
import type { AddressPartRow } from '../../../shared/contract/review.js';
import { serviceAddressOnCase, type CaseRecord } from '../../../shared/domain/case.js';
import {
  AddressPartName,
  type CompareSource,
  type FieldComparison,
  type Verdict,
  worstVerdict,
} from '../../../shared/domain/comparison.js';
import { isEmptyAddress, parseAddress, type AddressParts } from '../../../shared/normalize/address.js';
import type { ChosenFields } from './apply.js';

type Part = AddressPartRow['part'];

const LABEL: Record<Part, string> = {
  house_number: 'House number',
  predirectional: 'Directional (before)',
  street_name: 'Street name',
  suffix: 'Street type',
  postdirectional: 'Directional (after)',
  unit: 'Unit / suite',
  city: 'City',
  state: 'State',
  zip5: 'ZIP',
  zip4: 'ZIP+4',
};
// Publication 28's order, as the comparison declares it
const ORDER: readonly Part[] = AddressPartName.options;

function partText(p: AddressParts, part: Part): string {
  if (part === 'unit') {
    const units = [
      ...p.extra_units,
      ...(p.unit || p.unit_designator ? [{ designator: p.unit_designator, value: p.unit }] : []),
    ];
    return units.map((u) => (u.designator === '#' ? `#${u.value}` : `${u.designator} ${u.value}`.trim())).join(' ');
  }
  if (part === 'street_name' && p.po_box !== null) return `PO BOX ${p.po_box}`;
  return p[part];
}

export function addressPartRows(
  field: FieldComparison | undefined,
  docs: ChosenFields,
  rec: CaseRecord,
): AddressPartRow[] {
  const parsed: Partial<Record<CompareSource, AddressParts>> = {};
  for (const src of ['loa', 'invoice', 'csr'] as const) {
    const a = docs[src]?.service_address?.value;
    if (a) {
      const p = parseAddress(a);
      if (!isEmptyAddress(p)) parsed[src] = p;
    }
  }
  const onCase = serviceAddressOnCase(rec);
  if (onCase) parsed.case = parseAddress(onCase);
  const compared = field?.parts ?? [];
  const rows: AddressPartRow[] = [];
  for (const part of ORDER) {
    const values: AddressPartRow['values'] = {};
    for (const [src, p] of Object.entries(parsed) as [CompareSource, AddressParts][]) {
      const t = partText(p, part);
      if (t) values[src] = t;
    }
    const mine = compared.filter((c) => c.part === part);
    if (!Object.keys(values).length && !mine.length) continue;
    let verdict: Verdict;
    if (mine.length) verdict = worstVerdict(['match', ...mine.map((c) => c.verdict)]);
    else if (!field || field.reference === null || field.verdict === 'not_checked') verdict = 'not_checked';
    else if (field.verdict === 'info') verdict = 'info';
    else verdict = 'match';
    const reasons = [
      ...new Set(
        mine
          .filter((c) => c.verdict !== 'match')
          .map((c) => `${c.source === 'case' ? 'Case' : c.source.toUpperCase()}: ${c.reason}`),
      ),
    ];
    rows.push({ part, label: LABEL[part], values, verdict, ...(reasons.length ? { reason: reasons.join('; ') } : {}) });
  }
  return rows;
}
