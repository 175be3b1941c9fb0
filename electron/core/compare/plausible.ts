/**
 * Whether a reading can be what it claims to be, before the review asserts a difference from it or
 * copies it into a case: a heading or label read into the city ("Section C", "Telephone Numbers"),
 * a postcode-like city ("BN1"), a city with its state read onto its end ("Manchester NH").
 */
import type { ServiceAddress } from '../../../shared/domain/document.js';
import {
  CHANGE_LOG_VERBS,
  DESK_WORDS,
  MANAGING_ROLE_WORDS,
  NEGATION_WORDS,
  ROSTER_ROLE_WORDS,
} from '../../../shared/domain/fields.js';
import {
  cityKey,
  normalizeState,
  type AddressComparison,
  type AddressParts,
} from '../../../shared/normalize/address.js';
import { businessNameWords, normalizeBusinessName } from '../../../shared/normalize/names.js';
import { KNOWN_CARRIERS, LEGAL_FORM_END, looksLikeLabelText } from '../extract/labels.js';
import { authorizingRoleWords } from '../extract/prose.js';
import { editDistance } from '../extract/text.js';
import { ocrKey } from './evidence.js';
import { isKnownCity, zipPlace } from '../extract/zip.js';

/** A word that joins a caption's or a phrase's words inside them ("CLASS OF SERVICE", "Bill to the Attention"). */
const PHRASE_JOIN = /\s(of|the|for|per)\s/i;

/** Words a heading or label puts where a city should be: no US city is named by them. */
const NOT_A_CITY =
  /\b(?:SECTION|PAGE|PART|ACCOUNT|CUSTOMER|SERVICE|BILLING|ADDRESS|LOCATION|CITY|STATE|ZIP|CODE|TOTAL|INVOICE|NUMBERS?|TELEPHONE|PHONE|DATE|SIGNATURE|AUTHORIZED|NAME)\b/i;

/** Why a read city cannot be one, or null when it may be ("Salt Lake City", a real city of its state, holds a label word and is one). */
export function cityProblem(city: string, state?: string): string | null {
  if (/\d/.test(city)) return 'a city name has no digits (a misread postcode or line?)';
  if ((city.match(/[A-Za-z]/g) ?? []).length < 2) return 'too short to be a city name';
  // (…and "City" after a place's own words ends many a city's name — "Lake Havasu City", "Carson City" — as
  // no label does: a label's "City" stands first or alone, before what it names)
  const named = city.replace(/(?<=[A-Za-z]{3,}\s+)City$/i, '').trim();
  if (NOT_A_CITY.test(named) && !(state && isKnownCity(city, state))) return 'a heading or label word, not a city name';
  return null;
}

/** "Manchester NH" with state NH is Manchester: the state read twice, once onto the city's end. */
export function withoutTrailingState(a: ServiceAddress): ServiceAddress {
  const state = normalizeState(a.state);
  const m = /^(.*\S)[\s,]+([A-Za-z]{2})\.?$/.exec(a.city.trim());
  if (!state || !m || normalizeState(m[2]!) !== state) return a;
  // a known city whose last word is a state code stays whole
  if (isKnownCity(a.city.trim(), state)) return a;
  return { ...a, city: m[1]! };
}

/**
 * Why the city of an address reading is doubtful, or null: a heading or label word, digits, or a
 * name that is no city of the state while the reading's own ZIP names the other reading's city.
 */
export function implausibleCity(a: AddressParts, other: AddressParts): string | null {
  if (!a.city) return null;
  const problem = cityProblem(a.city, a.state);
  if (problem) return `city "${a.city}" is ${problem}`;
  if (!a.state || isKnownCity(a.city, a.state)) return null;
  const place = zipPlace(a.zip5);
  if (place && other.city && cityKey(place.city) === cityKey(other.city) && place.state === a.state)
    return `city "${a.city}" is no city of ${a.state}, and its ZIP ${a.zip5} is ${place.city}'s`;
  return null;
}

/**
 * The two readings differ in the city alone, and each names a real city of the state that no
 * misreading turns into the other (Bismarck / Fargo): the document says another city, however
 * unsure the reader was of the block (its ZIP check lowers the confidence of exactly this case).
 */
export function anotherRealCity(a: AddressParts, b: AddressParts, r: AddressComparison): boolean {
  const differing = r.parts.filter((p) => p.verdict === 'mismatch' || p.verdict === 'missing').map((p) => p.part);
  if (differing.length !== 1 || differing[0] !== 'city') return false;
  if (!a.state || a.state !== b.state || !isKnownCity(a.city, a.state) || !isKnownCity(b.city, b.state)) return false;
  const ka = cityKey(a.city);
  const kb = cityKey(b.city);
  return editDistance(ka, kb, 3) > 2 && !ka.includes(kb) && !kb.includes(ka);
}

const CARRIER_KEYS = new Set(KNOWN_CARRIERS.map((c) => normalizeBusinessName(c).key).filter((k) => k.length >= 3));

/**
 * Words a record or form writes where a person's name is missing or kept elsewhere ("DATA CURRENT",
 * "SEE REMARKS", "NONE ON FILE", "*NONE*", "N/A"): nobody is named by them, so a signer reading that
 * holds one is a form's filler read as a name. The one list of them for the review's person readings
 * (the extractor's and the words the review itself finds under a signer label); glued as OCR joins
 * them ("ONFILE") they are listed too.
 */
const RECORD_WORDS = new Set([
  'NONE',
  'NA',
  'SEE',
  'REMARKS',
  'REMARK',
  'RMKS',
  'DATA',
  'CURRENT',
  'FILE',
  'ONFILE',
  'NONEONFILE',
  'SEEREMARKS',
  'DATACURRENT',
  'UNKNOWN',
  'PENDING',
  'TBD',
  'REFER',
]);

/** The record or form word in a person reading, or null ("SEE REMA RKS" holds SEE). */
function recordWordIn(value: string): string | null {
  const letters = (w: string) => w.toUpperCase().replace(/[^A-Z]/g, '');
  const hit = value
    .trim()
    .split(/\s+/)
    .find((w) => RECORD_WORDS.has(letters(w)));
  if (hit) return hit;
  return RECORD_WORDS.has(letters(value)) ? value.trim() : null;
}

/**
 * Words a record writes for a contact that is a desk or a department, not a person ("/CONT FRONT DESK",
 * "MAIN OFFICE", "ACCOUNTS PAYABLE": shared/domain DESK_WORDS), and a carrier's record tags read beside
 * them ("PIC", "LPIC").
 */
const DESK_OR_TAG = [...DESK_WORDS.map((w) => w.toUpperCase()), 'PIC', 'LPIC'];

/**
 * Whether a person reading is desk or department words only, however OCR split or glued them
 * ("FRONT. D ESK", "PIC SERVICE"): its letters, run together, are such words end to end — a lone letter
 * before them aside, the end of a record's tag OCR split off into the value ("/CON T FRONT DESK").
 */
function deskOnly(value: string): boolean {
  const letters = value.toUpperCase().replace(/[^A-Z]/g, '');
  if (letters.length < 4) return false;
  const ends = new Set([0]);
  if (/^[A-Za-z]\s/.test(value.trim())) ends.add(1);
  for (let i = 0; i < letters.length; i++) {
    if (!ends.has(i)) continue;
    for (const w of DESK_OR_TAG) if (letters.startsWith(w, i)) ends.add(i + w.length);
  }
  return ends.has(letters.length);
}

/**
 * The roles a roster of the account's people prints that give no authority over it ("Limited access",
 * "Line user", "Billing contact", "Viewer"): shared/domain ROSTER_ROLE_WORDS less the managing ones.
 */
const LESSER_ROLES = ROSTER_ROLE_WORDS.filter((w) => !MANAGING_ROLE_WORDS.includes(w)).map((w) => w.toUpperCase());

/**
 * The roster role a person reading ends with, however OCR split it ("Li mited a ccess"), or null: a
 * role cell read as the signer or onto a name ("Karen Castillo Viewer") — no authorised person to hold
 * against the LOA. (A role word before the name is a roster's column heading read onto it, "User Hannah
 * Schmidt": the name's own row says what the person is.)
 */
function lesserRoleAtEnd(value: string): string | null {
  const letters = (t: string) => t.toUpperCase().replace(/[^A-Z]/g, '');
  const last = letters(value.trim().split(/\s+/).at(-1) ?? '');
  if (last.length < 2) return null;
  return LESSER_ROLES.find((r) => letters(value).endsWith(r) && r.endsWith(last)) ?? null;
}

/**
 * The role a roster row gives the person a reading names, when it is one without authority: the
 * words after the name on its line up to its next number ("Carlos O'Brien  Device user  917.555.0127",
 * "Karen Castillo - Viewer") end with a lesser role and hold no managing one. A role cell ends with its
 * role ("Billing contact"); words going on past it ("Contact phone", "User ID") or a label ("Contact:")
 * are the next field's, not a role.
 */
export function lesserRoleAfter(after: readonly string[]): string | null {
  const cell = roleCellAfter(after);
  if (!cell || authorizingRole(cell)) return null;
  const words = cell.map((w) => w.toUpperCase().replace(/[^A-Z]/g, '')).filter(Boolean);
  if (words.some((w) => MANAGING_ROLE_WORDS.some((m) => m.toUpperCase() === w))) return null;
  const role = words.at(-1) ?? '';
  // "Member" alone after a name is an LLC member's title, an owner's ("Marisol Smith (Member)"), not a
  // roster's lesser role
  if (role === 'MEMBER' && words.length === 1) return null;
  return LESSER_ROLES.includes(role) ? role : null;
}

/**
 * Whether the role cell after a name gives the person authority over the account in the caption vocabulary's
 * sure words ("Authorized Contact", "Authorized Signer", "Decision Maker"): a roster row that names its person
 * so is that person's label, however the roster's columns are captioned ("Name | Role | Phone"). Not a user's
 * role however authorised ("Authorized user"): a line's user, as a wireless roster lists its people.
 */
export function authorizingRoleAfter(after: readonly string[]): boolean {
  const cell = roleCellAfter(after);
  return !!cell && authorizingRole(cell);
}

function authorizingRole(cell: readonly string[]): boolean {
  const last = cell
    .at(-1)!
    .toUpperCase()
    .replace(/[^A-Z]/g, '');
  return last !== 'USER' && authorizingRoleWords(cell.join(' ')) === 1;
}

/** The role cell right after a name: its words up to the next one with a digit (a phone), at most four, no caption. */
function roleCellAfter(after: readonly string[]): string[] | null {
  const cell: string[] = [];
  // (a tagged record's fields, "| TITLE=Owner| contact tn=…", are words of their own: its tag, its value)
  for (const w of after.flatMap((t) => t.split(/[|=]/)).filter(Boolean)) {
    if (/\d/.test(w)) break;
    cell.push(w);
  }
  return !cell.length || cell.length > 4 || cell.some((w) => /:$/.test(w)) ? null : cell;
}

/**
 * The words after a name that deny it authority ("Dana Silva (bookkeeper) called, NOT auth on acct", "… is
 * not an authorized user"): a negation within the next few words, then words the caption vocabulary surely
 * gives the authorized person. A note's or letter's person the document itself says holds no authority.
 */
export function authorityDeniedAfter(after: readonly string[]): string | null {
  const words = after.slice(0, 8).map((w) => w.replace(/^[("']+|[),.;:!'"]+$/g, ''));
  for (let i = 0; i < Math.min(words.length, 6); i++) {
    if (!NEGATION_WORDS.includes(words[i]!.toLowerCase())) continue;
    for (let k = i + 2; k <= Math.min(words.length, i + 4); k++)
      if (authorizingRoleWords(words.slice(i + 1, k).join(' ')) === 1) return after.slice(i, k).join(' ');
  }
  return null;
}

/**
 * A reading that is a legal form and nothing else ("CORPORATION", "L.L.C.", "Inc."): the end of a name whose
 * words the reader lost (a form's letter boxes, a wrapped cell), not a business's name of its own.
 */
function onlyLegalForm(value: string): boolean {
  // (a stand-in name word before it: the name rules take a legal form off the end of a name's words)
  const n = normalizeBusinessName(`XQ ${value}`);
  return n.tokens.length === 1 && n.tokens[0] === 'XQ' && n.suffixes.length > 0;
}

/**
 * A reading in capitals split as a word processor draws SMALL CAPITALS — each word's first letter a run
 * of its own at full size, the rest a smaller run ("P ERSONS A UTHORIZED" for "PERSONS AUTHORIZED") —
 * with each lone capital joined back onto the capitals after it; and, as OCR may glue a lone capital onto
 * the word before it ("P ERSONSA UTHORIZED"), with such a word's last capital moved back onto the next.
 * Empty when the reading holds no lone capital before a word in capitals: a name's initial ("J SMITH")
 * joined onto the name is no label text, so only what reads as a label is taken for a heading.
 */
function smallCapsJoined(value: string): string[] {
  if (!/^[A-Z\s]+$/.test(value) || !/(?:^|\s)[A-Z]\s+[A-Z]{2}/.test(value)) return [];
  const joined = value.replace(/(^|\s)([A-Z])\s+(?=[A-Z]{2})/g, '$1$2');
  const unglued = value
    .replace(/([A-Z]{3,})([A-Z])\s+(?=[A-Z]{3})/g, '$1 $2')
    .replace(/(^|\s)([A-Z])\s+(?=[A-Z]{2})/g, '$1$2');
  return [...new Set([joined, unglued])].filter((s) => s !== value);
}

/** A person reading opening with a change record's verb (shared/domain CHANGE_LOG_VERBS): a history's line. */
const CHANGE_LOG_VERB = new RegExp(`^(?:${CHANGE_LOG_VERBS.join('|')})\\b`, 'i');
/** …or with such a verb OCR glued onto the name after it ("AddedThomas Reyesas"): the name's capital inside the word. */
const GLUED_CHANGE_LOG_VERB = new RegExp(
  `^(?:${CHANGE_LOG_VERBS.map((w) => `${w[0]!.toUpperCase()}${w.slice(1)}`).join('|')})(?=[A-Z][a-z])`,
);

/** A reading that ends with a comma and a two-letter code: a city line's state ("NORTH LAKE SAVANNAH, GA"). */
const PLACE_END = /,\s*([A-Za-z]{2})\.?$/;
/** Two-letter codes that are a person's title after a comma as well as a state ("Ann Lee, MD"). */
const TITLE_CODES = new Set(['MD', 'DO', 'PA']);

/**
 * Why a name reading cannot be the entity's or the signer's name, or null when it may be: label
 * text ("Customer Name on File"), a carrier's own name, a line of service codes or numbers, a
 * business read where a person's name stands. The review never asserts a difference from such a
 * reading; a person looks.
 */
export function nameProblem(field: 'account_name' | 'authorized_person', value: string): string | null {
  const v = value.trim();
  if (looksLikeLabelText(v)) return `"${v}" reads as label text, not a name`;
  const heading = smallCapsJoined(v).find(looksLikeLabelText);
  if (heading) return `"${v}" is a heading in small capitals ("${heading}"), not a name`;
  if (CARRIER_KEYS.has(normalizeBusinessName(v).key)) return `"${v}" is a carrier's name, not the customer's`;
  const numbered = v.split(/\s+/).filter((w) => /\d/.test(w));
  if (/\d{3,}/.test(v) || numbered.length >= 2) return `"${v}" holds numbers or codes (a service or account line?)`;
  // (no name opens with a joining word: "and Escrow Corp." is the end of one whose first words wrapped away)
  if (/^(?:and|&|\+|of|or)\s/i.test(v)) return `"${v}" opens with "${v.split(/\s/)[0]}": the end of a name cut short`;
  if (field === 'account_name' && onlyLegalForm(v))
    return `"${v}" is only a legal form, no business's name (the name's words not read?)`;
  if (field === 'authorized_person') {
    if (LEGAL_FORM_END.test(v)) return `"${v}" is a business's name, not a person's`;
    const logged = CHANGE_LOG_VERB.exec(v) ?? GLUED_CHANGE_LOG_VERB.exec(v);
    if (logged)
      return `"${v}" opens with "${logged[0]}", a change record's entry ("Removed …", "Added …"), not a person's name`;
    const filler = recordWordIn(v);
    if (filler) return `"${v}" holds "${filler}", a record's filler word, not a person's name`;
    if (deskOnly(v)) return `"${v}" names a desk or a department, not a person`;
    const role = lesserRoleAtEnd(v);
    if (role) return `"${v}" ends with a roster's role (${role.toLowerCase()}), not a person's name`;
    if (v.split(/\s+/).length > 5) return `"${v}" has too many words for a person's name`;
    // (a name's own joining words are particles, "de", "van der": "of", "the", "for" join a caption's words)
    const joined = PHRASE_JOIN.exec(v);
    if (joined) return `"${v}" joins its words with "${joined[1]}": a caption or a phrase, not a person's name`;
    // (one capitalised word with no capital inside: a given name or another word, never a full name — OCR's
    // glued names keep their second capital, "OlgaLevy", or run in capitals, "FATIMAKIM")
    if (/^[A-Z][a-z'’-]+\.?$/.test(v)) return `"${v}" is one word, not a person's full name`;
    if (/,$/.test(v)) return `"${v}" ends with a comma: a list or a city line cut short, not a person's name`;
    const place = PLACE_END.exec(v);
    if (place && normalizeState(place[1]!) && !TITLE_CODES.has(place[1]!.toUpperCase()))
      return `"${v}" ends with a state ("${place[0].replace(/^,\s*/, '')}"): a city line, not a person's name`;
  }
  return null;
}

/**
 * Why a name reading is the gaining carrier's — the porting company using PortDesk, named in the
 * settings — and not the customer's, or null: its words, legal form aside and OCR's lookalikes folded,
 * are that company's ("PortDesk Voice", "P0rtDesk Voice LLC"; a slip in each eight letters allowed). An LOA
 * names that company in its authorization ("I authorize … to port"), and on a garbled scan its reader
 * can take that for the account's name.
 */
export function gainingCarrierReading(value: string, gaining: string | undefined): string | null {
  if (!gaining || ocrKey(gaining).length < 3) return null;
  // (its normalised key, and its own words without the legal form: a misread word the key would
  // abbreviate, "Communicatons", is still that word)
  const keys = (s: string) => [ocrKey(normalizeBusinessName(s).key), ocrKey(businessNameWords(s) ?? s)];
  const own = keys(gaining);
  const read = keys(value);
  const near = (a: string, b: string) =>
    a === b || (b.length >= 8 && editDistance(a, b, 3) <= Math.floor(b.length / 8));
  if (!own.some((k, i) => near(read[i]!, k))) return null;
  return `"${value.trim()}" is your own company's name (the gaining carrier): the customer's name was not read`;
}

/**
 * A reading that is the other value with a few characters glued on ("USRREBECCA ZHANG" for "Rebecca
 * Zhang": a record tag or a label's end read into the value) — the same value, misread, not another.
 */
export function gluedOnto(reading: string, other: string, maxGlued = 5): boolean {
  const a = ocrKey(reading);
  const b = ocrKey(other);
  if (b.length < 6 || a.length <= b.length || a.length - b.length > maxGlued) return false;
  return a.startsWith(b) || a.endsWith(b);
}

/**
 * The caption read into a name: `long` is `short`'s words with a run of words inside that reads as a
 * caption ("Copper Canyon Plumbing & NUMBER, ACCOUNT Heating, Inc" for "Copper Canyon Plumbing &
 * Heating, Inc": the next column's caption between a wrapped name's lines) — the same name, its reader
 * having taken the caption beside it. The run is set apart as a caption is: it ends with a colon, or it is
 * in capitals inside a name written in small letters. A name's own words that a label's vocabulary holds
 * too ("Harbor Account Services Co" against "Harbor Co") are written as the name is: another name.
 * null otherwise.
 */
export function captionReadInto(long: string, short: string): string | null {
  const words = long.trim().split(/\s+/);
  const want = ocrKey(short);
  if (words.length < 3 || !want) return null;
  for (let i = 1; i < words.length; i++) {
    for (let j = i + 1; j <= Math.min(words.length, i + 4); j++) {
      const run = words.slice(i, j);
      const rest = [...words.slice(0, i), ...words.slice(j)];
      const apart =
        /:$/.test(run.at(-1)!) || (run.join('') === run.join('').toUpperCase() && /[a-z]/.test(rest.join('')));
      if (!apart || run.some((w) => !/[A-Za-z]{2}/.test(w)) || ocrKey(rest.join(' ')) !== want) continue;
      if (looksLikeLabelText(run.join(' ').replace(/,$/, ''))) return run.join(' ');
    }
  }
  return null;
}

/**
 * A person reading that is the other's name with a role or caption read onto its end ("James O'Brien
 * Primary" for "James O'Brien" over "James O'Brien - Primary account manager"; "Ann Lee Contact"): the
 * trailing words read as a label's. The words so read, or null. (A name's own last word is no label's
 * vocabulary: a surname such a reading ends with is another person.)
 */
export function roleReadOnto(long: string, short: string): string | null {
  const words = long.trim().split(/\s+/);
  const want = ocrKey(short);
  if (!want) return null;
  for (let i = words.length - 1; i >= Math.max(1, words.length - 3); i--) {
    const tail = words
      .slice(i)
      .join(' ')
      .replace(/^[-–—]\s*/, '');
    if (ocrKey(words.slice(0, i).join(' ')) === want && looksLikeLabelText(tail)) return tail;
  }
  return null;
}
