// Bundles the Node side (CLI, loopback host, core) into dist/node/ and the OCR worker into
// dist/workers/, so `portdesk serve` starts without compiling TypeScript at launch (~1 s saved).
// bin/portdesk.mjs uses the bundle only while it is newer than every source file; otherwise it
// runs the sources through tsx, so an edit is never hidden by a stale bundle.
// dist/workers/ocr-worker.mjs is the ONE OCR worker entry: the CLI, the loopback host, the Electron
// package and the tests all start it (electron/core/paths.ts OCR_WORKER_FILE); nothing runs the .ts.
import { build } from 'esbuild';
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { newestSource } from './sources.mjs';

const root = path.resolve(import.meta.dirname, '..');
const outputs = [path.join(root, 'dist', 'node', 'cli.mjs'), path.join(root, 'dist', 'workers', 'ocr-worker.mjs')];
const fresh = () => {
  const newest = newestSource(root);
  return outputs.every((f) => existsSync(f) && statSync(f).mtimeMs >= newest);
};
if (!process.argv.includes('--force') && fresh()) process.exit(0);

const common = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node22',
  packages: 'external',
  outExtension: { '.js': '.mjs' },
  sourcemap: 'linked',
  logLevel: 'warning',
  absWorkingDir: root,
  banner: {
    js: "import { createRequire as __pdCreateRequire } from 'node:module'; const require = __pdCreateRequire(import.meta.url);",
  },
};
await build({
  ...common,
  entryPoints: { cli: 'electron/cli/main.ts' },
  outdir: 'dist/node',
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
});
await build({ ...common, entryPoints: { 'ocr-worker': 'electron/workers/ocr-worker.ts' }, outdir: 'dist/workers' });
