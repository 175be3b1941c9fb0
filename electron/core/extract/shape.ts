import { labelStems } from '../../../shared/domain/fields.js';
import type { Cand } from './candidate.js';
import { isLabelWord, LABEL_CONCEPTS, LEGAL_FORM_END, type LabelField } from './labels.js';
import type { AddressBlock } from './address-blocks.js';
import type { DocLayout, Hit, Seg, Tok } from './layout.js';
import { addressPartPrompt } from './screen-address.js';
import {
  captionRowUnderRules,
  questionCaption,
  signerCaptionRow,
  spansFor,
  valueOverCaption,
  wholeLabelCell,
} from './spans.js';
import { parseAccount, parseBusiness, parsePerson, parsePhone, parsePin, tokText, toksIn } from './values.js';

/**
 * Labels found by SHAPE when no vocabulary knows their wording. A carrier we have never seen prints
 * "Client Ref:" or "Porting Key:" where others print "Account Number:"; the words are new, the shape
 * is not: a few words ending with a colon, a short upper-case tag before its value on a record line,
 * a cell in a row (or column) of recognised labels. Such a cell's value is read by the grammar of
 * the fields still empty — an account-like token, a short numeric code — and fills one of them only
 * when its own words do not name another field and, without a word pointing at the field, when it is
 * the only such value on the document (elimination). Always below 0.9: an honest guess the review
 * turns into a check, never a mismatch.
 */

/** Confidence of a value read under an unknown label whose words point at its field ("Acc. Ref"). */
const CUED = 0.6;
/** Confidence of a value taken by elimination: the document's only unknown label with that grammar. */
const ELIMINATED = 0.45;

interface ShapeLabel {
  hit: Hit;
  /** a cell of a row of captions printed under their values (a signer block's), its value the one over it */
  underValue?: boolean;
  /** what each of the label's words says: the fields it names, or that a word it abbreviates names */
  cues: Set<LabelField>[];
}

/** Fields whose concepts use a word; a word of 3+ letters also counts for the concept words it begins. */
const conceptFields = (() => {
  const exact = new Map<string, Set<LabelField>>();
  for (const c of LABEL_CONCEPTS)
    for (const s of c.stems) {
      const set = exact.get(s) ?? new Set<LabelField>();
      set.add(c.field);
      exact.set(s, set);
    }
  return (stem: string): Set<LabelField> => {
    const own = exact.get(stem);
    if (own) return own;
    const out = new Set<LabelField>();
    if (stem.length < 3) return out;
    for (const [s, fields] of exact)
      if (s.length > stem.length && s.startsWith(stem)) for (const f of fields) out.add(f);
    return out;
  };
})();

/** The seg's tokens [0, end) form a label no hit covers. */
function unclaimed(doc: DocLayout, seg: Seg, end: number): boolean {
  return !(doc.hitsBySeg.get(seg.id) ?? []).some((h) => h.start < end);
}

const WORDY = /^[A-Za-z(][A-Za-z'’/&().-]*#?:?$/;

/**
 * Where an unknown label ends in its cell (0: no label shape): a few words closed by a colon
 * ("Client Ref:"), a short upper-case tag alone in its cell on a record ("ACT" | "147634332"), or a
 * caption alone in its cell in a row or column of recognised labels.
 */
function labelEnd(doc: DocLayout, seg: Seg): number {
  const toks = seg.toks;
  if (!/^[A-Z(]/.test(toks[0]?.text ?? '') || /^(attn|attention|c\/o)\b/i.test(toks[0]!.text)) return 0;
  for (let k = 0; k < Math.min(toks.length, 5); k++) {
    const t = toks[k]!.text;
    if (!WORDY.test(t)) break;
    if (/:$/.test(t)) return k + 1;
  }
  // the rest need the cell to be all label: no value in it
  if (toks.length > 5 || !toks.every((t) => WORDY.test(t.text) && !/:$/.test(t.text))) return 0;
  const line = doc.lines[seg.line]!;
  const next = line.segs[line.segs.indexOf(seg) + 1];
  // a record's tag: capitals of a few letters, its value in the next cell of the line
  if (doc.kind === 'csr' && next && toks.length <= 2 && toks.every((t) => /^[A-Z]{1,6}#?$/.test(t.text)))
    return toks.length;
  // a caption in a row of recognised labels over their values (no value on the row itself)
  // (every other cell of the row a whole label: a value beside its label is no caption of a row)
  const others = line.segs.filter((s) => s !== seg);
  if (
    others.length &&
    others.every((s) => wholeLabelCell(doc, s)) &&
    others.every((s) => !/:$/.test(s.toks[s.toks.length - 1]!.text))
  )
    return toks.length;
  // a caption first on its line, its value in the next cell, under or over recognised labels in its column
  if (next && line.segs[0] === seg) {
    const near = doc.lines.filter((l) => l.page === line.page && l !== line && Math.abs(l.id - line.id) <= 4);
    // (a label column of a key/value form: each known label with its value beside it — a block's
    // heading over its lines, "Bill To" | "Service Location", makes no column of captions of its lines)
    const column = near.some(
      (l) =>
        (doc.hitsBySeg.get(l.segs[0]?.id ?? -1) ?? []).some((h) => h.start === 0 && Math.abs(h.x0 - seg.x0) < 3) &&
        !!l.segs[1] &&
        !(doc.hitsBySeg.get(l.segs[1].id) ?? []).some((h) => h.start === 0),
    );
    if (column) return toks.length;
  }
  return 0;
}

/** A cell of words in a row of captions under the values they caption (captionRowUnderRules), whatever its wording. */
function rowCaption(doc: DocLayout, seg: Seg): boolean {
  return seg.toks.every((t) => WORDY.test(t.text)) && captionRowUnderRules(doc, doc.lines[seg.line]!);
}

/** Every label of the cell is a carrier's (and it has one). */
function carrierOnly(doc: DocLayout, seg: Seg): boolean {
  const hits = doc.hitsBySeg.get(seg.id) ?? [];
  return hits.length > 0 && hits.every((h) => h.field === 'carrier_name');
}

const labelCache = new WeakMap<DocLayout, ShapeLabel[]>();

function shapeLabels(doc: DocLayout): ShapeLabel[] {
  const cached = labelCache.get(doc);
  if (cached) return cached;
  const out: ShapeLabel[] = [];
  labelCache.set(doc, out);
  for (const seg of doc.segs) {
    // (a numbered question's caption, "3. Account Identifier ....", whatever its wording; its number is no word of it)
    const asked = questionCaption(doc, seg);
    const underValue = !asked && rowCaption(doc, seg);
    const end = asked || underValue ? seg.toks.length : labelEnd(doc, seg);
    // (a question's caption naming a carrier still asks for the number held there when no other label
    // claims it: "Provider Ref" — a carrier's words cue no field, its answer's grammar decides)
    const carrierWords = !!asked && carrierOnly(doc, seg);
    if (!end || (!carrierWords && !unclaimed(doc, seg, end))) continue;
    // (a terminal screen's address-part prompt, "HSE: 4062", labels a house number: no unknown field's value)
    if (addressPartPrompt(doc, seg.toks[end - 1]!)) continue;
    const start = asked?.from ?? 0;
    const toks = seg.toks.slice(start, end);
    const cues = labelStems(tokText(toks, false).text)
      .map(conceptFields)
      .filter((f) => f.size > 0 && !(carrierWords && f.has('carrier_name')));
    const hit: Hit = {
      def: { field: 'other', phrases: [], weight: ELIMINATED },
      field: 'other',
      seg,
      start,
      end,
      colon: /:$/.test(toks[toks.length - 1]!.text),
      prose: false,
      atStart: true,
      strength: ELIMINATED,
      x0: toks[0]!.x0,
      x1: toks[toks.length - 1]!.x1,
      line: seg.line,
      page: seg.page,
      byShape: true,
    };
    out.push({ hit, cues, ...(underValue ? { underValue } : {}) });
  }
  return out;
}

type Grammar = (s: string) => { value: string; start: number; end: number } | null;

/** The unknown labels whose value (beside or under them) reads by a field's grammar, with that value. */
function readAll(doc: DocLayout, labels: ShapeLabel[], parse: Grammar): Found[] {
  return labels.flatMap((label) => {
    const v = valueOf(doc, label, parse);
    return v ? [{ label, ...v }] : [];
  });
}

interface Found {
  label: ShapeLabel;
  value: string;
  toks: Tok[];
}

/** The value beside or under an unknown label, read by a field's grammar. */
function valueOf(doc: DocLayout, label: ShapeLabel, parse: Grammar): { value: string; toks: Tok[] } | null {
  for (const span of spansFor(doc, label.hit, 1)) {
    const toks = span.lines[0];
    if (!toks?.length) continue;
    const tt = tokText(toks);
    const r = parse(tt.text);
    if (r) return { value: r.value, toks: toksIn(tt, r.start, r.end) };
    return null;
  }
  return null;
}

/** A telephone number as printed ("(555) 555-0101", "555-555-0101"): a number, never an account or code. */
function printedPhone(s: string): boolean {
  return /^\+?1?[\s.-]*\(?\d{3}\)?[\s.-]+\d{3}[\s.-]+\d{4}$/.test(s.trim()) || /^1?\d{10}$/.test(s.trim());
}

/** An account number's grammar: a token of six or more characters, mostly digits, no phone, ZIP or date. */
function accountGrammar(s: string): ReturnType<Grammar> {
  const r = parseAccount(s);
  if (!r) return null;
  const compact = r.value.replace(/[\s-]/g, '');
  if (compact.length < 6 || (compact.match(/\d/g) ?? []).length < 5) return null;
  if (/^\d{5}(-\d{4})?$/.test(r.value) || printedPhone(r.value) || parsePhone(r.value)?.start === 0) return null;
  return r;
}

/** A PIN's grammar: four to eight digits (a word-like passcode needs its label). */
function pinGrammar(s: string): ReturnType<Grammar> {
  const r = parsePin(s);
  return r && /^\d{4,8}$/.test(r.value) && !/^\d{5}$/.test(r.value) ? r : null;
}

/**
 * The label to trust for a field among unknown labels whose values fit its grammar: the first whose
 * words point at the field; else, by elimination, the only one — if its words point at no other field.
 */
function choose(field: LabelField, found: Found[]): Cand<string> | undefined {
  const cand = (f: Found, score: number): Cand<string> => ({ value: f.value, toks: f.toks, score, hit: f.label.hit });
  // (a word naming only other fields keeps the label off: "Sales Rep", "Invoice Key", "Client Ref")
  const fits = found.filter((f) => f.label.cues.every((c) => c.has(field)));
  const cued = fits.find((f) => f.label.cues.length > 0);
  if (cued) return cand(cued, CUED);
  const values = new Set(fits.map((f) => f.value));
  // (a label whose words name the PIN, its value read by the PIN's grammar, is the PIN's question, no rival for
  // the account: "Secret Number" | "24592430" under "Ledger Key" | "5028311540382")
  const rivals = found.filter(
    (f) =>
      !fits.includes(f) &&
      !(field === 'account_number' && f.label.cues.some((c) => c.has('pin')) && pinGrammar(f.value)),
  );
  if (values.size !== 1 || rivals.length) return undefined;
  return cand(fits[0]!, ELIMINATED);
}

/**
 * The account number and PIN, when no label gave them, from unknown label-shaped cells whose values
 * have that field's grammar (see the module note). `has` says which of them were already read.
 */
export function shapeFallbacks(
  doc: DocLayout,
  has: { account: boolean; pin: boolean },
): { account?: Cand<string>; pin?: Cand<string> } {
  const out: { account?: Cand<string>; pin?: Cand<string> } = {};
  const wantPin = !has.pin && doc.kind !== 'invoice';
  if (has.account && !wantPin) return out;
  const labels = shapeLabels(doc);
  if (!labels.length) return out;
  if (!has.account) {
    let found = readAll(doc, labels, accountGrammar);
    // a value too long for a PIN is the account's before one a PIN could be ("ACT 166892880" over "PC 350888")
    const long = found.filter((f) => !pinGrammar(f.value));
    if (wantPin && long.length && long.length < found.length && !found.some((f) => f.label.cues.length)) found = long;
    const c = choose('account_number', found);
    if (c) out.account = c;
  }
  if (wantPin) {
    const c = choose(
      'pin',
      readAll(
        doc,
        labels.filter((l) => l.hit !== out.account?.hit),
        pinGrammar,
      ),
    );
    if (c) out.pin = c;
  }
  return out;
}

/** A business name by its legal form ("… Supply, L.L.C."): no other field's value ends so. */
function businessGrammar(s: string): ReturnType<Grammar> {
  const r = parseBusiness(s);
  return r && LEGAL_FORM_END.test(r.value) ? { value: r.value, start: 0, end: s.length } : null;
}

/** A person's name: two or three capitalised words, nothing else on the line. */
function personGrammar(s: string): ReturnType<Grammar> {
  const r = parsePerson(s);
  // (label words are a heading's or a product's, never a person's: "Service Record Inquiry", "Business VoIP";
  // a middle initial is no word, "Maria A. Reyes")
  if (r && labelStems(r.value).some((w) => w.length > 1 && isLabelWord(w))) return null;
  return r && r.quality === 1 && r.value === s.trim() && r.value.split(/\s+/).length <= 3
    ? { value: r.value, start: 0, end: s.length }
    : null;
}

/**
 * The account name where no label gave it (only a fallback: a header line, an address block's first
 * line), and the authorized person where nothing gave one, from unknown label-shaped cells whose
 * values read as a business with its legal form, or as a person's name (see the module note).
 */
export function shapeNames(
  doc: DocLayout,
  has: { labelledName: boolean; person: boolean; name?: string },
): { name?: Cand<string>; person?: Cand<string> } {
  const out: { name?: Cand<string>; person?: Cand<string> } = {};
  // (an LOA always names its signer, so a missing one is a miss; a bill or record may name no one)
  const wantPerson = !has.person && doc.kind === 'loa';
  if (has.labelledName && !wantPerson) return out;
  const labels = shapeLabels(doc);
  // (only labels closed by their colon: a name's line in a block or grid is shaped like a caption)
  const colonLabels = labels.filter((label) => label.hit.colon);
  // (a signer's caption under the rule their name is typed on names them whatever its words)
  const personLabels = labels.filter((label) => label.hit.colon || label.underValue);
  if (!has.labelledName && colonLabels.length) {
    const c = choose('account_name', readAll(doc, colonLabels, businessGrammar));
    if (c) out.name = c;
  }
  if (wantPerson) {
    // (a signer block names its signer over its captions, whether or not any of them is shaped like an unknown label)
    const c =
      signerBlockPerson(doc) ??
      (personLabels.length ? choose('authorized_person', readAll(doc, personLabels, personGrammar)) : undefined);
    if (c && c.value.toLowerCase() !== (out.name?.value ?? has.name ?? '').toLowerCase()) out.person = c;
  }
  return out;
}

/**
 * The signer of a signer block whose name caption no vocabulary reads as the signer's ("Signing Party", a caption
 * read as another field's, "Executed By"): the block's values are typed over its captions (signerCaptionRow), and
 * the one of them a person's name is the signer's — the date, the title and the empty signature rule are no name,
 * and a signature typed as a name is the same person's. Two different names over the block's captions (a witness,
 * a title read as a name) give none. Below 0.9: the name is read by its place and grammar, not by its caption.
 */
function signerBlockPerson(doc: DocLayout): Cand<string> | undefined {
  if (doc.kind !== 'loa') return undefined;
  const named: { key: string; value: string; toks: Tok[]; caption: Seg; signature: boolean }[] = [];
  for (const line of doc.lines) {
    if (!signerCaptionRow(doc, line)) continue;
    for (const caption of line.segs) {
      const cell = valueOverCaption(doc, line, caption);
      if (!cell) continue;
      // (an e-signature typed over its rule, "/s/ Olga Kowalski")
      const typed = cell.toks.filter((t, i) => !(i === 0 && /^\/s\/$/i.test(t.text)));
      const r = typed.length ? personGrammar(tokText(typed, false).text) : null;
      if (!r) continue;
      const signature = !!doc.hitsBySeg.get(caption.id)?.some((h) => h.field === 'signature' && h.start === 0);
      named.push({ key: r.value.toLowerCase(), value: r.value, toks: typed, caption, signature });
    }
  }
  if (!named.length || new Set(named.map((n) => n.key)).size !== 1) return undefined;
  // (the printed name over its own caption is the evidence, before the signature's script)
  const n = named.find((x) => !x.signature) ?? named[0]!;
  const cued = labelStems(tokText(n.caption.toks, false).text).some((w) => conceptFields(w).has('authorized_person'));
  const hit: Hit = {
    def: { field: 'other', phrases: [], weight: ELIMINATED },
    field: 'other',
    seg: n.caption,
    start: 0,
    end: n.caption.toks.length,
    colon: false,
    prose: false,
    atStart: true,
    strength: ELIMINATED,
    x0: n.caption.x0,
    x1: n.caption.x1,
    line: n.caption.line,
    page: n.caption.page,
    byShape: true,
  };
  return { value: n.value, toks: n.toks, score: cued ? CUED : ELIMINATED, hit };
}

/**
 * The service address a numbered questionnaire gives under a caption no vocabulary knows ("4. Where Service Is
 * ...... 6032 South Oak Court, San Luis Obispo, CA"): the address read as a block of no named concept that starts in
 * the answer cell of a numbered question (questionCaption) whose words point at no other field, when it is the only
 * such answer (elimination: a billing or mailing question of unknown wording answers with an address too, and then
 * neither is taken). The provider's own letterhead address answers no question.
 */
export function questionAddress(doc: DocLayout, blocks: readonly AddressBlock[]): AddressBlock | undefined {
  const answers = blocks.filter((b) => {
    if (b.concept !== 'unknown' || !b.toks[0]) return false;
    const line = doc.lines[b.toks[0].line]!;
    const cell = doc.segs[b.toks[0].seg]!;
    const caption = line.segs[line.segs.indexOf(cell) - 1];
    const asked = caption ? questionCaption(doc, caption) : null;
    if (!caption || !asked || cell.toks[0] !== b.toks[0]) return false;
    // (a question whose words name another field, "Invoices Go To", is not the service's)
    const cues = labelStems(tokText(caption.toks.slice(asked.from), false).text).map(conceptFields);
    return cues.every((c) => c.size === 0 || c.has('service_address'));
  });
  return answers.length === 1 ? answers[0] : undefined;
}
