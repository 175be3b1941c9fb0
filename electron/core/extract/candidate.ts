import type { CandidateWhy, ServiceAddress } from '../../../shared/domain/document.js';
import { ZIP_WORD } from '../../../shared/normalize/address.js';
import { ocrSlips } from '../../../shared/normalize/ocr-confusions.js';
import type { AddrResult } from './address.js';
import type { Hit, Tok } from './layout.js';
import type { Span } from './spans.js';

/**
 * Candidate generation and scoring per field. Each labelled field: every label hit × every place
 * its value can be (inline, right, below) × the field's validator; the best score wins. Fallbacks
 * without labels (prose, header, unlabelled address blocks) score lower than any labelled value.
 */
export interface Cand<T> {
  value: T;
  toks: Tok[];
  score: number;
  hit?: Hit | null;
  mode?: Span['mode'];
  prose?: boolean;
  zipCheck?: CandidateWhy['zip_check'];
}

export interface AddrCand extends Cand<ServiceAddress> {
  hit: Hit | null;
  names?: Tok[][];
  /** read from a sentence that says it is where the service is ("The service is provided at …") */
  stated?: boolean;
}

/** The ZIP database's objection to a reading, for the review (none when all agrees). */
export function zipCheckOf(check: AddrResult['check']): CandidateWhy['zip_check'] {
  return check.note ? { note: check.note, suggested_zip: check.suggestedZip } : undefined;
}

/** A value's characters as printed, without the spaces, hyphens and stops it may be grouped by. */
const compact = (s: string) => s.replace(/[\s.\-–—:#()/]/g, '').toUpperCase();

/**
 * Whether one reading of a printed value could be another's misread: the same length with every
 * difference a pair OCR confuses (ocr-confusions.ts ocrSlips), or one character more (a speck or a
 * glyph read twice, "LMNB8427…" for "LMN8427…").
 */
export function misreadOf(a: string, b: string): boolean {
  if (a === b) return false;
  if (a.length === b.length) {
    const { slips, explained } = ocrSlips(a, b);
    return explained && slips <= 2 && slips * 4 <= a.length;
  }
  const [short, long] = a.length < b.length ? [a, b] : [b, a];
  if (long.length !== short.length + 1 || short.length < 6) return false;
  for (let i = 0; i < long.length; i++) if (long.slice(0, i) + long.slice(i + 1) === short) return true;
  return false;
}

/** How many times the document prints a value: runs of whole words on a line that spell it. */
export function printings(lines: readonly { toks: readonly Tok[] }[], value: string): number {
  const want = compact(value);
  if (!want) return 0;
  let n = 0;
  for (const l of lines)
    for (let i = 0; i < l.toks.length; i++) {
      let got = '';
      for (let j = i; j < l.toks.length && got.length < want.length; j++) {
        got += compact(l.toks[j]!.text);
        if (got === want) n++;
      }
    }
  return n;
}

/** The confidence of a value two printings give two ways, neither of them more often. */
export const UNSETTLED_PRINTINGS_CAP = 0.6;

/**
 * A value printed more than once (an invoice's header and its remittance stub, a summary and its detail)
 * that OCR read two ways, one a misread of the other (misreadOf): the reading the document prints more
 * often is the value; without a majority the field keeps its own choice but is not reported as read
 * surely (`unsettled`): no dev scan showed OCR's word confidence telling the misread apart, so it
 * picks nothing. Text-layer words are exact: two readings there are two values.
 */
export function settlePrintings<C extends Cand<string>>(
  lines: readonly { toks: readonly Tok[] }[],
  chosen: C,
  cands: readonly C[],
): { chosen: C; unsettled: boolean } {
  if (chosen.toks.every((t) => t.conf >= 1)) return { chosen, unsettled: false };
  const mine = compact(chosen.value);
  const rivals = cands.filter((c) => misreadOf(compact(c.value), mine) && c.toks.some((t) => t.conf < 1));
  if (!rivals.length) return { chosen, unsettled: false };
  const { best, unsettled } = majority(
    printings(lines, chosen.value),
    rivals.map((c) => [c, printings(lines, c.value)] as const),
  );
  // (the majority's reading, at the place and score the field chose: the same printing, read right)
  if (best) return { chosen: { ...best, score: Math.max(best.score, chosen.score) }, unsettled: false };
  return { chosen, unsettled };
}

/**
 * Among a field's own reading, printed `mine` times, and its misreads with their printings: the misread
 * printed most often when that is more than `mine` (the first of equals), else none; `unsettled` when a
 * misread is printed as often as the field's own reading or more.
 */
function majority<T>(mine: number, rivals: readonly (readonly [T, number])[]): { best?: T; unsettled: boolean } {
  let best: { r: T; n: number } | undefined;
  for (const [r, n] of rivals) if (n > mine && (!best || n > best.n)) best = { r, n };
  return best ? { best: best.r, unsettled: false } : { unsettled: rivals.some(([, n]) => n >= mine) };
}

/**
 * The ZIP of an address printed more than once (a bill's service address and the block on its remittance
 * stub, a record's header and its detail) that OCR read two ways, settled as settlePrintings settles an
 * account number: the reading printed more often wins, a tie leaves the field unsure. A printing counts
 * only where it stands after the address's own city and state, its house number on the line or just above
 * it: a run of digits elsewhere (an account sharing the ZIP's digits) or another address of the same town
 * (a billing office down the road) is another fact. The field's own printing must be among them.
 */
export function settleZip<C extends Cand<ServiceAddress>>(
  lines: readonly { toks: readonly Tok[] }[],
  chosen: C,
): { chosen: C; unsettled: boolean } {
  const v = chosen.value;
  const house = /^\d+[A-Z]?$/i.exec(v.street_line.split(' ')[0] ?? '')?.[0];
  if (!house || !v.zip5 || !v.city || !v.state || chosen.toks.every((t) => t.conf >= 1))
    return { chosen, unsettled: false };
  const counts = zipPrintings(lines, v, house);
  const mine = counts.get(v.zip5) ?? 0;
  if (!mine) return { chosen, unsettled: false };
  const { best, unsettled } = majority(
    mine,
    [...counts].filter(([z]) => misreadOf(z, v.zip5)),
  );
  if (best) return { chosen: { ...chosen, value: { ...v, zip5: best } }, unsettled: false };
  return { chosen, unsettled };
}

/** How often each five-digit ZIP is printed right after the address's city and state, under its house number. */
function zipPrintings(
  lines: readonly { toks: readonly Tok[] }[],
  v: ServiceAddress,
  house: string,
): Map<string, number> {
  const [wantCity, wantState] = [compact(v.city), compact(v.state)];
  const houses = lines.flatMap((l) => l.toks.filter((t) => t.text === house));
  const counts = new Map<string, number>();
  for (const l of lines)
    for (let i = 2; i < l.toks.length; i++) {
      const zip = l.toks[i]!.text.replace(/[.,;]$/, '');
      if (!ZIP_WORD.test(zip) || compact(l.toks[i - 1]!.text).replace(/,$/, '') !== wantState) continue;
      let j = i - 2,
        before = '';
      for (; j >= 0 && before.length < wantCity.length; j--)
        before = compact(l.toks[j]!.text).replace(/,$/, '') + before;
      const start = l.toks[j + 1]!;
      // (the street's number on this line before the city, or on a line just above, from the same left edge)
      const under = houses.some((t) => {
        const k = l.toks.indexOf(t);
        if (k >= 0) return k <= j;
        const up = start.cy - t.cy;
        return t.page === start.page && up > 0 && up <= 4 * start.h && Math.abs(t.x0 - start.x0) <= 2 * start.h;
      });
      if (under && before.endsWith(wantCity)) counts.set(zip.slice(0, 5), (counts.get(zip.slice(0, 5)) ?? 0) + 1);
    }
  return counts;
}

/** A field (and its ranked candidates) reported no surer than `cap`. */
export function capConfidence<F extends { confidence: number; candidates?: { confidence: number }[] }>(
  f: F,
  cap: number,
): F {
  const capped = <C extends { confidence: number }>(c: C): C => ({ ...c, confidence: Math.min(c.confidence, cap) });
  return f.candidates ? { ...capped(f), candidates: f.candidates.map(capped) } : capped(f);
}
