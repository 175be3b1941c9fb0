import { describe, expect, it } from 'vitest';
import type { ExtractedFields } from '../../shared/domain/document.js';
import { testOnlyWordingsPrinted } from '../helpers/generated.js';
import { readRows, type TextRow } from '../helpers/text-rows.js';
import type { TextStyle } from '../fixtures/generator/layout.js';

/*
 * Rules met on first sight of two stand-ins (standin-t.ts): a small carrier's bill written as a LETTER
 * (letterhead phone, facts and the service address in sentences, a clerk's sign-off) and an LOA whose
 * form is two side-by-side columns of "label . . . . value" rows with the numbers in a sentence. Each
 * rule is checked on pages written here in several wordings, rendered to real text PDFs and read back.
 */

const VAL: TextStyle = { font: 'sans', size: 9.5 };
const SMALL: TextStyle = { font: 'sans', size: 7.5 };
const BOLD: TextStyle = { font: 'sans-bold', size: 16 };

type Row = TextRow;

const read = (rows: Row[], kind: 'loa' | 'invoice'): Promise<ExtractedFields> => readRows(rows, kind, { style: VAL });

const e164s = (f: ExtractedFields) => f.phone_numbers?.value ?? [];

it('the new stand-ins print no test-only label wording', () => {
  for (const family of ['inv-letterbill', 'loa-twocol'])
    for (const seed of [1, 2, 3, 8, 10, 21, 34]) expect(testOnlyWordingsPrinted(family, seed)).toBe(0);
});

// ───────────────────────────── a bill written as a letter ─────────────────────────────

interface Letter {
  phoneWord: string;
  salutation: string;
  /** the opening paragraph's lines, and an indented block under it (or none) */
  opening: string[];
  block?: string[];
  closing: string;
  direct: string;
}

function letterBill(l: Letter): Row[] {
  const rows: Row[] = [
    [72, 54, 'Prairie Telephone Cooperative', BOLD],
    [72, 70, '13357 East Washington Pkwy | Fargo, ND 58106-0720', SMALL],
    [72, 80, `${l.phoneWord} (701) 555-0180   prairietel.example`, SMALL],
    [430, 120, 'November 5, 2026'],
    [72, 150, 'Riverside Animal Clinic P.C.'],
    [72, 162, 'PO Box 4471'],
    [72, 174, 'Green Bay, WI 54305'],
    [72, 204, l.salutation],
  ];
  let y = 228;
  for (const t of l.opening) {
    rows.push([72, y, t]);
    y += 13;
  }
  for (const t of l.block ?? []) {
    rows.push([108, y, t]);
    y += 12;
  }
  y += 12;
  rows.push(
    [72, y, 'Current charges total $1,593.94, due by November 29, 2026. Your last payment, $158.35, was posted'],
    [72, y + 13, 'on October 24, 2026.'],
    [72, y + 39, 'The following lines are billed on this account:'],
    [96, y + 55, '(920) 236-5346'],
    [240, y + 55, 'Business line'],
    [96, y + 69, '(920) 621-6776'],
    [240, y + 69, 'Fax line'],
    [72, y + 95, 'If you have questions about this statement, please read the enclosed notice. We appreciate your'],
    [72, y + 108, 'business.'],
    [72, y + 134, l.closing],
    [72, y + 176, 'Tyrone L. Tanaka'],
    [72, y + 188, 'Business Office, Prairie Telephone Cooperative'],
    [72, y + 200, `${l.direct} (920) 803-3122`],
  );
  return rows;
}

const SENTENCE: Pick<Letter, 'opening' | 'block'>[] = [
  // the account number before "for service at": not the house number
  {
    opening: [
      'This letter is your statement for telephone service on account 666376384 for service at 37 Forest Drive,',
      'Green Bay, WI 54344, for the period October 6, 2026 through November 4, 2026.',
    ],
  },
  // where the lines are, with no service word
  {
    opening: [
      'We write to let you know the charges on your account, no. 892609350, for the lines at 37 Forest Drive,',
      'Green Bay, WI 54344 during October 2026.',
    ],
  },
  // a sentence ending in a colon over an indented block
  {
    opening: [
      'Enclosed is your monthly statement for account number 666376384 (October 6 - November 4, 2026).',
      'Service is provided at:',
    ],
    block: ['37 Forest Drive', 'Green Bay, WI 54344'],
  },
  // the same, the clause wrapped to a line of its own
  {
    opening: [
      'This letter is your statement for account 666376384 for the period October 6, 2026 through November 4, 2026, for service',
      'at:',
    ],
    block: ['37 Forest Drive', 'Green Bay, WI 54344'],
  },
  {
    opening: [
      'Your account 666376384 was billed for the period October 6, 2026 - November 4, 2026 for the telephone service',
      'at the following location:',
    ],
    block: ['Riverside Animal Clinic P.C.', '37 Forest Drive', 'Green Bay, WI 54344'],
  },
];

const VOICES: Omit<Letter, 'opening' | 'block'>[] = [
  { phoneWord: 'Tel', salutation: 'Dear Customer:', closing: 'Sincerely,', direct: 'Direct line' },
  { phoneWord: 'Phone', salutation: 'Hello Riverside Animal Clinic P.C.,', closing: 'Best regards,', direct: 'Ph.' },
  { phoneWord: 'Office', salutation: 'Dear Valued Customer,', closing: 'Thank you,', direct: 'Direct:' },
];

describe('a bill written as a letter', () => {
  it.each(SENTENCE.map((s, i) => [i, { ...s, ...VOICES[i % VOICES.length]! }] as const))(
    'wording %i: the service address in its sentence, the lines only, the recipient as the account',
    async (_, letter) => {
      const f = await read(letterBill(letter), 'invoice');
      expect(f.service_address?.value).toMatchObject({
        street_line: '37 Forest Drive',
        city: 'Green Bay',
        zip5: '54344',
      });
      // the letterhead's office number and the clerk's direct line are the carrier's
      expect(e164s(f)).toEqual(['+19202365346', '+19206216776']);
      expect(f.account_name?.value).toBe('Riverside Animal Clinic P.C.');
      expect(f.account_number?.value).toMatch(/^(?:666376384|892609350)$/);
      expect(f.billing_address?.value).toMatchObject({ street_line: 'PO Box 4471' });
    },
  );

  it('a sentence ending in a colon over a block names the remit address, not the service one', async () => {
    const rows = letterBill({ ...SENTENCE[0]!, ...VOICES[0]! });
    rows.push(
      [72, 700, 'Please send your payment to:'],
      [108, 714, 'PO Box 90900'],
      [108, 726, 'Winston Salem, NC 27106'],
    );
    const f = await read(rows, 'invoice');
    expect(f.service_address?.value).toMatchObject({ street_line: '37 Forest Drive' });
  });
});

// ───────────────────────────── an LOA of two columns with dotted leaders ─────────────────────────────

interface TwoCol {
  desk: string;
  leader: string;
  reach: string;
  /** the name's value set flush right at the column's edge, wrapped over two lines */
  flush: boolean;
}

function twoColLoa(t: TwoCol): Row[] {
  const dots = (n: number) => Array.from({ length: n }, () => t.leader).join(' ');
  const rows: Row[] = [
    [40, 50, 'Clearline Voice', BOLD],
    [572, 44, t.desk, SMALL, true],
    [572, 54, 'Fax 855 555 0170', SMALL, true],
    [220, 86, 'Letter of Authorization', { font: 'sans-bold', size: 12 }],
    [40, 118, 'Customer Information', { font: 'sans-bold', size: 10 }],
    [316, 118, 'Port Details', { font: 'sans-bold', size: 10 }],
    [40, 140, `Business Name ${dots(4)}`],
    [40, 170, `Authorized By ${dots(4)}`],
    [180, 170, 'Joseph J. Johansson'],
    [40, 184, `Service Address ${dots(3)}`],
    [180, 184, '26226 SW Union Hwy.'],
    [180, 197, 'Round Rock, TX 78664'],
    [40, 216, `Best Number to Reach ${dots(2)}`.replace('Best Number to Reach', t.reach)],
    [180, 216, '512 555 0194'],
    [316, 140, `Current Carrier ${dots(5)}`],
    [460, 140, 'Cox Business'],
    [316, 154, `Account # (current carrier) ${dots(2)}`],
    [460, 154, '4708 35 328 9765465'],
    [316, 168, `Port Type ${dots(8)}`],
    [460, 168, 'Full'],
    [
      40,
      246,
      'Clearline Voice is authorized to move the telephone numbers listed here, currently served by Cox Business:',
    ],
    [40, 259, '512 562 3121, 512 624 4673 and 512 770 8896'],
    [
      40,
      290,
      'I certify that I am authorized to act for the account above and that the information on this form is true.',
      SMALL,
    ],
    [40, 330, 'Signature: Joseph J. Johansson'],
    [316, 330, 'Date: 04/05/2024'],
  ];
  if (t.flush) rows.push([296, 140, 'Silver Creek Storage', VAL, true], [296, 153, 'Centers P.C.', VAL, true]);
  else rows.push([180, 140, 'Silver Creek Storage'], [180, 153, 'Centers P.C.']);
  return rows;
}

describe('an LOA of two columns of label . . . . value rows', () => {
  const cases: TwoCol[] = [
    { desk: 'Port Center 855 555 0113', leader: '.', reach: 'Best Number to Reach', flush: true },
    { desk: 'Porting Dept. 1-888-555-0127', leader: '.', reach: 'Callback No.', flush: false },
    { desk: 'LNP Desk 800.329.8220', leader: '_', reach: 'Best Number to Reach', flush: true },
  ];
  it.each(cases.map((c, i) => [i, c] as const))('wording %i', async (_, c) => {
    const f = await read(twoColLoa(c), 'loa');
    // the issuer's desk beside its name and the callback number are no numbers to port
    expect(e164s(f)).toEqual(['+15125623121', '+15126244673', '+15127708896']);
    // a leader of spaced dots after a label with a hint in parentheses
    expect(f.account_number?.value).toBe('4708 35 328 9765465');
    // a name wrapped in its column, flush right or flush left
    expect(f.account_name?.value).toBe('Silver Creek Storage Centers P.C.');
  });

  it('a toll-free number to port in the list stays a number to port', async () => {
    const rows = twoColLoa(cases[0]!).map(
      (r): Row => (r[2].startsWith('512 562 3121') ? [r[0], r[1], '512 562 3121, 512 624 4673 and 888 555 0141'] : r),
    );
    const f = await read(rows, 'loa');
    expect(e164s(f)).toEqual(['+15125623121', '+15126244673', '+18885550141']);
  });
});
