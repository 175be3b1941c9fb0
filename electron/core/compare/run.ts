/**
 * The values a comparison weighs (each with its source, page, box and confidence) and the collector of
 * its verdicts, rejections, checks and banners.
 */
import { type CandidateWhy, type ExtractedFields, type FieldValue } from '../../../shared/domain/document.js';
import {
  COMPARED_FIELD_LABEL,
  type CheckCandidate,
  CompareInput,
  type CompareSource,
  type ComparedField,
  type EvidenceValue,
  type FieldComparison,
  type PredictedRejection,
  type ReviewBanner,
  type ReviewCheck,
  type Verdict,
} from '../../../shared/domain/comparison.js';
import { toE164 as parseToE164 } from '../../../shared/domain/phone.js';
import { type RejectionCode } from '../../../shared/domain/rejection-codes.js';
import { rejectionEntry } from './rejections.js';
import { remembered } from '../../../shared/normalize/memo.js';

/**
 * libphonenumber takes ~50 µs per number; a case re-compared on every edit sees the same numbers
 * again and again, so results are remembered (bounded, pure function of the text).
 */
const e164 = remembered((raw: string) => parseToE164(raw), 20_000);
export function toE164(raw: string): string | null {
  return e164(raw);
}

/** For benchmarks: measure the cold path. */
export function resetNumberCache(): void {
  e164.clear();
}

export type Src = CompareSource;
export type DocSrc = 'loa' | 'invoice' | 'csr';

/**
 * A difference is asserted (a predicted rejection) only when both sides were read at least this
 * sure; below it the field becomes a "check". Text-layer values under a clear label score ≥ 0.9;
 * OCR'd words and values found without a label score lower.
 */
export const CERTAIN = 0.8;
/** OCR'd words score high even when a letter is wrong: a value read by OCR must be surer. */
export const CERTAIN_OCR = 0.9;
export const SOURCE_LABEL: Record<Src, string> = { loa: 'LOA', invoice: 'Invoice', csr: 'CSR', case: 'Case' };

export interface Val<T> {
  src: Src;
  value: T;
  page: number | null;
  bbox: [number, number, number, number] | null;
  /** how sure the reader was (1 for what a person typed) */
  conf: number;
  /** the reader's own doubt about this reading (a ZIP that is not the city's), shown with a check */
  doubt?: string;
  /**
   * the label the reader found the value under (its own wording table, which knows wordings the review's
   * label regions may not): where the document's labels are not recognised, this is "under its label"
   */
  byLabel?: string;
  /**
   * the review's own pick of words under the field's label where the reader found none: where the
   * value ends is its guess (a neighbouring column's word may run on), so it bounds no other find
   */
  picked?: boolean;
  /**
   * how the reader found the value (its first candidate's why: a caption its vocabulary knows and where,
   * a caption only its shape made one, a layout, a sentence); absent for a document stored without it
   */
  found?: CandidateWhy;
}

export type Docs = Partial<Record<'loa' | 'invoice' | 'csr', ExtractedFields>>;

export function fromDoc<K extends keyof ExtractedFields>(
  docs: Docs,
  src: 'loa' | 'invoice' | 'csr',
  key: K,
): Val<NonNullable<ExtractedFields[K]>['value']> | null {
  const f = docs[src]?.[key] as FieldValue<unknown> | undefined;
  if (!f) return null;
  const v = f.value;
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' && !v.trim()) return null;
  if (Array.isArray(v) && v.length === 0) return null;
  // the first candidate is the value itself: its zip_check is the ZIP database's objection to it
  const why = f.candidates?.[0]?.why;
  const doubt = why?.zip_check?.note;
  return {
    src,
    value: v as NonNullable<ExtractedFields[K]>['value'],
    page: f.page,
    bbox: f.bbox,
    conf: f.confidence,
    ...(doubt ? { doubt } : {}),
    ...(why ? { found: why } : {}),
    // (a caption only its shape made a label is still the label the value was read under)
    // (a signer above its label is a signature line's, "Print Name" under it: on a carrier document the line
    // above a contact label is another block's — a portal's menu over "Contacts")
    ...((why?.source === 'label' || why?.source === 'shape') &&
    why.label &&
    !(key === 'authorized_person' && src !== 'loa' && why.mode === 'above')
      ? { byLabel: why.label }
      : {}),
  };
}

export function caseVal<T>(
  value: T | undefined | null,
  ok = (v: T) => (typeof v === 'string' ? !!v.trim() : v !== undefined && v !== null),
): Val<T> | null {
  if (value === undefined || value === null || !ok(value)) return null;
  return { src: 'case', value, page: null, bbox: null, conf: 1 };
}

export function ev<T>(vals: (Val<T> | null)[]): FieldComparison['evidence'] {
  const out: FieldComparison['evidence'] = {};
  for (const v of vals) if (v) out[v.src] = { page: v.page, bbox: v.bbox };
  return out;
}

export function daysBetween(fromIso: string, toIso: string): number | null {
  const a = Date.parse(`${fromIso}T00:00:00Z`);
  const b = Date.parse(`${toIso}T00:00:00Z`);
  if (Number.isNaN(a) || Number.isNaN(b)) return null;
  return Math.round((b - a) / 86_400_000);
}

export class Collector {
  fields: Partial<Record<ComparedField, FieldComparison>> = {};
  blockers: PredictedRejection[] = [];
  risks: PredictedRejection[] = [];
  checks: ReviewCheck[] = [];
  banners: ReviewBanner[] = [];
  /** fields on which the invoice and the CSR, both read with confidence, disagree */
  disagreements: string[] = [];

  field(f: Omit<FieldComparison, 'label'>): FieldComparison {
    const full = { ...f, label: COMPARED_FIELD_LABEL[f.field] };
    this.fields[f.field] = full;
    return full;
  }

  /**
   * One prediction per code and field: a second source with the same difference joins the first
   * (its sources and evidence), so one fact is said once, with one reason.
   */
  predict(
    code: RejectionCode,
    level: 'blocker' | 'warning',
    reason: string,
    evidence: PredictedRejection['evidence'],
    field?: string,
    sources?: Src[],
  ): void {
    const e = rejectionEntry(code);
    const f = field ?? e.field;
    const list = level === 'blocker' ? this.blockers : this.risks;
    const from = sources ?? defaultSources(evidence);
    const same = list.find((p) => p.code === code && p.field === f);
    if (same) {
      for (const s of from) if (!same.sources.includes(s)) same.sources.push(s);
      for (const [k, v] of Object.entries(evidence) as [Src, EvidenceValue][])
        if (!same.evidence[k]) same.evidence[k] = v;
      return;
    }
    list.push({ code, field: f, level, sources: from, meaning: e.meaning, action: e.action, reason, evidence });
  }

  check(
    field: ComparedField,
    code: RejectionCode,
    why: string,
    sources: Src[],
    reference: Src | null,
    candidates: ReviewCheck['candidates'],
  ): void {
    const same = this.checks.find((c) => c.field === field);
    if (same) {
      for (const s of sources) if (!same.sources.includes(s)) same.sources.push(s);
      for (const [k, v] of Object.entries(candidates) as [Src, CheckCandidate[]][])
        if (!same.candidates[k]) same.candidates[k] = v;
      return;
    }
    this.checks.push({ field, label: COMPARED_FIELD_LABEL[field], code, why, sources, reference, candidates });
  }
}

/** The checked sources of a prediction's evidence: the LOA and case when present, else every document named. */
function defaultSources(evidence: PredictedRejection['evidence']): Src[] {
  const keys = Object.keys(evidence) as Src[];
  const checked = keys.filter((k) => k === 'loa' || k === 'case');
  return checked.length ? checked : keys;
}

export function candidate<T>(v: Val<T>, show: (v: T) => string): CheckCandidate {
  return {
    value: show(v.value),
    page: v.page,
    bbox: v.bbox,
    confidence: Math.round(v.conf * 100) / 100,
    ...(v.doubt ? { doubt: v.doubt } : {}),
  };
}

/**
 * One reason per row: the same sentence for the LOA and the case is said once, for both
 * ("LOA and Case: same name, but…"), not once per source.
 */
export function sayOnce(reasons: string[]): string {
  const groups: { labels: string[]; body: string }[] = [];
  for (const r of reasons) {
    const m = /^(LOA|Invoice|CSR|Case): ([\s\S]*)$/.exec(r);
    const label = m ? m[1]! : '';
    const body = m ? m[2]! : r;
    const same = groups.find((g) => g.body === body);
    if (same) {
      if (label && !same.labels.includes(label)) same.labels.push(label);
      continue;
    }
    groups.push({ labels: label ? [label] : [], body });
  }
  return groups.map((g) => (g.labels.length ? `${g.labels.join(' and ')}: ${g.body}` : g.body)).join(' ');
}

export function evidenceOf(
  vals: (Val<unknown> | null)[],
  show: (v: unknown) => string,
): PredictedRejection['evidence'] {
  const out: PredictedRejection['evidence'] = {};
  for (const v of vals) if (v) out[v.src] = { value: show(v.value), page: v.page, bbox: v.bbox };
  return out;
}

export type CaseData = ReturnType<typeof CompareInput.parse>['caseData'];
