import { afterEach, describe, expect, it } from 'vitest';
import { openCore, type Core } from '../../electron/core/index.js';
import { tempDir } from '../helpers/tmp.js';
import { caseWithDocs, reviewDocs } from './review-fixtures.js';

process.env.PORTDESK_OCR_WORKERS = '1';

// the invoice is 40 days old, the LOA 35: both over the 30-day defaults
const TODAY = new Date(2025, 3, 1, 12, 0, 0);
const DATES = { loaDate: '2025-02-25', invoiceDate: '2025-02-20', csrDate: '2025-03-20' };

const cores: Core[] = [];
function open(dataDir: string): Core {
  const core = openCore({ dataDir, hostKind: 'loopback', actor: 'tester', now: () => TODAY });
  cores.push(core);
  return core;
}
afterEach(async () => {
  for (const c of cores.splice(0)) await c.close();
});

const codes = async (core: Core, caseId: number) =>
  (await core.call('review.compare', { caseId })).predicted_rejections.map((p) => p.code).sort();

describe('review age limits', () => {
  it('default to 30 days for invoice and LOA, and a change of defaults changes the verdicts and the queue', async () => {
    const core = open(tempDir('portdesk-review-settings-'));
    expect(await core.call('review.settings', {})).toEqual({
      defaults: { invoiceMaxAgeDays: 30, loaMaxAgeDays: 30 },
      carriers: [],
      cases: [],
    });
    const { caseId } = await caseWithDocs(core, await reviewDocs(DATES));
    const before = await core.call('review.compare', { caseId });
    expect(before.predicted_rejections.map((p) => p.code).sort()).toEqual(['INVOICE_TOO_OLD', 'LOA_TOO_OLD']);
    expect(before.fields.invoice_date.reason).toContain('40 days old, over the 30-day limit');
    expect(before.limits).toEqual({ invoiceMaxAgeDays: 30, loaMaxAgeDays: 30, carrier: null });

    await core.call('review.setSettings', { defaults: { invoiceMaxAgeDays: 60, loaMaxAgeDays: 90 }, carriers: [] });
    await core.services.freshness.idle();
    expect((await core.call('cases.list', {})).rows[0]!.blockers).toBe(0);
    const after = await core.call('review.compare', { caseId });
    expect(after.fields.invoice_date).toMatchObject({
      verdict: 'match',
      reason: expect.stringContaining('within the 60-day limit'),
    });
    expect(after.fields.loa_date.reason).toContain('within the 90-day limit');
  });

  it("take a per-carrier setting for the case's losing carrier, however the carrier is written", async () => {
    const dataDir = tempDir('portdesk-review-carrier-');
    let core = open(dataDir);
    const { caseId } = await caseWithDocs(core, await reviewDocs(DATES), { losing_carrier: 'AT and T' });
    const saved = await core.call('review.setSettings', {
      defaults: { invoiceMaxAgeDays: 30, loaMaxAgeDays: 30 },
      carriers: [
        { carrier: 'Verizon', invoiceMaxAgeDays: 90 },
        { carrier: 'ATT', invoiceMaxAgeDays: 45 },
      ],
    });
    expect(saved.carriers).toHaveLength(2);
    const r = await core.call('review.compare', { caseId });
    expect(r.limits).toEqual({ invoiceMaxAgeDays: 45, loaMaxAgeDays: 30, carrier: 'ATT' });
    expect(await codes(core, caseId)).toEqual(['LOA_TOO_OLD']);

    // kept across a restart
    await core.close();
    core = open(dataDir);
    expect((await core.call('review.settings', {})).carriers.map((c) => c.carrier)).toEqual(['Verizon', 'ATT']);
    expect(await codes(core, caseId)).toEqual(['LOA_TOO_OLD']);
  });

  it('refuse nonsense with a reason and keep what was saved', async () => {
    const core = open(tempDir('portdesk-review-bad-'));
    const good = {
      defaults: { invoiceMaxAgeDays: 45, loaMaxAgeDays: 60 },
      carriers: [{ carrier: 'Lumen', loaMaxAgeDays: 90 }],
    };
    await core.call('review.setSettings', good);
    await expect(
      core.call('review.setSettings', { defaults: { invoiceMaxAgeDays: 0, loaMaxAgeDays: 30 }, carriers: [] }),
    ).rejects.toMatchObject({ code: 'BAD_INPUT', message: expect.stringContaining('at least 1 day') });
    await expect(
      core.call('review.setSettings', {
        ...good,
        carriers: [
          { carrier: 'CenturyLink', loaMaxAgeDays: 30 },
          { carrier: 'Lumen', loaMaxAgeDays: 90 },
        ],
      }),
    ).rejects.toMatchObject({ code: 'BAD_INPUT', message: expect.stringContaining('name the same carrier') });
    expect(await core.call('review.settings', {})).toEqual({ ...good, cases: [] });
  });

  it("take a case's own limits over its carrier's and the defaults, for that case only", async () => {
    const core = open(tempDir('portdesk-review-case-'));
    const docs = await reviewDocs(DATES);
    const { caseId } = await caseWithDocs(core, docs, { losing_carrier: 'AT&T' });
    const { caseId: other } = await caseWithDocs(core, docs, { losing_carrier: 'AT&T' });
    await core.call('review.setSettings', {
      defaults: { invoiceMaxAgeDays: 30, loaMaxAgeDays: 30 },
      carriers: [{ carrier: 'AT&T', invoiceMaxAgeDays: 45 }],
      cases: [{ caseId, invoiceMaxAgeDays: 60, loaMaxAgeDays: 60 }],
    });
    expect((await core.call('review.compare', { caseId })).limits).toEqual({
      invoiceMaxAgeDays: 60,
      loaMaxAgeDays: 60,
      carrier: 'AT&T',
      case: true,
    });
    expect(await codes(core, caseId)).toEqual([]);
    // the other AT&T case keeps the carrier's limit and the default
    expect((await core.call('review.compare', { caseId: other })).limits).toEqual({
      invoiceMaxAgeDays: 45,
      loaMaxAgeDays: 30,
      carrier: 'AT&T',
    });
    expect(await codes(core, other)).toEqual(['LOA_TOO_OLD']);
    await expect(
      core.call('review.setSettings', {
        defaults: { invoiceMaxAgeDays: 30, loaMaxAgeDays: 30 },
        carriers: [],
        cases: [
          { caseId, loaMaxAgeDays: 60 },
          { caseId, invoiceMaxAgeDays: 60 },
        ],
      }),
    ).rejects.toMatchObject({ code: 'BAD_INPUT', message: expect.stringContaining(`Case ${caseId} has two entries`) });
  });
});
