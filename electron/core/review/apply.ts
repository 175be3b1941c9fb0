/**
 * "Use the CSR value": which case fields a document's value goes into, copied exactly as the
 * document writes it (carriers compare names letter for letter). Pure: the review proposes, the
 * handler applies through the case repository (history, optimistic version).
 */
import {
  APPLICABLE_FIELDS,
  type ApplicableField,
  type ApplyProposal,
  type ApplySource,
} from '../../../shared/contract/review.js';
import type { CaseFields, CaseRecord } from '../../../shared/domain/case.js';
import type { ExtractedFields, ServiceAddress } from '../../../shared/domain/document.js';
import { toE164 } from '../../../shared/domain/phone.js';
import { comparePersonNames } from '../../../shared/normalize/names.js';

export type ChosenFields = Partial<Record<ApplySource, ExtractedFields>>;

type Change = ApplyProposal['changes'][number];

/** The carrier may list several authorised contacts; the one the LOA (or case) names is the one to copy. */
function pickContact(listed: string, wanted: (string | undefined)[]): string {
  const names = listed
    .split(/\s*(?:;|\n|\s\/\s|\|)\s*/)
    .map((s) => s.trim())
    .filter(Boolean);
  if (names.length <= 1) return listed.trim();
  const rank = { match: 0, equivalent: 1, mismatch: 2 } as const;
  for (const w of wanted) {
    if (!w?.trim()) continue;
    const best = names.map((n) => ({ n, r: rank[comparePersonNames(n, w).verdict] })).sort((a, b) => a.r - b.r)[0]!;
    if (best.r < 2) return best.n;
  }
  return names[0]!;
}

function zipText(a: ServiceAddress): string {
  return a.zip4 ? `${a.zip5}-${a.zip4}` : a.zip5;
}

/** What the case would hold after copying `field` from the document, or null when the document has no value. */
export function proposedCaseFields(
  field: ApplicableField,
  source: ApplySource,
  docs: ChosenFields,
  rec: CaseRecord,
): { value: string; fields: Partial<CaseFields> } | null {
  const doc = docs[source];
  if (!doc) return null;
  const text = (v: string | undefined) => (v && v.trim() ? v.trim() : null);
  switch (field) {
    case 'account_name': {
      const v = text(doc.account_name?.value);
      return v ? { value: v, fields: { entity_name: v } } : null;
    }
    case 'authorized_person': {
      const v = text(doc.authorized_person?.value);
      if (!v) return null;
      const person = pickContact(v, [docs.loa?.authorized_person?.value, rec.authorized_person]);
      return { value: person, fields: { authorized_person: person } };
    }
    case 'btn': {
      const v = text(doc.btn?.value);
      return v ? { value: v, fields: { btn: v } } : null;
    }
    case 'account_number': {
      const v = text(doc.account_number?.value);
      return v ? { value: v, fields: { account_number: v } } : null;
    }
    case 'service_address': {
      const a = doc.service_address?.value;
      if (!a || !(a.street_line.trim() || a.city.trim() || a.zip5.trim())) return null;
      const fields: Partial<CaseFields> = {
        service_street: a.street_line.trim(),
        service_unit: a.unit.trim(),
        service_city: a.city.trim(),
        service_state: a.state.trim(),
        service_zip: zipText(a).trim(),
      };
      const value = [
        [a.street_line, a.unit]
          .map((s) => s.trim())
          .filter(Boolean)
          .join(', '),
        a.city.trim(),
        [a.state.trim(), zipText(a)].filter(Boolean).join(' '),
      ]
        .filter(Boolean)
        .join(', ');
      return { value, fields };
    }
  }
}

/** Only what would really change; a BTN written another way is the same number. */
function changesOf(rec: CaseRecord, fields: Partial<CaseFields>): Change[] {
  const out: Change[] = [];
  for (const [k, to] of Object.entries(fields) as [keyof CaseFields, string][]) {
    const from = (rec[k] ?? '') as string;
    if (k === 'btn') {
      const a = toE164(from);
      if (a && a === toE164(to)) continue;
    }
    if (from !== to) out.push({ field: k, from, to });
  }
  return out;
}

/** Every document value that differs from the case, per field and source. */
export function applyProposals(docs: ChosenFields, rec: CaseRecord): ApplyProposal[] {
  const out: ApplyProposal[] = [];
  for (const field of APPLICABLE_FIELDS) {
    for (const source of ['csr', 'invoice', 'loa'] as const) {
      const p = proposedCaseFields(field, source, docs, rec);
      if (!p) continue;
      const changes = changesOf(rec, p.fields);
      if (changes.length) out.push({ field, source, value: p.value, changes });
    }
  }
  return out;
}

export function applyChanges(
  field: ApplicableField,
  source: ApplySource,
  docs: ChosenFields,
  rec: CaseRecord,
): { value: string; fields: Partial<CaseFields>; changes: Change[] } | null {
  const p = proposedCaseFields(field, source, docs, rec);
  if (!p) return null;
  const changes = changesOf(rec, p.fields);
  return {
    value: p.value,
    fields: Object.fromEntries(changes.map((c) => [c.field, c.to])) as Partial<CaseFields>,
    changes,
  };
}
