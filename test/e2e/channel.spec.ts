import { expect, rpc, test } from './fixtures.js';
import { caseInReview, LAKEVIEW_AS_ON_CSR } from './review-case.js';

/*
 * Issue 13 in Chromium: a case sent to a carrier without an API (a support ticket), its rejection
 * pasted from an e-mail and read into codes that the review shows; a number marked wireless by hand
 * brings the carrier's PIN rule, which holds the resubmission until it is met; line types set in
 * the numbers editor of the Details tab.
 */

/** Lakeview Dental on AT&T, every field the CSR's exact string: the review has no blocker. */
const LAKEVIEW = LAKEVIEW_AS_ON_CSR;

const MAIL = `Hello,
Your port request was rejected by the losing carrier.
Reason: Incorrect wireless PIN for 312-555-0148.
Please correct and resubmit on this ticket.`;

test('a case sent by support ticket: dated steps, an e-mailed rejection read into codes, a wireless PIN rule holding the resubmission', async ({
  app: page,
  host,
}) => {
  const caseId = await caseInReview(page, LAKEVIEW);
  const { version } = await rpc<{ version: number }>(page, 'cases.get', { id: caseId });
  await rpc(page, 'review.markReady', { caseId, version });
  await page.goto(`${host.origin}/#/case/${caseId}`);
  const status = page.getByTestId('status-panel').locator('[data-status]');
  await expect(status).toHaveAttribute('data-status', 'ready');

  await page.getByRole('tab', { name: 'Submission' }).click();
  const tab = page.getByTestId('submit-tab');
  // AT&T is not a reseller, yet its guidance is there
  await expect(tab.getByTestId('carrier-guidance')).toContainText('AT&T');
  await expect(tab.getByTestId('carrier-guidance')).toContainText('Number Transfer PIN');

  await tab.getByRole('radio', { name: /Manual: a support ticket/ }).click();
  const ticket = tab.getByTestId('manual-ticket');
  await expect(ticket).toBeVisible();
  await expect(tab.getByTestId('create-draft')).toHaveCount(0);
  await ticket.getByLabel('Ticket id').fill('PLV-48213');
  await ticket.getByLabel('Ticket link').fill('https://support.plivo.com/support/tickets/48213');
  await ticket.getByLabel('Handled by').fill('Maria Lopez');
  await ticket.getByRole('button', { name: 'Save ticket' }).click();
  await expect(page.getByTestId('toast-success').filter({ hasText: 'Ticket saved.' })).toBeVisible();
  await expect(ticket.getByRole('link', { name: 'open the ticket' })).toHaveAttribute(
    'href',
    'https://support.plivo.com/support/tickets/48213',
  );

  await ticket.getByLabel('Step date').fill('2026-03-02');
  await ticket.getByTestId('manual-submitted').click();
  await expect(status).toHaveAttribute('data-status', 'submitted');
  await expect(ticket.getByTestId('manual-status')).toContainText('Submitted');
  await expect(ticket.getByTestId('manual-status')).toContainText('submitted 2026-03-02');

  // the carrier's answer, pasted from the e-mail
  await ticket.getByTestId('rejection-text').fill(MAIL);
  await expect(ticket.getByTestId('rejection-preview')).toHaveText('Reads as: PASSCODE_PIN_INVALID');
  await ticket.getByLabel('Received on').fill('2026-03-05');
  await ticket.getByTestId('record-rejection').click();
  await expect(status).toHaveAttribute('data-status', 'exception');
  await expect(ticket.getByTestId('received-rejections')).toContainText('PASSCODE_PIN_INVALID');
  await expect(ticket.getByTestId('received-rejections')).toContainText('Incorrect wireless PIN');

  // the number is a mobile line: AT&T's wireless PIN rule applies, and the case has no PIN
  const lines = tab.getByTestId('line-types');
  await lines.getByLabel('Line type of (312) 555-0148').selectOption('wireless');
  await expect(tab.getByTestId('send-gate')).toContainText('AT&T requires a transfer PIN for wireless numbers');
  await expect(ticket.getByTestId('manual-submitted')).toBeDisabled();

  // the review shows the e-mailed rejection and the line-type rule
  await page.getByRole('tab', { name: 'Review' }).click();
  const section = page.getByTestId('channel-review');
  await expect(section).toContainText('Rejections received (ticket PLV-48213, Rejected)');
  await expect(section).toContainText('PASSCODE_PIN_INVALID');
  await expect(section.getByTestId('line-findings')).toContainText('1 wireless number');

  // the customer sends the transfer PIN: entered on the case, the resubmission goes
  const v = await rpc<{ version: number }>(page, 'cases.get', { id: caseId });
  await rpc(page, 'cases.update', { id: caseId, version: v.version, pin: '4417' });
  await page.getByRole('tab', { name: /Submission/ }).click();
  await expect(tab.getByTestId('send-gate')).toHaveCount(0);
  await ticket.getByLabel('Step date').fill('2026-03-06');
  await ticket.getByTestId('manual-submitted').click();
  await expect(status).toHaveAttribute('data-status', 'submitted');
  await ticket.getByLabel('Step date').fill('2026-03-09');
  await ticket.getByLabel('FOC date').fill('2026-03-16');
  await ticket.getByRole('button', { name: 'FOC received' }).click();
  await expect(status).toHaveAttribute('data-status', 'foc-confirmed');
  await expect(ticket.getByTestId('manual-status')).toContainText('FOC 2026-03-16 received 2026-03-09');
});

test('a ticket id being typed survives the view reloading under it (the case changed meanwhile)', async ({
  app: page,
  host,
}) => {
  const caseId = await caseInReview(page, LAKEVIEW);
  await page.goto(`${host.origin}/#/case/${caseId}`);
  await page.getByRole('tab', { name: 'Submission' }).click();
  const tab = page.getByTestId('submit-tab');
  await tab.getByRole('radio', { name: /Manual: a support ticket/ }).click();
  const ticket = tab.getByTestId('manual-ticket');
  await ticket.getByLabel('Ticket id').fill('PLV-50117');

  // another change to the case (here a line type set elsewhere) reloads the Submission tab's view
  await rpc(page, 'channel.setLineType', { caseId, number: '+13125550148', line_type: 'wireless' });
  await expect(tab.getByTestId('line-types').getByLabel('Line type of (312) 555-0148')).toHaveValue('wireless');
  await expect(ticket.getByLabel('Ticket id')).toHaveValue('PLV-50117');

  await ticket.getByLabel('Handled by').fill('Maria Lopez');
  await ticket.getByRole('button', { name: 'Save ticket' }).click();
  await expect(page.getByTestId('toast-success').filter({ hasText: 'Ticket saved.' })).toBeVisible();
  await page.reload();
  await page.getByRole('tab', { name: 'Submission' }).click();
  await expect(page.getByTestId('manual-ticket').getByLabel('Ticket id')).toHaveValue('PLV-50117');
  await expect(page.getByTestId('manual-ticket').getByLabel('Handled by')).toHaveValue('Maria Lopez');
});

test('line types set by hand in the numbers editor, toll-free recognised, kept after a reload', async ({
  app: page,
  host,
}) => {
  const c = await rpc<{ id: number }>(page, 'cases.create', {
    fields: { entity_name: 'Harbor Light Marine Supply LLC', losing_carrier: 'Verizon Wireless' },
    numbersText: '(312) 555-0147\n(800) 555-0142',
  });
  await page.goto(`${host.origin}/#/case/${c.id}`);
  const editor = page.getByTestId('numbers-preview');
  const first = editor.getByLabel('Line type of (312) 555-0147');
  await expect(first).toHaveValue('');
  await expect(first.locator('option:checked')).toHaveText('Line type?');
  await expect(editor.getByLabel('Line type of (800) 555-0142').locator('option:checked')).toHaveText(
    'Toll-free (checked)',
  );
  // each picker stays inside the panel: at desktop widths they ran past its right edge, half hidden
  const panel = (await editor.boundingBox())!;
  for (const picker of await editor.getByTestId('line-type-select').all()) {
    const box = (await picker.boundingBox())!;
    expect(box.x + box.width, 'line-type picker past the panel edge').toBeLessThanOrEqual(panel.x + panel.width);
  }
  await first.selectOption('wireless');
  await expect(first).toHaveValue('wireless');

  await page.reload();
  await expect(page.getByTestId('numbers-preview').getByLabel('Line type of (312) 555-0147')).toHaveValue('wireless');
  await page.getByRole('tab', { name: 'Submission' }).click();
  const tab = page.getByTestId('submit-tab');
  await expect(tab.getByTestId('tollfree-guidance')).toContainText('RespOrg');
  await expect(tab.getByTestId('line-findings')).toContainText('Verizon requires a transfer PIN');
});
