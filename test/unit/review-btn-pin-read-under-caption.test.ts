/**
 * Two looks the review asked on planted differences of scanned dev ports (fresh tune wordings, heavy
 * scans, drawn with 3 stand-ins as the bench's bad-scan set), each settled by what a reader read under
 * its caption:
 * - an LOA's BTN its reader read under a BTN caption it knows ("Billed Telephone No.", "Pilot Number"),
 *   surer than a caption with two numbers leaves it, differing from the carrier's in a way no OCR misread
 *   explains: the carrier's BTN written elsewhere on the LOA (among the numbers to port) raised "read with
 *   low confidence and … appears elsewhere"; it is a rejection now. A misread (one confusable digit) or an
 *   unlabelled guess stays a look.
 * - the LOA's PIN "written elsewhere on the CSR" only as the first piece of a phone number OCR split
 *   ("B435 550187"), while the CSR's reader read its own PIN under its caption: no code stands there to
 *   take, so the difference is a rejection; the LOA's PIN written as a number of its own stays a look.
 */
import { describe, expect, it } from 'vitest';
import { extractFields } from '../../electron/core/extract/index.js';
import type { PageText } from '../../shared/domain/document.js';
import { reviewPort } from '../bench/review-ports.js';
import { codes, fv, run } from '../helpers/compare.js';
import { ocrWords } from '../helpers/pages.js';
import { freshTunePort, loaWithPin } from '../helpers/review-pages.js';

const BTN = 'BTN_ATN_MISMATCH';
const PIN = 'PASSCODE_PIN_INVALID';

describe("an LOA's BTN read under its caption is that caption's, not a number written elsewhere on the LOA", () => {
  for (const seed of [14192, 18187])
    it(`dev port ${seed} (bad scans): the planted BTN difference is a rejection`, () => {
      const p = freshTunePort(seed, 'heavy');
      expect(p.planted.map((x) => x.code)).toContain(BTN);
      const r = reviewPort(p);
      expect(codes(r)).toContain(BTN);
      expect(r.fields.btn.verdict).toBe('mismatch');
    });

  const why = (label: string) => ({ source: 'label' as const, label, mode: 'below' as const });
  const withWhy = (value: string, confidence: number, found: ReturnType<typeof why> | { source: 'layout' }) => ({
    ...fv(value, confidence),
    candidates: [{ ...fv(value, confidence), why: found }],
  });
  for (const [loaBtn, conf, found, how] of [
    ['+13865550196', 0.77, why('Billed Telephone No.'), 'under its caption, another number: a rejection'],
    ['+13862112062', 0.77, why('Billed Telephone No.'), 'one confusable digit off (2 for 7): a look'],
    ['+13865550196', 0.77, { source: 'layout' as const }, 'taken by layout, no caption: a look'],
    ['+13865550196', 0.7, why('Billed Telephone No.'), 'at the cap for a caption with two numbers: a look'],
  ] as const)
    it(`an unsure LOA BTN ${how}`, () => {
      // (the LOA's words: the carrier's BTN is among its numbers to port, its BTN caption nowhere the review knows)
      const loaPages: PageText[] = ocrWords([
        [40, 60, 'Letter', 30],
        [74, 60, 'of', 10],
        [88, 60, 'Agency', 36],
        [40, 300, '(386)', 28],
        [72, 300, '211-2067', 44],
      ]);
      const r = run({
        loa: { btn: withWhy(loaBtn, conf, found) },
        csr: { btn: withWhy('+13862112067', 0.89, why('PILOT NUMBER')) },
        pages: { loa: loaPages },
      });
      const rejected = how.endsWith('a rejection');
      expect(codes(r).includes(BTN)).toBe(rejected);
      expect(r.fields.btn.verdict).toBe(rejected ? 'mismatch' : 'check');
    });
});

/**
 * A scanned portal's account card: the BTN written by OCR in two pieces ("B435 550187"), the PIN under
 * "PIN Code:" beside it on the next row, `more` words added.
 */
function portalCard(more: [number, number, string, number, number][] = []): PageText[] {
  return ocrWords([
    [53, 30, 'CenturyLink', 50, 8],
    [557, 30, 'CSR', 18, 8],
    [55, 77, 'Company', 34, 8],
    [92, 77, '/', 4, 8],
    [99, 77, 'Business:', 40, 8],
    [153, 77, 'Mesa', 22, 8],
    [178, 77, 'Verde', 26, 8],
    [207, 77, 'Realty', 28, 8],
    [52, 93, 'Master', 28, 8],
    [83, 93, 'Account:', 36, 8],
    [154, 93, '843-S55-0187-745', 70, 8],
    [54, 109, 'Billed', 26, 8],
    [83, 109, 'Telephone', 42, 8],
    [128, 109, 'No.:', 18, 8],
    [153, 109, 'B435', 17, 8],
    [173, 109, '550187', 28, 8],
    [53, 122, 'PIN', 15, 8],
    [71, 122, 'Code:', 24, 8],
    [152, 122, '2954', 20, 8],
    [54, 137, 'Status:', 30, 8],
    [152, 137, 'Active', 28, 8],
    ...more,
  ]);
}

describe('the LOA\'s PIN only as a piece of a number OCR split on the CSR is not "written elsewhere"', () => {
  it('a piece of the BTN ("B435 550187"): the PIN read under its caption differs, a rejection', () => {
    const csr = portalCard();
    const loa = loaWithPin('8435');
    const read = extractFields(csr, 'csr').fields;
    expect(read.pin?.value).toBe('2954');
    const r = run({ loa: extractFields(loa, 'loa').fields, csr: read, pages: { loa, csr } });
    expect(codes(r)).toContain(PIN);
    expect(r.fields.pin.verdict).toBe('mismatch');
  });

  it('the LOA\'s PIN written as a number of its own elsewhere ("Ref 8435"): a look, never a rejection', () => {
    const csr = portalCard([
      [54, 160, 'Ref', 14, 8],
      [153, 160, '8435', 20, 8],
    ]);
    const loa = loaWithPin('8435');
    const r = run({
      loa: extractFields(loa, 'loa').fields,
      csr: extractFields(csr, 'csr').fields,
      pages: { loa, csr },
    });
    expect(codes(r)).not.toContain(PIN);
    expect(r.fields.pin.verdict).toBe('check');
  });
});
