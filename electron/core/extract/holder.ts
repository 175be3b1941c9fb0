import type { DocLayout, Tok } from './layout.js';
import { phoneOccurrences } from './phones.js';

/**
 * A bill that names several accounts — a consolidated bill's master (summary, corporate) account and its
 * locations' sub-accounts, each location in a summary row or a section — bills the lines under the one
 * whose section lists them: the port is authorised by the account that holds the numbers (porting under
 * the master account is a classic rejection). Each account's section runs in reading order from where its
 * number is printed to where the next account's is (a running header repeating a number opens none); the
 * holder is the account whose section lists more of the bill's numbers than
 * any other's. A summary row naming a location's account and its main number lists one; the ported
 * location's detail lists all of them. The other accounts' sections are theirs: their addresses and
 * numbers are not the holder's.
 */
interface Section {
  key: string;
  /** the lines [from, to) */
  from: number;
  to: number;
}
interface Held {
  holder: string;
  sections: Section[];
  /** per line, the accounts it names in the shape the bill prints its accounts in */
  named: Map<number, Set<string>>;
}
const HELD = new WeakMap<DocLayout, Held>();

const accountKey = (v: string) => v.replace(/[^0-9A-Za-z]/g, '').toUpperCase();

/** The account holding the numbers among `cands` (null when none stands out); remembered for the doc. */
export function numbersHolder<C extends { value: string; toks: Tok[] }>(doc: DocLayout, cands: readonly C[]): C | null {
  const line = (c: C) => c.toks[0]?.line ?? -1;
  const byKey = new Map<string, C>();
  const opens: { key: string; from: number }[] = [];
  const occ = phoneOccurrences(doc);
  // (one of the bill's lines captioned as the account, "Main Account Number (BTN)", is not another account)
  const lineNumber = (c: C) => {
    const d = c.value.replace(/\D/g, '');
    return d.length === 10 && occ.some((o) => o.e164.endsWith(d) && !o.toks.some((t) => c.toks.includes(t)));
  };
  const accounts = cands.filter((c) => !lineNumber(c));
  for (const c of accounts) if (!byKey.has(accountKey(c.value))) byKey.set(accountKey(c.value), c);
  const named = namedAccounts(
    doc,
    [...byKey.values()].map((c) => c.value),
  );
  // (a bill naming one account captioned, its siblings in a summary's rows under a column header, names several)
  if (new Set([...byKey.keys(), ...[...named.values()].flatMap((k) => [...k])]).size < 2) return null;
  // a section opens where an account is captioned, and where a line names one account alone in the shape
  // the bill prints its accounts in: a summary's row, a detail whose caption is worded unlike the others
  // ("Location Account 201-555-0159-627" beside "Sub-Account #" rows) — each row its own account's
  const openers = [
    ...accounts.map((c) => ({ key: accountKey(c.value), from: line(c) })),
    ...[...named].filter(([, keys]) => keys.size === 1).map(([l, keys]) => ({ key: [...keys][0]!, from: l })),
  ].sort((a, b) => a.from - b.from);
  const seen = new Set<string>();
  for (const o of openers) {
    // a number repeated at the top of a later page is a running header: the section before it goes on
    if (seen.has(o.key) && runningHeader(doc, o.from)) continue;
    seen.add(o.key);
    if (opens.at(-1)?.from !== o.from) opens.push(o);
  }
  const numberLines = [...new Set(occ.filter((o) => !o.contact && !o.support && !o.inactive).map((o) => o.line))];
  const sections = opens.map((o, i) => ({ ...o, to: opens[i + 1]?.from ?? Number.POSITIVE_INFINITY }));
  // a row naming another account (a summary row: its account, its main number) lists that account's number
  const other = (l: number, key: string) => [...(named.get(l) ?? [])].some((k) => k !== key);
  const held = new Map<string, number>();
  for (const s of sections)
    held.set(
      s.key,
      (held.get(s.key) ?? 0) + numberLines.filter((l) => l >= s.from && l < s.to && !other(l, s.key)).length,
    );
  const [top, next] = [...held.entries()].sort((a, b) => b[1] - a[1]);
  if (!top || top[1] === 0 || top[1] <= (next?.[1] ?? 0) || !byKey.has(top[0])) return null;
  // sub-accounts numbered as the account with a suffix ("LMN97131911-001") divide that one account: the
  // account the carrier holds the numbers under is the one they extend, not one of its divisions
  if ([...byKey.keys()].some((k) => k !== top[0] && top[0].startsWith(k))) return null;
  HELD.set(doc, { holder: top[0], sections, named });
  return byKey.get(top[0])!;
}

/**
 * One of the first lines of a page after the first, close under the page's first: where a running header
 * repeats the bill's facts. A section's own caption under a heading that opens the page ("Detail of
 * Charges: Store 12" over "Sub-account # BAN9424447") stands further down.
 */
function runningHeader(doc: DocLayout, lineId: number): boolean {
  const l = doc.lines[lineId];
  if (!l || l.page === 1) return false;
  const firstOfPage = doc.lines.findIndex((x) => x.page === l.page);
  const first = doc.lines[firstOfPage]!;
  return lineId - firstOfPage < 3 && l.top - first.top < 2.5 * Math.max(first.h, l.h);
}

/**
 * Whether a line lies in another account's section than the holder's, or names another account (false
 * when no holder was found).
 */
export function inOtherAccountSection(doc: DocLayout, line: number): boolean {
  const held = HELD.get(doc);
  if (!held) return false;
  if ([...(held.named.get(line) ?? [])].some((k) => k !== held.holder)) return true;
  const s = held.sections.find((x) => line >= x.from && line < x.to);
  return !!s && s.key !== held.holder;
}

/** A value's shape: digits as 9, letters as A, separators kept ("103-481-1760-77" → "999-999-9999-99"). */
const shapeOf = (v: string) =>
  v
    .trim()
    .replace(/\d/g, '9')
    .replace(/[A-Za-z]/g, 'A');
/** A telephone number's shapes: an account printed so is not told from a line's number by its shape. */
const PHONE_SHAPE = /^(?:9{10}|\(?999\)?[\s.-]?999[\s.-]9999|1[\s.-]?999[\s.-]999[\s.-]9999)$/;

/**
 * The accounts each line names: values printed in the shape of one of the bill's accounts (a carrier
 * numbers its sub-accounts alike: "103-481-1760-82" beside "103-481-1760-77").
 */
function namedAccounts(doc: DocLayout, values: string[]): Map<number, Set<string>> {
  const shapes = [...new Set(values.map(shapeOf))].filter((s) => !PHONE_SHAPE.test(s) && /9{3}/.test(s));
  const out = new Map<number, Set<string>>();
  if (!shapes.length) return out;
  const pattern = shapes
    .map((s) =>
      s
        .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
        .replace(/9/g, '\\d')
        .replace(/A/g, '[A-Za-z]'),
    )
    .join('|');
  const re = new RegExp(`(?<![\\w-])(?:${pattern})(?![\\w-])`, 'g');
  for (const l of doc.lines) {
    const t = l.toks.map((x) => x.text).join(' ');
    for (const m of t.matchAll(re)) {
      if (!out.has(l.id)) out.set(l.id, new Set());
      out.get(l.id)!.add(accountKey(m[0]));
    }
  }
  return out;
}

/** Whether a line lies in the holder's section (false when no holder was found). */
export function inHolderSection(doc: DocLayout, line: number): boolean {
  const held = HELD.get(doc);
  const s = held?.sections.find((x) => line >= x.from && line < x.to);
  return !!s && s.key === held!.holder;
}
