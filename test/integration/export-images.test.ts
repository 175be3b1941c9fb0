import { createCanvas } from '@napi-rs/canvas';
import { PDFDict, PDFDocument, PDFName, PDFRawStream } from 'pdf-lib';
import { afterEach, describe, expect, it } from 'vitest';
import { openCore, type Core } from '../../electron/core/index.js';
import { PacketSummary } from '../../shared/contract/export.js';
import { tempDir } from '../helpers/tmp.js';
import { scan, tiff } from './documents-fixtures.js';
import { NORTHWIND, attach, caseWithDocuments } from './export-fixtures.js';
import { exportFiles, pageImages, pdfText, unzip } from './export-read.js';

process.env.PORTDESK_OCR_WORKERS = '1';

const NOW = new Date('2025-03-03T12:00:00Z');
const cores: Core[] = [];
afterEach(async () => {
  for (const c of cores.splice(0)) await c.close();
});
function open(): Core {
  const core = openCore({ dataDir: tempDir(), hostKind: 'loopback', actor: 'maria', now: () => NOW });
  cores.push(core);
  return core;
}

/** A pen stroke on a transparent pad, as the renderer's signature pad produces. */
function drawnSignature(width = 420, height = 120): Uint8Array {
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext('2d');
  ctx.strokeStyle = '#102060';
  ctx.lineWidth = 3;
  ctx.beginPath();
  ctx.moveTo(10, 90);
  for (let x = 10; x < width - 10; x += 12) ctx.lineTo(x, 60 + 35 * Math.sin(x / 17));
  ctx.stroke();
  return new Uint8Array(canvas.toBuffer('image/png'));
}

/** A phone photo of a bill: a JPEG with no resolution recorded. */
function photoJpeg(lines: string[], width: number, height: number): Uint8Array {
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#fdfdf8';
  ctx.fillRect(0, 0, width, height);
  ctx.fillStyle = '#111';
  ctx.font = '28px sans-serif';
  lines.forEach((l, i) => ctx.fillText(l, 40, 60 + i * 40));
  return new Uint8Array(canvas.toBuffer('image/jpeg', 90));
}

describe('received images and the drawn signature', () => {
  it('places scanned pages at their native pixel size and JPEGs byte for byte', async () => {
    const core = open();
    const { caseId } = await caseWithDocuments(core, { loaLines: null });
    // newer scans replace the text PDFs as the invoice and CSR of the case
    const png = scan(['INVOICE Lumen Account number 4001-2883-3009'], { dpi: 150, heightIn: 3 }).png;
    const jpeg = photoJpeg(['CUSTOMER SERVICE RECORD', 'Account name: Northwind Accounting LLC'], 1400, 600);
    const invoiceId = await attach(core, caseId, 'invoice-scan.png', 'invoice', png);
    const csrId = await attach(core, caseId, 'csr-photo.jpg', 'csr', jpeg);

    const res = await core.call('export.packet', { caseId });
    const files = exportFiles(res);
    const pdf = files[res.files[0]!.name]!;
    const zip = unzip(files[res.files[1]!.name]!);
    const summary = PacketSummary.parse(
      JSON.parse(new TextDecoder().decode(zip[Object.keys(zip).find((k) => k.endsWith('-summary.json'))!]!)),
    );
    const invoicePage = summary.documents.find((d) => d.id === invoiceId)!.pdf_pages![0];
    const csrPage = summary.documents.find((d) => d.id === csrId)!.pdf_pages![0];
    expect(csrPage).toBe(invoicePage + 1);
    expect(summary.pdf.pages).toBe(csrPage);

    const images = await pageImages(pdf);
    expect(images.filter((i) => i.page === invoicePage)).toEqual([
      { page: invoicePage, width: 1275, height: 450, filter: '/FlateDecode' },
    ]);
    expect(images.filter((i) => i.page === csrPage)).toEqual([
      { page: csrPage, width: 1400, height: 600, filter: '/DCTDecode' },
    ]);
    // the JPEG stream is the photo itself, not a re-encoded copy
    const doc = await PDFDocument.load(pdf);
    const xo = doc
      .getPage(csrPage - 1)
      .node.Resources()!
      .lookup(PDFName.of('XObject'), PDFDict);
    const stream = doc.context.lookup(xo.entries()[0]![1]);
    expect(stream).toBeInstanceOf(PDFRawStream);
    if (!(stream instanceof PDFRawStream)) return;
    expect(Buffer.from(stream.contents).equals(Buffer.from(jpeg))).toBe(true);
    // a page as wide as Letter, as tall as the scan's proportions
    const { width, height } = doc.getPage(invoicePage - 1).getSize();
    expect(width).toBeCloseTo(612, 3);
    expect(height).toBeCloseTo((612 * 450) / 1275, 3);
    // both originals in the ZIP as attached
    expect(Buffer.from(zip[`originals/invoice-${invoiceId}-invoice-scan.png`]!).equals(Buffer.from(png))).toBe(true);
    expect(Buffer.from(zip[`originals/csr-${csrId}-csr-photo.jpg`]!).equals(Buffer.from(jpeg))).toBe(true);
  });

  it('places each page of a multi-page uncompressed TIFF at its pixel size and resolution', async () => {
    const core = open();
    const { caseId } = await caseWithDocuments(core, { loaLines: null });
    const pages = [
      scan(['CUSTOMER SERVICE RECORD page one'], { dpi: 200, heightIn: 2 }).gray,
      scan(['Working telephone numbers page two'], { dpi: 200, heightIn: 1.5 }).gray,
    ];
    const fax = tiff(pages, 200);
    const csrId = await attach(core, caseId, 'csr-fax.tif', 'csr', fax);
    const res = await core.call('export.packet', { caseId });
    const files = exportFiles(res);
    const pdf = files[res.files[0]!.name]!;
    const zip = unzip(files[res.files[1]!.name]!);
    const summary = PacketSummary.parse(
      JSON.parse(new TextDecoder().decode(zip[Object.keys(zip).find((k) => k.endsWith('-summary.json'))!]!)),
    );
    const [first, last] = summary.documents.find((d) => d.id === csrId)!.pdf_pages!;
    expect(last - first + 1).toBe(2);
    expect(last).toBe(summary.pdf.pages);
    expect((await pageImages(pdf)).filter((i) => i.page >= first)).toEqual([
      { page: first, width: pages[0]!.width, height: pages[0]!.height, filter: '/FlateDecode' },
      { page: last, width: pages[1]!.width, height: pages[1]!.height, filter: '/FlateDecode' },
    ]);
    const doc = await PDFDocument.load(pdf);
    // 200 dpi: 8.5 in wide = 612 pt
    expect(doc.getPage(first - 1).getSize().width).toBeCloseTo(612, 1);
    expect(doc.getPage(last - 1).getSize().height).toBeCloseTo(108, 1);
    // the samples placed are the scan's own pixels
    const { tiffRasters } = await import('../../electron/core/export/tiff-pages.js');
    const { unzlibSync } = await import('fflate');
    expect(Buffer.from(unzlibSync(tiffRasters(fax)[1]!.flate)).equals(Buffer.from(pages[1]!.data))).toBe(true);
    expect(summary.pdf.sections.at(-1)?.title).toBe('CSR as received — csr-fax.tif');
  });

  it('generates an LOA for a brand-new case from its data, with a signature drawn in the app marked as such', async () => {
    const core = open();
    const c = await core.call('cases.create', {
      fields: {
        entity_name: 'Copper Kettle Café & Bakery, Inc.',
        authorized_person: 'Łucja Dvořák',
        btn: '412.555.0166',
        account_number: 'VN-1002938475',
        service_street: '88 Liberty Ave',
        service_unit: 'Unit 2',
        service_city: 'Pittsburgh',
        service_state: 'PA',
        service_zip: '15222-4412',
        losing_carrier: 'Vonage',
      },
      numbersText: '412.555.0166\n412.555.0167',
    });
    await core.call('cases.update', { id: c.id, version: c.version, pin: '4455' });
    const signature = drawnSignature();

    const res = await core.call('export.loa', {
      caseId: c.id,
      signaturePng: `data:image/png;base64,${Buffer.from(signature).toString('base64')}`,
      gainingCarrier: 'Plivo',
    });
    expect(res).toMatchObject({
      kind: 'loa',
      signed: true,
      pinOnLoa: true,
      pinIncluded: false,
      rejections: 0,
      pages: 1,
    });
    expect(res.files.map((f) => f.name)).toEqual([`Copper-Kettle-Cafe-Bakery-Inc-case-${c.id}-loa.pdf`]);
    const pdf = exportFiles(res)[res.files[0]!.name]!;
    const { pages } = await pdfText(pdf);
    expect(pages).toHaveLength(1);
    for (const v of [
      'LETTER OF AUTHORIZATION',
      'Entity (business) name Copper Kettle Café & Bakery, Inc.',
      'Authorized person Łucja Dvořák',
      'Billing telephone number (412) 555-0166',
      'Account number VN-1002938475',
      'PIN / passcode 4455',
      'Current (losing) carrier Vonage',
      'Service address 88 Liberty Ave, Unit 2 Pittsburgh, PA 15222-4412',
      'Numbers to port (2) (412) 555-0166 (412) 555-0167',
      'I authorize Plivo and its agents to notify Vonage',
      'Printed name Łucja Dvořák',
      'Date: 2025-03-03',
      'Signed electronically in PortDesk by maria on 2025-03-03',
    ]) {
      expect(pages[0], v).toContain(v);
    }
    expect(pages[0]).not.toContain('Numbers not to port');
    expect(await pageImages(pdf)).toEqual([{ page: 1, width: 420, height: 120, filter: '/FlateDecode' }]);
    const history = await core.call('cases.history', { id: c.id });
    expect(history[0]).toMatchObject({ action: 'export-loa' });
    expect(history[0]!.note).toMatch(/LOA signed in PortDesk.*PIN is on the LOA/);
  });

  it('leaves signature and date blank for the customer when nothing is drawn', async () => {
    const core = open();
    const { caseId } = await caseWithDocuments(core, { loaLines: null, account: { ...NORTHWIND } });
    const res = await core.call('export.loa', { caseId });
    const pdf = exportFiles(res)[res.files[0]!.name]!;
    const { pages } = await pdfText(pdf);
    expect(pages[0]).toContain('Authorized signature: Printed name Priya Natarajan Title: Date:');
    expect(pages[0]).not.toContain('Signed electronically');
    expect(await pageImages(pdf)).toEqual([]);
    // from the CSR, not from the case's wrong data
    expect(pages[0]).toContain('Entity (business) name Northwind Accounting LLC');
    expect(pages[0]).toContain('Service address 1200 Pearl Street, Suite 310 Boulder, CO 80302');
  });
});
