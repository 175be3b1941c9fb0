import { z } from 'zod';
import { IsoDay as day } from '../domain/day.js';
import { LINE_TYPES } from '../domain/phone.js';
import { method } from './rpc.js';

/**
 * How a case reaches the gaining carrier: through the Telnyx API (orders, outbox) or by hand — a
 * support ticket with the documents attached (the Plivo-style flow). Also the line type of each
 * number, the carrier's guidance for the providers on the case, and whether a case in exception may
 * be sent again.
 */

const caseId = z.number().int().positive();

export const SUBMISSION_CHANNELS = ['telnyx', 'manual'] as const;
export const SubmissionChannel = z.enum(SUBMISSION_CHANNELS);
export type SubmissionChannel = z.infer<typeof SubmissionChannel>;

/** Where a manual submission stands; each move is dated by the specialist. */
export const MANUAL_STATUSES = ['not-submitted', 'submitted', 'foc-received', 'rejected', 'ported'] as const;
export const ManualStatus = z.enum(MANUAL_STATUSES);
export type ManualStatus = z.infer<typeof ManualStatus>;
export const MANUAL_STATUS_LABEL: Record<ManualStatus, string> = {
  'not-submitted': 'Not submitted',
  submitted: 'Submitted',
  'foc-received': 'FOC received',
  rejected: 'Rejected',
  ported: 'Ported',
};

export const LineTypeSchema = z.enum(LINE_TYPES);

/** A rejection code found in a pasted e-mail, explained by the rejection table. */
export const ParsedRejectionCode = z.object({
  code: z.string(),
  known: z.boolean(),
  title: z.string(),
  field: z.string().nullable(),
  meaning: z.string(),
  action: z.string(),
  /** the words of the e-mail that named it */
  matched: z.string(),
});
export type ParsedRejectionCode = z.infer<typeof ParsedRejectionCode>;

export const ManualRejection = z.object({
  received_on: day,
  text: z.string(),
  codes: z.array(ParsedRejectionCode),
  recorded_at: z.string(),
  recorded_by: z.string(),
});
export type ManualRejection = z.infer<typeof ManualRejection>;

export const ManualSubmission = z.object({
  ticket_id: z.string(),
  link: z.string(),
  submitted_by: z.string(),
  status: ManualStatus,
  submitted_on: day.nullable(),
  foc_received_on: day.nullable(),
  foc_date: day.nullable(),
  rejected_on: day.nullable(),
  ported_on: day.nullable(),
  /** newest first */
  rejections: z.array(ManualRejection),
});
export type ManualSubmission = z.infer<typeof ManualSubmission>;

export const NumberLineType = z.object({
  number: z.string(),
  line_type: LineTypeSchema.nullable(),
  /** manual = set by hand; check = the portability check's phone_number_type; number = a toll-free area code */
  source: z.enum(['manual', 'check', 'number', 'unknown']),
  /** what the portability check said, when it ran */
  check_type: z.string().nullable(),
});
export type NumberLineType = z.infer<typeof NumberLineType>;

/** A rule of the carrier table applied to the numbers' line types (wireless PIN, toll-free RespOrg). */
export const LineFinding = z.object({
  level: z.enum(['blocker', 'warning', 'info']),
  /** a code of the rejection table this would cause, when it would */
  code: z.string().nullable(),
  numbers: z.array(z.string()),
  message: z.string(),
  action: z.string(),
});
export type LineFinding = z.infer<typeof LineFinding>;

export const CarrierGuidance = z.object({
  provider: z.string(),
  /** losing = the case's losing carrier; underlying = the case's underlying carrier; check = named by the portability check */
  why: z.array(z.enum(['losing', 'underlying', 'check'])),
  reseller: z.boolean(),
  underlying_carriers: z.array(z.string()),
  account_number_source: z.string(),
  pin_source: z.string(),
  pin_required: z.enum(['yes', 'wireless', 'if-set', 'unknown']),
  requirements: z.array(z.string()),
  notes: z.string(),
  /** the question to send the current provider when it is a reseller (seed 000), else null */
  question: z.string().nullable(),
});
export type CarrierGuidance = z.infer<typeof CarrierGuidance>;

export const ResubmitGate = z.object({
  /** true when sending (again) is allowed right now */
  allowed: z.boolean(),
  refusal: z.string().nullable(),
  blockers: z.array(z.object({ code: z.string(), field: z.string(), reason: z.string() })),
});
export type ResubmitGate = z.infer<typeof ResubmitGate>;

export const ChannelView = z.object({
  caseId,
  channel: SubmissionChannel,
  manual: ManualSubmission,
  lines: z.array(NumberLineType),
  findings: z.array(LineFinding),
  guidance: z.array(CarrierGuidance),
  toll_free_guidance: z.array(z.string()),
  /** the review's blockers and the line-type rules, applied again before anything is sent */
  gate: ResubmitGate,
});
export type ChannelView = z.infer<typeof ChannelView>;

const text = (max: number) => z.string().trim().max(max);

export const channelContract = {
  'channel.get': method(
    z.object({ caseId }),
    ChannelView,
    'How the case is submitted (Telnyx API or a manual ticket), its line types, carrier guidance and whether it may be sent.',
  ),
  'channel.set': method(
    z.object({
      caseId,
      channel: SubmissionChannel,
      ticket_id: text(120).optional(),
      link: z
        .union([z.literal(''), z.url({ protocol: /^https?$/, error: 'The ticket link must be an http(s) address.' })])
        .optional(),
      submitted_by: text(120).optional(),
    }),
    ChannelView,
    'Choose the submission channel; for a manual one, the ticket id, link and who handles it.',
  ),
  'channel.moveManual': method(
    z.object({
      caseId,
      status: z.enum(['submitted', 'foc-received', 'ported']),
      on: day,
      /** the FOC date the carrier confirmed (foc-received only) */
      foc_date: day.optional(),
    }),
    ChannelView,
    'Record a dated step of a manual submission; the case status follows (submitted, FOC confirmed, ported).',
  ),
  'channel.recordRejection': method(
    z.object({ caseId, text: z.string().trim().min(1).max(20_000), on: day }),
    ChannelView,
    'Paste a rejection received by e-mail: its codes are read through the rejection table and kept on the case.',
  ),
  'channel.lines': method(
    z.object({ caseId }),
    z.object({ lines: ChannelView.shape.lines }),
    "The line type of each of the case's numbers and where it came from (no gate, no review).",
  ),
  'channel.rejections': method(
    z.object({ caseId }),
    z.object({ rejections: z.array(ManualRejection) }),
    'The rejections received by e-mail or ticket and recorded on the case, newest first.',
  ),
  'channel.parseRejection': method(
    z.object({ text: z.string().trim().min(1).max(20_000) }),
    z.object({ codes: z.array(ParsedRejectionCode) }),
    'Read rejection codes out of a pasted e-mail without storing anything (preview).',
  ),
  'channel.setLineType': method(
    z.object({ caseId, number: z.string().trim().min(1).max(40), line_type: LineTypeSchema.nullable() }),
    ChannelView,
    'Set a number’s line type by hand (null returns it to what the portability check said).',
  ),
} as const;
