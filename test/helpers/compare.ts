import { compareCase } from '../../electron/core/compare/index.js';
import type { CompareInput } from '../../shared/domain/comparison.js';
import type { PageText, ServiceAddress } from '../../shared/domain/document.js';
import { pageOfLines } from './pages.js';

type Box = [number, number, number, number];

/** A field as a reader returns it: the value, how sure it is, and where on page 1 it was read. */
export const fv = <T>(value: T, confidence = 0.95, bbox: Box | null = [200, 100, 300, 110]) => ({
  value,
  confidence,
  page: 1,
  bbox,
});

/** Compares a case on a fixed day, so the age of its documents never depends on when tests run. */
export const run = (input: Omit<CompareInput, 'asOf'>) => compareCase({ asOf: '2026-03-10', ...input });

/** A field reading of text, as fv gives it. */
type Reading = ReturnType<typeof fv<string>>;

/** The review of the LOA's signer against the signer read off the CSR's pages given. */
export const signerAgainst = (loa: Reading, csr: Reading, csrPages: PageText[]) =>
  run({ loa: { authorized_person: loa }, csr: { authorized_person: csr }, pages: { csr: csrPages } });

/**
 * The review of the LOA's signer against the signer read off a scanned CSR, its page the OCR'd lines given
 * ([x, y, text]): what the review makes of a CSR reading that may be no person at all.
 */
export const signerAgainstScan = (loa: Reading, csr: Reading, lines: [number, number, string][]) =>
  signerAgainst(loa, csr, pageOfLines(lines, 'ocr'));

/** The predicted rejection codes, as a specialist reads them off the review. */
export const codes = (r: ReturnType<typeof compareCase>) => r.predicted_rejections.map((p) => p.code);

/** A service address as a reader returns it, street and city first, the unit and ZIP+4 when given. */
export const addr = (
  street_line: string,
  city: string,
  state: string,
  zip5: string,
  unit = '',
  zip4 = '',
): ServiceAddress => ({ street_line, unit, city, state, zip5, zip4 });
