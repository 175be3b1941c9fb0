import { PDFDocument, StandardFonts } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDocument } from '../../electron/core/documents/read.js';
import { createOcrPool, type WorkerOcrPool } from '../../electron/core/ocr/pool.js';
import { AppError } from '../../shared/contract/rpc.js';
import type { PageText, Word } from '../../shared/domain/document.js';
import {
  bombPng,
  corruptPdf,
  encryptedPdf,
  imagePdf,
  scan,
  textPdf,
  tiff,
  wordDocument,
  zeroPagePdf,
} from './documents-fixtures.js';

let pool: WorkerOcrPool;
beforeAll(() => {
  pool = createOcrPool({ size: 1 });
});
afterAll(async () => {
  await pool.close();
});

const find = (p: PageText | undefined, text: string): Word => {
  const w = p?.words.find((x) => x.text === text);
  if (!w) throw new Error(`"${text}" not among: ${p?.words.map((x) => x.text).join(' ')}`);
  return w;
};

const SCAN_LINES = [
  'Account number 8839-2210-44',
  'Billing telephone number (212) 555-0142',
  'Service address 1200 North Main Street',
];

describe('text-layer PDFs', () => {
  it('returns every word with its box in points from the top-left, without OCR', async () => {
    const bytes = await textPdf([
      ['Letter of Authorization', 'Account number: 123-456-789'],
      ['Second page BTN (212) 555-0100 with enough words to count'],
    ]);
    const seen: string[] = [];
    const r = await readDocument(bytes, { pool, onPage: (p) => seen.push(`${p.page}/${p.pages}:${p.method}`) });
    expect(r.mime).toBe('application/pdf');
    expect(r.pageCount).toBe(2);
    expect(seen).toEqual(['1/2:text', '2/2:text']);
    const [p1, p2] = r.pages;
    expect(p1).toMatchObject({ page: 1, width: 612, height: 792, method: 'text' });
    expect(p1!.words.map((w) => w.text)).toEqual([
      'Letter',
      'of',
      'Authorization',
      'Account',
      'number:',
      '123-456-789',
    ]);
    expect(p1!.words.every((w) => w.conf === 1)).toBe(true);
    // drawn at x=72, baseline y=720 (bottom-up) → 72 from the top; second line 24 pt lower
    const letter = find(p1, 'Letter'),
      account = find(p1, 'Account'),
      num = find(p1, '123-456-789');
    expect(letter.bbox[0]).toBeCloseTo(72, 0);
    expect(letter.bbox[1]).toBeLessThan(72);
    expect(letter.bbox[3]).toBeGreaterThan(72);
    expect(account.bbox[1]).toBeGreaterThan(letter.bbox[3] - 1);
    expect(account.bbox[1]).toBeLessThan(96);
    expect(account.bbox[3]).toBeGreaterThan(96);
    // words follow each other on the line, split proportionally inside the text run
    expect(find(p1, 'number:').bbox[0]).toBeGreaterThan(account.bbox[2]);
    expect(num.bbox[0]).toBeGreaterThan(find(p1, 'number:').bbox[2]);
    expect(num.bbox[2]).toBeGreaterThan(170);
    expect(num.bbox[2]).toBeLessThan(260);
    expect(find(p2, '555-0100').bbox[1]).toBeLessThan(72);
  });
});

describe('OCR', () => {
  it('reads a PNG scan: words, boxes where they were drawn, confidences', async () => {
    const s = scan(SCAN_LINES, { dpi: 200 });
    const pages: string[] = [];
    const r = await readDocument(s.png, { pool, onPage: (p) => pages.push(p.method) });
    expect(r.mime).toBe('image/png');
    expect(pages).toEqual(['ocr']);
    const p = r.pages[0]!;
    // 1700 px at 200 dpi → 8.5 in → 612 pt
    expect(p.width).toBeCloseTo(612, 0);
    expect(p.height).toBeCloseTo(216, 0);
    for (const t of ['8839-2210-44', '(212)', '555-0142', '1200', 'North', 'Street'])
      expect(find(p, t).conf).toBeGreaterThan(0.7);
    const pt = 72 / 200;
    const first = find(p, 'Account');
    expect(first.bbox[0]).toBeGreaterThan(s.lines[0]!.x * pt - 3);
    expect(first.bbox[0]).toBeLessThan(s.lines[0]!.x * pt + 3);
    const phone = find(p, '555-0142'),
      line2 = s.lines[1]!;
    expect(phone.bbox[1]).toBeGreaterThan(line2.top * pt - 3);
    expect(phone.bbox[3]).toBeLessThan(line2.bottom * pt + 3);
    expect(phone.bbox[2]).toBeGreaterThan(phone.bbox[0]);
  });

  it('turns a sideways phone photo upright from its EXIF orientation', async () => {
    const s = scan(['Sideways photo of account 6120-7788'], { dpi: 200, heightIn: 1.5 });
    // stored rotated 90° counter-clockwise, tagged "rotate 90° clockwise to display" (orientation 6)
    const { createCanvas, loadImage } = await import('@napi-rs/canvas');
    const img = await loadImage(Buffer.from(s.png));
    const stored = createCanvas(img.height, img.width);
    const ctx = stored.getContext('2d');
    ctx.translate(0, img.width);
    ctx.rotate(-Math.PI / 2);
    ctx.drawImage(img, 0, 0);
    const jpeg = new Uint8Array(stored.toBuffer('image/jpeg', 90));
    const exif = new Uint8Array([
      0xff, 0xe1, 0, 34, 0x45, 0x78, 0x69, 0x66, 0, 0, 0x4d, 0x4d, 0, 0x2a, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0,
      1, 0, 6, 0, 0, 0, 0, 0, 0,
    ]);
    const tagged = new Uint8Array([...jpeg.subarray(0, 2), ...exif, ...jpeg.subarray(2)]);
    const r = await readDocument(tagged, { pool });
    expect(r.mime).toBe('image/jpeg');
    expect(r.pages[0]!.width).toBeGreaterThan(r.pages[0]!.height);
    expect(r.pages[0]!.words.map((w) => w.text)).toContain('6120-7788');
  });

  it('OCRs only the pages of a PDF that have no text layer', async () => {
    const s = scan(SCAN_LINES, { dpi: 200 });
    const pdf = await PDFDocument.create();
    const font = await pdf.embedFont(StandardFonts.Helvetica);
    pdf
      .addPage([612, 792])
      .drawText('Customer service record for account 8839-2210-44, page one', { x: 72, y: 700, size: 11, font });
    const img = await pdf.embedPng(s.png);
    pdf.addPage([612, 216]).drawImage(img, { x: 0, y: 0, width: 612, height: 216 });
    const r = await readDocument(await pdf.save(), { pool });
    expect(r.pages.map((p) => p.method)).toEqual(['text', 'ocr']);
    const p2 = r.pages[1]!;
    expect(p2).toMatchObject({ page: 2, width: 612, height: 216 });
    const phone = find(p2, '555-0142');
    expect(phone.bbox[1]).toBeGreaterThan(s.lines[1]!.top * (72 / 200) - 4);
    expect(phone.bbox[3]).toBeLessThan(s.lines[1]!.bottom * (72 / 200) + 4);
  });

  it('reads every page of a multi-page TIFF', async () => {
    const a = scan(['Page one account 4471-0093'], { dpi: 200, heightIn: 1.5 });
    const b = scan(['Page two telephone 646-555-0199'], { dpi: 200, heightIn: 1.5 });
    const r = await readDocument(tiff([a.gray, b.gray], 200), { pool });
    expect(r.mime).toBe('image/tiff');
    expect(r.pageCount).toBe(2);
    expect(find(r.pages[0], '4471-0093').conf).toBeGreaterThan(0.6);
    expect(find(r.pages[1], '646-555-0199').conf).toBeGreaterThan(0.6);
    expect(r.pages[1]!.width).toBeCloseTo(612, 0);
  });

  it('stops when cancelled and leaves the pool usable', async () => {
    const pngs = [1, 2, 3].map((i) => scan([`Cancelled page ${i} account 100${i}`], { dpi: 200, heightIn: 2 }).png);
    const bytes = await imagePdf(pngs);
    const controller = new AbortController();
    const started = Date.now();
    const read = readDocument(bytes, { pool, signal: controller.signal, onPage: () => controller.abort() });
    await expect(read).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(Date.now() - started).toBeLessThan(20_000);
    const again = await readDocument(pngs[2]!, { pool });
    expect(again.pages[0]!.words.map((w) => w.text)).toContain('1003');
  });
});

describe('a page that never finishes', () => {
  it('is given up after the page timeout, with a message, and the pool carries on', async () => {
    const impatient = createOcrPool({ size: 1, pageTimeoutMs: 1 });
    try {
      const s = scan(['Timeout page 4242'], { dpi: 200, heightIn: 1 });
      await expect(readDocument(s.png, { pool: impatient })).rejects.toMatchObject({
        code: 'FILE_UNREADABLE',
        message: expect.stringMatching(/gave up on a page/),
      });
    } finally {
      await impatient.close();
    }
  });
});

describe('bad input is refused with a reason a person can act on', () => {
  it.each([
    ['an empty file', async () => new Uint8Array(0), 'UNSUPPORTED_FILE', /empty/],
    ['a Word document', async () => wordDocument(), 'UNSUPPORTED_FILE', /looks like a Word document/],
    [
      'text',
      async () => new TextEncoder().encode('BTN 212-555-0100\nAccount 1234\n'),
      'UNSUPPORTED_FILE',
      /looks like text/,
    ],
    ['a corrupt PDF', corruptPdf, 'FILE_UNREADABLE', /damaged/],
    [
      'a password-protected PDF',
      encryptedPdf,
      'FILE_UNREADABLE',
      /password-protected: ask the customer for an unprotected copy or print it to PDF/,
    ],
    ['a PDF with no pages', async () => zeroPagePdf(), 'FILE_UNREADABLE', /no pages/],
    ['a decompression bomb PNG', async () => bombPng(), 'FILE_TOO_LARGE', /100000 × 100000 pixels/],
    ['a file over 50 MB', async () => new Uint8Array(50 * 1024 * 1024 + 1), 'FILE_TOO_LARGE', /up to 50 MB/],
  ])('%s', async (_label, make, code, message) => {
    const bytes = await make();
    const rss = process.memoryUsage().rss;
    const err = await readDocument(bytes, { pool }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe(code);
    expect((err as AppError).message).toMatch(message);
    // the bomb was refused from its header, not by trying to decode 40 GB
    expect(process.memoryUsage().rss - rss).toBeLessThan(200 * 1024 * 1024);
  });
});
