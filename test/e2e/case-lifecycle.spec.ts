import path from 'node:path';
import { expect, queueRows, test } from './fixtures.js';

test('create a case from pasted numbers, find it by another format, move it, and find it unchanged after a restart', async ({
  app: page,
  host,
}) => {
  await expect(page.getByTestId('empty-state')).toContainText('No porting cases yet');

  await page.keyboard.press('n');
  await expect(page.getByRole('heading', { name: 'New case' })).toBeVisible();
  await page.getByLabel('Entity name').fill('Acme Plumbing & Heating LLC');
  await page.getByLabel('Authorized person').fill('Rosa Delgado');
  await page.getByLabel('Losing carrier').fill('AT&T');
  await page.getByLabel('Account number').fill('8310 0044 177');
  // four formats on separate lines and one line with a comma, plus a number too short to be one
  await page.getByLabel('Numbers to port').fill('(415) 555-0132\n415.555.0133, +1 415 555 0134\n4155550135\n555-12');
  const preview = page.getByTestId('numbers-preview');
  await expect(page.getByTestId('numbers-summary')).toHaveText('4 valid numbers · 1 invalid');
  await expect(preview.locator('li[data-valid=false]')).toHaveText(/555-12\s*invalid: too few digits/);
  await expect(preview.locator('li[data-valid=true]')).toHaveCount(4);
  await expect(preview).toContainText('+14155550133');

  await page.keyboard.press('Control+s');
  await expect(page.getByTestId('toast-success').filter({ hasText: 'Created case 1' })).toBeVisible();
  await expect(page).toHaveURL(/#\/case\/1$/);
  await expect(page.getByTestId('status-panel')).toContainText('Intake');

  // back to the queue: the new case is there; search finds it by a number typed another way
  await page.getByRole('button', { name: '← Queue' }).click();
  await expect(queueRows(page)).toHaveCount(1);
  await page.keyboard.press('/');
  await page.keyboard.type('+1 (415) 555-0134');
  await expect(page.getByTestId('queue-count')).toHaveText('1 case match');
  await expect(queueRows(page).first()).toContainText('Acme Plumbing & Heating LLC');
  await page.getByLabel('Search cases').fill('nothing like this');
  await expect(page.getByTestId('no-match')).toBeVisible();
  await page.getByLabel('Search cases').fill('415-555-0135');
  await expect(queueRows(page)).toHaveCount(1);
  await page.getByLabel('Search cases').press('Enter'); // to the list
  await page.keyboard.press('Enter'); // open the selected case
  await expect(page.getByRole('heading', { name: 'Acme Plumbing & Heating LLC' })).toBeVisible();

  // allowed move
  await page.getByRole('button', { name: 'Move to Documents' }).click();
  await expect(page.getByTestId('status-panel').locator('[data-status]')).toHaveText('Documents');
  // a move the lifecycle refuses: the host's reason is shown, the status stays
  await page.getByLabel('Other status').selectOption('Submitted');
  await expect(page.getByTestId('status-error')).toHaveText(
    'Only a ready case (or one whose exception was fixed) can be submitted.',
  );
  await expect(page.getByTestId('status-panel').locator('[data-status]')).toHaveText('Documents');

  await page.getByRole('tab', { name: 'History' }).click();
  await expect(page.getByTestId('history')).toContainText('changed the status');
  await expect(page.getByTestId('history')).toContainText('Intake → Documents');

  await host.restart();
  await page.goto(host.url);
  const row = queueRows(page).first();
  await expect(row).toContainText('Acme Plumbing & Heating LLC');
  await expect(row).toContainText('Documents');
  await expect(row).toContainText('AT&T');
  await row.getByRole('link').click();
  await expect(page.getByLabel('Entity name')).toHaveValue('Acme Plumbing & Heating LLC');
  await expect(page.getByLabel('Account number')).toHaveValue('8310 0044 177');
  await expect(page.getByLabel('Numbers to port')).toHaveValue(
    '(415) 555-0132\n415.555.0133\n+1 415 555 0134\n4155550135\n555-12',
  );
  await expect(page.getByTestId('numbers-summary')).toHaveText('4 valid numbers · 1 invalid');
  await page.screenshot({ path: path.join(test.info().project.outputDir, 'screens', 'case-detail.png') });
});

test('edits save only what changed; the PIN is write-only and revealed on request', async ({ app: page }) => {
  await page.getByRole('button', { name: 'Load sample cases' }).click();
  await expect(queueRows(page).first()).toBeVisible();
  await page.getByLabel('Search cases').fill('Northwind');
  await expect(queueRows(page)).toHaveCount(1);
  await queueRows(page).first().getByRole('link').click();

  await expect(page.getByTestId('pin-state')).toHaveText('PIN set');
  await expect(page.getByLabel('New PIN')).toHaveValue('');
  await page.getByRole('button', { name: 'Reveal' }).click();
  await expect(page.getByTestId('pin-revealed')).toHaveText('902211');
  await page.getByRole('button', { name: 'Hide' }).click();
  await expect(page.getByTestId('pin-revealed')).toHaveCount(0);

  await page.getByLabel('New PIN').fill('1234');
  await page.getByLabel('FOC date').fill('2031-03-14');
  await expect(page.getByTestId('unsaved')).toHaveText('2 unsaved changes');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByTestId('toast-success').filter({ hasText: '2 changes' })).toBeVisible();
  await expect(page.getByTestId('unsaved')).toHaveCount(0);

  await page.getByRole('tab', { name: 'History' }).click();
  const latest = page.getByTestId('history').locator('li.history-entry').first();
  await expect(latest).toContainText('FOC date');
  await expect(latest).toContainText('2031-03-14');
  await expect(latest).toContainText('PIN (changed)');
  await expect(page.getByTestId('history')).not.toContainText('1234');
  await expect(page.getByTestId('history')).toContainText('revealed the PIN');
});

test('cancelling asks for confirmation and a reason', async ({ app: page }) => {
  await page.getByRole('button', { name: 'Load sample cases' }).click();
  await page.getByLabel('Search cases').fill('Sunset Yoga');
  await expect(queueRows(page)).toHaveCount(1);
  await queueRows(page).first().getByRole('link').click();

  await page.getByRole('button', { name: 'Cancel case…' }).click();
  const dialog = page.getByTestId('confirm-dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Cancel case' })).toBeDisabled();
  await dialog.getByRole('button', { name: 'Keep as is' }).click();
  await expect(page.getByTestId('status-panel').locator('[data-status]')).toHaveText('Ready');

  await page.getByRole('button', { name: 'Cancel case…' }).click();
  await dialog.getByLabel('Why is it cancelled?').fill('Customer is staying with Twilio');
  await dialog.getByRole('button', { name: 'Cancel case' }).click();
  await expect(page.getByTestId('status-panel').locator('[data-status]')).toHaveText('Cancelled');
  await page.getByRole('tab', { name: 'History' }).click();
  await expect(page.getByTestId('history')).toContainText('“Customer is staying with Twilio”');
});

test('when the host goes away, the window says so and what to do; nothing is lost silently', async ({
  app: page,
  host,
}) => {
  await page.getByRole('button', { name: 'Load sample cases' }).click();
  await queueRows(page).first().getByRole('link').click();
  await expect(page.getByRole('banner')).toContainText('Live');
  await host.restart(); // a new port and token: this window's address is gone
  await expect(page.getByRole('banner')).toContainText(/Reconnecting|Connecting/);
  await page.getByLabel('Notes').fill('left a voicemail');
  await page.keyboard.press('Control+s');
  await expect(page.getByTestId('toast-error')).toContainText(
    'Not saved: PortDesk is not answering at this address. If you restarted it, open the new link it printed',
  );
  await expect(page.getByLabel('Notes')).toHaveValue('left a voicemail'); // the edit stays on screen
  await expect(page.getByTestId('unsaved')).toHaveText('1 unsaved change');
});
