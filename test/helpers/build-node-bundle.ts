import { spawnSync } from 'node:child_process';
import path from 'node:path';

/**
 * The OCR pool runs only the built worker (dist/workers/ocr-worker.mjs), as the package does: rebuild
 * the Node bundles when a source is newer, so tests never read pages with a stale worker.
 */
export default function globalSetup(): void {
  const root = path.resolve(import.meta.dirname, '..', '..');
  const r = spawnSync(process.execPath, [path.join(root, 'scripts', 'build-node.mjs')], {
    cwd: root,
    stdio: 'inherit',
  });
  if (r.status !== 0) throw new Error('scripts/build-node.mjs failed; see above.');
}
