import { describe, expect, it } from 'vitest';
import { openCore, type Core } from '../../electron/core/index.js';
import { tempDir } from '../helpers/tmp.js';

function core(): Core {
  return openCore({ dataDir: tempDir(), hostKind: 'loopback', actor: 'maria' });
}

describe('cases on a real SQLite file', () => {
  it('creates a case with pasted numbers: valid ones become E.164, invalid ones are kept and explained', async () => {
    const c = core();
    const rec = await c.call('cases.create', {
      fields: { entity_name: 'Acme Dental LLC', losing_carrier: 'AT&T' },
      numbersText: '(312) 555-0147\n312.555.0148, +1 312 555 0149; 555-01\n3125550150 3125550151',
    });
    expect(rec.status).toBe('intake');
    expect(rec.numbers.filter((n) => n.e164).map((n) => n.e164)).toEqual([
      '+13125550147',
      '+13125550148',
      '+13125550149',
      '+13125550150',
      '+13125550151',
    ]);
    expect(rec.numbers.filter((n) => !n.e164)).toEqual([{ raw: '555-01', e164: null, error: 'too few digits' }]);
    await c.close();
  });

  it('finds a case by a number in another format, by account number, reference and customer', async () => {
    const c = core();
    const a = await c.call('cases.create', {
      fields: {
        entity_name: 'Harbor Freight Logistics',
        account_number: '8771-20-301',
        customer_reference: 'TCK-20417',
      },
      numbersText: '+13125550147',
    });
    await c.call('cases.create', {
      fields: { entity_name: 'Other Co', account_number: '999' },
      numbersText: '+14155550100',
    });
    const ids = async (search: string) => (await c.call('cases.list', { search })).rows.map((r) => r.id);
    expect(await ids('(312) 555-0147')).toEqual([a.id]);
    expect(await ids('312.555.0147')).toEqual([a.id]);
    expect(await ids('555-0147')).toEqual([a.id]);
    expect(await ids('877120301')).toEqual([a.id]);
    expect(await ids('8771-20-301')).toEqual([a.id]);
    expect(await ids('tck-20417')).toEqual([a.id]);
    expect(await ids('harbor freight')).toEqual([a.id]);
    expect(await ids('nothing like this')).toEqual([]);
    await c.close();
  });

  it('filters by status and carrier and sorts by age, FOC date and status', async () => {
    const c = core();
    await c.call('cases.loadSamples', {});
    const all = await c.call('cases.list', { limit: 500 });
    expect(all.total).toBeGreaterThanOrEqual(10);
    const review = await c.call('cases.list', { status: ['review'] });
    expect(review.rows.length).toBeGreaterThan(0);
    expect(review.rows.every((r) => r.status === 'review')).toBe(true);
    const att = await c.call('cases.list', { carrier: 'at&t' });
    expect(att.rows.every((r) => r.losing_carrier === 'AT&T')).toBe(true);
    const oldestFirst = (await c.call('cases.list', { sort: 'age', direction: 'desc' })).rows.map((r) => r.created_at);
    expect([...oldestFirst].sort()).toEqual(oldestFirst);
    const foc = (await c.call('cases.list', { sort: 'foc', direction: 'asc' })).rows.map((r) => r.foc_date);
    const withFoc = foc.filter((f): f is string => f !== null);
    expect(withFoc).toEqual([...withFoc].sort());
    expect(foc.slice(withFoc.length).every((f) => f === null)).toBe(true);
    const byStatus = (await c.call('cases.list', { sort: 'status', direction: 'asc' })).rows.map((r) => r.status);
    expect(byStatus[0]).toBe('intake');
    expect(await c.call('cases.carriers', {})).toContain('RingCentral');
    await c.close();
  });

  it('refuses a stale edit with the current data and keeps the other edit', async () => {
    const c = core();
    const rec = await c.call('cases.create', { fields: { entity_name: 'Blue Ridge Vet' } });
    const first = await c.call('cases.update', {
      id: rec.id,
      version: rec.version,
      fields: { entity_name: 'Blue Ridge Veterinary Clinic Inc.' },
    });
    const stale = await c.dispatch('cases.update', {
      id: rec.id,
      version: rec.version,
      fields: { entity_name: 'Blue Ridge V.C.' },
    });
    expect(stale).toMatchObject({
      ok: false,
      error: {
        code: 'CONFLICT',
        details: { current: { entity_name: 'Blue Ridge Veterinary Clinic Inc.', version: first.version } },
      },
    });
    expect((await c.call('cases.get', { id: rec.id })).entity_name).toBe('Blue Ridge Veterinary Clinic Inc.');
    await c.close();
  });

  it('records who changed what in the history, never the PIN itself', async () => {
    const c = core();
    const rec = await c.call('cases.create', { fields: { entity_name: 'Sunset Yoga' } });
    const v2 = await c.call('cases.update', {
      id: rec.id,
      version: rec.version,
      fields: { btn: '3105550183' },
      pin: '84721',
    });
    expect(v2.pin_set).toBe(true);
    expect(JSON.stringify(v2)).not.toContain('84721');
    await c.call('cases.update', { id: rec.id, version: v2.version, pin: '99120' });
    const history = await c.call('cases.history', { id: rec.id });
    expect(JSON.stringify(history)).not.toMatch(/84721|99120/);
    expect(history[0]).toMatchObject({
      actor: 'maria',
      action: 'edited',
      changes: [{ field: 'pin', from: '(set)', to: '(changed)' }],
    });
    expect(history[1]!.changes).toContainEqual({ field: 'btn', from: '', to: '3105550183' });
    expect(await c.call('cases.revealPin', { id: rec.id })).toEqual({ pin: '99120' });
    expect((await c.call('cases.history', { id: rec.id }))[0]!.action).toBe('pin-revealed');
    await c.close();
  });

  it('follows the porting lifecycle and refuses moves that make no sense, with a reason', async () => {
    const c = core();
    let rec = await c.call('cases.create', { fields: { entity_name: 'Copper Kettle' } });
    const bad = await c.dispatch('cases.setStatus', { id: rec.id, version: rec.version, status: 'ported' });
    expect(bad).toMatchObject({
      ok: false,
      error: { code: 'INVALID_TRANSITION', message: expect.stringMatching(/FOC/) },
    });
    for (const s of ['documents', 'review'] as const) {
      rec = await c.call('cases.setStatus', { id: rec.id, version: rec.version, status: s });
    }
    // no document read: nothing could be checked, so Ready takes a written override reason
    rec = (
      await c.call('review.markReady', {
        caseId: rec.id,
        version: rec.version,
        overrideReason: 'Papers checked by phone.',
      })
    ).case;
    for (const s of ['submitted', 'foc-confirmed', 'ported'] as const) {
      rec = await c.call('cases.setStatus', { id: rec.id, version: rec.version, status: s });
    }
    expect(rec.status).toBe('ported');
    const after = await c.dispatch('cases.setStatus', { id: rec.id, version: rec.version, status: 'cancelled' });
    expect(after).toMatchObject({
      ok: false,
      error: { code: 'INVALID_TRANSITION', message: expect.stringMatching(/final/) },
    });
    const statuses = (await c.call('cases.history', { id: rec.id }))
      .filter((h) => h.action === 'status')
      .map((h) => h.changes[0]!.to);
    expect(statuses).toEqual(['ported', 'foc-confirmed', 'submitted', 'ready', 'review', 'documents']);
    await c.close();
  });

  it('marks cases changed by something else (the carrier, the API) since the user last looked', async () => {
    const c = core();
    const rec = await c.call('cases.create', { fields: { entity_name: 'Pixel Forge' } });
    await c.call('cases.setStatus', { id: rec.id, version: rec.version, status: 'documents' });
    expect((await c.call('cases.list', {})).rows[0]!.unseen_change).toBe(false);
    await new Promise((r) => setTimeout(r, 5));
    c.ctx.cases.touch(rec.id, { changed: true });
    expect((await c.call('cases.list', {})).rows[0]!.unseen_change).toBe(true);
    await c.call('cases.markSeen', { id: rec.id });
    expect((await c.call('cases.list', {})).rows[0]!.unseen_change).toBe(false);
    // imported cases wait unseen in the queue until opened
    const imported = await c.call('cases.importCsv', { csv: 'entity_name,numbers\nNew Import Co,3125550100\n' });
    const row = (await c.call('cases.list', { search: 'New Import' })).rows[0]!;
    expect([row.id, row.unseen_change]).toEqual([imported.ids[0], true]);
    await c.close();
  });

  it('rejects malformed input and unknown methods with clear errors and changes nothing', async () => {
    const c = core();
    expect(await c.dispatch('cases.get', { id: 'seven' })).toMatchObject({
      ok: false,
      error: { code: 'BAD_INPUT', message: expect.stringMatching(/id/) },
    });
    expect(await c.dispatch('cases.drop', {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    expect(await c.dispatch('cases.get', { id: 404 })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await c.dispatch('cases.create', { fields: { entity_name: 'x'.repeat(5000) } })).toMatchObject({
      ok: false,
      error: { code: 'BAD_INPUT' },
    });
    expect((await c.call('cases.list', {})).total).toBe(0);
    await c.close();
  });
});

describe('CSV import', () => {
  const header =
    'Entity_Name,NUMBERS,authorized_person,btn,account_number,pin,service_street,service_unit,service_city,service_state,service_zip,losing_carrier,customer_reference';

  it('imports valid rows in one go and reports the rejected ones with reasons', async () => {
    const c = core();
    const csv = [
      header,
      '"Lakeview Dental Group, P.C.",(312) 555-0147; 312-555-0148,Maria Okafor,3125550147,8310004417726,1234,2145 N Halsted St,Suite 200,Chicago,IL,60614,AT&T,TCK-1',
      ',3125550100,,,,,,,,,,,',
      'No Numbers Inc,,,,,,,,,,,,',
      'Bad Zip LLC,3125550101,,,,,,,,,6061,,',
      'Garbage Numbers,abc; 12,,,,,,,,,,,',
      'Spaces Co,3125550102 3125550103,,,,,,,,,60614-1234,Lumen,',
    ].join('\r\n');
    const report = await c.call('cases.importCsv', { csv });
    expect(report.imported).toBe(2);
    expect(report.rejected.map((r) => r.row)).toEqual([3, 4, 5, 6]);
    expect(report.rejected[0]!.reason).toMatch(/entity_name/);
    expect(report.rejected[2]!.reason).toMatch(/ZIP/);
    const first = await c.call('cases.get', { id: report.ids[0]! });
    expect(first).toMatchObject({
      entity_name: 'Lakeview Dental Group, P.C.',
      service_unit: 'Suite 200',
      pin_set: true,
    });
    expect(first.numbers.map((n) => n.e164)).toEqual(['+13125550147', '+13125550148']);
    const second = await c.call('cases.get', { id: report.ids[1]! });
    expect(second.numbers.map((n) => n.e164)).toEqual(['+13125550102', '+13125550103']);
    await c.close();
  });

  it('refuses a file without the required columns, naming them, and imports nothing', async () => {
    const c = core();
    const res = await c.dispatch('cases.importCsv', { csv: 'name,phone\nAcme,3125550100\n' });
    expect(res).toMatchObject({
      ok: false,
      error: { code: 'BAD_INPUT', message: expect.stringMatching(/entity_name, numbers/) },
    });
    expect((await c.call('cases.list', {})).total).toBe(0);
    await c.close();
  });

  it('refuses text in the wrong encoding', async () => {
    const c = core();
    const latin1 = Buffer.from(`${header}\nCaf\xe9 Uno,3125550100,,,,,,,,,,,\n`, 'latin1');
    const res = await c.dispatch('cases.importCsv', { csv: latin1.toString('utf8') });
    expect(res).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', message: expect.stringMatching(/UTF-8/) } });
    const utf16 = await c.dispatch('cases.importCsv', {
      csv: Buffer.from(`${header}\nA,3125550100\n`, 'utf16le').toString('latin1'),
    });
    expect(utf16).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    expect((await c.call('cases.list', {})).total).toBe(0);
    await c.close();
  });

  it('leaves nothing half-imported when the database fails midway', async () => {
    const c = core();
    // a trigger that fails on the 3rd row stands in for a crash or full disk midway through
    c.ctx.db.exec(`CREATE TRIGGER boom BEFORE INSERT ON cases WHEN (SELECT count(*) FROM cases) >= 2
      BEGIN SELECT RAISE(ABORT, 'simulated failure'); END`);
    const rows = Array.from({ length: 5 }, (_, i) => `Co ${i},312555010${i}`);
    const res = await c.dispatch('cases.importCsv', { csv: ['entity_name,numbers', ...rows].join('\n') });
    expect(res.ok).toBe(false);
    c.ctx.db.exec('DROP TRIGGER boom');
    expect((await c.call('cases.list', {})).total).toBe(0);
    await c.close();
  });
});
