/**
 * The fields the review reads back from the store (toExtracted): a machine-read value keeps the
 * extractor's ranked candidates, as `portdesk compare` has them; a person's correction stands alone.
 */
import { describe, expect, it } from 'vitest';
import type { DocumentField } from '../../shared/contract/documents.js';
import type { FieldCandidate } from '../../shared/domain/document.js';
import { toExtracted } from '../../electron/core/review/review.js';

const letterhead = { street_line: '4 Hill Ln', unit: '', city: 'Tampa', state: 'FL', zip5: '33602', zip4: '' };
const sentence = { street_line: '4 Coral Reef Ln', unit: '', city: 'Tampa', state: 'FL', zip5: '33602', zip4: '' };
const candidates: FieldCandidate<unknown>[] = [
  { value: sentence, confidence: 0.6, page: 1, bbox: [50, 300, 400, 312], why: { source: 'prose' } },
  { value: letterhead, confidence: 0.55, page: 1, bbox: [50, 40, 200, 70], why: { source: 'layout' } },
];
const row = (source: 'extracted' | 'entered', value: unknown): DocumentField => ({
  field: 'service_address',
  value,
  confidence: source === 'entered' ? 1 : 0.6,
  page: 1,
  bbox: [50, 300, 400, 312],
  source,
  actor: source === 'entered' ? 'maria' : 'extraction',
  at: '2026-01-01T00:00:00.000Z',
  extracted:
    source === 'entered' ? { value: sentence, confidence: 0.6, page: 1, bbox: [50, 300, 400, 312], why: null } : null,
});

describe('fields read back for the review', () => {
  it("a machine-read value carries the extractor's candidates (where each was found, and why)", () => {
    const f = toExtracted([row('extracted', sentence)], { service_address: candidates });
    expect(f.service_address?.candidates?.map((c) => c.why.source)).toEqual(['prose', 'layout']);
  });

  it("a person's correction is compared as typed, without the candidates of the value it replaced", () => {
    const f = toExtracted([row('entered', letterhead)], { service_address: candidates });
    expect(f.service_address?.value).toEqual(letterhead);
    expect(f.service_address?.candidates).toBeUndefined();
  });

  it('candidates that do not fit the field are dropped, never the value', () => {
    const f = toExtracted([row('extracted', sentence)], {
      service_address: [{ ...candidates[0]!, value: 'not an address' }],
    });
    expect(f.service_address?.value).toEqual(sentence);
    expect(f.service_address?.candidates).toBeUndefined();
  });
});
