import { expect } from 'vitest';
import type { OcrEngine } from '../../electron/core/ocr/engine.js';
import { renderScanPage, type ScanOptions } from '../fixtures/generator/image.js';
import type { LayoutPage } from '../fixtures/generator/layout.js';

/** One page printed, scanned (the seed and options renderScanPage takes) and read by the OCR engine. */
export function ocrScanned(engine: OcrEngine, page: LayoutPage, seed: number, opts: ScanOptions) {
  return engine.run({ kind: 'image', bytes: renderScanPage(page, seed, opts), mime: 'image/jpeg', frame: 0 });
}

/** Every word of every row (a caption and its value) is among the words read; `as` names the print in a failure. */
export function expectRowsRead(texts: readonly string[], rows: readonly (readonly string[])[], as: string): void {
  for (const row of rows)
    for (const word of row.flatMap((cell) => cell.split(' '))) expect(texts, `${as}: ${word}`).toContain(word);
}
