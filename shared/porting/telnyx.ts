import { z } from 'zod';

/**
 * The Telnyx Porting V2 wire format, as far as PortDesk sends or reads it. The contract is the
 * OpenAPI subset in electron/core/porting/spec/; these schemas are what the client parses and what
 * the simulator validates incoming bodies with. Response schemas are lenient on purpose: the API
 * grows enum values (statuses, exception codes) and PortDesk must show unknown ones, not crash.
 */

const str = z.string();
const optStr = z.string().nullish();

// ---------------------------------------------------------------------------------------------
// Requests

const E164 = z.string().regex(/^\+[1-9]\d{6,14}$/, 'must be a +E.164 phone number');

export const PortabilityCheckBody = z.object({ phone_numbers: z.array(E164).min(1).max(1000) });
export type PortabilityCheckBody = z.infer<typeof PortabilityCheckBody>;

export const CreatePortingOrderBody = z.object({
  phone_numbers: z.array(E164).min(1).max(1000),
  customer_reference: z.string().max(200).nullish(),
  customer_group_reference: z.string().max(200).optional(),
});
export type CreatePortingOrderBody = z.infer<typeof CreatePortingOrderBody>;

export const PORTING_ORDER_TYPES = ['full', 'partial'] as const;
export const REMAINING_NUMBERS_ACTIONS = ['keep', 'disconnect'] as const;

export const EndUserAdmin = z.object({
  entity_name: optStr,
  auth_person_name: optStr,
  billing_phone_number: optStr,
  account_number: optStr,
  pin_passcode: optStr,
  tax_identifier: optStr,
  business_identifier: optStr,
});
export const EndUserLocation = z.object({
  street_address: optStr,
  extended_address: optStr,
  locality: optStr,
  administrative_area: optStr,
  postal_code: optStr,
  country_code: optStr,
});
export const OrderMisc = z.object({
  type: z.enum(PORTING_ORDER_TYPES).optional(),
  remaining_numbers_action: z.enum(REMAINING_NUMBERS_ACTIONS).nullish(),
  new_billing_phone_number: optStr,
});
export type OrderMisc = z.infer<typeof OrderMisc>;
export const PhoneNumberConfiguration = z.object({
  connection_id: optStr,
  messaging_profile_id: optStr,
  emergency_address_id: optStr,
  billing_group_id: optStr,
  tags: z.array(z.string().max(100)).max(50).optional(),
});
export type PhoneNumberConfiguration = z.infer<typeof PhoneNumberConfiguration>;
export const OrderDocuments = z.object({ loa: z.guid().nullish(), invoice: z.guid().nullish() });

export const UpdatePortingOrderBody = z.object({
  end_user: z.object({ admin: EndUserAdmin.optional(), location: EndUserLocation.optional() }).optional(),
  misc: OrderMisc.nullish(),
  activation_settings: z.object({ foc_datetime_requested: z.iso.datetime({ offset: true }).optional() }).optional(),
  phone_number_configuration: PhoneNumberConfiguration.optional(),
  documents: OrderDocuments.optional(),
  messaging: z.object({ enable_messaging: z.boolean().optional() }).optional(),
  customer_reference: z.string().max(200).optional(),
  customer_group_reference: z.string().max(200).optional(),
  webhook_url: z.url().optional(),
  user_feedback: z.object({ user_comment: optStr, user_rating: z.number().int().nullish() }).optional(),
});
export type UpdatePortingOrderBody = z.infer<typeof UpdatePortingOrderBody>;

export const ADDITIONAL_DOCUMENT_TYPES = ['loa', 'invoice', 'csr', 'other'] as const;
export const CreateAdditionalDocumentsBody = z.object({
  additional_documents: z
    .array(z.object({ document_id: z.guid(), document_type: z.enum(ADDITIONAL_DOCUMENT_TYPES) }))
    .min(1)
    .max(100),
});
export type CreateAdditionalDocumentsBody = z.infer<typeof CreateAdditionalDocumentsBody>;

export const CreateCommentBody = z.object({ body: z.string().min(1).max(5000) });

// ---------------------------------------------------------------------------------------------
// Responses

export const PortabilityCheckResult = z.object({
  phone_number: str,
  portable: z.boolean(),
  fast_portable: z.boolean().nullish(),
  not_portable_reason: optStr,
  // Not in the OpenAPI subset but returned by the API (quick start): the losing carrier of record
  // and the number type. Optional so the subset's own responses parse too.
  carrier_name: optStr,
  phone_number_type: optStr,
  messaging_capable: z.boolean().nullish(),
});
export type PortabilityCheckResult = z.infer<typeof PortabilityCheckResult>;

export const ExceptionDetail = z.object({ code: str, description: optStr });
export type ExceptionDetail = z.infer<typeof ExceptionDetail>;

/** Known order statuses, in lifecycle order; the API may add more (e.g. activation-in-progress). */
export const ORDER_STATUSES = [
  'draft',
  'in-process',
  'submitted',
  'exception',
  'foc-date-confirmed',
  'ported',
  'cancel-pending',
  'cancelled',
] as const;
export type OrderStatusValue = (typeof ORDER_STATUSES)[number];

export const PortingPhoneNumber = z.object({
  phone_number: str,
  phone_number_type: optStr,
  portability_status: optStr,
  activation_status: optStr,
  porting_order_status: optStr,
  requirements_status: optStr,
  support_key: optStr,
});

export const OrderRequirement = z.object({
  field_type: optStr,
  field_value: optStr,
  requirement_type_id: optStr,
  record_type: optStr,
});

export const PortingOrder = z.object({
  id: str,
  customer_reference: optStr,
  customer_group_reference: optStr,
  status: z.object({ value: str, details: z.array(ExceptionDetail).nullish() }),
  phone_number_type: optStr,
  phone_numbers: z.array(PortingPhoneNumber).nullish(),
  porting_phone_numbers_count: z.number().int().nullish(),
  old_service_provider_ocn: optStr,
  support_key: optStr,
  parent_support_key: optStr,
  requirements: z.array(OrderRequirement).nullish(),
  requirements_met: z.boolean().nullish(),
  additional_steps: z.array(str).nullish(),
  activation_settings: z
    .object({
      foc_datetime_requested: optStr,
      foc_datetime_actual: optStr,
      fast_port_eligible: z.boolean().nullish(),
      activation_status: optStr,
    })
    .nullish(),
  end_user: z.object({ admin: EndUserAdmin.nullish(), location: EndUserLocation.nullish() }).nullish(),
  misc: z.object({ type: optStr, remaining_numbers_action: optStr, new_billing_phone_number: optStr }).nullish(),
  documents: z.object({ loa: optStr, invoice: optStr }).nullish(),
  phone_number_configuration: z
    .object({
      connection_id: optStr,
      messaging_profile_id: optStr,
      emergency_address_id: optStr,
      billing_group_id: optStr,
      tags: z.array(str).nullish(),
    })
    .nullish(),
  created_at: optStr,
  updated_at: optStr,
});
export type PortingOrder = z.infer<typeof PortingOrder>;

export const FocWindow = z.object({ started_at: str, ended_at: str, record_type: optStr });
export type FocWindow = z.infer<typeof FocWindow>;

export const RequirementDetail = z.object({
  field_type: optStr,
  field_value: optStr,
  requirement_status: optStr,
  record_type: optStr,
  requirement_type: z.object({ id: optStr, name: optStr, type: optStr, description: optStr }).nullish(),
});
export type RequirementDetail = z.infer<typeof RequirementDetail>;

export const OrderComment = z.object({
  id: str,
  body: str,
  porting_order_id: optStr,
  user_type: optStr,
  created_at: optStr,
});
export type OrderComment = z.infer<typeof OrderComment>;

export const DocServiceDocument = z.object({
  id: str,
  filename: optStr,
  customer_reference: optStr,
  status: optStr,
  created_at: optStr,
});
export type DocServiceDocument = z.infer<typeof DocServiceDocument>;

export const AdditionalDocument = z.object({
  id: optStr,
  document_id: str,
  document_type: optStr,
  porting_order_id: optStr,
});

/** One entry of GET /porting/events; the payload shape depends on event_type and is read loosely. */
export const PortingEvent = z.object({
  id: str,
  event_type: str,
  porting_order_id: optStr,
  created_at: optStr,
  payload: z.record(z.string(), z.unknown()).nullish(),
});
export type PortingEvent = z.infer<typeof PortingEvent>;

export const PaginationMeta = z.object({
  page_number: z.number().int().nullish(),
  page_size: z.number().int().nullish(),
  total_pages: z.number().int().nullish(),
  total_results: z.number().int().nullish(),
});

/** The platform-wide error envelope (numbers_Errors / documents_Errors). */
export const ApiErrorItem = z.object({
  code: z.union([str, z.number()]).nullish(),
  title: optStr,
  detail: optStr,
  source: z.object({ pointer: optStr, parameter: optStr }).nullish(),
});
export type ApiErrorItem = z.infer<typeof ApiErrorItem>;
export const ApiErrors = z.object({ errors: z.array(ApiErrorItem) });

export const dataOf = <T extends z.ZodType>(item: T) => z.object({ data: item });
export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({ data: z.array(item), meta: PaginationMeta.nullish() });
