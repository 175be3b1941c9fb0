import type { Page } from '@playwright/test';
import type { ReviewDocsOptions } from '../integration/review-fixtures.js';
import { expect, queueRows, rpc, test } from './fixtures.js';
import { caseInReview } from './review-case.js';

/** A case in review with its LOA, invoice and CSR attached and read, shown on its Review tab. */
async function openReview(
  page: Page,
  origin: string,
  fields: Record<string, string>,
  docs: Partial<ReviewDocsOptions> = {},
  numbersText = '(312) 555-0147\n(312) 555-0148',
): Promise<number> {
  const id = await caseInReview(page, fields, docs, numbersText);
  await page.goto(`${origin}/#/case/${id}`);
  await page.getByRole('tab', { name: 'Review' }).click();
  await expect(page.getByTestId('review-table')).toBeVisible();
  return id;
}

test('a planted suite mismatch shows LOCATION_MISMATCH with its action; "Use CSR value" clears it, records it, and the case can be marked ready', async ({
  app: page,
  host,
}, testInfo) => {
  // the specialist typed suite 210; the LOA, invoice and CSR all say suite 200
  const caseId = await openReview(page, host.origin, {
    entity_name: 'Lakeview Dental Group LLC',
    authorized_person: 'Maria Lopez',
    losing_carrier: 'AT&T',
    account_number: '831000441770',
    service_street: '1200 W Madison St',
    service_unit: 'Suite 210',
    service_city: 'Chicago',
    service_state: 'IL',
    service_zip: '60607',
  });

  const address = page.locator('tr[data-row="service_address"]');
  await expect(address).toHaveAttribute('data-verdict', 'mismatch');
  await expect(address.locator('td.flag')).toHaveText(/Suite 210/);
  const unit = page.locator('tr[data-row="service_address:unit"]');
  await expect(unit.locator('td')).toHaveText(['STE 200', 'STE 200', 'STE 200', 'STE 210', 'Mismatch']);
  const detail = page.locator('tr[data-detail-for="service_address"]');
  await expect(detail.getByTestId('row-rejection')).toHaveAttribute('data-code', 'LOCATION_MISMATCH');
  await expect(detail).toContainText('Get the address on file with the carrier, not your billing address');
  await expect(page.getByTestId('rejections').getByTestId('finding')).toHaveText([
    /LOCATION_MISMATCH.*Service address/,
  ]);
  await expect(page.getByTestId('mark-ready')).toBeDisabled();
  await expect(page.getByTestId('ready-refusal')).toContainText('LOCATION_MISMATCH (service address)');
  // the checklist's service address item is ticked (open) by PortDesk, the PIN item is the specialist's
  await expect(page.locator('[data-item="service_address"]')).toHaveAttribute('data-state', 'open');
  await expect(page.locator('[data-item="underlying_carrier"]')).toHaveAttribute('data-state', 'done');

  // selecting the row shows the CSR page with the address boxed
  await address.click();
  await expect(page.getByTestId('evidence-csr')).toBeVisible();
  await expect(page.getByTestId('evidence').getByTestId('pdf-canvas').locator('canvas')).toBeVisible();
  await expect(page.getByTestId('evidence').getByTestId('box-service_address')).toBeVisible();
  await page.getByTestId('evidence').getByRole('button', { name: 'LOA p.1' }).click();
  await expect(page.getByTestId('evidence-loa')).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('review-before.png'), fullPage: false });

  // the keyboard: ↓ to the house number row, ↑ back, then the button does the same as `a`
  await page.keyboard.press('ArrowDown');
  await expect(page.locator('tr[data-row="service_address:house_number"]')).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('ArrowUp');
  await expect(address).toHaveAttribute('aria-selected', 'true');
  await detail.getByTestId('use-value').click();

  await expect(
    page.getByTestId('toast-success').filter({ hasText: 'Service address set to the CSR value' }),
  ).toBeVisible();
  await expect(address).toHaveAttribute('data-verdict', 'match');
  await expect(unit.locator('td')).toHaveText(['STE 200', 'STE 200', 'STE 200', 'STE 200', 'Match']);
  await expect(page.locator('[data-code="LOCATION_MISMATCH"]')).toHaveCount(0);
  await expect(page.locator('[data-item="service_address"]')).toHaveAttribute('data-state', 'done');

  // `a` on the entity name row copies the CSR's exact spelling (a risk, not a blocker)
  await page.locator('tr[data-row="account_name"]').click();
  await page.keyboard.press('a');
  // the keyboard path previews the change too; Enter applies it
  await expect(page.getByTestId('apply-dialog').getByTestId('apply-change')).toHaveText(
    /Lakeview Dental Group LLC\s*→\s*LAKEVIEW DENTAL GROUP LLC/,
  );
  await page.keyboard.press('Enter');
  await expect(page.locator('tr[data-row="account_name"] td').nth(3)).toHaveText('LAKEVIEW DENTAL GROUP LLC');
  await page.screenshot({ path: testInfo.outputPath('review-after.png'), fullPage: false });

  await expect(page.getByTestId('mark-ready')).toBeEnabled();
  await page.getByTestId('mark-ready').click();
  await expect(page.getByTestId('status-panel').locator('[data-status]')).toHaveText('Ready');

  await page.getByRole('tab', { name: 'History' }).click();
  const history = page.getByTestId('history');
  await expect(history.locator('.history-entry').filter({ hasText: 'applied CSR value' }).first()).toContainText(
    'LAKEVIEW DENTAL GROUP LLC',
  );
  await expect(history.locator('.history-entry').filter({ hasText: 'applied CSR value' }).nth(1)).toContainText(
    /Suite 210\s*→\s*STE 200/,
  );

  await page.getByRole('button', { name: '← Queue' }).click();
  const row = queueRows(page).and(page.locator(`[data-case-id="${caseId}"]`));
  await expect(row).toContainText('LAKEVIEW DENTAL GROUP LLC');
  await expect(row).toContainText('Ready');
});

test('an LOA with the wrong suite blocks; the queue counts it; marking ready takes a written reason, kept in the history', async ({
  app: page,
  host,
}) => {
  const caseId = await openReview(
    page,
    host.origin,
    { entity_name: 'Lakeview Dental Group LLC', losing_carrier: 'AT&T' },
    { loaUnit: 'Suite 210' },
  );
  await expect(page.locator('tr[data-row="service_address"]')).toHaveAttribute('data-verdict', 'mismatch');
  await expect(page.locator('tr[data-row="service_address"] td.flag').first()).toHaveText(/Suite 210/);

  // the status panel offers the override too, never a plain move to Ready past a blocker
  await expect(page.getByTestId('status-mark-ready')).toHaveText('Override 1 blocker…');
  await expect(page.getByTestId('status-panel').getByRole('button', { name: 'Move to Ready' })).toHaveCount(0);
  await expect(page.getByTestId('status-panel').locator('[data-status]')).toHaveText('Review');

  await page.getByTestId('override-ready').click();
  const dialog = page.getByTestId('override-dialog');
  await expect(dialog).toContainText('LOCATION_MISMATCH');
  const confirm = dialog.getByRole('button', { name: 'Override and mark ready' });
  await dialog.getByTestId('override-reason').fill('ok');
  await expect(confirm).toBeDisabled();
  await dialog.getByTestId('override-reason').fill('Carrier confirmed suite 210 by phone, ticket 4471.');
  await confirm.click();
  await expect(page.getByTestId('status-panel').locator('[data-status]')).toHaveText('Ready');
  await expect(page.getByTestId('last-override')).toContainText('ticket 4471');

  await page.getByRole('tab', { name: 'History' }).click();
  await expect(page.getByTestId('history').locator('.history-entry').first()).toContainText(
    'Carrier confirmed suite 210 by phone, ticket 4471.',
  );

  await page.getByRole('button', { name: '← Queue' }).click();
  const row = page.getByTestId('queue-grid').locator(`[role=row][data-case-id="${caseId}"]`);
  await expect(row.locator('.blockers')).toHaveText('1');
});

/** What the page held at the first frame the review table existed (the dom lib is not in the tests' types). */
interface FirstFrameGlobals {
  firstReviewFrame?: { channel: boolean; overrideTop: number | null };
  document: { querySelector(selector: string): { getBoundingClientRect(): { top: number } } | null };
  MutationObserver: new (
    onChange: () => void,
  ) => { observe(target: unknown, options: { childList: boolean; subtree: boolean }): void };
}
const RECORD_FIRST_REVIEW_FRAME = () => {
  const g = globalThis as unknown as FirstFrameGlobals;
  new g.MutationObserver(() => {
    if (g.firstReviewFrame || !g.document.querySelector('[data-testid="review-table"]')) return;
    const override = g.document.querySelector('[data-testid="override-ready"]');
    g.firstReviewFrame = {
      channel: g.document.querySelector('[data-testid="channel-review"]') !== null,
      overrideTop: override ? override.getBoundingClientRect().top : null,
    };
  }).observe(g.document, { childList: true, subtree: true });
};

test('the Review tab opens with its carrier section in place: nothing moves under the pointer once the table shows', async ({
  app: page,
  host,
}) => {
  // the case opens by a hash change (same document) or a load (a new one): watch in both
  await page.evaluate(RECORD_FIRST_REVIEW_FRAME);
  await page.addInitScript(RECORD_FIRST_REVIEW_FRAME);
  // AT&T has carrier guidance, so the review shows the carrier section above the table
  await openReview(
    page,
    host.origin,
    { entity_name: 'Lakeview Dental Group LLC', losing_carrier: 'AT&T' },
    {
      loaUnit: 'Suite 210',
    },
  );
  await expect(page.getByTestId('channel-review')).toContainText('AT&T');
  const first = await page.evaluate(() => (globalThis as unknown as FirstFrameGlobals).firstReviewFrame);
  expect(first?.channel).toBe(true);
  const now = await page.getByTestId('override-ready').boundingBox();
  expect(now?.y).toBe(first?.overrideTop);
});

test("a reseller says so and lists the carrier-level credentials; a partial port shows each number's fate; a carrier's age limit applies", async ({
  app: page,
  host,
}, testInfo) => {
  // Grasshopper resells Bandwidth numbers: the documents come from Bandwidth; only the BTN is ported
  await openReview(
    page,
    host.origin,
    { entity_name: 'LAKEVIEW DENTAL GROUP LLC', losing_carrier: 'Grasshopper' },
    { carrier: 'Bandwidth' },
    '(312) 555-0147',
  );
  const reseller = page.getByTestId('reseller');
  await expect(reseller).toContainText('Grasshopper is a reseller');
  await expect(reseller).toContainText('(here: Bandwidth)');
  await expect(reseller).toContainText('PIN: Contact Grasshopper support');
  await expect(reseller).toContainText('What is the underlying carrier for my numbers');

  await expect(page.locator('tr[data-row="number:+13125550147"] [data-testid=verdict]')).toHaveText('BTN ported');
  await expect(page.locator('tr[data-row="number:+13125550148"] [data-testid=verdict]')).toHaveText('Stays: decide');
  await expect(page.getByTestId('rejections').locator('[data-code="MAIN_BTN_PORTING"]')).toBeVisible();
  await page.locator('tr[data-row="phone_numbers"]').click();
  await expect(page.getByTestId('evidence').getByTestId('box-phone_numbers')).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('review-reseller.png'), fullPage: false });

  // a per-carrier age limit: Grasshopper invoices may be 5 days old at most; this one is 12
  await expect(page.locator('tr[data-row="invoice_date"]')).toHaveAttribute('data-verdict', 'match');
  // the link opens Settings on this case: it asks where a changed limit applies
  await page.getByRole('link', { name: 'Age limits…' }).click();
  const form = page.getByTestId('settings-page').getByTestId('case-limits');
  await expect(form.getByTestId('case-limits-now')).toHaveText(/invoice 30 d, LOA 30 d — from the defaults/);
  await form.getByLabel('Invoice, days').fill('5');
  await expect(form.getByRole('button', { name: 'Save age limits' })).toBeDisabled();
  await form.getByLabel('Every Grasshopper case').check();
  await form.getByRole('button', { name: 'Save age limits' }).click();
  await expect(form.getByTestId('case-limits-now')).toHaveText(
    /invoice 5 d, LOA 30 d — from the limits for Grasshopper/,
  );
  await expect(page.getByTestId('carrier-limits').getByLabel('Carrier')).toHaveValue('Grasshopper');
  await page.getByRole('button', { name: /← Case/ }).click();
  await page.getByRole('tab', { name: 'Review' }).click();
  // a stale document is its own verdict, not a "Mismatch" of values
  await expect(page.locator('tr[data-row="invoice_date"]')).toHaveAttribute('data-verdict', 'too_old');
  await expect(page.locator('tr[data-row="invoice_date"] [data-testid="verdict"]')).toHaveText('Too old');
  await expect(page.locator('tr[data-detail-for="invoice_date"] [data-code="INVOICE_TOO_OLD"]')).toBeVisible();
  await expect(page.getByTestId('review-tab')).toContainText('invoice 5 d, LOA 30 d (Grasshopper setting)');
  await page.getByTestId('reseller').scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('review-reseller-notice.png'), fullPage: false });
});
