import { describe, expect, it } from 'vitest';
import { extractFields } from '../../electron/core/extract/index.js';
import { type BenchPort, devBadScanPort, reviewPort } from '../bench/review-ports.js';
import { codes } from '../helpers/compare.js';
import { ocrWords } from '../helpers/pages.js';

/*
 * Issues 9 / 10: on a scanned mainframe CSR OCR broke a record's slash tag, so the field under it was
 * never read: the slash read as a word of its own ("/ AUTH OMAR REYES"), the tag split inside itself
 * ("/PS WD 47288377", and the reader took the "/PIC" carrier code's number for the PIN) or glued to its
 * value ("/AUTHOMAR REYES"). On a page whose other tags show it is a record, such a tag is one tag again
 * and its value a word of its own, for any tag the field vocabulary knows.
 */

// the dev ports were found with 30 stand-ins: a stand-in added later would redraw them
const STANDINS = 30;
function port(seed: number): BenchPort {
  const p = devBadScanPort(seed, undefined, STANDINS);
  expect(p.csr.scanned).toBe(true);
  return p;
}

describe('an OCR-split record tag on a scanned CSR (dev ports)', () => {
  it('dev port 8218 ("/ AUTH OMAR REYES"): the CSR\'s authorised person is read and the LOA\'s other signer flagged', () => {
    const p = port(8218);
    expect(p.csr.pages.some((pg) => pg.words.some((w) => w.text === '/'))).toBe(true);
    expect(extractFields(p.csr.pages, 'csr').fields.authorized_person?.value).toBe(p.csr.truth.authorized_person);
    expect(p.planted.map((x) => x.code)).toContain('AUTH_PERSON_MISMATCH');
    expect(codes(reviewPort(p))).toContain('AUTH_PERSON_MISMATCH');
  });
  it('dev port 8592 ("/PS WD 47288377" beside "/PIC 6861"): the PIN under the split tag is read and the invalid LOA PIN flagged', () => {
    const p = port(8592);
    expect(p.csr.pages.some((pg) => pg.words.some((w) => w.text === '/PS'))).toBe(true);
    expect(extractFields(p.csr.pages, 'csr').fields.pin?.value).toBe('47288377');
    expect(p.planted.map((x) => x.code)).toContain('PASSCODE_PIN_INVALID');
    expect(codes(reviewPort(p))).toContain('PASSCODE_PIN_INVALID');
  });
});

/**
 * A scanned record page: each line a list of words, a word placed a word space (6 pt) after the one
 * before it, or `tight` (2 pt) for a piece OCR split off the word before it.
 */
type W = string | { tight: string };
function recordPage(damaged: W[][]): ReturnType<typeof ocrWords> {
  const lines: W[][] = [
    ['CUSTOMER', 'SERVICE', 'RECORD', 'PG', '1'],
    ['ACCOUNT', '303-555-0142-118'],
    ['BN1', 'HARBOR', 'LIGHT', 'TOOLS', 'INC'],
    ['/SADR', '1450', 'LARIMER', 'ST', '/LOC', 'STE', '210'],
    ['/CTY', 'DENVER', '/ST', 'CO', '/ZIP', '80202'],
    ...damaged,
    ['/TN', '303-555-0142', 'BUS', 'LINE'],
  ];
  const words: [number, number, string, number][] = [];
  lines.forEach((line, i) => {
    let x = 40;
    for (const w of line) {
      const text = typeof w === 'string' ? w : w.tight;
      if (words.length && words.at(-1)![1] === 60 + 16 * i) x += typeof w === 'string' ? 6 : 2;
      words.push([x, 60 + 16 * i, text, text.length * 6]);
      x += text.length * 6;
    }
  });
  return ocrWords(words);
}
const read = (damaged: W[][]) => extractFields(recordPage(damaged), 'csr').fields;

describe('an OCR-split record tag on hand-built scanned records (other tags, other wordings)', () => {
  it('the slash read apart from its tag: "/ AUTHZD PRIYA SHAH" reads the authorised person', () => {
    expect(read([['/', { tight: 'AUTHZD' }, 'PRIYA', 'SHAH']]).authorized_person?.value).toBe('PRIYA SHAH');
  });
  it('a tag split inside itself: "/AU THZD PRIYA SHAH" and "/PAS SCD 83920417"', () => {
    const f = read([
      ['/AU', { tight: 'THZD' }, 'PRIYA', 'SHAH'],
      ['/PAS', { tight: 'SCD' }, '83920417'],
    ]);
    expect(f.authorized_person?.value).toBe('PRIYA SHAH');
    expect(f.pin?.value).toBe('83920417');
  });
  it('a tag glued to its value: "/AUTHZDPRIYA SHAH" and "/PASSWD83920417"', () => {
    const f = read([['/AUTHZDPRIYA', 'SHAH'], ['/PASSWD83920417']]);
    expect(f.authorized_person?.value).toBe('PRIYA SHAH');
    expect(f.pin?.value).toBe('83920417');
  });
  it('guard: two known tags glued into one ("/CUSTNAME") stay one tag: its value is the whole name', () => {
    expect(read([['/CUSTNAME', 'HARBOR', 'LIGHT', 'TOOLS', 'INC']]).account_name?.value).toBe('HARBOR LIGHT TOOLS INC');
  });
  it('guard: words in a remark that begin with a tag\'s letters ("Authority", "Pswd") are not cut into a tag and a value', () => {
    const f = read([
      ['/AUTHZD', 'PRIYA', 'SHAH'],
      ['REMARKS', 'Authority', 'letter', 'on', 'file.', 'Pswd', 'reset', 'requested'],
    ]);
    expect(f.authorized_person?.value).toBe('PRIYA SHAH');
    expect(f.pin).toBeUndefined();
  });
});
