import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { AppError } from '../../../shared/contract/rpc.js';
import { RESOURCES_DIR } from '../paths.js';

export const TESSDATA_FILE = 'eng.traineddata.gz';

/**
 * The folder holding eng.traineddata.gz. tesseract.js downloads from a CDN when langPath is unset or
 * wrong, so this always returns a folder where the file really is, or throws: OCR never goes online.
 * Order: $PORTDESK_TESSDATA, the packaged app's resources, the app's resources/tessdata, the npm package.
 */
export function resolveTessdataDir(env: NodeJS.ProcessEnv = process.env): string {
  const candidates: string[] = [];
  if (env.PORTDESK_TESSDATA) candidates.push(path.resolve(env.PORTDESK_TESSDATA));
  // Electron sets process.resourcesPath; electron-builder copies resources/ into it.
  const resourcesPath = (process as { resourcesPath?: string }).resourcesPath;
  if (resourcesPath) candidates.push(path.join(resourcesPath, 'resources', 'tessdata'));
  candidates.push(path.join(RESOURCES_DIR, 'tessdata'));
  try {
    const require = createRequire(import.meta.url);
    candidates.push(path.join(path.dirname(require.resolve('@tesseract.js-data/eng/package.json')), '4.0.0_best_int'));
  } catch {
    // package not installed: only the bundled copies can serve
  }
  for (const dir of candidates) {
    if (fs.existsSync(path.join(dir, TESSDATA_FILE))) return dir;
  }
  throw new AppError(
    'INTERNAL',
    `The OCR language data (${TESSDATA_FILE}) is missing; looked in: ${candidates.join(', ')}. Reinstall PortDesk.`,
  );
}
