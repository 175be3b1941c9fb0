import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ImportReport } from '../../shared/contract/cases.js';
import { importCsv, type ImportRowCheckFactory } from '../../electron/core/cases/import.js';
import { UNFINISHED_IMPORTS_KEY } from '../../electron/core/cases/import-journal.js';
import { DB_FILE_NAME, openCore, type Core } from '../../electron/core/index.js';
import { tempDir } from '../helpers/tmp.js';

const rows = (n: number, name = (i: number) => `"Import ${i}, LLC"`) =>
  [
    'entity_name,numbers,pin',
    ...Array.from({ length: n }, (_, i) => `${name(i)},(312) 555-${String(i % 10000).padStart(4, '0')},${1000 + i}`),
  ].join('\n');

/** What another process would read from the database file right now: only committed data. */
function committedNotes(dataDir: string, id: number): string | undefined {
  const other = new Database(path.join(dataDir, DB_FILE_NAME), { readonly: true });
  try {
    return (other.prepare('SELECT notes FROM cases WHERE id = ?').get(id) as { notes: string } | undefined)?.notes;
  } finally {
    other.close();
  }
}

/** Start an import, then edit one case and create another while it is still reading the file. */
async function editDuringImport(core: Core, dataDir: string, csv: string) {
  const existing = await core.call('cases.create', {
    // a number the file does not list: a case already holding one of its numbers would make that row a duplicate
    fields: { entity_name: 'Edited Meanwhile Co' },
    numbersText: '2125550100',
  });
  const importing = core.dispatch('cases.importCsv', { csv, fileName: 'big.csv' });
  let importDone = false;
  void importing.then(() => {
    importDone = true;
  });
  await new Promise((r) => setTimeout(r, 20));
  const edited = await core.call('cases.update', {
    id: existing.id,
    version: existing.version,
    fields: { notes: 'called back' },
  });
  const created = await core.call('cases.create', { fields: { entity_name: 'Created Meanwhile Co' } });
  expect(importDone).toBe(false);
  expect(edited.notes).toBe('called back');
  // the edit is committed at once, not held in a transaction that the import could still roll back
  expect(committedNotes(dataDir, existing.id)).toBe('called back');
  return { existing, created, result: await importing };
}

describe('an edit made while a CSV is imported', () => {
  it('survives an import that fails at the end of the file, also after a restart', async () => {
    const dataDir = tempDir();
    let core = openCore({ dataDir, hostKind: 'loopback' });
    try {
      const csv = `${rows(5000)}\n"Unclosed Quote Co,3125550199,1\n`;
      const { existing, created, result } = await editDuringImport(core, dataDir, csv);
      expect(result).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', message: /closing " is missing/ } });
      await core.close();
      core = openCore({ dataDir, hostKind: 'loopback' });
      const list = await core.call('cases.list', {});
      expect(list.rows.map((r) => r.entity_name).sort()).toEqual(['Created Meanwhile Co', 'Edited Meanwhile Co']);
      expect((await core.call('cases.get', { id: existing.id })).notes).toBe('called back');
      expect((await core.call('cases.get', { id: created.id })).entity_name).toBe('Created Meanwhile Co');
    } finally {
      await core.close();
    }
  }, 120_000);

  it('survives an import whose final write fails, and nothing of the file lands', async () => {
    const dataDir = tempDir();
    const core = openCore({ dataDir, hostKind: 'loopback' });
    try {
      // stands in for a full disk when the read file is written: the file's last case cannot be stored
      core.ctx.db.exec(`CREATE TRIGGER refuse_last BEFORE INSERT ON cases WHEN NEW.entity_name = 'Import 4999, LLC'
        BEGIN SELECT RAISE(ABORT, 'simulated failure'); END`);
      const { existing, result } = await editDuringImport(core, dataDir, rows(5000));
      expect(result.ok).toBe(false);
      core.ctx.db.exec('DROP TRIGGER refuse_last');
      expect((await core.call('cases.list', {})).total).toBe(2);
      expect((await core.call('cases.get', { id: existing.id })).notes).toBe('called back');
      expect((await core.call('cases.list', { search: 'Import 17' })).total).toBe(0);
    } finally {
      await core.close();
    }
  }, 120_000);

  it('lands together with a successful import: every case, its numbers, search and history', async () => {
    const dataDir = tempDir();
    const core = openCore({ dataDir, hostKind: 'loopback' });
    try {
      const { existing, created, result } = await editDuringImport(core, dataDir, rows(5000));
      if (!result.ok) throw new Error(result.error.message);
      const report = result.value as ImportReport;
      expect(report.imported).toBe(5000);
      expect(new Set(report.ids).size).toBe(5000);
      expect(report.ids).not.toContain(created.id);
      expect(report.ids).not.toContain(existing.id);
      expect((await core.call('cases.list', {})).total).toBe(5002);
      expect((await core.call('cases.get', { id: existing.id })).notes).toBe('called back');
      expect((await core.call('cases.get', { id: created.id })).entity_name).toBe('Created Meanwhile Co');
      const last = await core.call('cases.get', { id: report.ids[4999]! });
      expect(last).toMatchObject({ entity_name: 'Import 4999, LLC', pin_set: true, status: 'intake' });
      expect(last.numbers).toEqual([{ raw: '(312) 555-4999', e164: '+13125554999', error: null }]);
      const found = await core.call('cases.list', { search: '3125554999' });
      expect(found.rows.map((r) => r.id)).toEqual([last.id]);
      const history = await core.call('cases.history', { id: last.id });
      expect(history).toEqual([
        expect.objectContaining({
          action: 'imported from big.csv',
          changes: [
            { field: 'entity_name', from: null, to: 'Import 4999, LLC' },
            { field: 'pin', from: null, to: '(set)' },
            { field: 'numbers', from: null, to: '+13125554999' },
          ],
        }),
      ]);
      expect((await core.call('cases.revealPin', { id: last.id })).pin).toBe('5999');
    } finally {
      await core.close();
    }
  }, 120_000);
});

describe('two imports at once on two connections to one database', () => {
  it('takes back only the one that fails; the other lands whole', async () => {
    const dataDir = tempDir();
    const failing = openCore({ dataDir, hostKind: 'loopback' });
    const landing = openCore({ dataDir, hostKind: 'loopback' });
    try {
      failing.ctx.db.exec(`CREATE TRIGGER refuse_last BEFORE INSERT ON cases WHEN NEW.entity_name = 'Fail 2999, LLC'
        BEGIN SELECT RAISE(ABORT, 'simulated failure'); END`);
      const [failed, landed] = await Promise.all([
        failing.dispatch('cases.importCsv', { csv: rows(3000, (i) => `"Fail ${i}, LLC"`) }),
        landing.dispatch('cases.importCsv', { csv: rows(3000, (i) => `"Keep ${i}, LLC"`) }),
      ]);
      expect(failed.ok).toBe(false);
      expect(landed.ok).toBe(true);
      expect((await landing.call('cases.list', {})).total).toBe(3000);
      expect((await landing.call('cases.list', { search: 'Fail 1' })).total).toBe(0);
      expect(landing.ctx.settings.get(UNFINISHED_IMPORTS_KEY)).toBeNull();
    } finally {
      await landing.close();
      await failing.close();
    }
  }, 120_000);
});

describe('an import stopped midway by a crash', () => {
  it('is taken back when the app next opens the folder, keeping the cases that were there', async () => {
    const dataDir = tempDir();
    const first = openCore({ dataDir, hostKind: 'loopback' });
    await first.call('cases.create', { fields: { entity_name: 'Here Before Co' }, numbersText: '3125550100' });
    await first.close();
    const csvFile = path.join(tempDir(), 'big.csv');
    fs.writeFileSync(csvFile, rows(20_000));
    const child = spawnSync(
      process.execPath,
      ['--import', 'tsx', 'test/helpers/import-crash-child.ts', dataDir, csvFile],
      {
        encoding: 'utf8',
      },
    );
    expect(child.signal, child.stderr).toBe('SIGKILL');
    // the file really holds a part of the import: some cases landed, not all
    const raw = new Database(path.join(dataDir, DB_FILE_NAME), { readonly: true });
    const landed = (raw.prepare('SELECT count(*) AS n FROM cases').get() as { n: number }).n - 1;
    raw.close();
    expect(landed).toBeGreaterThan(0);
    expect(landed).toBeLessThan(20_000);
    const core = openCore({ dataDir, hostKind: 'loopback' });
    try {
      const list = await core.call('cases.list', {});
      expect(list.rows.map((r) => r.entity_name)).toEqual(['Here Before Co']);
      expect((await core.call('cases.list', { search: 'Import 1' })).total).toBe(0);
      expect(core.ctx.settings.get(UNFINISHED_IMPORTS_KEY)).toBeNull();
      const history = core.ctx.db.prepare('SELECT count(*) AS n FROM case_history').get() as { n: number };
      expect(history.n).toBe(1);
    } finally {
      await core.close();
    }
  }, 180_000);
});

describe('the pre-insert check seam (duplicate detection plugs in here)', () => {
  it('rejects or annotates rows before they are stored, seeing every valid row in file order', async () => {
    const core = openCore({ dataDir: tempDir(), hostKind: 'loopback' });
    try {
      const seen: number[] = [];
      const checkRow: ImportRowCheckFactory = () => (r) => {
        seen.push(r.row);
        if (r.case.fields.entity_name === 'Import 2, LLC') return { reject: 'same numbers as row 2' };
        if (r.case.fields.entity_name === 'Import 3, LLC') return { warnings: ['looks like case 7'] };
        return undefined;
      };
      const report = await importCsv(core.ctx, rows(5), { checkRow });
      expect(seen).toEqual([2, 3, 4, 5, 6]);
      expect(report.imported).toBe(4);
      expect(report.rejected).toEqual([{ row: 4, reason: 'same numbers as row 2' }]);
      expect(report.warnings).toEqual([{ row: 5, message: 'looks like case 7' }]);
      const names = (await core.call('cases.list', {})).rows.map((r) => r.entity_name);
      expect(names).not.toContain('Import 2, LLC');
    } finally {
      await core.close();
    }
  }, 60_000);
});
