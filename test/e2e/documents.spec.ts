import path from 'node:path';
import { createCanvas, GlobalFonts } from '@napi-rs/canvas';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import type { Page } from '@playwright/test';
import { expect, rpc, test } from './fixtures.js';

// The page's own DOM, for the functions that run in it: this file is typechecked without the DOM library.
declare const DataTransfer: new () => { items: { add(file: File): void } };
declare const DragEvent: new (
  type: string,
  init: { dataTransfer: unknown; bubbles: boolean; cancelable: boolean },
) => Event;
interface PageCanvas {
  width: number;
  height: number;
  getContext(kind: '2d'): { getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray } };
}

const FONTS = '/usr/share/fonts/truetype/liberation';
GlobalFonts.registerFromPath(`${FONTS}/LiberationSans-Regular.ttf`, 'E2E Sans');
GlobalFonts.registerFromPath(`${FONTS}/LiberationSans-Bold.ttf`, 'E2E Sans Bold');

const INVOICE_LINES: [x: number, y: number, text: string, size: number, bold?: boolean][] = [
  [54, 60, 'Lakeside Telecom', 20, true],
  [400, 60, 'INVOICE', 16, true],
  [54, 110, 'Statement Date: 03/02/2026', 11],
  [54, 130, 'Account Number: 8310-0044-1772', 11],
  [54, 150, 'Billing Telephone Number: (415) 555-0132', 11],
  [54, 170, 'Customer Name: Acme Plumbing & Heating LLC', 11],
  [54, 200, 'Service Address: 120 Market St Suite 4, San Francisco, CA 94105', 11],
  [54, 240, 'Telephone Numbers', 11, true],
  [54, 260, '(415) 555-0132    Business Line    $42.00', 11],
  [54, 280, '(415) 555-0133    Business Line    $42.00', 11],
  [54, 320, 'Total Amount Due    $84.00', 11, true],
];

/**
 * A phone bill as a scanner would deliver it: half a letter page at 200 dpi, printed, then turned a
 * little (0.8°) and saved as PNG. One small page keeps the OCR cheap.
 */
function scannedInvoicePng(): Buffer {
  const dpi = 200,
    W = Math.round(8.5 * dpi),
    H = Math.round(6 * dpi),
    k = dpi / 72;
  const sheet = createCanvas(W, H);
  const c = sheet.getContext('2d');
  c.fillStyle = '#fff';
  c.fillRect(0, 0, W, H);
  c.fillStyle = '#151515';
  for (const [x, y, text, size, bold] of INVOICE_LINES) {
    c.font = `${size * k}px "${bold ? 'E2E Sans Bold' : 'E2E Sans'}"`;
    c.fillText(text, x * k, y * k);
  }
  const scan = createCanvas(W, H);
  const s = scan.getContext('2d');
  s.fillStyle = '#f7f7f4';
  s.fillRect(0, 0, W, H);
  s.translate(W / 2, H / 2);
  s.rotate((0.8 * Math.PI) / 180);
  s.drawImage(sheet, -W / 2, -H / 2);
  return scan.encodeSync('png');
}

/**
 * The same bill as a born-digital PDF (text layer, no OCR): exercises pdf.js under the app's CSP.
 * `lines` picks which of the bill's lines are printed.
 */
async function invoicePdf(lines = INVOICE_LINES): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  const page = pdf.addPage([612, 432]);
  const regular = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  for (const [x, y, text, size, b] of lines) page.drawText(text, { x, y: 432 - y, size, font: b ? bold : regular });
  return Buffer.from(await pdf.save());
}

async function newCase(page: Page, name: string): Promise<void> {
  await page.keyboard.press('n');
  await page.getByLabel('Entity name').fill(name);
  await page.keyboard.press('Control+s');
  await expect(page).toHaveURL(/#\/case\/\d+$/);
}

function screens(name: string): string {
  return path.join(test.info().project.outputDir, 'screens', name);
}

/** The centre of `inner` lies inside `outer` (both on screen). */
async function expectInside(outer: ReturnType<Page['locator']>, inner: ReturnType<Page['locator']>): Promise<void> {
  const o = (await outer.boundingBox())!;
  const i = (await inner.boundingBox())!;
  const cx = i.x + i.width / 2,
    cy = i.y + i.height / 2;
  expect(cx, 'word centre x inside the field box').toBeGreaterThan(o.x);
  expect(cx).toBeLessThan(o.x + o.width);
  expect(cy, 'word centre y inside the field box').toBeGreaterThan(o.y);
  expect(cy).toBeLessThan(o.y + o.height);
}

test('a scanned invoice is read, its fields are boxed on the page, a correction is kept; a wrong file is refused on its own', async ({
  app: page,
}) => {
  await newCase(page, 'Acme Plumbing & Heating LLC');
  await page.getByRole('tab', { name: 'Documents' }).click();
  await expect(page.getByTestId('documents-empty')).toContainText('source of truth');

  // both files in one pick: the scan and a text file renamed .pdf
  await page.getByTestId('attach-input').setInputFiles([
    { name: 'invoice-scan.png', mimeType: 'image/png', buffer: scannedInvoicePng() },
    {
      name: 'notes.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('Call Rosa back about the PIN on Tuesday.\n'),
    },
  ]);
  const row = page.getByTestId('document-row').filter({ hasText: 'invoice-scan.png' });
  await expect(row.getByRole('progressbar')).toBeVisible();
  await expect(page.getByTestId('reading-indicator')).toContainText('Reading 1 document');

  const refused = page.getByTestId('attachment-refused');
  await expect(refused).toHaveCount(1);
  await expect(refused).toContainText('notes.pdf');
  await expect(refused).toContainText('looks like text, not a PDF or an image');

  await expect(row).toHaveAttribute('data-status', 'ready', { timeout: 45_000 });
  await expect(row.getByRole('progressbar')).toHaveCount(0);
  await expect(row.getByTestId('reading-state')).toHaveText('Read');
  await expect(row.getByLabel('Kind of invoice-scan.png')).toHaveValue('invoice');
  await expect(row.getByTestId('kind-source')).toContainText('auto');
  await expect(page.getByTestId('reading-indicator')).toHaveCount(0);
  // the refusal did not touch the document, and the document did not clear the refusal
  await expect(page.getByTestId('document-row')).toHaveCount(1);
  await expect(refused).toContainText('notes.pdf');
  await page.screenshot({ path: screens('documents-list.png') });

  // keyboard: focus the row, Enter opens the document
  await row.focus();
  await page.keyboard.press('Enter');
  const view = page.getByTestId('document-view');
  await expect(view.getByRole('img', { name: 'Page 1 of invoice-scan.png' })).toBeVisible();
  const account = page.getByTestId('field-account_number');
  await expect(account.getByTestId('field-value')).toHaveText('8310-0044-1772');
  await expect(account.getByTestId('field-provenance')).toHaveText(
    'Read from page 1 under the caption “Account Number”',
  );
  await expect(page.getByTestId('field-btn').getByTestId('field-value')).toHaveText('(415) 555-0132');
  // the boxes sit on the words they were read from (PDF points scaled to the shown page)
  const words = page.getByTestId('word-layer');
  await expectInside(page.getByTestId('box-account_number'), words.getByText('8310-0044-1772', { exact: true }));
  await expectInside(page.getByTestId('box-btn'), words.getByText('555-0132', { exact: true }).first());

  // a field in the list jumps to its box and flashes it
  await page.getByTestId('field-btn').getByTestId('field-value').click();
  await expect(page.getByTestId('box-btn')).toHaveClass(/flash/);
  await expect(page.getByTestId('field-btn')).toHaveClass(/selected/);
  // and a value clicked on the page selects its field in the list
  await words.getByText('8310-0044-1772', { exact: true }).click();
  await expect(page.getByTestId('field-account_number')).toHaveClass(/selected/);
  await expect(page.getByTestId('box-account_number')).toContainText('Account number');

  // the OCR text can be read and copied as text
  await page.getByRole('button', { name: 'Text', exact: true }).click();
  await expect(page.getByTestId('page-text')).toContainText('Account Number: 8310-0044-1772');
  // words selected on the page itself copy as text, with spaces and line breaks
  const copied = await words.evaluate((layer) => {
    const doc = layer.ownerDocument,
      win = doc.defaultView!;
    const spans = [...layer.querySelectorAll('span[data-w]')];
    const range = doc.createRange();
    range.setStart(spans.find((el) => el.textContent === 'Account')!, 0);
    range.setEnd(spans.find((el) => el.textContent === '(415)')!, 1);
    win.getSelection()!.removeAllRanges();
    win.getSelection()!.addRange(range);
    const clipboardData = new win.DataTransfer();
    range.startContainer.dispatchEvent(
      new win.ClipboardEvent('copy', { clipboardData, bubbles: true, cancelable: true }),
    );
    win.getSelection()!.removeAllRanges();
    return clipboardData.getData('text/plain');
  });
  expect(copied).toBe('Account Number: 8310-0044-1772\nBilling Telephone Number: (415)');
  await page.screenshot({ path: screens('documents-view.png') });

  // correct the account number in place
  await page.getByRole('button', { name: 'Correct Account number' }).click();
  await page.getByLabel('Account number', { exact: true }).fill('8310-0044-1773');
  await page.keyboard.press('Enter');
  await expect(account).toHaveAttribute('data-source', 'entered');
  await expect(account.getByTestId('field-value')).toHaveText('8310-0044-1773');
  await expect(account.getByTestId('field-provenance')).toContainText(/Entered by \S+/);
  await expect(account.getByTestId('field-provenance')).toContainText('read from page 1 as “8310-0044-1772”');
  await expect(page.getByTestId('box-account_number')).toHaveClass(/entered/);

  // Escape goes back to the list (not out of the case), focus on the document again
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('documents-list')).toBeVisible();
  await expect(page.getByTestId('case-page')).toBeVisible();
  await expect(row).toBeFocused();

  // after a reload the correction is still there
  await page.reload();
  await page.getByRole('tab', { name: 'Documents' }).click();
  await page
    .getByTestId('document-row')
    .filter({ hasText: 'invoice-scan.png' })
    .getByRole('button', { name: 'invoice-scan.png' })
    .click();
  await expect(account).toHaveAttribute('data-source', 'entered');
  await expect(account.getByTestId('field-value')).toHaveText('8310-0044-1773');
  await expect(account.getByTestId('field-provenance')).toContainText(/Entered by \S+/);
  await page.screenshot({ path: screens('documents-corrected.png') });
});

test('a text PDF dropped on the tab renders with pdf.js under the CSP, with its fields boxed; kind set by hand', async ({
  app: page,
}) => {
  await newCase(page, 'Acme Plumbing & Heating LLC');
  const caseId = Number(/#\/case\/(\d+)$/.exec(page.url())![1]);
  await page.getByRole('tab', { name: 'Documents' }).click();
  await expect(page.getByTestId('documents-empty')).toBeVisible();

  const pdf = (await invoicePdf()).toString('base64');
  // a real drop: a DataTransfer holding a File, through dragenter/dragover/drop
  await page.getByTestId('documents-tab').evaluate((el, b64) => {
    const bytes = Uint8Array.from(atob(b64), (ch) => ch.charCodeAt(0));
    const dt = new DataTransfer();
    dt.items.add(new File([bytes], 'invoice.pdf', { type: 'application/pdf' }));
    for (const type of ['dragenter', 'dragover', 'drop'])
      el.dispatchEvent(new DragEvent(type, { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, pdf);

  const row = page.getByTestId('document-row').filter({ hasText: 'invoice.pdf' });
  await expect(row).toHaveAttribute('data-status', 'ready', { timeout: 30_000 });
  await row.getByLabel('Kind of invoice.pdf').selectOption('csr');
  await expect(row.getByTestId('kind-source')).toHaveText('set by you');
  const docs = await rpc<{ kind: string; kindSource: string }[]>(page, 'documents.list', { caseId });
  expect(docs).toMatchObject([{ kind: 'csr', kindSource: 'user' }]);

  await row.getByRole('button', { name: 'invoice.pdf' }).click();
  const canvas = page.getByTestId('pdf-canvas').locator('canvas');
  await expect(canvas).toBeVisible();
  // pdf.js drew the page: plenty of dark pixels where the text is
  const ink = await canvas.evaluate((el) => {
    const c = el as unknown as PageCanvas;
    const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    let n = 0;
    for (let i = 0; i < d.length; i += 4) if (d[i]! < 100) n++;
    return n;
  });
  expect(ink).toBeGreaterThan(2000);
  await expectInside(
    page.getByTestId('box-account_number'),
    page.getByTestId('word-layer').getByText('8310-0044-1772', { exact: true }),
  );
  await page.screenshot({ path: screens('documents-pdf.png') });
});

test('each value says how it was found; a BTN no caption names is shown as a guess to check', async ({ app: page }) => {
  await newCase(page, 'Acme Plumbing & Heating LLC');
  const caseId = Number(/#\/case\/(\d+)$/.exec(page.url())![1]);
  // the bill without its 'Billing Telephone Number' line: its BTN is only the first number it lists
  const noBtnCaption = INVOICE_LINES.filter(([, , text]) => !text.startsWith('Billing Telephone Number'));
  await rpc(page, 'documents.attach', {
    caseId,
    name: 'invoice.pdf',
    dataBase64: (await invoicePdf(noBtnCaption)).toString('base64'),
  });
  await page.getByRole('tab', { name: 'Documents' }).click();
  const row = page.getByTestId('document-row').filter({ hasText: 'invoice.pdf' });
  await expect(row).toHaveAttribute('data-status', 'ready', { timeout: 30_000 });
  await row.getByRole('button', { name: 'invoice.pdf' }).click();

  const account = page.getByTestId('field-account_number').getByTestId('field-basis');
  await expect(account).toHaveText(/under the caption “Account Number:?”/);
  await expect(account).toHaveAttribute('data-guess', 'false');
  const btn = page.getByTestId('field-btn');
  await expect(btn.getByTestId('field-value')).toContainText('555-0132');
  await expect(btn.getByTestId('field-basis')).toHaveAttribute('data-guess', 'true');
  await expect(btn.getByTestId('field-basis')).toContainText('no caption on this document names a BTN');
  await expect(btn.getByTestId('field-basis')).toContainText('check it against the page');
  await page.screenshot({ path: screens('documents-basis.png') });

  // a person's correction is no guess: the note goes with the machine's value
  await btn.getByRole('button', { name: 'Correct BTN' }).click();
  await page.keyboard.press('Control+a');
  await page.keyboard.type('4155550133');
  await page.keyboard.press('Enter');
  await expect(btn.getByTestId('field-provenance')).toContainText('Entered by');
  await expect(btn.getByTestId('field-basis')).toHaveCount(0);
});
