import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openCore } from '../../electron/core/index.js';
import type { NewCase } from '../../electron/core/cases/repo.js';
import { CASE_STATUSES } from '../../shared/domain/case.js';
import { round, summarize, time } from './stats.js';

const CARRIERS = [
  'AT&T',
  'Verizon Business',
  'Lumen',
  'Comcast Business',
  'Spectrum Business',
  'RingCentral',
  'Twilio',
  'Vonage',
  'Frontier',
  'Aircall',
];
const WORDS = [
  'Lakeview',
  'Harbor',
  'Summit',
  'Blue Ridge',
  'Maple',
  'Quantum',
  'Copper',
  'Pixel',
  'Northwind',
  'Sunset',
  'Granite',
  'Riverbend',
];
const KINDS = [
  'Dental',
  'Logistics',
  'Realty',
  'Legal',
  'Cafe',
  'Studios',
  'Accounting',
  'Clinic',
  'Roofing',
  'Church',
];

/** 50,000 cases, ~150,000 numbers: seeding time, list/search latency, time to the queue's first paint. */
export async function bench(): Promise<object> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'portdesk-bench-'));
  const core = openCore({ dataDir, hostKind: 'loopback', actor: 'bench' });
  const total = 50_000;
  const now = Date.now();
  let n = 0;
  const batch = (size: number): NewCase[] =>
    Array.from({ length: size }, () => {
      const i = n++;
      const count = 1 + (i % 5);
      const base = 2_000_000 + i * 5;
      return {
        status: CASE_STATUSES[i % CASE_STATUSES.length],
        createdAt: new Date(now - (i % 90) * 86_400_000 - i * 1000).toISOString(),
        fields: {
          entity_name: `${WORDS[i % WORDS.length]} ${KINDS[(i >> 3) % KINDS.length]} ${i}`,
          losing_carrier: CARRIERS[i % CARRIERS.length],
          account_number: `ACCT-${100000 + i}`,
          customer_reference: `REF-${i}`,
          foc_date: i % 3 === 0 ? new Date(now + (i % 30) * 86_400_000).toISOString().slice(0, 10) : null,
        },
        numbers: Array.from({ length: count }, (_, k) => {
          const local = String(base + k).padStart(7, '0');
          return { raw: `312${local}`, e164: `+1312${local}`, error: null };
        }),
      };
    });
  const seedMs = await time(() => {
    for (let done = 0; done < total; done += 5000) core.ctx.cases.createMany(batch(5000), 'bench', 'seeded');
  });
  const numbers = (core.ctx.db.prepare('SELECT count(*) AS n FROM case_numbers').get() as { n: number }).n;

  const runs = 200;
  const statusTimes: number[] = [];
  const searchName: number[] = [];
  const searchNumber: number[] = [];
  const unfiltered: number[] = [];
  const activeView: number[] = [];
  const statusCounts: number[] = [];
  const byCustomer: number[] = [];
  const active = CASE_STATUSES.filter((s) => s !== 'cancelled' && s !== 'ported');
  for (let i = 0; i < runs; i++) {
    // the queue's default view: every status but cancelled and ported, with the chips' counts
    activeView.push(await time(() => core.call('cases.list', { status: active, limit: 100, offset: (i % 10) * 100 })));
    statusCounts.push(
      await time(() => core.call('cases.statusCounts', i % 2 ? {} : { search: WORDS[i % WORDS.length] })),
    );
    byCustomer.push(
      await time(() => core.call('cases.list', { sort: 'customer', direction: i % 2 ? 'asc' : 'desc', limit: 100 })),
    );
    statusTimes.push(
      await time(() =>
        core.call('cases.list', { status: [CASE_STATUSES[i % 8]!], sort: 'age', limit: 100, offset: (i % 10) * 100 }),
      ),
    );
    searchName.push(
      await time(() =>
        core.call('cases.list', { search: `${WORDS[i % WORDS.length]} ${KINDS[i % KINDS.length]}`, limit: 100 }),
      ),
    );
    searchNumber.push(
      await time(() =>
        core.call('cases.list', {
          search: `(312) ${String(200 + (i % 50)).padStart(3, '0')}-${String(1000 + i * 7).slice(-4)}`,
          limit: 100,
        }),
      ),
    );
    unfiltered.push(
      await time(() => core.call('cases.list', { sort: i % 2 ? 'foc' : 'status', limit: 100, offset: i * 50 })),
    );
  }
  await core.close();

  const firstPaint = await firstPaintMs(dataDir).catch((err: Error) => ({ error: err.message.split('\n')[0] }));
  if (!process.env.PORTDESK_BENCH_KEEP) fs.rmSync(dataDir, { recursive: true, force: true });
  else process.stderr.write(`kept ${dataDir}\n`);
  return {
    cases: total,
    numbers,
    seed_ms: round(seedMs),
    list_status_filter: summarize(statusTimes),
    list_search_name: summarize(searchName),
    list_search_number: summarize(searchNumber),
    list_sorted_page: summarize(unfiltered),
    list_active_view: summarize(activeView),
    status_counts: summarize(statusCounts),
    list_sorted_by_customer: summarize(byCustomer),
    target_p95_ms: 20,
    first_paint: firstPaint,
    first_paint_target_ms: 1500,
  };
}

/** Host start → first queue row painted in Chromium, median of 3 cold starts. */
async function firstPaintMs(dataDir: string): Promise<object> {
  if (!fs.existsSync('/usr/bin/chromium')) return { skipped: 'no /usr/bin/chromium' };
  const { chromium } = await import('@playwright/test');
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
  const samples: number[] = [];
  const ready: number[] = [];
  try {
    for (let i = 0; i < 3; i++) {
      const t0 = performance.now();
      const child = spawn(process.execPath, [path.resolve('bin/portdesk.mjs'), 'serve', '--data-dir', dataDir], {
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      const url = await new Promise<string>((resolve, reject) => {
        let out = '';
        child.stdout.on('data', (c) => {
          out += c;
          const m = /PortDesk ready: (\S+)/.exec(out);
          if (m) resolve(m[1]!);
        });
        child.on('exit', () => reject(new Error('host exited')));
      });
      ready.push(performance.now() - t0);
      const page = await browser.newPage();
      await page.goto(url);
      await page.locator('[data-case-id]').first().waitFor({ timeout: 15_000 });
      samples.push(performance.now() - t0);
      await page.close();
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
    }
  } finally {
    await browser.close();
  }
  return { ...summarize(samples), host_ready: summarize(ready) };
}
