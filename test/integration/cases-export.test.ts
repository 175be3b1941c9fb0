import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterEach, describe, expect, it } from 'vitest';
import { main } from '../../electron/cli/main.js';
import { openCore, type Core } from '../../electron/core/index.js';
import { CSV_COLUMNS } from '../../shared/contract/cases.js';
import { tempDir } from '../helpers/tmp.js';
import { textPdfBase64, waitFor } from './porting-helpers.js';

/** The queue export, the audit from the command line and search by BTN, on a real SQLite file. */

const cores: Core[] = [];
afterEach(async () => {
  for (const c of cores.splice(0)) await c.close();
});
function open(dataDir = tempDir()): Core {
  const core = openCore({ dataDir, hostKind: 'loopback', actor: 'maria' });
  cores.push(core);
  return core;
}
async function run(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('exporting the queue as CSV', () => {
  it("writes the import's columns plus status, order ids and FOC, neutralises formulas and never writes a PIN", async () => {
    const dir = tempDir();
    const core = open(dir);
    const a = await core.call('cases.create', {
      fields: {
        entity_name: '=HYPERLINK("http://evil.example","click")',
        authorized_person: '@SUM(A1)',
        btn: '+1 303 555 0170',
        account_number: '-42',
        customer_reference: '\tTCK-1',
        notes: 'not exported',
        service_city: 'Boulder, CO "north"',
        foc_date: '2026-04-02',
      },
      numbersText: '303.555.0170, 303.555.0171',
    });
    const withPin = await core.call('cases.update', { id: a.id, version: a.version, pin: '902211' });
    await core.call('cases.create', {
      fields: { entity_name: 'Plain Co', losing_carrier: 'Lumen' },
      numbersText: '4155550100',
    });
    await core.close();
    expect(withPin.pin_set).toBe(true);

    const file = path.join(dir, 'queue.csv');
    const cli = await run(['cases', 'export', '--out', file, '--data-dir', dir]);
    expect(cli).toMatchObject({ code: 0, out: `Wrote 2 case(s) to ${file}.` });
    const text = fs.readFileSync(file, 'utf8');
    expect(text).not.toContain('902211');
    expect(text).not.toContain('not exported');
    const rows = parse(text, { columns: true, bom: true }) as Record<string, string>[];
    expect(Object.keys(rows[0]!)).toEqual([...CSV_COLUMNS, 'status', 'order_ids', 'foc_date', 'case_id']);
    expect(rows[0]).toMatchObject({
      entity_name: `'=HYPERLINK("http://evil.example","click")`,
      authorized_person: "'@SUM(A1)",
      btn: "'+1 303 555 0170",
      account_number: "'-42",
      customer_reference: "'\tTCK-1",
      service_city: 'Boulder, CO "north"',
      numbers: '(303) 555-0170; (303) 555-0171',
      pin: '',
      status: 'intake',
      order_ids: '',
      foc_date: '2026-04-02',
      case_id: String(a.id),
    });
    expect(rows[1]).toMatchObject({ entity_name: 'Plain Co', losing_carrier: 'Lumen', numbers: '(415) 555-0100' });
    // no cell of the file starts a formula
    for (const row of rows) for (const v of Object.values(row)) expect(v).not.toMatch(/^[=+\-@\t\r]/);

    // the file imports again: same customers and numbers
    const again = open();
    const report = await again.call('cases.importCsv', { csv: text.replace(/^\uFEFF/, ''), fileName: 'queue.csv' });
    expect(report.imported).toBe(2);
    const reimported = await again.call('cases.get', { id: report.ids[1]! });
    expect(reimported.numbers.map((n) => n.e164)).toEqual(['+14155550100']);
  });

  it('refuses a missing --out and an unwritable path with what to do', async () => {
    const dir = tempDir();
    expect((await run(['cases', 'export', '--data-dir', dir])).err).toMatch(/give the file to write with --out/);
    const bad = await run(['cases', 'export', '--out', path.join(dir, 'no', 'such', 'dir.csv'), '--data-dir', dir]);
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/cannot write .*ENOENT; choose a writable path/);
  });
});

describe('portdesk audit', () => {
  it('lists every change of a case, newest first, with --case and --json, never the PIN', async () => {
    const dir = tempDir();
    const core = open(dir);
    const c = await core.call('cases.create', { fields: { entity_name: 'Audit Co' }, numbersText: '3125550147' });
    const v = (await core.call('cases.update', { id: c.id, version: c.version, pin: '55443322' })).version;
    await core.call('cases.setStatus', { id: c.id, version: v, status: 'documents', reason: 'papers asked' });
    const other = await core.call('cases.create', { fields: { entity_name: 'Other Co' }, numbersText: '3125550148' });
    await core.close();

    const json = await run(['audit', '--case', String(c.id), '--json', '--data-dir', dir]);
    expect(json.code).toBe(0);
    const entries = JSON.parse(json.out) as { case_id: number; action: string; detail: string }[];
    expect(entries.every((e) => e.case_id === c.id)).toBe(true);
    expect(entries.map((e) => e.action)).toEqual(['status', 'edited', 'created']);
    expect(entries[0]!.detail).toMatch(/status: intake → documents \(papers asked\)/);
    expect(entries[1]!.detail).toMatch(/pin: — → \(changed\)|pin: — → \(set\)/);
    expect(json.out).not.toContain('55443322');

    const text = await run(['audit', '--data-dir', dir]);
    expect(text.out).toMatch(/^4 entries/);
    expect(text.out).toMatch(new RegExp(`change\\s+${other.id}\\s+maria\\s+created`));
    const missing = await run(['audit', '--case', '999', '--data-dir', dir]);
    expect(missing.code).toBe(1);
    expect((await run(['audit', '--case', 'x', '--data-dir', dir])).err).toMatch(/--case takes a case id/);
  });
});

describe('search by any number on the case', () => {
  it('finds a case by its BTN even when the BTN is not among the numbers being ported, in any format', async () => {
    const core = open();
    const c = await core.call('cases.create', {
      fields: { entity_name: 'Billing Elsewhere LLC', btn: '(303) 555-0199' },
      numbersText: '303.555.0170',
    });
    await core.call('cases.create', {
      fields: { entity_name: 'Other Co', btn: '415-555-0100' },
      numbersText: '4155550101',
    });
    for (const q of ['303-555-0199', '+1 303 555 0199', '13035550199', '3035550199', '(303) 555 0199', '555-0199']) {
      expect(
        (await core.call('cases.list', { search: q })).rows.map((r) => r.id),
        q,
      ).toEqual([c.id]);
    }
    // the numbers being ported are still found in every format
    for (const q of ['+13035550170', '303 555 0170', '1-303-555-0170'])
      expect(
        (await core.call('cases.list', { search: q })).rows.map((r) => r.id),
        q,
      ).toEqual([c.id]);
  });

  it("finds a case by a number its documents list: the invoice's other lines, the CSR's BTN", async () => {
    const core = open();
    const c = await core.call('cases.create', {
      fields: { entity_name: 'Invoice Lines LLC' },
      numbersText: '3035550170',
    });
    await core.call('cases.create', { fields: { entity_name: 'Other Co' }, numbersText: '4155550101' });
    const doc = await core.call('documents.attach', {
      caseId: c.id,
      name: 'invoice.pdf',
      dataBase64: await textPdfBase64(['INVOICE', 'Invoice Lines LLC']),
    });
    await waitFor(
      () => core.call('documents.get', { id: doc.id }),
      (d) => d.status === 'ready',
    );
    await core.call('documents.correctField', {
      id: doc.id,
      field: 'phone_numbers',
      value: ['+13035550170', '+13035550188'],
    });
    await core.call('documents.correctField', { id: doc.id, field: 'btn', value: '3035550177' });
    for (const q of ['(303) 555-0188', '+1 303 555 0177', '3035550177'])
      expect(
        (await core.call('cases.list', { search: q })).rows.map((r) => r.id),
        q,
      ).toEqual([c.id]);
    // a short fragment is no number: it does not reach into the documents
    expect((await core.call('cases.list', { search: '0188' })).rows).toEqual([]);
  });
});
