/**
 * Guided verification on pages fed sideways or upside down: the reader keeps each word's box on the
 * scanned image and says how far the page must turn (PageText.orientation); the review looks for a
 * value under its label on the page as its text reads, and shows where it found it on the image.
 */
import { describe, expect, it } from 'vitest';
import { compareCase } from '../../electron/core/compare/index.js';
import { extractFields } from '../../electron/core/extract/index.js';
import type { PageText } from '../../shared/domain/document.js';
import { unturnBox, type Orientation } from '../../shared/domain/orientation.js';
import { devPort, PORT_LIMITS } from '../bench/review-ports.js';
import { codes, fv, run } from '../helpers/compare.js';
import { pageOfLines as page } from '../helpers/pages.js';

/** The pages as a scanner fed them turned: boxes on the turned image, the turn the reader found. */
function fedTurned(pages: PageText[], o: Exclude<Orientation, 0>): PageText[] {
  return pages.map((p) => {
    const sideways = o !== 180;
    const W = sideways ? p.height : p.width;
    const H = sideways ? p.width : p.height;
    return {
      ...p,
      width: W,
      height: H,
      orientation: o,
      words: p.words.map((w) => ({ ...w, bbox: unturnBox(w.bbox, o, W, H) })),
    };
  });
}

const verdicts = (r: ReturnType<typeof compareCase>) => ({
  fields: Object.fromEntries(Object.entries(r.fields).map(([k, f]) => [k, f.verdict])),
  rejections: r.predicted_rejections.map((x) => x.code),
  checks: r.checks.map((c) => c.field),
});

describe('a CSR scan fed turned is reviewed as the same scan fed upright', () => {
  // dev ports (every document a heavy scan) whose verdicts hang on a value found under the CSR's label
  const cases: [number, Exclude<Orientation, 0>][] = [
    [29, 90],
    [50, 270],
    [2, 180],
  ];
  for (const [seed, o] of cases)
    it(`dev port ${seed}, CSR turned ${o}°: the same verdicts, rejections and checks`, () => {
      const p = devPort(seed, 'bad', { standins: 11 });
      const pages = { loa: p.loa.pages, invoice: p.invoice.pages, csr: p.csr.pages };
      const read = {
        loa: extractFields(pages.loa, 'loa').fields,
        invoice: extractFields(pages.invoice, 'invoice').fields,
      };
      const limits = PORT_LIMITS;
      const upright = compareCase({
        ...read,
        csr: extractFields(pages.csr, 'csr').fields,
        pages,
        asOf: p.asOf,
        limits,
      });
      const turned = fedTurned(pages.csr, o);
      const r = compareCase({
        ...read,
        csr: extractFields(turned, 'csr').fields,
        pages: { ...pages, csr: turned },
        asOf: p.asOf,
        limits,
      });
      expect(verdicts(r)).toEqual(verdicts(upright));
    });
});

describe('a record tag on a CSR page fed sideways', () => {
  const CSR = page(
    [
      [40, 40, 'OPTIMUM BUSINESS SVC RECORD PAGE 1'],
      [40, 60, 'DATE: 02/17/2023 ACCT NO: 7485 67 257 7438485'],
      [40, 140, 'CNTCT: LUIS KOWALSKI'],
      [40, 160, 'AUTH SAMUEL BRENNAN'],
    ],
    'ocr',
  );
  it('"AUTH SAMUEL BRENNAN" holds the LOA\'s signer: a match, whatever the reader took', () => {
    const r = run({
      loa: { authorized_person: fv('Samuel Brennan', 0.97) },
      csr: { authorized_person: fv('LUIS KOWALSKI', 0.52) },
      pages: { csr: fedTurned(CSR, 90) },
    });
    expect(codes(r)).not.toContain('AUTH_PERSON_MISMATCH');
    expect(['match', 'equivalent']).toContain(r.fields.authorized_person.verdict);
  });
});

describe('a PIN the LOA writes on a page fed upside down', () => {
  const upright = page([
    [40, 60, 'LETTER OF AUTHORIZATION'],
    [40, 80, 'Account passcode on file with the carrier is 730519 as set'],
  ]);
  it('is found, and shown where it stands on the scanned image', () => {
    const turned = fedTurned(upright, 180);
    const r = run({ csr: { pin: fv('730519', 0.97) }, loa: {}, pages: { loa: turned } });
    expect(r.fields.pin.verdict).toBe('match');
    const word = upright[0]!.words.find((w) => w.text === '730519')!;
    expect(r.fields.pin.evidence.loa?.bbox).toEqual(unturnBox(word.bbox, 180, 612, 792));
  });
});
