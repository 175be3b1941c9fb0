import { expect, queueRows, test } from './fixtures.js';

/*
 * A new user's first minutes: "Load sample cases" gives the two cases in review their LOA, invoice
 * and CSR, so the review can be tried at once. One is clean and can be marked ready; on the other
 * the customer wrote the billing PO box as the service address, and the review says what the
 * carrier would reject and what fixes it.
 */
test('the sample cases in review come with documents: one clean, one with the rejection the carrier would return', async ({
  app: page,
}) => {
  await page.getByRole('button', { name: 'Load sample cases' }).click();
  await page.getByRole('button', { name: 'Review', exact: true }).click();
  await expect(queueRows(page)).toHaveCount(2);

  await queueRows(page).filter({ hasText: 'Northwind Accounting' }).getByRole('link').click();
  await page.getByRole('tab', { name: 'Review' }).click();
  const rejections = page.getByTestId('rejections');
  await expect(rejections).toContainText('LOCATION_MISMATCH', { timeout: 30_000 });
  await expect(rejections).toContainText('a PO box is never a service address');
  await expect(rejections).toContainText('copy the service address from the CSR');
  await expect(page.getByTestId('mark-ready')).toBeDisabled();
  // the status bar's button knows it too: no plain "Mark ready" while the review predicts rejections
  await expect(page.getByTestId('status-mark-ready')).toHaveText('Override 2 blockers…');

  await page.keyboard.press('Escape');
  await queueRows(page).filter({ hasText: 'Blue Ridge Veterinary' }).getByRole('link').click();
  await page.getByRole('tab', { name: 'Review' }).click();
  await expect(page.getByTestId('no-rejections')).toHaveText(
    "None: the carrier's records and what would be submitted agree.",
    { timeout: 30_000 },
  );
  await expect(page.getByTestId('mark-ready')).toBeEnabled();
});
