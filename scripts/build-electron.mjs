// Bundles the Electron main process (ESM) and the sandboxed preload (CJS) into dist/electron/. The OCR
// worker the main process starts is the one scripts/build-node.mjs bundles (dist/workers/ocr-worker.mjs).
// Packages stay external: the package ships them once, in node_modules, as the worker loads them too.
import { build } from 'esbuild';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
await build({
  entryPoints: { main: 'electron/main/index.ts' },
  outdir: 'dist/electron',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node22',
  outExtension: { '.js': '.mjs' },
  packages: 'external',
  sourcemap: 'linked',
  logLevel: 'warning',
  absWorkingDir: root,
  banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
});
await build({
  entryPoints: { preload: 'electron/preload/index.ts' },
  outdir: 'dist/electron',
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node22',
  outExtension: { '.js': '.cjs' },
  external: ['electron'],
  logLevel: 'warning',
  absWorkingDir: root,
});
console.log('built dist/electron/main.mjs, dist/electron/preload.cjs');
