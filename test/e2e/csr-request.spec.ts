import { expect, rpc, test } from './fixtures.js';

/*
 * Issue 13, "CSR on request", end to end in Chromium against the host's built-in simulator: from a
 * case's Documents tab the specialist presses "Request CSR"; the coverage check and the request go
 * out with what the carrier asks for; the status shows the carrier preparing it; once the carrier
 * answers (the simulator's clock moved on) the record arrives as the case's CSR document (source:
 * carrier API) and the Review tab compares the case against its exact values.
 */

const LAKEVIEW = {
  entity_name: 'Lakeview Dental Group LLC',
  authorized_person: 'Maria Lopez',
  btn: '312-555-0147',
  account_number: '83100022',
  service_street: '2145 N Halsted St',
  service_city: 'Chicago',
  service_state: 'IL',
  service_zip: '60614',
};

async function newCase(page: import('@playwright/test').Page, fields: Record<string, string>) {
  const c = await rpc<{ id: number; version: number }>(page, 'cases.create', {
    fields,
    numbersText: '(312) 555-0147\n(312) 555-0148',
  });
  let version = c.version;
  for (const status of ['documents', 'review'])
    version = (await rpc<{ version: number }>(page, 'cases.setStatus', { id: c.id, version, status })).version;
  return { id: c.id, version };
}

test('"Request CSR" brings the carrier record in as the case CSR, and the review compares it', async ({
  app: page,
  host,
}) => {
  const { id } = await newCase(page, { ...LAKEVIEW, losing_carrier: 'Lumen' });
  await page.goto(`${host.origin}/#/case/${id}`);
  await page.getByRole('tab', { name: 'Documents' }).click();
  const panel = page.getByTestId('csr-panel');
  await panel.getByRole('button', { name: 'Request CSR' }).click();

  const status = panel.getByTestId('csr-status');
  await expect(status).toHaveAttribute('data-state', 'pending');
  await expect(status).toContainText('The carrier is preparing the CSR');
  await expect(status).toContainText('sent account number, service ZIP');
  await expect(panel.getByRole('button', { name: 'Request CSR again' })).toBeDisabled();

  // the carrier answers a minute later on its own clock
  await rpc(page, 'sim.advance', { minutes: 2 });
  await expect(status).toHaveAttribute('data-state', 'completed', { timeout: 20_000 });
  await expect(status).toContainText('Received from');
  await expect(panel.getByTestId('csr-received')).toContainText('source: carrier API');
  await expect(page.getByTestId('documents-tab')).toContainText('CSR +13125550147 - carrier API');
  await panel.getByRole('button', { name: 'Open the CSR' }).click();
  await expect(page.getByTestId('documents-tab')).toContainText('83100022');

  await page.getByRole('tab', { name: 'Review' }).click();
  const account = page.locator('tr[data-row="account_number"]');
  await expect(account).toContainText('83100022');
  await expect(account).toHaveAttribute('data-verdict', 'match');
  // the carrier's record names the account its own way: the review compares and flags it
  await expect(page.locator('tr[data-row="account_name"]')).not.toHaveAttribute('data-verdict', 'match');
  await expect(page.getByTestId('pending-documents')).toHaveCount(0);
});

test('a case without what the carrier asks for says what to add, and nothing is sent', async ({ app: page, host }) => {
  // AT&T asks for the PIN too; this case has none
  const { id } = await newCase(page, { ...LAKEVIEW, losing_carrier: 'AT&T' });
  await page.goto(`${host.origin}/#/case/${id}`);
  await page.getByRole('tab', { name: 'Documents' }).click();
  const panel = page.getByTestId('csr-panel');
  await panel.getByRole('button', { name: 'Request CSR' }).click();
  await expect(panel.getByTestId('csr-problem')).toContainText(
    'The carrier asks for the PIN before it releases the CSR of +13125550147',
  );
  await expect(panel.getByTestId('csr-status')).toHaveCount(0);
});
