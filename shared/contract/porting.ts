import { z } from 'zod';
import { method } from './rpc.js';
import { PORTING_ORDER_TYPES, REMAINING_NUMBERS_ACTIONS } from '../porting/telnyx.js';

/**
 * Submitting a ready case to the gaining carrier (Telnyx Porting V2, or the built-in simulator)
 * and following its orders to "ported". The API key never appears here: only whether one is set.
 */

const caseId = z.number().int().positive();
const orderId = z.string().min(1).max(100);
const isoUtc = z.iso.datetime();

export const PortingMode = z.enum(['simulator', 'telnyx']);
export type PortingMode = z.infer<typeof PortingMode>;

export const PortingStatus = z.object({
  /** simulator = the built-in local simulator (no key); telnyx = the real API with the user's key */
  mode: PortingMode,
  baseUrl: z.string(),
  keySet: z.boolean(),
  /** where the key lives: OS keychain (Electron safeStorage), environment, or memory only */
  keyStore: z.enum(['os-keychain', 'environment', 'memory']),
  /** null until the first call */
  reachable: z.boolean().nullable(),
  lastError: z.string().nullable(),
  lastSyncAt: z.string().nullable(),
  outbox: z.object({ pending: z.number().int(), failed: z.number().int(), uncertain: z.number().int() }),
  simulator: z.object({ now: z.string(), speed: z.number() }).nullable(),
});
export type PortingStatus = z.infer<typeof PortingStatus>;

export const CheckedNumber = z.object({
  phone_number: z.string(),
  portable: z.boolean(),
  fast_portable: z.boolean(),
  reason: z.string().nullable(),
  carrier_name: z.string().nullable(),
  phone_number_type: z.string().nullable(),
});
export const PortabilityCheckView = z.object({
  caseId,
  checkedAt: z.string(),
  numbers: z.array(CheckedNumber),
  notPortable: z.array(CheckedNumber),
  /** numbers of the case that could not be checked because they are not valid numbers */
  invalid: z.array(z.object({ raw: z.string(), error: z.string() })),
  carrier: z.object({
    /** distinct carrier names the check returned */
    names: z.array(z.string()),
    losing: z.string(),
    underlying: z.string(),
    verdict: z.enum(['match', 'underlying', 'different', 'unknown']),
    message: z.string(),
  }),
});
export type PortabilityCheckView = z.infer<typeof PortabilityCheckView>;

export const FieldErrorView = z.object({
  field: z.string().nullable(),
  label: z.string(),
  pointer: z.string().nullable(),
  message: z.string(),
  /** the PortDesk case whose order already holds the number: sending again is refused the same way */
  holderCaseId: z.number().int().nullable().optional(),
});
export type FieldErrorView = z.infer<typeof FieldErrorView>;

export const ExceptionView = z.object({
  code: z.string(),
  description: z.string().nullable(),
  /** from the shared rejection table when it knows the code */
  field: z.string().nullable(),
  /** the field as the specialist knows it ("Entity name") */
  fieldLabel: z.string().nullable(),
  /** what the code means, in words */
  meaning: z.string().nullable(),
  action: z.string().nullable(),
});

export const OrderSettings = z.object({
  foc_datetime_requested: isoUtc.nullable(),
  misc: z.object({
    type: z.enum(PORTING_ORDER_TYPES),
    remaining_numbers_action: z.enum(REMAINING_NUMBERS_ACTIONS).nullable(),
    new_billing_phone_number: z.string().max(40).nullable(),
  }),
  configuration: z.object({
    connection_id: z.string().max(100).optional(),
    messaging_profile_id: z.string().max(100).optional(),
    emergency_address_id: z.string().max(100).optional(),
    billing_group_id: z.string().max(100).optional(),
    tags: z.array(z.string().max(100)).max(50).optional(),
  }),
});
export type OrderSettings = z.infer<typeof OrderSettings>;

export const OrderView = z.object({
  id: z.string(),
  caseId,
  endpoint: z.string(),
  status: z.string(),
  statusLabel: z.string(),
  exceptions: z.array(ExceptionView),
  numbers: z.array(z.string()),
  phone_number_type: z.string().nullable(),
  fast_port_eligible: z.boolean().nullable(),
  old_service_provider: z.string().nullable(),
  support_key: z.string().nullable(),
  requirements: z.array(
    z.object({
      name: z.string(),
      type: z.string().nullable(),
      status: z.string().nullable(),
      value: z.string().nullable(),
    }),
  ),
  requirements_met: z.boolean().nullable(),
  additional_steps: z.array(z.string()),
  foc_requested: z.string().nullable(),
  foc_actual: z.string().nullable(),
  /** when Telnyx adds the numbers to the account (two days before the FOC): set the application up by then */
  numbers_added_from: z.string().nullable(),
  settings: OrderSettings.nullable(),
  /** the last 422, mapped to fields */
  fieldErrors: z.array(FieldErrorView),
  cancellable: z.boolean(),
  cancelRefusal: z.string().nullable(),
  created_at: z.string(),
  updated_at: z.string(),
  polled_at: z.string().nullable(),
});
export type OrderView = z.infer<typeof OrderView>;

export const OUTBOX_STATES = ['pending', 'sending', 'uncertain', 'done', 'failed', 'discarded'] as const;
/** What an outbox item does at the API. */
export const OUTBOX_KINDS = ['create', 'upload', 'update', 'link', 'confirm', 'comment', 'cancel', 'csr'] as const;
export type OutboxKind = (typeof OUTBOX_KINDS)[number];
export const OutboxItemView = z.object({
  id: z.number().int(),
  caseId,
  orderId: z.string().nullable(),
  kind: z.string(),
  summary: z.string(),
  state: z.enum(OUTBOX_STATES),
  attempts: z.number().int(),
  notBefore: z.string().nullable(),
  lastError: z.string().nullable(),
  fieldErrors: z.array(FieldErrorView),
  created_at: z.string(),
  updated_at: z.string(),
});
export type OutboxItemView = z.infer<typeof OutboxItemView>;

export const CommentView = z.object({
  id: z.string(),
  orderId: z.string(),
  body: z.string(),
  user_type: z.string().nullable(),
  created_at: z.string().nullable(),
  /** true while it waits in the outbox */
  pending: z.boolean(),
});
export type CommentView = z.infer<typeof CommentView>;

export const CaseOrdersView = z.object({
  caseId,
  mode: PortingMode,
  orders: z.array(OrderView),
  check: PortabilityCheckView.nullable(),
  outbox: z.array(OutboxItemView),
});
export type CaseOrdersView = z.infer<typeof CaseOrdersView>;

/** An action that went through the outbox: done now, or waiting (offline, rate limited, failed). */
export const Sent = z.object({
  state: z.enum(['done', 'queued', 'failed']),
  message: z.string(),
  view: CaseOrdersView,
});
export type Sent = z.infer<typeof Sent>;

export const portingContract = {
  'porting.status': method(
    z.object({}),
    PortingStatus,
    'Simulator or real Telnyx API, whether a key is set, reachability and the outbox backlog.',
  ),
  'porting.setApiKey': method(
    z.object({
      /** null removes the key and returns to the simulator */
      apiKey: z.string().trim().min(10).max(500).nullable(),
      baseUrl: z.url().max(300).optional(),
    }),
    PortingStatus,
    'Store (after checking it with Telnyx) or remove the Telnyx API key.',
  ),
  'porting.check': method(
    z.object({ caseId }),
    PortabilityCheckView,
    'Portability check of the case numbers; compares the carrier of record with the losing carrier.',
  ),
  'porting.createDraft': method(
    z.object({
      caseId,
      /** non-portable numbers the user chose to remove from the case before creating the order */
      removeNumbers: z.array(z.string().max(40)).max(1000).default([]),
    }),
    Sent,
    'Create the draft order(s) for a ready case; the API may split them.',
  ),
  'porting.orders': method(z.object({ caseId }), CaseOrdersView, 'The orders, last check and outbox items of a case.'),
  'porting.focWindows': method(
    z.object({ orderId }),
    z.object({ orderId: z.string(), windows: z.array(z.object({ started_at: z.string(), ended_at: z.string() })) }),
    'FOC windows the order allows (UTC); the requested FOC must fall inside one.',
  ),
  'porting.submit': method(
    z.object({
      caseId,
      orders: z
        .array(z.object({ orderId, foc_datetime_requested: isoUtc }))
        .min(1)
        .max(50),
      settings: OrderSettings.omit({ foc_datetime_requested: true }),
    }),
    Sent,
    'Upload LOA/invoice/CSR, update each order from the case, and confirm it (via the outbox). Also resubmits after an exception.',
  ),
  'porting.comments': method(
    z.object({ orderId, refresh: z.boolean().default(true) }),
    z.array(CommentView),
    'The order comments (carrier and Telnyx notes, and ours).',
  ),
  'porting.addComment': method(
    z.object({ orderId, body: z.string().trim().min(1).max(5000) }),
    Sent,
    'Reply on an order (via the outbox).',
  ),
  'porting.refresh': method(
    z.object({ caseId: caseId.optional() }),
    z.object({ changedCaseIds: z.array(z.number().int()), status: PortingStatus }),
    'Poll open orders and porting events now.',
  ),
  'porting.cancel': method(z.object({ orderId }), Sent, 'Cancel an order (refused within 48 h of the FOC).'),
  'porting.outbox': method(
    z.object({ caseId: caseId.optional(), includeDone: z.boolean().default(false) }),
    z.array(OutboxItemView),
    'Queued, failed and (optionally) sent actions.',
  ),
  'porting.outboxRetry': method(
    z.object({ id: z.number().int().positive() }),
    z.array(OutboxItemView),
    'Send a failed action again (after fixing the data it needed).',
  ),
  'porting.outboxDiscard': method(
    z.object({ id: z.number().int().positive() }),
    z.array(OutboxItemView),
    'Drop a failed or waiting action, and those of the same case queued after it.',
  ),
} as const;
