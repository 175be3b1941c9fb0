import { expect, rpc, test } from './fixtures.js';
import { caseInReview } from './review-case.js';

/*
 * Issue 14, "Smaller": a toast never covers the document's field list; the history names fields as
 * people do ("Account name", not account_name); twenty numbers staying on the account are a table,
 * not a sentence of E.164 strings.
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
