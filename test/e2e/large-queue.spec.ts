import fs from 'node:fs';
import path from 'node:path';
import { expect, queueRows, test } from './fixtures.js';

const CASES = 50_000;
const AREAS = [212, 312, 415, 617, 303, 720, 512, 206, 404, 305, 213, 646, 202, 971, 503];

/** Customer N has one number; ids follow the file order, so row i of "oldest first" is case i+1. */
function bigCsv(n: number): string {
  const lines = ['entity_name,numbers,losing_carrier,customer_reference'];
  for (let i = 1; i <= n; i++) {
    lines.push(
      `Customer ${String(i).padStart(5, '0')} LLC,${AREAS[i % AREAS.length]}-${200 + (i % 800)}-${String(i % 10_000).padStart(4, '0')},Carrier ${i % 9},REF-${i}`,
    );
  }
  return lines.join('\n') + '\n';
}

test('50,000 cases: the list pages in on demand, jumps to either end and stays a small DOM', async ({
  app: page,
  host,
}) => {
  test.setTimeout(180_000);
  const file = path.join(host.dataDir, 'big.csv');
  fs.writeFileSync(file, bigCsv(CASES));
  const r = host.cli(['cases', 'import', file]);
  expect(r.stderr).toBe('');
  expect(r.stdout).toContain(`Imported ${CASES} case(s)`);

  let t = Date.now();
  await page.reload();
  await expect(page.getByTestId('queue-count')).toHaveText('50,000 active cases');
  await expect(queueRows(page).first()).toContainText('Customer 00001 LLC');
  const firstPaint = Date.now() - t;
  const grid = page.getByTestId('queue-grid');
  const selected = grid.locator('[role=row][aria-selected=true]');
  await expect(grid).toHaveAttribute('aria-rowcount', String(CASES + 1));

  t = Date.now();
  await page.keyboard.press('End');
  await expect(selected).toContainText('Customer 50000 LLC');
  const jumpEnd = Date.now() - t;
  await page.keyboard.press('k');
  await expect(selected).toContainText('Customer 49999 LLC');

  // the middle of the list, by the scrollbar: rows arrive and match their position
  t = Date.now();
  await page.locator('.queue-scroll').evaluate((el) => {
    el.scrollTop = el.scrollHeight / 2;
  });
  // the scroll event renders the new window a frame later: wait for its rows, not for the old window's
  await expect
    .poll(async () => Number((await queueRows(page).first().getAttribute('data-case-id')) ?? 0))
    .toBeGreaterThan(CASES / 2 - 100);
  await expect(grid.locator('.queue-row-loading')).toHaveCount(0);
  const middle = Date.now() - t;
  const ids = await queueRows(page).evaluateAll((rows) => rows.map((r) => Number(r.getAttribute('data-case-id'))));
  // row at list position p (aria-rowindex p+2, after the header) is case p+1
  const expected = await queueRows(page).evaluateAll((rows) =>
    rows.map((r) => Number(r.getAttribute('aria-rowindex')) - 1),
  );
  expect(ids.length).toBeGreaterThan(10);
  expect(ids.length).toBeLessThan(120); // virtualised: a window of rows, not 50,000
  expect(ids).toEqual(expected);
  expect(Math.abs(ids[0]! - CASES / 2)).toBeLessThan(100);

  await page.keyboard.press('Home');
  await expect(selected).toContainText('Customer 00001 LLC');

  // full-text search across all of them, by a number typed in another format
  await page.keyboard.press('/');
  await page.keyboard.type('(206) 217-4417');
  await expect(queueRows(page).first()).toContainText('Customer 34417 LLC');

  const timing = `first page ${firstPaint} ms, End ${jumpEnd} ms, middle ${middle} ms`;
  test.info().annotations.push({ type: 'timing', description: timing });
  console.log(`50k queue: ${timing}`);
});
