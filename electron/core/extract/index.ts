import { joinSideways, sidewaysBack } from './sideways.js';
import { withoutInitials } from './initials.js';
import fs from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../../../shared/contract/rpc.js';
import type { DocumentKind, ExtractedFields, ExtractionResult, PageText } from '../../../shared/domain/document.js';
import { boxesOntoPages, uprightPage } from '../../../shared/domain/orientation.js';
import type { OcrPool } from '../ocr/types.js';
import { classifyDocument } from './classify.js';
import { joinCombs } from './combs.js';
import { pagesBack, withoutFaxCover, withoutSigningCertificate } from './cover.js';
import { evidenceBack, recastComparisons } from './compared.js';
import { locationsBack, recastLocations } from './csr-locations.js';
import { recastChangeLog } from './csr-changelog.js';
import { recastFidRecords } from './csr-fid.js';
import { recastLeaderRows } from './csr-leaders.js';
import { withoutBoxNumbers } from './csr-numbered.js';
import { recastTranslated } from './csr-translated.js';
import { withoutOtherAccounts } from './csr-accounts.js';
import { withoutOtherSites } from './csr-sites.js';
import { requesterLines } from './csr-ticket.js';
import { extractWith } from './fields.js';
import { buildLayout } from './layout.js';
import { quotedLines, withoutLines } from './quoted.js';
import { recastOutline } from './outline.js';
import { recastSetRightRows } from './set-right.js';
import { type MovedWord, movedBack, recastRecords } from './records.js';
import { recastKeyValueRuns } from './kv-runs.js';
import { recastTwoUp } from './two-up.js';

export { classifyDocument, type Classification } from './classify.js';

/**
 * Words with boxes → fields with evidence (value, confidence, page, bbox). Pure: no I/O.
 * Without a hint (or with 'other') the document is classified first.
 */
export function extractFields(pages: PageText[], hint?: DocumentKind): ExtractionResult {
  let kind: DocumentKind;
  let kindConfidence: number;
  // a page scanned sideways or upside down is reasoned about upright; its boxes go back onto the image
  // a record printed as data (JSON, XML) is read as the label-left record it is (records.ts)
  // a form filled in one character per box is read as the words it spells (combs.ts)
  // two pages printed side by side on one landscape sheet are read one after the other (two-up.ts)
  // a table too wide for the paper, its right columns on the next page, is read as one table (sideways.ts)
  const uprightPages = pages.map(uprightPage);
  const sideways = joinSideways(uprightPages);
  const sheets = sideways?.pages ?? uprightPages;
  const twoUp = recastTwoUp(sheets);
  const levelled = twoUp?.pages ?? sheets;
  const combs = joinCombs(levelled);
  const turned = combs?.pages ?? levelled;
  const json = recastRecords(turned);
  // a CRM's dump of key=value pairs run together is read as the label-left record it is (kv-runs.ts)
  const kv = recastKeyValueRuns(json?.pages ?? turned);
  const records = kv ? { pages: kv.pages, moved: [...(json?.moved ?? []), ...kv.moved] } : json;
  // an account tree exported as an outline is read as the label-left record it is (outline.ts)
  const outline = recastOutline(records?.pages ?? turned);
  // a CSR printed in field identifiers ("SA … /LCTY … /ZIP …") too (csr-fid.ts)
  const fid = recastFidRecords(outline?.pages ?? records?.pages ?? turned);
  // an account printed as its change history is read as the record the history leaves (csr-changelog.ts)
  const log = recastChangeLog(fid?.pages ?? outline?.pages ?? records?.pages ?? turned);
  const logged = log?.pages ?? fid?.pages ?? outline?.pages ?? records?.pages ?? turned;
  // a form's numbered boxes ("7) CITY", "(12) WORKING TNs") are read by their captions alone (csr-numbered.ts)
  // captions printed in two languages keep one, dates in another language or day first read as dates (csr-translated.ts)
  const translated = recastTranslated(logged);
  const oneLanguage = translated?.pages ?? logged;
  const numbered = withoutBoxNumbers(oneLanguage) ?? oneLanguage;
  // a statement's rows "Caption ........ value" with the values set right are read label-left (csr-leaders.ts),
  // and a receipt's "Caption        value" set right with a blank gap for the leader (set-right.ts)
  const leaders = recastLeaderRows(numbered) ?? recastSetRightRows(numbered);
  const setRight = leaders?.pages ?? numbered;
  // a CSR lookup listing several accounts of one customer is read as the one asked about (csr-accounts.ts);
  // a bill's sub-accounts are all billed on it
  const lookup = withoutOtherAccounts(setRight);
  const accounts =
    lookup && (hint && hint !== 'other' ? hint : classifyDocument(setRight).kind) === 'csr' ? lookup : setRight;
  // a master account's locations stacked as sections are read as its main location's (csr-sites.ts)
  const recast = withoutOtherSites(accounts) ?? accounts;
  const moved = [
    ...readerMoved(pages),
    ...(twoUp?.moved ?? []),
    ...(combs?.moved ?? []),
    ...(records?.moved ?? []),
    ...(outline?.moved ?? []),
    ...(fid?.moved ?? []),
    ...(log?.moved ?? []),
    ...(translated?.moved ?? []),
    ...(leaders?.moved ?? []),
  ];
  // a fax cover sheet names the sender and the recipient desk, not the document's facts (cover.ts)
  const cover = withoutFaxCover(recast);
  const delivered = cover?.pages ?? recast;
  // an e-signature service's certificate of completion after the signed pages is the service's record (cover.ts)
  const upright = withoutSigningCertificate(delivered) ?? delivered;
  if (hint && hint !== 'other') {
    kind = hint;
    kindConfidence = 1;
  } else {
    const c = classifyDocument(upright);
    kind = c.kind;
    kindConfidence = c.confidence;
  }
  const read = newestMessageFields(upright, kind);
  const printed = cover ? pagesBack(read, cover.printed) : read;
  const back = moved.length ? movedBack(printed, moved) : printed;
  const fields = boxesOntoPages(sideways ? sidewaysBack(back, sideways.moved) : back, pages);
  return { kind, kind_confidence: kindConfidence, fields };
}

/**
 * The words the reader moved to read them (an OCR page's comb characters set side by side), where
 * each is printed. A page read turned (orientation) keeps its evidence where the words were read.
 */
export function readerMoved(pages: PageText[]): MovedWord[] {
  return pages.flatMap((p) => (p.orientation ? [] : (p.moved ?? []).map((m) => ({ page: p.page, ...m }))));
}

/**
 * The fields of a document; an e-mail reply's from its newest message alone when that message holds the
 * record (its account number or numbers): the quoted request below is the other party's version. A
 * forward whose record is in the quoted part is read whole.
 */
function newestMessageFields(given: PageText[], kind: DocumentKind): ExtractedFields {
  // a comparison table's request and verdict columns are not the document's values (compared.ts)
  const first = buildLayout(given, kind);
  const recast = recastComparisons(first);
  const compared = recast ? buildLayout(recast.pages, kind) : first;
  // a record of several locations printed one column each is read at the account's own (csr-locations.ts)
  const located = kind === 'csr' ? recastLocations(compared) : null;
  const pages = located?.pages ?? recast?.pages ?? given;
  const doc = located ? buildLayout(pages, kind) : compared;
  const quoted = quotedLines(doc);
  // a support ticket's requester is the other party too: their messages and header lines (csr-ticket.ts)
  if (kind === 'csr') for (const id of requesterLines(doc)) quoted.add(id);
  let fields: ExtractedFields | null = null;
  if (quoted.size) {
    const newest = extractWith(buildLayout(withoutLines(pages, doc, quoted), kind));
    if (newest.account_number || newest.phone_numbers) fields = newest;
  }
  if (!fields) {
    fields = extractWith(doc);
    // the signer's initials beside a value they corrected or approved are no part of it (initials.ts)
    const plain = fields.authorized_person ? withoutInitials(pages, fields.authorized_person.value) : null;
    if (plain) fields = extractWith(buildLayout(plain, kind));
  }
  const atLocation = located ? locationsBack(fields, located.moved) : fields;
  return recast ? evidenceBack(atLocation, recast.moved) : atLocation;
}

export interface FileExtraction {
  file: string;
  type: DocumentKind;
  pages: number;
  page_methods: PageText['method'][];
  fields: ExtractedFields;
  /** Pages read only in part (a file cut short, a damaged page), with the reason; absent when every page was whole. */
  partial_pages?: { page: number; reason: string }[];
}

/** Read a file with the document reader (text layer, OCR where needed) and extract its fields. */
export async function extractFromFile(
  file: string,
  opts: { type?: DocumentKind; pool?: OcrPool } = {},
): Promise<FileExtraction> {
  let bytes: Buffer;
  try {
    bytes = await fs.readFile(file);
  } catch (err) {
    throw new AppError(
      'FILE_UNREADABLE',
      `cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`,
    );
  }
  const { readDocument } = await import('../documents/read.js');
  const read = await readDocument(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), {
    name: path.basename(file),
    ...(opts.pool ? { pool: opts.pool } : {}),
  });
  const result = extractFields(read.pages, opts.type);
  const partial = read.pages.filter((p) => p.partial).map((p) => ({ page: p.page, reason: p.partial! }));
  return {
    file,
    type: result.kind,
    pages: read.pageCount,
    page_methods: read.pages.map((p) => p.method),
    fields: result.fields,
    ...(partial.length ? { partial_pages: partial } : {}),
  };
}
