import type { PageText, Word } from '../../../shared/domain/document.js';
import { labelStems } from '../../../shared/domain/fields.js';
import { isLabelWord } from './labels.js';
import { printedWordLines } from './lines.js';

/**
 * A form whose boxes are NUMBERED: each caption opens on the box's number ("1. ACCOUNT NAME", "7) CITY",
 * "(12) WORKING TELEPHONE NUMBERS", "#4 PIN", "15 REMARKS"), as a carrier's request / response form or a
 * porting desk's fax-back prints them. Read as it stands the number is the caption's first word, so the
 * caption is no listed wording and the box's number stands before a street ("10) STREET ADDRESS" read as a
 * street). Before the fields are read the numbers are taken out, leaving the captions as captions. A
 * number counts only as one of a SEQUENCE: four or more of one style, each opening a cell (nothing close
 * before it on its line) and followed closely by caption words (label vocabulary or capitals, no digits),
 * their numbers rising in reading order — so a list's "1. (555) 123-4567" or a street's "12 State St" is left alone.
 */

/** A box's number in one style: "12.", "12)", "(12)", "#12", or "12" alone. */
const NUMBER_STYLES: readonly [string, RegExp][] = [
  ['dot', /^(\d{1,2})\.$/],
  ['paren-close', /^(\d{1,2})\)$/],
  ['parens', /^\((\d{1,2})\)$/],
  ['hash', /^#(\d{1,2})$/],
  ['bare', /^(\d{1,2})$/],
];

interface Numbered {
  word: Word;
  style: string;
  n: number;
  /** reading order: the line's index, then x */
  line: number;
  x: number;
  /** the caption's first word */
  next: Word | undefined;
}

const height = (w: Word) => w.bbox[3] - w.bbox[1];

/**
 * Whether the words after a number, up to the cell's end, read as a BOX's caption: label words, no digits,
 * and nothing after them on the line but the next box's number — a box's value is typed under its caption.
 * (A numbered QUESTION has its answer beside it, "3. Account number ........ 398-330-1956": its number
 * is the questionnaire's, kept.)
 */
function captionAfter(words: Word[], from: number): boolean {
  const run: Word[] = [];
  for (let i = from; i < words.length && run.length < 7; i++) {
    const w = words[i]!;
    const prev = words[i - 1]!;
    if (w.bbox[0] - prev.bbox[2] > 1.5 * height(prev)) break;
    run.push(w);
    if (/:$/.test(w.text)) break;
  }
  if (!run.length) return false;
  const after = words[from + run.length]?.text.trim();
  if (after !== undefined && !NUMBER_STYLES.some(([, re]) => re.test(after))) return false;
  const text = run.map((w) => w.text).join(' ');
  if (/\d/.test(text.replace(/\([^)]*\)/g, ''))) return false;
  // (label vocabulary, or a form's capitals: "21) COMMENTS", "18) LINE COUNT" — the sequence says the rest)
  const stems = labelStems(text);
  return stems.length > 0 && (stems.some(isLabelWord) || text === text.toUpperCase());
}

/** The pages without their boxes' numbers; null when no page numbers four captions in one style. */
export function withoutBoxNumbers(pages: PageText[]): PageText[] | null {
  let any = false;
  const out = pages.map((page) => {
    const found: Numbered[] = [];
    printedWordLines(page).forEach((words, line) => {
      words.forEach((w, i) => {
        const next = words[i + 1];
        const prev = words[i - 1];
        if (!next || !/^\p{L}/u.test(next.text)) return;
        const h = height(w);
        // the number opens its cell and its caption follows it closely
        if (prev && w.bbox[0] - prev.bbox[2] < 1.5 * h) return;
        if (next.bbox[0] - w.bbox[2] > 1.2 * h) return;
        for (const [style, re] of NUMBER_STYLES) {
          const m = re.exec(w.text.trim());
          if (!m) continue;
          if (captionAfter(words, i + 1)) found.push({ word: w, style, n: Number(m[1]), line, x: w.bbox[0], next });
          break;
        }
      });
    });
    const drop = new Set<Word>();
    // the caption word after each dropped number, and where its box's number stood
    const boxStart = new Map<Word, number>();
    for (const [style] of NUMBER_STYLES) {
      const seq = found.filter((f) => f.style === style).sort((a, b) => a.line - b.line || a.x - b.x);
      if (seq.length < 4 || new Set(seq.map((f) => f.n)).size < 4) continue;
      const rising = seq.slice(1).filter((f, i) => f.n > seq[i]!.n).length;
      if (rising < 0.75 * (seq.length - 1)) continue;
      for (const f of seq) {
        drop.add(f.word);
        if (f.next) boxStart.set(f.next, f.word.bbox[0]);
      }
    }
    if (!drop.size) return page;
    any = true;
    // the caption still starts where its box does: the value typed under it, indented a little past the
    // box's number, stays in the caption's column ("12) CITY" over "Bowling Green")
    const words = page.words
      .filter((w) => !drop.has(w))
      .map((w) => {
        const x0 = boxStart.get(w);
        return x0 === undefined ? w : { ...w, bbox: [x0, w.bbox[1], w.bbox[2], w.bbox[3]] as Word['bbox'] };
      });
    return { ...page, words };
  });
  return any ? out : null;
}
