// Bundled by documents-ocr-bundle.test.ts the way scripts/build-electron.mjs bundles the app, then
// run with plain node (no tsx): proves the OCR worker is found and works in a packaged layout.
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { readDocument } from '../../electron/core/documents/read.js';
import { createOcrPool, ocrWorkerEntry } from '../../electron/core/ocr/pool.js';
import { resolveTessdataDir } from '../../electron/core/ocr/tessdata.js';

const file = process.argv[2];
if (!file) throw new Error('usage: entry <image>');
// The host passes the worker bundle it ships beside itself, as electron/main does in the package.
const workerFile = fileURLToPath(new URL('../workers/ocr-worker.mjs', import.meta.url));
const pool = createOcrPool({ size: 1, workerFile });
const entry = ocrWorkerEntry(workerFile);
const r = await readDocument(fs.readFileSync(file), { pool });
process.stdout.write(
  JSON.stringify({
    entry: entry.href,
    tessdata: resolveTessdataDir(),
    words: r.pages.flatMap((p) => p.words.map((w) => w.text)),
  }),
);
await pool.close();
