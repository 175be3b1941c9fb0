import Database from 'better-sqlite3';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/tmp.js';
import { pdfWithDamagedSecondPage } from './documents-fixtures.js';

const BIN = path.resolve('bin/portdesk.mjs');
const SAMPLES = path.resolve('test/fixtures/generator/samples');
function portdesk(args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    encoding: 'utf8',
    env: { ...process.env, PORTDESK_OCR_WORKERS: '1' },
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const children: ChildProcess[] = [];
afterEach(async () => {
  for (const c of children.splice(0)) {
    if (c.exitCode === null) {
      c.kill('SIGTERM');
      await new Promise((r) => c.once('exit', r));
    }
  }
});

/** A real second process: `portdesk serve` owning the folder until killed. */
async function serveOwner(dir: string): Promise<string> {
  const child = spawn(process.execPath, [BIN, 'serve', '--data-dir', dir, '--port', '0'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  return new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (c) => {
      out += c;
      const m = /PortDesk ready: (http:\/\/127\.0\.0\.1:\d+)\//.exec(out);
      if (m) resolve(m[1]!);
    });
    child.on('exit', (code) => reject(new Error(`serve exited ${code}`)));
  });
}

const ESC = '\u001b';

describe('command line on hostile input', () => {
  it('gives each file of a batch its own result or error, and exits 1 when any failed', () => {
    const dir = tempDir();
    const broken = path.join(dir, 'BROKEN.pdf');
    fs.writeFileSync(
      broken,
      '%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >>\nendobj\ntrailer << /Root 1 0 R >>\n%%EOF\ngarbage',
    );
    const good = path.join(SAMPLES, 'csr-keyvalue-9.pdf');
    const missing = path.join(dir, 'missing.pdf');
    const json = portdesk(['extract', good, broken, missing, '--json']);
    expect(json.code).toBe(1);
    const out = JSON.parse(json.out) as { file: string; type?: string; error?: { code: string; message: string } }[];
    expect(out).toHaveLength(3);
    expect(out[0]).toMatchObject({
      file: good,
      type: 'csr',
      fields: { account_number: { value: expect.any(String) } },
    });
    expect(out[1]).toEqual({
      file: broken,
      error: { code: expect.any(String), message: expect.stringContaining('BROKEN.pdf') },
    });
    expect(out[2]).toEqual({
      file: missing,
      error: { code: 'FILE_UNREADABLE', message: expect.stringMatching(/cannot read .*missing\.pdf: ENOENT/) },
    });

    const text = portdesk(['extract', broken, good]);
    expect(text.code).toBe(1);
    expect(text.out).toMatch(/csr-keyvalue-9\.pdf: csr, 1 page/);
    expect(text.err).toMatch(/BROKEN\.pdf/);
    expect(text.err).not.toMatch(/\n\s+at /); // no stack
  });

  it('reads the whole pages of a PDF with a damaged page and names the page it could not read', () => {
    const dir = tempDir();
    const file = path.join(dir, 'half-downloaded.pdf');
    fs.writeFileSync(file, pdfWithDamagedSecondPage('Account number 55120-8841 Billing telephone 2125550142'));
    const json = portdesk(['extract', file, '--type', 'invoice', '--json']);
    expect(json.code).toBe(0);
    const out = JSON.parse(json.out) as { pages: number; partial_pages?: { page: number; reason: string }[] };
    expect(out.pages).toBe(2);
    expect(out.partial_pages).toEqual([{ page: 2, reason: expect.stringMatching(/content is damaged/) }]);
    const shown = portdesk(['extract', file, '--type', 'invoice']);
    expect(shown.out).toMatch(/PARTIAL page 2: .*content is damaged/);
  }, 120_000);

  it('prints terminal control characters from imported data escaped', () => {
    const dir = tempDir();
    const csv = path.join(dir, 'evil.csv');
    const evilName = `${ESC}]0;owned${'\u0007'}Evil ${ESC}[2J${ESC}[31mCo\u009b1m\u202e`;
    fs.writeFileSync(csv, `entity_name,numbers,losing_carrier\n"${evilName}",3125550100,${ESC}[5mBlink\n`);
    expect(portdesk(['cases', 'import', csv, '--data-dir', dir]).code).toBe(0);
    const list = portdesk(['cases', 'list', '--data-dir', dir]);
    const show = portdesk(['cases', 'show', '1', '--data-dir', dir]);
    const json = portdesk(['cases', 'show', '1', '--data-dir', dir, '--json']);
    for (const r of [list, show, json]) {
      expect(r.code).toBe(0);
      expect(r.out).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202e]/);
    }
    expect(list.out).toContain('\\x1b]0;owned\\x07Evil');
    expect(show.out).toContain('\\x1b[5mBlink');
    // JSON stays exact for programs
    expect(JSON.parse(json.out).entity_name).toBe(evilName);
  });
});

describe('a second process on the same data folder', () => {
  it("leaves the running app's reading jobs alone and a second serve says where the first one is", async () => {
    const dir = tempDir();
    const url = await serveOwner(dir);
    // a document the live app is reading right now
    const db = new Database(path.join(dir, 'portdesk.sqlite'));
    db.pragma('busy_timeout = 5000');
    db.exec(`INSERT INTO cases (id, status, status_rank, entity_name, created_at, updated_at) VALUES (1, 'intake', 0, 'Live Co', 'x', 'x');
      INSERT INTO documents (id, case_id, sha256, original_name, mime, size, status, created_at, updated_at)
        VALUES (1, 1, '${'a'.repeat(64)}', 'scan.png', 'image/png', 1, 'reading', 'x', 'x');
      INSERT INTO jobs (id, document_id, state, attempts, created_at, updated_at) VALUES (1, 1, 'running', 1, 'x', 'x');`);
    const list = portdesk(['cases', 'list', '--data-dir', dir, '--json']);
    expect(list.code).toBe(0);
    expect(JSON.parse(list.out)).toMatchObject([{ entity_name: 'Live Co' }]);
    expect(db.prepare('SELECT state, attempts FROM jobs WHERE id = 1').get()).toEqual({
      state: 'running',
      attempts: 1,
    });

    const second = portdesk(['serve', '--data-dir', dir, '--port', '0']);
    expect(second.code).toBe(1);
    expect(second.err.trim().split('\n')).toHaveLength(1);
    expect(second.err).toContain(`PortDesk is already running on the data folder ${dir}`);
    expect(second.err).toContain(`open ${url}/`);
    db.close();
  }, 60_000);

  it('says in one sentence what to do when another writer holds the database past the busy timeout', async () => {
    const dir = tempDir();
    expect(portdesk(['cases', 'list', '--data-dir', dir]).code).toBe(0);
    const holder = spawn(
      process.execPath,
      [
        '-e',
        `
      const Database = require(${JSON.stringify(require.resolve('better-sqlite3'))});
      const db = new Database(${JSON.stringify(path.join(dir, 'portdesk.sqlite'))});
      db.exec('BEGIN EXCLUSIVE'); console.log('held'); setTimeout(() => {}, 60000);`,
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    children.push(holder);
    await new Promise<void>((resolve) => holder.stdout!.once('data', () => resolve()));
    const csv = path.join(dir, 'c.csv');
    fs.writeFileSync(csv, 'entity_name,numbers\nBlocked Co,3125550100\n');
    for (const args of [
      ['cases', 'list'],
      ['cases', 'import', csv],
    ]) {
      const r = portdesk([...args, '--data-dir', dir]);
      expect(r.code).toBe(1);
      expect(r.err.trim().split('\n')).toHaveLength(1);
      expect(r.err).toMatch(/is locked by another program .* Close it and try again\./);
      expect(r.err).not.toMatch(/SqliteError|\bat /);
    }
  }, 60_000);

  it('says in one sentence what to do with a data folder it cannot use', () => {
    const dir = tempDir();
    const file = path.join(dir, 'not-a-folder');
    fs.writeFileSync(file, 'x');
    const r = portdesk(['cases', 'list', '--data-dir', path.join(file, 'data')]);
    expect(r.code).toBe(1);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toMatch(/cannot use the data folder .*not-a-folder\/data .*pass another folder with --data-dir/);
  });
});
