import type { BBox, PageText, Word } from '../../../shared/domain/document.js';
import { ZIP_WORD } from '../../../shared/normalize/address.js';
import { printedWordLines } from './lines.js';
import { ACTIVE_CELL, GONE_CODE, ROW_INACTIVE } from './phones.js';
import { identifierWords, labelPieces, type MovedWord, type RecordRecast } from './records.js';

/**
 * A record exported from a CRM, ticket or provisioning system as a flat text dump: `key=value` PAIRS RUN
 * TOGETHER on a line ("acct_nbr=508013; legal_nm="Harbor Light LLP"; svc_addr=…", "TICKET: "CS52", ACCT_NM:
 * "…"") and word-wrapped at the page width, so a pair or a value breaks across lines. Before the fields
 * are read, such a page is written as the label-left record it is: one row per pair, the key as the words
 * it is made of with a colon ("Legal Nm:"), the value's words after it, quotes and separators off, a value
 * the printer wrapped joined on its row. A DATED line among the pairs ("2024-04-17 sys UPD svc_addr old=…
 * new=…") is an audit entry of values the record has since replaced: it and its wrapped lines are left out,
 * as are a number whose status pair says it has left ("tn_2_stat=disc") and a list whose key says so
 * ("disc_tns"). Lines that are not pairs (a title, a page header) stay, each a row of its own. Every word
 * keeps its printed box through `moved` (records.ts movedBack).
 */

/** An identifier followed by "=" or ":" (no space before ":"), at the start of a pair. */
const PAIR_KEY = /(^|[\s;|,])([A-Za-z][A-Za-z0-9]*(?:[_.][A-Za-z0-9]+)*)(\s?=\s?|:\s?)(?=\S)/g;
/**
 * A key that can only be an identifier: snake / dotted / camelCase, numbered in lower case ("tn1",
 * "tn1Stat") (a form's caption is words; a terminal's "PF1=HELP" names a function key).
 */
const IDENT_KEY = /[_.]|[a-z0-9][A-Z]|[a-z]\d/;
/** A line that starts with a date: an audit entry ("2024-04-17 …", "04/17/2024 …", "FEB 14 2025 …"). */
const DATED =
  /^(?:\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[/-]\d{1,2}[/-]\d{2,4}|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2},?\s+\d{4}|\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{4})(?:[T\s]|$)/i;
/** A word that marks a dump: an "=", or an identifier key before its ":" ("acct_nm:", "svcAddr:"). */
const DUMP_MARK = /=|^[A-Za-z][A-Za-z0-9]*(?:[_.][A-Za-z0-9]+|[a-z0-9][A-Z][A-Za-z0-9]*)+:/;
/** A key word marking a value the record has replaced. */
const FORMER_WORD = /^(?:old|prev|previous|former|prior|orig|original)$/;
/** A key naming a status (the status of the pair whose key it extends: "tn_2_stat" of "tn_2"). */
const STATUS_WORD = /^(?:stat|status|state|sts)$/i;

interface Piece {
  text: string;
  box: BBox;
  conf: number;
}

interface Pair {
  key: string;
  label: Piece[];
  value: Piece[];
}

/** A run of characters over printed words: each character's word and its offset in the word (-1: a gap). */
interface Stream {
  text: string;
  word: number[];
  at: number[];
  words: Word[];
}

function streamOf(lines: Word[][]): Stream {
  const s: Stream = { text: '', word: [], at: [], words: [] };
  for (const line of lines)
    for (const w of line) {
      if (s.text) {
        s.text += ' ';
        s.word.push(-1);
        s.at.push(-1);
      }
      const k = s.words.push(w) - 1;
      for (let c = 0; c < w.text.length; c++) {
        s.word.push(k);
        s.at.push(c);
      }
      s.text += w.text;
    }
  return s;
}

/** The piece of one printed word between characters from..to (a word's characters share its width). */
function piece(s: Stream, from: number, to: number, text: string): Piece | null {
  const k = s.word[from]!;
  if (k < 0 || s.word[to - 1] !== k) return null;
  const w = s.words[k]!;
  const cw = (w.bbox[2] - w.bbox[0]) / Math.max(1, w.text.length);
  const a = s.at[from]!,
    b = s.at[to - 1]! + 1;
  return { text, box: [w.bbox[0] + a * cw, w.bbox[1], w.bbox[0] + b * cw, w.bbox[3]], conf: w.conf };
}

/** A value's words: quotes off its ends, a list run together at commas ("5125550101,5125550102") split. */
function valuePieces(s: Stream, from: number, to: number): Piece[] {
  const out: Piece[] = [];
  for (const m of s.text.slice(from, to).matchAll(/[^\s,]+(?:,(?=\s|$))?/g)) {
    const raw = m[0];
    const lead = raw.length - raw.replace(/^["'[({]+/, '').length;
    const trimmed = raw.slice(lead).replace(/["'\])}]+(,?)$/, '$1');
    if (!trimmed || /^(?:null|nil|none|n\/a)$/i.test(trimmed)) continue;
    const a = from + m.index + lead;
    const p = piece(s, a, a + trimmed.length, trimmed);
    if (p) out.push(p);
  }
  return out;
}

/** The key's words as label pieces over the key's printed characters (records.ts labelPieces), the last ending in a colon. */
function keyPieces(s: Stream, key: string, from: number): Piece[] {
  return labelPieces(key, from).flatMap((l) => piece(s, l.from, Math.max(l.from + 1, l.to), l.text) ?? []);
}

/** The pairs of a run of record lines, in printed order. */
function pairsOf(lines: Word[][]): { pairs: Pair[]; ident: number } {
  const s = streamOf(lines);
  const keys = [...s.text.matchAll(PAIR_KEY)].map((m) => ({
    key: m[2]!,
    from: m.index + m[1]!.length,
    valueFrom: m.index + m[0].length,
  }));
  const pairs = keys.map((k, i) => {
    const end = i + 1 < keys.length ? keys[i + 1]!.from : s.text.length;
    // the separator before the next key is not the value's ("…31414"; acct=…", "… |")
    let to = end;
    while (to > k.valueFrom && /[\s;|,]/.test(s.text[to - 1]!)) to--;
    return { key: k.key, label: keyPieces(s, k.key, k.from), value: valuePieces(s, k.valueFrom, to) };
  });
  return { pairs, ident: keys.filter((k) => IDENT_KEY.test(k.key)).length };
}

const STATE_VALUE = /^[A-Z]{2}$/;

/**
 * An address a data model stores in parts, one pair each under one key prefix ("svc_hse=12; svc_st=Oak Ave;
 * svc_city=Reno; svc_state=NV; svc_zip=89501"), written as ONE pair whose value is the address as printed
 * ("Svc Address: 12 Oak Ave, Reno, NV 89501"): the parts are told by their values' grammar (a state code,
 * a ZIP, the city before the state), not by the keys' many spellings. Pairs not part of such a run stay.
 */
function joinAddressParts(pairs: Pair[]): Pair[] {
  const prefix = (p: Pair) => identifierWords(p.key)[0]!.toLowerCase();
  const text = (p: Pair) => p.value.map((v) => v.text).join(' ');
  const out: Pair[] = [];
  for (let i = 0; i < pairs.length; ) {
    let j = i + 1;
    while (j < pairs.length && prefix(pairs[j]!) === prefix(pairs[i]!) && identifierWords(pairs[j]!.key).length > 1)
      j++;
    const all = pairs.slice(i, j);
    const state = all.findIndex((p) => STATE_VALUE.test(text(p)));
    // (the ZIP beside the state: a house number is five digits too, "loc_hno=28350")
    const zip =
      [state + 1, state - 1].find((k) => state >= 0 && k >= 0 && k < all.length && ZIP_WORD.test(text(all[k]!))) ?? -1;
    // (the address ends at its state and ZIP: a later pair under the prefix is a pair of its own)
    const run = all.slice(0, Math.max(zip, state) + 1);
    if (
      run.length < 4 ||
      identifierWords(run[0]!.key).length < 2 ||
      zip < 0 ||
      state < 2 ||
      Math.abs(zip - state) !== 1
    ) {
      out.push(pairs[i]!);
      i++;
      continue;
    }
    const city = Math.min(zip, state) - 1;
    const value: Piece[] = [];
    run.forEach((p, k) => {
      const last = p.value.length - 1;
      // a comma after each part up to the city (the street, its unit, the city); a house number runs into its street
      const comma = k <= city && !/^\d+[A-Z]?$/.test(text(p));
      p.value.forEach((v, n) => value.push(n === last && comma ? { ...v, text: `${v.text},` } : v));
    });
    const head = run[0]!.label[0]!;
    const name = head.text.replace(/:$/, '');
    const label = [{ ...head, text: name.length <= 2 ? `${name}:` : `${name} Address:` }];
    out.push({ key: `${run[0]!.key}_address`, label, value });
    i += run.length;
  }
  return out;
}

/** The pairs that say they left the account: a list keyed so, and a pair whose status pair says so. */
function leftPairs(pairs: Pair[]): Set<Pair> {
  const words = (p: Pair) => identifierWords(p.key).map((w) => w.toLowerCase());
  const valueText = (p: Pair) => p.value.map((v) => v.text).join(' ');
  const left = new Set<Pair>();
  const byKey = new Map(pairs.map((p) => [words(p).join(' '), p]));
  const statusOf = (p: Pair) => {
    const ws = words(p);
    return ws.length > 1 && STATUS_WORD.test(ws[ws.length - 1]!);
  };
  // a one-letter code ("D") says a line has left only where the record codes its statuses so: another
  // status pair says "A" or "active" (phones.ts statusCode, for a status column)
  const coded = pairs.some((p) => statusOf(p) && ACTIVE_CELL.test(valueText(p)));
  const gone = (p: Pair) => ROW_INACTIVE.test(valueText(p)) || (coded && GONE_CODE.test(valueText(p)));
  for (const p of pairs) {
    const ws = words(p);
    // a value the record has replaced, kept beside the current one ("prev_svc_addr", "acct_nm_old")
    if (ROW_INACTIVE.test(ws.join(' ')) || ws.some((w) => FORMER_WORD.test(w))) left.add(p);
    if (statusOf(p) && gone(p)) {
      left.add(p);
      const owner = byKey.get(ws.slice(0, -1).join(' '));
      if (owner) left.add(owner);
    }
  }
  return left;
}

type Row = { kind: 'pairs'; lines: Word[][] } | { kind: 'text'; line: Word[] };

/** A line that ends with a key and its "=" or ":", the value wrapped onto the next line. */
const AWAITS_VALUE = /(?:^|[\s;|,])[A-Za-z][A-Za-z0-9]*(?:[_.][A-Za-z0-9]+)*\s?[=:]$/;

/** A line that starts with a pair (a record line; a line that does not is a wrapped value's rest or text). */
const STARTS_PAIR = /^[A-Za-z][A-Za-z0-9]*(?:[_.][A-Za-z0-9]+)*(?:\s?=\s?|:\s?)(?=\S)/;

/**
 * A page's lines grouped: runs of record lines (pairs and their wrapped rest), other lines kept, audit
 * entries (a dated line and its wrapped rest) out. A line after more than a line's space is no wrapped rest.
 */
function rowsOf(lines: Word[][]): { rows: Row[]; recordLines: number } {
  const rows: Row[] = [];
  const top = (l: Word[]) => Math.min(...l.map((w) => w.bbox[1]));
  const pitches = lines
    .slice(1)
    .map((l, i) => top(l) - top(lines[i]!))
    .sort((a, b) => a - b);
  const pitch = pitches[Math.floor(pitches.length / 2)] ?? 0;
  let mode: 'record' | 'entry' | 'other' = 'other';
  let recordLines = 0;
  lines.forEach((line, i) => {
    const text = line.map((w) => w.text).join(' ');
    const startsPair = STARTS_PAIR.test(text);
    const apart = i > 0 && top(line) - top(lines[i - 1]!) > 1.3 * pitch;
    // (a date the printer wrapped onto the line under its key, "… chg_dt =" / "2025-07-30 | as_of = …", is
    // that key's value, no audit entry)
    const wrappedValue = mode === 'record' && !apart && AWAITS_VALUE.test(lines[i - 1]!.map((w) => w.text).join(' '));
    if (DATED.test(text) && !wrappedValue) mode = 'entry';
    else if (startsPair) mode = 'record';
    else if (apart) mode = 'other';
    if (mode === 'entry') return;
    if (mode === 'other') {
      rows.push({ kind: 'text', line });
      return;
    }
    recordLines++;
    const last = rows[rows.length - 1];
    if (last?.kind === 'pairs' && !(startsPair && apart)) last.lines.push(line);
    else rows.push({ kind: 'pairs', lines: [line] });
  });
  return { rows, recordLines };
}

/** The page rewritten as label-left rows, or null when it is no run-together dump of pairs. */
function recastPage(page: PageText, moved: MovedWord[]): Word[] | null {
  const lines = printedWordLines(page);
  const { rows, recordLines } = rowsOf(lines);
  if (recordLines < 2) return null;
  const runs = rows.map((r) => (r.kind === 'pairs' ? pairsOf(r.lines) : null));
  const count = (f: (r: ReturnType<typeof pairsOf>) => number) => runs.reduce((n, r) => n + (r ? f(r) : 0), 0);
  // a dump's keys are identifiers ("acct_nm", "svcAddr", "sr.no"): a form's or a mainframe record's
  // captions are words ("DIR NAME = …", "BAN: …"), however tightly its pairs run together
  const pairs = count((r) => r.pairs.length);
  const ident = count((r) => r.ident);
  if (pairs < 4 || ident < 3 || ident < 0.3 * pairs) return null;
  const heights = page.words.map((w) => w.bbox[3] - w.bbox[1]).sort((a, b) => a - b);
  const h = Math.max(2, heights[Math.floor(heights.length / 2)] ?? 8);
  const left = Math.min(...page.words.map((w) => w.bbox[0]));
  const out: Word[] = [];
  let y = Math.min(...page.words.map((w) => w.bbox[1]));
  const place = (ps: Piece[], x: number, gapAfter: number): number => {
    let cx = x;
    for (const p of ps) {
      const at: BBox = [cx, y, cx + (p.box[2] - p.box[0]), y + h];
      moved.push({ page: page.page, at, printed: p.box });
      out.push({ text: p.text, bbox: at, conf: p.conf });
      cx = at[2] + 0.3 * h;
    }
    return cx - 0.3 * h + gapAfter;
  };
  rows.forEach((r, i) => {
    const run = runs[i];
    // (a line that is no pair — the export's title, "Acme Telecom - Account export" — stands a line apart
    // from the record's rows, as printed: set tight over "Acct Name:" it would read as that caption's
    // first line)
    if (i > 0 && rows[i - 1]!.kind !== r.kind) y += h;
    if (r.kind === 'text') {
      place(
        r.line.map((w) => ({ text: w.text, box: w.bbox, conf: w.conf })),
        r.line[0]!.bbox[0],
        0,
      );
      y += 1.4 * h;
      return;
    }
    const pairs = joinAddressParts(run!.pairs);
    const gone = leftPairs(pairs);
    for (const p of pairs) {
      if (gone.has(p) || !p.value.length) continue;
      place(p.value, place(p.label, left, 0.6 * h), 0);
      y += 1.4 * h;
    }
  });
  return out;
}

/** The pages with every run-together dump of `key=value` pairs written as label-left rows; null when none is. */
export function recastKeyValueRuns(pages: PageText[]): RecordRecast | null {
  // a dump is full of "=" / identifier keys: a page without six such marks is none (and costs nothing)
  // (pairs run together without spaces, 'ticket:"CS86";acctNbr:"366…";billName:"Blue', are one printed word)
  const marks = pages.reduce(
    (n, p) => n + p.words.reduce((k, w) => k + w.text.split(/[;|,]/).filter((x) => DUMP_MARK.test(x)).length, 0),
    0,
  );
  if (marks < 6) return null;
  const moved: MovedWord[] = [];
  let any = false;
  const out = pages.map((page) => {
    const words = recastPage(page, moved);
    if (!words) return page;
    any = true;
    const bottom = Math.max(page.height, ...words.map((w) => w.bbox[3] + 12));
    return { ...page, words, height: bottom };
  });
  return any ? { pages: out, moved } : null;
}
