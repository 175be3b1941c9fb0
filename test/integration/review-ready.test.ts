import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openCore, type Core } from '../../electron/core/index.js';
import { tempDir } from '../helpers/tmp.js';
import { caseWithDocs, reviewDocs, toReview } from './review-fixtures.js';

process.env.PORTDESK_OCR_WORKERS = '1';

const TODAY = new Date(2025, 2, 5, 12, 0, 0);
const DATES = { loaDate: '2025-03-01', invoiceDate: '2025-02-20', csrDate: '2025-02-25' };

let core: Core;
beforeEach(() => {
  core = openCore({
    dataDir: tempDir('portdesk-review-ready-'),
    hostKind: 'loopback',
    actor: 'tester',
    now: () => TODAY,
  });
});
afterEach(async () => {
  await core.close();
});

describe('marking a case ready', () => {
  it('is refused while a rejection is predicted, by review.markReady and by cases.setStatus alike', async () => {
    const { caseId } = await caseWithDocs(core, await reviewDocs({ ...DATES, loaUnit: 'Suite 210' }));
    const version = await toReview(core, caseId);
    const review = await core.call('review.compare', { caseId });
    expect(review.ready).toMatchObject({
      status: 'review',
      can_mark_ready: false,
      refusal: expect.stringContaining('LOCATION_MISMATCH (service address)'),
    });

    await expect(core.call('review.markReady', { caseId, version })).rejects.toMatchObject({
      code: 'BLOCKED',
      message: expect.stringMatching(
        /cannot be marked ready: 1 predicted rejection\. LOCATION_MISMATCH \(service address\): LOA .*STE 210.*override reason/,
      ),
    });
    await expect(
      core.call('cases.setStatus', { id: caseId, version, status: 'ready', reason: 'looks fine to me' }),
    ).rejects.toMatchObject({
      code: 'BLOCKED',
      details: {
        blockers: [
          expect.objectContaining({ code: 'LOCATION_MISMATCH', action: expect.stringContaining('address on file') }),
        ],
      },
    });
    // a reason too short to judge later is refused by the contract, with what to write
    await expect(
      core.call('review.markReady', { caseId, version, overrideReason: '  ok fine ' }),
    ).rejects.toMatchObject({
      code: 'BAD_INPUT',
      message: expect.stringContaining('at least 10 characters'),
    });
    const rec = await core.call('cases.get', { id: caseId });
    expect(rec).toMatchObject({ status: 'review', version });
    expect((await core.call('cases.history', { id: caseId }))[0]).toMatchObject({
      action: 'status',
      changes: [{ field: 'status', to: 'review' }],
    });
  });

  it('with no document read says nothing could be checked and is no all-clear: ready only by override', async () => {
    const c = await core.call('cases.create', { fields: { entity_name: 'Acme LLC' }, numbersText: '(312) 555-0147' });
    const version = await toReview(core, c.id);
    const review = await core.call('review.compare', { caseId: c.id });
    expect(review.predicted_rejections).toEqual([]);
    expect(review.banners.map((b) => b.kind)).toEqual(['nothing_checked']);
    expect(review.ready).toMatchObject({
      can_mark_ready: false,
      refusal: expect.stringContaining('Nothing could be checked: no LOA, invoice or CSR has been read'),
    });
    await expect(core.call('review.markReady', { caseId: c.id, version })).rejects.toMatchObject({
      code: 'BLOCKED',
      message: expect.stringContaining('missing: LOA, invoice, CSR'),
    });
    expect(await core.call('cases.get', { id: c.id })).toMatchObject({ status: 'review', version });
    // the generic status move obeys the same rule, and takes no override: even with a reason it is refused
    for (const reason of [undefined, 'looks fine to me'])
      await expect(
        core.call('cases.setStatus', { id: c.id, version, status: 'ready', ...(reason ? { reason } : {}) }),
      ).rejects.toMatchObject({
        code: 'BLOCKED',
        message: expect.stringContaining('Nothing could be checked: no LOA, invoice or CSR has been read'),
      });
    expect(await core.call('cases.get', { id: c.id })).toMatchObject({ status: 'review', version });
    expect((await core.call('cases.history', { id: c.id }))[0]).toMatchObject({ changes: [{ to: 'review' }] });
    const out = await core.call('review.markReady', {
      caseId: c.id,
      version,
      overrideReason: 'Customer is a re-port of an account we verified by phone today.',
    });
    expect(out.case.status).toBe('ready');
    expect(out.override).toMatchObject({ blockers: [] });
    expect((await core.call('cases.history', { id: c.id }))[0]?.note).toContain('nothing was checked');
  });

  it('is allowed with a written override reason, kept in the history and the overrides table', async () => {
    const { caseId } = await caseWithDocs(core, await reviewDocs({ ...DATES, loaUnit: 'Suite 210' }));
    const version = await toReview(core, caseId);
    const reason = 'Carrier confirmed by phone that suite 210 is on file since the move (ticket 4471).';
    const out = await core.call('review.markReady', { caseId, version, overrideReason: reason });
    expect(out.case).toMatchObject({ status: 'ready', version: version + 1 });
    expect(out.override).toMatchObject({
      actor: 'tester',
      reason,
      as_of: '2025-03-05',
      blockers: [expect.objectContaining({ code: 'LOCATION_MISMATCH', field: 'service_address' })],
    });
    expect(out.review.ready).toMatchObject({
      status: 'ready',
      can_mark_ready: false,
      refusal: 'The case is already Ready.',
    });

    const [entry] = await core.call('cases.history', { id: caseId });
    expect(entry).toMatchObject({
      action: 'status',
      actor: 'tester',
      changes: [{ field: 'status', from: 'review', to: 'ready' }],
    });
    expect(entry!.note).toContain(reason);
    expect(entry!.note).toContain('LOCATION_MISMATCH');

    // the override is there on the next review, and after a restart
    const dataDir = core.ctx.dataDir;
    await core.close();
    core = openCore({ dataDir, hostKind: 'loopback', actor: 'someone-else', now: () => TODAY });
    const later = await core.call('review.compare', { caseId });
    expect(later.overrides).toEqual([out.override]);
  });

  it('needs no reason when nothing blocks, through either path', async () => {
    const docs = await reviewDocs(DATES);
    const a = await caseWithDocs(core, docs);
    const va = await toReview(core, a.caseId);
    const review = await core.call('review.compare', { caseId: a.caseId });
    expect(review.predicted_rejections).toEqual([]);
    expect(review.ready).toEqual({ status: 'review', can_mark_ready: true, refusal: null });
    expect((await core.call('review.markReady', { caseId: a.caseId, version: va })).case.status).toBe('ready');

    const b = await caseWithDocs(core, docs);
    const vb = await toReview(core, b.caseId);
    expect((await core.call('cases.setStatus', { id: b.caseId, version: vb, status: 'ready' })).status).toBe('ready');
  });

  it('leaves lifecycle and version problems to their own messages', async () => {
    const { caseId } = await caseWithDocs(core, await reviewDocs({ ...DATES, loaUnit: 'Suite 210' }));
    // from intake, documents and review a case can be marked ready (it walks through Review); not once cancelled
    const open = await core.call('cases.get', { id: caseId });
    const v = (
      await core.call('cases.setStatus', {
        id: caseId,
        version: open.version,
        status: 'cancelled',
        reason: 'wrong case',
      })
    ).version;
    await expect(
      core.call('review.markReady', { caseId, version: v, overrideReason: 'customer insists, carrier confirmed' }),
    ).rejects.toMatchObject({ code: 'INVALID_TRANSITION', message: expect.stringContaining('review') });
    await expect(core.call('cases.setStatus', { id: caseId, version: v, status: 'ready' })).rejects.toMatchObject({
      code: 'INVALID_TRANSITION',
    });
    await core.call('cases.setStatus', { id: caseId, version: v, status: 'intake' });
    const version = await toReview(core, caseId);
    await expect(
      core.call('cases.setStatus', { id: caseId, version: version - 1, status: 'ready' }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
  });
});

describe('pre-submit checklist', () => {
  it('ticks only what PortDesk cannot verify, and records who ticked it', async () => {
    const { caseId } = await caseWithDocs(core, await reviewDocs(DATES));
    const review = await core.call('review.compare', { caseId });
    expect(review.checklist.find((i) => i.id === 'service_address')).toMatchObject({ state: 'done', auto: true });
    expect(review.checklist.find((i) => i.id === 'underlying_carrier')).toMatchObject({
      state: 'done',
      auto: true,
      note: 'AT&T is not a reseller.',
    });
    expect(review.checklist.find((i) => i.id === 'pin')).toMatchObject({ state: 'unknown', auto: false, ticked: null });

    const ticked = await core.call('review.checkItem', { caseId, item: 'pin', done: true });
    expect(ticked.checklist.find((i) => i.id === 'pin')).toMatchObject({
      state: 'done',
      auto: false,
      ticked: { actor: 'tester' },
    });
    expect((await core.call('cases.history', { id: caseId }))[0]).toMatchObject({
      action: 'checklist-ticked',
      note: 'Obtained the correct PIN/passcode',
    });
    await expect(core.call('review.checkItem', { caseId, item: 'service_address', done: true })).rejects.toMatchObject({
      code: 'BAD_INPUT',
      message: expect.stringContaining('from the documents'),
    });
    await expect(core.call('review.checkItem', { caseId, item: 'nope', done: true })).rejects.toMatchObject({
      code: 'BAD_INPUT',
    });
    const unticked = await core.call('review.checkItem', { caseId, item: 'pin', done: false });
    expect(unticked.checklist.find((i) => i.id === 'pin')).toMatchObject({ state: 'unknown', ticked: null });
  });
});
