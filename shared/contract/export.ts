import { z } from 'zod';
import { CaseStatus, PortNumber } from '../domain/case.js';
import { ComparisonResult, Verdict } from '../domain/comparison.js';
import { DocumentKind } from '../domain/document.js';
import { method } from './rpc.js';

/**
 * Resubmission packets and LOAs. A packet is one PDF (cover sheet, corrected LOA, the invoice and
 * CSR pages as received) and a ZIP beside it (the original files, the PDF, and the JSON summary
 * below). Each export is written once into `<dataDir>/exports/<exportId>/` and never changed.
 */

/** `<caseId>-<UTC stamp>[-n]`: also a folder name, so nothing else is accepted. */
export const EXPORT_ID_PATTERN = /^[1-9]\d{0,11}-\d{8}T\d{9}Z(?:-\d{1,3})?$/;
export const ExportId = z.string().regex(EXPORT_ID_PATTERN, 'not an export id');
/** A file name inside one export folder (no path). */
export const ExportFileName = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'not an export file name');

/** A drawn signature, PNG as base64 (a data: URL prefix is accepted). 4 MB of PNG at most. */
export const MAX_SIGNATURE_BASE64 = 5_600_000;
export const SignaturePng = z.string().min(16).max(MAX_SIGNATURE_BASE64);

/** A rejection that came by e-mail or support ticket (carriers without a porting API, e.g. Plivo). */
export const ReportedRejection = z.object({
  code: z.string().trim().min(1).max(120),
  description: z.string().trim().max(2000).optional(),
});
export type ReportedRejection = z.infer<typeof ReportedRejection>;

const caseId = z.number().int().positive();
const common = {
  caseId,
  /** put the PIN on the cover sheet, in the JSON and on the LOA; otherwise the LOA carries it only where the carrier requires it */
  includePin: z.boolean().default(false),
  /** the customer's signature drawn in the app, placed on the LOA and marked as signed in PortDesk */
  signaturePng: SignaturePng.optional(),
  /** who receives the port, named in the authorization text; absent: the gaining carrier in Settings, else "the new service provider" */
  gainingCarrier: z.string().trim().max(120).optional(),
};

export const PacketInput = z.object({
  ...common,
  /** codes received outside the API (e-mail, ticket); codes on the case's orders are read by PortDesk */
  reportedRejections: z.array(ReportedRejection).max(50).default([]),
});
export type PacketInput = z.input<typeof PacketInput>;
export const LoaInput = z.object(common);
export type LoaInput = z.input<typeof LoaInput>;

export const ExportKind = z.enum(['packet', 'loa']);
export type ExportKind = z.infer<typeof ExportKind>;

export const ExportFile = z.object({
  name: ExportFileName,
  mime: z.string(),
  bytes: z.number().int().nonnegative(),
});
export type ExportFile = z.infer<typeof ExportFile>;

export const ExportResult = z.object({
  exportId: ExportId,
  caseId: z.number().int(),
  kind: ExportKind,
  createdAt: z.string(),
  /** absolute folder in the data directory holding the files */
  dir: z.string(),
  files: z.array(ExportFile),
  /** pages of the PDF */
  pages: z.number().int(),
  pinIncluded: z.boolean(),
  pinOnLoa: z.boolean(),
  signed: z.boolean(),
  rejections: z.number().int(),
  corrections: z.number().int(),
});
export type ExportResult = z.infer<typeof ExportResult>;

// ---------------------------------------------------------------------------------------------
// The JSON summary in the ZIP: what another tool reads. Versioned; PIN only when asked for.

export const PROVENANCE_SOURCES = ['csr', 'invoice', 'loa', 'case', 'none'] as const;
export const Provenance = z.object({
  source: z.enum(PROVENANCE_SOURCES),
  document_id: z.number().int().nullable(),
  file_name: z.string().nullable(),
  /** 1-based page of the value in that document, when known */
  page: z.number().int().nullable(),
});
export type Provenance = z.infer<typeof Provenance>;

export const LoaValue = z.object({ value: z.string(), from: Provenance });
export type LoaValue = z.infer<typeof LoaValue>;

export const LoaAddress = z.object({
  street_line: z.string(),
  unit: z.string(),
  city: z.string(),
  state: z.string(),
  zip5: z.string(),
  zip4: z.string(),
  from: Provenance,
});
export type LoaAddress = z.infer<typeof LoaAddress>;

export const CorrectedLoa = z.object({
  entity_name: LoaValue,
  authorized_person: LoaValue,
  btn: LoaValue,
  account_number: LoaValue,
  service_address: LoaAddress,
  losing_carrier: LoaValue,
  underlying_carrier: LoaValue.nullable(),
  /** E.164 */
  numbers_to_port: z.array(z.string()),
  /** on the account, staying with the losing carrier (partial port) */
  numbers_not_to_port: z.array(z.string()),
  pin: z.object({
    /** the LOA has a PIN line (the carrier requires it there, or the user asked) */
    on_loa: z.boolean(),
    required_by_carrier: z.boolean(),
    /** present only when the user asked to include the PIN */
    value: z.string().optional(),
  }),
  /** the signer's title as the received LOA gives it ("Office Manager"); null when it gives none */
  signer_title: LoaValue.nullable().default(null),
  signature: z.object({
    signed: z.boolean(),
    signed_by: z.string().nullable(),
    signed_at: z.string().nullable(),
  }),
});
export type CorrectedLoa = z.infer<typeof CorrectedLoa>;

export const Correction = z.object({
  field: z.string(),
  label: z.string(),
  /** what the rejected LOA (or, without one, the case) said; null when it lacked the field */
  before: z.string().nullable(),
  before_source: z.enum(['loa', 'case']).nullable(),
  after: z.string(),
  from: Provenance,
  verdict: Verdict,
  reason: z.string(),
});
export type Correction = z.infer<typeof Correction>;

export const ReceivedRejection = z.object({
  /** canonical code when PortDesk knows it, else as received */
  code: z.string(),
  given: z.string(),
  known: z.boolean(),
  title: z.string(),
  meaning: z.string(),
  action: z.string(),
  field: z.string().nullable(),
  description: z.string().nullable(),
  order_id: z.string().nullable(),
  /** order = read from the porting order; reported = typed in by the specialist */
  source: z.enum(['order', 'reported']),
  /** when the order came back with it (null for reported ones) */
  received_at: z.string().nullable().default(null),
  /** when the order left that exception (resubmitted); null while still open */
  resolved_at: z.string().nullable().default(null),
});
export type ReceivedRejection = z.infer<typeof ReceivedRejection>;

export const PacketOrder = z.object({
  id: z.string(),
  status: z.string(),
  support_key: z.string().nullable(),
  foc_requested: z.string().nullable(),
  foc_actual: z.string().nullable(),
  numbers: z.array(z.string()),
  comments: z.array(z.object({ at: z.string().nullable(), author: z.string().nullable(), body: z.string() })),
});
export type PacketOrder = z.infer<typeof PacketOrder>;

export const PacketDocument = z.object({
  id: z.number().int(),
  kind: DocumentKind,
  name: z.string(),
  mime: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  pages: z.number().int().nullable(),
  status: z.string(),
  /** path inside the ZIP */
  zip_path: z.string(),
  /** 1-based pages of the PDF holding it, null when it is only in the ZIP */
  pdf_pages: z.tuple([z.number().int(), z.number().int()]).nullable(),
});
export type PacketDocument = z.infer<typeof PacketDocument>;

export const PdfSection = z.object({ title: z.string(), first_page: z.number().int(), last_page: z.number().int() });
export type PdfSection = z.infer<typeof PdfSection>;

export const PacketSummary = z.object({
  format: z.literal('portdesk.packet'),
  version: z.literal(1),
  kind: ExportKind,
  export_id: ExportId,
  generated_at: z.string(),
  generated_by: z.string(),
  case: z.object({
    id: z.number().int(),
    status: CaseStatus,
    entity_name: z.string(),
    authorized_person: z.string(),
    btn: z.string(),
    account_number: z.string(),
    service_address: z.object({
      street: z.string(),
      unit: z.string(),
      city: z.string(),
      state: z.string(),
      zip: z.string(),
    }),
    losing_carrier: z.string(),
    underlying_carrier: z.string(),
    customer_reference: z.string(),
    foc_date: z.string().nullable(),
    numbers: z.array(PortNumber),
    pin: z.object({ set: z.boolean(), included: z.boolean(), value: z.string().optional() }),
  }),
  orders: z.array(PacketOrder),
  received_rejections: z.array(ReceivedRejection),
  corrections: z.array(Correction),
  corrected_loa: CorrectedLoa,
  comparison: ComparisonResult,
  documents: z.array(PacketDocument),
  pdf: z.object({ file: z.string(), pages: z.number().int(), sections: z.array(PdfSection) }),
});
export type PacketSummary = z.infer<typeof PacketSummary>;

export const ExportListEntry = z.object({
  exportId: ExportId,
  kind: ExportKind,
  createdAt: z.string(),
  files: z.array(ExportFile),
});
export type ExportListEntry = z.infer<typeof ExportListEntry>;

export const exportContract = {
  'export.packet': method(
    PacketInput,
    ExportResult,
    'Build the resubmission packet of a case (PDF + ZIP with originals and JSON summary) into the exports folder.',
  ),
  'export.loa': method(
    LoaInput,
    ExportResult,
    'Build an LOA pre-filled from the case and its documents, for the customer to sign.',
  ),
  'export.list': method(
    z.object({ caseId }),
    z.array(ExportListEntry),
    'Packets and LOAs already exported for a case, newest first.',
  ),
  'export.file': method(
    z.object({ exportId: ExportId, name: ExportFileName }),
    z.object({ name: z.string(), mime: z.string(), size: z.number().int(), dataBase64: z.string() }),
    'One exported file as base64 (browser-mode download).',
  ),
  'export.saveToFolder': method(
    z.object({ exportId: ExportId }),
    z.object({ saved: z.array(z.string()).nullable() }),
    'Desktop only: ask for a folder with the native dialog and copy the export there (null when cancelled).',
  ),
} as const;
