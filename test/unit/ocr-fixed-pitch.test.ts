import { createCanvas, GlobalFonts } from '@napi-rs/canvas';
import { afterAll, describe, expect, it } from 'vitest';
import { extractFields } from '../../electron/core/extract/index.js';
import { buildLayout, segText } from '../../electron/core/extract/layout.js';
import { DEFAULT_PREPROCESS, OcrEngine } from '../../electron/core/ocr/engine.js';
import type { PageText } from '../../shared/domain/document.js';

/*
 * Issue 9, scans in faces the reader was not tuned on. A fixed-pitch face drawn thin (Nimbus Mono, Noto
 * Mono) leaves a word space on a scan as wide as the line is high, wider than the page's proportional
 * print takes for a column gap: "Siobhan Kim" was read as "Siobhan" | "Kim" and the name cut to
 * "Siobhan". The gaps of a fixed-pitch line are counted in characters instead (layout.ts fixedPitch):
 * one space joins, two part a tag from its value.
 */

const engine = new OcrEngine(DEFAULT_PREPROCESS);
afterAll(() => engine.close());

const FACES = {
  nimbus: '/usr/share/fonts/opentype/urw-base35/NimbusMonoPS-Regular.otf',
  noto: '/usr/share/fonts/truetype/noto/NotoMono-Regular.ttf',
} as const;
GlobalFonts.registerFromPath('/usr/share/fonts/opentype/urw-base35/C059-Roman.otf', 'Pitch Test Serif');
for (const [k, file] of Object.entries(FACES)) GlobalFonts.registerFromPath(file, `Pitch Test ${k}`);

/** A letter in a proportional face with a record's lines in a fixed-pitch one, scanned at 300 dpi and read. */
async function scanned(face: keyof typeof FACES, record: string[]): Promise<PageText> {
  const W = 2550,
    H = 1800;
  const canvas = createCanvas(W, H);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, W, H);
  ctx.fillStyle = '#000';
  ctx.font = `${(10 * 300) / 72}px "Pitch Test Serif"`;
  const letter = [
    'Thank you for your request. Below is the record of the account as it stands today, printed',
    'from our billing system. Please check every line against your order before you submit it to',
    'us, and call the number on the first page if anything does not agree with what you hold.',
    'A port that names a line we do not show on the account, or a name that is spelt another way,',
    'is sent back to the gaining carrier with the reason, and the date you asked for is then lost.',
    'Lines that are part of a hunt group move together with their pilot number or not at all, and',
    'a line with a pending order on it cannot be moved until that order is complete or withdrawn.',
    'The authorized person below is the one we will speak to about any change to this account.',
  ];
  letter.forEach((l, i) => ctx.fillText(l, 200, 200 + i * 60));
  ctx.font = `${(10 * 300) / 72}px "Pitch Test ${face}"`;
  record.forEach((l, i) => ctx.fillText(l, 200, 800 + i * 60));
  const r = await engine.run({ kind: 'image', bytes: canvas.encodeSync('png'), mime: 'image/png', frame: 0 });
  return { page: 1, width: r.width, height: r.height, method: 'ocr', words: r.words };
}

describe('a record printed in a fixed-pitch face, scanned', () => {
  for (const face of ['nimbus', 'noto'] as const)
    it(`${face}: reads a name whole and parts a tag from its value by two spaces`, async () => {
      const page = await scanned(face, [
        'ACCOUNT NAME:  HARBOR LIGHT DENTAL PC',
        'AUTHORIZED BY:  SIOBHAN KIM',
        'BTN  208-555-0143  STATUS  ACTIVE',
      ]);
      const got = extractFields([page], 'csr').fields;
      expect(got.authorized_person?.value).toBe('SIOBHAN KIM');
      expect(got.account_name?.value).toBe('HARBOR LIGHT DENTAL PC');
      const cells = buildLayout([page], 'csr').lines.map((l) => l.segs.map((s) => segText(s.toks)));
      expect(cells).toContainEqual(['BTN', '208-555-0143', 'STATUS', 'ACTIVE']);
    }, 120_000);
});
