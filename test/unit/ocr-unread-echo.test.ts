import { describe, expect, it } from 'vitest';
import type { RawWord } from '../../electron/core/ocr/digit-reread.js';
import { boxedOver, echoedWord } from '../../electron/core/ocr/unread-ink.js';

/*
 * Tesseract now and then boxes a word without its first (or last) letter: the page read "Nguyen" but
 * boxed it from its "g" (dev scan csr-verify-39410). The unread-ink pass then reads the "N" left outside
 * the box as a word of its own, "Luis T. N Nguyen", and the gap the box left cuts the name after "T.".
 * Such a letter is the word's (unread-ink.ts echoedWord): it is not added, and the word is boxed over it.
 */

/** A word at x0..x1 on the line at y 200–225 (300-dpi pixels). */
const word = (text: string, x0: number, x1: number, conf = 95, y0 = 200): RawWord => ({
  text,
  bbox: { x0, y0, x1, y1: y0 + 25 },
  conf,
});

describe('a letter read in unread ink beside a word boxed without it', () => {
  const page = [word('Luis', 675, 730), word('T.', 735, 760), word('Nguyen', 792, 870)];

  it('is the start of the word right after it, or the end of the word before it', () => {
    expect(echoedWord(word('N', 768, 789, 84), page)?.text).toBe('Nguyen');
    const tail = [word('Operations', 100, 300), word('Manager', 330, 440)];
    expect(echoedWord(word('r', 443, 452, 80), tail)?.text).toBe('Manager');
    expect(echoedWord(word('Ma', 300, 328, 80), [word('nager', 330, 420)])).toBeUndefined();
    expect(echoedWord(word('Op', 72, 98, 80), tail)?.text).toBe('Operations');
  });

  it('is a word of its own a word space away, on another line, or not the letters beside it', () => {
    expect(echoedWord(word('N', 740, 760, 84), [word('Nguyen', 792, 870)])).toBeUndefined(); // a word space
    expect(echoedWord(word('N', 768, 789, 84, 240), page)).toBeUndefined(); // the next line
    expect(echoedWord(word('M', 768, 789, 84), page)).toBeUndefined(); // "Nguyen" starts with N
    expect(echoedWord(word('Ngu', 760, 789, 84), page)).toBeUndefined(); // more than a letter or two
  });

  it('grows the word it echoes over it', () => {
    const nguyen = page[2]!;
    expect(boxedOver(nguyen, word('N', 768, 789, 84)).bbox).toEqual({ x0: 768, y0: 200, x1: 870, y1: 225 });
    expect(boxedOver(nguyen, word('N', 768, 789, 84)).text).toBe('Nguyen');
  });
});
