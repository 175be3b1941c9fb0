import path from 'node:path';
import { expect, test } from './fixtures.js';

test('a stale edit in a second window shows "Changed elsewhere" and never overwrites', async ({
  app: pageA,
  host,
  context,
}) => {
  await pageA.getByRole('button', { name: 'Load sample cases' }).click();
  await expect(pageA.getByTestId('queue-count')).toHaveText('10 active cases');
  await pageA.goto(`${host.origin}/#/case/1`);
  await expect(pageA.getByLabel('Entity name')).toHaveValue('Lakeview Dental Group, P.C.');

  const pageB = await context.newPage();
  await pageB.goto(`${host.origin}/#/case/1`);
  await expect(pageB.getByLabel('Entity name')).toHaveValue('Lakeview Dental Group, P.C.');

  // B starts an edit; A saves a different one first
  await pageB.getByLabel('Authorized person').fill('Dr. Maria Okafor');
  await pageA.getByLabel('Entity name').fill('Lakeview Dental Group PC');
  await pageA.keyboard.press('Control+s');
  await expect(pageA.getByTestId('toast-success').filter({ hasText: 'Saved case 1' })).toBeVisible();

  // B hears about it at once, keeps its edit, and is told
  await expect(pageB.getByTestId('changed-elsewhere')).toBeVisible();
  await expect(pageB.getByLabel('Authorized person')).toHaveValue('Dr. Maria Okafor');
  await pageB.keyboard.press('Control+s');
  const conflict = pageB.getByTestId('conflict');
  await expect(conflict).toContainText('Changed elsewhere');
  const entityRow = conflict.locator('tr', { hasText: 'Entity name' });
  await expect(entityRow).toContainText('Lakeview Dental Group, P.C.');
  await expect(entityRow.locator('td.theirs')).toHaveText('Lakeview Dental Group PC');
  await expect(conflict.locator('tr', { hasText: 'Authorized person' }).locator('td.mine')).toHaveText(
    'Dr. Maria Okafor',
  );
  await pageB.screenshot({
    path: path.join(test.info().project.outputDir, 'screens', 'conflict.png'),
    fullPage: false,
  });

  await conflict.getByRole('button', { name: 'Reapply my change and save' }).click();
  await expect(pageB.getByTestId('conflict')).toHaveCount(0);
  await expect(pageB.getByLabel('Entity name')).toHaveValue('Lakeview Dental Group PC');
  await expect(pageB.getByLabel('Authorized person')).toHaveValue('Dr. Maria Okafor');
  // A had no unsaved edits: it follows along by itself
  await expect(pageA.getByLabel('Authorized person')).toHaveValue('Dr. Maria Okafor');
  await expect(pageA.getByLabel('Entity name')).toHaveValue('Lakeview Dental Group PC');
});

test('discarding a stale edit shows the current data', async ({ app: pageA, host, context }) => {
  await pageA.getByRole('button', { name: 'Load sample cases' }).click();
  await expect(pageA.getByTestId('queue-count')).toHaveText('10 active cases');
  const pageB = await context.newPage();
  await pageB.goto(`${host.origin}/#/case/2`);
  await pageB.getByLabel('Customer reference').fill('B-REF');
  await pageA.goto(`${host.origin}/#/case/2`);
  await pageA.getByLabel('Customer reference').fill('A-REF');
  await pageA.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(pageA.getByTestId('toast-success').filter({ hasText: 'Saved case 2' })).toBeVisible();

  await pageB.getByRole('button', { name: 'Save', exact: true }).click();
  const conflict = pageB.getByTestId('conflict');
  await expect(conflict.locator('tr.clash')).toContainText('Customer reference');
  await conflict.getByRole('button', { name: 'Discard my changes' }).click();
  await expect(pageB.getByLabel('Customer reference')).toHaveValue('A-REF');
  await expect(pageB.getByTestId('unsaved')).toHaveCount(0);
});
