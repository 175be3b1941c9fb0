import type { ApplyProposal, CaseReview } from '../../../shared/contract/review.js';
import {
  COMPARED_FIELDS,
  documentFieldOf,
  type ComparedField,
  type CompareSource,
  type FieldComparison,
  type PredictedRejection,
  type Verdict,
} from '../../../shared/domain/comparison.js';
import type { FieldName } from '../../../shared/domain/document.js';
import { reviewedRejection } from '../../../shared/domain/fields.js';
import { formatNational } from '../../../shared/domain/phone.js';

export const SOURCES = ['loa', 'invoice', 'csr', 'case'] as const;
export const SOURCE_LABEL: Record<CompareSource, string> = { loa: 'LOA', invoice: 'Invoice', csr: 'CSR', case: 'Case' };

export type ChipKind = Verdict;
export interface Chip {
  kind: ChipKind;
  label: string;
  title?: string;
}

/** One line of the review table. */
export interface ReviewRow {
  key: string;
  field: ComparedField;
  label: string;
  /** 1 for the address parts and the numbers under their field */
  level: 0 | 1;
  values: Partial<Record<CompareSource, string>>;
  chip: Chip;
  reason?: string;
  /** the carrier's exact string, when the field is only equivalent */
  proposed?: string;
  rejections: PredictedRejection[];
  /** "Use CSR value" (or invoice), when the document's value differs from the case */
  proposal?: ApplyProposal;
  evidence: FieldComparison['evidence'];
  /** the document field whose box is highlighted on the page */
  docField: FieldName;
  /** cells worth pointing at: the sources that disagree with the reference */
  flagged: CompareSource[];
}

const VERDICT_LABEL: Record<Verdict, string> = {
  match: 'Match',
  equivalent: 'Equivalent',
  mismatch: 'Mismatch',
  too_old: 'Too old',
  missing: 'Missing',
  check: 'Check',
  info: 'Info',
  not_checked: 'Not checked',
};

/** More numbers than this are folded under the field row until asked for. */
export const NUMBER_ROWS_SHOWN = 12;

function chipOf(f: FieldComparison): Chip {
  if (f.verdict === 'missing' && f.missing_on?.length) {
    return { kind: 'missing', label: `Missing on ${f.missing_on.map((s) => SOURCE_LABEL[s]).join(', ')}` };
  }
  if (f.verdict === 'equivalent' && f.proposed) {
    return {
      kind: 'equivalent',
      label: 'Equivalent',
      title: `Same meaning, different form. Carriers compare letter for letter: use "${f.proposed}".`,
    };
  }
  return { kind: f.verdict, label: VERDICT_LABEL[f.verdict] };
}

function carrierChip(p: PredictedRejection): Chip {
  return {
    kind: 'mismatch',
    label: 'Rejected',
    title: `The carrier returned ${p.code} on ${p.received_on}: change it before sending the order again.`,
  };
}

/** A phone number as a person reads it; anything that is not E.164 stays as written. */
export function showNumber(n: string): string {
  return /^\+1\d{10}$/.test(n) ? formatNational(n) : n;
}

function mapValues(
  v: Partial<Record<CompareSource, string>>,
  fn: (s: string) => string,
): Partial<Record<CompareSource, string>> {
  return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, fn(x)]));
}

function phoneValues(f: FieldComparison): Partial<Record<CompareSource, string>> {
  const out: Partial<Record<CompareSource, string>> = {};
  for (const s of SOURCES) {
    const list = f.normalized[s];
    if (list === undefined) continue;
    const n = list ? list.split(', ').filter(Boolean).length : 0;
    out[s] = `${n} number${n === 1 ? '' : 's'}`;
  }
  return out;
}

function numberRows(review: CaseReview, f: FieldComparison, showAll: boolean): { rows: ReviewRow[]; hidden: number } {
  const r = review.numbers;
  const listed = (s: CompareSource) => new Set((f.normalized[s] ?? '').split(', ').filter(Boolean));
  const on = { loa: listed('loa'), invoice: listed('invoice'), csr: listed('csr'), case: listed('case') };
  const accountSource: CompareSource = f.reference === 'invoice' ? 'invoice' : 'csr';
  const all = [...r.to_port, ...r.staying.filter((n) => !r.to_port.includes(n))];
  const shown = showAll ? all : all.slice(0, NUMBER_ROWS_SHOWN);
  const rows = shown.map((n): ReviewRow => {
    const values: Partial<Record<CompareSource, string>> = {};
    for (const s of SOURCES) {
      if (f.normalized[s] === undefined) continue;
      values[s] = on[s].has(n) ? (s === 'case' ? 'on the order' : 'listed') : '—';
    }
    if (r.staying_marked_keep.includes(n)) values.loa = 'marked keep';
    let chip: Chip;
    const flagged: CompareSource[] = [];
    if (r.not_on_account.includes(n)) {
      chip = {
        kind: 'mismatch',
        label: 'Not on account',
        title: `Not on the ${SOURCE_LABEL[accountSource]}: the carrier would reject it (${reviewedRejection('phone_numbers')}).`,
      };
      flagged.push(accountSource);
    } else if (r.not_on_loa.includes(n)) {
      chip = {
        kind: 'mismatch',
        label: 'Not on LOA',
        title: 'On the order but not on the signed LOA (or marked not to port).',
      };
      flagged.push('loa');
    } else if (r.staying.includes(n)) {
      const btn = n === review.fields.btn?.normalized.csr || n === review.fields.btn?.normalized.invoice;
      chip = r.staying_marked_keep.includes(n)
        ? {
            kind: 'info',
            label: 'Stays (keep)',
            title: 'Partial port: this number stays with the losing carrier; the LOA says keep it.',
          }
        : {
            kind: 'equivalent',
            label: 'Stays: decide',
            title: `Partial port: this number is on the account but not ported. Decide keep or disconnect${btn ? '; it is the BTN' : ''}.`,
          };
    } else if (
      r.btn_ported_in_partial &&
      (n === review.fields.btn?.normalized.csr || n === review.fields.btn?.normalized.invoice)
    ) {
      chip = {
        kind: 'mismatch',
        label: 'BTN ported',
        title:
          "The account's BTN is ported while other numbers stay: the remaining numbers need a new BTN (MAIN_BTN_PORTING).",
      };
    } else if (r.on_account === null) {
      chip = { kind: 'not_checked', label: 'Not checked', title: "No CSR or invoice lists the account's numbers." };
    } else {
      chip = { kind: 'match', label: `On ${SOURCE_LABEL[accountSource]}` };
    }
    return {
      key: `number:${n}`,
      field: 'phone_numbers',
      label: showNumber(n),
      level: 1,
      values,
      chip,
      rejections: [],
      evidence: f.evidence,
      docField: 'phone_numbers',
      flagged,
      ...(chip.title ? { reason: chip.title } : {}),
    };
  });
  return { rows, hidden: all.length - shown.length };
}

/** The rows of the review table, in order: fields, the address by parts, the numbers one by one. */
export function buildRows(
  review: CaseReview,
  opts: { showAllNumbers: boolean },
): { rows: ReviewRow[]; hiddenNumbers: number } {
  const rows: ReviewRow[] = [];
  let hiddenNumbers = 0;
  const findings = [...review.predicted_rejections, ...review.risks];
  for (const field of COMPARED_FIELDS) {
    const f = review.fields[field];
    if (!f) continue;
    // the proposal from the carrier's records: the CSR, else the invoice (never the LOA, which is what we check)
    const proposal =
      review.apply.find((a) => a.field === field && a.source === 'csr') ??
      review.apply.find((a) => a.field === field && a.source === 'invoice');
    const flagged = new Set<CompareSource>(f.missing_on ?? []);
    for (const p of f.parts ?? []) if (p.verdict === 'mismatch' || p.verdict === 'missing') flagged.add(p.source);
    if (!f.parts?.length && f.reference && (f.verdict === 'mismatch' || f.verdict === 'equivalent')) {
      // names, BTN, account number: the checked sources whose value is not the carrier's own
      for (const s of ['loa', 'case'] as const)
        if (f.values[s] !== undefined && f.values[s] !== f.values[f.reference]) flagged.add(s);
    }
    const rejections = findings.filter((x) => x.field === field);
    // the carrier's own answer outranks what the documents say: a field it rejected reads so
    const returned = rejections.find((x) => x.received_on);
    if (returned && f.values.case !== undefined) flagged.add('case');
    rows.push({
      key: field,
      field,
      label: f.label,
      level: 0,
      values: field === 'phone_numbers' ? phoneValues(f) : field === 'btn' ? mapValues(f.values, showNumber) : f.values,
      chip: returned ? carrierChip(returned) : chipOf(f),
      reason: f.reason,
      ...(f.verdict === 'equivalent' && f.proposed ? { proposed: f.proposed } : {}),
      rejections,
      ...(proposal ? { proposal } : {}),
      evidence: f.evidence,
      docField: documentFieldOf(field),
      flagged: [...flagged],
    });
    if (field === 'service_address') {
      for (const p of review.address_parts) {
        const partFlags = (f.parts ?? [])
          .filter((x) => x.part === p.part && (x.verdict === 'mismatch' || x.verdict === 'missing'))
          .map((x) => x.source);
        rows.push({
          key: `service_address:${p.part}`,
          field,
          label: p.label,
          level: 1,
          values: p.values,
          chip: { kind: p.verdict, label: VERDICT_LABEL[p.verdict] },
          ...(p.reason ? { reason: p.reason } : {}),
          rejections: [],
          ...(proposal ? { proposal } : {}),
          evidence: f.evidence,
          docField: 'service_address',
          flagged: partFlags,
        });
      }
    }
    if (field === 'phone_numbers') {
      const n = numberRows(review, f, opts.showAllNumbers);
      rows.push(...n.rows);
      hiddenNumbers = n.hidden;
    }
  }
  return { rows, hiddenNumbers };
}

/** The document to show first for a row: where it goes wrong, else the carrier's record. */
export function defaultEvidenceSource(row: ReviewRow, available: CompareSource[]): CompareSource | null {
  for (const s of row.flagged) if (available.includes(s)) return s;
  for (const s of ['csr', 'invoice', 'loa'] as const) if (available.includes(s)) return s;
  return null;
}
