import { toE164 } from '../../../shared/domain/phone.js';
import type { Tok } from './layout.js';
import { DESK_WORDS, labelStems } from '../../../shared/domain/fields.js';
import { organisationWord } from '../../../shared/normalize/names.js';
import { isFidTag } from './csr-fid-tags.js';
import { BUSINESS_SUFFIXES, isLabelWord, LEGAL_FORM_END, LEGAL_FORM_WORD, negatedCaptionWord } from './labels.js';
import { fixDigits, MONTHS, squash, trimValue } from './text.js';

/**
 * Value readers and validators, one per kind of value. Each takes text a label pointed at and says
 * whether it is a value of that kind (and how sure), tolerating OCR's letter/digit confusions.
 */

/**
 * Fix lookalike letters inside the digit run of a token ("3l2-555-O147" → "312-555-0147").
 * `edges` also fixes lookalikes just before/after the run ("O147", "014O"); off for units and house
 * numbers, where "17B" is a real value.
 */
export function digitFixToken(t: string, edges = true): string {
  // "14-MAR-26": a month name between the digits is a word, not lookalike digits
  if (new RegExp(`^\\d{1,2}[-/.]?${MONTH_RE}[-/.]?\\d{2,4}$`, 'i').test(t)) return t;
  const first = t.search(/\d/);
  if (first < 0) {
    // no digit at all: only a token made entirely of lookalikes could be a number ("OO")
    return t;
  }
  let last = -1;
  for (let i = t.length - 1; i >= 0; i--)
    if (/\d/.test(t[i]!)) {
      last = i;
      break;
    }
  let start = first;
  let end = last;
  if (edges) {
    // a lookalike right before the first digit run ("O147", "(3l2)")
    while (start > 0 && /[OoIlSBZ|]/.test(t[start - 1]!) && !/[A-Za-z]/.test(t[start - 2] ?? '')) start--;
    while (end < t.length - 1 && /[OoIlSBZ|]/.test(t[end + 1]!) && !/[A-Za-z]/.test(t[end + 2] ?? '')) end++;
  }
  return t.slice(0, start) + fixDigits(t.slice(start, end + 1)) + t.slice(end + 1);
}

/** Text of tokens with each token's character offsets, so a regex match maps back to tokens. */
export interface TokText {
  text: string;
  spans: { start: number; end: number; tok: Tok }[];
}
export function tokText(toks: Tok[], fix: boolean | 'inner' = true): TokText {
  let text = '';
  const spans: TokText['spans'] = [];
  for (const t of toks) {
    if (text) text += ' ';
    const s = fix === true ? digitFixToken(t.text) : fix === 'inner' ? digitFixToken(t.text, false) : t.text;
    spans.push({ start: text.length, end: text.length + s.length, tok: t });
    text += s;
  }
  return { text, spans };
}

export function toksIn(tt: TokText, start: number, end: number): Tok[] {
  return tt.spans.filter((s) => s.end > start && s.start < end).map((s) => s.tok);
}

// --- phone numbers ---

const PHONE_RE =
  /(?<![\d/.]|\d-)(\+?\s?1[\s.-]{0,2})?(?:\(\s?(\d{3})\s?\)[\s.-]{0,2}|(\d{3})([\s.-]{0,3}))(\d{3})([\s.-]{0,3})(\d{4})(?!\d|-\d|\.\d)/g;
const RANGE_RE =
  /^\s{0,3}(?:-|–|to|thru|through)\s{0,3}(?:(?:\+?1[\s.-]{0,2})?(?:\(\s?(\d{3})\s?\)[\s.-]{0,2}|(\d{3})[\s.-]{0,3})(\d{3})[\s.-]{0,3}(\d{4})|(\d{4}))(?!\d)/i;

export interface PhoneHit {
  e164: string;
  start: number;
  end: number;
  rangeOf?: string;
}

/**
 * Ten digits grouped 3-3-4 by single spaces inside a longer run of such digit groups ("811 938 223
 * 8117", "539 594 773 216 5816": an account number printed in groups) are a piece of that number, not a
 * phone number. A run of whole numbers in a row ("312 555 0101 312 555 0102") keeps them: its digits come in
 * tens (or elevens, with the leading 1).
 */
function inLongerDigitRun(text: string, start: number, end: number): boolean {
  const before = /(?<!\S)(?:\d+ )+$/.exec(text.slice(0, start))?.[0] ?? '';
  const after = /^(?: \d+(?!\S))+/.exec(text.slice(end))?.[0] ?? '';
  if (!before && !after) return false;
  const digits = `${before}${text.slice(start, end)}${after}`.replace(/\D/g, '').length;
  return digits % 10 !== 0 && digits % 11 !== 0;
}

/** Every valid NANP number in the text, DID ranges ("312-555-0100 - 0109") expanded. */
export function findPhones(text: string): PhoneHit[] {
  const out: PhoneHit[] = [];
  PHONE_RE.lastIndex = 0;
  for (let m = PHONE_RE.exec(text); m; m = PHONE_RE.exec(text)) {
    const sep1 = m[4] ?? '';
    const sep2 = m[6] ?? '';
    // "345 6789012" is a piece of a longer account number, not a phone number
    if (m[3] && sep1.trim() === '' && sep1 !== '' && sep2 === '') continue;
    if (m[3] && sep1 === '' && sep2 !== '' && !/-/.test(sep2)) continue;
    if (m[3] && !m[1] && sep1 === ' ' && sep2 === ' ' && inLongerDigitRun(text, m.index, m.index + m[0].length))
      continue;
    const area = m[2] ?? m[3] ?? '';
    const digits = `${area}${m[5]}${m[7]}`;
    const e164 = toE164(digits);
    if (!e164) continue;
    let end = m.index + m[0].length;
    const hit: PhoneHit = { e164, start: m.index, end };
    out.push(hit);
    const r = RANGE_RE.exec(text.slice(end));
    // a range ends with the last four digits or a full number of the same area code and exchange
    const samePrefix = r && (r[5] !== undefined || `${r[1] ?? r[2]}${r[3]}` === `${area}${m[5]}`);
    if (r && samePrefix) {
      const last4 = Number(r[4] ?? r[5]);
      const first4 = Number(m[7]);
      if (last4 > first4 && last4 - first4 <= 200) {
        end += r[0].length;
        hit.end = end;
        for (let n = first4 + 1; n <= last4; n++) {
          const e = toE164(`${area}${m[5]}${String(n).padStart(4, '0')}`);
          if (e) out.push({ e164: e, start: m.index, end, rangeOf: e164 });
        }
        PHONE_RE.lastIndex = end;
      }
    }
  }
  return out;
}

export function parsePhone(text: string): { e164: string; start: number; end: number } | null {
  return findPhones(text)[0] ?? null;
}

// --- dates ---

const MONTH_RE =
  '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
const DATE_RES: { re: RegExp; read: (m: RegExpExecArray) => [number, number, number] | null }[] = [
  { re: /(?<!\d)(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)/, read: (m) => [Number(m[1]), Number(m[2]), Number(m[3])] },
  {
    // (a two-digit year the text ends on a digit or two after, "01/23/20 23", "01/23/20 2 3", is a year whose
    // last boxes a comb left apart: it is no year of its own, and a date read from half of it is no date)
    re: /(?<![\d/])(\d{1,2})\s?[-/.]\s?(\d{1,2})\s?[-/.]\s?(\d{4}|\d{2}(?!\s{1,3}\d{1,2}(?:\s{1,3}\d)?\s*$))(?![\d/])/,
    read: (m) => {
      let a = Number(m[1]),
        b = Number(m[2]);
      const y = m[3]!.length === 2 ? 2000 + Number(m[3]) : Number(m[3]);
      if (a > 12 && b <= 12) [a, b] = [b, a];
      return [y, a, b];
    },
  },
  {
    // OCR reads the comma before the year as a hyphen or full stop ("MAY 26-2026")
    re: new RegExp(
      `\\b${MONTH_RE}\\.?\\s{0,2}(\\d{1,2})(?:st|nd|rd|th)?(?:,|[-.](?=\\d{4}\\b))?\\s{0,2}(\\d{4})\\b`,
      'i',
    ),
    read: (m) => [Number(m[3]), MONTHS[m[1]!.toLowerCase()] ?? 0, Number(m[2])],
  },
  {
    // (and a deed's "the 29th day of March, 2023")
    re: new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?(?:\\s+day\\s+of)?\\s{0,2}${MONTH_RE}\\.?,?\\s{0,2}(\\d{4})\\b`, 'i'),
    read: (m) => [Number(m[3]), MONTHS[m[2]!.toLowerCase()] ?? 0, Number(m[1])],
  },
  {
    // "02-APR-23", and a mainframe's run-together "02APR23"
    re: new RegExp(`\\b(\\d{1,2})(-?)${MONTH_RE}\\2(\\d{2}|\\d{4})\\b`, 'i'),
    read: (m) => [
      m[4]!.length === 2 ? 2000 + Number(m[4]) : Number(m[4]),
      MONTHS[m[3]!.toLowerCase()] ?? 0,
      Number(m[1]),
    ],
  },
];

export function parseDate(text: string): { iso: string; start: number; end: number } | null {
  let best: { iso: string; start: number; end: number } | null = null;
  for (const { re, read } of DATE_RES) {
    const m = re.exec(text);
    if (!m) continue;
    const r = read(m);
    if (!r) continue;
    const [y, mo, d] = r;
    if (y < 1990 || y > 2100 || mo < 1 || mo > 12 || d < 1 || d > 31) continue;
    const dt = new Date(Date.UTC(y, mo - 1, d));
    if (dt.getUTCMonth() !== mo - 1) continue;
    const iso = `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
    if (!best || m.index < best.start) best = { iso, start: m.index, end: m.index + m[0].length };
  }
  return best;
}

/** A month's name or its short form alone, as a date prints it ("APR", "Sept.", "April,"). */
const MONTH_WORD = new RegExp(`^${MONTH_RE}\\.?,?$`, 'i');
/** A day of the month, then a year ("2026", "042026", "0426" = the 4th, '26): the numbers after a month's name. */
const DAY_YEAR = /^(?:(?:0?[1-9]|[12]\d|3[01])?(?:19|20)\d{2}|(?:0?[1-9]|[12]\d|3[01])\d{2})$/;
/** A month's name between numbers in one word ("20APR2026", "APR2026"): a date OCR ran together. */
const GLUED_MONTH = new RegExp(`^\\d{0,2}${MONTH_RE}\\.?\\d{2,4}$`, 'i');
/** A year of this era alone. */
const YEAR = /^(?:19|20)\d{2}$/;
/** A month and a day after a year, set apart by spaces or separators ("2026 04 20", "2026 - 4 - 20"). */
const MONTH_DAY_AFTER = /^(?:\s+|\s*[-/.]\s*)(?:0?[1-9]|1[0-2])(?:\s+|\s*[-/.]\s*)(?:0?[1-9]|[12]\d|3[01])(?!\d)/;

/**
 * Whether a value read for a PIN is a date or a piece of one, by its grammar and its neighbours on the line:
 * a month's name run into numbers ("20APR2026"), the day and year or the year after a month's name ("APR
 * 2026", "APR 04 2026" that OCR or a split reading joins to "042026"), a year before a month's name or a
 * month and day ("2026 APR 20", "2026 04 20"). Six digits that merely could be MMDDYY, with no month's name
 * before them, stay a PIN: a date's separators or its month's name say it is one, the digits alone never.
 */
export function readsAsDate(before: string, value: string, after: string): boolean {
  const v = value.trim();
  if (GLUED_MONTH.test(v)) return true;
  const prev = before.trim().split(/\s+/).pop() ?? '';
  if (/^\d+$/.test(v) && MONTH_WORD.test(prev) && DAY_YEAR.test(v)) return true;
  if (!YEAR.test(v)) return false;
  const next = after.trim().split(/\s+/)[0] ?? '';
  return MONTH_WORD.test(next) || MONTH_DAY_AFTER.test(after);
}

// --- account numbers, PINs ---

const MONEY = /^\$|^\d{1,3}(,\d{3})*\.\d{2}$/;

/** The account number in the text after its label: digit groups joined as printed. */
export function parseAccount(text: string): { value: string; quality: number; start: number; end: number } | null {
  const re = /[A-Za-z0-9][A-Za-z0-9\-/.]*/g;
  const parts: { s: string; start: number; end: number }[] = [];
  for (let m = re.exec(text); m; m = re.exec(text))
    parts.push({ s: m[0].replace(/[.]+$/, ''), start: m.index, end: m.index + m[0].length });
  let i = 0;
  // skip words like "No", "Number", "#" that OCR glued or split off the label
  while (i < parts.length && /^(no|nbr|num|number|acct|account|id|is|of|#)$/i.test(parts[i]!.s)) i++;
  const first = parts[i];
  if (!first) return null;
  // a masked number ("****9018", "XXXX-XXXX-9018") is not the account number, only its last digits
  if (MASKED.test(text.slice(0, first.start)) || /[xX*•]{3}/.test(first.s)) return null;
  let value = digitFixToken(first.s);
  let end = first.end;
  if (!/\d/.test(value) && !/^AC[0-9a-f]{32}$/i.test(value)) return null;
  // following digit groups belong to the same number ("8310 12 345 6789012")
  for (let j = i + 1; j < parts.length; j++) {
    const p = digitFixToken(parts[j]!.s);
    if (!/^\d[\d-]*$/.test(p) || text.slice(end, parts[j]!.start).trim() !== '') break;
    if (value.replace(/\W/g, '').length + p.length > 26) break;
    value += ` ${p}`;
    end = parts[j]!.end;
  }
  const compact = value.replace(/[\s-]/g, '');
  if (compact.length < 4 || compact.length > 32) return null;
  if (MONEY.test(value) || /^\d{1,2}[/.]\d{1,2}[/.]\d{2,4}$/.test(value)) return null;
  const digits = (compact.match(/\d/g) ?? []).length;
  if (digits < 3 && !/^AC[0-9a-f]{32}$/i.test(compact)) return null;
  const quality = digits / compact.length >= 0.5 ? 1 : 0.75;
  return { value, quality, start: first.start, end };
}

/** Mask characters ending the text before a number: the digits after them are a masked number's tail. */
const MASKED = /[*•]\s*$|[xX]{3,}[\s-]*$/;

/**
 * What a form or record prints where it has no value: "N/A", "NONE ON FILE", "*NONE*", "SEE REMARKS"
 * (the value is elsewhere, in free text). Never a PIN, a person or anything else to read.
 */
export const NO_VALUE =
  /^[\s*(]*(?:n\/?a|none|not applicable|not set|not on file|unknown|tbd|see\s+(?:remarks?|notes?|comments?|attach\w*|below|above))\b/i;

/**
 * A PIN or passcode: 4–10 digits or letters and digits, as written after its label. Never a number
 * that is something else by its shape: an extension ("x2210", "ext. 2210"), an amount ("$1,204.50",
 * "1204.50"), a date ("2026-03-14", "3/14/2026"), a ZIP+4 ("33602-1485"), a masked number's tail
 * ("****9018").
 */
/**
 * One PIN that OCR split with a space ("1 823"): a first group too short to be a PIN alone, one more
 * group, nothing number-like after it, and together a PIN's length. Two numbers side by side
 * ("4471 8823", "12 555-0142") are not joined. `len` is how far the reading runs past `first`.
 */
function splitPin(first: string, after: string): { value: string; len: number } | null {
  if (!/^\d{1,3}$/.test(first)) return null;
  const g = /^ ([0-9OoIlSBZ|]{1,7})(?![\w|-]|\s*[-/.]?\d)/.exec(after);
  if (!g || !/\d/.test(g[1]!)) return null;
  const value = first + digitFixToken(g[1]!);
  return /^\d{4,8}$/.test(value) ? { value, len: g[0].length } : null;
}

export function parsePin(text: string): { value: string; start: number; end: number; quality?: number } | null {
  const t = text.trim();
  if (NO_VALUE.test(t) || /^(no pin|-+|_+)\b/i.test(t)) return null;
  const m = /[A-Za-z0-9]+/.exec(t);
  if (!m) return null;
  let v = m[0];
  const before = t.slice(0, m.index);
  const after = t.slice(m.index + v.length);
  if (/^(x|ext|extn)\d+$/i.test(v) || /\b(ext|extn|x)\.?\s*$/i.test(before)) return null;
  if (/\$\s*$/.test(before) || MASKED.test(before)) return null;
  if (/^([.,]\d|[-/.]\d{1,4}\b)/.test(after)) return null;
  const split = splitPin(v, after);
  if (split) return { value: split.value, start: m.index, end: m.index + v.length + split.len, quality: 0.8 };
  if (/\d/.test(v) && (v.match(/\d/g) ?? []).length / v.length >= 0.5) v = digitFixToken(v);
  if (v.length < 4 || v.length > 10 || !/\d/.test(v)) return null;
  return { value: v, start: m.index, end: m.index + m[0].length };
}

// --- names ---

/**
 * Words of a job title. A title names a role (the core words: "Manager", "Owner", "Director") and
 * may carry modifiers ("Office", "IT", "Vice", "Senior"); "TITLE of BUSINESS" and "NAME, TITLE" are
 * how a letter says who signs for whom. One list for the prose reader and the form reader's names.
 */
export const TITLE_CORE =
  /^(?:owner|co-owner|proprietor|founder|co-founder|president|vp|svp|evp|ceo|cfo|coo|cto|cio|officer|manager|director|head|partner|member|administrator|principal|secretary|treasurer|controller|comptroller|agent|representative|coordinator|supervisor|counsel|attorney|bookkeeper|accountant|chair|chairman|chairwoman|chairperson|superintendent|executive|signatory|lead)$/i;
export const TITLE_MODIFIER =
  /^(?:vice|chief|managing|general|senior|sr\.?|junior|assistant|associate|deputy|acting|interim|office|operations|it|practice|business|account|accounts|facilities|regional|sales|finance|financial|technology|information|telecom|communications|billing|administrative|authorized|legal|medical|clinic|store|branch|site|program|project|and|&)$/i;

/** A job title's words, bare of the comma or brackets around them. */
const titleWord = (w: string) => w.replace(/^\(|[,;.)]+$/g, '');

/**
 * The name without a job title run into it: "Grace Anderson, Office Manager", "Grace Anderson (CEO)",
 * "GRACE ANDERSON OWNER" (a title cell OCR read onto the name's line), "CEO Grace Anderson". The title
 * is cut only where two name words stay, so a surname that is also a role word ("Daniel Head") stays.
 */
function withoutJobTitle(v: string): string {
  const words = v.split(/\s+/);
  let end = words.length;
  let core = false;
  for (let k = words.length - 1; k >= 0; k--) {
    const bare = titleWord(words[k]!);
    if (TITLE_CORE.test(bare)) core = true;
    else if (!(core && TITLE_MODIFIER.test(bare))) break;
    // the run ends in a core word ("Office Manager"), never in a modifier alone ("Anderson Office")
    if (core) end = k;
  }
  if (end < words.length && end >= 2) return words.slice(0, end).join(' ');
  let start = 0;
  core = false;
  for (let k = 0; k < words.length; k++) {
    const bare = titleWord(words[k]!);
    if (TITLE_CORE.test(bare)) {
      core = true;
      start = k + 1;
    } else if (!TITLE_MODIFIER.test(bare) || /^(?:and|&)$/i.test(bare)) break;
  }
  return core && words.length - start >= 2 ? words.slice(start).join(' ') : v;
}

/**
 * OCR lookalikes inside names: "lvanova" → "Ivanova" (a capital I read as l before a consonant),
 * "0'Brien" → "O'Brien", "Wi1son" → "Wilson". Names with real digits ("3M", "7-Eleven") keep them.
 */
export function fixNameLookalikes(v: string): string {
  return v
    .split(/(\s+)/)
    .map((w) => {
      if (
        /^\s+$/.test(w) ||
        /^\d+[-\d]*$/.test(w) ||
        (w.match(/\p{L}/gu) ?? []).length < 2 ||
        /^l(td|lc|lp)\.?,?$/i.test(w)
      )
        return w;
      return w
        .replace(/^l(?=[bcdfghjkmnpqrstvwxz])/, 'I')
        .replace(/^0(?=['’]?\p{L})/u, 'O')
        .replace(/(?<=\p{L})1(?=\p{L})/gu, 'l')
        .replace(/(?<=\p{L})0(?=\p{L})/gu, 'o');
    })
    .join('');
}

export const NAME_PARTICLES = /^(de|la|le|du|van|der|den|von|da|del|della|di|dos|das|bin|ibn|al|el|st\.?)$/;

export function cleanName(text: string): string {
  return trimValue(
    fixNameLookalikes(text)
      .replace(/^\s*\/s\/\s*/i, '')
      .replace(/_{2,}/g, ' ')
      .replace(/\s+\(.*?\)\s*$/, ''),
  );
}

/** Words that name a desk or a department, not a person: a CSR's contact line says "CONT FRONT DESK". */
const ROLE_OR_PLACE = new RegExp(`^(?:${DESK_WORDS.join('|')})$`, 'i');

/** A word that names a role, a title or a place in the office: a name made only of them is nobody's. */
const isRoleOrPlaceWord = (w: string) => {
  const bare = titleWord(w);
  return ROLE_OR_PLACE.test(bare) || TITLE_CORE.test(bare) || TITLE_MODIFIER.test(bare);
};

/**
 * A value read in running text runs on into the next sentence ("… is Jennifer E. McAllister. The
 * billing …"): it ends at the full stop after a whole word (not an initial or "Dr."/"Jr.").
 */
const SENTENCE_GOES_ON =
  /^(.*?(?<!\p{L})(?!(?:Mr|Ms|Mrs|Dr|Jr|Sr|St)\.)\p{L}[\p{L}\p{M}'’-]+)\.\s+\p{Lu}\p{Ll}+(?!\p{L}).*$/u;
/** …or its clause goes on after a comma ("Old Town Law Offices, Inc, and the account number is …"). */
const CLAUSE_GOES_ON = /,\s+(?:and|or|which|who|that|with|under|is|was|has|holds|whose)\s+[a-z].*$/;

/** Short words a sentence goes on with after a name ("Omar Levy was here"): no piece of a split surname. */
const SENTENCE_WORD =
  /^(?:and|or|nor|of|the|for|by|to|at|on|in|is|as|was|has|had|who|can|may|our|its|are|not|all|any|per|via|from|with|will|this|that|here|also|sign|am|be|we|us|it|if|so)$/;

/**
 * OCR's glue and splits inside a person's name: a middle initial glued to the first name ("SamuelR.
 * Anderson"), a surname split after its first letters ("Ander son"): a short lower-case piece after a
 * capitalised word, ending the name or before its next capitalised word, is no word of a name of its
 * own (particles "de", "van" and a sentence's own words aside).
 */
function unsplitName(v: string): string {
  return (
    v
      .replace(/(?<!\p{L})(\p{Lu}\p{Ll}+)(\p{Lu}\.)(?=\s|$)/gu, '$1 $2')
      // a scan's speck read as an apostrophe between two words ("Elizabeth'Kim"): a surname's own apostrophe
      // follows one letter or a short particle ("O'Brien", "D'Angelo", "Dell'Aqua"), never a whole first name
      .replace(/(?<!\p{L})(\p{Lu}\p{Ll}{3,})['’`](\p{Lu}\p{Ll}+)(?!\p{L})/gu, (m, a: string, b: string) =>
        /^(?:dell|dall|degl|nell)$/i.test(a) ? m : `${a} ${b}`,
      )
      .replace(
        /(?<!\p{L})(\p{Lu}[\p{L}\p{M}'’-]*\p{Ll})\s+(\p{Ll}{2,4})(?=$|\s+\p{Lu})/gu,
        (m, a: string, b: string) => (NAME_PARTICLES.test(b) || SENTENCE_WORD.test(b) ? m : `${a}${b}`),
      )
  );
}

/**
 * A person's name with how to reach them after it on the line ("Linda Ivanova 605-357-4479 linda@…", "Omar
 * Levy - (808) 691-6836"): the name ends where the phone number or the e-mail address starts.
 */
export function withoutContactAfter(v: string): string {
  const phone = findPhones(v)[0]?.start ?? v.length;
  const mail = /\S+@\S+\.\w/.exec(v)?.index ?? v.length;
  const end = Math.min(phone, mail);
  if (end === v.length) return v;
  const name = v
    .slice(0, end)
    .replace(/[\s,;|\-–—(]+$/, '')
    .trim();
  return name.split(/\s+/).length >= 2 ? name : v;
}

/** A person's name: 2–5 words with letters, no digits, not a company. */
export function parsePerson(text: string): { value: string; quality: number } | null {
  // the end of a label run into the name ("Signed By" over it, "/s/" before an e-signature)
  let v = cleanName(
    unsplitName(text.replace(/^(?:\/s\/|by:?|per:?)\s+(?=\p{Lu})/iu, '')).replace(SENTENCE_GOES_ON, '$1'),
  )
    // OCR reads a middle initial's full stop as a comma ("SIOBHAN T, DELGADO"): not a name-and-title comma
    .replace(/^(\S+\s+\p{Lu}),(\s+\p{Lu}[\p{L}\p{M}'’-]+)$/u, '$1.$2');
  v = withoutJobTitle(v)
    .replace(/[,;]\s*$/, '')
    // a caption left open after the name on its line ("Yolanda L. Anderson DATE OF"): no name ends on
    // a joining word, so it and the label word before it are the next caption's
    .replace(/(?:\s+\p{L}+)?\s+(?:of|by|as|for)$/iu, (m) => (labelStems(m).every(isLabelWord) ? '' : m))
    .trim();
  v = withoutContactAfter(v);
  const comma = v.indexOf(',');
  if (comma > 0 && v.slice(0, comma).split(/\s+/).length >= 2) v = v.slice(0, comma).trim();
  if (!v || /\d/.test(v) || /[@:]/.test(v) || NO_VALUE.test(v)) return null;
  const words = v.split(/\s+/);
  // (a blank field's statement OCR ran together: "Noauthorized person listed")
  if (negatedCaptionWord(words[0]!)) return null;
  if (words.every(isRoleOrPlaceWord)) return null;
  // a run of a record's tags ("/CONT" over "/PIC" on a CSR printed in field identifiers): shorthand, nobody's name
  if (words.length >= 2 && words.every(isFidTag)) return null;
  if (words.length < 2 || words.length > 5)
    return words.length === 1 && /^\p{Lu}\p{Ll}+$/u.test(v) ? { value: v, quality: 0.3 } : null;
  // (letters of any script and their accents: "Tomás Ortíz", "Zoë Müller", "Renée Lefèvre")
  if (!words.every((w) => /^\p{L}[\p{L}\p{M}.'’-]*$/u.test(w))) return null;
  // a sentence's words, not a name's: a sentence's small word ("the", "that", "is") and two more words in lower
  // case that are no particle ("I certify that the particulars…", "This statement reproduces the account…");
  // OCR's pieces of a split name have no small word ("Br idget Fitzg erald"), nor a name trailing off into
  // small words two more ("Omar Levy was here")
  const lower = words.filter((w) => /^\p{Ll}/u.test(w) && !NAME_PARTICLES.test(w));
  if (lower.some((w) => SENTENCE_WORD.test(w)) && lower.filter((w) => !SENTENCE_WORD.test(w)).length >= 2) return null;
  // a name has capitals: "this port" is the rest of a sentence or label
  if (!words.some((w) => /^\p{Lu}/u.test(w))) return null;
  // a company is not a person
  if (BUSINESS_SUFFIXES.test(v) || words.some(organisationWord)) return null;
  const quality = words.every((w) => /^\p{Lu}/u.test(w) || NAME_PARTICLES.test(w)) ? 1 : 0.6;
  return { value: v, quality };
}

/** A business (or account) name: letters, not a number, not a sentence. */
/** A word of more digits than letters, three or more: an identifier ("PO-532756", "S130"), no word of a name. */
const identifierWord = (w: string) => {
  const digits = (w.match(/\d/g) ?? []).length;
  return digits >= 3 && digits >= (w.match(/\p{L}/gu) ?? []).length;
};

/** A caption's word run into the value's end ("Status", "Acct"): every stem of it label vocabulary. */
const captionWord = (w: string) => {
  const stems = labelStems(w);
  return /^\p{Lu}/u.test(w) && stems.length > 0 && stems.every(isLabelWord);
};

/**
 * A legal form ends the business's name: identifiers or a caption's words after it on the line are another
 * value's (a page's footer "Customer: Blue Heron Realty Group, LLC PO-532756" repeats the order's reference
 * after the name; "… Billing Ltd. Status" runs into the next caption of a key/value strip).
 */
function codeAfterLegalForm(v: string): string {
  const words = v.split(/\s+/);
  let end = words.length;
  while (end > 1 && (identifierWord(words[end - 1]!) || captionWord(words[end - 1]!))) end--;
  return end < words.length && LEGAL_FORM_WORD.test(words[end - 1]!.replace(/,$/, ''))
    ? words.slice(0, end).join(' ')
    : v;
}

/** OCR reads the comma before a legal form as a semicolon ("Keystone Physical Therapy; P.A."). */
function commaBeforeLegalForm(v: string): string {
  const m = /;(\s+\S+)$/.exec(v);
  return m && LEGAL_FORM_END.test(m[1]!.trim()) ? `${v.slice(0, m.index)},${m[1]}` : v;
}

export function parseBusiness(text: string): { value: string; quality: number } | null {
  const v = codeAfterLegalForm(
    commaBeforeLegalForm(trimValue(fixNameLookalikes(text.replace(/_{2,}/g, ' ').replace(CLAUSE_GOES_ON, '')))),
  );
  if (!v || !/\p{L}{2}/u.test(v)) return null;
  if ((v.match(/\d/g) ?? []).length >= 7) return null;
  if (/@|https?:|www\./i.test(v)) return null;
  const words = v.split(/\s+/);
  // one word of more digits than letters is an identifier ("LOC-0981", "S130"), not a name ("7-Eleven")
  const digits = (v.match(/\d/g) ?? []).length;
  if (words.length === 1 && digits >= 3 && digits >= (v.match(/\p{L}/gu) ?? []).length) return null;
  if (words.length > 9) return null;
  let quality = 0.8;
  if (BUSINESS_SUFFIXES.test(v)) quality = 1;
  if (/[.!?]$/.test(v) && !LEGAL_FORM_END.test(v) && !/\b(jr|sr)\.$/i.test(v)) quality *= 0.6;
  if (/^(the|a|an|this|your|our|please|by|if|for|to)\b/i.test(v) && words.length > 4) quality *= 0.5;
  if (/^\p{Ll}/u.test(v)) quality *= 0.6;
  return { value: squash(v), quality };
}
