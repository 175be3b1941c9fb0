import { describe, expect, it } from 'vitest';
import { extractFields } from '../../electron/core/extract/index.js';
import { pageOf, type TextLine } from '../fixtures/generator/handmade.js';
import { readLines } from '../helpers/read-lines.js';

/*
 * A value printed under its caption on a text page is as often right as one beside its caption (stop 49's
 * calibration study: 1145 of 1147 on the dev sets), so it is reported as sure (>= 0.9), which the review
 * and the specialist take as read. A scan's words keep their OCR caps, and a caption that names its field only in part
 * stays below. Wordings are made up for the test.
 */

const SMALL = { size: 8 } as const;

/** A record's captions in small print, each value on the line under it at the caption's left edge. */
const stacked = (captions: [string, string, string]): TextLine[] => [
  [48, 50, 'Northwind Telephone  Service Summary', { font: 'sans-bold', size: 12 }],
  [48, 90, captions[0], SMALL],
  [48, 104, 'Quarry Hill Bakery LLC'],
  [300, 90, captions[1], SMALL],
  [300, 104, '8812 0447 1903'],
  [48, 140, captions[2], SMALL],
  [48, 154, '4417'],
];

describe('a value under its caption on a text page', () => {
  for (const captions of [
    ['CUSTOMER NAME', 'ACCOUNT NUMBER', 'PORT-OUT PIN'],
    ['Business name', 'Account no.', 'Account PIN'],
    ['Company name', 'Account #', 'Security PIN'],
  ] as [string, string, string][])
    it(`is read as sure (${captions.join(' / ')})`, () => {
      const got = readLines(stacked(captions), 'csr');
      expect(got.account_name?.value).toBe('Quarry Hill Bakery LLC');
      expect(got.account_number?.value).toBe('8812 0447 1903');
      expect(got.pin?.value).toBe('4417');
      for (const f of [got.account_name, got.account_number, got.pin])
        expect(f?.confidence).toBeGreaterThanOrEqual(0.9);
    });

  it('read off a scan, stays under 0.9: OCR words keep their caps', () => {
    const p = pageOf(stacked(['CUSTOMER NAME', 'ACCOUNT NUMBER', 'PORT-OUT PIN']));
    const scanned = { ...p, method: 'ocr' as const, words: p.words.map((w) => ({ ...w, conf: 0.93 })) };
    const got = extractFields([scanned], 'csr').fields;
    expect(got.account_number?.value).toBe('8812 0447 1903');
    expect(got.account_number?.confidence).toBeLessThan(0.9);
  });

  it('under a caption that names its field only in part, stays under 0.9', () => {
    // "Subscriber" names the account's holder by a word of its own: a weaker caption than "Company name"
    const got = readLines(stacked(['Subscriber', 'Account #', 'Security PIN']), 'csr');
    expect(got.account_name?.value).toBe('Quarry Hill Bakery LLC');
    expect(got.account_name?.confidence).toBeLessThan(0.9);
  });
});
