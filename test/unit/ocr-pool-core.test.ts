import { createCanvas, GlobalFonts } from '@napi-rs/canvas';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileTesseractCore, createOcrPool } from '../../electron/core/ocr/pool.js';
import { toGray } from '../../electron/core/ocr/preprocess.js';

/*
 * The pool compiles tesseract's WebAssembly once and holds it, so every worker it starts shares one
 * compiled copy (V8 hands a thread compiling the same bytes the copy held). That only works for the
 * file tesseract.js really loads; and the page pixels are read as if drawn over white paper, so a
 * transparent PNG's text is read (tesseract takes transparent for black).
 */

const require = createRequire(import.meta.url);
const FONT = 'PortDeskPoolCoreSans';
GlobalFonts.registerFromPath(
  path.join(path.dirname(require.resolve('pdfjs-dist/package.json')), 'standard_fonts', 'LiberationSans-Regular.ttf'),
  FONT,
);

/** Text in black on a transparent background (nothing drawn under it), 200 dpi. */
function transparentScan(line: string): Uint8Array {
  const canvas = createCanvas(1200, 200);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#000';
  ctx.font = `40px ${FONT}`;
  ctx.fillText(line, 40, 110);
  return canvas.toBuffer('image/png');
}

describe('shared tesseract core', () => {
  it('compiles the core tesseract.js loads in its worker', async () => {
    const shared = await compileTesseractCore();
    expect(shared).not.toBeNull();
    // what tesseract.js' node worker does on load: getCore(createWorker's lstmOnly, corePath, res)
    const getCore = require('tesseract.js/src/worker-script/node/getCore') as (
      lstmOnly: boolean,
      corePath: undefined,
      res: { progress(p: unknown): void },
    ) => Promise<unknown>;
    const loaded = await getCore(true, undefined, { progress: () => undefined });
    expect(loaded).toBe(require(`tesseract.js-core/${shared!.core}`));
  });

  it('a recycled worker reads with the shared code, and transparent PNGs read as on white paper', async () => {
    const pool = createOcrPool({ size: 1, recycleAfter: 1 });
    try {
      const first = await pool.recognize({
        kind: 'image',
        bytes: transparentScan('Account 4471-2290 transferred'),
        mime: 'image/png',
        frame: 0,
      });
      // the second page is read by a new worker (recycleAfter 1)
      const second = await pool.recognize({
        kind: 'image',
        bytes: transparentScan('Account 5582-3301 transferred'),
        mime: 'image/png',
        frame: 0,
      });
      expect(first.words.map((w) => w.text)).toEqual(expect.arrayContaining(['4471-2290', 'transferred']));
      expect(second.words.map((w) => w.text)).toEqual(expect.arrayContaining(['5582-3301', 'transferred']));
    } finally {
      await pool.close();
    }
  }, 120_000);

  it('gray of translucent pixels is their colour over white, as a white fill under them gave', () => {
    const draw = (ctx: ReturnType<ReturnType<typeof createCanvas>['getContext']>) => {
      for (let a = 0; a < 10; a++) {
        ctx.fillStyle = `rgba(${a * 25}, 40, 90, ${a / 10})`;
        ctx.fillRect(a * 20, 0, 20, 10);
      }
    };
    const onWhite = createCanvas(200, 10);
    const w = onWhite.getContext('2d');
    w.fillStyle = '#fff';
    w.fillRect(0, 0, 200, 10);
    draw(w);
    const bare = createCanvas(200, 10);
    draw(bare.getContext('2d'));
    const a = toGray(onWhite, 200, 10).data,
      b = toGray(bare, 200, 10).data;
    // an opaque canvas is read as it was before; a transparent one as the same page over white
    expect([...b]).toEqual([...a]);
    expect(b[5]).toBe(255); // alpha 0: paper
    expect(b[185]).toBeLessThan(200); // alpha 0.9: mostly the colour
  });
});
