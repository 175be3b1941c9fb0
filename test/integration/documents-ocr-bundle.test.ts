import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { createOcrPool, ocrWorkerEntry } from '../../electron/core/ocr/pool.js';
import { resolveTessdataDir, TESSDATA_FILE } from '../../electron/core/ocr/tessdata.js';
import { scan } from './documents-fixtures.js';

const repo = path.resolve(fileURLToPath(new URL('../..', import.meta.url)));
// Inside the repo (git-ignored tmp/) so the bundle's external packages resolve from node_modules.
fs.mkdirSync(path.join(repo, 'tmp'), { recursive: true });
const dir = fs.mkdtempSync(path.join(repo, 'tmp', 'ocr-bundle-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('OCR worker entry', () => {
  it('is the built bundle, never TypeScript compiled at run time; a missing one says what to do', async () => {
    expect(ocrWorkerEntry().pathname).toMatch(/dist\/workers\/ocr-worker\.mjs$/);
    const missing = path.join(dir, 'no-such-worker.mjs');
    expect(() => ocrWorkerEntry(missing)).toThrow(/npm run build/);
    const pool = createOcrPool({ size: 1, workerFile: missing });
    await expect(
      pool.recognize({ kind: 'image', bytes: new Uint8Array(8), mime: 'image/png', frame: 0 }),
    ).rejects.toThrow(/OCR worker .* is missing/);
    await pool.close();
  });

  it('runs the bundled .mjs worker with plain node, the way the packaged app does', async () => {
    const external = [
      'electron',
      'better-sqlite3',
      'tesseract.js',
      'pdfjs-dist',
      '@napi-rs/canvas',
      '@tesseract.js-data/eng',
    ];
    const banner = {
      js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);",
    };
    const common = {
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node22',
      external,
      banner,
      logLevel: 'silent',
    } as const;
    await build({
      ...common,
      entryPoints: { entry: path.join(repo, 'test/integration/documents-bundle-entry.ts') },
      outdir: path.join(dir, 'dist/electron'),
      outExtension: { '.js': '.mjs' },
    });
    await build({
      ...common,
      entryPoints: [path.join(repo, 'electron/workers/ocr-worker.ts')],
      outdir: path.join(dir, 'dist/workers'),
      outExtension: { '.js': '.mjs' },
    });
    const png = path.join(dir, 'scan.png');
    fs.writeFileSync(png, scan(['Bundled worker reads account 7730-1142'], { dpi: 200, heightIn: 1.5 }).png);

    const out = JSON.parse(
      execFileSync(process.execPath, [path.join(dir, 'dist/electron/entry.mjs'), png], {
        env: { ...process.env, NODE_OPTIONS: '' },
        encoding: 'utf8',
        timeout: 60_000,
      }),
    ) as { entry: string; tessdata: string; words: string[] };
    expect(out.entry).toBe(pathToFileURL(path.join(dir, 'dist/workers/ocr-worker.mjs')).href);
    expect(out.words).toContain('7730-1142');
  });
});

describe('language data', () => {
  it('comes from the app resources, or a folder the environment names; never from the network', () => {
    expect(resolveTessdataDir({})).toBe(path.join(repo, 'resources', 'tessdata'));
    const custom = fs.mkdtempSync(path.join(os.tmpdir(), 'tessdata-'));
    fs.copyFileSync(path.join(repo, 'resources', 'tessdata', TESSDATA_FILE), path.join(custom, TESSDATA_FILE));
    expect(resolveTessdataDir({ PORTDESK_TESSDATA: custom })).toBe(custom);
    // a folder without the file is skipped, not trusted
    expect(resolveTessdataDir({ PORTDESK_TESSDATA: os.tmpdir() })).toBe(path.join(repo, 'resources', 'tessdata'));
    fs.rmSync(custom, { recursive: true, force: true });
  });
});
