/**
 * The carrier table's line-type rules applied to a case's numbers: wireless numbers need the
 * carrier's transfer PIN, obtained recently enough; toll-free numbers are RespOrg ports on an order
 * of their own. Pure: the case, its line types and the day decide.
 */
import type { LineFinding, NumberLineType } from '../../../shared/contract/channel.js';
import { rejectionOf } from '../../../shared/domain/fields.js';
import { wirelessPinRule } from '../compare/carriers.js';

/** What a carrier answers a missing or stale transfer PIN with (the field registry's code for the PIN). */
const PIN_REJECTION = rejectionOf('pin');

export interface LineRuleInput {
  losing_carrier: string;
  underlying_carrier: string;
  pin_set: boolean;
  /** when the PIN was entered on the case (ISO), standing for when it was obtained */
  pin_set_at: string | null;
  lines: readonly NumberLineType[];
  now: Date;
}

const DAY_MS = 86_400_000;
const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;

export function lineFindings(input: LineRuleInput): LineFinding[] {
  const of = (t: NumberLineType['line_type']) => input.lines.filter((l) => l.line_type === t).map((l) => l.number);
  return [
    ...wirelessFindings(input, of('wireless')),
    ...tollFreeFindings(of('toll-free'), input.lines.length),
    ...unknownFindings(of(null)),
  ];
}

function wirelessFindings(input: LineRuleInput, wireless: string[]): LineFinding[] {
  if (wireless.length === 0) return [];
  // the records that authorise the port are the underlying carrier's when a reseller sits in front
  const holder = input.underlying_carrier.trim() || input.losing_carrier.trim();
  const rule = wirelessPinRule(holder);
  const carrier = rule.carrier ?? (holder || 'the losing carrier');
  const ask =
    rule.source ?? 'Ask the customer for the Number Transfer PIN the wireless carrier issues for porting out.';
  const numbers = plural(wireless.length, 'wireless number');
  if (!input.pin_set) {
    if (!rule.pinRequired) return [];
    return [
      {
        level: 'blocker',
        code: PIN_REJECTION,
        numbers: wireless,
        message: `${numbers}: ${carrier} requires a transfer PIN for wireless numbers, and the case has none.`,
        action: `${ask} Enter it on the case (PIN field) once the customer has it.`,
      },
    ];
  }
  if (rule.maxAgeDays === null || !input.pin_set_at) return [];
  const age = Math.floor((input.now.getTime() - Date.parse(input.pin_set_at)) / DAY_MS);
  if (age > rule.maxAgeDays) {
    return [
      {
        level: 'blocker',
        code: PIN_REJECTION,
        numbers: wireless,
        message: `${numbers}: the PIN was entered ${plural(age, 'day')} ago; ${carrier} transfer PINs are valid for ${plural(rule.maxAgeDays, 'day')}.`,
        action: `Ask the customer for a new transfer PIN (${ask}) and enter it on the case.`,
      },
    ];
  }
  if (age >= rule.maxAgeDays - 1) {
    return [
      {
        level: 'warning',
        code: PIN_REJECTION,
        numbers: wireless,
        message: `${numbers}: the transfer PIN (entered ${plural(age, 'day')} ago) expires after ${plural(rule.maxAgeDays, 'day')} at ${carrier}.`,
        action: 'Submit today, or ask for a new transfer PIN before the carrier works the order.',
      },
    ];
  }
  return [];
}

function tollFreeFindings(tollFree: string[], total: number): LineFinding[] {
  if (tollFree.length === 0) return [];
  const mixed = tollFree.length < total;
  return [
    {
      level: 'info',
      code: null,
      numbers: tollFree,
      message: `${plural(tollFree.length, 'toll-free number')}: a RespOrg port${mixed ? ', sent on an order of its own (apart from the other numbers)' : ''}.`,
      action: 'Ask the current provider for the RespOrg ID and use a toll-free LOA naming it.',
    },
  ];
}

function unknownFindings(unknown: string[]): LineFinding[] {
  if (unknown.length === 0) return [];
  return [
    {
      level: 'info',
      code: null,
      numbers: unknown,
      message: `${plural(unknown.length, 'number')} without a line type: wireless PIN rules cannot be applied to them.`,
      action: 'Run the portability check, or set the line type by hand.',
    },
  ];
}
