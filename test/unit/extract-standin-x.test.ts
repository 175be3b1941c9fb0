import { describe, expect, it } from 'vitest';
import { readDocument } from '../../electron/core/documents/read.js';
import { extractFields } from '../../electron/core/extract/index.js';
import type { ExtractedFields } from '../../shared/domain/document.js';
import { testOnlyWordingsPrinted } from '../helpers/generated.js';
import { readRows, type TextRow } from '../helpers/text-rows.js';
import { generateRandom } from '../fixtures/generator/random.js';
import type { TextStyle } from '../fixtures/generator/layout.js';
import { renderTextPdf } from '../fixtures/generator/pdf.js';

/*
 * Rules met on first sight of two stand-ins (standin-x.ts): a past-due / disconnection NOTICE used as the
 * bill (the facts in sentences, a reference box with the unpaid bill's date, a desk's sentence under the
 * sentence listing the lines) and an LOA given as a printed E-MAIL reply (the facts in sentences or a
 * pasted block, the writer's signature with a direct number, numbers to keep in a sentence). Each rule is
 * checked on pages written here in several wordings, rendered to real text PDFs and read back.
 */

const VAL: TextStyle = { font: 'sans', size: 9.5 };
const BOLD: TextStyle = { font: 'sans-bold', size: 16 };

type Row = TextRow;

const read = (rows: Row[], kind: 'loa' | 'invoice'): Promise<ExtractedFields> => readRows(rows, kind, { style: VAL });

const e164s = (f: ExtractedFields) => f.phone_numbers?.value ?? [];

it('the new stand-ins print no test-only label wording', () => {
  for (const family of ['inv-notice', 'loa-emailauth'])
    for (const seed of [1, 2, 3, 8, 10, 21, 34]) expect(testOnlyWordingsPrinted(family, seed)).toBe(0);
});

// ───────────────────────────── a past-due notice ─────────────────────────────

interface Notice {
  /** the reference box's rows, flush right values */
  refs: [string, string][];
  /** the letter's paragraphs, one line each */
  paras: string[];
}

function notice(n: Notice): Row[] {
  const rows: Row[] = [
    [72, 54, 'Granite Telecommunications', BOLD],
    [540, 70, '2798 Cypress Road, Rapid City, SD 57703', VAL, true],
    [540, 82, 'Customer Care 866-847-1500', VAL, true],
    [220, 112, 'FINAL NOTICE', BOLD],
    [72, 140, 'June 23, 2026'],
    [72, 168, 'Rossi & Morales, PC'],
    [72, 180, '23 Pearl Hwy.'],
    [72, 192, 'Las Vegas, NV 89131'],
  ];
  n.refs.forEach(([l, v], i) => {
    rows.push([340, 168 + i * 13, `${l}:`], [540, 168 + i * 13, v, VAL, true]);
  });
  rows.push([72, 250, 'Dear Valued Customer,']);
  n.paras.forEach((t, i) => rows.push([72, 276 + i * 19, t]));
  return rows;
}

describe('a past-due notice used as the bill', () => {
  const refs: [string, string][] = [
    ['Account number', '8429 1186 0042'],
    ['Amount past due', '$1,176.01'],
    ['Disconnect date', 'July 7, 2026'],
  ];
  const desk = 'Questions about this notice? Call 1-800-555-0110.';

  it.each([
    ['a list of several', 'Disconnection will affect (702) 555-0138, (702) 351-3249 and (702) 351-4470.'],
    ['one number closing its sentence', 'Disconnection will affect (702) 555-0138.'],
    [
      'a number inside its sentence',
      'The lines on this account, (702) 555-0138, will lose outbound and inbound calling.',
    ],
  ])('keeps the lines of a sentence right above a desk sentence (%s)', async (_, lines) => {
    const f = await read(notice({ refs, paras: [lines, desk] }), 'invoice');
    expect(e164s(f)).toContain('+17025550138');
    expect(e164s(f)).not.toContain('+18005550110');
  });

  it.each(['Unpaid bill dated', 'Original bill date', 'Previous statement date', 'Prior invoice date'])(
    'takes the notice date, not "%s"',
    async (caption) => {
      const f = await read(
        notice({
          refs: [...refs, [caption, 'May 26, 2026']],
          paras: ['Service at 23 Pearl Hwy., Las Vegas, NV 89131 is scheduled to be interrupted on July 7, 2026.'],
        }),
        'invoice',
      );
      expect(f.document_date?.value).toBe('2026-06-23');
    },
  );

  it.each([
    'Telephone numbers on this account: (702) 555-0138 and (702) 351-3249.',
    'Numbers on this account: (702) 555-0138 and (702) 351-3249.',
    'Lines on this account: (702) 555-0138 and (702) 351-3249.',
  ])('reads "%s" as the lines, never an account number', async (sentence) => {
    const f = await read(
      notice({ refs: [['Your account', '324211707'], ...refs.slice(1)], paras: [sentence] }),
      'invoice',
    );
    expect(f.account_number?.value).toBe('324211707');
    expect(e164s(f)).toEqual(['+17025550138', '+17023513249']);
  });
  // (dev tune seeds of the stand-in whose account number was read from "… numbers on this account: 616-749-5582, …")
  it.each([34714, 34740, 34772, 34786])(
    'inv-notice seed %i: the account number and the lines as the truth has them',
    async (seed) => {
      const f = generateRandom(seed, { family: 'inv-notice' });
      const read = await readDocument(await renderTextPdf(f.model), { name: `${f.id}.pdf` });
      const got = extractFields(read.pages, 'invoice').fields;
      expect(got.account_number?.value).toBe(f.truth.account_number);
      expect(got.phone_numbers?.value).toEqual(f.truth.phone_numbers);
    },
  );
});

// ───────────────────────────── an authorization by e-mail ─────────────────────────────

function mail(body: string[], signature: string[], closing = 'Thank you,'): Row[] {
  const rows: Row[] = [
    [60, 50, 'From: William Dubois <william.dubois@rossimoralespc.com>'],
    [60, 63, 'Sent: Wed, 1 Jul 2026 10:46 PM'],
    [60, 76, 'To: David L. Smith <david_smith@telnyx.com>'],
    [60, 89, 'Subject: RE: Porting Ticket #462120: authorization'],
    [60, 118, 'Hi David,'],
  ];
  let y = 140;
  for (const t of body) {
    rows.push([60, y, t]);
    y += 14;
  }
  y += 10;
  rows.push([60, y, closing]);
  y += 22;
  for (const t of signature) {
    rows.push([60, y, t]);
    y += 13;
  }
  return rows;
}

const AUTH =
  'I, William Dubois, Owner of Rossi & Morales, PC, authorize Telnyx to port the numbers below from Granite Telecom.';

describe('an authorization given by e-mail', () => {
  it.each([
    ['Thank you,', 'Office: 702.959.9731'],
    ['Thanks!', 'Cell: (702) 959-9731'],
    ['Best regards,', 'P: 702-959-9731'],
    ['Regards,', 'Direct: +1 702 959 9731'],
  ])("leaves the writer's own number under the closing (%s %s)", async (closing, phone) => {
    const f = await read(
      mail(
        [AUTH, 'Our account number is 924-087-6383-93.', 'Please port 702-555-0138 and 702-351-3249.'],
        ['William Dubois', 'Owner', 'Rossi & Morales, PC', phone],
        closing,
      ),
      'loa',
    );
    expect(e164s(f)).toEqual(['+17025550138', '+17023513249']);
  });

  it.each([
    [
      'Please port 702.555.0138 and 702.351.3249.',
      'Keep 702.555.0143 and 702.547.1121 with Granite Telecom (alarm line).',
    ],
    ['Please port 702.555.0138 and 702.351.3249.', '702.555.0143 and 702.547.1121 should stay with Granite Telecom.'],
    [
      'Please port 702.555.0138 and 702.351.3249. 702.555.0143 and 702.547.1121 should stay with Granite Telecom.',
      'We will cancel the rest later.',
    ],
  ])('keeps the numbers a sentence keeps (%s / %s)', async (port, keep) => {
    const f = await read(mail([AUTH, 'Our account number is 924-087-6383-93.', port, keep], ['William Dubois']), 'loa');
    expect(e164s(f)).toEqual(['+17025550138', '+17023513249']);
    expect(f.numbers_not_to_port?.value).toEqual(['+17025550143', '+17025471121']);
  });

  it.each(['7. Numbers NOT moving', '4) Lines that stay with the current carrier', '12. Numbers to keep'])(
    'still reads a numbered question\'s caption of the numbers kept ("%s"): it opens with a figure, it is no sentence',
    async (caption) => {
      const f = await read(
        [
          [40, 60, 'PORT QUESTIONNAIRE', BOLD],
          [40, 90, '1. Business name'],
          [60, 104, 'Rossi & Morales, PC'],
          [40, 128, '2. Numbers to port'],
          [60, 142, '7025550138'],
          [60, 156, '7023513249'],
          [40, 180, caption],
          [60, 194, '7025550143'],
        ],
        'loa',
      );
      expect(e164s(f)).toEqual(['+17025550138', '+17023513249']);
      expect(f.numbers_not_to_port?.value).toEqual(['+17025550143']);
    },
  );

  it.each([
    'Account # 413713147 (passcode 404004). The phones are at our office at 11069 Pearl Avenue, Bowling Green, KY 42103.',
    'Our account is 413713147, PIN 4040. Our lines are at 11069 Pearl Avenue, Bowling Green, KY 42103.',
  ])('reads the address a sentence places the phones at, past an account number before it', async (sentence) => {
    const f = await read(mail([AUTH, sentence, 'Please port 270-555-0146.'], ['William Dubois']), 'loa');
    expect(f.service_address?.value).toMatchObject({ street_line: '11069 Pearl Avenue', city: 'Bowling Green' });
  });

  it.each([
    [
      'The account number with Granite Telecom is 503-555-0182-591. Service address on',
      'the account: 11498 Cypress Pl, Portland, OR 97203.',
    ],
    [
      'Our account number with Granite Telecom is 503-555-0182-591. The service address on the',
      'account: 11498 Cypress Pl, Portland, OR 97203.',
    ],
  ])('reads no account caption in a sentence wrapped before "account:" (%s / %s)', async (first, second) => {
    const f = await read(mail([AUTH, first, second, 'Please port 503-555-0182.'], ['William Dubois']), 'loa');
    expect(f.account_number?.value).toBe('503-555-0182-591');
    expect(f.service_address?.value).toMatchObject({ street_line: '11498 Cypress Pl', zip5: '97203' });
  });

  it.each([
    [
      'Port request #903127 - Whitaker & Patel, PLLC',
      'I, William Dubois, Owner of Whitaker & Patel, PLLC, authorize Telnyx to port the numbers below.',
    ],
    [
      'Ticket 166640: Granite Peak Construction Inc',
      'This e-mail authorizes Telnyx to port the following numbers from Optimum Business for Granite Peak Construction Inc.',
    ],
  ])('names the holder from its sentence, not from the subject "%s"', async (subject, sentence) => {
    const rows = mail(
      [sentence, 'Our account number is 924-087-6383-93.', 'Please port 702-555-0138.'],
      ['William Dubois'],
    );
    rows[3] = [60, 89, `Subject: RE: ${subject}`];
    const f = await read(rows, 'loa');
    expect(f.account_name?.value).toBe(subject.replace(/^.*?[-:] /, ''));
  });

  it.each([
    ['Optimum Business', 'Granite Peak Construction Inc'],
    ['Spectrum Business', 'Evergreen Roofing LLC'],
  ])('reads the carrier before "for <business>" (%s)', async (carrier, business) => {
    const f = await read(
      mail(
        [
          `This e-mail authorizes Telnyx to port the following numbers from ${carrier} for ${business}.`,
          'Our account number is 924-087-6383-93.',
          'Please port 702-555-0138.',
        ],
        ['William Dubois'],
      ),
      'loa',
    );
    expect(f.carrier_name?.value).toBe(carrier);
  });

  it.each(['Address:', 'Location:', 'Addr:'])(
    'reads a pasted "%s" row whose city wraps under its street, below a lead-in naming the bill',
    async (caption) => {
      const rows = mail(
        [
          AUTH,
          'Here is the info from our bill:',
          'Account number: 492929851',
          `${caption} 11262 Park Pl`,
          '',
          'Please port 775-555-0178.',
        ],
        ['William Dubois'],
      );
      // the city line under the street, where the street starts
      const street = rows.find((r) => r[2].startsWith(caption))!;
      const x = 60 + (await import('../fixtures/generator/layout.js')).textWidth(`${caption} `, 'sans', 9.5);
      rows.push([x, street[1] + 14, 'Carson City, NV 89702']);
      const f = await read(rows, 'loa');
      expect(f.service_address?.value).toMatchObject({
        street_line: '11262 Park Pl',
        city: 'Carson City',
        zip5: '89702',
      });
    },
  );
});
