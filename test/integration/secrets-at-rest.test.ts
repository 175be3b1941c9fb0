import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/core/db/open.js';
import { MIGRATIONS } from '../../electron/core/db/migrations.js';
import { openCore } from '../../electron/core/index.js';
import { PortingSimulator } from '../../electron/simulator/engine.js';
import { tempDir } from '../helpers/tmp.js';

/** Every byte PortDesk keeps about the database: the file, its WAL and shared-memory index. */
function databaseBytes(dir: string): Buffer {
  return Buffer.concat(
    ['portdesk.sqlite', 'portdesk.sqlite-wal', 'portdesk.sqlite-shm']
      .map((f) => path.join(dir, f))
      .filter((f) => fs.existsSync(f))
      .map((f) => fs.readFileSync(f)),
  );
}
const mode = (f: string) => fs.statSync(f).mode & 0o777;

describe('secrets at rest', () => {
  it('keeps neither the old nor the new PIN in the database or WAL bytes after a change and a checkpoint', async () => {
    const dir = tempDir();
    const core = openCore({ dataDir: dir, hostKind: 'loopback' });
    const created = await core.call('cases.create', {
      fields: { entity_name: 'Pin Holder LLC' },
      numbersText: '3125550100',
    });
    const set = await core.call('cases.update', { id: created.id, version: created.version, pin: '73915028' });
    // uncheckpointed: the WAL frames carry the row
    expect(databaseBytes(dir).includes('73915028')).toBe(false);
    await core.call('cases.update', { id: created.id, version: set.version, pin: '86420917' });
    core.ctx.db.pragma('wal_checkpoint(PASSIVE)');
    const bytes = databaseBytes(dir);
    expect(bytes.length).toBeGreaterThan(4096);
    expect(bytes.includes('73915028')).toBe(false);
    expect(bytes.includes('86420917')).toBe(false);
    expect(core.ctx.db.pragma('secure_delete', { simple: true })).toBe(1);
    // still usable by the person who asks
    expect(await core.call('cases.revealPin', { id: created.id })).toEqual({ pin: '86420917' });
    await core.close();
    const again = openCore({ dataDir: dir, hostKind: 'loopback' });
    expect(await again.call('cases.revealPin', { id: created.id })).toEqual({ pin: '86420917' });
    await again.close();
  });

  it('creates the data folder 0700 and the database, WAL, key and documents 0600', async () => {
    const parent = tempDir();
    const dir = path.join(parent, 'data');
    const core = openCore({ dataDir: dir, hostKind: 'loopback' });
    const c = await core.call('cases.create', { fields: { entity_name: 'Modes Co' }, numbersText: '3125550100' });
    await core.call('cases.update', { id: c.id, version: c.version, pin: '5555' });
    const png = fs.readFileSync(
      path.resolve(
        'test/fixtures/generator/samples',
        fs.readdirSync('test/fixtures/generator/samples').find((f) => f.endsWith('.pdf'))!,
      ),
    );
    await core.call('documents.attach', { caseId: c.id, name: 'doc.pdf', dataBase64: png.toString('base64') });
    expect(mode(dir)).toBe(0o700);
    for (const f of [
      'portdesk.sqlite',
      'portdesk.sqlite-wal',
      'portdesk.sqlite-shm',
      'portdesk.key',
      'portdesk.lock',
    ]) {
      expect([f, mode(path.join(dir, f))]).toEqual([f, 0o600]);
    }
    const docsRoot = path.join(dir, 'documents');
    const sub = fs.readdirSync(docsRoot)[0]!;
    expect(mode(path.join(docsRoot, sub))).toBe(0o700);
    expect(mode(path.join(docsRoot, sub, fs.readdirSync(path.join(docsRoot, sub))[0]!))).toBe(0o600);
    await core.close();
  });

  it('tightens an existing 0755 folder and 0644 database on open', async () => {
    const dir = tempDir();
    openCore({ dataDir: dir, hostKind: 'loopback' }).close();
    fs.chmodSync(dir, 0o755);
    fs.chmodSync(path.join(dir, 'portdesk.sqlite'), 0o644);
    const core = openCore({ dataDir: dir, hostKind: 'loopback' });
    expect(mode(dir)).toBe(0o700);
    expect(mode(path.join(dir, 'portdesk.sqlite'))).toBe(0o600);
    await core.close();
  });

  it('seals plain-text PINs of an older database when it is migrated', async () => {
    const dir = tempDir();
    const old = openDatabase(path.join(dir, 'portdesk.sqlite'), {
      migrations: MIGRATIONS.filter((m) => m.version <= 4),
    });
    old
      .prepare(
        `INSERT INTO cases (status, status_rank, entity_name, pin, created_at, updated_at) VALUES ('intake', 0, 'Old Co', '61803398', 'x', 'x')`,
      )
      .run();
    old.pragma('wal_checkpoint(TRUNCATE)');
    old.close();
    expect(databaseBytes(dir).includes('61803398')).toBe(true);
    const core = openCore({ dataDir: dir, hostKind: 'loopback' });
    core.ctx.db.pragma('wal_checkpoint(TRUNCATE)');
    expect(databaseBytes(dir).includes('61803398')).toBe(false);
    const id = (core.ctx.db.prepare('SELECT id FROM cases').get() as { id: number }).id;
    expect(await core.call('cases.revealPin', { id })).toEqual({ pin: '61803398' });
    expect((await core.call('cases.get', { id })).pin_set).toBe(true);
    await core.close();
  });

  it('seals the PINs in backups taken before PINs were sealed (case PIN, document PIN and its page words)', async () => {
    const dir = tempDir();
    const backups = path.join(dir, 'backups');
    // schema 4 with a case PIN and a document whose PIN was read from its page
    const v4 = openDatabase(path.join(dir, 'portdesk.sqlite'), {
      migrations: MIGRATIONS.filter((m) => m.version <= 4),
    });
    v4.prepare(
      `INSERT INTO cases (id, status, status_rank, entity_name, pin, created_at, updated_at) VALUES (1, 'intake', 0, 'Old Co', '61803398', 'x', 'x')`,
    ).run();
    v4.prepare(
      `INSERT INTO documents (id, case_id, sha256, original_name, mime, size, status, created_at, updated_at) VALUES (1, 1, 'ab', 'loa.pdf', 'application/pdf', 1, 'ready', 'x', 'x')`,
    ).run();
    const words = [
      { text: 'PIN:', bbox: [10, 10, 30, 20] },
      { text: '92740551', bbox: [40, 10, 80, 20] },
      { text: 'Acme', bbox: [10, 30, 40, 40] },
    ];
    v4.prepare(
      'INSERT INTO document_pages (document_id, page, method, width, height, words) VALUES (1, 1, ?, 600, 800, ?)',
    ).run('text', JSON.stringify(words));
    v4.prepare(
      `INSERT INTO document_fields (document_id, field, source, value, confidence, page, bbox, actor, at) VALUES (1, 'pin', 'extracted', ?, 0.9, 1, ?, 'extractor', 'x')`,
    ).run(JSON.stringify('92740551'), JSON.stringify([40, 10, 80, 20]));
    v4.close();
    // schema 4 → 5 takes a backup with the plain PINs (as an older PortDesk did)
    openDatabase(path.join(dir, 'portdesk.sqlite'), { migrations: MIGRATIONS.filter((m) => m.version <= 5) }).close();
    const backupBytes = () => fs.readdirSync(backups).map((f) => fs.readFileSync(path.join(backups, f)));
    expect(backupBytes()).toHaveLength(1);
    expect(backupBytes()[0]!.includes('61803398') && backupBytes()[0]!.includes('92740551')).toBe(true);

    // schema 5 → 6 seals the live database, then both backups (the older one and the one just taken)
    const core = openCore({ dataDir: dir, hostKind: 'loopback' });
    core.ctx.db.pragma('wal_checkpoint(TRUNCATE)');
    expect(databaseBytes(dir).includes('92740551')).toBe(false); // the live database's page words too
    await core.close();
    expect(backupBytes()).toHaveLength(2);
    for (const bytes of backupBytes()) {
      expect(bytes.includes('61803398')).toBe(false);
      expect(bytes.includes('92740551')).toBe(false);
      expect(bytes.includes('Acme')).toBe(true); // the rest of the backup is kept
    }

    // a backup put back in place still opens, migrates and gives the PIN to whoever asks
    const restored = tempDir();
    const oldest = fs.readdirSync(backups).sort()[0]!;
    fs.copyFileSync(path.join(backups, oldest), path.join(restored, 'portdesk.sqlite'));
    fs.copyFileSync(path.join(dir, 'portdesk.key'), path.join(restored, 'portdesk.key'));
    const again = openCore({ dataDir: restored, hostKind: 'loopback' });
    expect(await again.call('cases.revealPin', { id: 1 })).toEqual({ pin: '61803398' });
    expect(await again.call('documents.revealField', { id: 1, field: 'pin' })).toMatchObject({ value: '92740551' });
    await again.close();
  });

  it('never writes a PIN into the simulator state file', () => {
    const stateFile = path.join(tempDir(), 'porting-simulator.json');
    const sim = new PortingSimulator({ stateFile });
    sim.setCarrierRecords([
      {
        account_name: 'Acme',
        account_number: '123',
        btn: '+13125550100',
        pin: '24681357',
        phone_numbers: ['+13125550100'],
        service_address: { street_line: '1 Main St', unit: null, city: 'Chicago', state: 'IL', zip5: '60601' },
      } as never,
    ]);
    const created = sim.createOrders({ phone_numbers: ['+13125550100'] });
    const id = (created.body as { data: { id: string }[] }).data[0]!.id;
    sim.updateOrder(id, { end_user: { admin: { entity_name: 'Acme', pin_passcode: '97531864' } } });
    const text = fs.readFileSync(stateFile, 'utf8');
    expect(text).toContain(id);
    expect(text).not.toContain('97531864');
    expect(text).not.toContain('24681357');
    expect(mode(stateFile)).toBe(0o600);
  });
});
