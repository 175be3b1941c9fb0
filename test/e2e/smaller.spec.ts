import { PDFDocument } from 'pdf-lib';
import { scanFirstPage } from '../fixtures/devset/scan.js';
import { base64, reviewDocs } from '../integration/review-fixtures.js';
import { expect, rpc, test } from './fixtures.js';
import { caseInReview, FRESH } from './review-case.js';

/*
 * Issue 14, "Smaller": a toast never covers the document's field list; the history names fields as
 * people do ("Account name", not account_name); twenty numbers staying on the account are a table,
 * not a sentence of E.164 strings; the header's reading chip and a document's row agree.
 */

const LAKEVIEW = {
  entity_name: 'LAKEVIEW DENTAL GROUP LLC',
  authorized_person: 'MARIA LOPEZ',
  losing_carrier: 'AT&T',
  account_number: '831000441770',
};

test('a correction toast leaves the field list visible; the history names the corrected field as people do', async ({
  app: page,
  host,
}) => {
  const caseId = await caseInReview(page, LAKEVIEW);
  await page.goto(`${host.origin}/#/case/${caseId}`);
  await page.getByRole('tab', { name: 'Documents' }).click();
  const row = page.getByTestId('document-row').filter({ hasText: 'loa-lakeview.pdf' });
  await row.focus();
  await page.keyboard.press('Enter');
  const fields = page.getByTestId('field-list');
  await expect(fields).toBeVisible();

  const docs = await rpc<{ id: number; kind: string }[]>(page, 'documents.list', { caseId });
  await rpc(page, 'documents.correctField', {
    id: docs.find((d) => d.kind === 'loa')!.id,
    field: 'account_name',
    value: 'Lakeview Dental Group LLC',
  });
  await page.getByRole('button', { name: 'Correct Account number' }).click();
  await page.getByLabel('Account number', { exact: true }).fill('831000441770');
  await page.keyboard.press('Enter');
  const toast = page.getByTestId('toast-success').filter({ hasText: 'corrected' });
  await expect(toast).toBeVisible();
  const a = (await toast.boundingBox())!;
  const b = (await fields.boundingBox())!;
  const overlap = a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
  expect(overlap, `toast ${JSON.stringify(a)} over the field list ${JSON.stringify(b)}`).toBe(false);

  await page.keyboard.press('Escape');
  await page.getByRole('tab', { name: 'History' }).click();
  const history = page.getByTestId('history');
  await expect(history.locator('.history-field').filter({ hasText: 'Account name' })).toHaveCount(1);
  await expect(history).not.toContainText('account_name');
  await expect(history).toContainText('corrected what a document says');
});

test('twenty numbers staying on the account are shown as a table, not a sentence', async ({ app: page, host }) => {
  const staying = Array.from({ length: 20 }, (_, i) => `312-555-${String(150 + i).padStart(4, '0')}`);
  const caseId = await caseInReview(page, LAKEVIEW, {
    csrNumbers: ['312-555-0147', '312-555-0148', ...staying],
  });
  await page.goto(`${host.origin}/#/case/${caseId}`);
  await page.getByRole('tab', { name: 'Review' }).click();
  const finding = page.getByTestId('finding').and(page.locator('[data-code="PORT_TYPE_INCORRECT"]'));
  await expect(finding).toBeVisible({ timeout: 20_000 });
  await expect(finding).toContainText('Partial port: the 20 numbers below stay on the account');
  await expect(finding).not.toContainText('+13125550150');
  const table = finding.getByTestId('number-table');
  await expect(table.locator('td')).toHaveCount(20);
  await expect(table.locator('td').first()).toHaveText('(312) 555-0150');
  await expect(table.locator('td').last()).toHaveText('(312) 555-0169');
});

test("the header's reading chip shows the progress of the document being read, as its row does, and counts the finished ones apart", async ({
  app: page,
  host,
}) => {
  const c = await rpc<{ id: number }>(page, 'cases.create', { fields: { entity_name: 'Lakeview' }, numbersText: '' });
  await page.goto(`${host.origin}/#/case/${c.id}`);
  await page.getByRole('tab', { name: 'Documents' }).click();
  const files = await reviewDocs(FRESH);
  // a four-page scan (read by OCR, page by page) and two text PDFs (read at once)
  const scan = await PDFDocument.create();
  const png = await scan.embedPng(await scanFirstPage(files.invoice, { rotateDeg: 0.5, specks: 1, seed: 3, dpi: 200 }));
  for (let i = 0; i < 4; i++) scan.addPage([612, 792]).drawImage(png, { x: 0, y: 0, width: 612, height: 792 });
  for (const [name, bytes] of [
    ['invoice-scan.pdf', await scan.save()],
    ['loa.pdf', files.loa],
    ['csr.pdf', files.csr],
  ] as const)
    await rpc(page, 'documents.attach', { caseId: c.id, name, dataBase64: base64(bytes) });

  // while the scan is read and the two others are done: the chip and the scan's row agree
  const chip = page.getByTestId('reading-indicator');
  const chipBar = chip.getByRole('progressbar');
  const rowBar = page.getByTestId('document-row').filter({ hasText: 'invoice-scan.pdf' }).getByRole('progressbar');
  const pct = async (l: typeof chipBar) => Number(await l.getAttribute('aria-valuenow', { timeout: 1000 }));
  // Read one after the other, so a sample may straddle a page step: sample until one is steady.
  // Before the fix the chip counted the two finished documents in (67% with the scan at 0%).
  await expect
    .poll(
      async () => {
        try {
          const text = await chip.textContent({ timeout: 1000 });
          if (!text?.includes('2 of 3 read')) return `waiting: ${text}`;
          const [c1, r, c2] = [await pct(chipBar), await pct(rowBar), await pct(chipBar)];
          return c1 === c2 ? `${text.replace(/\s+/g, ' ').trim()} | chip ${c1}% row ${r}%` : 'moving';
        } catch {
          return 'not shown';
        }
      },
      { timeout: 60_000, intervals: [50] },
    )
    .toMatch(/^.*Reading 1 document.*\| chip (\d+)% row \1%$/);
});
