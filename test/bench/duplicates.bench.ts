import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DuplicateScreen } from '../../electron/core/cases/duplicates.js';
import type { NewCase } from '../../electron/core/cases/repo.js';
import { openCore } from '../../electron/core/index.js';
import { round, summarize, time } from './stats.js';

/** One case per row, numbers 1–5 per case, references REF-<i>. */
function cases(from: number, count: number): NewCase[] {
  return Array.from({ length: count }, (_, k) => {
    const i = from + k;
    return {
      fields: { entity_name: `Customer ${i}`, customer_reference: `REF-${i}` },
      numbers: Array.from({ length: 1 + (i % 5) }, (_, n) => {
        const local = String(2_000_000 + i * 5 + n).padStart(7, '0');
        return { raw: `312${local}`, e164: `+1312${local}`, error: null };
      }),
    };
  });
}

/** Every row through the import's per-row check; how many it reports as duplicates. */
function screenAll(screen: DuplicateScreen, rows: NewCase[]): number {
  let duplicates = 0;
  for (const [i, c] of rows.entries()) {
    const verdict = screen.check({ row: i + 2, case: c });
    if (verdict && 'duplicate' in verdict) duplicates++;
  }
  return duplicates;
}

/**
 * The duplicate screen's cost at import: 5,000 rows screened against a queue of 50,000 cases
 * (~150,000 numbers), once all new and once all already there, beside inserting the same rows.
 */
export async function bench(): Promise<object> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'portdesk-bench-dupes-'));
  const core = openCore({ dataDir, hostKind: 'loopback', actor: 'bench' });
  try {
    for (let done = 0; done < 50_000; done += 5_000) core.ctx.cases.createMany(cases(done, 5_000), 'bench', 'seeded');
    const fresh = cases(100_000, 5_000);
    const known = cases(20_000, 5_000);
    const screenNew: number[] = [];
    const screenKnown: number[] = [];
    let reported = 0;
    for (let run = 0; run < 5; run++) {
      screenNew.push(await time(() => screenAll(new DuplicateScreen(core.ctx.db), fresh)));
      let found = 0;
      screenKnown.push(await time(() => (found = screenAll(new DuplicateScreen(core.ctx.db), known))));
      reported = found;
    }
    const insertMs = await time(() => core.ctx.cases.createMany(fresh, 'bench', 'inserted'));
    const screenMedian = summarize(screenNew).median_ms;
    return {
      queue_cases: 50_000,
      rows: fresh.length,
      screen_new_rows: summarize(screenNew),
      screen_known_rows: { ...summarize(screenKnown), reported },
      insert_same_rows_ms: round(insertMs),
      screen_vs_insert_ratio: round(screenMedian / insertMs),
    };
  } finally {
    await core.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
