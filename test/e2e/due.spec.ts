import fs from 'node:fs';
import { expect, rpc, test } from './fixtures.js';

/**
 * Deadlines that find the specialist: an FOC due tomorrow raises a browser notification (asked for
 * permission once, shown once) that opens the case, is counted in the header and listed in the Due
 * view. The OS notification itself cannot be clicked from a test: the page's Notification is a
 * recorder that keeps what was shown and lets the test click it, as the OS would.
 */
const RECORD_NOTIFICATIONS = () => {
  const w = globalThis as unknown as { __shown: { title: string; body: string; onclick: (() => void) | null }[] };
  w.__shown = [];
  const asked = () => Number(localStorage.getItem('test.permissionAsked') ?? '0');
  class RecordingNotification {
    static get permission() {
      return localStorage.getItem('test.permission') ?? 'default';
    }
    static async requestPermission() {
      localStorage.setItem('test.permissionAsked', String(asked() + 1));
      localStorage.setItem('test.permission', 'granted');
      return 'granted';
    }
    onclick: (() => void) | null = null;
    constructor(
      readonly title: string,
      readonly options: { body: string },
    ) {
      w.__shown.push(this as never);
    }
    get body() {
      return this.options.body;
    }
    close() {}
  }
  Object.defineProperty(globalThis, 'Notification', { value: RecordingNotification, configurable: true });
};

function localDay(offset: number): string {
  const d = new Date();
  d.setDate(d.getDate() + offset);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

test('a reminder for an FOC due tomorrow is shown once and opens the case', async ({ page, host }) => {
  await page.addInitScript(RECORD_NOTIFICATIONS);
  await page.goto(host.url);
  await expect(page.getByTestId('due-count')).toHaveText('0');

  const tomorrow = localDay(1);
  const created = await rpc<{ id: number }>(page, 'cases.create', {
    fields: { entity_name: 'Harbor Light Dental', foc_date: tomorrow },
    numbersText: '312-555-0147',
  });
  await rpc(page, 'cases.create', {
    fields: { entity_name: 'Far Future Co', foc_date: localDay(9) },
    numbersText: '312-555-0148',
  });

  // the header counts it and the browser shows one notification, after asking once
  await expect(page.getByTestId('due-count')).toHaveText('1');
  await expect.poll(() => page.evaluate(() => (globalThis as never as { __shown: unknown[] }).__shown.length)).toBe(1);
  const shown = await page.evaluate(() => {
    const n = (globalThis as never as { __shown: { title: string; body: string }[] }).__shown[0]!;
    return { title: n.title, body: n.body };
  });
  expect(shown.title).toBe(`Harbor Light Dental: FOC tomorrow (${tomorrow})`);
  expect(shown.body).toMatch(/Prepare the activation/);

  // clicking it opens the case
  await page.evaluate(() => (globalThis as never as { __shown: { onclick(): void }[] }).__shown[0]!.onclick());
  await expect(page).toHaveURL(new RegExp(`#/case/${created.id}$`));
  await expect(page.getByTestId('case-page')).toBeVisible();

  // the Due view lists it (d from anywhere outside a field); a row opens the case too
  await page.keyboard.press('Escape');
  await page.keyboard.press('d');
  await expect(page.getByTestId('due-page')).toBeVisible();
  const item = page.getByTestId('due-item');
  await expect(item).toHaveCount(1);
  await expect(item).toContainText('Harbor Light Dental');
  await expect(item).toContainText(`FOC tomorrow (${tomorrow})`);
  await item.click();
  await expect(page).toHaveURL(new RegExp(`#/case/${created.id}$`));

  // a reload neither asks again nor notifies the same FOC twice
  await page.reload();
  await expect(page.getByTestId('due-count')).toHaveText('1');
  await page.waitForTimeout(1_500);
  expect(await page.evaluate(() => (globalThis as never as { __shown: unknown[] }).__shown.length)).toBe(0);
  expect(await page.evaluate(() => localStorage.getItem('test.permissionAsked'))).toBe('1');

  // the command line prints the same list
  const cli = host.cli(['due', '--json']);
  expect(cli.status).toBe(0);
  const printed = JSON.parse(cli.stdout) as { items: { kind: string; case_id: number; title: string }[] };
  expect(printed.items).toEqual([
    expect.objectContaining({ kind: 'foc', case_id: created.id, title: `FOC tomorrow (${tomorrow})` }),
  ]);
});

test('the thresholds change what is due; the audit lists the change; the queue exports as CSV', async ({
  app: page,
}) => {
  await rpc(page, 'cases.create', {
    fields: { entity_name: '=cmd|calc Co', foc_date: localDay(3) },
    numbersText: '312-555-0149',
  });
  await page.getByTestId('due-link').click();
  await expect(page.getByTestId('due-page')).toBeVisible();
  await expect(page.getByTestId('due-item')).toHaveCount(0);
  // the thresholds live on the Settings page (one place for every setting)
  await page.getByRole('link', { name: 'Thresholds…' }).click();
  await expect(page.getByTestId('settings-page')).toBeVisible();
  await page.getByLabel('FOC within (days)').fill('3');
  await page.getByRole('button', { name: 'Save thresholds' }).click();
  await expect(page.getByTestId('toast-success').first()).toBeVisible();
  await page.getByTestId('due-link').click();
  await expect(page.getByTestId('due-item')).toHaveCount(1);
  await expect(page.getByTestId('due-count')).toHaveText('1');

  await page.getByTestId('audit-link').click();
  await expect(page.getByTestId('audit-page')).toBeVisible();
  await expect(page.getByTestId('audit-row').filter({ hasText: 'due thresholds' })).toHaveCount(1);
  await expect(page.getByTestId('audit-row').filter({ hasText: 'created' })).toHaveCount(1);

  await page.keyboard.press('Escape');
  const download = page.waitForEvent('download');
  await page.getByTestId('export-queue').click();
  const file = await (await download).path();
  const csv = fs.readFileSync(file, 'utf8');
  expect(csv.split('\r\n')[0]).toMatch(/^\uFEFFentity_name,numbers,.*,status,order_ids,foc_date,case_id$/);
  expect(csv).toContain("'=cmd|calc Co");
});
