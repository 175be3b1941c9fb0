import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openCore, type Core } from '../../electron/core/index.js';
import { tempDir } from '../helpers/tmp.js';
import { toReview } from './review-fixtures.js';

/**
 * The line-type rules the send gate applies (a wireless number needs the carrier's transfer PIN,
 * obtained recently enough) are predicted by the review too: counted in the queue, refusing Mark
 * ready — on a real core (SQLite in a temp folder).
 */

const DAY_MS = 86_400_000;
let now = new Date(2025, 2, 5, 12, 0, 0).getTime();
let core: Core;
beforeEach(() => {
  now = new Date(2025, 2, 5, 12, 0, 0).getTime();
  core = openCore({
    dataDir: tempDir('portdesk-review-line-rules-'),
    hostKind: 'loopback',
    actor: 'tester',
    now: () => new Date(now),
  });
});
afterEach(async () => {
  await core.close();
});

const pinRejections = async (caseId: number) =>
  (await core.call('review.compare', { caseId })).predicted_rejections.filter((p) => p.code === 'PASSCODE_PIN_INVALID');
const queueBlockers = async (caseId: number) => {
  await core.services.freshness.idle();
  return (await core.call('cases.list', {})).rows.find((r) => r.id === caseId)!.blockers;
};

describe('the review predicts the line-type rules of the send gate', () => {
  it('a wireless number without a transfer PIN, or with one older than the carrier allows, blocks Ready and counts in the queue', async () => {
    const c = await core.call('cases.create', {
      fields: { entity_name: 'Lakeview Dental', losing_carrier: 'Verizon Wireless' },
      numbersText: '(312) 555-0148',
    });
    const version = await toReview(core, c.id);
    expect(await pinRejections(c.id)).toEqual([]);
    expect(await queueBlockers(c.id)).toBe(0);

    // the customer says it is a mobile line: Verizon's transfer PIN applies, and the case has none
    const view = await core.call('channel.setLineType', {
      caseId: c.id,
      number: '312-555-0148',
      line_type: 'wireless',
    });
    expect(view.gate.allowed).toBe(false);
    const [noPin, ...more] = await pinRejections(c.id);
    expect(more).toEqual([]);
    expect(noPin).toMatchObject({
      level: 'blocker',
      field: 'pin',
      sources: ['case'],
      reason: expect.stringMatching(/Verizon requires a transfer PIN for wireless numbers, and the case has none/),
      action: expect.stringMatching(/Enter it on the case \(PIN field\)/),
    });
    expect(await queueBlockers(c.id)).toBe(1);
    const review = await core.call('review.compare', { caseId: c.id });
    expect(review.ready).toMatchObject({
      can_mark_ready: false,
      refusal: expect.stringContaining('PASSCODE_PIN_INVALID'),
    });
    await expect(core.call('review.markReady', { caseId: c.id, version })).rejects.toMatchObject({
      code: 'BLOCKED',
      message: expect.stringContaining('PASSCODE_PIN_INVALID'),
    });
    await expect(core.call('cases.setStatus', { id: c.id, version, status: 'ready' })).rejects.toMatchObject({
      code: 'BLOCKED',
      message: expect.stringContaining('PASSCODE_PIN_INVALID'),
    });
    expect(await core.call('cases.get', { id: c.id })).toMatchObject({ status: 'review', version });

    // a PIN obtained 8 days ago is past Verizon's 7 days: still a blocker, saying so
    now -= 8 * DAY_MS;
    let v = (await core.call('cases.update', { id: c.id, version, pin: '5521' })).version;
    now += 8 * DAY_MS;
    const [stale] = await pinRejections(c.id);
    expect(stale?.reason).toMatch(/entered 8 days ago; Verizon transfer PINs are valid for 7 days/);
    expect(stale?.action).toMatch(/Ask the customer for a new transfer PIN/);
    expect(await queueBlockers(c.id)).toBe(1);

    // a fresh PIN clears it in the review, the queue and the gate alike
    v = (await core.call('cases.update', { id: c.id, version: v, pin: '7730' })).version;
    expect(await pinRejections(c.id)).toEqual([]);
    expect(await queueBlockers(c.id)).toBe(0);
    expect((await core.call('channel.get', { caseId: c.id })).gate.allowed).toBe(true);
  });

  it('a wireline number needs no transfer PIN', async () => {
    const c = await core.call('cases.create', {
      fields: { entity_name: 'Lakeview Dental', losing_carrier: 'Verizon Wireless' },
      numbersText: '(312) 555-0148',
    });
    await core.call('channel.setLineType', { caseId: c.id, number: '312-555-0148', line_type: 'wireline' });
    expect(await pinRejections(c.id)).toEqual([]);
  });
});
