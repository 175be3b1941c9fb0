import { describe, expect, it } from 'vitest';
import type { PageText, Word } from '../../shared/domain/document.js';
import { extractFields } from '../../electron/core/extract/index.js';
import { type BenchPort, devPort, reviewPort } from '../bench/review-ports.js';
import { codes } from '../helpers/compare.js';

/*
 * Issue 10 at stop 49, false predicted rejections left on dev tune ports that were reading errors:
 * - an LOA dated in boxes, one character a box (loa-comb), the date's "/" printed between boxes: the joiners'
 *   short distances set the comb's pitch, so a hand's slightly wide step inside the year ended the comb, and
 *   "01/23/20" with "2" "3" apart read 2020-01-23, an LOA three years old. The pitch is the boxes' own (a
 *   joiner stands between boxes), and a two-digit year the line ends on lone digits after is no year;
 * - a CSR printed in field identifiers whose "CONTACT" section's tags "/CONT" over "/PIC" were read as the
 *   person "CONT PIC", and the LOA's signer, written nowhere on the carrier's papers, a certain difference.
 *   A run of record tags is no one's name.
 */

const port = (seed: number): BenchPort => devPort(seed, 'mild', { standins: 70 });

/** The words of the page's line `onLine` picks, right of x, moved right by dx. */
function shift(pages: PageText[], onLine: (y: number) => boolean, x: number, dx: number): PageText[] {
  return pages.map((pg) => ({
    ...pg,
    words: pg.words.map((w) =>
      onLine(w.bbox[1]) && w.bbox[0] >= x ? { ...w, bbox: [w.bbox[0] + dx, w.bbox[1], w.bbox[2] + dx, w.bbox[3]] } : w,
    ),
  }));
}

describe('an LOA dated in boxes, a "/" printed between them', () => {
  it('dev port 45865: the year’s four boxes read as one year, the LOA not too old', () => {
    const p = port(45865);
    expect(extractFields(p.loa.pages, 'loa').fields.document_date?.value).toBe(p.loa.truth.document_date);
    expect(codes(reviewPort(p))).not.toContain('LOA_TOO_OLD');
  });

  it('dev port 45865, the year’s last boxes set off the comb: a half year is no date to reject on', () => {
    const p = port(45865);
    // the box date: a line of single digits with the form's "/" between them; its year's last two boxes
    const digitsBeside = (pg: PageText, slash: Word) =>
      pg.words.filter((w) => /^\d$/.test(w.text) && Math.abs(w.bbox[1] - slash.bbox[1]) < 1);
    const pageNo = p.loa.pages.findIndex((pg) =>
      pg.words.some((w) => w.text === '/' && digitsBeside(pg, w).length >= 8),
    );
    const page = p.loa.pages[pageNo]!;
    const slash = page.words.find((w) => w.text === '/' && digitsBeside(page, w).length >= 8)!;
    const sameLine = (y: number) => Math.abs(y - slash.bbox[1]) < 1;
    const digits = digitsBeside(page, slash);
    expect(digits.map((w) => w.text).join('')).toBe('01232023');
    const third = digits.sort((a, b) => b.bbox[0] - a.bbox[0])[1]!;
    const loa = p.loa.pages.map((pg, i) => (i === pageNo ? shift([pg], sameLine, third.bbox[0], 5)[0]! : pg));
    expect(extractFields(loa, 'loa').fields.document_date?.value).not.toBe('2020-01-23');
    expect(codes(reviewPort(p, { pages: { loa } }))).not.toContain('LOA_TOO_OLD');
  });
});

describe('a CSR printed in field identifiers', () => {
  it('dev port 45822: the tags "/CONT" over "/PIC" are no person, the LOA’s signer no difference', () => {
    const p = port(45822);
    expect(extractFields(p.csr.pages, 'csr').fields.authorized_person?.value).toBeUndefined();
    expect(codes(reviewPort(p))).not.toContain('AUTH_PERSON_MISMATCH');
  });
});
