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

/** Evidence read off renumbered pages, back on the pages as printed. */
export function pagesBack<T>(value: T, printed: readonly number[]): T {
  return mapEvidence(value, ({ page, bbox }) => ({ page: printed[page - 1] ?? page, bbox }));
}
