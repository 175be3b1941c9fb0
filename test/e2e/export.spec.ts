import { unzipSync } from 'fflate';
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { PacketSummary } from '../../shared/contract/export.js';
import { csrLines, invoiceLines, NORTHWIND, textPdf } from '../integration/export-fixtures.js';
import { pdfText } from '../integration/export-read.js';
import { expect, rpc, test } from './fixtures.js';

/*
 * The specialist's resubmission: a case submitted to the built-in simulator comes back rejected
 * (the entity name and service address are not the CSR's); from the case, one click exports the
 * packet, and an LOA signed on the signature pad.
 */

const b64 = (b: Uint8Array) => Buffer.from(b).toString('base64');

async function rejectedCase(page: Page): Promise<number> {
  const a = NORTHWIND;
  const c = await rpc<{ id: number; version: number }>(page, 'cases.create', {
    fields: {
      entity_name: 'Northwind Accounting',
      authorized_person: a.contact,
      btn: a.btn,
      account_number: a.number,
      losing_carrier: a.carrier,
      service_street: '77 Billing Way',
      service_city: 'Denver',
      service_state: 'CO',
      service_zip: '80201',
    },
    numbersText: a.numbers.join('\n'),
  });
  const docs: [string, 'loa' | 'invoice' | 'csr', string[]][] = [
    [
      'loa-signed.pdf',
      'loa',
      [
        'LETTER OF AUTHORIZATION',
        'Business name: Northwind Accounting',
        `Account number: ${a.number}`,
        'Service address: 77 Billing Way, Denver, CO 80201',
      ],
    ],
    ['invoice-feb.pdf', 'invoice', invoiceLines(a, new Date().toISOString().slice(0, 10))],
    ['csr-lumen.pdf', 'csr', csrLines(a)],
  ];
  for (const [name, kind, lines] of docs) {
    const d = await rpc<{ id: number }>(page, 'documents.attach', {
      caseId: c.id,
      name,
      dataBase64: b64(await textPdf(lines)),
    });
    await rpc(page, 'documents.setKind', { id: d.id, kind });
  }
  await expect
    .poll(
      async () =>
        (await rpc<{ status: string }[]>(page, 'documents.list', { caseId: c.id })).map((d) => d.status).join(','),
      { timeout: 30_000 },
    )
    .toBe('ready,ready,ready');
  // with its three papers read, the case moves to Review by itself
  await expect.poll(async () => (await rpc<{ status: string }>(page, 'cases.get', { id: c.id })).status).toBe('review');
  const { version } = await rpc<{ version: number }>(page, 'cases.get', { id: c.id });
  // the LOA carries the billing address on purpose, so the carrier rejects it: submit anyway, with a reason
  await rpc(page, 'review.markReady', {
    caseId: c.id,
    version,
    overrideReason: 'Customer insists on submitting as signed; testing the rejection path.',
  });
  const draft = await rpc<{ view: { orders: { id: string }[] } }>(page, 'porting.createDraft', { caseId: c.id });
  const orders = await Promise.all(
    draft.view.orders.map(async (o) => {
      const { windows } = await rpc<{ windows: { started_at: string }[] }>(page, 'porting.focWindows', {
        orderId: o.id,
      });
      return {
        orderId: o.id,
        foc_datetime_requested: new Date(Date.parse(windows[0]!.started_at) + 2 * 3_600_000).toISOString(),
      };
    }),
  );
  await rpc(page, 'porting.submit', {
    caseId: c.id,
    orders,
    settings: {
      misc: { type: 'partial', remaining_numbers_action: 'keep', new_billing_phone_number: null },
      configuration: {},
    },
  });
  await rpc(page, 'sim.advance', { minutes: 5 * 60 });
  await expect
    .poll(async () => (await rpc<{ status: string }>(page, 'cases.get', { id: c.id })).status, { timeout: 20_000 })
    .toBe('exception');
  return c.id;
}

test('export the resubmission packet of a rejected case, then an LOA signed on the pad', async ({
  app: page,
}, testInfo) => {
  const caseId = await rejectedCase(page);
  await page.goto(`${new URL(page.url()).origin}/#/case/${caseId}`);
  await page.getByRole('tab', { name: 'Packet & LOA' }).click();
  await expect(page.getByTestId('export-tab')).toContainText('Nothing exported for this case yet.');

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-packet').click()]);
  expect(download.suggestedFilename()).toBe(`Northwind-Accounting-case-${caseId}-packet.zip`);
  await expect(page.getByTestId('export-result')).toContainText(
    /Packet: \d+ PDF pages, \d+ rejection codes?, \d+ corrections?; PIN redacted\./,
  );
  await expect(page.getByTestId('toast-success').filter({ hasText: 'Packet ready' })).toBeVisible();
  await expect(page.getByTestId('export-list').locator('li')).toHaveCount(1);

  const zipPath = testInfo.outputPath('packet.zip');
  await download.saveAs(zipPath);
  const zip = unzipSync(new Uint8Array(fs.readFileSync(zipPath)));
  const summary = PacketSummary.parse(
    JSON.parse(new TextDecoder().decode(zip[`Northwind-Accounting-case-${caseId}-summary.json`]!)),
  );
  expect(summary.received_rejections.map((r) => r.code)).toContain('ENTITY_NAME_MISMATCH');
  expect(summary.received_rejections.every((r) => r.source === 'order' && r.order_id)).toBe(true);
  expect(summary.corrected_loa.entity_name.value).toBe('Northwind Accounting LLC');
  expect(Object.keys(zip).filter((k) => k.startsWith('originals/'))).toHaveLength(3);
  const { pages } = await pdfText(zip[`Northwind-Accounting-case-${caseId}-packet.pdf`]!);
  expect(pages.length).toBe(summary.pdf.pages);
  expect(pages[0]).toContain('Porting packet — resubmission after rejection');
  expect(pages.join(' ').replace(/\s+/g, '')).toContain('ENTITY_NAME_MISMATCH');
  const loa = summary.pdf.sections[1]!;
  expect(pages[loa.first_page - 1]).toContain('Entity (business) name Northwind Accounting LLC');
  expect(pages[loa.first_page - 1]).toContain('Service address 1200 Pearl Street, Suite 310 Boulder, CO 80302');
  expect(pages.at(-1)).toContain('CUSTOMER SERVICE RECORD');

  // the customer signs on the pad; the LOA carries the drawing, marked as signed in PortDesk
  await page.getByLabel('The customer signs here').check();
  const pad = page.getByTestId('signature-pad');
  const box = (await pad.boundingBox())!;
  await page.mouse.move(box.x + 20, box.y + 80);
  await page.mouse.down();
  for (let x = 20; x < 380; x += 20) await page.mouse.move(box.x + x, box.y + 60 + 30 * Math.sin(x / 25));
  await page.mouse.up();
  const [loaDownload] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-loa').click()]);
  expect(loaDownload.suggestedFilename()).toBe(`Northwind-Accounting-case-${caseId}-loa.pdf`);
  await expect(page.getByTestId('export-result')).toContainText('signed in PortDesk');
  const loaPath = testInfo.outputPath('loa.pdf');
  await loaDownload.saveAs(loaPath);
  const signed = await pdfText(new Uint8Array(fs.readFileSync(loaPath)));
  expect(signed.pages.join(' ')).toMatch(/Signed electronically in PortDesk by \S+ on \d{4}-\d{2}-\d{2}/);
  await expect(page.getByTestId('export-list').locator('li')).toHaveCount(2);
  await page.screenshot({ path: path.join(testInfo.project.outputDir, 'screens', 'export-tab.png') });

  await page.getByRole('tab', { name: 'History' }).click();
  await expect(page.getByTestId('history')).toContainText('Packet exported');
});
