import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { main } from '../../electron/cli/main.js';
import { explainCode } from '../../electron/core/compare/index.js';
import { preSubmitChecklist } from '../../electron/core/compare/carriers.js';
import { openCore, type Core } from '../../electron/core/index.js';
import { PortingStore } from '../../electron/core/porting/store.js';
import { PacketSummary } from '../../shared/contract/export.js';
import { AppError } from '../../shared/contract/rpc.js';
import { tempDir } from '../helpers/tmp.js';
import { NORTHWIND, caseWithDocuments, rejectOrder } from './export-fixtures.js';
import { exportFiles, pdfText, unzip } from './export-read.js';

process.env.PORTDESK_OCR_WORKERS = '1';

const NOW = new Date('2025-03-03T12:00:00Z');
const ORDER = 'f0a1b2c3-0000-4000-8000-000000000001';
const cores: Core[] = [];
afterEach(async () => {
  for (const c of cores.splice(0)) await c.close();
});
function open(dataDir = tempDir()): Core {
  const core = openCore({ dataDir, hostKind: 'loopback', actor: 'maria', now: () => NOW });
  cores.push(core);
  return core;
}

/** Wrapping may put a line break anywhere a value is long: compare without whitespace. */
const squash = (s: string) => s.replace(/\s+/g, '');
const has = (text: string, value: string) => squash(text).includes(squash(value));
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const pagesOf = (pages: string[], s: { first_page: number; last_page: number }) =>
  pages.slice(s.first_page - 1, s.last_page).join(' ');

describe('resubmission packet of a rejected case', () => {
  it('holds the cover sheet, the corrected LOA and the received pages in order, with every value, and a ZIP another tool can read', async () => {
    const core = open();
    const { caseId, docs } = await caseWithDocuments(core, { pin: '902211' });
    rejectOrder(
      core,
      caseId,
      ORDER,
      [
        { code: 'ENTITY_NAME_MISMATCH', description: 'Entity name on LOA does not match CSR' },
        { code: 'SERVICE_ADDRESS_MISMATCH' },
      ],
      ['+13035550170', '+13035550171', '+13035550172'],
    );
    new PortingStore(core.ctx.db, core.ctx.now).saveComment({
      id: 'c1',
      orderId: ORDER,
      body: 'Losing carrier: name must read exactly as on the account.',
      userType: 'admin',
      createdAt: '2025-03-02T09:00:00Z',
    });

    const res = await core.call('export.packet', { caseId });
    const base = `Northwind-Accounting-case-${caseId}`;
    expect(res.files.map((f) => f.name)).toEqual([`${base}-packet.pdf`, `${base}-packet.zip`]);
    expect(res).toMatchObject({
      kind: 'packet',
      caseId,
      pinIncluded: false,
      pinOnLoa: false,
      signed: false,
      rejections: 2,
    });
    expect(res.dir).toBe(path.join(core.ctx.dataDir, 'exports', res.exportId));

    const files = exportFiles(res);
    const pdf = files[`${base}-packet.pdf`]!;
    expect(Buffer.from(pdf.subarray(0, 5)).toString()).toBe('%PDF-');
    const { pages } = await pdfText(pdf);
    expect(pages.length).toBe(res.pages);

    const zip = unzip(files[`${base}-packet.zip`]!);
    const summary = PacketSummary.parse(JSON.parse(new TextDecoder().decode(zip[`${base}-summary.json`]!)));
    const [cover, loa, invoice, csr] = summary.pdf.sections;
    expect(summary.pdf.sections.map((s) => s.title)).toEqual([
      'Cover sheet',
      'Corrected LOA',
      'Invoice as received — invoice-feb.pdf',
      'CSR as received — csr-lumen.pdf',
    ]);
    // pages in order, no gap, nothing after the CSR
    expect(cover!.first_page).toBe(1);
    expect(loa!.first_page).toBe(cover!.last_page + 1);
    expect(invoice).toMatchObject({ first_page: loa!.last_page + 1, last_page: loa!.last_page + 1 });
    expect(csr).toMatchObject({ first_page: invoice!.last_page + 1, last_page: pages.length });

    // cover sheet: case, order, rejections with their meaning, corrections and their source, comparison, checklist
    const coverText = pagesOf(pages, cover!);
    expect(coverText).toContain('Porting packet — resubmission after rejection');
    for (const v of [
      `Case ${caseId}`,
      'Northwind Accounting',
      'Priya Natarajan',
      'Lumen',
      ORDER,
      'sr_8c2f41',
      'Exception',
      'ENTITY_NAME_MISMATCH',
      explainCode('ENTITY_NAME_MISMATCH').meaning,
      explainCode('ENTITY_NAME_MISMATCH').action,
      'Entity name on LOA does not match CSR',
      'LOCATION_MISMATCH (received as SERVICE_ADDRESS_MISMATCH)',
      explainCode('LOCATION_MISMATCH').meaning,
      'name must read exactly as on the account',
      'Northwind Accounting LLC',
      'CSR page 1 (csr-lumen.pdf)',
      '77 Billing Way, Denver, CO 80201',
      '1200 Pearl Street, Suite 310, Boulder, CO 80302',
      'set — redacted',
    ]) {
      expect(has(coverText, v), `cover sheet shows ${v}`).toBe(true);
    }
    for (const f of Object.values(summary.comparison.fields)) expect(has(coverText, f.label), f.label).toBe(true);
    expect(summary.comparison.fields.service_address?.verdict).toBe('mismatch');
    expect(has(coverText, 'Service address 77 Billing Way')).toBe(true);
    expect(coverText).toContain('MISMATCH');
    const stateLabel = { done: 'done', open: 'OPEN', unknown: 'to confirm' } as const;
    for (const item of preSubmitChecklist()) {
      const state = summary.comparison.checklist.find((c) => c.id === item.id)!.state;
      expect(has(coverText, `${stateLabel[state]} ${item.text}`), `checklist: ${item.text}`).toBe(true);
    }
    expect(summary.comparison.checklist.find((c) => c.id === 'service_address')?.state).toBe('open');
    // contents block names the pages
    expect(has(coverText, `Corrected LOA page ${loa!.first_page}`)).toBe(true);

    // corrected LOA: the CSR's values exactly, the numbers to port and the one staying
    const loaText = pagesOf(pages, loa!);
    expect(loaText).toContain('LETTER OF AUTHORIZATION');
    for (const v of [
      'Entity (business) name Northwind Accounting LLC',
      'Authorized person Priya Natarajan',
      'Billing telephone number (303) 555-0170',
      'Account number 4001 2883 3009',
      'Current (losing) carrier Lumen',
      'Service address 1200 Pearl Street, Suite 310 Boulder, CO 80302',
      'Numbers to port (3) (303) 555-0170 (303) 555-0171 (303) 555-0172',
      'Numbers not to port — they stay with Lumen (1) (303) 555-0173',
      'New BTN for the numbers that stay:',
      'Authorized signature:',
      'Printed name Priya Natarajan',
      'Date:',
    ]) {
      expect(loaText, `LOA shows ${v}`).toContain(v);
    }
    expect(loaText).not.toContain('77 Billing Way');
    expect(loaText).not.toContain('PIN');
    expect(loaText).not.toContain('Signed electronically');

    // received pages as received
    const original = async (id: number) =>
      new Uint8Array(Buffer.from((await core.call('documents.file', { id })).dataBase64, 'base64'));
    expect(pagesOf(pages, invoice!)).toBe((await pdfText(await original(docs.invoice!))).pages.join(' '));
    expect(pagesOf(pages, csr!)).toBe((await pdfText(await original(docs.csr!))).pages.join(' '));

    // the PIN is nowhere
    for (const p of pages) expect(p).not.toContain('902211');
    const json = new TextDecoder().decode(zip[`${base}-summary.json`]!);
    expect(json).not.toContain('902211');

    // ZIP: the PDF, the JSON and every original byte for byte
    expect(Object.keys(zip).sort()).toEqual(
      [
        `${base}-packet.pdf`,
        `${base}-summary.json`,
        `originals/csr-${docs.csr}-csr-lumen.pdf`,
        `originals/invoice-${docs.invoice}-invoice-feb.pdf`,
        `originals/loa-${docs.loa}-loa-rejected.pdf`,
      ].sort(),
    );
    expect(sha(zip[`${base}-packet.pdf`]!)).toBe(sha(pdf));
    for (const d of summary.documents) {
      expect(sha(zip[d.zip_path]!)).toBe(d.sha256);
      expect(d.sha256).toBe(sha(await original(d.id)));
    }
    expect(summary.documents.find((d) => d.kind === 'csr')?.pdf_pages).toEqual([csr!.first_page, csr!.last_page]);
    expect(summary.documents.find((d) => d.kind === 'loa')?.pdf_pages).toBeNull();

    // JSON summary
    expect(summary).toMatchObject({
      format: 'portdesk.packet',
      version: 1,
      kind: 'packet',
      export_id: res.exportId,
      generated_by: 'maria',
      generated_at: NOW.toISOString(),
    });
    expect(summary.case).toMatchObject({
      id: caseId,
      entity_name: 'Northwind Accounting',
      pin: { set: true, included: false },
    });
    expect(summary.case.pin).not.toHaveProperty('value');
    expect(summary.orders).toEqual([
      expect.objectContaining({ id: ORDER, status: 'exception', support_key: 'sr_8c2f41' }),
    ]);
    expect(summary.received_rejections.map((r) => [r.code, r.given, r.source, r.order_id])).toEqual([
      ['ENTITY_NAME_MISMATCH', 'ENTITY_NAME_MISMATCH', 'order', ORDER],
      ['LOCATION_MISMATCH', 'SERVICE_ADDRESS_MISMATCH', 'order', ORDER],
    ]);
    expect(summary.corrected_loa.entity_name).toEqual({
      value: 'Northwind Accounting LLC',
      from: { source: 'csr', document_id: docs.csr, file_name: 'csr-lumen.pdf', page: 1 },
    });
    expect(summary.corrected_loa.service_address).toMatchObject({
      street_line: '1200 Pearl Street',
      unit: 'Suite 310',
      city: 'Boulder',
      state: 'CO',
      zip5: '80302',
      from: { source: 'csr' },
    });
    expect(summary.corrected_loa).toMatchObject({
      btn: { value: '+13035550170' },
      account_number: { value: '4001 2883 3009' },
      losing_carrier: { value: 'Lumen' },
      numbers_to_port: ['+13035550170', '+13035550171', '+13035550172'],
      numbers_not_to_port: ['+13035550173'],
      pin: { on_loa: false, required_by_carrier: false },
      signature: { signed: false },
    });
    expect(summary.corrections.map((c) => [c.field, c.before, c.after])).toEqual(
      expect.arrayContaining([
        ['account_name', 'Northwind Accounting', 'Northwind Accounting LLC'],
        ['service_address', '77 Billing Way, Denver, CO 80201', '1200 Pearl Street, Suite 310, Boulder, CO 80302'],
      ]),
    );

    // recorded, listed, downloadable
    const history = await core.call('cases.history', { id: caseId });
    expect(history[0]).toMatchObject({ action: 'export-packet', actor: 'maria' });
    expect(history[0]!.note).toContain(`${base}-packet.pdf`);
    expect(await core.call('export.list', { caseId })).toEqual([
      { exportId: res.exportId, kind: 'packet', createdAt: NOW.toISOString(), files: res.files },
    ]);
    const dl = await core.call('export.file', { exportId: res.exportId, name: `${base}-packet.pdf` });
    expect(sha(Buffer.from(dl.dataBase64, 'base64'))).toBe(sha(pdf));
  });

  it('shows the PIN on the cover, in the JSON and on the LOA only when asked to', async () => {
    const core = open();
    const { caseId } = await caseWithDocuments(core, { pin: '902211' });
    const res = await core.call('export.packet', { caseId, includePin: true });
    expect(res).toMatchObject({ pinIncluded: true, pinOnLoa: true });
    const files = exportFiles(res);
    const pdfName = res.files[0]!.name;
    const { pages } = await pdfText(files[pdfName]!);
    const zip = unzip(files[res.files[1]!.name]!);
    const summary = PacketSummary.parse(
      JSON.parse(new TextDecoder().decode(zip[Object.keys(zip).find((k) => k.endsWith('-summary.json'))!]!)),
    );
    const [cover, loa] = summary.pdf.sections;
    expect(pagesOf(pages, cover!)).toContain('PIN / passcode 902211');
    expect(pagesOf(pages, loa!)).toContain('PIN / passcode 902211');
    expect(summary.case.pin).toEqual({ set: true, included: true, value: '902211' });
    expect(summary.corrected_loa.pin).toEqual({ on_loa: true, required_by_carrier: false, value: '902211' });
    expect((await core.call('cases.history', { id: caseId }))[0]!.note).toContain(
      "PIN was included at the user's request",
    );
  });

  it('puts the PIN on the LOA alone when the carrier requires it there', async () => {
    const core = open();
    const account = { ...NORTHWIND, carrier: 'RingCentral' };
    const { caseId } = await caseWithDocuments(core, { account, pin: '55120', loaLines: null });
    const res = await core.call('export.packet', { caseId });
    expect(res).toMatchObject({ pinIncluded: false, pinOnLoa: true });
    const files = exportFiles(res);
    const { pages } = await pdfText(files[res.files[0]!.name]!);
    const zip = unzip(files[res.files[1]!.name]!);
    const json = new TextDecoder().decode(zip[Object.keys(zip).find((k) => k.endsWith('-summary.json'))!]!);
    const summary = PacketSummary.parse(JSON.parse(json));
    const [cover, loa] = summary.pdf.sections;
    expect(loa!.title).toBe('LOA for signature');
    expect(pagesOf(pages, loa!)).toContain('PIN / passcode 55120');
    expect(pagesOf(pages, loa!)).toContain('Current (losing) carrier RingCentral');
    expect(pagesOf(pages, cover!)).not.toContain('55120');
    expect(pagesOf(pages, cover!)).toContain('Porting packet — port request');
    expect(json).not.toContain('55120');
    expect(summary.corrected_loa.pin).toEqual({ on_loa: true, required_by_carrier: true });
  });
});

describe('flow onto extra pages', () => {
  it('lists 300 numbers to port and 20 staying over as many LOA pages as needed, and wraps a long entity name without cutting it', async () => {
    const core = open();
    const toPort = Array.from({ length: 300 }, (_, i) => `(720) 555-${String(1000 + i).padStart(4, '0')}`);
    const staying = Array.from({ length: 20 }, (_, i) => `(720) 555-${String(2000 + i).padStart(4, '0')}`);
    const longName =
      'The Northwind Mountain Accounting, Bookkeeping, Payroll and Tax Preparation Cooperative of Boulder County and the Front Range, Limited Liability Company';
    const { caseId, docs } = await caseWithDocuments(core, {
      numbers: toPort,
      loaLines: null,
      fields: { entity_name: 'Northwind Co-op' },
    });
    // the specialist corrects what the CSR reading missed: the full account name and the full number list
    await core.call('documents.correctField', { id: docs.csr!, field: 'account_name', value: longName });
    await core.call('documents.correctField', {
      id: docs.csr!,
      field: 'phone_numbers',
      value: [...toPort, ...staying],
    });
    await core.call('documents.correctField', { id: docs.csr!, field: 'btn', value: '+17205551000' });

    const res = await core.call('export.packet', { caseId });
    const files = exportFiles(res);
    const { pages, runs } = await pdfText(files[res.files[0]!.name]!);
    const zip = unzip(files[res.files[1]!.name]!);
    const summary = PacketSummary.parse(
      JSON.parse(new TextDecoder().decode(zip[Object.keys(zip).find((k) => k.endsWith('-summary.json'))!]!)),
    );
    const loa = summary.pdf.sections[1]!;
    expect(loa.last_page - loa.first_page + 1).toBeGreaterThanOrEqual(2);
    expect(pages.length).toBe(summary.pdf.pages);

    const loaText = pagesOf(pages, loa);
    // every number once, in order, none cut
    let at = loaText.indexOf('Numbers to port (300)');
    expect(at).toBeGreaterThan(0);
    for (const n of toPort) {
      const next = loaText.indexOf(n, at);
      expect(next, `${n} on the LOA after position ${at}`).toBeGreaterThan(at);
      at = next;
    }
    at = loaText.indexOf('Numbers not to port — they stay with Lumen (20)');
    expect(at).toBeGreaterThan(0);
    for (const n of staying) {
      const next = loaText.indexOf(n, at);
      expect(next, `${n} staying`).toBeGreaterThan(at);
      at = next;
    }
    expect(pages[loa.first_page]).toContain('Numbers to port (continued)');
    expect(pages[loa.last_page - 1]).toContain('Authorized signature:');
    expect(summary.corrected_loa.numbers_to_port).toHaveLength(300);
    expect(summary.corrected_loa.numbers_not_to_port).toHaveLength(20);

    // the long name, whole, on the LOA and in the corrections; no text runs off a page PortDesk drew
    expect(loaText).toContain(`Entity (business) name ${longName}`);
    expect(has(pagesOf(pages, summary.pdf.sections[0]!), longName)).toBe(true);
    for (const r of runs.filter((x) => x.page <= loa.last_page)) {
      expect(r.x, `"${r.str}" on page ${r.page}`).toBeGreaterThanOrEqual(53);
      expect(r.right, `"${r.str}" on page ${r.page}`).toBeLessThanOrEqual(r.pageWidth - 53);
    }
  });
});

describe('refusals and the command line', () => {
  it('refuses a bad signature or an unknown case and writes nothing', async () => {
    const core = open();
    const { caseId } = await caseWithDocuments(core, { loaLines: null });
    const err = (p: Promise<unknown>) =>
      p.then(
        () => null,
        (e: unknown) => e as AppError,
      );
    expect(await err(core.call('export.loa', { caseId, signaturePng: 'this is not base64 at all!' }))).toMatchObject({
      code: 'BAD_INPUT',
      message: expect.stringMatching(/signature/),
    });
    const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, ...new Array(40).fill(0)]).toString('base64');
    expect(await err(core.call('export.packet', { caseId, signaturePng: jpeg }))).toMatchObject({
      code: 'BAD_INPUT',
      message: expect.stringMatching(/PNG/),
    });
    expect(await err(core.call('export.packet', { caseId: 999 }))).toMatchObject({ code: 'NOT_FOUND' });
    expect(fs.readdirSync(path.join(core.ctx.dataDir, 'exports')).filter((n) => !n.startsWith('.'))).toEqual([]);
    expect(await core.call('export.list', { caseId })).toEqual([]);
    expect(
      await err(core.call('export.file', { exportId: `${caseId}-20250303T120000000Z`, name: '../portdesk.sqlite' })),
    ).toMatchObject({ code: 'BAD_INPUT' });
    expect(
      await err(core.call('export.file', { exportId: `${caseId}-20250303T120000000Z`, name: 'x.pdf' })),
    ).toMatchObject({ code: 'NOT_FOUND' });
    expect((await core.call('cases.history', { id: caseId })).map((h) => h.action)).not.toContain('export-packet');
  });

  it('`portdesk packet` and `portdesk loa` write into --out; a rejection received by e-mail goes on the cover', async () => {
    const dataDir = tempDir();
    const core = open(dataDir);
    const { caseId } = await caseWithDocuments(core, { pin: '902211' });
    await core.close();
    const out = path.join(tempDir(), 'to send');
    const lines: string[] = [];
    const io = { out: (l: string) => lines.push(l), err: (l: string) => lines.push(`ERR ${l}`) };
    expect(
      await main(
        [
          'packet',
          String(caseId),
          '--out',
          out,
          '--data-dir',
          dataDir,
          '--json',
          '--rejection',
          'BUSINESS_NAME_MISMATCH:Name does not match our records',
        ],
        io,
      ),
    ).toBe(0);
    const res = JSON.parse(lines.pop()!) as { written: string[]; files: { name: string }[] };
    expect(fs.readdirSync(out).sort()).toEqual(res.files.map((f) => f.name).sort());
    expect(res.written).toEqual(res.files.map((f) => path.join(out, f.name)));
    const zip = unzip(new Uint8Array(fs.readFileSync(res.written.find((w) => w.endsWith('.zip'))!)));
    const summary = PacketSummary.parse(
      JSON.parse(new TextDecoder().decode(zip[Object.keys(zip).find((k) => k.endsWith('-summary.json'))!]!)),
    );
    expect(summary.received_rejections).toEqual([
      expect.objectContaining({
        code: 'ENTITY_NAME_MISMATCH',
        given: 'BUSINESS_NAME_MISMATCH',
        source: 'reported',
        order_id: null,
        description: 'Name does not match our records',
      }),
    ]);
    const { pages } = await pdfText(new Uint8Array(fs.readFileSync(res.written.find((w) => w.endsWith('.pdf'))!)));
    expect(pages[0]).toContain('No porting order through an API');
    expect(has(pages[0]!, 'ENTITY_NAME_MISMATCH (received as BUSINESS_NAME_MISMATCH)')).toBe(true);
    expect(pages.join(' ')).not.toContain('902211');

    expect(
      await main(['packet', String(caseId), '--out', out, '--data-dir', dataDir, '--include-pin', '--json'], io),
    ).toBe(0);
    const withPin = JSON.parse(lines.pop()!) as { pinIncluded: boolean; exportId: string };
    expect(withPin.pinIncluded).toBe(true);

    const loaOut = tempDir();
    expect(await main(['loa', String(caseId), '--out', loaOut, '--data-dir', dataDir], io)).toBe(0);
    expect(fs.readdirSync(loaOut)).toEqual([`Northwind-Accounting-case-${caseId}-loa.pdf`]);
    expect(lines.at(-1)).toContain('-loa.pdf');

    expect(await main(['packet', 'twelve', '--out', out, '--data-dir', dataDir], io)).toBe(2);
    expect(lines.at(-1)).toMatch(/ERR portdesk: "twelve" is not a case id/);
    expect(await main(['packet', String(caseId), '--data-dir', dataDir], io)).toBe(2);
    expect(lines.at(-1)).toMatch(/--out DIR is required/);
  });
});
