import { unzipSync } from 'fflate';
import fs from 'node:fs';
import type { Page } from '@playwright/test';
import { PacketSummary } from '../../shared/contract/export.js';
import { pdfText } from '../integration/export-read.js';
import { expect, rpc, test } from './fixtures.js';
import { caseInReview, LAKEVIEW_AS_ON_CSR } from './review-case.js';

/*
 * Issue 5, end to end through the Submission tab against the built-in simulator: a ready case is
 * checked, drafted, given an FOC in the user's time zone and submitted from one Review & submit sheet; the simulated carrier
 * (PortDesk's own review played against the CSR on file) rejects the entity name the specialist
 * left in another form; the exception is explained in words with the carrier's comment; the
 * specialist copies the CSR's exact name on the Review tab, resubmits, and the order reaches FOC
 * confirmed and then ported as the simulator clock is moved on from the header.
 */

/**
 * Lakeview Dental on AT&T with LOA, invoice and CSR read. Every case field is the CSR's exact
 * string but one: the entity name as the customer writes it ("Lakeview Dental Group, LLC"), which
 * the review shows as a risk and the carrier, comparing letter for letter, rejects.
 */
async function readyToReview(page: Page): Promise<number> {
  // the name written another way than on the CSR: the carrier rejects it
  return caseInReview(page, { ...LAKEVIEW_AS_ON_CSR, entity_name: 'Lakeview Dental Group, LLC' });
}

/** The specialist works in Chicago; the host and the API speak UTC. */
const ZONE = 'America/Chicago';
test.use({ timezoneId: ZONE, locale: 'en-US' });

/** How an instant reads on a Chicago wall clock: "Nov 27, 2026", "09:00" (12-hour) and the datetime-local value. */
function chicago(iso: string): { day: string; time: string; input: string } {
  const h12 = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone: ZONE,
      month: 'short',
      day: 'numeric',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h12',
    })
      .formatToParts(new Date(iso))
      .map((p) => [p.type, p.value]),
  );
  const n = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone: ZONE,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(new Date(iso))
      .map((p) => [p.type, p.value]),
  );
  return {
    day: `${h12.month} ${h12.day}, ${h12.year}`,
    time: `${h12.hour}:${h12.minute}`,
    input: `${n.year}-${n.month}-${n.day}T${n.hour}:${n.minute}`,
  };
}

/** Move the simulator's clock on from the header chip, which opens the porting section of Settings; back to the Submission tab. */
async function advanceFromHeader(page: Page, button: '+5 hours' | '+1 week') {
  await page.getByTestId('porting-indicator').click();
  const settings = page.getByTestId('porting-settings');
  await expect(page.getByTestId('settings-page')).toBeVisible();
  const before = await settings.getByTestId('sim-clock').locator('strong').textContent();
  await settings.getByRole('button', { name: button, exact: true }).click();
  await expect(settings.getByTestId('sim-clock').locator('strong')).not.toHaveText(before ?? '');
  await page.getByRole('button', { name: /^← Case \d+$/ }).click();
  await page.getByRole('tab', { name: /Submission/ }).click();
}

test('submit a ready case, see the carrier reject it and why, fix the name, resubmit, reach FOC confirmed and ported', async ({
  app: page,
  host,
}, testInfo) => {
  const caseId = await readyToReview(page);
  await page.goto(`${host.origin}/#/case/${caseId}`);
  await expect(page.getByTestId('porting-indicator')).toContainText('Simulator');
  const status = page.getByTestId('status-panel').locator('[data-status]');

  // Review: the name differs only in form, a risk rather than a blocker, so the case can be marked ready
  await page.getByRole('tab', { name: 'Review' }).click();
  await expect(page.locator('tr[data-row="account_name"]')).toHaveAttribute('data-verdict', 'equivalent');
  await page.getByTestId('mark-ready').click();
  await expect(status).toHaveAttribute('data-status', 'ready');

  // Submission: one Review & submit sheet checks, drafts, proposes an FOC on the user's clock, and sends
  await page.getByRole('tab', { name: 'Submission' }).click();
  const tab = page.getByTestId('submit-tab');
  await expect(tab.getByTestId('submit-mode')).toContainText('built-in simulator');
  await tab.getByTestId('open-submit-sheet').click();
  const sheet = page.getByTestId('submit-sheet');
  await expect(sheet.getByTestId('sheet-order').locator('tbody tr')).toHaveText([
    /\+13125550147\s*local/,
    /\+13125550148\s*local/,
  ]);
  const card = tab.getByTestId('order-card');
  await expect(card).toHaveCount(1);
  await expect(card.locator('.order-status')).toHaveText('Draft');

  // the allowed windows (13:00–23:00 UTC at the simulator) read as Chicago business hours
  const pick = sheet.getByTestId('foc-pick');
  await expect(pick).toContainText(`Requested FOC (${ZONE}; sent in UTC)`);
  const { windows } = await rpc<{ windows: { started_at: string; ended_at: string }[] }>(page, 'porting.focWindows', {
    orderId: (await card.getAttribute('data-order'))!,
  });
  const first = pick.locator('.foc-windows button').first();
  await expect(first).toContainText(`${chicago(windows[0]!.started_at).time}`);
  await expect(first).toContainText(`${chicago(windows[0]!.ended_at).time}`);
  await first.click();
  await expect(first).toHaveAttribute('aria-pressed', 'true');
  await expect(pick.locator('.foc-windows button[aria-pressed="true"]')).toHaveCount(1);
  const requested = new Date(Date.parse(windows[0]!.started_at) + 2 * 3_600_000).toISOString();
  await expect(pick.locator('.field-hint')).toHaveText(`= ${requested}`);
  await expect(pick.locator('input[type="datetime-local"]')).toHaveValue(chicago(requested).input);
  await sheet.getByTestId('confirm-submit').click();
  await expect(sheet).toBeHidden();
  await expect(page.getByTestId('toast-success').filter({ hasText: '1 order submitted' })).toBeVisible();
  await expect(status).toHaveAttribute('data-status', 'submitted');
  await expect(card.locator('.order-status')).toHaveText('In process');
  await expect(card.getByText(/^Requested FOC:/)).toContainText(chicago(requested).day);

  // The carrier answers about 4 h later: the exception, explained in words, with the carrier's comment
  await advanceFromHeader(page, '+5 hours');
  await expect(status).toHaveAttribute('data-status', 'exception', { timeout: 15_000 });
  await expect(page.getByRole('tab', { name: /Submission/ }).locator('.tab-badge')).toHaveText('!');
  await expect(card.locator('.order-status')).toHaveText('Exception');
  const exception = card.getByTestId('order-exceptions');
  await expect(exception.locator('li')).toHaveCount(1);
  const entity = exception.locator('li[data-code="ENTITY_NAME_MISMATCH"]');
  await expect(entity).toContainText('Entity name does not match that on the CSR');
  await expect(entity).toContainText(
    "does not match the account name on the losing carrier's records, letter for letter",
  );
  await expect(entity.locator('.exception-action')).toHaveText(/^What to do \(entity name\): Get exact legal name/);
  await expect(card.getByTestId('exception-next')).toContainText('"Use CSR value"');
  const comment = card.getByTestId('order-comments').locator('li').first();
  await expect(comment).toContainText('Telnyx porting (simulated losing carrier)');
  await expect(comment).toContainText('ENTITY_NAME_MISMATCH');
  await expect(comment).toContainText(
    'Order "Lakeview Dental Group, LLC" differs from the CSR\'s "LAKEVIEW DENTAL GROUP LLC"',
  );
  await expect(tab.getByTestId('open-submit-sheet')).toHaveText('Review & resubmit 1 order…');
  await page.screenshot({ path: testInfo.outputPath('submit-exception.png') });

  // Fix: the CSR's exact name, from the Review tab
  await page.getByRole('tab', { name: 'Review' }).click();
  const nameRow = page.locator('tr[data-row="account_name"]');
  await nameRow.click();
  await page.locator('tr[data-detail-for="account_name"]').getByTestId('use-value').click();
  await expect(nameRow.locator('td').nth(3)).toHaveText('LAKEVIEW DENTAL GROUP LLC');
  await expect(page.locator('.case-title h1')).toHaveText('LAKEVIEW DENTAL GROUP LLC');

  // Resubmit: the windows are fetched again (the clock moved on) and an allowed FOC is proposed
  await page.getByRole('tab', { name: /Submission/ }).click();
  await tab.getByTestId('open-submit-sheet').click();
  await expect(pick.locator('.field-hint')).toHaveText(/^= \d{4}-\d\d-\d\dT/);
  const resubmitted = (await pick.locator('.field-hint').textContent())!.slice(2);
  await expect(sheet.getByTestId('confirm-submit')).toHaveText('Resubmit 1 order to AT&T');
  await sheet.getByTestId('confirm-submit').click();
  await expect(sheet).toBeHidden();
  await expect(status).toHaveAttribute('data-status', 'submitted');
  await expect(card.getByTestId('order-exceptions')).toHaveCount(0);
  await expect(card.locator('.order-status')).toHaveText('In process');

  // Accepted: FOC confirmed, its date on the Chicago clock, moved on from the Submission tab itself
  const clock = tab.getByTestId('sim-clock-bar');
  await expect(clock).toContainText(`Simulated time`);
  await clock.getByRole('button', { name: '+5 hours' }).click();
  await expect(status).toHaveAttribute('data-status', 'foc-confirmed', { timeout: 15_000 });
  await expect(card.locator('.order-status')).toHaveText('FOC date confirmed');
  const focLine = card.getByTestId('foc-confirmed');
  await expect(focLine).toContainText(`FOC confirmed: `);
  await expect(focLine).toContainText(chicago(resubmitted).day);
  await expect(focLine).toContainText(chicago(resubmitted).time);
  await expect(focLine).toContainText(`(${ZONE})`);
  await expect(focLine).toContainText('Telnyx adds the numbers to your account from');
  await expect(card.getByTestId('order-comments')).toHaveCount(0);
  await page.screenshot({ path: testInfo.outputPath('submit-foc-confirmed.png') });

  // At the FOC the numbers port
  await clock.getByRole('button', { name: '+1 week' }).click();
  await expect(status).toHaveAttribute('data-status', 'ported', { timeout: 15_000 });
  await expect(card.locator('.order-status')).toHaveText('Ported');
  await expect(focLine).toContainText('Ported on the FOC: ');
  await expect(focLine).toContainText(chicago(resubmitted).day);
  await expect(tab.getByTestId('sim-clock-bar')).toHaveCount(0);
  await page.screenshot({ path: testInfo.outputPath('submit-ported.png') });

  // The packet exported now still lists the exception the order came back with (issue 14), resubmitted since
  await page.getByRole('tab', { name: 'Packet & LOA' }).click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-packet').click()]);
  const zipPath = testInfo.outputPath('packet.zip');
  await download.saveAs(zipPath);
  const zip = unzipSync(new Uint8Array(fs.readFileSync(zipPath)));
  const name = (suffix: string) => Object.keys(zip).find((k) => k.endsWith(suffix))!;
  const summary = PacketSummary.parse(JSON.parse(new TextDecoder().decode(zip[name('-summary.json')]!)));
  expect(summary.received_rejections).toMatchObject([
    { code: 'ENTITY_NAME_MISMATCH', source: 'order', resolved_at: expect.any(String) },
  ]);
  const { pages } = await pdfText(zip[name('-packet.pdf')]!);
  const cover = pages.slice(0, summary.pdf.sections[0]!.last_page).join(' ');
  expect(cover).toContain('Porting packet — resubmission after rejection');
  expect(cover).not.toContain('None received yet');
  expect(cover.replace(/\s+/g, '')).toContain('ENTITY_NAME_MISMATCH');
  expect(cover).toMatch(/resubmitted \d{4}-\d\d-\d\d/);

  await page.getByRole('tab', { name: 'History' }).click();
  const history = page.getByTestId('history');
  await expect(history).toContainText('ENTITY_NAME_MISMATCH');
  await expect(history).toContainText('Resubmitting 1 order');
  await expect(history).toContainText('FOC confirmed for order');
});
