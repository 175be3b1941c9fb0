import { createCanvas, GlobalFonts } from '@napi-rs/canvas';
import { describe, expect, it } from 'vitest';
import type { RawWord } from '../../electron/core/ocr/digit-reread.js';
import { toGray } from '../../electron/core/ocr/preprocess.js';
import { unreadInk } from '../../electron/core/ocr/unread-ink.js';
import type { PageText, Word } from '../../shared/domain/document.js';
import { capitalsAsRead } from '../../shared/normalize/ocr-confusions.js';
import { extractFields } from '../../electron/core/extract/index.js';

/*
 * Issue 9: slips OCR makes on scans that the text layer never shows — a screen print's status code set
 * partly in lower case ("ouT"), a prompt read so unsure of its dots that it passed for a speck
 * ("TN....:" at confidence 0.13). Pages are built as tesseract boxes 9-pt monospace print.
 */

/**
 * An OCR'd page of 9-pt monospace print (5.4 pt a character, 6.5 pt high, confidence 0.9); a word
 * written "word~0.13" is read at that confidence.
 */
function monoOcrPage(lines: [number, string][]): PageText[] {
  const words: Word[] = [];
  for (const [y, text] of lines)
    for (const m of text.matchAll(/\S+/g)) {
      const [word, conf] = m[0].split('~') as [string, string | undefined];
      const x0 = 36 + m.index * 5.4;
      words.push({ text: word, bbox: [x0, y, x0 + word.length * 5.4, y + 6.5], conf: conf ? Number(conf) : 0.9 });
    }
  return [{ page: 1, width: 612, height: 792, method: 'ocr', words }];
}

const SCREEN_TOP: [number, string][] = [
  [40, 'CSRI ACCOUNT MASTER                              SCREEN 1'],
  [60, 'ACCT NO....: 164-099-1998-28'],
  [74, 'CUST NM....: IRON BRIDGE BREWING COMPANY'],
];

const inventory = (outCode: string): [number, string][] => [
  ...SCREEN_TOP,
  [100, 'TEL NBR        CLASS   ST    FEATURES'],
  [114, '860-555-0184   1FB     ACT   MBBRJ HTG'],
  [128, '860-555-0172   TRK     WKG   MBBRJ 9ZR'],
  [142, `860-425-9559   DID     ${outCode.padEnd(5)} NSY`],
  [156, '860-555-0114   1MB     ACT   RJ11C'],
];

describe("a status code OCR set partly in lower case ('ouT' for OUT)", () => {
  for (const code of ['ouT', 'oUT', 'OuT', 'cNL', 'DSc']) {
    it(`"${code}" in the status column: that line has left the account`, () => {
      const got = extractFields(monoOcrPage(inventory(code)), 'csr').fields;
      expect(got.phone_numbers?.value).toEqual(['+18605550184', '+18605550172', '+18605550114']);
    });
  }

  it('a code whose small letter has a shape of its own ("OUt", "Dsc") is not read as capitals', () => {
    expect(capitalsAsRead('OUt')).toBe('OUt');
    expect(capitalsAsRead('out')).toBe('out');
    expect(capitalsAsRead('Disc')).toBe('Disc');
    expect(capitalsAsRead('ouT')).toBe('OUT');
  });

  it('a working code in the same column keeps its line', () => {
    const got = extractFields(monoOcrPage(inventory('Wkg')), 'csr').fields;
    expect(got.phone_numbers?.value).toContain('+18604259559');
  });
});

describe('a prompt OCR read unsure of its dots ("TN....:" at confidence 0.13) is still the caption', () => {
  // (without it "BILL 757 668 6252" reads as a bill's number, an identifier, and the line goes everywhere)
  const wordings: [string, string][] = [
    ['BILL TN....:~0.13', '757 668 6252'],
    ['BILL TEL:~0.3', '757 668 6252'],
    ['BILL TN.:~0.2', '757-668-6252'],
  ];
  for (const [prompt, number] of wordings) {
    it(`"${prompt.replace(/~.*/, '')}" gives the billing number, which the line inventory lists too`, () => {
      const pages = monoOcrPage([
        [40, 'SORD ACCOUNT INQUIRY                              SCREEN 1'],
        [60, `BAN........: 601-711-3563-53   ${prompt} ${number}`],
        [74, 'ACCT NAME..: KEYSTONE LAW OFFICES, LTD.'],
        [100, 'TEL NBR        CLASS   ST    FEATURES'],
        [114, '757 668 6252   TRK     WKG   ESX'],
        [128, '757 555 0125   TRK     WKG   RJ11C CREX'],
        [142, '757 649 0419   1FB     W     MBBRJ ESX'],
      ]);
      const got = extractFields(pages, 'csr').fields;
      expect(got.btn?.value).toBe('+17576686252');
      expect(got.phone_numbers?.value).toContain('+17576686252');
    });
  }
});

/**
 * A 300-dpi screen print in 9-pt monospace (Liberation Mono, 37 px): an inventory with a status column
 * of codes, some a lone letter, and not print — specks, a lone stroke, a short rule. Returns the page
 * and the boxes of the words drawn, by text.
 */
function statusColumnPage(codes: string[]) {
  GlobalFonts.registerFromPath('/usr/share/fonts/truetype/liberation/LiberationMono-Regular.ttf', 'Slips Mono');
  const W = 1400,
    H = 160 + codes.length * 60;
  const c = createCanvas(W, H);
  const ctx = c.getContext('2d');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, W, H);
  ctx.fillStyle = '#000';
  ctx.font = '37px Slips Mono';
  const words: { text: string; word: RawWord }[] = [];
  const draw = (text: string, x: number, y: number) => {
    ctx.fillText(text, x, y);
    const m = ctx.measureText(text);
    words.push({
      text,
      word: {
        text,
        bbox: { x0: x, y0: y - m.actualBoundingBoxAscent, x1: x + m.width, y1: y + m.actualBoundingBoxDescent },
        conf: 95,
      },
    });
  };
  codes.forEach((code, k) => {
    const y = 100 + k * 60;
    draw(`860555${String(184 + k).padStart(4, '0')}`, 120, y);
    draw('FAX', 500, y);
    draw(code, 700, y);
    draw('MBBRJ', 900, y);
  });
  // not print: specks, a lone thin stroke, a short rule
  for (let k = 0; k < 12; k++) ctx.fillRect(1100 + ((k * 37) % 200), 80 + ((k * 53) % (H - 120)), 4, 4);
  ctx.fillRect(1370, 90, 3, 30);
  ctx.fillRect(1150, H - 40, 120, 3);
  return { gray: toGray(c, W, H), words };
}

describe("a status column's lone letter the page read left out ('D', 'W')", () => {
  for (const codes of [
    ['ACT', 'D', 'WKG', 'D'],
    ['W', 'W', 'D'],
    ['IN', 'OUT', 'D', 'IN'],
  ])
    it(`is found as unread print, and nothing else is (${codes.join(' ')})`, () => {
      const { gray, words } = statusColumnPage(codes);
      const lone = words.filter((w) => w.text.length === 1);
      const read = words.filter((w) => w.text.length > 1).map((w) => w.word);
      const found = unreadInk(gray, read, 8);
      const holds = (b: RawWord['bbox'], w: RawWord) =>
        w.bbox.x0 >= b.x0 - 10 && w.bbox.x1 <= b.x1 + 10 && w.bbox.y0 >= b.y0 - 10 && w.bbox.y1 <= b.y1 + 10;
      for (const w of lone)
        expect(
          found.some((b) => holds(b, w.word)),
          `${w.text} found`,
        ).toBe(true);
      // each stretch found is one of the letters: no speck, stroke or rule
      expect(found.length, JSON.stringify(found)).toBe(lone.length);
    });
});

/**
 * A comb form's service location as a tilted scan read it (the words and boxes of a dev tune scan,
 * loa-comb-16808): values in capitals in their boxes, the captions in small print under them, the
 * slash of the unit's caption "Ste / Fl" read as a flat speck of its own. `unit` replaces "SUITE 31",
 * `caption` the caption's two words.
 */
function combLocation(unit: [string, string], caption: [string, string]): PageText[] {
  const w = (text: string, x0: number, y0: number, x1: number, y1: number, conf = 0.9): Word => ({
    text,
    bbox: [x0, y0, x1, y1],
    conf,
  });
  const words: Word[] = [
    w('Service', 40.1, 348.7, 66.4, 355.6),
    w('location', 68.6, 347.5, 97.1, 354.6),
    w('15', 45, 373.5, 56.7, 381.8),
    w('STONE', 134.9, 369.6, 174.5, 378.9),
    w('CREEK', 179.1, 368.2, 217.7, 377.6),
    w('BLVD', 222.2, 367.1, 252.6, 380.5),
    w('Number', 41.7, 389.3, 58.3, 393.7),
    w('Road', 132.6, 386.3, 143.7, 390.7),
    w('/', 144.5, 385.2, 146.9, 392.7),
    w('avenue', 148.2, 386.8, 163.6, 390.2),
    w(unit[0], 45.2, 409.3, 78.6, 418.3),
    w(unit[1], 83.1, 408.8, 95.1, 417.1),
    w(caption[0], 42.6, 426.4, 49.2, 430.2),
    w('/', 51.1, 427.7, 51.9, 429.7, 0.8),
    w(caption[1], 53.9, 425.9, 57.9, 429.8),
    w('MOUNT', 45.7, 445.8, 85.2, 459.4),
    w('PLEASANT', 92.2, 443.6, 151.4, 457.8),
    w('SC', 319.2, 437.8, 334.1, 446),
    w('Town', 43.6, 462.7, 56, 466.7),
    w('State', 316.8, 453.6, 327.5, 457.6),
    w('code', 329, 453, 339, 457.2),
    w('29465', 358.7, 435.7, 391.6, 444.9),
    w('ZIP', 355.7, 452.2, 364.2, 456.5),
    w('code', 365, 451.8, 375.2, 456),
  ];
  return [{ page: 1, width: 612, height: 792, method: 'ocr', words }];
}

describe("a unit caption under its box, its slash lost on a scan ('Ste | Fl' under 'SUITE 31')", () => {
  for (const [unit, caption] of [
    [
      ['SUITE', '31'],
      ['Ste', 'Fl'],
    ],
    [
      ['APT', '4B'],
      ['Apt', 'Ste'],
    ],
    [
      ['FL', '12'],
      ['Ste', 'Fl'],
    ],
    [
      ['UNIT', '7'],
      ['Unit', 'Rm'],
    ],
  ] as [[string, string], [string, string]][])
    it(`"${caption.join(' | ')}" is no unit; the unit is "${unit.join(' ')}"`, () => {
      const got = extractFields(combLocation(unit, caption), 'loa').fields.service_address?.value;
      expect(got?.unit).toBe(unit.join(' '));
      expect(got?.street_line).toBe('15 STONE CREEK BLVD');
    });
});
