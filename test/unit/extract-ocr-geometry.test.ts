import { describe, expect, it } from 'vitest';
import type { PageText } from '../../shared/domain/document.js';
import { extractFields } from '../../electron/core/extract/index.js';
import { trimValue } from '../../electron/core/extract/text.js';

/**
 * Words as OCR boxes them: around their ink (capitals' top to baseline, blurred: ~0.8 of a 10 pt
 * font), not the font's whole line as a text layer does. Each [x, baseline y, text].
 */
function inkPage(words: [number, number, string][]): PageText {
  return {
    page: 1,
    width: 612,
    height: 792,
    method: 'ocr',
    words: words.map(([x, y, text]) => ({
      text,
      bbox: [x, y - 8.2, x + text.length * 6.5, y + (/[gjpqy,]/.test(text) ? 2 : 0)] as [
        number,
        number,
        number,
        number,
      ],
      conf: 0.9,
    })),
  };
}

/** A grid row whose label cell wraps under its first line ("LEGAL BUSINESS" / "NAME"), lines 12 pt apart. */
function wrappedLabelRow(head: string[], tail: string, value: string[]): PageText {
  const words: [number, number, string][] = [
    [44, 40, 'Northwind'],
    [110, 40, 'Telecom'],
    [400, 40, 'INVOICE'],
  ];
  let x = 44;
  for (const w of head) {
    words.push([x, 90, w]);
    x += w.length * 6.5 + 4;
  }
  x = 170;
  for (const w of value) {
    words.push([x, 90, w]);
    x += w.length * 6.5 + 4;
  }
  words.push([44, 102, tail], [320, 104, 'PAYMENT'], [380, 104, 'DUE:'], [420, 104, '10/14/2025']);
  words.push([44, 150, 'Telephone'], [120, 150, 'Number'], [300, 150, 'Amount']);
  words.push([44, 165, '(907)'], [84, 165, '474-6587'], [300, 165, '$88.24']);
  return inkPage(words);
}

describe('OCR ink boxes', () => {
  it('reads a label cell wrapped over two OCR lines (no colon) as one label, in several wordings', () => {
    for (const [head, tail, value] of [
      [['LEGAL', 'BUSINESS'], 'NAME', ['Tanaka', '&', 'Levy,', 'Corporation']],
      [['CUSTOMER', 'LEGAL'], 'NAME', ['Harbor', 'Light', 'Dental', 'LLC']],
      [['Legal', 'Business'], 'Name', ['Blue', 'Heron', 'Design', 'PLLC']],
    ] as const) {
      const r = extractFields([wrappedLabelRow([...head], tail, [...value])], 'invoice');
      expect(r.fields.account_name?.value, head.join(' ')).toBe(value.join(' '));
    }
  });

  it('drops the specks OCR reads before a value as a word of symbols', () => {
    // "Name on Account: =~ Red Rock Storage Centers LLP": dust between a caption and its value
    for (const speck of ['=~', '~', '^', '`', '°']) {
      const words: [number, number, string][] = [
        [44, 40, 'Brightspeed'],
        [44, 70, 'Name'],
        [80, 70, 'on'],
        [100, 70, 'Account:'],
      ];
      let x = 170;
      for (const w of [speck, 'Red', 'Rock', 'Storage', 'Centers', 'LLP']) {
        words.push([x, 70, w]);
        x += w.length * 6.5 + 4;
      }
      const r = extractFields([inkPage(words)], 'csr');
      expect(r.fields.account_name?.value, speck).toBe('Red Rock Storage Centers LLP');
    }
    expect(trimValue('=~ Red Rock Storage')).toBe('Red Rock Storage');
    // a value's own first character stays
    expect(trimValue("'Ohana Dental")).toBe("'Ohana Dental");
    expect(trimValue('~Acme')).toBe('~Acme');
  });

  it('drops the specks OCR reads after a value as a word of symbols', () => {
    expect(trimValue('Tanaka & Levy, Corporation =~')).toBe('Tanaka & Levy, Corporation');
    expect(trimValue('Blue Heron Design PLLC ~')).toBe('Blue Heron Design PLLC');
    expect(trimValue("Kim's Deli ^ `")).toBe("Kim's Deli");
    // a value's own last character stays
    expect(trimValue("O'Neill")).toBe("O'Neill");
    expect(trimValue('Suite 4-B')).toBe('Suite 4-B');
  });
});
