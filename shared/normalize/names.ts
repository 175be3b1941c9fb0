/**
 * Entity (business) and person names. Carriers compare names letter for letter, so PortDesk never
 * calls two different strings a "match": same words after case, punctuation, "&"/"and", business
 * suffix spelling and common abbreviations → "equivalent" (a warning that proposes the carrier's
 * exact string); different words → "mismatch".
 *
 * d/b/a: "Acme Holdings LLC dba Joe's Pizza". Carriers hold the account under the legal name; the
 * trade name after d/b/a / t/a is informational. PortDesk therefore compares the LEGAL part (before
 * the d/b/a marker). A document that gives only the trade name where the carrier has the legal name
 * is a mismatch; one that adds or drops the "dba …" tail is equivalent (propose the CSR's string);
 * two different trade names after the same legal name are a mismatch.
 */
import { foldAscii, ordinalWordsToNumbers, squashSpaces } from './text.js';
import { remembered } from './memo.js';

export type NameVerdict = 'match' | 'equivalent' | 'mismatch';

export interface NameComparison {
  verdict: NameVerdict;
  /** one readable sentence */
  reason: string;
  /** the reference's exact string, to copy onto the LOA / order when the verdict is not "match" */
  proposed?: string;
}

/** Legal-form suffixes, canonical form first. Multi-word forms are matched before single words. */
const BUSINESS_SUFFIXES: ReadonlyArray<[string, string[]]> = [
  [
    'LLC',
    [
      'LLC',
      'LIMITED LIABILITY COMPANY',
      'LIMITED LIABILITY CO',
      'LTD LIABILITY CO',
      'LTD LIABILITY COMPANY',
      'L L C',
      'LC',
      'L C',
    ],
  ],
  ['PLLC', ['PLLC', 'P L L C', 'PROFESSIONAL LIMITED LIABILITY COMPANY', 'PROFESSIONAL LLC']],
  ['LLLP', ['LLLP', 'L L L P', 'LIMITED LIABILITY LIMITED PARTNERSHIP']],
  ['LLP', ['LLP', 'L L P', 'LIMITED LIABILITY PARTNERSHIP']],
  ['LP', ['LP', 'L P', 'LIMITED PARTNERSHIP']],
  ['INC', ['INC', 'INCORPORATED', 'INCORP', 'INCORPORATION']],
  ['CORP', ['CORP', 'CORPORATION', 'CORPN', 'CORPORATE']],
  ['CO', ['CO', 'COMPANY', 'COMP', 'CMPY']],
  ['LTD', ['LTD', 'LIMITED', 'LMTD']],
  ['PC', ['PC', 'P C', 'PROFESSIONAL CORPORATION', 'PROF CORP', 'PROFESSIONAL CORP']],
  ['PA', ['PA', 'P A', 'PROFESSIONAL ASSOCIATION', 'PROF ASSN', 'PROF ASSOC']],
  ['PLC', ['PLC', 'P L C', 'PUBLIC LIMITED COMPANY']],
  ['CHTD', ['CHTD', 'CHARTERED']],
  ['NA', ['NA', 'N A', 'NATIONAL ASSOCIATION']],
  ['SC', ['SC', 'S C', 'SERVICE CORPORATION']],
  ['GP', ['GP', 'GENERAL PARTNERSHIP']],
];

/** Single-word spellings of the legal forms ("LLC", "INCORPORATED", "CORP"), for readers that spot a business name by its ending. */
export const LEGAL_FORM_WORDS: readonly string[] = [
  ...new Set(BUSINESS_SUFFIXES.flatMap(([, forms]) => forms).filter((f) => !f.includes(' '))),
];

const SUFFIX_FORMS: ReadonlyArray<[string[], string]> = BUSINESS_SUFFIXES.flatMap(([canon, forms]) =>
  forms.map((f) => [f.split(' '), canon] as [string[], string]),
).sort((a, b) => b[0].length - a[0].length);

/** Words written either way inside business names. Both sides map to the same token. */
const BUSINESS_WORDS: ReadonlyMap<string, string> = new Map(
  Object.entries({
    AND: '&',
    N: '&',
    ASSOCIATES: 'ASSOC',
    ASSOCIATION: 'ASSOC',
    ASSOC: 'ASSOC',
    ASSN: 'ASSOC',
    ASSOCS: 'ASSOC',
    ASSOCIATE: 'ASSOC',
    BROTHERS: 'BROS',
    BROS: 'BROS',
    BRO: 'BROS',
    CENTER: 'CTR',
    CENTRE: 'CTR',
    CTR: 'CTR',
    CNTR: 'CTR',
    INTERNATIONAL: 'INTL',
    INTL: 'INTL',
    INTERNATL: 'INTL',
    MANUFACTURING: 'MFG',
    MFG: 'MFG',
    MANUFACTURERS: 'MFRS',
    MFRS: 'MFRS',
    MANAGEMENT: 'MGMT',
    MGMT: 'MGMT',
    MGT: 'MGMT',
    NATIONAL: 'NATL',
    NATL: 'NATL',
    SERVICE: 'SVC',
    SVC: 'SVC',
    SERV: 'SVC',
    SERVICES: 'SVCS',
    SVCS: 'SVCS',
    SERVS: 'SVCS',
    SYSTEMS: 'SYS',
    SYSTEM: 'SYS',
    SYS: 'SYS',
    GROUP: 'GRP',
    GRP: 'GRP',
    HOLDINGS: 'HLDGS',
    HLDGS: 'HLDGS',
    HOLDING: 'HLDG',
    HLDG: 'HLDG',
    ENTERPRISES: 'ENT',
    ENTERPRISE: 'ENT',
    ENTS: 'ENT',
    ENT: 'ENT',
    DEVELOPMENT: 'DEV',
    DEVELOPMENTS: 'DEV',
    DEV: 'DEV',
    DEVEL: 'DEV',
    ENGINEERING: 'ENGR',
    ENGR: 'ENGR',
    ENGG: 'ENGR',
    ENG: 'ENGR',
    UNIVERSITY: 'UNIV',
    UNIV: 'UNIV',
    INSTITUTE: 'INST',
    INST: 'INST',
    MEDICAL: 'MED',
    MED: 'MED',
    PROFESSIONAL: 'PROF',
    PROF: 'PROF',
    PROFL: 'PROF',
    DEPARTMENT: 'DEPT',
    DEPT: 'DEPT',
    TECHNOLOGY: 'TECH',
    TECHNOLOGIES: 'TECH',
    TECH: 'TECH',
    TECHNOL: 'TECH',
    COMMUNICATIONS: 'COMM',
    COMMUNICATION: 'COMM',
    COMMS: 'COMM',
    COMM: 'COMM',
    LABORATORY: 'LAB',
    LAB: 'LAB',
    LABORATORIES: 'LABS',
    LABS: 'LABS',
    MARKETING: 'MKTG',
    MKTG: 'MKTG',
    DISTRIBUTION: 'DIST',
    DISTRIBUTORS: 'DIST',
    DISTRIBUTING: 'DIST',
    DIST: 'DIST',
    DISTR: 'DIST',
    INDUSTRIES: 'IND',
    INDUSTRY: 'IND',
    INDS: 'IND',
    IND: 'IND',
    PRODUCTS: 'PROD',
    PRODUCT: 'PROD',
    PRODS: 'PROD',
    PROD: 'PROD',
    SOLUTIONS: 'SOL',
    SOLUTION: 'SOL',
    SOLNS: 'SOL',
    CONSTRUCTION: 'CONSTR',
    CONSTR: 'CONSTR',
    CONST: 'CONSTR',
    ACCOUNTING: 'ACCTG',
    ACCTG: 'ACCTG',
    INSURANCE: 'INS',
    INS: 'INS',
    HOSPITAL: 'HOSP',
    HOSP: 'HOSP',
    PHARMACY: 'PHARM',
    PHARM: 'PHARM',
    REALTY: 'RLTY',
    RLTY: 'RLTY',
    AUTOMOTIVE: 'AUTO',
    AUTO: 'AUTO',
    CHURCH: 'CH',
    CH: 'CH',
    SAINT: 'ST',
    ST: 'ST',
    MOUNT: 'MT',
    MT: 'MT',
    FORT: 'FT',
    FT: 'FT',
    COMPANY: 'CO',
    CO: 'CO',
    CORPORATION: 'CORP',
    CORP: 'CORP',
    INCORPORATED: 'INC',
    INC: 'INC',
    LIMITED: 'LTD',
    LTD: 'LTD',
    DOCTOR: 'DR',
    DR: 'DR',
  }),
);

/** Words of BUSINESS_WORDS that stand in places' and people's names too ("Saint", "Mount", "Fort", "Doctor", "Brothers"). */
const ALSO_IN_PERSONAL_NAMES = new Set(['SAINT', 'MOUNT', 'FORT', 'DOCTOR', 'BROTHERS', 'CHURCH', 'NATIONAL']);

/**
 * A word only an organisation's name carries, written out ("Communications", "Technologies", "Services"):
 * a name holding one is a business, never a person ("requested by Bluewave Communications").
 */
export function organisationWord(word: string): boolean {
  const w = foldAscii(word)
    .toUpperCase()
    .replace(/[^A-Z]/g, '');
  const short = BUSINESS_WORDS.get(w);
  return short !== undefined && w.length >= 6 && short !== w && !ALSO_IN_PERSONAL_NAMES.has(w);
}

const DBA =
  /(?:^|[\s,(])(?:D\s*\/\s*B\s*\/\s*A|D\s*\.\s*B\s*\.\s*A\s*\.?|D\s+B\s+A|DBA|DOING\s+BUSINESS\s+AS|T\s*\/\s*A|TRADING\s+AS|A\s*\/\s*K\s*\/\s*A|AKA)(?=[\s:,)]|$)/;

/** Upper-case words: accents folded, "&" split off, apostrophes and dots dropped, other punctuation → space. */
function words(text: string): string[] {
  const t = foldAscii(text)
    .toUpperCase()
    .replace(/&/g, ' & ')
    .replace(/\+/g, ' & ')
    .replace(/'/g, '')
    // initials: "L.L.C", "A.B.C." lose their dots; any other dot separates words ("Co.Inc")
    .replace(/\b([A-Z])\.(?=[A-Z]\b)/g, '$1')
    .replace(/\./g, ' ')
    .replace(/[^A-Z0-9&]+/g, ' ');
  return collapseInitials(squashSpaces(t).split(' ').filter(Boolean));
}

/** "L L C" → "LLC", "A B C PLUMBING" → "ABC PLUMBING": initials written with dots or spaces. */
function collapseInitials(toks: string[]): string[] {
  const out: string[] = [];
  let run = '';
  for (const t of toks) {
    if (/^[A-Z]$/.test(t)) {
      run += t;
      continue;
    }
    if (run) out.push(run), (run = '');
    out.push(t);
  }
  if (run) out.push(run);
  return out;
}

export interface NormalizedBusinessName {
  /** trimmed, whitespace-collapsed input */
  exact: string;
  /** the legal part as written (before d/b/a) */
  legal: string;
  /** the trade name after d/b/a, if any */
  dba: string | null;
  /** canonical words of the legal name without its legal-form suffixes */
  tokens: string[];
  /** canonical legal-form suffixes, outermost last ("CO", "INC") */
  suffixes: string[];
  /** comparison key: tokens joined without spaces */
  key: string;
  dbaKey: string | null;
  /** "The Home Depot": the article is ignored for comparison */
  leadingThe: boolean;
}

function stripSuffixes(toks: string[]): { body: string[]; suffixes: string[] } {
  let body = [...toks];
  const suffixes: string[] = [];
  for (;;) {
    let hit = false;
    for (const [form, canon] of SUFFIX_FORMS) {
      if (body.length <= form.length) continue; // the name itself is never all suffix
      const tail = body.slice(body.length - form.length);
      if (tail.every((w, i) => w === form[i]) || (form.length === 1 && tail[0] === form[0])) {
        suffixes.unshift(canon);
        body = body.slice(0, body.length - form.length);
        hit = true;
        break;
      }
    }
    if (!hit) break;
  }
  return { body, suffixes };
}

function businessTokens(text: string): { tokens: string[]; suffixes: string[]; leadingThe: boolean } {
  let toks = ordinalWordsToNumbers(words(text));
  const leadingThe = toks[0] === 'THE' && toks.length > 1;
  if (leadingThe) toks = toks.slice(1);
  const { body, suffixes } = stripSuffixes(toks);
  return { tokens: body.map((w) => BUSINESS_WORDS.get(w) ?? w), suffixes, leadingThe };
}

/**
 * Whether a run of words opens with a legal form ("LLC", "L.L.C.", "Inc.,", "Limited Liability Company"):
 * where a business's name words end. Words after the form (a phone, another column) do not matter.
 */
export function opensWithLegalForm(text: readonly string[]): boolean {
  for (let k = 1; k <= Math.min(4, text.length); k++) {
    // (a stand-in name word before them: a name is never all legal form, and two letters do not join initials)
    const n = businessTokens(`XQ ${text.slice(0, k).join(' ')}`);
    if (n.tokens.length === 1 && n.suffixes.length > 0) return true;
  }
  return false;
}

/**
 * Memoised by the text (bounded): one review normalises the same few names for every pair of sources,
 * every banner and every search of a document's words. Handed out as a copy (callers may keep one).
 */
const businessNameOnce = remembered((raw: string) => businessName(raw), 5_000);
export function normalizeBusinessName(raw: string): NormalizedBusinessName {
  const n = businessNameOnce(raw);
  return { ...n, tokens: [...n.tokens], suffixes: [...n.suffixes] };
}

function businessName(raw: string): NormalizedBusinessName {
  const exact = squashSpaces(raw);
  const upper = foldAscii(exact).toUpperCase();
  const m = DBA.exec(upper);
  const legalRaw = m ? exact.slice(0, m.index).replace(/[\s,(]+$/, '') : exact;
  const dbaRaw = m ? exact.slice(m.index + m[0].length).replace(/^[\s:,]+|[\s)]+$/g, '') : null;
  const legal = businessTokens(legalRaw);
  const dba = dbaRaw ? businessTokens(dbaRaw) : null;
  return {
    exact,
    legal: squashSpaces(legalRaw),
    dba: dbaRaw ? squashSpaces(dbaRaw) : null,
    tokens: legal.tokens,
    suffixes: legal.suffixes,
    key: legal.tokens.join(''),
    dbaKey: dba ? [...dba.tokens, ...dba.suffixes].join('') : null,
    leadingThe: legal.leadingThe,
  };
}

/**
 * A business's name words as its value writes them, its legal form (and a d/b/a) left off: the fewest
 * first words that normalise as the whole name does ("Bayside Chiropractic Center" of "Bayside
 * Chiropractic Center, Inc."). What a page writes of the name when its legal form is written in another
 * form ("Clinic Co." for "Clinic Company") — never the normalised key ("…CTR"), which no page writes.
 * Null when no word is left off.
 */
export function businessNameWords(raw: string): string | null {
  const key = normalizeBusinessName(raw).key;
  const words = squashSpaces(raw).split(' ');
  if (!key) return null;
  for (let n = 1; n < words.length; n++) {
    const head = words
      .slice(0, n)
      .join(' ')
      .replace(/[\s,;:(]+$/, '');
    if (normalizeBusinessName(head).key === key) return head;
  }
  return null;
}

/** Legal forms as one run of letters ("LLC", "INCORPORATED", "CO"), longest first, with their canonical form. */
const GLUED_SUFFIXES: ReadonlyArray<[string, string]> = SUFFIX_FORMS.map(
  ([form, canon]) => [form.join(''), canon] as [string, string],
)
  .filter(([letters]) => /^[A-Z]{2,}$/.test(letters))
  .sort((a, b) => b[0].length - a[0].length);

/**
 * A business name's letters with every space left out, its legal forms apart: the form OCR cannot
 * change by splitting or gluing words ("Prairie W ind BrewingCompany", "HARBORPOINTDENTALLLC",
 * "Harbor Point Dental L LC"). Legal forms are taken off the end of the letters as well as off the
 * words, so a form glued to the word before it or split in two is still the form; what is left must keep
 * three letters (a name is never all legal form).
 */
function spaceless(n: NormalizedBusinessName): { body: string; forms: string[] } {
  let body = words(n.legal).join('');
  const forms: string[] = [];
  const formAtEnd = () =>
    GLUED_SUFFIXES.find(([letters]) => body.length - letters.length >= 3 && body.endsWith(letters));
  for (let f = formAtEnd(); f; f = formAtEnd()) {
    forms.unshift(f[1]);
    body = body.slice(0, -f[0].length);
  }
  return { body, forms };
}

/** Which kinds of form differ between two names that normalise equal. */
function formsDiffer(a: NormalizedBusinessName, b: NormalizedBusinessName): string[] {
  const keepCase = (s: string) => foldAscii(s).replace(/[^A-Za-z0-9&]/g, '');
  const upper = (s: string) => keepCase(s).toUpperCase();
  const marks = (s: string) => s.replace(/[A-Za-z0-9]/g, '').replace(/\s+/g, ' ');
  const out: string[] = [];
  if (upper(a.exact) === upper(b.exact)) {
    if (keepCase(a.exact) !== keepCase(b.exact)) out.push('letter case');
    if (marks(a.exact) !== marks(b.exact)) out.push('punctuation or spacing');
    return out;
  }
  if (
    (keepCase(a.exact) === keepCase(a.exact).toUpperCase()) !==
    (keepCase(b.exact) === keepCase(b.exact).toUpperCase())
  )
    out.push('letter case');
  const rawSuffix = (n: NormalizedBusinessName) => words(n.legal).slice(-1).join(' ');
  if (a.suffixes.length && rawSuffix(a) !== rawSuffix(b))
    out.push(`spelling of the business suffix (${a.suffixes.join(' ')})`);
  out.push('punctuation or abbreviations (& / and, Co / Company…)');
  return out;
}

/**
 * Compare an entity name with the reference (the CSR's account name, else the invoice's).
 * Both strings are shown as written; `proposed` is the reference's exact string.
 */
export function compareEntityNames(reference: string, candidate: string): NameComparison {
  const ref = normalizeBusinessName(reference);
  const cand = normalizeBusinessName(candidate);
  if (ref.exact === cand.exact) return { verdict: 'match', reason: 'Identical, letter for letter.' };
  const proposed = ref.exact;
  const sameSuffixes = ref.suffixes.join(' ') === cand.suffixes.join(' ');
  const suffixSubset =
    ref.suffixes.every((s) => cand.suffixes.includes(s)) || cand.suffixes.every((s) => ref.suffixes.includes(s));

  if (ref.key !== cand.key) {
    // trade name given where the carrier has the legal name (or the reverse)
    if (ref.dbaKey && ref.dbaKey === [...cand.tokens, ...cand.suffixes].join('')) {
      return {
        verdict: 'mismatch',
        proposed,
        reason: `"${cand.exact}" is only the trade name (d/b/a); the carrier holds the account as "${ref.legal}". Use "${ref.exact}".`,
      };
    }
    if (cand.dbaKey && cand.dbaKey === [...ref.tokens, ...ref.suffixes].join('')) {
      return {
        verdict: 'mismatch',
        proposed,
        reason: `The carrier's account name "${ref.exact}" is the trade name given after d/b/a; the legal name "${cand.legal}" is not what the carrier holds. Use "${ref.exact}".`,
      };
    }
    // the same letters once spaces are left out: OCR split or glued the words (or the legal form), the
    // same name read otherwise — never another entity
    const [a, b] = [spaceless(ref), spaceless(cand)];
    const within = (x: string[], y: string[]) => x.every((f) => y.includes(f));
    // (a legal form on one side only is a form left out, as with the words apart: "Group" / "GroupInc")
    if (a.body === b.body && (within(a.forms, b.forms) || within(b.forms, a.forms)))
      return {
        verdict: 'equivalent',
        proposed,
        reason: `"${cand.exact}" has the letters of "${ref.exact}" with words split or run together, as a scan reads them; use the carrier's exact form.`,
      };
    // (the same letters but another legal form, glued on: another entity to a carrier)
    if (a.body === b.body)
      return {
        verdict: 'mismatch',
        proposed,
        reason: `Different legal forms: ${b.forms.join(' ') || 'none'} vs the carrier's ${a.forms.join(' ') || 'none'} ("${cand.exact}" vs "${ref.exact}"); these are different entities to a carrier.`,
      };
    return {
      verdict: 'mismatch',
      proposed,
      reason: `Different names: "${cand.exact}" vs the carrier's "${ref.exact}".`,
    };
  }
  if (!sameSuffixes && !suffixSubset) {
    return {
      verdict: 'mismatch',
      proposed,
      reason: `Different legal forms: ${cand.suffixes.join(' ') || 'none'} vs the carrier's ${ref.suffixes.join(' ')} ("${cand.exact}" vs "${ref.exact}"); these are different entities to a carrier.`,
    };
  }
  if (ref.dbaKey && cand.dbaKey && ref.dbaKey !== cand.dbaKey) {
    return {
      verdict: 'mismatch',
      proposed,
      reason: `Same legal name but different trade names after d/b/a ("${cand.dba}" vs "${ref.dba}").`,
    };
  }
  const notes: string[] = [];
  if (!sameSuffixes) {
    const missing = ref.suffixes.filter((s) => !cand.suffixes.includes(s));
    const extra = cand.suffixes.filter((s) => !ref.suffixes.includes(s));
    if (missing.length) notes.push(`it omits the carrier's "${missing.join(' ')}"`);
    if (extra.length) notes.push(`it adds "${extra.join(' ')}" that the carrier's name does not have`);
  }
  if (ref.leadingThe !== cand.leadingThe)
    notes.push(ref.leadingThe ? 'it omits the leading "The"' : 'it adds a leading "The"');
  if (!!ref.dba !== !!cand.dba)
    notes.push(ref.dba ? `it omits the carrier's "d/b/a ${ref.dba}"` : `it adds "d/b/a ${cand.dba}"`);
  const how = notes.length ? notes.join('; ') : `it differs only in ${formsDiffer(ref, cand).join(', ')}`;
  return {
    verdict: 'equivalent',
    proposed,
    reason: `Same name, but ${how}. Carriers compare letter for letter: use the carrier's exact "${ref.exact}".`,
  };
}

// ---------------------------------------------------------------------------------------------
// Person names

const TITLES = new Set([
  'MR',
  'MRS',
  'MS',
  'MISS',
  'MX',
  'DR',
  'DOCTOR',
  'PROF',
  'PROFESSOR',
  'REV',
  'REVEREND',
  'HON',
  'SIR',
  'MADAM',
  'FR',
  'ATTY',
  'CAPT',
  'SGT',
]);
const GENERATIONS: ReadonlyMap<string, string> = new Map([
  ['JR', 'JR'],
  ['JUNIOR', 'JR'],
  ['SR', 'SR'],
  ['SENIOR', 'SR'],
  ['II', 'II'],
  ['2ND', 'II'],
  ['III', 'III'],
  ['3RD', 'III'],
  ['IV', 'IV'],
  ['4TH', 'IV'],
]);
const CREDENTIALS = new Set([
  'MD',
  'PHD',
  'ESQ',
  'CPA',
  'DDS',
  'DMD',
  'RN',
  'JD',
  'MBA',
  'DVM',
  'PE',
  'CFA',
  'LCSW',
  'NP',
  'PA-C',
  'PAC',
  'OD',
  'DC',
  'EA',
  'CFP',
]);
const ROLE_WORDS = new Set([
  'OWNER',
  'COOWNER',
  'CO-OWNER',
  'PRESIDENT',
  'VICE',
  'VP',
  'CEO',
  'CFO',
  'COO',
  'CTO',
  'CIO',
  'MANAGER',
  'MGR',
  'OFFICE',
  'DIRECTOR',
  'PARTNER',
  'MEMBER',
  'MANAGING',
  'ADMINISTRATOR',
  'ADMIN',
  'SECRETARY',
  'TREASURER',
  'PRINCIPAL',
  'PROPRIETOR',
  'AUTHORIZED',
  'SIGNER',
  'IT',
  'GENERAL',
  'GM',
  'CONTROLLER',
  'FOUNDER',
  'COFOUNDER',
  'CHAIRMAN',
  'CHAIR',
  'EXECUTIVE',
  'OPERATIONS',
  'ACCOUNT',
  'ACCOUNTS',
  'PAYABLE',
  'BILLING',
  'CONTACT',
  'AGENT',
  'REPRESENTATIVE',
  'REP',
  'SOLE',
  'HEAD',
  'OF',
  'AND',
  '&',
  'CHIEF',
  'OFFICER',
  'TECHNOLOGY',
  'FINANCE',
  'FINANCIAL',
  'TELECOM',
  'PRACTICE',
  'ASSISTANT',
  'EXEC',
  'SR',
  'JR',
]);

export interface NormalizedPersonName {
  exact: string;
  first: string;
  middle: string[];
  last: string;
  generation: string | null;
  /** first + middle + last, canonical, for display in reasons */
  display: string;
}

export function normalizePersonName(raw: string): NormalizedPersonName {
  const exact = squashSpaces(raw);
  let text = foldAscii(exact)
    .toUpperCase()
    .replace(/\([^)]*\)/g, ' ');
  // "Jane Doe - Owner", "Jane Doe, Office Manager": a trailing role is not part of the name
  const roleSplit = /\s+[-–|\/]\s+|,\s*/.exec(text);
  if (roleSplit) {
    const before = text.slice(0, roleSplit.index);
    const after = text.slice(roleSplit.index + roleSplit[0].length);
    const afterWords = after
      .replace(/[^A-Z0-9&\s-]/g, ' ')
      .split(/\s+/)
      .filter(Boolean);
    const isRole =
      afterWords.length > 0 && afterWords.every((w) => ROLE_WORDS.has(w) || CREDENTIALS.has(w) || GENERATIONS.has(w));
    if (isRole) {
      const gens = afterWords.filter((w) => GENERATIONS.has(w) || CREDENTIALS.has(w));
      text = `${before} ${gens.join(' ')}`;
    } else if (roleSplit[0].startsWith(',') && afterWords.length >= 1 && afterWords.length <= 2) {
      // "SMITH, JOHN A": last name first
      text = `${after} ${before}`;
    }
  }
  let toks = text
    .replace(/'/g, '')
    .replace(/\./g, ' ')
    .replace(/[^A-Z0-9\s-]/g, ' ')
    .split(/\s+/)
    .filter(Boolean);
  while (toks.length > 1 && TITLES.has(toks[0]!)) toks = toks.slice(1);
  let generation: string | null = null;
  while (toks.length > 2) {
    const last = toks[toks.length - 1]!;
    if (GENERATIONS.has(last)) generation = GENERATIONS.get(last)!;
    else if (!CREDENTIALS.has(last)) break;
    toks = toks.slice(0, -1);
  }
  const first = toks[0] ?? '';
  const last = toks.length > 1 ? toks[toks.length - 1]! : '';
  const middle = toks.slice(1, -1);
  return { exact, first, middle, last, generation, display: toks.join(' ') };
}

function nameKey(s: string): string {
  return s.replace(/[^A-Z0-9]/g, '');
}

/** "J" is compatible with "JOHN"; "JON" is not "JOHN". */
function compatible(a: string, b: string): 'same' | 'initial' | 'different' {
  const ka = nameKey(a);
  const kb = nameKey(b);
  if (ka === kb) return 'same';
  if ((ka.length === 1 && kb.startsWith(ka)) || (kb.length === 1 && ka.startsWith(kb))) return 'initial';
  return 'different';
}

interface PersonAlignment {
  ok: boolean;
  notes: string[];
}

function alignPersons(ref: NormalizedPersonName, cand: NormalizedPersonName): PersonAlignment {
  const notes: string[] = [];
  const f = compatible(ref.first, cand.first);
  // hyphenated or double last names: "SMITH-JONES" = "SMITH JONES"
  const refLast = nameKey(ref.last);
  const candLast = nameKey(cand.last);
  let lastOk = refLast === candLast;
  let refMiddle = ref.middle;
  let candMiddle = cand.middle;
  if (!lastOk) {
    const refTail = nameKey([...ref.middle, ref.last].join(''));
    const candTail = nameKey([...cand.middle, cand.last].join(''));
    if (refTail === candLast || candTail === refLast || refTail === candTail) {
      lastOk = true;
      refMiddle = [];
      candMiddle = [];
      notes.push('the surname is written with a hyphen or space on one side');
    }
  }
  if (f === 'different' || !lastOk || !ref.first || !cand.first) return { ok: false, notes };
  if (f === 'initial') notes.push('one side gives only the first initial');
  if (refMiddle.length && candMiddle.length) {
    const pairs = Math.min(refMiddle.length, candMiddle.length);
    for (let i = 0; i < pairs; i++) {
      const c = compatible(refMiddle[i]!, candMiddle[i]!);
      if (c === 'different') return { ok: false, notes: [`middle name ${candMiddle[i]} differs from ${refMiddle[i]}`] };
      if (c === 'initial') notes.push('the middle name is an initial on one side');
    }
  } else if (refMiddle.length || candMiddle.length) {
    notes.push(`the middle name "${(refMiddle.length ? refMiddle : candMiddle).join(' ')}" appears on one side only`);
  }
  if (ref.generation && cand.generation && ref.generation !== cand.generation) {
    return { ok: false, notes: [`${cand.generation} vs ${ref.generation}: a different person`] };
  }
  if (!!ref.generation !== !!cand.generation)
    notes.push(`"${ref.generation ?? cand.generation}" appears on one side only`);
  return { ok: true, notes };
}

function swapped(p: NormalizedPersonName): NormalizedPersonName {
  // "SMITH JOHN A" as CSRs print it: last, first, middle
  const toks = p.display.split(' ');
  if (toks.length < 2) return p;
  const [last, first, ...middle] = toks as [string, string, ...string[]];
  return { ...p, first, last, middle };
}

/** Compare the authorised person with the carrier's authorised contact (or account holder). */
export function comparePersonNames(reference: string, candidate: string): NameComparison {
  const ref = normalizePersonName(reference);
  const cand = normalizePersonName(candidate);
  if (ref.exact === cand.exact) return { verdict: 'match', reason: 'Identical, letter for letter.' };
  const proposed = ref.exact;
  let a = alignPersons(ref, cand);
  let order = '';
  // "Mary Ann Lee" / "Maryann Lee", "Van Der Berg" / "VanDerBerg": the same letters in another spacing
  const generationsConflict = !!ref.generation && !!cand.generation && ref.generation !== cand.generation;
  if (!a.ok && !generationsConflict && nameKey(ref.display) === nameKey(cand.display) && nameKey(ref.display))
    a = { ok: true, notes: ['the name is spaced or hyphenated differently'] };
  if (!a.ok) {
    const b = alignPersons(swapped(ref), cand);
    const c = b.ok ? b : alignPersons(ref, swapped(cand));
    if (c.ok) {
      a = c;
      order = 'the name is written surname first on one side';
    }
  }
  if (!a.ok) {
    const why = a.notes.length ? ` (${a.notes.join('; ')})` : '';
    return {
      verdict: 'mismatch',
      proposed,
      reason: `Different person: "${cand.exact}" vs the carrier's "${ref.exact}"${why}. The LOA must be signed by the person the carrier has on file.`,
    };
  }
  const notes = [order, ...a.notes].filter(Boolean);
  const titleOnly = !notes.length;
  const how = titleOnly ? 'only case, punctuation or a title (Mr./Dr.) differs' : notes.join('; ');
  return {
    verdict: 'equivalent',
    proposed,
    reason: `Same person, but ${how}. Carriers compare letter for letter: use the carrier's exact "${ref.exact}".`,
  };
}
