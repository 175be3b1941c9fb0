import { expect, rpc, test } from './fixtures.js';
import { caseInReview } from './review-case.js';

/*
 * Issue 14, "Settings": one page (header link, Ctrl+,) holds every setting, each saying whether it
 * is global, per carrier or per case; the simulator chip and the name button open it; the gaining
 * carrier set there is what the Packet tab uses; an age limit changed from one case asks where it
 * applies and, for "this case only", leaves every other case alone.
 */

test('one Settings page: reached from the header, the shortcut and the simulator chip; every setting names its scope', async ({
  app: page,
}) => {
  await page.getByTestId('settings-link').click();
  const settings = page.getByTestId('settings-page');
  await expect(settings.getByRole('heading', { level: 2 })).toHaveText([
    /^You/,
    /^Porting API, simulator and outbox/,
    /^Invoice and LOA age limits/,
    /^Due reminders/,
    /^Packets and LOAs/,
  ]);
  // every setting says where it applies
  await expect(page.getByTestId('settings-age-limits').getByTestId('default-limits')).toContainText('Global');
  await expect(page.getByTestId('settings-age-limits').getByTestId('carrier-limits')).toContainText('Per carrier');
  await expect(page.getByTestId('settings-age-limits').locator('h2 [data-scope]')).toHaveText([
    'Global',
    'Per carrier',
    'Per case',
  ]);
  for (const id of ['you', 'porting', 'packets'])
    await expect(page.getByTestId(`settings-${id}`).locator('[data-scope]').first()).toHaveText('Global');

  // the user's name: set here, shown in the header
  await page.getByLabel('Your name in the history').fill('Maria Lopez');
  await page.getByRole('button', { name: 'Save name' }).click();
  await expect(page.getByRole('banner').getByRole('button', { name: 'Maria Lopez' })).toBeVisible();

  await page.getByRole('button', { name: '← Queue' }).click();
  await expect(settings).toHaveCount(0);
  await page.keyboard.press('Control+,');
  await expect(settings).toBeVisible();
  await page.getByRole('button', { name: '← Queue' }).click();
  // the simulator chip opens the porting section, not a dialog of its own
  await page.getByTestId('porting-indicator').click();
  await expect(page).toHaveURL(/#\/settings\/porting$/);
  await expect(page.getByTestId('settings-porting').getByTestId('porting-mode')).toContainText(
    'built-in porting simulator',
  );
  await expect(page.locator('dialog[open]')).toHaveCount(0);
});

test('the gaining carrier is set once in Settings and named by the Packet tab', async ({ app: page, host }) => {
  const c = await rpc<{ id: number }>(page, 'cases.create', {
    fields: { entity_name: 'Acme' },
    numbersText: '4155550132',
  });
  await page.goto(`${host.origin}/#/case/${c.id}`);
  await page.getByRole('tab', { name: 'Packet & LOA' }).click();
  await expect(page.getByTestId('gaining-carrier')).toContainText('the new service provider');
  await page.getByTestId('gaining-carrier').getByRole('link', { name: 'change in Settings' }).click();
  await page.getByLabel('Gaining carrier named on every LOA').fill('Telnyx');
  await page.getByRole('button', { name: 'Save gaining carrier' }).click();
  await expect(page.getByTestId('toast-success').filter({ hasText: 'LOAs now name Telnyx' })).toBeVisible();
  await page.goBack();
  await page.getByRole('tab', { name: 'Packet & LOA' }).click();
  await expect(page.getByTestId('gaining-carrier')).toContainText('Telnyx');
  await expect(page.getByTestId('export-tab').getByRole('textbox', { name: /gaining/i })).toHaveCount(0);
});

test('an age limit changed from one case asks where it applies; "this case only" leaves the other cases as they were', async ({
  app: page,
  host,
}) => {
  const fields = { entity_name: 'LAKEVIEW DENTAL GROUP LLC', losing_carrier: 'AT&T' };
  const first = await caseInReview(page, fields);
  const second = await caseInReview(page, fields);
  await page.goto(`${host.origin}/#/case/${first}`);
  await page.getByRole('tab', { name: 'Review' }).click();
  await page.getByRole('link', { name: 'Age limits…' }).click();
  await expect(page).toHaveURL(new RegExp(`#/settings/age-limits/case/${first}$`));
  const form = page.getByTestId('case-limits');
  await form.getByLabel('Invoice, days').fill('90');
  // nothing is saved until the user says where it applies
  await expect(form.getByRole('button', { name: 'Save age limits' })).toBeDisabled();
  await expect(form.getByRole('radio')).toHaveCount(3);
  await form.getByLabel(`This case only (case ${first})`).check();
  await form.getByRole('button', { name: 'Save age limits' }).click();
  await expect(form.getByTestId('case-limits-now')).toHaveText(/invoice 90 d, LOA 30 d — from its own limits/);
  await expect(page.getByTestId('case-limits-list')).toContainText(`Case ${first}: invoice 90 d`);

  await page.getByRole('button', { name: `← Case ${first}` }).click();
  await page.getByRole('tab', { name: 'Review' }).click();
  await expect(page.getByTestId('review-tab')).toContainText('invoice 90 d, LOA 30 d (this case only)');
  await page.goto(`${host.origin}/#/case/${second}`);
  await page.getByRole('tab', { name: 'Review' }).click();
  await expect(page.getByTestId('review-tab')).toContainText('age limits: invoice 30 d, LOA 30 d');
  const saved = await rpc<{ defaults: { invoiceMaxAgeDays: number } }>(page, 'review.settings', {});
  expect(saved.defaults.invoiceMaxAgeDays).toBe(30);
});
