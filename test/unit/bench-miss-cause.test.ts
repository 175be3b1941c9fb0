import { describe, expect, it } from 'vitest';
import { missCause } from '../bench/review.bench.js';
import { fv, run } from '../helpers/compare.js';

/*
 * The review bench says, per missed planted difference, what the review did with its field — the only view
 * of the test seeds' misses that shows no document. A wrong cause sends the next stop's work to the wrong
 * place (last stop tuned caption wordings while the misses were unread carrier values), so each cause is
 * pinned on a case whose truth plants an authorized-person difference.
 */
describe('review bench: why a planted difference was missed', () => {
  const truth = run({
    loa: { authorized_person: fv('Jane Smith', 1) },
    csr: { authorized_person: fv('Omar Haddad', 1) },
  });
  const code = 'AUTH_PERSON_MISMATCH';

  it('the truth predicts the planted difference (premise)', () => {
    expect(truth.predicted_rejections.map((r) => r.code)).toContain(code);
  });

  it('the carrier document read without the field: carrier value not read', () => {
    const got = run({ loa: { authorized_person: fv('Jane Smith') }, csr: {} });
    expect(missCause(code, got, truth)).toBe('carrier value not read');
  });

  it('the LOA read without the field: LOA value not read', () => {
    const got = run({ loa: {}, csr: { authorized_person: fv('Omar Haddad') } });
    expect(missCause(code, got, truth)).toBe('LOA value not read');
  });

  it('a side read as the other says: both read, judged alike', () => {
    const got = run({ loa: { authorized_person: fv('Jane Smith') }, csr: { authorized_person: fv('Jane Smith') } });
    expect(missCause(code, got, truth)).toBe('both read, judged alike (a side read wrong)');
  });

  it('an unsure carrier reading that differs: asked as a check', () => {
    const got = run({
      loa: { authorized_person: fv('Jane Smith') },
      csr: { authorized_person: fv('Omar Haddad', 0.3) },
    });
    expect(got.checks.map((c) => c.code)).toContain(code);
    expect(missCause(code, got, truth)).toBe('asked as a check');
  });
});
