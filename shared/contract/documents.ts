import { z } from 'zod';
import { BBox, CandidateWhy, DocumentKind, FIELD_NAMES, PageText } from '../domain/document.js';
import { method } from './rpc.js';

export const DOCUMENT_STATUSES = ['queued', 'reading', 'ready', 'failed', 'cancelled'] as const;
export const DocumentStatus = z.enum(DOCUMENT_STATUSES);
export type DocumentStatus = z.infer<typeof DocumentStatus>;

export const JOB_STATES = ['queued', 'running', 'done', 'failed', 'cancelled'] as const;
export const JobState = z.enum(JOB_STATES);

/** 50 MB of file as base64 (4/3) plus slack. The loopback host will get a raw upload route later. */
export const MAX_ATTACH_BASE64 = 70_000_000;

export const DocumentJob = z.object({
  id: z.number().int(),
  state: JobState,
  attempts: z.number().int(),
  /** 0..1 */
  progress: z.number(),
  page: z.number().int(),
  pages: z.number().int(),
});

export const DocumentSummary = z.object({
  id: z.number().int(),
  caseId: z.number().int(),
  name: z.string(),
  mime: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  kind: DocumentKind,
  kindSource: z.enum(['auto', 'user']),
  kindConfidence: z.number().nullable(),
  pages: z.number().int().nullable(),
  status: DocumentStatus,
  /** for a person: what went wrong and what to do */
  error: z.string().nullable(),
  errorCode: z.string().nullable(),
  /** pages read only in part (a file cut short, a page whose content is damaged), each with the reason */
  partialPages: z.array(z.object({ page: z.number().int(), reason: z.string() })),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** when the user removed it (undo puts it back); a removed document is read by nothing */
  removedAt: z.string().nullable(),
  /** the newer copy that replaced it: kept for the record, out of the review and exports */
  supersededBy: z.number().int().nullable(),
  job: DocumentJob.nullable(),
});
export type DocumentSummary = z.infer<typeof DocumentSummary>;

export const DocumentDetail = DocumentSummary.extend({ pageTexts: z.array(PageText) });
export type DocumentDetail = z.infer<typeof DocumentDetail>;

export const FieldNameSchema = z.enum(FIELD_NAMES as [string, ...string[]]);

/** Stands for a secret value (SECRET_FIELD_NAMES) sent to a screen; documents.revealField gives the value. */
export const MaskedValue = z.object({ masked: z.literal(true) });
export type MaskedValue = z.infer<typeof MaskedValue>;
export const MASKED_VALUE: MaskedValue = Object.freeze({ masked: true as const });
export function isMaskedValue(v: unknown): v is MaskedValue {
  return typeof v === 'object' && v !== null && (v as { masked?: unknown }).masked === true;
}

const evidence = { confidence: z.number(), page: z.number().int().nullable(), bbox: BBox.nullable() };
export const DocumentField = z.object({
  field: z.string(),
  /** the value in force: the person's correction if there is one, else the machine's; MaskedValue for a secret */
  value: z.unknown(),
  ...evidence,
  source: z.enum(['extracted', 'entered']),
  actor: z.string(),
  at: z.string(),
  /** what extraction found, kept beside a correction so the evidence view can show both */
  extracted: z
    .object({
      value: z.unknown(),
      ...evidence,
      /** how the machine's value was found (its caption, a shape, the layout); null on rows stored before */
      why: CandidateWhy.nullable(),
    })
    .nullable(),
});
export type DocumentField = z.infer<typeof DocumentField>;

const id = z.number().int().positive();

export const documentsContract = {
  'documents.list': method(
    z.object({ caseId: id }),
    z.array(DocumentSummary),
    'Documents attached to a case, oldest first, with reading progress.',
  ),
  'documents.get': method(z.object({ id }), DocumentDetail, 'One document with its pages, words and boxes.'),
  'documents.attach': method(
    z.object({ caseId: id, name: z.string().min(1).max(500), dataBase64: z.string().max(MAX_ATTACH_BASE64) }),
    DocumentSummary.extend({ duplicate: z.boolean() }),
    'Attach a file (base64) to a case and queue it for reading; refuses unreadable files at once.',
  ),
  'documents.attachFromDialog': method(
    z.object({ caseId: id }),
    z.object({
      attached: z.array(DocumentSummary.extend({ duplicate: z.boolean() })),
      refused: z.array(z.object({ name: z.string(), message: z.string() })),
    }),
    'Desktop only: pick files with the native dialog and attach each; a refused file does not stop the others.',
  ),
  'documents.active': method(
    z.object({}),
    z.array(DocumentSummary),
    'Documents being read in any case (queue-wide progress).',
  ),
  'documents.setKind': method(
    z.object({ id, kind: DocumentKind }),
    DocumentSummary,
    'Say what the document is (LOA, invoice, CSR, other); extraction reruns with that kind.',
  ),
  'documents.cancel': method(z.object({ id }), DocumentSummary, 'Stop reading a queued or running document.'),
  'documents.retry': method(z.object({ id }), DocumentSummary, 'Read a failed or cancelled document again.'),
  'documents.fields': method(
    z.object({ id }),
    z.array(DocumentField),
    'Values read from the document, with evidence and who set them.',
  ),
  'documents.correctField': method(
    z.object({ id, field: FieldNameSchema, value: z.unknown() }),
    DocumentField,
    'Correct a value read from the document; the correction survives re-extraction and is recorded in the case history.',
  ),
  'documents.revealField': method(
    z.object({ id, field: FieldNameSchema }),
    z.object({ value: z.unknown(), extractedValue: z.unknown().nullable() }),
    'Show a secret value read from the document (the PIN), as in force and as read; the case history records that it was shown.',
  ),
  'documents.remove': method(
    z.object({ id }),
    DocumentSummary,
    'Remove a document attached by mistake: the review, exports and orders stop reading it; documents.restore undoes it.',
  ),
  'documents.restore': method(z.object({ id }), DocumentSummary, 'Undo documents.remove.'),
  'documents.replace': method(
    z.object({ id, name: z.string().min(1).max(500), dataBase64: z.string().max(MAX_ATTACH_BASE64) }),
    z.object({ replaced: DocumentSummary, by: DocumentSummary }),
    'Attach a newer copy of a document: the old one is kept, marked superseded, and leaves the review.',
  ),
  'documents.file': method(
    z.object({ id }),
    z.object({ name: z.string(), mime: z.string(), size: z.number().int(), dataBase64: z.string() }),
    'The original file, for the viewer.',
  ),
} as const;
