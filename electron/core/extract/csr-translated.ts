import type { BBox, PageText, Word } from '../../../shared/domain/document.js';
import { anyKindConcept } from './labels.js';
import { printedWordLines, spanBox } from './lines.js';
import type { MovedWord, RecordRecast } from './records.js';

/**
 * A record printed for two languages: every caption in English and in French or Spanish, and its dates as
 * that other language writes them. Read as it stands the other language's caption is taken for a value
 * ("Business Name / Raison sociale: …" gives the name "Raison sociale"), or for a caption of nothing, and
 * a day-first date is read month first. Before the fields are read:
 *
 * - a caption SLASH-JOINED in two languages ("Raison sociale / Business name:", "Account no./N° de
 *   compte", "Nombre del cliente | Customer name") keeps the side that names a field and loses the side
 *   that names none (the kept side moved onto the caption's start, over a value set under it); of sides
 *   naming one field the one naming it in more words, or else the one plainly English, is kept — "City /
 *   State / ZIP", whose sides name different fields, stays as it is;
 * - a caption STACKED over its translation in smaller type (the same left edge, tight under it) keeps the
 *   one that names a field, set on the first line when its value stands beside it;
 * - a row captioned on both ends, one language each ("Raison sociale   Mesa Verde LLC   Business name",
 *   the right-hand captions ending on one edge), keeps the caption naming a field, at the row's start;
 * - a VALUE in both languages ("Débranché / Disconnected") keeps the side the document's captions keep;
 * - a date in French or Spanish words ("7 décembre 2026", "7 de diciembre de 2026", "7 déc. 2026") reads
 *   in English words;
 * - numeric dates of a document that writes them DAY FIRST — a format hint says so ("JJ/MM/AAAA",
 *   "DD/MM/YYYY"), or a date's first part exceeds 12 while no date's second part does — read as ISO dates.
 *
 * The captions and values are recast only on a document with three two-sided captions or more that show
 * another language (an accented letter, a French or Spanish article or preposition): an English
 * "PASSCODE/PIN", "APT/SUITE" or a value printed over its caption is no such evidence. The dates are read
 * wherever the document says how it writes them. Words keep their printed boxes but for a kept caption
 * moved onto its partner's place (`moved`).
 */

/** The field a caption's words name, of any kind's concepts; null when they name none. */
const fieldNamed = (text: string): string | null => anyKindConcept(text)?.field ?? null;

/**
 * Of sides naming one field, the index of the one to keep: the one naming it in more words than any other
 * (the English of a caption whose other side only a word of names — "Persona autorizada" is a person by
 * "autorizada" alone, "Authorized person" by both), else the one side showing no other language (no accent,
 * no French or Spanish article: "Numéro principal / Main number"); -1 when that does not tell either, where
 * the caption is read as printed (the label reader takes a Spanish side for its English: "Nombre" / "Name").
 */
function fuller(sides: readonly string[]): number {
  const named = sides.map((t) => anyKindConcept(t)?.stems.length ?? 0);
  const most = Math.max(...named);
  if (named.filter((n) => n === most).length === 1) return named.indexOf(most);
  // (on a tie, the one side not written in the other language, when the rest show theirs)
  const plainSides = sides
    .map((t, i) => (t.split(/\s+/).some((w) => FOREIGN_CUE.test(w)) ? -1 : i))
    .filter((i) => i >= 0);
  return plainSides.length === 1 ? plainSides[0]! : -1;
}

const height = (w: Word) => w.bbox[3] - w.bbox[1];
/** A word of French or Spanish: an accented letter, or an article or preposition of theirs ("de", "du", "del"). */
const FOREIGN_CUE = /[À-ÖØ-öø-ÿ]|^(?:de|du|des|del|la|le|les|los|las|et|y|d'.*|l'.*)$/i;
const SLASH = /^[/|]$/;
/** Caption text: letters, no digits outside a hint in parentheses. */
const captionText = (ws: Word[]) => {
  const t = ws.map((w) => w.text).join(' ');
  return /\p{L}/u.test(t) && !/\d/.test(t.replace(/\([^)]*\)?/g, ''));
};

/** A line's cells: runs of words apart by less than a column's gap, a colon closing a caption's run. */
function cells(words: Word[]): Word[][] {
  const out: Word[][] = [];
  let run: Word[] = [];
  for (const w of words) {
    const prev = run.at(-1);
    if (prev && (w.bbox[0] - prev.bbox[2] > 0.7 * height(prev) || /:$/.test(prev.text))) {
      out.push(run);
      run = [];
    }
    run.push(w);
  }
  if (run.length) out.push(run);
  return out;
}

/**
 * A word split at its slashes outside parentheses ("name/Nom", "(BTN)/Numéro"): its parts as words of
 * their own, each slash a word; the word itself when it holds none or is a date or code ("07/12/2026", "N/A").
 */
function slashParts(w: Word): Word[] {
  const t = w.text;
  if (!/\p{L}{2}[^/]*\/|\/[^/]*\p{L}{2}/u.test(t) || /\d/.test(t) || SLASH.test(t)) return [w];
  const out: Word[] = [];
  let depth = 0;
  let from = 0;
  const push = (a: number, b: number) => {
    if (b > a) out.push({ ...w, text: t.slice(a, b), bbox: spanBox(w.bbox, a, b, t.length) });
  };
  for (let i = 0; i < t.length; i++) {
    if (t[i] === '(') depth++;
    else if (t[i] === ')') depth = Math.max(0, depth - 1);
    else if (t[i] === '/' && depth === 0) {
      push(from, i);
      push(i, i + 1);
      from = i + 1;
    }
  }
  push(from, t.length);
  return out;
}

interface Slashed {
  drop: Word[];
  /** the kept side's last word when the cell's colon was on a dropped side */
  colonTo: Word | null;
  kept: Word[];
  /** how far the kept words move left (onto the dropped first side's place) */
  shift: number;
  /** a two-sided caption of which one side names a field: that side (0 first, 1 second) */
  englishAt?: 0 | 1;
}

/** Which words of a slash-joined two-language caption cell to drop, and the colon a kept side takes over; null if none. */
function slashDrops(cell: Word[]): Slashed | null {
  const sides: Word[][] = [[]];
  const slashes: Word[] = [];
  let depth = 0;
  for (const w of cell) {
    if (depth === 0 && SLASH.test(w.text)) {
      slashes.push(w);
      sides.push([]);
      continue;
    }
    depth = Math.max(0, depth + (w.text.split('(').length - 1) - (w.text.split(')').length - 1));
    sides.at(-1)!.push(w);
  }
  if (sides.length < 2 || sides.some((s) => !s.length || s.length > 6 || !captionText(s))) return null;
  const fields = sides.map((s) => fieldNamed(s.map((w) => w.text).join(' ')));
  let keep: boolean[];
  if (fields.some((f) => f) && fields.some((f) => !f)) keep = fields.map((f) => f !== null);
  else if (fields.every((f) => f && f === fields[0])) {
    const at = fuller(sides.map((x) => x.map((w) => w.text).join(' ')));
    // (read as printed, but still a caption in two languages: evidence the document is bilingual)
    if (at < 0) return { drop: [], colonTo: null, kept: cell, shift: 0 };
    keep = fields.map((_, i) => i === at);
  } else return null;
  const drop = [...slashes, ...sides.filter((_, i) => !keep[i]).flat()];
  const last = cell.at(-1)!;
  const kept = sides.filter((_, i) => keep[i]).flat();
  // (a kept side after a dropped one takes the cell's place: a value under the caption starts at its left edge)
  const shift = keep[0] ? 0 : cell[0]!.bbox[0] - kept[0]!.bbox[0];
  const englishAt = sides.length === 2 && fields.filter(Boolean).length === 1 ? (keep[0] ? 0 : 1) : undefined;
  return {
    drop,
    colonTo: /:$/.test(last.text) && drop.includes(last) ? kept.at(-1)! : null,
    kept,
    shift,
    ...(englishAt !== undefined ? { englishAt } : {}),
  };
}

/** A caption stacked over its translation: the words to drop and the words to set on the first line. */
interface Stacked {
  drop: Word[];
  kept: Word[];
  raise: { words: Word[]; to: BBox } | null;
}

function stackedPair(top: Word[], below: Word[]): Stacked | null {
  if (!captionText(top) || !captionText(below) || top.length > 6 || below.length > 6) return null;
  const h = height(top[0]!);
  if (Math.abs(top[0]!.bbox[0] - below[0]!.bbox[0]) > 0.5 * h) return null;
  // (the translation is set smaller and tight under its partner: a heading over a caption stands a line apart)
  if (Math.max(...below.map(height)) > 0.92 * Math.max(...top.map(height))) return null;
  if (below[0]!.bbox[1] - top[0]!.bbox[3] > 0.35 * h) return null;
  const texts = [top, below].map((ws) => ws.map((w) => w.text).join(' '));
  const [a, b] = texts.map(fieldNamed);
  const at = a && a === b ? fuller(texts) : -1;
  if ((b && !a) || at === 1) return { drop: top, kept: below, raise: { words: below, to: top[0]!.bbox } };
  if ((a && !b) || at === 0) return { drop: below, kept: top, raise: null };
  return a && a === b ? { drop: [], kept: [...top, ...below], raise: null } : null;
}

/**
 * Rows captioned on BOTH sides, one language each: "Raison sociale   Mesa Verde LLC   Business name", the
 * right-hand captions ending on one edge (three rows or more). The caption that names a field is kept, set
 * at the row's left edge; the other is dropped.
 */
function mirroredRows(lineCells: Word[][][]): Slashed[] {
  const rows = lineCells
    .filter((cs) => cs.length >= 3)
    .map((cs) => ({ left: cs[0]!, right: cs.at(-1)! }))
    .filter((r) => [r.left, r.right].every((c) => c.length <= 6 && captionText(c)));
  const edge = (r: { right: Word[] }) => r.right.at(-1)!.bbox[2];
  const out: Slashed[] = [];
  for (const r of rows) {
    if (rows.filter((o) => Math.abs(edge(o) - edge(r)) <= 2.5).length < 3) continue;
    const a = fieldNamed(r.left.map((w) => w.text).join(' '));
    const b = fieldNamed(r.right.map((w) => w.text).join(' '));
    if (a && (!b || a === b)) out.push({ drop: r.right, colonTo: null, kept: r.left, shift: 0 });
    else if (b && !a)
      out.push({ drop: r.left, colonTo: null, kept: r.right, shift: r.left[0]!.bbox[0] - r.right[0]!.bbox[0] });
  }
  return out;
}

/**
 * A HEADING in two languages, a line of its own ("SECURITY | SEGURIDAD", "Billing / Facturación"): no side
 * names a field, and no colon closes it. One heading is kept — the side not written in the other language
 * where one side shows it, else the side the document's captions keep, else the first — so that the
 * heading reads as one cell, never as a row of column captions over the caption under it.
 */
function headingDrops(line: Word[], englishAt: 0 | 1 | null): Word[] {
  const sides: Word[][] = [[]];
  const slashes: Word[] = [];
  for (const w of line) {
    if (SLASH.test(w.text)) {
      slashes.push(w);
      sides.push([]);
    } else sides.at(-1)!.push(w);
  }
  if (sides.length !== 2 || sides.some((x) => !x.length || x.length > 6 || !captionText(x))) return [];
  if (/:$/.test(line.at(-1)!.text) || sides.some((x) => fieldNamed(x.map((w) => w.text).join(' ')))) return [];
  const foreign = sides.map((x) => x.some((w) => FOREIGN_CUE.test(w.text)));
  const keep = foreign[0] !== foreign[1] ? (foreign[0] ? 1 : 0) : (englishAt ?? 0);
  return [...slashes, ...sides[1 - keep]!];
}

/** A word of a value's text in words: letters, no digits, not closing a list's item (",", ";"). */
const WORDY = /^[(\[]?\p{L}[\p{L}'’.-]*$/u;

/**
 * A VALUE in two languages ("Débranché / Disconnected", "EN SERVICE / IN SERVICE", "(résilié / cancelled
 * 07/12/2024)"): the words either side of a slash, in a cell, up to a digit or an item's end. The side in
 * the document's other language — the side its captions drop, always the same on a bilingual document —
 * is dropped with the slash. Sides naming a field are captions, left to `slashDrops`.
 */
function valuePairs(cell: Word[], englishAt: 0 | 1): Word[] {
  const drop: Word[] = [];
  cell.forEach((w, i) => {
    if (!SLASH.test(w.text)) return;
    const left: Word[] = [];
    for (let j = i - 1; j >= 0 && left.length < 4 && WORDY.test(cell[j]!.text); j--) left.unshift(cell[j]!);
    const right: Word[] = [];
    for (let j = i + 1; j < cell.length && right.length < 4 && WORDY.test(cell[j]!.text); j++) {
      right.push(cell[j]!);
      if (/[.]$/.test(cell[j]!.text)) break;
    }
    if (!left.length || !right.length) return;
    if (fieldNamed(left.map((x) => x.text).join(' ')) || fieldNamed(right.map((x) => x.text).join(' '))) return;
    drop.push(w, ...(englishAt === 0 ? right : left));
  });
  return drop;
}

// ---- dates ----

const FOREIGN_MONTHS: Readonly<Record<string, string>> = {
  // French, full and abbreviated
  janvier: 'January',
  janv: 'Jan',
  fevrier: 'February',
  fevr: 'Feb',
  fev: 'Feb',
  mars: 'March',
  avril: 'April',
  avr: 'Apr',
  mai: 'May',
  juin: 'June',
  juillet: 'July',
  juil: 'Jul',
  aout: 'August',
  septembre: 'September',
  octobre: 'October',
  novembre: 'November',
  decembre: 'December',
  // Spanish, full and abbreviated
  enero: 'January',
  ene: 'Jan',
  febrero: 'February',
  marzo: 'March',
  abril: 'April',
  abr: 'Apr',
  mayo: 'May',
  junio: 'June',
  julio: 'July',
  agosto: 'August',
  ago: 'Aug',
  septiembre: 'September',
  setiembre: 'September',
  octubre: 'October',
  noviembre: 'November',
  diciembre: 'December',
  dic: 'Dec',
};
const plain = (t: string) =>
  t
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
const DAY = /^(?:0?[1-9]|[12]\d|3[01])$/;
const YEAR = /^(?:19|20)\d{2}[.,]?$/;
/** The joining word of a Spanish or Portuguese date ("7 de diciembre de 2026"). */
const DATE_LINK = /^(?:de|del)$/i;
/** A format hint that says day first: "JJ/MM/AAAA", "DD-MM-YYYY", "jj.mm.aa". */
const DAY_FIRST_HINT = /\b(?:JJ|DD)\s*[/.-]\s*MM\s*[/.-]\s*(?:AAAA|YYYY|AA|YY)\b/i;
/** A format hint that says month first ("MM/DD/YYYY"): the document's dates stay as they read. */
const MONTH_FIRST_HINT = /\bMM\s*[/.-]\s*(?:DD|JJ)\s*[/.-]\s*(?:AAAA|YYYY|AA|YY)\b/i;
const NUMERIC_DATE = /^(\d{1,2})([/.-])(\d{1,2})\2((?:19|20)\d{2})([.,;)]?)$/;

/** Whether the document writes its numeric dates day first. */
function writesDayFirst(pages: PageText[]): boolean {
  const text = pages.map((p) => p.words.map((w) => w.text).join(' ')).join('\n');
  if (MONTH_FIRST_HINT.test(text)) return false;
  if (DAY_FIRST_HINT.test(text)) return true;
  let dayOver = false;
  for (const p of pages)
    for (const w of p.words) {
      const m = NUMERIC_DATE.exec(w.text);
      if (!m) continue;
      if (Number(m[3]) > 12) return false;
      if (Number(m[1]) > 12) dayOver = true;
    }
  return dayOver;
}

/** A page's dates in English words and (day first) ISO digits; the words to drop ("de"); null when none changed. */
function datesRead(page: PageText, dayFirst: boolean): { words: Map<Word, string>; drop: Set<Word> } | null {
  const words = new Map<Word, string>();
  const drop = new Set<Word>();
  for (const line of printedWordLines(page)) {
    line.forEach((w, i) => {
      if (dayFirst) {
        const m = NUMERIC_DATE.exec(w.text);
        if (m && Number(m[1]) <= 12) {
          words.set(w, `${m[4]}-${m[3]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}${m[5]}`);
          return;
        }
      }
      const month = FOREIGN_MONTHS[plain(w.text).replace(/[.,]$/, '')];
      if (!month) return;
      // a month's name between a day and a year, a Spanish date's "de" on either side
      let d = i - 1;
      const linkBefore = line[d] && DATE_LINK.test(line[d]!.text) ? line[d--] : undefined;
      let y = i + 1;
      const linkAfter = line[y] && DATE_LINK.test(line[y]!.text) ? line[y++] : undefined;
      if (!line[d] || !DAY.test(line[d]!.text) || !line[y] || !YEAR.test(line[y]!.text)) return;
      words.set(w, month);
      if (linkBefore) drop.add(linkBefore);
      if (linkAfter) drop.add(linkAfter);
    });
  }
  return words.size ? { words, drop } : null;
}

/** The document's two-language captions and dates read as one language writes them; null when nothing changed. */
export function recastTranslated(pages: PageText[]): RecordRecast | null {
  const moved: MovedWord[] = [];
  // the captions: count the document's bilingual ones first
  const perPage = pages.map((page) => {
    const lines = printedWordLines(page).map((ws) => ws.flatMap(slashParts));
    const slashed: Slashed[] = [];
    const stacked: Stacked[] = [];
    const lineCells = lines.map(cells);
    slashed.push(...mirroredRows(lineCells));
    lineCells.forEach((cs, k) => {
      for (const c of cs) {
        const s = slashDrops(c);
        if (s) slashed.push(s);
      }
      const next = lineCells[k + 1];
      if (!next) return;
      const pairs: { top: Word[]; s: Stacked }[] = [];
      for (const c of cs)
        for (const b of next) {
          const s = stackedPair(c, b);
          if (s) pairs.push({ top: c, s });
        }
      // (only a caption whose value stands BESIDE its partner moves up onto that line; one whose value is
      // under the pair stays over it — a cell beside a pair's top that tops a pair itself is a caption)
      const tops = new Set(pairs.map((x) => x.top));
      for (const { top, s } of pairs) {
        const beside = cs.some((o) => !tops.has(o) && o[0]!.bbox[0] > top.at(-1)!.bbox[2]);
        stacked.push(beside ? s : { ...s, raise: null });
      }
    });
    return { lines, slashed, stacked };
  });
  // (a document is bilingual by its two-sided captions one side of which is written in another language:
  // accented letters or a French / Spanish article or preposition — an English "PASSCODE/PIN", "APT/SUITE"
  // or a value over its caption is none)
  const evidence = perPage.reduce(
    (a, p) =>
      a +
      [...p.slashed, ...p.stacked].filter((x) => [...x.drop, ...x.kept].some((w) => FOREIGN_CUE.test(w.text))).length,
    0,
  );
  const bilingual = evidence >= 3;
  // which side of a slash the document's English stands on, when its captions agree (four in five or more)
  const sides = perPage.flatMap((p) => p.slashed.map((x) => x.englishAt).filter((x) => x !== undefined));
  const second = sides.filter((x) => x === 1).length;
  const englishAt: 0 | 1 | null =
    sides.length < 3 ? null : second >= 0.8 * sides.length ? 1 : sides.length - second >= 0.8 * sides.length ? 0 : null;
  const dayFirst = writesDayFirst(pages);
  let any = false;
  const out = pages.map((page, i) => {
    const { lines, slashed, stacked } = perPage[i]!;
    const drop = new Set<Word>();
    const text = new Map<Word, string>();
    const raised = new Map<Word, BBox>();
    if (bilingual) {
      for (const s of slashed) {
        for (const w of s.drop) drop.add(w);
        if (s.colonTo) text.set(s.colonTo, `${s.colonTo.text}:`);
        if (s.shift)
          for (const w of s.kept) raised.set(w, [w.bbox[0] + s.shift, w.bbox[1], w.bbox[2] + s.shift, w.bbox[3]]);
      }
      if (englishAt !== null)
        for (const cs of lines.map(cells))
          for (const c of cs) for (const w of valuePairs(c, englishAt)) if (!drop.has(w)) drop.add(w);
      for (const line of lines)
        if (cells(line).length === 1) for (const w of headingDrops(line, englishAt)) drop.add(w);
      for (const s of stacked) {
        if (s.drop.some((w) => drop.has(w))) continue;
        for (const w of s.drop) drop.add(w);
        if (s.raise) {
          const dy = s.raise.to[1] - s.raise.words[0]!.bbox[1];
          const dh = s.raise.to[3] - s.raise.to[1];
          for (const w of s.raise.words) raised.set(w, [w.bbox[0], w.bbox[1] + dy, w.bbox[2], w.bbox[1] + dy + dh]);
        }
      }
    }
    // (the words split at their slashes only on a bilingual document: "City/State/ZIP" elsewhere stays one word)
    const base = bilingual ? lines.flat() : page.words;
    const dates = datesRead({ ...page, words: base }, dayFirst);
    for (const w of dates?.drop ?? []) drop.add(w);
    for (const [w, t] of dates?.words ?? []) text.set(w, t);
    if (!drop.size && !text.size && !raised.size) return page;
    any = true;
    const words: Word[] = [];
    for (const w of base) {
      if (drop.has(w)) continue;
      const t = text.get(w);
      const at = raised.get(w);
      if (at) moved.push({ page: page.page, at, printed: w.bbox });
      words.push({ ...w, ...(t !== undefined ? { text: t } : {}), ...(at ? { bbox: at } : {}) });
    }
    return { ...page, words };
  });
  return any ? { pages: out, moved } : null;
}
