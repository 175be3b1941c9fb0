/** Reviews of hand-built pages and of pinned dev ports, shared by the review's wording tests. */
import { expect } from 'vitest';
import { extractFields } from '../../electron/core/extract/index.js';
import type { PageText } from '../../shared/domain/document.js';
import { type BenchPort, generatorPorts } from '../bench/review-ports.js';
import { codes, run } from './compare.js';
import { pageOfLines } from './pages.js';

const PIN = 'PASSCODE_PIN_INVALID';

/** The review of a hand-built LOA and CSR, each read by the extractor from its words. */
export function reviewPages(loa: PageText[], csr: PageText[]) {
  return run({
    loa: extractFields(loa, 'loa').fields,
    csr: extractFields(csr, 'csr').fields,
    pages: { loa, csr },
  });
}

/** A rejection when the PINs differ, a match when the CSR writes the LOA's PIN. */
export function expectPinDifferenceCaught(loa: (pin: string) => PageText[], csr: (pin: string) => PageText[]) {
  const differ = reviewPages(loa('519823'), csr('582913'));
  expect(codes(differ)).toContain(PIN);
  expect(differ.fields.pin.verdict).toBe('mismatch');
  const same = reviewPages(loa('582913'), csr('582913'));
  expect(codes(same)).not.toContain(PIN);
  expect(same.fields.pin.verdict).toBe('match');
}

/** A plain LOA giving its PIN under a common caption. */
export const loaWithPin = (pin: string) =>
  pageOfLines([
    [40, 60, 'Letter of Agency'],
    [40, 90, 'Customer Name: Harbor Point Dental LLC'],
    [40, 110, `Port-Out PIN: ${pin}`],
  ]);

/**
 * Dev port `seed` in the FRESH tune wordings, drawn with the first 3 stand-ins (the test-like draw) as the
 * review bench draws it (heavy: the bad-scan set).
 */
export function freshTunePort(seed: number, noise: 'mild' | 'heavy' = 'mild'): BenchPort {
  const p = generatorPorts('dev', 1, {
    scanShare: noise === 'mild' ? 0.4 : 1,
    noise,
    offset: seed - 1,
    standins: 3,
    fresh: 'tune',
  })[0]!;
  expect(p.seed).toBe(seed);
  return p;
}
