import { scanFirstPage } from '../fixtures/devset/scan.js';
import { base64, reviewDocs } from '../integration/review-fixtures.js';
import { expect, rpc, test } from './fixtures.js';
import { FRESH } from './review-case.js';

/*
 * One look per doubt, in Chromium: the CSR is a noisy scan that says suite 210 while the LOA and
 * the invoice say suite 200. The review cannot tell which is right, so it shows a check with both
 * page crops instead of a rejection; the specialist confirms the CSR reading with one key, the
 * verdict becomes certain at once, and the case history records the confirmation.
 */
test('a scanned CSR that disagrees with the LOA and the invoice is a check; one key confirms the CSR reading; history records it', async ({
  app: page,
  host,
}, testInfo) => {
  const c = await rpc<{ id: number; version: number }>(page, 'cases.create', {
    fields: { entity_name: 'Lakeview Dental Group LLC', losing_carrier: 'AT&T' },
    numbersText: '(312) 555-0147\n(312) 555-0148',
  });
  const files = await reviewDocs({ ...FRESH, loaUnit: 'Suite 200', invoiceUnit: 'Suite 200', csrUnit: 'STE 210' });
  const csrScan = await scanFirstPage(files.csr, { rotateDeg: 0.7, specks: 2, seed: 11 });
  const attached: Record<string, number> = {};
  for (const [kind, name, bytes] of [
    ['loa', 'loa-lakeview.pdf', files.loa],
    ['invoice', 'invoice-lakeview.pdf', files.invoice],
    ['csr', 'csr-scan.png', csrScan],
  ] as const) {
    attached[kind] = (
      await rpc<{ id: number }>(page, 'documents.attach', { caseId: c.id, name, dataBase64: base64(bytes) })
    ).id;
  }
  await expect
    .poll(
      async () =>
        (await rpc<{ status: string }[]>(page, 'documents.list', { caseId: c.id })).map((d) => d.status).join(','),
      { timeout: 90_000 },
    )
    .toBe('ready,ready,ready');
  for (const [kind, id] of Object.entries(attached)) await rpc(page, 'documents.setKind', { id, kind });
  // with its three papers read (and their kinds set), the case moves to Review by itself
  await expect.poll(async () => (await rpc<{ status: string }>(page, 'cases.get', { id: c.id })).status).toBe('review');

  await page.goto(`${host.origin}/#/case/${c.id}`);
  await page.getByRole('tab', { name: 'Review' }).click();
  const check = page
    .getByTestId('check')
    .filter({ has: page.locator('[data-testid="check-value-csr"]') })
    .and(page.locator('[data-field="service_address"]'));
  await expect(check).toBeVisible({ timeout: 20_000 });
  await expect(check.getByTestId('check-why')).toContainText('Could not be confirmed');
  await expect(check.getByTestId('check-value-loa')).toContainText(/200/);
  // both page crops, side by side: the LOA's words and the scanned CSR's image
  await expect(check.getByTestId('check-crop-loa')).toBeVisible();
  await expect(check.getByTestId('check-crop-csr')).toBeVisible();
  await expect(page.locator('tr[data-row="service_address"]')).toHaveAttribute('data-verdict', 'check');
  // a doubt is not a rejection: nothing in the predicted rejections for the address
  await expect(
    page.locator('[data-testid="rejections"] [data-testid="finding"]').filter({ hasText: 'LOCATION_MISMATCH' }),
  ).toHaveCount(0);
  await page.screenshot({ path: testInfo.outputPath('review-check.png'), fullPage: true });

  // one key: "1" says the CSR reads as shown
  await check.click();
  await page.keyboard.press('1');
  await expect(page.getByTestId('toast-success').filter({ hasText: 'CSR reading is confirmed' })).toBeVisible();
  await expect(page.locator('tr[data-row="service_address"]')).toHaveAttribute(
    'data-verdict',
    /^(match|equivalent|mismatch)$/,
  );
  await expect(page.locator('[data-testid="check"][data-field="service_address"]')).toHaveCount(0);

  const history = await rpc<{ action: string; changes: { field: string; to: string }[] }[]>(page, 'cases.history', {
    id: c.id,
  });
  expect(history[0]).toMatchObject({ action: 'review-reading-confirmed', changes: [{ field: 'CSR service address' }] });
});
