import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase, schemaVersion } from '../../electron/core/db/open.js';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from '../../electron/core/db/migrations.js';
import { openCore } from '../../electron/core/index.js';
import { tempDir } from '../helpers/tmp.js';

describe('database', () => {
  it('creates a new database at the latest schema with WAL, FULL sync and foreign keys', () => {
    const file = path.join(tempDir(), 'a.sqlite');
    const db = openDatabase(file);
    expect(schemaVersion(db)).toBe(LATEST_SCHEMA_VERSION);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    db.close();
  });

  it.each(MIGRATIONS.slice(0, -1).map((m) => m.version))(
    'migrates from schema %i, keeping data and a backup',
    (from) => {
      const dir = tempDir();
      const file = path.join(dir, 'portdesk.sqlite');
      const old = openDatabase(file, { migrations: MIGRATIONS.filter((m) => m.version <= from) });
      old
        .prepare(
          `INSERT INTO cases (status, status_rank, entity_name, created_at, updated_at) VALUES ('intake', 0, 'Old Co', 'x', 'x')`,
        )
        .run();
      old.close();
      const db = openDatabase(file);
      expect(schemaVersion(db)).toBe(LATEST_SCHEMA_VERSION);
      expect(db.prepare('SELECT entity_name FROM cases').get()).toEqual({ entity_name: 'Old Co' });
      const backups = fs.readdirSync(path.join(dir, 'backups'));
      expect(backups.some((b) => b.includes(`-v${from}-`))).toBe(true);
      db.close();
    },
  );

  it('refuses a database written by a newer PortDesk and leaves it untouched', () => {
    const file = path.join(tempDir(), 'portdesk.sqlite');
    openDatabase(file).close();
    const raw = new Database(file);
    raw.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 7}`);
    raw.close();
    const before = fs.readFileSync(file);
    expect(() => openDatabase(file)).toThrow(
      expect.objectContaining({ code: 'DB_TOO_NEW', message: expect.stringMatching(/newer PortDesk/) }),
    );
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it('names a corrupt file and what to do, without changing it', () => {
    const file = path.join(tempDir(), 'portdesk.sqlite');
    fs.writeFileSync(file, Buffer.from('this is not a database at all, just some bytes'.repeat(200)));
    const before = fs.readFileSync(file);
    expect(() => openDatabase(file)).toThrow(
      expect.objectContaining({ code: 'DB_CORRUPT', message: expect.stringContaining(file) }),
    );
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it('reports a database locked by another program instead of crashing', async () => {
    const dataDir = tempDir();
    const core = openCore({ dataDir, hostKind: 'loopback' });
    const other = new Database(path.join(dataDir, 'portdesk.sqlite'));
    other.pragma('busy_timeout = 0');
    other.exec('BEGIN EXCLUSIVE');
    core.ctx.db.pragma('busy_timeout = 50');
    const res = await core.dispatch('cases.create', { fields: { entity_name: 'Blocked Inc' } });
    expect(res).toMatchObject({ ok: false, error: { code: 'DB_LOCKED' } });
    other.exec('ROLLBACK');
    other.close();
    const ok = await core.dispatch('cases.create', { fields: { entity_name: 'Fine Inc' } });
    expect(ok.ok).toBe(true);
    await core.close();
  });

  it('keeps committed cases when the process dies without closing', async () => {
    const dataDir = tempDir();
    const { spawnSync } = await import('node:child_process');
    const script = `
      import { openCore } from ${JSON.stringify(path.resolve('electron/core/index.ts'))};
      const core = openCore({ dataDir: ${JSON.stringify(dataDir)}, hostKind: 'loopback' });
      await core.call('cases.create', { fields: { entity_name: 'Survivor LLC' }, numbersText: '312-555-0100' });
      process.kill(process.pid, 'SIGKILL');`;
    const scriptFile = path.join(dataDir, 'crash.mts');
    fs.writeFileSync(scriptFile, script);
    spawnSync(process.execPath, ['--import', 'tsx', scriptFile], { cwd: process.cwd() });
    const core = openCore({ dataDir, hostKind: 'loopback' });
    const list = await core.call('cases.list', {});
    expect(list.rows.map((r) => r.entity_name)).toEqual(['Survivor LLC']);
    await core.close();
  });
});
