import { describe, expect, it } from 'vitest';
import { openCore } from '../../electron/core/index.js';
import { tempDir } from '../helpers/tmp.js';

const rows = (n: number) =>
  [
    'entity_name,numbers,pin',
    ...Array.from(
      { length: n },
      (_, i) => `"Import ${i}, LLC",(312) 555-${String(i % 10000).padStart(4, '0')},${1000 + i}`,
    ),
  ].join('\n');

describe('a large CSV import while the app is in use', () => {
  it('answers other calls and keeps an edit made during the import', async () => {
    const core = openCore({ dataDir: tempDir(), hostKind: 'loopback' });
    try {
      const existing = await core.call('cases.create', {
        fields: { entity_name: 'Edited Meanwhile Co' },
        // not one of the file's numbers: a row whose number is on an active case is reported, not imported
        numbersText: '4155550100',
      });
      const importing = core.call('cases.importCsv', { csv: rows(4000), fileName: 'big.csv' });
      let importDone = false;
      void importing.then(() => {
        importDone = true;
      });
      await new Promise((r) => setTimeout(r, 20));
      const info = await core.call('app.info', {});
      const edited = await core.call('cases.update', {
        id: existing.id,
        version: existing.version,
        fields: { notes: 'called back' },
      });
      // both answered while the import was still running
      expect(importDone).toBe(false);
      expect(info).toBeTruthy();
      expect(edited.notes).toBe('called back');
      const report = await importing;
      expect(report.imported).toBe(4000);
      expect((await core.call('cases.list', {})).total).toBe(4001);
      expect((await core.call('cases.get', { id: existing.id })).notes).toBe('called back');
    } finally {
      await core.close();
    }
  }, 120_000);

  it('runs two imports one after the other, each all or nothing', async () => {
    const core = openCore({ dataDir: tempDir(), hostKind: 'loopback' });
    try {
      const [a, b] = await Promise.all([
        core.call('cases.importCsv', { csv: rows(500) }),
        core.dispatch('cases.importCsv', { csv: `entity_name,numbers\nFine,3125550100\n"Open quote,3125550101\n` }),
      ]);
      expect(a.imported).toBe(500);
      expect(b).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
      expect((await core.call('cases.list', {})).total).toBe(500);
    } finally {
      await core.close();
    }
  }, 120_000);
});
