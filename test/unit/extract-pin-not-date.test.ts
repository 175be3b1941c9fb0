import { describe, expect, it } from 'vitest';
import type { DocumentKind } from '../../shared/domain/document.js';
import { extractFields } from '../../electron/core/extract/index.js';
import { ocrWords } from '../helpers/pages.js';
import { pageOf, type TextLine } from '../fixtures/generator/handmade.js';

/*
 * A date near a PIN caption is never the PIN, in whatever form it is written: a month's name run into its
 * numbers, a year before a month and day set apart by spaces, the day and year after a month's name that a
 * split reading joins into one number ("APR 04 2026" -> "042026"). What says it is a date is the value's
 * grammar and its neighbours on the line — never six digits alone: a real PIN that could be read as MMDDYY,
 * under a PIN caption with no month's name beside it, stays the PIN. Captions and layouts vary per case.
 */

const NAME: TextLine = [72, 60, 'Customer Name:'];
const NAME_VALUE: TextLine = [260, 60, 'Blue Ridge Bakery, LLC'];

function read(kind: DocumentKind, rows: TextLine[]) {
  return extractFields([pageOf([NAME, NAME_VALUE, ...rows])], kind).fields;
}

/** A scan's grid: a date column's value runs under the PIN column's caption, its month's name left of it. */
function scanGrid(dateCaption: string, pinCaption: string, left: string, day: string, year: string) {
  return extractFields(
    ocrWords([
      [72, 60, 'Customer', 48],
      [126, 60, 'Name:', 30],
      [260, 60, 'Blue', 24],
      [290, 60, 'Ridge', 30],
      [72, 100, dateCaption, dateCaption.length * 6],
      [200, 100, pinCaption, pinCaption.length * 6],
      [200 - 32 - left.length * 6, 116, left, left.length * 6],
      [200, 116, day, day.length * 6],
      [200 + day.length * 6 + 6, 116, year, year.length * 6],
    ]),
    'csr',
  ).fields;
}

describe('a date beside a PIN caption is no PIN', () => {
  it.each([
    ['Transfer PIN:', '2026 04 20'],
    ['PIN:', '2026 - 4 - 20'],
    ['Passcode:', '2026 APR 20'],
    ['Port-Out PIN:', '20APR2026'],
    ['Account PIN:', 'SEPT2025'],
  ])('"%s %s" (a form row) gives no PIN', (label, value) => {
    for (const kind of ['loa', 'csr'] as const) {
      const f = read(kind, [
        [72, 100, label],
        [260, 100, value],
      ]);
      expect(f.pin, `${kind}: ${label} ${value}`).toBeUndefined();
    }
  });

  it.each([
    ['Opened', 'PIN', 'APR', '04', '2026'],
    ['Since', 'Passcode', 'Sept.', '4', '2025'],
    ['Changed', 'PIN', 'jun', '21', '2024'],
  ])('a scan’s "%s | %s" grid with "%s %s %s" below gives no PIN from the date', (dc, pc, month, day, year) => {
    const f = scanGrid(dc, pc, month, day, year);
    expect(f.pin?.value).not.toBe(`${day}${year}`);
    expect(f.pin?.value).not.toBe(year);
  });

  it('a real PIN beside a date on the caption’s line stays the PIN, sure as before', () => {
    const f = read('loa', [
      [72, 100, 'Port-Out PIN:'],
      [260, 100, '7304'],
      [72, 116, 'Date Set:'],
      [260, 116, 'APR 2026'],
    ]);
    expect(f.pin?.value).toBe('7304');
  });
});

describe('six digits that could be MMDDYY, under a PIN caption with no month’s name, stay the PIN', () => {
  it.each([
    ['PIN:', '042026'],
    ['Passcode:', '123199'],
    ['Transfer PIN:', '2026'],
    ['Account PIN:', '20260420'],
  ])('"%s %s" (a form row) is the PIN', (label, value) => {
    const f = read('loa', [
      [72, 100, label],
      [260, 100, value],
    ]);
    expect(f.pin?.value).toBe(value);
  });

  it('a grid’s PIN cell under its caption, a date in the next cell, stays the PIN', () => {
    const f = read('csr', [
      [72, 100, 'Account PIN'],
      [260, 100, 'Last Changed'],
      [72, 116, '042026'],
      [260, 116, '04/20/2026'],
    ]);
    expect(f.pin?.value).toBe('042026');
  });

  it('a scan’s PIN of six digits OCR split under its caption, no month’s name beside it, stays the PIN', () => {
    expect(scanGrid('Status', 'PIN', 'ACTIVE', '04', '2026').pin?.value).toBe('042026');
  });

  it('a scan’s PIN of six digits after its caption stays the PIN', () => {
    const f = extractFields(
      ocrWords([
        [72, 60, 'Customer', 48],
        [126, 60, 'Name:', 30],
        [260, 60, 'Blue', 24],
        [72, 100, 'PIN:', 24],
        [102, 100, '04', 12],
        [120, 100, '2026', 24],
      ]),
      'csr',
    ).fields;
    expect(f.pin?.value).toBe('042026');
  });
});

describe('a PIN’s evidence says whether its caption’s area held a second value (its rivals are not kept)', () => {
  const why = (rows: TextLine[]) => read('loa', rows).pin?.candidates?.[0]?.why;

  it('a PIN alone under its caption says so', () => {
    expect(
      why([
        [72, 100, 'PIN:'],
        [260, 100, '4821'],
      ])?.rival_under_caption,
    ).toBe(false);
    expect(
      why([
        [72, 100, 'Account PIN'],
        [72, 116, '4821'],
      ])?.rival_under_caption,
    ).toBe(false);
  });

  it('a second PIN-shaped value in the caption’s area makes it a guess between two', () => {
    const w = why([
      [72, 100, 'Passcode'],
      [160, 100, '4821'],
      [72, 116, '7730'],
    ]);
    expect(w?.rival_under_caption).toBe(true);
  });

  it('a date in the caption’s area is no rival: the PIN beside it stands alone', () => {
    const f = read('loa', [
      [72, 100, 'Passcode'],
      [160, 100, '4821'],
      [72, 116, '2026 APR 20'],
    ]);
    expect(f.pin?.value).toBe('4821');
    expect(f.pin?.candidates?.[0]?.why.rival_under_caption).toBe(false);
  });
});
