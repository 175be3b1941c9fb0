import { createCanvas, GlobalFonts } from '@napi-rs/canvas';
import { afterAll, describe, expect, it } from 'vitest';
import { extractFields } from '../../electron/core/extract/index.js';
import { DEFAULT_PREPROCESS, OcrEngine } from '../../electron/core/ocr/engine.js';
import { type Gray, toGray } from '../../electron/core/ocr/preprocess.js';
import { plainZeros } from '../../electron/core/ocr/zero-dots.js';
import type { PageText, Word } from '../../shared/domain/document.js';
import { CORE_FIELDS } from '../fixtures/generator/evaluate.js';
import { randomScanOptions, renderScan } from '../fixtures/generator/image.js';
import { generateRandom, type RandomFixture } from '../fixtures/generator/random.js';
import { fieldCorrect } from '../fixtures/generator/score.js';

/*
 * Issue 9, scans of the stand-ins that read worst (third round). Records printed in a monospace font
 * draw 0 with a dot in it, which tesseract reads as 8 (zero-dots.ts makes the dot paper before the
 * read); an account tree exported as an outline, scanned, has its expand markers read as "{-]" or
 * "(-]" and its word spaces as wide as the glyph-hugging boxes are high (outline.ts).
 */

const engine = new OcrEngine(DEFAULT_PREPROCESS);
afterAll(() => engine.close());

/** A dev seed's ordinary scan read by the OCR engine, page by page, as the reader gives it to extraction. */
async function scanOf(family: string, seed: number): Promise<{ f: RandomFixture; pages: PageText[] }> {
  // the draw of the time (a stand-in added redraws unpinned dev seeds)
  const f = generateRandom(seed, { family, standins: 32 });
  const { pdf } = await renderScan(f.model, f.seed, randomScanOptions(f.seed));
  const pages: PageText[] = [];
  for (let p = 1; p <= f.model.pages.length; p++) {
    const r = await engine.run({ kind: 'pdf-page', bytes: pdf, page: p, docKey: `standscan3-${family}-${seed}` });
    pages.push({ page: p, width: r.width, height: r.height, method: 'ocr', words: r.words });
  }
  return { f, pages };
}

const wrongFields = (f: RandomFixture, pages: PageText[]) => {
  const got = extractFields(pages, f.kind).fields;
  return CORE_FIELDS.filter((k) => f.truth[k] !== undefined && !fieldCorrect(k, f.truth, got));
};

/** Lines of monospace print at 300 dpi in Liberation Mono (its 0 is dotted), in gray. */
function monoPrint(lines: string[], pt = 9): Gray {
  GlobalFonts.registerFromPath('/usr/share/fonts/truetype/liberation/LiberationMono-Regular.ttf', 'Scans3 Mono');
  const W = 1400,
    H = 80 + lines.length * pt * 7;
  const canvas = createCanvas(W, H);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, W, H);
  ctx.fillStyle = '#000';
  ctx.font = `${(pt * 300) / 72}px "Scans3 Mono"`;
  lines.forEach((l, i) => ctx.fillText(l, 40, 60 + i * pt * 7));
  return toGray(canvas, W, H);
}

describe('dotted zeros (zero-dots.ts)', () => {
  it('csr-api-2: the account number, BTN and lines printed with dotted zeros are read with their zeros', async () => {
    // first measure: "4248451" for "4240451", "9205558131" for the BTN "9205550131" (and a ninth line)
    const { f, pages } = await scanOf('csr-api', 2);
    expect(wrongFields(f, pages)).toEqual([]);
  }, 300_000);

  it("makes paper of each zero's dot and of nothing else, in other print", () => {
    const lines = ['Ref 7030-4010 / 2009', 'B8 O9 ox: i; 88% @'];
    const g = monoPrint(lines);
    const zeros = lines.join('').split('0').length - 1;
    const { gray, erased } = plainZeros(g, 300);
    expect(erased).toBe(zeros);
    // the second line (eights, capital O, colon, semicolon, i, percent, at) is left as it was
    const second = Math.round(60 + 9 * 7 - 50);
    const changedBelow = gray.data.subarray(second * g.width).some((v, i) => v !== g.data[second * g.width + i]);
    expect(changedBelow).toBe(false);
  });
});

/**
 * An OCR'd page of 9-pt monospace print as tesseract boxes it: a word from its first glyph to its last
 * (5.4 pt a character), as high as a capital (6.5 pt), not as the font.
 */
function monoOcrPage(lines: [number, string][]): PageText[] {
  const words: Word[] = [];
  for (const [y, text] of lines)
    for (const m of text.matchAll(/\S+/g)) {
      const x0 = 36 + m.index * 5.4;
      words.push({ text: m[0], bbox: [x0, y, x0 + m[0].length * 5.4, y + 6.5], conf: 0.9 });
    }
  return [{ page: 1, width: 612, height: 792, method: 'ocr', words }];
}

describe('an account outline read by OCR (outline.ts)', () => {
  it('csr-tree-6: the account name and the authorized user are read (markers read "{-]", a key of two words)', async () => {
    // first measure: both missing — "{-] Line …" was no tree glyph, and "auth" of "auth user=James Zhang"
    // was taken for the node's name and dropped
    const { f, pages } = await scanOf('csr-tree', 6);
    const wrong = wrongFields(f, pages);
    expect(wrong).not.toContain('account_name');
    expect(wrong).not.toContain('authorized_person');
  }, 300_000);

  it('reads the facts of a scanned outline in other wording', () => {
    const pages = monoOcrPage([
      [40, 'Acme Provisioning                Account Outline'],
      [60, '[-] Account      acct=4410 22 901 7734 | NAME=Harbor Light Dental PC | status=A'],
      [74, '    {-] Contacts     admin user=Olga Petrova | role=Owner'],
      [88, '    (-] Location 0031    street=88 Pine Ridge Rd | CTY=Boise | state=ID | zip=83702'],
      [102, '        {-] TN 208-555-0143     type=1FB | state=WKG'],
      [116, '        (-] TN 208-555-0177     type=1FB | state=WKG'],
      [130, '            [-] Feature ESX     desc=call waiting'],
    ]);
    const got = extractFields(pages, 'csr').fields;
    expect(got.account_name?.value).toBe('Harbor Light Dental PC');
    expect(got.authorized_person?.value).toBe('Olga Petrova');
  });
});
