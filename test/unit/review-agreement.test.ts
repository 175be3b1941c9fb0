/**
 * Certainty from agreement: the invoice and the CSR saying the same is the carrier's word, even when
 * one or both were read by OCR; on the generator's dev ports whose carrier documents are heavy scans.
 */
import { describe, expect, it } from 'vitest';
import { compareCase } from '../../electron/core/compare/index.js';
import type { PageText } from '../../shared/domain/document.js';
import { type BenchPort, generatorPorts, reviewPort } from '../bench/review-ports.js';

/**
 * Dev port `seed`, every document that the generator scans a heavy scan (as the bench's bad-scan set), its
 * layouts drawn from the eleven stand-ins these ports were chosen with (a new stand-in would redraw them).
 */
const badScanPort = (seed: number): BenchPort =>
  generatorPorts('dev', 1, { scanShare: 1, noise: 'heavy', offset: seed - 1, standins: 11 })[0]!;

const review = (p: BenchPort, csrPages?: PageText[]) => reviewPort(p, { pages: { csr: csrPages } });
const codes = (r: ReturnType<typeof compareCase>) => r.predicted_rejections.map((x) => x.code);

describe('an unsure CSR address whose street the invoice gives too', () => {
  // dev port 83: the LOA gives another street; the CSR (OCR, 37%) and the invoice (OCR) both give the carrier's
  const p = badScanPort(83);

  it("the LOA's street, written nowhere on the CSR, is a predicted LOCATION_MISMATCH, not a check", () => {
    expect(p.planted.map((x) => x.code)).toContain('LOCATION_MISMATCH');
    const r = review(p);
    expect(codes(r)).toContain('LOCATION_MISMATCH');
    expect(r.fields.service_address.verdict).toBe('mismatch');
    expect(r.fields.service_address.reason).toMatch(/invoice gives the CSR's street/);
    expect(r.checks.map((c) => c.field)).not.toContain('service_address');
  });

  it("…but a CSR that writes the LOA's street somewhere leaves it a check (its reader may have taken another block)", () => {
    const street = p.loa.truth.service_address!.street_line;
    const [first, ...rest] = p.csr.pages;
    const y = first!.height - 30;
    const words = street.split(' ').map((text, i) => ({
      text,
      bbox: [40 + i * 70, y, 40 + i * 70 + 6 * text.length, y + 10] as [number, number, number, number],
      conf: 0.9,
    }));
    const r = review(p, [{ ...first!, words: [...first!.words, ...words] }, ...rest]);
    expect(codes(r)).not.toContain('LOCATION_MISMATCH');
    expect(r.fields.service_address.verdict).toBe('check');
  });
});

describe('an LOA letter stating its address in a sentence, the carrier documents scanned', () => {
  // dev port 46: the LOA adds a unit in its sentence; the letterhead is the carrier's address, which the
  // CSR's OCR read with its city glued ("GreenBay") and the invoice with its street split ("Pe arl")
  const p = badScanPort(46);

  it("the letterhead is the carrier's address in the same letters: the sentence's unit is a predicted LOCATION_MISMATCH", () => {
    expect(p.planted.map((x) => x.code)).toContain('LOCATION_MISMATCH');
    const r = review(p);
    expect(codes(r)).toContain('LOCATION_MISMATCH');
    expect(r.fields.service_address.verdict).toBe('mismatch');
  });

  it('invoice and CSR in the same letters are not said to disagree', () => {
    expect(review(p).fields.service_address.reason).not.toMatch(/differs from the CSR's/);
  });
});
