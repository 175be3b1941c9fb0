/**
 * One look per doubt: the specialist confirms (or corrects) what a document says for a field the
 * review could not decide. The confirmation is that document's reading from now on — stored as a
 * person's correction (confidence 1, it survives re-reading), written to the case history — and the
 * case is compared again at once, so the check becomes a match or a certain mismatch.
 */
import { CONFIRMED_DOCUMENT_FIELD, type CaseReview, type ConfirmReading } from '../../../shared/contract/review.js';
import { AppError } from '../../../shared/contract/rpc.js';
import { ExtractedFields, type FieldName, type ServiceAddress } from '../../../shared/domain/document.js';
import { parseNumber, splitNumberList } from '../../../shared/domain/phone.js';
import { parseAddress } from '../../../shared/normalize/address.js';
import type { CoreContext } from '../context.js';
import { fieldLabel, reviewCase, storedInputs } from './review.js';

const DOC_LABEL = { loa: 'LOA', invoice: 'invoice', csr: 'CSR' } as const;

function addressValue(text: string): ServiceAddress {
  const p = parseAddress(text);
  if (!p.city && !p.zip5)
    throw new AppError(
      'BAD_INPUT',
      'Write the whole address on one line, e.g. "123 N Main St Ste 200, Springfield, IL 62704".',
    );
  const street =
    p.po_box !== null
      ? `PO BOX ${p.po_box}`
      : [p.house_number, p.predirectional, p.street_name, p.suffix, p.postdirectional].filter(Boolean).join(' ');
  const unit = p.unit_designator === '#' ? `#${p.unit}` : [p.unit_designator, p.unit].filter(Boolean).join(' ');
  return { street_line: street, unit, city: p.city, state: p.state, zip5: p.zip5, zip4: p.zip4 };
}

/** The typed reading as the document field's value; a clear error when it cannot be one. */
export function readingValue(field: ConfirmReading['field'], text: string): unknown {
  switch (field) {
    case 'service_address':
      return addressValue(text);
    case 'phone_numbers': {
      const parsed = splitNumberList(text).map((n) => parseNumber(n));
      const bad = parsed.find((p) => !p.ok);
      if (bad)
        throw new AppError('BAD_INPUT', `"${bad.raw}" is not a phone number; list the numbers separated by commas.`);
      if (!parsed.length) throw new AppError('BAD_INPUT', 'List the numbers the document shows, separated by commas.');
      return parsed.map((p) => (p.ok ? p.e164 : ''));
    }
    case 'invoice_date':
    case 'loa_date':
      if (!/^\d{4}-\d{2}-\d{2}$/.test(text) || Number.isNaN(Date.parse(`${text}T00:00:00Z`)))
        throw new AppError('BAD_INPUT', 'Write the date as YYYY-MM-DD.');
      return text;
    default:
      return text;
  }
}

function shown(v: unknown): string {
  if (typeof v === 'string') return v;
  if (Array.isArray(v)) return v.join(', ');
  if (v && typeof v === 'object' && 'street_line' in v) {
    const a = v as ServiceAddress;
    return [a.street_line, a.unit, a.city, a.state, [a.zip5, a.zip4].filter(Boolean).join('-')]
      .filter(Boolean)
      .join(', ');
  }
  return v === undefined || v === null ? '' : JSON.stringify(v);
}

export async function confirmReading(ctx: CoreContext, input: ConfirmReading): Promise<CaseReview> {
  const s = await storedInputs(ctx, input.caseId);
  const label = fieldLabel(input.field);
  if (
    (input.field === 'invoice_date' && input.source !== 'invoice') ||
    (input.field === 'loa_date' && input.source !== 'loa')
  ) {
    throw new AppError(
      'BAD_INPUT',
      `The ${label} is read from the ${input.field === 'invoice_date' ? 'invoice' : 'LOA'} only.`,
    );
  }
  const docId = s.used[input.source];
  if (docId === null) {
    throw new AppError(
      'BAD_INPUT',
      `This case has no read ${DOC_LABEL[input.source]} to confirm the ${label} on; attach it and wait until it is read.`,
    );
  }
  const docField = CONFIRMED_DOCUMENT_FIELD[input.field] as FieldName;
  const value = readingValue(input.field, input.value);
  if (!ExtractedFields.shape[docField].unwrap().shape.value.safeParse(value).success) {
    throw new AppError('BAD_INPUT', `That is not a valid ${label}.`);
  }
  const repo = ctx.documents.repo;
  const before = repo.field(docId, docField);
  const same = before && shown(before.value) === shown(value);
  ctx.db
    .transaction(() => {
      repo.saveEntered(docId, docField, value, ctx.actor());
      ctx.cases.addHistory(
        input.caseId,
        ctx.actor(),
        'review-reading-confirmed',
        [{ field: `${DOC_LABEL[input.source]} ${label}`, from: before ? shown(before.value) : null, to: shown(value) }],
        same
          ? `Confirmed the ${DOC_LABEL[input.source]} reading from a review check.`
          : `Corrected the ${DOC_LABEL[input.source]} reading from a review check.`,
      );
    })
    .immediate();
  ctx.events.emit('cases.changed', { ids: [input.caseId], reason: 'review-confirmed' });
  return reviewCase(ctx, input.caseId);
}
