import { spawnSync } from 'node:child_process';
import path from 'node:path';

/** The host serves dist/renderer: rebuild it when the renderer or shared sources are newer. */
export default function globalSetup(): void {
  const root = path.resolve(import.meta.dirname, '..', '..');
  const r = spawnSync(process.execPath, [path.join(root, 'scripts', 'build-renderer.mjs')], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) throw new Error('The renderer did not build (scripts/build-renderer.mjs); see above.');
}
