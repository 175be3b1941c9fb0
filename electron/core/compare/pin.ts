/** PIN: the LOA's PIN against the CSR's, and the carrier's PIN rules. */
import { type CarrierEntry, type FieldComparison } from '../../../shared/domain/comparison.js';
import { reviewedRejection } from '../../../shared/domain/fields.js';
import { maskPin, normalizePin } from '../../../shared/normalize/account.js';
import { type Found, digitsOfToks, ocrKey, splitLabelNames } from './evidence.js';
import { Collector, type DocSrc, type Docs, type Val, candidate, ev, fromDoc } from './run.js';
import { type Finder } from './finder.js';
import { CONTRARY_MIN } from './scalar.js';
import { type Word } from '../../../shared/domain/document.js';
import { ocrSlips } from '../../../shared/normalize/ocr-confusions.js';
import { AMBIGUOUS_LABEL_CAP } from '../extract/fields.js';
import { fixDigits } from '../extract/text.js';
import { parseAddress } from '../../../shared/normalize/address.js';

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
 * A PIN its document's reader read under a PIN caption its own vocabulary knows, or stated in a PIN
 * sentence by its grammar (the reading's `found`, kept with the extraction), sure enough that the caption,
 * not OCR's noise, gave it. The reader saw the caption and the value together; the review's index of the
 * page may miss that caption on a tilted or noisy scan (its lines drift apart), so this is the evidence
 * that the value is the PIN under its label. A value taken under a caption only its shape made one ('shape':
 * no vocabulary knows its words), or by layout, is no such reading; nor is one of a document stored before
 * readings kept how they were found.
 */
function readUnderCaption(find: Finder, v: Val<string>): boolean {
  const how = v.found?.source;
  if (v.src === 'case' || (how !== 'label' && how !== 'prose')) return false;
  // (at or below the reader's cap for a caption whose region held a rival value, which one it gives is a guess:
  // a scan's date or another code under a caption the reader took for a PIN's reads so)
  if (v.conf > AMBIGUOUS_LABEL_CAP) return true;
  // …but a scan's PIN that stood alone under its caption (the reader found no other value of a PIN's grammar
  // there, a date none) has no rival to be confused with: only its letters are unsure, and a slip OCR makes is
  // still a look (settlePins). Not a text layer's (its letters are sure: what keeps it under the cap is where it
  // stood — above its caption, a weak caption — no lower floor answers that), nor a sentence's (no rivals kept)
  return how === 'label' && find.ocr(v.src) && v.found?.rival_under_caption === false && v.conf > LONE_CAPTION_FLOOR;
}

/**
 * How sure a scan's reading alone under its PIN caption must be to count as read there: below every PIN the
 * reader takes under a caption it knows from a noisy scan's words (its caption's weight and OCR's certainty
 * at their lowest), above a guess under a caption only its shape made one.
 */
const LONE_CAPTION_FLOOR = 0.55;

/**
 * A reading the reader took alone under its caption that is the last four digits of its own document's
 * account number: the account's tail written beside the PIN's caption ("Acct ending 9018") stood there too
 * (the reader never counts it near-certain), so the PIN is not alone under its caption.
 */
function notAloneBesideAccountTail(docs: Docs, v: Val<string> | null): Val<string> | null {
  if (!v || v.src === 'case' || v.found?.rival_under_caption !== false) return v;
  const acct = docs[v.src]?.account_number?.value.replace(/\D/g, '') ?? '';
  const pin = normalizePin(v.value);
  if (!/^\d{4}$/.test(pin) || !acct.endsWith(pin) || acct === pin) return v;
  return { ...v, found: { ...v.found, rival_under_caption: true } };
}

/**
 * A PIN the CSR's reader took from a scan where no PIN label of the CSR states it (neither a label the
 * review's index knows with the reading under it, nor PIN words just before it on its line): a carrier
 * code whose record tag OCR brings near "PIN" ("/PIC 13Z1", "/LPIC 1940") is no PIN. The review never
 * asserts a rejection from it; a person looks.
 */
function unlabelledScanPin(find: Finder, csr: Val<string>): boolean {
  if (csr.conf >= 1 || !find.known('csr') || !find.ocr('csr') || readUnderCaption(find, csr)) return false;
  if (pinLocator(find, csr.value, 'csr') || find.labelledInFront('csr', 'pin', csr)) return false;
  // (its printed row, the scan's skew corrected, may put the PIN's caption right in front of it: "PIN Code:
  // 37373809" where the tilt set the reading a line below its caption in the review's index)
  if (statedInSentence(find, 'csr', csr)) return false;
  // where the reading's value is written, should its box be off (a reader's box spans its cell)
  const at = find.written('csr', csr.value, { digits: /^\d+$/.test(normalizePin(csr.value)) });
  return !at || !find.labelledInFront('csr', 'pin', at);
}

/**
 * A PIN the CSR's reader only guessed (an unknown caption's value, taken by elimination: below the
 * review's floor for asserting from a reading) that no PIN label of the CSR states, on its line or in a
 * sentence: a piece of a wrapped account number or another code, as likely as a PIN. Never the ground
 * for saying the account has a PIN the LOA does not give; a person looks.
 */
function unlabelledGuess(find: Finder, csr: Val<string>): boolean {
  if (csr.conf >= CONTRARY_MIN || !find.known('csr')) return false;
  if (pinLocator(find, csr.value, 'csr') || find.labelledInFront('csr', 'pin', csr)) return false;
  return !statedInSentence(find, 'csr', csr);
}

/**
 * When the CSR's PIN reading was taken from no PIN label (another code): whether the words its PIN label
 * opens with state PINs, none of them the LOA's — a verification response's "PIN  No match  1326  0502".
 * The carrier's PIN is one of them, so the LOA's differs. Only when the LOA's PIN, read under its own
 * label, is written nowhere on the CSR (one character off allowed: OCR's slip is no difference), and the
 * label's words hold a number as long as it (a year or a code beside a masked PIN is no PIN of its length)
 * and no masked or withheld PIN ("••••", "on file").
 */
function csrLabelStatesOthers(find: Finder, loa: Val<string>): boolean {
  const a = normalizePin(loa.value);
  if (!/^\d{4,12}$/.test(a) || !(loa.conf >= 1 || find.sure('loa', loa.conf) || pinLocator(find, loa.value, 'loa')))
    return false;
  if (find.written('csr', a, { digits: true, maxEdits: 1 })) return false;
  let stated: string[] = [];
  find.scalar(
    'pin',
    'csr',
    (text, toks) => {
      if (/[•*●]|\b(?:on file|none|not set|x{3,})\b/i.test(text)) return false;
      stated = toks
        .filter((t) => /\d{3}/.test(t.text) && !dateWord(t.text))
        .map((t) => ocrKey(t.text))
        .filter((k) => /^\d{4,12}$/.test(k));
      return true;
    },
    6,
    { first: true },
  );
  const apart = (k: string) => k.length !== a.length || [...k].filter((ch, i) => ch !== a[i]).length >= 2;
  return stated.some((k) => k.length === a.length) && stated.every(apart);
}

/**
 * Whether a reading is a piece of the other document's PIN that its own document writes whole right
 * there: OCR split the PIN ("8070 78,") and the reader took the first piece. The whole PIN is looked for
 * as written (a piece drifted onto the neighbouring line included), at the reading's own place, so
 * a PIN one digit off, or the other PIN written in some other block, is not it.
 */
function pieceOfWritten(find: Finder, reading: Val<string>, whole: string): boolean {
  const piece = normalizePin(reading.value);
  if (reading.conf >= 1 || !reading.bbox || reading.src === 'case') return false;
  if (piece.length < 2 || piece.length >= whole.length || !whole.includes(piece)) return false;
  const f = find.written(reading.src, whole);
  if (!f || f.page !== reading.page || ocrKey(f.text) !== ocrKey(whole)) return false;
  const [r, w] = [reading.bbox, f.bbox];
  return r[0] < w[2] && w[0] < r[2] && r[1] < w[3] && w[1] < r[3];
}

/** The words a letter puts between its PIN label and the PIN ("PIN currently set is 5806"). */
const PIN_LINK_WORDS = new Set(['currently', 'set', 'is', 'on', 'file', 'of', 'now', 'as', 'to', 'be']);
/**
 * The words a sentence puts between a PIN's label and the PIN ("The PIN on file for this account is
 * 0244", "a passcode of 863520 is on file", "asks for a passcode, it is 37665023"): PIN_LINK_WORDS and
 * the words naming this account.
 */
const PIN_SENTENCE_LINKS = new Set([...PIN_LINK_WORDS, 'for', 'this', 'the', 'a', 'it', 'our', 'your', 'account']);
/** How many link words may stand between the label and the PIN. */
const MAX_PIN_LINKS = 7;
/** A word's letters and digits, OCR's specks and punctuation around it off ("|for", "passcode'", "is,"). */
const bare = (t: string) => t.replace(/^[^A-Za-z0-9]+|[^A-Za-z0-9]+$/g, '');

/**
 * Whether the PIN label states a reading in its sentence, on the printed row (the scan's skew corrected,
 * the sentence wrapped from the line above): the label (one to three words, OCR's split or a link word
 * glued on allowed: "PINon file") then only link words up to the reading, with no sentence end between.
 * What a letter says its PIN is, read under the PIN's own label.
 */
function statedInSentence(find: Finder, on: DocSrc, at: { page: number | null; bbox: Found['bbox'] | null }): boolean {
  if (!find.known(on)) return false;
  const before = sentenceBefore(find, on, at);
  if (!before) return false;
  for (let i = before.length - 1, links = 0; i >= 0 && links <= MAX_PIN_LINKS; i--) {
    const raw = before[i]!;
    // (a sentence ended before the reading: its label is another sentence's)
    if (i < before.length - 1 && /[.;!?]['"|]*$/.test(raw)) return false;
    // a mask ("****", "••••") is a PIN label's value already: a number after it is another fact's
    if (/^[*•·#]{3,}$|^[xX]{4,}$/.test(raw)) return false;
    const w = bare(raw);
    if (!w) continue;
    for (let k = 1; k <= 3 && i - k + 1 >= 0; k++)
      if (splitLabelNames(before.slice(i - k + 1, i + 1).map(bare), on, 'pin')) return true;
    const gluedLink = /^([A-Za-z]{3,})(on|is|of|for)$/i.exec(w);
    if (gluedLink && splitLabelNames([gluedLink[1]!], on, 'pin')) return true;
    const lw = w.toLowerCase();
    // a word closing a label that is not the PIN's ("Mail invoices to:") starts another fact
    if (/:['"|]*$/.test(raw)) return false;
    if (!PIN_SENTENCE_LINKS.has(lw) && !twoLinksGlued(lw)) return false;
    // "account" only as "this / the / your account": "PIN for account 40213377" names another number
    if (lw === 'account' && !/^(?:this|the|your|our)$/i.test(bare(before[i - 1] ?? ''))) return false;
    links++;
  }
  return false;
}

/**
 * The words before a reading in its sentence: on a scan, its printed row (the line above included, a
 * link word OCR glued onto the reading — "is5806" — last); on a text layer, its own line as written (a
 * word a point off the line is another line's there).
 */
function sentenceBefore(
  find: Finder,
  on: DocSrc,
  at: { page: number | null; bbox: Found['bbox'] | null },
): string[] | null {
  if (!find.ocr(on)) {
    const words = find.wordsInFront(on, at, 12);
    return words ? words.split(' ') : null;
  }
  const row = find.printedRow(on, at);
  if (!row?.reading.length) return null;
  const glued = /^([A-Za-z]+)\d/.exec(row.reading[0]!.text)?.[1];
  return [...row.before.map((w) => w.text), ...(glued ? [glued] : [])];
}

/** Two link words OCR ran together ("setis", "forthis"). */
function twoLinksGlued(w: string): boolean {
  for (let k = 1; k < w.length; k++)
    if (PIN_SENTENCE_LINKS.has(w.slice(0, k)) && PIN_SENTENCE_LINKS.has(w.slice(k))) return true;
  return false;
}

/**
 * A CSR's PIN its reader did not read, stated in a letter's sentence ("The PIN on file for" | "this
 * account is 510962."): the first number of four to twelve digits, one word, that the PIN label states
 * so (statedInSentence). Only to compare with the LOA's PIN.
 */
function pinStatedOnCsr(find: Finder): Val<string> | null {
  const tried = new Set<Word>();
  for (let n = 0; n < 12; n++) {
    let word: Word | null = null;
    const f = find.anywhere(
      'csr',
      (text, toks) => {
        const t = toks[0]!;
        if (tried.has(t.word) || !/^(?:[A-Za-z]{2,3})?\d{4,12}[.,;]?$/.test(text)) return false;
        word = t.word;
        return true;
      },
      1,
    );
    if (!f || !word) return null;
    tried.add(word);
    if (statedInSentence(find, 'csr', f)) {
      const value = /\d{4,12}/.exec(f.text)![0];
      if (opensAddressLine(find, f, value)) continue;
      return { src: 'csr', value, page: f.page, bbox: f.bbox, conf: f.conf };
    }
  }
  return null;
}

/** A word of digits on a scan's row, OCR's lookalike letters and specks around it folded ("B435", "07;"). */
const digitPiece = (w: Word) => /^\d+$/.test(ocrKey(bare(w.text))) && /\d/.test(w.text);

/** Two words of a row that touch, `b` right after `a`: less than a letter's height apart, on one line. */
function touching(a: Word, b: Word): boolean {
  const h = Math.max(a.bbox[3] - a.bbox[1], b.bbox[3] - b.bbox[1]);
  return b.bbox[0] - a.bbox[2] < h && Math.abs((a.bbox[1] + a.bbox[3]) / 2 - (b.bbox[1] + b.bbox[3]) / 2) < h;
}

/**
 * Whether a reading and the digit pieces touching it on its printed row (OCR split the PIN: "5B94 07;",
 * the scan's skew putting the second piece on another line of the review's index) are the other
 * document's PIN, OCR's lookalikes folded. Only pieces no farther apart than a letter's height.
 */
function piecesOnRow(find: Finder, reading: Val<string>, whole: string): boolean {
  if (reading.conf >= 1 || !reading.bbox || reading.src === 'case') return false;
  const want = ocrKey(whole);
  const piece = ocrKey(reading.value);
  if (!/^\d{4,12}$/.test(want) || piece.length < 2 || piece.length >= want.length || !want.includes(piece))
    return false;
  const row = find.printedRow(reading.src, reading);
  if (!row?.reading.length) return false;
  // the reading grown piece by piece, after it or before it, until the pieces spell the whole
  const spellsWhole = (pieces: Word[], after: boolean): boolean => {
    const words = [...row.reading];
    for (const w of pieces) {
      if (!digitPiece(w) || !(after ? touching(words.at(-1)!, w) : touching(w, words[0]!))) return false;
      if (after) words.push(w);
      else words.unshift(w);
      if (ocrKey(words.map((x) => bare(x.text)).join('')) === want) return true;
    }
    return false;
  };
  return spellsWhole(row.after, true) || spellsWhole([...row.before].reverse(), false);
}

/**
 * Whether a number found written on the CSR is a piece of a longer number OCR split apart on its printed
 * row: digits touch it before or after (less than a letter's height apart), as a phone number's "B435"
 * and "550187" do. Such a piece is no number of its own.
 */
function pieceOfLongerNumber(find: Finder, at: Found): boolean {
  const row = find.printedRow('csr', at);
  if (!row?.reading.length) return false;
  const [next, prev] = [row.after[0], row.before.at(-1)];
  return (
    (!!next && digitPiece(next) && touching(row.reading.at(-1)!, next)) ||
    (!!prev && digitPiece(prev) && touching(prev, row.reading[0]!))
  );
}

/**
 * Whether an OCR'd reading (`mine`) may be the other PIN (`other`) misread, however many places differ:
 * each differing place a letter OCR draws like the other's digit ("SB77" for 5877), or the reading a
 * piece of the other (OCR split the PIN across words: "41540" of 41540036) or the other with a word glued
 * on ("of834465"). Only a scan's reading: no text layer's is misread so.
 */
function misreadOf(find: Finder, reading: Val<string>, mine: string, other: string): boolean {
  if (reading.conf >= 1 || reading.src === 'case' || !find.ocr(reading.src)) return false;
  if (mine.length >= 3 && mine.length < other.length && other.includes(mine)) return true;
  // …or the other whole with a word OCR glued on ("of834465": "a passcode of 834465")
  if (other.length >= 4 && mine.length > other.length && mine.includes(other)) return true;
  if (mine.length !== other.length || !/[A-Za-z]/.test(mine) || !/^\d+$/.test(other)) return false;
  return [...mine].every((ch, i) => ch === other[i] || (/[A-Za-z]/.test(ch) && ocrKey(ch) === other[i]));
}

/** Why two PINs that seem to differ were not settled: the check says it. */
type PinDoubt = 'unlabelled' | 'slip' | 'misread' | 'elsewhere' | 'doubt';

/**
 * Guided verification of two PINs that seem to differ: each written under the other's PIN label is
 * a misreading (a match); each read under its own label, differing otherwise than by one slip OCR makes
 * (one character of a pair it confuses: 3 and 8, 1 and 7 — ocrSlips), is a certain difference however
 * unsure the scan's letters were: no misread turns 5872 into 6541, nor 4193 into 4293; anything else is a
 * look at both.
 */
function settlePins(find: Finder, loa: Val<string>, csr: Val<string>): 'match' | 'mismatch' | PinDoubt {
  const a = normalizePin(loa.value);
  const b = normalizePin(csr.value);
  if (a === b) return 'match';
  if ((csr.conf < 1 && pinLocator(find, loa.value, 'csr')) || (loa.conf < 1 && pinLocator(find, csr.value, 'loa')))
    return 'match';
  if (pieceOfWritten(find, csr, a) || pieceOfWritten(find, loa, b)) return 'match';
  if (piecesOnRow(find, csr, a) || piecesOnRow(find, loa, b)) return 'match';
  if (unlabelledScanPin(find, csr)) return csrLabelStatesOthers(find, loa) ? 'mismatch' : 'unlabelled';
  // the LOA's PIN written elsewhere on the CSR: its reader may have taken another code for the PIN
  // (…not where it is only the first or last piece of a longer number OCR split — a phone number's "B435
  // 550187" — and nowhere else, while the CSR's reader read its own PIN under its caption: no code stands
  // there to take)
  const elsewhere = csr.conf < 1 && a.length >= 4 ? find.written('csr', a, { digits: /^\d+$/.test(a) }) : null;
  const loaPinOnCsr =
    !!elsewhere &&
    !(readUnderCaption(find, csr) && pieceOfLongerNumber(find, elsewhere) && find.writtenTimes('csr', a, true) <= 1);
  if (loaPinOnCsr) return 'elsewhere';
  if (find.sure('loa', loa.conf) && find.sure('csr', csr.conf)) return 'mismatch';
  const ownLabel = (v: Val<string>, on: DocSrc) =>
    v.conf >= 1 || find.sure(on, v.conf) || !!pinLocator(find, v.value, on) || statedInSentence(find, on, v);
  // (a slip is OCR's, on a scan's unsure reading: on a text layer the LOA's one digit off is what it says, a
  // typing slip the carrier rejects as any other PIN)
  const unsureScan = (v: Val<string>) => v.src !== 'case' && find.ocr(v.src) && !find.sure(v.src, v.conf);
  const { slips, explained } = ocrSlips(a, b);
  if (slips <= 1 && explained && (unsureScan(loa) || unsureScan(csr))) return 'slip';
  if (misreadOf(find, loa, a, b) || misreadOf(find, csr, b, a)) return 'misread';
  if (ownLabel(loa, 'loa') && ownLabel(csr, 'csr')) return 'mismatch';
  // two readings both documents' readers made, each under its PIN caption (the reader's caption where the
  // review's index found none): a difference. Not against the review's own pick of a CSR's words where its
  // reader read no PIN (a number under the caption, its end a guess): that pick is no reader's labelled reading
  const labelled = (v: Val<string>, on: DocSrc) => !!v.found && (readUnderCaption(find, v) || ownLabel(v, on));
  if (labelled(loa, 'loa') && labelled(csr, 'csr')) return 'mismatch';
  // the LOA's PIN nowhere on the CSR, whose own PIN reading is no scrap: the carrier has another PIN
  const loaPinNowhere = find.known('csr') && a.length >= 4 && !loaPinOnCsr;
  if (loaPinNowhere && ownLabel(loa, 'loa') && csr.conf >= CONTRARY_MIN) return 'mismatch';
  // …and the CSR's PIN, read under its own label, written nowhere on an LOA read from its text layer
  // (every word as written): whichever number the LOA's reader took for its PIN (a PIN in a sentence,
  // on a rule), the LOA does not give the carrier's PIN, and the carrier rejects that
  const csrPinOnLoa = b.length >= 4 ? find.written('loa', b, { digits: /^\d+$/.test(b) }) : null;
  const csrPinNowhereOnLoa =
    find.known('loa') && !find.ocr('loa') && b.length >= 4 && (!csrPinOnLoa || phoneNumberEnd(find, csrPinOnLoa));
  return loaPinNowhere && csrPinNowhereOnLoa && ownLabel(csr, 'csr') && csr.conf >= CONTRARY_MIN ? 'mismatch' : 'doubt';
}

/**
 * Whether four digits found on the LOA are the last group of a phone number written there ("+1 518 555
 * 0188" for a PIN 0188): the words before them on their line end with its area code and exchange. A PIN
 * is no piece of a number of the account.
 */
function phoneNumberEnd(find: Finder, at: Found): boolean {
  if (at.text.replace(/\D/g, '').length !== 4) return false;
  return /(?:^|[^\d])\(?\d{3}\)?[\s.-]*\d{3}[\s.-]*$/.test(find.wordsInFront('loa', at, 4));
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
 * The CSR's PIN when its reader found none: the word the CSR's own PIN label states (the first after
 * it or below it), if it looks like a PIN (digits, not "None", "On file" or a masked "••••"). Only to
 * compare with the LOA's PIN. A label that states a masked or no PIN states none: a year, a ZIP or a
 * code further on in its block is another field's value (scanned portal prints put the PIN's dots
 * beside "Customer since" and the address columns). OCR may split the PIN's word in two or three
 * ("1 823"): digit pieces that touch (less than half a letter's height apart) are one word.
 */
function pinUnderCsrLabel(find: Finder): Val<string> | null {
  if (!find.known('csr') || !find.labelled('csr', 'pin')) return null;
  let value = '';
  const f = find.scalar(
    'pin',
    'csr',
    (text, toks) => {
      // a letter's sentence: "The security PIN currently set is5806;" (OCR glued "is" onto the PIN)
      const said = SENTENCE_PIN.exec(toks.at(-1)!.text);
      if (toks.length > 1 && said && toks.slice(0, -1).every((t) => PIN_LINK_WORDS.has(t.text.toLowerCase()))) {
        value = said[1]!;
        return true;
      }
      if (toks.length === 1) {
        value = text.trim();
        return /^[A-Za-z0-9-]{4,12}$/.test(value) && /\d{3}/.test(text) && !dateWord(value);
      }
      // the pieces in their order on the page (a scan's drift may put one on the line below)
      const pieces = [...toks].sort((a, b) => a.word.bbox[0] - b.word.bbox[0]);
      const touching = pieces.every((t, i) => {
        if (i === 0) return true;
        const [prev, h] = [pieces[i - 1]!.word.bbox, t.word.bbox[3] - t.word.bbox[1]];
        return t.word.bbox[0] - prev[2] < 0.5 * h && Math.abs(t.word.bbox[1] - prev[1]) < h;
      });
      // (a piece OCR read as a lookalike letter — "B 329" for 8329 — is its digit once three real digits stand with it)
      const folded = pieces.map((t) => (/^\d+$/.test(t.text) ? t.text : ocrKey(t.text))).join('');
      value = folded;
      const real = pieces
        .filter((t) => /^\d+$/.test(t.text))
        .map((t) => t.text)
        .join('');
      return (
        touching &&
        /^\d{4,12}$/.test(value) &&
        (real === value || (real.length >= 3 && pieces.every((t) => /^\d+$|^[A-Z]$/.test(t.text))))
      );
    },
    5,
    { first: true, wrapped: true },
  );
  if (!f || opensAddressLine(find, f, value)) return null;
  return { src: 'csr', value, page: f.page, bbox: f.bbox, conf: f.conf };
}

/**
 * A number that opens a street address on its line ("6911 SW Martin Luther King Jr Pkwy, Suite 18C, El
 * Paso, TX" in the column beside a "A PIN is set on this account" note): the house number of another
 * field's block, never a PIN — a PIN stands in its cell alone. The line must parse to that house number
 * with a street and its street type.
 */
function opensAddressLine(
  find: Finder,
  f: { page: number | null; bbox: Found['bbox'] | null },
  value: string,
): boolean {
  const line = find.fromOnLine('csr', f);
  if (line.length < 3) return false;
  const a = parseAddress(line.join(' '));
  return a.house_number === normalizePin(value) && !!a.street_name && !!a.suffix;
}

/**
 * Words of a caption that says the PIN is kept back ("PIN on file (hidden)", "Passcode: withheld", "masked"):
 * such a caption states that the account has a PIN and gives none of its digits.
 */
const WITHHELD = /\b(?:hidden|withheld|masked|redacted|suppressed|not (?:shown|displayed|printed))\b/i;

/**
 * The CSR reader's PIN, unless the caption it was read under says the PIN is withheld: the digits the
 * reader took beside it are another column's (a billing address's house number, a date), not the PIN.
 */
function notUnderWithheldCaption(v: Val<string> | null): Val<string> | null {
  return v && WITHHELD.test(v.byLabel ?? v.found?.label ?? '') ? null : v;
}

/** The CSR reader's PIN, unless it is the house number that opens an address line (opensAddressLine). */
const notHouseNumber = (find: Finder, v: Val<string> | null): Val<string> | null =>
  v && find.known('csr') && opensAddressLine(find, v, v.value) ? null : v;

/** The PIN closing such a sentence, a link word OCR glued onto it aside ("is5806;", "363793."). */
const SENTENCE_PIN = /^(?:is|of|as)?(\d{4,12})[;,.]?$/;

/** A date in one word ("2022-05-27", "05-27-2022"): another column's value drifted beside a PIN label, never a PIN. */
const DATE_WORD = /^(?:\d{4}-\d{1,2}-\d{1,2}|\d{1,2}-\d{1,2}-\d{2,4})$/;
/** A date's opening piece a scan parted from its day ("2025-04-" "25"): its year and month. */
const DATE_OPENING = /^(?:19|20)\d{2}-\d{1,2}-?$/;
/**
 * A date in one word, or its opening piece, OCR's lookalike letters read as the digits they stand for
 * ("2023-05-0S", "2025-04-"); a word that opens or ends with a dash is a piece of a longer value too.
 */
const dateWord = (w: string) => {
  const d = fixDigits(w);
  return DATE_WORD.test(d) || DATE_OPENING.test(d) || /^-|-$/.test(d);
};

/** A PIN row held against the CSR: PINs are shown masked, so no normalized values. */
function pinRow(
  c: Collector,
  verdict: FieldComparison['verdict'],
  shown: Pick<FieldComparison, 'values' | 'evidence'>,
  reason: string,
): FieldComparison {
  return c.field({ field: 'pin', verdict, ...shown, normalized: {}, reference: 'csr', reason });
}

/**
 * Why a reading not under a PIN label may be another code, with the caption its reader took it under
 * when only that caption's shape made it one (never the PIN itself): where the specialist looks.
 */
function anotherCode(v: Val<string>): string {
  const caption = v.found?.source === 'shape' ? v.found.label?.replace(/[\s:]+$/, '') : undefined;
  return caption ? `its reader took it under "${caption}", a caption no PIN wording names` : 'it may be another code';
}

/** What the check says when two PINs that seem to differ were not settled (never the PINs themselves). */
function pinDoubtWhy(doubt: PinDoubt, loa: Val<string>, csr: Val<string>): string {
  if (doubt === 'elsewhere')
    return "The PINs seem to differ, but the LOA's PIN is written elsewhere on the CSR: its reader may have taken another code for the PIN; compare them on the documents.";
  if (doubt === 'unlabelled')
    return `The PINs seem to differ, but the scanned CSR's PIN was read under no PIN label of it (${anotherCode(csr)}); compare them on the documents.`;
  if (doubt === 'misread')
    return "The PINs seem to differ, but one scan's reading is the other PIN's lookalike letters or a piece of it (a misread?); compare them on the documents.";
  if (doubt === 'slip')
    return 'The PINs seem to differ in one character only, of a pair OCR confuses (a misread?); compare them on the documents.';
  return `The PINs seem to differ, but ${loa.conf < csr.conf ? 'the LOA' : 'the CSR'}'s was read with low confidence; compare them on the documents.`;
}

/** The LOA's PIN against the CSR's: a match, a rejection, or a check when one was read with low confidence. */
function compareLoaPin(
  c: Collector,
  find: Finder,
  loa: Val<string>,
  csr: Val<string>,
  shown: Pick<FieldComparison, 'values' | 'evidence'>,
): FieldComparison {
  const settled = settlePins(find, loa, csr);
  if (settled === 'match') {
    return pinRow(c, 'match', shown, "The LOA PIN matches the CSR (found under the other document's PIN label).");
  }
  const same = normalizePin(loa.value) === normalizePin(csr.value);
  if (!same && settled !== 'mismatch') {
    const why = pinDoubtWhy(settled, loa, csr);
    c.check('pin', reviewedRejection('pin'), why, ['loa'], 'csr', {
      loa: [candidate({ ...loa, value: maskPin(loa.value) }, String)],
      csr: [candidate({ ...csr, value: maskPin(csr.value) }, String)],
    });
    return pinRow(c, 'check', shown, `Could not be confirmed — look at both PINs. ${why}`);
  }
  if (!same) {
    c.predict(reviewedRejection('pin'), 'blocker', 'The PIN on the LOA differs from the one on the CSR.', {
      loa: { value: maskPin(loa.value), page: loa.page, bbox: loa.bbox },
      csr: { value: maskPin(csr.value), page: csr.page, bbox: csr.bbox },
    });
    return pinRow(c, 'mismatch', shown, 'The LOA PIN differs from the PIN on the CSR.');
  }
  return pinRow(c, 'match', shown, 'The LOA PIN matches the CSR.');
}

export function comparePin(
  c: Collector,
  docs: Docs,
  pinSet: boolean | undefined,
  carrier: CarrierEntry | null,
  find: Finder,
): FieldComparison {
  const csrRead = notHouseNumber(
    find,
    notAloneBesideAccountTail(docs, notUnderWithheldCaption(fromDoc(docs, 'csr', 'pin'))),
  );
  const loa =
    notAloneBesideAccountTail(docs, fromDoc(docs, 'loa', 'pin')) ??
    (csrRead && docs.loa ? pinWrittenOnLoa(find, csrRead) : null);
  const csr = csrRead ?? (loa ? (pinUnderCsrLabel(find) ?? pinStatedOnCsr(find)) : null);
  const values: FieldComparison['values'] = {};
  if (loa) values.loa = maskPin(loa.value);
  if (csr) values.csr = maskPin(csr.value);
  if (pinSet !== undefined) values.case = pinSet ? 'set' : 'not set';
  const evidence = ev([loa, csr]);
  const have = !!loa || !!pinSet;
  if (csr) {
    if (loa) return compareLoaPin(c, find, loa, csr, { values, evidence });
    if (pinSet) {
      return pinRow(
        c,
        'info',
        { values, evidence },
        'The CSR carries a PIN and the case has one set; compare them on the case screen (PINs are not shown here).',
      );
    }
    if (unlabelledScanPin(find, csr) || unlabelledGuess(find, csr)) {
      const scanned = find.ocr('csr') ? 'scanned ' : '';
      c.check(
        'pin',
        reviewedRejection('pin'),
        `A PIN was read on the ${scanned}CSR, but not under its PIN label (${anotherCode(csr)}); look whether the account has a PIN the LOA should give.`,
        docs.loa ? ['loa'] : ['case'],
        'csr',
        { csr: [candidate({ ...csr, value: maskPin(csr.value) }, String)] },
      );
      return pinRow(
        c,
        'check',
        { values, evidence },
        `Could not be confirmed — a PIN was read on the ${scanned}CSR, but not under its PIN label.`,
      );
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
