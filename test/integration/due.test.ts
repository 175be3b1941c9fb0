import { afterEach, describe, expect, it } from 'vitest';
import { main } from '../../electron/cli/main.js';
import { openCore, type Core } from '../../electron/core/index.js';
import type { DueItem } from '../../shared/contract/due.js';
import { tempDir } from '../helpers/tmp.js';
import { NORTHWIND, readyCase, textPdfBase64, waitFor } from './porting-helpers.js';
import { openWithSimulator, simulatorOf } from './sim-helpers.js';

/**
 * The Due list over a real SQLite file: what a specialist must act on and when, the same list for
 * the view and `portdesk due`, notifications shown once, and a stalled order after a real submit
 * to the simulator over HTTP.
 */

const cores: Core[] = [];
afterEach(async () => {
  for (const c of cores.splice(0)) await c.close();
});

/** Tuesday 10 March 2026, noon local time. */
const TODAY = '2026-03-10';
const NOW = () => new Date(2026, 2, 10, 12, 0, 0);

function open(dataDir = tempDir(), notify?: (n: { title: string; body: string; caseId: number }) => void): Core {
  const core = openCore({
    dataDir,
    hostKind: 'electron',
    actor: 'maria',
    now: NOW,
    hostServices: notify ? { notify } : {},
  });
  cores.push(core);
  return core;
}

async function withFoc(core: Core, name: string, foc: string | null, status?: 'foc-confirmed') {
  const c = await core.call('cases.create', {
    fields: { entity_name: name, foc_date: foc },
    numbersText: '3125550147',
  });
  if (!status) return c.id;
  let v = c.version;
  for (const s of ['documents', 'review'] as const)
    v = (await core.call('cases.setStatus', { id: c.id, version: v, status: s, reason: 'test' })).version;
  // no document read: nothing could be checked, so Ready takes a written override reason
  v = (
    await core.call('review.markReady', { caseId: c.id, version: v, overrideReason: 'Test set-up: no papers needed.' })
  ).case.version;
  for (const s of ['submitted', 'foc-confirmed'] as const)
    v = (await core.call('cases.setStatus', { id: c.id, version: v, status: s, reason: 'test' })).version;
  return c.id;
}

/** A case with an LOA and an invoice read from real PDFs, their dates set as a specialist corrects them. */
async function withDocuments(core: Core, name: string, dates: { loa: string; invoice: string }, carrier = '') {
  const c = await core.call('cases.create', {
    fields: { entity_name: name, losing_carrier: carrier },
    numbersText: '4155550100',
  });
  for (const kind of ['loa', 'invoice'] as const) {
    const d = await core.call('documents.attach', {
      caseId: c.id,
      name: `${kind}.pdf`,
      dataBase64: await textPdfBase64([kind === 'loa' ? 'LETTER OF AUTHORIZATION' : 'INVOICE', name]),
    });
    await core.call('documents.setKind', { id: d.id, kind });
    await waitFor(
      () => core.call('documents.get', { id: d.id }),
      (x) => x.status === 'ready',
    );
    await core.call('documents.correctField', { id: d.id, field: 'document_date', value: dates[kind] });
  }
  return c.id;
}

const summary = (items: DueItem[]) => items.map((i) => [i.kind, i.entity_name, i.urgency, i.date]);

describe('what is due', () => {
  it('lists FOCs today and tomorrow, not later ones, and a passed FOC only while the case waits on it', async () => {
    const core = open();
    await withFoc(core, 'Today Co', TODAY);
    await withFoc(core, 'Tomorrow Co', '2026-03-11');
    await withFoc(core, 'Next Week Co', '2026-03-17');
    await withFoc(core, 'No Foc Co', null);
    await withFoc(core, 'Old Intake Co', '2026-03-01');
    await withFoc(core, 'Not Yet Ported Co', '2026-03-06', 'foc-confirmed');
    const list = await core.call('due.list', {});
    expect(list.as_of).toBe(TODAY);
    expect(summary(list.items)).toEqual([
      ['foc', 'Not Yet Ported Co', 'overdue', '2026-03-06'],
      ['foc', 'Today Co', 'today', TODAY],
      ['foc', 'Tomorrow Co', 'soon', '2026-03-11'],
    ]);
    expect(list.items[0]!.title).toBe('FOC passed 4 day(s) ago (2026-03-06)');
    expect(list.items[2]!.title).toMatch(/FOC tomorrow/);

    // the threshold is a setting: three days ahead reaches nothing more; a week ahead reaches next Tuesday
    await core.call('due.setSettings', { focDaysAhead: 7, ageWarnDays: 7, stalledBusinessDays: 7, notify: true });
    expect((await core.call('due.list', {})).items.map((i) => i.entity_name)).toEqual([
      'Not Yet Ported Co',
      'Today Co',
      'Tomorrow Co',
      'Next Week Co',
    ]);
    // and the change is in the audit trail
    const audit = await core.call('audit.list', {});
    expect(audit.entries.find((e) => e.kind === 'settings')?.detail).toMatch(/"focDaysAhead":1.*→.*"focDaysAhead":7/);
  });

  it('warns before an LOA or invoice passes its age limit, using the carrier limits of the review', async () => {
    const core = open();
    // default limits are 30 days: an LOA from 25 days ago has 5 days left; an invoice from 40 days ago is overdue
    await withDocuments(core, 'Aging Docs LLC', { loa: '2026-02-13', invoice: '2026-01-29' });
    await withDocuments(core, 'Fresh Docs LLC', { loa: '2026-03-09', invoice: '2026-03-01' });
    const items = (await core.call('due.list', {})).items;
    expect(summary(items)).toEqual([
      ['invoice_age', 'Aging Docs LLC', 'overdue', '2026-02-28'],
      ['loa_age', 'Aging Docs LLC', 'soon', '2026-03-15'],
    ]);
    expect(items[1]!.title).toBe('LOA reaches its age limit in 5 day(s)');
    expect(items[1]!.detail).toMatch(/dated 2026-02-13, 30-day limit/);

    // a carrier allowed 90 days for its LOA (Telnyx): that LOA is no longer close to its limit
    await core.call('review.setSettings', {
      defaults: { invoiceMaxAgeDays: 30, loaMaxAgeDays: 30 },
      carriers: [{ carrier: 'Telnyx', loaMaxAgeDays: 90 }],
    });
    await withDocuments(core, 'Telnyx Customer', { loa: '2026-01-01', invoice: '2026-03-01' }, 'Telnyx');
    const names = (await core.call('due.list', {})).items.map((i) => `${i.kind} ${i.entity_name}`);
    expect(names).not.toContain('loa_age Telnyx Customer');
  });

  it('lists readings waiting on the specialist from the review, and nothing for a ported or cancelled case', async () => {
    const core = open();
    const id = await withFoc(core, 'Checks Co', null);
    core.ctx.cases.touch(id, { checks: 2 });
    const gone = await withFoc(core, 'Cancelled Co', TODAY);
    const rec = await core.call('cases.get', { id: gone });
    await core.call('cases.setStatus', { id: gone, version: rec.version, status: 'cancelled', reason: 'test' });
    expect(summary((await core.call('due.list', {})).items)).toEqual([['checks', 'Checks Co', 'soon', null]]);
  });

  it('lists a case back from the carrier first: its rejection, the fix, overdue once a business day has passed, gone once sent again', async () => {
    // a clock that moves, as the specialist's does between the rejection and the fix
    let now = NOW();
    const core = openCore({ dataDir: tempDir(), hostKind: 'electron', actor: 'maria', now: () => now });
    cores.push(core);
    // the sample in Exception: sent by ticket, rejected by e-mail two days ago (Sunday 8 March)
    await core.call('cases.loadSamples', {});
    await core.services.documents.idle();
    now = new Date(now.getTime() + 10 * 60_000);
    const items = (await core.call('due.list', {})).items;
    const rejected = items.filter((i) => i.kind === 'rejected');
    expect(rejected).toHaveLength(1);
    expect(rejected[0]).toMatchObject({
      entity_name: 'Quantum Legal Partners LLP',
      urgency: 'overdue',
      date: '2026-03-08',
      title: 'Rejected 2026-03-08: ACCOUNT_NUMBER_MISMATCH',
    });
    expect(rejected[0]!.detail).toMatch(/^Account number mismatch: .*account number/);
    expect(items[0]!.kind).toBe('rejected');

    // fixed and sent again by ticket: no longer due
    const id = rejected[0]!.case_id;
    const rec = await core.call('cases.get', { id });
    await core.call('cases.update', { id, version: rec.version, fields: { account_number: 'AIR-PO-448120' } });
    await core.call('channel.moveManual', { caseId: id, status: 'submitted', on: TODAY });
    expect((await core.call('due.list', {})).items.filter((i) => i.kind === 'rejected')).toEqual([]);
  });

  it("notifies each item once, even across restarts, and never the specialist's own checks", async () => {
    const dir = tempDir();
    const shown: { title: string; caseId: number }[] = [];
    const first = open(dir, (n) => shown.push(n));
    const id = await withFoc(first, 'Foc Tomorrow Inc', '2026-03-11');
    first.ctx.cases.touch(await withFoc(first, 'Checks Only', null), { checks: 1 });
    expect(first.services.due.check()).toBe(1);
    expect(shown).toEqual([
      { title: 'Foc Tomorrow Inc: FOC tomorrow (2026-03-11)', body: expect.any(String), caseId: id },
    ]);
    expect(first.services.due.check()).toBe(0);
    await first.close();

    const again = open(dir, (n) => shown.push(n));
    expect(again.services.due.check()).toBe(0);
    const list = await again.call('due.list', {});
    expect(list.items.find((i) => i.kind === 'foc')?.notified).toBe(true);
    // a new FOC date is a new fact: notified again
    const rec = await again.call('cases.get', { id });
    await again.call('cases.update', { id, version: rec.version, fields: { foc_date: TODAY } });
    expect(again.services.due.check()).toBe(1);
    expect(shown.at(-1)!.title).toMatch(/FOC today/);
    expect(shown).toHaveLength(2);
  });

  it('turns many new items at once into one notification that opens the Due view', async () => {
    const shown: { title: string; body: string; caseId: number | null }[] = [];
    const core = open(tempDir(), (n) => shown.push(n));
    for (const name of ['A Co', 'B Co', 'C Co', 'D Co', 'E Co']) await withFoc(core, name, TODAY);
    expect(core.services.due.check()).toBe(1);
    expect(shown).toHaveLength(1);
    expect(shown[0]).toMatchObject({ title: '5 new items due (5 today or overdue)', caseId: null });
    expect(shown[0]!.body.split('\n')).toEqual([
      'A Co: FOC today (2026-03-10)',
      'B Co: FOC today (2026-03-10)',
      'C Co: FOC today (2026-03-10)',
      'Open the Due list for the rest.',
    ]);
    expect((await core.call('due.list', {})).items.every((i) => i.notified)).toBe(true);
    // notifications off: nothing is shown, and nothing is marked (turning them on later shows what is new)
    await core.call('due.setSettings', { focDaysAhead: 1, ageWarnDays: 7, stalledBusinessDays: 7, notify: false });
    await withFoc(core, 'F Co', TODAY);
    expect(core.services.due.check()).toBe(0);
    expect((await core.call('due.list', {})).items.find((i) => i.entity_name === 'F Co')?.notified).toBe(false);
  });

  it('marks as notified only items that are due (the browser reports what it showed)', async () => {
    const core = open();
    await withFoc(core, 'Browser Co', TODAY);
    const [item] = (await core.call('due.list', {})).items;
    expect(await core.call('due.markNotified', { keys: [item!.key, 'foc:999:2026-01-01', item!.key] })).toEqual({
      marked: 1,
    });
    expect((await core.call('due.list', {})).items[0]!.notified).toBe(true);
  });

  it('forgets notified items long after they stopped being due, never one still due', async () => {
    const core = open();
    const id = await withFoc(core, 'Kept Co', '2026-03-11');
    const [item] = (await core.call('due.list', {})).items;
    await core.call('due.markNotified', { keys: [item!.key] });
    const stale = '2025-10-01T00:00:00.000Z';
    core.ctx.db.prepare('UPDATE due_notified SET notified_at = ?').run(stale);
    core.ctx.db
      .prepare('INSERT INTO due_notified (item_key, case_id, notified_at) VALUES (?, ?, ?)')
      .run(`foc:${id}:2025-09-30`, id, stale);
    await core.call('due.markNotified', { keys: [] });
    const keys = (core.ctx.db.prepare('SELECT item_key FROM due_notified').all() as { item_key: string }[]).map(
      (r) => r.item_key,
    );
    expect(keys).toEqual([item!.key]);
  });

  it('portdesk due prints the same list, as of any date, and refuses a bad date', async () => {
    const dir = tempDir();
    const core = open(dir);
    await withFoc(core, 'Cli Foc Co', '2026-04-02');
    const expected = await core.call('due.list', { asOf: '2026-04-01' });
    await core.close();

    const run = async (args: string[]) => {
      const out: string[] = [];
      const err: string[] = [];
      const code = await main(args, { out: (l) => out.push(l), err: (l) => err.push(l) });
      return { code, out: out.join('\n'), err: err.join('\n') };
    };
    const json = await run(['due', '--as-of', '2026-04-01', '--json', '--data-dir', dir]);
    expect(json.code).toBe(0);
    const printed = JSON.parse(json.out) as { as_of: string; items: unknown[] };
    expect(printed.as_of).toBe('2026-04-01');
    expect(printed.items).toEqual(expected.items.map(({ notified: _n, ...rest }) => rest));
    expect(printed.items).toHaveLength(1);

    const text = await run(['due', '--as-of', '2026-04-02', '--data-dir', dir]);
    expect(text.out).toMatch(/1 item\(s\) due as of 2026-04-02/);
    expect(text.out).toMatch(/\[today\]\s+FOC\s+case \d+\s+Cli Foc Co\s+FOC today \(2026-04-02\)/);

    const bad = await run(['due', '--as-of', '04/02/2026', '--data-dir', dir]);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/--as-of takes a date as YYYY-MM-DD/);
  });
});

describe('an order the losing carrier does not move (simulator over HTTP)', () => {
  it("is due after N business days with the seed's escalation text, and the audit shows its API calls without secrets", async () => {
    const core = await openWithSimulator({
      dataDir: tempDir(),
      hostKind: 'loopback',
      actor: 'maria',
      porting: { timeoutMs: 5_000, simPollMs: 3_600_000 },
    });
    cores.push(core);
    const PIN = '902211';
    const c = await readyCase(core, NORTHWIND, '303.555.0170', {
      pin: PIN,
      csr: {
        account_name: 'Northwind Accounting',
        account_number: '400128833009',
        btn: '3035550170',
        carrier_name: 'Lumen',
        phone_numbers: ['3035550170'],
      },
    });
    const draft = await core.call('porting.createDraft', { caseId: c.id });
    const orderId = draft.view.orders[0]!.id;
    const { windows } = await core.call('porting.focWindows', { orderId });
    const foc = new Date(Date.parse(windows.at(-1)!.started_at) + 3_600_000).toISOString();
    const sent = await core.call('porting.submit', {
      caseId: c.id,
      orders: [{ orderId, foc_datetime_requested: foc }],
      settings: {
        misc: { type: 'full', remaining_numbers_action: null, new_billing_phone_number: null },
        configuration: {},
      },
    });
    expect(sent.state).toBe('done');
    const order = sent.view.orders[0]!;
    expect(order.status).toBe('in-process');

    const since = order.updated_at.slice(0, 10);
    const day = (n: number) => new Date(Date.parse(`${since}T12:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
    const stalledOn = async (asOf: string) =>
      (await core.call('due.list', { asOf })).items.filter((i) => i.kind === 'stalled');
    expect(await stalledOn(day(3))).toEqual([]);
    const after = await stalledOn(day(14)); // two calendar weeks: 10 business days
    expect(after).toHaveLength(1);
    expect(after[0]).toMatchObject({ case_id: c.id, urgency: 'soon', date: since });
    expect(after[0]!.title).toMatch(/no progress for 10 business days/);
    expect(after[0]!.detail).toMatch(/7–15 business days \(seed 002\)/);
    const late = await stalledOn(day(28));
    expect(late[0]!.urgency).toBe('overdue');
    expect(late[0]!.detail).toMatch(/Escalate/);

    // the audit lists the case's changes and every API call, and never the PIN or the API key
    const audit = await core.call('audit.list', { caseId: c.id, limit: 5000 });
    const api = audit.entries.filter((e) => e.kind === 'api');
    expect(api.map((e) => e.action)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^POST \/porting_orders → 201$/)]),
    );
    expect(audit.entries.some((e) => e.kind === 'change' && /pin: — → \(set\)|pin/.test(e.detail))).toBe(true);
    const all = JSON.stringify((await core.call('audit.list', {})).entries);
    expect(all).not.toContain(PIN);
    expect(all).not.toContain(simulatorOf(core).endpoint.apiKey);
  });
});
