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
  return Buffer.concat(['portdesk.sqlite', 'portdesk.sqlite-wal', 'portdesk.sqlite-shm']
    .map((f) => path.join(dir, f)).filter((f) => fs.existsSync(f)).map((f) => fs.readFileSync(f)));
}
const mode = (f: string) => fs.statSync(f).mode & 0o777;

describe('secrets at rest', () => {
  it('keeps neither the old nor the new PIN in the database or WAL bytes after a change and a checkpoint', async () => {
    const dir = tempDir();
    const core = openCore({ dataDir: dir, hostKind: 'loopback' });
    const created = await core.call('cases.create', { fields: { entity_name: 'Pin Holder LLC' }, numbersText: '3125550100' });
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
    const png = fs.readFileSync(path.resolve('test/fixtures/generator/samples', fs.readdirSync('test/fixtures/generator/samples').find((f) => f.endsWith('.pdf'))!));
    await core.call('documents.attach', { caseId: c.id, name: 'doc.pdf', dataBase64: png.toString('base64') });
    expect(mode(dir)).toBe(0o700);
    for (const f of ['portdesk.sqlite', 'portdesk.sqlite-wal', 'portdesk.sqlite-shm', 'portdesk.key', 'portdesk.lock']) {
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
    const old = openDatabase(path.join(dir, 'portdesk.sqlite'), { migrations: MIGRATIONS.filter((m) => m.version <= 4) });
    old.prepare(`INSERT INTO cases (status, status_rank, entity_name, pin, created_at, updated_at) VALUES ('intake', 0, 'Old Co', '61803398', 'x', 'x')`).run();
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

  it('never writes a PIN into the simulator state file', () => {
    const stateFile = path.join(tempDir(), 'porting-simulator.json');
    const sim = new PortingSimulator({ stateFile });
    sim.setCarrierRecords([{ account_name: 'Acme', account_number: '123', btn: '+13125550100', pin: '24681357', phone_numbers: ['+13125550100'],
      service_address: { street_line: '1 Main St', unit: null, city: 'Chicago', state: 'IL', zip5: '60601' } } as never]);
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
