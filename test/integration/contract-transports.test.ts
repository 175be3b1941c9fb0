import { describe, expect, it } from 'vitest';
import { httpTransport, ipcTransport, type Transport } from '../helpers/transports.js';

/** One contract suite, run over both transports: the renderer must not be able to tell them apart. */
describe.each([
  ['ipc', ipcTransport],
  ['http', httpTransport],
] as const)('contract over %s', (_name, open) => {
  async function withTransport(fn: (t: Transport) => Promise<void>) {
    const t = await open();
    try {
      await fn(t);
    } finally {
      await t.close();
    }
  }

  it('reports app info for its host kind', () =>
    withTransport(async (t) => {
      const res = await t.call('app.info', {});
      expect(res).toMatchObject({
        ok: true,
        value: { host: t.name === 'ipc' ? 'electron' : 'loopback', schemaVersion: expect.any(Number) },
      });
    }));

  it('creates, lists, edits and searches cases, and pushes change events', () =>
    withTransport(async (t) => {
      const created = await t.call('cases.create', {
        fields: { entity_name: 'Quantum Legal Partners LLP' },
        numbersText: '617-555-0140',
      });
      expect(created).toMatchObject({ ok: true, value: { id: 1, status: 'intake', version: 1 } });
      const found = await t.call('cases.list', { search: '(617) 555 0140' });
      expect(found).toMatchObject({
        ok: true,
        value: { total: 1, rows: [{ entity_name: 'Quantum Legal Partners LLP', number_count: 1 }] },
      });
      const edited = await t.call('cases.update', { id: 1, version: 1, fields: { losing_carrier: 'Aircall' } });
      expect(edited).toMatchObject({ ok: true, value: { version: 2, losing_carrier: 'Aircall' } });
      await expect.poll(() => t.events.filter((e) => e.name === 'cases.changed').length).toBeGreaterThanOrEqual(2);
    }));

  it('returns the same error envelopes', () =>
    withTransport(async (t) => {
      expect(await t.call('cases.nope', {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
      expect(await t.call('cases.get', { id: -1 })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
      expect(await t.call('cases.get', { id: 99 })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
      await t.call('cases.create', { fields: { entity_name: 'A' } });
      await t.call('cases.update', { id: 1, version: 1, fields: { entity_name: 'B' } });
      expect(await t.call('cases.update', { id: 1, version: 1, fields: { entity_name: 'C' } })).toMatchObject({
        ok: false,
        error: { code: 'CONFLICT', details: { current: { entity_name: 'B' } } },
      });
    }));
});
