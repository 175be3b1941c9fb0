import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Where the app's own files are. In a source checkout everything hangs off the repo root; a packaged
 * Electron build sets PORTDESK_APP_ROOT (resources/ is shipped beside the asar via extraResources).
 */
const here = path.dirname(fileURLToPath(import.meta.url));
export const APP_ROOT = process.env.PORTDESK_APP_ROOT ?? path.resolve(here, '..', '..');
export const RESOURCES_DIR = process.env.PORTDESK_RESOURCES_DIR ?? path.join(APP_ROOT, 'resources');
export const RENDERER_DIR = process.env.PORTDESK_RENDERER_DIR ?? path.join(APP_ROOT, 'dist', 'renderer');
