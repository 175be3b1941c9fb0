import { describe, expect, it } from 'vitest';
import { type BenchPort, devBadScanPort, devPort, reviewPort } from '../bench/review-ports.js';
import { codes, fv, run } from '../helpers/compare.js';
import { ocrWords, pageOfLines as page } from '../helpers/pages.js';

/*
 * Issue 10, PIN recall on the dev TUNE range (generator ports 8001–8600, every carrier document a heavy
 * scan; drawn with the 30 stand-ins of the time: a stand-in added later would redraw them). Each class
 * fixed by a general rule, shown on a real dev port and on a hand-built page in other wording, with a
 * guard that the matching near miss stays no rejection:
 * - OCR split the CSR's PIN ("8070 78,") and the reader took the first piece: the LOA's PIN written
 *   whole right there is the same PIN (was a false rejection);
 * - a PIN label OCR split ("P asscode:") over the PIN on the line below still labels it;
 * - the CSR's PIN reading came from no PIN label, but the PIN label's own words state PINs, none of them
 *   the LOA's (a verification response's "PIN  No match  1326  0502"): the carrier's PIN differs.
 */

const STANDINS = 30;
function port(seed: number): BenchPort {
  const p = devBadScanPort(seed, undefined, STANDINS);
  expect(p.csr.scanned).toBe(true);
  return p;
}

const loaPage = page([[40, 80, 'Port-out PIN: 447712']]);
const loaPin = (pin: string) => ({ pin: fv(pin, 0.97, [124, 80, 160, 90]) });

describe("OCR split the CSR's PIN and the reader took a piece", () => {
  it('dev port 8561: CSR "8070 78," read as 8070, the LOA\'s 807078: no rejection, a match', () => {
    const p = port(8561);
    expect(p.planted).toEqual([]);
    const r = reviewPort(p);
    expect(codes(r)).not.toContain('PASSCODE_PIN_INVALID');
    expect(r.fields.pin.verdict).toBe('match');
  });

  // other wording: a form whose narrow cell wrapped the PIN's last digits onto the line below
  const csr = (second: string, remark = '') =>
    ocrWords([
      [50, 100, 'Account', 42],
      [96, 100, 'security', 48],
      [148, 100, 'code:', 30],
      [190, 100, '4477', 24],
      [192, 112, second, 12],
      // far below, in another block (a ticket's reference)
      ...(remark
        ? ([
            [50, 400, 'Ticket', 36],
            [100, 400, remark, 36],
          ] as [number, number, string, number][])
        : []),
    ]);
  it('"Account security code: 4477" with "12" wrapped below it, read as 4477, the LOA\'s 447712: no rejection', () => {
    const r = run({
      loa: loaPin('447712'),
      csr: { pin: fv('4477', 0.85, [190, 100, 214, 110]) },
      pages: { loa: loaPage, csr: csr('12') },
    });
    expect(codes(r)).not.toContain('PASSCODE_PIN_INVALID');
    expect(r.fields.pin.verdict).toBe('match');
  });
  it('…"4477 99" there with the LOA\'s 447712 written in another block is no match', () => {
    const r = run({
      loa: loaPin('447712'),
      csr: { pin: fv('4477', 0.85, [190, 100, 214, 110]) },
      pages: { loa: loaPage, csr: csr('99', '447712') },
    });
    expect(r.fields.pin.verdict).not.toBe('match');
  });
});

describe('a PIN label OCR split, over the PIN on the line below', () => {
  it('dev port 8616: "P asscode:" over "21B8", the LOA\'s 0507: a predicted rejection', () => {
    const p = port(8616);
    expect(p.planted.map((x) => x.code)).toContain('PASSCODE_PIN_INVALID');
    const r = reviewPort(p);
    expect(codes(r)).toContain('PASSCODE_PIN_INVALID');
    expect(r.fields.pin.verdict).toBe('mismatch');
  });

  // other wording: "Port-out pa sscode" with its last word split, the value under it
  const stacked = (pin: string) =>
    ocrWords([
      [50, 100, 'Port-out', 48],
      [100, 100, 'pa', 12],
      [114, 100, 'sscode', 36],
      [50, 116, pin, 24],
      [50, 140, 'Customer', 48],
      [102, 140, 'since:', 36],
      [50, 156, '2019', 24],
    ]);
  it('"Port-out pa sscode" over 8562 against the LOA\'s 4774: a predicted rejection', () => {
    const r = run({
      loa: { pin: fv('4774', 0.97, [124, 80, 148, 90]) },
      csr: { pin: fv('8562', 0.8, [50, 116, 74, 126]) },
      pages: { loa: page([[40, 80, 'Port-out PIN: 4774']]), csr: stacked('8562') },
    });
    expect(codes(r)).toContain('PASSCODE_PIN_INVALID');
  });
  it("…and 4714 there (one digit off the LOA's 4774, perhaps OCR's slip) stays a look", () => {
    const r = run({
      loa: { pin: fv('4774', 0.97, [124, 80, 148, 90]) },
      csr: { pin: fv('4714', 0.8, [50, 116, 74, 126]) },
      pages: { loa: page([[40, 80, 'Port-out PIN: 4774']]), csr: stacked('4714') },
    });
    expect(codes(r)).not.toContain('PASSCODE_PIN_INVALID');
    expect(r.fields.pin.verdict).toBe('check');
  });
});

describe("the CSR's PIN label states PINs, none of them the LOA's", () => {
  it('dev port 8255: a verification response\'s "PIN No match 1326 0502", the reader took a ZIP: a predicted rejection', () => {
    // the generator set's port (mildly noised scans of invoice and CSR), not the bad-scan one
    const p = devPort(8255, 'mild', { standins: STANDINS });
    expect(p.csr.scanned).toBe(true);
    expect(p.planted.map((x) => x.code)).toContain('PASSCODE_PIN_INVALID');
    const r = reviewPort(p);
    expect(codes(r)).toContain('PASSCODE_PIN_INVALID');
  });

  // other wording: a port-out reply whose passcode row gives the record's value; the reader took a ZIP
  const reply = (row: string) =>
    ocrWords([
      [50, 100, 'Port-out', 48],
      [100, 100, 'passcode', 48],
      ...row.split(' ').map((w, i): [number, number, string, number] => [160 + 40 * i, 100, w, 6 * w.length]),
      [50, 130, 'Service', 42],
      [96, 130, 'ZIP', 18],
      [120, 130, '30301', 30],
    ]);
  const zipRead = { pin: fv('30301', 0.5, [120, 130, 150, 140]) };
  it('"Port-out passcode 9134" with the reading taken from a ZIP, the LOA\'s 4774: a predicted rejection', () => {
    const r = run({
      loa: { pin: fv('4774', 0.97, [124, 80, 148, 90]) },
      csr: zipRead,
      pages: { loa: page([[40, 80, 'Port-out PIN: 4774']]), csr: reply('9134') },
    });
    expect(codes(r)).toContain('PASSCODE_PIN_INVALID');
  });
  it('…"4T74" there (the LOA\'s 4774 with an OCR slip) stays no rejection', () => {
    const r = run({
      loa: { pin: fv('4774', 0.97, [124, 80, 148, 90]) },
      csr: zipRead,
      pages: { loa: page([[40, 80, 'Port-out PIN: 4774']]), csr: reply('4T74') },
    });
    expect(codes(r)).not.toContain('PASSCODE_PIN_INVALID');
  });
  it('…a masked passcode ("••••") with a year beside it stays no rejection', () => {
    const r = run({
      loa: { pin: fv('4774', 0.97, [124, 80, 148, 90]) },
      csr: zipRead,
      pages: { loa: page([[40, 80, 'Port-out PIN: 4774']]), csr: reply('•••• 2019') },
    });
    expect(codes(r)).not.toContain('PASSCODE_PIN_INVALID');
  });
});

/*
 * PHONE_NUMBER_MISMATCH false rejections (dev tune ports 8253, 8416, 8851): the LOA's reader took the
 * losing carrier's porting desk ("Porting desk: 866-555-0142") for a number to port. A number the LOA
 * writes only right after a label of its own, outside its lists of numbers to port, is a look.
 */
describe('a number the LOA writes only after a label of its own, outside its number lists', () => {
  it('dev port 8253: "Porting desk: 866-555-0142" read as a number to port is no rejection', () => {
    const p = port(8253);
    expect(p.planted).toEqual([]);
    const r = reviewPort(p);
    expect(codes(r)).not.toContain('PHONE_NUMBER_MISMATCH');
  });

  // other wording: a callback line under the list of numbers
  const loaPage = (extra: string) =>
    page([
      [40, 80, 'Numbers to port:'],
      [40, 96, '(512) 555-0100'],
      [40, 112, `(512) 555-0101${extra}`],
      [40, 160, 'Callback: (512) 555-0177'],
    ]);
  const account = ['+15125550100', '+15125550101'];
  const csrPage = page([
    [40, 80, 'Working telephone numbers'],
    [40, 96, '512-555-0100'],
    [40, 112, '512-555-0101'],
  ]);
  it('"Callback: (512) 555-0177" read as a number to port, not on the account: no rejection', () => {
    const r = run({
      loa: { phone_numbers: fv([...account, '+15125550177'], 0.9) },
      csr: { phone_numbers: fv(account, 0.9) },
      pages: { loa: loaPage(''), csr: csrPage },
    });
    expect(codes(r)).not.toContain('PHONE_NUMBER_MISMATCH');
    expect(r.fields.phone_numbers.verdict).toBe('check');
  });
  it('…a number in the list itself, not on the account, is still a predicted rejection', () => {
    const r = run({
      loa: { phone_numbers: fv([...account, '+15125550188'], 0.9) },
      csr: { phone_numbers: fv(account, 0.9) },
      pages: { loa: loaPage(', (512) 555-0188'), csr: csrPage },
    });
    expect(codes(r)).toContain('PHONE_NUMBER_MISMATCH');
  });
});

/*
 * BTN_ATN_MISMATCH false rejections (dev tune ports 8095, 8881): neither carrier document gives its BTN
 * under a BTN label, both readers took another number (a fax header's sender "from 775-555-0150", the
 * first of a list) at low confidence, and their agreeing was taken for the carrier's BTN.
 */
describe("the carrier documents' BTN readings both guessed, from no BTN label", () => {
  it('dev port 8881: both readers took the fax header\'s "775-555-0150"; the CSR writes the LOA\'s BTN: no rejection', () => {
    const p = port(8881);
    expect(p.planted).toEqual([]);
    const r = reviewPort(p);
    expect(codes(r)).not.toContain('BTN_ATN_MISMATCH');
    expect(r.fields.btn.verdict).toBe('check');
  });

  it("fresh-tune dev port 8: the CSR writes the LOA's BTN with OCR's lookalikes only, both readers guessed another: no rejection", () => {
    const p = devBadScanPort(8, 'tune', STANDINS);
    expect(p.planted.map((x) => x.code)).not.toContain('BTN_ATN_MISMATCH');
    expect(codes(reviewPort(p))).not.toContain('BTN_ATN_MISMATCH');
  });
  it('dev port 8229: the CSR\'s BTN repeated row after row under a "Bill TN" column OCR lost is its record\'s: a predicted rejection', () => {
    const p = port(8229);
    expect(p.planted.map((x) => x.code)).toContain('BTN_ATN_MISMATCH');
    expect(codes(reviewPort(p))).toContain('BTN_ATN_MISMATCH');
  });

  // other wording: a faxed statement and record whose top line carries the sender's number
  const faxed = (kind: string, listed: string) =>
    ocrWords([
      [30, 8, 'FAX', 18],
      [52, 8, 'from', 24],
      [80, 8, '212-555-0199', 66],
      [50, 60, kind, 60],
      [50, 90, 'Lines', 30],
      [50, 106, listed, 66],
      [50, 122, '212-555-0141', 66],
    ]);
  const input = (loaBtn: string, listed: string) => ({
    loa: { btn: fv(loaBtn, 0.97, [120, 80, 190, 90]) },
    invoice: { btn: fv('212-555-0199', 0.3, [80, 8, 146, 18]) },
    csr: { btn: fv('212-555-0199', 0.28, [80, 8, 146, 18]) },
    pages: {
      loa: page([[40, 80, `Billing telephone number: ${loaBtn}`]]),
      invoice: faxed('Statement', listed),
      csr: faxed('Record', listed),
    },
  });
  it("both readings the fax sender's number, the LOA's BTN one of the CSR's lines: no rejection", () => {
    const r = run(input('212-555-0140', '212-555-0140'));
    expect(codes(r)).not.toContain('BTN_ATN_MISMATCH');
  });
  it('…an LOA BTN the CSR writes nowhere is still a predicted rejection', () => {
    const r = run(input('212-555-0177', '212-555-0140'));
    expect(codes(r)).toContain('BTN_ATN_MISMATCH');
  });
});
