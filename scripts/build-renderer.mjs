// Builds the renderer into dist/renderer when sources are newer than the build (or with --force).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const out = path.join(root, 'dist', 'renderer', 'index.html');
const force = process.argv.includes('--force');

function newest(dir) {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.name === 'node_modules') continue;
    const p = path.join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

if (!existsSync(path.join(root, 'renderer', 'index.html'))) {
  console.log('build-renderer: no renderer sources yet');
  process.exit(0);
}
const srcTime = Math.max(
  newest(path.join(root, 'renderer')),
  newest(path.join(root, 'shared')),
  statSync(path.join(root, 'vite.config.ts')).mtimeMs,
);
if (!force && existsSync(out) && statSync(out).mtimeMs >= srcTime) process.exit(0);
const vite = path.join(root, 'node_modules', 'vite', 'bin', 'vite.js');
const r = spawnSync(process.execPath, [vite, 'build', '--logLevel', 'warn'], { stdio: 'inherit', cwd: root });
process.exit(r.status ?? 1);
