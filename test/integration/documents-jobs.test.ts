import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openCore, type Core } from '../../electron/core/index.js';
import type { EventPayload } from '../../shared/contract/events.js';
import { AppError } from '../../shared/contract/rpc.js';
import {
  b64,
  bombPng,
  corruptPdf,
  encryptedPdf,
  imagePdf,
  scan,
  textPdf,
  wordDocument,
  zeroPagePdf,
} from './documents-fixtures.js';

// Two cores shared by parallel test files: one OCR thread per core under test.
process.env.PORTDESK_OCR_WORKERS = '1';

let dir: string;
let core: Core;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'portdesk-docs-'));
  core = openCore({ dataDir: dir, hostKind: 'loopback', actor: 'tester' });
});
afterEach(async () => {
  await core.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const newCase = () => core.call('cases.create', { fields: { entity_name: 'Acme Widgets, Inc.' } });
const storedFiles = () => {
  const root = path.join(dir, 'documents');
  return fs.existsSync(root)
    ? fs.readdirSync(root, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).length
    : 0;
};
const scannedPdf = (n: number) =>
  imagePdf(
    Array.from(
      { length: n },
      (_, i) => scan([`Scanned page ${i + 1} account 55${i}01`], { dpi: 200, heightIn: 2 }).png,
    ),
  );

describe('attaching and reading', () => {
  it('stores the file once, reads it in the background and reports progress', async () => {
    const c = await newCase();
    const events: EventPayload<'jobs.progress'>[] = [];
    core.events.subscribe((e) => {
      if (e.name === 'jobs.progress') events.push(e.payload);
    });
    const bytes = await textPdf([
      ['Letter of Authorization for Acme Widgets'],
      ['Page two lists 212-555-0100 and 212-555-0101 to port'],
    ]);
    const doc = await core.call('documents.attach', {
      caseId: c.id,
      name: 'C:\\Users\\me\\LOA signed.pdf',
      dataBase64: b64(bytes),
    });
    expect(doc).toMatchObject({
      caseId: c.id,
      name: 'LOA signed.pdf',
      mime: 'application/pdf',
      pages: 2,
      status: 'queued',
      duplicate: false,
    });
    await core.services.documents.idle();

    const got = await core.call('documents.get', { id: doc.id });
    expect(got.status).toBe('ready');
    expect(got.job).toMatchObject({ state: 'done', attempts: 1, progress: 1 });
    expect(got.pageTexts.map((p) => p.method)).toEqual(['text', 'text']);
    expect(got.pageTexts[1]!.words.map((w) => w.text)).toContain('212-555-0100');
    expect(events.map((e) => `${e.state}:${e.page}`)).toEqual([
      'queued:0',
      'running:0',
      'running:1',
      'running:2',
      'done:2',
    ]);
    expect(events.at(-1)).toMatchObject({ documentId: doc.id, caseId: c.id, fraction: 1 });

    // content-addressed and byte-identical
    expect(fs.readFileSync(path.join(dir, 'documents', doc.sha256.slice(0, 2), doc.sha256))).toEqual(
      Buffer.from(bytes),
    );
    const file = await core.call('documents.file', { id: doc.id });
    expect(Buffer.from(file.dataBase64, 'base64')).toEqual(Buffer.from(bytes));
    expect(file).toMatchObject({ name: 'LOA signed.pdf', mime: 'application/pdf', size: bytes.byteLength });

    const again = await core.call('documents.attach', { caseId: c.id, name: 'copy.pdf', dataBase64: b64(bytes) });
    expect(again).toMatchObject({ id: doc.id, duplicate: true });
    const other = await newCase();
    const onOther = await core.call('documents.attach', { caseId: other.id, name: 'same.pdf', dataBase64: b64(bytes) });
    expect(onOther.id).not.toBe(doc.id);
    expect(storedFiles()).toBe(1);
    expect((await core.call('documents.list', { caseId: c.id })).map((d) => d.id)).toEqual([doc.id]);
    expect((await core.call('cases.history', { id: c.id })).map((h) => h.action)).toContain('document-attached');
  });

  it('classifies the document and stores its fields with evidence after reading', async () => {
    const c = await newCase();
    const bytes = await textPdf([
      [
        'LETTER OF AUTHORIZATION',
        'Business name: Acme Widgets, Inc.',
        'Account number: 8839-2210-44',
        'Billing telephone number (BTN): (212) 555-0142',
        'Numbers to port: (212) 555-0142, (212) 555-0143',
      ],
    ]);
    const doc = await core.call('documents.attach', { caseId: c.id, name: 'loa.pdf', dataBase64: b64(bytes) });
    await core.services.documents.idle();
    expect(await core.call('documents.get', { id: doc.id })).toMatchObject({
      status: 'ready',
      kind: 'loa',
      kindSource: 'auto',
    });
    const acct = (await core.call('documents.fields', { id: doc.id })).find((f) => f.field === 'account_number');
    expect(acct).toMatchObject({
      value: '8839-2210-44',
      source: 'extracted',
      page: 1,
      extracted: { value: '8839-2210-44' },
    });
    // the evidence box is where the words are on the page
    const words = (await core.call('documents.get', { id: doc.id })).pageTexts[0]!.words;
    const w = words.find((x) => x.text === '8839-2210-44')!;
    expect(acct!.bbox![0]).toBeLessThanOrEqual(w.bbox[0] + 0.01);
    expect(acct!.bbox![2]).toBeGreaterThanOrEqual(w.bbox[2] - 0.01);
  });

  it('records corrections with provenance; they survive re-extraction', async () => {
    const c = await newCase();
    const doc = await core.call('documents.attach', {
      caseId: c.id,
      name: 'invoice.pdf',
      dataBase64: b64(await textPdf([['Invoice for account 8839-2210-44 dated June 2026']])),
    });
    await core.services.documents.idle();
    const svc = core.services.documents;
    svc.repo.saveExtracted(
      doc.id,
      { account_number: { value: '8839-2210-4', confidence: 0.62, page: 1, bbox: [100, 60, 170, 75] } },
      'extraction',
    );

    await expect(
      core.call('documents.correctField', { id: doc.id, field: 'account_number', value: 42 }),
    ).rejects.toMatchObject({ code: 'BAD_INPUT' });
    await expect(
      core.call('documents.correctField', { id: doc.id, field: 'no_such_field', value: 'x' }),
    ).rejects.toMatchObject({ code: 'BAD_INPUT' });
    const corrected = await core.call('documents.correctField', {
      id: doc.id,
      field: 'account_number',
      value: '8839-2210-44',
    });
    expect(corrected).toMatchObject({
      field: 'account_number',
      value: '8839-2210-44',
      source: 'entered',
      actor: 'tester',
      page: 1,
      bbox: [100, 60, 170, 75],
      extracted: { value: '8839-2210-4', confidence: 0.62 },
    });
    const hist = (await core.call('cases.history', { id: c.id })).find((h) => h.action === 'document-field-corrected');
    expect(hist?.changes).toEqual([{ field: 'account_number', from: '8839-2210-4', to: '8839-2210-44' }]);
    expect(hist?.note).toMatch(/^invoice\.pdf \(/);

    // extraction runs again (new kind, new extractor version): the machine's value changes, the person's stays
    svc.repo.saveExtracted(
      doc.id,
      { account_number: { value: '8839 2210 44', confidence: 0.9, page: 1, bbox: [100, 60, 171, 75] } },
      'extraction',
    );
    const fields = await core.call('documents.fields', { id: doc.id });
    expect(fields.find((f) => f.field === 'account_number')).toMatchObject({
      value: '8839-2210-44',
      source: 'entered',
      extracted: { value: '8839 2210 44' },
    });

    // saying what the document is reruns the real extractor (when installed); the correction still wins
    const kinded = await core.call('documents.setKind', { id: doc.id, kind: 'invoice' });
    expect(kinded).toMatchObject({ kind: 'invoice', kindSource: 'user' });
    expect(
      (await core.call('documents.fields', { id: doc.id })).find((f) => f.field === 'account_number'),
    ).toMatchObject({ value: '8839-2210-44', source: 'entered', actor: 'tester' });
    expect((await core.call('cases.history', { id: c.id })).map((h) => h.action)).toContain('document-kind');
  });

  it('cancels a running job, then reads it again on retry', async () => {
    const c = await newCase();
    let cancelled: Promise<unknown> | null = null;
    const doc = await core.call('documents.attach', {
      caseId: c.id,
      name: 'scan.pdf',
      dataBase64: b64(await scannedPdf(3)),
    });
    const seen: string[] = [];
    core.events.subscribe((e) => {
      if (e.name !== 'jobs.progress' || e.payload.documentId !== doc.id) return;
      seen.push(e.payload.state);
      if (e.payload.state === 'running' && e.payload.page > 0 && !cancelled)
        cancelled = core.call('documents.cancel', { id: doc.id });
    });
    await core.services.documents.idle();
    await cancelled;
    const after = await core.call('documents.get', { id: doc.id });
    expect(after).toMatchObject({ status: 'cancelled', job: { state: 'cancelled' } });
    expect(after.pageTexts).toEqual([]);
    expect(seen.at(-1)).toBe('cancelled');
    await expect(core.call('documents.cancel', { id: doc.id })).rejects.toMatchObject({ code: 'INVALID_TRANSITION' });

    await core.call('documents.retry', { id: doc.id });
    await core.services.documents.idle();
    const done = await core.call('documents.get', { id: doc.id });
    expect(done).toMatchObject({ status: 'ready', pages: 3 });
    expect(done.pageTexts.map((p) => p.method)).toEqual(['ocr', 'ocr', 'ocr']);
    expect(done.pageTexts[2]!.words.map((w) => w.text)).toContain('55201');
    await expect(core.call('documents.retry', { id: doc.id })).rejects.toMatchObject({ code: 'INVALID_TRANSITION' });
  });
});

describe('bad files are refused at attach time and change nothing', () => {
  it.each([
    ['empty.pdf', async () => new Uint8Array(0), 'UNSUPPORTED_FILE', /empty/],
    ['loa.pdf', async () => wordDocument(), 'UNSUPPORTED_FILE', /"loa\.pdf" looks like a Word document/],
    ['bill.pdf', corruptPdf, 'FILE_UNREADABLE', /damaged/],
    ['csr.pdf', encryptedPdf, 'FILE_UNREADABLE', /password-protected/],
    ['blank.pdf', async () => zeroPagePdf(), 'FILE_UNREADABLE', /no pages/],
    ['photo.png', async () => bombPng(), 'FILE_TOO_LARGE', /megapixels/],
  ])('%s', async (name, make, code, message) => {
    const c = await newCase();
    const good = await core.call('documents.attach', {
      caseId: c.id,
      name: 'good.pdf',
      dataBase64: b64(await textPdf([['Customer service record with enough words here']])),
    });
    await core.services.documents.idle();
    const before = {
      docs: await core.call('documents.list', { caseId: c.id }),
      kase: await core.call('cases.get', { id: c.id }),
      history: await core.call('cases.history', { id: c.id }),
      files: storedFiles(),
    };

    const err = await core.call('documents.attach', { caseId: c.id, name, dataBase64: b64(await make()) }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(AppError);
    expect(err).toMatchObject({ code });
    expect((err as AppError).message).toMatch(message);

    expect(await core.call('documents.list', { caseId: c.id })).toEqual(before.docs);
    expect(await core.call('cases.get', { id: c.id })).toEqual(before.kase);
    expect(await core.call('cases.history', { id: c.id })).toEqual(before.history);
    expect(storedFiles()).toBe(before.files);
    expect((await core.call('documents.get', { id: good.id })).status).toBe('ready');
  });

  it('an unknown case, bad base64 and a wrong id are clear errors too', async () => {
    await expect(
      core.call('documents.attach', { caseId: 999, name: 'x.pdf', dataBase64: b64(await textPdf([['x']])) }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const c = await newCase();
    await expect(
      core.call('documents.attach', { caseId: c.id, name: 'x.pdf', dataBase64: '%%%not base64' }),
    ).rejects.toMatchObject({ code: 'BAD_INPUT' });
    await expect(core.call('documents.get', { id: 12345 })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(storedFiles()).toBe(0);
  });
});

describe('durability', () => {
  it('sets aside a document that was interrupted three times instead of crash-looping on it', async () => {
    const c = await newCase();
    const doc = await core.call('documents.attach', {
      caseId: c.id,
      name: 'poison.pdf',
      dataBase64: b64(await textPdf([['A document that keeps crashing the reader']])),
    });
    await core.services.documents.idle();
    await core.close();
    // what three crashes mid-read leave behind
    const raw = new Database(path.join(dir, 'portdesk.sqlite'));
    raw.prepare("UPDATE jobs SET state = 'running', attempts = 3 WHERE document_id = ?").run(doc.id);
    raw.prepare("UPDATE documents SET status = 'reading' WHERE id = ?").run(doc.id);
    raw.close();
    core = openCore({ dataDir: dir, hostKind: 'loopback' });
    await core.services.documents.idle();
    const after = await core.call('documents.get', { id: doc.id });
    expect(after).toMatchObject({ status: 'failed', job: { state: 'failed', attempts: 3 } });
    expect(after.error).toMatch(/stopped 3 times while reading this document/);
    expect((await core.call('documents.retry', { id: doc.id })).status).toBe('queued');
    await core.services.documents.idle();
    expect((await core.call('documents.get', { id: doc.id })).status).toBe('ready');
  });

  it('finishes a job after the process reading it was killed with SIGKILL', async () => {
    await core.close();
    const file = path.join(dir, 'scan-input.pdf');
    fs.writeFileSync(file, await scannedPdf(3));
    const child = spawn(
      process.execPath,
      [
        '--import',
        pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href,
        fileURLToPath(new URL('./documents-crash-child.ts', import.meta.url)),
        path.join(dir, 'data'),
        file,
      ],
      { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, PORTDESK_OCR_WORKERS: '1' } },
    );
    let out = '';
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`child never reached page 1: ${out}`)), 60_000);
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        if (/PAGE \d/.test(out)) {
          clearTimeout(timer);
          resolve();
        }
      });
      child.on('exit', (code) => reject(new Error(`child exited early (${code}): ${out}`)));
    });
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    const [, caseId, docId] = /ATTACHED (\d+) (\d+)/.exec(out)!.map(Number) as [number, number, number];

    // the database says what the crash left: a job in the middle of running
    const raw = new Database(path.join(dir, 'data', 'portdesk.sqlite'), { readonly: true });
    expect(raw.prepare('SELECT state, attempts FROM jobs WHERE document_id = ?').get(docId)).toEqual({
      state: 'running',
      attempts: 1,
    });
    raw.close();

    core = openCore({ dataDir: path.join(dir, 'data'), hostKind: 'loopback' });
    await core.services.documents.idle();
    const doc = await core.call('documents.get', { id: docId });
    expect(doc).toMatchObject({ caseId, status: 'ready', pages: 3, job: { state: 'done', attempts: 2 } });
    expect(doc.pageTexts.map((p) => p.words.map((w) => w.text).join(' '))).toEqual([
      expect.stringContaining('55001'),
      expect.stringContaining('55101'),
      expect.stringContaining('55201'),
    ]);
    expect((await core.call('cases.get', { id: caseId })).entity_name).toBe('Crash Test LLC');
  });
});
