import { z } from 'zod';

/**
 * What PortDesk reads from a document. Shared by the reader (pdf text layer / OCR), extraction,
 * comparison, the document view and the packet export. Coordinates are in PDF points (1/72 in)
 * with the origin at the TOP-LEFT of the page, for text PDFs and for images alike (image pixels are
 * scaled to points using the page size), so the renderer can overlay boxes with one transform.
 */
export const DOCUMENT_KINDS = ['loa', 'invoice', 'csr', 'other'] as const;
export const DocumentKind = z.enum(DOCUMENT_KINDS);
export type DocumentKind = z.infer<typeof DocumentKind>;

/**
 * Fields that are secrets (the port-out PIN): sealed at rest, and on their way to a screen replaced by
 * a masked marker, as are the words of the page they were read from, until the person asks to see them.
 */
export const SECRET_FIELD_NAMES: ReadonlySet<string> = new Set(['pin']);

export const BBox = z.tuple([z.number(), z.number(), z.number(), z.number()]); // x0, y0, x1, y1
export type BBox = z.infer<typeof BBox>;

export const Word = z.object({
  text: z.string(),
  bbox: BBox,
  /** 0..1; 1 for text-layer words */
  conf: z.number().min(0).max(1),
});
export type Word = z.infer<typeof Word>;

/** A word as read (`at`, among the page's words) and where it is printed on the page. */
export const MovedBox = z.object({ at: BBox, printed: BBox });
export type MovedBox = z.infer<typeof MovedBox>;

export const PageText = z.object({
  /** 1-based */
  page: z.number().int().min(1),
  width: z.number().positive(),
  height: z.number().positive(),
  method: z.enum(['text', 'ocr']),
  words: z.array(Word),
  /**
   * Text-layer pages: boxes of drawn marks that could be ink (images, curved or slanted paths;
   * never straight rules). A signature drawn or signed electronically is one, not a word.
   */
  marks: z.array(BBox).optional(),
  /** set when only part of the page could be read, in plain words ("the image ends at row 304 of 704 …") */
  partial: z.string().optional(),
  /**
   * OCR pages fed sideways or upside down: how far (degrees clockwise) the page must turn for its text
   * to read upright. Boxes stay on the page image as it is; shared/domain/orientation.ts turns them.
   */
  orientation: z.union([z.literal(90), z.literal(180), z.literal(270)]).optional(),
  /**
   * OCR pages: words the reader moved to read them (a comb field's characters, one a box, set side by
   * side so they read as the words they spell). The extractor reads them where they are; its evidence
   * goes back where they are printed (extract/records.ts movedBack), as for a text layer's combs.
   */
  moved: z.array(MovedBox).optional(),
});
export type PageText = z.infer<typeof PageText>;

export const ServiceAddress = z.object({
  street_line: z.string(),
  unit: z.string(),
  city: z.string(),
  state: z.string(),
  zip5: z.string(),
  zip4: z.string(),
});
export type ServiceAddress = z.infer<typeof ServiceAddress>;

const evidence = {
  /** 0..1 */
  confidence: z.number().min(0).max(1),
  /** 1-based page, null when the value is not tied to one place */
  page: z.number().int().min(1).nullable(),
  bbox: BBox.nullable(),
};
/**
 * Why a candidate was proposed: found by a label the extractor's vocabulary knows (its text and where
 * the value stood), by a caption only its SHAPE made a label ('shape': a colon, a record's tag, a cell
 * in a row of known labels — no vocabulary knows its words, so the value is an honest guess), by layout
 * without a label (an address block, a header line, the first number), or in running text.
 * Stored with the field's candidates: a row stored before 'shape' and `label_bbox` existed still reads.
 */
export const CandidateWhy = z.object({
  source: z.enum(['label', 'shape', 'layout', 'prose']),
  label: z.string().optional(),
  /** where the caption was read (on the value's page): what the review shows as "read under this caption" */
  label_bbox: BBox.optional(),
  mode: z.enum(['inline', 'right', 'below', 'above']).optional(),
  /**
   * For a value whose rivals are not kept (a secret: the PIN), whether a caption of the field held a second
   * value of the field's grammar — its own caption's area (a neighbouring cell's value run on into it) or another
   * caption of the field on the document: true, which one gives the PIN is a guess; false, the value stood alone
   * under its caption. Absent on rows stored before it was recorded.
   */
  rival_under_caption: z.boolean().optional(),
  /**
   * An address whose city, state and ZIP disagree with the offline ZIP database: one sentence for the
   * specialist ("ZIP 38602 is not Tampa's — 33602?") and the ZIP one slip away that fits, if any.
   */
  zip_check: z.object({ note: z.string(), suggested_zip: z.string().nullable() }).optional(),
});
export type CandidateWhy = z.infer<typeof CandidateWhy>;

/**
 * How a value was found, in the specialist's words, and whether it is a guess to hold against the page:
 * a caption only its shape made one, a BTN no caption names (the first number listed: carriers bill to
 * the main line, so it is offered, never asserted), a PIN whose caption held a second value. The document
 * view says it under the value; the review says the same of a guessed BTN (compare/scalar.ts).
 */
export function readingBasis(field: FieldName, display: string, why: CandidateWhy): { text: string; guess: boolean } {
  let text: string;
  let guess = false;
  switch (why.source) {
    case 'label':
      text = why.label ? `under the caption “${why.label}”` : 'under its caption';
      break;
    case 'shape':
      text = `beside “${why.label ?? ''}”, a caption no known wording of ${display} matches`;
      guess = true;
      break;
    case 'layout':
      if (field === 'btn') {
        text = 'as a guess: no caption on this document names a BTN, so the first number it lists is taken for it';
        guess = true;
      } else text = 'by where it stands on the page: no caption names it';
      break;
    case 'prose':
      text = 'in the running text';
      break;
  }
  if (why.rival_under_caption) {
    text += `; another value stood under a caption of it too, so which is the ${display} is a guess`;
    guess = true;
  }
  if (why.zip_check) text += `. ${why.zip_check.note}`;
  return { text, guess };
}
export const fieldCandidate = <T extends z.ZodType>(value: T) => z.object({ value, ...evidence, why: CandidateWhy });
export type FieldCandidate<T> = {
  value: T;
  confidence: number;
  page: number | null;
  bbox: BBox | null;
  why: CandidateWhy;
};
/**
 * A field's value with its evidence. `candidates` (optional, newest extractions only): the ranked
 * alternatives the extractor weighed, best first (the value itself is the first), each with its own
 * confidence and evidence, so a reviewer can pick another without re-reading the document.
 */
export const fieldValue = <T extends z.ZodType>(value: T) =>
  z.object({ value, ...evidence, candidates: z.array(fieldCandidate(value)).optional() });
export type FieldValue<T> = {
  value: T;
  confidence: number;
  page: number | null;
  bbox: BBox | null;
  candidates?: FieldCandidate<T>[];
};

export const ExtractedFields = z.object({
  account_name: fieldValue(z.string()).optional(),
  authorized_person: fieldValue(z.string()).optional(),
  btn: fieldValue(z.string()).optional(),
  account_number: fieldValue(z.string()).optional(),
  pin: fieldValue(z.string()).optional(),
  service_address: fieldValue(ServiceAddress).optional(),
  billing_address: fieldValue(ServiceAddress).optional(),
  /** all numbers on the document; on an LOA the numbers to port */
  phone_numbers: fieldValue(z.array(z.string())).optional(),
  /** LOA only: numbers explicitly marked not to port */
  numbers_not_to_port: fieldValue(z.array(z.string())).optional(),
  document_date: fieldValue(z.string()).optional(), // YYYY-MM-DD
  carrier_name: fieldValue(z.string()).optional(),
  signature_present: fieldValue(z.boolean()).optional(),
});
export type ExtractedFields = z.infer<typeof ExtractedFields>;
export type FieldName = keyof ExtractedFields;
export const FIELD_NAMES = Object.keys(ExtractedFields.shape) as FieldName[];

/**
 * One field's ranked candidates on their own, as the store keeps them beside the field's value: the
 * schema of ExtractedFields' own `candidates`, so what is read back is checked as extraction's output is.
 */
export function fieldCandidatesSchema(field: FieldName): z.ZodType<FieldCandidate<unknown>[]> {
  const shape = (ExtractedFields.shape[field] as z.ZodOptional<z.ZodObject>).unwrap().shape;
  return (shape.candidates as z.ZodOptional<z.ZodType<FieldCandidate<unknown>[]>>).unwrap();
}

export const ExtractionResult = z.object({
  kind: DocumentKind,
  kind_confidence: z.number().min(0).max(1),
  fields: ExtractedFields,
});
export type ExtractionResult = z.infer<typeof ExtractionResult>;
