/**
 * Entity, authorised person, BTN and account number: the scalar comparisons with guided verification,
 * and the account-number rules.
 */
import {
  COMPARED_FIELD_LABEL,
  type CarrierEntry,
  type ComparedField,
  type FieldComparison,
} from '../../../shared/domain/comparison.js';
import {
  CHANGE_LOG_VERBS,
  labelInSentence,
  MANAGING_ROLE_WORDS,
  REMOVING_CHANGE_VERBS,
  reviewedRejection,
} from '../../../shared/domain/fields.js';
import type { BBox } from '../../../shared/domain/document.js';
import {
  checkAccountFormat,
  compareAccountNumbers,
  normalizeAccountNumber,
} from '../../../shared/normalize/account.js';
import {
  businessNameWords,
  compareEntityNames,
  comparePersonNames,
  normalizeBusinessName,
} from '../../../shared/normalize/names.js';
import { normalizeState, ZIP_WORD } from '../../../shared/normalize/address.js';
import { NAME_PARTICLES } from '../extract/values.js';
import { itemNumber } from '../extract/layout.js';
import { looksLikeLabelText } from '../extract/labels.js';
import { ocrKey } from './evidence.js';
import {
  authorityDeniedAfter,
  authorizingRoleAfter,
  gainingCarrierReading,
  lesserRoleAfter,
  nameProblem,
} from './plausible.js';
import {
  type CaseData,
  Collector,
  type DocSrc,
  type Docs,
  SOURCE_LABEL,
  type Src,
  caseVal,
  fromDoc,
  type Val,
  toE164,
} from './run.js';
import { type Finder, wordCount } from './finder.js';
import { type ScalarSpec, compareBtn, compareScalar, nameCompare, scalarLocator, wholeBusinessName } from './scalar.js';

type Guided = (
  field: ComparedField,
  compare: ScalarSpec['compare'],
) => Pick<
  ScalarSpec,
  | 'compare'
  | 'locate'
  | 'locateAnywhere'
  | 'written'
  | 'writtenWhole'
  | 'locateWhole'
  | 'repeated'
  | 'implausible'
  | 'labelled'
  | 'pagesKnown'
  | 'ocr'
  | 'sure'
  | 'unread'
  | 'misplaced'
  | 'completed'
  | 'ownCompany'
>;

/**
 * The signer's name under a carrier document's own label when its reader found none ("AUTHORIZED
 * PERSON: OlgaLevy" on a poor scan): words that can be a person's name, no label, number or business.
 * Only to hold against the LOA, with the same doubts as any reading. Only on a document read by OCR:
 * a text layer gives every word as written, so when its reader found no signer there is none to
 * recover, and these loose words would take a contact line's role ("FRONT DESK") for a person.
 */
function personUnderLabel(find: Finder, on: DocSrc, gaining: string | undefined): Val<string> | null {
  if (!find.known(on) || !find.ocr(on) || !find.labelled(on, 'authorized_person')) return null;
  const f = find.scalar(
    'authorized_person',
    on,
    (text) =>
      !/\d/.test(text) &&
      text.replace(/[^A-Za-z]/g, '').length >= 4 &&
      text.split(/\s+/).length <= 4 &&
      personShaped(text) &&
      !nameProblem('authorized_person', text),
    4,
    // what the label states opens its region and is its line's words: name-shaped words further in the
    // block, or a part of a line ("NORTH LAKE" of "NORTH LAKE SAVANNAH, GA"), are a neighbour's or no name
    { first: true, whole: true },
  );
  if (!f || ownStaff(find, on, f.text, gaining)) return null;
  return { src: on, value: f.text.trim(), page: f.page, bbox: f.bbox, conf: Math.min(f.conf, 0.95), picked: true };
}

/**
 * Whether the document writes a person's name on a line with your own company's name (the gaining carrier
 * the settings name), or on the line before it: a ticket's requester signing for that company ("Dmitri T.
 * O'Brien" over "LNP Coordinator, Meridian Cloud Voice"), your own staff — no signer of the customer's.
 */
function ownStaff(find: Finder, on: DocSrc, name: string, gaining: string | undefined): boolean {
  // (the company's first two words: a scan's skewed line may leave its last ones to the line below)
  const own = gaining ? ocrKey((businessNameWords(gaining) ?? gaining).split(/\s+/).slice(0, 2).join('')) : '';
  const words = name
    .split(/\s+/)
    .map(ocrKey)
    .filter((w) => w.length >= 2);
  if (own.length < 6 || words.length < 2) return false;
  return !!find.anywhere(
    on,
    (text) => {
      const key = ocrKey(text);
      return key.includes(own) && words.every((w) => key.includes(w));
    },
    12,
    true,
  );
}

/**
 * Words shaped like a person's name: each capitalised or a surname particle ("de la Cruz"), of letters (an initial's period, an apostrophe or a
 * hyphen within), two or more of them or a long glued one ("OlgaLevy") — not the sentence a blank field leaves
 * ("BODY INC. below."). A record's filler ("= NONE ON") is nameProblem's to refuse (plausible.ts).
 */
function personShaped(text: string): boolean {
  const words = text.trim().split(/\s+/);
  if (!words.every((w) => /^[A-Z][A-Za-z'’-]*\.?,?$/.test(w) || NAME_PARTICLES.test(w))) return false;
  // one word: a name OCR glued ("OlgaLevy", "FATIMAKIM"), long enough not to be a filler word
  return words.filter((w) => w.replace(/[^A-Za-z]/g, '').length >= 2).length >= 2 || /^[A-Za-z]{6,}$/.test(words[0]!);
}

/** A business's name words ending where a name ends (see wholeBusinessName), whatever stands before them (a record's tag). */
const nameEndsThere = (_before: readonly string[], words: readonly string[], after: readonly string[]) =>
  wholeBusinessName([], words, after);

/**
 * A value written anywhere on a document: a name with a letter or two more wrong than OCR's
 * lookalikes (long names two) — on a text layer as typed, where a letter more is another name, not a
 * misread — an account number digit for digit, standing on its own.
 */
function writtenLocator(find: Finder, field: ComparedField, whole = false): ScalarSpec['written'] {
  if (field === 'account_name' || field === 'authorized_person')
    return (value, on) => {
      const edits = (n: number) => (!find.ocr(on) ? 0 : n >= 12 ? 2 : n >= 6 ? 1 : 0);
      // (`whole`: a business's name only as a whole name, never as some words of a longer one)
      const bounded = whole && field === 'account_name' ? wholeBusinessName : undefined;
      const found = find.written(on, value, { maxEdits: edits(ocrKey(value).length), wordStart: true, bounded });
      if (found || field !== 'account_name') return found;
      // a business written with its legal form in another form ("Clinic Co." for "Clinic Company"): its name
      // words as the value writes them; on a text layer ending where a name ends (its legal form, punctuation,
      // a caption), not running on into more name words — "Mesa Verde Brewing" of "Mesa Verde Brewing Company
      // PA" is no part of "Mesa Verde Brewing Group P.A." (what stands before them, a record's tag, may be
      // anything). On a scan the words after them may be OCR's pieces of the legal form or of a neighbouring
      // cell ("KIM & MARTINEZ LC" / "PL"): they prove nothing. Then its normalised words, for a joining word
      // written otherwise ("Kim and Martinez" as "KIM & MARTINEZ") — never alone: a word they abbreviate
      // ("Center" → "CTR") is written in full on a page
      const ends = bounded ?? (find.ocr(on) ? undefined : nameEndsThere);
      const words = businessNameWords(value);
      const spelt = [words, normalizeBusinessName(value).key].filter((w): w is string => !!w && ocrKey(w).length >= 8);
      for (const w of new Set(spelt.map(ocrKey))) {
        const at = find.written(on, w, {
          maxEdits: edits(w.length),
          wordStart: true,
          bounded: ends,
        });
        if (at) return at;
      }
      return null;
    };
  if (field === 'account_number')
    return (value, on) => {
      const want = normalizeAccountNumber(value);
      return want.length >= 4 ? find.written(on, want, { digits: /^\d+$/.test(want) }) : null;
    };
  return () => null;
}

/**
 * An account number of six or more characters a carrier document writes word for word twice or more
 * (a CSR's rows each carry it). Not names: a CSR without the signer repeats other people's names (a
 * rep, a contact), and a BTN is also a listed number, repeated whatever its role.
 */
function repeatedOn(find: Finder, field: ComparedField): ScalarSpec['repeated'] {
  if (field !== 'account_number') return undefined;
  return (value, on) => {
    const want = normalizeAccountNumber(value);
    return want.length >= 6 && find.writtenTimes(on, want, /^\d+$/.test(want)) >= 2;
  };
}

/**
 * The BTN an LOA states is most often also one of its numbers to port (or not to port): the carrier's
 * BTN written on the LOA no more often than those lists hold it is the list's number, not a BTN the
 * reader missed, once the LOA's own reading is written more often than its lists hold it (stated
 * beside its label or in a sentence, not a number guessed from a list).
 */
function btnOnlyListedOnLoa(docs: Docs, find: Finder): ScalarSpec['onlyListedOnLoa'] {
  return (carrier, reading) => {
    if (!find.known('loa')) return false;
    const ten = (n: string) => (toE164(n) ?? '').replace(/^\+1/, '');
    const lists = [docs.loa?.phone_numbers?.value ?? [], docs.loa?.numbers_not_to_port?.value ?? []];
    const listed = (e: string) => lists.filter((l) => l.some((n) => ten(n) === e)).length;
    const [c, r] = [ten(carrier), ten(reading)];
    if (c.length !== 10 || r.length !== 10) return false;
    return listed(c) > 0 && find.timesWritten('loa', c) <= listed(c) && find.timesWritten('loa', r) > listed(r);
  };
}

/**
 * An LOA's BTN reading that is only the first of its numbers to port: a line of the account (the CSR or the
 * invoice lists it), written on the LOA no more often than the LOA's lists hold it — the LOA prints it in
 * its list and nowhere else, so no caption of the LOA, known or not, gives it as the BTN.
 */
function btnOnlyFirstListedOnLoa(docs: Docs, find: Finder): ScalarSpec['onlyFirstListedOnLoa'] {
  return (reading) => {
    if (!find.known('loa')) return false;
    const ten = (n: string) => (toE164(n) ?? '').replace(/^\+1/, '');
    const r = ten(reading);
    const toPort = docs.loa?.phone_numbers?.value ?? [];
    if (r.length !== 10 || ten(toPort[0] ?? '') !== r) return false;
    const listed = [toPort, docs.loa?.numbers_not_to_port?.value ?? []].filter((l) => l.some((n) => ten(n) === r));
    const onAccount = [docs.csr, docs.invoice].some((d) => (d?.phone_numbers?.value ?? []).some((n) => ten(n) === r));
    return onAccount && find.timesWritten('loa', r) <= listed.length && !besideCaption(find, docs.loa?.btn);
  };
}

/**
 * Whether a reading stands right after a short caption on its line ("Parent line: 918-555-0163",
 * "Anchor no. - …"): a caption no wording names may still name the value. A list's marker ("1.") or a
 * sentence's words (a letter's "…from AT&T to Telnyx:" runs longer) are no caption.
 */
function besideCaption(find: Finder, at: { page: number | null; bbox: BBox | null } | undefined): boolean {
  if (!at) return false;
  const front = find
    .wordsInFront('loa', at, MAX_CAPTION_WORDS + 1)
    .split(' ')
    .filter(Boolean);
  if (!front.length || front.length > MAX_CAPTION_WORDS || !front.some((w) => /[A-Za-z]{2}/.test(w))) return false;
  const last = front.at(-1)!;
  return /[:#]$/.test(last) || /^[-–—]$/.test(last);
}
/** The most words a caption beside its value runs to ("Main account telephone no.:"). */
const MAX_CAPTION_WORDS = 4;

/**
 * A carrier document's signer reading that a roster row names for a role without authority over the
 * account ("Carlos O'Brien  Device user"): not the authorised person, whatever the roster's heading.
 */
function rosterRole(find: Finder, v: Val<string>): string | null {
  if (v.src === 'case' || v.src === 'loa' || v.conf >= 1) return null;
  const role =
    lesserRoleAfter(find.afterOnLine(v.src, v)) ?? lesserRoleAfter(afterName(v.value, find.fromOnLine(v.src, v)));
  return role
    ? `"${v.value}" is listed with the role "${role.toLowerCase()}", which gives no authority over the account`
    : null;
}

/**
 * A roster row whose role cell gives its person authority over the account ("Ibrahim Fitzgerald | Authorized
 * Contact | +1 559 …"): the row is the reading's label, whatever the roster's column captions ("Name | Role").
 * Not when the roster gives someone a managing role (an administrator outranks them, as the reader ranks).
 */
function authorizedByRow(find: Finder, v: Val<string>): boolean {
  if (v.src === 'case' || v.src === 'loa' || !find.known(v.src)) return false;
  const named =
    authorizingRoleAfter(find.afterOnLine(v.src, v)) ||
    authorizingRoleAfter(afterName(v.value, find.fromOnLine(v.src, v)));
  return named && !find.managingRow(v.src, MANAGING_ROLE_WORDS, (text) => !/\d/.test(text) && personShaped(text));
}

/**
 * A carrier document's signer reading whose own line says the person holds no authority ("Dana Silva
 * (bookkeeper) called, NOT auth on acct"): a note's caller, not the authorised person — a look, not a difference.
 */
function deniedAuthority(find: Finder, v: Val<string>): string | null {
  if (v.src === 'case' || v.src === 'loa' || v.conf >= 1 || !find.known(v.src)) return null;
  const denial = authorityDeniedAfter(find.afterOnLine(v.src, v));
  return denial ? `"${v.value}" is written there as holding no authority ("${denial}")` : null;
}

/**
 * A signer reading that opens a form's numbered item, on a form whose signer label is numbered too ("(8)
 * AUTHORIZED PARTY  (9) ACCOUNT FREEZE" over their values): an item's number stands before a caption, never
 * before a value (layout.ts itemNumber), so the reading is another item's caption — the label's value left
 * blank. Only ever a doubt: a person looks.
 */
function numberedCaption(find: Finder, v: Val<string>): string | null {
  const label = v.found?.label_bbox;
  if (v.src === 'case' || v.conf >= 1 || !label || !find.known(v.src)) return null;
  const on = v.src;
  // (a parenthesised item number, "(9)", is the form's "9)")
  const marker = (w: string | undefined) => !!w && itemNumber(w.replace(/^\(/, ''));
  // the item number right before the words, or first in their box (a reader leaves it out of the value, not the box)
  const numberOf = (at: { page: number | null; bbox: BBox }, value: string) => {
    const first = find.fromOnLine(on, at)[0];
    if (marker(first) && !value.trim().startsWith(first!)) return first!;
    const before = find.wordsInFront(on, at, 1);
    return marker(before) ? before : null;
  };
  const own = v.bbox ? numberOf({ page: v.page, bbox: v.bbox }, v.value) : null;
  if (!own || !numberOf({ page: v.page, bbox: label }, '')) return null;
  return `"${v.value}" follows the item number "${own}" as its label does: the next item's caption, not a name`;
}

/**
 * A signer reading followed on its line by a state and a ZIP ("Winston Salem, NC 27130"): an address's city
 * line — a reader taking the line above or below an empty signer caption — not a person's name.
 */
function cityLineRead(find: Finder, v: Val<string>): string | null {
  if (v.src === 'case' || v.conf >= 1 || !find.known(v.src)) return null;
  // (the words after the name inside its reading's box, or else after the box on its line)
  const inBox = afterName(v.value, find.fromOnLine(v.src, v));
  const [state, zip] = (inBox.length ? inBox : find.afterOnLine(v.src, v))
    .map((w) => w.replace(/^[,.]+|[,.]+$/g, ''))
    .filter(Boolean);
  if (!state || !zip || !/^[A-Za-z]{2}$/.test(state) || !normalizeState(state) || !ZIP_WORD.test(zip)) return null;
  return `"${v.value}" is followed on its line by "${state} ${zip}", a state and ZIP: a city line, not a person's name`;
}

/** A change record's verb that takes a person off the account (shared/domain REMOVING_CHANGE_VERBS). */
const REMOVING_VERB = new RegExp(`^(?:${REMOVING_CHANGE_VERBS.join('|')})\\W*$`, 'i');
/** Any change record's verb: another entry's, between a removal and a name that is not the removed one. */
const CHANGE_VERB = new RegExp(`^(?:${CHANGE_LOG_VERBS.join('|')})\\W*$`, 'i');

/**
 * A carrier document's signer reading that the same document's change history records as taken off the
 * account ("Removed Dana Sullivan from authorized contacts", "Authorized user Marcus Moreau removed"): the
 * removal's verb right before the name, or right after it, a caption's two words between at most ("Removed
 * authorized user …") and no other entry's verb ("Removed Olga Kim, added Dana Sullivan" removes Olga Kim only). A history's name, perhaps
 * nobody's on the account now — a look, not a difference.
 */
function removedInHistory(find: Finder, v: Val<string>): string | null {
  if (v.src === 'case' || v.src === 'loa' || v.conf >= 1 || !find.known(v.src)) return null;
  const key = ocrKey(v.value);
  if (key.length < 6) return null;
  // (between them only a caption's words, "Removed authorized user Dana Sullivan": another name is another entry)
  const between = (words: string[]) =>
    !words.length ||
    (words.length <= 2 && !words.some((w) => CHANGE_VERB.test(w)) && looksLikeLabelText(words.join(' ')));
  const entry = find.anywhere(
    v.src,
    (text) => {
      const words = text.split(' ');
      const n = words.length;
      if (REMOVING_VERB.test(words[0]!))
        for (let k = 1; k <= 3 && k < n; k++)
          if (between(words.slice(1, k)) && ocrKey(words.slice(k).join(' ')) === key) return true;
      if (REMOVING_VERB.test(words[n - 1]!))
        for (let k = n - 1; k >= n - 3 && k > 0; k--)
          if (between(words.slice(k, n - 1)) && ocrKey(words.slice(0, k).join(' ')) === key) return true;
      return false;
    },
    wordCount(v.value) + 3,
  );
  return entry
    ? `its change history records "${v.value}" as taken off the account ("${entry.text}"): perhaps not the authorized person now`
    : null;
}

/**
 * The words of a line after a name's own words (`words` starting with them, however OCR parted or
 * glued them): what the line writes after the name inside its reading's box and beyond; empty when
 * the line does not start with the name.
 */
function afterName(name: string, words: readonly string[]): string[] {
  const want = name.toUpperCase().replace(/[^A-Z]/g, '');
  let got = '';
  for (let i = 0; i < words.length; i++) {
    got += words[i]!.toUpperCase().replace(/[^A-Z]/g, '');
    if (got === want) return words.slice(i + 1);
    if (!want.startsWith(got)) return [];
  }
  return [];
}

/**
 * The CSR's signer: its reading, or — when that reading is a roster's person without authority — the
 * one person the roster gives a managing role ("Dmitri Sm ith  Owner / admin"), whom the roster makes
 * the authorised person. Held with the doubts of any reading not under the field's label.
 */
function csrSigner(find: Finder, read: Val<string> | null): Val<string> | null {
  if (!read || !find.known('csr') || !rosterRole(find, read)) return read;
  const f = find.managingRow('csr', MANAGING_ROLE_WORDS, (text) => {
    // OCR's split of a word ("Sm ith"): its lower-case piece joined back to the word before
    const joined = text.replace(/\s+(?=[a-z])/g, '');
    return !/\d/.test(text) && personShaped(joined) && !nameProblem('authorized_person', joined);
  });
  return f
    ? {
        src: 'csr',
        value: f.text.replace(/\s+(?=[a-z])/g, ''),
        page: f.page,
        bbox: f.bbox,
        conf: Math.min(f.conf, 0.9),
        picked: true,
      }
    : read;
}

/**
 * Both carrier documents' BTN readings unsure and taken from no BTN label (a fax header's sender, the
 * first number of a list), while the CSR writes the LOA's BTN as a number of its own and the reading
 * once at most: their agreeing says only that both print that number, not that it is the BTN.
 */
function btnGuessedByBoth(find: Finder): ScalarSpec['agreementDoubt'] {
  const ten = (n: string) => (toE164(n) ?? '').replace(/^\+1/, '');
  // (the BTN's own locator: its digits inside the region of a BTN label)
  const underBtnLabel = scalarLocator(find, 'btn', compareBtn);
  const guessed = (v: Val<string>) => {
    const on = v.src as DocSrc;
    if (v.src === 'case' || v.conf >= 1 || v.byLabel || find.sure(on, v.conf) || !find.known(on)) return false;
    return !find.labelledInFront(on, 'btn', v) && !(find.labelled(on, 'btn') && underBtnLabel(v.value, on));
  };
  return (ref, invoice, checked) => {
    const loaBtn = ten(checked.value);
    if (checked.src !== 'loa' || loaBtn.length !== 10 || !guessed(ref) || !guessed(invoice)) return null;
    // (a number the CSR repeats row after row is its record's, whatever column label OCR lost: "Bill TN")
    if (find.writtenTimes('csr', loaBtn, true) < 1 || find.writtenTimes('csr', ten(ref.value), true) > 1) return null;
    return `neither the CSR nor the invoice gives "${ref.value}" under a BTN label (both read with low confidence), and the CSR writes the LOA's ${checked.value} too`;
  };
}

/**
 * Where a document writes, beginning with a reading of a name, words the name rules hold equal to
 * `whole`, on one line or wrapped onto the next: the reading's complete name (see ScalarSpec.completed).
 */
function completedOn(find: Finder, compare: ScalarSpec['compare']): ScalarSpec['completed'] {
  return (part, whole) => {
    if (part.src === 'case' || !find.known(part.src)) return null;
    const start = ocrKey(part.value);
    if (start.length < 4) return null;
    return find.anywhere(
      part.src,
      (text) => {
        const k = ocrKey(text);
        return k.length > start.length && k.startsWith(start) && compare(whole, text).verdict !== 'mismatch';
      },
      wordCount(whole) + 3,
      true,
    );
  };
}

/**
 * A business's name written whole (see ScalarSpec.locateWhole, writtenWhole): under its label, and for
 * `writtenWhole` else anywhere — one locator under the label serving both.
 */
function wholeNameOn(
  find: Finder,
  field: ComparedField,
  compare: ScalarSpec['compare'],
): Pick<ScalarSpec, 'locateWhole' | 'writtenWhole'> {
  const [underLabel, anywhere] = [scalarLocator(find, field, compare, false, true), writtenLocator(find, field, true)];
  return {
    locateWhole: underLabel,
    writtenWhole: (value, on, reading) => underLabel(value, on, reading) ?? anywhere(value, on),
  };
}

/**
 * Guided verification for a scalar field: where its values are written on the documents; `gaining`, the
 * gaining carrier the settings name, is no customer's name or person.
 */
function guidedBy(find: Finder, gaining: string | undefined): Guided {
  const named = (field: ComparedField): field is 'account_name' | 'authorized_person' =>
    field === 'account_name' || field === 'authorized_person';
  const ownCompany = (value: string) => gainingCarrierReading(value, gaining);
  return (field, compare) => ({
    compare,
    locate: scalarLocator(find, field, compare),
    locateAnywhere: scalarLocator(find, field, compare, true),
    written: writtenLocator(find, field),
    ...(field === 'account_name' ? wholeNameOn(find, field, compare) : {}),
    repeated: repeatedOn(find, field),
    implausible: named(field) ? (value) => ownCompany(value) ?? nameProblem(field, value) : () => null,
    ...(named(field) ? { ownCompany } : {}),
    labelled: (on: DocSrc) => find.labelled(on, field),
    pagesKnown: find.known,
    ocr: find.ocr,
    sure: find.sure,
    unread: field === 'authorized_person' ? (on: DocSrc) => personUnderLabel(find, on, gaining) : () => null,
    ...(field === 'account_name' || field === 'authorized_person' ? { completed: completedOn(find, compare) } : {}),
    ...(field === 'account_name'
      ? { labelledAt: (on: DocSrc, at: Val<string>) => find.ocr(on) && find.labelledInFront(on, field, at) }
      : {}),
    ...(field === 'authorized_person'
      ? {
          // …or a letter's sentence that names the signer's role right after the name, a data record's
          // nested key over the member holding the name (on a text layer too), or a roster row's role cell
          labelledAt: (on: DocSrc, at: Val<string>) =>
            (find.ocr(on) && find.labelledInFront(on, field, at)) ||
            find.namedAfter(on, field, at) ||
            find.underRecordHeading(on, field, at) ||
            authorizedByRow(find, at),
          misplaced: (v: Val<string>) =>
            rosterRole(find, v) ??
            removedInHistory(find, v) ??
            deniedAuthority(find, v) ??
            numberedCaption(find, v) ??
            cityLineRead(find, v),
        }
      : {}),
  });
}

/** Entity, authorised person, BTN and account number; returns the account number's comparison. */
export function compareIdentity(
  c: Collector,
  docs: Docs,
  cd: CaseData,
  present: Set<Src>,
  find: Finder,
  gainingCarrier?: string,
): FieldComparison {
  const guided = guidedBy(find, gainingCarrier);
  compareScalar(c, {
    field: 'account_name',
    noun: labelInSentence(COMPARED_FIELD_LABEL.account_name),
    code: reviewedRejection('account_name'),
    equivalentRiskCode: reviewedRejection('account_name'),
    present,
    requiredOn: ['loa'],
    missingLevel: 'blocker',
    vals: {
      loa: fromDoc(docs, 'loa', 'account_name'),
      invoice: fromDoc(docs, 'invoice', 'account_name'),
      csr: fromDoc(docs, 'csr', 'account_name'),
      case: caseVal(cd?.entity_name),
    },
    ...guided('account_name', nameCompare(compareEntityNames)),
    normalize: (s) => {
      const n = normalizeBusinessName(s);
      return [n.key, ...n.suffixes].join(' ');
    },
  });
  compareScalar(c, {
    field: 'authorized_person',
    noun: labelInSentence(COMPARED_FIELD_LABEL.authorized_person),
    code: reviewedRejection('authorized_person'),
    equivalentRiskCode: reviewedRejection('authorized_person'),
    present,
    requiredOn: ['loa'],
    missingLevel: 'blocker',
    vals: {
      loa: fromDoc(docs, 'loa', 'authorized_person'),
      invoice: fromDoc(docs, 'invoice', 'authorized_person'),
      csr: csrSigner(find, fromDoc(docs, 'csr', 'authorized_person')),
      case: caseVal(cd?.authorized_person),
    },
    ...guided('authorized_person', nameCompare(comparePersonNames, true)),
    normalize: (s) => s.trim().toUpperCase(),
  });
  compareScalar(c, {
    field: 'btn',
    noun: labelInSentence(COMPARED_FIELD_LABEL.btn),
    code: reviewedRejection('btn'),
    present,
    requiredOn: ['loa'],
    missingLevel: 'warning',
    vals: {
      loa: fromDoc(docs, 'loa', 'btn'),
      invoice: fromDoc(docs, 'invoice', 'btn'),
      csr: fromDoc(docs, 'csr', 'btn'),
      case: caseVal(cd?.btn),
    },
    ...guided('btn', compareBtn),
    onlyListedOnLoa: btnOnlyListedOnLoa(docs, find),
    onlyFirstListedOnLoa: btnOnlyFirstListedOnLoa(docs, find),
    agreementDoubt: btnGuessedByBoth(find),
    normalize: (s) => toE164(s) ?? s.replace(/\D/g, ''),
  });
  return compareScalar(c, {
    field: 'account_number',
    noun: labelInSentence(COMPARED_FIELD_LABEL.account_number),
    code: reviewedRejection('account_number'),
    present,
    requiredOn: ['loa'],
    missingLevel: 'warning',
    vals: {
      loa: fromDoc(docs, 'loa', 'account_number'),
      invoice: fromDoc(docs, 'invoice', 'account_number'),
      csr: fromDoc(docs, 'csr', 'account_number'),
      case: caseVal(cd?.account_number),
    },
    ...guided('account_number', compareAccountNumbers),
    normalize: normalizeAccountNumber,
  });
}

/** The losing carrier's account-number rules: its format, and a reseller's carrier-level number. */
export function warnAccountNumberRules(c: Collector, acct: FieldComparison, losingEntry: CarrierEntry | null): void {
  // carrier format (Twilio SID, AT&T length): a doubt, not a certainty, unless the CSR confirms the value
  const formatCarrier = losingEntry?.account_number.format ? losingEntry : null;
  if (formatCarrier?.account_number.format) {
    for (const src of ['loa', 'case'] as Src[]) {
      const v = acct.values[src];
      if (!v) continue;
      const problem = checkAccountFormat(v, formatCarrier.account_number.format);
      if (problem && acct.reference !== 'csr') {
        c.predict(
          reviewedRejection('account_number'),
          'warning',
          `${SOURCE_LABEL[src]}: ${problem} ${formatCarrier.account_number.source}.`,
          { [src]: { value: v, page: acct.evidence[src]?.page ?? null, bbox: acct.evidence[src]?.bbox ?? null } },
        );
        acct.reason += ` ${SOURCE_LABEL[src]}: ${problem}`;
      }
    }
  }
  if (losingEntry?.reseller && acct.reference !== 'csr') {
    c.predict(
      reviewedRejection('account_number'),
      'warning',
      `${losingEntry.name} is a reseller: the account number must be the carrier-level one (${losingEntry.account_number.source}), not the reseller login.`,
      {},
    );
  }
}
