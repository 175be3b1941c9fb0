/** Numbers: the numbers to port against the account, the LOA and the split orders; BTN and partial port. */
import {
  CompareInput,
  type FieldComparison,
  type NumbersReport,
  type PredictedRejection,
  type ReviewCheck,
  type Verdict,
} from '../../../shared/domain/comparison.js';
import { rejectionOf, reviewedRejection } from '../../../shared/domain/fields.js';
import { type AddressParts, compareAddresses, formatAddress, parseAddress } from '../../../shared/normalize/address.js';
import {
  Collector,
  type DocSrc,
  type Docs,
  SOURCE_LABEL,
  type Src,
  type Val,
  candidate,
  ev,
  evidenceOf,
  fromDoc,
  toE164,
} from './run.js';
import { type Finder, withRanges } from './finder.js';
import { digitsOfToks, ocrKey } from './evidence.js';
import { CAPITAL_DIGIT_LOOKALIKES, DIGIT_LOOKALIKES } from '../../../shared/normalize/ocr-confusions.js';
import { businessNameWords } from '../../../shared/normalize/names.js';

function oneDigitApart(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i] && ++diff > 1) return false;
  return diff === 1;
}

export function e164List(raw: string[]): { ok: string[]; invalid: string[] } {
  const ok: string[] = [];
  const invalid: string[] = [];
  for (const r of raw) {
    const e = toE164(r);
    if (e) {
      if (!ok.includes(e)) ok.push(e);
    } else if (r.trim()) invalid.push(r.trim());
  }
  return { ok, invalid };
}

/**
 * Why "the BTN is ported while numbers stay" may be a reading error rather than the port's shape:
 * the carrier documents disagree on the BTN, the LOA names a staying number as its BTN, the BTN was
 * read unsure, or a staying number is written on the LOA after all (in a form the list reader
 * missed). A MAIN_BTN_PORTING asserted from any of these cries wolf.
 */
function mainBtnDoubt(docs: Docs, find: Finder, staying: string[], toPortFromLoa: boolean): string | null {
  const btnOf = (src: DocSrc) => {
    const v = fromDoc(docs, src, 'btn');
    return v ? { e164: toE164(v.value), v } : null;
  };
  const csr = btnOf('csr');
  const invoice = btnOf('invoice');
  const loa = btnOf('loa');
  if (csr?.e164 && invoice?.e164 && csr.e164 !== invoice.e164)
    return `the CSR gives the BTN as ${csr.e164} and the invoice as ${invoice.e164}`;
  if (loa?.e164 && staying.includes(loa.e164)) return `the LOA gives ${loa.e164}, a number that stays, as the BTN`;
  const carrier = csr ?? invoice;
  if (carrier && !find.sure(carrier.v.src, carrier.v.conf))
    return `the ${SOURCE_LABEL[carrier.v.src]}'s BTN was read with low confidence (${Math.round(carrier.v.conf * 100)}%)`;
  const misplaced = carrier?.e164 ? btnNotUnderLabel(find, carrier.v.src as DocSrc, carrier.e164) : null;
  if (misplaced) return misplaced;
  // only when the LOA's own list is what is ported: an order from the case may leave LOA numbers out on purpose
  const written = toPortFromLoa ? staying.filter((n) => find.digitsOn('loa').includes(n.replace(/^\+1/, ''))) : [];
  if (written.length)
    return `${written.join(', ')} ${written.length === 1 ? 'is' : 'are'} written on the LOA, though not read as ${written.length === 1 ? 'a number' : 'numbers'} to port`;
  return null;
}

/**
 * A BTN reading its document does not write under its BTN label (the label holds another number, or
 * none of the reading): read from a fax header, a contact or a support line, not the account's BTN.
 */
function btnNotUnderLabel(find: Finder, src: DocSrc, e164: string): string | null {
  if (!find.known(src) || !find.labelled(src, 'btn')) return null;
  const ten = (toks: Parameters<typeof digitsOfToks>[0]) => digitsOfToks(toks).replace(/^1(?=\d{10}$)/, '');
  const want = e164.replace(/^\+1/, '');
  if (find.scalar('btn', src, (_t, toks) => ten(toks) === want, 4)) return null;
  const other = find.scalar('btn', src, (_t, toks) => ten(toks).length === 10, 4);
  return `the ${SOURCE_LABEL[src]}'s BTN label holds ${other ? `${toE164(other.text) ?? other.text}, not ` : 'no number like '}${e164}, the BTN as read`;
}

type NumberList = Val<string[]>;

/** What every step of the numbers comparison reads: the lists, what is ported and what stays. */
interface NumbersFacts {
  docs: Docs;
  find: Finder;
  toPort: string[];
  toPortSource: NumbersReport['to_port_source'];
  /** where the numbers to port come from, as a checked source */
  toPortFrom: Src[];
  loaList: NumberList | null;
  invList: NumberList | null;
  /** the account's own list: the CSR's, else the invoice's */
  accountVal: NumberList | null;
  account: string[] | null;
  accountSrc: Src | null;
  staying: string[];
  stayingKeep: string[];
  btn: string;
  numEvidence: PredictedRejection['evidence'];
  /** your own company, the gaining carrier the settings name (a number on its line is its own) */
  gaining: string | undefined;
}

/** The field's verdict and reasons as each step adds to them. */
interface NumbersOutcome {
  verdict: Verdict;
  reasons: string[];
}

interface Account {
  numbers: string[];
  btn: string;
  address: AddressParts | null;
}

/** The numbers to port: given with the request, else the case's, else the LOA's (less those it keeps). */
function numbersToPort(
  input: ReturnType<typeof CompareInput.parse>,
  docs: Docs,
  loaParsed: { ok: string[]; invalid: string[] } | null,
): { toPort: string[]; source: NumbersReport['to_port_source']; invalid: string[] } {
  if (input.numbersToPort && input.numbersToPort.length) {
    const p = e164List(input.numbersToPort);
    return { toPort: p.ok, source: 'input', invalid: p.invalid };
  }
  if (input.caseData?.numbers && input.caseData.numbers.length) {
    const p = e164List(input.caseData.numbers);
    return { toPort: p.ok, source: 'case', invalid: p.invalid };
  }
  if (loaParsed && loaParsed.ok.length) {
    // an LOA that lists a number under both headings means "keep it": it is not ported
    const keep = fromDoc(docs, 'loa', 'numbers_not_to_port');
    const keepSet = new Set(keep ? e164List(keep.value).ok : []);
    return { toPort: loaParsed.ok.filter((n) => !keepSet.has(n)), source: 'loa', invalid: loaParsed.invalid };
  }
  return { toPort: [], source: 'none', invalid: [] };
}

/** The main account (CSR, else invoice) and the accounts of the extra CSRs, each with its BTN and address. */
function accountsOf(input: ReturnType<typeof CompareInput.parse>, docs: Docs, account: string[] | null): Account[] {
  const extra = (input.extraCsrs ?? []).map((f) => ({
    numbers: f.phone_numbers ? e164List(f.phone_numbers.value).ok : [],
    btn: f.btn?.value ? (toE164(f.btn.value) ?? f.btn.value) : '',
    address: f.service_address ? parseAddress(f.service_address.value) : null,
  }));
  const b = docs.csr?.btn?.value ?? docs.invoice?.btn?.value;
  const a = docs.csr?.service_address?.value ?? docs.invoice?.service_address?.value;
  const primary = { numbers: account ?? [], btn: b ? (toE164(b) ?? b) : '', address: a ? parseAddress(a) : null };
  return [primary, ...extra];
}

/** The numbers to port grouped by the account they sit on (accounts with one BTN and address join). */
function splitGroups(accounts: Account[], toPort: string[]): NumbersReport['split_groups'] {
  const groups: NumbersReport['split_groups'] = [];
  if (accounts.length < 2) return groups;
  for (const acct of accounts) {
    const mine = toPort.filter((n) => acct.numbers.includes(n));
    if (!mine.length) continue;
    const addr = acct.address ? formatAddress(acct.address) : '';
    const same = groups.find(
      (g) =>
        g.btn === acct.btn &&
        (g.service_address === addr ||
          (acct.address && compareAddresses(parseAddress(g.service_address), acct.address).verdict !== 'mismatch')),
    );
    if (same) same.numbers.push(...mine.filter((n) => !same.numbers.includes(n)));
    else groups.push({ btn: acct.btn, service_address: addr, numbers: mine });
  }
  return groups;
}

/** The last character of a phone number as written (its digits, brackets, dots, dashes). */
const PHONE_END = /[+\d().\s-]$/;

/**
 * A number the LOA writes outside its number lists, though it has them, right after a label of its own
 * that names no numbers to port ("Porting desk: 866-555-0142", "Callback: …"), or after your own company's
 * name on its line (`gaining`, the gaining carrier the settings name: "Telnyx LLC Porting desk (800)
 * 326-4934", a form's footer), or at the end of a sentence's words (proseNumber: "Questions … to our porting
 * team at 888 348 9326."): its reader took another block's number for one to port. A number added to a list
 * stands among the list's numbers, not there.
 */
function besideOtherLabel(find: Finder, e164: string, gaining: string | undefined): boolean {
  const ten = e164.replace(/^\+1/, '');
  if (!find.known('loa') || !find.labelled('loa', 'phone_numbers') || find.number(e164, 'loa')) return false;
  const own = gaining ? ocrKey(businessNameWords(gaining) ?? gaining) : '';
  const at = find.anywhere(
    'loa',
    (text) => {
      // (most of a page's runs of words end with no number: each regex below is the cost of every one)
      if (!PHONE_END.test(text)) return false;
      const m = /[A-Za-z]{2,}\s*:\s*([+\d().\s-]{10,})$/.exec(text);
      if (m) return m[1]!.replace(/\D/g, '').replace(/^1(?=\d{10}$)/, '') === ten;
      if (own.length < 4) return false;
      const named = /^(.*[A-Za-z]{2,}.*?)\s+([+\d().\s-]{10,})$/.exec(text);
      return (
        !!named && ocrKey(named[1]!).includes(own) && named[2]!.replace(/\D/g, '').replace(/^1(?=\d{10}$)/, '') === ten
      );
    },
    8,
  );
  const inProse = at
    ? null
    : find.anywhere('loa', (text) => PHONE_END.test(text) && proseNumber(text) === ten, 8, true);
  const where = at ?? inProse;
  return !!where && !find.labelledInFront('loa', 'to_port', where) && !find.labelledInFront('loa', 'phone_list', where);
}

/**
 * A number the LOA writes once, under its BTN label, while it has lists of numbers to port that do not hold
 * it (a form's "B3. MAIN ACCOUNT NUMBER (BTN)" over its box): the LOA's BTN, which its reader folded into
 * the numbers to port. Whether that BTN is the carrier's is the BTN's own comparison; as a number to port it
 * is a look. A BTN the LOA also lists to port is written there a second time.
 */
function onlyAsLoaBtn(find: Finder, e164: string): boolean {
  const want = e164.replace(/^\+1/, '');
  if (!find.known('loa') || !find.labelled('loa', 'phone_numbers') || find.timesWritten('loa', want) !== 1)
    return false;
  return !!find.scalar('btn', 'loa', (_t, toks) => digitsOfToks(toks).replace(/^1(?=\d{10}$)/, '') === want, 4);
}

/**
 * The ten digits of a number that ends a run of a sentence's words ("… may be directed to the porting team
 * at 888 348 9326."): three lower-case words or more right before it and no digit among the words before —
 * a letter's contact or help line, not a list of numbers (a list's numbers follow each other, a caption or
 * a row's marker). Null for any other text.
 */
function proseNumber(text: string): string | null {
  const m = /^(\D*?)\s*([+(]?\d[\d().\s-]{9,}?)\.?$/.exec(text);
  if (!m) return null;
  const before = m[1]!.trim().split(/\s+/);
  if (before.length < 3 || !before.slice(-3).every((w) => /^[a-z][a-z'’]*$/.test(w))) return null;
  const digits = m[2]!.replace(/\D/g, '').replace(/^1(?=\d{10}$)/, '');
  return digits.length === 10 ? digits : null;
}

/**
 * A number to port that the account document's reader missed, though the carrier's documents answer
 * for it: the account document writes a range of numbers that holds it ("909 421 4500 - 4507"), or the
 * CSR writes it as a number of its own (OCR's lookalikes allowed: "33O5550138") and the invoice — the
 * carrier's other document — lists it too. A number from elsewhere (a foreign one added to the LOA) is
 * on neither carrier document, so it still comes out as not on the account.
 */
function accountShows(find: Finder, on: DocSrc, invList: NumberList | null, n: string): boolean {
  if (!find.known(on)) return false;
  const ten = n.replace(/^\+1/, '');
  if (find.ranges(on).some(([first, last]) => inRange(n, first, last))) return true;
  if (on !== 'csr' || !find.known('invoice')) return false;
  const invoiceLists = (!!invList && e164List(invList.value).ok.includes(n)) || !!find.number(n, 'invoice');
  return invoiceLists && !!find.written('csr', ten, { digits: true });
}

/**
 * Numbers read into the CSR's list of the account's numbers that the carrier's documents do not show as
 * the account's: written outside the CSR's number lists (which hold the numbers to port, so the lists were
 * found), on no invoice at all, neither the account's BTN nor marked to keep — a fax header's, a support
 * or a contact line's number. Counted as staying, they would make a whole port partial and its BTN a
 * ported BTN to check. A number the lists hold, or the invoice shows anywhere, stays on the account.
 */
function straysOffAccount(
  find: Finder,
  docs: Docs,
  account: string[],
  toPort: string[],
  keep: string[],
  invList: NumberList | null,
): string[] {
  if (!docs.csr?.phone_numbers || !invList || !find.known('csr') || !find.known('invoice')) return [];
  if (!toPort.some((t) => find.number(t, 'csr'))) return [];
  const btn = docs.csr.btn?.value ? toE164(docs.csr.btn.value) : null;
  const invoiceNumbers = e164List(invList.value).ok;
  // the account number's digits hold no phone number ("9517 15 658 9466159"), however the invoice spaces them
  const accountDigits = [docs.csr.account_number?.value, docs.invoice?.account_number?.value]
    .map((a) => (a ?? '').replace(/\D/g, ''))
    .filter((d) => d.length > 10);
  const inAccountNumber = (ten: string) => accountDigits.some((d) => d.includes(ten));
  return account.filter(
    (n) =>
      !toPort.includes(n) &&
      !keep.includes(n) &&
      n !== btn &&
      !invoiceNumbers.includes(n) &&
      !find.number(n, 'csr') &&
      (inAccountNumber(n.replace(/^\+1/, '')) || !find.written('invoice', n.replace(/^\+1/, ''), { digits: true })),
  );
}

/**
 * A line's status a carrier's record prints on its row when the number is gone from the account or going
 * ("CANCELLED", "Disconnected May 19", "dis c pending", "ported out", "Not found"): no line that stays.
 */
const GONE_STATUS =
  /\b(?:cancel+ed|disconnect(?:ed)?|dis\s?c(?:onnect)?\s+pending|deactivated|terminated|ported[\s-]*out|port[\s-]*out\s+complete|not\s+found)/i;
/** A column's caption over numbers gone from the account or going ("Disconnected / not on account"). */
const GONE_CAPTION = new RegExp(`${GONE_STATUS.source}|\\bnot\\s+on\\s+(?:the\\s+)?acc(?:oun)?t\\b`, 'i');
/**
 * The letters OCR reads for a digit ("8O4" for 804, "7l5" for 715): the capitals the review folds to it
 * (CAPITAL_DIGIT_LOOKALIKES) and their small forms where those are read as the same digit (o, l, i, s, z;
 * a small b or g is another digit's). The bar is left out: it parts a number's groups here.
 */
const LETTERS_FOR_DIGIT: Readonly<Record<string, string>> = (() => {
  const out: Record<string, string> = {};
  for (const [c, d] of Object.entries(CAPITAL_DIGIT_LOOKALIKES)) {
    if (!/[A-Z]/.test(c)) continue;
    const small = DIGIT_LOOKALIKES[c.toLowerCase()] === d ? c.toLowerCase() : '';
    out[d] = (out[d] ?? d) + c + small;
  }
  return out;
})();
/** Ten digits written as a phone number (its groups parted by spaces, dots, dashes or brackets; OCR's lookalikes). */
const phoneText = (ten: string) =>
  new RegExp(`${[...ten].map((d) => `[${LETTERS_FOR_DIGIT[d] ?? d}]`).join(`[\\s.()'|-]{0,3}`)}(?!\\d)`);
/** Another phone number written after a number's own (a row below it, read on into). */
const ANOTHER_PHONE = /\d{3}[\s.-]{0,2}\d{3}[\s.-]{0,2}\d{4}|\d{3}[\s.-]{0,2}\d{4}\b/;

/**
 * Numbers the account document lists that stay (not ported) whose own printed row says they are gone or
 * going: the status after the number on its line, or on the line below before any other number ("+1 914
 * 549 5338 Dmitri Novak iPhone Pro Performance" over "14 Unl. CANCELLED"). Counted as staying, a
 * cancelled line would make a whole port partial and its BTN a ported BTN to look at.
 */
function goneFromAccount(find: Finder, on: Src | null, staying: string[]): string[] {
  if (!on || on === 'case' || !find.known(on)) return [];
  return staying.filter((n) => {
    const ten = n.replace(/^\+1/, '');
    const own = phoneText(ten);
    // …or the caption over its column ("DISCONNECTED / NOT ON ACCOUNT" over the numbers that left)
    const at = find.written(on as DocSrc, ten, { digits: true });
    if (at && GONE_CAPTION.test(find.captionOver(on as DocSrc, at))) return true;
    return !!find.anywhere(
      on as DocSrc,
      (text) => {
        const m = own.exec(text);
        if (!m || m.index > 4) return false;
        const rest = text.slice(m.index + m[0].length);
        const status = GONE_STATUS.exec(rest);
        return !!status && !ANOTHER_PHONE.test(rest.slice(0, status.index));
      },
      16,
      true,
    );
  });
}

/** A number within a written range's ends (same exchange, its last four digits between theirs). */
function inRange(n: string, first: string, last: string): boolean {
  if (n.length !== first.length || n.slice(0, -4) !== first.slice(0, -4)) return false;
  const at = Number(n.slice(-4));
  return at >= Number(first.slice(-4)) && at <= Number(last.slice(-4));
}

/** Why numbers not read on the account cannot be asserted missing from it (empty: they can). */
function notOnAccountDoubts(f: NumbersFacts, notOnAccount: string[]): string[] {
  const { find, accountVal, accountSrc, invList, loaList, account, toPort } = f;
  const doubts: string[] = [];
  if (!notOnAccount.length) return doubts;
  const invoiceNumbers = accountSrc === 'csr' && invList ? e164List(invList.value).ok : [];
  const onInvoice = notOnAccount.filter(
    (n) => invoiceNumbers.includes(n) || (accountSrc === 'csr' && find.number(n, 'invoice')),
  );
  if (onInvoice.length && accountVal!.conf < 1)
    doubts.push(`the invoice lists ${onInvoice.join(', ')}, the CSR does not`);
  // …or writes them outside its lists ("Telephone239-555-0151" glued to its caption), the CSR's list read
  // unsure: two scans whose readers each missed a number the carrier's pages print (a foreign number added to
  // the LOA is printed on neither)
  const writtenOnInvoice =
    accountSrc === 'csr' && find.known('invoice') && !find.sure('csr', accountVal!.conf)
      ? notOnAccount.filter(
          (n) => !onInvoice.includes(n) && !!find.written('invoice', n.replace(/^\+1/, ''), { digits: true }),
        )
      : [];
  if (writtenOnInvoice.length)
    doubts.push(
      `the invoice writes ${writtenOnInvoice.join(', ')}, and the CSR's number list was read with low confidence (${Math.round(accountVal!.conf * 100)}%)`,
    );
  // written on the account document outside the lists read from it (a list under a label nobody listed?)
  const elsewhere =
    accountSrc && accountSrc !== 'case' && accountVal!.conf < 1
      ? notOnAccount.filter((n) => find.written(accountSrc as DocSrc, n.replace(/^\+1/, ''), { digits: true }))
      : [];
  if (elsewhere.length)
    doubts.push(
      `${elsewhere.join(', ')} ${elsewhere.length === 1 ? 'is' : 'are'} written on the ${SOURCE_LABEL[accountSrc!]}, though not in the numbers read from it`,
    );
  // a low-confidence list is settled by its words (the number is nowhere in the lists) or by the invoice agreeing
  const invoiceAgrees = accountSrc === 'csr' && !!invList && !onInvoice.length;
  const listSearched =
    !!accountSrc &&
    accountSrc !== 'case' &&
    find.known(accountSrc) &&
    find.labelled(accountSrc as DocSrc, 'phone_numbers');
  // (…and a number written nowhere on the carrier's documents, OCR's lookalikes allowed, was not missed by it)
  if (
    accountVal &&
    !find.sure(accountVal.src, accountVal.conf) &&
    !invoiceAgrees &&
    !listSearched &&
    notOnAccount.some((n) => shownByCarrier(f, n))
  )
    doubts.push(
      `the ${SOURCE_LABEL[accountSrc!]}'s number list was read with low confidence (${Math.round(accountVal.conf * 100)}%)`,
    );
  const beside = f.toPortSource === 'loa' ? notOnAccount.filter((n) => besideOtherLabel(find, n, f.gaining)) : [];
  if (beside.length)
    doubts.push(
      `the LOA writes ${beside.join(', ')} only after a label of its own, outside its lists of numbers to port (a porting desk's or a contact's number, read as one to port?)`,
    );
  const btnOnly =
    f.toPortSource === 'loa' ? notOnAccount.filter((n) => !beside.includes(n) && onlyAsLoaBtn(find, n)) : [];
  if (btnOnly.length)
    doubts.push(
      `the LOA writes ${btnOnly.join(', ')} under its BTN label, outside its lists of numbers to port (its BTN, read as one to port?)`,
    );
  // an LOA number one digit away from an account number it does not list may be that number misread
  const misreadOf = (n: string) => account!.find((a) => !toPort.includes(a) && oneDigitApart(a, n));
  const misread = f.toPortSource === 'loa' ? notOnAccount.filter((n) => misreadOf(n)) : [];
  if (misread.length && loaList && !find.sure('loa', loaList.conf))
    doubts.push(`the LOA's number list was read with low confidence (${Math.round(loaList.conf * 100)}%)`);
  return doubts;
}

/** A number the carrier's documents show somewhere: the invoice's list, or written on the CSR or invoice. */
function shownByCarrier(f: NumbersFacts, n: string): boolean {
  const { find, accountSrc, invList } = f;
  const digits = n.replace(/^\+1/, '');
  if (invList && e164List(invList.value).ok.includes(n)) return true;
  return (['csr', 'invoice'] as const).some(
    (d) => (accountSrc === d || d === 'invoice') && find.known(d) && !!find.written(d, digits, { digits: true }),
  );
}

/** Numbers to port that the account does not list: a check when the reading is doubtful, else a rejection. */
function reportNotOnAccount(c: Collector, f: NumbersFacts, out: NumbersOutcome, notOnAccount: string[]): void {
  if (!notOnAccount.length) return;
  const { accountSrc, accountVal, loaList, invList } = f;
  const doubts = notOnAccountDoubts(f, notOnAccount);
  // numbers written nowhere on the carrier's documents are not on the account, whatever doubts the others raise
  const nowhere = doubts.length ? notOnAccount.filter((n) => !shownByCarrier(f, n)) : [];
  const sure =
    nowhere.length && nowhere.length < notOnAccount.length && !notOnAccountDoubts(f, nowhere).length ? nowhere : [];
  if (sure.length) {
    reportNotOnAccount(
      c,
      f,
      out,
      notOnAccount.filter((n) => !sure.includes(n)),
    );
    reportNotOnAccount(c, f, out, sure);
    return;
  }
  if (doubts.length) {
    if (out.verdict !== 'mismatch') out.verdict = 'check';
    out.reasons.push(
      `Could not be confirmed — look at both: ${notOnAccount.join(', ')} not read on the ${SOURCE_LABEL[accountSrc!]}; ${doubts.join('; ')}.`,
    );
    const cands: ReviewCheck['candidates'] = {
      [accountSrc!]: [candidate(accountVal!, (v) => (v as string[]).join(', '))],
    };
    if (loaList) cands.loa = [candidate(loaList, (v) => v.join(', '))];
    if (accountSrc === 'csr' && invList) cands.invoice = [candidate(invList, (v) => v.join(', '))];
    c.check(
      'phone_numbers',
      reviewedRejection('phone_numbers'),
      `${notOnAccount.join(', ')}: ${doubts[0]}.`,
      f.toPortFrom,
      accountSrc,
      cands,
    );
    return;
  }
  out.verdict = 'mismatch';
  out.reasons.push(`Not on the ${SOURCE_LABEL[accountSrc!]}: ${notOnAccount.join(', ')}.`);
  c.predict(
    reviewedRejection('phone_numbers'),
    'blocker',
    `${notOnAccount.join(', ')} ${notOnAccount.length === 1 ? 'is' : 'are'} not on the account (${SOURCE_LABEL[accountSrc!]}).`,
    f.numEvidence,
    'phone_numbers',
    f.toPortFrom,
  );
}

/** What the LOA says against the order (numbers it lacks or excludes), and accounts that need split orders. */
function reportLoaAndSplit(
  c: Collector,
  f: NumbersFacts,
  out: NumbersOutcome,
  notOnLoa: string[],
  conflicting: string[],
  groups: NumbersReport['split_groups'],
): void {
  if (notOnLoa.length) {
    out.verdict = 'mismatch';
    out.reasons.push(`On the order but not on the LOA: ${notOnLoa.join(', ')}.`);
    c.predict(
      rejectionOf('numbers_not_to_port'),
      'blocker',
      `${notOnLoa.join(', ')} ${notOnLoa.length === 1 ? 'is' : 'are'} on the order but not on the signed LOA.`,
      f.numEvidence,
    );
  }
  if (conflicting.length) {
    out.verdict = 'mismatch';
    out.reasons.push(
      `The LOA marks ${conflicting.join(', ')} as NOT to port, but the order ports ${conflicting.length === 1 ? 'it' : 'them'}.`,
    );
    c.predict(
      rejectionOf('numbers_not_to_port'),
      'blocker',
      `The LOA excludes ${conflicting.join(', ')} from the port.`,
      f.numEvidence,
    );
  }
  if (groups.length > 1) {
    out.verdict = 'mismatch';
    out.reasons.push(
      `The numbers sit on ${groups.length} accounts with different BTNs or service addresses: one order per group.`,
    );
    c.predict(
      'PORTING_ORDER_SPLIT_REQUIRED',
      'blocker',
      groups
        .map((g) => `${g.numbers.join(', ')} (BTN ${g.btn || 'unknown'}, ${g.service_address || 'address unknown'})`)
        .join('; '),
      f.numEvidence,
    );
  }
}

/**
 * Why a BTN ported in a partial port may not be one (the whole account may be ported after all),
 * or null when the partial port is sure.
 */
function btnPortedDoubt(f: NumbersFacts): string | null {
  const { find, accountVal, accountSrc, invList, loaList, staying, stayingKeep, toPort, toPortSource } = f;
  // staying numbers that are in the LOA's list after all (missed when read) make the partial port doubtful
  const onLoaAfterAll =
    toPortSource === 'loa' ? staying.filter((n) => !stayingKeep.includes(n) && find.number(n, 'loa')) : [];
  // an account number one digit from a ported one, on an unsure list, may be that number misread
  const phantom =
    accountVal &&
    !find.sure(accountVal.src, accountVal.conf) &&
    staying.some((n) => toPort.some((t) => oneDigitApart(t, n)));
  // staying numbers read from an unsure account list that the invoice does not list either
  const strays =
    accountVal && accountSrc !== 'case' && !find.sure(accountVal.src, accountVal.conf)
      ? staying.filter((n) => {
          const onInvoice =
            accountSrc === 'csr' &&
            !!invList &&
            (e164List(invList.value).ok.includes(n) || !!find.number(n, 'invoice'));
          return accountSrc === 'csr' && !!invList && !onInvoice;
        })
      : [];
  // staying numbers outside the account document's number lists, which hold the ported ones: a fax
  // header, a support, remit or contact line read as a number on the account, however surely read
  const outside =
    accountVal && accountSrc !== 'case' && toPort.some((t) => find.number(t, accountSrc as DocSrc))
      ? staying.filter((n) => !stayingKeep.includes(n) && !find.number(n, accountSrc as DocSrc))
      : [];
  const loaListDoubtful =
    (toPortSource === 'loa' && !!loaList && !find.sure('loa', loaList.conf)) ||
    !!phantom ||
    strays.length > 0 ||
    outside.length > 0;
  const btnDoubt =
    !onLoaAfterAll.length && !loaListDoubtful
      ? mainBtnDoubt(
          f.docs,
          find,
          staying.filter((n) => !stayingKeep.includes(n)),
          toPortSource === 'loa',
        )
      : null;
  if (!onLoaAfterAll.length && !loaListDoubtful && !btnDoubt) return null;
  return btnDoubt
    ? btnDoubt
    : onLoaAfterAll.length
      ? `${onLoaAfterAll.join(', ')} seem to stay on the account, but the LOA's list shows ${onLoaAfterAll.length === 1 ? 'it' : 'them'}`
      : phantom
        ? `the ${SOURCE_LABEL[accountSrc!]}'s number list was read with low confidence (${Math.round(accountVal!.conf * 100)}%) and ${staying.join(', ')} may be a ported number misread`
        : outside.length
          ? `${outside.join(', ')} ${outside.length === 1 ? 'is' : 'are'} not in the ${SOURCE_LABEL[accountSrc!]}'s number list, which holds the ported numbers (a fax header, support or contact line read as a number?)`
          : strays.length
            ? `the ${SOURCE_LABEL[accountSrc!]}'s number list was read with low confidence (${Math.round(accountVal!.conf * 100)}%) and ${strays.join(', ')} ${strays.length === 1 ? 'is' : 'are'} not on the invoice (a support line?)`
            : `the LOA's number list was read with low confidence (${Math.round((loaList?.conf ?? 0) * 100)}%), so ${staying.join(', ')} may be on it`;
}

/**
 * The account's BTN only guessed: every carrier document that gives one read it as no label gave it, where
 * the review finds no BTN label on that document (the extractor's pick of the numbers it lists). "The BTN is
 * ported while numbers stay" then rests on a number nobody called the BTN: no look is asked of it (the
 * partial port itself is still a warning).
 */
function btnOnlyGuessed(f: NumbersFacts): boolean {
  const read = (['csr', 'invoice'] as const).map((src) => fromDoc(f.docs, src, 'btn')).filter((v) => !!v);
  return (
    read.length > 0 &&
    read.every((v) => v.found?.source === 'layout' && f.find.known(v.src) && !f.find.labelled(v.src as DocSrc, 'btn'))
  );
}

/** A partial port is a warning; its BTN ported while numbers stay is a rejection, or a check when doubtful. */
function reportPartialPort(c: Collector, f: NumbersFacts, out: NumbersOutcome, btnPorted: boolean): void {
  const { staying, stayingKeep, accountSrc, accountVal, loaList } = f;
  const undecided = staying.filter((n) => !stayingKeep.includes(n));
  out.reasons.push(
    `Partial port: ${staying.length} number(s) on the account stay with the losing carrier (${staying.join(', ')})${undecided.length ? `; decide keep or disconnect for ${undecided.join(', ')}` : '; the LOA marks them as not to port'}.`,
  );
  if (out.verdict === 'match') out.verdict = 'info';
  c.predict(
    'PORT_TYPE_INCORRECT',
    'warning',
    `Partial port: ${staying.join(', ')} stay on the account. Submit as a partial port and say what happens to each remaining number.`,
    f.numEvidence,
  );
  if (!btnPorted) return;
  if (btnOnlyGuessed(f)) {
    out.reasons.push(
      `Whether the BTN is among the ported numbers is not known: no carrier document names its BTN (${f.btn} is a number they list, taken for it as a guess).`,
    );
    return;
  }
  const why = btnPortedDoubt(f);
  if (why) {
    if (out.verdict === 'info') out.verdict = 'check';
    out.reasons.push(
      `The BTN ${f.btn} is ported while other numbers seem to stay, but ${why}: look whether the whole account is ported.`,
    );
    c.check('phone_numbers', 'MAIN_BTN_PORTING', `${why[0]!.toUpperCase()}${why.slice(1)}.`, ['loa'], accountSrc, {
      ...(loaList ? { loa: [candidate(loaList, (v) => v.join(', '))] } : {}),
      ...(accountVal ? { [accountSrc!]: [candidate(accountVal, (v) => (v as string[]).join(', '))] } : {}),
    });
    return;
  }
  out.verdict = 'mismatch';
  out.reasons.push(
    `The account's BTN ${f.btn} is being ported while other numbers stay: the remaining numbers need a new BTN.`,
  );
  c.predict(
    'MAIN_BTN_PORTING',
    'blocker',
    `BTN ${f.btn} is ported in a partial port; ${staying.length} number(s) stay and need a new BTN.`,
    f.numEvidence,
    'phone_numbers',
    f.toPortFrom,
  );
}

/** The verdict before any difference: nothing to port, nothing to check against, or checked. */
function numbersBaseline(f: NumbersFacts): NumbersOutcome {
  const { toPort, account, accountSrc } = f;
  if (!toPort.length)
    return {
      verdict: account ? 'missing' : 'not_checked',
      reasons: [
        account
          ? `No numbers to port are given (no LOA list, no case numbers); the ${SOURCE_LABEL[accountSrc!]} lists ${account.length}.`
          : 'No numbers to port and no CSR or invoice list to check them against.',
      ],
    };
  if (!account)
    return {
      verdict: 'not_checked',
      reasons: [
        `${toPort.length} number(s) to port; no CSR or invoice lists the account's numbers, so they cannot be checked.`,
      ],
    };
  return {
    verdict: 'match',
    reasons: [
      `${toPort.length} number(s) to port, checked against the ${SOURCE_LABEL[accountSrc!]} (${account.length} on the account).`,
    ],
  };
}

/** Each list as read and as E.164 (the LOA's with its "through" ranges spelt out). */
function numberListsShown(
  lists: (NumberList | null)[],
  loaParsed: { ok: string[] } | null,
  caseNumbers: string[] | undefined,
): Pick<FieldComparison, 'values' | 'normalized'> {
  const values: FieldComparison['values'] = {};
  const normalized: FieldComparison['normalized'] = {};
  for (const v of lists) {
    if (v) {
      values[v.src] = v.value.join(', ');
      normalized[v.src] = (v.src === 'loa' && loaParsed ? loaParsed.ok : e164List(v.value).ok).join(', ');
    }
  }
  if (caseNumbers?.length) {
    values.case = caseNumbers.join(', ');
    normalized.case = e164List(caseNumbers).ok.join(', ');
  }
  return { values, normalized };
}

export function compareNumbers(
  c: Collector,
  input: ReturnType<typeof CompareInput.parse>,
  docs: Docs,
  find: Finder,
): { field: FieldComparison; report: NumbersReport } {
  const loaList = fromDoc(docs, 'loa', 'phone_numbers');
  const loaParsed = loaList ? withRanges(e164List(loaList.value), find.ranges('loa')) : null;
  const { toPort, source: toPortSource, invalid } = numbersToPort(input, docs, loaParsed);
  const csrList = fromDoc(docs, 'csr', 'phone_numbers');
  const invList = fromDoc(docs, 'invoice', 'phone_numbers');
  const accountVal = csrList ?? invList;
  const accountSrc = accountVal?.src ?? null;
  const keepList = fromDoc(docs, 'loa', 'numbers_not_to_port');
  const keepParsed = keepList ? e164List(keepList.value).ok : [];
  const accountRead = accountVal ? e164List(accountVal.value).ok : null;
  const strays = accountRead ? straysOffAccount(find, docs, accountRead, toPort, keepParsed, invList) : [];
  const gone = accountRead
    ? goneFromAccount(
        find,
        accountSrc,
        accountRead.filter((n) => !toPort.includes(n) && !strays.includes(n) && !keepParsed.includes(n)),
      )
    : [];
  const account = accountRead ? accountRead.filter((n) => !strays.includes(n) && !gone.includes(n)) : null;

  const { values, normalized } = numberListsShown([loaList, invList, csrList], loaParsed, input.caseData?.numbers);
  const evidence = ev([loaList, invList, csrList]);

  // numbers on other accounts (extra CSRs) → split orders
  const allAccounts = accountsOf(input, docs, account);
  const onAny = new Set(allAccounts.flatMap((a) => a.numbers));
  // guided verification: a number the reader missed may still be in the account document's lists
  const foundOnAccount =
    account && accountSrc && accountSrc !== 'case'
      ? toPort.filter((n) => !onAny.has(n) && find.number(n, accountSrc as DocSrc))
      : [];
  const shownOnAccount =
    account && accountSrc && accountSrc !== 'case'
      ? toPort.filter(
          (n) => !onAny.has(n) && !foundOnAccount.includes(n) && accountShows(find, accountSrc as DocSrc, invList, n),
        )
      : [];
  const notOnAccount = account
    ? toPort.filter((n) => !onAny.has(n) && !foundOnAccount.includes(n) && !shownOnAccount.includes(n))
    : [];
  const notOnLoa = toPortSource !== 'loa' && loaParsed ? toPort.filter((n) => !loaParsed.ok.includes(n)) : [];
  const conflicting = toPort.filter((n) => keepParsed.includes(n));
  const staying = account ? account.filter((n) => !toPort.includes(n)) : [];
  const btn = allAccounts[0]!.btn;
  const partial = toPort.length > 0 && staying.length > 0;
  const btnPorted = partial && !!btn && toPort.includes(btn);
  const groups = splitGroups(allAccounts, toPort);
  const facts: NumbersFacts = {
    docs,
    find,
    toPort,
    toPortSource,
    toPortFrom: toPortSource === 'loa' ? ['loa'] : ['case'],
    loaList,
    invList,
    accountVal,
    account,
    accountSrc,
    staying,
    stayingKeep: staying.filter((n) => keepParsed.includes(n)),
    btn,
    numEvidence: evidenceOf([csrList ?? invList, loaList], (v) => (v as string[]).join(', ')),
    gaining: input.gainingCarrier,
  };

  const out = numbersBaseline(facts);
  if (foundOnAccount.length)
    out.reasons.push(
      `${foundOnAccount.join(', ')} found in the ${SOURCE_LABEL[accountSrc!]}'s number list (missed when it was read).`,
    );
  if (strays.length)
    out.reasons.push(
      `${strays.join(', ')} ${strays.length === 1 ? 'was' : 'were'} read from the CSR outside its number list, which holds the ported numbers, and the invoice shows ${strays.length === 1 ? 'it' : 'them'} nowhere: not counted as on the account (a fax header, support or contact line).`,
    );
  if (gone.length)
    out.reasons.push(
      `${gone.join(', ')} ${gone.length === 1 ? 'is' : 'are'} listed on the ${SOURCE_LABEL[accountSrc!]} with a status that says ${gone.length === 1 ? 'it is' : 'they are'} cancelled, disconnected or ported out: not counted as staying on the account.`,
    );
  if (shownOnAccount.length)
    out.reasons.push(
      `${shownOnAccount.join(', ')} ${shownOnAccount.length === 1 ? 'is' : 'are'} on the account, though not read in the ${SOURCE_LABEL[accountSrc!]}'s list: ${accountSrc === 'csr' ? 'the CSR writes and the invoice lists them, or ' : ''}the ${SOURCE_LABEL[accountSrc!]} writes a range that holds them.`,
    );
  reportNotOnAccount(c, facts, out, notOnAccount);
  reportLoaAndSplit(c, facts, out, notOnLoa, conflicting, groups);
  if (partial) reportPartialPort(c, facts, out, btnPorted);
  if (invalid.length) out.reasons.push(`Could not read as phone numbers: ${invalid.join(', ')}.`);
  const field = c.field({
    field: 'phone_numbers',
    verdict: out.verdict,
    values,
    normalized,
    reference: accountSrc,
    evidence,
    reason: out.reasons.join(' '),
  });
  return {
    field,
    report: {
      to_port: toPort,
      to_port_source: toPortSource,
      on_account: account,
      not_on_account: notOnAccount,
      not_on_loa: [...notOnLoa, ...conflicting],
      staying,
      staying_marked_keep: facts.stayingKeep,
      partial_port: partial,
      btn_ported_in_partial: btnPorted,
      invalid,
      split_groups: groups.length > 1 ? groups : [],
    },
  };
}
