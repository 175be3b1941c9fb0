import { PDFDocument, StandardFonts } from 'pdf-lib';
import { afterAll, describe, expect, it } from 'vitest';
import { readDocument } from '../../electron/core/documents/read.js';
import { extractFields } from '../../electron/core/extract/index.js';
import type { PageText } from '../../shared/domain/document.js';
import { boxesOntoPages, turnBox, unturnBox, uprightPage } from '../../shared/domain/orientation.js';
import { DEFAULT_PREPROCESS, OcrEngine } from '../../electron/core/ocr/engine.js';
import type { OcrPageResult } from '../../electron/core/ocr/types.js';
import { harshScanOptions, randomScanOptions, renderScanPage, type ScanOptions } from '../fixtures/generator/image.js';
import { PageBuilder } from '../fixtures/generator/layout.js';
import { storedAndReadBack } from '../helpers/stored-pages.js';

/*
 * Real office scans: pages fed upside down or sideways, uneven lighting with a copier's dark border. Each page is drawn, degraded by the generator's scanner and read by the real OCR engine.
 */
const W = 612,
  H = 792;
const LINES = [
  'Account Name: Harbor View Dental Group LLC',
  'Account Number: 4471-2290-8812',
  'Service Address: 1420 Lakeshore Drive, Suite 210',
  'Fort Lauderdale, FL 33301',
  'Billing Telephone Number: (954) 555-0147',
  'Authorized By: Maria Gonzalez, Office Manager',
  'Please transfer the numbers listed below to the new carrier.',
];
const WORDS = LINES.join(' ')
  .split(/\s+/)
  .map((w) => w.replace(/[^A-Za-z0-9]/g, ''))
  .filter((w) => w.length >= 3);

/** The lines one under another, or (`spread`) zig-zagging over the whole page, into every corner. */
function page(spread = false) {
  const p = new PageBuilder();
  LINES.forEach((l, i) =>
    spread
      ? p.text(i % 2 ? 250 : 30, 40 + i * 115, l, { font: 'sans', size: 10 })
      : p.text(48, 60 + i * 22, l, { font: 'sans', size: 10 }),
  );
  return p.build();
}

/** Share of the page's words (3+ letters) the read returned exactly. */
function recall(r: OcrPageResult): number {
  const got = new Set(r.words.map((w) => w.text.replace(/[^A-Za-z0-9]/g, '')));
  return WORDS.filter((w) => got.has(w)).length / WORDS.length;
}

const scan = (opts: ScanOptions, spread = false, seed = 11) =>
  renderScanPage(page(spread), seed, { rotation: 0.8, blur: 0.6, noise: 14, jpegQuality: 55, ...opts });

describe('reading real-world bad scans', () => {
  const engine = new OcrEngine(DEFAULT_PREPROCESS);
  afterAll(() => engine.close());
  const read = (bytes: Uint8Array) => engine.run({ kind: 'image', bytes, mime: 'image/jpeg', frame: 0 });

  it('reads a page fed upside down, boxes on the page as scanned', { timeout: 240_000 }, async () => {
    const r = await read(scan({ orientation: 180 }));
    expect(recall(r)).toBeGreaterThan(0.85);
    expect(r.orientation).toBe(180);
    // "Gonzalez" is drawn on line 6, towards the left: upside down it sits low on the right
    const g = r.words.find((w) => w.text.startsWith('Gonzalez'))!;
    expect(g.bbox[0]).toBeGreaterThan(W / 2);
    expect(g.bbox[1]).toBeGreaterThan(H / 2);
    const upright = uprightPage({
      page: 1,
      width: r.width,
      height: r.height,
      method: 'ocr',
      words: r.words,
      orientation: 180,
    });
    // upright, the lines read top to bottom again
    const top = (t: string) => upright.words.find((w) => w.text.startsWith(t))!.bbox[1];
    expect(top('Harbor')).toBeLessThan(top('Lakeshore'));
    expect(top('Lakeshore')).toBeLessThan(top('Gonzalez'));
  });

  it('reads a page fed sideways, text running up the page', { timeout: 240_000 }, async () => {
    const r = await read(scan({ orientation: 270 }));
    expect(recall(r)).toBeGreaterThan(0.85);
    expect(r.orientation).toBe(90);
    // boxes stay on the page image as scanned: a landscape page, long words' boxes taller than wide
    expect(r.width).toBeGreaterThan(r.height);
    const g = r.words.find((w) => w.text.startsWith('Lakeshore'))!;
    expect(g.bbox[3] - g.bbox[1]).toBeGreaterThan(2 * (g.bbox[2] - g.bbox[0]));
  });

  it('reads a page with uneven lighting and a copier border', { timeout: 240_000 }, async () => {
    // one corner 70% darker than the other, a dark band along an edge: read as it is, a global
    // threshold loses the dim half (recall 0.28)
    const r = await read(scan({ lighting: 0.7, border: 0.4, speckle: 60 }, true, 12));
    expect(recall(r)).toBeGreaterThan(0.85);
  });
});

describe('page orientation boxes', () => {
  const p: PageText = {
    page: 1,
    width: 300,
    height: 500,
    method: 'ocr',
    words: [{ text: 'Acct', bbox: [10, 20, 60, 30], conf: 0.9 }],
    orientation: 90,
  };
  it('turns boxes upright and back onto the image exactly', () => {
    for (const o of [90, 180, 270] as const)
      expect(unturnBox(turnBox([10, 20, 60, 30], o, 300, 500), o, 300, 500)).toEqual([10, 20, 60, 30]);
    const up = uprightPage(p);
    expect([up.width, up.height]).toEqual([500, 300]);
    // turned a quarter clockwise, a word near the top left lands near the top right
    expect(up.words[0]!.bbox).toEqual([470, 10, 480, 60]);
    const fields = { account_number: { value: '1', confidence: 1, page: 1, bbox: up.words[0]!.bbox } };
    expect(boxesOntoPages(fields, [p]).account_number.bbox).toEqual([10, 20, 60, 30]);
  });
});

/** A small text LOA: its words are what a clean OCR read of the page gives, boxes and all. */
async function loaPages(): Promise<PageText[]> {
  const pdf = await PDFDocument.create();
  const pg = pdf.addPage([612, 792]);
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  LINES.forEach((l, i) => pg.drawText(l, { x: 72, y: 792 - (100 + i * 18), size: 10, font }));
  return (await readDocument(await pdf.save())).pages;
}

describe('a page read sideways or upside down', () => {
  it('gives the same fields, with boxes on the page as scanned, also after it is stored', {
    timeout: 60_000,
  }, async () => {
    const upright = await loaPages();
    const want = extractFields(upright, 'loa').fields;
    expect(want.account_number?.value).toBe('4471-2290-8812');
    for (const o of [90, 180, 270] as const) {
      // the same page as the OCR returns it for a scan turned the other way: boxes on the image as it is
      const sideways = o === 90 || o === 270;
      const W = sideways ? 792 : 612,
        H = sideways ? 612 : 792;
      const scanned: PageText = {
        ...upright[0]!,
        width: W,
        height: H,
        method: 'ocr',
        orientation: o,
        words: upright[0]!.words.map((w) => ({ ...w, bbox: unturnBox(w.bbox, o, W, H) })),
      };
      const got = extractFields([scanned], 'loa').fields;
      expect(got.account_number?.value).toBe(want.account_number?.value);
      expect(got.service_address?.value).toEqual(want.service_address?.value);
      expect(got.account_number?.bbox).toEqual(unturnBox(want.account_number!.bbox!, o, W, H));
      if (o !== 180) continue;
      const back = await storedAndReadBack([scanned]);
      expect(back[0]!.orientation).toBe(180);
      expect(extractFields(back, 'loa').fields.account_number?.value).toBe('4471-2290-8812');
    }
  });
});

describe('harsh scan profile', () => {
  it('is drawn for dev seeds only and leaves the ordinary profile as it was', () => {
    expect(() => harshScanOptions(7_000_001)).toThrow(/dev seeds/);
    expect(harshScanOptions(12)).toEqual(harshScanOptions(12));
    const turned = Array.from({ length: 200 }, (_, i) => harshScanOptions(i + 1)).filter((o) => o.orientation);
    expect(turned.length).toBeGreaterThan(20);
    // ordinary draws are what they were before the harsh profile existed
    expect(randomScanOptions(5)).toEqual({
      rotation: expect.any(Number),
      blur: expect.any(Number),
      noise: expect.any(Number),
      jpegQuality: expect.any(Number),
      fax: expect.any(Boolean),
    });
  });
});
