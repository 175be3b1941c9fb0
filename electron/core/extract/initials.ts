import type { PageText, Word } from '../../../shared/domain/document.js';
import { DIRECTIONALS, STATE_CODES } from '../../../shared/normalize/usps.js';

/*
 * A customer who corrects or approves a typed value on a form initials it: "JD" or "J.D." written after
 * the value. The initials are the signer's, not part of the value. Once the signer is known, a short
 * capitals-only word at the end of a line that spells their initials is taken off the page, and the
 * document is read again.
 */

/** The forms of a person's initials: every name word's first letter, and first and last only. */
function initialForms(person: string): Set<string> {
  const letters = person
    .split(/\s+/)
    .filter((w) => /^[A-Z]/.test(w) && !/^(?:Jr|Sr|II|III|IV)\.?,?$/.test(w))
    .map((w) => w[0]!);
  const out = new Set<string>();
  if (letters.length >= 2) {
    out.add(letters.join(''));
    out.add(`${letters[0]}${letters[letters.length - 1]}`);
  }
  return out;
}

const INITIALS = /^\(?((?:[A-Z]\.?){2,4})\)?$/;

/** Is this word the signer's initials after a value: last on its line, with a word before it. */
function trailingInitials(w: Word, words: Word[], forms: Set<string>): boolean {
  const m = INITIALS.exec(w.text);
  if (!m) return false;
  const letters = m[1]!.replace(/\./g, '');
  if (!forms.has(letters)) return false;
  const [x0, top, x1, bottom] = w.bbox;
  const h = bottom - top;
  const sameLine = (o: Word) => o !== w && Math.abs((o.bbox[1] + o.bbox[3]) / 2 - (top + bottom) / 2) < 0.6 * h;
  const before = words
    .filter((o) => sameLine(o) && o.bbox[2] <= x0 + 1 && x0 - o.bbox[2] < 6 * h)
    .sort((a, b) => b.bbox[2] - a.bbox[2])[0];
  const after = words.some((o) => sameLine(o) && o.bbox[0] >= x1 - 1 && o.bbox[0] - x1 < 4 * h);
  if (!before || after) return false;
  // undotted, a street's direction is the address's own ("Main St NE"), and so is a state after a
  // city's comma ("Los Angeles, CA")
  if (m[1]!.includes('.')) return true;
  return !DIRECTIONALS.has(letters) && !(STATE_CODES.has(letters) && before.text.endsWith(','));
}

/** The pages without the signer's initials after values, or null when no line ends in them. */
export function withoutInitials(pages: PageText[], person: string): PageText[] | null {
  const forms = initialForms(person);
  if (!forms.size) return null;
  let found = false;
  const out = pages.map((p) => {
    const words = p.words.filter((w) => !trailingInitials(w, p.words, forms));
    if (words.length === p.words.length) return p;
    found = true;
    return { ...p, words };
  });
  return found ? out : null;
}
