import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { NewCase } from '../../electron/core/cases/repo.js';
import { openCore } from '../../electron/core/index.js';
import { CASE_STATUSES } from '../../shared/domain/case.js';
import { round, summarize, time } from './stats.js';

/**
 * due.list on the 50,000-case queue of queue.bench.ts (a third with an FOC over the next 30 days, a
 * tenth with review checks): it is recomputed after every burst of case changes, so it must stay
 * well under the 100 ms a header count may take.
 */
export async function bench(): Promise<object> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'portdesk-bench-due-'));
  const core = openCore({ dataDir, hostKind: 'loopback', actor: 'bench' });
  const total = 50_000;
  const now = Date.now();
  let n = 0;
  const batch = (size: number): NewCase[] =>
    Array.from({ length: size }, () => {
      const i = n++;
      return {
        status: CASE_STATUSES[i % CASE_STATUSES.length],
        createdAt: new Date(now - (i % 90) * 86_400_000).toISOString(),
        fields: {
          entity_name: `Customer ${i}`,
          foc_date: i % 3 === 0 ? new Date(now + ((i % 30) - 5) * 86_400_000).toISOString().slice(0, 10) : null,
        },
        numbers: [{ raw: `312${String(2_000_000 + i)}`, e164: `+1312${String(2_000_000 + i)}`, error: null }],
      };
    });
  for (let done = 0; done < total; done += 5000) core.ctx.cases.createMany(batch(5000), 'bench', 'seeded');
  core.ctx.db.prepare('UPDATE cases SET checks = 1 WHERE id % 10 = 0').run();

  const runs = 30;
  const samples: number[] = [];
  let items = 0;
  for (let i = 0; i < runs; i++)
    samples.push(
      await time(async () => {
        items = (await core.call('due.list', {})).items.length;
      }),
    );
  await core.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
  const s = summarize(samples);
  return { cases: total, items, due_list: s, target_median_ms: 100, ratio_to_target: round(s.median_ms / 100) };
}
