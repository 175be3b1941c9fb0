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
import { SERVICE_ADDRESS_FIELD, type CaseFields, type CaseRecord } from '../../../shared/domain/case.js';
import type { AddressPartName } from '../../../shared/domain/fields.js';
import type { ExtractedFields, ServiceAddress } from '../../../shared/domain/document.js';
import { toE164 } from '../../../shared/domain/phone.js';
import { normalizeState } from '../../../shared/normalize/address.js';
import { comparePersonNames } from '../../../shared/normalize/names.js';
import { cityProblem } from '../compare/plausible.js';

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

type Withheld = NonNullable<ApplyProposal['withheld']>[number];

/**
 * The case's service address fields from a document's address, leaving out what cannot be right:
 * a misread city, a state or ZIP that is none, and any part the document lacks while the case has it
 * (copying must never clear the case's state or city). The unit is the exception: a carrier record
 * without a suite means the order must not carry one.
 */
function addressFields(a: ServiceAddress, rec: CaseRecord): { fields: Partial<CaseFields>; withheld: Withheld[] } {
  const withheld: Withheld[] = [];
  const fields: Partial<CaseFields> = { [SERVICE_ADDRESS_FIELD.unit]: a.unit.trim() };
  const take = (part: AddressPartName, value: string, problem: string | null) => {
    const field = SERVICE_ADDRESS_FIELD[part];
    const kept = String(rec[field] ?? '').trim();
    if (!value) {
      if (kept) withheld.push({ field, value, why: `the document shows none; the case keeps "${kept}"` });
      return;
    }
    if (problem) {
      withheld.push({ field, value, why: `${problem}${kept ? `; the case keeps "${kept}"` : ''}` });
      return;
    }
    fields[field] = value as never;
  };
  take('street_line', a.street_line.trim(), /[A-Za-z]/.test(a.street_line) ? null : 'no street name in it');
  take('city', a.city.trim(), cityProblem(a.city.trim(), a.state.trim()));
  const state = a.state.trim();
  take('state', state, normalizeState(state) ? null : 'not a US state');
  const zip = zipText(a).trim();
  take('zip', zip, /^\d{5}(?:-\d{4})?$/.test(zip) ? null : 'not a 5-digit ZIP');
  return { fields, withheld };
}

/** What the case would hold after copying `field` from the document, or null when the document has no value. */
export function proposedCaseFields(
  field: ApplicableField,
  source: ApplySource,
  docs: ChosenFields,
  rec: CaseRecord,
): { value: string; fields: Partial<CaseFields>; withheld?: Withheld[] } | null {
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
      const { fields, withheld } = addressFields(a, rec);
      return { value, fields, ...(withheld.length ? { withheld } : {}) };
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

/**
 * The case already holds the CSR's value for the field (what the CSR would copy changes nothing):
 * copying another document's value would move the case away from the carrier's record.
 */
export function matchesCsr(field: ApplicableField, docs: ChosenFields, rec: CaseRecord): boolean {
  const p = proposedCaseFields(field, 'csr', docs, rec);
  return p !== null && changesOf(rec, p.fields).length === 0;
}

/** Every document value that differs from the case, per field and source; none over a value the CSR confirms. */
export function applyProposals(docs: ChosenFields, rec: CaseRecord): ApplyProposal[] {
  const out: ApplyProposal[] = [];
  for (const field of APPLICABLE_FIELDS) {
    const csrAgrees = matchesCsr(field, docs, rec);
    for (const source of ['csr', 'invoice', 'loa'] as const) {
      if (source !== 'csr' && csrAgrees) continue;
      const p = proposedCaseFields(field, source, docs, rec);
      if (!p) continue;
      const changes = changesOf(rec, p.fields);
      if (changes.length)
        out.push({ field, source, value: p.value, changes, ...(p.withheld ? { withheld: p.withheld } : {}) });
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
