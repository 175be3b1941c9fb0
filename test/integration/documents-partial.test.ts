import { createCanvas, loadImage } from '@napi-rs/canvas';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentSummary } from '../../shared/contract/documents.js';
import { readDocument } from '../../electron/core/documents/read.js';
import { openCore } from '../../electron/core/index.js';
import { createOcrPool, type WorkerOcrPool } from '../../electron/core/ocr/pool.js';
import { tempDir } from '../helpers/tmp.js';
import { pdfWithDamagedSecondPage, scan } from './documents-fixtures.js';

let pool: WorkerOcrPool;
beforeAll(() => {
  pool = createOcrPool({ size: 1 });
});
afterAll(async () => {
  await pool.close();
});

// 700 rows at 200 dpi; the text sits in the top half, so a file cut in half still holds it
const LINES = ['Account number 8839-2210-44', 'Billing telephone number (212) 555-0142'];
const page = () => scan(LINES, { dpi: 200, heightIn: 3.5 });

async function asJpeg(png: Uint8Array): Promise<Uint8Array> {
  const img = await loadImage(Buffer.from(png));
  const c = createCanvas(img.width, img.height);
  c.getContext('2d').drawImage(img, 0, 0);
  return new Uint8Array(c.toBuffer('image/jpeg', 90));
}
const half = (b: Uint8Array) => b.subarray(0, Math.floor(b.length * 0.6));
const words = (p: { words: { text: string }[] } | undefined) => p?.words.map((w) => w.text).join(' ') ?? '';

describe('images cut short', () => {
  it.each(['png', 'jpeg'] as const)(
    'reads what decoded of a truncated %s and flags the page with the row it ends at',
    async (kind) => {
      const whole = kind === 'png' ? page().png : await asJpeg(page().png);
      const r = await readDocument(half(whole), { pool });
      const p = r.pages[0]!;
      expect(p.partial).toMatch(/^the image ends at row \d+ of 700 \(the file is cut short\)/);
      const row = Number(/row (\d+)/.exec(p.partial!)![1]);
      expect(row).toBeGreaterThan(100);
      expect(row).toBeLessThan(700);
      // the page keeps its full size: boxes of what was read stay where they are on the page
      expect(p.height).toBeCloseTo(3.5 * 72, 0);
      expect(words(p)).toContain('8839-2210-44');

      const full = await readDocument(whole, { pool });
      expect(full.pages[0]!.partial).toBeUndefined();
    },
    120_000,
  );

  it('keeps the flag on the stored document and its page after a background read', async () => {
    const dir = tempDir();
    const core = openCore({ dataDir: dir, hostKind: 'loopback' });
    try {
      const c = await core.call('cases.create', { fields: { entity_name: 'Cut Short Co' }, numbersText: '2125550142' });
      const doc = await core.call('documents.attach', {
        caseId: c.id,
        name: 'scan.png',
        dataBase64: Buffer.from(half(page().png)).toString('base64'),
      });
      let summary: DocumentSummary = doc;
      for (let i = 0; i < 600 && (summary.status === 'queued' || summary.status === 'reading'); i++) {
        await new Promise((r) => setTimeout(r, 200));
        summary = (await core.call('documents.list', { caseId: c.id }))[0]!;
      }
      expect(summary.status).toBe('ready');
      expect(summary.partialPages).toEqual([
        { page: 1, reason: expect.stringMatching(/^the image ends at row \d+ of 700/) },
      ]);
      const detail = await core.call('documents.get', { id: doc.id });
      expect(detail.pageTexts[0]!.partial).toMatch(/ends at row/);
    } finally {
      await core.close();
    }
  }, 180_000);
});

describe('PDF pages whose content cannot be inflated', () => {
  it('reads the other pages and flags the damaged one', async () => {
    const pdf = pdfWithDamagedSecondPage(
      'Account number 12345 Billing telephone 2125550142 Service address 1 Main Street',
    );
    const r = await readDocument(pdf, { pool });
    expect(r.pageCount).toBe(2);
    expect(r.pages[0]!.partial).toBeUndefined();
    expect(words(r.pages[0])).toContain('12345');
    expect(r.pages[1]!.partial).toMatch(/content is damaged \(its compressed data cannot be inflated\)/);
  }, 120_000);
});
