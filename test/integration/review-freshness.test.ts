import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { AnyEvent } from '../../shared/contract/events.js';
import { openCore, type Core } from '../../electron/core/index.js';
import { tempDir } from '../helpers/tmp.js';
import { caseWithDocs, reviewDocs } from './review-fixtures.js';

process.env.PORTDESK_OCR_WORKERS = '1';

const DATES = { loaDate: '2025-03-01', invoiceDate: '2025-02-20', csrDate: '2025-02-25' };
let clock = new Date(2025, 2, 5, 12, 0, 0);
const cores: Core[] = [];
function open(dataDir: string): Core {
  const core = openCore({ dataDir, hostKind: 'loopback', actor: 'tester', now: () => clock });
  cores.push(core);
  return core;
}
afterEach(async () => {
  for (const c of cores.splice(0)) await c.close();
  clock = new Date(2025, 2, 5, 12, 0, 0);
});

async function queueBlockers(core: Core, caseId: number): Promise<number> {
  return (await core.call('cases.list', {})).rows.find((r) => r.id === caseId)!.blockers;
}

/** The documents' bytes are gone from disk: any re-reading would fail or fire progress events. */
function forbidReading(core: Core): AnyEvent[] {
  fs.rmSync(path.join(core.ctx.dataDir, 'documents'), { recursive: true, force: true });
  const seen: AnyEvent[] = [];
  core.events.subscribe((e) => {
    if (e.name === 'jobs.progress') seen.push(e);
  });
  return seen;
}

describe('queue blocker counts', () => {
  it('follow case edits and field corrections without anyone opening the review or reading documents again', async () => {
    const core = open(tempDir('portdesk-review-fresh-'));
    const { caseId, docIds } = await caseWithDocs(core, await reviewDocs(DATES));
    const fresh = core.services.freshness;
    await fresh.idle();
    // the documents finished reading: the case was compared on its own
    expect(await queueBlockers(core, caseId)).toBe(0);
    const progress = forbidReading(core);
    const changed: number[][] = [];
    core.events.subscribe((e) => {
      if (e.name === 'cases.changed' && e.payload.reason === 'review-blockers') changed.push(e.payload.ids);
    });

    // a wrong account number typed on the case: the carrier would reject it
    let rec = await core.call('cases.get', { id: caseId });
    rec = await core.call('cases.update', {
      id: caseId,
      version: rec.version,
      fields: { account_number: '831000441779' },
    });
    await fresh.idle();
    expect(await queueBlockers(core, caseId)).toBe(1);
    expect(changed).toEqual([[caseId]]);

    // the LOA's suite corrected to a wrong one: a second blocker
    await core.call('documents.correctField', {
      id: docIds.loa!,
      field: 'service_address',
      value: {
        street_line: '1200 W Madison St',
        unit: 'Suite 210',
        city: 'Chicago',
        state: 'IL',
        zip5: '60607',
        zip4: '',
      },
    });
    await fresh.idle();
    expect(await queueBlockers(core, caseId)).toBe(2);

    // the case fixed: back to one
    rec = await core.call('cases.update', {
      id: caseId,
      version: rec.version,
      fields: { account_number: '831000441770' },
    });
    await fresh.idle();
    expect(await queueBlockers(core, caseId)).toBe(1);

    expect(progress).toEqual([]);
    expect((await core.call('documents.list', { caseId })).map((d) => d.status)).toEqual(['ready', 'ready', 'ready']);
    // the count is what a full review says
    expect((await core.call('review.compare', { caseId })).counts.blockers).toBe(1);
  });

  it('catch up with time: an invoice that aged past its limit counts as a blocker after the next start', async () => {
    const dataDir = tempDir('portdesk-review-age-');
    let core = open(dataDir);
    const { caseId } = await caseWithDocs(core, await reviewDocs(DATES));
    await core.services.freshness.idle();
    expect(await queueBlockers(core, caseId)).toBe(0);
    await core.close();

    clock = new Date(2025, 2, 30, 9, 0, 0); // the invoice of Feb 20 is now 38 days old
    core = open(dataDir);
    forbidReading(core);
    await core.services.freshness.idle();
    expect(await queueBlockers(core, caseId)).toBe(1);
    expect((await core.call('review.compare', { caseId })).predicted_rejections.map((p) => p.code)).toEqual([
      'INVOICE_TOO_OLD',
    ]);
  });

  it('are not recomputed for changes that cannot move them', async () => {
    const core = open(tempDir('portdesk-review-quiet-'));
    const { caseId } = await caseWithDocs(core, await reviewDocs(DATES));
    const fresh = core.services.freshness;
    await fresh.idle();
    const before = fresh.computed;
    const rec = await core.call('cases.get', { id: caseId });
    await core.call('cases.setStatus', { id: caseId, version: rec.version, status: 'documents' });
    await core.call('cases.markSeen', { id: caseId });
    await fresh.idle();
    expect(fresh.computed).toBe(before);
  });

  it('are recomputed on a status move by hand of a case a carrier has rejected (sent again, its rejection lets go)', async () => {
    const core = open(tempDir('portdesk-review-rejected-'));
    await core.call('cases.loadSamples', {});
    // the samples' documents are read in the background: each read recomputes its case
    await core.services.documents.idle();
    const fresh = core.services.freshness;
    await fresh.idle();
    const rejected = (await core.call('cases.list', { status: ['exception'] })).rows[0]!;
    const other = (await core.call('cases.list', { status: ['submitted'] })).rows[0]!;
    const before = fresh.computed;
    await core.call('cases.setStatus', {
      id: other.id,
      version: (await core.call('cases.get', { id: other.id })).version,
      status: 'exception',
    });
    await fresh.idle();
    expect(fresh.computed).toBe(before);
    await core.call('cases.setStatus', {
      id: rejected.id,
      version: (await core.call('cases.get', { id: rejected.id })).version,
      status: 'review',
    });
    await fresh.idle();
    expect(fresh.computed).toBe(before + 1);
  }, 60_000);
});
