import { describe, expect, it } from 'vitest';
import { checksByWhy, doubtKind, missCause } from '../bench/review.bench.js';
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

/*
 * The bench's checks aggregate: each check by field and by the kind of doubt its why names, split into
 * checks with a planted difference behind them and looks for nothing. Which doubt to settle next is read
 * off it (test seeds included, as it shows no document), so each kind is pinned on the review's own words.
 */
describe('review bench: what each check doubted', () => {
  const loa = { authorized_person: fv('Jane Smith') };

  it('an unsure carrier reading that differs is a low-confidence doubt', () => {
    const got = run({ loa, csr: { authorized_person: fv('Omar Haddad', 0.3) } });
    expect(got.checks.map((c) => doubtKind(c.why))).toEqual(['low OCR confidence']);
  });

  it('the invoice backing the LOA against an unsure CSR is a disagreement of the carrier documents', () => {
    const got = run({
      loa,
      invoice: { authorized_person: fv('Jane Smith', 0.9) },
      csr: { authorized_person: fv('Omar Haddad', 0.5) },
    });
    expect(got.checks.map((c) => doubtKind(c.why))).toEqual(['invoice and csr disagree']);
  });

  it('the first doubt names the kind; wordings of each kind are told apart', () => {
    expect(doubtKind('"Smith" on the CSR is only some of the words of "Jane Smith" (the rest wrapped?); x')).toBe(
      'cut short',
    );
    expect(doubtKind("The PINs seem to differ, but the LOA's PIN is written elsewhere on the CSR")).toBe(
      'another candidate on the page',
    );
    expect(doubtKind('A PIN was read on the scanned CSR, but not under its PIN label (it may be another code)')).toBe(
      'not under its label',
    );
    expect(doubtKind("The PINs seem to differ, but the scanned CSR's PIN was read under no PIN label of it")).toBe(
      'not under its label',
    );
    expect(doubtKind('No service address was read on the LOA, but 1 Main St appears on it.')).toBe('side not read');
    expect(doubtKind("The PINs seem to differ, but the CSR's was read with low confidence; compare them")).toBe(
      'low OCR confidence',
    );
  });

  it('checks split into those on a planted difference and looks for nothing, per field and kind', () => {
    const agg = checksByWhy([
      { checkKinds: [{ field: 'pin', kind: 'low OCR confidence', planted: true }] },
      {
        checkKinds: [
          { field: 'pin', kind: 'low OCR confidence', planted: false },
          { field: 'btn', kind: 'cut short', planted: false },
        ],
      },
      { checkKinds: [] },
    ]);
    expect(agg).toEqual({
      on_planted_difference: 1,
      on_no_difference: 2,
      cases_with_a_look_for_nothing: 1,
      planted: { 'pin: low OCR confidence': 1 },
      no_difference: { 'pin: low OCR confidence': 1, 'btn: cut short': 1 },
    });
  });
});
