import { describe, expect, it } from 'vitest';
import type { PageText } from '../../shared/domain/document.js';
import { extractFields } from '../../electron/core/extract/index.js';
import { ocrPageOf } from '../helpers/pages.js';

/** 4.6 pt a character, boxes from 7 pt above the baseline down to it. */
const scanPage = (words: [number, number, string, number][]): PageText =>
  ocrPageOf(words, { width: 4.6, above: 7, below: 0 });

/** Filler print so the page has a typical line height, as every real page has. */
const filler: [number, number, string, number][] = [
  [56, 60, 'Complete', 0.96],
  [100, 60, 'every', 0.96],
  [130, 60, 'field', 0.96],
  [156, 60, 'exactly', 0.96],
  [56, 72, 'LEGAL', 0.95],
  [86, 72, 'BUSINESS', 0.96],
  [128, 72, 'NAME:', 0.95],
  [172, 72, 'Harvest', 0.96],
  [210, 72, 'Moon', 0.95],
  [236, 72, 'Tire', 0.92],
  [258, 72, 'LLC', 0.95],
];

describe('scanned words OCR gave confidence 0', () => {
  it('keeps a number whose area code OCR was unsure of in the list of numbers to port', () => {
    const page = scanPage([
      ...filler,
      [53, 192, 'TELEPHONE', 0.95],
      [105, 192, 'NUMBER(S)', 0.95],
      [153, 192, 'TO', 0.96],
      [166, 192, 'PORT:', 0.95],
      [65, 204, '+1518', 0.93],
      [90, 204, '679', 0.93],
      [105, 204, '2685', 0.96],
      [64, 216, '+1518', 0],
      [90, 216, '555', 0.96],
      [105, 216, '0141', 0.96],
      [64, 228, '+1518', 0.74],
      [90, 228, '520', 0.96],
      [105, 228, '7464', 0.96],
    ]);
    expect(extractFields([page], 'loa').fields.phone_numbers?.value).toEqual([
      '+15186792685',
      '+15185550141',
      '+15185207464',
    ]);
  });

  it('keeps a name word OCR was unsure of beside its label', () => {
    const page = scanPage([
      ...filler,
      [56, 96, 'AUTHORIZED', 0.95],
      [110, 96, 'PERSON:', 0.95],
      [172, 96, 'Grace', 0],
      [200, 96, 'Anderson', 0.96],
      [56, 120, 'JOB', 0.96],
      [74, 120, 'TITLE:', 0.96],
      [172, 120, 'Owner', 0.96],
    ]);
    expect(extractFields([page], 'loa').fields.authorized_person?.value).toBe('Grace Anderson');
  });

  it('still drops dust and symbol specks OCR gave confidence 0', () => {
    const page = scanPage([
      ...filler,
      [56, 96, 'AUTHORIZED', 0.95],
      [110, 96, 'PERSON:', 0.95],
      [172, 96, 'Grace', 0.95],
      [200, 96, 'Anderson', 0.96],
      [250, 96, 'Ill', 0],
      [56, 120, 'JOB', 0.96],
      [74, 120, 'TITLE:', 0.96],
      [172, 120, 'Owner', 0.96],
    ]);
    expect(extractFields([page], 'loa').fields.authorized_person?.value).toBe('Grace Anderson');
  });
});

describe('scanned dates', () => {
  it('reads a date whose comma before the year OCR read as a hyphen or a full stop', () => {
    for (const d of ['26-2026', '26.2026']) {
      const page = scanPage([...filler, [395, 312, 'DATE:', 0.96], [424, 312, 'MAY', 0.94], [445, 312, d, 0.5]]);
      expect(extractFields([page], 'loa').fields.document_date?.value).toBe('2026-05-26');
    }
  });
});

describe('job titles read onto the authorized person', () => {
  const form = (name: string[]) =>
    scanPage([
      ...filler,
      [56, 96, 'AUTHORIZED', 0.95],
      [110, 96, 'PERSON:', 0.95],
      // one word space apart, as the name is printed
      ...name.map((w, i): [number, number, string, number] => [
        172 + name.slice(0, i).reduce((x, o) => x + o.length * 4.6 + 3.5, 0),
        96,
        w,
        0.93,
      ]),
      [56, 140, 'SERVICE', 0.96],
      [100, 140, 'ADDRESS:', 0.96],
      [172, 140, '16488', 0.96],
      [200, 140, '21st', 0.96],
      [222, 140, 'Place', 0.96],
      [172, 152, 'Saratoga', 0.96],
      [214, 152, 'Springs,', 0.96],
      [256, 152, 'NY', 0.96],
      [272, 152, '12866', 0.96],
    ]);
  it('cuts the title after or before the name, in the words the prose reader knows', () => {
    for (const name of [
      ['Grace', 'Anderson', 'Office', 'Manager'],
      ['GRACE', 'ANDERSON', 'BOOKKEEPER'],
      ['Grace', 'Anderson,', 'Practice', 'Administrator'],
      ['Grace', 'Anderson', '(Co-Owner)'],
      ['CEO', 'Grace', 'Anderson'],
      ['Chief', 'Financial', 'Officer', 'Grace', 'Anderson'],
    ]) {
      const got = extractFields([form(name)], 'loa').fields.authorized_person?.value;
      expect(String(got).toLowerCase(), name.join(' ')).toBe('grace anderson');
    }
  });
  it('keeps a surname that is also a role word', () => {
    expect(extractFields([form(['Daniel', 'Head'])], 'loa').fields.authorized_person?.value).toBe('Daniel Head');
  });
});

describe('number ranges on a scan', () => {
  it('keeps the flat dash of a range OCR boxed at mid-height, so every number of the range is ported', () => {
    const page: PageText = {
      ...scanPage([
        ...filler,
        [53, 192, 'TELEPHONE', 0.95],
        [105, 192, 'NUMBERS', 0.95],
        [153, 192, 'TO', 0.96],
        [166, 192, 'PORT:', 0.95],
      ]),
    };
    // as tesseract boxed "608-933-7780 - 7782": the dash a point high, below the digits' centre
    page.words.push(
      { text: '608-933-7780', bbox: [93.84, 321.12, 144, 327.36], conf: 0.93 },
      { text: '-', bbox: [146.88, 324.48, 149.28, 325.44], conf: 0.88 },
      { text: '7782', bbox: [152.4, 321.12, 169.44, 327.36], conf: 0.96 },
    );
    expect(extractFields([page], 'loa').fields.phone_numbers?.value).toEqual([
      '+16089337780',
      '+16089337781',
      '+16089337782',
    ]);
  });
});
