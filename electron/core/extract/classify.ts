import type { DocumentKind, PageText } from '../../../shared/domain/document.js';
import { fold, MONTHS } from './text.js';

/**
 * The phrases that name a CSR. In a document that grants an authorisation they are a mention of the
 * other carrier's record ("must match the customer service record of the current carrier"), not
 * what the document is: there only the title's count.
 */
const CSR_NAMES: readonly [RegExp, number][] = [
  [/\bcustomer service record\b/g, 7],
  [/\bcsr\b/g, 3],
  [/\baccount service record\b/g, 6],
  // a record of service, however it is titled ("SVC RECORD", "Service Record Inquiry")
  [/\b(service|svc|serv) record\b/g, 3],
];
const CSR_NAME_RES: ReadonlySet<RegExp> = new Set(CSR_NAMES.map(([re]) => re));

/**
 * A line that is a document's title — what the document is ("LETTER OF AGENCY / AUTHORIZATION", "Customer
 * Service Record"): printed over the first caption, it is never that caption's value.
 */
export function documentTitle(text: string): boolean {
  return /^\W*(?:letter of (?:authori[sz]ation|agency)|(?:customer|account) service record)\b/i.test(text.trim());
}

const MONTH_YEAR = new RegExp(`^(?:${Object.keys(MONTHS).join('|')})\\.?,?\\s+(?:19|20)\\d{2}$`, 'i');

/**
 * A month and its year alone ("November 2024", "Nov. 2024"): the period a heading names ("Statement for
 * November 2024", "Your bill for July 2024"), never a customer's name after a caption of one.
 */
export function monthOfYear(text: string): boolean {
  return MONTH_YEAR.test(text.trim());
}

/**
 * A signature block's heading naming who signs it ("Accepted by Meridian Voice", "Agreed and accepted by:",
 * "Approved by"): set level with the customer's block, it is the other party's, never the customer's name.
 */
export function signingBlockHeading(text: string): boolean {
  return /^\W*(?:(?:agreed|accepted|approved|acknowledged|executed|signed|witnessed)(?:\s+(?:and|&)\s+\w+)?|agreed\s+to)\s+by\b/i.test(
    text,
  );
}

/**
 * What a document is, from its words. Phrases in the title zone (top of page 1 or large print) count
 * double: an LOA mentions "Customer Service Record" in its fine print, a CSR its "bill". What the
 * document does (structuralScores) counts as well, so unseen captions still land.
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
    // what a bill is about whatever its captions: charges, a bill, something due or to pay
    [/\bbill\b/g, 1],
    [/\bcharges?\b/g, 1],
    [/\bdue\b/g, 1],
    [/\bpay(able|ment)?\b/g, 0.7],
  ],
  csr: [
    ...CSR_NAMES,
    [/\bworking (telephone )?numbers?\b|\bwtns?\b/g, 2],
    [/\bfeatures?\b/g, 0.7],
    [/\blisted name\b|\blisting\b/g, 1.5],
    [/\busoc\b/g, 2],
    [/\bservice and equipment\b/g, 2],
    [/\baccount status\b/g, 1],
    [/\bhunt(ing)? group\b/g, 0.7],
    [/\bcustomer since\b/g, 1],
    [/\b(account|customer) (record|profile)\b/g, 3.5],
    [/\blines? on (the |this )?account\b|\bnumbers on (the |this )?account\b/g, 2],
    [/\b(btn|wtn|ln|sa|ba)\b/g, 0.4],
    // "record as of", "End of record", "1 records"
    [/\brecords?\b/g, 0.6],
    [/\bas of\b/g, 0.8],
    // each line's state: a record lists lines as they stand, a bill charges them, an LOA asks to move them
    [/\b(active|working|disconnected|suspended|cancell?ed|in service|pending disconnect|port(ed)? out)\b/g, 0.6],
    [/\bstatus\b/g, 0.5],
    [/\baccount (overview|summary|details?|verification|information)\b/g, 1],
  ],
};

/**
 * An authorisation being given: a signature (or its place), someone authorising someone to act, an
 * agent appointed, the letter naming itself. Every LOA carries one whatever its labels say; a CSR or a
 * bill that mentions porting or an "authorized contact" gives none ("Sign out" and "Print & Sign" are
 * no signature).
 */
const GRANT =
  /\bsig(nature)?\b|\bsigned\b|\/s\/|\bsign(ing)? (here|below|date)\b|\bdate (of )?sign(ed|ing|ature)?\b|\bsign(er|atory|ee)\b|\bi, [a-z]|\b(i|we)( hereby)? authori[sz]e|\bauthori[sz]es? [^.]{0,60}?\bto (act|port|transfer|move|switch|release|submit|make)\b|\bas (its|our|my|their|the customer.?s?) agent\b|\bappoints?\b|\bletter of (authori[sz]ation|agency)\b|\b(as|porting|port|transfer) authori[sz]ation\b|\bauthori[sz]ation to (port|transfer|move)\b/;

/** A charge: an amount of money ("$79.18"). A bill lists several; a record or an LOA hardly any. */
const MONEY = /\$\s?\d[\d,]*\.\d{2}/g;

/** A North American telephone number in any of the ways documents print one. */
const PHONE = /(?:\+?1[ .-]?)?\(?\b\d{3}\)?[ .-]?\d{3}[ .-]?\d{4}\b/g;

/**
 * What the document does rather than what its labels say: an LOA grants an authorisation, a bill
 * charges money, a CSR lists an account's numbers and does neither. Added to the word signals so a
 * document in unseen wordings still lands (a portal printout of the account's lines, a "Service Record
 * Inquiry" with none of the listed titles). `raw` is the folded, lower-case text with its punctuation.
 */
function structuralScores(raw: string, granted: boolean, scores: Record<DocumentKind, number>): void {
  const charges = (raw.match(MONEY) ?? []).length;
  const phones = new Set((raw.match(PHONE) ?? []).map((p) => p.replace(/\D/g, '').slice(-10))).size;
  if (granted) scores.loa += 4;
  // porting words, a PIN, an authorised contact and no grant: a record or a bill on an LOA's subject
  else scores.loa *= 0.5;
  // a list of charges is a bill by itself, whatever its captions
  if (charges >= 3) scores.invoice += 4;
  else if (charges >= 1) scores.invoice += 1.5;
  // an account's numbers, nothing charged, nothing granted: the record of its service
  if (!granted && charges < 2 && phones >= 1 && /\b(account|acct|acc|ban)\b/.test(raw))
    scores.csr += 2.5 + 0.75 * Math.min(phones - 1, 2);
}

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
  const raw = fold(body).toLowerCase();
  const granted = GRANT.test(raw);
  for (const kind of ['loa', 'invoice', 'csr'] as const) {
    for (const [re, w] of SIGNALS[kind]) {
      const nb = granted && CSR_NAME_RES.has(re) ? 0 : Math.min(4, (b.match(re) ?? []).length);
      const nt = Math.min(2, (t.match(re) ?? []).length);
      scores[kind] += w * (nb + nt);
    }
  }
  structuralScores(raw, granted, scores);
  const ranked = (['loa', 'invoice', 'csr'] as const).map((k) => [k, scores[k]] as const).sort((x, y) => y[1] - x[1]);
  const [top, second] = ranked;
  if (!top || top[1] < 4) return { kind: 'other', confidence: top ? Math.max(0.3, 1 - top[1] / 4) : 0.9, scores };
  const margin = top[1] / (top[1] + (second?.[1] ?? 0));
  return { kind: top[0], confidence: Math.round(Math.min(0.99, 0.35 + 0.65 * margin) * 100) / 100, scores };
}
