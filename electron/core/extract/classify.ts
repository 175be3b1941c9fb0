import type { DocumentKind, PageText } from '../../../shared/domain/document.js';
import { fold } from './text.js';

/**
 * What a document is, from its words. Phrases in the title zone (top of page 1 or large print) count
 * double: an LOA mentions "Customer Service Record" in its fine print, a CSR its "bill".
 */
const SIGNALS: Record<Exclude<DocumentKind, 'other'>, [RegExp, number][]> = {
  loa: [
    [/\bletter of (authori[sz]ation|agency)\b/g, 6],
    [/\bloa\b/g, 2],
    [/\bauthori[sz](e|es|ed|ing|ation)\b/g, 1],
    [/\bport(ed|ing)?\b/g, 0.7],
    [/\bnumbers? (not )?to (be )?port(ed)?\b/g, 3],
    [/\b(current|losing|existing) (carrier|provider|service provider)\b/g, 1.5],
    [/\bsignature\b/g, 1.5],
    [/\bauthori[sz]ed (signer|person|signature|by)\b/g, 2],
    [/\bi, [a-z]/g, 1],
    [/\bpasscode|\bpin\b/g, 0.7],
  ],
  invoice: [
    [/\binvoice\b/g, 3],
    [/\b(amount|total|balance) due\b/g, 3],
    [/\b(due date|payment due|due by|pay by)\b/g, 2],
    [/\bprevious balance\b/g, 2],
    [/\bcurrent charges\b/g, 2],
    [/\bremit\b/g, 2],
    [/\b(bill|statement|invoice) date\b/g, 2],
    [/\bstatement\b/g, 1],
    [/\$\s?\d[\d,]*\.\d{2}/g, 0.25],
    [/\btaxes|surcharges?\b/g, 1],
    [/\bpayment(s)? (received|enclosed)|amount enclosed\b/g, 2],
    [/\bbilling period|service period|bill period\b/g, 1.5],
  ],
  csr: [
    [/\bcustomer service record\b/g, 7],
    [/\bcsr\b/g, 3],
    [/\bworking (telephone )?numbers?\b|\bwtns?\b/g, 2],
    [/\bfeatures?\b/g, 0.7],
    [/\blisted name\b|\blisting\b/g, 1.5],
    [/\busoc\b/g, 2],
    [/\bservice and equipment\b/g, 2],
    [/\baccount status\b/g, 1],
    [/\bhunt(ing)? group\b/g, 0.7],
    [/\baccount service record\b/g, 6],
    [/\bcustomer since\b/g, 1],
    [/\b(account|customer) (record|profile)\b/g, 3.5],
    [/\blines? on (the |this )?account\b|\bnumbers on (the |this )?account\b/g, 2],
    [/\b(btn|wtn|ln|sa|ba)\b/g, 0.4],
  ],
};

export interface Classification {
  kind: DocumentKind;
  confidence: number;
  scores: Record<DocumentKind, number>;
}

export function classifyDocument(pages: PageText[]): Classification {
  const scores: Record<DocumentKind, number> = { loa: 0, invoice: 0, csr: 0, other: 0 };
  const sorted = [...pages].sort((a, b) => a.page - b.page);
  const heights = sorted.flatMap((p) => p.words.map((w) => w.bbox[3] - w.bbox[1])).sort((a, b) => a - b);
  const medianH = heights[Math.floor(heights.length / 2)] ?? 10;
  let body = '';
  let title = '';
  for (const p of sorted) {
    for (const w of p.words) {
      // the title zone: large print (headers, titles), not the fine print that happens to sit at the top
      if (w.bbox[3] - w.bbox[1] >= 1.25 * medianH) title += ` ${w.text}`;
      body += ` ${w.text}`;
    }
  }
  const norm = (s: string) =>
    fold(s)
      .toLowerCase()
      .replace(/[^a-z0-9$,.&\s]/g, ' ')
      .replace(/\s+/g, ' ');
  const b = norm(body),
    t = norm(title);
  for (const kind of ['loa', 'invoice', 'csr'] as const) {
    for (const [re, w] of SIGNALS[kind]) {
      const nb = Math.min(4, (b.match(re) ?? []).length);
      const nt = Math.min(2, (t.match(re) ?? []).length);
      scores[kind] += w * (nb + nt);
    }
  }
  const ranked = (['loa', 'invoice', 'csr'] as const).map((k) => [k, scores[k]] as const).sort((x, y) => y[1] - x[1]);
  const [top, second] = ranked;
  if (!top || top[1] < 4) return { kind: 'other', confidence: top ? Math.max(0.3, 1 - top[1] / 4) : 0.9, scores };
  const margin = top[1] / (top[1] + (second?.[1] ?? 0));
  return { kind: top[0], confidence: Math.round(Math.min(0.99, 0.35 + 0.65 * margin) * 100) / 100, scores };
}
