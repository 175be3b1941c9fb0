/**
 * Keeping the queue's blocker counts current: the cost of recounting a case from its stored fields
 * (no document is read), after an edit, after a settings change over every open case, and at
 * start-up on the next day. 400 cases with an LOA, an invoice and a CSR each.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openCore } from '../../electron/core/index.js';
import { refreshBlockers } from '../../electron/core/review/review.js';
import type { ExtractedFields, ServiceAddress } from '../../shared/domain/document.js';
import { round, summarize, time } from './stats.js';

const fv = <T>(value: T) => ({
  value,
  confidence: 0.95,
  page: 1,
  bbox: [200, 100, 400, 112] as [number, number, number, number],
});

function docs(i: number): Record<'loa' | 'invoice' | 'csr', ExtractedFields> {
  const numbers = Array.from(
    { length: 1 + (i % 8) },
    (_, k) => `+1312555${String(1000 + ((i * 8 + k) % 9000)).padStart(4, '0')}`,
  );
  const addr = (unit: string): ServiceAddress => ({
    street_line: `${100 + i} W Madison St`,
    unit,
    city: 'Chicago',
    state: 'IL',
    zip5: '60607',
    zip4: '',
  });
  const common = {
    account_number: fv(`8310${String(i).padStart(8, '0')}`),
    btn: fv(numbers[0]!),
    carrier_name: fv('AT&T'),
    phone_numbers: fv(numbers),
  };
  return {
    loa: {
      ...common,
      account_name: fv(`Lakeview Dental ${i} LLC`),
      authorized_person: fv('Maria Lopez'),
      service_address: fv(addr(i % 3 === 0 ? 'Suite 210' : 'Suite 200')),
      document_date: fv('2025-03-01'),
      signature_present: fv(true),
    },
    invoice: {
      ...common,
      account_name: fv(`LAKEVIEW DENTAL ${i} LLC`),
      service_address: fv(addr('Suite 200')),
      document_date: fv('2025-02-20'),
    },
    csr: {
      ...common,
      account_name: fv(`LAKEVIEW DENTAL ${i} LLC`),
      authorized_person: fv('MARIA LOPEZ'),
      service_address: fv(addr('STE 200')),
      document_date: fv('2025-02-25'),
    },
  };
}

export async function bench(): Promise<object> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'portdesk-bench-review-'));
  let clock = new Date(2025, 2, 5, 12);
  let core = openCore({ dataDir, hostKind: 'loopback', actor: 'bench', now: () => clock });
  const total = 400;
  const repo = core.services.documents.repo;
  const ids = core.ctx.cases.createMany(
    Array.from({ length: total }, (_, i) => ({
      status: 'review' as const,
      fields: { entity_name: `Lakeview Dental ${i} LLC`, losing_carrier: 'AT&T' },
      numbers: [],
    })),
    'bench',
  );
  // documents as a finished read leaves them: fields stored, no job left (nothing is ever read here)
  for (const [i, caseId] of ids.entries()) {
    for (const [kind, fields] of Object.entries(docs(i))) {
      const id = repo.create({
        caseId,
        sha256: `${kind}-${i}`.padEnd(64, '0'),
        name: `${kind}.pdf`,
        mime: 'application/pdf',
        size: 1000,
        pages: 1,
      });
      core.ctx.db.prepare("UPDATE jobs SET state = 'done' WHERE document_id = ?").run(id);
      repo.setKind(id, kind as 'loa', 'user', 1);
      repo.saveExtracted(id, fields, 'bench');
      repo.setStatus(id, 'ready');
    }
  }
  const fresh = () => core.services.freshness;
  const firstCount = await time(async () => {
    fresh().enqueueAll();
    await fresh().idle();
  });

  const one: number[] = [];
  for (const id of ids.slice(0, 200)) one.push(await time(() => refreshBlockers(core.ctx, id)));

  const edit: number[] = [];
  for (const id of ids.slice(0, 100)) {
    const rec = await core.ctx.cases.get(id);
    edit.push(
      await time(async () => {
        await core.call('cases.update', {
          id,
          version: rec.version,
          fields: { account_number: rec.account_number ? '' : '000' },
        });
        await fresh().idle();
      }),
    );
  }

  const settingsMs = await time(async () => {
    await core.call('review.setSettings', { defaults: { invoiceMaxAgeDays: 60, loaMaxAgeDays: 60 }, carriers: [] });
    await fresh().idle();
  });

  await core.close();
  clock = new Date(2025, 2, 6, 9);
  let startupMs = 0;
  startupMs = await time(async () => {
    core = openCore({ dataDir, hostKind: 'loopback', actor: 'bench', now: () => clock });
    await core.services.freshness.idle();
  });
  const blocked = (core.ctx.db.prepare('SELECT count(*) AS n FROM cases WHERE blockers > 0').get() as { n: number }).n;
  await core.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
  return {
    cases: total,
    refresh_one_case: summarize(one),
    edit_to_current_count: summarize(edit),
    first_count_all_ms: round(firstCount),
    settings_change_recount_all_ms: round(settingsMs),
    next_day_startup_recount_ms: round(startupMs),
    per_case_in_bulk_ms: round(settingsMs / total),
    cases_with_blockers_after: blocked,
  };
}
