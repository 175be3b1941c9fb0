// `npm run lint`: the layer rules and the no-cycle rule (.dependency-cruiser.cjs), then madge's
// cycle check as a second opinion, over electron/, shared/ and renderer/, then Biome's format check. Exits non-zero on any
// violation. Both tools read TypeScript through the TypeScript 5 API (see typescript5.mjs).
// Usage: node scripts/lint/run.mjs [--cwd DIR] [folders…]   (default: electron shared renderer)
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..', '..');
const args = process.argv.slice(2);
const at = args.indexOf('--cwd');
const cwd = at >= 0 ? path.resolve(args.splice(at, 2)[1]) : root;
const folders = args.length ? args : ['electron', 'shared', 'renderer'].filter((f) => existsSync(path.join(cwd, f)));
const node = path.join(root, 'node_modules', '.bin', 'node');
const hook = ['--import', path.join(root, 'scripts', 'lint', 'typescript5.mjs')];

function run(label, argv) {
  const r = spawnSync(existsSync(node) ? node : process.execPath, [...hook, ...argv], { cwd, stdio: 'inherit' });
  if (r.status !== 0) console.error(`lint: ${label} failed`);
  return r.status === 0;
}

const cruiser = run('dependency-cruiser (layers, cycles)', [
  path.join(root, 'node_modules', 'dependency-cruiser', 'bin', 'dependency-cruiser.mjs'),
  '--config',
  path.join(root, '.dependency-cruiser.cjs'),
  '--output-type',
  'err',
  ...folders,
]);
const madge = run('madge --circular', [
  path.join(root, 'node_modules', 'madge', 'bin', 'cli.js'),
  '--circular',
  '--no-spinner',
  '--extensions',
  'ts,tsx',
  ...folders,
]);
// No function over 120 lines outside tests (scripts/lint/long-functions.mjs).
const short = run('long functions', [
  path.join(root, 'scripts', 'lint', 'long-functions.mjs'),
  ...folders.map((f) => path.resolve(cwd, f)),
]);
// The formatter's check runs on the project's own tree only (the architecture test lints temp trees).
const formatted =
  cwd !== root || args.length
    ? true
    : run('biome format (run `npm run format` to fix)', [
        path.join(root, 'node_modules', '@biomejs', 'biome', 'bin', 'biome'),
        'format',
        '.',
      ]);
process.exit(cruiser && madge && short && formatted ? 0 : 1);
