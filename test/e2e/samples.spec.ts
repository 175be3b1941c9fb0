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

/*
 * The sample in Exception was sent by support ticket and rejected by e-mail: its Submission tab says
 * first what the carrier rejected and what fixes it, before the step that resubmits.
 */
test('the sample in exception shows the rejection it received and the action that fixes it', async ({ app: page }) => {
  await page.getByRole('button', { name: 'Load sample cases' }).click();
  await page.getByRole('button', { name: 'Exception', exact: true }).click();
  await expect(queueRows(page)).toHaveCount(1);
  await queueRows(page).filter({ hasText: 'Quantum Legal Partners' }).getByRole('link').click();
  await page.getByRole('tab', { name: 'Submission' }).click();
  await expect(page.getByTestId('manual-status')).toContainText('Rejected');
  const received = page.getByTestId('received-rejections');
  await expect(received).toContainText('ACCOUNT_NUMBER_MISMATCH');
  await expect(received).toContainText('Action: Reseller account IDs ≠ carrier account numbers');
  // what to fix stands above the resubmit step
  const receivedBox = await received.boundingBox();
  const resubmitBox = await page.getByTestId('manual-submitted').boundingBox();
  expect(receivedBox!.y).toBeLessThan(resubmitBox!.y);
  await received.getByText('The e-mail').click();
  await expect(received).toContainText('workspace ID; port-outs need the port-out account number');

  // the Review row of the field the carrier rejected says so (its chip), whatever the documents agree on
  await page.getByRole('tab', { name: 'Review' }).click();
  const row = page.locator('[data-row="account_number"]');
  await expect(row.getByTestId('verdict')).toHaveText('Rejected', { timeout: 30_000 });
  await expect(page.getByTestId('rejections').locator('[data-code="ACCOUNT_NUMBER_MISMATCH"]')).toContainText(
    /Returned by the carrier on \d{4}-\d{2}-\d{2}/,
  );
  await page.getByRole('tab', { name: /Submission/ }).click();

  // the packet carries it without retyping
  await page.getByRole('tab', { name: 'Packet & LOA' }).click();
  await expect(page.getByTestId('packet-received')).toContainText('ACCOUNT_NUMBER_MISMATCH');
  await expect(page.getByText('Other rejection codes')).toBeVisible();
  await page.getByRole('tab', { name: /Submission/ }).click();

  // nothing changed since the rejection: resending would bring it back, so it waits
  const gate = page.getByTestId('send-gate');
  await expect(gate).toContainText('rejected the account number on');
  await expect(page.getByTestId('manual-submitted')).toBeDisabled();
  // said right under the disabled button, before the box for another rejection
  const gateBox = await gate.boundingBox();
  expect(gateBox!.y).toBeGreaterThan((await page.getByTestId('manual-submitted').boundingBox())!.y);
  expect(gateBox!.y).toBeLessThan((await page.getByTestId('rejection-text').boundingBox())!.y);
  await expect(page.getByTestId('manual-submitted')).toHaveAccessibleDescription(/rejected the account number on/);
  // Aircall Support issued the port-out account number: entered on the case, the resend goes
  await page.getByRole('tab', { name: 'Details' }).click();
  await page.getByLabel('Account number').fill('AIR-PO-448120');
  await page.keyboard.press('Control+s');
  await expect(page.getByTestId('toast-success').first()).toBeVisible();
  await page.getByRole('tab', { name: /Submission/ }).click();
  await expect(page.getByTestId('send-gate')).toHaveCount(0);
  await expect(page.getByTestId('manual-submitted')).toBeEnabled();
});
