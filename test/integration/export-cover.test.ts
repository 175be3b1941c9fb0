import { afterEach, describe, expect, it } from 'vitest';
import { openCore, type Core } from '../../electron/core/index.js';
import { PortingStore } from '../../electron/core/porting/store.js';
import { PacketSummary, type ExportResult } from '../../shared/contract/export.js';
import { tempDir } from '../helpers/tmp.js';
import { NORTHWIND, caseWithDocuments, rejectOrder } from './export-fixtures.js';
import { exportFiles, pdfText, unzip } from './export-read.js';

/*
 * Issue 14, "Packets": the cover sheet keeps the exceptions an order came back with after it was
 * resubmitted; spacing alone is not a correction; the corrected LOA keeps the signer's title; the
 * gaining carrier comes from Settings; the checklist is never split so that a page holds only its
 * last lines.
 */

process.env.PORTDESK_OCR_WORKERS = '1';

const NOW = new Date('2025-03-03T12:00:00Z');
const ORDER = 'f0a1b2c3-0000-4000-8000-00000000000e';
const cores: Core[] = [];
afterEach(async () => {
  for (const c of cores.splice(0)) await c.close();
});
function open(): Core {
  const core = openCore({ dataDir: tempDir(), hostKind: 'loopback', actor: 'maria', now: () => NOW });
  cores.push(core);
  return core;
}
const squash = (s: string) => s.replace(/\s+/g, '');

/** The PDF's pages and the JSON summary of an export. */
async function read(res: ExportResult) {
  const files = exportFiles(res);
  const pdf = files[res.files.find((f) => f.mime === 'application/pdf')!.name]!;
  const { pages } = await pdfText(pdf);
  const zipFile = res.files.find((f) => f.mime === 'application/zip');
  const summary = zipFile
    ? PacketSummary.parse(
        JSON.parse(
          new TextDecoder().decode(
            Object.entries(unzip(files[zipFile.name]!)).find(([n]) => n.endsWith('-summary.json'))![1],
          ),
        ),
      )
    : null;
  return { pages, summary };
}

/** The LOA the specialist typed from: the signer's title on it, the account number without its spaces. */
const LOA_WITH_TITLE = [
  'LETTER OF AUTHORIZATION',
  'Business name: Northwind Accounting',
  `Authorized person: ${NORTHWIND.contact}`,
  'Title: Controller',
  `Billing telephone number: ${NORTHWIND.btn}`,
  `Account number: ${NORTHWIND.number.replace(/ /g, '')}`,
  'Service address: 77 Billing Way, Denver, CO 80201',
  `Numbers to port: ${NORTHWIND.numbers.slice(0, 3).join(', ')}`,
  'Date: 2025-02-25',
  'Signature: Priya Natarajan',
];

describe('packet cover sheet and corrected LOA', () => {
  it('lists an exception the order came back with after it was resubmitted, with when it came and that it was resubmitted', async () => {
    const core = open();
    const { caseId } = await caseWithDocuments(core);
    const numbers = ['+13035550170', '+13035550171', '+13035550172'];
    rejectOrder(core, caseId, ORDER, [{ code: 'ENTITY_NAME_MISMATCH', description: 'Name differs' }], numbers);
    // resubmitted: the order is in process again and no longer carries the code
    new PortingStore(core.ctx.db, core.ctx.now).upsertOrder(caseId, 'simulator', {
      id: ORDER,
      status: { value: 'in-process', details: [] },
      phone_numbers: numbers.map((n) => ({ phone_number: n })),
      updated_at: '2025-03-02T11:00:00Z',
    } as Parameters<PortingStore['upsertOrder']>[2]);

    const { pages, summary } = await read(await core.call('export.packet', { caseId }));
    const cover = pages.slice(0, summary!.pdf.sections[0]!.last_page).join(' ');
    expect(cover).toContain('Porting packet — resubmission after rejection');
    expect(cover).not.toContain('None received yet');
    expect(squash(cover)).toContain(squash('ENTITY_NAME_MISMATCH'));
    expect(squash(cover)).toContain(
      squash(`order ${ORDER} on 2025-03-03 12:00 UTC · resubmitted 2025-03-03 12:00 UTC`),
    );
    expect(summary!.received_rejections).toMatchObject([
      {
        code: 'ENTITY_NAME_MISMATCH',
        order_id: ORDER,
        received_at: expect.any(String),
        resolved_at: expect.any(String),
      },
    ]);
  });

  it('does not count spacing in the account number as a correction, and keeps the signer title on the corrected LOA', async () => {
    const core = open();
    const { caseId } = await caseWithDocuments(core, { loaLines: LOA_WITH_TITLE });
    const review = await core.call('review.compare', { caseId });
    expect(review.fields.account_number?.verdict).toBe('equivalent');

    const res = await core.call('export.packet', { caseId });
    const { pages, summary } = await read(res);
    const fields = summary!.corrections.map((c) => c.field);
    expect(fields).not.toContain('account_number');
    expect(fields).toContain('account_name'); // a real correction stays
    expect(summary!.corrected_loa.signer_title).toMatchObject({ value: 'Controller', from: { source: 'loa' } });
    const [, loaSection] = summary!.pdf.sections;
    const loa = pages.slice(loaSection!.first_page - 1, loaSection!.last_page).join(' ');
    expect(loa).toContain('Title: Controller');
    expect(loa).not.toMatch(/Title:\s*_/);
  });

  it('names the gaining carrier kept in Settings on every LOA, unless the export names another', async () => {
    const core = open();
    const { caseId } = await caseWithDocuments(core);
    const plain = await read(await core.call('export.loa', { caseId }));
    expect(plain.pages.join(' ')).toContain('the new service provider');

    await core.call('settings.set', { gainingCarrier: 'Telnyx' });
    expect(await core.call('settings.get', {})).toEqual({ gainingCarrier: 'Telnyx' });
    const named = await read(await core.call('export.loa', { caseId }));
    expect(squash(named.pages.join(' '))).toContain(squash('I authorize Telnyx and its agents'));
    const other = await read(await core.call('export.loa', { caseId, gainingCarrier: 'Bandwidth' }));
    expect(squash(other.pages.join(' '))).toContain(squash('I authorize Bandwidth and its agents'));
  });

  it('never leaves a page holding only the last lines of the checklist, wherever the cover ends', async () => {
    const core = open();
    const { caseId } = await caseWithDocuments(core);
    const numbers = ['+13035550170', '+13035550171', '+13035550172'];
    rejectOrder(core, caseId, ORDER, [{ code: 'ENTITY_NAME_MISMATCH' }], numbers);
    const store = new PortingStore(core.ctx.db, core.ctx.now);
    const checklist = (await core.call('review.compare', { caseId })).checklist;
    const lastItem = squash(checklist.at(-1)!.text).slice(0, 40);
    const splits: string[] = [];
    // each carrier comment (the cover prints the last ten) pushes the checklist down by about three
    // lines: walk its end past a page end
    const note =
      'The name on the LOA must read exactly as on the account, including the suffix and punctuation. '.repeat(3);
    for (let n = 0; n < 10; n++) {
      store.saveComment({
        id: `c${n}`,
        orderId: ORDER,
        body: `Carrier note ${n}: ${note}`,
        userType: 'admin',
        createdAt: `2025-03-02T09:${String(n).padStart(2, '0')}:00Z`,
      });
      const { pages, summary } = await read(await core.call('export.packet', { caseId }));
      const cover = pages.slice(0, summary!.pdf.sections[0]!.last_page).map(squash);
      const headingPage = cover.findIndex((p) => p.includes('Checklistbeforesubmitting'));
      const lastPage = cover.findIndex((p) => p.includes(lastItem));
      if (headingPage !== lastPage) splits.push(`${n + 1} comments: heading p${headingPage + 1}, end p${lastPage + 1}`);
    }
    expect(splits).toEqual([]);
  });
});
