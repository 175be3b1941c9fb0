import { describe, expect, it } from 'vitest';
import type { TextStyle } from '../fixtures/generator/layout.js';
import { readRows, type TextRow } from '../helpers/text-rows.js';

/*
 * An LOA printed as a two-column form of dotted or ruled rows: the customer's callback number under a caption of
 * its own is how to reach them, never a line to port — whether the row above is another caption with its value
 * beside it ("Email Address | grace@…", no table's headings), or the caption wraps onto a second line beside
 * its right-aligned number ("Best Number to" over "Reach"). And the letterhead's desk line set small beside
 * the issuer's name is the issuer's, even where the form's title is the largest type on the page. Every page
 * is written here, rendered to a real text PDF and read back.
 */

const SANS: TextStyle = { font: 'sans', size: 9 };
const NAME: TextStyle = { font: 'sans-bold', size: 13 };
const DESK: TextStyle = { font: 'sans', size: 8 };
const BODY: TextStyle = { font: 'sans', size: 11.5 };
const TITLE: TextStyle = { font: 'sans-bold', size: 15 };

const LIST = ['+17035550113', '+17035550104', '+17032273975'];

/** A two-column LOA: the customer's rows left, the current carrier's right, then the sentence listing the numbers. */
const form = (letterhead: TextRow[], callback: TextRow[], body: TextStyle = SANS): TextRow[] => [
  ...letterhead,
  [200, 80, 'Customer Letter of Agency', TITLE],
  [40, 120, 'Account Holder', body],
  [315, 120, 'Current Service', body],
  [40, 138, 'Cust. Name', body],
  [145, 138, 'Cedar Ridge Law Offices LLC', body],
  [315, 138, 'Carrier Serving You Now', body],
  [430, 138, 'Lumen Technologies', body],
  [40, 156, 'Authorized Contact', body],
  [145, 156, 'Grace Kim', body],
  [315, 156, 'Account Num.', body],
  [430, 156, 'BAN6349613', body],
  [40, 174, 'Service Site', body],
  [145, 174, '2 West Mill Highway', body],
  [145, 186, 'Falls Church, VA 22041', body],
  [315, 174, 'PIN #', body],
  [430, 174, '1409', body],
  [40, 204, 'Email Address', body],
  [145, 204, 'grace@cedarridge.com', body],
  [315, 204, 'Full or Partial', body],
  [430, 204, 'Full', body],
  ...callback,
  [
    40,
    260,
    'Clearline Communications, Inc. is authorized to move the telephone numbers listed here: 703-555-0113,',
    body,
  ],
  [40, 272, '703-555-0104 and 703-227-3975', body],
  [40, 330, 'Authorized Signature: Grace Kim', body],
];

const plainLetterhead: TextRow[] = [[40, 40, 'Clearline Communications, Inc.', NAME]];

describe("an LOA's callback number under its own caption is no line to port", () => {
  for (const caption of ['Best Number to Reach', 'Best No. to Reach', 'Phone to Reach You'])
    it(`"${caption}" under a row of a caption and its value`, async () => {
      const f = await readRows(
        form(plainLetterhead, [
          [40, 222, caption, SANS],
          [145, 222, '703-555-0175', SANS],
        ]),
        'loa',
        {
          style: SANS,
        },
      );
      expect(f.phone_numbers?.value).toEqual(LIST);
    });

  for (const [first, second] of <[string, string][]>[
    ['Best Number to', 'Reach'],
    ['Best Phone to', 'Reach You'],
    ['Number for Us to', 'Reach You'],
  ])
    it(`"${first}" over "${second}", the number set right beside the first line`, async () => {
      const rows: TextRow[] = [
        [40, 222, first, SANS],
        [294, 222, '1-703-555-0146', SANS, true],
        [40, 234, second, SANS],
      ];
      const f = await readRows(form(plainLetterhead, rows), 'loa', { style: SANS });
      expect(f.phone_numbers?.value).toEqual(LIST);
    });
});

describe("the desk line beside the letterhead's name is the issuer's, under a larger title", () => {
  for (const desk of ['LNP Desk 8558444823', 'Port Center +1 855 555 0158', 'Port-In Team 844.555.0199'])
    it(`"${desk}"`, async () => {
      const letterhead: TextRow[] = [
        [40, 40, 'Telnyx', NAME],
        [572, 38, desk, DESK, true],
        [572, 48, 'Fax 855 508 2560', DESK, true],
      ];
      // (the form's rows in type nearly as large as the name: only the desk line beside it is small)
      const f = await readRows(form(letterhead, [], BODY), 'loa', { style: BODY });
      expect(f.phone_numbers?.value).toEqual(LIST);
    });
});
