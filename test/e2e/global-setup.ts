import { spawnSync } from 'node:child_process';
import path from 'node:path';

/**
 * The host serves dist/renderer and runs from the prebuilt Node bundle: rebuild both when their
 * sources are newer, so the e2e tests exercise what `npm start` runs.
 */
export default function globalSetup(): void {
  const root = path.resolve(import.meta.dirname, '..', '..');
  for (const script of ['build-renderer.mjs', 'build-node.mjs']) {
    const r = spawnSync(process.execPath, [path.join(root, 'scripts', script)], { cwd: root, stdio: 'inherit' });
    if (r.status !== 0) throw new Error(`scripts/${script} failed; see above.`);
  }
}
