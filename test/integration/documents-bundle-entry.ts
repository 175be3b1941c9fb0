// Bundled by documents-ocr-bundle.test.ts the way scripts/build-electron.mjs bundles the app, then
// run with plain node (no tsx): proves the OCR worker is found and works in a packaged layout.
import fs from 'node:fs';
import { readDocument } from '../../electron/core/documents/read.js';
import { createOcrPool, ocrWorkerEntry } from '../../electron/core/ocr/pool.js';
import { resolveTessdataDir } from '../../electron/core/ocr/tessdata.js';

const file = process.argv[2];
if (!file) throw new Error('usage: entry <image>');
const pool = createOcrPool({ size: 1 });
const entry = ocrWorkerEntry();
const r = await readDocument(fs.readFileSync(file), { pool });
process.stdout.write(JSON.stringify({
  entry: entry.url.href, execArgv: entry.execArgv, tessdata: resolveTessdataDir(),
  words: r.pages.flatMap((p) => p.words.map((w) => w.text)),
}));
await pool.close();
