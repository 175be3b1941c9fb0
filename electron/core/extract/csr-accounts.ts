import type { PageText, Word } from '../../../shared/domain/document.js';
import { captionAndAnswer, type PrintedLine, printed } from './csr-sites.js';
import { anyKindConcept } from './labels.js';
import { ROW_INACTIVE } from './phones.js';
import { labelKey } from './text.js';
import { parseAccount, parseDate } from './values.js';

/**
 * An account lookup that matched SEVERAL ACCOUNTS of one customer (a search by BTN or tax ID: the account
 * asked about and its relatives — another location billed apart, a closed account, a sub-account), each
 * printed as its own stacked section with the same captions, each holding its OWN account number. Read as
 * it stands, every section's values compete and the first usually wins; the numbers of every account are
 * taken. The record is the subject account's — the one the response marks as a specialist reads it: its
 * heading flags it (primary / requested / selected / an arrow), or it holds the telephone number the search
 * above the sections names, or it is the only one not said to be closed / related. The other sections are
 * taken out before the fields are read. Unlike a master account's locations (csr-sites.ts), whose lines all
 * belong to the one account, another account's numbers are not this account's: they go too.
 */

/** A heading flagging the account the search asked about. */
const SUBJECT_MARK =
  /\b(?:primary|requested|selected|subject|searched|queried|target)\b|>>|<<|[►▶→⇒◄←]|(?:^|\s)\*+(?:\s|$)|^->|<-$/i;
/** A heading or status saying the account is not the one asked about: closed, or only related to it. */
const NOT_SUBJECT =
  /\b(?:closed|former|inactive|cancell?ed|disconnected|terminated|related|linked|associated|child|sub-?account|subordinate)\b/i;

/** A line's words as labels compare them (the one label key), the empty ones left out. */
const keyWords = (text: string): string[] => text.split(/\s+/).map(labelKey).filter(Boolean);

/** The field a row's caption names (any kind's concept), or null. */
function captionField(caption: string): string | null {
  // (a scan glues a caption's words, "CustomerAccount Number": each capital opens a word again)
  return anyKindConcept(caption.replace(/(?<=\p{Ll})(?=\p{Lu})/gu, ' '))?.field ?? null;
}

/** A row's caption and value; a value set close after its caption without a colon starts at its first number. */
function rowOf(l: PrintedLine): { caption: string; answer: string } {
  const r = captionAndAnswer(l);
  if (r.answer) return r;
  const m = /^(\D+?)\s+(\S*\d.*)$/.exec(l.text);
  return m ? { caption: m[1]!, answer: m[2]! } : r;
}

interface Section {
  head: PrintedLine | null;
  from: number;
  to: number;
}

/** The stacked sections opened by each account-number row (with the rows and heading above it that repeat). */
function sectionsOf(lines: PrintedLine[]): Section[] | null {
  const all = lines
    .map((l, i) => ({ l, i, ...rowOf(l) }))
    .filter((r) => parseAccount(r.answer) && !parseDate(r.answer));
  // (the caption every section opens its number with: not a sub-account's one "Parent Account" row; the label
  // key runs its words together, as a scan glues some of them: "CustomerAccount Number")
  const byCaption = new Map<string, typeof all>();
  for (const r of all) byCaption.set(labelKey(r.caption), [...(byCaption.get(labelKey(r.caption)) ?? []), r]);
  // (a caption's field looked up once, of captions opening two rows or more: the review asks it of every CSR)
  const rows =
    [...byCaption.values()]
      .filter((g) => g.length >= 2 && captionField(g[0]!.caption) === 'account_number')
      .sort((a, b) => b.length - a.length)[0] ?? [];
  if (rows.length < 2) return null;
  // (each its own account: the numbers differ; stacked: the rows start at one left edge)
  const ids = new Set(rows.map((r) => r.answer.replace(/\W/g, '')));
  if (ids.size < rows.length) return null;
  const x0 = rows[0]!.l.words[0]!.bbox[0];
  if (rows.some((r) => Math.abs(r.l.words[0]!.bbox[0] - x0) > 12)) return null;
  const at = rows.map((r) => r.i);
  const floor = (k: number) => (k ? at[k - 1]! : -1);
  // (a row's caption: its own cell, or set close to its value its first words before any number)
  const cap = (i: number) => {
    const r = captionAndAnswer(lines[i]!);
    if (r.answer) return keyWords(r.caption).join(' ');
    return keyWords(lines[i]!.text)
      .slice(0, 2)
      .join(' ')
      .replace(/\s*\b\w*\d.*$/, '');
  };
  // the rows above each account number that every section repeats ("Name" over "Account No.")
  let k = 0;
  while (
    at.every((a, n) => a - k - 1 > floor(n)) &&
    cap(at[0]! - k - 1) &&
    at.every((a) => cap(a - k - 1) === cap(at[0]! - k - 1))
  )
    k++;
  // a heading over each (the same words open them all: "Account 1 of 3", "Account 2 of 3")
  const heads = at.map((a) => lines[a - k - 1]);
  // (a scan may glue the section's number onto its first word: "ACCOUNT3" opens as "ACCOUNT 2" does)
  const opener = (l: PrintedLine | undefined) =>
    keyWords((l?.text ?? '').replace(/(?<=\p{L})\d+(?=\s|$)/u, ''))[0] ?? '';
  const headed =
    at.every((a, n) => a - k - 1 > floor(n)) &&
    heads.every((h) => h && opener(h) && opener(h) === opener(heads[0]) && !h.phones.length && !/\d{5}/.test(h.text));
  const starts = at.map((a) => a - k - (headed ? 1 : 0));
  return starts.map((from, n) => ({
    head: headed ? lines[from]! : null,
    from,
    to: n + 1 < starts.length ? starts[n + 1]! : lines.length,
  }));
}

/** The section the response marks as the account asked about; null when none is told apart. */
function subjectOf(lines: PrintedLine[], sections: Section[]): Section | null {
  const one = <T>(xs: T[]): T | null => (xs.length === 1 ? xs[0]! : null);
  const body = (s: Section) => lines.slice(s.from, s.to);
  const headText = (s: Section) => (s.head ?? lines[s.from]!).text;
  const marked = one(sections.filter((s) => SUBJECT_MARK.test(headText(s).trim())));
  if (marked) return marked;
  // the number searched for, above the sections, found again in one of them
  for (const l of lines.slice(0, sections[0]!.from))
    for (const ph of l.phones) {
      const holding = sections.filter((s) => body(s).some((b) => b.phones.includes(ph)));
      if (holding.length === 1) return holding[0]!;
    }
  const status = (s: Section) =>
    body(s)
      .map(captionAndAnswer)
      .find((r) => /\bstatus\b/i.test(r.caption))?.answer ?? '';
  return one(
    sections.filter(
      (s) => !NOT_SUBJECT.test(headText(s)) && !NOT_SUBJECT.test(status(s)) && !ROW_INACTIVE.test(status(s)),
    ),
  );
}

/** The pages without the other accounts' sections; null when the page lists no such accounts or marks none. */
export function withoutOtherAccounts(pages: PageText[]): PageText[] | null {
  const lines = printed(pages);
  const sections = sectionsOf(lines);
  if (!sections) return null;
  const subject = subjectOf(lines, sections);
  if (!subject) return null;
  const drop = new Set<Word>();
  for (const s of sections) {
    if (s === subject) {
      for (const w of s.head?.words ?? []) drop.add(w);
      continue;
    }
    for (const l of lines.slice(s.from, s.to)) for (const w of l.words) drop.add(w);
  }
  return pages.map((p) =>
    p.words.some((w) => drop.has(w)) ? { ...p, words: p.words.filter((w) => !drop.has(w)) } : p,
  );
}
