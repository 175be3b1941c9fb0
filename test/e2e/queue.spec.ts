import path from 'node:path';
import { expect, queueRows, test } from './fixtures.js';

const selectedRow = (page: import('@playwright/test').Page) =>
  page.getByTestId('queue-grid').locator('[role=row][aria-selected=true]');

test('sample cases fill the queue; filters and sort narrow it', async ({ app: page }) => {
  await page.getByRole('button', { name: 'Load sample cases' }).click();
  await expect(page.getByTestId('toast-success').filter({ hasText: 'Loaded 12 sample cases' })).toBeVisible();
  // the default "Active" view leaves the ported and the cancelled sample out of the way
  await expect(queueRows(page)).toHaveCount(10);
  await expect(page.getByTestId('queue-count')).toHaveText('10 active cases');
  // every new case is unseen until opened
  await expect(page.locator('.unseen-dot')).toHaveCount(10);

  await page.getByRole('button', { name: 'Review', exact: true }).click();
  await expect(page.getByTestId('queue-count')).toHaveText('2 cases match');
  await page.getByRole('button', { name: 'Exception', exact: true }).click();
  await expect(page.getByTestId('queue-count')).toHaveText('3 cases match');
  await page.getByRole('button', { name: 'Clear filters' }).first().click();
  await expect(queueRows(page)).toHaveCount(10);

  await page.getByLabel('Filter by losing carrier').selectOption('AT&T');
  await expect(queueRows(page)).toHaveCount(1);
  await expect(queueRows(page).first()).toContainText('Lakeview Dental Group, P.C.');
  await page.getByLabel('Filter by losing carrier').selectOption('');
  await page.getByRole('button', { name: 'All', exact: true }).click(); // one click brings every case back
  await expect(queueRows(page)).toHaveCount(12);

  await page.getByLabel('Sort cases').selectOption('foc:asc');
  await expect(queueRows(page).first()).toContainText('Copper Kettle Cafe'); // FOC 3 days ago
  await expect(queueRows(page).nth(1)).toContainText('Greenfield Pediatrics PLLC'); // FOC in 2 days
  await page.getByLabel('Sort cases').selectOption('age:asc');
  await expect(queueRows(page).first()).toContainText('Lakeview Dental Group, P.C.'); // opened today

  // opening a case clears its "changed" dot
  await queueRows(page).first().getByRole('link').click();
  await expect(page.getByTestId('case-page')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.locator('.unseen-dot')).toHaveCount(11);
  await page.screenshot({ path: path.join(test.info().project.outputDir, 'screens', 'queue-1280x800.png') });
});

test('keyboard: j/k move, Enter opens, Escape returns, / searches, n creates, ? helps', async ({ app: page }) => {
  await page.getByRole('button', { name: 'Load sample cases' }).click();
  await expect(queueRows(page)).toHaveCount(10);
  const names = await queueRows(page).locator('.customer a').allTextContents();

  await expect(selectedRow(page)).toContainText(names[0]!);
  await page.keyboard.press('j');
  await page.keyboard.press('j');
  await expect(selectedRow(page)).toContainText(names[2]!);
  await page.keyboard.press('k');
  await expect(selectedRow(page)).toContainText(names[1]!);
  await page.keyboard.press('ArrowDown');
  await expect(selectedRow(page)).toContainText(names[2]!);

  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(names[2]!);
  await page.keyboard.press('Escape');
  await expect(selectedRow(page)).toContainText(names[2]!); // the selection survives the round trip
  await page.keyboard.press('Backspace'); // nothing: Backspace goes back only from a case
  await expect(page.getByTestId('queue-grid')).toBeVisible();

  await page.keyboard.press('/');
  await expect(page.getByLabel('Search cases')).toBeFocused();
  await page.keyboard.type('Harbor');
  await expect(page.getByTestId('queue-count')).toHaveText('1 case match');
  await page.keyboard.press('Enter'); // to the list, the search kept (Esc would clear it)
  await expect(page.getByLabel('Search cases')).not.toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Harbor Freight Logistics LLC');
  await page.keyboard.press('Backspace');
  await expect(page.getByTestId('queue-grid')).toBeVisible();

  await page.keyboard.press('n');
  await expect(page.getByRole('heading', { name: 'New case' })).toBeVisible();
  await expect(page.getByLabel('Entity name')).toBeFocused();
  await page.keyboard.press('Escape'); // leaves the field
  await page.keyboard.press('Escape'); // leaves the page (nothing typed: no question)
  await expect(page.getByTestId('queue-grid')).toBeVisible();

  await page.keyboard.press('?');
  await expect(page.getByTestId('shortcuts-dialog')).toBeVisible();
  await expect(page.getByTestId('shortcuts-dialog')).toContainText('Open the selected case');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('shortcuts-dialog')).toBeHidden();
  await expect(page.getByTestId('queue-grid')).toBeVisible(); // Escape closed only the dialog
});

test('leaving a case with unsaved edits asks first', async ({ app: page }) => {
  await page.getByRole('button', { name: 'Load sample cases' }).click();
  await queueRows(page).first().getByRole('link').click();
  await page.getByLabel('Notes').fill('call back Tuesday');
  await page.getByLabel('Notes').press('Escape');
  await page.keyboard.press('Escape');
  const dialog = page.getByTestId('confirm-dialog');
  await expect(dialog).toContainText('1 unsaved change');
  await dialog.getByRole('button', { name: 'Keep as is' }).click();
  await expect(page.getByLabel('Notes')).toHaveValue('call back Tuesday');
  await page.getByRole('button', { name: '← Queue' }).click();
  await dialog.getByRole('button', { name: 'Discard and leave' }).click();
  await expect(page.getByTestId('queue-grid')).toBeVisible();
});

test('CSV import reports rejected rows and warnings, and imports the rest', async ({ app: page }) => {
  const csv = [
    'entity_name,numbers,losing_carrier,service_zip,pin',
    'Good One LLC,312-555-0101;312-555-0102,AT&T,60614,',
    'No Numbers Inc,,Verizon,10001,',
    'Bad Zip Co,312-555-0103,AT&T,ABCDE,',
    'Partly Bad LLC,312-555-0104;12,Lumen,60605,4417',
  ].join('\n');
  await page
    .getByTestId('csv-file-input')
    .first()
    .setInputFiles({ name: 'week-47.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  const report = page.getByTestId('import-report');
  await expect(report).toBeVisible();
  await expect(report.getByRole('heading', { level: 2 })).toHaveText('Imported 2 cases');
  await expect(page.getByTestId('import-summary')).toHaveText('2 cases imported, 2 rows rejected, 1 warning.');
  await expect(page.getByTestId('import-rejected')).toContainText('numbers is empty');
  await expect(page.getByTestId('import-rejected').locator('tbody tr').nth(1)).toContainText(
    /4\s*service_zip "ABCDE" is not a ZIP or ZIP\+4/,
  );
  await expect(page.getByTestId('import-warnings')).toContainText('kept 1 invalid number(s) to fix: 12');
  await report.getByRole('button', { name: 'Close' }).click();
  await expect(queueRows(page)).toHaveCount(2);

  // a file with no usable header: nothing imported, and the reason says what to fix
  await page
    .getByTestId('csv-file-input')
    .first()
    .setInputFiles({ name: 'wrong.csv', mimeType: 'text/csv', buffer: Buffer.from('name,phone\nX,3125550100\n') });
  await expect(report.getByRole('heading', { level: 2 })).toHaveText('CSV not imported');
  await expect(report).toContainText('missing the required columns entity_name, numbers');
  await report.getByRole('button', { name: 'Close' }).click();
  await expect(queueRows(page)).toHaveCount(2);
});

test('the queue follows changes made in another window', async ({ app: page, host, context }) => {
  await page.getByRole('button', { name: 'Load sample cases' }).click();
  await expect(queueRows(page)).toHaveCount(10);
  const other = await context.newPage();
  await other.goto(`${host.origin}/#/new`);
  await other.getByLabel('Entity name').fill('Orchard Street Bakery');
  await other.getByLabel('Numbers to port').fill('617-555-0188');
  await other.keyboard.press('Control+s');
  await expect(other).toHaveURL(/#\/case\/13$/);
  // no reload here: the event stream brings it
  await expect(queueRows(page)).toHaveCount(11);
  await expect(page.getByTestId('queue-count')).toHaveText('11 active cases');
  await expect(queueRows(page).filter({ hasText: 'Orchard Street Bakery' }).locator('.unseen-dot')).toHaveCount(0);
});
