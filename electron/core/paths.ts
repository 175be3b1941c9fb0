import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Where the app's own files are. Sources (electron/core), the Node bundle (dist/node, dist/node/chunks)
 * and the Electron bundle (dist/electron) sit at different depths, so the root is found by walking up
 * to PortDesk's package.json — in a packaged build that is `<resourcesPath>/app.asar/package.json`.
 */
function findRoot(start: string): string {
  for (let dir = start; ; dir = path.dirname(dir)) {
    const pkg = path.join(dir, 'package.json');
    if (fs.existsSync(pkg)) {
      try {
        if ((JSON.parse(fs.readFileSync(pkg, 'utf8')) as { name?: string }).name === 'portdesk') return dir;
      } catch {
        /* keep walking */
      }
    }
    if (path.dirname(dir) === dir) return path.resolve(start, '..', '..');
  }
}

export const APP_ROOT = findRoot(path.dirname(fileURLToPath(import.meta.url)));

/**
 * Electron sets process.resourcesPath in every run (in development it points into node_modules/electron);
 * the app is packaged when its root is that folder's app.asar (or app/). electron-builder's
 * extraResources puts resources/ (tessdata) beside the asar, so it is read from there.
 */
const electronResources = (process as { resourcesPath?: string }).resourcesPath;
export const PACKAGED = electronResources !== undefined && path.dirname(APP_ROOT) === path.resolve(electronResources);

export const RESOURCES_DIR =
  process.env.PORTDESK_RESOURCES_DIR ??
  (PACKAGED ? path.join(electronResources!, 'resources') : path.join(APP_ROOT, 'resources'));
export const RENDERER_DIR = process.env.PORTDESK_RENDERER_DIR ?? path.join(APP_ROOT, 'dist', 'renderer');

/** The one OCR worker entry: the bundle scripts/build-node.mjs makes; the package ships it inside the asar. */
export const OCR_WORKER_FILE = path.join(APP_ROOT, 'dist', 'workers', 'ocr-worker.mjs');
