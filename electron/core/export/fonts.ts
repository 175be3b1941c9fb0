import fontkit from '@pdf-lib/fontkit';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { PDFDocument, PDFFont } from 'pdf-lib';

/*
 * Liberation Sans (metric-compatible with Arial/Helvetica) as shipped inside pdfjs-dist, a runtime
 * dependency: names with letters outside WinAnsi (Łukasz, Dvořák) print exactly, and the fonts are
 * subset, so a packet carries only the glyphs it uses. Read once per process.
 */

const require = createRequire(import.meta.url);
let cached: { regular: Uint8Array; bold: Uint8Array } | null = null;

function fontBytes(): { regular: Uint8Array; bold: Uint8Array } {
  if (!cached) {
    const dir = path.join(path.dirname(require.resolve('pdfjs-dist/package.json')), 'standard_fonts');
    cached = {
      regular: fs.readFileSync(path.join(dir, 'LiberationSans-Regular.ttf')),
      bold: fs.readFileSync(path.join(dir, 'LiberationSans-Bold.ttf')),
    };
  }
  return cached;
}

export interface Fonts {
  regular: PDFFont;
  bold: PDFFont;
}

export async function embedFonts(doc: PDFDocument): Promise<Fonts> {
  doc.registerFontkit(fontkit);
  const bytes = fontBytes();
  const [regular, bold] = await Promise.all([
    doc.embedFont(bytes.regular, { subset: true }),
    doc.embedFont(bytes.bold, { subset: true }),
  ]);
  return { regular, bold };
}

/**
 * Text as one line the font can draw: control characters (a tab or newline pasted into a name)
 * become spaces, and characters the font has no glyph for become "?" rather than an invisible box,
 * so what is printed is what a reader copies out of the PDF.
 */
export function printable(font: PDFFont, text: string): string {
  const clean = text.replace(/[\p{Cc}\u2028\u2029]/gu, ' ');
  const supported = supportedSet(font);
  let out = '';
  for (const ch of clean) out += supported.has(ch.codePointAt(0)!) ? ch : '?';
  return out;
}

const sets = new WeakMap<PDFFont, Set<number>>();
function supportedSet(font: PDFFont): Set<number> {
  let s = sets.get(font);
  if (!s) {
    s = new Set(font.getCharacterSet());
    s.add(0x20);
    sets.set(font, s);
  }
  return s;
}
