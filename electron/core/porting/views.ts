import type {
  CaseOrdersView,
  FieldErrorView,
  OrderSettings,
  OrderView,
  OutboxItemView,
  PortabilityCheckView,
} from '../../../shared/contract/porting.js';
import type { CaseRecord } from '../../../shared/domain/case.js';
import { COMPARED_FIELD_LABEL } from '../../../shared/domain/comparison.js';
import { NUMBERS_ADDED_BEFORE_FOC_MS, cancelRefusal, orderStatusLabel } from '../../../shared/porting/mapping.js';
import type { ExceptionDetail, PortabilityCheckResult, RequirementDetail } from '../../../shared/porting/telnyx.js';
import { carrierInfo } from '../compare/carriers.js';
import { explainCode } from '../compare/rejections.js';
import type { OrderRow, OutboxPayloads, OutboxRow, PortingStore } from './store.js';

/** Turning porting rows into what the renderer shows. */

/** The rejection table's non-document fields, named as a specialist would. */
const OPERATIONAL_FIELD_LABEL: Record<string, string> = {
  foc_date: 'FOC date',
  order: 'The order',
  carrier: COMPARED_FIELD_LABEL.losing_carrier,
};

function exceptionFieldLabel(field: string | null): string | null {
  if (!field) return null;
  return (
    (COMPARED_FIELD_LABEL as Record<string, string>)[field] ??
    OPERATIONAL_FIELD_LABEL[field] ??
    field.replace(/_/g, ' ')
  );
}

export function exceptionViews(details: ExceptionDetail[]): OrderView['exceptions'] {
  return details.map((d) => {
    const e = explainCode(d.code, d.description ?? undefined);
    return {
      code: d.code,
      description: d.description ?? (e.known ? e.title : null),
      field: e.field,
      fieldLabel: exceptionFieldLabel(e.field),
      meaning: e.known ? e.meaning : null,
      action: e.known ? e.action : null,
    };
  });
}

export function orderView(row: OrderRow, store: PortingStore, apiNow: Date): OrderView {
  const foc = row.foc_actual ?? row.foc_requested;
  const refusal = cancelRefusal(row.status, row.status === 'draft' ? null : foc, apiNow);
  const requirements = (JSON.parse(row.requirements) as RequirementDetail[]).map((r) => ({
    name: r.requirement_type?.name ?? r.field_type ?? 'Requirement',
    type: r.field_type ?? r.requirement_type?.type ?? null,
    status: r.requirement_status ?? null,
    value: r.field_value ?? null,
  }));
  return {
    id: row.id,
    caseId: row.case_id,
    endpoint: row.endpoint,
    status: row.status,
    statusLabel: orderStatusLabel(row.status),
    exceptions: row.status === 'exception' ? exceptionViews(JSON.parse(row.status_details) as ExceptionDetail[]) : [],
    numbers: store.numbersOf(row.id),
    phone_number_type: row.phone_number_type,
    fast_port_eligible: row.fast_port_eligible === null ? null : row.fast_port_eligible === 1,
    old_service_provider: row.old_service_provider,
    support_key: row.support_key,
    requirements,
    requirements_met: row.requirements_met === null ? null : row.requirements_met === 1,
    additional_steps: JSON.parse(row.additional_steps) as string[],
    foc_requested: row.foc_requested,
    foc_actual: row.foc_actual,
    numbers_added_from: row.foc_actual
      ? new Date(Date.parse(row.foc_actual) - NUMBERS_ADDED_BEFORE_FOC_MS).toISOString()
      : null,
    settings: row.settings ? (JSON.parse(row.settings) as OrderSettings) : null,
    fieldErrors: JSON.parse(row.field_errors) as FieldErrorView[],
    cancellable: refusal === null,
    cancelRefusal: refusal,
    created_at: row.created_at,
    updated_at: row.updated_at,
    polled_at: row.polled_at,
  };
}

const KIND_LABEL: Record<string, string> = { loa: 'LOA', invoice: 'invoice', csr: 'CSR', other: 'document' };

export function outboxView(row: OutboxRow): OutboxItemView {
  const p = JSON.parse(row.payload) as Record<string, unknown>;
  const order = row.order_id ? ` ${row.order_id.slice(0, 8)}` : '';
  const summary = (() => {
    switch (row.kind) {
      case 'create':
        return `Create draft order for ${(p as OutboxPayloads['create']).numbers.length} number(s)`;
      case 'upload':
        return `Upload ${KIND_LABEL[(p as OutboxPayloads['upload']).kind] ?? 'document'} (${(p as OutboxPayloads['upload']).fileName})`;
      case 'update':
        return `Update order${order} from the case`;
      case 'link':
        return `Attach ${(p as OutboxPayloads['link']).uploads.map((u) => KIND_LABEL[u.type]).join(', ')} to order${order}`;
      case 'confirm':
        return `Submit order${order}`;
      case 'comment':
        return `Comment on order${order}: “${String((p as OutboxPayloads['comment']).body).slice(0, 60)}”`;
      case 'cancel':
        return `Cancel order${order}`;
      case 'csr':
        return `Request the CSR of ${(p as OutboxPayloads['csr']).phoneNumber}`;
      default:
        return row.kind;
    }
  })();
  return {
    id: row.id,
    caseId: row.case_id,
    orderId: row.order_id,
    kind: row.kind,
    summary,
    state: row.state,
    attempts: row.attempts,
    notBefore: row.not_before,
    lastError: row.last_error,
    fieldErrors: JSON.parse(row.field_errors) as FieldErrorView[],
    created_at: row.created_at,
    updated_at: row.updated_at,
  };
}

export function caseOrdersView(
  caseId: number,
  mode: CaseOrdersView['mode'],
  store: PortingStore,
  apiNow: Date,
): CaseOrdersView {
  return {
    caseId,
    mode,
    orders: store.ordersOfCase(caseId).map((r) => orderView(r, store, apiNow)),
    check: store.check(caseId),
    outbox: store.listOutbox(caseId, false).map(outboxView),
  };
}

/** The carrier the portability check found, against the case's losing (and underlying) carrier. */
export function carrierVerdict(results: PortabilityCheckResult[], c: CaseRecord): PortabilityCheckView['carrier'] {
  const names = [...new Set(results.map((r) => (r.carrier_name ?? '').trim()).filter(Boolean))];
  const base = { names, losing: c.losing_carrier, underlying: c.underlying_carrier };
  if (names.length === 0) {
    return { ...base, verdict: 'unknown', message: 'The check did not name the carrier of record.' };
  }
  const same = (a: string, b: string) => {
    if (!a.trim() || !b.trim()) return false;
    const ia = carrierInfo(a);
    const ib = carrierInfo(b);
    if (ia && ib) return ia.id === ib.id;
    const key = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');
    return key(a).startsWith(key(b)) || key(b).startsWith(key(a));
  };
  const list = names.join(', ');
  if (names.every((n) => same(n, c.losing_carrier))) {
    return { ...base, verdict: 'match', message: `The numbers are with ${list}, the losing carrier on the case.` };
  }
  if (c.underlying_carrier && names.every((n) => same(n, c.underlying_carrier))) {
    return {
      ...base,
      verdict: 'underlying',
      message: `The numbers are with ${list}, the underlying carrier of ${c.losing_carrier || 'the reseller'}: the account number and PIN must be the ones ${list} holds.`,
    };
  }
  const losing = carrierInfo(c.losing_carrier);
  const reseller = losing?.reseller ?? false;
  const known = losing && names.some((n) => losing.underlying_carriers.some((u) => same(n, u)));
  const split = names.length > 1 ? ' The numbers sit with more than one carrier: expect separate orders.' : '';
  if (reseller || known) {
    return {
      ...base,
      verdict: 'different',
      message: `The numbers are with ${list}, not ${c.losing_carrier}: ${c.losing_carrier} resells ${list}. Record ${list} as the underlying carrier and use the account number and PIN that ${list} holds.${split}`,
    };
  }
  return {
    ...base,
    verdict: 'different',
    message: `The numbers are with ${list}, not ${c.losing_carrier || 'the losing carrier on the case'}. If ${c.losing_carrier || 'it'} is a reseller, ${list} is its underlying carrier: get the account number and PIN from there; otherwise correct the losing carrier.${split}`,
  };
}
