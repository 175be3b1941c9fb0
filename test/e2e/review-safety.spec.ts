import { expect, rpc, test } from './fixtures.js';
import { caseInReview } from './review-case.js';

/*
 * A review that does not cry wolf, nor all-clear: with no document read it says nothing could be
 * checked; "Use CSR value" previews what it changes on the keyboard path too, can be undone, never
 * writes a misread city or clears the state; a check shows the ZIP database's objection.
 */

const LAKEVIEW = {
  entity_name: 'Lakeview Dental Group LLC',
  authorized_person: 'Maria Lopez',
  losing_carrier: 'AT&T',
  account_number: '831000441770',
  service_street: '1200 W Madison St',
  service_unit: 'Suite 210',
  service_city: 'Chicago',
  service_state: 'IL',
  service_zip: '60607',
};

test('with no document read, the Review tab says nothing could be checked and offers no Mark ready as if reviewed', async ({
  app: page,
  host,
}) => {
  const c = await rpc<{ id: number; version: number }>(page, 'cases.create', {
    fields: { entity_name: 'Acme Plumbing LLC' },
    numbersText: '(312) 555-0147',
  });
  let version = c.version;
  for (const status of ['documents', 'review'])
    version = (await rpc<{ version: number }>(page, 'cases.setStatus', { id: c.id, version, status })).version;
  await page.goto(`${host.origin}/#/case/${c.id}`);
  await page.getByRole('tab', { name: 'Review' }).click();
  await expect(page.locator('[data-testid="review-banner"][data-kind="nothing_checked"]')).toContainText(
    'Nothing could be checked: no LOA, invoice or CSR has been read for this case (missing: LOA, invoice, CSR)',
  );
  await expect(page.getByTestId('ready-refusal')).toContainText('Nothing could be checked');
  await expect(page.getByTestId('ready-box')).not.toContainText('Nothing blocks this case');
  // nor does the rejections list claim that the carrier's records agree
  await expect(page.getByTestId('no-rejections')).toHaveText(
    'None predicted, and none could be: there is no CSR or invoice to compare with yet.',
  );
  await expect(page.getByTestId('mark-ready')).toBeDisabled();
  // still possible, but only as an override with a written reason
  await page.getByTestId('override-ready').click();
  await expect(page.getByTestId('override-dialog')).toContainText('Mark ready with nothing checked?');
});

test('`a` previews the CSR value before → after; Undo in the toast puts the case back; a misread city is never written', async ({
  app: page,
  host,
}) => {
  const id = await caseInReview(page, LAKEVIEW);
  const docs = await rpc<{ id: number; kind: string }[]>(page, 'documents.list', { caseId: id });
  const csr = docs.find((d) => d.kind === 'csr')!;
  await rpc(page, 'documents.correctField', {
    id: csr.id,
    field: 'service_address',
    value: { street_line: '1200 W Madison St', unit: 'STE 200', city: 'BN1', state: '', zip5: '6O6O7', zip4: '' },
  });
  await page.goto(`${host.origin}/#/case/${id}`);
  await page.getByRole('tab', { name: 'Review' }).click();
  const address = page.locator('tr[data-row="service_address"]');
  await expect(address).toHaveAttribute('data-verdict', /mismatch|check/);

  // the button's before/after is on the row; the keyboard shows the same before anything changes
  await address.click();
  await page.keyboard.press('a');
  const dialog = page.getByTestId('apply-dialog');
  await expect(dialog.getByTestId('apply-change')).toHaveText([/Suite 210\s*→\s*STE 200/]);
  await expect(dialog.getByTestId('apply-withheld')).toHaveText([/City “BN1”.*keeps "Chicago"/, /State/, /ZIP/]);
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();

  const toast = page.getByTestId('toast-success').filter({ hasText: 'Service address set to the CSR value' });
  await expect(toast).toBeVisible();
  await expect
    .poll(async () => (await rpc<Record<string, string>>(page, 'cases.get', { id })).service_unit)
    .toBe('STE 200');
  const after = await rpc<Record<string, string>>(page, 'cases.get', { id });
  expect([after.service_city, after.service_state, after.service_zip]).toEqual(['Chicago', 'IL', '60607']);
  // the case now holds what the CSR can give: no invoice or LOA value is offered over it
  await expect(page.locator('tr[data-detail-for="service_address"] [data-testid="use-value"]')).toHaveCount(0);

  await toast.getByTestId('toast-action').click();
  await expect
    .poll(async () => (await rpc<Record<string, string>>(page, 'cases.get', { id })).service_unit)
    .toBe('Suite 210');
  await expect(page.getByTestId('toast-info')).toContainText("the case's earlier value is back");
  await page.getByRole('tab', { name: 'History' }).click();
  await expect(page.getByTestId('history').locator('.history-entry').first()).toContainText(/STE 200\s*→\s*Suite 210/);
});

test("a check row shows the ZIP database's objection to the reading", async ({ app: page, host }) => {
  const id = await caseInReview(page, LAKEVIEW, { csrZip: '60807' });
  await page.goto(`${host.origin}/#/case/${id}`);
  await page.getByRole('tab', { name: 'Review' }).click();
  const check = page.locator('[data-testid="check"][data-field="service_address"]');
  await expect(check.getByTestId('check-doubt-csr')).toContainText(
    'ZIP 60807 does not exist; 60607 is CHICAGO, IL — check the document',
  );
});
