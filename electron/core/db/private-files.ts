import fs from 'node:fs';
import path from 'node:path';

/**
 * The data folder holds customers' account numbers and PINs: the folder is 0700 and every file
 * PortDesk writes there 0600, whatever the umask. An existing folder is tightened on open.
 */
export const PRIVATE_DIR_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;

export function ensurePrivateDir(dir: string): void {
  fs.mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  tighten(dir, PRIVATE_DIR_MODE);
}

/** chmod that ignores file systems without modes (FAT, some network shares) and files owned by others. */
export function tighten(file: string, mode: number): void {
  try {
    if (process.platform !== 'win32' && (fs.statSync(file).mode & 0o777) !== mode) fs.chmodSync(file, mode);
  } catch {
    /* best effort: reading still works, and the folder's own mode protects the files */
  }
}

/** Write atomically (temp file + rename) with mode 0600 from the start. */
export function writePrivateFile(file: string, data: string | Uint8Array): void {
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: PRIVATE_DIR_MODE });
  const tmp = `${file}.${process.pid}.${Date.now()}.tmp`;
  fs.writeFileSync(tmp, data, { mode: PRIVATE_FILE_MODE });
  fs.renameSync(tmp, file);
}
