import type { Page } from '@playwright/test';
import { expect, rpc, test } from './fixtures.js';
import { caseInReview, LAKEVIEW_AS_ON_CSR } from './review-case.js';

/*
 * Issue 14, "one confirmation before anything leaves": from a case whose three documents are read to
 * "submitted" is one Review & submit sheet that shows what will be sent (numbers and line types,
 * port type, the FOC on the user's and the customer's clock, documents, overridden blockers) and one
 * confirm. The user sits in New York; the customer's service address is in Chicago.
 */
test.use({ timezoneId: 'America/New_York', locale: 'en-US' });

/** Lakeview Dental with every field exactly as on its CSR: nothing to correct. */
const EXACT = LAKEVIEW_AS_ON_CSR;

/** Counts every click the user makes in the window (trusted mouse presses only; kept across reloads). */
async function countClicks(page: Page): Promise<() => Promise<number>> {
  // a script string: the test's own TypeScript has no DOM types
  await page.addInitScript({
    content: `document.addEventListener('mousedown', (e) => {
      if (e.isTrusted) sessionStorage.setItem('clicks', String(Number(sessionStorage.getItem('clicks') ?? 0) + 1));
    }, true);`,
  });
  return async () => Number(await page.evaluate(() => sessionStorage.getItem('clicks') ?? 0));
}

test('from a case with three read documents to submitted in at most 6 clicks, through one sheet that shows what is sent', async ({
  app: page,
  host,
}, testInfo) => {
  const caseId = await caseInReview(page, EXACT);
  const clicks = await countClicks(page);
  await page.goto(`${host.origin}/#/case/${caseId}`);
  await page.reload(); // a hash change loads no page: the reload runs the counter
  const status = page.getByTestId('status-panel').locator('[data-status]');
  await expect(status).toHaveAttribute('data-status', 'review');
  // the Details field is the FOC asked for; the carrier confirms the actual one
  await expect(page.getByLabel('Requested FOC date', { exact: true })).toBeVisible();
  expect(await clicks()).toBe(0);

  await page.getByRole('tab', { name: 'Review' }).click();
  expect(await clicks(), 'the counter sees the clicks').toBe(1);
  await page.getByTestId('mark-ready').click();
  await expect(status).toHaveAttribute('data-status', 'ready');
  await page.getByRole('tab', { name: 'Submission' }).click();
  await page.getByTestId('open-submit-sheet').click();

  const sheet = page.getByTestId('submit-sheet');
  await expect(sheet.getByRole('heading', { name: 'Review & submit: LAKEVIEW DENTAL GROUP LLC' })).toBeVisible();
  // numbers and line types, one table per order
  const order = sheet.getByTestId('sheet-order');
  await expect(order).toHaveCount(1);
  await expect(order.locator('tbody tr')).toHaveText([/\+13125550147\s*local/, /\+13125550148\s*local/]);
  await expect(sheet.getByTestId('sheet-port-type').getByLabel('Port type')).toHaveValue('full');
  // the FOC proposed inside an allowed window, on both clocks: New York (the user) an hour ahead of Chicago
  const user = sheet.getByTestId('foc-user-zone');
  const customer = sheet.getByTestId('foc-customer-zone');
  await expect(sheet.getByTestId('foc-zones')).toContainText('Your time (America/New_York)');
  await expect(sheet.getByTestId('foc-zones')).toContainText("Customer's time (America/Chicago)");
  const hourOf = async (l: typeof user) => Number(/(\d\d):\d\d/.exec((await l.textContent()) ?? '')![1]) % 12;
  expect(((await hourOf(user)) - (await hourOf(customer)) + 12) % 12).toBe(1);
  await expect(sheet.getByTestId('sheet-documents')).toContainText('Signed LOA: loa-lakeview.pdf');
  await expect(sheet.getByTestId('sheet-documents')).toContainText('Invoice: invoice-lakeview.pdf');
  await expect(sheet.getByTestId('sheet-documents')).toContainText('CSR (additional document): csr-lakeview.pdf');
  await expect(sheet.getByTestId('sheet-overrides')).toContainText('None');
  await page.screenshot({ path: testInfo.outputPath('submit-sheet.png') });

  await sheet.getByTestId('confirm-submit').click();
  await expect(status).toHaveAttribute('data-status', 'submitted');
  await expect(sheet).toBeHidden();
  await expect(page.getByTestId('order-card').locator('.order-status')).toHaveText('In process');

  const used = await clicks();
  testInfo.annotations.push({ type: 'clicks', description: `${used} clicks from three read documents to submitted` });
  expect(used).toBeLessThanOrEqual(6);
});

test('a case made ready over a predicted rejection shows that blocker and the reason on the sheet before it is sent', async ({
  app: page,
  host,
}) => {
  const caseId = await caseInReview(page, { ...EXACT, account_number: '831000449999' });
  const review = await rpc<{ overrides: unknown[] }>(page, 'review.compare', { caseId });
  expect(review.overrides).toEqual([]);
  const c = await rpc<{ version: number }>(page, 'cases.get', { id: caseId });
  await rpc(page, 'review.markReady', {
    caseId,
    version: c.version,
    overrideReason: 'Customer confirmed the new account number by phone with AT&T today.',
  });

  await page.goto(`${host.origin}/#/case/${caseId}`);
  await page.getByRole('tab', { name: 'Submission' }).click();
  await page.getByTestId('open-submit-sheet').click();
  const overrides = page.getByTestId('submit-sheet').getByTestId('sheet-overrides');
  await expect(overrides).toContainText('ACCOUNT_NUMBER');
  await expect(overrides).toContainText('“Customer confirmed the new account number by phone with AT&T today.”');
  await page.getByTestId('submit-sheet').getByRole('button', { name: 'Not now' }).click();
  // nothing was sent: the draft waits for the sheet to be opened again
  await expect(page.getByTestId('open-submit-sheet')).toHaveText('Review & submit 1 order…');
  await expect(page.getByTestId('order-card').locator('.order-status')).toHaveText('Draft');
});
