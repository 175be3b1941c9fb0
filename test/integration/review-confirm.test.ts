import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openCore, type Core } from '../../electron/core/index.js';
import { caseWithDocs, reviewDocs, toReview } from './review-fixtures.js';

process.env.PORTDESK_OCR_WORKERS = '1';

/*
 * One look per doubt, over the real core and SQLite: a CSR reading the machine was unsure of makes
 * a check (not a blocker); the specialist confirms which reading is right; the verdict follows at
 * once, the queue's count follows, and the case history says who confirmed what.
 */

let dir: string;
let core: Core;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'portdesk-review-confirm-'));
  core = openCore({ dataDir: dir, hostKind: 'loopback', actor: 'tester' });
});
afterEach(async () => {
  await core.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const today = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

/**
 * Lakeview Dental with its documents read: the CSR says suite 210, the LOA and the invoice suite 200,
 * and the CSR's address was read with low confidence (as a poor scan leaves it).
 */
async function caseWithUnsureCsr(csrUnit: string) {
  const docs = await reviewDocs({
    loaDate: today(),
    invoiceDate: today(),
    loaUnit: 'Suite 200',
    invoiceUnit: 'Suite 200',
    csrUnit,
  });
  const { caseId, docIds } = await caseWithDocs(core, docs, { entity_name: 'Lakeview Dental Group LLC' });
  await toReview(core, caseId);
  const repo = core.services.documents.repo;
  const csrId = docIds.csr!;
  const stored = Object.fromEntries(
    repo.fields(csrId).map((f) => [f.field, { value: f.value, confidence: f.confidence, page: f.page, bbox: f.bbox }]),
  );
  // as a poor scan leaves it: the suite read differently, with low confidence
  stored.service_address = {
    ...stored.service_address!,
    value: { street_line: '1200 W MADISON ST', unit: csrUnit, city: 'CHICAGO', state: 'IL', zip5: '60607', zip4: '' },
    confidence: 0.55,
  };
  repo.saveExtracted(csrId, stored as never, 'tester');
  return { caseId, csrId };
}

describe('review.confirmReading', () => {
  it('an unsure CSR reading is a check, not a blocker; confirming the CSR as read makes it a certain mismatch, in the history', async () => {
    const { caseId } = await caseWithUnsureCsr('STE 210');
    const before = await core.call('review.compare', { caseId });
    // the invoice agrees with the LOA against the CSR's unsure reading: nobody can tell which is right
    expect(before.fields.service_address.verdict).toBe('check');
    expect(before.checks.map((c) => c.field)).toEqual(['service_address']);
    expect(before.checks[0]!.candidates.csr?.[0]?.value).toMatch(/STE 210/);
    expect(before.predicted_rejections.map((p) => p.code)).not.toContain('LOCATION_MISMATCH');
    expect((await core.call('cases.get', { id: caseId })).blockers).toBe(0);

    const after = await core.call('review.confirmReading', {
      caseId,
      field: 'service_address',
      source: 'csr',
      value: '1200 W MADISON ST STE 210, CHICAGO, IL 60607',
    });
    expect(after.fields.service_address.verdict).toBe('mismatch');
    expect(after.checks).toEqual([]);
    expect(after.predicted_rejections.map((p) => p.code)).toContain('LOCATION_MISMATCH');
    expect((await core.call('cases.get', { id: caseId })).blockers).toBe(after.counts.blockers);

    const [entry] = await core.call('cases.history', { id: caseId });
    expect(entry).toMatchObject({ actor: 'tester', action: 'review-reading-confirmed' });
    expect(entry!.changes[0]).toMatchObject({ field: 'CSR service address', to: expect.stringMatching(/STE 210/) });
  });

  it("saying the CSR shows the LOA's value turns the check into a match", async () => {
    const { caseId } = await caseWithUnsureCsr('STE 210');
    const r = await core.call('review.confirmReading', {
      caseId,
      field: 'service_address',
      source: 'csr',
      value: '1200 W Madison St Suite 200, Chicago, IL 60607',
    });
    expect(['match', 'equivalent']).toContain(r.fields.service_address.verdict);
    expect(r.checks).toEqual([]);
    expect(r.predicted_rejections.map((p) => p.code)).not.toContain('LOCATION_MISMATCH');
  });

  it('refuses a reading it cannot store, and a document the case does not have, changing nothing', async () => {
    const { caseId } = await caseWithUnsureCsr('STE 210');
    const historyBefore = (await core.call('cases.history', { id: caseId })).length;
    await expect(
      core.call('review.confirmReading', { caseId, field: 'phone_numbers', source: 'csr', value: '312-555-01' }),
    ).rejects.toThrow(/not a phone number/);
    await expect(
      core.call('review.confirmReading', { caseId, field: 'loa_date', source: 'csr', value: '2026-01-01' }),
    ).rejects.toThrow('The LOA date is read from the LOA only.');
    const bare = await core.call('cases.create', { fields: {}, numbersText: '' });
    await expect(
      core.call('review.confirmReading', { caseId: bare.id, field: 'account_number', source: 'csr', value: '1' }),
    ).rejects.toThrow(/no read CSR/);
    // a field named by an acronym keeps it inside the sentence
    await expect(
      core.call('review.confirmReading', { caseId: bare.id, field: 'btn', source: 'csr', value: '3125550147' }),
    ).rejects.toThrow('no read CSR to confirm the BTN on');
    expect((await core.call('cases.history', { id: caseId })).length).toBe(historyBefore);
  });
});
