/**
 * What an LOA letter states, read from its text layer, against what the carrier's documents say, on
 * the generator's dev ports (real layouts, read by the real extractor): a PIN or service address the
 * reader scored low (found in a sentence, on a rule) is still what the letter says when the carrier's
 * value is written nowhere else on it, or only in a block no label names (its letterhead).
 */
import { describe, expect, it } from 'vitest';
import { compareCase } from '../../electron/core/compare/index.js';
import type { ExtractedFields, PageText } from '../../shared/domain/document.js';
import { type BenchPort, devPort, reviewPort } from '../bench/review-ports.js';

/** Dev port `seed` (dev seeds start at 1), its documents as text PDFs, drawn from the eleven stand-ins it was chosen with. */
const port = (seed: number): BenchPort => devPort(seed, 'text', { standins: 11 });

const review = (p: BenchPort, edit: { loaPages?: PageText[]; loa?: (f: ExtractedFields) => ExtractedFields } = {}) =>
  reviewPort(p, { pages: { loa: edit.loaPages }, ...(edit.loa ? { loa: edit.loa } : {}) });
const codes = (r: ReturnType<typeof compareCase>) => r.predicted_rejections.map((x) => x.code);

/**
 * The first dev port whose LOA is drawn in `layout` with `code` planted. The guards below edit one
 * layout's low-scored reading (a PIN on a fill-in rule, an address in a sentence); a new stand-in
 * family shifts which family a seed draws, so they look the layout up instead of naming a seed.
 */
function firstPort(layout: string, code: string): BenchPort {
  for (let seed = 1; seed <= 400; seed++) {
    const p = port(seed);
    if (p.loa.layout === layout && p.planted.some((x) => x.code === code) && codes(review(p)).includes(code)) return p;
  }
  throw new Error(`no dev port in 1…400 with an ${layout} LOA and ${code} planted`);
}

describe("an LOA's PIN that is not the CSR's", () => {
  // dev ports 22 and 39 (a PIN on a fill-in rule or in a sentence when written): the LOA's PIN is not the CSR's
  for (const seed of [22, 39])
    it(`dev port ${seed}: the CSR's PIN written nowhere on the LOA's text layer is a predicted rejection`, () => {
      const p = port(seed);
      expect(p.planted.map((x) => x.code)).toContain('PASSCODE_PIN_INVALID');
      const r = review(p);
      expect(codes(r)).toContain('PASSCODE_PIN_INVALID');
      expect(r.fields.pin.verdict).toBe('mismatch');
    });

  it("…but an LOA that writes the CSR's PIN somewhere (its reader may have taken another number) is a check", () => {
    const p = firstPort('loa-underline', 'PASSCODE_PIN_INVALID');
    const csrPin = p.csr.truth.pin!;
    const [first, ...rest] = p.loa.pages;
    const y = first!.height - 40;
    const written = [
      { text: 'Ref', bbox: [40, y, 58, y + 10] },
      { text: csrPin, bbox: [64, y, 64 + 6 * csrPin.length, y + 10] },
    ] as PageText['words'];
    const r = review(p, { loaPages: [{ ...first!, words: [...first!.words, ...written] }, ...rest] });
    expect(codes(r)).not.toContain('PASSCODE_PIN_INVALID');
    expect(r.fields.pin.verdict).toBe('check');
  });
});

describe("an LOA that states its service address in a sentence, the carrier's in its letterhead", () => {
  // dev ports 17 (another street) and 63 (another city): the letterhead gives the carrier's address
  for (const seed of [17, 63])
    it(`dev port ${seed}: the sentence's address is what the LOA says, a predicted LOCATION_MISMATCH`, () => {
      const p = port(seed);
      expect(p.planted.map((x) => x.code)).toContain('LOCATION_MISMATCH');
      const r = review(p);
      expect(codes(r)).toContain('LOCATION_MISMATCH');
      expect(r.fields.service_address.verdict).toBe('mismatch');
    });

  it('…but a letterhead address the reader found under a label leaves the letter unclear: a check', () => {
    const r = review(firstPort('loa-sentences', 'LOCATION_MISMATCH'), {
      loa: (f) => ({
        ...f,
        service_address: {
          ...f.service_address!,
          candidates: f.service_address!.candidates!.map((c, i) =>
            i === 0 ? c : { ...c, why: { source: 'label' as const, label: 'Service Address' } },
          ),
        },
      }),
    });
    expect(codes(r)).not.toContain('LOCATION_MISMATCH');
    expect(r.fields.service_address.verdict).toBe('check');
  });
});

describe('an LOA whose reader took its letterhead, a sentence stating where the lines are', () => {
  // dev port 131 (scanned carrier documents): the letterhead is the billing block; the sentence gives the
  // CSR's street and ZIP in another city, the planted difference
  const p = devPort(131, 'bad', { standins: 11 });

  it("dev port 131: the sentence's address is compared — its city, not the letterhead's ZIP, is the difference", () => {
    expect(p.planted.map((x) => x.code)).toContain('LOCATION_MISMATCH');
    const r = review(p);
    expect(codes(r)).toContain('LOCATION_MISMATCH');
    expect(codes(r)).not.toContain('POSTAL_CODE_MISMATCH');
  });
});
