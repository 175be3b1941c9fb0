import fs from 'node:fs';
import path from 'node:path';
import { createCanvas } from '@napi-rs/canvas';
import { afterEach, describe, expect, it } from 'vitest';
import { contract, type CoreMethodName, type MethodInput } from '../../shared/contract/index.js';
import type { Core } from '../../electron/core/index.js';
import { tempDir } from '../helpers/tmp.js';
import { NORTHWIND, readyCase, textPdfBase64, waitFor, northwindCsr } from './porting-helpers.js';
import { openWithSimulator } from './sim-helpers.js';

/**
 * Every method of the core's contract, called once on a real core (SQLite, documents, the porting
 * simulator over HTTP), its result parsed against the output schema the contract declares: a
 * handler cannot drift from what the renderer and the CLI are told they get. The table is typed
 * by the contract, so a new method does not compile until it is walked here.
 */

interface World {
  core: Core;
  /** an empty queue with nothing being read (sample cases load only there; an import writes on a connection of its own) */
  fresh: Core;
  extraDocId: number;
  caseId: number;
  version(): Promise<number>;
  docId: number;
  /** an LOA whose PIN the renderer only gets on request */
  pinDocId: number;
  slowDocId: number;
  orderId: string;
  failedOutboxId: number;
  exportId: string;
  exportFile: string;
  /** a ready case submitted by ticket (manual channel) */
  manualCaseId: number;
}

type Walk = { [M in CoreMethodName]: (w: World) => Promise<MethodInput<M>> | MethodInput<M> };

const CSR = northwindCsr('Lumen', { phone_numbers: ['3035550170'] });
const SETTINGS = {
  misc: { type: 'full' as const, remaining_numbers_action: null, new_billing_phone_number: null },
  configuration: {},
};

/** In call order: later entries rely on what earlier ones made. */
const WALK: Walk = {
  'app.info': () => ({}),
  'app.setActor': () => ({ actor: 'maria' }),
  'cases.create': () => ({ fields: { entity_name: 'Quantum Legal Partners LLP' }, numbersText: '617-555-0140' }),
  'cases.list': () => ({ search: 'Northwind' }),
  'cases.carriers': () => ({}),
  'cases.get': (w) => ({ id: w.caseId }),
  'cases.update': async (w) => ({ id: w.caseId, version: await w.version(), fields: { notes: 'walked' } }),
  'cases.setStatus': async (w) => ({ id: w.caseId, version: await w.version(), status: 'review' }),
  'cases.history': (w) => ({ id: w.caseId }),
  'cases.revealPin': (w) => ({ id: w.caseId }),
  'cases.markSeen': (w) => ({ id: w.caseId }),
  'cases.loadSamples': () => ({}),
  'cases.importCsv': () => ({ csv: 'entity_name,numbers\nImported Co,3125550199\n', fileName: 'one.csv' }),
  'cases.statusCounts': () => ({ search: 'Northwind' }),
  'cases.sharingNumbers': (w) => ({ id: w.caseId }),
  'cases.cancelMany': async (w) => ({
    ids: [(await w.core.call('cases.create', { fields: { entity_name: 'Walked Away LLC' } })).id],
    reason: 'Walking the contract.',
  }),
  'documents.list': (w) => ({ caseId: w.caseId }),
  'documents.get': (w) => ({ id: w.docId }),
  'documents.attach': async (w) => ({
    caseId: w.caseId,
    name: 'extra.pdf',
    dataBase64: await textPdfBase64(['EXTRA PAGE']),
  }),
  'documents.attachFromDialog': (w) => ({ caseId: w.caseId }),
  'documents.active': () => ({}),
  'documents.setKind': (w) => ({ id: w.extraDocId, kind: 'other' }),
  'documents.cancel': (w) => ({ id: w.slowDocId }),
  'documents.retry': (w) => ({ id: w.slowDocId }),
  'documents.fields': (w) => ({ id: w.docId }),
  'documents.correctField': (w) => ({ id: w.docId, field: 'account_name', value: 'Northwind Accounting LLC' }),
  'documents.file': (w) => ({ id: w.docId }),
  'documents.remove': (w) => ({ id: w.extraDocId }),
  'documents.restore': (w) => ({ id: w.extraDocId }),
  'documents.replace': async (w) => ({
    id: w.extraDocId,
    name: 'extra-newer.pdf',
    dataBase64: await textPdfBase64(['EXTRA PAGE, NEWER COPY']),
  }),
  'documents.revealField': (w) => ({ id: w.pinDocId, field: 'pin' }),
  'review.compare': (w) => ({ caseId: w.caseId }),
  'review.settings': () => ({}),
  'review.setSettings': () => ({ defaults: { invoiceMaxAgeDays: 45, loaMaxAgeDays: 60 }, carriers: [] }),
  'settings.get': () => ({}),
  'settings.set': () => ({ gainingCarrier: 'Telnyx' }),
  'review.checkItem': (w) => ({ caseId: w.caseId, item: 'pin', done: true }),
  'review.confirmReading': (w) => ({
    caseId: w.caseId,
    field: 'account_number',
    source: 'csr',
    value: '4001 2883 3009',
  }),
  'review.applyValue': async (w) => ({
    caseId: w.caseId,
    version: await w.version(),
    field: 'account_name',
    source: 'csr',
  }),
  'review.markReady': async (w) => ({
    caseId: w.caseId,
    version: await w.version(),
    overrideReason: 'Walking every method of the contract in a test.',
  }),
  'porting.status': () => ({}),
  'porting.check': (w) => ({ caseId: w.caseId }),
  'porting.createDraft': (w) => ({ caseId: w.caseId }),
  'porting.orders': (w) => ({ caseId: w.caseId }),
  'porting.focWindows': (w) => ({ orderId: w.orderId }),
  'porting.outboxRetry': (w) => ({ id: w.failedOutboxId }),
  'porting.outboxDiscard': (w) => ({ id: w.failedOutboxId }),
  'porting.submit': async (w) => {
    await w.core.call('cases.update', { id: w.caseId, version: await w.version(), fields: { btn: '303.555.0170' } });
    const { windows } = await w.core.call('porting.focWindows', { orderId: w.orderId });
    return {
      caseId: w.caseId,
      orders: [
        {
          orderId: w.orderId,
          foc_datetime_requested: new Date(Date.parse(windows.at(-1)!.started_at) + 3_600_000).toISOString(),
        },
      ],
      settings: SETTINGS,
    };
  },
  'porting.comments': (w) => ({ orderId: w.orderId }),
  'porting.addComment': (w) => ({ orderId: w.orderId, body: 'Walking the contract.' }),
  'porting.refresh': (w) => ({ caseId: w.caseId }),
  'porting.outbox': (w) => ({ caseId: w.caseId, includeDone: true }),
  'porting.cancel': (w) => ({ orderId: w.orderId }),
  'porting.setApiKey': () => ({ apiKey: null }),
  'export.packet': (w) => ({ caseId: w.caseId }),
  'export.loa': (w) => ({ caseId: w.caseId }),
  'export.list': (w) => ({ caseId: w.caseId }),
  'export.file': (w) => ({ exportId: w.exportId, name: w.exportFile }),
  'export.saveToFolder': (w) => ({ exportId: w.exportId }),
  'channel.get': (w) => ({ caseId: w.caseId }),
  'channel.parseRejection': () => ({ text: 'Rejected: Address mismatch; incorrect wireless PIN.' }),
  'channel.setLineType': (w) => ({ caseId: w.caseId, number: '303.555.0170', line_type: 'wireline' }),
  'channel.set': (w) => ({
    caseId: w.manualCaseId,
    channel: 'manual',
    ticket_id: 'PLV-1',
    link: 'https://support.example.com/tickets/1',
    submitted_by: 'maria',
  }),
  'channel.moveManual': (w) => ({ caseId: w.manualCaseId, status: 'submitted', on: '2026-03-02' }),
  'channel.recordRejection': (w) => ({ caseId: w.manualCaseId, text: 'Address mismatch', on: '2026-03-05' }),
  'channel.rejections': (w) => ({ caseId: w.manualCaseId }),
  'channel.lines': (w) => ({ caseId: w.caseId }),
  'csr.request': (w) => ({ caseId: w.caseId }),
  'csr.status': (w) => ({ caseId: w.caseId, refresh: true }),
  'due.list': () => ({}),
  'due.settings': () => ({}),
  'due.setSettings': () => ({ focDaysAhead: 2, ageWarnDays: 10, stalledBusinessDays: 5, notify: true }),
  'due.markNotified': async (w) => ({ keys: (await w.core.call('due.list', {})).items.map((i) => i.key) }),
  'audit.list': (w) => ({ caseId: w.caseId }),
  'cases.exportCsv': () => ({}),
};

const cores: Core[] = [];
afterEach(async () => {
  for (const c of cores.splice(0)) await c.close();
});

/** A page only OCR can read: it stays in the reading queue long enough to be cancelled. */
function scannedPng(): string {
  const canvas = createCanvas(1700, 2200);
  const g = canvas.getContext('2d');
  g.fillStyle = 'white';
  g.fillRect(0, 0, 1700, 2200);
  g.fillStyle = 'black';
  g.font = '40px sans-serif';
  for (let i = 0; i < 40; i++)
    g.fillText(`Line ${i} of a scanned customer service record for Northwind Accounting LLC`, 80, 120 + i * 50);
  return canvas.toBuffer('image/png').toString('base64');
}

describe('the contract', () => {
  it('every core method returns what its contract output declares', async () => {
    const picked = tempDir();
    const dialogFile = path.join(picked, 'picked.pdf');
    fs.writeFileSync(dialogFile, Buffer.from(await textPdfBase64(['PICKED FROM THE DIALOG']), 'base64'));
    const core = await openWithSimulator({
      dataDir: tempDir(),
      hostKind: 'electron',
      actor: 'maria',
      hostServices: { pickFiles: async () => [dialogFile], pickFolder: async () => tempDir() },
      porting: { timeoutMs: 5_000, simPollMs: 3_600_000, waitMs: 10_000 },
    });
    cores.push(core);
    const fresh = await openWithSimulator({ dataDir: tempDir(), hostKind: 'loopback' });
    cores.push(fresh);
    const kase = await readyCase(core, { ...NORTHWIND, losing_carrier: 'Lumen' }, '303.555.0170', {
      pin: '902211',
      csr: CSR,
    });
    const docs = await waitFor(
      () => core.call('documents.list', { caseId: kase.id }),
      (ds) => ds.every((d) => d.status === 'ready'),
      60_000,
    );
    const pinCase = await core.call('cases.create', { fields: { entity_name: 'Harbor Light Marine Supply LLC' } });
    const pinDoc = await core.call('documents.attach', {
      caseId: pinCase.id,
      name: 'loa-pin.pdf',
      dataBase64: await textPdfBase64([
        'LETTER OF AUTHORIZATION',
        'Business Name: Harbor Light Marine Supply LLC',
        'Port-Out PIN: 4417',
      ]),
    });
    await waitFor(
      () => core.call('documents.list', { caseId: pinCase.id }),
      (ds) => ds.every((d) => d.status === 'ready'),
      60_000,
    );
    // on a case of its own: an unread scan would stand in for the case's CSR in the review
    const other = await core.call('cases.create', { fields: { entity_name: 'Scanned Papers Inc' } });
    const slow = await core.call('documents.attach', { caseId: other.id, name: 'scan.png', dataBase64: scannedPng() });
    const world: World = {
      core,
      fresh,
      caseId: kase.id,
      version: async () => (await core.call('cases.get', { id: kase.id })).version,
      docId: docs.find((d) => d.kind === 'csr')!.id,
      pinDocId: pinDoc.id,
      slowDocId: slow.id,
      extraDocId: 0,
      orderId: '',
      failedOutboxId: 0,
      exportId: '',
      exportFile: '',
      manualCaseId: 0,
    };

    const walked: string[] = [];
    for (const [name, input] of Object.entries(WALK) as [CoreMethodName, (w: World) => unknown][]) {
      if (name === 'porting.focWindows') {
        world.orderId = (await core.call('porting.orders', { caseId: kase.id })).orders[0]!.id;
      }
      if (name === 'porting.outboxRetry') {
        // a refused update: the API rejects the BTN, the item stays failed
        await core.call('cases.update', {
          id: kase.id,
          version: await world.version(),
          fields: { btn: '+1 303 not valid' },
        });
        const { windows } = await core.call('porting.focWindows', { orderId: world.orderId });
        await core
          .call('porting.submit', {
            caseId: kase.id,
            orders: [{ orderId: world.orderId, foc_datetime_requested: windows.at(-1)!.started_at }],
            settings: SETTINGS,
          })
          .catch(() => undefined);
        world.failedOutboxId = (await core.call('porting.outbox', { caseId: kase.id })).find(
          (i) => i.state === 'failed',
        )!.id;
      }
      if (name === 'export.file') {
        const [latest] = await core.call('export.list', { caseId: kase.id });
        world.exportId = latest!.exportId;
        world.exportFile = latest!.files[0]!.name;
      }
      if (name === 'channel.set') {
        const m = await core.call('cases.create', {
          fields: { entity_name: 'Ticket Port Co' },
          numbersText: '617-555-0141',
        });
        let version = m.version;
        for (const status of ['documents', 'review'] as const)
          version = (await core.call('cases.setStatus', { id: m.id, version, status })).version;
        await core.call('review.markReady', {
          caseId: m.id,
          version,
          overrideReason: 'Walking the manual channel of the contract in a test.',
        });
        world.manualCaseId = m.id;
      }
      if (name === 'export.saveToFolder' && !world.exportId) throw new Error('export.file must come first');
      const res = await (name === 'cases.loadSamples' || name === 'cases.importCsv' ? fresh : core).dispatch(
        name,
        await input(world),
      );
      expect(res, `${name} answered ${JSON.stringify(res).slice(0, 300)}`).toMatchObject({ ok: true });
      const parsed = contract[name].output.safeParse((res as { ok: true; value: unknown }).value);
      expect(
        parsed.success,
        `${name}: ${
          parsed.success
            ? ''
            : parsed.error.issues
                .slice(0, 3)
                .map((i) => `${i.path.join('.')}: ${i.message}`)
                .join('; ')
        }`,
      ).toBe(true);
      if (name === 'documents.attach') world.extraDocId = (parsed.data as { id: number }).id;
      walked.push(name);
    }
    expect(walked.sort()).toEqual(Object.keys(contract).sort());
  }, 180_000);
});
