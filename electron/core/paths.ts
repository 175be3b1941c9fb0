import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Where the app's own files are. Sources (electron/core), the Node bundle (dist/node, dist/node/chunks)
 * and the Electron bundle (dist/electron) sit at different depths, so the root is found by walking up
 * to PortDesk's package.json. A packaged Electron build sets PORTDESK_APP_ROOT (resources/ is shipped
 * beside the asar via extraResources).
 */
function findRoot(start: string): string {
  for (let dir = start; ; dir = path.dirname(dir)) {
    const pkg = path.join(dir, 'package.json');
    if (fs.existsSync(pkg)) {
      try {
        if ((JSON.parse(fs.readFileSync(pkg, 'utf8')) as { name?: string }).name === 'portdesk') return dir;
      } catch { /* keep walking */ }
    }
    if (path.dirname(dir) === dir) return path.resolve(start, '..', '..');
  }
}

export const APP_ROOT = process.env.PORTDESK_APP_ROOT ?? findRoot(path.dirname(fileURLToPath(import.meta.url)));
export const RESOURCES_DIR = process.env.PORTDESK_RESOURCES_DIR ?? path.join(APP_ROOT, 'resources');
export const RENDERER_DIR = process.env.PORTDESK_RENDERER_DIR ?? path.join(APP_ROOT, 'dist', 'renderer');
