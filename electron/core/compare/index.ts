/**
 * compareCase: every field of a port compared across LOA, invoice, CSR and the case, the rejections
 * the losing carrier would return, the pre-submit checklist and the reseller notice. Pure and
 * synchronous (no I/O), so the review screen can re-run it on every keystroke.
 *
 * Authority: the CSR, then the invoice, are the carrier's records ("reference"); the LOA and the
 * case data are what we check. The invoice's billing address is never used as a service address.
 *
 * Equivalent names (same words, different form) are reported as field verdict "equivalent" with the
 * CSR's exact string in `proposed`, and as a warning-level ENTITY_NAME_MISMATCH / AUTH_PERSON_MISMATCH
 * in `risks` — never in `predicted_rejections`, which holds only what the carrier would reject.
 */
import { type ExtractedFields } from '../../../shared/domain/document.js';
import {
  type CarrierEntry,
  type ChecklistItem,
  CompareInput,
  type ComparedField,
  type ComparisonResult,
  type FieldComparison,
  type NumbersReport,
  type PredictedRejection,
  type ResellerNotice,
  type ReviewCheck,
  type Verdict,
} from '../../../shared/domain/comparison.js';
import { rejectionOf, reviewedRejection } from '../../../shared/domain/fields.js';
import { type AddressParts, compareAddresses, formatAddress, parseAddress } from '../../../shared/normalize/address.js';
import { compareAccountNumbers, maskPin, normalizePin } from '../../../shared/normalize/account.js';
import { compareEntityNames, normalizeBusinessName } from '../../../shared/normalize/names.js';
import { carrierInfo, preSubmitChecklist, resellerQuestion } from './carriers.js';
import { type Found, digitsOfToks } from './evidence.js';
import {
  Collector,
  type DocSrc,
  type Docs,
  SOURCE_LABEL,
  type Src,
  type Val,
  candidate,
  caseVal,
  daysBetween,
  ev,
  evidenceOf,
  fromDoc,
  toE164,
  worst,
} from './run.js';
import { type Finder, finder, withRanges } from './finder.js';
import { CONTRARY_MIN } from './scalar.js';
import { caseServiceAddress, compareServiceAddress } from './address.js';
import { compareIdentity, guidedBy, warnAccountNumberRules } from './identity.js';

export { explainCode, rejectionCodes } from './rejections.js';

export { carrierInfo, carriers } from './carriers.js';
export { CERTAIN, CERTAIN_OCR, resetNumberCache, sayOnce } from './run.js';

function oneDigitApart(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i] && ++diff > 1) return false;
  return diff === 1;
}

function e164List(raw: string[]): { ok: string[]; invalid: string[] } {
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
  // only when the LOA's own list is what is ported: an order from the case may leave LOA numbers out on purpose
  const written = toPortFromLoa ? staying.filter((n) => find.digitsOn('loa').includes(n.replace(/^\+1/, ''))) : [];
  if (written.length)
    return `${written.join(', ')} ${written.length === 1 ? 'is' : 'are'} written on the LOA, though not read as ${written.length === 1 ? 'a number' : 'numbers'} to port`;
  return null;
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
  if (accountVal && !find.sure(accountVal.src, accountVal.conf) && !invoiceAgrees && !listSearched)
    doubts.push(
      `the ${SOURCE_LABEL[accountSrc!]}'s number list was read with low confidence (${Math.round(accountVal.conf * 100)}%)`,
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
  // staying numbers read from an unsure account list that the invoice does not list either, or that
  // are not in the account document's number lists (a support or remit line read as a number)
  const strays =
    accountVal && accountSrc !== 'case' && !find.sure(accountVal.src, accountVal.conf)
      ? staying.filter((n) => {
          const inLists = find.number(n, accountSrc as DocSrc);
          const onInvoice =
            accountSrc === 'csr' &&
            !!invList &&
            (e164List(invList.value).ok.includes(n) || !!find.number(n, 'invoice'));
          return (
            (accountSrc === 'csr' && !!invList && !onInvoice) ||
            (!inLists && toPort.some((t) => find.number(t, accountSrc as DocSrc)))
          );
        })
      : [];
  const loaListDoubtful =
    (toPortSource === 'loa' && !!loaList && !find.sure('loa', loaList.conf)) || !!phantom || strays.length > 0;
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
        : strays.length
          ? `the ${SOURCE_LABEL[accountSrc!]}'s number list was read with low confidence (${Math.round(accountVal!.conf * 100)}%) and ${strays.join(', ')} ${strays.length === 1 ? 'is' : 'are'} neither on the invoice nor clearly in its number list (a support line?)`
          : `the LOA's number list was read with low confidence (${Math.round((loaList?.conf ?? 0) * 100)}%), so ${staying.join(', ')} may be on it`;
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

function compareNumbers(
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
  const account = accountVal ? e164List(accountVal.value).ok : null;
  const accountSrc = accountVal?.src ?? null;

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
  const notOnAccount = account ? toPort.filter((n) => !onAny.has(n) && !foundOnAccount.includes(n)) : [];
  const notOnLoa = toPortSource !== 'loa' && loaParsed ? toPort.filter((n) => !loaParsed.ok.includes(n)) : [];
  const keepList = fromDoc(docs, 'loa', 'numbers_not_to_port');
  const keepParsed = keepList ? e164List(keepList.value).ok : [];
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
  };

  const out = numbersBaseline(facts);
  if (foundOnAccount.length)
    out.reasons.push(
      `${foundOnAccount.join(', ')} found in the ${SOURCE_LABEL[accountSrc!]}'s number list (missed when it was read).`,
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

// ---------------------------------------------------------------------------------------------
// Dates and signature

function compareDocDate(
  c: Collector,
  field: 'invoice_date' | 'loa_date',
  doc: ExtractedFields | undefined,
  asOf: string,
  maxAge: number,
  find: Finder,
): FieldComparison {
  const src: Src = field === 'invoice_date' ? 'invoice' : 'loa';
  const noun = field === 'invoice_date' ? 'invoice' : 'LOA';
  if (!doc) {
    return c.field({
      field,
      verdict: 'not_checked',
      values: {},
      normalized: {},
      reference: null,
      evidence: {},
      reason: `No ${noun} was given.`,
    });
  }
  const d = doc.document_date;
  if (!d || !d.value) {
    return c.field({
      field,
      verdict: 'not_checked',
      values: {},
      normalized: {},
      reference: null,
      evidence: {},
      reason: `No date found on the ${noun}; check it by hand (limit ${maxAge} days).`,
    });
  }
  const values = { [src]: d.value };
  const evidence = { [src]: { page: d.page, bbox: d.bbox } };
  const age = daysBetween(d.value, asOf);
  if (age === null) {
    return c.field({
      field,
      verdict: 'not_checked',
      values,
      normalized: {},
      reference: null,
      evidence,
      reason: `The ${noun} date "${d.value}" could not be read as a date.`,
    });
  }
  // a date under a weak "Date" label scores low on a text layer too: only OCR'd or very unsure dates are doubted
  const dateSure = find.known(src)
    ? find.sure(src, d.confidence) || (!find.ocr(src) && d.confidence >= 0.5)
    : d.confidence >= 0.5;
  if (age > maxAge && !dateSure) {
    const code = reviewedRejection(field);
    c.check(
      field,
      code,
      `The ${noun} date was read as ${d.value} with low confidence (${Math.round(d.confidence * 100)}%); at ${age} days it would be over the ${maxAge}-day limit.`,
      [src],
      null,
      { [src]: [{ value: d.value, page: d.page, bbox: d.bbox, confidence: d.confidence }] },
    );
    return c.field({
      field,
      verdict: 'check',
      values,
      normalized: { [src]: d.value },
      reference: null,
      evidence,
      reason: `Could not be confirmed — look at the date: read as ${d.value} (${age} days old, over the ${maxAge}-day limit) with low confidence.`,
    });
  }
  if (age > maxAge) {
    const code = reviewedRejection(field);
    c.predict(code, 'blocker', `The ${noun} is dated ${d.value}, ${age} days before ${asOf} (limit ${maxAge} days).`, {
      [src]: { value: d.value, page: d.page, bbox: d.bbox },
    });
    return c.field({
      field,
      verdict: 'too_old',
      values,
      normalized: { [src]: d.value },
      reference: null,
      evidence,
      reason: `Dated ${d.value}: ${age} days old, over the ${maxAge}-day limit: ask for a ${field === 'invoice_date' ? 'recent invoice' : 'newly signed LOA'}.`,
    });
  }
  if (age < 0) {
    return c.field({
      field,
      verdict: 'info',
      values,
      normalized: { [src]: d.value },
      reference: null,
      evidence,
      reason: `Dated ${d.value}, ${-age} day(s) after ${asOf}: check the date.`,
    });
  }
  return c.field({
    field,
    verdict: 'match',
    values,
    normalized: { [src]: d.value },
    reference: null,
    evidence,
    reason: `Dated ${d.value}: ${age} day(s) old, within the ${maxAge}-day limit.`,
  });
}

function compareSignature(c: Collector, loa: ExtractedFields | undefined, find: Finder): FieldComparison {
  if (!loa) {
    c.predict('LOA_MISSING', 'warning', 'No LOA was given; the port needs one signed by the authorized person.', {});
    return c.field({
      field: 'loa_signature',
      verdict: 'not_checked',
      values: {},
      normalized: {},
      reference: null,
      evidence: {},
      reason: 'No LOA was given.',
    });
  }
  const s = loa.signature_present;
  if (!s)
    return c.field({
      field: 'loa_signature',
      verdict: 'not_checked',
      values: {},
      normalized: {},
      reference: null,
      evidence: {},
      reason: 'Could not tell whether the LOA is signed; check it by hand.',
    });
  const evidence = { loa: { page: s.page, bbox: s.bbox } };
  if (!s.value && !find.sure('loa', s.confidence)) {
    c.check(
      'loa_signature',
      reviewedRejection('loa_signature'),
      'No signature was recognised on the LOA, but the reader was not sure; look at the signature line.',
      ['loa'],
      null,
      { loa: [{ value: 'no signature recognised', page: s.page, bbox: s.bbox, confidence: s.confidence }] },
    );
    return c.field({
      field: 'loa_signature',
      verdict: 'check',
      values: { loa: 'unsigned?' },
      normalized: { loa: 'unsigned' },
      reference: null,
      evidence,
      reason: 'Could not be confirmed — look at the signature line: no signature was recognised.',
    });
  }
  if (!s.value) {
    c.predict(reviewedRejection('loa_signature'), 'blocker', 'The LOA has no signature.', {
      loa: { value: 'unsigned', page: s.page, bbox: s.bbox },
    });
    return c.field({
      field: 'loa_signature',
      verdict: 'mismatch',
      values: { loa: 'unsigned' },
      normalized: { loa: 'unsigned' },
      reference: null,
      evidence,
      reason: 'The LOA is not signed.',
    });
  }
  return c.field({
    field: 'loa_signature',
    verdict: 'match',
    values: { loa: 'signed' },
    normalized: { loa: 'signed' },
    reference: null,
    evidence,
    reason: 'The LOA is signed.',
  });
}

// ---------------------------------------------------------------------------------------------
// PIN

/** A PIN as written under a document's PIN label, OCR's letter lookalikes read as digits. */
function pinLocator(find: Finder, want: string, on: DocSrc): Found | null {
  const key = normalizePin(want);
  if (!key) return null;
  const digitsOnly = /^\d+$/.test(key);
  return find.scalar(
    'pin',
    on,
    (text, toks) => normalizePin(text) === key || (digitsOnly && digitsOfToks(toks) === key),
    3,
  );
}

/**
 * Guided verification of two PINs that seem to differ: each written under the other's PIN label is
 * a misreading (a match); each read under its own label, differing in more than one character (a
 * one-character slip may be OCR's), is a certain difference; anything else is a look at both.
 */
function settlePins(find: Finder, loa: Val<string>, csr: Val<string>): 'match' | 'mismatch' | 'doubt' | 'elsewhere' {
  const a = normalizePin(loa.value);
  const b = normalizePin(csr.value);
  if (a === b) return 'match';
  if ((csr.conf < 1 && pinLocator(find, loa.value, 'csr')) || (loa.conf < 1 && pinLocator(find, csr.value, 'loa')))
    return 'match';
  // the LOA's PIN written elsewhere on the CSR: its reader may have taken another code for the PIN
  const loaPinOnCsr = csr.conf < 1 && a.length >= 4 && !!find.written('csr', a, { digits: /^\d+$/.test(a) });
  if (loaPinOnCsr) return 'elsewhere';
  if (find.sure('loa', loa.conf) && find.sure('csr', csr.conf)) return 'mismatch';
  const ownLabel = (v: Val<string>, on: DocSrc) =>
    v.conf >= 1 || find.sure(on, v.conf) || !!pinLocator(find, v.value, on);
  const slip = a.length === b.length && [...a].filter((ch, i) => ch !== b[i]).length <= 1;
  if (slip) return 'doubt';
  if (ownLabel(loa, 'loa') && ownLabel(csr, 'csr')) return 'mismatch';
  // the LOA's PIN nowhere on the CSR, whose own PIN reading is no scrap: the carrier has another PIN
  const loaPinNowhere = find.known('csr') && a.length >= 4 && !loaPinOnCsr;
  return loaPinNowhere && ownLabel(loa, 'loa') && csr.conf >= CONTRARY_MIN ? 'mismatch' : 'doubt';
}

/**
 * The LOA's PIN when its reader found none but the LOA writes the CSR's PIN (four or more digits
 * standing on their own): the LOA gives it, only unread.
 */
function pinWrittenOnLoa(find: Finder, csr: Val<string>): Val<string> | null {
  const key = normalizePin(csr.value);
  if (key.length < 4 || !/^\d+$/.test(key)) return null;
  const f = find.written('loa', key, { digits: true });
  return f ? { src: 'loa', value: key, page: f.page, bbox: f.bbox, conf: Math.min(f.conf, 0.95) } : null;
}

/**
 * The CSR's PIN when its reader found none: the word under the CSR's own PIN label, if it looks like a
 * PIN (digits, not "None" or "On file"). Only to compare with the LOA's PIN.
 */
function pinUnderCsrLabel(find: Finder): Val<string> | null {
  if (!find.known('csr') || !find.labelled('csr', 'pin')) return null;
  const f = find.scalar('pin', 'csr', (text) => /^[A-Za-z0-9-]{4,12}$/.test(text.trim()) && /\d{3}/.test(text), 1);
  return f ? { src: 'csr', value: f.text.trim(), page: f.page, bbox: f.bbox, conf: f.conf } : null;
}

/** The LOA's PIN against the CSR's: a match, a rejection, or a check when one was read with low confidence. */
function compareLoaPin(
  c: Collector,
  find: Finder,
  loa: Val<string>,
  csr: Val<string>,
  shown: Pick<FieldComparison, 'values' | 'evidence'>,
): FieldComparison {
  const { values, evidence } = shown;
  const settled = settlePins(find, loa, csr);
  if (settled === 'match') {
    return c.field({
      field: 'pin',
      verdict: 'match',
      values,
      normalized: {},
      reference: 'csr',
      evidence,
      reason: "The LOA PIN matches the CSR (found under the other document's PIN label).",
    });
  }
  const same = normalizePin(loa.value) === normalizePin(csr.value);
  if (!same && (settled === 'doubt' || settled === 'elsewhere')) {
    c.check(
      'pin',
      reviewedRejection('pin'),
      settled === 'elsewhere'
        ? "The PINs seem to differ, but the LOA's PIN is written elsewhere on the CSR: its reader may have taken another code for the PIN; compare them on the documents."
        : `The PINs seem to differ, but ${loa.conf < csr.conf ? 'the LOA' : 'the CSR'}'s was read with low confidence; compare them on the documents.`,
      ['loa'],
      'csr',
      {
        loa: [candidate({ ...loa, value: maskPin(loa.value) }, String)],
        csr: [candidate({ ...csr, value: maskPin(csr.value) }, String)],
      },
    );
    return c.field({
      field: 'pin',
      verdict: 'check',
      values,
      normalized: {},
      reference: 'csr',
      evidence,
      reason: 'Could not be confirmed — look at both PINs (one was read with low confidence).',
    });
  }
  if (!same) {
    c.predict(reviewedRejection('pin'), 'blocker', 'The PIN on the LOA differs from the one on the CSR.', {
      loa: { value: maskPin(loa.value), page: loa.page, bbox: loa.bbox },
      csr: { value: maskPin(csr.value), page: csr.page, bbox: csr.bbox },
    });
    return c.field({
      field: 'pin',
      verdict: 'mismatch',
      values,
      normalized: {},
      reference: 'csr',
      evidence,
      reason: 'The LOA PIN differs from the PIN on the CSR.',
    });
  }
  return c.field({
    field: 'pin',
    verdict: 'match',
    values,
    normalized: {},
    reference: 'csr',
    evidence,
    reason: 'The LOA PIN matches the CSR.',
  });
}

function comparePin(
  c: Collector,
  docs: Docs,
  pinSet: boolean | undefined,
  carrier: CarrierEntry | null,
  find: Finder,
): FieldComparison {
  const csrRead = fromDoc(docs, 'csr', 'pin');
  const loa = fromDoc(docs, 'loa', 'pin') ?? (csrRead && docs.loa ? pinWrittenOnLoa(find, csrRead) : null);
  const csr = csrRead ?? (loa ? pinUnderCsrLabel(find) : null);
  const values: FieldComparison['values'] = {};
  if (loa) values.loa = maskPin(loa.value);
  if (csr) values.csr = maskPin(csr.value);
  if (pinSet !== undefined) values.case = pinSet ? 'set' : 'not set';
  const evidence = ev([loa, csr]);
  const have = !!loa || !!pinSet;
  if (csr) {
    if (loa) return compareLoaPin(c, find, loa, csr, { values, evidence });
    if (pinSet) {
      return c.field({
        field: 'pin',
        verdict: 'info',
        values,
        normalized: {},
        reference: 'csr',
        evidence,
        reason:
          'The CSR carries a PIN and the case has one set; compare them on the case screen (PINs are not shown here).',
      });
    }
    c.predict(
      reviewedRejection('pin'),
      'blocker',
      'The CSR shows the account has a PIN, but neither the LOA nor the case gives one.',
      { csr: { value: maskPin(csr.value), page: csr.page, bbox: csr.bbox } },
    );
    return c.field({
      field: 'pin',
      verdict: 'missing',
      values,
      normalized: {},
      reference: 'csr',
      evidence,
      missing_on: docs.loa ? ['loa'] : ['case'],
      reason: 'The account has a PIN (on the CSR) but none is given.',
    });
  }
  const required = carrier?.pin.required;
  if (!have && required === 'yes') {
    c.predict(
      reviewedRejection('pin'),
      'warning',
      `${carrier!.name} requires a carrier-level PIN and none is given. ${carrier!.pin.source}.`,
      {},
    );
  }
  const where = carrier ? ` ${carrier.name}: ${carrier.pin.source}.` : '';
  return c.field({
    field: 'pin',
    verdict: 'info',
    values,
    normalized: {},
    reference: null,
    evidence,
    reason: `Cannot be checked: PINs are never on bills and the CSR shows none. ${have ? 'A PIN is given; confirm it with the losing carrier.' : 'No PIN is given; ask the customer whether the losing carrier requires one.'}${where}`,
  });
}

// ---------------------------------------------------------------------------------------------
// Carrier, reseller notice, checklist

function compareCarrier(c: Collector, docs: Docs, caseData: { losing_carrier?: string | undefined } | undefined) {
  const vals: Partial<Record<Src, Val<string>>> = {};
  for (const s of ['loa', 'invoice', 'csr'] as const) {
    const v = fromDoc(docs, s, 'carrier_name');
    if (v) vals[s] = v;
  }
  const cv = caseVal(caseData?.losing_carrier);
  if (cv) vals.case = cv;
  const values: FieldComparison['values'] = {};
  const normalized: FieldComparison['normalized'] = {};
  const info: Partial<Record<Src, CarrierEntry | null>> = {};
  for (const [s, v] of Object.entries(vals) as [Src, Val<string>][]) {
    values[s] = v.value;
    info[s] = carrierInfo(v.value);
    normalized[s] = info[s]?.name ?? v.value;
  }
  const evidence = ev(Object.values(vals));
  const losingSrc: Src | null = vals.case
    ? 'case'
    : vals.loa
      ? 'loa'
      : vals.invoice
        ? 'invoice'
        : vals.csr
          ? 'csr'
          : null;
  const losing = losingSrc ? { name: vals[losingSrc]!.value, entry: info[losingSrc] ?? null, src: losingSrc } : null;

  const ref = vals.csr ?? vals.invoice ?? null;
  let verdict: Verdict = 'not_checked';
  const reasons: string[] = [];
  let underlyingFromDocs: string | null = null;
  if (!losing) reasons.push('No losing carrier is named on any document or the case.');
  else if (!ref) {
    verdict = 'info';
    reasons.push(
      `Losing carrier: ${losing.entry?.name ?? losing.name} (from the ${SOURCE_LABEL[losing.src]}); no CSR or invoice names the carrier.`,
    );
  } else {
    const verdicts: Verdict[] = [];
    const refInfo = info[ref.src] ?? null;
    for (const s of (['loa', 'case'] as Src[]).filter((x) => vals[x])) {
      const v = vals[s]!;
      const i = info[s] ?? null;
      const sameId = i && refInfo && i.id === refInfo.id;
      const sameName = normalizeBusinessName(v.value).key === normalizeBusinessName(ref.value).key;
      if (sameId || sameName) {
        verdicts.push(v.value.trim() === ref.value.trim() ? 'match' : 'equivalent');
        continue;
      }
      // the CSR comes from the underlying carrier of a reseller: expected
      if (
        i?.reseller &&
        (!refInfo || refInfo.id !== i.id) &&
        (i.underlying_carriers.length === 0 || i.underlying_carriers.some((u) => carrierInfo(u)?.id === refInfo?.id))
      ) {
        verdicts.push('info');
        underlyingFromDocs = refInfo?.name ?? ref.value;
        reasons.push(
          `${SOURCE_LABEL[s]} names the reseller ${i.name}; the ${SOURCE_LABEL[ref.src]} comes from ${underlyingFromDocs}, its underlying carrier.`,
        );
        continue;
      }
      // not a rejection cause (the portability check names the carrier), but worth a look
      verdicts.push('info');
      reasons.push(
        `${SOURCE_LABEL[s]} names ${v.value} but the ${SOURCE_LABEL[ref.src]} is from ${ref.value}: check the documents belong to this port.`,
      );
    }
    verdict = verdicts.length ? worst(verdicts) : 'info';
    if (!reasons.length)
      reasons.push(
        verdict === 'info'
          ? `The ${SOURCE_LABEL[ref.src]} is from ${ref.value}.`
          : `Same carrier: ${refInfo?.name ?? ref.value}.`,
      );
  }
  c.field({
    field: 'losing_carrier',
    verdict,
    values,
    normalized,
    reference: ref?.src ?? null,
    evidence,
    reason: reasons.join(' '),
  });
  return { losing, underlyingFromDocs };
}

function resellerNotice(entry: CarrierEntry, underlyingKnown: string | null): ResellerNotice {
  const under = entry.underlying_carriers.length ? entry.underlying_carriers.join(' or ') : 'an underlying carrier';
  return {
    provider: entry.name,
    underlying_carriers: entry.underlying_carriers,
    underlying_known: underlyingKnown,
    account_number_source: entry.account_number.source,
    pin_source: entry.pin.source,
    requirements: entry.requirements,
    question: resellerQuestion(),
    message:
      `${entry.name} is a reseller: its numbers are on ${under}${underlyingKnown ? ` (here: ${underlyingKnown})` : ''}. The port is authorised by the underlying carrier's records, so the account number and PIN must be the carrier-level ones, not the ${entry.name} login. ${entry.notes}`.trim(),
  };
}

function verdictOf(c: Collector, f: ComparedField): Verdict {
  return c.fields[f]?.verdict ?? 'not_checked';
}

function buildChecklist(
  c: Collector,
  losing: CarrierEntry | null,
  underlyingKnown: string | null,
  hasCsr: boolean,
): ChecklistItem[] {
  const items: ChecklistItem[] = [];
  const good = (v: Verdict) => v === 'match' || v === 'equivalent';
  for (const { id, text } of preSubmitChecklist()) {
    let state: ChecklistItem['state'] = 'unknown';
    let auto = false;
    let note: string | undefined;
    switch (id) {
      case 'underlying_carrier':
        if (losing && !losing.reseller) {
          state = 'done';
          auto = true;
          note = `${losing.name} is not a reseller.`;
        } else if (losing?.reseller && underlyingKnown) {
          state = 'done';
          auto = true;
          note = `Underlying carrier: ${underlyingKnown}.`;
        } else if (losing?.reseller) {
          state = 'open';
          auto = true;
          note = `${losing.name} is a reseller: ask which carrier holds the numbers.`;
        }
        break;
      case 'account_number': {
        const v = verdictOf(c, 'account_number');
        if (hasCsr && good(v)) {
          state = 'done';
          auto = true;
          note = 'Matches the CSR.';
        } else if (v === 'mismatch' || v === 'missing') {
          state = 'open';
          auto = true;
          note = c.fields.account_number?.reason;
        }
        break;
      }
      case 'pin': {
        const v = verdictOf(c, 'pin');
        if (v === 'match') {
          state = 'done';
          auto = true;
          note = 'Matches the CSR.';
        } else if (v === 'mismatch' || v === 'missing') {
          state = 'open';
          auto = true;
          note = c.fields.pin?.reason;
        }
        break;
      }
      case 'authorized_name': {
        const vs = [verdictOf(c, 'account_name'), verdictOf(c, 'authorized_person')];
        if (vs.some((v) => v === 'mismatch' || v === 'missing' || v === 'equivalent')) {
          state = 'open';
          auto = true;
          note = "Not letter for letter the same as the carrier's record: use the proposed exact string.";
        } else if (vs[0] === 'match' && (vs[1] === 'match' || vs[1] === 'not_checked' || vs[1] === 'info')) {
          state = 'done';
          auto = true;
          note =
            vs[1] === 'match'
              ? 'Entity name and authorized person match exactly.'
              : 'Entity name matches exactly (no authorized contact on the carrier record).';
        }
        break;
      }
      case 'service_address': {
        const v = verdictOf(c, 'service_address');
        if (good(v)) {
          state = 'done';
          auto = true;
          note = `Matches the ${c.fields.service_address?.reference === 'csr' ? 'CSR' : 'invoice service address'}.`;
        } else if (v === 'mismatch' || v === 'missing') {
          state = 'open';
          auto = true;
          note = "Use the service address on the carrier's records, not the billing address.";
        }
        break;
      }
      case 'loa_signed': {
        const sig = verdictOf(c, 'loa_signature');
        const date = verdictOf(c, 'loa_date');
        if (sig === 'mismatch' || date === 'mismatch') {
          state = 'open';
          auto = true;
          note = sig === 'mismatch' ? 'The LOA is not signed.' : 'The LOA is too old: get a new signature.';
        } else if (sig === 'match' && (date === 'match' || date === 'info')) {
          state = 'done';
          auto = true;
          note = 'Signed and dated within the limit.';
        }
        break;
      }
    }
    items.push({ id, text, state, auto, ...(note ? { note } : {}) });
  }
  return items;
}

// ---------------------------------------------------------------------------------------------
// The documents as a whole

/**
 * An LOA whose name, account number and numbers belong to no carrier document of the case was
 * probably attached to the wrong case; with no CSR or invoice at all, nothing is the carrier's.
 */
function documentBanners(c: Collector, docs: Docs, report: NumbersReport): void {
  const carrierDocs = (['csr', 'invoice'] as const).map((k) => docs[k]).filter((d): d is ExtractedFields => !!d);
  if (!docs.loa && !carrierDocs.length) {
    // no rejection predicted here means nothing was looked at, not that the case is clean
    c.banners.push({
      kind: 'nothing_checked',
      source: null,
      message:
        'Nothing could be checked: no LOA, invoice or CSR has been read for this case (missing: LOA, invoice, CSR). Attach them on the Documents tab; until then PortDesk cannot predict any rejection.',
    });
  }
  if (docs.loa && !carrierDocs.length) {
    c.banners.push({
      kind: 'no_carrier_record',
      source: null,
      message:
        "No CSR or invoice is attached: the LOA can be checked against the case only, not against the carrier's records.",
    });
  }
  const loa = docs.loa;
  if (loa && carrierDocs.length) {
    let comparable = 0;
    let belongs = 0;
    const weigh = (
      mine: string | undefined,
      theirs: (string | undefined)[],
      same: (a: string, b: string) => boolean,
    ) => {
      const others = theirs.filter((t): t is string => !!t?.trim());
      if (!mine?.trim() || !others.length) return;
      comparable++;
      if (others.some((t) => same(t, mine))) belongs++;
    };
    weigh(
      loa.account_name?.value,
      carrierDocs.map((d) => d.account_name?.value),
      (a, b) => compareEntityNames(a, b).verdict !== 'mismatch',
    );
    weigh(
      loa.account_number?.value,
      carrierDocs.map((d) => d.account_number?.value),
      (a, b) => compareAccountNumbers(a, b).verdict !== 'mismatch',
    );
    const loaNumbers = loa.phone_numbers ? e164List(loa.phone_numbers.value).ok : [];
    if (loaNumbers.length && report.on_account?.length) {
      comparable++;
      if (loaNumbers.some((n) => report.on_account!.includes(n))) belongs++;
    }
    if (comparable >= 2 && belongs === 0) {
      const what = [
        loa.account_name?.value && `"${loa.account_name.value}"`,
        loa.account_number?.value && `account ${loa.account_number.value}`,
      ]
        .filter(Boolean)
        .join(', ');
      c.banners.push({
        kind: 'wrong_document',
        source: 'loa',
        message: `The LOA (${what || 'its name and numbers'}) matches nothing on the ${carrierDocs.length === 2 ? 'CSR or invoice' : docs.csr ? 'CSR' : 'invoice'}: its name, account and numbers belong to no other document of this case. It may be another customer's LOA — check the right one is attached.`,
      });
    }
  }
  if (c.disagreements.length) {
    c.banners.push({
      kind: 'documents_disagree',
      source: 'invoice',
      message: `The invoice and the CSR disagree on the ${c.disagreements.join(', ')}: often a wrong account or an outdated bill. Check both belong to this account.`,
    });
  }
}

export function compareCase(rawInput: CompareInput): ComparisonResult {
  const input = CompareInput.parse(rawInput);
  const limits = {
    invoiceMaxAgeDays: input.limits?.invoiceMaxAgeDays ?? 30,
    loaMaxAgeDays: input.limits?.loaMaxAgeDays ?? 30,
  };
  const docs: Docs = { loa: input.loa, invoice: input.invoice, csr: input.csr };
  const cd = input.caseData;
  const present = new Set<Src>();
  if (input.loa) present.add('loa');
  if (cd) present.add('case');
  const c = new Collector();
  const find = finder(input.pages);

  const { losing, underlyingFromDocs } = compareCarrier(c, docs, cd);
  const losingEntry = losing?.entry ?? null;
  const acct = compareIdentity(c, docs, cd, present, guidedBy(find));
  warnAccountNumberRules(c, acct, losingEntry);
  comparePin(c, docs, cd?.pin_set, losingEntry, find);
  compareServiceAddress(c, docs, caseServiceAddress(cd), present, find);
  const { report } = compareNumbers(c, input, docs, find);
  compareDocDate(c, 'invoice_date', input.invoice, input.asOf, limits.invoiceMaxAgeDays, find);
  compareDocDate(c, 'loa_date', input.loa, input.asOf, limits.loaMaxAgeDays, find);
  if (!input.invoice)
    c.predict('INVOICE_MISSING', 'warning', 'No invoice was given; Telnyx asks for a recent bill with the LOA.', {});
  compareSignature(c, input.loa, find);

  const underlyingKnown = cd?.underlying_carrier?.trim() || underlyingFromDocs;
  const reseller = losingEntry?.reseller ? resellerNotice(losingEntry, underlyingKnown || null) : null;
  const checklist = buildChecklist(c, losingEntry, underlyingKnown || null, !!input.csr);
  documentBanners(c, docs, report);

  const fields = c.fields as Record<ComparedField, FieldComparison>;
  const notChecked = (Object.values(fields) as FieldComparison[])
    .filter((f) => f.verdict === 'not_checked' || (f.field === 'pin' && f.verdict === 'info'))
    .map((f) => f.field);
  const documents = (['loa', 'invoice', 'csr'] as const).filter((d) => !!input[d]) as Src[];
  if (cd) documents.push('case');
  return {
    as_of: input.asOf,
    reference_document: input.csr ? 'csr' : input.invoice ? 'invoice' : null,
    documents,
    fields,
    predicted_rejections: c.blockers,
    checks: c.checks,
    banners: c.banners,
    risks: c.risks,
    not_checked: notChecked,
    checklist,
    carrier: losing
      ? {
          name: losing.entry?.name ?? losing.name,
          id: losing.entry?.id ?? null,
          reseller: !!losing.entry?.reseller,
          from: losing.src,
        }
      : null,
    reseller,
    numbers: report,
    counts: {
      blockers: c.blockers.length,
      warnings: c.risks.length,
      checks: c.checks.length,
      mismatched_fields: (Object.values(fields) as FieldComparison[]).filter(
        (f) => f.verdict === 'mismatch' || f.verdict === 'missing',
      ).length,
    },
  };
}
