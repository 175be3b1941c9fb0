import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openCore, type Core } from '../../electron/core/index.js';
import { CASE_STATUSES } from '../../shared/domain/case.js';
import { tempDir } from '../helpers/tmp.js';
import { NORTHWIND, readyCase } from './porting-helpers.js';
import { base64, caseWithDocs, keyValuePdf, reviewDocs } from './review-fixtures.js';
import { openWithSimulator } from './sim-helpers.js';

process.env.PORTDESK_OCR_WORKERS = '1';

const TODAY = new Date(2025, 2, 5, 12, 0, 0);
const DATES = { loaDate: '2025-03-01', invoiceDate: '2025-02-20', csrDate: '2025-02-25' };

const CSV = [
  'entity_name,numbers,customer_reference',
  'Lakeview Dental Group LLC,(312) 555-0147;(312) 555-0148,TCK-100',
  'Harbor Freight Logistics,415-555-0100,TCK-101',
  'Quantum Legal Partners,617-555-0140,',
].join('\n');

let core: Core;
beforeEach(() => {
  core = openCore({ dataDir: tempDir('portdesk-triage-'), hostKind: 'loopback', actor: 'maria', now: () => TODAY });
});
afterEach(async () => {
  await core.close();
});

describe('duplicates, found at import', () => {
  it('re-importing the same file reports every row with the case that holds it and creates nothing', async () => {
    const first = await core.call('cases.importCsv', { csv: CSV, fileName: 'monday.csv' });
    expect(first.imported).toBe(3);
    expect(first.duplicates).toEqual([]);

    const again = await core.call('cases.importCsv', { csv: CSV, fileName: 'monday.csv' });
    expect(again.imported).toBe(0);
    expect((await core.call('cases.list', {})).total).toBe(3);
    expect(again.duplicates).toEqual([
      expect.objectContaining({
        row: 2,
        caseId: first.ids[0],
        caseStatus: 'intake',
        reason: expect.stringContaining('TCK-100'),
      }),
      expect.objectContaining({ row: 3, caseId: first.ids[1], reason: expect.stringContaining('TCK-101') }),
      expect.objectContaining({
        row: 4,
        caseId: first.ids[2],
        reason: `All its numbers are already on case #${first.ids[2]} (Intake): +16175550140.`,
      }),
    ]);
  });

  it('a row whose numbers are only on a cancelled case is imported; "import anyway" creates exactly the rows asked for', async () => {
    const first = await core.call('cases.importCsv', { csv: CSV });
    const quantum = await core.call('cases.get', { id: first.ids[2]! });
    await core.call('cases.setStatus', {
      id: quantum.id,
      version: quantum.version,
      status: 'cancelled',
      reason: 'lost',
    });

    const again = await core.call('cases.importCsv', { csv: CSV });
    expect(again.imported).toBe(1); // Quantum: its number is free again
    expect(again.duplicates?.map((d) => d.row)).toEqual([2, 3]);

    const anyway = await core.call('cases.importCsv', { csv: CSV, importDuplicateRows: [3] });
    expect(anyway.imported).toBe(1);
    expect((await core.call('cases.get', { id: anyway.ids[0]! })).entity_name).toBe('Harbor Freight Logistics');
  });

  it('a file listing the same numbers twice imports the first row and reports the second', async () => {
    const csv = ['entity_name,numbers', 'Acme Dental,3125550147', 'Acme Dental (again),312.555.0147'].join('\n');
    const report = await core.call('cases.importCsv', { csv });
    expect(report.imported).toBe(1);
    expect(report.duplicates).toEqual([
      expect.objectContaining({
        row: 3,
        caseId: null,
        reason: 'Repeats row 2 of this file (same reference or numbers).',
      }),
    ]);
  });

  it('a file listing the same customer reference twice reports the later row, naming the row the reference came from first', async () => {
    const csv = [
      'entity_name,numbers,customer_reference',
      'Acme Dental,3125550147,REF-7',
      'Birch Law,3125550150,REF-8',
      'Acme Dental (moved),3125550160; 3125550150,REF-7',
    ].join('\n');
    const report = await core.call('cases.importCsv', { csv });
    expect(report.imported).toBe(2);
    // its reference repeats row 2 and one of its numbers row 3: the reference is named
    expect(report.duplicates).toEqual([
      expect.objectContaining({
        row: 4,
        caseId: null,
        reason: 'Repeats row 2 of this file (same reference or numbers).',
      }),
    ]);
  });
});

describe('cases sharing numbers', () => {
  it('names the other active case in the case and in the queue row, and stops once it is cancelled', async () => {
    const a = await core.call('cases.create', {
      fields: { entity_name: 'Acme' },
      numbersText: '3125550147\n3125550148',
    });
    const b = await core.call('cases.create', { fields: { entity_name: 'Acme again' }, numbersText: '312-555-0148' });
    expect(await core.call('cases.sharingNumbers', { id: b.id })).toEqual([
      { id: a.id, entity_name: 'Acme', status: 'intake', numbers: ['+13125550148'] },
    ]);
    const row = (await core.call('cases.list', {})).rows.find((r) => r.id === b.id)!;
    expect(row.shares_numbers_with).toEqual({ id: a.id, status: 'intake' });

    const result = await core.call('cases.cancelMany', { ids: [a.id], reason: 'entered twice' });
    expect(result).toEqual({ cancelled: [a.id], refused: [] });
    expect(await core.call('cases.sharingNumbers', { id: b.id })).toEqual([]);
    expect((await core.call('cases.list', {})).rows.find((r) => r.id === b.id)!.shares_numbers_with).toBeNull();
  });

  it('bulk cancel gives every case the one reason and reports the cases it cannot cancel', async () => {
    const ids = (await core.call('cases.importCsv', { csv: CSV })).ids;
    const result = await core.call('cases.cancelMany', { ids: [...ids, 999], reason: 'Customer went elsewhere' });
    expect(result.cancelled).toEqual(ids);
    expect(result.refused).toEqual([{ id: 999, reason: expect.stringContaining('Case 999 does not exist') }]);
    const history = await core.call('cases.history', { id: ids[1]! });
    expect(history[0]).toMatchObject({ action: 'status', note: 'Customer went elsewhere' });
    const again = await core.call('cases.cancelMany', { ids: [ids[0]!], reason: 'twice' });
    expect(again.refused[0]!.reason).toMatch(/already Cancelled/);
  });
});

describe('the queue', () => {
  it('finds a case by "#19", counts statuses under the search, and sorts by customer', async () => {
    const ids = (await core.call('cases.importCsv', { csv: CSV })).ids;
    expect((await core.call('cases.list', { search: `#${ids[1]}` })).rows.map((r) => r.id)).toEqual([ids[1]]);
    expect((await core.call('cases.list', { search: `# ${ids[2]}` })).rows.map((r) => r.id)).toEqual([ids[2]]);
    const counts = await core.call('cases.statusCounts', {});
    expect(counts).toMatchObject({ intake: 3, cancelled: 0 });
    expect((await core.call('cases.statusCounts', { search: 'harbor' })).intake).toBe(1);
    // the Active view (every status but cancelled and ported) counts and lists the same cases
    await core.call('cases.cancelMany', { ids: [ids[0]!], reason: 'entered by mistake' });
    const active = CASE_STATUSES.filter((s) => s !== 'cancelled' && s !== 'ported');
    const view = await core.call('cases.list', { status: active });
    expect(view.total).toBe(2);
    expect(view.rows.map((r) => r.id).sort()).toEqual([ids[1], ids[2]]);
    expect((await core.call('cases.list', { status: active, carrier: 'nobody' })).total).toBe(0);
    const byName = await core.call('cases.list', { sort: 'customer', direction: 'asc' });
    expect(byName.rows.map((r) => r.entity_name)).toEqual([
      'Harbor Freight Logistics',
      'Lakeview Dental Group LLC',
      'Quantum Legal Partners',
    ]);
  });
});

describe('documents and the status that follows them', () => {
  it('moves the case to Review once LOA, invoice and CSR are read, and says so in the history', async () => {
    const docs = await reviewDocs(DATES);
    const { caseId } = await caseWithDocs(core, { loa: docs.loa, invoice: docs.invoice });
    let rec = await core.call('cases.get', { id: caseId });
    expect(rec.status).toBe('intake');
    expect(rec.next_action).toBe('Collect CSR');

    await core.call('documents.attach', { caseId, name: 'csr.pdf', dataBase64: base64(docs.csr) });
    await core.services.documents.idle();
    await new Promise((r) => setTimeout(r, 50));
    rec = await core.call('cases.get', { id: caseId });
    expect(rec.status).toBe('review');
    expect(rec.next_action).toBe('Review fields against the CSR');
    const history = await core.call('cases.history', { id: caseId });
    expect(history[0]).toMatchObject({
      action: 'status',
      changes: [{ field: 'status', from: 'documents', to: 'review' }],
      note: 'LOA, invoice and CSR are read: moved to Review',
    });
    const row = (await core.call('cases.list', {})).rows[0]!;
    expect(row.papers).toEqual({ loa: 'read', invoice: 'read', csr: 'read' });
  });

  it('marks an intake case ready (overriding its blocker) in one call, walking through Review', async () => {
    const docs = await reviewDocs({ ...DATES, loaUnit: 'Suite 210' });
    const { caseId } = await caseWithDocs(core, { loa: docs.loa, invoice: docs.invoice });
    const rec = await core.call('cases.get', { id: caseId });
    expect(rec.status).toBe('intake');
    const review = await core.call('review.compare', { caseId });
    // only the blocker stands in the way, not the status
    expect(review.ready.refusal).toMatch(/^1 predicted rejection blocks it: LOCATION_MISMATCH/);
    const out = await core.call('review.markReady', {
      caseId,
      version: rec.version,
      overrideReason: 'Customer confirmed the CSR is on its way; unit checked by phone.',
    });
    expect(out.case.status).toBe('ready');
    const moves = (await core.call('cases.history', { id: caseId }))
      .filter((h) => h.action === 'status')
      .map((h) => h.changes[0]!.to);
    expect(moves).toEqual(['ready', 'review', 'documents']);
  });

  it('removes a document (undo puts it back) and replaces one with a newer copy kept as superseded', async () => {
    const docs = await reviewDocs(DATES);
    const { caseId, docIds } = await caseWithDocs(core, docs);
    const before = await core.call('review.compare', { caseId });
    expect(before.documents_used.loa).toBe(docIds.loa);

    const removed = await core.call('documents.remove', { id: docIds.loa! });
    expect(removed.removedAt).not.toBeNull();
    expect((await core.call('documents.list', { caseId })).map((d) => d.id)).not.toContain(docIds.loa);
    expect((await core.call('review.compare', { caseId })).documents_used.loa).toBeNull();
    expect((await core.call('cases.list', {})).rows[0]!.papers.loa).toBe('missing');

    await core.call('documents.restore', { id: docIds.loa! });
    expect((await core.call('review.compare', { caseId })).documents_used.loa).toBe(docIds.loa);

    const newer = await keyValuePdf('Letter of Authorization', [
      'Customer Name:|Lakeview Dental Group LLC',
      'Authorized Person:|Maria Lopez',
      'Account Number:|831000441770',
      'Date:|03/04/2025',
    ]);
    const { replaced, by } = await core.call('documents.replace', {
      id: docIds.loa!,
      name: 'loa-signed-again.pdf',
      dataBase64: base64(newer),
    });
    expect(replaced.supersededBy).toBe(by.id);
    expect(by.kind).toBe('loa');
    await core.services.documents.idle();
    const list = await core.call('documents.list', { caseId });
    expect(list.find((d) => d.id === docIds.loa)!.supersededBy).toBe(by.id);
    expect((await core.call('review.compare', { caseId })).documents_used.loa).toBe(by.id);
    await expect(
      core.call('documents.replace', { id: by.id, name: 'same.pdf', dataBase64: base64(newer) }),
    ).rejects.toMatchObject({ code: 'BAD_INPUT', message: expect.stringContaining('same file') });
    const actions = (await core.call('cases.history', { id: caseId })).map((h) => h.action);
    expect(actions).toEqual(expect.arrayContaining(['document-removed', 'document-restored', 'document-replaced']));
  });
});

describe('the API refusing a number another order holds', () => {
  it('names the case holding it, in words, with its id for a link', async () => {
    const sim = await openWithSimulator({
      dataDir: tempDir('portdesk-triage-sim-'),
      hostKind: 'loopback',
      actor: 'maria',
      porting: { timeoutMs: 5_000, simPollMs: 3_600_000 },
    });
    try {
      const a = await readyCase(sim, NORTHWIND, '303.555.0172');
      const first = await sim.call('porting.createDraft', { caseId: a.id });
      expect(first.view.orders).toHaveLength(1);
      const b = await readyCase(sim, { ...NORTHWIND, customer_reference: 'again' }, '303.555.0172');
      const second = await sim.call('porting.createDraft', { caseId: b.id });
      const failed = second.view.outbox.find((i) => i.state === 'failed')!;
      expect(failed.fieldErrors).toEqual([
        expect.objectContaining({
          holderCaseId: a.id,
          message: `+13035550172 is already being ported in case #${a.id} — ${NORTHWIND.entity_name} (Ready). A number can be in one porting order at a time: sending again is refused the same way. Cancel one of the two cases, or remove +13035550172 from this one.`,
        }),
      ]);
      const history = await sim.call('cases.history', { id: b.id });
      expect(history[0]!.note).toContain(`already being ported in case #${a.id}`);
    } finally {
      await sim.close();
    }
  });
});
