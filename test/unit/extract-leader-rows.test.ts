import { describe, expect, it } from 'vitest';
import type { ExtractedFields } from '../../shared/domain/document.js';
import { readDocument } from '../../electron/core/documents/read.js';
import { extractFields } from '../../electron/core/extract/index.js';
import { PageBuilder, type TextStyle, textWidth } from '../fixtures/generator/layout.js';
import { renderTextPdf } from '../fixtures/generator/pdf.js';
import { generateRandom } from '../fixtures/generator/random.js';
import { readGenerated } from '../helpers/generated.js';

/*
 * An LOA printed as two panels of "Caption . . . . . value" rows: each caption's dot leader runs to its
 * value, the values of one panel set flush right, so a value's left edge lines up with nothing under it.
 * The leader says the value beside it is the caption's (however far off), and a leader printed as
 * spaced dots is print, not a hand's letters in boxes. Wordings, names and numbers are made up for the test.
 */

const ROW: TextStyle = { font: 'sans', size: 9 };

type Leader = 'spaced' | 'solid';

/** A caption at x, its leader, its value ending at `right` (flush right). */
function leaderRow(
  p: PageBuilder,
  x: number,
  y: number,
  caption: string,
  value: string,
  leader: Leader,
  right: number,
) {
  const valueX = right - textWidth(value, ROW.font, ROW.size);
  const from = p.text(x, y, caption, ROW) + 5;
  const unit = leader === 'spaced' ? ' .' : '.';
  const n = Math.floor((valueX - 6 - from) / textWidth(unit, ROW.font, ROW.size));
  p.text(from, y, (leader === 'spaced' ? '.' + unit.repeat(n - 1) : unit.repeat(n)).trim(), ROW);
  p.text(valueX, y, value, ROW);
}

interface Form {
  leader: Leader;
  pinCaption: string;
  pin: string;
  personCaption: string;
}

async function read(f: Form): Promise<ExtractedFields> {
  const p = new PageBuilder();
  p.text(40, 60, 'Authorization to Transfer Service', { font: 'sans-bold', size: 13 });
  p.text(40, 100, 'Port Details', { font: 'sans-bold', size: 10 });
  p.text(320, 100, 'About the Customer', { font: 'sans-bold', size: 10 });
  // the left panel's rows, values flush right
  const left: [string, string][] = [
    ['Current Carrier', 'Northwind Telecom'],
    ['Account Number', '4471 20 993 1180'],
    [f.pinCaption, f.pin],
    ['Port Type', 'FULL'],
    ['Requested Date', 'Jan 4, 2027'],
  ];
  left.forEach(([c, v], i) => leaderRow(p, 40, 124 + i * 20, c, v, f.leader, 290));
  // the right panel's rows a few points higher, so each pairs with a left row into one printed line
  const right: [string, string][] = [
    ['Business Name', 'Harborview Dental Group LLC'],
    [f.personCaption, 'Renata Okafor'],
    ['Capacity', 'Office Manager'],
    ['Contact Phone', '(503) 555-0190'],
  ];
  right.forEach(([c, v], i) => leaderRow(p, 320, 118 + i * 20, c, v, f.leader, 570));
  p.text(40, 250, 'I authorize the transfer of these numbers: (503) 555-0143 and (503) 555-0177.', ROW);
  p.text(40, 300, 'Signature: Renata Okafor        Date: 12/01/2026', ROW);
  const bytes = await renderTextPdf({ pages: [p.build()] });
  const pages = (await readDocument(bytes, { name: 'loa.pdf' })).pages;
  return extractFields(pages, 'loa').fields;
}

describe('rows of a caption, a dot leader and its value', () => {
  const forms: Form[] = [
    { leader: 'spaced', pinCaption: 'Account PIN', pin: '270169', personCaption: 'Contact Name' },
    { leader: 'spaced', pinCaption: 'PIN / Passcode', pin: '82278089', personCaption: 'Authorized By' },
    { leader: 'solid', pinCaption: 'Acct PIN', pin: '004874', personCaption: 'Contact Name' },
    { leader: 'solid', pinCaption: 'Account Passphrase', pin: '542457', personCaption: 'Authorized By' },
  ];
  for (const f of forms)
    it(`${f.leader} leaders: ${f.pinCaption} → ${f.pin}`, async () => {
      const got = await read(f);
      expect(got.pin?.value).toBe(f.pin);
      expect(got.account_number?.value.replace(/\D/g, '')).toBe('447120993' + '1180');
      expect(got.authorized_person?.value).toBe('Renata Okafor');
    });
});

/**
 * The two-column LOA stand-in (dev seeds, tune wordings): panels of leader rows printed side by side,
 * a row of one panel between two of the other, so the rows of both are read as one line each.
 */
describe('the two-column LOA stand-in, caption and value across a leader', () => {
  const read = (seed: number) => readGenerated(generateRandom(seed, { family: 'loa-twocol', fresh: 'tune' }));
  // spaced leaders (34145 "PIN / Passcode . . . 82278089", 34190), solid ones (34117 "Acct PIN ..... 004874",
  // 34170 "Account Passphrase ..... 542457", values flush right over a row whose value starts elsewhere)
  for (const seed of [34117, 34145, 34170, 34190])
    it(`loa-twocol-${seed}: the PIN`, async () => {
      const { got, truth } = await read(seed);
      expect(got.pin?.value).toBe(truth.pin);
    });
  // "Authorizing Officer . . James Morales": two lone dots are a leader (no comb joins them into a word)
  it('loa-twocol-34233: the signer beside a two-dot leader, not the carrier a sentence names', async () => {
    const { got, truth } = await read(34233);
    expect(got.authorized_person?.value).toBe(truth.authorized_person);
  });
});

/**
 * A caption, its leader and its value printed as one run of text, the value wrapped onto the next line
 * at its own left edge ("Name, Customer . . . . . CEDAR RIDGE HARDWARE &" over "LUMBER LTD."): the
 * reader places the value's words where they are printed (a leader's dots are narrow), so the wrapped
 * line starts under the value and continues it.
 */
describe('a value printed in one run with its caption and leader, wrapped under itself', () => {
  const cases: [string, string, string, string][] = [
    ['Name, Customer', 'spaced', 'KEYSTONE MARINE SUPPLY', 'LTD.'],
    ['Company / Business', 'solid', 'HERNANDEZ & TANAKA', 'P.C.'],
    ['Customer Name', 'spaced', 'Sandhill Insurance', 'Agency Ltd.'],
  ];
  for (const [caption, leader, first, rest] of cases)
    it(`${caption}: ${first} / ${rest}`, async () => {
      const p = new PageBuilder();
      p.text(40, 60, 'Letter of Authorization', { font: 'sans-bold', size: 13 });
      const dots = leader === 'spaced' ? Array(10).fill('.').join(' ') : '.'.repeat(16);
      const lead = `${caption} ${dots} `;
      p.text(40, 110, 'Current Carrier: Northwind Telecom', ROW);
      p.text(40, 126, 'Account Number: 4471 20 993 1180', ROW);
      p.text(320, 104, `${lead}${first}`, ROW);
      p.text(320 + textWidth(lead, ROW.font, ROW.size), 115, rest, ROW);
      p.text(320, 140, 'Authorized By: Renata Okafor', ROW);
      p.text(40, 200, 'I authorize the transfer of these numbers: (503) 555-0143 and (503) 555-0177.', ROW);
      const bytes = await renderTextPdf({ pages: [p.build()] });
      const got = extractFields((await readDocument(bytes, { name: 'loa.pdf' })).pages, 'loa').fields;
      expect(got.account_name?.value).toBe(`${first} ${rest}`);
    });
});
