// Bundles the Electron main process (ESM) and the sandboxed preload (CJS) into dist/electron/.
// Only for packaging on a machine that has the Electron binary; tests never need it.
import { build } from 'esbuild';

const external = ['electron', 'better-sqlite3', 'tesseract.js', 'pdfjs-dist', '@napi-rs/canvas', '@tesseract.js-data/eng'];
await build({
  entryPoints: { main: 'electron/main/index.ts' }, outdir: 'dist/electron', bundle: true, platform: 'node',
  format: 'esm', target: 'node22', outExtension: { '.js': '.mjs' }, external, sourcemap: true,
  banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
});
await build({
  entryPoints: { preload: 'electron/preload/index.ts' }, outdir: 'dist/electron', bundle: true, platform: 'node',
  format: 'cjs', target: 'node22', outExtension: { '.js': '.cjs' }, external: ['electron'],
});
await build({
  entryPoints: ['electron/workers/*.ts'], outdir: 'dist/workers', bundle: true, platform: 'node', format: 'esm',
  target: 'node22', outExtension: { '.js': '.mjs' }, external, allowOverwrite: true,
  banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
});
console.log('built dist/electron/main.mjs, dist/electron/preload.cjs, dist/workers/');
