import type { PageText } from '../../../shared/domain/document.js';
import { mapEvidence } from '../../../shared/domain/orientation.js';
import { printedWordLines } from './lines.js';

/**
 * A document faxed behind a cover sheet: the cover names the SENDER (an office manager, an IT vendor) and
 * the RECIPIENT (the porting desk), each with their own phone and fax numbers, a date, a page count and a
 * note — none of it the document's own facts. A first page titled as a fax cover ("FAX", "Facsimile
 * Cover Sheet", "Fax Transmittal") that carries the cover's fields (To / From / Fax / Pages / Re…) is left
 * out when pages follow it.
 */

const COVER_TITLE =
  /^(?:fax|facsimile|telefax|telecopy)(?:\s+(?:cover(?:\s+(?:sheet|page|letter))?|transmittal|transmission|message|sheet|memo|form))?$|^(?:fax|facsimile)?\s*(?:cover\s+(?:sheet|page))$/i;
/** The cover's own fields, as the start of a line: "To:", "From:", "Fax #:", "No. of pages:", "Re:". */
const COVER_FIELD =
  /^(?:to|from|attn|attention|recipient|sender|fax(?:\s*(?:#|no\.?|number))?|phone|tel|voice|pages?|no\.?\s+of\s+pages|number\s+of\s+pages|pages\s*\(.*\)|re|subject|regarding|date|sent|cc|company)\s*:/i;

/** The page's lines as texts, top to bottom. */
function lineTexts(page: PageText): { text: string; top: number }[] {
  return printedWordLines(page).map((line) => ({
    text: line.map((w) => w.text).join(' '),
    top: Math.min(...line.map((w) => w.bbox[1])),
  }));
}

export function isFaxCover(page: PageText): boolean {
  const lines = lineTexts(page);
  const titled = lines.some((l) => l.top < 0.5 * page.height && COVER_TITLE.test(l.text.trim().replace(/[:.]$/, '')));
  if (!titled) return false;
  const fields = new Set(
    lines.flatMap((l) => {
      const m = COVER_FIELD.exec(l.text.trim());
      return m
        ? [
            m[0]
              .toLowerCase()
              .replace(/[\s:#.]+/g, '')
              .slice(0, 4),
          ]
        : [];
    }),
  );
  return fields.size >= 4;
}

/**
 * The pages without a leading fax cover sheet, numbered from 1 again (a bill's first page is where its
 * header and mailing block are looked for), and each page's number as printed; null when there is none
 * or nothing follows it.
 */
export function withoutFaxCover(pages: PageText[]): { pages: PageText[]; printed: number[] } | null {
  if (pages.length < 2) return null;
  const sorted = [...pages].sort((a, b) => a.page - b.page);
  if (!isFaxCover(sorted[0]!)) return null;
  const rest = sorted.slice(1);
  return { pages: rest.map((p, i) => ({ ...p, page: i + 1 })), printed: rest.map((p) => p.page) };
}

/**
 * A document signed through an e-signature service comes back with the service's certificate / audit trail
 * as its last page(s): envelope id and status, the ORIGINATOR (the gaining carrier's rep, with an e-mail
 * and the company's address), every signer's and copied recipient's e-mail, IP address and Sent / Viewed /
 * Signed timestamps, the disclosure's wording. None of it is the document's own facts: the names are the
 * service's recipients, the dates its events, the address the sender's. A page titled so ("Certificate of
 * Completion", "Audit Trail", "Signature Certificate", "Document History") that carries the trail's
 * entries is left out when the signed pages precede it.
 */
const CERTIFICATE_TITLE =
  /^(?:certificate\s+of\s+(?:completion|signature|execution)|(?:signature|signing|completion|audit)\s+certificate|audit\s+(?:trail|log|report)|document\s+(?:history|audit\s+trail)|signing\s+log)\b/i;
/** The trail's entries: its events and the words that record who did what, where and when. */
const CERTIFICATE_ENTRY =
  /\b(?:envelope\s+(?:id|status|originator|sent)|signer\s+events?|recipient|originator|sent:|viewed:|signed:|completed:?|ip\s+address|timestamps?|security\s+level|signature\s+adoption|electronic\s+record\s+and\s+signature\s+disclosure|carbon\s+copy|certified\s+delivered|document\s+pages?|time\s+zone)\b/gi;

export function isSigningCertificate(page: PageText): boolean {
  const lines = lineTexts(page);
  const titled = lines.some(
    (l) => l.top < 0.35 * page.height && CERTIFICATE_TITLE.test(l.text.trim().replace(/^[^A-Za-z]+/, '')),
  );
  if (!titled) return false;
  const entries = new Set(
    lines.flatMap((l) =>
      [...l.text.matchAll(CERTIFICATE_ENTRY)].map((m) => m[0].toLowerCase().replace(/\W+/g, ' ').trim()),
    ),
  );
  return entries.size >= 4;
}

/** The pages without the e-signature certificate pages that close them; null when there are none or nothing precedes them. */
export function withoutSigningCertificate(pages: PageText[]): PageText[] | null {
  if (pages.length < 2) return null;
  const sorted = [...pages].sort((a, b) => a.page - b.page);
  // (only the closing run: the pages before keep their numbers)
  let n = sorted.length;
  while (n > 1 && isSigningCertificate(sorted[n - 1]!)) n--;
  return n < sorted.length ? sorted.slice(0, n) : null;
}

/** Evidence read off renumbered pages, back on the pages as printed. */
export function pagesBack<T>(value: T, printed: readonly number[]): T {
  return mapEvidence(value, ({ page, bbox }) => ({ page: printed[page - 1] ?? page, bbox }));
}
