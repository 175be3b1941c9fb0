import type { CandidateWhy, ServiceAddress } from '../../../shared/domain/document.js';
import type { AddrResult } from './address.js';
import type { Hit, Tok } from './layout.js';
import type { Span } from './spans.js';

/**
 * Candidate generation and scoring per field. Each labelled field: every label hit × every place
 * its value can be (inline, right, below) × the field's validator; the best score wins. Fallbacks
 * without labels (prose, header, unlabelled address blocks) score lower than any labelled value.
 */
export interface Cand<T> {
  value: T;
  toks: Tok[];
  score: number;
  hit?: Hit | null;
  mode?: Span['mode'];
  prose?: boolean;
  zipCheck?: CandidateWhy['zip_check'];
}

export interface AddrCand extends Cand<ServiceAddress> {
  hit: Hit | null;
  names?: Tok[][];
  /** read from a sentence that says it is where the service is ("The service is provided at …") */
  stated?: boolean;
}

/** The ZIP database's objection to a reading, for the review (none when all agrees). */
export function zipCheckOf(check: AddrResult['check']): CandidateWhy['zip_check'] {
  return check.note ? { note: check.note, suggested_zip: check.suggestedZip } : undefined;
}
