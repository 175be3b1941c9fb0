/**
 * The review in the app and `portdesk compare` give the same verdicts on the same documents: the app
 * reads them, stores the fields (with the extractor's ranked candidates) in SQLite and compares what
 * it reads back; the CLI compares what it has just extracted. Real generated PDFs, a real SQLite file
 * in a temp dir, the real reader and extractor on both sides.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { compare } from '../../electron/cli/commands/compare.js';
import { openDatabase } from '../../electron/core/db/open.js';
import { MIGRATIONS } from '../../electron/core/db/migrations.js';
import { extractFields } from '../../electron/core/extract/index.js';
import { openCore, type Core } from '../../electron/core/index.js';
import { generatePorts, type GeneratedPort } from '../fixtures/generator/ports.js';
import { renderTextPdf } from '../fixtures/generator/pdf.js';

process.env.PORTDESK_OCR_WORKERS = '1';

let dir: string;
let core: Core;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'portdesk-app-cli-'));
  core = openCore({ dataDir: path.join(dir, 'data'), hostKind: 'loopback', actor: 'tester' });
});
afterEach(async () => {
  await core.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const KINDS = ['loa', 'invoice', 'csr'] as const;
const devPort = (seed: number): GeneratedPort =>
  generatePorts({ split: 'dev', count: 1, scanShare: 0, offset: seed - 1 })[0]!;

interface Outcome {
  verdicts: Record<string, string>;
  rejections: string[];
  checks: string[];
}
const outcome = (r: {
  fields: Record<string, { verdict: string }>;
  predicted_rejections: { code: string; field: string }[];
  checks: { field: string }[];
}): Outcome => ({
  verdicts: Object.fromEntries(Object.entries(r.fields).map(([k, f]) => [k, f.verdict])),
  rejections: r.predicted_rejections.map((p) => `${p.code}/${p.field}`).sort(),
  checks: r.checks.map((c) => c.field).sort(),
});

/** The port's three documents as text PDFs: reviewed in the app (stored, read back) and by the CLI. */
async function bothWays(p: GeneratedPort): Promise<{ app: Outcome; cli: Outcome }> {
  const files: Record<string, string> = {};
  const c = await core.call('cases.create', { fields: {} });
  const ids: number[] = [];
  for (const kind of KINDS) {
    const bytes = await renderTextPdf(p[kind].model);
    files[kind] = path.join(dir, `${kind}.pdf`);
    fs.writeFileSync(files[kind], bytes);
    const d = await core.call('documents.attach', {
      caseId: c.id,
      name: `${kind}.pdf`,
      dataBase64: Buffer.from(bytes).toString('base64'),
    });
    ids.push(d.id);
  }
  await core.services.documents.idle();
  // the CLI is told what each file is; so is the app (as a specialist sets a document's kind)
  for (const [i, kind] of KINDS.entries()) await core.call('documents.setKind', { id: ids[i]!, kind });
  await core.services.documents.idle();
  const app = await core.call('review.compare', { caseId: c.id, asOf: p.asOf });

  const lines: string[] = [];
  const argv = [
    ...KINDS.flatMap((k) => [`--${k}`, files[k]!]),
    '--as-of',
    p.asOf,
    '--invoice-max-age-days',
    String(app.limits.invoiceMaxAgeDays),
    '--loa-max-age-days',
    String(app.limits.loaMaxAgeDays),
    '--json',
  ];
  const code = await compare.run(argv, { out: (l) => lines.push(l), err: () => {} });
  expect(code).toBe(0);
  const cli = JSON.parse(lines.join('\n')) as Parameters<typeof outcome>[0];
  return { app: outcome(app), cli: outcome(cli) };
}

describe('a case reviewed in the app gives the verdicts of `portdesk compare`', () => {
  // dev ports 36 and 104: LOA letters that state the service address in a sentence over a letterhead
  // (the extractor's candidates tell which is which); 104 also gives no PIN the CSR has
  for (const seed of [36, 104])
    it(`dev port ${seed}: same field verdicts, predicted rejections and checks`, async () => {
      const p = devPort(seed);
      expect(p.planted.map((x) => x.code)).toContain('LOCATION_MISMATCH');
      const { app, cli } = await bothWays(p);
      expect(cli.rejections).toContain('LOCATION_MISMATCH/service_address');
      expect(app.rejections).toEqual(cli.rejections);
      expect(app.checks).toEqual(cli.checks);
      for (const [field, verdict] of Object.entries(cli.verdicts))
        expect([field, app.verdicts[field]]).toEqual([field, verdict]);
    }, 60_000);
});

describe("fields stored before the extractor's candidates were kept (schema 11)", () => {
  it('still load after the migration and are compared on their values alone, until the documents are read again', async () => {
    await core.close();
    const dataDir = path.join(dir, 'old');
    fs.mkdirSync(dataDir, { recursive: true });
    const p = devPort(36);
    // what an older PortDesk stored: a case, its three documents' pages and fields, no candidates
    const old = openDatabase(path.join(dataDir, 'portdesk.sqlite'), {
      migrations: MIGRATIONS.filter((m) => m.version <= 11),
    });
    const at = '2026-01-01T00:00:00.000Z';
    const caseId = Number(
      old
        .prepare(
          `INSERT INTO cases (status, status_rank, entity_name, created_at, updated_at) VALUES ('intake', 0, '', ?, ?)`,
        )
        .run(at, at).lastInsertRowid,
    );
    for (const kind of KINDS) {
      const docId = Number(
        old
          .prepare(`INSERT INTO documents (case_id, sha256, original_name, mime, size, kind, kind_source, pages, status, created_at, updated_at)
            VALUES (?, ?, ?, 'application/pdf', 1, ?, 'user', ?, 'ready', ?, ?)`)
          .run(caseId, kind.padEnd(64, '0'), `${kind}.pdf`, kind, p[kind].pages.length, at, at).lastInsertRowid,
      );
      for (const pg of p[kind].pages)
        old
          .prepare(
            'INSERT INTO document_pages (document_id, page, method, width, height, words) VALUES (?, ?, ?, ?, ?, ?)',
          )
          .run(docId, pg.page, pg.method, pg.width, pg.height, JSON.stringify(pg.words));
      const fields = extractFields(p[kind].pages, kind).fields;
      for (const [field, fv] of Object.entries(fields)) {
        // a PIN was stored sealed; this port's comparison does not need it
        if (!fv || field === 'pin') continue;
        old
          .prepare(`INSERT INTO document_fields (document_id, field, source, value, confidence, page, bbox, actor, at)
            VALUES (?, ?, 'extracted', ?, ?, ?, ?, 'extraction', ?)`)
          .run(
            docId,
            field,
            JSON.stringify(fv.value),
            fv.confidence,
            fv.page,
            fv.bbox ? JSON.stringify(fv.bbox) : null,
            at,
          );
      }
    }
    old.close();

    core = openCore({ dataDir, hostKind: 'loopback', actor: 'tester' });
    const before = await core.call('review.compare', { caseId, asOf: p.asOf });
    expect(before.documents_used.loa).not.toBeNull();
    expect(before.fields.service_address.values.loa).toBeTruthy();
    // without candidates the letterhead is not told from the sentence: a check, as older builds said
    expect(before.fields.service_address.verdict).toBe('check');

    // read again (the person sets the LOA's kind), the fields keep their candidates: the app's verdict is the CLI's
    const loaId = before.documents_used.loa!;
    await core.call('documents.setKind', { id: loaId, kind: 'invoice' });
    await core.call('documents.setKind', { id: loaId, kind: 'loa' });
    await core.services.documents.idle();
    const after = await core.call('review.compare', { caseId, asOf: p.asOf });
    expect(after.fields.service_address.verdict).toBe('mismatch');
    expect(after.predicted_rejections.map((x) => x.code)).toContain('LOCATION_MISMATCH');
  }, 60_000);
});

describe("the extractor's candidates at rest", () => {
  it('are sealed like the PIN they spell, and read back whole by the review', () => {
    const repo = core.ctx.documents.repo;
    const at = '2026-01-01T00:00:00.000Z';
    const caseId = Number(
      core.ctx.db
        .prepare(
          `INSERT INTO cases (status, status_rank, entity_name, created_at, updated_at) VALUES ('intake', 0, '', ?, ?)`,
        )
        .run(at, at).lastInsertRowid,
    );
    const docId = Number(
      core.ctx.db
        .prepare(`INSERT INTO documents (case_id, sha256, original_name, mime, size, kind, pages, status, created_at, updated_at)
          VALUES (?, ?, 'loa.pdf', 'application/pdf', 1, 'loa', 1, 'ready', ?, ?)`)
        .run(caseId, '0'.repeat(64), at, at).lastInsertRowid,
    );
    const PIN = '730519';
    const cand = (value: string, confidence: number) => ({
      value,
      confidence,
      page: 1,
      bbox: [10, 10, 60, 20] as [number, number, number, number],
      why: { source: 'label' as const, label: 'PIN' },
    });
    repo.saveExtracted(
      docId,
      {
        pin: {
          value: PIN,
          confidence: 0.7,
          page: 1,
          bbox: [10, 10, 60, 20],
          candidates: [cand(PIN, 0.7), cand('4471', 0.4)],
        },
        // the PIN read, lower down, as an account number too
        account_number: {
          value: '831000441770',
          confidence: 0.9,
          page: 1,
          bbox: [10, 30, 90, 40],
          candidates: [cand('831000441770', 0.9), cand(`${PIN.slice(0, 3)}-${PIN.slice(3)}`, 0.3)],
        },
      },
      'extraction',
    );
    core.ctx.db.pragma('wal_checkpoint(TRUNCATE)');
    const rows = core.ctx.db
      .prepare('SELECT field, candidates FROM document_fields WHERE document_id = ?')
      .all(docId) as {
      field: string;
      candidates: string;
    }[];
    expect(rows.find((r) => r.field === 'pin')!.candidates).toMatch(/^enc1:/);
    expect(rows.map((r) => r.candidates).join(' ')).not.toMatch(/730-?519/);
    const back = repo.extractedCandidates(docId);
    expect(back.pin?.map((c) => c.value)).toEqual([PIN, '4471']);
    expect(back.account_number?.map((c) => c.value)).toEqual(['831000441770']);
  });
});
