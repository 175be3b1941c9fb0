import fs from 'node:fs';
import path from 'node:path';
import { createCanvas, GlobalFonts } from '@napi-rs/canvas';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.js';

GlobalFonts.registerFromPath('/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf', 'Flags Sans');

/** A small scan (200 dpi, 704 rows) cut short at 60% of its bytes, as a download that stopped early. */
function truncatedScanPng(): Buffer {
  const c = createCanvas(1700, 704);
  const ctx = c.getContext('2d');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, 1700, 704);
  ctx.fillStyle = '#111';
  ctx.font = '46px "Flags Sans"';
  ctx.fillText('Account Number: 8310-0044-1772', 120, 140);
  ctx.fillText('Billing Telephone Number: (415) 555-0132', 120, 230);
  ctx.fillText('Total Amount Due $84.00', 120, 600);
  const png = c.encodeSync('png');
  return png.subarray(0, Math.floor(png.length * 0.6));
}

async function newCase(page: Page, name: string): Promise<void> {
  await page.keyboard.press('n');
  await page.getByLabel('Entity name').fill(name);
  await page.keyboard.press('Control+s');
  await expect(page).toHaveURL(/#\/case\/\d+$/);
}

test('a PIN read from an LOA stays masked until revealed; a scan cut short is flagged in the list and on its page', async ({
  app: page,
}) => {
  await newCase(page, 'Flags & Masks LLC');
  await page.getByRole('tab', { name: 'Documents' }).click();
  // one pick, two files: each gets its own row and its own outcome
  await page.getByTestId('attach-input').setInputFiles([
    {
      name: 'loa.pdf',
      mimeType: 'application/pdf',
      buffer: fs.readFileSync(path.resolve('test/fixtures/generator/samples/loa-form-7.pdf')),
    },
    { name: 'cut-scan.png', mimeType: 'image/png', buffer: truncatedScanPng() },
  ]);
  const loaRow = page.getByTestId('document-row').filter({ hasText: 'loa.pdf' });
  const scanRow = page.getByTestId('document-row').filter({ hasText: 'cut-scan.png' });
  await expect(loaRow).toHaveAttribute('data-status', 'ready', { timeout: 60_000 });
  await expect(scanRow).toHaveAttribute('data-status', 'ready', { timeout: 90_000 });

  const flag = scanRow.getByTestId('partial-flag');
  await expect(flag).toContainText('Read in part');
  await expect(flag).toContainText(/page 1 — the image ends at row \d+ of 704/);
  await expect(loaRow.getByTestId('partial-flag')).toHaveCount(0);

  await scanRow.getByRole('button', { name: 'cut-scan.png' }).click();
  await expect(page.getByTestId('page-partial')).toContainText(
    /Page 1 was read only in part: the image ends at row \d+ of 704/,
  );
  await page.getByRole('button', { name: '← Documents' }).click();

  await loaRow.getByRole('button', { name: 'loa.pdf' }).click();
  const pin = page.getByTestId('field-pin');
  await expect(pin.getByTestId('field-value')).toHaveText(/^•{4,}$/);
  await expect(page.getByTestId('field-list')).not.toContainText('4476');
  // not merely hidden by the page: the PIN was never sent to it
  expect(await page.content()).not.toContain('4476');
  await pin.getByTestId('field-reveal').click();
  await expect(pin.getByTestId('field-value')).toHaveText('4476');
  await pin.getByTestId('field-reveal').click();
  await expect(pin.getByTestId('field-value')).toHaveText(/^•{4,}$/);
  // the reveal is recorded in the case's history
  await page.getByRole('button', { name: '← Documents' }).click();
  await page.getByRole('tab', { name: 'History' }).click();
  await expect(page.getByText(/PIN of loa\.pdf shown on screen/)).toBeVisible();
});
