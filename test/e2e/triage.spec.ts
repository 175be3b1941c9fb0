import type { Page } from '@playwright/test';
import { NORTHWIND, textPdfBase64 } from '../integration/porting-helpers.js';
import { base64, keyValuePdf, reviewDocs } from '../integration/review-fixtures.js';
import { expect, queueRows, rpc, test } from './fixtures.js';
import { caseInReview, FRESH } from './review-case.js';

const CSV = [
  'entity_name,numbers,customer_reference',
  'Lakeview Dental Group LLC,(312) 555-0147;(312) 555-0148,TCK-100',
  'Harbor Freight Logistics,415-555-0100,TCK-101',
  'Quantum Legal Partners,617-555-0140,',
].join('\n');

// each test reads real PDFs and walks several screens: on a shared 2-core machine that takes a while
test.beforeEach(() => test.slow());

const csvFile = (name: string, text: string) => ({ name, mimeType: 'text/csv', buffer: Buffer.from(text) });
const row = (page: Page, id: number) => page.getByTestId('queue-grid').locator(`[role=row][data-case-id="${id}"]`);

test('import from the empty state keeps its report; importing again reports duplicates; "import anyway" creates them', async ({
  app: page,
}) => {
  // the empty-state panel unmounts as soon as cases arrive: its report must stay
  await page.getByTestId('empty-state').getByTestId('csv-file-input').setInputFiles(csvFile('monday.csv', CSV));
  const report = page.getByTestId('import-report');
  await expect(report.getByRole('heading', { level: 2 })).toHaveText('Imported 3 cases');
  await expect(page.getByTestId('empty-state')).toHaveCount(0);
  await report.getByRole('button', { name: 'Close' }).click();
  await expect(queueRows(page)).toHaveCount(3);

  await page.getByTestId('csv-file-input').first().setInputFiles(csvFile('monday.csv', CSV));
  await expect(report.getByRole('heading', { level: 2 })).toHaveText('Nothing imported');
  await expect(page.getByTestId('import-summary')).toHaveText('0 cases imported, 3 rows already in the queue.');
  const dupes = page.getByTestId('import-duplicate-rows');
  await expect(dupes.locator('tbody tr').first()).toContainText(
    'Customer reference TCK-100 is already case #1 (Intake)',
  );
  await expect(dupes.locator('tbody tr').nth(2)).toContainText('All its numbers are already on case #3 (Intake)');
  await report.getByRole('button', { name: 'Import these 3 rows anyway' }).click();
  await expect(page.getByTestId('import-anyway-done')).toHaveText('3 more cases imported anyway.');
  await report.getByRole('button', { name: 'Close' }).click();
  await expect(queueRows(page)).toHaveCount(6);
  // now each copy names the case holding its numbers
  await expect(row(page, 4).getByTestId('shared-badge')).toHaveText('numbers on #1 · Intake');
});

test('a case whose numbers are on another active case says so; bulk cancel with one reason clears it', async ({
  app: page,
}) => {
  const a = await rpc<{ id: number; version: number }>(page, 'cases.create', {
    fields: { entity_name: 'Acme Dental' },
    numbersText: '312-555-0147\n312-555-0148',
  });
  await rpc(page, 'cases.setStatus', { id: a.id, version: a.version, status: 'documents' });
  const b = await rpc<{ id: number }>(page, 'cases.create', {
    fields: { entity_name: 'Acme Dental (again)' },
    numbersText: '3125550148',
  });
  const c = await rpc<{ id: number }>(page, 'cases.create', {
    fields: { entity_name: 'Spare Co' },
    numbersText: '6175550140',
  });
  await page.reload();
  await expect(row(page, b.id).getByTestId('shared-badge')).toHaveText(`numbers on #${a.id} · Documents`);

  await row(page, b.id).getByRole('link').click();
  const banner = page.getByTestId('shared-numbers-banner');
  await expect(banner).toContainText(
    `All its numbers are also on case #${a.id} — Acme Dental, which is Documents: +13125550148.`,
  );
  await banner.getByRole('link').click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Acme Dental');
  await expect(page.getByTestId('shared-numbers-banner')).toContainText(`case #${b.id} — Acme Dental (again)`);
  await page.getByRole('button', { name: '← Queue' }).click();

  // tick two cases, cancel both with one reason
  await row(page, b.id).getByRole('checkbox').check();
  await row(page, c.id).getByRole('checkbox').check();
  await expect(page.getByTestId('bulk-bar')).toContainText('2 cases selected');
  await page.getByTestId('bulk-bar').getByRole('button', { name: 'Cancel cases…' }).click();
  const dialog = page.getByTestId('confirm-dialog');
  await dialog.getByRole('textbox').fill('Entered twice by the import');
  await dialog.getByRole('button', { name: 'Cancel 2 cases' }).click();
  await expect(queueRows(page)).toHaveCount(1); // the Active view leaves cancelled cases out
  await expect(row(page, a.id).getByTestId('shared-badge')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Cancelled', exact: true }).getByTestId('chip-count')).toHaveText('2');
  await page.getByRole('button', { name: 'All', exact: true }).click();
  await expect(queueRows(page)).toHaveCount(3);
  const history = await rpc<{ note: string | null }[]>(page, 'cases.history', { id: c.id });
  expect(history[0]!.note).toBe('Entered twice by the import');
});

test('the queue: "#N" search, Esc clears it, header sort, paper icons, overridden blockers not red once confirmed', async ({
  app: page,
}) => {
  const blocked = await caseInReview(
    page,
    { entity_name: 'Lakeview Dental Group LLC', losing_carrier: 'AT&T' },
    { loaUnit: 'Suite 210' },
  );
  const ready = await rpc<{ case: { version: number } }>(page, 'review.markReady', {
    caseId: blocked,
    version: (await rpc<{ version: number }>(page, 'cases.get', { id: blocked })).version,
    overrideReason: 'Carrier confirmed suite 210 by phone, ticket 4471.',
  });
  let version = ready.case.version;
  for (const status of ['submitted', 'foc-confirmed'])
    version = (await rpc<{ version: number }>(page, 'cases.setStatus', { id: blocked, version, status })).version;
  for (const name of ['Zephyr Plumbing', 'Acme Bakery'])
    await rpc(page, 'cases.create', {
      fields: { entity_name: name },
      numbersText: name === 'Acme Bakery' ? '2065550101' : '2065550102',
    });
  await page.reload();

  const lakeview = row(page, blocked);
  await expect(lakeview.getByTestId('blockers-overridden')).toHaveText('1 overridden');
  await expect(lakeview.locator('.blockers')).toHaveCount(0);
  await expect(lakeview.getByTestId('papers').locator('[data-state=read]')).toHaveCount(3);
  await expect(row(page, 3).getByTestId('papers').locator('[data-state=missing]')).toHaveCount(3);

  await page.getByRole('button', { name: 'Customer', exact: true }).click();
  await expect(queueRows(page).locator('.customer a')).toHaveText([
    'Acme Bakery',
    'Lakeview Dental Group LLC',
    'Zephyr Plumbing',
  ]);
  await page.getByRole('button', { name: 'Customer', exact: true }).click();
  await expect(queueRows(page).first()).toContainText('Zephyr Plumbing');
  // every header shows its whole label with its sort arrow: a column too narrow cut "NUMBERS ▼" to an
  // ellipsis the user read as a stray period ("NUMBERS.")
  const clipped = () =>
    page
      .locator('.queue-head [role=columnheader]')
      .evaluateAll((cells) => cells.filter((c) => c.scrollWidth > c.clientWidth).map((c) => c.textContent));
  await expect.poll(clipped).toEqual([]);
  for (const name of ['Numbers', 'Blockers']) {
    await page.getByRole('button', { name, exact: true }).click();
    await expect.poll(clipped).toEqual([]);
  }

  const search = page.getByLabel('Search cases');
  await search.fill('#2');
  await expect(page.getByTestId('queue-count')).toHaveText('1 case match');
  await expect(queueRows(page).first()).toContainText('Zephyr Plumbing');
  await search.press('Escape');
  await expect(search).toHaveValue('');
  await expect(queueRows(page)).toHaveCount(3);
});

test('documents: remove with undo, replace with a newer copy kept as superseded', async ({ app: page, host }) => {
  const caseId = await caseInReview(page, { entity_name: 'Lakeview Dental Group LLC', losing_carrier: 'AT&T' });
  await page.goto(`${host.origin}/#/case/${caseId}`);
  await page.getByRole('tab', { name: 'Documents' }).click();
  const rows = page.getByTestId('document-row');
  await expect(rows).toHaveCount(3);

  await rows.filter({ hasText: 'loa-lakeview.pdf' }).getByRole('button', { name: 'Remove' }).click();
  await expect(rows).toHaveCount(2);
  await expect(page.getByTestId('removed-bar')).toContainText('Removed loa-lakeview.pdf');
  await page.getByTestId('removed-bar').getByRole('button', { name: 'Undo' }).click();
  await expect(rows).toHaveCount(3);
  await expect(page.getByTestId('removed-bar')).toHaveCount(0);

  const loa = rows.filter({ hasText: 'loa-lakeview.pdf' });
  const loaId = await loa.getAttribute('data-doc-id');
  const newer = await keyValuePdf('Letter of Authorization', [
    'Customer Name:|Lakeview Dental Group LLC',
    'Authorized Person:|Maria Lopez',
    `Date:|${FRESH.loaDate}`,
  ]);
  await page.getByTestId(`replace-input-${loaId}`).setInputFiles({
    name: 'loa-signed-again.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.from(newer),
  });
  await expect(rows).toHaveCount(4);
  await expect(loa.getByTestId('superseded-note')).toContainText('Superseded by loa-signed-again.pdf');
  const review = await rpc<{ documents_used: { loa: number | null } }>(page, 'review.compare', { caseId });
  expect(review.documents_used.loa).not.toBe(Number(loaId));
  await page.getByRole('tab', { name: 'History' }).click();
  await expect(page.getByTestId('history')).toContainText('loa-lakeview.pdf replaced by loa-signed-again.pdf');
});

test('the status follows the papers to Review, and a case is marked ready from Intake in one click', async ({
  app: page,
  host,
}) => {
  // all three read: Review by itself, and the history says why
  const reviewed = await caseInReview(page, { entity_name: 'Lakeview Dental Group LLC', losing_carrier: 'AT&T' });
  await page.goto(`${host.origin}/#/case/${reviewed}`);
  await expect(page.getByTestId('status-panel').locator('[data-status]')).toHaveText('Review');
  await page.getByRole('tab', { name: 'History' }).click();
  await expect(page.getByTestId('history')).toContainText('LOA, invoice and CSR are read: moved to Review');

  // two of three: still Intake, Next names what is missing, and Mark ready is offered anyway
  const files = await reviewDocs(FRESH);
  const c = await rpc<{ id: number }>(page, 'cases.create', {
    fields: { entity_name: 'Lakeview Dental Group LLC', losing_carrier: 'AT&T' },
    numbersText: '(312) 555-0147\n(312) 555-0148',
  });
  for (const kind of ['loa', 'invoice'] as const)
    await rpc(page, 'documents.attach', { caseId: c.id, name: `${kind}.pdf`, dataBase64: base64(files[kind]) });
  await expect
    .poll(async () =>
      (await rpc<{ status: string }[]>(page, 'documents.list', { caseId: c.id })).map((d) => d.status).join(),
    )
    .toBe('ready,ready');
  await page.goto(`${host.origin}/#/case/${c.id}`);
  const panel = page.getByTestId('status-panel');
  await expect(panel.locator('[data-status]')).toHaveText('Intake');
  await expect(panel).toContainText('Next: Collect CSR');
  await panel.getByTestId('status-mark-ready').click();
  const dialog = page.locator('dialog[open][data-testid="confirm-dialog"]');
  // with a predicted rejection the same button asks for the override reason first
  await expect(dialog.or(panel.locator('[data-status="ready"]'))).toBeVisible();
  if (await dialog.isVisible()) {
    await dialog.getByRole('textbox').fill('CSR requested; the customer confirmed the account by phone.');
    await dialog.getByRole('button', { name: 'Override and mark ready' }).click();
  }
  await expect(panel.locator('[data-status]')).toHaveText('Ready');
  await page.getByRole('tab', { name: 'History' }).click();
  await expect(page.getByTestId('history')).toContainText('Moved to Review to mark the case ready');
});

test('"already in a porting order" names the case holding the number, with a link and no "Send again"', async ({
  app: page,
  host,
}) => {
  const ready = async (reference: string) => {
    const c = await rpc<{ id: number; version: number }>(page, 'cases.create', {
      fields: { ...NORTHWIND, customer_reference: reference },
      numbersText: '303.555.0172',
    });
    let version = c.version;
    for (const status of ['documents', 'review'])
      version = (await rpc<{ version: number }>(page, 'cases.setStatus', { id: c.id, version, status })).version;
    // no document read yet: nothing could be checked, so Ready takes a written override reason
    await rpc(page, 'review.markReady', { caseId: c.id, version, overrideReason: 'Papers attached right after.' });
    for (const [name, lines] of [
      ['loa-signed.pdf', ['LETTER OF AUTHORIZATION', NORTHWIND.entity_name ?? '']],
      ['invoice-march.pdf', ['INVOICE', 'Account 4001 2883 3009']],
    ] as const)
      await rpc(page, 'documents.attach', { caseId: c.id, name, dataBase64: await textPdfBase64([...lines]) });
    return c.id;
  };
  const first = await ready('first');
  await rpc(page, 'porting.createDraft', { caseId: first });
  const second = await ready('second');
  await rpc(page, 'porting.createDraft', { caseId: second });

  await page.goto(`${host.origin}/#/case/${second}`);
  await page.getByRole('tab', { name: 'Submission' }).click();
  const error = page.getByTestId('outbox-field-error');
  await expect(error).toContainText(`+13035550172 is already being ported in case #${first}`);
  await expect(error).not.toContainText('is already in porting order'); // the API's words name an order id
  await expect(page.getByRole('button', { name: 'Send again' })).toHaveCount(0);
  await error.getByRole('link', { name: `Open case #${first}` }).click();
  await expect(page).toHaveURL(new RegExp(`#/case/${first}$`));
});
