/**
 * The codes of THE rejection table (resources/rejections.json), as a type: a prediction or a lookup
 * by code is checked at compile time. electron/core/compare/rejections.ts refuses to load a table
 * whose codes differ from this list, so the two cannot drift apart.
 */
export const REJECTION_CODES = [
  'ENTITY_NAME_MISMATCH',
  'AUTH_PERSON_MISMATCH',
  'LOCATION_MISMATCH',
  'POSTAL_CODE_MISMATCH',
  'ACCOUNT_NUMBER_MISMATCH',
  'BTN_ATN_MISMATCH',
  'PASSCODE_PIN_INVALID',
  'PHONE_NUMBER_MISMATCH',
  'PHONE_NUMBER_NOT_PORTABLE',
  'MAIN_BTN_PORTING',
  'PORT_TYPE_INCORRECT',
  'PORTING_ORDER_SPLIT_REQUIRED',
  'LSR_PENDING',
  'PHONE_NUMBER_HAS_SPECIAL_FEATURE',
  'FOC_REJECTED',
  'FOC_EXPIRED',
  'OSP_IRRESPONSIVE',
  'SV_CONFLICT',
  'SV_UNKNOWN_FAILURE',
  'RATE_CENTER_NOT_PORTABLE',
  'OTHER',
  'LOA_ILLEGIBLE',
  'UNPAID_BALANCE',
  'INVOICE_TOO_OLD',
  'LOA_TOO_OLD',
  'LOA_UNSIGNED',
  'LOA_NUMBER_NOT_LISTED',
  'LOA_MISSING',
  'INVOICE_MISSING',
] as const;
export type RejectionCode = (typeof REJECTION_CODES)[number];

export function isRejectionCode(code: string): code is RejectionCode {
  return (REJECTION_CODES as readonly string[]).includes(code);
}
