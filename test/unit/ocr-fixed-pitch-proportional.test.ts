import { createCanvas, GlobalFonts } from '@napi-rs/canvas';
import { afterAll, describe, expect, it } from 'vitest';
import { extractFields } from '../../electron/core/extract/index.js';
import { buildLayout, fixedPitch, segText } from '../../electron/core/extract/layout.js';
import { DEFAULT_PREPROCESS, OcrEngine } from '../../electron/core/ocr/engine.js';
import type { PageText } from '../../shared/domain/document.js';
import { devBadScanPort } from '../bench/review-ports.js';

/*
 * Issue 9, scans: a line is read as fixed-pitch (its gaps counted in characters, layout.ts fixedPitch) when
 * its words are as wide as their characters times one pitch. On dev scans that fit also held for lines in
 * a proportional face — a date ("September 1, 2026"), a row of capitals ("AUTHORIZED SIGNATURE DATE
 * SIGNED"), a short caption line — whose widths fall on a line by chance; their gaps were then measured
 * against a character and a column gap of one could join (or a word space split) cells. What tells the
 * faces apart is the space: a fixed-pitch face's is a whole character wide, a proportional face's a third
 * to two thirds of one.
 */

const engine = new OcrEngine(DEFAULT_PREPROCESS);
afterAll(() => engine.close());

const FACES = {
  'Prop Sans': '/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf',
  'Prop Serif': '/usr/share/fonts/opentype/urw-base35/C059-Roman.otf',
  'Mono Nimbus': '/usr/share/fonts/opentype/urw-base35/NimbusMonoPS-Regular.otf',
  'Mono Noto': '/usr/share/fonts/truetype/noto/NotoMono-Regular.ttf',
} as const;
for (const [alias, file] of Object.entries(FACES)) GlobalFonts.registerFromPath(file, alias);

const LINES = [
  'September 1, 2026',
  'Last Statement Balance $457.50',
  'AUTHORIZED SIGNATURE DATE SIGNED',
  'Northgate Roofing Ltd.',
  'STEP 3: Authorization',
  'Fort Collins, CO 80522',
  'Hosted seat - Executive 260.58',
];

/** The lines above in one face, scanned at 300 dpi and read by the real OCR engine. */
async function scanned(face: keyof typeof FACES): Promise<PageText> {
  const canvas = createCanvas(2550, 1000);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, 2550, 1000);
  ctx.fillStyle = '#000';
  ctx.font = `${(10 * 300) / 72}px "${face}"`;
  LINES.forEach((l, i) => ctx.fillText(l, 200, 150 + i * 110));
  const r = await engine.run({ kind: 'image', bytes: canvas.encodeSync('png'), mime: 'image/png', frame: 0 });
  return { page: 1, width: r.width, height: r.height, method: 'ocr', words: r.words };
}

/** Each line of the page read as fixed-pitch or not, by its text. */
async function judged(face: keyof typeof FACES): Promise<Map<string, boolean>> {
  const doc = buildLayout([await scanned(face)], 'csr');
  return new Map(
    doc.lines.map((l) => {
      const toks = [...l.segs.flatMap((s) => s.toks)].sort((a, b) => a.x0 - b.x0);
      return [segText(toks), fixedPitch(toks) !== null];
    }),
  );
}

describe('which scanned lines are read as fixed-pitch', () => {
  for (const face of ['Prop Sans', 'Prop Serif'] as const)
    it(`${face}: no line of a proportional face`, async () => {
      const got = await judged(face);
      expect(got.size).toBeGreaterThanOrEqual(LINES.length - 1);
      expect([...got].filter(([, fixed]) => fixed).map(([text]) => text)).toEqual([]);
    }, 120_000);
  for (const face of ['Mono Nimbus', 'Mono Noto'] as const)
    it(`${face}: the lines of a fixed-pitch face with word spaces`, async () => {
      const got = await judged(face);
      const fixed = [...got].filter(([, f]) => f).length;
      expect(fixed).toBeGreaterThanOrEqual(LINES.length - 2);
    }, 120_000);
});

describe("a fixed-width record with OCR's word boxes jittered (the review's bad scans)", () => {
  // (dev port 43853, 3 stand-ins: boxes jittered by a point either way set some word spaces at a third of
  // a character; the record's lines were read as fixed-pitch all the same, cut where no column is, and no
  // service address was read)
  it('reads the service address', () => {
    const p = devBadScanPort(43853, undefined, 3);
    const got = extractFields(p.csr.pages, 'csr').fields.service_address?.value;
    expect(got).toMatchObject({ street_line: '4567 INDUSTRIAL ST', city: 'FARGO', state: 'ND', zip5: '58109' });
  });
});
