import type { ExtractedFields } from '../../../../shared/domain/document.js';
import { compareCase, explainCode } from '../../compare/index.js';
import { carrierRules, type CsrOnFile, type Finding, type Reviewer } from './reviewer.js';

/**
 * The simulated carrier reviews with PortDesk's own rules (compareCase), played against its CSR on
 * file, so a rejection the review predicted is the one the demo receives. On top of the review's
 * blockers it is strict the way carriers are: a name that differs only in form ("Inc" / "Inc.",
 * a warning in the review) is rejected too. What only the carrier can judge (the PIN value, full vs
 * partial as declared, the new BTN, features) comes from carrierRules.
 */

/** Decided by carrierRules from the order's own declarations instead. */
const CARRIER_DECIDES = new Set(['PASSCODE_PIN_INVALID', 'PORT_TYPE_INCORRECT', 'MAIN_BTN_PORTING']);
const STRICT_NAMES = new Set(['ENTITY_NAME_MISMATCH', 'AUTH_PERSON_MISMATCH']);

const fv = <T>(value: T) => ({ value, confidence: 1, page: null, bbox: null });

function csrFields(csr: CsrOnFile): ExtractedFields {
  const f: ExtractedFields = {};
  if (csr.account_name) f.account_name = fv(csr.account_name);
  if (csr.account_number) f.account_number = fv(csr.account_number);
  if (csr.btn) f.btn = fv(csr.btn);
  if (csr.pin) f.pin = fv(csr.pin);
  if (csr.authorized_persons?.length === 1) f.authorized_person = fv(csr.authorized_persons[0]!);
  if (csr.phone_numbers.length) f.phone_numbers = fv(csr.phone_numbers);
  if (csr.carrier_name) f.carrier_name = fv(csr.carrier_name);
  if (csr.service_address.street_line) f.service_address = fv({ zip4: '', ...csr.service_address });
  return f;
}

/** The review names what it checks "Case"; to the carrier's desk the same values are the order's. */
function asCarrierWords(reason: string): string {
  return reason.replace(/\bCase\b/g, 'Order');
}

export const compareReviewer: Reviewer = (order, csr, at) => {
  if (!csr) return [];
  const a = order.admin;
  const l = order.location;
  const result = compareCase({
    csr: csrFields(csr),
    caseData: {
      entity_name: a.entity_name ?? '', authorized_person: a.auth_person_name ?? '', btn: a.billing_phone_number ?? '',
      account_number: a.account_number ?? '', pin_set: !!a.pin_passcode,
      service_street: l.street_address ?? '', service_unit: l.extended_address ?? '', service_city: l.locality ?? '',
      service_state: l.administrative_area ?? '', service_zip: l.postal_code ?? '', numbers: order.phone_numbers,
    },
    numbersToPort: order.phone_numbers,
    asOf: at.toISOString().slice(0, 10),
  });
  const findings: Finding[] = [...result.predicted_rejections, ...result.risks.filter((r) => STRICT_NAMES.has(r.code))]
    .filter((r) => !CARRIER_DECIDES.has(r.code) && explainCode(r.code).source === 'telnyx')
    .map((r) => ({ code: r.code, comment: asCarrierWords(r.reason) }));
  // Several authorised contacts: the review compares against one name; the carrier accepts any of them.
  const named = (csr.authorized_persons ?? []).length > 1 && (csr.authorized_persons ?? []).some((p) => p.trim().toUpperCase() === (a.auth_person_name ?? '').trim().toUpperCase());
  const kept = named ? findings.filter((f) => f.code !== 'AUTH_PERSON_MISMATCH') : findings;
  const seen = new Set<string>();
  return [...kept, ...carrierRules(order, csr)].filter((f) => !seen.has(f.code) && seen.add(f.code));
};
