/**
 * The PIN and the account number under captions of a SHAPE the vocabulary's words alone do not settle —
 * the words are known, the way they are written or laid out was not read:
 * - a number sign a joining word carries on ("Account # with your present carrier"): the caption stopped at
 *   '#', its complement taken for the value;
 * - a caption written head first, its qualifier after a comma, as an index writes it ("PIN, Account",
 *   "Passcode, Customer", "Password, Account"): read as the account number or the account name;
 * - a numbered form's next item under a value ("3. Account No. … 784180817" over "4. Billing Phone …"):
 *   its item number went on the account number as a wrapped sentence's end ("784180817 4");
 * - a record line's later tag and value pairs ("ACCT 843… | MTN 843… | PSWD 349875"): the PIN unread.
 * Guards: a list of parts after a comma is no inversion ("City, State"); a postcode's caption OCR split
 * ("P ost Code") never captions a PIN.
 *
 * Every wording, name and number below is ours; each page is synthetic.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { extractFields } from '../../electron/core/extract/index.js';
import { DEFAULT_PREPROCESS, OcrEngine } from '../../electron/core/ocr/engine.js';
import type { DocumentKind, PageText } from '../../shared/domain/document.js';
import { labelStems } from '../../shared/domain/fields.js';
import { normalizeAccountNumber } from '../../shared/normalize/account.js';
import { renderScanPage } from '../fixtures/generator/image.js';
import { PageBuilder, textWidth } from '../fixtures/generator/layout.js';
import { ocrWords, pageOfLines } from '../helpers/pages.js';

const ACCOUNT = '8544 45 165 2713041';
const PIN = '7731';

/** A gaining provider's port questionnaire: numbered items, each caption run along dots to its answer at x 300. */
function questionnaire(items: [string, string][], upper = false): PageText[] {
  const lines: [number, number, string][] = [
    [40, 40, 'Clearline Communications, Inc.'],
    [40, 54, '3713 W Highland Dr, Burlington, VT 05444'],
    [40, 80, upper ? 'PORT-IN QUESTIONNAIRE' : 'Port-In Questionnaire'],
  ];
  items.forEach(([caption, answer], i) => {
    const y = 110 + i * 20;
    const cap = upper ? caption.toUpperCase() : caption;
    // (a leader of three dots at least, as such forms print it)
    const dotsFrom = 66 + 6 * (cap.length + 1);
    const dots = Math.max(3, Math.floor((290 - dotsFrom) / 6));
    lines.push([46, y, `${i + 1}.`], [66, y, cap], [dotsFrom, y, '.'.repeat(dots)]);
    lines.push([Math.max(300, dotsFrom + 6 * dots + 6), y, answer]);
  });
  return pageOfLines(lines);
}

const filled = (account: string, pin: string): [string, string][] => [
  ['Business name (as it appears on your bill)', 'Harvest Moon Brewing Company, LLC'],
  ['Current carrier', 'Granite Telecommunications'],
  [account, ACCOUNT],
  ['Billing phone number', '(605) 934-4746'],
  [pin, PIN],
  ['Service address', '9637 Hill Ter, Sioux Falls, SD 57118'],
];

const read = (pages: PageText[], kind: DocumentKind = 'loa') => extractFields(pages, kind).fields;
const account = (pages: PageText[], kind: DocumentKind = 'loa') => {
  const v = read(pages, kind).account_number?.value;
  return v === undefined ? undefined : normalizeAccountNumber(v);
};

describe('a hint in parentheses after a caption', () => {
  it('guard: a value in parentheses after a caption is still the value ("Main # (605) 934-4746")', () => {
    const f = read(pageOfLines([[40, 100, 'Main # (605) 934-4746']]));
    expect(f.btn?.value).toBe('+16059344746');
  });
});

describe('a caption written head first, its qualifier after a comma', () => {
  for (const caption of ['PIN, Account', 'Password, Account', 'Passcode, Customer', 'PIN #, Account', 'Code, Security'])
    it(`"${caption}" is the PIN's caption, not the account's`, () => {
      const f = read(questionnaire(filled('Account number', caption)));
      expect(f.pin?.value).toBe(PIN);
      expect(normalizeAccountNumber(f.account_number?.value ?? '')).toBe(normalizeAccountNumber(ACCOUNT));
    });

  for (const caption of ['Number, Account', 'No., Account', 'ID, Customer', 'Number, Billing Account'])
    it(`"${caption}" is the account number's caption`, () => {
      expect(account(questionnaire(filled(caption, 'PIN')))).toBe(normalizeAccountNumber(ACCOUNT));
    });

  it('reads qualifier then head; a list of parts after a comma is left as written', () => {
    expect(labelStems('PIN, Account')).toEqual(['account', 'pin']);
    expect(labelStems('Passcode, Customer:')).toEqual(['customer', 'passcode']);
    expect(labelStems('City, State')).toEqual(['city', 'state']);
    expect(labelStems('City, State ZIP')).toEqual(['city', 'state', 'zip']);
    expect(labelStems('PIN, Code')).toEqual(['pin', 'code']);
    expect(labelStems('Smith, John')).toEqual(['smith', 'john']);
  });
});

describe('a number sign a joining word carries on is no colon', () => {
  for (const caption of [
    'Account # with your present carrier',
    'Acct. Nr. with your present carrier',
    'Account # at the company that bills you',
    'Acct # on your bill',
  ])
    it(`"${caption}" is one caption: the account number beside it`, () => {
      expect(account(questionnaire(filled(caption, 'PIN')))).toBe(normalizeAccountNumber(ACCOUNT));
    });

  it('"PIN # on the account" gives the PIN', () => {
    expect(read(questionnaire(filled('Account number', 'PIN # on the account'))).pin?.value).toBe(PIN);
  });
});

describe("a numbered form's next item is not the value's wrapped end", () => {
  for (const caption of ['ACCOUNT NUM. (FROM YOUR CURRENT BILL)', 'Account No.', 'Acct. Nr. (from your bill)'])
    it(`"${caption}" over the next numbered item gives the account number alone`, () => {
      const pages = questionnaire(
        [
          ['Business name', 'High Desert Title & Escrow Co.'],
          [caption, '784180817'],
          ['Billing phone no. (from your current bill)', '5055550179'],
          ['Secret code', '7869'],
        ],
        caption === caption.toUpperCase(),
      );
      expect(read(pages).account_number?.value).toBe('784180817');
    });
});

type Placed = [number, number, string, number, number];
/** The words of one OCR'd line, each after the last at a word space (5.5 pt a character, 8 pt high). */
function ocrRun(x: number, y: number, text: string): Placed[] {
  const out: Placed[] = [];
  for (const t of text.split(' ')) {
    out.push([x, y, t, t.length * 5.5, 8]);
    x += t.length * 5.5 + 4;
  }
  return out;
}
describe("a record line's later tag and value pairs", () => {
  const record = (row: string) =>
    pageOfLines([
      [40, 30, 'PRAIRIE TELEPHONE COMPANY'],
      [300, 30, 'CSR DETAIL'],
      [40, 70, 'ADMIN SECTION'],
      [40, 87, row],
      [40, 97, 'CUS BERG & NOVAK, L.L.C.'],
      [40, 107, 'STATUS ACT'],
    ]);
  for (const [row, pin] of [
    ['ACCT 843-770-4431-177    PSWD 349875', '349875'],
    ['ACCT 843-770-4431-177    MTN 843-770-4431    PASSCD 7120', '7120'],
    ['BAN 843-770-4431-177    PSWD 3498', '3498'],
  ] as const)
    it(`"${row}": the PIN under its tag in the line's later cell`, () => {
      const f = read(record(row), 'csr');
      expect(f.pin?.value).toBe(pin);
      expect(f.account_number?.value).toBe('843-770-4431-177');
    });

  it('guard: a line inventory\'s cells ("1FB | TN | 520 555-0199 | BUS LINE") give no PIN', () => {
    const f = read(
      pageOfLines([
        [40, 30, 'CSR DETAIL'],
        [40, 60, 'ACCT 843-770-4431-177'],
        [40, 90, '1FB'],
        [90, 90, 'TN 520 555-0199'],
        [220, 90, 'QTY 1'],
      ]),
      'csr',
    );
    expect(f.pin).toBeUndefined();
  });
});

describe('a postcode caption OCR split is no PIN caption', () => {
  for (const caption of ['P ost Code:', 'P ost Code', 'P0st Code:'])
    for (const kind of ['csr', 'loa'] as const)
      it(`"${caption} 84746" (${kind}) gives no PIN`, () => {
        const pages = pageOfLines(
          [
            [50, 60, 'CUSTOMER SERVICE RECORD'],
            [50, 90, 'Service Address: 12 Main St'],
            [50, 104, `City: Leeds   ${caption} 84746`],
            [50, 118, 'Account Number: 5512 0934 11'],
          ],
          'ocr',
        );
        expect(read(pages, kind).pin).toBeUndefined();
      });
});

describe('an OCR-read questionnaire (image)', () => {
  const engine = new OcrEngine(DEFAULT_PREPROCESS);
  afterAll(() => engine.close());

  it('reads the account number under a caption a joining word carries on past its "#" and the PIN under a head-first caption', async () => {
    const p = new PageBuilder();
    const st = { font: 'sans' as const, size: 10 };
    p.text(40, 60, 'Clearline Communications, Inc.', { font: 'sans-bold', size: 14 });
    p.text(40, 90, 'PORT-IN QUESTIONNAIRE', { font: 'sans-bold', size: 11 });
    const rows: [string, string][] = [
      ['Business name', 'Harvest Moon Brewing Company, LLC'],
      ['Account # with your present carrier', ACCOUNT],
      ['PIN, Account', PIN],
      ['Service address', '9637 Hill Ter, Sioux Falls, SD 57118'],
    ];
    rows.forEach(([caption, value], i) => {
      const y = 130 + i * 24;
      p.text(46, y, `${i + 1}.`, st);
      p.text(66, y, caption, st);
      const from = 66 + textWidth(`${caption} `, st.font, st.size);
      p.text(from, y, '.'.repeat(Math.floor((290 - from) / textWidth('.', st.font, st.size))), st);
      p.text(300, y, value, st);
    });
    const img = renderScanPage(p.build(), 7, { rotation: 0.3, blur: 0.5, noise: 8, jpegQuality: 80 });
    const r = await engine.run({ kind: 'image', bytes: img, mime: 'image/jpeg', frame: 0 });
    const f = read([{ page: 1, width: r.width, height: r.height, method: 'ocr', words: r.words }]);
    expect(normalizeAccountNumber(f.account_number?.value ?? '')).toBe(normalizeAccountNumber(ACCOUNT));
    expect(f.pin?.value).toBe(PIN);
  }, 120_000);
});
