import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { NORTHWIND, readyCase } from '../integration/porting-helpers.js';
import { openWithSimulator } from '../integration/sim-helpers.js';
import { round, summarize, time } from './stats.js';

/**
 * Porting against the in-process simulator over real HTTP: how long a specialist waits for the
 * check, the draft and the submit (upload LOA + invoice, update, confirm), and how long one tracking
 * poll of every open order takes.
 */
export async function bench(): Promise<object> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'portdesk-porting-bench-'));
  const core = await openWithSimulator({
    dataDir,
    hostKind: 'loopback',
    actor: 'bench',
    porting: { simPollMs: 3_600_000 },
  });
  const cases = 20;
  const check: number[] = [];
  const draft: number[] = [];
  const submit: number[] = [];
  let orders = 0;
  try {
    for (let i = 0; i < cases; i++) {
      const base = 5550100 + i * 3;
      const c = await readyCase(
        core,
        { ...NORTHWIND, entity_name: `Bench ${i}`, losing_carrier: 'Lumen' },
        `303${base}\n303${base + 1}\n800${base}`,
      );
      check.push(await time(() => core.call('porting.check', { caseId: c.id })));
      let ids: string[] = [];
      draft.push(
        await time(async () => {
          ids = (await core.call('porting.createDraft', { caseId: c.id })).view.orders.map((o) => o.id);
        }),
      );
      orders += ids.length;
      const picks = await Promise.all(
        ids.map(async (orderId) => {
          const w = (await core.call('porting.focWindows', { orderId })).windows[0]!;
          return { orderId, foc_datetime_requested: new Date(Date.parse(w.started_at) + 3_600_000).toISOString() };
        }),
      );
      submit.push(
        await time(() =>
          core.call('porting.submit', {
            caseId: c.id,
            orders: picks,
            settings: {
              misc: { type: 'full', remaining_numbers_action: null, new_billing_phone_number: null },
              configuration: {},
            },
          }),
        ),
      );
    }
    const poll: number[] = [];
    for (let i = 0; i < 5; i++) poll.push(await time(() => core.call('porting.refresh', {})));
    const sub = summarize(submit);
    return {
      cases,
      orders,
      check: summarize(check),
      draft: summarize(draft),
      submit: sub,
      submit_per_order_median_ms: round(sub.median_ms / (orders / cases)),
      poll_all_open_orders: summarize(poll),
    };
  } finally {
    await core.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
